// The server store's index of the public site (schema 7, issue #16; SiteRenderer keeps it): what is
// live, where it is listed and under which numbers, so that a publication reads only the rows of the
// pages it changes — with indexed queries whose cost does not grow with the site.
#include "ServerStoreInternal.h"

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ServerStore", text);
}

// Rows of (item_id, number, column_id, published_at, revised_at, title, unit_id, interpretation_id).
QList<SiteEntry> readEntries(QSqlQuery &q)
{
    QList<SiteEntry> out;
    while (q.next()) {
        SiteEntry e;
        e.itemId = q.value(0).toString();
        e.number = q.value(1).toLongLong();
        e.columnId = q.value(2).toString();
        e.publishedAt = parseTime(q.value(3));
        e.revisedAt = parseTime(q.value(4));
        e.title = q.value(5).toString();
        e.unitId = q.value(6).toString();
        e.interpretationId = q.value(7).toString();
        out.append(std::move(e));
    }
    return out;
}

const QString kEntryColumns =
    u"e.item_id, %1, e.column_id, e.published_at, e.revised_at, e.title, e.unit_id, e.interpretation_id"_s;

} // namespace

bool ServerStore::indexSiteEntry(const SiteEntry &entry, const QStringList &listedIn,
                                 const QList<QByteArray> &blobs)
{
    clearError();
    return write([&] {
        Query q(*this);
        const QString what = tr("Indexing %1 for the site").arg(entry.itemId);
        if (!run(q,
                 u"INSERT INTO site_entries (item_id, column_id, published_at, revised_at, title, unit_id, "
                 u"interpretation_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET "
                 u"column_id = excluded.column_id, published_at = excluded.published_at, "
                 u"revised_at = excluded.revised_at, title = excluded.title, unit_id = excluded.unit_id, "
                 u"interpretation_id = excluded.interpretation_id"_s,
                 {entry.itemId, text(entry.columnId), isoUtc(entry.publishedAt),
                  optionalTime(entry.revisedAt), text(entry.title), text(entry.unitId),
                  text(entry.interpretationId)}))
            return failed(what, q.lastError());
        // Listings: the columns it left lose it (their numbers stay with the others), the new ones get
        // it unnumbered, the ones it stays in keep its number (its page keeps it).
        QStringList have;
        if (!run(q, u"SELECT column_id FROM site_listing WHERE item_id = ?"_s, {entry.itemId}))
            return failed(what, q.lastError());
        while (q.next())
            have.append(q.value(0).toString());
        q.finish();
        for (const QString &column : std::as_const(have)) {
            if (!listedIn.contains(column) &&
                !run(q, u"DELETE FROM site_listing WHERE column_id = ? AND item_id = ?"_s,
                     {column, entry.itemId}))
                return failed(what, q.lastError());
        }
        for (const QString &column : listedIn) {
            const bool known = have.contains(column);
            if (!run(q,
                     known
                         ? u"UPDATE site_listing SET published_at = ? WHERE column_id = ? AND item_id = ?"_s
                         : u"INSERT INTO site_listing (published_at, column_id, item_id) VALUES (?, ?, ?)"_s,
                     {isoUtc(entry.publishedAt), column, entry.itemId}))
                return failed(what, q.lastError());
        }
        if (!run(q, u"DELETE FROM site_blobs WHERE item_id = ?"_s, {entry.itemId}))
            return failed(what, q.lastError());
        for (const QByteArray &hex : blobs) {
            if (!run(q,
                     u"INSERT INTO site_blobs (sha256, item_id) VALUES (?, ?) ON CONFLICT (sha256, item_id) "
                     u"DO NOTHING"_s,
                     {QString::fromLatin1(hex), entry.itemId}))
                return failed(what, q.lastError());
        }
        return true;
    });
}

bool ServerStore::unindexSiteEntry(const QString &itemId)
{
    clearError();
    return write([&] {
        Query q(*this);
        for (const QString &table : {u"site_entries"_s, u"site_listing"_s, u"site_blobs"_s}) {
            if (!run(q, u"DELETE FROM "_s + table + u" WHERE item_id = ?"_s, {itemId}))
                return failed(tr("Removing %1 from the site's index").arg(itemId), q.lastError());
        }
        return true;
    });
}

