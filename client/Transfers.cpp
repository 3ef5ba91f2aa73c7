#include "Transfers.h"

#include "BlobStore.h"
#include "CurlTransfer.h"
#include "Problem.h"
#include "Sha256.h"

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

Q_LOGGING_CATEGORY(lcTransfer, "baosong.transfer", QtInfoMsg)

namespace {

constexpr qint64 kHashBlock = Sha256::kBlockSize;
// Largest answer body kept from a small request (problem+json, an upload's state).
constexpr qsizetype kMaxErrorBody = CurlClient::kMaxKeptBody;
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
const QString kUploadsFolder = u".uploads"_s;

int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

// A small request's answer in the form curl's have, so that both fail alike.
HttpAnswer answerOf(QNetworkReply *reply)
{
    HttpAnswer answer;
    answer.status = statusOf(reply);
    answer.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().toUtf8();
    answer.headers = reply->rawHeaderPairs();
    answer.body = reply->peek(kMaxErrorBody);
    if (answer.status == 0)
        answer.error = reply->errorString();
    return answer;
}

bool isSha256Hex(QStringView s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// The server's offset from a 409/460/422 answer (body "offset" or the Upload-Offset header), or -1.
qint64 offsetOf(const HttpAnswer &answer, const QJsonObject &body)
{
    if (body.contains("offset"_L1))
        return body.value("offset"_L1).toInteger(-1);
    const QByteArray header = answer.header("Upload-Offset");
    bool ok = false;
    const qint64 offset = header.toLongLong(&ok);
    return ok ? offset : -1;
}

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
    PieceSink(Transfer *transfer, QFile *file, qint64 offset, qint64 total, qint64 expectedSize)
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

    Transfer *const m_transfer;
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

// --- Transfer -------------------------------------------------------------------------------------

Transfer::Transfer(Transfers *owner, Kind kind, const QByteArray &sha256)
    : QObject(owner)
    , m_owner(owner)
    , m_kind(kind)
    , m_sha256(sha256)
    , m_hex(QString::fromLatin1(sha256.toHex()))
    , m_hash(std::make_unique<Sha256>())
{}

Transfer::~Transfer()
{
    dropReply();
}

void Transfer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Transfer::dropReply()
{
    if (m_job) {
        m_owner->curl().abort(m_job);
        m_job = 0;
    }
    if (m_sink)
        takePiece();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void Transfer::closeFiles()
{
    m_file.close();
    m_hashFile.close();
}

void Transfer::start()
{
    m_error = Error::None;
    m_errorString.clear();
    m_requestId.clear();
    m_httpStatus = 0;
    m_retriesInRow = 0;
    m_next = QByteArray();
    m_nextOffset = -1;
    setState(State::Running);
    if (m_kind == Kind::Upload)
        startUpload();
    else
        startDownload();
}

void Transfer::pause()
{
    if (m_state != State::Running || m_cancelling)
        return;
    dropReply();
    closeFiles();
    qCInfo(lcTransfer) << "paused" << m_hex << "at" << m_offset;
    setState(State::Paused);
}

void Transfer::resume()
{
    if ((m_state != State::Paused && m_state != State::Failed) || m_cancelling)
        return;
    qCInfo(lcTransfer) << "resuming" << m_hex;
    start();
}

void Transfer::cancel()
{
    if (m_state == State::Done || m_state == State::Cancelled || m_cancelling)
        return;
    dropReply();
    closeFiles();
    qCInfo(lcTransfer) << "cancelling" << m_hex;
    if (m_kind == Kind::Download) {
        QFile::remove(m_owner->store().downloadPathOf(m_sha256));
        setState(State::Cancelled);
        return;
    }
    if (m_uploadId.isEmpty() && m_total >= 0)
        readState();
    removeState();
    m_cancelling = true;
    // Cancelled once the server has dropped the upload (its space and quota are free then).
    deleteServerUpload([this] {
        m_cancelling = false;
        setState(State::Cancelled);
    });
}

QString Transfer::describe(const HttpAnswer &answer) const
{
    // The server's problem+json says what went wrong; without one (or when a successful answer broke
    // off), the network's message.
    const int status = answer.status;
    if (status == 0 || (isSuccess(status) && !answer.error.isEmpty()))
        return answer.error;
    QString detail = Problem::fromAnswer(status, answer.body).text();
    if (status == 401)
        detail = tr("%1 Sign in again.").arg(detail);
    return detail;
}

void Transfer::fail(Error error, const QString &message, const HttpAnswer *answer)
{
    m_requestId = answer ? answer->header("X-Request-Id") : QByteArray();
    m_httpStatus = answer ? answer->status : 0;
    dropReply();
    closeFiles();
    m_error = error;
    const QString what = m_kind == Kind::Upload ? tr("Uploading the attachment %1 failed: %2")
                                                : tr("Downloading the attachment %1 failed: %2");
    m_errorString = what.arg(m_name.isEmpty() ? m_hex.left(12) : m_name, message);
    m_errorString += Problem::requestIdSuffix(QString::fromLatin1(m_requestId));
    qCWarning(lcTransfer).noquote() << m_errorString;
    setState(State::Failed);
    emit failed(m_errorString, m_requestId);
}

void Transfer::succeed()
{
    dropReply();
    closeFiles();
    m_chunk = QByteArray();
    m_next = QByteArray();
    m_nextOffset = -1;
    qCInfo(lcTransfer) << (m_kind == Kind::Upload ? "uploaded" : "downloaded") << m_hex << m_total << "bytes";
    emit progress(m_offset, m_total);
    setState(State::Done);
    emit finished();
}

bool Transfer::hashUpTo(QFile &file, qint64 offset)
{
    if (m_hashed > offset) {
        m_hash->reset();
        m_hashed = 0;
    }
    if (m_hashed == offset)
        return true;
    if (!file.seek(m_hashed))
        return false;
    QByteArray buffer(std::min(kHashBlock, offset - m_hashed), Qt::Uninitialized);
    while (m_hashed < offset) {
        const qint64 n = file.read(buffer.data(), std::min<qint64>(buffer.size(), offset - m_hashed));
        if (n <= 0)
            return false;
        m_hash->add(QByteArrayView(buffer.constData(), n));
        m_hashed += n;
    }
    return true;
}

// --- Upload ---------------------------------------------------------------------------------------

QString Transfer::statePath() const
{
    return Transfers::uploadStatePath(m_owner->store(), m_sha256);
}

bool Transfer::readState()
{
    QFile f(statePath());
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject o = QJsonDocument::fromJson(f.read(4096)).object();
    const QString id = o.value("upload_id"_L1).toString();
    // The id goes into a URL path: only the server's form (hex digits) is taken.
    const bool valid = !id.isEmpty() && id.size() <= 64 && std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    }) && o.value("size"_L1).toInteger(-1) == m_total;
    if (valid)
        m_uploadId = id;
    return valid;
}

void Transfer::writeState()
{
    const QString path = statePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(
            QJsonDocument(
                QJsonObject{{"upload_id"_L1, m_uploadId}, {"size"_L1, double(m_total)}, {"sha256"_L1, m_hex}})
                .toJson(QJsonDocument::Compact));
        if (f.commit())
            return;
    }
    // Not fatal: the upload goes on; only resuming it in a new process is lost.
    qCWarning(lcTransfer) << "cannot write" << path << f.errorString();
}

