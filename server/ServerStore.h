#pragma once

// The server's store (docs/design.md §6, §7, §8): the organization, accounts and sessions, items with
// their change-feed sequence numbers and tombstones, applied actions (for idempotency) and the
// hash-chained audit log. One schema and one set of migrations for SQLite (the embedded default:
// WAL, synchronous=FULL) and PostgreSQL (QPSQL), through Qt SQL.
//
// Threads: every method uses the calling thread's own connection (created on first use), so the
// HTTP layer's worker threads can call it concurrently. Work that must commit together (an action,
// its item and its audit event) runs inside one Transaction on that thread. A write method called
// outside a Transaction runs in one of its own.
//
// Writers serialize: on SQLite a Transaction begins with BEGIN IMMEDIATE (a busy writer is waited
// for, up to 10 s, instead of failing); on PostgreSQL it takes a transaction-scoped advisory lock, so
// that several server processes sharing the database serialize the same way. Readers never wait.
// Change-feed sequence numbers are therefore committed in increasing order: a client whose cursor
// is at N never later sees a change below N appear.
//
// A method that fails inside a caller's Transaction leaves the decision to the caller: roll back
// (on PostgreSQL the transaction can't go on after a failed statement anyway).
//
// The audit log is append-only: the store has no method that changes or removes an event, and
// database triggers refuse UPDATE and DELETE on it (and TRUNCATE on PostgreSQL). Someone with direct
// access to the database can still drop the triggers; verifyAudit() then finds the change.
//
// Schema (one for both databases; see ServerStore.cpp): meta (schema_version, server_id,
// oldest_valid_cursor), counters (feed, audit), units, site_columns, people, sessions, items,
// tombstones, actions, index_serials, audit, uploads, blob_owners, item_blobs, render_queue, the
// site's index (site_entries, site_listing, site_blobs, site_pages_due), word_lists (schema 8) and
// portal_queue (the municipal portal's outbox, schema 9), inspection_notices (the accountability
// register, schema 10), and on PostgreSQL the procedures of an action's writes (schema 11).

#include "ContentScan.h"
#include "Domain.h"
#include "Organization.h"
#include "Register.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <QMutex>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

class QSqlDatabase;
class QSqlQuery;
class QSqlError;

namespace baosong::server {

struct StoreConfig
{
    QString driver = QStringLiteral("QSQLITE"); // "QSQLITE" or "QPSQL"
    QString sqlitePath;                         // QSQLITE: the database file
    // QPSQL: connection parameters.
    QString host = QStringLiteral("127.0.0.1");
    int port = 5432;
    QString database;
    QString user;
    QString password;
    // The key of the audit checkpoint (docs/server.md "Audit"): a file outside the database, made with
    // 32 random bytes and mode 0600 when missing, refused when others may read it. Empty: no checkpoint.
    QString auditKeyFile;

