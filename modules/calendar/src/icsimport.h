// iCalendar (.ics, RFC 5545) import for Calendar (docs/calendar.md,
// "iCalendar import and export"): a file's bytes become `events` records in
// the contract's form, then go into one calendar of a LocalStore in one
// write group, all or nothing.
//
// The work is split so the UI stays responsive with large files:
// parseIcs() touches no QObject and no store, so it can run on a worker
// thread (QtConcurrent::run); writeParsedIcs() must run on the thread that
// owns the store. importIcs() does both in a row, for tests and small files.
#pragma once

#include "icserror.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTimeZone>

namespace mana {
class LocalStore;
}

namespace mana::calendar {

// Why a file was refused, and the limit: the shared iCalendar library's
// (modules/shared/ical, icserror.h). Any code means nothing was imported.
using ical::IcsError;
using ical::IcsErrorCode;
using ical::kMaxIcsBytes;

// The error as one sentence ending in "Nothing was imported.", in "en" or
// "de" (other languages get English), naming events:
// Line 17: the start time "20261301T100000" is not a date. Nothing was imported.
QString describe(const IcsError &error, const QString &language);

// What a file says about its calendar (VCALENDAR properties), for the UI to
// offer as name and colour of a new calendar. Empty when absent.
struct IcsCalendarInfo
{
    QString name;     // X-WR-CALNAME, else NAME
    QString color;    // "#RRGGBB": X-APPLE-CALENDAR-COLOR, else COLOR
    QString timezone; // X-WR-TIMEZONE when it is a known IANA zone
};

struct IcsParseOptions
{
    // The zone of floating times (no TZID, no Z): the importing user's.
    QTimeZone floatingZone = QTimeZone::systemTimeZone();
};

// A parsed file. `events` are `events` records in the contract's form
// without `id` and `calendarId`: title, description, location, color,
// startDate, endDate, allDay, timezone, recurrenceRule, exceptionDates,
// reminders, uid, and for overrides recurrenceId (their seriesId is
// resolved by writeParsedIcs through the uid). Series and single events come
// before overrides.
struct ParsedIcs
{
    IcsError error; // set: nothing else is meaningful
    IcsCalendarInfo calendar;
    QList<QJsonObject> events;
    // Components that are not events (VTODO, VJOURNAL, VFREEBUSY, unknown
    // ones) and cancelled single events, by kind ("VTODO": 2, "CANCELLED": 1).
    QMap<QString, int> skipped;
    int skippedCount() const;
    bool ok() const { return !error; }
};

// Reads a whole .ics file. Thread-safe and free of QObjects: run it on a
// worker thread for large files. On any error the result holds the first
// one (by line) and no events.
ParsedIcs parseIcs(const QByteArray &data, const IcsParseOptions &options = {});

struct IcsImportResult
{
    IcsError error; // set: nothing was written
    IcsCalendarInfo calendar;
    int added = 0;     // new records
    int updated = 0;   // records with the same uid (and recurrenceId) that changed
    int unchanged = 0; // records with the same uid that were already equal
    int skipped = 0;   // components not imported (ParsedIcs::skipped)
    QMap<QString, int> skippedByKind;
    bool ok() const { return !error; }
};

// Writes a parsed file into the calendar `calendarId` of the store's
// `calendar` app, in ONE LocalStore::writeGroup: an event whose uid (and
// recurrenceId) already exists in that calendar is updated, not duplicated;
// overrides get the ids of their series. Must run on the store's thread.
IcsImportResult writeParsedIcs(LocalStore *store, const QString &calendarId,
                               const ParsedIcs &parsed);

// parseIcs() then writeParsedIcs(), on the calling thread.
IcsImportResult importIcs(LocalStore *store, const QString &calendarId, const QByteArray &data,
                          const IcsParseOptions &options = {});

} // namespace mana::calendar
