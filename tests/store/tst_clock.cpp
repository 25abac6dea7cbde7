// The merge trusts timestamps, so a device must never issue one lower than
// or equal to one it issued before: not when the wall clock jumps back, not
// after a restart, not after seeing a newer remote write.
#include "storetestsupport.h"

#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

const QByteArray kItemsSpec = R"({"name":"items","fields":[{"name":"title","type":"string"}]})";

} // namespace

class TestClock : public QObject
{
    Q_OBJECT

private slots:
    void strictlyIncreasing_data();
    void strictlyIncreasing();
    void observeNeverLowers();
    void writesUseTheClock();
    void writesStayMonotonicWhenTheWallClockJumpsBack();
    void persistedAcrossReopen();
    void persistedEvenWithoutAnotherWrite();
    void ceilingIsRewrittenOnlyWhenPassed();
    void remoteTimestampsAreObserved();
};

void TestClock::strictlyIncreasing_data()
{
    QTest::addColumn<QList<Millis>>("wall");
    QTest::addColumn<QList<Millis>>("issued");
    QTest::newRow("wall clock moving forward")
        << QList<Millis>{100, 150, 200} << QList<Millis>{100, 150, 200};
    QTest::newRow("wall clock standing still")
        << QList<Millis>{100, 100, 100} << QList<Millis>{100, 101, 102};
    QTest::newRow("wall clock jumping back")
        << QList<Millis>{1000, 10, 20, 1001, 5000} << QList<Millis>{1000, 1001, 1002, 1003, 5000};
    QTest::newRow("a day back, then forward")
        << QList<Millis>{kStartMillis, kStartMillis - 86400000, kStartMillis + 1}
        << QList<Millis>{kStartMillis, kStartMillis + 1, kStartMillis + 2};
}

void TestClock::strictlyIncreasing()
{
    QFETCH(QList<Millis>, wall);
    QFETCH(QList<Millis>, issued);
    ManualClock manual;
    HybridLogicalClock clock(manual.wallClock());
    QList<Millis> actual;
    for (const Millis now : wall) {
        manual.set(now);
        actual.append(clock.issue());
        QCOMPARE(clock.lastIssued(), actual.last());
    }
    QCOMPARE(actual, issued);
}

void TestClock::observeNeverLowers()
{
    ManualClock manual;
    manual.set(50);
    HybridLogicalClock clock(manual.wallClock());
    clock.observe(1000);
    QCOMPARE(clock.issue(), Millis(1001));
    clock.observe(10);
    QCOMPARE(clock.lastIssued(), Millis(1001));
    QCOMPARE(clock.issue(), Millis(1002));
}

void TestClock::writesUseTheClock()
{
    StoreFixture fixture;
    QVERIFY(fixture.open());
    Collection *items = fixture.add(kItemsSpec);
    QVERIFY(items);
    const WriteResult inserted = items->insert({{"title", "a"}});
    QCOMPARE(items->get(inserted.id)->value("createdAt").toString(), formatTimestamp(kStartMillis));
    QCOMPARE(fixture.store->clock().lastIssued(), kStartMillis);
}

void TestClock::writesStayMonotonicWhenTheWallClockJumpsBack()
{
    StoreFixture fixture;
    QVERIFY(fixture.open());
    Collection *items = fixture.add(kItemsSpec);
    const WriteResult inserted = items->insert({{"title", "a"}});
    QString previous = items->get(inserted.id)->value("updatedAt").toString();
    // An NTP correction of an hour, then a user setting the date a year back.
    for (const Millis jump : {-3600000LL, 0LL, -365LL * 86400000, 10LL}) {
        fixture.clock.advance(jump);
        QVERIFY(items->update(inserted.id, {{"title", QString::number(jump)}}));
        const QString updatedAt = items->get(inserted.id)->value("updatedAt").toString();
        QVERIFY2(updatedAt > previous, qPrintable(updatedAt + " <= " + previous));
        QCOMPARE(items->recordState(inserted.id).value("title").updatedAt, updatedAt);
        previous = updatedAt;
    }
    QCOMPARE(previous, formatTimestamp(kStartMillis + 4));
}

