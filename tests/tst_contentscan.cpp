// The content detectors (core/ContentScan, core/WordAutomaton; issue #17 point 1): each detector with
// positive and negative samples — look-alikes (an 18-digit number with a bad check digit, a coordinate
// with 2 decimals), full-width digits, white space and line breaks inside markings — with the offsets
// they report; the automaton with overlapping words; the word lists and their file format; attachments:
// text files in UTF-8 and GB18030, HTML, a .docx and an .xlsx made here (a stored zip written by the
// test), the sample .docx files, and the types that are listed as unchecked.

#include "Checks.h"
#include "ContentScan.h"
#include "Deadline.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "WordAutomaton.h"

#include <QFile>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

// ---- independent checks (not the code under test) ------------------------------------------------

// GB 11643-1999: the check character of 17 digits.
QChar idCheck(const QString &seventeen)
{
    const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += seventeen.at(i).digitValue() * weights[i];
    return u"10X98765432"_s.at(sum % 11);
}

QString validId(const QString &seventeen)
{
    return seventeen + idCheck(seventeen);
}

// A check character other than the right one.
QString invalidId(const QString &seventeen)
{
    const QChar right = idCheck(seventeen);
    return seventeen + (right == u'0' ? u'1' : u'0');
}

// The Luhn check digit for a number without it.
QChar luhnDigit(const QString &body)
{
    int sum = 0;
    bool twice = true; // the check digit will be the rightmost, so the body's last digit is doubled
    for (qsizetype i = body.size() - 1; i >= 0; --i) {
        int d = body.at(i).digitValue();
        if (twice)
            d = d * 2 > 9 ? d * 2 - 9 : d * 2;
        sum += d;
        twice = !twice;
    }
    return QChar(u'0' + (10 - sum % 10) % 10);
}

QString luhnValid(const QString &body)
{
    return body + luhnDigit(body);
}

QString luhnInvalid(const QString &body)
{
    const QChar right = luhnDigit(body);
    return body + QChar(u'0' + (right.digitValue() + 1) % 10);
}

QString fullWidth(const QString &ascii)
{
    QString out;
    for (QChar c : ascii)
        out += c.unicode() > 0x20 && c.unicode() < 0x7F ? QChar(char16_t(c.unicode() + 0xFEE0)) : c;
    return out;
}

// ---- a stored (uncompressed) zip, enough for a .docx or .xlsx ------------------------------------

quint32 crc32(const QByteArray &data)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xFFFFFFFFu;
    for (const char byte : data)
        c = table[(c ^ quint8(byte)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(QByteArray &out, quint16 v)
{
    out.append(char(v & 0xFF)).append(char(v >> 8));
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xFFFF));
    put16(out, quint16(v >> 16));
}

QByteArray storedZip(const QList<std::pair<QString, QByteArray>> &files)
{
    QByteArray out;
    QByteArray central;
    for (const auto &[name, data] : files) {
        const QByteArray n = name.toUtf8();
        const quint32 crc = crc32(data);
        const quint32 offset = quint32(out.size());
        put32(out, 0x04034b50);
        put16(out, 20);
        put16(out, 0x0800); // names in UTF-8
        put16(out, 0);      // stored
        put16(out, 0);
        put16(out, 0x21); // 1980-01-01
        put32(out, crc);
        put32(out, quint32(data.size()));
        put32(out, quint32(data.size()));
        put16(out, quint16(n.size()));
        put16(out, 0);
        out += n + data;
        put32(central, 0x02014b50);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0x0800);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0x21);
        put32(central, crc);
        put32(central, quint32(data.size()));
        put32(central, quint32(data.size()));
        put16(central, quint16(n.size()));
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, offset);
        central += n;
    }
    const quint32 centralOffset = quint32(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(files.size()));
    put16(out, quint16(files.size()));
    put32(out, quint32(central.size()));
    put32(out, centralOffset);
    put16(out, 0);
    return out;
}

const char *const kW = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

QByteArray wordPart(const char *root, const QString &paragraphs)
{
    return QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:%1 %2>%3</w:%1>)")
        .arg(QLatin1StringView(root), QLatin1StringView(kW), paragraphs)
        .toUtf8();
}

QString para(const QStringList &runs)
{
    QString out = u"<w:p>"_s;
    for (const QString &r : runs)
        out += u"<w:r><w:t xml:space=\"preserve\">"_s + r + u"</w:t></w:r>"_s;
    return out + u"</w:p>"_s;
}

QByteArray docx(const QString &bodyParagraphs, const QString &headerParagraphs = {})
{
    QList<std::pair<QString, QByteArray>> files{
        {u"[Content_Types].xml"_s, QByteArrayLiteral("<?xml version=\"1.0\"?><Types/>")},
        {u"word/document.xml"_s, wordPart("document", u"<w:body>"_s + bodyParagraphs + u"</w:body>"_s)}};
    if (!headerParagraphs.isEmpty())
        files.append({u"word/header1.xml"_s, wordPart("hdr", headerParagraphs)});
    return storedZip(files);
}

// ---- finding helpers ----------------------------------------------------------------------------

QList<ContentFinding> only(const QList<ContentFinding> &findings, QLatin1StringView detector)
{
    QList<ContentFinding> out;
    std::copy_if(findings.cbegin(), findings.cend(), std::back_inserter(out),
                 [&](const ContentFinding &f) { return f.detector == detector; });
    return out;
}

QString describe(const QList<ContentFinding> &findings)
{
    QStringList out;
    for (const ContentFinding &f : findings)
        out << u"%1 %2 @%3+%4 “%5”"_s.arg(f.detector, keys::toString(f.severity))
                   .arg(f.offset)
                   .arg(f.length)
                   .arg(f.text);
    return out.join(u"; "_s);
}

