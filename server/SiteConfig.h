#pragma once

// The public site's settings (docs/design.md §13): where the rendered pages go, what every page's footer
// and meta tags say, and where `baosong-server serve` serves the folder. Read from the [site] section
// of the server's configuration file (docs/server.md lists every key).

#include "Disclosure.h"

#include <QString>

namespace baosong::server {

struct SiteConfig
{
    QString folder;            // [site] folder: the rendered site (default <data>/site)
    QString attachmentsFolder; // [site] attachments: files named by their SHA-256 in hex (<data>/attachments)
    QString templatesFolder;   // [site] templates: a file here replaces the built-in template of that name
    QString blobFolder;        // the server's [blobs] folder: a published item's attachments are copied
                               // from there into attachmentsFolder (and removed once nothing live has them)

    bool serve = true; // [site] serve: `serve` also serves the folder (HTTPS, the server's certificate)
    QString address = QStringLiteral("127.0.0.1"); // [site] address
    quint16 port = 8444;                           // [site] port (0: an ephemeral port)

    // Every page (docs/design.md §13). Empty values are left out of the page.
    QString name;      // [site] name: the agency's name, the site name (SiteName)
    QString url;       // [site] url: the public address, e.g. https://zrzyj.example.gov.cn/ (SiteDomain
                       //        is its host); feeds and sitemap.xml need it for absolute links
    QString siteCode;  // [site] site_code: 网站标识码 (SiteIDCode)
    QString organizer; // [site] organizer: 主办单位
    QString contact;   // [site] contact: 联系方式 (telephone, address)
    QString icp;       // [site] icp: ICP filing number, e.g. 蜀ICP备12345678号
    QString publicSecurity; // [site] public_security: 公安机关备案号, e.g. 川公网安备 51190202000001号
    QString badgeFile; // [site] badge: the 党政机关 badge image the bureau was issued (PNG, JPEG or GIF)
    QString badgeLink; // [site] badge_link: where the badge links to (the issuer's verification page)
    QString reportErrorUrl; // [site] report_error_url: the 我为政府网站找错 link
    // 联系我们 (#21.3): [site] contact_address, contact_postcode, contact_phone, contact_email,
    // office_hours (联系我们 shows `contact` when no address is set).
    QString contactAddress;
    QString contactPostcode;
    QString contactPhone;
    QString contactEmail;
    QString officeHours;
    // The issuing organs (发布机构) and their codes for index numbers (#21.4, #21.5): [site] organ,
    // organ_code; [organs] and [organ_codes]: <unit id>=… for a unit that is an organ of its own.
    disclosure::Organs organs;

    int pageSize = 20;  // [site] page_size: items per column page
    int homeItems = 8;  // [site] home_items: latest items per column on the home page
    int feedItems = 50; // [site] feed_items: entries per Atom feed
    // [site] search_index: the site search's SQLite file (server/SiteSearch), derived from the site;
    // by default site-search.sqlite in the data folder. Empty: no search.
    QString searchIndex;
    int sitemapUrls = 5000; // [site] sitemap_urls: items per sitemap file (the protocol allows 50,000)

    // The host of `url` (the SiteDomain meta tag), or empty.
    QString domain() const;
    // `url` ending with a slash, or empty.
    QString baseUrl() const;
};

} // namespace baosong::server
