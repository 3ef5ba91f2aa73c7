#pragma once

// The client's local store (docs/design.md §6, §7, §9): one SQLite file holding the organization and every
// item the user can see or has written, so that the client works offline and nothing saved is lost.
//
// Durability: WAL journal with synchronous=FULL; every save is one transaction that is on disk when
// the call returns true, so a crash or `kill -9` right after it loses nothing (tst_localstore proves it
// with a child process killed at random points).
//
// Schema: versioned by `PRAGMA user_version`, upgraded in one transaction at open (data kept):
//   1  items (summary columns, a plain-text copy of the body, the item's JSON), organization
//   2  the FTS5 trigram index over title and body text, kept in sync by triggers
//   3  the outbox (actions waiting for the server) and the sync state (cursor, server, account)
//   4  indexes for the views (state and queue order, the queue's stages, a person's own items)
//   5  the search index may lag behind big writes: rows above search_index.indexed_through are added
//      by client/SearchIndexer on its own thread (search() reads them directly meanwhile)
//   6  the character index for terms of 1–2 characters (items_chars, core/SearchText), beside the
//      trigram index and in step with it; its tokens come from baosong_search_tokens(), a function
//      every connection that writes items registers
// A file written by a newer Baosong (user_version > kSchemaVersion) is refused and left untouched.
//
// Corruption: open() runs `PRAGMA quick_check`. A damaged file (or one that is not a database) is
// closed and moved aside, with its -wal/-shm files, to `<path>.corrupt-<yyyyMMdd-hhmmss>`; open()
// then fails and reports where the damaged copy is. It never creates an empty store over it: the
// caller decides, and calling open() again (the path is now free) is that explicit decision — it
// creates a new, empty store.
//
// Damage met while the store is in use — the background check (integrityProblems) or any SQL call
// failing with SQLITE_CORRUPT / SQLITE_NOTADB — leaves a marker next to the file (`<path>.check-at-open`):
// isDamaged() is then true for every LocalStore of that file, client/SyncEngine stops writing into it,
// and the user may rebuild (ClientSession::rebuildFromServer): moveAside() keeps the damaged file,
// salvage() reads the unsent work out of it row by row, and a new store is made and filled again.
//
// A LocalStore is used from the thread that opened it (it owns its own named QSqlDatabase connection).

#include "ContentScan.h"
#include "Domain.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "SearchIndexer.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlError;
class QSqlQuery;

namespace baosong {

// The columns of one item needed for a list or queue view, read without parsing the item's JSON.
struct ItemSummary
{
    QString id;
    ItemKind kind = ItemKind::News;
    QString unitId;
    QString columnId; // of the latest revision
    QString authorId;
    WorkflowState state = WorkflowState::Draft;
    Proposal proposal = Proposal::New;
    QString stageId;
    QString title;  // of the latest revision
    QDate infoDate; // the latest revision's RevisionContent::deadlineFrom(); invalid when not set
    bool urgent = false;
    QDateTime updatedAt; // when the item was last saved to this store (UTC)
    bool operator==(const ItemSummary &) const = default;
};

// Which items a list shows (client/ItemViews makes one per view): every condition set must hold.
struct ItemFilter
{
    QList<WorkflowState> states; // in one of these states (empty: any)
    QString authorId;            // driven by this person (Item::authorId; empty: anyone)
    QString excludeAuthorId;     // not driven by this person
    QStringList columnIds;       // in one of these columns (empty: any)
    QList<ItemKind> kinds;       // of one of these kinds (empty: any)
    QStringList unitIds;         // of one of these units (empty: any)
    // At one of these stages: the item's kind and stage, and its unit among unitIds unless anyUnit.
    struct StageClause
    {
        ItemKind kind = ItemKind::News;
        QString stageId;
        QStringList unitIds;
        bool anyUnit = false;
        QString authorId; // and driven by this person (empty: anyone)
    };
    std::optional<QList<StageClause>> stages; // not set: any stage; an empty list: none
    bool isEmpty() const
    {
        return states.isEmpty() && authorId.isEmpty() && excludeAuthorId.isEmpty() && columnIds.isEmpty() &&
               kinds.isEmpty() && unitIds.isEmpty() && !stages;
    }
};

// One action waiting in the outbox for the server's answer (docs/design.md §7; used by client/SyncEngine).
struct OutboxEntry
{
    enum class State
    {
        Pending,  // to be sent (now, or at nextAttemptAt after a failure)
        Conflict, // the server answered 409: the item moved on; the user decides (answer has the item)
        Refused,  // the server refused it for another reason (answer has the problem)
    };
    qint64 seq = 0; // the order the actions were taken in
    QString actionId;
    QString itemId;
    Action action = Action::Comment; // stored as its wire name ("create", "edit", "submit", ...)
    QJsonObject request;             // the body of POST /api/v1/actions
    int revision = 0;                // create/edit: the local revision number its content becomes
    State state = State::Pending;
    int attempts = 0;        // times it was sent without a final answer
    QDateTime nextAttemptAt; // not before (backoff); invalid: at once
    int lastStatus = 0;      // HTTP status of the last answer (0: none, network failure)
    QString lastError;       // translated
    QByteArray lastRequestId;
    QJsonObject answer; // the last problem (409 / refusal) as the server sent it
    QDateTime createdAt;
};

class LocalStore
{
public:
    // The schema this build writes and understands; older files are upgraded at open.
    static constexpr int kSchemaVersion = 6;

