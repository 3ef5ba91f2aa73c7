// The server store's items, change feed, idempotent actions and unfinished uploads.
#include "ServerStoreInternal.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace baosong::server {

// ---- items -------------------------------------------------------------------------------------

std::optional<Item> ServerStore::item(const QString &id, qint64 *seq)
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT data, seq FROM items WHERE id = ?"_s, {text(id)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading item %1").arg(id), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    if (seq)
        *seq = q.value(1).toLongLong();
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
        Query q(*this);
        if (!run(q, u"SELECT id, data FROM items WHERE id IN ("_s + marks(batch.size()) + u')', values)) {
            failed(QCoreApplication::translate("ServerStore", "Listing items"), q.lastError());
            return {};
        }
        out += readRows<Item>(q, QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2"));
    }
    return out;
}

namespace {

// The columns of an item's row besides its id, sequence and JSON (saveItem, writeAction): the queues
// and the change feed select by them.
struct ItemColumns
{
    QString kind, unitId, authorId, state, stageId, stageRole;
    int urgent = 0;
    QVariant infoDate; // the deadline's start, or NULL
    QString updatedAt;
    QList<QByteArray> blobs; // the files the latest revision names (earlier ones were recorded)
};

ItemColumns itemColumns(const Item &item, const QString &stageRole)
{
    const Revision *latest = item.latest();
    const RevisionContent content = latest ? latest->content : RevisionContent();
    ItemColumns c{toString(item.kind),
                  text(item.unitId),
                  text(item.authorId),
                  toString(item.state),
                  text(item.stageId),
                  text(stageRole),
                  content.urgent ? 1 : 0,
                  content.deadlineFrom().isValid() ? QVariant(content.deadlineFrom().toString(Qt::ISODate))
                                                   : nullText(),
                  isoUtc(QDateTime::currentDateTimeUtc()),
                  {}};
    for (const Attachment &a : content.attachments) {
        const QByteArray hex = a.sha256.toHex();
        if (!c.blobs.contains(hex))
            c.blobs.append(hex);
    }
    return c;
}

} // namespace

bool ServerStore::saveItem(const Item &item, const QString &stageRole, bool known)
{
    clearError();
    if (item.id.isEmpty()) {
        setError(QCoreApplication::translate("ServerStore", "An item without an id can't be saved."));
        return false;
    }
    return write([&] {
        QSqlError error;
        const std::optional<qint64> seq = bumpCounter(kFeedCounter, &error);
        const QString what = QCoreApplication::translate("ServerStore", "Saving item %1").arg(item.id);
        if (!seq)
            return failed(what, error);
        const ItemColumns c = itemColumns(item, stageRole);
        Query q(*this);
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
                {item.id, *seq, c.kind, c.unitId, c.authorId, c.state, c.stageId, c.stageRole, c.urgent,
                 c.infoDate, sql::compactJson(json::toJson(item)), c.updatedAt}) ||
            // A deleted item saved again is no longer deleted: one feed entry per item. (An item that
            // exists has no tombstone: deleteItem() removes the one, saving the other.)
            (!known && !run(q, u"DELETE FROM tombstones WHERE item_id = ?"_s, {item.id})))
            return failed(what, q.lastError());
        // The files it names (earlier revisions' were recorded when they were saved).
        for (const QByteArray &hex : c.blobs) {
            if (!run(q, u"INSERT INTO item_blobs (sha256, item_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
                     {QString::fromLatin1(hex), item.id}))
                return failed(what, q.lastError());
        }
        return true;
    });
}