WordLists testLists()
{
    return WordLists::parse(u"内部文件\tblocking\t内部文件不得公开\n不得外传\n工作秘密\twarning\n"_s,
                            u"中华人名共和国\t中华人民共和国\n不径而走\t不胫而走\n再接再励\t再接再厉\n"
                            "按部就搬\t按部就班\n迫不急待\t迫不及待\n"_s);
}

} // namespace

class TestContentScan : public QObject
{
    Q_OBJECT

private slots:
    void settingsTurnDetectorsOff();
    void automatonOverlapping();
    void automatonCodePoints();
    void normalization();
    void markings_data();
    void markings();
    void markingOffsetsAcrossLines();
    void residentIds_data();
    void residentIds();
    void mobileNumbers_data();
    void mobileNumbers();
    void bankCards_data();
    void bankCards();
    void coordinates_data();
    void coordinates();
    void sensitiveWords();
    void misusedWords();
    void misusedWordInsideItsRightForm();
    void wordListFormat();
    void builtinLists();
    void findingsForTheChecks();
    void revision();
    void textAttachments();
    void docxAttachment();
    void docxSamples();
    void xlsxAttachment();
    void uncheckedAttachments();
    void concurrentScans();

private:
    const ContentScanner m_scanner{testLists()};
};

// The detector settings the site administrator manages (issue #17 point 7): a detector turned off
// reports nothing, the others go on; the settings and the rules keep their JSON form.
void TestContentScan::settingsTurnDetectorsOff()
{
    const QString text = u"联系电话：13800138000。内部文件，中华人名共和国。"_s;
    auto detectors = [&](const ContentScanner &scanner) {
        QStringList out;
        for (const ContentFinding &f : scanner.scanText(text))
            out << f.detector;
        return out;
    };
    const QStringList all = detectors(ContentScanner::builtin());
    QVERIFY(all.contains(QString(ContentDetector::MobileNumber)));
    QVERIFY(all.contains(QString(ContentDetector::SensitiveWord)));
    QVERIFY(all.contains(QString(ContentDetector::MisusedWord)));
    ContentSettings settings;
    settings.setEnabled(QString(ContentDetector::MobileNumber), false);
    settings.setEnabled(QString(ContentDetector::MisusedWord), false);
    const QStringList some = detectors(ContentScanner(WordLists::builtin(), settings));
    QVERIFY(!some.contains(QString(ContentDetector::MobileNumber)));
    QVERIFY(!some.contains(QString(ContentDetector::MisusedWord)));
    QVERIFY(some.contains(QString(ContentDetector::SensitiveWord)));

    // JSON: every configurable detector named; one left out is on; an unknown one is refused.
    QCOMPARE(ContentSettings::fromJson(settings.toJson()), std::optional<ContentSettings>(settings));
    QCOMPARE(ContentSettings::fromJson({}), std::optional<ContentSettings>(ContentSettings()));
    QString error;
    QVERIFY(!ContentSettings::fromJson({{"detectors"_L1, QJsonObject{{"unchecked_attachment"_L1, false}}}},
                                       &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!ContentSettings::fromJson({{"detectors"_L1, QJsonObject{{"mobile_number"_L1, 0}}}}));
    ContentRules rules = ContentRules::builtin();
    rules.version = 7;
    rules.settings = settings;
    QCOMPARE(ContentRules::fromJson(rules.toJson()), std::optional<ContentRules>(rules));
    QVERIFY(!ContentRules::fromJson({{"version"_L1, 1}}));
    // The checks of the rules: the same detectors through the registry.
    Item item;
    item.revisions = {Revision{}};
    item.revisions[0].content.bodyHtml = text;
    const Organization organization;
    const Deadline deadline;
    const CheckContext context{
        item, CheckContext::contentOf(item), organization, RouteEngine::builtin(), deadline, chinaToday()};
    QStringList codes;
    for (const Finding &f : rules.checks().checker(Checks::contentId())->check(context))
        codes << f.code;
    QVERIFY(codes.contains(QString(ContentDetector::SensitiveWord)));
    QVERIFY(!codes.contains(QString(ContentDetector::MobileNumber)));
}

void TestContentScan::automatonOverlapping()
{
    WordAutomaton a;
    const QStringList words{u"中华人民共和国"_s,
                            u"人民"_s,
                            u"人民共和国"_s,
                            u"共和"_s,
                            u"和国"_s,
                            u"he"_s,
                            u"she"_s,
                            u"his"_s,
                            u"hers"_s};
    for (int i = 0; i < words.size(); ++i)
        a.add(words.at(i), i < 5 ? 0 : 1, i);
    a.add(u"人民"_s, 2, 99);              // the same word in another list: both reported
    a.add(QString(), 0, 100);             // ignored
    QVERIFY(a.find(u"人民"_s).isEmpty()); // not built yet
    a.build();
    QCOMPARE(a.wordCount(), 10);

    const QString text = u"《中华人民共和国土地管理法》ushers"_s;
    const QList<WordAutomaton::Match> matches = a.find(text);
    QList<std::tuple<QString, int, int>> found; // word, offset, entry
    for (const WordAutomaton::Match &m : matches)
        found.append({text.mid(m.offset, m.length), int(m.offset), m.entry});
    const QList<std::tuple<QString, int, int>> expected{
        {u"人民"_s, 3, 1},           {u"人民"_s, 3, 99},      {u"共和"_s, 5, 3},
        {u"中华人民共和国"_s, 1, 0}, {u"人民共和国"_s, 3, 2}, {u"和国"_s, 6, 4},
        {u"she"_s, 15, 6},           {u"he"_s, 16, 5},        {u"hers"_s, 16, 8}};
    QCOMPARE(found, expected);
    QCOMPARE(matches.at(1).list, 2);

    // Nothing found in text without the words; an empty text.
    QVERIFY(a.find(u"国土空间规划"_s).isEmpty());
    QVERIFY(a.find(QString()).isEmpty());
}

void TestContentScan::automatonCodePoints()
{
    // Characters outside the BMP (CJK Extension B) count as one state each; offsets are UTF-16 units.
    WordAutomaton a;
    const QString ext = QString::fromUcs4(U"\U00020000\U00020001");
    a.add(ext, 0, 0);
    a.add(QString::fromUcs4(U"\U00020001") + u"甲"_s, 0, 1);
    a.build();
    const QString text = u"甲"_s + ext + u"甲"_s;
    const QList<WordAutomaton::Match> m = a.find(text);
    QCOMPARE(m.size(), 2);
    QCOMPARE(m.at(0).offset, 1);
    QCOMPARE(m.at(0).length, 4);
    QCOMPARE(m.at(1).offset, 3);
    QCOMPARE(m.at(1).length, 3);
    // A high surrogate alone matches nothing and does not break the scan.
    QVERIFY(a.find(QString(QChar(0xD840))).isEmpty());
}

void TestContentScan::normalization()
{
    QCOMPARE(ContentScanner::fold(u"１３８　ＡＢｃ！″′"_s), u"138 ABc!\"'"_s);
    const ContentScanner::Compact c = ContentScanner::compact(u"机 密\n★ AB\u3000c"_s);
    QCOMPARE(c.text, u"机密★abc"_s);
    QCOMPARE(c.origin, (QList<qsizetype>{0, 2, 4, 6, 7, 9}));
}

void TestContentScan::markings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // the matched text, or empty: nothing reported
    QTest::addColumn<bool>("blocking");

    QTest::newRow("绝密★一年") << u"本文件绝密★一年，请妥善保管"_s << u"绝密★一年"_s << true;
    QTest::newRow("机密★长期") << u"机密★长期"_s << u"机密★长期"_s << true;
    QTest::newRow("秘密★10年") << u"（秘密★10年）"_s << u"秘密★10年"_s << true;
    QTest::newRow("full-width term") << u"秘密★１０年"_s << u"秘密★１０年"_s << true;
    QTest::newRow("white star") << u"秘密☆"_s << u"秘密☆"_s << true;
    QTest::newRow("full-width asterisk") << u"正文 机密＊ 结束"_s << u"机密＊"_s << true;
    QTest::newRow("spaces inside") << u"文件 机 密 ★ 一 年 结束"_s << u"机 密 ★ 一 年"_s << true;
    QTest::newRow("line break inside") << u"抄送：\n机 密\n★\n"_s << u"机 密\n★"_s << true;
    QTest::newRow("ideographic space") << u"内部资料　注意保存"_s << u"内部资料　注意保存"_s << true;
    QTest::newRow("内部资料，注意保存") << u"内部资料，注意保存"_s << u"内部资料，注意保存"_s << true;
    QTest::newRow("内部资料 alone") << u"本册为内部资料"_s << u"内部资料"_s << true;
    QTest::newRow("内部★") << u"内部★"_s << u"内部★"_s << true;
    QTest::newRow("绝密 bare") << u"此件为绝密件"_s << u"绝密"_s << true;
    QTest::newRow("机密 bare") << u"涉及机密信息"_s << u"机密"_s << true;
    QTest::newRow("秘密 header line") << u"标题\n  秘密  \n正文"_s << u"秘密"_s << true;
    QTest::newRow("内部 header line") << u"内部\n关于某事的通知"_s << u"内部"_s << true;
    QTest::newRow("涉密 header line") << u"涉密\n"_s << u"涉密"_s << true;
    QTest::newRow("秘密 in text: warning") << u"严守国家秘密和工作秘密"_s << u"秘密"_s << false;
    QTest::newRow("涉密 in text: warning") << u"加强涉密人员管理"_s << u"涉密"_s << false;

    QTest::newRow("内部控制") << u"完善内部控制制度"_s << QString() << false;
    QTest::newRow("手机密码") << u"请勿泄露手机密码"_s << QString() << false;
    QTest::newRow("随机密码") << u"系统生成随机密码"_s << QString() << false;
    QTest::newRow("危机密切") << u"与危机密切相关"_s << QString() << false;
    QTest::newRow("拒绝密切") << u"拒绝密切接触"_s << QString() << false;
    QTest::newRow("计算机密集") << u"计算机密集型任务"_s << QString() << false;
    QTest::newRow("保密") << u"做好保密工作"_s << QString() << false;
    QTest::newRow("star alone") << u"★重点工作"_s << QString() << false;
}

