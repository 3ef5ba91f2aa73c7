#pragma once

// One client profile at work (docs/design.md §6–§9): the pieces of core a running client needs, put
// together in one place so that the windows stay thin and tests drive the same object.
//
//   <profile>/local.sqlite   LocalStore: items, outbox, sync state (server address, login, cursor)
//   <profile>/blobs/         BlobStore: attachment contents
//   <profile>/trust.json     TlsTrust: the confirmed (pinned) certificate, the bureau CA file
//   <profile>/baosong.lock   InstanceLock: one client per profile
//   <profile>/settings.ini   the client's settings (app/Settings)
//
// A profile belongs to one server and one account (SyncEngine::bindIdentity): switching server or
// account means another profile folder, so their local data never mix. The session token lives in
// the system keychain (Credentials), or only in memory when there is none; passwords are never kept.

#include "BlobStore.h"
#include "Checks.h"
#include "Credentials.h"
#include "InstanceLock.h"
#include "LocalStore.h"
#include "PushChannel.h"
#include "SyncEngine.h"
#include "TlsTrust.h"
#include "Transfers.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace baosong {

class ClientSession : public QObject
{
    Q_OBJECT

public:
    // `network` makes the network access manager (tests inject faults); by default one that follows
    // this profile's trust (DefaultNetworkAccessFactory). It must outlive the session.
    explicit ClientSession(const QString &profileFolder, NetworkAccessFactory *network = nullptr,
                           QObject *parent = nullptr);
    ~ClientSession() override;

    // Takes the profile's lock and opens its store; false with a translated message (another client
    // runs on this profile, the store is damaged...). Nothing else works before.
    bool open(QString *error);

    QString profileFolder() const { return m_profile; }
    LocalStore &store() { return m_store; }
    BlobStore &blobs() { return m_blobs; }
    SyncEngine &sync() { return *m_sync; }
    TlsTrust &trust() { return m_trust; }
    Credentials &credentials() { return m_credentials; }
    QNetworkAccessManager *network() const { return m_network; }
    // Attachment uploads and downloads of this session (client/Transfers).
    Transfers &transfers() { return *m_transfers; }

    // The server and login of this profile (empty before the first sign-in).
    QUrl serverUrl();
    QString login();
    // The signed-in person's id once known (the profile's account).
    QString personId() { return m_sync->personId(); }
    bool isSignedIn() const { return !m_endpoint.token.isEmpty(); }

    // A server address as typed ("127.0.0.1:8443", "https://host") made into an https origin; an
    // invalid URL when it is not one (http:// is refused: HTTPS only).
    static QUrl normalizeServerUrl(const QString &typed);

    // First contact: the server's certificate and whether it is trusted already (TlsTrust::probe).
    // Answers through `done` while `context` lives; nothing waits (see TlsTrust::probeAsync).
    void probeAsync(const QUrl &server, QObject *context, std::function<void(const TrustVerdict &)> done);
    // The same, waiting: for tests only.
    TrustVerdict probe(const QUrl &server);
    // The user confirmed the fingerprint of `certificate` for `server`: pin it and keep it.
    bool trustCertificate(const QUrl &server, const QSslCertificate &certificate, QString *error);

    // Signs in (POST /api/v1/session); signInFinished tells the outcome. On success the token is kept
    // (keychain, or memory only) and sync starts.
    void signIn(const QUrl &server, const QString &login, const QString &password);
    // Uses a token kept from an earlier sign-in (asked of the keychain: answered later) and starts
    // sync; `done` gets false when there is none (sign in again).
    void resume(std::function<void(bool)> done);
    // Ends the session on the server (when reachable) and forgets the token here. Local data stays.
    void signOut();

    // ---- a damaged local store (docs/architecture.md "Local store") ----

