// The item-HTML sanitizer (docs/design.md §8, §11): the public XSS vectors of tests/data/xss, checked
// by parsing every output again with gumbo; hand-written cases; Word, WPS and web-page pastes.
#include "HtmlSanitizer.h"
#include "HtmlText.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <gumbo.h>

#include <functional>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

const QString kVectorsPath = QStringLiteral(BAOSONG_TEST_DATA_DIR "/xss/public-vectors.jsonl");
constexpr int kVectorCount = 717;
const QString kImageId = u"a1b2c3"_s; // the test item's one image attachment

HtmlSanitizer itemSanitizer()
{
    HtmlSanitizer::Policy policy;
    policy.imageAttachmentIds = {kImageId};
    return HtmlSanitizer(policy);
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// ---- an independent check of the README's definition of safe ----------------------------------

struct Parse
{
    QByteArray buffer;
    GumboOutput *output = nullptr;
    const GumboNode *body = nullptr;
    Parse(const Parse &) = delete;
    Parse &operator=(const Parse &) = delete;
    explicit Parse(const QString &html)
        : buffer("<!DOCTYPE html><html><head></head><body>" + html.toUtf8())
    {
        GumboOptions options = kGumboDefaultOptions;
        options.max_errors = 0; // gumbo copies the open-element stack into every error
        output = gumbo_parse_with_options(&options, buffer.constData(), static_cast<size_t>(buffer.size()));
        const GumboVector &c = output->root->v.element.children;
        for (unsigned i = 0; i < c.length; ++i) {
            const auto *n = static_cast<const GumboNode *>(c.data[i]);
            if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY)
                body = n;
        }
    }
    ~Parse() { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

const QSet<QString> &allowedElements()
{
    static const QSet<QString> s{
        u"p"_s,     u"br"_s,    u"h1"_s, u"h2"_s, u"h3"_s,    u"h4"_s,      u"h5"_s,
        u"h6"_s,    u"ul"_s,    u"ol"_s, u"li"_s, u"table"_s, u"caption"_s, u"thead"_s,
        u"tbody"_s, u"tfoot"_s, u"tr"_s, u"th"_s, u"td"_s,    u"strong"_s,  u"b"_s,
        u"em"_s,    u"i"_s,     u"u"_s,  u"s"_s,  u"sub"_s,   u"sup"_s,     u"blockquote"_s,
        u"pre"_s,   u"code"_s,  u"hr"_s, u"a"_s,  u"img"_s,   u"figure"_s,  u"figcaption"_s};
    return s;
}

QSet<QString> allowedAttributes(const QString &element)
{
    if (element == u"a")
        return {u"href"_s, u"title"_s, u"rel"_s};
    if (element == u"img")
        return {u"src"_s, u"alt"_s, u"title"_s, u"width"_s, u"height"_s};
    if (element == u"td")
        return {u"colspan"_s, u"rowspan"_s};
    if (element == u"th")
        return {u"colspan"_s, u"rowspan"_s, u"scope"_s};
    if (element == u"ol")
        return {u"start"_s};
    if (element == u"p" || element == u"h2" || element == u"h3" || element == u"h4" || element == u"h5" ||
        element == u"h6")
        return {u"align"_s}; // center or right only: see check()
    return {};
}

// The scheme as a browser would see it: gumbo has decoded entities; whitespace and control
// characters go (the README's rule), then everything before the first ':'.
QString schemeOf(const QString &url)
{
    QString s;
    for (QChar c : url) {
        if (c.isSpace() || c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() <= 0x9F) ||
            c.category() == QChar::Other_Format)
            continue;
        s += c;
    }
    const qsizetype colon = s.indexOf(u':');
    return colon < 0 ? QString() : s.left(colon).toLower();
}

const char *const kVoid[] = {"br", "hr", "img"};

bool isVoid(const QString &name)
{
    for (const char *v : kVoid) {
        if (name == QLatin1StringView(v))
            return true;
    }
    return false;
}

QString escape(const QString &s, bool attribute)
{
    QString out;
    for (QChar c : s) {
        if (c == u'&')
            out += u"&amp;"_s;
        else if (c == u'<')
            out += u"&lt;"_s;
        else if (c == u'>')
            out += u"&gt;"_s;
        else if (attribute && c == u'"')
            out += u"&quot;"_s;
        else
            out += c;
    }
    return out;
}

QString tagName(const GumboNode *n)
{
    if (n->v.element.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromUtf8(gumbo_normalized_tagname(n->v.element.tag));
    GumboStringPiece piece = n->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QString::fromUtf8(piece.data, static_cast<qsizetype>(piece.length)).toLower();
}

// Walks the reparsed output: records every breach of the README's rule in `problems` and writes the
// tree out again (the canonical serialization the sanitizer promises) into `out`.
void check(const GumboNode *parent, QStringList &problems, QString &out)
{
    const GumboVector &children = parent->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto *n = static_cast<const GumboNode *>(children.data[i]);
        switch (n->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
            out += escape(QString::fromUtf8(n->v.text.text), false);
            break;
        case GUMBO_NODE_COMMENT:
            problems << u"comment"_s;
            break;
        case GUMBO_NODE_CDATA:
            problems << u"CDATA"_s;
            break;
        case GUMBO_NODE_TEMPLATE:
            problems << u"template"_s;
            break;
        case GUMBO_NODE_DOCUMENT:
            problems << u"document node"_s;
            break;
        case GUMBO_NODE_ELEMENT: {
            const QString name = tagName(n);
            if (n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
                problems << u"foreign element "_s + name;
            if (!allowedElements().contains(name))
                problems << u"element "_s + name;
            out += u'<' + name;
            const GumboVector &attrs = n->v.element.attributes;
            bool hasAlt = false;
            for (unsigned a = 0; a < attrs.length; ++a) {
                const auto *attr = static_cast<const GumboAttribute *>(attrs.data[a]);
                const QString an = QString::fromUtf8(attr->name);
                const QString av = QString::fromUtf8(attr->value);
                if (an.startsWith(u"on"_s) || an == u"style")
                    problems << u"attribute "_s + an;
                if (!allowedAttributes(name).contains(an))
                    problems << u"attribute "_s + name + u'.' + an;
                if (an == u"href") {
                    const QString scheme = schemeOf(av);
                    if (scheme != u"http" && scheme != u"https" && scheme != u"mailto")
                        problems << u"href scheme '"_s + scheme + u'\'';
                }
                if (an == u"src" && av != u"baosong-attachment:"_s + kImageId)
                    problems << u"src "_s + av;
                if (an == u"alt")
                    hasAlt = true;
                if (an == u"align" && av != u"center" && av != u"right")
                    problems << u"align "_s + av;
                out += u' ' + an + u"=\""_s + escape(av, true) + u'"';
            }
            if (name == u"img" && !hasAlt)
                problems << u"img without alt"_s;
            out += u'>';
            if (isVoid(name)) {
                if (n->v.element.children.length > 0)
                    problems << u"void element with children"_s;
                break;
            }
            QString inner;
            check(n, problems, inner);
            if (name == u"pre" && inner.startsWith(u'\n'))
                inner.prepend(u'\n');
            out += inner + u"</"_s + name + u'>';
            break;
        }
        }
    }
}

// Empty when `output` is safe and canonical (parses back to itself), else what is wrong.
QStringList problemsIn(const QString &output)
{
    const Parse parse(output);
    if (!parse.body)
        return {u"no body"_s};
    QStringList problems;
    QString again;
    check(parse.body, problems, again);
    if (again != output)
        problems << u"not canonical: reparsed as\n"_s + again;
    return problems;
}

// Parses sanitized output into the text of its elements in document order, e.g. "p|h2|ul|li|li".
QStringList elementsOf(const QString &html)
{
    QStringList names;
    const Parse parse(html);
    std::function<void(const GumboNode *)> walk = [&](const GumboNode *parent) {
        const GumboVector &c = parent->v.element.children;
        for (unsigned i = 0; i < c.length; ++i) {
            const auto *n = static_cast<const GumboNode *>(c.data[i]);
            if (n->type == GUMBO_NODE_ELEMENT) {
                names << tagName(n);
                walk(n);
            }
        }
    };
    walk(parse.body);
    return names;
}

} // namespace

class TestHtmlSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void checkerCatchesUnsafeOutput_data();
    void checkerCatchesUnsafeOutput();
    void publicVectorsFile();
    void publicVectors_data();
    void publicVectors();

    void cases_data();
    void cases();

    void links_data();
    void links();

    void mutationXss_data();
    void mutationXss();

    void images();
    void imageUrlRewriting();
    void captions();
    void policyForAttachments();
    void chineseTextExact();
    void deepNesting();

    void pastes_data();
    void pastes();
    void wordPaste();
    void wpsPaste();
    void webPaste();
};

