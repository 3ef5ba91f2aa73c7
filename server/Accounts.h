#pragma once

// Accounts and sessions (docs/design.md §8): Argon2id password hashes (libsodium crypto_pwhash_str),
// random session tokens stored only as their SHA-256, expiry and logout, slowing and temporary
// lockout after repeated failed logins, password change, disabled people. Every login, failed login,
// lockout, logout and password change is an audit event. Passwords and tokens never reach a log.

#include "ServerStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <atomic>

namespace baosong::server {

// The sign-in policy of Accounts (outside the class so it can be a default argument).
struct AccountPolicy
{
    int sessionMinutes = 12 * 60; // a session expires this long after sign-in
    int slowAfterFailures = 3;    // from this many consecutive failures on, a retry must wait
    int slowSeconds = 2;          // the first wait; it doubles with each further failure
    int lockAfterFailures = 10;   // this many consecutive failures lock the account ...
    int lockMinutes = 15;         // ... for this long
    int minPasswordLength = 10;
};

class Accounts
{
    Q_DECLARE_TR_FUNCTIONS(Accounts)

public:
    using Policy = AccountPolicy;

    struct LoginResult
    {
        enum class Status
        {
            Ok,
            BadCredentials, // unknown person or wrong password (the answer doesn't say which)
            TooSoon,        // slowed: retry after retryAfterSeconds
            Locked,         // locked: retry after retryAfterSeconds
            Disabled,       // answered only to someone who gave the right password
            Unavailable,    // the store failed to record the sign-in: try again later (HTTP 503)
        };
        Status status = Status::BadCredentials;
        QByteArray token; // Ok: the bearer token to send (never stored)
        Session session;
        int retryAfterSeconds = 0;
        QString message; // translated
    };

    Accounts(ServerStore &store, Policy policy = {});

    const Policy &policy() const { return m_policy; }

    static QByteArray hashPassword(const QString &password);
    static bool verifyPassword(const QByteArray &hash, const QString &password);
    // SHA-256 (hex) of a token: how sessions are looked up.
    static QByteArray tokenHash(const QByteArray &token);

    LoginResult login(const QString &personId, const QString &password, const QDateTime &now,
                      const QString &remoteAddress);
    // The person behind a valid (known, unexpired, unrevoked) token whose account is enabled.
    // Answered from a cache of recent sessions while the store's accounts generation
    // (ServerStore::authGeneration: one small statement) is unchanged; any sign-out, password change,
    // disabled account or changed person — in this process or another sharing the store — changes it,
    // so the next request reads the session and person again.
    std::optional<Person> authenticate(const QByteArray &token, const QDateTime &now);
    // Requests answered from the cache since the start (tests, benchmarks).
    qint64 cachedAuthentications() const { return m_cacheHits.load(); }
    // Revokes the token's session (audited). False only when the store fails: an unknown or already
    // revoked token is signed out already, and nothing is recorded for it.
    bool logout(const QByteArray &token, const QDateTime &now);
    // Checks the old password (slowed and locked like a sign-in) and the policy; revokes all of the
    // person's sessions, so the client signs in again with the new password.
    // When slowed or locked, *retryAfterSeconds (if given) says how long to wait (else 0).
    bool changePassword(const QString &personId, const QString &oldPassword, const QString &newPassword,
                        const QDateTime &now, QString *error, int *retryAfterSeconds = nullptr);
    // Administration: set a password without the old one (init, user command); audited as `actorId`.
    bool setPassword(const QString &actorId, const QString &personId, const QString &newPassword,
                     const QDateTime &now, QString *error);
    // Administration: disable (revoking every session) or enable a person.
    bool setDisabled(const QString &actorId, const QString &personId, bool disabled, const QDateTime &now,
                     QString *error);

private:
    // Failed sign-ins under logins that name nobody, slowed and locked exactly like an account's (so
    // that the answers don't tell which logins exist). Kept in memory, at most kUnknownLogins of them
    // (the oldest forgotten first).
    struct UnknownLogin
    {
        int failures = 0;
        QDateTime lastFailedAt;
        QDateTime lockedUntil;
    };
    static constexpr int kUnknownLogins = 10000;
    QHash<QString, UnknownLogin> m_unknownLogins;
    QMutex m_unknownMutex;

    // Stores a new password hash, lifts any lockout, ends the person's sessions and records
    // `eventType`, all in one transaction.
    bool storeNewPassword(const QString &actorId, const QString &personId, const QByteArray &hash,
                          const QString &eventType, const QDateTime &now, QString *error);

    ServerStore &m_store;
    Policy m_policy;

    struct CachedSession
    {
        Person person;
        QDateTime expiresAt;
        qint64 generation = 0;
    };
    static constexpr int kCachedSessions = 10000;
    QHash<QByteArray, CachedSession> m_sessionCache; // by token hash
    QMutex m_sessionCacheMutex;
    std::atomic<qint64> m_cacheHits{0};
};

} // namespace baosong::server
