// What the views show: the occurrences of events and series that intersect
// a window, with overrides in place of the occurrences they replace and
// exception dates left out (docs/calendar.md, "Occurrences").
#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace mana {
class LocalStore;
class Collection;
} // namespace mana

namespace mana::calendar {

struct Occurrence
{
    // The record shown: an override's own id, else the event's id.
    QString eventId;
    // The series' event id when part of a series (overrides included), else
    // empty.
    QString seriesId;
    // UTC. All-day: the dates' midnights UTC (end exclusive), as stored.
    QDateTime start;
    QDateTime end;
    bool allDay = false;
    // The occurrence's original start (RECURRENCE-ID); invalid when the event
    // does not repeat.
    QDateTime recurrenceId;
    // The record the occurrence shows: the override, or the series' record
    // (whose startDate/endDate are the series' first ones, not `start`).
    QJsonObject record;
    QString calendarId;

    bool isRecurring() const { return !seriesId.isEmpty(); }
    QString title() const;
    // All-day: the first and last date (inclusive). Timed: the local dates of
    // start and of the last moment before end in `zone`.
    QDate firstDate(const QTimeZone &zone) const;
    QDate lastDate(const QTimeZone &zone) const;
};

// The order of every list of occurrences: start, then all-day first, then
// title (ignoring case), then id, so equal inputs give equal lists.
bool occursBefore(const Occurrence &a, const Occurrence &b);
void sortOccurrences(QList<Occurrence> &occurrences);

// The window a view asks for: instants [from, to) for timed occurrences and,
// for all-day ones, the local dates of those instants in `viewZone` (an
// all-day event on the 24th is in the window of the viewer's 24th in every
// zone). Make it with forDates() for a range of local days.
struct Window
{
    QDateTime from;
    QDateTime to;
    QTimeZone viewZone = QTimeZone::systemTimeZone();

    // Local days [first, last] in `zone`.
    static Window forDates(QDate first, QDate last,
                           const QTimeZone &zone = QTimeZone::systemTimeZone());
    // The all-day dates the window covers: [firstDate, endDate).
    QDate firstDate() const;
    QDate endDate() const;
    bool intersects(const Occurrence &occurrence) const;
};

// Occurrences intersecting `window` from `events` (series, overrides and
// plain events in any order, soft-deleted ones already left out), sorted by
// occursBefore. `calendars` by id gives each event's calendar (its timezone;
// visibility is not looked at here). A timed event repeats in
// zoneOfEvent(event, its calendar, `systemZone`). An override (seriesId +
// recurrenceId) replaces its series' occurrence wherever it moved to; an
// override whose series is missing shows on its own; an exception date hides
// the occurrence and any override of it.
QList<Occurrence> occurrencesIn(const QList<QJsonObject> &events,
                                const QHash<QString, QJsonObject> &calendars, const Window &window,
                                const QTimeZone &systemZone = QTimeZone::systemTimeZone());

// occurrencesIn() over the store's `calendar` collections: plain events by
// an indexed query on startDate/endDate, every series and every override
// (a series may reach into any window), calendars with isVisible false left
// out.
class OccurrenceQuery
{
public:
    explicit OccurrenceQuery(const LocalStore *store);

    // Replaces the system zone (tests, and a user's chosen zone).
    void setSystemZone(const QTimeZone &zone) { m_systemZone = zone; }
    QTimeZone systemZone() const { return m_systemZone; }

    // Empty with *error set when the store lacks the calendar collections
    // or a query fails.
    QList<Occurrence> occurrences(const Window &window, QString *error = nullptr) const;

    Collection *events() const;
    Collection *calendars() const;

private:
    const LocalStore *m_store;
    QTimeZone m_systemZone = QTimeZone::systemTimeZone();
};

} // namespace mana::calendar
