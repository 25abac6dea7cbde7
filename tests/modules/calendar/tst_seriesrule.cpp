// General RRULE expansion (seriesrule.h): the examples of RFC 5545
// §3.8.5.3 against the occurrence lists printed there, wall-clock times kept
// across DST in Berlin and New York, the spring-forward gap, all-day series
// as dates, skipping to a window years after the start (the same
// occurrences as iterating from the start), and rewriting COUNT/UNTIL.
#include "seriesrule.h"

#include <QScopeGuard>

#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

using namespace mana;
using namespace mana::calendar;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone newYork("America/New_York");
const QTimeZone berlin("Europe/Berlin");

SeriesRule parsed(const QString &text)
{
    QString error;
    const std::optional<SeriesRule> rule = SeriesRule::parse(text, &error);
    if (!rule)
        qFatal("test rule %s refused: %s", qPrintable(text), qPrintable(error));
    return *rule;
}

// "1997-09-02 09:00" in `zone`.
QDateTime local(const QString &text, const QTimeZone &zone)
{
    const QDateTime wall = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm"_s);
    if (!wall.isValid())
        qFatal("bad test time %s", qPrintable(text));
    return QDateTime(wall.date(), wall.time(), zone).toUTC();
}

QStringList localTexts(const QList<QDateTime> &instants, const QTimeZone &zone)
{
    QStringList texts;
    for (const QDateTime &instant : instants)
        texts << instant.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm"_s);
    return texts;
}

} // namespace

class TestSeriesRule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc5545Examples_data();
    void rfc5545Examples();
    void keepsWallClockAcrossDst_data();
    void keepsWallClockAcrossDst();
    void springForwardGap();
    void allDaySeriesAreDates_data();
    void allDaySeriesAreDates();
    void skippingToTheWindowChangesNothing_data();
    void skippingToTheWindowChangesNothing();
    void fastPathMatchesLibical_data();
    void fastPathMatchesLibical();
    void seriesYearsOldReachesTheWindow();
    void countCapsAtMaxOccurrences();
    void rewritingTheEnd_data();
    void rewritingTheEnd();
    void occurrencesBeforeCountsSkippedOnes();
    void refusesUnreadableRules_data();
    void refusesUnreadableRules();
};

