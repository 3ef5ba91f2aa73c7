#include "PortalSender.h"

#include "DomainJson.h"
#include "ServerBlobStore.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace baosong::server {

Q_LOGGING_CATEGORY(lcPortal, "baosong.server.portal")

namespace {

QMutex g_registryMutex;
QHash<ServerStore *, PortalSender *> g_senders;

constexpr int kBatch = 20;
constexpr int kRequestTimeoutMs = 60000;

// The namespace of the ids this server makes for the platform (UUID v5 of server, item and cycle).
const QUuid kNamespace(u"6a4f1c2e-0b7d-5e3a-9c51-2f8d7e6b4a10"_s);

QString stableId(const QString &serverId, const QString &what, const PortalJob &job)
{
    return QUuid::createUuidV5(kNamespace,
                               u"%1/%2/%3/%4"_s.arg(serverId, what, job.itemId).arg(job.cycle).toUtf8())
        .toString(QUuid::WithoutBraces);
}

// The platform's answers that refuse the item itself for good: asked again, it would answer the same
// (a malformed or oversized item or attachment, a type it takes not, content its checks refuse).
// Anything else — no answer, 5xx, 401/403 (the account, which an administrator can fix), 404, 408,
// 429 — is tried again.
bool refusedForGood(int status)
{
    return status == 400 || status == 413 || status == 415 || status == 422;
}

qint64 backoffMs(int attempts)
{
    return std::min<qint64>(qint64(1000) << std::min(std::max(attempts, 1) - 1, 20), 300000);
}

} // namespace

// Blocking HTTPS requests to the platform, on the thread that made it.
class PortalSender::Client
{
public:
    struct Reply
    {
        int status = 0; // 0: no answer (network, TLS, timeout)
        QByteArray body;
        QJsonObject json;
        QString error;  // for the log and the queue: the network error or the problem's detail
        QString detail; // the platform's own words (its problem's detail or title), if it answered
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        QHash<QByteArray, QByteArray> headers;
    };

    explicit Client(const PortalConfig &config)
        : m_config(config)
    {
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setProtocol(QSsl::TlsV1_2OrLater);
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!config.caFile.isEmpty()) {
            QList<QSslCertificate> cas = m_ssl.caCertificates();
            cas += QSslCertificate::fromPath(config.caFile, QSsl::Pem);
            m_ssl.setCaCertificates(cas);
        }
    }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = "application/json",
               const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        QUrl url(m_config.url);
        url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path.section(u'?', 0, 0));
        if (path.contains(u'?'))
            url.setQuery(path.section(u'?', 1));
        QNetworkRequest request(url);
        request.setSslConfiguration(m_ssl);
        request.setTransferTimeout(kRequestTimeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty() || method == "POST" || method == "PATCH")
            request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            r.headers.insert(name.toLower(), value);
        r.json = QJsonDocument::fromJson(r.body).object();
        if (r.status == 0)
            r.error = reply->errorString();
        else if (r.status >= 400) {
            r.detail = r.json.value("detail"_L1).toString(r.json.value("title"_L1).toString());
            r.error = u"%1 %2: %3"_s.arg(r.status).arg(path.section(u'?', 0, 0), r.detail);
        }
        reply->deleteLater();
        m_last = r;
        return r;
    }

    // A signed-in call: signs in first when needed, and once more after a 401.
    Reply authorized(const QByteArray &method, const QString &path, const QByteArray &body = {},
                     const QByteArray &contentType = "application/json",
                     const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        for (int round = 0; round < 2; ++round) {
            if (m_token.isEmpty()) {
                const Reply in = signIn();
                if (in.status != 200)
                    return in;
            }
            Reply r = call(method, path, body, contentType, headers);
            if (r.status != 401)
                return r;
            m_token.clear();
        }
        Reply r;
        r.status = 401;
        r.error =
            PortalSender::tr("The municipal platform does not accept the account %1.").arg(m_config.login);
        return r;
    }

    // The platform's person (GET /me after the sign-in).
    const QJsonObject &person() const { return m_person; }
    // The last answer (a failed job's is the one that made it fail).
    const Reply &last() const { return m_last; }

