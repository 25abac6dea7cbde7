// Day layout (daylayout.h): overlap clusters side by side, clipping to the
// day, the DST days' wall-clock mapping, the all-day row (all-day events and
// timed ones of 24 hours or more) with lanes that overlapping spans never
// share, and month grids for Monday and Sunday weeks.
#include "daylayout.h"

#include <QTest>

using namespace mana::calendar;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone berlin("Europe/Berlin");

// "09:00-10:30" on `day` in Berlin ("-1 22:00" starts the day before).
Occurrence timed(QDate day, const QString &span, const QString &title = {})
{
    const auto parse = [day](QString text) {
        QDate date = day;
        if (text.startsWith(u'-') || text.startsWith(u'+')) {
            date = day.addDays(text.section(u' ', 0, 0).toInt());
            text = text.section(u' ', 1);
        }
        return QDateTime(date, QTime::fromString(text, u"HH:mm"_s), berlin).toUTC();
    };
    Occurrence occurrence;
    occurrence.start = parse(span.section(u'~', 0, 0));
    occurrence.end = parse(span.section(u'~', 1, 1));
    occurrence.eventId = title.isEmpty() ? span : title;
    occurrence.record = {{"title", occurrence.eventId}};
    return occurrence;
}

Occurrence allDay(QDate first, int days)
{
    Occurrence occurrence;
    occurrence.allDay = true;
    occurrence.start = QDateTime(first, QTime(0, 0), Qt::UTC);
    occurrence.end = occurrence.start.addDays(days);
    return occurrence;
}

} // namespace

class TestDayLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clusters_data();
    void clusters();
    void clipsToTheDay();
    void dstDays_data();
    void dstDays();
    void allDayRowLanes();
    void monthGrid_data();
    void monthGrid();
};

void TestDayLayout::clusters_data()
{
    QTest::addColumn<QStringList>("spans");
    // Per span, in the given order: "column/columnCount".
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("apart") << QStringList{"09:00~10:00", "10:00~11:00"}
                           << QStringList{"0/1", "0/1"};
    QTest::newRow("two overlapping")
        << QStringList{"09:00~11:00", "10:00~12:00"} << QStringList{"0/2", "1/2"};
    QTest::newRow("a chain is one cluster; a freed column is reused")
        << QStringList{"09:00~10:00", "09:30~11:00", "10:00~12:00", "13:00~14:00"}
        << QStringList{"0/2", "1/2", "0/2", "0/1"};
    QTest::newRow("three at once")
        << QStringList{"09:00~12:00", "09:00~10:00", "11:00~11:30", "09:30~10:30"}
        << QStringList{"0/3", "1/3", "1/3", "2/3"};
    QTest::newRow("short events are drawn 20 minutes tall")
        << QStringList{"09:00~09:05", "09:10~09:30"} << QStringList{"0/2", "1/2"};
}

void TestDayLayout::clusters()
{
    QFETCH(QStringList, spans);
    QFETCH(QStringList, expected);
    const QDate day(2027, 5, 4);
    QList<Occurrence> occurrences;
    for (const QString &span : spans)
        occurrences << timed(day, span);
    const DayLayout layout = layoutDay(occurrences, day, berlin);
    QCOMPARE(layout.timed.size(), spans.size());
    QStringList found(spans.size());
    for (const TimedBlock &block : layout.timed)
        found[block.index] = u"%1/%2"_s.arg(block.column).arg(block.columnCount);
    QCOMPARE(found, expected);
}

void TestDayLayout::clipsToTheDay()
{
    const QDate day(2027, 5, 4);
    const DayLayout layout =
        layoutDay({timed(day, u"-1 22:00~02:00"_s), timed(day, u"23:00~+1 01:00"_s),
                   timed(day, u"-1 08:00~+1 09:00"_s), allDay(day, 1), allDay(day.addDays(1), 1)},
                  day, berlin);
    QCOMPARE(layout.timed.size(), 2);
    QCOMPARE(layout.timed[0].top, 0);
    QCOMPARE(layout.timed[0].bottom, 120);
    QVERIFY(layout.timed[0].startsBefore && !layout.timed[0].endsAfter);
    QCOMPARE(layout.timed[1].top, 23 * 60);
    QCOMPARE(layout.timed[1].bottom, 24 * 60);
    QVERIFY(layout.timed[1].endsAfter);
    // The 25-hour event and the day's all-day event; not the next day's.
    QCOMPARE(layout.allDay, QList<int>({2, 3}));
}

