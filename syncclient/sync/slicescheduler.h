// Runs the sync engine's work on the store (the slices of pulled pages) a
// turn of the event loop at a time, for all apps together: each turn runs
// queued jobs until kTurnBudgetMs have passed, then lets the event loop
// draw and take input before the next turn.
//
// Why not one queued call per slice: Qt runs the calls queued during a turn
// in that same turn, so every app's next slice followed its last without a
// break. One app alone stayed under 40 ms a turn; five apps pulling at once
// made turns of 50-117 ms (app_pull_bench, fiveapps).
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <deque>
#include <functional>

namespace mana {

class SliceScheduler : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTurnBudgetMs = 8;

    explicit SliceScheduler(QObject *parent = nullptr);

    // Runs `job` on a later turn, in the order posted (so apps that post
    // their next slice after each one take turns). Dropped when `owner` is
    // gone by then.
    void post(QObject *owner, std::function<void()> job);
    qsizetype pendingJobs() const { return qsizetype(m_jobs.size()); }

private:
    void runTurn();

    struct Job
    {
        QPointer<QObject> owner;
        std::function<void()> run;
    };
    std::deque<Job> m_jobs;
    // A zero-interval timer: it fires once per pass of the event loop, after
    // which input, painting and other timers get their turn.
    QTimer m_timer;
};

} // namespace mana
