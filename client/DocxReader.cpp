#include "DocxReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <zip.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

constexpr auto kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"_L1;
constexpr auto kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"_L1;

QString tr(const char *text)
{
    return QCoreApplication::translate("DocxReader", text);
}

// The package: parts by name, read on demand and bounded.
class Package
{
public:
    bool open(const QByteArray &bytes, QString *error)
    {
        zip_error_t zerror;
        zip_error_init(&zerror);
        zip_source_t *source =
            zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &zerror);
        if (source)
            m_zip = zip_open_from_source(source, ZIP_RDONLY, &zerror);
        if (!m_zip) {
            if (source)
                zip_source_free(source);
            zip_error_fini(&zerror);
            *error = tr("The file is not a Word document (.docx): it is not a zip package.");
            return false;
        }
        zip_error_fini(&zerror);
        return true;
    }
    ~Package()
    {
        if (m_zip)
            zip_discard(m_zip);
    }
    // The part's bytes; nullopt when absent, damaged or larger than the limit (*tooLarge then).
    std::optional<QByteArray> part(const QString &name, bool *tooLarge = nullptr) const
    {
        const QByteArray n = name.toUtf8();
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(m_zip, n.constData(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            return std::nullopt;
        if (st.size > zip_uint64_t(DocxReader::kMaxPartBytes)) {
            if (tooLarge)
                *tooLarge = true;
            return std::nullopt;
        }
        zip_file_t *file = zip_fopen(m_zip, n.constData(), 0);
        if (!file)
            return std::nullopt;
        QByteArray bytes(qsizetype(st.size), Qt::Uninitialized);
        const zip_int64_t read = zip_fread(file, bytes.data(), st.size);
        zip_fclose(file);
        if (read < 0 || zip_uint64_t(read) != st.size)
            return std::nullopt;
        return bytes;
    }

private:
    zip_t *m_zip = nullptr;
};

bool isOn(const QXmlStreamReader &xml)
{
    const QStringView v = xml.attributes().value(kW, "val"_L1);
    return v.isEmpty() || (v != u"0" && v != u"false" && v != u"none" && v != u"off");
}

// Heading levels by paragraph style id (styles.xml): "heading 1" / "标题 1" → 1, "Title" → 1.
QHash<QString, int> headingStyles(const std::optional<QByteArray> &styles)
{
    static const QRegularExpression heading(u"^(?:heading|标题)\\s*([1-6])$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const auto levelOf = [](const QString &name) {
        if (name.compare(u"title"_s, Qt::CaseInsensitive) == 0 || name == u"标题"_s)
            return 1;
        const auto m = heading.match(name.trimmed());
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    };
    QHash<QString, int> levels;
    for (const QString id :
         {u"Heading1"_s, u"Heading2"_s, u"Heading3"_s, u"Heading4"_s, u"Heading5"_s, u"Heading6"_s})
        levels.insert(id, id.right(1).toInt());
    levels.insert(u"Title"_s, 1);
    if (!styles)
        return levels;
    QXmlStreamReader xml(*styles);
    QString id;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement() || xml.namespaceUri() != kW)
            continue;
        if (xml.name() == u"style") {
            id = xml.attributes().value(kW, "styleId"_L1).toString();
        } else if (xml.name() == u"name" && !id.isEmpty()) {
            if (const int level = levelOf(xml.attributes().value(kW, "val"_L1).toString()))
                levels.insert(id, level);
        }
    }
    return levels;
}

struct LevelFormat
{
    QString format; // numFmt: bullet, decimal, chineseCounting, …
    QString text;   // lvlText, e.g. "%1." or "（%1）"
    int start = 1;
};

// Numbering (numbering.xml): the format of each (numId, level).
struct Numbering
{
    QHash<QString, QHash<int, LevelFormat>> abstract; // abstractNumId → level → format
    QHash<QString, QString> numToAbstract;            // numId → abstractNumId

