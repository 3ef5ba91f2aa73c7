#include "ServerBlobStore.h"

#include "ServerLogging.h"
#include "Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <future>
#include <memory>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

constexpr qint64 kHashBuffer = 1024 * 1024;

bool isLowerHex(QByteArrayView text, qsizetype length)
{
    if (text.size() != length)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

// O_DIRECT's alignment of buffers, offsets and lengths (the logical block size of common disks and
// of ext4 and XFS is at most this).
constexpr qsizetype kDirectBlock = 4096;

// Flushes a folder's entries (a rename into it) to disk.
bool syncFolder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

BlobStore::BlobStore(QString root)
    : m_root(std::move(root))
{}

bool BlobStore::ensure(QString *error) const
{
    if (m_root.isEmpty() || !QDir().mkpath(QDir(m_root).filePath(u"uploads"_s))) {
        *error = tr("The attachment folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_root));
        return false;
    }
    return true;
}

bool BlobStore::isSha256(QByteArrayView hex)
{
    return isLowerHex(hex, 64);
}

bool BlobStore::isUploadId(QByteArrayView id)
{
    return isLowerHex(id, 32);
}

QString BlobStore::newUploadId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

QString BlobStore::blobPath(const QByteArray &hex) const
{
    Q_ASSERT(isSha256(hex));
    const QString name = QString::fromLatin1(hex);
    return u"%1/%2/%3/%4"_s.arg(m_root, name.left(2), name.mid(2, 2), name);
}

bool BlobStore::hasBlob(const QByteArray &hex) const
{
    return QFileInfo(blobPath(hex)).isFile();
}

qint64 BlobStore::blobSize(const QByteArray &hex) const
{
    const QFileInfo info(blobPath(hex));
    return info.isFile() ? info.size() : -1;
}

std::optional<QByteArray> BlobStore::readBlob(const QByteArray &hex, qint64 maxBytes) const
{
    if (m_root.isEmpty() || !isSha256(hex))
        return std::nullopt;
    QFile f(blobPath(hex));
    if (!f.open(QIODevice::ReadOnly) || f.size() > maxBytes)
        return std::nullopt;
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return std::nullopt;
    return bytes;
}

QString BlobStore::partialPath(const QString &id) const
{
    Q_ASSERT(isUploadId(id.toLatin1()));
    return u"%1/uploads/%2"_s.arg(m_root, id);
}

bool BlobStore::createPartial(const QString &id, QString *error) const
{
    if (!ensure(error))
        return false;
    QFile f(partialPath(id));
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *error = tr("The upload file cannot be created: %1").arg(f.errorString());
        return false;
    }
    return true;
}

bool BlobStore::writeChunk(const QString &id, qint64 offset, QByteArrayView data, QString *error) const
{
    QFile f(partialPath(id));
    if (!f.open(QIODevice::ReadWrite) || !f.resize(offset) || !f.seek(offset) ||
        f.write(data.data(), data.size()) != data.size() || !f.flush() || ::fsync(f.handle()) != 0) {
        *error = tr("The upload file cannot be written: %1").arg(f.errorString());
        return false;
    }
    return true;
}

int BlobStore::lockPartial(const QString &id) const
{
    const int fd = ::open(QFile::encodeName(partialPath(id)).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            ::close(fd);
            return -1;
        }
    }
    return fd;
}

void BlobStore::unlockPartial(int fd)
{
    if (fd >= 0)
        ::close(fd); // releases the lock
}

bool BlobStore::resetPartial(const QString &id) const
{
    QFile f(partialPath(id));
    return f.open(QIODevice::ReadWrite) && f.resize(0);
}

void BlobStore::removePartial(const QString &id) const
{
    QFile::remove(partialPath(id));
}

QByteArray BlobStore::sha256OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        return {};
    QByteArray buffer(kHashBuffer, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        if (EVP_DigestUpdate(ctx.get(), buffer.constData(), size_t(n)) != 1)
            return {};
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex();
}

BlobStore::Finish BlobStore::finish(const QString &id, const QByteArray &hex, QString *error) const
{
    const QString partial = partialPath(id);
    const QByteArray actual = sha256OfFile(partial);
    if (actual.isEmpty()) {
        *error = tr("The upload file cannot be read.");
        return Finish::Failed;
    }
    if (actual != hex)
        return Finish::Mismatch;
    // The content was flushed chunk by chunk.
    if (!moveIntoPlace(partial, hex, error))
        return Finish::Failed;
    if (!syncFolder(QDir(m_root).filePath(u"uploads"_s)))
        qCWarning(lcApi) << "cannot flush the upload folder after" << hex;
    return Finish::Stored;
}

