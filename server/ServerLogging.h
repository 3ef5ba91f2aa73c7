#pragma once

#include <QLoggingCategory>

namespace baosong::server {
// The server store: connections, migrations, SQL failures, audit verification.
Q_DECLARE_LOGGING_CATEGORY(lcServerStore)
// The server's API: actions, the change feed, authorization refusals.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
// Audit events as they are written (never secrets: no passwords, no tokens).
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
} // namespace baosong::server