bool ServerStore::deleteItem(const QString &id)
{
    clearError();
    return write([&] {
        const QString what = QCoreApplication::translate("ServerStore", "Deleting item %1").arg(id);
        Query q(*this);
        if (!run(q, u"SELECT unit_id, author_id FROM items WHERE id = ?"_s, {text(id)}))
            return failed(what, q.lastError());
        if (!q.next())
            return true; // nothing to delete, nothing to tell
        const QString unitId = q.value(0).toString();
        const QString authorId = q.value(1).toString();
        q.finish();
        QSqlError error;
        const std::optional<qint64> seq = bumpCounter(kFeedCounter, &error);
        if (!seq)
            return failed(what, error);
        if (!run(q, u"DELETE FROM items WHERE id = ?"_s, {id}) ||
            !run(q, u"DELETE FROM item_blobs WHERE item_id = ?"_s, {id}) ||
            !run(q,
                 u"INSERT INTO tombstones (item_id, seq, unit_id, author_id) VALUES (?, ?, ?, ?) "
                 u"ON CONFLICT (item_id) DO UPDATE SET seq = excluded.seq, unit_id = excluded.unit_id, "
                 u"author_id = excluded.author_id"_s,
                 {id, *seq, text(unitId), text(authorId)}))
            return failed(what, q.lastError());
        return true;
    });
}

QList<Item> ServerStore::itemsChangedSince(const QDateTime &since)
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT id, data FROM items WHERE updated_at >= ? ORDER BY seq"_s, {isoUtc(since)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading items for the statistics"), q.lastError());
        return {};
    }
    return readRows<Item>(q, QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2"));
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
    Query q(*this);
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
    Query q(*this);
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
        Query q(*this);
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

QList<Change> ServerStore::changesSince(qint64 cursor, int limit, qint64 maxBytes, bool *cut)
{
    clearError();
    if (cut)
        *cut = false;
    QList<Change> out;
    if (limit <= 0)
        return out;
    Query q(*this);
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
    qint64 bytes = 0;
    while (q.next()) {
        if (maxBytes > 0 && !out.isEmpty() && bytes >= maxBytes) {
            if (cut)
                *cut = true;
            q.finish();
            break;
        }
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
        bytes += c.json.size() + 64;
        out.append(std::move(c));
    }
    return out;
}

qint64 ServerStore::latestSequence()
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT value FROM counters WHERE name = ?"_s, {kFeedCounter}) || !q.next()) {
        failed(QCoreApplication::translate("ServerStore", "Reading the change feed"), q.lastError());
        return 0;
    }
    return q.value(0).toLongLong();
}

