// The one reader of the server's error answers (core/Problem): every client part turns a failed answer
// into the same message, with the same fallbacks and the same request-id suffix.
#include "Problem.h"
#include "RouteEngine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace baosong;

class TestProblem : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void requestIdFromBodyWhenNoHeader();
    void everyRefusalInTheClientsWords();
    void retryAfter();
};

void TestProblem::reads_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("refusal");
    QTest::addColumn<QString>("message");
    QTest::newRow("problem with detail")
        << 403
        << R"({"type":"about:blank","status":403,"title":"Action refused","detail":"Not yours.","request_id":"r1","refusal":"not_permitted"})"_ba
        << "r1"_ba << u"not_permitted"_s
        << u"This step is not yours to take: another role decides it. (request r1)"_s;
    QTest::newRow("refusal the client does not know: the server's words")
        << 422 << R"({"title":"Action refused","detail":"Something new.","refusal":"from_the_future"})"_ba
        << QByteArray() << u"from_the_future"_s << u"Something new."_s;
    QTest::newRow("no refusal: the server's words")
        << 422 << R"({"title":"Not accepted","detail":"The title is too long."})"_ba << QByteArray()
        << QString() << u"The title is too long."_s;
    QTest::newRow("title only") << 404 << R"({"title":"Not found"})"_ba
                                << "r2"_ba << QString() << u"Not found (request r2)"_s;
    QTest::newRow("no JSON") << 502 << "<html>Bad Gateway</html>"_ba << QByteArray() << QString()
                             << u"The server answered 502."_s;
    QTest::newRow("empty body") << 500 << QByteArray() << "r3"_ba << QString()
                                << u"The server answered 500. (request r3)"_s;
    QTest::newRow("JSON array") << 400 << "[1,2]"_ba << QByteArray() << QString()
                                << u"The server answered 400."_s;
}

void TestProblem::reads()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, header);
    QFETCH(QString, refusal);
    QFETCH(QString, message);
    const Problem p = Problem::fromAnswer(status, body, header);
    QCOMPARE(p.status, status);
    QCOMPARE(p.refusal, refusal);
    QCOMPARE(p.message(), message);
    QVERIFY(message.startsWith(p.text()));
}

void TestProblem::requestIdFromBodyWhenNoHeader()
{
    const Problem p = Problem::fromAnswer(409, R"({"detail":"Changed.","request_id":"abc"})"_ba);
    QCOMPARE(p.requestId, u"abc"_s);
    QCOMPARE(p.message(), u"Changed. (request abc)"_s);
    QCOMPARE(Problem::requestIdSuffix({}), QString());
}

void TestProblem::everyRefusalInTheClientsWords()
{
    // Every refusal the route engine and the server give has the client's own (translated) words.
    for (int r = int(Refusal::None) + 1; r <= int(Refusal::UnknownAttachment); ++r) {
        const QString key = keys::toString(Refusal(r));
        QVERIFY2(!key.isEmpty(), qPrintable(QString::number(r)));
        QVERIFY2(!Problem::refusalText(key).isEmpty(), qPrintable(key));
    }
    QVERIFY(Problem::refusalText(u"from_the_future"_s).isEmpty());
}

void TestProblem::retryAfter()
{
    QCOMPARE(Problem::fromAnswer(429, {}, {}, "17").retryAfterSeconds, 17);
    QCOMPARE(Problem::fromAnswer(429, {}, {}, "soon").retryAfterSeconds, 0);
    QCOMPARE(Problem::fromAnswer(429, {}, {}, "-3").retryAfterSeconds, 0);
}

QTEST_GUILESS_MAIN(TestProblem)
#include "tst_problem.moc"
