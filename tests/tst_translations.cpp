// Which language the programs choose (core/Translations; issue #15: Chinese by default on a system
// that names no language, as a fresh Debian's C.UTF-8) and that the Chinese translation loads.

#include "Problem.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace baosong;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void choice_data();
    void choice();
    void systemWithoutLanguageIsChinese();
    void chineseLoads();
};

void TestTranslations::choice_data()
{
    QTest::addColumn<QString>("preferred");
    QTest::addColumn<bool>("chineseWhenUnnamed");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("expected");
    // The person's choice wins.
    QTest::newRow("chose English on a Chinese system") << u"en"_s << true << u"zh_CN"_s << u"en"_s;
    QTest::newRow("chose Chinese on an English system") << u"zh_CN"_s << true << u"en_US"_s << u"zh_CN"_s;
    // The client: Chinese unless the system names another language.
    QTest::newRow("client, C") << QString() << true << u"C"_s << u"zh_CN"_s;
    QTest::newRow("client, zh_CN") << QString() << true << u"zh_CN"_s << u"zh_CN"_s;
    QTest::newRow("client, zh_TW") << QString() << true << u"zh_TW"_s << u"zh_CN"_s;
    QTest::newRow("client, en_US") << QString() << true << u"en_US"_s << u"en"_s;
    QTest::newRow("client, de_DE") << QString() << true << u"de_DE"_s << u"en"_s;
    // The server's command line: English unless the system is Chinese.
    QTest::newRow("server, C") << QString() << false << u"C"_s << u"en"_s;
    QTest::newRow("server, zh_CN") << QString() << false << u"zh_CN"_s << u"zh_CN"_s;
}

void TestTranslations::choice()
{
    QFETCH(QString, preferred);
    QFETCH(bool, chineseWhenUnnamed);
    QFETCH(QString, system);
    QFETCH(QString, expected);
    const UnnamedLanguage unnamed = chineseWhenUnnamed ? UnnamedLanguage::Chinese : UnnamedLanguage::English;
    QCOMPARE(chooseLanguage(preferred, unnamed, QLocale(system)), expected);
}

void TestTranslations::systemWithoutLanguageIsChinese()
{
    // Under ctest the tests run with LC_ALL=C.UTF-8 (tests/CMakeLists.txt), as a fresh Debian does; run
    // by hand under another locale, the system's own language is checked instead.
    const QLocale::Language system = QLocale::system().language();
    if (qEnvironmentVariable("LC_ALL") == "C.UTF-8"_L1)
        QCOMPARE(system, QLocale::C);
    const bool named = system != QLocale::C && system != QLocale::AnyLanguage;
    const QString expected = system == QLocale::Chinese || !named ? u"zh_CN"_s : u"en"_s;
    QCOMPARE(chooseLanguage({}, UnnamedLanguage::Chinese), expected);
    QCOMPARE(chooseLanguage({}), system == QLocale::Chinese ? u"zh_CN"_s : u"en"_s);
}

void TestTranslations::chineseLoads()
{
    QVERIFY(installTranslations(QCoreApplication::instance(), u"zh_CN"_s));
    QCOMPARE(QCoreApplication::translate("ItemViews", "Waiting for me"), u"待我处理"_s);
    // A refusal reads in the client's language, whatever the server's.
    const Problem p = Problem::fromAnswer(
        422,
        R"({"title":"Action refused","detail":"The content checks stop this step.","refusal":"checks_failed"})");
    QVERIFY2(p.text().contains(u"检查"_s), qPrintable(p.text()));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