private:
    Reply signIn()
    {
        m_token.clear();
        const QJsonObject o{{"login"_L1, m_config.login}, {"password"_L1, m_config.password}};
        Reply r = call("POST", u"/api/v1/session"_s, QJsonDocument(o).toJson(QJsonDocument::Compact));
        if (r.status == 200) {
            m_token = r.json.value("token"_L1).toString().toLatin1();
            m_person = r.json.value("person"_L1).toObject();
        } else if (r.status != 0) {
            r.error = PortalSender::tr("Signing in on the municipal platform as %1 failed: %2")
                          .arg(m_config.login, r.error);
        }
        return r;
    }

    PortalConfig m_config;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_network;
    QByteArray m_token;
    QJsonObject m_person;
    Reply m_last;
};

PortalSender::PortalSender(PortalConfig config, ServerStore &store)
    : m_config(std::move(config))
    , m_store(store)
{}

PortalSender::~PortalSender()
{
    stopWorker();
}

void PortalSender::attach(ServerStore *store, PortalSender *sender)
{
    {
        QMutexLocker lock(&g_registryMutex);
        g_senders.insert(store, sender);
    }
    sender->startWorker();
}

void PortalSender::detach(ServerStore *store)
{
    PortalSender *sender = nullptr;
    {
        QMutexLocker lock(&g_registryMutex);
        sender = g_senders.take(store);
    }
    if (sender)
        sender->stopWorker();
}

void PortalSender::notify(ServerStore &store)
{
    QMutexLocker lock(&g_registryMutex);
    if (PortalSender *sender = g_senders.value(&store))
        sender->wake();
}

void PortalSender::startWorker()
{
    if (m_worker || !m_config.enabled())
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = false;
        m_woken = true; // what a killed server left queued is worked first
    }
    m_worker = QThread::create([this] { loop(); });
    m_worker->start();
}

void PortalSender::stopWorker()
{
    if (!m_worker)
        return;
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wakeCondition.notify_all();
    m_worker->wait();
    delete m_worker;
    m_worker = nullptr;
}

bool PortalSender::stopping()
{
    std::lock_guard lock(m_wakeMutex);
    return m_stopping;
}

void PortalSender::wake()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_woken = true;
    }
    m_wakeCondition.notify_all();
}

void PortalSender::loop()
{
    auto wait = std::chrono::milliseconds(0);
    for (;;) {
        {
            std::unique_lock lock(m_wakeMutex);
            m_wakeCondition.wait_for(lock, wait, [this] { return m_woken || m_stopping; });
            if (m_stopping)
                break;
            m_woken = false;
        }
        QString error;
        wait = std::chrono::milliseconds(runDue(&error));
    }
    m_client.reset(); // its network access manager belongs to this thread
}

qint64 PortalSender::runDue(QString *firstError)
{
    if (!m_client)
        m_client = std::make_unique<Client>(m_config);
    const QList<PortalJob> jobs = m_store.duePortalJobs(kBatch);
    for (const PortalJob &job : jobs) {
        if (stopping())
            return 0;
        QString error;
        PortalJob failed = job; // work() keeps in it the uploads under way
        if (!work(failed, &error)) {
            if (stopping())
                return 0; // not a failure of the job: it goes on at the next start
            if (refusedForGood(m_client->last().status)) {
                const Client::Reply &answer = m_client->last();
                if (!refuse(job, answer.status, answer.detail.isEmpty() ? answer.error : answer.detail,
                            answer.error) &&
                    firstError && firstError->isEmpty())
                    *firstError = m_store.lastError();
                continue;
            }
            failed.attempts = job.attempts + 1;
            const qint64 delay = backoffMs(failed.attempts);
            qCWarning(lcPortal) << "item" << job.itemId << "to the municipal platform:" << error
                                << "- tried again in" << delay / 1000.0 << "s";
            m_store.updatePortalJob(failed, QDateTime::currentDateTimeUtc().addMSecs(delay), error);
            if (firstError && firstError->isEmpty())
                *firstError = error;
        }
    }
    if (jobs.size() == kBatch)
        return 0;
    const PortalQueueStatus status = m_store.portalQueueStatus();
    if (status.nextAttempt.isValid())
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(status.nextAttempt) + 10, 10,
                                  60000);
    return 60000;
}

