#include "UploadApi.h"

#include "Limits.h"

#include "ApiProblems.h"

#include "ServerLogging.h"
#include "Sha256.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QScopeGuard>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace baosong::server {

namespace {

constexpr auto kUploadsPrefix = "/api/v1/uploads/"_L1;
// Larger JSON numbers lose whole-number precision.
constexpr qint64 kMaxJsonInteger = qint64(1) << 53;

QByteArray number(qint64 n)
{
    return QByteArray::number(n);
}

// A whole number of 0 or more written with digits only (for headers), or -1.
qint64 parseOffset(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return -1;
    }
    return text.toLongLong();
}

struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0; // inclusive
};

// One range of a Range header ("bytes=a-b", "bytes=a-", "bytes=-n") within `size` bytes; nullopt
// when it is malformed, names several ranges or none of it is within the blob.
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes="))
        return std::nullopt;
    const QByteArray spec = value.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0 || spec.contains(','))
        return std::nullopt;
    const QByteArray from = spec.left(dash).trimmed();
    const QByteArray to = spec.mid(dash + 1).trimmed();
    if (from.isEmpty()) {
        const qint64 suffix = parseOffset(to);
        if (suffix <= 0 || size == 0)
            return std::nullopt;
        return ByteRange{std::max<qint64>(0, size - suffix), size - 1};
    }
    const qint64 first = parseOffset(from);
    if (first < 0 || first >= size)
        return std::nullopt;
    qint64 last = size - 1;
    if (!to.isEmpty()) {
        const qint64 end = parseOffset(to);
        if (end < first)
            return std::nullopt;
        last = std::min(end, size - 1);
    }
    return ByteRange{first, last};
}

} // namespace

UploadApi::UploadApi(ServerStore &store, BlobConfig config, const RouteEngine &engine)
    : m_store(store)
    , m_config(std::move(config))
    , m_blobs(m_config.folder)
    , m_engine(engine)
{}

qint64 UploadApi::bodyLimitFor(const BlobConfig &config, const QByteArray &method, const QByteArray &path)
{
    if (method == "PATCH" && path.startsWith(QByteArrayView(kUploadsPrefix.data(), kUploadsPrefix.size())))
        return config.chunkSize + kChunkMargin;
    if (method == "POST" && path == "/api/v1/uploads")
        return config.chunkSize + kChunkMargin; // a small file in one request (createWhole)
    return -1;
}

QMutex &UploadApi::lockFor(const QString &uploadId)
{
    return m_locks[qHash(uploadId) % m_locks.size()];
}

http::Response UploadApi::problem(const http::Request &request, int status, const QString &title,
                                  const QString &detail, const QJsonObject &extra) const
{
    return http::Response::problem(status, title, detail, request.requestId, extra);
}

http::Response UploadApi::storeFailure(const http::Request &request) const
{
    return server::storeFailure(request, m_store);
}

http::Response UploadApi::noSuchUpload(const http::Request &request, const QString &id) const
{
    return problem(request, 404, tr("No such upload"),
                   tr("There is no upload %1 of yours: it was finished, cancelled or has expired. Start it "
                      "again.")
                       .arg(id));
}

int UploadApi::removeExpired(const QDateTime &now)
{
    const QList<Upload> expired = m_store.expiredUploads(now);
    if (!m_store.lastError().isEmpty())
        return -1;
    int removed = 0;
    for (const Upload &u : expired) {
        QMutexLocker lock(&lockFor(u.id));
        if (!m_store.deleteUpload(u.id))
            return -1;
        if (BlobStore::isUploadId(u.id.toLatin1()))
            m_blobs.removePartial(u.id);
        ++removed;
        qCInfo(lcApi) << "upload" << u.id << "of" << u.personId << "expired";
    }
    // Files of one-request uploads interrupted by a crash (BlobStore::storeWhole), every ten minutes.
    const qint64 at = now.toMSecsSinceEpoch();
    qint64 swept = m_wholesSweptAt.load();
    if (at - swept >= 10 * 60 * 1000 && m_wholesSweptAt.compare_exchange_strong(swept, at)) {
        if (const int stale = m_blobs.removeStaleWholes(now.addSecs(-m_config.uploadExpirySeconds)))
            qCInfo(lcApi) << stale << "files of interrupted uploads removed";
    }
    return removed;
}

