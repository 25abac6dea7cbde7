// SkillTree's lists: the skills of one branch as a tree (parents before
// their children, with a depth), one skill's activities newest first, and
// the achievement table with what is unlocked.
#pragma once

#include "storequerymodel.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class LocalStore;
}

namespace mana::skilltree {

// The skills of one branch in tree order: each root by name, then its
// children (parentId) by name beneath it, depth first. A child whose parent
// is in another branch, deleted or missing is a root here; skills in a
// cycle (two devices each made the other the parent) come after the roots,
// the cycle cut at its first skill by name. A tree
// has tens or hundreds of skills, not 100,000 (docs/skilltree.md), so the
// branch is read whole (an indexed query on branch) and again when skills
// change.
class SkillBranchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString branch READ branch WRITE setBranch NOTIFY branchChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        IconRole,
        ColorRole,
        LevelRole,
        TotalXpRole,
        XpIntoLevelRole,
        XpForLevelRole,
        FractionRole,
        MaxLevelRole,
        DepthRole,
        ParentRole,
    };

    explicit SkillBranchModel(QObject *parent = nullptr);
    QObject *store() const;
    void setStore(QObject *store);
    QString branch() const { return m_branch; }
    void setBranch(const QString &branch);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString skillIdAt(int row) const;
    Q_INVOKABLE int rowOfSkill(const QString &skillId) const;
    Q_INVOKABLE void reload();

signals:
    void storeChanged();
    void branchChanged();
    void countChanged();

private:
    struct Row
    {
        QJsonObject skill;
        int depth = 0;
    };
    QPointer<LocalStore> m_store;
    QString m_branch;
    QList<Row> m_rows;
};

// One skill's activities, newest first (the (skillId, timestamp) index,
// loaded in pages).
class ActivityListModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString skillId READ skillId WRITE setSkillId NOTIFY skillIdChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DescriptionRole,
        XpRole,
        DurationRole, // minutes; -1 when none was given
        TimestampRole,
    };

    explicit ActivityListModel(QObject *parent = nullptr);
    QString skillId() const { return m_skillId; }
    void setSkillId(const QString &skillId);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString activityIdAt(int row) const { return idAt(row); }

signals:
    void skillIdChanged();

private:
    void requery();
    void storeReplaced(LocalStore *previous) override;
    QString m_skillId;
};

// The achievements of the table (achievements.h) in its order, each with
// whether a record unlocked it and when, and how far the tree is towards
// it. Records with a key the table does not know (a newer version's) are
// not shown.
class AchievementListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int count READ rowCount CONSTANT)
    Q_PROPERTY(int unlockedCount READ unlockedCount NOTIFY unlockedCountChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        NameRole,
        DescriptionRole,
        IconRole,
        UnlockedRole,
        UnlockedAtRole,
        ProgressRole, // the measure now, capped at the target (time in hours)
        TargetRole,
    };

    explicit AchievementListModel(QObject *parent = nullptr);
    QObject *store() const;
    void setStore(QObject *store);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    int unlockedCount() const { return int(m_unlockedAt.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE void reload();
    // The achievement's name in the model's language ("" for an unknown key).
    Q_INVOKABLE QString nameOf(const QString &key) const;

signals:
    void storeChanged();
    void languageChanged();
    void unlockedCountChanged();

private:
    QPointer<LocalStore> m_store;
    QString m_language = QStringLiteral("en");
    QHash<QString, QDateTime> m_unlockedAt; // by key, the earliest record
    QHash<int, qint64> m_progress;          // by AchievementMeasure
};

} // namespace mana::skilltree
