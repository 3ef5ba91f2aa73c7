#include "SiteServer.h"

#include "SiteParts.h"
#include "SiteSearch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

using Header = QPair<QByteArray, QByteArray>;

QList<Header> commonHeaders()
{
    return {{"X-Content-Type-Options"_ba, "nosniff"_ba},
            {"Referrer-Policy"_ba, "strict-origin-when-cross-origin"_ba},
            {"Cache-Control"_ba, "no-cache"_ba}};
}

QByteArray pageType(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == "html"_L1)
        return "text/html; charset=utf-8"_ba;
    if (suffix == "css"_L1)
        return "text/css; charset=utf-8"_ba;
    if (suffix == "xml"_L1)
        return fileName == "feed.xml"_L1 ? "application/atom+xml; charset=utf-8"_ba
                                         : "application/xml; charset=utf-8"_ba;
    if (suffix == "png"_L1)
        return "image/png"_ba;
    if (suffix == "jpg"_L1 || suffix == "jpeg"_L1)
        return "image/jpeg"_ba;
    if (suffix == "gif"_L1)
        return "image/gif"_ba;
    if (suffix == "ico"_L1)
        return "image/x-icon"_ba;
    if (suffix == "svg"_L1) // the renderer's own drawings (police.svg); attachments never come from here
        return "image/svg+xml"_ba;
    if (suffix == "txt"_L1)
        return "text/plain; charset=utf-8"_ba;
    return "application/octet-stream"_ba;
}

} // namespace

SiteServer::SiteServer(SiteConfig config)
    : m_config(std::move(config))
    , m_root(QFileInfo(m_config.folder).canonicalFilePath())
    , m_search(m_config.searchIndex.isEmpty() ? nullptr : std::make_unique<SiteSearch>(m_config.searchIndex))
    , m_templates(std::make_unique<site::Templates>())
{
    QString error;
    if (!m_templates->load(m_config.templatesFolder, &error))
        qCWarning(lcSite) << "the search page's templates:" << error;
}

SiteServer::~SiteServer() = default;

std::optional<QStringList> SiteServer::pathSegments(const QByteArray &target)
{
    QByteArray path = target;
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);
    if (!path.startsWith('/') || path.contains('\\') || path.contains('#'))
        return std::nullopt;
    const QByteArray lower = path.toLower();
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00"))
        return std::nullopt;
    QStringList segments;
    const QList<QByteArray> raw = path.mid(1).split('/');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(raw.at(i));
        const QString segment = QString::fromUtf8(decoded);
        if (segment.toUtf8() != decoded) // invalid UTF-8
            return std::nullopt;
        const bool last = i == raw.size() - 1;
        if (segment.isEmpty() && !last)
            return std::nullopt;
        if (segment.startsWith(u'.'))
            return std::nullopt;
        for (const QChar c : segment) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                return std::nullopt;
        }
        segments.append(segment);
    }
    return segments;
}

QByteArray SiteServer::contentDisposition(const QString &fileName)
{
    QByteArray fallback;
    for (const QChar c : fileName) {
        const char16_t u = c.unicode();
        fallback +=
            (u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\' && u != u'%' && u != u';') ? char(u) : '_';
    }
    if (fallback.isEmpty())
        fallback = "download"_ba;
    return "attachment; filename=\""_ba + fallback + "\"; filename*=UTF-8''"_ba +
           QUrl::toPercentEncoding(fileName, "!#$&+^`|"_ba);
}

QByteArray SiteServer::attachmentType(const QString &fileName)
{
    static const QStringList active{u"text/html"_s,
                                    u"application/xhtml+xml"_s,
                                    u"image/svg+xml"_s,
                                    u"text/xml"_s,
                                    u"application/xml"_s,
                                    u"text/javascript"_s,
                                    u"application/javascript"_s,
                                    u"application/x-javascript"_s,
                                    u"application/ecmascript"_s};
    const QMimeType type = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    if (!type.isValid() || type.isDefault())
        return "application/octet-stream"_ba;
    for (const QString &a : active) {
        if (type.inherits(a) || type.name() == a)
            return "application/octet-stream"_ba;
    }
    return type.name().toLatin1();
}

http::Response SiteServer::notFound()
{
    http::Response r;
    r.status = 404;
    r.contentType = "text/plain; charset=utf-8"_ba;
    r.body = "Not found\n"_ba;
    r.headers = commonHeaders();
    return r;
}

http::Response SiteServer::notFoundPage(const QStringList &segments) const
{
    const bool care = !segments.isEmpty() && segments.first() == u"care"_s;
    QFile f(QDir(m_root).filePath(care ? u"care/404.html"_s : u"404.html"_s));
    if (m_root.isEmpty() || !f.open(QIODevice::ReadOnly))
        return notFound();
    http::Response r;
    r.status = 404;
    r.contentType = "text/html; charset=utf-8"_ba;
    r.body = f.readAll();
    r.headers = commonHeaders();
    r.headers.append({"Content-Security-Policy"_ba, QByteArray(kPagePolicy)});
    return r;
}

http::Response SiteServer::handle(const http::Request &request) const
{
    if (request.method != "GET" && request.method != "HEAD") {
        http::Response r;
        r.status = 405;
        r.contentType = "text/plain; charset=utf-8"_ba;
        r.body = "Only GET and HEAD\n"_ba;
        r.headers = commonHeaders();
        r.headers.append({"Allow"_ba, "GET, HEAD"_ba});
        return r;
    }
    const std::optional<QStringList> segments = pathSegments(request.target);
    if (!segments) {
        http::Response r = notFound();
        r.status = 400;
        r.body = "Bad request\n"_ba;
        return r;
    }
    if (segments->size() >= 1 && segments->first() == "attachments"_L1)
        return attachment(request, *segments);
    if (*segments == QStringList{u"search.html"_s} && m_search)
        return search(request, false);
    if (*segments == QStringList{u"care"_s, u"search.html"_s} && m_search)
        return search(request, true);
    return file(request, *segments);
}

http::Response SiteServer::file(const http::Request &, const QStringList &segments) const
{
    if (m_root.isEmpty())
        return notFoundPage(segments);
    QString relative = segments.join(u'/');
    QFileInfo info(QDir(m_root).filePath(relative));
    if (info.isDir()) {
        relative = QDir(relative).filePath(u"index.html"_s);
        info.setFile(QDir(m_root).filePath(relative));
    }
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(m_root + u'/') || !QFileInfo(canonical).isFile())
        return notFoundPage(segments);
    QFile f(canonical);
    if (!f.open(QIODevice::ReadOnly))
        return notFoundPage(segments);
    http::Response r;
    r.contentType = pageType(info.fileName());
    r.body = f.readAll();
    r.headers = commonHeaders();
    r.headers.append({"Content-Security-Policy"_ba, QByteArray(kPagePolicy)});
    return r;
}

