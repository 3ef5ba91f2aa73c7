#pragma once

// The bulk bodies of attachment transfers (client/Transfers: the PATCH chunks of an upload, the Range
// pieces of a download) over libcurl, on a thread of their own (docs/architecture.md "Attachments").
// Why not QNetworkAccessManager: Qt 6.4's HTTP/1 sender keeps at most 32 KiB in the socket and writes
// 16 KiB per event-loop turn, so a 4 MiB chunk took about 50 ms where curl takes 15, and a download
// passed every block from Qt's network thread to the caller's before it was written and hashed.
//
// One CurlClient is one thread driving a curl multi handle; its connections are kept alive and reused
// by the next request (one TLS handshake per connection, not per chunk). A request is made from the
// QNetworkRequest that ServerEndpoint::request() built, so it carries exactly that request's header
// fields (the bearer token, Content-Type, …; User-Agent as QNetworkAccessManager sends it), its
// transfer timeout (no byte moving for that long aborts it; also the time allowed to connect) and its
// TLS trust: the peer's certificate and host name are always verified, against exactly the CA
// certificates of the request's QSslConfiguration (system CAs, the bureau's CA, pinned certificates:
// client/TlsTrust), handed to curl as PEM; curl's own CA file and folder are not used. The proxy is the
// one the QNetworkAccessManager given to the constructor would use for the URL (none unless the system
// configures one), never curl's own reading of the environment. HTTP/1.1, no redirects followed, no
// "Expect: 100-continue" round trip.
//
// The answer is delivered on the thread that made the CurlClient (queued), unless abort() came first.
// The body of a 2xx answer goes to the request's CurlSink on the transfer thread as it arrives (a
// download writes and hashes it there, in parallel with the caller's thread); other bodies are kept
// in memory up to kMaxKeptBody bytes for the error message.

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslCertificate>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;
class QUrl;

namespace baosong {

// What the server answered (the final answer, after any 1xx), or why there is no (whole) answer.
// Also made from a QNetworkReply (client/Transfers), so that both kinds of request fail alike.
struct HttpAnswer
{
    int status = 0; // 0: no HTTP answer arrived (see error)
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers; // in the order received
    QByteArray body;            // not given to a sink; at most CurlClient::kMaxKeptBody bytes
    QString error;              // translated; set when the exchange failed or broke off (also after a status)
    bool refusedBySink = false; // the sink refused a block: it knows why

    // The first header field of this name (compared case-insensitively), or a null array.
    QByteArray header(QByteArrayView name) const;
};

// Receives the body of a 2xx answer, block by block, on the transfer thread.
class CurlSink
{
public:
    virtual ~CurlSink() = default;
    // `answer` has the status and header fields (no body). Returning false aborts the exchange; the
    // answer then says refusedBySink.
    virtual bool write(const HttpAnswer &answer, QByteArrayView data) = 0;
};

class CurlClient
{
    Q_DECLARE_TR_FUNCTIONS(CurlClient)

public:
    // Bodies not given to a sink are kept up to this size (an API answer or problem+json).
    static constexpr qsizetype kMaxKeptBody = 64 * 1024;

    using Done = std::function<void(const HttpAnswer &answer)>;
    using Sent = std::function<void()>;

    // `network` (may be null, must outlive this object) decides the proxy, as it would for its own
    // requests.
    explicit CurlClient(QNetworkAccessManager *network);
    // Aborts what is in flight (no Done is called) and ends the thread.
    ~CurlClient();
    CurlClient(const CurlClient &) = delete;
    CurlClient &operator=(const CurlClient &) = delete;

    // Sends `verb` with `body` (GET: none) as `request` describes; `done` is called on this object's
    // thread when the exchange ends, unless `context` was destroyed or abort() came first. `sink`
    // (optional) receives the body of a 2xx answer. `sent` (optional) is called, likewise, once the
    // whole body is in the socket, before `done`: the server is storing it, the client's CPU is free.
    // Returns the request's number, never 0.
    quint64 start(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
                  std::shared_ptr<CurlSink> sink, QObject *context, Done done, Sent sent = {});
    // Gives the request up: its connection is closed, `done` is not called. Bytes already handed to
    // the sink stay handed; a sink that must know when no more come guards itself (client/Transfers).
    void abort(quint64 id);

private:
    struct Job;
    class Worker;

    // The PEM form of the CA certificates to trust (cached: the same list for every chunk).
    QByteArray caPem(const QList<QSslCertificate> &certificates);
    struct Proxy
    {
        QByteArray url; // curl's form; empty: none
        QByteArray user;
        QByteArray password;
    };
    Proxy proxyFor(const QUrl &url);
    void deliver(const std::shared_ptr<Job> &job);
    void deliverSent(const std::shared_ptr<Job> &job);

    QNetworkAccessManager *m_network;
    std::unique_ptr<Worker> m_worker;
    QObject m_receiver; // answers are posted to it, on this object's thread
    quint64 m_nextId = 1;
    QHash<quint64, std::shared_ptr<Job>> m_jobs;
    QList<QSslCertificate> m_caCertificates;
    QByteArray m_caPem;
    QHash<QString, Proxy> m_proxies; // by server origin
};

} // namespace baosong