http::Response UploadApi::handle(const http::Request &request, const Person &person, const QStringList &parts,
                                 const QDateTime &now)
{
    if (m_config.folder.isEmpty())
        return problem(request, 503, tr("Attachments unavailable"),
                       tr("This server has no attachment folder configured ([blobs] folder)."));
    const QByteArray &method = request.method;
    if (parts[0] == "blobs"_L1) {
        if (parts.size() == 2 && method == "GET")
            return download(request, person, parts[1]);
        return problem(request, 404, tr("Not found"),
                       tr("There is nothing at %1.").arg(QString::fromUtf8(request.path)));
    }

    // Unfinished uploads whose time is up go first, so that their space counts no more.
    if (removeExpired(now) < 0)
        return storeFailure(request);
    if (parts.size() == 1 && method == "POST")
        return request.header("Content-Type").trimmed().toLower() == "application/octet-stream"
                   ? createWhole(request, person, now)
                   : create(request, person, now);
    if (parts.size() != 2)
        return problem(request, 404, tr("Not found"),
                       tr("There is nothing at %1.").arg(QString::fromUtf8(request.path)));
    const QString &id = parts[1];
    if (!BlobStore::isUploadId(id.toLatin1()))
        return noSuchUpload(request, id);
    if (method == "PATCH")
        return append(request, id, person);
    const std::optional<Upload> upload = m_store.upload(id);
    if (!upload && !m_store.lastError().isEmpty())
        return storeFailure(request);
    if (!upload || upload->personId != person.id)
        return noSuchUpload(request, id);
    if (method == "GET")
        return status(request, *upload);
    if (method == "DELETE")
        return cancel(request, *upload);
    return problem(request, 405, tr("Method not allowed"),
                   tr("An upload is read with GET, continued with PATCH and cancelled with DELETE."));
}

std::optional<http::Response> UploadApi::answerBeforeBytes(const http::Request &request, const Person &person,
                                                           const QByteArray &sha256, const QString &name,
                                                           qint64 size)
{
    // The name is metadata, shown to people: the same rule as an attachment's (core/Limits).
    if (const QString safe = limits::safeFileName(name); !name.isEmpty() && safe != name)
        return problem(request, 422, tr("Not accepted"),
                       tr("The file name \"%1\" is not accepted: names may not contain path separators, "
                          "control or direction characters, or be longer than %2 characters.")
                           .arg(safe)
                           .arg(limits::kFileNameChars));
    // The server has this content already and the person may know it (they sent it, or an item they
    // see names it): nothing needs to be sent (dedup). Anyone else sends the bytes, as if the server
    // had never seen them: the answer tells nobody what the server holds.
    if (m_blobs.hasBlob(sha256)) {
        const std::optional<bool> known = mayName(person, sha256);
        if (!known)
            return storeFailure(request);
        if (*known)
            return http::Response::json(200,
                                        {{"complete"_L1, true}, {"sha256"_L1, QString::fromLatin1(sha256)}});
    }
    if (size > m_config.maxUploadBytes)
        return problem(request, 413, tr("Attachment too large"),
                       tr("An attachment may have at most %1 bytes; this one has %2.")
                           .arg(m_config.maxUploadBytes)
                           .arg(size),
                       {{"max_upload_bytes"_L1, double(m_config.maxUploadBytes)}});
    return std::nullopt;
}

