#include "HttpLogging.h"

namespace baosong {
Q_LOGGING_CATEGORY(lcHttp, "baosong.http")
} // namespace baosong