// The check the public vectors rely on must itself see what is unsafe.
void TestHtmlSanitizer::checkerCatchesUnsafeOutput_data()
{
    QTest::addColumn<QString>("output");
    QTest::newRow("event handler") << u"<p onclick=\"x()\">a</p>"_s;
    QTest::newRow("style") << u"<p style=\"x\">a</p>"_s;
    QTest::newRow("class") << u"<p class=\"x\">a</p>"_s;
    QTest::newRow("script") << u"<script>x()</script>"_s;
    QTest::newRow("svg") << u"<svg></svg>"_s;
    QTest::newRow("unknown element") << u"<x-y></x-y>"_s;
    QTest::newRow("comment") << u"<!--x-->"_s;
    QTest::newRow("unclosed") << u"<p>a"_s;
    QTest::newRow("misnested") << u"<b><i>a</b></i>"_s;
    QTest::newRow("javascript href") << u"<a href=\"java&#9;script:x\">a</a>"_s;
    QTest::newRow("relative href") << u"<a href=\"/x\">a</a>"_s;
    QTest::newRow("foreign image") << u"<img src=\"http://x/y.png\" alt=\"\">"_s;
    QTest::newRow("image without alt") << u"<img src=\"baosong-attachment:a1b2c3\">"_s;
    QTest::newRow("unescaped text") << u"<p>a > b</p>"_s;
}

void TestHtmlSanitizer::checkerCatchesUnsafeOutput()
{
    QFETCH(QString, output);
    QVERIFY(!problemsIn(output).isEmpty());
}

void TestHtmlSanitizer::publicVectorsFile()
{
    QFile f(kVectorsPath);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(u"can't read "_s + kVectorsPath));
    int count = 0;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
        QVERIFY(doc.object().value(u"html"_s).isString());
        ++count;
    }
    QCOMPARE(count, kVectorCount);
}

