#pragma once

// Problem answers shared by the API's handlers (Api, UploadApi): one wording for each.

#include "HttpServer.h"

namespace baosong::server {

// 500: the store failed; logs the store's error with the request id (the answer carries only the id).
http::Response storeFailure(const http::Request &request, const QString &storeError);

} // namespace baosong::server