bool PortalSender::drainQueue(QString *error)
{
    if (!m_config.enabled()) {
        *error = tr("No municipal platform is configured ([municipal] url).");
        return false;
    }
    QString first;
    runDue(&first);
    if (!first.isEmpty())
        *error = first;
    return first.isEmpty() && m_store.lastError().isEmpty();
}

bool PortalSender::work(PortalJob &job, QString *error)
{
    const std::optional<Item> item = m_store.item(job.itemId);
    if (!item || item->municipal.cycle != job.cycle || !item->revision(job.revision)) {
        // Deleted, or queued again for a later cycle: nothing of this job is to be sent.
        return m_store.removePortalJob(job.itemId, job.cycle);
    }
    return job.phase == "poll"_L1 ? poll(job, *item, error) : send(job, *item, error);
}

bool PortalSender::upload(PortalJob &job, const Attachment &a, QString *error)
{
    const QByteArray hex = a.sha256.toHex();
    const QString key = QString::fromLatin1(hex);
    QFile file(BlobStore(m_config.blobFolder).blobPath(hex));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("The attachment \"%1\" cannot be read here: %2").arg(a.fileName, file.errorString());
        return false;
    }
    for (int round = 0; round < 4; ++round) {
        QString uploadId = job.uploads.value(key).toString();
        qint64 offset = 0;
        qint64 chunk = 0;
        if (!uploadId.isEmpty()) {
            // Resumed: the platform says how much it has.
            const Client::Reply r = m_client->authorized("GET", u"/api/v1/uploads/"_s + uploadId);
            if (r.status == 200) {
                offset = r.json.value("offset"_L1).toInteger();
                chunk = r.json.value("chunk_size"_L1).toInteger();
            } else if (r.status == 404) {
                uploadId.clear(); // finished, cancelled or expired: ask again
            } else {
                *error = r.error;
                return false;
            }
        }
        if (uploadId.isEmpty()) {
            const QJsonObject o{{"sha256"_L1, key}, {"size"_L1, a.size}, {"name"_L1, a.fileName}};
            const Client::Reply r = m_client->authorized("POST", u"/api/v1/uploads"_s,
                                                         QJsonDocument(o).toJson(QJsonDocument::Compact));
            if (r.status == 200 && r.json.value("complete"_L1).toBool())
                break; // the platform has it (sent before, or deduplicated)
            if (r.status != 201) {
                *error = r.error;
                return false;
            }
            uploadId = r.json.value("upload_id"_L1).toString();
            offset = r.json.value("offset"_L1).toInteger();
            chunk = r.json.value("chunk_size"_L1).toInteger();
            job.uploads.insert(key, uploadId);
            // Kept before the bytes go, so that a new process resumes this upload.
            if (!m_store.updatePortalJob(job, {}, {})) {
                *error = m_store.lastError();
                return false;
            }
        }
        chunk = std::max<qint64>(chunk, 64 * 1024);
        bool restart = false;
        while (offset < a.size) {
            if (stopping()) {
                // The server stops: the upload resumes from the platform's offset at the next start.
                *error = tr("Stopped while sending \"%1\"; it resumes at the next start.").arg(a.fileName);
                return false;
            }
            if (!file.seek(offset)) {
                *error = file.errorString();
                return false;
            }
            const QByteArray bytes = file.read(std::min(chunk, a.size - offset));
            if (bytes.isEmpty()) {
                *error = tr("The attachment \"%1\" is shorter here than its record says.").arg(a.fileName);
                return false;
            }
            const QByteArray checksum =
                "sha256 " + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toBase64();
            const Client::Reply r = m_client->authorized(
                "PATCH", u"/api/v1/uploads/"_s + uploadId, bytes, "application/offset+octet-stream",
                {{"Upload-Offset", QByteArray::number(offset)}, {"Upload-Checksum", checksum}});
            if (r.status == 204 || r.status == 409) {
                offset = r.header("Upload-Offset").toLongLong();
            } else if (r.status == 404 || (r.status == 422 && r.json.contains("offset"_L1))) {
                restart = true; // gone, or the whole file did not match: start again
                break;
            } else if (r.status == 460) {
                continue; // damaged on the way: the same chunk again
            } else {
                *error = r.error;
                return false;
            }
        }
        job.uploads.remove(key);
        if (!restart)
            break;
    }
    if (!m_store.updatePortalJob(job, {}, {})) {
        *error = m_store.lastError();
        return false;
    }
    return true;
}

