#pragma once

// The client side of attachment transfers (docs/api.md "Attachments", docs/design.md §7, §9.6, §10):
// resumable, verified uploads of blobs of the local BlobStore and Range downloads into it. Every
// request is built by ServerEndpoint::request(); the small ones (create, offset, cancel) go over the
// caller's QNetworkAccessManager, the bulk bodies (the PATCH chunks, the Range pieces) over libcurl on
// a thread of this Transfers' own (client/CurlTransfer: kept-alive connections, the same header
// fields, timeout, TLS trust and proxy as the request; Qt's HTTP/1 sender moved a 4 MiB chunk at a
// third of curl's speed). Signals and results arrive on this object's thread.
//
// Upload of a blob (by its SHA-256):
//   POST /api/v1/uploads; 200 "complete" (the server has the content: dedup) ends it at once. Else
//   PATCH chunks of the server's chunk_size, each with Upload-Checksum. While a chunk is in flight
//   (from when curl has handed all of it to the socket, so as not to take the CPU from sending it),
//   the next one is read and its checksum computed on this thread (memory: two chunks), so that only
//   the network and the server stand between two PATCHes (the protocol allows no second chunk in
//   flight).
//   409 → continue from the server's offset; 460 → send the chunk again (at most kMaxChunkRetries
//   times in a row); 404 (expired, cancelled) → a new upload from 0;
//   422 (the whole file's hash) → from 0 again; both at most kMaxRestarts times.
//   The server's upload id is kept in <root>/.uploads/<sha256>.json ({"upload_id", "size"}, written
//   atomically) until the upload ends, so that a new process (or this one after a failure, pause or
//   server restart) asks GET /api/v1/uploads/{id} for the offset and sends only what the server has
//   not acknowledged. uploadsInProgress() lists those blobs, for BlobStore::collectGarbage().
//
// What is guaranteed when the blob file changes on disk (a blob is immutable, but a file is a file):
//   the bytes sent are hashed as they are read (after a resume or a 409 the acknowledged prefix is
//   read again from the file and hashed first), and the LAST chunk is sent only when everything read
//   has the blob's SHA-256, and the file's size and modification time are checked before every
//   chunk. On a difference the server's upload is cancelled (DELETE), the state file removed and the
//   transfer fails with Error::ContentChanged (attach the file again). So the client never completes
//   an upload of mixed content; and the server, which hashes the whole file before a blob exists,
//   could not store one anyway. Bytes of a partial upload cancelled this way are never used.
//
// Download of a blob (GET /api/v1/blobs/{sha256}?item={item id}):
//   into BlobStore::downloadPathOf() (".download-<sha256>.part" in the store's root: no path is made
//   from a user's file name), in Range pieces of kDownloadPiece bytes (so that each answer stays
//   bounded), written at their offset as they arrive on curl's thread and hashed on this one
//   meanwhile (the blocks written are handed over in memory, 4 MiB at most, or read back from the
//   file when this thread lags behind).
//   After an interruption, also in a new process, it continues from the partial file's size (its
//   bytes are hashed again first); a pause leaves exactly bytesDone() bytes in it. The blob becomes
//   usable only when the whole content has its SHA-256 (BlobStore::adoptFile: fsync, atomic rename);
//   otherwise the partial file is removed and the transfer fails with Error::Damaged.
//
// Every failure keeps the server's X-Request-Id (also in the translated message). Timeouts are the
// endpoint's (ServerEndpoint::timeoutMs, no bytes moving for that long). A failed or paused transfer
// continues with resume(); cancel() gives it up (the server's upload is deleted, a partial download
// removed).

#include "ServerEndpoint.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace baosong {

Q_DECLARE_LOGGING_CATEGORY(lcTransfer)

class BlobStore;
class CurlClient;
class Sha256;
class Transfers;
struct HttpAnswer;

