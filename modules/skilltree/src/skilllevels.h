// SkillTree's levels (docs/skilltree.md): a skill's level follows from its
// total XP alone, at the thresholds 0 / 100 / 500 / 1500 / 4000 / 10000
// (levels 1 to 6). Beyond 10000 the skill stays at level 6, the top, and
// keeps counting XP. currentXp is the XP earned within the current level
// (totalXp minus the level's threshold), so a seed with 20 XP is level 1
// with 20 XP in it, and a skill at 120 XP is level 2 with 20 XP in it.
#pragma once

#include <QList>

namespace mana::skilltree {

inline constexpr int kMaxLevel = 6;

// The total XP at which each level starts, level 1 first.
const QList<int> &levelThresholds();

// 1 .. kMaxLevel; negative XP (bad synced data) counts as 0.
int levelForXp(qint64 totalXp);
// The total XP at which `level` starts (clamped to 1 .. kMaxLevel).
int thresholdOfLevel(int level);

struct LevelProgress
{
    int level = 1;
    qint64 totalXp = 0;
    qint64 xpIntoLevel = 0;  // what the skill stores as currentXp
    qint64 xpForLevel = 100; // the span of this level; 0 at the top level
    qint64 xpToNextLevel = 100;
    double fraction = 0; // 0 .. 1 of the way to the next level; 1 at the top
    bool isMaxLevel = false;

    bool operator==(const LevelProgress &) const = default;
};

LevelProgress progressForXp(qint64 totalXp);

} // namespace mana::skilltree
