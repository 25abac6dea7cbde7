#include "skilltreemodels.h"

#include "achievements.h"
#include "collection.h"
#include "localstore.h"
#include "query.h"
#include "skilljournal.h"
#include "skilllevels.h"

#include <QSet>

namespace mana::skilltree {

namespace {

Collection *collectionOf(LocalStore *store, const QString &name)
{
    return store ? store->collection(kApp, name) : nullptr;
}

} // namespace

// --- SkillBranchModel ---

SkillBranchModel::SkillBranchModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QObject *SkillBranchModel::store() const
{
    return m_store;
}

void SkillBranchModel::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    if (Collection *skills = collectionOf(m_store, QStringLiteral("skills")))
        skills->disconnect(this);
    m_store = local;
    if (Collection *skills = collectionOf(m_store, QStringLiteral("skills")))
        connect(skills, &Collection::changed, this, &SkillBranchModel::reload);
    reload();
    emit storeChanged();
}

void SkillBranchModel::setBranch(const QString &branch)
{
    if (branch == m_branch)
        return;
    m_branch = branch;
    reload();
    emit branchChanged();
}

void SkillBranchModel::reload()
{
    QList<QJsonObject> skills;
    if (Collection *collection = collectionOf(m_store, QStringLiteral("skills"));
        collection && !m_branch.isEmpty()) {
        Query query;
        query.where(QStringLiteral("branch"), Query::Op::Equal, m_branch);
        query.sort = {{QStringLiteral("name"), false, true, false, {}, 0},
                      {QStringLiteral("id"), false, false, false, {}, 0}};
        skills = collection->query(query);
    }
    QSet<QString> ids;
    for (const QJsonObject &skill : skills)
        ids.insert(skill.value(QStringLiteral("id")).toString());
    QHash<QString, QList<int>> children; // parent id -> rows of `skills`, by name
    QList<int> roots;
    for (int i = 0; i < skills.size(); ++i) {
        const QString parent = skills.at(i).value(QStringLiteral("parentId")).toString();
        if (!parent.isEmpty() && ids.contains(parent) &&
            parent != skills.at(i).value(QStringLiteral("id")).toString())
            children[parent].append(i);
        else
            roots.append(i);
    }
    QList<Row> rows;
    QSet<int> placed;
    const std::function<void(int, int)> place = [&](int index, int depth) {
        if (placed.contains(index))
            return; // a cycle closes here
        placed.insert(index);
        rows.append({skills.at(index), depth});
        for (int child : children.value(skills.at(index).value(QStringLiteral("id")).toString()))
            place(child, depth + 1);
    };
    for (int root : roots)
        place(root, 0);
    // Skills only reachable through a cycle: roots where the cycle is cut.
    for (int i = 0; i < skills.size(); ++i)
        place(i, 0);

    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

int SkillBranchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SkillBranchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const QJsonObject &skill = row.skill;
    const LevelProgress progress =
        progressForXp(qint64(skill.value(QStringLiteral("totalXp")).toDouble()));
    switch (role) {
    case IdRole:
        return skill.value(QStringLiteral("id")).toString();
    case NameRole:
    case Qt::DisplayRole:
        return skill.value(QStringLiteral("name")).toString();
    case IconRole:
        return skill.value(QStringLiteral("icon")).toString();
    case ColorRole:
        return skill.value(QStringLiteral("color")).toString();
    case LevelRole:
        return progress.level;
    case TotalXpRole:
        return int(progress.totalXp);
    case XpIntoLevelRole:
        return int(progress.xpIntoLevel);
    case XpForLevelRole:
        return int(progress.xpForLevel);
    case FractionRole:
        return progress.fraction;
    case MaxLevelRole:
        return progress.isMaxLevel;
    case DepthRole:
        return row.depth;
    case ParentRole:
        return skill.value(QStringLiteral("parentId")).toString();
    }
    return {};
}

QHash<int, QByteArray> SkillBranchModel::roleNames() const
{
    return {{IdRole, "skillId"},
            {NameRole, "name"},
            {IconRole, "icon"},
            {ColorRole, "skillColor"},
            {LevelRole, "level"},
            {TotalXpRole, "totalXp"},
            {XpIntoLevelRole, "xpIntoLevel"},
            {XpForLevelRole, "xpForLevel"},
            {FractionRole, "fraction"},
            {MaxLevelRole, "isMaxLevel"},
            {DepthRole, "depth"},
            {ParentRole, "parentId"}};
}

QString SkillBranchModel::skillIdAt(int row) const
{
    return row >= 0 && row < m_rows.size()
               ? m_rows.at(row).skill.value(QStringLiteral("id")).toString()
               : QString();
}

int SkillBranchModel::rowOfSkill(const QString &skillId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).skill.value(QStringLiteral("id")).toString() == skillId)
            return i;
    }
    return -1;
}

// --- ActivityListModel ---

ActivityListModel::ActivityListModel(QObject *parent)
    : StoreQueryModel(parent)
{}

void ActivityListModel::storeReplaced(LocalStore *)
{
    requery();
}

void ActivityListModel::setSkillId(const QString &skillId)
{
    if (skillId == m_skillId)
        return;
    m_skillId = skillId;
    requery();
    emit skillIdChanged();
}

