#pragma once

#include <optional>

// What the site renderer's parts share (SiteRenderer.cpp: what to render and when; SitePages.cpp: the
// HTML pages; SiteFeeds.cpp: the Atom feeds; SiteMap.cpp: sitemap.xml): the templates, the snapshot of
// what is live, the atomic file writer and the frame every page shares. Not for other files.

#include "ColumnHealth.h"
#include "Deadline.h"
#include "HtmlSanitizer.h"
#include "SiteRenderer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace baosong::server::site {

using namespace Qt::StringLiterals;

using Values = QHash<QString, QString>;

constexpr QFileDevice::Permissions kPublicFile =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
constexpr QFileDevice::Permissions kPublicDir =
    kPublicFile | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;

// Makes `path` and its missing parents readable and enterable by everyone (the web server's account
// serves them), whatever the process's umask. False when a folder can't be made.
inline bool makePublicFolder(const QString &path)
{
    if (QFileInfo(path).isDir())
        return true;
    if (!makePublicFolder(QFileInfo(path).absolutePath()))
        return false;
    if (!QDir().mkdir(path) && !QFileInfo(path).isDir())
        return false;
    QFile::setPermissions(path, kPublicDir);
    return true;
}

// A configured public folder (the site's, its attachments'): made as above, and when it exists already
// (made by hand, or under a umask by an earlier version) given the read and enter bits for everyone it
// lacks. Its parents are left as they are (the data folder stays the server's alone).
inline bool makePublicRoot(const QString &path)
{
    if (!makePublicFolder(path))
        return false;
    const QFileDevice::Permissions have = QFileInfo(path).permissions();
    const QFileDevice::Permissions open =
        QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    if ((have & open) != open)
        QFile::setPermissions(path, have | open | QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    return true;
}

// The site's dates and times are China's (core/Deadline.h chinaTimeZone).
inline QString dateText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(chinaTimeZone()).toString(u"yyyy-MM-dd"_s) : QString();
}

inline QString minuteText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(chinaTimeZone()).toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

inline QString isoText(const QDateTime &t)
{
    return t.isValid() ? t.toTimeZone(chinaTimeZone()).toString(Qt::ISODate) : QString();
}

inline QString atomDate(const QDateTime &t)
{
    return t.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss'Z'"_s);
}

inline QString sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    if (bytes < 1024 * 1024)
        return u"%1 KB"_s.arg(double(bytes) / 1024.0, 0, 'f', 1);
    return u"%1 MB"_s.arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

inline QString rootOf(int depth)
{
    return u"../"_s.repeated(depth);
}

inline QString metaTag(const QString &name, const QString &content)
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
        static const QStringList names{u"page"_s,       u"home"_s,       u"home-column"_s, u"list-item"_s,
                                       u"nav-item"_s,   u"crumb"_s,      u"column"_s,      u"item"_s,
                                       u"attachment"_s, u"withdrawn"_s,  u"sitemap"_s,     u"sitemap-node"_s,
                                       u"search"_s,     u"search-hit"_s, u"related"_s,     u"statement"_s,
                                       u"contact"_s,    u"not-found"_s,  u"leave"_s};
        for (const QString &name : names) {
            const QByteArray data = read(overrideFolder, name + u".html"_s, error);
            if (!error->isEmpty())
                return false;
            m_templates.insert(name, QString::fromUtf8(data));
        }
        m_css = read(overrideFolder, u"site.css"_s, error);
        if (!error->isEmpty())
            return false;
        m_careCss = read(overrideFolder, u"care.css"_s, error);
        if (!error->isEmpty())
            return false;
        m_policeIcon = read(overrideFolder, u"police.svg"_s, error);
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
    const QByteArray &careCss() const { return m_careCss; }
    const QByteArray &policeIcon() const { return m_policeIcon; }

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
    QByteArray m_careCss;
    QByteArray m_policeIcon;
    QJsonObject m_labels;
};

inline constexpr QLatin1StringView kSearchMarker{"<!--baosong:search-->"};

