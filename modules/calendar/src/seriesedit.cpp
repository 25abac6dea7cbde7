#include "seriesedit.h"

#include "calendarlog.h"
#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"
#include "seriesrule.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace mana::calendar {

namespace {

EditResult failed(EditError error, const QString &detail)
{
    qCDebug(lcCalendar) << "series edit refused:" << int(error) << detail;
    return {error, detail, {}};
}

// The series' fields an override or a split-off series starts from: every
// declared field, without the store's own keys and the series' own parts.
QJsonObject copiedFields(const QJsonObject &series)
{
    QJsonObject fields = series;
    for (const char *key : {"id", "createdAt", "updatedAt", "deletedAt"})
        fields.remove(QLatin1String(key));
    return fields;
}

// Everything one edit needs to know about the series it touches.
struct SeriesContext
{
    Collection *events = nullptr;
    QJsonObject series;
    QString seriesId;
    SeriesRule rule;
    QTimeZone zone;
    bool allDay = false;
    QDateTime seriesStart;
    qint64 seriesDuration = 0; // ms
    QList<QJsonObject> overrides;

    // Occurrences (skipped ones too) before `instant`, as COUNT counts.
    int countBefore(const QDateTime &instant) const
    {
        return allDay ? occurrencesBefore(rule, seriesStart.date(), instant.date())
                      : occurrencesBefore(rule, seriesStart, zone, instant);
    }
};

std::optional<SeriesContext> loadSeries(LocalStore *store, const Occurrence &occurrence,
                                        const QTimeZone &systemZone, EditResult *error)
{
    SeriesContext context;
    context.events =
        store ? store->collection(QString::fromUtf16(kAppId), QString::fromUtf16(kEventsCollection))
              : nullptr;
    if (!context.events) {
        *error = failed(EditError::NoStore, u"no calendar events collection"_s);
        return std::nullopt;
    }
    if (occurrence.seriesId.isEmpty())
        return context; // a plain event: only `events` is needed
    const std::optional<QJsonObject> series = context.events->get(occurrence.seriesId);
    if (!series) {
        *error = failed(EditError::NotFound, occurrence.seriesId);
        return std::nullopt;
    }
    const std::optional<SeriesRule> rule = SeriesRule::parse(ruleOf(*series));
    if (!rule) {
        *error = failed(EditError::InvalidRule, ruleOf(*series));
        return std::nullopt;
    }
    context.series = *series;
    context.seriesId = occurrence.seriesId;
    context.rule = *rule;
    Collection *calendars =
        store->collection(QString::fromUtf16(kAppId), QString::fromUtf16(kCalendarsCollection));
    const QString calendarId = series->value("calendarId"_L1).toString();
    const QJsonObject calendar =
        calendars ? calendars->get(calendarId).value_or(QJsonObject()) : QJsonObject();
    context.zone = zoneOfEvent(*series, calendar, systemZone);
    context.allDay = isAllDay(*series);
    context.seriesStart = startOf(*series);
    context.seriesDuration = std::max<qint64>(0, context.seriesStart.msecsTo(endOf(*series)));
    Query overrides;
    overrides.where(u"seriesId"_s, Query::Op::Equal, context.seriesId);
    QString queryError;
    context.overrides = context.events->query(overrides, &queryError);
    if (!queryError.isEmpty()) {
        *error = failed(EditError::WriteFailed, queryError);
        return std::nullopt;
    }
    return context;
}

// The occurrence's new start and end after `changes`, and how far it moved.
struct Move
{
    QDateTime start;
    QDateTime end;
    qint64 delta = 0; // ms, new start - shown start
};

std::optional<Move> moveOf(const Occurrence &occurrence, const QJsonObject &changes,
                           EditResult *error)
{
    Move move{occurrence.start, occurrence.end, 0};
    for (const char *key : {"startDate", "endDate"}) {
        const QLatin1String name(key);
        if (!changes.contains(name))
            continue;
        const QDateTime value = instantFromJson(changes.value(name));
        if (!value.isValid()) {
            *error = failed(EditError::InvalidChange, name);
            return std::nullopt;
        }
        (name == "startDate"_L1 ? move.start : move.end) = value;
    }
    // A new start alone keeps the duration.
    if (changes.contains("startDate"_L1) && !changes.contains("endDate"_L1))
        move.end = move.start.addMSecs(occurrence.start.msecsTo(occurrence.end));
    if (move.end < move.start) {
        *error = failed(EditError::InvalidChange, u"endDate before startDate"_s);
        return std::nullopt;
    }
    move.delta = occurrence.start.msecsTo(move.start);
    return move;
}

// A write inside the group; on failure the group stops with the store's
// sentence.
bool check(const WriteResult &result, QString *error)
{
    if (!result.ok && error)
        *error = result.error;
    return result.ok;
}

QDateTime recurrenceIdOf(const QJsonObject &override)
{
    return instantFromJson(override.value("recurrenceId"_L1));
}

// Runs `body` as one write group and turns its outcome into an EditResult.
EditResult inOneGroup(LocalStore *store, const std::function<bool(QString *)> &body,
                      const QString *resultId)
{
    QString error;
    if (!store->writeGroup(body, &error))
        return failed(EditError::WriteFailed, error);
    return {EditError::None, {}, *resultId};
}

// The duration the (new) series has: the occurrence's new one when its end
// was changed, else the series' own (an override's differing length stays
// its own).
qint64 newDuration(const SeriesContext &context, const QJsonObject &changes, const Move &move)
{
    return changes.contains("endDate"_L1) ? move.start.msecsTo(move.end) : context.seriesDuration;
}

// The series' first start/end after moving all of it by the move's delta
// (from the series' first start, not the clicked occurrence).
void moveSeries(const SeriesContext &context, const QJsonObject &changes, const Move &move,
                QJsonObject *fields)
{
    const QDateTime start = context.seriesStart.addMSecs(move.delta);
    fields->insert(u"startDate"_s, instantToJson(start));
    fields->insert(u"endDate"_s,
                   instantToJson(start.addMSecs(newDuration(context, changes, move))));
}

QJsonArray shifted(const QList<QDateTime> &dates, qint64 delta)
{
    QList<QDateTime> moved;
    for (const QDateTime &date : dates)
        moved.append(date.addMSecs(delta));
    return exceptionDatesToJson(moved);
}

EditResult editAll(LocalStore *store, const SeriesContext &context, const Occurrence &occurrence,
                   const QJsonObject &changes, const Move &move)
{
    QJsonObject seriesFields = changes;
    const bool clickedOverride = occurrence.eventId != context.seriesId;
    if (changes.contains("startDate"_L1) || changes.contains("endDate"_L1)) {
        moveSeries(context, changes, move, &seriesFields);
        if (move.delta != 0)
            seriesFields.insert(u"exceptionDates"_s,
                                shifted(exceptionDatesOf(context.series), move.delta));
    }
    QString resultId = clickedOverride ? occurrence.eventId : context.seriesId;
    return inOneGroup(
        store,
        [&](QString *error) {
            if (!check(context.events->update(context.seriesId, seriesFields), error))
                return false;
            for (const QJsonObject &override : context.overrides) {
                const QString id = override.value("id"_L1).toString();
                QJsonObject fields;
                if (move.delta != 0)
                    fields.insert(u"recurrenceId"_s,
                                  instantToJson(recurrenceIdOf(override).addMSecs(move.delta)));
                // The occurrence the user changed shows the change.
                if (id == occurrence.eventId)
                    for (auto it = changes.begin(); it != changes.end(); ++it)
                        fields.insert(it.key(), it.value());
                if (!fields.isEmpty() && !check(context.events->update(id, fields), error))
                    return false;
            }
            return true;
        },
        &resultId);
}

EditResult editThis(LocalStore *store, const SeriesContext &context, const Occurrence &occurrence,
                    const QJsonObject &changes)
{
    QString resultId = occurrence.eventId;
    if (occurrence.eventId != context.seriesId) // an override already
        return inOneGroup(
            store,
            [&](QString *error) {
                return check(context.events->update(occurrence.eventId, changes), error);
            },
            &resultId);
    QJsonObject fields = copiedFields(context.series);
    fields.insert(u"recurrenceRule"_s, QJsonValue::Null);
    fields.insert(u"exceptionDates"_s, QJsonValue::Null);
    fields.insert(u"seriesId"_s, context.seriesId);
    fields.insert(u"recurrenceId"_s, instantToJson(occurrence.recurrenceId));
    fields.insert(u"startDate"_s, instantToJson(occurrence.start));
    fields.insert(u"endDate"_s, instantToJson(occurrence.end));
    for (auto it = changes.begin(); it != changes.end(); ++it)
        fields.insert(it.key(), it.value());
    return inOneGroup(
        store,
        [&](QString *error) {
            const WriteResult made = context.events->insert(fields);
            resultId = made.id;
            return check(made, error);
        },
        &resultId);
}

// The old series' rule ending before the occurrence at `split`.
QString ruleEndingBefore(const SeriesContext &context, const QDateTime &split, int before)
{
    if (context.rule.count() > 0)
        return context.rule.withCount(before);
    return context.allDay ? context.rule.withUntil(split.date().addDays(-1))
                          : context.rule.withUntil(split.addSecs(-1));
}

// The old series' fields once it ends before `split`.
QJsonObject endedSeries(const SeriesContext &context, const QDateTime &split, int before)
{
    QList<QDateTime> kept;
    for (const QDateTime &date : exceptionDatesOf(context.series))
        if (date < split)
            kept.append(date);
    return {{u"recurrenceRule"_s, ruleEndingBefore(context, split, before)},
            {u"exceptionDates"_s, exceptionDatesToJson(kept)}};
}

EditResult editFollowing(LocalStore *store, const SeriesContext &context,
                         const Occurrence &occurrence, const QJsonObject &changes, const Move &move)
{
    const QDateTime split = occurrence.recurrenceId;
    const int before = context.countBefore(split);

    QJsonObject fields = copiedFields(context.series);
    // A split-off series is a new iCalendar event: its UID is made at export.
    fields.insert(u"uid"_s, QJsonValue::Null);
    for (auto it = changes.begin(); it != changes.end(); ++it)
        fields.insert(it.key(), it.value());
    const QDateTime newStart = split.addMSecs(move.delta);
    const qint64 duration = newDuration(context, changes, move);
    fields.insert(u"startDate"_s, instantToJson(newStart));
    fields.insert(u"endDate"_s, instantToJson(newStart.addMSecs(duration)));
    if (!changes.contains("recurrenceRule"_L1))
        fields.insert(u"recurrenceRule"_s,
                      context.rule.count() > 0
                          ? context.rule.withCount(context.rule.count() - before)
                          : context.rule.text());
    QList<QDateTime> following;
    for (const QDateTime &date : exceptionDatesOf(context.series))
        if (date >= split)
            following.append(date);
    fields.insert(u"exceptionDates"_s, shifted(following, move.delta));

    QString resultId;
    return inOneGroup(
        store,
        [&](QString *error) {
            if (!check(
                    context.events->update(context.seriesId, endedSeries(context, split, before)),
                    error))
                return false;
            const WriteResult made = context.events->insert(fields);
            if (!check(made, error))
                return false;
            resultId = made.id;
            for (const QJsonObject &override : context.overrides) {
                const QDateTime recurrenceId = recurrenceIdOf(override);
                if (recurrenceId < split)
                    continue;
                const QString id = override.value("id"_L1).toString();
                QJsonObject moved{
                    {u"seriesId"_s, made.id},
                    {u"recurrenceId"_s, instantToJson(recurrenceId.addMSecs(move.delta))}};
                if (id == occurrence.eventId) {
                    for (auto it = changes.begin(); it != changes.end(); ++it)
                        moved.insert(it.key(), it.value());
                    resultId = id;
                }
                if (!check(context.events->update(id, moved), error))
                    return false;
            }
            return true;
        },
        &resultId);
}

// Whether ThisAndFollowing starts at the series' first occurrence, where it
// is the same as AllEvents.
bool isFirst(const SeriesContext &context, const Occurrence &occurrence)
{
    return occurrence.recurrenceId <= context.seriesStart;
}

} // namespace

