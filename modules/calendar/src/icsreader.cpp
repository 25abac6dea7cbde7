// parseIcs: a .ics file's bytes as `events` records (docs/calendar.md).
// libical parses; icslines.h supplies the line numbers libical does not
// know. Nothing here touches a QObject or the store, so it runs on a worker
// thread.
#include "calendarlog.h"
#include "icsimport.h"
#include "icslibical.h"
#include "icslines.h"
#include "icszones.h"

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

namespace {

using namespace ics;

// The store keeps instants from 1970 to 9999 (wire/timestamp.h).
bool storable(const QDateTime &utc)
{
    return utc.isValid() && utc.date().year() >= 1970 && utc.date().year() <= 9999;
}

QString storeForm(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QString text(const char *utf8)
{
    return utf8 ? QString::fromUtf8(utf8) : QString();
}

QJsonValue optionalText(const char *utf8)
{
    return utf8 && *utf8 ? QJsonValue(QString::fromUtf8(utf8)) : QJsonValue(QJsonValue::Null);
}

// The calendar's colour in the "#RRGGBB" form the app uses: Apple writes
// "#RRGGBBAA", others "#RRGGBB"; names (RFC 7986 allows CSS names) are kept.
QString normalizedColor(const QString &color)
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

std::optional<QJsonObject> Reader::readEvent(icalcomponent *event, int ic)
{
    icalproperty *startProperty = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (!startProperty) {
        // A DTSTART line libical could not read was dropped: name that line
        // and its value, not the event's BEGIN.
        const QByteArray written = valueOf(ic, "DTSTART");
        if (!written.isEmpty())
            consider(IcsErrorCode::BadDateTime, m_index.lineOf(ic, "DTSTART", written), "DTSTART",
                     QString::fromUtf8(written));
        else
            consider(IcsErrorCode::MissingStart, ic >= 0 ? m_index.components[ic].beginLine : 0,
                     "DTSTART", u"BEGIN:VEVENT"_s);
        return std::nullopt;
    }
    const icaltimetype startTime = icalproperty_get_dtstart(startProperty);
    const auto zone = zoneOf(startProperty, startTime, ic, "DTSTART");
    if (!zone)
        return std::nullopt;
    const QDateTime start = instantOf(startTime, *zone, ic, "DTSTART");
    if (!start.isValid())
        return std::nullopt;
    const bool allDay = startTime.is_date;

    // The end: DTEND, else DURATION, else one day (all-day) or no length.
    QDateTime end;
    const char *endName = "DTEND";
    if (icalproperty *endProperty = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
        const icaltimetype endTime = icalproperty_get_dtend(endProperty);
        const auto endZone = zoneOf(endProperty, endTime, ic, "DTEND");
        if (!endZone)
            return std::nullopt;
        end = instantOf(endTime, *endZone, ic, "DTEND");
        if (!end.isValid())
            return std::nullopt;
        if (allDay && !endTime.is_date)
            end = QDateTime(end.date(), QTime(0, 0), Qt::UTC);
    } else if (icalproperty *duration =
                   icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
        endName = "DURATION";
        const icaldurationtype length = icalproperty_get_duration(duration);
        const int days = int(length.weeks * 7 + length.days);
        const qint64 seconds = qint64(length.hours) * 3600 + length.minutes * 60 + length.seconds;
        const int sign = length.is_neg ? -1 : 1;
        if (allDay) {
            end = start.addDays(sign * std::max(days, 1));
        } else {
            // Days are calendar days in the event's zone (RFC 5545 §3.3.6):
            // P1D across a DST change keeps the wall-clock time.
            QDateTime local = zone->kind == Zone::Kind::Qt || zone->kind == Zone::Kind::Floating
                                  ? start.toTimeZone(zone->qtZone)
                                  : start;
            end = local.addDays(sign * days).addSecs(sign * seconds).toUTC();
        }
    } else {
        end = allDay ? start.addDays(1) : start;
    }
    if (end < start) {
        consider(IcsErrorCode::EndBeforeStart, m_index.lineOf(ic, endName), endName,
                 QString::fromUtf8(valueOf(ic, endName)));
        return std::nullopt;
    }
    if (allDay && end == start)
        end = start.addDays(1); // DTEND equal to DTSTART: clients mean the one day
    if (!storable(end)) {
        consider(IcsErrorCode::OutOfRange, m_index.lineOf(ic, endName), endName,
                 QString::fromUtf8(valueOf(ic, endName)));
        return std::nullopt;
    }

    QJsonObject record;
    record.insert("title"_L1, text(icalcomponent_get_summary(event)));
    record.insert("description"_L1, optionalText(icalcomponent_get_description(event)));
    record.insert("location"_L1, optionalText(icalcomponent_get_location(event)));
    QJsonValue color = QJsonValue::Null;
    if (icalproperty *property = icalcomponent_get_first_property(event, ICAL_COLOR_PROPERTY)) {
        const QString value = normalizedColor(text(icalproperty_get_color(property)));
        if (!value.isEmpty())
            color = value;
    }
    record.insert("color"_L1, color);
    record.insert("startDate"_L1, storeForm(start));
    record.insert("endDate"_L1, storeForm(end));
    record.insert("allDay"_L1, allDay);

    // The RRULE as libical writes it back, UNTIL as the contract wants it.
    QJsonValue rule = QJsonValue::Null;
    if (icalproperty *ruleProperty = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)) {
        icalrecurrencetype recurrence = icalproperty_get_rrule(ruleProperty);
        if (recurrence.freq == ICAL_NO_RECURRENCE) {
            consider(IcsErrorCode::BadRecurrenceRule, m_index.lineOf(ic, "RRULE"), "RRULE",
                     QString::fromUtf8(valueOf(ic, "RRULE")));
            return std::nullopt;
        }
        if (!icaltime_is_null_time(recurrence.until)) {
            const icaltimetype until = recurrence.until;
            if (allDay) {
                recurrence.until.is_date = 1;
                recurrence.until.zone = nullptr;
            } else {
                // A date UNTIL of a timed series means the whole day; a
                // local one means the series' zone (RFC 5545 §3.3.10).
                icaltimetype local = until;
                if (until.is_date) {
                    local.is_date = 0;
                    local.hour = 23;
                    local.minute = 59;
                    local.second = 59;
                }
                const Zone untilZone = icaltime_is_utc(until) ? Zone{} : *zone;
                const QDateTime utc =
                    instantOf(local, untilZone, ic, "RRULE", valueOf(ic, "RRULE"));
                if (!utc.isValid())
                    return std::nullopt;
                recurrence.until = icaltime_from_timet_with_zone(time_t(utc.toSecsSinceEpoch()), 0,
                                                                 icaltimezone_get_utc_timezone());
            }
        }
        char *written = icalrecurrencetype_as_string_r(&recurrence);
        rule = text(written);
        icalmemory_free_buffer(written);
    }
    record.insert("recurrenceRule"_L1, rule);
    record.insert("timezone"_L1, allDay || (zone->kind == Zone::Kind::Utc && rule.isNull())
                                     ? QJsonValue(QJsonValue::Null)
                                 : zone->kind == Zone::Kind::Utc ? QJsonValue(u"UTC"_s)
                                 : zone->ianaId.isEmpty()        ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(zone->ianaId));

    // EXDATE: several lines, several values each (libical splits those).
    // A DATE on a timed series means the occurrence on that day.
    auto occurrenceStart = [&](icalproperty *property, const icaltimetype &time,
                               const char *name) -> QDateTime {
        const auto ownZone = zoneOf(property, time, ic, name);
        if (!ownZone)
            return {};
        const QDateTime instant =
            instantOf(time, *ownZone, ic, name, QByteArray(icaltime_as_ical_string(time)));
        if (!instant.isValid())
            return {};
        if (allDay) // the date as written: all-day events have no zone
            return QDateTime(QDate(time.year, time.month, time.day), QTime(0, 0), Qt::UTC);
        if (!time.is_date)
            return instant;
        icaltimetype onThatDay = startTime; // the series' wall-clock time on that date
        onThatDay.year = time.year;
        onThatDay.month = time.month;
        onThatDay.day = time.day;
        return instantOf(onThatDay, *zone, ic, name, QByteArray(icaltime_as_ical_string(time)));
    };
    QList<QDateTime> exceptions;
    for (icalproperty *exdate = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY);
         exdate; exdate = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)) {
        const QDateTime skipped =
            occurrenceStart(exdate, icalproperty_get_exdate(exdate), "EXDATE");
        if (!skipped.isValid())
            return std::nullopt;
        exceptions.append(skipped);
    }
    std::sort(exceptions.begin(), exceptions.end());
    exceptions.erase(std::unique(exceptions.begin(), exceptions.end()), exceptions.end());
    QJsonArray exceptionDates;
    for (const QDateTime &skipped : std::as_const(exceptions))
        exceptionDates.append(storeForm(skipped));
    record.insert("exceptionDates"_L1, exceptionDates.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                : QJsonValue(exceptionDates));

    // VALARM → minutes before the start; alarms after the start and Apple's
    // placeholder alarms (ACTION:NONE) have no place in the contract.
    QList<int> reminders;
    for (icalcomponent *alarm = icalcomponent_get_first_component(event, ICAL_VALARM_COMPONENT);
         alarm; alarm = icalcomponent_get_next_component(event, ICAL_VALARM_COMPONENT)) {
        icalproperty *action = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
        if (action && icalproperty_get_action(action) == ICAL_ACTION_NONE)
            continue;
        icalproperty *trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
        if (!trigger)
            continue;
        const icaltriggertype value = icalproperty_get_trigger(trigger);
        qint64 secondsBefore = 0;
        if (!icaltime_is_null_time(value.time)) {
            const auto triggerZone = zoneOf(trigger, value.time, ic, "TRIGGER");
            if (!triggerZone)
                return std::nullopt;
            const QDateTime at = instantOf(value.time, *triggerZone, ic, "TRIGGER",
                                           QByteArray(icaltime_as_ical_string(value.time)));
            if (!at.isValid())
                return std::nullopt;
            secondsBefore = at.secsTo(start);
        } else {
            secondsBefore = -qint64(icaldurationtype_as_int(value.duration));
            icalparameter *related =
                icalproperty_get_first_parameter(trigger, ICAL_RELATED_PARAMETER);
            if (related && icalparameter_get_related(related) == ICAL_RELATED_END)
                secondsBefore -= start.secsTo(end);
        }
        if (secondsBefore >= 0 && secondsBefore / 60 <= 10 * 366 * 1440)
            reminders.append(int(secondsBefore / 60));
    }
    std::sort(reminders.begin(), reminders.end());
    reminders.erase(std::unique(reminders.begin(), reminders.end()), reminders.end());
    QJsonArray reminderArray;
    for (int minutes : std::as_const(reminders))
        reminderArray.append(minutes);
    record.insert("reminders"_L1,
                  reminderArray.isEmpty() ? QJsonValue(QJsonValue::Null) : reminderArray);

    record.insert("uid"_L1, optionalText(icalcomponent_get_uid(event)));
    QJsonValue recurrenceId = QJsonValue::Null;
    if (icalproperty *instance =
            icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY)) {
        const QDateTime original =
            occurrenceStart(instance, icalproperty_get_recurrenceid(instance), "RECURRENCE-ID");
        if (!original.isValid())
            return std::nullopt;
        recurrenceId = storeForm(original);
    }
    record.insert("recurrenceId"_L1, recurrenceId);
    return record;
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

} // namespace

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
