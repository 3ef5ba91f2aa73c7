#include "SiteRenderer.h"

#include "SiteParts.h"

#include "ServerBlobStore.h"

#include "HtmlSanitizer.h"
#include "HtmlText.h"
#include "ServerStore.h"

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

SiteRenderer::SiteRenderer(SiteConfig config, ServerStore &store)
    : m_config(std::move(config))
    , m_store(store)
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
    return u"columns/"_s + fileId(columnId) + (page <= 1 ? u"/index.html"_s : u"/%1.html"_s.arg(page));
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
    QStringList unitIds;
    for (const Unit &u : m_store.units()) {
        s->units.insert(u.id, u);
        unitIds.append(u.id);
    }
    if (!m_store.lastError().isEmpty()) {
        *error = m_store.lastError();
        return false;
    }
    // Every item's record is read: publication is rare, and the pages of a column list them all.
    for (Item &item : m_store.itemsOfUnitsOrAuthor(unitIds, {})) {
        if (item.liveRevision > 0 && item.revision(item.liveRevision))
            s->items.insert(item.id, std::move(item));
    }
    if (!m_store.lastError().isEmpty()) {
        *error = m_store.lastError();
        return false;
    }
    for (const Item &item : std::as_const(s->items)) {
        if (!item.isLive())
            continue;
        Snapshot::Entry e;
        e.item = &item;
        e.content = &item.revision(item.liveRevision)->content;
        e.publishedAt =
            item.publishedAt.isValid() ? item.publishedAt : item.revision(item.liveRevision)->createdAt;
        QDateTime approved;
        for (const Decision &d : item.decisions) {
            if (d.type == DecisionType::Approve && d.revision == item.liveRevision && d.at > approved)
                approved = d.at;
        }
        if (approved.isValid() && approved > e.publishedAt)
            e.revisedAt = approved;
        s->live.append(e);
    }
    std::sort(s->live.begin(), s->live.end(), [](const Snapshot::Entry &a, const Snapshot::Entry &b) {
        if (a.publishedAt != b.publishedAt)
            return a.publishedAt > b.publishedAt;
        return a.item->id < b.item->id;
    });
    for (qsizetype i = 0; i < s->live.size(); ++i) {
        s->liveIndex.insert(s->live.at(i).item->id, i);
        for (const Column *c : s->path(s->live.at(i).content->columnId))
            s->listed[c->id].append(i);
    }
    return true;
}

SiteRenderer::Report SiteRenderer::update(const Item &before, const Item &after)
{
    if (!affectsSite(before, after))
        return {};
    RenderJob job;
    job.itemId = after.id;
    if (const QString column = liveColumn(before); !column.isEmpty())
        job.columnIds = {column};
    return renderJobs({job});
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
    Snapshot s;
    QString error;
    if (!load(&s, &error)) {
        w.fail(error);
        return report;
    }
    QStringList itemIds;
    QStringList columnIds;
    const auto addColumn = [&](const QString &columnId) {
        for (const Column *c : s.path(columnId)) {
            if (!columnIds.contains(c->id))
                columnIds.append(c->id);
        }
    };
    for (const RenderJob &job : jobs) {
        if (!itemIds.contains(job.itemId))
            itemIds.append(job.itemId);
        for (const QString &column : job.columnIds)
            addColumn(column); // where it was listed before (a move, a retraction)
        if (const auto item = s.items.constFind(job.itemId); item != s.items.cend())
            addColumn(liveColumn(*item));
    }
    for (const Snapshot::Entry &e : std::as_const(s.live)) {
        if (itemIds.contains(e.content->interpretationItemId) && !itemIds.contains(e.item->id))
            itemIds.append(e.item->id); // its page links to the interpretation
    }
    render(s, itemIds, columnIds, false, w);
    qCInfo(lcSite) << jobs.size() << "item(s) on the site:" << report.written.size() << "files written,"
                   << report.removed.size() << "removed," << report.unchanged << "unchanged in"
                   << timer.elapsed() << "ms";
    return report;
}

SiteRenderer::Report SiteRenderer::republishAll()
{
    Report report;
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
    Snapshot s;
    QString error;
    if (!load(&s, &error)) {
        w.fail(error);
        return report;
    }
    render(s, s.items.keys(), {}, true, w);
    if (!report.ok())
        return report;
    // Generated pages that no longer belong to the site (an item restored away, a column removed).
    const QDir root(m_config.folder);
    for (const QString &folder : {u"items"_s, u"columns"_s}) {
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
    return report;
}

// ---- rendering ------------------------------------------------------------------------------------------

void SiteRenderer::syncAttachments(const Snapshot &s, const QStringList &itemIds) const
{
    if (m_config.blobFolder.isEmpty() || m_config.attachmentsFolder.isEmpty())
        return;
    const BlobStore blobs(m_config.blobFolder);
    const QDir target(m_config.attachmentsFolder);
    QSet<QByteArray> live;
    for (const Item &item : s.items) {
        const Revision *r = item.isLive() ? item.revision(item.liveRevision) : nullptr;
        for (const Attachment &a : r ? r->content.attachments : QList<Attachment>()) {
            if (a.sha256.size() == 32)
                live.insert(a.sha256.toHex());
        }
    }
    for (const QString &id : itemIds) {
        const auto stored = s.items.constFind(id);
        if (stored == s.items.cend())
            continue;
        for (const Revision &r : stored->revisions) {
            for (const Attachment &a : r.content.attachments) {
                if (a.sha256.size() != 32)
                    continue;
                const QByteArray hex = a.sha256.toHex();
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
                    qCWarning(lcSite) << "attachment" << hex << "of item" << id << "is not in the blob store";
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
    }
}

void SiteRenderer::render(const Snapshot &s, const QStringList &itemIds, const QStringList &columnIds,
                          bool everything, Writer &w)
{
    syncAttachments(s, itemIds);
    const Frame frame(s, m_config, w);
    PageWriter pages(frame, w);
    FeedWriter feeds(frame, w);

    pages.items(itemIds);

    // Column pages and feeds.
    QStringList columns = columnIds;
    if (everything) {
        columns.clear();
        for (const Column &c : s.columns)
            columns.append(c.id);
    }
    for (const QString &columnId : std::as_const(columns)) {
        const Column *c = s.column(columnId);
        if (!c)
            continue;
        pages.column(*c);
        feeds.write(columnFeedPath(c->id), c->name + u" - "_s + frame.siteName, columnPath(c->id),
                    s.listed.value(c->id));
    }

    // The home page, the site feed and the site maps.
    pages.home();
    QList<qsizetype> all;
    for (qsizetype i = 0; i < s.live.size(); ++i)
        all.append(i);
    feeds.write(u"feed.xml"_s, frame.siteName, u"index.html"_s, all);
    pages.sitemap();
    SitemapWriter(frame, w).write();
}

} // namespace baosong::server