// RFC 5545 §3.8.5.3, DTSTART in America/New_York at 09:00. Open-ended rules
// are looked at up to `until` (exclusive, local).
void TestSeriesRule::rfc5545Examples_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("until");
    QTest::addColumn<QStringList>("exdates");
    QTest::addColumn<QStringList>("expected");

    const auto days = [](const QString &prefix, const QList<int> &list) {
        QStringList out;
        for (int day : list)
            out << u"%1-%2 09:00"_s.arg(prefix).arg(day, 2, 10, QLatin1Char('0'));
        return out;
    };
    QTest::newRow("daily for 10 occurrences")
        << "FREQ=DAILY;COUNT=10"
        << "1997-09-02 09:00"
        << "" << QStringList() << days(u"1997-09"_s, {2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    QTest::newRow("every other day, until")
        << "FREQ=DAILY;INTERVAL=2;UNTIL=19970912T000000Z"
        << "1997-09-02 09:00"
        << "" << QStringList() << days(u"1997-09"_s, {2, 4, 6, 8, 10});
    QTest::newRow("every 10 days, 5 occurrences")
        << "FREQ=DAILY;INTERVAL=10;COUNT=5"
        << "1997-09-02 09:00"
        << "" << QStringList() << days(u"1997-09"_s, {2, 12, 22}) + days(u"1997-10"_s, {2, 12});
    QTest::newRow("weekly for 10 occurrences")
        << "FREQ=WEEKLY;COUNT=10"
        << "1997-09-02 09:00"
        << "" << QStringList()
        << days(u"1997-09"_s, {2, 9, 16, 23, 30}) + days(u"1997-10"_s, {7, 14, 21, 28}) +
               days(u"1997-11"_s, {4});
    QTest::newRow("weekly on Tuesday and Thursday for five weeks")
        << "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH"
        << "1997-09-02 09:00"
        << "" << QStringList()
        << days(u"1997-09"_s, {2, 4, 9, 11, 16, 18, 23, 25, 30}) + days(u"1997-10"_s, {2});
    QTest::newRow("every other week on Mon, Wed, Fri until Dec 24")
        << "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR"
        << "1997-09-01 09:00"
        << "" << QStringList()
        << days(u"1997-09"_s, {1, 3, 5, 15, 17, 19, 29}) +
               days(u"1997-10"_s, {1, 3, 13, 15, 17, 27, 29, 31}) +
               days(u"1997-11"_s, {10, 12, 14, 24, 26, 28}) + days(u"1997-12"_s, {8, 10, 12, 22});
    QTest::newRow("monthly on the first Friday, 10 occurrences")
        << "FREQ=MONTHLY;COUNT=10;BYDAY=1FR"
        << "1997-09-05 09:00"
        << "" << QStringList()
        << QStringList{"1997-09-05 09:00", "1997-10-03 09:00", "1997-11-07 09:00",
                       "1997-12-05 09:00", "1998-01-02 09:00", "1998-02-06 09:00",
                       "1998-03-06 09:00", "1998-04-03 09:00", "1998-05-01 09:00",
                       "1998-06-05 09:00"};
    QTest::newRow("every other month on the first and last Sunday")
        << "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU"
        << "1997-09-07 09:00"
        << "" << QStringList()
        << QStringList{"1997-09-07 09:00", "1997-09-28 09:00", "1997-11-02 09:00",
                       "1997-11-30 09:00", "1998-01-04 09:00", "1998-01-25 09:00",
                       "1998-03-01 09:00", "1998-03-29 09:00", "1998-05-03 09:00",
                       "1998-05-31 09:00"};
    QTest::newRow("monthly on the second-to-last Monday, 6 months")
        << "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO"
        << "1997-09-22 09:00"
        << "" << QStringList()
        << QStringList{"1997-09-22 09:00", "1997-10-20 09:00", "1997-11-17 09:00",
                       "1997-12-22 09:00", "1998-01-19 09:00", "1998-02-16 09:00"};
    QTest::newRow("monthly on the 2nd and 15th, 10 occurrences")
        << "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15"
        << "1997-09-02 09:00"
        << "" << QStringList()
        << days(u"1997-09"_s, {2, 15}) + days(u"1997-10"_s, {2, 15}) + days(u"1997-11"_s, {2, 15}) +
               days(u"1997-12"_s, {2, 15}) + days(u"1998-01"_s, {2, 15});
    QTest::newRow("yearly in June and July, 10 occurrences")
        << "FREQ=YEARLY;COUNT=10;BYMONTH=6,7"
        << "1997-06-10 09:00"
        << "" << QStringList()
        << QStringList{"1997-06-10 09:00", "1997-07-10 09:00", "1998-06-10 09:00",
                       "1998-07-10 09:00", "1999-06-10 09:00", "1999-07-10 09:00",
                       "2000-06-10 09:00", "2000-07-10 09:00", "2001-06-10 09:00",
                       "2001-07-10 09:00"};
    QTest::newRow("every other year in January to March, 10 occurrences")
        << "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3"
        << "1997-03-10 09:00"
        << "" << QStringList()
        << QStringList{"1997-03-10 09:00", "1999-01-10 09:00", "1999-02-10 09:00",
                       "1999-03-10 09:00", "2001-01-10 09:00", "2001-02-10 09:00",
                       "2001-03-10 09:00", "2003-01-10 09:00", "2003-02-10 09:00",
                       "2003-03-10 09:00"};
    QTest::newRow("every Thursday in March")
        << "FREQ=YEARLY;BYMONTH=3;BYDAY=TH"
        << "1997-03-13 09:00"
        << "1999-04-01 00:00" << QStringList()
        << days(u"1997-03"_s, {13, 20, 27}) + days(u"1998-03"_s, {5, 12, 19, 26}) +
               days(u"1999-03"_s, {4, 11, 18, 25});
    QTest::newRow("every 20th Monday of the year")
        << "FREQ=YEARLY;BYDAY=20MO"
        << "1997-05-19 09:00"
        << "2000-01-01 00:00" << QStringList()
        << QStringList{"1997-05-19 09:00", "1998-05-18 09:00", "1999-05-17 09:00"};
    QTest::newRow("Monday of week 20")
        << "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO"
        << "1997-05-12 09:00"
        << "2000-01-01 00:00" << QStringList()
        << QStringList{"1997-05-12 09:00", "1998-05-11 09:00", "1999-05-17 09:00"};
    QTest::newRow("every Friday the 13th")
        << "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"
        << "1997-09-02 09:00"
        << "2001-01-01 00:00" << QStringList{"1997-09-02 09:00"}
        << QStringList{"1998-02-13 09:00", "1998-03-13 09:00", "1998-11-13 09:00",
                       "1999-08-13 09:00", "2000-10-13 09:00"};
    QTest::newRow("last work day of the month (BYSETPOS=-1)")
        << "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
        << "1997-09-29 09:00"
        << "1998-04-01 00:00" << QStringList()
        << QStringList{"1997-09-29 09:00", "1997-09-30 09:00", "1997-10-31 09:00",
                       "1997-11-28 09:00", "1997-12-31 09:00", "1998-01-30 09:00",
                       "1998-02-27 09:00", "1998-03-31 09:00"};
    QTest::newRow("third Tuesday, Wednesday or Thursday, 3 months (BYSETPOS=3)")
        << "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3"
        << "1997-09-04 09:00"
        << "" << QStringList()
        << QStringList{"1997-09-04 09:00", "1997-10-07 09:00", "1997-11-06 09:00"};
    QTest::newRow("US presidential election day")
        << "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8"
        << "1996-11-05 09:00"
        << "2005-01-01 00:00" << QStringList()
        << QStringList{"1996-11-05 09:00", "2000-11-07 09:00", "2004-11-02 09:00"};
    QTest::newRow("WKST=MO changes the weeks")
        << "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO"
        << "1997-08-05 09:00"
        << "" << QStringList() << days(u"1997-08"_s, {5, 10, 19, 24});
    QTest::newRow("WKST=SU changes the weeks")
        << "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU"
        << "1997-08-05 09:00"
        << "" << QStringList() << days(u"1997-08"_s, {5, 17, 19, 31});
}

void TestSeriesRule::rfc5545Examples()
{
    QFETCH(QString, rule);
    QFETCH(QString, start);
    QFETCH(QString, until);
    QFETCH(QStringList, exdates);
    QFETCH(QStringList, expected);
    QList<QDateTime> exceptions;
    for (const QString &text : exdates)
        exceptions << local(text, newYork);
    const QDateTime to = until.isEmpty() ? QDateTime() : local(until, newYork);
    const TimedExpansion expansion =
        expandTimed(parsed(rule), local(start, newYork), newYork, {}, to, exceptions);
    QCOMPARE(localTexts(expansion.starts, newYork), expected);
    QVERIFY(!expansion.truncated);
}

void TestSeriesRule::keepsWallClockAcrossDst_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("dayBefore");
    QTest::addColumn<QString>("dayAfter");
    QTest::addColumn<QString>("utcBefore");
    QTest::addColumn<QString>("utcAfter");
    // Last Sundays of March and October 2027 in Berlin; second Sunday of
    // March and first of November 2027 in New York.
    QTest::newRow("Berlin spring") << "Europe/Berlin"
                                   << "2027-03-20 09:00"
                                   << "2027-03-27"
                                   << "2027-03-28"
                                   << "08:00"
                                   << "07:00";
    QTest::newRow("Berlin autumn") << "Europe/Berlin"
                                   << "2027-10-20 09:00"
                                   << "2027-10-30"
                                   << "2027-10-31"
                                   << "07:00"
                                   << "08:00";
    QTest::newRow("New York spring") << "America/New_York"
                                     << "2027-03-01 09:00"
                                     << "2027-03-13"
                                     << "2027-03-14"
                                     << "14:00"
                                     << "13:00";
    QTest::newRow("New York autumn") << "America/New_York"
                                     << "2027-10-20 09:00"
                                     << "2027-11-06"
                                     << "2027-11-07"
                                     << "13:00"
                                     << "14:00";
}

