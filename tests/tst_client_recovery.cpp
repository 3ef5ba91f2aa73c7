// The client's local store when something goes wrong with it (issue #20 item 10), against the real
// server in-process (ServerHarness on SQLite):
//  - damage found while the client runs (the background check, or an SQL call answering
//    SQLITE_CORRUPT) stops sync — nothing more is sent, pulled or written into the file — and a
//    rebuild on request keeps the damaged file aside, salvages every queued action and the items they
//    are about into a new store, and sends them once each while everything else comes again from the
//    server;
//  - a salvage skips the rows it cannot read, counts them and keeps the others;
//  - queued actions survive the upgrade from every earlier schema, and are then applied once each.

#include "ClientEndpoint.h"
#include "ClientTestSupport.h"
#include "SampleContent.h"
#include "StoreDamage.h"

#include "DomainJson.h"
#include "SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString longBody(int n)
{
    QString body;
    for (int p = 0; p < 12; ++p)
        body += u"<p>第%1条第%2段：关于国土空间规划、不动产登记和耕地保护的说明，请各单位认真贯彻落实。</p>"_s
                    .arg(n)
                    .arg(p);
    return body;
}

Item newDraft(const QString &title, int n = 0)
{
    Item item;
    item.id = uuid();
    item.kind = ItemKind::News;
    item.unitId = u"office"_s;
    Revision r;
    r.number = 1;
    r.content = submittableContent(ItemKind::News, u"office"_s, title);
    r.content.bodyHtml = longBody(n);
    item.revisions = {r};
    return item;
}

ActionRequest request(Action action, const QString &reason = {})
{
    ActionRequest r;
    r.action = action;
    r.reason = reason;
    return r;
}

// How often the server recorded `type` ("action.approve", ...) for the item.
int audited(ServerHarness &h, const QString &itemId, const QString &type)
{
    int n = 0;
    for (const AuditEvent &e : h.store().auditEventsFor(itemId))
        n += e.type == type;
    return n;
}

// What a test compares of an outbox entry after a salvage or an upgrade.
void compareEntries(const QList<OutboxEntry> &actual, const QList<OutboxEntry> &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const OutboxEntry &a = actual.at(i);
        const OutboxEntry &e = expected.at(i);
        QCOMPARE(a.actionId, e.actionId);
        QCOMPARE(a.itemId, e.itemId);
        QCOMPARE(a.action, e.action);
        QCOMPARE(a.request, e.request);
        QCOMPARE(a.revision, e.revision);
        QCOMPARE(a.state, e.state);
        QCOMPARE(a.attempts, e.attempts);
        QCOMPARE(a.lastError, e.lastError);
        QCOMPARE(a.createdAt, e.createdAt);
        if (i > 0)
            QVERIFY(a.seq > actual.at(i - 1).seq); // the order taken
    }
}

// ---- the schemas of earlier versions --------------------------------------------------------------

// What each schema version added, exactly as it shipped: copied from migrationStatements() in
// client/LocalStore.cpp, whose shipped versions never change. A store at version N has the statements
// of versions 1..N and user_version N. Version 6 (the character index for 1–2 character terms) is
// today's; a new version adds its row here when kSchemaVersion moves on.
QStringList schemaDelta(int version)
{
    switch (version) {
    case 1:
        return {
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
        };
    case 2:
        return {
            uR"(CREATE VIRTUAL TABLE items_fts USING fts5 (
                title, body_text, content='items', content_rowid='seq', tokenize='trigram'))"_s,
            uR"(CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body_text ON items BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
            u"INSERT INTO items_fts (items_fts) VALUES ('rebuild')"_s,
        };
    case 3:
        return {
            uR"(CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                action_id TEXT NOT NULL UNIQUE,
                item_id TEXT NOT NULL,
                action TEXT NOT NULL,
                request TEXT NOT NULL,
                revision INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL DEFAULT 'pending',
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT,
                last_status INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NOT NULL DEFAULT '',
                last_request_id TEXT NOT NULL DEFAULT '',
                answer TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL))"_s,
            u"CREATE INDEX outbox_by_item ON outbox (item_id, seq)"_s,
            u"CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        };
    case 4:
        return {
            u"CREATE INDEX items_state_order ON items (state, urgent DESC, info_date IS NULL, info_date, seq)"_s,
            u"CREATE INDEX items_state_route ON items (state, kind, stage_id, unit_id, author_id)"_s,
            u"CREATE INDEX items_author_state ON items (author_id, state)"_s,
        };
    case 5:
        return {
            u"DROP TRIGGER items_fts_insert"_s,
            u"DROP TRIGGER items_fts_delete"_s,
            u"DROP TRIGGER items_fts_update"_s,
            uR"(CREATE TABLE search_index (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                indexed_through INTEGER NOT NULL))"_s,
            u"INSERT INTO search_index (id, indexed_through) SELECT 1, coalesce(max(seq), 0) FROM items"_s,
            uR"(CREATE TRIGGER items_fts_insert AFTER INSERT ON items
                WHEN new.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_delete AFTER DELETE ON items
                WHEN old.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
            END)"_s,
            uR"(CREATE TRIGGER items_fts_update AFTER UPDATE OF title, body_text ON items
                WHEN old.seq <= (SELECT indexed_through FROM search_index WHERE id = 1) BEGIN
                INSERT INTO items_fts (items_fts, rowid, title, body_text)
                    VALUES ('delete', old.seq, old.title, old.body_text);
                INSERT INTO items_fts (rowid, title, body_text) VALUES (new.seq, new.title, new.body_text);
            END)"_s,
        };
    default:
        return {};
    }
}

