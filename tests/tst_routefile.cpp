// Route definition files are checked at load: broken files are refused with a message that names
// what is wrong (docs/design.md §2: "the engine checks it at load time").

#include "RouteEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace baosong;
using namespace Qt::StringLiterals;

namespace {

QJsonObject shipped()
{
    QFile f(u":/baosong/routes.json"_s);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("routes.json missing from resources");
    return QJsonDocument::fromJson(f.readAll()).object();
}

using Mutation = std::function<void(QJsonObject &)>;

// Applies `change` to the stage `stageIndex` of the route at `routeIndex`.
Mutation stageEdit(int routeIndex, int stageIndex, const std::function<void(QJsonObject &)> &change)
{
    return [=](QJsonObject &root) {
        QJsonArray routes = root.value("routes"_L1).toArray();
        QJsonObject route = routes[routeIndex].toObject();
        QJsonArray stages = route.value("stages"_L1).toArray();
        QJsonObject stage = stages[stageIndex].toObject();
        change(stage);
        stages[stageIndex] = stage;
        route.insert("stages"_L1, stages);
        routes[routeIndex] = route;
        root.insert("routes"_L1, routes);
    };
}

Mutation routeEdit(int routeIndex, const std::function<void(QJsonObject &)> &change)
{
    return [=](QJsonObject &root) {
        QJsonArray routes = root.value("routes"_L1).toArray();
        QJsonObject route = routes[routeIndex].toObject();
        change(route);
        routes[routeIndex] = route;
        root.insert("routes"_L1, routes);
    };
}

QJsonObject stage(const QString &id, const QString &role, const QString &next)
{
    return QJsonObject{
        {"id"_L1, id}, {"name"_L1, id}, {"role"_L1, role}, {"scope"_L1, u"item_unit"_s}, {"next"_L1, next}};
}

} // namespace

Q_DECLARE_METATYPE(Mutation)

class TestRouteFile : public QObject
{
    Q_OBJECT

private slots:
    void shippedFileLoads();
    void brokenFiles_data();
    void brokenFiles();
    void notJson();
    void missingFile();
};

