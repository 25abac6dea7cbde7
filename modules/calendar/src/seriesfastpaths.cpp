#include "seriesfastpaths.h"

#include "zoneoffsets.h"

#include <QDate>

#include <libical/ical.h>

#include <algorithm>

namespace mana::calendar::detail {

namespace {

// QDate::toJulianDay() of 1970-01-01.
constexpr qint64 kEpochJulianDay = 2'440'588;
// A rule whose periods stay empty this long makes nothing more (Feb 30
// never comes; Feb 29 every year is at most 7 empty years away).
constexpr int kMaxEmptyPeriods = 1000;

template<std::size_t N> bool hasBy(const short (&array)[N], std::size_t i = 0)
{
    return i < N && array[i] != ICAL_RECURRENCE_ARRAY_MAX;
}

template<std::size_t N> std::vector<int> valuesOf(const short (&array)[N])
{
    std::vector<int> values;
    for (std::size_t i = 0; hasBy(array, i); ++i)
        values.push_back(array[i]);
    return values;
}

// libical's weekday (1 Sunday .. 7 Saturday) as Qt's (1 Monday .. 7 Sunday).
int qtWeekday(int icalDay)
{
    return icalDay == ICAL_SUNDAY_WEEKDAY ? 7 : icalDay - 1;
}

// Days since 1970-01-01 (a Thursday) to Qt's weekday.
int weekdayOfDay(qint64 day)
{
    return int(((day + 3) % 7 + 7) % 7) + 1;
}

QDate dateOfWall(qint64 wall)
{
    return QDate::fromJulianDay(wall / kMsPerDay + kEpochJulianDay);
}

} // namespace

std::optional<DateWalk> DateWalk::of(const icalrecurrencetype &ical, qint64 startWall)
{
    DateWalk walk;
    switch (ical.freq) {
    case ICAL_DAILY_RECURRENCE:
        walk.m_unit = Unit::Day;
        break;
    case ICAL_WEEKLY_RECURRENCE:
        walk.m_unit = Unit::Week;
        break;
    case ICAL_MONTHLY_RECURRENCE:
        walk.m_unit = Unit::Month;
        break;
    case ICAL_YEARLY_RECURRENCE:
        walk.m_unit = Unit::Year;
        break;
    default:
        return std::nullopt;
    }
    if (hasBy(ical.by_second) || hasBy(ical.by_minute) || hasBy(ical.by_hour) ||
        hasBy(ical.by_year_day) || hasBy(ical.by_week_no))
        return std::nullopt;
    const bool byDay = hasBy(ical.by_day);
    const bool byMonthDay = hasBy(ical.by_month_day);
    const bool byMonth = hasBy(ical.by_month);
    switch (walk.m_unit) {
    case Unit::Day:
        if (byDay || byMonthDay || byMonth)
            return std::nullopt;
        break;
    case Unit::Week:
        if (byMonthDay || byMonth)
            return std::nullopt;
        break;
    case Unit::Month:
        // BYDAY with BYMONTHDAY (Friday the 13th) intersects the two.
        if (byMonth || (byDay && byMonthDay))
            return std::nullopt;
        break;
    case Unit::Year:
        // Without BYMONTH, a yearly BYDAY ordinal counts within the year
        // and a yearly BYMONTHDAY is read differently by different
        // libraries: libical's.
        if (!byMonth && (byDay || byMonthDay))
            return std::nullopt;
        if (byDay && byMonthDay)
            return std::nullopt;
        break;
    }

    const qint64 startDay = startWall / kMsPerDay;
    walk.m_timeOfDay = startWall - startDay * kMsPerDay;
    walk.m_interval = std::max<short>(ical.interval, 1);
    walk.m_setPositions = valuesOf(ical.by_set_pos);
    // libical 3.0 leaves daily and weekly BYSETPOS out of account: its.
    // Yearly BYDAY with BYSETPOS is rare and too slow in libical (seconds)
    // for tst_seriesrule to compare: libical's too.
    if (!walk.m_setPositions.empty() && (walk.m_unit == Unit::Day || walk.m_unit == Unit::Week ||
                                         (walk.m_unit == Unit::Year && byDay)))
        return std::nullopt;
    for (int position : walk.m_setPositions) {
        if (position == 0)
            return std::nullopt;
    }
    const QDate startDate = dateOfWall(startWall);
    walk.m_startYear = startDate.year();
    walk.m_startMonth = startDate.month();

    if (walk.m_unit == Unit::Day) {
        walk.m_periodStartDay = startDay;
        walk.m_dayOffsets = {0};
        return walk;
    }
    std::vector<Weekday> weekdays;
    for (std::size_t i = 0; hasBy(ical.by_day, i); ++i) {
        const int ordinal = icalrecurrencetype_day_position(ical.by_day[i]);
        const int day = qtWeekday(int(icalrecurrencetype_day_day_of_week(ical.by_day[i])));
        // Weekly ordinals mean nothing; beyond the fifth there is none.
        if ((walk.m_unit == Unit::Week && ordinal != 0) || ordinal < -5 || ordinal > 5 || day < 1 ||
            day > 7)
            return std::nullopt;
        weekdays.push_back({ordinal, day});
    }
    if (walk.m_unit == Unit::Week) {
        const int weekStart = ical.week_start == ICAL_NO_WEEKDAY ? 1 : qtWeekday(ical.week_start);
        walk.m_periodStartDay = startDay - (weekdayOfDay(startDay) - weekStart + 7) % 7;
        for (const Weekday &weekday : weekdays)
            walk.m_dayOffsets.push_back((weekday.day - weekStart + 7) % 7);
        if (walk.m_dayOffsets.empty())
            walk.m_dayOffsets = {(weekdayOfDay(startDay) - weekStart + 7) % 7};
        std::sort(walk.m_dayOffsets.begin(), walk.m_dayOffsets.end());
        walk.m_dayOffsets.erase(std::unique(walk.m_dayOffsets.begin(), walk.m_dayOffsets.end()),
                                walk.m_dayOffsets.end());
        return walk;
    }

    walk.m_weekdays = std::move(weekdays);
    walk.m_monthDays = valuesOf(ical.by_month_day);
    for (int day : walk.m_monthDays) {
        if (day == 0 || day < -31 || day > 31)
            return std::nullopt;
    }
    if (walk.m_monthDays.empty() && walk.m_weekdays.empty())
        walk.m_monthDays = {startDate.day()};
    if (walk.m_unit == Unit::Year) {
        walk.m_months = valuesOf(ical.by_month);
        for (int month : walk.m_months) {
            if (month < 1 || month > 12) // RSCALE's leap months: libical's
                return std::nullopt;
        }
        if (walk.m_months.empty())
            walk.m_months = {startDate.month()};
        std::sort(walk.m_months.begin(), walk.m_months.end());
        walk.m_months.erase(std::unique(walk.m_months.begin(), walk.m_months.end()),
                            walk.m_months.end());
    }
    return walk;
}

void DateWalk::skipTo(qint64 wall)
{
    if (m_unit == Unit::Day || m_unit == Unit::Week) {
        const qint64 periodDays = (m_unit == Unit::Week ? 7 : 1) * m_interval;
        m_period = std::max<qint64>(0, (wall / kMsPerDay - m_periodStartDay) / periodDays);
    } else {
        const QDate date = dateOfWall(wall);
        const qint64 units = m_unit == Unit::Month ? qint64(date.year() - m_startYear) * 12 +
                                                         (date.month() - m_startMonth)
                                                   : date.year() - m_startYear;
        m_period = std::max<qint64>(0, units / m_interval);
    }
    m_days.clear();
    m_slot = 0;
}

std::optional<qint64> DateWalk::next()
{
    int emptyPeriods = 0;
    while (m_slot >= m_days.size()) {
        if (emptyPeriods++ > kMaxEmptyPeriods)
            return std::nullopt;
        fillPeriod(m_period++);
        m_slot = 0;
    }
    return m_days[m_slot++] * kMsPerDay + m_timeOfDay;
}

void DateWalk::fillPeriod(qint64 period)
{
    m_days.clear();
    switch (m_unit) {
    case Unit::Day:
    case Unit::Week: {
        const qint64 first =
            m_periodStartDay + period * m_interval * (m_unit == Unit::Week ? 7 : 1);
        for (int offset : m_dayOffsets)
            m_days.push_back(first + offset);
        break;
    }
    case Unit::Month: {
        const qint64 month = qint64(m_startMonth - 1) + period * m_interval;
        addDaysOfMonth(m_startYear + int(month / 12), int(month % 12) + 1);
        break;
    }
    case Unit::Year:
        for (int month : m_months)
            addDaysOfMonth(m_startYear + int(period * m_interval), month);
        break;
    }
    std::sort(m_days.begin(), m_days.end());
    m_days.erase(std::unique(m_days.begin(), m_days.end()), m_days.end());
    if (m_setPositions.empty() || m_days.empty())
        return;
    // BYSETPOS picks from the period's whole set (days before the start
    // included), 1 the first, -1 the last.
    std::vector<qint64> picked;
    const auto size = qint64(m_days.size());
    for (int position : m_setPositions) {
        const qint64 index = position > 0 ? position - 1 : size + position;
        if (index >= 0 && index < size)
            picked.push_back(m_days[std::size_t(index)]);
    }
    std::sort(picked.begin(), picked.end());
    picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    m_days = std::move(picked);
}

void DateWalk::addDaysOfMonth(int year, int month)
{
    const QDate first(year, month, 1);
    const int length = first.daysInMonth();
    const qint64 firstDay = first.toJulianDay() - kEpochJulianDay;
    const auto add = [&](int day) {
        if (day >= 1 && day <= length) // the 31st of April is no date: skipped
            m_days.push_back(firstDay + day - 1);
    };
    for (int day : m_monthDays)
        add(day > 0 ? day : length + 1 + day);
    if (m_weekdays.empty())
        return;
    const int firstWeekday = first.dayOfWeek();
    const int lastWeekday = (firstWeekday + length - 2) % 7 + 1;
    for (const Weekday &weekday : m_weekdays) {
        const int firstMatch = 1 + (weekday.day - firstWeekday + 7) % 7;
        const int lastMatch = length - (lastWeekday - weekday.day + 7) % 7;
        if (weekday.ordinal > 0)
            add(firstMatch + 7 * (weekday.ordinal - 1));
        else if (weekday.ordinal < 0)
            add(lastMatch + 7 * (weekday.ordinal + 1));
        else
            for (int day = firstMatch; day <= length; day += 7)
                add(day);
    }
}

} // namespace mana::calendar::detail
