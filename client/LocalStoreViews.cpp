// The filtered lists of LocalStore (ItemFilter): the navigation's views over the local store.

#include "LocalStore.h"

#include "Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

const QString kSummaryColumns = u"id, kind, unit_id, column_id, author_id, state, proposal, stage_id, title, "
                                u"info_date, urgent, updated_at"_s;

// The WHERE conditions of `filter` (joined with AND; "1" when none), their values appended to `binds`.
QString whereOf(const ItemFilter &filter, QVariantList *binds)
{
    QStringList parts;
    if (!filter.states.isEmpty()) {
        parts.append(u"state IN ("_s + sql::marks(filter.states.size()) + u')');
        for (WorkflowState s : filter.states)
            binds->append(keys::toString(s));
    }
    if (!filter.authorId.isEmpty()) {
        parts.append(u"author_id = ?"_s);
        binds->append(filter.authorId);
    }
    if (!filter.excludeAuthorId.isEmpty()) {
        parts.append(u"author_id <> ?"_s);
        binds->append(filter.excludeAuthorId);
    }
    if (!filter.columnIds.isEmpty()) {
        parts.append(u"column_id IN ("_s + sql::marks(filter.columnIds.size()) + u')');
        for (const QString &c : filter.columnIds)
            binds->append(c);
    }
    if (!filter.kinds.isEmpty()) {
        parts.append(u"kind IN ("_s + sql::marks(filter.kinds.size()) + u')');
        for (ItemKind k : filter.kinds)
            binds->append(keys::toString(k));
    }
    if (!filter.unitIds.isEmpty()) {
        parts.append(u"unit_id IN ("_s + sql::marks(filter.unitIds.size()) + u')');
        for (const QString &u : filter.unitIds)
            binds->append(u);
    }
    if (filter.stages) {
        QStringList any;
        for (const ItemFilter::StageClause &c : *filter.stages) {
            QString clause = u"(kind = ? AND stage_id = ?"_s;
            binds->append(keys::toString(c.kind));
            binds->append(c.stageId);
            if (!c.anyUnit) {
                clause += u" AND unit_id IN ("_s + sql::marks(c.unitIds.size()) + u')';
                for (const QString &u : c.unitIds)
                    binds->append(u);
            }
            if (!c.authorId.isEmpty()) {
                clause += u" AND author_id = ?"_s;
                binds->append(c.authorId);
            }
            any.append(clause + u')');
        }
        parts.append(any.isEmpty() ? u"0"_s : u'(' + any.join(u" OR "_s) + u')');
    }
    return parts.isEmpty() ? u"1"_s : parts.join(u" AND "_s);
}

} // namespace

QList<ItemSummary> LocalStore::summaries(int offset, int limit)
{
    return summaries(ItemFilter(), offset, limit);
}

QList<ItemSummary> LocalStore::summariesOf(const QStringList &ids)
{
    return summariesOf(ids, ItemFilter());
}

QList<ItemSummary> LocalStore::summaries(const ItemFilter &filter, int offset, int limit)
{
    if (!requireOpen())
        return {};
    if (limit <= 0)
        return {};
    QVariantList binds;
    const QString where = whereOf(filter, &binds);
    QSqlQuery q(database());
    binds << limit << std::max(0, offset);
    if (!sql::run(q,
                  u"SELECT "_s + kSummaryColumns + u" FROM items WHERE "_s + where +
                      u" ORDER BY urgent DESC, info_date IS NULL, info_date, seq LIMIT ? OFFSET ?"_s,
                  binds)) {
        setSqlError(QCoreApplication::translate("LocalStore", "Listing items"), q);
        return {};
    }
    return readSummaries(q);
}

QList<ItemSummary> LocalStore::summariesOf(const QStringList &ids, const ItemFilter &filter)
{
    if (!requireOpen())
        return {};
    QHash<QString, ItemSummary> found;
    constexpr qsizetype kBatch = 400;
    for (qsizetype from = 0; from < ids.size(); from += kBatch) {
        const QStringList batch = ids.mid(from, kBatch);
        QVariantList binds;
        for (const QString &id : batch)
            binds.append(id);
        const QString where = whereOf(filter, &binds);
        QSqlQuery q(database());
        // By id first (the search's hits are few): never let a view's index scan a whole state.
        if (!sql::run(q,
                      u"SELECT "_s + kSummaryColumns +
                          u" FROM items INDEXED BY sqlite_autoindex_items_1 WHERE id IN ("_s +
                          sql::marks(batch.size()) + u") AND "_s + where,
                      binds)) {
            setSqlError(QCoreApplication::translate("LocalStore", "Listing items"), q);
            return {};
        }
        for (ItemSummary &s : readSummaries(q))
            found.insert(s.id, std::move(s));
    }
    QList<ItemSummary> out;
    out.reserve(found.size());
    for (const QString &id : ids) {
        if (auto it = found.constFind(id); it != found.cend())
            out.append(*it);
    }
    return out;
}

int LocalStore::count(const ItemFilter &filter)
{
    if (!requireOpen())
        return -1;
    QVariantList binds;
    const QString where = whereOf(filter, &binds);
    QSqlQuery q(database());
    if (!sql::run(q, u"SELECT count(*) FROM items WHERE "_s + where, binds) || !q.next()) {
        setSqlError(QCoreApplication::translate("LocalStore", "Counting items"), q);
        return -1;
    }
    return q.value(0).toInt();
}

} // namespace baosong
