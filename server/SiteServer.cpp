#include "SiteServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUrl>

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
    if (suffix == "txt"_L1)
        return "text/plain; charset=utf-8"_ba;
    return "application/octet-stream"_ba;
}

} // namespace

SiteServer::SiteServer(SiteConfig config)
    : m_config(std::move(config))
    , m_root(QFileInfo(m_config.folder).canonicalFilePath())
{}

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
    return file(request, *segments);
}

http::Response SiteServer::file(const http::Request &, const QStringList &segments) const
{
    if (m_root.isEmpty())
        return notFound();
    QString relative = segments.join(u'/');
    QFileInfo info(QDir(m_root).filePath(relative));
    if (info.isDir()) {
        relative = QDir(relative).filePath(u"index.html"_s);
        info.setFile(QDir(m_root).filePath(relative));
    }
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(m_root + u'/') || !QFileInfo(canonical).isFile())
        return notFound();
    QFile f(canonical);
    if (!f.open(QIODevice::ReadOnly))
        return notFound();
    http::Response r;
    r.contentType = pageType(info.fileName());
    r.body = f.readAll();
    r.headers = commonHeaders();
    r.headers.append({"Content-Security-Policy"_ba, QByteArray(kPagePolicy)});
    return r;
}

http::Response SiteServer::attachment(const http::Request &, const QStringList &segments) const
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    if (segments.size() != 3 || !hex.match(segments.at(1)).hasMatch() || segments.at(2).isEmpty() ||
        segments.at(2).size() > 255 || m_config.attachmentsFolder.isEmpty())
        return notFound();
    const QFileInfo info(QDir(m_config.attachmentsFolder).filePath(segments.at(1)));
    if (!info.isFile())
        return notFound();
    QFile f(info.filePath());
    if (!f.open(QIODevice::ReadOnly))
        return notFound();
    http::Response r;
    r.contentType = attachmentType(segments.at(2));
    r.body = f.readAll();
    r.headers = commonHeaders();
    r.headers.append({"Content-Disposition"_ba, contentDisposition(segments.at(2))});
    r.headers.append({"Content-Security-Policy"_ba, QByteArray(kAttachmentPolicy)});
    return r;
}

} // namespace baosong::server
