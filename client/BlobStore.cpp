#include "BlobStore.h"

#include "Limits.h"

#include "Sha256.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QUuid>

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <fcntl.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

using namespace Qt::StringLiterals;

namespace baosong {

namespace {

const QString kTempPrefix = u".import-"_s;
const QString kTempSuffix = u".part"_s;
const QString kDownloadPrefix = u".download-"_s;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool isHex(QStringView s)
{
    for (QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// The raw digest of a blob's path relative to the root ("ab/cd/abcd…"), or empty when it is not one.
QByteArray digestOfRelativePath(const QString &relative)
{
    const QStringList parts = relative.split(u'/');
    if (parts.size() != 3 || parts[0].size() != 2 || parts[1].size() != 2 || parts[2].size() != 64)
        return {};
    const QString &hex = parts[2];
    if (!isHex(hex) || !hex.startsWith(parts[0]) || QStringView(hex).mid(2, 2) != parts[1])
        return {};
    return QByteArray::fromHex(hex.toLatin1());
}

bool isTempName(const QString &relative)
{
    return !relative.contains(u'/') &&
           (relative.startsWith(kTempPrefix) || relative.startsWith(kDownloadPrefix)) &&
           relative.endsWith(kTempSuffix);
}

// Flushes the file's data to the disk, not only to the kernel.
bool syncFile(QFile &file)
{
    if (!file.flush())
        return false;
#if defined(Q_OS_UNIX)
    return ::fsync(file.handle()) == 0;
#elif defined(Q_OS_WIN)
    return ::_commit(file.handle()) == 0;
#else
    return true;
#endif
}

// Makes a rename inside `folder` durable (POSIX: the folder's entry is data of the folder).
void syncFolder(const QString &folder)
{
#if defined(Q_OS_UNIX)
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder);
#endif
}

} // namespace

BlobStore::BlobStore(const QString &rootFolder)
    : m_root(QDir::cleanPath(QDir(rootFolder).absolutePath()))
{}

QString BlobStore::safeFileName(const QString &name)
{
    return limits::safeFileName(name);
}

QString BlobStore::pathOf(const QByteArray &sha256) const
{
    if (sha256.size() != Sha256::kSize)
        return {};
    const QString hex = QString::fromLatin1(sha256.toHex());
    return m_root + u'/' + hex.left(2) + u'/' + hex.mid(2, 2) + u'/' + hex;
}

QString BlobStore::downloadPathOf(const QByteArray &sha256) const
{
    if (sha256.size() != Sha256::kSize)
        return {};
    return m_root + u'/' + kDownloadPrefix + QString::fromLatin1(sha256.toHex()) + kTempSuffix;
}

bool BlobStore::adoptFile(const QString &tempPath, const QByteArray &sha256, QString *error, AdoptCheck check)
{
    const QString target = pathOf(sha256);
    auto fail = [&](const QString &message) {
        QFile::remove(tempPath);
        return setError(error, message);
    };
    if (target.isEmpty())
        return fail(QCoreApplication::translate("BlobStore", "Not a SHA-256 digest: %1")
                        .arg(QString::fromLatin1(sha256.toHex())));
    if (QFileInfo(tempPath).absolutePath() != m_root)
        return setError(error,
                        QCoreApplication::translate("BlobStore", "%1 is not in the attachment folder %2.")
                            .arg(native(tempPath), native(m_root)));
    if (check == AdoptCheck::Rehash) {
        QString readError;
        const QByteArray actual = Sha256::ofFile(tempPath, &readError);
        if (actual.isEmpty() && !readError.isEmpty())
            return fail(readError);
        if (actual != sha256)
            return fail(QCoreApplication::translate("BlobStore",
                                                    "The received content of the attachment %1 "
                                                    "does not match its SHA-256; it was refused.")
                            .arg(QString::fromLatin1(sha256.toHex())));
    }
    {
        QFile temp(tempPath);
        if (!temp.open(QIODevice::ReadWrite) || !syncFile(temp))
            return fail(QCoreApplication::translate("BlobStore", "Cannot write %1: %2")
                            .arg(native(tempPath), temp.errorString()));
    }
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(QCoreApplication::translate("BlobStore", "Cannot create the attachment folder %1.")
                        .arg(native(folder)));
    if (QFileInfo(target).isFile()) {
        QFile existing(target);
        if (existing.open(QIODevice::ReadWrite))
            existing.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
        QFile::remove(tempPath);
        return true;
    }
    if (!QFile::rename(tempPath, target)) {
        if (QFileInfo(target).isFile()) {
            QFile::remove(tempPath);
            return true;
        }
        return fail(QCoreApplication::translate("BlobStore", "Cannot store %1 as %2.")
                        .arg(native(tempPath), native(target)));
    }
    syncFolder(folder);
    syncFolder(m_root);
    return true;
}

bool BlobStore::contains(const QByteArray &sha256) const
{
    const QString path = pathOf(sha256);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

std::optional<QByteArray> BlobStore::read(const QByteArray &sha256, qint64 maxBytes) const
{
    const QString path = pathOf(sha256);
    if (path.isEmpty())
        return std::nullopt;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > maxBytes)
        return std::nullopt;
    QByteArray bytes = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return std::nullopt;
    return bytes;
}

bool BlobStore::verify(const QByteArray &sha256, QString *error) const
{
    const QString path = pathOf(sha256);
    if (path.isEmpty())
        return setError(error, QCoreApplication::translate("BlobStore", "Not a SHA-256 digest: %1")
                                   .arg(QString::fromLatin1(sha256.toHex())));
    if (!QFileInfo(path).isFile())
        return setError(error,
                        QCoreApplication::translate("BlobStore", "The attachment %1 is missing from %2.")
                            .arg(QString::fromLatin1(sha256.toHex()), native(m_root)));
    QString readError;
    const QByteArray actual = Sha256::ofFile(path, &readError);
    if (actual.isEmpty())
        return setError(error, readError);
    if (actual != sha256)
        return setError(error,
                        QCoreApplication::translate(
                            "BlobStore", "The attachment %1 is damaged: its content no longer matches its "
                                         "SHA-256 (%2).")
                            .arg(QString::fromLatin1(sha256.toHex()), native(path)));
    return true;
}

QList<QByteArray> BlobStore::blobs() const
{
    QList<QByteArray> result;
    const QDir root(m_root);
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray digest = digestOfRelativePath(root.relativeFilePath(it.next()));
        if (!digest.isEmpty())
            result.append(digest);
    }
    return result;
}

std::optional<Attachment> BlobStore::importFile(const QString &sourcePath, QString *error,
                                                std::function<bool(qint64 done, qint64 total)> progress)
{
    const QFileInfo info(sourcePath);
    if (info.isDir()) {
        setError(
            error,
            QCoreApplication::translate("BlobStore", "%1 is a folder, not a file.").arg(native(sourcePath)));
        return std::nullopt;
    }
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        setError(error, QCoreApplication::translate("BlobStore", "Cannot read %1: %2")
                            .arg(native(sourcePath), source.errorString()));
        return std::nullopt;
    }
    return import(source, source.size(), safeFileName(info.fileName()), info.fileName(), error, progress);
}

