#include "SiteRenderer.h"

#include "ColumnChange.h"

#include "SiteParts.h"

#include "ServerBlobStore.h"

#include "HtmlSanitizer.h"
#include "HtmlText.h"
#include "ServerStore.h"
#include "SiteSearch.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSet>
#include <QThread>
#include <QTimeZone>
#include <QUrl>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong::server {

using namespace site;

Q_LOGGING_CATEGORY(lcSite, "baosong.server.site")

namespace {

QMutex g_renderMutex;
QMutex g_registryMutex;
QHash<ServerStore *, SiteRenderer *> g_renderers;
std::atomic<int> g_batches{0};
// How many jobs one render takes at most (the rest goes in the next one).
constexpr int kRenderBatch = 2000;

} // namespace

// ---- what the site shows ----------------------------------------------------------------------------

// The meta key that says the site's index was built from the store (by republishAll), and the layout
// it was built for: "7" (schema 7's index), "21" (#21: the 关怀版 under care/, columns listed by
// core's rule, the fixed pages). A site built for an older layout is rebuilt once at the next start.
const QString kSiteIndexBuilt = u"site_index_built"_s;
const QString kSiteLayout = u"21"_s;

SiteRenderer::SiteRenderer(SiteConfig config, ServerStore &store)
    : m_config(std::move(config))
    , m_store(store)
    , m_search(m_config.searchIndex.isEmpty() ? nullptr : std::make_unique<SiteSearch>(m_config.searchIndex))
{}

// ---- paths ----------------------------------------------------------------------------------------------

QString SiteRenderer::fileId(const QString &id)
{
    static const QRegularExpression safe(u"^[A-Za-z0-9_-]{1,64}$"_s);
    if (safe.match(id).hasMatch())
        return id;
    return u"x"_s +
           QString::fromLatin1(QCryptographicHash::hash(id.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString SiteRenderer::itemPath(const QString &itemId)
{
    return u"items/"_s + fileId(itemId) + u".html"_s;
}

QString SiteRenderer::columnPath(const QString &columnId, int page)
{
    return u"columns/"_s + fileId(columnId) + (page <= 0 ? u"/index.html"_s : u"/%1.html"_s.arg(page));
}

qint64 SiteRenderer::listingPage(qint64 number, int pageSize)
{
    return number <= 0 ? 0 : (number - 1) / std::max(1, pageSize) + 1;
}

QString SiteRenderer::columnFeedPath(const QString &columnId)
{
    return u"columns/"_s + fileId(columnId) + u"/feed.xml"_s;
}

QString SiteRenderer::attachmentPath(const Attachment &attachment)
{
    return u"attachments/"_s + QString::fromLatin1(attachment.sha256.toHex()) + u'/' +
           QString::fromLatin1(QUrl::toPercentEncoding(attachment.fileName));
}

QString SiteConfig::baseUrl() const
{
    QString u = url.trimmed();
    if (u.isEmpty())
        u = u"https://%1:%2/"_s.arg(address.contains(u':') ? u'[' + address + u']' : address).arg(port);
    if (!u.endsWith(u'/'))
        u += u'/';
    return u;
}

QString SiteConfig::domain() const
{
    return QUrl(baseUrl()).host();
}

// ---- publication -------------------------------------------------------------------------------------

bool SiteRenderer::affectsSite(const Item &before, const Item &after)
{
    if (before.isLive() != after.isLive())
        return true;
    if (after.isLive() && before.liveRevision != after.liveRevision)
        return true;
    return after.state == WorkflowState::Retracted && before.state != WorkflowState::Retracted &&
           after.liveRevision > 0;
}

QString SiteRenderer::liveColumn(const Item &item)
{
    const Revision *r = item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
    return r ? r->content.columnId : QString();
}

SiteRenderer::~SiteRenderer()
{
    stopWorker();
}

void SiteRenderer::attach(ServerStore *store, SiteRenderer *renderer)
{
    {
        QMutexLocker lock(&g_registryMutex);
        g_renderers.insert(store, renderer);
    }
    renderer->startWorker();
}

void SiteRenderer::detach(ServerStore *store)
{
    SiteRenderer *renderer = nullptr;
    {
        QMutexLocker lock(&g_registryMutex);
        renderer = g_renderers.take(store);
    }
    if (renderer)
        renderer->stopWorker(); // after the render under way
}

void SiteRenderer::notify(ServerStore &store)
{
    QMutexLocker lock(&g_registryMutex);
    if (SiteRenderer *renderer = g_renderers.value(&store))
        renderer->wake();
}

bool SiteRenderer::waitIdle(ServerStore &store, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    do {
        bool busy = false;
        bool attached = false;
        {
            QMutexLocker lock(&g_registryMutex);
            if (SiteRenderer *renderer = g_renderers.value(&store)) {
                attached = true;
                busy = renderer->m_busy.load();
            }
        }
        const RenderQueueStatus status = store.renderQueueStatus();
        if (!busy && status.queued == 0)
            return true;
        if (!attached)
            return false; // nobody renders
        if (status.failing > 0 && !busy)
            return false;
        QThread::msleep(5);
    } while (timer.elapsed() < timeoutMs);
    return false;
}

int SiteRenderer::batchesRendered()
{
    return g_batches.load();
}

void SiteRenderer::startWorker()
{
    if (m_worker.joinable())
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = false;
        m_woken = true; // what a killed server left queued is rendered first
    }
    m_worker = std::thread([this] { work(); });
}

void SiteRenderer::stopWorker()
{
    if (!m_worker.joinable())
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wakeCondition.notify_all();
    m_worker.join();
}

void SiteRenderer::wake()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_woken = true;
    }
    m_wakeCondition.notify_all();
}

