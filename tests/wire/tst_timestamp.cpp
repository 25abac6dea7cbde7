// Timestamps are compared as plain strings everywhere (merge rule, store
// indexes), so a parser that lets a non-canonical or ambiguous text through
// silently breaks last-write-wins. These tests pin the accepted grammar.
#include "wire/timestamp.h"

#include <QRandomGenerator>
#include <QTest>

#include <ctime>

using mana::canonicalTimestamp;
using mana::formatTimestamp;
using mana::Millis;
using mana::parseTimestamp;

namespace {

constexpr Millis kExampleMillis = 1774533665123LL; // 2026-03-26T14:01:05.123Z
constexpr Millis kLastMillisOfYear9999 = 253402300799999LL;

} // namespace

class TestTimestamp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parsesValidTimestamps_data();
    void parsesValidTimestamps();
    void rejectsEverythingElse_data();
    void rejectsEverythingElse();

    void formatsAsCanonicalUtc_data();
    void formatsAsCanonicalUtc();
    void canonicalIsAFixedPoint_data();
    void canonicalIsAFixedPoint();
    void formatThenParseRoundTripsRandomInstants();
    void canonicalTextSortsLikeTheInstant();
};

void TestTimestamp::initTestCase()
{
    // A local zone far from UTC with a non-whole-hour offset: any code path
    // that leaks local time into a timestamp shows up as a wrong hour/minute.
    qputenv("TZ", "XXX-13:45");
    tzset();
}

void TestTimestamp::parsesValidTimestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    const QString example = QStringLiteral("2026-03-26T14:01:05.123Z");
    QTest::newRow("canonical") << example << example;
    QTest::newRow("no fraction") << "2026-03-26T14:01:05Z"
                                 << "2026-03-26T14:01:05.000Z";
    QTest::newRow("one fraction digit") << "2026-03-26T14:01:05.1Z"
                                        << "2026-03-26T14:01:05.100Z";
    QTest::newRow("two fraction digits") << "2026-03-26T14:01:05.12Z"
                                         << "2026-03-26T14:01:05.120Z";
    QTest::newRow("microseconds truncated") << "2026-03-26T14:01:05.123999Z" << example;
    // Truncation, not rounding: rounding .9999 up would move the second.
    QTest::newRow("nanoseconds truncated") << "2026-03-26T14:01:05.999999999Z"
                                           << "2026-03-26T14:01:05.999Z";
    QTest::newRow("positive offset") << "2026-03-26T16:01:05.123+02:00" << example;
    QTest::newRow("negative half-hour offset") << "2026-03-26T09:31:05.123-04:30" << example;
    QTest::newRow("+00:00") << "2026-03-26T14:01:05.123+00:00" << example;
    QTest::newRow("-00:00") << "2026-03-26T14:01:05.123-00:00" << example;
    QTest::newRow("offset, no fraction") << "2026-03-26T15:01:05+01:00"
                                         << "2026-03-26T14:01:05.000Z";
    // Go's RFC3339Nano output, as a server written in Go would send it.
    QTest::newRow("go nano with offset") << "2026-03-26T15:01:05.1234567+01:00" << example;
    QTest::newRow("offset crosses the day") << "2026-03-27T01:30:00.000+05:00"
                                            << "2026-03-26T20:30:00.000Z";
    QTest::newRow("offset crosses the year") << "2025-12-31T23:30:00.000-01:00"
                                             << "2026-01-01T00:30:00.000Z";
    QTest::newRow("leap day") << "2024-02-29T12:00:00.000Z"
                              << "2024-02-29T12:00:00.000Z";
    QTest::newRow("epoch") << "1970-01-01T00:00:00.000Z"
                           << "1970-01-01T00:00:00.000Z";
    QTest::newRow("last millisecond of 9999") << "9999-12-31T23:59:59.999Z"
                                              << "9999-12-31T23:59:59.999Z";
}

void TestTimestamp::parsesValidTimestamps()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);

    const std::optional<Millis> millis = parseTimestamp(text);
    QVERIFY2(millis.has_value(), qPrintable(QStringLiteral("refused: ") + text));
    QCOMPARE(formatTimestamp(*millis), canonical);

    const std::optional<QString> normalised = canonicalTimestamp(text);
    QVERIFY(normalised.has_value());
    QCOMPARE(*normalised, canonical);
}

