#include "ItemHistory.h"
#include "Problem.h"

#include "Organization.h"
#include "RouteEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong {

ItemHistory::ItemHistory(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

ItemHistory::~ItemHistory()
{
    abort();
}

void ItemHistory::abort()
{
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void ItemHistory::fetch(const ServerEndpoint &endpoint, const QString &itemId)
{
    abort();
    if (!m_network || !endpoint.baseUrl.isValid() || endpoint.token.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, itemId] {
                emit failed(itemId, tr("Not signed in: the history from the server needs a connection."),
                            true);
            },
            Qt::QueuedConnection);
        return;
    }
    const QString path =
        u"/api/v1/items/%1/history"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(itemId)));
    QNetworkReply *reply = m_network->get(endpoint.request(path));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, itemId] {
        reply->deleteLater();
        if (m_reply != reply)
            return;
        m_reply.clear();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            emit failed(itemId, tr("The server could not be reached (%1).").arg(reply->errorString()), true);
            return;
        }
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (status != 200) {
            emit failed(itemId, Problem::fromAnswer(status, body, reply->rawHeader("X-Request-Id")).message(),
                        false);
            return;
        }
        QList<AuditEvent> events;
        QString error;
        if (!parseEvents(json, itemId, &events, &error)) {
            emit failed(itemId, error, false);
            return;
        }
        emit finished(itemId, events);
    });
}

bool ItemHistory::parseEvents(const QJsonObject &answer, const QString &itemId, QList<AuditEvent> *events,
                              QString *error)
{
    if (!answer.value("events"_L1).isArray()) {
        if (error)
            *error = tr("The server's answer has no history events.");
        return false;
    }
    events->clear();
    for (const QJsonValue &v : answer.value("events"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        AuditEvent e;
        const QJsonValue sequence = o.value("sequence"_L1);
        e.sequence = sequence.isString() ? sequence.toString().toLongLong() : sequence.toInteger();
        e.at = QDateTime::fromString(o.value("at"_L1).toString(), Qt::ISODateWithMs);
        e.actorId = o.value("actor_id"_L1).toString();
        e.type = o.value("type"_L1).toString();
        e.subjectId = itemId;
        e.details = o.value("details"_L1).toObject();
        if (e.type.isEmpty()) {
            if (error)
                *error = tr("The server's answer has a history event without a type.");
            return false;
        }
        events->append(e);
    }
    std::stable_sort(events->begin(), events->end(),
                     [](const AuditEvent &a, const AuditEvent &b) { return a.sequence < b.sequence; });
    return true;
}

QList<HistoryEntry> ItemHistory::fromAuditEvents(const QList<AuditEvent> &events)
{
    QList<HistoryEntry> out;
    for (const AuditEvent &e : events) {
        HistoryEntry h;
        h.at = e.at;
        h.actorId = e.actorId;
        h.type = e.type;
        h.details = e.details;
        h.fromServer = true;
        h.sequence = e.sequence;
        h.revision = e.details.value("revision"_L1).toInt();
        h.stageId = e.details.value("stage_id"_L1).toString();
        h.text = e.details.value("reason"_L1).toString();
        const QString action = e.type.startsWith("action."_L1) ? e.type.mid(7) : QString();
        if (action == "create"_L1 || action == "edit"_L1)
            h.kind = HistoryEntry::Kind::Revision;
        else if (action == "submit"_L1 || action == "propose_change"_L1 || action == "propose_retraction"_L1)
            h.kind = HistoryEntry::Kind::Submission;
        else if (action == "approve"_L1 || action == "return"_L1)
            h.kind = HistoryEntry::Kind::Decision;
        else if (action == "comment"_L1)
            h.kind = HistoryEntry::Kind::Comment;
        else if (e.type == "publish"_L1 || e.type == "retract"_L1)
            h.kind = HistoryEntry::Kind::Publication;
        else if (e.type == "override"_L1)
            h.kind = HistoryEntry::Kind::Override;
        else if (e.type.startsWith("municipal."_L1))
            h.kind = HistoryEntry::Kind::Publication; // the municipal platform's side (Art. 14)
        else
            h.kind = HistoryEntry::Kind::Other;
        out.append(h);
    }
    return foldSaves(out);
}

QList<HistoryEntry> ItemHistory::fromItem(const Item &item)
{
    QList<HistoryEntry> out;
    for (const Revision &r : item.revisions) {
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::Revision;
        h.at = r.createdAt;
        h.actorId = r.authorId;
        h.type = u"local.revision"_s;
        h.revision = r.number;
        out.append(h);
    }
    for (const Decision &d : item.decisions) {
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::Decision;
        h.at = d.at;
        h.actorId = d.personId;
        h.type = d.type == DecisionType::Approve ? u"local.approve"_s : u"local.return"_s;
        h.revision = d.revision;
        h.stageId = d.stageId;
        h.text = d.reason;
        h.details = QJsonObject{{"action"_L1, toString(d.type)}, {"cycle"_L1, d.cycle}};
        out.append(h);
        if (!d.overrideReason.isEmpty()) {
            HistoryEntry o = h;
            o.kind = HistoryEntry::Kind::Override;
            o.type = u"local.override"_s;
            o.text = d.overrideReason;
            out.append(o);
        }
    }
    for (const Comment &c : item.comments) {
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::Comment;
        h.at = c.at;
        h.actorId = c.personId;
        h.type = u"local.comment"_s;
        h.revision = c.revision;
        h.text = c.text;
        out.append(h);
    }
    if (item.publishedAt.isValid()) {
        HistoryEntry h;
        h.kind = HistoryEntry::Kind::Publication;
        h.at = item.publishedAt;
        h.type = u"local.publish"_s;
        out.append(h);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const HistoryEntry &a, const HistoryEntry &b) { return a.at < b.at; });
    return foldSaves(out);
}

