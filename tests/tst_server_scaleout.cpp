// Several servers on one PostgreSQL database behind one address (issue #19 point 2; docs/server.md
// "Several servers"): two real baosong-server processes share the database, the blob store and the site
// folder, with Debian's nginx in front on loopback sending requests to both in turn. Four clients
// create, save and submit items through nginx at the same time. Then: the change feed each of them
// reads is in order with no item twice and none missing, their local stores hold exactly their items,
// the server has every submission once, a change committed on one server reaches a notice channel open
// on the other (PostgreSQL's LISTEN/NOTIFY, server/ChangeRelay), what one server guessed for an action
// (the item as it wrote it, a session) never outlives a change made on the other, and the audit log is
// one chain that verifies against its keyed checkpoint.

#include "DomainJson.h"
#include "SampleContent.h"
#include "ScaleOut.h"
#include "ServerHarness.h"
#include "ServerProcess.h"
#include "SyncClient.h"

#include "LocalStore.h"
#include "PushChannel.h"
#include "SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace baosong;
using namespace baosong::test;

class TestServerScaleOut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoServersBehindNginx();
};

void TestServerScaleOut::initTestCase()
{
    QLoggingCategory::setFilterRules(u"baosong.*.info=false"_s);
}

void TestServerScaleOut::twoServersBehindNginx()
{
    QTemporaryDir work;
    QList<ServerFolder> folders;
    QString error;
    QVERIFY2(prepareSharedServers(work.path(), u"baosong_scaleout"_s, 2, &folders, &error),
             qPrintable(error));
    // The database both servers share, for the checks below.
    server::StoreConfig database;
    QVERIFY2(postgresConfig(&database, &error), qPrintable(error));
    database.database = u"baosong_scaleout"_s;
    const ServerFolder &a = folders.at(0);
    const ServerFolder &b = folders.at(1);
    QProcess serverA, serverB;
    const quint16 portA = startServer(a, serverA);
    const quint16 portB = startServer(b, serverB);
    QVERIFY(portA && portB);
    const auto stopServers = qScopeGuard([&] {
        serverA.terminate();
        serverB.terminate();
        serverA.waitForFinished(10000);
        serverB.waitForFinished(10000);
    });
    // nginx on loopback, both servers upstream, requests in turn.
    NginxProxy proxy;
    const quint16 front = proxy.start(work.filePath(u"nginx"_s), {portA, portB}, a.dir, &error);
    QVERIFY2(front, qPrintable(error));

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(a.dir + u"/server.crt"_s));
    QNetworkAccessManager nam;
    const auto call = [&](quint16 port, const QByteArray &method, const QString &path,
                          const QByteArray &token, const QJsonObject &body = {}) {
        QNetworkRequest req(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)));
        req.setSslConfiguration(ssl);
        req.setTransferTimeout(30000);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply =
            nam.sendCustomRequest(req, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        reply->deleteLater();
        return std::pair{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                         QJsonDocument::fromJson(reply->readAll()).object()};
    };
    // nginx answers once it is up.
    for (int i = 0; i < 100 && call(front, "GET", u"/api/v1/health"_s, {}).first != 200; ++i)
        QTest::qWait(100);
    QCOMPARE(call(front, "GET", u"/api/v1/health"_s, {}).first, 200);
    const auto signIn = [&](quint16 port, const QString &login) {
        return call(port, "POST", u"/api/v1/session"_s, {},
                    {{"login"_L1, login}, {"password"_L1, a.passwords.value(login)}})
            .second.value("token"_L1)
            .toString()
            .toLatin1();
    };
    const auto endpoint = [&](quint16 port, const QByteArray &token) {
        ServerEndpoint e;
        e.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
        e.token = token;
        e.ssl = ssl;
        e.timeoutMs = 30000;
        return e;
    };

    // A notice channel on server B, an action committed on server A: B's clients hear of it.
    const QByteArray headToken = signIn(portB, u"deng.kaiyuan"_s);
    PushChannel channel;
    channel.setEndpoint(endpoint(portB, headToken));
    channel.setInitialRetryMs(100);
    QSignalSpy pulls(&channel, &PushChannel::pullRequested);
    channel.start();
    QTRY_VERIFY_WITH_TIMEOUT(channel.isConnected(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(pulls.count() >= 1, 5000);
    const qsizetype pullsBefore = pulls.count();
    {
        SyncClient viaA(endpoint(portA, signIn(portA, u"yang.shuting"_s)));
        QVERIFY(viaA.opened);
        const Item d = sampleDraft(u"服务器甲上报送的稿件"_s, u"spatial_planning"_s);
        QVERIFY(viaA.engine->saveDraft(d, &error));
        ActionRequest submit;
        submit.action = Action::Submit;
        QVERIFY(viaA.engine->queueAction(d.id, submit, &error));
        QSignalSpy done(viaA.engine.get(), &SyncEngine::runFinished);
        viaA.engine->syncNow();
        QVERIFY(done.wait(30000));
        QCOMPARE(viaA.store.outboxCount(), 0);
    }
    QTRY_VERIFY_WITH_TIMEOUT(pulls.count() > pullsBefore, 10000);

    // Four clients through nginx at once, each saving and submitting items in rounds.
    const QList<std::pair<QString, QString>> people{{u"he.xiaoyu"_s, u"office"_s},
                                                    {u"peng.lu"_s, u"policy_law"_s},
                                                    {u"su.qing"_s, u"use_control"_s},
                                                    {u"mou.xiaolin"_s, u"bazhou"_s}};
    std::vector<std::unique_ptr<SyncClient>> clients;
    QHash<SyncClient *, QStringList> made;
    for (const auto &[login, unit] : people) {
        const QByteArray token = signIn(front, login);
        QVERIFY2(!token.isEmpty(), qPrintable(login));
        clients.push_back(std::make_unique<SyncClient>(endpoint(front, token)));
        QVERIFY(clients.back()->opened);
    }
    constexpr int kRounds = 4;
    constexpr int kPerRound = 6;
    for (int round = 0; round < kRounds; ++round) {
        QList<QSignalSpy *> spies;
        for (size_t i = 0; i < clients.size(); ++i) {
            SyncClient *c = clients[i].get();
            for (int k = 0; k < kPerRound; ++k) {
                const Item d =
                    sampleDraft(u"第%1轮第%2条（%3）"_s.arg(round).arg(k).arg(people[qsizetype(i)].first),
                                people[qsizetype(i)].second);
                QVERIFY(c->engine->saveDraft(d, &error));
                made[c].append(d.id);
                if (k % 2 == 0) {
                    ActionRequest submit;
                    submit.action = Action::Submit;
                    QVERIFY2(c->engine->queueAction(d.id, submit, &error), qPrintable(error));
                }
            }
            spies.append(new QSignalSpy(c->engine.get(), &SyncEngine::runFinished));
            c->engine->syncNow(); // all four at once
        }
        for (QSignalSpy *s : spies) {
            QVERIFY(s->count() > 0 || s->wait(60000));
            delete s;
        }
    }
    // Until every outbox is empty (a run may have been asked again meanwhile).
    for (int pass = 0; pass < 10; ++pass) {
        bool empty = true;
        for (auto &c : clients)
            empty = empty && c->store.outboxCount() == 0;
        if (empty)
            break;
        for (auto &c : clients) {
            QSignalSpy done(c->engine.get(), &SyncEngine::runFinished);
            c->engine->syncNow();
            QVERIFY(done.wait(60000));
        }
    }

    for (size_t i = 0; i < clients.size(); ++i) {
        SyncClient *c = clients[i].get();
        QCOMPARE(c->store.outboxCount(), 0);
        // The feed, read through nginx (pages from either server): in order, nothing twice, nothing missing.
        QByteArray token = c->engine->endpoint().token;
        QString cursor = u"0"_s;
        QStringList seen;
        qint64 last = 0;
        for (int page = 0; page < 100; ++page) {
            const auto [status, body] =
                call(front, "GET", u"/api/v1/changes?cursor=%1&limit=7"_s.arg(cursor), token);
            QCOMPARE(status, 200);
            for (const QJsonValue &v : body.value("changes"_L1).toArray()) {
                const QJsonObject change = v.toObject();
                const qint64 seq = change.value("sequence"_L1).toString().toLongLong();
                QVERIFY2(seq > last, "the feed went backwards or repeated itself");
                last = seq;
                const QString id = change.value("item"_L1).toObject().value("id"_L1).toString();
                QVERIFY2(!seen.contains(id), qPrintable(u"item twice in one reading: "_s + id));
                seen.append(id);
            }
            cursor = body.value("cursor"_L1).toString();
            if (!body.value("more"_L1).toBool())
                break;
        }
        for (const QString &id : made[c])
            QVERIFY2(seen.contains(id), qPrintable(u"missing from the feed: "_s + id));
        // The client holds its items, each with what it saved, and the submitted ones are in review.
        QCOMPARE(c->store.itemCount(), qsizetype(made[c].size()));
        for (int k = 0; k < made[c].size(); ++k) {
            const std::optional<Item> item = c->store.item(made[c][k]);
            QVERIFY(item);
            QCOMPARE(item->state, (k % kPerRound) % 2 == 0 ? WorkflowState::InReview : WorkflowState::Draft);
        }
    }

    // What one server guessed for an action (ServerStore::expectAction(): the item as it last wrote
    // it, the session as it last checked it) never outlives a change made on the other server.
    {
        const auto metric = [&](quint16 port, const QByteArray &name) {
            QNetworkRequest req(QUrl(u"https://127.0.0.1:%1/metrics"_s.arg(port)));
            req.setSslConfiguration(ssl);
            QNetworkReply *reply = nam.get(req);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!reply->isFinished())
                finished.wait(30000);
            reply->deleteLater();
            for (const QByteArray &line : reply->readAll().split('\n'))
                if (line.startsWith(name + ' '))
                    return line.mid(name.size() + 1).toDouble();
            return -1.0;
        };
        const auto action = [](const QString &kind, const QString &itemId) {
            QJsonObject o{{"action_id"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                          {"action"_L1, kind},
                          {"item_id"_L1, itemId}};
            if (kind == "create"_L1) {
                o.insert("kind"_L1, u"disclosure"_s);
                o.insert("unit_id"_L1, u"office"_s);
                o.insert("content"_L1, json::toJson(submittableContent(ItemKind::Disclosure, u"office"_s,
                                                                       u"两台服务器之间的猜测"_s)));
            } else {
                o.insert("base_revision"_L1, 1);
            }
            return o;
        };
        const QByteArray onA = signIn(portA, u"he.xiaoyu"_s);
        QCOMPARE(call(portA, "GET", u"/api/v1/me"_s, onA).first, 200); // the session checked, kept by A
        const QString x = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const double guessedBefore = metric(portA, "baosong_store_guessed_actions");
        const double restartedBefore = metric(portA, "baosong_store_restarted_requests");
        QCOMPARE(call(portA, "POST", u"/api/v1/actions"_s, onA, action(u"create"_s, x)).first, 200);
        QVERIFY(metric(portA, "baosong_store_guessed_actions") > guessedBefore); // written on a guess
        // Server B submits it; A still remembers the draft it wrote. A second submission through A is
        // judged on that draft first, refused by the call (the item moved), then judged again on the
        // item as it is: already in review.
        QCOMPARE(
            call(portB, "POST", u"/api/v1/actions"_s, signIn(portB, u"he.xiaoyu"_s), action(u"submit"_s, x))
                .first,
            200);
        const auto [again, againBody] =
            call(portA, "POST", u"/api/v1/actions"_s, onA, action(u"submit"_s, x));
        QCOMPARE(again, 409);
        QCOMPARE(againBody.value("refusal"_L1).toString(), u"wrong_state"_s);
        QVERIFY(metric(portA, "baosong_store_restarted_requests") > restartedBefore);
        // The session A uses ends on B. A's next action, which it would otherwise guess signed in, is
        // refused, and nothing of it is written.
        QCOMPARE(call(portA, "POST", u"/api/v1/actions"_s, onA,
                      action(u"create"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)))
                     .first,
                 200); // A's guesses are warm again
        QCOMPARE(call(portB, "DELETE", u"/api/v1/session"_s, onA).first, 200);
        // Nor is an answer that writes nothing given on a guess: a creation of an item A remembers
        // (which A refuses before any call) is 401 for the ended session, not 409.
        QCOMPARE(call(portA, "POST", u"/api/v1/actions"_s, onA, action(u"create"_s, x)).first, 401);
        const QString y = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(call(portA, "POST", u"/api/v1/actions"_s, onA, action(u"create"_s, y)).first, 401);
        int submitted = -1, made = -1;
        QVERIFY(withPostgres(
            database,
            [&](QSqlQuery &q) {
                if (!q.exec(
                        u"SELECT count(*) FROM audit WHERE type = 'action.submit' AND subject = '%1'"_s.arg(
                            x)) ||
                    !q.next())
                    return q.lastError().text();
                submitted = q.value(0).toInt();
                if (!q.exec(u"SELECT count(*) FROM items WHERE id = '%1'"_s.arg(y)) || !q.next())
                    return q.lastError().text();
                made = q.value(0).toInt();
                return QString();
            },
            &error));
        QCOMPARE(submitted, 1);
        QCOMPARE(made, 0);
    }

    // One audit chain despite two writers, matching its keyed checkpoint.
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(serverBinary(), {u"--config"_s, a.ini, u"audit"_s, u"verify"_s});
    QVERIFY(verify.waitForFinished(120000));
    const QString out = QString::fromUtf8(verify.readAll());
    QVERIFY2(verify.exitCode() == 0 && out.contains(u"matching the keyed"_s), qPrintable(out));
    // Each submission recorded once.
    int submissions = 0;
    QVERIFY(withPostgres(
        database,
        [&](QSqlQuery &q) {
            if (!q.exec(u"SELECT count(*) FROM audit WHERE type = 'action.submit'"_s) || !q.next())
                return q.lastError().text();
            submissions = q.value(0).toInt();
            return QString();
        },
        &error));
    QCOMPARE(submissions, 2 + int(clients.size()) * kRounds * (kPerRound / 2));
}

QTEST_MAIN(TestServerScaleOut)
#include "tst_server_scaleout.moc"
