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

ParsedIcs Reader::read(icalcomponent *root)
{
    // The calendars: libical hands back one VCALENDAR, or several under an
    // XROOT when the file has several; the index knows them in the same order.
    const QList<CalendarComponent> calendars = calendarsOf(root);
    if (calendars.isEmpty())
        return finish();

    for (const CalendarComponent &calendar : calendars) {
        checkLibicalErrors(calendar.component, calendar.index);
        readCalendarInfo(calendar.component);
        collectTimezones(calendar);
        for (icalcomponent *other =
                 icalcomponent_get_first_component(calendar.component, ICAL_ANY_COMPONENT);
             other;
             other = icalcomponent_get_next_component(calendar.component, ICAL_ANY_COMPONENT)) {
            const icalcomponent_kind kind = icalcomponent_isa(other);
            if (kind != ICAL_VEVENT_COMPONENT && kind != ICAL_VTIMEZONE_COMPONENT) {
                const char *name = icalcomponent_kind_to_string(kind);
                ++m_result.skipped[name && *name ? QString::fromLatin1(name) : u"OTHER"_s];
            }
        }
    }
    if (m_error)
        return finish();

    // The events. Series and single ones are kept by UID (a later one with
    // the same UID replaces an earlier one, as a calendar would), overrides
    // by UID and RECURRENCE-ID.
    QList<QJsonObject> events;
    QHash<QString, qsizetype> seriesByUid;
    QList<QJsonObject> overrides;
    QHash<QPair<QString, QString>, qsizetype> overrideByKey;
    QList<QPair<QString, QString>> cancelledInstances; // uid, recurrenceId
    for (const CalendarComponent &calendarComponent : calendars) {
        icalcomponent *calendar = calendarComponent.component;
        const QList<int> indexEvents = indexChildren(calendarComponent.index, "VEVENT");
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
    if (m_error)
        return finish();

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
    return finish();
}

} // namespace ics

using namespace ics;

QString describe(const IcsError &error, const QString &language)
{
    return errorSentence(error, language, IcsItems::Events);
}

ParsedIcs parseIcs(const QByteArray &data, const IcsParseOptions &options)
{
    ParsedIcs result;
    LibicalErrorsNotFatal errorsNotFatal;
    ParsedRoot file = parseRoot(data);
    if (file.error) {
        result.error = file.error;
        return result;
    }
    Reader reader(file.index, options);
    result = reader.read(file.root.get());
    if (result.error) {
        result.events.clear();
        qCInfo(lcCalendar) << "iCalendar file refused:" << describe(result.error, u"en"_s);
    }
    return result;
}

} // namespace mana::calendar
