// Todo's recurrence rules: every shape the repeat picker offers, expanded
// through libical at fixed dates (with DST changes in Berlin and New York),
// the 5,000 cap, completing a recurring task, reading and writing the RRULE
// text the web suite stores, and the sentences users read.
#include "recurrence.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimeZone>

using namespace mana;
using namespace Qt::StringLiterals;
using Frequency = RecurrenceRule::Frequency;
using MonthlyMode = RecurrenceRule::MonthlyMode;

Q_DECLARE_METATYPE(RecurrenceRule)

namespace {

// An ISO date-time with its offset, or a plain date meaning midnight UTC.
QDateTime utc(const QString &iso)
{
    const QString full = iso.size() == 10 ? iso + u"T00:00:00Z"_s : iso;
    const QDateTime time = QDateTime::fromString(full, Qt::ISODateWithMs);
    if (!time.isValid())
        qFatal("bad test date %s", qPrintable(iso));
    return time.toUTC();
}

QList<QDateTime> utcList(const QStringList &isos)
{
    QList<QDateTime> times;
    for (const QString &iso : isos)
        times.append(utc(iso));
    return times;
}

RecurrenceRule parsed(const QString &text)
{
    QString error;
    const std::optional<RecurrenceRule> rule = RecurrenceRule::fromRRule(text, &error);
    if (!rule)
        qFatal("test rule %s refused: %s", qPrintable(text), qPrintable(error));
    return *rule;
}

RecurrenceRule weekly(int interval, QList<Qt::DayOfWeek> days, int count = 0)
{
    RecurrenceRule rule;
    rule.frequency = Frequency::Weekly;
    rule.interval = interval;
    rule.weekdays = days;
    rule.count = count;
    return rule;
}

RecurrenceRule monthlyOnDay(int day, QDate until = {})
{
    RecurrenceRule rule;
    rule.frequency = Frequency::Monthly;
    rule.monthDay = day;
    rule.until = until;
    return rule;
}

RecurrenceRule monthlyOnWeekday(int position, Qt::DayOfWeek day, QDate until = {})
{
    RecurrenceRule rule;
    rule.frequency = Frequency::Monthly;
    rule.monthlyMode = MonthlyMode::ByWeekdayPosition;
    rule.weekdayPosition = position;
    rule.weekday = day;
    rule.until = until;
    return rule;
}

RecurrenceRule simple(Frequency frequency, int interval = 1, int count = 0)
{
    RecurrenceRule rule;
    rule.frequency = frequency;
    rule.interval = interval;
    rule.count = count;
    return rule;
}

const QList<Qt::DayOfWeek> kMonWedFri{Qt::Monday, Qt::Wednesday, Qt::Friday};
const QList<Qt::DayOfWeek> kMonThu{Qt::Monday, Qt::Thursday};
const QList<Qt::DayOfWeek> kWorkdays{Qt::Monday, Qt::Tuesday, Qt::Wednesday, Qt::Thursday,
                                     Qt::Friday};

} // namespace

class TestRecurrence : public QObject
{
    Q_OBJECT

private slots:
    void expansion_data();
    void expansion();
    void capOnLongSeries_data();
    void capOnLongSeries();
    void advanceToNextOccurrence_data();
    void advanceToNextOccurrence();
    void readsStoredRules_data();
    void readsStoredRules();
    void refusesWhatThePickerCannotShow_data();
    void refusesWhatThePickerCannotShow();
    void writesCanonicalRules_data();
    void writesCanonicalRules();
    void describesForUsers_data();
    void describesForUsers();
};

