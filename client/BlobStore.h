#pragma once

// The client's local blob store (docs/design.md §7, §8, §9): attachment contents kept as files addressed
// by their SHA-256, so that a file attached twice (or to several revisions) is stored once.
//
// Layout under the root folder:
//   <root>/<ab>/<cd>/<sha256 hex>   a blob; `ab` and `cd` are the first two bytes of the digest in hex
//   <root>/.import-<random>.part    a blob being imported (left behind only by a crash)
//   <root>/.download-<sha256>.part  a blob being downloaded (client/Transfers; kept to resume it, also by
//                                   a new process, until it is whole, verified and adopted)
//   <root>/.uploads/<sha256>.json   the server's id of an unfinished upload of a blob (client/Transfers)
// Nothing else is created, and no path is ever made from a user's file name: the name is metadata of
// the Attachment only (safeFileName() makes it safe to show and to offer when saving a copy).
//
// Writes are atomic: an import copies into a temporary file in the root while hashing, flushes it to
// disk (fsync), then renames it to its content address and syncs the folder. A crash leaves either
// no blob or a whole one, plus at most a stale temporary file that collectGarbage() removes.
//
// Blobs are never changed once written. They are referenced by the attachments of items (drafts and
// every revision: referencedBy()) and of outbox entries; collectGarbage() removes only the blobs the
// caller's reference set leaves out. The sync engine adds the outbox's references to that set (an
// action waiting to upload still needs its files).
//
// A BlobStore holds no open files or state beyond its root: several instances (and threads) may use
// the same root; concurrent imports of the same content both succeed and store it once.

#include "Domain.h"
#include "Limits.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

class QIODevice;

namespace baosong {

class BlobStore
{
public:
    // Longest display name safeFileName() returns, in characters (code points).
    static constexpr int kMaxFileNameLength = limits::kFileNameChars;
    // Blobs and temporary files modified more recently than this are kept by collectGarbage() by
    // default: an attachment just imported is not yet referenced by a saved draft, and an import in
    // progress writes its temporary file.
    static constexpr qint64 kDefaultGraceSeconds = 24 * 60 * 60;

    struct GarbageReport
    {
        bool ok = true;       // false when a file could not be removed (see error)
        int blobsRemoved = 0; // unreferenced blobs removed
        qint64 blobBytesRemoved = 0;
        int tempFilesRemoved = 0; // stale temporary files of interrupted imports removed
        qint64 tempBytesRemoved = 0;
        QList<QByteArray> removedBlobs; // raw digests of the removed blobs
    };

    explicit BlobStore(const QString &rootFolder);

    QString rootFolder() const { return m_root; }

    // Copies the file at `sourcePath` into the store (hashing it on the way, in bounded memory) and
    // returns a new Attachment for it: a new id, the display-safe form of the file's base name, its
    // MIME type (from its content and name), size and raw SHA-256. When the content is already stored
    // the copy is dropped and the existing blob used. `progress`, when set, is called after every
    // block with the bytes copied and the file's size; returning false cancels the import. Empty on
    // failure or cancellation, with `error` (if not null) set to a translated message; nothing is
    // left behind then.
    std::optional<Attachment> importFile(const QString &sourcePath, QString *error,
                                         std::function<bool(qint64 done, qint64 total)> progress = {});
    // The same for bytes in memory (pasted or generated content), named `fileName`.
    std::optional<Attachment> importBytes(const QByteArray &data, const QString &fileName, QString *error);

    // Where the blob with this raw digest is (or would be) stored; empty when `sha256` is not 32 bytes.
    QString pathOf(const QByteArray &sha256) const;
    // Where a download of this blob is written until it is whole (".download-<hex>.part" in the root;
    // named by the digest, so that a new process finds it and resumes); empty when not 32 bytes.
    QString downloadPathOf(const QByteArray &sha256) const;

    enum class AdoptCheck
    {
        Rehash,        // hash the file first (streaming) and refuse it when it does not match
        AlreadyHashed, // the caller hashed exactly these bytes while writing them (a download)
    };
    // Makes the file at `tempPath` (a file in the root, e.g. downloadPathOf()) the blob `sha256`:
    // checks its digest (see AdoptCheck), flushes it to disk, renames it atomically to its content
    // address and syncs the folders. When the blob is stored already the file is removed and the
    // blob kept. On a mismatch or failure the file is removed and false returned with `error` set to a
    // translated message; a blob is never made of content that does not have its digest.
    bool adoptFile(const QString &tempPath, const QByteArray &sha256, QString *error,
                   AdoptCheck check = AdoptCheck::Rehash);
    bool contains(const QByteArray &sha256) const;
    // The blob's bytes when it is stored and has at most `maxBytes` (the content checks read
    // attachments: core/ContentScan); not rehashed.
    std::optional<QByteArray> read(const QByteArray &sha256, qint64 maxBytes) const;
    // Rehashes the stored blob: true when it exists and its content still has this digest.
    bool verify(const QByteArray &sha256, QString *error) const;
    // Raw digests of every blob in the store (any order).
    QList<QByteArray> blobs() const;

    // Removes every blob whose digest is not in `referenced` and every temporary file of an interrupted
    // import or download, except those modified within the last `graceSeconds`; then removes emptied folders.
    // Files that are neither blobs nor temporary files are never touched. Run it when no import into
    // the same root is under way (at start-up or when idle): an import that finds its content already
    // stored renews the blob's grace period, but cannot stop a collection that has already chosen it.
    GarbageReport collectGarbage(const QSet<QByteArray> &referenced, QString *error,
                                 qint64 graceSeconds = kDefaultGraceSeconds);

    // Every attachment digest of every revision of `items` (drafts included: a draft is an item whose
    // latest revision is being written). The outbox's references are added by the sync engine, and so
    // are unfinished uploads (Transfers::uploadsInProgress()).
    static QSet<QByteArray> referencedBy(const QList<Item> &items);

    // A display-safe form of a user's file name, for metadata only: limits::safeFileName (core/Limits,
    // the rule the server checks every attachment name against).
    static QString safeFileName(const QString &name);

private:
    std::optional<Attachment> import(QIODevice &source, qint64 total, const QString &displayName,
                                     const QString &sourceName, QString *error,
                                     const std::function<bool(qint64, qint64)> &progress);

    QString m_root;
};

} // namespace baosong
