// When an alarm rings: an `alarms` record {time "HH:mm" local, repeatDays
// [0–6], 0 = Sunday; empty or missing: once} rings at that wall-clock time in
// the user's zone on its days; a one-time alarm at the next occurrence.
//
// Daylight saving (docs/clock.md, "Decisions"):
// - A time that does not exist that day (02:30 on the spring-forward day in
//   Europe/Berlin) rings at the moment the clocks jump, shown as 03:00: the
//   alarm is never skipped and never rings later than the first valid minute.
// - A time that exists twice (02:30 on the fall-back day) rings once, at its
//   first occurrence (summer time).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTime>
#include <QTimeZone>

namespace mana::clock {

struct AlarmRule
{
    QTime time;            // invalid: the alarm never rings
    QList<int> repeatDays; // sorted, unique, 0 = Sunday … 6 = Saturday; empty: once

    bool repeats() const { return !repeatDays.isEmpty(); }
    bool ringsOn(const QDate &day) const;

    // From a store record (or the page's map): `time` "HH:mm" (also "H:mm"),
    // `repeatDays` a JSON array or its text; anything else outside 0–6 is
    // ignored.
    static AlarmRule fromRecord(const QJsonObject &alarm);
};

// "07:05" → 07:05; an invalid QTime for anything else.
QTime parseAlarmTime(const QString &text);
// 0 = Sunday … 6 = Saturday, like repeatDays.
int weekdayIndex(const QDate &day);

// The moment an alarm for `time` rings on local `day` in `zone`, with the DST
// rules above.
QDateTime ringTimeOn(const QDate &day, const QTime &time, const QTimeZone &zone);

// The first ring time at or after `from`; invalid for a rule that never
// rings.
QDateTime nextRingTime(const AlarmRule &rule, const QDateTime &from, const QTimeZone &zone);

// The latest ring time t with after < t <= upTo; invalid when there is none.
// A one-time alarm rings on any day (it was set for its next occurrence).
QDateTime latestRingTimeIn(const AlarmRule &rule, const QDateTime &after, const QDateTime &upTo,
                           const QTimeZone &zone);

} // namespace mana::clock
