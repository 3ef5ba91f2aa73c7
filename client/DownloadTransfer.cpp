#include "DownloadTransfer.h"

#include "BlobStore.h"
#include "TransferSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <mutex>

#if defined(Q_OS_LINUX)
#include <fcntl.h>
#endif

using namespace Qt::StringLiterals;

namespace baosong {

using namespace transfer;

namespace {

// A download writes to its partial file in blocks of this size (curl hands over one TLS record, 16 KiB,
// at a time: a write each is 30,000 system calls for 500 MB). Measured here: 32–128 KiB best; 256 KiB
// and more slower (the worker stalls longer in each write, with the Transfer's thread waiting).
constexpr qsizetype kWriteBlock = 64 * 1024;
// ... and reports progress (the Transfer's thread then hashes what was written) after this many bytes.
constexpr qint64 kProgressStep = 1024 * 1024;
// Blocks written are handed to the Transfer's thread to be hashed from memory, at most this many at a
// time (4 MiB); when that thread lags behind, the next ones are read back from the file instead.
constexpr int kMaxHandedOver = 64;
// What curl hands over in one call: a TLS record, 16 KiB (a block is kWriteBlock and one of them).
constexpr qsizetype kRecord = 16 * 1024;

} // namespace

// --- One download piece, on curl's thread -----------------------------------------------------------

// The body of one Range piece as curl receives it: checked against what was asked for and written to
// the partial file at its offset on curl's thread, in blocks of kWriteBlock. The Transfer's thread
// hashes the blocks written meanwhile (Transfer::onPieceProgress: handed over in memory, or read back
// from the file), so hashing overlaps receiving instead of adding to it. Everything here is done under
// `m_mutex`: the Transfer stops the sink (pause, cancel, its destruction), which writes what it holds, and
// takes its figures back; after that the sink touches neither the file nor the Transfer again (a bounded
// wait: one block's write).
class PieceSink final : public CurlSink, public std::enable_shared_from_this<PieceSink>
{
public:
    enum class Failure
    {
        None,
        WrongPart,   // another range or size than asked for
        TooLong,     // more bytes than the attachment has
        WriteFailed, // the partial file
    };
    struct Figures
    {
        qint64 offset = 0;   // the partial file's bytes (written)
        qint64 total = -1;   // the attachment's size, once the answer said it
        qint64 received = 0; // of this piece, written
        Failure failure = Failure::None;
        qint64 claimedSize = -1; // WrongPart: the size the server said
        QString writeError;      // WriteFailed
        // Blocks written since the last report (offset, bytes), to hash; some may be missing.
        QList<QPair<qint64, QByteArray>> written;
    };

    // `file` is the Transfer's, used only until stop().
    PieceSink(DownloadTransfer *transfer, QFile *file, qint64 offset, qint64 total, qint64 expectedSize)
        : m_transfer(transfer)
        , m_file(file)
        , m_expectedSize(expectedSize)
    {
        m_figures.offset = offset;
        m_figures.total = total;
        m_reported = offset;
    }

    bool write(const HttpAnswer &answer, QByteArrayView data) override
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped || m_figures.failure != Failure::None)
            return false;
        if (!m_started && !begin(answer))
            return false;
        if (data.isEmpty())
            return true;
        Figures &f = m_figures;
        if (f.offset + m_block.size() + data.size() > f.total) {
            f.failure = Failure::TooLong;
            return false;
        }
        m_block.append(data);
        if (m_block.size() < kWriteBlock)
            return true;
        if (!flush())
            return false;
        if (!m_progressPosted && f.offset - m_reported >= kProgressStep) {
            m_reported = f.offset;
            // At most one report waits in the Transfer's queue; it reads the figures when it runs.
            m_progressPosted = true;
            QMetaObject::invokeMethod(
                m_transfer, [t = m_transfer, self = shared_from_this()] { t->onPieceProgress(self.get()); },
                Qt::QueuedConnection);
        }
        return true;
    }

    // On the Transfer's thread: the figures so far, for a progress report.
    Figures progress()
    {
        std::lock_guard lock(m_mutex);
        m_progressPosted = false;
        return takeFigures();
    }

    // On the Transfer's thread: writes what is held, and nothing more from here on; the figures.
    Figures stop()
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopped && m_figures.failure == Failure::None)
            flush();
        m_stopped = true;
        m_block = QByteArray();
        return takeFigures();
    }

