#pragma once

// Test support: a real baosong-server (store, accounts, API, HTTPS layer) started in-process on
// 127.0.0.1 with a certificate made for the test, on SQLite or on the PostgreSQL cluster that
// scripts/test.sh starts (BAOSONG_TEST_PG), and a client that speaks HTTPS to it and trusts only
// that certificate.

#include "Accounts.h"
#include "Api.h"
#include "Certificate.h"
#include "HttpServer.h"
#include "Metrics.h"
#include "Organization.h"
#include "RouteEngine.h"
#include "ServerStore.h"

#include <QAtomicInteger>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTimer>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace baosong::test {

using namespace Qt::StringLiterals;

// The backends every server test runs on. PostgreSQL is not optional: without BAOSONG_TEST_PG the
// PostgreSQL cases fail and say how to get the cluster.
inline QStringList serverBackends()
{
    return {u"sqlite"_s, u"postgres"_s};
}

// Parses "host=... port=... dbname=... user=... password=..." into `config`.
inline bool postgresConfig(server::StoreConfig *config, QString *error)
{
    const QString spec = qEnvironmentVariable("BAOSONG_TEST_PG");
    if (spec.isEmpty()) {
        *error = u"BAOSONG_TEST_PG is not set: run the tests through scripts/test.sh, which starts the "
                 u"throwaway PostgreSQL cluster (scripts/pg-test-cluster.sh) and sets it"_s;
        return false;
    }
    config->driver = u"QPSQL"_s;
    for (const QString &part : spec.split(u' ', Qt::SkipEmptyParts)) {
        const QString key = part.section(u'=', 0, 0);
        const QString value = part.section(u'=', 1);
        if (key == "host"_L1)
            config->host = value;
        else if (key == "port"_L1)
            config->port = value.toInt();
        else if (key == "dbname"_L1)
            config->database = value;
        else if (key == "user"_L1)
            config->user = value;
        else if (key == "password"_L1)
            config->password = value;
    }
    return true;
}

// Opens a connection of its own to the database of `config`, runs `work` on it and closes it again.
// `work` returns an error message (empty when it went well). False with *error set on failure.
inline bool withPostgres(const server::StoreConfig &config, const std::function<QString(QSqlQuery &)> &work,
                         QString *error)
{
    static QAtomicInteger<int> counter;
    const QString name = u"baosong-test-admin-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.database);
        db.setUserName(config.user);
        db.setPassword(config.password);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            *error = work(q);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return error->isEmpty();
}

// Runs `statements` in order on a connection of its own; stops at the first that fails.
inline bool runOnPostgres(const server::StoreConfig &config, const QStringList &statements, QString *error)
{
    return withPostgres(
        config,
        [&](QSqlQuery &q) {
            for (const QString &sql : statements) {
                if (!q.exec(sql))
                    return q.lastError().text();
            }
            return QString();
        },
        error);
}

// Empties the PostgreSQL test database so each test case starts clean.
inline bool resetPostgres(const server::StoreConfig &config, QString *error)
{
    return runOnPostgres(config, {u"DROP SCHEMA public CASCADE"_s, u"CREATE SCHEMA public"_s}, error);
}

// Points BAOSONG_TEST_PG at a database of its own, `name`, next to the shared test database (made when
// missing), so that other test programs emptying the shared one at the same time can't disturb this
// one. Nothing to do without BAOSONG_TEST_PG (the PostgreSQL cases then fail and say why).
inline bool usePostgresDatabaseOfOwn(const QString &name, QString *error)
{
    const QString spec = qEnvironmentVariable("BAOSONG_TEST_PG");
    if (spec.isEmpty())
        return true;
    server::StoreConfig config;
    if (!postgresConfig(&config, error))
        return false;
    const bool made = withPostgres(
        config,
        [&](QSqlQuery &q) {
            if (!q.exec(u"SELECT 1 FROM pg_database WHERE datname = '%1'"_s.arg(name)))
                return q.lastError().text();
            if (!q.next() && !q.exec(u"CREATE DATABASE %1"_s.arg(name)))
                return q.lastError().text();
            return QString();
        },
        error);
    if (!made)
        return false;
    QString changed;
    for (const QString &part : spec.split(u' ', Qt::SkipEmptyParts))
        changed += (part.startsWith("dbname="_L1) ? u"dbname="_s + name : part) + u' ';
    qputenv("BAOSONG_TEST_PG", changed.trimmed().toUtf8());
    return true;
}

