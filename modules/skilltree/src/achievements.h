// SkillTree's achievements, defined in code (docs/skilltree.md): each is a
// key, its English and German name and description, an icon name and a
// condition, one measure of the whole tree reaching a target. They are
// checked after each logged activity; one that holds and is not unlocked
// yet is unlocked by writing an `achievements` record.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mana::skilltree {

// What a condition measures, over every skill and activity of the profile.
enum class AchievementMeasure {
    Activities,   // activities logged
    Minutes,      // minutes logged (the sum of the activities' durations)
    TotalXp,      // XP of all skills together
    HighestLevel, // the highest level of any skill
    Branches,     // branches with at least one skill that has XP
};

struct AchievementStats
{
    qint64 activities = 0;
    qint64 minutes = 0;
    qint64 totalXp = 0;
    int highestLevel = 1;
    int branches = 0;

    qint64 value(AchievementMeasure measure) const;
};

struct AchievementDefinition
{
    QString key; // unique, the `key` of the record; never renamed (records sync by it)
    QString nameEn;
    QString nameDe;
    QString descriptionEn; // the condition as a sentence
    QString descriptionDe;
    QString icon;
    AchievementMeasure measure = AchievementMeasure::Activities;
    qint64 target = 1;

    QString name(const QString &language) const;
    QString description(const QString &language) const;
    bool isMetBy(const AchievementStats &stats) const { return stats.value(measure) >= target; }
};

// The table, in the order the Achievements view shows it.
const QList<AchievementDefinition> &achievementDefinitions();
// nullptr for a key the table does not know (a newer version's, synced).
const AchievementDefinition *achievementByKey(const QString &key);
// The keys whose condition `stats` meets, in the table's order.
QStringList metAchievements(const AchievementStats &stats);

} // namespace mana::skilltree
