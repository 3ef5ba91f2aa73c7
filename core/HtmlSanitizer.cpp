#include "HtmlSanitizer.h"

#include <QRegularExpression>
#include <QStringList>

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

// Deeper elements than this are written as their escaped text only (hostile nesting can't exhaust
// the stack; no real document nests 200 elements deep).
constexpr int kMaxDepth = 200;

// Input whose tags would nest deeper than this is not given to gumbo: the HTML tree-building
// algorithm looks through the stack of open elements for every tag, so its time grows with the square
// of the depth (40,000 nested divs: 8 s). Browsers cap the depth too (Blink: 512).
constexpr int kMaxInputDepth = 512;

// ---- parsing -----------------------------------------------------------------------------------

// An upper estimate of how deep `html`'s tags nest: every start tag of an element that needs an end
// tag opens a level, every end tag closes one. Void elements and those whose end tag may be left out
// (p, li, td…: the parser closes them at the next sibling) don't count, so real documents, even
// sloppy ones, stay far below kMaxInputDepth.
int estimatedDepth(QStringView html)
{
    static const QSet<QString> flat{
        u"area"_s,     u"base"_s,     u"br"_s,   u"col"_s,   u"embed"_s,    u"hr"_s,
        u"img"_s,      u"input"_s,    u"link"_s, u"meta"_s,  u"param"_s,    u"source"_s,
        u"track"_s,    u"wbr"_s,      u"p"_s,    u"li"_s,    u"dt"_s,       u"dd"_s,
        u"td"_s,       u"th"_s,       u"tr"_s,   u"tbody"_s, u"thead"_s,    u"tfoot"_s,
        u"option"_s,   u"optgroup"_s, u"rt"_s,   u"rp"_s,    u"colgroup"_s, u"caption"_s,
        u"!doctype"_s, u"html"_s,     u"head"_s, u"body"_s,  u"image"_s,    u"keygen"_s};
    int depth = 0;
    int deepest = 0;
    const qsizetype n = html.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (html[i] != u'<')
            continue;
        const bool end = html[i + 1] == u'/';
        qsizetype j = i + (end ? 2 : 1);
        const qsizetype start = j;
        while (j < n && (html[j].isLetterOrNumber() || html[j] == u':' || html[j] == u'-' || html[j] == u'!'))
            ++j;
        if (j == start || !html[start].isLetter())
            continue;
        const QString name = html.mid(start, j - start).toString().toLower();
        if (flat.contains(name))
            continue;
        if (end) {
            depth = std::max(0, depth - 1);
        } else {
            // "<x/>" is a start tag to the HTML parser, except for void elements (handled above).
            deepest = std::max(deepest, ++depth);
        }
    }
    return deepest;
}

// What is left of hostile input too deep to parse: its text, tags cut out, escaped.
QString textOfTooDeep(const QString &html);

struct GumboDeleter
{
    void operator()(GumboOutput *output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

// The fragment is parsed as the body of a standards-mode document, which is where the site puts it.
// The explicit <body> also means a <title>, <meta> or <style> in the fragment lands in the body (and
// is dropped there) and a <frameset> can't replace the body.
struct Parsed
{
    QByteArray buffer; // gumbo's tree points into it
    GumboPtr output;
    const GumboNode *body = nullptr;
};

// gumbo records a copy of the stack of open elements with every parse error: hostile input nested
// 40,000 deep then costs gigabytes. Errors are of no use here, so none are recorded.
const GumboOptions &parseOptions()
{
    static const GumboOptions options = [] {
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0;
        return o;
    }();
    return options;
}

Parsed parseFragment(const QString &html)
{
    Parsed p;
    p.buffer = "<!DOCTYPE html><html><head></head><body>" + html.toUtf8();
    p.output.reset(gumbo_parse_with_options(&parseOptions(), p.buffer.constData(),
                                            static_cast<size_t>(p.buffer.size())));
    if (!p.output || !p.output->root)
        return p;
    const GumboVector &children = p.output->root->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto *child = static_cast<const GumboNode *>(children.data[i]);
        if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) {
            p.body = child;
            break;
        }
    }
    return p;
}

QString utf8(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

const GumboNode *childAt(const GumboVector &v, unsigned i)
{
    return static_cast<const GumboNode *>(v.data[i]);
}

const GumboVector *childrenOf(const GumboNode *node)
{
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE)
        return &node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT)
        return &node->v.document.children;
    return nullptr;
}