bool ServerStore::numberSiteEntries()
{
    clearError();
    return write([&] {
        // Rows are read whole before the updates: PostgreSQL's driver streams a forward-only result,
        // which another statement on the connection would cut short.
        Query q(*this);
        const QString what = tr("Numbering the site's pages");
        // The site's entries (the sitemap files).
        if (!run(q, u"SELECT MAX(site_seq) FROM site_entries"_s) || !q.next())
            return failed(what, q.lastError());
        qint64 next = q.value(0).toLongLong() + 1;
        q.finish();
        if (!run(q,
                 u"SELECT item_id FROM site_entries WHERE site_seq IS NULL ORDER BY published_at, item_id"_s))
            return failed(what, q.lastError());
        QStringList entries;
        while (q.next())
            entries.append(q.value(0).toString());
        q.finish();
        for (const QString &itemId : std::as_const(entries)) {
            if (!run(q, u"UPDATE site_entries SET site_seq = ? WHERE item_id = ?"_s, {next++, itemId}))
                return failed(what, q.lastError());
        }
        // The columns' listings.
        if (!run(q, u"SELECT column_id, item_id FROM site_listing WHERE listing_seq IS NULL "
                    u"ORDER BY column_id, published_at, item_id"_s))
            return failed(what, q.lastError());
        QList<std::pair<QString, QString>> listings;
        while (q.next())
            listings.append({q.value(0).toString(), q.value(1).toString()});
        q.finish();
        QString column;
        for (const auto &[columnId, itemId] : std::as_const(listings)) {
            if (columnId != column) {
                column = columnId;
                if (!run(q, u"SELECT MAX(listing_seq) FROM site_listing WHERE column_id = ?"_s, {column}) ||
                    !q.next())
                    return failed(what, q.lastError());
                next = q.value(0).toLongLong() + 1;
                q.finish();
            }
            if (!run(q, u"UPDATE site_listing SET listing_seq = ? WHERE column_id = ? AND item_id = ?"_s,
                     {next++, column, itemId}))
                return failed(what, q.lastError());
        }
        return true;
    });
}

std::optional<SiteEntry> ServerStore::siteEntry(const QString &itemId)
{
    clearError();
    Query q(*this);
    if (!run(q,
             u"SELECT "_s + kEntryColumns.arg(u"e.site_seq"_s) +
                 u" FROM site_entries e WHERE e.item_id = ?"_s,
             {itemId})) {
        failed(tr("Reading the site's index"), q.lastError());
        return std::nullopt;
    }
    QList<SiteEntry> entries = readEntries(q);
    if (entries.isEmpty())
        return std::nullopt;
    return entries.takeFirst();
}

