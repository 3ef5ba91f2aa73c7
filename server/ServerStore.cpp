#include "ServerStore.h"

#include "DomainJson.h"
#include "ServerLogging.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

// ---- the schema --------------------------------------------------------------------------------
//
// One schema for SQLite and PostgreSQL: portable types (TEXT, INTEGER, BIGINT), no AUTOINCREMENT or
// SERIAL (sequence numbers come from `counters`, bumped inside the writing transaction), upserts as
// INSERT ... ON CONFLICT. Times are ISO 8601 UTC text with milliseconds; organization data and items
// are the compact JSON of DomainJson.h. Only the triggers that keep the audit log append-only differ.
//
// A shipped version's statements never change: a new need is a new version.

QStringList migrationStatements(int version, bool postgres)
{
    switch (version) {
    case 1: {
        QStringList statements{
            u"CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"_s,
            u"INSERT INTO counters (name, value) VALUES ('feed', 0)"_s,
            u"INSERT INTO counters (name, value) VALUES ('audit', 0)"_s,
            u"CREATE TABLE units (id TEXT PRIMARY KEY, data TEXT NOT NULL)"_s,
            u"CREATE TABLE site_columns (id TEXT PRIMARY KEY, data TEXT NOT NULL)"_s,
            uR"(CREATE TABLE people (
                id TEXT PRIMARY KEY,
                data TEXT NOT NULL,
                password_hash TEXT NOT NULL DEFAULT '',
                disabled INTEGER NOT NULL DEFAULT 0,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                last_failed_at TEXT,
                locked_until TEXT))"_s,
            uR"(CREATE TABLE sessions (
                token_hash TEXT PRIMARY KEY,
                person_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked INTEGER NOT NULL DEFAULT 0))"_s,
            u"CREATE INDEX sessions_person ON sessions (person_id)"_s,
            uR"(CREATE TABLE items (
                id TEXT PRIMARY KEY,
                seq BIGINT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                unit_id TEXT NOT NULL,
                author_id TEXT NOT NULL,
                state TEXT NOT NULL,
                stage_id TEXT NOT NULL,
                stage_role TEXT NOT NULL,
                urgent INTEGER NOT NULL,
                info_date TEXT,
                data TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
            u"CREATE INDEX items_review ON items (state, stage_role)"_s,
            u"CREATE INDEX items_unit ON items (unit_id)"_s,
            u"CREATE INDEX items_author ON items (author_id)"_s,
            uR"(CREATE TABLE tombstones (
                item_id TEXT PRIMARY KEY,
                seq BIGINT NOT NULL UNIQUE,
                unit_id TEXT NOT NULL,
                author_id TEXT NOT NULL))"_s,
            uR"(CREATE TABLE actions (
                action_id TEXT PRIMARY KEY,
                person_id TEXT NOT NULL,
                item_id TEXT NOT NULL,
                status INTEGER NOT NULL,
                response TEXT NOT NULL,
                at TEXT NOT NULL))"_s,
            uR"(CREATE TABLE index_serials (
                unit_code TEXT NOT NULL,
                year INTEGER NOT NULL,
                next_serial INTEGER NOT NULL,
                PRIMARY KEY (unit_code, year)))"_s,
            uR"(CREATE TABLE audit (
                seq BIGINT PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                type TEXT NOT NULL,
                subject TEXT NOT NULL,
                details TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL))"_s,
            u"CREATE INDEX audit_subject ON audit (subject)"_s,
        };
        if (postgres) {
            statements += {
                uR"(CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'the audit log is append-only';
                    END $$)"_s,
                uR"(CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
                    FOR EACH ROW EXECUTE FUNCTION audit_append_only())"_s,
                uR"(CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
                    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only())"_s,
            };
        } else {
            statements += {
                uR"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
                    SELECT RAISE(ABORT, 'the audit log is append-only');
                END)"_s,
                uR"(CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
                    SELECT RAISE(ABORT, 'the audit log is append-only');
                END)"_s,
            };
        }
        return statements;
    }
    case 2:
        // Queues: items in review at a stage of a role, for a set of units (Api::queue).
        return {u"CREATE INDEX items_review_unit ON items (state, stage_role, unit_id)"_s};
    case 3:
        // Unfinished attachment uploads (server/UploadApi): the bytes are in the blob folder.
        return {
            uR"(CREATE TABLE uploads (
                id TEXT PRIMARY KEY,
                person_id TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size BIGINT NOT NULL,
                offset_bytes BIGINT NOT NULL,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL))"_s,
            u"CREATE INDEX uploads_person ON uploads (person_id)"_s,
            u"CREATE INDEX uploads_expires ON uploads (expires_at)"_s,
        };
    default:
        return {};
    }
}

// Transaction-scoped PostgreSQL advisory lock that serializes the store's writers ("baosong").
constexpr qint64 kWriteLock = 0x62616f736f6e67;
constexpr int kBusyTimeoutMs = 10000;

const QString kFeedCounter = u"feed"_s;
const QString kAuditCounter = u"audit"_s;
const QString kOldestValidCursor = u"oldest_valid_cursor"_s;

// A small number per thread, for the connection names: unlike a QThread pointer it is never reused
// by a later thread.
quint64 threadKey()
{
    static QAtomicInteger<quint64> counter;
    thread_local const quint64 key = counter.fetchAndAddRelaxed(1) + 1;
    return key;
}

QString storePrefix()
{
    static QAtomicInteger<quint64> counter;
    return u"baosong.serverstore.%1."_s.arg(counter.fetchAndAddRelaxed(1) + 1);
}