    bool isPostgres() const { return driver == QStringLiteral("QPSQL"); }
};

// A person as the server keeps them: the domain person plus the login bookkeeping.
struct Account
{
    Person person;
    QByteArray passwordHash; // libsodium crypto_pwhash_str (Argon2id) string; empty: cannot log in
    int failedLogins = 0;    // consecutive failures since the last success
    QDateTime lastFailedAt;  // UTC
    QDateTime lockedUntil;   // UTC; invalid when not locked
};

struct Session
{
    QByteArray tokenHash; // SHA-256 of the token (hex); the token itself is never stored
    QString personId;
    QDateTime createdAt; // UTC
    QDateTime expiresAt; // UTC
    bool revoked = false;
};

// The answer given to an action, kept so that a repeat of the same action id gets it again.
struct ActionRecord
{
    QString actionId; // the client-made UUID
    QString personId;
    QString itemId;
    // SHA-256 (hex) of the whole request as the server read it, with the person (schema 4); empty for
    // actions recorded before.
    QByteArray requestHash;
    int status = 0;
    QByteArray response; // the JSON body as first sent
    QDateTime at;
};

// What the public site must render (issue #16): an item whose publication, change or retraction
// committed, and the columns it was listed in before (a move leaves the old column's pages to redo).
// Queued in the action's transaction; the renderer removes it once its pages are written.
struct RenderJob
{
    QString itemId;
    QStringList columnIds; // columns it was listed in before the change
    QString ticket;        // changes at every queueing: a job queued again while rendered stays
    int attempts = 0;
};

// An item as the site lists it (the site's index, schema 7).
struct SiteEntry
{
    QString itemId;
    qint64 number = 0; // the site's number (sitemap files), or its number in the column listed
    QString columnId;  // the column of the live revision
    QDateTime publishedAt;
    QDateTime revisedAt; // the approval of a later live revision; invalid when none
    QString title;
    QString unitId;
    QString interpretationId; // the item its page links to as its interpretation
};

// An item in the municipal portal's outbox (Art. 14, schema 8; server/PortalSender works it).
struct PortalJob
{
    QString itemId;
    int cycle = 0;
    int revision = 0;
    QString phase;       // "send" or "poll"
    QString upstreamId;  // the item's id on the municipal platform (made from the item and cycle)
    QJsonObject uploads; // sha256 hex → the platform's upload id, while an attachment is under way
    int attempts = 0;    // failed attempts in a row
};

struct PortalQueueStatus
{
    int queued = 0;  // waiting to be sent
    int waiting = 0; // sent, the platform's decision awaited
    int failing = 0;
    QDateTime oldest;
    QDateTime nextAttempt;
    QString lastError;
};

struct RenderQueueStatus
{
    int queued = 0;
    int failing = 0;       // jobs whose last render failed (retried with backoff)
    QDateTime oldest;      // when the oldest job was queued
    QDateTime nextAttempt; // the earliest retry of a failing job
    QString lastError;
};

// One entry of the change feed: an item changed (or deleted: a tombstone) at sequence `sequence`.
struct Change
{
    qint64 sequence = 0;
    QString itemId;
    bool deleted = false;
    // For deciding who may see a tombstone or an item without reading the item.
    QString unitId;
    QString authorId;
    std::optional<WorkflowState> state; // of an item (not of a tombstone)
    // The item as stored: the compact JSON that json::toJson() made when it was saved (empty for a
    // tombstone). The feed sends it as it is, without reading it into an Item and writing it again.
    QByteArray json;
};

// An unfinished attachment upload (docs/api.md "Attachments"); its bytes are in the blob folder.
struct Upload
{
    QString id; // random, made by the server
    QString personId;
    QByteArray sha256; // the announced content hash, 64 lowercase hex digits
    qint64 size = 0;   // the announced size
    qint64 offset = 0; // bytes received and flushed to disk
    QString name;      // the user's file name: metadata only, never a path
    QDateTime createdAt;
    QDateTime expiresAt;
};

struct AuditVerification
{
    bool ok = true;
    qint64 eventsChecked = 0;
    qint64 firstBadSequence = 0;     // 0 when ok
    bool checkpointVerified = false; // the head matched the keyed checkpoint
    QString problem; // translated: what is wrong with that event (changed, removed, reordered)
};

class ServerStore
{
public:
    static constexpr int kSchemaVersion = 12;

    explicit ServerStore(StoreConfig config);
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    const StoreConfig &config() const { return m_config; }
    // Points a QPSQL connection at `config`'s database (host, port, name, user, password, timeout).
    static void configurePostgres(QSqlDatabase &db, const StoreConfig &config);

    // Connects, creates or upgrades the schema (refusing a newer one), and makes the server id.
    // Returns false with a translated *error when the store cannot be used.
    bool open(QString *error);
    // The random id of this store, made once at creation; clients check it (docs/design.md §7).
    QString serverId();
    // The store's epoch: a random id that changes when the store is put back from a backup (a snapshot
    // written by backup() carries a new one; `baosong-server restored` makes one after any other
    // restore). Clients that see it change know the server may have lost what it acknowledged to them
    // and send it again (docs/design.md §7, docs/api.md "Who am I").
    QString epoch();
    // Gives the store a new epoch (after a restore); false with lastError() on failure.
    bool renewEpoch();
    // Whether a read or write failed lately (GET /health says "degraded"); cleared by a committed write.
    bool isDegraded() const { return m_degraded.load(); }
    void setDegraded(bool degraded) { m_degraded.store(degraded); }
    // The last error of a method on this thread (translated), for logs and 503 answers.
    QString lastError() const;

    // A transaction on this thread's connection; rolls back unless committed. Not nestable.
    // Writers take turns: SQLite's write lock (BEGIN IMMEDIATE), PostgreSQL's advisory lock. With
    // LockMode::AtFirstWrite, on PostgreSQL the lock is taken by lockWritesIfStill() (or
    // lockWrites(), or the first write method), not at the start: servers sharing the database take
    // turns only for the writing, not for what is read and judged before it. lockWritesIfStill()
    // says whether what the caller read is still so; it starts again when it is not. On SQLite both modes
    // lock at the start (one process writes; there is nothing to gain).
    enum class LockMode
    {
        AtBegin,
        AtFirstWrite,
    };
    class Transaction
    {
    public:
        explicit Transaction(ServerStore &store, LockMode mode = LockMode::AtBegin);
        ~Transaction();
        bool ok() const { return m_ok; }
        bool commit();

    private:
        ServerStore &m_store;
        bool m_ok = false;
        bool m_done = false;
    };

