// The HTTPS layer on Boost.Beast and Asio SSL. This is the only file that includes Beast: one Beast+SSL
// translation unit takes about 25 s and 800 MB to compile (docs/design.md §6).
//
// Each connection is a Session whose socket lives on its own strand. A request goes through
//   handshake → (idle wait) → header → size checks → (100 Continue) → body → handler → write
// and every network step has its own deadline (beast::tcp_stream::expires_after: an absolute time,
// so trickled bytes do not extend it; on expiry the socket is closed). The handler runs on the
// worker pool and its response is posted back to the connection's strand, so neither a slow handler
// nor a slow client holds up anyone else.

#include "HttpServer.h"
#include "HttpLogging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>

// Under C++20, Asio wants <utility> before it (docs/design.md §6).
#include <utility>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;
using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

namespace baosong::http {

namespace {

// The TLS 1.2 cipher suites offered (OpenSSL names), strongest first.
constexpr const char *kTls12Ciphers = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                      "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                                      "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";

// After an error response to a request whose rest was not read, the connection is drained for at
// most this long (and this many bytes) before closing, so that closing with unread data does not
// reset the connection before the client has read the response (as nginx's lingering_close).
constexpr milliseconds kLingerTime{2000};
constexpr std::size_t kLingerBytes = 8 * 1024 * 1024;
constexpr std::size_t kDrainChunk = 16 * 1024;
// How long to wait for the client's close_notify after ours.
constexpr milliseconds kShutdownTime{2000};
// Never reserve more than this for a body ahead of its arrival.
constexpr qsizetype kMaxBodyReserve = 16 * 1024 * 1024;

// A Beast body type that reads a request body straight into a QByteArray and writes a response
// from one, so that neither is copied between Beast and Qt.
struct QByteArrayBody
{
    using value_type = QByteArray;

    static std::uint64_t size(const value_type &body) { return std::uint64_t(body.size()); }

    class reader
    {
    public:
        template <bool isRequest, class Fields>
        reader(bhttp::header<isRequest, Fields> &, value_type &body)
            : m_body(body)
        {}

        // A declared length was checked against the route's limit before the body is read.
        void init(const boost::optional<std::uint64_t> &length, beast::error_code &ec)
        {
            if (length)
                m_body.reserve(qsizetype(std::min<std::uint64_t>(*length, kMaxBodyReserve)));
            ec = {};
        }

        template <class ConstBufferSequence>
        std::size_t put(const ConstBufferSequence &buffers, beast::error_code &ec)
        {
            std::size_t n = 0;
            for (const auto buffer : beast::buffers_range_ref(buffers)) {
                m_body.append(static_cast<const char *>(buffer.data()), qsizetype(buffer.size()));
                n += buffer.size();
            }
            ec = {};
            return n;
        }

        void finish(beast::error_code &ec) { ec = {}; }

    private:
        value_type &m_body;
    };

    class writer
    {
    public:
        using const_buffers_type = asio::const_buffer;

        template <bool isRequest, class Fields>
        writer(const bhttp::header<isRequest, Fields> &, const value_type &body)
            : m_body(body)
        {}

        void init(beast::error_code &ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code &ec)
        {
            ec = {};
            return {{const_buffers_type(m_body.constData(), std::size_t(m_body.size())), false}};
        }

    private:
        const value_type &m_body;
    };
};

using RequestParser = bhttp::request_parser<QByteArrayBody>;

QByteArray toByteArray(beast::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

beast::string_view toStringView(const QByteArray &bytes)
{
    return beast::string_view(bytes.constData(), std::size_t(bytes.size()));
}

// 16 hex digits from a CSPRNG.
QByteArray newRequestId()
{
    unsigned char bytes[8];
    if (RAND_bytes(bytes, int(sizeof bytes)) != 1)
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes), 2);
    return QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex();
}

bool isHttpError(const beast::error_code &ec)
{
    return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

bool hasLineBreak(const QByteArray &bytes)
{
    return bytes.contains('\r') || bytes.contains('\n') || bytes.contains('\0');
}

} // namespace

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &field : headers) {
        if (QByteArrayView(field.first).compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    }
    return {};
}

