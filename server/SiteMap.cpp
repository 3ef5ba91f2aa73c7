// The site map for search engines (sitemaps.org protocol 0.9): a sitemap index and its files.

#include "SiteParts.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace baosong::server::site {

namespace {

// A sitemap file: <urlset> (or <sitemapindex>) with one entry per (path, last modified).
QByteArray sitemapXml(const QString &root, const QString &entry, const QString &base,
                      const QList<std::pair<QString, QDateTime>> &urls)
{
    QByteArray xml;
    QXmlStreamWriter x(&xml);
    x.setAutoFormatting(true);
    x.writeStartDocument();
    x.writeStartElement(root);
    x.writeDefaultNamespace(u"http://www.sitemaps.org/schemas/sitemap/0.9"_s);
    for (const auto &[path, modified] : urls) {
        x.writeStartElement(entry);
        x.writeTextElement(u"loc"_s, base + path);
        if (modified.isValid())
            x.writeTextElement(u"lastmod"_s, dateText(modified));
        x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEndDocument();
    return xml;
}

} // namespace

void SitemapWriter::pages(const QDateTime &newest)
{
    QList<std::pair<QString, QDateTime>> urls{{u"index.html"_s, newest}};
    for (const Column &c : f.s.columns) {
        if (f.s.shown.contains(c.id)) // what the site lists (a retired or empty column's page stays)
            urls.append({SiteRenderer::columnPath(c.id), {}});
    }
    w.write(u"sitemap-pages.xml"_s, sitemapXml(u"urlset"_s, u"url"_s, f.base, urls));
}

void SitemapWriter::items(qint64 file, const QList<SiteEntry> &entries)
{
    QList<std::pair<QString, QDateTime>> urls;
    urls.reserve(entries.size());
    for (const SiteEntry &e : entries)
        urls.append({SiteRenderer::itemPath(e.itemId), e.revisedAt.isValid() ? e.revisedAt : e.publishedAt});
    w.write(itemsPath(file), sitemapXml(u"urlset"_s, u"url"_s, f.base, urls));
}

void SitemapWriter::index(qint64 files)
{
    // A file's last change is its modification time: it is rewritten only when its content changes.
    const QDir root(f.config.folder);
    QList<std::pair<QString, QDateTime>> maps{
        {u"sitemap-pages.xml"_s, QFileInfo(root.filePath(u"sitemap-pages.xml"_s)).lastModified()}};
    for (qint64 k = 1; k <= files; ++k)
        maps.append({itemsPath(k), QFileInfo(root.filePath(itemsPath(k))).lastModified()});
    w.write(u"sitemap.xml"_s, sitemapXml(u"sitemapindex"_s, u"sitemap"_s, f.base, maps));
    for (qint64 k = files + 1; QFileInfo::exists(root.filePath(itemsPath(k))); ++k)
        w.remove(itemsPath(k));
}

} // namespace baosong::server::site
