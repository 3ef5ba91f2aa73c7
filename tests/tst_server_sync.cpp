// The client's sync engine (client/SyncEngine) against the real server over loopback HTTPS, with a
// fault-injecting network access manager between them (tests/FaultyNetworkAccessManager.h): lost
// answers, a client killed with SIGKILL during sync, a month offline, conflicts, backoff of one
// failing item, a hanging server, empty and foreign feeds, a changed certificate, a cursor too old,
// drafts kept on the server.

#include "ClientEndpoint.h"
#include "FaultyNetworkAccessManager.h"
#include "SampleContent.h"
#include "SyncClient.h"

#include "ContentScan.h"
#include "Deadline.h"
#include "DomainJson.h"
#include "Problem.h"
#include "PushChannel.h"
#include "SyncEngine.h"
#include "support/SqliteCheck.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>

#include <csignal>

using namespace baosong;
using namespace baosong::test;
using namespace Qt::StringLiterals;

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Item newDraft(const QString &title, const QString &unitId = u"office"_s)
{
    Item item;
    item.id = uuid();
    item.kind = ItemKind::News;
    item.unitId = unitId;
    Revision r;
    r.number = 1;
    r.content.title = title;
    r.content.bodyHtml = u"<p>关于国土空间规划的正文。</p>"_s;
    r.content.infoDate = chinaToday().addDays(-1);
    r.content.columnId = test::allowedColumn(ItemKind::News, unitId);
    item.revisions = {r};
    return item;
}

ActionRequest request(Action action)
{
    ActionRequest r;
    r.action = action;
    return r;
}

Item withTitle(Item item, const QString &title)
{
    item.revisions.last().content.title = title;
    return item;
}

// The sync engine's client of these tests (tests/support/SyncClient.h).
using Client = SyncClient;

bool isAction(const QByteArray &method, const QUrl &url)
{
    return method == "POST" && url.path() == "/api/v1/actions"_L1;
}

QString actionOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value("action"_L1).toString();
}

QString itemOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value("item_id"_L1).toString();
}

} // namespace

class TestServerSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void draftsReachTheServerAndAnotherMachine_data() { backends(); }
    void draftsReachTheServerAndAnotherMachine();
    void autosaveDoesNotFloodTheOutbox();
    void lostAnswerAppliedOnce_data() { backends(); }
    void lostAnswerAppliedOnce();
    void killedDuringSync();
    void monthOfflineReplayedInOrder();
    void offlineApprovalOnChangedRevisionConflicts();
    void twoReviewersOneConflict_data() { backends(); }
    void twoReviewersOneConflict();
    void draftEditedOnTwoMachinesKeepsBoth();
    void serverErrorBacksOffOneItem();
    void hangingServerTimesOut();
    void emptyOrForeignFeedDeletesNothing();
    void changedCertificateStops();
    void oldCursorResyncsWithoutDuplicates();
    void restoredServerGetsWhatItLost_data();
    void restoredServerGetsWhatItLost();
    void massDeletionAsksFirst_data();
    void massDeletionAsksFirst();
    void clockMovedDuringReplayAndBackoff();
    void pagesAskedAheadAppliedInOrder();
    void submitWaitsForAttachments();
    void untitledDraftStaysLocal();
    void refusedActionsNeverStrandTheDraft();
    void overriddenCheckRecorded();
    void noticeChannelTellsClientsToPull();
    void savesKeepOneVersion();
    void urgentTellsLaterReviewersAtOnce();
    void columnHealthKeptForOffline();
    void syncBringsWordLists();
    void syncBringsColumnChanges();

private:
    void backends()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : serverBackends())
            QTest::newRow(qPrintable(b)) << b;
    }
    std::unique_ptr<ServerHarness> server(const QString &backend = u"sqlite"_s)
    {
        auto h = std::make_unique<ServerHarness>(backend);
        if (!h->ok()) {
            qWarning() << "server:" << h->error();
            return nullptr;
        }
        QString error;
        if (!h->importOrganization(m_org, &error)) {
            qWarning() << error;
            return nullptr;
        }
        return h;
    }
    // An action by someone else, straight to the server.
    HttpResult act(ServerHarness &h, const QString &personId, const QJsonObject &body)
    {
        return h.post(u"/api/v1/actions"_s, h.login(personId), body);
    }

    Organization m_org;
};

void TestServerSync::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.server.*.info=false\nbaosong.http.info=false"_s);
    m_org = Organization::demo();
    // A second unit head for the office, so that two reviewers can decide the same stage at once.
    Person second;
    second.id = u"zheng.second"_s;
    second.name = u"郑二"_s;
    second.unitId = u"office"_s;
    RoleGrant g;
    g.role = Role::UnitHead;
    g.unitIds = {u"office"_s};
    second.grants = {g};
    m_org.people.append(second);
}

// A draft saved offline is created on the server at the next sync, private to its author; another
// machine of the same person gets it from the feed and continues it (docs/design.md §7, issue item 3).
void TestServerSync::draftsReachTheServerAndAnotherMachine()
{
    QFETCH(QString, backend);
    auto h = server(backend);
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client laptop(endpointOf(*h, token));
    QVERIFY(laptop.opened);

    const Item draft = newDraft(u"火车上写的稿件"_s);
    QString error;
    const std::optional<QString> actionId = laptop.engine->saveDraft(draft, &error);
    QVERIFY2(actionId, qPrintable(error));
    QCOMPARE(laptop.store.outboxCount(), 1);
    QVERIFY(laptop.sync());
    QCOMPARE(laptop.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(laptop.store.outboxCount(), 0);
    const std::optional<Item> onServer = h->store().item(draft.id);
    QVERIFY(onServer);
    QCOMPARE(onServer->latest()->content.title, u"火车上写的稿件"_s);
    QCOMPARE(onServer->authorId, u"he.xiaoyu"_s);

    // Private: the unit head does not see the draft.
    QCOMPARE(h->get(u"/api/v1/items/"_s + draft.id, h->login(u"zhou.min"_s)).status, 404);

    // Another machine of the same person continues it.
    Client office(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(office.sync());
    std::optional<Item> there = office.store.item(draft.id);
    QVERIFY(there);
    QCOMPARE(there->latestNumber(), 1);
    QVERIFY(office.engine->saveDraft(withTitle(*there, u"在办公室改好的稿件"_s), &error));
    QVERIFY(office.sync());
    QCOMPARE(h->store().item(draft.id)->latest()->content.title, u"在办公室改好的稿件"_s);
    QCOMPARE(h->store().item(draft.id)->latestNumber(), 2);

    // And the laptop learns of it.
    QVERIFY(laptop.sync());
    QCOMPARE(laptop.store.item(draft.id)->latest()->content.title, u"在办公室改好的稿件"_s);
}

// Autosave every few seconds: unsent saves update the one waiting entry; a save after it may have
// been sent becomes a new edit on top, never a change to what the server may have applied.
void TestServerSync::autosaveDoesNotFloodTheOutbox()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    Item draft = newDraft(u"第1稿"_s);
    for (int i = 2; i <= 20; ++i)
        QVERIFY(c.engine->saveDraft(withTitle(draft, u"第%1稿"_s.arg(i)), &error));
    QCOMPARE(c.store.outboxCount(), 1);
    QCOMPARE(c.store.item(draft.id)->latest()->content.title, u"第20稿"_s);

    // The answer is lost: the entry was sent (attempts 1), so the next save is a new edit.
    c.nam.setRule([](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        if (isAction(m, u))
            return Fault::loseAnswer();
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QVERIFY(c.engine->saveDraft(withTitle(*c.store.item(draft.id), u"第21稿"_s), &error));
    QCOMPARE(c.store.outboxCount(), 2);
    const QList<OutboxEntry> entries = c.store.outbox();
    QCOMPARE(entries.at(0).action, Action::Create);
    QCOMPARE(entries.at(0).request.value("content"_L1).toObject().value("title"_L1).toString(), u"第20稿"_s);
    QCOMPARE(entries.at(1).action, Action::Edit);
    QCOMPARE(entries.at(1).request.value("base_revision"_L1).toInt(), 1);

    c.nam.clearRule();
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.outboxCount(), 0);
    const std::optional<Item> onServer = h->store().item(draft.id);
    // The edit went on top of the applied create (base 1 → number 2); the draft was never sent round,
    // so it replaced the working version rather than adding a 第2稿 (issue #15 point 6).
    QCOMPARE(onServer->revisions.size(), 1);
    QCOMPARE(onServer->latestNumber(), 2);
    QCOMPARE(onServer->latest()->content.title, u"第21稿"_s);
}

// The answer to a submit is lost after the server applied it: the retry with the same action id gets
// the first answer again; there is one submission on the server.
void TestServerSync::lostAnswerAppliedOnce()
{
    QFETCH(QString, backend);
    auto h = server(backend);
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    const Item draft = newDraft(u"待提交的稿件"_s);
    QVERIFY(c.engine->saveDraft(draft, &error));
    QVERIFY(c.sync());
    const std::optional<QString> submit = c.engine->queueAction(draft.id, request(Action::Submit), &error);
    QVERIFY2(submit, qPrintable(error));

    int submitsSent = 0;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u) && actionOf(body) == "submit"_L1) {
            ++submitsSent;
            if (submitsSent == 1)
                return Fault::loseAnswer();
        }
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QCOMPARE(c.store.outboxCount(), 1); // still queued: the client never heard
    QCOMPARE(h->store().item(draft.id)->state, WorkflowState::InReview); // but the server applied it

    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(submitsSent, 2);
    QCOMPARE(c.store.outboxCount(), 0);
    const std::optional<Item> item = h->store().item(draft.id);
    QCOMPARE(item->state, WorkflowState::InReview);
    QCOMPARE(item->cycle, 1); // one submission
    int submitted = 0;
    for (const AuditEvent &e : h->store().auditEventsFor(draft.id))
        submitted += e.type == "action.submit"_L1;
    QCOMPARE(submitted, 1);
    QCOMPARE(c.store.item(draft.id)->state, WorkflowState::InReview);
}

