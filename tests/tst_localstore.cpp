// The client's local store (client/LocalStore): durable saves, schema upgrades, refusal of newer files,
// corruption kept aside, Chinese search, and drafts surviving `kill -9` (docs/design.md §6, §9).

#include "DomainJson.h"
#include "HtmlText.h"
#include "ItemViews.h"
#include "LocalStore.h"
#include "SearchText.h"
#include "support/SqliteCheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

Q_DECLARE_METATYPE(baosong::Item)

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

Item makeItem(const QString &id, const QString &title, const QString &bodyHtml,
              QDate infoDate = QDate(2024, 5, 1), bool urgent = false)
{
    Item item;
    item.id = id;
    item.kind = ItemKind::News;
    item.unitId = u"planning"_s;
    item.authorId = u"zhangwei"_s;
    Revision r;
    r.number = 1;
    r.authorId = item.authorId;
    r.createdAt = QDateTime(QDate(2024, 5, 2), QTime(9, 30, 0, 123), Qt::UTC);
    r.content.title = title;
    r.content.bodyHtml = bodyHtml;
    r.content.columnId = u"news"_s;
    r.content.infoDate = infoDate;
    r.content.urgent = urgent;
    item.revisions = {r};
    return item;
}

// An item using every field, as the server sends a reviewed one.
Item fullItem()
{
    Item item = makeItem(u"full-1"_s, u"关于《国土空间总体规划（2021—2035年）》批前公示的公告"_s,
                         u"<p>根据《中华人民共和国土地管理法》&amp;有关规定，现予公示。</p>"_s);
    item.kind = ItemKind::Disclosure;
    item.state = WorkflowState::Published;
    item.proposal = Proposal::Change;
    item.stageId = u"office"_s;
    item.liveRevision = 1;
    item.publishedAt = QDateTime(QDate(2024, 5, 3), QTime(1, 2, 3, 4), Qt::UTC);
    item.indexNumber = u"113301000025/2024-00042"_s;
    RevisionContent &c = item.revisions[0].content;
    c.documentNumber = u"某自然资规〔2024〕3号"_s;
    c.catalogueEntry = u"规划计划"_s;
    c.meeting = u"局长办公会"_s;
    c.meetingDate = QDate(2024, 4, 28);
    c.majorPolicy = true;
    c.toMunicipalPortal = true;
    Attachment a;
    a.id = u"att-1"_s;
    a.fileName = u"公示图件.pdf"_s;
    a.mimeType = u"application/pdf"_s;
    a.size = 12345;
    a.sha256 = QCryptographicHash::hash("map", QCryptographicHash::Sha256);
    c.attachments = {a};
    Revision r2 = item.revisions.at(0);
    r2.number = 2;
    r2.content.title = u"关于国土空间总体规划批前公示延期的公告"_s;
    item.revisions.append(r2);
    Decision d;
    d.stageId = u"unit_head"_s;
    d.personId = u"wangfang"_s;
    d.type = DecisionType::Return;
    d.revision = 1;
    d.reason = u"请补充图例。"_s;
    d.at = QDateTime(QDate(2024, 5, 2), QTime(10, 0), Qt::UTC);
    item.decisions = {d};
    Comment cm;
    cm.personId = u"wangfang"_s;
    cm.revision = 2;
    cm.text = u"已阅。"_s;
    cm.at = QDateTime(QDate(2024, 5, 2), QTime(11, 0), Qt::UTC);
    item.comments = {cm};
    return item;
}