void TestContentScan::markings()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(bool, blocking);
    const QList<ContentFinding> all = m_scanner.scanText(text);
    const QList<ContentFinding> found = only(all, ContentDetector::ClassificationMarking);
    if (expected.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        return;
    }
    QVERIFY2(!found.isEmpty(), qPrintable(describe(all)));
    const ContentFinding &f = found.first();
    QCOMPARE(f.text, expected);
    QCOMPARE(text.mid(f.offset, f.length), expected);
    QCOMPARE(f.severity, blocking ? Severity::Blocking : Severity::Warning);
    QVERIFY(f.message.contains(expected.simplified()));
    QCOMPARE(f.field, QString(CheckField::Body));
}

void TestContentScan::markingOffsetsAcrossLines()
{
    const QString text = u"关于土地的通知\n机\n密\n★\n一年\n正文。"_s;
    const QList<ContentFinding> found =
        only(m_scanner.scanText(text), ContentDetector::ClassificationMarking);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).offset, 8);
    QCOMPARE(found.at(0).text, u"机\n密\n★\n一年"_s);
    QCOMPARE(found.at(0).where(), ContentScanner::tr("Body, character %1").arg(9));
}

void TestContentScan::residentIds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("well-known sample") << u"身份证号11010519491231002X。"_s << u"11010519491231002X"_s;
    QTest::newRow("lower-case x") << u"身份证号11010519491231002x"_s << u"11010519491231002x"_s;
    const QString computed = validId(u"51190219850612341"_s); // 巴中市巴州区, 1985-06-12
    QTest::newRow("computed") << u"申请人："_s + computed + u"，"_s << computed;
    const QString another = validId(u"44030420010228123"_s);
    QTest::newRow("computed, space after") << another + u" 号"_s << another;
    QTest::newRow("full-width digits") << u"证件号码："_s + fullWidth(computed) << fullWidth(computed);

    QTest::newRow("bad check digit") << invalidId(u"51190219850612341"_s) << QString();
    QTest::newRow("well-known sample, bad check") << u"110105194912310021"_s << QString();
    QTest::newRow("no such date") << validId(u"51190219850230341"_s) << QString(); // 30 February
    QTest::newRow("born before 1900") << validId(u"51190218990612341"_s) << QString();
    QTest::newRow("region 9") << validId(u"91190219850612341"_s) << QString();
    QTest::newRow("inside 19 digits") << u"1"_s + computed.left(17) + u"5"_s << QString();
    QTest::newRow("17 digits") << computed.left(17) << QString();
}

