#include "seriesrule.h"

#include "calendarlog.h"
#include "seriesfastpaths.h"
#include "zoneoffsets.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <libical/ical.h>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace mana::calendar {

namespace detail {
constinit std::atomic<bool> libicalOnly = false;
} // namespace detail

namespace {

using detail::kMsPerDay;
using detail::offsetTable;
using detail::OffsetTable;
// QDate::toJulianDay() of 1970-01-01.
constexpr qint64 kEpochJulianDay = 2'440'588;

// libical aborts on errors when they are configured fatal; reading a bad
// rule must only fail, so fatality is off while we call it.
struct LibicalErrorsNotFatal
{
    LibicalErrorsNotFatal() { icalerror_set_errors_are_fatal(0); }
    ~LibicalErrorsNotFatal() { icalerror_set_errors_are_fatal(m_previous); }
    Q_DISABLE_COPY_MOVE(LibicalErrorsNotFatal)
    const int m_previous = icalerror_get_errors_are_fatal();
};

// Wall-clock time as milliseconds, as if the wall clock were UTC: cheap to
// compare and to turn into an instant by subtracting an offset.
qint64 wallMs(QDate date, QTime time)
{
    return (date.toJulianDay() - kEpochJulianDay) * kMsPerDay + time.msecsSinceStartOfDay();
}

icaltimetype floatingTime(qint64 wall)
{
    const QDate date = QDate::fromJulianDay(wall / kMsPerDay + kEpochJulianDay);
    const QTime time = QTime::fromMSecsSinceStartOfDay(int(wall % kMsPerDay));
    return {date.year(),   date.month(),      date.day(),
            time.hour(),   time.minute(),     time.second(),
            /*is_date*/ 0, /*is_daylight*/ 0, /*zone*/ nullptr};
}

qint64 wallOf(const icaltimetype &time)
{
    return wallMs(QDate(time.year, time.month, time.day),
                  QTime(time.hour, time.minute, time.second));
}

QStringList partsWithoutEnd(const QString &text)
{
    QStringList parts;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString name = part.section(u'=', 0, 0).trimmed().toUpper();
        if (name != u"COUNT" && name != u"UNTIL")
            parts.append(part.trimmed());
    }
    return parts;
}

} // namespace

