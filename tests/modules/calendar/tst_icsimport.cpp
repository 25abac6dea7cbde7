// iCalendar import (modules/calendar/src/icsimport.h): files as Google
// Calendar, Thunderbird and Apple Calendar write them become the contract's
// records (times checked in UTC across DST changes); broken files are
// refused with a code and a line, and nothing is written; a re-import
// updates instead of duplicating.
#include "icsimport.h"
#include "icstestsupport.h"

#include <QJsonDocument>

using namespace mana;
using namespace mana::calendar;
using namespace Qt::StringLiterals;

namespace {

IcsParseOptions berlinOptions()
{
    IcsParseOptions options;
    options.floatingZone = QTimeZone("Europe/Berlin");
    return options;
}

QJsonObject byTitle(const QList<QJsonObject> &events, const QString &title)
{
    for (const QJsonObject &event : events) {
        if (event.value("title"_L1).toString() == title)
            return event;
    }
    qWarning() << "no event" << title;
    return {};
}

QJsonArray strings(std::initializer_list<const char *> values)
{
    QJsonArray array;
    for (const char *value : values)
        array.append(QString::fromLatin1(value));
    return array;
}

QByteArray calendarWith(const QByteArray &eventLines)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
           "UID:one@test\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:One\r\n" +
           eventLines + "END:VEVENT\r\nEND:VCALENDAR\r\n";
}

} // namespace

class TestIcsImport : public QObject
{
    Q_OBJECT
private slots:
    void googleExport();
    void thunderbirdExport();
    void appleExport();
    void timeZoneNames_data();
    void timeZoneNames();
    void cancelledInstanceIsAnExceptionDate();
    void brokenFilesImportNothing_data();
    void brokenFilesImportNothing();
    void tooLargeIsRefusedBeforeParsing();
    void describesErrorsInEnglishAndGerman();
    void reimportUpdatesInsteadOfDuplicating();
    void importsIntoAnExistingSeriesByUid();
};

void TestIcsImport::googleExport()
{
    const ParsedIcs parsed = parseIcs(icstest::fixture(u"google.ics"_s), berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, u"en"_s)));
    QCOMPARE(parsed.calendar.name, u"Work"_s);
    QCOMPARE(parsed.calendar.timezone, u"Europe/Berlin"_s);
    QCOMPARE(parsed.events.size(), 4);

    const QJsonObject series = byTitle(parsed.events, u"Team sync"_s);
    QCOMPARE(series.value("startDate"_L1).toString(), u"2026-03-05T09:00:00.000Z"_s); // CET
    QCOMPARE(series.value("endDate"_L1).toString(), u"2026-03-05T09:30:00.000Z"_s);
    QCOMPARE(series.value("timezone"_L1).toString(), u"Europe/Berlin"_s);
    QCOMPARE(series.value("allDay"_L1).toBool(), false);
    const QString rule = series.value("recurrenceRule"_L1).toString();
    QVERIFY2(rule.startsWith(u"FREQ=WEEKLY"_s) && rule.contains(u"UNTIL=20260430T215959Z"_s) &&
                 rule.contains(u"BYDAY=TH"_s),
             qPrintable(rule));
    // One EXDATE line before the switch to summer time, one with two values after it.
    QCOMPARE(series.value("exceptionDates"_L1).toArray(),
             strings({"2026-03-19T09:00:00.000Z", "2026-04-02T08:00:00.000Z",
                      "2026-04-09T08:00:00.000Z"}));
    QCOMPARE(series.value("reminders"_L1).toArray(), QJsonArray({15, 1440}));
    QCOMPARE(series.value("description"_L1).toString(),
             u"Weekly sync, agenda in the doc.\nBring numbers."_s);
    QCOMPARE(series.value("location"_L1).toString(), u"Room 4.12, Berlin"_s);
    QCOMPARE(series.value("uid"_L1).toString(), u"7kukuqrfedlm2f9t0vr42q2k8s@google.com"_s);
    QVERIFY(series.value("recurrenceId"_L1).isNull());

    const QJsonObject moved = byTitle(parsed.events, u"Team sync (moved)"_s);
    QCOMPARE(moved.value("uid"_L1), series.value("uid"_L1));
    QCOMPARE(moved.value("recurrenceId"_L1).toString(), u"2026-03-26T09:00:00.000Z"_s);
    QCOMPARE(moved.value("startDate"_L1).toString(), u"2026-03-26T13:00:00.000Z"_s);
    QVERIFY(moved.value("recurrenceRule"_L1).isNull());
    QCOMPARE(parsed.events.last(), moved); // overrides after the series

    const QJsonObject holidays = byTitle(parsed.events, u"Christmas holidays"_s);
    QCOMPARE(holidays.value("allDay"_L1).toBool(), true);
    QCOMPARE(holidays.value("startDate"_L1).toString(), u"2026-12-24T00:00:00.000Z"_s);
    QCOMPARE(holidays.value("endDate"_L1).toString(), u"2026-12-27T00:00:00.000Z"_s);
    QVERIFY(holidays.value("timezone"_L1).isNull());

    const QJsonObject night = byTitle(parsed.events, u"Night shift handover"_s);
    QCOMPARE(night.value("startDate"_L1).toString(), u"2026-03-29T00:30:00.000Z"_s);
    QVERIFY(night.value("timezone"_L1).isNull()); // UTC, not repeating

    // Into the store: the override names its series.
    icstest::CalendarStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const IcsImportResult result = importIcs(&store.store, store.calendarId,
                                             icstest::fixture(u"google.ics"_s), berlinOptions());
    QVERIFY2(result.ok(), qPrintable(describe(result.error, u"en"_s)));
    QCOMPARE(result.added, 4);
    const QList<QJsonObject> stored = store.allEvents();
    const QJsonObject storedSeries = byTitle(stored, u"Team sync"_s);
    const QJsonObject storedMoved = byTitle(stored, u"Team sync (moved)"_s);
    QCOMPARE(storedMoved.value("seriesId"_L1), storedSeries.value("id"_L1));
    QCOMPARE(storedSeries.value("calendarId"_L1).toString(), store.calendarId);
    QCOMPARE(storedSeries.value("exceptionDates"_L1), series.value("exceptionDates"_L1));
}