void Transfer::removeState()
{
    QFile::remove(statePath());
}

void Transfer::deleteServerUpload(std::function<void()> then)
{
    if (m_uploadId.isEmpty()) {
        if (then)
            then();
        return;
    }
    QNetworkReply *reply =
        m_owner->network()->deleteResource(m_owner->endpoint().request(u"/api/v1/uploads/"_s + m_uploadId));
    const QString id = m_uploadId;
    m_uploadId.clear();
    connect(reply, &QNetworkReply::finished, this, [reply, id, then = std::move(then)] {
        // 204, or 404 when it was gone already; anything else leaves it to expire on the server.
        qCInfo(lcTransfer) << "upload" << id << "cancelled on the server:" << statusOf(reply)
                           << reply->rawHeader("X-Request-Id");
        reply->deleteLater();
        if (then)
            then();
    });
}

void Transfer::startUpload()
{
    const QString path = m_owner->store().pathOf(m_sha256);
    const QFileInfo info(path);
    if (!info.isFile()) {
        fail(Error::Missing, tr("it is no longer in the local attachment folder. Attach the file again."));
        return;
    }
    m_total = info.size();
    m_modified = info.lastModified();
    closeFiles();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        fail(Error::Local,
             tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString()));
        return;
    }
    if (m_uploadId.isEmpty())
        readState();
    if (m_uploadId.isEmpty()) {
        createUpload();
        return;
    }
    // Where does the server stand?
    QNetworkReply *reply =
        m_owner->network()->get(m_owner->endpoint().request(u"/api/v1/uploads/"_s + m_uploadId));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onStatus(reply); });
}

