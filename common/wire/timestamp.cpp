#include "timestamp.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace mana {

namespace {

// Reads exactly `count` ASCII digits at `pos`; -1 when they are not digits.
int readDigits(QStringView text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text[pos + i];
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
// Hinnant's civil-date algorithms). Written out because timestamps are
// formatted and parsed for every field of every synced change, and going
// through QDateTime costs several times more.
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

void civilFromDays(qint64 days, int *year, int *month, int *day)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    *day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    *month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    *year = int(yearOfEra + era * 400 + (*month <= 2 ? 1 : 0));
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

} // namespace

QString formatTimestamp(Millis millisSinceEpoch)
{
    const qint64 days = millisSinceEpoch >= 0 ? millisSinceEpoch / 86400000
                                              : (millisSinceEpoch - 86399999) / 86400000;
    const qint64 msOfDay = millisSinceEpoch - days * 86400000;
    int year = 0, month = 0, day = 0;
    civilFromDays(days, &year, &month, &day);
    char text[25];
    auto put = [&text](int at, qint64 value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    put(0, year, 4);
    text[4] = '-';
    put(5, month, 2);
    text[7] = '-';
    put(8, day, 2);
    text[10] = 'T';
    put(11, msOfDay / 3600000, 2);
    text[13] = ':';
    put(14, msOfDay / 60000 % 60, 2);
    text[16] = ':';
    put(17, msOfDay / 1000 % 60, 2);
    text[19] = '.';
    put(20, msOfDay % 1000, 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

// A hand-written parser rather than QDateTime::fromString(Qt::ISODateWithMs):
// that one accepts dates without a time and local times without an offset,
// which would make the same text mean different instants on different
// machines.
std::optional<Millis> parseTimestamp(QStringView text)
{
    // yyyy-MM-ddTHH:mm:ss
    if (text.size() < 20)
        return std::nullopt;
    const int year = readDigits(text, 0, 4);
    const int month = readDigits(text, 5, 2);
    const int day = readDigits(text, 8, 2);
    const int hour = readDigits(text, 11, 2);
    const int minute = readDigits(text, 14, 2);
    const int second = readDigits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    if (text[4] != u'-' || text[7] != u'-' || (text[10] != u'T' && text[10] != u't') ||
        text[13] != u':' || text[16] != u':')
        return std::nullopt;

    qsizetype pos = 19;
    int millis = 0;
    if (pos < text.size() && text[pos] == u'.') {
        ++pos;
        int digits = 0;
        while (pos < text.size() && text[pos] >= u'0' && text[pos] <= u'9') {
            if (digits < 3)
                millis = millis * 10 + (text[pos].unicode() - u'0');
            ++digits;
            ++pos;
        }
        if (digits == 0 || digits > 9)
            return std::nullopt;
        for (int i = digits; i < 3; ++i)
            millis *= 10;
    }

    int offsetSeconds = 0;
    if (pos >= text.size())
        return std::nullopt; // no zone: ambiguous
    if (text[pos] == u'Z' || text[pos] == u'z') {
        ++pos;
    } else if (text[pos] == u'+' || text[pos] == u'-') {
        const int sign = text[pos] == u'+' ? 1 : -1;
        const int offsetHours = readDigits(text, pos + 1, 2);
        if (offsetHours < 0 || pos + 3 >= text.size() || text[pos + 3] != u':')
            return std::nullopt;
        const int offsetMinutes = readDigits(text, pos + 4, 2);
        if (offsetMinutes < 0 || offsetHours > 23 || offsetMinutes > 59)
            return std::nullopt;
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;

    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 59)
        return std::nullopt;
    const Millis utc = ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000LL +
                       second * 1000LL + millis - Millis(offsetSeconds) * 1000;
    // Years outside 1970..9999 after the offset, too.
    constexpr Millis kYear10000 = 253402300800000LL;
    if (utc < 0 || utc >= kYear10000)
        return std::nullopt;
    return utc;
}

std::optional<QString> canonicalTimestamp(QStringView text)
{
    // Already canonical (what every timestamp of ours looks like): valid
    // means parseable, and the text is kept as it is.
    if (text.size() == 24 && text[23] == u'Z' && text[19] == u'.' && text[10] == u'T') {
        if (!parseTimestamp(text))
            return std::nullopt;
        return text.toString();
    }
    const auto millis = parseTimestamp(text);
    if (!millis)
        return std::nullopt;
    return formatTimestamp(*millis);
}

} // namespace mana