bool PortalSender::send(PortalJob &job, const Item &item, QString *error)
{
    const Revision *revision = item.revision(job.revision);
    RevisionContent content = revision->content;
    // On the platform it is an ordinary item of its own column; the bureau's links mean nothing there.
    content.toMunicipalPortal = false;
    content.interpretationItemId.clear();
    if (!m_config.columnId.isEmpty())
        content.columnId = m_config.columnId;
    QList<QByteArray> sent;
    for (const Attachment &a : std::as_const(content.attachments)) {
        if (sent.contains(a.sha256))
            continue;
        if (!upload(job, a, error))
            return false;
        sent.append(a.sha256);
    }
    const QString serverId = m_store.serverId();
    const QString upstreamId = stableId(serverId, u"item"_s, job);
    QString unitId = m_config.unitId;
    if (unitId.isEmpty()) {
        // The account's unit on the platform (known once signed in).
        const Client::Reply me = m_client->authorized("GET", u"/api/v1/me"_s);
        if (me.status != 200) {
            *error = me.error;
            return false;
        }
        unitId = me.json.value("person"_L1).toObject().value("unit_id"_L1).toString();
        if (unitId.isEmpty())
            unitId = me.json.value("unit_id"_L1).toString();
    }
    const QJsonObject create{{"action_id"_L1, stableId(serverId, u"create"_s, job)},
                             {"action"_L1, u"create"_s},
                             {"item_id"_L1, upstreamId},
                             {"kind"_L1, toString(item.kind)},
                             {"unit_id"_L1, unitId},
                             {"content"_L1, json::toJson(content)}};
    Client::Reply r = m_client->authorized("POST", u"/api/v1/actions"_s,
                                           QJsonDocument(create).toJson(QJsonDocument::Compact));
    int base = 0;
    bool submitted = false;
    const bool fresh = r.status == 200 && r.header("X-Baosong-Replay").isEmpty();
    if (fresh) {
        Item created;
        QString parseError;
        if (json::fromJson(r.json.value("item"_L1).toObject(), &created, &parseError))
            base = created.latestNumber();
    } else if (r.status != 200 && r.status != 409) { // 409: made already (by an earlier request of ours)
        *error = r.error;
        return false;
    }
    if (base == 0) {
        // Made before (a repeat after an interruption): where it stands there now.
        const Client::Reply got = m_client->authorized("GET", u"/api/v1/items/"_s + upstreamId);
        Item there;
        QString parseError;
        if (got.status != 200 || !json::fromJson(got.json.value("item"_L1).toObject(), &there, &parseError)) {
            *error = got.error.isEmpty() ? parseError : got.error;
            return false;
        }
        base = there.latestNumber();
        submitted = there.state != WorkflowState::Draft;
    }
    if (!submitted) {
        const QJsonObject submit{
            {"action_id"_L1, stableId(serverId, u"submit"_s, job)},
            {"action"_L1, u"submit"_s},
            {"item_id"_L1, upstreamId},
            {"base_revision"_L1, base},
            // Overridable findings (a deadline breached meanwhile, …) were decided by the bureau's route.
            {"override_reason"_L1,
             tr("Approved through the bureau's own route (Art. 14) before it was sent.")}};
        r = m_client->authorized("POST", u"/api/v1/actions"_s,
                                 QJsonDocument(submit).toJson(QJsonDocument::Compact));
        if (r.status != 200 &&
            !(r.status == 409 && r.json.value("refusal"_L1).toString() == "wrong_state"_L1)) {
            *error = r.error;
            return false;
        }
    }
    MunicipalRecord record = item.municipal;
    record.status = MunicipalStatus::Sent;
    record.upstreamItemId = upstreamId;
    record.reason.clear();
    record.at = QDateTime::currentDateTimeUtc();
    if (!m_store.recordMunicipal(job, record,
                                 {{"upstream_item_id"_L1, upstreamId},
                                  {"cycle"_L1, job.cycle},
                                  {"revision"_L1, job.revision},
                                  {"platform"_L1, m_config.url}},
                                 QDateTime::currentDateTimeUtc().addSecs(m_config.pollSeconds))) {
        *error = m_store.lastError();
        return false;
    }
    qCInfo(lcPortal) << "item" << job.itemId << "sent to the municipal platform as" << upstreamId;
    return true;
}

