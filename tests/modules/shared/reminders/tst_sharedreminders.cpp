// The shared reminder scheduler over fake sources with an injected clock:
// one timer for the nearest reminder of all sources, re-planning when a
// source changes, recording before telling, the missed-while-closed rule
// per source and item, the bounded window the sources are asked about, and
// the "delivered up to" mark file of sources without a status field.
// (Todo's real source: tests/modules/todo/tst_reminderscheduler.cpp;
// Calendar's: tests/modules/calendar/tst_calendarreminders.cpp.)
#include "deliveredupto.h"
#include "fakesource.h"
#include "reminderscheduler.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace mana;
using namespace mana::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 10000;

// Runs on with real time from the moment it is set, so the real timer can
// be exercised with fire times ~50 ms ahead.
class FakeClock
{
public:
    void set(const QDateTime &time)
    {
        m_base = time.toUTC();
        m_elapsed.restart();
    }
    QDateTime now() const { return m_base.addMSecs(m_elapsed.elapsed()); }

private:
    QDateTime m_base;
    QElapsedTimer m_elapsed;
};

} // namespace

class TestSharedReminders : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void plansTheNearestOfAllSources();
    void firesAtTheRightTimeWithItsSource();
    void sourceChangeReplans();
    void cachedAnswerIsRefreshedWhenDue();
    void recordedBeforeShownAndRefusedNeverShown();
    void missedRulePerSourceAndItem();
    void sourcesAreAskedAboutABoundedWindow();
    void destroyedSourceDropsOut();
    void slotDeletingTheSchedulerIsSafe();

    void markStartsAtTheFirstStart();
    void markSurvivesARestartAndOnlyMovesAhead();
    void damagedMarkStartsOver();
    void readOnlyMarkWritesNothing();

private:
    void makeScheduler();
    Reminder shown(int index) const { return m_spy->at(index).at(1).value<Reminder>(); }
    ReminderSource *shownSource(int index) const
    {
        return m_spy->at(index).at(0).value<ReminderSource *>();
    }

    const QDateTime m_t0 = QDateTime::fromString(u"2026-12-01T09:00:00.000Z"_s, Qt::ISODateWithMs);
    FakeClock m_clock;
    std::unique_ptr<FakeSource> m_a;
    std::unique_ptr<FakeSource> m_b;
    std::unique_ptr<ReminderScheduler> m_scheduler;
    std::unique_ptr<QSignalSpy> m_spy;
};

void TestSharedReminders::init()
{
    m_clock.set(m_t0);
    m_a = std::make_unique<FakeSource>(u"a"_s);
    m_b = std::make_unique<FakeSource>(u"b"_s);
}

void TestSharedReminders::cleanup()
{
    m_spy.reset();
    m_scheduler.reset();
    m_a.reset();
    m_b.reset();
}

void TestSharedReminders::makeScheduler()
{
    m_scheduler = std::make_unique<ReminderScheduler>([this] { return m_clock.now(); });
    m_spy = std::make_unique<QSignalSpy>(m_scheduler.get(), &ReminderScheduler::reminderDue);
}

void TestSharedReminders::plansTheNearestOfAllSources()
{
    m_a->add(u"a1"_s, u"x"_s, m_t0.addSecs(3 * 3600));
    m_b->add(u"b1"_s, u"y"_s, m_t0.addSecs(2 * 3600));
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    QVERIFY(!m_scheduler->nextFireTime().isValid()); // not started: nothing asked
    QCOMPARE(m_a->asked, 0);
    m_scheduler->addSource(m_b.get());
    m_scheduler->start();
    QCOMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(2 * 3600));
    // Two hours ahead: the timer waits one (kMaxWaitMs) and asks again.
    QCOMPARE(m_scheduler->nextCheckTime(), m_b->askedNow.addMSecs(ReminderScheduler::kMaxWaitMs));
    QCOMPARE(m_scheduler->sources(), (QList<ReminderSource *>{m_a.get(), m_b.get()}));

    m_scheduler->removeSource(m_b.get());
    QCOMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(3 * 3600));
    QCOMPARE(m_spy->count(), 0);
}

void TestSharedReminders::firesAtTheRightTimeWithItsSource()
{
    const QDateTime fireAt = m_t0.addSecs(600);
    m_b->add(u"b1"_s, u"y"_s, fireAt);
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->addSource(m_b.get());
    m_scheduler->start();
    QCOMPARE(m_scheduler->nextFireTime(), fireAt);

    bool recordedWhenShown = false;
    connect(m_scheduler.get(), &ReminderScheduler::reminderDue, this,
            [&] { recordedWhenShown = m_b->delivered.contains(u"b1"_s); });
    m_clock.set(fireAt.addMSecs(-50));
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 0);
    QVERIFY(m_spy->wait(kWaitMs));
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(shownSource(0), m_b.get());
    QCOMPARE(shown(0).id, u"b1"_s);
    QCOMPARE(shown(0).title, u"Title b1"_s);
    QCOMPARE(shown(0).text, u"Text b1"_s);
    QVERIFY(recordedWhenShown);
    QVERIFY(m_clock.now() >= fireAt);
    QVERIFY(!m_scheduler->nextFireTime().isValid());

    m_scheduler->recheck();
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 1);
}

