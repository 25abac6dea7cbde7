// iCalendar export (modules/calendar/src/icsexport.h): what it writes
// (RFC 5545 form: CRLF, folding at 75 octets, VTIMEZONEs, all-day dates,
// overrides, exceptions, alarms), and round trips: every fixture imported,
// exported and imported again gives the same records.
#include "icsexport.h"
#include "icsimport.h"
#include "icstestsupport.h"

#include <QJsonDocument>

using namespace mana;
using namespace mana::calendar;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

QList<QByteArray> physicalLines(const QByteArray &file)
{
    QList<QByteArray> lines = file.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

QJsonObject eventRecord(const QString &id, const QString &title, const QString &start,
                        const QString &end)
{
    return {{"id"_L1, id},
            {"title"_L1, title},
            {"startDate"_L1, start},
            {"endDate"_L1, end},
            {"allDay"_L1, false},
            {"timezone"_L1, QJsonValue::Null},
            {"uid"_L1, QJsonValue::Null}};
}

} // namespace

class TestIcsExport : public QObject
{
    Q_OBJECT
private slots:
    void writesRfc5545();
    void foldsLongLinesBetweenCharacters();
    void roundTrips_data();
    void roundTrips();
    void exportsACalendarOfTheStore();
};

void TestIcsExport::writesRfc5545()
{
    QJsonObject series = eventRecord(u"s1"_s, u"Stand-up; daily, short"_s,
                                     u"2026-03-23T08:30:00.000Z"_s, u"2026-03-23T08:45:00.000Z"_s);
    series.insert("timezone"_L1, u"Europe/Berlin"_s);
    series.insert("recurrenceRule"_L1, u"FREQ=DAILY;UNTIL=20260410T215959Z"_s);
    series.insert("exceptionDates"_L1, QJsonArray{u"2026-03-30T07:30:00.000Z"_s});
    series.insert("reminders"_L1, QJsonArray{10});
    QJsonObject moved = eventRecord(u"o1"_s, u"Stand-up later"_s, u"2026-03-31T09:00:00.000Z"_s,
                                    u"2026-03-31T09:15:00.000Z"_s);
    moved.insert("seriesId"_L1, u"s1"_s);
    moved.insert("recurrenceId"_L1, u"2026-03-31T07:30:00.000Z"_s);
    QJsonObject holiday = eventRecord(u"a1"_s, u"Holiday"_s, u"2026-12-24T00:00:00.000Z"_s,
                                      u"2026-12-25T00:00:00.000Z"_s);
    holiday.insert("allDay"_L1, true);
    holiday.insert("uid"_L1, u"holiday@example.com"_s);
    QJsonObject orphan = moved;
    orphan.insert("id"_L1, u"o2"_s);
    orphan.insert("seriesId"_L1, u"gone"_s);

    IcsExportOptions options;
    options.calendarName = u"Team"_s;
    options.now = kNow;
    const QByteArray file = exportIcs({series, moved, holiday, orphan}, options);
    for (const QByteArray &line : physicalLines(file))
        QVERIFY2(line.endsWith('\r') && line.size() <= 76, line.constData()); // 75 + CR
    QVERIFY(
        file.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ManaCore//Calendar//EN\r\n"));
    QVERIFY(file.contains("X-WR-CALNAME:Team\r\n"));
    QCOMPARE(file.count("BEGIN:VTIMEZONE"), 1);
    QVERIFY(file.contains("TZID:Europe/Berlin\r\n"));
    QVERIFY(file.contains("UID:s1@manacore\r\n"));
    QVERIFY(file.contains("DTSTAMP:20261206T120000Z\r\n"));
    QVERIFY(file.contains("DTSTART;TZID=Europe/Berlin:20260323T093000\r\n"));
    QVERIFY(file.contains("EXDATE;TZID=Europe/Berlin:20260330T093000\r\n")); // summer time
    QVERIFY(file.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260331T093000\r\n"));
    QVERIFY(file.contains("SUMMARY:Stand-up\\; daily\\, short\r\n"));
    QVERIFY(file.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
    QVERIFY(file.contains("TRIGGER:-PT10M\r\n"));
    QVERIFY(file.contains("DTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\n"));
    QVERIFY(file.contains("UID:holiday@example.com\r\n"));
    QCOMPARE(file.count("BEGIN:VEVENT"), 3); // the override of a missing series is left out

    const ParsedIcs back = parseIcs(file);
    QVERIFY2(back.ok(), qPrintable(describe(back.error, u"en"_s)));
    QCOMPARE(back.events.size(), 3);
    QCOMPARE(back.events[0].value("startDate"_L1), series.value("startDate"_L1));
    QCOMPARE(back.events[0].value("exceptionDates"_L1), series.value("exceptionDates"_L1));
    QCOMPARE(back.events[0].value("recurrenceRule"_L1), series.value("recurrenceRule"_L1));
    QCOMPARE(back.events[2].value("recurrenceId"_L1), moved.value("recurrenceId"_L1));
    QCOMPARE(back.events[2].value("uid"_L1).toString(), u"s1@manacore"_s);
}

void TestIcsExport::foldsLongLinesBetweenCharacters()
{
    QString description;
    for (int i = 0; i < 40; ++i)
        description += u"Größenänderung über €, "_s;
    QJsonObject long_ = eventRecord(u"l1"_s, u"Lang"_s, u"2026-05-01T10:00:00.000Z"_s,
                                    u"2026-05-01T11:00:00.000Z"_s);
    long_.insert("description"_L1, description + u"\nzweite Zeile"_s);
    const QByteArray file = exportIcs({long_}, {});
    for (const QByteArray &line : physicalLines(file)) {
        QVERIFY2(line.size() <= 76, line.constData());
        // No line may start or end inside a UTF-8 character.
        const QByteArray content = line.startsWith(' ') ? line.mid(1) : line;
        QVERIFY2(QString::fromUtf8(content).toUtf8() == content, line.constData());
    }
    const ParsedIcs back = parseIcs(file);
    QVERIFY(back.ok());
    QCOMPARE(back.events[0].value("description"_L1).toString(), description + u"\nzweite Zeile"_s);
}

void TestIcsExport::roundTrips_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("events");
    QTest::newRow("Google Calendar") << u"google.ics"_s << 4;
    QTest::newRow("Thunderbird") << u"thunderbird.ics"_s << 2;
    QTest::newRow("Apple Calendar") << u"apple.ics"_s << 2;
}

void TestIcsExport::roundTrips()
{
    QFETCH(QString, file);
    QFETCH(int, events);
    IcsParseOptions berlin;
    berlin.floatingZone = QTimeZone("Europe/Berlin");
    icstest::CalendarStore first;
    icstest::CalendarStore second;
    QString error;
    QVERIFY2(first.open(&error) && second.open(&error), qPrintable(error));
    const IcsImportResult imported =
        importIcs(&first.store, first.calendarId, icstest::fixture(file), berlin);
    QVERIFY2(imported.ok(), qPrintable(describe(imported.error, u"en"_s)));
    QCOMPARE(imported.added, events);

    const QByteArray exported = exportIcs(&first.store, first.calendarId, &error, kNow);
    QVERIFY2(!exported.isEmpty(), qPrintable(error));
    const IcsImportResult again = importIcs(&second.store, second.calendarId, exported, berlin);
    QVERIFY2(again.ok(),
             qPrintable(describe(again.error, u"en"_s) + u"\n"_s + QString::fromUtf8(exported)));
    QCOMPARE(again.added, events);
    const QJsonArray before = icstest::comparableAll(first.allEvents());
    const QJsonArray after = icstest::comparableAll(second.allEvents());
    if (before != after) {
        qWarning().noquote() << QJsonDocument(before).toJson() << QJsonDocument(after).toJson();
        QFAIL("the round trip changed the records");
    }
    // And the exported file re-imported over the first store changes nothing.
    const IcsImportResult same = importIcs(&first.store, first.calendarId, exported, berlin);
    QCOMPARE(same.added + same.updated, 0);
}

void TestIcsExport::exportsACalendarOfTheStore()
{
    icstest::CalendarStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(importIcs(&store.store, store.calendarId, icstest::fixture(u"apple.ics"_s)).ok());
    const QByteArray file = exportIcs(&store.store, store.calendarId, &error, kNow);
    QVERIFY(file.contains("X-WR-CALNAME:Imported\r\n"));
    QVERIFY(file.contains("X-WR-TIMEZONE:Europe/Berlin\r\n"));
    QVERIFY(file.contains("TZID:America/New_York\r\n"));
    QVERIFY(file.contains("DTSTART;TZID=America/New_York:20261031T110000\r\n"));
    QVERIFY(file.contains("TRIGGER:-PT30M\r\n"));
    QVERIFY(exportIcs(&store.store, u"no-such-calendar"_s, &error, kNow).isEmpty());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestIcsExport)
#include "tst_icsexport.moc"