void TestSeriesRule::keepsWallClockAcrossDst()
{
    QFETCH(QString, zone);
    QFETCH(QString, start);
    QFETCH(QString, dayBefore);
    QFETCH(QString, dayAfter);
    QFETCH(QString, utcBefore);
    QFETCH(QString, utcAfter);
    const QTimeZone tz(zone.toUtf8());
    const QDateTime from = local(dayBefore + u" 00:00"_s, tz);
    const QDateTime to = local(dayAfter + u" 23:00"_s, tz);
    const TimedExpansion expansion =
        expandTimed(parsed(u"FREQ=DAILY"_s), local(start, tz), tz, from, to);
    QCOMPARE(localTexts(expansion.starts, tz),
             QStringList({dayBefore + u" 09:00"_s, dayAfter + u" 09:00"_s}));
    QCOMPARE(expansion.starts.at(0).toString(u"HH:mm"_s), utcBefore);
    QCOMPARE(expansion.starts.at(1).toString(u"HH:mm"_s), utcAfter);
}

// 02:30 does not exist on 2027-03-28 in Berlin: the offset from before the
// gap makes it 03:30 summer time (RFC 5545 §3.3.5); the days around keep
// 02:30. On 2027-10-31 02:30 exists twice: the first (summer time).
void TestSeriesRule::springForwardGap()
{
    const TimedExpansion expansion = expandTimed(
        parsed(u"FREQ=DAILY;COUNT=3"_s), local(u"2027-03-27 02:30"_s, berlin), berlin, {}, {});
    QCOMPARE(localTexts(expansion.starts, berlin),
             QStringList({"2027-03-27 02:30", "2027-03-28 03:30", "2027-03-29 02:30"}));
    QCOMPARE(expansion.starts.at(1), QDateTime(QDate(2027, 3, 28), QTime(1, 30), Qt::UTC));
    const TimedExpansion autumn = expandTimed(parsed(u"FREQ=DAILY;COUNT=2"_s),
                                              local(u"2027-10-30 02:30"_s, berlin), berlin, {}, {});
    QCOMPARE(autumn.starts.at(1), QDateTime(QDate(2027, 10, 31), QTime(0, 30), Qt::UTC));
}