void TestHtmlSanitizer::publicVectors_data()
{
    QTest::addColumn<QString>("html");
    QFile f(kVectorsPath);
    if (!f.open(QIODevice::ReadOnly))
        QFAIL(qPrintable(u"can't read "_s + kVectorsPath));
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QByteArray name = "vector " + QByteArray::number(o.value(u"id"_s).toInt());
        QTest::newRow(name.constData()) << o.value(u"html"_s).toString();
    }
}

void TestHtmlSanitizer::publicVectors()
{
    QFETCH(QString, html);
    const HtmlSanitizer sanitizer = itemSanitizer();
    const QString out = sanitizer.sanitize(html);
    const QStringList problems = problemsIn(out);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s) + u"\noutput: "_s + out));
    QCOMPARE(sanitizer.sanitize(out), out); // idempotent
}

void TestHtmlSanitizer::cases_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("plain text") << u"政府信息公开"_s << u"政府信息公开"_s;
    QTest::newRow("paragraphs") << u"<p>第一段</p><p>第二段</p>"_s << u"<p>第一段</p><p>第二段</p>"_s;
    QTest::newRow("escaping") << u"<p>a &lt; b &amp;&amp; c &gt; d \"q\"</p>"_s
                              << u"<p>a &lt; b &amp;&amp; c &gt; d \"q\"</p>"_s;
    QTest::newRow("unclosed") << u"<p>一<b>二<i>三"_s << u"<p>一<b>二<i>三</i></b></p>"_s;
    QTest::newRow("misnested") << u"<b>1<i>2</b>3</i>"_s << u"<b>1<i>2</i></b><i>3</i>"_s;
    QTest::newRow("h1 becomes h2") << u"<h1>标题</h1><h3>小标题</h3>"_s << u"<h2>标题</h2><h3>小标题</h3>"_s;
    QTest::newRow("attributes dropped, centring kept")
        << u"<p class=\"MsoNormal\" id=\"x\" style=\"color:red\" align=\"center\" lang=\"zh\">文</p>"_s
        << u"<p align=\"center\">文</p>"_s;
    QTest::newRow("alignment: centre and right only, on paragraphs and headings only")
        << u"<h1 align=\"CENTER\">题</h1><p align=\"right\">署名</p><p align=\"justify\">正文</p>"
           u"<p align=\"left\">左</p><p align=\"right;color:red\">坏</p><ul><li align=\"center\">项</li></ul>"
           u"<table><tr><td align=\"center\">格</td></tr></table>"_s
        << u"<h2 align=\"center\">题</h2><p align=\"right\">署名</p><p>正文</p><p>左</p><p>坏</p>"
           u"<ul><li>项</li></ul><table><tbody><tr><td>格</td></tr></tbody></table>"_s;
    QTest::newRow("span and font unwrapped")
        << u"<p><span style=\"font-family:仿宋_GB2312\"><font face=\"黑体\" color=\"red\">字</font></span></p>"_s
        << u"<p>字</p>"_s;
    QTest::newRow("divs become paragraphs")
        << u"<div>甲</div><div>乙<br>丙</div>"_s << u"<p>甲</p><p>乙<br>丙</p>"_s;
    QTest::newRow("div around blocks unwrapped")
        << u"<div><div>甲</div><p>乙</p></div>"_s << u"<p>甲</p><p>乙</p>"_s;
    QTest::newRow("div inside paragraph content")
        << u"<p><b><span>粗</span></b></p>"_s << u"<p><b>粗</b></p>"_s;
    QTest::newRow("empty paragraphs dropped")
        << u"<p>&nbsp;</p><p> </p><p>有</p><h2></h2>"_s << u"<p>有</p>"_s;
    QTest::newRow("nested lists")
        << u"<ul><li>一<ol start=\"3\" type=\"a\"><li>甲</li><li>乙</li></ol></li><li>二</li></ul>"_s
        << u"<ul><li>一<ol start=\"3\"><li>甲</li><li>乙</li></ol></li><li>二</li></ul>"_s;
    QTest::newRow("implicit li close") << u"<ul><li>一<li>二</ul>"_s << u"<ul><li>一</li><li>二</li></ul>"_s;
    QTest::newRow("orphan li") << u"<li>孤</li>"_s << u"<p>孤</p>"_s;
    QTest::newRow("table")
        << u"<table border=1 style=\"x\"><caption>表</caption><tr><th scope=col colspan=\"2\">头</th></tr>"
           "<tr><td rowspan=2 width=10>1</td><td colspan=\"2px\">2</td></tr></table>"_s
        << u"<table><caption>表</caption><tbody><tr><th colspan=\"2\" scope=\"col\">头</th></tr>"
           "<tr><td rowspan=\"2\">1</td><td>2</td></tr></tbody></table>"_s;
    QTest::newRow("table sections")
        << u"<table><thead><tr><th>a</th></tr></thead><tfoot><tr><td>c</td></tr></tfoot>"
           "<tbody><tr><td>b</td></tr></tbody></table>"_s
        << u"<table><thead><tr><th>a</th></tr></thead><tfoot><tr><td>c</td></tr></tfoot>"
           "<tbody><tr><td>b</td></tr></tbody></table>"_s;
    QTest::newRow("nested table")
        << u"<table><tr><td><table><tr><td>内</td></tr></table></td></tr></table>"_s
        << u"<table><tbody><tr><td><table><tbody><tr><td>内</td></tr></tbody></table>"
           "</td></tr></tbody></table>"_s;
    QTest::newRow("colgroup dropped")
        << u"<table><colgroup><col width=5></colgroup><tr><td>x</td></tr></table>"_s
        << u"<table><tbody><tr><td>x</td></tr></tbody></table>"_s;
    QTest::newRow("emphasis")
        << u"<p><strong>a</strong><b>b</b><em>c</em><i>d</i><u>e</u><s>f</s><sub>g</sub>"
           "<sup>h</sup><code>i</code><strike>j</strike><del>k</del><ins>l</ins></p>"_s
        << u"<p><strong>a</strong><b>b</b><em>c</em><i>d</i><u>e</u><s>f</s><sub>g</sub>"
           "<sup>h</sup><code>i</code><s>j</s><s>k</s><u>l</u></p>"_s;
    QTest::newRow("blockquote pre hr") << u"<blockquote><p>引</p></blockquote><hr/><pre>\n\n  x</pre>"_s
                                       << u"<blockquote><p>引</p></blockquote><hr><pre>\n\n  x</pre>"_s;
    QTest::newRow("script dropped") << u"<p>a<script>alert(1)</script>b</p>"_s << u"<p>ab</p>"_s;
    QTest::newRow("style dropped") << u"<style>p{color:red}</style><p>x</p>"_s << u"<p>x</p>"_s;
    QTest::newRow("comments dropped")
        << u"<p>a<!-- secret -->b<!--[if gte mso 9]><xml></xml><![endif]--></p>"_s << u"<p>ab</p>"_s;
    QTest::newRow("form dropped")
        << u"<form action=\"http://x\"><p>字<input name=a><button>go</button><select>"
           "<option>o</select><textarea>t</textarea></p></form>后"_s
        << u"后"_s;
    QTest::newRow("iframe object embed") << u"<iframe src=\"http://x\">i</iframe><object data=x>o</object>"
                                            "<embed src=x><p>留</p>"_s
                                         << u"<p>留</p>"_s;
    QTest::newRow("head content")
        << u"<title>t</title><meta charset=utf-8><link rel=stylesheet href=x><p>x</p>"_s << u"<p>x</p>"_s;
    QTest::newRow("template") << u"<template><p>t</p></template><p>x</p>"_s << u"<p>x</p>"_s;
    QTest::newRow("unknown elements unwrapped")
        << u"<p><o:p>文</o:p><x-y onclick=\"a()\">字</x-y></p>"_s << u"<p>文字</p>"_s;
    QTest::newRow("nul removed") << u"<p>a\u0000b</p>"_s << u"<p>ab</p>"_s;
}