http::Response UploadApi::create(const http::Request &request, const Person &person, const QDateTime &now)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = doc.object();
    const QByteArray sha256 = body.value("sha256"_L1).toString().toLower().toLatin1();
    const QJsonValue sizeValue = body.value("size"_L1);
    const double sizeNumber = sizeValue.toDouble(-1);
    const QString name = body.value("name"_L1).toString();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !BlobStore::isSha256(sha256) ||
        !sizeValue.isDouble() || sizeNumber < 0 || sizeNumber > double(kMaxJsonInteger) ||
        sizeNumber != double(qint64(sizeNumber)))
        return problem(request, 400, tr("Bad request"),
                       tr("Send a JSON object with \"sha256\" (64 hexadecimal digits), \"size\" (a whole "
                          "number of bytes) and optionally \"name\" (a file name of at most %1 characters).")
                           .arg(limits::kFileNameChars));
    const qint64 size = qint64(sizeNumber);
    if (std::optional<http::Response> answer = answerBeforeBytes(request, person, sha256, name, size))
        return *answer;
    const qint64 used = m_store.uploadBytesOf(person.id);
    if (used < 0)
        return storeFailure(request);
    if (used + size > m_config.quotaBytes)
        return problem(request, 422, tr("Upload quota reached"),
                       tr("Your unfinished uploads would take %1 bytes; at most %2 are allowed. Finish or "
                          "cancel some first.")
                           .arg(used + size)
                           .arg(m_config.quotaBytes),
                       {{"quota_bytes"_L1, double(m_config.quotaBytes)}, {"used_bytes"_L1, double(used)}});

    Upload upload;
    upload.id = BlobStore::newUploadId();
    upload.personId = person.id;
    upload.sha256 = sha256;
    upload.size = size;
    upload.name = name;
    upload.createdAt = now;
    upload.expiresAt = now.addSecs(m_config.uploadExpirySeconds);
    QString error;
    if (size == 0) {
        // Nothing to send: the (empty) content is checked at once.
        if (!m_blobs.createPartial(upload.id, &error))
            return problem(request, 500, tr("Server error"), error);
        const BlobStore::Finish finished = m_blobs.finish(upload.id, sha256, &error);
        m_blobs.removePartial(upload.id);
        if (finished == BlobStore::Finish::Stored) {
            if (!m_store.addBlobOwner(sha256, person.id))
                return storeFailure(request);
            return http::Response::json(200,
                                        {{"complete"_L1, true}, {"sha256"_L1, QString::fromLatin1(sha256)}});
        }
        if (finished == BlobStore::Finish::Mismatch)
            return problem(
                request, 422, tr("Content does not match"),
                tr("An empty file does not have the SHA-256 %1.").arg(QString::fromLatin1(sha256)));
        return problem(request, 500, tr("Server error"), error);
    }
    // The row first: a crash before the file exists leaves a row that expires like any other (a
    // file without a row would never be found again).
    if (!m_store.insertUpload(upload))
        return storeFailure(request);
    if (!m_blobs.createPartial(upload.id, &error)) {
        qCWarning(lcApi) << request.requestId << error;
        m_store.deleteUpload(upload.id);
        return problem(request, 500, tr("Server error"), error);
    }
    qCInfo(lcApi) << request.requestId << person.id << "upload" << upload.id << "created," << size << "bytes";
    http::Response r =
        http::Response::json(201, {{"upload_id"_L1, upload.id},
                                   {"offset"_L1, 0},
                                   {"size"_L1, double(size)},
                                   {"chunk_size"_L1, double(m_config.chunkSize)},
                                   {"expires_at"_L1, upload.expiresAt.toString(Qt::ISODateWithMs)}});
    r.headers.append(qMakePair("Location"_ba, QByteArray(kUploadsPrefix.data(), kUploadsPrefix.size()) +
                                                  upload.id.toLatin1()));
    r.headers.append(qMakePair("Upload-Offset"_ba, "0"_ba));
    return r;
}