void TestContentScan::residentIds()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QList<ContentFinding> all = m_scanner.scanText(text);
    const QList<ContentFinding> found = only(all, ContentDetector::ResidentId);
    if (expected.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).text, expected);
    QCOMPARE(found.at(0).offset, text.indexOf(expected));
    QCOMPARE(found.at(0).severity, Severity::Blocking);
    // Not also a mobile number or a bank card.
    QCOMPARE(all.size(), 1);
    QVERIFY(ContentScanner::validResidentId(ContentScanner::fold(expected)));
}

void TestContentScan::mobileNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"联系电话：13800138000。"_s << u"13800138000"_s;
    QTest::newRow("19x") << u"手机19912345678"_s << u"19912345678"_s;
    QTest::newRow("+86 and spaces") << u"Tel +86 138 0013 8000"_s << u"+86 138 0013 8000"_s;
    QTest::newRow("hyphens") << u"138-0013-8000（张先生）"_s << u"138-0013-8000"_s;
    QTest::newRow("full-width") << u"联系人：１３８００１３８０００"_s << u"１３８００１３８０００"_s;
    QTest::newRow("full-width hyphens") << u"１３８－００１３－８０００"_s << u"１３８－００１３－８０００"_s;

    QTest::newRow("12x is no mobile") << u"12800138000"_s << QString();
    QTest::newRow("12 digits") << u"编号138001380001"_s << QString();
    QTest::newRow("10 digits") << u"1380013800"_s << QString();
    QTest::newRow("landline") << u"值班电话0827-5262345"_s << QString();
    QTest::newRow("decimal") << u"比例0.13800138000"_s << QString();
}

void TestContentScan::mobileNumbers()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QList<ContentFinding> found = only(m_scanner.scanText(text), ContentDetector::MobileNumber);
    if (expected.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).text, expected);
    QCOMPARE(found.at(0).offset, text.indexOf(expected));
    QCOMPARE(found.at(0).severity, Severity::Warning);
}

void TestContentScan::bankCards_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const QString sixteen = luhnValid(u"622202020000123"_s);
    const QString nineteen = luhnValid(u"621700123456789012"_s);
    QTest::newRow("16 digits") << u"账号"_s + sixteen + u"。"_s << sixteen;
    QTest::newRow("19 digits") << u"卡号："_s + nineteen << nineteen;
    QTest::newRow("visa sample") << u"4111111111111111"_s << u"4111111111111111"_s;
    const QString grouped =
        sixteen.left(4) + u' ' + sixteen.mid(4, 4) + u' ' + sixteen.mid(8, 4) + u' ' + sixteen.mid(12);
    QTest::newRow("groups of four") << u"卡号 "_s + grouped + u" 户名"_s << grouped;
    const QString nineteenGrouped = nineteen.left(4) + u'-' + nineteen.mid(4, 4) + u'-' + nineteen.mid(8, 4) +
                                    u'-' + nineteen.mid(12, 4) + u'-' + nineteen.mid(16);
    QTest::newRow("19 in groups") << nineteenGrouped << nineteenGrouped;
    QTest::newRow("full-width") << fullWidth(sixteen) << fullWidth(sixteen);

    QTest::newRow("bad Luhn, 16") << luhnInvalid(u"622202020000123"_s) << QString();
    QTest::newRow("bad Luhn, 19") << luhnInvalid(u"621700123456789012"_s) << QString();
    QTest::newRow("15 digits") << luhnValid(u"62220202000012"_s) << QString();
    QTest::newRow("20 digits") << luhnValid(u"6222020200001234567"_s) << QString();
    QTest::newRow("starts with 1") << luhnValid(u"122202020000123"_s) << QString();
    QTest::newRow("mixed groups") << u"6222 02020000 1234"_s << QString();
}

void TestContentScan::bankCards()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QList<ContentFinding> found = only(m_scanner.scanText(text), ContentDetector::BankCard);
    if (expected.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(describe(found)));
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).text, expected);
    QCOMPARE(found.at(0).offset, text.indexOf(expected));
    QCOMPARE(found.at(0).severity, Severity::Blocking);
}

