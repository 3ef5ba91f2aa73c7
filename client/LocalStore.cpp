#include "LocalStore.h"

#include "DomainJson.h"
#include "HtmlText.h"
#include "Limits.h"
#include "Logging.h"
#include "SearchText.h"
#include "Sql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADatabase = 26;

// The schema, one list of statements per version. A shipped version's statements never change: a
// new need is a new version.
QStringList migrationStatements(int version)
{
    switch (version) {
    case 1:
        return {
            uR"(CREATE TABLE items (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                unit_id TEXT NOT NULL DEFAULT '',
                column_id TEXT NOT NULL DEFAULT '',
                author_id TEXT NOT NULL DEFAULT '',
                state TEXT NOT NULL,
                proposal TEXT NOT NULL,
                stage_id TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL DEFAULT '',
                info_date TEXT,
                urgent INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL,
                body_text TEXT NOT NULL DEFAULT '',
                data TEXT NOT NULL))"_s,
            u"CREATE INDEX items_queue_order ON items (urgent DESC, info_date IS NULL, info_date, seq)"_s,
            uR"(CREATE TABLE organization (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                data TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
        };
    case 2:
        return {
            uR"(CREATE VIRTUAL TABLE items_fts USING fts5 (
                title, body_text, content='items', content_rowid='seq', tokenize='trigram'))"_s,
            uR"(CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body_text ON items BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
            u"INSERT INTO items_fts (items_fts) VALUES ('rebuild')"_s,
        };
    case 3:
        return {
            // The outbox (docs/design.md §7): every action the user takes, in the order taken, until the
            // server has answered it. `request` is the body of POST /api/v1/actions.
            uR"(CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                action_id TEXT NOT NULL UNIQUE,
                item_id TEXT NOT NULL,
                action TEXT NOT NULL,
                request TEXT NOT NULL,
                revision INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                last_status INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NOT NULL DEFAULT '',
                last_request_id TEXT NOT NULL DEFAULT '',
                answer TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL))"_s,
            u"CREATE INDEX outbox_by_item ON outbox (item_id, seq)"_s,
            // The feed's cursor, the server and account the store belongs to, and the like.
            u"CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        };
    case 4:
        return {
            // The views (client/ItemViews): a state's items in queue order, the queue's stage clauses
            // (covering, for the counts), and a person's own items.
            u"CREATE INDEX items_state_order ON items (state, urgent DESC, info_date IS NULL, info_date, seq)"_s,
            u"CREATE INDEX items_state_route ON items (state, kind, stage_id, unit_id, author_id)"_s,
            u"CREATE INDEX items_author_state ON items (author_id, state)"_s,
        };
    case 5:
        return {
            // The search index may lag behind big writes (a first sync of thousands of items): rows
            // with seq above indexed_through are not in items_fts yet; client/SearchIndexer adds them
            // on a thread of its own and search() reads them directly meanwhile. The triggers keep
            // the rows already indexed in step, as before. Every row so far is indexed.
            u"DROP TRIGGER items_fts_insert"_s,
            u"DROP TRIGGER items_fts_delete"_s,
            u"DROP TRIGGER items_fts_update"_s,
            uR"(CREATE TABLE search_index (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                indexed_through INTEGER NOT NULL))"_s,
            u"INSERT INTO search_index (id, indexed_through) SELECT 1, coalesce(max(seq), 0) FROM items"_s,
            // A new row reusing an indexed seq (the highest row was deleted) is indexed at once.
            uR"(CREATE TRIGGER items_fts_insert AFTER INSERT ON items
                WHEN new.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_delete AFTER DELETE ON items
                WHEN old.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body_text ON items
                WHEN old.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
        };
    case 6:
        return {
            // Terms of 1 or 2 characters (core/SearchText): every character and every pair of adjacent
            // characters of the title and body text is a token of items_chars, so that such a term is
            // one token to look up (the trigram index finds nothing shorter than 3 characters). Rowids
            // only (detail=none), no copy of the text (contentless): baosong_search_tokens(), which
            // every connection of the store registers (addSearchFunction), derives the tokens from the
            // row, also to delete them. The same rows as items_fts, in step by the same rule.
            uR"(CREATE VIRTUAL TABLE items_chars USING fts5 (
                tokens, content='', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 0'))"_s,
            uR"(CREATE TRIGGER items_chars_insert AFTER INSERT ON items
                WHEN new.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_chars (rowid, tokens)
                    VALUES (new.seq, baosong_search_tokens(new.title, new.body_text));
            END)"_s,
            uR"(CREATE TRIGGER items_chars_delete AFTER DELETE ON items
                WHEN old.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_chars (items_chars, rowid, tokens)
                    VALUES ('delete', old.seq, baosong_search_tokens(old.title, old.body_text));
            END)"_s,
            uR"(CREATE TRIGGER items_chars_update AFTER UPDATE OF title, body_text ON items
                WHEN old.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_chars (items_chars, rowid, tokens)
                    VALUES ('delete', old.seq, baosong_search_tokens(old.title, old.body_text));
                INSERT INTO items_chars (rowid, tokens)
                    VALUES (new.seq, baosong_search_tokens(new.title, new.body_text));
            END)"_s,
            // The rows already indexed; later ones join both indexes as before (indexRows).
            uR"(INSERT INTO items_chars (rowid, tokens)
                SELECT seq, baosong_search_tokens(title, body_text) FROM items
                WHERE seq <= (SELECT indexed_through FROM search_index WHERE id = 1))"_s,
        };
    default:
        return {};
    }
}

// Items are saved in two steps: rows go into this temporary table one by one, then into `items` with
// one INSERT ... SELECT per chunk. The FTS5 triggers then run inside a single statement: row by row,
// every statement's savepoint makes FTS5 flush its pending index data, which halves the throughput.
const QString kItemColumns = u"id, kind, unit_id, column_id, author_id, state, proposal, stage_id, title, "
                             u"info_date, urgent, updated_at, body_text, data"_s;
const QString kCreateStaging =
    u"CREATE TEMP TABLE IF NOT EXISTS item_staging (n INTEGER PRIMARY KEY, "_s + kItemColumns + u')';
constexpr int kStagingChunk = 1000;

// A write that leaves at most this many rows unindexed indexes them in its own transaction (every
// ordinary save: a draft, an action, a feed page of a few items); more are left to SearchIndexer.
constexpr int kIndexAtOnce = 256;
// SQLite's default: a commit that leaves more pages than this in the WAL copies them into the file.
constexpr int kAutoCheckpoint = 1000;
// Rows per transaction of the background catch-up: a write of the user waits at most for one batch.
constexpr int kIndexBatch = 250;

// Rows not in the search index yet, counting at most `cap` of them (-1 on failure).
int unindexedRows(const QSqlDatabase &db, int cap, QSqlError *error)
{
    QSqlQuery q(db);
    if (!sql::run(q,
                  u"SELECT count(*) FROM (SELECT 1 FROM items WHERE seq > "
                  u"(SELECT indexed_through FROM search_index WHERE id = 1) LIMIT ?)"_s,
                  {cap}) ||
        !q.next()) {
        *error = q.lastError();
        return -1;
    }
    return q.value(0).toInt();
}