    // Damage was found in the local store while this session runs: sync has stopped (SyncEngine::
    // stopForDamage) until rebuildFromServer().
    // Checks the whole store file on a thread of its own (PRAGMA quick_check; open() starts one):
    // damage found stops sync and emits storeDamaged().
    void checkStoreInBackground();
    bool isStoreDamaged() const { return m_sync && m_sync->isStoreDamaged(); }
    struct RebuildResult
    {
        bool ok = false;
        QString message;         // translated: what was done, or why it failed
        QString damagedCopy;     // where the damaged file was kept
        int actionsSalvaged = 0; // queued actions copied into the new store (same action ids)
        int itemsSalvaged = 0;   // items with unsent work copied with them
        int unreadable = 0;      // outbox rows and items of queued actions that could not be read
    };
    // On the user's request: sets the damaged file aside (kept, never deleted), makes a new store,
    // copies into it what can be read of the unsent work (every queued action with its action id, and
    // the items they are about), binds it to the same server and person, and — when signed in —
    // syncs: the salvaged actions are sent (the server applies each action id once) and everything is
    // pulled again from the start of the feed. Works on a sound store too (the user's choice).
    RebuildResult rebuildFromServer();

    // Where the token goes when there is no system keychain: memory only (default) or, when the user
    // chooses so, a file in the profile only they can read. Re-keeps the current token accordingly.
    void setKeepTokenInFile(bool inFile);

    // The checks the editor runs (for comfort; the server judges again): the word lists and detector
    // settings the last sync brought (LocalStore::wordLists), else the shipped ones — built once per
    // version through ContentRules::checks() and kept. SyncEngine::wordListsChanged says when to ask again.
    Checks checks();
    // The endpoint of the signed-in session (requests of the settings page, WordListsClient).
    ServerEndpoint endpoint() const { return m_endpoint; }

    // Sync every `intervalMs` while signed in (SyncEngine::start).
    void setSyncInterval(int intervalMs) { m_syncInterval = intervalMs; }
    // The server's notice channel (on while signed in, unless turned off): a notice starts a sync run.
    PushChannel &push() { return *m_push; }
    // Off: only polling (tests that count sync runs; a server without the channel costs nothing
    // either way, the channel just retries now and then).
    void setPushEnabled(bool enabled);

signals:
    // An attachment's upload moved (for the progress bars): bytes done of total; finished when the
    // server has it, failed with a message.
    void uploadProgress(const QByteArray &sha256, qint64 done, qint64 total);
    void uploadFinished(const QByteArray &sha256);
    void uploadFailed(const QByteArray &sha256, const QString &message);
    void signInFinished(bool ok, const QString &message);
    void signedOut();
    // Damage was found in the local store (the background check, or an SQL call in use; translated):
    // sync has stopped until rebuildFromServer().
    void storeDamaged(const QString &message);
    // rebuildFromServer() made a new local store (the lists should read it again).
    void storeRebuilt();

private:
    void startSync();
    void setEndpoint(const ServerEndpoint &endpoint);
    void uploadAttachments(const QList<Attachment> &attachments,
                           std::function<void(const SyncEngine::UploadOutcome &)> done);
    CredentialKey credentialKey(const QUrl &server, const QString &login) const;
    ServerEndpoint endpointFor(const QUrl &server) const;

    QString m_profile;
    InstanceLock m_lock;
    LocalStore m_store;
    BlobStore m_blobs;
    TlsTrust m_trust;
    Credentials m_credentials;
    NetworkAccessFactory *m_factory = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<PushChannel> m_push;
    bool m_pushEnabled = true;
    std::unique_ptr<Transfers> m_transfers;
    ServerEndpoint m_endpoint;
    int m_syncInterval = 60000;
    QPointer<QThread> m_check;      // the background check of the local store
    int m_storeGeneration = 0;      // counts rebuilds: a check of a file set aside is not heard
    std::optional<Checks> m_checks; // checks() of m_checksVersion
    qint64 m_checksVersion = -1;
};

} // namespace baosong
