#include "contactlistmodel.h"

#include "collection.h"
#include "localstore.h"
#include "query.h"

#include <QElapsedTimer>
#include <algorithm>

namespace mana::contacts {

namespace {

// More changed records than this at once (an import, a pull) read the
// whole list again: one reset instead of thousands of row moves.
constexpr int kMaxRowMoves = 200;

} // namespace

ContactListModel::ContactListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QObject *ContactListModel::store() const
{
    return m_store;
}

void ContactListModel::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store && local)
        return;
    if (m_collection)
        m_collection->disconnect(this);
    m_store = local;
    m_collection = m_store
                       ? m_store->collection(QStringLiteral("contacts"), QStringLiteral("contacts"))
                       : nullptr;
    if (m_collection)
        connect(m_collection, &Collection::changed, this, &ContactListModel::applyChanges);
    reload();
    emit storeChanged();
}

void ContactListModel::setByLastName(bool byLastName)
{
    const NameOrder order = byLastName ? NameOrder::LastName : NameOrder::FirstName;
    if (order == m_order)
        return;
    m_order = order;
    reload();
    emit byLastNameChanged();
}

void ContactListModel::setArchived(bool archived)
{
    if (archived == m_archived)
        return;
    m_archived = archived;
    refilter();
    emit archivedChanged();
}

void ContactListModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = searchWords(text);
    refilter();
    emit searchTextChanged();
}

void ContactListModel::reload()
{
    ++m_loadGeneration;
    m_sorted.clear();
    m_changedWhileLoading.clear();
    m_loadAfter.reset();
    const int total = m_collection ? m_collection->count() : 0;
    if (total > m_loadPageSize) {
        // Large: page by page in the background; the old rows go now, so
        // the view shows "loading" rather than a list that no longer fits
        // the order or the profile.
        if (!m_loading) {
            m_loading = true;
            emit loadingChanged();
        }
        beginResetModel();
        m_rows.clear();
        m_unfilteredCount = 0;
        endResetModel();
        emit countChanged();
        m_sorted.reserve(total);
        const int generation = m_loadGeneration;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_loadGeneration)
                    loadNextPage();
            },
            Qt::QueuedConnection);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    if (m_collection) {
        QString error;
        const QList<QJsonObject> records = m_collection->query(Query(), &error);
        if (!error.isEmpty())
            qCWarning(lcContacts) << "the contact list could not be read:" << error;
        m_sorted.reserve(records.size());
        for (const QJsonObject &record : records)
            m_sorted.append(listEntryFor(record, m_order));
        std::sort(m_sorted.begin(), m_sorted.end(), comesBefore);
    }
    qCDebug(lcContacts) << "list of" << m_sorted.size() << "contacts read in" << timer.elapsed()
                        << "ms";
    showSorted();
}

void ContactListModel::loadNextPage()
{
    if (!m_collection) {
        m_loading = false;
        emit loadingChanged();
        showSorted();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    // By id, after the last record read: each page costs what the first
    // does (Query::after, no OFFSET).
    Query query;
    query.orderBy(QStringLiteral("id"));
    query.limit = m_loadPageSize;
    query.after = m_loadAfter;
    QString error;
    const QList<QJsonObject> records = m_collection->query(query, &error);
    if (!error.isEmpty())
        qCWarning(lcContacts) << "the contact list could not be read:" << error;
    // Each page sorted and merged in now, so that the last page leaves no
    // sort of all 20,000 for one turn of the event loop.
    const qsizetype before = m_sorted.size();
    for (const QJsonObject &record : records)
        m_sorted.append(listEntryFor(record, m_order));
    std::sort(m_sorted.begin() + before, m_sorted.end(), comesBefore);
    std::inplace_merge(m_sorted.begin(), m_sorted.begin() + before, m_sorted.end(), comesBefore);
    qCDebug(lcContacts) << "list page of" << records.size() << "read in" << timer.elapsed() << "ms";
    if (records.size() == m_loadPageSize && error.isEmpty()) {
        m_loadAfter = records.last();
        const int generation = m_loadGeneration;
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_loadGeneration)
                    loadNextPage();
            },
            Qt::QueuedConnection);
        return;
    }
    m_loading = false;
    timer.restart();
    showSorted();
    emit loadingChanged();
    qCDebug(lcContacts) << "list of" << m_sorted.size() << "shown in" << timer.elapsed() << "ms";
    const QStringList changed = std::exchange(m_changedWhileLoading, {});
    if (!changed.isEmpty())
        applyChanges(changed);
}

