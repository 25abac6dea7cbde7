// exportIcs: `events` records as an RFC 5545 file. The text is written here
// (escaped and folded by the shared icswriterbase.h) rather than through
// libical's serializer so line folding never splits a UTF-8 character and
// the output is byte-for-byte predictable; parseIcs() (libical) reads it
// back in the tests and the fuzz target.
#include "calendarlog.h"
#include "icsexport.h"
#include "icswriterbase.h"
#include "icszones.h"
#include "localstore.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>

using namespace Qt::StringLiterals;

namespace mana::calendar {

namespace {

using namespace ical; // escaping, folding, zones (modules/shared/ical)

QDateTime instantOf(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

// How one series' times are written: dates, UTC, or local in a zone.
struct TimeForm
{
    bool allDay = false;
    QTimeZone zone; // invalid: UTC

    // "DTSTART;TZID=Europe/Berlin:20261206T130000" and its siblings.
    QByteArray property(const char *name, const QDateTime &utc) const
    {
        if (allDay)
            return QByteArray(name) +
                   ";VALUE=DATE:" + utc.date().toString(u"yyyyMMdd"_s).toLatin1();
        if (!zone.isValid())
            return QByteArray(name) + ':' + utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
        return QByteArray(name) + ";TZID=" + zone.id() + ':' +
               utc.toTimeZone(zone).toString(u"yyyyMMdd'T'HHmmss"_s).toLatin1();
    }
};

} // namespace

QByteArray exportIcs(const QList<QJsonObject> &allEvents, const IcsExportOptions &options)
{
    QList<QJsonObject> events;
    QHash<QString, qsizetype> byId;
    for (const QJsonObject &event : allEvents) {
        if (!event.value("deletedAt"_L1).isNull() && !event.value("deletedAt"_L1).isUndefined())
            continue;
        byId.insert(event.value("id"_L1).toString(), events.size());
        events.append(event);
    }
    auto uidOf = [](const QJsonObject &event) {
        const QString uid = event.value("uid"_L1).toString();
        return uid.isEmpty() ? event.value("id"_L1).toString() + u"@manacore"_s : uid;
    };
    const QString calendarZone = options.calendarTimezone;
    // The zone a timed event is written in: its own; for series (whose
    // repeats follow local time) the calendar's, else the fallback; single
    // events without one are exact in UTC.
    auto formOf = [&](const QJsonObject &event) {
        TimeForm form;
        form.allDay = event.value("allDay"_L1).toBool();
        if (form.allDay)
            return form;
        const QString own = event.value("timezone"_L1).toString();
        const bool repeats = !event.value("recurrenceRule"_L1).toString().isEmpty();
        QString id = isKnownIanaId(own) ? own : QString();
        if (id.isEmpty() && repeats)
            id = isKnownIanaId(calendarZone) ? calendarZone
                                             : QString::fromUtf8(options.fallbackZone.id());
        if (!id.isEmpty() && id != u"UTC" && isKnownIanaId(id))
            form.zone = QTimeZone(id.toUtf8());
        return form;
    };

    // Which zones are used, and the years they are needed for.
    QMap<QByteArray, QPair<int, int>> zoneYears;
    QList<TimeForm> forms(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject &event = events[i];
        const QString seriesId = event.value("seriesId"_L1).toString();
        const auto series = byId.constFind(seriesId);
        forms[i] =
            seriesId.isEmpty() || series == byId.cend() ? formOf(event) : formOf(events[*series]);
        if (!forms[i].zone.isValid())
            continue;
        const int startYear = instantOf(event.value("startDate"_L1)).date().year();
        int endYear = instantOf(event.value("endDate"_L1)).date().year();
        if (!event.value("recurrenceRule"_L1).toString().isEmpty())
            endYear = std::max(endYear, options.now.date().year()) + 1;
        auto &years = zoneYears[forms[i].zone.id()];
        years = years.first == 0
                    ? qMakePair(startYear, endYear)
                    : qMakePair(std::min(years.first, startYear), std::max(years.second, endYear));
    }

    QByteArray out;
    out.reserve(events.size() * 400 + 1024);
    auto line = [&](const QByteArray &text) { appendFolded(&out, text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//ManaCore//Calendar//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    if (!options.calendarName.isEmpty())
        line("X-WR-CALNAME:" + escapeText(options.calendarName));
    if (isKnownIanaId(calendarZone))
        line("X-WR-TIMEZONE:" + calendarZone.toUtf8());
    if (!options.calendarColor.isEmpty())
        line("X-APPLE-CALENDAR-COLOR:" + escapeText(options.calendarColor));
    for (auto it = zoneYears.cbegin(); it != zoneYears.cend(); ++it)
        out += vtimezoneFor(QTimeZone(it.key()), it->first, it->second);

    const QByteArray stamp = options.now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
    // Series and single events first, then the overrides of those written.
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QJsonObject &event = events[i];
            const QString seriesId = event.value("seriesId"_L1).toString();
            const bool isOverride = !seriesId.isEmpty();
            if (isOverride != (pass == 1))
                continue;
            const auto series = byId.constFind(seriesId);
            const QDateTime original = instantOf(event.value("recurrenceId"_L1));
            if (isOverride && (series == byId.cend() || !original.isValid()))
                continue; // an occurrence of a series that is gone
            const QDateTime start = instantOf(event.value("startDate"_L1));
            QDateTime end = instantOf(event.value("endDate"_L1));
            if (!start.isValid())
                continue;
            const TimeForm &form = forms[i];
            line("BEGIN:VEVENT");
            line("UID:" + escapeText(uidOf(isOverride ? events[*series] : event)));
            line("DTSTAMP:" + stamp);
            line(form.property("DTSTART", start));
            if (end.isValid() && end >= start)
                line(form.property("DTEND", form.allDay && end == start ? end.addDays(1) : end));
            if (isOverride)
                line(form.property("RECURRENCE-ID", original));
            line("SUMMARY:" + escapeText(event.value("title"_L1).toString()));
            for (const char *field : {"description", "location"}) {
                const QString value = event.value(QLatin1String(field)).toString();
                if (!value.isEmpty())
                    line(QByteArray(field).toUpper() + ':' + escapeText(value));
            }
            if (const QString color = event.value("color"_L1).toString(); !color.isEmpty())
                line("COLOR:" + escapeText(color));
            QString rule = event.value("recurrenceRule"_L1).toString().trimmed();
            if (rule.startsWith(u"RRULE:", Qt::CaseInsensitive))
                rule = rule.mid(6);
            if (!rule.isEmpty() && !isOverride) {
                line("RRULE:" + rule.toUtf8());
                for (const QJsonValue &skipped : event.value("exceptionDates"_L1).toArray()) {
                    const QDateTime date = instantOf(skipped);
                    if (date.isValid())
                        line(form.property("EXDATE", date));
                }
            }
            for (const QJsonValue &reminder : event.value("reminders"_L1).toArray()) {
                const int minutes = reminder.toInt(-1);
                if (minutes < 0)
                    continue;
                line("BEGIN:VALARM");
                line("ACTION:DISPLAY");
                line("DESCRIPTION:" + escapeText(event.value("title"_L1).toString()));
                line(minutes == 0 ? QByteArray("TRIGGER:PT0S")
                                  : "TRIGGER:-PT" + QByteArray::number(minutes) + 'M');
                line("END:VALARM");
            }
            line("END:VEVENT");
        }
    }
    line("END:VCALENDAR");
    return out;
}

QByteArray exportIcs(LocalStore *store, const QString &calendarId, QString *error,
                     const QDateTime &now)
{
    Collection *calendars = store ? store->collection(u"calendar"_s, u"calendars"_s) : nullptr;
    Collection *events = store ? store->collection(u"calendar"_s, u"events"_s) : nullptr;
    const auto calendar = calendars ? calendars->get(calendarId) : std::nullopt;
    if (!calendar || !events) {
        if (error)
            *error = u"The calendar \"%1\" does not exist."_s.arg(calendarId);
        return {};
    }
    Query query;
    query.where(u"calendarId"_s, Query::Op::Equal, calendarId).orderBy(u"startDate"_s);
    QString queryError;
    const QList<QJsonObject> records = events->query(query, &queryError);
    if (!queryError.isEmpty()) {
        if (error)
            *error = queryError;
        return {};
    }
    IcsExportOptions options;
    options.calendarName = calendar->value("name"_L1).toString();
    options.calendarColor = calendar->value("color"_L1).toString();
    options.calendarTimezone = calendar->value("timezone"_L1).toString();
    options.now = now;
    return exportIcs(records, options);
}

} // namespace mana::calendar
