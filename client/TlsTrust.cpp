#include "TlsTrust.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSslSocket>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace baosong {

Q_LOGGING_CATEGORY(lcTrust, "baosong.trust", QtInfoMsg)

namespace {

// Errors that only say "nobody this computer trusts vouches for this certificate": the case a pin
// (or the bureau CA file) answers. Anything else (host name, dates, revocation…) is refused.
bool isIssuerProblem(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return true;
    default:
        return false;
    }
}

QString errorList(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &e : errors) {
        if (!texts.contains(e.errorString()))
            texts.append(e.errorString());
    }
    return texts.join(u"; "_s);
}

constexpr int kSettingsVersion = 1;

} // namespace

bool PinnedCertificate::matches(const QUrl &url) const
{
    return !certificate.isNull() && host.compare(url.host(), Qt::CaseInsensitive) == 0 &&
           port == url.port(443);
}

TlsTrust::TlsTrust(QObject *parent)
    : TlsTrust(TrustSettings(), parent)
{}

TlsTrust::TlsTrust(const TrustSettings &settings, QObject *parent)
    : QObject(parent)
{
    m_settings = settings;
    if (!m_settings.bureauCaFile.isEmpty()) {
        QString error;
        m_bureauCas = certificatesFromFile(m_settings.bureauCaFile, &error);
        if (m_bureauCas.isEmpty())
            qCWarning(lcTrust).noquote() << "bureau CA file not used:" << error;
    }
    rebuild();
}

void TlsTrust::setSettings(const TrustSettings &settings)
{
    if (settings == m_settings)
        return;
    m_settings = settings;
    m_bureauCas.clear();
    if (!m_settings.bureauCaFile.isEmpty()) {
        QString error;
        m_bureauCas = certificatesFromFile(m_settings.bureauCaFile, &error);
        if (m_bureauCas.isEmpty())
            qCWarning(lcTrust).noquote() << "bureau CA file not used:" << error;
    }
    rebuild();
    Q_EMIT trustChanged();
}

bool TlsTrust::setBureauCaFile(const QString &path, QString *error)
{
    QList<QSslCertificate> cas;
    if (!path.isEmpty()) {
        cas = certificatesFromFile(path, error);
        if (cas.isEmpty())
            return false;
    }
    m_settings.bureauCaFile = path;
    m_bureauCas = cas;
    qCInfo(lcTrust).noquote() << "bureau CA file:" << (path.isEmpty() ? u"none"_s : path) << "with"
                              << cas.size() << "certificate(s)";
    rebuild();
    Q_EMIT trustChanged();
    return true;
}

void TlsTrust::pin(const QUrl &url, const QSslCertificate &certificate)
{
    m_settings.pinned = PinnedCertificate{url.host(), url.port(443), certificate};
    qCInfo(lcTrust).noquote() << "pinned" << fingerprint(certificate) << "for" << url.host() << url.port(443);
    rebuild();
    Q_EMIT trustChanged();
}

void TlsTrust::clearPin()
{
    if (m_settings.pinned.isNull())
        return;
    m_settings.pinned = PinnedCertificate();
    qCInfo(lcTrust) << "pin removed";
    rebuild();
    Q_EMIT trustChanged();
}

void TlsTrust::rebuild()
{
    m_configurationBuilt = false; // built again when next asked for
}

QSslConfiguration TlsTrust::configuration() const
{
    if (m_configurationBuilt)
        return m_configuration;
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    QList<QSslCertificate> cas = QSslConfiguration::systemCaCertificates();
    cas += m_bureauCas;
    if (!m_settings.pinned.isNull())
        cas.append(m_settings.pinned.certificate);
    c.setCaCertificates(cas);
    m_configuration = c;
    m_configurationBuilt = true;
    return m_configuration;
}

