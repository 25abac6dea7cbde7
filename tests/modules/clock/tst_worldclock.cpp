// World clocks (offsets to the user's zone, DST, day/night, the day label),
// the time-zone search's ranking and German names, and the stopwatch's laps
// on an injected monotonic clock.
#include "stopwatch.h"
#include "timezonesearch.h"
#include "worldclock.h"

#include <QTest>

using namespace mana::clock;
using namespace Qt::StringLiterals;

class TestWorldClock : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void offsetText_data();
    void offsetText();
    void dayText();
    void cityOfZone_data();
    void cityOfZone();
    void searchRanksPrefixFirst_data();
    void searchRanksPrefixFirst();
    void searchFindsNothingForNoise();
    void stopwatchLaps();
    void stopwatchFormat_data();
    void stopwatchFormat();
};

void TestWorldClock::describe_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QByteArray>("userZone");
    QTest::addColumn<QString>("at"); // UTC
    QTest::addColumn<int>("offsetMinutes");
    QTest::addColumn<bool>("isDst");
    QTest::addColumn<bool>("isDay");
    QTest::addColumn<int>("dayDifference");
    QTest::addColumn<QString>("localTime");

    // 2027: the US moves on 14 March, Europe on 28 March; back on
    // 31 October (Europe) and 7 November (US).
    QTest::newRow("New York from Berlin, winter: -6 h")
        << QByteArray("America/New_York") << QByteArray("Europe/Berlin")
        << u"2027-01-15T12:00:00Z"_s << -360 << false << true << 0 << u"07:00"_s;
    QTest::newRow("New York from Berlin, US changed, Europe not yet: -5 h")
        << QByteArray("America/New_York") << QByteArray("Europe/Berlin")
        << u"2027-03-20T12:00:00Z"_s << -300 << true << true << 0 << u"08:00"_s;
    QTest::newRow("New York from Berlin, both summer: -6 h")
        << QByteArray("America/New_York") << QByteArray("Europe/Berlin")
        << u"2027-07-01T12:00:00Z"_s << -360 << true << true << 0 << u"08:00"_s;
    QTest::newRow("New York from Berlin, Europe back, US not yet: -5 h")
        << QByteArray("America/New_York") << QByteArray("Europe/Berlin")
        << u"2027-11-03T12:00:00Z"_s << -300 << true << true << 0 << u"08:00"_s;
    QTest::newRow("Tokyo from Berlin, winter: +8 h, tomorrow, still night")
        << QByteArray("Asia/Tokyo") << QByteArray("Europe/Berlin") << u"2027-01-15T20:00:00Z"_s
        << 480 << false << false << 1 << u"05:00"_s;
    QTest::newRow("Tokyo from Berlin, summer: +7 h, night")
        << QByteArray("Asia/Tokyo") << QByteArray("Europe/Berlin") << u"2027-07-01T12:00:00Z"_s
        << 420 << false << false << 0 << u"21:00"_s;
    QTest::newRow("Kolkata from Berlin: +4 h 30 min")
        << QByteArray("Asia/Kolkata") << QByteArray("Europe/Berlin") << u"2027-01-15T12:00:00Z"_s
        << 270 << false << true << 0 << u"17:30"_s;
    QTest::newRow("Honolulu from Berlin late evening: today")
        << QByteArray("Pacific/Honolulu") << QByteArray("Europe/Berlin")
        << u"2027-01-15T22:00:00Z"_s << -660 << false << true << 0 << u"12:00"_s;
    QTest::newRow("Honolulu from Berlin just after midnight: yesterday")
        << QByteArray("Pacific/Honolulu") << QByteArray("Europe/Berlin")
        << u"2027-01-15T23:30:00Z"_s << -660 << false << true << -1 << u"13:30"_s;
    QTest::newRow("Los Angeles from Berlin at 01:00 Berlin: yesterday afternoon")
        << QByteArray("America/Los_Angeles") << QByteArray("Europe/Berlin")
        << u"2027-01-15T00:00:00Z"_s << -540 << false << true << -1 << u"16:00"_s;
    QTest::newRow("day starts at 06:00")
        << QByteArray("Europe/Berlin") << QByteArray("Europe/Berlin") << u"2027-01-15T05:00:00Z"_s
        << 0 << false << true << 0 << u"06:00"_s;
    QTest::newRow("night starts at 18:00")
        << QByteArray("Europe/Berlin") << QByteArray("Europe/Berlin") << u"2027-01-15T17:00:00Z"_s
        << 0 << false << false << 0 << u"18:00"_s;
}

