#pragma once

// The client's sync engine (docs/design.md §7, §9; docs/architecture.md "Sync"): offline first.
//
// Local actions. saveDraft() and queueAction() write to the local store first — the item (for a
// draft, its new content as a pending revision) and an outbox entry with a new action id and the
// revision the user saw — in one durable transaction (synchronous=FULL); when they return true the
// action survives a crash. An autosaved draft does not flood the outbox: while its create or edit
// has never been sent, a new save updates that entry in place; once it may have reached the server
// (attempts > 0, set durably *before* sending), a new save becomes a new edit on top.
//
// A run (syncNow()): GET /me (the server and account must be the ones this store belongs to, or the
// run stops and nothing changes) → the word lists when /me names another version than the store's
// (LocalStore::wordLists, wordListsChanged()) → the organization when the store has none → push: the outbox
// in order, per item (a failing or conflicting item blocks only its own later actions) → pull: the change
// feed from the stored cursor, each page applied with its cursor in one transaction.
//
// Answers to an action: 200 → the answer's item replaces the local one (pending later content kept
// on top) and the entry leaves the outbox; the same action id sent again after a lost answer gets the
// first answer (the server keeps it), so an action applies once. 409 → the entry becomes a conflict
// (both the user's request and the server's current item are kept) until resolve(). Another 4xx →
// refused, kept with the server's message until discard(). 5xx, 429 → this item backs off
// (25 s doubling to 1 h by default, at least the answer's Retry-After) and the others go on. No answer
// (network, timeout) → the run ends as Offline and everything stays queued; the next run retries with the
// same action ids. 401 → SignInNeeded. TLS failures → Stopped, never ignored.
//
// Pulling: items with unsent or conflicting local content keep their local version (the server's
// comes back with the action's answer); tombstones remove items; a "resync" answer restarts from
// cursor 0 without deleting anything (absence is not deletion); an answer from another server stops.
//
// A server put back from an older backup (issue #20): its epoch (GET /me) differs from the one the
// store knows, or the feed answers "restored" (a cursor past its last change). The engine keeps a copy
// of the person's own items (their last acknowledged text), reads the whole feed again from 0 without
// sending anything, then sends again what the server lacks: an item it no longer has is created
// again (same id), an item whose text is older than the one it had acknowledged gets that text back
// as an edit. Nothing is deleted. serverRestored() tells the user what was sent again and what needs
// their step (a submission or decision the server no longer has).
//
// Mass deletion guard (issue #20): a run whose tombstones would remove more than a share of the
// items here (more than 10 items and more than a quarter of them, setMassDeletionLimit) applies none
// of them: the run stops with deletionsHeld() and waits for decideHeldDeletions() — delete them here
// too, or keep them on this computer. Tombstones of items this store never had are not counted.
//
// The clock: the outbox is sent in the order taken (its sequence, never a time); a wait (backoff,
// Retry-After) longer than any the engine sets means the computer's clock went back, and the action
// is due at once; items' dates and deadlines are the server's (its answer replaces the local item).

#include "ColumnHealth.h"
#include "FeedWriter.h"
#include "LocalStore.h"
#include "RouteEngine.h"
#include "ServerEndpoint.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSslError>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace baosong {

// Where an item's unsent actions stand, as its row in the lists and its header show it (issue #15),
// the most pressing first when it has several.
enum class SendState
{
    Waiting,  // 待发送: queued, not answered yet (offline, or not sent yet)
    Failed,   // 发送失败: the last try failed (the server's error, an upload); tried again later
    Conflict, // the item moved on meanwhile: the user decides
    Refused,  // the server refused it: the user edits and sends again, or drops it
};

