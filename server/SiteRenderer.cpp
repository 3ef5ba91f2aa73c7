#include "SiteRenderer.h"

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
#include <QTimeZone>
#include <QUrl>
#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong::server {

Q_LOGGING_CATEGORY(lcSite, "baosong.server.site")

namespace {

using Values = QHash<QString, QString>;

constexpr QFileDevice::Permissions kPublicFile =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr QFileDevice::Permissions kPublicDir =
    kPublicFile | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

// China has one time zone and no daylight saving time: the site's dates are Beijing time.
QTimeZone beijing()
{
    return QTimeZone(8 * 3600);
}

QString dateText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(beijing()).toString(u"yyyy-MM-dd"_s) : QString();
}

QString minuteText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(beijing()).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

QString isoText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(beijing()).toString(Qt::ISODate) : QString();
}

QString atomDate(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

QString sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    if (bytes < 1024 * 1024)
        return u"%1 KB"_s.arg(double(bytes) / 1024.0, 0, 'f', 1);
    return u"%1 MB"_s.arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

QString rootOf(int depth)
{
    return u"../"_s.repeated(depth);
}

QString metaTag(const QString &name, const QString &content)
{
    return u"<meta name=\""_s + name + u"\" content=\""_s + content.toHtmlEscaped() + u"\">\n"_s;
}

// The templates of resources/site/ (or the configured folder's files of the same name) and a tiny
// template language: {{key}} is the value HTML-escaped, {{{key}}} the value as it is (HTML made by
// the renderer), {{#key}}…{{/key}} is kept when the value is not empty, {{^key}}…{{/key}} when it is.
class Templates
{
public:
    bool load(const QString &overrideFolder, QString *error)
    {
        static const QStringList names{u"page"_s,       u"home"_s,      u"home-column"_s, u"list-item"_s,
                                       u"nav-item"_s,   u"crumb"_s,     u"column"_s,      u"item"_s,
                                       u"attachment"_s, u"withdrawn"_s, u"sitemap"_s,     u"sitemap-node"_s};
        for (const QString &name : names) {
            const QByteArray data = read(overrideFolder, name + u".html"_s, error);
            if (!error->isEmpty())
                return false;
            m_templates.insert(name, QString::fromUtf8(data));
        }
        m_css = read(overrideFolder, u"site.css"_s, error);
        if (!error->isEmpty())
            return false;
        const QByteArray labels = read(overrideFolder, u"labels.json"_s, error);
        if (!error->isEmpty())
            return false;
        m_labels = QJsonDocument::fromJson(labels).object();
        return true;
    }

    QString render(const QString &name, const Values &values) const
    {
        return expand(m_templates.value(name), values);
    }
    QString label(const QString &key) const { return m_labels.value(key).toString(); }
    const QByteArray &css() const { return m_css; }

private:
    static QByteArray read(const QString &overrideFolder, const QString &file, QString *error)
    {
        QString path = u":/baosong/site/"_s + file;
        if (!overrideFolder.isEmpty() && QFileInfo::exists(QDir(overrideFolder).filePath(file)))
            path = QDir(overrideFolder).filePath(file);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = SiteRenderer::tr("The site template %1 cannot be read: %2").arg(path, f.errorString());
            return {};
        }
        return f.readAll();
    }

    static QString expand(QString text, const Values &values)
    {
        static const QRegularExpression section(uR"(\{\{([#^])([a-z0-9_]+)\}\}(.*?)\{\{/\2\}\})"_s,
                                                QRegularExpression::DotMatchesEverythingOption);
        for (QRegularExpressionMatch m = section.match(text); m.hasMatch(); m = section.match(text)) {
            const bool present = !values.value(m.captured(2)).isEmpty();
            const bool keep = (m.captured(1) == u"#"_s) == present;
            text.replace(m.capturedStart(), m.capturedLength(), keep ? m.captured(3) : QString());
        }
        static const QRegularExpression field(uR"(\{\{\{([a-z0-9_]+)\}\}\}|\{\{([a-z0-9_]+)\}\})"_s);
        QString out;
        out.reserve(text.size() * 2);
        qsizetype at = 0;
        for (QRegularExpressionMatchIterator it = field.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(text).mid(at, m.capturedStart() - at);
            if (!m.captured(1).isEmpty())
                out += values.value(m.captured(1));
            else
                out += values.value(m.captured(2)).toHtmlEscaped();
            at = m.capturedEnd();
        }
        out += QStringView(text).mid(at);
        return out;
    }

    QHash<QString, QString> m_templates;
    QByteArray m_css;
    QJsonObject m_labels;
};

