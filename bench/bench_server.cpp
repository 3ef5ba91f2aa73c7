// The site server's figures of docs/design.md §10, measured against a real in-process baosong-server: the
// store on SQLite with its defaults (WAL, synchronous=FULL) in a temporary folder, the demo
// organization imported, Accounts, Api and the HTTPS layer with a certificate made for the run, and
// event-driven QSslSocket keep-alive clients on this thread (as in bench_http). Prints:
//  1. small authenticated requests (GET /api/v1/me with a Bearer token) from 64 keep-alive clients
//     for about 5 s, and the same for the unauthenticated GET /api/v1/health: requests/s, p50, p99, max
//     (target ≥ 10,000 requests/s, p99 ≤ 50 ms);
//  2. create-and-submit an item through POST /api/v1/actions (two durable actions per item), one
//     client after another and with 4 concurrent clients (targets ≥ 220 and ≥ 490 items/s: ten times
//     WordPress's REST API creating pending posts here);
//  3. GET /api/v1/queue as a unit head with 100 items of the unit in review, 200 times on one
//     keep-alive connection: median and p90 (target ≤ 10 ms; WordPress: 192 ms).
// `bench_server site [sizes…]` (default 1000 100000) measures the public site at scale (issue #16): for
// each size a fresh store seeded with that many published items (straight into the store) and
// republished (time, peak memory); then 300 items taken up their route and approved at the last stage
// one after another over HTTPS: publications/s and "approved → page live" (a thread polls for each
// page); the site search through the site port's handler (1–6 characters, hits and none); /me with 64
// keep-alive clients and the queue of 100 with every item in the store.
// Figures only, no assertions. Usage: bench_server [io_threads worker_threads] (default: the server's
// default configuration). The temporary folder is made under TMPDIR (its file system is printed:
// on tmpfs, synchronous=FULL costs nothing and the write figures flatter the server).
#include "Accounts.h"
#include "Api.h"
#include "BenchFigure.h"
#include "BenchHttp.h"
#include "Certificate.h"
#include "Checks.h"
#include "DomainJson.h"
#include "HttpServer.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "SampleContent.h"
#include "SampleText.h"
#include "ServerConfig.h"
#include "ServerStore.h"
#include "Sha256.h"
#include "SiteRenderer.h"
#include "SiteServer.h"
#include "UploadApi.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <cstring>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace baosong {
namespace {

using namespace bench;

QString password(const QString &id)
{
    return id + u"-bench-password-1"_s;
}

QByteArray signIn(Client &client, const QString &id)
{
    return bench::signIn(client, id, password(id));
}

// Time spent in Api::handle (the server's own work, the database included; without HTTP, TLS and
// the wait for a worker), collected while on.
class HandlerTimes
{
public:
    void start()
    {
        QMutexLocker lock(&m_mutex);
        m_us.clear();
        m_on = true;
    }
    std::vector<qint64> stop()
    {
        QMutexLocker lock(&m_mutex);
        m_on = false;
        return std::exchange(m_us, {});
    }
    void add(qint64 us)
    {
        if (!m_on)
            return;
        QMutexLocker lock(&m_mutex);
        if (m_on)
            m_us.push_back(us);
    }

private:
    QMutex m_mutex;
    std::atomic<bool> m_on = false;
    std::vector<qint64> m_us;
};

// "p50 …, p99 …, mean …, busy …%": the handler's times, and their sum as a share of `seconds`.
QByteArray handlerSummary(const std::vector<qint64> &us, double seconds)
{
    qint64 sum = 0;
    for (qint64 v : us)
        sum += v;
    const double mean = us.empty() ? 0.0 : double(sum) / double(us.size()) / 1000;
    return QByteArray("Api::handle p50 ") + QByteArray::number(percentileMs(us, 0.5), 'f', 2) + " ms, p99 " +
           QByteArray::number(percentileMs(us, 0.99), 'f', 2) + " ms, mean " +
           QByteArray::number(mean, 'f', 2) +
           (seconds > 0 ? ", in handlers " + QByteArray::number(100.0 * double(sum) / 1e6 / seconds, 'f', 0) +
                              "% of the wall time"
                        : QByteArray());
}

struct Row
{
    const char *key; // for bench::figure
    const char *figure;
    const char *target;
    double targetValue;
    double measured;
    const char *unit;
    bool higherIsBetter;
};

// ---- bench_server site: the public site at scale (issue #16 point 5) --------------------------------

long maxRssKb()
{
    QFile f(u"/proc/self/status"_s);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

struct SiteFigures
{
    int size = 0;
    double seedSeconds = 0;
    double republishSeconds = 0;
    int republishFiles = 0;
    long republishRssKb = 0;
    double publicationsPerSecond = 0;
    std::vector<qint64> approveUs;
    std::vector<qint64> liveDelayUs;
    int notLive = 0;
    std::vector<qint64> searchUs;
    std::vector<qint64> searchNoHitUs;
    LoadFigures me;
    std::vector<qint64> queueUs;
};

// One size: a fresh store seeded with `size` published items, republished, then served.
std::optional<SiteFigures> siteAtScale(int size, int publications)
{
    SiteFigures f;
    f.size = size;
    QTemporaryDir dir;
    QString error;
    const QString certificate = dir.filePath(u"server.crt"_s);
    const QString key = dir.filePath(u"server.key"_s);
    if (!http::Certificate::generateSelfSigned(certificate, key, {u"localhost"_s}, {u"127.0.0.1"_s}, 30,
                                               &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return std::nullopt;
    }
    server::StoreConfig storeConfig;
    storeConfig.sqlitePath = dir.filePath(u"server.sqlite"_s);
    server::ServerStore store(storeConfig);
    if (!store.open(&error)) {
        fprintf(stderr, "store: %s\n", qPrintable(error));
        return std::nullopt;
    }
    server::Accounts accounts(store);
    server::Api api(store, accounts, RouteEngine::builtin());
    const Organization org = Organization::demo();
    for (const Unit &u : org.units)
        store.saveUnit(u);
    for (const Column &c : org.columns)
        store.saveColumn(c);
    for (const Person &p : org.people)
        store.savePerson(p);

    // Published items, straight into the store, spread over the columns that take news.
    QStringList columns;
    for (const Column &c : org.columns) {
        if (Checks::columnSuits(ItemKind::News, c.type))
            columns.append(c.id);
    }
    const QString authorId = u"yang.shuting"_s;
    const QString unitId = org.person(authorId)->unitId;
    QRandomGenerator random(size);
    QElapsedTimer t;
    t.start();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-qint64(size) * 60);
    for (int from = 0; from < size; from += 1000) {
        server::ServerStore::Transaction tx(store);
        for (int i = from; i < std::min(size, from + 1000); ++i) {
            Item item;
            item.id = u"seed-%1"_s.arg(i);
            item.kind = ItemKind::News;
            item.unitId = unitId;
            item.authorId = authorId;
            item.state = WorkflowState::Published;
            item.liveRevision = 1;
            item.publishedAt = start.addSecs(qint64(i) * 60);
            RevisionContent c;
            c.title = test::sampleTitle(random);
            c.bodyHtml = u"<p>"_s + test::sampleBody(random, 300) + u"</p>"_s;
            c.columnId = columns.at(i % columns.size());
            c.infoDate = item.publishedAt.date();
            item.revisions.append(Revision{1, authorId, item.publishedAt, c});
            if (!store.saveItem(item, {})) {
                fprintf(stderr, "seed: %s\n", qPrintable(store.lastError()));
                return std::nullopt;
            }
        }
        if (!tx.commit()) {
            fprintf(stderr, "seed: %s\n", qPrintable(store.lastError()));
            return std::nullopt;
        }
    }
    f.seedSeconds = t.elapsed() / 1000.0;

    server::SiteConfig siteConfig;
    siteConfig.folder = dir.filePath(u"site"_s);
    siteConfig.attachmentsFolder = dir.filePath(u"attachments"_s);
    siteConfig.searchIndex = dir.filePath(u"site-search.sqlite"_s);
    server::SiteRenderer renderer(siteConfig, store);
    t.restart();
    const long rssBefore = maxRssKb();
    const server::SiteRenderer::Report built = renderer.republishAll();
    f.republishSeconds = t.elapsed() / 1000.0;
    f.republishRssKb = maxRssKb() - rssBefore;
    f.republishFiles = int(built.written.size());
    if (!built.ok()) {
        fprintf(stderr, "republish: %s\n", qPrintable(built.error));
        return std::nullopt;
    }
    server::SiteRenderer::attach(&store, &renderer);

    for (const Person &p : org.people)
        accounts.setPassword(u"bench"_s, p.id, password(p.id), QDateTime::currentDateTimeUtc(), &error);
    http::ServerConfig httpConfig = server::ServerConfig().http;
    httpConfig.certificateFile = certificate;
    httpConfig.keyFile = key;
    http::HttpsServer server(httpConfig, [&](const http::Request &r) { return api.handle(r); });
    if (!server.start(&error)) {
        fprintf(stderr, "server: %s\n", qPrintable(error));
        return std::nullopt;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(certificate));
    Client c(ssl, server.port());
    QHash<QString, QByteArray> tokens;
    const auto tokenOf = [&](const QString &id) {
        if (!tokens.contains(id))
            tokens.insert(id, signIn(c, id));
        return tokens.value(id);
    };
    const auto act = [&](const QString &personId, const QJsonObject &body) {
        return c.call(httpRequest("POST", "/api/v1/actions", tokenOf(personId), &body));
    };

    // Items taken through the route up to its last stage, then approved there one after another.
    struct Waiting
    {
        QString id;
        QString decider;
        QJsonObject approve;
    };
    std::vector<Waiting> waiting;
    for (int n = 0; n < publications; ++n) {
        const QString id = uuid();
        RevisionContent content = test::submittableContent(ItemKind::News, unitId, test::sampleTitle(random));
        content.bodyHtml = u"<p>"_s + test::sampleBody(random, 300) + u"</p>"_s;
        const QJsonObject create{{"action_id"_L1, uuid()}, {"action"_L1, u"create"_s},
                                 {"item_id"_L1, id},       {"kind"_L1, u"news"_s},
                                 {"unit_id"_L1, unitId},   {"content"_L1, json::toJson(content)}};
        if (act(authorId, create).status != 200 || act(authorId, submitAction(id)).status != 200) {
            fprintf(stderr, "create/submit failed\n");
            return std::nullopt;
        }
        for (int guard = 0; guard < 10; ++guard) {
            const std::optional<Item> item = store.item(id);
            const std::optional<Stage> stage =
                item ? RouteEngine::builtin().currentStage(*item) : std::nullopt;
            const Person *decider = stage ? test::decider(org, *stage, *item) : nullptr;
            if (!decider) {
                fprintf(stderr, "nobody decides %s\n", qPrintable(id));
                return std::nullopt;
            }
            const bool last = RouteEngine::builtin().isLastStage(*item, stage->id);
            const QJsonObject approve{{"action_id"_L1, uuid()},   {"action"_L1, u"approve"_s},
                                      {"item_id"_L1, id},         {"base_revision"_L1, item->latestNumber()},
                                      {"stage_id"_L1, stage->id}, {"confidentiality_attested"_L1, last}};
            if (last) {
                waiting.push_back({id, decider->id, approve});
                tokenOf(decider->id);
                break;
            }
            if (act(decider->id, approve).status != 200) {
                fprintf(stderr, "approval failed\n");
                return std::nullopt;
            }
        }
    }
    server::SiteRenderer::waitIdle(store, 60000);

    // The pages appear: a watcher polls for each item's page once its approval was answered.
    const QDir siteDir(siteConfig.folder);
    std::vector<std::atomic<qint64>> answeredAt(waiting.size());
    std::vector<qint64> liveAt(waiting.size(), 0);
    std::atomic<bool> stop = false;
    std::thread watcher([&] {
        size_t pending = 0;
        while (pending < waiting.size()) {
            const qint64 deadline = nowUs() + 10 * 1000 * 1000;
            for (size_t i = pending; i < waiting.size(); ++i) {
                const qint64 answered = answeredAt[i].load();
                if (answered == 0)
                    break;
                if (liveAt[i] == 0 &&
                    QFileInfo::exists(siteDir.filePath(server::SiteRenderer::itemPath(waiting[i].id))))
                    liveAt[i] = nowUs();
            }
            while (pending < waiting.size() && liveAt[pending] != 0)
                ++pending;
            if (stop && (pending == waiting.size() || nowUs() > deadline))
                break;
            QThread::usleep(500);
        }
    });
    t.restart();
    for (size_t i = 0; i < waiting.size(); ++i) {
        const Reply r = act(waiting[i].decider, waiting[i].approve);
        answeredAt[i] = nowUs();
        if (r.status != 200)
            fprintf(stderr, "last approval: %d %s\n", r.status, r.body.constData());
        f.approveUs.push_back(r.latencyUs);
    }
    f.publicationsPerSecond = waiting.size() / (t.nsecsElapsed() / 1e9);
    server::SiteRenderer::waitIdle(store, 60000);
    stop = true;
    watcher.join();
    for (size_t i = 0; i < waiting.size(); ++i) {
        if (liveAt[i] == 0)
            ++f.notLive;
        else
            f.liveDelayUs.push_back(std::max<qint64>(0, liveAt[i] - answeredAt[i]));
    }
    std::sort(f.approveUs.begin(), f.approveUs.end());
    std::sort(f.liveDelayUs.begin(), f.liveDelayUs.end());

    // The site search, through the site port's handler (the page assembled), 1 to 6 characters.
    const server::SiteServer siteServer(siteConfig);
    const QStringList words = test::sampleWords();
    for (int i = 0; i < 300; ++i) {
        const QString word = words.at(i % words.size());
        const int length = 1 + i % 6;
        const QString query = (word + words.at((i * 7 + 3) % words.size())).left(length);
        for (const bool hit : {true, false}) {
            const QString q = hit ? query : u"鑫"_s.repeated(length); // a character the sample text lacks
            http::Request request;
            request.method = "GET";
            request.target = "/search.html?q=" + QUrl::toPercentEncoding(q);
            const qint64 begin = nowUs();
            const http::Response response = siteServer.handle(request);
            (hit ? f.searchUs : f.searchNoHitUs).push_back(nowUs() - begin);
            if (response.status != 200)
                fprintf(stderr, "search: %d\n", response.status);
        }
    }
    std::sort(f.searchUs.begin(), f.searchUs.end());
    std::sort(f.searchNoHitUs.begin(), f.searchNoHitUs.end());

    // /me with 64 keep-alive clients and the queue of 100, with every item in the store.
    {
        Clients clients = connectClients(64, ssl, server.port());
        f.me = closedLoop(clients, {httpRequest("GET", "/api/v1/me", tokenOf(authorId))}, 500, 3000);
    }
    {
        Clients one = connectClients(1, ssl, server.port());
        const QString queueAuthor = u"peng.lu"_s;
        createAndSubmit(one, {Author{tokenOf(queueAuthor), org.person(queueAuthor)->unitId}}, 100, 60000);
        const QueueFigures q = listQueue(c, tokenOf(u"xu.wenjing"_s), 200);
        f.queueUs = q.latenciesUs;
        std::sort(f.queueUs.begin(), f.queueUs.end());
    }
    server::SiteRenderer::detach(&store);
    server.stop();
    return f;
}

int runSite(const QList<int> &sizes)
{
    QLoggingCategory::setFilterRules(u"baosong.*.info=false\nbaosong.*.debug=false"_s);
    printf(
        "bench_server site: machine: nproc %d (%s); load average %s; SQLite (WAL, synchronous=FULL) in %s\n",
        QThread::idealThreadCount(), qPrintable(cpuModel()), qPrintable(loadAverage()),
        qPrintable(QDir::tempPath()));
    const int publications = 300;
    std::vector<SiteFigures> all;
    for (const int size : sizes) {
        const std::optional<SiteFigures> f = siteAtScale(size, publications);
        if (!f)
            return 1;
        printf("[site %d] seeded in %.1f s; republish (streamed): %.1f s, %d files, peak RSS +%ld MB\n", size,
               f->seedSeconds, f->republishSeconds, f->republishFiles, f->republishRssKb / 1024);
        printf("[site %d] %d publications one after another: %.0f/s, approval p50 %.2f ms p99 %.2f ms; "
               "approved -> "
               "page live p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d never live)\n",
               size, publications, f->publicationsPerSecond, percentileMs(f->approveUs, 0.5),
               percentileMs(f->approveUs, 0.99), percentileMs(f->liveDelayUs, 0.5),
               percentileMs(f->liveDelayUs, 0.99), percentileMs(f->liveDelayUs, 1.0), f->notLive);
        printf("[site %d] site search (the page through SiteServer), 1-6 characters: with hits p50 %.2f ms "
               "p99 %.2f "
               "ms; no hit p50 %.2f ms p99 %.2f ms\n",
               size, percentileMs(f->searchUs, 0.5), percentileMs(f->searchUs, 0.99),
               percentileMs(f->searchNoHitUs, 0.5), percentileMs(f->searchNoHitUs, 0.99));
        printf("[site %d] /me, 64 keep-alive clients: %.0f requests/s, p99 %.2f ms; queue of 100: p50 %.2f "
               "ms, p90 "
               "%.2f ms\n",
               size, f->me.perSecond(), percentileMs(f->me.latenciesUs, 0.99), percentileMs(f->queueUs, 0.5),
               percentileMs(f->queueUs, 0.9));
        all.push_back(*f);
    }
    if (all.size() >= 2) {
        const SiteFigures &a = all.front();
        const SiteFigures &b = all.back();
        printf(
            "\nbench_server site summary: publication rate at %d vs %d published items: %.0f/s vs %.0f/s "
            "(ratio "
            "%.2f; target >= 200/s, equal within +-30%%); page live p99 %.0f vs %.0f ms (target <= 2000 ms); "
            "search p99 at %d: %.2f ms (target <= 50 ms); /me at %d: %.0f/s; queue p50 %.2f ms (target <= 10 "
            "ms)\n",
            a.size, b.size, a.publicationsPerSecond, b.publicationsPerSecond,
            a.publicationsPerSecond > 0 ? b.publicationsPerSecond / a.publicationsPerSecond : 0.0,
            percentileMs(a.liveDelayUs, 0.99), percentileMs(b.liveDelayUs, 0.99), b.size,
            std::max(percentileMs(b.searchUs, 0.99), percentileMs(b.searchNoHitUs, 0.99)), b.size,
            b.me.perSecond(), percentileMs(b.queueUs, 0.5));
        bench::figure("bench_server_site", "publication_rate_ratio",
                      "publication rate, largest size / smallest",
                      a.publicationsPerSecond > 0 ? b.publicationsPerSecond / a.publicationsPerSecond : 0.0,
                      "ratio", ">=", 0.7);
    }
    for (const SiteFigures &f : all) {
        const QByteArray size = QByteArray::number(f.size);
        const auto key = [&](const char *what) { return QByteArray(what) + '_' + size; };
        const auto what = [&](const char *text) {
            return QByteArray(text) + ", " + size + " published items";
        };
        bench::figure("bench_server_site", key("publications_per_s").constData(),
                      what("publications one after another").constData(), f.publicationsPerSecond,
                      "publications/s", ">=", 200);
        bench::figure("bench_server_site", key("page_live_p99_ms").constData(),
                      what("approved -> page live p99").constData(), percentileMs(f.liveDelayUs, 0.99), "ms",
                      "<=", 2000);
        bench::figure("bench_server_site", key("site_search_p99_ms").constData(),
                      what("site search p99, hits or none").constData(),
                      std::max(percentileMs(f.searchUs, 0.99), percentileMs(f.searchNoHitUs, 0.99)), "ms",
                      "<=", 50);
        bench::figure("bench_server_site", key("me_rps").constData(),
                      what("/me, 64 keep-alive clients").constData(), f.me.perSecond(), "req/s", ">=", 10000);
        bench::figure("bench_server_site", key("queue_100_median_ms").constData(),
                      what("queue of 100").constData(), percentileMs(f.queueUs, 0.5), "ms", "<=", 10);
    }
    return 0;
}

int run(int argc, char *argv[])
{
    QLoggingCategory::setFilterRules(u"baosong.*.info=false\nbaosong.*.debug=false"_s);

    server::ServerConfig defaults; // the server's default configuration
    http::ServerConfig httpConfig = defaults.http;
    if (argc > 2) {
        httpConfig.ioThreads = QByteArray(argv[1]).toInt();
        httpConfig.workerThreads = QByteArray(argv[2]).toInt();
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    const QStorageInfo storage(dir.path());
    printf("bench_server: machine: nproc %d (%s), %s in %s on %s (%s); server threads: %d I/O, %d worker%s\n",
           QThread::idealThreadCount(), qPrintable(cpuModel()), "SQLite (WAL, synchronous=FULL)",
           qPrintable(dir.path()), qPrintable(QString::fromUtf8(storage.device())),
           storage.fileSystemType().constData(), httpConfig.ioThreads, httpConfig.workerThreads,
           argc > 2 ? " (from the command line)" : " (the default ServerConfig)");
    printf("bench_server: load average before the run: %s; the clients run on one thread of this process, "
           "on the same cores as the server\n",
           qPrintable(loadAverage()));

    const std::vector<qint64> syncs = syncLatenciesUs(dir.path(), 100);
    printf("bench_server: the disk there: fdatasync of a 4 KiB overwrite p50 %.2f ms, p90 %.2f ms, max %.2f "
           "ms\n",
           percentileMs(syncs, 0.5), percentileMs(syncs, 0.9), percentileMs(syncs, 1.0));

    QString error;
    const QString certificate = dir.filePath(u"server.crt"_s);
    const QString key = dir.filePath(u"server.key"_s);
    if (!http::Certificate::generateSelfSigned(certificate, key, {u"localhost"_s}, {u"127.0.0.1"_s}, 30,
                                               &error)) {
        fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    server::StoreConfig storeConfig;
    storeConfig.sqlitePath = dir.filePath(u"server.sqlite"_s);
    server::ServerStore store(storeConfig);
    if (!store.open(&error)) {
        fprintf(stderr, "store: %s\n", qPrintable(error));
        return 1;
    }
    server::Accounts accounts(store);
    server::BlobConfig blobs;
    blobs.folder = dir.filePath(u"blobs"_s);
    server::Api api(store, accounts, RouteEngine::builtin(), blobs);

    // The demo organization; passwords only for the people signing in (Argon2id is slow on purpose).
    const Organization org = Organization::demo();
    for (const Unit &u : org.units)
        store.saveUnit(u);
    for (const Column &c : org.columns)
        store.saveColumn(c);
    for (const Person &p : org.people)
        store.savePerson(p);
    // Correspondents (authors) of four units, and the head of a fifth whose queue is listed.
    const QStringList authorIds{u"yang.shuting"_s, u"su.qing"_s, u"hu.xinyi"_s, u"wei.jiayi"_s};
    const QString queueAuthorId = u"peng.lu"_s;  // correspondent of policy_law
    const QString queueHeadId = u"xu.wenjing"_s; // unit head of policy_law
    for (const QString &id : authorIds + QStringList{queueAuthorId, queueHeadId}) {
        if (!org.person(id)) {
            fprintf(stderr, "%s is not in the demo organization\n", qPrintable(id));
            return 1;
        }
        if (!accounts.setPassword(u"bench"_s, id, password(id), QDateTime::currentDateTimeUtc(), &error)) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }

    httpConfig.certificateFile = certificate;
    httpConfig.keyFile = key;
    httpConfig.limits.bodyLimitFor = [blobs](const QByteArray &method, const QByteArray &path) {
        return server::UploadApi::bodyLimitFor(blobs, method, path);
    };
    HandlerTimes handlerTimes;
    // Diagnostic: when set, actions run one at a time under this process-wide mutex (what a writer
    // mutex in ServerStore would do) instead of meeting on SQLite's lock, whose busy handler polls
    // with sleeps of 1 to 100 ms.
    std::atomic<bool> serializeActions = false;
    QMutex actionMutex;
    http::HttpsServer server(httpConfig, [&](const http::Request &r) {
        QElapsedTimer t;
        t.start();
        std::optional<QMutexLocker<QMutex>> lock;
        if (serializeActions && r.method == "POST" && r.path == "/api/v1/actions")
            lock.emplace(&actionMutex);
        http::Response response = api.handle(r);
        handlerTimes.add(t.nsecsElapsed() / 1000);
        return response;
    });
    if (!server.start(&error)) {
        fprintf(stderr, "server: %s\n", qPrintable(error));
        return 1;
    }
    const quint16 port = server.port();
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(certificate));

    std::vector<Author> authors;
    {
        Client c(ssl, port);
        for (const QString &id : authorIds) {
            const QByteArray token = signIn(c, id);
            if (token.isEmpty())
                return 1;
            authors.push_back({token, org.person(id)->unitId});
        }
    }
    std::vector<Row> rows;

    // 1. Small requests, 64 keep-alive clients.
    const int loadClients = 64;
    {
        Clients clients = connectClients(loadClients, ssl, port);
        const auto failed =
            std::count_if(clients.begin(), clients.end(), [](const auto &c) { return c->failed(); });
        if (failed)
            printf("  %lld of %d clients failed to connect\n", qlonglong(failed), loadClients);
        const LoadFigures health = closedLoop(clients, {httpRequest("GET", "/api/v1/health")}, 1000, 5000);
        std::vector<QByteArray> meRequests;
        for (const Author &a : authors)
            meRequests.push_back(httpRequest("GET", "/api/v1/me", a.token));
        const LoadFigures me = closedLoop(clients, meRequests, 1000, 5000);
        const auto print = [](const char *what, const LoadFigures &f) {
            printf("[1] %-34s %d keep-alive clients, %.1f s: %zu requests (%lld not 200), %.0f requests/s, "
                   "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                   what, loadClients, f.seconds, f.latenciesUs.size(), qlonglong(f.errors), f.perSecond(),
                   percentileMs(f.latenciesUs, 0.5), percentileMs(f.latenciesUs, 0.99),
                   percentileMs(f.latenciesUs, 1.0));
        };
        print("GET /api/v1/health (no sign-in):", health);
        print("GET /api/v1/me (Bearer, 4 tokens):", me);
        printf("[1] cost of authentication: /me runs at %.0f%% of the unauthenticated rate; machine time per "
               "request (1/rate) %.1f us -> %.1f us, p50 %.2f -> %.2f ms\n",
               health.perSecond() > 0 ? 100.0 * me.perSecond() / health.perSecond() : 0.0,
               health.perSecond() > 0 ? 1e6 / health.perSecond() : 0.0,
               me.perSecond() > 0 ? 1e6 / me.perSecond() : 0.0, percentileMs(health.latenciesUs, 0.5),
               percentileMs(me.latenciesUs, 0.5));
        rows.push_back(
            {"me_rps", "/me, 64 keep-alive clients", ">= 10000 req/s", 10000, me.perSecond(), "req/s", true});
        rows.push_back(
            {"me_p99_ms", "/me p99", "<= 50 ms", 50, percentileMs(me.latenciesUs, 0.99), "ms", false});
    }

    // 3. The queue of a unit head with 100 items of their unit in review (run before 2, so these
    // are the only items in review in the store).
    const int waiting = 100;
    const int listings = 200;
    QueueFigures queueAlone;
    QByteArray headToken;
    {
        Clients one = connectClients(1, ssl, port);
        Client c(ssl, port);
        const QByteArray authorToken = signIn(c, queueAuthorId);
        headToken = signIn(c, queueHeadId);
        const ItemFigures made =
            createAndSubmit(one, {Author{authorToken, org.person(queueAuthorId)->unitId}}, waiting, 120000);
        if (made.items != waiting)
            printf("  only %d of %d items were submitted\n", made.items, waiting);
        handlerTimes.start();
        queueAlone = listQueue(c, headToken, listings);
        const std::vector<qint64> handled = handlerTimes.stop();
        printf("[3] GET /api/v1/queue as %s (%d items of the unit in review, none elsewhere), %d times on "
               "one keep-alive connection: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %d items "
               "returned (%lld bytes), %lld errors; WordPress/measured: %.0fx\n",
               qPrintable(queueHeadId), made.items, listings, percentileMs(queueAlone.latenciesUs, 0.5),
               percentileMs(queueAlone.latenciesUs, 0.9), percentileMs(queueAlone.latenciesUs, 0.99),
               percentileMs(queueAlone.latenciesUs, 1.0), queueAlone.returned, qlonglong(queueAlone.bytes),
               qlonglong(queueAlone.errors),
               192.0 / std::max(0.001, percentileMs(queueAlone.latenciesUs, 0.5)));
        printf("[3] server side: %s\n", handlerSummary(handled, 0).constData());
        rows.push_back({"queue_100_median_ms", "queue, 100 waiting items (median)", "<= 10 ms", 10,
                        percentileMs(queueAlone.latenciesUs, 0.5), "ms", false});
    }

    // 2. Create-and-submit, one client after another, then 4 clients at once.
    int itemsInOtherUnits = 0;
    {
        Clients one = connectClients(1, ssl, port);
        createAndSubmit(one, {authors[0]}, 10, 10000); // warm-up, not counted
        handlerTimes.start();
        const ItemFigures seq = createAndSubmit(one, {authors[0]}, 500, 10000);
        const std::vector<qint64> seqHandled = handlerTimes.stop();
        Clients four = connectClients(4, ssl, port);
        createAndSubmit(four, authors, 20, 10000); // warm-up
        handlerTimes.start();
        const ItemFigures par = createAndSubmit(four, authors, 2000, 10000);
        const std::vector<qint64> parHandled = handlerTimes.stop();
        serializeActions = true;
        handlerTimes.start();
        const ItemFigures mutexed = createAndSubmit(four, authors, 2000, 10000);
        const std::vector<qint64> mutexedHandled = handlerTimes.stop();
        serializeActions = false;
        itemsInOtherUnits = 10 + 20 + seq.items + par.items + mutexed.items;
        const auto print = [](const char *what, const ItemFigures &f, double wordpress,
                              const std::vector<qint64> &handled) {
            printf("[2] create+submit, %-20s %d items in %.2f s (%lld failed): %.0f items/s, %.0f actions/s; "
                   "per action p50 %.2f ms, p99 %.2f ms, max %.2f ms; measured/WordPress: %.1fx\n",
                   what, f.items, f.seconds, qlonglong(f.errors), f.itemsPerSecond(), 2 * f.itemsPerSecond(),
                   percentileMs(f.actionLatenciesUs, 0.5), percentileMs(f.actionLatenciesUs, 0.99),
                   percentileMs(f.actionLatenciesUs, 1.0), f.itemsPerSecond() / wordpress);
            printf("[2]   server side: %s\n", handlerSummary(handled, f.seconds).constData());
        };
        print("one client at a time:", seq, 22, seqHandled);
        print("4 concurrent clients:", par, 49, parHandled);
        printf("[2] diagnostic, not a target: the same 4 clients with each action run under one in-process "
               "mutex instead of waiting on SQLite's busy handler:\n");
        print("4 clients, mutex:", mutexed, 49, mutexedHandled);
        rows.push_back({"create_submit_one_client", "create+submit, sequential", ">= 220 items/s", 220,
                        seq.itemsPerSecond(), "items/s", true});
        rows.push_back({"create_submit_4_clients", "create+submit, 4 clients", ">= 490 items/s", 490,
                        par.itemsPerSecond(), "items/s", true});
    }

    // 4. 1 MiB attachments, each in one request (POST /api/v1/uploads?sha256=…), one client after
    // another: every file has new content (a counter in its first bytes), so the server hashes,
    // checks, writes, flushes and renames each into place.
    {
        Client c(ssl, port);
        QByteArray file(1024 * 1024, Qt::Uninitialized);
        QRandomGenerator random(4);
        random.fillRange(reinterpret_cast<quint32 *>(file.data()), file.size() / 4);
        // The client hashes a file when it is attached (client/BlobStore), not when it sends it: the
        // hashes are worked out before the clock starts.
        const int most = 2000;
        std::vector<QByteArray> hashes;
        for (int i = 0; i < most; ++i) {
            memcpy(file.data(), &i, sizeof i);
            hashes.push_back(Sha256::hash(file).toHex());
        }
        std::vector<qint64> latencies;
        qint64 failed = 0;
        const qint64 begin = nowUs();
        int n = 0;
        for (; nowUs() - begin < 5 * 1000 * 1000 && n < most; ++n) {
            memcpy(file.data(), &n, sizeof n);
            const QByteArray &hex = hashes[size_t(n)];
            const QByteArray request = "POST /api/v1/uploads?sha256=" + hex +
                                       "&name=a.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                                       authors[0].token +
                                       "\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                                       QByteArray::number(file.size()) + "\r\n\r\n" + file;
            const Reply r = c.call(request);
            if (r.status != 200 && failed++ < 3)
                fprintf(stderr, "upload: %d %s\n", r.status, r.body.constData());
            latencies.push_back(r.latencyUs);
        }
        const double seconds = double(nowUs() - begin) / 1e6;
        printf(
            "[4] 1 MiB attachments in one request each, one client: %d files in %.2f s (%lld failed): %.0f "
            "files/s, p50 %.2f ms, p99 %.2f ms (hashed by the client beforehand, as when attached)\n",
            n, seconds, qlonglong(failed), n / seconds, percentileMs(latencies, 0.5),
            percentileMs(latencies, 0.99));
        rows.push_back({"upload_1mib_files", "1 MiB attachments, one request", ">= 200 files/s", 200,
                        n / seconds, "files/s", true});
    }

    // 3'. The same queue again, now that the other units have many items in review too.
    {
        Client c(ssl, port);
        const QueueFigures q = listQueue(c, headToken, listings);
        printf("[3'] GET /api/v1/queue as %s again, %d more items of other units now in review: median %.2f "
               "ms, p90 %.2f ms; %d items returned\n",
               qPrintable(queueHeadId), itemsInOtherUnits, percentileMs(q.latenciesUs, 0.5),
               percentileMs(q.latenciesUs, 0.9), q.returned);
    }

    printf(
        "\nbench_server summary (nproc %d, %d I/O + %d worker threads, SQLite WAL synchronous=FULL on %s)\n",
        QThread::idealThreadCount(), httpConfig.ioThreads, httpConfig.workerThreads,
        storage.fileSystemType().constData());
    printf("| %-36s | %-15s | %-18s | %-22s |\n", "figure", "target", "measured", "ratio (>= 1: met)");
    printf("|%s|%s|%s|%s|\n", QByteArray(38, '-').constData(), QByteArray(17, '-').constData(),
           QByteArray(20, '-').constData(), QByteArray(24, '-').constData());
    for (const Row &r : rows) {
        const double ratio = r.higherIsBetter ? r.measured / r.targetValue
                                              : (r.measured > 0 ? r.targetValue / r.measured : 0.0);
        const QByteArray measured =
            QByteArray::number(r.measured, 'f', r.higherIsBetter ? 0 : 2) + ' ' + r.unit;
        printf("| %-36s | %-15s | %-18s | %-22s |\n", r.figure, r.target, measured.constData(),
               (QByteArray::number(ratio, 'f', 2) + (ratio >= 1 ? " (met)" : " (MISSED)")).constData());
    }
    for (const Row &r : rows)
        bench::figure("bench_server", r.key, r.figure, r.measured, r.unit,
                      r.higherIsBetter ? ">=" : "<=", r.targetValue);
    server.stop();
    return 0;
}

} // namespace
} // namespace baosong

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setvbuf(stdout, nullptr, _IOLBF, 0); // a line at a time, also into a file or a pipe
    if (argc > 1 && QByteArray(argv[1]) == "site") {
        QList<int> sizes;
        for (int i = 2; i < argc; ++i)
            sizes.append(QByteArray(argv[i]).toInt());
        return baosong::runSite(sizes.isEmpty() ? QList<int>{1000, 100000} : sizes);
    }
    return baosong::run(argc, argv);
}