private:
    // The figures, with the blocks written handed over (they leave the sink).
    Figures takeFigures()
    {
        Figures f = m_figures;
        m_figures.written.clear();
        return f;
    }

    bool flush()
    {
        Figures &f = m_figures;
        if (m_block.isEmpty())
            return true;
        if (m_file->write(m_block.constData(), m_block.size()) != m_block.size()) {
            f.failure = Failure::WriteFailed;
            f.writeError = m_file->errorString();
            return false;
        }
        const qsizetype n = m_block.size();
        if (f.written.size() < kMaxHandedOver) {
            f.written.append(qMakePair(f.offset, std::exchange(m_block, QByteArray())));
            m_block.reserve(kWriteBlock + kRecord);
        } else {
            m_block.resize(0); // keeps its capacity
        }
        f.offset += n;
        f.received += n;
        return true;
    }

    // The first block (or the end of an empty body): the answer must be the range asked for.
    bool begin(const HttpAnswer &answer)
    {
        Figures &f = m_figures;
        bool ok = false;
        qint64 size = answer.header("Content-Length").trimmed().toLongLong(&ok);
        if (!ok)
            size = -1;
        qint64 first = 0;
        if (answer.status == 206) {
            // "bytes a-b/size": the piece must start where the partial file ends.
            const QByteArray range = answer.header("Content-Range");
            const qsizetype space = range.indexOf(' '), dash = range.indexOf('-'), slash = range.indexOf('/');
            first = space > 0 && dash > space ? range.mid(space + 1, dash - space - 1).toLongLong() : -1;
            size = slash > 0 ? range.mid(slash + 1).toLongLong(&ok) : -1;
            if (!ok)
                size = -1;
        } else if (answer.status != 200 || f.offset != 0 || f.total > 0) {
            first = -1; // the whole file is accepted only when no range could be asked for
        }
        if (first != f.offset || size < 0 || (m_expectedSize >= 0 && size != m_expectedSize)) {
            f.failure = Failure::WrongPart;
            f.claimedSize = size;
            return false;
        }
        if (!m_file->seek(f.offset)) {
            f.failure = Failure::WriteFailed;
            f.writeError = m_file->errorString();
            return false;
        }
        f.total = size;
        m_started = true;
        m_block.reserve(kWriteBlock + kRecord);
        return true;
    }

    DownloadTransfer *const m_transfer;
    QFile *const m_file;
    const qint64 m_expectedSize;
    std::mutex m_mutex;
    bool m_stopped = false;
    bool m_started = false;
    bool m_progressPosted = false;
    QByteArray m_block; // received, not yet written
    qint64 m_reported = 0;
    Figures m_figures;
};

// --- DownloadTransfer ------------------------------------------------------------------------------

DownloadTransfer::DownloadTransfer(Transfers *owner, const QByteArray &sha256, const QString &itemId,
                                   qint64 expectedSize)
    : Transfer(owner, Kind::Download, sha256)
    , m_itemId(itemId)
    , m_expectedSize(expectedSize)
{}

DownloadTransfer::~DownloadTransfer()
{
    // The sink must be stopped while this object (its target) still exists.
    dropReply();
}

void DownloadTransfer::run()
{
    startDownload();
}

void DownloadTransfer::stopBulk()
{
    if (m_sink)
        takePiece();
}

void DownloadTransfer::giveUp()
{
    QFile::remove(m_owner->store().downloadPathOf(m_sha256));
    setState(State::Cancelled);
}

// --- Download -------------------------------------------------------------------------------------