Response Response::json(int status, const QJsonObject &object)
{
    Response response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

Response Response::problem(int status, const QString &title, const QString &detail,
                           const QByteArray &requestId, const QJsonObject &extra)
{
    QJsonObject object = extra;
    object.insert(u"type"_s, u"about:blank"_s);
    object.insert(u"title"_s, title);
    object.insert(u"status"_s, status);
    object.insert(u"detail"_s, detail);
    object.insert(u"request_id"_s, QString::fromLatin1(requestId));
    Response response = json(status, object);
    response.contentType = "application/problem+json"_ba;
    response.headers.append({"Cache-Control"_ba, "no-store"_ba});
    return response;
}

Response Response::webSocket()
{
    Response response;
    response.status = 101;
    response.contentType.clear();
    response.acceptWebSocket = true;
    return response;
}

// An open notice channel, as the server's registry knows it (see NoticeChannel below).
class ChannelBase
{
public:
    virtual ~ChannelBase() = default;
    // Any thread: queue `message` for sending.
    virtual void notify(const QByteArray &message) = 0;
};

class HttpsServerPrivate
{
public:
    HttpsServerPrivate(ServerConfig c, Handler h)
        : config(std::move(c))
        , handler(std::move(h))
    {}

    void accept();
    void onAccept(const beast::error_code &ec, tcp::socket socket);
    void runIo();

    ServerConfig config;
    Handler handler;
    std::atomic<qint64> requestsServed{0};
    std::atomic<qint64> openConnections{0};
    std::atomic<qint64> openWebSockets{0};
    std::atomic<quint16> port{0};
    // The open notice channels, by an id of their own; weak: a channel lives by its pending I/O.
    std::mutex channelsMutex;
    std::unordered_map<quint64, std::weak_ptr<ChannelBase>> channels;
    quint64 nextChannelId = 0;
    bool started = false;
    bool stopped = false;
    // Destroyed in reverse order: the workers' queued jobs and the io_context's pending operations
    // hold sessions, whose streams need the io_context and the SSL context.
    std::unique_ptr<ssl::context> sslContext;
    std::unique_ptr<asio::io_context> io;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<asio::steady_timer> acceptRetry;
    std::unique_ptr<asio::thread_pool> workers;
    std::vector<std::thread> ioThreads;
};

namespace {

// A WebSocket on an accepted upgrade: the server sends notices (HttpsServer::broadcast), the client
// sends nothing but control frames (anything else is read and dropped, at most 4 KB a message). The
// stream pings after half the idle time and closes without an answer (Beast's timeout option); the
// channel closes itself after its lifetime so that the client comes back through authentication.
class NoticeChannel : public ChannelBase, public std::enable_shared_from_this<NoticeChannel>
{
public:
    NoticeChannel(HttpsServerPrivate &server, beast::ssl_stream<beast::tcp_stream> &&stream, QString remote,
                  QByteArray requestId)
        : m_server(server)
        , m_ws(std::move(stream))
        , m_lifetime(m_ws.get_executor())
        , m_remote(std::move(remote))
        , m_requestId(std::move(requestId))
    {
        ++m_server.openConnections;
    }

    ~NoticeChannel() override
    {
        if (m_registered) {
            --m_server.openWebSockets;
            const std::lock_guard lock(m_server.channelsMutex);
            m_server.channels.erase(m_id);
        }
        --m_server.openConnections;
    }

    // On the connection's strand, with the upgrade request.
    void start(bhttp::request<bhttp::empty_body> request)
    {
        const Limits &limits = m_server.config.limits;
        beast::get_lowest_layer(m_ws).expires_never(); // the WebSocket keeps its own deadlines
        websocket::stream_base::timeout timeout;
        timeout.handshake_timeout = milliseconds(limits.writeTimeoutMs);
        timeout.idle_timeout = milliseconds(limits.webSocketIdleMs);
        timeout.keep_alive_pings = true;
        m_ws.set_option(timeout);
        m_ws.set_option(
            websocket::stream_base::decorator([requestId = m_requestId](websocket::response_type &r) {
                r.set("X-Request-Id", toStringView(requestId));
                r.set("Strict-Transport-Security", "max-age=31536000");
            }));
        m_ws.read_message_max(4096);
        m_ws.async_accept(request, [self = shared_from_this()](const beast::error_code &ec) {
            if (ec) {
                qCDebug(lcHttp, "%s: the WebSocket handshake with %s failed: %s",
                        self->m_requestId.constData(), qUtf8Printable(self->m_remote), ec.message().c_str());
                return;
            }
            self->opened();
        });
    }

    void notify(const QByteArray &message) override
    {
        asio::post(m_ws.get_executor(), [self = shared_from_this(), message] { self->send(message); });
    }

private:
    void opened()
    {
        {
            const std::lock_guard lock(m_server.channelsMutex);
            m_id = ++m_server.nextChannelId;
            m_server.channels.emplace(m_id, weak_from_this());
        }
        m_registered = true;
        ++m_server.openWebSockets;
        qCInfo(lcHttp, "%s notice channel open for %s", m_requestId.constData(), qUtf8Printable(m_remote));
        m_lifetime.expires_after(milliseconds(m_server.config.limits.webSocketLifetimeMs));
        m_lifetime.async_wait([self = shared_from_this()](const beast::error_code &ec) {
            if (!ec)
                self->closeChannel(websocket::close_code::going_away);
        });
        read();
    }

    void read()
    {
        m_ws.async_read(m_in, [self = shared_from_this()](const beast::error_code &ec, std::size_t) {
            self->m_in.clear();
            if (ec) {
                if (ec != websocket::error::closed)
                    qCDebug(lcHttp, "%s notice channel for %s ended: %s", self->m_requestId.constData(),
                            qUtf8Printable(self->m_remote), ec.message().c_str());
                self->m_closing = true;
                self->m_lifetime.cancel();
                return;
            }
            self->read();
        });
    }

    void send(const QByteArray &message)
    {
        if (m_closing || !m_registered)
            return;
        if (m_writing) {
            m_pending = message; // only the latest notice waits
            return;
        }
        m_writing = true;
        m_out = message;
        m_ws.text(true);
        m_ws.async_write(asio::buffer(m_out.constData(), std::size_t(m_out.size())),
                         [self = shared_from_this()](const beast::error_code &ec, std::size_t) {
                             self->m_writing = false;
                             if (ec)
                                 return; // the read fails too, and ends the channel
                             if (!self->m_pending.isNull()) {
                                 const QByteArray next = std::exchange(self->m_pending, QByteArray());
                                 self->send(next);
                             }
                         });
    }

    void closeChannel(websocket::close_code code)
    {
        if (m_closing)
            return;
        m_closing = true;
        m_ws.async_close(code, [self = shared_from_this()](const beast::error_code &) {});
    }

    HttpsServerPrivate &m_server;
    websocket::stream<beast::ssl_stream<beast::tcp_stream>> m_ws;
    asio::steady_timer m_lifetime;
    beast::flat_buffer m_in;
    QByteArray m_out;
    QByteArray m_pending;
    QString m_remote;
    QByteArray m_requestId;
    quint64 m_id = 0;
    bool m_registered = false;
    bool m_writing = false;
    bool m_closing = false;
};

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(HttpsServerPrivate &server, tcp::socket socket, QString remoteAddress)
        : m_server(server)
        , m_limits(server.config.limits)
        , m_stream(std::move(socket), *server.sslContext)
        , m_buffer(std::size_t(server.config.limits.maxHeaderBytes) + 64 * 1024)
        , m_remote(std::move(remoteAddress))
    {
        ++m_server.openConnections;
    }

    ~Session() { --m_server.openConnections; }

    void run()
    {
        asio::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->handshake(); });
    }

