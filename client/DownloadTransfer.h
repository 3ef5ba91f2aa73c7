#pragma once

// A Range download of one blob into the local BlobStore, verified before it becomes usable (the
// protocol and its guarantees are described in Transfers.h). Made by Transfers::download().

#include "Transfers.h"

#include <memory>

namespace baosong {

class PieceSink;

class DownloadTransfer final : public Transfer
{
    Q_OBJECT

public:
    ~DownloadTransfer() override;

private:
    friend class Transfers;
    friend class PieceSink;
    DownloadTransfer(Transfers *owner, const QByteArray &sha256, const QString &itemId, qint64 expectedSize);

    void run() override;
    void giveUp() override;
    void stopBulk() override;

    void startDownload();
    void requestPiece();
    void onPieceProgress(PieceSink *sink);
    void onPieceFinished(const HttpAnswer &answer);
    // Stops the piece's sink (nothing more is written) and takes its figures over.
    void takePiece();
    // Hashes what the piece wrote: these blocks (offset, bytes) from memory, the rest up to
    // bytesDone() read back from the partial file.
    void hashWritten(const QList<QPair<qint64, QByteArray>> &blocks);
    void finishDownload();

    QString m_itemId;
    qint64 m_expectedSize = -1;
    std::shared_ptr<PieceSink> m_sink; // of the piece in flight
    qint64 m_flushedTo = 0;            // write-back of the partial file started up to here
};

} // namespace baosong