    enum class OpenStatus
    {
        Created,  // there was no store (or an empty file): a new one was made
        Opened,   // an existing store at kSchemaVersion
        Upgraded, // an existing store at OpenResult::fromVersion, upgraded to kSchemaVersion
        Failed,   // not opened: see OpenResult::message (and quarantinedPath)
    };

    struct OpenResult
    {
        OpenStatus status = OpenStatus::Failed;
        int fromVersion = 0;     // the version found in the file (0 for a new store)
        QString message;         // translated; set when status is Failed
        QString quarantinedPath; // set when a damaged file was moved aside
        bool ok() const { return status != OpenStatus::Failed; }
    };

    explicit LocalStore(const QString &path);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    QString path() const { return m_path; }

    // Opens (creating or upgrading if needed) and checks the store; see the header comment for what
    // happens to a damaged or newer file. Opening an open store closes it first. The check reads the
    // whole file: about 0.5 s for 100,000 items (an 830 MB store) on the 2-core machine.
    OpenResult open();
    // Skip the whole-file check at open (it reads every page: ~0.5 s for 100,000 items) and run
    // integrityProblems() in the background instead; damage found there makes the next open check
    // and move the file aside as usual. The client does this to show its queue at once.
    void setDeferredCheck(bool deferred) { m_deferCheck = deferred; }
    // PRAGMA quick_check on its own read-only connection (any thread): empty when the file is sound.
    // When it is not, a marker next to the file makes the next open() check it.
    static QStringList integrityProblems(const QString &path);
    // Damage was found in this store's file (by this store, another connection or the background
    // check) and the file has not been set aside since.
    bool isDamaged() const;
    static bool damageMarked(const QString &path);
    // Closes the store and moves its file (with -wal, -shm and the damage marker) to
    // `<path>.corrupt-<yyyyMMdd-hhmmss>`; returns that path, or empty with *error (translated) set and
    // nothing moved. The file is never deleted.
    QString moveAside(QString *error);

    // What could be read of the unsent work in a damaged store file (salvage()).
    struct Salvage
    {
        QList<OutboxEntry> outbox;        // every readable entry, in the order taken (seq)
        QList<Item> items;                // the items of those entries that could be read
        QList<QByteArray> itemJson;       // each item's JSON as it was kept
        QHash<QString, QString> identity; // readable sync values: server_id, person_id, server_url, login
        int unreadableActions = 0;        // outbox rows that could not be read
        int unreadableItems = 0;          // items of readable entries that could not be read
        bool opened = false;              // false: the file could not be opened at all (see error)
        QString error;
    };
    // Reads the damaged file at `path` (read-only, row by row: a row that can't be read is skipped and
    // counted, the others are still read). The cursor and the organization are not taken.
    static Salvage salvage(const QString &path);
    // Writes a salvage into this (new) store in one transaction: the identity, the items, and the
    // outbox entries with their action ids, in their order. False (lastError()) changes nothing.
    bool restoreSalvage(const Salvage &salvage);
    void close();
    bool isOpen() const;