void TestWorldClock::describe()
{
    QFETCH(QByteArray, zone);
    QFETCH(QByteArray, userZone);
    QFETCH(QString, at);
    QFETCH(int, offsetMinutes);
    QFETCH(bool, isDst);
    QFETCH(bool, isDay);
    QFETCH(int, dayDifference);
    QFETCH(QString, localTime);
    const WorldClockInfo info =
        describeWorldClock(zone, QDateTime::fromString(at, Qt::ISODate), QTimeZone(userZone));
    QVERIFY(info.valid);
    QCOMPARE(info.offsetSeconds, offsetMinutes * 60);
    QCOMPARE(info.isDst, isDst);
    QCOMPARE(info.isDay, isDay);
    QCOMPARE(info.dayDifference, dayDifference);
    QCOMPARE(info.localTime.toString(u"HH:mm"_s), localTime);
}

void TestWorldClock::offsetText_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("text");
    QTest::newRow("+8 h") << 8 * 3600 << u"en"_s << u"+8 h"_s;
    QTest::newRow("-5 h 30 min") << -(5 * 3600 + 1800) << u"en"_s << u"\u22125 h 30 min"_s;
    QTest::newRow("+30 min") << 1800 << u"en"_s << u"+30 min"_s;
    QTest::newRow("same") << 0 << u"en"_s << u"same time"_s;
    QTest::newRow("DE +8 Std.") << 8 * 3600 << u"de"_s << u"+8 Std."_s;
    QTest::newRow("DE -5 Std. 30 Min.")
        << -(5 * 3600 + 1800) << u"de"_s << u"\u22125 Std. 30 Min."_s;
    QTest::newRow("DE +5 Std. 45 Min.") << 5 * 3600 + 2700 << u"de"_s << u"+5 Std. 45 Min."_s;
    QTest::newRow("DE same") << 0 << u"de"_s << u"gleiche Zeit"_s;
}

void TestWorldClock::offsetText()
{
    QFETCH(int, seconds);
    QFETCH(QString, language);
    QFETCH(QString, text);
    QCOMPARE(mana::clock::offsetText(seconds, language), text);
}

void TestWorldClock::dayText()
{
    QCOMPARE(mana::clock::dayText(0, u"en"_s), u"Today"_s);
    QCOMPARE(mana::clock::dayText(1, u"en"_s), u"Tomorrow"_s);
    QCOMPARE(mana::clock::dayText(-1, u"en"_s), u"Yesterday"_s);
    QCOMPARE(mana::clock::dayText(1, u"de"_s), u"Morgen"_s);
    QCOMPARE(mana::clock::dayText(-1, u"de"_s), u"Gestern"_s);
}

void TestWorldClock::cityOfZone_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("city");
    QTest::newRow("New York") << QByteArray("America/New_York") << u"New York"_s;
    QTest::newRow("three parts") << QByteArray("America/Argentina/Buenos_Aires")
                                 << u"Buenos Aires"_s;
    QTest::newRow("UTC: none") << QByteArray("UTC") << QString();
    QTest::newRow("Etc: none") << QByteArray("Etc/GMT+5") << QString();
    QTest::newRow("US/: none") << QByteArray("US/Eastern") << QString();
    QTest::newRow("EST5EDT: none") << QByteArray("EST5EDT") << QString();
}

void TestWorldClock::cityOfZone()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, city);
    QCOMPARE(TimeZoneSearch::cityOfZone(zone), city);
}

void TestWorldClock::searchRanksPrefixFirst_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("firstZone");
    QTest::addColumn<QString>("firstCity");
    QTest::newRow("tok") << u"tok"_s << u"en"_s << QByteArray("Asia/Tokyo") << u"Tokyo"_s;
    QTest::newRow("berl") << u"berl"_s << u"en"_s << QByteArray("Europe/Berlin") << u"Berlin"_s;
    QTest::newRow("new y") << u"new y"_s << u"en"_s << QByteArray("America/New_York")
                           << u"New York"_s;
    QTest::newRow("york: a word of the name")
        << u"york"_s << u"en"_s << QByteArray("America/New_York") << u"New York"_s;
    QTest::newRow("NEW YORK in capitals")
        << u"NEW YORK"_s << u"en"_s << QByteArray("America/New_York") << u"New York"_s;
    QTest::newRow("Tokio (German)")
        << u"Tokio"_s << u"de"_s << QByteArray("Asia/Tokyo") << u"Tokio"_s;
    QTest::newRow("wien") << u"wien"_s << u"de"_s << QByteArray("Europe/Vienna") << u"Wien"_s;
    QTest::newRow("wien in an English UI")
        << u"wien"_s << u"en"_s << QByteArray("Europe/Vienna") << u"Wien"_s;
    QTest::newRow("vienna in a German UI")
        << u"vienna"_s << u"de"_s << QByteArray("Europe/Vienna") << u"Wien"_s;
    QTest::newRow("Rom") << u"Rom"_s << u"de"_s << QByteArray("Europe/Rome") << u"Rom"_s;
    QTest::newRow("Kopenhagen") << u"kopen"_s << u"de"_s << QByteArray("Europe/Copenhagen")
                                << u"Kopenhagen"_s;
    QTest::newRow("Moskau") << u"moskau"_s << u"de"_s << QByteArray("Europe/Moscow") << u"Moskau"_s;
    QTest::newRow("Lissabon") << u"lissa"_s << u"de"_s << QByteArray("Europe/Lisbon")
                              << u"Lissabon"_s;
    QTest::newRow("Warschau") << u"warsch"_s << u"de"_s << QByteArray("Europe/Warsaw")
                              << u"Warschau"_s;
    QTest::newRow("Prag") << u"prag"_s << u"de"_s << QByteArray("Europe/Prague") << u"Prag"_s;
    QTest::newRow("Brüssel without umlaut")
        << u"brussel"_s << u"de"_s << QByteArray("Europe/Brussels") << u"Brüssel"_s;
    QTest::newRow("zurich finds Zürich")
        << u"zurich"_s << u"de"_s << QByteArray("Europe/Zurich") << u"Zürich"_s;
    QTest::newRow("Peking: China's zone")
        << u"peking"_s << u"de"_s << QByteArray("Asia/Shanghai") << u"Peking"_s;
}

