// General RRULE expansion for Calendar's series. Todo's RecurrenceRule
// (modules/shared/recurrence.h) reads only the shapes its picker can show;
// imported calendars carry anything RFC 5545 allows (BYSETPOS, several
// BYMONTHDAY, BYMONTH, WKST, ordinals on yearly BYDAY, hourly rules ...), so
// this expands every rule libical accepts.
#pragma once

#include "recurrence.h" // mana::kMaxOccurrences

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <atomic>
#include <optional>

namespace mana::calendar {

// A rule read once and expanded for many windows. Thin value type: the
// text is parsed by libical again per expansion (cheap next to iterating).
class SeriesRule
{
public:
    // Reads an RRULE value (an "RRULE:" prefix is accepted). std::nullopt
    // when libical cannot read it or it has both COUNT and UNTIL; *error
    // gets libical's reading of what is wrong, for logs only.
    static std::optional<SeriesRule> parse(const QString &text, QString *error = nullptr);

    QString text() const { return m_text; }
    // COUNT, 0 when none.
    int count() const { return m_count; }
    bool hasUntil() const { return m_untilKind != UntilKind::None; }

    // How UNTIL is written: a date, a UTC date-time (the form timed series
    // store) or a floating local date-time (read as the series' zone).
    enum class UntilKind { None, Date, Utc, Floating };
    UntilKind untilKind() const { return m_untilKind; }
    QDate untilDate() const { return m_untilDate; }
    // Utc: the instant; Floating: the wall-clock time with Qt::UTC as spec.
    QDateTime untilInstant() const { return m_untilInstant; }

    // The same rule with COUNT replaced (0: removed) and UNTIL removed.
    QString withCount(int count) const;
    // The same rule ending at the instant `lastStart` (timed series: UNTIL
    // in UTC, "20271231T225959Z") with COUNT removed.
    QString withUntil(const QDateTime &lastStart) const;
    // All-day series: UNTIL as a date ("20271231").
    QString withUntil(QDate lastDate) const;

private:
    QString m_text; // without the prefix, as given
    int m_count = 0;
    UntilKind m_untilKind = UntilKind::None;
    QDate m_untilDate;        // Date
    QDateTime m_untilInstant; // Utc (UTC) or Floating (local wall time, no zone)
};

// Occurrences of a timed series in [from, to), as UTC instants.
struct TimedExpansion
{
    QList<QDateTime> starts;
    // More occurrences exist than were looked at (kMaxOccurrences reached).
    bool truncated = false;
};

// The series starting at `start` (always the first occurrence, counted by
// COUNT, RFC 5545 §3.8.5.3) repeating in `zone`: every occurrence keeps the
// start's local wall-clock time across DST changes. A local time that does
// not exist (spring-forward gap) uses the offset from before the gap (02:30
// becomes 03:30 summer time); one that exists twice is the first (RFC 5545
// §3.3.5). Only starts in [from, to) not in `exceptions` (EXDATE, exact
// instants) are returned. Rules without COUNT skip to the window by moving
// DTSTART whole periods ahead (cheap for a series years old); COUNT rules
// are counted from the start. At most
// kMaxOccurrences are produced per expansion (from `from` when skipping,
// else from the start).
TimedExpansion expandTimed(const SeriesRule &rule, const QDateTime &start, const QTimeZone &zone,
                           const QDateTime &from, const QDateTime &to,
                           const QList<QDateTime> &exceptions = {});

struct DateExpansion
{
    QList<QDate> dates;
    bool truncated = false;
};

// An all-day series: dates from `start` in [from, to) not in `exceptions`.
// No zone: all-day events are dates for every viewer.
DateExpansion expandDates(const SeriesRule &rule, QDate start, QDate from, QDate to,
                          const QList<QDate> &exceptions = {});

// How many occurrences (skipped ones included, as COUNT counts them) start
// before `before`; the series' own start counts. Caps at kMaxOccurrences.
int occurrencesBefore(const SeriesRule &rule, const QDateTime &start, const QTimeZone &zone,
                      const QDateTime &before);
int occurrencesBefore(const SeriesRule &rule, QDate start, QDate before);

// The start of `date` in UTC: how all-day dates are placed on the time line.
inline QDateTime midnightUtc(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC);
}

namespace detail {
// Tests only: expand every rule through libical, also those the date
// arithmetic fast path would walk, to compare the two.
extern std::atomic<bool> libicalOnly;
} // namespace detail

} // namespace mana::calendar
