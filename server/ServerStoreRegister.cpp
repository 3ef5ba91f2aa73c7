// The server store's part of the accountability register (issue #18 point 6, schema 10): the inspection
// notices, and the audit events and site publications the register reads by time.
#include "ServerStoreInternal.h"

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerStore", text);
}

std::optional<InspectionNotice> readNotice(const QSqlQuery &q, QString *error)
{
    // Columns: id, data.
    const std::optional<QJsonObject> o = parseObject(q.value(1).toString(), error);
    InspectionNotice n;
    if (!o || !fromJson(*o, &n, error))
        return std::nullopt;
    n.id = q.value(0).toString();
    return n;
}

} // namespace

QList<InspectionNotice> ServerStore::inspectionNotices()
{
    clearError();
    QList<InspectionNotice> out;
    Query q(*this);
    if (!run(q, u"SELECT id, data FROM inspection_notices ORDER BY notice_date, id"_s)) {
        failed(tr("Reading the inspection notices"), q.lastError());
        return out;
    }
    while (q.next()) {
        QString error;
        if (std::optional<InspectionNotice> n = readNotice(q, &error)) {
            out.append(*n);
        } else {
            qCWarning(lcServerStore) << "unreadable inspection notice" << q.value(0).toString() << error;
            setError(tr("Inspection notice %1 can't be read: %2").arg(q.value(0).toString(), error));
        }
    }
    return out;
}

std::optional<InspectionNotice> ServerStore::inspectionNotice(const QString &id)
{
    clearError();
    Query q(*this);
    if (!run(q, u"SELECT id, data FROM inspection_notices WHERE id = ?"_s, {text(id)})) {
        failed(tr("Reading the inspection notices"), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    QString error;
    std::optional<InspectionNotice> n = readNotice(q, &error);
    if (!n)
        setError(tr("Inspection notice %1 can't be read: %2").arg(id, error));
    return n;
}

bool ServerStore::saveInspectionNotice(const InspectionNotice &n)
{
    clearError();
    return writeOne(
        u"INSERT INTO inspection_notices (id, notice_date, unit_id, closed, version, data, updated_at) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        u"notice_date = excluded.notice_date, unit_id = excluded.unit_id, closed = excluded.closed, "
        u"version = excluded.version, data = excluded.data, updated_at = excluded.updated_at"_s,
        {text(n.id), n.date.toString(Qt::ISODate), text(n.unitId), n.closed ? 1 : 0, n.version,
         sql::compactJson(toJson(n)), isoUtc(n.updatedAt.isValid() ? n.updatedAt : n.createdAt)},
        tr("Saving inspection notice %1").arg(n.id));
}

QList<AuditEvent> ServerStore::auditEventsOfTypes(const QStringList &types, const QDateTime &from,
                                                  const QDateTime &to)
{
    clearError();
    QList<AuditEvent> out;
    if (types.isEmpty())
        return out;
    Query q(*this);
    QVariantList values;
    for (const QString &t : types)
        values << t;
    values << isoUtc(from) << isoUtc(to);
    // Times are stored as ISO 8601 UTC text with milliseconds: their order is the text's.
    if (!run(q,
             u"SELECT "_s + kAuditColumns + u" FROM audit WHERE type IN ("_s + marks(int(types.size())) +
                 u") AND at >= ? AND at < ? ORDER BY seq"_s,
             values)) {
        failed(tr("Reading the audit log"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(readAuditEvent(q, nullptr));
    return out;
}

QHash<QString, QDateTime> ServerStore::siteLastPublishedBefore(const QDateTime &before)
{
    clearError();
    QHash<QString, QDateTime> out;
    Query q(*this);
    if (!run(
            q,
            u"SELECT column_id, MAX(published_at) FROM site_listing WHERE published_at < ? GROUP BY column_id"_s,
            {isoUtc(before)})) {
        failed(tr("Reading the site's index"), q.lastError());
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString(), parseTime(q.value(1)));
    return out;
}

} // namespace baosong::server