std::optional<Attachment> BlobStore::importBytes(const QByteArray &data, const QString &fileName,
                                                 QString *error)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return import(buffer, data.size(), safeFileName(fileName), fileName, error, {});
}

std::optional<Attachment> BlobStore::import(QIODevice &source, qint64 total, const QString &displayName,
                                            const QString &sourceName, QString *error,
                                            const std::function<bool(qint64, qint64)> &progress)
{
    if (!QDir().mkpath(m_root)) {
        setError(error, QCoreApplication::translate("BlobStore", "Cannot create the attachment folder %1.")
                            .arg(native(m_root)));
        return std::nullopt;
    }
    const QString tempPath =
        m_root + u'/' + kTempPrefix + QUuid::createUuid().toString(QUuid::Id128) + kTempSuffix;
    QFile temp(tempPath);
    auto fail = [&](const QString &message) -> std::optional<Attachment> {
        temp.close();
        QFile::remove(tempPath);
        setError(error, message);
        return std::nullopt;
    };
    if (!temp.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
        return fail(QCoreApplication::translate("BlobStore", "Cannot write %1: %2")
                        .arg(native(tempPath), temp.errorString()));

    Sha256 sha;
    QByteArray buffer(Sha256::kBlockSize, Qt::Uninitialized);
    QByteArray head; // the first block, for the MIME type
    qint64 done = 0;
    for (;;) {
        const qint64 n = source.read(buffer.data(), buffer.size());
        if (n < 0)
            return fail(QCoreApplication::translate("BlobStore", "Cannot read %1: %2")
                            .arg(native(sourceName), source.errorString()));
        if (n == 0)
            break;
        const QByteArrayView block(buffer.constData(), n);
        if (done == 0)
            head = block.toByteArray();
        sha.add(block);
        if (temp.write(block.data(), n) != n)
            return fail(QCoreApplication::translate("BlobStore", "Cannot write %1: %2")
                            .arg(native(tempPath), temp.errorString()));
        done += n;
        if (progress && !progress(done, total))
            return fail(
                QCoreApplication::translate("BlobStore", "Importing %1 was cancelled.").arg(displayName));
    }
    if (!syncFile(temp))
        return fail(QCoreApplication::translate("BlobStore", "Cannot write %1: %2")
                        .arg(native(tempPath), temp.errorString()));
    temp.close();

    const QByteArray digest = sha.result();
    const QString target = pathOf(digest);
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
        return fail(QCoreApplication::translate("BlobStore", "Cannot create the attachment folder %1.")
                        .arg(native(folder)));
    // Already stored: keep that blob and mark it as recently used, so that garbage collection gives
    // it its grace period again.
    bool stored = false;
    if (QFileInfo(target).isFile()) {
        QFile existing(target);
        stored = existing.open(QIODevice::ReadWrite) &&
                 existing.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    }
    if (stored) {
        QFile::remove(tempPath);
    } else if (QFile::rename(tempPath, target)) {
        syncFolder(folder);
        syncFolder(m_root);
    } else if (QFileInfo(target).isFile()) {
        QFile::remove(tempPath); // stored meanwhile by a concurrent import of the same content
    } else {
        return fail(QCoreApplication::translate("BlobStore", "Cannot store %1 as %2.")
                        .arg(native(tempPath), native(target)));
    }

    Attachment attachment;
    attachment.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    attachment.fileName = displayName;
    attachment.mimeType = QMimeDatabase().mimeTypeForFileNameAndData(sourceName, head).name();
    attachment.size = done;
    attachment.sha256 = digest;
    return attachment;
}

BlobStore::GarbageReport BlobStore::collectGarbage(const QSet<QByteArray> &referenced, QString *error,
                                                   qint64 graceSeconds)
{
    GarbageReport report;
    if (!QFileInfo(m_root).isDir())
        return report;
    const QDateTime keepAfter = QDateTime::currentDateTimeUtc().addSecs(-graceSeconds);
    const QDir root(m_root);
    auto failed = [&](const QString &message) {
        if (report.ok)
            setError(error, message);
        report.ok = false;
    };

    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = root.relativeFilePath(path);
        const QByteArray digest = digestOfRelativePath(relative);
        const bool temp = digest.isEmpty() && isTempName(relative);
        if ((digest.isEmpty() && !temp) || referenced.contains(digest))
            continue;
        if (info.lastModified().toUTC() > keepAfter)
            continue;
        const qint64 size = info.size();
        if (!QFile::remove(path)) {
            failed(QCoreApplication::translate("BlobStore", "Cannot remove %1.").arg(native(path)));
            continue;
        }
        if (temp) {
            ++report.tempFilesRemoved;
            report.tempBytesRemoved += size;
        } else {
            ++report.blobsRemoved;
            report.blobBytesRemoved += size;
            report.removedBlobs.append(digest);
        }
    }

    // Remove the two-level folders emptied above (rmdir leaves non-empty ones alone).
    const QStringList outer = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &first : outer) {
        if (first.size() != 2 || !isHex(first))
            continue;
        QDir firstDir(root.filePath(first));
        for (const QString &second : firstDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
            if (second.size() == 2 && isHex(second))
                firstDir.rmdir(second);
        }
        root.rmdir(first);
    }
    return report;
}

QSet<QByteArray> BlobStore::referencedBy(const QList<Item> &items)
{
    QSet<QByteArray> result;
    for (const Item &item : items) {
        for (const Revision &revision : item.revisions) {
            for (const Attachment &attachment : revision.content.attachments) {
                if (!attachment.sha256.isEmpty())
                    result.insert(attachment.sha256);
            }
        }
    }
    return result;
}

} // namespace baosong
