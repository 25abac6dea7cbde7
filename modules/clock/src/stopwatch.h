// The stopwatch: start, pause, reset and laps, measured on a monotonic clock
// (QElapsedTimer, or an injected one in tests), so a wall-clock change while
// it runs does not bend the time.
//
// Local state only: it is not a record and does not sync (docs/clock.md).
// A stopwatch measures something happening in front of this screen; the
// monotonic clock of one machine means nothing on another. It lives as long
// as the profile's ClockServices (the app run), not across restarts.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <functional>

namespace mana::clock {

class Stopwatch
{
public:
    // Milliseconds on a clock that never goes back; QElapsedTimer when null.
    using MonotonicClock = std::function<qint64()>;

    struct Lap
    {
        int number = 0;     // 1 for the first lap
        qint64 lapMs = 0;   // this lap alone
        qint64 totalMs = 0; // from the start to the end of this lap
    };

    explicit Stopwatch(MonotonicClock clock = nullptr);

    bool isRunning() const { return m_running; }
    // Running or paused with time on it: Reset and the lap list have something.
    bool hasStarted() const { return m_running || m_accumulatedMs > 0 || !m_laps.isEmpty(); }
    qint64 elapsedMs() const;
    // Oldest first.
    const QList<Lap> &laps() const { return m_laps; }
    // The running lap's time so far (since the last lap, or the start).
    qint64 currentLapMs() const;

    void start(); // also resumes
    void pause();
    void reset();
    // Closes the running lap; false (nothing) when not running.
    bool lap();

    // "00:04.25", "1:02:03.40": minutes and seconds always, hours when there
    // are any, hundredths.
    static QString format(qint64 ms);

private:
    qint64 monotonicNow() const;

    MonotonicClock m_clock;
    QElapsedTimer m_elapsed;
    bool m_running = false;
    qint64 m_startedAt = 0;     // monotonic time of the last start/resume
    qint64 m_accumulatedMs = 0; // time of the runs before the last start
    QList<Lap> m_laps;
};

} // namespace mana::clock
