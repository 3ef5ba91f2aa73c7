// The server's store (server/ServerStore): schema and server id, the organization, accounts, sessions,
// items with change-feed sequence numbers and tombstones, idempotent actions, transactions, concurrent
// writers, the hash-chained audit log and its verification, backups and index serials (docs/design.md §6–§9).
//
// Every case runs on both backends: SQLite in a temporary directory, and PostgreSQL from the
// environment variable BAOSONG_TEST_PG ("host=127.0.0.1 port=55432 dbname=baosong_test user=baosong
// password=..."), as scripts/pg-test-cluster.sh prints it (scripts/test.sh starts that cluster).
// Without it the PostgreSQL cases fail. Each PostgreSQL case starts from an empty `public` schema.

#include "ChangeRelay.h"
#include "DomainJson.h"
#include "ServerStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

#include <atomic>
#include <latch>
#include <memory>

using namespace Qt::StringLiterals;
using namespace baosong;
using namespace baosong::server;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

Item makeItem(const QString &id, const QString &unitId = u"planning"_s,
              const QString &authorId = u"zhangwei"_s, WorkflowState state = WorkflowState::Draft)
{
    Item item;
    item.id = id;
    item.kind = ItemKind::News;
    item.unitId = unitId;
    item.authorId = authorId;
    item.state = state;
    Revision r;
    r.number = 1;
    r.authorId = authorId;
    r.createdAt = utc(2024, 5, 2, 9, 30, 0, 123);
    r.content.title = u"局召开安全生产工作会议 %1"_s.arg(id);
    r.content.bodyHtml = u"<p>会议强调，要压实责任。</p>"_s;
    r.content.columnId = u"news"_s;
    r.content.infoDate = QDate(2024, 5, 1);
    item.revisions = {r};
    return item;
}

// What an action of zhangwei's writes: `item`, one audit event of `type`, and its record (200, "{}").
ServerStore::ActionWrites actionWrites(const Item &item, const QString &actionId, const QString &type,
                                       bool known)
{
    ServerStore::ActionWrites w;
    w.item = item;
    w.known = known;
    AuditEvent e;
    e.actorId = u"zhangwei"_s;
    e.subjectId = item.id;
    e.type = type;
    w.events.append(e);
    w.record.actionId = actionId;
    w.record.personId = u"zhangwei"_s;
    w.record.itemId = item.id;
    w.record.status = 200;
    w.record.response = "{}";
    return w;
}

// An item using every field, with Chinese text.
Item fullItem()
{
    Item item;
    item.id = u"0b6f3c1e-6a57-4c3e-9d0e-2f9b7d1a4c11"_s;
    item.kind = ItemKind::Disclosure;
    item.unitId = u"planning"_s;
    item.authorId = u"zhangwei"_s;
    item.state = WorkflowState::InReview;
    item.proposal = Proposal::Change;
    item.stageId = u"leader"_s;
    item.liveRevision = 1;
    item.publishedAt = utc(2024, 3, 5, 1, 2, 3, 456);
    item.indexNumber = u"113301000025/2024-00042"_s;

    Revision r1;
    r1.number = 1;
    r1.authorId = u"zhangwei"_s;
    r1.createdAt = utc(2024, 3, 1, 8, 30, 0, 1);
    r1.content.title = u"关于《国土空间总体规划（2021—2035年）》批前公示的公告"_s;
    r1.content.bodyHtml = u"<p>根据《中华人民共和国土地管理法》&amp;有关规定，现予公示。</p>"_s;
    r1.content.columnId = u"planning-notices"_s;
    r1.content.infoDate = QDate(2024, 2, 29);
    r1.content.urgent = true;
    r1.content.catalogueEntry = u"规划计划"_s;
    r1.content.documentNumber = u"某自然资规〔2024〕3号"_s;
    r1.content.majorPolicy = true;
    r1.content.interpretationItemId = u"interp-7"_s;
    r1.content.toMunicipalPortal = true;
    Attachment a;
    a.id = u"att-1"_s;
    a.fileName = u"公示图件（一）.pdf"_s;
    a.mimeType = u"application/pdf"_s;
    a.size = 7;
    a.sha256 = QCryptographicHash::hash("map one", QCryptographicHash::Sha256);
    r1.content.attachments = {a};

    Revision r2 = r1;
    r2.number = 2;
    r2.authorId = u"lina"_s;
    r2.createdAt = utc(2024, 3, 6, 23, 59, 59, 999);
    r2.content.title = u"关于国土空间总体规划批前公示延期的公告"_s;
    r2.content.sourceSite = u"省自然资源厅"_s;
    r2.content.sourceUrl = u"https://zrzyt.example.gov.cn/art/2024/3/6/art_1.html"_s;
    r2.content.meeting = u"局长办公会"_s;
    r2.content.meetingDate = QDate(2024, 3, 4);
    item.revisions = {r1, r2};

    Decision d;
    d.stageId = u"unit_head"_s;
    d.personId = u"wangfang"_s;
    d.type = DecisionType::Return;
    d.revision = 1;
    d.reason = u"附件缺少图例，请补充。"_s;
    d.cycle = 1;
    d.overrideReason = u"解读随后发布"_s;
    d.at = utc(2024, 3, 2, 9, 0, 0, 0);
    item.decisions = {d};
    item.cycle = 1;

    Comment c;
    c.personId = u"wangfang"_s;
    c.revision = 2;
    c.text = u"“公示期”请写明起止日期。\n另：注意保密审查。"_s;
    c.at = utc(2024, 3, 7, 8, 0, 0, 500);
    item.comments = {c};
    return item;
}

Person makePerson(const QString &id, const QString &name, const QString &unitId, Role role)
{
    Person p;
    p.id = id;
    p.name = name;
    p.title = u"科员"_s;
    p.unitId = unitId;
    RoleGrant g;
    g.role = role;
    g.unitIds = {unitId};
    p.grants = {g};
    return p;
}

AuditEvent makeEvent(const QString &type, const QString &subject, int n)
{
    AuditEvent e;
    e.actorId = u"zhangwei"_s;
    e.type = type;
    e.subjectId = subject;
    e.details = QJsonObject{{u"n"_s, n}, {u"reason"_s, u"附件缺少图例"_s}};
    return e;
}

QStringList ids(const QList<Item> &items)
{
    QStringList out;
    for (const Item &item : items)
        out.append(item.id);
    return out;
}

// Runs SQL on the store's connection of this thread; fails the test with the error otherwise.
bool sql(ServerStore &store, const QString &statement, const QVariantList &values = {})
{
    QSqlQuery q(store.database());
    bool ok = values.isEmpty() ? q.exec(statement) : q.prepare(statement);
    if (ok && !values.isEmpty()) {
        for (const QVariant &v : values)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok)
        qWarning() << statement << q.lastError().text();
    return ok;
}

QVariant sqlValue(ServerStore &store, const QString &statement, const QVariantList &values = {})
{
    QSqlQuery q(store.database());
    q.prepare(statement);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning() << statement << q.lastError().text();
        return {};
    }
    return q.value(0);
}

// Drops the triggers that keep the audit log append-only, as someone with database access could.
bool dropAuditTriggers(ServerStore &store)
{
    if (store.config().isPostgres()) {
        return sql(store, u"DROP TRIGGER audit_no_change ON audit"_s) &&
               sql(store, u"DROP TRIGGER audit_no_truncate ON audit"_s);
    }
    return sql(store, u"DROP TRIGGER audit_no_update"_s) && sql(store, u"DROP TRIGGER audit_no_delete"_s);
}

} // namespace

class TestServerStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void openCreatesSchemaAndServerId_data() { addBackends(); }
    void openCreatesSchemaAndServerId();
    void everySqliteConnectionDurable_data();
    void everySqliteConnectionDurable();
    void newerSchemaRefused_data() { addBackends(); }
    void newerSchemaRefused();
    void attachmentNamesKeptAndMigrated_data() { addBackends(); }
    void attachmentNamesKeptAndMigrated();
    void organizationRoundTrip_data() { addBackends(); }
    void keptStatementsNest_data() { addBackends(); }
    void keptStatementsNest();
    void oneRendererAtATime_data() { addBackends(); }
    void oneRendererAtATime();
    void organizationRoundTrip();
    void accountsBookkeeping_data() { addBackends(); }
    void accountsBookkeeping();
    void sessions_data() { addBackends(); }
    void sessions();
    void itemRoundTripAndSequence_data() { addBackends(); }
    void itemRoundTripAndSequence();
    void deleteLeavesTombstone_data() { addBackends(); }
    void deleteLeavesTombstone();
    void changesPaging_data() { addBackends(); }
    void changesPaging();
    void pruneTombstones_data() { addBackends(); }
    void pruneTombstones();
    void itemsInReviewByRole_data() { addBackends(); }
    void itemsInReviewByRole();
    void itemsOfUnitsOrAuthor_data() { addBackends(); }
    void itemsOfUnitsOrAuthor();
    void actions_data() { addBackends(); }
    void actions();
    void actionWritesInOneStep_data() { addBackends(); }
    void actionWritesInOneStep();
    void oneServersActionsCallOnce_data() { addBackends(); }
    void oneServersActionsCallOnce();
    void cacheVersionsReadOncePerRequest_data() { addBackends(); }
    void cacheVersionsReadOncePerRequest();
    void expectedActionReadWithVersions_data() { addBackends(); }
    void expectedActionReadWithVersions();
    void guessedActionsCheckedUnderTheLock_data() { addBackends(); }
    void guessedActionsCheckedUnderTheLock();
    void relaysFindOutWhoElseListens_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("postgresql") << u"postgresql"_s; // relays are for servers sharing PostgreSQL
    }
    void relaysFindOutWhoElseListens();
    void transactionRollback_data() { addBackends(); }
    void transactionRollback();
    void concurrentWriters_data() { addBackends(); }
    void concurrentWriters();
    void auditAppendAndRead_data() { addBackends(); }
    void auditAppendAndRead();
    void auditDetectsChangedEvent_data() { addBackends(); }
    void auditDetectsChangedEvent();
    void auditDetectsRemovedEvent_data() { addBackends(); }
    void auditDetectsRemovedEvent();
    void auditDetectsTruncatedLog_data() { addBackends(); }
    void auditDetectsTruncatedLog();
    void auditDetectsSwappedEvents_data() { addBackends(); }
    void auditDetectsSwappedEvents();
    void auditVerifyLongLog_data() { addBackends(); }
    void auditVerifyLongLog();
    void backupWhileWriting_data() { addBackends(); }
    void backupWhileWriting();
    void indexSerials_data() { addBackends(); }
    void indexSerials();
    void postgresReconnects_data();
    void postgresReconnects();