void TlsTrust::probeAsync(const QUrl &url, QObject *context, std::function<void(const TrustVerdict &)> done,
                          int timeoutMs) const
{
    TrustVerdict verdict;
    verdict.host = url.host();
    verdict.port = url.port(443);
    if (url.scheme() != "https"_L1 || url.host().isEmpty()) {
        verdict.status = TrustStatus::Refused;
        verdict.message = tr("The server address must begin with https:// and name a host.");
        QTimer::singleShot(0, context, [done = std::move(done), verdict] { done(verdict); });
        return;
    }

    // One handshake's state; the socket and the timer are its children and go with it.
    struct Probe : QObject
    {
        QSslSocket socket{this};
        QTimer timer{this};
        QList<QSslError> errors;
        QList<QSslCertificate> chain;
        std::function<void(bool encrypted, bool timedOut)> finish; // once; then empty
    };
    auto *probe = new Probe;
    // The probe ends with `context` too (a closed dialog): the connections below have `context` as
    // their receiver, so `done` is then never called.
    connect(context, &QObject::destroyed, probe, &QObject::deleteLater);
    probe->socket.setSslConfiguration(configuration());
    probe->timer.setSingleShot(true);
    probe->finish = [this, probe, url, verdict, timeoutMs, done = std::move(done)](bool encrypted,
                                                                                   bool timedOut) mutable {
        // Nothing was or will be sent over this connection: close it without a goodbye.
        const QString socketError = probe->socket.errorString();
        probe->socket.abort();
        if (encrypted) {
            verdict.status = TrustStatus::Trusted;
            verdict.chain = probe->chain;
            verdict.certificate = probe->chain.value(0);
            verdict.fingerprint = fingerprint(verdict.certificate);
        } else if (!probe->errors.isEmpty()) {
            verdict = classify(url, probe->chain, probe->errors);
        } else {
            verdict.status = TrustStatus::Unreachable;
            verdict.message =
                timedOut ? tr("The server %1 did not complete a secure connection within %2 seconds.")
                               .arg(url.authority())
                               .arg(timeoutMs / 1000.0, 0, 'g', 3)
                         : tr("The server %1 cannot be reached: %2").arg(url.authority(), socketError);
        }
        qCInfo(lcTrust).noquote() << "probe" << url.authority() << int(verdict.status) << verdict.fingerprint;
        probe->deleteLater();
        done(verdict);
    };
    // Whichever comes first ends the probe (abort() above emits more of these: they find it ended).
    const auto end = [probe](bool encrypted, bool timedOut) {
        if (const auto finish = std::exchange(probe->finish, {}))
            finish(encrypted, timedOut);
    };
    // The handshake's errors are recorded and NOT ignored: the socket then fails the handshake itself.
    connect(&probe->socket, &QSslSocket::sslErrors, probe, [probe](const QList<QSslError> &e) {
        probe->errors = e;
        probe->chain = probe->socket.peerCertificateChain();
    });
    connect(&probe->socket, &QSslSocket::encrypted, context, [probe, end] {
        probe->chain = probe->socket.peerCertificateChain();
        end(true, false);
    });
    connect(&probe->socket, &QAbstractSocket::errorOccurred, context,
            [end](QAbstractSocket::SocketError) { end(false, false); });
    connect(&probe->socket, &QAbstractSocket::disconnected, context, [end] { end(false, false); });
    connect(&probe->timer, &QTimer::timeout, context, [end] { end(false, true); });
    probe->timer.start(timeoutMs);
    probe->socket.connectToHostEncrypted(verdict.host, quint16(verdict.port));
}

TrustVerdict TlsTrust::probe(const QUrl &url, int timeoutMs) const
{
    QEventLoop loop;
    TrustVerdict verdict;
    bool done = false;
    probeAsync(
        url, &loop,
        [&](const TrustVerdict &v) {
            verdict = v;
            done = true;
            loop.quit();
        },
        timeoutMs);
    if (!done)
        loop.exec();
    return verdict;
}

