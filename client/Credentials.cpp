#include "Credentials.h"

#include "TlsTrust.h" // lcTrust

#include <QDir>
#include <QEventLoop>
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
    Delete
};
} // namespace

struct Credentials::KeychainResult
{
    bool answered = false; // false: no answer within the timeout
    QKeychain::Error error = QKeychain::OtherError;
    QString errorString;
    QByteArray data; // Read
};

QString CredentialKey::id() const
{
    return u"%1@%2 (%3)"_s.arg(account, server, profile);
}

Credentials::Credentials(QString profileFolder, Fallback fallback)
    : m_folder(std::move(profileFolder))
    , m_fallback(fallback)
{}

QString Credentials::serviceName()
{
    return u"Baosong"_s;
}

QString Credentials::fallbackFilePath() const
{
    return QDir(m_folder).filePath(u"credentials-fallback.json"_s);
}

Credentials::KeychainResult Credentials::runKeychain(int operation, const CredentialKey &key,
                                                     const QByteArray &data)
{
    QKeychain::Job *job = nullptr;
    if (operation == Read) {
        job = new QKeychain::ReadPasswordJob(serviceName());
    } else if (operation == Write) {
        auto *write = new QKeychain::WritePasswordJob(serviceName());
        write->setBinaryData(data);
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(serviceName());
    }
    job->setKey(key.id());
    // QtKeychain's own fallback is a plain QSettings file: never.
    job->setInsecureFallback(false);
    job->setAutoDelete(false);

    KeychainResult result;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        result.answered = true;
        loop.quit();
    });
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    job->start();
    if (!result.answered)
        loop.exec();

    if (!result.answered) {
        // The job may still finish later: it then deletes itself; our loop is gone by then.
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
        return result;
    }
    result.error = job->error();
    result.errorString = job->errorString();
    if (operation == Read && result.error == QKeychain::NoError)
        result.data = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
    job->deleteLater();
    return result;
}

void Credentials::keychainFailed(const KeychainResult &result)
{
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

Credentials::Storage Credentials::storeToken(const CredentialKey &key, const QByteArray &token)
{
    const QString id = key.id();
    m_memory.insert(id, token);
    m_lastError.clear();

    if (m_keychainAvailable) {
        const KeychainResult r = runKeychain(Write, key, token);
        if (r.answered && r.error == QKeychain::NoError) {
            // A copy left in the fallback file by an earlier run is no longer needed.
            QString error;
            QHash<QString, QByteArray> tokens = readFile(&error);
            if (tokens.remove(id) > 0)
                writeFile(tokens, &error);
            m_notice.clear();
            m_lastStorage = Storage::Keychain;
            qCInfo(lcTrust).noquote() << "session token stored in the system keychain for" << id;
            return m_lastStorage;
        }
        keychainFailed(r);
    }

    if (m_fallback == Fallback::UserFile) {
        QString error;
        QHash<QString, QByteArray> tokens = readFile(&error);
        tokens.insert(id, token);
        if (writeFile(tokens, &error)) {
            m_notice = tr("No system keychain is available (%1). As you chose, the session token is kept in "
                          "%2, which only you can read.")
                           .arg(m_keychainProblem, QDir::toNativeSeparators(fallbackFilePath()));
            m_lastStorage = Storage::UserFile;
            qCInfo(lcTrust).noquote() << "session token stored in the fallback file for" << id;
            return m_lastStorage;
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
    m_lastStorage = Storage::Memory;
    qCInfo(lcTrust).noquote() << "session token kept in memory only for" << id;
    return m_lastStorage;
}

QByteArray Credentials::loadToken(const CredentialKey &key)
{
    const QString id = key.id();
    m_lastError.clear();
    if (const auto it = m_memory.constFind(id); it != m_memory.constEnd()) {
        return *it; // m_lastStorage still says where it was put or found
    }
    if (m_keychainAvailable) {
        const KeychainResult r = runKeychain(Read, key, {});
        if (r.answered && r.error == QKeychain::NoError) {
            m_memory.insert(id, r.data);
            m_lastStorage = Storage::Keychain;
            m_notice.clear();
            return r.data;
        }
        if (!r.answered || r.error != QKeychain::EntryNotFound)
            keychainFailed(r);
    }
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

bool Credentials::removeToken(const CredentialKey &key)
{
    const QString id = key.id();
    m_lastError.clear();
    m_memory.remove(id);
    bool ok = true;
    if (m_keychainAvailable) {
        const KeychainResult r = runKeychain(Delete, key, {});
        if (r.answered && (r.error == QKeychain::NoError || r.error == QKeychain::EntryNotFound)) {
            // deleted, or never there
        } else if (r.answered && r.error == QKeychain::CouldNotDeleteEntry) {
            m_lastError = tr("The system keychain did not delete the session token: %1").arg(r.errorString);
            ok = false;
        } else {
            keychainFailed(r);
        }
    }
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
