#pragma once

// An item's timeline (issue #8, docs/design.md §5): every revision, submission, decision, comment,
// publication and override, from the server's audit log (GET /api/v1/items/{id}/history, docs/api.md)
// when the server is reachable, or from what the local copy of the item knows when it is not
// (revisions, decisions, comments, the first publication) — then the entries say so, and the rest
// (submissions, withdrawals, overrides, refusals) needs the server.
//
// ItemHistory fetches asynchronously on the caller's QNetworkAccessManager with a ServerEndpoint
// (every request built by ServerEndpoint::request()); one fetch at a time per object: a new fetch()
// aborts the one under way. No Widgets.

#include "Domain.h"
#include "ServerEndpoint.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;

namespace baosong {

class Organization;

struct HistoryEntry
{
    enum class Kind
    {
        Revision,   // a revision was saved (create, edit, a change proposed, minor edits)
        Submission, // submitted for review (or a change/retraction proposed)
        Decision,   // approve or return
        Comment,
        Publication, // published (or retracted)
        Override,    // a blocking rule overridden with a recorded reason
        Other,       // withdraw, delete, a refused action, …
    };
    Kind kind = Kind::Other;
    QDateTime at;
    QString actorId;
    QString type; // the audit event type ("action.approve", "publish", …) or, offline, "local.<kind>"
    int revision = 0;
    QString stageId;
    QString text; // a reason or comment
    QJsonObject details;
    bool fromServer = false;
    qint64 sequence = 0; // audit sequence (server entries)
};

class ItemHistory : public QObject
{
    Q_OBJECT

public:
    explicit ItemHistory(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ItemHistory() override;

    // GET /api/v1/items/{id}/history; finished() or failed() follows (asynchronously).
    void fetch(const ServerEndpoint &endpoint, const QString &itemId);
    void abort();
    bool isRunning() const { return !m_reply.isNull(); }

    // The answer's events (docs/api.md); false with a translated message when it is not one.
    static bool parseEvents(const QJsonObject &answer, const QString &itemId, QList<AuditEvent> *events,
                            QString *error);
    // The timeline of audit events of an item, in order.
    static QList<HistoryEntry> fromAuditEvents(const QList<AuditEvent> &events);
    // What the local copy knows, in time order (fromServer false).
    static QList<HistoryEntry> fromItem(const Item &item);
    // Saves folded (issue #15): a run of saves by one person with nothing else between them is one
    // entry, the last, whose details say how many ("saves"); a create keeps its type. Both lists
    // above come folded.
    static QList<HistoryEntry> foldSaves(const QList<HistoryEntry> &entries);
    // One line for an entry ("周敏 approved revision 2 at 科室(单位)负责人审核"), translated.
    static QString describe(const HistoryEntry &entry, const Organization *organization,
                            const Item *item = nullptr);
    // A person's display name (the id when unknown).
    static QString personName(const QString &personId, const Organization *organization);

signals:
    void finished(const QString &itemId, const QList<baosong::AuditEvent> &events);
    // `offline`: no answer from the server (network, timeout); else the server refused (message).
    void failed(const QString &itemId, const QString &message, bool offline);

private:
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace baosong
