// The client's certificate trust (client/TlsTrust, docs/design.md §8) against real HTTPS servers on
// 127.0.0.1: the first contact with a self-signed server reports it unknown with its fingerprint
// and sends nothing; once pinned, requests succeed; another certificate at the same address is
// "certificate changed" and the request fails (nothing is ever ignored); trust changes clear the
// managers' connections; a bureau CA file makes a CA-signed server trusted without confirmation, and
// the wrong one refuses it; host names are still checked for a pinned certificate; the pin is saved
// 0600 and a tampered file is refused. SQLite only: no PostgreSQL is needed here.

#include "Certificate.h"
#include "HttpServer.h"
#include "ServerEndpoint.h"
#include "ServerHarness.h"
#include "TlsTrust.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace baosong;

namespace {

// A minimal HTTPS server (the real HTTP layer) answering GET /api/v1/health, counting the requests
// that reached it and keeping the Authorization headers it saw.
struct PlainServer
{
    std::atomic<int> requests{0};
    QMutex mutex;
    QList<QByteArray> authorizations;
    std::unique_ptr<http::HttpsServer> server;

    bool start(const QString &cert, const QString &key, quint16 port, QString *error)
    {
        http::ServerConfig config;
        config.certificateFile = cert;
        config.keyFile = key;
        config.port = port;
        server = std::make_unique<http::HttpsServer>(config, [this](const http::Request &r) {
            ++requests;
            {
                QMutexLocker locker(&mutex);
                authorizations.append(r.header("Authorization"));
            }
            return http::Response::json(200, QJsonObject{{"status"_L1, "ok"_L1}});
        });
        return server->start(error);
    }
    void stop()
    {
        if (server)
            server->stop();
        server.reset();
    }
    quint16 port() const { return server->port(); }
    QUrl url() const { return QUrl(u"https://127.0.0.1:%1"_s.arg(port())); }
};

struct Result
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<TrustVerdict> failures; // trustFailure() during the request
};

// GET /api/v1/health through `nam` as ServerEndpoint builds it (token, TLS configuration).
Result health(QNetworkAccessManager *nam, TlsTrust &trust, const QUrl &base, const QByteArray &token = {})
{
    ServerEndpoint endpoint;
    endpoint.baseUrl = base;
    endpoint.token = token;
    endpoint.ssl = trust.configuration();
    endpoint.timeoutMs = 20000;
    Result result;
    QObject context;
    QObject::connect(&trust, &TlsTrust::trustFailure, &context,
                     [&](const TrustVerdict &v) { result.failures.append(v); });
    QNetworkReply *reply = nam->get(endpoint.request(u"/api/v1/health"_s));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    reply->deleteLater();
    return result;
}

QByteArray fileFingerprint(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QSslCertificate cert(file.readAll(), QSsl::Pem);
    return QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256).toHex(':').toUpper();
}

QSslCertificate certificateAt(const QString &path)
{
    return TlsTrust::certificatesFromFile(path).value(0);
}

bool runOpenssl(const QStringList &args, const QString &folder, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(folder);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(u"openssl"_s, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"openssl %1: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

// A CA ("<name>-ca.crt/.key") in `folder`.
bool makeCa(const QString &folder, const QString &name, QString *error)
{
    return runOpenssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                       u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-keyout"_s, name + u"-ca.key"_s,
                       u"-out"_s, name + u"-ca.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                       u"/CN=%1 Bureau CA"_s.arg(name), u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                       u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s},
                      folder, error);
}

// A server certificate for localhost/127.0.0.1 ("leaf.crt/.key") signed by the CA `ca`.
bool makeLeaf(const QString &folder, const QString &ca, QString *error)
{
    QFile ext(folder + u"/leaf.ext"_s);
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
              "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
    ext.close();
    return runOpenssl({u"req"_s, u"-new"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                       u"ec_paramgen_curve:P-256"_s, u"-nodes"_s, u"-keyout"_s, u"leaf.key"_s, u"-out"_s,
                       u"leaf.csr"_s, u"-subj"_s, u"/CN=localhost"_s},
                      folder, error) &&
           runOpenssl({u"x509"_s, u"-req"_s, u"-in"_s, u"leaf.csr"_s, u"-CA"_s, ca + u"-ca.crt"_s,
                       u"-CAkey"_s, ca + u"-ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"leaf.crt"_s,
                       u"-days"_s, u"2"_s, u"-extfile"_s, u"leaf.ext"_s},
                      folder, error);
}

} // namespace

