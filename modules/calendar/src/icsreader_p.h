// The reader behind parseIcs (icsreader.cpp), shared with the event
// reading in icsevent.cpp: libical parses, icslines.h supplies the line
// numbers libical does not know. Internal to manacalendar.
#pragma once

#include "icsimport.h"
#include "icslibical.h"
#include "icslines.h"
#include "icszones.h"

#include <QHash>
#include <QJsonObject>

#include <map>
#include <optional>

namespace mana::calendar::ics {

// The store keeps instants from 1970 to 9999 (wire/timestamp.h).
inline bool storable(const QDateTime &utc)
{
    return utc.isValid() && utc.date().year() >= 1970 && utc.date().year() <= 9999;
}

inline QString storeForm(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

inline QString text(const char *utf8)
{
    return utf8 ? QString::fromUtf8(utf8) : QString();
}

inline QJsonValue optionalText(const char *utf8)
{
    return utf8 && *utf8 ? QJsonValue(QString::fromUtf8(utf8)) : QJsonValue(QJsonValue::Null);
}

// The calendar's colour in the "#RRGGBB" form the app uses: Apple writes
// "#RRGGBBAA", others "#RRGGBB"; names (RFC 7986 allows CSS names) are kept.
inline QString normalizedColor(const QString &color)
{
    const QString trimmed = color.trimmed();
    if (trimmed.startsWith(u'#') && trimmed.size() == 9)
        return trimmed.left(7).toUpper();
    if (trimmed.startsWith(u'#') && trimmed.size() == 7)
        return trimmed.toUpper();
    return trimmed;
}

// What a time in the file is relative to.
struct Zone
{
    enum class Kind { Utc, Floating, Qt, Vtimezone } kind = Kind::Utc;
    QTimeZone qtZone;             // Qt and Floating
    icaltimezone *ical = nullptr; // Vtimezone: made from the file's VTIMEZONE
    QString ianaId;               // what `timezone` gets; empty when no IANA id is known
};

class Reader
{
public:
    Reader(const LineIndex &index, const IcsParseOptions &options)
        : m_index(index)
        , m_options(options)
    {}
    ParsedIcs read(icalcomponent *root);

private:
    void consider(IcsErrorCode code, int line, const QByteArray &property, const QString &text);
    void checkLibicalErrors(icalcomponent *component, int indexComponent);
    void readCalendarInfo(icalcomponent *calendar);
    std::optional<QJsonObject> readEvent(icalcomponent *event, int indexComponent);
    std::optional<Zone> zoneOf(icalproperty *property, const icaltimetype &time, int indexComponent,
                               const char *name);
    // The instant of a DATE-TIME (or the midnight UTC of a DATE) in `zone`;
    // invalid after an error was noted.
    QDateTime instantOf(const icaltimetype &time, const Zone &zone, int indexComponent,
                        const char *name, const QByteArray &value = {});
    QByteArray valueOf(int indexComponent, const char *name) const
    {
        const ContentLine *line = m_index.property(indexComponent, name);
        return line ? line->value : QByteArray();
    }

    const LineIndex &m_index;
    const IcsParseOptions &m_options;
    ParsedIcs m_result;
    TzidMapper m_tzids;
    QHash<QString, icalcomponent *> m_vtimezones; // TZID → the file's VTIMEZONE
    std::map<QString, TimezonePtr> m_icalZones;   // made from them on first use
};

} // namespace mana::calendar::ics
