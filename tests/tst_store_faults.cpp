// The client's offline promises under storage trouble (issue #20, items 2–4), on the real SQLite with a
// fault-injecting VFS under it (tests/support/FaultyVfs.h), never a mock of the store:
//   - every connection to the local store runs WAL with synchronous=FULL and a busy timeout (the
//     search index's, which writes only what can be made again, with NORMAL: the one exception);
//   - a disk that is full, fails or turns read-only during a draft save, an outbox write, the attempts
//     count written before a send, or a feed page: the user is told, nothing is half-written (an item
//     without its outbox entry, a page's items without its cursor), and the next try succeeds;
//   - the user's writes and the feed writer's, on two connections, wait for each other instead of
//     failing with SQLITE_BUSY.

#include "ClientEndpoint.h"
#include "FaultyVfs.h"
#include "SampleContent.h"

#include "DomainJson.h"
#include "FeedWriter.h"
#include "LocalStore.h"
#include "SyncEngine.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <sqlite3.h>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

Item newDraft(const QString &title)
{
    Item item;
    item.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.kind = ItemKind::News;
    item.unitId = u"office"_s;
    Revision r;
    r.number = 1;
    r.content.title = title;
    r.content.bodyHtml = u"<p>关于国土空间规划的正文。</p>"_s;
    r.content.infoDate = chinaToday().addDays(-1);
    r.content.columnId = test::allowedColumn(ItemKind::News, u"office"_s);
    item.revisions = {r};
    return item;
}

Item withTitle(Item item, const QString &title)
{
    item.revisions.last().content.title = title;
    return item;
}

ActionRequest request(Action action)
{
    ActionRequest r;
    r.action = action;
    return r;
}

// Everything the store holds that a save or a page writes: each item's JSON, the outbox entries with
// their requests and attempts, and the feed's cursor. Two equal snapshots: nothing was written.
QStringList snapshot(LocalStore &store)
{
    QStringList out;
    for (const ItemSummary &s : store.summaries(0, 10000)) {
        const std::optional<Item> item = store.item(s.id);
        out.append(u"item "_s + s.id + u' ' +
                   (item
                        ? QString::fromUtf8(QJsonDocument(json::toJson(*item)).toJson(QJsonDocument::Compact))
                        : u"(unreadable)"_s));
    }
    for (const OutboxEntry &e : store.outbox()) {
        out.append(
            u"outbox %1 %2 %3 rev=%4 attempts=%5 state=%6 %7"_s.arg(e.actionId, e.itemId, toString(e.action))
                .arg(e.revision)
                .arg(e.attempts)
                .arg(int(e.state))
                .arg(QString::fromUtf8(QJsonDocument(e.request).toJson(QJsonDocument::Compact))));
    }
    out.append(u"cursor "_s + store.syncValue(u"cursor"_s));
    return out;
}

// One client: its own local store and sync engine, talking to the harness.
struct Client
{
    explicit Client(const ServerEndpoint &endpoint)
        : store(dir.filePath(u"local.sqlite"_s))
    {
        opened = store.open().ok();
        engine = std::make_unique<SyncEngine>(store, &nam);
        engine->setEndpoint(endpoint);
    }
    bool sync(int timeoutMs = 60000)
    {
        QSignalSpy done(engine.get(), &SyncEngine::runFinished);
        engine->syncNow();
        return done.count() > 0 || done.wait(timeoutMs);
    }
    QTemporaryDir dir;
    LocalStore store;
    QNetworkAccessManager nam;
    std::unique_ptr<SyncEngine> engine;
    bool opened = false;
};

