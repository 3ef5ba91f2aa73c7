#include "CurlTransfer.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrl>

#include <curl/curl.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace baosong {

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

namespace {

// curl's receive buffer: its largest (curl's own command-line tool uses the same), so that a block
// handed to the sink is as large as the TLS layer delivers.
constexpr long kReceiveBuffer = CURL_MAX_READ_SIZE;
// curl's send buffer: its largest, so that a chunk goes to the TLS layer in few, large writes.
constexpr long kSendBuffer = 2 * 1024 * 1024;

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

std::once_flag curlInitialized;

} // namespace

QByteArray HttpAnswer::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

// --- One request ----------------------------------------------------------------------------------

struct CurlClient::Job : std::enable_shared_from_this<CurlClient::Job>
{
    quint64 id = 0;
    CurlClient *client = nullptr;
    // Filled on the owner's thread before the worker sees the job; only read afterwards.
    QByteArray url;
    QByteArray verb;
    QByteArray body;
    QByteArray caPem;
    QByteArray proxy; // "" for none
    QByteArray proxyUser;
    QByteArray proxyPassword;
    QList<QByteArray> headerLines;
    long timeoutMs = 0;
    std::shared_ptr<CurlSink> sink;
    // The owner's thread only.
    QPointer<QObject> context;
    Done done;
    Sent sent;
    // Both threads.
    std::atomic<bool> aborted{false};
    // The worker's, until the answer is posted to the owner's thread.
    CURL *easy = nullptr;
    curl_slist *headerList = nullptr;
    HttpAnswer answer;
    bool wantsSent = false; // `sent` was given and is not posted yet
    char errorBuffer[CURL_ERROR_SIZE] = {};

    static size_t onHeader(char *data, size_t size, size_t count, void *self);
    static size_t onBody(char *data, size_t size, size_t count, void *self);
    static int onProgress(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
};

size_t CurlClient::Job::onHeader(char *data, size_t size, size_t count, void *self)
{
    auto *job = static_cast<Job *>(self);
    const size_t length = size * count;
    const QByteArrayView line = QByteArrayView(data, qsizetype(length)).trimmed();
    HttpAnswer &answer = job->answer;
    if (line.startsWith("HTTP/")) {
        // A new answer begins (after a 1xx): only the last one counts.
        const qsizetype space = line.indexOf(' ');
        const QByteArrayView rest = space < 0 ? QByteArrayView() : line.sliced(space + 1);
        const qsizetype reasonAt = rest.indexOf(' ');
        answer.status = (reasonAt < 0 ? rest : rest.first(reasonAt)).toInt();
        answer.reason = reasonAt < 0 ? QByteArray() : rest.sliced(reasonAt + 1).toByteArray();
        answer.headers.clear();
        answer.body.clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        answer.headers.append(qMakePair(line.first(colon).trimmed().toByteArray(),
                                        line.sliced(colon + 1).trimmed().toByteArray()));
    }
    return length;
}

size_t CurlClient::Job::onBody(char *data, size_t size, size_t count, void *self)
{
    auto *job = static_cast<Job *>(self);
    const size_t length = size * count;
    HttpAnswer &answer = job->answer;
    if (isSuccess(answer.status) && job->sink) {
        if (!job->sink->write(answer, QByteArrayView(data, qsizetype(length)))) {
            answer.refusedBySink = true;
            return CURL_WRITEFUNC_ERROR;
        }
        return length;
    }
    if (answer.body.size() < kMaxKeptBody)
        answer.body.append(data, std::min<qsizetype>(qsizetype(length), kMaxKeptBody - answer.body.size()));
    return length;
}

int CurlClient::Job::onProgress(void *self, curl_off_t, curl_off_t, curl_off_t uploadTotal,
                                curl_off_t uploaded)
{
    auto *job = static_cast<Job *>(self);
    if (job->wantsSent && uploadTotal > 0 && uploaded == uploadTotal) {
        job->wantsSent = false;
        CurlClient *client = job->client;
        QMetaObject::invokeMethod(
            &client->m_receiver, [client, job = job->shared_from_this()] { client->deliverSent(job); },
            Qt::QueuedConnection);
    }
    // Called often while bytes move (and at least once a second otherwise): an abort cuts the
    // exchange off at once instead of waiting for the worker's next turn.
    return job->aborted.load(std::memory_order_relaxed) ? 1 : 0;
}

// --- The transfer thread ---------------------------------------------------------------------------

class CurlClient::Worker
{
public:
    explicit Worker(CurlClient *client)
        : m_client(client)
        , m_multi(curl_multi_init())
    {
        m_thread = std::thread([this] { run(); });
    }

