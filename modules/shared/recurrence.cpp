#include "recurrence.h"

#include <QHash>
#include <QLocale>
#include <QLoggingCategory>
#include <QSet>
#include <QStringList>

#include <libical/ical.h>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcRecurrence, "mana.recurrence")

using namespace Qt::StringLiterals;

namespace mana {

namespace {

// libical 3.0 iterates no further than the end of this year (its
// MAX_TIME_T_YEAR); a series running into it is reported as truncated.
constexpr int kLibicalLastYear = 2582;

// libical aborts on errors when they are configured fatal; reading a bad rule
// must only fail, so fatality is off while we call it and restored afterwards.
struct LibicalErrorsNotFatal
{
    LibicalErrorsNotFatal() { icalerror_set_errors_are_fatal(0); }
    ~LibicalErrorsNotFatal() { icalerror_set_errors_are_fatal(m_previous); }
    Q_DISABLE_COPY_MOVE(LibicalErrorsNotFatal)
    const int m_previous = icalerror_get_errors_are_fatal();
};

using IteratorPtr = std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)>;

// RRULE weekday codes, Monday first like Qt::DayOfWeek.
const char *const kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

bool isDayOfWeek(int day)
{
    return day >= Qt::Monday && day <= Qt::Sunday;
}

// "The 1st to 4th, or the last" weekday of a month, as the picker offers.
bool isPickerPosition(int position)
{
    return (position >= 1 && position <= 4) || position == -1;
}

// libical counts Sunday = 1 .. Saturday = 7.
Qt::DayOfWeek fromIcalWeekday(int icalDay)
{
    return icalDay == ICAL_SUNDAY_WEEKDAY ? Qt::Sunday : Qt::DayOfWeek(icalDay - 1);
}

// The values of one of libical's BY* arrays, which end at
// ICAL_RECURRENCE_ARRAY_MAX unless full.
template<std::size_t N> QList<short> byValues(const short (&array)[N])
{
    QList<short> values;
    for (std::size_t i = 0; i < N && array[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i)
        values.append(array[i]);
    return values;
}

// The rule text with or without its end (COUNT/UNTIL): expansion leaves the
// end to us, because libical counts COUNT from the first matching date rather
// than from DTSTART and treats a date UNTIL as its midnight.
QString ruleText(const RecurrenceRule &rule, bool withEnd)
{
    static const char *const frequencies[] = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"};
    QStringList parts{u"FREQ="_s + QLatin1String(frequencies[int(rule.frequency)])};
    if (rule.interval != 1)
        parts << QStringLiteral("INTERVAL=%1").arg(rule.interval);
    if (rule.frequency == RecurrenceRule::Frequency::Weekly && !rule.weekdays.isEmpty()) {
        QStringList days;
        for (Qt::DayOfWeek day : rule.weekdays)
            days << QLatin1String(kDayCodes[day - 1]);
        parts << QStringLiteral("BYDAY=") + days.join(u',');
    }
    if (rule.frequency == RecurrenceRule::Frequency::Monthly) {
        if (rule.monthlyMode == RecurrenceRule::MonthlyMode::ByWeekdayPosition)
            parts << QStringLiteral("BYDAY=%1%2")
                         .arg(rule.weekdayPosition)
                         .arg(QLatin1String(kDayCodes[rule.weekday - 1]));
        else if (rule.monthDay != 0)
            parts << QStringLiteral("BYMONTHDAY=%1").arg(rule.monthDay);
    }
    if (withEnd && rule.count > 0)
        parts << QStringLiteral("COUNT=%1").arg(rule.count);
    if (withEnd && rule.until.isValid())
        parts << QStringLiteral("UNTIL=") + rule.until.toString(QStringLiteral("yyyyMMdd"));
    return parts.join(u';');
}

std::optional<RecurrenceRule> refuse(QString *error, const QString &sentence)
{
    if (error)
        *error = sentence;
    return std::nullopt;
}

// The parts libical could read but the picker cannot show, named in words.
QString unsupportedPart(const QString &name)
{
    static const QHash<QString, QString> sentences{
        {u"BYHOUR"_s, u"at set times of the day (BYHOUR)"_s},
        {u"BYMINUTE"_s, u"at set times of the day (BYMINUTE)"_s},
        {u"BYSECOND"_s, u"at set times of the day (BYSECOND)"_s},
        {u"BYWEEKNO"_s, u"in chosen weeks of the year (BYWEEKNO)"_s},
        {u"BYYEARDAY"_s, u"on chosen days of the year (BYYEARDAY)"_s},
        {u"BYMONTH"_s, u"in chosen months (BYMONTH)"_s},
        {u"RSCALE"_s, u"in calendars other than the Gregorian one (RSCALE)"_s},
        {u"SKIP"_s, u"in calendars other than the Gregorian one (SKIP)"_s}};
    const QString what = sentences.value(name);
    return what.isEmpty() ? QString()
                          : u"Repeating %1 is not supported; a task repeats on the day and at "
                            "the time it is first due."_s.arg(what);
}

// Checks what libical reads leniently (it wraps INTERVAL into a short and
// takes "3x" as COUNT 3) and names the parts the picker cannot show, so the
// error sentence says what is wrong instead of just "could not be read".
std::optional<QString> prescanError(const QString &text)
{
    static const QStringList known{u"FREQ"_s,  u"INTERVAL"_s,   u"COUNT"_s,    u"UNTIL"_s,
                                   u"BYDAY"_s, u"BYMONTHDAY"_s, u"BYSETPOS"_s, u"WKST"_s};
    bool hasFrequency = false;
    bool hasCount = false;
    bool hasUntil = false;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals <= 0)
            return u"The part \"%1\" of the repeat rule is not of the form NAME=VALUE."_s.arg(part);
        const QString name = part.left(equals).trimmed().toUpper();
        const QString value = part.mid(equals + 1).trimmed();
        if (const QString unsupported = unsupportedPart(name); !unsupported.isEmpty())
            return unsupported;
        if (!known.contains(name))
            return u"The repeat rule contains \"%1\", which is not part of any repeat rule."_s.arg(
                name);
        if (name == u"FREQ") {
            hasFrequency = true;
            static const QStringList supported{u"DAILY"_s, u"WEEKLY"_s, u"MONTHLY"_s, u"YEARLY"_s};
            if (!supported.contains(value.toUpper()))
                return u"Repeating \"%1\" is not supported; a task can repeat daily, weekly, "
                       "monthly or yearly."_s.arg(value.toLower());
        }
        bool ok = false;
        const int number = value.toInt(&ok);
        if (name == u"INTERVAL" && (!ok || number < 1 || number > RecurrenceRule::kMaxInterval))
            return u"The interval \"%1\" must be a whole number from 1 to %2."_s.arg(value).arg(
                RecurrenceRule::kMaxInterval);
        if (name == u"COUNT" && (!ok || number < 1))
            return u"The number of repeats \"%1\" must be a whole number of at least 1."_s.arg(
                value);
        hasCount = hasCount || name == u"COUNT";
        hasUntil = hasUntil || name == u"UNTIL";
    }
    if (!hasFrequency)
        return QStringLiteral("The repeat rule does not say how often it repeats (FREQ is "
                              "missing).");
    if (hasCount && hasUntil)
        return QStringLiteral("A repeat rule cannot have both an end date (UNTIL) and a number "
                              "of repeats (COUNT).");
    return std::nullopt;
}

