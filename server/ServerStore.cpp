#include "ServerStore.h"

#include "ServerStoreInternal.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>
#include <chrono>

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
    case 4:
        // What an action asked, so that its id reused for another request is refused (422), not
        // replayed. Actions recorded before keep an empty hash (compared by person and item only).
        return {u"ALTER TABLE actions ADD COLUMN request_hash TEXT NOT NULL DEFAULT ''"_s};
    case 5: {
        // Who may name an attachment (docs/api.md "Attachments"): the people who sent its bytes, and
        // the items that name it (for those who may see them). Filled from the items kept so far:
        // each revision's author owns the files the revision names.
        QStringList statements{
            uR"(CREATE TABLE blob_owners (
                sha256 TEXT NOT NULL,
                person_id TEXT NOT NULL,
                PRIMARY KEY (sha256, person_id)))"_s,
            uR"(CREATE TABLE item_blobs (
                sha256 TEXT NOT NULL,
                item_id TEXT NOT NULL,
                PRIMARY KEY (sha256, item_id)))"_s,
            u"CREATE INDEX item_blobs_item ON item_blobs (item_id)"_s,
        };
        if (postgres) {
            const QString named = uR"(FROM items,
                    jsonb_array_elements((items.data::jsonb) -> 'revisions') AS r,
                    jsonb_array_elements(r -> 'content' -> 'attachments') AS a)"_s;
            statements += {
                u"INSERT INTO item_blobs (sha256, item_id) SELECT DISTINCT a ->> 'sha256', items.id "_s +
                    named,
                u"INSERT INTO blob_owners (sha256, person_id) SELECT DISTINCT a ->> 'sha256', r ->> 'author_id' "_s +
                    named,
            };
        } else {
            const QString named = uR"(FROM items, json_each(items.data, '$.revisions') AS r,
                    json_each(r.value, '$.content.attachments') AS a)"_s;
            statements += {
                u"INSERT OR IGNORE INTO item_blobs (sha256, item_id) "
                u"SELECT json_extract(a.value, '$.sha256'), items.id "_s +
                    named,
                u"INSERT OR IGNORE INTO blob_owners (sha256, person_id) "
                u"SELECT json_extract(a.value, '$.sha256'), json_extract(r.value, '$.author_id') "_s +
                    named,
            };
        }
        return statements;
    }
    case 6:
        // The site's render queue (issue #16): written with the action, emptied by the renderer.
        return {
            uR"(CREATE TABLE render_queue (
                item_id TEXT PRIMARY KEY,
                columns TEXT NOT NULL DEFAULT '',
                ticket TEXT NOT NULL,
                queued_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                last_error TEXT NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX render_queue_due ON render_queue (next_attempt_at)"_s,
        };
    case 7:
        // The site's index (issue #16): what is live, kept by the renderer, so that a publication
        // reads and writes only what it changes. Filled by `republish` (and by the first render).
        // Numbers are NULL until numberSiteEntries gives them (the partial indexes find those).
        // And the accounts' generation (Accounts' session cache).
        return {
            u"INSERT INTO counters (name, value) VALUES ('auth', 0)"_s,
            uR"(CREATE TABLE site_entries (
                item_id TEXT PRIMARY KEY,
                site_seq BIGINT UNIQUE,
                column_id TEXT NOT NULL,
                published_at TEXT NOT NULL,
                revised_at TEXT,
                title TEXT NOT NULL,
                unit_id TEXT NOT NULL,
                interpretation_id TEXT NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX site_entries_unnumbered ON site_entries (published_at, item_id) "
            u"WHERE site_seq IS NULL"_s,
            u"CREATE INDEX site_entries_interpretation ON site_entries (interpretation_id)"_s,
            uR"(CREATE TABLE site_listing (
                column_id TEXT NOT NULL,
                item_id TEXT NOT NULL,
                listing_seq BIGINT,
                published_at TEXT NOT NULL,
                PRIMARY KEY (column_id, item_id)))"_s,
            u"CREATE UNIQUE INDEX site_listing_seq ON site_listing (column_id, listing_seq)"_s,
            u"CREATE INDEX site_listing_item ON site_listing (item_id)"_s,
            u"CREATE INDEX site_listing_unnumbered ON site_listing (column_id, published_at, item_id) "
            u"WHERE listing_seq IS NULL"_s,
            uR"(CREATE TABLE site_blobs (
                sha256 TEXT NOT NULL,
                item_id TEXT NOT NULL,
                PRIMARY KEY (sha256, item_id)))"_s,
            u"CREATE INDEX site_blobs_item ON site_blobs (item_id)"_s,
            uR"(CREATE TABLE site_pages_due (
                kind TEXT NOT NULL,
                page_key TEXT NOT NULL,
                PRIMARY KEY (kind, page_key)))"_s,
        };
    case 8:
        // The word lists and detector settings the site administrator manages (issue #17 point 7):
        // one row (id 1), in the text form of WordLists::parse, the settings as JSON, and a version
        // bumped at every change. The row is made by migrate() from the lists shipped then.
        return {
            uR"(CREATE TABLE word_lists (
                id INTEGER PRIMARY KEY,
                version BIGINT NOT NULL,
                sensitive TEXT NOT NULL,
                misused TEXT NOT NULL,
                settings TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_by TEXT NOT NULL DEFAULT ''))"_s,
        };
    case 9:
        // The municipal portal's outbox (Art. 14, issue #17 point 6; schema 9): written with the approval
        // that ends the municipal-portal route, worked by server/PortalSender after the commit. `phase` is
        // 'send' (attachments, create and submit on the platform) or 'poll' (its decision awaited);
        // `uploads` keeps the platform's upload ids (JSON: sha256 → id) so that a transfer resumes.
        return {
            uR"(CREATE TABLE portal_queue (
                item_id TEXT PRIMARY KEY,
                cycle INTEGER NOT NULL,
                revision INTEGER NOT NULL,
                phase TEXT NOT NULL DEFAULT 'send',
                upstream_id TEXT NOT NULL DEFAULT '',
                uploads TEXT NOT NULL DEFAULT '{}',
                queued_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                last_error TEXT NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX portal_queue_due ON portal_queue (next_attempt_at)"_s,
        };
    case 10:
        // The accountability register (issue #18 point 6; schema 10): the inspection notices the site
        // administrator records (the notice as JSON, core/Register's wire form, with the columns the
        // register reads by), and the audit's events by type and time (its publications, retractions
        // and overrides of a period).
        return {
            uR"(CREATE TABLE inspection_notices (
                id TEXT PRIMARY KEY,
                notice_date TEXT NOT NULL,
                unit_id TEXT NOT NULL,
                closed INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL,
                data TEXT NOT NULL,
                updated_at TEXT NOT NULL))"_s,
            u"CREATE INDEX inspection_notices_date ON inspection_notices (notice_date)"_s,
            u"CREATE INDEX audit_type_at ON audit (type, at)"_s,
        };
    case 11:
        // PostgreSQL only (issue #19): an action's writes in two calls instead of a dozen statements
        // (ServerStore::lockWritesIfStill, ServerStore::writeAction), so that the writers' lock is held
        // for two round trips. They write what saveItem, appendAudit (its hashes made by the server),
        // enqueueRender, enqueuePortal and insertAction write; SQLite runs those one after another.
        if (!postgres)
            return {};
        return {
            // The writers' lock, then what the action read, as it is now: in READ COMMITTED each
            // statement of a volatile function sees what committed while the lock was waited for.
            uR"(CREATE OR REPLACE FUNCTION baosong_lock_and_read(p_lock BIGINT, p_item TEXT, p_action TEXT,
                    OUT item_seq BIGINT, OUT action_known BOOLEAN, OUT audit_counter BIGINT,
                    OUT audit_last_seq BIGINT, OUT audit_last_hash TEXT)
                LANGUAGE plpgsql VOLATILE AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(p_lock);
                    SELECT seq INTO item_seq FROM items WHERE id = p_item;
                    SELECT EXISTS (SELECT 1 FROM actions WHERE action_id = p_action) INTO action_known;
                    SELECT value INTO audit_counter FROM counters WHERE name = 'audit';
                    SELECT seq, hash INTO audit_last_seq, audit_last_hash FROM audit
                        ORDER BY seq DESC LIMIT 1;
                END $$)"_s,
            // p: {item: {id, kind, unit_id, author_id, state, stage_id, stage_role, urgent, info_date,
            // updated_at, known, blobs: [sha256]}, audit: [{seq, at, actor, type, subject, details,
            // prev_hash, hash}], audit_last, checkpoint, render: {item_id, columns: [], ticket,
            // queued_at}, portal: {item_id, cycle, revision, queued_at}, action: {action_id, person_id,
            // item_id, status, at, request_hash}, notify: {channel, payload}}; the item's JSON and
            // the answer apart. Returns the item's feed sequence (NULL without an item).
            uR"(CREATE OR REPLACE FUNCTION baosong_write_action(p JSONB, p_item_data TEXT, p_response TEXT)
                RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
                DECLARE
                    v_item JSONB := p->'item';
                    v_events INTEGER := COALESCE(jsonb_array_length(p->'audit'), 0);
                    v_feed BIGINT;
                    v_audit BIGINT;
                    v_old TEXT;
                    v_columns TEXT[];
                    v_column TEXT;
                    v_rows INTEGER;
                BEGIN
                    IF v_item IS NOT NULL THEN
                        UPDATE counters SET value = value + 1 WHERE name = 'feed' RETURNING value INTO v_feed;
                        IF v_feed IS NULL THEN
                            RAISE EXCEPTION 'the counter "feed" is missing';
                        END IF;
                        INSERT INTO items (id, seq, kind, unit_id, author_id, state, stage_id, stage_role,
                                           urgent, info_date, data, updated_at)
                        VALUES (v_item->>'id', v_feed, v_item->>'kind', v_item->>'unit_id',
                                v_item->>'author_id', v_item->>'state', v_item->>'stage_id',
                                v_item->>'stage_role', (v_item->>'urgent')::INTEGER, v_item->>'info_date',
                                p_item_data, v_item->>'updated_at')
                        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, kind = excluded.kind,
                            unit_id = excluded.unit_id, author_id = excluded.author_id,
                            state = excluded.state, stage_id = excluded.stage_id,
                            stage_role = excluded.stage_role, urgent = excluded.urgent,
                            info_date = excluded.info_date, data = excluded.data,
                            updated_at = excluded.updated_at;
                        IF NOT (v_item->>'known')::BOOLEAN THEN
                            DELETE FROM tombstones WHERE item_id = v_item->>'id';
                        END IF;
                        INSERT INTO item_blobs (sha256, item_id)
                            SELECT DISTINCT b, v_item->>'id' FROM jsonb_array_elements_text(v_item->'blobs') AS b
                            ON CONFLICT DO NOTHING;
                    END IF;
                    IF v_events > 0 THEN
                        UPDATE counters SET value = value + v_events WHERE name = 'audit'
                            RETURNING value INTO v_audit;
                        IF v_audit IS NULL THEN
                            RAISE EXCEPTION 'the counter "audit" is missing';
                        END IF;
                        IF v_audit <> (p->>'audit_last')::BIGINT THEN
                            RAISE EXCEPTION 'the audit log''s end moved under the writers'' lock';
                        END IF;
                        INSERT INTO audit (seq, at, actor, type, subject, details, prev_hash, hash)
                            SELECT e.seq, e.at, e.actor, e.type, e.subject, e.details, e.prev_hash, e.hash
                            FROM jsonb_to_recordset(p->'audit') AS e(seq BIGINT, at TEXT, actor TEXT,
                                type TEXT, subject TEXT, details TEXT, prev_hash TEXT, hash TEXT)
                            ORDER BY e.seq;
                        IF p->'checkpoint' IS NOT NULL THEN
                            INSERT INTO meta (key, value) VALUES ('audit_checkpoint', p->>'checkpoint')
                            ON CONFLICT (key) DO UPDATE SET value = excluded.value;
                        END IF;
                    END IF;
                    IF p->'render' IS NOT NULL THEN
                        -- Queued again while waiting: the columns of both changes.
                        v_columns := ARRAY(SELECT jsonb_array_elements_text(p->'render'->'columns'));
                        SELECT columns INTO v_old FROM render_queue WHERE item_id = p->'render'->>'item_id';
                        IF v_old IS NOT NULL THEN
                            FOREACH v_column IN ARRAY string_to_array(v_old, ',') LOOP
                                IF v_column <> '' AND NOT v_column = ANY (v_columns) THEN
                                    v_columns := v_columns || v_column;
                                END IF;
                            END LOOP;
                        END IF;
                        INSERT INTO render_queue (item_id, columns, ticket, queued_at)
                        VALUES (p->'render'->>'item_id', array_to_string(v_columns, ','),
                                p->'render'->>'ticket', p->'render'->>'queued_at')
                        ON CONFLICT (item_id) DO UPDATE SET columns = excluded.columns,
                            ticket = excluded.ticket, attempts = 0, next_attempt_at = NULL, last_error = '';
                    END IF;
                    IF p->'portal' IS NOT NULL THEN
                        INSERT INTO portal_queue (item_id, cycle, revision, phase, upstream_id, uploads,
                                                  queued_at)
                        VALUES (p->'portal'->>'item_id', (p->'portal'->>'cycle')::INTEGER,
                                (p->'portal'->>'revision')::INTEGER, 'send', '', '{}',
                                p->'portal'->>'queued_at')
                        ON CONFLICT (item_id) DO UPDATE SET cycle = excluded.cycle,
                            revision = excluded.revision, phase = 'send', upstream_id = '', uploads = '{}',
                            queued_at = excluded.queued_at, attempts = 0, next_attempt_at = NULL,
                            last_error = '';
                    END IF;
                    INSERT INTO actions (action_id, person_id, item_id, status, response, at, request_hash)
                    VALUES (p->'action'->>'action_id', p->'action'->>'person_id', p->'action'->>'item_id',
                            (p->'action'->>'status')::INTEGER, p_response, p->'action'->>'at',
                            p->'action'->>'request_hash')
                    ON CONFLICT (action_id) DO NOTHING;
                    GET DIAGNOSTICS v_rows = ROW_COUNT;
                    IF v_rows = 0 THEN
                        RAISE EXCEPTION 'action % was already recorded', p->'action'->>'action_id';
                    END IF;
                    IF p->'notify' IS NOT NULL THEN -- delivered at commit
                        PERFORM pg_notify(p->'notify'->>'channel', p->'notify'->>'payload');
                    END IF;
                    RETURN v_feed;
                END $$)"_s,
            // An action in one call, outside a transaction of its own making: the lock, the check
            // that what was judged is still so ('changed' when not), that the audit log's end is
            // still the one its events were chained to ('moved' when not), the writes; then the
            // call's own commit. Nothing is written unless 'written' is returned.
            uR"(CREATE OR REPLACE FUNCTION baosong_apply_action(p_lock BIGINT, p_item TEXT, p_seq BIGINT,
                    p_action TEXT, p_audit_counter BIGINT, p JSONB, p_item_data TEXT, p_response TEXT)
                RETURNS TEXT LANGUAGE plpgsql VOLATILE AS $$
                DECLARE
                    v_locked TIMESTAMPTZ;
                    v_outcome TEXT;
                    v_counter BIGINT;
                BEGIN
                    PERFORM pg_advisory_xact_lock(p_lock);
                    v_locked := clock_timestamp();
                    IF COALESCE(jsonb_array_length(p->'audit'), 0) > 0 THEN
                        SELECT value INTO v_counter FROM counters WHERE name = 'audit';
                    END IF;
                    IF (SELECT seq FROM items WHERE id = p_item) IS DISTINCT FROM p_seq
                       OR EXISTS (SELECT 1 FROM actions WHERE action_id = p_action) THEN
                        v_outcome := 'changed';
                    ELSIF v_counter IS DISTINCT FROM p_audit_counter THEN
                        -- With the end as it is now, for the next try.
                        v_outcome := 'moved ' || COALESCE(v_counter, 0) || ' ' ||
                            COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '');
                    ELSE
                        PERFORM baosong_write_action(p, p_item_data, p_response);
                        v_outcome := 'written';
                    END IF;
                    -- "<outcome> <microseconds the lock was held in here> ..." (GET /metrics).
                    RETURN split_part(v_outcome, ' ', 1) || ' ' ||
                        floor(EXTRACT(EPOCH FROM clock_timestamp() - v_locked) * 1000000)::BIGINT ||
                        substr(v_outcome, length(split_part(v_outcome, ' ', 1)) + 1);
                END $$)"_s,
        };
    case 12:
        // PostgreSQL only: an action in one statement (ServerStore::writeActionIfStill with a guess).
        // The server judged it on what it knew without reading (the accounts', organization's and
        // word lists' versions, the item as it last read or wrote it): the call checks those
        // versions under the lock too, 'stale' when they moved; and answers the item's new feed
        // sequence, for the next guess.
        if (!postgres)
            return {};
        return {
            u"DROP FUNCTION IF EXISTS baosong_apply_action(BIGINT, TEXT, BIGINT, TEXT, BIGINT, JSONB, TEXT, TEXT)"_s,
            uR"(CREATE OR REPLACE FUNCTION baosong_apply_action(p_lock BIGINT, p_item TEXT, p_seq BIGINT,
                    p_action TEXT, p_audit_counter BIGINT, p_versions TEXT, p JSONB, p_item_data TEXT,
                    p_response TEXT)
                RETURNS TEXT LANGUAGE plpgsql VOLATILE AS $$
                DECLARE
                    v_locked TIMESTAMPTZ;
                    v_outcome TEXT;
                    v_counter BIGINT;
                BEGIN
                    PERFORM pg_advisory_xact_lock(p_lock);
                    v_locked := clock_timestamp();
                    IF COALESCE(jsonb_array_length(p->'audit'), 0) > 0 THEN
                        SELECT value INTO v_counter FROM counters WHERE name = 'audit';
                    END IF;
                    -- "<auth counter> <organization version> <word lists' version>", as
                    -- ServerStore::cacheVersions() reads them.
                    IF p_versions IS NOT NULL AND p_versions IS DISTINCT FROM
                        (SELECT value FROM counters WHERE name = 'auth') || ' ' ||
                        COALESCE((SELECT value FROM meta WHERE key = 'organization_version'), '0') || ' ' ||
                        COALESCE((SELECT version FROM word_lists WHERE id = 1), -1) THEN
                        v_outcome := 'stale';
                    ELSIF (SELECT seq FROM items WHERE id = p_item) IS DISTINCT FROM p_seq
                       OR EXISTS (SELECT 1 FROM actions WHERE action_id = p_action) THEN
                        v_outcome := 'changed';
                    ELSIF v_counter IS DISTINCT FROM p_audit_counter THEN
                        -- With the end as it is now, for the next try.
                        v_outcome := 'moved ' || COALESCE(v_counter, 0) || ' ' ||
                            COALESCE((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '');
                    ELSE
                        v_outcome := 'written ' || COALESCE(baosong_write_action(p, p_item_data, p_response), 0);
                    END IF;
                    -- "<outcome> <microseconds the lock was held in here> ..." (GET /metrics).
                    RETURN split_part(v_outcome, ' ', 1) || ' ' ||
                        floor(EXTRACT(EPOCH FROM clock_timestamp() - v_locked) * 1000000)::BIGINT ||
                        substr(v_outcome, length(split_part(v_outcome, ' ', 1)) + 1);
                END $$)"_s,
        };
    default:
        return {};
    }
}

