// The client's sync figures of docs/design.md §10: a first sync of 10,000 items into an empty client over
// loopback HTTPS (target ≤ 1 s) and a no-op sync afterwards (target ≤ 20 ms).
//
// The real baosong-server runs in a child process (SQLite in a temporary folder, the demo organization
// imported, its defaults otherwise), so the client's memory is its own. Before `serve`, its store is
// seeded in this process through server::ServerStore::saveItem, in one transaction: 10,000 items of the
// office, written by its correspondent (he.xiaoyu, who signs in) and walked through the real route
// engine — about a fifth drafts, a third in review at some stage, the rest published — each with a
// Chinese body of about 1,000 characters (~3 KB of UTF-8).
//
// Then, with the production SyncEngine and LocalStore (WAL, synchronous=FULL) of the client:
//  (a) first sync: a new, empty local store each run, SyncEngine::syncNow() until runFinished;
//  (b) no-op sync: syncNow() again on the store of the last (a) run.
// Prints medians, min/max, the parts of the wall time — HTTP (from the request to its answer, the
// server's work included; the engine asks for the next page while it writes one, so this overlaps
// the others), the client's JSON/item work, LocalStore writes (from the sync engine's
// "baosong.sync.debug" page timings) — how long after a first sync the search index has every row
// (client/SearchIndexer works in the background), the server's own time per feed page (its log), and
// the client's RSS. Figures only, no assertions.
//
// Usage: bench_sync [first-sync runs (5)] [no-op runs (20)] [items (10000)]. The temporary folder is
// made under TMPDIR (its file system is printed: on tmpfs, synchronous=FULL costs nothing).
#include "BenchFigure.h"
#include "DomainJson.h"
#include "LocalStore.h"
#include "Measure.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "SampleText.h"
#include "ServerEndpoint.h"
#include "ServerProcess.h"
#include "ServerStore.h"
#include "SyncEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

class TimingNetworkAccessManager : public QNetworkAccessManager
{
public:
    double httpMs = 0;
    int requests = 0;
    QElapsedTimer clock; // started with each sync, for the timeline of BENCH_SYNC_PAGES
    qint64 bytes = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        QNetworkReply *reply = QNetworkAccessManager::createRequest(op, request, data);
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        ++requests;
        // Connected before the engine's own handler, so it runs first.
        if (qEnvironmentVariableIsSet("BENCH_SYNC_PAGES"))
            std::printf("    %8.1f ms  asked %s (monotonic %.3f s)\n", double(clock.nsecsElapsed()) / 1e6,
                        qPrintable(request.url().path()),
                        double(QElapsedTimer().msecsSinceReference()) / 1000.0);
        connect(reply, &QNetworkReply::finished, this, [this, timer, reply] {
            httpMs += double(timer->nsecsElapsed()) / 1e6;
            bytes += reply->bytesAvailable();
            if (qEnvironmentVariableIsSet("BENCH_SYNC_PAGES"))
                std::printf("    %8.1f ms  answered %s (%.1f MB)\n", double(clock.nsecsElapsed()) / 1e6,
                            qPrintable(reply->url().path()), double(reply->bytesAvailable()) / 1e6);
        });
        return reply;
    }
};

