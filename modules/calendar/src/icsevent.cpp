// Reading one VEVENT into an `events` record (docs/calendar.md, "The
// records"): times and zones, all-day dates, RRULE, EXDATE, RECURRENCE-ID,
// VALARM. Part of parseIcs (icsreader.cpp).
#include "calendarlog.h"
#include "icsreader_p.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mana::calendar::ics {

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

} // namespace mana::calendar::ics