void TestIcsImport::thunderbirdExport()
{
    const ParsedIcs parsed = parseIcs(icstest::fixture(u"thunderbird.ics"_s), berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, u"en"_s)));
    QCOMPARE(parsed.events.size(), 2);
    QCOMPARE(parsed.skipped.value(u"VTODO"_s), 1);
    QCOMPARE(parsed.skippedCount(), 1);

    const QJsonObject yoga = byTitle(parsed.events, u"Yoga"_s);
    QCOMPARE(yoga.value("startDate"_L1).toString(), u"2026-03-25T06:30:00.000Z"_s);
    QCOMPARE(yoga.value("recurrenceRule"_L1).toString(), u"FREQ=DAILY;COUNT=10"_s);
    QCOMPARE(yoga.value("reminders"_L1).toArray(), QJsonArray({10}));
    QCOMPARE(yoga.value("timezone"_L1).toString(), u"Europe/Berlin"_s);

    // The day after the switch back to winter time: UTC+1 again.
    const QJsonObject dentist = byTitle(parsed.events, u"Dentist"_s);
    QCOMPARE(dentist.value("startDate"_L1).toString(), u"2026-10-26T08:00:00.000Z"_s);
    QCOMPARE(dentist.value("endDate"_L1).toString(), u"2026-10-26T08:45:00.000Z"_s);
    QCOMPARE(dentist.value("location"_L1).toString(), u"Praxis Dr. Müller, Hauptstraße 5"_s);
    // -P1D, and an absolute trigger an hour before the start.
    QCOMPARE(dentist.value("reminders"_L1).toArray(), QJsonArray({60, 1440}));
}