Organization smallOrganization()
{
    Organization org;
    org.name = u"某市自然资源和规划局"_s;
    org.shortName = u"市规划资源局"_s;
    org.units = {
        Unit{u"office"_s, u"局办公室"_s, UnitType::Office, u"001"_s},
        Unit{u"planning"_s, u"国土空间规划处"_s, UnitType::Section, u"002"_s},
    };
    Person correspondent;
    correspondent.id = u"zhangwei"_s;
    correspondent.name = u"张伟"_s;
    correspondent.title = u"科员"_s;
    correspondent.unitId = u"planning"_s;
    correspondent.grants = {RoleGrant{Role::Correspondent, {u"planning"_s}, false}};
    Person director;
    director.id = u"liuyang"_s;
    director.name = u"刘洋"_s;
    director.title = u"办公室主任"_s;
    director.unitId = u"office"_s;
    director.grants = {RoleGrant{Role::OfficeDirector, {}, true}};
    org.people = {correspondent, director};
    Column news;
    news.id = u"news"_s;
    news.name = u"工作动态"_s;
    news.keywords = {u"动态"_s, u"新闻"_s};
    news.type = ColumnType::Dynamic;
    news.responsibleUnitIds = {u"office"_s};
    news.updateIntervalDays = 14;
    Column plans;
    plans.id = u"plans"_s;
    plans.parentId = u"news"_s;
    plans.name = u"规划公示"_s;
    plans.type = ColumnType::Notice;
    plans.responsibleUnitIds = {u"planning"_s};
    plans.sortOrder = 2;
    org.columns = {news, plans};
    return org;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Runs statements on a store file through a connection of the test's own, outside LocalStore.
bool rawExec(const QString &path, const QStringList &statements, QString *error = nullptr)
{
    const QString name = u"tst_localstore.raw"_s;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &statement : statements) {
            if (!ok)
                break;
            ok = q.exec(statement);
            if (!ok && error)
                *error = q.lastError().text() + u" in "_s + statement;
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QString itemJson(const Item &item)
{
    return QString::fromUtf8(QJsonDocument(json::toJson(item)).toJson(QJsonDocument::Compact));
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// The search fixture: titles and bodies chosen so that each query below has a known answer.
QList<Item> searchFixture()
{
    return {
        makeItem(u"a-land"_s, u"国有建设用地使用权挂牌出让公告"_s,
                 u"<p>经市人民政府批准，市自然资源和规划局决定以挂牌方式出让一宗国有建设用地使用权。</p>"_s),
        makeItem(u"b-register"_s, u"不动产登记便民服务措施"_s,
                 u"<p>即日起，不动产登记中心推行&ldquo;一窗受理、并行办理&rdquo;，压缩办理时限。</p>"_s),
        makeItem(u"c-plan"_s, u"国土空间总体规划公示"_s,
                 u"<p>为广泛听取社会各界意见，现将规划草案予以公示。</p><p>联系电话：0571-12345678</p>"_s),
        makeItem(u"d-mine"_s, u"矿产资源开发利用方案审查"_s,
                 u"<div>矿山地质<b>环境</b>保护与土地复垦方案一并审查。</div>"_s),
        makeItem(u"e-quote"_s, u"《土地管理法》\"解读\"(一)"_s,
                 u"<p>问答：土地征收 OR 征用的区别？通配符 * 不是语法。</p>"_s),
        makeItem(u"f-english"_s, u"Land Survey Notice"_s, u"<p>Annual survey of LAND use.</p>"_s),
        makeItem(u"h-fullwidth"_s, u"ＧＩＳ数据共享２０２４"_s, u"<p>全角字符</p>"_s),
    };
}

// The schema of version 1 exactly as it shipped, to build a real version-1 file.
const QStringList kVersion1Schema{
    uR"(CREATE TABLE items (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        unit_id TEXT NOT NULL DEFAULT '',
        column_id TEXT NOT NULL DEFAULT '',
        author_id TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,
        proposal TEXT NOT NULL,
        stage_id TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        info_date TEXT,
        urgent INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        body_text TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL))"_s,
    u"CREATE INDEX items_queue_order ON items (urgent DESC, info_date IS NULL, info_date, seq)"_s,
    uR"(CREATE TABLE organization (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL))"_s,
    u"PRAGMA user_version = 1"_s,
};

QString sqlString(const QString &s)
{
    QString quoted = s;
    quoted.replace(u'\'', u"''"_s);
    return u'\'' + quoted + u'\'';
}

QString v1Insert(const Item &item)
{
    const RevisionContent &c = item.latest()->content;
    return u"INSERT INTO items (id, kind, unit_id, column_id, author_id, state, proposal, stage_id, title, "
           u"info_date, urgent, updated_at, body_text, data) VALUES (%1, %2, %3, %4, %5, %6, %7, %8, %9, "
           u"%10, "
           u"%11, '2024-05-01T00:00:00.000Z', %12, %13)"_s
               .arg(sqlString(item.id), sqlString(toString(item.kind)), sqlString(item.unitId),
                    sqlString(c.columnId), sqlString(item.authorId), sqlString(toString(item.state)),
                    sqlString(toString(item.proposal)), sqlString(item.stageId), sqlString(c.title))
               .arg(sqlString(c.infoDate.toString(Qt::ISODate)))
               .arg(c.urgent ? 1 : 0)
               .arg(sqlString(HtmlText::plainText(c.bodyHtml)), sqlString(itemJson(item)));
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void createOpenReopen();
    void itemRoundTrip_data();
    void itemRoundTrip();
    void updateAndRemove();
    void badInputLosesNothing();
    void largeBatch();
    void summariesInQueueOrder();
    void waitingForMeFollowsEscalation();
    void organizationRoundTrip();
    void search_data();
    void search();
    void searchOrderAndLimit();
    void searchIndexCatchesUp();
    void searchCharacterTokens();
    void searchShortTermsUseTheIndex();
    void searchAfterUpgradeFromVersion5();
    void migrationFromVersion1();
    void newerSchemaRefused();
    void corruptFileKeptAside_data();
    void corruptFileKeptAside();
    void deferredCheckFindsDamageForTheNextOpen();
    void draftsSurviveKill();

private:
    QTemporaryDir m_dir;
};

void TestLocalStore::createOpenReopen()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(u"reopen/sub/store.db"_s); // folders are created
    {
        LocalStore store(path);
        QVERIFY(!store.isOpen());
        QVERIFY(!store.saveItem(makeItem(u"x"_s, u"t"_s, {}))); // not open: refused, explained
        QVERIFY(!store.lastError().isEmpty());

        const LocalStore::OpenResult r = store.open();
        QCOMPARE(r.status, LocalStore::OpenStatus::Created);
        QCOMPARE(r.fromVersion, 0);
        QVERIFY(r.message.isEmpty());
        QVERIFY(store.isOpen());
        QCOMPARE(store.itemCount(), 0);
        QVERIFY2(store.saveItem(makeItem(u"one"_s, u"第一条"_s, u"<p>正文</p>"_s)),
                 qPrintable(store.lastError()));
        QCOMPARE(store.itemCount(), 1);
    }
    {
        LocalStore store(path);
        const LocalStore::OpenResult r = store.open();
        QCOMPARE(r.status, LocalStore::OpenStatus::Opened);
        QCOMPARE(r.fromVersion, LocalStore::kSchemaVersion);
        QCOMPARE(store.itemCount(), 1);
        QCOMPARE(store.item(u"one"_s)->latest()->content.title, u"第一条"_s);

        // Opening again while open closes and reopens cleanly.
        QCOMPARE(store.open().status, LocalStore::OpenStatus::Opened);
        QCOMPARE(store.itemCount(), 1);
        store.close();
        QVERIFY(!store.isOpen());
    }
    // Two stores on two files at once: each has its own connection.
    LocalStore a(m_dir.filePath(u"reopen/a.db"_s));
    LocalStore b(m_dir.filePath(u"reopen/b.db"_s));
    QVERIFY(a.open().ok());
    QVERIFY(b.open().ok());
    QVERIFY(a.saveItem(makeItem(u"in-a"_s, u"甲"_s, {})));
    QCOMPARE(a.itemCount(), 1);
    QCOMPARE(b.itemCount(), 0);
}

void TestLocalStore::itemRoundTrip_data()
{
    QTest::addColumn<Item>("item");
    QTest::newRow("full") << fullItem();
    QTest::newRow("simple draft") << makeItem(u"draft-1"_s, u"国土空间规划"_s, u"<p>自然资源</p>"_s);
    Item bare;
    bare.id = u"bare"_s; // no revisions at all
    QTest::newRow("no revisions") << bare;
    QTest::newRow("quotes, emoji and SQL")
        << makeItem(u"it's \"quoted\"; DROP TABLE items; --"_s, u"标题 'a' \"b\" 😀 𠀀"_s,
                    u"<p>&#x1F600; &lt;tag&gt;</p>"_s, QDate(), true);
}

void TestLocalStore::itemRoundTrip()
{
    QFETCH(Item, item);
    const QString path =
        m_dir.filePath(u"roundtrip-%1.db"_s.arg(QString::fromLatin1(QTest::currentDataTag())));
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY2(store.saveItem(item), qPrintable(store.lastError()));
        const std::optional<Item> loaded = store.item(item.id);
        QVERIFY(loaded);
        QCOMPARE(*loaded, item);
        QVERIFY(!store.item(u"no such id"_s));
        QVERIFY(store.lastError().isEmpty()); // absent is not an error
    }
    LocalStore store(path);
    QCOMPARE(store.open().status, LocalStore::OpenStatus::Opened);
    const std::optional<Item> loaded = store.item(item.id);
    QVERIFY(loaded);
    QCOMPARE(*loaded, item);
}

void TestLocalStore::updateAndRemove()
{
    LocalStore store(m_dir.filePath(u"update.db"_s));
    QVERIFY(store.open().ok());
    Item item = makeItem(u"u1"_s, u"土地征收公告"_s, u"<p>征收范围</p>"_s);
    QVERIFY(store.saveItems({item, makeItem(u"u2"_s, u"另一条"_s, {})}));
    QCOMPARE(store.itemCount(), 2);
    QCOMPARE(store.search(u"土地征收"_s, 10), QStringList{u"u1"_s});

    // A save replaces the item with the same id, and the search index follows.
    item.revisions[0].content.title = u"矿业权出让公告"_s;
    item.state = WorkflowState::InReview;
    QVERIFY(store.saveItem(item));
    QCOMPARE(store.itemCount(), 2);
    QCOMPARE(*store.item(u"u1"_s), item);
    QVERIFY(store.search(u"土地征收"_s, 10).isEmpty());
    QCOMPARE(store.search(u"矿业权"_s, 10), QStringList{u"u1"_s});

    QVERIFY(store.removeItem(u"u1"_s));
    QVERIFY(!store.item(u"u1"_s));
    QCOMPARE(store.itemCount(), 1);
    QVERIFY(store.search(u"矿业权"_s, 10).isEmpty());
    QVERIFY(store.removeItem(u"u1"_s)); // already gone: still true
    QVERIFY(store.lastError().isEmpty());
}