QList<HistoryEntry> ItemHistory::foldSaves(const QList<HistoryEntry> &entries)
{
    QList<HistoryEntry> out;
    out.reserve(entries.size());
    for (const HistoryEntry &e : entries) {
        if (e.kind == HistoryEntry::Kind::Revision && !out.isEmpty() &&
            out.constLast().kind == HistoryEntry::Kind::Revision && out.constLast().actorId == e.actorId &&
            !e.type.endsWith("create"_L1)) {
            HistoryEntry &run = out.last();
            const int saves = std::max(1, run.details.value("saves"_L1).toInt()) + 1;
            const QString type = run.type.endsWith("create"_L1) ? run.type : e.type;
            QJsonObject details = e.details;
            details.insert("saves"_L1, saves);
            run = e;
            run.type = type;
            run.details = details;
            continue;
        }
        out.append(e);
    }
    return out;
}

QString ItemHistory::personName(const QString &personId, const Organization *organization)
{
    if (personId.isEmpty())
        return tr("the server");
    if (personId == "municipal_platform"_L1) // the actor of municipal.* events (server/PortalSender)
        return tr("the municipal platform");
    if (organization) {
        if (const Person *p = organization->person(personId))
            return p->name.isEmpty() ? personId : p->name;
    }
    return personId;
}

QString ItemHistory::describe(const HistoryEntry &entry, const Organization *organization, const Item *item)
{
    const QString who = personName(entry.actorId, organization);
    // Versions as users number them (第N稿), when the item is known.
    const auto versionOf = [item](int number) {
        return item && number > 0 ? item->versionOrdinal(number) : number;
    };
    const int version = versionOf(entry.revision);
    QString stage = entry.stageId;
    if (item && !stage.isEmpty()) {
        if (const std::optional<Stage> s = RouteEngine::builtin().stage(*item, stage))
            stage = s->displayName();
    }
    const QString action = entry.type.startsWith("action."_L1)  ? entry.type.mid(7)
                           : entry.type.startsWith("local."_L1) ? entry.type.mid(6)
                                                                : entry.type;
    QString line;
    if (entry.type == "action.refused"_L1) {
        line = tr("%1 was refused: %2 (%3)")
                   .arg(who, entry.details.value("action"_L1).toString(),
                        entry.details.value("refusal"_L1).toString());
    } else if (action == "create"_L1) {
        line = tr("%1 created the draft").arg(who);
    } else if (action == "edit"_L1) {
        line = tr("%1 saved revision %2").arg(who).arg(version);
    } else if (action == "revision"_L1) {
        line = tr("Revision %1 by %2").arg(version).arg(who);
    } else if (action == "submit"_L1) {
        line = tr("%1 submitted it for review").arg(who);
    } else if (action == "propose_change"_L1) {
        line = tr("%1 proposed a change (revision %2)").arg(who).arg(version);
    } else if (action == "propose_retraction"_L1) {
        line = tr("%1 proposed retracting it").arg(who);
    } else if (action == "approve"_L1) {
        line = stage.isEmpty() ? tr("%1 approved revision %2").arg(who).arg(version)
                               : tr("%1 approved revision %2 at \"%3\"").arg(who).arg(version).arg(stage);
        // The end of a municipal-portal route: the reviewer's choice on the bureau site (Art. 14).
        if (entry.details.contains("publish_on_bureau_site"_L1))
            line = entry.details.value("publish_on_bureau_site"_L1).toBool()
                       ? tr("%1, sent to the municipal platform and published on the bureau site").arg(line)
                       : tr("%1, sent to the municipal platform only (not on the bureau site)").arg(line);
    } else if (action == "return"_L1) {
        line = stage.isEmpty() ? tr("%1 returned revision %2").arg(who).arg(version)
                               : tr("%1 returned revision %2 at \"%3\"").arg(who).arg(version).arg(stage);
    } else if (action == "comment"_L1) {
        line = tr("%1 commented").arg(who);
    } else if (action == "withdraw"_L1) {
        line = tr("%1 withdrew it from review").arg(who);
    } else if (action == "delete"_L1) {
        line = tr("%1 deleted the draft").arg(who);
    } else if (action == "publish"_L1) {
        const int revision = entry.revision > 0 ? entry.revision : entry.details.value("revision"_L1).toInt();
        line = revision > 0 ? tr("Revision %1 was published").arg(versionOf(revision)) : tr("Published");
    } else if (action == "retract"_L1) {
        line = tr("Retracted from the site");
    } else if (entry.type == "municipal.sent"_L1) {
        line = tr("Sent to the municipal platform");
    } else if (entry.type == "municipal.adopted"_L1) {
        line = tr("The municipal platform adopted it");
    } else if (entry.type == "municipal.returned"_L1) {
        line = tr("The municipal platform returned it");
    } else if (entry.type == "municipal.refused"_L1) {
        line = tr("The municipal platform refused it");
    } else if (action == "override"_L1) {
        line = tr("%1 overrode a blocking rule").arg(who);
    } else {
        line = tr("%1: %2").arg(who, entry.type);
    }
    if (const int saves = entry.details.value("saves"_L1).toInt(); saves > 1)
        line = tr("%1 (saved %n times)", nullptr, saves).arg(line);
    if (!entry.text.isEmpty())
        line = tr("%1 — “%2”").arg(line, entry.text);
    return line;
}

} // namespace baosong