void TestSeriesRule::allDaySeriesAreDates_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QList<QDate>>("exceptions");
    QTest::addColumn<QList<QDate>>("expected");
    QTest::newRow("yearly birthday across the leap day")
        << "FREQ=YEARLY" << QDate(2024, 2, 29) << QDate(2024, 1, 1) << QDate(2029, 1, 1)
        << QList<QDate>() << QList<QDate>{QDate(2024, 2, 29), QDate(2028, 2, 29)};
    QTest::newRow("weekly until a date, inclusive")
        << "FREQ=WEEKLY;UNTIL=20270322" << QDate(2027, 3, 1) << QDate() << QDate()
        << QList<QDate>{QDate(2027, 3, 8)}
        << QList<QDate>{QDate(2027, 3, 1), QDate(2027, 3, 15), QDate(2027, 3, 22)};
    QTest::newRow("last day of the month, window years later")
        << "FREQ=MONTHLY;BYMONTHDAY=-1" << QDate(2020, 1, 31) << QDate(2027, 2, 1)
        << QDate(2027, 5, 1) << QList<QDate>()
        << QList<QDate>{QDate(2027, 2, 28), QDate(2027, 3, 31), QDate(2027, 4, 30)};
}

void TestSeriesRule::allDaySeriesAreDates()
{
    QFETCH(QString, rule);
    QFETCH(QDate, start);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QList<QDate>, exceptions);
    QFETCH(QList<QDate>, expected);
    QCOMPARE(expandDates(parsed(rule), start, from, to, exceptions).dates, expected);
}