QHash<QString, qint64> ServerStore::siteListingsOf(const QString &itemId)
{
    clearError();
    QHash<QString, qint64> out;
    Query q(*this);
    if (!run(q, u"SELECT column_id, listing_seq FROM site_listing WHERE item_id = ?"_s, {itemId})) {
        failed(tr("Reading the site's index"), q.lastError());
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

QList<SiteEntry> ServerStore::siteNewest(const QString &columnId, int limit)
{
    clearError();
    Query q(*this);
    const bool ok =
        columnId.isEmpty()
            ? run(q,
                  u"SELECT "_s + kEntryColumns.arg(u"e.site_seq"_s) +
                      u" FROM site_entries e WHERE e.site_seq IS NOT NULL ORDER BY e.site_seq DESC LIMIT ?"_s,
                  {limit})
            : run(q,
                  u"SELECT "_s + kEntryColumns.arg(u"l.listing_seq"_s) +
                      u" FROM site_listing l JOIN site_entries e ON e.item_id = l.item_id "
                      u"WHERE l.column_id = ? AND l.listing_seq IS NOT NULL ORDER BY l.listing_seq DESC LIMIT ?"_s,
                  {columnId, limit});
    if (!ok) {
        failed(tr("Reading the site's index"), q.lastError());
        return {};
    }
    return readEntries(q);
}

QList<SiteEntry> ServerStore::siteListing(const QString &columnId, qint64 from, qint64 to)
{
    clearError();
    Query q(*this);
    if (!run(q,
             u"SELECT "_s + kEntryColumns.arg(u"l.listing_seq"_s) +
                 u" FROM site_listing l JOIN site_entries e ON e.item_id = l.item_id "
                 u"WHERE l.column_id = ? AND l.listing_seq BETWEEN ? AND ? ORDER BY l.listing_seq DESC"_s,
             {columnId, from, to})) {
        failed(tr("Reading the site's index"), q.lastError());
        return {};
    }
    return readEntries(q);
}

qint64 ServerStore::siteListingEnd(const QString &columnId)
{
    clearError();
    Query q(*this);
    const bool ok =
        columnId.isEmpty()
            ? run(q, u"SELECT MAX(site_seq) FROM site_entries"_s)
            : run(q, u"SELECT MAX(listing_seq) FROM site_listing WHERE column_id = ?"_s, {columnId});
    if (!ok || !q.next()) {
        failed(tr("Reading the site's index"), q.lastError());
        return -1;
    }
    return q.value(0).toLongLong();
}

QList<SiteEntry> ServerStore::siteEntriesNumbered(qint64 from, qint64 to)
{
    clearError();
    Query q(*this);
    if (!run(q,
             u"SELECT "_s + kEntryColumns.arg(u"e.site_seq"_s) +
                 u" FROM site_entries e WHERE e.site_seq BETWEEN ? AND ? ORDER BY e.site_seq"_s,
             {from, to})) {
        failed(tr("Reading the site's index"), q.lastError());
        return {};
    }
    return readEntries(q);
}

QStringList ServerStore::siteEntriesLinkingTo(const QString &itemId)
{
    clearError();
    QStringList out;
    if (itemId.isEmpty())
        return out;
    Query q(*this);
    if (!run(q, u"SELECT item_id FROM site_entries WHERE interpretation_id = ?"_s, {itemId})) {
        failed(tr("Reading the site's index"), q.lastError());
        return out;
    }
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QSet<QByteArray> ServerStore::liveSiteBlobs(const QList<QByteArray> &hexes)
{
    clearError();
    QSet<QByteArray> out;
    constexpr qsizetype kBatch = 500;
    for (qsizetype from = 0; from < hexes.size(); from += kBatch) {
        const QList<QByteArray> batch = hexes.mid(from, kBatch);
        QVariantList values;
        for (const QByteArray &hex : batch)
            values.append(QString::fromLatin1(hex));
        Query q(*this);
        if (!run(q,
                 u"SELECT DISTINCT sha256 FROM site_blobs WHERE sha256 IN ("_s + marks(batch.size()) + u')',
                 values)) {
            failed(tr("Reading the site's index"), q.lastError());
            return {};
        }
        while (q.next())
            out.insert(q.value(0).toString().toLatin1());
    }
    return out;
}

bool ServerStore::pruneSiteIndex()
{
    clearError();
    return write([&] {
        Query q(*this);
        for (const QString &table : {u"site_entries"_s, u"site_listing"_s, u"site_blobs"_s}) {
            if (!run(q, u"DELETE FROM "_s + table + u" WHERE item_id NOT IN (SELECT id FROM items)"_s))
                return failed(tr("Pruning the site's index"), q.lastError());
        }
        return true;
    });
}

bool ServerStore::addSitePagesDue(const QList<std::pair<QString, QString>> &pages)
{
    clearError();
    return write([&] {
        Query q(*this);
        for (const auto &[kind, key] : pages) {
            if (!run(q,
                     u"INSERT INTO site_pages_due (kind, page_key) VALUES (?, ?) "
                     u"ON CONFLICT (kind, page_key) DO NOTHING"_s,
                     {kind, text(key)}))
                return failed(tr("Recording the site's pages to write"), q.lastError());
        }
        return true;
    });
}

QList<std::pair<QString, QString>> ServerStore::sitePagesDue()
{
    clearError();
    QList<std::pair<QString, QString>> out;
    Query q(*this);
    if (!run(q, u"SELECT kind, page_key FROM site_pages_due ORDER BY kind, page_key"_s)) {
        failed(tr("Reading the site's pages to write"), q.lastError());
        return out;
    }
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

bool ServerStore::clearSitePagesDue(const QList<std::pair<QString, QString>> &pages)
{
    clearError();
    return write([&] {
        Query q(*this);
        for (const auto &[kind, key] : pages) {
            if (!run(q, u"DELETE FROM site_pages_due WHERE kind = ? AND page_key = ?"_s, {kind, text(key)}))
                return failed(tr("Recording the site's pages written"), q.lastError());
        }
        return true;
    });
}

bool ServerStore::forEachItem(int batch, const std::function<bool(QList<Item> &)> &each)
{
    clearError();
    qint64 after = -1;
    for (;;) {
        Query q(*this);
        if (!run(q, u"SELECT id, data, seq FROM items WHERE seq > ? ORDER BY seq LIMIT ?"_s, {after, batch}))
            return failed(tr("Listing items"), q.lastError());
        qint64 last = after;
        QList<Item> items;
        while (q.next()) {
            last = q.value(2).toLongLong();
            QString error;
            if (std::optional<Item> item = parseData<Item>(q.value(1).toString(), &error)) {
                items.append(std::move(*item));
            } else {
                // Named in lastError(); the others still go on.
                qCWarning(lcServerStore) << "unreadable row" << q.value(0).toString() << error;
                setError(tr("Item %1 can't be read: %2").arg(q.value(0).toString(), error));
            }
        }
        q.finish();
        if (last == after)
            return true;
        after = last;
        if (!items.isEmpty() && !each(items))
            return true;
    }
}

} // namespace baosong::server
