// SkillTree's C++ for QML: the controller reads the dialog's text fields
// (whole numbers, date and time) and refuses with a code; it puts a skill
// right whose XP a sync or the generic form left different from its
// activities; the branch model puts children under their parent (also
// across a cycle two devices made); the achievement model shows what is
// unlocked.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "skilltreecontroller.h"
#include "skilltreemodels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::skilltree;

class TestSkillTreeController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void logFromText_data();
    void logFromText();
    void levelUpAndAchievementSignals();
    void editFromText_data();
    void editFromText();
    void syncedActivityRecomputesItsSkill();
    void handEditedXpIsPutRight();
    void branchModelTreeOrder();
    void achievementModel();
    void activityModelNewestFirst();

private:
    Collection *skills() const { return m_store->collection(u"skilltree"_qs, u"skills"_qs); }
    Collection *activities() const
    {
        return m_store->collection(u"skilltree"_qs, u"activities"_qs);
    }
    void addSkill(const QString &id, const QString &name, const QString &parent = {},
                  const QString &branch = u"body"_qs)
    {
        QJsonObject values{{u"id"_qs, id}, {u"name"_qs, name}, {u"branch"_qs, branch}};
        if (!parent.isEmpty())
            values.insert(u"parentId"_qs, parent);
        QVERIFY(skills()->insert(values));
    }
    int total(const QString &id) const { return skills()->get(id)->value(u"totalXp"_qs).toInt(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SkillTreeController> m_controller;
};

void TestSkillTreeController::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs)));
    QVERIFY(m_store->addModule(catalog.info(u"skilltree"_qs)->spec));
    addSkill(u"run"_qs, u"Running"_qs);
    m_controller = std::make_unique<SkillTreeController>();
    m_controller->setNow(QDateTime(QDate(2026, 3, 10), QTime(18, 30)));
    m_controller->setStore(m_store.get());
}

void TestSkillTreeController::cleanup()
{
    m_controller.reset();
    m_store.reset();
    m_dir.reset();
}

void TestSkillTreeController::logFromText_data()
{
    QTest::addColumn<QString>("xp");
    QTest::addColumn<QString>("minutes");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("totalAfter");
    QTest::newRow("XP") << u"30"_qs << u""_qs << u"2026-03-10"_qs << u"18:00"_qs
                        << int(SkillLogError::None) << 30;
    QTest::newRow("from minutes") << u""_qs << u" 45 "_qs << u"2026-03-10"_qs << u"7:05"_qs
                                  << int(SkillLogError::None) << 45;
    QTest::newRow("nothing") << u""_qs << u""_qs << u"2026-03-10"_qs << u"18:00"_qs
                             << int(SkillLogError::NoXp) << 0;
    QTest::newRow("XP in words") << u"thirty"_qs << u""_qs << u"2026-03-10"_qs << u"18:00"_qs
                                 << int(SkillLogError::XpNotANumber) << 0;
    QTest::newRow("XP with a fraction") << u"2.5"_qs << u""_qs << u"2026-03-10"_qs << u"18:00"_qs
                                        << int(SkillLogError::XpNotANumber) << 0;
    QTest::newRow("minutes in words") << u""_qs << u"an hour"_qs << u"2026-03-10"_qs << u"18:00"_qs
                                      << int(SkillLogError::DurationNotANumber) << 0;
    QTest::newRow("bad date") << u"10"_qs << u""_qs << u"10.03.2026"_qs << u"18:00"_qs
                              << int(SkillLogError::InvalidTime) << 0;
    QTest::newRow("bad time") << u"10"_qs << u""_qs << u"2026-03-10"_qs << u"25:00"_qs
                              << int(SkillLogError::InvalidTime) << 0;
    QTest::newRow("later today") << u"10"_qs << u""_qs << u"2026-03-10"_qs << u"19:00"_qs
                                 << int(SkillLogError::FutureTime) << 0;
    QTest::newRow("too much") << u"10001"_qs << u""_qs << u"2026-03-10"_qs << u"18:00"_qs
                              << int(SkillLogError::XpOutOfRange) << 0;
}