private:
    beast::tcp_stream &tcp() { return beast::get_lowest_layer(m_stream); }

    void handshake()
    {
        tcp().expires_after(milliseconds(m_limits.handshakeTimeoutMs));
        m_stream.async_handshake(ssl::stream_base::server,
                                 [self = shared_from_this()](const beast::error_code &ec) {
                                     if (ec) {
                                         qCDebug(lcHttp, "TLS handshake with %s failed: %s",
                                                 qUtf8Printable(self->m_remote), ec.message().c_str());
                                         self->close();
                                         return;
                                     }
                                     self->readRequest();
                                 });
    }

    void readRequest()
    {
        m_parser.emplace();
        m_parser->header_limit(std::uint32_t(std::min<qint64>(m_limits.maxHeaderBytes, UINT32_MAX)));
        // The declared length is checked against the route's limit once the header is known.
        m_parser->body_limit(boost::none);
        m_requestId.clear();
        m_method = "-"_ba;
        m_logPath = "-"_ba;
        m_closeAfter = false;
        if (m_firstRequest || m_buffer.size() > 0) {
            m_firstRequest = false;
            readHeader();
            return;
        }
        // Between keep-alive requests: the idle deadline runs until the next request's first byte.
        tcp().expires_after(milliseconds(m_limits.idleTimeoutMs));
        m_stream.async_read_some(m_buffer.prepare(4096),
                                 [self = shared_from_this()](const beast::error_code &ec, std::size_t n) {
                                     if (ec) {
                                         self->close();
                                         return;
                                     }
                                     self->m_buffer.commit(n);
                                     self->readHeader();
                                 });
    }

    void readHeader()
    {
        tcp().expires_after(milliseconds(m_limits.headerTimeoutMs));
        bhttp::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = shared_from_this()](const beast::error_code &ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(const beast::error_code &ec)
    {
        m_timer.start();
        m_requestId = newRequestId();
        if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
            sendError(431, u"Request Header Fields Too Large"_s,
                      u"The request's header section exceeds %1 bytes."_s.arg(m_limits.maxHeaderBytes),
                      {{u"limit"_s, m_limits.maxHeaderBytes}});
            return;
        }
        if (ec && isHttpError(ec) && ec != bhttp::error::end_of_stream &&
            ec != bhttp::error::partial_message) {
            sendError(400, u"Bad Request"_s,
                      u"The request could not be parsed (%1)."_s.arg(QString::fromStdString(ec.message())));
            return;
        }
        if (ec) {
            if (ec == beast::error::timeout)
                qCDebug(lcHttp, "%s did not send a request header in time", qUtf8Printable(m_remote));
            close();
            return;
        }

        const auto &request = m_parser->get();
        m_method = toByteArray(request.method_string());
        const QByteArray target = toByteArray(request.target());
        const qsizetype queryAt = target.indexOf('?');
        m_logPath = queryAt < 0 ? target : target.left(queryAt);
        m_closeAfter = !request.keep_alive();

        m_bodyLimit = m_limits.maxBodyBytes;
        if (m_limits.bodyLimitFor) {
            const qint64 routeLimit =
                m_limits.bodyLimitFor(m_method, QByteArray::fromPercentEncoding(m_logPath));
            if (routeLimit >= 0)
                m_bodyLimit = routeLimit;
        }
        if (const auto declared = m_parser->content_length();
            declared && *declared > std::uint64_t(m_bodyLimit)) {
            sendBodyTooLarge();
            return;
        }
        m_parser->body_limit(std::uint64_t(m_bodyLimit)); // for chunked bodies, counted as they arrive

        if (m_parser->is_done()) {
            dispatchRequest();
            return;
        }
        if (beast::iequals(request[bhttp::field::expect], "100-continue")) {
            auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_,
                                                                                request.version());
            tcp().expires_after(milliseconds(m_limits.writeTimeoutMs));
            bhttp::async_write(
                m_stream, *interim,
                [self = shared_from_this(), interim](const beast::error_code &ec, std::size_t) {
                    if (ec) {
                        self->close();
                        return;
                    }
                    self->readBody();
                });
            return;
        }
        readBody();
    }

    void readBody()
    {
        tcp().expires_after(milliseconds(m_limits.bodyTimeoutMs));
        bhttp::async_read(
            m_stream, m_buffer, *m_parser,
            [self = shared_from_this()](const beast::error_code &ec, std::size_t) { self->onBody(ec); });
    }

    void onBody(const beast::error_code &ec)
    {
        if (ec == bhttp::error::body_limit) {
            m_parser.reset(); // frees what was read of the body
            sendBodyTooLarge();
            return;
        }
        if (ec && isHttpError(ec) && ec != bhttp::error::end_of_stream &&
            ec != bhttp::error::partial_message) {
            m_parser.reset();
            sendError(
                400, u"Bad Request"_s,
                u"The request body could not be parsed (%1)."_s.arg(QString::fromStdString(ec.message())));
            return;
        }
        if (ec) {
            qCDebug(lcHttp, "%s %s: the body did not arrive (%s)", m_requestId.constData(),
                    qUtf8Printable(m_remote), ec.message().c_str());
            close();
            return;
        }
        dispatchRequest();
    }

    void dispatchRequest()
    {
        auto &message = m_parser->get();
        Request request;
        request.method = m_method;
        request.target = toByteArray(message.target());
        const qsizetype queryAt = request.target.indexOf('?');
        request.path = QByteArray::fromPercentEncoding(m_logPath);
        if (queryAt >= 0)
            request.query = request.target.mid(queryAt + 1);
        for (const auto &field : message)
            request.headers.append({toByteArray(field.name_string()), toByteArray(field.value())});
        request.body = std::move(message.body());
        request.remoteAddress = m_remote;
        request.requestId = m_requestId;
        request.webSocketUpgrade = websocket::is_upgrade(message);
        if (request.webSocketUpgrade)
            m_upgrade.emplace(message.base());
        else
            m_upgrade.reset();
        m_parser.reset();

        asio::post(*m_server.workers, [self = shared_from_this(), request = std::move(request)]() {
            Response response = self->callHandler(request);
            asio::post(self->m_stream.get_executor(), [self, response = std::move(response)]() mutable {
                if (response.acceptWebSocket && self->m_upgrade && response.status == 101) {
                    self->becomeNoticeChannel();
                    return;
                }
                self->writeResponse(std::move(response), false);
            });
        });
    }

    // On a worker thread.
    Response callHandler(const Request &request)
    {
        const auto failed = [&](const char *what) {
            qCWarning(lcHttp, "%s %s %s: the handler failed: %s", request.requestId.constData(),
                      request.method.constData(), m_logPath.constData(), what);
            return Response::problem(
                500, u"Internal Server Error"_s,
                u"The server could not complete the request. Quote the request id when reporting this."_s,
                request.requestId);
        };
        try {
            return m_server.handler(request);
        } catch (const std::exception &e) {
            return failed(e.what());
        } catch (...) {
            return failed("an unknown exception");
        }
    }

    // The handler accepted a WebSocket upgrade: the connection is handed to a NoticeChannel, which
    // answers 101 (this session ends when the last reference to it goes).
    void becomeNoticeChannel()
    {
        qCInfo(lcHttp, "%s %s %s 101 %lld ms %s", m_requestId.constData(), m_method.constData(),
               m_logPath.constData(), qint64(m_timer.elapsed()), qUtf8Printable(m_remote));
        ++m_server.requestsServed;
        auto channel = std::make_shared<NoticeChannel>(m_server, std::move(m_stream), m_remote, m_requestId);
        channel->start(std::move(*m_upgrade));
        m_upgrade.reset();
    }

    void sendBodyTooLarge()
    {
        sendError(413, u"Content Too Large"_s,
                  u"The request body exceeds the limit of %1 bytes for this resource."_s.arg(m_bodyLimit),
                  {{u"limit"_s, m_bodyLimit}});
    }

    void sendError(int status, const QString &title, const QString &detail, const QJsonObject &extra = {})
    {
        m_closeAfter = true;
        writeResponse(Response::problem(status, title, detail, m_requestId, extra), true);
    }

    // linger: the rest of the request may still be arriving, so drain it before closing.
    void writeResponse(Response response, bool linger)
    {
        if (response.status < 200 || response.status > 599 || response.acceptWebSocket) {
            qCWarning(lcHttp, "%s: the handler returned status %d; answering 500 instead",
                      m_requestId.constData(), response.status);
            response = Response::problem(500, u"Internal Server Error"_s,
                                         u"The server produced an invalid response."_s, m_requestId);
        }
        m_response = {};
        m_response.version(11);
        m_response.result(unsigned(response.status));
        for (const auto &[name, value] : response.headers) {
            if (name.isEmpty() || hasLineBreak(name) || hasLineBreak(value) || name.contains(':')) {
                qCWarning(lcHttp, "%s: dropping an invalid response header", m_requestId.constData());
                continue;
            }
            m_response.insert(toStringView(name), toStringView(value));
        }
        if (!response.contentType.isEmpty() && !hasLineBreak(response.contentType))
            m_response.set(bhttp::field::content_type, toStringView(response.contentType));
        m_response.set("X-Request-Id", toStringView(m_requestId));
        // HTTPS only, on both ports: browsers remember it for a year (RFC 6797).
        m_response.set("Strict-Transport-Security", "max-age=31536000");
        m_response.keep_alive(!m_closeAfter);
        m_bodyBytes = response.body.size();
        if (m_method == "HEAD") {
            // The length of what a GET would have sent, and no body.
            m_response.content_length(std::uint64_t(response.body.size()));
        } else {
            m_response.body() = std::move(response.body);
            m_response.prepare_payload();
        }
        m_status = response.status;

        tcp().expires_after(milliseconds(m_limits.writeTimeoutMs));
        bhttp::async_write(m_stream, m_response,
                           [self = shared_from_this(), linger](const beast::error_code &ec, std::size_t) {
                               self->onWrite(ec, linger);
                           });
    }

    void onWrite(const beast::error_code &ec, bool linger)
    {
        m_response.body().clear();
        qCInfo(lcHttp, "%s %s %s %d %lld bytes %lld ms %s%s", m_requestId.constData(), m_method.constData(),
               m_logPath.constData(), m_status, m_bodyBytes, qint64(m_timer.elapsed()),
               qUtf8Printable(m_remote), ec ? " (not delivered)" : "");
        if (m_server.config.observer)
            m_server.config.observer(m_method, m_logPath, m_status, double(m_timer.nsecsElapsed()) / 1e9);
        if (ec) {
            close();
            return;
        }
        ++m_server.requestsServed;
        if (!m_closeAfter) {
            readRequest();
        } else if (linger) {
            lingerAndClose();
        } else {
            shutdownAndClose();
        }
    }

    void lingerAndClose()
    {
        m_drainBuffer = std::make_unique<char[]>(kDrainChunk);
        m_drained = 0;
        tcp().expires_after(kLingerTime);
        drain();
    }

    void drain()
    {
        m_stream.async_read_some(asio::buffer(m_drainBuffer.get(), kDrainChunk),
                                 [self = shared_from_this()](const beast::error_code &ec, std::size_t n) {
                                     self->m_drained += n;
                                     if (ec || self->m_drained > kLingerBytes) {
                                         self->close();
                                         return;
                                     }
                                     self->drain();
                                 });
    }

    void shutdownAndClose()
    {
        tcp().expires_after(std::min(kShutdownTime, milliseconds(m_limits.writeTimeoutMs)));
        m_stream.async_shutdown([self = shared_from_this()](const beast::error_code &) { self->close(); });
    }

    void close()
    {
        beast::error_code ignored;
        tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
        tcp().close();
    }

    HttpsServerPrivate &m_server;
    const Limits &m_limits;
    beast::ssl_stream<beast::tcp_stream> m_stream;
    beast::flat_buffer m_buffer;
    std::optional<RequestParser> m_parser;
    std::optional<bhttp::request<bhttp::empty_body>> m_upgrade; // the WebSocket upgrade request
    bhttp::response<QByteArrayBody> m_response;
    std::unique_ptr<char[]> m_drainBuffer;
    std::size_t m_drained = 0;
    QString m_remote;
    bool m_firstRequest = true;
    // The request in progress.
    QByteArray m_requestId;
    QByteArray m_method;
    QByteArray m_logPath; // the target without its query (which may carry secrets), as sent
    bool m_closeAfter = false;
    qint64 m_bodyLimit = 0;
    int m_status = 0;
    qint64 m_bodyBytes = 0;
    QElapsedTimer m_timer;
};

} // namespace