QMutex g_renderMutex;
QMutex g_registryMutex;
QHash<ServerStore *, SiteRenderer *> g_renderers;

} // namespace

// ---- what the site shows ----------------------------------------------------------------------------

struct SiteRenderer::Snapshot
{
    struct Entry
    {
        const Item *item = nullptr;
        const RevisionContent *content = nullptr; // of the live revision
        QDateTime publishedAt;
        QDateTime revisedAt; // the approval of the live revision when it was a later change; else invalid
    };

    Templates templates;
    QList<Column> columns;
    QHash<QString, qsizetype> columnIndex;
    QHash<QString, Unit> units;
    QHash<QString, Item> items;              // every item that is or was on the site
    QList<Entry> live;                       // newest first
    QHash<QString, qsizetype> liveIndex;     // item id → index in live
    QHash<QString, QList<qsizetype>> listed; // column id → live entries of it and its sub-columns

    const Column *column(const QString &id) const
    {
        const auto it = columnIndex.constFind(id);
        return it == columnIndex.cend() ? nullptr : &columns.at(*it);
    }
    QList<const Column *> children(const QString &parentId) const
    {
        QList<const Column *> out;
        for (const Column &c : columns) {
            if (c.parentId == parentId && c.id != c.parentId)
                out.append(&c);
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Column *a, const Column *b) { return a->sortOrder < b->sortOrder; });
        return out;
    }
    // The column's ancestors from the top down, and the column itself (empty for an unknown one).
    QList<const Column *> path(const QString &columnId) const
    {
        QList<const Column *> out;
        for (const Column *c = column(columnId); c && out.size() < 64; c = column(c->parentId)) {
            if (out.contains(c))
                break;
            out.prepend(c);
        }
        return out;
    }
    const Entry *entry(const QString &itemId) const
    {
        const auto it = liveIndex.constFind(itemId);
        return it == liveIndex.cend() ? nullptr : &live.at(*it);
    }
    QString unitName(const QString &unitId) const
    {
        const auto it = units.constFind(unitId);
        return it == units.cend() ? unitId : it->name;
    }
};

// Writes files atomically into the site folder and keeps the report.
class SiteRenderer::Writer
{
public:
    Writer(const QString &folder, Report &report)
        : m_folder(folder)
        , m_report(report)
    {}

    void write(const QString &relative, const QByteArray &content)
    {
        m_touched.insert(relative);
        const QString path = QDir(m_folder).filePath(relative);
        {
            QFile existing(path);
            if (existing.size() == content.size() && existing.open(QIODevice::ReadOnly) &&
                existing.readAll() == content) {
                ++m_report.unchanged;
                return;
            }
        }
        if (!makeFolder(QFileInfo(path).absolutePath()))
            return;
        QSaveFile file(path);
        file.setDirectWriteFallback(false);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() ||
            !file.setPermissions(kPublicFile) || !file.commit()) {
            fail(SiteRenderer::tr("%1 cannot be written: %2").arg(path, file.errorString()));
            return;
        }
        m_report.written.append(relative);
    }

    void remove(const QString &relative)
    {
        const QString path = QDir(m_folder).filePath(relative);
        if (!QFileInfo(path).isFile())
            return;
        if (QFile::remove(path))
            m_report.removed.append(relative);
        else
            fail(SiteRenderer::tr("%1 cannot be removed.").arg(path));
    }

    bool touched(const QString &relative) const { return m_touched.contains(relative); }
    void fail(const QString &message)
    {
        qCWarning(lcSite) << message;
        if (m_report.error.isEmpty())
            m_report.error = message;
    }

    bool makeFolder(const QString &path)
    {
        if (QFileInfo(path).isDir())
            return true;
        if (!makeFolder(QFileInfo(path).absolutePath()))
            return false;
        if (!QDir().mkdir(path) && !QFileInfo(path).isDir()) {
            fail(SiteRenderer::tr("The folder %1 cannot be created.").arg(path));
            return false;
        }
        QFile::setPermissions(path, kPublicDir);
        return true;
    }