QString attribute(const GumboNode *element, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&element->v.element.attributes, name);
    return a ? utf8(a->value) : QString();
}

bool hasAttribute(const GumboNode *element, const char *name)
{
    return gumbo_get_attribute(&element->v.element.attributes, name) != nullptr;
}

// ---- classification ----------------------------------------------------------------------------

enum class Action
{
    Keep,   // written, as `name`
    Unwrap, // the element goes, its content stays
    Block,  // a block container: written as p when it holds only inline content, else unwrapped
    Drop,   // gone with its content
};

struct Decision
{
    Action action = Action::Unwrap;
    const char16_t *name = nullptr; // the element written, for Keep
};

Decision classify(const GumboNode *node)
{
    const GumboElement &e = node->v.element;
    if (node->type == GUMBO_NODE_TEMPLATE || e.tag_namespace != GUMBO_NAMESPACE_HTML)
        return {Action::Drop};
    switch (e.tag) {
    case GUMBO_TAG_P:
        return {Action::Keep, u"p"};
    case GUMBO_TAG_BR:
        return {Action::Keep, u"br"};
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
        return {Action::Keep, u"h2"};
    case GUMBO_TAG_H3:
        return {Action::Keep, u"h3"};
    case GUMBO_TAG_H4:
        return {Action::Keep, u"h4"};
    case GUMBO_TAG_H5:
        return {Action::Keep, u"h5"};
    case GUMBO_TAG_H6:
        return {Action::Keep, u"h6"};
    case GUMBO_TAG_UL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
        return {Action::Keep, u"ul"};
    case GUMBO_TAG_OL:
        return {Action::Keep, u"ol"};
    case GUMBO_TAG_LI:
        return {Action::Keep, u"li"};
    case GUMBO_TAG_TABLE:
        return {Action::Keep, u"table"};
    case GUMBO_TAG_CAPTION:
        return {Action::Keep, u"caption"};
    case GUMBO_TAG_THEAD:
        return {Action::Keep, u"thead"};
    case GUMBO_TAG_TBODY:
        return {Action::Keep, u"tbody"};
    case GUMBO_TAG_TFOOT:
        return {Action::Keep, u"tfoot"};
    case GUMBO_TAG_TR:
        return {Action::Keep, u"tr"};
    case GUMBO_TAG_TH:
        return {Action::Keep, u"th"};
    case GUMBO_TAG_TD:
        return {Action::Keep, u"td"};
    case GUMBO_TAG_STRONG:
        return {Action::Keep, u"strong"};
    case GUMBO_TAG_B:
        return {Action::Keep, u"b"};
    case GUMBO_TAG_EM:
        return {Action::Keep, u"em"};
    case GUMBO_TAG_I:
        return {Action::Keep, u"i"};
    case GUMBO_TAG_U:
    case GUMBO_TAG_INS:
        return {Action::Keep, u"u"};
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_DEL:
        return {Action::Keep, u"s"};
    case GUMBO_TAG_SUB:
        return {Action::Keep, u"sub"};
    case GUMBO_TAG_SUP:
        return {Action::Keep, u"sup"};
    case GUMBO_TAG_BLOCKQUOTE:
        return {Action::Keep, u"blockquote"};
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
        return {Action::Keep, u"pre"};
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_SAMP:
        return {Action::Keep, u"code"};
    case GUMBO_TAG_HR:
        return {Action::Keep, u"hr"};
    case GUMBO_TAG_A:
        return {Action::Keep, u"a"};
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
        return {Action::Keep, u"img"};

    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_HGROUP:
        return {Action::Block};

    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_OUTPUT:
    case GUMBO_TAG_PROGRESS:
    case GUMBO_TAG_METER:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_BLINK:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_MENUITEM:
        return {Action::Drop};
    default:
        break;
    }
    // "picture" and "slot" are newer than gumbo's tag table: they come as unknown elements.
    const QString original =
        QString::fromUtf8(e.original_tag.data, static_cast<qsizetype>(e.original_tag.length));
    static const QRegularExpression dropped(u"^<(picture|slot|portal|dialog|command|search)[\\s/>]"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (e.tag == GUMBO_TAG_UNKNOWN && dropped.match(original).hasMatch())
        return {Action::Drop};
    return {Action::Unwrap};
}

bool isHeading(QStringView name)
{
    return name.size() == 2 && name[0] == u'h' && name[1] >= u'1' && name[1] <= u'6';
}

bool isBlock(QStringView name)
{
    static const QSet<QString> blocks{u"p"_s,  u"ul"_s,         u"ol"_s, u"li"_s, u"table"_s,  u"pre"_s,
                                      u"hr"_s, u"blockquote"_s, u"h2"_s, u"h3"_s, u"h4"_s,     u"h5"_s,
                                      u"h6"_s, u"th"_s,         u"td"_s, u"tr"_s, u"caption"_s};
    return blocks.contains(name.toString());
}

bool isInline(QStringView name)
{
    static const QSet<QString> inlines{u"strong"_s, u"b"_s,   u"em"_s,  u"i"_s,    u"u"_s,
                                       u"s"_s,      u"sub"_s, u"sup"_s, u"code"_s, u"a"_s};
    return inlines.contains(name.toString());
}

// ---- escaping and attribute values -------------------------------------------------------------

void appendEscapedText(QString &out, QStringView text)
{
    out.reserve(out.size() + text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case 0:
            break;
        default:
            out += c;
        }
    }
}