    ~Worker()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        curl_multi_wakeup(m_multi);
        m_thread.join();
        curl_multi_cleanup(m_multi);
    }

    void submit(std::shared_ptr<Job> job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_pending.push_back(std::move(job));
        }
        curl_multi_wakeup(m_multi);
    }

    void wake() { curl_multi_wakeup(m_multi); }

private:
    void run()
    {
        for (;;) {
            std::vector<std::shared_ptr<Job>> pending;
            {
                std::lock_guard lock(m_mutex);
                if (m_stop)
                    break;
                pending.swap(m_pending);
            }
            for (const std::shared_ptr<Job> &job : pending) {
                if (!job->aborted)
                    begin(job);
            }
            // Aborted requests leave at once (their connection is closed, not reused).
            for (auto it = m_running.begin(); it != m_running.end();) {
                if (it->second->aborted) {
                    release(*it->second);
                    it = m_running.erase(it);
                } else {
                    ++it;
                }
            }
            int running = 0;
            curl_multi_perform(m_multi, &running);
            int left = 0;
            while (CURLMsg *message = curl_multi_info_read(m_multi, &left)) {
                if (message->msg != CURLMSG_DONE)
                    continue;
                const auto it = m_running.find(message->easy_handle);
                if (it == m_running.end())
                    continue;
                const std::shared_ptr<Job> job = it->second;
                m_running.erase(it);
                finish(job, message->data.result);
            }
            // Until a socket is ready, one of curl's timers is due, or submit()/abort() wakes it.
            curl_multi_poll(m_multi, nullptr, 0, 1000, nullptr);
        }
        for (auto &[easy, job] : m_running)
            release(*job);
        m_running.clear();
    }

    void begin(const std::shared_ptr<Job> &job)
    {
        CURL *easy = curl_easy_init();
        if (!easy) {
            job->answer.error = CurlClient::tr("the network library could not start a request.");
            post(job);
            return;
        }
        job->easy = easy;
        for (const QByteArray &line : std::as_const(job->headerLines))
            job->headerList = curl_slist_append(job->headerList, line.constData());
        curl_easy_setopt(easy, CURLOPT_URL, job->url.constData());
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, job->headerList);
        // Trust: exactly the given CA certificates; peer and host name always verified. curl's
        // built-in CA file and folder stay out of it.
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
        curl_easy_setopt(easy, CURLOPT_CAINFO, nullptr);
        curl_easy_setopt(easy, CURLOPT_CAPATH, nullptr);
        curl_blob ca{job->caPem.data(), size_t(job->caPem.size()), CURL_BLOB_COPY};
        curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &ca);
        // Qt's QSsl::SecureProtocols: TLS 1.2 or later.
        curl_easy_setopt(easy, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
        curl_easy_setopt(easy, CURLOPT_PROXY, job->proxy.constData());
        if (!job->proxy.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_HTTPPROXYTUNNEL, 1L);
            if (!job->proxyUser.isEmpty()) {
                curl_easy_setopt(easy, CURLOPT_PROXYUSERNAME, job->proxyUser.constData());
                curl_easy_setopt(easy, CURLOPT_PROXYPASSWORD, job->proxyPassword.constData());
            }
        }
        if (job->timeoutMs > 0) {
            // As QNetworkRequest::setTransferTimeout: no byte moving for that long.
            curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, job->timeoutMs);
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, std::max(1L, (job->timeoutMs + 999) / 1000));
        }
        curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, kReceiveBuffer);
        curl_easy_setopt(easy, CURLOPT_UPLOAD_BUFFERSIZE, kSendBuffer);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, job->errorBuffer);
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &Job::onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, job.get());
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Job::onBody);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, job.get());
        curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &Job::onProgress);
        curl_easy_setopt(easy, CURLOPT_XFERINFODATA, job.get());
        curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
        if (job->verb == "GET") {
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        } else {
            // The body is sent from the job's array (curl copies it piecewise into its send buffer).
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(job->body.size()));
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, job->body.constData());
            if (job->verb != "POST")
                curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, job->verb.constData());
        }
        if (curl_multi_add_handle(m_multi, easy) != CURLM_OK) {
            job->answer.error = CurlClient::tr("the network library could not start a request.");
            release(*job);
            post(job);
            return;
        }
        m_running.emplace(easy, job);
    }

    void release(Job &job)
    {
        if (job.easy) {
            curl_multi_remove_handle(m_multi, job.easy);
            curl_easy_cleanup(job.easy);
            job.easy = nullptr;
        }
        curl_slist_free_all(job.headerList);
        job.headerList = nullptr;
    }

    void finish(const std::shared_ptr<Job> &job, CURLcode code)
    {
        if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && job->answer.refusedBySink))
            job->answer.error = describe(code, job->errorBuffer);
        release(*job);
        post(job);
    }

    void post(const std::shared_ptr<Job> &job)
    {
        CurlClient *client = m_client;
        QMetaObject::invokeMethod(
            &client->m_receiver, [client, job] { client->deliver(job); }, Qt::QueuedConnection);
    }

    static QString describe(CURLcode code, const char *detail)
    {
        const QString what = QString::fromUtf8(*detail ? detail : curl_easy_strerror(code)).trimmed();
        switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            return CurlClient::tr("the server's name could not be resolved (%1).").arg(what);
        case CURLE_COULDNT_CONNECT:
            return CurlClient::tr("cannot connect to the server (%1).").arg(what);
        case CURLE_OPERATION_TIMEDOUT:
            return CurlClient::tr("the server stopped answering (%1).").arg(what);
        case CURLE_PEER_FAILED_VERIFICATION:
            return CurlClient::tr(
                       "the server's certificate is not trusted or not made out to its address, so the "
                       "connection was refused (%1).")
                .arg(what);
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_SHUTDOWN_FAILED:
        case CURLE_USE_SSL_FAILED:
            return CurlClient::tr("the secure connection to the server failed (%1).").arg(what);
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
            return CurlClient::tr("the connection to the server was lost (%1).").arg(what);
        default:
            return CurlClient::tr("a network error occurred (%1).").arg(what);
        }
    }

    CurlClient *m_client;
    CURLM *m_multi;
    std::mutex m_mutex;
    std::vector<std::shared_ptr<Job>> m_pending;      // under m_mutex
    bool m_stop = false;                              // under m_mutex
    std::map<CURL *, std::shared_ptr<Job>> m_running; // the worker's
    std::thread m_thread;
};

