#pragma once

// The editor's document as item HTML (docs/design.md §8, §11). QTextDocument::toHtml() writes a full page
// with inline styles, fonts and colours; the site wants plain structure. documentToHtml walks the
// document and writes only that structure:
//   - a block with a heading level → h1–h6 (the sanitizer writes h1 as h2), any other block → p;
//   - blocks in a QTextList → ul (disc, circle, square) or ol (numbers, letters, roman numerals),
//     nested by the list format's indent;
//   - QTextTable → table/tbody/tr with td (th for the format's header rows), colspan and rowspan;
//   - character formats → strong (bold, except in headings and header cells), em (italic), u
//     (underline, except on links), s (strike-out), sup/sub; anchors → a href;
//   - images → img src = the QTextImageFormat's name (the editor names an attachment image
//     "baosong-attachment:<id>", HtmlSanitizer.h), alt = its ImageAltText or ImageTitle property;
//   - line separators (Shift+Enter) → br;
//   - a paragraph holding only an image marked as captioned (kImageCaption on its format, with a
//     description) → figure with the img and a figcaption of the description (issue #21 point 7).
// Fonts, sizes, colours, alignment and margins are never written. The result then goes through
// `sanitizer`, so it is always in the allowed structure and exactly what the preview and the site
// show; pass the item's policy (HtmlSanitizer::policyForAttachments) or its images are dropped.

#include "HtmlSanitizer.h"

#include <QString>
#include <QTextFormat>

class QTextDocument;

namespace baosong {

// The image format's property saying its description is shown as a visible caption under it.
inline constexpr int kImageCaption = QTextFormat::UserProperty + 1;

QString documentToHtml(const QTextDocument &doc, const HtmlSanitizer &sanitizer = HtmlSanitizer());

// Loads item HTML into the editor's document: as QTextDocument::setHtml, and a figure of an image with
// its figcaption becomes a paragraph of that image marked kImageCaption with the caption as its
// description, so that documentToHtml writes the figure again.
void loadDocumentHtml(QTextDocument &doc, const QString &html);

} // namespace baosong