void TestWorldClock::searchRanksPrefixFirst()
{
    QFETCH(QString, text);
    QFETCH(QString, language);
    QFETCH(QByteArray, firstZone);
    QFETCH(QString, firstCity);
    static const TimeZoneSearch search;
    const QList<TimeZoneMatch> matches = search.search(text, language);
    QVERIFY(!matches.isEmpty());
    QCOMPARE(matches.first().zoneId, firstZone);
    QCOMPARE(matches.first().city, firstCity);
    // The country comes with it (QTimeZone's territory).
    if (firstZone == "Asia/Tokyo")
        QCOMPARE(matches.first().country, u"Japan"_s);
}

void TestWorldClock::searchFindsNothingForNoise()
{
    const TimeZoneSearch search;
    QVERIFY(search.search(u"xqzv"_s, u"en"_s).isEmpty());
    QVERIFY(search.search(u"   "_s, u"en"_s).isEmpty());
    QVERIFY(search.search(u"münchen"_s, u"de"_s).isEmpty()); // not a zone (docs/clock.md)
    // Prefix before infix: "par" finds Paris before "Asia/Srednekolymsk"-like
    // infix matches and before countries.
    const QList<TimeZoneMatch> par = search.search(u"par"_s, u"en"_s);
    QVERIFY(!par.isEmpty());
    QVERIFY(par.first().city.startsWith(u"Par"_s));
    QCOMPARE(search.search(u"a"_s, u"en"_s, 5).size(), 5);
}

void TestWorldClock::stopwatchLaps()
{
    qint64 clock = 1000;
    Stopwatch stopwatch([&clock] { return clock; });
    QVERIFY(!stopwatch.hasStarted());
    QVERIFY(!stopwatch.lap()); // not running: no lap
    stopwatch.start();
    clock += 1500;
    QVERIFY(stopwatch.lap());
    clock += 2250;
    QVERIFY(stopwatch.lap());
    QCOMPARE(stopwatch.elapsedMs(), qint64(3750));
    stopwatch.pause();
    clock += 60000; // paused: not counted
    QCOMPARE(stopwatch.elapsedMs(), qint64(3750));
    QVERIFY(!stopwatch.lap());
    stopwatch.start();
    clock += 250;
    QCOMPARE(stopwatch.currentLapMs(), qint64(250));
    QVERIFY(stopwatch.lap());

    const QList<Stopwatch::Lap> laps = stopwatch.laps();
    QCOMPARE(laps.size(), 3);
    QCOMPARE(laps.at(0).number, 1);
    QCOMPARE(laps.at(0).lapMs, qint64(1500));
    QCOMPARE(laps.at(1).lapMs, qint64(2250));
    QCOMPARE(laps.at(1).totalMs, qint64(3750));
    QCOMPARE(laps.at(2).lapMs, qint64(250));
    QCOMPARE(laps.at(2).totalMs, qint64(4000));

    stopwatch.reset();
    QVERIFY(!stopwatch.hasStarted());
    QCOMPARE(stopwatch.elapsedMs(), qint64(0));
    QVERIFY(stopwatch.laps().isEmpty());
}

void TestWorldClock::stopwatchFormat_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"00:00.00"_s;
    QTest::newRow("4.25 s") << qint64(4259) << u"00:04.25"_s;
    QTest::newRow("minutes") << qint64(754300) << u"12:34.30"_s;
    QTest::newRow("hours") << qint64(3723400) << u"1:02:03.40"_s;
}

void TestWorldClock::stopwatchFormat()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Stopwatch::format(ms), text);
}

QTEST_GUILESS_MAIN(TestWorldClock)
#include "tst_worldclock.moc"