http::Response SiteServer::search(const http::Request &request, bool care) const
{
    // The page as the renderer wrote it: the site's frame around the marker (the 关怀版's under care/).
    QFile f(QDir(m_root).filePath(care ? u"care/search.html"_s : u"search.html"_s));
    if (m_root.isEmpty() || !f.open(QIODevice::ReadOnly))
        return notFound();
    QString page = QString::fromUtf8(f.readAll());
    // A form sends spaces as '+'.
    QByteArray rawQuery = request.target.mid(request.target.indexOf('?') + 1);
    if (!request.target.contains('?'))
        rawQuery.clear();
    rawQuery.replace('+', "%20");
    const QUrlQuery query(QString::fromLatin1(rawQuery));
    const QString q =
        query.queryItemValue(u"q"_s, QUrl::FullyDecoded).left(SiteSearch::kMaxQueryChars).trimmed();
    bool numbered = false;
    int pageNumber = query.queryItemValue(u"page"_s).toInt(&numbered);
    if (!numbered)
        pageNumber = 1;
    pageNumber = std::clamp(pageNumber, 1, SiteSearch::kMaxPage);
    const site::Templates &t = *m_templates;
    constexpr int kPageSize = 10;
    site::Values v{{u"query"_s, q}};
    if (!q.isEmpty()) {
        const SiteSearch::Result result = m_search->search(q, pageNumber, kPageSize);
        QString hits;
        for (const SiteSearch::Hit &h : result.hits)
            hits += t.render(u"search-hit"_s, {{u"href"_s, SiteRenderer::itemPath(h.itemId)},
                                               {u"title"_s, h.titleHtml},
                                               {u"snippet"_s, h.snippetHtml},
                                               {u"date"_s, site::dateText(h.publishedAt)}});
        v.insert(u"hits"_s, hits);
        if (!result.error.isEmpty()) {
            qCWarning(lcSite) << "search failed:" << result.error;
            v.insert(u"summary"_s, t.label(u"search_failed"_s));
        } else if (result.total == 0) {
            v.insert(u"summary"_s, t.label(u"search_none"_s).arg(q));
        } else {
            v.insert(u"summary"_s, t.label(result.more ? u"search_more"_s : u"search_found"_s)
                                       .arg(result.more ? SiteSearch::kMaxCounted : result.total));
        }
        const auto href = [&](int n) {
            return u"search.html?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(q)) + u"&page="_s +
                   QString::number(n);
        };
        const int pages = std::min(SiteSearch::kMaxPage, (result.total + kPageSize - 1) / kPageSize);
        if (pages > 1 || pageNumber > 1) {
            v.insert(u"paged"_s, u"1"_s);
            v.insert(u"page"_s, QString::number(pageNumber));
            if (pageNumber > 1)
                v.insert(u"prev_href"_s, href(pageNumber - 1));
            if (pageNumber < pages)
                v.insert(u"next_href"_s, href(pageNumber + 1));
        }
    }
    page.replace(site::kSearchMarker, t.render(u"search"_s, v));
    http::Response r;
    r.contentType = "text/html; charset=utf-8"_ba;
    r.body = page.toUtf8();
    r.headers = commonHeaders();
    r.headers.append({"Content-Security-Policy"_ba, QByteArray(kPagePolicy)});
    return r;
}

http::Response SiteServer::attachment(const http::Request &, const QStringList &segments) const
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    if (segments.size() != 3 || !hex.match(segments.at(1)).hasMatch() || segments.at(2).isEmpty() ||
        segments.at(2).size() > 255 || m_config.attachmentsFolder.isEmpty())
        return notFoundPage(segments);
    const QFileInfo info(QDir(m_config.attachmentsFolder).filePath(segments.at(1)));
    if (!info.isFile())
        return notFoundPage(segments);
    QFile f(info.filePath());
    if (!f.open(QIODevice::ReadOnly))
        return notFoundPage(segments);
    http::Response r;
    r.contentType = attachmentType(segments.at(2));
    r.body = f.readAll();
    r.headers = commonHeaders();
    r.headers.append({"Content-Disposition"_ba, contentDisposition(segments.at(2))});
    r.headers.append({"Content-Security-Policy"_ba, QByteArray(kAttachmentPolicy)});
    return r;
}

} // namespace baosong::server
