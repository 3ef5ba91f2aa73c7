#pragma once

// The one HTML → plain text function (docs/design.md §6): what the search index stores, what the
// reviewer's diff compares, what the checks read and what the site's summaries and descriptions show.
// One pass over the text, no parser: every item of a sync goes through it.
//
// The text a reader sees: one line per block (paragraphs, headings, list items, table rows), inline
// tags joined, HTML white space (and NBSP) collapsed to one space inside a line, the ideographic space
// U+3000 kept, no empty lines; table cells apart by a tab (blocks inside a cell by a space); <pre> kept
// as written; an image's alt text in its place; entities decoded; scripts, styles and comments dropped.

#include <QString>
#include <QStringView>

namespace baosong {

class HtmlText
{
public:
    static QString plainText(QStringView html);
};

} // namespace baosong
