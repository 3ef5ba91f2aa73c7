#include "Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <openssl/evp.h>

#include <cstdlib>

namespace baosong {

namespace {

// The digest functions fail only when OpenSSL cannot allocate or its SHA-256 provider is missing:
// nothing a caller could recover from, and a wrong digest would silently break content addressing.
void check(int ok)
{
    if (ok != 1)
        qFatal("OpenSSL SHA-256 failed");
}

} // namespace

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    if (!m_context)
        qFatal("OpenSSL could not allocate a digest context");
    reset();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::add(QByteArrayView data)
{
    if (!data.isEmpty())
        check(EVP_DigestUpdate(m_context, data.data(), size_t(data.size())));
}

QByteArray Sha256::result() const
{
    // Finish a copy so that the running message can go on.
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    if (!copy)
        qFatal("OpenSSL could not allocate a digest context");
    QByteArray digest(kSize, Qt::Uninitialized);
    unsigned int length = 0;
    check(EVP_MD_CTX_copy_ex(copy, m_context));
    check(EVP_DigestFinal_ex(copy, reinterpret_cast<unsigned char *>(digest.data()), &length));
    EVP_MD_CTX_free(copy);
    if (length != unsigned(kSize))
        qFatal("OpenSSL SHA-256 returned a digest of unexpected size");
    return digest;
}

void Sha256::reset()
{
    check(EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr));
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 sha;
    sha.add(data);
    return sha.result();
}

QByteArray Sha256::ofFile(const QString &path, QString *error,
                          std::function<bool(qint64 done, qint64 total)> progress)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QByteArray();
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return fail(QCoreApplication::translate("BlobStore", "Cannot read %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString()));
    const qint64 total = file.size();
    QByteArray buffer(kBlockSize, Qt::Uninitialized);
    Sha256 sha;
    qint64 done = 0;
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(QCoreApplication::translate("BlobStore", "Cannot read %1: %2")
                            .arg(QDir::toNativeSeparators(path), file.errorString()));
        if (n == 0)
            break;
        sha.add(QByteArrayView(buffer.constData(), n));
        done += n;
        if (progress && !progress(done, total))
            return fail(QCoreApplication::translate("BlobStore", "Reading %1 was cancelled.")
                            .arg(QDir::toNativeSeparators(path)));
    }
    return sha.result();
}

} // namespace baosong