// One upload or download. Made by Transfers; lives as long as the Transfers that made it.
class Transfer : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Upload,
        Download
    };
    enum class State
    {
        Running,
        Paused,
        Done,
        Failed,
        Cancelled
    };
    enum class Error
    {
        None,
        Network,        // no answer, a timeout, TLS: resume() later
        Server,         // the server refused (status and its message kept)
        Missing,        // the blob is not in the local store (upload)
        ContentChanged, // the blob file no longer has its SHA-256 (upload): attach the file again
        Damaged,        // the downloaded content does not have its SHA-256: refused
        Local,          // reading or writing a local file failed
    };
    Q_ENUM(State)

    ~Transfer() override;

    Kind kind() const { return m_kind; }
    QByteArray sha256() const { return m_sha256; } // raw, 32 bytes
    State state() const { return m_state; }
    // cancel() or a changed blob file is waiting for the server to drop the upload.
    bool isCancelling() const { return m_cancelling; }
    // Bytes the server acknowledged (upload) or written to the partial file (download), and the size.
    qint64 bytesDone() const { return m_offset; }
    qint64 bytesTotal() const { return m_total; }

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QByteArray requestId() const { return m_requestId; }   // X-Request-Id of the failed answer
    int httpStatus() const { return m_httpStatus; }        // of the failed answer; 0 without one
    int retryAfterSeconds() const { return m_retryAfter; } // its Retry-After (429, 503); 0 without one

    // The server's upload id (upload), empty before it is known or after the end.
    virtual QString uploadId() const { return {}; }
    // Statistics of this object (this process): body bytes sent in PATCH requests, body bytes
    // received for the download, where the last (re)start began, 409 answers, 460 answers, new uploads
    // made after the first (404, 422).
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 startedAt() const { return m_startedAt; }
    int conflicts() const { return m_conflicts; }
    int checksumRetries() const { return m_checksumRetries; }
    int restarts() const { return m_restarts; }

    // Stops moving bytes (the request in flight is aborted); resume() continues where the server (or
    // the partial file) stands.
    void pause();
    // Continues a paused or failed transfer (a new attempt, asking the server's offset first).
    void resume();
    // Gives the transfer up: the server's upload is cancelled (DELETE) and the state file removed;
    // a partial download is removed. The state becomes Cancelled when the server has answered.
    void cancel();

signals:
    // After every acknowledged chunk (upload), every MiB or so written (download) and at the end.
    void progress(qint64 done, qint64 total);
    void stateChanged(Transfer::State state);
    void finished();                                                  // Done
    void failed(const QString &message, const QByteArray &requestId); // Failed

protected:
    friend class Transfers;
    Transfer(Transfers *owner, Kind kind, const QByteArray &sha256);

    // What the kind does: begins (or resumes) moving bytes; gives the transfer up after cancel()
    // (the request in flight is dropped already); stops its bulk body (a download's piece) before a
    // drop; frees its buffers at the end.
    virtual void run() = 0;
    virtual void giveUp() = 0;
    virtual void stopBulk() {}
    virtual void releaseBuffers() {}

    void start();
    void setState(State state);
    // `answer`: the server's answer (or the network's failure) that made it fail, if any.
    void fail(Error error, const QString &message, const HttpAnswer *answer = nullptr);
    void succeed();
    // Aborts the request in flight (QNetworkAccessManager or curl) after stopBulk().
    void dropReply();
    void closeFiles();
    QString describe(const HttpAnswer &answer) const;
    // Hashes the file from where m_hashed stands (or from 0 when it stands past `offset`) up to
    // `offset`; false when the file is shorter or can't be read.
    bool hashUpTo(QFile &file, qint64 offset);

    Transfers *m_owner;
    Kind m_kind;
    QByteArray m_sha256;
    QString m_hex;
    QString m_name; // the attachment's display name (upload), for messages
    State m_state = State::Running;
    Error m_error = Error::None;
    QString m_errorString;
    QByteArray m_requestId;
    int m_httpStatus = 0;
    int m_retryAfter = 0;
    qint64 m_offset = 0;
    qint64 m_total = -1;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
    qint64 m_startedAt = 0;
    int m_conflicts = 0;
    int m_checksumRetries = 0;
    int m_retriesInRow = 0;
    int m_restarts = 0;
    QPointer<QNetworkReply> m_reply; // a small request in flight
    quint64 m_job = 0;               // a PATCH or Range GET in flight (CurlClient)
    bool m_cancelling = false;       // waiting for the server to drop the upload
    std::unique_ptr<Sha256> m_hash;  // of the file's bytes [0, m_hashed)
    qint64 m_hashed = 0;
    QFile m_file;     // the blob (upload) or the partial file (download)
    QFile m_hashFile; // the partial file read back for its hash (download)
};

