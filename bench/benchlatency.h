// Latency figures shared by the benchmarks (bench/server, bench/load), so
// that their p50/p99 lines are computed alike and compare.
#pragma once

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mana::bench {

// The value below which `fraction` of the samples lie (nearest rank); -1
// without samples.
inline double percentile(QList<double> samples, double fraction)
{
    if (samples.isEmpty())
        return -1;
    std::sort(samples.begin(), samples.end());
    const qsizetype rank = qsizetype(std::ceil(fraction * samples.size()));
    return samples.at(qBound<qsizetype>(0, rank - 1, samples.size() - 1));
}

// `name_p50` and `name_p99` lines in milliseconds.
inline void reportLatency(const QByteArray &name, const QList<double> &samplesMs)
{
    std::printf("name=%s_p50 value=%.2f unit=ms\n", name.constData(), percentile(samplesMs, 0.5));
    std::printf("name=%s_p99 value=%.2f unit=ms\n", name.constData(), percentile(samplesMs, 0.99));
    std::fflush(stdout);
}

} // namespace mana::bench