void TestRecurrence::expansion_data()
{
    QTest::addColumn<QString>("rrule");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("from"); // empty: the start
    QTest::addColumn<QString>("to");   // empty: far in the future
    QTest::addColumn<QStringList>("exceptions");
    QTest::addColumn<QStringList>("expected"); // dates without a time: at the start's UTC time
    QTest::addColumn<bool>("truncated");

    // The optional parts of a row.
    struct Window
    {
        QByteArray zone = "UTC";
        QString from = {};
        QString to = {};
        QString exceptions = {}; // separated by spaces
        bool truncated = false;
    };
    const auto row = [](const char *name, const char *rrule, const char *start,
                        const char *expected, const Window &window = {}) {
        QTest::newRow(name) << QString::fromLatin1(rrule) << QString::fromLatin1(start)
                            << window.zone << window.from << window.to
                            << window.exceptions.split(u' ', Qt::SkipEmptyParts)
                            << QString::fromLatin1(expected).split(u' ', Qt::SkipEmptyParts)
                            << window.truncated;
    };
    const QByteArray berlin("Europe/Berlin");
    const QByteArray newYork("America/New_York");

    // 2026-01-01 is a Thursday.
    const char *jan1 = "2026-01-01T09:00:00Z";
    row("daily", "FREQ=DAILY", jan1, "2026-01-01 2026-01-02 2026-01-03 2026-01-04",
        {.to = u"2026-01-05"_s});
    row("every 3 days", "FREQ=DAILY;INTERVAL=3;COUNT=4", jan1,
        "2026-01-01 2026-01-04 2026-01-07 2026-01-10");
    row("weekly Mon/Wed/Fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "2026-01-05T09:00:00Z",
        "2026-01-05 2026-01-07 2026-01-09 2026-01-12 2026-01-14 2026-01-16",
        {.to = u"2026-01-17"_s});
    row("weekly, a start off the chosen days counts first", "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=4",
        jan1, "2026-01-01 2026-01-02 2026-01-05 2026-01-07");
    row("every 2 weeks Mon/Thu", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6",
        "2026-01-05T09:00:00Z",
        "2026-01-05 2026-01-08 2026-01-19 2026-01-22 2026-02-02 2026-02-05");
    row("weekly on the start's weekday", "FREQ=WEEKLY;COUNT=3", jan1,
        "2026-01-01 2026-01-08 2026-01-15");
    row("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=4", "2026-01-15T09:00:00Z",
        "2026-01-15 2026-02-15 2026-03-15 2026-04-15");
    row("monthly on the 31st skips short months", "FREQ=MONTHLY;BYMONTHDAY=31",
        "2026-01-31T09:00:00Z", "2026-01-31 2026-03-31 2026-05-31 2026-07-31 2026-08-31",
        {.to = u"2026-09-01"_s});
    row("monthly on the start's 31st skips short months", "FREQ=MONTHLY;COUNT=4",
        "2026-01-31T09:00:00Z", "2026-01-31 2026-03-31 2026-05-31 2026-07-31");
    row("monthly on the last day, leap February", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4",
        "2027-12-31T09:00:00Z", "2027-12-31 2028-01-31 2028-02-29 2028-03-31");
    row("monthly on the 2nd Tuesday", "FREQ=MONTHLY;BYDAY=2TU;COUNT=4", "2026-01-13T09:00:00Z",
        "2026-01-13 2026-02-10 2026-03-10 2026-04-14");
    row("monthly on the 2nd Tuesday via BYSETPOS", "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=3",
        "2026-01-13T09:00:00Z", "2026-01-13 2026-02-10 2026-03-10");
    row("monthly on the last Friday until June, Berlin", "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260630",
        "2026-01-30T08:00:00Z",
        "2026-01-30T08:00:00Z 2026-02-27T08:00:00Z 2026-03-27T08:00:00Z "
        "2026-04-24T07:00:00Z 2026-05-29T07:00:00Z 2026-06-26T07:00:00Z",
        {.zone = berlin});
    row("yearly", "FREQ=YEARLY;COUNT=3", "2026-06-15T09:00:00Z",
        "2026-06-15 2027-06-15 2028-06-15");
    row("yearly from Feb 29 only in leap years", "FREQ=YEARLY;COUNT=3", "2024-02-29T09:00:00Z",
        "2024-02-29 2028-02-29 2032-02-29");
    row("COUNT counts the start", "FREQ=DAILY;COUNT=3", jan1, "2026-01-01 2026-01-02 2026-01-03");
    row("UNTIL is inclusive", "FREQ=DAILY;UNTIL=20260103", jan1,
        "2026-01-01 2026-01-02 2026-01-03");
    // 22:00 in New York is 03:00 UTC the next day; UNTIL is the local day.
    row("UNTIL is the local day, New York evening", "FREQ=DAILY;UNTIL=20260102",
        "2026-01-02T03:00:00Z", "2026-01-02 2026-01-03", {.zone = newYork});
    row("INTERVAL every 3 months", "FREQ=MONTHLY;INTERVAL=3;COUNT=3", "2026-01-10T09:00:00Z",
        "2026-01-10 2026-04-10 2026-07-10");
    row("EXDATE skips, still counted", "FREQ=DAILY;COUNT=5", jan1,
        "2026-01-01 2026-01-03 2026-01-05",
        {.exceptions = u"2026-01-02T09:00:00Z 2026-01-04T10:00:00+01:00"_s});
    row("EXDATE must match the exact instant", "FREQ=DAILY;COUNT=2", jan1, "2026-01-01 2026-01-02",
        {.exceptions = u"2026-01-02T09:00:01Z"_s});
    row("window from inclusive, to exclusive", "FREQ=DAILY", jan1,
        "2026-01-10 2026-01-11 2026-01-12",
        {.from = u"2026-01-10T09:00:00Z"_s, .to = u"2026-01-13T09:00:00Z"_s});
    row("window after UNTIL is empty", "FREQ=DAILY;UNTIL=20260103", jan1, "",
        {.from = u"2026-02-01"_s});
    row("Berlin spring forward stays 09:00 local", "FREQ=DAILY;COUNT=5", "2026-03-27T08:00:00Z",
        "2026-03-27T08:00:00Z 2026-03-28T08:00:00Z 2026-03-29T07:00:00Z 2026-03-30T07:00:00Z "
        "2026-03-31T07:00:00Z",
        {.zone = berlin});
    row("Berlin fall back stays 09:00 local", "FREQ=DAILY;COUNT=5", "2026-10-23T07:00:00Z",
        "2026-10-23T07:00:00Z 2026-10-24T07:00:00Z 2026-10-25T08:00:00Z 2026-10-26T08:00:00Z "
        "2026-10-27T08:00:00Z",
        {.zone = berlin});
    row("New York spring forward stays 09:00 local", "FREQ=DAILY;COUNT=4", "2026-03-06T14:00:00Z",
        "2026-03-06T14:00:00Z 2026-03-07T14:00:00Z 2026-03-08T13:00:00Z 2026-03-09T13:00:00Z",
        {.zone = newYork});
    row("New York fall back stays 09:00 local", "FREQ=DAILY;COUNT=4", "2026-10-30T13:00:00Z",
        "2026-10-30T13:00:00Z 2026-10-31T13:00:00Z 2026-11-01T14:00:00Z 2026-11-02T14:00:00Z",
        {.zone = newYork});
    row("weekly across Berlin spring forward", "FREQ=WEEKLY;COUNT=3", "2026-03-22T08:00:00Z",
        "2026-03-22T08:00:00Z 2026-03-29T07:00:00Z 2026-04-05T07:00:00Z", {.zone = berlin});
    // 02:30 does not exist on 2026-03-29 in Berlin: the offset from before the
    // gap makes it 03:30 summer time (01:30 UTC).
    row("Berlin 02:30 in the gap becomes 03:30", "FREQ=DAILY;COUNT=3", "2026-03-28T01:30:00Z",
        "2026-03-28T01:30:00Z 2026-03-29T01:30:00Z 2026-03-30T00:30:00Z", {.zone = berlin});
    // 02:30 exists twice on 2026-10-25 in Berlin: the first (summer time).
    row("Berlin 02:30 twice takes the first", "FREQ=DAILY;COUNT=3", "2026-10-24T00:30:00Z",
        "2026-10-24T00:30:00Z 2026-10-25T00:30:00Z 2026-10-26T01:30:00Z", {.zone = berlin});
    row("rule that never matches keeps only the start", "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31",
        "2026-04-10T09:00:00Z", "2026-04-10");
    row("huge COUNT, window ends first", "FREQ=DAILY;COUNT=6000", jan1, "2026-01-01 2026-01-02",
        {.to = u"2026-01-03"_s});
    row("libical stops after 2582: truncated", "FREQ=YEARLY;INTERVAL=100", jan1,
        "2026-01-01 2126-01-01 2226-01-01 2326-01-01 2426-01-01 2526-01-01", {.truncated = true});
    row("milliseconds of the start are kept", "FREQ=DAILY;COUNT=2", "2026-12-01T09:00:00.250Z",
        "2026-12-01T09:00:00.250Z 2026-12-02T09:00:00.250Z", {.zone = berlin});
}

