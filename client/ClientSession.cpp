#include "ClientSession.h"

#include "Logging.h"
#include "Problem.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
const QString kServerUrlKey = u"server_url"_s;
const QString kLoginKey = u"login"_s;
} // namespace

ClientSession::ClientSession(const QString &profileFolder, NetworkAccessFactory *network, QObject *parent)
    : QObject(parent)
    , m_profile(profileFolder)
    , m_lock(profileFolder)
    , m_store(QDir(profileFolder).filePath(u"local.sqlite"_s))
    , m_blobs(QDir(profileFolder).filePath(u"blobs"_s))
    , m_credentials(profileFolder)
    , m_factory(network)
    , m_push(std::make_unique<PushChannel>())
{}

ClientSession::~ClientSession()
{
    if (m_check)
        m_check->wait(); // it reads the store's file
    m_sync.reset();
    m_transfers.reset();
}

bool ClientSession::open(QString *error)
{
    if (!QDir().mkpath(m_profile)) {
        *error = tr("The profile folder %1 cannot be created.").arg(m_profile);
        return false;
    }
    if (!m_lock.tryLock()) {
        *error = m_lock.errorString();
        return false;
    }
    // The whole-file check runs in the background, so that the queue shows at once (docs/design.md §10);
    // damage found there stops sync until the user rebuilds the store (checkStoreInBackground,
    // rebuildFromServer); a store found damaged at an earlier run is checked here and set aside.
    m_store.setDeferredCheck(true);
    const LocalStore::OpenResult opened = m_store.open();
    if (!opened.ok()) {
        *error = opened.message;
        m_lock.unlock();
        return false;
    }
    QString trustError;
    if (const std::optional<TrustSettings> settings = TlsTrust::load(m_profile, &trustError)) {
        m_trust.setSettings(*settings);
    } else {
        // A damaged or tampered trust file trusts nothing: the user confirms the server again.
        qCWarning(lcApp) << "trust settings not used:" << trustError;
    }
    if (!m_factory)
        m_factory = new DefaultNetworkAccessFactory(&m_trust, this);
    m_network = m_factory->create(this);
    m_sync = std::make_unique<SyncEngine>(m_store, m_network);
    m_sync->setTlsExplainer([this](QNetworkReply *reply, const QList<QSslError> &errors) {
        return m_trust.classify(reply, errors).message;
    });
    m_transfers = std::make_unique<Transfers>(m_network, &m_blobs, m_endpoint);
    // A notice from the server: pull now. The channel closes with sync when the session is refused
    // or sync stopped (another server or account, an untrusted certificate).
    connect(m_push.get(), &PushChannel::pullRequested, m_sync.get(), &SyncEngine::syncNow);
    connect(m_sync.get(), &SyncEngine::storeDamaged, this, &ClientSession::storeDamaged);
    connect(m_sync.get(), &SyncEngine::stateChanged, this, [this](SyncEngine::State state) {
        if (state == SyncEngine::State::SignInNeeded || state == SyncEngine::State::Stopped)
            m_push->stop();
    });
    // A create, edit or submit goes only once its attachments are on the server (docs/design.md §7).
    m_sync->setAttachmentUploader([this](const QString &, const QList<Attachment> &attachments,
                                         std::function<void(const SyncEngine::UploadOutcome &)> done) {
        uploadAttachments(attachments, std::move(done));
    });
    connect(&m_trust, &TlsTrust::trustChanged, this, [this] {
        ServerEndpoint e = m_endpoint;
        e.ssl = m_trust.configuration();
        setEndpoint(e);
    });
    // The address only: the TLS configuration (system CA certificates) is built when the network is
    // first used (startSync, signIn, probe), not before the window shows.
    ServerEndpoint e;
    e.baseUrl = serverUrl();
    setEndpoint(e);
    checkStoreInBackground();
    return true;
}

void ClientSession::checkStoreInBackground()
{
    if (m_check && !m_check->isFinished())
        return; // one at a time
    auto problems = std::make_shared<QStringList>();
    QThread *check = QThread::create(
        [path = m_store.path(), problems] { *problems = LocalStore::integrityProblems(path); });
    m_check = check;
    connect(check, &QThread::finished, check, &QObject::deleteLater);
    connect(check, &QThread::finished, this, [this, problems, generation = m_storeGeneration] {
        if (problems->isEmpty() || !m_sync || generation != m_storeGeneration)
            return;
        m_sync->stopForDamage(
            tr("The local store of this profile is damaged (%1). Sync has stopped so that nothing more is "
               "written into the damaged file. Choose “Rebuild from server” where the sync status is "
               "shown: the damaged file is kept aside, the work not yet sent is copied from it into a new "
               "local store, and everything else is fetched again from the server.")
                .arg(problems->mid(0, 2).join(u"; "_s)));
    });
    check->start(QThread::LowPriority);
}

