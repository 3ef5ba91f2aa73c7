#pragma once

// The server's attachment blobs (docs/design.md §7, §8; docs/api.md "Attachments"): files named by the
// SHA-256 of their content in a configured folder, `<root>/<ab>/<cd>/<sha256>`, and partial uploads
// in `<root>/uploads/<upload id>` (ids made by the server, never by a client). No path is ever made
// from a name a user gave: file names are metadata in the database only. The same folder serves
// SQLite and PostgreSQL (docs/architecture.md says why).
//
// A partial upload grows one chunk at a time (written at its offset and flushed to disk before the
// offset is recorded); a complete one is hashed as a stream with a fixed-size buffer and only on a
// match moved into place with fsync and an atomic rename, so a blob that exists is always whole.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace baosong::server {

// The [blobs] section of the configuration (docs/server.md).
struct BlobConfig
{
    QString folder;                                   // empty: attachments are not available
    qint64 chunkSize = 4 * 1024 * 1024;               // the largest PATCH body
    qint64 maxUploadBytes = 2LL * 1024 * 1024 * 1024; // the largest attachment
    qint64 quotaBytes = 4LL * 1024 * 1024 * 1024;     // unfinished uploads per person, in total
    qint64 uploadExpirySeconds = 24 * 60 * 60;        // [blobs] upload_expiry_hours
};

class BlobStore
{
    Q_DECLARE_TR_FUNCTIONS(BlobStore)

public:
    enum class Finish
    {
        Stored,   // the content matched: the blob exists now (the partial file is gone)
        Mismatch, // the content's SHA-256 is not the one announced: nothing was stored
        Failed,   // reading, writing or renaming failed (see *error)
    };

    explicit BlobStore(QString root);

    const QString &root() const { return m_root; }
    // Creates the folder and its `uploads` folder.
    bool ensure(QString *error) const;

    // 64 lowercase hexadecimal digits.
    static bool isSha256(QByteArrayView hex);
    // 32 lowercase hexadecimal digits (what newUploadId() makes).
    static bool isUploadId(QByteArrayView id);
    static QString newUploadId();

    // `hex` must satisfy isSha256().
    QString blobPath(const QByteArray &hex) const;
    bool hasBlob(const QByteArray &hex) const;
    qint64 blobSize(const QByteArray &hex) const; // -1 when missing
    // The blob's bytes when it exists and has at most `maxBytes` (the content checks read attachments).
    std::optional<QByteArray> readBlob(const QByteArray &hex, qint64 maxBytes) const;

    // `id` must satisfy isUploadId().
    QString partialPath(const QString &id) const;
    bool createPartial(const QString &id, QString *error) const;
    // Writes `data` at `offset` (anything beyond `offset` left by an interrupted write is cut off
    // first) and flushes it to disk.
    bool writeChunk(const QString &id, qint64 offset, QByteArrayView data, QString *error) const;
    // An exclusive advisory lock (flock) on the partial file, so that server processes sharing the
    // folder write the chunks of one upload one at a time. It holds until unlockPartial() closes the
    // returned descriptor; -1 when there is no such partial file.
    int lockPartial(const QString &id) const;
    static void unlockPartial(int fd);
    bool resetPartial(const QString &id) const;
    void removePartial(const QString &id) const;
    // Hashes the partial file (streaming) and, on a match with `hex`, moves it into the store.
    Finish finish(const QString &id, const QByteArray &hex, QString *error) const;

    // Stores `bytes` as the blob `hex` in one step (a small file sent in one request): written to a
    // file of its own in uploads/ (whole-<random>), flushed, renamed into place, and the folder
    // flushed. Their SHA-256 is checked while they are written (on another thread for a large file):
    // content that is not `hex` is removed before it takes the name, *mismatch is set and false
    // returned. A crash part-way leaves at most that file, which removeStaleWholes() removes later.
    bool storeWhole(const QByteArray &hex, QByteArrayView bytes, QString *error,
                    bool *mismatch = nullptr) const;
    // Removes the files left in uploads/ by storeWhole() calls interrupted before `before`; how many.
    int removeStaleWholes(const QDateTime &before) const;

    // The SHA-256 of a file, as 64 hex digits; empty when it can't be read. Memory: one buffer.
    static QByteArray sha256OfFile(const QString &path);

private:
    // Renames the flushed file `partial` to the blob `hex` (its folder made if missing) and flushes
    // that folder; false with *error (the file stays where it was).
    bool moveIntoPlace(const QString &partial, const QByteArray &hex, QString *error) const;

    QString m_root;
};

} // namespace baosong::server