void TestHtmlSanitizer::cases()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    const HtmlSanitizer sanitizer = itemSanitizer();
    const QString out = sanitizer.sanitize(html);
    QCOMPARE(out, expected);
    QVERIFY2(problemsIn(out).isEmpty(), qPrintable(problemsIn(out).join(u"; "_s)));
    QCOMPARE(sanitizer.sanitize(out), out);
}

void TestHtmlSanitizer::links_data()
{
    QTest::addColumn<QString>("href");
    QTest::addColumn<QString>("written"); // empty: the link is dropped, its text kept

    QTest::newRow("http") << u"http://www.gov.cn/"_s << u"http://www.gov.cn/"_s;
    QTest::newRow("https") << u"https://www.gov.cn/a?b=1&amp;c=2#d"_s
                           << u"https://www.gov.cn/a?b=1&amp;c=2#d"_s;
    QTest::newRow("HTTPS upper case") << u"HTTPS://WWW.GOV.CN/"_s << u"HTTPS://WWW.GOV.CN/"_s;
    QTest::newRow("mailto") << u"mailto:xxgk@example.gov.cn"_s << u"mailto:xxgk@example.gov.cn"_s;
    QTest::newRow("leading spaces trimmed") << u"  https://a.cn/ "_s << u"https://a.cn/"_s;
    QTest::newRow("Chinese path") << u"https://a.cn/通知.html"_s << u"https://a.cn/通知.html"_s;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << QString();
    QTest::newRow("JaVaScRiPt") << u"JaVaScRiPt:alert(1)"_s << QString();
    QTest::newRow("tab entity") << u"java&#x09;script:alert(1)"_s << QString();
    QTest::newRow("newline entity") << u"java&#10;script:alert(1)"_s << QString();
    QTest::newRow("leading space") << u" javascript:alert(1)"_s << QString();
    QTest::newRow("leading control") << u"&#1;javascript:alert(1)"_s << QString();
    QTest::newRow("named entity colon") << u"javascript&colon;alert(1)"_s << QString();
    QTest::newRow("encoded letters")
        << u"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)"_s << QString();
    QTest::newRow("data") << u"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="_s << QString();
    QTest::newRow("vbscript") << u"vbscript:msgbox(1)"_s << QString();
    QTest::newRow("file") << u"file:///C:/Users/x.doc"_s << QString();
    QTest::newRow("relative") << u"/zwgk/index.html"_s << QString();
    QTest::newRow("protocol relative") << u"//evil.example/"_s << QString();
    QTest::newRow("fragment") << u"#_ftn1"_s << QString();
    QTest::newRow("http without host") << u"http:evil"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestHtmlSanitizer::links()
{
    QFETCH(QString, href);
    QFETCH(QString, written);
    const QString html =
        u"<p>见<a href=\"%1\" target=\"_blank\" onclick=\"x()\" title=\"标题\">链接</a>。</p>"_s.arg(href);
    const QString out = itemSanitizer().sanitize(html);
    if (written.isEmpty())
        QCOMPARE(out, u"<p>见链接。</p>"_s);
    else
        QCOMPARE(out, u"<p>见<a href=\"%1\" title=\"标题\" rel=\"noopener noreferrer\">链接</a>。</p>"_s.arg(
                          written));
    QVERIFY2(problemsIn(out).isEmpty(), qPrintable(problemsIn(out).join(u"; "_s)));
}

void TestHtmlSanitizer::mutationXss_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("expected");

    QTest::newRow("noscript attribute")
        << u"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">"_s << QString();
    QTest::newRow("style breakout") << u"<style><img src=x onerror=alert(1)></style>文"_s << u"文"_s;
    QTest::newRow("textarea breakout")
        << u"<textarea></textarea><img src=x onerror=alert(1)></textarea>"_s << QString();
    QTest::newRow("svg style img") << u"<svg><style><img src=x onerror=alert(1)></style></svg>"_s
                                   << QString();
    QTest::newRow("svg p breakout") << u"<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">"_s
                                    << QString();
    QTest::newRow("math mglyph style")
        << u"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"_s
        << QString();
    QTest::newRow("math mtext breakout")
        << u"<math><mtext><h1><a href=\"javascript:alert(1)\">x</a></h1></mtext></math>后"_s << u"后"_s;
    QTest::newRow("svg foreignObject")
        << u"<svg><foreignObject><p>x</p></foreignObject></svg>"_s << QString();
    QTest::newRow("svg script")
        << u"<svg><script>alert(1)</script><a xlink:href=\"javascript:alert(1)\">a</a></svg>"_s << QString();
    QTest::newRow("html breaking out of svg") << u"<svg><p>出</p></svg>"_s << u"<p>出</p>"_s;
    QTest::newRow("comment in attribute")
        << u"<p title=\"<!--\">a</p><!-- --!><img src=x onerror=alert(1)>"_s << u"<p>a</p>"_s;
    QTest::newRow("xmp") << u"<xmp><img src=x onerror=alert(1)></xmp>"_s << QString();
    QTest::newRow("plaintext") << u"前<plaintext><img src=x onerror=alert(1)>"_s << u"前"_s;
    // The first </noembed> ends it, as in a browser: the img after it is real (and dropped).
    QTest::newRow("noembed") << u"<noembed><img title=\"</noembed><img src onerror=alert(1)>\"></noembed>"_s
                             << u"\"&gt;"_s;
    QTest::newRow("title inside body") << u"<title><img src=x onerror=alert(1)></title>"_s << QString();
    QTest::newRow("template content") << u"<template><img src=x onerror=alert(1)></template>"_s << QString();
    QTest::newRow("frameset") << u"<frameset onload=alert(1)>"_s << QString();
    QTest::newRow("escaped text stays text")
        << u"&lt;img src=x onerror=alert(1)&gt;"_s << u"&lt;img src=x onerror=alert(1)&gt;"_s;
    QTest::newRow("attribute quotes") << u"<a href='http://a.cn/\"onmouseover=\"alert(1)'>x</a>"_s
                                      << u"<a href=\"http://a.cn/&quot;onmouseover=&quot;alert(1)\" "
                                         "rel=\"noopener noreferrer\">x</a>"_s;
    QTest::newRow("button scope nesting")
        << u"<p>一<marquee><ul><li>二</li></ul></marquee>三</p>"_s << u"<p>一三</p>"_s;
    QTest::newRow("heading in heading")
        << u"<h2>一<section><h3>二</h3></section></h2>"_s << u"<h2>一二</h2>"_s;
    QTest::newRow("li in li") << u"<ul><li>一<section><li>二</li></section></li></ul>"_s
                              << u"<ul><li>一<p>二</p></li></ul>"_s;
}

