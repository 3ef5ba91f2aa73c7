#pragma once

// The one line a benchmark prints for each figure of docs/design.md §10 that it measures, for
// scripts/bench-report.sh (which runs every benchmark several times and writes docs/benchmarks.md
// with the medians). Tab-separated, one figure a line:
//   FIGURE <tab> bench <tab> key <tab> what <tab> value <tab> unit <tab> op <tab> target
// `key` is stable across runs (the report groups by bench and key); `what` is a short English
// description; `op` is ">=" (higher is better) or "<=" (lower is better); `target` is the figure's
// target (or a reference measured in the same run, then `what` says so). The other lines a benchmark
// prints are for people.

#include <cstdio>

namespace baosong::bench {

inline void figure(const char *bench, const char *key, const char *what, double value, const char *unit,
                   const char *op, double target)
{
    std::printf("FIGURE\t%s\t%s\t%s\t%.6g\t%s\t%s\t%.6g\n", bench, key, what, value, unit, op, target);
    std::fflush(stdout);
}

} // namespace baosong::bench