class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,         // nothing running; the last run (if any) reached the server
        Syncing,      // a run is under way
        Offline,      // the last run could not reach the server; actions stay queued
        SignInNeeded, // the server refused the session (401): sign in again
        Stopped,      // another server or account, or a certificate not trusted: see lastError()
    };
    Q_ENUM(State)

    enum class Resolution
    {
        KeepMine,   // send my action again on the current revision (for a draft: my text on top)
        TakeTheirs, // drop my action; the item is the server's (for a draft, my text is lost)
        KeepBoth,   // a draft only: the server's stays, my text becomes a new draft of its own
    };

    struct Error
    {
        QString message; // translated
        QByteArray requestId;
        QString itemId;
        QString actionId;
        int status = 0;
        QDateTime at;
    };

    // How the uploads of an action's attachments ended (AttachmentUploader).
    struct UploadOutcome
    {
        bool ok = true;
        QString error;               // translated, when !ok
        int status = 0;              // the server's status of the failed answer; 0 without one
        bool networkFailure = false; // no answer (network, timeout): the run ends Offline
        int retryAfterSeconds = 0;   // Retry-After of the failed answer (429, 503)
        QByteArray requestId;
    };

    // Called before a create/edit/propose_change/approve carrying content is sent: must make every
    // attachment of `content` present on the server, then call `done`. A failure keeps the action
    // (nothing is sent): 401 → SignInNeeded; no answer → the run ends Offline; 413 (a file larger
    // than the server takes) → refused, kept until the user removes the file or drops the action
    // (docs/api.md); anything else (a file missing here, the quota full, 429, 5xx) → the item backs
    // off like a server error (doubling, at least Retry-After), the others go on.
    using AttachmentUploader = std::function<void(const QString &itemId, const QList<Attachment> &attachments,
                                                  std::function<void(const UploadOutcome &outcome)> done)>;

    SyncEngine(LocalStore &store, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setEndpoint(const ServerEndpoint &endpoint);
    ServerEndpoint endpoint() const { return m_endpoint; }
    void setAttachmentUploader(AttachmentUploader uploader) { m_uploader = std::move(uploader); }
    // Words for a TLS failure (client/TlsTrust::classify: "the certificate changed", with fingerprints);
    // without it the engine says the certificate is not trusted.
    using TlsExplainer = std::function<QString(QNetworkReply *reply, const QList<QSslError> &errors)>;
    void setTlsExplainer(TlsExplainer explainer) { m_tlsExplainer = std::move(explainer); }

    // Binds the store to the server and account it belongs to (at sign-in). The first binding is kept
    // in the store; a later one for another server or person is refused with a translated message.
    bool bindIdentity(const QString &serverId, const QString &personId, QString *error);
    QString serverId();
    QString personId();

    // The column health last fetched from the server (GET /api/v1/columns/health, at most hourly
    // at the end of a run), kept in the store for offline use; nullopt when never fetched.
    std::optional<SiteHealth> columnHealth();

    // ---- local actions (durable when they return true) ----

    // Saves `draft` (Draft or Returned; a new item has no revision from the server yet) with the
    // content of its latest revision as the user's current text. Returns the outbox action id.
    std::optional<QString> saveDraft(const Item &draft, QString *error);
    // Queues an action on `itemId` as the user saw it in the local store (its latest revision is the
    // base revision). Create and Edit go through saveDraft(). Returns the action id.
    std::optional<QString> queueAction(const QString &itemId, const ActionRequest &request, QString *error);

    // ---- running ----

    // Starts automatic sync: now, every `intervalMs`, after every local action, and when the network
    // comes back (QNetworkInformation, where a backend exists).
    void start(int intervalMs = 60000);
    void stop();
    // One run now (or right after the one under way).
    void syncNow();
    // The organization's version the stored organization was fetched at (GET /me); -1 when unknown.
    // The base of a column change (client/ColumnsClient).
    qint64 organizationVersion();
    // Forgets every backoff and runs now.
    void retryNow();
    bool isRunning() const { return m_running; }

    // ---- a damaged local store ----

    // Damage was found in the local store (the background check, or an SQL call answering
    // SQLITE_CORRUPT, here or on the feed writer's connection): the run under way is dropped (its
    // requests aborted, a page being written ignored), nothing more is sent or pulled, and the state is
    // Stopped with `message` (translated) as the error until the store is rebuilt. retryNow() and
    // syncNow() do not start a run meanwhile. Emits storeDamaged() once.
    void stopForDamage(const QString &message);
    bool isStoreDamaged() const { return m_damaged; }
    // Before the store's file is set aside (ClientSession::rebuildFromServer): drops the run, its
    // requests and the feed writer's connection to the old file.
    void detachStore();
    // The store was made again: forgets the damage, fetches the organization again, state Idle.
    void storeRebuilt();
    State state() const { return m_state; }
    Error lastError() const { return m_lastError; }

    // Backoff of a failing item: `initialMs` doubling up to `maxMs` (defaults 25 s and 1 h).
    void setBackoff(qint64 initialMs, qint64 maxMs);
    // The mass deletion guard: tombstones of one run removing more than `minimumItems` and more than
    // `share` of the local items are held for the user (defaults 10 and 0.25).
    void setMassDeletionLimit(int minimumItems, double share);
    // The user's answer to deletionsHeld(): apply them (true) or keep the items here (false); runs now.
    void decideHeldDeletions(bool apply);
    // The engine's clock (tests move it); UTC.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Feed page size (the server caps it at 2000).
    void setPageSize(int pageSize) { m_pageSize = pageSize; }

    // ---- conflicts and refusals ----
    QList<OutboxEntry> conflicts();
    QList<OutboxEntry> refusals();
    // What the outbox holds, by state (one read of it).
    struct OutboxCounts
    {
        int pending = 0;
        int conflicts = 0;
        int refused = 0;
        int failed = 0; // of the pending: their last try failed (SendState::Failed)
    };
    OutboxCounts outboxCounts();
    // The item's text has changes the server has not answered for (a create or edit in the outbox):
    // the feed leaves such an item alone, and its attachments are not known to be on the server.
    bool hasUnsentText(const QString &itemId);
    // A decision (approve or return) on the item waits in the outbox: deciding again is not offered.
    bool hasQueuedDecision(const QString &itemId);
    bool resolve(const QString &actionId, Resolution resolution, QString *error);
    // Removes a refused (or conflicting) action from the outbox.
    bool discard(const QString &actionId, QString *error);

    // Each item's SendState, from the outbox (one read of it: LocalStore::outbox()).
    static QHash<QString, SendState> sendStates(const QList<OutboxEntry> &outbox);
    // The state's name for the user (translated): "Waiting to be sent", "Sending failed", ...
    static QString sendStateName(SendState state);

    // The wire form of an action (POST /api/v1/actions).
    static QJsonObject actionJson(const QString &actionId, const Item &item, const ActionRequest &request);

signals:
    void stateChanged(baosong::SyncEngine::State state);
    // Actions answered and to answer in this run; items received from the feed.
    void progress(int actionsDone, int actionsTotal, int itemsReceived);
    void errorOccurred(const QString &message, const QByteArray &requestId, const QString &itemId);
    void conflictsChanged();
    void itemsChanged(const QStringList &ids);
    // Items that newly wait for the signed-in person (their queue).
    void queueItemsArrived(const QStringList &ids);
    // Art. 9: urgent items newly in review that will come to the person at a later stage of their
    // route (RouteEngine::decidesLaterStage): reviewers are told at once.
    void urgentItemsAhead(const QStringList &ids);
    // A new column health arrived (columnHealth()).
    void columnHealthChanged();
    // The server answered an action: applied, or not (refused or in conflict; `message` translated).
    void actionSettled(const QString &actionId, const QString &itemId, bool applied, const QString &message);
    void runFinished(bool reachedServer);
    // The server was found put back from an older backup and the full fetch is done: `resent` items
    // were sent again; `attention` lost a step the user takes again (a submission: submit again).
    void serverRestored(const QStringList &resent, const QStringList &attention);
    // The feed would remove `count` of the `localItems` items here: nothing was removed; the run
    // stopped until decideHeldDeletions().
    void deletionsHeld(int count, int localItems);
    // The local store is damaged and sync has stopped (stopForDamage; `message` translated).
    void storeDamaged(const QString &message);
    // The server's word lists or detector settings (another version) are in the store now.
    void wordListsChanged();
    // The organization fetched again differs from the one stored before (a column added, moved,
    // renamed or retired by the office; units or people changed).
    void organizationChanged();

private:
    enum class Phase
    {
        Me,
        Organization,
        Push,
        Pull,
    };
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QByteArray requestId;
        bool networkFailure = false; // no HTTP answer (connection, timeout, TLS)
        bool tlsFailure = false;
        QString networkError;
        int retryAfterSeconds = 0;
    };

    // saveDraft() of an item with a refused action: a refused create or edit takes the new content
    // (Rewritten); other refused steps are dropped (Nothing: the save goes on as usual).
    enum class Rewrite
    {
        Nothing,
        Rewritten,
        Failed,
    };
    Rewrite rewriteRefused(const QString &itemId, const RevisionContent &content, const QDateTime &now,
                           QString *renewedId, QString *error);

    void beginRun();
    // Stops for damage when the store (or another connection to its file) found some; true when damaged.
    bool checkDamage();
    void abortRequests();
    void finishRun(State state);
    QNetworkReply *send(const QByteArray &method, const QString &path, const QJsonObject &body,
                        std::function<void(const Reply &)> handler);
    void onMe(const Reply &reply);
    // After /me: the word lists when they changed, then the organization when needed, then push.
    void fetchWordLists();
    void afterWordLists();
    void fetchOrganization();
    void fetchColumnHealth();
    void pushNext();
    // Whether the entry may go to the server now (a text with no title yet stays here; see pushNext).
    static bool sendable(const OutboxEntry &entry);
    void sendEntry(OutboxEntry entry);
    void onActionAnswer(OutboxEntry entry, const Reply &reply);
    void pull();
    // Asks for the page after `cursor`; its answer goes to onChanges().
    void requestPage(const QString &cursor, bool prefetch);
    // Drops the page asked for ahead of time, if one is on its way.
    void abortPrefetch();
    void onChanges(const Reply &reply);
    struct PageOutcome
    {
        QStringList seen; // every item the page named (written, kept local, or removed)
        int removed = 0;  // items of this store removed by the page's tombstones
        int held = 0;     // removals over the limit: nothing of the page was written
        int localItems = 0;
        bool ok = true;
        QString error;       // translated, when !ok
        int written = 0;     // items saved
        QStringList changed; // items saved or removed
        QStringList arrived; // items that newly wait for the person
        QStringList ahead;   // urgent items newly in review that come to the person later (Art. 9)
    };
    // Writes a feed page (onChanges() checked it) into `store` in one transaction with its cursor:
    // on the FeedWriter's thread, with its own store.
    // The mass deletion guard for one page: removals so far in the run, and the choice for held ones.
    struct DeletionGuard
    {
        int removedThisRun = 0;
        int minimumItems = 10;
        double share = 0.25;
        enum class Choice
        {
            Ask,
            Apply,
            Keep,
        } choice = Choice::Ask;
    };
    static PageOutcome writeFeedPage(LocalStore &store, const Reply &reply, const QString &cursor, bool more,
                                     const std::optional<Person> &person, const DeletionGuard &guard);
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }
    // Whether an entry backing off waits still at `now` (a wait longer than the engine ever sets means
    // the clock went back: due).
    bool waiting(const OutboxEntry &entry, const QDateTime &now) const;
    void onPageWritten(int run, const Reply &reply, bool more, const PageOutcome &outcome);
    bool applyAppliedAnswer(const OutboxEntry &entry, const QJsonObject &answer);
    // Makes `item` a new draft of `authorId` with `content` (no history, state or stage) and returns
    // its create (KeepBoth's copy, an item a restored server lost).
    static OutboxEntry asNewDraft(Item &item, const QString &authorId, const RevisionContent &content,
                                  const QDateTime &at);
    // The feed read again from cursor 0 (full=1) without deleting anything; false (the run ended
    // Offline with the store's error) when that could not be stored.
    bool restartFeed(const Reply &reply);
    // A restored server (see above): keeps the person's items and starts the full fetch.
    bool beginRestore(const Reply &reply, const QString &epoch);
    // After the full fetch of a restore: queues what the server lacks; false on a store failure.
    bool finishRestore();
    void backOff(OutboxEntry &entry, const Reply &reply, const QString &message, int extraFailures = 0);
    void onUploadFailed(OutboxEntry entry, const UploadOutcome &outcome);
    void holdForUser(OutboxEntry &entry, const Reply &reply, OutboxEntry::State state);
    void recordError(const QString &message, const Reply &reply, const QString &itemId,
                     const QString &actionId);
    bool failOnNetwork(const Reply &reply);
    void scheduleNextWake();
    void setState(State state);
    std::optional<Person> me();
    QString problemMessage(const Reply &reply) const;

    LocalStore &m_store;
    QNetworkAccessManager *m_network;
    ServerEndpoint m_endpoint;
    AttachmentUploader m_uploader;
    TlsExplainer m_tlsExplainer;
    State m_state = State::Idle;
    Error m_lastError;
    bool m_running = false;
    bool m_damaged = false;
    bool m_again = false;
    // The next feed page, asked for while the current one is written (bench_sync): the server and the
    // network work meanwhile instead of waiting for the client's disk.
    QNetworkReply *m_prefetch = nullptr;
    bool m_writing = false;            // a page is on the FeedWriter's thread
    std::optional<Reply> m_prefetched; // the next page, when it came before that one was written
    int m_run = 0;                     // counts runs: a page written for an ended run is ignored
    std::unique_ptr<FeedWriter> m_writer;
    bool m_reachedServer = false;
    QDateTime m_columnHealthAt; // when the column health was last fetched
    bool m_organizationFetched = false;
    qint64 m_wordListsVersion = -1;    // the server's, as /me said it this run (-1: not said)
    qint64 m_organizationVersion = -1; // likewise the organization's
    bool m_restoreRun = false;         // this run reads the whole feed of a restored server; sends nothing
    QSet<QString> m_restoreSeen;       // items the restored server named during this run's full fetch
    DeletionGuard m_deletionGuard;
    std::function<QDateTime()> m_clock;
    QSet<QString> m_blockedThisRun; // items whose later actions wait (failure, conflict, backoff)
    int m_actionsDone = 0;
    int m_actionsTotal = 0;
    int m_itemsReceived = 0;
    int m_pageSize = 500;
    qint64 m_backoffInitialMs = 25000;
    qint64 m_backoffMaxMs = 3600000;
    QTimer m_interval;
    QTimer m_wake;
    QSet<QNetworkReply *> m_inFlight;
    // Failed uploads of an action's attachments since it was queued (this process): its backoff
    // doubles with them as with failed sends, which `attempts` counts.
    QHash<QString, int> m_uploadFailures;
};

namespace keys {
QString toString(SyncEngine::State state);
} // namespace keys

} // namespace baosong