void TestLocalStore::badInputLosesNothing()
{
    LocalStore store(m_dir.filePath(u"bad-input.db"_s));
    QVERIFY(store.open().ok());
    const Item kept = makeItem(u"kept"_s, u"保留"_s, u"<p>原文</p>"_s);
    QVERIFY(store.saveItem(kept));

    Item noId = kept;
    noId.id.clear();
    QVERIFY(!store.saveItem(noId));
    QVERIFY(!store.lastError().isEmpty());

    // One bad item in a batch: none of the batch is saved, including the change to "kept".
    Item changed = kept;
    changed.revisions[0].content.title = u"改过"_s;
    QVERIFY(!store.saveItems({changed, makeItem(u"new"_s, u"新"_s, {}), noId}));
    QVERIFY(!store.lastError().isEmpty());
    QCOMPARE(store.itemCount(), 1);
    QCOMPARE(*store.item(u"kept"_s), kept);

    QVERIFY(store.saveItems({}));
    QVERIFY(store.lastError().isEmpty());
}

void TestLocalStore::largeBatch()
{
    // More items than one staging chunk, with an id repeated: the last copy in the list wins.
    LocalStore store(m_dir.filePath(u"batch.db"_s));
    QVERIFY(store.open().ok());
    QList<Item> items;
    for (int i = 0; i < 2500; ++i)
        items.append(makeItem(u"b%1"_s.arg(i), u"批量第%1条"_s.arg(i), u"<p>宅基地确权</p>"_s));
    Item repeated = items.at(10);
    repeated.revisions[0].content.title = u"批量重复的最后一份"_s;
    items.append(repeated);
    QVERIFY2(store.saveItems(items), qPrintable(store.lastError()));
    QCOMPARE(store.itemCount(), 2500);
    QCOMPARE(*store.item(u"b10"_s), repeated);
    QCOMPARE(*store.item(u"b2499"_s), items.at(2499));
    QCOMPARE(store.search(u"重复的最后"_s, 10), QStringList{u"b10"_s});
    QCOMPARE(store.search(u"宅基地确权"_s, 5000).size(), 2500);
    QCOMPARE(store.search(u"确权"_s, 1).value(0), u"b2499"_s); // added last
}

void TestLocalStore::waitingForMeFollowsEscalation()
{
    // "Waiting for me" lists the items whose stage escalated to the person, as the engine (and the
    // server's queue) decides: a sole unit head's own item waits for the unit's leader in charge, and
    // in a unit without a head every item does. Before, the view listed the stages of the person's
    // own roles only, and the leader's list stayed empty.
    const RouteEngine &engine = RouteEngine::builtin();
    const QString planning = u"planning"_s;
    const QString land = u"land"_s;     // no unit head at all
    const QString survey = u"survey"_s; // two heads: no escalation
    const auto person = [&](const QString &id, Role role, const QStringList &units, bool bureauWide = false) {
        Person p;
        p.id = p.name = id;
        p.unitId = units.value(0);
        p.grants.append(RoleGrant{Role::Correspondent, units, false});
        p.grants.append(RoleGrant{role, bureauWide ? QStringList{} : units, bureauWide});
        return p;
    };
    const Person head = person(u"head"_s, Role::UnitHead, {planning}); // planning's only head
    const Person leader = person(u"leader"_s, Role::LeaderInCharge, {planning, land, survey});
    const Person director = person(u"director"_s, Role::OfficeDirector, {planning}, true);
    const Person surveyHead = person(u"survey_head"_s, Role::UnitHead, {survey});
    const Person surveyHead2 = person(u"survey_head2"_s, Role::UnitHead, {survey});
    Person writer;
    writer.id = writer.name = u"writer"_s;
    writer.unitId = planning;
    writer.grants.append(RoleGrant{Role::Correspondent, {planning, land, survey}, false});
    Organization org;
    for (const QString &id : {planning, land, survey}) {
        Unit u;
        u.id = u.name = id;
        org.units.append(u);
    }
    org.people = {head, leader, director, surveyHead, surveyHead2, writer};

    const QDateTime now(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);
    const auto submitted = [&](const QString &id, const Person &author, const QString &unit) {
        Item item;
        item.id = id;
        item.kind = ItemKind::Disclosure;
        item.unitId = unit;
        ActionRequest create;
        create.action = Action::Create;
        create.confidentialityAttested = true;
        RevisionContent c;
        c.title = u"关于"_s + id + u"的公告"_s;
        c.bodyHtml = u"<p>正文</p>"_s;
        c.infoDate = QDate(2026, 11, 20);
        create.content = c;
        ActionRequest submit = create;
        submit.action = Action::Submit;
        submit.content.reset();
        [&] {
            QVERIFY(engine.apply(author, item, create, now, &org));
            QVERIFY(engine.apply(author, item, submit, now, &org));
        }();
        return item;
    };
    const QList<Item> items{
        submitted(u"by-head"_s, head, planning),            // escalates to the leader
        submitted(u"by-writer"_s, writer, planning),        // the head's
        submitted(u"in-land"_s, writer, land),              // no head: the leader's
        submitted(u"in-survey"_s, writer, survey),          // either survey head's
        submitted(u"by-survey-head"_s, surveyHead, survey), // the other survey head's
    };
    LocalStore store(m_dir.filePath(u"waiting.db"_s));
    QVERIFY(store.open().ok());
    QVERIFY2(store.saveItems(items), qPrintable(store.lastError()));

    const auto waiting = [&](const Person &p, const Organization *o) {
        const ItemFilter f = ItemViews::filterFor(ItemView::WaitingForMe, p, engine, o);
        QStringList ids;
        for (const ItemSummary &s : store.summaries(f, 0, 100))
            ids.append(s.id);
        ids.sort();
        [&] { QCOMPARE(store.count(f), int(ids.size())); }();
        return ids;
    };
    QCOMPARE(waiting(leader, &org), (QStringList{u"by-head"_s, u"in-land"_s}));
    QCOMPARE(waiting(head, &org), QStringList{u"by-writer"_s});
    QCOMPARE(waiting(surveyHead, &org), QStringList{u"in-survey"_s});
    QCOMPARE(waiting(surveyHead2, &org), (QStringList{u"by-survey-head"_s, u"in-survey"_s}));
    QCOMPARE(waiting(director, &org), QStringList{});
    QCOMPARE(waiting(writer, &org), QStringList{});
    // What the engine says, item by item.
    for (const Person &p : org.people) {
        const QStringList listed = waiting(p, &org);
        for (const Item &item : items)
            QCOMPARE(listed.contains(item.id), engine.isWaitingFor(p, item, &org));
    }
    // Without the people (no organization known yet): the stages of the person's own roles.
    QCOMPARE(waiting(leader, nullptr), QStringList{});
    // Without the leader: the head's own item, and land's, go on to the office director.
    Organization noLeader = org;
    noLeader.people.removeAt(1);
    QCOMPARE(waiting(director, &noLeader), (QStringList{u"by-head"_s, u"in-land"_s}));
    for (const Person &p : noLeader.people) {
        const QStringList listed = waiting(p, &noLeader);
        for (const Item &item : items)
            QCOMPARE(listed.contains(item.id), engine.isWaitingFor(p, item, &noLeader));
    }
    // Within the view's other filters.
    ItemFilter news = ItemViews::filterFor(ItemView::WaitingForMe, leader, engine, &org);
    news.kinds = {ItemKind::News};
    QCOMPARE(store.count(news), 0);
}

