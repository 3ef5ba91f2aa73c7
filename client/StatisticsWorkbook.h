#pragma once

// The quarterly statistics as an XLSX workbook (issue #18 point 5), what WPS and Excel users open:
// a sheet per unit (ranked) and per column, headed with the period, the figures as numbers (rates as
// percentages) so that they can be summed and charted there. Written with libxlsxwriter (Debian's
// libxlsxwriter-dev). No Widgets.

#include "Statistics.h"

#include <QString>

namespace baosong {

// Writes `statistics` to `path`; false and *error (translated) when it can't be written.
bool writeStatisticsWorkbook(const Statistics &statistics, const QString &path, QString *error);

} // namespace baosong
