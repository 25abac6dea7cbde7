// iCalendar (.ics, RFC 5545) export for Calendar (docs/calendar.md,
// "iCalendar import and export"): `events` records (series, overrides,
// exception dates, reminders, all-day events, zones) as one VCALENDAR that
// Google Calendar, Apple Calendar, Thunderbird and parseIcs() read back.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace mana {
class LocalStore;
}

namespace mana::calendar {

struct IcsExportOptions
{
    QString calendarName;     // X-WR-CALNAME (left out when empty)
    QString calendarColor;    // X-APPLE-CALENDAR-COLOR (left out when empty)
    QString calendarTimezone; // the calendar's `timezone`: for series without their own
    // The zone of series whose event and calendar name none (the contract's
    // fallback); single events without a zone are written in UTC.
    QTimeZone fallbackZone = QTimeZone::systemTimeZone();
    QDateTime now = QDateTime::currentDateTimeUtc(); // DTSTAMP
};

// The records as an RFC 5545 file: CRLF line ends, lines folded at 75
// octets, one VTIMEZONE per zone used. Overrides (seriesId set) are written
// as RECURRENCE-ID instances of their series' UID; an override whose series
// is not among `events` is left out. Deleted records (deletedAt) are left out.
QByteArray exportIcs(const QList<QJsonObject> &events, const IcsExportOptions &options = {});

// Every live event of the calendar `calendarId`, with the calendar's name,
// colour and zone. Empty with a sentence in *error when the calendar does
// not exist. Must run on the store's thread.
QByteArray exportIcs(LocalStore *store, const QString &calendarId, QString *error = nullptr,
                     const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace mana::calendar