void Transfer::createUpload()
{
    QNetworkRequest request = m_owner->endpoint().request(u"/api/v1/uploads"_s);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QByteArray body =
        QJsonDocument(QJsonObject{{"sha256"_L1, m_hex}, {"size"_L1, double(m_total)}, {"name"_L1, m_name}})
            .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_owner->network()->post(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onCreated(reply); });
}

void Transfer::onCreated(QNetworkReply *reply)
{
    m_reply = nullptr;
    reply->deleteLater();
    const HttpAnswer answer = answerOf(reply);
    const int status = answer.status;
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    if (status == 200 && body.value("complete"_L1).toBool()) {
        // The server has this content already (dedup): nothing to send.
        m_offset = m_total;
        removeState();
        succeed();
        return;
    }
    if (status != 201) {
        fail(status == 0 ? Error::Network : Error::Server, describe(answer), &answer);
        return;
    }
    m_uploadId = body.value("upload_id"_L1).toString();
    m_chunkSize = body.value("chunk_size"_L1).toInteger();
    if (m_uploadId.isEmpty() || m_chunkSize <= 0 || body.value("size"_L1).toInteger() != m_total) {
        fail(Error::Server, tr("the server's answer to a new upload is incomplete."), &answer);
        return;
    }
    writeState();
    qCInfo(lcTransfer) << "upload" << m_uploadId << "of" << m_hex << "created," << m_total << "bytes";
    m_startedAt = 0;
    continueFrom(body.value("offset"_L1).toInteger());
}