// The client is killed with SIGKILL at random points while it saves drafts and syncs, many times:
// every action it reported as saved reaches the server exactly once, and the store stays sound.
void TestServerSync::killedDuringSync()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    QTemporaryDir dir;
    const QString storePath = dir.filePath(u"local.sqlite"_s);
    // Per item, the last save the killed child confirmed: (round, save number), as its title says.
    QHash<QString, QPair<int, int>> acknowledged;
    QRandomGenerator random(20261126);
    // BAOSONG_CRASH_ROUNDS: the long version (the bench_crash target runs 300).
    const int rounds = qEnvironmentVariableIntValue("BAOSONG_CRASH_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("BAOSONG_CRASH_ROUNDS") / 3
                           : 12;
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.setProgram(QStringLiteral(SYNC_CRASH_CHILD));
        child.setArguments({storePath, endpointOf(*h).baseUrl.toString(), h->certificatePath(),
                            QString::fromLatin1(token), QString::number(round)});
        child.start();
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || child.state() != QProcess::Running, 20000);
        QTest::qWait(100 + random.bounded(900));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        // The last element is an unfinished line (or empty): only whole lines count.
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QList<QByteArray> f = lines.at(i).split(' ');
            if (f.size() == 4 && f.at(0) == "saved")
                acknowledged.insert(QString::fromUtf8(f.at(1)), qMakePair(f.at(2).toInt(), f.at(3).toInt()));
        }
        // Reopened after every kill: the file passes PRAGMA integrity_check.
        const QString integrity = test::sqliteIntegrityCheck(storePath);
        QVERIFY2(integrity == "ok"_L1, qPrintable(u"round %1: %2"_s.arg(round).arg(integrity)));
    }
    QVERIFY2(acknowledged.size() >= rounds, "the child saved too little before it was killed");

    // Restarted once more and left to finish.
    Client c(endpointOf(*h, token), storePath);
    QVERIFY2(c.opened, "the local store did not pass its integrity check after the kills");
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.outboxCount(), 0);

    static const QRegularExpression saveInTitle(u"第(\\d+)轮 第(\\d+)次保存"_s);
    for (auto it = acknowledged.cbegin(); it != acknowledged.cend(); ++it) {
        const QString &id = it.key();
        const std::optional<Item> item = h->store().item(id);
        QVERIFY2(item, qPrintable(u"acknowledged draft %1 never reached the server"_s.arg(id)));
        QCOMPARE(item->authorId, u"he.xiaoyu"_s);
        // Exactly once: one create in the audit log for it.
        int creates = 0;
        for (const AuditEvent &e : h->store().auditEventsFor(id))
            creates += e.type == "action.create"_L1;
        QCOMPARE(creates, 1);
        // The server has the last text the killed child confirmed — or one it saved after it and was
        // killed before it could say so — and the same as the client now.
        const QRegularExpressionMatch m = saveInTitle.match(item->latest()->content.title);
        QVERIFY2(m.hasMatch(), qPrintable(item->latest()->content.title));
        const QPair<int, int> onServer{m.captured(1).toInt(), m.captured(2).toInt()};
        QVERIFY2(onServer >= it.value(),
                 qPrintable(u"%1: the server has save %2/%3, the child confirmed %4/%5"_s.arg(id)
                                .arg(onServer.first)
                                .arg(onServer.second)
                                .arg(it.value().first)
                                .arg(it.value().second)));
        QCOMPARE(item->latest()->content, c.store.item(id)->latest()->content);
    }
}

// 500 actions taken over a month with no server, the client restarted in between: replayed in the
// order taken when the server is back.
void TestServerSync::monthOfflineReplayedInOrder()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"local.sqlite"_s);
    ServerEndpoint nowhere = endpointOf(*h, token);
    nowhere.baseUrl.setPort(1); // nothing listens there: offline
    QStringList ids;
    QList<QPair<QString, QString>> expected; // (item, comment) in the order taken
    const int days = 30;
    for (int day = 0; day < days; ++day) {
        Client c(nowhere, path); // a new start of the client every day
        QVERIFY(c.opened);
        QString error;
        if (day % 6 == 0) {
            const Item d = newDraft(u"离线第%1天的稿件"_s.arg(day));
            QVERIFY(c.engine->saveDraft(d, &error));
            ids.append(d.id);
        }
        const int perDay = day < 20 ? 17 : 16; // 20·17 + 10·16 = 500 with the 5 creates
        for (int i = 0; i < perDay - (day % 6 == 0 ? 1 : 0); ++i) {
            const QString item = ids.at(i % ids.size());
            const QString text = u"第%1天第%2条意见"_s.arg(day + 1).arg(i + 1);
            ActionRequest comment = request(Action::Comment);
            comment.reason = text;
            QVERIFY2(c.engine->queueAction(item, comment, &error), qPrintable(error));
            expected.append({item, text});
        }
        QVERIFY(c.sync(20000));
        QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    }
    {
        Client c(nowhere, path);
        QCOMPARE(c.store.outboxCount(), 500);
    }
    Client c(endpointOf(*h, token), path);
    QVERIFY(c.sync(120000));
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.outboxCount(), 0);
    // In order: per item the comments are in the order taken, and across items the audit log has the
    // actions in that order too.
    QStringList auditOrder;
    for (const AuditEvent &e : h->store().auditEvents(0, 10000)) {
        if (e.type == "action.comment"_L1)
            auditOrder.append(e.subjectId);
    }
    QStringList expectedOrder;
    for (const auto &[item, text] : std::as_const(expected))
        expectedOrder.append(item);
    QCOMPARE(auditOrder, expectedOrder);
    for (const QString &id : std::as_const(ids)) {
        QStringList got;
        const std::optional<Item> onServer = h->store().item(id);
        QVERIFY(onServer);
        for (const Comment &cm : onServer->comments)
            got.append(cm.text);
        QStringList want;
        for (const auto &[item, text] : std::as_const(expected)) {
            if (item == id)
                want.append(text);
        }
        QCOMPARE(got, want);
    }
}

// A unit head approves offline; meanwhile the author withdrew and changed the item: the approval is
// refused as stale, shown as a conflict with both revisions, and not applied.
void TestServerSync::offlineApprovalOnChangedRevisionConflicts()
{
    auto h = server();
    QVERIFY(h);
    Client author(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    Client head(endpointOf(*h, h->login(u"zhou.min"_s)));
    QString error;
    const Item draft = newDraft(u"待审稿件"_s);
    QVERIFY(author.engine->saveDraft(draft, &error));
    QVERIFY(author.engine->queueAction(draft.id, request(Action::Submit), &error));
    QVERIFY(author.sync());
    QVERIFY(head.sync());
    QCOMPARE(head.store.item(draft.id)->latestNumber(), 1);

    // The head approves on the train (offline).
    head.nam.setRule(
        [](const QByteArray &, const QUrl &, const QByteArray &) { return Fault::networkError(); });
    ActionRequest approve = request(Action::Approve);
    approve.stageId = u"unit_review"_s;
    const std::optional<QString> approval = head.engine->queueAction(draft.id, approve, &error);
    QVERIFY(approval);
    QVERIFY(head.sync());
    QCOMPARE(head.engine->state(), SyncEngine::State::Offline);

    // Meanwhile the author withdraws, edits (revision 2) and submits again.
    QVERIFY(author.engine->queueAction(draft.id, request(Action::Withdraw), &error));
    QVERIFY(author.sync());
    QVERIFY(author.engine->saveDraft(withTitle(*author.store.item(draft.id), u"改过的稿件"_s), &error));
    QVERIFY(author.engine->queueAction(draft.id, request(Action::Submit), &error));
    QVERIFY(author.sync());
    QCOMPARE(h->store().item(draft.id)->latestNumber(), 2);

    QSignalSpy conflicts(head.engine.get(), &SyncEngine::conflictsChanged);
    head.nam.clearRule();
    QVERIFY(head.sync());
    QVERIFY(conflicts.count() >= 1);
    const QList<OutboxEntry> open = head.engine->conflicts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().actionId, *approval);
    QCOMPARE(open.first().request.value("base_revision"_L1).toInt(), 1);   // what the head saw
    QCOMPARE(open.first().answer.value("current_revision"_L1).toInt(), 2); // what is there now
    QCOMPARE(open.first().answer.value("item"_L1).toObject().value("id"_L1).toString(), draft.id);
    QVERIFY(!open.first().lastRequestId.isEmpty());
    // Not applied.
    const std::optional<Item> onServer = h->store().item(draft.id);
    QCOMPARE(onServer->stageId, u"unit_review"_s);
    QVERIFY(std::none_of(onServer->decisions.cbegin(), onServer->decisions.cend(),
                         [](const Decision &d) { return d.type == DecisionType::Approve; }));

    // The head looks at revision 2 and approves it: applied once.
    QVERIFY2(head.engine->resolve(*approval, SyncEngine::Resolution::KeepMine, &error), qPrintable(error));
    QVERIFY(head.sync());
    QVERIFY(head.engine->conflicts().isEmpty());
    const std::optional<Item> approved = h->store().item(draft.id);
    QVERIFY(approved->stageId != u"unit_review"_s);
    QCOMPARE(approved->decisions.size(), 1);
    QCOMPARE(approved->decisions.last().type, DecisionType::Approve);
    QCOMPARE(approved->decisions.last().revision, 2);
}