    // A query on this thread's connection whose statements are prepared once per connection and
    // kept: parsing (SQLite) and the PREPARE and DEALLOCATE round trips (PostgreSQL) are saved on
    // every later run. Used where a QSqlQuery on database() would be: run() takes the kept statement
    // out for as long as this query runs it, and puts it back, finished, when the query runs another
    // statement, finish() is called or the query goes out of scope. A statement run again while it
    // is out (a nested read of the same rows) is prepared afresh, so nesting is safe. Statements
    // without values run unprepared, as sql::run does.
    class Query
    {
    public:
        explicit Query(ServerStore &store);
        ~Query();
        Query(const Query &) = delete;
        Query &operator=(const Query &) = delete;
        bool run(const QString &statement, const QVariantList &values = {});
        QSqlQuery &query() { return m_q; }
        operator QSqlQuery &() { return m_q; } // for the readers that take a QSqlQuery
        operator const QSqlQuery &() const { return m_q; }
        bool next() { return m_q.next(); }
        QVariant value(int i) const { return m_q.value(i); }
        QSqlError lastError() const { return m_q.lastError(); }
        int numRowsAffected() const { return m_q.numRowsAffected(); }
        bool isActive() const { return m_q.isActive(); }
        void finish();

    private:
        void giveBack(); // putBack(), then a fresh query for the next statement
        void putBack();
        ServerStore &m_store;
        QString m_kept;           // the statement taken from the thread's cache, while m_q holds it
        quint64 m_generation = 0; // of the connection it was prepared on
        QSqlQuery m_q;
    };

    // The writers' lock of this thread's transaction, taken now if it was deferred (LockMode);
    // true when held. False outside a transaction or on failure (lastError()).
    bool lockWrites();
    // Whether this thread's transaction has not taken the writers' lock yet.
    bool writeLockDeferred() const;
    // One renderer of the public site at a time among the servers sharing a PostgreSQL database: a
    // session advisory lock on this thread's connection, waited for up to `timeoutMs`; false when
    // another server's renderer holds it still (or on failure). Released by unlockRendering() (or
    // when the connection ends). SQLite: always true (one machine; the site folder's lock file is
    // enough there).
    bool lockRendering(int timeoutMs);
    void unlockRendering();

    // How long this process's transactions held the writers' lock, in all (seconds), and how often:
    // what bounds the writes of all servers sharing a database together (GET /metrics).
    double writeLockHeldSeconds() const { return double(m_lockHeldNs.load()) / 1e9; }
    quint64 writeLockHeldCount() const { return m_lockHeldCount.load(); }

    // ---- organization ----------------------------------------------------------------------
    // Small facts kept in the meta table (e.g. the organization's name).
    bool setMeta(const QString &key, const QString &value);
    QString meta(const QString &key);
    // The organization's name, short name and example-data flag (imported with its units and people).
    bool saveOrganizationInfo(const Organization &org);

    bool saveUnit(const Unit &unit);
    bool saveColumn(const Column &column);
    // Inserts or updates the person's domain fields; the password and login bookkeeping stay.
    bool savePerson(const Person &person);
    QList<Unit> units();
    QList<Column> columns();
    // The organization's version: bumped in the same transaction by every change of a unit, column
    // or person (clients fetch the organization again when /me answers another one); 0 when never set.
    qint64 organizationVersion();
    // PostgreSQL: NOTIFY `channel` with `payload` (server/ChangeRelay), outside any transaction;
    // nothing on SQLite. A failure is logged only (the clients poll anyway).
    void notifyOthers(const QString &channel, const QString &payload);
    bool bumpOrganizationVersion();
    QList<Person> people();
    std::optional<Person> person(const QString &id);

    // ---- word lists and detector settings (schema 8, issue #17 point 7) -----------------------
    // The rules as stored (the text as the administrator saved it, comments included); nullopt on
    // failure (lastError()).
    std::optional<ContentRules> wordLists();
    // Their version alone, read now (a base version compared under the lock); -1 on failure. The
    // server's cache of checks reads it with cacheVersions().
    qint64 wordListsVersion();
    // Stores `rules` (with their new version) if the stored version is still `baseVersion`; in the
    // caller's Transaction or its own. *stale (if given) is set when it was not (nothing changed, true
    // returned).
    bool saveWordLists(const ContentRules &rules, qint64 baseVersion, const QString &personId,
                       const QDateTime &at, bool *stale = nullptr);

    // ---- accounts ----------------------------------------------------------------------------
    std::optional<Account> account(const QString &personId);
    bool setPasswordHash(const QString &personId, const QByteArray &hash);
    bool setDisabled(const QString &personId, bool disabled);
    bool recordLoginFailure(const QString &personId, const QDateTime &at, const QDateTime &lockedUntil);
    bool recordLoginSuccess(const QString &personId);

    // ---- sessions ----------------------------------------------------------------------------
    bool insertSession(const Session &session);
    std::optional<Session> session(const QByteArray &tokenHash);
    bool revokeSession(const QByteArray &tokenHash);
    bool revokeSessionsOf(const QString &personId);

