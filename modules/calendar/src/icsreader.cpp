// parseIcs: a .ics file's bytes as `events` records (docs/calendar.md).
// libical parses; icslines.h supplies the line numbers libical does not
// know. Nothing here touches a QObject or the store, so it runs on a worker
// thread.
#include "calendarlog.h"
#include "icsreader_p.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <map>
#include <optional>

using namespace Qt::StringLiterals;

namespace mana::calendar {

int ParsedIcs::skippedCount() const
{
    int total = 0;
    for (int count : skipped)
        total += count;
    return total;
}

namespace ics {

void Reader::consider(IcsErrorCode code, int line, const QByteArray &property, const QString &text)
{
    // The first error in the file is the one reported; one without a line
    // (0) only when no other is known.
    const IcsError &current = m_result.error;
    if (current && (line == 0 || (current.line != 0 && current.line <= line)))
        return;
    m_result.error = {code, line, QString::fromLatin1(property), text.left(200)};
}

// libical keeps going after a problem and leaves an X-LIC-ERROR property in
// the component; its text names the property and the value, so the line is
// found among the component's own lines.
void Reader::checkLibicalErrors(icalcomponent *component, int indexComponent)
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
        consider(code, line, property, QString::fromUtf8(value.isEmpty() ? message : value));
    }
}

void Reader::readCalendarInfo(icalcomponent *calendar)
{
    auto xValue = [&](const char *name) {
        for (icalproperty *property = icalcomponent_get_first_property(calendar, ICAL_X_PROPERTY);
             property; property = icalcomponent_get_next_property(calendar, ICAL_X_PROPERTY)) {
            if (qstricmp(icalproperty_get_x_name(property), name) == 0)
                return text(icalproperty_get_x(property));
        }
        return QString();
    };
    IcsCalendarInfo &info = m_result.calendar;
    if (info.name.isEmpty())
        info.name = xValue("X-WR-CALNAME");
    if (info.name.isEmpty()) {
        if (icalproperty *name = icalcomponent_get_first_property(calendar, ICAL_NAME_PROPERTY))
            info.name = text(icalproperty_get_name(name));
    }
    if (info.color.isEmpty())
        info.color = normalizedColor(xValue("X-APPLE-CALENDAR-COLOR"));
    if (info.color.isEmpty()) {
        if (icalproperty *color = icalcomponent_get_first_property(calendar, ICAL_COLOR_PROPERTY))
            info.color = normalizedColor(text(icalproperty_get_color(color)));
    }
    if (info.timezone.isEmpty())
        info.timezone = m_tzids.ianaId(xValue("X-WR-TIMEZONE"));
}

