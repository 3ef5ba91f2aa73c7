#pragma once

#include <QLoggingCategory>

namespace baosong {
// The server's HTTP layer: one info line per request (request id, method, path without the query,
// status, bytes, duration, remote address), connection trouble at debug level.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
} // namespace baosong
