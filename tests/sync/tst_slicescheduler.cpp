// SliceScheduler: the sync engine's slices of pulled pages run a few at a
// time, so the event loop gets a turn between them whatever the number of
// apps pulling at once; apps take turns; a slice of a channel that is gone
// is dropped; a job may end the engine that owns the scheduler.
#include "slicescheduler.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>
#include <memory>

using namespace mana;

namespace {

void busyFor(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
    }
}

} // namespace

class TestSliceScheduler : public QObject
{
    Q_OBJECT
private slots:
    // Jobs of 5 ms: a turn of the event loop runs as many as fit in the
    // budget (at least one), never all of them at once.
    void aTurnEndsAfterItsBudget_data()
    {
        QTest::addColumn<int>("jobMs");
        QTest::addColumn<int>("mostPerTurn");
        QTest::newRow("jobs shorter than the budget") << 3 << 3;
        QTest::newRow("jobs longer than the budget") << 12 << 1;
    }
    void aTurnEndsAfterItsBudget()
    {
        QFETCH(int, jobMs);
        QFETCH(int, mostPerTurn);
        SliceScheduler scheduler;
        QObject owner;
        int ran = 0;
        for (int i = 0; i < 20; ++i)
            scheduler.post(&owner, [&] {
                busyFor(jobMs);
                ++ran;
            });
        QCOMPARE(ran, 0); // never inside post()
        int turns = 0;
        while (scheduler.pendingJobs() > 0 && turns < 100) {
            const int before = ran;
            QCoreApplication::processEvents();
            ++turns;
            QVERIFY2(ran - before <= mostPerTurn,
                     qPrintable(QStringLiteral("%1 jobs in one turn").arg(ran - before)));
        }
        QCOMPARE(ran, 20);
        QVERIFY(turns >= 20 / mostPerTurn);
    }

    // Three apps whose slices each post the next: they alternate.
    void appsTakeTurns()
    {
        SliceScheduler scheduler;
        QObject a, b, c;
        QString order;
        std::function<void(QObject *, QChar, int)> slice = [&](QObject *owner, QChar name,
                                                               int left) {
            order.append(name);
            if (left > 1)
                scheduler.post(owner, [&, owner, name, left] { slice(owner, name, left - 1); });
        };
        scheduler.post(&a, [&] { slice(&a, u'a', 3); });
        scheduler.post(&b, [&] { slice(&b, u'b', 3); });
        scheduler.post(&c, [&] { slice(&c, u'c', 3); });
        QTRY_COMPARE(order, QStringLiteral("abcabcabc"));
    }

    void jobsOfAnOwnerThatIsGoneAreDropped()
    {
        SliceScheduler scheduler;
        auto owner = std::make_unique<QObject>();
        QObject other;
        bool ranGone = false;
        bool ranOther = false;
        scheduler.post(owner.get(), [&] { ranGone = true; });
        scheduler.post(&other, [&] { ranOther = true; });
        owner.reset();
        QTRY_VERIFY(ranOther);
        QVERIFY(!ranGone);
        QCOMPARE(scheduler.pendingJobs(), 0);
    }

    // A job's callback stops the engine (signing out): the scheduler goes
    // with it, mid-turn, and nothing runs after.
    void aJobMayDeleteTheScheduler()
    {
        auto scheduler = std::make_unique<SliceScheduler>();
        QObject owner;
        bool ranAfter = false;
        scheduler->post(&owner, [&] { scheduler.reset(); });
        scheduler->post(&owner, [&] { ranAfter = true; });
        QTRY_VERIFY(!scheduler);
        QCoreApplication::processEvents();
        QVERIFY(!ranAfter);
    }
};

QTEST_GUILESS_MAIN(TestSliceScheduler)
#include "tst_slicescheduler.moc"