http::Response UploadApi::createWhole(const http::Request &request, const Person &person,
                                      const QDateTime &now)
{
    // POST /api/v1/uploads?sha256=<hex>&name=<name> with the whole file as the body (at most one chunk).
    const QUrlQuery query(QString::fromLatin1(request.query));
    const QByteArray sha256 = query.queryItemValue(u"sha256"_s).toLower().toLatin1();
    const QString name = query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    if (!BlobStore::isSha256(sha256))
        return problem(
            request, 400, tr("Bad request"),
            tr("Send a file in one request with its SHA-256 (64 hexadecimal digits) as the query's "
               "\"sha256\" and optionally its \"name\"."));
    const QByteArray &bytes = request.body;
    if (std::optional<http::Response> answer = answerBeforeBytes(request, person, sha256, name, bytes.size()))
        return *answer;
    if (bytes.size() > m_config.chunkSize)
        return problem(request, 413, tr("Chunk too large"),
                       tr("A file sent in one request may have at most %1 bytes; start an upload instead.")
                           .arg(m_config.chunkSize),
                       {{"chunk_size"_L1, double(m_config.chunkSize)}});
    // Checked in memory while it is written, flushed and renamed into place at once (no upload row
    // and no second reading of the file): a file that does not match never takes its name. Then the
    // owner is recorded. A crash before the rename leaves a file that removeExpired() removes; after
    // it, a blob without an owner, which the sender's retry answers at once.
    QString error;
    bool mismatch = false;
    if (!m_blobs.storeWhole(sha256, bytes, &error, &mismatch)) {
        if (mismatch)
            return problem(request, 422, tr("Content does not match"), error);
        qCWarning(lcApi) << request.requestId << error;
        return problem(request, 500, tr("Server error"), error);
    }
    ServerStore::Transaction tx(m_store);
    if (!tx.ok() || !m_store.addBlobOwner(sha256, person.id) || !tx.commit())
        return storeFailure(request);
    qCInfo(lcApi) << request.requestId << person.id << "file" << sha256 << "received in one request,"
                  << bytes.size() << "bytes";
    return http::Response::json(200, {{"complete"_L1, true}, {"sha256"_L1, QString::fromLatin1(sha256)}});
}

http::Response UploadApi::status(const http::Request &, const Upload &upload)
{
    http::Response r =
        http::Response::json(200, {{"upload_id"_L1, upload.id},
                                   {"offset"_L1, double(upload.offset)},
                                   {"size"_L1, double(upload.size)},
                                   {"chunk_size"_L1, double(m_config.chunkSize)},
                                   {"expires_at"_L1, upload.expiresAt.toString(Qt::ISODateWithMs)}});
    r.headers.append(qMakePair("Upload-Offset"_ba, number(upload.offset)));
    r.headers.append(qMakePair("Upload-Length"_ba, number(upload.size)));
    return r;
}

