#include "Logging.h"

namespace baosong {
Q_LOGGING_CATEGORY(lcCore, "baosong.core")
Q_LOGGING_CATEGORY(lcRoutes, "baosong.routes")
Q_LOGGING_CATEGORY(lcStore, "baosong.store")
Q_LOGGING_CATEGORY(lcApp, "baosong.app")
} // namespace baosong