void TestRecurrence::expansion()
{
    QFETCH(QString, rrule);
    QFETCH(QString, start);
    QFETCH(QByteArray, zone);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, exceptions);
    QFETCH(QStringList, expected);
    QFETCH(bool, truncated);

    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());
    const QDateTime startTime = utc(start);
    const Expansion expansion =
        expand(parsed(rrule), startTime, timeZone, from.isEmpty() ? startTime : utc(from),
               to.isEmpty() ? utc(u"2700-01-01T00:00:00Z"_s) : utc(to), utcList(exceptions));

    for (QString &iso : expected) {
        const QDateTime time =
            iso.contains(u'T') ? utc(iso) : QDateTime(utc(iso).date(), startTime.time(), Qt::UTC);
        iso = time.toString(Qt::ISODateWithMs);
    }
    QStringList actual;
    for (const QDateTime &time : expansion.occurrences) {
        QCOMPARE(time.timeSpec(), Qt::UTC);
        actual << time.toString(Qt::ISODateWithMs);
    }
    QCOMPARE(actual, expected);
    QCOMPARE(expansion.truncated, truncated);
}

void TestRecurrence::capOnLongSeries_data()
{
    QTest::addColumn<QString>("rrule");
    QTest::addColumn<int>("expectedCount");
    QTest::addColumn<bool>("truncated");

    QTest::newRow("endless daily") << "FREQ=DAILY" << kMaxOccurrences << true;
    QTest::newRow("endless weekly on three days") << "FREQ=WEEKLY;BYDAY=MO,WE,FR" << 5000 << true;
    QTest::newRow("COUNT=5000 is complete") << "FREQ=DAILY;COUNT=5000" << 5000 << false;
    QTest::newRow("COUNT=5001 is cut") << "FREQ=DAILY;COUNT=5001" << 5000 << true;
    QTest::newRow("UNTIL far away is cut") << "FREQ=DAILY;UNTIL=20991231" << 5000 << true;
}