void ContactListModel::showSorted()
{
    beginResetModel();
    m_rows.clear();
    m_unfilteredCount = 0;
    for (const ContactListEntry &entry : std::as_const(m_sorted)) {
        if (entry.archived != m_archived)
            continue;
        ++m_unfilteredCount;
        if (matchesSearch(entry, m_words))
            m_rows.append(entry);
    }
    endResetModel();
    pruneSelection();
    emit countChanged();
}

bool ContactListModel::shows(const ContactListEntry &entry) const
{
    return entry.archived == m_archived && matchesSearch(entry, m_words);
}

void ContactListModel::refilter()
{
    if (m_loading)
        return;
    QList<ContactListEntry> rows;
    int unfiltered = 0;
    for (const ContactListEntry &entry : std::as_const(m_sorted)) {
        if (entry.archived != m_archived)
            continue;
        ++unfiltered;
        if (matchesSearch(entry, m_words))
            rows.append(entry);
    }
    bool same = rows.size() == m_rows.size();
    for (qsizetype i = 0; same && i < rows.size(); ++i)
        same = rows.at(i).id == m_rows.at(i).id;
    if (same) {
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!(rows.at(i) == m_rows.at(i))) {
                m_rows[i] = rows.at(i);
                emit dataChanged(index(int(i)), index(int(i)));
            }
        }
        if (unfiltered != m_unfilteredCount) {
            m_unfilteredCount = unfiltered;
            emit countChanged();
        }
        return;
    }
    beginResetModel();
    m_rows = rows;
    m_unfilteredCount = unfiltered;
    endResetModel();
    pruneSelection();
    emit countChanged();
}