void SiteRenderer::work()
{
    // Without a wake-up: a look once a minute (jobs queued by another server process sharing the
    // database), or at the next retry of a failed render.
    auto wait = std::chrono::milliseconds(60000);
    for (;;) {
        {
            std::unique_lock lock(m_wakeMutex);
            m_wakeCondition.wait_for(lock, wait, [this] { return m_woken || m_stopping; });
            if (m_stopping)
                return;
            m_woken = false;
            m_busy = true;
        }
        wait = std::chrono::milliseconds(60000);
        if (const Report built = ensureIndexed(); !built.ok())
            qCWarning(lcSite) << "the site could not be rebuilt:" << built.error;
        for (;;) {
            const QList<RenderJob> jobs = m_store.dueRenderJobs(kRenderBatch);
            if (jobs.isEmpty())
                break;
            const Report report = renderJobs(jobs);
            ++g_batches;
            if (report.ok()) {
                if (!m_store.finishRenderJobs(jobs))
                    qCWarning(lcSite) << "the render queue could not be updated:" << m_store.lastError();
                continue;
            }
            int attempts = 0;
            for (const RenderJob &job : jobs)
                attempts = std::max(attempts, job.attempts + 1);
            const qint64 delayMs = std::min<qint64>(qint64(1000) << std::min(attempts - 1, 20), 300000);
            qCWarning(lcSite) << "the site was not updated for" << jobs.size() << "item(s):" << report.error
                              << "- tried again in" << delayMs / 1000 << "s";
            m_store.retryRenderJobs(jobs, report.error, QDateTime::currentDateTimeUtc().addMSecs(delayMs));
            break;
        }
        const RenderQueueStatus status = m_store.renderQueueStatus();
        if (status.nextAttempt.isValid())
            wait = std::chrono::milliseconds(std::clamp<qint64>(
                QDateTime::currentDateTimeUtc().msecsTo(status.nextAttempt) + 10, 10, 60000));
        m_busy = false;
    }
}

bool SiteRenderer::drainQueue(QString *error)
{
    if (const Report built = ensureIndexed(); !built.ok()) {
        *error = built.error;
        return false;
    }
    for (;;) {
        const QList<RenderJob> jobs = m_store.dueRenderJobs(kRenderBatch);
        if (!m_store.lastError().isEmpty()) {
            *error = m_store.lastError();
            return false;
        }
        if (jobs.isEmpty())
            return true;
        const Report report = renderJobs(jobs);
        if (!report.ok()) {
            m_store.retryRenderJobs(jobs, report.error, QDateTime::currentDateTimeUtc().addSecs(1));
            *error = report.error;
            return false;
        }
        if (!m_store.finishRenderJobs(jobs)) {
            *error = m_store.lastError();
            return false;
        }
    }
}

bool SiteRenderer::load(Snapshot *s, QString *error)
{
    if (!s->templates.load(m_config.templatesFolder, error))
        return false;
    s->organizationName = m_store.meta(u"organization_name"_s);
    s->columns = m_store.columns();
    for (qsizetype i = 0; i < s->columns.size(); ++i)
        s->columnIndex.insert(s->columns.at(i).id, i);
    for (const Unit &u : m_store.units())
        s->units.insert(u.id, u);
    if (!m_store.lastError().isEmpty()) {
        *error = m_store.lastError();
        return false;
    }
    return true;
}