void TestRecurrence::capOnLongSeries()
{
    QFETCH(QString, rrule);
    QFETCH(int, expectedCount);
    QFETCH(bool, truncated);

    const QDateTime start = utc(u"2026-01-05T09:00:00Z"_s);
    QElapsedTimer timer;
    timer.start();
    const Expansion expansion = expand(parsed(rrule), start, QTimeZone("Europe/Berlin"), start,
                                       utc(u"2500-01-01T00:00:00Z"_s));
    QVERIFY2(timer.elapsed() < 5000, "expanding to the cap must return promptly");
    QCOMPARE(expansion.occurrences.size(), expectedCount);
    QCOMPARE(expansion.truncated, truncated);
    QCOMPARE(expansion.occurrences.first(), start);
    QVERIFY(std::is_sorted(expansion.occurrences.cbegin(), expansion.occurrences.cend()));
}

void TestRecurrence::advanceToNextOccurrence_data()
{
    QTest::addColumn<QString>("rrule");
    QTest::addColumn<QString>("due");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QStringList>("exceptions");
    QTest::addColumn<QString>("expectedDue"); // empty: the series is over
    QTest::addColumn<QString>("expectedRule");

    const QByteArray berlin("Europe/Berlin");
    QTest::newRow("daily") << "FREQ=DAILY"
                           << "2026-01-01T08:00:00Z" << berlin << QStringList{}
                           << "2026-01-02T08:00:00Z"
                           << "FREQ=DAILY";
    QTest::newRow("weekly Friday to Monday")
        << "FREQ=WEEKLY;BYDAY=MO,WE,FR"
        << "2026-01-09T08:00:00Z" << berlin << QStringList{} << "2026-01-12T08:00:00Z"
        << "FREQ=WEEKLY;BYDAY=MO,WE,FR";
    QTest::newRow("every 2 weeks Thursday to Monday")
        << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"
        << "2026-01-08T08:00:00Z" << berlin << QStringList{} << "2026-01-19T08:00:00Z"
        << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH";
    QTest::newRow("monthly 31st skips February")
        << "FREQ=MONTHLY;BYMONTHDAY=31"
        << "2026-01-31T08:00:00Z" << berlin << QStringList{} << "2026-03-31T07:00:00Z"
        << "FREQ=MONTHLY;BYMONTHDAY=31";
    QTest::newRow("last Friday") << "FREQ=MONTHLY;BYDAY=-1FR"
                                 << "2026-01-30T08:00:00Z" << berlin << QStringList{}
                                 << "2026-02-27T08:00:00Z"
                                 << "FREQ=MONTHLY;BYDAY=-1FR";
    QTest::newRow("yearly Feb 29")
        << "FREQ=YEARLY"
        << "2024-02-29T08:00:00Z" << berlin << QStringList{} << "2028-02-29T08:00:00Z"
        << "FREQ=YEARLY";
    QTest::newRow("daily across spring forward")
        << "FREQ=DAILY"
        << "2026-03-28T08:00:00Z" << berlin << QStringList{} << "2026-03-29T07:00:00Z"
        << "FREQ=DAILY";
    QTest::newRow("COUNT=3 counts down")
        << "FREQ=DAILY;COUNT=3"
        << "2026-01-01T08:00:00Z" << berlin << QStringList{} << "2026-01-02T08:00:00Z"
        << "FREQ=DAILY;COUNT=2";
    QTest::newRow("COUNT=2 counts down")
        << "FREQ=DAILY;COUNT=2"
        << "2026-01-02T08:00:00Z" << berlin << QStringList{} << "2026-01-03T08:00:00Z"
        << "FREQ=DAILY;COUNT=1";
    QTest::newRow("COUNT=1 is the last one")
        << "FREQ=DAILY;COUNT=1"
        << "2026-01-03T08:00:00Z" << berlin << QStringList{} << ""
        << "";
    QTest::newRow("UNTIL: the last day is still reached")
        << "FREQ=DAILY;UNTIL=20260103"
        << "2026-01-02T08:00:00Z" << berlin << QStringList{} << "2026-01-03T08:00:00Z"
        << "FREQ=DAILY;UNTIL=20260103";
    QTest::newRow("UNTIL: on the last day")
        << "FREQ=DAILY;UNTIL=20260103"
        << "2026-01-03T08:00:00Z" << berlin << QStringList{} << ""
        << "";
    QTest::newRow("UNTIL: already past") << "FREQ=DAILY;UNTIL=20260103"
                                         << "2026-01-05T08:00:00Z" << berlin << QStringList{} << ""
                                         << "";
    QTest::newRow("exception skipped")
        << "FREQ=WEEKLY"
        << "2026-01-05T08:00:00Z" << berlin << QStringList{"2026-01-12T08:00:00Z"}
        << "2026-01-19T08:00:00Z"
        << "FREQ=WEEKLY";
    QTest::newRow("exception skipped uses up its COUNT")
        << "FREQ=DAILY;COUNT=5"
        << "2026-01-01T08:00:00Z" << berlin << QStringList{"2026-01-02T08:00:00Z"}
        << "2026-01-03T08:00:00Z"
        << "FREQ=DAILY;COUNT=3";
    QTest::newRow("only exceptions left")
        << "FREQ=DAILY;COUNT=2"
        << "2026-01-01T08:00:00Z" << berlin << QStringList{"2026-01-02T08:00:00Z"} << ""
        << "";
}