QUrl ClientSession::serverUrl()
{
    return QUrl(m_store.syncValue(kServerUrlKey));
}

QString ClientSession::login()
{
    return m_store.syncValue(kLoginKey);
}

QUrl ClientSession::normalizeServerUrl(const QString &typed)
{
    QString text = typed.trimmed();
    if (text.isEmpty())
        return {};
    if (!text.contains(u"://"_s))
        text = u"https://"_s + text;
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != "https"_L1 || url.host().isEmpty())
        return {};
    QUrl origin;
    origin.setScheme(u"https"_s);
    origin.setHost(url.host());
    origin.setPort(url.port(443));
    return origin;
}

ServerEndpoint ClientSession::endpointFor(const QUrl &server) const
{
    ServerEndpoint e;
    e.baseUrl = server;
    e.ssl = m_trust.configuration();
    e.token = m_endpoint.token;
    return e;
}

CredentialKey ClientSession::credentialKey(const QUrl &server, const QString &login) const
{
    return CredentialKey{QDir(m_profile).dirName(), server.toString(), login};
}

void ClientSession::probeAsync(const QUrl &server, QObject *context,
                               std::function<void(const TrustVerdict &)> done)
{
    m_trust.probeAsync(server, context, std::move(done));
}

TrustVerdict ClientSession::probe(const QUrl &server)
{
    return m_trust.probe(server);
}

bool ClientSession::trustCertificate(const QUrl &server, const QSslCertificate &certificate, QString *error)
{
    m_trust.pin(server, certificate);
    return TlsTrust::save(m_profile, m_trust.settings(), error);
}

void ClientSession::signIn(const QUrl &server, const QString &login, const QString &password)
{
    ServerEndpoint e = endpointFor(server);
    e.token.clear();
    QNetworkRequest request = e.request(u"/api/v1/session"_s);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QByteArray body = QJsonDocument(QJsonObject{{"login"_L1, login}, {"password"_L1, password}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, server, login] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        const QString requestId = QString::fromLatin1(reply->rawHeader("X-Request-Id"));
        if (status != 200) {
            QString message;
            if (status == 0)
                message = tr("The server can't be reached: %1").arg(reply->errorString());
            else if (status == 401)
                message = tr("The user name or the password is wrong.");
            else if (status == 429)
                message = tr("Too many failed attempts: wait %n second(s) and try again.", nullptr,
                             reply->rawHeader("Retry-After").toInt());
            else
                message = Problem::fromAnswer(status, body).text();
            message += Problem::requestIdSuffix(requestId);
            emit signInFinished(false, message);
            return;
        }
        const QByteArray token = answer.value("token"_L1).toString().toLatin1();
        const QString serverId = answer.value("server_id"_L1).toString();
        const QString personId = answer.value("person"_L1).toObject().value("id"_L1).toString();
        QString error;
        if (token.isEmpty() || !m_sync->bindIdentity(serverId, personId, &error)) {
            emit signInFinished(
                false, error.isEmpty() ? tr("The server's answer is not one of a Baosong server.") : error);
            return;
        }
        if (!m_store.setSyncValue(kServerUrlKey, server.toString()) ||
            !m_store.setSyncValue(kLoginKey, login)) {
            emit signInFinished(false, m_store.lastError());
            return;
        }
        ServerEndpoint e = endpointFor(server);
        e.token = token;
        setEndpoint(e);
        startSync();
        // Signed in once the token is kept (the keychain answers later): the notice says where.
        m_credentials.storeToken(credentialKey(server, login), token, [this](Credentials::Storage) {
            emit signInFinished(true, m_credentials.notice());
        });
    });
}

