#include "eventrecord.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mana::calendar {

QDateTime instantFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString instantToJson(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString dateToJson(QDate date)
{
    return instantToJson(QDateTime(date, QTime(0, 0), Qt::UTC));
}

QDate dateFromJson(const QJsonValue &value)
{
    return instantFromJson(value).date();
}

bool isAllDay(const QJsonObject &event)
{
    return event.value("allDay"_L1).toBool(false);
}

QDateTime startOf(const QJsonObject &event)
{
    return instantFromJson(event.value("startDate"_L1));
}

QDateTime endOf(const QJsonObject &event)
{
    return instantFromJson(event.value("endDate"_L1));
}

QString ruleOf(const QJsonObject &event)
{
    QString rule = event.value("recurrenceRule"_L1).toString().trimmed();
    if (rule.startsWith("RRULE:"_L1, Qt::CaseInsensitive))
        rule = rule.mid(6).trimmed();
    return rule;
}

bool isOverride(const QJsonObject &event)
{
    return !event.value("seriesId"_L1).toString().isEmpty() &&
           instantFromJson(event.value("recurrenceId"_L1)).isValid();
}

bool isSeries(const QJsonObject &event)
{
    // An override is one occurrence even when an import copied the rule
    // onto it.
    return !ruleOf(event).isEmpty() && !isOverride(event);
}

QList<QDateTime> exceptionDatesOf(const QJsonObject &event)
{
    QList<QDateTime> dates;
    for (const QJsonValue &value : event.value("exceptionDates"_L1).toArray()) {
        const QDateTime date = instantFromJson(value);
        if (date.isValid())
            dates.append(date);
    }
    return dates;
}

QJsonArray exceptionDatesToJson(const QList<QDateTime> &dates)
{
    QJsonArray array;
    for (const QDateTime &date : dates)
        array.append(instantToJson(date));
    return array;
}

namespace {

// Making a QTimeZone reads and parses its tzdata file; a month view asks for
// the same few zones hundreds of times.
QTimeZone zoneNamed(const QString &name)
{
    thread_local QHash<QString, QTimeZone> known;
    const auto found = known.constFind(name);
    if (found != known.cend())
        return *found;
    const QTimeZone zone(name.toUtf8());
    known.insert(name, zone);
    return zone;
}

} // namespace

QTimeZone zoneOfEvent(const QJsonObject &event, const QJsonObject &calendar,
                      const QTimeZone &fallback)
{
    for (const QJsonValue &name : {event.value("timezone"_L1), calendar.value("timezone"_L1)}) {
        const QString id = name.toString().trimmed();
        if (id.isEmpty())
            continue;
        if (const QTimeZone zone = zoneNamed(id); zone.isValid())
            return zone;
    }
    return fallback.isValid() ? fallback : QTimeZone::utc();
}

} // namespace mana::calendar
