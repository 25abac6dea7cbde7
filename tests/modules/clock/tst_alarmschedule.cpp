// When an alarm rings: weekdays, one-time alarms, across midnight, and the
// DST days of Europe/Berlin (March and October 2027) and America/New_York
// (a time in the spring-forward gap rings when the clocks jump; a time that
// exists twice rings once, at its first occurrence).
#include "alarmschedule.h"

#include <QJsonArray>
#include <QTest>

using namespace mana::clock;
using namespace Qt::StringLiterals;

namespace {

QDateTime local(const QString &text, const char *zone)
{
    return QDateTime(QDate::fromString(text.left(10), Qt::ISODate),
                     QTime::fromString(text.mid(11), u"HH:mm"_s), QTimeZone(zone));
}

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

} // namespace

class TestAlarmSchedule : public QObject
{
    Q_OBJECT

private slots:
    void parsesRecords_data();
    void parsesRecords();
    void nextRingTime_data();
    void nextRingTime();
    void ringTimeOnDstDays_data();
    void ringTimeOnDstDays();
    void fallBackRingsOnce();
    void latestRingTimeIn_data();
    void latestRingTimeIn();
};

void TestAlarmSchedule::parsesRecords_data()
{
    QTest::addColumn<QJsonObject>("record");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QList<int>>("days");
    QTest::newRow("weekdays") << QJsonObject{{u"time"_s, u"07:00"_s},
                                             {u"repeatDays"_s, QJsonArray{5, 1, 2, 3, 4}}}
                              << QTime(7, 0) << QList<int>{1, 2, 3, 4, 5};
    QTest::newRow("once") << QJsonObject{{u"time"_s, u"23:45"_s}} << QTime(23, 45) << QList<int>{};
    QTest::newRow("text days, out of range and doubles dropped")
        << QJsonObject{{u"time"_s, u"6:05"_s}, {u"repeatDays"_s, u"[0, 6, 7, -1, 6, 2.5]"_s}}
        << QTime(6, 5) << QList<int>{0, 6};
    QTest::newRow("bad time") << QJsonObject{{u"time"_s, u"25:00"_s}} << QTime() << QList<int>{};
}

void TestAlarmSchedule::parsesRecords()
{
    QFETCH(QJsonObject, record);
    QFETCH(QTime, time);
    QFETCH(QList<int>, days);
    const AlarmRule rule = AlarmRule::fromRecord(record);
    QCOMPARE(rule.time, time);
    QCOMPARE(rule.repeatDays, days);
}