// Two reviewers decide the same stage at once: one wins, the other gets a conflict; both audited.
void TestServerSync::twoReviewersOneConflict()
{
    QFETCH(QString, backend);
    auto h = server(backend);
    QVERIFY(h);
    Client author(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    Client first(endpointOf(*h, h->login(u"zhou.min"_s)));
    Client second(endpointOf(*h, h->login(u"zheng.second"_s)));
    QString error;
    const Item draft = newDraft(u"两位审核人"_s);
    QVERIFY(author.engine->saveDraft(draft, &error));
    QVERIFY(author.engine->queueAction(draft.id, request(Action::Submit), &error));
    QVERIFY(author.sync());
    QVERIFY(first.sync());
    QVERIFY(second.sync());

    ActionRequest approve = request(Action::Approve);
    approve.stageId = u"unit_review"_s;
    ActionRequest giveBack = request(Action::Return);
    giveBack.stageId = u"unit_review"_s;
    giveBack.reason = u"请补充图片"_s;
    QVERIFY(first.engine->queueAction(draft.id, approve, &error));
    QVERIFY(second.engine->queueAction(draft.id, giveBack, &error));
    QSignalSpy firstDone(first.engine.get(), &SyncEngine::runFinished);
    QSignalSpy secondDone(second.engine.get(), &SyncEngine::runFinished);
    first.engine->syncNow();
    second.engine->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(firstDone.count() == 1 && secondDone.count() == 1, 60000);

    const int conflicts = int(first.engine->conflicts().size() + second.engine->conflicts().size());
    QCOMPARE(conflicts, 1);
    const std::optional<Item> item = h->store().item(draft.id);
    QCOMPARE(item->decisions.size(), 1);
    int applied = 0, refused = 0;
    for (const AuditEvent &e : h->store().auditEventsFor(draft.id)) {
        applied += e.type == "action.approve"_L1 || e.type == "action.return"_L1;
        refused += e.type == "action.refused"_L1;
    }
    QCOMPARE(applied, 1);
    QCOMPARE(refused, 1);

    // The loser cannot "keep mine": the stage it meant is decided; it takes the server's version.
    Client &loser = first.engine->conflicts().isEmpty() ? second : first;
    const QString conflicted = loser.engine->conflicts().first().actionId;
    QVERIFY(!loser.engine->resolve(conflicted, SyncEngine::Resolution::KeepMine, &error));
    QVERIFY2(error.contains(u"decided meanwhile"_s), qPrintable(error));
    QVERIFY(loser.engine->resolve(conflicted, SyncEngine::Resolution::TakeTheirs, &error));
    QVERIFY(loser.engine->conflicts().isEmpty());
    QCOMPARE(loser.store.item(draft.id)->decisions.size(), 1);
}

// A draft edited on two machines: the second edit meets the first as a conflict; keeping both leaves
// the server's version and makes the other a draft of its own. Nothing is lost.
void TestServerSync::draftEditedOnTwoMachinesKeepsBoth()
{
    auto h = server();
    QVERIFY(h);
    Client a(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    Client b(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    const Item draft = newDraft(u"原稿"_s);
    QVERIFY(a.engine->saveDraft(draft, &error));
    QVERIFY(a.sync());
    QVERIFY(b.sync());
    QVERIFY(a.engine->saveDraft(withTitle(*a.store.item(draft.id), u"甲机改稿"_s), &error));
    QVERIFY(b.engine->saveDraft(withTitle(*b.store.item(draft.id), u"乙机改稿"_s), &error));
    QVERIFY(a.sync());
    QVERIFY(b.sync());
    const QList<OutboxEntry> open = b.engine->conflicts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(b.store.item(draft.id)->latest()->content.title, u"乙机改稿"_s); // mine kept locally
    QVERIFY(b.engine->resolve(open.first().actionId, SyncEngine::Resolution::KeepBoth, &error));
    QVERIFY(b.sync());
    QCOMPARE(b.store.outboxCount(), 0);
    QCOMPARE(h->store().item(draft.id)->latest()->content.title, u"甲机改稿"_s);
    int mine = 0;
    for (const Item &i : h->store().itemsOfUnitsOrAuthor({}, u"he.xiaoyu"_s))
        mine += i.latest()->content.title == u"乙机改稿"_s;
    QCOMPARE(mine, 1);
    QCOMPARE(b.store.item(draft.id)->latest()->content.title, u"甲机改稿"_s);
}

// One item's actions get 500: that item backs off (exponentially, capped), the others sync. The delays
// are the engine's own (no setBackoff: 25 s doubling to 1 h, SyncEngine.h), and a Retry-After longer
// than the cap is waited in full.
void TestServerSync::serverErrorBacksOffOneItem()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    const Item bad = newDraft(u"出错的稿件"_s);
    const Item good1 = newDraft(u"正常的稿件一"_s);
    const Item good2 = newDraft(u"正常的稿件二"_s);
    QVERIFY(c.engine->saveDraft(bad, &error));
    QVERIFY(c.engine->saveDraft(good1, &error));
    QVERIFY(c.engine->saveDraft(good2, &error));
    int badSends = 0;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u) && itemOf(body) == bad.id) {
            ++badSends;
            return Fault::canned(500, {{"title"_L1, u"Internal error"_s}, {"detail"_L1, u"boom"_s}});
        }
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QVERIFY(h->store().item(good1.id));
    QVERIFY(h->store().item(good2.id));
    QVERIFY(!h->store().item(bad.id));
    QCOMPARE(badSends, 1);
    std::optional<OutboxEntry> e = c.store.outboxEntry(c.store.outbox().first().actionId);
    QCOMPARE(e->itemId, bad.id);
    QCOMPARE(e->lastStatus, 500);
    QCOMPARE(e->lastRequestId, QByteArray("fault-injected"));
    const qint64 firstDelay = QDateTime::currentDateTimeUtc().msecsTo(e->nextAttemptAt);
    QVERIFY2(firstDelay > 20000 && firstDelay <= 25000, qPrintable(QString::number(firstDelay)));
    QCOMPARE(c.engine->lastError().itemId, bad.id);

    // While backing off, a sync does not send it again.
    QVERIFY(c.sync());
    QCOMPARE(badSends, 1);
    // Retry now sends it; the next delay doubles; the cap holds.
    c.engine->retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(badSends, 2, 30000);
    QTRY_VERIFY(!c.engine->isRunning());
    e = c.store.outboxEntry(e->actionId);
    const qint64 secondDelay = QDateTime::currentDateTimeUtc().msecsTo(e->nextAttemptAt);
    QVERIFY2(secondDelay > 45000 && secondDelay <= 50000, qPrintable(QString::number(secondDelay)));
    for (int i = 0; i < 10; ++i) {
        c.engine->retryNow();
        QTRY_VERIFY(!c.engine->isRunning());
    }
    e = c.store.outboxEntry(e->actionId);
    QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(e->nextAttemptAt) <= 3600000);
    QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(e->nextAttemptAt) > 3500000);
    const int sendsBeforeRetryAfter = badSends;

    // A 503 asking for two hours (more than the cap): the next attempt is not before.
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (isAction(m, u) && itemOf(body) == bad.id) {
            ++badSends;
            Fault f = Fault::canned(503, {{"title"_L1, u"Store unavailable"_s}, {"retry_after"_L1, 7200}});
            f.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("7200")));
            return f;
        }
        return std::nullopt;
    });
    c.engine->retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(badSends, sendsBeforeRetryAfter + 1, 30000);
    QTRY_VERIFY(!c.engine->isRunning());
    e = c.store.outboxEntry(e->actionId);
    QCOMPARE(e->lastStatus, 503);
    QVERIFY2(QDateTime::currentDateTimeUtc().msecsTo(e->nextAttemptAt) > 7200000 - 5000,
             qPrintable(e->nextAttemptAt.toString(Qt::ISODateWithMs)));
    QVERIFY(c.sync()); // waiting: not sent
    QCOMPARE(badSends, sendsBeforeRetryAfter + 1);

    // The server recovers: it goes through.
    c.nam.clearRule();
    c.engine->retryNow();
    QTRY_VERIFY(h->store().item(bad.id).has_value());
    QTRY_COMPARE(c.store.outboxCount(), 0);
}

