// Small HTTPS requests against the in-process server (server/HttpServer): 64 keep-alive clients on one
// client thread (QSslSocket, event-driven) for about 5 s. Prints requests/s and p50/p99 latency
// (docs/design.md §10: ≥ 10,000 requests/s, p99 ≤ 50 ms). Figures only, no assertions.
#include "BenchFigure.h"
#include "Certificate.h"
#include "HttpServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace baosong::http;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"baosong.http.info=false"_s);
    const int clients = 64;
    const int seconds = 5;
    const int ioThreads = argc > 1 ? QByteArray(argv[1]).toInt() : 1;

    QTemporaryDir dir;
    QString error;
    if (!Certificate::generateSelfSigned(dir.filePath(u"cert.pem"_s), dir.filePath(u"key.pem"_s),
                                         {u"localhost"_s}, {u"127.0.0.1"_s}, 1, &error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    ServerConfig config;
    config.certificateFile = dir.filePath(u"cert.pem"_s);
    config.keyFile = dir.filePath(u"key.pem"_s);
    config.ioThreads = ioThreads;
    HttpsServer server(config, [](const Request &) { return Response::json(200, {{u"ok"_s, true}}); });
    if (!server.start(&error)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslCertificate::fromPath(config.certificateFile));
    const QByteArray request = "GET /small HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::vector<qint64> latenciesUs;
    latenciesUs.reserve(1 << 20);
    bool measuring = false;
    QElapsedTimer clock;
    clock.start();

    struct Connection
    {
        QSslSocket socket;
        QByteArray buffer;
        qint64 sentAtUs = 0;
    };
    std::vector<std::unique_ptr<Connection>> connections;
    for (int i = 0; i < clients; ++i) {
        auto c = std::make_unique<Connection>();
        Connection *raw = c.get();
        raw->socket.setSslConfiguration(ssl);
        QObject::connect(&raw->socket, &QSslSocket::encrypted, &app, [raw, &request, &clock] {
            raw->sentAtUs = clock.nsecsElapsed() / 1000;
            raw->socket.write(request);
        });
        QObject::connect(
            &raw->socket, &QSslSocket::readyRead, &app, [raw, &request, &clock, &latenciesUs, &measuring] {
                raw->buffer += raw->socket.readAll();
                for (;;) {
                    const qsizetype end = raw->buffer.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const qsizetype at = raw->buffer.indexOf("Content-Length: ");
                    const qsizetype length =
                        raw->buffer.mid(at + 16, raw->buffer.indexOf('\r', at) - at - 16).toLongLong();
                    if (raw->buffer.size() < end + 4 + length)
                        return;
                    raw->buffer.remove(0, end + 4 + length);
                    const qint64 now = clock.nsecsElapsed() / 1000;
                    if (measuring)
                        latenciesUs.push_back(now - raw->sentAtUs);
                    raw->sentAtUs = now;
                    raw->socket.write(request);
                }
            });
        raw->socket.connectToHostEncrypted(u"127.0.0.1"_s, server.port());
        connections.push_back(std::move(c));
    }

    qint64 startedUs = 0;
    QTimer::singleShot(1000, &app, [&] { // warm-up: handshakes done
        measuring = true;
        startedUs = clock.nsecsElapsed() / 1000;
    });
    QTimer::singleShot(1000 + seconds * 1000, &app, [&] {
        measuring = false;
        const double elapsed = double(clock.nsecsElapsed() / 1000 - startedUs) / 1e6;
        std::sort(latenciesUs.begin(), latenciesUs.end());
        const auto at = [&](double q) {
            return latenciesUs.empty()
                       ? 0.0
                       : double(latenciesUs[size_t(q * double(latenciesUs.size() - 1))]) / 1000;
        };
        printf("bench_http: %d keep-alive clients, %d I/O thread(s), %.1f s: %zu requests, %.0f requests/s, "
               "p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
               clients, ioThreads, elapsed, latenciesUs.size(), double(latenciesUs.size()) / elapsed, at(0.5),
               at(0.99), at(1.0));
        baosong::bench::figure("bench_http", "small_requests_per_s",
                               "HTTPS layer only (no API, no token), 64 keep-alive clients: requests/s",
                               double(latenciesUs.size()) / elapsed, "requests/s", ">=", 10000);
        baosong::bench::figure("bench_http", "small_requests_p99_ms",
                               "HTTPS layer only (no API, no token), 64 keep-alive clients: p99 latency",
                               at(0.99), "ms", "<=", 50);
        app.quit();
    });
    return app.exec();
}