void DownloadTransfer::startDownload()
{
    BlobStore &store = m_owner->store();
    if (store.contains(m_sha256)) {
        m_total = QFileInfo(store.pathOf(m_sha256)).size();
        m_offset = m_total;
        succeed();
        return;
    }
    const QString path = store.downloadPathOf(m_sha256);
    if (!QDir().mkpath(store.rootFolder())) {
        fail(Error::Local,
             tr("cannot create the attachment folder %1.").arg(QDir::toNativeSeparators(store.rootFolder())));
        return;
    }
    closeFiles();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadWrite | QIODevice::Unbuffered)) {
        fail(Error::Local,
             tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString()));
        return;
    }
    // Read back and hashed on this thread while curl's thread writes (onPieceProgress).
    m_hashFile.setFileName(path);
    if (!m_hashFile.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        fail(Error::Local,
             tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), m_hashFile.errorString()));
        return;
    }
    qint64 have = m_file.size();
    if (m_expectedSize >= 0 && have > m_expectedSize) {
        m_file.resize(0);
        have = 0;
    }
    // What is there already (from an earlier attempt, maybe of another process) is hashed again.
    if (!hashUpTo(m_hashFile, have)) {
        m_file.resize(0);
        m_hash->reset();
        m_hashed = 0;
        have = 0;
    }
    m_offset = have;
    m_startedAt = have;
    m_flushedTo = 0;
    if (m_total < 0)
        m_total = m_expectedSize;
    if (m_offset > 0)
        qCInfo(lcTransfer) << "resuming download of" << m_hex << "at" << m_offset;
    emit progress(m_offset, m_total);
    if (m_state != State::Running)
        return; // paused or cancelled from a slot
    requestPiece();
}

void DownloadTransfer::requestPiece()
{
    if (m_total >= 0 && m_offset >= m_total) {
        finishDownload();
        return;
    }
    QNetworkRequest request = m_owner->endpoint().request(
        u"/api/v1/blobs/%1?item=%2"_s.arg(m_hex, QString::fromLatin1(QUrl::toPercentEncoding(m_itemId))));
    qint64 last = m_offset + Transfers::kDownloadPiece - 1;
    if (m_total > 0)
        last = std::min(last, m_total - 1);
    if (m_total != 0) // an empty blob has no range to ask for
        request.setRawHeader("Range",
                             "bytes=" + QByteArray::number(m_offset) + '-' + QByteArray::number(last));
    // The piece is written on curl's thread (PieceSink) until it ends or is stopped.
    m_sink = std::make_shared<PieceSink>(this, &m_file, m_offset, m_total, m_expectedSize);
    m_job = m_owner->curl().start(request, "GET", {}, m_sink, this, [this](const HttpAnswer &answer) {
        m_job = 0;
        onPieceFinished(answer);
    });
}

void DownloadTransfer::onPieceProgress(PieceSink *sink)
{
    if (sink != m_sink.get())
        return; // a report of a piece that has ended
    const PieceSink::Figures f = sink->progress();
    m_offset = f.offset;
    m_total = f.total;
    // What curl's thread wrote is hashed here while the next bytes arrive. A failure shows at the end
    // of the piece.
    hashWritten(f.written);
    emit progress(m_offset, m_total);
}

void DownloadTransfer::takePiece()
{
    const std::shared_ptr<PieceSink> sink = std::exchange(m_sink, {});
    const PieceSink::Figures f = sink->stop();
    m_offset = f.offset;
    m_total = f.total;
    m_bytesReceived += f.received;
    hashWritten(f.written);
}

void DownloadTransfer::hashWritten(const QList<QPair<qint64, QByteArray>> &blocks)
{
    // Blocks in order; one the sink kept (its hand-over was full) is read back from the file, and so
    // is what follows the last one handed over.
    for (const auto &[offset, data] : blocks) {
        if (offset + data.size() <= m_hashed)
            continue;
        if (offset > m_hashed && !hashUpTo(m_hashFile, offset))
            return;
        const qint64 skip = m_hashed - offset;
        m_hash->add(QByteArrayView(data).sliced(skip));
        m_hashed = offset + data.size();
    }
    hashUpTo(m_hashFile, m_offset);
}