private:
    QString m_folder;
    Report &m_report;
    QSet<QString> m_touched;
};

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

void SiteRenderer::attach(ServerStore *store, SiteRenderer *renderer)
{
    QMutexLocker lock(&g_registryMutex);
    g_renderers.insert(store, renderer);
}

void SiteRenderer::detach(ServerStore *store)
{
    QMutexLocker lock(&g_registryMutex);
    g_renderers.remove(store);
}

void SiteRenderer::notify(ServerStore &store, const Item &before, const Item &after)
{
    if (!affectsSite(before, after))
        return;
    // Held while rendering, so that detach() waits for a render in progress.
    QMutexLocker lock(&g_registryMutex);
    SiteRenderer *renderer = g_renderers.value(&store);
    if (!renderer)
        return;
    const Report report = renderer->update(before, after);
    if (!report.ok())
        qCWarning(lcSite) << "the site was not fully updated for item" << after.id << ":" << report.error
                          << "- run `baosong-server republish`";
}

bool SiteRenderer::load(Snapshot *s, QString *error)
{
    if (!s->templates.load(m_config.templatesFolder, error))
        return false;
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
    Report report;
    if (!affectsSite(before, after))
        return report;
    QElapsedTimer timer;
    timer.start();
    QMutexLocker lock(&g_renderMutex);
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
    QStringList itemIds{after.id};
    for (const Snapshot::Entry &e : std::as_const(s.live)) {
        if (e.content->interpretationItemId == after.id)
            itemIds.append(e.item->id); // its page links to the interpretation
    }
    QStringList columnIds;
    auto addColumns = [&](const Item &item) {
        const Revision *r = item.liveRevision > 0 ? item.revision(item.liveRevision) : nullptr;
        if (!r)
            return;
        for (const Column *c : s.path(r->content.columnId)) {
            if (!columnIds.contains(c->id))
                columnIds.append(c->id);
        }
    };
    addColumns(before);
    addColumns(s.items.contains(after.id) ? s.items.value(after.id) : after);
    render(s, itemIds, columnIds, false, w);
    qCInfo(lcSite) << "item" << after.id << "on the site:" << report.written.size() << "files written,"
                   << report.removed.size() << "removed," << report.unchanged << "unchanged in"
                   << timer.elapsed() << "ms";
    return report;
}