namespace {

using Due = std::pair<QString, QString>;  // a page still to write: (kind, key)
const QString kDueItem = u"item"_s;       // key: the item id
const QString kDueColumn = u"column"_s;   // key: the column id (its index, newest pages and feed)
const QString kDuePage = u"page"_s;       // key: "<column id> <page number>"
const QString kDueSitemap = u"sitemap"_s; // key: the number of a sitemap file of items
// The columns the site lists changed (#21.1): every page of a column (key: its id; a sub-column came
// or went) or every page of the site (kind kDueAll, key empty: the top navigation changed).
const QString kDueColumnAll = u"column_all"_s;
const QString kDueAll = u"all"_s;
// The meta key holding the ids of the columns the site listed at its last render, sorted, joined by
// a line feed.
const QString kShownColumns = u"site_shown_columns"_s;

const Revision *liveRevisionOf(const Item &item)
{
    return item.isLive() && item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
}

// The item's entry as the site lists it (its numbers are the store's).
SiteEntry entryOf(const Item &item, const Revision &live)
{
    SiteEntry e;
    e.itemId = item.id;
    e.columnId = live.content.columnId;
    e.title = live.content.title;
    e.unitId = item.unitId;
    e.interpretationId = live.content.interpretationItemId;
    e.publishedAt = item.publishedAt.isValid() ? item.publishedAt : live.createdAt;
    QDateTime approved;
    for (const Decision &d : item.decisions) {
        if (d.type == DecisionType::Approve && d.revision == item.liveRevision && d.at > approved)
            approved = d.at;
    }
    if (approved.isValid() && approved > e.publishedAt)
        e.revisedAt = approved;
    return e;
}

QList<QByteArray> blobsOf(const Revision &r)
{
    QList<QByteArray> out;
    for (const Attachment &a : r.content.attachments) {
        if (a.sha256.size() == 32 && !out.contains(a.sha256.toHex()))
            out.append(a.sha256.toHex());
    }
    return out;
}

QString pageKey(const QString &columnId, qint64 page)
{
    return columnId + u' ' + QString::number(page);
}

qint64 pagesOf(qint64 end, int size)
{
    return SiteRenderer::listingPage(end, size);
}

QString shownKey(const QSet<QString> &shown)
{
    QStringList ids(shown.cbegin(), shown.cend());
    ids.sort();
    return ids.join(u'\n');
}

} // namespace

// The columns the site lists, from the site's index as it stands (one indexed row per column).
bool SiteRenderer::computeShown(Snapshot &s)
{
    QSet<QString> withContent;
    for (const Column &c : std::as_const(s.columns)) {
        if (!m_store.siteNewest(c.id, 1).isEmpty())
            withContent.insert(c.id);
    }
    s.shown = shownColumnIds(s.columns, withContent);
    return m_store.lastError().isEmpty();
}

// Brings the site's index up to date with `items` (in the caller's Transaction) and records the
// pages that change: theirs, the pages of the columns they leave and join, the sitemap files.
bool SiteRenderer::indexItems(Snapshot &s, const QList<Item> &items, const QStringList &missing,
                              QList<std::pair<QString, QString>> *due)
{
    QSet<Due> seen(due->cbegin(), due->cend());
    const auto add = [&](const QString &kind, const QString &key) {
        if (!seen.contains(Due{kind, key})) {
            seen.insert(Due{kind, key});
            due->append({kind, key});
        }
    };
    const auto before = [&](const QString &itemId) {
        for (const auto &[column, number] : m_store.siteListingsOf(itemId).asKeyValueRange()) {
            add(kDueColumn, column);
            add(kDuePage, pageKey(column, listingPage(number, m_config.pageSize)));
        }
        if (const std::optional<SiteEntry> old = m_store.siteEntry(itemId)) {
            add(kDueSitemap, QString::number(pagesOf(old->number, sitemapUrls())));
            if (!old->interpretationId.isEmpty())
                add(kDueItem, old->interpretationId); // its page links back to this one (Art. 10)
        }
        for (const QString &linking : m_store.siteEntriesLinkingTo(itemId))
            add(kDueItem, linking); // its page names this one as its interpretation
        add(kDueItem, itemId);
        return m_store.lastError().isEmpty();
    };
    for (const QString &id : missing) {
        if (!before(id) || !m_store.unindexSiteEntry(id))
            return false;
    }
    for (const Item &item : items) {
        if (!before(item.id))
            return false;
        const Revision *live = liveRevisionOf(item);
        if (!live) {
            if (!m_store.unindexSiteEntry(item.id))
                return false;
            continue;
        }
        QStringList listedIn;
        for (const Column *c : s.path(live->content.columnId))
            listedIn.append(c->id);
        if (!m_store.indexSiteEntry(entryOf(item, *live), listedIn, blobsOf(*live)))
            return false;
    }
    if (!m_store.numberSiteEntries())
        return false;
    for (const Item &item : items) {
        if (!liveRevisionOf(item))
            continue;
        for (const auto &[column, number] : m_store.siteListingsOf(item.id).asKeyValueRange()) {
            add(kDueColumn, column);
            add(kDuePage, pageKey(column, listingPage(number, m_config.pageSize)));
        }
        if (const std::optional<SiteEntry> now = m_store.siteEntry(item.id)) {
            add(kDueSitemap, QString::number(pagesOf(now->number, sitemapUrls())));
            if (!now->interpretationId.isEmpty())
                add(kDueItem, now->interpretationId); // its page links back to this one (Art. 10)
        }
        // The pages that link to it were added by before(): numbering changes no link.
    }
    // A column came onto the site or left it: the pages that show it follow. Every page carries the
    // top navigation, so a change of the top-level columns rewrites every page (rare: a column's
    // first publication or its last retraction); a sub-column's change, its parent's pages.
    Snapshot &shown = s;
    if (!computeShown(shown))
        return false;
    const QString previous = m_store.meta(kShownColumns);
    const QString now = shownKey(shown.shown);
    if (previous != now) {
        const QStringList was = previous.split(u'\n', Qt::SkipEmptyParts);
        const QSet<QString> old(was.cbegin(), was.cend());
        bool top = false;
        for (const Column &c : std::as_const(s.columns)) {
            if (old.contains(c.id) == shown.shown.contains(c.id))
                continue;
            if (c.parentId.isEmpty())
                top = true;
            else
                add(kDueColumnAll, c.parentId);
        }
        if (top)
            add(kDueAll, QString());
        if (!m_store.setMeta(kShownColumns, now))
            return false;
    }
    return m_store.lastError().isEmpty() && m_store.addSitePagesDue(*due);
}