void TestHtmlSanitizer::mutationXss()
{
    QFETCH(QString, html);
    QFETCH(QString, expected);
    const HtmlSanitizer sanitizer = itemSanitizer();
    const QString out = sanitizer.sanitize(html);
    QCOMPARE(out, expected);
    QVERIFY2(problemsIn(out).isEmpty(), qPrintable(problemsIn(out).join(u"; "_s)));
    QCOMPARE(sanitizer.sanitize(out), out);
}

// #21.7: an image the author gave a caption (figure > img + figcaption) keeps it; anything else in a
// figure is unwrapped as before.
void TestHtmlSanitizer::captions()
{
    const HtmlSanitizer sanitizer = itemSanitizer();
    const QString img = u"<img src=\"baosong-attachment:a1b2c3\" alt=\"会议现场\">"_s;
    QCOMPARE(sanitizer.sanitize(u"<figure class=\"x\" style=\"y\">"_s + img +
                                u"<figcaption onclick=\"z()\">会议<strong>现场</strong><p>（供图）</p>"
                                u"<script>alert(1)</script></figcaption></figure>"_s),
             u"<figure>"_s + img + u"<figcaption>会议<strong>现场</strong>（供图）</figcaption></figure>"_s);
    // The image in a paragraph inside the figure, the caption first: still the image, then its caption.
    QCOMPARE(sanitizer.sanitize(u"<figure><figcaption>说明</figcaption><p>"_s + img + u"</p></figure>"_s),
             u"<figure>"_s + img + u"<figcaption>说明</figcaption></figure>"_s);
    // Without a caption, with an empty one, or with an image that is not the item's: unwrapped.
    QCOMPARE(sanitizer.sanitize(u"<figure>"_s + img + u"</figure>"_s), u"<p>"_s + img + u"</p>"_s);
    QCOMPARE(sanitizer.sanitize(u"<figure>"_s + img + u"<figcaption> </figcaption></figure>"_s),
             u"<p>"_s + img + u" </p>"_s);
    QCOMPARE(
        sanitizer.sanitize(u"<figure><img src=\"http://evil.example/x.png\"><figcaption>说明</figcaption>"
                           u"</figure>"_s),
        u"<p>说明</p>"_s);
    // In a list item (flow content) it stays; inside a heading it can't be written: its content stays.
    QCOMPARE(sanitizer.sanitize(u"<ul><li><figure>"_s + img +
                                u"<figcaption>说明</figcaption></figure></li></ul>"_s),
             u"<ul><li><figure>"_s + img + u"<figcaption>说明</figcaption></figure></li></ul>"_s);
    QCOMPARE(sanitizer.sanitize(u"<h2><figure>"_s + img + u"<figcaption>说明</figcaption></figure></h2>"_s),
             u"<h2>"_s + img + u"说明</h2>"_s);
}