void ContactListModel::removeEntry(const QString &id)
{
    for (qsizetype i = 0; i < m_sorted.size(); ++i) {
        if (m_sorted.at(i).id == id) {
            if (m_sorted.at(i).archived == m_archived)
                --m_unfilteredCount;
            m_sorted.removeAt(i);
            break;
        }
    }
    const int row = rowOf(id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    // A contact moving (removed and inserted again) keeps its selection;
    // applyChanges drops it when it is gone or hidden.
}

void ContactListModel::insertEntry(const ContactListEntry &entry)
{
    m_sorted.insert(std::lower_bound(m_sorted.begin(), m_sorted.end(), entry, comesBefore), entry);
    if (entry.archived == m_archived)
        ++m_unfilteredCount;
    if (!shows(entry))
        return;
    const int row =
        int(std::lower_bound(m_rows.begin(), m_rows.end(), entry, comesBefore) - m_rows.begin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, entry);
    endInsertRows();
}

void ContactListModel::applyChanges(const QStringList &ids)
{
    if (!m_collection)
        return;
    if (m_loading) {
        m_changedWhileLoading.append(ids);
        return;
    }
    if (ids.size() > kMaxRowMoves) {
        reload();
        return;
    }
    const int before = int(m_rows.size());
    const int unfilteredBefore = m_unfilteredCount;
    for (const QString &id : ids) {
        const std::optional<QJsonObject> record = m_collection->get(id);
        if (!record) {
            removeEntry(id);
            if (m_selected.remove(id))
                emit selectionChanged();
            continue;
        }
        const ContactListEntry entry = listEntryFor(*record, m_order);
        if (!shows(entry) && m_selected.remove(id))
            emit selectionChanged();
        const int row = rowOf(id);
        // The same place: only its roles changed (a new phone number).
        if (row >= 0 && shows(entry) && m_rows.at(row).section == entry.section &&
            m_rows.at(row).sortKey == entry.sortKey && m_rows.at(row).favorite == entry.favorite) {
            m_rows[row] = entry;
            for (ContactListEntry &sorted : m_sorted) {
                if (sorted.id == id) {
                    sorted = entry;
                    break;
                }
            }
            emit dataChanged(index(row), index(row));
            continue;
        }
        removeEntry(id);
        insertEntry(entry);
    }
    if (before != m_rows.size() || unfilteredBefore != m_unfilteredCount)
        emit countChanged();
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContactListEntry &entry = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return entry.id;
    case Qt::DisplayRole:
    case NameRole:
        return entry.name;
    case SecondaryRole:
        return entry.secondary;
    case SectionRole:
        return entry.section;
    case InitialsRole:
        return entry.initials;
    case ColorRole:
        return avatarColor(entry.id);
    case PhotoRole:
        return entry.photo;
    case FavoriteRole:
        return entry.favorite;
    case ArchivedRole:
        return entry.archived;
    case HasNameRole:
        return entry.hasName;
    case SelectedRole:
        return m_selected.contains(entry.id);
    }
    return {};
}

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    return {{IdRole, "contactId"},    {NameRole, "name"},         {SecondaryRole, "secondary"},
            {SectionRole, "section"}, {InitialsRole, "initials"}, {ColorRole, "avatarColor"},
            {PhotoRole, "photo"},     {FavoriteRole, "favorite"}, {ArchivedRole, "archived"},
            {HasNameRole, "hasName"}, {SelectedRole, "selected"}};
}

QString ContactListModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int ContactListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return int(i);
    }
    return -1;
}

QString ContactListModel::sectionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).section : QString();
}

void ContactListModel::setSelected(int row, bool selected)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const QString &id = m_rows.at(row).id;
    if (selected == m_selected.contains(id))
        return;
    if (selected)
        m_selected.insert(id);
    else
        m_selected.remove(id);
    emit dataChanged(index(row), index(row), {SelectedRole});
    emit selectionChanged();
}

void ContactListModel::toggleSelected(int row)
{
    setSelected(row, !m_selected.contains(idAt(row)));
}

void ContactListModel::selectRange(int from, int to)
{
    if (m_rows.isEmpty())
        return;
    const int first = std::clamp(std::min(from, to), 0, int(m_rows.size()) - 1);
    const int last = std::clamp(std::max(from, to), 0, int(m_rows.size()) - 1);
    const qsizetype before = m_selected.size();
    for (int row = first; row <= last; ++row)
        m_selected.insert(m_rows.at(row).id);
    if (m_selected.size() == before)
        return;
    emit dataChanged(index(first), index(last), {SelectedRole});
    emit selectionChanged();
}

void ContactListModel::selectAll()
{
    selectRange(0, int(m_rows.size()) - 1);
}

void ContactListModel::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    m_selected.clear();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {SelectedRole});
    emit selectionChanged();
}

QStringList ContactListModel::selectedIds() const
{
    QStringList ids;
    if (m_selected.isEmpty())
        return ids;
    ids.reserve(m_selected.size());
    for (const ContactListEntry &entry : m_rows) {
        if (m_selected.contains(entry.id))
            ids.append(entry.id);
    }
    return ids;
}

void ContactListModel::pruneSelection()
{
    if (m_selected.isEmpty())
        return;
    QSet<QString> shown;
    for (const ContactListEntry &entry : std::as_const(m_rows)) {
        if (m_selected.contains(entry.id))
            shown.insert(entry.id);
    }
    if (shown.size() == m_selected.size())
        return;
    m_selected = shown;
    emit selectionChanged();
}

} // namespace mana::contacts