// The 关怀版 (#21.2, the 适老化 reading mode): every HTML page is rendered once and written twice, as
// it is and under care/ with the large-type style sheet (care.css after site.css). A page is rendered
// with these marks (private-use characters, which no page text needs) where its links begin, and
// PageWriter::writePage puts in each copy's own: links between pages stay within the mode; the
// attachments, the badge, the feeds and the style sheets are the site's own files in both.
inline const QString kCareFolder = u"care/"_s;
inline const QString kRootMark = u"\uE000r"_s;      // the root of the page's mode
inline const QString kAssetMark = u"\uE000a"_s;     // the root of the site folder
inline const QString kOtherModeMark = u"\uE000o"_s; // the same page in the other mode
inline const QString kModeNameMark = u"\uE000n"_s;  // the other mode's name (a link's text)
inline const QString kCareCssMark = u"\uE000c"_s;   // care.css's link element (nothing outside the mode)

// What every page of a render shares, read once per render (small: it does not grow with the items):
// the templates, the organization's name, the column tree and the units. The items come from the
// store's site index, only those the pages written need.
struct Snapshot
{
    Templates templates;
    QString organizationName; // the imported organization's name: the site's name and organizer by default
    QList<Column> columns;
    QHash<QString, qsizetype> columnIndex;
    QHash<QString, Unit> units;
    // The columns the site lists in its navigation, home page and site map (core shownColumnIds:
    // not retired, and with something published or listed while empty, under a listed parent).
    QSet<QString> shown;

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
    // The sub-columns the site lists (children() of them that are shown).
    QList<const Column *> shownChildren(const QString &parentId) const
    {
        QList<const Column *> out = children(parentId);
        out.removeIf([this](const Column *c) { return !shown.contains(c->id); });
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
    QString unitName(const QString &unitId) const
    {
        const auto it = units.constFind(unitId);
        return it == units.cend() ? unitId : it->name;
    }
};

// Writes files atomically into the site folder and keeps the report.
class Writer
{
public:
    Writer(const QString &folder, SiteRenderer::Report &report)
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
        // A temporary file beside it (a dot file: never served), then a rename over the old one, so a
        // reader never sees half a page. No fsync per file: sync() flushes the render's files at once
        // before the render counts as done (a page lost to a power cut is written again then).
        const QFileInfo info(path);
        QFile file(info.dir().filePath(u".%1.part"_s.arg(info.fileName())));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size() ||
            !file.setPermissions(kPublicFile) || !file.flush()) {
            fail(SiteRenderer::tr("%1 cannot be written: %2").arg(path, file.errorString()));
            file.remove();
            return;
        }
        file.close();
        if (::rename(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(path).constData()) !=
            0) {
            fail(SiteRenderer::tr("%1 cannot be written: %2").arg(path, qt_error_string(errno)));
            file.remove();
            return;
        }
        m_dirty = true;
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
    bool ok() const { return m_report.ok(); }

    // Flushes what this render wrote (and the attachments folder) to disk: one syncfs per file
    // system instead of an fsync per file.
    void sync(const QString &attachmentsFolder)
    {
        if (!m_dirty)
            return;
        for (const QString &folder : {m_folder, attachmentsFolder}) {
            if (folder.isEmpty() || !QFileInfo(folder).isDir())
                continue; // nothing written there
            const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0 || ::syncfs(fd) != 0)
                fail(SiteRenderer::tr("The site folder %1 cannot be synced to disk: %2")
                         .arg(folder, qt_error_string(errno)));
            if (fd >= 0)
                ::close(fd);
        }
        m_dirty = false;
    }
    void fail(const QString &message)
    {
        qCWarning(lcSite) << message;
        if (m_report.error.isEmpty())
            m_report.error = message;
    }

    bool makeFolder(const QString &path)
    {
        if (makePublicFolder(path))
            return true;
        fail(SiteRenderer::tr("The folder %1 cannot be created.").arg(path));
        return false;
    }

private:
    QString m_folder;
    SiteRenderer::Report &m_report;
    QSet<QString> m_touched;
    bool m_dirty = false;
};

// What every page of one render shares: the snapshot, the configuration, the site's name and address,
// the badge and the top-level columns; and the pieces that pages are made of.
struct Frame
{
    Frame(const Snapshot &snapshot, const SiteConfig &config, Writer &writer);

    const Snapshot &s;
    const Templates &t;
    const SiteConfig &config;
    QString siteName;
    QString base;  // the site's public address, for feeds and sitemaps
    QString badge; // the badge's file name in the folder, empty without one
    QString publicSecurityCode;
    QList<const Column *> top;