    // ---- what the server's caches are kept under ---------------------------------------------
    // Three numbers read in one statement, which every signed-in request checks its caches against:
    // - auth: changes with every change that ends a session or changes a person (sign-out,
    //   password, disabled, roles); whoever caches a session checks it before using it;
    // - organization: organizationVersion();
    // - wordLists: wordListsVersion() (-1 when there is none).
    // Each is changed in the same transaction as what it stands for, so other server processes see
    // it at once.
    struct CacheVersions
    {
        qint64 auth = 0;
        qint64 organization = 0;
        qint64 wordLists = -1;
        bool operator==(const CacheVersions &) const = default;
    };
    // Within a RequestScope on this thread they are read once, by the first to ask, and again only
    // after this thread changed one of them or ended a transaction; outside one, at every call.
    // Not for a check that must see the latest (a base version compared under the writers' lock):
    // that reads organizationVersion() or wordListsVersion(). nullopt on failure (lastError()).
    std::optional<CacheVersions> cacheVersions();
    // One request on this thread (Api::handle), while it lives.
    class RequestScope
    {
    public:
        explicit RequestScope(ServerStore &store);
        ~RequestScope();
        RequestScope(const RequestScope &) = delete;
        RequestScope &operator=(const RequestScope &) = delete;

    private:
        ServerStore &m_store;
    };
    // PostgreSQL, within a RequestScope and before cacheVersions() was read: that read also reads
    // what actionOrItem(actionId, itemId) will, and the first such actionOrItem() of the request
    // before a transaction has begun takes it from there (one round trip fewer per action, which
    // with one client is what an action waits for). Nothing on SQLite.
    //
    // Better still, the action is guessed and judged without reading at all, when this process
    // knows the versions (its last read) and the item as it last read or wrote it (or `creates` and
    // it knows none: the item is guessed missing), and guesses the action not recorded yet. Then the
    // one statement of the action is writeActionIfStill's call, which checks every guess under the
    // writers' lock and writes nothing unless all held. When one did not, or the request needs any
    // other statement before that call (which then first reads what was guessed and compares),
    // nothing has been written, no statement runs any more and restartRequested() says so: the
    // request is answered again from the start, reading (Api::handle; takeRestart()).
    void expectAction(const QString &actionId, const QString &itemId, bool creates = false);
    // Checks what this request guessed and no statement has checked yet (an answer given before the
    // action's call, e.g. a refusal): when it did not hold, restartRequested(). Before any answer.
    void settleGuesses();
    // This request's guesses (above) did not hold: nothing was written; its answer is not to be sent.
    bool restartRequested() const;
    // Clears that, for the request to be answered again without guesses. False when there was none.
    bool takeRestart();
    // Actions whose guesses held (one statement) and requests answered again because one did not,
    // since the store opened (bench_scaleout, GET /metrics).
    quint64 guessedActions() const { return m_guessesHeld.load(); }
    quint64 restartedRequests() const { return m_guessesMissed.load(); }

    // ---- items -------------------------------------------------------------------------------
    // With `seq`: the item's place in the change feed too (bumped by every save).
    std::optional<Item> item(const QString &id, qint64 *seq = nullptr);
    // Takes this transaction's deferred writers' lock (LockMode::AtFirstWrite) and says whether the
    // item is still at `seq` (nullopt: still missing) and the action `actionId` still not recorded:
    // what an action judged before the lock is still so. On PostgreSQL one call (the procedure
    // baosong_lock_and_read, schema 11), which also reads the audit log's end for writeAction(); on
    // SQLite, whose transactions lock at the start, one statement. nullopt on failure (lastError()).
    std::optional<bool> lockWritesIfStill(const QString &itemId, std::optional<qint64> seq,
                                          const QString &actionId);
    // The items of `ids` that exist (in no particular order), read in a few queries (the change feed).
    QList<Item> items(const QStringList &ids);
    // Inserts or replaces the item and gives it the next change-feed sequence number.
    // `stageRole` is the role of the item's current stage (for queue queries), empty when not in review.
    // `known`: the caller read the item in this transaction (so it has no tombstone to clear).
    bool saveItem(const Item &item, const QString &stageRole, bool known = false);
    // Removes the item and leaves a tombstone in the change feed.
    bool deleteItem(const QString &id);
    // Items in review at a stage of one of `roles`; queues are filtered further by the route engine.
    QList<Item> itemsInReview(const QStringList &roles);
    // Items saved at or after `since` (the quarterly statistics: everything that happened in a period
    // changed its item then, so nothing older is read).
    QList<Item> itemsChangedSince(const QDateTime &since);
    // Items in review at a stage of `role`, of the given units (or of any unit with `anyUnit`).
    struct ReviewScope
    {
        QString role;
        QStringList unitIds;
        bool anyUnit = false;
    };
    QList<Item> itemsInReview(const QList<ReviewScope> &scopes);
    // Items whose unit is one of `unitIds` or whose author is `authorId` (drafts included).
    QList<Item> itemsOfUnitsOrAuthor(const QStringList &unitIds, const QString &authorId);
    // The number that the next disclosure index number of `unitCode` in `year` takes (1, 2, ...);
    // increments it. Call it in the Transaction that saves the item. 0 on failure.
    int nextIndexSerial(const QString &unitCode, int year);