// Qt binds a null QString as SQL NULL; NOT NULL text columns get the empty string instead.
QString text(const QString &s)
{
    static const QString empty = QStringLiteral("");
    return s.isNull() ? empty : s;
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QVariant optionalTime(const QDateTime &t)
{
    return t.isValid() ? QVariant(isoUtc(t)) : nullText();
}

QDateTime parseTime(const QVariant &v)
{
    if (v.isNull())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : t;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<QJsonObject> parseObject(const QString &data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toUtf8(), &parseError);
    if (!doc.isObject()) {
        *error = parseError.error == QJsonParseError::NoError
                     ? QCoreApplication::translate("ServerStore", "not a JSON object")
                     : parseError.errorString();
        return std::nullopt;
    }
    return doc.object();
}

template <typename T> std::optional<T> parseData(const QString &data, QString *error)
{
    const std::optional<QJsonObject> o = parseObject(data, error);
    T value;
    if (!o || !json::fromJson(*o, &value, error))
        return std::nullopt;
    return value;
}

QString marks(qsizetype n)
{
    return QStringList(n, u"?"_s).join(u", "_s);
}

// Runs `sql` on `q`: prepared with `values` bound in order, or directly when there are none (as
// PostgreSQL can't prepare DDL).
bool run(QSqlQuery &q, const QString &sql, const QVariantList &values = {})
{
    q.setForwardOnly(true);
    if (values.isEmpty())
        return q.exec(sql);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

// Bumps a counter in the current transaction and returns its new value.
std::optional<qint64> bumpCounter(const QSqlDatabase &db, const QString &name, QSqlError *error)
{
    QSqlQuery q(db);
    if (!run(q, u"UPDATE counters SET value = value + 1 WHERE name = ?"_s, {name}) ||
        !run(q, u"SELECT value FROM counters WHERE name = ?"_s, {name})) {
        *error = q.lastError();
        return std::nullopt;
    }
    if (!q.next()) {
        *error =
            QSqlError(QCoreApplication::translate("ServerStore", "the counter “%1” is missing").arg(name),
                      QString(), QSqlError::StatementError);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

AuditEvent readAuditEvent(const QSqlQuery &q, bool *detailsOk)
{
    // Columns: seq, at, actor, type, subject, details, prev_hash, hash.
    AuditEvent e;
    e.sequence = q.value(0).toLongLong();
    e.at = parseTime(q.value(1));
    e.actorId = q.value(2).toString();
    e.type = q.value(3).toString();
    e.subjectId = q.value(4).toString();
    QString error;
    const std::optional<QJsonObject> details = parseObject(q.value(5).toString(), &error);
    if (details)
        e.details = *details;
    if (detailsOk)
        *detailsOk = details.has_value();
    e.previousHash = q.value(6).toString().toLatin1();
    e.hash = q.value(7).toString().toLatin1();
    return e;
}

const QString kAuditColumns = u"seq, at, actor, type, subject, details, prev_hash, hash"_s;

} // namespace

// ---- lifetime and connections ------------------------------------------------------------------

ServerStore::ServerStore(StoreConfig config)
    : m_config(std::move(config))
    , m_connectionPrefix(storePrefix())
{}

ServerStore::~ServerStore()
{
    QMutexLocker lock(&m_mutex);
    for (auto &[key, state] : m_threads) {
        // Removing another thread's connection is allowed; no query of ours outlives a method call.
        if (!state.connectionName.isEmpty() && QSqlDatabase::contains(state.connectionName))
            QSqlDatabase::removeDatabase(state.connectionName);
    }
    m_threads.clear();
}

ServerStore::ThreadState &ServerStore::threadState() const
{
    const quint64 key = threadKey();
    QMutexLocker lock(&m_mutex);
    return m_threads[key]; // std::unordered_map: references stay valid as other threads add theirs
}

QSqlDatabase ServerStore::database()
{
    ThreadState &state = threadState();
    if (!state.connectionName.isEmpty()) {
        QSqlDatabase db = QSqlDatabase::database(state.connectionName, false);
        if (db.isOpen())
            return db;
    }

    // The first use on this thread, or the connection was closed (it failed to open, or was lost):
    // (re)open it.
    const QString name = m_connectionPrefix + QString::number(threadKey());
    QSqlDatabase db;
    if (QSqlDatabase::contains(name)) {
        db = QSqlDatabase::database(name, false);
    } else {
        db = QSqlDatabase::addDatabase(m_config.driver, name);
        state.connectionName = name; // removed by the destructor
        if (m_config.isPostgres()) {
            db.setHostName(m_config.host);
            db.setPort(m_config.port);
            db.setDatabaseName(m_config.database);
            db.setUserName(m_config.user);
            db.setPassword(m_config.password);
            db.setConnectOptions(u"connect_timeout=10"_s);
        } else {
            db.setDatabaseName(m_config.sqlitePath);
            db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs));
        }
    }

    QString failure;
    if (!db.open()) {
        failure = db.lastError().text();
    } else if (m_config.isPostgres()) {
        // Notices ("relation already exists, skipping") would go to stderr through libpq.
        QSqlQuery q(db);
        if (!q.exec(u"SET client_min_messages = warning"_s))
            failure = q.lastError().text();
    } else {
        // Per connection: WAL (persistent, but checked), full durability, and waiting for a busy
        // writer instead of failing.
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA journal_mode=WAL"_s) || !q.next() ||
            q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            failure =
                q.lastError().isValid()
                    ? q.lastError().text()
                    : QCoreApplication::translate("ServerStore", "write-ahead logging is not available");
        } else if (!q.exec(u"PRAGMA synchronous=FULL"_s) || !q.exec(u"PRAGMA foreign_keys=ON"_s) ||
                   !q.exec(u"PRAGMA busy_timeout=%1"_s.arg(kBusyTimeoutMs))) {
            failure = q.lastError().text();
        }
    }
    if (failure.isEmpty())
        return db;

    db.close();
    const QString where =
        m_config.isPostgres()
            ? u"%1@%2:%3/%4"_s.arg(m_config.user, m_config.host).arg(m_config.port).arg(m_config.database)
            : QDir::toNativeSeparators(m_config.sqlitePath);
    qCWarning(lcServerStore) << "cannot connect to" << where << failure;
    setError(QCoreApplication::translate("ServerStore", "Cannot connect to the database %1: %2")
                 .arg(where, failure));
    return QSqlDatabase();
}

bool ServerStore::open(QString *error)
{
    clearError();
    auto fail = [&](const QString &message) {
        qCWarning(lcServerStore) << "store not opened:" << message;
        setError(message);
        if (error)
            *error = message;
        return false;
    };
    if (m_config.driver != u"QSQLITE"_s && !m_config.isPostgres())
        return fail(
            QCoreApplication::translate("ServerStore", "Unknown database driver “%1”: use QSQLITE or QPSQL.")
                .arg(m_config.driver));
    if (!QSqlDatabase::isDriverAvailable(m_config.driver)) {
        return fail(m_config.isPostgres()
                        ? QCoreApplication::translate("ServerStore",
                                                      "The PostgreSQL driver of Qt (QPSQL) is not installed; "
                                                      "on Debian install the package libqt6sql6-psql.")
                        : QCoreApplication::translate("ServerStore",
                                                      "The SQLite driver of Qt (QSQLITE) is not installed."));
    }
    if (!m_config.isPostgres() && m_config.sqlitePath.isEmpty())
        return fail(QCoreApplication::translate("ServerStore", "No database file was given."));
    if (m_config.isPostgres() && m_config.database.isEmpty())
        return fail(QCoreApplication::translate("ServerStore", "No PostgreSQL database name was given."));

    QSqlDatabase db = database();
    if (!db.isOpen())
        return fail(lastError());

    if (!m_config.isPostgres()) {
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA quick_check"_s))
            return fail(QCoreApplication::translate("ServerStore", "The database file %1 can't be read: %2")
                            .arg(QDir::toNativeSeparators(m_config.sqlitePath), q.lastError().text()));
        QStringList problems;
        while (q.next()) {
            if (q.value(0).toString() != u"ok"_s)
                problems.append(q.value(0).toString());
        }
        if (!problems.isEmpty()) {
            return fail(
                QCoreApplication::translate(
                    "ServerStore",
                    "The database file %1 is damaged (%2). It was left as it is: restore the latest "
                    "backup (baosong-server backup) or keep the file for the information centre.")
                    .arg(QDir::toNativeSeparators(m_config.sqlitePath), problems.mid(0, 3).join(u"; "_s)));
        }
    }

    QString migrateError;
    if (!migrate(&migrateError))
        return fail(migrateError);

    QSqlQuery q(db);
    if (!run(q, u"SELECT value FROM meta WHERE key = 'server_id'"_s) || !q.next())
        return fail(QCoreApplication::translate("ServerStore", "The server id can't be read: %1")
                        .arg(q.lastError().text()));
    m_serverId = q.value(0).toString();
    qCInfo(lcServerStore) << "store opened:" << m_config.driver << "schema" << kSchemaVersion << "server id"
                          << m_serverId;
    return true;
}