void TestContentScan::coordinates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("decimal pair") << u"位于116.397128, 39.916527附近"_s
                                  << QStringList{u"116.397128, 39.916527"_s};
    QTest::newRow("decimal pair, full-width comma")
        << u"（116.397128，39.916527）"_s << QStringList{u"116.397128，39.916527"_s};
    QTest::newRow("decimal pair with N/E")
        << u"39.916527N 116.397128E，"_s << QStringList{u"39.916527N 116.397128E"_s};
    QTest::newRow("one, with degree sign") << u"东经116.3971283°"_s << QStringList{u"116.3971283°"_s};
    QTest::newRow("one, after 纬度") << u"纬度：39.91652"_s << QStringList{u"39.91652"_s};
    QTest::newRow("one, lat=") << u"lat=39.916527&"_s << QStringList{u"39.916527"_s};
    QTest::newRow("full-width decimals")
        << fullWidth(u"116.397128,39.916527"_s) << QStringList{fullWidth(u"116.397128,39.916527"_s)};
    QTest::newRow("DMS") << u"位置116°23'29.5\"E"_s << QStringList{u"116°23'29.5\"E"_s};
    QTest::newRow("DMS primes") << u"北纬39°54′59.49″N，"_s << QStringList{u"39°54′59.49″N"_s};
    QTest::newRow("DMS Chinese") << u"东经116度23分29.5秒"_s << QStringList{u"116度23分29.5秒"_s};
    QTest::newRow("projected") << u"界桩坐标X=4435123.456 Y=500123.789。"_s
                               << QStringList{u"X=4435123.456 Y=500123.789"_s};
    QTest::newRow("projected, zone and colons")
        << u"x：3512345.12，y：39500123.45"_s << QStringList{u"x：3512345.12，y：39500123.45"_s};
    QTest::newRow("projected, Chinese labels")
        << u"北坐标=3512345 东坐标=500123"_s << QStringList{u"北坐标=3512345 东坐标=500123"_s};

    QTest::newRow("2 decimals") << u"116.39, 39.91"_s << QStringList{};
    QTest::newRow("4 decimals") << u"东经116.3971°, 北纬39.9165°"_s << QStringList{};
    QTest::newRow("DMS without fraction") << u"116°23'29\"E"_s << QStringList{};
    QTest::newRow("DMS degrees and minutes") << u"116°23'E"_s << QStringList{};
    QTest::newRow("a ratio") << u"系数取0.123456。"_s << QStringList{};
    QTest::newRow("over 180") << u"523.123456, 39.123456"_s << QStringList{};
    QTest::newRow("version-like") << u"1.123456.7"_s << QStringList{};
    QTest::newRow("projected alone") << u"X=4435123.456"_s << QStringList{};
    QTest::newRow("amounts") << u"金额4435123.45元，500123.78元"_s << QStringList{};
    QTest::newRow("projected, same axis") << u"X=4435123.456 X=4435124.456"_s << QStringList{};
    QTest::newRow("projected, far apart")
        << u"X=4435123.456，以下说明与本项目无关的其他事项若干条内容，共计四十个字以上的说明文字，另行补充。Y=500123.789"_s
        << QStringList{};
}

void TestContentScan::coordinates()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const QList<ContentFinding> found = only(m_scanner.scanText(text), ContentDetector::Coordinates);
    QStringList texts;
    for (const ContentFinding &f : found) {
        texts << f.text;
        QCOMPARE(text.mid(f.offset, f.length), f.text);
        QCOMPARE(f.severity, Severity::Blocking);
    }
    QCOMPARE(texts, expected);
}

void TestContentScan::sensitiveWords()
{
    const QString text = u"此为内部文件，不得\n外传；涉及工作 秘密。"_s;
    const QList<ContentFinding> found = only(m_scanner.scanText(text), ContentDetector::SensitiveWord);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).text, u"内部文件"_s);
    QCOMPARE(found.at(0).offset, 2);
    QCOMPARE(found.at(0).severity, Severity::Blocking);
    QVERIFY(found.at(0).message.contains(u"内部文件不得公开"_s)); // the entry's note
    QCOMPARE(found.at(1).text, u"不得\n外传"_s);
    QCOMPARE(found.at(1).severity, Severity::Blocking); // no severity given: blocking
    QCOMPARE(found.at(2).text, u"工作 秘密"_s);
    QCOMPARE(found.at(2).severity, Severity::Warning);
    QVERIFY(only(m_scanner.scanText(u"内部管理文件"_s), ContentDetector::SensitiveWord).isEmpty());
}

void TestContentScan::misusedWords()
{
    const QString text = u"《中华人名共和国土地管理法》消息不径而走，我们要再接\n再励，按部就班。"_s;
    const QList<ContentFinding> found = only(m_scanner.scanText(text), ContentDetector::MisusedWord);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).text, u"中华人名共和国"_s);
    QCOMPARE(found.at(0).offset, 1);
    QCOMPARE(found.at(0).suggestion, u"中华人民共和国"_s);
    QCOMPARE(found.at(0).severity, Severity::Warning);
    QCOMPARE(found.at(0).message, ContentScanner::tr("“%1” is a misused word: write “%2”.")
                                      .arg(u"中华人名共和国"_s, u"中华人民共和国"_s));
    QCOMPARE(found.at(1).text, u"不径而走"_s);
    QCOMPARE(found.at(1).suggestion, u"不胫而走"_s);
    QCOMPARE(found.at(2).text, u"再接\n再励"_s);
    QCOMPARE(found.at(2).suggestion, u"再接再厉"_s);
    // The right forms are not reported.
    QVERIFY(only(m_scanner.scanText(u"中华人民共和国 不胫而走 再接再厉 按部就班 迫不及待"_s),
                 ContentDetector::MisusedWord)
                .isEmpty());
}

void TestContentScan::misusedWordInsideItsRightForm()
{
    // An entry whose wrong form is part of its right form (and overlapping entries) in one list.
    const ContentScanner scanner(WordLists::parse({}, u"规化\t规划\n空间规化\t空间规划\n正规划\t正规化\n"_s));
    const QList<ContentFinding> found = scanner.scanText(u"国土空间规化，正规化管理"_s);
    QStringList texts;
    for (const ContentFinding &f : found)
        texts << f.text + u'→' + f.suggestion;
    // Both overlapping entries are reported. Only an entry's own right form protects its wrong form:
    // 规化 inside 正规化 is still reported (the list's 规化 entry is what is too broad).
    QCOMPARE(texts, (QStringList{u"空间规化→空间规划"_s, u"规化→规划"_s, u"规化→规划"_s}));
    const ContentScanner guarded(WordLists::parse({}, u"长期\t长期性\n"_s));
    QVERIFY(guarded.scanText(u"长期性"_s).isEmpty());
    QCOMPARE(guarded.scanText(u"长期"_s).size(), 1);
}

