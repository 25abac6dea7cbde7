#include "stopwatch.h"

#include <utility>

namespace mana::clock {

Stopwatch::Stopwatch(MonotonicClock clock)
    : m_clock(std::move(clock))
{
    m_elapsed.start();
}

qint64 Stopwatch::monotonicNow() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

qint64 Stopwatch::elapsedMs() const
{
    return m_accumulatedMs + (m_running ? monotonicNow() - m_startedAt : 0);
}

qint64 Stopwatch::currentLapMs() const
{
    return elapsedMs() - (m_laps.isEmpty() ? 0 : m_laps.last().totalMs);
}

void Stopwatch::start()
{
    if (m_running)
        return;
    m_startedAt = monotonicNow();
    m_running = true;
}

void Stopwatch::pause()
{
    if (!m_running)
        return;
    m_accumulatedMs = elapsedMs();
    m_running = false;
}

void Stopwatch::reset()
{
    m_running = false;
    m_accumulatedMs = 0;
    m_laps.clear();
}

bool Stopwatch::lap()
{
    if (!m_running)
        return false;
    const qint64 total = elapsedMs();
    const qint64 previous = m_laps.isEmpty() ? 0 : m_laps.last().totalMs;
    m_laps.append({int(m_laps.size()) + 1, total - previous, total});
    return true;
}

QString Stopwatch::format(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    const qint64 hundredths = (ms / 10) % 100;
    const qint64 seconds = (ms / 1000) % 60;
    const qint64 minutes = (ms / 60000) % 60;
    const qint64 hours = ms / 3600000;
    const QString tail = QStringLiteral("%1:%2.%3")
                             .arg(minutes, 2, 10, QLatin1Char('0'))
                             .arg(seconds, 2, 10, QLatin1Char('0'))
                             .arg(hundredths, 2, 10, QLatin1Char('0'));
    return hours > 0 ? QStringLiteral("%1:%2").arg(hours).arg(tail) : tail;
}

} // namespace mana::clock