void TestIcsImport::appleExport()
{
    const ParsedIcs parsed = parseIcs(icstest::fixture(u"apple.ics"_s), berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, u"en"_s)));
    QCOMPARE(parsed.calendar.name, u"Home"_s);
    QCOMPARE(parsed.calendar.color, u"#1BADF8"_s); // Apple's alpha byte dropped
    QCOMPARE(parsed.calendar.timezone, u"America/New_York"_s);
    QCOMPARE(parsed.events.size(), 2);

    const QJsonObject brunch = byTitle(parsed.events, u"Brunch in the park"_s);
    QCOMPARE(brunch.value("startDate"_L1).toString(), u"2026-10-31T15:00:00.000Z"_s); // EDT
    QCOMPARE(brunch.value("endDate"_L1).toString(), u"2026-10-31T17:00:00.000Z"_s);
    QCOMPARE(brunch.value("timezone"_L1).toString(), u"America/New_York"_s);
    QCOMPARE(brunch.value("recurrenceRule"_L1).toString(), u"FREQ=WEEKLY;COUNT=3"_s);
    QCOMPARE(brunch.value("location"_L1).toString(),
             u"Central Park\nNew York, NY, United States"_s);
    QCOMPARE(brunch.value("reminders"_L1).toArray(), QJsonArray({30})); // ACTION:NONE left out

    const QJsonObject birthday = byTitle(parsed.events, u"Anna's birthday"_s);
    QCOMPARE(birthday.value("allDay"_L1).toBool(), true);
    QCOMPARE(birthday.value("startDate"_L1).toString(), u"1985-04-12T00:00:00.000Z"_s);
    QCOMPARE(birthday.value("endDate"_L1).toString(), u"1985-04-13T00:00:00.000Z"_s);
    QCOMPARE(birthday.value("recurrenceRule"_L1).toString(), u"FREQ=YEARLY"_s);
    QCOMPARE(birthday.value("reminders"_L1).toArray(), QJsonArray({900}));
}

void TestIcsImport::timeZoneNames_data()
{
    QTest::addColumn<QByteArray>("startLine");
    QTest::addColumn<QString>("expectedStart");
    QTest::addColumn<QJsonValue>("expectedZone");
    QTest::newRow("IANA id") << QByteArray("DTSTART;TZID=Europe/Berlin:20260701T120000")
                             << u"2026-07-01T10:00:00.000Z"_s << QJsonValue(u"Europe/Berlin"_s);
    QTest::newRow("Windows name (Outlook)")
        << QByteArray("DTSTART;TZID=W. Europe Standard Time:20260101T120000")
        << u"2026-01-01T11:00:00.000Z"_s << QJsonValue(u"Europe/Berlin"_s);
    QTest::newRow("IANA id at the end of a path")
        << QByteArray("DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Asia/Tokyo:"
                      "20260101T090000")
        << u"2026-01-01T00:00:00.000Z"_s << QJsonValue(u"Asia/Tokyo"_s);
    QTest::newRow("floating: the importing user's zone")
        << QByteArray("DTSTART:20260701T120000") << u"2026-07-01T10:00:00.000Z"_s
        << QJsonValue(u"Europe/Berlin"_s);
    QTest::newRow("UTC") << QByteArray("DTSTART:20260701T120000Z") << u"2026-07-01T12:00:00.000Z"_s
                         << QJsonValue(QJsonValue::Null);
}

void TestIcsImport::timeZoneNames()
{
    QFETCH(QByteArray, startLine);
    QFETCH(QString, expectedStart);
    QFETCH(QJsonValue, expectedZone);
    const ParsedIcs parsed = parseIcs(calendarWith(startLine + "\r\n"), berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, u"en"_s)));
    QCOMPARE(parsed.events.size(), 1);
    QCOMPARE(parsed.events[0].value("startDate"_L1).toString(), expectedStart);
    QCOMPARE(parsed.events[0].value("timezone"_L1), expectedZone);
}