namespace {

// The local wall-clock times of a series one by one: the start first (it
// always counts, RFC 5545), then libical's after it. libical iterates in
// floating time without COUNT and UNTIL: it would count COUNT from the
// first date matching the rule rather than from DTSTART, and compare a UTC
// UNTIL with floating times as if they were UTC. The callers apply both.
template<std::size_t N> bool hasBy(const short (&array)[N])
{
    return array[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

template<std::size_t N> void setBy(short (&array)[N], short value)
{
    array[0] = value;
    array[1] = ICAL_RECURRENCE_ARRAY_MAX;
}

QDate dateOfWall(qint64 wall)
{
    return QDate::fromJulianDay(wall / kMsPerDay + kEpochJulianDay);
}

// A later DTSTART for `ical` that gives the same occurrences from there
// on: the start moved by whole periods (INTERVAL × the frequency's unit, so
// every period the rule counts stays where it was) to the last period
// beginning at or before `skipWall`, with what the rule took from the old
// DTSTART (the day of the month, the month) written into the rule. This
// replaces libical 3.0's icalrecur_iterator_set_start, which loses the
// INTERVAL's phase for hourly rules (tst_seriesrule
// skippingToTheWindowChangesNothing). std::nullopt: iterate from the start.
std::optional<qint64> rebasedStart(icalrecurrencetype *ical, qint64 startWall, qint64 skipWall)
{
    const qint64 interval = std::max<short>(ical->interval, 1);
    const QDate startDate = dateOfWall(startWall);
    const qint64 timeOfDay = startWall - (startDate.toJulianDay() - kEpochJulianDay) * kMsPerDay;
    const auto fixedUnit = [&](qint64 unitMs) -> std::optional<qint64> {
        const qint64 step = unitMs * interval;
        return startWall + (skipWall - startWall) / step * step;
    };
    switch (ical->freq) {
    case ICAL_SECONDLY_RECURRENCE:
        return fixedUnit(1000);
    case ICAL_MINUTELY_RECURRENCE:
        return fixedUnit(60'000);
    case ICAL_HOURLY_RECURRENCE:
        return fixedUnit(3'600'000);
    case ICAL_DAILY_RECURRENCE:
        return fixedUnit(kMsPerDay);
    case ICAL_WEEKLY_RECURRENCE: // whole weeks keep the weekday and WKST's weeks
        return fixedUnit(7 * kMsPerDay);
    case ICAL_MONTHLY_RECURRENCE:
    case ICAL_YEARLY_RECURRENCE:
        break;
    default:
        return std::nullopt;
    }
    const QDate skipDate = dateOfWall(skipWall);
    const bool monthly = ical->freq == ICAL_MONTHLY_RECURRENCE;
    const bool byDayOrWeek =
        hasBy(ical->by_day) || hasBy(ical->by_year_day) || hasBy(ical->by_week_no);
    if (monthly && !byDayOrWeek && !hasBy(ical->by_month_day))
        setBy(ical->by_month_day, short(startDate.day()));
    if (!monthly && !byDayOrWeek) {
        // A yearly BYMONTHDAY without BYMONTH is read differently by
        // different libraries; leave it to libical from the start.
        if (hasBy(ical->by_month_day) && !hasBy(ical->by_month))
            return std::nullopt;
        if (!hasBy(ical->by_month))
            setBy(ical->by_month, short(startDate.month()));
        if (!hasBy(ical->by_month_day))
            setBy(ical->by_month_day, short(startDate.day()));
    }
    // The first day of the period, at the start's time (BYHOUR and the like
    // default to it).
    const qint64 periods =
        monthly ? (skipDate.year() - startDate.year()) * 12 + (skipDate.month() - startDate.month())
                : skipDate.year() - startDate.year();
    for (qint64 k = periods / interval; k > 0; --k) {
        const QDate first =
            monthly ? QDate(startDate.year(), startDate.month(), 1).addMonths(int(k * interval))
                    : QDate(startDate.year() + int(k * interval), 1, 1);
        const qint64 wall = (first.toJulianDay() - kEpochJulianDay) * kMsPerDay + timeOfDay;
        if (wall <= skipWall)
            return wall;
    }
    return std::nullopt;
}

class RuleIterator
{
public:
    // `skipWall`: when valid and the rule has no COUNT (whose occurrences
    // are counted from the start), the occurrences before it may be left
    // out.
    RuleIterator(const SeriesRule &rule, qint64 startWall, std::optional<qint64> skipWall = {})
        : m_startWall(startWall)
        , m_count(rule.count())
    {
        const QByteArray text = rule.text().toLatin1();
        LibicalErrorsNotFatal guard;
        icalrecurrencetype ical = icalrecurrencetype_from_string(text.constData());
        if (ical.rscale) // Gregorian only; the iterator refuses other scales
            icalmemory_free_buffer(ical.rscale);
        ical.rscale = nullptr;
        ical.count = 0;
        ical.until = icaltime_null_time();
        if (ical.freq == ICAL_NO_RECURRENCE)
            return;
        const bool skipping = m_count == 0 && skipWall && *skipWall > startWall;
        if (!detail::libicalOnly)
            m_simple = detail::DateWalk::of(ical, startWall);
        if (m_simple) {
            if (skipping) {
                m_simple->skipTo(*skipWall);
                m_produced = 1;
                m_skipped = true;
            }
            return;
        }
        qint64 iterationStart = startWall;
        if (m_count == 0 && skipWall && *skipWall > startWall) {
            if (const std::optional<qint64> rebased = rebasedStart(&ical, startWall, *skipWall);
                rebased && *rebased > startWall) {
                iterationStart = *rebased;
                m_produced = 1; // the start lies behind
                m_skipped = true;
            }
        }
        m_iterator.reset(icalrecur_iterator_new(ical, floatingTime(iterationStart)));
        if (!m_iterator)
            qCDebug(lcCalendar) << "libical makes no occurrences of" << rule.text();
    }

    std::optional<qint64> next()
    {
        if (m_finished)
            return std::nullopt;
        if (m_produced == 0) {
            m_produced = 1;
            return m_startWall;
        }
        if (m_count > 0 && m_produced >= m_count)
            return finish(false);
        while (m_simple) {
            const std::optional<qint64> wall = m_simple->next();
            if (!wall)
                return finish(false);
            if (*wall <= m_startWall)
                continue;
            if (m_produced - (m_skipped ? 1 : 0) >= kMaxOccurrences)
                return finish(true);
            ++m_produced;
            return *wall;
        }
        while (m_iterator) {
            const icaltimetype next = icalrecur_iterator_next(m_iterator.get());
            if (icaltime_is_null_time(next))
                break;
            const qint64 wall = wallOf(next);
            // libical returns DTSTART itself only when it matches the rule;
            // the start was produced already either way.
            if (wall <= m_startWall)
                continue;
            if (m_produced - (m_skipped ? 1 : 0) >= kMaxOccurrences)
                return finish(true);
            ++m_produced;
            return wall;
        }
        m_iterator.reset();
        return finish(false);
    }

    bool truncated() const { return m_truncated; }
    int produced() const { return m_produced; }

private:
    std::optional<qint64> finish(bool truncated)
    {
        m_finished = true;
        m_truncated = truncated;
        return std::nullopt;
    }

    std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)> m_iterator{
        nullptr, &icalrecur_iterator_free};
    // Common shapes by date arithmetic (seriesfastpaths.h), else libical.
    std::optional<detail::DateWalk> m_simple;
    qint64 m_startWall;
    int m_count;
    int m_produced = 0;
    bool m_skipped = false;
    bool m_finished = false;
    bool m_truncated = false;
};

} // namespace

std::optional<SeriesRule> SeriesRule::parse(const QString &text, QString *error)
{
    const auto refuse = [error](const QString &why) -> std::optional<SeriesRule> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString value = text.trimmed();
    if (value.startsWith("RRULE:"_L1, Qt::CaseInsensitive))
        value = value.mid(6).trimmed();
    if (value.isEmpty())
        return refuse(u"empty rule"_s);
    const QByteArray latin1 = value.toLatin1();
    LibicalErrorsNotFatal guard;
    icalerror_clear_errno();
    icalrecurrencetype ical = icalrecurrencetype_from_string(latin1.constData());
    if (ical.rscale)
        icalmemory_free_buffer(ical.rscale);
    if (ical.freq == ICAL_NO_RECURRENCE)
        return refuse(u"libical cannot read \"%1\": %2"_s.arg(
            value, QString::fromLatin1(icalerror_strerror(icalerrno))));
    const bool hasUntil = !icaltime_is_null_time(ical.until);
    if (ical.count > 0 && hasUntil)
        return refuse(u"COUNT and UNTIL together"_s);

    SeriesRule rule;
    rule.m_text = value;
    rule.m_count = std::max(ical.count, 0);
    if (hasUntil) {
        const QDate date(ical.until.year, ical.until.month, ical.until.day);
        const QTime time(ical.until.hour, ical.until.minute, ical.until.second);
        if (ical.until.is_date) {
            rule.m_untilKind = UntilKind::Date;
            rule.m_untilDate = date;
        } else {
            rule.m_untilKind = icaltime_is_utc(ical.until) ? UntilKind::Utc : UntilKind::Floating;
            rule.m_untilInstant = QDateTime(date, time, Qt::UTC);
        }
    }
    return rule;
}

QString SeriesRule::withCount(int count) const
{
    QStringList parts = partsWithoutEnd(m_text);
    if (count > 0)
        parts.append(u"COUNT=%1"_s.arg(count));
    return parts.join(u';');
}

QString SeriesRule::withUntil(const QDateTime &lastStart) const
{
    QStringList parts = partsWithoutEnd(m_text);
    parts.append(u"UNTIL="_s + lastStart.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s));
    return parts.join(u';');
}

QString SeriesRule::withUntil(QDate lastDate) const
{
    QStringList parts = partsWithoutEnd(m_text);
    parts.append(u"UNTIL="_s + lastDate.toString(u"yyyyMMdd"_s));
    return parts.join(u';');
}

namespace {

// Walks a timed series in instants, applying UNTIL; `visit` gets each
// occurrence's instant (ms) and returns false to stop.
template<typename Visit>
bool walkTimed(const SeriesRule &rule, const QDateTime &start, const QTimeZone &zone,
               const QDateTime &skipTo, Visit visit)
{
    using UntilKind = SeriesRule::UntilKind;
    const UntilKind untilKind = rule.untilKind();
    const QDate untilDate = rule.untilDate();
    const qint64 untilMs = rule.untilInstant().isValid() ? rule.untilInstant().toMSecsSinceEpoch()
                                                         : std::numeric_limits<qint64>::max();
    const QTimeZone usedZone = zone.isValid() ? zone : QTimeZone::utc();
    const OffsetTable &table = offsetTable(usedZone);
    const qint64 startMs = start.toMSecsSinceEpoch();
    const qint64 startWall = startMs + qint64(table.offsetAt(startMs)) * 1000;
    std::optional<qint64> skipWall;
    if (skipTo.isValid()) {
        const qint64 fromMs = skipTo.toMSecsSinceEpoch();
        // A day early: the offset may differ between the window and the
        // occurrence; what lies before the window is filtered anyway.
        skipWall = fromMs + qint64(table.offsetAt(fromMs)) * 1000 - kMsPerDay;
    }
    RuleIterator iterator(rule, startWall, skipWall);
    qint64 previous = std::numeric_limits<qint64>::min();
    while (const std::optional<qint64> wall = iterator.next()) {
        const qint64 ms = *wall == startWall ? startMs : table.resolve(*wall);
        // Wall times in the spring-forward gap (hourly rules) resolve onto
        // the hour after it; an instant is produced once.
        if (ms <= previous)
            continue;
        previous = ms;
        if (untilKind == UntilKind::Date &&
            QDate::fromJulianDay(*wall / kMsPerDay + kEpochJulianDay) > untilDate)
            break;
        if (untilKind == UntilKind::Utc && ms > untilMs)
            break;
        if (untilKind == UntilKind::Floating && *wall > untilMs)
            break;
        if (!visit(ms))
            break;
    }
    return iterator.truncated();
}

} // namespace

TimedExpansion expandTimed(const SeriesRule &rule, const QDateTime &start, const QTimeZone &zone,
                           const QDateTime &from, const QDateTime &to,
                           const QList<QDateTime> &exceptions)
{
    TimedExpansion expansion;
    if (!start.isValid())
        return expansion;
    QSet<qint64> skipped;
    for (const QDateTime &date : exceptions)
        skipped.insert(date.toMSecsSinceEpoch());
    const qint64 fromMs = from.isValid() ? from.toMSecsSinceEpoch() : 0;
    const qint64 toMs = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const bool skip = from.isValid() && from > start;
    expansion.truncated = walkTimed(rule, start, zone, skip ? from : QDateTime(), [&](qint64 ms) {
        if (ms >= toMs)
            return false;
        if (ms >= fromMs && !skipped.contains(ms))
            expansion.starts.append(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
        return true;
    });
    // Stopped at `to`: whatever lies beyond was not looked at, not cut.
    return expansion;
}

DateExpansion expandDates(const SeriesRule &rule, QDate start, QDate from, QDate to,
                          const QList<QDate> &exceptions)
{
    DateExpansion expansion;
    if (!start.isValid())
        return expansion;
    const QSet<QDate> skipped(exceptions.cbegin(), exceptions.cend());
    QDate previous;
    // An all-day series is a timed one at midnight in UTC, where wall time
    // and instant are the same: no DST, and dates are the same everywhere.
    expansion.truncated =
        walkTimed(rule, midnightUtc(start), QTimeZone::utc(),
                  from.isValid() && from > start ? midnightUtc(from) : QDateTime(), [&](qint64 ms) {
                      const QDate date = QDate::fromJulianDay(ms / kMsPerDay + kEpochJulianDay);
                      if (to.isValid() && date >= to)
                          return false;
                      if (date == previous) // an hourly rule's other hours
                          return true;
                      previous = date;
                      if ((!from.isValid() || date >= from) && !skipped.contains(date))
                          expansion.dates.append(date);
                      return true;
                  });
    return expansion;
}

int occurrencesBefore(const SeriesRule &rule, const QDateTime &start, const QTimeZone &zone,
                      const QDateTime &before)
{
    int count = 0;
    const qint64 beforeMs = before.toMSecsSinceEpoch();
    walkTimed(rule, start, zone, QDateTime(), [&](qint64 ms) {
        if (ms >= beforeMs)
            return false;
        ++count;
        return true;
    });
    return count;
}

int occurrencesBefore(const SeriesRule &rule, QDate start, QDate before)
{
    return occurrencesBefore(rule, midnightUtc(start), QTimeZone::utc(), midnightUtc(before));
}

} // namespace mana::calendar
