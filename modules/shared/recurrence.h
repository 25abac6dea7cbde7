// Recurrence shared by the apps (Todo's repeating tasks today, Calendar's
// series next): the structured rule behind the readable repeat picker, its
// RRULE text as the web suite stores it (`recurrenceRule`), and the
// occurrences it produces (through libical), so "every day at 09:00" stays
// at 09:00 local time across DST changes.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace mana {

// One repeat rule in the shapes the picker can show. Users never see RRULE
// text, so everything the picker cannot show is refused when reading, rather
// than silently changed into something else.
struct RecurrenceRule
{
    // Only the calendar units the picker offers; hourly and finer repeats
    // make no sense for a task with one due date.
    enum class Frequency { Daily, Weekly, Monthly, Yearly };
    // The two ways the picker repeats monthly: "on the 15th" (or the last
    // day) and "on the 2nd Tuesday" (or the last Friday).
    enum class MonthlyMode { ByMonthDay, ByWeekdayPosition };

    Frequency frequency = Frequency::Daily;
    // Every N days/weeks/months/years; 1..kMaxInterval.
    int interval = 1;
    // Weekly: the chosen days. Empty means the start's weekday, the way a
    // plain "every week" rule without BYDAY repeats.
    QList<Qt::DayOfWeek> weekdays;
    MonthlyMode monthlyMode = MonthlyMode::ByMonthDay;
    // Monthly by day: 1..31, or -1 for the last day of the month; 0 means
    // the start's day. Months without that day are skipped (RFC 5545), so
    // "the 31st" never lands on the 30th.
    int monthDay = 0;
    // Monthly by weekday: 1..4, or -1 for the last one, together with
    // `weekday` ("the 2nd Tuesday", "the last Friday").
    int weekdayPosition = 0;
    Qt::DayOfWeek weekday = Qt::Monday;
    // How many occurrences the series has, the first due date included;
    // 0 means no COUNT.
    int count = 0;
    // The last local day an occurrence may fall on, inclusive; invalid means
    // no UNTIL. COUNT and UNTIL are exclusive.
    QDate until;

    // The largest interval accepted: libical keeps it in a short, and the
    // picker has no use for more.
    static constexpr int kMaxInterval = 1000;

    // Reads the stored RRULE value ("FREQ=WEEKLY;BYDAY=MO,TH", an "RRULE:"
    // prefix is accepted) through libical. Returns the rule in normalized()
    // form, or std::nullopt with one sentence in *error (when given) naming
    // what cannot be read or what the picker cannot show (hourly rules,
    // BYHOUR, BYSETPOS beyond "the Nth weekday", ...). "FREQ=DAILY;BYDAY=..."
    // with interval 1 is read as the equal weekly rule. A date-time UNTIL
    // keeps the date as written.
    static std::optional<RecurrenceRule> fromRRule(const QString &text, QString *error = nullptr);

    // The RRULE value in a canonical, stable order (FREQ, INTERVAL, BYDAY,
    // BYMONTHDAY, COUNT or UNTIL; defaults left out; UNTIL as a date), so
    // the same rule always stores the same text and fromRRule(toRRule()) ==
    // normalized(). Empty for a rule that is not isValid().
    QString toRRule() const;

    // The rule as a sentence for a non-technical user, "en" or "de" (other
    // languages get English): "Every 2 weeks on Monday and Thursday, 10
    // times", "Jeden Monat am letzten Freitag, bis 31.12.2027".
    QString describe(const QString &language) const;

    // Whether the fields make a rule the picker can show and libical can
    // expand; the picker checks its input with it. *error gets a sentence.
    bool isValid(QString *error = nullptr) const;

    // The same rule with the fields its frequency does not use reset to
    // their defaults and the weekdays sorted Monday first without repeats,
    // so two rules that repeat alike compare equal.
    RecurrenceRule normalized() const;

    bool operator==(const RecurrenceRule &) const = default;
};

// The most occurrences ever produced from one start, so an endless rule (or
// a huge COUNT) cannot loop or fill memory.
constexpr int kMaxOccurrences = 5000;

// What expand() found; `truncated` says the series goes on beyond the
// occurrences looked at (cut at kMaxOccurrences, or at the end of the year
// 2582, where libical 3.0 stops iterating), so a view can say "and more".
struct Expansion
{
    QList<QDateTime> occurrences;
    bool truncated = false;
};

// Occurrences of `rule` starting at `start` (the first due date, which is
// always the first occurrence and counts towards COUNT, even when it does not
// match the rule), interpreted in `zone` so "every day at 09:00" stays at 09:00
// local across DST changes; returned as UTC QDateTimes in ascending order.
// Only those in [from, to) are returned, minus `exceptions` (EXDATE:
// occurrences the user skipped, compared by exact instant; a skipped
// occurrence still counts towards COUNT, as in RFC 5545).
// Local times that do not exist (the spring-forward gap) use the UTC offset
// from before the gap, so 02:30 becomes 03:30 summer time; local times that
// exist twice (fall-back) mean the first of the two (RFC 5545 §3.3.5).
// Never produces more than kMaxOccurrences from `start`: a rule that would
// produce more is cut there and `truncated` is set.
Expansion expand(const RecurrenceRule &rule, const QDateTime &start, const QTimeZone &zone,
                 const QDateTime &from, const QDateTime &to,
                 const QList<QDateTime> &exceptions = {});

// Where a recurring task goes when it is completed.
struct Advance
{
    QDateTime nextDue;
    RecurrenceRule rule;
};

// Completing a recurring task moves it to its next occurrence: the first
// occurrence strictly after `currentDue` that is not one of `exceptions`,
// with `currentDue` taken as the series' start. Returns the new due date (UTC)
// and the rule to store with it: a COUNT rule counts down by the occurrences
// consumed (the completed one and any skipped ones), so the series still ends
// where it should. std::nullopt when the series is over (COUNT used up, past
// UNTIL, or nothing but exceptions within kMaxOccurrences): then the task is
// simply completed.
std::optional<Advance> advance(const RecurrenceRule &rule, const QDateTime &currentDue,
                               const QTimeZone &zone, const QList<QDateTime> &exceptions = {});

} // namespace mana