// A server that accepts and never answers: the request times out, the action stays queued, and sync
// goes on once the server answers.
void TestServerSync::hangingServerTimesOut()
{
    auto h = server();
    QVERIFY(h);
    ServerEndpoint endpoint = endpointOf(*h, h->login(u"he.xiaoyu"_s));
    endpoint.timeoutMs = 1500;
    Client c(endpoint);
    QString error;
    const Item draft = newDraft(u"服务器无响应"_s);
    QVERIFY(c.engine->saveDraft(draft, &error));
    c.nam.setRule([](const QByteArray &, const QUrl &, const QByteArray &) { return Fault::hang(); });
    QVERIFY(c.sync(20000));
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QCOMPARE(c.store.outboxCount(), 1);
    QVERIFY(!c.engine->lastError().message.isEmpty());
    c.nam.clearRule();
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.outboxCount(), 0);
    QVERIFY(h->store().item(draft.id));
}

// Absence is not deletion: an empty feed, or one from another server, deletes nothing; the latter
// stops sync with a message.
void TestServerSync::emptyOrForeignFeedDeletesNothing()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    for (int i = 0; i < 3; ++i)
        QVERIFY(c.engine->saveDraft(newDraft(u"稿件%1"_s.arg(i)), &error));
    QVERIFY(c.sync());
    QCOMPARE(c.store.itemCount(), 3);

    c.nam.setRule([&](const QByteArray &, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        if (u.path() == "/api/v1/changes"_L1)
            return Fault::canned(200, {{"server_id"_L1, h->store().serverId()},
                                       {"cursor"_L1, u"0"_s},
                                       {"more"_L1, false},
                                       {"changes"_L1, QJsonArray()}});
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(c.store.itemCount(), 3);

    c.nam.setRule([](const QByteArray &, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        if (u.path() == "/api/v1/changes"_L1)
            return Fault::canned(200, {{"server_id"_L1, u"another-server"_s},
                                       {"cursor"_L1, u"0"_s},
                                       {"more"_L1, false},
                                       {"changes"_L1, QJsonArray()}});
        return std::nullopt;
    });
    const QString cursorBefore = c.store.syncValue(u"cursor"_s);
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Stopped);
    QVERIFY(c.engine->lastError().message.contains(u"another-server"_s));
    QCOMPARE(c.store.itemCount(), 3);
    QCOMPARE(c.store.syncValue(u"cursor"_s), cursorBefore);

    // Another server answering /me: stopped before anything is sent.
    Client other(endpointOf(*h, h->login(u"he.xiaoyu"_s)), c.store.path());
    c.store.close();
    QVERIFY(other.engine->saveDraft(newDraft(u"不该发往别处"_s), &error));
    other.nam.setRule([](const QByteArray &, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        if (u.path() == "/api/v1/me"_L1)
            return Fault::canned(200, {{"server_id"_L1, u"another-server"_s},
                                       {"person"_L1, QJsonObject{{"id"_L1, u"he.xiaoyu"_s}}}});
        return std::nullopt;
    });
    QVERIFY(other.sync());
    QCOMPARE(other.engine->state(), SyncEngine::State::Stopped);
    QCOMPARE(other.store.outboxCount(), 1);
    QCOMPARE(other.store.itemCount(), 4);
}

// The server presents another certificate than the one trusted: sync stops with a warning and
// nothing is sent; a CA that did not sign the server's certificate is refused too.
void TestServerSync::changedCertificateStops()
{
    auto h = server();
    QVERIFY(h);
    auto impostor = server(); // same address family, another self-signed certificate
    QVERIFY(impostor);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client c(endpointOf(*h, token));
    QString error;
    QVERIFY(c.engine->saveDraft(newDraft(u"证书"_s), &error));
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);

    // Same trust, another server key: as if the certificate had changed.
    ServerEndpoint moved = endpointOf(*h, token);
    moved.baseUrl = endpointOf(*impostor).baseUrl;
    c.engine->setEndpoint(moved);
    QVERIFY(c.engine->saveDraft(newDraft(u"不该发出"_s), &error));
    const int before = impostor->store().latestSequence();
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Stopped);
    QVERIFY(c.engine->lastError().message.contains(u"certificate"_s));
    QCOMPARE(c.store.outboxCount(), 1);
    QCOMPARE(impostor->store().latestSequence(), before);
    // It stays stopped until someone acts.
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Stopped);

    // A wrong CA: trusting only the impostor's certificate while talking to the real server.
    Client d(endpointOf(*h, token));
    ServerEndpoint wrongCa = endpointOf(*h, token);
    wrongCa.ssl.setCaCertificates(QSslCertificate::fromPath(impostor->certificatePath()));
    d.engine->setEndpoint(wrongCa);
    QVERIFY(d.sync());
    QCOMPARE(d.engine->state(), SyncEngine::State::Stopped);
}

// The cursor is older than the pruned tombstones: the server asks for a full resync; the client
// fetches everything again without duplicates and without deleting what it has.
void TestServerSync::oldCursorResyncsWithoutDuplicates()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        const Item d = newDraft(u"重同步%1"_s.arg(i));
        ids.append(d.id);
        QVERIFY(c.engine->saveDraft(d, &error));
    }
    c.engine->setPageSize(2);
    QVERIFY(c.sync());
    QCOMPARE(c.store.itemCount(), 5);
    // Elsewhere: a new draft, one deleted, and the tombstones pruned.
    Client other(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(other.sync());
    const Item extra = newDraft(u"新稿"_s);
    QVERIFY(other.engine->saveDraft(extra, &error));
    QVERIFY(other.engine->queueAction(ids.first(), request(Action::Delete), &error));
    QVERIFY(other.sync());
    QVERIFY(h->store().pruneTombstones(h->store().latestSequence()));
    // A local item the server no longer lists stays (absence is not deletion).
    int pulls = 0;
    c.nam.setRule([&](const QByteArray &, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        pulls += u.path() == "/api/v1/changes"_L1;
        return std::nullopt;
    });
    QSignalSpy progress(c.engine.get(), &SyncEngine::progress);
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QVERIFY(pulls >= 2); // the resync answer, then the pages from 0
    // Each of the server's 5 items received once in the full fetch (pages of 2: no item twice, none
    // skipped), each as the server has it; the deleted one kept here (absence is not deletion).
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(2).toInt(), 5);
    QCOMPARE(c.store.itemCount(), 6);
    for (const QString &id : ids.mid(1) + QStringList{extra.id}) {
        const std::optional<Item> local = c.store.item(id);
        QVERIFY(local);
        QCOMPARE(json::toJson(*local), json::toJson(*h->store().item(id)));
    }
    QVERIFY(c.store.item(ids.first()));
}

void TestServerSync::restoredServerGetsWhatItLost_data()
{
    QTest::addColumn<bool>("sameEpoch");
    // A snapshot of `baosong-server backup` carries an epoch of its own: /me tells the client.
    QTest::newRow("backup snapshot") << false;
    // A copy of the file made another way keeps the epoch: the feed finds the client's cursor ahead.
    QTest::newRow("copied file") << true;
}