// The storage faults each write is tried with: SQLite's code, the VFS operation that fails, and the
// words the user is given for it (LocalStore's translated explanation).
void addFaults()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("operations");
    QTest::addColumn<QString>("told");
    QTest::newRow("disk full") << SQLITE_FULL << int(FaultyVfs::Write) << u"the disk is full"_s;
    QTest::newRow("write I/O error") << SQLITE_IOERR_WRITE << int(FaultyVfs::Write)
                                     << u"input/output error"_s;
    QTest::newRow("fsync fails") << SQLITE_IOERR_FSYNC << int(FaultyVfs::Sync) << u"input/output error"_s;
    QTest::newRow("read-only") << SQLITE_READONLY << int(FaultyVfs::Write) << u"read-only"_s;
}

} // namespace

class TestStoreFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void everyConnectionDurable();
    void draftSaveFault_data() { addFaults(); }
    void draftSaveFault();
    void outboxWriteFault_data() { addFaults(); }
    void outboxWriteFault();
    void sendAttemptFault_data();
    void sendAttemptFault();
    void feedPageFault_data();
    void feedPageFault();
    void feedWriterOpenFault();
    void organizationSaveFault();
    void userWaitsForFeedWriter_data();
    void userWaitsForFeedWriter();
    void feedWriterWaitsForUser();

private:
    std::unique_ptr<ServerHarness> server()
    {
        auto h = std::make_unique<ServerHarness>(u"sqlite"_s);
        if (!h->ok()) {
            qWarning() << "server:" << h->error();
            return nullptr;
        }
        QString error;
        if (!h->importOrganization(Organization::demo(), &error)) {
            qWarning() << error;
            return nullptr;
        }
        return h;
    }
};

void TestStoreFaults::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    // Before any connection is opened: a connection keeps the VFS it was opened with.
    QVERIFY(FaultyVfs::install());
}

// Item 2: every connection a local store opens, read back from SQLite: the user's (the engine's
// store), the feed writer's (its own LocalStore on its thread), the search indexer's and the
// background check's (read-only). All WAL with a 5 s busy timeout; synchronous=FULL except the search
// indexer's NORMAL, the documented exception: it writes only the derived search index, which is made
// again from the rows, and NORMAL in WAL mode still never leaves the file inconsistent (a later FULL
// commit syncs the WAL with the index's frames before it).
void TestStoreFaults::everyConnectionDurable()
{
    QMutex mutex;
    QList<QPair<LocalStore::ConnectionSettings, QThread *>> seen;
    LocalStore::setConnectionObserver([&](const LocalStore::ConnectionSettings &s) {
        QMutexLocker lock(&mutex);
        seen.append({s, QThread::currentThread()});
    });
    const auto stopObserving = qScopeGuard([] { LocalStore::setConnectionObserver(nullptr); });

    QTemporaryDir dir;
    const QString path = dir.filePath(u"local.sqlite"_s);
    LocalStore store(path);
    QVERIFY(store.open().ok());
    const LocalStore::ConnectionSettings own = store.connectionSettings();
    QCOMPARE(own.journalMode, u"wal"_s);
    QCOMPARE(own.synchronous, 2); // FULL
    QCOMPARE(own.busyTimeoutMs, 5000);

    // The feed writer's connection, asked on its thread.
    {
        FeedWriter writer(path);
        QSemaphore done;
        LocalStore::ConnectionSettings writers;
        QString openError;
        writer.post([&](LocalStore *s, const QString &error) {
            if (s)
                writers = s->connectionSettings();
            openError = error;
            done.release();
        });
        QVERIFY(done.tryAcquire(1, 10000));
        QVERIFY2(openError.isEmpty(), qPrintable(openError));
        QCOMPARE(writers.journalMode, u"wal"_s);
        QCOMPARE(writers.synchronous, 2);
        QCOMPARE(writers.busyTimeoutMs, 5000);
    }

    // The search indexer's: a write of more rows than are indexed at once leaves them to it.
    QList<Item> many;
    for (int i = 0; i < 300; ++i)
        many.append(newDraft(u"索引%1"_s.arg(i)));
    store.searchIndexer()->setDelay(0);
    QSignalSpy indexed(store.searchIndexer(), &SearchIndexer::finished);
    QVERIFY(store.saveItems(many));
    QVERIFY(indexed.wait(30000));
    QCOMPARE(indexed.first().at(1).toString(), QString());
    QCOMPARE(store.searchBacklog(), 0);

    // The background check's (read-only).
    QCOMPARE(LocalStore::integrityProblems(path), QStringList());

    QMutexLocker lock(&mutex);
    QMap<LocalStore::ConnectionRole, int> roles;
    QSet<QThread *> storeThreads;
    for (const auto &[s, thread] : std::as_const(seen)) {
        ++roles[s.role];
        QCOMPARE(s.journalMode, u"wal"_s);
        QCOMPARE(s.busyTimeoutMs, 5000);
        if (s.role == LocalStore::ConnectionRole::SearchIndex)
            QCOMPARE(s.synchronous, 1); // NORMAL: the documented exception
        else
            QCOMPARE(s.synchronous, 2); // FULL
        if (s.role == LocalStore::ConnectionRole::Store)
            storeThreads.insert(thread);
    }
    QCOMPARE(roles.value(LocalStore::ConnectionRole::Store), 2); // the user's, the feed writer's
    QCOMPARE(storeThreads.size(), 2);
    QVERIFY(roles.value(LocalStore::ConnectionRole::SearchIndex) >= 1);
    QCOMPARE(roles.value(LocalStore::ConnectionRole::Check), 1);
}