void appendAttribute(QString &out, QStringView name, QStringView value)
{
    out += u' ';
    out += name;
    out += u"=\"";
    for (QChar c : value) {
        switch (c.unicode()) {
        case u'&':
            out += u"&amp;";
            break;
        case u'<':
            out += u"&lt;";
            break;
        case u'>':
            out += u"&gt;";
            break;
        case u'"':
            out += u"&quot;";
            break;
        case 0:
            break;
        default:
            out += c;
        }
    }
    out += u'"';
}

// A plain non-negative number in [min, max], as written by an honest editor ("3", not "3px").
std::optional<int> plainNumber(const QString &value, int min, int max)
{
    const QString v = value.trimmed();
    if (v.isEmpty() || v.size() > 6)
        return std::nullopt;
    for (QChar c : v) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    const int n = v.toInt();
    if (n < min || n > max)
        return std::nullopt;
    return n;
}

bool isUrlSafeId(QStringView id)
{
    if (id.isEmpty())
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
                        u == u'-' || u == u'_' || u == u'.' || u == u'~';
        if (!ok)
            return false;
    }
    return true;
}

// ---- Word and WPS list paragraphs --------------------------------------------------------------

// A paragraph Word or WPS wrote for a list item: style "mso-list:l0 level2 lfo1" (not "mso-list:Ignore",
// the marker's span, nor "mso-list:none"). Returns the level (1-based) or 0.
int msoListLevel(const GumboNode *node)
{
    if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_P)
        return 0;
    static const QRegularExpression re(u"mso-list\\s*:\\s*l\\d+\\s+level(\\d+)"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(attribute(node, "style"));
    if (!m.hasMatch())
        return 0;
    return std::clamp(m.captured(1).toInt(), 1, 9);
}

bool isMsoListMarker(const GumboNode *node)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return false;
    static const QRegularExpression re(u"mso-list\\s*:\\s*ignore"_s,
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(attribute(node, "style")).hasMatch();
}

QString textOf(const GumboNode *node)
{
    QString text;
    std::vector<const GumboNode *> stack{node};
    while (!stack.empty()) {
        const GumboNode *n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
            text += utf8(n->v.text.text);
        } else if (n->type == GUMBO_NODE_ELEMENT && classify(n).action != Action::Drop) {
            const GumboVector &c = n->v.element.children;
            for (unsigned i = c.length; i > 0; --i)
                stack.push_back(childAt(c, i - 1));
        }
    }
    return text;
}

const GumboNode *findMsoListMarker(const GumboNode *node, int depth = 0)
{
    if (depth > 8 || node->type != GUMBO_NODE_ELEMENT)
        return nullptr;
    if (isMsoListMarker(node))
        return node;
    const GumboVector &c = node->v.element.children;
    for (unsigned i = 0; i < c.length; ++i) {
        if (const GumboNode *m = findMsoListMarker(childAt(c, i), depth + 1))
            return m;
    }
    return nullptr;
}

