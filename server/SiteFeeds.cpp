// The site's Atom feeds (RFC 4287).

#include "SiteParts.h"

#include "HtmlText.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace baosong::server::site {

void FeedWriter::write(const QString &path, const QString &title, const QString &alternate,
                       const QList<SiteEntry> &entries, const QHash<QString, Item> &items)
{
    QByteArray xml;
    QXmlStreamWriter x(&xml);
    x.setAutoFormatting(true);
    x.writeStartDocument();
    x.writeStartElement(u"feed"_s);
    x.writeDefaultNamespace(u"http://www.w3.org/2005/Atom"_s);
    x.writeAttribute(u"xml:lang"_s, u"zh-CN"_s);
    x.writeTextElement(u"title"_s, title);
    x.writeTextElement(u"id"_s, f.base + path);
    QDateTime updated = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    for (const SiteEntry &e : entries) {
        updated = std::max(updated, e.revisedAt.isValid() ? e.revisedAt : e.publishedAt);
    }
    x.writeTextElement(u"updated"_s, atomDate(updated));
    x.writeEmptyElement(u"link"_s);
    x.writeAttribute(u"rel"_s, u"self"_s);
    x.writeAttribute(u"type"_s, u"application/atom+xml"_s);
    x.writeAttribute(u"href"_s, f.base + path);
    x.writeEmptyElement(u"link"_s);
    x.writeAttribute(u"rel"_s, u"alternate"_s);
    x.writeAttribute(u"type"_s, u"text/html"_s);
    x.writeAttribute(u"href"_s, f.base + alternate);
    x.writeStartElement(u"author"_s);
    x.writeTextElement(u"name"_s, f.siteName);
    x.writeEndElement();
    x.writeTextElement(u"generator"_s, u"Baosong"_s);
    for (const SiteEntry &e : entries) {
        const auto item = items.constFind(e.itemId);
        const Revision *live =
            item == items.cend() || item->liveRevision <= 0 ? nullptr : item->revision(item->liveRevision);
        if (!live)
            continue;
        // Absolute addresses: a feed reader has no page to be relative to.
        const QString html =
            f.body(live->content, nullptr).replace(kAssetMark, f.base).replace(kRootMark, f.base);
        x.writeStartElement(u"entry"_s);
        x.writeTextElement(u"title"_s, e.title);
        x.writeTextElement(u"id"_s, f.base + SiteRenderer::itemPath(e.itemId));
        x.writeEmptyElement(u"link"_s);
        x.writeAttribute(u"rel"_s, u"alternate"_s);
        x.writeAttribute(u"type"_s, u"text/html"_s);
        x.writeAttribute(u"href"_s, f.base + SiteRenderer::itemPath(e.itemId));
        x.writeTextElement(u"published"_s, atomDate(e.publishedAt));
        x.writeTextElement(u"updated"_s, atomDate(e.revisedAt.isValid() ? e.revisedAt : e.publishedAt));
        x.writeStartElement(u"author"_s);
        x.writeTextElement(u"name"_s, f.s.unitName(e.unitId));
        x.writeEndElement();
        if (const Column *c = f.s.column(e.columnId)) {
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
}

} // namespace baosong::server::site
