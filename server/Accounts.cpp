// Accounts and sessions (docs/design.md §8). The slow part of a sign-in (Argon2id) runs outside any
// transaction; the bookkeeping it leads to (failure count, lockout, session) and its audit event are
// written together in one ServerStore::Transaction.

#include "Accounts.h"
#include "ServerLogging.h"

#include <QCryptographicHash>
#include <QJsonObject>

#include <sodium.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

constexpr int kTokenBytes = 32;

// A hash of a random password nobody knows, made with the same parameters as hashPassword(). A
// sign-in as an unknown person is checked against it, so that it takes as long as one with a wrong
// password and its timing doesn't tell which ids exist.
constexpr char kDummyHash[] =
    "$argon2id$v=19$m=65536,t=2,p=1$mRI4h+RJXXMJH7QnaI3nlg$kLi39h+kWdR14USWOfXWfa9iQ8tyRbxcqp3a6lIJkc0";

// The exponent of the slowing wait is capped so that the wait can't overflow; the lockout comes first
// with any sensible policy.
constexpr int kMaxSlowDoublings = 20;

bool ensureSodium()
{
    // sodium_init() is thread-safe and idempotent; the static makes it run once.
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        qCCritical(lcApi, "libsodium could not be initialised");
    return ready;
}

// The UTF-8 bytes of a password, wiped from memory when it goes out of scope.
class SecretBytes
{
public:
    explicit SecretBytes(const QString &text)
        : m_bytes(text.toUtf8())
    {}
    ~SecretBytes() { sodium_memzero(m_bytes.data(), size_t(m_bytes.size())); }
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    const char *data() const { return m_bytes.constData(); }
    unsigned long long size() const { return static_cast<unsigned long long>(m_bytes.size()); }

private:
    QByteArray m_bytes;
};

bool verifyHashString(const char *hash, const QString &password)
{
    if (!ensureSodium())
        return false;
    const SecretBytes secret(password);
    return crypto_pwhash_str_verify(hash, secret.data(), secret.size()) == 0;
}

QByteArray newToken()
{
    QByteArray raw(kTokenBytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), size_t(raw.size()));
    QByteArray token = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw.data(), size_t(raw.size()));
    return token;
}

// Whole seconds from `now` until `until`, rounded up, at least 1.
int secondsUntil(const QDateTime &now, const QDateTime &until)
{
    const qint64 ms = now.msecsTo(until);
    const qint64 seconds = (ms + 999) / 1000;
    return int(std::clamp<qint64>(seconds, 1, std::numeric_limits<int>::max()));
}

// When a further sign-in attempt is allowed after `failures` consecutive failures, the last at
// `lastFailedAt`; invalid when there is no wait.
QDateTime slowedUntil(const Accounts::Policy &policy, int failures, const QDateTime &lastFailedAt)
{
    if (policy.slowAfterFailures <= 0 || failures < policy.slowAfterFailures || !lastFailedAt.isValid())
        return {};
    const int doublings = std::min(failures - policy.slowAfterFailures, kMaxSlowDoublings);
    const qint64 waitSeconds = qint64(std::max(policy.slowSeconds, 0)) << doublings;
    return lastFailedAt.addSecs(waitSeconds);
}

bool isLocked(const Account &account, const QDateTime &now)
{
    return account.lockedUntil.isValid() && account.lockedUntil > now;
}

// The problem with a new password, or an empty string when the policy accepts it.
QString passwordPolicyProblem(const Accounts::Policy &policy, const QString &personId,
                              const QString &newPassword)
{
    // Counted in characters (code points), so that a password in Chinese isn't counted double.
    const qsizetype length = newPassword.toUcs4().size();
    if (length < policy.minPasswordLength) {
        return Accounts::tr("The new password is too short: choose one of at least %n characters.", nullptr,
                            policy.minPasswordLength);
    }
    if (newPassword.compare(personId, Qt::CaseInsensitive) == 0)
        return Accounts::tr("The new password must not be your user name: choose another one.");
    return {};
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString storeProblem(ServerStore &store)
{
    return Accounts::tr("The change could not be saved (%1). Try again later; if it keeps failing, tell "
                        "the information centre.")
        .arg(store.lastError());
}

} // namespace