// Adds the next `limit` unindexed rows to the search index, in the caller's transaction. Returns how
// many (-1 on failure).
int indexRows(const QSqlDatabase &db, int limit, QSqlError *error)
{
    QSqlQuery q(db);
    if (!q.exec(u"SELECT indexed_through FROM search_index WHERE id = 1"_s) || !q.next()) {
        *error = q.lastError();
        return -1;
    }
    const qint64 from = q.value(0).toLongLong();
    q.finish();
    if (!sql::run(
            q, u"SELECT max(seq), count(*) FROM (SELECT seq FROM items WHERE seq > ? ORDER BY seq LIMIT ?)"_s,
            {from, limit}) ||
        !q.next()) {
        *error = q.lastError();
        return -1;
    }
    const qint64 through = q.value(0).toLongLong();
    const int rows = q.value(1).toInt();
    q.finish();
    if (rows == 0)
        return 0;
    // Both indexes (schema 2 and 6) hold the same rows.
    for (const QString &statement :
         {u"INSERT INTO items_fts (rowid, title, body_text) "
          u"SELECT seq, title, body_text FROM items WHERE seq > ? AND seq <= ?"_s,
          u"INSERT INTO items_chars (rowid, tokens) "
          u"SELECT seq, baosong_search_tokens(title, body_text) FROM items WHERE seq > ? AND seq <= ?"_s}) {
        if (!sql::run(q, statement, {from, through})) {
            *error = q.lastError();
            return -1;
        }
    }
    if (!sql::run(q, u"UPDATE search_index SET indexed_through = ? WHERE id = 1"_s, {through})) {
        *error = q.lastError();
        return -1;
    }
    return rows;
}

int sqliteCode(const QSqlError &error)
{
    // Primary result code (the low byte), also when extended codes are on.
    return error.nativeErrorCode().toInt() & 0xff;
}

bool isCorruption(const QSqlError &error)
{
    const int code = sqliteCode(error);
    return code == kSqliteCorrupt || code == kSqliteNotADatabase;
}

constexpr int kSqliteIoErr = 10;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteFull = 13;

// What a write that failed in the storage itself (not in the SQL) means for the user, translated:
// empty for any other error. SQLite has rolled the transaction back; what was saved before is kept.
QString storageProblem(const QSqlError &error)
{
    switch (sqliteCode(error)) {
    case kSqliteFull:
        return QCoreApplication::translate("LocalStore",
                                           "The local store could not be written: the disk is full. What was "
                                           "saved before is kept; this change was not saved. Free some disk "
                                           "space and try again.");
    case kSqliteIoErr:
        return QCoreApplication::translate("LocalStore",
                                           "The local store could not be written: the disk reported an "
                                           "input/output error. What was saved before is kept; this change "
                                           "was not saved. Check the disk and try again.");
    case kSqliteReadOnly:
        return QCoreApplication::translate("LocalStore",
                                           "The local store could not be written: its file or folder is "
                                           "read-only. What was saved before is kept; this change was not "
                                           "saved. Make them writable and try again.");
    default:
        return {};
    }
}

// The observer of every connection's settings (LocalStore::setConnectionObserver), for tests.
QMutex &observerMutex()
{
    static QMutex mutex;
    return mutex;
}

std::function<void(const LocalStore::ConnectionSettings &)> &connectionObserver()
{
    static std::function<void(const LocalStore::ConnectionSettings &)> observer;
    return observer;
}

LocalStore::ConnectionSettings readSettings(const QSqlDatabase &db, LocalStore::ConnectionRole role)
{
    LocalStore::ConnectionSettings settings;
    settings.role = role;
    QSqlQuery q(db);
    if (q.exec(u"PRAGMA journal_mode"_s) && q.next())
        settings.journalMode = q.value(0).toString().toLower();
    if (q.exec(u"PRAGMA synchronous"_s) && q.next())
        settings.synchronous = q.value(0).toInt();
    if (q.exec(u"PRAGMA busy_timeout"_s) && q.next())
        settings.busyTimeoutMs = q.value(0).toInt();
    return settings;
}

// Tells the observer (if any) how a connection just opened is set up.
void reportConnection(const QSqlDatabase &db, LocalStore::ConnectionRole role)
{
    std::function<void(const LocalStore::ConnectionSettings &)> observer;
    {
        QMutexLocker lock(&observerMutex());
        observer = connectionObserver();
    }
    if (observer)
        observer(readSettings(db, role));
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString connectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"baosong.localstore.%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// baosong_search_tokens(text, ...): the character index's tokens of its arguments (schema 6).
void searchTokensFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    QString tokens;
    for (int i = 0; i < argc; ++i) {
        const auto *text = static_cast<const char16_t *>(sqlite3_value_text16(argv[i]));
        if (text)
            searchtext::appendCharacterTokens(tokens, QStringView(text, sqlite3_value_bytes16(argv[i]) / 2));
    }
    sqlite3_result_text16(context, tokens.utf16(), int(tokens.size() * 2), SQLITE_TRANSIENT);
}

// Registers baosong_search_tokens() on a connection that writes items (the triggers and indexRows()
// call it). Qt's SQLite driver hands out its handle; Debian's links the system libsqlite3, as we do.
bool addSearchFunction(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    return connection &&
           sqlite3_create_function_v2(connection, "baosong_search_tokens", -1,
                                      SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                      searchTokensFunction, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace

// ---- lifetime ----------------------------------------------------------------------------------

LocalStore::LocalStore(const QString &path)
    : m_path(path)
    , m_connectionName(connectionName())
{}

LocalStore::~LocalStore()
{
    close();
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

void LocalStore::close()
{
    m_indexer.reset(); // stops after its current batch
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

LocalStore::OpenResult LocalStore::failOpen(const QString &message)
{
    close();
    setError(message);
    qCWarning(lcStore) << "local store not opened:" << m_path << message;
    OpenResult result;
    result.status = OpenStatus::Failed;
    result.message = message;
    return result;
}

QString LocalStore::moveAside(QString *error)
{
    close();
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-hhmmss"_s);
    QString target = m_path + u".corrupt-"_s + stamp;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + u"-wal"_s); ++n)
        target = m_path + u".corrupt-"_s + stamp + u'-' + QString::number(n);

    if (!QFile::rename(m_path, target)) {
        if (error)
            *error = QCoreApplication::translate("LocalStore",
                                                 "The local store “%1” could not be moved aside. Nothing was "
                                                 "deleted.")
                         .arg(QDir::toNativeSeparators(m_path));
        return {};
    }
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u".check-at-open"_s}) {
        if (QFileInfo::exists(m_path + suffix) && !QFile::rename(m_path + suffix, target + suffix))
            qCWarning(lcStore) << "could not move aside" << m_path + suffix;
    }
    m_damaged = false;
    return target;
}