// The rows of a table of a (today's) store, every column as stored.
struct Rows
{
    QStringList columns;
    QList<QVariantList> rows;
};

bool readRows(const QString &path, const QString &table, Rows *out, QString *error)
{
    return withRaw(
        path,
        [&](QSqlDatabase &db, QString *e) {
            QSqlQuery q(db);
            if (!q.exec(u"SELECT * FROM "_s + table + u" ORDER BY rowid"_s)) {
                *e = q.lastError().text();
                return false;
            }
            const QSqlRecord record = q.record();
            for (int c = 0; c < record.count(); ++c)
                out->columns.append(record.fieldName(c));
            while (q.next()) {
                QVariantList row;
                for (int c = 0; c < record.count(); ++c)
                    row.append(q.value(c));
                out->rows.append(row);
            }
            return true;
        },
        error);
}

// A store file in the schema of `version` holding the given rows (tables the version lacks are left
// out: before version 3 a store could hold no queued action and no sync state).
bool writeOldStore(const QString &path, int version, const QHash<QString, Rows> &tables, QString *error)
{
    return withRaw(
        path,
        [&](QSqlDatabase &db, QString *e) {
            if (!db.transaction())
                return false;
            for (int v = 1; v <= version; ++v) {
                for (const QString &statement : schemaDelta(v)) {
                    if (!execRaw(db, statement, e))
                        return false;
                }
            }
            for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
                if ((it.key() == "outbox"_L1 || it.key() == "sync_state"_L1) && version < 3)
                    continue;
                QStringList marks;
                for (qsizetype c = 0; c < it->columns.size(); ++c)
                    marks.append(u"?"_s);
                QSqlQuery insert(db);
                insert.prepare(u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(it.key(), it->columns.join(u", "_s),
                                                                        marks.join(u", "_s)));
                for (const QVariantList &row : it->rows) {
                    for (qsizetype c = 0; c < row.size(); ++c)
                        insert.bindValue(int(c), row.at(c));
                    if (!insert.exec()) {
                        *e = insert.lastError().text();
                        return false;
                    }
                }
            }
            return execRaw(db, u"PRAGMA user_version = %1"_s.arg(version), e) && db.commit();
        },
        error);
}

// One client without a window: its store and sync engine (as tst_server_sync's).
struct Client
{
    Client(const ServerEndpoint &endpoint, const QString &path)
        : store(path)
    {
        const LocalStore::OpenResult r = store.open();
        opened = r.ok();
        status = r.status;
        fromVersion = r.fromVersion;
        engine = std::make_unique<SyncEngine>(store, &nam);
        engine->setEndpoint(endpoint);
    }
    bool sync(int timeoutMs = 60000)
    {
        QSignalSpy done(engine.get(), &SyncEngine::runFinished);
        engine->syncNow();
        return done.count() > 0 || done.wait(timeoutMs);
    }
    LocalStore store;
    QNetworkAccessManager nam;
    std::unique_ptr<SyncEngine> engine;
    bool opened = false;
    LocalStore::OpenStatus status = LocalStore::OpenStatus::Failed;
    int fromVersion = -1;
};

} // namespace

class TestClientRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void damageFoundInBackgroundStopsSyncAndRebuildKeepsUnsentWork();
    void corruptionMetInUseStopsSyncAndRebuildKeepsUnsentWork();
    void salvageSkipsUnreadableRows();
    void queuedActionsSurviveSchemaUpgrade_data();
    void queuedActionsSurviveSchemaUpgrade();

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

    QTemporaryDir m_dir;
};

void TestClientRecovery::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    QVERIFY(m_dir.isValid());
}

// The reviewer's client runs with decisions queued (the server unreachable meanwhile); the background
// check finds pages of the file overwritten. Sync stops: a run sends and pulls nothing and the file
// stays as it is. "Rebuild from server" keeps the damaged file aside, and every queued decision reaches
// the server exactly once; the server's items are all back.
void TestClientRecovery::damageFoundInBackgroundStopsSyncAndRebuildKeepsUnsentWork()
{
    auto h = server();
    QVERIFY(h);
    const QString authorProfile = m_dir.filePath(u"bg-author"_s);
    const QString headProfile = m_dir.filePath(u"bg-head"_s);
    auto author = signedInSession(*h, authorProfile, u"he.xiaoyu"_s);
    QVERIFY(author);
    FaultyFactory network;
    auto head = signedInSession(*h, headProfile, u"zhou.min"_s, &network);
    QVERIFY(head);

    // 40 items in review for the head (with long bodies: the file has many pages).
    QString error;
    QStringList inReview;
    for (int n = 0; n < 40; ++n) {
        const Item d = newDraft(u"第%1号待审稿件"_s.arg(n), n);
        QVERIFY2(author->sync().saveDraft(d, &error), qPrintable(error));
        QVERIFY2(author->sync().queueAction(d.id, request(Action::Submit), &error), qPrintable(error));
        inReview.append(d.id);
    }
    QVERIFY(runSync(*author));
    QCOMPARE(author->store().outboxCount(), 0);
    QVERIFY(runSync(*head));
    for (const QString &id : std::as_const(inReview))
        QVERIFY(head->store().item(id));
    QSet<QString> before;
    for (const ItemSummary &s : head->store().summaries(0, 10000))
        before.insert(s.id);

    // The head decides three items while the server can't be reached.
    int requests = 0;
    network.last->setRule([&](const QByteArray &, const QUrl &, const QByteArray &) -> std::optional<Fault> {
        ++requests;
        return Fault::networkError();
    });
    ActionRequest approve = request(Action::Approve);
    approve.stageId = u"unit_review"_s;
    ActionRequest giveBack = request(Action::Return, u"请补充发布依据"_s);
    giveBack.stageId = u"unit_review"_s;
    const std::optional<QString> approved = head->sync().queueAction(inReview.at(0), approve, &error);
    QVERIFY2(approved, qPrintable(error));
    const std::optional<QString> returned = head->sync().queueAction(inReview.at(1), giveBack, &error);
    QVERIFY2(returned, qPrintable(error));
    const std::optional<QString> commented =
        head->sync().queueAction(inReview.at(2), request(Action::Comment, u"标题请再斟酌"_s), &error);
    QVERIFY2(commented, qPrintable(error));
    QVERIFY(runSync(*head));
    QCOMPARE(head->sync().state(), SyncEngine::State::Offline);
    const QList<OutboxEntry> queued = head->store().outbox();
    QCOMPARE(queued.size(), 3);

    // Meanwhile the author sends one more item into review.
    const Item later = newDraft(u"故障期间提交的稿件"_s, 99);
    QVERIFY(author->sync().saveDraft(later, &error));
    QVERIFY(author->sync().queueAction(later.id, request(Action::Submit), &error));
    QVERIFY(runSync(*author));

    // Pages in the middle of the file are overwritten while the client runs; the background check
    // finds it.
    const QString path = head->store().path();
    int damagedPages = 0;
    QVERIFY2(damageSearchIndexPages(path, &error, &damagedPages), qPrintable(error));
    QSignalSpy damaged(head.get(), &ClientSession::storeDamaged);
    head->checkStoreInBackground();
    QVERIFY(damaged.wait(30000));
    QCOMPARE(damaged.count(), 1);
    const QString message = damaged.first().at(0).toString();
    QVERIFY2(message.contains(u"damaged"_s) && message.contains(u"Rebuild from server"_s),
             qPrintable(message));
    QVERIFY(head->isStoreDamaged());
    QCOMPARE(head->sync().state(), SyncEngine::State::Stopped);
    QCOMPARE(head->sync().lastError().message, message);

    // Sync stays stopped: no request, no write into the file (retry included); the network is back.
    network.last->setRule([&](const QByteArray &, const QUrl &, const QByteArray &) -> std::optional<Fault> {
        ++requests;
        return std::nullopt;
    });
    const int requestsBefore = requests;
    const QByteArray bytes = fileBytes(path);
    const qint64 walSize = QFileInfo(path + u"-wal"_s).size();
    QVERIFY(runSync(*head));
    QSignalSpy finished(&head->sync(), &SyncEngine::runFinished);
    head->sync().retryNow();
    if (finished.isEmpty())
        finished.wait(5000);
    QTest::qWait(300);
    QCOMPARE(requests, requestsBefore);
    QCOMPARE(finished.count(), 1); // said at once that it did not run
    QCOMPARE(head->sync().state(), SyncEngine::State::Stopped);
    QCOMPARE(fileBytes(path), bytes);
    QCOMPARE(QFileInfo(path + u"-wal"_s).size(), walSize);
    QVERIFY(!head->store().item(later.id)); // not pulled into the damaged file
    QCOMPARE(audited(*h, inReview.at(0), u"action.approve"_s), 0);

    // Rebuild on request.
    QSignalSpy rebuilt(head.get(), &ClientSession::storeRebuilt);
    const ClientSession::RebuildResult result = head->rebuildFromServer();
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(rebuilt.count(), 1);
    QCOMPARE(result.actionsSalvaged, 3);
    QCOMPARE(result.itemsSalvaged, 3);
    QCOMPARE(result.unreadable, 0);
    QVERIFY2(result.message.contains(QDir::toNativeSeparators(result.damagedCopy)),
             qPrintable(result.message));
    // The damaged file is kept aside as it was, not deleted.
    QVERIFY(QFileInfo(result.damagedCopy).fileName().startsWith(u"local.sqlite.corrupt-"_s));
    QCOMPARE(fileBytes(result.damagedCopy), bytes);
    QVERIFY(!LocalStore::integrityProblems(result.damagedCopy).isEmpty());
    QVERIFY(!head->isStoreDamaged());

    // The sync it starts sends the salvaged decisions and pulls everything from the start.
    QTRY_VERIFY_WITH_TIMEOUT(head->store().outboxCount() == 0 && !head->sync().isRunning() &&
                                 head->store().item(later.id).has_value(),
                             60000);
    if (head->sync().state() != SyncEngine::State::Idle) // the second run of startSync() may still come
        QVERIFY(runSync(*head));
    QCOMPARE(head->sync().state(), SyncEngine::State::Idle);
    QCOMPARE(audited(*h, inReview.at(0), u"action.approve"_s), 1);
    QCOMPARE(audited(*h, inReview.at(1), u"action.return"_s), 1);
    QCOMPARE(audited(*h, inReview.at(2), u"action.comment"_s), 1);
    QCOMPARE(h->store().item(inReview.at(1))->state, WorkflowState::Returned);
    QCOMPARE(head->store().item(inReview.at(1))->state, WorkflowState::Returned);
    QCOMPARE(head->store().item(inReview.at(0))->decisions.size(), 1);
    // Every item the store had is back, and the one sent meanwhile; the organization too.
    QSet<QString> after;
    for (const ItemSummary &s : head->store().summaries(0, 10000))
        after.insert(s.id);
    QVERIFY(after.contains(before));
    QVERIFY(after.contains(later.id));
    QVERIFY(head->store().organization());
    QCOMPARE(head->personId(), u"zhou.min"_s);
    QVERIFY(LocalStore::integrityProblems(path).isEmpty());
}

