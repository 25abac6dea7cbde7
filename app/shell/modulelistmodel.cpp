#include "modulelistmodel.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcModuleList, "mana.shell.modules")

namespace mana {

QString foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c.toCaseFolded());
    }
    return folded;
}

ModuleListModel::ModuleListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QList<ModuleListModel::Entry> ModuleListModel::entriesFromCatalog(const ModuleCatalog &catalog)
{
    QList<Entry> entries;
    // The catalog is already in navigation order (manifest "order", then id).
    int position = 0;
    for (const ModuleInfo &info : catalog.infos) {
        const ModuleSpec &module = info.spec;
        Entry entry;
        entry.moduleId = module.id;
        entry.appId = module.appId;
        entry.nameEn = info.name(QStringLiteral("en"));
        entry.nameDe = info.name(QStringLiteral("de"));
        entry.iconUrl = info.iconUrl.toString();
        entry.color = module.color.isEmpty() ? QStringLiteral("#6B7280") : module.color;
        entry.order = position++;
        entry.pageUrl = info.presentation.pageUrl();
        for (const CollectionSpec &collection : module.collections)
            entry.collections.append(collection.wireName);
        entries.append(entry);
    }
    return entries;
}

void ModuleListModel::setEntries(QList<Entry> entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.order != b.order ? a.order < b.order : a.moduleId < b.moduleId;
    });
    const int oldCount = m_entries.size();
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    if (oldCount != m_entries.size())
        emit countChanged();
    qCDebug(lcModuleList) << "modules:" << m_entries.size();
}

void ModuleListModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0), index(m_entries.size() - 1), {NameRole});
    emit languageChanged();
}

int ModuleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString ModuleListModel::nameOf(const Entry &entry) const
{
    return m_language == QLatin1String("de") ? entry.nameDe : entry.nameEn;
}

QVariant ModuleListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return nameOf(entry);
    case ModuleIdRole:
        return entry.moduleId;
    case AppIdRole:
        return entry.appId;
    case IconUrlRole:
        return entry.iconUrl;
    case ColorRole:
        return entry.color;
    case CollectionsRole:
        return entry.collections;
    default:
        return {};
    }
}

QHash<int, QByteArray> ModuleListModel::roleNames() const
{
    return {{ModuleIdRole, "moduleId"}, {AppIdRole, "appId"},
            {NameRole, "name"},         {IconUrlRole, "iconUrl"},
            {ColorRole, "moduleColor"}, {CollectionsRole, "collections"}};
}

ModuleEntry ModuleListModel::get(int row) const
{
    if (row < 0 || row >= m_entries.size())
        return {};
    const Entry &entry = m_entries.at(row);
    return {entry.moduleId, entry.appId,       nameOf(entry), entry.iconUrl,
            entry.color,    entry.collections, entry.pageUrl, row};
}

int ModuleListModel::indexOf(const QString &moduleId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).moduleId == moduleId)
            return row;
    }
    return -1;
}

QList<ModuleEntry> ModuleListModel::search(const QString &text) const
{
    const QString needle = foldForSearch(text.trimmed());
    QList<ModuleEntry> prefixMatches;
    QList<ModuleEntry> otherMatches;
    for (int row = 0; row < m_entries.size(); ++row) {
        const Entry &entry = m_entries.at(row);
        if (needle.isEmpty()) {
            prefixMatches.append(get(row));
            continue;
        }
        // The name in the UI language counts first; the other language and
        // the id still find the app (people remember "Todo" in a German UI).
        const QStringList haystacks{foldForSearch(nameOf(entry)), foldForSearch(entry.nameEn),
                                    foldForSearch(entry.nameDe), entry.moduleId};
        bool prefix = false;
        bool contains = false;
        for (const QString &haystack : haystacks) {
            prefix = prefix || haystack.startsWith(needle);
            contains = contains || haystack.contains(needle);
        }
        if (prefix)
            prefixMatches.append(get(row));
        else if (contains)
            otherMatches.append(get(row));
    }
    return prefixMatches + otherMatches;
}

} // namespace mana