EditResult editOccurrence(LocalStore *store, const Occurrence &occurrence, EditScope scope,
                          const QJsonObject &changes, const QTimeZone &systemZone)
{
    EditResult error;
    const std::optional<SeriesContext> context = loadSeries(store, occurrence, systemZone, &error);
    if (!context)
        return error;
    QJsonObject fields = changes;
    for (const char *key :
         {"id", "seriesId", "recurrenceId", "createdAt", "updatedAt", "deletedAt"})
        fields.remove(QLatin1String(key));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!context->events->spec().field(it.key()))
            return failed(EditError::InvalidChange, it.key());
    const std::optional<Move> move = moveOf(occurrence, fields, &error);
    if (!move)
        return error;
    if (fields.contains("recurrenceRule"_L1) && !fields.value("recurrenceRule"_L1).isNull() &&
        !SeriesRule::parse(fields.value("recurrenceRule"_L1).toString()))
        return failed(EditError::InvalidRule, fields.value("recurrenceRule"_L1).toString());

    if (!occurrence.isRecurring()) {
        QString resultId = occurrence.eventId;
        return inOneGroup(
            store,
            [&](QString *message) {
                return check(context->events->update(occurrence.eventId, fields), message);
            },
            &resultId);
    }
    if (scope == EditScope::ThisAndFollowing && isFirst(*context, occurrence))
        scope = EditScope::AllEvents;
    switch (scope) {
    case EditScope::ThisEvent:
        return editThis(store, *context, occurrence, fields);
    case EditScope::ThisAndFollowing:
        return editFollowing(store, *context, occurrence, fields, *move);
    case EditScope::AllEvents:
        break;
    }
    return editAll(store, *context, occurrence, fields, *move);
}