private:
    static void addBackends();
    bool postgres() const { return m_config.isPostgres(); }
    // Appends `n` events in their own transactions; false on the first failure.
    static bool appendEvents(ServerStore &store, int n);

    StoreConfig m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestServerStore::addBackends()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestServerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_config = StoreConfig();
    if (QString::fromLatin1(QTest::currentDataTag()) != u"postgresql"_s) {
        m_config.sqlitePath = m_dir->filePath(u"server.db"_s);
        return;
    }

    const QString env = qEnvironmentVariable("BAOSONG_TEST_PG");
    if (env.isEmpty()) {
        QFAIL("BAOSONG_TEST_PG is not set, so the PostgreSQL cases can't run. Run scripts/test.sh, which "
              "starts a throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh) and sets it.");
    }
    m_config.driver = u"QPSQL"_s;
    for (const QString &part : env.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0);
        const QString value = part.section(u'=', 1);
        if (key == u"host"_s)
            m_config.host = value;
        else if (key == u"port"_s)
            m_config.port = value.toInt();
        else if (key == u"dbname"_s)
            m_config.database = value;
        else if (key == u"user"_s)
            m_config.user = value;
        else if (key == u"password"_s)
            m_config.password = value;
    }
    QCOMPARE(m_config.host, u"127.0.0.1"_s);
    QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s), "install libqt6sql6-psql");

    // This test's own database next to the given one (so that other PostgreSQL tests running at the
    // same time don't disturb it), with an empty `public` schema for every case.
    const QString own = m_config.database + u"_server_store"_s;
    auto runAdmin = [this](const QString &database, const QStringList &statements) {
        const QString name = u"tst_server_store.admin"_s;
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(m_config.host);
            db.setPort(m_config.port);
            db.setDatabaseName(database);
            db.setUserName(m_config.user);
            db.setPassword(m_config.password);
            if (!db.open()) {
                error = db.lastError().text();
            } else {
                QSqlQuery q(db);
                for (const QString &statement : statements) {
                    if (!q.exec(statement)) {
                        error = q.lastError().text();
                        break;
                    }
                }
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return error;
    };
    static bool created = false;
    if (!created) {
        const QString error =
            runAdmin(m_config.database, {u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(own),
                                         u"CREATE DATABASE %1"_s.arg(own)});
        QVERIFY2(error.isEmpty(), qPrintable(u"PostgreSQL from BAOSONG_TEST_PG: "_s + error));
        created = true;
    }
    const QString error = runAdmin(own, {u"SET client_min_messages = warning"_s,
                                         u"DROP SCHEMA public CASCADE"_s, u"CREATE SCHEMA public"_s});
    QVERIFY2(error.isEmpty(), qPrintable(u"PostgreSQL from BAOSONG_TEST_PG: "_s + error));
    m_config.database = own;
}

void TestServerStore::cleanup()
{
    m_dir.reset();
}

bool TestServerStore::appendEvents(ServerStore &store, int n)
{
    for (int i = 1; i <= n; ++i) {
        AuditEvent e = makeEvent(u"action.approve"_s, u"item-%1"_s.arg(i), i);
        if (!store.appendAudit(e))
            return false;
    }
    return true;
}

// A new store gets the schema and a random server id, which a reopen keeps.
void TestServerStore::openCreatesSchemaAndServerId()
{
    QString serverId;
    {
        ServerStore store(m_config);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        serverId = store.serverId();
        QVERIFY(!QUuid::fromString(serverId).isNull());
        QCOMPARE(sqlValue(store, u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
                 QString::number(ServerStore::kSchemaVersion));
        QCOMPARE(store.latestSequence(), 0);
        QCOMPARE(store.oldestValidCursor(), 0);
        QVERIFY(store.units().isEmpty());
        QVERIFY(store.changesSince(0, 100).isEmpty());
        QVERIFY(store.verifyAudit().ok);
        QVERIFY(store.saveUnit(Unit{u"office"_s, u"局办公室"_s, UnitType::Office, u"001"_s}));
        if (!postgres()) {
            QCOMPARE(sqlValue(store, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
            QCOMPARE(sqlValue(store, u"PRAGMA synchronous"_s).toInt(), 2); // FULL
            QCOMPARE(sqlValue(store, u"PRAGMA busy_timeout"_s).toInt(), 10000);
        }
    }
    ServerStore again(m_config);
    QString error;
    QVERIFY2(again.open(&error), qPrintable(error));
    QCOMPARE(again.serverId(), serverId);
    QCOMPARE(again.units().size(), 1);
}

void TestServerStore::everySqliteConnectionDurable_data()
{
    // SQLite's settings (PostgreSQL's durability is the server's own: fsync, synchronous_commit).
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
}

// Every connection the SQLite store opens is set up alike (issue #20): WAL, synchronous=FULL, foreign
// keys, a 10 s busy timeout. The store opens one connection per thread (ServerStore::database(), the
// only place the server opens one: the HTTPS server's worker threads each get theirs), and opens it
// again the same way after it was lost.
void TestServerStore::everySqliteConnectionDurable()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    // The settings of the calling thread's connection, as SQLite reports them.
    const auto settings = [&store] {
        return QStringList{sqlValue(store, u"PRAGMA journal_mode"_s).toString(),
                           sqlValue(store, u"PRAGMA synchronous"_s).toString(),
                           sqlValue(store, u"PRAGMA busy_timeout"_s).toString(),
                           sqlValue(store, u"PRAGMA foreign_keys"_s).toString()};
    };
    const QStringList expected{u"wal"_s, u"2"_s, u"10000"_s, u"1"_s}; // synchronous 2: FULL
    QCOMPARE(settings(), expected);
    const QString mainConnection = store.database().connectionName();

    constexpr int kThreads = 4;
    QMutex mutex;
    QList<QStringList> seen;
    QSet<QString> names;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&] {
            const QStringList mine = settings();
            const QString name = store.database().connectionName();
            QMutexLocker lock(&mutex);
            seen.append(mine);
            names.insert(name);
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(30000));
    QCOMPARE(seen.size(), kThreads);
    for (const QStringList &s : std::as_const(seen))
        QCOMPARE(s, expected);
    QCOMPARE(names.size(), kThreads); // one connection per thread
    QVERIFY(!names.contains(mainConnection));

    // A lost connection is opened again, set up the same way.
    store.database().close();
    QCOMPARE(settings(), expected);
    QCOMPARE(store.database().connectionName(), mainConnection);
}

// Which items name a file, and who sent it (schema 5): kept by saveItem and uploads, and filled from
// the items of a store of schema 4 when it migrates (each revision's author owns what it names).
void TestServerStore::attachmentNamesKeptAndMigrated()
{
    const Item item = fullItem();
    const QByteArray hex = item.revisions.first().content.attachments.first().sha256.toHex();
    {
        ServerStore store(m_config);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(store.saveItem(item, QString()));
        QCOMPARE(store.itemsWithBlob(hex, 10), QStringList{item.id});
        QCOMPARE(store.ownsBlob(hex, u"zhangwei"_s), std::optional<bool>(false));
        QVERIFY(store.addBlobOwner(hex, u"zhangwei"_s));
        QVERIFY(store.addBlobOwner(hex, u"zhangwei"_s)); // again: no harm
        QCOMPARE(store.ownsBlob(hex, u"zhangwei"_s), std::optional<bool>(true));
        // Back to a store of schema 4.
        QVERIFY(sql(store, u"DROP TABLE blob_owners"_s));
        QVERIFY(sql(store, u"DROP TABLE item_blobs"_s));
        QVERIFY(sql(store, u"DROP TABLE render_queue"_s)); // schema 6
        for (const QString &table :
             {u"site_entries"_s, u"site_listing"_s, u"site_blobs"_s, u"site_pages_due"_s})
            QVERIFY(sql(store, u"DROP TABLE "_s + table));       // schema 7
        QVERIFY(sql(store, u"DROP TABLE word_lists"_s));         // schema 8
        QVERIFY(sql(store, u"DROP TABLE portal_queue"_s));       // schema 9
        QVERIFY(sql(store, u"DROP TABLE inspection_notices"_s)); // schema 10
        QVERIFY(sql(store, u"DROP INDEX audit_type_at"_s));
        QVERIFY(sql(store, u"DELETE FROM counters WHERE name = 'auth'"_s));
        QVERIFY(sql(store, u"UPDATE meta SET value = '4' WHERE key = 'schema_version'"_s));
    }
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(sqlValue(store, u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
             QString::number(ServerStore::kSchemaVersion));
    QCOMPARE(store.itemsWithBlob(hex, 10), QStringList{item.id});
    QCOMPARE(store.ownsBlob(hex, u"zhangwei"_s), std::optional<bool>(true));
    QCOMPARE(store.ownsBlob(hex, u"lina"_s), std::optional<bool>(true));
    QCOMPARE(store.ownsBlob(hex, u"wangfang"_s), std::optional<bool>(false));
    // The word lists start as the shipped ones (schema 8).
    const std::optional<ContentRules> lists = store.wordLists();
    QVERIFY2(lists, qPrintable(store.lastError()));
    QCOMPARE(*lists, ContentRules::builtin());
    // A deleted item names nothing any more.
    QVERIFY(store.deleteItem(item.id));
    QVERIFY(store.itemsWithBlob(hex, 10).isEmpty());
}

// A database of a newer schema is refused with a clear message and left unchanged.
void TestServerStore::newerSchemaRefused()
{
    const QString newer = QString::number(ServerStore::kSchemaVersion + 1);
    {
        ServerStore store(m_config);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(store.saveUnit(Unit{u"office"_s, u"局办公室"_s, UnitType::Office, u"001"_s}));
        QVERIFY(sql(store, u"UPDATE meta SET value = ? WHERE key = 'schema_version'"_s, {newer}));
    }
    ServerStore store(m_config);
    QString error;
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains(u"newer version"_s), qPrintable(error));
    QVERIFY2(error.contains(u"schema "_s + newer), qPrintable(error));
    QCOMPARE(store.lastError(), error);
    QCOMPARE(sqlValue(store, u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(), newer);
    QCOMPARE(sqlValue(store, u"SELECT count(*) FROM units"_s).toInt(), 1);
}

// Units, columns and people come back as saved; a save of the same id replaces.
// Statements are prepared once per connection and kept (ServerStore::Query). A statement run again
// while another query still holds it (a nested read) gets its own copy; both read the right rows,
// and the kept one is reused afterwards. (The rows of the outer query are read first: PostgreSQL's
// driver ends a forward-only query's remaining rows when the connection runs another query.)
void TestServerStore::keptStatementsNest()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QStringList ids{u"a"_s, u"b"_s, u"c"_s};
    for (const QString &id : ids)
        QVERIFY(store.saveUnit(Unit{id, u"科室"_s + id, UnitType::Section, id}));
    const QString statement = u"SELECT id FROM units WHERE id >= ? ORDER BY id"_s;
    for (int round = 0; round < 3; ++round) {
        ServerStore::Query outer(store);
        QVERIFY(outer.run(statement, {u"a"_s}));
        QStringList seen;
        while (outer.next())
            seen << outer.value(0).toString();
        QCOMPARE(seen, ids);
        for (const QString &id : seen) { // `outer` still holds the statement
            ServerStore::Query inner(store);
            QVERIFY(inner.run(statement, {id}));
            QStringList rest;
            while (inner.next())
                rest << inner.value(0).toString();
            QCOMPARE(rest, ids.mid(ids.indexOf(id)));
        }
        // One query running the statement again, then another statement.
        QVERIFY(outer.run(statement, {u"c"_s}));
        QVERIFY(outer.next());
        QCOMPARE(outer.value(0).toString(), u"c"_s);
        QVERIFY(!outer.next());
        QVERIFY(outer.run(u"SELECT data FROM units WHERE id = ?"_s, {u"b"_s}));
        QVERIFY(outer.next());
        QVERIFY(outer.value(0).toString().contains(u"科室b"_s));
    }
}

// Servers sharing a PostgreSQL database render the public site one at a time (a session advisory
// lock); on SQLite (one machine, the site folder's lock file) the store does not hold one.
void TestServerStore::oneRendererAtATime()
{
    ServerStore a(m_config);
    ServerStore b(m_config);
    QString error;
    QVERIFY2(a.open(&error), qPrintable(error));
    QVERIFY2(b.open(&error), qPrintable(error));
    QVERIFY(a.lockRendering(0));
    if (!postgres()) {
        QVERIFY(b.lockRendering(0));
        return;
    }
    QVERIFY(!b.lockRendering(200));
    QVERIFY(b.lastError().isEmpty()); // busy, not failed
    a.unlockRendering();
    QVERIFY(b.lockRendering(0));
    QVERIFY(!a.lockRendering(0));
    b.unlockRendering();
    QVERIFY(a.lockRendering(0));
    a.unlockRendering();
}

void TestServerStore::organizationRoundTrip()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));

    const Unit office{u"office"_s, u"局办公室"_s, UnitType::Office, u"001"_s};
    Unit planning{u"planning"_s, u"国土空间规划科"_s, UnitType::Section, u"012"_s};
    QVERIFY(store.saveUnit(planning));
    QVERIFY(store.saveUnit(office));
    planning.name = u"国土空间规划处"_s;
    QVERIFY(store.saveUnit(planning));
    QCOMPARE(store.units(), (QList<Unit>{office, planning}));

    Column news;
    news.id = u"news"_s;
    news.name = u"工作动态"_s;
    news.description = u"本局工作动态"_s;
    news.keywords = {u"动态"_s, u"会议"_s};
    news.responsibleUnitIds = {u"office"_s};
    news.updateIntervalDays = 14;
    news.sortOrder = 2;
    Column notices = news;
    notices.id = u"notices"_s;
    notices.parentId = u"news"_s;
    notices.name = u"通知公告"_s;
    notices.type = ColumnType::Notice;
    QVERIFY(store.saveColumn(notices));
    QVERIFY(store.saveColumn(news));
    QCOMPARE(store.columns(), (QList<Column>{news, notices}));

    Person zhang = makePerson(u"zhangwei"_s, u"张伟"_s, u"planning"_s, Role::Correspondent);
    Person wang = makePerson(u"wangfang"_s, u"王芳"_s, u"planning"_s, Role::UnitHead);
    RoleGrant bureau;
    bureau.role = Role::Auditor;
    bureau.bureauWide = true;
    wang.grants.append(bureau);
    QVERIFY(store.savePerson(zhang));
    QVERIFY(store.savePerson(wang));
    QCOMPARE(store.people(), (QList<Person>{wang, zhang}));
    QCOMPARE(store.person(u"wangfang"_s), wang);
    QVERIFY(!store.person(u"nobody"_s).has_value());
    QVERIFY(store.lastError().isEmpty());
}