// Item 3a: the disk fails during a draft save (the item and its outbox entry in one transaction):
// the save returns no action id and says why; neither the new draft nor its entry is there, an unsent
// draft's earlier text and entry are unchanged; once the disk is fine the same saves succeed, once
// each, and the file reopens sound (quick_check) holding exactly them.
void TestStoreFaults::draftSaveFault()
{
    QFETCH(int, code);
    QFETCH(int, operations);
    QFETCH(QString, told);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"local.sqlite"_s);
    LocalStore store(path);
    QVERIFY(store.open().ok());
    QNetworkAccessManager nam;
    SyncEngine engine(store, &nam);
    QString error;
    const Item kept = newDraft(u"先存好的稿件"_s);
    QVERIFY2(engine.saveDraft(kept, &error), qPrintable(error));
    const QStringList before = snapshot(store);

    FaultyVfsDisarm disarm;
    // A new draft.
    const Item fresh = newDraft(u"磁盘出错时写的稿件"_s);
    FaultyVfs::arm(path, code, operations);
    QVERIFY(!engine.saveDraft(fresh, &error));
    QVERIFY(FaultyVfs::failures() > 0);
    FaultyVfs::disarm();
    QVERIFY2(error.contains(told), qPrintable(error));
    QVERIFY(!store.item(fresh.id));
    QVERIFY(store.outboxOf(fresh.id).isEmpty());
    QCOMPARE(snapshot(store), before);

    // New text of the unsent draft (its entry is updated in place).
    error.clear();
    FaultyVfs::arm(path, code, operations);
    QVERIFY(!engine.saveDraft(withTitle(*store.item(kept.id), u"改过的标题"_s), &error));
    FaultyVfs::disarm();
    QVERIFY2(error.contains(told), qPrintable(error));
    QCOMPARE(snapshot(store), before);

    // The disk is fine again: both saves go through, once each.
    QVERIFY2(engine.saveDraft(fresh, &error), qPrintable(error));
    QVERIFY2(engine.saveDraft(withTitle(*store.item(kept.id), u"改过的标题"_s), &error), qPrintable(error));
    QCOMPARE(store.itemCount(), 2);
    QCOMPARE(store.outboxCount(), 2);
    QCOMPARE(store.outboxOf(fresh.id).size(), 1);
    QCOMPARE(store.outboxOf(kept.id).size(), 1);
    QCOMPARE(store.item(kept.id)->latest()->content.title, u"改过的标题"_s);
    QCOMPARE(store.outboxOf(kept.id)
                 .constFirst()
                 .request.value("content"_L1)
                 .toObject()
                 .value("title"_L1)
                 .toString(),
             u"改过的标题"_s);
    const QStringList after = snapshot(store);

    // Reopened (with the whole-file check): the same, nothing more.
    store.close();
    LocalStore again(path);
    const LocalStore::OpenResult opened = again.open();
    QVERIFY2(opened.status == LocalStore::OpenStatus::Opened, qPrintable(opened.message));
    QCOMPARE(snapshot(again), after);
}