void TestLocalStore::summariesInQueueOrder()
{
    LocalStore store(m_dir.filePath(u"summaries.db"_s));
    QVERIFY(store.open().ok());
    QList<Item> items{
        makeItem(u"late"_s, u"晚"_s, {}, QDate(2024, 6, 1)),
        makeItem(u"undated"_s, u"无日期"_s, {}, QDate()),
        makeItem(u"urgent-late"_s, u"急晚"_s, {}, QDate(2024, 6, 2), true),
        makeItem(u"early"_s, u"早"_s, {}, QDate(2024, 1, 1)),
        makeItem(u"urgent-early"_s, u"急早"_s, {}, QDate(2024, 2, 1), true),
        makeItem(u"late-second"_s, u"晚二"_s, {}, QDate(2024, 6, 1)),
    };
    items[3].state = WorkflowState::InReview;
    items[3].stageId = u"unit_head"_s;
    QVERIFY(store.saveItems(items));

    const QList<ItemSummary> all = store.summaries(0, 100);
    QStringList ids;
    for (const ItemSummary &s : all)
        ids.append(s.id);
    QCOMPARE(ids, (QStringList{u"urgent-early"_s, u"urgent-late"_s, u"early"_s, u"late"_s, u"late-second"_s,
                               u"undated"_s}));

    const ItemSummary &early = all.at(2);
    QCOMPARE(early.title, u"早"_s);
    QCOMPARE(early.state, WorkflowState::InReview);
    QCOMPARE(early.stageId, u"unit_head"_s);
    QCOMPARE(early.infoDate, QDate(2024, 1, 1));
    QCOMPARE(early.columnId, u"news"_s);
    QCOMPARE(early.unitId, u"planning"_s);
    QCOMPARE(early.kind, ItemKind::News);
    QVERIFY(!early.urgent);
    QVERIFY(all.at(0).urgent);
    QVERIFY(!all.at(5).infoDate.isValid());
    QVERIFY(qAbs(early.updatedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // Pages.
    QList<ItemSummary> page = store.summaries(2, 2);
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).id, u"early"_s);
    QCOMPARE(page.at(1).id, u"late"_s);
    QCOMPARE(store.summaries(5, 10).size(), 1);
    QVERIFY(store.summaries(6, 10).isEmpty());
    QVERIFY(store.summaries(0, 0).isEmpty());
}

void TestLocalStore::organizationRoundTrip()
{
    const QString path = m_dir.filePath(u"organization.db"_s);
    const Organization org = smallOrganization();
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(!store.organization()); // none saved yet
        QVERIFY(store.lastError().isEmpty());
        QVERIFY2(store.saveOrganization(org), qPrintable(store.lastError()));
        const std::optional<Organization> loaded = store.organization();
        QVERIFY2(loaded, qPrintable(store.lastError()));
        QCOMPARE(loaded->toJson(), org.toJson());

        Organization renamed = org;
        renamed.name = u"某市规划和自然资源局"_s;
        QVERIFY(store.saveOrganization(renamed)); // replaces
    }
    LocalStore store(path);
    QVERIFY(store.open().ok());
    const std::optional<Organization> loaded = store.organization();
    QVERIFY(loaded);
    QCOMPARE(loaded->name, u"某市规划和自然资源局"_s);
    QCOMPARE(loaded->units.size(), 2);
    QCOMPARE(loaded->people.size(), 2);
    QCOMPARE(loaded->columns.size(), 2);
    QCOMPARE(loaded->person(u"liuyang"_s)->grants.at(0).bureauWide, true);
    QCOMPARE(loaded->column(u"plans"_s)->parentId, u"news"_s);
}

void TestLocalStore::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    // One and two characters: the character index.
    QTest::newRow("2: 出让") << u"出让"_s << QStringList{u"a-land"_s};
    QTest::newRow("2: 登记") << u"登记"_s << QStringList{u"b-register"_s};
    QTest::newRow("2: 规划 (title and body)") << u"规划"_s << QStringList{u"a-land"_s, u"c-plan"_s};
    QTest::newRow("2: 土地") << u"土地"_s << QStringList{u"d-mine"_s, u"e-quote"_s};
    QTest::newRow("2: no hit") << u"海洋"_s << QStringList{};
    QTest::newRow("1: 审") << u"审"_s << QStringList{u"d-mine"_s};
    QTest::newRow("1: 征") << u"征"_s << QStringList{u"e-quote"_s};
    QTest::newRow("1: 规") << u"规"_s << QStringList{u"a-land"_s, u"c-plan"_s};
    QTest::newRow("1: no hit") << u"海"_s << QStringList{};
    QTest::newRow("2: body only") << u"窗受"_s << QStringList{u"b-register"_s};
    QTest::newRow("2: characters not adjacent") << u"土复"_s << QStringList{};
    QTest::newRow("2: not across title and body") << u"查矿"_s << QStringList{};
    QTest::newRow("2: across a tag") << u"质环"_s << QStringList{u"d-mine"_s};
    QTest::newRow("2: ASCII either case") << u"la"_s << QStringList{u"f-english"_s};
    QTest::newRow("1: ASCII either case") << u"V"_s << QStringList{u"f-english"_s};
    QTest::newRow("2: digits in a number") << u"57"_s << QStringList{u"c-plan"_s};
    QTest::newRow("1: digit") << u"0"_s << QStringList{u"c-plan"_s};
    QTest::newRow("2: full-width letters") << u"ＧＩ"_s << QStringList{u"h-fullwidth"_s};
    QTest::newRow("2: full-width digits") << u"２０"_s << QStringList{u"h-fullwidth"_s};
    QTest::newRow("2: not their half-width forms") << u"GI"_s << QStringList{};
    QTest::newRow("2: with punctuation") << u"，压"_s << QStringList{u"b-register"_s};
    QTest::newRow("2: with punctuation, no hit") << u"，缩"_s << QStringList{};
    QTest::newRow("2: Han and Latin") << u"收 O"_s << QStringList{u"e-quote"_s};
    // Three characters: the trigram index.
    QTest::newRow("3: 不动产") << u"不动产"_s << QStringList{u"b-register"_s};
    QTest::newRow("3: 建设用") << u"建设用"_s << QStringList{u"a-land"_s};
    QTest::newRow("3: body only") << u"听取社"_s << QStringList{u"c-plan"_s};
    QTest::newRow("3: across a tag") << u"质环境"_s << QStringList{u"d-mine"_s};
    QTest::newRow("3: no hit") << u"土地局"_s << QStringList{};
    QTest::newRow("3: case-insensitive") << u"land"_s << QStringList{u"f-english"_s};
    // Six characters.
    QTest::newRow("6: 国土空间总体") << u"国土空间总体"_s << QStringList{u"c-plan"_s};
    QTest::newRow("6: 国有建设用地") << u"国有建设用地"_s << QStringList{u"a-land"_s};
    QTest::newRow("6: 矿山地质环境") << u"矿山地质环境"_s << QStringList{u"d-mine"_s};
    QTest::newRow("6: no hit") << u"国有建设用房"_s << QStringList{};
    QTest::newRow("6: decoded entity") << u"“一窗受理、"_s << QStringList{u"b-register"_s};
    // Several terms: every one must be there.
    QTest::newRow("terms: 土地 复垦") << u"土地 复垦"_s << QStringList{u"d-mine"_s};
    QTest::newRow("terms: 国土 公示") << u" 国土　公示 "_s << QStringList{u"c-plan"_s};
    QTest::newRow("terms: long and short") << u"复垦方 土地"_s << QStringList{u"d-mine"_s};
    QTest::newRow("terms: one missing") << u"不动产 矿山"_s << QStringList{};
    // FTS5 syntax in user input is matched literally, never interpreted.
    QTest::newRow("syntax: quoted word") << u"\"解读\""_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: trailing quote") << u"解读\""_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: lone quote") << u"\""_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: star suffix") << u"土地*"_s << QStringList{};
    QTest::newRow("syntax: lone star") << u"*"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: OR") << u"OR"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: 征收 OR 征用") << u"征收 OR 征用"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: parentheses") << u"(一)"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: NEAR(") << u"NEAR(土地"_s << QStringList{};
    QTest::newRow("syntax: column filter") << u"title:土地"_s << QStringList{};
    QTest::newRow("syntax: caret and minus") << u"^土地 -规划"_s << QStringList{};
    QTest::newRow("syntax: short, quote") << u"读\""_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: short, quote first") << u"\"解"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: short, parenthesis") << u"一)"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: short, star") << u"地*"_s << QStringList{};
    QTest::newRow("syntax: short, caret") << u"^土"_s << QStringList{};
    QTest::newRow("syntax: AND") << u"AND"_s << QStringList{u"f-english"_s};
    QTest::newRow("syntax: short terms with OR") << u"土 OR 收"_s << QStringList{u"e-quote"_s};
    QTest::newRow("syntax: NOT") << u"NOT 土地"_s << QStringList{};
    QTest::newRow("syntax: braces") << u"{土}"_s << QStringList{};
    QTest::newRow("syntax: colon") << u"a:"_s << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("blank") << u"  \t "_s << QStringList{};
}