void TestRouteFile::shippedFileLoads()
{
    RouteEngine e;
    QString error;
    QVERIFY2(RouteEngine::load(QJsonDocument(shipped()).toJson(), &e, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    // Routes are data: a bureau can rename a stage and the engine uses the file's name.
    QJsonObject root = shipped();
    stageEdit(0, 0, [](QJsonObject &s) { s.insert("name"_L1, u"处室负责人初审"_s); })(root);
    QVERIFY2(RouteEngine::load(QJsonDocument(root).toJson(), &e, &error), qPrintable(error));
    QCOMPARE(e.stages(ItemKind::Disclosure).first().name, u"处室负责人初审"_s);
}

void TestRouteFile::brokenFiles_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<QString>("mentions"); // the error names this

    QTest::newRow("unknown role") << stageEdit(0, 1, [](QJsonObject &s) { s.insert("role"_L1, u"mayor"_s); })
                                  << u"mayor"_s;
    QTest::newRow("auditor holds a stage")
        << stageEdit(2, 1, [](QJsonObject &s) { s.insert("role"_L1, u"auditor"_s); }) << u"auditor"_s;
    QTest::newRow("correspondent holds a stage")
        << stageEdit(2, 0, [](QJsonObject &s) { s.insert("role"_L1, u"correspondent"_s); })
        << u"correspondent"_s;
    QTest::newRow("unknown scope") << stageEdit(0, 0, [](QJsonObject &s) {
        s.insert("scope"_L1, u"province"_s);
    }) << u"province"_s;
    QTest::newRow("next stage unknown")
        << stageEdit(0, 0, [](QJsonObject &s) { s.insert("next"_L1, u"deputy_signoff"_s); })
        << u"deputy_signoff"_s;
    QTest::newRow("no next") << stageEdit(0, 1, [](QJsonObject &s) { s.remove("next"_L1); })
                             << u"leader_signoff"_s;
    QTest::newRow("stage without id")
        << stageEdit(1, 0, [](QJsonObject &s) { s.remove("id"_L1); }) << u"collective_decision"_s;
    QTest::newRow("unreachable stage") << routeEdit(1, [](QJsonObject &r) {
        QJsonArray stages = r.value("stages"_L1).toArray();
        stages.append(stage(u"orphan"_s, u"leader_in_charge"_s, u"publish"_s));
        r.insert("stages"_L1, stages);
    }) << u"orphan"_s;
    QTest::newRow("loop") << stageEdit(0, 1, [](QJsonObject &s) { s.insert("next"_L1, u"unit_review"_s); })
                          << u"unit_review"_s;
    QTest::newRow("self loop") << stageEdit(1, 0, [](QJsonObject &s) {
        s.insert("next"_L1, u"unit_review"_s);
    }) << u"unit_review"_s;
    QTest::newRow("kind route ends at the municipal platform, not publication")
        << stageEdit(3, 0, [](QJsonObject &s) { s.insert("next"_L1, u"municipal_platform"_s); })
        << u"municipal_platform"_s;
    QTest::newRow("duplicate stage id") << routeEdit(0, [](QJsonObject &r) {
        QJsonArray stages = r.value("stages"_L1).toArray();
        stages.append(stage(u"unit_review"_s, u"unit_head"_s, u"publish"_s));
        r.insert("stages"_L1, stages);
    }) << u"unit_review"_s;
    QTest::newRow("first stage unknown")
        << routeEdit(2, [](QJsonObject &r) { r.insert("first"_L1, u"start"_s); }) << u"start"_s;
    QTest::newRow("no stages") << routeEdit(3, [](QJsonObject &r) { r.insert("stages"_L1, QJsonArray()); })
                               << u"repost"_s;
    QTest::newRow("unknown kind") << routeEdit(3, [](QJsonObject &r) { r.insert("kind"_L1, u"weibo"_s); })
                                  << u"weibo"_s;
    QTest::newRow("duplicate kind") << routeEdit(3, [](QJsonObject &r) { r.insert("kind"_L1, u"news"_s); })
                                    << u"news"_s;
    QTest::newRow("kind without a route") << Mutation([](QJsonObject &root) {
        QJsonArray routes = root.value("routes"_L1).toArray();
        routes.removeAt(1);
        root.insert("routes"_L1, routes);
    }) << u"collective_decision"_s;
    QTest::newRow("municipal route never ends") << Mutation([](QJsonObject &root) {
        QJsonObject m = root.value("municipal_portal"_L1).toObject();
        QJsonArray stages = m.value("stages"_L1).toArray();
        QJsonObject last = stages[1].toObject();
        last.insert("next"_L1, u"office_review"_s);
        stages[1] = last;
        m.insert("stages"_L1, stages);
        root.insert("municipal_portal"_L1, m);
    }) << u"office_review"_s;
    QTest::newRow("municipal stage id clashes with a kind's") << Mutation([](QJsonObject &root) {
        QJsonObject m = root.value("municipal_portal"_L1).toObject();
        QJsonArray stages = m.value("stages"_L1).toArray();
        QJsonObject first = stages[0].toObject();
        first.insert("id"_L1, u"unit_review"_s);
        stages[0] = first;
        m.insert("stages"_L1, stages);
        m.insert("first"_L1, u"unit_review"_s);
        root.insert("municipal_portal"_L1, m);
    }) << u"unit_review"_s;
    auto escalation = [](const QJsonArray &list) {
        return stageEdit(2, 0, [list](QJsonObject &s) { s.insert("escalation"_L1, list); });
    };
    auto to = [](const QString &role, const QString &scope) {
        return QJsonObject{{"role"_L1, role}, {"scope"_L1, scope}};
    };
    QTest::newRow("escalation to an unknown role") << escalation({to(u"mayor"_s, u"bureau"_s)}) << u"mayor"_s;
    QTest::newRow("escalation to a role that approves nothing")
        << escalation({to(u"administrator"_s, u"bureau"_s)}) << u"administrator"_s;
    QTest::newRow("escalation with an unknown scope")
        << escalation({to(u"office_director"_s, u"city"_s)}) << u"city"_s;
    QTest::newRow("escalation names a role twice")
        << escalation({to(u"office_director"_s, u"bureau"_s), to(u"office_director"_s, u"bureau"_s)})
        << u"twice"_s;
    QTest::newRow("escalation to the stage's own role")
        << escalation({to(u"unit_head"_s, u"item_unit"_s)}) << u"twice"_s;
    QTest::newRow("escalation not a list")
        << stageEdit(2, 0, [](QJsonObject &s) { s.insert("escalation"_L1, u"office_director"_s); })
        << u"escalation"_s;
}

void TestRouteFile::brokenFiles()
{
    QFETCH(Mutation, mutation);
    QFETCH(QString, mentions);
    QJsonObject root = shipped();
    mutation(root);
    RouteEngine e;
    QString error;
    QVERIFY(!RouteEngine::load(QJsonDocument(root).toJson(), &e, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    // A refused file leaves the engine it was loaded into untouched (no routes).
    QVERIFY(e.stages(ItemKind::News).isEmpty());
}

void TestRouteFile::notJson()
{
    RouteEngine e;
    QString error;
    QVERIFY(!RouteEngine::load("{ \"routes\": [ ", &e, &error));
    QVERIFY(error.contains(u"JSON"_s));
    QVERIFY(!RouteEngine::load("[]", &e, &error));
}

void TestRouteFile::missingFile()
{
    RouteEngine e;
    QString error;
    QVERIFY(!RouteEngine::loadFile(u"/nonexistent/routes.json"_s, &e, &error));
    QVERIFY(error.contains(u"/nonexistent/routes.json"_s));
}

QTEST_GUILESS_MAIN(TestRouteFile)
#include "tst_routefile.moc"
