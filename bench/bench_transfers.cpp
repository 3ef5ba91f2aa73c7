// Attachment transfers over loopback HTTPS (docs/design.md §10: a 500 MB upload at ≥ 80 % of curl's
// throughput to the same server in the same run; neither side's memory grows by more than 64 MB).
//
// The real baosong-server runs in a child process (SQLite, default 4 MiB chunks), so that each side's
// memory is its own. Each run, in turn:
//   - Baosong upload: client/Transfers from a BlobStore (POST over QNetworkAccessManager, PATCH chunks
//     with Upload-Checksum over libcurl, its SHA-256 of the file checked as it goes);
//   - curl upload: one curl process, one connection, the same tus PATCHes of the same chunks (chunk
//     files and checksums prepared beforehand and not timed, the POST not timed either);
//   - Baosong download: Range pieces of 8 MiB into the store's partial file, hashed, fsync, rename;
//   - curl download: the same 8 MiB Range GETs on one connection, written to a file.
// Before the runs, one untimed curl upload: the first upload after this program wrote its 1 GB of test
// data met slow fsyncs on the server here (12–13 ms per chunk instead of 3–4: that data still going
// to disk), whichever client it was. The server's blob is removed between runs so that every upload
// sends all bytes. Prints the median MB/s of each, the ratio to curl, and the peak RSS growth of the
// client (this process, or curl's maximum RSS) and of the server (VmHWM, reset before each transfer).
// Figures only, no assertions.
//
// Usage: bench_transfers [runs] [MB]   (defaults 3 and 500, the size §10 names: a smaller attachment
// is for a quick run only; needs curl and /usr/bin/time)

#include "BenchFigure.h"
#include "BlobStore.h"
#include "Deadline.h"
#include "DomainJson.h"
#include "Measure.h"
#include "Organization.h"
#include "ServerEndpoint.h"
#include "ServerProcess.h"
#include "Sha256.h"
#include "Transfers.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
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
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
qint64 g_size = 500 * 1000 * 1000;  // the attachment (the command line may make it smaller)
constexpr qint64 kChunk = 4 * kMiB; // the server's default chunk_size

struct Answer
{
    int status = 0;
    QJsonObject body;
};