    const LevelFormat *format(const QString &numId, int level) const
    {
        const auto a = abstract.constFind(numToAbstract.value(numId));
        if (a == abstract.constEnd())
            return nullptr;
        const auto l = a->constFind(level);
        return l == a->constEnd() ? nullptr : &*l;
    }
};

Numbering readNumbering(const std::optional<QByteArray> &bytes)
{
    Numbering n;
    if (!bytes)
        return n;
    QXmlStreamReader xml(*bytes);
    QString abstractId, numId;
    int level = -1;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement() || xml.namespaceUri() != kW)
            continue;
        const auto a = xml.attributes();
        const QStringView name = xml.name();
        if (name == u"abstractNum") {
            abstractId = a.value(kW, "abstractNumId"_L1).toString();
            numId.clear();
        } else if (name == u"lvl" && !abstractId.isEmpty()) {
            level = a.value(kW, "ilvl"_L1).toInt();
        } else if (name == u"numFmt" && level >= 0) {
            n.abstract[abstractId][level].format = a.value(kW, "val"_L1).toString();
        } else if (name == u"lvlText" && level >= 0) {
            n.abstract[abstractId][level].text = a.value(kW, "val"_L1).toString();
        } else if (name == u"start" && level >= 0) {
            n.abstract[abstractId][level].start = a.value(kW, "val"_L1).toInt();
        } else if (name == u"num") {
            numId = a.value(kW, "numId"_L1).toString();
            abstractId.clear();
            level = -1;
        } else if (name == u"abstractNumId" && !numId.isEmpty()) {
            n.numToAbstract.insert(numId, a.value(kW, "val"_L1).toString());
        }
    }
    return n;
}

// Relationship targets by id: parts inside the package, and (`external`) links outside it.
QHash<QString, QString> readRelationships(const std::optional<QByteArray> &bytes, bool external)
{
    QHash<QString, QString> targets;
    if (!bytes)
        return targets;
    QXmlStreamReader xml(*bytes);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"Relationship" &&
            (xml.attributes().value("TargetMode"_L1) == u"External") == external)
            targets.insert(xml.attributes().value("Id"_L1).toString(),
                           xml.attributes().value("Target"_L1).toString());
    }
    return targets;
}

QString chineseNumber(int n)
{
    static const QString digits = u"〇一二三四五六七八九"_s;
    if (n <= 0 || n >= 100)
        return QString::number(n);
    if (n < 10)
        return digits.at(n);
    const int tens = n / 10, ones = n % 10;
    return (tens > 1 ? QString(digits.at(tens)) : QString()) + u'十' +
           (ones ? QString(digits.at(ones)) : QString());
}

QString counterText(const QString &format, int n)
{
    if (format.startsWith("chineseCounting"_L1) || format == "ideographTraditional"_L1 ||
        format == "taiwaneseCounting"_L1)
        return chineseNumber(n);
    if (format == "lowerLetter"_L1 && n >= 1 && n <= 26)
        return QString(QChar(u'a' + n - 1));
    if (format == "upperLetter"_L1 && n >= 1 && n <= 26)
        return QString(QChar(u'A' + n - 1));
    return QString::number(n);
}

class Converter
{
public:
    Converter(const Package &package, QHash<QString, int> headings, Numbering numbering,
              QHash<QString, QString> relationships, QHash<QString, QString> links)
        : m_package(package)
        , m_headings(std::move(headings))
        , m_numbering(std::move(numbering))
        , m_relationships(std::move(relationships))
        , m_links(std::move(links))
    {}