void ClientSession::resume(std::function<void(bool)> done)
{
    const QUrl server = serverUrl();
    const QString who = login();
    if (server.isEmpty() || who.isEmpty()) {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(false); });
        return;
    }
    m_credentials.loadToken(credentialKey(server, who),
                            [this, server, done = std::move(done)](const QByteArray &token) {
                                if (token.isEmpty()) {
                                    done(false);
                                    return;
                                }
                                ServerEndpoint e = endpointFor(server);
                                e.token = token;
                                setEndpoint(e);
                                startSync();
                                done(true);
                            });
}

void ClientSession::setEndpoint(const ServerEndpoint &endpoint)
{
    m_endpoint = endpoint;
    m_sync->setEndpoint(m_endpoint);
    m_transfers->setEndpoint(m_endpoint);
    m_push->setEndpoint(m_endpoint);
}

void ClientSession::uploadAttachments(const QList<Attachment> &attachments,
                                      std::function<void(const SyncEngine::UploadOutcome &)> done)
{
    // Blobs not on this computer came from the server (another revision, a reviewer's copy): the
    // server has them. The others are uploaded (a blob the server has already completes at once),
    // all of them even when one fails, so that each is on the server as soon as it can be.
    struct Batch
    {
        int pending = 0;
        SyncEngine::UploadOutcome outcome;
        std::function<void(const SyncEngine::UploadOutcome &)> done;
    };
    auto batch = std::make_shared<Batch>();
    batch->done = std::move(done);
    QSet<QByteArray> seen;
    QList<Transfer *> started;
    for (const Attachment &a : attachments) {
        if (seen.contains(a.sha256) || !m_blobs.contains(a.sha256))
            continue;
        seen.insert(a.sha256);
        Transfer *t = m_transfers->upload(a.sha256, a.fileName);
        if (!t)
            continue;
        started.append(t);
    }
    if (started.isEmpty()) {
        batch->done({});
        return;
    }
    batch->pending = int(started.size());
    // The outcome the action follows when several files fail: the session first (401), then no
    // answer (offline), then a file refused for good (413), then the longest wait asked for.
    auto rank = [](const SyncEngine::UploadOutcome &o) {
        return o.ok ? 0 : o.status == 401 ? 4 : o.networkFailure ? 3 : o.status == 413 ? 2 : 1;
    };
    auto failedWith = [batch, rank](Transfer *t) {
        SyncEngine::UploadOutcome o;
        o.ok = false;
        o.error = t->errorString();
        o.status = t->httpStatus();
        o.networkFailure = t->error() == Transfer::Error::Network;
        o.retryAfterSeconds = t->retryAfterSeconds();
        o.requestId = t->requestId();
        SyncEngine::UploadOutcome &kept = batch->outcome;
        const int wait = std::max(kept.retryAfterSeconds, o.retryAfterSeconds);
        if (rank(o) > rank(kept))
            kept = o;
        kept.retryAfterSeconds = wait;
    };
    auto settle = [this, batch](Transfer *t) {
        t->disconnect(this);
        if (--batch->pending == 0)
            batch->done(batch->outcome);
    };
    for (Transfer *t : std::as_const(started)) {
        const QByteArray sha = t->sha256();
        if (t->state() == Transfer::State::Done) {
            emit uploadFinished(sha);
            settle(t);
            continue;
        }
        if (t->state() == Transfer::State::Failed || t->state() == Transfer::State::Cancelled) {
            emit uploadFailed(sha, t->errorString());
            failedWith(t);
            settle(t);
            continue;
        }
        connect(t, &Transfer::progress, this,
                [this, sha](qint64 d, qint64 total) { emit uploadProgress(sha, d, total); });
        connect(t, &Transfer::finished, this, [this, t, sha, settle] {
            emit uploadFinished(sha);
            settle(t);
        });
        connect(t, &Transfer::failed, this,
                [this, t, sha, settle, failedWith](const QString &message, const QByteArray &) {
                    emit uploadFailed(sha, message);
                    failedWith(t);
                    settle(t);
                });
        if (t->state() == Transfer::State::Paused)
            t->resume();
    }
}

void ClientSession::setKeepTokenInFile(bool inFile)
{
    m_credentials.setFallback(inFile ? Credentials::Fallback::UserFile : Credentials::Fallback::MemoryOnly);
    const CredentialKey key = credentialKey(serverUrl(), login());
    if (m_endpoint.token.isEmpty() || key.account.isEmpty())
        return;
    const QByteArray token = m_endpoint.token;
    if (inFile) {
        m_credentials.storeToken(key, token);
        return;
    }
    // From the file (and the keychain), then kept again where it now belongs (the keychain, or memory).
    m_credentials.removeToken(key, [this, key, token](bool) { m_credentials.storeToken(key, token); });
}

