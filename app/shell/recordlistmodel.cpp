#include "recordlistmodel.h"

#include "collection.h"
#include "localstore.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRecordModel, "mana.shell.records")

namespace mana {

RecordListModel::RecordListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void RecordListModel::setContext(ShellContext *context)
{
    if (context == m_context)
        return;
    if (m_context)
        disconnect(m_context, nullptr, this, nullptr);
    m_context = context;
    if (m_context)
        connect(m_context, &ShellContext::storeChanged, this, &RecordListModel::rebind);
    emit contextChanged();
    rebind();
}

void RecordListModel::setAppId(const QString &appId)
{
    if (appId == m_appId)
        return;
    m_appId = appId;
    emit appIdChanged();
    rebind();
}

void RecordListModel::setCollectionName(const QString &name)
{
    if (name == m_collectionName)
        return;
    m_collectionName = name;
    emit collectionNameChanged();
    rebind();
}

void RecordListModel::rebind()
{
    LocalStore *store = m_context ? m_context->store() : nullptr;
    Collection *collection = nullptr;
    if (store && !m_appId.isEmpty() && !m_collectionName.isEmpty())
        collection = store->collection(m_appId, m_collectionName);
    setCollection(collection);
    if (!collection && store && !m_appId.isEmpty() && !m_collectionName.isEmpty())
        setError(tr("The list “%1” is not in this profile.").arg(m_collectionName));
}

void RecordListModel::setCollection(Collection *collection)
{
    if (m_collection)
        disconnect(m_collection, nullptr, this, nullptr);
    m_collection = collection;
    if (m_collection) {
        m_presentation.emplace(m_collection->spec());
        connect(m_collection, &Collection::changed, this, &RecordListModel::applyChanges);
    } else {
        m_presentation.reset();
    }
    reload();
}

void RecordListModel::reload()
{
    const int oldCount = m_records.size();
    beginResetModel();
    m_records.clear();
    QString error;
    if (m_collection) {
        m_records = m_collection->query({}, &error);
        std::stable_sort(m_records.begin(), m_records.end(),
                         [this](const QJsonObject &a, const QJsonObject &b) {
                             return m_presentation->lessThan(a, b);
                         });
    }
    endResetModel();
    setError(error);
    if (oldCount != m_records.size())
        emit countChanged();
}

int RecordListModel::sortedPosition(const QJsonObject &record) const
{
    const auto it = std::lower_bound(m_records.cbegin(), m_records.cend(), record,
                                     [this](const QJsonObject &a, const QJsonObject &b) {
                                         return m_presentation->lessThan(a, b);
                                     });
    return int(it - m_records.cbegin());
}

void RecordListModel::applyChanges(const QStringList &ids)
{
    if (!m_collection)
        return;
    const int oldCount = m_records.size();
    for (const QString &id : ids) {
        const int row = indexOfId(id);
        const std::optional<QJsonObject> record = m_collection->get(id);
        if (!record) {
            if (row >= 0) {
                beginRemoveRows({}, row, row);
                m_records.removeAt(row);
                endRemoveRows();
            }
            continue;
        }
        if (row < 0) {
            const int position = sortedPosition(*record);
            beginInsertRows({}, position, position);
            m_records.insert(position, *record);
            endInsertRows();
            continue;
        }
        // An edit may move the record (its order field changed).
        m_records[row] = *record;
        const bool fitsBefore =
            row == 0 || !m_presentation->lessThan(*record, m_records.at(row - 1));
        const bool fitsAfter = row == m_records.size() - 1 ||
                               !m_presentation->lessThan(m_records.at(row + 1), *record);
        if (fitsBefore && fitsAfter) {
            emit dataChanged(index(row), index(row));
            continue;
        }
        const QJsonObject moved = m_records.takeAt(row);
        int target = sortedPosition(moved);
        m_records.insert(row, moved);
        // beginMoveRows wants the destination index before the removal.
        const int destination = target >= row ? target + 1 : target;
        if (beginMoveRows({}, row, row, {}, destination)) {
            m_records.move(row, target);
            endMoveRows();
        }
        emit dataChanged(index(target), index(target));
    }
    if (oldCount != m_records.size())
        emit countChanged();
}

void RecordListModel::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    if (!error.isEmpty())
        qCWarning(lcRecordModel) << m_appId << m_collectionName << error;
    emit errorChanged();
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = m_records.at(index.row());
    switch (role) {
    case IdRole:
        return record.value(QStringLiteral("id")).toString();
    case Qt::DisplayRole:
    case TitleRole: {
        const QString title = m_presentation->title(record);
        return title.isEmpty() ? tr("Untitled") : title;
    }
    case SubtitleRole:
        return m_presentation->subtitle(record);
    case RecordRole:
        return record.toVariantMap();
    default:
        return {};
    }
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {{IdRole, "recordId"},
            {TitleRole, "title"},
            {SubtitleRole, "subtitle"},
            {RecordRole, "record"}};
}

QVariantMap RecordListModel::get(int row) const
{
    if (row < 0 || row >= m_records.size())
        return {};
    return m_records.at(row).toVariantMap();
}

int RecordListModel::indexOfId(const QString &id) const
{
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).value(QStringLiteral("id")).toString() == id)
            return row;
    }
    return -1;
}

} // namespace mana
