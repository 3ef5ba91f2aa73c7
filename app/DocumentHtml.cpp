#include "DocumentHtml.h"

#include <QFont>
#include <QHash>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

QString escaped(QStringView text, bool attribute = false)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;"_s;
            break;
        case u'<':
            out += u"&lt;"_s;
            break;
        case u'>':
            out += u"&gt;"_s;
            break;
        case u'"':
            out += attribute ? u"&quot;"_s : u"\""_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool isOrdered(QTextListFormat::Style style)
{
    switch (style) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return true;
    default:
        return false;
    }
}

class DocumentWriter
{
public:
    QString take() { return std::move(m_out); }

    // The blocks and frames from `it` to `end` (a frame's or a table cell's content).
    void contents(QTextFrame::iterator it, const QTextFrame::iterator &end, bool headerCell)
    {
        struct OpenList
        {
            QTextList *list;
            int indent;
            QString tag;
        };
        std::vector<OpenList> lists; // each with an li open
        auto closeLists = [&](auto keep) {
            while (!lists.empty() && !keep(lists.back())) {
                m_out += u"</li></"_s + lists.back().tag + u'>';
                lists.pop_back();
            }
        };

        for (; it != end; ++it) {
            if (QTextFrame *child = it.currentFrame()) {
                closeLists([](const OpenList &) { return false; });
                if (auto *table = qobject_cast<QTextTable *>(child))
                    writeTable(table);
                else
                    contents(child->begin(), child->end(), headerCell);
                continue;
            }
            const QTextBlock block = it.currentBlock();
            if (!block.isValid())
                continue;
            QTextList *list = block.textList();
            if (!list) {
                closeLists([](const OpenList &) { return false; });
                const int level = block.blockFormat().headingLevel();
                const QString tag = level >= 1 && level <= 6 ? u"h"_s + QString::number(level) : u"p"_s;
                const QString inner = inlineContent(block, level > 0 || headerCell);
                // Centred and right-aligned paragraphs keep it (HtmlSanitizer keeps those two only).
                const Qt::Alignment align = block.blockFormat().alignment();
                // (A header cell's paragraphs are centred by the table itself, not by the author.)
                const QString alignAttr = headerCell                 ? QString()
                                          : align & Qt::AlignHCenter ? u" align=\"center\""_s
                                          : align & Qt::AlignRight   ? u" align=\"right\""_s
                                                                     : QString();
                if (const QString figure = captionedFigure(block); !figure.isEmpty() && level == 0) {
                    m_out += figure;
                    continue;
                }
                if (!inner.trimmed().isEmpty())
                    m_out += u'<' + tag + alignAttr + u'>' + inner + u"</"_s + tag + u'>';
                continue;
            }
            const int indent = list->format().indent();
            closeLists([&](const OpenList &open) { return open.list == list || open.indent < indent; });
            if (!lists.empty() && lists.back().list == list) {
                m_out += u"</li><li>"_s;
            } else {
                const QString tag = isOrdered(list->format().style()) ? u"ol"_s : u"ul"_s;
                m_out += u'<' + tag + u"><li>"_s;
                lists.push_back({list, indent, tag});
            }
            m_out += inlineContent(block, headerCell);
        }
        closeLists([](const OpenList &) { return false; });
    }

private:
    void writeTable(QTextTable *table)
    {
        const int headerRows = std::min(table->format().headerRowCount(), table->rows());
        m_out += u"<table>"_s;
        for (int r = 0; r < table->rows(); ++r) {
            if (r == 0 && headerRows > 0)
                m_out += u"<thead>"_s;
            if (r == headerRows)
                m_out += u"<tbody>"_s;
            m_out += u"<tr>"_s;
            const bool header = r < headerRows;
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                if (!cell.isValid() || cell.row() != r || cell.column() != c)
                    continue; // covered by a span
                const QString tag = header ? u"th"_s : u"td"_s;
                m_out += u'<' + tag;
                if (cell.columnSpan() > 1)
                    m_out += u" colspan=\""_s + QString::number(cell.columnSpan()) + u'"';
                if (cell.rowSpan() > 1)
                    m_out += u" rowspan=\""_s + QString::number(cell.rowSpan()) + u'"';
                m_out += u'>';
                contents(cell.begin(), cell.end(), header);
                m_out += u"</"_s + tag + u'>';
            }
            m_out += u"</tr>"_s;
            if (r == headerRows - 1)
                m_out += u"</thead>"_s;
        }
        if (table->rows() > headerRows)
            m_out += u"</tbody>"_s;
        m_out += u"</table>"_s;
    }

    // A paragraph holding only an image marked kImageCaption with a description: its figure.
    static QString captionedFigure(const QTextBlock &block)
    {
        if (block.text().trimmed() != QString(QChar::ObjectReplacementCharacter))
            return {};
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat fmt = it.fragment().charFormat();
            if (!fmt.isImageFormat())
                continue;
            const QTextImageFormat image = fmt.toImageFormat();
            const QString caption = image.stringProperty(QTextFormat::ImageAltText).trimmed();
            if (!image.boolProperty(kImageCaption) || caption.isEmpty())
                return {};
            return u"<figure><img src=\""_s + escaped(image.name(), true) + u"\" alt=\""_s +
                   escaped(caption, true) + u"\"><figcaption>"_s + escaped(caption) +
                   u"</figcaption></figure>"_s;
        }
        return {};
    }

    // A block's text with its emphasis, links, images and line breaks.
    // Whitespace at either end of a block (pasted HTML's line breaks) is left out.
    static QString inlineContent(const QTextBlock &block, bool alreadyBold)
    {
        const QString blockText = block.text();
        auto isBlank = [](QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; };
        qsizetype first = 0;
        qsizetype last = blockText.size(); // one past the last character written
        while (first < last && isBlank(blockText.at(first)))
            ++first;
        while (last > first && isBlank(blockText.at(last - 1)))
            --last;

        QString out;
        QString openHref; // the link being written, if any
        bool inLink = false;
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            // The part of the fragment inside [first, last).
            const qsizetype start = fragment.position() - block.position();
            const qsizetype from = std::max(first, start);
            const qsizetype to = std::min(last, start + fragment.length());
            if (from >= to)
                continue;
            const QTextCharFormat fmt = fragment.charFormat();
            const QString href = fmt.isAnchor() ? fmt.anchorHref() : QString();
            if (inLink && href != openHref) {
                out += u"</a>"_s;
                inLink = false;
            }
            if (!inLink && !href.isEmpty()) {
                out += u"<a href=\""_s + escaped(href, true) + u"\">"_s;
                openHref = href;
                inLink = true;
            }

            if (fmt.isImageFormat()) {
                const QTextImageFormat image = fmt.toImageFormat();
                QString alt = image.stringProperty(QTextFormat::ImageAltText);
                if (alt.isEmpty())
                    alt = image.stringProperty(QTextFormat::ImageTitle);
                for (qsizetype i = from; i < to; ++i) {
                    out += u"<img src=\""_s + escaped(image.name(), true) + u"\" alt=\""_s +
                           escaped(alt, true) + u"\">"_s;
                }
                continue;
            }

            QStringList tags;
            if (fmt.fontWeight() >= QFont::DemiBold && !alreadyBold)
                tags << u"strong"_s;
            if (fmt.fontItalic())
                tags << u"em"_s;
            if (fmt.fontUnderline() && !fmt.isAnchor())
                tags << u"u"_s;
            if (fmt.fontStrikeOut())
                tags << u"s"_s;
            if (fmt.verticalAlignment() == QTextCharFormat::AlignSuperScript)
                tags << u"sup"_s;
            else if (fmt.verticalAlignment() == QTextCharFormat::AlignSubScript)
                tags << u"sub"_s;

            QString text;
            for (QChar c : fragment.text().mid(from - start, to - from)) {
                if (c == QChar::LineSeparator)
                    text += u"<br>"_s;
                else if (c == QChar::ObjectReplacementCharacter || c == QChar::ParagraphSeparator)
                    continue;
                else
                    text += escaped(QStringView(&c, 1));
            }
            if (text.isEmpty())
                continue;
            for (const QString &t : std::as_const(tags))
                out += u'<' + t + u'>';
            out += text;
            for (qsizetype i = tags.size(); i > 0; --i)
                out += u"</"_s + tags.at(i - 1) + u'>';
        }
        if (inLink)
            out += u"</a>"_s;
        return out;
    }

    QString m_out;
};

} // namespace