bool ServerStore::migrate(QString *error)
{
    QString beginError;
    if (!beginWrite(&beginError)) {
        *error = beginError;
        return false;
    }
    QSqlDatabase db = database();
    int version = 0;
    QString failure;
    {
        QSqlQuery q(db);
        if (!run(q, u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s) ||
            !run(q, u"SELECT value FROM meta WHERE key = 'schema_version'"_s)) {
            failure = q.lastError().text();
        } else if (q.next()) {
            version = q.value(0).toInt();
        }
        q.finish();
        if (failure.isEmpty() && version > kSchemaVersion) {
            endWrite(false);
            *error = QCoreApplication::translate(
                         "ServerStore",
                         "The database was written by a newer version of baosong-server (schema %1); this "
                         "version understands up to schema %2. Update baosong-server to use it. The "
                         "database was left unchanged.")
                         .arg(version)
                         .arg(kSchemaVersion);
            return false;
        }
        for (int v = version + 1; failure.isEmpty() && v <= kSchemaVersion; ++v) {
            for (const QString &statement : migrationStatements(v, m_config.isPostgres())) {
                if (!run(q, statement)) {
                    failure = q.lastError().text();
                    break;
                }
            }
        }
        if (failure.isEmpty() &&
            (!run(q,
                  u"INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                  u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                  {QString::number(kSchemaVersion)}) ||
             !run(q, u"INSERT INTO meta (key, value) VALUES ('server_id', ?) ON CONFLICT (key) DO NOTHING"_s,
                  {QUuid::createUuid().toString(QUuid::WithoutBraces)}))) {
            failure = q.lastError().text();
        }
    }
    if (!failure.isEmpty()) {
        endWrite(false);
        *error = QCoreApplication::translate("ServerStore",
                                             "The database schema could not be created or upgraded from "
                                             "version %1 to %2: %3. Nothing was changed.")
                     .arg(version)
                     .arg(kSchemaVersion)
                     .arg(failure);
        return false;
    }
    if (!endWrite(true)) {
        *error = lastError();
        return false;
    }
    if (version < kSchemaVersion)
        qCInfo(lcServerStore) << "schema" << version << "->" << kSchemaVersion;
    return true;
}

QString ServerStore::serverId()
{
    return m_serverId;
}

// ---- errors ------------------------------------------------------------------------------------

QString ServerStore::lastError() const
{
    return threadState().lastError;
}

void ServerStore::clearError()
{
    threadState().lastError.clear();
}

void ServerStore::setError(const QString &message)
{
    threadState().lastError = message;
}

bool ServerStore::failed(const QString &what, const QSqlError &error)
{
    qCWarning(lcServerStore) << what << "failed:" << error.text();
    setError(QCoreApplication::translate("ServerStore", "%1 failed: %2").arg(what, error.text()));
    if (!threadState().inTransaction)
        connectionLost();
    return false;
}

bool ServerStore::connectionLost()
{
    const ThreadState &state = threadState();
    if (!m_config.isPostgres() || state.connectionName.isEmpty())
        return false;
    QSqlDatabase db = QSqlDatabase::database(state.connectionName, false);
    if (db.isOpen()) {
        QSqlQuery probe(db);
        if (probe.exec(u"SELECT 1"_s))
            return false;
    }
    qCWarning(lcServerStore) << "the connection to PostgreSQL was lost; it is opened again on next use";
    db.close();
    return true;
}

// ---- transactions ------------------------------------------------------------------------------

bool ServerStore::beginWrite(QString *error)
{
    ThreadState &state = threadState();
    if (state.inTransaction) {
        *error = QCoreApplication::translate("ServerStore", "A transaction is already open on this thread.");
        return false;
    }
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        *error = lastError();
        return false;
    }
    if (m_config.isPostgres() && !db.transaction()) {
        // Nothing happened yet: after a lost connection (a server restart) try once more.
        if (connectionLost()) {
            db = QSqlDatabase();
            db = database();
        }
        if (!db.isOpen() || !db.transaction()) {
            *error = QCoreApplication::translate("ServerStore", "Cannot begin a transaction: %1")
                         .arg(db.isOpen() ? db.lastError().text() : lastError());
            return false;
        }
    }
    QSqlQuery q(db);
    if (m_config.isPostgres()) {
        if (!q.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kWriteLock))) {
            *error = QCoreApplication::translate("ServerStore", "Cannot begin a transaction: %1")
                         .arg(q.lastError().text());
            q.finish();
            db.rollback();
            return false;
        }
    } else {
        // Writers of this process queue on a mutex (woken as soon as the lock is free) rather than on
        // SQLite's busy handler, which sleeps and polls (up to 100 ms at a time) and made the slowest
        // of four concurrent writers wait almost a second. The busy timeout still covers other
        // processes (the command line, a backup).
        m_writeMutex.lock();
        if (!q.exec(u"BEGIN IMMEDIATE"_s)) {
            // Busy for longer than the busy timeout, or the file can't be written.
            *error = QCoreApplication::translate("ServerStore", "Cannot begin a transaction: %1")
                         .arg(q.lastError().text());
            m_writeMutex.unlock();
            return false;
        }
    }
    state.inTransaction = true;
    return true;
}