    bool convert(const QByteArray &documentXml, DocxDocument *out, QString *error)
    {
        QXmlStreamReader xml(documentXml);
        bool titleTaken = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.namespaceUri() != kW)
                continue;
            if (xml.name() == u"p") {
                const Paragraph p = paragraph(xml);
                if (p.html.trimmed().isEmpty() && p.pictures == 0)
                    continue;
                if (!titleTaken && out->title.isEmpty()) {
                    out->title = p.text.simplified();
                    titleTaken = true;
                    if (p.heading > 0) // the title, not repeated in the body
                        continue;
                }
                emitParagraph(p);
            } else if (xml.name() == u"tbl") {
                closeLists();
                m_html += table(xml);
            } else if (xml.name() == u"del" || xml.name() == u"sectPr") {
                xml.skipCurrentElement();
            }
        }
        closeLists();
        if (xml.hasError()) {
            *error =
                tr("The Word document is damaged (its text could not be read: %1).").arg(xml.errorString());
            return false;
        }
        out->html = m_html;
        out->pictures = m_pictures;
        return true;
    }

private:
    struct Paragraph
    {
        QString html; // inline content
        QString text; // plain
        int heading = 0;
        QString align; // "center" or "right" (w:jc), else empty
        QString numId;
        int level = 0;
        int pictures = 0;
    };

    Paragraph paragraph(QXmlStreamReader &xml)
    {
        Paragraph p;
        int pictures = 0;
        QStringList openLinks; // "</a>" or "" for each open hyperlink
        while (!(xml.isEndElement() && xml.name() == u"p" && xml.namespaceUri() == kW) && !xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.namespaceUri() == kW && xml.name() == u"hyperlink" &&
                !openLinks.isEmpty()) {
                p.html += openLinks.takeLast();
                continue;
            }
            if (!xml.isStartElement())
                continue;
            const QStringView name = xml.name();
            if (xml.namespaceUri() == kW && name == u"hyperlink") {
                const QString href = m_links.value(xml.attributes().value(kR, "id"_L1).toString());
                p.html += href.isEmpty() ? QString() : u"<a href=\"%1\">"_s.arg(href.toHtmlEscaped());
                openLinks << (href.isEmpty() ? QString() : u"</a>"_s);
            } else if (xml.namespaceUri() == kW && name == u"pPr") {
                paragraphProperties(xml, &p);
            } else if (xml.namespaceUri() == kW && name == u"r") {
                run(xml, &p, &pictures);
            } else if (xml.namespaceUri() == kW && (name == u"del" || name == u"instrText")) {
                xml.skipCurrentElement();
            }
        }
        while (!openLinks.isEmpty())
            p.html += openLinks.takeLast();
        p.pictures = pictures;
        return p;
    }

    void paragraphProperties(QXmlStreamReader &xml, Paragraph *p)
    {
        while (!(xml.isEndElement() && xml.name() == u"pPr") && !xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement() || xml.namespaceUri() != kW)
                continue;
            const QStringView name = xml.name();
            const QString val = xml.attributes().value(kW, "val"_L1).toString();
            if (name == u"pStyle")
                p->heading = m_headings.value(val);
            else if (name == u"outlineLvl" && p->heading == 0 && val.toInt() < 6)
                p->heading = val.toInt() + 1;
            else if (name == u"jc")
                p->align = val == "center"_L1                       ? u"center"_s
                           : (val == "right"_L1 || val == "end"_L1) ? u"right"_s
                                                                    : QString();
            else if (name == u"ilvl")
                p->level = std::clamp(val.toInt(), 0, 8);
            else if (name == u"numId")
                p->numId = val == "0"_L1 ? QString() : val;
            else if (name == u"rPr")
                xml.skipCurrentElement(); // the paragraph mark's formatting
        }
    }

    void run(QXmlStreamReader &xml, Paragraph *p, int *pictures)
    {
        bool bold = false, italic = false, underline = false;
        QString content;
        while (!(xml.isEndElement() && xml.name() == u"r" && xml.namespaceUri() == kW) && !xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QStringView name = xml.name();
            if (xml.namespaceUri() == kW) {
                if (name == u"b")
                    bold = isOn(xml);
                else if (name == u"i")
                    italic = isOn(xml);
                else if (name == u"u")
                    underline = isOn(xml);
                else if (name == u"t") {
                    const QString text = xml.readElementText();
                    content += text.toHtmlEscaped();
                    p->text += text;
                } else if (name == u"tab") {
                    content += u' ';
                    p->text += u' ';
                } else if (name == u"br" || name == u"cr") {
                    if (xml.attributes().value(kW, "type"_L1) != u"page")
                        content += "<br>"_L1;
                } else if (name == u"delText" || name == u"instrText") {
                    xml.skipCurrentElement();
                }
            } else if (name == u"blip" || name == u"imagedata") {
                const QString rid = name == u"blip" ? xml.attributes().value(kR, "embed"_L1).toString()
                                                    : xml.attributes().value(kR, "id"_L1).toString();
                if (const QString src = picture(rid); !src.isEmpty()) {
                    content += u"<img src=\"%1\" alt=\"\">"_s.arg(src);
                    ++*pictures;
                }
            }
        }
        if (content.isEmpty())
            return;
        if (underline)
            content = "<u>"_L1 + content + "</u>"_L1;
        if (italic)
            content = "<em>"_L1 + content + "</em>"_L1;
        if (bold)
            content = "<strong>"_L1 + content + "</strong>"_L1;
        p->html += content;
    }

    // The picture of relationship `rid`, read once; its name in the HTML, or empty.
    QString picture(const QString &rid)
    {
        const QString target = m_relationships.value(rid);
        if (target.isEmpty())
            return {};
        if (const auto known = m_pictureNames.constFind(target); known != m_pictureNames.constEnd())
            return *known;
        const QString part = target.startsWith(u'/') ? target.mid(1) : u"word/"_s + target;
        if (m_pictures.size() >= DocxReader::kMaxPictures)
            return {};
        const std::optional<QByteArray> bytes = m_package.part(part);
        if (!bytes || m_pictureBytes + bytes->size() > DocxReader::kMaxPartBytes)
            return {}; // a picture too many (or too large) is left out, the text is not
        m_pictureBytes += bytes->size();
        DocxDocument::Picture picture;
        picture.name = u"docx-picture:%1"_s.arg(m_pictures.size() + 1);
        picture.fileName = QFileInfo(target).fileName();
        picture.bytes = *bytes;
        m_pictures.append(picture);
        m_pictureNames.insert(target, picture.name);
        return picture.name;
    }

    void emitParagraph(const Paragraph &p)
    {
        const LevelFormat *format = p.numId.isEmpty() ? nullptr : m_numbering.format(p.numId, p.level);
        if (p.heading > 0) {
            closeLists();
            const int h = std::min(p.heading + 1, 6); // h1 is the page's title
            m_html += u"<h%1%3>%2</h%1>"_s.arg(h).arg(p.html, alignAttribute(p));
            return;
        }
        if (format && format->format == "bullet"_L1) {
            openListAt(p.level);
            m_html += "<li>"_L1 + p.html + "</li>"_L1;
            return;
        }
        closeLists();
        if (format && format->format != "none"_L1) {
            // Numbered: the number stays text (一、（一）1.（1）are part of an official document).
            int &counter = m_counters[p.numId][p.level];
            counter = counter == 0 ? format->start : counter + 1;
            for (int deeper = p.level + 1; deeper < 9; ++deeper)
                m_counters[p.numId].remove(deeper);
            QString marker = format->text;
            for (int l = 0; l <= p.level; ++l) {
                const LevelFormat *lf = m_numbering.format(p.numId, l);
                const int value = l == p.level ? counter : m_counters[p.numId].value(l, lf ? lf->start : 1);
                marker.replace(u"%%1"_s.arg(l + 1), counterText(lf ? lf->format : QString(), value));
            }
            m_html += "<p>"_L1 + marker.toHtmlEscaped() + p.html + "</p>"_L1;
            return;
        }
        m_html += "<p"_L1 + alignAttribute(p) + ">"_L1 + p.html + "</p>"_L1;
    }

    static QString alignAttribute(const Paragraph &p)
    {
        return p.align.isEmpty() ? QString() : u" align=\"%1\""_s.arg(p.align);
    }

    void openListAt(int level)
    {
        while (m_openLists > level + 1) {
            m_html += "</ul>"_L1;
            --m_openLists;
        }
        while (m_openLists < level + 1) {
            m_html += "<ul>"_L1;
            ++m_openLists;
        }
    }

    void closeLists()
    {
        for (; m_openLists > 0; --m_openLists)
            m_html += "</ul>"_L1;
    }

    QString table(QXmlStreamReader &xml)
    {
        QString html = u"<table>"_s;
        bool rowOpen = false;
        while (!(xml.isEndElement() && xml.name() == u"tbl" && xml.namespaceUri() == kW) && !xml.atEnd()) {
            xml.readNext();
            if (xml.namespaceUri() != kW)
                continue;
            if (xml.isStartElement() && xml.name() == u"tr") {
                html += "<tr>"_L1;
                rowOpen = true;
            } else if (xml.isEndElement() && xml.name() == u"tr" && rowOpen) {
                html += "</tr>"_L1;
                rowOpen = false;
            } else if (xml.isStartElement() && xml.name() == u"tc") {
                html += "<td>"_L1 + cell(xml) + "</td>"_L1;
            }
        }
        return html + "</table>"_L1;
    }

    // A cell's paragraphs as lines (a table inside a cell gives its text).
    QString cell(QXmlStreamReader &xml)
    {
        QStringList lines;
        int depth = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isEndElement() && xml.namespaceUri() == kW && xml.name() == u"tc") {
                if (depth == 0)
                    break;
                --depth;
            } else if (xml.isStartElement() && xml.namespaceUri() == kW && xml.name() == u"tc") {
                ++depth;
            } else if (xml.isStartElement() && xml.namespaceUri() == kW && xml.name() == u"p") {
                const Paragraph p = paragraph(xml);
                if (!p.html.trimmed().isEmpty())
                    lines << (p.heading > 0 ? "<strong>"_L1 + p.html + "</strong>"_L1 : p.html);
            }
        }
        return lines.join("<br>"_L1);
    }

    const Package &m_package;
    QHash<QString, int> m_headings;
    Numbering m_numbering;
    QHash<QString, QString> m_relationships;
    QHash<QString, QString> m_links;
    QHash<QString, QHash<int, int>> m_counters;
    QHash<QString, QString> m_pictureNames;
    QList<DocxDocument::Picture> m_pictures;
    qint64 m_pictureBytes = 0;
    QString m_html;
    int m_openLists = 0;
};

} // namespace

