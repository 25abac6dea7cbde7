// Reading and writing the fields of an `events` record as docs/calendar.md
// defines them ("The records"): UTC instants for timed events, dates written
// as their midnight UTC for all-day ones, exception dates as a JSON array.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace mana::calendar {

// The app and collection names of APPS.md, section 3.
inline constexpr char16_t kAppId[] = u"calendar";
inline constexpr char16_t kEventsCollection[] = u"events";
inline constexpr char16_t kCalendarsCollection[] = u"calendars";

// A store timestamp ("2026-12-06T12:00:00.000Z") as a UTC QDateTime;
// invalid for null, missing or unreadable values.
QDateTime instantFromJson(const QJsonValue &value);
// The store form of an instant: UTC with milliseconds and a Z.
QString instantToJson(const QDateTime &time);
// An all-day date in the store form: the date's midnight UTC.
QString dateToJson(QDate date);
// The date an all-day value names (the UTC date of the stored instant, so it
// is the same date for every viewer).
QDate dateFromJson(const QJsonValue &value);

bool isAllDay(const QJsonObject &event);
// startDate / endDate as instants (for all-day: the dates' midnights UTC).
QDateTime startOf(const QJsonObject &event);
QDateTime endOf(const QJsonObject &event);
// The RRULE value without "RRULE:"; empty when the event does not repeat.
QString ruleOf(const QJsonObject &event);
bool isSeries(const QJsonObject &event);
// An override of one occurrence: seriesId and recurrenceId are set.
bool isOverride(const QJsonObject &event);
// exceptionDates as instants (unreadable entries left out).
QList<QDateTime> exceptionDatesOf(const QJsonObject &event);
QJsonArray exceptionDatesToJson(const QList<QDateTime> &dates);

// The zone a timed event repeats in (docs/calendar.md, `timezone`): the
// event's own, else its calendar's, else `fallback` (the system zone).
// Unknown zone names fall through to the next one.
QTimeZone zoneOfEvent(const QJsonObject &event, const QJsonObject &calendar,
                      const QTimeZone &fallback = QTimeZone::systemTimeZone());

} // namespace mana::calendar