// Password hashes, failed logins, locks and the disabled flag; saving a person keeps them.
void TestServerStore::accountsBookkeeping()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    Person zhang = makePerson(u"zhangwei"_s, u"张伟"_s, u"planning"_s, Role::Correspondent);
    QVERIFY(store.savePerson(zhang));

    std::optional<Account> a = store.account(u"zhangwei"_s);
    QVERIFY(a);
    QCOMPARE(a->person, zhang);
    QVERIFY(a->passwordHash.isEmpty());
    QCOMPARE(a->failedLogins, 0);
    QVERIFY(!a->lastFailedAt.isValid());
    QVERIFY(!a->lockedUntil.isValid());

    const QByteArray hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
    QVERIFY(store.setPasswordHash(u"zhangwei"_s, hash));
    const QDateTime first = utc(2024, 5, 1, 8, 0, 0, 1);
    const QDateTime second = utc(2024, 5, 1, 8, 0, 5, 2);
    const QDateTime lockedUntil = utc(2024, 5, 1, 8, 15, 5, 2);
    QVERIFY(store.recordLoginFailure(u"zhangwei"_s, first, QDateTime()));
    QVERIFY(store.recordLoginFailure(u"zhangwei"_s, second, lockedUntil));
    a = store.account(u"zhangwei"_s);
    QVERIFY(a);
    QCOMPARE(a->passwordHash, hash);
    QCOMPARE(a->failedLogins, 2);
    QCOMPARE(a->lastFailedAt, second);
    QCOMPARE(a->lastFailedAt.timeSpec(), Qt::UTC);
    QCOMPARE(a->lockedUntil, lockedUntil);

    // A save of the person's domain fields keeps the login bookkeeping.
    zhang.title = u"副科长"_s;
    QVERIFY(store.savePerson(zhang));
    a = store.account(u"zhangwei"_s);
    QCOMPARE(a->person.title, u"副科长"_s);
    QCOMPARE(a->passwordHash, hash);
    QCOMPARE(a->failedLogins, 2);

    QVERIFY(store.recordLoginSuccess(u"zhangwei"_s));
    a = store.account(u"zhangwei"_s);
    QCOMPARE(a->failedLogins, 0);
    QVERIFY(!a->lastFailedAt.isValid());
    QVERIFY(!a->lockedUntil.isValid());
    QCOMPARE(a->passwordHash, hash);

    QVERIFY(store.setDisabled(u"zhangwei"_s, true));
    QVERIFY(store.account(u"zhangwei"_s)->person.disabled);
    QVERIFY(store.person(u"zhangwei"_s)->disabled);
    QVERIFY(store.people().constFirst().disabled);
    QVERIFY(store.setDisabled(u"zhangwei"_s, false));
    QVERIFY(!store.person(u"zhangwei"_s)->disabled);

    // Unknown people are refused, with a message.
    QVERIFY(!store.account(u"nobody"_s));
    QVERIFY(!store.setPasswordHash(u"nobody"_s, hash));
    QVERIFY(store.lastError().contains(u"nobody"_s));
    QVERIFY(!store.recordLoginFailure(u"nobody"_s, first, QDateTime()));
    QVERIFY(!store.recordLoginSuccess(u"nobody"_s));
    QVERIFY(!store.setDisabled(u"nobody"_s, true));
}

// Sessions are found by their token hash and revoked one by one or all of a person's.
void TestServerStore::sessions()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));

    auto makeSession = [](const QByteArray &token, const QString &personId) {
        Session s;
        s.tokenHash = QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
        s.personId = personId;
        s.createdAt = utc(2024, 5, 1, 8, 0, 0, 1);
        s.expiresAt = utc(2024, 5, 1, 20, 0, 0, 1);
        return s;
    };
    const Session a1 = makeSession("token-a1", u"zhangwei"_s);
    const Session a2 = makeSession("token-a2", u"zhangwei"_s);
    const Session b1 = makeSession("token-b1", u"wangfang"_s);
    QVERIFY(store.insertSession(a1));
    QVERIFY(store.insertSession(a2));
    QVERIFY(store.insertSession(b1));
    QVERIFY(!store.insertSession(a1)); // a token hash is unique

    std::optional<Session> found = store.session(a1.tokenHash);
    QVERIFY(found);
    QCOMPARE(found->tokenHash, a1.tokenHash);
    QCOMPARE(found->personId, a1.personId);
    QCOMPARE(found->createdAt, a1.createdAt);
    QCOMPARE(found->expiresAt, a1.expiresAt);
    QVERIFY(!found->revoked);
    QVERIFY(!store.session("0000").has_value());

    QVERIFY(store.revokeSession(a1.tokenHash));
    QVERIFY(store.session(a1.tokenHash)->revoked);
    QVERIFY(!store.session(a2.tokenHash)->revoked);
    QVERIFY(!store.revokeSession("0000"));

    QVERIFY(store.revokeSessionsOf(u"zhangwei"_s));
    QVERIFY(store.session(a2.tokenHash)->revoked);
    QVERIFY(!store.session(b1.tokenHash)->revoked);
}

