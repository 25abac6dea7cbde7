#include "seriesrecordcache.h"

#include "collection.h"
#include "eventrecord.h"
#include "query.h"

#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace mana::calendar {

namespace {

// Beyond this many changed records one query of all is cheaper than a
// get() each (an import, a sync batch).
constexpr qsizetype kMaxSingleReloads = 50;

// A series (a rule, no seriesId) or an override (seriesId): what
// OccurrenceQuery reads beside the plain events of a window.
bool isCached(const QJsonObject &record)
{
    const QJsonValue seriesId = record.value("seriesId"_L1);
    if (!seriesId.isNull() && !seriesId.isUndefined())
        return true;
    return isSeries(record);
}

CachedSeriesRecord cached(const QJsonObject &record)
{
    CachedSeriesRecord entry;
    entry.record = record;
    const QDateTime start = startOf(record);
    // No readable start: never before a window's end (as SQL's NULL < x).
    entry.startMs =
        start.isValid() ? start.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const QJsonValue seriesId = record.value("seriesId"_L1);
    entry.isSeries = (seriesId.isNull() || seriesId.isUndefined()) && isSeries(record);
    if (entry.isSeries)
        entry.rule = SeriesRule::parse(ruleOf(record), &entry.ruleError);
    return entry;
}

} // namespace

SeriesRecordCache *SeriesRecordCache::of(Collection *events)
{
    if (auto *cache = events->findChild<SeriesRecordCache *>(QString(), Qt::FindDirectChildrenOnly))
        return cache;
    return new SeriesRecordCache(events);
}

SeriesRecordCache::SeriesRecordCache(Collection *events)
    : QObject(events)
    , m_events(events)
{
    connect(events, &Collection::changed, this, &SeriesRecordCache::noteChanged);
}

void SeriesRecordCache::noteChanged(const QStringList &ids)
{
    // Soft deletes and restores come with their ids too: get() tells.
    if (m_loaded)
        m_changed.unite(QSet<QString>(ids.cbegin(), ids.cend()));
}

const QHash<QString, CachedSeriesRecord> &SeriesRecordCache::records(QString *error)
{
    if (!m_loaded || m_changed.size() > kMaxSingleReloads) {
        m_changed.clear();
        QString failure;
        m_records = readOnce(m_events, &failure);
        m_loaded = failure.isEmpty();
        if (error)
            *error = failure;
        return m_records;
    }
    const QSet<QString> changed = std::exchange(m_changed, {});
    for (const QString &id : changed)
        reload(id);
    return m_records;
}

QHash<QString, CachedSeriesRecord> SeriesRecordCache::readOnce(Collection *events, QString *error)
{
    QHash<QString, CachedSeriesRecord> records;
    Query series;
    series.where(u"recurrenceRule"_s, Query::Op::IsNotNull).where(u"seriesId"_s, Query::Op::IsNull);
    Query overrides;
    overrides.where(u"seriesId"_s, Query::Op::IsNotNull);
    for (const Query *query : {&series, &overrides}) {
        QString failure;
        const QList<QJsonObject> found = events->query(*query, &failure);
        if (!failure.isEmpty()) {
            if (error)
                *error = failure;
            return {};
        }
        for (const QJsonObject &record : found) {
            if (isCached(record))
                records.insert(record.value("id"_L1).toString(), cached(record));
        }
    }
    return records;
}

void SeriesRecordCache::reload(const QString &id)
{
    const std::optional<QJsonObject> record = m_events->get(id);
    if (record && isCached(*record))
        m_records.insert(id, cached(*record));
    else
        m_records.remove(id);
}

} // namespace mana::calendar