bool ServerStore::endWrite(bool commit)
{
    ThreadState &state = threadState();
    if (!state.inTransaction)
        return false;
    state.inTransaction = false;
    QSqlDatabase db = database();
    if (m_config.isPostgres()) {
        if (!commit) {
            if (db.rollback())
                return true;
            connectionLost();
            return false;
        }
        if (db.commit())
            return true;
        const QString message = db.lastError().text();
        db.rollback();
        qCWarning(lcServerStore) << "commit failed:" << message;
        setError(QCoreApplication::translate("ServerStore", "Saving failed: %1").arg(message));
        return false;
    }
    QSqlQuery q(db);
    // Whatever happens below, the transaction ends here: let the next writer of this process in.
    const auto release = qScopeGuard([this] { m_writeMutex.unlock(); });
    if (!commit)
        return q.exec(u"ROLLBACK"_s);
    if (q.exec(u"COMMIT"_s))
        return true;
    const QString message = q.lastError().text();
    q.exec(u"ROLLBACK"_s);
    qCWarning(lcServerStore) << "commit failed:" << message;
    setError(QCoreApplication::translate("ServerStore", "Saving failed: %1").arg(message));
    return false;
}

template <typename Body> bool ServerStore::write(Body &&body)
{
    if (threadState().inTransaction)
        return body();
    QString error;
    if (!beginWrite(&error)) {
        qCWarning(lcServerStore) << error;
        setError(error);
        return false;
    }
    if (!body()) {
        endWrite(false);
        return false;
    }
    return endWrite(true);
}

ServerStore::Transaction::Transaction(ServerStore &store)
    : m_store(store)
{
    m_store.clearError();
    QString error;
    m_ok = m_store.beginWrite(&error);
    if (!m_ok) {
        qCWarning(lcServerStore) << error;
        m_store.setError(error);
    }
}

ServerStore::Transaction::~Transaction()
{
    if (m_ok && !m_done)
        m_store.endWrite(false);
}

bool ServerStore::Transaction::commit()
{
    if (!m_ok || m_done)
        return false;
    m_done = true;
    return m_store.endWrite(true);
}

// ---- organization ------------------------------------------------------------------------------

bool ServerStore::setMeta(const QString &key, const QString &value)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(
                q,
                u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                {text(key), text(value)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving %1").arg(key), q.lastError());
        return true;
    });
}

QString ServerStore::meta(const QString &key)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT value FROM meta WHERE key = ?"_s, {key}) || !q.next())
        return {};
    return q.value(0).toString();
}

bool ServerStore::saveOrganizationInfo(const Organization &org)
{
    return write([&] {
        return setMeta(u"organization_name"_s, org.name) &&
               setMeta(u"organization_short_name"_s, org.shortName) &&
               setMeta(u"organization_example_data"_s, org.exampleData ? u"1"_s : u"0"_s);
    });
}

bool ServerStore::saveUnit(const Unit &unit)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(
                q,
                u"INSERT INTO units (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data"_s,
                {text(unit.id), compact(json::toJson(unit))}))
            return failed(QCoreApplication::translate("ServerStore", "Saving unit %1").arg(unit.id),
                          q.lastError());
        return true;
    });
}

bool ServerStore::saveColumn(const Column &column)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q,
                 u"INSERT INTO site_columns (id, data) VALUES (?, ?) "
                 u"ON CONFLICT (id) DO UPDATE SET data = excluded.data"_s,
                 {text(column.id), compact(json::toJson(column))}))
            return failed(QCoreApplication::translate("ServerStore", "Saving column %1").arg(column.id),
                          q.lastError());
        return true;
    });
}

bool ServerStore::savePerson(const Person &person)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q,
                 u"INSERT INTO people (id, data, disabled) VALUES (?, ?, ?) "
                 u"ON CONFLICT (id) DO UPDATE SET data = excluded.data, disabled = excluded.disabled"_s,
                 {text(person.id), compact(json::toJson(person)), person.disabled ? 1 : 0}))
            return failed(QCoreApplication::translate("ServerStore", "Saving person %1").arg(person.id),
                          q.lastError());
        return true;
    });
}

// Rows of (id, data JSON, ...): parsed into T; an unreadable row is logged and named in lastError()
// (`unreadable` has %1 for the id and %2 for the reason) and the others are still returned.
template <typename T>
QList<T> ServerStore::readRows(QSqlQuery &q, const QString &unreadable,
                               const std::function<void(T &, const QSqlQuery &)> &adjust)
{
    QList<T> out;
    while (q.next()) {
        QString error;
        if (std::optional<T> value = parseData<T>(q.value(1).toString(), &error)) {
            if (adjust)
                adjust(*value, q);
            out.append(std::move(*value));
        } else {
            qCWarning(lcServerStore) << "unreadable row" << q.value(0).toString() << error;
            setError(unreadable.arg(q.value(0).toString(), error));
        }
    }
    return out;
}

QList<Unit> ServerStore::units()
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT id, data FROM units ORDER BY id"_s)) {
        failed(QCoreApplication::translate("ServerStore", "Reading units"), q.lastError());
        return {};
    }
    return readRows<Unit>(q, QCoreApplication::translate("ServerStore", "Unit %1 can't be read: %2"));
}

QList<Column> ServerStore::columns()
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT id, data FROM site_columns ORDER BY id"_s)) {
        failed(QCoreApplication::translate("ServerStore", "Reading columns"), q.lastError());
        return {};
    }
    return readRows<Column>(q, QCoreApplication::translate("ServerStore", "Column %1 can't be read: %2"));
}

QList<Person> ServerStore::people()
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT id, data, disabled FROM people ORDER BY id"_s)) {
        failed(QCoreApplication::translate("ServerStore", "Reading people"), q.lastError());
        return {};
    }
    return readRows<Person>(q, QCoreApplication::translate("ServerStore", "Person %1 can't be read: %2"),
                            [](Person &p, const QSqlQuery &row) { p.disabled = row.value(2).toInt() != 0; });
}

std::optional<Person> ServerStore::person(const QString &id)
{
    const std::optional<Account> a = account(id);
    if (!a)
        return std::nullopt;
    return a->person;
}

// ---- accounts ----------------------------------------------------------------------------------

std::optional<Account> ServerStore::account(const QString &personId)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q,
             u"SELECT data, password_hash, disabled, failed_logins, last_failed_at, locked_until "
             u"FROM people WHERE id = ?"_s,
             {text(personId)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading person %1").arg(personId), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QString error;
    std::optional<Person> person = parseData<Person>(q.value(0).toString(), &error);
    if (!person) {
        qCWarning(lcServerStore) << "unreadable person" << personId << error;
        setError(
            QCoreApplication::translate("ServerStore", "Person %1 can't be read: %2").arg(personId, error));
        return std::nullopt;
    }
    Account a;
    a.person = *person;
    a.person.disabled = q.value(2).toInt() != 0;
    a.passwordHash = q.value(1).toString().toUtf8();
    a.failedLogins = q.value(3).toInt();
    a.lastFailedAt = parseTime(q.value(4));
    a.lockedUntil = parseTime(q.value(5));
    return a;
}