void TestContentScan::wordListFormat()
{
    QStringList errors;
    const WordLists lists = WordLists::parse(
        u"\uFEFF# comment\n\n 内部文件 \t warning \t 说明 文字\r\n不得外传\n坏\tsevere\n内部 文件\n\twarning\n"_s,
        u"# comment\n再接再励\t再接再厉\n没有制表符\n同样\t同样\n再接 再励\t再接再厉\n"_s, &errors);
    QCOMPARE(lists.sensitive.size(), 2);
    QCOMPARE(lists.sensitive.at(0).word, u"内部文件"_s);
    QCOMPARE(lists.sensitive.at(0).severity, Severity::Warning);
    QCOMPARE(lists.sensitive.at(0).note, u"说明 文字"_s);
    QCOMPARE(lists.sensitive.at(1).severity, Severity::Blocking);
    QCOMPARE(lists.misused.size(), 1);
    QCOMPARE(errors.size(), 6);
    QVERIFY2(errors.at(0).startsWith(u"sensitive.txt line 5:"_s), qPrintable(errors.join(u'\n')));
    QVERIFY(errors.at(0).contains(u"severe"_s));
    QVERIFY2(errors.at(1).startsWith(u"sensitive.txt line 6:"_s), qPrintable(errors.join(u'\n'))); // repeated
    QVERIFY2(errors.at(2).startsWith(u"sensitive.txt line 7:"_s), qPrintable(errors.join(u'\n'))); // no word
    QVERIFY(errors.at(3).startsWith(u"misused.txt line 3:"_s));
    QVERIFY(errors.at(4).startsWith(u"misused.txt line 4:"_s));
    QVERIFY(errors.at(5).startsWith(u"misused.txt line 5:"_s));

    // Written back and read again: the same lists.
    QStringList again;
    QCOMPARE(WordLists::parse(lists.sensitiveText(), lists.misusedText(), &again), lists);
    QVERIFY(again.isEmpty());
}

void TestContentScan::builtinLists()
{
    QStringList errors;
    const WordLists lists =
        WordLists::parse(WordLists::builtinSensitiveText(), WordLists::builtinMisusedText(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    QVERIFY(lists.misused.size() >= 100);
    QVERIFY(lists.sensitive.size() >= 30);
    QCOMPARE(WordLists::builtin(), lists);
    const auto has = [&](const QString &wrong, const QString &right) {
        return std::any_of(lists.misused.cbegin(), lists.misused.cend(),
                           [&](const WordLists::Misused &m) { return m.wrong == wrong && m.right == right; });
    };
    QVERIFY(has(u"中华人名共和国"_s, u"中华人民共和国"_s));
    QVERIFY(has(u"不径而走"_s, u"不胫而走"_s));
    QVERIFY(has(u"再接再励"_s, u"再接再厉"_s));
    QVERIFY(has(u"按部就搬"_s, u"按部就班"_s));
    QVERIFY(has(u"迫不急待"_s, u"迫不及待"_s));

    // The right forms of the shipped list are clean text: none of them is reported by the list itself.
    const ContentScanner scanner;
    QString rights;
    for (const WordLists::Misused &m : lists.misused)
        rights += m.right + u'。';
    const QList<ContentFinding> clean = only(scanner.scanText(rights), ContentDetector::MisusedWord);
    QVERIFY2(clean.isEmpty(), qPrintable(describe(clean)));
    // And every wrong form is reported, with its correction.
    for (const WordLists::Misused &m : lists.misused) {
        const QList<ContentFinding> f =
            only(scanner.scanText(u"正文"_s + m.wrong + u"。"_s), ContentDetector::MisusedWord);
        QVERIFY2(!f.isEmpty() && f.first().suggestion == m.right, qPrintable(m.wrong));
    }
    // A sample notice of the bureau, clean: nothing from the lists or the detectors.
    const QList<ContentFinding> notice = scanner.scanText(
        u"关于做好2026年汛期地质灾害防治工作的通知\n各区（分）局：为切实做好汛期地质灾害防治工作，"
        "保障人民群众生命财产安全，现将有关事项通知如下。一、加强组织领导，落实值班值守。"
        "二、完善内部控制，做好保密工作。联系电话：0827-5262345。巴中市自然资源和规划局 2026年5月6日"_s);
    QVERIFY2(notice.isEmpty(), qPrintable(describe(notice)));
}

void TestContentScan::findingsForTheChecks()
{
    const QList<ContentFinding> found =
        m_scanner.scanText(u"身份证号11010519491231002X"_s, QString(CheckField::Title));
    QCOMPARE(found.size(), 1);
    const Finding f = found.at(0).toFinding();
    QCOMPARE(f.checkerId, u"content"_s);
    QCOMPARE(f.key(), u"content/resident_id"_s);
    QCOMPARE(f.severity, Severity::Blocking);
    QVERIFY(f.overridable);
    QCOMPARE(f.field, QString(CheckField::Title));
    QVERIFY(f.message.startsWith(ContentScanner::tr("Title, character %1").arg(5)));
    QVERIFY(f.message.contains(u"11010519491231002X"_s));
    const Finding warning = m_scanner.scanText(u"13800138000"_s).at(0).toFinding();
    QCOMPARE(warning.severity, Severity::Warning);
    QVERIFY(!warning.overridable);
    // Blocking findings stop the step unless overridden with a reason.
    QVERIFY(Checks::blocks({f}));
    QVERIFY(!Checks::blocks({f}, u"已脱敏处理"_s));
}

void TestContentScan::revision()
{
    RevisionContent c;
    c.title = u"关于机密★一年事项的通知"_s;
    c.bodyHtml = u"<p>联系人：张三</p><p>电话：<b>138</b>00138000</p>"_s;
    Attachment a;
    a.fileName = u"内部文件清单.pdf"_s;
    c.attachments = {a};
    const QList<ContentFinding> found = m_scanner.scanRevision(c);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).field, QString(CheckField::Title));
    QCOMPARE(found.at(0).text, u"机密★一年"_s);
    QCOMPARE(found.at(0).offset, 2);
    QCOMPARE(found.at(1).field, QString(CheckField::Body));
    QCOMPARE(found.at(1).detector, QString(ContentDetector::MobileNumber));
    QCOMPARE(found.at(1).offset, 10); // in HtmlText::plainText: "联系人：张三\n电话：13800138000"
    QCOMPARE(found.at(2).field, QString(CheckField::Attachments));
    QVERIFY(found.at(2).inName);
    QCOMPARE(found.at(2).attachment, a.fileName);
    QCOMPARE(found.at(2).text, u"内部文件"_s);
    QCOMPARE(found.at(2).where(), ContentScanner::tr("Name of the attachment “%1”").arg(a.fileName));
}