void TestHtmlSanitizer::images()
{
    const HtmlSanitizer sanitizer = itemSanitizer();
    QCOMPARE(HtmlSanitizer::attachmentImageSource(kImageId), u"baosong-attachment:a1b2c3"_s);
    QCOMPARE(HtmlSanitizer::attachmentIdFromSource(u" Baosong-Attachment:a1b2c3 "_s),
             std::optional(kImageId));
    QCOMPARE(HtmlSanitizer::attachmentIdFromSource(u"baosong-attachment:a b"_s), std::optional(u"ab"_s));
    QCOMPARE(HtmlSanitizer::attachmentIdFromSource(u"baosong-attachment:../x"_s), std::optional<QString>());
    QCOMPARE(HtmlSanitizer::attachmentIdFromSource(u"http://a.cn/x.png"_s), std::optional<QString>());

    // Own attachment: kept, alt always written, numbers only for sizes.
    QCOMPARE(sanitizer.sanitize(u"<p><img src=\"baosong-attachment:a1b2c3\" width=\"300\" height=\"50%\" "
                                "style=\"x\" onerror=\"alert(1)\"></p>"_s),
             u"<p><img src=\"baosong-attachment:a1b2c3\" alt=\"\" width=\"300\"></p>"_s);
    QCOMPARE(sanitizer.sanitize(u"<img alt=\"会议现场\" title=\"t\" src=\"baosong-attachment:a1b2c3\">"_s),
             u"<img src=\"baosong-attachment:a1b2c3\" alt=\"会议现场\" title=\"t\">"_s);
    QCOMPARE(sanitizer.sanitize(u"<img src=\"baosong-attachment&colon;a1b2c3\" alt=\"x\">"_s),
             u"<img src=\"baosong-attachment:a1b2c3\" alt=\"x\">"_s);
    // Anything else goes.
    const QStringList foreign{u"baosong-attachment:other"_s,
                              u"http://evil.example/x.png"_s,
                              u"https://www.gov.cn/logo.png"_s,
                              u"data:image/png;base64,iVBORw0KGgo="_s,
                              u"javascript:alert(1)"_s,
                              u"file:///C:/Users/ADMINI~1/AppData/Local/Temp/clip_image002.jpg"_s,
                              u"a1b2c3"_s,
                              QString()};
    for (const QString &src : foreign) {
        const QString out = sanitizer.sanitize(u"<p>图<img src=\"%1\" alt=\"a\">片</p>"_s.arg(src));
        QCOMPARE(out, u"<p>图片</p>"_s);
    }
    QCOMPARE(sanitizer.sanitize(u"<img srcset=\"baosong-attachment:a1b2c3 1x\" alt=\"a\">"_s), QString());
    QCOMPARE(sanitizer.sanitize(u"<picture><img src=\"baosong-attachment:a1b2c3\"></picture>"_s), QString());
    // Without a policy no image passes.
    QCOMPARE(HtmlSanitizer().sanitize(u"<img src=\"baosong-attachment:a1b2c3\">"_s), QString());
}

void TestHtmlSanitizer::imageUrlRewriting()
{
    HtmlSanitizer::Policy policy;
    policy.imageAttachmentIds = {kImageId};
    policy.imageUrl = [](const QString &id) { return u"/attachments/"_s + id + u"/image.png"_s; };
    const QString html = u"<p><img src=\"baosong-attachment:a1b2c3\" alt=\"图\"></p>"_s;
    QCOMPARE(HtmlSanitizer(policy).sanitize(html),
             u"<p><img src=\"/attachments/a1b2c3/image.png\" alt=\"图\"></p>"_s);

    policy.imageUrl = [](const QString &id) { return u"https://site.example.gov.cn/a/"_s + id; };
    QCOMPARE(HtmlSanitizer(policy).sanitize(html),
             u"<p><img src=\"https://site.example.gov.cn/a/a1b2c3\" alt=\"图\"></p>"_s);

    // A rewriter answering something unsafe loses the image rather than writing it.
    policy.imageUrl = [](const QString &) { return u"javascript:alert(1)"_s; };
    QCOMPARE(HtmlSanitizer(policy).sanitize(html), QString());
    policy.imageUrl = [](const QString &) { return QString(); };
    QCOMPARE(HtmlSanitizer(policy).sanitize(html), QString());
}

