#include "recordlistmodel.h"

#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "modulepresentation.h"
#include "storeerrortext.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRecordModel, "mana.shell.records")

namespace mana {

namespace {

// While sync writes, the total is counted a few times a second at most.
constexpr int kTotalRefreshMs = 300;

} // namespace

RecordListModel::RecordListModel(QObject *parent)
    : LiveQueryModel(parent)
    , m_totalRefresh(kTotalRefreshMs, [this] {
        const int total = m_collection ? m_collection->count() : 0;
        if (total != m_totalCount) {
            m_totalCount = total;
            emit totalCountChanged();
        }
    })
{
    connect(this, &LiveQueryModel::failureChanged, this, &RecordListModel::errorChanged);
}

QString RecordListModel::error() const
{
    if (m_listMissing)
        return tr("The list “%1” is not in this profile.").arg(m_collectionName);
    return failure().isError() ? storeReadErrorText(failure()) : QString();
}

void RecordListModel::retranslate()
{
    if (m_listMissing || failure().isError())
        emit errorChanged();
}

void RecordListModel::setContext(ShellContext *context)
{
    if (context == m_context)
        return;
    if (m_context) {
        disconnect(m_context, nullptr, this, nullptr);
        disconnect(m_context->modules(), nullptr, this, nullptr);
    }
    m_context = context;
    if (m_context) {
        connect(m_context, &ShellContext::storeChanged, this, &RecordListModel::rebind);
        connect(m_context->modules(), &ModuleListModel::languageChanged, this,
                &RecordListModel::retranslate);
    }
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
    emit searchTextChanged();
    requery();
}

void RecordListModel::setFilters(const QVariantMap &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    emit filtersChanged();
    requery();
}

void RecordListModel::setSortField(const QString &field)
{
    if (field == m_sortField)
        return;
    m_sortField = field;
    emit sortChanged();
    requery();
}

void RecordListModel::setSortDescending(bool descending)
{
    if (descending == m_sortDescending)
        return;
    m_sortDescending = descending;
    emit sortChanged();
    requery();
}

QString RecordListModel::labelOf(const QString &field) const
{
    const ModuleInfo *info = m_context ? m_context->moduleInfo(m_appId) : nullptr;
    const QString label =
        info ? info->fieldLabel(m_collectionName, field, m_context->modules()->language())
             : QString();
    return label.isEmpty() ? labelFromWireName(field) : label;
}

QList<FilterOption> RecordListModel::filterOptions() const
{
    QList<FilterOption> options;
    if (!m_collection)
        return options;
    const ModuleInfo *info = m_context ? m_context->moduleInfo(m_appId) : nullptr;
    const QString language = m_context ? m_context->modules()->language() : QStringLiteral("en");
    for (const FieldSpec &field : m_collection->spec().fields) {
        QList<FieldChoice> choices;
        if (field.type == FieldType::Boolean) {
            choices = {{true, tr("Yes")}, {false, tr("No")}};
        } else if (field.type == FieldType::Enum) {
            for (const QString &value : field.enumValues) {
                const QString label =
                    info ? info->choiceLabel(m_collectionName, field.name, value, language)
                         : QString();
                choices.append({value, label.isEmpty() ? labelFromWireName(value) : label});
            }
        } else {
            continue;
        }
        options.append({field.name, labelOf(field.name), choices});
    }
    return options;
}

QList<SortOption> RecordListModel::sortOptions() const
{
    QList<SortOption> options;
    if (!m_collection)
        return options;
    for (const FieldSpec &field : m_collection->spec().fields) {
        if (field.type == FieldType::Json || field.type == FieldType::Text ||
            field.type == FieldType::Reference)
            continue;
        options.append({field.name, labelOf(field.name)});
    }
    options.append({QStringLiteral("createdAt"), tr("Created")});
    options.append({QStringLiteral("updatedAt"), tr("Last changed")});
    return options;
}

void RecordListModel::rebind()
{
    LocalStore *store = m_context ? m_context->store() : nullptr;
    Collection *collection = nullptr;
    if (store && !m_appId.isEmpty() && !m_collectionName.isEmpty())
        collection = store->collection(m_appId, m_collectionName);
    const bool missing = !collection && store && !m_appId.isEmpty() && !m_collectionName.isEmpty();
    setCollection(collection);
    if (missing != m_listMissing) {
        m_listMissing = missing;
        emit errorChanged();
    }
}

void RecordListModel::setCollection(Collection *collection)
{
    if (m_collection)
        disconnect(m_collection, nullptr, &m_totalRefresh, nullptr);
    m_collection = collection;
    if (m_collection) {
        m_presentation.emplace(m_collection->spec());
        connect(m_collection, &Collection::changed, &m_totalRefresh, &RefreshThrottle::request);
    } else {
        m_presentation.reset();
    }
    emit collectionChanged();
    requery();
    m_totalRefresh.request();
    m_totalRefresh.flush();
}

void RecordListModel::requery()
{
    if (!m_collection) {
        setQuery(nullptr, {});
        return;
    }
    Query query;
    for (auto it = m_filters.begin(); it != m_filters.end(); ++it)
        query.where(it.key(), Query::Op::Equal, QJsonValue::fromVariant(it.value()));
    query.search = m_searchText.simplified();
    if (m_sortField.isEmpty()) {
        query.orderBy(m_presentation->sortField(), m_presentation->sortDescending());
    } else {
        const FieldSpec *field = m_collection->spec().field(m_sortField);
        const bool text =
            field && (field->type == FieldType::String || field->type == FieldType::Enum);
        Query::Sort sort;
        sort.field = m_sortField;
        sort.descending = m_sortDescending;
        sort.ignoreCase = text;
        sort.nullsLast = true; // empty values last in either direction
        query.sort.append(sort);
    }
    setQuery(m_collection, query);
}

int RecordListModel::totalCount() const
{
    const_cast<RefreshThrottle &>(m_totalRefresh).flush();
    return m_totalCount;
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = recordAt(index.row());
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
    if (row < 0 || row >= rowCount())
        return {};
    return recordAt(row).toVariantMap();
}

int RecordListModel::indexOfId(const QString &id) const
{
    return rowOfId(id);
}

} // namespace mana
