#include "eventloopwatchdog.h"

#include <QLoggingCategory>
#include <QThread>
#include <cstdio>

Q_LOGGING_CATEGORY(lcWatchdog, "mana.app.watchdog")

namespace mana {

namespace {

constexpr qint64 kNsPerMs = 1000000;
// The helper speaks up once the loop has not run for this long, then at
// every doubling, so a freeze of minutes leaves a handful of lines.
constexpr qint64 kFirstStallReportMs = 1000;
constexpr unsigned long kHelperPollMs = 100;

EventLoopWatchdog *g_instance = nullptr;

} // namespace

void BlockWindow::record(qint64 blockStartNs, qint64 blockEndNs)
{
    const qint64 start = qMax(blockStartNs, m_openedNs);
    if (blockEndNs <= start)
        return;
    const qint64 length = blockEndNs - start;
    m_longestNs = qMax(m_longestNs, length);
    if (length > EventLoopWatchdog::kLongBlockMs * kNsPerMs)
        ++m_blocksOver50Ms;
}

std::unique_ptr<EventLoopWatchdog> EventLoopWatchdog::createFromEnvironment()
{
    if (qEnvironmentVariable("MANA_EVENT_LOOP_WATCHDOG") != QLatin1String("1"))
        return nullptr;
    return std::make_unique<EventLoopWatchdog>();
}

EventLoopWatchdog *EventLoopWatchdog::instance()
{
    return g_instance;
}

EventLoopWatchdog::EventLoopWatchdog()
{
    Q_ASSERT(!g_instance);
    g_instance = this;
    m_clock.start();
    m_lastTickNs = m_clock.nsecsElapsed();
    m_lastTickForHelperNs.store(m_lastTickNs, std::memory_order_relaxed);
    m_total.m_openedNs = m_lastTickNs;
    m_phase.m_openedNs = m_lastTickNs;

    // A coarse timer may fire up to 5% late by design; that would read as
    // blocks that never were.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopWatchdog::tick);
    m_timer.start();

    m_helper = QThread::create([this] { watchForStalls(); });
    m_helper->setObjectName(QStringLiteral("EventLoopWatchdog"));
    m_helper->start(QThread::LowPriority);
    qCInfo(lcWatchdog) << "measuring event-loop blocks every" << kIntervalMs << "ms";
}

EventLoopWatchdog::~EventLoopWatchdog()
{
    {
        QMutexLocker lock(&m_helperMutex);
        m_stopping = true;
        m_helperWake.wakeAll();
    }
    m_helper->wait();
    delete m_helper;
    g_instance = nullptr;
}

void EventLoopWatchdog::reset()
{
    m_phase = BlockWindow();
    m_phase.m_openedNs = m_clock.nsecsElapsed();
}

std::shared_ptr<const BlockWindow> EventLoopWatchdog::openWindow()
{
    auto window = std::make_shared<BlockWindow>();
    window->m_openedNs = m_clock.nsecsElapsed();
    m_windows.append(window);
    return window;
}

void EventLoopWatchdog::printSummary() const
{
    std::printf("event_loop_longest_block_ms=%lld\nevent_loop_blocks_over_50ms=%d\n",
                static_cast<long long>(m_total.longestBlockMs()), m_total.blocksOver50Ms());
    std::fflush(stdout);
}

void EventLoopWatchdog::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    // The loop was free to fire us at `due`; everything after that until
    // now, it was busy with something else.
    const qint64 due = m_lastTickNs + kIntervalMs * kNsPerMs;
    m_lastTickNs = now;
    m_lastTickForHelperNs.store(now, std::memory_order_relaxed);
    if (now <= due)
        return;
    m_total.record(due, now);
    m_phase.record(due, now);
    for (qsizetype i = m_windows.size() - 1; i >= 0; --i) {
        if (const std::shared_ptr<BlockWindow> window = m_windows.at(i).lock())
            window->record(due, now);
        else
            m_windows.removeAt(i);
    }
    if (now - due > kLongBlockMs * kNsPerMs)
        qCDebug(lcWatchdog) << "event loop blocked for" << (now - due) / kNsPerMs << "ms";
}

void EventLoopWatchdog::watchForStalls()
{
    qint64 stalledTick = -1;
    qint64 nextReportMs = kFirstStallReportMs;
    QMutexLocker lock(&m_helperMutex);
    while (!m_stopping) {
        m_helperWake.wait(&m_helperMutex, kHelperPollMs);
        if (m_stopping)
            break;
        const qint64 lastTick = m_lastTickForHelperNs.load(std::memory_order_relaxed);
        if (lastTick != stalledTick) {
            stalledTick = lastTick;
            nextReportMs = kFirstStallReportMs;
        }
        const qint64 stalledMs = (m_clock.nsecsElapsed() - lastTick) / kNsPerMs;
        if (stalledMs >= nextReportMs) {
            qCWarning(lcWatchdog) << "the event loop has not run for" << stalledMs << "ms";
            nextReportMs *= 2;
        }
    }
}

} // namespace mana