// A full item with Chinese text comes back equal; every save takes the next sequence number.
void TestServerStore::itemRoundTripAndSequence()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));

    Item item = fullItem();
    QVERIFY(store.saveItem(item, toString(Role::LeaderInCharge)));
    std::optional<Item> loaded = store.item(item.id);
    QVERIFY(loaded);
    QVERIFY(*loaded == item);
    QCOMPARE(loaded->revisions.constLast().content.title, u"关于国土空间总体规划批前公示延期的公告"_s);
    QCOMPARE(store.latestSequence(), 1);

    item.comments[0].text = u"已补充图例。"_s;
    QVERIFY(store.saveItem(item, toString(Role::LeaderInCharge)));
    QVERIFY(*store.item(item.id) == item);
    QCOMPARE(store.latestSequence(), 2);
    QVERIFY(store.saveItem(makeItem(u"second"_s), QString()));
    QCOMPARE(store.latestSequence(), 3);

    const QList<Change> changes = store.changesSince(0, 100);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).itemId, item.id);
    QCOMPARE(changes.at(0).sequence, 2);
    QCOMPARE(changes.at(0).unitId, u"planning"_s);
    QCOMPARE(changes.at(0).authorId, u"zhangwei"_s);
    QVERIFY(!changes.at(0).deleted);
    QCOMPARE(changes.at(1).itemId, u"second"_s);
    QCOMPARE(changes.at(1).sequence, 3);

    QVERIFY(!store.item(u"missing"_s));
    QVERIFY(store.lastError().isEmpty());
    QVERIFY(!store.saveItem(Item(), QString()));
    QCOMPARE(store.latestSequence(), 3);
}

// Deleting leaves a tombstone in the feed (with unit and author); saving again replaces it.
void TestServerStore::deleteLeavesTombstone()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(store.saveItem(makeItem(u"a"_s, u"planning"_s, u"zhangwei"_s), QString()));
    QVERIFY(store.saveItem(makeItem(u"b"_s), QString()));
    QVERIFY(store.deleteItem(u"a"_s));
    QVERIFY(!store.item(u"a"_s));

    QList<Change> changes = store.changesSince(0, 100);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).itemId, u"b"_s);
    QVERIFY(!changes.at(0).deleted);
    QCOMPARE(changes.at(1).itemId, u"a"_s);
    QCOMPARE(changes.at(1).sequence, 3);
    QVERIFY(changes.at(1).deleted);
    QCOMPARE(changes.at(1).unitId, u"planning"_s);
    QCOMPARE(changes.at(1).authorId, u"zhangwei"_s);
    changes = store.changesSince(2, 100);
    QCOMPARE(changes.size(), 1);
    QVERIFY(changes.at(0).deleted);

    // Deleting what isn't there changes nothing.
    QVERIFY(store.deleteItem(u"never-was"_s));
    QCOMPARE(store.latestSequence(), 3);

    // Saved again: one entry, not deleted.
    QVERIFY(store.saveItem(makeItem(u"a"_s), QString()));
    changes = store.changesSince(0, 100);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(1).itemId, u"a"_s);
    QCOMPARE(changes.at(1).sequence, 4);
    QVERIFY(!changes.at(1).deleted);
}

// Paging through the feed by cursor gives every item once, at its latest sequence, in order.
void TestServerStore::changesPaging()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    for (int i = 0; i < 10; ++i)
        QVERIFY(store.saveItem(makeItem(u"item-%1"_s.arg(i)), QString()));
    for (int i : {2, 5, 7})
        QVERIFY(store.saveItem(makeItem(u"item-%1"_s.arg(i)), QString()));
    QVERIFY(store.deleteItem(u"item-0"_s));
    QCOMPARE(store.latestSequence(), 14);

    QVERIFY(store.changesSince(0, 0).isEmpty());
    QCOMPARE(store.changesSince(0, 4).size(), 4);

    QList<Change> all;
    qint64 cursor = 0;
    int pages = 0;
    for (;;) {
        const QList<Change> page = store.changesSince(cursor, 4);
        QVERIFY(page.size() <= 4);
        if (page.isEmpty())
            break;
        ++pages;
        all += page;
        cursor = page.constLast().sequence;
    }
    QCOMPARE(pages, 3);
    QCOMPARE(all.size(), 10);
    QSet<QString> seen;
    for (qsizetype i = 0; i < all.size(); ++i) {
        QVERIFY(!seen.contains(all.at(i).itemId));
        seen.insert(all.at(i).itemId);
        if (i > 0)
            QVERIFY(all.at(i).sequence > all.at(i - 1).sequence);
    }
    // The resaved items sit at their latest sequence; the deleted one last.
    QCOMPARE(all.at(6).itemId, u"item-2"_s);
    QCOMPARE(all.at(6).sequence, 11);
    QCOMPARE(all.at(9).itemId, u"item-0"_s);
    QVERIFY(all.at(9).deleted);
    QCOMPARE(cursor, store.latestSequence());
}

// Pruning drops old tombstones and raises the oldest valid cursor, never lowering it.
void TestServerStore::pruneTombstones()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    for (const QString &id : {u"a"_s, u"b"_s, u"c"_s})
        QVERIFY(store.saveItem(makeItem(id), QString()));
    QVERIFY(store.deleteItem(u"a"_s)); // 4
    QVERIFY(store.deleteItem(u"b"_s)); // 5
    QCOMPARE(store.oldestValidCursor(), 0);

    QVERIFY(store.pruneTombstones(4));
    QCOMPARE(store.oldestValidCursor(), 4);
    QList<Change> changes = store.changesSince(0, 100);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.at(0).itemId, u"c"_s);
    QCOMPARE(changes.at(1).itemId, u"b"_s);
    QVERIFY(changes.at(1).deleted);

    QVERIFY(store.pruneTombstones(2));
    QCOMPARE(store.oldestValidCursor(), 4);
    QVERIFY(store.pruneTombstones(1000));
    QCOMPARE(store.oldestValidCursor(), 5);
    changes = store.changesSince(0, 100);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).itemId, u"c"_s);
}

// The review queues: items in review at a stage of the given roles only.
void TestServerStore::itemsInReviewByRole()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QString head = toString(Role::UnitHead);
    const QString leader = toString(Role::LeaderInCharge);
    const QString office = toString(Role::OfficeDirector);
    QVERIFY(store.saveItem(makeItem(u"h1"_s, u"planning"_s, u"zhangwei"_s, WorkflowState::InReview), head));
    QVERIFY(store.saveItem(makeItem(u"l1"_s, u"planning"_s, u"zhangwei"_s, WorkflowState::InReview), leader));
    QVERIFY(store.saveItem(makeItem(u"h2"_s, u"office"_s, u"lina"_s, WorkflowState::InReview), head));
    QVERIFY(store.saveItem(makeItem(u"d1"_s), QString()));
    // Returned items keep their last stage but are not in a queue.
    QVERIFY(store.saveItem(makeItem(u"r1"_s, u"planning"_s, u"zhangwei"_s, WorkflowState::Returned), head));

    QCOMPARE(ids(store.itemsInReview({head})), (QStringList{u"h1"_s, u"h2"_s}));
    QCOMPARE(ids(store.itemsInReview({leader, head})), (QStringList{u"h1"_s, u"l1"_s, u"h2"_s}));
    QVERIFY(store.itemsInReview({office}).isEmpty());
    QVERIFY(store.itemsInReview(QStringList()).isEmpty());
    // Scoped to units: a unit head of planning sees planning's items at the head's stage only.
    using Scope = ServerStore::ReviewScope;
    QCOMPARE(ids(store.itemsInReview(QList<Scope>{Scope{head, {u"planning"_s}, false}})),
             (QStringList{u"h1"_s}));
    QCOMPARE(
        ids(store.itemsInReview(QList<Scope>{Scope{head, {u"planning"_s}, false}, Scope{leader, {}, true}})),
        (QStringList{u"h1"_s, u"l1"_s}));
    QCOMPARE(ids(store.itemsInReview(QList<Scope>{Scope{head, {u"finance"_s}, false}})), QStringList());
    QVERIFY(store.itemsInReview(QList<Scope>{Scope{head, {}, false}}).isEmpty());

    Item published = makeItem(u"h1"_s, u"planning"_s, u"zhangwei"_s, WorkflowState::Published);
    QVERIFY(store.saveItem(published, QString()));
    QCOMPARE(ids(store.itemsInReview({head})), (QStringList{u"h2"_s}));
    QVERIFY(store.itemsInReview({head}).constFirst() ==
            makeItem(u"h2"_s, u"office"_s, u"lina"_s, WorkflowState::InReview));
}

// Items of some units or of one author, drafts included.
void TestServerStore::itemsOfUnitsOrAuthor()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(store.saveItem(makeItem(u"p-z"_s, u"planning"_s, u"zhangwei"_s), QString()));
    QVERIFY(store.saveItem(makeItem(u"o-l"_s, u"office"_s, u"lina"_s), QString()));
    QVERIFY(store.saveItem(makeItem(u"f-z"_s, u"finance"_s, u"zhangwei"_s), QString()));
    QVERIFY(
        store.saveItem(makeItem(u"f-w"_s, u"finance"_s, u"wangfang"_s, WorkflowState::Published), QString()));

    QCOMPARE(ids(store.itemsOfUnitsOrAuthor({u"planning"_s}, QString())), (QStringList{u"p-z"_s}));
    QCOMPARE(ids(store.itemsOfUnitsOrAuthor({}, u"zhangwei"_s)), (QStringList{u"p-z"_s, u"f-z"_s}));
    QCOMPARE(ids(store.itemsOfUnitsOrAuthor({u"office"_s}, u"zhangwei"_s)),
             (QStringList{u"p-z"_s, u"o-l"_s, u"f-z"_s}));
    QCOMPARE(ids(store.itemsOfUnitsOrAuthor({u"office"_s, u"finance"_s}, QString())),
             (QStringList{u"o-l"_s, u"f-z"_s, u"f-w"_s}));
    QVERIFY(store.itemsOfUnitsOrAuthor({}, QString()).isEmpty());
    QVERIFY(store.itemsOfUnitsOrAuthor({u"nowhere"_s}, u"nobody"_s).isEmpty());
}

