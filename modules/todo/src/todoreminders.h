// Todo's reminders for the shared scheduler (modules/shared/reminders): a
// `reminders` record {taskId, minutesBefore, type, status} fires at
// task.dueDate − minutesBefore. The source reports the pending ones, marks
// them `sent` in the store when they are delivered, and says `changed`
// whenever `tasks` or `reminders` change.
//
// Rules (see todoreminders.cpp for the reasons):
// - Only `push` and `both` reminders are shown here; `email` ones are the
//   server's business and are never touched (not even marked).
// - Reminders of completed or deleted tasks and of tasks without due date do
//   not fire; they stay pending.
// - Never twice: the `status: sent` field is the record of delivery, written
//   (one Collection::update per reminder) before the popup, and synced, so
//   other devices do not show it either. One that cannot be written is not
//   shown and skipped until it changes.
// - A sent reminder whose fire time moves (dueDate or minutesBefore edited,
//   a recurring task moved to its next occurrence) to a future moment is
//   pending again.
// The missed-while-closed rule (one popup per task, nothing older than a
// day) is the scheduler's.
#pragma once

#include "remindersource.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcTodoReminders)

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::todo {

class TodoReminderSource : public ReminderSource
{
    Q_OBJECT
public:
    // `zone` is whose local time the popup's "Due …" shows. The store must
    // have the todo module added before start().
    explicit TodoReminderSource(LocalStore *store,
                                const QTimeZone &zone = QTimeZone::systemTimeZone(),
                                QObject *parent = nullptr);
    ~TodoReminderSource() override;

    // Connects to `tasks` and `reminders`. False when the store has no todo
    // collections (then it never reports anything).
    bool start();
    bool isStarted() const { return m_started; }

    QString name() const override;
    QList<Reminder> undelivered(const QDateTime &now, const QDateTime &from,
                                const QDateTime &until) override;
    QSet<QString> markDelivered(const QList<Reminder> &due) override;

    // When a pending reminder fires: task.dueDate − minutesBefore; nullopt
    // when it never fires here (email only, task completed, deleted or
    // without due date). `task` is the store record or nullopt when missing.
    static std::optional<QDateTime> fireTime(const QJsonObject &reminder,
                                             const std::optional<QJsonObject> &task);
    // The popup's second line: "Due 12/1/26 10:00" / "Fällig am 01.12.26
    // 10:00" in the UI language (tr(), QLocale()), the date alone for a task
    // due at midnight.
    QString dueText(const QDateTime &dueAt) const;

private:
    // Sent reminders of edited tasks/reminders whose fire time moved into
    // the future become pending again.
    void rearmMovedReminders(const QDateTime &now);

    QPointer<LocalStore> m_store;
    QPointer<Collection> m_tasks;
    QPointer<Collection> m_reminders;
    QTimeZone m_zone;
    bool m_started = false;
    // Ids changed since the last undelivered().
    QSet<QString> m_changedTasks;
    QSet<QString> m_changedReminders;
    // Per reminder: the last valid fire time seen, to notice it moving.
    // In memory only: edits made while the app is closed do not re-arm.
    QHash<QString, QDateTime> m_lastFireTime;
    // Reminders whose "sent" mark could not be written: skipped until they
    // change, so a broken store does not repeat the attempt at every check.
    QSet<QString> m_unwritable;
};

} // namespace mana::todo