void TestContentScan::textAttachments()
{
    const QString text = u"通知\n联系电话：13800138000\n内部资料 注意保存\n"_s;
    for (const QByteArray &bytes : {text.toUtf8(), QByteArray("\xEF\xBB\xBF") + text.toUtf8()}) {
        const AttachmentScan scan = m_scanner.scanAttachment(u"说明.TXT"_s, bytes);
        QVERIFY(scan.checked);
        QCOMPARE(scan.findings.size(), 2);
        QCOMPARE(scan.findings.at(0).detector, QString(ContentDetector::MobileNumber));
        QCOMPARE(scan.findings.at(0).offset, 8);
        QCOMPARE(scan.findings.at(0).attachment, u"说明.TXT"_s);
        QVERIFY(!scan.findings.at(0).inName);
        QCOMPARE(scan.findings.at(1).detector, QString(ContentDetector::ClassificationMarking));
        QCOMPARE(scan.findings.at(0).where(),
                 ContentScanner::tr("Attachment “%1”, character %2").arg(u"说明.TXT"_s).arg(9));
    }

    // GB18030 (as Windows' Notepad in a Chinese locale writes GBK).
    QStringEncoder gb("GB18030");
    QVERIFY2(gb.isValid(), "Qt has no GB18030 codec (Debian's Qt is built with ICU: it must have one)");
    const QByteArray gbBytes = gb(text);
    QVERIFY(gbBytes != text.toUtf8());
    const AttachmentScan gbScan = m_scanner.scanAttachment(u"gbk.csv"_s, gbBytes);
    QVERIFY(gbScan.checked);
    QCOMPARE(gbScan.findings.size(), 2);
    QCOMPARE(gbScan.findings.at(1).text, u"内部资料 注意保存"_s);

    // HTML: the text a reader sees.
    const AttachmentScan html = m_scanner.scanAttachment(
        u"page.html"_s, "<html><head><style>p{}</style></head><body><p>绝密&#9733;一年</p></body></html>");
    QVERIFY(html.checked);
    QCOMPARE(html.findings.size(), 1);
    QCOMPARE(html.findings.at(0).text, u"绝密★一年"_s);
}

void TestContentScan::docxAttachment()
{
    // The marking split over runs (as Word saves a word typed in two goes), one in the page header,
    // a full-width mobile number, a misused word across runs.
    const QString body = para({u"关于"_s, u"某事的通知"_s}) + para({u"机"_s, u" 密"_s, u"★一年"_s}) +
                         para({u"联系人：１３８００１３８０００"_s}) +
                         u"<w:p><w:r><w:t>要再接</w:t></w:r><w:r><w:tab/><w:t>再励</w:t></w:r></w:p>"_s;
    const QByteArray bytes = docx(body, para({u"内部资料　注意保存"_s}));
    QString whyNot;
    const std::optional<QString> text = ContentScanner::attachmentText(u"通知.docx"_s, bytes, &whyNot);
    QVERIFY2(text, qPrintable(whyNot));
    QCOMPARE(
        *text,
        u"内部资料　注意保存\n关于某事的通知\n机 密★一年\n联系人：１３８００１３８０００\n要再接\t再励\n"_s);

    const AttachmentScan scan = m_scanner.scanAttachment(u"通知.docx"_s, bytes);
    QVERIFY(scan.checked);
    QStringList found;
    for (const ContentFinding &f : scan.findings) {
        found << f.detector + u':' + f.text;
        QCOMPARE(text->mid(f.offset, f.length), f.text);
        QCOMPARE(f.attachment, u"通知.docx"_s);
    }
    QCOMPARE(found, (QStringList{u"classification_marking:内部资料　注意保存"_s,
                                 u"classification_marking:机 密★一年"_s,
                                 u"mobile_number:１３８００１３８０００"_s, u"misused_word:再接\t再励"_s}));

    // Tracked deletions are still in the file: checked.
    const QByteArray deleted = docx(u"<w:p><w:del><w:r><w:delText>绝密★</w:delText></w:r></w:del></w:p>"_s);
    QCOMPARE(
        only(m_scanner.scanAttachment(u"d.docx"_s, deleted).findings, ContentDetector::ClassificationMarking)
            .size(),
        1);
}

