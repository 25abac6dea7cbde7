#include "occurrences.h"

#include "calendarlog.h"
#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"
#include "seriesrecordcache.h"
#include "seriesrule.h"
#include "zoneoffsets.h"

#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace mana::calendar {

namespace {

// An all-day event covers at least its first day, whatever its end says.
int daysOf(const QJsonObject &event)
{
    const QDate first = dateFromJson(event.value("startDate"_L1));
    const QDate end = dateFromJson(event.value("endDate"_L1));
    return std::max<qint64>(1, first.daysTo(end));
}

Occurrence plainOccurrence(const QJsonObject &event)
{
    Occurrence occurrence;
    occurrence.eventId = event.value("id"_L1).toString();
    occurrence.allDay = isAllDay(event);
    occurrence.start = startOf(event);
    occurrence.end = occurrence.allDay ? occurrence.start.addDays(daysOf(event)) : endOf(event);
    if (!occurrence.end.isValid() || occurrence.end < occurrence.start)
        occurrence.end = occurrence.start;
    occurrence.record = event;
    occurrence.calendarId = event.value("calendarId"_L1).toString();
    return occurrence;
}

// The window with its all-day dates worked out once: converting instants
// to the viewer's zone per occurrence was a tenth of a year's expansion.
struct PreparedWindow
{
    explicit PreparedWindow(const Window &window)
        : window(window)
        , firstDate(window.firstDate())
        , endDate(window.endDate())
    {}
    bool intersects(const Occurrence &occurrence) const
    {
        if (!occurrence.allDay)
            return window.intersects(occurrence);
        return occurrence.start.date() < endDate &&
               occurrence.lastDate(QTimeZone::utc()) >= firstDate;
    }
    const Window &window;
    const QDate firstDate;
    const QDate endDate;
};

struct Overrides
{
    // Per series id: the original starts (ms) that have an override.
    QHash<QString, QSet<qint64>> replaced;
};

// Appends the occurrences of one series in `window`, leaving out those an
// override replaces (the override is shown on its own).
void expandSeries(const QJsonObject &series, const SeriesRule &rule, const QTimeZone &zone,
                  const QSet<qint64> &replaced, const PreparedWindow &prepared,
                  QList<Occurrence> *out)
{
    const Window &window = prepared.window;
    Occurrence shape = plainOccurrence(series);
    shape.seriesId = shape.eventId;
    const QList<QDateTime> exceptions = exceptionDatesOf(series);
    const auto add = [&](const QDateTime &start, const QDateTime &end) {
        if (replaced.contains(start.toMSecsSinceEpoch()))
            return;
        Occurrence occurrence = shape;
        occurrence.start = start;
        occurrence.end = end;
        occurrence.recurrenceId = start;
        if (prepared.intersects(occurrence))
            out->append(occurrence);
    };
    if (shape.allDay) {
        const int days = daysOf(series);
        QList<QDate> skipped;
        for (const QDateTime &exception : exceptions)
            skipped.append(exception.date());
        const DateExpansion dates =
            expandDates(rule, shape.start.date(), prepared.firstDate.addDays(1 - days),
                        prepared.endDate, skipped);
        for (QDate date : dates.dates)
            add(midnightUtc(date), midnightUtc(date.addDays(days)));
        return;
    }
    const qint64 duration = shape.start.msecsTo(shape.end);
    // An occurrence intersects when it starts before `to` and ends after
    // `from`, so it may start up to its duration before `from`.
    const QDateTime from = window.from.addMSecs(duration > 0 ? 1 - duration : 0);
    const TimedExpansion starts = expandTimed(rule, shape.start, zone, from, window.to, exceptions);
    for (const QDateTime &start : starts.starts)
        add(start, start.addMSecs(duration));
}

} // namespace

QString Occurrence::title() const
{
    return record.value("title"_L1).toString();
}

namespace {

// The local date of an instant in `zone` through the zone's offset table
// (zoneoffsets.h): QDateTime::toTimeZone asks ICU per call, and the month
// view asks twice per occurrence.
QDate localDate(const QDateTime &instant, const QTimeZone &zone)
{
    if (!instant.isValid() || !zone.isValid())
        return instant.toTimeZone(zone).date();
    const qint64 ms = instant.toMSecsSinceEpoch();
    const qint64 wall = ms + qint64(detail::offsetTable(zone).offsetAt(ms)) * 1000;
    const qint64 day =
        wall >= 0 ? wall / detail::kMsPerDay : (wall - detail::kMsPerDay + 1) / detail::kMsPerDay;
    return QDate(1970, 1, 1).addDays(day);
}

} // namespace

QDate Occurrence::firstDate(const QTimeZone &zone) const
{
    return allDay ? start.date() : localDate(start, zone);
}

