#pragma once

// Attachments in API v1 (docs/api.md "Attachments", docs/design.md §7): resumable uploads modelled on
// tus 1.0 (create for a hash and size, PATCH bounded chunks at their offset, ask the offset to
// resume, the whole hash verified before the blob exists, dedup, expiry, quotas) and downloads of a
// blob through an item the person may see, with Range and the hash as ETag.
//
// An upload belongs to the person who created it: anyone else is answered 404. Memory per request
// is bounded by the chunk size: a PATCH body is at most one chunk (the HTTP layer refuses more, see
// bodyLimitFor()), and the final hash is computed as a stream.

#include "HttpServer.h"
#include "RouteEngine.h"
#include "ServerBlobStore.h"
#include "ServerStore.h"

#include <QCoreApplication>
#include <QMutex>

#include <optional>

#include <array>
#include <atomic>

namespace baosong::server {

class UploadApi
{
    Q_DECLARE_TR_FUNCTIONS(UploadApi)

public:
    // A PATCH body may carry one chunk plus this much (the HTTP layer's limit for it).
    static constexpr qint64 kChunkMargin = 64 * 1024;

    UploadApi(ServerStore &store, BlobConfig config, const RouteEngine &engine);

    const BlobConfig &config() const { return m_config; }
    const BlobStore &blobs() const { return m_blobs; }

    // `parts`: the path's segments after /api/v1/, parts[0] being "uploads" or "blobs"; `person` is
    // signed in.
    http::Response handle(const http::Request &request, const Person &person, const QStringList &parts,
                          const QDateTime &now);

    // For http::Limits::bodyLimitFor: one chunk (plus a margin) for PATCH /api/v1/uploads/…, and -1
    // (the default limit) for everything else.
    static qint64 bodyLimitFor(const BlobConfig &config, const QByteArray &method, const QByteArray &path);

    // Whether `person` may name the stored content `hex` (64 hex digits) in an item without sending
    // its bytes (docs/api.md "Attachments"): they sent it, or an item they may see names it (in the
    // part of the item they see). nullopt on a store failure.
    std::optional<bool> mayName(const Person &person, const QByteArray &hex);
    // The first attachment of `content` that `person` may not name: one that no revision of `before`
    // names and that is not on the server, or not theirs to name (mayName). Empty when all may be
    // named; *failed is set on a store failure.
    std::optional<Attachment> unnameable(const Person &person, const Item &before,
                                         const RevisionContent &content, bool *failed);

    // Removes unfinished uploads whose time is up (their rows and files); the number removed, -1 on
    // a store failure. Called at every upload request.
    int removeExpired(const QDateTime &now);

private:
    http::Response create(const http::Request &request, const Person &person, const QDateTime &now);
    // What create and createWhole answer before any byte is stored: a refused name, the dedup
    // answer, a file too large; nullopt to go on.
    std::optional<http::Response> answerBeforeBytes(const http::Request &request, const Person &person,
                                                    const QByteArray &sha256, const QString &name,
                                                    qint64 size);
    http::Response createWhole(const http::Request &request, const Person &person, const QDateTime &now);
    http::Response status(const http::Request &request, const Upload &upload);
    http::Response append(const http::Request &request, const QString &id, const Person &person);
    http::Response cancel(const http::Request &request, const Upload &upload);
    http::Response download(const http::Request &request, const Person &person, const QString &sha256);

    http::Response problem(const http::Request &request, int status, const QString &title,
                           const QString &detail, const QJsonObject &extra = {}) const;
    http::Response storeFailure(const http::Request &request) const; // see ApiProblems.h
    http::Response noSuchUpload(const http::Request &request, const QString &id) const;
    // Writers of one upload take turns (a chunk and the final hash happen under it).
    QMutex &lockFor(const QString &uploadId);

    ServerStore &m_store;
    BlobConfig m_config;
    std::atomic<qint64> m_wholesSweptAt{0}; // ms since the epoch: files of interrupted one-request uploads
    BlobStore m_blobs;
    const RouteEngine &m_engine;
    std::array<QMutex, 64> m_locks;
};

} // namespace baosong::server