void TestLocalStore::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);

    LocalStore store(m_dir.filePath(u"search.db"_s));
    QVERIFY(store.open().ok());
    if (store.itemCount() == 0)
        QVERIFY(store.saveItems(searchFixture()));

    const QStringList found = store.search(query, 100);
    QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
    QCOMPARE(sorted(found), sorted(expected));
}

void TestLocalStore::searchOrderAndLimit()
{
    LocalStore store(m_dir.filePath(u"search-order.db"_s));
    QVERIFY(store.open().ok());
    for (int i = 0; i < 5; ++i)
        QVERIFY(store.saveItem(makeItem(u"n%1"_s.arg(i), u"不动产登记 %1"_s.arg(i), {})));
    // Most recently added first, for index and scan alike; a re-save keeps an item's place.
    QVERIFY(store.saveItem(makeItem(u"n1"_s, u"不动产登记 一"_s, {})));
    const QStringList order{u"n4"_s, u"n3"_s, u"n2"_s, u"n1"_s, u"n0"_s};
    QCOMPARE(store.search(u"不动产"_s, 10), order);
    QCOMPARE(store.search(u"登记"_s, 10), order);
    QCOMPARE(store.search(u"不动产"_s, 2), order.mid(0, 2));
    QCOMPARE(store.search(u"登记"_s, 3), order.mid(0, 3));
    QVERIFY(store.search(u"登记"_s, 0).isEmpty());
}

// A big write leaves its rows to the background indexer (SearchIndexer): until it has caught up they
// are found by reading them (ASCII case folded, LIKE's wildcards taken literally), changes and
// deletions of rows on either side are followed, and a store reopened with rows left over catches up.
void TestLocalStore::searchIndexCatchesUp()
{
    const QString path = m_dir.filePath(u"search-backlog.db"_s);
    auto store = std::make_unique<LocalStore>(path);
    QVERIFY(store->open().ok());
    // Indexed at once: a small write.
    QVERIFY(store->saveItems({makeItem(u"old-1"_s, u"早先的宅基地公告"_s, u"<p>Report 50%_x</p>"_s),
                              makeItem(u"old-2"_s, u"早先的公告"_s, u"<p>其他</p>"_s)}));
    QCOMPARE(store->searchBacklog(), 0);
    store->searchIndexer()->setDelay(60 * 60 * 1000); // not during the first half of the test

    QList<Item> many;
    for (int i = 0; i < 600; ++i)
        many.append(makeItem(u"m%1"_s.arg(i), u"批量第%1条"_s.arg(i),
                             i % 100 == 0 ? u"<p>宅基地 REPORT 50%_x</p>"_s : u"<p>耕地保护</p>"_s));
    QVERIFY2(store->saveItems(many), qPrintable(store->lastError()));
    QCOMPARE(store->searchBacklog(), 600);

    const QStringList expected{u"m500"_s, u"m400"_s, u"m300"_s, u"m200"_s, u"m100"_s, u"m0"_s, u"old-1"_s};
    const auto check = [&] {
        QCOMPARE(store->search(u"宅基地"_s, 100), expected);         // new rows first, then indexed ones
        QCOMPARE(store->search(u"宅基地"_s, 3), expected.mid(0, 3)); // the limit across both
        QCOMPARE(store->search(u"report"_s, 100), expected);         // ASCII case folded
        QCOMPARE(store->search(u"50%_x"_s, 100), expected);          // taken literally
        QVERIFY(store->search(u"50%%x"_s, 100).isEmpty());
        QCOMPARE(store->search(u"宅基地 50"_s, 100), expected); // with a short term
        QCOMPARE(store->search(u"宅基"_s, 100), expected);      // short terms alone
        QCOMPARE(store->search(u"宅"_s, 3), expected.mid(0, 3));
        QCOMPARE(store->search(u"re"_s, 100), expected);
        QCOMPARE(store->search(u"%_"_s, 100), expected);
        QCOMPARE(store->search(u"批量第597条"_s, 10), QStringList{u"m597"_s});
        QVERIFY2(store->lastError().isEmpty(), qPrintable(store->lastError()));
    };
    check();

    // A row changed and one removed before the indexer came.
    Item changed = many.at(599);
    changed.revisions[0].content.title = u"改过的标题"_s;
    QVERIFY(store->saveItem(changed));
    QVERIFY(store->removeItem(u"m598"_s));
    QVERIFY(store->search(u"批量第599条"_s, 10).isEmpty());
    QCOMPARE(store->search(u"改过的标题"_s, 10), QStringList{u"m599"_s});
    QVERIFY(store->search(u"批量第598条"_s, 10).isEmpty());

    // The indexer catches up in the background; the answers stay the same.
    QSignalSpy finished(store->searchIndexer(), &SearchIndexer::finished);
    store->searchIndexer()->setDelay(0);
    store->searchIndexer()->schedule();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().at(1).toString(), QString());
    QCOMPARE(store->searchBacklog(), 0);
    check();
    QCOMPARE(store->search(u"改过的标题"_s, 10), QStringList{u"m599"_s});
    QVERIFY(store->search(u"批量第598条"_s, 10).isEmpty());

    // Indexed rows changed and removed: the triggers follow.
    changed.revisions[0].content.title = u"再次改过"_s;
    QVERIFY(store->saveItem(changed));
    QVERIFY(store->removeItem(u"m500"_s));
    QVERIFY(store->search(u"改过的标题"_s, 10).isEmpty());
    QCOMPARE(store->search(u"再次改过"_s, 10), QStringList{u"m599"_s});
    QCOMPARE(store->search(u"再次"_s, 10), QStringList{u"m599"_s});
    QVERIFY(store->search(u"标题"_s, 10).isEmpty());
    QCOMPARE(store->search(u"宅基地"_s, 100), expected.mid(1));

    // Rows left unindexed by an earlier session are indexed after the next open.
    QList<Item> more;
    for (int i = 0; i < 300; ++i)
        more.append(makeItem(u"n%1"_s.arg(i), u"后来第%1条"_s.arg(i), u"<p>矿业权</p>"_s));
    store->searchIndexer()->setDelay(60 * 60 * 1000);
    QVERIFY(store->saveItems(more));
    QCOMPARE(store->searchBacklog(), 300);
    store.reset();
    store = std::make_unique<LocalStore>(path);
    QVERIFY(store->open().ok());
    QCOMPARE(store->search(u"矿业权"_s, 1000).size(), 300);
    QTRY_COMPARE_WITH_TIMEOUT(store->searchBacklog(), 0, 30000);
    QCOMPARE(store->search(u"矿业权"_s, 1000).size(), 300);
    QCOMPARE(store->search(u"后来第299条"_s, 10), QStringList{u"n299"_s});
}

