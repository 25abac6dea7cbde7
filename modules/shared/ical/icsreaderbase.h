// What every iCalendar reader shares (Calendar's VEVENT reader, Todo's
// VTODO reader): the file checked and parsed by libical with the line
// index beside it (icslines.h), the first error by line, libical's
// X-LIC-ERROR complaints placed on their lines, the zones of times (TZID,
// the file's VTIMEZONEs, UTC, floating) and the instants they name in the
// store's range. Free of QObjects and the store: runs on a worker thread.
#pragma once

#include "icserror.h"
#include "icslibical.h"
#include "icslines.h"
#include "icszones.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QTimeZone>

#include <map>
#include <optional>

namespace mana::ical {

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

// A file read by libical, with its line index. `root` is null and `error`
// set when the file was refused before libical saw it (too large, broken
// lines or structure, NUL bytes). Hold a LibicalErrorsNotFatal while
// parsing and reading.
struct ParsedRoot
{
    IcsError error;
    LineIndex index;
    ComponentPtr root;
};
ParsedRoot parseRoot(const QByteArray &data);

// A VCALENDAR of the file and its component in the line index (-1 when
// libical and the index disagree about how many there are).
struct CalendarComponent
{
    icalcomponent *component = nullptr;
    int index = -1;
};

class ReaderBase
{
public:
    ReaderBase(const LineIndex &index, const QTimeZone &floatingZone)
        : m_index(index)
        , m_floatingZone(floatingZone)
    {}
    const IcsError &error() const { return m_error; }

protected:
    // Notes an error; the first in the file (by line) is kept.
    void consider(IcsErrorCode code, int line, const QByteArray &property, const QString &text);
    // libical's X-LIC-ERROR properties of the component, as errors on their lines.
    void checkLibicalErrors(icalcomponent *component, int indexComponent);
    // The VCALENDARs under libical's root (one, or several under an XROOT),
    // paired with the index's. Empty (and NotICalendar noted) when none.
    QList<CalendarComponent> calendarsOf(icalcomponent *root);
    // The index's components of `kind` under `parent`, in order, to pair
    // with libical's.
    QList<int> indexChildren(int parent, const char *kind) const;
    // Checks the calendar's VTIMEZONEs and remembers them by TZID for zoneOf().
    void collectTimezones(const CalendarComponent &calendar);
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
    const QTimeZone m_floatingZone;
    IcsError m_error;
    TzidMapper m_tzids;
    QHash<QString, icalcomponent *> m_vtimezones; // TZID → the file's VTIMEZONE
    std::map<QString, TimezonePtr> m_icalZones;   // made from them on first use
};

} // namespace mana::ical