// Item 3b: the disk fails while an action is queued (its outbox entry): no entry, the user is told;
// then it is queued once.
void TestStoreFaults::outboxWriteFault()
{
    QFETCH(int, code);
    QFETCH(int, operations);
    QFETCH(QString, told);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"local.sqlite"_s);
    LocalStore store(path);
    QVERIFY(store.open().ok());
    QNetworkAccessManager nam;
    SyncEngine engine(store, &nam);
    QString error;
    const Item draft = newDraft(u"待提交的稿件"_s);
    QVERIFY2(engine.saveDraft(draft, &error), qPrintable(error));
    const QStringList before = snapshot(store);

    FaultyVfsDisarm disarm;
    FaultyVfs::arm(path, code, operations);
    QVERIFY(!engine.queueAction(draft.id, request(Action::Submit), &error));
    QVERIFY(FaultyVfs::failures() > 0);
    FaultyVfs::disarm();
    QVERIFY2(error.contains(told), qPrintable(error));
    QCOMPARE(snapshot(store), before);

    const std::optional<QString> id = engine.queueAction(draft.id, request(Action::Submit), &error);
    QVERIFY2(id, qPrintable(error));
    const QList<OutboxEntry> entries = store.outboxOf(draft.id);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).action, Action::Create);
    QCOMPARE(entries.at(1).action, Action::Submit);
    QCOMPARE(entries.at(1).actionId, *id);
}

// Item 3b: the attempts count, written durably before an action is sent, can't be written: the action
// is not sent (the server has nothing), the run ends Offline with the translated reason (not Idle as
// if all were fine), the entry is unchanged; the next run sends it and the server has it once.
void TestStoreFaults::sendAttemptFault()
{
    QFETCH(int, code);
    QFETCH(int, operations);
    QFETCH(QString, told);

    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(c.opened);
    QVERIFY(c.sync()); // the organization and the (empty) feed
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QString error;
    const Item draft = newDraft(u"发送前计数失败的稿件"_s);
    const std::optional<QString> actionId = c.engine->saveDraft(draft, &error);
    QVERIFY2(actionId, qPrintable(error));
    const QStringList before = snapshot(c.store);

    QSignalSpy errors(c.engine.get(), &SyncEngine::errorOccurred);
    FaultyVfsDisarm disarm;
    FaultyVfs::arm(c.store.path(), code, operations);
    QVERIFY(c.sync());
    QVERIFY(FaultyVfs::failures() > 0);
    FaultyVfs::disarm();
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.last().at(0).toString().contains(told), qPrintable(errors.last().at(0).toString()));
    QCOMPARE(errors.last().at(2).toString(), draft.id);
    QCOMPARE(c.engine->lastError().actionId, *actionId);
    QVERIFY(!h->store().item(draft.id)); // never sent
    QCOMPARE(snapshot(c.store), before); // attempts still 0

    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.outboxCount(), 0);
    const std::optional<Item> onServer = h->store().item(draft.id);
    QVERIFY(onServer);
    QCOMPARE(onServer->latestNumber(), 1);
    QCOMPARE(onServer->latest()->content.title, draft.latest()->content.title);
}

void TestStoreFaults::sendAttemptFault_data()
{
    // The words for each fault are draftSaveFault's: two kinds of failure are enough here (a write
    // refused, a write made but not synced).
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("operations");
    QTest::addColumn<QString>("told");
    QTest::newRow("disk full") << SQLITE_FULL << int(FaultyVfs::Write) << u"the disk is full"_s;
    QTest::newRow("fsync fails") << SQLITE_IOERR_FSYNC << int(FaultyVfs::Sync) << u"input/output error"_s;
}

