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

} // namespace

QString formatTimestamp(Millis millisSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(millisSinceEpoch, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
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

    const QDate date(year, month, day);
    const QTime time(hour, minute, second, millis);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    const Millis utc =
        QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch() - Millis(offsetSeconds) * 1000;
    // Years outside 1970..9999 after the offset, too.
    constexpr Millis kYear10000 = 253402300800000LL;
    if (utc < 0 || utc >= kYear10000)
        return std::nullopt;
    return utc;
}

std::optional<QString> canonicalTimestamp(QStringView text)
{
    const auto millis = parseTimestamp(text);
    if (!millis)
        return std::nullopt;
    return formatTimestamp(*millis);
}

} // namespace mana
