// The series and overrides of a store's `events` collection, read and
// parsed once (OccurrenceQuery): every refresh of a view used to read all
// of them from SQLite, parse their JSON and rules again, a third of a month
// view's occurrence read. One cache per collection, shared by every view's
// model, kept current record by record from Collection::changed(ids).
#pragma once

#include "seriesrule.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

#include <optional>

namespace mana {
class Collection;
} // namespace mana

namespace mana::calendar {

struct CachedSeriesRecord
{
    QJsonObject record;
    qint64 startMs = 0;    // startDate (series are read when they start before a window's end)
    bool isSeries = false; // else an override (seriesId set)
    std::optional<SeriesRule> rule; // series: nullopt when unreadable
    QString ruleError;
};

class SeriesRecordCache : public QObject
{
    Q_OBJECT
public:
    // The cache of `events` (made on first use, a child of it, so it goes
    // with the collection when the store closes).
    static SeriesRecordCache *of(Collection *events);

    // Every live series and override, by id; rereads what changed since the
    // last call. Empty with *error set when a read fails.
    const QHash<QString, CachedSeriesRecord> &records(QString *error);
    // The same read from the store now, without a cache.
    static QHash<QString, CachedSeriesRecord> readOnce(Collection *events, QString *error);

private:
    explicit SeriesRecordCache(Collection *events);
    void noteChanged(const QStringList &ids);
    void reload(const QString &id);

    Collection *m_events;
    QHash<QString, CachedSeriesRecord> m_records;
    QSet<QString> m_changed;
    bool m_loaded = false;
};

} // namespace mana::calendar