void TestSeriesRule::skippingToTheWindowChangesNothing_data()
{
    QTest::addColumn<QString>("rule");
    for (const char *rule : {"FREQ=DAILY",
                             "FREQ=DAILY;INTERVAL=3",
                             "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
                             "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SU;WKST=SU",
                             "FREQ=MONTHLY",
                             "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                             "FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU",
                             "FREQ=MONTHLY;INTERVAL=7;BYDAY=-1FR",
                             "FREQ=MONTHLY;BYMONTHDAY=31",
                             "FREQ=MONTHLY;INTERVAL=5;BYMONTHDAY=1,15,-1",
                             "FREQ=YEARLY",
                             "FREQ=YEARLY;BYMONTH=2,8",
                             "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
                             "FREQ=YEARLY;INTERVAL=2;BYMONTH=1,4;BYDAY=2MO",
                             "FREQ=YEARLY;BYWEEKNO=14;BYDAY=MO",
                             "FREQ=YEARLY;INTERVAL=3;BYYEARDAY=100,200",
                             "FREQ=HOURLY;INTERVAL=37",
                             "FREQ=MINUTELY;INTERVAL=4999",
                             "FREQ=DAILY;BYHOUR=8,17;BYMINUTE=30",
                             "FREQ=WEEKLY;UNTIL=20270415T000000Z"})
        QTest::newRow(rule) << QString::fromLatin1(rule);
}

// Skipping to the window (DTSTART moved whole periods ahead) must give
// exactly what iterating from the start gives, for starts on the 4th and on
// the 31st and windows starting at odd moments.
void TestSeriesRule::skippingToTheWindowChangesNothing()
{
    QFETCH(QString, rule);
    const SeriesRule series = parsed(rule);
    qsizetype compared = 0;
    for (const QString &first : {u"2021-01-04 09:15"_s, u"2020-01-31 18:45"_s}) {
        const QDateTime start = local(first, berlin);
        for (const QString &month : {u"2027-03-01 00:00"_s, u"2026-10-20 12:00"_s,
                                     u"2027-03-02 05:00"_s, u"2026-12-31 23:30"_s}) {
            const QDateTime from = local(month, berlin);
            const QDateTime to = from.addDays(62);
            const QList<QDateTime> skipped = expandTimed(series, start, berlin, from, to).starts;
            const TimedExpansion all = expandTimed(series, start, berlin, start, to);
            if (all.truncated) // the cap ends the walk before the window
                continue;
            QList<QDateTime> walked;
            for (const QDateTime &time : all.starts)
                if (time >= from)
                    walked << time;
            compared += walked.size();
            QCOMPARE(localTexts(skipped, berlin), localTexts(walked, berlin));
        }
    }
    QVERIFY(compared > 0 || rule.contains(u"UNTIL"));
}

void TestSeriesRule::fastPathMatchesLibical_data()
{
    QTest::addColumn<QString>("rule");
    for (const char *rule :
         {"FREQ=DAILY", "FREQ=DAILY;INTERVAL=5", "FREQ=WEEKLY", "FREQ=WEEKLY;INTERVAL=3",
          "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;BYDAY=SU,SA,SU",
          "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU",
          "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO",
          "FREQ=WEEKLY;UNTIL=20270415T000000Z;BYDAY=TH", "FREQ=DAILY;INTERVAL=2;COUNT=300",
          // Monthly: the start's day (skipped where the month lacks it),
          // one or several BYMONTHDAY (negative from the end), BYDAY
          // with and without ordinals.
          "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=2", "FREQ=MONTHLY;INTERVAL=5;COUNT=30",
          "FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=31",
          "FREQ=MONTHLY;BYMONTHDAY=30;INTERVAL=3", "FREQ=MONTHLY;BYMONTHDAY=1,15",
          "FREQ=MONTHLY;BYMONTHDAY=15,1,-1", "FREQ=MONTHLY;BYMONTHDAY=-1",
          "FREQ=MONTHLY;BYMONTHDAY=-3,29", "FREQ=MONTHLY;BYMONTHDAY=10;COUNT=7",
          "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;UNTIL=20280601T000000Z", "FREQ=MONTHLY;BYDAY=1FR",
          "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-2MO", "FREQ=MONTHLY;BYDAY=5SU",
          "FREQ=MONTHLY;BYDAY=-5WE", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1SU,-1SU",
          "FREQ=MONTHLY;BYDAY=2TU,4TU;COUNT=11", "FREQ=MONTHLY;BYDAY=MO",
          "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=3WE;UNTIL=20271201T120000Z",
          // Yearly: on the start's date (Feb 29 only in leap years), in
          // several months, BYMONTH with BYMONTHDAY or BYDAY.
          "FREQ=YEARLY", "FREQ=YEARLY;INTERVAL=2", "FREQ=YEARLY;COUNT=4", "FREQ=YEARLY;BYMONTH=6,7",
          "FREQ=YEARLY;BYMONTH=2,8", "FREQ=YEARLY;BYMONTH=9,3,3",
          "FREQ=YEARLY;INTERVAL=3;BYMONTH=1,2,3;COUNT=12", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
          "FREQ=YEARLY;BYMONTH=4,12;BYMONTHDAY=31,1", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
          "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
          "FREQ=YEARLY;BYMONTH=5,10;BYDAY=-1SU", "FREQ=YEARLY;INTERVAL=2;BYMONTH=1,4;BYDAY=2MO",
          "FREQ=YEARLY;UNTIL=20290301T000000Z;BYMONTH=3,9",
          // BYSETPOS picks from each month's or year's days (libical
          // ignores it on weekly rules, which stay with libical).
          "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
          "FREQ=MONTHLY;BYDAY=TU,WE,TH;BYSETPOS=3;COUNT=5",
          "FREQ=MONTHLY;BYDAY=SA,SU;BYSETPOS=1,-1;INTERVAL=2",
          "FREQ=MONTHLY;BYMONTHDAY=1,10,20,-1;BYSETPOS=2,-2",
          "FREQ=WEEKLY;BYDAY=MO,WE,FR;BYSETPOS=-1", "FREQ=YEARLY;BYMONTH=3,6;BYSETPOS=-1",
          "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1,15,-1;BYSETPOS=1,-1"})
        QTest::newRow(rule) << QString::fromLatin1(rule);
}