LocalStore::OpenResult LocalStore::quarantine(const QString &reason)
{
    const QString target = moveAside(nullptr);
    if (target.isEmpty()) {
        return failOpen(QCoreApplication::translate(
                            "LocalStore",
                            "The local store “%1” is damaged (%2) and could not be moved aside. Nothing "
                            "was deleted. Close Baosong, move the file to a safe place yourself and start "
                            "Baosong again; keep the file and ask the information centre for help.")
                            .arg(QDir::toNativeSeparators(m_path), reason));
    }
    qCCritical(lcStore) << "local store damaged:" << m_path << reason << "kept as" << target;

    OpenResult result = failOpen(
        QCoreApplication::translate(
            "LocalStore",
            "The local store “%1” is damaged (%2). The damaged copy was kept as “%3”; nothing was deleted. "
            "Start Baosong again to create a new local store, which the next sync fills from the server. "
            "Changes that were not yet sent may still be in the damaged copy: keep it and ask the "
            "information centre for help.")
            .arg(QDir::toNativeSeparators(m_path), reason, QDir::toNativeSeparators(target)));
    result.quarantinedPath = target;
    return result;
}

LocalStore::OpenResult LocalStore::open()
{
    close();
    m_lastError.clear();
    m_damaged = false;

    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return failOpen(QCoreApplication::translate("LocalStore",
                                                    "The folder “%1” for the local store could not be "
                                                    "created. Check that you may write there.")
                            .arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    const auto cannotOpen = [this](const QString &detail) {
        return failOpen(QCoreApplication::translate("LocalStore",
                                                    "The local store “%1” could not be opened: %2. Check "
                                                    "that the file is not in use by another Baosong and "
                                                    "that you may write to its folder.")
                            .arg(QDir::toNativeSeparators(m_path), detail));
    };

    {
        QSqlError error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
            db.setDatabaseName(m_path);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            if (!db.open())
                error = db.lastError();
        } // no handle left when failing removes the connection ("still in use")
        if (error.isValid()) {
            if (isCorruption(error))
                return quarantine(error.databaseText());
            return cannotOpen(error.text());
        }
    }
    if (!addSearchFunction(database()))
        return cannotOpen(QCoreApplication::translate("LocalStore", "the search index could not be set up"));

    // Read the version and check the file before anything writes to it.
    int version = 0;
    {
        QSqlQuery q(database());
        if (!q.exec(u"PRAGMA user_version"_s) || !q.next()) {
            if (isCorruption(q.lastError()))
                return quarantine(q.lastError().databaseText());
            return cannotOpen(q.lastError().text());
        }
        version = q.value(0).toInt();
    }
    // A check deferred by the client (setDeferredCheck) runs in the background instead; a marker left
    // by a check that found damage makes this open check the whole file again (and move it aside).
    const QString marker = m_path + u".check-at-open"_s;
    if (!m_deferCheck || QFile::exists(marker)) {
        QSqlQuery q(database());
        if (!q.exec(u"PRAGMA quick_check"_s)) {
            if (isCorruption(q.lastError()))
                return quarantine(q.lastError().databaseText());
            return cannotOpen(q.lastError().text());
        }
        // "ok", or rows (each possibly of several lines) naming the problems: the first few are
        // enough to explain it.
        QStringList problems;
        while (q.next()) {
            const QString row = q.value(0).toString();
            if (row != u"ok"_s)
                problems += row.split(u'\n', Qt::SkipEmptyParts);
        }
        if (!problems.isEmpty()) {
            qCWarning(lcStore) << "quick_check:" << problems.size() << "problems in" << m_path;
            const qsizetype shown = std::min<qsizetype>(problems.size(), 3);
            QString reason = problems.mid(0, shown).join(u"; "_s);
            if (shown < problems.size())
                reason += u"; …"_s;
            QFile::remove(marker);
            return quarantine(reason);
        }
        QFile::remove(marker);
    }

    if (version > kSchemaVersion) {
        return failOpen(QCoreApplication::translate(
                            "LocalStore",
                            "The local store “%1” was written by a newer version of Baosong (schema %2); "
                            "this version understands up to schema %3. Update Baosong to open it. The "
                            "file was left unchanged.")
                            .arg(QDir::toNativeSeparators(m_path))
                            .arg(version)
                            .arg(kSchemaVersion));
    }

    {
        QSqlQuery q(database());
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next() ||
            q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            return cannotOpen(
                QCoreApplication::translate("LocalStore", "write-ahead logging is not available"));
        }
        // journal_size_limit: a WAL grown by a first sync is cut back to 32 MB when it starts over.
        if (!q.exec(u"PRAGMA synchronous=FULL"_s) || !q.exec(u"PRAGMA foreign_keys=ON"_s) ||
            !q.exec(u"PRAGMA temp_store=MEMORY"_s) || !q.exec(u"PRAGMA journal_size_limit=33554432"_s))
            return cannotOpen(q.lastError().text());
    }

    if (version < kSchemaVersion && !migrate(version)) {
        const QString detail = m_lastError;
        return failOpen(QCoreApplication::translate("LocalStore",
                                                    "The local store “%1” could not be upgraded from "
                                                    "schema %2 to %3: %4. The file was left as it was.")
                            .arg(QDir::toNativeSeparators(m_path))
                            .arg(version)
                            .arg(kSchemaVersion)
                            .arg(detail));
    }

    {
        // Saves go through this per-connection table (see saveItems()).
        QSqlQuery q(database());
        if (!q.exec(kCreateStaging))
            return cannotOpen(q.lastError().text());
    }

    m_indexer = std::make_unique<SearchIndexer>(m_path);
    QObject::connect(m_indexer.get(), &SearchIndexer::finished, m_indexer.get(), [this] {
        if (m_checkpointDeferred && isOpen())
            m_checkpointDeferred =
                !QSqlQuery(database()).exec(u"PRAGMA wal_autocheckpoint=%1"_s.arg(kAutoCheckpoint));
    });
    {
        // What an earlier session left unindexed (it stopped before its indexer was done).
        QSqlError error;
        if (unindexedRows(database(), 1, &error) > 0)
            m_indexer->schedule();
    }

    reportConnection(database(), ConnectionRole::Store);

    OpenResult result;
    result.fromVersion = version;
    result.status = version == 0               ? OpenStatus::Created
                    : version < kSchemaVersion ? OpenStatus::Upgraded
                                               : OpenStatus::Opened;
    qCInfo(lcStore) << "local store" << m_path << "opened; schema" << version << "->" << kSchemaVersion;
    return result;
}