bool PortalSender::refuse(const PortalJob &job, int status, const QString &reason, const QString &error)
{
    const std::optional<Item> item = m_store.item(job.itemId);
    if (!item)
        return m_store.removePortalJob(job.itemId, job.cycle);
    MunicipalRecord record = item->municipal;
    record.status = MunicipalStatus::Refused;
    record.reason = reason;
    record.at = QDateTime::currentDateTimeUtc();
    qCWarning(lcPortal) << "item" << job.itemId
                        << "refused by the municipal platform, not sent again:" << error;
    return m_store.recordMunicipal(job, record,
                                   {{"cycle"_L1, job.cycle},
                                    {"revision"_L1, job.revision},
                                    {"status"_L1, status},
                                    {"reason"_L1, record.reason},
                                    {"platform"_L1, m_config.url}},
                                   {});
}

bool PortalSender::poll(PortalJob &job, const Item &item, QString *error)
{
    const Client::Reply r = m_client->authorized("GET", u"/api/v1/items/"_s + job.upstreamId);
    Item there;
    QString parseError;
    if (r.status != 200 || !json::fromJson(r.json.value("item"_L1).toObject(), &there, &parseError)) {
        *error = r.error.isEmpty() ? parseError : r.error;
        return false;
    }
    MunicipalRecord record = item.municipal;
    if (there.state == WorkflowState::Published || there.state == WorkflowState::SentToMunicipal) {
        record.status = MunicipalStatus::Adopted;
        record.reason.clear();
        record.at = there.publishedAt.isValid() ? there.publishedAt : QDateTime::currentDateTimeUtc();
    } else if (there.state == WorkflowState::Returned) {
        record.status = MunicipalStatus::Returned;
        record.reason.clear();
        for (const Decision &d : std::as_const(there.decisions)) {
            if (d.type == DecisionType::Return) {
                record.reason = d.reason;
                record.at = d.at;
            }
        }
        if (!record.at.isValid())
            record.at = QDateTime::currentDateTimeUtc();
    } else {
        // Still in the platform's review: asked again later.
        job.attempts = 0;
        if (!m_store.updatePortalJob(job, QDateTime::currentDateTimeUtc().addSecs(m_config.pollSeconds),
                                     {})) {
            *error = m_store.lastError();
            return false;
        }
        return true;
    }
    QJsonObject details{{"upstream_item_id"_L1, job.upstreamId}, {"cycle"_L1, job.cycle}};
    if (!record.reason.isEmpty())
        details.insert("reason"_L1, record.reason);
    if (!m_store.recordMunicipal(job, record, details, {})) {
        *error = m_store.lastError();
        return false;
    }
    qCInfo(lcPortal) << "item" << job.itemId << "on the municipal platform:" << toString(record.status);
    return true;
}

} // namespace baosong::server