void TestHtmlSanitizer::policyForAttachments()
{
    QList<Attachment> attachments(3);
    attachments[0].id = u"img1"_s;
    attachments[0].mimeType = u"image/png"_s;
    attachments[1].id = u"doc1"_s;
    attachments[1].mimeType = u"application/pdf"_s;
    attachments[2].id = u"bad id"_s;
    attachments[2].mimeType = u"image/jpeg"_s;
    const HtmlSanitizer::Policy p = HtmlSanitizer::policyForAttachments(attachments);
    QCOMPARE(p.imageAttachmentIds, QSet<QString>{u"img1"_s});
    const HtmlSanitizer s(p);
    QCOMPARE(s.sanitize(u"<img src=\"baosong-attachment:img1\"><img src=\"baosong-attachment:doc1\">"_s),
             u"<img src=\"baosong-attachment:img1\" alt=\"\">"_s);
}

void TestHtmlSanitizer::chineseTextExact()
{
    // Full-width punctuation, ideographic space, rare characters (outside the BMP), NBSP, emoji.
    const QString text =
        u"关于印发《政府网站发展指引》的通知（国办发〔2017〕47号）　“一网通办”：𠮷野家、𡈼；\u00a0✔️"_s;
    const QString out = itemSanitizer().sanitize(u"<p>"_s + text + u"</p>"_s);
    QCOMPARE(out, u"<p>"_s + text + u"</p>"_s);
    // As plain text the NBSP is a space (a reader sees one); the ideographic space stays.
    QCOMPARE(HtmlText::plainText(out), QString(text).replace(u'\u00a0', u' '));
    // Entities decode to the same text.
    QCOMPARE(itemSanitizer().sanitize(u"<p>&#x653F;&#24220;&ldquo;&hellip;&rdquo;</p>"_s),
             u"<p>政府“…”</p>"_s);
}

void TestHtmlSanitizer::deepNesting()
{
    // Parsed, but written as text below the writer's depth limit.
    QString html;
    for (int i = 0; i < 250; ++i)
        html += u"<div><b>"_s;
    html += u"深<script>alert(1)</script>处"_s;
    QString out = itemSanitizer().sanitize(html);
    QVERIFY(out.contains(u"深处"_s));
    QVERIFY(!out.contains(u"alert"_s));
    QVERIFY2(problemsIn(out).isEmpty(), qPrintable(problemsIn(out).join(u"; "_s).left(2000)));
    QCOMPARE(itemSanitizer().sanitize(out), out);

    // Too deep to parse in reasonable time (the tree builder is quadratic in depth): text only.
    html.clear();
    for (int i = 0; i < 100000; ++i)
        html += u"<div><b>"_s;
    html += u"深<img src=x onerror=alert(1)>处&lt;"_s;
    out = itemSanitizer().sanitize(html);
    QCOMPARE(out, u"<p>深处&amp;lt;</p>"_s);
    QVERIFY(problemsIn(out).isEmpty());
    QCOMPARE(HtmlText::plainText(html), u"深处<"_s);
}

void TestHtmlSanitizer::pastes_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("Word") << u"word-paste.html"_s;
    QTest::newRow("WPS") << u"wps-paste.html"_s;
    QTest::newRow("web page") << u"web-paste.html"_s;
}

void TestHtmlSanitizer::pastes()
{
    QFETCH(QString, file);
    const QString html = readFile(QStringLiteral(BAOSONG_TEST_DATA_DIR "/") + file);
    QVERIFY2(!html.isEmpty(), qPrintable(u"can't read "_s + file));
    const HtmlSanitizer sanitizer = itemSanitizer();
    const QString out = sanitizer.sanitize(html);
    QVERIFY2(problemsIn(out).isEmpty(), qPrintable(problemsIn(out).join(u"; "_s)));
    QCOMPARE(sanitizer.sanitize(out), out);
    // Nothing of Office's or the browser's styling is left.
    for (const QString &trace : {u"mso"_s,    u"style"_s,           u"class"_s,  u"font"_s,  u"face="_s,
                                 u"color"_s,  u"lang="_s,           u"<o:p"_s,   u"<st1"_s,  u"<span"_s,
                                 u"<div"_s,   u"<![if"_s,           u"<!--"_s,   u"endif"_s, u"Section0"_s,
                                 u"script"_s, u"onclick"_s,         u"target"_s, u"file:"_s, u"宋体"_s,
                                 u"仿宋"_s,   u"Times New Roman"_s, u"width"_s}) {
        QVERIFY2(!out.contains(trace, Qt::CaseInsensitive), qPrintable(trace + u" in:\n"_s + out));
    }
    // Alignment only as centre or right on paragraphs (problemsIn checks where and which).
    QVERIFY(!out.contains(u"justify"_s, Qt::CaseInsensitive));
}

