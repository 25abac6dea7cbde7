#include "achievements.h"

namespace mana::skilltree {

qint64 AchievementStats::value(AchievementMeasure measure) const
{
    switch (measure) {
    case AchievementMeasure::Activities:
        return activities;
    case AchievementMeasure::Minutes:
        return minutes;
    case AchievementMeasure::TotalXp:
        return totalXp;
    case AchievementMeasure::HighestLevel:
        return highestLevel;
    case AchievementMeasure::Branches:
        return branches;
    }
    return 0;
}

QString AchievementDefinition::name(const QString &language) const
{
    return language == QStringLiteral("de") ? nameDe : nameEn;
}

QString AchievementDefinition::description(const QString &language) const
{
    return language == QStringLiteral("de") ? descriptionDe : descriptionEn;
}

const QList<AchievementDefinition> &achievementDefinitions()
{
    using M = AchievementMeasure;
    static const QList<AchievementDefinition> table{
        {u"first-activity"_qs, u"First step"_qs, u"Erster Schritt"_qs,
         u"Log your first activity."_qs, u"Trag deine erste Aktivität ein."_qs, u"flag"_qs,
         M::Activities, 1},
        {u"first-level-up"_qs, u"Level up"_qs, u"Stufe aufgestiegen"_qs,
         u"Bring a skill to level 2."_qs, u"Bring eine Fähigkeit auf Stufe 2."_qs, u"arrow-up"_qs,
         M::HighestLevel, 2},
        {u"level-3"_qs, u"Getting good"_qs, u"Richtig gut"_qs, u"Bring a skill to level 3."_qs,
         u"Bring eine Fähigkeit auf Stufe 3."_qs, u"star"_qs, M::HighestLevel, 3},
        {u"level-5"_qs, u"Expert"_qs, u"Expertin oder Experte"_qs, u"Bring a skill to level 5."_qs,
         u"Bring eine Fähigkeit auf Stufe 5."_qs, u"medal"_qs, M::HighestLevel, 5},
        {u"level-6"_qs, u"Master"_qs, u"Meisterschaft"_qs,
         u"Bring a skill to level 6, the top level."_qs,
         u"Bring eine Fähigkeit auf Stufe 6, die höchste Stufe."_qs, u"crown"_qs, M::HighestLevel,
         6},
        {u"activities-10"_qs, u"Habit"_qs, u"Gewohnheit"_qs, u"Log 10 activities."_qs,
         u"Trag 10 Aktivitäten ein."_qs, u"repeat"_qs, M::Activities, 10},
        {u"activities-100"_qs, u"Dedicated"_qs, u"Drangeblieben"_qs, u"Log 100 activities."_qs,
         u"Trag 100 Aktivitäten ein."_qs, u"fire"_qs, M::Activities, 100},
        {u"hours-10"_qs, u"Ten hours"_qs, u"Zehn Stunden"_qs, u"Log 10 hours of practice."_qs,
         u"Trag 10 Stunden Übung ein."_qs, u"clock"_qs, M::Minutes, 10 * 60},
        {u"hours-100"_qs, u"A hundred hours"_qs, u"Hundert Stunden"_qs,
         u"Log 100 hours of practice."_qs, u"Trag 100 Stunden Übung ein."_qs, u"hourglass"_qs,
         M::Minutes, 100 * 60},
        {u"branches-3"_qs, u"All-rounder"_qs, u"Allrounder"_qs,
         u"Earn XP in skills of 3 different branches."_qs,
         u"Sammle XP in Fähigkeiten aus 3 verschiedenen Ästen."_qs, u"tree"_qs, M::Branches, 3},
        {u"xp-1000"_qs, u"1000 XP"_qs, u"1000 XP"_qs, u"Earn 1000 XP over all your skills."_qs,
         u"Sammle 1000 XP über alle deine Fähigkeiten."_qs, u"trophy"_qs, M::TotalXp, 1000},
    };
    return table;
}

const AchievementDefinition *achievementByKey(const QString &key)
{
    for (const AchievementDefinition &definition : achievementDefinitions()) {
        if (definition.key == key)
            return &definition;
    }
    return nullptr;
}

QStringList metAchievements(const AchievementStats &stats)
{
    QStringList keys;
    for (const AchievementDefinition &definition : achievementDefinitions()) {
        if (definition.isMetBy(stats))
            keys.append(definition.key);
    }
    return keys;
}

} // namespace mana::skilltree