void TestRecurrence::advanceToNextOccurrence()
{
    QFETCH(QString, rrule);
    QFETCH(QString, due);
    QFETCH(QByteArray, zone);
    QFETCH(QStringList, exceptions);
    QFETCH(QString, expectedDue);
    QFETCH(QString, expectedRule);

    const std::optional<Advance> next =
        advance(parsed(rrule), utc(due), QTimeZone(zone), utcList(exceptions));
    if (expectedDue.isEmpty()) {
        QVERIFY2(!next, qPrintable(next ? next->nextDue.toString(Qt::ISODate) : QString()));
        return;
    }
    QVERIFY(next);
    QCOMPARE(next->nextDue, utc(expectedDue));
    QCOMPARE(next->nextDue.timeSpec(), Qt::UTC);
    QCOMPARE(next->rule.toRRule(), expectedRule);
}

void TestRecurrence::readsStoredRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<RecurrenceRule>("expected");

    QTest::newRow("web suite example, prefix, days out of order")
        << "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,MO;COUNT=10" << weekly(2, kMonThu, 10);
    QTest::newRow("lower case, default interval")
        << "freq=daily;interval=1" << simple(Frequency::Daily);
    QTest::newRow("trailing semicolon") << "FREQ=YEARLY;" << simple(Frequency::Yearly);
    QTest::newRow("daily on workdays is weekly")
        << "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR" << weekly(1, kWorkdays);
    QTest::newRow("WKST=MO is the default")
        << "FREQ=WEEKLY;WKST=MO;BYDAY=MO" << weekly(1, {Qt::Monday});
    QTest::newRow("WKST=SU without effect")
        << "FREQ=WEEKLY;WKST=SU;BYDAY=MO,TH" << weekly(1, kMonThu);
    QTest::newRow("2nd Tuesday via BYSETPOS")
        << "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2" << monthlyOnWeekday(2, Qt::Tuesday);
    QTest::newRow("date-time UNTIL keeps its date")
        << "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T235959Z"
        << monthlyOnWeekday(-1, Qt::Friday, QDate(2027, 12, 31));
    QTest::newRow("last day of the month") << "FREQ=MONTHLY;BYMONTHDAY=-1" << monthlyOnDay(-1);
}

