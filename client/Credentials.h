#pragma once

// The client's session token (POST /api/v1/session), kept in the system keychain through QtKeychain
// (docs/design.md §6, §8). Where no keychain service answers (QtKeychain fails with an error, or does
// not answer within timeoutMs), the token is kept in memory only, and the user is told so (notice())
// — unless the caller explicitly chose the fallback file, readable only by the user (0600), in the
// profile folder. Passwords are never stored: there is no API for them. Tokens are never logged.
//
// The calls are asynchronous: each returns at once and calls its `done` later, on this object's
// thread, when the keychain has answered or the timeout has passed (then the keychain is not asked
// again by this object). Nothing waits on the GUI thread, so the window never freezes on a slow
// keychain. Calls made one after another are answered in that order. A `done` is not called after
// this object is gone.

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>

namespace baosong {

// Whose token: one per profile, server and account.
struct CredentialKey
{
    QString profile; // the profile's name or folder
    QString server;  // the server's origin, e.g. "https://127.0.0.1:8443"
    QString account; // the person's login

    // The keychain entry's name, e.g. "zhangwei@https://127.0.0.1:8443 (default)".
    QString id() const;
};

class Credentials : public QObject
{
    Q_OBJECT
public:
    // What to do when the keychain is unavailable.
    enum class Fallback
    {
        MemoryOnly, // keep the token in memory only: the user signs in again after a restart (default)
        UserFile,   // keep it in the profile folder's fallback file, mode 0600 (the user chose so)
    };
    enum class Storage
    {
        None,     // no token is kept (loadToken found none, or after removeToken)
        Keychain, // the system keychain
        UserFile, // the fallback file (fallbackFilePath())
        Memory,   // this object's memory only: lost when the client exits
    };

    explicit Credentials(QString profileFolder, Fallback fallback = Fallback::MemoryOnly,
                         QObject *parent = nullptr);
    ~Credentials() override;

    Fallback fallback() const { return m_fallback; }
    void setFallback(Fallback fallback) { m_fallback = fallback; }
    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Keeps `token` for `key`: in memory at once, then in the keychain, else by fallback(); `done`
    // gets where it is kept.
    void storeToken(const CredentialKey &key, const QByteArray &token,
                    std::function<void(Storage)> done = {});
    // The token kept for `key` (memory, keychain, then the fallback file), or an empty array.
    void loadToken(const CredentialKey &key, std::function<void(const QByteArray &)> done);
    // Forgets the token everywhere (memory at once; keychain, fallback file; the file is removed when
    // it holds no other token). `done` gets false, with lastError(), when the keychain refused to
    // delete it.
    void removeToken(const CredentialKey &key, std::function<void(bool)> done = {});

    // Where the last storeToken/loadToken kept or found the token.
    Storage lastStorage() const { return m_lastStorage; }
    // False once the keychain failed or did not answer in time (it is then not asked again).
    bool keychainAvailable() const { return m_keychainAvailable; }
    // Translated, for the user: why the token is not in the keychain and what that means; empty
    // when it is there.
    QString notice() const { return m_notice; }
    // Translated: the last failure (keychain or file), or empty.
    QString lastError() const { return m_lastError; }

    // <profile folder>/credentials-fallback.json
    QString fallbackFilePath() const;
    // The keychain service name of every entry ("Baosong").
    static QString serviceName();

private:
    struct KeychainResult;
    struct Request;
    // Queues a keychain job; `then` gets its result (answered false: the keychain is not available,
    // or did not answer within timeoutMs()). One job at a time, in the order asked.
    void runKeychain(int operation, const CredentialKey &key, const QByteArray &data,
                     std::function<void(const KeychainResult &)> then);
    void startNextJob();
    void keychainFailed(const KeychainResult &result);
    Storage storeInFallback(const QString &id, const QByteArray &token);
    QByteArray loadFromFile(const QString &id);
    bool removeFromFile(const QString &id, bool ok);
    QHash<QString, QByteArray> readFile(QString *error) const;
    bool writeFile(const QHash<QString, QByteArray> &tokens, QString *error) const;

    QString m_folder;
    Fallback m_fallback;
    int m_timeoutMs = 5000;
    bool m_keychainAvailable = true;
    QString m_keychainProblem;
    Storage m_lastStorage = Storage::None;
    QString m_notice;
    QString m_lastError;
    QHash<QString, QByteArray> m_memory;
    std::deque<Request> m_queue; // keychain jobs waiting; the front one runs
    bool m_running = false;
};

} // namespace baosong
