#include "HtmlText.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

const QHash<QString, QString> &namedEntities()
{
    static const QHash<QString, QString> entities{
        {u"amp"_s, u"&"_s},         {u"lt"_s, u"<"_s},         {u"gt"_s, u">"_s},
        {u"quot"_s, u"\""_s},       {u"apos"_s, u"'"_s},       {u"nbsp"_s, u"\u00A0"_s},
        {u"ensp"_s, u" "_s},        {u"emsp"_s, u" "_s},       {u"ldquo"_s, u"\u201C"_s},
        {u"rdquo"_s, u"\u201D"_s},  {u"lsquo"_s, u"\u2018"_s}, {u"rsquo"_s, u"\u2019"_s},
        {u"mdash"_s, u"\u2014"_s},  {u"ndash"_s, u"\u2013"_s}, {u"hellip"_s, u"\u2026"_s},
        {u"middot"_s, u"\u00B7"_s}, {u"times"_s, u"\u00D7"_s}, {u"copy"_s, u"\u00A9"_s},
        {u"reg"_s, u"\u00AE"_s},    {u"deg"_s, u"\u00B0"_s},   {u"ideographicspace"_s, u"\u3000"_s},
    };
    return entities;
}

enum class Tag
{
    Other,
    Block,
    Row,
    Cell,
    Table,
    Break,
    Image,
    Pre,
    Skip
};

Tag classify(QStringView name)
{
    static const QHash<QString, Tag> tags{
        {u"p"_s, Tag::Block},          {u"div"_s, Tag::Block},     {u"li"_s, Tag::Block},
        {u"ul"_s, Tag::Block},         {u"ol"_s, Tag::Block},      {u"dl"_s, Tag::Block},
        {u"dt"_s, Tag::Block},         {u"dd"_s, Tag::Block},      {u"h1"_s, Tag::Block},
        {u"h2"_s, Tag::Block},         {u"h3"_s, Tag::Block},      {u"h4"_s, Tag::Block},
        {u"h5"_s, Tag::Block},         {u"h6"_s, Tag::Block},      {u"blockquote"_s, Tag::Block},
        {u"hr"_s, Tag::Block},         {u"section"_s, Tag::Block}, {u"article"_s, Tag::Block},
        {u"header"_s, Tag::Block},     {u"footer"_s, Tag::Block},  {u"address"_s, Tag::Block},
        {u"center"_s, Tag::Block},     {u"caption"_s, Tag::Block}, {u"figure"_s, Tag::Block},
        {u"figcaption"_s, Tag::Block}, {u"thead"_s, Tag::Block},   {u"tbody"_s, Tag::Block},
        {u"tfoot"_s, Tag::Block},      {u"table"_s, Tag::Table},   {u"tr"_s, Tag::Row},
        {u"td"_s, Tag::Cell},          {u"th"_s, Tag::Cell},       {u"br"_s, Tag::Break},
        {u"img"_s, Tag::Image},        {u"pre"_s, Tag::Pre},       {u"listing"_s, Tag::Pre},
        {u"script"_s, Tag::Skip},      {u"style"_s, Tag::Skip},    {u"template"_s, Tag::Skip},
        {u"noscript"_s, Tag::Skip},    {u"iframe"_s, Tag::Skip},   {u"object"_s, Tag::Skip},
        {u"title"_s, Tag::Skip},       {u"textarea"_s, Tag::Skip},
    };
    if (name.size() > 10)
        return Tag::Other;
    return tags.value(name.toString().toLower(), Tag::Other);
}

bool isAsciiLetter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

// HTML's white space, and NBSP (a reader sees a space); the ideographic space U+3000 is text.
bool collapses(char16_t u)
{
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f' || u == 0x00A0;
}

// Decodes the entity at `at` (view[at] == '&'); returns its text and sets *length, or a null string.
QString entityAt(QStringView view, qsizetype at, qsizetype *length)
{
    const qsizetype semi = view.indexOf(u';', at + 1);
    if (semi <= at + 1 || semi - at > 20)
        return {};
    const QStringView entity = view.sliced(at + 1, semi - at - 1);
    QString decoded;
    if (entity.startsWith(u'#')) {
        bool ok = false;
        const uint code = entity.size() > 1 && (entity.at(1) == u'x' || entity.at(1) == u'X')
                              ? entity.sliced(2).toUInt(&ok, 16)
                              : entity.sliced(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
            const char32_t ch = code;
            decoded = QString::fromUcs4(&ch, 1);
        }
    } else {
        decoded = namedEntities().value(entity.toString());
    }
    if (!decoded.isEmpty())
        *length = semi - at + 1;
    return decoded;
}