bool LocalStore::migrate(int fromVersion)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        setError(db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    for (int v = fromVersion + 1; v <= kSchemaVersion; ++v) {
        for (const QString &statement : migrationStatements(v)) {
            if (!q.exec(statement)) {
                setError(q.lastError().text());
                q.finish();
                db.rollback();
                return false;
            }
        }
    }
    if (!q.exec(u"PRAGMA user_version = %1"_s.arg(kSchemaVersion)) || !db.commit()) {
        setError(q.lastError().isValid() ? q.lastError().text() : db.lastError().text());
        q.finish();
        db.rollback();
        return false;
    }
    return true;
}

// ---- the deferred check ------------------------------------------------------------------------

QStringList LocalStore::integrityProblems(const QString &path)
{
    static QAtomicInteger<quint64> counter;
    const QString name = u"baosong.localstore.check.%1"_s.arg(counter.fetchAndAddRelaxed(1));
    QStringList problems;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            problems.append(db.lastError().text());
        } else {
            // It writes nothing; set all the same, so that no connection to the store runs with less
            // than FULL but the search indexer's (catchUpSearchIndex).
            QSqlQuery(db).exec(u"PRAGMA synchronous=FULL"_s);
            reportConnection(db, ConnectionRole::Check);
            QSqlQuery q(db);
            if (!q.exec(u"PRAGMA quick_check"_s)) {
                if (isCorruption(q.lastError()))
                    problems.append(q.lastError().databaseText());
            } else {
                while (q.next()) {
                    const QString row = q.value(0).toString();
                    if (row != u"ok"_s)
                        problems += row.split(u'\n', Qt::SkipEmptyParts);
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!problems.isEmpty()) {
        // The next open checks the whole file and moves a damaged one aside (never reset silently).
        markDamaged(path, problems.join(u'\n'));
        qCWarning(lcStore) << "background quick_check:" << problems.size() << "problems in" << path;
    }
    return problems;
}

void LocalStore::markDamaged(const QString &path, const QString &problems)
{
    QFile marker(path + u".check-at-open"_s);
    if (marker.open(QIODevice::WriteOnly))
        marker.write(problems.toUtf8());
}

bool LocalStore::damageMarked(const QString &path)
{
    return QFileInfo::exists(path + u".check-at-open"_s);
}

bool LocalStore::isDamaged() const
{
    return m_damaged || damageMarked(m_path);
}

void LocalStore::noteSqlError(const QSqlError &error)
{
    if (!isCorruption(error) || m_damaged)
        return;
    m_damaged = true;
    qCCritical(lcStore) << "local store damaged (found in use):" << m_path << error.databaseText();
    markDamaged(m_path, error.databaseText());
}

// ---- errors ------------------------------------------------------------------------------------

bool LocalStore::requireOpen()
{
    m_lastError.clear();
    if (isOpen())
        return true;
    setError(QCoreApplication::translate("LocalStore", "The local store is not open."));
    return false;
}

void LocalStore::setError(const QString &message)
{
    m_lastError = message;
}

void LocalStore::setSqlError(const QString &what, const QSqlQuery &query)
{
    setSqlError(what, query.lastError());
}

void LocalStore::setSqlError(const QString &what, const QSqlError &error)
{
    noteSqlError(error); // damage met in use stops sync (SyncEngine::stopForDamage)
    qCWarning(lcStore) << what << error.text();
    const QString detail = QCoreApplication::translate("LocalStore", "%1 failed: %2").arg(what, error.text());
    const QString problem = storageProblem(error);
    setError(problem.isEmpty() ? detail : problem + u" ("_s + detail + u')');
}

LocalStore::ConnectionSettings LocalStore::connectionSettings()
{
    if (!isOpen())
        return {};
    return readSettings(database(), ConnectionRole::Store);
}

void LocalStore::setConnectionObserver(std::function<void(const ConnectionSettings &)> observer)
{
    QMutexLocker lock(&observerMutex());
    connectionObserver() = std::move(observer);
}

// ---- organization ------------------------------------------------------------------------------

bool LocalStore::saveOrganization(const Organization &organization)
{
    if (!requireOpen())
        return false;
    QSqlQuery q(database());
    if (!sql::run(q,
                  u"INSERT INTO organization (id, data, updated_at) VALUES (1, ?, ?) "
                  u"ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at"_s,
                  {QString::fromUtf8(QJsonDocument(organization.toJson()).toJson(QJsonDocument::Compact)),
                   nowUtc()})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Saving the organization"), q);
        return false;
    }
    return true;
}

std::optional<Organization> LocalStore::organization()
{
    if (!requireOpen())
        return std::nullopt;
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT data FROM organization WHERE id = 1"_s)) {
        setSqlError(QCoreApplication::translate("LocalStore", "Reading the organization"), q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray(), &parseError);
    Organization organization;
    QString error;
    if (!doc.isObject()) {
        error = parseError.errorString();
    } else if (Organization::fromJson(doc.object(), &organization, &error)) {
        return organization;
    }
    setError(QCoreApplication::translate("LocalStore", "The organization kept in the local store is not "
                                                       "valid (%1). Sync again to fetch it from the server.")
                 .arg(error));
    return std::nullopt;
}

// ---- items -------------------------------------------------------------------------------------

bool LocalStore::stageItem(QSqlQuery &stage, const Item &item, const QString &now, QByteArrayView json)
{
    const Revision *latest = item.latest();
    const RevisionContent content = latest ? latest->content : RevisionContent();
    stage.addBindValue(sql::text(item.id));
    stage.addBindValue(toString(item.kind));
    stage.addBindValue(sql::text(item.unitId));
    stage.addBindValue(sql::text(content.columnId));
    stage.addBindValue(sql::text(item.authorId));
    stage.addBindValue(toString(item.state));
    stage.addBindValue(toString(item.proposal));
    stage.addBindValue(sql::text(item.stageId));
    stage.addBindValue(sql::text(content.title));
    // The day the deadline counts from (RevisionContent::deadlineFrom: the information date, or an
    // earlier release through another channel, Art. 9): what the lists colour and sort by.
    const QDate deadlineFrom = content.deadlineFrom();
    stage.addBindValue(deadlineFrom.isValid() ? QVariant(deadlineFrom.toString(Qt::ISODate))
                                              : QVariant(QMetaType::fromType<QString>()));
    stage.addBindValue(content.urgent ? 1 : 0);
    stage.addBindValue(now);
    stage.addBindValue(sql::text(HtmlText::plainText(content.bodyHtml)));
    // UTF-8 bytes, bound as they are (a BLOB: SQLite would otherwise convert the text from UTF-16);
    // item() reads either form.
    stage.addBindValue(json.isEmpty() ? QJsonDocument(json::toJson(item)).toJson(QJsonDocument::Compact)
                                      : QByteArray::fromRawData(json.data(), json.size()));
    if (!stage.exec()) {
        setSqlError(QCoreApplication::translate("LocalStore", "Saving item %1").arg(item.id), stage);
        return false;
    }
    return true;
}

bool LocalStore::saveItem(const Item &item)
{
    return saveItems({item});
}

bool LocalStore::saveItems(const QList<Item> &items)
{
    if (!requireOpen())
        return false;
    for (const Item &item : items) {
        if (item.id.isEmpty()) {
            setError(QCoreApplication::translate("LocalStore",
                                                 "An item without an id can't be saved; nothing was saved."));
            return false;
        }
    }
    if (items.isEmpty())
        return true;

    if (!beginTransaction())
        return false;
    bool ok = writeItems(items);
    if (ok)
        ok = commit(); // rolls back when it fails
    else
        rollback(); // also empties the staging table
    return ok;
}

bool LocalStore::writeItemsInTransaction(const QList<Item> &items, const QList<QByteArrayView> &json)
{
    if (json.size() != items.size()) {
        setError(QCoreApplication::translate("LocalStore", "Saving items failed: %1 items, %2 JSON objects.")
                     .arg(items.size())
                     .arg(json.size()));
        return false;
    }
    return writeItems(items, &json);
}

bool LocalStore::writeItems(const QList<Item> &items, const QList<QByteArrayView> *json)
{
    QSqlDatabase db = database();
    bool ok = true;
    {
        QSqlQuery stage(db);
        QSqlQuery move(db);
        QSqlQuery clear(db);
        ok = stage.prepare(u"INSERT INTO temp.item_staging ("_s + kItemColumns +
                           u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s) &&
             move.prepare(u"INSERT INTO items ("_s + kItemColumns + u") SELECT "_s + kItemColumns +
                          uR"( FROM temp.item_staging WHERE true ORDER BY n
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, unit_id = excluded.unit_id,
                column_id = excluded.column_id, author_id = excluded.author_id, state = excluded.state,
                proposal = excluded.proposal, stage_id = excluded.stage_id, title = excluded.title,
                info_date = excluded.info_date, urgent = excluded.urgent, updated_at = excluded.updated_at,
                body_text = excluded.body_text, data = excluded.data)"_s) &&
             clear.prepare(u"DELETE FROM temp.item_staging"_s);
        if (!ok)
            setSqlError(QCoreApplication::translate("LocalStore", "Saving items"),
                        stage.lastError().isValid() ? stage : move);
        const QString now = nowUtc();
        for (qsizetype first = 0; ok && first < items.size(); first += kStagingChunk) {
            const qsizetype last = std::min<qsizetype>(items.size(), first + kStagingChunk);
            for (qsizetype i = first; ok && i < last; ++i)
                ok = stageItem(stage, items.at(i), now, json ? json->at(i) : QByteArrayView());
            if (ok && !move.exec()) {
                ok = false;
                setSqlError(QCoreApplication::translate("LocalStore", "Saving items"), move);
            }
            if (ok && !clear.exec()) {
                ok = false;
                setSqlError(QCoreApplication::translate("LocalStore", "Saving items"), clear);
            }
        }
    }
    // A few new rows join the search index now; many wait for the indexer (after the commit).
    if (ok) {
        QSqlError error;
        const int backlog = unindexedRows(db, kIndexAtOnce + 1, &error);
        if (backlog > kIndexAtOnce) {
            m_indexLater = true;
            // Nor does this write wait for the WAL to be copied into the file at its commit (what
            // auto-checkpoint does): the indexer checkpoints when it is done, in the background.
            if (!m_checkpointDeferred)
                m_checkpointDeferred = QSqlQuery(db).exec(u"PRAGMA wal_autocheckpoint=0"_s);
        } else if (backlog < 0 || (backlog > 0 && indexRows(db, backlog, &error) < 0)) {
            ok = false;
            noteSqlError(error);
            setError(QCoreApplication::translate("LocalStore", "Updating the search index failed: %1")
                         .arg(error.text()));
        }
    }
    return ok;
}

std::optional<Item> LocalStore::item(const QString &id)
{
    if (!requireOpen())
        return std::nullopt;
    QSqlQuery q(database());
    if (!sql::run(q, u"SELECT data FROM items WHERE id = ?"_s, {id})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Reading item %1").arg(id), q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(q.value(0).toByteArray(), &parseError);
    Item item;
    QString error = parseError.errorString();
    if (doc.isObject() && json::fromJson(doc.object(), &item, &error))
        return item;
    qCWarning(lcStore) << "unreadable item in the local store:" << id << error;
    setError(QCoreApplication::translate("LocalStore", "Item %1 in the local store can't be read (%2).")
                 .arg(id, error));
    return std::nullopt;
}

bool LocalStore::removeItem(const QString &id)
{
    if (!requireOpen())
        return false;
    QSqlQuery q(database());
    if (!sql::run(q, u"DELETE FROM items WHERE id = ?"_s, {id})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Removing item %1").arg(id), q);
        return false;
    }
    return true;
}

// ---- transactions, outbox, sync state -------------------------------------------------------------

namespace {

const QString kOutboxColumns = u"seq, action_id, item_id, action, request, revision, state, attempts, "
                               u"next_attempt_at, last_status, last_error, last_request_id, answer, "
                               u"created_at"_s;

QString outboxStateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return u"pending"_s;
    case OutboxEntry::State::Conflict:
        return u"conflict"_s;
    case OutboxEntry::State::Refused:
        return u"refused"_s;
    }
    return u"pending"_s;
}

OutboxEntry::State outboxStateFrom(const QString &name)
{
    if (name == "conflict"_L1)
        return OutboxEntry::State::Conflict;
    if (name == "refused"_L1)
        return OutboxEntry::State::Refused;
    return OutboxEntry::State::Pending;
}

} // namespace

