// The organization file: the shipped demo (巴中市自然资源和规划局) and the validation at load.
#include "ColumnChange.h"
#include "DomainJson.h"
#include "Organization.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace baosong;

using Mutation = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

// A small valid organization that the broken cases below each break in one way.
QJsonObject baseOrganization()
{
    const QByteArray text = R"({
        "name": "测试局", "short_name": "测试局",
        "units": [
            {"id": "office", "name": "测试局办公室", "type": "office", "code": "BGS"},
            {"id": "planning", "name": "测试局规划科", "type": "section", "code": "GHK"}
        ],
        "people": [
            {"id": "li.si", "name": "李四", "title": "联络员", "unit_id": "planning",
             "grants": [{"role": "correspondent", "unit_ids": ["planning"]}]},
            {"id": "wang.wu", "name": "王五", "title": "副局长", "unit_id": "",
             "grants": [{"role": "leader_in_charge", "unit_ids": ["office", "planning"]}]},
            {"id": "zhao.liu", "name": "赵六", "title": "办公室主任", "unit_id": "office",
             "grants": [{"role": "unit_head", "unit_ids": ["office"]},
                        {"role": "office_director", "bureau_wide": true}]}
        ],
        "columns": [
            {"id": "news", "name": "工作动态", "type": "dynamic", "responsible_unit_ids": ["office"],
             "update_interval_days": 14, "sort_order": 2},
            {"id": "about", "name": "机构概况", "type": "static", "sort_order": 1},
            {"id": "bureau_news", "parent_id": "news", "name": "局内动态", "type": "dynamic",
             "responsible_unit_ids": ["planning"], "update_interval_days": 14}
        ]
    })";
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("base organization: %s", qPrintable(error.errorString()));
    return doc.object();
}

// Mutations of one field of one entry of a list ("units", "people", "columns").
Mutation setField(const QString &list, int index, const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &o) {
        QJsonArray array = o.value(list).toArray();
        QJsonObject entry = array.at(index).toObject();
        entry.insert(key, value);
        array.replace(index, entry);
        o.insert(list, array);
    };
}

Mutation setGrant(int person, int grant, const QString &key, const QJsonValue &value)
{
    return [=](QJsonObject &o) {
        QJsonArray people = o.value("people"_L1).toArray();
        QJsonObject p = people.at(person).toObject();
        QJsonArray grants = p.value("grants"_L1).toArray();
        QJsonObject g = grants.at(grant).toObject();
        g.insert(key, value);
        grants.replace(grant, g);
        p.insert("grants"_L1, grants);
        people.replace(person, p);
        o.insert("people"_L1, people);
    };
}

Mutation append(const QString &list, const QJsonValue &entry)
{
    return [=](QJsonObject &o) {
        QJsonArray array = o.value(list).toArray();
        array.append(entry);
        o.insert(list, array);
    };
}

Mutation removeKey(const QString &key)
{
    return [=](QJsonObject &o) { o.remove(key); };
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QStringList ids(const QList<const Column *> &columns)
{
    QStringList out;
    for (const Column *c : columns)
        out.append(c->id);
    return out;
}

QStringList ids(const QList<const Person *> &people)
{
    QStringList out;
    for (const Person *p : people)
        out.append(p->id);
    return out;
}

} // namespace

class TestOrganization : public QObject
{
    Q_OBJECT

private slots:
    void demoLoads();
    void demoUnits();
    void demoPeople();
    void demoColumns();
    void lookups();
    void shortUnitNames();
    void childColumnsSorted();
    void roundTrip();
    void entityRoundTrip();
    void baseIsValid();
    void broken_data();
    void broken();
    void brokenFiles();
    void columnChange_data();
    void columnChange();
    void columnChangeRecorded();
    void columnManagers();
};