void TestStoreFaults::feedPageFault_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("operations");
    QTest::addColumn<int>("skip");
    QTest::addColumn<int>("pagesKept");
    QTest::addColumn<QString>("told");
    QTest::newRow("disk full, first page")
        << SQLITE_FULL << int(FaultyVfs::Write) << 0 << 0 << u"the disk is full"_s;
    // One sync per commit: the first page's passes, the second page's fails.
    QTest::newRow("fsync fails, second page")
        << SQLITE_IOERR_FSYNC << int(FaultyVfs::Sync) << 1 << 1 << u"input/output error"_s;
    QTest::newRow("read-only, first page")
        << SQLITE_READONLY << int(FaultyVfs::Write) << 0 << 0 << u"read-only"_s;
}

// Item 3c: the disk fails while a feed page is written (on the feed writer's thread, its items and
// its cursor in one transaction): the run ends Offline with the translated reason; the pages before
// it are kept whole with their cursor, the failed page is not there at all (none of its items, the
// cursor not moved); the next run brings the rest, and every item is there once.
void TestStoreFaults::feedPageFault()
{
    QFETCH(int, code);
    QFETCH(int, operations);
    QFETCH(int, skip);
    QFETCH(int, pagesKept);
    QFETCH(QString, told);

    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client c(endpointOf(*h, token));
    QVERIFY(c.opened);
    c.engine->setPageSize(2);
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    const QString cursorBefore = c.store.syncValue(u"cursor"_s);
    const int countBefore = c.store.itemCount();

    // Five items on the server, written by the same person's other machine.
    Client other(endpointOf(*h, token));
    QVERIFY(other.opened);
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY2(other.engine->saveDraft(newDraft(u"分页稿件%1"_s.arg(i)), &error), qPrintable(error));
    QVERIFY(other.sync());
    QCOMPARE(other.store.outboxCount(), 0);
    const QList<server::Change> changes = h->store().changesSince(cursorBefore.toLongLong(), 100);
    QCOMPARE(changes.size(), 5);

    QSignalSpy errors(c.engine.get(), &SyncEngine::errorOccurred);
    FaultyVfsDisarm disarm;
    FaultyVfs::arm(c.store.path(), code, operations, skip);
    QVERIFY(c.sync());
    QVERIFY(FaultyVfs::failures() > 0);
    FaultyVfs::disarm();
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.last().at(0).toString().contains(told), qPrintable(errors.last().at(0).toString()));

    // Whole pages only: exactly the items up to the stored cursor.
    QCOMPARE(c.store.itemCount(), countBefore + 2 * pagesKept);
    const QString cursorAfter = c.store.syncValue(u"cursor"_s);
    if (pagesKept == 0)
        QCOMPARE(cursorAfter, cursorBefore);
    bool numeric = cursorAfter.isEmpty(); // none yet: before the first change
    const qint64 stored = cursorAfter.isEmpty() ? 0 : cursorAfter.toLongLong(&numeric);
    QVERIFY2(numeric, qPrintable(cursorAfter));
    for (const server::Change &change : changes)
        QCOMPARE(bool(c.store.item(change.itemId)), change.sequence <= stored);

    // The disk is fine again: the rest comes, nothing twice.
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.itemCount(), countBefore + 5);
    for (const server::Change &change : changes)
        QVERIFY(c.store.item(change.itemId));
    QCOMPARE(c.store.syncValue(u"cursor"_s).toLongLong(), h->store().latestSequence());
    QCOMPARE(c.store.outboxCount(), 0);
}

