// The one HTML → plain text function (core/HtmlText): what the search index stores, the reviewer's diff
// compares, the checks read and the site's summaries show. The cases that the local store's and the
// sanitizer's own versions once answered differently (tables, NBSP, deep nesting) are pinned here.
#include "HtmlText.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace baosong;

class TestHtmlText : public QObject
{
    Q_OBJECT

private slots:
    void plainText_data();
    void plainText();
    void deepNestingIsLinear();
};

void TestHtmlText::plainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("paragraphs") << u"<p>第一段</p><p>第二段  三</p>"_s << u"第一段\n第二段 三"_s;
    QTest::newRow("inline tags join")
        << u"<p>自然<b>资源</b><span style=\"x\">局</span></p>"_s << u"自然资源局"_s;
    QTest::newRow("br and inline") << u"<p>甲<b>乙</b><br>丙</p>"_s << u"甲乙\n丙"_s;
    QTest::newRow("white space in text is a space") << u"<p>a\nb\t c</p>"_s << u"a b c"_s;
    QTest::newRow("br and whitespace") << u"一<br/>二 &nbsp;  三\n\n<br>四"_s << u"一\n二 三\n四"_s;
    QTest::newRow("no empty lines") << u"<p>一</p><p></p><br><br><div> </div><p>二</p>"_s << u"一\n二"_s;
    QTest::newRow("ideographic space kept") << u"<p>　　正文</p>"_s << u"　　正文"_s;
    QTest::newRow("entities") << u"A&amp;B &lt;C&gt; &quot;D&quot; &#20013;&#x6587; &ldquo;引&rdquo;"_s
                              << u"A&B <C> \"D\" 中文 \u201C引\u201D"_s;
    QTest::newRow("unknown entity kept") << u"a &bogus; b & c"_s << u"a &bogus; b & c"_s;
    QTest::newRow("lone angle brackets") << u"a < b > c <3"_s << u"a < b > c <3"_s;
    QTest::newRow("script, style and comment dropped")
        << u"<p>前</p><script>var x = '<p>';</script><!-- 注释 --><style>p{}</style><p>后</p>"_s
        << u"前\n后"_s;
    QTest::newRow("dropped inline") << u"<p>a<script>x()</script><style>p{}</style>b</p>"_s << u"ab"_s;
    QTest::newRow("table") << u"<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>"_s
                           << u"1\t2\n3\t4"_s;
    QTest::newRow("table cells") << u"<table><tr><td>名称</td><td>面积</td></tr></table>"_s
                                 << u"名称\t面积"_s;
    QTest::newRow("paragraphs in cells")
        << u"<p>前</p><table><tr><td><p>甲</p><p>乙</p></td><td><p>丙<br>丁</p></td></tr>"
           "<tr><td>1</td><td>2</td></tr></table><p>后</p>"_s
        << u"前\n甲 乙\t丙 丁\n1\t2\n后"_s;
    QTest::newRow("header cells, tbody") << u"<table><thead><tr><th>项目</th><th>金额</th></tr></thead>"
                                            "<tbody><tr><td>甲</td><td>1</td></tr></tbody></table>"_s
                                         << u"项目\t金额\n甲\t1"_s;
    QTest::newRow("list") << u"<ul><li>一</li><li>二</li></ul>"_s << u"一\n二"_s;
    QTest::newRow("pre") << u"<pre>a\n  b</pre>"_s << u"a\n  b"_s;
    QTest::newRow("pre's first newline") << u"<p>x</p><pre>\nfirst</pre>"_s << u"x\nfirst"_s;
    QTest::newRow("image alt") << u"<p>图：<img src=x alt=\"会场\"></p>"_s << u"图：会场"_s;
    QTest::newRow("image alt, single quotes and entity") << u"<img alt='A&amp;B' src=\"y\">"_s << u"A&B"_s;
    QTest::newRow("image without alt") << u"<p>甲<img src=\"baosong-attachment:x\">乙</p>"_s << u"甲乙"_s;
    QTest::newRow("unfinished tag at the end") << u"<p>正文</p><img src=\"x"_s << u"正文"_s;
    QTest::newRow("upper case tags") << u"<P>一</P><TABLE><TR><TD>a</TD><TD>b</TD></TR></TABLE>"_s
                                     << u"一\na\tb"_s;
}

void TestHtmlText::plainText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(HtmlText::plainText(html), text);
}

void TestHtmlText::deepNestingIsLinear()
{
    // A parser's tree builder is quadratic in depth; one pass is not, and gives the text.
    QString html;
    for (int i = 0; i < 100000; ++i)
        html += u"<div><b>"_s;
    html += u"深<img src=x onerror=alert(1)>处&lt;"_s;
    QCOMPARE(HtmlText::plainText(html), u"深处<"_s);
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
