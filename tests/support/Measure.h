#pragma once

// Figures for benchmarks and the memory checks of tests: medians, percentiles and the resident set
// of a process (Linux /proc). Figures only: nothing here asserts a time (docs/design.md §12).

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <vector>

namespace baosong::test {

// A field of /proc/<pid>/status in kB (VmRSS: current resident set, VmHWM: its peak), or -1.
qint64 statusKb(const QByteArray &field, const QString &pid = QStringLiteral("self"));
// Resets VmHWM of `pid` to its current RSS (Linux ≥ 4.0); false when not allowed.
bool resetPeak(const QString &pid);

struct Stats
{
    double median = 0, min = 0, max = 0;
};
// Median (the mean of the middle two for an even count), least and greatest; zeros when empty.
Stats stats(std::vector<double> values);
double median(std::vector<double> values);
// The value at fraction `p` (0..1) of the sorted values, rounded to the nearest rank; 0 when empty.
double percentile(std::vector<double> values, double p);
// Milliseconds since `timer` started, with its nanosecond resolution.
double ms(const QElapsedTimer &timer);

// A new random UUID without braces (action and item ids).
QString uuid();

} // namespace baosong::test