void TestDayLayout::dstDays_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("span");
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("bottom");
    // 2027-03-28 has 23 hours in Berlin, 2027-10-31 25: the grid keeps 24
    // wall-clock hours.
    QTest::newRow("spring: after the gap") << QDate(2027, 3, 28) << "09:00~10:00" << 540 << 600;
    QTest::newRow("spring: across the gap") << QDate(2027, 3, 28) << "01:30~03:30" << 90 << 210;
    QTest::newRow("autumn: after the change") << QDate(2027, 10, 31) << "09:00~10:00" << 540 << 600;
    QTest::newRow("autumn: whole day") << QDate(2027, 10, 31) << "00:00~+1 00:00" << 0 << 1440;
}

void TestDayLayout::dstDays()
{
    QFETCH(QDate, day);
    QFETCH(QString, span);
    QFETCH(int, top);
    QFETCH(int, bottom);
    const Occurrence occurrence = timed(day, span);
    const DayLayout layout = layoutDay({occurrence}, day, berlin);
    if (span.contains(u"+1")) { // 25 hours: the all-day row
        QCOMPARE(layout.allDay, QList<int>{0});
        return;
    }
    QCOMPARE(layout.timed.size(), 1);
    QCOMPARE(layout.timed[0].top, top);
    QCOMPARE(layout.timed[0].bottom, bottom);
}

// A week from Monday 2027-05-03: overlapping spans get different lanes,
// a freed lane is reused, clipping is flagged.
void TestDayLayout::allDayRowLanes()
{
    const QDate monday(2027, 5, 3);
    const QList<Occurrence> occurrences{
        allDay(monday.addDays(-2), 4),              // Sat..Tue: lane 0, starts before
        allDay(monday.addDays(1), 3),               // Tue..Thu: lane 1
        allDay(monday.addDays(3), 1),               // Thu: lane 0, freed on Tue
        allDay(monday.addDays(4), 5),               // Fri..Tue: lane 0 again, ends after
        timed(monday.addDays(2), u"10:00~11:00"_s), // not in the all-day row
    };
    const SpanRow row = layoutSpans(occurrences, monday, 7, berlin);
    QCOMPARE(row.laneCount, 2);
    QCOMPARE(row.spans.size(), 4);
    QHash<int, SpanBlock> byIndex;
    for (const SpanBlock &span : row.spans)
        byIndex.insert(span.index, span);
    QCOMPARE(byIndex[0].lane, 0);
    QVERIFY(byIndex[0].startsBefore);
    QCOMPARE(byIndex[0].firstDay, 0);
    QCOMPARE(byIndex[0].lastDay, 1);
    QCOMPARE(byIndex[1].lane, 1);
    QCOMPARE(byIndex[2].lane, 0);
    QCOMPARE(byIndex[3].lane, 0);
    QVERIFY(byIndex[3].endsAfter);
    QCOMPARE(byIndex[3].lastDay, 6);
    // A month's week row lays out the timed one too.
    QCOMPARE(layoutSpans(occurrences, monday, 7, berlin, true).spans.size(), 5);
}

void TestDayLayout::monthGrid_data()
{
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("month");
    QTest::addColumn<int>("firstDay");
    QTest::addColumn<bool>("sixWeeks");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<int>("size");
    QTest::newRow("May 2027, Monday weeks")
        << 2027 << 5 << int(Qt::Monday) << true << QDate(2027, 4, 26) << 42;
    QTest::newRow("May 2027, Sunday weeks")
        << 2027 << 5 << int(Qt::Sunday) << true << QDate(2027, 4, 25) << 42;
    QTest::newRow("Feb 2027 starts on Monday: no lead")
        << 2027 << 2 << int(Qt::Monday) << false << QDate(2027, 2, 1) << 28;
    QTest::newRow("May 2027 needs 6 weeks")
        << 2027 << 5 << int(Qt::Monday) << false << QDate(2027, 4, 26) << 42;
    QTest::newRow("Aug 2027, Sunday weeks, 5 weeks")
        << 2027 << 8 << int(Qt::Sunday) << false << QDate(2027, 8, 1) << 35;
}

void TestDayLayout::monthGrid()
{
    QFETCH(int, year);
    QFETCH(int, month);
    QFETCH(int, firstDay);
    QFETCH(bool, sixWeeks);
    QFETCH(QDate, first);
    QFETCH(int, size);
    const QList<QDate> dates =
        mana::calendar::monthGrid(year, month, Qt::DayOfWeek(firstDay), sixWeeks);
    QCOMPARE(dates.size(), size);
    QCOMPARE(dates.first(), first);
    QCOMPARE(dates.first().dayOfWeek(), firstDay);
    for (int i = 1; i < dates.size(); ++i)
        QCOMPARE(dates[i], dates[i - 1].addDays(1));
}

QTEST_GUILESS_MAIN(TestDayLayout)
#include "tst_daylayout.moc"