void Transfer::onStatus(QNetworkReply *reply)
{
    m_reply = nullptr;
    reply->deleteLater();
    const HttpAnswer answer = answerOf(reply);
    const int status = answer.status;
    if (status == 404) {
        // Expired, cancelled or finished meanwhile (or another server): start a new one.
        restartUpload(u"the server no longer has upload "_s + m_uploadId);
        return;
    }
    if (status != 200) {
        fail(status == 0 ? Error::Network : Error::Server, describe(answer), &answer);
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    const qint64 offset = body.value("offset"_L1).toInteger(-1);
    m_chunkSize = body.value("chunk_size"_L1).toInteger();
    if (body.value("size"_L1).toInteger() != m_total || offset < 0 || offset > m_total || m_chunkSize <= 0) {
        // Not an upload of this blob: give it up and make a new one.
        deleteServerUpload();
        restartUpload(u"the server's upload does not match the blob"_s);
        return;
    }
    qCInfo(lcTransfer) << "resuming upload" << m_uploadId << "of" << m_hex << "at" << offset;
    m_startedAt = offset;
    continueFrom(offset);
}

void Transfer::restartUpload(const QString &why)
{
    qCInfo(lcTransfer).noquote() << why << "- a new upload of" << m_hex;
    removeState();
    m_uploadId.clear();
    if (++m_restarts > Transfers::kMaxRestarts) {
        fail(Error::Server, tr("the server lost the upload %1 times; try again later.").arg(m_restarts - 1));
        return;
    }
    createUpload();
}

void Transfer::continueFrom(qint64 offset)
{
    m_offset = offset;
    m_retriesInRow = 0;
    emit progress(m_offset, m_total);
    if (m_state != State::Running || m_cancelling)
        return; // paused or cancelled from a slot
    sendChunk(false);
}

bool Transfer::readChunk(qint64 offset, QByteArray &chunk)
{
    const qint64 n = std::min(m_chunkSize, m_total - offset);
    chunk.resize(n);
    return m_file.seek(offset) && m_file.read(chunk.data(), n) == n;
}

void Transfer::sendChunk(bool again)
{
    // The blob file must still be what was announced: same size and modification time before every
    // chunk (a cheap check), and the same SHA-256 before the last one (below).
    const QFileInfo info(m_file.fileName());
    if (info.size() != m_total || info.lastModified() != m_modified) {
        contentChanged();
        return;
    }
    bool last = false;
    if (!again) {
        // The bytes before this chunk are hashed first (read again after a resume or a 409).
        if (!hashUpTo(m_file, m_offset)) {
            contentChanged();
            return;
        }
        const qint64 n = std::min(m_chunkSize, m_total - m_offset);
        if (m_nextOffset == m_offset && m_next.size() == n) {
            // Read (and its checksum computed) while the previous chunk was in flight.
            m_chunk = std::move(m_next);
            m_checksum = m_nextChecksum;
        } else if (readChunk(m_offset, m_chunk)) {
            m_checksum = Sha256::hash(m_chunk);
        } else {
            fail(Error::Local, tr("cannot read %1: %2")
                                   .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
            return;
        }
        m_next = QByteArray();
        m_nextOffset = -1;
        m_chunkOffset = m_offset;
        last = m_chunkOffset + n == m_total;
        if (last) {
            // Never complete an upload of other content than the blob's: everything sent before and
            // this chunk must have the blob's SHA-256.
            m_hash->add(m_chunk);
            m_hashed += n;
            if (m_hash->result() != m_sha256) {
                contentChanged();
                return;
            }
        }
    }
    QByteArray body = m_chunk; // shared, not copied (unless the test seam changes it)
    qint64 offset = m_chunkOffset;
    if (m_owner->m_patchHook)
        m_owner->m_patchHook(body, offset);
    QNetworkRequest request = m_owner->endpoint().request(u"/api/v1/uploads/"_s + m_uploadId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/offset+octet-stream"_s);
    request.setRawHeader("Upload-Offset", QByteArray::number(offset));
    request.setRawHeader("Upload-Checksum", "sha256 " + m_checksum.toBase64());
    // The read-ahead waits until curl has the whole chunk in the socket: the server is receiving and
    // storing it then, and hashing here does not take the CPU from curl's encryption and the server's
    // decryption (on a 2-core machine, that made every PATCH slower).
    CurlClient::Sent sent;
    if (!again && !last)
        sent = [this] { readAhead(); };
    m_job = m_owner->curl().start(
        request, "PATCH", body, nullptr, this,
        [this](const HttpAnswer &answer) {
            m_job = 0;
            onPatched(answer);
        },
        std::move(sent));
    m_bytesSent += body.size();
}

void Transfer::readAhead()
{
    // While the server stores this chunk, this thread hashes it into the blob's SHA-256 and reads the
    // next one (memory: two chunks). A 409 or a resume elsewhere simply drops the read-ahead (and
    // hashUpTo() starts the hash again when it is past the offset).
    if (m_hashed == m_chunkOffset) {
        m_hash->add(m_chunk);
        m_hashed += m_chunk.size();
    }
    const qint64 next = m_chunkOffset + m_chunk.size();
    if (next < m_total && readChunk(next, m_next)) {
        m_nextOffset = next;
        m_nextChecksum = Sha256::hash(m_next);
    } else {
        m_next = QByteArray();
        m_nextOffset = -1;
    }
}

void Transfer::onPatched(const HttpAnswer &answer)
{
    const int status = answer.status;
    if (status == 204 && answer.error.isEmpty()) {
        const qint64 offset = answer.header("Upload-Offset").toLongLong();
        if (answer.header("Upload-Complete") == "1") {
            m_offset = m_total;
            m_uploadId.clear();
            removeState();
            succeed();
            return;
        }
        if (offset <= 0 || offset > m_total) {
            fail(Error::Server, tr("the server's answer to a chunk has no valid Upload-Offset."), &answer);
            return;
        }
        continueFrom(offset);
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    const QByteArray requestId = answer.header("X-Request-Id");
    switch (answer.error.isEmpty() ? status : 0) {
    case 409: {
        // Not where the server is: continue from its offset.
        const qint64 offset = offsetOf(answer, body);
        if (offset < 0 || offset > m_total) {
            fail(Error::Server, describe(answer), &answer);
            return;
        }
        ++m_conflicts;
        qCInfo(lcTransfer) << "upload" << m_uploadId << "continues at the server's offset" << offset
                           << "instead of" << m_chunkOffset << requestId;
        continueFrom(offset);
        return;
    }
    case 460:
        // The chunk did not arrive as sent: send it again, a few times.
        ++m_checksumRetries;
        if (++m_retriesInRow > Transfers::kMaxChunkRetries) {
            fail(Error::Server, describe(answer), &answer);
            return;
        }
        qCInfo(lcTransfer) << "chunk at" << m_chunkOffset << "of upload" << m_uploadId
                           << "arrived damaged; sending it again" << requestId;
        sendChunk(true);
        return;
    case 404:
        restartUpload(u"upload "_s + m_uploadId + u" expired or was cancelled"_s);
        return;
    case 422:
        // Everything arrived but the whole does not have the hash (the server starts again at 0).
        if (++m_restarts > Transfers::kMaxRestarts) {
            fail(Error::Server, describe(answer), &answer);
            return;
        }
        qCWarning(lcTransfer) << "upload" << m_uploadId
                              << "did not match its SHA-256 on the server; again from 0" << requestId;
        continueFrom(0);
        return;
    default:
        // No (whole) answer, or one that broke off: the network's failure.
        fail(status == 0 || !answer.error.isEmpty() ? Error::Network : Error::Server, describe(answer),
             &answer);
        return;
    }
}

void Transfer::contentChanged()
{
    qCWarning(lcTransfer) << "the blob file" << m_file.fileName() << "no longer has its SHA-256; upload"
                          << m_uploadId << "cancelled";
    dropReply();
    closeFiles();
    m_chunk = QByteArray();
    m_next = QByteArray();
    m_nextOffset = -1;
    removeState();
    // Failed once the server has dropped the stale upload.
    m_cancelling = true;
    deleteServerUpload([this] {
        m_cancelling = false;
        fail(Error::ContentChanged,
             tr("the file in the attachment folder changed after it was attached (its content no longer "
                "has its SHA-256), so its upload was cancelled. Attach the file again."));
    });
}

// --- Download -------------------------------------------------------------------------------------

void Transfer::startDownload()
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

void Transfer::requestPiece()
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

void Transfer::onPieceProgress(PieceSink *sink)
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

void Transfer::takePiece()
{
    const std::shared_ptr<PieceSink> sink = std::exchange(m_sink, {});
    const PieceSink::Figures f = sink->stop();
    m_offset = f.offset;
    m_total = f.total;
    m_bytesReceived += f.received;
    hashWritten(f.written);
}

void Transfer::hashWritten(const QList<QPair<qint64, QByteArray>> &blocks)
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

void Transfer::onPieceFinished(const HttpAnswer &answer)
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

void Transfer::finishDownload()
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

// --- Transfers ------------------------------------------------------------------------------------

Transfers::Transfers(QNetworkAccessManager *network, BlobStore *store, const ServerEndpoint &endpoint,
                     QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
    , m_endpoint(endpoint)
{}

Transfers::~Transfers()
{
    for (Transfer *t : std::as_const(m_transfers))
        t->dropReply();
    m_curl.reset(); // ends curl's thread before the transfers (children) go
}

CurlClient &Transfers::curl()
{
    if (!m_curl)
        m_curl = std::make_unique<CurlClient>(m_network);
    return *m_curl;
}

Transfer *Transfers::upload(const QByteArray &sha256, const QString &name)
{
    for (Transfer *t : std::as_const(m_transfers)) {
        if (t->kind() == Transfer::Kind::Upload && t->sha256() == sha256 &&
            (t->state() == Transfer::State::Running || t->state() == Transfer::State::Paused))
            return t;
    }
    auto *t = new Transfer(this, Transfer::Kind::Upload, sha256);
    t->m_name = name;
    m_transfers.append(t);
    t->start();
    return t;
}

Transfer *Transfers::download(const QByteArray &sha256, const QString &itemId, qint64 expectedSize)
{
    for (Transfer *t : std::as_const(m_transfers)) {
        if (t->kind() == Transfer::Kind::Download && t->sha256() == sha256 &&
            (t->state() == Transfer::State::Running || t->state() == Transfer::State::Paused))
            return t;
    }
    auto *t = new Transfer(this, Transfer::Kind::Download, sha256);
    t->m_itemId = itemId;
    t->m_expectedSize = expectedSize;
    m_transfers.append(t);
    t->start();
    return t;
}

QString Transfers::uploadStatePath(const BlobStore &store, const QByteArray &sha256)
{
    return store.rootFolder() + u'/' + kUploadsFolder + u'/' + QString::fromLatin1(sha256.toHex()) +
           u".json"_s;
}

QSet<QByteArray> Transfers::uploadsInProgress(const BlobStore &store)
{
    QSet<QByteArray> result;
    const QDir folder(store.rootFolder() + u'/' + kUploadsFolder);
    for (const QString &name : folder.entryList({u"*.json"_s}, QDir::Files | QDir::Hidden)) {
        const QString hex = name.chopped(5);
        if (isSha256Hex(hex))
            result.insert(QByteArray::fromHex(hex.toLatin1()));
    }
    return result;
}

} // namespace baosong