bool ServerStore::setPasswordHash(const QString &personId, const QByteArray &hash)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"UPDATE people SET password_hash = ? WHERE id = ?"_s,
                 {QString::fromUtf8(hash), text(personId)}))
            return failed(
                QCoreApplication::translate("ServerStore", "Setting the password of %1").arg(personId),
                q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
            return false;
        }
        return true;
    });
}

bool ServerStore::setDisabled(const QString &personId, bool disabled)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"SELECT data FROM people WHERE id = ?"_s, {text(personId)}))
            return failed(QCoreApplication::translate("ServerStore", "Reading person %1").arg(personId),
                          q.lastError());
        if (!q.next()) {
            setError(QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
            return false;
        }
        // The JSON keeps the flag too, so that every reader sees the same.
        QString error;
        std::optional<QJsonObject> data = parseObject(q.value(0).toString(), &error);
        if (!data) {
            setError(QCoreApplication::translate("ServerStore", "Person %1 can't be read: %2")
                         .arg(personId, error));
            return false;
        }
        data->insert(u"disabled"_s, disabled);
        q.finish();
        if (!run(q, u"UPDATE people SET disabled = ?, data = ? WHERE id = ?"_s,
                 {disabled ? 1 : 0, compact(*data), text(personId)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving person %1").arg(personId),
                          q.lastError());
        return true;
    });
}

bool ServerStore::recordLoginFailure(const QString &personId, const QDateTime &at,
                                     const QDateTime &lockedUntil)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q,
                 u"UPDATE people SET failed_logins = failed_logins + 1, last_failed_at = ?, locked_until = ? "
                 u"WHERE id = ?"_s,
                 {optionalTime(at), optionalTime(lockedUntil), text(personId)}))
            return failed(
                QCoreApplication::translate("ServerStore", "Recording a failed login of %1").arg(personId),
                q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
            return false;
        }
        return true;
    });
}

bool ServerStore::recordLoginSuccess(const QString &personId)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q,
                 u"UPDATE people SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL "
                 u"WHERE id = ?"_s,
                 {text(personId)}))
            return failed(QCoreApplication::translate("ServerStore", "Recording a login of %1").arg(personId),
                          q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "There is no person %1.").arg(personId));
            return false;
        }
        return true;
    });
}

// ---- sessions ----------------------------------------------------------------------------------

bool ServerStore::insertSession(const Session &session)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        // DO NOTHING rather than a failing statement (see insertAction()); the token hash stays out of
        // the logs.
        if (!run(q,
                 u"INSERT INTO sessions (token_hash, person_id, created_at, expires_at, revoked) "
                 u"VALUES (?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING"_s,
                 {QString::fromLatin1(session.tokenHash), text(session.personId), isoUtc(session.createdAt),
                  isoUtc(session.expiresAt), session.revoked ? 1 : 0}))
            return failed(
                QCoreApplication::translate("ServerStore", "Saving a session of %1").arg(session.personId),
                q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "The session already exists."));
            return false;
        }
        return true;
    });
}

std::optional<Session> ServerStore::session(const QByteArray &tokenHash)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q,
             u"SELECT token_hash, person_id, created_at, expires_at, revoked FROM sessions "
             u"WHERE token_hash = ?"_s,
             {QString::fromLatin1(tokenHash)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading a session"), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Session s;
    s.tokenHash = q.value(0).toString().toLatin1();
    s.personId = q.value(1).toString();
    s.createdAt = parseTime(q.value(2));
    s.expiresAt = parseTime(q.value(3));
    s.revoked = q.value(4).toInt() != 0;
    return s;
}

bool ServerStore::revokeSession(const QByteArray &tokenHash)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"UPDATE sessions SET revoked = 1 WHERE token_hash = ?"_s,
                 {QString::fromLatin1(tokenHash)}))
            return failed(QCoreApplication::translate("ServerStore", "Ending a session"), q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "There is no such session."));
            return false;
        }
        return true;
    });
}

bool ServerStore::revokeSessionsOf(const QString &personId)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"UPDATE sessions SET revoked = 1 WHERE person_id = ? AND revoked = 0"_s,
                 {text(personId)}))
            return failed(
                QCoreApplication::translate("ServerStore", "Ending the sessions of %1").arg(personId),
                q.lastError());
        return true;
    });
}

// ---- items -------------------------------------------------------------------------------------

std::optional<Item> ServerStore::item(const QString &id)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT data FROM items WHERE id = ?"_s, {text(id)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading item %1").arg(id), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QString error;
    std::optional<Item> item = parseData<Item>(q.value(0).toString(), &error);
    if (!item) {
        qCWarning(lcServerStore) << "unreadable item" << id << error;
        setError(QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2").arg(id, error));
    }
    return item;
}

QList<Item> ServerStore::items(const QStringList &ids)
{
    clearError();
    QList<Item> out;
    out.reserve(ids.size());
    constexpr qsizetype kBatch = 500; // bound parameters per query, well within both drivers' limits
    for (qsizetype from = 0; from < ids.size(); from += kBatch) {
        const QStringList batch = ids.mid(from, kBatch);
        QVariantList values;
        values.reserve(batch.size());
        for (const QString &id : batch)
            values.append(text(id));
        QSqlQuery q(database());
        if (!run(q, u"SELECT id, data FROM items WHERE id IN ("_s + marks(batch.size()) + u')', values)) {
            failed(QCoreApplication::translate("ServerStore", "Listing items"), q.lastError());
            return {};
        }
        out += readRows<Item>(q, QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2"));
    }
    return out;
}

bool ServerStore::saveItem(const Item &item, const QString &stageRole)
{
    clearError();
    if (item.id.isEmpty()) {
        setError(QCoreApplication::translate("ServerStore", "An item without an id can't be saved."));
        return false;
    }
    return write([&] {
        const QSqlDatabase db = database();
        QSqlError error;
        const std::optional<qint64> seq = bumpCounter(db, kFeedCounter, &error);
        const QString what = QCoreApplication::translate("ServerStore", "Saving item %1").arg(item.id);
        if (!seq)
            return failed(what, error);
        const Revision *latest = item.latest();
        const RevisionContent content = latest ? latest->content : RevisionContent();
        QSqlQuery q(db);
        if (!run(
                q,
                uR"(INSERT INTO items (id, seq, kind, unit_id, author_id, state, stage_id, stage_role, urgent,
                                       info_date, data, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, kind = excluded.kind,
                        unit_id = excluded.unit_id, author_id = excluded.author_id, state = excluded.state,
                        stage_id = excluded.stage_id, stage_role = excluded.stage_role,
                        urgent = excluded.urgent, info_date = excluded.info_date, data = excluded.data,
                        updated_at = excluded.updated_at)"_s,
                {item.id, *seq, toString(item.kind), text(item.unitId), text(item.authorId),
                 toString(item.state), text(item.stageId), text(stageRole), content.urgent ? 1 : 0,
                 content.infoDate.isValid() ? QVariant(content.infoDate.toString(Qt::ISODate)) : nullText(),
                 compact(json::toJson(item)), isoUtc(QDateTime::currentDateTimeUtc())}) ||
            // A deleted item saved again is no longer deleted: one feed entry per item.
            !run(q, u"DELETE FROM tombstones WHERE item_id = ?"_s, {item.id}))
            return failed(what, q.lastError());
        return true;
    });
}