QString documentToHtml(const QTextDocument &doc, const HtmlSanitizer &sanitizer)
{
    DocumentWriter writer;
    QTextFrame *root = doc.rootFrame();
    writer.contents(root->begin(), root->end(), false);
    return sanitizer.sanitize(writer.take());
}

void loadDocumentHtml(QTextDocument &doc, const QString &html)
{
    // <figure><img …><figcaption>text</figcaption></figure> (as HtmlSanitizer writes it) → <p><img …></p>,
    // remembering each image's caption.
    static const QRegularExpression figure(
        u"<figure>\\s*(<img\\b[^>]*>)\\s*<figcaption>(.*?)</figcaption>\\s*</figure>"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression src(u"\\bsrc=\"([^\"]*)\""_s);
    static const QRegularExpression tags(u"<[^>]*>"_s);
    QHash<QString, QString> captions;
    QString plain;
    qsizetype at = 0;
    for (QRegularExpressionMatchIterator it = figure.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        plain += QStringView(html).mid(at, m.capturedStart() - at);
        plain += u"<p>"_s + m.captured(1) + u"</p>"_s;
        at = m.capturedEnd();
        const QRegularExpressionMatch name = src.match(m.captured(1));
        if (name.hasMatch()) {
            QTextDocument text;
            text.setHtml(m.captured(2)); // entities decoded
            captions.insert(name.captured(1).replace(u"&amp;"_s, u"&"_s),
                            text.toPlainText().remove(tags).simplified());
        }
    }
    plain += QStringView(html).mid(at);
    doc.setHtml(plain);
    if (captions.isEmpty())
        return;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (QTextBlock::iterator it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = fragment.charFormat().toImageFormat();
            const auto caption = captions.constFind(image.name());
            if (caption == captions.cend() || caption->isEmpty())
                continue;
            image.setProperty(QTextFormat::ImageAltText, *caption);
            image.setProperty(kImageCaption, true);
            QTextCursor c(&doc);
            c.setPosition(fragment.position());
            c.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            c.setCharFormat(image);
        }
    }
}

} // namespace baosong
