// LocalDay: "today" that follows the clock past midnight, driven by a test
// clock (the timer's aim is checked, not waited for).
#include "localday.h"

#include <QSignalSpy>
#include <QTest>

using mana::LocalDay;

class TestLocalDay : public QObject
{
    Q_OBJECT
private slots:
    void aimsJustPastMidnight_data();
    void aimsJustPastMidnight();
    void followsTheClockIntoTheNextDay();
    void fixedDateIgnoresTheClock();
    void clockSetBackIsFollowed();
};

void TestLocalDay::aimsJustPastMidnight_data()
{
    QTest::addColumn<QTime>("time");
    QTest::addColumn<int>("expectedMs");
    QTest::newRow("a second before") << QTime(23, 59, 59) << 1500;
    QTest::newRow("ten minutes before") << QTime(23, 50, 0) << 600'500;
    // Further away than an hour: looked at again within the hour.
    QTest::newRow("noon") << QTime(12, 0, 0) << LocalDay::kLongestWaitMs;
    QTest::newRow("just after midnight") << QTime(0, 0, 0) << LocalDay::kLongestWaitMs;
}

void TestLocalDay::aimsJustPastMidnight()
{
    QFETCH(QTime, time);
    QFETCH(int, expectedMs);
    LocalDay day;
    const QDateTime now(QDate(2026, 3, 10), time);
    day.setClock([now] { return now; });
    QCOMPARE(day.nextCheckMs(), expectedMs);
    QCOMPARE(day.date(), QDate(2026, 3, 10));
}

void TestLocalDay::followsTheClockIntoTheNextDay()
{
    LocalDay day;
    QDateTime now(QDate(2026, 12, 31), QTime(23, 59, 59, 600));
    day.setClock([&now] { return now; });
    QSignalSpy changed(&day, &LocalDay::dateChanged);
    day.check();
    QCOMPARE(changed.size(), 0);
    now = now.addSecs(1);
    day.check();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(day.date(), QDate(2027, 1, 1));
    day.check();
    QCOMPARE(changed.size(), 1); // once per day
}

void TestLocalDay::fixedDateIgnoresTheClock()
{
    LocalDay day;
    QDateTime now(QDate(2026, 5, 1), QTime(23, 59, 59));
    day.setClock([&now] { return now; });
    QSignalSpy changed(&day, &LocalDay::dateChanged);
    day.setFixedDate(QDate(2020, 2, 29));
    QCOMPARE(changed.size(), 1);
    now = now.addSecs(2);
    day.check();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(day.date(), QDate(2020, 2, 29));
    // Following the clock again: today is the clock's (changed) date.
    day.setFixedDate(QDate());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(day.date(), QDate(2026, 5, 2));
}

void TestLocalDay::clockSetBackIsFollowed()
{
    LocalDay day;
    QDateTime now(QDate(2026, 6, 2), QTime(8, 0));
    day.setClock([&now] { return now; });
    QSignalSpy changed(&day, &LocalDay::dateChanged);
    now = QDateTime(QDate(2026, 6, 1), QTime(22, 0));
    day.check();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(day.date(), QDate(2026, 6, 1));
}

QTEST_GUILESS_MAIN(TestLocalDay)
#include "tst_localday.moc"