void TestHtmlSanitizer::wordPaste()
{
    const QString out =
        itemSanitizer().sanitize(readFile(QStringLiteral(BAOSONG_TEST_DATA_DIR "/word-paste.html")));
    QVERIFY2(!out.isEmpty(), "tests/data/word-paste.html missing");
    const QString expected =
        u"<p align=\"center\"><b>关于做好2024年政府信息公开工作的通知</b></p>"
        "<p>各区（分）局、局机关各科室、各直属单位：</p>"
        "<p>根据《<a href=\"http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm\" "
        "rel=\"noopener "
        "noreferrer\">中华人民共和国政府信息公开条例</a>》和2024年3月1日会议精神，现就有关事项通知如下：</p>"
        "<h2>一、总体要求</h2>"
        "<p>坚持<b>以公开为常态、不公开为例外</b>，做到<i>及时、准确</i>。</p>"
        "<ul><li>主动公开政策文件</li><li>依申请公开按期答复<ul><li>登记、审核、办理、答复、归档</li></ul></"
        "li>"
        "<li>政府网站内容保障</li></ul>"
        "<p>（一）加强组织领导。</p>"
        "<p>表1 各单位信息报送任务</p>"_s;
    // Whitespace between Word's tags is kept as it was; compare without it.
    QString compact = out;
    compact.replace(QRegularExpression(u">\\s+"_s), u">"_s).replace(QRegularExpression(u"\\s+<"_s), u"<"_s);
    QVERIFY2(compact.startsWith(expected), qPrintable(compact));
    QVERIFY2(compact.contains(u"<td><p align=\"center\"><b>序号</b></p></td>"_s), qPrintable(compact));
    // The table with its cells, colspan kept; the image from the temp folder gone, its caption kept.
    QVERIFY2(
        QString(compact)
            .remove(u" align=\"center\""_s)
            .contains(u"<table><tbody><tr><td><p><b>序号</b></p></td><td><p><b>单位</b></p></td>"
                      "<td><p><b>篇数</b></p></td></tr><tr><td><p>1</p></td><td><p>局办公室</p></td>"
                      "<td><p>12</p></td></tr><tr><td colspan=\"2\"><p>合计</p></td><td><p>12</p></td></tr>"
                      "</tbody></table>"_s),
        qPrintable(compact));
    QVERIFY(!compact.contains(u"<img"_s));
    QVERIFY(compact.contains(u"<p>（图为会议现场）</p>"_s));
    QVERIFY(compact.endsWith( // set right in Word, right here
        u"<p align=\"right\">联系人：张三，电话：010-12345678，邮箱：<a "
        u"href=\"mailto:gongkai@example.gov.cn\" "
        "rel=\"noopener noreferrer\">gongkai@example.gov.cn</a></p>"_s));
}

void TestHtmlSanitizer::wpsPaste()
{
    const QString out =
        itemSanitizer().sanitize(readFile(QStringLiteral(BAOSONG_TEST_DATA_DIR "/wps-paste.html")));
    QVERIFY2(!out.isEmpty(), "tests/data/wps-paste.html missing");
    const QStringList elements = elementsOf(out);
    QCOMPARE(elements.count(u"table"_s), 1);
    QCOMPARE(elements.count(u"tr"_s), 3);
    QCOMPARE(elements.count(u"td"_s), 7);
    QCOMPARE(elements.count(u"a"_s), 2);
    QVERIFY2(out.startsWith(u"<h2><b>市交通运输局2023年度政府信息公开工作年度报告</b></h2>"_s),
             qPrintable(out));
    QVERIFY(out.contains(
        u"<a href=\"https://jtj.example.gov.cn/zwgk/\" rel=\"noopener noreferrer\">市交通运输局门户网站</a>"_s));
    // The numbered list keeps its numbers as text; the Wingdings bullets become a list.
    QVERIFY2(
        out.contains(u"<p>1、<b>主动公开情况</b></p><ul><li>本年新制作规范性文件3件</li>"
                     "<li>本年废止规范性文件1件</li></ul><p>2、<b>收到和处理政府信息公开申请情况</b></p>"_s),
        qPrintable(out));
    QVERIFY2(
        out.contains(
            u"<td rowspan=\"2\"><p align=\"center\"><b>本列数据的勾稽关系</b></p></td><td colspan=\"2\">"_s),
        qPrintable(out));
    QVERIFY(out.contains(u"<a href=\"mailto:xxgk@jtj.example.gov.cn\" rel=\"noopener noreferrer\">"_s));
}

void TestHtmlSanitizer::webPaste()
{
    const QString out =
        itemSanitizer().sanitize(readFile(QStringLiteral(BAOSONG_TEST_DATA_DIR "/web-paste.html")));
    QVERIFY2(!out.isEmpty(), "tests/data/web-paste.html missing");
    QCOMPARE(out,
             u"<h2>国务院办公厅关于印发政府网站发展指引的通知</h2><p>国办发〔2017〕47号</p>"
             "<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
             "<p>《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。</p><h3>一、总体要求</h3>"
             "<ul><li>坚持以人民为中心</li><li><strong>坚持问题导向</strong><ol><li>集约共享</"
             "li><li>安全可控</li></ol></li>"
             "<li><a href=\"http://www.gov.cn/zhengce/content/2017-06/08/content_5200760.htm\" "
             "rel=\"noopener noreferrer\">政府网站发展指引全文</a></li></ul>"
             "<p>附件：政府网站发展指引.pdf</p><p>国务院办公厅<br>2017年5月15日</p>"_s);
}

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "tst_htmlsanitizer.moc"
