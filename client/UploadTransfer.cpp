#include "UploadTransfer.h"

#include "BlobStore.h"
#include "Limits.h"
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

using namespace Qt::StringLiterals;

namespace baosong {

using namespace transfer;

UploadTransfer::UploadTransfer(Transfers *owner, const QByteArray &sha256, const QString &name)
    : Transfer(owner, Kind::Upload, sha256)
{
    m_name = name;
}

void UploadTransfer::run()
{
    startUpload();
}

void UploadTransfer::giveUp()
{
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

void UploadTransfer::releaseBuffers()
{
    m_chunk = QByteArray();
    m_next = QByteArray();
    m_nextOffset = -1;
}

// --- Upload ---------------------------------------------------------------------------------------

QString UploadTransfer::statePath() const
{
    return Transfers::uploadStatePath(m_owner->store(), m_sha256);
}

bool UploadTransfer::readState()
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

void UploadTransfer::writeState()
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

void UploadTransfer::removeState()
{
    QFile::remove(statePath());
}

void UploadTransfer::deleteServerUpload(std::function<void()> then)
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

void UploadTransfer::startUpload()
{
    m_next = QByteArray();
    m_nextOffset = -1;
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
        if (m_total <= m_owner->wholeUploadBytes() && !m_wholeRefused)
            sendWhole();
        else
            createUpload();
        return;
    }
    // Where does the server stand?
    QNetworkReply *reply =
        m_owner->network()->get(m_owner->endpoint().request(u"/api/v1/uploads/"_s + m_uploadId));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onStatus(reply); });
}

void UploadTransfer::createUpload()
{
    QNetworkRequest request = m_owner->endpoint().request(u"/api/v1/uploads"_s);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    const QByteArray body = QJsonDocument(QJsonObject{{"sha256"_L1, m_hex},
                                                      {"size"_L1, double(m_total)},
                                                      {"name"_L1, limits::safeFileName(m_name)}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = m_owner->network()->post(request, body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onCreated(reply); });
}

void UploadTransfer::sendWhole()
{
    QByteArray bytes(m_total, Qt::Uninitialized);
    if (!m_file.seek(0) || m_file.read(bytes.data(), m_total) != m_total) {
        fail(Error::Local,
             tr("cannot read %1: %2").arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString()));
        return;
    }
    QString path = u"/api/v1/uploads?sha256="_s + m_hex;
    if (const QString name = limits::safeFileName(m_name); !name.isEmpty())
        path += u"&name="_s + QString::fromLatin1(QUrl::toPercentEncoding(name));
    QNetworkRequest request = m_owner->endpoint().request(path);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/octet-stream"_s);
    QNetworkReply *reply = m_owner->network()->post(request, bytes);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        const HttpAnswer answer = answerOf(reply);
        if (answer.status == 413) {
            // This server takes less in one request (its API or its HTTP layer said so): the chunked
            // way, whose answer says whether the file is too large for the server at all.
            m_reply = nullptr;
            reply->deleteLater();
            m_wholeRefused = true;
            createUpload();
            return;
        }
        onCreated(reply);
    });
}

void UploadTransfer::onCreated(QNetworkReply *reply)
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
    if (status == 413) {
        // Never taken, however often it is sent: the user removes the file or sends a smaller one.
        const qint64 limit = body.value("max_upload_bytes"_L1).toInteger();
        fail(Error::Server,
             limit > 0 ? tr("the file is larger than the server takes (%1 MB at most). Remove it from the "
                            "item, or attach a smaller file.")
                             .arg(QString::number(double(limit) / (1024 * 1024), 'f', 1))
                       : tr("the file is larger than the server takes. Remove it from the item, or attach "
                            "a smaller file."),
             &answer);
        return;
    }
    if (status == 422 && body.contains("quota_bytes"_L1)) {
        // The person's unfinished uploads fill their space on the server: it frees as they finish or
        // expire, so this one is tried again later (the action backs off).
        fail(Error::Server,
             tr("your space for unfinished uploads on the server (%1 MB) is full. It is sent again later, "
                "when your other uploads have finished or expired.")
                 .arg(QString::number(body.value("quota_bytes"_L1).toDouble() / (1024 * 1024), 'f', 1)),
             &answer);
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

void UploadTransfer::onStatus(QNetworkReply *reply)
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

void UploadTransfer::restartUpload(const QString &why)
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

void UploadTransfer::continueFrom(qint64 offset)
{
    m_offset = offset;
    m_retriesInRow = 0;
    emit progress(m_offset, m_total);
    if (m_state != State::Running || m_cancelling)
        return; // paused or cancelled from a slot
    sendChunk(false);
}

bool UploadTransfer::readChunk(qint64 offset, QByteArray &chunk)
{
    const qint64 n = std::min(m_chunkSize, m_total - offset);
    chunk.resize(n);
    return m_file.seek(offset) && m_file.read(chunk.data(), n) == n;
}

void UploadTransfer::sendChunk(bool again)
{
    // The blob file must still be what was announced: same size and modification time before every
    // chunk (a cheap check), and the same SHA-256 before the last one (below).
    const QFileInfo info(m_file.fileName());
    if (!info.exists()) {
        contentChanged(true);
        return;
    }
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

void UploadTransfer::readAhead()
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

void UploadTransfer::onPatched(const HttpAnswer &answer)
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

void UploadTransfer::contentChanged(bool removed)
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
    deleteServerUpload([this, removed] {
        m_cancelling = false;
        if (removed)
            fail(Error::Missing, tr("the file was removed from the attachment folder during its upload, so "
                                    "its upload was cancelled. The item is kept and waits: attach the file "
                                    "again, or remove it from the item."));
        else
            fail(Error::ContentChanged,
                 tr("the file in the attachment folder changed after it was attached (its content no "
                    "longer has its SHA-256), so its upload was cancelled. Attach the file again."));
    });
}

} // namespace baosong