void TestSharedReminders::sourceChangeReplans()
{
    m_b->add(u"b1"_s, u"y"_s, m_t0.addSecs(7200));
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->addSource(m_b.get());
    m_scheduler->start();
    QCOMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(7200));
    const int asked = m_a->asked;
    const int askedB = m_b->asked;
    m_a->add(u"a1"_s, u"x"_s, m_t0.addDays(1));
    m_a->add(u"a2"_s, u"x"_s, m_t0.addSecs(3600));
    // Planned later, on the event loop, and once for the burst.
    QCOMPARE(m_a->asked, asked);
    QTRY_COMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(3600));
    QCOMPARE(m_a->asked, asked + 1);
    QCOMPARE(m_scheduler->nextCheckTime(), m_t0.addSecs(3600));
    // Only the source that changed was asked; b's answer was reused.
    QCOMPARE(m_b->asked, askedB);
    m_a->reminders.clear();
    emit m_a->changed();
    QTRY_COMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(7200));
    QCOMPARE(m_b->asked, askedB);
    // Time-driven checks ask everyone.
    m_scheduler->recheck();
    QCOMPARE(m_b->asked, askedB + 1);
}

void TestSharedReminders::cachedAnswerIsRefreshedWhenDue()
{
    m_b->add(u"b1"_s, u"y"_s, m_t0.addSecs(600));
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->addSource(m_b.get());
    m_scheduler->start();
    const int askedB = m_b->asked;
    // b's text changes without a `changed` (a language switch): the popup,
    // planned from an older answer, is made from a fresh one.
    m_b->reminders.first().text = u"Fresh text"_s;
    m_clock.set(m_t0.addSecs(601));
    emit m_a->changed(); // a partial plan, after b's reminder came due
    QTRY_COMPARE(m_spy->count(), 1);
    QCOMPARE(shown(0).text, u"Fresh text"_s);
    QCOMPARE(m_b->asked, askedB + 1);
    QVERIFY(m_b->delivered.contains(u"b1"_s));
    // Delivered: gone from the cache, never handed over again.
    emit m_a->changed();
    QTest::qWait(50);
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 1);
}

void TestSharedReminders::recordedBeforeShownAndRefusedNeverShown()
{
    m_a->add(u"ok"_s, u"x"_s, m_t0.addSecs(-60));
    m_a->add(u"refused"_s, u"y"_s, m_t0.addSecs(-30));
    m_a->refused.insert(u"refused"_s);
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->start(); // missed a minute ago: fires during start()
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(shown(0).id, u"ok"_s);
    QVERIFY(m_a->delivered.contains(u"ok"_s));
    QVERIFY(!m_a->delivered.contains(u"refused"_s));
}

void TestSharedReminders::missedRulePerSourceAndItem()
{
    // Item x of source a: three missed reminders, one popup for the latest.
    m_a->add(u"x-early"_s, u"x"_s, m_t0.addSecs(-3 * 3600));
    m_a->add(u"x-late"_s, u"x"_s, m_t0.addSecs(-600));
    m_a->add(u"x-middle"_s, u"x"_s, m_t0.addSecs(-3600));
    // Too old: recorded, no popup (a day and a minute ago).
    m_a->add(u"old"_s, u"z"_s, m_t0.addSecs(-86400 - 60));
    // The same item id in another source is another item.
    m_b->add(u"b-x"_s, u"x"_s, m_t0.addSecs(-1200));
    m_b->add(u"b-future"_s, u"w"_s, m_t0.addSecs(600));
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->addSource(m_b.get());
    m_scheduler->start();

    QCOMPARE(m_spy->count(), 2);
    // In fire-time order.
    QCOMPARE(shown(0).id, u"b-x"_s);
    QCOMPARE(shownSource(0), m_b.get());
    QCOMPARE(shown(1).id, u"x-late"_s);
    QCOMPARE(shownSource(1), m_a.get());
    for (const QString &id : {u"x-early"_s, u"x-late"_s, u"x-middle"_s, u"old"_s})
        QVERIFY2(m_a->delivered.contains(id), qPrintable(id));
    QVERIFY(m_b->delivered.contains(u"b-x"_s));
    QVERIFY(!m_b->delivered.contains(u"b-future"_s));
    QCOMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(600));
}