// Issue #20 point 7: the server is put back from an older backup. The client notices, fetches
// everything again, sends again what the server acknowledged to it and lost (a new draft, an edit), keeps
// its unsent work (sent once), tells the user of a submission to take again, and deletes nothing.
void TestServerSync::restoredServerGetsWhatItLost()
{
    QFETCH(bool, sameEpoch);
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s); // the session is in the backup too
    Client c(endpointOf(*h, token));
    QString error;
    const Item kept = newDraft(u"备份前的稿件"_s);
    const Item edited = newDraft(u"备份后改过的稿件"_s);
    const Item submittedLater = newDraft(u"备份后提交的稿件"_s);
    for (const Item &d : {kept, edited, submittedLater})
        QVERIFY2(c.engine->saveDraft(d, &error), qPrintable(error));
    QVERIFY(c.sync());
    QCOMPARE(c.store.outboxCount(), 0);

    const QString backup = QDir(h->folder()).filePath(u"backup.sqlite"_s);
    QVERIFY2(h->store().backup(backup, &error), qPrintable(error));
    if (sameEpoch) {
        // As a plain copy of the file would be: the live server's epoch.
        const QString epoch = h->store().epoch();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"restore-copy"_s);
            db.setDatabaseName(backup);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.prepare(u"UPDATE meta SET value = ? WHERE key = 'epoch'"_s));
            q.addBindValue(epoch);
            QVERIFY(q.exec());
        }
        QSqlDatabase::removeDatabase(u"restore-copy"_s);
    }

    // After the backup, acknowledged by the server: a new draft, an edit, a submission.
    const Item created = newDraft(u"备份后新建的稿件"_s);
    QVERIFY(c.engine->saveDraft(created, &error));
    QVERIFY(
        c.engine->saveDraft(withTitle(*c.store.item(edited.id), u"备份后改过的稿件（第二稿）"_s), &error));
    QVERIFY(c.sync());
    QVERIFY(c.engine->queueAction(submittedLater.id, request(Action::Submit), &error));
    QVERIFY(c.sync());
    QCOMPARE(c.store.outboxCount(), 0);
    QCOMPARE(h->store().item(submittedLater.id)->state, WorkflowState::InReview);
    // And one draft saved while the server is away: not acknowledged, still queued.
    const Item unsent = newDraft(u"服务器恢复期间写的稿件"_s);
    QVERIFY(c.engine->saveDraft(unsent, &error));
    // What the client holds before the restore: every item, each with its latest text.
    QHash<QString, QString> titlesBefore;
    for (const ItemSummary &s : c.store.summaries(0, 100))
        titlesBefore.insert(s.id, s.title);
    QCOMPARE(titlesBefore.size(), 5);

    QVERIFY2(h->restoreFrom(backup), qPrintable(h->error()));
    QVERIFY(!h->store().item(created.id)); // the server lost these
    QCOMPARE(h->store().item(edited.id)->latest()->content.title, edited.revisions.last().content.title);
    QCOMPARE(h->store().item(submittedLater.id)->state, WorkflowState::Draft);

    c.engine->setEndpoint(endpointOf(*h, token));
    QSignalSpy restored(c.engine.get(), &SyncEngine::serverRestored);
    int actionsInFirstRun = 0;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        actionsInFirstRun += isAction(m, u) && restored.isEmpty();
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(restored.size(), 1);
    QCOMPARE(actionsInFirstRun, 0); // the full fetch first, nothing sent before it
    // The run after it sends (and ends).
    QTRY_VERIFY_WITH_TIMEOUT(c.store.outboxCount() == 0 && c.engine->state() == SyncEngine::State::Idle,
                             20000);

    const QStringList resent = restored.at(0).at(0).toStringList();
    const QStringList attention = restored.at(0).at(1).toStringList();
    QCOMPARE(QSet<QString>(resent.cbegin(), resent.cend()), (QSet<QString>{created.id, edited.id}));
    QCOMPARE(attention, QStringList{submittedLater.id});

    // The server has every acknowledged text again, each item created once.
    for (auto it = titlesBefore.cbegin(); it != titlesBefore.cend(); ++it) {
        const std::optional<Item> onServer = h->store().item(it.key());
        QVERIFY2(onServer, qPrintable(u"%1 (%2) missing on the server"_s.arg(it.value(), it.key())));
        QCOMPARE(onServer->latest()->content.title, it.value());
        int creates = 0;
        for (const AuditEvent &e : h->store().auditEventsFor(it.key()))
            creates += e.type == "action.create"_L1;
        QCOMPARE(creates, 1);
    }
    // Nothing deleted here, every text as it was; the lost submission is the user's step again.
    QCOMPARE(c.store.itemCount(), 5);
    for (auto it = titlesBefore.cbegin(); it != titlesBefore.cend(); ++it)
        QCOMPARE(c.store.item(it.key())->latest()->content.title, it.value());
    QCOMPARE(c.store.item(submittedLater.id)->state, WorkflowState::Draft);
    QCOMPARE(c.store.item(kept.id)->latestNumber(), h->store().item(kept.id)->latestNumber());

    // The new epoch is remembered: the next sync is an ordinary one.
    QVERIFY(c.sync());
    QCOMPARE(restored.size(), 1);
}

void TestServerSync::massDeletionAsksFirst_data()
{
    QTest::addColumn<bool>("apply");
    QTest::newRow("delete here too") << true;
    QTest::newRow("keep them here") << false;
}