http::Response UploadApi::cancel(const http::Request &request, const Upload &upload)
{
    QMutexLocker lock(&lockFor(upload.id));
    if (!m_store.deleteUpload(upload.id))
        return storeFailure(request);
    m_blobs.removePartial(upload.id);
    qCInfo(lcApi) << request.requestId << "upload" << upload.id << "cancelled";
    http::Response r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

http::Response UploadApi::append(const http::Request &request, const QString &id, const Person &person)
{
    if (request.header("Content-Type").trimmed().toLower() != "application/offset+octet-stream")
        return problem(request, 415, tr("Unsupported media type"),
                       tr("Send a chunk as application/offset+octet-stream."));
    const qint64 offset = parseOffset(request.header("Upload-Offset").trimmed());
    if (offset < 0)
        return problem(request, 400, tr("Bad request"),
                       tr("Say where the chunk starts in an Upload-Offset header (a whole number)."));
    const QByteArray &chunk = request.body;
    if (chunk.size() > m_config.chunkSize)
        return problem(request, 413, tr("Chunk too large"),
                       tr("A chunk may have at most %1 bytes.").arg(m_config.chunkSize),
                       {{"chunk_size"_L1, double(m_config.chunkSize)}});

    // One chunk of an upload at a time: within this process, then among processes sharing the folder.
    QMutexLocker lock(&lockFor(id));
    const int fileLock = m_blobs.lockPartial(id);
    const auto releaseFile = qScopeGuard([fileLock] { BlobStore::unlockPartial(fileLock); });
    const std::optional<Upload> found = m_store.upload(id);
    if (!found && !m_store.lastError().isEmpty())
        return storeFailure(request);
    if (!found || found->personId != person.id || fileLock < 0)
        return noSuchUpload(request, id);
    Upload upload = *found;
    if (offset != upload.offset) {
        http::Response r = problem(request, 409, tr("Wrong offset"),
                                   tr("The server has %1 bytes of this upload; send the chunk that starts "
                                      "there.")
                                       .arg(upload.offset),
                                   {{"offset"_L1, double(upload.offset)}});
        r.headers.append(qMakePair("Upload-Offset"_ba, number(upload.offset)));
        return r;
    }

    // The chunk's own checksum, when given: a corrupted chunk is discarded before it is written.
    const QByteArray checksum = request.header("Upload-Checksum").trimmed();
    if (!checksum.isNull()) {
        const qsizetype space = checksum.indexOf(' ');
        const QByteArray algorithm = checksum.left(space).toLower();
        const auto decoded = QByteArray::fromBase64Encoding(checksum.mid(space + 1).trimmed(),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (space < 0 || algorithm != "sha256" || !decoded || decoded.decoded.size() != 32)
            return problem(request, 400, tr("Bad request"),
                           tr("Upload-Checksum must be \"sha256 \" followed by the chunk's SHA-256 in "
                              "base64."));
        // OpenSSL's SHA-256 (SHA-NI, AVX2): QCryptographicHash's is several times slower on a chunk.
        if (Sha256::hash(chunk) != decoded.decoded)
            return problem(request, 460, tr("Checksum mismatch"),
                           tr("The chunk did not arrive as sent (its SHA-256 differs); it was discarded. "
                              "Send it again."),
                           {{"offset"_L1, double(offset)}});
    }
    if (chunk.isEmpty() || offset + chunk.size() > upload.size)
        return problem(
            request, 400, tr("Bad request"),
            tr("A chunk must have at least one byte and end within the %1 bytes announced.").arg(upload.size),
            {{"offset"_L1, double(upload.offset)}});

    QString error;
    if (!m_blobs.writeChunk(id, offset, chunk, &error)) {
        qCWarning(lcApi) << request.requestId << error;
        return problem(request, 500, tr("Server error"), error);
    }
    // The bytes are on disk before the offset says so: after a crash the server never claims more
    // than it has (anything written past the recorded offset is cut off by the next chunk).
    upload.offset = offset + chunk.size();
    if (!m_store.updateUploadOffset(id, upload.offset))
        return storeFailure(request);

    http::Response r;
    r.status = 204;
    r.contentType.clear();
    if (upload.offset < upload.size) {
        r.headers.append(qMakePair("Upload-Offset"_ba, number(upload.offset)));
        return r;
    }

    // All bytes are here: the blob exists only if the whole content has the announced hash.
    switch (m_blobs.finish(id, upload.sha256, &error)) {
    case BlobStore::Finish::Stored: {
        // Who sent it, and the end of the upload, together.
        ServerStore::Transaction tx(m_store);
        if (!tx.ok() || !m_store.addBlobOwner(upload.sha256, person.id) || !m_store.deleteUpload(id) ||
            !tx.commit())
            return storeFailure(request);
        qCInfo(lcApi) << request.requestId << person.id << "upload" << id << "complete:" << upload.sha256;
        r.headers.append(qMakePair("Upload-Offset"_ba, number(upload.offset)));
        r.headers.append(qMakePair("Upload-Complete"_ba, "1"_ba));
        return r;
    }
    case BlobStore::Finish::Mismatch:
        qCWarning(lcApi) << request.requestId << "upload" << id << "does not match its SHA-256; reset";
        if (!m_blobs.resetPartial(id) || !m_store.updateUploadOffset(id, 0))
            return storeFailure(request);
        return problem(request, 422, tr("Content does not match"),
                       tr("The file that arrived does not have the SHA-256 announced; the upload starts "
                          "again at offset 0."),
                       {{"offset"_L1, 0}});
    case BlobStore::Finish::Failed:
        break;
    }
    qCWarning(lcApi) << request.requestId << error;
    return problem(request, 500, tr("Server error"), error);
}

std::optional<bool> UploadApi::mayName(const Person &person, const QByteArray &hex)
{
    const std::optional<bool> owner = m_store.ownsBlob(hex, person.id);
    if (!owner || *owner)
        return owner;
    // Items naming it: a few suffice (one the person sees settles it).
    const QStringList ids = m_store.itemsWithBlob(hex, 20);
    if (!m_store.lastError().isEmpty())
        return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(hex);
    for (const Item &item : m_store.items(ids)) {
        if (!RouteEngine::canSee(person, item))
            continue;
        const Item seen = RouteEngine::viewFor(person, item);
        for (const Revision &r : seen.revisions) {
            if (std::any_of(r.content.attachments.cbegin(), r.content.attachments.cend(),
                            [&](const Attachment &a) { return a.sha256 == raw; }))
                return true;
        }
    }
    return m_store.lastError().isEmpty() ? std::optional<bool>(false) : std::nullopt;
}

std::optional<Attachment> UploadApi::unnameable(const Person &person, const Item &before,
                                                const RevisionContent &content, bool *failed)
{
    *failed = false;
    QSet<QByteArray> inItem;
    for (const Revision &r : before.revisions) {
        for (const Attachment &a : r.content.attachments)
            inItem.insert(a.sha256);
    }
    for (const Attachment &a : content.attachments) {
        if (inItem.contains(a.sha256))
            continue;
        const QByteArray hex = a.sha256.toHex();
        if (!m_blobs.hasBlob(hex))
            return a;
        const std::optional<bool> known = mayName(person, hex);
        if (!known) {
            *failed = true;
            return std::nullopt;
        }
        if (!*known)
            return a;
        inItem.insert(a.sha256);
    }
    return std::nullopt;
}

http::Response UploadApi::download(const http::Request &request, const Person &person, const QString &sha256)
{
    const QByteArray hex = sha256.toLatin1();
    const QString itemId = QUrlQuery(QString::fromUtf8(request.query)).queryItemValue(u"item"_s);
    const auto notFound = [&] {
        return problem(request, 404, tr("No such attachment"),
                       tr("There is no attachment %1 of an item that you may see.").arg(sha256));
    };
    if (!BlobStore::isSha256(hex) || itemId.isEmpty())
        return notFound();
    const std::optional<Item> item = m_store.item(itemId);
    if (!item && !m_store.lastError().isEmpty())
        return storeFailure(request);
    if (!item || !RouteEngine::canSee(person, *item))
        return notFound();
    const QByteArray raw = QByteArray::fromHex(hex);
    // Another unit sees only the live revision's files (docs/design.md §8).
    const Item seen = RouteEngine::viewFor(person, *item);
    const bool attached = std::any_of(seen.revisions.cbegin(), seen.revisions.cend(), [&](const Revision &r) {
        return std::any_of(r.content.attachments.cbegin(), r.content.attachments.cend(),
                           [&](const Attachment &a) { return a.sha256 == raw; });
    });
    const qint64 size = m_blobs.blobSize(hex);
    if (!attached || size < 0)
        return notFound();

    const QByteArray etag = '"' + hex + '"';
    http::Response r;
    r.contentType = "application/octet-stream";
    r.headers.append(qMakePair("ETag"_ba, etag));
    r.headers.append(qMakePair("Accept-Ranges"_ba, "bytes"_ba));
    // Content-addressed: the bytes behind this ETag never change; caches ask again (authorization).
    r.headers.append(qMakePair("Cache-Control"_ba, "private, no-cache"_ba));
    const QByteArray ifNoneMatch = request.header("If-None-Match");
    if (!ifNoneMatch.isNull() && (ifNoneMatch.trimmed() == etag || ifNoneMatch.trimmed() == "*")) {
        r.status = 304;
        r.contentType.clear();
        return r;
    }

    ByteRange range{0, size - 1};
    const QByteArray rangeHeader = request.header("Range");
    if (!rangeHeader.isNull()) {
        const std::optional<ByteRange> wanted = parseRange(rangeHeader, size);
        if (!wanted) {
            http::Response refused = problem(request, 416, tr("Range not satisfiable"),
                                             tr("Ask for one range of bytes within the %1 bytes of the "
                                                "attachment.")
                                                 .arg(size));
            refused.headers.append(qMakePair("Content-Range"_ba, "bytes */" + number(size)));
            return refused;
        }
        range = *wanted;
        r.status = 206;
        r.headers.append(qMakePair("Content-Range"_ba, "bytes " + number(range.first) + '-' +
                                                           number(range.last) + '/' + number(size)));
    }
    QFile f(m_blobs.blobPath(hex));
    const qint64 length = range.last - range.first + 1;
    if (!f.open(QIODevice::ReadOnly) || !f.seek(range.first))
        return problem(request, 500, tr("Server error"), tr("The attachment cannot be read."));
    r.body = length > 0 ? f.read(length) : QByteArray();
    if (r.body.size() != length)
        return problem(request, 500, tr("Server error"), tr("The attachment cannot be read."));
    return r;
}

} // namespace baosong::server