constexpr qint64 kRenderLock = kWriteLock + 1; // one renderer of the public site at a time
constexpr int kBusyTimeoutMs = 10000;

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

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

} // namespace

// Bumps a counter in the current transaction and returns its new value (one statement).
std::optional<qint64> ServerStore::bumpCounter(const QString &name, QSqlError *error)
{
    Query q(*this);
    if (!run(q, u"UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value"_s, {name})) {
        *error = q.lastError();
        return std::nullopt;
    }
    if (!q.next()) {
        *error = counterMissing(name);
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

// ---- lifetime and connections ------------------------------------------------------------------

ServerStore::ServerStore(StoreConfig config)
    : m_config(std::move(config))
    , m_connectionPrefix(storePrefix())
{}

ServerStore::~ServerStore()
{
    QMutexLocker lock(&m_mutex);
    for (auto &[key, state] : m_threads) {
        state.statements.clear(); // before their connection goes
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

void ServerStore::configurePostgres(QSqlDatabase &db, const StoreConfig &config)
{
    db.setHostName(config.host);
    db.setPort(config.port);
    db.setDatabaseName(config.database);
    db.setUserName(config.user);
    db.setPassword(config.password);
    db.setConnectOptions(u"connect_timeout=10"_s);
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
            configurePostgres(db, m_config);
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
    q.finish();
    QString keyError;
    if (!loadAuditKey(&keyError))
        return fail(keyError);
    qCInfo(lcServerStore) << "store opened:" << m_config.driver << "schema" << kSchemaVersion << "server id"
                          << m_serverId;
    return true;
}

bool ServerStore::loadAuditKey(QString *error)
{
    m_auditKey.clear();
    if (m_config.auditKeyFile.isEmpty())
        return true;
    const QString path = m_config.auditKeyFile;
    QFile f(path);
    if (!f.exists()) {
        // Made once, readable by the server's account alone.
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(key.begin(), key.end());
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            f.write(key.toHex() + '\n') < 0 || !f.flush()) {
            *error = QCoreApplication::translate("ServerStore", "The audit key file %1 can't be made: %2")
                         .arg(QDir::toNativeSeparators(path), f.errorString());
            return false;
        }
        f.close();
        qCInfo(lcServerStore) << "audit key made:" << path;
    }
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (QFile::permissions(path) & others) {
        *error = QCoreApplication::translate("ServerStore",
                                             "The audit key file %1 may be read by other accounts: make it "
                                             "readable by the server's account alone (chmod 600 %1).")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ServerStore", "The audit key file %1 can't be read: %2")
                     .arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    const QByteArray key = QByteArray::fromHex(f.readAll().trimmed());
    if (key.size() < 16) {
        *error = QCoreApplication::translate(
                     "ServerStore", "The audit key file %1 holds no key (at least 16 bytes, as hex).")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    m_auditKey = key;
    // A log written before checkpoints existed is anchored at its head as it is now.
    if (!auditCheckpoint()) {
        Query q(*this);
        if (run(q, u"SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"_s) && q.next()) {
            const qint64 seq = q.value(0).toLongLong();
            const QByteArray hash = q.value(1).toString().toLatin1();
            q.finish();
            qCWarning(lcServerStore) << "audit log without a checkpoint: anchored at event" << seq;
            if (!setMeta(u"audit_checkpoint"_s, checkpointValue(seq, hash))) {
                *error = lastError();
                return false;
            }
        }
    }
    return true;
}

QByteArray ServerStore::checkpointMac(qint64 sequence, const QByteArray &hash) const
{
    return QMessageAuthenticationCode::hash(QByteArray::number(sequence) + ' ' + hash, m_auditKey,
                                            QCryptographicHash::Sha256)
        .toHex();
}

QString ServerStore::checkpointValue(qint64 sequence, const QByteArray &hash) const
{
    return u"%1 %2 %3"_s.arg(sequence).arg(QString::fromLatin1(hash),
                                           QString::fromLatin1(checkpointMac(sequence, hash)));
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
        // The word lists start as the ones shipped with this version (schema 8).
        if (failure.isEmpty() && version < 8) {
            const ContentRules shipped = ContentRules::builtin();
            if (!run(q,
                     u"INSERT INTO word_lists (id, version, sensitive, misused, settings, changed_at) "
                     u"VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"_s,
                     {shipped.version, shipped.sensitiveText, shipped.misusedText,
                      QString::fromUtf8(
                          QJsonDocument(shipped.settings.toJson()).toJson(QJsonDocument::Compact)),
                      isoUtc(QDateTime::currentDateTimeUtc())}))
                failure = q.lastError().text();
        }
        if (failure.isEmpty() &&
            (!run(q,
                  u"INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
                  u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                  {QString::number(kSchemaVersion)}) ||
             !run(q, u"INSERT INTO meta (key, value) VALUES ('server_id', ?) ON CONFLICT (key) DO NOTHING"_s,
                  {QUuid::createUuid().toString(QUuid::WithoutBraces)}) ||
             !run(q, u"INSERT INTO meta (key, value) VALUES ('epoch', ?) ON CONFLICT (key) DO NOTHING"_s,
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
    if (threadState().restart) // not a failure: the request is answered again (takeRestart())
        return false;
    qCWarning(lcServerStore) << what << "failed:" << error.text();
    setError(QCoreApplication::translate("ServerStore", "%1 failed: %2").arg(what, error.text()));
    const ThreadState &state = threadState();
    if (!state.inTransaction || (m_config.isPostgres() && !state.begun))
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
    ThreadState &lost = threadState();
    lost.statements.clear(); // prepared on the lost connection; one out now is not put back
    ++lost.connectionGeneration;
    db.close();
    return true;
}

// ---- kept statements ---------------------------------------------------------------------------

ServerStore::Query::Query(ServerStore &store)
    : m_store(store)
    , m_q(store.database())
{}

ServerStore::Query::~Query()
{
    putBack();
}

// Finishes the kept statement held and returns it to the thread's cache (unless its connection was
// lost meanwhile, or the cache is full); m_q is left moved from.
void ServerStore::Query::putBack()
{
    if (m_kept.isEmpty())
        return;
    m_q.finish();
    ThreadState &state = m_store.threadState();
    if (state.connectionGeneration == m_generation && state.statements.size() < kMaxKeptStatements)
        state.statements.try_emplace(m_kept, std::move(m_q)); // a copy put back first stays
    m_kept.clear();
}

void ServerStore::Query::giveBack()
{
    if (m_kept.isEmpty())
        return;
    putBack();
    m_q = QSqlQuery(m_store.database());
}

void ServerStore::Query::finish()
{
    if (m_kept.isEmpty())
        m_q.finish();
    else
        giveBack();
}

bool ServerStore::Query::run(const QString &statement, const QVariantList &values)
{
    giveBack();
    // A request that guessed (expectAction()) confirms its guesses before any statement but the
    // action's call; one that did not hold runs nothing more until it is answered again.
    ThreadState &state = m_store.threadState();
    if (state.restart || (state.guess && !state.guessedCall && !m_store.confirmGuesses()))
        return false;
    // Without values only reads are kept (PostgreSQL can't prepare DDL, and a PRAGMA needn't be).
    if (values.isEmpty() && !statement.startsWith(u"SELECT "_s))
        return sql::run(m_q, statement);
    if (const auto it = state.statements.find(statement); it != state.statements.end()) {
        m_q = std::move(it->second);
        state.statements.erase(it);
    } else {
        m_q.setForwardOnly(true);
        if (!m_q.prepare(statement))
            return false;
    }
    m_kept = statement;
    m_generation = state.connectionGeneration;
    for (int i = 0; i < values.size(); ++i)
        m_q.bindValue(i, values.at(i));
    return m_q.exec();
}

// ---- transactions ------------------------------------------------------------------------------

bool ServerStore::beginWrite(QString *error, LockMode mode)
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
    if (m_config.isPostgres()) {
        state.inTransaction = true;
        state.begun = false;
        state.writeLocked = false;
        state.auditGuess.reset();
        // LockMode::AtFirstWrite: nothing is sent yet. What is read until the lock runs on its own
        // (READ COMMITTED gives every statement its own snapshot anyway) and is checked under it.
        if (mode == LockMode::AtFirstWrite)
            return true;
        if (!beginNow() || !lockWrites()) {
            *error = lastError();
            state.inTransaction = false;
            if (state.begun)
                db.rollback();
            state.begun = false;
            return false;
        }
        return true;
    }
    QSqlQuery q(db);
    {
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
    state.writeLocked = true;
    state.lockedAtNs = steadyNs();
    return true;
}

bool ServerStore::beginNow()
{
    ThreadState &state = threadState();
    if (!m_config.isPostgres() || state.begun)
        return true;
    QSqlDatabase db = database();
    if (!db.isOpen() || !db.transaction()) {
        // Nothing happened yet: after a lost connection (a server restart) try once more.
        if (connectionLost()) {
            db = QSqlDatabase();
            db = database();
        }
        if (!db.isOpen() || !db.transaction()) {
            setError(QCoreApplication::translate("ServerStore", "Cannot begin a transaction: %1")
                         .arg(db.isOpen() ? db.lastError().text() : lastError()));
            return false;
        }
    }
    state.begun = true;
    return true;
}

bool ServerStore::lockWrites()
{
    ThreadState &state = threadState();
    if (!state.inTransaction)
        return false;
    if (state.writeLocked)
        return true;
    if (!beginNow())
        return false;
    // PostgreSQL (SQLite's transactions lock at BEGIN): held until commit or rollback. Feed sequence
    // numbers and the audit chain's end are taken under it, so they commit in their order.
    QSqlQuery q(database());
    if (!q.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kWriteLock))) {
        setError(QCoreApplication::translate("ServerStore", "Cannot begin a transaction: %1")
                     .arg(q.lastError().text()));
        return false;
    }
    state.writeLocked = true;
    state.lockedAtNs = steadyNs();
    return true;
}

std::optional<bool> ServerStore::lockWritesIfStill(const QString &itemId, std::optional<qint64> seq,
                                                   const QString &actionId)
{
    clearError();
    ThreadState &state = threadState();
    const QString what = QCoreApplication::translate("ServerStore", "Reading item %1").arg(itemId);
    if (!state.inTransaction) {
        setError(QCoreApplication::translate("ServerStore", "There is no transaction on this thread."));
        return std::nullopt;
    }
    std::optional<qint64> now;
    bool known = false;
    if (m_config.isPostgres() && !state.writeLocked) {
        if (!beginNow())
            return std::nullopt;
        Query q(*this);
        if (!run(q,
                 u"SELECT item_seq, action_known, audit_counter, audit_last_seq, audit_last_hash "
                 u"FROM baosong_lock_and_read(?, ?, ?)"_s,
                 {kWriteLock, text(itemId), text(actionId)}) ||
            !q.next()) {
            failed(what, q.lastError());
            return std::nullopt;
        }
        state.writeLocked = true;
        state.lockedAtNs = steadyNs();
        if (!q.value(0).isNull())
            now = q.value(0).toLongLong();
        known = q.value(1).toBool();
        if (!q.value(2).isNull()) {
            warnIfLogShort(q.value(3).isNull() ? 0 : q.value(3).toLongLong(), q.value(2).toLongLong());
            state.auditEnd = ThreadState::AuditEnd::of(q.value(2), q.value(4));
        }
    } else {
        if (!lockWrites())
            return std::nullopt;
        Query q(*this);
        if (!run(q,
                 u"SELECT (SELECT seq FROM items WHERE id = ?), "
                 u"(SELECT COUNT(*) FROM actions WHERE action_id = ?)"_s,
                 {text(itemId), text(actionId)}) ||
            !q.next()) {
            failed(what, q.lastError());
            return std::nullopt;
        }
        if (!q.value(0).isNull())
            now = q.value(0).toLongLong();
        known = q.value(1).toLongLong() != 0;
    }
    return now == seq && !known;
}

bool ServerStore::lockRendering(int timeoutMs)
{
    if (!m_config.isPostgres())
        return true;
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery q(database());
        if (!q.exec(u"SELECT pg_try_advisory_lock(%1)"_s.arg(kRenderLock)) || !q.next()) {
            setError(QCoreApplication::translate("ServerStore", "Cannot take the render lock: %1")
                         .arg(q.lastError().text()));
            return false;
        }
        if (q.value(0).toBool())
            return true;
        if (waited.hasExpired(timeoutMs))
            return false;
        QThread::msleep(50);
    }
}

void ServerStore::unlockRendering()
{
    if (!m_config.isPostgres())
        return;
    QSqlQuery q(database());
    if (!q.exec(u"SELECT pg_advisory_unlock(%1)"_s.arg(kRenderLock)))
        qCWarning(lcServerStore) << "the render lock could not be released:" << q.lastError().text();
}

bool ServerStore::writeLockDeferred() const
{
    const ThreadState &state = threadState();
    return state.inTransaction && !state.writeLocked;
}

bool ServerStore::endWrite(bool commit)
{
    ThreadState &state = threadState();
    if (!state.inTransaction)
        return false;
    state.inTransaction = false;
    state.auditEnd.reset();
    state.auditGuess.reset();
    state.versions.reset(); // what the transaction changed or read is read again (cacheVersions())
    if (state.writeLocked) {
        m_lockHeldNs += quint64(std::max<qint64>(0, steadyNs() - state.lockedAtNs));
        ++m_lockHeldCount;
    }
    state.writeLocked = false;
    QSqlDatabase db = database();
    if (m_config.isPostgres()) {
        const bool begun = std::exchange(state.begun, false);
        if (!begun) // nothing was begun: nothing written, or written and committed in one call
            return true;
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

bool ServerStore::writeOne(const QString &statement, const QVariantList &values, const QString &what,
                           const QString &missing)
{
    return write([&] {
        Query q(*this);
        if (!run(q, statement, values))
            return failed(what, q.lastError());
        if (!missing.isEmpty() && q.numRowsAffected() == 0) {
            setError(missing);
            return false;
        }
        return true;
    });
}

ServerStore::Transaction::Transaction(ServerStore &store, LockMode mode)
    : m_store(store)
{
    m_store.clearError();
    QString error;
    m_ok = m_store.beginWrite(&error, mode);
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
    const bool committed = m_store.endWrite(true);
    if (committed)
        m_store.setDegraded(false); // writing works again
    return committed;
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
    // The snapshot gets an epoch of its own: a server put back from it tells its clients so (epoch()).
    {
        static QAtomicInteger<int> counter;
        const QString name = u"baosong.backup.%1"_s.arg(counter.fetchAndAddRelaxed(1));
        QString failure;
        {
            QSqlDatabase snapshot = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            snapshot.setDatabaseName(path);
            QSqlQuery sq(snapshot);
            if (!snapshot.open())
                failure = snapshot.lastError().text();
            else if (!sq.exec(u"PRAGMA journal_mode=DELETE"_s) ||
                     !sq.prepare(u"UPDATE meta SET value = ? WHERE key = 'epoch'"_s))
                failure = sq.lastError().text();
            else {
                sq.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
                if (!sq.exec())
                    failure = sq.lastError().text();
            }
            sq.finish();
            snapshot.close();
        }
        QSqlDatabase::removeDatabase(name);
        if (!failure.isEmpty()) {
            QFile::remove(path);
            return fail(QCoreApplication::translate("ServerStore", "The backup to %1 failed: %2")
                            .arg(QDir::toNativeSeparators(path), failure));
        }
    }
    qCInfo(lcServerStore) << "backup written to" << path;
    return true;
}

QString ServerStore::epoch()
{
    return meta(u"epoch"_s);
}

bool ServerStore::renewEpoch()
{
    return setMeta(u"epoch"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

} // namespace baosong::server