// --- CurlClient ------------------------------------------------------------------------------------

CurlClient::CurlClient(QNetworkAccessManager *network)
    : m_network(network)
{
    std::call_once(curlInitialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_worker = std::make_unique<Worker>(this);
}

CurlClient::~CurlClient()
{
    for (const std::shared_ptr<Job> &job : std::as_const(m_jobs))
        job->aborted = true;
    // The thread ends before m_receiver goes, so nothing is posted to it afterwards; what was posted
    // goes with it.
    m_worker.reset();
}

quint64 CurlClient::start(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body,
                          std::shared_ptr<CurlSink> sink, QObject *context, Done done, Sent sent)
{
    auto job = std::make_shared<Job>();
    job->id = m_nextId++;
    job->client = this;
    job->sent = std::move(sent);
    job->wantsSent = bool(job->sent) && !body.isEmpty();
    job->url = request.url().toEncoded();
    job->verb = verb;
    job->body = body;
    job->sink = std::move(sink);
    job->context = context;
    job->done = std::move(done);
    job->timeoutMs = request.transferTimeout();

    // The header fields of the request as ServerEndpoint::request() and the caller set them.
    bool hasUserAgent = false;
    for (const QByteArray &name : request.rawHeaderList()) {
        hasUserAgent = hasUserAgent || name.compare("User-Agent", Qt::CaseInsensitive) == 0;
        job->headerLines.append(name + ": " + request.rawHeader(name));
    }
    if (!hasUserAgent)
        job->headerLines.append("User-Agent: Mozilla/5.0"); // what QNetworkAccessManager sends
    job->headerLines.append("Expect:");                     // no 100-continue round trip before a chunk

    // Trust: the request's CA certificates. A request left with Qt's default configuration trusts
    // what Qt would: the system's CAs (which Qt loads on demand, so the list may still be empty).
    const QSslConfiguration ssl = request.sslConfiguration();
    QList<QSslCertificate> cas = ssl.caCertificates();
    if (cas.isEmpty() && ssl == QSslConfiguration::defaultConfiguration())
        cas = QSslConfiguration::systemCaCertificates();
    job->caPem = caPem(cas);
    const Proxy proxy = proxyFor(request.url());
    job->proxy = proxy.url;
    job->proxyUser = proxy.user;
    job->proxyPassword = proxy.password;

    m_jobs.insert(job->id, job);
    m_worker->submit(job);
    return job->id;
}

void CurlClient::abort(quint64 id)
{
    const std::shared_ptr<Job> job = m_jobs.take(id);
    if (!job)
        return;
    job->aborted = true;
    m_worker->wake();
}

void CurlClient::deliver(const std::shared_ptr<Job> &job)
{
    m_jobs.remove(job->id);
    if (job->aborted || !job->context)
        return;
    // `done` may start the next request, or even destroy this client: nothing of it is used after.
    Done done = std::move(job->done);
    done(job->answer);
}

void CurlClient::deliverSent(const std::shared_ptr<Job> &job)
{
    if (job->aborted || !job->context || !job->sent)
        return;
    Sent sent = std::move(job->sent);
    sent();
}

QByteArray CurlClient::caPem(const QList<QSslCertificate> &certificates)
{
    if (certificates != m_caCertificates || m_caPem.isEmpty()) {
        m_caCertificates = certificates;
        m_caPem.clear();
        for (const QSslCertificate &c : certificates)
            m_caPem += c.toPem();
    }
    return m_caPem;
}

CurlClient::Proxy CurlClient::proxyFor(const QUrl &url)
{
    // The proxy QNetworkAccessManager would use (QNetworkAccessManagerPrivate::queryProxy: its
    // factory, else its own proxy, else the application's, which on Debian asks libproxy: the
    // system's settings and the environment), asked once per server origin. "" (no proxy) is given
    // to curl explicitly, so that it does not read proxies from the environment on its own.
    const QString origin = url.scheme() + u"://"_s + url.host() + u':' + QString::number(url.port(-1));
    if (const auto cached = m_proxies.constFind(origin); cached != m_proxies.constEnd())
        return *cached;
    const QNetworkProxyQuery query(url);
    QList<QNetworkProxy> proxies;
    if (m_network && m_network->proxyFactory())
        proxies = m_network->proxyFactory()->queryProxy(query);
    else if (m_network && m_network->proxy().type() != QNetworkProxy::DefaultProxy)
        proxies = {m_network->proxy()};
    else
        proxies = QNetworkProxyFactory::proxyForQuery(query);
    Proxy result;
    for (const QNetworkProxy &p : std::as_const(proxies)) {
        if (p.type() == QNetworkProxy::NoProxy)
            break;
        if (p.type() == QNetworkProxy::HttpProxy || p.type() == QNetworkProxy::Socks5Proxy) {
            QUrl proxyUrl;
            proxyUrl.setScheme(p.type() == QNetworkProxy::HttpProxy ? u"http"_s : u"socks5h"_s);
            proxyUrl.setHost(p.hostName());
            proxyUrl.setPort(p.port());
            result.url = proxyUrl.toEncoded();
            result.user = p.user().toUtf8();
            result.password = p.password().toUtf8();
            qCInfo(lcTransfer) << "transfers to" << origin << "go through the proxy" << proxyUrl;
            break;
        }
    }
    m_proxies.insert(origin, result);
    return result;
}

} // namespace baosong