// Item 3c: the feed writer's own connection can't be opened (it opens at the first page of an engine):
// the run ends Offline with the translated reason, nothing of the feed is written and the cursor stays;
// the next run opens it and brings every item once.
void TestStoreFaults::feedWriterOpenFault()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client other(endpointOf(*h, token));
    QVERIFY(other.opened);
    QString error;
    for (int i = 0; i < 3; ++i)
        QVERIFY2(other.engine->saveDraft(newDraft(u"打不开时的稿件%1"_s.arg(i)), &error), qPrintable(error));
    QVERIFY(other.sync());
    QCOMPARE(other.store.outboxCount(), 0);

    Client c(endpointOf(*h, token)); // its store is open; its engine has no feed writer yet
    QVERIFY(c.opened);
    QSignalSpy errors(c.engine.get(), &SyncEngine::errorOccurred);
    FaultyVfsDisarm disarm;
    FaultyVfs::arm(c.store.path(), SQLITE_CANTOPEN, FaultyVfs::Open);
    QVERIFY(c.sync());
    QVERIFY(FaultyVfs::failures() > 0);
    FaultyVfs::disarm();
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.last().at(0).toString().contains(u"could not be opened"_s),
             qPrintable(errors.last().at(0).toString()));
    QCOMPARE(c.store.itemCount(), 0);
    QCOMPARE(c.store.syncValue(u"cursor"_s), QString());

    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.itemCount(), 3);
    QCOMPARE(c.store.syncValue(u"cursor"_s).toLongLong(), h->store().latestSequence());
}

// The organization, fetched when the store has none, can't be saved: the user is told (it used to be
// dropped without a word while the run went on) and the run stops there, Offline; the next run saves it.
void TestStoreFaults::organizationSaveFault()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(c.opened);
    QVERIFY(c.sync());
    QVERIFY(c.store.organization());
    {
        // As a store that lost it (or never had it): the next run fetches it again.
        const QString name = u"organization-remover"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(c.store.path());
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"DELETE FROM organization"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QVERIFY(!c.store.organization());

    QSignalSpy errors(c.engine.get(), &SyncEngine::errorOccurred);
    FaultyVfsDisarm disarm;
    FaultyVfs::arm(c.store.path(), SQLITE_FULL, FaultyVfs::Write);
    QVERIFY(c.sync());
    QVERIFY(FaultyVfs::failures() > 0);
    FaultyVfs::disarm();
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QCOMPARE(errors.size(), 1); // the organization's, and nothing after it
    const QString message = errors.first().at(0).toString();
    QVERIFY2(message.contains(u"the disk is full"_s) && message.contains(u"organization"_s),
             qPrintable(message));
    QVERIFY(!c.store.organization());

    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QVERIFY(c.store.organization());
}

void TestStoreFaults::userWaitsForFeedWriter_data()
{
    QTest::addColumn<bool>("draft"); // saveDraft(), else queueAction()
    QTest::newRow("draft saved") << true;
    QTest::newRow("action queued") << false;
}

