#include "Credentials.h"

#include "TlsTrust.h" // lcTrust

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace baosong {

namespace {
enum Operation
{
    Read,
    Write,
    Delete,
    Answered, // nothing to ask the keychain (a token in memory): answered in turn
};
} // namespace

struct Credentials::KeychainResult
{
    bool answered = false; // false: no answer within the timeout (or the keychain is unavailable)
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data; // Read
};

struct Credentials::Request
{
    int operation = Read;
    CredentialKey key;
    QByteArray data;
    std::function<void(const KeychainResult &)> then;
};

QString CredentialKey::id() const
{
    return u"%1@%2 (%3)"_s.arg(account, server, profile);
}

Credentials::Credentials(QString profileFolder, Fallback fallback, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(profileFolder))
    , m_fallback(fallback)
{}

Credentials::~Credentials() = default;

QString Credentials::serviceName()
{
    return u"Baosong"_s;
}

QString Credentials::fallbackFilePath() const
{
    return QDir(m_folder).filePath(u"credentials-fallback.json"_s);
}

void Credentials::runKeychain(int operation, const CredentialKey &key, const QByteArray &data,
                              std::function<void(const KeychainResult &)> then)
{
    m_queue.push_back(Request{operation, key, data, std::move(then)});
    if (!m_running)
        startNextJob();
}

void Credentials::startNextJob()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    if (!m_keychainAvailable || m_queue.front().operation == Answered) {
        // Once the keychain failed it is not asked again: the answer is "unavailable" at once (after
        // this call returns, as a keychain answer would be).
        QTimer::singleShot(0, this, [this] {
            Request request = std::move(m_queue.front());
            m_queue.pop_front();
            request.then(KeychainResult{});
            startNextJob();
        });
        return;
    }
    const Request &request = m_queue.front();
    QKeychain::Job *job = nullptr;
    if (request.operation == Read) {
        job = new QKeychain::ReadPasswordJob(serviceName());
    } else if (request.operation == Write) {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setBinaryData(request.data);
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(serviceName());
    }
    job->setKey(request.key.id());
    // QtKeychain's own fallback is a plain QSettings file: never.
    job->setInsecureFallback(false);
    job->setAutoDelete(true); // deletes itself after finished, also when it answers after the timeout

    // The job's answer and the timeout race; whichever comes first settles the request.
    auto settled = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    const int operation = request.operation;
    auto settle = [this, settled, timer](const KeychainResult &result) {
        if (*settled)
            return;
        *settled = true;
        timer->deleteLater();
        Request done = std::move(m_queue.front());
        m_queue.pop_front();
        done.then(result);
        startNextJob();
    };
    connect(job, &QKeychain::Job::finished, this, [settle, operation](QKeychain::Job *finished) {
        KeychainResult result;
        result.answered = true;
        result.error = finished->error();
        result.errorString = finished->errorString();
        if (operation == Read && result.error == QKeychain::NoError)
            result.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        settle(result);
    });
    connect(timer, &QTimer::timeout, this, [settle] { settle(KeychainResult{}); });
    timer->start(m_timeoutMs);
    job->start();
}

void Credentials::keychainFailed(const KeychainResult &result)
{
    // A request queued after the failure was known is answered "unavailable": nothing new to say.
    if (!m_keychainAvailable && !result.answered)
        return;
    m_keychainAvailable = false;
    // QtKeychain's own text is untranslated and often just "Unknown error": tell the user in words.
    if (!result.answered) {
        m_keychainProblem =
            tr("the keychain did not answer within %1 seconds").arg(m_timeoutMs / 1000.0, 0, 'g', 3);
    } else if (result.error == QKeychain::AccessDeniedByUser || result.error == QKeychain::AccessDenied) {
        m_keychainProblem = tr("access to the keychain was denied");
    } else if (result.error == QKeychain::NoBackendAvailable || result.error == QKeychain::NotImplemented) {
        m_keychainProblem = tr("no keychain service is installed");
    } else {
        m_keychainProblem = tr("no keychain service answers");
    }
    qCWarning(lcTrust).noquote() << "system keychain unavailable: error" << int(result.error)
                                 << (result.answered ? result.errorString : u"timeout"_s);
}

void Credentials::storeToken(const CredentialKey &key, const QByteArray &token,
                             std::function<void(Storage)> done)
{
    const QString id = key.id();
    m_memory.insert(id, token);
    m_lastError.clear();
    runKeychain(Write, key, token, [this, id, token, done = std::move(done)](const KeychainResult &r) {
        Storage storage;
        if (r.answered && r.error == QKeychain::NoError) {
            // A copy left in the fallback file by an earlier run is no longer needed.
            QString error;
            QHash<QString, QByteArray> tokens = readFile(&error);
            if (tokens.remove(id) > 0)
                writeFile(tokens, &error);
            m_notice.clear();
            storage = Storage::Keychain;
            qCInfo(lcTrust).noquote() << "session token stored in the system keychain for" << id;
        } else {
            keychainFailed(r);
            storage = storeInFallback(id, token);
        }
        m_lastStorage = storage;
        if (done)
            done(storage);
    });
}