QString SiteRenderer::siteJobKey()
{
    return u"#site"_s; // item ids are UUIDs: never this
}

bool SiteRenderer::queueColumnChange(ServerStore &store, const QList<Column> &columnsBefore,
                                     const Column *before, const Column &after)
{
    if (!ColumnChange::showsOnSite(before, after))
        return true;
    QList<Due> due;
    const auto pathOf = [](const QList<Column> &columns, const QString &columnId) {
        QStringList out;
        for (QString at = columnId; !at.isEmpty() && out.size() < 64 && !out.contains(at);) {
            const auto it =
                std::find_if(columns.cbegin(), columns.cend(), [&](const Column &c) { return c.id == at; });
            out.append(at);
            at = it == columns.cend() ? QString() : it->parentId;
        }
        return out;
    };
    QList<Column> columnsAfter = columnsBefore;
    if (auto it = std::find_if(columnsAfter.begin(), columnsAfter.end(),
                               [&](const Column &c) { return c.id == after.id; });
        it != columnsAfter.end())
        *it = after;
    else
        columnsAfter.append(after);
    QStringList columns = pathOf(columnsBefore, after.id);
    for (const QString &id : pathOf(columnsAfter, after.id)) {
        if (!columns.contains(id))
            columns.append(id);
    }
    for (const QString &id : std::as_const(columns))
        due.append({kDueColumn, id});
    // Its items: listed anew (a move), their pages name the column.
    for (const SiteEntry &e : store.siteListing(after.id, 1, store.siteListingEnd(after.id))) {
        if (!store.enqueueRender(e.itemId, {e.columnId}))
            return false;
    }
    const bool navigation = after.parentId.isEmpty() || (before && before->parentId.isEmpty());
    if (navigation) {
        for (const SiteEntry &e : store.siteEntriesNumbered(1, store.siteListingEnd({})))
            due.append({kDueItem, e.itemId});
        for (const Column &c : std::as_const(columnsAfter))
            due.append({kDueColumn, c.id});
    }
    return store.lastError().isEmpty() && store.addSitePagesDue(due) && store.enqueueRender(siteJobKey(), {});
}