bool ServerStore::deleteItem(const QString &id)
{
    clearError();
    return write([&] {
        const QSqlDatabase db = database();
        const QString what = QCoreApplication::translate("ServerStore", "Deleting item %1").arg(id);
        QSqlQuery q(db);
        if (!run(q, u"SELECT unit_id, author_id FROM items WHERE id = ?"_s, {text(id)}))
            return failed(what, q.lastError());
        if (!q.next())
            return true; // nothing to delete, nothing to tell
        const QString unitId = q.value(0).toString();
        const QString authorId = q.value(1).toString();
        q.finish();
        QSqlError error;
        const std::optional<qint64> seq = bumpCounter(db, kFeedCounter, &error);
        if (!seq)
            return failed(what, error);
        if (!run(q, u"DELETE FROM items WHERE id = ?"_s, {id}) ||
            !run(q,
                 u"INSERT INTO tombstones (item_id, seq, unit_id, author_id) VALUES (?, ?, ?, ?) "
                 u"ON CONFLICT (item_id) DO UPDATE SET seq = excluded.seq, unit_id = excluded.unit_id, "
                 u"author_id = excluded.author_id"_s,
                 {id, *seq, text(unitId), text(authorId)}))
            return failed(what, q.lastError());
        return true;
    });
}

QList<Item> ServerStore::itemsInReview(const QStringList &roles)
{
    QList<ReviewScope> scopes;
    for (const QString &role : roles)
        scopes.append(ReviewScope{role, {}, true});
    return itemsInReview(scopes);
}

QList<Item> ServerStore::itemsInReview(const QList<ReviewScope> &scopes)
{
    clearError();
    QList<Item> out;
    QStringList conditions;
    QVariantList values{toString(WorkflowState::InReview)};
    for (const ReviewScope &scope : scopes) {
        if (scope.anyUnit) {
            conditions.append(u"stage_role = ?"_s);
            values.append(text(scope.role));
        } else if (!scope.unitIds.isEmpty()) {
            conditions.append(u"(stage_role = ? AND unit_id IN ("_s + marks(scope.unitIds.size()) + u"))"_s);
            values.append(text(scope.role));
            for (const QString &unitId : scope.unitIds)
                values.append(text(unitId));
        }
    }
    if (conditions.isEmpty())
        return out;
    QSqlQuery q(database());
    if (!run(q,
             u"SELECT id, data FROM items WHERE state = ? AND ("_s + conditions.join(u" OR "_s) +
                 u") ORDER BY seq"_s,
             values)) {
        failed(QCoreApplication::translate("ServerStore", "Listing items in review"), q.lastError());
        return out;
    }
    return readRows<Item>(q, QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2"));
}

QList<Item> ServerStore::itemsOfUnitsOrAuthor(const QStringList &unitIds, const QString &authorId)
{
    clearError();
    QList<Item> out;
    QStringList conditions;
    QVariantList values;
    if (!unitIds.isEmpty()) {
        conditions.append(u"unit_id IN ("_s + marks(unitIds.size()) + u')');
        for (const QString &unitId : unitIds)
            values.append(text(unitId));
    }
    if (!authorId.isEmpty()) {
        conditions.append(u"author_id = ?"_s);
        values.append(authorId);
    }
    if (conditions.isEmpty())
        return out;
    QSqlQuery q(database());
    if (!run(q, u"SELECT id, data FROM items WHERE "_s + conditions.join(u" OR "_s) + u" ORDER BY seq"_s,
             values)) {
        failed(QCoreApplication::translate("ServerStore", "Listing items"), q.lastError());
        return out;
    }
    return readRows<Item>(q, QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2"));
}

int ServerStore::nextIndexSerial(const QString &unitCode, int year)
{
    clearError();
    int serial = 0;
    const bool ok = write([&] {
        QSqlQuery q(database());
        const QString what =
            QCoreApplication::translate("ServerStore", "Numbering an index number of %1").arg(unitCode);
        if (!run(q,
                 u"INSERT INTO index_serials (unit_code, year, next_serial) VALUES (?, ?, 1) "
                 u"ON CONFLICT (unit_code, year) DO NOTHING"_s,
                 {text(unitCode), year}) ||
            !run(q,
                 u"UPDATE index_serials SET next_serial = next_serial + 1 WHERE unit_code = ? AND year = ?"_s,
                 {text(unitCode), year}) ||
            !run(q, u"SELECT next_serial - 1 FROM index_serials WHERE unit_code = ? AND year = ?"_s,
                 {text(unitCode), year}))
            return failed(what, q.lastError());
        if (!q.next())
            return failed(what, QSqlError());
        serial = q.value(0).toInt();
        return true;
    });
    return ok ? serial : 0;
}

// ---- change feed -------------------------------------------------------------------------------

QList<Change> ServerStore::changesSince(qint64 cursor, int limit)
{
    clearError();
    QList<Change> out;
    if (limit <= 0)
        return out;
    QSqlQuery q(database());
    // An item is either in `items` or in `tombstones`, never both: one entry per item.
    // SQLite hands the JSON over as its UTF-8 bytes when asked for a BLOB (not as a QString made from
    // them, to be turned back into UTF-8 for the answer).
    const QString data = m_config.isPostgres() ? u"data"_s : u"CAST(data AS BLOB)"_s;
    if (!run(q, uR"(SELECT seq, id, 0 AS deleted, unit_id, author_id, state, %1 FROM items WHERE seq > ?
                 UNION ALL
                 SELECT seq, item_id, 1 AS deleted, unit_id, author_id, '', '' FROM tombstones WHERE seq > ?
                 ORDER BY seq LIMIT ?)"_s.arg(data),
             {cursor, cursor, limit})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the change feed"), q.lastError());
        return out;
    }
    while (q.next()) {
        Change c;
        c.sequence = q.value(0).toLongLong();
        c.itemId = q.value(1).toString();
        c.deleted = q.value(2).toInt() != 0;
        c.unitId = q.value(3).toString();
        c.authorId = q.value(4).toString();
        if (!c.deleted) {
            c.state = workflowStateFromString(q.value(5).toString());
            const QVariant json = q.value(6);
            c.json = json.typeId() == QMetaType::QByteArray ? json.toByteArray() : json.toString().toUtf8();
        }
        out.append(std::move(c));
    }
    return out;
}

qint64 ServerStore::latestSequence()
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT value FROM counters WHERE name = ?"_s, {kFeedCounter}) || !q.next()) {
        failed(QCoreApplication::translate("ServerStore", "Reading the change feed"), q.lastError());
        return 0;
    }
    return q.value(0).toLongLong();
}

