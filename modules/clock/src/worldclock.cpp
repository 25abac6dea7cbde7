#include "worldclock.h"

#include <cstdlib>

namespace mana::clock {

namespace {

bool isGerman(const QString &language)
{
    return language == QLatin1String("de");
}

} // namespace

WorldClockInfo describeWorldClock(const QByteArray &zoneId, const QDateTime &at,
                                  const QTimeZone &userZone)
{
    WorldClockInfo info;
    const QTimeZone zone(zoneId);
    if (!zone.isValid() || !at.isValid())
        return info;
    info.valid = true;
    info.localTime = at.toTimeZone(zone);
    info.offsetSeconds = zone.offsetFromUtc(at) - userZone.offsetFromUtc(at);
    const QTime time = info.localTime.time();
    info.isDay = time >= QTime(6, 0) && time < QTime(18, 0);
    info.isDst = zone.isDaylightTime(at);
    info.dayDifference = int(
        std::clamp<qint64>(at.toTimeZone(userZone).date().daysTo(info.localTime.date()), -1, 1));
    return info;
}

QString offsetText(int offsetSeconds, const QString &language)
{
    const bool german = isGerman(language);
    if (offsetSeconds == 0)
        return german ? QStringLiteral("gleiche Zeit") : QStringLiteral("same time");
    const int minutesTotal = std::abs(offsetSeconds) / 60;
    const int hours = minutesTotal / 60;
    const int minutes = minutesTotal % 60;
    const QString sign = offsetSeconds > 0 ? QStringLiteral("+") : QStringLiteral("\u2212");
    const QString hourUnit = german ? QStringLiteral("Std.") : QStringLiteral("h");
    const QString minuteUnit = german ? QStringLiteral("Min.") : QStringLiteral("min");
    if (hours == 0)
        return QStringLiteral("%1%2 %3").arg(sign).arg(minutes).arg(minuteUnit);
    if (minutes == 0)
        return QStringLiteral("%1%2 %3").arg(sign).arg(hours).arg(hourUnit);
    return QStringLiteral("%1%2 %3 %4 %5")
        .arg(sign)
        .arg(hours)
        .arg(hourUnit)
        .arg(minutes)
        .arg(minuteUnit);
}

QString dayText(int dayDifference, const QString &language)
{
    const bool german = isGerman(language);
    if (dayDifference > 0)
        return german ? QStringLiteral("Morgen") : QStringLiteral("Tomorrow");
    if (dayDifference < 0)
        return german ? QStringLiteral("Gestern") : QStringLiteral("Yesterday");
    return german ? QStringLiteral("Heute") : QStringLiteral("Today");
}

} // namespace mana::clock