SiteRenderer::Report SiteRenderer::renderJobs(const QList<RenderJob> &jobs)
{
    Report report;
    if (jobs.isEmpty())
        return report;
    QElapsedTimer timer;
    timer.start();
    QMutexLocker lock(&g_renderMutex);
    makePublicRoot(m_config.folder);
    Writer w(m_config.folder, report);
    if (!w.makeFolder(m_config.folder))
        return report;
    QLockFile fileLock(QDir(m_config.folder).filePath(u".baosong-render.lock"_s));
    if (!fileLock.tryLock(120000)) {
        w.fail(tr("The site folder %1 is locked by another render.").arg(m_config.folder));
        return report;
    }
    // Servers sharing a PostgreSQL database (and a site folder, perhaps on other machines, where a
    // lock file may not hold): one renderer at a time.
    if (!m_store.lockRendering(120000)) {
        w.fail(m_store.lastError().isEmpty() ? tr("Another server's render is still under way.")
                                             : m_store.lastError());
        return report;
    }
    const auto unlockRendering = qScopeGuard([this] { m_store.unlockRendering(); });
    Snapshot s;
    QString error;
    if (!load(&s, &error)) {
        w.fail(error);
        return report;
    }
    // 1. The index, and the pages that change, in one transaction: a render killed after it finds
    //    the pages still due at its next run.
    QStringList ids;
    for (const RenderJob &job : jobs) {
        if (!ids.contains(job.itemId) && job.itemId != siteJobKey())
            ids.append(job.itemId);
    }
    const QList<Item> items = m_store.items(ids);
    if (!m_store.lastError().isEmpty()) {
        w.fail(m_store.lastError());
        return report;
    }
    QStringList missing = ids;
    for (const Item &item : items)
        missing.removeAll(item.id);
    {
        QList<Due> due;
        for (const RenderJob &job : jobs) {
            for (const QString &column : job.columnIds) {
                for (const Column *c : s.path(column))
                    due.append({kDueColumn, c->id}); // where it was listed before (a move, a retraction)
            }
        }
        ServerStore::Transaction t(m_store);
        if (!t.ok() || !indexItems(s, items, missing, &due) || !t.commit()) {
            w.fail(m_store.lastError().isEmpty() ? tr("The site's index cannot be updated.")
                                                 : m_store.lastError());
            return report;
        }
    }
    if (QString searchError; !updateSearch(items, missing, &searchError)) {
        w.fail(searchError);
        return report;
    }
    // 2. The pages due (these and any a killed render left).
    const QList<Due> due = m_store.sitePagesDue();
    if (!m_store.lastError().isEmpty()) {
        w.fail(m_store.lastError());
        return report;
    }
    renderDue(s, due, w);
    w.sync(m_config.attachmentsFolder);
    if (report.ok() && !m_store.clearSitePagesDue(due))
        w.fail(m_store.lastError());
    qCInfo(lcSite) << jobs.size() << "item(s) on the site:" << report.written.size() << "files written,"
                   << report.removed.size() << "removed," << report.unchanged << "unchanged in"
                   << timer.elapsed() << "ms";
    return report;
}

void SiteRenderer::renderDue(const Snapshot &s, const QList<std::pair<QString, QString>> &due, Writer &w)
{
    const Frame frame(s, m_config, w);
    PageWriter pages(frame, w);
    QStringList itemIds;
    QStringList columnIds;
    QHash<QString, QSet<qint64>> columnPages;
    QSet<qint64> sitemapFiles;
    QStringList wholeColumns;
    bool everything = false;
    for (const auto &[kind, key] : due) {
        if (kind == kDueAll) {
            everything = true;
        } else if (kind == kDueColumnAll) {
            if (!wholeColumns.contains(key))
                wholeColumns.append(key);
        } else if (kind == kDueItem) {
            itemIds.append(key);
        } else if (kind == kDueColumn) {
            if (!columnIds.contains(key))
                columnIds.append(key);
        } else if (kind == kDuePage) {
            const qsizetype space = key.lastIndexOf(u' ');
            columnPages[key.left(space)].insert(key.mid(space + 1).toLongLong());
        } else if (kind == kDueSitemap) {
            sitemapFiles.insert(key.toLongLong());
        }
    }
    // Items: their pages and attachments (a page no longer live is withdrawn or removed), a few hundred
    // at a time (a change of the navigation makes every page due: memory stays bounded).
    constexpr qsizetype kItemsAtOnce = 500;
    for (qsizetype from = 0; from < itemIds.size(); from += kItemsAtOnce) {
        const QStringList batch = itemIds.mid(from, kItemsAtOnce);
        QSet<QString> gone(batch.cbegin(), batch.cend());
        const QList<Item> items = m_store.items(batch);
        for (const Item &item : std::as_const(items)) {
            gone.remove(item.id);
            const Revision *live = liveRevisionOf(item);
            const std::optional<SiteEntry> entry = live ? m_store.siteEntry(item.id) : std::nullopt;
            pages.item(item, entry ? &*entry : nullptr, entry ? linksOf(item, *entry) : ItemLinks());
        }
        for (const QString &id : std::as_const(gone))
            pages.removePage(itemPath(id)); // deleted from the store (and its 关怀版)
        syncAttachments(items);
    }
    if (everything) {
        // The top navigation changed: every page that carries it — each item's (live or withdrawn)
        // and each column's — is written again, a batch of items at a time. Costly (one page per
        // item ever published) but rare; the Writer leaves files whose content is unchanged alone.
        const bool read = m_store.forEachItem(500, [&](QList<Item> &batch) {
            for (const Item &item : batch) {
                if (w.touched(itemPath(item.id)))
                    continue;
                const Revision *live = liveRevisionOf(item);
                const std::optional<SiteEntry> entry = live ? m_store.siteEntry(item.id) : std::nullopt;
                pages.item(item, entry ? &*entry : nullptr, entry ? linksOf(item, *entry) : ItemLinks());
            }
            return w.ok();
        });
        if (!read && m_store.lastError().isEmpty() && w.ok())
            w.fail(tr("The site's index cannot be updated."));
        for (const Column &c : s.columns)
            writeColumn(s, frame, c.id, true, w);
    }
    for (const QString &columnId : std::as_const(wholeColumns)) {
        if (!everything)
            writeColumn(s, frame, columnId, true, w);
    }
    // Columns: the index, the newest numbered pages, the feed; and single pages that changed.
    for (const QString &columnId : std::as_const(columnIds)) {
        if (!everything && !wholeColumns.contains(columnId))
            writeColumn(s, frame, columnId, false, w);
    }
    for (auto it = columnPages.cbegin(); it != columnPages.cend(); ++it) {
        const Column *c = s.column(it.key());
        const qint64 last = c ? pagesOf(m_store.siteListingEnd(c->id), m_config.pageSize) : 0;
        for (const qint64 page : it.value()) {
            if (c && page >= 1 && page <= last && !w.touched(columnPath(c->id, int(page))))
                pages.columnPage(*c, page, last,
                                 m_store.siteListing(c->id, (page - 1) * std::max(1, m_config.pageSize) + 1,
                                                     page * std::max(1, m_config.pageSize)));
        }
    }
    writeSite(s, frame, sitemapFiles, false, w);
    if (!m_store.lastError().isEmpty())
        w.fail(m_store.lastError());
}