// A bullet marker: written in a symbol font (Word's "·" in Symbol, WPS's "l" in Wingdings, "§", "Ø",
// "ü"…), Word's "o" (Courier New) for a second-level bullet, or no letter or number at all ("●", "-").
// Anything else ("1.", "a)", "一、", "（1）") numbers the paragraph.
bool isBulletMarker(const GumboNode *marker, const GumboNode *paragraph)
{
    const QString m = textOf(marker).simplified();
    if (m == u"o"_s)
        return true;
    static const QRegularExpression symbolFont(u"wingdings|symbol|webdings"_s,
                                               QRegularExpression::CaseInsensitiveOption);
    for (const GumboNode *n = marker; n && n != paragraph; n = n->parent) {
        if (n->type == GUMBO_NODE_ELEMENT && (symbolFont.match(attribute(n, "style")).hasMatch() ||
                                              symbolFont.match(attribute(n, "face")).hasMatch()))
            return true;
    }
    static const QRegularExpression numbered(u"[\\p{L}\\p{N}]"_s);
    return !numbered.match(m).hasMatch();
}

// ---- the writer --------------------------------------------------------------------------------

struct Context
{
    bool phrasing = false;   // inside p, a heading, pre or an inline element: no block wrappers
    bool inP = false;        // a p is open (in button scope): no p, list, table or heading
    bool inHeading = false;  // a heading is open: no heading
    bool inLink = false;     // an a is open: no a
    bool listParent = false; // the nearest written element is ul or ol
};

class Writer
{
public:
    explicit Writer(const HtmlSanitizer::Policy &policy)
        : m_policy(policy)
    {}

    QString take() { return std::exchange(m_out, {}); }

