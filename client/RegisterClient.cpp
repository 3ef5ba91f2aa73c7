#include "RegisterClient.h"

#include "ApiRequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace baosong {

RegisterClient::RegisterClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_fetch(new ApiRequest(network, this))
    , m_save(new ApiRequest(network, this))
{}

RegisterClient::~RegisterClient() = default;

void RegisterClient::abort()
{
    m_fetch->abort();
    m_save->abort();
}

QString RegisterClient::pathFor(const StatisticsPeriod &period)
{
    return u"/api/v1/register?from=%1&to=%2"_s.arg(period.from.toString(Qt::ISODate),
                                                   period.to.toString(Qt::ISODate));
}

QJsonObject RegisterClient::noticeBody(const InspectionNotice &n)
{
    QJsonObject o{{"date"_L1, n.date.toString(Qt::ISODate)},
                  {"source"_L1, n.source},
                  {"finding"_L1, n.finding},
                  {"unit_id"_L1, n.unitId},
                  {"follow_up"_L1, n.followUp},
                  {"closed"_L1, n.closed}};
    if (n.closedOn.isValid())
        o.insert("closed_on"_L1, n.closedOn.toString(Qt::ISODate));
    if (!n.id.isEmpty())
        o.insert("version"_L1, n.version);
    return o;
}

void RegisterClient::fetch(const ServerEndpoint &endpoint, const StatisticsPeriod &period)
{
    const bool sent = m_fetch->send(endpoint, "GET", pathFor(period), {}, [this](const ApiAnswer &a) {
        if (!a.ok()) {
            emit failed(a.message);
            return;
        }
        AccountabilityRegister r;
        QString error;
        if (!fromJson(a.json, &r, &error)) {
            emit failed(error);
            return;
        }
        emit fetched(r, a.json.value("may_write_notices"_L1).toBool());
    });
    if (!sent)
        QMetaObject::invokeMethod(
            this, [this] { emit failed(tr("Not signed in: the register comes from the server.")); },
            Qt::QueuedConnection);
}

void RegisterClient::saveNotice(const ServerEndpoint &endpoint, const InspectionNotice &notice)
{
    const QByteArray method = notice.id.isEmpty() ? "POST" : "PUT";
    const QString path =
        notice.id.isEmpty() ? u"/api/v1/register/notices"_s : u"/api/v1/register/notices/"_s + notice.id;
    const QByteArray body = QJsonDocument(noticeBody(notice)).toJson(QJsonDocument::Compact);
    const bool sent = m_save->send(endpoint, method, path, body, [this](const ApiAnswer &a) {
        if (a.status == 200 || a.status == 201) {
            InspectionNotice saved;
            QString error;
            if (fromJson(a.json.value("notice"_L1).toObject(), &saved, &error) && !saved.id.isEmpty())
                emit noticeSaved(saved);
            else
                emit noticeFailed(tr("The server's answer is not a notice."), {});
            return;
        }
        QStringList errors;
        for (const QJsonValue &v : a.json.value("errors"_L1).toArray())
            errors << v.toString();
        emit noticeFailed(a.message, errors);
    });
    if (!sent)
        QMetaObject::invokeMethod(
            this, [this] { emit noticeFailed(tr("Not signed in: notices are recorded on the server."), {}); },
            Qt::QueuedConnection);
}

} // namespace baosong
