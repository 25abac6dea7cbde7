#include "livequerymodel.h"

#include "localstore.h"

#include <QLoggingCategory>
#include <QScopedValueRollback>
#include <QSet>

Q_LOGGING_CATEGORY(lcLiveQuery, "mana.models.livequery")

namespace mana {

namespace {

const QString kId = QStringLiteral("id");

QString idOf(const QJsonObject &record)
{
    return record.value(kId).toString();
}

} // namespace

LiveQueryModel::LiveQueryModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_matchCountRefresh(kMatchCountRefreshMs, [this] {
        const int count = m_collection ? int(m_collection->count(m_query)) : 0;
        if (count != m_matchCount) {
            m_matchCount = count;
            emit matchCountChanged();
        }
    })
{}

int LiveQueryModel::matchCount() const
{
    // A getter never emits: QML reads it inside a binding, and a change
    // signal from that read is reported as a binding loop. The first read
    // counts at once; later counts arrive with matchCountChanged.
    if (!m_matchCountWanted) {
        m_matchCountWanted = true;
        m_matchCount = m_collection ? int(m_collection->count(m_query)) : 0;
    }
    return m_matchCount;
}

void LiveQueryModel::setQuery(Collection *collection, const Query &query)
{
    if (m_collection != collection) {
        if (m_collection)
            disconnect(m_collection, nullptr, this, nullptr);
        m_collection = collection;
        if (m_collection)
            connect(m_collection, &Collection::changed, this, &LiveQueryModel::applyChanges);
    }
    m_query = query;
    m_query.limit = -1;
    m_query.offset = 0;
    m_query.after.reset();
    if (m_query.sort.isEmpty() || m_query.sort.constLast().field != kId ||
        !m_query.sort.constLast().rankedValues.isEmpty())
        m_query.sort.append({kId, false, false, false, {}, 0});
    reload();
}

void LiveQueryModel::reload()
{
    const int oldCount = int(m_rows.size());
    const QScopedValueRollback busy(m_busy, true);
    beginResetModel();
    m_rows.clear();
    m_loaded.clear();
    m_hasMore = false;
    if (m_collection) {
        m_rows = readPage(std::nullopt, m_pageSize);
        for (const QJsonObject &record : std::as_const(m_rows))
            m_loaded.insert(idOf(record), record);
    } else {
        setReadError({}); // nothing to read, nothing failed
    }
    endResetModel();
    if (oldCount != m_rows.size())
        emit countChanged();
    if (m_matchCountWanted) {
        // A new query's count at once, not the old one's for 250 ms.
        m_matchCountRefresh.request();
        m_matchCountRefresh.flush();
    }
}

QList<QJsonObject> LiveQueryModel::readPage(const std::optional<QJsonObject> &after, int limit)
{
    Query page = m_query;
    page.after = after;
    // One row more than asked tells whether there are more.
    page.limit = limit + 1;
    QString error;
    QList<QJsonObject> rows = m_collection->query(page, &error);
    setReadError(error);
    m_hasMore = rows.size() > limit;
    if (m_hasMore)
        rows.removeLast();
    return rows;
}

int LiveQueryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool LiveQueryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_collection && m_hasMore && !m_busy;
}

void LiveQueryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QScopedValueRollback busy(m_busy, true);
    const QList<QJsonObject> more =
        readPage(m_rows.isEmpty() ? std::nullopt : std::optional(m_rows.constLast()), m_pageSize);
    if (more.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(more.size()) - 1);
    for (const QJsonObject &record : more) {
        m_rows.append(record);
        m_loaded.insert(idOf(record), record);
    }
    endInsertRows();
    qCDebug(lcLiveQuery) << m_query.sort.constFirst().field << "loaded" << more.size()
                         << "more rows, now" << m_rows.size();
    emit countChanged();
}

void LiveQueryModel::loadMoreAfter(int row)
{
    // Within a screenful of the end (a page is much longer than a screen).
    constexpr int kRowsBeforeTheEnd = 50;
    if (m_loadMoreQueued || row < m_rows.size() - kRowsBeforeTheEnd || !canFetchMore())
        return;
    m_loadMoreQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_loadMoreQueued = false;
            fetchMore();
        },
        Qt::QueuedConnection);
}

bool LiveQueryModel::comesBefore(const QJsonObject &a, const QJsonObject &b) const
{
    return m_collection->compare(m_query.sort, a, b) < 0;
}

int LiveQueryModel::lowerBound(const QJsonObject &record) const
{
    const auto it = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), record,
        [this](const QJsonObject &a, const QJsonObject &b) { return comesBefore(a, b); });
    return int(it - m_rows.cbegin());
}