void TestOrganization::demoLoads()
{
    Organization fromSource;
    QString error;
    QVERIFY2(Organization::fromFile(QStringLiteral(BAOSONG_SOURCE_DIR "/resources/demo-organization.json"),
                                    &fromSource, &error),
             qPrintable(error));
    const Organization demo = Organization::demo();
    QVERIFY(demo == fromSource); // the resource is the file in the tree
    QCOMPARE(demo.name, u"巴中市自然资源和规划局"_s);
    QCOMPARE(demo.shortName, u"市自然资源和规划局"_s);
    QVERIFY(demo.exampleData);

    // The file says it is example data.
    QFile file(QStringLiteral(":/baosong/demo-organization.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(json.value("_comment"_L1).toString().contains(u"xample data"_s));
}

void TestOrganization::demoUnits()
{
    const Organization org = Organization::demo();
    QHash<UnitType, int> countOfType;
    QSet<QString> codes;
    for (const Unit &u : org.units) {
        ++countOfType[u.type];
        QVERIFY2(!u.code.isEmpty(), qPrintable(u.id));
        codes.insert(u.code);
        // Full names (Art. 13 metadata: no abbreviation).
        QVERIFY2(u.name.startsWith(u"巴中市"_s), qPrintable(u.id));
    }
    QCOMPARE(codes.size(), org.units.size());
    QCOMPARE(countOfType.value(UnitType::Office), 1);
    QCOMPARE(countOfType.value(UnitType::InformationCentre), 1);
    QVERIFY(countOfType.value(UnitType::Section) >= 5);
    QCOMPARE(countOfType.value(UnitType::DistrictBureau), 3);
    QVERIFY(countOfType.value(UnitType::AffiliatedUnit) >= 1);
    QVERIFY(org.unit(u"office"_s));
    QCOMPARE(org.unit(u"office"_s)->name, u"巴中市自然资源和规划局办公室"_s);
}

void TestOrganization::demoPeople()
{
    const Organization org = Organization::demo();

    // Every unit submits: one correspondent and one head of its own, one leader overseeing it.
    for (const Unit &u : org.units) {
        const QList<const Person *> correspondents = org.holders(Role::Correspondent, u.id);
        QCOMPARE(correspondents.size(), 1);
        QCOMPARE(correspondents.first()->unitId, u.id);
        const QList<const Person *> heads = org.holders(Role::UnitHead, u.id);
        QCOMPARE(heads.size(), 1);
        QCOMPARE(heads.first()->unitId, u.id);
        QVERIFY2(org.holders(Role::LeaderInCharge, u.id).size() == 1, qPrintable(u.id));
        // A submitting unit has columns to feed (the information centre only keeps the site running).
        if (u.type != UnitType::InformationCentre)
            QVERIFY2(!org.columnsOfUnit(u.id).isEmpty(), qPrintable(u.id));
    }

    QHash<Role, QList<const Person *>> byRole;
    int multiRole = 0;
    for (const Person &p : org.people) {
        QVERIFY2(!p.grants.isEmpty(), qPrintable(p.id));
        QVERIFY2(!p.disabled, qPrintable(p.id));
        QSet<Role> roles;
        for (const RoleGrant &g : p.grants) {
            roles.insert(g.role);
            byRole[g.role].append(&p);
            const bool bureauRole = g.role == Role::OfficeDirector || g.role == Role::SiteAdministrator ||
                                    g.role == Role::Auditor || g.role == Role::Administrator;
            QCOMPARE(g.bureauWide, bureauRole);
            if (g.role == Role::Correspondent || g.role == Role::UnitHead)
                QCOMPARE(g.unitIds, QStringList{p.unitId});
        }
        if (roles.size() > 1)
            ++multiRole;
    }
    // Enough office directors and site administrators that every route, the municipal portal's too,
    // is decided by different people (one person, one stage).
    QCOMPARE(byRole.value(Role::OfficeDirector).size(), 3);
    QCOMPARE(byRole.value(Role::SiteAdministrator).size(), 2);
    QCOMPARE(byRole.value(Role::Auditor).size(), 1);
    QCOMPARE(byRole.value(Role::Administrator).size(), 1);
    const int leaders = int(byRole.value(Role::LeaderInCharge).size());
    QVERIFY(leaders >= 2 && leaders <= 3);
    QVERIFY(multiRole >= 1);

    // The office's head is the office director; the site administrator is office staff; the auditor
    // and the administrator belong to the information centre.
    const Person *director = byRole.value(Role::OfficeDirector).first();
    QCOMPARE(director->unitId, u"office"_s);
    QVERIFY(director->holds(Role::UnitHead, u"office"_s));
    QCOMPARE(byRole.value(Role::SiteAdministrator).first()->unitId, u"office"_s);
    QCOMPARE(org.unit(byRole.value(Role::Auditor).first()->unitId)->type, UnitType::InformationCentre);
    QCOMPARE(org.unit(byRole.value(Role::Administrator).first()->unitId)->type, UnitType::InformationCentre);

    // Logins are ASCII.
    for (const Person &p : org.people) {
        for (QChar c : p.id)
            QVERIFY2(c.unicode() < 128 && !c.isSpace(), qPrintable(p.id));
    }
}

void TestOrganization::demoColumns()
{
    const Organization org = Organization::demo();
    QVERIFY(org.columns.size() >= 15);
    for (const Column &c : org.columns) {
        if (!c.parentId.isEmpty())
            QVERIFY2(org.column(c.parentId), qPrintable(c.id));
        QVERIFY2(!c.responsibleUnitIds.isEmpty(), qPrintable(c.id));
        QVERIFY2(!c.description.isEmpty(), qPrintable(c.id));
        QVERIFY2(!c.keywords.isEmpty(), qPrintable(c.id));
        // National defaults (国办秘函〔2019〕19号): dynamic 2 weeks, notices and policies 6 months.
        const int expected = c.type == ColumnType::Dynamic ? 14 : c.type == ColumnType::Static ? 0 : 180;
        QVERIFY2(c.updateIntervalDays == expected, qPrintable(c.id));
    }

    QStringList topNames;
    for (const Column *c : org.childColumns(QString()))
        topNames.append(c->name);
    QCOMPARE(topNames,
             (QStringList{u"机构概况"_s, u"政务公开"_s, u"工作动态"_s, u"公示公告"_s, u"互动交流"_s}));

    QStringList aboutNames;
    for (const Column *c : org.childColumns(u"about"_s)) {
        aboutNames.append(c->name);
        QCOMPARE(c->type, ColumnType::Static);
    }
    QCOMPARE(aboutNames, (QStringList{u"领导信息"_s, u"机构职能"_s, u"内设机构"_s}));

    QStringList disclosureNames;
    for (const Column *c : org.childColumns(u"disclosure"_s))
        disclosureNames.append(c->name);
    for (const QString &name :
         {u"政策文件"_s, u"政策解读"_s, u"通知公告"_s, u"规划计划"_s, u"人事信息"_s, u"财政资金"_s})
        QVERIFY2(disclosureNames.contains(name), qPrintable(name));
    QCOMPARE(org.column(u"policy_interpretation"_s)->type, ColumnType::Interpretation);
    QCOMPARE(org.column(u"policy_documents"_s)->type, ColumnType::Policy);
    QCOMPARE(org.column(u"notices"_s)->type, ColumnType::Notice);
    QCOMPARE(ids(org.childColumns(u"news"_s)),
             (QStringList{u"bureau_news"_s, u"district_news"_s, u"superior_news"_s}));
    // District bureaus feed the district news.
    for (const Unit &u : org.units) {
        if (u.type == UnitType::DistrictBureau)
            QVERIFY(ids(org.columnsOfUnit(u.id)).contains(u"district_news"_s));
    }
}

void TestOrganization::lookups()
{
    const Organization org = Organization::demo();
    QCOMPARE(org.unit(u"bazhou"_s)->type, UnitType::DistrictBureau);
    QCOMPARE(org.person(u"zhou.min"_s)->name, u"周敏"_s);
    QCOMPARE(org.column(u"mining_rights"_s)->name, u"矿业权出让"_s);
    QVERIFY(!org.unit(u"nowhere"_s));
    QVERIFY(!org.person(u"nobody"_s));
    QVERIFY(!org.column(u"none"_s));
    QVERIFY(!org.unit(QString()));

    QCOMPARE(ids(org.holders(Role::LeaderInCharge, u"bazhou"_s)), QStringList{u"wang.zhiqiang"_s});
    QCOMPARE(ids(org.holders(Role::UnitHead, u"geology_mining"_s)), QStringList{u"yuan.shan"_s});
    // Bureau-wide roles cover every unit.
    QCOMPARE(ids(org.holders(Role::OfficeDirector, u"enyang"_s)),
             (QStringList{u"zhou.min"_s, u"xie.bo"_s, u"lin.fang"_s}));
    QCOMPARE(ids(org.holders(Role::SiteAdministrator, u"policy_law"_s)),
             (QStringList{u"ma.lingyun"_s, u"jiang.wei"_s}));
    QVERIFY(org.holders(Role::Correspondent, u"nowhere"_s).isEmpty());

    const QStringList mining = ids(org.columnsOfUnit(u"geology_mining"_s));
    QVERIFY(mining.contains(u"mining_rights"_s));
    QVERIFY(mining.contains(u"policy_documents"_s));
    QVERIFY(!mining.contains(u"district_news"_s));
    QVERIFY(org.columnsOfUnit(u"nowhere"_s).isEmpty());

    // A disabled person holds nothing.
    Organization changed = org;
    for (Person &p : changed.people) {
        if (p.id == u"wang.zhiqiang"_s)
            p.disabled = true;
    }
    QVERIFY(changed.holders(Role::LeaderInCharge, u"bazhou"_s).isEmpty());
}

void TestOrganization::childColumnsSorted()
{
    Organization org;
    QString error;
    QVERIFY2(Organization::fromJson(baseOrganization(), &org, &error), qPrintable(error));
    QCOMPARE(ids(org.childColumns(QString())), (QStringList{u"about"_s, u"news"_s}));
    QCOMPARE(ids(org.childColumns(u"news"_s)), QStringList{u"bureau_news"_s});
    QVERIFY(org.childColumns(u"about"_s).isEmpty());

    // Equal sort orders keep the order of the file.
    for (const char *id : {"c", "a", "b"}) {
        Column c;
        c.id = QString::fromLatin1(id);
        c.parentId = u"about"_s;
        c.name = c.id;
        c.sortOrder = 5;
        org.columns.append(c);
    }
    org.columns.last().sortOrder = -1;
    QCOMPARE(ids(org.childColumns(u"about"_s)), (QStringList{u"b"_s, u"c"_s, u"a"_s}));
}

void TestOrganization::roundTrip()
{
    const Organization demo = Organization::demo();
    const QJsonObject json = demo.toJson();
    Organization back;
    QString error;
    QVERIFY2(Organization::fromJson(json, &back, &error), qPrintable(error));
    QVERIFY(back == demo);
    QCOMPARE(back.toJson(), json);
    QCOMPARE(back.units.size(), demo.units.size());
    QCOMPARE(back.people.size(), demo.people.size());
    QCOMPARE(back.columns.size(), demo.columns.size());

    // Through text, as a file would go.
    Organization fromText;
    QVERIFY2(Organization::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object(), &fromText,
                                    &error),
             qPrintable(error));
    QVERIFY(fromText == demo);
}

void TestOrganization::entityRoundTrip()
{
    Unit u{u"registration"_s, u"巴中市不动产登记中心"_s, UnitType::AffiliatedUnit, u"BDC"_s};
    Unit u2;
    QString error;
    QVERIFY2(json::fromJson(json::toJson(u), &u2, &error), qPrintable(error));
    QCOMPARE(u2, u);
    QCOMPARE(json::toJson(u).value("type"_L1).toString(), u"affiliated_unit"_s);

    Person p;
    p.id = u"sun.qi"_s;
    p.name = u"孙七"_s;
    p.title = u"副局长"_s;
    p.disabled = true;
    p.grants = {RoleGrant{Role::LeaderInCharge, {u"a"_s, u"b"_s}, false},
                RoleGrant{Role::SiteAdministrator, {}, true}};
    Person p2;
    QVERIFY2(json::fromJson(json::toJson(p), &p2, &error), qPrintable(error));
    QCOMPARE(p2, p);
    const QJsonObject grant = json::toJson(p).value("grants"_L1).toArray().at(0).toObject();
    QCOMPARE(grant.value("role"_L1).toString(), u"leader_in_charge"_s);
    QCOMPARE(grant.value("unit_ids"_L1).toArray().size(), 2);

    Column c;
    c.id = u"plans"_s;
    c.parentId = u"disclosure"_s;
    c.name = u"规划计划"_s;
    c.description = u"国土空间规划"_s;
    c.keywords = {u"规划"_s, u"计划"_s};
    c.type = ColumnType::Policy;
    c.responsibleUnitIds = {u"planning"_s};
    c.updateIntervalDays = 180;
    c.sortOrder = -3;
    Column c2;
    QVERIFY2(json::fromJson(json::toJson(c), &c2, &error), qPrintable(error));
    QCOMPARE(c2, c);
    QCOMPARE(json::toJson(c).value("update_interval_days"_L1).toInt(), 180);
    QCOMPARE(json::toJson(c).value("responsible_unit_ids"_L1).toArray().at(0).toString(), u"planning"_s);
}

void TestOrganization::baseIsValid()
{
    Organization org;
    QString error;
    QVERIFY2(Organization::fromJson(baseOrganization(), &org, &error), qPrintable(error));
    QCOMPARE(org.units.size(), 2);
    QCOMPARE(org.people.size(), 3);
    QCOMPARE(org.columns.size(), 3);
    QVERIFY(!org.exampleData);
    QVERIFY(org.person(u"wang.wu"_s)->unitId.isEmpty());
    QCOMPARE(org.column(u"about"_s)->updateIntervalDays, 0);
}

void TestOrganization::broken_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<QStringList>("fragments"); // each must appear in the message

    QTest::newRow("duplicate unit id")
        << setField(u"units"_s, 1, u"id"_s, u"office"_s) << QStringList{u"office"_s};
    QTest::newRow("duplicate person id")
        << setField(u"people"_s, 1, u"id"_s, u"li.si"_s) << QStringList{u"li.si"_s};
    QTest::newRow("duplicate column id")
        << setField(u"columns"_s, 2, u"id"_s, u"about"_s) << QStringList{u"about"_s};
    QTest::newRow("duplicate unit code")
        << setField(u"units"_s, 1, u"code"_s, u"BGS"_s) << QStringList{u"office"_s, u"planning"_s, u"BGS"_s};
    QTest::newRow("unit code with a slash")
        << setField(u"units"_s, 1, u"code"_s, u"GH/K"_s) << QStringList{u"planning"_s, u"GH/K"_s};
    QTest::newRow("unknown unit type")
        << setField(u"units"_s, 1, u"type"_s, u"department"_s) << QStringList{u"planning"_s, u"department"_s};
    QTest::newRow("unit without a name")
        << setField(u"units"_s, 0, u"name"_s, u""_s) << QStringList{u"office"_s, u"name"_s};
    QTest::newRow("unit without an id")
        << append(u"units"_s, QJsonObject{{"name"_L1, u"无名科"_s}}) << QStringList{u"3"_s, u"units"_s};
    QTest::newRow("unit not an object")
        << append(u"units"_s, u"planning"_s) << QStringList{u"3"_s, u"units"_s};
    QTest::newRow("unknown role") << setGrant(0, 0, u"role"_s, u"editor"_s)
                                  << QStringList{u"li.si"_s, u"editor"_s};
    QTest::newRow("grant naming an unknown unit")
        << setGrant(1, 0, u"unit_ids"_s, QJsonArray{u"office"_s, u"nowhere"_s})
        << QStringList{u"wang.wu"_s, u"nowhere"_s};
    QTest::newRow("grant with no units, not bureau-wide")
        << setGrant(2, 0, u"unit_ids"_s, QJsonArray{}) << QStringList{u"zhao.liu"_s, u"unit_head"_s};
    QTest::newRow("bureau-wide turned off with no units")
        << setGrant(2, 1, u"bureau_wide"_s, false) << QStringList{u"zhao.liu"_s, u"office_director"_s};
    QTest::newRow("grant unit_ids not a list")
        << setGrant(0, 0, u"unit_ids"_s, u"planning"_s) << QStringList{u"li.si"_s, u"unit_ids"_s};
    QTest::newRow("person in an unknown unit")
        << setField(u"people"_s, 0, u"unit_id"_s, u"archive"_s) << QStringList{u"li.si"_s, u"archive"_s};
    QTest::newRow("person name of the wrong type")
        << setField(u"people"_s, 0, u"name"_s, 7) << QStringList{u"li.si"_s, u"name"_s};
    QTest::newRow("unknown column type")
        << setField(u"columns"_s, 0, u"type"_s, u"blog"_s) << QStringList{u"news"_s, u"blog"_s};
    QTest::newRow("column with an unknown parent")
        << setField(u"columns"_s, 2, u"parent_id"_s, u"media"_s) << QStringList{u"bureau_news"_s, u"media"_s};
    QTest::newRow("column its own parent")
        << setField(u"columns"_s, 1, u"parent_id"_s, u"about"_s) << QStringList{u"about"_s, u"cycle"_s};
    QTest::newRow("cycle of two columns") << setField(u"columns"_s, 0, u"parent_id"_s, u"bureau_news"_s)
                                          << QStringList{u"news"_s, u"bureau_news"_s, u"cycle"_s};
    QTest::newRow("column with an unknown responsible unit")
        << setField(u"columns"_s, 2, u"responsible_unit_ids"_s, QJsonArray{u"planning"_s, u"survey"_s})
        << QStringList{u"bureau_news"_s, u"survey"_s};
    QTest::newRow("negative update interval")
        << setField(u"columns"_s, 0, u"update_interval_days"_s, -14) << QStringList{u"news"_s, u"-14"_s};
    QTest::newRow("fractional update interval") << setField(u"columns"_s, 0, u"update_interval_days"_s, 1.5)
                                                << QStringList{u"news"_s, u"update_interval_days"_s};
    QTest::newRow("keywords not texts") << setField(u"columns"_s, 1, u"keywords"_s, QJsonArray{1, 2})
                                        << QStringList{u"about"_s, u"keywords"_s};
    QTest::newRow("no columns list") << removeKey(u"columns"_s) << QStringList{u"columns"_s};
    QTest::newRow("no name") << removeKey(u"name"_s) << QStringList{u"name"_s};
    QTest::newRow("example_data not a boolean")
        << Mutation([](QJsonObject &o) { o.insert("example_data"_L1, u"yes"_s); })
        << QStringList{u"example_data"_s};
}