Accounts::Accounts(ServerStore &store, Policy policy)
    : m_store(store)
    , m_policy(policy)
{
    ensureSodium();
}

QByteArray Accounts::hashPassword(const QString &password)
{
    if (!ensureSodium())
        return {};
    const SecretBytes secret(password);
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        qCCritical(lcApi, "hashing a password failed (out of memory)");
        return {};
    }
    return QByteArray(out);
}

bool Accounts::verifyPassword(const QByteArray &hash, const QString &password)
{
    // crypto_pwhash_str_verify reads a NUL-terminated string of at most crypto_pwhash_STRBYTES bytes.
    if (hash.isEmpty() || hash.size() >= qsizetype(crypto_pwhash_STRBYTES) || hash.contains('\0'))
        return false;
    return verifyHashString(hash.constData(), password);
}

QByteArray Accounts::tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

Accounts::LoginResult Accounts::login(const QString &personId, const QString &password,
                                      const QDateTime &nowIn, const QString &remoteAddress)
{
    const QDateTime now = nowIn.toUTC();
    LoginResult result;
    const QString badCredentials =
        tr("The user name or the password is not correct. Check both (and the keyboard layout) and try "
           "again.");

    auto failed = [&](const QString &reason) {
        return QJsonObject{{u"reason"_s, reason}, {u"remote"_s, remoteAddress}};
    };
    // Appends `event` in its own transaction (the refusals that change nothing else).
    auto auditAlone = [&](AuditEvent event) {
        ServerStore::Transaction transaction(m_store);
        if (!transaction.ok() || !m_store.appendAudit(event) || !transaction.commit()) {
            qCWarning(lcApi, "recording the audit event %s failed: %s", qUtf8Printable(event.type),
                      qUtf8Printable(m_store.lastError()));
            return false;
        }
        return true;
    };
    auto unavailable = [&]() {
        LoginResult r;
        r.status = LoginResult::Status::Unavailable;
        r.message = tr("Signing in is not possible right now because the server could not record it. Try "
                       "again in a few minutes; if it keeps failing, tell the information centre.");
        return r;
    };

    // The answers of a locked, a slowed and a just-locked login: the same for real and unknown logins.
    auto locked = [&](const QDateTime &until) {
        LoginResult r;
        r.status = LoginResult::Status::Locked;
        r.retryAfterSeconds = secondsUntil(now, until);
        r.message = tr("This account is locked after too many failed sign-ins. Try again in %n minute(s), or "
                       "ask the information centre to set a new password.",
                       nullptr, (r.retryAfterSeconds + 59) / 60);
        return r;
    };
    auto slowed = [&](const QDateTime &until) {
        LoginResult r;
        r.status = LoginResult::Status::TooSoon;
        r.retryAfterSeconds = secondsUntil(now, until);
        r.message =
            tr("Too many failed sign-ins. Wait %n second(s), then try again.", nullptr, r.retryAfterSeconds);
        return r;
    };
    auto justLocked = [&](const QDateTime &until) {
        LoginResult r;
        r.status = LoginResult::Status::Locked;
        r.retryAfterSeconds = secondsUntil(now, until);
        r.message =
            tr("Too many failed sign-ins: this account is locked for %n minute(s). Try again then, or "
               "ask the information centre to set a new password.",
               nullptr, m_policy.lockMinutes);
        return r;
    };

    const std::optional<Account> known = personId.isEmpty() ? std::nullopt : m_store.account(personId);
    if (!known) {
        // Slowed and locked like a real account, with the same answers.
        const QString key = personId.left(200);
        AuditEvent event;
        event.at = now;
        event.type = u"login.failed"_s;
        event.details = failed(u"unknown_person"_s);
        event.details.insert(u"attemptedId"_s, key);
        UnknownLogin entry;
        {
            const QMutexLocker lock(&m_unknownMutex);
            entry = m_unknownLogins.value(key);
        }
        if (entry.lockedUntil.isValid() && now < entry.lockedUntil)
            return auditAlone(event) ? locked(entry.lockedUntil) : unavailable();
        const QDateTime waitUntil = slowedUntil(m_policy, entry.failures, entry.lastFailedAt);
        if (waitUntil.isValid() && now < waitUntil)
            return auditAlone(event) ? slowed(waitUntil) : unavailable();
        // Spend the time of one check anyway.
        verifyHashString(kDummyHash, password);
        QDateTime lockedUntil;
        {
            const QMutexLocker lock(&m_unknownMutex);
            UnknownLogin &stored = m_unknownLogins[key];
            // After a lockout has passed, counting starts again (as recordLoginFailure does).
            if (stored.lockedUntil.isValid() && now >= stored.lockedUntil)
                stored = UnknownLogin();
            ++stored.failures;
            stored.lastFailedAt = now;
            if (m_policy.lockAfterFailures > 0 && stored.failures >= m_policy.lockAfterFailures)
                stored.lockedUntil = lockedUntil = now.addSecs(qint64(m_policy.lockMinutes) * 60);
            event.details.insert(u"failures"_s, stored.failures);
            if (m_unknownLogins.size() > kUnknownLogins) {
                auto oldest = m_unknownLogins.begin();
                for (auto it = m_unknownLogins.begin(); it != m_unknownLogins.end(); ++it) {
                    if (it->lastFailedAt < oldest->lastFailedAt)
                        oldest = it;
                }
                m_unknownLogins.erase(oldest);
            }
        }
        qCInfo(lcApi, "sign-in as unknown person \"%s\" from %s refused", qUtf8Printable(key),
               qUtf8Printable(remoteAddress));
        if (!auditAlone(event))
            return unavailable();
        if (lockedUntil.isValid())
            return justLocked(lockedUntil);
        result.status = LoginResult::Status::BadCredentials;
        result.message = badCredentials;
        return result;
    }
    const Account &account = *known;

    AuditEvent event;
    event.at = now;
    event.actorId = account.person.id;
    event.subjectId = account.person.id;

    if (isLocked(account, now)) {
        result = locked(account.lockedUntil);
        event.type = u"login.failed"_s;
        event.details = failed(u"locked"_s);
        event.details.insert(u"lockedUntil"_s, account.lockedUntil.toString(Qt::ISODateWithMs));
        qCInfo(lcApi, "sign-in of %s from %s refused: locked", qUtf8Printable(account.person.id),
               qUtf8Printable(remoteAddress));
        if (!auditAlone(event))
            return unavailable();
        return result;
    }

    const QDateTime waitUntil = slowedUntil(m_policy, account.failedLogins, account.lastFailedAt);
    if (waitUntil.isValid() && now < waitUntil) {
        // Answered without checking the password: guessing faster than the wait gains nothing.
        result = slowed(waitUntil);
        event.type = u"login.failed"_s;
        event.details = failed(u"too_soon"_s);
        event.details.insert(u"retryAfterSeconds"_s, result.retryAfterSeconds);
        qCInfo(lcApi, "sign-in of %s from %s refused: too soon after %d failures",
               qUtf8Printable(account.person.id), qUtf8Printable(remoteAddress), account.failedLogins);
        if (!auditAlone(event))
            return unavailable();
        return result;
    }

    // An account without a password can't sign in; it is checked against the dummy hash like an
    // unknown person.
    const bool hasHash = !account.passwordHash.isEmpty();
    bool passwordOk = false;
    if (hasHash)
        passwordOk = verifyPassword(account.passwordHash, password);
    else
        verifyHashString(kDummyHash, password);

    if (!passwordOk) {
        ServerStore::Transaction transaction(m_store);
        if (!transaction.ok())
            return unavailable();
        // Read again inside the transaction: another sign-in may have failed meanwhile.
        const std::optional<Account> fresh = m_store.account(account.person.id);
        const int failures = (fresh ? fresh->failedLogins : account.failedLogins) + 1;
        QDateTime lockedUntil;
        if (m_policy.lockAfterFailures > 0 && failures >= m_policy.lockAfterFailures)
            lockedUntil = now.addSecs(qint64(m_policy.lockMinutes) * 60);
        if (!m_store.recordLoginFailure(account.person.id, now, lockedUntil))
            return unavailable();
        event.details = failed(hasHash ? u"bad_password"_s : u"no_password"_s);
        event.details.insert(u"failures"_s, failures);
        if (lockedUntil.isValid()) {
            event.type = u"login.locked"_s;
            event.details.insert(u"lockedUntil"_s, lockedUntil.toString(Qt::ISODateWithMs));
        } else {
            event.type = u"login.failed"_s;
        }
        if (!m_store.appendAudit(event) || !transaction.commit())
            return unavailable();
        if (lockedUntil.isValid()) {
            qCWarning(lcApi, "account %s locked until %s after %d failed sign-ins (last from %s)",
                      qUtf8Printable(account.person.id), qUtf8Printable(lockedUntil.toString(Qt::ISODate)),
                      failures, qUtf8Printable(remoteAddress));
            result = justLocked(lockedUntil);
        } else {
            qCInfo(lcApi, "sign-in of %s from %s refused: %s (%d consecutive failures)",
                   qUtf8Printable(account.person.id), qUtf8Printable(remoteAddress),
                   hasHash ? "wrong password" : "no password set", failures);
            result.status = LoginResult::Status::BadCredentials;
            result.message = badCredentials;
        }
        return result;
    }

    if (account.person.disabled) {
        // Only someone who knows the password learns that the account is disabled.
        result.status = LoginResult::Status::Disabled;
        result.message = tr("This account is disabled. Ask the information centre to enable it.");
        event.type = u"login.failed"_s;
        event.details = failed(u"disabled"_s);
        qCInfo(lcApi, "sign-in of %s from %s refused: disabled", qUtf8Printable(account.person.id),
               qUtf8Printable(remoteAddress));
        if (!auditAlone(event))
            return unavailable();
        return result;
    }

    // A hash made with weaker parameters than today's is replaced while the password is at hand.
    QByteArray rehashed;
    if (crypto_pwhash_str_needs_rehash(account.passwordHash.constData(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        rehashed = hashPassword(password);
    }

    QByteArray token = newToken();
    Session session;
    session.tokenHash = tokenHash(token);
    session.personId = account.person.id;
    session.createdAt = now;
    session.expiresAt = now.addSecs(qint64(m_policy.sessionMinutes) * 60);

    ServerStore::Transaction transaction(m_store);
    if (!transaction.ok() || !m_store.recordLoginSuccess(account.person.id) ||
        !m_store.insertSession(session))
        return unavailable();
    if (!rehashed.isEmpty() && !m_store.setPasswordHash(account.person.id, rehashed))
        return unavailable();
    event.type = u"login"_s;
    event.details = QJsonObject{{u"remote"_s, remoteAddress},
                                {u"expiresAt"_s, session.expiresAt.toString(Qt::ISODateWithMs)}};
    if (!m_store.appendAudit(event) || !transaction.commit())
        return unavailable();

    qCInfo(lcApi, "%s signed in from %s", qUtf8Printable(account.person.id), qUtf8Printable(remoteAddress));
    result.status = LoginResult::Status::Ok;
    result.token = std::move(token);
    result.session = session;
    return result;
}

std::optional<Person> Accounts::authenticate(const QByteArray &token, const QDateTime &nowIn)
{
    if (token.isEmpty())
        return std::nullopt;
    const QDateTime now = nowIn.toUTC();
    const QByteArray hash = tokenHash(token);
    // Read before the session: a change committed after this read makes a later request miss.
    const std::optional<ServerStore::CacheVersions> versions = m_store.cacheVersions();
    if (versions) {
        QMutexLocker lock(&m_sessionCacheMutex);
        const auto cached = m_sessionCache.constFind(hash);
        if (cached != m_sessionCache.cend() && cached->generation == versions->auth &&
            cached->expiresAt > now) {
            ++m_cacheHits;
            return cached->person;
        }
    }
    const std::optional<Session> session = m_store.session(hash);
    if (!session || session->revoked || !session->expiresAt.isValid() || session->expiresAt <= now)
        return std::nullopt;
    std::optional<Person> person = m_store.person(session->personId);
    if (!person || person->disabled)
        return std::nullopt;
    if (versions) {
        QMutexLocker lock(&m_sessionCacheMutex);
        if (m_sessionCache.size() >= kCachedSessions)
            m_sessionCache.clear(); // simple and bounded: the busy sessions come back at once
        m_sessionCache.insert(hash, CachedSession{*person, session->expiresAt, versions->auth});
    }
    return person;
}

bool Accounts::logout(const QByteArray &token, const QDateTime &nowIn)
{
    if (token.isEmpty())
        return true;
    const QByteArray hash = tokenHash(token);
    const std::optional<Session> session = m_store.session(hash);
    if (!session || session->revoked)
        return true; // unknown or already signed out: nothing to revoke, nothing to record

    ServerStore::Transaction transaction(m_store);
    if (!transaction.ok() || !m_store.revokeSession(hash))
        return false;
    AuditEvent event;
    event.at = nowIn.toUTC();
    event.actorId = session->personId;
    event.type = u"logout"_s;
    event.subjectId = session->personId;
    if (!m_store.appendAudit(event) || !transaction.commit()) {
        qCWarning(lcApi, "signing %s out failed: %s", qUtf8Printable(session->personId),
                  qUtf8Printable(m_store.lastError()));
        return false;
    }
    qCInfo(lcApi, "%s signed out", qUtf8Printable(session->personId));
    return true;
}

bool Accounts::changePassword(const QString &personId, const QString &oldPassword, const QString &newPassword,
                              const QDateTime &nowIn, QString *error, int *retryAfterSeconds)
{
    if (retryAfterSeconds)
        *retryAfterSeconds = 0;
    const QDateTime now = nowIn.toUTC();
    const std::optional<Account> account = m_store.account(personId);
    if (!account || account->person.disabled) {
        setError(error, tr("Your account can't change its password (it is unknown or disabled). Ask the "
                           "information centre."));
        return false;
    }

    // The same slowing and lockout as signing in, so that a stolen session can't be used to guess the
    // password here.
    if (isLocked(*account, now)) {
        if (retryAfterSeconds)
            *retryAfterSeconds = secondsUntil(now, account->lockedUntil);
        const int minutes = (secondsUntil(now, account->lockedUntil) + 59) / 60;
        setError(error, tr("This account is locked after too many wrong passwords. Try again in %n "
                           "minute(s).",
                           nullptr, minutes));
        return false;
    }
    const QDateTime waitUntil = slowedUntil(m_policy, account->failedLogins, account->lastFailedAt);
    if (waitUntil.isValid() && now < waitUntil) {
        if (retryAfterSeconds)
            *retryAfterSeconds = secondsUntil(now, waitUntil);
        setError(error, tr("Too many wrong passwords. Wait %n second(s), then try again.", nullptr,
                           secondsUntil(now, waitUntil)));
        return false;
    }

    if (const QString problem = passwordPolicyProblem(m_policy, personId, newPassword); !problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    if (newPassword == oldPassword) {
        setError(error, tr("The new password is the same as the current one: choose a different one."));
        return false;
    }

    if (!verifyPassword(account->passwordHash, oldPassword)) {
        ServerStore::Transaction transaction(m_store);
        const std::optional<Account> fresh = transaction.ok() ? m_store.account(personId) : std::nullopt;
        const int failures = (fresh ? fresh->failedLogins : account->failedLogins) + 1;
        QDateTime lockedUntil;
        if (m_policy.lockAfterFailures > 0 && failures >= m_policy.lockAfterFailures)
            lockedUntil = now.addSecs(qint64(m_policy.lockMinutes) * 60);
        AuditEvent event;
        event.at = now;
        event.actorId = personId;
        event.subjectId = personId;
        event.type = lockedUntil.isValid() ? u"login.locked"_s : u"account.password_change_failed"_s;
        event.details = QJsonObject{{u"reason"_s, u"bad_password"_s}, {u"failures"_s, failures}};
        if (lockedUntil.isValid())
            event.details.insert(u"lockedUntil"_s, lockedUntil.toString(Qt::ISODateWithMs));
        if (!transaction.ok() || !m_store.recordLoginFailure(personId, now, lockedUntil) ||
            !m_store.appendAudit(event) || !transaction.commit()) {
            qCWarning(lcApi, "recording a failed password change of %s failed: %s", qUtf8Printable(personId),
                      qUtf8Printable(m_store.lastError()));
        }
        qCInfo(lcApi, "password change of %s refused: wrong current password", qUtf8Printable(personId));
        setError(error, tr("The current password is not correct. Type it again."));
        return false;
    }

    const QByteArray hash = hashPassword(newPassword);
    if (hash.isEmpty()) {
        setError(error, tr("The new password could not be processed. Try again later."));
        return false;
    }
    if (!storeNewPassword(personId, personId, hash, u"account.password_changed"_s, now, error))
        return false;
    qCInfo(lcApi, "%s changed their password; their sessions are revoked", qUtf8Printable(personId));
    return true;
}

bool Accounts::storeNewPassword(const QString &actorId, const QString &personId, const QByteArray &hash,
                                const QString &eventType, const QDateTime &now, QString *error)
{
    ServerStore::Transaction transaction(m_store);
    AuditEvent event;
    event.at = now;
    event.actorId = actorId;
    event.subjectId = personId;
    event.type = eventType;
    // A new password also lifts a lockout and ends the sessions made with the old one.
    if (!transaction.ok() || !m_store.setPasswordHash(personId, hash) ||
        !m_store.recordLoginSuccess(personId) || !m_store.revokeSessionsOf(personId) ||
        !m_store.appendAudit(event) || !transaction.commit()) {
        setError(error, storeProblem(m_store));
        return false;
    }
    return true;
}

bool Accounts::setPassword(const QString &actorId, const QString &personId, const QString &newPassword,
                           const QDateTime &nowIn, QString *error)
{
    const QDateTime now = nowIn.toUTC();
    const std::optional<Account> account = m_store.account(personId);
    if (!account) {
        setError(error, tr("There is no person with the user name \"%1\". Check the name.").arg(personId));
        return false;
    }
    if (const QString problem = passwordPolicyProblem(m_policy, personId, newPassword); !problem.isEmpty()) {
        setError(error, problem);
        return false;
    }
    const QByteArray hash = hashPassword(newPassword);
    if (hash.isEmpty()) {
        setError(error, tr("The new password could not be processed. Try again later."));
        return false;
    }
    const bool hadPassword = !account->passwordHash.isEmpty();
    if (!storeNewPassword(actorId, personId, hash, u"admin.password_set"_s, now, error))
        return false;
    // A new account's first password (an import gives dozens) is audited, not logged line by line.
    if (hadPassword)
        qCInfo(lcApi, "%s set the password of %s; their sessions are revoked", qUtf8Printable(actorId),
               qUtf8Printable(personId));
    else
        qCDebug(lcApi, "%s gave %s a first password", qUtf8Printable(actorId), qUtf8Printable(personId));
    return true;
}

bool Accounts::setDisabled(const QString &actorId, const QString &personId, bool disabled,
                           const QDateTime &nowIn, QString *error)
{
    const QDateTime now = nowIn.toUTC();
    if (!m_store.person(personId)) {
        setError(error, tr("There is no person with the user name \"%1\". Check the name.").arg(personId));
        return false;
    }
    ServerStore::Transaction transaction(m_store);
    AuditEvent event;
    event.at = now;
    event.actorId = actorId;
    event.subjectId = personId;
    event.type = disabled ? u"admin.person_disabled"_s : u"admin.person_enabled"_s;
    if (!transaction.ok() || !m_store.setDisabled(personId, disabled) ||
        (disabled && !m_store.revokeSessionsOf(personId)) || !m_store.appendAudit(event) ||
        !transaction.commit()) {
        setError(error, storeProblem(m_store));
        return false;
    }
    qCInfo(lcApi, "%s %s %s", qUtf8Printable(actorId), disabled ? "disabled" : "enabled",
           qUtf8Printable(personId));
    return true;
}

} // namespace baosong::server