void TestIcsImport::cancelledInstanceIsAnExceptionDate()
{
    // A zone only the file's VTIMEZONE knows, as Outlook names them.
    const QByteArray file =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        "BEGIN:VTIMEZONE\r\nTZID:Custom Plus Three\r\nBEGIN:STANDARD\r\n"
        "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
        "BEGIN:VEVENT\r\nUID:s@test\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Daily\r\n"
        "DTSTART;TZID=Custom Plus Three:20260105T090000\r\nDURATION:PT1H\r\n"
        "RRULE:FREQ=DAILY;UNTIL=20260110T090000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:s@test\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Daily\r\n"
        "RECURRENCE-ID;TZID=Custom Plus Three:20260107T090000\r\n"
        "DTSTART;TZID=Custom Plus Three:20260107T090000\r\nDURATION:PT1H\r\n"
        "STATUS:CANCELLED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    const ParsedIcs parsed = parseIcs(file, berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, u"en"_s)));
    QCOMPARE(parsed.events.size(), 1);
    const QJsonObject series = parsed.events[0];
    QCOMPARE(series.value("startDate"_L1).toString(), u"2026-01-05T06:00:00.000Z"_s);
    QCOMPARE(series.value("endDate"_L1).toString(), u"2026-01-05T07:00:00.000Z"_s);
    QCOMPARE(series.value("exceptionDates"_L1).toArray(), strings({"2026-01-07T06:00:00.000Z"}));
    // A local UNTIL of a timed series is stored in UTC.
    QVERIFY2(series.value("recurrenceRule"_L1).toString().contains(u"UNTIL=20260110T060000Z"_s),
             qPrintable(series.value("recurrenceRule"_L1).toString()));
}

void TestIcsImport::brokenFilesImportNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<IcsErrorCode>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("text");
    QTest::newRow("month 13") << u"broken-month.ics"_s << IcsErrorCode::BadDateTime << 15
                              << u"20261301T100000"_s;
    QTest::newRow("rule libical refuses")
        << u"broken-rrule.ics"_s << IcsErrorCode::BadRecurrenceRule << 16
        << u"FREQ=FORTNIGHTLY;COUNT=3"_s;
    QTest::newRow("unknown zone") << u"broken-tzid.ics"_s << IcsErrorCode::UnknownTimeZone << 15
                                  << u"Mars/Olympus_Mons"_s;
    QTest::newRow("BEGIN without END")
        << u"broken-unclosed.ics"_s << IcsErrorCode::UnclosedComponent << 11 << u"BEGIN:VEVENT"_s;
    QTest::newRow("line without colon") << u"broken-line.ics"_s << IcsErrorCode::BrokenLine << 15
                                        << u"this line has no colon at all"_s;
    QTest::newRow("end before start")
        << u"broken-end-before-start.ics"_s << IcsErrorCode::EndBeforeStart << 16
        << u"20260110T090000Z"_s;
    QTest::newRow("duration") << u"broken-duration.ics"_s << IcsErrorCode::BadDuration << 16
                              << u"PXYZ"_s;
    QTest::newRow("no DTSTART") << u"broken-no-start.ics"_s << IcsErrorCode::MissingStart << 11
                                << u"BEGIN:VEVENT"_s;
    QTest::newRow("not iCalendar")
        << u"broken-not-ical.ics"_s << IcsErrorCode::NotICalendar << 1 << u"Subject: meeting"_s;
}

void TestIcsImport::brokenFilesImportNothing()
{
    QFETCH(QString, file);
    QFETCH(IcsErrorCode, code);
    QFETCH(int, line);
    QFETCH(QString, text);
    icstest::CalendarStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(importIcs(&store.store, store.calendarId, icstest::fixture(u"google.ics"_s)).ok());
    const int before = store.eventCount();

    const IcsImportResult result =
        importIcs(&store.store, store.calendarId, icstest::fixture(file), berlinOptions());
    QVERIFY(!result.ok());
    const QString sentence = describe(result.error, u"en"_s);
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.line, line);
    QCOMPARE(result.error.text, text);
    QCOMPARE(result.added + result.updated, 0);
    QCOMPARE(store.eventCount(), before); // the good event before the broken one is not there
    QVERIFY2(sentence.endsWith(u"Nothing was imported."_s), qPrintable(sentence));
}

void TestIcsImport::tooLargeIsRefusedBeforeParsing()
{
    QByteArray huge = calendarWith("DTSTART:20260101T100000Z\r\n");
    huge.append(QByteArray(kMaxIcsBytes, ' '));
    const ParsedIcs parsed = parseIcs(huge);
    QCOMPARE(parsed.error.code, IcsErrorCode::TooLarge);
    QVERIFY(parsed.events.isEmpty());
}