void TestSkillTreeController::logFromText()
{
    QFETCH(QString, xp);
    QFETCH(QString, minutes);
    QFETCH(QString, date);
    QFETCH(QString, time);
    QFETCH(int, error);
    QFETCH(int, totalAfter);
    QSignalSpy logged(m_controller.get(), &SkillTreeController::logged);
    QCOMPARE(m_controller->logActivity(u"run"_qs, xp, minutes, u"  Park loop "_qs, date, time),
             error);
    QCOMPARE(logged.size(), error == SkillLogError::None ? 1 : 0);
    QCOMPARE(total(u"run"_qs), totalAfter);
    QCOMPARE(activities()->count(), error == SkillLogError::None ? 1 : 0);
    if (error == SkillLogError::None) {
        QVERIFY(m_controller->lastUndoStep() > 0);
        QCOMPARE(activities()->query().first().value(u"description"_qs).toString(),
                 u"Park loop"_qs);
    }
}

// The dialog's fields for a logged activity (45 minutes, 45 XP from them,
// "Park loop", 2026-03-10 07:05): filled in, changed, saved.
void TestSkillTreeController::editFromText_data()
{
    QTest::addColumn<QString>("xp");
    QTest::addColumn<QString>("minutes");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("time");
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("totalAfter");
    QTest::addColumn<bool>("written"); // an undo step and `edited`
    QTest::addColumn<bool>("leveledUp");
    QTest::newRow("unchanged") << u""_qs << u"45"_qs << u"2026-03-10"_qs << u"07:05"_qs
                               << int(SkillLogError::None) << 45 << false << false;
    QTest::newRow("longer: XP follows") << u""_qs << u"60"_qs << u"2026-03-10"_qs << u"07:05"_qs
                                        << int(SkillLogError::None) << 60 << true << false;
    QTest::newRow("typed XP: level 2") << u"150"_qs << u"45"_qs << u"2026-03-10"_qs << u"07:05"_qs
                                       << int(SkillLogError::None) << 150 << true << true;
    QTest::newRow("another day") << u""_qs << u"45"_qs << u"2026-03-01"_qs << u"07:05"_qs
                                 << int(SkillLogError::None) << 45 << true << false;
    QTest::newRow("XP in words") << u"lots"_qs << u"45"_qs << u"2026-03-10"_qs << u"07:05"_qs
                                 << int(SkillLogError::XpNotANumber) << 45 << false << false;
    QTest::newRow("bad time") << u""_qs << u"45"_qs << u"2026-03-10"_qs << u"7.05"_qs
                              << int(SkillLogError::InvalidTime) << 45 << false << false;
    QTest::newRow("later today") << u""_qs << u"45"_qs << u"2026-03-10"_qs << u"20:00"_qs
                                 << int(SkillLogError::FutureTime) << 45 << false << false;
    QTest::newRow("nothing") << u""_qs << u""_qs << u"2026-03-10"_qs << u"07:05"_qs
                             << int(SkillLogError::NoXp) << 45 << false << false;
}

void TestSkillTreeController::editFromText()
{
    QFETCH(QString, xp);
    QFETCH(QString, minutes);
    QFETCH(QString, date);
    QFETCH(QString, time);
    QFETCH(int, error);
    QFETCH(int, totalAfter);
    QFETCH(bool, written);
    QFETCH(bool, leveledUp);
    QCOMPARE(m_controller->logActivity(u"run"_qs, {}, u"45"_qs, u"Park loop"_qs, u"2026-03-10"_qs,
                                       u"7:05"_qs),
             int(SkillLogError::None));
    const QString id = activities()->query().first().value(u"id"_qs).toString();
    const QVariantMap fields = m_controller->activityFields(id);
    QCOMPARE(fields.value(u"skillId"_qs).toString(), u"run"_qs);
    QCOMPARE(fields.value(u"xp"_qs).toString(), QString()); // follows the duration
    QCOMPARE(fields.value(u"duration"_qs).toString(), u"45"_qs);
    QCOMPARE(fields.value(u"description"_qs).toString(), u"Park loop"_qs);
    QCOMPARE(fields.value(u"date"_qs).toString(), u"2026-03-10"_qs);
    QCOMPARE(fields.value(u"time"_qs).toString(), u"07:05"_qs);
    const QJsonObject before = *activities()->get(id);

    QSignalSpy edited(m_controller.get(), &SkillTreeController::edited);
    QSignalSpy leveled(m_controller.get(), &SkillTreeController::leveledUp);
    const int stepBefore = m_controller->lastUndoStep();
    QCOMPARE(m_controller->editActivity(id, xp, minutes, u"Park loop"_qs, date, time), error);
    QCOMPARE(edited.size(), written ? 1 : 0);
    QCOMPARE(leveled.size(), leveledUp ? 1 : 0);
    QCOMPARE(total(u"run"_qs), totalAfter);
    QCOMPARE(activities()->count(), 1);
    if (!written) {
        QCOMPARE(*activities()->get(id), before);
        QCOMPARE(m_controller->lastUndoStep(), stepBefore);
        return;
    }
    QVERIFY(m_controller->lastUndoStep() > stepBefore);
    QCOMPARE(edited.first().at(1).toString(), u"run"_qs);
    QCOMPARE(edited.first().at(2).toString(), id);
    QCOMPARE(m_controller->activityFields(id).value(u"date"_qs).toString(), date);
    // One Undo: the activity and the skill as they were.
    QVERIFY(m_store->undo(m_controller->lastUndoStep()));
    QCOMPARE(activities()->get(id)->value(u"xpEarned"_qs).toInt(), 45);
    QCOMPARE(total(u"run"_qs), 45);
    QCOMPARE(m_controller->editActivity(u"gone"_qs, {}, u"5"_qs, {}, date, time),
             int(SkillLogError::NoSuchActivity));
}