// Item 4: the feed writer holds its write transaction (a page and its cursor) for 1.5 s; meanwhile
// the user saves a draft or queues an action on the engine's connection. The user's write waits (the
// busy timeout, 5 s) and succeeds; both writes are there.
void TestStoreFaults::userWaitsForFeedWriter()
{
    QFETCH(bool, draft);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"local.sqlite"_s);
    LocalStore store(path);
    QVERIFY(store.open().ok());
    QNetworkAccessManager nam;
    SyncEngine engine(store, &nam);
    QString error;
    const Item mine = newDraft(u"我的稿件"_s);
    QVERIFY2(engine.saveDraft(mine, &error), qPrintable(error));

    const Item fromFeed = newDraft(u"来自服务器的稿件"_s);
    FeedWriter writer(path);
    QSemaphore holding;
    QSemaphore done;
    bool pageOk = false;
    QString pageError;
    writer.post([&](LocalStore *s, const QString &openError) {
        if (!s) {
            pageError = openError;
            holding.release();
            done.release();
            return;
        }
        pageOk = s->beginTransaction() && s->writeItemsInTransaction({fromFeed}) &&
                 s->setSyncValue(u"cursor"_s, u"42"_s);
        holding.release();
        QThread::msleep(1500);
        pageOk = pageOk && s->commit();
        if (!pageOk) {
            pageError = s->lastError();
            s->rollback();
        }
        done.release();
    });
    QVERIFY(holding.tryAcquire(1, 10000));

    QElapsedTimer waited;
    waited.start();
    std::optional<QString> actionId;
    Item edited = withTitle(*store.item(mine.id), u"等待中保存的标题"_s);
    if (draft)
        actionId = engine.saveDraft(edited, &error);
    else
        actionId = engine.queueAction(mine.id, request(Action::Submit), &error);
    const qint64 elapsed = waited.elapsed();
    QVERIFY2(actionId, qPrintable(error));
    QVERIFY(done.tryAcquire(1, 10000));
    QVERIFY2(pageOk, qPrintable(pageError));
    // It did wait for the page (the lock was held), and not for the whole busy timeout.
    QVERIFY2(elapsed >= 1000 && elapsed < 5000, qPrintable(QString::number(elapsed)));

    QVERIFY(store.item(fromFeed.id));
    QCOMPARE(store.syncValue(u"cursor"_s), u"42"_s);
    QVERIFY(store.outboxEntry(*actionId));
    if (draft) {
        QCOMPARE(store.item(mine.id)->latest()->content.title, u"等待中保存的标题"_s);
        QCOMPARE(store.outboxCount(), 1); // the unsent create took the new text
    } else {
        QCOMPARE(store.outboxCount(), 2);
        QCOMPARE(store.outboxEntry(*actionId)->action, Action::Submit);
    }
}

// Item 4, the other way: the user's connection holds a write transaction for 1.5 s while a sync's
// feed page arrives; the feed writer's page (on its thread, its connection) waits and is written after
// the user's commit; the run ends Idle with every item and the user's write.
void TestStoreFaults::feedWriterWaitsForUser()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client c(endpointOf(*h, token));
    QVERIFY(c.opened);
    QVERIFY(c.sync());
    Client other(endpointOf(*h, token));
    QString error;
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const Item d = newDraft(u"等待写入的稿件%1"_s.arg(i));
        ids.append(d.id);
        QVERIFY2(other.engine->saveDraft(d, &error), qPrintable(error));
    }
    QVERIFY(other.sync());
    QCOMPARE(other.store.outboxCount(), 0);

    const Item local = newDraft(u"本机事务中的稿件"_s);
    QVERIFY(c.store.beginTransaction());
    QVERIFY(c.store.writeItemsInTransaction({local}));
    QElapsedTimer clock;
    clock.start();
    qint64 committedAt = -1;
    qint64 pageAt = -1;
    bool committed = false;
    QObject context; // ends the connections below before the variables they use
    QTimer commitLater;
    commitLater.setSingleShot(true);
    connect(&commitLater, &QTimer::timeout, &context, [&] {
        committed = c.store.commit();
        committedAt = clock.elapsed();
    });
    connect(c.engine.get(), &SyncEngine::itemsChanged, &context, [&] {
        if (pageAt < 0)
            pageAt = clock.elapsed();
    });
    commitLater.start(1500);
    QVERIFY(c.sync());
    QTRY_VERIFY(committedAt >= 0);
    QVERIFY2(committed, qPrintable(c.store.lastError()));
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QVERIFY2(pageAt >= committedAt, qPrintable(u"page %1 ms, commit %2 ms"_s.arg(pageAt).arg(committedAt)));
    QVERIFY(c.store.item(local.id));
    for (const QString &id : std::as_const(ids))
        QVERIFY(c.store.item(id));
    QCOMPARE(c.store.itemCount(), 4);
}

QTEST_GUILESS_MAIN(TestStoreFaults)
#include "tst_store_faults.moc"