bool LocalStore::beginTransaction()
{
    if (!requireOpen())
        return false;
    m_indexLater = false;
    QSqlError error;
    if (!sql::beginImmediate(database(), &error)) {
        setSqlError(QCoreApplication::translate("LocalStore", "Saving"), error);
        return false;
    }
    return true;
}

bool LocalStore::commit()
{
    // COMMIT run here rather than by QSqlDatabase::commit(), which drops SQLite's error code (the disk
    // full or failing is told apart by it: setSqlError()).
    QSqlQuery q(database());
    if (!q.exec(u"COMMIT"_s)) {
        setSqlError(QCoreApplication::translate("LocalStore", "Saving"), q);
        q.finish();
        rollback(); // SQLite rolls back by itself after a disk error; after others this does
        return false;
    }
    if (m_indexLater && m_indexer)
        m_indexer->schedule();
    m_indexLater = false;
    return true;
}

void LocalStore::rollback()
{
    database().rollback();
    m_indexLater = false;
}

int LocalStore::searchBacklog()
{
    if (!requireOpen())
        return -1;
    QSqlError error;
    const int rows = unindexedRows(database(), std::numeric_limits<int>::max(), &error);
    if (rows < 0)
        noteSqlError(error);
    if (rows < 0)
        setError(QCoreApplication::translate("LocalStore", "Reading the search index failed: %1")
                     .arg(error.text()));
    return rows;
}

SearchIndexer *LocalStore::searchIndexer() const
{
    return m_indexer.get();
}

