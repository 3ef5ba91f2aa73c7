// The server on PostgreSQL, one process and two behind nginx (issue #19 point 2), against the same
// server on SQLite measured in the same run. Each setup is the real baosong-server binary in child
// processes on a fresh store with the demo organization imported (PostgreSQL: the test cluster of
// scripts/pg-test-cluster.sh, BAOSONG_TEST_PG; several servers share its database, their blobs and
// site folder, as in tst_server_scaleout), and event-driven keep-alive HTTPS clients on this thread:
//   1. GET /api/v1/queue as a unit head with 100 items of the unit in review, 200 times: median;
//   2. create-and-submit through POST /api/v1/actions, one client after another, then 4 at once;
//   3. the CPU time per action spent in the servers, in the database (the postmaster and all its
//      children) and in nginx during the 4-client run, read from /proc/<pid>/stat — so that the rate
//      of N servers on a bigger machine can be predicted: with enough cores for each, the servers'
//      side carries (cores / server CPU per item) items/s and the database's (cores / database CPU per
//      item), and writers take turns on the store's writers' lock: the time it was held per item
//      (the servers' /metrics, baosong_store_write_lock_held_seconds) gives the ceiling of any number
//      of servers, 1000 / (that in ms) items/s.
// Setups: SQLite, 1 server, direct (the reference); PostgreSQL, 1 server, direct; PostgreSQL, 1 server
// behind nginx; PostgreSQL, 2 servers behind nginx. On this 2-core machine every process shares the
// same two cores with the clients, so the N-server figures here say what scale-out costs, not what it
// gains: the prediction above is what says what it gains.
// Figures only, no assertions. Usage: bench_scaleout [items for the one-client run (default 400)
// [setup key prefix, e.g. postgres_1: only those setups, no summary]].
#include "BenchFigure.h"
#include "BenchHttp.h"
#include "Organization.h"
#include "ScaleOut.h"
#include "ServerHarness.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace baosong {
namespace {

using namespace bench;
using test::ServerFolder;

// The fields of /proc/<pid>/stat after the command name (which may hold spaces): the first is the
// state, field 3 of proc(5); empty when the process is gone.
QList<QByteArray> statFields(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ');
}

// utime + stime of a process (fields 14 and 15 of proc(5)), in seconds; 0 when it is gone.
double cpuSecondsOf(qint64 pid)
{
    const QList<QByteArray> fields = statFields(pid);
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(::sysconf(_SC_CLK_TCK));
}

// The parent's pid (field 4 of proc(5)).
qint64 parentOf(qint64 pid)
{
    const QList<QByteArray> fields = statFields(pid);
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

// The CPU seconds of `pid` and of every process whose parent it is (PostgreSQL's backends, its WAL
// writer, checkpointer…).
double treeCpuSeconds(qint64 pid)
{
    double sum = cpuSecondsOf(pid);
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &e : entries) {
        bool number = false;
        const qint64 child = e.toLongLong(&number);
        if (number && parentOf(child) == pid)
            sum += cpuSecondsOf(child);
    }
    return sum;
}

// The postmaster of the test cluster: the parent of a backend (this connection's).
qint64 postmasterPid(QString *error)
{
    server::StoreConfig pg;
    if (!test::postgresConfig(&pg, error))
        return 0;
    qint64 postmaster = 0;
    if (!test::withPostgres(
            pg,
            [&](QSqlQuery &q) {
                if (!q.exec(u"SELECT pg_backend_pid()"_s) || !q.next())
                    return q.lastError().text();
                // While the connection is open: its backend leaves when it closes.
                const qint64 backend = q.value(0).toLongLong();
                postmaster = parentOf(backend);
                return postmaster > 0 ? QString() : u"no parent process found for backend %1"_s.arg(backend);
            },
            error))
        return 0;
    return postmaster;
}

struct Setup
{
    const char *key;
    const char *name;
    bool postgres = false;
    int servers = 1;
    bool proxy = false;
};

struct Result
{
    const Setup *setup = nullptr;
    double queueMedianMs = 0;
    ItemFigures one;
    ItemFigures four;
    double serverCpuMsPerItem = 0;
    double databaseCpuMsPerItem = 0;
    double proxyCpuMsPerItem = 0;
    double clientCpuMsPerItem = 0;
    // With one client: the servers' and the database's CPU per item (their work on one action's path).
    double oneServerCpuMsPerItem = 0;
    double oneDatabaseCpuMsPerItem = 0;
    double actionMs = 0;      // the servers' mean time per POST /api/v1/actions, one client
    double lockMsPerItem = 0; // the writers' lock held per item (two actions), 4 clients
    // Times the writers' lock was taken per item (two actions: 2 when none had to be tried again).
    double oneHoldsPerItem = 0;
    double fourHoldsPerItem = 0;
    // PostgreSQL: actions written in one statement on what the server knew (2 per item when all were),
    // and requests answered again because a guess did not hold, per item.
    double oneGuessedPerItem = 0;
    double oneRestartedPerItem = 0;
    double fourGuessedPerItem = 0;
    double fourRestartedPerItem = 0;
};

// The sum over the servers of the /metrics samples whose line starts with `sample` (name and labels),
// read from each server's own port (loopback, not through nginx: /metrics is not answered behind a
// proxy).
double metricSum(const QSslConfiguration &ssl, const QList<quint16> &ports, const QByteArray &sample)
{
    double sum = 0;
    for (const quint16 port : ports) {
        Client c(ssl, port);
        const Reply r = c.call(httpRequest("GET", "/metrics"));
        for (const QByteArray &line : r.body.split('\n')) {
            if (line.startsWith(sample + ' '))
                sum += line.mid(sample.size() + 1).toDouble();
        }
    }
    return sum;
}

double ownCpuSeconds()
{
    return cpuSecondsOf(::getpid());
}

std::optional<Result> runSetup(const Setup &setup, int oneClientItems, qint64 postmaster)
{
    Result out;
    out.setup = &setup;
    QTemporaryDir work;
    QString error;
    QList<ServerFolder> folders;
    if (setup.postgres) {
        if (!test::prepareSharedServers(work.path(), u"baosong_bench_scaleout"_s, setup.servers, &folders,
                                        &error)) {
            fprintf(stderr, "%s: %s\n", setup.name, qPrintable(error));
            return std::nullopt;
        }
    } else {
        ServerFolder f;
        if (!test::prepareServerFolder(work.filePath(u"a"_s), &f)) {
            fprintf(stderr, "%s: the server's folder could not be prepared\n", setup.name);
            return std::nullopt;
        }
        folders.append(f);
    }
    std::vector<std::unique_ptr<QProcess>> servers;
    QList<quint16> ports;
    const auto stop = qScopeGuard([&] {
        for (auto &p : servers) {
            p->terminate();
            p->waitForFinished(10000);
        }
    });
    for (const ServerFolder &f : std::as_const(folders)) {
        servers.push_back(std::make_unique<QProcess>());
        const quint16 port = test::startServer(f, *servers.back());
        if (!port)
            return std::nullopt;
        ports.append(port);
    }
    test::NginxProxy proxy;
    quint16 front = ports.first();
    if (setup.proxy) {
        front = proxy.start(work.filePath(u"nginx"_s), ports, folders.first().dir, &error);
        if (!front) {
            fprintf(stderr, "%s: %s\n", setup.name, qPrintable(error));
            return std::nullopt;
        }
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(folders.first().dir + u"/server.crt"_s));
    const QHash<QString, QString> &passwords = folders.first().passwords;
    const Organization org = Organization::demo();

    std::vector<Author> authors;
    Client c(ssl, front);
    for (const QString &id : {u"yang.shuting"_s, u"su.qing"_s, u"hu.xinyi"_s, u"wei.jiayi"_s}) {
        const QByteArray token = signIn(c, id, passwords.value(id));
        if (token.isEmpty() || !org.person(id))
            return std::nullopt;
        authors.push_back({token, org.person(id)->unitId});
    }

    // 1. The queue of a unit head with 100 items of the unit in review.
    {
        const QString authorId = u"peng.lu"_s;
        const QByteArray authorToken = signIn(c, authorId, passwords.value(authorId));
        const QByteArray headToken = signIn(c, u"xu.wenjing"_s, passwords.value(u"xu.wenjing"_s));
        Clients one = connectClients(1, ssl, front);
        const ItemFigures made =
            createAndSubmit(one, {Author{authorToken, org.person(authorId)->unitId}}, 100, 120000);
        if (made.items != 100)
            printf("  only %d of 100 items were submitted\n", made.items);
        const QueueFigures q = listQueue(c, headToken, 200);
        out.queueMedianMs = percentileMs(q.latenciesUs, 0.5);
    }

    // 2. Create-and-submit, one client, then four.
    {
        Clients one = connectClients(1, ssl, front);
        createAndSubmit(one, {authors[0]}, 10, 10000); // warm-up
        const QByteArray actionSum = "baosong_http_request_duration_seconds_sum{route=\"/api/v1/actions\"}";
        const QByteArray actionCount =
            "baosong_http_request_duration_seconds_count{route=\"/api/v1/actions\"}";
        const double sumBefore = metricSum(ssl, ports, actionSum);
        const double countBefore = metricSum(ssl, ports, actionCount);
        const double holdsOneBefore = metricSum(ssl, ports, "baosong_store_write_lock_holds");
        const double guessedOneBefore = metricSum(ssl, ports, "baosong_store_guessed_actions");
        const double restartedOneBefore = metricSum(ssl, ports, "baosong_store_restarted_requests");
        const auto serversCpu = [&] {
            double sum = 0;
            for (const auto &p : servers)
                sum += cpuSecondsOf(p->processId());
            return sum;
        };
        const double oneServerBefore = serversCpu();
        const double oneDatabaseBefore = setup.postgres ? treeCpuSeconds(postmaster) : 0;
        out.one = createAndSubmit(one, {authors[0]}, oneClientItems, 60000);
        out.oneServerCpuMsPerItem = (serversCpu() - oneServerBefore) * 1000 / std::max(1, out.one.items);
        out.oneDatabaseCpuMsPerItem = setup.postgres ? (treeCpuSeconds(postmaster) - oneDatabaseBefore) *
                                                           1000 / std::max(1, out.one.items)
                                                     : 0;
        out.oneHoldsPerItem = (metricSum(ssl, ports, "baosong_store_write_lock_holds") - holdsOneBefore) /
                              std::max(1, out.one.items);
        out.oneGuessedPerItem = (metricSum(ssl, ports, "baosong_store_guessed_actions") - guessedOneBefore) /
                                std::max(1, out.one.items);
        out.oneRestartedPerItem =
            (metricSum(ssl, ports, "baosong_store_restarted_requests") - restartedOneBefore) /
            std::max(1, out.one.items);
        const double sumAfter = metricSum(ssl, ports, actionSum);
        const double countAfter = metricSum(ssl, ports, actionCount);
        out.actionMs =
            countAfter > countBefore ? (sumAfter - sumBefore) * 1000 / (countAfter - countBefore) : 0;
        Clients four = connectClients(4, ssl, front);
        createAndSubmit(four, authors, 20, 10000); // warm-up
        const double serverBefore = serversCpu();
        const double databaseBefore = setup.postgres ? treeCpuSeconds(postmaster) : 0;
        const double proxyBefore = setup.proxy ? treeCpuSeconds(proxy.pid()) : 0;
        const double clientBefore = ownCpuSeconds();
        const double lockBefore = metricSum(ssl, ports, "baosong_store_write_lock_held_seconds");
        const double holdsBefore = metricSum(ssl, ports, "baosong_store_write_lock_holds");
        const double guessedBefore = metricSum(ssl, ports, "baosong_store_guessed_actions");
        const double restartedBefore = metricSum(ssl, ports, "baosong_store_restarted_requests");
        out.four = createAndSubmit(four, authors, 4 * oneClientItems, 120000);
        out.fourHoldsPerItem = (metricSum(ssl, ports, "baosong_store_write_lock_holds") - holdsBefore) /
                               std::max(1, out.four.items);
        out.fourGuessedPerItem = (metricSum(ssl, ports, "baosong_store_guessed_actions") - guessedBefore) /
                                 std::max(1, out.four.items);
        out.fourRestartedPerItem =
            (metricSum(ssl, ports, "baosong_store_restarted_requests") - restartedBefore) /
            std::max(1, out.four.items);
        const double lockAfter = metricSum(ssl, ports, "baosong_store_write_lock_held_seconds");
        const double items = std::max(1, out.four.items);
        out.serverCpuMsPerItem = (serversCpu() - serverBefore) * 1000 / items;
        out.databaseCpuMsPerItem =
            setup.postgres ? (treeCpuSeconds(postmaster) - databaseBefore) * 1000 / items : 0;
        out.proxyCpuMsPerItem = setup.proxy ? (treeCpuSeconds(proxy.pid()) - proxyBefore) * 1000 / items : 0;
        out.clientCpuMsPerItem = (ownCpuSeconds() - clientBefore) * 1000 / items;
        out.lockMsPerItem = (lockAfter - lockBefore) * 1000 / items;
    }
    return out;
}

int run(int argc, char *argv[])
{
    QLoggingCategory::setFilterRules(u"baosong.*.info=false\nbaosong.*.debug=false"_s);
    const int oneClientItems = argc > 1 ? std::max(50, QByteArray(argv[1]).toInt()) : 400;
    QString error;
    const qint64 postmaster = postmasterPid(&error);
    if (!postmaster) {
        fprintf(stderr, "bench_scaleout: PostgreSQL's test cluster is needed: %s\n", qPrintable(error));
        return 1;
    }
    printf("bench_scaleout: machine: nproc %d (%s); load average before the run: %s; clients on one thread "
           "of this process, servers, nginx and PostgreSQL (the test cluster, fsync off) on the same cores\n",
           QThread::idealThreadCount(), qPrintable(cpuModel()), qPrintable(loadAverage()));

    static const Setup setups[] = {
        {"sqlite_1", "SQLite, 1 server, direct", false, 1, false},
        {"postgres_1", "PostgreSQL, 1 server, direct", true, 1, false},
        {"postgres_1_nginx", "PostgreSQL, 1 server behind nginx", true, 1, true},
        {"postgres_2_nginx", "PostgreSQL, 2 servers behind nginx", true, 2, true},
    };
    // A second argument runs only the setups whose key starts with it (e.g. for a profile).
    const QByteArray only = argc > 2 ? QByteArray(argv[2]) : QByteArray();
    std::vector<Result> results;
    for (const Setup &s : setups) {
        if (!QByteArray(s.key).startsWith(only))
            continue;
        const std::optional<Result> r = runSetup(s, oneClientItems, postmaster);
        if (!r) {
            fprintf(stderr, "bench_scaleout: %s failed\n", s.name);
            return 1;
        }
        printf("[%s] queue of 100 median %.2f ms; create+submit one client %.0f items/s (p50 %.2f ms per "
               "action, %.2f ms in the server; CPU per item: server %.2f ms, database %.2f ms), 4 clients "
               "%.0f items/s (p50 %.2f ms); CPU per item (two "
               "actions) with 4 clients: server %.2f ms, database %.2f ms, nginx %.2f ms, clients %.2f ms; "
               "the writers' lock held %.2f ms per item, taken %.2f times per item with one client and %.2f "
               "with 4; actions written in one statement per item %.2f with one client and %.2f with 4, "
               "requests answered again per item %.3f and %.3f; "
               "errors %lld\n",
               s.name, r->queueMedianMs, r->one.itemsPerSecond(), percentileMs(r->one.actionLatenciesUs, 0.5),
               r->actionMs, r->oneServerCpuMsPerItem, r->oneDatabaseCpuMsPerItem, r->four.itemsPerSecond(),
               percentileMs(r->four.actionLatenciesUs, 0.5), r->serverCpuMsPerItem, r->databaseCpuMsPerItem,
               r->proxyCpuMsPerItem, r->clientCpuMsPerItem, r->lockMsPerItem, r->oneHoldsPerItem,
               r->fourHoldsPerItem, r->oneGuessedPerItem, r->fourGuessedPerItem, r->oneRestartedPerItem,
               r->fourRestartedPerItem, qlonglong(r->one.errors + r->four.errors));
        results.push_back(*r);
    }

    if (!only.isEmpty())
        return 0; // no reference in this run: no ratios, no figures
    const Result &sqlite = results.front();
    printf("\nbench_scaleout summary (nproc %d; ratios against SQLite, 1 server, in the same run)\n",
           QThread::idealThreadCount());
    printf("| %-36s | %-12s | %-12s | %-10s | %-10s | %-10s |\n", "setup", "1 client/s", "4 clients/s",
           "queue ms", "server ms", "db ms");
    for (const Result &r : results) {
        printf("| %-36s | %5.0f (%.2f) | %5.0f (%.2f) | %10.2f | %10.2f | %10.2f |\n", r.setup->name,
               r.one.itemsPerSecond(), r.one.itemsPerSecond() / std::max(1.0, sqlite.one.itemsPerSecond()),
               r.four.itemsPerSecond(), r.four.itemsPerSecond() / std::max(1.0, sqlite.four.itemsPerSecond()),
               r.queueMedianMs, r.serverCpuMsPerItem, r.databaseCpuMsPerItem);
    }
    if (sqlite.serverCpuMsPerItem > 0)
        printf("[%s] one core of server work (its database's included) carries %.0f items/s; one server, one "
               "machine\n",
               sqlite.setup->name, 1000 / sqlite.serverCpuMsPerItem);
    for (const Result &r : results) {
        if (!r.setup->postgres || r.serverCpuMsPerItem <= 0 || r.databaseCpuMsPerItem <= 0)
            continue;
        printf(
            "[%s] prediction: one core of server work carries %.0f items/s, one core of database work %.0f "
            "items/s, and the writers' lock, held %.2f ms per item, %.0f items/s: N servers of c cores each "
            "on a database of d cores write about min(N*c*%.0f, d*%.0f, %.0f) items/s\n",
            r.setup->name, 1000 / r.serverCpuMsPerItem, 1000 / r.databaseCpuMsPerItem, r.lockMsPerItem,
            r.lockMsPerItem > 0 ? 1000 / r.lockMsPerItem : 0.0, 1000 / r.serverCpuMsPerItem,
            1000 / r.databaseCpuMsPerItem, r.lockMsPerItem > 0 ? 1000 / r.lockMsPerItem : 0.0);
    }
    for (const Result &r : results) {
        const QByteArray key = r.setup->key;
        figure("bench_scaleout", (key + "_one_client").constData(),
               (QByteArray(r.setup->name) + ": create+submit, one client").constData(),
               r.one.itemsPerSecond(), "items/s", ">=", 220);
        figure("bench_scaleout", (key + "_four_clients").constData(),
               (QByteArray(r.setup->name) + ": create+submit, 4 clients").constData(),
               r.four.itemsPerSecond(), "items/s", ">=", 490);
        figure("bench_scaleout", (key + "_queue_ms").constData(),
               (QByteArray(r.setup->name) + ": queue of 100, median").constData(), r.queueMedianMs, "ms",
               "<=", 10);
        if (!r.setup->postgres)
            figure("bench_scaleout", (key + "_server_cpu_ms").constData(),
                   (QByteArray(r.setup->name) + ": server CPU per item (its database in it), 4 clients")
                       .constData(),
                   r.serverCpuMsPerItem, "ms", "<=", 1000.0 / 490 * QThread::idealThreadCount());
        if (r.setup->postgres) {
            // Issue #19: what one server can carry, PostgreSQL against SQLite: the server CPU an item
            // costs (SQLite's server does its database's work too), in the same run.
            figure("bench_scaleout", (key + "_server_cpu_vs_sqlite").constData(),
                   (QByteArray(r.setup->name) + ": SQLite's server CPU per item / this setup's").constData(),
                   sqlite.serverCpuMsPerItem / std::max(1e-6, r.serverCpuMsPerItem), "ratio", ">=", 1.0);
            // Issue #19: PostgreSQL at least SQLite's rate per server, in the same run.
            figure("bench_scaleout", (key + "_vs_sqlite").constData(),
                   (QByteArray(r.setup->name) + ": one-client rate / SQLite's in the same run").constData(),
                   r.one.itemsPerSecond() / std::max(1.0, sqlite.one.itemsPerSecond()), "ratio", ">=", 1.0);
            figure("bench_scaleout", (key + "_server_cpu_ms").constData(),
                   (QByteArray(r.setup->name) + ": server CPU per item, 4 clients").constData(),
                   r.serverCpuMsPerItem, "ms", "<=", 1000.0 / 490 * QThread::idealThreadCount());
            figure("bench_scaleout", (key + "_database_cpu_ms").constData(),
                   (QByteArray(r.setup->name) + ": database CPU per item, 4 clients").constData(),
                   r.databaseCpuMsPerItem, "ms", "<=", 1000.0 / 490 * QThread::idealThreadCount());
        }
    }
    return 0;
}

} // namespace
} // namespace baosong

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    setvbuf(stdout, nullptr, _IOLBF, 0);
    return baosong::run(argc, argv);
}