void TestClock::persistedAcrossReopen()
{
    StoreFixture fixture;
    const Millis future = kStartMillis + 400LL * 86400000; // a wrong clock, a year ahead
    fixture.clock.set(future);
    QVERIFY(fixture.open());
    Collection *items = fixture.add(kItemsSpec);
    const WriteResult inserted = items->insert({{"title", "from the future"}});
    QVERIFY(inserted);

    fixture.clock.set(kStartMillis); // the clock was corrected while the app was closed
    fixture.reopen();
    // The stored ceiling: above everything issued, at most the reserve above.
    const Millis restored = fixture.store->clock().lastIssued();
    QVERIFY(restored >= future);
    QVERIFY(restored <= future + LocalStore::kClockReserveMs);
    items = fixture.add(kItemsSpec);
    QVERIFY(items->update(inserted.id, {{"title", "after the restart"}}));
    QCOMPARE(items->get(inserted.id)->value("updatedAt").toString(), formatTimestamp(restored + 1));
    const WriteResult second = items->insert({{"title", "another"}});
    QCOMPARE(items->get(second.id)->value("createdAt").toString(), formatTimestamp(restored + 2));
}

// Writes inside the reserve write no new ceiling; the first one past it does.
void TestClock::ceilingIsRewrittenOnlyWhenPassed()
{
    StoreFixture fixture;
    QVERIFY(fixture.open());
    Collection *items = fixture.add(kItemsSpec);
    auto storedCeiling = [&] {
        RawConnection other(fixture.path());
        return other.scalar("SELECT value FROM _meta WHERE key = 'clock.lastIssued'").toLongLong();
    };
    fixture.clock.set(kStartMillis + 5000);
    QVERIFY(items->insert({{"title", "a"}}));
    const Millis ceiling = storedCeiling();
    QCOMPARE(ceiling, kStartMillis + 5000 + LocalStore::kClockReserveMs);
    fixture.clock.set(ceiling - 1);
    QVERIFY(items->insert({{"title", "b"}}));
    QCOMPARE(storedCeiling(), ceiling);
    fixture.clock.set(ceiling + 1);
    QVERIFY(items->insert({{"title", "c"}}));
    QCOMPARE(storedCeiling(), ceiling + 1 + LocalStore::kClockReserveMs);
}

// The clock's position is stored with the write it stamped, so a crash
// right after a write cannot roll the clock back.
void TestClock::persistedEvenWithoutAnotherWrite()
{
    StoreFixture fixture;
    QVERIFY(fixture.open());
    Collection *items = fixture.add(kItemsSpec);
    fixture.clock.set(kStartMillis + 5000);
    QVERIFY(items->insert({{"title", "a"}}));
    RawConnection other(fixture.path());
    QVERIFY(other.scalar("SELECT value FROM _meta WHERE key = 'clock.lastIssued'").toLongLong() >=
            kStartMillis + 5000);
}

void TestClock::remoteTimestampsAreObserved()
{
    StoreFixture fixture;
    QVERIFY(fixture.open());
    Collection *items = fixture.add(kItemsSpec);
    const Millis remote = kStartMillis + 3600000;
    wire::Change change;
    change.table = "items";
    change.id = "remote-1";
    change.op = wire::ChangeOp::Update;
    change.fields.insert("title", FieldState{"from another device", formatTimestamp(remote), "zz"});
    QString error;
    QVERIFY2(fixture.store->applyRemoteChanges("test", {change}, "zz", &error), qPrintable(error));
    QCOMPARE(fixture.store->clock().lastIssued(), remote);

    // A local edit after seeing it must win over it, whatever the wall clock says.
    QVERIFY(items->update("remote-1", {{"title", "edited here"}}));
    QCOMPARE(items->recordState("remote-1").value("title").updatedAt, formatTimestamp(remote + 1));

    fixture.reopen();
    QVERIFY(fixture.store->clock().lastIssued() >= remote + 1);
}

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