// Issue #20 point 8: a feed that would remove most of the items here is held until the user says so
// (Nextcloud's "all files deleted" guard); a few deletions and tombstones of unknown items go through.
void TestServerSync::massDeletionAsksFirst()
{
    QFETCH(bool, apply);
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    Client elsewhere(endpointOf(*h, h->login(u"he.xiaoyu"_s))); // the same person on another computer
    QString error;
    QStringList ids;
    for (int i = 0; i < 30; ++i) {
        const Item d = newDraft(u"批量删除%1"_s.arg(i));
        ids.append(d.id);
        QVERIFY(c.engine->saveDraft(d, &error));
    }
    QVERIFY(c.sync());
    QVERIFY(elsewhere.sync());
    QCOMPARE(elsewhere.store.itemCount(), 30);

    // Two deleted elsewhere: below the limit, removed here without a question.
    QSignalSpy held(c.engine.get(), &SyncEngine::deletionsHeld);
    for (int i = 0; i < 2; ++i)
        QVERIFY(elsewhere.engine->queueAction(ids.at(i), request(Action::Delete), &error));
    QVERIFY(elsewhere.sync());
    QVERIFY(c.sync());
    QCOMPARE(held.size(), 0);
    QCOMPARE(c.store.itemCount(), 28);

    // Twenty more: held. Nothing removed, the cursor stays, the same question on the next run.
    for (int i = 2; i < 22; ++i)
        QVERIFY(elsewhere.engine->queueAction(ids.at(i), request(Action::Delete), &error));
    QVERIFY(elsewhere.sync());
    const QString cursorBefore = c.store.syncValue(u"cursor"_s);
    QVERIFY(c.sync());
    QCOMPARE(held.size(), 1);
    QCOMPARE(held.at(0).at(0).toInt(), 20);
    QCOMPARE(held.at(0).at(1).toInt(), 28);
    QCOMPARE(c.engine->state(), SyncEngine::State::Stopped);
    QVERIFY(c.engine->lastError().message.contains(u"20"_s));
    QCOMPARE(c.store.itemCount(), 28);
    QCOMPARE(c.store.syncValue(u"cursor"_s), cursorBefore);
    c.engine->retryNow(); // asking again without deciding: asked again, still nothing removed
    QTRY_COMPARE(held.size(), 2);
    QCOMPARE(c.store.itemCount(), 28);

    QSignalSpy finished(c.engine.get(), &SyncEngine::runFinished);
    c.engine->decideHeldDeletions(apply);
    QVERIFY(finished.wait(20000));
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(held.size(), 2);
    QCOMPARE(c.store.itemCount(), apply ? 8 : 28);
    for (int i = 2; i < 22; ++i)
        QCOMPARE(bool(c.store.item(ids.at(i))), !apply);
    QVERIFY(c.store.syncValue(u"cursor"_s).toLongLong() > cursorBefore.toLongLong());
    // The decision was for those: later runs are quiet, and the guard is on again.
    QVERIFY(c.sync());
    QCOMPARE(held.size(), 2);
    QCOMPARE(c.store.itemCount(), apply ? 8 : 28);

    // A new computer reading everything from 0: tombstones of items it never had remove nothing and
    // ask nothing.
    Client fresh(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QSignalSpy freshHeld(fresh.engine.get(), &SyncEngine::deletionsHeld);
    QVERIFY(fresh.sync());
    QCOMPARE(fresh.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(freshHeld.size(), 0);
    QCOMPARE(fresh.store.itemCount(), 8);
}

// Issue #20 point 9: the computer's clock jumps days back and forth while actions wait and back off.
// The outbox goes in the order taken, a backoff set before the clock went back does not hold the
// action for days, one set after it is kept, and the items' dates are the server's, not the clock's.
void TestServerSync::clockMovedDuringReplayAndBackoff()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client c(endpointOf(*h, token));
    qint64 offsetDays = 0;
    c.engine->setClock([&] { return QDateTime::currentDateTimeUtc().addDays(offsetDays); });
    QString error;
    // Offline, actions taken while the clock moves: +3 days, −5 days, +10 days.
    ServerEndpoint nowhere = endpointOf(*h, token);
    nowhere.baseUrl.setPort(1);
    c.engine->setEndpoint(nowhere);
    const Item draft = newDraft(u"时钟跳动中写的稿件"_s);
    QVERIFY(c.engine->saveDraft(draft, &error));
    const QList<qint64> shifts{3, -5, 10, -2};
    QStringList comments;
    for (qint64 shift : shifts) {
        offsetDays = shift;
        ActionRequest comment = request(Action::Comment);
        comment.reason = u"时钟偏移%1天时的意见"_s.arg(shift);
        comments.append(comment.reason);
        QVERIFY2(c.engine->queueAction(draft.id, comment, &error), qPrintable(error));
    }
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);

    // A server error makes the draft back off (25 s by default) with the clock 4 days ahead …
    offsetDays = 4;
    c.engine->setEndpoint(endpointOf(*h, token));
    bool failCreate = true;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (failCreate && isAction(m, u) && actionOf(body) == "create"_L1)
            return Fault::canned(503, {});
        return std::nullopt;
    });
    QVERIFY(c.sync());
    const OutboxEntry backingOff = c.store.outboxOf(draft.id).constFirst();
    QVERIFY(backingOff.nextAttemptAt.isValid());
    QVERIFY(!h->store().item(draft.id));
    failCreate = false;
    // … kept while the clock stands: the next run does not send it.
    QVERIFY(c.sync());
    QVERIFY(!h->store().item(draft.id));
    // The clock goes back to the right time (4 days back): the wait now looks like 4 days; it is not
    // kept that long: the next run sends, in the order taken.
    offsetDays = 0;
    QVERIFY(c.sync());
    QCOMPARE(c.store.outboxCount(), 0);
    const std::optional<Item> onServer = h->store().item(draft.id);
    QVERIFY(onServer);
    QStringList serverComments;
    for (const Comment &k : onServer->comments)
        serverComments.append(k.text);
    QCOMPARE(serverComments, comments);
    // The local item carries the server's dates, not the moved clock's.
    const std::optional<Item> local = c.store.item(draft.id);
    QCOMPARE(local->latest()->createdAt, onServer->latest()->createdAt);
    QVERIFY(qAbs(local->latest()->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    for (qsizetype i = 0; i < onServer->comments.size(); ++i)
        QCOMPARE(local->comments.at(i).at, onServer->comments.at(i).at);

    // A backoff set with the clock right survives the clock jumping forward and back a little.
    failCreate = true;
    const Item second = newDraft(u"第二篇"_s);
    QVERIFY(c.engine->saveDraft(second, &error));
    QVERIFY(c.sync());
    failCreate = false;
    offsetDays = 0;
    QVERIFY(c.sync());
    QVERIFY(!h->store().item(second.id)); // 25 s not over
    QVERIFY(c.store.outboxOf(second.id).constFirst().nextAttemptAt > QDateTime::currentDateTimeUtc());
}

// The feed's next page is asked for while the current one is written (bench_sync), and pages are
// applied in order: a page that fails ends the run with the checkpoint after the last page applied,
// nothing after it is asked for, and the next run goes on from there without duplicates.
void TestServerSync::pagesAskedAheadAppliedInOrder()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client writer(endpointOf(*h, token));
    QString error;
    QStringList ids;
    for (int i = 0; i < 7; ++i) {
        const Item d = newDraft(u"分页%1"_s.arg(i));
        ids.append(d.id);
        QVERIFY(writer.engine->saveDraft(d, &error));
    }
    QVERIFY(writer.sync());
    QCOMPARE(writer.store.outboxCount(), 0);

    Client c(endpointOf(*h, token));
    c.engine->setPageSize(2);
    QStringList asked;  // the cursor of each page request
    QStringList stored; // the client's checkpoint when it was asked
    int failAt = 3;
    c.nam.setRule([&](const QByteArray &, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        if (u.path() != "/api/v1/changes"_L1)
            return std::nullopt;
        asked.append(QUrlQuery(u).queryItemValue(u"cursor"_s));
        stored.append(c.store.syncValue(u"cursor"_s));
        if (asked.size() == failAt)
            return Fault::networkError();
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Offline);
    QCOMPARE(asked.size(), 3);        // the third page failed; nothing was asked after it
    QCOMPARE(c.store.itemCount(), 4); // pages 1 and 2
    // The second page was asked for before the first was saved.
    QVERIFY(asked.at(1) != u"0"_s);
    QCOMPARE(stored.at(1), QString());
    // The checkpoint is after page 2: where the failed page began.
    const QString afterTwo = c.store.syncValue(u"cursor"_s);
    QCOMPARE(afterTwo, asked.at(2));

    failAt = 0;
    asked.clear();
    QSignalSpy progress(c.engine.get(), &SyncEngine::progress);
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(asked.value(0), afterTwo);
    // Only the 3 items after the checkpoint came again (pages 1 and 2 were not fetched twice).
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(2).toInt(), 3);
    QCOMPARE(c.store.itemCount(), 7);
    for (const QString &id : std::as_const(ids))
        QVERIFY(c.store.item(id));
}

// A draft saved with no title yet (its body typed first) is not sent: the server would refuse it. Its
// create stays unsent, so the next save updates it in place; with a title it goes.
void TestServerSync::untitledDraftStaysLocal()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    const Item draft = newDraft(u"   "_s);
    QVERIFY(c.engine->saveDraft(draft, &error));
    int actionsSent = 0;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        actionsSent += isAction(m, u);
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->state(), SyncEngine::State::Idle);
    QCOMPARE(actionsSent, 0);
    QVERIFY(c.engine->refusals().isEmpty());
    QCOMPARE(c.store.outboxOf(draft.id).size(), 1);
    QCOMPARE(c.store.outboxOf(draft.id).constFirst().attempts, 0);
    QVERIFY(c.engine->saveDraft(withTitle(draft, u"有了标题"_s), &error));
    QCOMPARE(c.store.outboxOf(draft.id).size(), 1); // the same create, updated
    QVERIFY(c.sync());
    QCOMPARE(actionsSent, 1);
    QCOMPARE(h->store().item(draft.id)->latest()->content.title, u"有了标题"_s);
}

// Issue #15: a refused create (and the submit behind it) never strands the draft: the next save
// rewrites the create under a new action id, in its place, and the submit behind it goes on the
// rewritten revision; a refused submit is dropped when the author submits again.
void TestServerSync::refusedActionsNeverStrandTheDraft()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    const Item draft = newDraft(u"第一稿"_s);
    QVERIFY(c.engine->saveDraft(draft, &error));
    const QString refusedId = c.store.outboxOf(draft.id).constFirst().actionId;
    bool refuseCreate = true;
    bool refuseSubmit = false;
    QStringList sent;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &body) -> std::optional<Fault> {
        if (!isAction(m, u))
            return std::nullopt;
        sent << actionOf(body);
        if ((refuseCreate && actionOf(body) == "create"_L1) ||
            (refuseSubmit && actionOf(body) == "submit"_L1))
            return Fault::canned(422, {{"title"_L1, u"Action refused"_s},
                                       {"detail"_L1, u"Server words."_s},
                                       {"refusal"_L1, u"checks_failed"_s}});
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(c.engine->refusals().size(), 1);
    // The refusal reads in the client's words.
    QCOMPARE(c.engine->refusals().constFirst().lastError.section(u" ("_s, 0, 0),
             Problem::refusalText(u"checks_failed"_s));
    QVERIFY(c.engine->queueAction(draft.id, request(Action::Submit), &error));
    QVERIFY(c.sync());
    QCOMPARE(sent, QStringList{u"create"_s}); // not sent again, and the submit waits behind it
    // The next save rewrites the refused create; the submit goes after it.
    refuseCreate = false;
    sent.clear();
    QVERIFY(c.engine->saveDraft(withTitle(draft, u"第二稿"_s), &error));
    const QList<OutboxEntry> rewritten = c.store.outboxOf(draft.id);
    QCOMPARE(rewritten.size(), 2);
    QCOMPARE(rewritten.at(0).action, Action::Create);
    QCOMPARE(rewritten.at(0).state, OutboxEntry::State::Pending);
    QVERIFY(rewritten.at(0).actionId != refusedId);
    QCOMPARE(rewritten.at(1).action, Action::Submit);
    QVERIFY(c.sync());
    QCOMPARE(sent, (QStringList{u"create"_s, u"submit"_s}));
    std::optional<Item> onServer = h->store().item(draft.id);
    QVERIFY(onServer);
    QCOMPARE(onServer->state, WorkflowState::InReview);
    QCOMPARE(onServer->latest()->content.title, u"第二稿"_s);
    QCOMPARE(onServer->latestNumber(), 1);
    QVERIFY(c.store.outboxOf(draft.id).isEmpty());

    // A refused submit, then the author submits again: the refused one does not hold the new one.
    const Item second = newDraft(u"另一稿"_s);
    QVERIFY(c.engine->saveDraft(second, &error));
    QVERIFY(c.engine->queueAction(second.id, request(Action::Submit), &error));
    refuseSubmit = true;
    QVERIFY(c.sync());
    QCOMPARE(c.engine->refusals().size(), 1);
    refuseSubmit = false;
    QVERIFY(c.engine->queueAction(second.id, request(Action::Submit), &error));
    QCOMPARE(c.store.outboxOf(second.id).size(), 1);
    QVERIFY(c.sync());
    QCOMPARE(h->store().item(second.id)->state, WorkflowState::InReview);
    QVERIFY(c.engine->refusals().isEmpty());
}