bool DocxReader::isDocx(const QString &path)
{
    return path.endsWith(".docx"_L1, Qt::CaseInsensitive);
}

std::optional<DocxDocument> DocxReader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1 could not be opened: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxPartBytes * 4) {
        *error = tr("%1 is too large to import.").arg(QFileInfo(path).fileName());
        return std::nullopt;
    }
    return read(file.readAll(), error);
}

std::optional<DocxDocument> DocxReader::read(const QByteArray &bytes, QString *error)
{
    Package package;
    if (!package.open(bytes, error))
        return std::nullopt;
    bool tooLarge = false;
    const std::optional<QByteArray> document = package.part(u"word/document.xml"_s, &tooLarge);
    if (!document) {
        *error = tooLarge ? tr("The Word document's text is too large to import.")
                          : tr("The file is not a Word document (.docx): it has no word/document.xml.");
        return std::nullopt;
    }
    const std::optional<QByteArray> relationships = package.part(u"word/_rels/document.xml.rels"_s);
    Converter converter(package, headingStyles(package.part(u"word/styles.xml"_s)),
                        readNumbering(package.part(u"word/numbering.xml"_s)),
                        readRelationships(relationships, false), readRelationships(relationships, true));
    DocxDocument out;
    if (!converter.convert(*document, &out, error))
        return std::nullopt;
    return out;
}

} // namespace baosong