void DownloadTransfer::onPieceFinished(const HttpAnswer &answer)
{
    const bool whole = isSuccess(answer.status) && answer.error.isEmpty() && !answer.refusedBySink;
    // curl's thread is done with the sink. An empty body never reached it: checked here.
    if (whole)
        m_sink->write(answer, {});
    const PieceSink::Figures f = m_sink->stop();
    takePiece();
    switch (f.failure) {
    case PieceSink::Failure::WrongPart:
        closeFiles();
        QFile::remove(m_file.fileName());
        fail(Error::Damaged,
             tr("the server sent another part or size of the attachment than asked for (%1 bytes instead "
                "of %2); the partial download was removed. Try again.")
                 .arg(f.claimedSize)
                 .arg(m_expectedSize >= 0 ? m_expectedSize : m_total),
             &answer);
        return;
    case PieceSink::Failure::TooLong:
        closeFiles();
        QFile::remove(m_file.fileName());
        fail(Error::Damaged, tr("the server sent more bytes than the attachment has."), &answer);
        return;
    case PieceSink::Failure::WriteFailed:
        fail(Error::Local,
             tr("cannot write %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), f.writeError),
             &answer);
        return;
    case PieceSink::Failure::None:
        break;
    }
    if (!isSuccess(answer.status) || !answer.error.isEmpty()) {
        // What arrived is kept: resume() continues after it. An empty partial file is not.
        if (m_offset == 0) {
            closeFiles();
            QFile::remove(m_file.fileName());
        }
        fail(answer.status == 0 || isSuccess(answer.status) ? Error::Network : Error::Server,
             describe(answer), &answer);
        return;
    }
    if (m_total < 0) {
        fail(Error::Server, tr("the server did not say the attachment's size."), &answer);
        return;
    }
    emit progress(m_offset, m_total);
    if (m_state != State::Running)
        return; // paused or cancelled from a slot
    // The next piece is asked for first: what is left to do for this one (hashing its last bytes,
    // starting its write-back, about 1 ms) then overlaps the next one's request and arrival.
    const qint64 end = m_offset;
    requestPiece();
    if (!m_sink)
        return; // the whole attachment is here (finishDownload() hashed the rest), or it failed
    if (!hashUpTo(m_hashFile, end)) {
        fail(Error::Local,
             tr("cannot read %1: %2")
                 .arg(QDir::toNativeSeparators(m_hashFile.fileName()), m_hashFile.errorString()));
        return;
    }
#if defined(Q_OS_LINUX)
    // Start writing to disk (without waiting) what came before the piece just received, so that the
    // fsync before the blob is adopted has little left to do. The newest piece is left to the kernel
    // for now: starting its write-back at once makes the next writes wait for it.
    const qint64 flushTo = end - Transfers::kDownloadPiece;
    if (flushTo > m_flushedTo) {
        ::sync_file_range(m_file.handle(), m_flushedTo, flushTo - m_flushedTo, SYNC_FILE_RANGE_WRITE);
        m_flushedTo = flushTo;
    }
#endif
}

void DownloadTransfer::finishDownload()
{
    hashUpTo(m_hashFile, m_offset); // done already unless the partial file was whole at the start
    closeFiles();
    BlobStore &store = m_owner->store();
    const QString path = store.downloadPathOf(m_sha256);
    if (m_hashed != m_total || m_hash->result() != m_sha256) {
        QFile::remove(path);
        m_hash->reset();
        m_hashed = 0;
        m_offset = 0;
        fail(Error::Damaged, tr("the content received does not have the attachment's SHA-256, so it was "
                                "refused. Try again; if it happens again, tell the administrator."));
        return;
    }
    QString error;
    if (!store.adoptFile(path, m_sha256, &error, BlobStore::AdoptCheck::AlreadyHashed)) {
        fail(Error::Local, error);
        return;
    }
    succeed();
}

} // namespace baosong