// The value of attribute `name` inside a tag's text (after its name), entities decoded.
QString attributeValue(QStringView tag, QStringView name)
{
    qsizetype i = 0;
    const qsizetype n = tag.size();
    while (i < n) {
        while (i < n && (collapses(tag.at(i).unicode()) || tag.at(i) == u'/'))
            ++i;
        const qsizetype start = i;
        while (i < n && tag.at(i) != u'=' && !collapses(tag.at(i).unicode()) && tag.at(i) != u'/')
            ++i;
        const QStringView attr = tag.sliced(start, i - start);
        while (i < n && collapses(tag.at(i).unicode()))
            ++i;
        QStringView value;
        if (i < n && tag.at(i) == u'=') {
            ++i;
            while (i < n && collapses(tag.at(i).unicode()))
                ++i;
            if (i < n && (tag.at(i) == u'"' || tag.at(i) == u'\'')) {
                const QChar quote = tag.at(i++);
                const qsizetype end = tag.indexOf(quote, i);
                const qsizetype stop = end < 0 ? n : end;
                value = tag.sliced(i, stop - i);
                i = end < 0 ? n : end + 1;
            } else {
                const qsizetype vstart = i;
                while (i < n && !collapses(tag.at(i).unicode()))
                    ++i;
                value = tag.sliced(vstart, i - vstart);
            }
        }
        if (attr.isEmpty() && start == i)
            ++i;
        if (attr.compare(name, Qt::CaseInsensitive) == 0) {
            QString out;
            for (qsizetype k = 0; k < value.size();) {
                qsizetype length = 0;
                if (value.at(k) == u'&') {
                    const QString decoded = entityAt(value, k, &length);
                    if (!decoded.isEmpty()) {
                        out += decoded;
                        k += length;
                        continue;
                    }
                }
                out += value.at(k++);
            }
            return out;
        }
    }
    return {};
}

class Writer
{
public:
    explicit Writer(qsizetype capacity) { m_out.reserve(capacity); }

    // Text between tags. Printable ASCII and everything above U+3000 (CJK, surrogates) never
    // collapses: such runs are copied whole.
    void text(QStringView text)
    {
        if (m_pre > 0) {
            if (text.isEmpty())
                return;
            flush();
            m_out.append(text);
            m_lineHasText = !m_out.endsWith(u'\n');
            return;
        }
        const qsizetype size = text.size();
        for (qsizetype k = 0; k < size;) {
            qsizetype run = k;
            while (run < size) {
                const char16_t u = text.at(run).unicode();
                if (!((u > 0x20 && u < 0x7f) || u >= 0x3000))
                    break;
                ++run;
            }
            if (run > k) {
                flush();
                m_out.append(text.sliced(k, run - k));
                m_lineHasText = true;
                k = run;
                continue;
            }
            const QChar ch = text.at(k++);
            if (collapses(ch.unicode())) {
                if (m_lineHasText && m_pending == Pending::None)
                    m_pending = Pending::Space;
            } else if (ch.unicode() != 0) {
                flush();
                m_out.append(ch);
                m_lineHasText = true;
            }
        }
    }

    // A block boundary: a new line, or a space inside a table cell (a row stays on one line).
    void block()
    {
        if (m_cells > 0) {
            if (m_lineHasText && m_pending == Pending::None)
                m_pending = Pending::Space;
        } else {
            newline();
        }
    }
    void newline()
    {
        m_pending = m_out.isEmpty() ? Pending::None : Pending::Newline;
        m_tabs = 0;
    }
    void openCell()
    {
        if (m_cells > 0) // the previous cell was left open
            closeCell();
        ++m_cells;
    }
    void closeCell()
    {
        if (m_cells == 0)
            return;
        --m_cells;
        if (m_pending != Pending::Newline) {
            ++m_tabs;
            m_pending = Pending::None;
        }
    }
    void row()
    {
        m_cells = 0;
        newline();
    }
    void pre(bool open)
    {
        block();
        m_pre = open ? m_pre + 1 : std::max(0, m_pre - 1);
        m_skipNewline = open;
    }
    bool skipLeadingNewline()
    {
        const bool skip = m_skipNewline;
        m_skipNewline = false;
        return skip;
    }