std::optional<Zone> Reader::zoneOf(icalproperty *property, const icaltimetype &time,
                                   int indexComponent, const char *name)
{
    icalparameter *tzidParameter = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
    Zone zone;
    if (!tzidParameter) {
        if (icaltime_is_utc(time) || time.is_date)
            return zone; // UTC; dates need no zone
        zone.kind = Zone::Kind::Floating;
        zone.qtZone = m_options.floatingZone;
        zone.ianaId = QString::fromUtf8(m_options.floatingZone.id());
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

QDateTime Reader::instantOf(const icaltimetype &time, const Zone &zone, int indexComponent,
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

ParsedIcs Reader::read(icalcomponent *root)
{
    // The calendars: libical hands back one VCALENDAR, or several under an
    // XROOT when the file has several; the index knows them in the same order.
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
    if (calendars.isEmpty()) {
        consider(IcsErrorCode::NotICalendar, 1, {}, QString::fromUtf8(m_index.lines.value(0).text));
        return std::move(m_result);
    }
    // Index components of a kind under a parent, in order, to pair with
    // libical's; -1 (no line known) when the two disagree.
    auto indexChildren = [&](int parent, const char *kind) {
        QList<int> found;
        if (parent < 0)
            return found;
        for (int child : m_index.components[parent].children) {
            if (m_index.components[child].kind == kind)
                found.append(child);
        }
        return found;
    };

    for (qsizetype c = 0; c < calendars.size(); ++c) {
        icalcomponent *calendar = calendars[c];
        const int indexCalendar =
            calendars.size() == indexCalendars.size() ? indexCalendars[c] : -1;
        checkLibicalErrors(calendar, indexCalendar);
        readCalendarInfo(calendar);
        const QList<int> indexZones = indexChildren(indexCalendar, "VTIMEZONE");
        int zoneNumber = 0;
        for (icalcomponent *zone =
                 icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT);
             zone; zone = icalcomponent_get_next_component(calendar, ICAL_VTIMEZONE_COMPONENT)) {
            const int indexZone = indexZones.value(zoneNumber++, -1);
            checkLibicalErrors(zone, indexZone);
            for (icalcomponent *part = icalcomponent_get_first_component(zone, ICAL_ANY_COMPONENT);
                 part; part = icalcomponent_get_next_component(zone, ICAL_ANY_COMPONENT))
                checkLibicalErrors(part, indexZone);
            if (icalproperty *tzid = icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY))
                m_vtimezones.insert(text(icalproperty_get_tzid(tzid)), zone);
        }
        for (icalcomponent *other = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT);
             other; other = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT)) {
            const icalcomponent_kind kind = icalcomponent_isa(other);
            if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTIMEZONE_COMPONENT) {
                const char *name = icalcomponent_kind_to_string(kind);
                ++m_result.skipped[name && *name ? QString::fromLatin1(name) : u"OTHER"_s];
            }
        }
    }
    if (m_result.error)
        return std::move(m_result);

    // The events. Series and single ones are kept by UID (a later one with
    // the same UID replaces an earlier one, as a calendar would), overrides
    // by UID and RECURRENCE-ID.
    QList<QJsonObject> events;
    QHash<QString, qsizetype> seriesByUid;
    QList<QJsonObject> overrides;
    QHash<QPair<QString, QString>, qsizetype> overrideByKey;
    QList<QPair<QString, QString>> cancelledInstances; // uid, recurrenceId
    for (qsizetype c = 0; c < calendars.size(); ++c) {
        icalcomponent *calendar = calendars[c];
        const int indexCalendar =
            calendars.size() == indexCalendars.size() ? indexCalendars[c] : -1;
        const QList<int> indexEvents = indexChildren(indexCalendar, "VEVENT");
        int eventNumber = 0;
        for (icalcomponent *event =
                 icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
             event; event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
            const int ic = indexEvents.value(eventNumber++, -1);
            checkLibicalErrors(event, ic);
            const QList<int> indexAlarms = indexChildren(ic, "VALARM");
            int alarmNumber = 0;
            for (icalcomponent *alarm =
                     icalcomponent_get_first_component(event, ICAL_ANY_COMPONENT);
                 alarm; alarm = icalcomponent_get_next_component(event, ICAL_ANY_COMPONENT)) {
                if (icalcomponent_isa(alarm) == ICAL_VALARM_COMPONENT)
                    checkLibicalErrors(alarm, indexAlarms.value(alarmNumber++, -1));
            }
            std::optional<QJsonObject> record = readEvent(event, ic);
            if (!record)
                continue; // the error is noted; keep looking for an earlier one
            const QString uid = record->value("uid"_L1).toString();
            const bool cancelled = icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED;
            const QJsonValue recurrenceId = record->value("recurrenceId"_L1);
            if (!recurrenceId.isNull()) {
                if (cancelled) {
                    cancelledInstances.append({uid, recurrenceId.toString()});
                    continue;
                }
                const QPair<QString, QString> key{uid, recurrenceId.toString()};
                if (const auto known = overrideByKey.constFind(key);
                    known != overrideByKey.cend()) {
                    overrides[*known] = *record;
                    ++m_result.skipped[u"DUPLICATE"_s];
                } else {
                    overrideByKey.insert(key, overrides.size());
                    overrides.append(*record);
                }
                continue;
            }
            if (cancelled) {
                ++m_result.skipped[u"CANCELLED"_s];
                continue;
            }
            if (const auto known = seriesByUid.constFind(uid);
                !uid.isEmpty() && known != seriesByUid.cend()) {
                events[*known] = *record;
                ++m_result.skipped[u"DUPLICATE"_s];
            } else {
                if (!uid.isEmpty())
                    seriesByUid.insert(uid, events.size());
                events.append(*record);
            }
        }
    }
    if (m_result.error)
        return std::move(m_result);

    // A cancelled instance is an occurrence that does not take place: an
    // exception date of its series (and no override of it survives).
    for (const auto &[uid, recurrenceId] : std::as_const(cancelledInstances)) {
        const auto series = seriesByUid.constFind(uid);
        if (uid.isEmpty() || series == seriesByUid.cend()) {
            ++m_result.skipped[u"CANCELLED"_s];
            continue;
        }
        QJsonObject &record = events[*series];
        QJsonArray dates = record.value("exceptionDates"_L1).toArray();
        if (!dates.contains(recurrenceId)) {
            dates.append(recurrenceId);
            QStringList sorted;
            for (const QJsonValue &date : std::as_const(dates))
                sorted.append(date.toString());
            sorted.sort();
            record.insert("exceptionDates"_L1, QJsonArray::fromStringList(sorted));
        }
        if (const auto instance = overrideByKey.constFind({uid, recurrenceId});
            instance != overrideByKey.cend())
            overrides[*instance] = {};
    }
    m_result.events = std::move(events);
    for (QJsonObject &instance : overrides) {
        if (!instance.isEmpty())
            m_result.events.append(std::move(instance));
    }
    return std::move(m_result);
}

} // namespace ics

using namespace ics;

ParsedIcs parseIcs(const QByteArray &data, const IcsParseOptions &options)
{
    ParsedIcs result;
    if (data.size() > kMaxIcsBytes) {
        result.error = {IcsErrorCode::TooLarge, 0, {}, QString::number(data.size())};
        return result;
    }
    const LineIndex index = indexLines(data);
    if (index.error) {
        result.error = index.error;
        return result;
    }
    // libical reads up to a NUL; what follows would be silently lost.
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        result.error = {
            IcsErrorCode::BrokenLine, int(data.left(nul).count('\n') + 1), {}, u"NUL"_s};
        return result;
    }
    LibicalErrorsNotFatal errorsNotFatal;
    const QByteArray withoutMark = data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
    ComponentPtr root(icalparser_parse_string(withoutMark.constData()));
    Reader reader(index, options);
    result = reader.read(root.get());
    if (result.error) {
        result.events.clear();
        qCInfo(lcCalendar) << "iCalendar file refused:" << describe(result.error, u"en"_s);
    }
    return result;
}

} // namespace mana::calendar
