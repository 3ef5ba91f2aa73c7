#pragma once

// The client's certificate trust (docs/design.md §8): the system CA store plus an optional bureau CA file;
// a self-signed server's certificate is shown on first contact (probe) for the user to confirm, then
// pinned; a changed certificate stops sync with a clear warning. SSL errors are classified, never
// ignored: nothing here calls ignoreSslErrors().
//
// Pinning adds the confirmed certificate to the trusted CAs (a self-signed certificate is its own
// CA), so the host name of the server is still checked against it. A certificate from an unknown CA
// can be pinned only when the server also sends that CA's self-signed certificate; otherwise the
// bureau's CA file is the way (the probe says so).
//
// QNetworkAccessManager reuses connections whatever a request's own SSL configuration (docs/design.md §6):
// managers come from a NetworkAccessFactory, which clears their connection cache whenever trust
// changes, so no connection accepted under the old trust is used again.

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace baosong {

// Client trust, credentials and the profile's instance lock (never tokens or passwords).
Q_DECLARE_LOGGING_CATEGORY(lcTrust)

// One confirmed certificate for one server address.
struct PinnedCertificate
{
    QString host;                // as in the server's URL, e.g. "127.0.0.1" (compared case-insensitively)
    int port = 443;              // the server's port
    QSslCertificate certificate; // the confirmed certificate (self-signed: the server's own)

    bool isNull() const { return certificate.isNull(); }
    bool matches(const QUrl &url) const;

    friend bool operator==(const PinnedCertificate &a, const PinnedCertificate &b)
    {
        return a.host.compare(b.host, Qt::CaseInsensitive) == 0 && a.port == b.port &&
               a.certificate == b.certificate;
    }
};

// What the client trusts beyond the system CA store; saved in the profile folder (save/load).
struct TrustSettings
{
    QString bureauCaFile;     // optional PEM (or DER) file with the bureau's CA certificate(s)
    PinnedCertificate pinned; // optional: the certificate the user confirmed

    friend bool operator==(const TrustSettings &, const TrustSettings &) = default;
};

enum class TrustStatus
{
    Trusted,     // verified against the system CAs, the bureau CA or the pinned certificate
    Unknown,     // self-signed or from an unknown CA, nothing pinned for this address: ask the user
    Changed,     // a certificate is pinned for this address and the server now presents another: stop
    Refused,     // any other failure to verify (host name, expiry, an unknown CA that cannot be pinned…)
    Unreachable, // no TLS handshake at all (refused connection, timeout, not TLS)
};

// The outcome of a probe or the classification of a request's SSL errors.
struct TrustVerdict
{
    TrustStatus status = TrustStatus::Unreachable;
    QString host;
    int port = 0;
    QList<QSslCertificate> chain; // as the server presented it, its own certificate first
    // Unknown: the certificate to pin once the user has confirmed `fingerprint`;
    // Changed: the certificate presented now; otherwise the server's own certificate.
    QSslCertificate certificate;
    QByteArray fingerprint;       // SHA-256 of `certificate`, "AB:CD:…" (TlsTrust::fingerprint)
    QByteArray pinnedFingerprint; // Changed: the fingerprint confirmed earlier
    QList<QSslError> errors;      // what verification found (empty when trusted)
    QString message;              // translated, for the user; empty when trusted

    bool isTrusted() const { return status == TrustStatus::Trusted; }
    // True when sync must stop until the user acts (Changed, Refused, Unknown).
    bool stopsSync() const
    {
        return status == TrustStatus::Changed || status == TrustStatus::Refused ||
               status == TrustStatus::Unknown;
    }
};

class TlsTrust : public QObject
{
    Q_OBJECT
public:
    explicit TlsTrust(QObject *parent = nullptr);
    explicit TlsTrust(const TrustSettings &settings, QObject *parent = nullptr);

    TrustSettings settings() const { return m_settings; }
    // Replaces the settings (an unreadable bureau CA file adds nothing: check it with
    // setBureauCaFile first); emits trustChanged() when they differ.
    void setSettings(const TrustSettings &settings);
    // Uses `path` as the bureau CA file (empty: none). False, with a translated message in *error,
    // when it holds no certificate or one that is not valid today; the settings are then unchanged.
    bool setBureauCaFile(const QString &path, QString *error = nullptr);
    // Pins `certificate` for the server at `url` (after the user confirmed its fingerprint).
    void pin(const QUrl &url, const QSslCertificate &certificate);
    void clearPin();

    // The TLS configuration for every request (ServerEndpoint::ssl): TLS 1.2 or newer, the system CA
    // certificates plus the bureau CA file plus the pinned certificate, peer verification on.
    // Built when first asked for (reading the system's CA certificates takes ~0.1 s), not at start-up.
    QSslConfiguration configuration() const;

    // First contact: a TLS handshake with `url`'s host and port, verified with configuration(); no
    // HTTP request is sent. Returns Trusted (no confirmation needed), Unknown (show
    // verdict.fingerprint and pin verdict.certificate if the user confirms it), Changed, Refused or
    // Unreachable (also after timeoutMs). `done` is called once, from the event loop, while `context`
    // lives; nothing waits meanwhile (the window stays responsive on a slow network).
    void probeAsync(const QUrl &url, QObject *context, std::function<void(const TrustVerdict &)> done,
                    int timeoutMs = 10000) const;
    // The same, waiting in a local event loop: for tests and programs without a window, never for the
    // GUI thread.
    TrustVerdict probe(const QUrl &url, int timeoutMs = 10000) const;

    // Classifies SSL errors of a connection to `url` that presented `chain`.
    TrustVerdict classify(const QUrl &url, const QList<QSslCertificate> &chain,
                          const QList<QSslError> &errors) const;
    // The same for a reply's sslErrors (the reply's URL and peer chain).
    TrustVerdict classify(QNetworkReply *reply, const QList<QSslError> &errors) const;
    // Classifies every sslErrors of `manager` and emits trustFailure(); the errors are not ignored,
    // so the reply fails with QNetworkReply::SslHandshakeFailedError.
    void watch(QNetworkAccessManager *manager);

    // "AB:CD:…" (32 upper-case hex pairs), the SHA-256 of the DER form; the same as
    // `openssl x509 -noout -fingerprint -sha256` and `baosong-server` print.
    static QByteArray fingerprint(const QSslCertificate &certificate);
    // The fingerprint in eight groups of four pairs, two lines of four groups, easy to read aloud:
    // "AB:CD:EF:01  23:45:67:89  …\n…".
    static QString readableFingerprint(const QByteArray &fingerprint);

    // The certificates in a PEM or DER file (several in a PEM file). Empty, with a translated message
    // in *error, when the file cannot be read, holds none, or one is not valid today.
    static QList<QSslCertificate> certificatesFromFile(const QString &path, QString *error = nullptr);

    // The settings file in a profile folder ("trust.json").
    static QString settingsPath(const QString &profileFolder);
    // Writes the settings atomically (QSaveFile), readable only by the user (0600).
    static bool save(const QString &profileFolder, const TrustSettings &settings, QString *error = nullptr);
    // Reads them; no file gives default settings. nullopt with a translated message in *error when
    // the file is unreadable or its pinned certificate does not match the fingerprint saved with it.
    static std::optional<TrustSettings> load(const QString &profileFolder, QString *error = nullptr);

Q_SIGNALS:
    void trustChanged();
    // A request on a watched manager failed verification; sync must stop when verdict.stopsSync().
    void trustFailure(const baosong::TrustVerdict &verdict);

private:
    void rebuild();

    TrustSettings m_settings;
    QList<QSslCertificate> m_bureauCas;
    mutable QSslConfiguration m_configuration;
    mutable bool m_configurationBuilt = false;
};

// Makes the client's QNetworkAccessManagers (tests inject one that fails on purpose).
class NetworkAccessFactory
{
public:
    virtual ~NetworkAccessFactory();
    // A new manager owned by `parent`.
    virtual QNetworkAccessManager *create(QObject *parent) = 0;
};

// The default factory: plain managers, watched by `trust` (trustFailure), whose connection caches
// are cleared whenever trust changes. Requests carry trust->configuration() (ServerEndpoint::ssl).
class DefaultNetworkAccessFactory : public QObject, public NetworkAccessFactory
{
    Q_OBJECT
public:
    explicit DefaultNetworkAccessFactory(TlsTrust *trust, QObject *parent = nullptr);
    QNetworkAccessManager *create(QObject *parent) override;
    // Calls clearConnectionCache() on every living manager made here (done on trustChanged()).
    void clearConnectionCaches();

private:
    QPointer<TlsTrust> m_trust;
    QList<QPointer<QNetworkAccessManager>> m_managers;
};

} // namespace baosong