qint64 ServerStore::oldestValidCursor()
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT value FROM meta WHERE key = ?"_s, {kOldestValidCursor})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the change feed"), q.lastError());
        return 0;
    }
    return q.next() ? q.value(0).toString().toLongLong() : 0;
}

bool ServerStore::pruneTombstones(qint64 upTo)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        const QString what = QCoreApplication::translate("ServerStore", "Pruning deleted items");
        if (!run(q, u"SELECT value FROM meta WHERE key = ?"_s, {kOldestValidCursor}))
            return failed(what, q.lastError());
        const qint64 current = q.next() ? q.value(0).toString().toLongLong() : 0;
        q.finish();
        if (!run(q, u"SELECT value FROM counters WHERE name = ?"_s, {kFeedCounter}) || !q.next())
            return failed(what, q.lastError());
        const qint64 latest = q.value(0).toLongLong();
        q.finish();
        // Never beyond what was handed out, never back.
        const qint64 oldest = std::max(current, std::min(upTo, latest));
        if (!run(q, u"DELETE FROM tombstones WHERE seq <= ?"_s, {oldest}) ||
            !run(q,
                 u"INSERT INTO meta (key, value) VALUES (?, ?) "
                 u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                 {kOldestValidCursor, QString::number(oldest)}))
            return failed(what, q.lastError());
        return true;
    });
}

// ---- actions -----------------------------------------------------------------------------------

std::optional<ActionRecord> ServerStore::action(const QString &actionId)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q,
             u"SELECT action_id, person_id, item_id, status, response, at FROM actions WHERE action_id = ?"_s,
             {text(actionId)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading action %1").arg(actionId), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    ActionRecord r;
    r.actionId = q.value(0).toString();
    r.personId = q.value(1).toString();
    r.itemId = q.value(2).toString();
    r.status = q.value(3).toInt();
    r.response = q.value(4).toString().toUtf8();
    r.at = parseTime(q.value(5));
    return r;
}

bool ServerStore::insertAction(const ActionRecord &record)
{
    clearError();
    if (record.actionId.isEmpty()) {
        setError(QCoreApplication::translate("ServerStore", "An action without an id can't be recorded."));
        return false;
    }
    return write([&] {
        QSqlQuery q(database());
        // DO NOTHING rather than a failing statement: on PostgreSQL a failed statement would spoil the
        // caller's transaction.
        if (!run(q,
                 u"INSERT INTO actions (action_id, person_id, item_id, status, response, at) "
                 u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO NOTHING"_s,
                 {record.actionId, text(record.personId), text(record.itemId), record.status,
                  QString::fromUtf8(record.response),
                  isoUtc(record.at.isValid() ? record.at : QDateTime::currentDateTimeUtc())}))
            return failed(
                QCoreApplication::translate("ServerStore", "Recording action %1").arg(record.actionId),
                q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "Action %1 was already recorded.")
                         .arg(record.actionId));
            return false;
        }
        return true;
    });
}

// ---- uploads -----------------------------------------------------------------------------------

namespace {

const QString kUploadColumns = u"id, person_id, sha256, size, offset_bytes, name, created_at, expires_at"_s;

Upload readUpload(const QSqlQuery &q)
{
    Upload u;
    u.id = q.value(0).toString();
    u.personId = q.value(1).toString();
    u.sha256 = q.value(2).toString().toLatin1();
    u.size = q.value(3).toLongLong();
    u.offset = q.value(4).toLongLong();
    u.name = q.value(5).toString();
    u.createdAt = parseTime(q.value(6));
    u.expiresAt = parseTime(q.value(7));
    return u;
}

} // namespace

bool ServerStore::insertUpload(const Upload &upload)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"INSERT INTO uploads (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(kUploadColumns),
                 {text(upload.id), text(upload.personId), QString::fromLatin1(upload.sha256), upload.size,
                  upload.offset, text(upload.name), isoUtc(upload.createdAt), isoUtc(upload.expiresAt)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving upload %1").arg(upload.id),
                          q.lastError());
        return true;
    });
}

std::optional<Upload> ServerStore::upload(const QString &id)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT %1 FROM uploads WHERE id = ?"_s.arg(kUploadColumns), {text(id)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading upload %1").arg(id), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readUpload(q);
}

bool ServerStore::updateUploadOffset(const QString &id, qint64 offset)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"UPDATE uploads SET offset_bytes = ? WHERE id = ?"_s, {offset, text(id)}))
            return failed(QCoreApplication::translate("ServerStore", "Saving upload %1").arg(id),
                          q.lastError());
        if (q.numRowsAffected() == 0) {
            setError(QCoreApplication::translate("ServerStore", "There is no upload %1.").arg(id));
            return false;
        }
        return true;
    });
}

bool ServerStore::deleteUpload(const QString &id)
{
    clearError();
    return write([&] {
        QSqlQuery q(database());
        if (!run(q, u"DELETE FROM uploads WHERE id = ?"_s, {text(id)}))
            return failed(QCoreApplication::translate("ServerStore", "Removing upload %1").arg(id),
                          q.lastError());
        return true;
    });
}