void TestRecurrence::readsStoredRules()
{
    QFETCH(QString, text);
    QFETCH(RecurrenceRule, expected);

    QString error;
    const std::optional<RecurrenceRule> rule = RecurrenceRule::fromRRule(text, &error);
    QVERIFY2(rule, qPrintable(error));
    QVERIFY(*rule == expected);
}

void TestRecurrence::refusesWhatThePickerCannotShow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named"); // the sentence must name this

    QTest::newRow("unknown frequency") << "FREQ=FOO"
                                       << "FOO";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("only the prefix") << "RRULE:"
                                     << "empty";
    QTest::newRow("hourly") << "FREQ=HOURLY"
                            << "hourly";
    QTest::newRow("minutely") << "FREQ=MINUTELY;INTERVAL=15"
                              << "minutely";
    QTest::newRow("secondly") << "FREQ=SECONDLY"
                              << "secondly";
    QTest::newRow("BYHOUR") << "FREQ=DAILY;BYHOUR=9,17"
                            << "BYHOUR";
    QTest::newRow("last workday via BYSETPOS") << "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
                                               << "BYSETPOS";
    QTest::newRow("COUNT and UNTIL") << "FREQ=DAILY;COUNT=3;UNTIL=20260110"
                                     << "UNTIL";
    QTest::newRow("no FREQ") << "INTERVAL=2"
                             << "FREQ";
    QTest::newRow("not NAME=VALUE") << "garbage"
                                    << "NAME=VALUE";
    QTest::newRow("unknown part") << "FREQ=DAILY;FOO=BAR"
                                  << "FOO";
    QTest::newRow("bad weekday") << "FREQ=WEEKLY;BYDAY=XX"
                                 << "could not be read";
    QTest::newRow("interval zero") << "FREQ=DAILY;INTERVAL=0"
                                   << "interval";
    QTest::newRow("interval beyond a short") << "FREQ=DAILY;INTERVAL=70000"
                                             << "interval";
    QTest::newRow("COUNT zero") << "FREQ=DAILY;COUNT=0"
                                << "repeats";
    QTest::newRow("COUNT not a number") << "FREQ=DAILY;COUNT=3x"
                                        << "repeats";
    QTest::newRow("yearly in a chosen month") << "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15"
                                              << "BYMONTH";
    QTest::newRow("5th Friday") << "FREQ=MONTHLY;BYDAY=5FR"
                                << "1st to 4th";
    QTest::newRow("every Monday of the month") << "FREQ=MONTHLY;BYDAY=MO"
                                               << "1st to 4th";
    QTest::newRow("two days of the month") << "FREQ=MONTHLY;BYMONTHDAY=1,15"
                                           << "one day";
    QTest::newRow("numbered weekday weekly") << "FREQ=WEEKLY;BYDAY=2TU"
                                             << "numbered weekday";
    QTest::newRow("other calendar") << "FREQ=DAILY;RSCALE=GREGORIAN"
                                    << "RSCALE";
    QTest::newRow("week starting Sunday, every 2 weeks")
        << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;WKST=SU"
        << "WKST";
    QTest::newRow("every 2 days on workdays") << "FREQ=DAILY;INTERVAL=2;BYDAY=MO,FR"
                                              << "every 2 days";
}