    void children(const GumboNode *parent, const Context &ctx, int depth)
    {
        const GumboVector *c = childrenOf(parent);
        if (!c)
            return;
        for (unsigned i = 0; i < c->length; ++i) {
            const GumboNode *child = childAt(*c, i);
            if (!ctx.phrasing && msoListLevel(child) > 0) {
                const GumboNode *marker = findMsoListMarker(child);
                if (marker && isBulletMarker(marker, child)) {
                    i = msoBulletList(*c, i, depth);
                    continue;
                }
            }
            node(child, ctx, depth);
        }
    }

private:
    void node(const GumboNode *n, const Context &ctx, int depth)
    {
        switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
            appendEscapedText(m_out, QString::fromUtf8(n->v.text.text));
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            element(n, ctx, depth);
            return;
        case GUMBO_NODE_DOCUMENT:
        case GUMBO_NODE_CDATA: // only in svg and math, which are dropped
        case GUMBO_NODE_COMMENT:
            return;
        }
    }

    void element(const GumboNode *n, const Context &ctx, int depth)
    {
        const Decision d = classify(n);
        if (d.action == Action::Drop)
            return;
        if (n == m_skip)
            return;
        if (depth > kMaxDepth) {
            if (isMsoListMarker(n))
                return;
            appendEscapedText(m_out, textOf(n));
            return;
        }
        if (d.action == Action::Unwrap) {
            if (isMsoListMarker(n)) {
                // A numbered Word list's marker ("1.", "一、", "（1）") stays as text, tidied.
                const QString marker = textOf(n).simplified();
                appendEscapedText(m_out, marker);
                if (!marker.isEmpty() && marker.back().unicode() < 0x2E80)
                    m_out += u' ';
                return;
            }
            children(n, ctx, depth + 1);
            return;
        }
        if (d.action == Action::Block) {
            if (n->v.element.tag == GUMBO_TAG_FIGURE && !ctx.phrasing && !ctx.inP && !ctx.listParent &&
                figure(n, depth))
                return;
            blockContainer(n, ctx, depth);
            return;
        }
        const QStringView name(d.name);
        if (name == u"li" && !ctx.listParent) {
            blockContainer(n, ctx, depth);
            return;
        }
        if ((ctx.inP && (isBlock(name) || name == u"p")) || (ctx.inHeading && isHeading(name)) ||
            (ctx.inLink && name == u"a")) {
            // Can't be nested here (parsing it again would close the open element): its content stays.
            children(n, ctx, depth + 1);
            return;
        }

        QString attrs;
        if (!attributes(n, name, attrs)) {
            // An a without an allowed href keeps its text; an img without an allowed src goes.
            if (name == u"a")
                children(n, ctx, depth + 1);
            return;
        }

        if (name == u"br" || name == u"hr" || name == u"img") {
            m_out += u'<' + name.toString() + attrs + u'>';
            if (name == u"hr")
                m_blockWritten = true;
            return;
        }

        Context inner = ctx;
        inner.listParent = name == u"ul" || name == u"ol";
        if (name == u"p" || isHeading(name) || name == u"pre" || isInline(name))
            inner.phrasing = true;
        if (name == u"p")
            inner.inP = true;
        if (isHeading(name))
            inner.inHeading = true;
        if (name == u"a")
            inner.inLink = true;
        if (name == u"table" || name == u"td" || name == u"th" || name == u"caption") {
            // Table cells and captions are scope boundaries for the parser: a fresh start.
            inner = Context{};
            inner.phrasing = false;
        }

        const bool outerBlock = std::exchange(m_blockWritten, false);
        QString saved = std::exchange(m_out, {});
        children(n, inner, depth + 1);
        QString content = std::exchange(m_out, std::move(saved));
        m_blockWritten = outerBlock || isBlock(name) || m_blockWritten;

        // Empty paragraphs and headings (Word's spacing) and empty inline elements go.
        if ((name == u"p" || isHeading(name)) && content.trimmed().isEmpty())
            return;
        if (isInline(name) && content.isEmpty())
            return;
        if (name == u"pre" && content.startsWith(u'\n'))
            content.prepend(u'\n'); // the parser drops one newline right after <pre>
        m_out += u'<' + name.toString() + attrs + u'>' + content + u"</"_s + name.toString() + u'>';
    }

    // An image with its caption (#21.7): a figure holding an allowed img and a figcaption is written
    // as figure > img + figcaption (the caption's text and inline elements); false (nothing written)
    // for any other figure, which is then unwrapped like a div.
    bool figure(const GumboNode *n, int depth)
    {
        const GumboNode *image = nullptr;
        const GumboNode *caption = nullptr;
        std::vector<const GumboNode *> stack{n};
        while (!stack.empty() && (!image || !caption)) {
            const GumboNode *at = stack.back();
            stack.pop_back();
            if (at->type != GUMBO_NODE_ELEMENT)
                continue;
            const GumboTag tag = at->v.element.tag;
            if (at != n && tag == GUMBO_TAG_IMG && !image)
                image = at;
            else if (at != n && tag == GUMBO_TAG_FIGCAPTION && !caption)
                caption = at;
            else if (at == n || tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_A ||
                     tag == GUMBO_TAG_SPAN)
                for (unsigned i = at->v.element.children.length; i > 0; --i)
                    stack.push_back(childAt(at->v.element.children, i - 1));
        }
        QString imageAttrs;
        if (!image || !caption || !attributes(image, u"img", imageAttrs))
            return false;
        Context inner;
        inner.phrasing = true;
        inner.inP = true;
        QString saved = std::exchange(m_out, {});
        const bool outerBlock = std::exchange(m_blockWritten, false);
        children(caption, inner, depth + 1);
        const QString text = std::exchange(m_out, std::move(saved));
        m_blockWritten = outerBlock;
        if (text.trimmed().isEmpty())
            return false;
        m_out += u"<figure><img"_s + imageAttrs + u"><figcaption>"_s + text + u"</figcaption></figure>"_s;
        m_blockWritten = true;
        return true;
    }

    // div and friends: a p when the content is text and inline elements only, else just the content.
    void blockContainer(const GumboNode *n, const Context &ctx, int depth)
    {
        const bool outerBlock = std::exchange(m_blockWritten, false);
        QString saved = std::exchange(m_out, {});
        children(n, ctx, depth + 1);
        QString content = std::exchange(m_out, std::move(saved));
        const bool innerBlock = m_blockWritten;
        m_blockWritten = outerBlock || innerBlock;
        if (innerBlock || ctx.phrasing || ctx.listParent || ctx.inP || content.trimmed().isEmpty()) {
            m_out += content;
            return;
        }
        m_out += u"<p>"_s + content + u"</p>"_s;
        m_blockWritten = true;
    }

    // Word/WPS bullet paragraphs from siblings[first] on, as nested ul/li by their level. Returns the
    // index of the last sibling consumed.
    unsigned msoBulletList(const GumboVector &siblings, unsigned first, int depth)
    {
        struct Item
        {
            int level;
            const GumboNode *node;
        };
        std::vector<Item> items;
        unsigned last = first;
        for (unsigned i = first; i < siblings.length; ++i) {
            const GumboNode *s = childAt(siblings, i);
            if (s->type == GUMBO_NODE_WHITESPACE || s->type == GUMBO_NODE_COMMENT)
                continue;
            const int level = msoListLevel(s);
            const GumboNode *marker = level > 0 ? findMsoListMarker(s) : nullptr;
            if (!marker || !isBulletMarker(marker, s))
                break;
            items.push_back({level, s});
            last = i;
        }

        Context itemCtx;
        itemCtx.phrasing = true;
        itemCtx.inP = true;
        int open = 0; // open ul elements; an li is open inside each but the first
        for (const Item &item : items) {
            const int level = std::max(1, std::min(item.level, open + 1));
            if (open == 0) {
                m_out += u"<ul>"_s;
                open = 1;
            } else if (level > open) {
                m_out += u"<ul>"_s; // inside the open li
                ++open;
            } else {
                while (open > level) {
                    m_out += u"</li></ul>"_s;
                    --open;
                }
                m_out += u"</li>"_s;
            }
            m_out += u"<li>"_s;
            const GumboNode *marker = findMsoListMarker(item.node);
            m_skip = marker;
            children(item.node, itemCtx, depth + 1);
            m_skip = nullptr;
        }
        while (open > 0) {
            m_out += u"</li></ul>"_s;
            --open;
        }
        m_blockWritten = true;
        return last;
    }

    // The allowed attributes of element `n` written as `name`, into `out`. False when the element
    // must not be written (an a without an allowed href, an img without an allowed src).
    bool attributes(const GumboNode *n, QStringView name, QString &out) const
    {
        if (name == u"p" || (name.size() == 2 && name[0] == u'h' && name[1] >= u'1' && name[1] <= u'6')) {
            // Centred or right-aligned, as official documents set titles, signatures and dates.
            const QString align = attribute(n, "align").trimmed().toLower();
            if (align == u"center" || align == u"right")
                appendAttribute(out, u"align", align);
            return true;
        }
        if (name == u"a") {
            if (!hasAttribute(n, "href"))
                return false;
            const QString href = HtmlSanitizer::cleanUrl(attribute(n, "href"));
            if (!HtmlSanitizer::isAllowedLinkUrl(href))
                return false;
            appendAttribute(out, u"href", href);
            if (hasAttribute(n, "title"))
                appendAttribute(out, u"title", attribute(n, "title"));
            appendAttribute(out, u"rel", u"noopener noreferrer");
            return true;
        }
        if (name == u"img") {
            const std::optional<QString> id = HtmlSanitizer::attachmentIdFromSource(attribute(n, "src"));
            if (!id || !m_policy.imageAttachmentIds.contains(*id))
                return false;
            QString src = HtmlSanitizer::attachmentImageSource(*id);
            if (m_policy.imageUrl) {
                src = HtmlSanitizer::cleanUrl(m_policy.imageUrl(*id));
                const QString scheme = HtmlSanitizer::urlScheme(src);
                if (src.isEmpty() || !(scheme.isEmpty() || scheme == u"http" || scheme == u"https"))
                    return false;
            }
            appendAttribute(out, u"src", src);
            appendAttribute(out, u"alt", attribute(n, "alt"));
            if (hasAttribute(n, "title"))
                appendAttribute(out, u"title", attribute(n, "title"));
            if (const auto w = plainNumber(attribute(n, "width"), 1, 10000))
                appendAttribute(out, u"width", QString::number(*w));
            if (const auto h = plainNumber(attribute(n, "height"), 1, 10000))
                appendAttribute(out, u"height", QString::number(*h));
            return true;
        }
        if (name == u"td" || name == u"th") {
            if (const auto c = plainNumber(attribute(n, "colspan"), 1, 1000))
                appendAttribute(out, u"colspan", QString::number(*c));
            if (const auto r = plainNumber(attribute(n, "rowspan"), 1, 65534))
                appendAttribute(out, u"rowspan", QString::number(*r));
            if (name == u"th") {
                const QString scope = attribute(n, "scope").trimmed().toLower();
                if (scope == u"row" || scope == u"col" || scope == u"rowgroup" || scope == u"colgroup")
                    appendAttribute(out, u"scope", scope);
            }
            return true;
        }
        if (name == u"ol") {
            if (const auto s = plainNumber(attribute(n, "start"), 0, 999999))
                appendAttribute(out, u"start", QString::number(*s));
            return true;
        }
        return true;
    }

    const HtmlSanitizer::Policy &m_policy;
    QString m_out;
    bool m_blockWritten = false;       // a block element was written since the container began
    const GumboNode *m_skip = nullptr; // a Word list marker being replaced by the list
};

