// A list model over one store query, for every list in the suite (the
// generic record lists, Todo's views). It loads the query's rows in pages
// (QAbstractItemModel::fetchMore, which a ListView calls when it reaches the
// end) and, on Collection::changed(ids), reads only the records named there
// and inserts, moves, changes or removes their rows. So a list over 100,000
// records costs what its loaded rows cost, and a pull that applies 1,000
// changes reads those 1,000 records once, whatever the collection's size.
//
// The loaded rows are always a prefix of the query's result: every matching
// record that sorts before the last loaded row is loaded. A changed record
// that now sorts after it stays unloaded until the view asks for more (paging
// is by key, Query::after, so it is found there). When a batch of changes
// pushes rows into the loaded part, as many rows are dropped from its end,
// so a long pull never grows what a list holds.
#pragma once

#include "collection.h"
#include "query.h"
#include "refreshthrottle.h"

#include <QAbstractListModel>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

namespace mana {

class LiveQueryModel : public QAbstractListModel
{
    Q_OBJECT
    // The loaded rows.
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // All rows of the query, loaded or not: an indexed COUNT, run only once
    // something has read this property, and then at most every
    // kMatchCountRefreshMs while records change.
    Q_PROPERTY(int matchCount READ matchCount NOTIFY matchCountChanged)
    // Why the list cannot be read is failure(), a code: the words are the
    // edge's (RecordListModel::error, storeReadErrorText).

public:
    static constexpr int kDefaultPageSize = 200;
    static constexpr int kMatchCountRefreshMs = 250;

    explicit LiveQueryModel(QObject *parent = nullptr);

    // Shows `query` over `collection` (nullptr: nothing) from its first page.
    // Its filters, exclusions, search and sort count; limit, offset and
    // `after` are the model's. A sort that does not end with the id gets it
    // appended, so the order is total and pages follow each other by key.
    void setQuery(Collection *collection, const Query &query);
    Collection *collection() const { return m_collection; }
    const Query &query() const { return m_query; }
    // Reads the first page again (a view whose rules depend on the day).
    void reload();

    int pageSize() const { return m_pageSize; }
    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    // True while rows after the loaded ones may exist.
    bool hasMore() const { return m_hasMore; }
    // None, or why the last read failed: the storage's code (Corrupt,
    // Busy, DiskError, …; Other for a query the collection cannot run, a
    // bug), SQLite's text in `detail` for the log.
    const StoreErrorInfo &failure() const { return m_failure; }
    int matchCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    // Subclasses give the roles their views show; the base has none.
    QVariant data(const QModelIndex &, int) const override { return {}; }
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    // For a view whose delegates are reused (ListView.reuseItems): Qt's
    // delegate model asks for more rows only when it creates a delegate, so
    // the view calls this when it shows one of the last rows. The page is
    // read on the next turn of the event loop, outside the view's layout.
    Q_INVOKABLE void loadMoreAfter(int row);

    const QJsonObject &recordAt(int row) const { return m_rows.at(row); }
    // -1 when the record is not loaded (or not in the list).
    int rowOfId(const QString &id) const;
    QString idAt(int row) const;

signals:
    void countChanged();
    void matchCountChanged();
    void failureChanged();

protected:
    // The roles a changed record's dataChanged names (all when empty).
    virtual QList<int> changedRoles() const { return {}; }
    // `error`: a read's English text (empty: it worked), sorted into a code.
    void setReadError(const QString &error);

private:
    void applyChanges(const QStringList &ids);
    // Where `record` belongs among the loaded rows (the first row that does
    // not come before it).
    int lowerBound(const QJsonObject &record) const;
    bool comesBefore(const QJsonObject &a, const QJsonObject &b) const;
    QList<QJsonObject> readPage(const std::optional<QJsonObject> &after, int limit);
    void insertRow(int row, const QJsonObject &record);
    void removeRow(int row);

    QPointer<Collection> m_collection;
    Query m_query;
    int m_pageSize = kDefaultPageSize;
    QList<QJsonObject> m_rows;
    // The loaded records by id: where to look for a changed record's row.
    QHash<QString, QJsonObject> m_loaded;
    bool m_hasMore = false;
    // Inside reload(), fetchMore() or applyChanges(): a view (or
    // QAbstractItemModelTester) calling fetchMore() from a row signal must
    // not start a second change.
    bool m_busy = false;
    bool m_loadMoreQueued = false;
    StoreErrorInfo m_failure;
    // Mutable: counting starts when matchCount() is first read.
    mutable bool m_matchCountWanted = false;
    mutable RefreshThrottle m_matchCountRefresh;
    mutable int m_matchCount = 0;
};

} // namespace mana