    // ---- the site's render queue (issue #16) --------------------------------------------------
    // Queues (or queues again, merging the columns) the item's pages; in the caller's Transaction.
    bool enqueueRender(const QString &itemId, const QStringList &columnIds);
    // Jobs due now (never tried, or their retry time has come), oldest first, at most `limit`.
    QList<RenderJob> dueRenderJobs(int limit, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Removes the jobs rendered (those queued again since keep their place).
    bool finishRenderJobs(const QList<RenderJob> &jobs);
    // Counts a failed render; the jobs are tried again at `nextAttempt`.
    bool retryRenderJobs(const QList<RenderJob> &jobs, const QString &error, const QDateTime &nextAttempt);
    RenderQueueStatus renderQueueStatus();

    // ---- the municipal portal's outbox (Art. 14, schema 8) -------------------------------------
    // Queues the item's cycle to be sent (in the approving action's transaction); a later cycle
    // replaces an earlier one still queued.
    bool enqueuePortal(const QString &itemId, int cycle, int revision);
    QList<PortalJob> duePortalJobs(int limit, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Keeps the job's phase, upstream id and uploads, attempts and next attempt (and last error).
    bool updatePortalJob(const PortalJob &job, const QDateTime &nextAttempt, const QString &error);
    // The platform's side changed: the item's municipal record set to `record`, an audit event
    // (`municipal.<status>`, with `details`) and the job kept for polling (`nextPoll` valid) or
    // removed, in one transaction. False when the item or the job's cycle is gone (then the job is
    // removed too) or the store failed.
    bool recordMunicipal(const PortalJob &job, const MunicipalRecord &record, const QJsonObject &details,
                         const QDateTime &nextPoll);
    bool removePortalJob(const QString &itemId, int cycle);
    PortalQueueStatus portalQueueStatus();

    // ---- the site's index (schema 7, issue #16; ServerStoreSite.cpp) ---------------------------
    // What is live on the public site, kept by the renderer (derived from the items: `republish`
    // rebuilds it), so that a publication reads and writes only what it changes: the entry of each
    // live item, its listings (the column it is in and that column's ancestors, each numbered in the
    // order of publication: the column's numbered pages), the attachments of live revisions and the
    // pages a render still has to write (kept until they are written, so a render killed half-way is
    // finished by the next one).
    // Records the item's live entry: its listings become `listedIn` (new ones unnumbered until
    // numberSiteEntries), its live attachments `blobs` (hex). In the caller's Transaction or its own.
    bool indexSiteEntry(const SiteEntry &entry, const QStringList &listedIn, const QList<QByteArray> &blobs);
    // Forgets the item's entry, listings and live attachments (retracted, deleted).
    bool unindexSiteEntry(const QString &itemId);
    // Numbers the entries and listings recorded since: each after the highest number in use, in the
    // order of publication.
    bool numberSiteEntries();
    // The item's entry with its site number; nullopt when it is not live (or on failure: lastError()).
    std::optional<SiteEntry> siteEntry(const QString &itemId);
    // Where the item is listed: column id → its number there.
    QHash<QString, qint64> siteListingsOf(const QString &itemId);
    // The newest `limit` entries of a column's listing (its own and its sub-columns' items), or of the
    // whole site with an empty column id; newest first.
    QList<SiteEntry> siteNewest(const QString &columnId, int limit);
    // The entries of a column's listing numbered from..to (inclusive), newest first.
    QList<SiteEntry> siteListing(const QString &columnId, qint64 from, qint64 to);
    // The highest number in a column's listing (0: empty), or of the site's entries with an empty
    // column id; -1 on failure.
    qint64 siteListingEnd(const QString &columnId);
    // The site's entries numbered from..to (inclusive), in that order (the sitemap files).
    QList<SiteEntry> siteEntriesNumbered(qint64 from, qint64 to);
    // Live items whose page links to `itemId` as their interpretation.
    QStringList siteEntriesLinkingTo(const QString &itemId);
    // Those of `hexes` that a live revision names.
    QSet<QByteArray> liveSiteBlobs(const QList<QByteArray> &hexes);
    // Forgets entries of items that no longer exist (after a restore).
    bool pruneSiteIndex();
    // Pages still to write: (kind, key) pairs, added in the Transaction that changed the index.
    bool addSitePagesDue(const QList<std::pair<QString, QString>> &pages);
    QList<std::pair<QString, QString>> sitePagesDue();
    bool clearSitePagesDue(const QList<std::pair<QString, QString>> &pages);
    // Every item, `batch` at a time in change-feed order, handed to `each` (false stops); false on a
    // failure to read (lastError()). Memory is bounded by the batch (`republish` over 100,000 items).
    bool forEachItem(int batch, const std::function<bool(QList<Item> &)> &each);

    // ---- change feed -------------------------------------------------------------------------
    // Changes with sequence > cursor, oldest first, at most `limit`. One entry per item: its latest.
    // With `maxBytes` > 0 the page also stops once its items' JSON passes that many bytes (always at
    // least one change), and *cut (if given) says whether it stopped so; rows are read one by one.
    QList<Change> changesSince(qint64 cursor, int limit, qint64 maxBytes = 0, bool *cut = nullptr);
    qint64 latestSequence();
    // Tombstones older than this were pruned: a cursor below it must resync.
    qint64 oldestValidCursor();
    // Drops tombstones with sequence <= upTo (the feed then answers "resync" to older cursors).
    bool pruneTombstones(qint64 upTo);

    // ---- actions (idempotency) ---------------------------------------------------------------
    std::optional<ActionRecord> action(const QString &actionId);
    bool insertAction(const ActionRecord &record);
    // What an action reads first, in one statement: the record of `actionId` if it was done
    // (*done), else the item `itemId` with its feed sequence (*item, *seq; nullopt when missing).
    // False on failure (lastError()), also when the item can't be read.
    bool actionOrItem(const QString &actionId, const QString &itemId, std::optional<ActionRecord> *done,
                      std::optional<Item> *item, qint64 *seq);
    // What an applied or refused action writes (Api::action), written by writeAction().
    struct ActionWrites
    {
        std::optional<Item> item; // saved (as saveItem(item, stageRole, known)); none: refused, deleted
        QString stageRole;
        bool known = false;
        QList<AuditEvent> events;        // appended in this order; they get their sequence and hashes
        std::optional<RenderJob> render; // itemId and columnIds (enqueueRender)
        std::optional<PortalJob> portal; // itemId, cycle and revision (enqueuePortal)
        ActionRecord record;             // the answer, for repeats (insertAction)
        bool notify = false; // the item changed: tell the other servers at commit (setActionNotice)
    };
    // Writes them in the caller's Transaction, as saveItem, appendAudit, enqueueRender, enqueuePortal
    // and insertAction one after another would. On PostgreSQL that is one call of the procedure
    // baosong_write_action (schema 11) while the writers' lock is held: the lock is held for two round
    // trips to the database (this call and the commit) instead of a dozen, which bounds what servers
    // sharing the database write together (issue #19). False with lastError() on failure.
    bool writeAction(ActionWrites &writes);
    // What Api::action does after judging: lockWritesIfStill(), then writeAction(), when the lock is
    // not held yet (else writeAction() alone). On PostgreSQL, in a Transaction of
    // LockMode::AtFirstWrite that has sent nothing but actionOrItem() yet, that is one call of the
    // procedure baosong_apply_action (schema 11), which takes the lock, checks, writes and commits
    // (the Transaction's commit() then has nothing left to do): the lock is held for no round trip
    // at all. True: written; false: the item or the action changed since it was read (nothing
    // written: judge again); nullopt on failure (lastError()).
    std::optional<bool> writeActionIfStill(ActionWrites &writes, const QString &itemId,
                                           std::optional<qint64> seq);
    // PostgreSQL: writeAction() of a change also NOTIFYs `channel` with `payload` (server/ChangeRelay),
    // in its transaction (delivered at commit), sparing a round trip after it. Set before serving.
    void setActionNotice(const QString &channel, const QString &payload);
    // Whether writeAction() tells the other servers itself (or, while no other server listens, that
    // there is nobody to tell).
    bool noticesActions() const { return !m_actionNoticeChannel.isEmpty(); }
    // Whether another server listens for notices (server/ChangeRelay finds out; true until it knows):
    // while none does, an action sends no NOTIFY, which costs PostgreSQL and this server's own
    // listening connection a wake-up per action for nothing.
    void setOthersListening(bool others) { m_othersListening = others; }
    bool othersListening() const { return m_othersListening.load(); }

    // ---- uploads (schema 3) --------------------------------------------------------------------
    bool insertUpload(const Upload &upload);
    std::optional<Upload> upload(const QString &id);
    bool updateUploadOffset(const QString &id, qint64 offset);
    bool deleteUpload(const QString &id); // true also when there was none
    QList<Upload> expiredUploads(const QDateTime &now);
    // The announced sizes of the person's unfinished uploads, summed; -1 on failure.
    qint64 uploadBytesOf(const QString &personId);

    // ---- who may name a blob (schema 5) ------------------------------------------------------
    // Records that `personId` sent the content `hex` (an upload finished, or a revision of theirs
    // that names it, recorded at migration). Call it in the upload's completion.
    bool addBlobOwner(const QByteArray &hex, const QString &personId);
    // Whether `personId` sent `hex`; nullopt on failure.
    std::optional<bool> ownsBlob(const QByteArray &hex, const QString &personId);
    // The items (ids) any revision of which names `hex` (saveItem keeps this), at most `limit`.
    QStringList itemsWithBlob(const QByteArray &hex, int limit);

    // ---- audit -------------------------------------------------------------------------------
    // Appends the event at the end of the chain (sets sequence, previousHash and hash). Call it in
    // the same Transaction as the change it records.
    bool appendAudit(AuditEvent &event);
    // Events with sequence >= fromSequence, oldest first, at most `limit`.
    QList<AuditEvent> auditEvents(qint64 fromSequence, int limit);
    QList<AuditEvent> auditEventsFor(const QString &subjectId);
    // Walks the whole log in sequence order: sequences must run 1, 2, ... up to the last one handed
    // out, every event's previousHash must be the hash of the event before, and every hash must match
    // its event. The first problem is reported (its sequence and what is wrong: changed, missing or
    // out of order). The chain is a plain SHA-256 chain: it proves that nothing was changed after
    // the fact as long as the latest hash is known from elsewhere (e.g. a copy kept by the auditor),
    // since someone rewriting the database could recompute every hash after a change.
    AuditVerification verifyAudit();
    // The keyed checkpoint of the audit log's head: the last event's sequence and hash, and an HMAC-SHA256
    // of both under the audit key. Written with every event, so that someone who can change the
    // database but not read the key file can neither cut the log's end nor replace its last event
    // unnoticed (verifyAudit). `audit checkpoint` prints it for an outside witness.
    struct AuditCheckpoint
    {
        qint64 sequence = 0;
        QByteArray hash; // hex, as in the log
        QByteArray mac;  // hex
    };
    std::optional<AuditCheckpoint> auditCheckpoint();
    bool hasAuditKey() const { return !m_auditKey.isEmpty(); }

    // ---- the accountability register (schema 10, issue #18 point 6; ServerStoreRegister.cpp) -----
    // Every inspection notice, by date (they are few: a handful a quarter).
    QList<InspectionNotice> inspectionNotices();
    // One notice; nullopt when there is none or on failure (lastError() says which).
    std::optional<InspectionNotice> inspectionNotice(const QString &id);
    // Inserts or replaces the notice; in the caller's Transaction (with its audit event) or its own.
    bool saveInspectionNotice(const InspectionNotice &notice);
    // The audit events of `types` stamped in [from, to), oldest first (the register's publications,
    // retractions and overrides of a period).
    QList<AuditEvent> auditEventsOfTypes(const QStringList &types, const QDateTime &from,
                                         const QDateTime &to);
    // Per column: the newest first publication listed in it (its own and its sub-columns' items)
    // before `before`, from the site's index.
    QHash<QString, QDateTime> siteLastPublishedBefore(const QDateTime &before);

    // ---- backup ------------------------------------------------------------------------------
    // A consistent snapshot while serving. SQLite: VACUUM INTO `path` (a new file; an existing one
    // is refused; not inside a Transaction). PostgreSQL: not done here, returns false (pg_dump is
    // the tool; the error says so).
    bool backup(const QString &path, QString *error);

    // The connection of the calling thread (opened on first use).
    QSqlDatabase database();
    bool loadAuditKey(QString *error);
    QByteArray checkpointMac(qint64 sequence, const QByteArray &hash) const;
    // The stored checkpoint of the event `sequence` with `hash`: "<sequence> <hash> <mac>".
    QString checkpointValue(qint64 sequence, const QByteArray &hash) const;
    QByteArray m_auditKey;
    std::atomic<bool> m_degraded{false};
    std::atomic<quint64> m_lockHeldNs{0};
    std::atomic<quint64> m_lockHeldCount{0};
    QString m_actionNoticeChannel; // setActionNotice
    QString m_actionNoticePayload;
    std::atomic<bool> m_othersListening{true};

private:
    // What the store keeps per calling thread. Only that thread touches it (the destructor aside).
    struct ThreadState
    {
        QString connectionName; // empty until the thread's connection was made
        bool inTransaction = false;
        bool writeLocked = false; // the transaction holds the writers' lock
        qint64 lockedAtNs = 0;    // since when (steady clock)
        QString lastError;
        // Prepared statements of the connection (see Query), finished, by their text.
        std::unordered_map<QString, QSqlQuery> statements;
        quint64 connectionGeneration = 0; // bumped when the connection is lost (its statements too)
        // PostgreSQL: the audit log's end as read under this transaction's writers' lock by
        // lockWritesIfStill(), for writeAction(); dropped by any other audit write and at the end.
        struct AuditEnd
        {
            qint64 counter = 0;  // the audit counter's value: the last sequence handed out
            QByteArray lastHash; // the last event's hash ("" when the log is empty)
            // From a read of the counter and the last hash (NULL when the log is empty).
            static AuditEnd of(const QVariant &counter, const QVariant &lastHash)
            {
                return {counter.toLongLong(),
                        lastHash.isNull() ? QByteArray("") : lastHash.toString().toLatin1()};
            }
            // The next event after this end, chained to it (as appendAudit() chains): its sequence,
            // previous hash, time (now when unset) and hash; the end moves to it.
            void chain(AuditEvent &e);
        };
        std::optional<AuditEnd> auditEnd;
        // PostgreSQL, LockMode::AtFirstWrite: whether BEGIN was sent yet; the log's end as
        // actionOrItem() read it before the lock (writeActionIfStill's guess).
        bool begun = false;
        std::optional<AuditEnd> auditGuess;
        // Within a RequestScope: cacheVersions() once read, and the action expectAction() named with
        // the rows that read fetched for it (actionOrItem()'s, until it takes them).
        int requestScopes = 0;
        std::optional<CacheVersions> versions;
        struct ExpectedAction
        {
            QString actionId;
            QString itemId;
            bool creates = false;
            bool read = false;
            QList<QVariantList> rows;
            // Guessed (expectAction()): the item as last known with its feed sequence, or missing.
            bool guessed = false;
            std::optional<std::pair<Item, qint64>> known;
        };
        std::optional<ExpectedAction> expectedAction;
        void resetRequest(); // what a RequestScope keeps, at its start and end
        // What this request guessed and has not confirmed yet: the versions, the action (not
        // recorded) and its item (at that sequence, or missing). Every statement but the action's
        // call confirms them first (Query::run, confirmGuesses()).
        struct Guess
        {
            CacheVersions versions;
            QString actionId;
            QString itemId;
            std::optional<qint64> itemSeq;
        };
        std::optional<Guess> guess;
        bool guessedCall = false; // writeActionIfStill's call, which checks the guesses itself
        bool restart = false;     // a guess did not hold: no statement runs until takeRestart()
        bool noGuesses = false;   // answered again: this request reads
    };
    static constexpr size_t kMaxKeptStatements = 256; // statements with IN lists vary in length

    ThreadState &threadState() const;
    bool migrate(QString *error);
    template <typename T>
    QList<T> readRows(QSqlQuery &query, const QString &unreadable,
                      const std::function<void(T &, const QSqlQuery &)> &adjust = {});
    bool bumpAuthGeneration(); // in a write
    // Bumps a counter in the current transaction and returns its new value.
    std::optional<qint64> bumpCounter(const QString &name, QSqlError *error);
    bool beginWrite(QString *error, LockMode mode = LockMode::AtBegin);
    bool beginNow(); // PostgreSQL: sends the deferred BEGIN of this thread's transaction
    // baosong_write_action's parameter for `w` (its events chained after *end, which moves to the
    // last), and the item's JSON in *itemData.
    QJsonObject actionCall(ActionWrites &w, ThreadState::AuditEnd *end, QString *itemData) const;
    bool endWrite(bool commit);
    template <typename Body> bool write(Body &&body);
    // One statement as a write of its own (or in the caller's Transaction). `what` names it in the
    // error ("<what> failed: ..."); with `missing`, a statement that changed no row fails with that.
    bool writeOne(const QString &statement, const QVariantList &values, const QString &what,
                  const QString &missing = {});
    // Every row of `statement` (id, data JSON, ...) read into T; `reading` names the query in errors.
    template <typename T>
    QList<T> readAll(const QString &statement, const QString &reading, const QString &unreadable,
                     const std::function<void(T &, const QSqlQuery &)> &adjust = {});
    void clearError();
    void setError(const QString &message);
    // Logs the SQL error, sets lastError() to "<what> failed: ..." and returns false.
    bool failed(const QString &what, const QSqlError &error);
    // PostgreSQL: true (and the connection closed, to be opened again on next use) when this thread's
    // connection no longer answers, e.g. after a server restart.
    bool connectionLost();

    StoreConfig m_config;
    QString m_connectionPrefix;
    QString m_serverId;
    mutable QMutex m_mutex; // guards m_threads (the map, not the states)
    QMutex m_writeMutex;    // SQLite: this process's writers take turns here (see beginWrite)
    // PostgreSQL: this process's one-call action writes (writeActionIfStill) take turns here, each
    // chaining its events after the audit end the one before it left (m_lastCallEnd, guarded by it),
    // so that the threads of one server don't move each other's end and call again. Between servers
    // the call's answer still does that.
    QMutex m_actionCallMutex;
    std::optional<ThreadState::AuditEnd> m_lastCallEnd;
    // What expectAction() guesses with: the cache versions as this process last read them, and the
    // items it last read or wrote for an action, with their feed sequence (a few, the latest).
    bool confirmGuesses(); // reads what this thread's request guessed; false (restart) when it moved
    void guessFailed(const QString &itemId); // the request is answered again; what it guessed forgotten
    // `size`: the length of its stored JSON, which bounds what is kept (items with long bodies and
    // many revisions are few but large).
    void rememberItem(const Item &item, qint64 seq, qsizetype size);
    void forgetGuesses(); // after this process changed a version
    static constexpr qsizetype kRememberedItems = 1024;
    static constexpr qsizetype kRememberedChars = 8 * 1024 * 1024;
    QMutex m_guessMutex;
    std::optional<CacheVersions> m_knownVersions;
    QHash<QString, std::pair<Item, qint64>> m_knownItems;
    qsizetype m_knownItemsChars = 0; // their JSON's length, in all (roughly: replaced ones stay counted)
    std::atomic<quint64> m_guessesHeld{0};
    std::atomic<quint64> m_guessesMissed{0};
    mutable std::unordered_map<quint64, ThreadState> m_threads;
};

} // namespace baosong::server