void TestSkillTreeController::levelUpAndAchievementSignals()
{
    m_controller->setSelectedSkillId(u"run"_qs);
    QSignalSpy leveled(m_controller.get(), &SkillTreeController::leveledUp);
    QSignalSpy unlocked(m_controller.get(), &SkillTreeController::achievementUnlocked);
    QCOMPARE(m_controller->logActivity(u"run"_qs, u"99"_qs, {}, {}, u"2026-03-10"_qs, u"08:00"_qs),
             int(SkillLogError::None));
    QCOMPARE(leveled.size(), 0);
    QCOMPARE(unlocked.size(), 1);
    QCOMPARE(unlocked.first().first().toString(), u"first-activity"_qs);
    QCOMPARE(m_controller->selected().xpToNextLevel, 1);
    QCOMPARE(m_controller->logActivity(u"run"_qs, u"1"_qs, {}, {}, u"2026-03-10"_qs, u"08:10"_qs),
             int(SkillLogError::None));
    QCOMPARE(leveled.size(), 1);
    QCOMPARE(leveled.first().at(1).toString(), u"Running"_qs);
    QCOMPARE(leveled.first().at(2).toInt(), 2);
    QCOMPARE(unlocked.size(), 2);
    QCOMPARE(m_controller->selected().level, 2);
    QCOMPARE(m_controller->selected().xpForLevel, 400);
}

void TestSkillTreeController::syncedActivityRecomputesItsSkill()
{
    QCOMPARE(m_controller->logActivity(u"run"_qs, u"30"_qs, {}, {}, u"2026-03-10"_qs, u"08:00"_qs),
             int(SkillLogError::None));
    // Another device's activity arrives; the skill's fields are still ours.
    QVERIFY(activities()->insert({{u"skillId"_qs, u"run"_qs},
                                  {u"xpEarned"_qs, 80},
                                  {u"description"_qs, u"other device"_qs},
                                  {u"timestamp"_qs, u"2026-03-09T10:00:00.000Z"_qs}}));
    QCOMPARE(total(u"run"_qs), 30);
    QTRY_COMPARE(total(u"run"_qs), 110);
    QCOMPARE(skills()->get(u"run"_qs)->value(u"level"_qs).toInt(), 2);
    QCOMPARE(skills()->get(u"run"_qs)->value(u"currentXp"_qs).toInt(), 10);
}

void TestSkillTreeController::handEditedXpIsPutRight()
{
    QCOMPARE(m_controller->logActivity(u"run"_qs, u"30"_qs, {}, {}, u"2026-03-10"_qs, u"08:00"_qs),
             int(SkillLogError::None));
    QVERIFY(skills()->update(u"run"_qs, {{u"totalXp"_qs, 5000}, {u"level"_qs, 5}}));
    QTRY_COMPARE(total(u"run"_qs), 30);
    QCOMPARE(skills()->get(u"run"_qs)->value(u"level"_qs).toInt(), 1);
}

