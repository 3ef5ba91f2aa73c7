#pragma once

// What the benchmarks that talk HTTPS to a server share (bench_server, bench_scaleout): a keep-alive
// HTTPS client driven by the event loop with one request in flight, closed-loop load from many of
// them, create-and-submit through POST /api/v1/actions, the queue listing, percentiles, and the
// machine's facts printed beside the figures. Figures only; nothing here asserts anything.

#include <QByteArray>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QString>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace baosong::bench {

// Microseconds on a monotonic clock started at first use.
qint64 nowUs();

// Runs the event loop until `done` is true or `timeoutMs` have passed; false on timeout.
bool runUntil(const std::function<bool()> &done, int timeoutMs);

QString uuid();

// One HTTP/1.1 request as sent on the wire.
QByteArray httpRequest(const QByteArray &method, const QByteArray &path, const QByteArray &token = {},
                       const QJsonObject *body = nullptr);

struct Reply
{
    int status = 0; // 0: the connection failed or closed
    QByteArray body;
    qint64 latencyUs = 0;
};

// A keep-alive HTTPS client with one request in flight, driven by the event loop.
class Client
{
public:
    using Then = std::function<void(const Reply &)>;

    Client(const QSslConfiguration &ssl, quint16 port)
    {
        m_socket.setSslConfiguration(ssl);
        QObject::connect(&m_socket, &QSslSocket::encrypted, [this] { m_encrypted = true; });
        QObject::connect(&m_socket, &QSslSocket::readyRead, [this] { onReadyRead(); });
        QObject::connect(&m_socket, &QSslSocket::disconnected, [this] { fail(); });
        QObject::connect(&m_socket, &QAbstractSocket::errorOccurred, [this](QAbstractSocket::SocketError) {
            if (!m_failed)
                fprintf(stderr, "client: %s\n", qPrintable(m_socket.errorString()));
            fail();
        });
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    }

    bool encrypted() const { return m_encrypted; }
    bool failed() const { return m_failed; }

    void send(const QByteArray &request, Then then)
    {
        m_then = std::move(then);
        m_sentAtUs = nowUs();
        if (m_failed) {
            fail();
            return;
        }
        m_socket.write(request);
    }

    // Sends and waits for the answer (status 0 on failure or after 30 s).
    Reply call(const QByteArray &request)
    {
        Reply out;
        bool done = false;
        send(request, [&](const Reply &r) {
            out = r;
            done = true;
        });
        if (!runUntil([&] { return done; }, 30000))
            m_then = {};
        return out;
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype at = m_buffer.indexOf("Content-Length: ");
            if (at < 0 || at > end)
                at = m_buffer.left(end).toLower().indexOf("content-length: ");
            const qsizetype length =
                at < 0 ? 0
                       : m_buffer.mid(at + 16, m_buffer.indexOf('\r', at) - at - 16).trimmed().toLongLong();
            if (m_buffer.size() < end + 4 + length)
                return;
            Reply r;
            r.status = m_buffer.mid(9, 3).toInt();
            r.body = m_buffer.mid(end + 4, length);
            r.latencyUs = nowUs() - m_sentAtUs;
            m_buffer.remove(0, end + 4 + length);
            if (Then then = std::exchange(m_then, {}))
                then(r);
        }
    }

    void fail()
    {
        m_failed = true;
        if (Then then = std::exchange(m_then, {}))
            then(Reply{});
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
    Then m_then;
    qint64 m_sentAtUs = 0;
    bool m_encrypted = false;
    bool m_failed = false;
};

using Clients = std::vector<std::unique_ptr<Client>>;

Clients connectClients(int n, const QSslConfiguration &ssl, quint16 port);

double percentileMs(std::vector<qint64> sortedUs, double q);

struct LoadFigures
{
    double seconds = 0;
    std::vector<qint64> latenciesUs;
    qint64 errors = 0;
    double perSecond() const { return seconds > 0 ? double(latenciesUs.size()) / seconds : 0; }
};

// Every client sends requests[i % size] again as soon as the previous answer came, for warmupMs
// (not counted) and then measureMs; then waits for the answers in flight.
LoadFigures closedLoop(Clients &clients, const std::vector<QByteArray> &requests, int warmupMs,
                       int measureMs);

struct Author
{
    QByteArray token;
    QString unitId;
};

struct ItemFigures
{
    double seconds = 0;
    int items = 0; // created and submitted
    qint64 errors = 0;
    std::vector<qint64> actionLatenciesUs;
    double itemsPerSecond() const { return seconds > 0 ? items / seconds : 0; }
};

QJsonObject createAction(const QString &itemId, const QString &unitId, int n);

QJsonObject submitAction(const QString &itemId);

// Client i creates and submits items as authors[i], one after another, until `maxItems` items were
// started in all or `maxMs` have passed; the clients run at the same time.
ItemFigures createAndSubmit(Clients &clients, const std::vector<Author> &authors, int maxItems, int maxMs);

struct QueueFigures
{
    std::vector<qint64> latenciesUs;
    int returned = -1;
    qint64 errors = 0;
    qint64 bytes = 0;
};

QueueFigures listQueue(Client &client, const QByteArray &token, int times);

// Signs in through POST /api/v1/session; the token, or empty (the answer on stderr).
QByteArray signIn(Client &client, const QString &id, const QString &password);

QString loadAverage();

// fdatasync of a 4 KiB overwrite in `folder`, `times` times: what one durable commit costs at least.
std::vector<qint64> syncLatenciesUs(const QString &folder, int times);

QString cpuModel();

} // namespace baosong::bench