// Turns what libical read into the picker's shapes, or says why it cannot.
std::optional<RecurrenceRule> fromIcal(const icalrecurrencetype &ical, QString *error)
{
    using Frequency = RecurrenceRule::Frequency;
    RecurrenceRule rule;
    if (ical.freq < ICAL_DAILY_RECURRENCE || ical.freq > ICAL_YEARLY_RECURRENCE)
        return refuse(error, QStringLiteral("A task can only repeat daily, weekly, monthly or "
                                            "yearly."));
    rule.frequency = Frequency(ical.freq - ICAL_DAILY_RECURRENCE); // same order in both enums
    rule.interval = ical.interval;
    rule.count = ical.count;
    if (!icaltime_is_null_time(ical.until))
        rule.until = QDate(ical.until.year, ical.until.month, ical.until.day);

    struct Day
    {
        Qt::DayOfWeek weekday;
        int position;
    };
    QList<Day> days;
    for (short encoded : byValues(ical.by_day))
        days.append({fromIcalWeekday(icalrecurrencetype_day_day_of_week(encoded)),
                     icalrecurrencetype_day_position(encoded)});
    const QList<short> monthDays = byValues(ical.by_month_day);
    const QList<short> setPositions = byValues(ical.by_set_pos);
    const bool anyPosition =
        std::any_of(days.cbegin(), days.cend(), [](const Day &day) { return day.position != 0; });

    if (rule.frequency == Frequency::Daily && !days.isEmpty() && !anyPosition &&
        setPositions.isEmpty() && monthDays.isEmpty()) {
        // "Every weekday" as some calendars write it: the same dates as the
        // weekly rule on those days, but only when no interval spreads them.
        if (rule.interval != 1)
            return refuse(error, QStringLiteral("Repeating every %1 days on chosen weekdays is "
                                                "not supported.")
                                     .arg(rule.interval));
        rule.frequency = Frequency::Weekly;
    }
    if (!setPositions.isEmpty() &&
        !(rule.frequency == Frequency::Monthly && setPositions.size() == 1 && days.size() == 1 &&
          days.first().position == 0 && monthDays.isEmpty() &&
          isPickerPosition(setPositions.first())))
        return refuse(error, QStringLiteral("Picking days out of a set (BYSETPOS) is only "
                                            "supported as \"the Nth weekday of the month\"."));

    switch (rule.frequency) {
    case Frequency::Daily:
        if (!days.isEmpty() || !monthDays.isEmpty())
            return refuse(error, QStringLiteral("A daily repeat on chosen days of the month is "
                                                "not supported."));
        break;
    case Frequency::Weekly:
        if (anyPosition)
            return refuse(error, QStringLiteral("A weekly repeat on a numbered weekday (such as "
                                                "\"the 2nd Tuesday\") is not supported."));
        if (!monthDays.isEmpty())
            return refuse(error, QStringLiteral("A weekly repeat on days of the month "
                                                "(BYMONTHDAY) is not supported."));
        for (const Day &day : days)
            rule.weekdays.append(day.weekday);
        break;
    case Frequency::Monthly:
        if (!days.isEmpty() && !monthDays.isEmpty())
            return refuse(error, QStringLiteral("A monthly repeat on both weekdays and days of "
                                                "the month is not supported."));
        if (!monthDays.isEmpty()) {
            if (monthDays.size() != 1 || !(monthDays.first() >= 1 || monthDays.first() == -1))
                return refuse(error, QStringLiteral("A monthly repeat must fall on one day of the "
                                                    "month (1 to 31, or the last day)."));
            rule.monthDay = monthDays.first();
        } else if (!days.isEmpty()) {
            const int position =
                setPositions.isEmpty() ? days.first().position : setPositions.first();
            if (days.size() != 1 || !isPickerPosition(position))
                return refuse(error, QStringLiteral("A monthly repeat must fall on one numbered "
                                                    "weekday (the 1st to 4th, or the last)."));
            rule.monthlyMode = RecurrenceRule::MonthlyMode::ByWeekdayPosition;
            rule.weekdayPosition = position;
            rule.weekday = days.first().weekday;
        }
        break;
    case Frequency::Yearly:
        if (!days.isEmpty() || !monthDays.isEmpty())
            return refuse(error, QStringLiteral("A yearly repeat falls on the date the task is "
                                                "first due; chosen days are not supported."));
        break;
    }
    // The week start only moves which weeks "every 2 weeks" picks when there
    // are several days; the picker's weeks start on Monday.
    if (ical.week_start != ICAL_MONDAY_WEEKDAY && ical.week_start != ICAL_NO_WEEKDAY &&
        rule.frequency == Frequency::Weekly && rule.interval > 1 && rule.weekdays.size() > 1)
        return refuse(error, QStringLiteral("Weeks that start on a day other than Monday (WKST) "
                                            "are not supported."));
    return rule.normalized();
}

