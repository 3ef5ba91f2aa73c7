#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

// The server's HTTPS layer (docs/design.md §6, §8): TLS 1.2+ only, bounded header and body sizes, a
// timeout on every network operation, keep-alive, handlers on a worker pool, problem+json errors
// with a request id that also appears in the log. Boost.Beast does the work; this header keeps it
// out of everyone else's compile.
namespace baosong::http {

// One HTTP request, complete with its body (bounded by Limits).
struct Request
{
    QByteArray method;                            // "GET", "POST", …
    QByteArray target;                            // as sent: path and query, still percent-encoded
    QByteArray path;                              // the target's path, percent-decoded, without the query
    QByteArray query;                             // the target's query (after '?'), still percent-encoded
    QList<QPair<QByteArray, QByteArray>> headers; // in the order received
    QByteArray body;
    QString remoteAddress; // the peer's IP address
    QByteArray requestId;  // 16 hex digits, also sent as X-Request-Id and written to the log
    // A WebSocket opening handshake (RFC 6455 §4.1: a GET with Upgrade: websocket). The handler
    // accepts it with Response::webSocket(); any other answer is sent as usual and refuses it.
    bool webSocketUpgrade = false;

    // The value of the first header with this name (compared case-insensitively), or a null array.
    QByteArray header(QByteArrayView name) const;
};

struct Response
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers; the layer sets Content-Length,
                                                  // Content-Type, Connection and X-Request-Id
    QByteArray body;

    // A response whose body is the compact JSON form of the object.
    static Response json(int status, const QJsonObject &object);
    // An RFC 9457 problem: application/problem+json with type "about:blank", title, status, detail
    // and request_id (plus the members of extra), and Cache-Control: no-store.
    static Response problem(int status, const QString &title, const QString &detail,
                            const QByteArray &requestId, const QJsonObject &extra = {});
    // Accepts a WebSocket upgrade: the layer answers 101 and the connection becomes a notice
    // channel that receives HttpsServer::broadcast() (valid only for a Request::webSocketUpgrade).
    static Response webSocket();
    bool acceptWebSocket = false;
};

// Called for every complete request, on one of the worker threads (never on an I/O thread), so it
// may block, e.g. on a database; a given handler call stays on one thread, so a per-thread database
// connection is safe. Several calls run at the same time on different threads. An exception
// escaping the handler becomes a 500 problem.
using Handler = std::function<Response(const Request &)>;

struct Limits
{
    // The request line and header fields together; larger: 431, then the connection is closed.
    qint64 maxHeaderBytes = 16 * 1024;
    // The body, declared (Content-Length, refused before reading it) or chunked; larger: 413 and close.
    qint64 maxBodyBytes = 8 * 1024 * 1024;
    // Optional per-route body limit (path percent-decoded); a negative result means maxBodyBytes.
    // Called on an I/O thread: it must be quick and must not block.
    std::function<qint64(const QByteArray &method, const QByteArray &path)> bodyLimitFor;
    // Each is a deadline for a whole phase, not for a single read, so trickling bytes does not
    // extend it. A connection that misses one is closed.
    int handshakeTimeoutMs = 10000; // TCP accept to the end of the TLS handshake
    int headerTimeoutMs = 10000;    // the whole header section, from the first byte of a request
                                    // (or from the handshake, for the first request)
    int bodyTimeoutMs = 60000;      // the whole body, from the end of the header section
    int idleTimeoutMs = 30000;      // between keep-alive requests
    int writeTimeoutMs = 30000;     // writing one response
    int maxConnections = 10000;     // further connections are closed at once
    // A notice channel (WebSocket) is closed after this long, so that the client reconnects and
    // shows its session again (an ended session is not let back in).
    int webSocketLifetimeMs = 30 * 60 * 1000;
    // Without a frame from the client (its pongs count) for this long, a notice channel is closed;
    // the server pings it after half of it.
    int webSocketIdleMs = 60000;
};

struct ServerConfig
{
    QString address = QStringLiteral("127.0.0.1"); // an IPv4 or IPv6 address to listen on
    quint16 port = 0;                              // 0: an ephemeral port, see HttpsServer::port()
    QString certificateFile;                       // PEM, the server certificate (then any chain)
    QString keyFile;                               // PEM, its private key
    int ioThreads = 1;                             // threads doing network I/O and TLS
    int workerThreads = 4;                         // threads running the handler
    Limits limits;
    // Told of every answer written (any I/O thread): method, path without the query, status, seconds
    // from the request's start (server/Metrics). Must be quick and thread-safe.
    std::function<void(QByteArrayView method, QByteArrayView path, int status, double seconds)> observer;
};

class HttpsServerPrivate;

class HttpsServer
{
public:
    HttpsServer(ServerConfig config, Handler handler);
    ~HttpsServer(); // stops the server
    HttpsServer(const HttpsServer &) = delete;
    HttpsServer &operator=(const HttpsServer &) = delete;

    // Loads the certificate and key, listens and starts the threads. Returns false with a message
    // in *error (if given) when the certificate or key is missing or unusable, the address is
    // invalid or the port is in use, or the server was already started.
    bool start(QString *error);
    // The port listened on (the ephemeral one chosen when ServerConfig::port was 0), or 0.
    quint16 port() const;
    // Closes the listening socket and every connection, abandons queued requests and waits for the
    // handlers still running. The server cannot be started again. Safe to call more than once.
    void stop();

    // Sends `message` as a text frame to every open notice channel (WebSocket). Safe from any thread;
    // returns at once. A channel still writing an earlier notice gets only the latest one after it,
    // so a burst of changes costs a slow client one frame, not a backlog.
    void broadcast(const QByteArray &message);

    // Statistics, for tests and benchmarks.
    qint64 requestsServed() const;  // responses completely written, the layer's errors included
    qint64 openConnections() const; // accepted TCP connections not yet closed
    qint64 openWebSockets() const;  // notice channels open (a subset of the connections)

private:
    std::unique_ptr<HttpsServerPrivate> m_d;
};

} // namespace baosong::http