// Makes and keeps the transfers of one signed-in client.
class Transfers : public QObject
{
    Q_OBJECT

public:
    // Size of the Range pieces a download asks for.
    static constexpr qint64 kDownloadPiece = 8 * 1024 * 1024;
    // A chunk refused for its checksum (460) is sent again at most this many times in a row.
    static constexpr int kMaxChunkRetries = 3;
    // An upload the server lost (404) or whose whole hash did not match (422) starts again at most
    // this many times.
    static constexpr int kMaxRestarts = 3;

    // `network` (the small requests; its proxy also serves the bulk bodies) and `store` are the
    // caller's and must outlive this object.
    Transfers(QNetworkAccessManager *network, BlobStore *store, const ServerEndpoint &endpoint,
              QObject *parent = nullptr);
    ~Transfers() override;

    // Where requests go from now on (a new token, a new address); transfers under way keep their
    // request in flight.
    void setEndpoint(const ServerEndpoint &endpoint) { m_endpoint = endpoint; }
    const ServerEndpoint &endpoint() const { return m_endpoint; }
    QNetworkAccessManager *network() const { return m_network; }
    BlobStore &store() const { return *m_store; }

    // A seam for tests only (tests/tst_server_transfers), never set by the application: called on
    // this object's thread for every PATCH just before it goes to the network, with the body and the
    // Upload-Offset it is sent with (its Upload-Checksum is already computed from the true chunk). It
    // may count them, or change them as a faulty network would (damage a byte: the server answers
    // 460; shift the offset: 409). The chunk kept for sending again is not changed.
    using PatchHook = std::function<void(QByteArray &body, qint64 &uploadOffset)>;
    void setPatchHookForTests(PatchHook hook) { m_patchHook = std::move(hook); }

    // Files of at most this many bytes go in one request (POST /api/v1/uploads?sha256=…, docs/api.md);
    // larger ones, or when the server answers 413, as a resumable chunked upload. 0: always chunked
    // (tests of the chunked path).
    static constexpr qint64 kWholeUploadBytes = 1024 * 1024;
    void setWholeUploadBytes(qint64 bytes) { m_wholeUploadBytes = bytes; }
    qint64 wholeUploadBytes() const { return m_wholeUploadBytes; }

    // Uploads the blob with this raw digest (it must be in the store). `name` is the attachment's
    // display name (metadata for the server, never a path). An upload of the same blob that is still
    // running or paused is returned instead of a second one.
    Transfer *upload(const QByteArray &sha256, const QString &name = {});
    // Downloads the blob through the item `itemId`; `expectedSize` (the attachment's size, -1 when
    // unknown) is checked against the server's. A blob already in the store is done at once.
    Transfer *download(const QByteArray &sha256, const QString &itemId, qint64 expectedSize = -1);

    QList<Transfer *> transfers() const { return m_transfers; }

    // Raw digests of the blobs with an unfinished upload (a state file in <root>/.uploads): add them
    // to the references given to BlobStore::collectGarbage().
    static QSet<QByteArray> uploadsInProgress(const BlobStore &store);
    // The state file of an upload of this blob.
    static QString uploadStatePath(const BlobStore &store, const QByteArray &sha256);

private:
    friend class Transfer;
    friend class UploadTransfer;
    friend class DownloadTransfer;
    // The bulk bodies' client and thread, made at the first PATCH or piece.
    CurlClient &curl();

    QNetworkAccessManager *m_network;
    BlobStore *m_store;
    ServerEndpoint m_endpoint;
    QList<Transfer *> m_transfers;
    std::unique_ptr<CurlClient> m_curl;
    PatchHook m_patchHook;
    qint64 m_wholeUploadBytes = kWholeUploadBytes;
};

} // namespace baosong
