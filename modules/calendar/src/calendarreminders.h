// Calendar's reminders for the shared scheduler (modules/shared/reminders):
// every event's `reminders` (a JSON array of minutes) before the start of
// each of its occurrences, series included (overrides and exception dates
// respected, through OccurrenceQuery); an all-day event's before 00:00
// local time of its first day (docs/calendar.md, docs/reminders.md).
//
// - Events have no status field, so delivery is a per-profile local mark,
//   "delivered up to T" (DeliveredUpTo, a file next to the profile's store
//   file): a reminder fires when its time is after T. Not synced: each
//   device shows its own popups. The first start of a profile sets T to
//   the start, so older reminders are not taken for missed ones; a reminder
//   added later whose time is already at or before T never fires.
// - Only a bounded window is looked at (the scheduler's: back to the missed
//   window, ahead by its look-ahead, plus the longest lead a reminder may
//   have), so an endless series costs a few occurrences per check.
// - Calendars switched off (isVisible false) give no reminders, as they
//   give no occurrences (OccurrenceQuery).
#pragma once

#include "deliveredupto.h"
#include "occurrences.h"
#include "remindersource.h"

#include <QPointer>
#include <QTimeZone>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::calendar {

class CalendarReminderSource : public ReminderSource
{
    Q_OBJECT
public:
    // The longest lead honoured: "4 weeks before". Longer ones (and
    // negative ones, after the start) are ignored; they also bound the
    // window of occurrences read per check.
    static constexpr int kLongestLeadMinutes = 28 * 24 * 60;

    // `markFile`: where the "delivered up to" mark of this profile lives
    // (the app puts it next to the store file). `zone`: the user's zone, for
    // all-day events and events without a zone of their own, and the text.
    CalendarReminderSource(LocalStore *store, const QString &markFile,
                           const QTimeZone &zone = QTimeZone::systemTimeZone(),
                           QObject *parent = nullptr);
    ~CalendarReminderSource() override;

    // Reads the mark (the first time: sets it to `now`) and connects to
    // `events` and `calendars`. False when the store has no calendar
    // collections.
    bool start(const QDateTime &now);
    bool isStarted() const { return m_started; }
    QDateTime deliveredUpTo() const { return m_mark.value(); }

    QString name() const override;
    QList<Reminder> undelivered(const QDateTime &now, const QDateTime &from,
                                const QDateTime &until) override;
    QSet<QString> markDelivered(const QList<Reminder> &due) override;

    // When an occurrence begins for its reminders: the start instant, or for
    // an all-day one 00:00 in `zone` of its first day.
    static QDateTime reminderBase(const Occurrence &occurrence, const QTimeZone &zone);
    // The event's `reminders` as minutes, in the honoured range, without
    // repeats (an array, or the same as JSON text).
    static QList<int> reminderMinutes(const QJsonObject &event);

private:
    QString startText(const Occurrence &occurrence, const QDateTime &base) const;

    QPointer<LocalStore> m_store;
    OccurrenceQuery m_query;
    DeliveredUpTo m_mark;
    QTimeZone m_zone;
    bool m_started = false;
};

} // namespace mana::calendar