QDate Occurrence::lastDate(const QTimeZone &zone) const
{
    if (allDay)
        return end > start ? end.addDays(-1).date() : start.date();
    return localDate(end > start ? end.addMSecs(-1) : start, zone);
}

bool occursBefore(const Occurrence &a, const Occurrence &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    if (a.allDay != b.allDay)
        return a.allDay;
    if (const int byTitle = a.title().compare(b.title(), Qt::CaseInsensitive); byTitle != 0)
        return byTitle < 0;
    if (a.eventId != b.eventId)
        return a.eventId < b.eventId;
    return a.recurrenceId < b.recurrenceId;
}

void sortOccurrences(QList<Occurrence> &occurrences)
{
    // occursBefore's order on keys taken once: a year of 1,000 series is
    // 70,000+ occurrences, and reading a title out of a QJsonObject per
    // comparison cost more than the expansion.
    struct Key
    {
        qint64 start;
        bool allDay;
        QString title;
        qsizetype index;
    };
    QList<Key> keys;
    keys.reserve(occurrences.size());
    for (qsizetype i = 0; i < occurrences.size(); ++i) {
        const Occurrence &occurrence = occurrences.at(i);
        keys.append(
            {occurrence.start.toMSecsSinceEpoch(), occurrence.allDay, occurrence.title(), i});
    }
    std::sort(keys.begin(), keys.end(), [&occurrences](const Key &a, const Key &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.allDay != b.allDay)
            return a.allDay;
        if (const int byTitle = a.title.compare(b.title, Qt::CaseInsensitive); byTitle != 0)
            return byTitle < 0;
        return occursBefore(occurrences.at(a.index), occurrences.at(b.index));
    });
    QList<Occurrence> sorted;
    sorted.reserve(occurrences.size());
    for (const Key &key : std::as_const(keys))
        sorted.append(std::move(occurrences[key.index]));
    occurrences = std::move(sorted);
}

Window Window::forDates(QDate first, QDate last, const QTimeZone &zone)
{
    return {QDateTime(first, QTime(0, 0), zone).toUTC(),
            QDateTime(last.addDays(1), QTime(0, 0), zone).toUTC(), zone};
}

QDate Window::firstDate() const
{
    return from.toTimeZone(viewZone).date();
}

QDate Window::endDate() const
{
    const QDateTime local = to.toTimeZone(viewZone);
    return local.time() == QTime(0, 0) ? local.date() : local.date().addDays(1);
}

bool Window::intersects(const Occurrence &occurrence) const
{
    if (occurrence.allDay)
        return occurrence.firstDate(viewZone) < endDate() &&
               occurrence.lastDate(viewZone) >= firstDate();
    // A zero-length event (a deadline) is in the window its instant is in.
    return occurrence.start < to && (occurrence.end > from || (occurrence.end == occurrence.start &&
                                                               occurrence.start >= from));
}

namespace {

// A series' rule: parsed here, or taken from SeriesRecordCache.
using RuleOfSeries =
    std::function<std::optional<SeriesRule>(const QJsonObject &series, QString *error)>;

QList<Occurrence> collectOccurrences(const QList<QJsonObject> &events,
                                     const QHash<QString, QJsonObject> &calendars,
                                     const Window &window, const QTimeZone &systemZone,
                                     const RuleOfSeries &ruleOfSeries)
{
    QHash<QString, const QJsonObject *> seriesById;
    QList<const QJsonObject *> overrides;
    for (const QJsonObject &event : events) {
        if (isOverride(event))
            overrides.append(&event);
        else if (isSeries(event))
            seriesById.insert(event.value("id"_L1).toString(), &event);
    }

    const PreparedWindow prepared(window);
    QList<Occurrence> result;
    Overrides known;
    for (const QJsonObject *event : std::as_const(overrides)) {
        const QString seriesId = event->value("seriesId"_L1).toString();
        const QDateTime recurrenceId = instantFromJson(event->value("recurrenceId"_L1));
        Occurrence occurrence = plainOccurrence(*event);
        if (const QJsonObject *series = seriesById.value(seriesId)) {
            known.replaced[seriesId].insert(recurrenceId.toMSecsSinceEpoch());
            // A skipped occurrence stays skipped, even if an override of it
            // arrived from another device.
            if (exceptionDatesOf(*series).contains(recurrenceId))
                continue;
            occurrence.seriesId = seriesId;
            occurrence.recurrenceId = recurrenceId;
        }
        if (prepared.intersects(occurrence))
            result.append(occurrence);
    }

    for (const QJsonObject &event : events) {
        if (isOverride(event))
            continue;
        if (!isSeries(event)) {
            const Occurrence occurrence = plainOccurrence(event);
            if (prepared.intersects(occurrence))
                result.append(occurrence);
            continue;
        }
        QString error;
        const std::optional<SeriesRule> rule = ruleOfSeries(event, &error);
        if (!rule) {
            // Shown once rather than not at all: the user can still see
            // and fix it.
            qCWarning(lcCalendar) << "event" << event.value("id"_L1).toString()
                                  << "has an unreadable rule:" << error;
            const Occurrence occurrence = plainOccurrence(event);
            if (prepared.intersects(occurrence))
                result.append(occurrence);
            continue;
        }
        const QString id = event.value("id"_L1).toString();
        const QTimeZone zone = zoneOfEvent(
            event, calendars.value(event.value("calendarId"_L1).toString()), systemZone);
        expandSeries(event, *rule, zone, known.replaced.value(id), prepared, &result);
    }
    sortOccurrences(result);
    return result;
}

} // namespace