// An applied action is kept with its answer; the same action id can't be recorded twice.
// What an action writes (ServerStore::writeAction: on PostgreSQL one call of baosong_write_action,
// on SQLite the methods one after another) is what saveItem, appendAudit, enqueueRender,
// enqueuePortal and insertAction write: the item at a new feed sequence and its files, the events on
// the chain with the keyed checkpoint at its head, the render job with the columns of both queueings,
// the portal job, the answer; a repeated action id writes nothing. lockWritesIfStill() sees a change
// of the item or of the action since it was read.
void TestServerStore::actionWritesInOneStep()
{
    m_config.auditKeyFile = m_dir->filePath(u"audit.key"_s);
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Item item = makeItem(id);
    QVERIFY(store.saveItem(item, QString(), false));
    QVERIFY(store.enqueueRender(id, {u"old"_s}));
    // Another item, deleted: saved again through writeAction it is no longer deleted.
    const QString gone = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(store.saveItem(makeItem(gone), QString(), false));
    QVERIFY(store.deleteItem(gone));
    const qint64 auditBefore = store.auditEvents(1, 1000).size();

    const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::optional<ActionRecord> done;
    std::optional<Item> read;
    qint64 seq = 0;
    QVERIFY(store.actionOrItem(actionId, id, &done, &read, &seq));
    QVERIFY(!done);
    QVERIFY(read);
    QCOMPARE(read->id, id);
    QCOMPARE(seq, store.latestSequence() - 2); // then `gone` was saved and deleted

    Attachment a;
    a.fileName = u"通知.pdf"_s;
    a.sha256 = QCryptographicHash::hash("a", QCryptographicHash::Sha256);
    a.size = 1;
    a.id = u"att-1"_s;
    Attachment b = a; // the same file attached twice
    b.id = u"att-2"_s;
    item.state = WorkflowState::InReview;
    item.stageId = u"head"_s;
    item.revisions.first().content.attachments = {a, b};
    ServerStore::ActionWrites w;
    w.item = item;
    w.stageRole = u"unit_head"_s;
    w.known = true;
    for (const QString &type : {u"action.submit"_s, u"override"_s}) {
        AuditEvent e;
        e.at = utc(2024, 5, 2, 10, 0, 0, 0);
        e.actorId = u"zhangwei"_s;
        e.subjectId = id;
        e.type = type;
        e.details = QJsonObject{{u"说明"_s, u"提交"_s}};
        w.events.append(e);
    }
    w.render = RenderJob{id, {u"news"_s}, {}, 0};
    PortalJob portal;
    portal.itemId = id;
    portal.cycle = 2;
    portal.revision = 3;
    w.portal = portal;
    w.record.actionId = actionId;
    w.record.personId = u"zhangwei"_s;
    w.record.itemId = id;
    w.record.requestHash = "abc";
    w.record.status = 200;
    w.record.response = u"{\"状态\":\"已提交\"}"_s.toUtf8();
    w.record.at = utc(2024, 5, 2, 10, 0, 0, 0);
    w.notify = true;
    {
        ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
        QVERIFY(tx.ok());
        QCOMPARE(store.lockWritesIfStill(id, seq, actionId), std::optional<bool>(true));
        QVERIFY2(store.writeAction(w), qPrintable(store.lastError()));
        QVERIFY(tx.commit());
    }
    QCOMPARE(w.events.at(0).sequence, auditBefore + 1);
    QCOMPARE(w.events.at(1).sequence, auditBefore + 2);
    QCOMPARE(w.events.at(1).previousHash, w.events.at(0).hash);

    qint64 seqAfter = 0;
    const std::optional<Item> saved = store.item(id, &seqAfter);
    QVERIFY2(saved, qPrintable(store.lastError()));
    QCOMPARE(json::toJson(*saved), json::toJson(item));
    QCOMPARE(seqAfter, store.latestSequence());
    QVERIFY(seqAfter > seq);
    QCOMPARE(sqlValue(store, u"SELECT stage_role FROM items WHERE id = '%1'"_s.arg(id)).toString(),
             u"unit_head"_s);
    QCOMPARE(store.itemsWithBlob(a.sha256.toHex(), 10), QStringList{id});
    const QList<AuditEvent> events = store.auditEvents(auditBefore + 1, 10);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).type, u"action.submit"_s);
    QCOMPARE(events.at(1).hash, w.events.at(1).hash);
    QCOMPARE(events.at(1).details, w.events.at(1).details);
    AuditVerification v = store.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QVERIFY(v.checkpointVerified);
    const QList<RenderJob> jobs = store.dueRenderJobs(10);
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.first().columnIds, (QStringList{u"news"_s, u"old"_s}));
    const QList<PortalJob> portalJobs = store.duePortalJobs(10);
    QCOMPARE(portalJobs.size(), 1);
    QCOMPARE(portalJobs.first().cycle, 2);
    QCOMPARE(portalJobs.first().revision, 3);
    QCOMPARE(portalJobs.first().phase, u"send"_s);
    const std::optional<ActionRecord> recorded = store.action(actionId);
    QVERIFY(recorded);
    QCOMPARE(recorded->response, w.record.response);
    QCOMPARE(recorded->requestHash, QByteArray("abc"));
    QCOMPARE(recorded->at, w.record.at);
    QVERIFY(store.actionOrItem(actionId, id, &done, &read, &seq));
    QVERIFY(done);
    QCOMPARE(done->status, 200);

    // What was read no longer is: the item changed, or the action was recorded meanwhile.
    {
        ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
        QVERIFY(tx.ok());
        QCOMPARE(store.lockWritesIfStill(id, seqAfter - 1, u"x"_s), std::optional<bool>(false));
    }
    {
        ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
        QVERIFY(tx.ok());
        QCOMPARE(store.lockWritesIfStill(id, seqAfter, actionId), std::optional<bool>(false));
    }
    // The same action id again: refused, and nothing of it stays.
    {
        ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
        QVERIFY(tx.ok());
        QVERIFY(!store.writeAction(w));
    }
    QCOMPARE(store.latestSequence(), seqAfter);
    QCOMPARE(store.auditEvents(1, 1000).size(), auditBefore + 2);

    // An event appended in the same transaction, before and after: one chain.
    {
        ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
        QVERIFY(tx.ok());
        QCOMPARE(store.lockWritesIfStill(gone, std::nullopt, u"y"_s), std::optional<bool>(true));
        AuditEvent first;
        first.actorId = u"admin"_s;
        first.type = u"note"_s;
        QVERIFY(store.appendAudit(first));
        ServerStore::ActionWrites again;
        again.item = makeItem(gone);
        again.known = false;
        again.events = {w.events.first()};
        again.record = w.record;
        again.record.actionId = u"y"_s;
        QVERIFY2(store.writeAction(again), qPrintable(store.lastError()));
        QCOMPARE(again.events.first().sequence, first.sequence + 1);
        QCOMPARE(again.events.first().previousHash, first.hash);
        AuditEvent last;
        last.actorId = u"admin"_s;
        last.type = u"note"_s;
        QVERIFY(store.appendAudit(last));
        QCOMPARE(last.sequence, again.events.first().sequence + 1);
        QVERIFY(tx.commit());
    }
    v = store.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QVERIFY(v.checkpointVerified);
    // `gone` is an item again: its tombstone went with the save.
    bool deleted = false;
    for (const Change &c : store.changesSince(0, 1000)) {
        if (c.itemId == gone && c.deleted)
            deleted = true;
    }
    QVERIFY(!deleted);
    QVERIFY(store.item(gone));
}