// The character index's text (core/SearchText): each character and each pair of adjacent ones of every
// run of letters and digits; and the tokens that find a short term.
void TestLocalStore::searchCharacterTokens()
{
    const auto tokens = [](const QString &text) {
        QString out;
        searchtext::appendCharacterTokens(out, text);
        return out;
    };
    QCOMPARE(tokens(u"土地，Land"_s), u"土 土地 地 L La a an n nd d "_s);
    QCOMPARE(tokens(u"审"_s), u"审 "_s);
    QCOMPARE(tokens(u"（一）\"*\" ２０"_s), u"一 ２ ２０ ０ "_s);
    QCOMPARE(tokens(u" ,。 "_s), QString());
    QCOMPARE(tokens(QString()), QString());
    // A character beyond the BMP (CJK Extension B) is one character, alone and in pairs.
    const QString ext = u"𠀀"_s;
    QCOMPARE(tokens(u"土"_s + ext + u"地"_s), u"土 土"_s + ext + u' ' + ext + u' ' + ext + u"地 地 "_s);

    bool whole = false;
    QCOMPARE(searchtext::termTokens(u"土地"_s, &whole), QStringList{u"土地"_s});
    QVERIFY(whole);
    QCOMPARE(searchtext::termTokens(u"地"_s, &whole), QStringList{u"地"_s});
    QVERIFY(whole);
    QCOMPARE(searchtext::termTokens(ext, &whole), QStringList{ext});
    QVERIFY(whole);
    QCOMPARE(searchtext::termTokens(u"地*"_s, &whole), QStringList{u"地"_s});
    QVERIFY(!whole);
    QCOMPARE(searchtext::termTokens(u"\""_s, &whole), QStringList{});
    QVERIFY(!whole);

    QCOMPARE(searchtext::ftsString(u"a\"b"_s), u"\"a\"\"b\""_s);
}

// Terms of 1 or 2 characters are looked up in the character index, never found by reading the items:
// a query of them reads the index and then each hit's row by its seq (a 2-character term with no hit
// used to read all 100,000 rows, half a second).
void TestLocalStore::searchShortTermsUseTheIndex()
{
    LocalStore store(m_dir.filePath(u"search-plan.db"_s));
    QVERIFY(store.open().ok());
    QVERIFY(store.saveItems(searchFixture()));
    const auto readsItems = [](const QStringList &plan) {
        return std::any_of(plan.cbegin(), plan.cend(), [](const QString &line) {
            return line == "SCAN i"_L1 || line.startsWith("SCAN i "_L1);
        });
    };
    const auto uses = [](const QStringList &plan, const QString &table) {
        return std::any_of(plan.cbegin(), plan.cend(),
                           [&](const QString &line) { return line.startsWith(u"SCAN "_s + table + u' '); });
    };
    for (const QString &query : {u"土地"_s, u"审"_s, u"海洋"_s, u"la"_s, u"土 复垦"_s, u"，压"_s, u"一)"_s}) {
        const QStringList plan = store.searchPlan(query);
        QVERIFY2(uses(plan, u"items_chars"_s) && !readsItems(plan),
                 qPrintable(query + u": "_s + plan.join(u"; "_s)));
    }
    for (const QString &query : {u"不动产"_s, u"不动产 登记"_s}) {
        const QStringList plan = store.searchPlan(query);
        QVERIFY2(uses(plan, u"items_fts"_s) && !readsItems(plan),
                 qPrintable(query + u": "_s + plan.join(u"; "_s)));
    }
    // Punctuation alone is in no index: those rows are read (and found).
    QVERIFY(readsItems(store.searchPlan(u"\""_s)));
    QCOMPARE(store.search(u"\""_s, 10), QStringList{u"e-quote"_s});
    QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));

    // The character index follows changes and removals of indexed rows (the triggers).
    QCOMPARE(store.search(u"矿"_s, 10), QStringList{u"d-mine"_s});
    Item changed = searchFixture().at(3);
    changed.revisions[0].content.title = u"海洋渔业"_s;
    changed.revisions[0].content.bodyHtml = u"<p>海域使用</p>"_s;
    QVERIFY(store.saveItem(changed));
    QVERIFY(store.search(u"矿"_s, 10).isEmpty());
    QCOMPARE(store.search(u"海"_s, 10), QStringList{u"d-mine"_s});
    QCOMPARE(store.search(u"海域"_s, 10), QStringList{u"d-mine"_s});
    QVERIFY(store.removeItem(u"d-mine"_s));
    QVERIFY(store.search(u"海"_s, 10).isEmpty());
    QVERIFY(store.search(u"土地"_s, 10) == QStringList{u"e-quote"_s});
    store.close();
    QString error;
    QVERIFY2(rawExec(store.path(), {u"INSERT INTO items_chars (items_chars) VALUES ('integrity-check')"_s},
                     &error),
             qPrintable(error));
}