void TestRecurrence::refusesWhatThePickerCannotShow()
{
    QFETCH(QString, text);
    QFETCH(QString, named);

    QString error;
    QVERIFY(!RecurrenceRule::fromRRule(text, &error));
    QVERIFY2(error.contains(named, Qt::CaseInsensitive), qPrintable(error));
    QVERIFY2(error.endsWith(u'.'), qPrintable(error));
    QVERIFY(!RecurrenceRule::fromRRule(text)); // no error pointer is fine too
}

void TestRecurrence::writesCanonicalRules_data()
{
    QTest::addColumn<RecurrenceRule>("rule");
    QTest::addColumn<QString>("expected");

    QTest::newRow("daily") << simple(Frequency::Daily) << "FREQ=DAILY";
    QTest::newRow("every 3 days") << simple(Frequency::Daily, 3) << "FREQ=DAILY;INTERVAL=3";
    QTest::newRow("weekly") << simple(Frequency::Weekly) << "FREQ=WEEKLY";
    QTest::newRow("weekly Mon/Wed/Fri") << weekly(1, kMonWedFri) << "FREQ=WEEKLY;BYDAY=MO,WE,FR";
    QTest::newRow("every 2 weeks, 10 times")
        << weekly(2, kMonThu, 10) << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10";
    QTest::newRow("workdays") << weekly(1, kWorkdays) << "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
    QTest::newRow("weekend") << weekly(1, {Qt::Saturday, Qt::Sunday}) << "FREQ=WEEKLY;BYDAY=SA,SU";
    QTest::newRow("monthly on the start's day") << simple(Frequency::Monthly) << "FREQ=MONTHLY";
    QTest::newRow("monthly on the 15th") << monthlyOnDay(15) << "FREQ=MONTHLY;BYMONTHDAY=15";
    QTest::newRow("monthly on the 31st") << monthlyOnDay(31) << "FREQ=MONTHLY;BYMONTHDAY=31";
    QTest::newRow("monthly on the last day") << monthlyOnDay(-1) << "FREQ=MONTHLY;BYMONTHDAY=-1";
    QTest::newRow("2nd Tuesday") << monthlyOnWeekday(2, Qt::Tuesday) << "FREQ=MONTHLY;BYDAY=2TU";
    QTest::newRow("last Friday until") << monthlyOnWeekday(-1, Qt::Friday, QDate(2027, 12, 31))
                                       << "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231";
    QTest::newRow("yearly") << simple(Frequency::Yearly) << "FREQ=YEARLY";
    QTest::newRow("every 2 years, 5 times")
        << simple(Frequency::Yearly, 2, 5) << "FREQ=YEARLY;INTERVAL=2;COUNT=5";
}