void TestSharedReminders::sourcesAreAskedAboutABoundedWindow()
{
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->start();
    QCOMPARE(m_a->asked, 1);
    QVERIFY(qAbs(m_a->askedNow.msecsTo(m_t0)) < 1000);
    QCOMPARE(m_a->askedNow.msecsTo(m_a->askedFrom), -ReminderScheduler::kMissedWindowMs);
    QCOMPARE(m_a->askedNow.msecsTo(m_a->askedUntil), ReminderScheduler::kLookAheadMs);
    // Nothing ahead: asked again after one timer wait, so a source that
    // looks only at the window (an endless series) finds what comes next.
    QVERIFY(!m_scheduler->nextFireTime().isValid());
    QCOMPARE(m_scheduler->nextCheckTime(), m_a->askedNow.addMSecs(ReminderScheduler::kMaxWaitMs));
    QVERIFY(ReminderScheduler::kLookAheadMs > ReminderScheduler::kMaxWaitMs);

    // After a suspend of three days the next check asks about the new days.
    m_clock.set(m_t0.addDays(3));
    m_scheduler->recheck();
    QVERIFY(qAbs(m_a->askedNow.msecsTo(m_t0.addDays(3))) < 1000);
}

void TestSharedReminders::destroyedSourceDropsOut()
{
    m_b->add(u"b1"_s, u"y"_s, m_t0.addSecs(600));
    m_a->add(u"a1"_s, u"x"_s, m_t0.addSecs(1200));
    makeScheduler();
    m_scheduler->addSource(m_a.get());
    m_scheduler->addSource(m_b.get());
    m_scheduler->start();
    QCOMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(600));
    m_b.reset();
    QTRY_COMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(1200));
    QCOMPARE(m_scheduler->sources(), QList<ReminderSource *>{m_a.get()});
}

void TestSharedReminders::slotDeletingTheSchedulerIsSafe()
{
    m_a->add(u"a1"_s, u"x"_s, m_t0.addSecs(-60));
    m_a->add(u"a2"_s, u"y"_s, m_t0.addSecs(-30));
    makeScheduler();
    int calls = 0;
    connect(m_scheduler.get(), &ReminderScheduler::reminderDue, this, [&] {
        ++calls;
        m_spy.reset();
        m_scheduler.reset();
    });
    m_scheduler->addSource(m_a.get());
    m_scheduler->start();
    QVERIFY(!m_scheduler);
    QCOMPARE(calls, 1);
    QCOMPARE(m_a->delivered.size(), 2); // both recorded before the first popup
}

void TestSharedReminders::markStartsAtTheFirstStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"guest.calendar-reminders.json"_s);
    DeliveredUpTo mark(path);
    QVERIFY(!mark.value().isValid());
    QVERIFY(!mark.covers(m_t0.addYears(-10)));
    QVERIFY(mark.load(m_t0));
    QCOMPARE(mark.value(), m_t0);
    QVERIFY(mark.covers(m_t0));
    QVERIFY(!mark.covers(m_t0.addMSecs(1)));
    QVERIFY(QFile::exists(path)); // so a reminder missed before the next start fires then
}

void TestSharedReminders::markSurvivesARestartAndOnlyMovesAhead()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"mark.json"_s);
    {
        DeliveredUpTo mark(path);
        QVERIFY(mark.load(m_t0));
        QVERIFY(mark.advance(m_t0.addSecs(3600)));
        QVERIFY(mark.advance(m_t0.addSecs(60))); // earlier: ignored
        QCOMPARE(mark.value(), m_t0.addSecs(3600));
    }
    DeliveredUpTo again(path);
    QVERIFY(again.load(m_t0.addDays(5))); // the file wins over `now`
    QCOMPARE(again.value(), m_t0.addSecs(3600));
}

void TestSharedReminders::damagedMarkStartsOver()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"mark.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"deliveredUpTo\": 12");
    file.close();
    DeliveredUpTo mark(path);
    QString error;
    QVERIFY(!mark.load(m_t0, true, &error));
    QVERIFY2(error.contains(u"cannot read"_s), qPrintable(error));
    QCOMPARE(mark.value(), m_t0);
    DeliveredUpTo again(path);
    QVERIFY(again.load(m_t0.addDays(1)));
    QCOMPARE(again.value(), m_t0); // rewritten
}

void TestSharedReminders::readOnlyMarkWritesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"mark.json"_s);
    DeliveredUpTo mark(path);
    QVERIFY(mark.load(m_t0, false));
    QString error;
    QVERIFY(!mark.advance(m_t0.addSecs(60), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(mark.value(), m_t0.addSecs(60)); // moved in memory: no repeats in this run
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestSharedReminders)
#include "tst_sharedreminders.moc"