SiteRenderer::Report SiteRenderer::republishAll()
{
    Report report;
    QMutexLocker lock(&g_renderMutex);
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
                QDir().mkpath(target.path());
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
    const Templates &t = s.templates;
    const QString siteName = m_config.name.isEmpty() ? t.label(u"default_site_name"_s) : m_config.name;
    const QString base = m_config.baseUrl();

    // The badge is copied into the folder (PNG, JPEG or GIF).
    QString badge;
    if (!m_config.badgeFile.isEmpty()) {
        const QString suffix = QFileInfo(m_config.badgeFile).suffix().toLower();
        QFile f(m_config.badgeFile);
        if (!QStringList{u"png"_s, u"jpg"_s, u"jpeg"_s, u"gif"_s}.contains(suffix)) {
            qCWarning(lcSite) << "the badge must be a PNG, JPEG or GIF file:" << m_config.badgeFile;
        } else if (!f.open(QIODevice::ReadOnly)) {
            qCWarning(lcSite) << "the badge" << m_config.badgeFile << "cannot be read:" << f.errorString();
        } else {
            badge = u"badge."_s + suffix;
            w.write(badge, f.readAll());
        }
    }
    w.write(u"site.css"_s, t.css());

    const QList<const Column *> top = s.children({});
    QString publicSecurityCode = m_config.publicSecurity;
    publicSecurityCode.remove(QRegularExpression(u"[^0-9]"_s));

    auto page = [&](int depth, const QString &title, const QString &meta, const QString &main,
                    const QString &currentTop, const QString &feed = {}, const QString &feedTitle = {}) {
        const QString root = rootOf(depth);
        QString nav;
        for (const Column *c : top)
            nav += t.render(u"nav-item"_s, {{u"href"_s, root + columnPath(c->id)},
                                            {u"name"_s, c->name},
                                            {u"current"_s, c->id == currentTop ? u"1"_s : QString()}});
        const Values v{
            {u"page_title"_s, title},
            {u"site_name"_s, siteName},
            {u"site_domain"_s, m_config.domain()},
            {u"site_code"_s, m_config.siteCode},
            {u"meta"_s, meta},
            {u"root"_s, root},
            {u"nav"_s, nav},
            {u"main"_s, main},
            {u"feed"_s, feed},
            {u"feed_title"_s, feedTitle},
            {u"organizer"_s, m_config.organizer},
            {u"contact"_s, m_config.contact},
            {u"icp"_s, m_config.icp},
            {u"public_security"_s, m_config.publicSecurity},
            {u"public_security_code"_s, publicSecurityCode},
            {u"report_error_url"_s,
             HtmlSanitizer::isAllowedLinkUrl(m_config.reportErrorUrl) ? m_config.reportErrorUrl : QString()},
            {u"badge"_s, badge},
            {u"badge_link"_s,
             HtmlSanitizer::isAllowedLinkUrl(m_config.badgeLink) ? m_config.badgeLink : QString()}};
        return t.render(u"page"_s, v).toUtf8();
    };
    auto listItem = [&](const Snapshot::Entry &e, const QString &root) {
        return t.render(u"list-item"_s, {{u"href"_s, root + itemPath(e.item->id)},
                                         {u"title"_s, e.content->title},
                                         {u"date"_s, dateText(e.publishedAt)}});
    };
    auto crumbs = [&](const QString &columnId, const QString &root) {
        QString out;
        for (const Column *c : s.path(columnId))
            out += t.render(u"crumb"_s, {{u"href"_s, root + columnPath(c->id)}, {u"name"_s, c->name}});
        return out;
    };
    auto columnMeta = [&](const Column *c) {
        if (!c)
            return QString();
        return metaTag(u"ColumnName"_s, c->name) + metaTag(u"ColumnDescription"_s, c->description) +
               metaTag(u"ColumnKeywords"_s, c->keywords.join(u',')) +
               metaTag(u"ColumnType"_s, t.label(u"column_type."_s + toString(c->type)));
    };
    auto topOf = [&](const QString &columnId) {
        const QList<const Column *> p = s.path(columnId);
        return p.isEmpty() ? QString() : p.first()->id;
    };
    // The item's body as the site shows it: sanitized, its images pointing at their downloads.
    auto body = [&](const RevisionContent &content, const QString &prefix) {
        HtmlSanitizer::Policy policy = HtmlSanitizer::policyForAttachments(content.attachments);
        const QList<Attachment> attachments = content.attachments;
        policy.imageUrl = [attachments, prefix](const QString &id) {
            for (const Attachment &a : attachments) {
                if (a.id == id && a.sha256.size() == 32)
                    return prefix + attachmentPath(a);
            }
            return QString();
        };
        return HtmlSanitizer(policy).sanitize(content.bodyHtml);
    };

    // Feeds (Atom, RFC 4287).
    auto feed = [&](const QString &path, const QString &title, const QString &alternate,
                    const QList<qsizetype> &entries) {
        QByteArray xml;
        QXmlStreamWriter x(&xml);
        x.setAutoFormatting(true);
        x.writeStartDocument();
        x.writeStartElement(u"feed"_s);
        x.writeDefaultNamespace(u"http://www.w3.org/2005/Atom"_s);
        x.writeAttribute(u"xml:lang"_s, u"zh-CN"_s);
        x.writeTextElement(u"title"_s, title);
        x.writeTextElement(u"id"_s, base + path);
        QDateTime updated = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        const qsizetype count = std::min<qsizetype>(entries.size(), std::max(1, m_config.feedItems));
        for (qsizetype i = 0; i < count; ++i) {
            const Snapshot::Entry &e = s.live.at(entries.at(i));
            updated = std::max(updated, e.revisedAt.isValid() ? e.revisedAt : e.publishedAt);
        }
        x.writeTextElement(u"updated"_s, atomDate(updated));
        x.writeEmptyElement(u"link"_s);
        x.writeAttribute(u"rel"_s, u"self"_s);
        x.writeAttribute(u"type"_s, u"application/atom+xml"_s);
        x.writeAttribute(u"href"_s, base + path);
        x.writeEmptyElement(u"link"_s);
        x.writeAttribute(u"rel"_s, u"alternate"_s);
        x.writeAttribute(u"type"_s, u"text/html"_s);
        x.writeAttribute(u"href"_s, base + alternate);
        x.writeStartElement(u"author"_s);
        x.writeTextElement(u"name"_s, siteName);
        x.writeEndElement();
        x.writeTextElement(u"generator"_s, u"Baosong"_s);
        for (qsizetype i = 0; i < count; ++i) {
            const Snapshot::Entry &e = s.live.at(entries.at(i));
            const QString html = body(*e.content, base);
            x.writeStartElement(u"entry"_s);
            x.writeTextElement(u"title"_s, e.content->title);
            x.writeTextElement(u"id"_s, base + itemPath(e.item->id));
            x.writeEmptyElement(u"link"_s);
            x.writeAttribute(u"rel"_s, u"alternate"_s);
            x.writeAttribute(u"type"_s, u"text/html"_s);
            x.writeAttribute(u"href"_s, base + itemPath(e.item->id));
            x.writeTextElement(u"published"_s, atomDate(e.publishedAt));
            x.writeTextElement(u"updated"_s, atomDate(e.revisedAt.isValid() ? e.revisedAt : e.publishedAt));
            x.writeStartElement(u"author"_s);
            x.writeTextElement(u"name"_s, s.unitName(e.item->unitId));
            x.writeEndElement();
            if (const Column *c = s.column(e.content->columnId)) {
                x.writeEmptyElement(u"category"_s);
                x.writeAttribute(u"term"_s, c->id);
                x.writeAttribute(u"label"_s, c->name);
            }
            x.writeTextElement(u"summary"_s, HtmlText::plainText(html).simplified().left(200));
            x.writeStartElement(u"content"_s);
            x.writeAttribute(u"type"_s, u"html"_s);
            x.writeCharacters(html);
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndDocument();
        w.write(path, xml);
    };

    // Item pages.
    for (const QString &id : itemIds) {
        const QString path = itemPath(id);
        const Snapshot::Entry *e = s.entry(id);
        const auto stored = s.items.constFind(id);
        if (!e) {
            if (stored != s.items.cend() && stored->state == WorkflowState::Retracted) {
                const Item &item = *stored;
                QDateTime withdrawnAt;
                for (const Decision &d : item.decisions) {
                    if (d.type == DecisionType::Approve && d.at > withdrawnAt)
                        withdrawnAt = d.at;
                }
                const QString main =
                    t.render(u"withdrawn"_s, {{u"root"_s, rootOf(1)},
                                              {u"title"_s, item.revision(item.liveRevision)->content.title},
                                              {u"withdrawn_date"_s, dateText(withdrawnAt)},
                                              {u"withdrawn_datetime"_s, isoText(withdrawnAt)},
                                              {u"pub_date"_s, dateText(item.publishedAt)},
                                              {u"pub_datetime"_s, isoText(item.publishedAt)}});
                w.write(path, page(1, t.label(u"withdrawn_title"_s) + u" - "_s + siteName,
                                   metaTag(u"robots"_s, u"noindex"_s), main, {}));
            } else {
                w.remove(path);
            }
            continue;
        }
        const Item &item = *e->item;
        const RevisionContent &c = *e->content;
        const Column *column = s.column(c.columnId);
        const QString root = rootOf(1);
        QString attachments;
        for (const Attachment &a : c.attachments) {
            attachments += t.render(
                u"attachment"_s, {{u"href"_s, a.sha256.size() == 32 ? root + attachmentPath(a) : QString()},
                                  {u"name"_s, a.fileName},
                                  {u"size"_s, sizeText(a.size)}});
        }
        const QString html = body(c, root);
        Values v{{u"root"_s, root},
                 {u"crumbs"_s, crumbs(c.columnId, root)},
                 {u"title"_s, c.title},
                 {u"pub_date"_s, dateText(e->publishedAt)},
                 {u"pub_datetime"_s, isoText(e->publishedAt)},
                 {u"revised_date"_s, dateText(e->revisedAt)},
                 {u"revised_datetime"_s, isoText(e->revisedAt)},
                 {u"source"_s, s.unitName(item.unitId)},
                 {u"body"_s, html},
                 {u"attachments"_s, attachments}};
        if (item.kind == ItemKind::Repost) {
            v.insert(u"source_site"_s, c.sourceSite);
            if (HtmlSanitizer::isAllowedLinkUrl(c.sourceUrl) &&
                HtmlSanitizer::urlScheme(c.sourceUrl) != u"mailto"_s)
                v.insert(u"source_url"_s, HtmlSanitizer::cleanUrl(c.sourceUrl));
        }
        if (item.kind == ItemKind::CollectiveDecision) {
            v.insert(u"meeting"_s, c.meeting);
            v.insert(u"meeting_date"_s, c.meetingDate.toString(Qt::ISODate));
        }
        if (item.kind == ItemKind::Disclosure) {
            v.insert(u"disclosure"_s, u"1"_s);
            v.insert(u"index_number"_s, item.indexNumber);
            v.insert(u"catalogue_entry"_s, c.catalogueEntry);
            v.insert(u"organ"_s, s.unitName(item.unitId));
            v.insert(u"info_date"_s, c.infoDate.toString(Qt::ISODate));
            v.insert(u"document_number"_s, c.documentNumber);
        }
        if (const Snapshot::Entry *interpretation = s.entry(c.interpretationItemId)) {
            v.insert(u"interpretation_href"_s, QFileInfo(itemPath(interpretation->item->id)).fileName());
            v.insert(u"interpretation_title"_s, interpretation->content->title);
        }
        const QString source =
            item.kind == ItemKind::Repost && !c.sourceSite.isEmpty() ? c.sourceSite : s.unitName(item.unitId);
        const QString meta = metaTag(u"ArticleTitle"_s, c.title) +
                             metaTag(u"PubDate"_s, minuteText(e->publishedAt)) +
                             metaTag(u"ContentSource"_s, source) +
                             metaTag(u"Keywords"_s, column ? column->keywords.join(u',') : QString()) +
                             metaTag(u"Author"_s, s.unitName(item.unitId)) +
                             metaTag(u"Description"_s, HtmlText::plainText(html).simplified().left(120)) +
                             metaTag(u"Url"_s, base + path) + columnMeta(column);
        w.write(path,
                page(1, c.title + u" - "_s + siteName, meta, t.render(u"item"_s, v), topOf(c.columnId)));
    }

    // Column pages and feeds.
    QStringList columns = columnIds;
    if (everything) {
        columns.clear();
        for (const Column &c : s.columns)
            columns.append(c.id);
    }
    const int pageSize = std::max(1, m_config.pageSize);
    for (const QString &columnId : std::as_const(columns)) {
        const Column *c = s.column(columnId);
        if (!c)
            continue;
        const QList<qsizetype> entries = s.listed.value(c->id);
        const int pages = std::max<int>(1, int((entries.size() + pageSize - 1) / pageSize));
        const QString root = rootOf(2);
        QString children;
        for (const Column *child : s.children(c->id))
            children += t.render(u"nav-item"_s,
                                 {{u"href"_s, root + columnPath(child->id)}, {u"name"_s, child->name}});
        QList<const Column *> ancestors = s.path(c->id);
        ancestors.removeLast();
        QString crumbLinks;
        for (const Column *a : std::as_const(ancestors))
            crumbLinks += t.render(u"crumb"_s, {{u"href"_s, root + columnPath(a->id)}, {u"name"_s, a->name}});
        crumbLinks += t.render(u"crumb"_s, {{u"href"_s, root + columnPath(c->id)}, {u"name"_s, c->name}});
        for (int p = 1; p <= pages; ++p) {
            QString list;
            for (qsizetype i = qsizetype(p - 1) * pageSize;
                 i < std::min<qsizetype>(entries.size(), qsizetype(p) * pageSize); ++i)
                list += listItem(s.live.at(entries.at(i)), root);
            const Values v{
                {u"root"_s, root},
                {u"crumbs"_s, crumbLinks},
                {u"name"_s, c->name},
                {u"description"_s, c->description},
                {u"children"_s, children},
                {u"items"_s, list},
                {u"page"_s, QString::number(p)},
                {u"pages"_s, pages > 1 ? QString::number(pages) : QString()},
                {u"prev_href"_s, p > 1 ? QFileInfo(columnPath(c->id, p - 1)).fileName() : QString()},
                {u"next_href"_s, p < pages ? QFileInfo(columnPath(c->id, p + 1)).fileName() : QString()}};
            const QString title =
                (p > 1 ? u"%1 (%2/%3)"_s.arg(c->name).arg(p).arg(pages) : c->name) + u" - "_s + siteName;
            w.write(columnPath(c->id, p), page(2, title, columnMeta(c), t.render(u"column"_s, v),
                                               topOf(c->id), u"feed.xml"_s, c->name));
        }
        // Pages beyond the last one (the column has fewer items now).
        const QDir dir(QDir(m_config.folder).filePath(u"columns/"_s + fileId(c->id)));
        for (const QString &name : dir.entryList({u"*.html"_s}, QDir::Files)) {
            bool numbered = false;
            const int n = QStringView(name).chopped(5).toInt(&numbered);
            if (numbered && n > pages)
                w.remove(u"columns/"_s + fileId(c->id) + u'/' + name);
        }
        feed(columnFeedPath(c->id), c->name + u" - "_s + siteName, columnPath(c->id), entries);
    }

    // The home page, the site feed and the site maps.
    QString blocks;
    for (const Column *c : top) {
        const QList<qsizetype> entries = s.listed.value(c->id);
        QString list;
        for (qsizetype i = 0; i < std::min<qsizetype>(entries.size(), std::max(1, m_config.homeItems)); ++i)
            list += listItem(s.live.at(entries.at(i)), {});
        blocks += t.render(u"home-column"_s, {{u"column_id"_s, fileId(c->id)},
                                              {u"href"_s, columnPath(c->id)},
                                              {u"name"_s, c->name},
                                              {u"items"_s, list}});
    }
    w.write(u"index.html"_s,
            page(0, siteName, metaTag(u"Description"_s, siteName),
                 t.render(u"home"_s, {{u"site_name"_s, siteName}, {u"columns"_s, blocks}}), {}));
    QList<qsizetype> all;
    for (qsizetype i = 0; i < s.live.size(); ++i)
        all.append(i);
    feed(u"feed.xml"_s, siteName, u"index.html"_s, all);

    std::function<QString(const QString &)> tree = [&](const QString &parentId) {
        QString out;
        for (const Column *c : s.children(parentId))
            out += t.render(
                u"sitemap-node"_s,
                {{u"href"_s, columnPath(c->id)}, {u"name"_s, c->name}, {u"children"_s, tree(c->id)}});
        return out;
    };
    w.write(u"sitemap.html"_s,
            page(0, t.label(u"sitemap_title"_s) + u" - "_s + siteName, {},
                 t.render(u"sitemap"_s, {{u"root"_s, QString()}, {u"tree"_s, tree({})}}), {}));
    QByteArray xml;
    {
        QXmlStreamWriter x(&xml);
        x.setAutoFormatting(true);
        x.writeStartDocument();
        x.writeStartElement(u"urlset"_s);
        x.writeDefaultNamespace(u"http://www.sitemaps.org/schemas/sitemap/0.9"_s);
        auto url = [&](const QString &path, const QDateTime &modified) {
            x.writeStartElement(u"url"_s);
            x.writeTextElement(u"loc"_s, base + path);
            if (modified.isValid())
                x.writeTextElement(u"lastmod"_s, dateText(modified));
            x.writeEndElement();
        };
        url(u"index.html"_s, s.live.isEmpty() ? QDateTime() : s.live.first().publishedAt);
        for (const Column &c : s.columns)
            url(columnPath(c.id), {});
        for (const Snapshot::Entry &e : s.live)
            url(itemPath(e.item->id), e.revisedAt.isValid() ? e.revisedAt : e.publishedAt);
        x.writeEndElement();
        x.writeEndDocument();
    }
    w.write(u"sitemap.xml"_s, xml);
}

} // namespace baosong::server