// The author's client meets the damage itself: a search reads a damaged page and SQLite answers
// SQLITE_CORRUPT. The store marks it; the next run stops without a request. The rebuild salvages a draft
// never sent, an edit, a submit and a delete; after it each is on the server exactly once.
void TestClientRecovery::corruptionMetInUseStopsSyncAndRebuildKeepsUnsentWork()
{
    auto h = server();
    QVERIFY(h);
    FaultyFactory network;
    auto author = signedInSession(*h, m_dir.filePath(u"use-author"_s), u"he.xiaoyu"_s, &network);
    QVERIFY(author);
    SyncEngine &sync = author->sync();
    QString error;
    QList<Item> drafts;
    for (int n = 0; n < 30; ++n) {
        const Item d = newDraft(u"第%1号稿件"_s.arg(n), n);
        QVERIFY2(sync.saveDraft(d, &error), qPrintable(error));
        drafts.append(d);
    }
    QVERIFY(runSync(*author));
    QCOMPARE(author->store().outboxCount(), 0);

    // Offline work: a new draft, an edit and a submit of another, the deletion of a third.
    int requests = 0;
    network.last->setRule([&](const QByteArray &, const QUrl &, const QByteArray &) -> std::optional<Fault> {
        ++requests;
        return Fault::networkError();
    });
    const Item fresh = newDraft(u"从未发送的新稿件"_s, 100);
    QVERIFY(sync.saveDraft(fresh, &error));
    Item edited = *author->store().item(drafts.at(0).id);
    edited.revisions.last().content.title = u"改过标题的稿件"_s;
    QVERIFY(sync.saveDraft(edited, &error));
    QVERIFY(sync.queueAction(drafts.at(0).id, request(Action::Submit), &error));
    QVERIFY(sync.queueAction(drafts.at(1).id, request(Action::Delete), &error));
    const QList<OutboxEntry> queued = author->store().outbox();
    QCOMPARE(queued.size(), 4);
    const Item freshLocal = *author->store().item(fresh.id);
    const Item editedLocal = *author->store().item(drafts.at(0).id);

    const QString path = author->store().path();
    int damagedPages = 0;
    QVERIFY2(damageSearchIndexPages(path, &error, &damagedPages), qPrintable(error));
    QVERIFY(!author->store().isDamaged());
    QSignalSpy damaged(author.get(), &ClientSession::storeDamaged);
    // The user searches: SQLite meets the damaged pages.
    author->store().search(u"国土空间规划"_s, 10);
    QVERIFY2(!author->store().lastError().isEmpty(), "the search did not meet the damage");
    QVERIFY(author->store().isDamaged());
    QVERIFY(LocalStore::damageMarked(path));

    network.last->setRule([&](const QByteArray &, const QUrl &, const QByteArray &) -> std::optional<Fault> {
        ++requests;
        return std::nullopt;
    });
    const int requestsBefore = requests;
    QVERIFY(runSync(*author));
    QCOMPARE(damaged.count(), 1);
    QCOMPARE(sync.state(), SyncEngine::State::Stopped);
    QVERIFY(author->isStoreDamaged());
    QCOMPARE(requests, requestsBefore);
    QVERIFY(!h->store().item(fresh.id));

    const ClientSession::RebuildResult result = author->rebuildFromServer();
    QVERIFY2(result.ok, qPrintable(result.message));
    QCOMPARE(result.actionsSalvaged, 4);
    QCOMPARE(result.itemsSalvaged, 3);
    QCOMPARE(result.unreadable, 0);
    QVERIFY(QFileInfo::exists(result.damagedCopy));
    QVERIFY(!LocalStore::damageMarked(path));
    // The new store holds the salvage before anything is sent: the same actions in the same order, and
    // the items with the user's unsent text.
    compareEntries(author->store().outbox(), queued);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(*author->store().item(fresh.id), freshLocal);
    QCOMPARE(*author->store().item(drafts.at(0).id), editedLocal);

    QTRY_VERIFY_WITH_TIMEOUT(author->store().outboxCount() == 0 && !sync.isRunning(), 60000);
    QVERIFY(runSync(*author));
    QCOMPARE(sync.state(), SyncEngine::State::Idle);
    QCOMPARE(audited(*h, fresh.id, u"action.create"_s), 1);
    QCOMPARE(h->store().item(fresh.id)->latest()->content.title, fresh.revisions.last().content.title);
    QCOMPARE(audited(*h, drafts.at(0).id, u"action.edit"_s), 1);
    QCOMPARE(audited(*h, drafts.at(0).id, u"action.submit"_s), 1);
    QCOMPARE(h->store().item(drafts.at(0).id)->state, WorkflowState::InReview);
    QCOMPARE(h->store().item(drafts.at(0).id)->latest()->content.title, u"改过标题的稿件"_s);
    QVERIFY(!h->store().item(drafts.at(1).id));
    QVERIFY(!author->store().item(drafts.at(1).id));
    // Everything else came back from the server.
    for (const Item &d : drafts.mid(2))
        QVERIFY(author->store().item(d.id));
    QCOMPARE(author->store().item(drafts.at(0).id)->state, WorkflowState::InReview);
    QVERIFY(author->store().item(fresh.id));
}

