#include "ServerLogging.h"

namespace baosong::server {
Q_LOGGING_CATEGORY(lcServerStore, "baosong.server.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "baosong.server.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "baosong.server.audit", QtInfoMsg)
} // namespace baosong::server