// A submit waits until its attachments are on the server: the uploader is asked first, and when it
// fails the item backs off without sending anything.
void TestServerSync::submitWaitsForAttachments()
{
    auto h = server();
    QVERIFY(h);
    const QByteArray token = h->login(u"he.xiaoyu"_s);
    Client c(endpointOf(*h, token));
    QString error;
    Item draft = newDraft(u"带附件的稿件"_s);
    const QByteArray bytes = "abc";
    Attachment a;
    a.id = uuid();
    a.fileName = u"规划图.pdf"_s;
    a.mimeType = u"application/pdf"_s;
    a.size = bytes.size();
    a.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    draft.revisions.last().content.attachments = {a};
    QVERIFY(c.engine->saveDraft(draft, &error));
    QVERIFY(c.engine->queueAction(draft.id, request(Action::Submit), &error));
    bool uploadOk = false;
    QStringList asked;
    c.engine->setAttachmentUploader([&](const QString &itemId, const QList<Attachment> &attachments,
                                        std::function<void(const SyncEngine::UploadOutcome &)> done) {
        asked.append(itemId + u':' + QString::number(attachments.size()));
        if (uploadOk) {
            // The file really goes (the server accepts only files their sender sent).
            const HttpResult started = h->post(
                u"/api/v1/uploads"_s, token,
                {{"sha256"_L1, QString::fromLatin1(a.sha256.toHex())}, {"size"_L1, double(bytes.size())}});
            const HttpResult sent =
                h->raw("PATCH", u"/api/v1/uploads/"_s + started.body.value("upload_id"_L1).toString(), token,
                       bytes, {{"Content-Type", "application/offset+octet-stream"}, {"Upload-Offset", "0"}});
            uploadOk = sent.header("Upload-Complete") == "1";
        }
        SyncEngine::UploadOutcome outcome;
        outcome.ok = uploadOk;
        outcome.error = uploadOk ? QString() : u"upload failed"_s;
        done(outcome);
    });
    int actionsSent = 0;
    c.nam.setRule([&](const QByteArray &m, const QUrl &u, const QByteArray &) -> std::optional<Fault> {
        actionsSent += isAction(m, u);
        return std::nullopt;
    });
    QVERIFY(c.sync());
    QCOMPARE(asked, QStringList{draft.id + u":1"_s});
    QCOMPARE(actionsSent, 0);
    QCOMPARE(c.store.outboxCount(), 2);
    QVERIFY(!h->store().item(draft.id));
    uploadOk = true;
    c.engine->retryNow();
    QTRY_COMPARE_WITH_TIMEOUT(c.store.outboxCount(), 0, 30000);
    QCOMPARE(actionsSent, 2);
    QCOMPARE(h->store().item(draft.id)->state, WorkflowState::InReview);
}

// A correspondent submits over a blocking check of the client with a reason: the server records it.
void TestServerSync::overriddenCheckRecorded()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    Item draft = newDraft(u"超期信息"_s);
    draft.revisions[0].content.infoDate = chinaToday().addDays(-60);
    QVERIFY(c.engine->saveDraft(draft, &error));
    ActionRequest submit = request(Action::Submit);
    submit.overrideReason = u"会议纪要今日才印发"_s;
    submit.overriddenChecks = {u"deadline/breached"_s};
    QVERIFY(c.engine->queueAction(draft.id, submit, &error));
    QVERIFY(c.sync());
    QCOMPARE(c.store.outboxCount(), 0);
    bool recorded = false;
    for (const AuditEvent &e : h->store().auditEventsFor(draft.id)) {
        if (e.type == "override"_L1) {
            recorded = e.details.value("reason"_L1).toString() == u"会议纪要今日才印发"_s &&
                       e.details.value("checks"_L1).toArray().first().toString() == u"deadline/breached"_s &&
                       e.details.value("rule"_L1).toString() == u"checks"_s;
        }
    }
    QVERIFY(recorded);
    // The client learnt the server's upload limit from /me.
    QCOMPARE(c.store.serverLimits().maxUploadBytes, h->blobs().maxUploadBytes);
}

// Art. 9: an urgent item tells the reviewer of a later stage at once (not only when it reaches them),
// sorts first in the queue and is due in hours from its submission.
void TestServerSync::urgentTellsLaterReviewersAtOnce()
{
    auto h = server();
    QVERIFY(h);
    Client author(endpointOf(*h, h->login(u"mou.xiaolin"_s)));
    Client director(endpointOf(*h, h->login(u"zhou.min"_s)));
    Client head(endpointOf(*h, h->login(u"gou.zhenhua"_s)));
    QString error;
    const Item plain = newDraft(u"巴州区分局例行动态"_s, u"bazhou"_s);
    Item urgent = newDraft(u"关于暴雨引发地质灾害的紧急通告"_s, u"bazhou"_s);
    urgent.revisions[0].content.urgent = true;
    for (const Item &item : {plain, urgent}) {
        QVERIFY(author.engine->saveDraft(item, &error));
        QVERIFY(author.engine->queueAction(item.id, request(Action::Submit), &error));
    }
    QVERIFY(author.sync());
    QCOMPARE(author.store.outboxCount(), 0);
    const QDateTime submittedAt = h->store().item(urgent.id)->submittedAt;
    QVERIFY(submittedAt.isValid());

    QSignalSpy ahead(director.engine.get(), &SyncEngine::urgentItemsAhead);
    QSignalSpy arrived(director.engine.get(), &SyncEngine::queueItemsArrived);
    QVERIFY(director.sync());
    QCOMPARE(ahead.size(), 1);
    QCOMPARE(ahead.first().first().toStringList(), QStringList{urgent.id}); // the urgent one only
    QVERIFY(arrived.isEmpty()); // nothing waits for the director yet
    QVERIFY(director.sync());   // told once
    QCOMPARE(ahead.size(), 1);

    // The unit head's queue: the urgent item first, due 24 hours after its submission.
    QSignalSpy headArrived(head.engine.get(), &SyncEngine::queueItemsArrived);
    QVERIFY(head.sync());
    QCOMPARE(headArrived.size(), 1);
    const HttpResult queue = h->get(u"/api/v1/queue"_s, h->login(u"gou.zhenhua"_s));
    QCOMPARE(queue.status, 200);
    const QJsonArray items = queue.body.value("items"_L1).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value("id"_L1).toString(), urgent.id);
    QCOMPARE(QDateTime::fromString(items.at(0).toObject().value("due_at"_L1).toString(), Qt::ISODate),
             submittedAt.addSecs(24 * 3600).toUTC());
    QCOMPARE(items.at(0).toObject().value("deadline_state"_L1).toString(), u"on_time"_s);
    QVERIFY(!items.at(1).toObject().contains("due_at"_L1));
}

// #18.1: a sync brings the column health and keeps it, so the view and the reminders work offline.
void TestServerSync::columnHealthKeptForOffline()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(!c.engine->columnHealth());
    QSignalSpy changed(c.engine.get(), &SyncEngine::columnHealthChanged);
    QVERIFY(c.sync());
    QCOMPARE(changed.size(), 1);
    const std::optional<SiteHealth> health = c.engine->columnHealth();
    QVERIFY(health);
    QCOMPARE(health->columns.size(), h->store().columns().size());
    // Nothing published on this server: every column empty, and none of them on the site (#21.1), so
    // none counts against an inspection.
    for (const ColumnHealth &column : health->columns)
        QCOMPARE(column.state, ColumnHealthState::Empty);
    QCOMPARE(health->empty.count, 0);
    QVERIFY(!health->empty.failing);
    // Within the hour it is not asked again.
    QVERIFY(c.sync());
    QCOMPARE(changed.size(), 1);
    // Another engine on the same store reads it without the server.
    SyncEngine offline(c.store, &c.nam);
    QVERIFY(offline.columnHealth());
}

