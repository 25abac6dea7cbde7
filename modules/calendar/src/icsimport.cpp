// writeParsedIcs: the records of a parsed .ics file into one calendar of
// the store, in ONE write group (all or nothing), matching what is already
// there by uid (and recurrenceId) so a re-import updates instead of
// duplicating.
#include "icsimport.h"
#include "calendarlog.h"
#include "localstore.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace mana::calendar {

namespace {

const QString kUid = u"uid"_s;
const QString kRecurrenceId = u"recurrenceId"_s;
const QString kSeriesId = u"seriesId"_s;
const QString kCalendarId = u"calendarId"_s;
const QString kExceptionDates = u"exceptionDates"_s;

// Stored records and file records meet under this key.
QString keyOf(const QJsonObject &record)
{
    return record.value(kUid).toString() + u'\x1f' + record.value(kRecurrenceId).toString();
}

// The fields of `incoming` that differ from `stored`. A colour the file
// does not set leaves the one given here alone.
QJsonObject changedFields(const QJsonObject &stored, const QJsonObject &incoming)
{
    QJsonObject changes;
    for (auto it = incoming.begin(); it != incoming.end(); ++it) {
        if (it.key() == u"color" && it.value().isNull())
            continue;
        if (stored.value(it.key()) != it.value())
            changes.insert(it.key(), it.value());
    }
    return changes;
}

} // namespace

IcsImportResult writeParsedIcs(LocalStore *store, const QString &calendarId,
                               const ParsedIcs &parsed)
{
    IcsImportResult result;
    result.calendar = parsed.calendar;
    result.skipped = parsed.skippedCount();
    result.skippedByKind = parsed.skipped;
    if (parsed.error) {
        result.error = parsed.error;
        return result;
    }
    Collection *calendars = store ? store->collection(u"calendar"_s, u"calendars"_s) : nullptr;
    Collection *events = store ? store->collection(u"calendar"_s, u"events"_s) : nullptr;
    if (!calendars || !events || !calendars->get(calendarId)) {
        result.error = {IcsErrorCode::CalendarNotFound, 0, {}, calendarId};
        return result;
    }

    // What the calendar already holds under the file's uids.
    QString error;
    Query existingQuery;
    existingQuery.where(kCalendarId, Query::Op::Equal, calendarId)
        .where(kUid, Query::Op::IsNotNull);
    QHash<QString, QJsonObject> existing;
    for (QJsonObject &record : events->query(existingQuery, &error))
        existing.insert(keyOf(record), std::move(record));
    if (!error.isEmpty()) {
        result.error = {IcsErrorCode::StoreFailed, 0, {}, error};
        return result;
    }

    int added = 0, updated = 0, unchanged = 0;
    const bool written = store->writeGroup(
        [&](QString *groupError) {
            // Series and single events first, so overrides can name their ids.
            QHash<QString, QString> seriesIdByUid;
            QList<QJsonObject> inserts;
            QList<QString> insertUids;
            auto upsert = [&](QJsonObject record, bool isSeries) {
                const auto stored = existing.constFind(keyOf(record));
                if (record.value(kUid).isNull() || stored == existing.cend()) {
                    record.insert(kCalendarId, calendarId);
                    if (isSeries)
                        insertUids.append(record.value(kUid).toString());
                    inserts.append(std::move(record));
                    return true;
                }
                const QString id = stored->value(u"id"_s).toString();
                if (isSeries)
                    seriesIdByUid.insert(record.value(kUid).toString(), id);
                const QJsonObject changes = changedFields(*stored, record);
                if (changes.isEmpty()) {
                    ++unchanged;
                    return true;
                }
                const WriteResult update = events->update(id, changes);
                if (!update)
                    *groupError = update.error;
                ++updated;
                return update.ok;
            };
            auto insertPending = [&]() {
                if (inserts.isEmpty())
                    return true;
                // One prepared statement for all of them (Collection::insertMany).
                const QStringList ids = events->insertMany(inserts, groupError);
                if (ids.size() != inserts.size())
                    return false;
                for (qsizetype i = 0; i < insertUids.size(); ++i) {
                    if (!insertUids[i].isEmpty())
                        seriesIdByUid.insert(insertUids[i], ids[i]);
                }
                added += int(ids.size());
                inserts.clear();
                insertUids.clear();
                return true;
            };
            for (const QJsonObject &record : parsed.events) {
                if (!record.value(kRecurrenceId).isNull())
                    continue;
                if (!upsert(record, true))
                    return false;
            }
            if (!insertPending())
                return false;
            for (QJsonObject record : parsed.events) {
                if (record.value(kRecurrenceId).isNull())
                    continue;
                const QString uid = record.value(kUid).toString();
                QString seriesId = seriesIdByUid.value(uid);
                if (seriesId.isEmpty()) {
                    // A series imported earlier (the file holds only the changed
                    // occurrence, as invitations do).
                    const auto series = existing.constFind(uid + u'\x1f');
                    if (series != existing.cend())
                        seriesId = series->value(u"id"_s).toString();
                }
                if (seriesId.isEmpty()) {
                    // An occurrence of a series we do not have: an event of its own.
                    record.insert(kRecurrenceId, QJsonValue::Null);
                    if (!upsert(record, false))
                        return false;
                    continue;
                }
                record.insert(kSeriesId, seriesId);
                if (!upsert(record, false))
                    return false;
            }
            return insertPending();
        },
        &error);
    if (!written) {
        result.error = {IcsErrorCode::StoreFailed, 0, {}, error};
        return result;
    }
    result.added = added;
    result.updated = updated;
    result.unchanged = unchanged;
    qCInfo(lcCalendar) << "iCalendar import into" << calendarId << ":" << added << "added,"
                       << updated << "updated," << unchanged << "unchanged," << result.skipped
                       << "skipped";
    return result;
}

IcsImportResult importIcs(LocalStore *store, const QString &calendarId, const QByteArray &data,
                          const IcsParseOptions &options)
{
    return writeParsedIcs(store, calendarId, parseIcs(data, options));
}

} // namespace mana::calendar
