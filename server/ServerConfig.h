#pragma once

// The server's configuration file (INI; docs/server.md lists every key). Relative paths are taken
// from the folder the file is in. Defaults give the embedded default: SQLite next to the file and a
// self-signed certificate, listening on 127.0.0.1 only.

#include "Accounts.h"
#include "Deadline.h"
#include "HttpServer.h"
#include "PortalSender.h"
#include "ServerBlobStore.h"
#include "ServerStore.h"
#include "SiteConfig.h"
#include "Statistics.h"

#include <QCoreApplication>
#include <QString>

namespace baosong::server {

struct ServerConfig
{
    Q_DECLARE_TR_FUNCTIONS(ServerConfig)

public:
    QString dataDir; // the folder of the configuration file

    http::ServerConfig http;   // [server] address, port, certificate, key, io_threads, worker_threads
                               // [limits] max_header_bytes, max_body_bytes, *_timeout_ms
    StoreConfig store;         // [store] driver, path | host, port, database, user, password_file
    Accounts::Policy accounts; // [accounts] session_minutes, slow_after_failures, slow_seconds,
                               //            lock_after_failures, lock_minutes, min_password_length
    BlobConfig blobs;          // [blobs] folder, chunk_size, max_upload_bytes, quota_bytes,
                               //         upload_expiry_hours (attachments, docs/api.md)
    QString routesFile;        // [routes] file: a route definition replacing the shipped one (optional)
    DeadlinePolicy deadline;   // [deadline] urgent_hours, urgent_due_soon_hours (Art. 9)
    ScoringTable scoring;      // [scoring] disclosure, collective_decision, news, repost, adoption, late,
                               //           breached: the quarterly statistics' points
    SiteConfig site;           // [site] the public site: folder, serving address, footer (SiteConfig.h)
    PortalConfig municipal;    // [municipal] url, login, password_file, ca_file, unit, column,
                               //             poll_seconds: the municipal platform (Art. 14, PortalSender.h)
    bool metricsAllowRemote = false; // [metrics] allow_remote: GET /metrics answers other than loopback peers
    QString language;                // [server] language of messages in answers and on the command line:
                                     // zh_CN or en (default: the system's)

    // Reads `path`; a missing file gives the defaults. False with a translated *error on a bad value.
    static bool load(const QString &path, ServerConfig *out, QString *error);
    // Writes the defaults of the embedded default (creating the folder), for `init`.
    static bool writeDefault(const QString &path, QString *error);
};

} // namespace baosong::server