// A column's index page, its newest numbered pages (all of them with `everything`) and its feed.
void SiteRenderer::writeColumn(const Snapshot &s, const Frame &frame, const QString &columnId,
                               bool everything, Writer &w)
{
    const Column *c = s.column(columnId);
    if (!c)
        return;
    PageWriter pages(frame, w);
    const int size = std::max(1, m_config.pageSize);
    const qint64 end = m_store.siteListingEnd(c->id);
    if (end < 0)
        return;
    const qint64 last = pagesOf(end, size);
    pages.columnPage(*c, 0, last, m_store.siteNewest(c->id, size));
    // A publication fills the last page; when it begins one, the page before it gets its link.
    for (qint64 page = everything ? 1 : std::max<qint64>(1, last - 1); page <= last; ++page)
        pages.columnPage(*c, page, last, m_store.siteListing(c->id, (page - 1) * size + 1, page * size));
    pages.removePagesAfter(*c, last);
    const QList<SiteEntry> newest = m_store.siteNewest(c->id, std::max(1, m_config.feedItems));
    FeedWriter(frame, w).write(columnFeedPath(c->id), c->name + u" - "_s + frame.siteName, columnPath(c->id),
                               newest, itemsOf(newest));
}

// What every render writes: the home page, the site's feed, the site maps (the files of items in
// `sitemapFiles`, or all of them with `everything`).
void SiteRenderer::writeSite(const Snapshot &s, const Frame &frame, const QSet<qint64> &sitemapFiles,
                             bool everything, Writer &w)
{
    PageWriter pages(frame, w);
    QHash<QString, QList<SiteEntry>> newest;
    for (const Column *c : frame.top)
        newest.insert(c->id, m_store.siteNewest(c->id, std::max(1, m_config.homeItems)));
    pages.home(newest);
    const QList<SiteEntry> latest = m_store.siteNewest({}, std::max(1, m_config.feedItems));
    FeedWriter(frame, w).write(u"feed.xml"_s, frame.siteName, u"index.html"_s, latest, itemsOf(latest));
    pages.sitemap();
    pages.searchPage();
    pages.fixedPages();
    SitemapWriter maps(frame, w);
    maps.pages(latest.isEmpty() ? QDateTime() : latest.first().publishedAt);
    const qint64 perFile = sitemapUrls();
    const qint64 files = pagesOf(m_store.siteListingEnd({}), int(perFile));
    for (qint64 k = 1; k <= files; ++k) {
        if (everything || sitemapFiles.contains(k))
            maps.items(k, m_store.siteEntriesNumbered((k - 1) * perFile + 1, k * perFile));
    }
    maps.index(files);
    Q_UNUSED(s);
}

ItemLinks SiteRenderer::linksOf(const Item &item, const SiteEntry &entry)
{
    ItemLinks links;
    if (!entry.interpretationId.isEmpty())
        links.interpretation = m_store.siteEntry(entry.interpretationId);
    for (const QString &id : m_store.siteEntriesLinkingTo(item.id)) {
        if (std::optional<SiteEntry> document = m_store.siteEntry(id))
            links.documents.append(std::move(*document));
    }
    const Revision *live = liveRevisionOf(item);
    if (live && live->content.validity == Validity::Repealed && !live->content.replacedByItemId.isEmpty())
        links.replacement = m_store.siteEntry(live->content.replacedByItemId);
    return links;
}