void HttpsServerPrivate::accept()
{
    acceptor->async_accept(asio::make_strand(*io), [this](const beast::error_code &ec, tcp::socket socket) {
        onAccept(ec, std::move(socket));
    });
}

void HttpsServerPrivate::onAccept(const beast::error_code &ec, tcp::socket socket)
{
    if (ec == asio::error::operation_aborted)
        return;
    if (ec) {
        // Out of file descriptors, for instance: try again shortly rather than spin.
        qCWarning(lcHttp, "accepting a connection failed: %s", ec.message().c_str());
        acceptRetry->expires_after(milliseconds(100));
        acceptRetry->async_wait([this](const beast::error_code &waitError) {
            if (!waitError)
                accept();
        });
        return;
    }
    beast::error_code ignored;
    const auto remote = socket.remote_endpoint(ignored);
    if (openConnections.load() >= config.limits.maxConnections) {
        qCWarning(lcHttp, "refusing a connection from %s: %d connections open",
                  remote.address().to_string().c_str(), config.limits.maxConnections);
        socket.close(ignored);
    } else {
        socket.set_option(tcp::no_delay(true), ignored);
        std::make_shared<Session>(*this, std::move(socket),
                                  QString::fromStdString(remote.address().to_string()))
            ->run();
    }
    accept();
}