    // Every operation below clears lastError() first and sets it (translated) when it fails. A failed
    // write changes nothing in the store.
    QString lastError() const { return m_lastError; }

    // The organization (one per store), kept as the JSON of Organization::toJson().
    bool saveOrganization(const Organization &organization);
    // Empty when none was saved, or when the saved one no longer validates (lastError() says why).
    std::optional<Organization> organization();

    // Inserts or replaces the item with the same id, in one durable transaction. An item without an
    // id is refused.
    bool saveItem(const Item &item);
    // All items in one transaction: either every item is saved or none is. When an id occurs twice,
    // the later item wins.
    bool saveItems(const QList<Item> &items);
    std::optional<Item> item(const QString &id);
    // True when the item is gone afterwards (also when it was not there).
    bool removeItem(const QString &id);
    // -1 on failure.
    int itemCount();

    // ---- transactions, outbox and sync state (schema 3), for client/SyncEngine ----

    // Several writes as one durable transaction: begin, then the *InTransaction calls below, then
    // commit (or rollback). Not nested.
    bool beginTransaction();
    bool commit();
    void rollback();
    // saveItems() without its own transaction.
    bool writeItemsInTransaction(const QList<Item> &items) { return writeItems(items); }
    // The same, with each item's JSON text (UTF-8, json::toJson's form of items[i] as the server sent
    // it) kept as it is instead of being made again from the Item. `json` has one text per item; an
    // empty one is made from its Item.
    bool writeItemsInTransaction(const QList<Item> &items, const QList<QByteArrayView> &json);

    bool removeItemInTransaction(const QString &id);

    // Every entry, in the order taken (seq).
    QList<OutboxEntry> outbox();
    QList<OutboxEntry> outboxOf(const QString &itemId);
    std::optional<OutboxEntry> outboxEntry(const QString &actionId);
    // Inserts the entry (its seq and createdAt are set on success).
    bool insertOutboxEntry(OutboxEntry &entry);
    // Rewrites request, revision, state, attempts, next attempt, last status/error/request id, answer.
    bool updateOutboxEntry(const OutboxEntry &entry);
    // updateOutboxEntry() of the entry that had `oldActionId`, which takes entry.actionId (a new id for a
    // request rewritten after a refusal) and keeps its place in the order.
    bool renewOutboxEntry(const QString &oldActionId, const OutboxEntry &entry);
    bool removeOutboxEntry(const QString &actionId);
    // -1 on failure.
    int outboxCount();

    // A value of the sync state (empty when not set) and setting one.
    QString syncValue(const QString &key);
    bool setSyncValue(const QString &key, const QString &value);
    // The server's limits as its last GET /me said them (kept in the sync state).
    ServerLimits serverLimits();
    bool setServerLimits(const ServerLimits &limits);
    // The word lists and detector settings of the content checks as the server last gave them (kept in
    // the sync state, so that the checks work offline); nullopt when never fetched: the shipped ones
    // apply (ContentRules::builtin()).
    std::optional<ContentRules> wordLists();
    bool setWordLists(const ContentRules &rules);

    // A page of summaries in queue order: urgent items first, then by information date, oldest first
    // (undated last), then in the order the items were first saved.
    QList<ItemSummary> summaries(int offset, int limit);
    // The summaries of the given items, in the order of `ids` (ids not in the store are left out).
    QList<ItemSummary> summariesOf(const QStringList &ids);

    // The same with a filter (client/LocalStoreViews.cpp): a page in queue order, the matching items of
    // `ids` in their order, and how many match (-1 on failure).
    QList<ItemSummary> summaries(const ItemFilter &filter, int offset, int limit);
    QList<ItemSummary> summariesOf(const QStringList &ids, const ItemFilter &filter);
    int count(const ItemFilter &filter);