QList<Occurrence> occurrencesIn(const QList<QJsonObject> &events,
                                const QHash<QString, QJsonObject> &calendars, const Window &window,
                                const QTimeZone &systemZone)
{
    return collectOccurrences(events, calendars, window, systemZone,
                              [](const QJsonObject &series, QString *error) {
                                  return SeriesRule::parse(ruleOf(series), error);
                              });
}

OccurrenceQuery::OccurrenceQuery(const LocalStore *store)
    : m_store(store)
{}

Collection *OccurrenceQuery::events() const
{
    return m_store ? m_store->collection(QString::fromUtf16(kAppId),
                                         QString::fromUtf16(kEventsCollection))
                   : nullptr;
}

Collection *OccurrenceQuery::calendars() const
{
    return m_store ? m_store->collection(QString::fromUtf16(kAppId),
                                         QString::fromUtf16(kCalendarsCollection))
                   : nullptr;
}

QList<Occurrence> OccurrenceQuery::occurrences(const Window &window, QString *error) const
{
    Collection *eventCollection = events();
    Collection *calendarCollection = calendars();
    if (!eventCollection || !calendarCollection) {
        if (error)
            *error = u"the store has no calendar collections"_s;
        return {};
    }
    QString failure;
    QHash<QString, QJsonObject> calendarsById;
    QSet<QString> hidden;
    for (const QJsonObject &calendar : calendarCollection->query({}, &failure)) {
        const QString id = calendar.value("id"_L1).toString();
        calendarsById.insert(id, calendar);
        if (!calendar.value("isVisible"_L1).toBool(true))
            hidden.insert(id);
    }

    // All-day events are compared by dates in the viewer's zone, which may
    // reach up to a day past the instants: the bounds take both.
    const QDateTime to = std::max(window.to, midnightUtc(window.endDate()));
    const QDateTime from = std::min(window.from, midnightUtc(window.firstDate()));
    Query plain;
    plain.where(u"startDate"_s, Query::Op::Less, instantToJson(to))
        .where(u"endDate"_s, Query::Op::GreaterOrEqual, instantToJson(from))
        .where(u"seriesId"_s, Query::Op::IsNull);
    // A plain event comes from the query (a series matching its dates is
    // left to the cache, an empty rule counts as none); series and
    // overrides come from the cache (a series when it starts before `to`),
    // read from the store only when they changed. Inside a write group the
    // cache is passed by: a rolled-back group announces nothing.
    QList<QJsonObject> records;
    QList<QJsonObject> found = eventCollection->query(plain, &failure);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return {};
    }
    for (QJsonObject &record : found) {
        if (!hidden.contains(record.value("calendarId"_L1).toString()) && !isSeries(record))
            records.append(std::move(record));
    }
    SeriesRecordCache *cache =
        m_store->inWriteGroup() ? nullptr : SeriesRecordCache::of(eventCollection);
    const QHash<QString, CachedSeriesRecord> seriesRecords =
        cache ? cache->records(&failure) : SeriesRecordCache::readOnce(eventCollection, &failure);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return {};
    }
    const qint64 toMs = to.toMSecsSinceEpoch();
    for (const CachedSeriesRecord &entry : seriesRecords) {
        if (hidden.contains(entry.record.value("calendarId"_L1).toString()))
            continue;
        if (entry.isSeries && entry.startMs >= toMs)
            continue;
        records.append(entry.record);
    }
    const auto ruleOfSeries = [&seriesRecords](const QJsonObject &series, QString *ruleError) {
        const auto found = seriesRecords.constFind(series.value("id"_L1).toString());
        if (found == seriesRecords.cend() || !found->isSeries)
            return SeriesRule::parse(ruleOf(series), ruleError);
        *ruleError = found->ruleError;
        return found->rule;
    };
    return collectOccurrences(records, calendarsById, window, m_systemZone, ruleOfSeries);
}

} // namespace mana::calendar