QList<Upload> ServerStore::expiredUploads(const QDateTime &now)
{
    clearError();
    QList<Upload> out;
    QSqlQuery q(database());
    if (!run(q, u"SELECT %1 FROM uploads WHERE expires_at <= ? ORDER BY expires_at"_s.arg(kUploadColumns),
             {isoUtc(now)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading expired uploads"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readUpload(q));
    return out;
}

qint64 ServerStore::uploadBytesOf(const QString &personId)
{
    clearError();
    QSqlQuery q(database());
    if (!run(q, u"SELECT COALESCE(SUM(size), 0) FROM uploads WHERE person_id = ?"_s, {text(personId)}) ||
        !q.next()) {
        failed(QCoreApplication::translate("ServerStore", "Reading the uploads of %1").arg(personId),
               q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

// ---- audit -------------------------------------------------------------------------------------

bool ServerStore::appendAudit(AuditEvent &event)
{
    clearError();
    AuditEvent e = event;
    const bool ok = write([&] {
        const QSqlDatabase db = database();
        const QString what = QCoreApplication::translate("ServerStore", "Writing an audit event");
        // The counter's row lock (and the write lock of the transaction) make this the only writer
        // of the log's end until commit.
        QSqlError error;
        const std::optional<qint64> seq = bumpCounter(db, kAuditCounter, &error);
        if (!seq)
            return failed(what, error);
        QSqlQuery q(db);
        if (!run(q, u"SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"_s))
            return failed(what, q.lastError());
        qint64 lastSeq = 0;
        QByteArray previousHash = "";
        if (q.next()) {
            lastSeq = q.value(0).toLongLong();
            previousHash = q.value(1).toString().toLatin1();
        }
        q.finish();
        if (lastSeq != *seq - 1) {
            // Someone removed events at the end; verifyAudit() reports it. Keep recording.
            qCWarning(lcServerStore) << "audit log: the last event is" << lastSeq << "but" << *seq - 1
                                     << "were written";
        }
        e.sequence = *seq;
        e.previousHash = previousHash;
        e.at = (e.at.isValid() ? e.at : QDateTime::currentDateTimeUtc()).toUTC();
        e.hash = e.computeHash();
        if (!run(q, u"INSERT INTO audit ("_s + kAuditColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {e.sequence, isoUtc(e.at), text(e.actorId), text(e.type), text(e.subjectId),
                  compact(e.details), QString::fromLatin1(e.previousHash), QString::fromLatin1(e.hash)}))
            return failed(what, q.lastError());
        return true;
    });
    if (ok) {
        qCDebug(lcAudit) << "event" << e.sequence << e.type << "by" << e.actorId << "on" << e.subjectId;
        event = e;
    }
    return ok;
}

QList<AuditEvent> ServerStore::auditEvents(qint64 fromSequence, int limit)
{
    clearError();
    QList<AuditEvent> out;
    if (limit <= 0)
        return out;
    QSqlQuery q(database());
    if (!run(q, u"SELECT "_s + kAuditColumns + u" FROM audit WHERE seq >= ? ORDER BY seq LIMIT ?"_s,
             {fromSequence, limit})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the audit log"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readAuditEvent(q, nullptr));
    return out;
}

QList<AuditEvent> ServerStore::auditEventsFor(const QString &subjectId)
{
    clearError();
    QList<AuditEvent> out;
    QSqlQuery q(database());
    if (!run(q, u"SELECT "_s + kAuditColumns + u" FROM audit WHERE subject = ? ORDER BY seq"_s,
             {text(subjectId)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the audit log"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readAuditEvent(q, nullptr));
    return out;
}

AuditVerification ServerStore::verifyAudit()
{
    clearError();
    AuditVerification v;
    auto bad = [&](qint64 sequence, const QString &problem) {
        v.ok = false;
        v.firstBadSequence = sequence;
        v.problem = problem;
        qCWarning(lcServerStore) << "audit log verification failed at event" << sequence << problem;
        return v;
    };
    auto unreadable = [&](const QSqlError &error) {
        failed(QCoreApplication::translate("ServerStore", "Reading the audit log"), error);
        v.ok = false;
        v.problem = lastError();
        return v;
    };

    QSqlQuery q(database());
    // The counter first: every event up to it was committed with it, so the walk below (which starts
    // later) must see them all.
    if (!run(q, u"SELECT value FROM counters WHERE name = ?"_s, {kAuditCounter}) || !q.next())
        return unreadable(q.lastError());
    const qint64 written = q.value(0).toLongLong();
    q.finish();

    // In pages, so that a long log never sits in memory at once (QPSQL fetches whole results).
    constexpr int kPage = 10000;
    qint64 expected = 1;
    qint64 lastSeen = std::numeric_limits<qint64>::min();
    QByteArray previousHash = "";
    for (int rows = kPage; rows == kPage;) {
        rows = 0;
        if (!run(q, u"SELECT "_s + kAuditColumns + u" FROM audit WHERE seq > ? ORDER BY seq LIMIT ?"_s,
                 {lastSeen, kPage}))
            return unreadable(q.lastError());
        while (q.next()) {
            ++rows;
            bool detailsOk = true;
            const AuditEvent e = readAuditEvent(q, &detailsOk);
            if (e.sequence != expected) {
                return bad(expected,
                           QCoreApplication::translate(
                               "ServerStore", "Audit event %1 is missing: the log goes on with event %2.")
                               .arg(expected)
                               .arg(e.sequence));
            }
            if (e.previousHash != previousHash) {
                return bad(e.sequence,
                           expected == 1 ? QCoreApplication::translate(
                                               "ServerStore", "Audit event 1 does not start the log: events "
                                                              "before it were removed or it was changed.")
                                         : QCoreApplication::translate(
                                               "ServerStore",
                                               "Audit event %1 does not follow event %2: the events were "
                                               "reordered, or event %2 was changed and its hash rewritten.")
                                               .arg(e.sequence)
                                               .arg(e.sequence - 1));
            }
            if (!detailsOk || e.computeHash() != e.hash) {
                return bad(e.sequence, QCoreApplication::translate(
                                           "ServerStore", "Audit event %1 was changed: its content no longer "
                                                          "matches its hash.")
                                           .arg(e.sequence));
            }
            ++v.eventsChecked;
            previousHash = e.hash;
            lastSeen = e.sequence;
            ++expected;
        }
        if (q.lastError().isValid())
            return unreadable(q.lastError());
    }
    if (expected - 1 < written) {
        return bad(expected, QCoreApplication::translate("ServerStore",
                                                         "Audit events from %1 on are missing: %2 events "
                                                         "were written, the log ends with event %3.")
                                 .arg(expected)
                                 .arg(written)
                                 .arg(expected - 1));
    }
    return v;
}

// ---- backup ------------------------------------------------------------------------------------

bool ServerStore::backup(const QString &path, QString *error)
{
    clearError();
    auto fail = [&](const QString &message) {
        setError(message);
        if (error)
            *error = message;
        return false;
    };
    if (m_config.isPostgres()) {
        return fail(QCoreApplication::translate(
            "ServerStore", "A PostgreSQL store is backed up with PostgreSQL's own tools: run pg_dump (for "
                           "example: pg_dump -Fc -f baosong.dump <database>), or use the backups of the "
                           "database server."));
    }
    if (threadState().inTransaction)
        return fail(
            QCoreApplication::translate("ServerStore", "A backup can't be made inside a transaction."));
    if (path.isEmpty() || QFileInfo::exists(path))
        return fail(QCoreApplication::translate("ServerStore",
                                                "The backup file %1 already exists; choose a new name.")
                        .arg(QDir::toNativeSeparators(path)));
    QSqlDatabase db = database();
    if (!db.isOpen())
        return fail(lastError());
    QSqlQuery q(db);
    // VACUUM INTO copies one consistent snapshot while other connections go on writing.
    if (!run(q, u"VACUUM INTO ?"_s, {path})) {
        const QString message = QCoreApplication::translate("ServerStore", "The backup to %1 failed: %2")
                                    .arg(QDir::toNativeSeparators(path), q.lastError().text());
        qCWarning(lcServerStore) << message;
        return fail(message);
    }
    qCInfo(lcServerStore) << "backup written to" << path;
    return true;
}

} // namespace baosong::server