void TestOrganization::broken()
{
    QFETCH(Mutation, mutation);
    QFETCH(QStringList, fragments);

    QJsonObject json = baseOrganization();
    mutation(json);

    Organization org;
    org.name = u"untouched"_s;
    QString error;
    QVERIFY(!Organization::fromJson(json, &org, &error));
    QVERIFY(!error.isEmpty());
    for (const QString &fragment : fragments)
        QVERIFY2(error.contains(fragment), qPrintable(u"\"%1\" not in: %2"_s.arg(fragment, error)));
    QCOMPARE(org.name, u"untouched"_s); // nothing half-loaded
    QVERIFY(org.units.isEmpty());
}

void TestOrganization::brokenFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Organization org;
    QString error;

    const QString missing = dir.filePath(u"missing.json"_s);
    QVERIFY(!Organization::fromFile(missing, &org, &error));
    QVERIFY2(error.contains(missing), qPrintable(error));

    const QString bad = writeFile(dir, u"bad.json"_s, "{\"name\": \"测试局\",");
    QVERIFY(!Organization::fromFile(bad, &org, &error));
    QVERIFY2(error.contains(bad), qPrintable(error));

    const QString array = writeFile(dir, u"array.json"_s, "[]");
    QVERIFY(!Organization::fromFile(array, &org, &error));
    QVERIFY2(error.contains(array), qPrintable(error));

    QJsonObject broken = baseOrganization();
    setField(u"units"_s, 1, u"type"_s, u"department"_s)(broken);
    const QString invalid = writeFile(dir, u"invalid.json"_s, QJsonDocument(broken).toJson());
    QVERIFY(!Organization::fromFile(invalid, &org, &error));
    QVERIFY2(error.contains(invalid) && error.contains(u"department"_s), qPrintable(error));

    const QString good = writeFile(dir, u"good.json"_s, QJsonDocument(baseOrganization()).toJson());
    QVERIFY2(Organization::fromFile(good, &org, &error), qPrintable(error));
    QCOMPARE(org.name, u"测试局"_s);
}