void TestTimestamp::rejectsEverythingElse_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << "yesterday";
    QTest::newRow("date only") << "2026-03-26";
    QTest::newRow("no zone") << "2026-03-26T14:01:05";
    QTest::newRow("no zone with fraction") << "2026-03-26T14:01:05.123";
    QTest::newRow("space instead of T") << "2026-03-26 14:01:05.123Z";
    QTest::newRow("no seconds") << "2026-03-26T14:01Z";
    QTest::newRow("empty fraction") << "2026-03-26T14:01:05.Z";
    QTest::newRow("letter in fraction") << "2026-03-26T14:01:05.12a3Z";
    QTest::newRow("leading space") << " 2026-03-26T14:01:05.123Z";
    QTest::newRow("trailing space") << "2026-03-26T14:01:05.123Z ";
    QTest::newRow("trailing junk") << "2026-03-26T14:01:05.123Zjunk";
    QTest::newRow("trailing NUL") << QStringLiteral("2026-03-26T14:01:05.123Z") + QChar(0);
    QTest::newRow("offset without colon") << "2026-03-26T14:01:05.123+0200";
    QTest::newRow("offset hours only") << "2026-03-26T14:01:05.123+02";
    QTest::newRow("offset with a dash separator") << "2026-03-26T14:01:05.123+02-00";
    QTest::newRow("offset with a long minute part") << "2026-03-26T14:01:05.123+02:000";
    QTest::newRow("space before offset") << "2026-03-26T14:01:05.123 +02:00";
    QTest::newRow("Z and offset") << "2026-03-26T14:01:05.123Z+02:00";
    QTest::newRow("month 13") << "2026-13-01T00:00:00.000Z";
    QTest::newRow("month 0") << "2026-00-10T00:00:00.000Z";
    QTest::newRow("February 30") << "2026-02-30T00:00:00.000Z";
    QTest::newRow("February 29 of a common year") << "2025-02-29T00:00:00.000Z";
    QTest::newRow("hour 24") << "2026-03-26T24:00:00.000Z";
    QTest::newRow("minute 60") << "2026-03-26T14:60:00.000Z";
    QTest::newRow("before 1970") << "1969-12-31T23:59:59.999Z";
    QTest::newRow("five-digit year") << "10000-01-01T00:00:00.000Z";
    QTest::newRow("signed year") << "+2026-03-26T14:01:05.123Z";
    QTest::newRow("two-digit year") << "26-03-26T14:01:05.123Z";
    QTest::newRow("one-digit month") << "2026-3-26T14:01:05.123Z";
    QTest::newRow("slashes") << "2026/03/26T14:01:05.123Z";
    QTest::newRow("epoch millis as text") << "1774533665123";
    QTest::newRow("arabic-indic digits")
        << QString::fromUtf8("\u0662\u0660\u0662\u0666-03-26T14:01:05.123Z");
}

void TestTimestamp::rejectsEverythingElse()
{
    QFETCH(QString, text);
    QVERIFY2(!parseTimestamp(text).has_value(), qPrintable(QStringLiteral("accepted: ") + text));
    QVERIFY(!canonicalTimestamp(text).has_value());
}

void TestTimestamp::formatsAsCanonicalUtc_data()
{
    QTest::addColumn<qint64>("millis");
    QTest::addColumn<QString>("text");

    QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00.000Z";
    QTest::newRow("one millisecond") << qint64(1) << "1970-01-01T00:00:00.001Z";
    QTest::newRow("example") << qint64(kExampleMillis) << "2026-03-26T14:01:05.123Z";
    QTest::newRow("y2k") << qint64(946684800000LL) << "2000-01-01T00:00:00.000Z";
    QTest::newRow("leap day") << qint64(1709208000000LL) << "2024-02-29T12:00:00.000Z";
    QTest::newRow("last of 9999") << qint64(kLastMillisOfYear9999) << "9999-12-31T23:59:59.999Z";
}

void TestTimestamp::formatsAsCanonicalUtc()
{
    QFETCH(qint64, millis);
    QFETCH(QString, text);

    QCOMPARE(formatTimestamp(millis), text);
    QCOMPARE(parseTimestamp(text), std::optional<Millis>(millis));
}

void TestTimestamp::canonicalIsAFixedPoint_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("offset") << "2026-03-26T16:01:05.123+02:00";
    QTest::newRow("no fraction") << "2026-03-26T14:01:05Z";
    QTest::newRow("nanoseconds") << "2026-03-26T14:01:05.123456789Z";
}

void TestTimestamp::canonicalIsAFixedPoint()
{
    QFETCH(QString, text);
    const std::optional<QString> once = canonicalTimestamp(text);
    QVERIFY(once.has_value());
    QCOMPARE(once->size(), 24);
    QVERIFY(once->endsWith(u'Z'));
    QCOMPARE(canonicalTimestamp(*once), once);
    QCOMPARE(parseTimestamp(*once), parseTimestamp(text));
}

void TestTimestamp::formatThenParseRoundTripsRandomInstants()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    for (int i = 0; i < 20000; ++i) {
        const Millis millis = random.bounded(qint64(0), kLastMillisOfYear9999 + 1);
        const QString text = formatTimestamp(millis);
        const std::optional<Millis> parsed = parseTimestamp(text);
        QVERIFY2(
            parsed == millis,
            qPrintable(
                QStringLiteral("seed %1, millis %2, text %3").arg(seed).arg(millis).arg(text)));
    }
}

// The merge rule compares canonical timestamps as strings; that is only
// sound if string order equals time order.
void TestTimestamp::canonicalTextSortsLikeTheInstant()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    for (int i = 0; i < 20000; ++i) {
        const Millis a = random.bounded(qint64(0), kLastMillisOfYear9999 + 1);
        // Half of the pairs are close together, where digit carries happen.
        const Millis b =
            i % 2 ? random.bounded(qint64(0), kLastMillisOfYear9999 + 1)
                  : qBound(Millis(0), a + random.bounded(-2000, 2000), kLastMillisOfYear9999);
        const int textOrder = QString::compare(formatTimestamp(a), formatTimestamp(b));
        const int timeOrder = a < b ? -1 : (a > b ? 1 : 0);
        QVERIFY2((textOrder < 0 ? -1 : (textOrder > 0 ? 1 : 0)) == timeOrder,
                 qPrintable(QStringLiteral("seed %1: %2 vs %3").arg(seed).arg(a).arg(b)));
    }
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
