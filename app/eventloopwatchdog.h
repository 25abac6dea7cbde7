// Measures how long the GUI thread's event loop was blocked, for the
// app-level benchmarks (bench/app/app_pull_bench) and for finding freezes by
// hand. Off unless MANA_EVENT_LOOP_WATCHDOG=1: then nothing is created, so
// a normal run pays nothing for it.
//
// A 5 ms precise timer on the GUI thread: when a firing comes later than the
// interval, the loop could not run for the difference (a "block"). A helper
// thread watches the ticks too and logs a warning while a block is still
// going on (after 1 s, 2 s, 4 s, …), because the timer only learns of a
// block once it is over, and a frozen window may never end its block.
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QTimer>
#include <QWaitCondition>
#include <atomic>
#include <memory>

class QThread;

namespace mana {

// The blocks seen from its opening on (the part of a block before the
// opening does not count).
class BlockWindow
{
public:
    qint64 longestBlockMs() const { return m_longestNs / 1000000; }
    int blocksOver50Ms() const { return m_blocksOver50Ms; }

private:
    friend class EventLoopWatchdog;
    void record(qint64 blockStartNs, qint64 blockEndNs);

    qint64 m_openedNs = 0;
    qint64 m_longestNs = 0;
    int m_blocksOver50Ms = 0;
};

class EventLoopWatchdog : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5;
    static constexpr int kLongBlockMs = 50;

    // A started watchdog when MANA_EVENT_LOOP_WATCHDOG=1, else null. Create
    // it on the GUI thread; it measures from the first turn of the loop.
    static std::unique_ptr<EventLoopWatchdog> createFromEnvironment();
    // The watchdog of this process, or null when it is off.
    static EventLoopWatchdog *instance();

    EventLoopWatchdog();
    ~EventLoopWatchdog() override;

    // Since the last reset() (or the start): one phase of a run.
    qint64 longestBlockMs() const { return m_phase.longestBlockMs(); }
    int blocksOver50Ms() const { return m_phase.blocksOver50Ms(); }
    void reset();

    // A measurement of its own beside the phase (one step inside a phase,
    // say). The watchdog stops updating it once the caller drops it.
    std::shared_ptr<const BlockWindow> openWindow();

    // event_loop_longest_block_ms=N and event_loop_blocks_over_50ms=N on
    // stdout, for the whole run whatever reset() did.
    void printSummary() const;

private:
    void tick();
    void watchForStalls();

    QElapsedTimer m_clock; // read by both threads; only started before the helper exists
    QTimer m_timer;
    qint64 m_lastTickNs = 0;
    BlockWindow m_total;
    BlockWindow m_phase;
    QList<std::weak_ptr<BlockWindow>> m_windows;

    // The helper thread's view of the GUI thread.
    std::atomic<qint64> m_lastTickForHelperNs{0};
    QThread *m_helper = nullptr;
    QMutex m_helperMutex;
    QWaitCondition m_helperWake;
    bool m_stopping = false; // guarded by m_helperMutex
};

} // namespace mana