// PostgreSQL: actions of one server's threads, all read before any is written, are each written by
// one call of the action procedure (the threads take turns and each chains after the end the one
// before it left), not called again because another thread of the same server moved the audit end
// (issue #19.2); the chain and its checkpoint verify.
void TestServerStore::oneServersActionsCallOnce()
{
    if (!m_config.isPostgres())
        QSKIP("PostgreSQL only: on SQLite a transaction holds the process's writers' lock from its "
              "start (ServerStore::beginWrite), so writers can't all read first and nothing is called again");
    m_config.auditKeyFile = m_dir->filePath(u"audit.key"_s);
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    constexpr int kThreads = 4;
    QStringList ids;
    for (int t = 0; t < kThreads; ++t) {
        ids.append(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QVERIFY(store.saveItem(makeItem(ids.last()), QString(), false));
    }
    const qint64 eventsBefore = store.auditEvents(1, 1000).size();
    const quint64 holdsBefore = store.writeLockHeldCount();

    std::latch allRead(kThreads);
    QMutex mutex;
    QStringList failures;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            const auto fail = [&](const QString &why) {
                QMutexLocker lock(&mutex);
                failures.append(u"thread %1: %2"_s.arg(t).arg(why));
            };
            const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
            std::optional<ActionRecord> done;
            std::optional<Item> item;
            qint64 seq = 0;
            const bool read = tx.ok() && store.actionOrItem(actionId, ids.at(t), &done, &item, &seq);
            allRead.arrive_and_wait(); // every thread's guess of the audit end is the same
            if (!read || !item)
                return fail(u"not read: "_s + store.lastError());
            item->state = WorkflowState::InReview;
            ServerStore::ActionWrites w = actionWrites(*item, actionId, u"action.submit"_s, true);
            const std::optional<bool> written = store.writeActionIfStill(w, item->id, seq);
            if (written != std::optional<bool>(true))
                return fail(u"not written: "_s + store.lastError());
            if (!tx.commit())
                fail(u"not committed: "_s + store.lastError());
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    QCOMPARE(store.auditEvents(1, 1000).size(), eventsBefore + kThreads);
    QCOMPARE(store.writeLockHeldCount() - holdsBefore, quint64(kThreads)); // one call each
    const AuditVerification v = store.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QVERIFY(v.checkpointVerified);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(store.item(id)->state, WorkflowState::InReview);
}

void TestServerStore::cacheVersionsReadOncePerRequest()
{
    // This server (a) and another one sharing its store (b).
    ServerStore a(m_config);
    ServerStore b(m_config);
    QString error;
    QVERIFY2(a.open(&error), qPrintable(error));
    QVERIFY2(b.open(&error), qPrintable(error));

    // Outside a request every call reads.
    const std::optional<ServerStore::CacheVersions> first = a.cacheVersions();
    QVERIFY2(first, qPrintable(a.lastError()));
    QVERIFY(b.bumpOrganizationVersion());
    std::optional<ServerStore::CacheVersions> now = a.cacheVersions();
    QVERIFY(now);
    QCOMPARE(now->organization, first->organization + 1);
    QCOMPARE(now->auth, first->auth);
    QCOMPARE(now->wordLists, first->wordLists);

    {
        // Within one, once: what another server changes meanwhile is seen by the next request.
        const ServerStore::RequestScope request(a);
        const std::optional<ServerStore::CacheVersions> read = a.cacheVersions();
        QVERIFY(read);
        QCOMPARE(read->organization, now->organization);
        QVERIFY(b.bumpOrganizationVersion());
        QVERIFY(b.revokeSessionsOf(u"zhangwei"_s));
        now = a.cacheVersions();
        QVERIFY(now);
        QCOMPARE(now->organization, read->organization);
        QCOMPARE(now->auth, read->auth);
        {
            const ServerStore::RequestScope inner(a); // nested: the same request
            QCOMPARE(a.cacheVersions()->auth, read->auth);
        }
        QCOMPARE(a.cacheVersions()->auth, read->auth);
        // What this request changes itself is read again.
        QVERIFY(a.bumpOrganizationVersion());
        now = a.cacheVersions();
        QVERIFY(now);
        QCOMPARE(now->organization, read->organization + 2);
        QCOMPARE(now->auth, read->auth + 1);
        // And after a transaction ends (it may have changed them).
        QVERIFY(b.revokeSessionsOf(u"zhangwei"_s));
        QCOMPARE(a.cacheVersions()->auth, read->auth + 1);
        {
            ServerStore::Transaction tx(a);
            QVERIFY(tx.ok());
            QVERIFY(tx.commit());
        }
        QCOMPARE(a.cacheVersions()->auth, read->auth + 2);
    }
    // A new request reads again.
    QVERIFY(b.revokeSessionsOf(u"zhangwei"_s));
    const ServerStore::RequestScope next(a);
    now = a.cacheVersions();
    QVERIFY(now);
    QCOMPARE(now->auth, first->auth + 3);
    QCOMPARE(now->organization, first->organization + 3);
}

void TestServerStore::expectedActionReadWithVersions()
{
    ServerStore a(m_config);
    ServerStore b(m_config);
    QString error;
    QVERIFY2(a.open(&error), qPrintable(error));
    QVERIFY2(b.open(&error), qPrintable(error));
    const QString itemId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QVERIFY(a.saveItem(makeItem(itemId), QString(), false));
    qint64 seqBefore = 0;
    QVERIFY(a.item(itemId, &seqBefore));

    const ServerStore::RequestScope request(a);
    const QString actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.expectAction(actionId, itemId);
    QVERIFY2(a.cacheVersions(), qPrintable(a.lastError()));
    // Another server changes the item after that read.
    Item changed = makeItem(itemId);
    changed.state = WorkflowState::InReview;
    QVERIFY(b.saveItem(changed, QString(), true));
    qint64 seqChanged = 0;
    QVERIFY(b.item(itemId, &seqChanged));
    QVERIFY(seqChanged > seqBefore);

    ServerStore::Transaction tx(a, ServerStore::LockMode::AtFirstWrite);
    QVERIFY(tx.ok());
    std::optional<ActionRecord> done;
    std::optional<Item> item;
    qint64 seq = 0;
    QVERIFY2(a.actionOrItem(actionId, itemId, &done, &item, &seq), qPrintable(a.lastError()));
    QVERIFY(!done);
    QVERIFY(item);
    if (!postgres()) {
        // SQLite: no round trips to spare; the action reads in its transaction.
        QCOMPARE(seq, seqChanged);
        QCOMPARE(item->state, WorkflowState::InReview);
        return;
    }
    // PostgreSQL: taken from the versions' read, as it was then...
    QCOMPARE(seq, seqBefore);
    QCOMPARE(item->state, makeItem(itemId).state);
    // ...and what was judged on it is not written: the item changed since.
    item->state = WorkflowState::Returned;
    ServerStore::ActionWrites w = actionWrites(*item, actionId, u"action.return"_s, true);
    QCOMPARE(a.writeActionIfStill(w, itemId, seq), std::optional<bool>(false));
    // Read again (once taken, the expected read is not used again): the item as it is.
    QVERIFY(a.actionOrItem(actionId, itemId, &done, &item, &seq));
    QCOMPARE(seq, seqChanged);
    QCOMPARE(item->state, WorkflowState::InReview);
    QVERIFY(!a.action(actionId));
}

// One action as Api::action goes about it, in a request of its own on `store`: expectAction(), the
// versions (the session's check), the action's read, the item changed by `change`, its write. `between`
// runs after the versions were read (or guessed) and before the action's read. Whether it was written
// (nullopt on failure), and `restarted` whether the request is to be answered again.
std::optional<bool> requestAction(ServerStore &store, const QString &actionId, const QString &itemId,
                                  bool creates, const std::function<void(Item &)> &change,
                                  const std::function<void()> &between, bool *restarted,
                                  std::optional<Item> *judgedOn = nullptr)
{
    const ServerStore::RequestScope request(store);
    store.expectAction(actionId, itemId, creates);
    *restarted = false;
    const auto result = [&](std::optional<bool> r) {
        *restarted = store.takeRestart();
        return r;
    };
    if (!store.cacheVersions())
        return result(std::nullopt);
    if (between)
        between();
    ServerStore::Transaction tx(store, ServerStore::LockMode::AtFirstWrite);
    std::optional<ActionRecord> done;
    std::optional<Item> item;
    qint64 seq = 0;
    if (!tx.ok() || !store.actionOrItem(actionId, itemId, &done, &item, &seq))
        return result(std::nullopt);
    if (judgedOn)
        *judgedOn = item;
    if (done)
        return result(false);
    Item written = item ? *item : makeItem(itemId);
    change(written);
    ServerStore::ActionWrites w =
        actionWrites(written, actionId, creates ? u"action.create"_s : u"action.submit"_s, item.has_value());
    const std::optional<bool> written_ =
        store.writeActionIfStill(w, itemId, item ? std::optional(seq) : std::nullopt);
    if (written_ == std::optional<bool>(true) && !tx.commit())
        return result(std::nullopt);
    return result(written_);
}

void TestServerStore::guessedActionsCheckedUnderTheLock()
{
    // This server (a) and another one sharing its store (b).
    ServerStore a(m_config);
    ServerStore b(m_config);
    QString error;
    QVERIFY2(a.open(&error), qPrintable(error));
    QVERIFY2(b.open(&error), qPrintable(error));
    const auto uuid = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
    const auto toReview = [](Item &i) { i.state = WorkflowState::InReview; };
    const auto retitle = [](Item &i) { i.revisions.last().content.title += u"（改）"_s; };
    bool restarted = false;
    QVERIFY(a.cacheVersions()); // what a knows: the versions as read now

    // A new item: guessed missing, the action not recorded, the versions as known; written in one
    // statement (nothing was read, as the item b saves meanwhile under the same id shows: the call
    // refuses then, below).
    const QString x = uuid();
    QCOMPARE(requestAction(a, uuid(), x, true, retitle, {}, &restarted), std::optional<bool>(true));
    QVERIFY(!restarted);
    if (!postgres()) {
        // SQLite reads in its transaction, which locks from its start: nothing to guess.
        QCOMPARE(a.guessedActions(), quint64(0));
        QVERIFY(!a.restartRequested());
        return;
    }
    QCOMPARE(a.guessedActions(), quint64(1));
    // Its next action is judged on the item as a wrote it, which is what a read gives.
    qint64 storedSeq = 0;
    const std::optional<Item> stored = a.item(x, &storedSeq);
    QVERIFY(stored);
    std::optional<Item> judgedOn;
    const QString submit = uuid();
    QCOMPARE(requestAction(a, submit, x, false, toReview, {}, &restarted, &judgedOn),
             std::optional<bool>(true));
    QVERIFY(!restarted);
    QCOMPARE(a.guessedActions(), quint64(2));
    QVERIFY(judgedOn);
    QCOMPARE(*judgedOn, *stored);
    QCOMPARE(a.item(x)->state, WorkflowState::InReview);

    // b changes the item after a's guess: the call refuses, nothing is written, the request is to be
    // answered again; then it reads.
    const QString y = uuid();
    QCOMPARE(requestAction(a, uuid(), y, true, retitle, {}, &restarted), std::optional<bool>(true));
    const auto bChangesY = [&] {
        Item changed = *b.item(y);
        changed.state = WorkflowState::Returned;
        QVERIFY(b.saveItem(changed, QString(), true));
    };
    const QString late = uuid();
    QCOMPARE(requestAction(a, late, y, false, toReview, bChangesY, &restarted, &judgedOn),
             std::optional<bool>(false));
    QVERIFY(restarted);
    QCOMPARE(judgedOn->state, WorkflowState::Draft); // judged on the guess, which did not hold
    QVERIFY(!a.action(late));
    QCOMPARE(a.item(y)->state, WorkflowState::Returned);
    QCOMPARE(a.restartedRequests(), quint64(1));
    QCOMPARE(requestAction(a, late, y, false, toReview, {}, &restarted, &judgedOn),
             std::optional<bool>(true));
    QCOMPARE(judgedOn->state, WorkflowState::Returned); // read: a guess that failed is forgotten
    QVERIFY(!restarted);

    // b ends sessions (the accounts' generation moves) after a's guess: refused, nothing written.
    const QString z = uuid();
    QCOMPARE(
        requestAction(
            a, z, uuid(), true, retitle, [&] { QVERIFY(b.revokeSessionsOf(u"zhangwei"_s)); }, &restarted),
        std::optional<bool>(false));
    QVERIFY(restarted);
    QVERIFY(!a.action(z));
    QCOMPARE(a.restartedRequests(), quint64(2));

    // The same action again (a client's retry of an answer it lost): guessed not recorded, found
    // recorded by the call; answered again, it reads the record.
    QVERIFY(a.cacheVersions());
    const qsizetype events = a.auditEvents(1, 100000).count();
    QCOMPARE(requestAction(a, submit, x, false, toReview, {}, &restarted), std::optional<bool>(false));
    QVERIFY(restarted);
    QCOMPARE(requestAction(a, submit, x, false, toReview, {}, &restarted), std::optional<bool>(false));
    QVERIFY(!restarted); // the record was read: a replay, nothing written
    QCOMPARE(a.auditEvents(1, 100000).count(), events);

    // Any other statement while guessing reads what was guessed first: when it held, the request
    // goes on (the call then checks nothing more, so it is not counted as guessed)...
    QVERIFY(a.cacheVersions());
    const quint64 guessed = a.guessedActions();
    QCOMPARE(requestAction(
                 a, uuid(), uuid(), true, retitle, [&] { QVERIFY(a.item(x)); }, &restarted),
             std::optional<bool>(true));
    QVERIFY(!restarted);
    QCOMPARE(a.guessedActions(), guessed);
    // ...when it did not, that statement and every later one of the request fail, nothing is written.
    const QString w = uuid();
    QVERIFY(!requestAction(
        a, w, uuid(), true, retitle,
        [&] {
            QVERIFY(b.revokeSessionsOf(u"zhangwei"_s));
            QVERIFY(!a.item(x));
            QVERIFY(a.restartRequested());
            QVERIFY(!a.item(x));
        },
        &restarted));
    QVERIFY(restarted);
    QVERIFY(!a.restartRequested());
    QVERIFY(!a.action(w));
    const AuditVerification v = a.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
}

void TestServerStore::relaysFindOutWhoElseListens()
{
    ServerStore a(m_config);
    QString error;
    QVERIFY2(a.open(&error), qPrintable(error));
    a.setActionNotice(QString::fromLatin1(ChangeRelay::kChannel), u"server-a"_s);
    // What is sent on the channel, heard on a connection that only listens (not a relay: it never
    // answers a hello).
    const QString ear = u"tst.relay.ear"_s;
    QStringList heard;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, ear);
        ServerStore::configurePostgres(db, m_config);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QVERIFY(db.driver()->subscribeToNotification(QString::fromLatin1(ChangeRelay::kChannel)));
        connect(db.driver(), &QSqlDriver::notification, this,
                [&](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                    heard.append(payload.toString());
                });
    }
    const auto cleanup = qScopeGuard([&] { QSqlDatabase::removeDatabase(ear); });
    // An action that notifies (as Api::action's), written on a.
    const auto act = [&] {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        ServerStore::Transaction tx(a, ServerStore::LockMode::AtFirstWrite);
        std::optional<ActionRecord> done;
        std::optional<Item> item;
        qint64 seq = 0;
        if (!tx.ok() || !a.actionOrItem(id, id, &done, &item, &seq))
            return false;
        ServerStore::ActionWrites w = actionWrites(makeItem(id), id, u"action.create"_s, false);
        w.notify = true;
        return a.writeActionIfStill(w, id, std::nullopt) == std::optional<bool>(true) && tx.commit();
    };

    int heardByA = 0;
    ChangeRelay relayA(
        m_config, [&] { ++heardByA; }, &a);
    relayA.setHelloTiming(1500, 400);
    QVERIFY(a.othersListening()); // until it knows
    QTRY_VERIFY_WITH_TIMEOUT(heard.contains(u"hello "_s + relayA.instanceId()), 5000);
    // Nobody answered: a's actions and announcements send nothing.
    QTRY_VERIFY_WITH_TIMEOUT(!a.othersListening(), 5000);
    heard.clear();
    QVERIFY(act());
    relayA.announce(a);
    QTest::qWait(300);
    QVERIFY2(!heard.contains(u"server-a"_s) && !heard.contains(relayA.instanceId()),
             qPrintable(heard.join(u' ')));

    {
        // A second server: its hello turns a's notices on at once, and a's answer keeps its own on.
        ServerStore b(m_config);
        QVERIFY2(b.open(&error), qPrintable(error));
        int heardByB = 0;
        ChangeRelay relayB(
            m_config, [&] { ++heardByB; }, &b);
        relayB.setHelloTiming(1500, 400);
        QTRY_VERIFY_WITH_TIMEOUT(heard.contains(u"here "_s + relayA.instanceId()), 5000);
        QVERIFY(a.othersListening());
        QTest::qWait(800); // past b's wait for answers
        QVERIFY(b.othersListening());
        heard.clear();
        QVERIFY(act()); // the action's own NOTIFY, at its commit
        QTRY_VERIFY_WITH_TIMEOUT(heard.contains(u"server-a"_s), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(heardByB, 1, 5000);
        relayB.announce(b);
        QTRY_COMPARE_WITH_TIMEOUT(heardByA, 1, 5000);
        QCOMPARE(heardByB, 1); // not its own
    }
    // b gone: a finds out at its next hello.
    QTRY_VERIFY_WITH_TIMEOUT(!a.othersListening(), 5000);
}