// A store of schema 5 (before the character index) is upgraded: its rows are indexed in the upgrade,
// and 1–2 character terms are then looked up, found as before, for new and changed rows too. The file
// of schema 5 is today's without what schema 6 added (it only adds: a table and its triggers).
void TestLocalStore::searchAfterUpgradeFromVersion5()
{
    const QString path = m_dir.filePath(u"v5.db"_s);
    const QList<Item> items = searchFixture();
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.saveItems(items));
    }
    QString error;
    QVERIFY2(rawExec(path,
                     {u"DROP TRIGGER items_chars_insert"_s, u"DROP TRIGGER items_chars_delete"_s,
                      u"DROP TRIGGER items_chars_update"_s, u"DROP TABLE items_chars"_s,
                      u"PRAGMA user_version = 5"_s},
                     &error),
             qPrintable(error));

    LocalStore store(path);
    const LocalStore::OpenResult r = store.open();
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.status, LocalStore::OpenStatus::Upgraded);
    QCOMPARE(r.fromVersion, 5);
    QCOMPARE(store.searchBacklog(), 0);
    QCOMPARE(sorted(store.search(u"规"_s, 10)), (QStringList{u"a-land"_s, u"c-plan"_s}));
    QCOMPARE(sorted(store.search(u"土地"_s, 10)), (QStringList{u"d-mine"_s, u"e-quote"_s}));
    QCOMPARE(store.search(u"ＧＩ"_s, 10), QStringList{u"h-fullwidth"_s});
    QVERIFY(store.search(u"土复"_s, 10).isEmpty());
    QVERIFY(store.search(u"海洋"_s, 10).isEmpty());
    QCOMPARE(store.search(u"不动产登记"_s, 10), QStringList{u"b-register"_s});
    const QStringList plan = store.searchPlan(u"土地"_s);
    QVERIFY2(plan.join(u'\n').contains(u"items_chars"_s), qPrintable(plan.join(u"; "_s)));

    QVERIFY(store.saveItem(makeItem(u"g-new"_s, u"海洋渔业"_s, {})));
    QCOMPARE(store.search(u"海"_s, 10), QStringList{u"g-new"_s});
    QVERIFY(store.removeItem(u"a-land"_s));
    QCOMPARE(store.search(u"规"_s, 10), QStringList{u"c-plan"_s});
    QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
}

void TestLocalStore::migrationFromVersion1()
{
    const QString path = m_dir.filePath(u"v1.db"_s);
    const QList<Item> items = searchFixture();
    QStringList statements = kVersion1Schema;
    for (const Item &item : items)
        statements.append(v1Insert(item));
    statements.append(
        u"INSERT INTO organization (id, data, updated_at) VALUES (1, %1, '2024-05-01T00:00:00.000Z')"_s.arg(
            sqlString(QString::fromUtf8(
                QJsonDocument(smallOrganization().toJson()).toJson(QJsonDocument::Compact)))));
    QString error;
    QVERIFY2(rawExec(path, statements, &error), qPrintable(error));

    {
        LocalStore store(path);
        const LocalStore::OpenResult r = store.open();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.status, LocalStore::OpenStatus::Upgraded);
        QCOMPARE(r.fromVersion, 1);

        // Everything is still there, and the new index finds the old rows.
        QCOMPARE(store.itemCount(), items.size());
        for (const Item &item : items)
            QCOMPARE(*store.item(item.id), item);
        QCOMPARE(store.organization()->toJson(), smallOrganization().toJson());
        QCOMPARE(store.search(u"不动产登记"_s, 10), QStringList{u"b-register"_s});
        QCOMPARE(store.search(u"矿山地质环境"_s, 10), QStringList{u"d-mine"_s});
        QCOMPARE(sorted(store.search(u"土地"_s, 10)), (QStringList{u"d-mine"_s, u"e-quote"_s}));
        QCOMPARE(store.search(u"审"_s, 10), QStringList{u"d-mine"_s});
        QVERIFY(store.search(u"海洋"_s, 10).isEmpty());

        // The triggers of version 2 index new and changed rows.
        QVERIFY(store.saveItem(makeItem(u"g-new"_s, u"地质灾害防治方案"_s, {})));
        QCOMPARE(store.search(u"地质灾害"_s, 10), QStringList{u"g-new"_s});
        QCOMPARE(store.search(u"灾害"_s, 10), QStringList{u"g-new"_s});
    }
    LocalStore store(path);
    const LocalStore::OpenResult r = store.open();
    QCOMPARE(r.status, LocalStore::OpenStatus::Opened);
    QCOMPARE(r.fromVersion, LocalStore::kSchemaVersion);
    QCOMPARE(store.itemCount(), items.size() + 1);
}

void TestLocalStore::newerSchemaRefused()
{
    const QString path = m_dir.filePath(u"newer/store.db"_s);
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.saveItem(makeItem(u"keep"_s, u"未来的文件"_s, {})));
    }
    const int newer = LocalStore::kSchemaVersion + 1;
    QVERIFY(rawExec(path, {u"PRAGMA user_version = %1"_s.arg(newer)}));
    const QByteArray before = fileBytes(path);
    QVERIFY(!before.isEmpty());
    const QStringList filesBefore = QDir(m_dir.filePath(u"newer"_s)).entryList(QDir::Files);

    {
        LocalStore store(path);
        const LocalStore::OpenResult r = store.open();
        QCOMPARE(r.status, LocalStore::OpenStatus::Failed);
        QVERIFY(!store.isOpen());
        QVERIFY(r.quarantinedPath.isEmpty());
        QVERIFY2(r.message.contains(u"newer version of Baosong"_s), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"schema %1"_s.arg(newer)), qPrintable(r.message));
        QVERIFY2(r.message.contains(u"up to schema %1"_s.arg(LocalStore::kSchemaVersion)),
                 qPrintable(r.message));
        QVERIFY2(r.message.contains(u"Update Baosong"_s), qPrintable(r.message));
        QCOMPARE(store.lastError(), r.message);
        QVERIFY(!store.saveItem(makeItem(u"x"_s, u"x"_s, {})));
    }
    QCOMPARE(fileBytes(path), before); // byte for byte
    QCOMPARE(QDir(m_dir.filePath(u"newer"_s)).entryList(QDir::Files), filesBefore);
}

void TestLocalStore::corruptFileKeptAside_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("garbage over the header") << u"header"_s;
    QTest::newRow("garbage over pages") << u"pages"_s;
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("not a database at all") << u"text"_s;
}

void TestLocalStore::corruptFileKeptAside()
{
    QFETCH(QString, damage);
    const QString dir = m_dir.filePath(u"corrupt-"_s + damage);
    const QString path = dir + u"/store.db"_s;
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QList<Item> items;
        QRandomGenerator random(7);
        for (int i = 0; i < 400; ++i) {
            QString body;
            for (int w = 0; w < 150; ++w)
                body += QStringList{u"自然资源"_s, u"国土空间规划"_s, u"不动产登记"_s, u"耕地"_s}.at(
                    random.bounded(4));
            items.append(makeItem(u"c%1"_s.arg(i), u"第%1条"_s.arg(i), u"<p>"_s + body + u"</p>"_s));
        }
        QVERIFY(store.saveItems(items));
    }
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s)); // all in the main file

    QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.size() > 64 * 4096);
    QRandomGenerator random(42);
    const auto garbage = [&random](qsizetype n) {
        QByteArray g(n, Qt::Uninitialized);
        for (char &c : g)
            c = char(random.bounded(256));
        return g;
    };
    if (damage == u"header"_s)
        bytes.replace(0, 100, garbage(100));
    else if (damage == u"pages"_s)
        bytes.replace(bytes.size() / 3, bytes.size() / 3, garbage(bytes.size() / 3));
    else if (damage == u"truncate"_s)
        bytes.truncate(bytes.size() / 2);
    else
        bytes = QByteArray("Dear colleague,\nplease find the minutes attached.\n").repeated(200);
    QVERIFY(writeBytes(path, bytes));

    LocalStore store(path);
    const LocalStore::OpenResult r = store.open();
    QCOMPARE(r.status, LocalStore::OpenStatus::Failed);
    QVERIFY(!store.isOpen());
    QVERIFY(!r.quarantinedPath.isEmpty());
    QVERIFY2(r.message.contains(QDir::toNativeSeparators(r.quarantinedPath)), qPrintable(r.message));
    QVERIFY2(r.message.contains(u"damaged"_s), qPrintable(r.message));
    QVERIFY(QFileInfo(r.quarantinedPath).fileName().startsWith(u"store.db.corrupt-"_s));
    QVERIFY(QRegularExpression(u"\\.corrupt-\\d{8}-\\d{6}(-\\d+)?$"_s).match(r.quarantinedPath).hasMatch());

    // The damaged copy is kept as it was; no empty store was put in its place.
    QCOMPARE(fileBytes(r.quarantinedPath), bytes);
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!store.saveItem(makeItem(u"x"_s, u"x"_s, {})));

    // Only an explicit second open() starts a new, empty store.
    const LocalStore::OpenResult again = store.open();
    QCOMPARE(again.status, LocalStore::OpenStatus::Created);
    QCOMPARE(store.itemCount(), 0);
    QVERIFY(QFileInfo::exists(r.quarantinedPath));
}