QHash<QString, Item> SiteRenderer::itemsOf(const QList<SiteEntry> &entries)
{
    QStringList ids;
    for (const SiteEntry &e : entries)
        ids.append(e.itemId);
    QHash<QString, Item> out;
    for (Item &item : m_store.items(ids))
        out.insert(item.id, std::move(item));
    return out;
}

SiteRenderer::Report SiteRenderer::republishAll()
{
    Report report;
    QElapsedTimer timer;
    timer.start();
    QMutexLocker lock(&g_renderMutex);
    makePublicRoot(m_config.folder);
    Writer w(m_config.folder, report);
    if (!w.makeFolder(m_config.folder))
        return report;
    QLockFile fileLock(QDir(m_config.folder).filePath(u".baosong-render.lock"_s));
    if (!fileLock.tryLock(120000)) {
        w.fail(tr("The site folder %1 is locked by another render.").arg(m_config.folder));
        return report;
    }
    // Servers sharing a PostgreSQL database (and a site folder, perhaps on other machines, where a
    // lock file may not hold): one renderer at a time.
    if (!m_store.lockRendering(120000)) {
        w.fail(m_store.lastError().isEmpty() ? tr("Another server's render is still under way.")
                                             : m_store.lastError());
        return report;
    }
    const auto unlockRendering = qScopeGuard([this] { m_store.unlockRendering(); });
    Snapshot s;
    QString error;
    if (!load(&s, &error)) {
        w.fail(error);
        return report;
    }
    const QList<Due> dueBefore = m_store.sitePagesDue();
    if (QString searchError; m_search && !m_search->clear(&searchError)) {
        w.fail(searchError);
        return report;
    }
    // 1. The index, rebuilt from the items, a batch at a time (memory stays bounded).
    constexpr int kBatch = 500;
    const auto stop = [&] {
        if (m_store.lastError().isEmpty())
            return false;
        w.fail(m_store.lastError());
        return true;
    };
    if (!m_store.pruneSiteIndex() && stop())
        return report;
    // Items not on the site: their pages withdrawn or removed once the index is built (the live ones
    // follow, in order).
    QStringList goneIds;
    bool indexed = m_store.forEachItem(kBatch, [&](QList<Item> &batch) {
        ServerStore::Transaction t(m_store);
        if (!t.ok())
            return false;
        QList<Item> gone;
        for (const Item &item : batch) {
            const Revision *live = liveRevisionOf(item);
            QStringList listedIn;
            for (const Column *c : live ? s.path(live->content.columnId) : QList<const Column *>())
                listedIn.append(c->id);
            if (live ? !m_store.indexSiteEntry(entryOf(item, *live), listedIn, blobsOf(*live))
                     : !m_store.unindexSiteEntry(item.id))
                return false;
            if (!live) {
                goneIds.append(item.id);
                gone.append(item);
            }
        }
        if (!t.commit())
            return false;
        syncAttachments(gone);
        return report.ok();
    });
    if ((!indexed || !m_store.numberSiteEntries()) && stop())
        return report;
    if (!report.ok())
        return report;
    // The columns the site lists, for the pages below and the next render's comparison.
    if ((!computeShown(s) || !m_store.setMeta(kShownColumns, shownKey(s.shown))) && stop())
        return report;
    const Frame frame(s, m_config, w);
    PageWriter pages(frame, w);
    for (qsizetype from = 0; from < goneIds.size() && report.ok(); from += kBatch) {
        for (const Item &item : m_store.items(goneIds.mid(from, kBatch)))
            pages.item(item, nullptr, ItemLinks());
    }
    // 2. Every live item's page, attachments and search text, in the order of publication.
    const qint64 last = m_store.siteListingEnd({});
    for (qint64 from = 1; from <= last && report.ok() && m_store.lastError().isEmpty(); from += kBatch) {
        const QList<SiteEntry> entries = m_store.siteEntriesNumbered(from, from + kBatch - 1);
        QHash<QString, Item> byId = itemsOf(entries);
        QList<Item> batch;
        for (const SiteEntry &e : entries) {
            const auto item = byId.find(e.itemId);
            if (item == byId.end())
                continue;
            pages.item(*item, &e, linksOf(*item, e));
            batch.append(std::move(*item));
        }
        syncAttachments(batch);
        if (QString searchError; !updateSearch(batch, {}, &searchError))
            w.fail(searchError);
    }
    if (stop() || !report.ok())
        return report;
    // 3. Every column's pages, 4. the home page, feeds and site maps.
    for (const Column &c : s.columns)
        writeColumn(s, frame, c.id, true, w);
    writeSite(s, frame, {}, true, w);
    if (stop() || !report.ok())
        return report;
    // Generated pages that no longer belong to the site (an item restored away, a column removed).
    const QDir root(m_config.folder);
    for (const QString &folder : {u"items"_s, u"columns"_s, u"leave"_s, kCareFolder + u"items"_s,
                                  kCareFolder + u"columns"_s, kCareFolder + u"leave"_s}) {
        QDirIterator it(root.filePath(folder), {u"*.html"_s, u"feed.xml"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = root.relativeFilePath(it.next());
            if (!w.touched(relative))
                w.remove(relative);
        }
        QDirIterator dirs(root.filePath(folder), QDir::Dirs | QDir::NoDotAndDotDot);
        while (dirs.hasNext())
            QDir().rmdir(dirs.next()); // only empty ones go
    }
    w.sync(m_config.attachmentsFolder);
    if (report.ok() &&
        (!m_store.clearSitePagesDue(dueBefore) || !m_store.setMeta(kSiteIndexBuilt, kSiteLayout)))
        w.fail(m_store.lastError());
    qCInfo(lcSite) << "the whole site:" << report.written.size() << "files written," << report.removed.size()
                   << "removed," << report.unchanged << "unchanged in" << timer.elapsed() << "ms";
    return report;
}

SiteRenderer::Report SiteRenderer::ensureIndexed()
{
    const bool built = m_store.meta(kSiteIndexBuilt) == kSiteLayout;
    if (!m_store.lastError().isEmpty())
        return Report{{}, 0, {}, m_store.lastError()};
    if (built && (!m_search || QFileInfo::exists(m_search->path())))
        return {};
    qCInfo(lcSite) << "building the site's index from the store";
    return republishAll();
}

bool SiteRenderer::updateSearch(const QList<Item> &items, const QStringList &missing, QString *error)
{
    if (!m_search)
        return true;
    QList<SiteSearch::Document> documents;
    QStringList removed = missing;
    for (const Item &item : items) {
        const Revision *live = liveRevisionOf(item);
        if (!live) {
            removed.append(item.id);
            continue;
        }
        const RevisionContent &c = live->content;
        const QString html =
            HtmlSanitizer(HtmlSanitizer::policyForAttachments(c.attachments)).sanitize(c.bodyHtml);
        documents.append(
            {item.id, c.title, HtmlText::plainText(html).simplified(), entryOf(item, *live).publishedAt});
    }
    // Numbered in the order of publication: hits come newest first.
    std::sort(documents.begin(), documents.end(),
              [](const SiteSearch::Document &a, const SiteSearch::Document &b) {
                  return a.publishedAt != b.publishedAt ? a.publishedAt < b.publishedAt : a.itemId < b.itemId;
              });
    return m_search->update(documents, removed, error);
}

// ---- rendering ------------------------------------------------------------------------------------------

void SiteRenderer::syncAttachments(const QList<Item> &items) const
{
    if (m_config.blobFolder.isEmpty() || m_config.attachmentsFolder.isEmpty())
        return;
    const BlobStore blobs(m_config.blobFolder);
    const QDir target(m_config.attachmentsFolder);
    QList<QByteArray> named;
    QHash<QByteArray, QString> itemOf;
    for (const Item &item : items) {
        for (const Revision &r : item.revisions) {
            for (const QByteArray &hex : blobsOf(r)) {
                if (!itemOf.contains(hex)) {
                    named.append(hex);
                    itemOf.insert(hex, item.id);
                }
            }
        }
    }
    if (named.isEmpty())
        return;
    const QSet<QByteArray> live = m_store.liveSiteBlobs(named);
    if (!m_store.lastError().isEmpty())
        return; // nothing removed on a doubt; the caller reports the error
    for (const QByteArray &hex : std::as_const(named)) {
        const QString path = target.filePath(QString::fromLatin1(hex));
        if (!live.contains(hex)) {
            // Retracted, or only in a revision that never went live: not on the public site.
            QFile::remove(path);
            continue;
        }
        if (QFileInfo::exists(path))
            continue;
        const QString source = blobs.blobPath(hex);
        if (!QFileInfo::exists(source)) {
            qCWarning(lcSite) << "attachment" << hex << "of item" << itemOf.value(hex)
                              << "is not in the blob store";
            continue;
        }
        // Copy, then rename: a reader never sees a half-copied attachment.
        const QString part = path + u".part"_s;
        if (!makePublicRoot(target.path()))
            qCWarning(lcSite) << "the attachments folder" << target.path() << "cannot be created";
        QFile::remove(part);
        if (!QFile::copy(source, part) ||
            !QFile::setPermissions(part, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ReadGroup | QFileDevice::ReadOther) ||
            !QFile::rename(part, path)) {
            QFile::remove(part);
            qCWarning(lcSite) << "attachment" << hex << "could not be copied to" << path;
        }
    }
}

} // namespace baosong::server