// Lists show a unit without the agency's name in front; the agency itself, a unit named otherwise
// and an unknown id keep their names.
void TestOrganization::shortUnitNames()
{
    Organization org;
    org.name = u"巴中市自然资源和规划局"_s;
    org.units = {Unit{u"office"_s, u"巴中市自然资源和规划局办公室"_s, UnitType::Section, {}},
                 Unit{u"bureau"_s, u"巴中市自然资源和规划局"_s, UnitType::Section, {}},
                 Unit{u"bazhou"_s, u"巴州区自然资源局"_s, UnitType::DistrictBureau, {}}};
    QCOMPARE(org.shortUnitName(u"office"_s), u"办公室"_s);
    QCOMPARE(org.shortUnitName(u"bureau"_s), u"巴中市自然资源和规划局"_s);
    QCOMPARE(org.shortUnitName(u"bazhou"_s), u"巴州区自然资源局"_s);
    QCOMPARE(org.shortUnitName(u"nowhere"_s), u"nowhere"_s);
}

// Issue #18 point 2: what the office may do to the column tree (core/ColumnChange), each refusal with
// its reason; the server runs the same (tst_server_site::columnsManagedByTheOffice).
void TestOrganization::columnChange_data()
{
    QTest::addColumn<QString>("edit");    // what is done to a copy of the demo's column
    QTest::addColumn<QString>("problem"); // a part of the refusal; empty: accepted
    QTest::newRow("new column") << "new"
                                << "";
    QTest::newRow("rename") << "rename"
                            << "";
    QTest::newRow("move under another") << "move"
                                        << "";
    QTest::newRow("retire a leaf") << "retire-leaf"
                                   << "";
    QTest::newRow("retire with a sub-column in use") << "retire-parent"
                                                     << "still in use";
    QTest::newRow("retire parent and child") << "retire-both"
                                             << "";
    QTest::newRow("in use under a retired one") << "under-retired"
                                                << "is retired";
    QTest::newRow("under itself") << "self-parent"
                                  << "under itself";
    QTest::newRow("under its own sub-column") << "cycle"
                                              << "under itself";
    QTest::newRow("unknown parent") << "unknown-parent"
                                    << "not known";
    QTest::newRow("unknown unit") << "unknown-unit"
                                  << "not known";
    QTest::newRow("unit twice") << "unit-twice"
                                << "twice";
    QTest::newRow("empty name") << "empty-name"
                                << "name";
    QTest::newRow("name with spaces around") << "spaced-name"
                                             << "spaces";
    QTest::newRow("name too long") << "long-name"
                                   << "at most 40";
    QTest::newRow("name on two lines") << "two-lines"
                                       << "one line";
    QTest::newRow("control character") << "control"
                                       << "control character";
    QTest::newRow("same name beside") << "sibling-name"
                                      << "already called";
    QTest::newRow("bad id") << "bad-id"
                            << "letters, digits";
    QTest::newRow("negative interval") << "negative-interval"
                                       << "from 0";
    QTest::newRow("ten years and a day") << "long-interval"
                                         << "from 0";
    QTest::newRow("empty keyword") << "empty-keyword"
                                   << "empty";
    QTest::newRow("too many keywords") << "many-keywords"
                                       << "at most 20";
}

