// SkillTree's levels and progress (skilllevels.h): the thresholds
// 0/100/500/1500/4000/10000 at and around each boundary, the top level
// beyond 10000, and what currentXp (XP into the level) and the progress bar
// show; and the achievement table's conditions (achievements.h) just below
// and at each target.
#include "achievements.h"
#include "skilllevels.h"

#include <QTest>

using namespace mana::skilltree;

class TestSkillLevels : public QObject
{
    Q_OBJECT

private slots:
    void levelForXp_data();
    void levelForXp();
    void progress_data();
    void progress();
    void achievementConditions_data();
    void achievementConditions();
    void achievementTableIsComplete();
};

void TestSkillLevels::levelForXp_data()
{
    QTest::addColumn<qint64>("xp");
    QTest::addColumn<int>("level");
    QTest::newRow("0") << qint64(0) << 1;
    QTest::newRow("99") << qint64(99) << 1;
    QTest::newRow("100") << qint64(100) << 2;
    QTest::newRow("499") << qint64(499) << 2;
    QTest::newRow("500") << qint64(500) << 3;
    QTest::newRow("1499") << qint64(1499) << 3;
    QTest::newRow("1500") << qint64(1500) << 4;
    QTest::newRow("3999") << qint64(3999) << 4;
    QTest::newRow("4000") << qint64(4000) << 5;
    QTest::newRow("9999") << qint64(9999) << 5;
    QTest::newRow("10000") << qint64(10000) << 6;
    QTest::newRow("20000 stays at the top") << qint64(20000) << 6;
    QTest::newRow("negative (bad synced data)") << qint64(-50) << 1;
}

void TestSkillLevels::levelForXp()
{
    QFETCH(qint64, xp);
    QFETCH(int, level);
    QCOMPARE(mana::skilltree::levelForXp(xp), level);
    QCOMPARE(progressForXp(xp).level, level);
}

void TestSkillLevels::progress_data()
{
    QTest::addColumn<qint64>("xp");
    QTest::addColumn<qint64>("into");
    QTest::addColumn<qint64>("span");
    QTest::addColumn<qint64>("toNext");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<bool>("top");
    QTest::newRow("0") << qint64(0) << qint64(0) << qint64(100) << qint64(100) << 0.0 << false;
    QTest::newRow("20 (the Reading seed)")
        << qint64(20) << qint64(20) << qint64(100) << qint64(80) << 0.2 << false;
    QTest::newRow("99") << qint64(99) << qint64(99) << qint64(100) << qint64(1) << 0.99 << false;
    QTest::newRow("100") << qint64(100) << qint64(0) << qint64(400) << qint64(400) << 0.0 << false;
    QTest::newRow("300") << qint64(300) << qint64(200) << qint64(400) << qint64(200) << 0.5
                         << false;
    QTest::newRow("500") << qint64(500) << qint64(0) << qint64(1000) << qint64(1000) << 0.0
                         << false;
    QTest::newRow("1499") << qint64(1499) << qint64(999) << qint64(1000) << qint64(1) << 0.999
                          << false;
    QTest::newRow("2750") << qint64(2750) << qint64(1250) << qint64(2500) << qint64(1250) << 0.5
                          << false;
    QTest::newRow("9999") << qint64(9999) << qint64(5999) << qint64(6000) << qint64(1)
                          << 5999.0 / 6000.0 << false;
    QTest::newRow("10000") << qint64(10000) << qint64(0) << qint64(0) << qint64(0) << 1.0 << true;
    QTest::newRow("20000") << qint64(20000) << qint64(10000) << qint64(0) << qint64(0) << 1.0
                           << true;
}

void TestSkillLevels::progress()
{
    QFETCH(qint64, xp);
    QFETCH(qint64, into);
    QFETCH(qint64, span);
    QFETCH(qint64, toNext);
    QFETCH(double, fraction);
    QFETCH(bool, top);
    const LevelProgress progress = progressForXp(xp);
    QCOMPARE(progress.totalXp, xp);
    QCOMPARE(progress.xpIntoLevel, into);
    QCOMPARE(progress.xpForLevel, span);
    QCOMPARE(progress.xpToNextLevel, toNext);
    QVERIFY2(qAbs(progress.fraction - fraction) < 1e-9,
             qPrintable(QString::number(progress.fraction)));
    QCOMPARE(progress.isMaxLevel, top);
    // currentXp is the XP into the level: the level's threshold plus it is the total.
    QCOMPARE(thresholdOfLevel(progress.level) + progress.xpIntoLevel, xp);
}