void HttpsServerPrivate::runIo()
{
    for (;;) {
        try {
            io->run();
            return;
        } catch (const std::exception &e) {
            qCCritical(lcHttp, "an I/O thread caught an exception: %s", e.what());
        }
    }
}

HttpsServer::HttpsServer(ServerConfig config, Handler handler)
    : m_d(std::make_unique<HttpsServerPrivate>(std::move(config), std::move(handler)))
{}

HttpsServer::~HttpsServer()
{
    stop();
}

bool HttpsServer::start(QString *error)
{
    HttpsServerPrivate &d = *m_d;
    const auto fail = [error](const QString &message) {
        qCWarning(lcHttp).noquote() << message;
        if (error)
            *error = message;
        return false;
    };
    if (d.started)
        return fail(u"the HTTPS server was already started"_s);
    if (!d.handler)
        return fail(u"the HTTPS server has no request handler"_s);
    if (d.config.ioThreads < 1 || d.config.workerThreads < 1)
        return fail(u"the HTTPS server needs at least one I/O thread and one worker thread"_s);
    const Limits &limits = d.config.limits;
    if (limits.maxHeaderBytes < 1024 || limits.maxBodyBytes < 0 || limits.handshakeTimeoutMs <= 0 ||
        limits.headerTimeoutMs <= 0 || limits.bodyTimeoutMs <= 0 || limits.idleTimeoutMs <= 0 ||
        limits.writeTimeoutMs <= 0 || limits.maxConnections < 1 || limits.webSocketLifetimeMs <= 0 ||
        limits.webSocketIdleMs <= 0)
        return fail(u"the HTTPS server's limits are invalid"_s);

    for (const auto &[what, path] : {std::pair(u"certificate"_s, d.config.certificateFile),
                                     std::pair(u"private key"_s, d.config.keyFile)}) {
        if (path.isEmpty())
            return fail(u"no TLS %1 file is configured"_s.arg(what));
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable())
            return fail(u"the TLS %1 file %2 does not exist or cannot be read"_s.arg(what, path));
    }

    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    SSL_CTX *native = context->native_handle();
    if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1)
        return fail(u"cannot require TLS 1.2 or later"_s);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                         ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::no_compression |
                         ssl::context::single_dh_use);
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    // TLS 1.2: forward secrecy and authenticated encryption only — ECDHE with AES-GCM or ChaCha20-
    // Poly1305, for ECDSA and RSA certificates (no static RSA key exchange, no CBC, no SHA-1 MACs).
    // TLS 1.3's suites are all of that kind already.
    if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1)
        return fail(u"cannot set the TLS 1.2 cipher suites"_s);
    // An encrypted key must fail to load rather than prompt on the terminal.
    context->set_password_callback([](std::size_t, ssl::context::password_purpose) { return std::string(); });

    beast::error_code ec;
    context->use_certificate_chain_file(QFile::encodeName(d.config.certificateFile).toStdString(), ec);
    if (ec)
        return fail(u"cannot load the TLS certificate %1: %2"_s.arg(d.config.certificateFile,
                                                                    QString::fromStdString(ec.message())));
    context->use_private_key_file(QFile::encodeName(d.config.keyFile).toStdString(), ssl::context::pem, ec);
    if (ec && ec.category() == asio::error::get_ssl_category() &&
        ERR_GET_REASON(ec.value()) == X509_R_KEY_VALUES_MISMATCH)
        return fail(u"the TLS private key %1 does not match the certificate %2"_s.arg(
            d.config.keyFile, d.config.certificateFile));
    if (ec)
        return fail(u"cannot load the TLS private key %1: %2"_s.arg(d.config.keyFile,
                                                                    QString::fromStdString(ec.message())));
    if (SSL_CTX_check_private_key(native) != 1)
        return fail(u"the TLS private key %1 does not match the certificate %2"_s.arg(
            d.config.keyFile, d.config.certificateFile));

    const auto address = asio::ip::make_address(d.config.address.toStdString(), ec);
    if (ec)
        return fail(u"invalid listening address %1: %2"_s.arg(d.config.address,
                                                              QString::fromStdString(ec.message())));
    const tcp::endpoint endpoint(address, d.config.port);

    auto io = std::make_unique<asio::io_context>(d.config.ioThreads);
    auto acceptor = std::make_unique<tcp::acceptor>(*io);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor->bind(endpoint, ec);
    if (!ec)
        acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return fail(u"cannot listen on %1 port %2: %3"_s.arg(d.config.address)
                        .arg(d.config.port)
                        .arg(QString::fromStdString(ec.message())));
    d.port = acceptor->local_endpoint(ec).port();

    d.sslContext = std::move(context);
    d.io = std::move(io);
    d.acceptor = std::move(acceptor);
    d.acceptRetry = std::make_unique<asio::steady_timer>(*d.io);
    d.workers = std::make_unique<asio::thread_pool>(std::size_t(d.config.workerThreads));
    d.started = true;
    d.accept();
    for (int i = 0; i < d.config.ioThreads; ++i)
        d.ioThreads.emplace_back([&d] { d.runIo(); });
    qCInfo(lcHttp, "listening on https://%s:%u/ (TLS 1.2+)", qUtf8Printable(d.config.address),
           unsigned(d.port.load()));
    return true;
}

