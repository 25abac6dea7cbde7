// Time zones for the iCalendar reader and writer (internal to manacalendar):
// which IANA zone a file's TZID means, and the VTIMEZONE a written file
// carries for a zone.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QTimeZone>

namespace mana::ical {

// The IANA id a TZID names, or an empty string. Accepts the id itself
// ("Europe/Berlin", as Google, Apple and Thunderbird write it), an id at the
// end of a path ("/freeassociation.sourceforge.net/Tzfile/Europe/Berlin",
// "/mozilla.org/20050126_1/Europe/Berlin"), a Windows name ("W. Europe
// Standard Time", as Outlook writes it) and UTC/GMT. Remembers its answers,
// because asking Qt whether an id exists reads the zone database.
class TzidMapper
{
public:
    QString ianaId(const QString &tzid);

private:
    QHash<QString, QString> m_known;
};

// Whether Qt knows `ianaId` (cached for the process; thread-safe).
bool isKnownIanaId(const QString &ianaId);

// A VTIMEZONE for `zone` (TZID = its IANA id) with the offsets it had and
// will have from `fromYear` to `toYear`, taken from Qt's transitions. The
// last daylight and standard observances repeat yearly (an RRULE) when the
// zone keeps doing so, so readers get series beyond `toYear` right too.
// Unfolded lines with CRLF.
QByteArray vtimezoneFor(const QTimeZone &zone, int fromYear, int toYear);

} // namespace mana::ical