// Reads a local wall time in `zone` the way RFC 5545 §3.3.5 does, the same on
// every Qt version (Qt 6.4 makes a time in the gap invalid, later versions
// resolve it): a time in the spring-forward gap uses the offset from before
// the gap (02:30 becomes 03:30 summer time); a time that exists twice is the
// first one (summer time).
QDateTime resolveLocal(QDate date, QTime time, const QTimeZone &zone)
{
    const QDateTime wall(date, time, Qt::UTC);
    const int offsetBefore = zone.offsetFromUtc(wall.addDays(-1));
    const int offsetAfter = zone.offsetFromUtc(wall.addDays(1));
    std::optional<QDateTime> earliest;
    for (int offset : {offsetBefore, offsetAfter}) {
        const QDateTime candidate = wall.addSecs(-offset);
        if (zone.offsetFromUtc(candidate) == offset && (!earliest || candidate < *earliest))
            earliest = candidate;
    }
    return earliest ? *earliest : wall.addSecs(-offsetBefore);
}

// Floating (zone = nullptr): libical must not shift it by any zone.
icaltimetype floatingTime(QDate date, QTime time)
{
    return {date.year(),   date.month(),      date.day(),
            time.hour(),   time.minute(),     time.second(),
            /*is_date*/ 0, /*is_daylight*/ 0, /*zone*/ nullptr};
}