    // A whole page, its links beginning with the marks (kRootMark…); PageWriter::writePage writes it.
    QString page(const QString &title, const QString &meta, const QString &main, const QString &currentTop,
                 const QString &feed = {}, const QString &feedTitle = {}) const;
    QString listItem(const SiteEntry &e, const QString &root) const;
    QString crumbs(const QString &columnId, const QString &root) const;
    QString columnMeta(const Column *c) const;
    QString topOf(const QString &columnId) const;
    // The item's body as the site shows it: sanitized, its images pointing at their downloads, its
    // links to other sites through their 外链提示 pages (added to *leaving: path → notice page).
    QString body(const RevisionContent &content, QHash<QString, QString> *leaving) const;
    // The 外链提示 page for `href` (HTML-escaped as in an attribute): its path, and its page in *page.
    QString leavePage(const QString &escapedHref, QString *page) const;
    // True when `url` (plain) is an http(s) address on another host than the site's.
    bool isExternal(const QString &url) const;
};

// The HTML pages: items (a retracted one's withdrawn notice), columns with their numbered pages, the
// home page and the readers' site map.
//
// A column's pages: index.html lists its newest items (pageSize of them) and links to the numbered
// pages; page n lists the items numbered (n-1)*pageSize+1 … n*pageSize in the column's listing
// (numbered from the oldest, in the order of publication), newest first. A publication therefore
// changes the index, the newest numbered page (and the one before it when a page was begun) — never
// the older pages, whose addresses and contents stay put. A retraction leaves its page one shorter.
// The pages an item's page links to, each the live entry of an item on the site (Art. 10: a
// document's interpretation and, on the interpretation's page, the documents it interprets; a
// repealed document's replacement).
struct ItemLinks
{
    std::optional<SiteEntry> interpretation;
    QList<SiteEntry> documents;
    std::optional<SiteEntry> replacement;
};

class PageWriter
{
public:
    PageWriter(const Frame &frame, Writer &writer)
        : f(frame)
        , w(writer)
    {}
    using Links = ItemLinks;
    // The item's page: `entry` is its live entry (nullptr: not live — a withdrawn notice when it was
    // retracted, else no page).
    void item(const Item &item, const SiteEntry *entry, const Links &links);
    // Page `page` of the column (0: index.html) listing `entries` (newest first); `last` is the number
    // of its last numbered page.
    void columnPage(const Column &c, qint64 page, qint64 last, const QList<SiteEntry> &entries);
    // Removes the column's numbered pages after `last`.
    void removePagesAfter(const Column &c, qint64 last);
    // `newest`: each top-level column's newest entries.
    void home(const QHash<QString, QList<SiteEntry>> &newest);
    void sitemap();
    // search.html: the frame of the search page, its main part the marker that SiteServer replaces
    // with the form and the hits (kSearchMarker).
    void searchPage();
    // 网站声明 and 联系我们 (#21.3); 404.html, the error page for unknown addresses.
    void fixedPages();
    // Writes the page (Frame::page) at `path` and its 关怀版 at care/`path`.
    void writePage(const QString &path, const QString &html);
    void removePage(const QString &path);
    // The page with its marks put in for `path`, as it is or in the 关怀版 (`care`). `root`, when
    // given, replaces the relative roots (the error page, served at any address).
    static QString resolve(const Templates &t, const QString &html, const QString &path, bool care,
                           const QString &root = {});

private:
    const Frame &f;
    Writer &w;
};

// Atom feeds (RFC 4287): the site's and each column's, newest first.
class FeedWriter
{
public:
    FeedWriter(const Frame &frame, Writer &writer)
        : f(frame)
        , w(writer)
    {}
    // `entries` newest first; `items` holds their items (for the bodies).
    void write(const QString &path, const QString &title, const QString &alternate,
               const QList<SiteEntry> &entries, const QHash<QString, Item> &items);

private:
    const Frame &f;
    Writer &w;
};

// The sitemap for search engines (sitemaps.org 0.9): sitemap.xml is a sitemap index of
// sitemap-pages.xml (the home page and every column) and sitemap-items-<k>.xml, each holding the
// items numbered (k-1)*n+1 … k*n in the site's index, n = sitemap_urls (a publication rewrites the
// newest file and the index).
class SitemapWriter
{
public:
    SitemapWriter(const Frame &frame, Writer &writer)
        : f(frame)
        , w(writer)
    {}
    static QString itemsPath(qint64 file) { return u"sitemap-items-%1.xml"_s.arg(file); }
    void pages(const QDateTime &newest);
    void items(qint64 file, const QList<SiteEntry> &entries);
    // The index of the files 1..files; removes item files after it.
    void index(qint64 files);

private:
    const Frame &f;
    Writer &w;
};

} // namespace baosong::server::site
