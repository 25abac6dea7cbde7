// Measurement helpers of mana_load: the `name=… value=… unit=…` lines of
// the benchmarks, percentiles, and what /proc says about a process.
#pragma once

#include "../benchlatency.h"
#include <QByteArray>
#include <QList>
#include <QLoggingCategory>

#include <cstdint>

Q_DECLARE_LOGGING_CATEGORY(lcLoad)

namespace mana::load {

// One clock for every thread: a push is stamped in one thread and its
// notice in another.
std::int64_t nowNs();

void report(const QByteArray &name, double value, const char *unit);
// `<name>_p50` and `<name>_p99` in ms; -1 when there are no samples.
// The p50/p99 lines and percentiles of bench/server (bench/benchlatency.h).
using mana::bench::percentile;
using mana::bench::reportLatency;

// Sockets need descriptors: the soft limit goes up to the hard one.
// Returns the limit now in force.
long raiseFileLimit();

// VmRSS of /proc/<pid>/status in KiB, or -1.
qint64 residentSetKiB(qint64 pid);
// utime + stime of /proc/<pid>/stat in seconds, or -1.
double processCpuSeconds(qint64 pid);
// Seconds the main thread of a process waited for a core while it could
// have run (/proc/<pid>/schedstat), or -1: on a shared machine, how much of
// a latency is other processes' doing.
double runQueueWaitSeconds(qint64 pid);

} // namespace mana::load