void TestIcsImport::describesErrorsInEnglishAndGerman()
{
    const IcsError error{IcsErrorCode::BadDateTime, 17, u"DTSTART"_s, u"2026-13-01T10:00"_s};
    QCOMPARE(describe(error, u"en"_s),
             u"Line 17: the start time \"2026-13-01T10:00\" is not a date. Nothing was "
             u"imported."_s);
    QCOMPARE(describe(error, u"de"_s),
             u"Zeile 17: Die Startzeit „2026-13-01T10:00“ ist kein Datum. Es wurde nichts "
             u"importiert."_s);
    const IcsError large{IcsErrorCode::TooLarge, 0, {}, {}};
    QCOMPARE(describe(large, u"en"_s), u"The file is larger than 50 MB. Nothing was imported."_s);
    // Every code has a sentence in both languages.
    for (int code = int(IcsErrorCode::TooLarge); code <= int(IcsErrorCode::StoreFailed); ++code) {
        const IcsError any{IcsErrorCode(code), 3, u"RRULE"_s, u"x"_s};
        QVERIFY(describe(any, u"en"_s).startsWith(u"Line 3: "_s));
        QVERIFY(describe(any, u"de"_s).endsWith(u"Es wurde nichts importiert."_s));
    }
}

void TestIcsImport::reimportUpdatesInsteadOfDuplicating()
{
    icstest::CalendarStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const QByteArray google = icstest::fixture(u"google.ics"_s);
    QCOMPARE(importIcs(&store.store, store.calendarId, google, berlinOptions()).added, 4);
    const QList<QJsonObject> first = store.allEvents();

    const IcsImportResult again =
        importIcs(&store.store, store.calendarId, google, berlinOptions());
    QVERIFY(again.ok());
    QCOMPARE(again.added, 0);
    QCOMPARE(again.updated, 0);
    QCOMPARE(again.unchanged, 4);
    QCOMPARE(store.allEvents(), first);

    QByteArray edited = google;
    edited.replace("SUMMARY:Team sync (moved)", "SUMMARY:Team sync (moved again)");
    edited.replace("DTEND;TZID=Europe/Berlin:20260326T150000",
                   "DTEND;TZID=Europe/Berlin:20260326T153000");
    const IcsImportResult changed =
        importIcs(&store.store, store.calendarId, edited, berlinOptions());
    QVERIFY(changed.ok());
    QCOMPARE(changed.added, 0);
    QCOMPARE(changed.updated, 1);
    QCOMPARE(store.eventCount(), 4);
    const QJsonObject moved = byTitle(store.allEvents(), u"Team sync (moved again)"_s);
    QCOMPARE(moved.value("endDate"_L1).toString(), u"2026-03-26T14:30:00.000Z"_s);
    QCOMPARE(moved.value("seriesId"_L1), byTitle(first, u"Team sync"_s).value("id"_L1));
}

void TestIcsImport::importsIntoAnExistingSeriesByUid()
{
    // An invitation update carrying only the changed occurrence finds the
    // series imported before.
    icstest::CalendarStore store;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(importIcs(&store.store, store.calendarId, icstest::fixture(u"google.ics"_s)).ok());
    const QString seriesId = byTitle(store.allEvents(), u"Team sync"_s).value("id"_L1).toString();
    const QByteArray instance =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:7kukuqrfedlm2f9t0vr42q2k8s@google.com\r\nDTSTAMP:20260101T000000Z\r\n"
        "SUMMARY:Team sync (online)\r\nRECURRENCE-ID;TZID=Europe/Berlin:20260312T100000\r\n"
        "DTSTART;TZID=Europe/Berlin:20260312T110000\r\nDURATION:PT30M\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const IcsImportResult result = importIcs(&store.store, store.calendarId, instance);
    QVERIFY(result.ok());
    QCOMPARE(result.added, 1);
    const QJsonObject online = byTitle(store.allEvents(), u"Team sync (online)"_s);
    QCOMPARE(online.value("seriesId"_L1).toString(), seriesId);
    QCOMPARE(online.value("recurrenceId"_L1).toString(), u"2026-03-12T09:00:00.000Z"_s);
}

QTEST_GUILESS_MAIN(TestIcsImport)
#include "tst_icsimport.moc"