QString textOfTooDeep(const QString &html)
{
    QString text = html;
    text.remove(QRegularExpression(u"<[^>]*>?"_s));
    QString out;
    appendEscapedText(out, text.simplified());
    return out.isEmpty() ? out : u"<p>"_s + out + u"</p>"_s;
}

} // namespace

// ---- HtmlSanitizer -----------------------------------------------------------------------------

HtmlSanitizer::HtmlSanitizer(Policy policy)
    : m_policy(std::move(policy))
{}

HtmlSanitizer::Policy HtmlSanitizer::policyForAttachments(const QList<Attachment> &attachments)
{
    Policy p;
    for (const Attachment &a : attachments) {
        if (a.mimeType.startsWith(u"image/"_s, Qt::CaseInsensitive) && isUrlSafeId(a.id))
            p.imageAttachmentIds.insert(a.id);
    }
    return p;
}

QString HtmlSanitizer::sanitize(const QString &html) const
{
    if (html.isEmpty())
        return {};
    if (estimatedDepth(html) > kMaxInputDepth)
        return textOfTooDeep(html);
    const Parsed parsed = parseFragment(html);
    if (!parsed.body)
        return {};
    Writer writer(m_policy);
    writer.children(parsed.body, Context{}, 0);
    // Whitespace around the fragment means nothing (and Word ends its fragment with a line break).
    return writer.take().trimmed();
}