// A salvage reads row by row: an outbox page that can't be read costs its rows (counted), not the rest.
void TestClientRecovery::salvageSkipsUnreadableRows()
{
    const QString path = m_dir.filePath(u"salvage/local.sqlite"_s);
    QList<OutboxEntry> entries;
    {
        LocalStore store(path);
        QVERIFY(store.open().ok());
        QVERIFY(store.setSyncValue(u"server_id"_s, u"srv-1"_s));
        QVERIFY(store.setSyncValue(u"person_id"_s, u"he.xiaoyu"_s));
        for (int n = 0; n < 60; ++n) {
            OutboxEntry e;
            e.actionId = uuid();
            e.itemId = u"item-%1"_s.arg(n % 10);
            e.action = Action::Comment;
            e.request = QJsonObject{{"action_id"_L1, e.actionId},
                                    {"item_id"_L1, e.itemId},
                                    {"action"_L1, u"comment"_s},
                                    {"reason"_L1, QString(500, QChar(u'意' + n % 7))}};
            QVERIFY(store.insertOutboxEntry(e));
            entries.append(e);
        }
        for (int n = 0; n < 10; ++n) {
            Item item = newDraft(u"稿件%1"_s.arg(n), n);
            item.id = u"item-%1"_s.arg(n);
            QVERIFY(store.saveItem(item));
        }
    }
    // One leaf page of the outbox (not the first) is overwritten.
    QString error;
    qint64 page = 0;
    int cells = 0;
    int pageSize = 0;
    QVERIFY2(
        withRaw(
            path,
            [&](QSqlDatabase &db, QString *e) {
                QSqlQuery q(db);
                if (!q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s) || !q.exec(u"PRAGMA page_size"_s) ||
                    !q.next())
                    return false;
                pageSize = q.value(0).toInt();
                if (!q.exec(u"SELECT pageno, ncell FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' "
                            u"ORDER BY pageno"_s)) {
                    *e = q.lastError().text();
                    return false;
                }
                QList<QPair<qint64, int>> leaves;
                while (q.next())
                    leaves.append({q.value(0).toLongLong(), q.value(1).toInt()});
                if (leaves.size() < 4) {
                    *e = u"too few leaves"_s;
                    return false;
                }
                page = leaves.at(leaves.size() / 2).first;
                cells = leaves.at(leaves.size() / 2).second;
                return true;
            },
            &error),
        qPrintable(error));
    QVERIFY(cells > 0);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek((page - 1) * pageSize);
        f.write(QByteArray(pageSize, '\xa5'));
    }

    const LocalStore::Salvage s = LocalStore::salvage(path);
    QVERIFY(s.opened);
    QCOMPARE(s.unreadableActions, cells);
    QCOMPARE(s.outbox.size(), entries.size() - cells);
    QCOMPARE(s.identity.value(u"person_id"_s), u"he.xiaoyu"_s);
    QCOMPARE(s.items.size(), 10);
    QCOMPARE(s.unreadableItems, 0);
    // The readable ones are the originals, in their order (the lost ones a run of consecutive entries).
    QList<OutboxEntry> expected;
    qsizetype lostFrom = -1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const bool kept = std::any_of(s.outbox.cbegin(), s.outbox.cend(), [&](const OutboxEntry &e) {
            return e.actionId == entries.at(i).actionId;
        });
        if (kept)
            expected.append(entries.at(i));
        else if (lostFrom < 0)
            lostFrom = i;
    }
    QVERIFY(lostFrom > 0);
    for (qsizetype i = lostFrom; i < lostFrom + cells; ++i)
        QVERIFY(!std::any_of(s.outbox.cbegin(), s.outbox.cend(),
                             [&](const OutboxEntry &e) { return e.actionId == entries.at(i).actionId; }));
    QCOMPARE(s.outbox.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(s.outbox.at(i).actionId, expected.at(i).actionId);
        QCOMPARE(s.outbox.at(i).request, expected.at(i).request);
    }

    // Into a new store: the same entries, in the same order.
    LocalStore fresh(m_dir.filePath(u"salvage/new.sqlite"_s));
    QVERIFY(fresh.open().ok());
    QVERIFY2(fresh.restoreSalvage(s), qPrintable(fresh.lastError()));
    compareEntries(fresh.outbox(), s.outbox);
    QCOMPARE(fresh.syncValue(u"server_id"_s), u"srv-1"_s);
    QCOMPARE(fresh.itemCount(), 10);
}

