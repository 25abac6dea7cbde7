#include "recordlistmodel.h"

#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "modulepresentation.h"

#include <QCollator>

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

void RecordListModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchWords = foldForSearch(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    emit searchTextChanged();
    reload();
}

void RecordListModel::setFilters(const QVariantMap &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    emit filtersChanged();
    reload();
}

void RecordListModel::setSortField(const QString &field)
{
    if (field == m_sortField)
        return;
    m_sortField = field;
    emit sortChanged();
    reload();
}

void RecordListModel::setSortDescending(bool descending)
{
    if (descending == m_sortDescending)
        return;
    m_sortDescending = descending;
    emit sortChanged();
    reload();
}

QString RecordListModel::labelOf(const QString &field) const
{
    const ModuleInfo *info = m_context ? m_context->moduleInfo(m_appId) : nullptr;
    const QString label =
        info ? info->fieldLabel(m_collectionName, field, m_context->modules()->language())
             : QString();
    return label.isEmpty() ? labelFromWireName(field) : label;
}

QVariantList RecordListModel::filterOptions() const
{
    QVariantList options;
    if (!m_collection)
        return options;
    const ModuleInfo *info = m_context ? m_context->moduleInfo(m_appId) : nullptr;
    const QString language = m_context ? m_context->modules()->language() : QStringLiteral("en");
    for (const FieldSpec &field : m_collection->spec().fields) {
        QVariantList choices;
        if (field.type == FieldType::Boolean) {
            choices = {
                QVariantMap{{QStringLiteral("value"), true}, {QStringLiteral("label"), tr("Yes")}},
                QVariantMap{{QStringLiteral("value"), false}, {QStringLiteral("label"), tr("No")}}};
        } else if (field.type == FieldType::Enum) {
            for (const QString &value : field.enumValues) {
                const QString label =
                    info ? info->choiceLabel(m_collectionName, field.name, value, language)
                         : QString();
                choices.append(QVariantMap{
                    {QStringLiteral("value"), value},
                    {QStringLiteral("label"), label.isEmpty() ? labelFromWireName(value) : label}});
            }
        } else {
            continue;
        }
        options.append(QVariantMap{{QStringLiteral("name"), field.name},
                                   {QStringLiteral("label"), labelOf(field.name)},
                                   {QStringLiteral("choices"), choices}});
    }
    return options;
}

QVariantList RecordListModel::sortOptions() const
{
    QVariantList options;
    if (!m_collection)
        return options;
    for (const FieldSpec &field : m_collection->spec().fields) {
        if (field.type == FieldType::Json || field.type == FieldType::Text ||
            field.type == FieldType::Reference)
            continue;
        options.append(QVariantMap{{QStringLiteral("name"), field.name},
                                   {QStringLiteral("label"), labelOf(field.name)}});
    }
    options.append(QVariantMap{{QStringLiteral("name"), QStringLiteral("createdAt")},
                               {QStringLiteral("label"), tr("Created")}});
    options.append(QVariantMap{{QStringLiteral("name"), QStringLiteral("updatedAt")},
                               {QStringLiteral("label"), tr("Last changed")}});
    return options;
}

bool RecordListModel::matches(const QJsonObject &record) const
{
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it) {
        if (record.value(it.key()) != QJsonValue::fromVariant(it.value()))
            return false;
    }
    if (m_searchWords.isEmpty())
        return true;
    QString haystack;
    for (const FieldSpec &field : m_collection->spec().fields) {
        if (field.type == FieldType::String || field.type == FieldType::Text ||
            field.type == FieldType::Enum) {
            haystack += foldForSearch(record.value(field.name).toString());
            haystack += QLatin1Char('\n');
        }
    }
    for (const QString &word : m_searchWords) {
        if (!haystack.contains(word))
            return false;
    }
    return true;
}

bool RecordListModel::lessThan(const QJsonObject &a, const QJsonObject &b) const
{
    if (m_sortField.isEmpty())
        return m_presentation->lessThan(a, b);
    const QJsonValue left = a.value(m_sortField);
    const QJsonValue right = b.value(m_sortField);
    const bool leftEmpty = left.isNull() || left.isUndefined();
    const bool rightEmpty = right.isNull() || right.isUndefined();
    // Empty values last in either direction.
    if (leftEmpty != rightEmpty)
        return rightEmpty;
    int order = 0;
    if (!leftEmpty) {
        if (left.isDouble() || left.isBool()) {
            const double l = left.toDouble(left.toBool()), r = right.toDouble(right.toBool());
            order = l < r ? -1 : (r < l ? 1 : 0);
        } else {
            static const QCollator collator = [] {
                QCollator c;
                c.setCaseSensitivity(Qt::CaseInsensitive);
                c.setNumericMode(true);
                return c;
            }();
            // Accents fold first, so "Café" sorts with "Cafe" in any locale.
            order =
                collator.compare(foldForSearch(left.toString()), foldForSearch(right.toString()));
            if (order == 0)
                order = left.toString().compare(right.toString());
        }
    }
    if (order != 0)
        return m_sortDescending ? order > 0 : order < 0;
    return a.value(QStringLiteral("id")).toString() < b.value(QStringLiteral("id")).toString();
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
    emit collectionChanged();
    reload();
}

void RecordListModel::reload()
{
    beginResetModel();
    m_records.clear();
    QString error;
    if (m_collection) {
        m_records = m_collection->query({}, &error);
        m_totalCount = int(m_records.size());
        m_records.removeIf([this](const QJsonObject &record) { return !matches(record); });
        std::stable_sort(
            m_records.begin(), m_records.end(),
            [this](const QJsonObject &a, const QJsonObject &b) { return lessThan(a, b); });
    } else {
        m_totalCount = 0;
    }
    endResetModel();
    setError(error);
    emit countChanged();
}

int RecordListModel::sortedPosition(const QJsonObject &record) const
{
    const auto it = std::lower_bound(
        m_records.cbegin(), m_records.cend(), record,
        [this](const QJsonObject &a, const QJsonObject &b) { return lessThan(a, b); });
    return int(it - m_records.cbegin());
}

void RecordListModel::applyChanges(const QStringList &ids)
{
    if (!m_collection)
        return;
    const int oldCount = m_records.size();
    const int oldTotal = m_totalCount;
    for (const QString &id : ids) {
        const int row = indexOfId(id);
        std::optional<QJsonObject> record = m_collection->get(id);
        if (record && !matches(*record))
            record.reset(); // edited out of the search or filter
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
        const bool fitsBefore = row == 0 || !lessThan(*record, m_records.at(row - 1));
        const bool fitsAfter =
            row == m_records.size() - 1 || !lessThan(m_records.at(row + 1), *record);
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
    // The live count comes from the tombstone index, not a scan.
    if (!m_filters.isEmpty() || !m_searchWords.isEmpty())
        m_totalCount = m_collection->count();
    else
        m_totalCount = int(m_records.size());
    if (oldCount != m_records.size() || oldTotal != m_totalCount)
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
