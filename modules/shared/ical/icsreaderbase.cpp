// ReaderBase: the parts of an iCalendar reader that are not about events or
// tasks (icsreaderbase.h). Moved from Calendar's reader unchanged.
#include "icsreaderbase.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mana::ical {

ParsedRoot parseRoot(const QByteArray &data)
{
    ParsedRoot parsed;
    if (data.size() > kMaxIcsBytes) {
        parsed.error = {IcsErrorCode::TooLarge, 0, {}, QString::number(data.size())};
        return parsed;
    }
    parsed.index = indexLines(data);
    if (parsed.index.error) {
        parsed.error = parsed.index.error;
        return parsed;
    }
    // libical reads up to a NUL; what follows would be silently lost.
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        parsed.error = {
            IcsErrorCode::BrokenLine, int(data.left(nul).count('\n') + 1), {}, u"NUL"_s};
        return parsed;
    }
    const QByteArray withoutMark = data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    parsed.root.reset(icalparser_parse_string(withoutMark.constData()));
    return parsed;
}

void ReaderBase::consider(IcsErrorCode code, int line, const QByteArray &property,
                          const QString &text)
{
    // The first error in the file is the one reported; one without a line
    // (0) only when no other is known.
    const IcsError &current = m_error;
    if (current && (line == 0 || (current.line != 0 && current.line <= line)))
        return;
    m_error = {code, line, QString::fromLatin1(property), text.left(200)};
}

// libical keeps going after a problem and leaves an X-LIC-ERROR property in
// the component; its text names the property and the value, so the line is
// found among the component's own lines.
void ReaderBase::checkLibicalErrors(icalcomponent *component, int indexComponent)
{
    for (icalproperty *error = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY);
         error; error = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)) {
        const QByteArray message = icalproperty_get_xlicerror(error);
        icalparameter *type = icalproperty_get_first_parameter(error, ICAL_XLICERRORTYPE_PARAMETER);
        const icalparameter_xlicerrortype kind =
            type ? icalparameter_get_xlicerrortype(type) : ICAL_XLICERRORTYPE_NONE;
        // Unknown property and parameter names are extensions we do not
        // read, not damage: other clients ignore them too.
        if (kind == ICAL_XLICERRORTYPE_PROPERTYPARSEERROR ||
            kind == ICAL_XLICERRORTYPE_PARAMETERNAMEPARSEERROR)
            continue;
        // An empty value ("X-WR-CALDESC:", as Google writes it) says nothing;
        // libical drops the property and so do we.
        if (message.startsWith("No value for"))
            continue;
        // "Can't parse as RECUR value in RRULE property. Removing entire property: FREQ=FOO"
        QByteArray property;
        const qsizetype valueStart = message.lastIndexOf(": ");
        const QByteArray value = valueStart < 0 ? QByteArray() : message.mid(valueStart + 2);
        const qsizetype propertyEnd = message.indexOf(" property.");
        if (propertyEnd > 0)
            property = message.left(propertyEnd).mid(message.lastIndexOf(' ', propertyEnd - 1) + 1);
        int line = 0;
        if (!property.isEmpty()) {
            line = m_index.lineOf(indexComponent, property.constData(), value);
        } else if (indexComponent >= 0) {
            // A line libical could not place: find it by its text.
            line = m_index.components[indexComponent].beginLine;
            for (int lineIndex : m_index.components[indexComponent].properties) {
                if (m_index.lines[lineIndex].text == value) {
                    line = m_index.lines[lineIndex].line;
                    break;
                }
            }
        }
        IcsErrorCode code = IcsErrorCode::BadValue;
        if (property == "DTSTART" || property == "DTEND" || property == "EXDATE" ||
            property == "RECURRENCE-ID" || property == "RDATE" || property == "DTSTAMP")
            code = IcsErrorCode::BadDateTime;
        else if (property == "RRULE" || property == "EXRULE")
            code = IcsErrorCode::BadRecurrenceRule;
        else if (property == "DURATION" || property == "TRIGGER")
            code = IcsErrorCode::BadDuration;
        else if ((property == "DUE" || property == "COMPLETED") &&
                 icalcomponent_isa(component) == ICAL_VTODO_COMPONENT)
            code = IcsErrorCode::BadDateTime; // only tasks have these
        consider(code, line, property, QString::fromUtf8(value.isEmpty() ? message : value));
    }
}

QList<CalendarComponent> ReaderBase::calendarsOf(icalcomponent *root)
{
    QList<icalcomponent *> calendars;
    if (root && icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
        calendars.append(root);
    } else if (root) {
        for (icalcomponent *child =
                 icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT);
             child; child = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
            calendars.append(child);
    }
    QList<int> indexCalendars;
    for (int i = 0; i < m_index.components.size(); ++i) {
        if (m_index.components[i].parent < 0 && m_index.components[i].kind == "VCALENDAR")
            indexCalendars.append(i);
    }
    QList<CalendarComponent> paired;
    if (calendars.isEmpty()) {
        consider(IcsErrorCode::NotICalendar, 1, {}, QString::fromUtf8(m_index.lines.value(0).text));
        return paired;
    }
    for (qsizetype c = 0; c < calendars.size(); ++c)
        paired.append(
            {calendars[c], calendars.size() == indexCalendars.size() ? indexCalendars[c] : -1});
    return paired;
}

