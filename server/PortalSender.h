#pragma once

// The municipal portal's outbox (Art. 14, issue #17 point 6; docs/server.md "The municipal portal").
//
// An item marked for the municipal portal ends its route at the municipal platform: the approval of
// the route's last stage records the reviewer's choice on the bureau site (the item published, or
// WorkflowState::SentToMunicipal) and queues the item's cycle in the store's portal queue in the same
// transaction (ServerStore::enqueuePortal; the item's `municipal` record says `queued`). After the
// commit Api calls notify(); the sender attached to the store has a worker thread that works every
// due job, modelled on SiteRenderer's render queue:
//
//   send: sign in on the platform (an ordinary baosong-server: `[municipal]` url, login,
//         password_file, ca_file) → each attachment through the platform's upload API (resumable:
//         the upload id is kept in the job, the offset asked again after any interruption; a file
//         the platform has is not sent) → `create` and `submit` actions whose action ids and item id
//         are made from this server, the item and its cycle (UUID v5), so that a repeat after a lost
//         answer, a killed platform or a killed bureau server is answered by the platform's action
//         records: exactly one copy → the item's record `sent` (with the platform's item id), an
//         audit event `municipal.sent`, the job kept for polling;
//   poll: GET the platform's item every `poll_seconds` until its own review decided: published there
//         → `adopted` (采用), returned → `returned` (退回) with the reason; the item, its record and an
//         audit event `municipal.adopted|returned` in one transaction, so the change feed brings it
//         to the author; the job leaves the queue.
//
// A failure (platform unreachable, 5xx, a refusal) keeps the job: tried again after 1 s doubling to
// 5 min, shown in GET /health ("portal_queue") and `baosong-server portal-queue`. Requests go over Qt
// Network with TLS trusting the system's CAs and `ca_file` (the platform's certificate or its CA),
// peer and host name always verified. The worker drains what is due when it starts, so a server
// killed mid-transfer carries on at its next start.

#include "ServerStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

class QThread;

namespace baosong::server {

Q_DECLARE_LOGGING_CATEGORY(lcPortal)

// `[municipal]` of the server's configuration (docs/server.md).
struct PortalConfig
{
    QString url;           // the platform's address, e.g. https://portal.example.gov.cn:8443 (empty: off)
    QString login;         // the bureau's account on the platform
    QString password;      // read from password_file
    QString caFile;        // a PEM file of certificates to trust besides the system's
    QString unitId;        // the platform's unit the items are created in (default: the account's)
    QString columnId;      // the platform's column (default: the item's own column id)
    int pollSeconds = 300; // how often the platform's decision is asked for
    QString blobFolder;    // this server's blob store (the attachments sent)
    bool enabled() const { return !url.isEmpty(); }
};

class PortalSender
{
    Q_DECLARE_TR_FUNCTIONS(PortalSender)

public:
    PortalSender(PortalConfig config, ServerStore &store);
    ~PortalSender();

    // Works every due job now, in this thread (the CLI's `portal-queue run`); false with *error when
    // one failed (it is then retried later).
    bool drainQueue(QString *error);

    // The sender that works through `store`'s portal queue (none: the queue waits). attach() starts
    // its worker thread, which first works what is due; detach() stops it after the job under way.
    static void attach(ServerStore *store, PortalSender *sender);
    static void detach(ServerStore *store);
    // Called by Api after an action that queued an item committed: wakes the worker.
    static void notify(ServerStore &store);

private:
    class Client;
    // One job: true when it moved on (or was dropped); false with *error (the job retried later).
    bool work(PortalJob &job, QString *error);
    bool send(PortalJob &job, const Item &item, QString *error);
    bool poll(PortalJob &job, const Item &item, QString *error);
    bool upload(PortalJob &job, const Attachment &a, QString *error);
    // The platform refused the job's item for good, answering `status` with `reason` (its words) —
    // `error` for the log: recorded as MunicipalStatus::Refused with an audit event, and the job
    // leaves the queue.
    bool refuse(const PortalJob &job, int status, const QString &reason, const QString &error);
    // Works the due jobs once; the delay until the next due one (or 60 s).
    qint64 runDue(QString *firstError);

    void startWorker();
    void stopWorker();
    void wake();
    bool stopping();
    void loop();

    PortalConfig m_config;
    ServerStore &m_store;
    std::unique_ptr<Client> m_client; // made on the thread that uses it
    QThread *m_worker = nullptr;
    std::mutex m_wakeMutex;
    std::condition_variable m_wakeCondition;
    bool m_woken = false;
    bool m_stopping = false;
};

} // namespace baosong::server