// Issue #17 point 7: the word lists the site administrator saved reach the client with its next sync,
// are kept in its store (the checks work offline), and its checks find what they list.
void TestServerSync::syncBringsWordLists()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(c.opened);
    QSignalSpy changed(c.engine.get(), &SyncEngine::wordListsChanged);
    QVERIFY(c.sync());
    std::optional<ContentRules> rules = c.store.wordLists();
    QVERIFY(rules);
    QCOMPARE(rules->version, 1);
    QCOMPARE(rules->sensitiveText, WordLists::builtinSensitiveText());
    QCOMPARE(changed.count(), 1);

    // An item whose body holds a word that is on no list yet.
    const QString word = u"蓝鲸计划书"_s;
    Item item = newDraft(u"工作动态"_s);
    item.revisions[0].content.bodyHtml = u"<p>关于%1的说明。</p>"_s.arg(word);
    const Organization organization = Organization::demo();
    const Deadline deadline;
    auto sensitiveFindings = [&](const Checks &checks) {
        const CheckContext context{item,         CheckContext::contentOf(item),
                                   organization, RouteEngine::builtin(),
                                   deadline,     chinaToday()};
        int n = 0;
        for (const Finding &f : checks.run(context))
            n += f.key() == u"content/sensitive_word"_s && f.message.contains(word) ? 1 : 0;
        return n;
    };
    QCOMPARE(sensitiveFindings(rules->checks()), 0);

    // The site administrator adds it; the next run fetches the new version (told by /me).
    const QByteArray admin = h->login(u"ma.lingyun"_s);
    const QString withWord = rules->sensitiveText + u"\n%1\tblocking\n"_s.arg(word);
    const HttpResult put =
        h->request("PUT", u"/api/v1/word-lists"_s, admin,
                   {{"base_version"_L1, 1},
                    {"sensitive"_L1, withWord},
                    {"misused"_L1, rules->misusedText},
                    {"settings"_L1, QJsonObject{{"detectors"_L1, QJsonObject{{"mobile_number"_L1, false}}}}}},
                   true);
    QCOMPARE(put.status, 200);
    QVERIFY(c.sync());
    QCOMPARE(changed.count(), 2);
    rules = c.store.wordLists();
    QVERIFY(rules);
    QCOMPARE(rules->version, 2);
    QCOMPARE(rules->sensitiveText, withWord);
    QVERIFY(!rules->settings.enabled(QString(ContentDetector::MobileNumber)));
    QCOMPARE(sensitiveFindings(rules->checks()), 1);

    // A run with nothing new fetches nothing; the lists stay in the store (offline too).
    QVERIFY(c.sync());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(c.store.wordLists()->version, 2);
}

// Issue #18 point 2: a column the office changes reaches a client that is already running at its next
// run (GET /me's organization_version), once; a run with nothing new fetches nothing.
void TestServerSync::syncBringsColumnChanges()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QVERIFY(c.opened);
    QSignalSpy changed(c.engine.get(), &SyncEngine::organizationChanged);
    QVERIFY(c.sync());
    QVERIFY(c.store.organization());
    const qint64 version = c.engine->organizationVersion();
    QVERIFY(version >= 0);
    QVERIFY(!c.store.organization()->column(u"land_supervision"_s));

    Column added;
    added.id = u"land_supervision"_s;
    added.parentId = u"news"_s;
    added.name = u"执法监察"_s;
    added.responsibleUnitIds = {u"use_control"_s};
    const HttpResult put =
        h->request("PUT", u"/api/v1/columns/land_supervision"_s, h->login(u"xie.bo"_s),
                   {{"base_version"_L1, version}, {"column"_L1, json::toJson(added)}}, true);
    QCOMPARE(put.status, 201);
    QVERIFY(c.sync());
    QCOMPARE(changed.count(), 1);
    const std::optional<Organization> org = c.store.organization();
    QVERIFY(org && org->column(u"land_supervision"_s));
    QCOMPARE(org->column(u"land_supervision"_s)->name, u"执法监察"_s);
    QCOMPARE(c.engine->organizationVersion(), put.body.value("organization_version"_L1).toInteger());
    QVERIFY(c.sync());
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestServerSync)
// Issue #15 point 6: a draft saved and synced ten times is one version on the server and here; its
// submission sends it round, and the next save after a return starts 第2稿.
void TestServerSync::savesKeepOneVersion()
{
    auto h = server();
    QVERIFY(h);
    Client c(endpointOf(*h, h->login(u"he.xiaoyu"_s)));
    QString error;
    Item draft = newDraft(u"第0次"_s);
    for (int i = 1; i <= 10; ++i) {
        QVERIFY(c.engine->saveDraft(withTitle(draft, u"第%1次"_s.arg(i)), &error));
        QVERIFY(c.sync());
        QCOMPARE(c.store.outboxCount(), 0);
    }
    std::optional<Item> onServer = h->store().item(draft.id);
    QVERIFY(onServer);
    QCOMPARE(onServer->revisions.size(), 1);
    QCOMPARE(onServer->latest()->content.title, u"第10次"_s);
    QVERIFY(!onServer->latest()->sent);
    QCOMPARE(c.store.item(draft.id)->revisions.size(), 1);
    QCOMPARE(c.store.item(draft.id)->latestNumber(), onServer->latestNumber());

    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(c.engine->queueAction(draft.id, submit, &error));
    QVERIFY(c.sync());
    QVERIFY(h->store().item(draft.id)->latest()->sent);
    const QByteArray head = h->login(u"zhou.min"_s);
    QCOMPARE(h->post(u"/api/v1/actions"_s, head,
                     {{"action_id"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {"item_id"_L1, draft.id},
                      {"action"_L1, u"return"_s},
                      {"stage_id"_L1, u"unit_review"_s},
                      {"reason"_L1, u"请补充"_s},
                      {"base_revision"_L1, onServer->latestNumber()}})
                 .status,
             200);
    QVERIFY(c.sync());
    for (int i = 1; i <= 3; ++i) {
        Item local = *c.store.item(draft.id);
        QVERIFY(c.engine->saveDraft(withTitle(local, u"第二稿%1"_s.arg(i)), &error));
        QVERIFY(c.sync());
    }
    onServer = h->store().item(draft.id);
    QCOMPARE(onServer->revisions.size(), 2);
    QCOMPARE(onServer->revisions.first().content.title, u"第10次"_s); // what was returned stays
    QCOMPARE(onServer->versionOrdinal(onServer->latestNumber()), 2);
    QCOMPARE(c.store.item(draft.id)->revisions.size(), 2);
}

// Issue #15 point 5: the server's notice channel (/api/v1/events, a WebSocket) says "pull now" after
// every applied action — to the other open clients too — and only to signed-in clients; a channel
// that drops (the server restarts) comes back by itself and asks for a pull at once.
void TestServerSync::noticeChannelTellsClientsToPull()
{
    auto h = server();
    QVERIFY(h);
    const ServerEndpoint author = endpointOf(*h, h->login(u"he.xiaoyu"_s));
    const ServerEndpoint head = endpointOf(*h, h->login(u"zhou.min"_s));

    // Not a WebSocket: 426 Upgrade Required. Not signed in: 401, and no channel opens.
    QCOMPARE(h->get(u"/api/v1/events"_s, author.token).status, 426);
    QWebSocket stranger;
    stranger.setSslConfiguration(author.ssl);
    QSignalSpy strangerConnected(&stranger, &QWebSocket::connected);
    QSignalSpy strangerFailed(&stranger, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    stranger.open(PushChannel::channelUrl(author.baseUrl));
    QVERIFY(strangerFailed.wait(10000));
    QTest::qWait(100);
    QCOMPARE(strangerConnected.count(), 0);
    QCOMPARE(h->httpServer().openWebSockets(), qint64(0));

    PushChannel headChannel;
    headChannel.setEndpoint(head);
    headChannel.setInitialRetryMs(100);
    QSignalSpy headPull(&headChannel, &PushChannel::pullRequested);
    headChannel.start();
    QTRY_VERIFY_WITH_TIMEOUT(headChannel.isConnected(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(headPull.count(), 1, 5000); // on opening: whatever was missed
    QCOMPARE(h->httpServer().openWebSockets(), qint64(1));

    // The author's submission (another client) reaches the head's channel.
    Client c(author);
    QString error;
    const Item draft = newDraft(u"有新消息"_s);
    QVERIFY(c.engine->saveDraft(draft, &error));
    ActionRequest submit;
    submit.action = Action::Submit;
    QVERIFY(c.engine->queueAction(draft.id, submit, &error));
    QVERIFY(c.sync());
    QTRY_VERIFY_WITH_TIMEOUT(headPull.count() >= 2, 10000);
    // A refused action changes nothing and sends nothing.
    headPull.clear();
    QCOMPARE(h->post(u"/api/v1/actions"_s, head.token,
                     {{"action_id"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                      {"item_id"_L1, draft.id},
                      {"action"_L1, u"approve"_s},
                      {"stage_id"_L1, u"no_such_stage"_s},
                      {"base_revision"_L1, 1}})
                     .status /
                 100,
             4);
    QTest::qWait(300);
    QCOMPARE(headPull.count(), 0);

    // The server restarts (here on another port, which the channel is told): the channel comes back
    // by itself and asks for a pull.
    QVERIFY(h->restart());
    headPull.clear();
    headChannel.setEndpoint(endpointOf(*h, head.token));
    QTRY_VERIFY_WITH_TIMEOUT(headChannel.isConnected(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(headPull.count() >= 1, 5000);
    QCOMPARE(h->httpServer().openWebSockets(), qint64(1));
    headChannel.stop();
    QTRY_COMPARE_WITH_TIMEOUT(h->httpServer().openWebSockets(), qint64(0), 10000);
}

#include "tst_server_sync.moc"