void TestContentScan::docxSamples()
{
    // The DocxReader's samples (tests/data/docx): a report with a landline table, nothing to report.
    QFile report(QStringLiteral(BAOSONG_TEST_DATA_DIR "/docx/report.docx"));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QByteArray bytes = report.readAll();
    const std::optional<QString> text = ContentScanner::attachmentText(u"report.docx"_s, bytes);
    QVERIFY(text);
    QVERIFY(text->contains(u"关于做好2026年防汛工作的通知"_s));
    QVERIFY(text->contains(u"0827-1234567"_s));
    const AttachmentScan scan = m_scanner.scanAttachment(u"report.docx"_s, bytes);
    QVERIFY(scan.checked);
    QVERIFY2(scan.findings.isEmpty(), qPrintable(describe(scan.findings)));

    QFile wps(QStringLiteral(BAOSONG_TEST_DATA_DIR "/docx/wps.docx"));
    QVERIFY(wps.open(QIODevice::ReadOnly));
    QVERIFY(m_scanner.scanAttachment(u"wps.docx"_s, wps.readAll()).checked);

    // Not a zip, or a damaged one: unchecked, with the reason.
    for (const char *name : {"not-a-zip.docx", "damaged.docx"}) {
        QFile f(QStringLiteral(BAOSONG_TEST_DATA_DIR "/docx/") + QLatin1StringView(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const AttachmentScan bad = m_scanner.scanAttachment(QLatin1StringView(name), f.readAll());
        QVERIFY2(!bad.checked, name);
        QCOMPARE(bad.findings.size(), 1);
        QCOMPARE(bad.findings.at(0).detector, QString(ContentDetector::UncheckedAttachment));
        QCOMPARE(bad.findings.at(0).severity, Severity::Info);
    }
}

void TestContentScan::xlsxAttachment()
{
    const QString id = validId(u"51190219850612341"_s);
    const QByteArray shared =
        QStringLiteral(
            R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
            R"(<si><t>姓名</t></si><si><t>身份证号</t></si><si><r><t>张</t></r><r><t>三</t></r>)"
            R"(<rPh><t>ZHANG</t></rPh></si><si><t>%1</t></si></sst>)")
            .arg(id)
            .toUtf8();
    const QByteArray sheet = QByteArrayLiteral(
        R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>电话</t></is></c></row>)"
        R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>13800138000</v></c>)"
        R"(<c r="D2"><f>1+1</f><v>2</v></c><c r="E2" t="b"><v>1</v></c></row></sheetData></worksheet>)");
    const QByteArray bytes = storedZip({{u"[Content_Types].xml"_s, "<Types/>"},
                                        {u"xl/workbook.xml"_s, "<workbook/>"},
                                        {u"xl/sharedStrings.xml"_s, shared},
                                        {u"xl/worksheets/sheet1.xml"_s, sheet}});
    QString whyNot;
    const std::optional<QString> text = ContentScanner::attachmentText(u"名单.xlsx"_s, bytes, &whyNot);
    QVERIFY2(text, qPrintable(whyNot));
    QCOMPARE(*text, u"姓名\t身份证号\t电话\t\n张三\t%1\t13800138000\t2\t\t\n"_s.arg(id));
    const AttachmentScan scan = m_scanner.scanAttachment(u"名单.xlsx"_s, bytes);
    QVERIFY(scan.checked);
    QCOMPARE(scan.findings.size(), 2);
    QCOMPARE(scan.findings.at(0).detector, QString(ContentDetector::ResidentId));
    QCOMPARE(scan.findings.at(0).text, id);
    QCOMPARE(scan.findings.at(1).detector, QString(ContentDetector::MobileNumber));

    // A .docx that is a zip but no Word document.
    QVERIFY(!ContentScanner::attachmentText(u"x.docx"_s, bytes, &whyNot));
    QVERIFY(!whyNot.isEmpty());
}

void TestContentScan::uncheckedAttachments()
{
    for (const QString &name : {u"扫描件.pdf"_s, u"图.png"_s, u"旧.doc"_s, u"表.xls"_s, u"无后缀"_s}) {
        QVERIFY(!ContentScanner::canRead(name));
        const AttachmentScan scan = m_scanner.scanAttachment(name, "whatever");
        QVERIFY(!scan.checked);
        QCOMPARE(scan.findings.size(), 1);
        const ContentFinding &f = scan.findings.at(0);
        QCOMPARE(f.detector, QString(ContentDetector::UncheckedAttachment));
        QCOMPARE(f.severity, Severity::Info);
        QCOMPARE(f.field, QString(CheckField::Attachments));
        QCOMPARE(f.attachment, name);
        QVERIFY(f.message.contains(name));
        QCOMPARE(f.where(), ContentScanner::tr("Attachment “%1”").arg(name));
    }
    // The name is checked all the same.
    const AttachmentScan named = m_scanner.scanAttachment(u"机密★测绘成果.pdf"_s, "%PDF-1.7");
    QVERIFY(!named.checked);
    QCOMPARE(named.findings.size(), 2);
    QCOMPARE(named.findings.at(0).detector, QString(ContentDetector::ClassificationMarking));
    QVERIFY(named.findings.at(0).inName);
    QCOMPARE(named.findings.at(0).offset, 0);
    QCOMPARE(named.findings.at(0).text, u"机密★"_s);
    QCOMPARE(named.findings.at(1).detector, QString(ContentDetector::UncheckedAttachment));
    // Text given by the caller (a type it extracted itself).
    const AttachmentScan given = m_scanner.scanAttachmentText(u"scan.pdf"_s, u"手机13800138000"_s);
    QVERIFY(given.checked);
    QCOMPARE(given.findings.size(), 1);
    QCOMPARE(given.findings.at(0).offset, 2);
}

void TestContentScan::concurrentScans()
{
    // One scanner, several threads at once (the server's workers): the same findings as alone.
    const ContentScanner scanner;
    QString text;
    for (int i = 0; i < 200; ++i)
        text += u"第%1条：机密★一年，电话13800138000，坐标116.397128, 39.916527，再接再励。\n"_s.arg(i);
    const QList<ContentFinding> alone = scanner.scanText(text);
    QCOMPARE(alone.size(), 200 * 4);
    std::vector<QList<ContentFinding>> results(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&, t] {
            for (int n = 0; n < 5; ++n)
                results[t] = scanner.scanText(text);
        });
    for (std::thread &t : threads)
        t.join();
    for (const QList<ContentFinding> &r : results)
        QVERIFY(r == alone);
}

QTEST_GUILESS_MAIN(TestContentScan)
#include "tst_contentscan.moc"