// The occurrences of a rule one by one: the start first (it always counts,
// RFC 5545), then libical's dates after it at the start's local time,
// applying COUNT, UNTIL and kMaxOccurrences here.
class OccurrenceSeries
{
public:
    OccurrenceSeries(const RecurrenceRule &rule, const QDateTime &start, const QTimeZone &zone)
        : m_rule(rule.normalized())
        , m_zone(zone.isValid() ? zone : QTimeZone::utc())
        , m_start(start.toUTC())
    {
        if (!zone.isValid())
            qCWarning(lcRecurrence) << "invalid time zone, expanding in UTC";
        const QDateTime local = start.toTimeZone(m_zone);
        m_startDate = local.date();
        m_time = local.time();

        const QByteArray text = ruleText(m_rule, false).toLatin1();
        LibicalErrorsNotFatal guard;
        icalrecurrencetype ical = icalrecurrencetype_from_string(text.constData());
        if (ical.freq == ICAL_NO_RECURRENCE) {
            qCWarning(lcRecurrence) << "libical refused" << text;
            return;
        }
        m_iterator.reset(icalrecur_iterator_new(ical, floatingTime(m_startDate, m_time)));
        // A null iterator means no date ever matches (the 31st every 12 months
        // from April) or the start lies beyond libical's last year.
        if (!m_iterator)
            m_reachedLibicalEnd = m_startDate.year() > kLibicalLastYear;
    }

    std::optional<QDateTime> next()
    {
        if (m_finished)
            return std::nullopt;
        if (m_produced == 0) {
            m_produced = 1;
            return m_start;
        }
        if (m_rule.count > 0 && m_produced >= m_rule.count)
            return finish(false);
        const QDate date = nextLibicalDate();
        if (!date.isValid()) {
            return finish(m_reachedLibicalEnd &&
                          (!m_rule.until.isValid() || m_rule.until.year() > kLibicalLastYear));
        }
        if (m_rule.until.isValid() && date > m_rule.until)
            return finish(false);
        if (m_produced >= kMaxOccurrences)
            return finish(true);
        ++m_produced;
        return resolveLocal(date, m_time, m_zone);
    }

    bool truncated() const { return m_truncated; }
    // Occurrences produced so far, the start included.
    int produced() const { return m_produced; }

private:
    std::optional<QDateTime> finish(bool truncated)
    {
        m_finished = true;
        m_truncated = truncated;
        return std::nullopt;
    }

    QDate nextLibicalDate()
    {
        while (m_iterator) {
            const icaltimetype next = icalrecur_iterator_next(m_iterator.get());
            if (icaltime_is_null_time(next)) {
                m_iterator.reset();
                m_reachedLibicalEnd = true;
                break;
            }
            const QDate date(next.year, next.month, next.day);
            // libical returns DTSTART itself only when it matches the rule;
            // the start was produced already either way.
            if (date > m_startDate)
                return date;
        }
        return {};
    }

    RecurrenceRule m_rule;
    QTimeZone m_zone;
    QDateTime m_start;
    QDate m_startDate;
    QTime m_time;
    IteratorPtr m_iterator{nullptr, &icalrecur_iterator_free};
    int m_produced = 0;
    bool m_finished = false;
    bool m_truncated = false;
    bool m_reachedLibicalEnd = false;
};

QSet<qint64> instants(const QList<QDateTime> &times)
{
    QSet<qint64> result;
    for (const QDateTime &time : times)
        if (time.isValid())
            result.insert(time.toMSecsSinceEpoch());
    return result;
}

} // namespace

std::optional<RecurrenceRule> RecurrenceRule::fromRRule(const QString &text, QString *error)
{
    QString value = text.trimmed();
    if (value.startsWith(u"RRULE:", Qt::CaseInsensitive))
        value = value.mid(6).trimmed();
    if (value.isEmpty())
        return refuse(error, QStringLiteral("The repeat rule is empty."));
    if (const std::optional<QString> problem = prescanError(value))
        return refuse(error, *problem);

    const QByteArray latin1 = value.toLatin1();
    LibicalErrorsNotFatal guard;
    icalrecurrencetype ical = icalrecurrencetype_from_string(latin1.constData());
    if (ical.rscale) // refused above already; freed so a slip cannot leak
        icalmemory_free_buffer(ical.rscale);
    if (ical.freq == ICAL_NO_RECURRENCE)
        return refuse(error,
                      QStringLiteral("The repeat rule \"%1\" could not be read.").arg(value));
    std::optional<RecurrenceRule> rule = fromIcal(ical, error);
    QString invalid;
    if (rule && !rule->isValid(&invalid))
        return refuse(error, invalid);
    return rule;
}

