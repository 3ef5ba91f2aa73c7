#pragma once

// One style for sizes, dates and times wherever the client shows them (issue #15): sizes in KB and
// MB (never bytes mixed with KiB), dates as 2026-12-06, times as 2026-12-06 14:05.

#include <QDate>
#include <QDateTime>
#include <QString>

namespace baosong {

// "1 KB" at least (as file managers show small files), then "12.5 KB", "3.4 MB", "1.2 GB" (1024-based).
QString sizeText(qint64 bytes);
// "2026-12-06"; empty for an invalid date.
QString dateText(const QDate &date);
// "2026-12-06 14:05" in local time; empty for an invalid time.
QString dateTimeText(const QDateTime &at);

} // namespace baosong
