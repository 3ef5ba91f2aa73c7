#pragma once

// A resumable, verified upload of one blob of the local BlobStore (the protocol and its guarantees are
// described in Transfers.h). Made by Transfers::upload().

#include "Transfers.h"

#include <QDateTime>

namespace baosong {

class UploadTransfer final : public Transfer
{
    Q_OBJECT

public:
    QString uploadId() const override { return m_uploadId; }

private:
    friend class Transfers;
    UploadTransfer(Transfers *owner, const QByteArray &sha256, const QString &name);

    void run() override;
    void giveUp() override;
    void releaseBuffers() override;

    void startUpload();
    void createUpload();
    // A file of at most Transfers::wholeUploadBytes() goes in one request (POST
    // /api/v1/uploads?sha256=…); when the server takes less in one request (413) it is sent chunked.
    void sendWhole();
    bool m_wholeRefused = false;
    void onCreated(QNetworkReply *reply);
    void onStatus(QNetworkReply *reply);
    void continueFrom(qint64 offset);
    void sendChunk(bool again);
    bool readChunk(qint64 offset, QByteArray &chunk);
    void onPatched(const HttpAnswer &answer);
    // While the chunk just sent is stored by the server: hashes it into the blob's SHA-256, reads the
    // next one and computes its checksum.
    void readAhead();
    void restartUpload(const QString &why);
    // The blob file changed (or was removed, `removed`) during the upload: cancelled, failed.
    void contentChanged(bool removed = false);
    QString statePath() const;
    bool readState();
    void writeState();
    void removeState();
    // DELETE of the server's upload (if any), then `then`.
    void deleteServerUpload(std::function<void()> then = {});

    QString m_uploadId;
    qint64 m_chunkSize = 0;
    QByteArray m_chunk;    // the chunk in flight (kept to send it again after 460)
    QByteArray m_checksum; // its SHA-256
    qint64 m_chunkOffset = 0;
    QByteArray m_next; // the chunk after it, read while m_chunk is in flight
    QByteArray m_nextChecksum;
    qint64 m_nextOffset = -1;
    QDateTime m_modified; // of the blob file when the upload (re)started
};

} // namespace baosong
