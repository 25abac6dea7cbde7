// Runs the countdown timers of the `timers` collection (timerstate.h): the
// actions are store updates, and the service emits timerFinished when a
// running timer reaches zero, marking it finished first (so it is told once,
// on one device, across restarts). A timer that ran out while the app was
// closed is finished and told at start(). Several timers run at once; one
// QTimer waits for the nearest end, and a wall-clock check every minute
// catches a suspend.
#pragma once

#include "storeerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::clock {

// Why addTimer refused, as a code: the words are the page's
// (ClockController::timerErrorText, tr()), docs/architecture.md "Errors".
enum class TimerError {
    None,
    NotAvailable,       // the store has no clock timers (not started, no module)
    DurationOutOfRange, // not kMinDurationSeconds … kMaxDurationSeconds
    StoreRefused,       // the store refused the write: `store` says why
};

struct TimerErrorInfo
{
    TimerError code = TimerError::None;
    StoreErrorInfo store; // StoreRefused: the store's code, its English detail for the log

    bool isError() const { return code != TimerError::None; }
};

// The code's name ("DurationOutOfRange"), for logs and test output.
const char *timerErrorName(TimerError code);

class TimerService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    static constexpr qint64 kMaxWaitMs = 60 * 60 * 1000;
    static constexpr int kWallClockCheckMs = 60 * 1000;
    // A timer runs from one second to 24 hours.
    static constexpr int kMinDurationSeconds = 1;
    static constexpr int kMaxDurationSeconds = 24 * 60 * 60;

    explicit TimerService(LocalStore *store, Clock clock = nullptr, QObject *parent = nullptr);
    ~TimerService() override;

    // Connects to `timers`, finishes (and tells) the timers that ran out
    // while the app was closed, arms the timer. False without the collection.
    bool start();
    bool isStarted() const { return m_started; }
    QDateTime now() const;
    QDateTime nextFinishTime() const { return m_nextFinish; }

    // A new idle timer; its id, or empty when refused (`error` says why).
    QString addTimer(int durationSeconds, const QString &label, TimerErrorInfo *error = nullptr);
    // Each is one update; false when the timer is missing or the action
    // does not apply to its status. start() on a paused timer resumes it.
    bool startTimer(const QString &timerId);
    bool pauseTimer(const QString &timerId);
    bool resumeTimer(const QString &timerId);
    bool resetTimer(const QString &timerId);
    qint64 remainingMs(const QString &timerId) const;

public slots:
    void recheck();

signals:
    void timerFinished(const QString &timerId, const QString &label);

private:
    bool apply(const QString &timerId,
               const std::function<QJsonObject(const QJsonObject &, const QDateTime &)> &action);
    void scheduleReplan();
    void replan();

    QPointer<LocalStore> m_store;
    QPointer<Collection> m_timers;
    Clock m_clock;
    bool m_started = false;
    bool m_replanQueued = false;
    QTimer m_timer;
    QTimer m_wallClockTimer;
    QDateTime m_nextFinish;
};

} // namespace mana::clock