void TestAlarmSchedule::nextRingTime_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QList<int>>("days");
    QTest::addColumn<QString>("from"); // local "yyyy-MM-ddTHH:mm"
    QTest::addColumn<QString>("expected");

    // 2027-01-04 is a Monday.
    const QList<int> weekdays{1, 2, 3, 4, 5};
    QTest::newRow("weekday, later today") << u"Europe/Berlin"_s << u"07:00"_s << weekdays
                                          << u"2027-01-04T06:00"_s << u"2027-01-04T07:00"_s;
    QTest::newRow("weekday, exactly now rings now")
        << u"Europe/Berlin"_s << u"07:00"_s << weekdays << u"2027-01-04T07:00"_s
        << u"2027-01-04T07:00"_s;
    QTest::newRow("weekday, passed today: tomorrow")
        << u"Europe/Berlin"_s << u"07:00"_s << weekdays << u"2027-01-04T07:01"_s
        << u"2027-01-05T07:00"_s;
    QTest::newRow("Friday evening: Monday") << u"Europe/Berlin"_s << u"07:00"_s << weekdays
                                            << u"2027-01-08T20:00"_s << u"2027-01-11T07:00"_s;
    QTest::newRow("Sunday only (0)") << u"Europe/Berlin"_s << u"09:30"_s << QList<int>{0}
                                     << u"2027-01-04T10:00"_s << u"2027-01-10T09:30"_s;
    QTest::newRow("Saturday only (6), on Saturday after: a week")
        << u"Europe/Berlin"_s << u"09:30"_s << QList<int>{6} << u"2027-01-09T09:31"_s
        << u"2027-01-16T09:30"_s;
    QTest::newRow("once, later today") << u"Europe/Berlin"_s << u"22:15"_s << QList<int>{}
                                       << u"2027-01-04T21:00"_s << u"2027-01-04T22:15"_s;
    QTest::newRow("once, across midnight") << u"Europe/Berlin"_s << u"00:10"_s << QList<int>{}
                                           << u"2027-01-04T23:50"_s << u"2027-01-05T00:10"_s;
    QTest::newRow("weekly across midnight into Saturday")
        << u"Europe/Berlin"_s << u"00:05"_s << QList<int>{6} << u"2027-01-08T23:59"_s
        << u"2027-01-09T00:05"_s;
    QTest::newRow("Berlin spring forward: 02:30 rings at 03:00")
        << u"Europe/Berlin"_s << u"02:30"_s << QList<int>{} << u"2027-03-28T01:00"_s
        << u"2027-03-28T03:00"_s;
    QTest::newRow("Berlin spring forward: 01:59 unaffected")
        << u"Europe/Berlin"_s << u"01:59"_s << QList<int>{} << u"2027-03-28T00:00"_s
        << u"2027-03-28T01:59"_s;
    QTest::newRow("Berlin spring forward: 03:00 is the same moment as 02:30")
        << u"Europe/Berlin"_s << u"03:00"_s << QList<int>{0} << u"2027-03-27T12:00"_s
        << u"2027-03-28T03:00"_s;
    QTest::newRow("Berlin week after spring forward: 07:00 summer time")
        << u"Europe/Berlin"_s << u"07:00"_s << weekdays << u"2027-03-27T12:00"_s
        << u"2027-03-29T07:00"_s;
    QTest::newRow("New York spring forward: 02:15 rings at 03:00")
        << u"America/New_York"_s << u"02:15"_s << QList<int>{0} << u"2027-03-13T12:00"_s
        << u"2027-03-14T03:00"_s;
    QTest::newRow("New York fall back: 07:00 after the change")
        << u"America/New_York"_s << u"07:00"_s << QList<int>{0} << u"2027-11-06T12:00"_s
        << u"2027-11-07T07:00"_s;
}

void TestAlarmSchedule::nextRingTime()
{
    QFETCH(QString, zone);
    QFETCH(QString, time);
    QFETCH(QList<int>, days);
    QFETCH(QString, from);
    QFETCH(QString, expected);
    const QTimeZone tz(zone.toUtf8());
    QVERIFY(tz.isValid());
    const AlarmRule rule{QTime::fromString(time, u"HH:mm"_s), days};
    const QDateTime ringAt = mana::clock::nextRingTime(rule, local(from, zone.toLatin1()), tz);
    QCOMPARE(ringAt.toUTC(), local(expected, zone.toLatin1()).toUTC());
    QCOMPARE(ringAt.toTimeZone(tz).toString(u"yyyy-MM-ddTHH:mm"_s), expected);
}

void TestAlarmSchedule::ringTimeOnDstDays_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<QDateTime>("expectedUtc");
    QTest::newRow("Berlin 28 March 2027 02:30 (gap): 01:00 UTC")
        << QByteArray("Europe/Berlin") << QDate(2027, 3, 28) << QTime(2, 30)
        << utc(u"2027-03-28T01:00:00Z"_s);
    QTest::newRow("Berlin 28 March 2027 01:30 (CET): 00:30 UTC")
        << QByteArray("Europe/Berlin") << QDate(2027, 3, 28) << QTime(1, 30)
        << utc(u"2027-03-28T00:30:00Z"_s);
    QTest::newRow("Berlin 28 March 2027 03:30 (CEST): 01:30 UTC")
        << QByteArray("Europe/Berlin") << QDate(2027, 3, 28) << QTime(3, 30)
        << utc(u"2027-03-28T01:30:00Z"_s);
    QTest::newRow("Berlin 31 October 2027 02:30 (twice): the first, 00:30 UTC")
        << QByteArray("Europe/Berlin") << QDate(2027, 10, 31) << QTime(2, 30)
        << utc(u"2027-10-31T00:30:00Z"_s);
    QTest::newRow("Berlin 31 October 2027 03:30 (CET): 02:30 UTC")
        << QByteArray("Europe/Berlin") << QDate(2027, 10, 31) << QTime(3, 30)
        << utc(u"2027-10-31T02:30:00Z"_s);
    QTest::newRow("New York 14 March 2027 02:30 (gap): 07:00 UTC")
        << QByteArray("America/New_York") << QDate(2027, 3, 14) << QTime(2, 30)
        << utc(u"2027-03-14T07:00:00Z"_s);
    QTest::newRow("New York 7 November 2027 01:30 (twice): EDT, 05:30 UTC")
        << QByteArray("America/New_York") << QDate(2027, 11, 7) << QTime(1, 30)
        << utc(u"2027-11-07T05:30:00Z"_s);
    QTest::newRow("Tokyo has no DST") << QByteArray("Asia/Tokyo") << QDate(2027, 3, 28)
                                      << QTime(2, 30) << utc(u"2027-03-27T17:30:00Z"_s);
}