void ActivityListModel::requery()
{
    Query query;
    query.where(QStringLiteral("skillId"), Query::Op::Equal, m_skillId);
    query.orderBy(QStringLiteral("timestamp"), true).orderBy(QStringLiteral("id"), true);
    setQuery(m_skillId.isEmpty() ? nullptr
                                 : collectionOf(localStore(), QStringLiteral("activities")),
             query);
}

QVariant ActivityListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = recordAt(index.row());
    switch (role) {
    case IdRole:
        return record.value(QStringLiteral("id")).toString();
    case DescriptionRole:
    case Qt::DisplayRole:
        return record.value(QStringLiteral("description")).toString();
    case XpRole:
        return record.value(QStringLiteral("xpEarned")).toInt();
    case DurationRole: {
        const QJsonValue duration = record.value(QStringLiteral("duration"));
        return duration.isNull() ? -1 : duration.toInt();
    }
    case TimestampRole:
        return QDateTime::fromString(record.value(QStringLiteral("timestamp")).toString(),
                                     Qt::ISODateWithMs)
            .toLocalTime();
    }
    return {};
}

QHash<int, QByteArray> ActivityListModel::roleNames() const
{
    return {{IdRole, "activityId"},
            {DescriptionRole, "description"},
            {XpRole, "xpEarned"},
            {DurationRole, "duration"},
            {TimestampRole, "timestamp"}};
}

// --- AchievementListModel ---

AchievementListModel::AchievementListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QObject *AchievementListModel::store() const
{
    return m_store;
}

void AchievementListModel::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    for (const QString &name :
         {QStringLiteral("achievements"), QStringLiteral("skills"), QStringLiteral("activities")}) {
        if (Collection *collection = collectionOf(m_store, name))
            collection->disconnect(this);
    }
    m_store = local;
    for (const QString &name :
         {QStringLiteral("achievements"), QStringLiteral("skills"), QStringLiteral("activities")}) {
        if (Collection *collection = collectionOf(m_store, name))
            connect(collection, &Collection::changed, this, &AchievementListModel::reload);
    }
    reload();
    emit storeChanged();
}

void AchievementListModel::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {NameRole, DescriptionRole});
    emit languageChanged();
}

void AchievementListModel::reload()
{
    const int unlockedBefore = unlockedCount();
    m_unlockedAt.clear();
    m_progress.clear();
    if (Collection *records = collectionOf(m_store, QStringLiteral("achievements"))) {
        // One record per key normally; several (synced from an old client)
        // count as one, unlocked at the earliest.
        for (const QJsonObject &record : records->query()) {
            const QString key = record.value(QStringLiteral("key")).toString();
            const QDateTime at = QDateTime::fromString(
                record.value(QStringLiteral("unlockedAt")).toString(), Qt::ISODateWithMs);
            if (!achievementByKey(key))
                continue;
            if (!m_unlockedAt.contains(key) || at < m_unlockedAt.value(key))
                m_unlockedAt.insert(key, at);
        }
        // Progress is shown for locked ones only: count just their measures.
        SkillJournal::Measures wanted = 0;
        for (const AchievementDefinition &definition : achievementDefinitions()) {
            if (!m_unlockedAt.contains(definition.key))
                wanted |= 1u << unsigned(definition.measure);
        }
        const AchievementStats stats = SkillJournal(m_store).stats(wanted);
        for (const AchievementMeasure measure :
             {AchievementMeasure::Activities, AchievementMeasure::Minutes,
              AchievementMeasure::TotalXp, AchievementMeasure::HighestLevel,
              AchievementMeasure::Branches})
            m_progress.insert(int(measure), stats.value(measure));
    }
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
    if (unlockedCount() != unlockedBefore)
        emit unlockedCountChanged();
}

QString AchievementListModel::nameOf(const QString &key) const
{
    const AchievementDefinition *definition = achievementByKey(key);
    return definition ? definition->name(m_language) : QString();
}

int AchievementListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(achievementDefinitions().size());
}

QVariant AchievementListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AchievementDefinition &definition = achievementDefinitions().at(index.row());
    switch (role) {
    case KeyRole:
        return definition.key;
    case NameRole:
    case Qt::DisplayRole:
        return definition.name(m_language);
    case DescriptionRole:
        return definition.description(m_language);
    case IconRole:
        return definition.icon;
    case UnlockedRole:
        return m_unlockedAt.contains(definition.key);
    case UnlockedAtRole:
        return m_unlockedAt.value(definition.key).toLocalTime();
    // Time in whole hours, as the conditions say it ("Log 10 hours").
    case ProgressRole: {
        const qint64 value = std::min(m_progress.value(int(definition.measure)), definition.target);
        return definition.measure == AchievementMeasure::Minutes ? value / 60 : value;
    }
    case TargetRole:
        return definition.measure == AchievementMeasure::Minutes ? definition.target / 60
                                                                 : definition.target;
    }
    return {};
}

QHash<int, QByteArray> AchievementListModel::roleNames() const
{
    return {
        {KeyRole, "key"},           {NameRole, "name"},         {DescriptionRole, "description"},
        {IconRole, "icon"},         {UnlockedRole, "unlocked"}, {UnlockedAtRole, "unlockedAt"},
        {ProgressRole, "progress"}, {TargetRole, "target"}};
}

} // namespace mana::skilltree
