#pragma once

// Serves the rendered site folder (SiteRenderer) and the attachments folder over the server's HTTP
// layer: `baosong-server serve` runs it on the [site] address and port with the server's certificate.
// The bureau's own web server would normally serve the folder instead (docs/server.md shows the
// headers to set there); this one makes the embedded default complete.
//
// Only GET and HEAD, only regular files inside the site folder: the path is taken from the request
// target as sent, and a target with an encoded slash, backslash or NUL, a "." or ".." segment, a
// segment starting with a dot (the render lock), an empty segment, a control character or invalid
// UTF-8 is refused before anything is looked up; a symbolic link leading out of the folder is not
// followed. A folder answers with its index.html.
//
// /attachments/<sha256 hex>/<name> answers the file <attachments folder>/<sha256 hex> as a download
// named <name>: Content-Disposition: attachment with an ASCII fallback and the RFC 5987 UTF-8 name
// (RFC 6266), the MIME type of the name's extension (types a browser would run — HTML, SVG, XML,
// JavaScript — are sent as application/octet-stream), X-Content-Type-Options: nosniff and a
// sandboxing Content-Security-Policy. Pages carry a strict Content-Security-Policy (no script at all,
// styles and images from the site only, no framing).

#include "HttpServer.h"
#include "SiteConfig.h"

#include <memory>
#include <optional>

namespace baosong::server {

class SiteSearch;
namespace site {
class Templates;
} // namespace site

class SiteServer
{
public:
    static constexpr auto kPagePolicy = "default-src 'none'; style-src 'self'; img-src 'self'; "
                                        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static constexpr auto kAttachmentPolicy = "default-src 'none'; sandbox";

    explicit SiteServer(SiteConfig config);
    ~SiteServer();

    http::Response handle(const http::Request &request) const;

    // The path segments of a request target (percent-decoded), or nullopt when the target is refused.
    // "/" and a trailing slash give an empty last segment.
    static std::optional<QStringList> pathSegments(const QByteArray &target);
    // The Content-Disposition value downloading a file as `fileName` (RFC 6266, RFC 5987).
    static QByteArray contentDisposition(const QString &fileName);
    // The MIME type an attachment named `fileName` is sent with.
    static QByteArray attachmentType(const QString &fileName);

private:
    http::Response file(const http::Request &request, const QStringList &segments) const;
    // search.html?q=…&page=n: the page the renderer wrote, its marker replaced by the form and hits.
    http::Response search(const http::Request &request, bool care) const;
    http::Response attachment(const http::Request &request, const QStringList &segments) const;
    static http::Response notFound();
    // 404 with the site's error page (404.html, care/404.html under care/; #21.3), else notFound().
    http::Response notFoundPage(const QStringList &segments) const;

    SiteConfig m_config;
    QString m_root; // the site folder's canonical path
    std::unique_ptr<SiteSearch> m_search;
    std::unique_ptr<site::Templates> m_templates;
};

} // namespace baosong::server