Credentials::Storage Credentials::storeInFallback(const QString &id, const QByteArray &token)
{
    if (m_fallback == Fallback::UserFile) {
        QString error;
        QHash<QString, QByteArray> tokens = readFile(&error);
        tokens.insert(id, token);
        if (writeFile(tokens, &error)) {
            m_notice = tr("No system keychain is available (%1). As you chose, the session token is kept in "
                          "%2, which only you can read.")
                           .arg(m_keychainProblem, QDir::toNativeSeparators(fallbackFilePath()));
            qCInfo(lcTrust).noquote() << "session token stored in the fallback file for" << id;
            return Storage::UserFile;
        }
        m_lastError = error;
        m_notice = tr("No system keychain is available (%1) and the session token cannot be saved to a file "
                      "(%2): it is kept in memory only, and you will need to sign in again after Baosong "
                      "is closed.")
                       .arg(m_keychainProblem, error);
    } else {
        m_notice =
            tr("No system keychain is available (%1): the session token is kept in memory only, and you "
               "will need to sign in again after Baosong is closed.")
                .arg(m_keychainProblem);
    }
    qCInfo(lcTrust).noquote() << "session token kept in memory only for" << id;
    return Storage::Memory;
}

void Credentials::loadToken(const CredentialKey &key, std::function<void(const QByteArray &)> done)
{
    const QString id = key.id();
    m_lastError.clear();
    if (const auto it = m_memory.constFind(id); it != m_memory.constEnd()) {
        // m_lastStorage still says where it was put or found. Answered in turn, as the others are.
        runKeychain(Answered, key, {},
                    [token = *it, done = std::move(done)](const KeychainResult &) { done(token); });
        return;
    }
    runKeychain(Read, key, {}, [this, id, done = std::move(done)](const KeychainResult &r) {
        if (r.answered && r.error == QKeychain::NoError) {
            m_memory.insert(id, r.data);
            m_lastStorage = Storage::Keychain;
            m_notice.clear();
            done(r.data);
            return;
        }
        if (!(r.answered && r.error == QKeychain::EntryNotFound))
            keychainFailed(r);
        done(loadFromFile(id));
    });
}

QByteArray Credentials::loadFromFile(const QString &id)
{
    QString error;
    const QHash<QString, QByteArray> tokens = readFile(&error);
    if (!error.isEmpty())
        m_lastError = error;
    if (const auto it = tokens.constFind(id); it != tokens.constEnd()) {
        m_memory.insert(id, *it);
        m_lastStorage = Storage::UserFile;
        return *it;
    }
    m_lastStorage = Storage::None;
    return {};
}

void Credentials::removeToken(const CredentialKey &key, std::function<void(bool)> done)
{
    const QString id = key.id();
    m_lastError.clear();
    m_memory.remove(id);
    runKeychain(Delete, key, {}, [this, id, done = std::move(done)](const KeychainResult &r) {
        bool ok = true;
        if (r.answered && (r.error == QKeychain::NoError || r.error == QKeychain::EntryNotFound)) {
            // deleted, or never there
        } else if (r.answered && r.error == QKeychain::CouldNotDeleteEntry) {
            m_lastError = tr("The system keychain did not delete the session token: %1").arg(r.errorString);
            ok = false;
        } else {
            keychainFailed(r);
        }
        ok = removeFromFile(id, ok);
        if (done)
            done(ok);
    });
}

bool Credentials::removeFromFile(const QString &id, bool ok)
{
    QString error;
    QHash<QString, QByteArray> tokens = readFile(&error);
    if (tokens.remove(id) > 0 && !writeFile(tokens, &error)) {
        m_lastError = error;
        ok = false;
    }
    m_lastStorage = Storage::None;
    qCInfo(lcTrust).noquote() << "session token removed for" << id;
    return ok;
}

QHash<QString, QByteArray> Credentials::readFile(QString *error) const
{
    QHash<QString, QByteArray> tokens;
    QFile file(fallbackFilePath());
    if (!file.exists())
        return tokens;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("The file %1 cannot be read: %2")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return tokens;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.read(1024 * 1024)).object();
    const QJsonObject entries = root.value("tokens"_L1).toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it)
        tokens.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    return tokens;
}

bool Credentials::writeFile(const QHash<QString, QByteArray> &tokens, QString *error) const
{
    const QString path = fallbackFilePath();
    if (tokens.isEmpty()) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("The file %1 cannot be removed.").arg(QDir::toNativeSeparators(path));
            return false;
        }
        return true;
    }
    QJsonObject entries;
    for (auto it = tokens.constBegin(); it != tokens.constEnd(); ++it)
        entries.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    const QJsonObject root{{"version"_L1, 1}, {"tokens"_L1, entries}};
    if (!QDir().mkpath(m_folder)) {
        *error = tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(QJsonDocument(root).toJson()) < 0 || !file.commit()) {
        *error =
            tr("The file %1 cannot be written: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace baosong
