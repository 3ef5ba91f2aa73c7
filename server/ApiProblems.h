#pragma once

// Problem answers shared by the API's handlers (Api, UploadApi): one wording for each.

#include "HttpServer.h"

namespace baosong::server {

// 503 with Retry-After: the store could not be read or written (full disk, read-only file system, a
// database gone away). Logs the store's error with the request id (the answer carries only the id) and
// marks the store degraded, which GET /health reports until a write succeeds again.
class ServerStore;
http::Response storeFailure(const http::Request &request, ServerStore &store);
inline constexpr int kStoreRetryAfterSeconds = 30;

} // namespace baosong::server
