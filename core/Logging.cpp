#include "Logging.h"

namespace baosong {
Q_LOGGING_CATEGORY(lcCore, "baosong.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRoutes, "baosong.routes", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "baosong.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "baosong.app", QtInfoMsg)
} // namespace baosong