// For every earlier schema: a store file in that schema with items and (from version 3, which brought
// the outbox) queued actions of every kind an author and a reviewer take, as today's client wrote them,
// opened by today's LocalStore: every entry is there with its action id, order, request, state and
// tries, every item as it was; then synced, each action is applied once (one of them had reached the
// server before, its answer lost).
void TestClientRecovery::queuedActionsSurviveSchemaUpgrade_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < LocalStore::kSchemaVersion; ++v)
        QTest::newRow(qPrintable(u"schema %1"_s.arg(v))) << v;
    // A new schema version makes the one it replaces an earlier one: this test then asks for its DDL
    // (schemaDelta) to build a row of it.
    int known = 0;
    while (!schemaDelta(known + 1).isEmpty())
        ++known;
    QCOMPARE(known, LocalStore::kSchemaVersion - 1);
}

void TestClientRecovery::queuedActionsSurviveSchemaUpgrade()
{
    QFETCH(int, version);
    auto h = server();
    QVERIFY(h);
    const QString dir = m_dir.filePath(u"upgrade-%1"_s.arg(version));
    QVERIFY(QDir().mkpath(dir));
    ServerEndpoint nowhere = endpointOf(*h, h->login(u"he.xiaoyu"_s));
    nowhere.baseUrl.setPort(1); // nothing listens there: offline
    QString error;

    // Today's client writes the work (its store is the source of the rows).
    const QString authorPath = dir + u"/author-today.sqlite"_s;
    const QString headPath = dir + u"/head-today.sqlite"_s;
    QList<OutboxEntry> authorQueue;
    QList<OutboxEntry> headQueue;
    QList<Item> authorItems;
    QList<Item> headItems;
    QStringList ids;
    {
        Client author(endpointOf(*h, h->login(u"he.xiaoyu"_s)), authorPath);
        Client head(endpointOf(*h, h->login(u"zhou.min"_s)), headPath);
        QVERIFY(author.opened && head.opened);
        for (int n = 0; n < 6; ++n) {
            const Item d = newDraft(u"升级测试稿件%1"_s.arg(n), n);
            QVERIFY(author.engine->saveDraft(d, &error));
            ids.append(d.id);
        }
        QVERIFY(author.engine->queueAction(ids.at(4), request(Action::Submit), &error));
        QVERIFY(author.engine->queueAction(ids.at(5), request(Action::Submit), &error));
        QVERIFY(author.sync());
        QCOMPARE(author.store.outboxCount(), 0);
        QVERIFY(head.sync());
        QVERIFY(head.store.item(ids.at(4)) && head.store.item(ids.at(5)));

        // Offline: create, edit, submit, comment, delete; approve and return.
        author.engine->setEndpoint(nowhere);
        ServerEndpoint headNowhere = endpointOf(*h, h->login(u"zhou.min"_s));
        headNowhere.baseUrl.setPort(1);
        head.engine->setEndpoint(headNowhere);
        const Item fresh = newDraft(u"升级前从未发送的稿件"_s, 50);
        QVERIFY(author.engine->saveDraft(fresh, &error));
        ids.append(fresh.id); // ids[6]
        Item edited = *author.store.item(ids.at(0));
        edited.revisions.last().content.title = u"升级前改过的稿件"_s;
        QVERIFY(author.engine->saveDraft(edited, &error));
        QVERIFY(author.engine->queueAction(ids.at(0), request(Action::Submit), &error));
        QVERIFY(author.engine->queueAction(ids.at(1), request(Action::Comment, u"自己的备注"_s), &error));
        QVERIFY(author.engine->queueAction(ids.at(2), request(Action::Delete), &error));
        QVERIFY(author.engine->queueAction(ids.at(3), request(Action::Submit), &error));
        ActionRequest approve = request(Action::Approve);
        approve.stageId = u"unit_review"_s;
        ActionRequest giveBack = request(Action::Return, u"请补充依据"_s);
        giveBack.stageId = u"unit_review"_s;
        QVERIFY(head.engine->queueAction(ids.at(4), approve, &error));
        QVERIFY(head.engine->queueAction(ids.at(5), giveBack, &error));

        // The submit of ids[3] reached the server, its answer was lost: tried once, still queued.
        authorQueue = author.store.outbox();
        QCOMPARE(authorQueue.size(), 6);
        OutboxEntry &lost = authorQueue[5];
        QCOMPARE(lost.action, Action::Submit);
        QCOMPARE(h->post(u"/api/v1/actions"_s, h->login(u"he.xiaoyu"_s), lost.request).status, 200);
        lost.attempts = 1;
        lost.lastError = u"服务器未应答"_s;
        QVERIFY(author.store.updateOutboxEntry(lost));
        headQueue = head.store.outbox();
        QCOMPARE(headQueue.size(), 2);
        for (const QString &id : std::as_const(ids)) {
            if (const std::optional<Item> i = author.store.item(id))
                authorItems.append(*i);
            if (const std::optional<Item> i = head.store.item(id))
                headItems.append(*i);
        }
        QCOMPARE(authorItems.size(), 7);
    }

    // The same rows in a file of the old schema.
    struct Store
    {
        QString today;
        QString old;
        QString login;
        QList<OutboxEntry> queue;
        QList<Item> items;
    };
    QList<Store> stores{{authorPath, dir + u"/author-v.sqlite"_s, u"he.xiaoyu"_s, authorQueue, authorItems},
                        {headPath, dir + u"/head-v.sqlite"_s, u"zhou.min"_s, headQueue, headItems}};
    for (Store &s : stores) {
        QHash<QString, Rows> tables;
        for (const QString &table : {u"items"_s, u"organization"_s, u"outbox"_s, u"sync_state"_s}) {
            Rows rows;
            QVERIFY2(readRows(s.today, table, &rows, &error), qPrintable(error));
            tables.insert(table, rows);
        }
        QVERIFY2(writeOldStore(s.old, version, tables, &error), qPrintable(error));

        Client c(endpointOf(*h, h->login(s.login)), s.old);
        QVERIFY(c.opened);
        QCOMPARE(c.status, LocalStore::OpenStatus::Upgraded);
        QCOMPARE(c.fromVersion, version);
        for (const Item &item : std::as_const(s.items))
            QCOMPARE(*c.store.item(item.id), item);
        QCOMPARE(c.store.itemCount(), int(tables.value(u"items"_s).rows.size()));
        QVERIFY(c.store.organization());
        if (version < 3) {
            // That schema kept no queued action: there is none, and nothing else was lost.
            QCOMPARE(c.store.outboxCount(), 0);
            continue;
        }
        compareEntries(c.store.outbox(), s.queue);
        if (QTest::currentTestFailed())
            return;
        for (qsizetype i = 0; i < s.queue.size(); ++i)
            QCOMPARE(c.store.outbox().at(i).seq, s.queue.at(i).seq);
        QCOMPARE(c.engine->personId(), s.login);
        QCOMPARE(c.store.search(u"升级测试稿件"_s, 100).size() > 0, true);
        for (const QString &id : c.store.search(u"升级测试稿件"_s, 100))
            QVERIFY(c.store.search(u"升级"_s, 100).contains(id)); // the character index (schema 6)

        // Synced: each action applied once.
        QVERIFY(c.sync());
        QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
        QCOMPARE(c.store.outboxCount(), 0);
    }
    if (version < 3)
        return;
    QCOMPARE(audited(*h, ids.at(6), u"action.create"_s), 1);
    QCOMPARE(audited(*h, ids.at(0), u"action.edit"_s), 1);
    QCOMPARE(audited(*h, ids.at(0), u"action.submit"_s), 1);
    QCOMPARE(audited(*h, ids.at(1), u"action.comment"_s), 1);
    QCOMPARE(audited(*h, ids.at(3), u"action.submit"_s), 1); // sent twice, applied once
    QCOMPARE(h->store().item(ids.at(3))->cycle, 1);
    QVERIFY(!h->store().item(ids.at(2)));
    QCOMPARE(audited(*h, ids.at(4), u"action.approve"_s), 1);
    QCOMPARE(audited(*h, ids.at(5), u"action.return"_s), 1);
    QCOMPARE(h->store().item(ids.at(0))->latest()->content.title, u"升级前改过的稿件"_s);
    QCOMPARE(h->store().item(ids.at(5))->state, WorkflowState::Returned);
}

QTEST_MAIN(TestClientRecovery)
#include "tst_client_recovery.moc"
