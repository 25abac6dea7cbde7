#include "alarmschedule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace mana::clock {

namespace {

// Wide enough for any alarm: a weekly rule rings within 7 days; one day more
// on each side covers the hours between UTC and the local date.
constexpr int kDaysAhead = 8;

QList<int> parseRepeatDays(const QJsonValue &value)
{
    QJsonArray array;
    if (value.isArray())
        array = value.toArray();
    else if (value.isString()) // a json field written as text by an older client
        array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    QList<int> days;
    for (const QJsonValue &day : array) {
        if (!day.isDouble())
            continue;
        const double number = day.toDouble();
        if (number >= 0 && number <= 6 && number == int(number) && !days.contains(int(number)))
            days.append(int(number));
    }
    std::sort(days.begin(), days.end());
    return days;
}

} // namespace

QTime parseAlarmTime(const QString &text)
{
    QTime time = QTime::fromString(text.trimmed(), QStringLiteral("HH:mm"));
    if (!time.isValid())
        time = QTime::fromString(text.trimmed(), QStringLiteral("H:mm"));
    return time;
}

int weekdayIndex(const QDate &day)
{
    return day.dayOfWeek() % 7; // Qt: 1 = Monday … 7 = Sunday
}

bool AlarmRule::ringsOn(const QDate &day) const
{
    return time.isValid() && (repeatDays.isEmpty() || repeatDays.contains(weekdayIndex(day)));
}

AlarmRule AlarmRule::fromRecord(const QJsonObject &alarm)
{
    AlarmRule rule;
    rule.time = parseAlarmTime(alarm.value(QLatin1String("time")).toString());
    rule.repeatDays = parseRepeatDays(alarm.value(QLatin1String("repeatDays")));
    return rule;
}

QDateTime ringTimeOn(const QDate &day, const QTime &time, const QTimeZone &zone)
{
    if (!day.isValid() || !time.isValid())
        return {};
    if (!zone.isValid() || !zone.hasTransitions())
        return QDateTime(day, time, zone.isValid() ? zone : QTimeZone::systemTimeZone()).toUTC();

    // The wall-clock time read as if it were UTC; the real moment is it minus
    // the zone's offset. The offsets a day before and after are the ones that
    // can be in force that day (no zone changes twice within a day).
    const QDateTime wallAsUtc(day, time, Qt::UTC);
    const int offsets[] = {zone.offsetFromUtc(wallAsUtc.addDays(-1)),
                           zone.offsetFromUtc(wallAsUtc.addDays(1))};
    QDateTime earliest;
    for (const int offset : offsets) {
        const QDateTime candidate = wallAsUtc.addSecs(-offset);
        // Only a moment whose own offset is the one assumed shows this time;
        // both do when the time exists twice: the first one rings.
        if (zone.offsetFromUtc(candidate) == offset &&
            (!earliest.isValid() || candidate < earliest))
            earliest = candidate;
    }
    if (earliest.isValid())
        return earliest;

    // In the gap of a spring-forward: ring when the clocks jump, the first
    // moment whose local time is past the alarm's.
    const QDateTime before =
        std::min(wallAsUtc.addSecs(-offsets[0]), wallAsUtc.addSecs(-offsets[1]));
    const QTimeZone::OffsetData transition = zone.nextTransition(before.addSecs(-1));
    return transition.atUtc.isValid() ? transition.atUtc.toUTC()
                                      : QDateTime(day, time, zone).toUTC();
}

QDateTime nextRingTime(const AlarmRule &rule, const QDateTime &from, const QTimeZone &zone)
{
    if (!rule.time.isValid() || !from.isValid())
        return {};
    const QDate first = from.toTimeZone(zone).date().addDays(-1);
    for (int offset = 0; offset <= kDaysAhead + 1; ++offset) {
        const QDate day = first.addDays(offset);
        if (!rule.ringsOn(day))
            continue;
        const QDateTime ringAt = ringTimeOn(day, rule.time, zone);
        if (ringAt.isValid() && ringAt >= from)
            return ringAt;
    }
    return {};
}

QDateTime latestRingTimeIn(const AlarmRule &rule, const QDateTime &after, const QDateTime &upTo,
                           const QTimeZone &zone)
{
    if (!rule.time.isValid() || !after.isValid() || !upTo.isValid() || upTo <= after)
        return {};
    const QDate last = upTo.toTimeZone(zone).date().addDays(1);
    const QDate first =
        std::max(after.toTimeZone(zone).date().addDays(-1), last.addDays(-kDaysAhead - 1));
    for (QDate day = last; day >= first; day = day.addDays(-1)) {
        if (!rule.ringsOn(day))
            continue;
        const QDateTime ringAt = ringTimeOn(day, rule.time, zone);
        if (ringAt.isValid() && ringAt > after && ringAt <= upTo)
            return ringAt;
        if (ringAt.isValid() && ringAt <= after)
            return {};
    }
    return {};
}

} // namespace mana::clock