QList<int> ReaderBase::indexChildren(int parent, const char *kind) const
{
    QList<int> found;
    if (parent < 0)
        return found;
    for (int child : m_index.components[parent].children) {
        if (m_index.components[child].kind == kind)
            found.append(child);
    }
    return found;
}

void ReaderBase::collectTimezones(const CalendarComponent &calendar)
{
    const QList<int> indexZones = indexChildren(calendar.index, "VTIMEZONE");
    int zoneNumber = 0;
    for (icalcomponent *zone =
             icalcomponent_get_first_component(calendar.component, ICAL_VTIMEZONE_COMPONENT);
         zone;
         zone = icalcomponent_get_next_component(calendar.component, ICAL_VTIMEZONE_COMPONENT)) {
        const int indexZone = indexZones.value(zoneNumber++, -1);
        checkLibicalErrors(zone, indexZone);
        for (icalcomponent *part = icalcomponent_get_first_component(zone, ICAL_ANY_COMPONENT);
             part; part = icalcomponent_get_next_component(zone, ICAL_ANY_COMPONENT))
            checkLibicalErrors(part, indexZone);
        if (icalproperty *tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY))
            m_vtimezones.insert(text(icalproperty_get_tzid(tzid)), zone);
    }
}

std::optional<Zone> ReaderBase::zoneOf(icalproperty *property, const icaltimetype &time,
                                       int indexComponent, const char *name)
{
    icalparameter *tzidParameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    Zone zone;
    if (!tzidParameter) {
        if (icaltime_is_utc(time) || time.is_date)
            return zone; // UTC; dates need no zone
        zone.kind = Zone::Kind::Floating;
        zone.qtZone = m_floatingZone;
        zone.ianaId = QString::fromUtf8(m_floatingZone.id());
        return zone;
    }
    const QString tzid = text(icalparameter_get_tzid(tzidParameter));
    // A known IANA id is converted by Qt's zone database, which knows every
    // year's rules; the file's VTIMEZONE of it (Google's, Thunderbird's) says
    // the same for the years it covers.
    const QString iana = m_tzids.ianaId(tzid);
    if (!iana.isEmpty()) {
        zone.kind = iana == u"UTC" ? Zone::Kind::Utc : Zone::Kind::Qt;
        zone.qtZone = QTimeZone(iana.toUtf8());
        zone.ianaId = iana == u"UTC" ? QString() : iana;
        return zone;
    }
    // Any other name ("(UTC+01:00) Amsterdam, Berlin…") is what the file's
    // VTIMEZONE of it says.
    icalcomponent *vtimezone = m_vtimezones.value(tzid);
    if (!vtimezone) {
        consider(IcsErrorCode::UnknownTimeZone,
                 m_index.lineOf(indexComponent, name, valueOf(indexComponent, name)), name, tzid);
        return std::nullopt;
    }
    TimezonePtr &made = m_icalZones[tzid];
    if (!made) {
        made.reset(icaltimezone_new());
        icaltimezone_set_component(made.get(), icalcomponent_new_clone(vtimezone));
    }
    zone.kind = Zone::Kind::Vtimezone;
    zone.ical = made.get();
    icalproperty *location =
        icalcomponent_get_first_property(vtimezone, ICAL_X_PROPERTY); // X-LIC-LOCATION
    for (; location; location = icalcomponent_get_next_property(vtimezone, ICAL_X_PROPERTY)) {
        if (qstricmp(icalproperty_get_x_name(location), "X-LIC-LOCATION") == 0)
            zone.ianaId = m_tzids.ianaId(text(icalproperty_get_x(location)));
    }
    return zone;
}

QDateTime ReaderBase::instantOf(const icaltimetype &time, const Zone &zone, int indexComponent,
                                const char *name, const QByteArray &value)
{
    const QDate date(time.year, time.month, time.day);
    // libical takes "20261301T100000" without complaint.
    const QTime clock(time.hour, time.minute, std::min(time.second, 59));
    if (!date.isValid() || (!time.is_date && !clock.isValid())) {
        const int line = m_index.lineOf(indexComponent, name, value);
        QByteArray shown = value;
        if (shown.isEmpty())
            shown = valueOf(indexComponent, name);
        consider(IcsErrorCode::BadDateTime, line, name, QString::fromUtf8(shown));
        return {};
    }
    QDateTime utc;
    if (time.is_date) {
        utc = QDateTime(date, QTime(0, 0), Qt::UTC);
    } else {
        switch (zone.kind) {
        case Zone::Kind::Utc:
            utc = QDateTime(date, clock, Qt::UTC);
            break;
        case Zone::Kind::Floating:
        case Zone::Kind::Qt:
            utc = QDateTime(date, clock, zone.qtZone).toUTC();
            break;
        case Zone::Kind::Vtimezone: {
            icaltimetype converted = time;
            converted.zone = nullptr;
            icaltimezone_convert_time(&converted, zone.ical, icaltimezone_get_utc_timezone());
            utc = QDateTime(QDate(converted.year, converted.month, converted.day),
                            QTime(converted.hour, converted.minute, converted.second), Qt::UTC);
            break;
        }
        }
    }
    if (!storable(utc)) {
        consider(IcsErrorCode::OutOfRange, m_index.lineOf(indexComponent, name, value), name,
                 QString::fromUtf8(value.isEmpty() ? valueOf(indexComponent, name) : value));
        return {};
    }
    return utc;
}

} // namespace mana::ical