void TestSkillLevels::achievementConditions_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("measure");
    QTest::addColumn<qint64>("target");
    QTest::newRow("first activity")
        << u"first-activity"_qs << int(AchievementMeasure::Activities) << qint64(1);
    QTest::newRow("first level-up")
        << u"first-level-up"_qs << int(AchievementMeasure::HighestLevel) << qint64(2);
    QTest::newRow("level 3") << u"level-3"_qs << int(AchievementMeasure::HighestLevel) << qint64(3);
    QTest::newRow("level 5") << u"level-5"_qs << int(AchievementMeasure::HighestLevel) << qint64(5);
    QTest::newRow("level 6") << u"level-6"_qs << int(AchievementMeasure::HighestLevel) << qint64(6);
    QTest::newRow("10 activities")
        << u"activities-10"_qs << int(AchievementMeasure::Activities) << qint64(10);
    QTest::newRow("100 activities")
        << u"activities-100"_qs << int(AchievementMeasure::Activities) << qint64(100);
    QTest::newRow("10 hours") << u"hours-10"_qs << int(AchievementMeasure::Minutes) << qint64(600);
    QTest::newRow("100 hours") << u"hours-100"_qs << int(AchievementMeasure::Minutes)
                               << qint64(6000);
    QTest::newRow("3 branches") << u"branches-3"_qs << int(AchievementMeasure::Branches)
                                << qint64(3);
    QTest::newRow("1000 XP") << u"xp-1000"_qs << int(AchievementMeasure::TotalXp) << qint64(1000);
}

void TestSkillLevels::achievementConditions()
{
    QFETCH(QString, key);
    QFETCH(int, measure);
    QFETCH(qint64, target);
    const AchievementDefinition *definition = achievementByKey(key);
    QVERIFY(definition);
    QCOMPARE(int(definition->measure), measure);
    QCOMPARE(definition->target, target);
    const auto statsWith = [&](qint64 value) {
        AchievementStats stats;
        switch (AchievementMeasure(measure)) {
        case AchievementMeasure::Activities:
            stats.activities = value;
            break;
        case AchievementMeasure::Minutes:
            stats.minutes = value;
            break;
        case AchievementMeasure::TotalXp:
            stats.totalXp = value;
            break;
        case AchievementMeasure::HighestLevel:
            stats.highestLevel = int(value);
            break;
        case AchievementMeasure::Branches:
            stats.branches = int(value);
            break;
        }
        return stats;
    };
    QVERIFY(!definition->isMetBy(statsWith(target - 1)));
    QVERIFY(!metAchievements(statsWith(target - 1)).contains(key));
    QVERIFY(definition->isMetBy(statsWith(target)));
    QVERIFY(metAchievements(statsWith(target)).contains(key));
    QVERIFY(definition->isMetBy(statsWith(target * 10)));
}

void TestSkillLevels::achievementTableIsComplete()
{
    QSet<QString> keys;
    for (const AchievementDefinition &definition : achievementDefinitions()) {
        QVERIFY2(!keys.contains(definition.key), qPrintable(definition.key));
        keys.insert(definition.key);
        QVERIFY(!definition.nameEn.isEmpty() && !definition.nameDe.isEmpty());
        QVERIFY(!definition.descriptionEn.isEmpty() && !definition.descriptionDe.isEmpty());
        QVERIFY(!definition.icon.isEmpty());
        QCOMPARE(definition.name(u"de"_qs), definition.nameDe);
        QCOMPARE(definition.description(u"en"_qs), definition.descriptionEn);
    }
    QCOMPARE(keys.size(), 11);
    QVERIFY(!achievementByKey(u"from-a-newer-version"_qs));
    // Nothing is met by an empty tree.
    QVERIFY(metAchievements(AchievementStats{}).isEmpty());
}

QTEST_GUILESS_MAIN(TestSkillLevels)
#include "tst_skilllevels.moc"
