// What the shared reminder scheduler (reminderscheduler.h) asks of an app:
// an app that reminds of something (Todo's tasks, Calendar's events, …)
// implements ReminderSource over its own records, and the scheduler keeps
// one timer for the nearest reminder of all sources (docs/reminders.md).
#pragma once

#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcReminders)

namespace mana {

// One reminder at one moment, as a source describes it.
struct Reminder
{
    // Unique within its source and stable across restarts: what the source
    // records delivery under (a `reminders` record id; for a calendar
    // occurrence "<event id>/<occurrence start>/<minutes>").
    QString id;
    // What the reminder is about (a task, one occurrence of an event):
    // after the app was closed, each item gets one popup, for its latest
    // reminder, however many of its reminders were missed.
    QString itemId;
    // When to show it (UTC).
    QDateTime fireAt;
    // When the item itself is: the task's due date, the occurrence's start
    // (UTC), for the caller's own use.
    QDateTime at;
    // The popup's two lines, in the UI language (made by the source with
    // tr() when the scheduler asks, which is at the reminder's time).
    QString title;
    QString text;

    bool operator==(const Reminder &) const = default;
};

class ReminderSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ReminderSource() override;

    // A short name for the log ("todo", "calendar").
    virtual QString name() const = 0;

    // The reminders not delivered yet that fire in [from, until]; `now` is
    // the scheduler's clock (from = now − the missed window, until = now +
    // the look-ahead). A source may return more (earlier or later ones):
    // earlier ones are recorded as delivered without a popup, later ones
    // planned. A source that looks only at [from, until] (an endless
    // series) is asked again at least every ReminderScheduler::kMaxWaitMs.
    virtual QList<Reminder> undelivered(const QDateTime &now, const QDateTime &from,
                                        const QDateTime &until) = 0;

    // Records `due` (all with fireAt ≤ now) as delivered, so undelivered()
    // never returns them again, not even after a restart. Returns the ids
    // it could record; the scheduler shows only those (a reminder whose
    // record failed is lost rather than shown twice). Called before any of
    // them is shown.
    virtual QSet<QString> markDelivered(const QList<Reminder> &due) = 0;

signals:
    // The source's data changed (an edit, a sync): the scheduler asks
    // again. Emitting it from inside a write is fine; the scheduler plans
    // later, on the event loop.
    void changed();
};

} // namespace mana

Q_DECLARE_METATYPE(mana::Reminder)