class TstServerTlsTrust : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(QSslSocket::supportsSsl()); }

    void fingerprintFormats()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(http::Certificate::generateSelfSigned(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s),
                                                       {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error),
                 qPrintable(error));
        const QSslCertificate cert = certificateAt(dir.filePath(u"a.crt"_s));
        const QByteArray fp = TlsTrust::fingerprint(cert);
        QCOMPARE(fp, http::Certificate::sha256Fingerprint(dir.filePath(u"a.crt"_s), &error));
        QCOMPARE(fp.size(), 32 * 3 - 1);
        const QString readable = TlsTrust::readableFingerprint(fp);
        const QStringList lines = readable.split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).split(u"  "_s).size(), 4);
        QCOMPARE(QString(readable).remove(u'\n').remove(u' ').remove(u':'),
                 QString::fromLatin1(fp).remove(u':'));
        // DER files are read too.
        QFile der(dir.filePath(u"a.der"_s));
        QVERIFY(der.open(QIODevice::WriteOnly));
        der.write(cert.toDer());
        der.close();
        QCOMPARE(certificateAt(der.fileName()), cert);

        const TlsTrust trust;
        QCOMPARE(trust.configuration().protocol(), QSsl::TlsV1_2OrLater);
        QCOMPARE(trust.configuration().peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(!trust.configuration().caCertificates().contains(cert));
    }

    void firstContactThenPinned()
    {
        test::ServerHarness harness(u"sqlite"_s);
        QVERIFY2(harness.ok(), qPrintable(harness.error()));
        const QUrl url(u"https://127.0.0.1:%1"_s.arg(harness.port()));
        TlsTrust trust;
        DefaultNetworkAccessFactory factory(&trust);
        QNetworkAccessManager *nam = factory.create(&factory);

        // First contact: unknown, with the certificate file's own SHA-256.
        const TrustVerdict first = trust.probe(url);
        QCOMPARE(first.status, TrustStatus::Unknown);
        QCOMPARE(first.fingerprint, fileFingerprint(harness.certificatePath()));
        QCOMPARE(first.certificate, certificateAt(harness.certificatePath()));
        QVERIFY(first.message.contains(TlsTrust::readableFingerprint(first.fingerprint)));
        QVERIFY(first.stopsSync());

        // Before the user confirms, requests fail and say why.
        const Result refused = health(nam, trust, url);
        QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.failures.size(), 1);
        QCOMPARE(refused.failures.first().status, TrustStatus::Unknown);
        QCOMPARE(refused.failures.first().fingerprint, first.fingerprint);

        // Confirmed and pinned: the API answers.
        trust.pin(url, first.certificate);
        const Result ok = health(nam, trust, url);
        QCOMPARE(ok.error, QNetworkReply::NoError);
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.failures.isEmpty());
        QCOMPARE(trust.probe(url).status, TrustStatus::Trusted);

        // Saved (0600) and loaded by a "restarted" client, which trusts it at once.
        QTemporaryDir profile;
        QString error;
        QVERIFY2(TlsTrust::save(profile.path(), trust.settings(), &error), qPrintable(error));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(TlsTrust::settingsPath(profile.path())).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        const std::optional<TrustSettings> loaded = TlsTrust::load(profile.path(), &error);
        QVERIFY2(loaded, qPrintable(error));
        QVERIFY(*loaded == trust.settings());
        TlsTrust restarted(*loaded);
        DefaultNetworkAccessFactory restartedFactory(&restarted);
        QCOMPARE(health(restartedFactory.create(&restartedFactory), restarted, url).status, 200);
    }

    void probeSendsNothing()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s),
                                                      {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error));
        PlainServer server;
        QVERIFY2(server.start(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s), 0, &error),
                 qPrintable(error));
        TlsTrust trust;
        QCOMPARE(trust.probe(server.url()).status, TrustStatus::Unknown);
        trust.pin(server.url(), certificateAt(dir.filePath(u"a.crt"_s)));
        QCOMPARE(trust.probe(server.url()).status, TrustStatus::Trusted);
        // Two handshakes, no request: no token or anything else went over them.
        QCOMPARE(server.requests.load(), 0);
        QCOMPARE(server.server->requestsServed(), 0);

        // Nothing listening: unreachable, with a message.
        const QUrl closed(u"https://127.0.0.1:%1"_s.arg(server.port()));
        server.stop();
        const TrustVerdict none = trust.probe(closed);
        QCOMPARE(none.status, TrustStatus::Unreachable);
        QVERIFY(!none.message.isEmpty());
    }

    void changedCertificateStopsSync()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s),
                                                      {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error));
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"b.crt"_s), dir.filePath(u"b.key"_s),
                                                      {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error));
        PlainServer a;
        QVERIFY2(a.start(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s), 0, &error), qPrintable(error));
        const quint16 port = a.port();
        const QUrl url = a.url();

        TlsTrust trust;
        DefaultNetworkAccessFactory factory(&trust);
        QNetworkAccessManager *nam = factory.create(&factory);
        const TrustVerdict first = trust.probe(url);
        QCOMPARE(first.status, TrustStatus::Unknown);
        trust.pin(url, first.certificate);
        QCOMPARE(health(nam, trust, url, "secret-token").status, 200);
        QCOMPARE(a.requests.load(), 1);
        a.stop();

        // The same address now presents another certificate.
        PlainServer b;
        QVERIFY2(b.start(dir.filePath(u"b.crt"_s), dir.filePath(u"b.key"_s), port, &error),
                 qPrintable(error));
        const Result r = health(nam, trust, url, "secret-token");
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(r.status, 0);
        QCOMPARE(r.failures.size(), 1);
        const TrustVerdict &v = r.failures.first();
        QCOMPARE(v.status, TrustStatus::Changed);
        QVERIFY(v.stopsSync());
        QCOMPARE(v.pinnedFingerprint, fileFingerprint(dir.filePath(u"a.crt"_s)));
        QCOMPARE(v.fingerprint, fileFingerprint(dir.filePath(u"b.crt"_s)));
        QVERIFY(v.message.contains(TlsTrust::readableFingerprint(v.pinnedFingerprint)));
        QVERIFY(v.message.contains(TlsTrust::readableFingerprint(v.fingerprint)));
        // Nothing ignored: the request (and its token) never reached the new server.
        QCOMPARE(b.requests.load(), 0);
        QCOMPARE(b.server->requestsServed(), 0);
        // The probe says the same, and the pin is unchanged until the user decides.
        const TrustVerdict probed = trust.probe(url);
        QCOMPARE(probed.status, TrustStatus::Changed);
        QCOMPARE(probed.fingerprint, v.fingerprint);
        QCOMPARE(trust.settings().pinned.certificate, first.certificate);
    }

    void trustChangeClearsConnections()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s),
                                                      {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error));
        PlainServer server;
        QVERIFY2(server.start(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s), 0, &error),
                 qPrintable(error));
        TlsTrust trust;
        trust.pin(server.url(), certificateAt(dir.filePath(u"a.crt"_s)));
        DefaultNetworkAccessFactory factory(&trust);
        QNetworkAccessManager *nam = factory.create(&factory);
        QNetworkAccessManager unmanaged; // not from the factory: nobody clears its connections
        QCOMPARE(health(nam, trust, server.url()).status, 200);
        QCOMPARE(health(&unmanaged, trust, server.url()).status, 200);

        // The user removes the pin: the factory's manager must handshake again, and fails.
        trust.clearPin();
        const Result after = health(nam, trust, server.url());
        QCOMPARE(after.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(after.failures.size(), 1);
        QCOMPARE(after.failures.first().status, TrustStatus::Unknown);
        // Why: a manager whose cache is not cleared reuses its open connection whatever the request's
        // configuration says (docs/design.md §6), so this one still gets through.
        QCOMPARE(health(&unmanaged, trust, server.url()).status, 200);
        QCOMPARE(server.requests.load(), 3);
    }

    void hostNameStillChecked()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"x.crt"_s), dir.filePath(u"x.key"_s),
                                                      {u"elsewhere.invalid"_s}, {u"192.0.2.7"_s}, 2, &error));
        PlainServer server;
        QVERIFY2(server.start(dir.filePath(u"x.crt"_s), dir.filePath(u"x.key"_s), 0, &error),
                 qPrintable(error));
        TlsTrust trust;
        const TrustVerdict first = trust.probe(server.url());
        QCOMPARE(first.status, TrustStatus::Refused); // pinning would not help: not offered
        QVERIFY(!first.message.isEmpty());
        bool mismatch = false;
        for (const QSslError &e : first.errors)
            mismatch = mismatch || e.error() == QSslError::HostNameMismatch;
        QVERIFY(mismatch);
        // Even pinned, a certificate for another name is refused.
        trust.pin(server.url(), certificateAt(dir.filePath(u"x.crt"_s)));
        DefaultNetworkAccessFactory factory(&trust);
        const Result r = health(factory.create(&factory), trust, server.url());
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(r.failures.size(), 1);
        QCOMPARE(r.failures.first().status, TrustStatus::Refused);
        QCOMPARE(server.requests.load(), 0);
    }

    void bureauCaFile()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY2(makeCa(dir.path(), u"right"_s, &error), qPrintable(error));
        QVERIFY2(makeCa(dir.path(), u"wrong"_s, &error), qPrintable(error));
        QVERIFY2(makeLeaf(dir.path(), u"right"_s, &error), qPrintable(error));
        PlainServer server;
        QVERIFY2(server.start(dir.filePath(u"leaf.crt"_s), dir.filePath(u"leaf.key"_s), 0, &error),
                 qPrintable(error));
        const QUrl url = server.url();

        // A file that holds no certificate is not accepted, and the settings stay as they were.
        QFile junk(dir.filePath(u"junk.pem"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate\n");
        junk.close();
        TlsTrust trust;
        QVERIFY(!trust.setBureauCaFile(junk.fileName(), &error));
        QVERIFY(error.contains(junk.fileName()));
        QVERIFY(trust.settings().bureauCaFile.isEmpty());

        // Without the CA, or with the wrong one: refused, and not offered for pinning (the server
        // sends no self-signed certificate to pin).
        QCOMPARE(trust.probe(url).status, TrustStatus::Refused);
        QVERIFY2(trust.setBureauCaFile(dir.filePath(u"wrong-ca.crt"_s), &error), qPrintable(error));
        const TrustVerdict wrong = trust.probe(url);
        QCOMPARE(wrong.status, TrustStatus::Refused);
        QVERIFY(!wrong.message.isEmpty());
        DefaultNetworkAccessFactory factory(&trust);
        QNetworkAccessManager *nam = factory.create(&factory);
        const Result refused = health(nam, trust, url);
        QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(refused.failures.size(), 1);
        QCOMPARE(refused.failures.first().status, TrustStatus::Refused);
        QCOMPARE(server.requests.load(), 0);

        // The right CA: trusted without any confirmation, nothing pinned.
        QVERIFY2(trust.setBureauCaFile(dir.filePath(u"right-ca.crt"_s), &error), qPrintable(error));
        const TrustVerdict right = trust.probe(url);
        QCOMPARE(right.status, TrustStatus::Trusted);
        QCOMPARE(right.fingerprint, fileFingerprint(dir.filePath(u"leaf.crt"_s)));
        QVERIFY(trust.settings().pinned.isNull());
        const Result ok = health(nam, trust, url);
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.failures.isEmpty());

        // The server also sends its CA: with no bureau file, the CA is what the user may pin.
        server.stop();
        QFile chain(dir.filePath(u"chain.crt"_s));
        QVERIFY(chain.open(QIODevice::WriteOnly));
        QFile leaf(dir.filePath(u"leaf.crt"_s)), ca(dir.filePath(u"right-ca.crt"_s));
        QVERIFY(leaf.open(QIODevice::ReadOnly) && ca.open(QIODevice::ReadOnly));
        chain.write(leaf.readAll() + ca.readAll());
        chain.close();
        PlainServer chained;
        QVERIFY2(chained.start(chain.fileName(), dir.filePath(u"leaf.key"_s), 0, &error), qPrintable(error));
        TlsTrust plain;
        const TrustVerdict offered = plain.probe(chained.url());
        QCOMPARE(offered.status, TrustStatus::Unknown);
        QCOMPARE(offered.certificate, certificateAt(dir.filePath(u"right-ca.crt"_s)));
        plain.pin(chained.url(), offered.certificate);
        DefaultNetworkAccessFactory plainFactory(&plain);
        QCOMPARE(health(plainFactory.create(&plainFactory), plain, chained.url()).status, 200);
    }

    void damagedSettingsAreRefused()
    {
        QTemporaryDir profile;
        QString error;
        const std::optional<TrustSettings> none = TlsTrust::load(profile.path(), &error);
        QVERIFY(none && none->pinned.isNull() && none->bureauCaFile.isEmpty());

        QTemporaryDir dir;
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"a.crt"_s), dir.filePath(u"a.key"_s),
                                                      {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error));
        QVERIFY(http::Certificate::generateSelfSigned(dir.filePath(u"b.crt"_s), dir.filePath(u"b.key"_s),
                                                      {u"localhost"_s}, {u"127.0.0.1"_s}, 2, &error));
        TrustSettings settings;
        settings.pinned = PinnedCertificate{u"127.0.0.1"_s, 8443, certificateAt(dir.filePath(u"a.crt"_s))};
        QVERIFY(TlsTrust::save(profile.path(), settings, &error));

        // Someone swaps the pinned certificate but not its fingerprint.
        QFile file(TlsTrust::settingsPath(profile.path()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject pinned = root.value("pinned"_L1).toObject();
        pinned.insert("certificate"_L1, QString::fromLatin1(certificateAt(dir.filePath(u"b.crt"_s)).toPem()));
        root.insert("pinned"_L1, pinned);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        error.clear();
        QVERIFY(!TlsTrust::load(profile.path(), &error));
        QVERIFY(!error.isEmpty());

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{ not json");
        file.close();
        QVERIFY(!TlsTrust::load(profile.path(), &error));
    }
};

QTEST_GUILESS_MAIN(TstServerTlsTrust)
#include "tst_server_tlstrust.moc"