void TestRecurrence::writesCanonicalRules()
{
    QFETCH(RecurrenceRule, rule);
    QFETCH(QString, expected);

    QCOMPARE(rule.toRRule(), expected);
    QString error;
    const std::optional<RecurrenceRule> back = RecurrenceRule::fromRRule(expected, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(*back == rule);

    // Stale fields of another frequency and unsorted days change nothing.
    RecurrenceRule messy = rule;
    std::reverse(messy.weekdays.begin(), messy.weekdays.end());
    messy.weekdays += messy.weekdays;
    if (rule.frequency != Frequency::Monthly) {
        messy.monthDay = 12;
        messy.weekdayPosition = 3;
    }
    if (rule.frequency != Frequency::Weekly)
        messy.weekdays = {Qt::Sunday};
    QCOMPARE(messy.toRRule(), expected);
    QVERIFY(messy.normalized() == rule);

    // A rule that is not valid writes nothing rather than a broken rule.
    RecurrenceRule broken = rule;
    broken.interval = 0;
    QVERIFY(!broken.isValid());
    QCOMPARE(broken.toRRule(), QString());
}

void TestRecurrence::describesForUsers_data()
{
    QTest::addColumn<RecurrenceRule>("rule");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");

    QTest::newRow("daily en") << simple(Frequency::Daily) << "en"
                              << "Every day";
    QTest::newRow("daily de") << simple(Frequency::Daily) << "de"
                              << "Jeden Tag";
    QTest::newRow("every 3 days en") << simple(Frequency::Daily, 3) << "en"
                                     << "Every 3 days";
    QTest::newRow("every 3 days de") << simple(Frequency::Daily, 3) << "de"
                                     << "Alle 3 Tage";
    QTest::newRow("2 weeks en") << weekly(2, kMonThu, 10) << "en"
                                << "Every 2 weeks on Monday and Thursday, 10 times";
    QTest::newRow("2 weeks de") << weekly(2, kMonThu, 10) << "de"
                                << "Alle 2 Wochen am Montag und Donnerstag, 10-mal";
    QTest::newRow("Mon/Wed/Fri en") << weekly(1, kMonWedFri) << "en"
                                    << "Every week on Monday, Wednesday and Friday";
    QTest::newRow("Mon/Wed/Fri de") << weekly(1, kMonWedFri) << "de_DE"
                                    << "Jede Woche am Montag, Mittwoch und Freitag";
    QTest::newRow("workdays en") << weekly(1, kWorkdays) << "en"
                                 << "Every weekday (Monday to Friday)";
    QTest::newRow("workdays de") << weekly(1, kWorkdays) << "de"
                                 << "Jeden Werktag (Montag bis Freitag)";
    QTest::newRow("15th en") << monthlyOnDay(15) << "en"
                             << "Every month on the 15th";
    QTest::newRow("15th de") << monthlyOnDay(15) << "de"
                             << "Jeden Monat am 15.";
    QTest::newRow("31st en") << monthlyOnDay(31) << "en"
                             << "Every month on the 31st (months without a 31st are skipped)";
    QTest::newRow("31st de") << monthlyOnDay(31) << "de"
                             << "Jeden Monat am 31. (Monate ohne den 31. werden übersprungen)";
    QTest::newRow("last day en") << monthlyOnDay(-1) << "en"
                                 << "Every month on the last day";
    QTest::newRow("last day de") << monthlyOnDay(-1) << "de"
                                 << "Jeden Monat am letzten Tag";
    QTest::newRow("2nd Tuesday en") << monthlyOnWeekday(2, Qt::Tuesday) << "en"
                                    << "Every month on the second Tuesday";
    QTest::newRow("2nd Tuesday de") << monthlyOnWeekday(2, Qt::Tuesday) << "de"
                                    << "Jeden Monat am zweiten Dienstag";
    QTest::newRow("last Friday until en")
        << monthlyOnWeekday(-1, Qt::Friday, QDate(2027, 12, 31)) << "en"
        << "Every month on the last Friday, until December 31, 2027";
    QTest::newRow("last Friday until de")
        << monthlyOnWeekday(-1, Qt::Friday, QDate(2027, 12, 31)) << "de"
        << "Jeden Monat am letzten Freitag, bis 31.12.2027";
    QTest::newRow("yearly once en") << simple(Frequency::Yearly, 1, 1) << "en"
                                    << "Every year, once";
    QTest::newRow("every 2 years de") << simple(Frequency::Yearly, 2, 5) << "de"
                                      << "Alle 2 Jahre, 5-mal";
    QTest::newRow("other language is English") << simple(Frequency::Monthly, 3) << "fr"
                                               << "Every 3 months";
}

void TestRecurrence::describesForUsers()
{
    QFETCH(RecurrenceRule, rule);
    QFETCH(QString, language);
    QFETCH(QString, expected);

    QCOMPARE(rule.describe(language), expected);
}

QTEST_APPLESS_MAIN(TestRecurrence)
#include "tst_recurrence.moc"
