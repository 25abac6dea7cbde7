// Where occurrences go on screen: the timed ones of a day side by side when
// they overlap (GNOME Calendar's columns), and the all-day row of a week or
// of a month's week in lanes so overlapping spans never share a lane.
#pragma once

#include "occurrences.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

namespace mana::calendar {

// Whether an occurrence goes into the all-day row rather than the hour
// grid: all-day events, and timed ones lasting 24 hours or more (as Google
// Calendar and GNOME Calendar show them).
bool belongsInAllDayRow(const Occurrence &occurrence);

struct TimedBlock
{
    int index = -1; // into the occurrences given
    // Minutes from local midnight on the day's 24-hour grid, clipped to
    // [0, 1440]. Wall-clock time: 09:00 is 540 on every day, also on DST
    // days (the grid has 24 rows; the skipped hour is empty in spring).
    // When the end's wall time is not after the start's (an event inside
    // the repeated autumn hour), bottom = top + its real minutes.
    int top = 0;
    int bottom = 0;
    int column = 0;            // 0-based, within its cluster
    int columnCount = 1;       // the columns of its overlap cluster
    bool startsBefore = false; // began on an earlier day (clipped)
    bool endsAfter = false;    // goes on after the day (clipped)
};

struct DayLayout
{
    QList<TimedBlock> timed;
    // Indices of the occurrences that go to the all-day row (see
    // belongsInAllDayRow) and touch the day.
    QList<int> allDay;
};

// Lays out the occurrences touching `day` in `zone`. Overlap is decided on
// at least `minimumMinutes` per block (a 5-minute event is drawn taller, so
// the next one must not draw over it); top/bottom stay the true times.
DayLayout layoutDay(const QList<Occurrence> &occurrences, QDate day, const QTimeZone &zone,
                    int minimumMinutes = 20);

struct SpanBlock
{
    int index = -1;   // into the occurrences given
    int firstDay = 0; // 0-based day within the row, clipped
    int lastDay = 0;  // inclusive, clipped
    int lane = 0;     // 0 is the top lane
    bool startsBefore = false;
    bool endsAfter = false;
};

struct SpanRow
{
    QList<SpanBlock> spans;
    int laneCount = 0;
};

// The all-day row of `dayCount` days from `firstDay` (a week: 7), in
// `zone`: each occurrence touching the days gets a lane, the earliest and
// longest first, so that no two overlapping spans share one. With
// `allOccurrences` false only those belongsInAllDayRow() (week and day
// view); true lays out every occurrence (a month's week rows).
SpanRow layoutSpans(const QList<Occurrence> &occurrences, QDate firstDay, int dayCount,
                    const QTimeZone &zone, bool allOccurrences = false);

// The dates of a month's grid, whole weeks starting on `firstDayOfWeek`
// (Qt::Monday for German, Qt::Sunday for en_US: QLocale::firstDayOfWeek()):
// 42 dates (6 weeks) with `sixWeeks`, else only the 4 to 6 weeks the month
// touches.
QList<QDate> monthGrid(int year, int month, Qt::DayOfWeek firstDayOfWeek, bool sixWeeks = true);

} // namespace mana::calendar