EditResult deleteOccurrence(LocalStore *store, const Occurrence &occurrence, EditScope scope,
                            const QTimeZone &systemZone)
{
    EditResult error;
    const std::optional<SeriesContext> context = loadSeries(store, occurrence, systemZone, &error);
    if (!context)
        return error;
    const QString none;
    Collection *events = context->events;
    if (!occurrence.isRecurring())
        return inOneGroup(
            store,
            [&](QString *message) { return check(events->remove(occurrence.eventId), message); },
            &none);
    if (scope == EditScope::ThisAndFollowing && isFirst(*context, occurrence))
        scope = EditScope::AllEvents;

    const QDateTime split = occurrence.recurrenceId;
    // Which overrides go with the occurrences deleted.
    const auto deletes = [&](const QJsonObject &override) {
        const QDateTime recurrenceId = recurrenceIdOf(override);
        switch (scope) {
        case EditScope::ThisEvent:
            return recurrenceId == split;
        case EditScope::ThisAndFollowing:
            return recurrenceId >= split;
        case EditScope::AllEvents:
            return true;
        }
        return false;
    };
    return inOneGroup(
        store,
        [&](QString *message) {
            bool written = true;
            if (scope == EditScope::AllEvents) {
                written = check(events->remove(context->seriesId), message);
            } else if (scope == EditScope::ThisAndFollowing) {
                written =
                    check(events->update(context->seriesId,
                                         endedSeries(*context, split, context->countBefore(split))),
                          message);
            } else {
                QList<QDateTime> skipped = exceptionDatesOf(context->series);
                if (!skipped.contains(split))
                    skipped.append(split);
                std::sort(skipped.begin(), skipped.end());
                written =
                    check(events->update(context->seriesId,
                                         {{u"exceptionDates"_s, exceptionDatesToJson(skipped)}}),
                          message);
            }
            for (const QJsonObject &override : context->overrides) {
                if (written && deletes(override))
                    written = check(events->remove(override.value("id"_L1).toString()), message);
            }
            return written;
        },
        &none);
}

} // namespace mana::calendar