TrustVerdict TlsTrust::classify(const QUrl &url, const QList<QSslCertificate> &chain,
                                const QList<QSslError> &errors) const
{
    TrustVerdict v;
    v.host = url.host();
    v.port = url.port(443);
    v.chain = chain;
    v.errors = errors;
    v.certificate = chain.value(0);
    if (v.certificate.isNull()) {
        for (const QSslError &e : errors) {
            if (!e.certificate().isNull()) {
                v.certificate = e.certificate();
                break;
            }
        }
    }
    v.fingerprint = v.certificate.isNull() ? QByteArray() : fingerprint(v.certificate);
    if (errors.isEmpty()) {
        v.status = TrustStatus::Trusted;
        return v;
    }

    const PinnedCertificate &pinned = m_settings.pinned;
    if (pinned.matches(url) && !v.certificate.isNull() && !chain.contains(pinned.certificate) &&
        v.certificate != pinned.certificate) {
        v.status = TrustStatus::Changed;
        v.pinnedFingerprint = fingerprint(pinned.certificate);
        v.message = tr("The certificate of the server %1 has changed: sync has stopped.\n\n"
                       "Certificate confirmed earlier:\n%2\n\nCertificate presented now:\n%3\n\n"
                       "This happens when the server was given a new certificate, or when someone is "
                       "intercepting the connection. Ask your administrator which fingerprint is right "
                       "before trusting the new certificate.")
                        .arg(url.authority(), readableFingerprint(v.pinnedFingerprint),
                             readableFingerprint(v.fingerprint));
        qCWarning(lcTrust).noquote() << "certificate changed for" << url.authority() << "pinned"
                                     << v.pinnedFingerprint << "presented" << v.fingerprint;
        return v;
    }

    const bool onlyIssuer = std::all_of(errors.cbegin(), errors.cend(),
                                        [](const QSslError &e) { return isIssuerProblem(e.error()); });
    // The certificate a pin would trust: the self-signed end of the presented chain.
    const QSslCertificate anchor = chain.isEmpty() ? v.certificate : chain.last();
    if (onlyIssuer && !pinned.matches(url) && !anchor.isNull() && anchor.isSelfSigned()) {
        v.status = TrustStatus::Unknown;
        v.certificate = anchor;
        v.fingerprint = fingerprint(anchor);
        v.message = tr("The server %1 presents a certificate that no authority known to this computer "
                       "vouches for (the server's own, self-signed certificate, for example).\n\n"
                       "Trust it only if this fingerprint is the one your administrator gave you "
                       "(baosong-server prints it):\n%2")
                        .arg(url.authority(), readableFingerprint(v.fingerprint));
        qCInfo(lcTrust).noquote() << "unknown certificate at" << url.authority() << v.fingerprint;
        return v;
    }

    v.status = TrustStatus::Refused;
    if (onlyIssuer && !pinned.matches(url))
        v.message = tr("The certificate of the server %1 was issued by an authority this computer does not "
                       "know. Ask your administrator for the bureau's CA certificate file and choose it in "
                       "the connection settings.")
                        .arg(url.authority());
    else
        v.message = tr("The certificate of the server %1 cannot be trusted: %2")
                        .arg(url.authority(), errorList(errors));
    qCWarning(lcTrust).noquote() << "certificate refused for" << url.authority() << errorList(errors);
    return v;
}

TrustVerdict TlsTrust::classify(QNetworkReply *reply, const QList<QSslError> &errors) const
{
    QList<QSslCertificate> chain = reply->sslConfiguration().peerCertificateChain();
    if (chain.isEmpty()) {
        for (const QSslError &e : errors) {
            if (!e.certificate().isNull() && !chain.contains(e.certificate()))
                chain.append(e.certificate());
        }
    }
    return classify(reply->url(), chain, errors);
}

void TlsTrust::watch(QNetworkAccessManager *manager)
{
    connect(manager, &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *reply, const QList<QSslError> &errors) {
                // Never ignoreSslErrors(): the reply fails; we only say why.
                Q_EMIT trustFailure(classify(reply, errors));
            });
}

QByteArray TlsTrust::fingerprint(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
}

QString TlsTrust::readableFingerprint(const QByteArray &fingerprint)
{
    const QList<QByteArray> pairs = fingerprint.split(':');
    if (pairs.size() != 32)
        return QString::fromLatin1(fingerprint);
    QString out;
    for (int group = 0; group < 8; ++group) {
        if (group == 4)
            out += u'\n';
        else if (group > 0)
            out += u"  "_s;
        out += QString::fromLatin1(pairs.mid(group * 4, 4).join(':'));
    }
    return out;
}

QList<QSslCertificate> TlsTrust::certificatesFromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The certificate file %1 cannot be read: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }
    const QByteArray data = file.read(4 * 1024 * 1024);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty()) {
        if (error)
            *error = tr("The file %1 holds no certificate (PEM or DER).").arg(QDir::toNativeSeparators(path));
        return {};
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate &c : std::as_const(certificates)) {
        if (c.expiryDate() < now || c.effectiveDate() > now) {
            if (error)
                *error =
                    tr("The certificate \"%1\" in %2 is valid only from %3 to %4.")
                        .arg(c.subjectDisplayName(), QDir::toNativeSeparators(path),
                             c.effectiveDate().toString(Qt::ISODate), c.expiryDate().toString(Qt::ISODate));
            return {};
        }
    }
    return certificates;
}