void ClientSession::startSync()
{
    ServerEndpoint e = m_endpoint;
    e.ssl = m_trust.configuration();
    setEndpoint(e);
    m_sync->retryNow(); // a new session clears a stop of the old one
    m_sync->start(m_syncInterval);
    if (m_pushEnabled)
        m_push->start();
}

ClientSession::RebuildResult ClientSession::rebuildFromServer()
{
    RebuildResult result;
    // What the store says of its server and person while it still can (the salvage reads it again).
    QHash<QString, QString> identity;
    for (const QString &key : {u"server_id"_s, u"person_id"_s, kServerUrlKey, kLoginKey})
        identity.insert(key, m_store.syncValue(key));

    m_sync->detachStore();
    m_push->stop();
    if (m_check)
        m_check->wait(); // it reads the file
    ++m_storeGeneration;
    QString error;
    const QString aside = m_store.moveAside(&error);
    if (aside.isEmpty()) {
        // Nothing moved: the store is opened again as it was (sync stays stopped).
        m_store.open();
        result.message = error;
        return result;
    }
    result.damagedCopy = aside;
    LocalStore::Salvage salvage = LocalStore::salvage(aside);
    for (auto it = identity.cbegin(); it != identity.cend(); ++it) {
        if (!it.value().isEmpty() && salvage.identity.value(it.key()).isEmpty())
            salvage.identity.insert(it.key(), it.value());
    }
    const LocalStore::OpenResult opened = m_store.open();
    if (!opened.ok()) {
        result.message = opened.message;
        return result;
    }
    if (!m_store.restoreSalvage(salvage)) {
        result.message = tr("The unsent work could not be copied into the new local store: %1. The damaged "
                            "copy was kept as “%2”.")
                             .arg(m_store.lastError(), QDir::toNativeSeparators(aside));
        return result;
    }
    result.ok = true;
    result.actionsSalvaged = int(salvage.outbox.size());
    result.itemsSalvaged = int(salvage.items.size());
    result.unreadable = salvage.unreadableActions + salvage.unreadableItems;
    result.message = tr("A new local store was made. The damaged one was kept as “%1”. %n queued action(s) "
                        "were copied from it and will be sent as usual; everything else is fetched again "
                        "from the server.",
                        nullptr, result.actionsSalvaged)
                         .arg(QDir::toNativeSeparators(aside));
    if (!salvage.opened) {
        result.message += u' ' + tr("The damaged file could not be read at all (%1): nothing could be "
                                    "copied from it. Keep it and ask the information centre for help.")
                                     .arg(salvage.error);
    } else if (result.unreadable > 0) {
        result.message += u' ' + tr("%n record(s) of unsent work could not be read from the damaged file; "
                                    "keep it and ask the information centre for help.",
                                    nullptr, result.unreadable);
    }
    qCWarning(lcApp) << "local store rebuilt; damaged copy" << aside << "actions" << result.actionsSalvaged
                     << "items" << result.itemsSalvaged << "unreadable" << result.unreadable;
    m_sync->storeRebuilt();
    emit storeRebuilt();
    if (isSignedIn())
        startSync();
    return result;
}

void ClientSession::setPushEnabled(bool enabled)
{
    m_pushEnabled = enabled;
    if (!enabled)
        m_push->stop();
    else if (isSignedIn())
        m_push->start();
}

void ClientSession::signOut()
{
    const QUrl server = serverUrl();
    if (!m_endpoint.token.isEmpty()) {
        QNetworkReply *reply = m_network->deleteResource(m_endpoint.request(u"/api/v1/session"_s));
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    m_credentials.removeToken(credentialKey(server, login()));
    ServerEndpoint e = m_endpoint;
    e.token.clear();
    m_sync->stop();
    m_push->stop();
    setEndpoint(e);
    emit signedOut();
}

Checks ClientSession::checks()
{
    const std::optional<ContentRules> stored = m_store.wordLists();
    const qint64 version = stored ? stored->version : 0; // 0: the shipped lists
    if (!m_checks || m_checksVersion != version) {
        m_checks = stored.value_or(ContentRules::builtin()).checks();
        m_checksVersion = version;
    }
    return *m_checks;
}

} // namespace baosong