void TestOrganization::columnChange()
{
    QFETCH(QString, edit);
    QFETCH(QString, problem);
    Organization org = Organization::demo();
    Column c = *org.column(u"bureau_news"_s);
    if (edit == "new"_L1) {
        c = Column{};
        c.id = u"land_supervision"_s;
        c.parentId = u"news"_s;
        c.name = u"执法监察"_s;
        c.responsibleUnitIds = {u"use_control"_s};
    } else if (edit == "rename"_L1) {
        c.name = u"机关动态"_s;
    } else if (edit == "move"_L1) {
        c.parentId = u"disclosure"_s;
    } else if (edit == "retire-leaf"_L1) {
        c.retired = true;
    } else if (edit == "retire-parent"_L1) {
        c = *org.column(u"news"_s);
        c.retired = true;
    } else if (edit == "retire-both"_L1) {
        for (Column &child : org.columns) {
            if (child.parentId == u"news"_s)
                child.retired = true;
        }
        c = *org.column(u"news"_s);
        c.retired = true;
    } else if (edit == "under-retired"_L1) {
        for (Column &x : org.columns) {
            if (x.id == u"announcements"_s)
                x.retired = true;
        }
        c.parentId = u"announcements"_s;
    } else if (edit == "self-parent"_L1) {
        c.parentId = c.id;
    } else if (edit == "cycle"_L1) {
        c = *org.column(u"news"_s);
        c.parentId = u"district_news"_s;
    } else if (edit == "unknown-parent"_L1) {
        c.parentId = u"nowhere"_s;
    } else if (edit == "unknown-unit"_L1) {
        c.responsibleUnitIds.append(u"nobody"_s);
    } else if (edit == "unit-twice"_L1) {
        c.responsibleUnitIds.append(c.responsibleUnitIds.first());
    } else if (edit == "empty-name"_L1) {
        c.name = u" "_s;
    } else if (edit == "spaced-name"_L1) {
        c.name = u" 局内动态"_s;
    } else if (edit == "long-name"_L1) {
        c.name = QString(41, u'栏');
    } else if (edit == "two-lines"_L1) {
        c.name = u"局内\n动态"_s;
    } else if (edit == "control"_L1) {
        c.description = u"说明\u0007"_s;
    } else if (edit == "sibling-name"_L1) {
        c.name = u"区县动态"_s;
    } else if (edit == "bad-id"_L1) {
        c.id = u"../x"_s;
    } else if (edit == "negative-interval"_L1) {
        c.updateIntervalDays = -1;
    } else if (edit == "long-interval"_L1) {
        c.updateIntervalDays = ColumnChange::kMaxIntervalDays + 1;
    } else if (edit == "empty-keyword"_L1) {
        c.keywords.append(u" "_s);
    } else if (edit == "many-keywords"_L1) {
        for (int i = 0; i < 21; ++i)
            c.keywords.append(u"词%1"_s.arg(i));
    }
    const QString why = ColumnChange::problem(org, c);
    if (problem.isEmpty()) {
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // The organization with the change stays valid as a file would be.
        Organization out;
        QString error;
        QVERIFY2(Organization::fromJson(ColumnChange::applied(org, c).toJson(), &out, &error),
                 qPrintable(error));
    } else {
        QVERIFY2(why.contains(problem), qPrintable(why));
    }
}