// The sync engine's page timings ("baosong.sync" debug messages "pull page: ... convert_ms=X store_ms=Y").
const QElapsedTimer *g_clock = nullptr; // the running sync's clock
double g_convertMs = 0;
double g_storeMs = 0;
int g_pages = 0;
QtMessageHandler g_previousHandler = nullptr;

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtDebugMsg && qstrcmp(context.category, "baosong.sync") == 0 &&
        message.contains("pull page:"_L1)) {
        static const QRegularExpression convert(u"convert_ms=([0-9.]+)"_s);
        static const QRegularExpression store(u"store_ms=([0-9.]+)"_s);
        g_convertMs += convert.match(message).captured(1).toDouble();
        g_storeMs += store.match(message).captured(1).toDouble();
        ++g_pages;
        if (qEnvironmentVariableIsSet("BENCH_SYNC_PAGES"))
            std::printf("    %8.1f ms  %s\n", g_clock ? double(g_clock->nsecsElapsed()) / 1e6 : 0.0,
                        qPrintable(message));
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

struct RunFigures
{
    double totalMs = 0, httpMs = 0, convertMs = 0, storeMs = 0;
    int requests = 0;
    int pages = 0;
    qint64 bytes = 0;
    bool reached = false;
};

RunFigures syncOnce(SyncEngine &engine, TimingNetworkAccessManager &network)
{
    network.httpMs = 0;
    network.clock.start();
    g_clock = &network.clock;
    network.requests = 0;
    network.bytes = 0;
    g_convertMs = g_storeMs = 0;
    g_pages = 0;
    RunFigures f;
    QEventLoop loop;
    const QMetaObject::Connection c =
        QObject::connect(&engine, &SyncEngine::runFinished, &loop, [&](bool reached) {
            f.reached = reached;
            loop.quit();
        });
    QElapsedTimer t;
    t.start();
    engine.syncNow();
    loop.exec();
    f.totalMs = double(t.nsecsElapsed()) / 1e6;
    QObject::disconnect(c);
    f.httpMs = network.httpMs;
    f.requests = network.requests;
    f.bytes = network.bytes;
    f.convertMs = g_convertMs;
    f.storeMs = g_storeMs;
    f.pages = g_pages;
    return f;
}

void print(const char *label, const std::vector<RunFigures> &runs)
{
    std::vector<double> total, http, convert, store;
    for (const RunFigures &r : runs) {
        total.push_back(r.totalMs);
        http.push_back(r.httpMs);
        convert.push_back(r.convertMs);
        store.push_back(r.storeMs);
    }
    const test::Stats s = test::stats(total);
    std::printf("%s: median %.1f ms (min %.1f, max %.1f) over %zu runs, %d requests (%d feed pages), %.1f MB "
                "received\n",
                label, s.median, s.min, s.max, runs.size(), runs.back().requests, runs.back().pages,
                double(runs.back().bytes) / 1e6);
    std::printf(
        "    split (medians): HTTP incl. server %.1f ms (the next page is asked for while one is written, "
        "so this overlaps the rest) | client JSON→items %.1f ms | LocalStore writes %.1f ms\n",
        test::stats(http).median, test::stats(convert).median, test::stats(store).median);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int firstRuns = argc > 1 ? std::max(1, atoi(argv[1])) : 5;
    const int noopRuns = argc > 2 ? std::max(1, atoi(argv[2])) : 20;
    const int itemCount = argc > 3 ? std::max(1, atoi(argv[3])) : 10000;
    QLoggingCategory::setFilterRules(u"baosong.*.info=false\nbaosong.sync.debug=true"_s);
    g_previousHandler = qInstallMessageHandler(messageHandler);

    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    QDir().mkpath(serverDir);
    std::printf("temporary folder %s on %s\n", qPrintable(dir.path()),
                QStorageInfo(dir.path()).fileSystemType().constData());
    test::ServerFolder folder;
    if (!test::prepareServerFolder(serverDir, &folder))
        return 1;
    const QHash<QString, QString> passwords = folder.passwords;

    // ---- the server's items, seeded straight into its store --------------------------------------
    const Organization org = Organization::demo();
    const RouteEngine &engine = RouteEngine::builtin();
    const QString personId = u"he.xiaoyu"_s; // the office's correspondent
    const Person *author = nullptr;
    for (const Person &p : org.people) {
        if (p.id == personId)
            author = &p;
    }
    if (!author) {
        std::fprintf(stderr, "the demo organization has no %s\n", qPrintable(personId));
        return 1;
    }
    {
        QElapsedTimer t;
        t.start();
        server::StoreConfig config;
        config.sqlitePath = serverDir + u"/baosong.sqlite"_s;
        server::ServerStore store(config);
        QString error;
        if (!store.open(&error)) {
            std::fprintf(stderr, "server store: %s\n", qPrintable(error));
            return 1;
        }
        QRandomGenerator r(20260101);
        const QDate today = chinaToday();
        QString column;
        for (const Column *c : org.columnsOfUnit(author->unitId))
            column = column.isEmpty() ? c->id : column;
        int made = 0, drafts = 0, inReview = 0, published = 0;
        qint64 bodyBytes = 0;
        server::ServerStore::Transaction tx(store);
        for (int n = 0; tx.ok() && n < itemCount; ++n) {
            Item item;
            item.id = u"bench-%1"_s.arg(n, 6, 10, QLatin1Char('0'));
            item.kind = n % 3 == 0 ? ItemKind::Disclosure : ItemKind::News;
            item.unitId = author->unitId;
            const QDateTime at(today.addDays(-(itemCount - n) / 20), QTime(9, 0), Qt::UTC);
            RevisionContent content;
            content.title = test::sampleTitle(r);
            content.bodyHtml = test::sampleBody(r, 950 + r.bounded(100));
            content.infoDate = at.date();
            content.urgent = r.bounded(40) == 0;
            content.columnId = column;
            ActionRequest create;
            create.action = Action::Create;
            create.content = content;
            bool ok = bool(engine.apply(*author, item, create, at));
            const int roll = r.bounded(100);
            const int stagesPassed = roll < 20 ? -1 : roll < 50 ? r.bounded(2) : 99;
            if (ok && stagesPassed >= 0) {
                ActionRequest submit;
                submit.action = Action::Submit;
                ok = bool(engine.apply(*author, item, submit, at));
            }
            const QList<Stage> stages = engine.stages(item);
            QStringList decided; // one person decides one stage
            for (int i = 0; ok && i < std::min<qsizetype>(stagesPassed, stages.size()); ++i) {
                const Stage &stage = stages.at(i);
                const Person *reviewer = nullptr;
                for (const Person &p : org.people) {
                    const bool holds = stage.scope == StageScope::Bureau ? p.hasRole(stage.role)
                                                                         : p.holds(stage.role, item.unitId);
                    if (holds && p.id != author->id && !decided.contains(p.id) && !reviewer)
                        reviewer = &p;
                }
                if (reviewer)
                    decided << reviewer->id;
                ActionRequest approve;
                approve.action = Action::Approve;
                approve.confidentialityAttested = true;
                ok = reviewer && engine.apply(*reviewer, item, approve, at.addSecs(3600 * (i + 1)));
            }
            if (!ok) {
                std::fprintf(stderr, "item %d could not be made with the demo organization\n", n);
                return 1;
            }
            if (item.state == WorkflowState::Published && item.indexNumber.isEmpty())
                item.indexNumber = disclosureIndexNumber(u"BZ-OFF"_s, at.date().year(), n + 1);
            drafts += item.state == WorkflowState::Draft;
            inReview += item.state == WorkflowState::InReview;
            published += item.state == WorkflowState::Published;
            bodyBytes += content.bodyHtml.toUtf8().size();
            const std::optional<Stage> stage = engine.currentStage(item);
            if (!store.saveItem(item, stage ? toString(stage->role) : QString())) {
                std::fprintf(stderr, "saving item %d: %s\n", n, qPrintable(store.lastError()));
                return 1;
            }
            ++made;
        }
        if (!tx.commit()) {
            std::fprintf(stderr, "seeding: %s\n", qPrintable(store.lastError()));
            return 1;
        }
        std::printf(
            "server seeded with %d items of %s (%d drafts, %d in review, %d published; bodies %.1f KB "
            "of UTF-8 on average) in %.1f s\n",
            made, qPrintable(author->unitId), drafts, inReview, published, double(bodyBytes) / made / 1000.0,
            double(t.elapsed()) / 1000.0);
    }

    // ---- the server ----------------------------------------------------------------------------------
    QProcess server;
    const quint16 port = test::startServer(folder, server);
    if (port == 0)
        return 1;

    ServerEndpoint endpoint;
    endpoint.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(serverDir + u"/server.crt"_s));
    endpoint.ssl = ssl;
    endpoint.timeoutMs = 60000;
    {
        QNetworkAccessManager network;
        QNetworkRequest request = endpoint.request(u"/api/v1/session"_s);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        QNetworkReply *reply = network.post(
            request,
            QJsonDocument(QJsonObject{{"login"_L1, personId}, {"password"_L1, passwords.value(personId)}})
                .toJson(QJsonDocument::Compact));
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        endpoint.token = answer.value("token"_L1).toString().toLatin1();
        if (endpoint.token.isEmpty()) {
            std::fprintf(stderr, "sign-in failed\n");
            return 1;
        }
    }
    const qint64 rssBefore = test::statusKb("VmRSS");

    // ---- (a) first sync into an empty store, (b) no-op syncs ----------------------------------------
    std::vector<RunFigures> first, noop;
    std::vector<double> indexMs; // from the end of a first sync until the search index has every row
    std::unique_ptr<QTemporaryDir> clientDir;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<TimingNetworkAccessManager> network;
    std::unique_ptr<SyncEngine> sync;
    qint64 rssAfterFirst = 0;
    int items = 0;
    for (int run = 0; run < firstRuns; ++run) {
        sync.reset();
        network.reset();
        store.reset();
        clientDir = std::make_unique<QTemporaryDir>(dir.filePath(u"client-XXXXXX"_s));
        store = std::make_unique<LocalStore>(clientDir->filePath(u"local.sqlite"_s));
        if (!store->open().ok()) {
            std::fprintf(stderr, "local store: %s\n", qPrintable(store->lastError()));
            return 1;
        }
        network = std::make_unique<TimingNetworkAccessManager>();
        sync = std::make_unique<SyncEngine>(*store, network.get());
        sync->setEndpoint(endpoint);
        const RunFigures f = syncOnce(*sync, *network);
        items = store->itemCount();
        if (!f.reached || sync->state() != SyncEngine::State::Idle || items != itemCount) {
            std::fprintf(stderr, "first sync failed: state %s, %d items, %s\n",
                         qPrintable(keys::toString(sync->state())), items,
                         qPrintable(sync->lastError().message));
            return 1;
        }
        rssAfterFirst = std::max(rssAfterFirst, test::statusKb("VmRSS"));
        first.push_back(f);
        {
            // The search index catches up in the background (client/SearchIndexer, after its delay).
            QElapsedTimer t;
            t.start();
            QEventLoop wait;
            QTimer poll;
            QObject::connect(&poll, &QTimer::timeout, &wait, [&] {
                if (store->searchBacklog() <= 0 || t.elapsed() > 120000)
                    wait.quit();
            });
            poll.start(20);
            wait.exec();
            indexMs.push_back(double(t.elapsed()));
        }
        std::printf("  first sync %d: %.1f ms (HTTP %.1f, convert %.1f, store %.1f)\n", run + 1, f.totalMs,
                    f.httpMs, f.convertMs, f.storeMs);
    }
    for (int run = 0; run < noopRuns; ++run) {
        const RunFigures f = syncOnce(*sync, *network);
        if (!f.reached || sync->state() != SyncEngine::State::Idle) {
            std::fprintf(stderr, "no-op sync failed: %s\n", qPrintable(sync->lastError().message));
            return 1;
        }
        noop.push_back(f);
    }
    const double storeMb =
        double(QFileInfo(store->path()).size() + QFileInfo(store->path() + u"-wal"_s).size()) / 1e6;

    std::printf("\n%d items (the client's store: %.0f MB with its WAL)\n", items, storeMb);
    print("(a) first sync into an empty store (target ≤ 1000 ms)", first);
    {
        const test::Stats s = test::stats(indexMs);
        std::printf("    then the search index has every row %.0f ms later (median; min %.0f, max %.0f): "
                    "built in the background after a 1 s pause, search reads the rows not yet in it\n",
                    s.median, s.min, s.max);
    }
    print("(b) no-op sync (target ≤ 20 ms)", noop);
    {
        std::vector<double> firstMs, noopMs;
        for (const RunFigures &f : first)
            firstMs.push_back(f.totalMs);
        for (const RunFigures &f : noop)
            noopMs.push_back(f.totalMs);
        bench::figure("bench_sync", "first_sync_ms",
                      "first sync of the items into an empty client over loopback HTTPS: median of its runs",
                      test::median(firstMs), "ms", "<=", 1000);
        bench::figure("bench_sync", "noop_sync_ms", "a sync with nothing new: median of its runs",
                      test::median(noopMs), "ms", "<=", 20);
    }
    std::printf("client RSS: %.1f MB before the first sync, %.1f MB after (max over runs), peak %.1f MB\n",
                double(rssBefore) / 1024, double(rssAfterFirst) / 1024,
                double(test::statusKb("VmHWM")) / 1024);

    // The server's own figures: its log line per request ends "... <status> <n> bytes <ms> ms", from
    // the request read to the answer written.
    {
        QFile log(serverDir + u"/serve.log"_s);
        std::vector<double> pageMs;
        if (log.open(QIODevice::ReadOnly)) {
            static const QRegularExpression line(u"/api/v1/changes\\S* 200 (\\d+) bytes (\\d+) ms"_s);
            for (const QByteArray &l : log.readAll().split('\n')) {
                if (qEnvironmentVariableIsSet("BENCH_SYNC_PAGES") && l.contains("/api/v1/changes"))
                    std::printf("    server: %s\n", l.constData());
                const QRegularExpressionMatch m = line.match(QString::fromUtf8(l));
                if (m.hasMatch() && m.captured(1).toLongLong() > 100000)
                    pageMs.push_back(m.captured(2).toDouble());
            }
        }
        const test::Stats s = test::stats(pageMs);
        std::printf("server: %zu full feed pages answered in %.0f ms median each (min %.0f, max %.0f)\n",
                    pageMs.size(), s.median, s.min, s.max);
    }

    sync.reset();
    network.reset();
    store.reset();
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