// The common shapes are walked by date arithmetic instead of libical
// (seriesfastpaths.h): the same occurrences, from the start and skipping
// to windows, for starts on several weekdays, at the end of months and on
// a leap day, with exception dates, timed and all-day.
void TestSeriesRule::fastPathMatchesLibical()
{
    QFETCH(QString, rule);
    const SeriesRule series = parsed(rule);
    const auto bothPaths = [](const auto &expand) {
        detail::libicalOnly = true;
        auto libical = expand();
        detail::libicalOnly = false;
        return std::pair(expand(), libical);
    };
    qsizetype compared = 0;
    const auto expandBoth = [&](const QDateTime &start, const QDateTime &from,
                                const QDateTime &to) {
        // The third occurrence (if any) is an exception date.
        const QList<QDateTime> all = expandTimed(series, start, berlin, {}, to).starts;
        const QList<QDateTime> exceptions = all.mid(2, 1);
        const auto [fast, libical] = bothPaths([&] {
            return localTexts(expandTimed(series, start, berlin, from, to, exceptions).starts,
                              berlin);
        });
        QCOMPARE(fast, libical);
        compared += libical.size();
        const auto [fastBefore, libicalBefore] =
            bothPaths([&] { return occurrencesBefore(series, start, berlin, to); });
        QCOMPARE(fastBefore, libicalBefore);
        // The same rule as an all-day series from the start's date.
        const QDate day = start.toTimeZone(berlin).date();
        const QDate fromDay = from.isValid() ? from.toTimeZone(berlin).date() : QDate();
        const QDate toDay = to.toTimeZone(berlin).date();
        const auto [fastDates, libicalDates] =
            bothPaths([&] { return expandDates(series, day, fromDay, toDay).dates; });
        QCOMPARE(fastDates, libicalDates);
    };
    for (const QString &first :
         {u"2026-11-02 09:00"_s, u"2026-11-05 23:30"_s, u"2026-11-08 00:00"_s,
          u"2027-01-31 18:45"_s, u"2027-03-30 07:00"_s, u"2028-02-29 12:00"_s,
          u"2026-12-29 02:30"_s}) {
        const QDateTime start = local(first, berlin);
        expandBoth(start, {}, start.addDays(200));
        expandBoth(start, {}, start.addYears(5));
        for (const QString &window : {u"2027-03-03 12:00"_s, u"2028-02-01 00:00"_s,
                                      u"2030-12-31 23:30"_s, u"2032-02-15 06:00"_s}) {
            const QDateTime from = local(window, berlin);
            expandBoth(start, from, from.addDays(61));
            expandBoth(start, from, from.addYears(1));
        }
    }
    QVERIFY(compared > 0);
}

