// The limits of what an action may carry (core/Limits, docs/api.md "Limits"): ids, lengths counted in
// characters as people count them, control characters, display-safe attachment names.

#include "Limits.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace baosong;

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void uuids()
    {
        QVERIFY(limits::isUuid(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s));
        QVERIFY(limits::isUuid(u"0F8FAD5B-D9CB-469F-A165-70867728950E"_s));
        QVERIFY(!limits::isUuid(u"item-1"_s));
        QVERIFY(!limits::isUuid(u"{0f8fad5b-d9cb-469f-a165-70867728950e}"_s));
        QVERIFY(!limits::isUuid(u"0f8fad5b-d9cb-469f-a165-70867728950g"_s));
        QVERIFY(!limits::isUuid(u"0f8fad5bd9cb-469f-a165-70867728950e0"_s));
        QVERIFY(!limits::isUuid(QString()));
    }

    void lengthsAreCharacters()
    {
        // U+20000 is one character in two UTF-16 units: 200 of them make a title of 200 characters.
        QString rare;
        for (int i = 0; i < 200; ++i)
            rare += QString::fromUcs4(U"\U00020000", 1);
        QCOMPARE(limits::characterCount(rare), qsizetype(200));
        QVERIFY(limits::textProblem(u"The title"_s, rare, limits::kTitleChars).isEmpty());
        const QString problem = limits::textProblem(u"The title"_s, rare + u"国"_s, limits::kTitleChars);
        QVERIFY(problem.contains(u"201"_s));
        QVERIFY(problem.contains(u"200"_s));
    }

    void controlCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << u"国土空间规划"_s << true;
        QTest::newRow("tab and line breaks") << u"第一行\n\t第二行\r\n"_s << true;
        QTest::newRow("NUL") << QString(u"前\u0000后"_s) << false;
        QTest::newRow("bell") << u"\u0007"_s << false;
        QTest::newRow("escape") << u"\u001B[31m"_s << false;
        QTest::newRow("DEL") << u"\u007F"_s << false;
        QTest::newRow("C1") << u"\u0085"_s << false;
    }

    void controlCharacters()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        QCOMPARE(limits::textProblem(u"The body"_s, text, 1000).isEmpty(), accepted);
    }

    void attachmentNames()
    {
        QCOMPARE(limits::safeFileName(u"invoice\u202Efdp.exe"_s), u"invoicefdp.exe"_s);
        QCOMPARE(limits::safeFileName(u"../../etc/passwd"_s), u".._.._etc_passwd"_s);
        QCOMPARE(limits::safeFileName(u"规划图（2026）.pdf"_s), u"规划图（2026）.pdf"_s);
        RevisionContent c;
        c.title = u"附件"_s;
        c.attachments = {Attachment{u"0f8fad5b-d9cb-469f-a165-70867728950e"_s, u"a\u2067b.pdf"_s,
                                    u"application/pdf"_s, 1, QByteArray(32, 'x')}};
        QVERIFY(!limits::contentProblem(c).isEmpty());
        c.attachments[0].fileName = u"ab.pdf"_s;
        QVERIFY(limits::contentProblem(c).isEmpty());
        c.attachments[0].id = u"1"_s;
        QVERIFY(!limits::contentProblem(c).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
