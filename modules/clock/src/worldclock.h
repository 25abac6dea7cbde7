// What a world clock shows for an IANA zone at a moment: the local time
// there, the difference to the user's zone, day or night, DST, and whether
// it is already tomorrow or still yesterday there.
//
// Day is 06:00 to 18:00 local time (docs/clock.md): a fixed rule rather than
// sunrise and sunset, which need coordinates a time zone does not have, and
// what GNOME Clocks does too.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace mana::clock {

struct WorldClockInfo
{
    bool valid = false;    // false for an unknown zone id
    QDateTime localTime;   // the moment, in the zone
    int offsetSeconds = 0; // the zone's UTC offset minus the user's, now
    bool isDay = false;    // 06:00 ≤ local time < 18:00
    bool isDst = false;    // daylight saving time in effect there
    int dayDifference = 0; // its date minus the user's date: -1, 0 or 1
};

WorldClockInfo describeWorldClock(const QByteArray &zoneId, const QDateTime &at,
                                  const QTimeZone &userZone);

// "+8 h", "−5 h 30 min", "same time"; German "+8 Std.", "−5 Std. 30 Min.",
// "gleiche Zeit". The minus is U+2212, as in print.
QString offsetText(int offsetSeconds, const QString &language);
// "Today", "Tomorrow", "Yesterday" / "Heute", "Morgen", "Gestern".
QString dayText(int dayDifference, const QString &language);

} // namespace mana::clock