bool BlobStore::moveIntoPlace(const QString &partial, const QByteArray &hex, QString *error) const
{
    const QString target = blobPath(hex);
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = tr("The attachment folder %1 cannot be created.").arg(QDir::toNativeSeparators(folder));
        return false;
    }
    // rename() replaces atomically (another upload of the same content finishing at the same time
    // leaves the same bytes), then the folder holding the blob is flushed.
    if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        *error = tr("The attachment cannot be stored: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!syncFolder(folder))
        qCWarning(lcApi) << "cannot flush the attachment folder of" << hex;
    return true;
}

bool BlobStore::storeWhole(const QByteArray &hex, QByteArrayView bytes, QString *error, bool *mismatch) const
{
    if (mismatch)
        *mismatch = false;
    if (!ensure(error))
        return false;
    // The content is checked against `hex` while it is written and flushed (a second core hashes it:
    // the write mostly waits for the disk), and takes its name only when it matches. A small file
    // is checked first: a thread would cost more than its hash.
    constexpr qsizetype kHashAside = 256 * 1024;
    const auto matches = [&](const QByteArray &digest) {
        if (digest == hex)
            return true;
        if (mismatch)
            *mismatch = true;
        *error = tr("The file that arrived does not have the SHA-256 announced; nothing was stored.");
        return false;
    };
    std::future<QByteArray> digest;
    if (bytes.size() >= kHashAside)
        digest = std::async(std::launch::async, [bytes] { return Sha256::hash(bytes).toHex(); });
    else if (!matches(Sha256::hash(bytes).toHex()))
        return false;
    const QString partial = u"%1/uploads/whole-%2"_s.arg(m_root, newUploadId());
    const QByteArray partialName = QFile::encodeName(partial);
    // The whole blocks go around the page cache (O_DIRECT): a file written once and seldom read
    // should not take memory from the database, and on a machine whose memory is touched for the
    // first time, filling new cache pages costs several times the write itself (bench_server [4]).
    // The tail, and file systems without O_DIRECT (tmpfs), are written the ordinary way.
    int fd = ::open(partialName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_DIRECT, 0600);
    const bool direct = fd >= 0;
    if (!direct && errno == EINVAL)
        fd = ::open(partialName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error =
            tr("The upload file cannot be created: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const auto writeAll = [fd](const char *data, qsizetype size) {
        while (size > 0) {
            const ssize_t n = ::write(fd, data, size_t(size));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            data += n;
            size -= n;
        }
        return true;
    };
    bool ok = true;
    qsizetype done = 0;
    if (direct) {
        const qsizetype whole = bytes.size() / kDirectBlock * kDirectBlock;
        if (whole > 0) {
            // O_DIRECT wants an aligned buffer; one per thread, kept.
            thread_local std::unique_ptr<char, decltype(&std::free)> aligned(nullptr, &std::free);
            thread_local qsizetype alignedSize = 0;
            if (alignedSize < whole) {
                void *p = nullptr;
                if (::posix_memalign(&p, kDirectBlock, size_t(whole)) != 0)
                    p = nullptr;
                aligned.reset(static_cast<char *>(p));
                alignedSize = p ? whole : 0;
            }
            if (aligned) {
                std::memcpy(aligned.get(), bytes.data(), size_t(whole));
                done = writeAll(aligned.get(), whole) ? whole : 0;
                // Refused (EINVAL: an alignment this disk does not take): all through the cache.
                ok = done == whole || (::ftruncate(fd, 0) == 0 && ::lseek(fd, 0, SEEK_SET) == 0);
            }
        }
        // The rest through the cache.
        ok = ok && ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_DIRECT) == 0;
    }
    ok = ok && writeAll(bytes.data() + done, bytes.size() - done) && ::fdatasync(fd) == 0;
    const int writeErrno = errno;
    ::close(fd);
    if (!ok) {
        ::unlink(partialName.constData());
        *error = tr("The upload file cannot be written: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(writeErrno)));
        return false;
    }
    if (digest.valid() && !matches(digest.get())) {
        ::unlink(partialName.constData());
        return false;
    }
    if (!moveIntoPlace(partial, hex, error)) {
        ::unlink(partialName.constData());
        return false;
    }
    return true;
}

int BlobStore::removeStaleWholes(const QDateTime &before) const
{
    int removed = 0;
    const QDir uploads(QDir(m_root).filePath(u"uploads"_s));
    const QFileInfoList files = uploads.entryInfoList({u"whole-*"_s}, QDir::Files | QDir::Hidden);
    for (const QFileInfo &f : files) {
        if (f.lastModified() < before && QFile::remove(f.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

} // namespace baosong::server