void TestOrganization::columnChangeRecorded()
{
    const Organization org = Organization::demo();
    const Column *before = org.column(u"bureau_news"_s);
    Column after = *before;
    after.name = u"机关动态"_s;
    after.retired = true;
    QJsonObject changes = ColumnChange::changes(before, after);
    QCOMPARE(changes.keys(), (QStringList{u"name"_s, u"retired"_s}));
    QCOMPARE(changes.value("name"_L1).toObject().value("from"_L1).toString(), u"局内动态"_s);
    QCOMPARE(changes.value("name"_L1).toObject().value("to"_L1).toString(), u"机关动态"_s);
    QVERIFY(ColumnChange::showsOnSite(before, after));
    // Back in use: the flag cleared is a change too.
    changes = ColumnChange::changes(&after, *before);
    QVERIFY(changes.contains("retired"_L1));
    QVERIFY(changes.value("retired"_L1).toObject().value("to"_L1).isNull());
    // The office's own settings do not show on the site.
    Column interval = *before;
    interval.updateIntervalDays = 7;
    interval.responsibleUnitIds = {u"office"_s};
    QVERIFY(!ColumnChange::showsOnSite(before, interval));
    QCOMPARE(ColumnChange::changes(before, interval).keys(),
             (QStringList{u"responsible_unit_ids"_s, u"update_interval_days"_s}));
    // A new column: every field, "to" only.
    QVERIFY(ColumnChange::changes(nullptr, after).value("name"_L1).toObject().keys() == QStringList{u"to"_s});
    // JSON round trip of the new fields.
    Column back;
    QString error;
    after.listedWhenEmpty = true;
    QVERIFY(json::fromJson(json::toJson(after), &back, &error));
    QCOMPARE(back, after);
}

void TestOrganization::columnManagers()
{
    const Organization org = Organization::demo();
    QStringList may;
    for (const Person &p : org.people) {
        if (ColumnChange::mayManage(p))
            may << p.id;
    }
    may.sort();
    // The office directors, the site administrators and the administrator.
    QCOMPARE(may, (QStringList{u"jiang.wei"_s, u"lin.fang"_s, u"ma.lingyun"_s, u"shi.jun"_s, u"xie.bo"_s,
                               u"zhou.min"_s}));
}

QTEST_GUILESS_MAIN(TestOrganization)
#include "tst_organization.moc"