int LocalStore::catchUpSearchIndex(const QString &path, const std::function<bool()> &keepGoing,
                                   QString *error)
{
    static QAtomicInteger<quint64> counter;
    const QString name = u"baosong.localstore.index.%1"_s.arg(counter.fetchAndAddRelaxed(1));
    int indexed = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        QSqlError sqlError;
        if (!db.open()) {
            sqlError = db.lastError();
            indexed = -1;
        } else if (!addSearchFunction(db)) {
            sqlError = QSqlError(u"baosong_search_tokens() could not be registered"_s, {},
                                 QSqlError::ConnectionError);
            indexed = -1;
        } else {
            // The index can always be made again from the rows: losing its last batches at a power
            // cut costs nothing, so these commits need not wait for the disk (the rows' own writes
            // were durable before).
            QSqlQuery(db).exec(u"PRAGMA synchronous=NORMAL"_s);
            reportConnection(db, ConnectionRole::SearchIndex);
            int rows = 0;
            do {
                if (!sql::beginImmediate(db, &sqlError)) {
                    indexed = -1;
                    break;
                }
                rows = indexRows(db, kIndexBatch, &sqlError);
                if (rows < 0 || !db.commit()) {
                    if (rows >= 0)
                        sqlError = db.lastError();
                    db.rollback();
                    indexed = -1;
                    break;
                }
                indexed += rows;
            } while (rows > 0 && (!keepGoing || keepGoing()));
            // Moves the WAL's pages into the database file while nobody waits for it.
            QSqlQuery(db).exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s);
        }
        if (indexed < 0 && error)
            *error = sqlError.text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return indexed;
}

bool LocalStore::removeItemInTransaction(const QString &id)
{
    QSqlQuery q(database());
    if (!sql::run(q, u"DELETE FROM items WHERE id = ?"_s, {id})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Removing item %1").arg(id), q);
        return false;
    }
    return true;
}

OutboxEntry LocalStore::readOutboxEntry(const QSqlQuery &q)
{
    OutboxEntry e;
    e.seq = q.value(0).toLongLong();
    e.actionId = q.value(1).toString();
    e.itemId = q.value(2).toString();
    e.action = keys::actionFromString(q.value(3).toString()).value_or(Action::Comment);
    e.request = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    e.revision = q.value(5).toInt();
    e.state = outboxStateFrom(q.value(6).toString());
    e.attempts = q.value(7).toInt();
    if (!q.value(8).isNull())
        e.nextAttemptAt = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs);
    e.lastStatus = q.value(9).toInt();
    e.lastError = q.value(10).toString();
    e.lastRequestId = q.value(11).toString().toLatin1();
    e.answer = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    e.createdAt = QDateTime::fromString(q.value(13).toString(), Qt::ISODateWithMs);
    return e;
}

QList<OutboxEntry> LocalStore::readOutbox(const QString &where, const QVariantList &values)
{
    m_lastError.clear();
    QList<OutboxEntry> out;
    if (!isOpen()) {
        setError(QCoreApplication::translate("LocalStore", "The local store is not open."));
        return out;
    }
    QSqlQuery q(database());
    if (!sql::run(q, u"SELECT "_s + kOutboxColumns + u" FROM outbox "_s + where + u" ORDER BY seq"_s,
                  values)) {
        setSqlError(QCoreApplication::translate("LocalStore", "Reading the outbox"), q);
        return out;
    }
    while (q.next())
        out.append(readOutboxEntry(q));
    return out;
}

QList<OutboxEntry> LocalStore::outbox()
{
    return readOutbox({}, {});
}

QList<OutboxEntry> LocalStore::outboxOf(const QString &itemId)
{
    return readOutbox(u"WHERE item_id = ?"_s, {itemId});
}