QString RecurrenceRule::toRRule() const
{
    if (!isValid())
        return {};
    return ruleText(normalized(), true);
}

bool RecurrenceRule::isValid(QString *error) const
{
    const auto fail = [error](const QString &sentence) {
        if (error)
            *error = sentence;
        return false;
    };
    if (interval < 1 || interval > kMaxInterval)
        return fail(QStringLiteral("The interval must be from 1 to %1.").arg(kMaxInterval));
    if (count < 0)
        return fail(QStringLiteral("The number of repeats cannot be negative."));
    if (count > 0 && until.isValid())
        return fail(QStringLiteral("A repeat rule ends either after a number of repeats or on a "
                                   "date, not both."));
    if (frequency == Frequency::Weekly &&
        !std::all_of(weekdays.cbegin(), weekdays.cend(), [](int day) { return isDayOfWeek(day); }))
        return fail(QStringLiteral("A weekly repeat names a day that is not a weekday."));
    if (frequency == Frequency::Monthly && monthlyMode == MonthlyMode::ByMonthDay &&
        !(monthDay >= -1 && monthDay <= 31))
        return fail(QStringLiteral("A monthly repeat must fall on a day from 1 to 31, or the "
                                   "last day."));
    if (frequency == Frequency::Monthly && monthlyMode == MonthlyMode::ByWeekdayPosition &&
        (!isPickerPosition(weekdayPosition) || !isDayOfWeek(weekday)))
        return fail(QStringLiteral("A monthly repeat must fall on the 1st to 4th, or the last, "
                                   "of a weekday."));
    return true;
}

RecurrenceRule RecurrenceRule::normalized() const
{
    RecurrenceRule result = *this;
    const RecurrenceRule defaults;
    if (frequency == Frequency::Weekly) {
        std::sort(result.weekdays.begin(), result.weekdays.end());
        result.weekdays.erase(std::unique(result.weekdays.begin(), result.weekdays.end()),
                              result.weekdays.end());
    } else {
        result.weekdays.clear();
    }
    if (frequency != Frequency::Monthly)
        result.monthlyMode = defaults.monthlyMode;
    if (frequency != Frequency::Monthly || monthlyMode != MonthlyMode::ByMonthDay)
        result.monthDay = defaults.monthDay;
    if (frequency != Frequency::Monthly || monthlyMode != MonthlyMode::ByWeekdayPosition) {
        result.weekdayPosition = defaults.weekdayPosition;
        result.weekday = defaults.weekday;
    }
    return result;
}