void TestServerStore::actions()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    ActionRecord r;
    r.actionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.personId = u"wangfang"_s;
    r.itemId = u"item-1"_s;
    r.status = 200;
    r.response = QStringLiteral(u"{\"state\":\"published\",\"说明\":\"已发布\"}").toUtf8();
    r.at = utc(2024, 5, 1, 8, 0, 0, 7);
    QVERIFY(!store.action(r.actionId));
    QVERIFY(store.insertAction(r));

    std::optional<ActionRecord> found = store.action(r.actionId);
    QVERIFY(found);
    QCOMPARE(found->actionId, r.actionId);
    QCOMPARE(found->personId, r.personId);
    QCOMPARE(found->itemId, r.itemId);
    QCOMPARE(found->status, 200);
    QCOMPARE(found->response, r.response);
    QCOMPARE(found->at, r.at);

    ActionRecord repeat = r;
    repeat.status = 409;
    repeat.response = "{}";
    {
        // Inside a transaction the refusal leaves the transaction usable (also on PostgreSQL).
        ServerStore::Transaction t(store);
        QVERIFY(t.ok());
        QVERIFY(!store.insertAction(repeat));
        QVERIFY2(store.lastError().contains(r.actionId), qPrintable(store.lastError()));
        QVERIFY(store.saveItem(makeItem(u"after"_s), QString()));
        QVERIFY(t.commit());
    }
    QCOMPARE(store.action(r.actionId)->status, 200);
    QCOMPARE(store.action(r.actionId)->response, r.response);
    QVERIFY(store.item(u"after"_s));
}

// What a transaction wrote is gone when it isn't committed: item, sequence and audit event together.
void TestServerStore::transactionRollback()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    {
        ServerStore::Transaction t(store);
        QVERIFY(t.ok());
        QVERIFY(store.saveItem(makeItem(u"lost"_s), QString()));
        AuditEvent e = makeEvent(u"action.submit"_s, u"lost"_s, 1);
        QVERIFY(store.appendAudit(e));
        QCOMPARE(e.sequence, 1);
        QVERIFY(store.item(u"lost"_s)); // visible inside
        ServerStore::Transaction nested(store);
        QVERIFY(!nested.ok());
        QVERIFY(!nested.commit());
    }
    QVERIFY(!store.item(u"lost"_s));
    QCOMPARE(store.latestSequence(), 0);
    QVERIFY(store.changesSince(0, 10).isEmpty());
    QVERIFY(store.auditEvents(1, 10).isEmpty());
    QVERIFY(store.verifyAudit().ok);

    {
        ServerStore::Transaction t(store);
        QVERIFY(t.ok());
        QVERIFY(store.saveItem(makeItem(u"kept"_s), QString()));
        AuditEvent e = makeEvent(u"action.submit"_s, u"kept"_s, 1);
        QVERIFY(store.appendAudit(e));
        QCOMPARE(e.sequence, 1);
        QVERIFY(t.commit());
        QVERIFY(!t.commit());
    }
    QVERIFY(store.item(u"kept"_s));
    QCOMPARE(store.latestSequence(), 1);
    QCOMPARE(store.auditEvents(1, 10).size(), 1);
    QVERIFY(store.verifyAudit().ok);
}

// Four threads write items and audit events at once, each in its own transactions: every sequence
// number is handed out once and the audit chain holds.
void TestServerStore::concurrentWriters()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    constexpr int kThreads = 4;
    constexpr int kPerThread = 200;
    QMutex mutex;
    QStringList failures;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&store, &mutex, &failures, t] {
            for (int i = 0; i < kPerThread; ++i) {
                ServerStore::Transaction tx(store);
                AuditEvent e = makeEvent(u"action.submit"_s, u"t%1-%2"_s.arg(t).arg(i), i);
                if (!tx.ok() || !store.saveItem(makeItem(u"t%1-%2"_s.arg(t).arg(i)), QString()) ||
                    !store.appendAudit(e) || !tx.commit()) {
                    QMutexLocker lock(&mutex);
                    failures.append(u"thread %1, item %2: %3"_s.arg(t).arg(i).arg(store.lastError()));
                    return;
                }
            }
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

    constexpr int kTotal = kThreads * kPerThread;
    QCOMPARE(store.latestSequence(), kTotal);
    const QList<Change> changes = store.changesSince(0, kTotal + 10);
    QCOMPARE(changes.size(), kTotal);
    for (int i = 0; i < kTotal; ++i)
        QCOMPARE(changes.at(i).sequence, i + 1);
    const QList<AuditEvent> events = store.auditEvents(1, kTotal + 10);
    QCOMPARE(events.size(), kTotal);
    for (int i = 0; i < kTotal; ++i)
        QCOMPARE(events.at(i).sequence, i + 1);
    const AuditVerification v = store.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QCOMPARE(v.eventsChecked, kTotal);
}

// Appending fills in sequence, time and the chain; events read back equal, by range and by subject;
// the database refuses to change or remove them.
void TestServerStore::auditAppendAndRead()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QList<AuditEvent> written;
    for (int i = 1; i <= 4; ++i) {
        AuditEvent e = makeEvent(u"action.approve"_s, i % 2 ? u"item-odd"_s : u"item-even"_s, i);
        if (i == 2)
            e.at = QDateTime(QDate(2024, 5, 1), QTime(16, 0, 0, 250), QTimeZone(8 * 3600));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(store.appendAudit(e));
        QCOMPARE(e.sequence, i);
        QCOMPARE(e.previousHash, i == 1 ? QByteArray("") : written.constLast().hash);
        QCOMPARE(e.hash, e.computeHash());
        QCOMPARE(e.hash.size(), 64);
        QCOMPARE(e.at.timeSpec(), Qt::UTC);
        if (i == 2)
            QCOMPARE(e.at, utc(2024, 5, 1, 8, 0, 0, 250));
        else
            QVERIFY(e.at >= before.addMSecs(-1));
        written.append(e);
    }
    const QList<AuditEvent> all = store.auditEvents(1, 100);
    QCOMPARE(all.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(all.at(i).sequence, written.at(i).sequence);
        QCOMPARE(all.at(i).at, written.at(i).at);
        QCOMPARE(all.at(i).actorId, written.at(i).actorId);
        QCOMPARE(all.at(i).type, written.at(i).type);
        QCOMPARE(all.at(i).subjectId, written.at(i).subjectId);
        QCOMPARE(all.at(i).details, written.at(i).details);
        QCOMPARE(all.at(i).previousHash, written.at(i).previousHash);
        QCOMPARE(all.at(i).hash, written.at(i).hash);
    }
    QCOMPARE(all.at(0).details.value(u"reason"_s).toString(), u"附件缺少图例"_s);
    const QList<AuditEvent> page = store.auditEvents(2, 2);
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.at(0).sequence, 2);
    QCOMPARE(page.at(1).sequence, 3);
    const QList<AuditEvent> even = store.auditEventsFor(u"item-even"_s);
    QCOMPARE(even.size(), 2);
    QCOMPARE(even.at(0).sequence, 2);
    QCOMPARE(even.at(1).sequence, 4);
    const AuditVerification v = store.verifyAudit();
    QVERIFY(v.ok);
    QCOMPARE(v.eventsChecked, 4);
    QCOMPARE(v.firstBadSequence, 0);

    // Append-only in the database too.
    QVERIFY(!sql(store, u"UPDATE audit SET actor = 'someone' WHERE seq = 2"_s));
    QVERIFY(!sql(store, u"DELETE FROM audit WHERE seq = 4"_s));
    QCOMPARE(store.auditEvents(1, 100).size(), 4);
    QVERIFY(store.verifyAudit().ok);
}

