#pragma once

// CSV as Excel and WPS open it (issue #18 point 5): UTF-8 with a byte-order mark (without it they read
// Chinese as the local code page), CRLF line ends, a field quoted when it holds a comma, a quote or a
// line break (its quotes doubled). One writer for every export.

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace baosong {

QByteArray csvDocument(const QList<QStringList> &rows);

} // namespace baosong