quint16 HttpsServer::port() const
{
    return m_d->port.load();
}

void HttpsServer::stop()
{
    HttpsServerPrivate &d = *m_d;
    if (!d.started || d.stopped)
        return;
    d.stopped = true;
    d.io->stop();
    for (std::thread &thread : d.ioThreads)
        thread.join();
    d.ioThreads.clear();
    // Abandon queued requests, wait for running handlers (their responses are posted to the
    // stopped io_context and destroyed with it).
    d.workers->stop();
    d.workers->join();
    d.workers.reset();
    d.acceptRetry.reset();
    d.acceptor.reset();
    d.io.reset(); // destroys the pending operations, and with them the sessions and their sockets
    d.sslContext.reset();
    d.port = 0;
    qCInfo(lcHttp, "stopped");
}

qint64 HttpsServer::requestsServed() const
{
    return m_d->requestsServed.load();
}

qint64 HttpsServer::openConnections() const
{
    return m_d->openConnections.load();
}

qint64 HttpsServer::openWebSockets() const
{
    return m_d->openWebSockets.load();
}

void HttpsServer::broadcast(const QByteArray &message)
{
    std::vector<std::shared_ptr<ChannelBase>> open;
    {
        const std::lock_guard lock(m_d->channelsMutex);
        open.reserve(m_d->channels.size());
        for (const auto &[id, channel] : m_d->channels) {
            if (auto alive = channel.lock())
                open.push_back(std::move(alive));
        }
    }
    for (const auto &channel : open)
        channel->notify(message);
}

} // namespace baosong::http
