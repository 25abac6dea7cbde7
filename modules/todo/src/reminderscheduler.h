// Desktop reminders of Todo: a `reminders` record {taskId, minutesBefore,
// type, status} fires at task.dueDate − minutesBefore. The scheduler keeps
// one timer for the nearest pending reminder, re-plans whenever `tasks` or
// `reminders` change, and emits reminderDue for the notification layer.
//
// Rules (see reminderscheduler.cpp for the reasons):
// - Only `push` and `both` reminders are shown here; `email` ones are the
//   server's business and are never touched (not even marked).
// - Reminders of completed or deleted tasks and of tasks without due date do
//   not fire; they stay pending.
// - Never twice: the reminder is marked `sent` in the store (one
//   Collection::update) BEFORE reminderDue is emitted. A crash in between
//   loses that popup rather than repeating it.
// - Missed reminders (the app was closed, the laptop slept): those whose time
//   passed less than kMissedWindow ago fire, at most one per task per check
//   (the latest); older ones are marked sent without a popup, since the task
//   already shows as overdue in Today.
// - A sent reminder whose fire time moves (dueDate or minutesBefore edited,
//   a recurring task moved to its next occurrence) to a future moment is
//   pending again.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcTodoReminders)

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::todo {

class ReminderScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    // The longest single timer wait; the timer re-checks at least this often.
    static constexpr qint64 kMaxWaitMs = 60 * 60 * 1000;
    // How often the wall clock is compared with the planned fire time, so a
    // suspend or a clock jump is noticed (QTimer runs on the monotonic clock,
    // which stands still while the machine sleeps).
    static constexpr int kWallClockCheckMs = 60 * 1000;
    // Missed reminders older than this are marked sent without a popup.
    static constexpr qint64 kMissedWindowMs = 24 * 60 * 60 * 1000;

    // `clock` gives the current time (UTC or any spec); the system clock when
    // null. The store must have the todo module added before start().
    explicit ReminderScheduler(LocalStore *store, Clock clock = nullptr, QObject *parent = nullptr);
    ~ReminderScheduler() override;

    // Connects to `tasks` and `reminders`, fires the reminders missed while
    // the app was closed (synchronously, so connect reminderDue first) and
    // arms the timer. False when the store has no todo collections.
    bool start();
    bool isStarted() const { return m_started; }

    // The nearest fire time of a pending reminder that would be shown;
    // invalid when there is none.
    QDateTime nextFireTime() const { return m_nextFire; }

    // When a pending reminder fires: task.dueDate − minutesBefore; nullopt
    // when it never fires here (email only, task completed, deleted or
    // without due date). `task` is the store record or nullopt when missing.
    static std::optional<QDateTime> fireTime(const QJsonObject &reminder,
                                             const std::optional<QJsonObject> &task);
    // The timer interval for a fire time: [1, kMaxWaitMs] milliseconds,
    // rounded up so the timer never wakes before the moment.
    static int timerInterval(const QDateTime &now, const QDateTime &fireAt);

public slots:
    // Fires what is due and re-plans now. For the wall clock having changed
    // (system resume, time zone or clock set); the scheduler also notices
    // by itself within kWallClockCheckMs.
    void recheck();

signals:
    // `dueAt` is the task's due date (UTC), for the notification's text.
    void reminderDue(const QString &reminderId, const QString &taskId, const QString &taskTitle,
                     const QDateTime &dueAt);

private:
    struct Candidate
    {
        QJsonObject reminder;
        QJsonObject task;
        QDateTime fireAt;
    };

    QDateTime now() const;
    void scheduleReplan();
    void replan();
    // Sent reminders of edited tasks/reminders whose fire time moved into
    // the future become pending again.
    void rearmMovedReminders(const QDateTime &now);
    // Pending, shown reminders with their tasks and fire times.
    QList<Candidate> pendingCandidates() const;
    void fireDue(const QList<Candidate> &due, const QDateTime &now);
    void onWallClockCheck();

    QPointer<LocalStore> m_store;
    QPointer<Collection> m_tasks;
    QPointer<Collection> m_reminders;
    Clock m_clock;
    bool m_started = false;
    bool m_replanQueued = false;
    QTimer m_timer;          // the nearest fire time, at most kMaxWaitMs away
    QTimer m_wallClockTimer; // coarse: catches suspend and clock jumps
    QDateTime m_nextFire;
    // Ids changed since the last replan.
    QSet<QString> m_changedTasks;
    QSet<QString> m_changedReminders;
    // Per reminder: the last valid fire time seen, to notice it moving.
    // In memory only: edits made while the app is closed do not re-arm.
    QHash<QString, QDateTime> m_lastFireTime;
    // Reminders whose "sent" mark could not be written: skipped until they
    // change, so a broken store does not spin the timer or repeat popups.
    QSet<QString> m_unwritable;
};

} // namespace mana::todo