// (a) An event changed in the database is found and named.
void TestServerStore::auditDetectsChangedEvent()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(appendEvents(store, 5));
    QVERIFY(store.verifyAudit().ok);
    QVERIFY(dropAuditTriggers(store));
    QVERIFY(sql(store, u"UPDATE audit SET details = ? WHERE seq = 3"_s, {u"{\"n\":3,\"reason\":\"无\"}"_s}));

    const AuditVerification v = store.verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, 3);
    QCOMPARE(v.eventsChecked, 2);
    QVERIFY2(v.problem.contains(u"event 3 was changed"_s), qPrintable(v.problem));
}

// (b) An event removed from the middle is found and named.
void TestServerStore::auditDetectsRemovedEvent()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(appendEvents(store, 5));
    QVERIFY(dropAuditTriggers(store));
    QVERIFY(sql(store, u"DELETE FROM audit WHERE seq = 3"_s));

    const AuditVerification v = store.verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, 3);
    QVERIFY2(v.problem.contains(u"event 3 is missing"_s), qPrintable(v.problem));
}

// The last events removed: the counter of written events still tells.
void TestServerStore::auditDetectsTruncatedLog()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(appendEvents(store, 5));
    QVERIFY(dropAuditTriggers(store));
    QVERIFY(sql(store, u"DELETE FROM audit WHERE seq >= 4"_s));

    AuditVerification v = store.verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, 4);
    QCOMPARE(v.eventsChecked, 3);
    QVERIFY2(v.problem.contains(u"from 4 on are missing"_s), qPrintable(v.problem));

    // Recording goes on (the gap stays visible).
    AuditEvent e = makeEvent(u"login"_s, u"zhangwei"_s, 6);
    QVERIFY(store.appendAudit(e));
    QCOMPARE(e.sequence, 6);
    v = store.verifyAudit();
    QCOMPARE(v.firstBadSequence, 4);
    QVERIFY2(v.problem.contains(u"event 4 is missing"_s), qPrintable(v.problem));
}

// (c) Two events swapped (each row given the other's content) are found at the first of them.
void TestServerStore::auditDetectsSwappedEvents()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(appendEvents(store, 5));
    QVERIFY(dropAuditTriggers(store));
    const QList<AuditEvent> events = store.auditEvents(2, 2);
    QCOMPARE(events.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const AuditEvent &from = events.at(1 - i);
        QVERIFY(sql(store,
                    u"UPDATE audit SET at = ?, actor = ?, type = ?, subject = ?, details = ?, prev_hash = ?, "
                    u"hash = ? WHERE seq = ?"_s,
                    {from.at.toString(Qt::ISODateWithMs), from.actorId, from.type, from.subjectId,
                     QString::fromUtf8(QJsonDocument(from.details).toJson(QJsonDocument::Compact)),
                     QString::fromLatin1(from.previousHash), QString::fromLatin1(from.hash),
                     events.at(i).sequence}));
    }
    QCOMPARE(store.auditEvents(2, 1).constFirst().subjectId, u"item-3"_s);

    const AuditVerification v = store.verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, 2);
    QCOMPARE(v.eventsChecked, 1);
    QVERIFY2(v.problem.contains(u"event 2 does not follow event 1"_s), qPrintable(v.problem));
}

// A log longer than the pages verifyAudit() reads it in: all of it is checked, a change deep in it found.
void TestServerStore::auditVerifyLongLog()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    // Written directly (as appendAudit() would) for speed: one transaction, one prepared statement.
    constexpr int kEvents = 12000; // more than one page of 10,000
    {
        ServerStore::Transaction t(store);
        QVERIFY(t.ok());
        QSqlQuery q(store.database());
        QVERIFY(q.prepare(u"INSERT INTO audit (seq, at, actor, type, subject, details, prev_hash, hash) "
                          u"VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s));
        QByteArray previousHash = "";
        for (int i = 1; i <= kEvents; ++i) {
            AuditEvent e = makeEvent(u"login"_s, u"p%1"_s.arg(i % 50), i);
            e.sequence = i;
            e.at = utc(2024, 1, 1, 0, 0, 0, 0).addMSecs(i);
            e.previousHash = previousHash;
            e.hash = e.computeHash();
            previousHash = e.hash;
            q.addBindValue(e.sequence);
            q.addBindValue(e.at.toString(Qt::ISODateWithMs));
            q.addBindValue(e.actorId);
            q.addBindValue(e.type);
            q.addBindValue(e.subjectId);
            q.addBindValue(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)));
            q.addBindValue(QString::fromLatin1(e.previousHash));
            q.addBindValue(QString::fromLatin1(e.hash));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.finish();
        QVERIFY(sql(store, u"UPDATE counters SET value = ? WHERE name = 'audit'"_s, {kEvents}));
        QVERIFY(t.commit());
    }
    AuditVerification v = store.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QCOMPARE(v.eventsChecked, kEvents);
    AuditEvent next = makeEvent(u"logout"_s, u"p1"_s, 0);
    QVERIFY(store.appendAudit(next));
    QCOMPARE(next.sequence, kEvents + 1);
    QVERIFY(store.verifyAudit().ok);

    QVERIFY(dropAuditTriggers(store));
    QVERIFY(sql(store, u"UPDATE audit SET actor = 'someone' WHERE seq = 11234"_s));
    v = store.verifyAudit();
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSequence, 11234);
    QCOMPARE(v.eventsChecked, 11233);
}

// A backup made while another thread writes opens as a store with an intact audit chain that matches
// its items. PostgreSQL: refused, pointing to pg_dump.
void TestServerStore::backupWhileWriting()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QString path = m_dir->filePath(u"backup.db"_s);
    if (postgres()) {
        QVERIFY(!store.backup(path, &error));
        QVERIFY2(error.contains(u"pg_dump"_s), qPrintable(error));
        QCOMPARE(store.lastError(), error);
        return;
    }

    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    QString writerError;
    std::unique_ptr<QThread> writer(QThread::create([&] {
        for (int i = 0; !stop; ++i) {
            ServerStore::Transaction tx(store);
            AuditEvent e = makeEvent(u"action.submit"_s, u"w-%1"_s.arg(i), i);
            if (!tx.ok() || !store.saveItem(makeItem(u"w-%1"_s.arg(i)), QString()) || !store.appendAudit(e) ||
                !tx.commit()) {
                writerError = store.lastError();
                return;
            }
            ++written;
        }
    }));
    writer->start();
    QTRY_VERIFY_WITH_TIMEOUT(written >= 20 || writer->isFinished(), 20000);
    const bool backedUp = store.backup(path, &error);
    const int atBackup = written;
    QTRY_VERIFY_WITH_TIMEOUT(written >= atBackup + 20 || writer->isFinished(), 20000);
    stop = true;
    QVERIFY(writer->wait(20000));
    QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
    QVERIFY2(backedUp, qPrintable(error));
    QVERIFY(!store.backup(path, &error)); // never over an existing file
    QVERIFY2(error.contains(u"already exists"_s), qPrintable(error));

    StoreConfig copyConfig = m_config;
    copyConfig.sqlitePath = path;
    ServerStore copy(copyConfig);
    QVERIFY2(copy.open(&error), qPrintable(error));
    QCOMPARE(copy.serverId(), store.serverId());
    const AuditVerification v = copy.verifyAudit();
    QVERIFY2(v.ok, qPrintable(v.problem));
    QVERIFY(v.eventsChecked >= 20);
    QVERIFY(v.eventsChecked < store.verifyAudit().eventsChecked);
    // Items and events were committed together: the snapshot has as many of each.
    QCOMPARE(copy.latestSequence(), v.eventsChecked);
    QCOMPARE(copy.changesSince(0, 100000).size(), v.eventsChecked);
}

// Index serials count per unit code and year; a rolled-back number is given again.
void TestServerStore::indexSerials()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 1);
    QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 2);
    QCOMPARE(store.nextIndexSerial(u"012"_s, 2025), 1);
    QCOMPARE(store.nextIndexSerial(u"001"_s, 2024), 1);
    QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 3);
    {
        ServerStore::Transaction t(store);
        QVERIFY(t.ok());
        QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 4);
        QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 5);
    }
    QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 4);
    {
        ServerStore::Transaction t(store);
        QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 5);
        QVERIFY(t.commit());
    }
    QCOMPARE(store.nextIndexSerial(u"012"_s, 2024), 6);
}

void TestServerStore::postgresReconnects_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("postgresql") << u"postgresql"_s;
}

// PostgreSQL: a connection the server dropped (a restart, an administrator) is opened again; a write
// then goes through at once, a read after at most one failure.
void TestServerStore::postgresReconnects()
{
    ServerStore store(m_config);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(store.saveItem(makeItem(u"before"_s), QString()));

    auto dropConnections = [&store] {
        // Another connection of the same role may end this one's backend.
        ServerStore other(store.config());
        QSqlQuery q(other.database());
        QVERIFY(q.exec(u"SELECT pg_backend_pid()"_s) && q.next());
        const int self = q.value(0).toInt();
        QVERIFY(q.prepare(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          u"WHERE datname = current_database() AND usename = current_user AND pid <> ?"_s));
        q.addBindValue(self);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toBool());
    };

    dropConnections();
    QVERIFY2(store.saveItem(makeItem(u"after"_s), QString()), qPrintable(store.lastError()));
    QVERIFY(store.item(u"after"_s));

    dropConnections();
    if (!store.item(u"before"_s))
        QVERIFY(!store.lastError().isEmpty());
    QVERIFY2(store.item(u"before"_s), qPrintable(store.lastError()));
    QCOMPARE(store.latestSequence(), 2);
}

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_server_store.moc"
