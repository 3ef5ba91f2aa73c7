// The editor's document as item HTML (docs/design.md §8, §11): structure in, fonts and colours out, and
// always through the sanitizer. Pastes from Word, WPS and a web page go in as the editor takes them.
#include "BodyEditor.h"
#include "DocumentHtml.h"
#include "HtmlSanitizer.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

const QString kImageId = u"a1b2c3"_s;

HtmlSanitizer itemSanitizer()
{
    HtmlSanitizer::Policy policy;
    policy.imageAttachmentIds = {kImageId};
    return HtmlSanitizer(policy);
}

QString readSample(const QString &name)
{
    QFile f(QStringLiteral(BAOSONG_TEST_DATA_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// What the editor's HTML says about anything but structure.
const QStringList kStyleTraces{u"mso"_s,          u"style"_s,  u"class"_s, u"font"_s,   u"face="_s,
                               u"color"_s,        u"colour"_s, u"<span"_s, u"<div"_s,   u"align=\"justify"_s,
                               u"align=\"left"_s, u"width"_s,  u"size"_s,  u"仿宋"_s,   u"宋体"_s,
                               u"黑体"_s,         u"<!--"_s,   u"qt-"_s,   u"margin"_s, u"indent"_s,
                               u"<o:p"_s,         u"script"_s, u"target"_s};

QString styleTraceIn(const QString &html)
{
    for (const QString &trace : kStyleTraces) {
        if (html.contains(trace, Qt::CaseInsensitive))
            return trace;
    }
    return {};
}

int count(const QString &html, const QString &needle)
{
    return int(html.count(needle));
}

} // namespace

class TestDocumentHtml : public QObject
{
    Q_OBJECT

private slots:
    void builtDocument();
    void emptyDocument();
    void imagesNeedThePolicy();
    void captionedImages();
    void pastedSamples_data();
    void pastedSamples();
    void wordPaste();
    void wpsPaste();
    void webPaste();
    void sanitizedPasteKeepsWordLists();
};

void TestDocumentHtml::builtDocument()
{
    QTextDocument doc;
    QTextCursor cursor(&doc);

    QTextBlockFormat heading;
    heading.setHeadingLevel(1);
    QTextCharFormat big;
    big.setFontPointSize(22);
    big.setFontFamilies({u"方正小标宋简体"_s});
    big.setForeground(Qt::red);
    cursor.setBlockFormat(heading);
    cursor.insertText(u"关于做好政府信息公开工作的通知"_s, big);

    QTextBlockFormat body;
    body.setAlignment(Qt::AlignJustify);
    body.setTextIndent(32);
    cursor.insertBlock(body, QTextCharFormat());
    QTextCharFormat plain;
    plain.setFontFamilies({u"仿宋_GB2312"_s});
    QTextCharFormat bold = plain;
    bold.setFontWeight(QFont::Bold);
    QTextCharFormat italic = plain;
    italic.setFontItalic(true);
    QTextCharFormat underline;
    underline.setFontUnderline(true);
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(u"https://www.gov.cn/"_s);
    link.setFontUnderline(true);
    link.setForeground(Qt::blue);
    QTextCharFormat evil;
    evil.setAnchor(true);
    evil.setAnchorHref(u"javascript:alert(1)"_s);
    cursor.insertText(u"坚持"_s, plain);
    cursor.insertText(u"以公开为常态"_s, bold);
    cursor.insertText(u"，"_s, plain);
    cursor.insertText(u"不公开为例外"_s, italic);
    cursor.insertText(u"、"_s, plain);
    cursor.insertText(u"下划线"_s, underline);
    cursor.insertText(u"。见"_s, plain);
    cursor.insertText(u"中国政府网"_s, link);
    cursor.insertText(u"和"_s, plain);
    cursor.insertText(u"坏链接"_s, evil);
    cursor.insertText(u"。"_s + QChar(QChar::LineSeparator) + u"第二行 <b>&"_s, plain);

    QTextListFormat bullets;
    bullets.setStyle(QTextListFormat::ListDisc);
    bullets.setIndent(1);
    QTextList *outer = cursor.insertList(bullets);
    cursor.insertText(u"主动公开"_s);
    cursor.insertBlock();
    cursor.insertText(u"依申请公开"_s);
    QTextListFormat numbers;
    numbers.setStyle(QTextListFormat::ListDecimal);
    numbers.setIndent(2);
    cursor.insertList(numbers);
    cursor.insertText(u"登记"_s);
    cursor.insertBlock();
    cursor.insertText(u"答复"_s);
    cursor.insertBlock();
    outer->add(cursor.block());
    cursor.insertText(u"网站保障"_s);

    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextTableFormat tableFormat;
    tableFormat.setHeaderRowCount(1);
    tableFormat.setBorder(2);
    tableFormat.setBackground(Qt::yellow);
    QTextTable *table = cursor.insertTable(3, 2, tableFormat);
    table->cellAt(0, 0).firstCursorPosition().insertText(u"单位"_s);
    table->cellAt(0, 1).firstCursorPosition().insertText(u"篇数"_s);
    table->cellAt(1, 0).firstCursorPosition().insertText(u"办公室"_s);
    table->cellAt(1, 1).firstCursorPosition().insertText(u"12"_s);
    table->mergeCells(2, 0, 1, 2);
    table->cellAt(2, 0).firstCursorPosition().insertText(u"合计 12"_s);

    cursor.movePosition(QTextCursor::End);
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    QTextImageFormat image;
    image.setName(HtmlSanitizer::attachmentImageSource(kImageId));
    image.setProperty(QTextFormat::ImageAltText, u"会议现场"_s);
    image.setWidth(300);
    cursor.insertText(u"图："_s);
    cursor.insertImage(image);
    cursor.insertBlock();
    QTextCharFormat sup;
    sup.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    QTextCharFormat strike;
    strike.setFontStrikeOut(true);
    cursor.insertText(u"m"_s);
    cursor.insertText(u"2"_s, sup);
    cursor.insertText(u" "_s, QTextCharFormat());
    cursor.insertText(u"删除"_s, strike);

    const QString html = documentToHtml(doc, itemSanitizer());
    const QString expected =
        u"<h2>关于做好政府信息公开工作的通知</h2>"
        "<p>坚持<strong>以公开为常态</strong>，<em>不公开为例外</em>、<u>下划线</u>。见"
        "<a href=\"https://www.gov.cn/\" rel=\"noopener noreferrer\">中国政府网</a>和坏链接。<br>第二行 "
        "&lt;b&gt;&amp;</p>"
        "<ul><li>主动公开</li><li>依申请公开<ol><li>登记</li><li>答复</li></ol></li><li>网站保障</li></ul>"
        "<table><thead><tr><th><p>单位</p></th><th><p>篇数</p></th></tr></thead>"
        "<tbody><tr><td><p>办公室</p></td><td><p>12</p></td></tr><tr><td colspan=\"2\"><p>合计 "
        "12</p></td></tr></tbody>"
        "</table>"
        "<p>图：<img src=\"baosong-attachment:a1b2c3\" alt=\"会议现场\"></p>"
        "<p>m<sup>2</sup> <s>删除</s></p>"_s;
    QVERIFY2(html == expected, qPrintable(html));
    QCOMPARE(styleTraceIn(html), QString());

    // The editor loads an item's body with setHtml: converting again gives the same HTML.
    QTextDocument again;
    again.setHtml(html);
    QCOMPARE(documentToHtml(again, itemSanitizer()), html);
}

void TestDocumentHtml::emptyDocument()
{
    QTextDocument doc;
    QCOMPARE(documentToHtml(doc), QString());
    doc.setPlainText(u"\n\n   \n"_s);
    QCOMPARE(documentToHtml(doc), QString());
}

// Issue #21 point 7: the author marks a picture's description as its caption (the toolbar's Caption…);
// the picture then stands in a paragraph of its own and is written as figure + figcaption, which the
// sanitizer keeps and the editor reads back marked; an empty caption takes the mark off.
void TestDocumentHtml::captionedImages()
{
    BodyEditor editor;
    BodyEdit *body = editor.edit();
    QTextCursor cursor(body->document());
    QTextImageFormat image;
    image.setName(HtmlSanitizer::attachmentImageSource(kImageId));
    cursor.insertText(u"前文"_s);
    cursor.insertImage(image);
    cursor.insertText(u"后文"_s);
    // No picture at the cursor: nothing happens.
    cursor.setPosition(0);
    body->setTextCursor(cursor);
    QVERIFY(!editor.setImageCaption(u"卫星影像"_s));
    cursor.setPosition(2); // just before the picture
    body->setTextCursor(cursor);
    QVERIFY(editor.setImageCaption(u"  2026年卫星影像 & 地类图斑  "_s));
    const QString figure =
        u"<figure><img src=\"baosong-attachment:a1b2c3\" alt=\"2026年卫星影像 &amp; 地类图斑\">"
        u"<figcaption>2026年卫星影像 &amp; 地类图斑</figcaption></figure>"_s;
    const QString html = documentToHtml(*body->document(), itemSanitizer());
    QCOMPARE(html, u"<p>前文</p>"_s + figure + u"<p>后文</p>"_s);

    // Read back into an editor: still a captioned picture, written the same.
    QTextDocument again;
    loadDocumentHtml(again, html);
    QCOMPARE(documentToHtml(again, itemSanitizer()), html);

    // The caption taken off: a plain picture in its paragraph, its description kept empty.
    cursor = body->textCursor();
    cursor.setPosition(3);
    body->setTextCursor(cursor);
    QVERIFY(editor.setImageCaption(QString()));
    QCOMPARE(documentToHtml(*body->document(), itemSanitizer()),
             u"<p>前文</p><p><img src=\"baosong-attachment:a1b2c3\" alt=\"\"></p><p>后文</p>"_s);
    // A picture marked but without a description is no figure.
    QTextDocument bare;
    QTextCursor c(&bare);
    QTextImageFormat marked = image;
    marked.setProperty(kImageCaption, true);
    c.insertImage(marked);
    QCOMPARE(documentToHtml(bare, itemSanitizer()),
             u"<p><img src=\"baosong-attachment:a1b2c3\" alt=\"\"></p>"_s);
}

void TestDocumentHtml::imagesNeedThePolicy()
{
    QTextDocument doc;
    QTextCursor cursor(&doc);
    QTextImageFormat own;
    own.setName(HtmlSanitizer::attachmentImageSource(kImageId));
    QTextImageFormat foreign;
    foreign.setName(u"file:///C:/Users/a/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"_s);
    cursor.insertText(u"甲"_s);
    cursor.insertImage(own);
    cursor.insertImage(foreign);
    cursor.insertText(u"乙"_s);
    QCOMPARE(documentToHtml(doc, itemSanitizer()),
             u"<p>甲<img src=\"baosong-attachment:a1b2c3\" alt=\"\">乙</p>"_s);
    QCOMPARE(documentToHtml(doc), u"<p>甲乙</p>"_s); // no policy, no image
}

void TestDocumentHtml::pastedSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("Word") << u"word-paste.html"_s;
    QTest::newRow("WPS") << u"wps-paste.html"_s;
    QTest::newRow("web page") << u"web-paste.html"_s;
}

void TestDocumentHtml::pastedSamples()
{
    QFETCH(QString, file);
    const QString raw = readSample(file);
    QVERIFY2(!raw.isEmpty(), qPrintable(u"can't read tests/data/"_s + file));
    for (const QString &pasted : {raw, itemSanitizer().sanitize(raw)}) {
        QTextDocument doc;
        doc.setHtml(pasted);
        const QString html = documentToHtml(doc, itemSanitizer());
        QVERIFY(!html.isEmpty());
        QVERIFY2(styleTraceIn(html).isEmpty(), qPrintable(styleTraceIn(html) + u" in:\n"_s + html));
        QCOMPARE(itemSanitizer().sanitize(html), html);
        // Stable: the editor reloading its own output converts to the same HTML.
        QTextDocument again;
        again.setHtml(html);
        QCOMPARE(documentToHtml(again, itemSanitizer()), html);
    }
}

void TestDocumentHtml::wordPaste()
{
    QTextDocument doc;
    doc.setHtml(readSample(u"word-paste.html"_s));
    const QString html = documentToHtml(doc, itemSanitizer());
    QVERIFY2(html.startsWith(u"<p align=\"center\"><strong>关于做好2024年政府信息公开工作的通知</strong></p>"
                             "<p>各区（分）局、局机关各科室、各直属单位：</p>"_s),
             qPrintable(html));
    QVERIFY2(html.contains(
                 u"<p>根据《<a href=\"http://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm\" "
                 "rel=\"noopener noreferrer\">中华人民共和国政府信息公开条例</a>》和2024年3月1日会议精神，"
                 "现就有关事项通知如下：</p><h2>一、总体要求</h2>"
                 "<p>坚持<strong>以公开为常态、不公开为例外</strong>，做到<em>及时、准确</em>。</p>"_s),
             qPrintable(html));
    // Word's list paragraphs arrive as paragraphs, in order, with their text.
    const qsizetype first = html.indexOf(u"主动公开政策文件"_s);
    const qsizetype nested = html.indexOf(u"登记、审核、办理、答复、归档"_s);
    const qsizetype last = html.indexOf(u"（一）"_s);
    QVERIFY(first > 0 && nested > first && last > nested);
    // The table: three rows, the last cell pair merged.
    QCOMPARE(count(html, u"<table>"_s), 1);
    QCOMPARE(count(html, u"<tr>"_s), 3);
    QCOMPARE(count(html, u"<td"_s), 8);
    // Word centred these cells' paragraphs: that stays; the structure is checked without it.
    QVERIFY2(html.contains(u"<td colspan=\"2\"><p align=\"center\">合计</p></td>"_s), qPrintable(html));
    QVERIFY(html.contains(u"<td><p align=\"center\"><strong>序号</strong></p></td>"_s));
    QVERIFY(html.contains(u"<td><p>局办公室</p></td>"_s));
    QVERIFY(!html.contains(u"<img"_s)); // Word's temp-folder image is not an attachment
    QVERIFY(html.contains(u"<a href=\"mailto:gongkai@example.gov.cn\" rel=\"noopener noreferrer\">"_s));
}

void TestDocumentHtml::wpsPaste()
{
    QTextDocument doc;
    doc.setHtml(readSample(u"wps-paste.html"_s));
    const QString html = documentToHtml(doc, itemSanitizer());
    QVERIFY2(html.startsWith(u"<h2 align=\"center\">市交通运输局2023年度政府信息公开工作年度报告</h2>"_s),
             qPrintable(html));
    QVERIFY(html.contains(
        u"<a href=\"https://jtj.example.gov.cn/zwgk/\" rel=\"noopener noreferrer\">市交通运输局门户网站</a>"_s));
    QVERIFY(html.contains(u"<strong>主动公开情况</strong>"_s));
    QCOMPARE(count(html, u"<table>"_s), 1);
    QCOMPARE(count(html, u"<tr>"_s), 3);
    QVERIFY2(
        QString(html)
            .remove(u" align=\"center\""_s)
            .contains(
                u"<td rowspan=\"2\"><p><strong>本列数据的勾稽关系</strong></p></td><td colspan=\"2\">"_s),
        qPrintable(html));
    QVERIFY(html.contains(u"<td><p>一、本年新收政府信息公开申请数量</p></td>"_s));
    QVERIFY(html.contains(u"<a href=\"mailto:xxgk@jtj.example.gov.cn\" rel=\"noopener noreferrer\">"_s));
}

void TestDocumentHtml::webPaste()
{
    QTextDocument doc;
    doc.setHtml(readSample(u"web-paste.html"_s));
    const QString html = documentToHtml(doc, itemSanitizer());
    // The page's centred title stays centred (style text-align, as the editor reads it).
    QVERIFY2(
        html.contains(
            u"<h2 align=\"center\">国务院办公厅关于印发政府网站发展指引的通知</h2><p>国办发〔2017〕47号</p>"_s),
        qPrintable(html));
    QVERIFY(html.contains(u"<h3>一、总体要求</h3>"_s));
    QVERIFY2(html.contains(
                 u"<ul><li>坚持以人民为中心</li><li><strong>坚持问题导向</strong><ol><li>集约共享</li>"
                 "<li>安全可控</li></ol></li><li><a href=\"http://www.gov.cn/zhengce/content/2017-06/08/"
                 "content_5200760.htm\" rel=\"noopener noreferrer\">政府网站发展指引全文</a></li></ul>"_s),
             qPrintable(html));
    QVERIFY(
        html.contains(u"<p>附件：政府网站发展指引.pdf</p>"_s)); // the javascript: link lost, its text kept
    QVERIFY(!html.contains(u"_hmt"_s));
}

void TestDocumentHtml::sanitizedPasteKeepsWordLists()
{
    // Sanitizing the clipboard's HTML before inserting it turns Word's bullet paragraphs into a real
    // list, which the editor then keeps.
    QTextDocument doc;
    doc.setHtml(itemSanitizer().sanitize(readSample(u"word-paste.html"_s)));
    const QString html = documentToHtml(doc, itemSanitizer());
    QVERIFY2(
        html.contains(
            u"<ul><li>主动公开政策文件</li><li>依申请公开按期答复<ul><li>登记、审核、办理、答复、归档</li>"
            "</ul></li><li>政府网站内容保障</li></ul><p>（一）加强组织领导。</p>"_s),
        qPrintable(html));
    QCOMPARE(count(html, u"<td"_s), 8);
}

QTEST_MAIN(TestDocumentHtml)
#include "tst_gui_documenthtml.moc"