qint64 ServerStore::oldestValidCursor()
{
    clearError();
    Query q(*this);
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
        Query q(*this);
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
    Query q(*this);
    if (!run(q,
             u"SELECT action_id, person_id, item_id, status, response, at, request_hash FROM actions "
             u"WHERE action_id = ?"_s,
             {text(actionId)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading action %1").arg(actionId), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readActionRecord(rowValues(q, 7), 0);
}

QVariantList rowValues(const QSqlQuery &q, int columns)
{
    QVariantList row;
    row.reserve(columns);
    for (int i = 0; i < columns; ++i)
        row.append(q.value(i));
    return row;
}

ActionRecord readActionRecord(const QVariantList &row, int first)
{
    ActionRecord r;
    r.actionId = row.value(first).toString();
    r.personId = row.value(first + 1).toString();
    r.itemId = row.value(first + 2).toString();
    r.status = row.value(first + 3).toInt();
    r.response = row.value(first + 4).toString().toUtf8();
    r.at = parseTime(row.value(first + 5));
    r.requestHash = row.value(first + 6).toString().toLatin1();
    return r;
}

QString actionOrItemStatement(bool auditEnd)
{
    QString statement =
        u"SELECT 0, action_id, person_id, item_id, status, response, at, request_hash "
        u"FROM actions WHERE action_id = ? "
        u"UNION ALL SELECT 1, data, NULL, NULL, seq, NULL, NULL, NULL FROM items WHERE id = ?"_s;
    if (auditEnd)
        statement += u" UNION ALL SELECT 2, (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), NULL, NULL, "
                     u"value, NULL, NULL, NULL FROM counters WHERE name = 'audit'"_s;
    return statement;
}

bool ServerStore::actionOrItem(const QString &actionId, const QString &itemId,
                               std::optional<ActionRecord> *done, std::optional<Item> *item, qint64 *seq)
{
    clearError();
    done->reset();
    item->reset();
    ThreadState &state = threadState();
    // PostgreSQL, before the writers' lock: the audit log's end too, writeActionIfStill's guess.
    const bool guess = m_config.isPostgres() && state.inTransaction && !state.begun;
    state.auditGuess.reset();
    QList<QVariantList> rows;
    // Read with the request's cache versions (expectAction()), once: like this read, before the lock.
    if (guess && state.expectedAction && state.expectedAction->read && state.expectedAction->guessed &&
        state.expectedAction->actionId == actionId && state.expectedAction->itemId == itemId) {
        // Guessed, not read: the item as this process last knew it (or missing), the action not
        // recorded, the audit end as this process's last call left it (writeActionIfStill).
        if (state.expectedAction->known) {
            *item = state.expectedAction->known->first;
            *seq = state.expectedAction->known->second;
        }
        state.expectedAction.reset();
        state.auditGuess = ThreadState::AuditEnd{};
        return true;
    }
    if (guess && state.expectedAction && state.expectedAction->read &&
        state.expectedAction->actionId == actionId && state.expectedAction->itemId == itemId) {
        rows = std::move(state.expectedAction->rows);
        state.expectedAction.reset();
    } else {
        const QString statement = actionOrItemStatement(guess);
        std::optional<Query> q;
        for (int attempt = 0;; ++attempt) {
            q.emplace(*this);
            if (run(*q, statement, {text(actionId), text(itemId)}))
                break;
            // Nothing begun yet: a connection lost (a restart of PostgreSQL) is opened again, once.
            if (attempt > 0 || !guess || !connectionLost()) {
                failed(QCoreApplication::translate("ServerStore", "Reading action %1").arg(actionId),
                       q->lastError());
                return false;
            }
        }
        while (q->next())
            rows.append(rowValues(*q, 8));
    }
    for (const QVariantList &row : std::as_const(rows)) {
        const int kind = row.value(0).toInt();
        if (kind == 0) {
            *done = readActionRecord(row, 1);
        } else if (kind == 1) {
            QString error;
            *item = parseData<Item>(row.value(1).toString(), &error);
            if (!*item) {
                qCWarning(lcServerStore) << "unreadable item" << itemId << error;
                setError(QCoreApplication::translate("ServerStore", "Item %1 can't be read: %2")
                             .arg(itemId, error));
                return false;
            }
            *seq = row.value(4).toLongLong();
            if (guess)
                rememberItem(**item, *seq,
                             row.value(1).toString().size()); // its next action (expectAction())
        } else if (kind == 2) {
            state.auditGuess = ThreadState::AuditEnd::of(row.value(4), row.value(1));
        }
    }
    return true;
}

void ServerStore::setActionNotice(const QString &channel, const QString &payload)
{
    if (!m_config.isPostgres())
        return;
    m_actionNoticeChannel = channel;
    m_actionNoticePayload = payload;
}

QJsonObject ServerStore::actionCall(ActionWrites &w, ThreadState::AuditEnd *end, QString *itemData) const
{
    const QString now = isoUtc(QDateTime::currentDateTimeUtc());
    QJsonObject p;
    if (w.item) {
        const ItemColumns c = itemColumns(*w.item, w.stageRole);
        QJsonArray blobs;
        for (const QByteArray &hex : c.blobs)
            blobs.append(QString::fromLatin1(hex));
        p.insert("item"_L1, QJsonObject{{"id"_L1, w.item->id},
                                        {"kind"_L1, c.kind},
                                        {"unit_id"_L1, c.unitId},
                                        {"author_id"_L1, c.authorId},
                                        {"state"_L1, c.state},
                                        {"stage_id"_L1, c.stageId},
                                        {"stage_role"_L1, c.stageRole},
                                        {"urgent"_L1, c.urgent},
                                        {"info_date"_L1, QJsonValue::fromVariant(c.infoDate)},
                                        {"updated_at"_L1, c.updatedAt},
                                        {"known"_L1, w.known},
                                        {"blobs"_L1, blobs}});
        *itemData = sql::compactJson(json::toJson(*w.item));
    }
    if (!w.events.isEmpty()) {
        // The events after `end`, chained as appendAudit chains them.
        QJsonArray events;
        for (AuditEvent &e : w.events) {
            end->chain(e);
            events.append(QJsonObject{{"seq"_L1, e.sequence},
                                      {"at"_L1, isoUtc(e.at)},
                                      {"actor"_L1, text(e.actorId)},
                                      {"type"_L1, text(e.type)},
                                      {"subject"_L1, text(e.subjectId)},
                                      {"details"_L1, sql::compactJson(e.details)},
                                      {"prev_hash"_L1, QString::fromLatin1(e.previousHash)},
                                      {"hash"_L1, QString::fromLatin1(e.hash)}});
        }
        p.insert("audit"_L1, events);
        p.insert("audit_last"_L1, end->counter);
        if (!m_auditKey.isEmpty())
            p.insert("checkpoint"_L1, checkpointValue(end->counter, end->lastHash));
    }
    if (w.render) {
        p.insert("render"_L1, QJsonObject{{"item_id"_L1, w.render->itemId},
                                          {"columns"_L1, QJsonArray::fromStringList(w.render->columnIds)},
                                          {"ticket"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                          {"queued_at"_L1, now}});
    }
    if (w.portal) {
        p.insert("portal"_L1, QJsonObject{{"item_id"_L1, w.portal->itemId},
                                          {"cycle"_L1, w.portal->cycle},
                                          {"revision"_L1, w.portal->revision},
                                          {"queued_at"_L1, now}});
    }
    if (w.notify && noticesActions() && othersListening())
        p.insert("notify"_L1,
                 QJsonObject{{"channel"_L1, m_actionNoticeChannel}, {"payload"_L1, m_actionNoticePayload}});
    const ActionRecord &r = w.record;
    p.insert("action"_L1,
             QJsonObject{{"action_id"_L1, r.actionId},
                         {"person_id"_L1, text(r.personId)},
                         {"item_id"_L1, text(r.itemId)},
                         {"status"_L1, r.status},
                         {"at"_L1, isoUtc(r.at.isValid() ? r.at : QDateTime::currentDateTimeUtc())},
                         {"request_hash"_L1, text(QString::fromLatin1(r.requestHash))}});
    return p;
}

bool ServerStore::writeAction(ActionWrites &w)
{
    clearError();
    if (w.item && w.item->id.isEmpty()) {
        setError(QCoreApplication::translate("ServerStore", "An item without an id can't be saved."));
        return false;
    }
    if (!m_config.isPostgres()) {
        // One process writes, in its own file: the statements cost no round trips.
        if (w.item && !saveItem(*w.item, w.stageRole, w.known))
            return false;
        for (AuditEvent &e : w.events) {
            if (!appendAudit(e))
                return false;
        }
        if (w.render && !enqueueRender(w.render->itemId, w.render->columnIds))
            return false;
        if (w.portal && !enqueuePortal(w.portal->itemId, w.portal->cycle, w.portal->revision))
            return false;
        return insertAction(w.record);
    }
    // PostgreSQL: one call of baosong_write_action (schema 11), which writes what the methods above do.
    return write([&] {
        const QString what =
            QCoreApplication::translate("ServerStore", "Recording action %1").arg(w.record.actionId);
        ThreadState &state = threadState();
        if (!w.events.isEmpty() && !state.auditEnd) {
            // The log's end as lockWritesIfStill() read it under this lock, or read now.
            Query q(*this);
            if (!run(q,
                     u"SELECT (SELECT value FROM counters WHERE name = ?), "
                     u"(SELECT hash FROM audit ORDER BY seq DESC LIMIT 1)"_s,
                     {kAuditCounter}) ||
                !q.next())
                return failed(what, q.lastError());
            if (q.value(0).isNull())
                return failed(what, counterMissing(kAuditCounter));
            state.auditEnd = ThreadState::AuditEnd::of(q.value(0), q.value(1));
        }
        ThreadState::AuditEnd end = state.auditEnd.value_or(ThreadState::AuditEnd{});
        QString itemData;
        const QJsonObject p = actionCall(w, &end, &itemData);
        if (!w.events.isEmpty())
            state.auditEnd = end; // the end once this call succeeds (the transaction ends otherwise)
        Query q(*this);
        if (!run(q, u"SELECT baosong_write_action(CAST(? AS JSONB), ?, ?)"_s,
                 {sql::compactJson(p), w.item ? QVariant(itemData) : nullText(),
                  QString::fromUtf8(w.record.response)}))
            return failed(what, q.lastError());
        logAuditEvents(w.events);
        return true;
    });
}

std::optional<bool> ServerStore::writeActionIfStill(ActionWrites &w, const QString &itemId,
                                                    std::optional<qint64> seq)
{
    clearError();
    ThreadState &state = threadState();
    const bool oneCall = m_config.isPostgres() && state.inTransaction && !state.begun && !state.writeLocked &&
                         (w.events.isEmpty() || state.auditGuess);
    if (oneCall) {
        // Lock, check, write and commit in one call of baosong_apply_action, the events chained after
        // the log's end as actionOrItem() read it. When another writer moved that end meanwhile,
        // nothing is written and the call answers the end as it is: the events are chained to it and
        // the call made again, a few times; then the action goes the way below, under the lock.
        constexpr int kCalls = 3;
        QMutexLocker turn(&m_actionCallMutex);
        ThreadState::AuditEnd guess = state.auditGuess.value_or(ThreadState::AuditEnd{});
        if (m_lastCallEnd && m_lastCallEnd->counter > guess.counter)
            guess = *m_lastCallEnd; // written by this process since actionOrItem() read the end
        // What this request guessed rather than read (expectAction()), checked by the call: its
        // versions (the item's sequence and the action's absence are checked for every call).
        const std::optional<ThreadState::Guess> guessed =
            state.guess && state.guess->itemId == itemId && state.guess->actionId == w.record.actionId
                ? state.guess
                : std::nullopt;
        if (state.guess && !guessed && !confirmGuesses())
            return std::nullopt; // another action than the one guessed: read first
        const QVariant versions = guessed ? QVariant(u"%1 %2 %3"_s.arg(guessed->versions.auth)
                                                         .arg(guessed->versions.organization)
                                                         .arg(guessed->versions.wordLists))
                                          : nullText();
        QString itemData;
        for (int call = 0; call < kCalls; ++call) {
            ThreadState::AuditEnd end = guess;
            const QJsonObject p = actionCall(w, &end, &itemData);
            Query q(*this);
            state.guessedCall = true;
            const bool ran =
                run(q, u"SELECT baosong_apply_action(?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, ?)"_s,
                    {kWriteLock, text(itemId),
                     seq ? QVariant(*seq) : QVariant(QMetaType(QMetaType::LongLong)), text(w.record.actionId),
                     w.events.isEmpty() ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(guess.counter),
                     versions, sql::compactJson(p), w.item ? QVariant(itemData) : nullText(),
                     QString::fromUtf8(w.record.response)}) &&
                q.next();
            state.guessedCall = false;
            if (!ran) {
                failed(
                    QCoreApplication::translate("ServerStore", "Recording action %1").arg(w.record.actionId),
                    q.lastError());
                return std::nullopt;
            }
            // "<outcome> <microseconds the lock was held in the call>[ <audit counter> <last hash>]"
            // ("written <µs> <the item's feed sequence>"); the commit's flush comes after.
            const QStringList answer = q.value(0).toString().split(u' ');
            const QString outcome = answer.value(0);
            m_lockHeldNs += quint64(std::max(0LL, answer.value(1).toLongLong())) * 1000;
            ++m_lockHeldCount;
            if (outcome == u"changed"_s || outcome == u"stale"_s) { // 'stale': only with guessed versions
                // Nothing was written. A guess that did not hold has the request answered again,
                // reading (the session too, checked against versions that moved).
                if (guessed)
                    guessFailed(itemId);
                return false;
            }
            if (outcome == u"written"_s) { // and committed: the Transaction has nothing left to do
                if (!w.events.isEmpty())
                    m_lastCallEnd = end;
                if (guessed) {
                    state.guess.reset();
                    ++m_guessesHeld;
                }
                if (w.item)
                    rememberItem(*w.item, answer.value(2).toLongLong(), itemData.size());
                logAuditEvents(w.events);
                return true;
            }
            guess = ThreadState::AuditEnd::of(answer.value(2), answer.value(3));
            m_lastCallEnd = guess;
        }
    }
    if (!state.writeLocked) {
        const std::optional<bool> same = lockWritesIfStill(itemId, seq, w.record.actionId);
        if (!same || !*same)
            return same;
    }
    if (!writeAction(w))
        return std::nullopt;
    return true;
}

bool ServerStore::insertAction(const ActionRecord &record)
{
    clearError();
    if (record.actionId.isEmpty()) {
        setError(QCoreApplication::translate("ServerStore", "An action without an id can't be recorded."));
        return false;
    }
    return write([&] {
        Query q(*this);
        // DO NOTHING rather than a failing statement: on PostgreSQL a failed statement would spoil the
        // caller's transaction.
        if (!run(q,
                 u"INSERT INTO actions (action_id, person_id, item_id, status, response, at, request_hash) "
                 u"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (action_id) DO NOTHING"_s,
                 {record.actionId, text(record.personId), text(record.itemId), record.status,
                  QString::fromUtf8(record.response),
                  isoUtc(record.at.isValid() ? record.at : QDateTime::currentDateTimeUtc()),
                  text(QString::fromLatin1(record.requestHash))}))
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
    return writeOne(u"INSERT INTO uploads (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(kUploadColumns),
                    {text(upload.id), text(upload.personId), QString::fromLatin1(upload.sha256), upload.size,
                     upload.offset, text(upload.name), isoUtc(upload.createdAt), isoUtc(upload.expiresAt)},
                    QCoreApplication::translate("ServerStore", "Saving upload %1").arg(upload.id));
}

std::optional<Upload> ServerStore::upload(const QString &id)
{
    clearError();
    Query q(*this);
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
    return writeOne(u"UPDATE uploads SET offset_bytes = ? WHERE id = ?"_s, {offset, text(id)},
                    QCoreApplication::translate("ServerStore", "Saving upload %1").arg(id),
                    QCoreApplication::translate("ServerStore", "There is no upload %1.").arg(id));
}

bool ServerStore::deleteUpload(const QString &id)
{
    clearError();
    return writeOne(u"DELETE FROM uploads WHERE id = ?"_s, {text(id)},
                    QCoreApplication::translate("ServerStore", "Removing upload %1").arg(id));
}

QList<Upload> ServerStore::expiredUploads(const QDateTime &now)
{
    clearError();
    QList<Upload> out;
    Query q(*this);
    if (!run(q, u"SELECT %1 FROM uploads WHERE expires_at <= ? ORDER BY expires_at"_s.arg(kUploadColumns),
             {isoUtc(now)})) {
        failed(QCoreApplication::translate("ServerStore", "Reading expired uploads"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readUpload(q));
    return out;
}

bool ServerStore::addBlobOwner(const QByteArray &hex, const QString &personId)
{
    clearError();
    return writeOne(
        u"INSERT INTO blob_owners (sha256, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s,
        {QString::fromLatin1(hex), text(personId)},
        QCoreApplication::translate("ServerStore", "Recording who sent %1").arg(QString::fromLatin1(hex)));
}

std::optional<bool> ServerStore::ownsBlob(const QByteArray &hex, const QString &personId)
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT 1 FROM blob_owners WHERE sha256 = ? AND person_id = ?"_s,
             {QString::fromLatin1(hex), text(personId)})) {
        failed(
            QCoreApplication::translate("ServerStore", "Reading who sent %1").arg(QString::fromLatin1(hex)),
            q.lastError());
        return std::nullopt;
    }
    return q.next();
}

QStringList ServerStore::itemsWithBlob(const QByteArray &hex, int limit)
{
    clearError();
    QStringList out;
    Query q(*this);
    if (!run(q, u"SELECT item_id FROM item_blobs WHERE sha256 = ? ORDER BY item_id LIMIT ?"_s,
             {QString::fromLatin1(hex), limit})) {
        failed(QCoreApplication::translate("ServerStore", "Reading the items that name %1")
                   .arg(QString::fromLatin1(hex)),
               q.lastError());
        return out;
    }
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

qint64 ServerStore::uploadBytesOf(const QString &personId)
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT COALESCE(SUM(size), 0) FROM uploads WHERE person_id = ?"_s, {text(personId)}) ||
        !q.next()) {
        failed(QCoreApplication::translate("ServerStore", "Reading the uploads of %1").arg(personId),
               q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace baosong::server
