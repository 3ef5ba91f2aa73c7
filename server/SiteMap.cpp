// sitemap.xml, the site map for search engines (sitemaps.org protocol 0.9).

#include "SiteParts.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace baosong::server::site {

void SitemapWriter::write()
{
    QByteArray xml;
    {
        QXmlStreamWriter x(&xml);
        x.setAutoFormatting(true);
        x.writeStartDocument();
        x.writeStartElement(u"urlset"_s);
        x.writeDefaultNamespace(u"http://www.sitemaps.org/schemas/sitemap/0.9"_s);
        auto url = [&](const QString &path, const QDateTime &modified) {
            x.writeStartElement(u"url"_s);
            x.writeTextElement(u"loc"_s, f.base + path);
            if (modified.isValid())
                x.writeTextElement(u"lastmod"_s, dateText(modified));
            x.writeEndElement();
        };
        url(u"index.html"_s, f.s.live.isEmpty() ? QDateTime() : f.s.live.first().publishedAt);
        for (const Column &c : f.s.columns)
            url(SiteRenderer::columnPath(c.id), {});
        for (const Snapshot::Entry &e : f.s.live)
            url(SiteRenderer::itemPath(e.item->id), e.revisedAt.isValid() ? e.revisedAt : e.publishedAt);
        x.writeEndElement();
        x.writeEndDocument();
    }
    w.write(u"sitemap.xml"_s, xml);
}

} // namespace baosong::server::site