    // Ids of the items whose title or body text contains every whitespace-separated term of `query`,
    // most recently added first, at most `limit`; ASCII letters match in either case. Terms of 3 or
    // more characters use the trigram index, shorter ones the character index (schema 6): each is one
    // token to look up, with or without hits (a term with punctuation or symbols is also checked on the
    // rows its letters and digits find; a query of only such terms reads every row). Next to a longer
    // term, short terms are checked on the trigram index's hits. User input is always matched
    // literally, never as FTS5 query syntax. An empty query finds nothing.
    QStringList search(const QString &query, int limit);
    // How SQLite runs search(query) over the indexed rows: the lines of EXPLAIN QUERY PLAN (tests).
    QStringList searchPlan(const QString &query);

    // Rows not in the search index yet (-1 on failure). A write leaving more than a few hundred
    // schedules searchIndexer(), which brings it to 0; search() finds them meanwhile all the same.
    int searchBacklog();
    // The store's indexer (null while closed), e.g. to wait for it or to change its delay.
    SearchIndexer *searchIndexer() const;
    // Indexes every row not in the search index yet, batch by batch on its own connection to `path`
    // (any thread), while keepGoing() says so; then a passive WAL checkpoint. Returns the rows added,
    // or -1 with *error set.
    static int catchUpSearchIndex(const QString &path, const std::function<bool()> &keepGoing,
                                  QString *error);

    // ---- how the connections are set up (docs/design.md §9: durability) ----

    enum class ConnectionRole
    {
        Store,       // a LocalStore's own connection: the user's (SyncEngine), the FeedWriter's
        SearchIndex, // catchUpSearchIndex(): synchronous=NORMAL, the one exception (the index is derived)
        Check,       // integrityProblems(): read-only
    };
    // One connection's settings as SQLite reports them (PRAGMA journal_mode, synchronous, busy_timeout).
    struct ConnectionSettings
    {
        ConnectionRole role = ConnectionRole::Store;
        QString journalMode;    // "wal"
        int synchronous = -1;   // 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
        int busyTimeoutMs = -1; // how long a write waits for another connection's write
    };
    // This store's own connection (empty journalMode when it is not open).
    ConnectionSettings connectionSettings();
    // Called with the settings of every connection a LocalStore of this process opens (its own at
    // open(), the search indexer's, the background check's), on the thread that opened it, as soon as
    // it is set up: tests check them all (tst_store_faults). Null, the default, calls nothing.
    static void setConnectionObserver(std::function<void(const ConnectionSettings &)> observer);

private:
    QSqlDatabase database() const;
    static QList<ItemSummary> readSummaries(QSqlQuery &query);
    OpenResult failOpen(const QString &message);
    OpenResult quarantine(const QString &reason);
    // A failing SQL call: SQLITE_CORRUPT / SQLITE_NOTADB marks the file damaged.
    void noteSqlError(const QSqlError &error);
    static void markDamaged(const QString &path, const QString &problems);
    bool migrate(int fromVersion);
    bool stageItem(QSqlQuery &stage, const Item &item, const QString &now, QByteArrayView json = {});
    bool writeItems(const QList<Item> &items, const QList<QByteArrayView> *json = nullptr);
    static OutboxEntry readOutboxEntry(const QSqlQuery &query);
    QList<OutboxEntry> readOutbox(const QString &where, const QVariantList &values);
    // Clears lastError(); false (with the error set) when the store is not open.
    bool requireOpen();
    void setError(const QString &message);
    void setSqlError(const QString &what, const QSqlQuery &query);
    // "<what> failed: <error>", led by what it means for the user when the disk is full, failing or
    // read-only.
    void setSqlError(const QString &what, const QSqlError &error);

    QString m_path;
    QString m_connectionName;
    QString m_lastError;
    bool m_deferCheck = false;
    bool m_damaged = false;
    bool m_indexLater = false;         // a write of this transaction left rows for the indexer
    bool m_checkpointDeferred = false; // auto-checkpoint off until the indexer has checkpointed
    std::unique_ptr<SearchIndexer> m_indexer;
};

} // namespace baosong