std::optional<OutboxEntry> LocalStore::outboxEntry(const QString &actionId)
{
    const QList<OutboxEntry> found = readOutbox(u"WHERE action_id = ?"_s, {actionId});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

bool LocalStore::insertOutboxEntry(OutboxEntry &entry)
{
    if (!requireOpen())
        return false;
    if (!entry.createdAt.isValid())
        entry.createdAt = QDateTime::currentDateTimeUtc();
    QSqlQuery q(database());
    if (!sql::run(q,
                  u"INSERT INTO outbox (action_id, item_id, action, request, revision, state, attempts, "
                  u"next_attempt_at, last_status, last_error, last_request_id, answer, created_at) "
                  u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  {sql::text(entry.actionId), sql::text(entry.itemId),
                   sql::text(keys::toString(entry.action)), sql::compactJson(entry.request), entry.revision,
                   outboxStateName(entry.state), entry.attempts, sql::optionalTime(entry.nextAttemptAt),
                   entry.lastStatus, sql::text(entry.lastError),
                   sql::text(QString::fromLatin1(entry.lastRequestId)),
                   entry.answer.isEmpty() ? QString(u""_s) : sql::compactJson(entry.answer),
                   entry.createdAt.toUTC().toString(Qt::ISODateWithMs)})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Queueing an action"), q);
        return false;
    }
    entry.seq = q.lastInsertId().toLongLong();
    return true;
}

bool LocalStore::updateOutboxEntry(const OutboxEntry &entry)
{
    return renewOutboxEntry(entry.actionId, entry);
}

bool LocalStore::renewOutboxEntry(const QString &oldActionId, const OutboxEntry &entry)
{
    if (!requireOpen())
        return false;
    QSqlQuery q(database());
    if (!sql::run(q,
                  u"UPDATE outbox SET action_id = ?, request = ?, revision = ?, state = ?, attempts = ?, "
                  u"next_attempt_at = ?, last_status = ?, last_error = ?, last_request_id = ?, answer = ? "
                  u"WHERE action_id = ?"_s,
                  {sql::text(entry.actionId), sql::compactJson(entry.request), entry.revision,
                   outboxStateName(entry.state), entry.attempts, sql::optionalTime(entry.nextAttemptAt),
                   entry.lastStatus, sql::text(entry.lastError),
                   sql::text(QString::fromLatin1(entry.lastRequestId)),
                   entry.answer.isEmpty() ? QString(u""_s) : sql::compactJson(entry.answer), oldActionId})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Updating the outbox"), q);
        return false;
    }
    return true;
}

bool LocalStore::removeOutboxEntry(const QString &actionId)
{
    if (!requireOpen())
        return false;
    QSqlQuery q(database());
    if (!sql::run(q, u"DELETE FROM outbox WHERE action_id = ?"_s, {actionId})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Updating the outbox"), q);
        return false;
    }
    return true;
}

int LocalStore::outboxCount()
{
    if (!requireOpen())
        return -1;
    QSqlQuery q(database());
    if (!q.exec(u"SELECT count(*) FROM outbox"_s) || !q.next()) {
        setSqlError(QCoreApplication::translate("LocalStore", "Reading the outbox"), q);
        return -1;
    }
    return q.value(0).toInt();
}

QString LocalStore::syncValue(const QString &key)
{
    m_lastError.clear();
    if (!isOpen())
        return {};
    QSqlQuery q(database());
    if (!sql::run(q, u"SELECT value FROM sync_state WHERE key = ?"_s, {key})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Reading the sync state"), q);
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

ServerLimits LocalStore::serverLimits()
{
    return json::serverLimitsFromJson(
        QJsonDocument::fromJson(syncValue(u"server_limits"_s).toUtf8()).object());
}

bool LocalStore::setServerLimits(const ServerLimits &limits)
{
    return setSyncValue(u"server_limits"_s, sql::compactJson(json::toJson(limits)));
}

std::optional<ContentRules> LocalStore::wordLists()
{
    const QString stored = syncValue(u"word_lists"_s);
    if (stored.isEmpty())
        return std::nullopt;
    return ContentRules::fromJson(QJsonDocument::fromJson(stored.toUtf8()).object());
}

bool LocalStore::setWordLists(const ContentRules &rules)
{
    return setSyncValue(u"word_lists"_s, sql::compactJson(rules.toJson()));
}

bool LocalStore::setSyncValue(const QString &key, const QString &value)
{
    if (!requireOpen())
        return false;
    QSqlQuery q(database());
    if (!sql::run(q,
                  u"INSERT INTO sync_state (key, value) VALUES (?, ?) "
                  u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                  {key, sql::text(value)})) {
        setSqlError(QCoreApplication::translate("LocalStore", "Saving the sync state"), q);
        return false;
    }
    return true;
}

int LocalStore::itemCount()
{
    if (!requireOpen())
        return -1;
    QSqlQuery q(database());
    if (!q.exec(u"SELECT count(*) FROM items"_s) || !q.next()) {
        setSqlError(QCoreApplication::translate("LocalStore", "Counting items"), q);
        return -1;
    }
    return q.value(0).toInt();
}

QList<ItemSummary> LocalStore::readSummaries(QSqlQuery &q)
{
    QList<ItemSummary> out;
    while (q.next()) {
        ItemSummary s;
        s.id = q.value(0).toString();
        s.kind = itemKindFromString(q.value(1).toString()).value_or(ItemKind::News);
        s.unitId = q.value(2).toString();
        s.columnId = q.value(3).toString();
        s.authorId = q.value(4).toString();
        s.state = workflowStateFromString(q.value(5).toString()).value_or(WorkflowState::Draft);
        s.proposal = proposalFromString(q.value(6).toString()).value_or(Proposal::New);
        s.stageId = q.value(7).toString();
        s.title = q.value(8).toString();
        s.infoDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        s.urgent = q.value(10).toInt() != 0;
        s.updatedAt = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
        out.append(std::move(s));
    }
    return out;
}

namespace {

// What search() runs for a query: one index finds the rows, what it can't decide alone is checked on
// each row (LIKE, which folds ASCII case as both indexes do and takes its wildcards literally here).
struct SearchSql
{
    QString indexed;        // the rows the index holds, most recent first; ends with "LIMIT ?"
    QVariantList values;    // its values but the limit
    bool usesIndex = false; // false: `indexed` reads every row (no term has a letter or digit)
    QString unindexed;      // the rows the index has not caught up with (SearchIndexer); "LIMIT ?"
    QVariantList unindexedValues;
};

const QString kRowContains = u"(i.title LIKE ? ESCAPE '\\' OR i.body_text LIKE ? ESCAPE '\\')"_s;

// Appends kRowContains for each term to `conditions`, its values to `values`.
void addRowChecks(const QStringList &terms, QStringList *conditions, QVariantList *values)
{
    for (const QString &term : terms) {
        QString pattern = term;
        pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
        pattern = u'%' + pattern + u'%';
        conditions->append(kRowContains);
        *values << pattern << pattern;
    }
}

// Terms of 3 or more characters go to the trigram index (items_fts); shorter ones are tokens of the
// character index (items_chars, core/SearchText), or, next to a longer term, checked on the trigram
// index's hits. A short term with punctuation or symbols is checked on the rows its letters and digits
// find; a query of such terms only reads every row.
SearchSql searchSql(const QStringList &terms)
{
    QStringList trigramTerms;
    QStringList shortTerms;
    QStringList tokens;
    QStringList partlyIndexed; // short terms the character index only narrows down
    for (const QString &term : terms) {
        if (limits::characterCount(term) >= searchtext::kTrigramChars) {
            trigramTerms.append(term);
            continue;
        }
        shortTerms.append(term);
        bool whole = false;
        tokens += searchtext::termTokens(term, &whole);
        if (!whole)
            partlyIndexed.append(term);
    }

    SearchSql s;
    QString table;
    QStringList match;
    QStringList conditions;
    if (!trigramTerms.isEmpty()) {
        table = u"items_fts"_s;
        for (const QString &term : std::as_const(trigramTerms))
            match.append(searchtext::ftsString(term));
        addRowChecks(shortTerms, &conditions, &s.values);
    } else if (!tokens.isEmpty()) {
        table = u"items_chars"_s;
        for (const QString &token : std::as_const(tokens))
            match.append(searchtext::ftsString(token));
        addRowChecks(partlyIndexed, &conditions, &s.values);
    }

    if (table.isEmpty()) {
        addRowChecks(shortTerms, &conditions, &s.values);
        s.indexed = u"SELECT i.id FROM items i WHERE "_s + conditions.join(u" AND "_s) +
                    u" ORDER BY i.seq DESC LIMIT ?"_s;
        return s;
    }
    s.usesIndex = true;
    conditions.prepend(table + u" MATCH ?"_s);
    s.values.prepend(match.join(u' '));
    s.indexed = u"SELECT i.id FROM %1 JOIN items i ON i.seq = %1.rowid WHERE "_s.arg(table) +
                conditions.join(u" AND "_s) + u" ORDER BY %1.rowid DESC LIMIT ?"_s.arg(table);

    QStringList scan;
    addRowChecks(terms, &scan, &s.unindexedValues);
    s.unindexed = u"SELECT i.id FROM items i WHERE i.seq > "
                  u"(SELECT indexed_through FROM search_index WHERE id = 1) AND "_s +
                  scan.join(u" AND "_s) + u" ORDER BY i.seq DESC LIMIT ?"_s;
    return s;
}

QStringList searchTerms(const QString &query)
{
    static const QRegularExpression whitespace(u"\\s+"_s, QRegularExpression::UseUnicodePropertiesOption);
    return query.split(whitespace, Qt::SkipEmptyParts);
}

} // namespace

QStringList LocalStore::search(const QString &query, int limit)
{
    if (!requireOpen())
        return {};
    const QStringList terms = searchTerms(query);
    if (terms.isEmpty() || limit <= 0)
        return {};
    const SearchSql s = searchSql(terms);

    // Rows the index has not caught up with (SearchIndexer) come after every indexed row in seq order,
    // so their hits, read directly, go first.
    QStringList ids;
    QSqlQuery q(database());
    if (s.usesIndex) {
        QSqlError error;
        const int backlog = unindexedRows(database(), 1, &error);
        if (backlog < 0) {
            noteSqlError(error);
            setError(QCoreApplication::translate("LocalStore", "Searching failed: %1").arg(error.text()));
            return {};
        }
        if (backlog > 0) {
            if (!sql::run(q, s.unindexed, QVariantList(s.unindexedValues) << limit)) {
                setSqlError(QCoreApplication::translate("LocalStore", "Searching"), q);
                return {};
            }
            while (q.next())
                ids.append(q.value(0).toString());
            if (ids.size() >= limit)
                return ids;
            q.finish();
        }
    }
    if (!sql::run(q, s.indexed, QVariantList(s.values) << limit - int(ids.size()))) {
        setSqlError(QCoreApplication::translate("LocalStore", "Searching"), q);
        return {};
    }
    while (q.next())
        ids.append(q.value(0).toString());
    return ids;
}

QStringList LocalStore::searchPlan(const QString &query)
{
    if (!requireOpen())
        return {};
    const QStringList terms = searchTerms(query);
    if (terms.isEmpty())
        return {};
    const SearchSql s = searchSql(terms);
    QSqlQuery q(database());
    if (!sql::run(q, u"EXPLAIN QUERY PLAN "_s + s.indexed, QVariantList(s.values) << 1)) {
        setSqlError(QCoreApplication::translate("LocalStore", "Searching"), q);
        return {};
    }
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    return plan;
}

// ---- salvage -----------------------------------------------------------------------------------

LocalStore::Salvage LocalStore::salvage(const QString &path)
{
    static QAtomicInteger<quint64> counter;
    const QString name = u"baosong.localstore.salvage.%1"_s.arg(counter.fetchAndAddRelaxed(1));
    Salvage s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open()) {
            s.error = db.lastError().text();
        } else {
            s.opened = true;
            QSqlQuery q(db);
            q.setForwardOnly(true);
            for (const QString &key :
                 {u"server_id"_s, u"person_id"_s, u"server_url"_s, u"login"_s, u"server_limits"_s}) {
                if (sql::run(q, u"SELECT value FROM sync_state WHERE key = ?"_s, {key}) && q.next())
                    s.identity.insert(key, q.value(0).toString());
                q.finish();
            }

            // The entries' places: a scan, and when it breaks off on a damaged page, each place up to the
            // highest seq ever given (AUTOINCREMENT keeps it) looked up on its own.
            QList<qint64> seqs;
            bool scanBroke = false;
            if (q.exec(u"SELECT seq FROM outbox ORDER BY seq"_s)) {
                while (q.next())
                    seqs.append(q.value(0).toLongLong());
                scanBroke = q.lastError().isValid();
            } else {
                scanBroke = true;
            }
            q.finish();
            if (scanBroke) {
                qint64 highest = seqs.isEmpty() ? 0 : seqs.last();
                if (q.exec(u"SELECT seq FROM sqlite_sequence WHERE name = 'outbox'"_s) && q.next())
                    highest = std::max(highest, q.value(0).toLongLong());
                q.finish();
                const QSet<qint64> seen(seqs.cbegin(), seqs.cend());
                bool anyUnreadable = false;
                for (qint64 seq = 1; seq <= highest; ++seq) {
                    if (seen.contains(seq))
                        continue;
                    if (!sql::run(q, u"SELECT seq FROM outbox WHERE seq = ?"_s, {seq})) {
                        ++s.unreadableActions;
                        anyUnreadable = true;
                    } else if (q.next()) {
                        seqs.append(seq);
                    } else if (q.lastError().isValid()) {
                        ++s.unreadableActions;
                        anyUnreadable = true;
                    }
                    q.finish();
                }
                if (!anyUnreadable && highest == 0)
                    ++s.unreadableActions; // the outbox could not be read at all
                std::sort(seqs.begin(), seqs.end());
            }

            QStringList itemIds;
            for (qint64 seq : std::as_const(seqs)) {
                if (!sql::run(q, u"SELECT "_s + kOutboxColumns + u" FROM outbox WHERE seq = ?"_s, {seq}) ||
                    !q.next()) {
                    ++s.unreadableActions;
                    q.finish();
                    continue;
                }
                const OutboxEntry e = readOutboxEntry(q);
                q.finish();
                if (e.actionId.isEmpty() || e.itemId.isEmpty() || e.request.isEmpty()) {
                    ++s.unreadableActions;
                    continue;
                }
                s.outbox.append(e);
                if (!itemIds.contains(e.itemId))
                    itemIds.append(e.itemId);
            }

            // The items of the entries: drafts never sent, edits and decisions waiting.
            for (const QString &id : std::as_const(itemIds)) {
                QByteArray data;
                bool read = false;
                bool found = false;
                for (const QString &lookup : {u"SELECT data FROM items WHERE id = ?"_s,
                                              u"SELECT data FROM items NOT INDEXED WHERE id = ?"_s}) {
                    if (!sql::run(q, lookup, {id})) {
                        q.finish();
                        continue;
                    }
                    found = q.next();
                    if (found)
                        data = q.value(0).toByteArray();
                    read = !q.lastError().isValid();
                    q.finish();
                    if (read)
                        break;
                }
                if (!read) {
                    ++s.unreadableItems;
                    continue;
                }
                if (!found)
                    continue; // not in the store (its entry carries what the server needs)
                Item item;
                QString error;
                const QJsonDocument doc = QJsonDocument::fromJson(data);
                if (!doc.isObject() || !json::fromJson(doc.object(), &item, &error) || item.id != id) {
                    ++s.unreadableItems;
                    continue;
                }
                s.items.append(item);
                s.itemJson.append(data);
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    qCInfo(lcStore) << "salvaged from" << path << ":" << s.outbox.size() << "actions," << s.items.size()
                    << "items;" << s.unreadableActions << "actions and" << s.unreadableItems
                    << "items unreadable";
    return s;
}

bool LocalStore::restoreSalvage(const Salvage &salvage)
{
    if (!requireOpen())
        return false;
    if (!beginTransaction())
        return false;
    bool ok = true;
    for (auto it = salvage.identity.cbegin(); ok && it != salvage.identity.cend(); ++it)
        ok = setSyncValue(it.key(), it.value());
    if (ok) {
        QList<QByteArrayView> json;
        for (const QByteArray &text : salvage.itemJson)
            json.append(text);
        ok = writeItemsInTransaction(salvage.items, json);
    }
    for (const OutboxEntry &entry : salvage.outbox) {
        if (!ok)
            break;
        OutboxEntry copy = entry; // the same action id, request, state and tries; a new place in order
        ok = insertOutboxEntry(copy);
    }
    if (!ok) {
        const QString message = m_lastError;
        rollback();
        setError(message);
        return false;
    }
    return commit();
}

} // namespace baosong