QString HtmlSanitizer::attachmentScheme()
{
    return u"baosong-attachment"_s;
}

QString HtmlSanitizer::attachmentImageSource(const QString &attachmentId)
{
    return attachmentScheme() + u':' + attachmentId;
}

std::optional<QString> HtmlSanitizer::attachmentIdFromSource(const QString &src)
{
    const QString url = cleanUrl(src);
    const QString prefix = attachmentScheme() + u':';
    if (!url.startsWith(prefix, Qt::CaseInsensitive))
        return std::nullopt;
    const QString id = url.mid(prefix.size());
    if (!isUrlSafeId(id))
        return std::nullopt;
    return id;
}

QString HtmlSanitizer::cleanUrl(const QString &url)
{
    QString out;
    out.reserve(url.size());
    for (QChar c : url) {
        const auto cat = c.category();
        if (c.isSpace() || cat == QChar::Other_Control || cat == QChar::Other_Format ||
            cat == QChar::Other_Surrogate || cat == QChar::Other_NotAssigned ||
            cat == QChar::Separator_Line || cat == QChar::Separator_Paragraph)
            continue;
        out += c;
    }
    return out;
}

QString HtmlSanitizer::urlScheme(const QString &url)
{
    const QString u = cleanUrl(url);
    static const QRegularExpression re(u"^([A-Za-z][A-Za-z0-9+.\\-]*):"_s);
    const QRegularExpressionMatch m = re.match(u);
    if (m.hasMatch())
        return m.captured(1).toLower();
    // Anything else with a colon before the first '/', '?' or '#' is not a relative URL either.
    const qsizetype colon = u.indexOf(u':');
    if (colon >= 0) {
        const qsizetype end = u.indexOf(QRegularExpression(u"[/?#]"_s));
        if (end < 0 || colon < end)
            return u.left(colon).toLower();
    }
    return {};
}

bool HtmlSanitizer::isAllowedLinkUrl(const QString &href)
{
    const QString scheme = urlScheme(href);
    if (scheme == u"mailto")
        return cleanUrl(href).size() > 7;
    if (scheme == u"http" || scheme == u"https") {
        // An absolute http(s) URL names a host: "http://host…" (browsers also accept "http:host" and
        // backslashes; require the plain form).
        static const QRegularExpression re(u"^https?://[^/?#\\\\]+"_s,
                                           QRegularExpression::CaseInsensitiveOption);
        return re.match(cleanUrl(href)).hasMatch();
    }
    return false;
}

} // namespace baosong