QString RecurrenceRule::describe(const QString &language) const
{
    const bool german = language.startsWith(u"de", Qt::CaseInsensitive);
    const RecurrenceRule rule = normalized();
    const QLocale locale(german ? QLocale::German : QLocale::English, QLocale::AnyTerritory);
    const auto dayName = [&locale](Qt::DayOfWeek day) { return locale.dayName(day); };
    // "Monday, Wednesday and Friday" / "Montag, Mittwoch und Freitag".
    const auto joinAnd = [german](QStringList items) {
        const QString last = items.takeLast();
        return items.isEmpty() ? last
                               : items.join(u", "_s) + (german ? u" und "_s : u" and "_s) + last;
    };
    const auto ordinalEn = [](int n) {
        const int tens = n % 100;
        const char *suffix = (tens >= 11 && tens <= 13) ? "th"
                             : n % 10 == 1              ? "st"
                             : n % 10 == 2              ? "nd"
                             : n % 10 == 3              ? "rd"
                                                        : "th";
        return QString::number(n) + QLatin1String(suffix);
    };
    static const char *const positions[][5] = {
        {"last", "first", "second", "third", "fourth"},
        {"letzten", "ersten", "zweiten", "dritten", "vierten"}};

    // "Every day" / "Every 3 days" / "Jeden Tag" / "Alle 3 Tage", by frequency.
    static const char *const units[][4] = {
        {"Every day", "Every %1 days", "Jeden Tag", "Alle %1 Tage"},
        {"Every week", "Every %1 weeks", "Jede Woche", "Alle %1 Wochen"},
        {"Every month", "Every %1 months", "Jeden Monat", "Alle %1 Monate"},
        {"Every year", "Every %1 years", "Jedes Jahr", "Alle %1 Jahre"}};
    const int n = rule.interval;
    const char *const *unit = units[int(rule.frequency)];
    QString text = n == 1 ? QString::fromUtf8(unit[german ? 2 : 0])
                          : QString::fromUtf8(unit[german ? 3 : 1]).arg(n);
    switch (rule.frequency) {
    case Frequency::Daily:
    case Frequency::Yearly:
        break;
    case Frequency::Weekly: {
        const QList<Qt::DayOfWeek> workdays{Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday,
                                            Qt::Friday};
        if (n == 1 && rule.weekdays == workdays) {
            text = german ? u"Jeden Werktag (Montag bis Freitag)"_s
                          : u"Every weekday (Monday to Friday)"_s;
            break;
        }
        if (!rule.weekdays.isEmpty()) {
            QStringList names;
            for (Qt::DayOfWeek day : rule.weekdays)
                names << dayName(day);
            text += (german ? u" am "_s : u" on "_s) + joinAnd(names);
        }
        break;
    }
    case Frequency::Monthly:
        if (rule.monthlyMode == MonthlyMode::ByWeekdayPosition) {
            const char *position = positions[german][std::max(rule.weekdayPosition, 0)];
            text += (german ? u" am "_s : u" on the "_s) + QLatin1String(position) + u' ' +
                    dayName(rule.weekday);
        } else if (rule.monthDay == -1) {
            text += german ? u" am letzten Tag"_s : u" on the last day"_s;
        } else if (rule.monthDay > 0) {
            text +=
                german ? u" am %1."_s.arg(rule.monthDay) : u" on the "_s + ordinalEn(rule.monthDay);
            // Say it, or a user waits for the 31st in April.
            if (rule.monthDay >= 29)
                text += german
                            ? u" (Monate ohne den %1. werden übersprungen)"_s.arg(rule.monthDay)
                            : u" (months without a %1 are skipped)"_s.arg(ordinalEn(rule.monthDay));
        }
        break;
    }

    if (rule.count == 1)
        text += german ? u", einmal"_s : u", once"_s;
    else if (rule.count > 1)
        text += german ? u", %1-mal"_s.arg(rule.count) : u", %1 times"_s.arg(rule.count);
    else if (rule.until.isValid())
        text += german ? u", bis "_s + rule.until.toString(u"dd.MM.yyyy"_s)
                       : u", until "_s + locale.toString(rule.until, u"MMMM d, yyyy"_s);
    return text;
}

Expansion expand(const RecurrenceRule &rule, const QDateTime &start, const QTimeZone &zone,
                 const QDateTime &from, const QDateTime &to, const QList<QDateTime> &exceptions)
{
    Expansion expansion;
    QString invalid;
    if (!rule.isValid(&invalid)) {
        qCWarning(lcRecurrence) << "not expanding an invalid rule:" << invalid;
        return expansion;
    }
    if (!start.isValid())
        return expansion;
    const QSet<qint64> skipped = instants(exceptions);
    OccurrenceSeries series(rule, start, zone);
    while (const std::optional<QDateTime> occurrence = series.next()) {
        if (to.isValid() && *occurrence >= to)
            break;
        if ((!from.isValid() || *occurrence >= from) &&
            !skipped.contains(occurrence->toMSecsSinceEpoch()))
            expansion.occurrences.append(*occurrence);
    }
    expansion.truncated = series.truncated();
    return expansion;
}

std::optional<Advance> advance(const RecurrenceRule &rule, const QDateTime &currentDue,
                               const QTimeZone &zone, const QList<QDateTime> &exceptions)
{
    QString invalid;
    if (!rule.isValid(&invalid)) {
        qCWarning(lcRecurrence) << "not advancing an invalid rule:" << invalid;
        return std::nullopt;
    }
    if (!currentDue.isValid())
        return std::nullopt;
    const QSet<qint64> skipped = instants(exceptions);
    OccurrenceSeries series(rule, currentDue, zone);
    series.next(); // the occurrence being completed
    while (const std::optional<QDateTime> occurrence = series.next()) {
        if (*occurrence <= currentDue || skipped.contains(occurrence->toMSecsSinceEpoch()))
            continue;
        Advance result{*occurrence, rule};
        // Every occurrence before the new due date is used up, skipped ones too.
        if (rule.count > 0)
            result.rule.count = rule.count - (series.produced() - 1);
        return result;
    }
    return std::nullopt;
}

} // namespace mana
