// The common rule shapes walked by date arithmetic instead of libical
// (seriesrule.cpp): libical 3.0 built with ICU spends microseconds per
// iteration step in ICU's calendar, which made a year of 1,000 series cost
// ~300 ms. Only shapes whose RFC 5545 meaning is plain date arithmetic are
// taken; everything else (BYYEARDAY, BYWEEKNO, BYHOUR …, BYDAY
// together with BYMONTHDAY, yearly ordinals without BYMONTH) stays with
// libical. BYSETPOS is applied to the period's days. tst_seriesrule
// fastPathMatchesLibical compares both.
#pragma once

#include <QtGlobal>

#include <optional>
#include <vector>

struct icalrecurrencetype;

namespace mana::calendar::detail {

// A rule's local wall-clock times (ms since 1970 as if the wall clock were
// UTC) in ascending order, period by period (a day, week, month or year
// times INTERVAL), each at the start's time of day. Dates a period does not
// have (the 31st of April, Feb 29 in other years, a fifth Monday) are
// skipped, as RFC 5545 says. COUNT, UNTIL and the start itself are the
// caller's (RuleIterator): this yields what the rule's BY* parts give,
// including times before the start in its first period.
class DateWalk
{
public:
    // std::nullopt when the rule is not one of the shapes walked here.
    static std::optional<DateWalk> of(const icalrecurrencetype &ical, qint64 startWall);

    // Continues from the period holding the wall time `wall` (never before
    // the start's period).
    void skipTo(qint64 wall);

    // The next wall time; std::nullopt when the rule makes no more (only
    // when hundreds of periods in a row had no valid date).
    std::optional<qint64> next();

private:
    enum class Unit { Day, Week, Month, Year };
    struct Weekday
    {
        int ordinal = 0; // 0: every such weekday; 1: first; -1: last …
        int day = 1;     // Qt's 1 (Monday) .. 7
    };

    // Fills m_days with the days (since 1970) of period `period`, ascending.
    void fillPeriod(qint64 period);
    void addDaysOfMonth(int year, int month);

    Unit m_unit = Unit::Day;
    qint64 m_interval = 1;
    qint64 m_timeOfDay = 0;
    // Day and Week: the first period's first day (since 1970) and the day
    // offsets into a period; Month and Year: the start's month and year.
    qint64 m_periodStartDay = 0;
    std::vector<int> m_dayOffsets;
    int m_startYear = 1970;
    int m_startMonth = 1;
    // Month and Year: which days of a month (BYMONTHDAY, negative from the
    // end), else which weekdays (BYDAY), else the start's day of the month.
    std::vector<int> m_monthDays;
    std::vector<Weekday> m_weekdays;
    // Year: the months (BYMONTH, else the start's), ascending.
    std::vector<int> m_months;
    // BYSETPOS: which of a period's days are kept.
    std::vector<int> m_setPositions;

    qint64 m_period = 0;
    std::vector<qint64> m_days; // the current period's days
    std::size_t m_slot = 0;
};

} // namespace mana::calendar::detail