void TestAlarmSchedule::ringTimeOnDstDays()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, day);
    QFETCH(QTime, time);
    QFETCH(QDateTime, expectedUtc);
    QCOMPARE(ringTimeOn(day, time, QTimeZone(zone)), expectedUtc);
}

void TestAlarmSchedule::fallBackRingsOnce()
{
    // A daily 02:30 alarm on the night 02:30 happens twice: after the first
    // ring the next one is the following night, not an hour later.
    const QTimeZone berlin("Europe/Berlin");
    const AlarmRule daily{QTime(2, 30), {0, 1, 2, 3, 4, 5, 6}};
    const QDateTime first =
        mana::clock::nextRingTime(daily, utc(u"2027-10-30T12:00:00Z"_s), berlin);
    QCOMPARE(first, utc(u"2027-10-31T00:30:00Z"_s));
    const QDateTime second = mana::clock::nextRingTime(daily, first.addMSecs(1), berlin);
    QCOMPARE(second, utc(u"2027-11-01T01:30:00Z"_s));
    // And the hour in between holds no ring time.
    QVERIFY(!mana::clock::latestRingTimeIn(daily, first, utc(u"2027-10-31T02:00:00Z"_s), berlin)
                 .isValid());
}

void TestAlarmSchedule::latestRingTimeIn_data()
{
    QTest::addColumn<QList<int>>("days");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("upTo");
    QTest::addColumn<QString>("expected"); // empty: none
    const QList<int> weekdays{1, 2, 3, 4, 5};
    QTest::newRow("missed this morning")
        << weekdays << u"2027-01-04T06:00"_s << u"2027-01-04T08:00"_s << u"2027-01-04T07:00"_s;
    QTest::newRow("not yet") << weekdays << u"2027-01-04T06:00"_s << u"2027-01-04T06:59"_s
                             << QString();
    QTest::newRow("exactly at the end counts")
        << weekdays << u"2027-01-04T06:00"_s << u"2027-01-04T07:00"_s << u"2027-01-04T07:00"_s;
    QTest::newRow("exactly at the start does not")
        << weekdays << u"2027-01-04T07:00"_s << u"2027-01-04T09:00"_s << QString();
    QTest::newRow("closed for a week: the latest")
        << weekdays << u"2027-01-01T12:00"_s << u"2027-01-09T12:00"_s << u"2027-01-08T07:00"_s;
    QTest::newRow("closed for a month: the latest")
        << weekdays << u"2026-12-01T12:00"_s << u"2027-01-06T12:00"_s << u"2027-01-06T07:00"_s;
    QTest::newRow("weekend only: none")
        << weekdays << u"2027-01-09T00:00"_s << u"2027-01-10T23:00"_s << QString();
    QTest::newRow("once: any day")
        << QList<int>{} << u"2027-01-09T00:00"_s << u"2027-01-10T23:00"_s << u"2027-01-10T07:00"_s;
}

void TestAlarmSchedule::latestRingTimeIn()
{
    QFETCH(QList<int>, days);
    QFETCH(QString, after);
    QFETCH(QString, upTo);
    QFETCH(QString, expected);
    const QTimeZone berlin("Europe/Berlin");
    const AlarmRule rule{QTime(7, 0), days};
    const QDateTime found = mana::clock::latestRingTimeIn(rule, local(after, "Europe/Berlin"),
                                                          local(upTo, "Europe/Berlin"), berlin);
    if (expected.isEmpty())
        QVERIFY2(!found.isValid(), qPrintable(found.toString(Qt::ISODate)));
    else
        QCOMPARE(found.toUTC(), local(expected, "Europe/Berlin").toUTC());
}

QTEST_GUILESS_MAIN(TestAlarmSchedule)
#include "tst_alarmschedule.moc"
