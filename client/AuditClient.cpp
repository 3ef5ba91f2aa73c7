#include "AuditClient.h"

#include "ApiRequest.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace baosong {

AuditClient::AuditClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_request(new ApiRequest(network, this))
{}

AuditClient::~AuditClient() = default;

void AuditClient::abort()
{
    m_request->abort();
}

QString AuditClient::pathFor(const AuditFilter &f, qint64 after, int limit)
{
    QUrlQuery q;
    q.addQueryItem(u"after"_s, QString::number(after));
    q.addQueryItem(u"limit"_s, QString::number(limit));
    const auto add = [&q](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            q.addQueryItem(key, value.trimmed());
    };
    add(u"actor"_s, f.actor);
    add(u"item"_s, f.item);
    add(u"type"_s, f.type);
    add(u"unit"_s, f.unit);
    if (f.from.isValid())
        q.addQueryItem(u"from"_s, f.from.toString(Qt::ISODate));
    if (f.to.isValid())
        q.addQueryItem(u"to"_s, f.to.toString(Qt::ISODate));
    return u"/api/v1/audit?"_s + q.query(QUrl::FullyEncoded);
}

bool AuditClient::parse(const QJsonObject &o, AuditPage *page)
{
    if (!o.value("events"_L1).isArray())
        return false;
    AuditPage p;
    for (const QJsonValue &v : o.value("events"_L1).toArray()) {
        const QJsonObject e = v.toObject();
        AuditEvent event;
        event.sequence = e.value("seq"_L1).toInteger();
        event.at = QDateTime::fromString(e.value("at"_L1).toString(), Qt::ISODateWithMs);
        event.actorId = e.value("actor"_L1).toString();
        event.type = e.value("type"_L1).toString();
        event.subjectId = e.value("subject"_L1).toString();
        event.details = e.value("details"_L1).toObject();
        event.hash = e.value("hash"_L1).toString().toLatin1();
        p.events.append(event);
    }
    p.next = o.value("next"_L1).toInteger();
    p.more = o.value("more"_L1).toBool();
    p.chainOk = o.value("chain_ok"_L1).toBool(true);
    p.brokenAt = o.value("broken_at"_L1).toInteger();
    *page = std::move(p);
    return true;
}

void AuditClient::fetch(const ServerEndpoint &endpoint, const AuditFilter &filter, qint64 after, int limit)
{
    const bool sent =
        m_request->send(endpoint, "GET", pathFor(filter, after, limit), {}, [this](const ApiAnswer &a) {
            if (!a.ok()) {
                emit failed(a.message);
                return;
            }
            AuditPage page;
            if (!parse(a.json, &page)) {
                emit failed(tr("The server's answer is not an audit page."));
                return;
            }
            emit fetched(page);
        });
    if (!sent)
        QMetaObject::invokeMethod(
            this, [this] { emit failed(tr("Not signed in: the audit log is read on the server.")); },
            Qt::QueuedConnection);
}

} // namespace baosong
