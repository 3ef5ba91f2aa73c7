// Word and WPS documents opened as drafts (client/DocxReader, issue #15 point 9), from the small
// samples tests/data/docx/make-samples.py writes: what is kept (headings, paragraphs, bold, italic,
// underline, lists, numbering as text, tables, pictures, links), what is dropped (fonts, sizes,
// colours, tracked deletions, empty paragraphs), and clear errors for files that are not documents.

#include "DocxReader.h"
#include "HtmlSanitizer.h"

#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {
QString sample(const char *name)
{
    return QStringLiteral(BAOSONG_TEST_DATA_DIR "/docx/") + QLatin1String(name);
}
} // namespace

class TestDocxReader : public QObject
{
    Q_OBJECT

private slots:
    void wordDocument();
    void wpsDocument();
    void picturesAreBounded();
    void notDocuments_data();
    void notDocuments();
};

void TestDocxReader::wordDocument()
{
    QString error;
    const std::optional<DocxDocument> doc = DocxReader::readFile(sample("report.docx"), &error);
    QVERIFY2(doc, qPrintable(error));
    // The first heading is the title, not repeated in the body.
    QCOMPARE(doc->title, u"关于做好2026年防汛工作的通知"_s);
    QVERIFY(!doc->html.contains(u"关于做好2026年防汛工作的通知"_s));
    const QString &html = doc->html;
    QVERIFY2(html.startsWith(u"<p>各区县自然资源局：</p>"_s), qPrintable(html));
    QVERIFY(html.contains(u"<strong>汛期地质灾害防治</strong>"_s));
    QVERIFY(html.contains(u"<em>现将有关事项</em>"_s));
    QVERIFY(html.contains(u"<u>通知如下</u>"_s));
    QVERIFY(!html.contains(u"此句已删除"_s));       // a tracked deletion
    QVERIFY(html.contains(u"<h3>工作要求</h3>"_s)); // heading 2 → h3 (h2 is heading 1; h1 the page's)
    // Numbering stays text, as an official document writes it; bullets become a list.
    QVERIFY(html.contains(u"<p>一、加强值班值守</p>"_s));
    QVERIFY(html.contains(u"<p>（一）落实领导带班</p>"_s));
    QVERIFY(html.contains(u"<p>（二）落实专人值班</p>"_s));
    QVERIFY(html.contains(u"<p>二、强化隐患排查</p>"_s));
    QVERIFY(html.contains(u"<ul><li>城区周边山体</li><li>在建工地</li></ul>"_s));
    QVERIFY(html.contains(u"<table><tr><td><strong>区县</strong></td><td><strong>值班电话</strong></td></tr>"
                          u"<tr><td>巴州区</td><td>0827-1234567<br>0827-7654321</td></tr></table>"_s));
    QVERIFY(html.contains(u"<a href=\"https://www.gov.cn/\"><u>中国政府网</u></a>"_s));
    QVERIFY(html.contains(u"<p align=\"right\">巴中市自然资源和规划局</p>"_s)); // the signature, set right
    QVERIFY(html.contains(u"<p>会议由局长主持。</p>"_s) || !html.contains(u"justify"_s));
    // Fonts, sizes and colours are gone; no empty paragraph.
    for (const QString &dropped : {u"SimSun"_s, u"宋体"_s, u"FF0000"_s, u"style"_s, u"font"_s, u"<p></p>"_s})
        QVERIFY2(!html.contains(dropped), qPrintable(dropped));
    // The picture, read from the package, named in the HTML.
    QCOMPARE(doc->pictures.size(), 1);
    QCOMPARE(doc->pictures.first().fileName, u"image1.png"_s);
    QVERIFY(html.contains(u"<img src=\"docx-picture:1\" alt=\"\">"_s));
    const QByteArray png = doc->pictures.first().bytes; // the sample's 8×6 PNG, as it was in the zip
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(qFromBigEndian<quint32>(png.constData() + 16), 8u);
    QCOMPARE(qFromBigEndian<quint32>(png.constData() + 20), 6u);

    // Through the body's sanitizer (as the editor does, with the picture an attachment by then):
    // nothing of substance is lost.
    const QString clean = HtmlSanitizer().sanitize(html);
    for (const QString &kept :
         {u"<strong>汛期地质灾害防治</strong>"_s, u"<u>通知如下</u>"_s, u"<h3>工作要求</h3>"_s,
          u"<li>在建工地</li>"_s, u"<td>巴州区</td>"_s, u"一、加强值班值守"_s})
        QVERIFY2(clean.contains(kept), qPrintable(clean));
}

void TestDocxReader::wpsDocument()
{
    QString error;
    const std::optional<DocxDocument> doc = DocxReader::readFile(sample("wps.docx"), &error);
    QVERIFY2(doc, qPrintable(error));
    QCOMPARE(doc->title, u"耕地保护专题会议纪要"_s); // style "2", named 标题 1
    const QString &html = doc->html;
    QVERIFY2(html.startsWith(u"<h3>一、会议情况</h3>"_s), qPrintable(html)); // style "3": heading 2
    QVERIFY(html.contains(u"<p>会议由局长主持。</p>"_s));
    QVERIFY(html.contains(u"<h3>参会单位</h3>"_s)); // outline level 1
    QVERIFY(html.contains(u"<ul><li>耕保科</li><ul><li>执法支队</li></ul><li>规划科</li></ul>"_s));
    QVERIFY(html.contains(u"<p>第一行<br>第二行 末尾</p>"_s));
    QVERIFY(doc->pictures.isEmpty());
}

// A document can't make the client hold unbounded pictures: at most kMaxPictures come in, the text
// all the same.
void TestDocxReader::picturesAreBounded()
{
    QString error;
    const std::optional<DocxDocument> doc = DocxReader::readFile(sample("many-pictures.docx"), &error);
    QVERIFY2(doc, qPrintable(error));
    QCOMPARE(doc->pictures.size(), DocxReader::kMaxPictures);
    QCOMPARE(doc->html.count(u"<img "_s), DocxReader::kMaxPictures);
    QCOMPARE(doc->title, u"图片很多的文档"_s);
}

void TestDocxReader::notDocuments_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("plain text") << sample("not-a-zip.docx") << u"not a zip"_s;
    QTest::newRow("cut off") << sample("damaged.docx") << u"damaged"_s;
    QTest::newRow("missing") << sample("no-such-file.docx") << u"could not be opened"_s;
}

void TestDocxReader::notDocuments()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!DocxReader::readFile(path, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(DocxReader::isDocx(u"通知.DOCX"_s));
    QVERIFY(!DocxReader::isDocx(u"通知.doc"_s));
}

QTEST_GUILESS_MAIN(TestDocxReader)
#include "tst_docxreader.moc"