void TestSkillTreeController::branchModelTreeOrder()
{
    addSkill(u"swim"_qs, u"Swimming"_qs);
    addSkill(u"sprint"_qs, u"Sprints"_qs, u"run"_qs);
    addSkill(u"marathon"_qs, u"Marathon"_qs, u"run"_qs);
    addSkill(u"crawl"_qs, u"Crawl"_qs, u"swim"_qs);
    addSkill(u"hills"_qs, u"Hill sprints"_qs, u"sprint"_qs);
    addSkill(u"chess"_qs, u"Chess"_qs, u"run"_qs, u"intellect"_qs); // parent in another branch
    addSkill(u"a"_qs, u"Cycle A"_qs, u"b"_qs);                      // a cycle: a <-> b
    addSkill(u"b"_qs, u"Cycle B"_qs, u"a"_qs);
    SkillBranchModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBranch(u"body"_qs);
    model.setStore(m_store.get());
    QStringList order;
    QList<int> depths;
    for (int row = 0; row < model.rowCount(); ++row) {
        order.append(model.skillIdAt(row));
        depths.append(model.data(model.index(row), SkillBranchModel::DepthRole).toInt());
    }
    // By name under each parent; the cycle comes last, cut at its first name.
    QCOMPARE(order, (QStringList{u"run"_qs, u"marathon"_qs, u"sprint"_qs, u"hills"_qs, u"swim"_qs,
                                 u"crawl"_qs, u"a"_qs, u"b"_qs}));
    QCOMPARE(depths, (QList<int>{0, 1, 1, 2, 0, 1, 0, 1}));
    SkillBranchModel intellect;
    intellect.setBranch(u"intellect"_qs);
    intellect.setStore(m_store.get());
    QCOMPARE(intellect.rowCount(), 1);
    QCOMPARE(intellect.data(intellect.index(0), SkillBranchModel::DepthRole).toInt(), 0);
    // A new skill shows up.
    QSignalSpy counted(&intellect, &SkillBranchModel::countChanged);
    addSkill(u"go"_qs, u"Go"_qs, {}, u"intellect"_qs);
    QCOMPARE(intellect.rowCount(), 2);
    QCOMPARE(counted.size(), 1);
}

void TestSkillTreeController::achievementModel()
{
    AchievementListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLanguage(u"de"_qs);
    model.setStore(m_store.get());
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.unlockedCount(), 0);
    QCOMPARE(model.data(model.index(0), AchievementListModel::NameRole).toString(),
             u"Erster Schritt"_qs);
    QCOMPARE(model.nameOf(u"hours-10"_qs), u"Zehn Stunden"_qs);
    QCOMPARE(m_controller->logActivity(u"run"_qs, {}, u"90"_qs, {}, u"2026-03-10"_qs, u"08:00"_qs),
             int(SkillLogError::None));
    QCOMPARE(model.unlockedCount(), 1);
    QVERIFY(model.data(model.index(0), AchievementListModel::UnlockedRole).toBool());
    QCOMPARE(model.data(model.index(0), AchievementListModel::UnlockedAtRole).toDateTime(),
             m_controller->now());
    // Ten hours: 90 minutes are 1 of 10 hours.
    const int hours = 7;
    QCOMPARE(model.data(model.index(hours), AchievementListModel::KeyRole).toString(),
             u"hours-10"_qs);
    QCOMPARE(model.data(model.index(hours), AchievementListModel::ProgressRole).toInt(), 1);
    QCOMPARE(model.data(model.index(hours), AchievementListModel::TargetRole).toInt(), 10);
    QVERIFY(!model.data(model.index(hours), AchievementListModel::UnlockedRole).toBool());
}

void TestSkillTreeController::activityModelNewestFirst()
{
    ActivityListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setSkillId(u"run"_qs);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(m_controller->logActivity(u"run"_qs, u"10"_qs, {}, u"older"_qs, u"2026-03-08"_qs,
                                       u"08:00"_qs),
             int(SkillLogError::None));
    QCOMPARE(m_controller->logActivity(u"run"_qs, {}, u"25"_qs, u"newer"_qs, u"2026-03-09"_qs,
                                       u"08:00"_qs),
             int(SkillLogError::None));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), ActivityListModel::DescriptionRole).toString(),
             u"newer"_qs);
    QCOMPARE(model.data(model.index(0), ActivityListModel::DurationRole).toInt(), 25);
    QCOMPARE(model.data(model.index(1), ActivityListModel::DurationRole).toInt(), -1);
    QCOMPARE(model.data(model.index(1), ActivityListModel::XpRole).toInt(), 10);
    QCOMPARE(model.data(model.index(1), ActivityListModel::TimestampRole).toDateTime(),
             QDateTime(QDate(2026, 3, 8), QTime(8, 0)));
    // Another skill's activities are not shown.
    addSkill(u"swim"_qs, u"Swimming"_qs);
    QCOMPARE(m_controller->logActivity(u"swim"_qs, u"5"_qs, {}, {}, u"2026-03-09"_qs, u"09:00"_qs),
             int(SkillLogError::None));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(m_controller->deleteActivity(model.activityIdAt(0)) > 0);
    QCOMPARE(model.rowCount(), 1);
}

QTEST_MAIN(TestSkillTreeController)
#include "tst_skilltreecontroller.moc"