int LiveQueryModel::rowOfId(const QString &id) const
{
    const auto loaded = m_loaded.constFind(id);
    if (loaded == m_loaded.cend())
        return -1;
    const int row = lowerBound(*loaded);
    return row < m_rows.size() && idOf(m_rows.at(row)) == id ? row : -1;
}

QString LiveQueryModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? idOf(m_rows.at(row)) : QString();
}

void LiveQueryModel::insertRow(int row, const QJsonObject &record)
{
    beginInsertRows({}, row, row);
    m_rows.insert(row, record);
    m_loaded.insert(idOf(record), record);
    endInsertRows();
}

void LiveQueryModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_loaded.remove(idOf(m_rows.at(row)));
    m_rows.removeAt(row);
    endRemoveRows();
}

void LiveQueryModel::applyChanges(const QStringList &changedIds)
{
    if (!m_collection)
        return;
    const QScopedValueRollback busy(m_busy, true);
    // Which of the changed records the query holds now: one read of those
    // records, by id, whatever the collection's size.
    QStringList ids;
    QSet<QString> seen;
    QJsonArray idList;
    for (const QString &id : changedIds) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
            idList.append(id);
        }
    }
    Query matching = m_query;
    matching.where(kId, Query::Op::In, idList);
    matching.limit = int(ids.size());
    // In id order, so SQLite looks the ids up instead of walking the view's
    // own index; the rows are placed here, by compare().
    matching.sort.clear();
    QString error;
    QHash<QString, QJsonObject> now;
    for (const QJsonObject &record : m_collection->query(matching, &error))
        now.insert(idOf(record), record);
    if (!error.isEmpty()) {
        setReadError(error);
        return;
    }

    const int oldCount = int(m_rows.size());
    // A batch may push rows into the loaded part; as many leave at its end
    // afterwards, so what a list holds does not grow with a pull.
    const int keep = std::max(oldCount, m_pageSize);
    for (const QString &id : std::as_const(ids)) {
        const int oldRow = rowOfId(id);
        const auto found = now.constFind(id);
        if (found == now.cend()) {
            if (oldRow >= 0)
                removeRow(oldRow);
            continue;
        }
        const QJsonObject &record = *found;
        if (oldRow >= 0) {
            // Still between its neighbours: the same row, new values. The
            // last loaded row stays only if it did not move on: unloaded rows
            // may lie between its old and new place.
            const bool last = oldRow == m_rows.size() - 1;
            const bool fitsBefore = oldRow == 0 || comesBefore(m_rows.at(oldRow - 1), record);
            const bool fitsAfter = last ? !m_hasMore || !comesBefore(m_rows.at(oldRow), record)
                                        : comesBefore(record, m_rows.at(oldRow + 1));
            if (fitsBefore && fitsAfter) {
                m_rows[oldRow] = record;
                m_loaded.insert(id, record);
                emit dataChanged(index(oldRow), index(oldRow), changedRoles());
                continue;
            }
            // Moved: where does it go among the other rows?
            const QJsonObject previous = m_rows.takeAt(oldRow);
            const int target = lowerBound(record);
            m_rows.insert(oldRow, previous);
            if (target == m_rows.size() - 1 && m_hasMore) {
                removeRow(oldRow); // past the loaded part now
                continue;
            }
            // beginMoveRows wants the destination before the removal.
            const int destination = target >= oldRow ? target + 1 : target;
            if (beginMoveRows({}, oldRow, oldRow, {}, destination)) {
                m_rows.move(oldRow, target);
                endMoveRows();
            }
            m_rows[target] = record;
            m_loaded.insert(id, record);
            emit dataChanged(index(target), index(target), changedRoles());
            continue;
        }
        const int row = lowerBound(record);
        if (row == m_rows.size() && m_hasMore)
            continue; // after the loaded part: fetchMore reads it there
        insertRow(row, record);
    }
    if (m_rows.size() > keep) {
        const int first = keep;
        const int last = int(m_rows.size()) - 1;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_loaded.remove(idOf(m_rows.at(row)));
        m_rows.resize(first);
        endRemoveRows();
        m_hasMore = true;
    }
    if (oldCount != m_rows.size())
        emit countChanged();
    if (m_matchCountWanted)
        m_matchCountRefresh.request();
}

void LiveQueryModel::setReadError(const QString &error)
{
    if (error == m_failure.detail)
        return;
    StoreErrorInfo failure;
    if (!error.isEmpty()) {
        failure.code = LocalStore::readErrorOf(error);
        failure.detail = error;
        qCWarning(lcLiveQuery) << m_collection << storeErrorName(failure.code) << error;
    }
    m_failure = failure;
    emit failureChanged();
}

} // namespace mana
