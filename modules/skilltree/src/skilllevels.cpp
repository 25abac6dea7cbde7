#include "skilllevels.h"

#include <algorithm>

namespace mana::skilltree {

const QList<int> &levelThresholds()
{
    static const QList<int> thresholds{0, 100, 500, 1500, 4000, 10000};
    return thresholds;
}

int levelForXp(qint64 totalXp)
{
    const QList<int> &thresholds = levelThresholds();
    int level = 1;
    for (int i = 1; i < thresholds.size(); ++i) {
        if (totalXp >= thresholds.at(i))
            level = i + 1;
    }
    return level;
}

int thresholdOfLevel(int level)
{
    return levelThresholds().at(std::clamp(level, 1, kMaxLevel) - 1);
}

LevelProgress progressForXp(qint64 totalXp)
{
    LevelProgress progress;
    progress.totalXp = std::max<qint64>(0, totalXp);
    progress.level = levelForXp(progress.totalXp);
    progress.xpIntoLevel = progress.totalXp - thresholdOfLevel(progress.level);
    progress.isMaxLevel = progress.level == kMaxLevel;
    if (progress.isMaxLevel) {
        progress.xpForLevel = 0;
        progress.xpToNextLevel = 0;
        progress.fraction = 1;
    } else {
        progress.xpForLevel =
            thresholdOfLevel(progress.level + 1) - thresholdOfLevel(progress.level);
        progress.xpToNextLevel = progress.xpForLevel - progress.xpIntoLevel;
        progress.fraction = double(progress.xpIntoLevel) / double(progress.xpForLevel);
    }
    return progress;
}

} // namespace mana::skilltree