// A daily series from 1990 has over 5,000 occurrences before 2030: without
// skipping, the cap would end it before the window.
void TestSeriesRule::seriesYearsOldReachesTheWindow()
{
    const QDateTime from = local(u"2030-06-01 00:00"_s, berlin);
    QElapsedTimer timer;
    timer.start();
    const TimedExpansion expansion =
        expandTimed(parsed(u"FREQ=DAILY"_s), local(u"1990-01-01 07:00"_s, berlin), berlin, from,
                    from.addDays(30));
    QCOMPARE(expansion.starts.size(), 30);
    QCOMPARE(expansion.starts.first(), local(u"2030-06-01 07:00"_s, berlin));
    QVERIFY2(timer.elapsed() < 50, qPrintable(QString::number(timer.elapsed())));
}

void TestSeriesRule::countCapsAtMaxOccurrences()
{
    const QDateTime start = local(u"2020-01-01 07:00"_s, berlin);
    const TimedExpansion expansion =
        expandTimed(parsed(u"FREQ=DAILY;COUNT=20000"_s), start, berlin, {}, {});
    QCOMPARE(expansion.starts.size(), kMaxOccurrences);
    QVERIFY(expansion.truncated);
}

void TestSeriesRule::rewritingTheEnd_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("until"); // "" : withCount; a date or an ISO instant
    QTest::addColumn<QString>("expected");
    QTest::newRow("count replaced") << "FREQ=WEEKLY;COUNT=10;BYDAY=MO" << 4 << ""
                                    << "FREQ=WEEKLY;BYDAY=MO;COUNT=4";
    QTest::newRow("until to count") << "FREQ=DAILY;UNTIL=20271231T225959Z" << 3 << ""
                                    << "FREQ=DAILY;COUNT=3";
    QTest::newRow("count to utc until")
        << "FREQ=DAILY;COUNT=9;WKST=SU" << 0 << "2027-03-01T07:59:59Z"
        << "FREQ=DAILY;WKST=SU;UNTIL=20270301T075959Z";
    QTest::newRow("date until") << "FREQ=MONTHLY;UNTIL=20300101" << 0 << "2027-02-28"
                                << "FREQ=MONTHLY;UNTIL=20270228";
}

void TestSeriesRule::rewritingTheEnd()
{
    QFETCH(QString, rule);
    QFETCH(int, count);
    QFETCH(QString, until);
    QFETCH(QString, expected);
    const SeriesRule series = parsed(rule);
    QString written;
    if (until.isEmpty())
        written = series.withCount(count);
    else if (until.size() == 10)
        written = series.withUntil(QDate::fromString(until, Qt::ISODate));
    else
        written = series.withUntil(QDateTime::fromString(until, Qt::ISODate));
    QCOMPARE(written, expected);
    QVERIFY(SeriesRule::parse(written));
}

void TestSeriesRule::occurrencesBeforeCountsSkippedOnes()
{
    const SeriesRule rule = parsed(u"FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10"_s);
    const QDateTime start = local(u"2027-03-02 10:00"_s, berlin);
    QCOMPARE(occurrencesBefore(rule, start, berlin, start), 0);
    QCOMPARE(occurrencesBefore(rule, start, berlin, local(u"2027-03-11 10:00"_s, berlin)), 3);
    QCOMPARE(occurrencesBefore(rule, start, berlin, local(u"2030-01-01 00:00"_s, berlin)), 10);
    QCOMPARE(occurrencesBefore(parsed(u"FREQ=DAILY"_s), QDate(2027, 1, 1), QDate(2027, 2, 1)), 31);
}

void TestSeriesRule::refusesUnreadableRules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("empty") << "";
    QTest::newRow("no frequency") << "INTERVAL=2";
    QTest::newRow("garbage") << "every day please";
    QTest::newRow("count and until") << "FREQ=DAILY;COUNT=3;UNTIL=20270101";
}

void TestSeriesRule::refusesUnreadableRules()
{
    QFETCH(QString, rule);
    QVERIFY(!SeriesRule::parse(rule));
}

QTEST_GUILESS_MAIN(TestSeriesRule)
#include "tst_seriesrule.moc"