    QString take()
    {
        while (!m_out.isEmpty() && m_out.back().isSpace())
            m_out.chop(1);
        return std::move(m_out);
    }

private:
    enum class Pending
    {
        None,
        Space,
        Newline
    };

    void flush()
    {
        if (m_pending == Pending::Newline) {
            m_out.append(u'\n');
            m_lineHasText = false;
        } else if (m_pending == Pending::Space && m_tabs == 0) {
            m_out.append(u' ');
        }
        for (; m_tabs > 0; --m_tabs)
            m_out.append(u'\t');
        m_pending = Pending::None;
    }

    QString m_out;
    Pending m_pending = Pending::None;
    int m_tabs = 0;
    int m_cells = 0;
    int m_pre = 0;
    bool m_lineHasText = false;
    bool m_skipNewline = false;
};

} // namespace

QString HtmlText::plainText(QStringView view)
{
    Writer w(view.size());
    const qsizetype n = view.size();
    qsizetype i = 0;
    while (i < n) {
        qsizetype run = i;
        while (run < n && view.at(run) != u'<' && view.at(run) != u'&')
            ++run;
        if (run > i) {
            QStringView text = view.sliced(i, run - i);
            if (w.skipLeadingNewline() && text.startsWith(u'\n'))
                text = text.sliced(1);
            w.text(text);
        }
        i = run;
        if (i >= n)
            break;
        if (view.at(i) == u'&') {
            qsizetype length = 0;
            const QString decoded = entityAt(view, i, &length);
            if (!decoded.isEmpty()) {
                w.text(decoded);
                i += length;
            } else {
                w.text(view.sliced(i, 1));
                ++i;
            }
            continue;
        }
        // view.at(i) == '<'
        if (view.sliced(i).startsWith(u"<!--")) {
            const qsizetype end = view.indexOf(u"-->", i + 4);
            i = end < 0 ? n : end + 3;
            continue;
        }
        const bool closing = i + 1 < n && view.at(i + 1) == u'/';
        const qsizetype nameStart = i + (closing ? 2 : 1);
        // "<" not followed by a letter (or "!", "?": declarations) is text, as in HTML.
        if (nameStart >= n || !(isAsciiLetter(view.at(nameStart)) ||
                                (!closing && (view.at(nameStart) == u'!' || view.at(nameStart) == u'?')))) {
            w.text(view.sliced(i, 1));
            ++i;
            continue;
        }
        const qsizetype end = view.indexOf(u'>', nameStart);
        if (end < 0) { // an unfinished tag at the end: nothing a reader sees
            break;
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < end && view.at(nameEnd).isLetterOrNumber())
            ++nameEnd;
        const QStringView name = view.sliced(nameStart, nameEnd - nameStart);
        const QStringView attributes = view.sliced(nameEnd, end - nameEnd);
        i = end + 1;
        switch (classify(name)) {
        case Tag::Skip:
            if (!closing) {
                const qsizetype close = view.indexOf(u"</"_s + name.toString(), i, Qt::CaseInsensitive);
                const qsizetype closeEnd = close < 0 ? -1 : view.indexOf(u'>', close);
                i = closeEnd < 0 ? n : closeEnd + 1;
            }
            break;
        case Tag::Block:
        case Tag::Break:
            w.block();
            break;
        case Tag::Table:
        case Tag::Row:
            w.row();
            break;
        case Tag::Cell:
            if (closing)
                w.closeCell();
            else
                w.openCell();
            break;
        case Tag::Pre:
            w.pre(!closing);
            break;
        case Tag::Image:
            if (!closing)
                w.text(attributeValue(attributes, u"alt").simplified());
            break;
        case Tag::Other:
            break;
        }
    }
    return w.take();
}

} // namespace baosong