Answer call(QNetworkAccessManager &network, QNetworkRequest request, const QByteArray &verb,
            const QJsonObject &body = {})
{
    QByteArray payload;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = network.sendCustomRequest(request, verb, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return a;
}

bool wait(Transfer *t)
{
    if (t->state() == Transfer::State::Running) {
        QEventLoop loop;
        QObject::connect(t, &Transfer::stateChanged, &loop, [&loop](Transfer::State s) {
            if (s != Transfer::State::Running)
                loop.quit();
        });
        loop.exec();
    }
    if (t->state() != Transfer::State::Done)
        std::fprintf(stderr, "transfer failed: %s\n", qPrintable(t->errorString()));
    return t->state() == Transfer::State::Done;
}

// Runs curl with a config file under /usr/bin/time; its maximum RSS in kB (or -1), stdout to `out`.
qint64 runCurl(const QString &config, const QString &out, bool *ok)
{
    QProcess p;
    if (!out.isEmpty())
        p.setStandardOutputFile(out);
    else
        p.setStandardOutputFile(QProcess::nullDevice());
    p.start(u"/usr/bin/time"_s, {u"-f"_s, u"maxrss %M"_s, u"curl"_s, u"--fail"_s, u"-sS"_s, u"-K"_s, config});
    p.waitForFinished(-1);
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    *ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!*ok)
        std::fprintf(stderr, "curl failed: %s\n", qPrintable(err));
    const QRegularExpressionMatch m = QRegularExpression(u"maxrss (\\d+)"_s).match(err);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

QByteArray quoted(const QString &s)
{
    return '"' + s.toUtf8() + '"';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"baosong.transfer.info=false"_s);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    if (argc > 2)
        g_size = qint64(std::max(1, atoi(argv[2]))) * 1000 * 1000;
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    QDir().mkpath(serverDir);
    test::ServerFolder folder;
    if (!test::prepareServerFolder(serverDir, &folder))
        return 1;
    const QHash<QString, QString> passwords = folder.passwords;
    QProcess server;
    const quint16 port = test::startServer(folder, server);
    if (port == 0)
        return 1;
    const QString serverPid = QString::number(server.processId());
    const QString self = QString::number(QCoreApplication::applicationPid());
    const QString certificate = serverDir + u"/server.crt"_s;

    // A correspondent signs in.
    const Organization org = Organization::demo();
    QString person;
    for (const Person &p : org.people) {
        if (person.isEmpty() && p.holds(Role::Correspondent, p.unitId))
            person = p.id;
    }
    ServerEndpoint endpoint;
    endpoint.baseUrl = QUrl(u"https://127.0.0.1:%1"_s.arg(port));
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(certificate));
    endpoint.ssl = ssl;
    QNetworkAccessManager network;
    const Answer session = call(network, endpoint.request(u"/api/v1/session"_s), "POST",
                                {{"login"_L1, person}, {"password"_L1, passwords.value(person)}});
    if (session.status != 200) {
        std::fprintf(stderr, "sign-in failed: %d\n", session.status);
        return 1;
    }
    endpoint.token = session.body.value("token"_L1).toString().toLatin1();
    const QString auth = u"Authorization: Bearer "_s + QString::fromLatin1(endpoint.token);

    // The blob, 500 MB by default (generated straight into the client's store), its chunk files for curl and
    // their checksums.
    BlobStore store(dir.filePath(u"client"_s));
    QDir().mkpath(store.rootFolder());
    QDir().mkpath(dir.filePath(u"chunks"_s));
    QByteArray sha;
    QList<QByteArray> checksums;
    {
        const QString temp = store.rootFolder() + u"/.import-bench.part"_s;
        QFile f(temp);
        f.open(QIODevice::WriteOnly);
        QByteArray block(kMiB, Qt::Uninitialized);
        QRandomGenerator(2024).fillRange(reinterpret_cast<quint32 *>(block.data()), kMiB / 4);
        Sha256 whole;
        QByteArray chunk;
        for (qint64 written = 0; written < g_size;) {
            const qint64 n = std::min(kMiB, g_size - written);
            memcpy(block.data(), &written, sizeof written);
            f.write(block.constData(), n);
            whole.add(QByteArrayView(block.constData(), n));
            chunk.append(block.constData(), n);
            written += n;
            if (chunk.size() == kChunk || written == g_size) {
                QFile c(dir.filePath(u"chunks/%1"_s.arg(checksums.size())));
                c.open(QIODevice::WriteOnly);
                c.write(chunk);
                checksums.append(Sha256::hash(chunk).toBase64());
                chunk.clear();
            }
        }
        f.close();
        sha = whole.result();
        QString error;
        if (!store.adoptFile(temp, sha, &error, BlobStore::AdoptCheck::AlreadyHashed)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const QString hex = QString::fromLatin1(sha.toHex());
    const QString serverBlob = serverDir + u"/blobs/%1/%2/%3"_s.arg(hex.left(2), hex.mid(2, 2), hex);
    const QString blobUrl = endpoint.baseUrl.toString() + u"/api/v1/blobs/"_s + hex + u"?item="_s;

    // One curl upload of the whole blob (the POST untimed); MB/s, or 0 on failure.
    const auto curlUpload = [&](qint64 *clientKb, qint64 *serverKb) -> double {
        const Answer created =
            call(network, endpoint.request(u"/api/v1/uploads"_s), "POST",
                 {{"sha256"_L1, hex}, {"size"_L1, double(g_size)}, {"name"_L1, u"curl.bin"_s}});
        const QString id = created.body.value("upload_id"_L1).toString();
        if (created.status != 201 || created.body.value("chunk_size"_L1).toInteger() != kChunk) {
            std::fprintf(stderr, "curl upload not created: %d\n", created.status);
            return 0;
        }
        const QString config = dir.filePath(u"curl-up.conf"_s);
        QFile c(config);
        c.open(QIODevice::WriteOnly);
        for (int i = 0; i < checksums.size(); ++i) {
            if (i > 0)
                c.write("next\n");
            c.write("url = " + quoted(endpoint.baseUrl.toString() + u"/api/v1/uploads/"_s + id) + '\n');
            c.write("cacert = " + quoted(certificate) + "\nrequest = \"PATCH\"\noutput = \"/dev/null\"\n");
            c.write("header = " + quoted(auth) + '\n');
            c.write("header = \"Content-Type: application/offset+octet-stream\"\n");
            c.write("header = \"Upload-Offset: " + QByteArray::number(i * kChunk) + "\"\n");
            c.write("header = \"Upload-Checksum: sha256 " + checksums[i] + "\"\n");
            // -T streams the file (data-binary would load every chunk of the config at once).
            c.write("upload-file = " + quoted(dir.filePath(u"chunks/%1"_s.arg(i))) + '\n');
        }
        c.close();
        const qint64 serverBase = test::statusKb("VmRSS", serverPid);
        test::resetPeak(serverPid);
        bool ok = false;
        ::sync(); // every transfer starts with no dirty pages of an earlier one being written back
        QElapsedTimer clock;
        clock.start();
        const qint64 curlRss = runCurl(config, {}, &ok);
        const double seconds = clock.nsecsElapsed() / 1e9;
        if (!ok || !QFile::exists(serverBlob)) {
            std::fprintf(stderr, "curl upload did not complete\n");
            return 0;
        }
        *clientKb = curlRss;
        *serverKb = test::statusKb("VmHWM", serverPid) - serverBase;
        return g_size / 1e6 / seconds;
    };

    // The untimed warm-up (see the top of this file).
    {
        qint64 clientKb = 0, serverKb = 0;
        if (curlUpload(&clientKb, &serverKb) <= 0)
            return 1;
    }

    std::vector<double> ourUp, curlUp, ourDown, curlDown;
    qint64 ourUpClient = 0, ourUpServer = 0, curlUpClient = 0, curlUpServer = 0;
    qint64 ourDownClient = 0, ourDownServer = 0, curlDownClient = 0, curlDownServer = 0;
    QString itemId;
    QElapsedTimer timer;
    for (int run = 0; run < runs; ++run) {
        // --- Baosong upload
        QFile::remove(serverBlob);
        {
            Transfers transfers(&network, &store, endpoint);
            const qint64 clientBase = test::statusKb("VmRSS", self),
                         serverBase = test::statusKb("VmRSS", serverPid);
            test::resetPeak(self);
            test::resetPeak(serverPid);
            ::sync(); // every transfer starts with no dirty pages of an earlier one being written back
            timer.start();
            if (!wait(transfers.upload(sha, u"bench.bin"_s)))
                return 1;
            ourUp.push_back(g_size / 1e6 / (timer.nsecsElapsed() / 1e9));
            ourUpClient = std::max(ourUpClient, test::statusKb("VmHWM", self) - clientBase);
            ourUpServer = std::max(ourUpServer, test::statusKb("VmHWM", serverPid) - serverBase);
        }
        if (itemId.isEmpty()) {
            RevisionContent content;
            content.title = u"基准测试"_s;
            content.bodyHtml = u"<p>正文</p>"_s;
            content.infoDate = chinaToday().addDays(-1);
            content.attachments = {
                Attachment{test::uuid(), u"bench.bin"_s, u"application/octet-stream"_s, g_size, sha}};
            itemId = test::uuid();
            const Answer created = call(network, endpoint.request(u"/api/v1/actions"_s), "POST",
                                        {{"action_id"_L1, test::uuid()},
                                         {"action"_L1, u"create"_s},
                                         {"item_id"_L1, itemId},
                                         {"kind"_L1, toString(ItemKind::Disclosure)},
                                         {"unit_id"_L1, org.person(person)->unitId},
                                         {"content"_L1, json::toJson(content)}});
            if (created.status != 200) {
                std::fprintf(stderr, "item not created: %d\n", created.status);
                return 1;
            }
        }

        // --- curl upload: the same PATCHes on one connection
        QFile::remove(serverBlob);
        {
            qint64 clientKb = 0, serverKb = 0;
            const double mbs = curlUpload(&clientKb, &serverKb);
            if (mbs <= 0)
                return 1;
            curlUp.push_back(mbs);
            curlUpClient = std::max(curlUpClient, clientKb);
            curlUpServer = std::max(curlUpServer, serverKb);
        }

        // --- Baosong download
        {
            BlobStore reader(dir.filePath(u"reader"_s));
            reader.collectGarbage({}, nullptr, 0);
            Transfers transfers(&network, &reader, endpoint);
            const qint64 clientBase = test::statusKb("VmRSS", self),
                         serverBase = test::statusKb("VmRSS", serverPid);
            test::resetPeak(self);
            test::resetPeak(serverPid);
            ::sync(); // every transfer starts with no dirty pages of an earlier one being written back
            timer.start();
            if (!wait(transfers.download(sha, itemId, g_size)))
                return 1;
            ourDown.push_back(g_size / 1e6 / (timer.nsecsElapsed() / 1e9));
            ourDownClient = std::max(ourDownClient, test::statusKb("VmHWM", self) - clientBase);
            ourDownServer = std::max(ourDownServer, test::statusKb("VmHWM", serverPid) - serverBase);
            reader.collectGarbage({}, nullptr, 0);
        }

        // --- curl download: the same Range pieces on one connection, into a file
        {
            const QString config = dir.filePath(u"curl-down.conf"_s);
            QFile c(config);
            c.open(QIODevice::WriteOnly);
            for (qint64 first = 0; first < g_size; first += Transfers::kDownloadPiece) {
                if (first > 0)
                    c.write("next\n");
                c.write("url = " + quoted(blobUrl + itemId) + '\n');
                c.write("cacert = " + quoted(certificate) + '\n');
                c.write("header = " + quoted(auth) + '\n');
                c.write("range = \"" + QByteArray::number(first) + '-' +
                        QByteArray::number(std::min(first + Transfers::kDownloadPiece, g_size) - 1) + "\"\n");
            }
            c.close();
            const QString out = dir.filePath(u"curl-download.bin"_s);
            const qint64 serverBase = test::statusKb("VmRSS", serverPid);
            test::resetPeak(serverPid);
            bool ok = false;
            ::sync(); // every transfer starts with no dirty pages of an earlier one being written back
            timer.start();
            const qint64 curlRss = runCurl(config, out, &ok);
            const double seconds = timer.nsecsElapsed() / 1e9;
            if (!ok || QFileInfo(out).size() != g_size) {
                std::fprintf(stderr, "curl download incomplete\n");
                return 1;
            }
            curlDown.push_back(g_size / 1e6 / seconds);
            curlDownClient = std::max(curlDownClient, curlRss);
            curlDownServer = std::max(curlDownServer, test::statusKb("VmHWM", serverPid) - serverBase);
            QFile::remove(out);
        }
        std::printf(
            "run %d: upload Baosong %.0f MB/s, curl %.0f MB/s; download Baosong %.0f MB/s, curl %.0f MB/s\n",
            run + 1, ourUp.back(), curlUp.back(), ourDown.back(), curlDown.back());
        std::fflush(stdout);
    }

    std::printf(
        "\n%lld MB over loopback HTTPS, %d runs, medians (chunks %lld MiB, download pieces %lld MiB):\n",
        g_size / 1000 / 1000, runs, kChunk / kMiB, Transfers::kDownloadPiece / kMiB);
    std::printf("  upload:   Baosong %.0f MB/s, curl %.0f MB/s: %.0f %% of curl (target >= 80 %%)\n",
                test::median(ourUp), test::median(curlUp), 100 * test::median(ourUp) / test::median(curlUp));
    std::printf("  download: Baosong %.0f MB/s, curl %.0f MB/s: %.0f %% of curl\n", test::median(ourDown),
                test::median(curlDown), 100 * test::median(ourDown) / test::median(curlDown));
    std::printf(
        "  peak RSS growth, upload:   Baosong client %lld kB, server %lld kB; curl (max RSS) %lld kB, "
        "server %lld kB\n",
        ourUpClient, ourUpServer, curlUpClient, curlUpServer);
    std::printf(
        "  peak RSS growth, download: Baosong client %lld kB, server %lld kB; curl (max RSS) %lld kB, "
        "server %lld kB\n",
        ourDownClient, ourDownServer, curlDownClient, curlDownServer);
    bench::figure(
        "bench_transfers", "upload_pct_of_curl",
        "attachment upload over loopback HTTPS: Baosong's median MB/s as % of curl's in the same run",
        100 * test::median(ourUp) / test::median(curlUp), "%", ">=", 80);
    bench::figure("bench_transfers", "upload_client_rss_growth_mb",
                  "attachment upload: the client's peak RSS growth (max over runs)",
                  double(ourUpClient) / 1024, "MB", "<=", 64);
    bench::figure("bench_transfers", "upload_server_rss_growth_mb",
                  "attachment upload: the server's peak RSS growth (max over runs)",
                  double(ourUpServer) / 1024, "MB", "<=", 64);
    server.terminate();
    server.waitForFinished(30000);
    if (qEnvironmentVariableIsSet("BAOSONG_BENCH_SERVER_LOG")) // the server's log, to look at afterwards
        QFile::copy(serverDir + u"/serve.log"_s, qEnvironmentVariable("BAOSONG_BENCH_SERVER_LOG"));
    return 0;
}