// The client defers the whole-file check to the background (to show its queue at once): damage found
// there is not ignored: the next open checks the file and moves it aside, as an open with the check.
void TestLocalStore::deferredCheckFindsDamageForTheNextOpen()
{
    const QString path = m_dir.filePath(u"deferred/store.db"_s);
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QList<Item> items;
        for (int i = 0; i < 400; ++i)
            items.append(
                makeItem(u"d%1"_s.arg(i), u"第%1条"_s.arg(i), u"<p>"_s + QString(300, u'规') + u"</p>"_s));
        QVERIFY(store.saveItems(items));
    }
    QVERIFY(LocalStore::integrityProblems(path).isEmpty());
    QVERIFY(!QFileInfo::exists(path + u".check-at-open"_s));

    QByteArray bytes = fileBytes(path);
    bytes.replace(bytes.size() / 2, 8 * 4096, QByteArray(8 * 4096, '\x5a'));
    QVERIFY(writeBytes(path, bytes));

    const QStringList problems = LocalStore::integrityProblems(path);
    QVERIFY(!problems.isEmpty());
    QVERIFY(QFileInfo::exists(path + u".check-at-open"_s));

    LocalStore store(path);
    store.setDeferredCheck(true);
    const LocalStore::OpenResult r = store.open();
    QCOMPARE(r.status, LocalStore::OpenStatus::Failed);
    QVERIFY(!r.quarantinedPath.isEmpty());
    QCOMPARE(fileBytes(r.quarantinedPath), bytes);
    QVERIFY(!QFileInfo::exists(path + u".check-at-open"_s));
}

void TestLocalStore::draftsSurviveKill()
{
    const QString path = m_dir.filePath(u"crash/store.db"_s);
    const QString child = QStringLiteral(STORE_CRASH_CHILD);
    QVERIFY2(QFileInfo::exists(child), qPrintable(child));

    struct Reported
    {
        int version = 0;
        QByteArray hash;
    };
    QHash<QString, Reported> reported; // id -> the last version the child reported as committed
    int totalReported = 0;
    int roundsWithWrites = 0;
    QRandomGenerator random(QRandomGenerator::global()->generate());
    // BAOSONG_CRASH_ROUNDS: the long version (the bench_crash target runs 300).
    const int rounds = qEnvironmentVariableIntValue("BAOSONG_CRASH_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("BAOSONG_CRASH_ROUNDS")
                           : 36;
    for (int round = 0; round < rounds; ++round) {
        QProcess process;
        process.setProgram(child);
        process.setArguments({path, u"r%1"_s.arg(round), QString::number(random.generate())});
        process.start();
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        // The first rounds die while the child starts, opens or creates the store; the others while
        // it writes: once it has said its first save (however loaded the machine), 0–130 ms later.
        if (round < 4) {
            QThread::msleep(random.bounded(1, 16));
        } else {
            process.waitForReadyRead(30000);
            QThread::msleep(random.bounded(0, 131));
        }
        process.kill(); // SIGKILL
        QVERIFY(process.waitForFinished(10000));
        if (process.exitStatus() == QProcess::NormalExit) // it must not have stopped on its own
            QFAIL(qPrintable(u"child exited with %1: %2"_s.arg(process.exitCode())
                                 .arg(QString::fromLocal8Bit(process.readAllStandardError()))));

        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        // The last element is an unfinished line (or empty): only whole lines count.
        int written = 0;
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> fields = lines.at(i).split(' ');
            QCOMPARE(fields.size(), 3);
            reported.insert(QString::fromUtf8(fields.at(0)), Reported{fields.at(1).toInt(), fields.at(2)});
            ++written;
        }
        totalReported += written;
        if (written > 0)
            ++roundsWithWrites;
        // Reopened after every kill: PRAGMA integrity_check passes, and every save reported so far is
        // there (its content is compared at the end).
        if (!QFileInfo::exists(path)) {
            QVERIFY2(reported.isEmpty(), "the store file is gone"); // killed before it made the file
            continue;
        }
        const QString integrity = test::sqliteIntegrityCheck(path);
        QVERIFY2(integrity == "ok"_L1, qPrintable(u"round %1: %2"_s.arg(round).arg(integrity)));
        if (written > 0) {
            LocalStore check(path);
            QVERIFY(check.open().ok());
            for (auto it = reported.cbegin(); it != reported.cend(); ++it)
                QVERIFY2(check.item(it.key()),
                         qPrintable(u"round %1: %2 missing"_s.arg(round).arg(it.key())));
        }
    }
    qInfo("%d rounds, %d rounds killed while writing, %d saves reported, %lld distinct drafts", rounds,
          roundsWithWrites, totalReported, qint64(reported.size()));
    QVERIFY(roundsWithWrites >= rounds / 3);

    LocalStore store(path);
    const LocalStore::OpenResult r = store.open(); // runs the integrity check
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.status, LocalStore::OpenStatus::Opened);
    QVERIFY(store.itemCount() >= reported.size());

    static const QRegularExpression versionInTitle(u" 第(\\d+)稿 "_s);
    for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
        const std::optional<Item> item = store.item(it.key());
        QVERIFY2(item, qPrintable(u"reported draft %1 is missing"_s.arg(it.key())));
        const int storedVersion = versionInTitle.match(item->latest()->content.title).captured(1).toInt();
        if (storedVersion == it->version) {
            const QByteArray hash =
                QCryptographicHash::hash(QJsonDocument(json::toJson(*item)).toJson(QJsonDocument::Compact),
                                         QCryptographicHash::Sha256)
                    .toHex();
            QCOMPARE(hash, it->hash); // exactly the content it reported
        } else {
            // Only a save committed just before the kill, before it could be reported, may be newer.
            QCOMPARE(storedVersion, it->version + 1);
        }
    }
    // The search index went through the same kills and still matches the table.
    QVERIFY(store.search(reported.cbegin().key(), 1000).contains(reported.cbegin().key()));
    store.close();
    QString error;
    QVERIFY2(rawExec(path,
                     {u"INSERT INTO items_fts (items_fts) VALUES ('integrity-check')"_s,
                      u"INSERT INTO items_chars (items_chars) VALUES ('integrity-check')"_s},
                     &error),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