// Two correspondents of the organization, of different units: {first, second}; empty when there are none.
inline QPair<QString, QString> correspondentsOfTwoUnits(const Organization &org)
{
    QString first, second;
    for (const Person &p : org.people) {
        if (!p.holds(Role::Correspondent, p.unitId))
            continue;
        if (first.isEmpty())
            first = p.id;
        else if (second.isEmpty() && p.unitId != org.person(first)->unitId)
            second = p.id;
    }
    return {first, second};
}

struct HttpResult
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
    QByteArray requestId;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// Waits for `reply` (in a local event loop: tests only) and reads its answer; deletes the reply.
inline HttpResult waitForReply(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.body = QJsonDocument::fromJson(r.raw).object();
    r.requestId = reply->rawHeader("X-Request-Id");
    r.error = reply->error();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

// A fault of the server itself, for a request a test picks (ServerHarness::setFault): it answers
// something else than the API would, or holds its answer back — a server that accepted the request and
// never answers — until releaseHeld() or the harness stops. Held requests block a worker thread of the
// server (it has four).
struct ServerFault
{
    enum class Kind
    {
        Answer,             // answer `response` without handling the request
        HoldBeforeHandling, // never handle it; its answer (a 503) is held back
        HoldAfterHandling,  // handle it (the store changes), then hold the answer back
    };
    Kind kind = Kind::Answer;
    http::Response response;

    static ServerFault answer(int status, const QJsonObject &problem,
                              const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        ServerFault f;
        f.response = http::Response::json(status, problem);
        f.response.contentType = "application/problem+json";
        f.response.headers = headers;
        return f;
    }
    static ServerFault hold(Kind kind)
    {
        ServerFault f;
        f.kind = kind;
        return f;
    }
};

class ServerHarness
{
public:
    // Decides, on a worker thread of the server, the fault for each request (none: the API answers).
    // The rule must be thread-safe (several requests are handled at once).
    using FaultRule = std::function<std::optional<ServerFault>(const http::Request &request)>;
    // Starts a server on `backend` ("sqlite" or "postgres"); check ok() and error().
    // `blobs`: attachments; without a folder they go into "blobs" in the harness's folder.
    explicit ServerHarness(const QString &backend, server::Accounts::Policy policy = fastPolicy(),
                           server::BlobConfig blobs = {})
        : m_policy(policy)
        , m_blobs(std::move(blobs))
    {
        if (!m_dir.isValid()) {
            m_error = u"no temporary folder"_s;
            return;
        }
        m_certificate = m_dir.filePath(u"server.crt"_s);
        m_key = m_dir.filePath(u"server.key"_s);
        if (!http::Certificate::generateSelfSigned(m_certificate, m_key, {u"localhost"_s}, {u"127.0.0.1"_s},
                                                   30, &m_error))
            return;
        if (backend == "postgres"_L1) {
            if (!postgresConfig(&m_storeConfig, &m_error) || !resetPostgres(m_storeConfig, &m_error))
                return;
        } else {
            m_storeConfig.sqlitePath = m_dir.filePath(u"server.sqlite"_s);
        }
        // Every test server keeps a keyed audit checkpoint, as a configured one does.
        m_storeConfig.auditKeyFile = m_dir.filePath(u"audit.key"_s);
        if (m_blobs.folder.isEmpty())
            m_blobs.folder = m_dir.filePath(u"blobs"_s);
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(m_certificate));
        m_ssl = ssl;
        m_ok = startServer();
    }

    // Stops the server and drops the store (as a killed process would lose them), then starts a new
    // one on the same database and blob folder, on a new port.
    bool restart()
    {
        releaseHeld();
        m_server->stop();
        m_server.reset();
        m_api.reset();
        m_accounts.reset();
        m_store.reset();
        m_ok = startServer();
        return m_ok;
    }

    // Stops the server, puts the SQLite store back from `backupPath` (a snapshot of
    // ServerStore::backup) as an administrator restoring a backup would, and starts it again on a new
    // port. `renewEpoch`: also run what `baosong-server restored` runs (needed for copies that are
    // not backup()'s snapshots).
    bool restoreFrom(const QString &backupPath, bool renewEpoch = false)
    {
        if (m_storeConfig.isPostgres()) {
            m_error = u"restoreFrom: SQLite only"_s;
            return false;
        }
        m_server->stop();
        m_server.reset();
        m_api.reset();
        m_accounts.reset();
        m_store.reset();
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(m_storeConfig.sqlitePath + suffix);
        if (!QFile::copy(backupPath, m_storeConfig.sqlitePath)) {
            m_error = u"restoreFrom: cannot copy the backup"_s;
            return false;
        }
        QFile(m_storeConfig.sqlitePath).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        m_ok = startServer();
        if (m_ok && renewEpoch)
            m_ok = m_store->renewEpoch();
        return m_ok;
    }

    ~ServerHarness()
    {
        releaseHeld();
        if (m_server)
            m_server->stop();
    }

    static server::Accounts::Policy fastPolicy()
    {
        server::Accounts::Policy p;
        p.slowAfterFailures = 3;
        p.slowSeconds = 1;
        p.lockAfterFailures = 5;
        p.lockMinutes = 1;
        return p;
    }

    void setFault(FaultRule rule)
    {
        std::lock_guard lock(m_faults->mutex);
        m_faults->rule = std::move(rule);
        m_faults->released = false;
    }
    void clearFault() { setFault({}); }
    // Lets the held answers go (to connections the clients have closed by then, as a rule).
    void releaseHeld()
    {
        std::lock_guard lock(m_faults->mutex);
        m_faults->released = true;
        m_faults->rule = {};
        m_faults->wake.notify_all();
    }
    // Requests held back so far.
    int heldCount() const
    {
        std::lock_guard lock(m_faults->mutex);
        return m_faults->held;
    }

    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    server::ServerStore &store() { return *m_store; }
    server::Accounts &accounts() { return *m_accounts; }
    server::Api &api() { return *m_api; }
    http::HttpsServer &httpServer() { return *m_server; }
    quint16 port() const { return m_server->port(); }
    QString folder() const { return m_dir.path(); }
    const server::StoreConfig &storeConfig() const { return m_storeConfig; }
    // Runs `statements` on a connection of the test's own to this server's database, as someone with
    // database access (not through the server) would: the error of the first that fails, else empty.
    QString runOnStore(const QStringList &statements) const
    {
        QString error;
        if (m_storeConfig.isPostgres())
            return runOnPostgres(m_storeConfig, statements, &error) ? QString() : error;
        static QAtomicInteger<int> counter;
        const QString name = u"baosong-test-sqlite-%1"_s.arg(counter.fetchAndAddRelaxed(1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_storeConfig.sqlitePath);
            if (!db.open())
                error = db.lastError().text();
            QSqlQuery q(db);
            for (const QString &sql : statements) {
                if (error.isEmpty() && !q.exec(sql))
                    error = q.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return error;
    }
    const server::BlobConfig &blobs() const { return m_blobs; }
    QString certificatePath() const { return m_certificate; }
    QString keyPath() const { return m_key; }
    // The TLS configuration that trusts only this server's certificate.
    const QSslConfiguration &sslConfiguration() const { return m_ssl; }

    // Imports the organization and gives every person the password "<id>-password-1".
    bool importOrganization(const Organization &org, QString *error)
    {
        if (!m_store->saveOrganizationInfo(org))
            return fail(error);
        for (const Unit &u : org.units) {
            if (!m_store->saveUnit(u))
                return fail(error);
        }
        for (const Column &c : org.columns) {
            if (!m_store->saveColumn(c))
                return fail(error);
        }
        for (const Person &p : org.people) {
            if (!m_store->savePerson(p))
                return fail(error);
            if (!m_accounts->setPassword(u"test"_s, p.id, password(p.id), QDateTime::currentDateTimeUtc(),
                                         error))
                return false;
        }
        return true;
    }

    static QString password(const QString &id) { return id + u"-password-1"_s; }

    HttpResult request(const QByteArray &method, const QString &path, const QByteArray &token = {},
                       const QJsonObject &body = {}, bool sendBody = false)
    {
        QNetworkRequest req(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port()).arg(path)));
        req.setSslConfiguration(m_ssl);
        req.setTransferTimeout(20000);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        QByteArray payload;
        if (sendBody || !body.isEmpty()) {
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
            req.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        }
        return waitForReply(m_nam.sendCustomRequest(req, method, payload));
    }

    // A request with any body and headers (uploads, ranges).
    HttpResult raw(const QByteArray &method, const QString &path, const QByteArray &token,
                   const QByteArray &payload, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest req(QUrl(u"https://127.0.0.1:%1%2"_s.arg(port()).arg(path)));
        req.setSslConfiguration(m_ssl);
        req.setTransferTimeout(20000);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        for (const auto &[name, value] : headers)
            req.setRawHeader(name, value);
        return waitForReply(m_nam.sendCustomRequest(req, method, payload));
    }

    HttpResult get(const QString &path, const QByteArray &token) { return request("GET", path, token); }
    HttpResult post(const QString &path, const QByteArray &token, const QJsonObject &body)
    {
        return request("POST", path, token, body, true);
    }

    // Signs in `id` with the imported password; empty on failure.
    QByteArray login(const QString &id)
    {
        const HttpResult r =
            post(u"/api/v1/session"_s, {}, QJsonObject{{"login"_L1, id}, {"password"_L1, password(id)}});
        return r.status == 200 ? r.body.value("token"_L1).toString().toLatin1() : QByteArray();
    }

private:
    bool startServer()
    {
        m_store = std::make_unique<server::ServerStore>(m_storeConfig);
        if (!m_store->open(&m_error))
            return false;
        m_accounts = std::make_unique<server::Accounts>(*m_store, m_policy);
        m_api = std::make_unique<server::Api>(*m_store, *m_accounts, RouteEngine::builtin(), m_blobs);
        http::ServerConfig httpConfig;
        httpConfig.certificateFile = m_certificate;
        httpConfig.keyFile = m_key;
        httpConfig.limits.bodyLimitFor = [blobs = m_blobs](const QByteArray &method, const QByteArray &path) {
            return server::UploadApi::bodyLimitFor(blobs, method, path);
        };
        // As the real server: every answer counted for GET /metrics.
        m_api->setMetrics(&m_metrics);
        httpConfig.observer = [metrics = &m_metrics](QByteArrayView method, QByteArrayView path, int status,
                                                     double seconds) {
            metrics->recordRequest(method, path, status, seconds);
        };
        m_server = std::make_unique<http::HttpsServer>(
            httpConfig, [api = m_api.get(), faults = m_faults](const http::Request &r) {
                std::optional<ServerFault> fault;
                {
                    std::lock_guard lock(faults->mutex);
                    if (faults->rule)
                        fault = faults->rule(r);
                }
                if (!fault)
                    return api->handle(r);
                if (fault->kind == ServerFault::Kind::Answer)
                    return fault->response;
                http::Response response =
                    fault->kind == ServerFault::Kind::HoldAfterHandling
                        ? api->handle(r)
                        : http::Response::problem(503, u"Held"_s, u"held by the test"_s, r.requestId);
                std::unique_lock lock(faults->mutex);
                ++faults->held;
                faults->wake.wait(lock, [&] { return faults->released; });
                return response;
            });
        // As the real server: applied actions tell the notice channels to pull.
        m_api->setChangeListener(
            [server = m_server.get()](bool) { server->broadcast(server::Api::changedNotice()); });
        return m_server->start(&m_error);
    }

    bool fail(QString *error)
    {
        *error = m_store->lastError();
        return false;
    }

    QTemporaryDir m_dir;
    QString m_certificate;
    QString m_key;
    server::StoreConfig m_storeConfig;
    server::Accounts::Policy m_policy;
    server::BlobConfig m_blobs;
    QString m_error;
    bool m_ok = false;
    std::unique_ptr<server::ServerStore> m_store;
    std::unique_ptr<server::Accounts> m_accounts;
    server::Metrics m_metrics;
    std::unique_ptr<server::Api> m_api;
    std::unique_ptr<http::HttpsServer> m_server;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_nam;
    struct Faults
    {
        mutable std::mutex mutex;
        std::condition_variable wake;
        FaultRule rule;
        bool released = false;
        int held = 0;
    };
    std::shared_ptr<Faults> m_faults = std::make_shared<Faults>();
};

} // namespace baosong::test