QString TlsTrust::settingsPath(const QString &profileFolder)
{
    return QDir(profileFolder).filePath(u"trust.json"_s);
}

bool TlsTrust::save(const QString &profileFolder, const TrustSettings &settings, QString *error)
{
    QJsonObject root{{"version"_L1, kSettingsVersion}};
    if (!settings.bureauCaFile.isEmpty())
        root.insert("bureauCaFile"_L1, settings.bureauCaFile);
    if (!settings.pinned.isNull()) {
        root.insert(
            "pinned"_L1,
            QJsonObject{{"host"_L1, settings.pinned.host},
                        {"port"_L1, settings.pinned.port},
                        {"sha256"_L1, QString::fromLatin1(fingerprint(settings.pinned.certificate))},
                        {"certificate"_L1, QString::fromLatin1(settings.pinned.certificate.toPem())}});
    }
    const QString path = settingsPath(profileFolder);
    if (!QDir().mkpath(profileFolder)) {
        if (error)
            *error = tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(profileFolder));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(root).toJson()) < 0 || !file.commit()) {
        if (error)
            *error = tr("The trust settings cannot be saved to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

std::optional<TrustSettings> TlsTrust::load(const QString &profileFolder, QString *error)
{
    const QString path = settingsPath(profileFolder);
    QFile file(path);
    if (!file.exists())
        return TrustSettings();
    const auto damaged = [&](const QString &why) -> std::optional<TrustSettings> {
        if (error)
            *error = tr("The trust settings %1 are damaged (%2): confirm the server's certificate again.")
                         .arg(QDir::toNativeSeparators(path), why);
        qCWarning(lcTrust).noquote() << "trust settings damaged:" << path;
        return std::nullopt;
    };
    if (!file.open(QIODevice::ReadOnly))
        return damaged(file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1024 * 1024), &parseError);
    if (!doc.isObject())
        return damaged(parseError.errorString());
    const QJsonObject root = doc.object();
    if (root.value("version"_L1).toInt() != kSettingsVersion)
        return damaged(tr("unknown version"));
    TrustSettings settings;
    settings.bureauCaFile = root.value("bureauCaFile"_L1).toString();
    if (root.contains("pinned"_L1)) {
        const QJsonObject p = root.value("pinned"_L1).toObject();
        const QList<QSslCertificate> certs =
            QSslCertificate::fromData(p.value("certificate"_L1).toString().toLatin1(), QSsl::Pem);
        const int port = p.value("port"_L1).toInt(-1);
        if (certs.size() != 1 || certs.first().isNull() || p.value("host"_L1).toString().isEmpty() ||
            port <= 0 || port > 65535)
            return damaged(tr("the pinned certificate is unreadable"));
        if (fingerprint(certs.first()) != p.value("sha256"_L1).toString().toLatin1())
            return damaged(tr("the pinned certificate does not match its fingerprint"));
        settings.pinned = PinnedCertificate{p.value("host"_L1).toString(), port, certs.first()};
    }
    return settings;
}

NetworkAccessFactory::~NetworkAccessFactory() = default;

DefaultNetworkAccessFactory::DefaultNetworkAccessFactory(TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_trust(trust)
{
    if (trust)
        connect(trust, &TlsTrust::trustChanged, this, &DefaultNetworkAccessFactory::clearConnectionCaches);
}

QNetworkAccessManager *DefaultNetworkAccessFactory::create(QObject *parent)
{
    auto *manager = new QNetworkAccessManager(parent);
    if (m_trust)
        m_trust->watch(manager);
    m_managers.removeIf([](const QPointer<QNetworkAccessManager> &m) { return m.isNull(); });
    m_managers.append(manager);
    return manager;
}

void DefaultNetworkAccessFactory::clearConnectionCaches()
{
    m_managers.removeIf([](const QPointer<QNetworkAccessManager> &m) { return m.isNull(); });
    for (const QPointer<QNetworkAccessManager> &m : std::as_const(m_managers))
        m->clearConnectionCache();
    qCInfo(lcTrust) << "trust changed: connection caches of" << m_managers.size() << "manager(s) cleared";
}

} // namespace baosong
