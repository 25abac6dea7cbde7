#include "slicescheduler.h"

namespace mana {

SliceScheduler::SliceScheduler(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &SliceScheduler::runTurn);
}

void SliceScheduler::post(QObject *owner, std::function<void()> job)
{
    m_jobs.push_back({owner, std::move(job)});
    if (!m_timer.isActive())
        m_timer.start();
}

void SliceScheduler::runTurn()
{
    QElapsedTimer turn;
    turn.start();
    // A job's callbacks may end the engine that owns this scheduler.
    const QPointer<SliceScheduler> self(this);
    // At least one job a turn, however long it takes; more while the turn
    // is short. Jobs posted meanwhile join the queue's end.
    do {
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        if (job.owner)
            job.run();
        if (!self)
            return;
    } while (!m_jobs.empty() && turn.elapsed() < kTurnBudgetMs);
    if (m_jobs.empty())
        m_timer.stop();
}

} // namespace mana
