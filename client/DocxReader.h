#pragma once

// Reads a Word (.docx) or WPS document saved as .docx into the body's HTML (issue #15 point 9): the
// zip is read with libzip, word/document.xml (with its styles, numbering and relationships) with
// QXmlStreamReader — no office suite. Kept: headings (Heading 1–6 / 标题 1–6 / Title), paragraphs,
// bold, italic, underline, line breaks, bulleted and numbered lists, tables and pictures. Dropped:
// fonts, sizes, colours, highlighting, fields, comments, tracked deletions, headers and footers.
// The result still goes through the body's sanitizer (core/HtmlSanitizer) like any paste.

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace baosong {

struct DocxDocument
{
    struct Picture
    {
        QString name;     // the img src in `html`: "docx-picture:<n>"
        QString fileName; // as in the package, e.g. "image1.png"
        QByteArray bytes;
    };
    QString html;            // the body: h1–h6, p, strong, em, u, br, ul/ol/li, table/tr/td, img
    QString title;           // the first heading or, without one, the first paragraph's text
    QList<Picture> pictures; // in order of appearance
};

class DocxReader
{
public:
    // Limits against hostile files: the document part and a picture at most this big when unzipped.
    // The pictures together are held to the same size, and to this many; those beyond are left out.
    static constexpr qint64 kMaxPartBytes = 64 * 1024 * 1024;
    static constexpr int kMaxPictures = 200;

    // nullopt with a translated message in *error: not a zip, not a Word document, damaged, too large.
    static std::optional<DocxDocument> readFile(const QString &path, QString *error);
    static std::optional<DocxDocument> read(const QByteArray &bytes, QString *error);
    // Whether the file's name says it is a Word document this reader takes (.docx, .wps is not:
    // WPS's own format is binary; save it as .docx first).
    static bool isDocx(const QString &path);
};

} // namespace baosong
