// The C++ under Calendar's page over a real store with the shipped
// manifest, in Europe/Berlin: creating events (timed, all-day as dates),
// moving them across the March DST change, changing an occurrence of a
// series in each scope, one default calendar, Todo's tasks in the views,
// .ics import and export through files (a re-import updates; a broken file
// names its line in the page's language and imports nothing), the periods
// the views show, and both models under QAbstractItemModelTester.
#include "calendarcontroller.h"
#include "calendarlistmodel.h"
#include "calendartestutil.h"
#include "occurrencemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include <cstdlib>
#include <ctime>

using namespace mana;
using namespace mana::calendar;
using namespace mana::calendar::test;

namespace {

// Before Qt reads the zone: the system zone of this test is Berlin.
void useBerlin()
{
    qputenv("TZ", "Europe/Berlin");
    tzset();
}
Q_CONSTRUCTOR_FUNCTION(useBerlin)

const QTimeZone berlin("Europe/Berlin");

} // namespace

class TestCalendarPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsTimedEventsInTheDefaultCalendar();
    void allDayEventsAreDates();
    void refusesAnEndBeforeTheStartInTheWindowsLanguage_data();
    void refusesAnEndBeforeTheStartInTheWindowsLanguage();
    void moveKeepsTheWallClockAcrossDst();
    void scopesOfARepeatingEvent_data();
    void scopesOfARepeatingEvent();
    void oneDefaultCalendar();
    void hiddenCalendarsAreNotShown();
    void tasksShowWhenAsked();
    void importExportThroughFiles();
    void brokenFileNamesItsLineAndImportsNothing_data();
    void brokenFileNamesItsLineAndImportsNothing();
    void periods_data();
    void periods();
    void modelsPassTheTester();

private:
    QStringList titlesOfDay(OccurrenceModel &model, int day) const;

    std::unique_ptr<CalendarStore> m_calendar;
    std::unique_ptr<CalendarController> m_controller;
    QString m_personal;
};

void TestCalendarPage::init()
{
    m_calendar = std::make_unique<CalendarStore>();
    QString error;
    QVERIFY2(m_calendar->open(&error), qPrintable(error));
    const ModuleCatalog catalog = ModuleCatalog::load();
    for (const ModuleSpec &module : catalog.modules) {
        if (module.id == u"todo")
            QVERIFY2(m_calendar->store->addModule(module, &error), qPrintable(error));
    }
    m_personal = m_calendar->addCalendar("Personal", "Europe/Berlin");
    m_calendar->calendars()->update(m_personal, {{"isDefault", true}});
    m_controller = std::make_unique<CalendarController>();
    m_controller->setStore(m_calendar->store.get());
}

void TestCalendarPage::cleanup()
{
    m_controller.reset();
    m_calendar.reset();
}

QStringList TestCalendarPage::titlesOfDay(OccurrenceModel &model, int day) const
{
    QStringList titles;
    for (const QVariant &piece : model.piecesOfDay(day))
        titles.append(piece.toMap().value("title").toString() + "@" +
                      piece.toMap().value("start").toString().mid(11));
    return titles;
}

void TestCalendarPage::createsTimedEventsInTheDefaultCalendar()
{
    const QString other = m_controller->createCalendar("Work", "#10B981");
    QVERIFY(!other.isEmpty());
    const QString id = m_controller->createEvent({{"title", "Dentist"},
                                                  {"allDay", false},
                                                  {"start", "2027-03-26T09:00"},
                                                  {"end", "2027-03-26T10:30"},
                                                  {"location", "Main street 1"},
                                                  {"reminders", QVariantList{15}}});
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->error()));
    const QJsonObject event = m_calendar->event(id);
    QCOMPARE(event.value("startDate").toString(), "2027-03-26T08:00:00.000Z");
    QCOMPARE(event.value("endDate").toString(), "2027-03-26T09:30:00.000Z");
    QCOMPARE(event.value("calendarId").toString(), m_personal);
    QCOMPARE(event.value("timezone").toString(), "Europe/Berlin");
    QCOMPARE(event.value("location").toString(), "Main street 1");
    QCOMPARE(event.value("reminders").toArray(), QJsonArray{15});
    // The dialog reads back what it wrote.
    const QVariantMap fields = m_controller->occurrenceFields(id, {});
    QCOMPARE(fields.value("start").toString(), "2027-03-26T09:00");
    QCOMPARE(fields.value("end").toString(), "2027-03-26T10:30");
    QCOMPARE(fields.value("recurring").toBool(), false);
}

void TestCalendarPage::allDayEventsAreDates()
{
    const QString id = m_controller->createEvent(
        {{"title", "Holiday"}, {"allDay", true}, {"start", "2027-03-28"}, {"end", "2027-03-29"}});
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->error()));
    const QJsonObject event = m_calendar->event(id);
    QCOMPARE(event.value("startDate").toString(), "2027-03-28T00:00:00.000Z");
    // Exclusive, as DTEND: the day after the last.
    QCOMPARE(event.value("endDate").toString(), "2027-03-30T00:00:00.000Z");
    QVERIFY(!event.contains("timezone") || event.value("timezone").isNull());
    const QVariantMap fields = m_controller->occurrenceFields(id, {});
    QCOMPARE(fields.value("start").toString(), "2027-03-28");
    QCOMPARE(fields.value("end").toString(), "2027-03-29");

    // On both days of the month view, in the all-day row of the week.
    OccurrenceModel model;
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-03-22");
    model.setDays(7);
    model.refresh();
    QCOMPARE(model.piecesOfDay(6).size(), 1); // Sunday 28th
    QCOMPARE(model.laneCount(), 1);
}

void TestCalendarPage::refusesAnEndBeforeTheStartInTheWindowsLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("en") << "en"
                        << "The end is before the start.";
    QTest::newRow("de") << "de"
                        << "Das Ende liegt vor dem Beginn.";
}

void TestCalendarPage::refusesAnEndBeforeTheStartInTheWindowsLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, sentence);
    m_controller->setLanguage(language);
    const int before = m_calendar->events()->count();
    const QString id = m_controller->createEvent({{"title", "Backwards"},
                                                  {"allDay", false},
                                                  {"start", "2027-03-26T10:00"},
                                                  {"end", "2027-03-26T09:00"}});
    QVERIFY(id.isEmpty());
    QCOMPARE(m_controller->error(), sentence);
    QCOMPARE(m_calendar->events()->count(), before);
}

void TestCalendarPage::moveKeepsTheWallClockAcrossDst()
{
    // Friday before the change (UTC+1) to Monday after it (UTC+2).
    const QString id = m_controller->createEvent({{"title", "Standup"},
                                                  {"allDay", false},
                                                  {"start", "2027-03-26T09:00"},
                                                  {"end", "2027-03-26T09:15"}});
    QVERIFY(!id.isEmpty());
    const QString moved = m_controller->shiftLocal("2027-03-26T09:00", 3 * 1440);
    QCOMPARE(moved, "2027-03-29T09:00");
    QVERIFY2(m_controller->moveOccurrence(id, {}, moved, "2027-03-29T09:15", "all"),
             qPrintable(m_controller->error()));
    QCOMPARE(m_calendar->event(id).value("startDate").toString(), "2027-03-29T07:00:00.000Z");
    QCOMPARE(m_calendar->event(id).value("endDate").toString(), "2027-03-29T07:15:00.000Z");
}

void TestCalendarPage::scopesOfARepeatingEvent_data()
{
    QTest::addColumn<QString>("scope");
    // The four Mondays of March 2027 from the 8th after moving the 15th's
    // occurrence to 11:00.
    QTest::addColumn<QStringList>("mondays");
    QTest::newRow("this") << "this"
                          << QStringList{"Review@10:00", "Review@11:00", "Review@10:00",
                                         "Review@10:00"};
    QTest::newRow("following") << "following"
                               << QStringList{"Review@10:00", "Review@11:00", "Review@11:00",
                                              "Review@11:00"};
    QTest::newRow("all") << "all"
                         << QStringList{"Review@11:00", "Review@11:00", "Review@11:00",
                                        "Review@11:00"};
}

void TestCalendarPage::scopesOfARepeatingEvent()
{
    QFETCH(QString, scope);
    QFETCH(QStringList, mondays);
    // Weekly on Mondays from 8 March 2027, 10:00 Berlin: across the DST
    // change of the 28th, still 10:00 local.
    const QString series = m_controller->createEvent({{"title", "Review"},
                                                      {"allDay", false},
                                                      {"start", "2027-03-08T10:00"},
                                                      {"end", "2027-03-08T10:30"},
                                                      {"recurrenceRule", "FREQ=WEEKLY;BYDAY=MO"}});
    QVERIFY(!series.isEmpty());
    QVERIFY(m_controller->isRecurring(series));
    const QString fifteenth = instantToJson(QDateTime(QDate(2027, 3, 15), QTime(10, 0), berlin));
    QVERIFY2(m_controller->moveOccurrence(series, fifteenth, "2027-03-15T11:00", "2027-03-15T11:30",
                                          scope),
             qPrintable(m_controller->error()));

    OccurrenceModel model;
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-03-08");
    model.setDays(28);
    model.refresh();
    QStringList seen;
    for (int week = 0; week < 4; ++week)
        seen += titlesOfDay(model, week * 7);
    QCOMPARE(seen, mondays);
}

void TestCalendarPage::oneDefaultCalendar()
{
    const QString work = m_controller->createCalendar("Work", "#10B981");
    QVERIFY(m_controller->setDefaultCalendar(work));
    QCOMPARE(m_controller->defaultCalendarId(), work);
    QCOMPARE(m_calendar->calendars()->count({}), 2);
    int defaults = 0;
    for (const QJsonObject &calendar : m_calendar->calendars()->query())
        defaults += calendar.value("isDefault").toBool() ? 1 : 0;
    QCOMPARE(defaults, 1);
    const QString id = m_controller->createEvent(
        {{"title", "Meeting"}, {"start", "2027-01-04T09:00"}, {"end", "2027-01-04T10:00"}});
    QCOMPARE(m_calendar->event(id).value("calendarId").toString(), work);
}

void TestCalendarPage::hiddenCalendarsAreNotShown()
{
    m_controller->createEvent(
        {{"title", "Seen"}, {"start", "2027-01-04T09:00"}, {"end", "2027-01-04T10:00"}});
    OccurrenceModel model;
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-01-04");
    model.setDays(1);
    model.refresh();
    QCOMPARE(model.occurrenceCount(), 1);
    QVERIFY(m_controller->setCalendarVisible(m_personal, false));
    model.refresh();
    QCOMPARE(model.occurrenceCount(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestCalendarPage::tasksShowWhenAsked()
{
    Collection *tasks = m_calendar->store->collection("todo", "tasks");
    QVERIFY(tasks);
    QVERIFY(tasks->insert(
        {{"title", "File taxes"},
         {"dueDate", instantToJson(QDateTime(QDate(2027, 1, 5), QTime(0, 0), berlin))}}));
    OccurrenceModel model;
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-01-04");
    model.setDays(7);
    model.refresh();
    QCOMPARE(model.piecesOfDay(1).size(), 0);
    model.setShowTasks(true);
    model.refresh();
    const QVariantList pieces = model.piecesOfDay(1);
    QCOMPARE(pieces.size(), 1);
    QCOMPARE(pieces.first().toMap().value("title").toString(), "File taxes");
    QCOMPARE(pieces.first().toMap().value("isTask").toBool(), true);
    QCOMPARE(model.laneCount(), 1);
    // The toggle is kept in the profile.
    m_controller->setShowTasks(true);
    CalendarController again;
    again.setStore(m_calendar->store.get());
    QVERIFY(again.showTasks());
}

void TestCalendarPage::importExportThroughFiles()
{
    QTemporaryDir files;
    const QString path = files.filePath("trip.ics");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-WR-CALNAME:Trip\r\n"
               "BEGIN:VEVENT\r\nUID:flight-1@test\r\nDTSTAMP:20270101T000000Z\r\n"
               "DTSTART;TZID=Europe/Berlin:20270402T071500\r\n"
               "DTEND;TZID=Europe/Berlin:20270402T093000\r\nSUMMARY:Flight\r\n"
               "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT2H\r\nEND:VALARM\r\n"
               "END:VEVENT\r\nEND:VCALENDAR\r\n");
    file.close();

    QSignalSpy finished(m_controller.get(), &CalendarController::importFinished);
    m_controller->importFile(QUrl::fromLocalFile(path), {});
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(m_controller->notice(), "Imported 1 events, updated 0.");
    // A calendar named after the file's X-WR-CALNAME.
    QString trip;
    for (const QJsonObject &calendar : m_calendar->calendars()->query())
        if (calendar.value("name").toString() == "Trip")
            trip = calendar.value("id").toString();
    QVERIFY(!trip.isEmpty());
    const QList<QJsonObject> imported =
        m_calendar->events()->query(Query().where("calendarId", Query::Op::Equal, trip));
    QCOMPARE(imported.size(), 1);
    QCOMPARE(imported.first().value("startDate").toString(), "2027-04-02T05:15:00.000Z");
    QCOMPARE(imported.first().value("reminders").toArray(), QJsonArray{120});

    const QString exported = files.filePath("out.ics");
    QVERIFY2(m_controller->exportFile(QUrl::fromLocalFile(exported), trip),
             qPrintable(m_controller->error()));
    QFile out(exported);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray text = out.readAll();
    QVERIFY(text.contains("UID:flight-1@test"));
    QVERIFY(text.contains("TRIGGER:-PT120M"));

    // Importing the export again into the same calendar: nothing doubles.
    finished.clear();
    m_controller->importFile(QUrl::fromLocalFile(exported), trip);
    QVERIFY(finished.wait(5000));
    QCOMPARE(m_calendar->events()->count(Query().where("calendarId", Query::Op::Equal, trip)), 1);
}

void TestCalendarPage::brokenFileNamesItsLineAndImportsNothing_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << "en"
                        << "Line 9";
    QTest::newRow("de") << "de"
                        << "Zeile 9";
}

void TestCalendarPage::brokenFileNamesItsLineAndImportsNothing()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    m_controller->setLanguage(language);
    QTemporaryDir files;
    const QString path = files.filePath("broken.ics");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A good event, then one whose start is no date (line 9).
    file.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
               "BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART:20270402T071500Z\r\nSUMMARY:Good\r\n"
               "END:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:2027-13-45T99:00\r\nUID:b@test\r\n"
               "SUMMARY:Bad\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    file.close();
    const int eventsBefore = m_calendar->events()->count();
    const int calendarsBefore = m_calendar->calendars()->count();
    QSignalSpy finished(m_controller.get(), &CalendarController::importFinished);
    m_controller->importFile(QUrl::fromLocalFile(path), {});
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY2(m_controller->error().contains(expected), qPrintable(m_controller->error()));
    QCOMPARE(m_calendar->events()->count(), eventsBefore);
    QCOMPARE(m_calendar->calendars()->count(), calendarsBefore);
}

void TestCalendarPage::periods_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("firstDay");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("title");
    // Thursday 2027-03-25.
    QTest::newRow("en month") << "en"
                              << "month"
                              << "2027-02-28" << 42 << "March 2027";
    QTest::newRow("de month") << "de"
                              << "month"
                              << "2027-03-01" << 42 << "März 2027";
    QTest::newRow("en week") << "en"
                             << "week"
                             << "2027-03-21" << 7 << "Mar 21 – 27, 2027";
    QTest::newRow("de week") << "de"
                             << "week"
                             << "2027-03-22" << 7 << "22. – 28. März 2027";
    QTest::newRow("en day") << "en"
                            << "day"
                            << "2027-03-25" << 1 << "Thursday, March 25, 2027";
    QTest::newRow("de day") << "de"
                            << "day"
                            << "2027-03-25" << 1 << "Donnerstag, 25. März 2027";
    QTest::newRow("agenda") << "en"
                            << "agenda"
                            << "2027-03-25" << 28 << "Mar 25 – Apr 21, 2027";
}

void TestCalendarPage::periods()
{
    QFETCH(QString, language);
    QFETCH(QString, view);
    QFETCH(QString, firstDay);
    QFETCH(int, days);
    QFETCH(QString, title);
    m_controller->setLanguage(language);
    QCOMPARE(m_controller->periodStart("2027-03-25", view), firstDay);
    QCOMPARE(m_controller->periodDays(view), days);
    QCOMPARE(m_controller->periodTitle("2027-03-25", view), title);
}

void TestCalendarPage::modelsPassTheTester()
{
    OccurrenceModel model;
    QAbstractItemModelTester occurrencesTester(
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester calendarsTester(
        m_controller->calendars(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-03-22");
    model.setDays(7);
    model.refresh();
    m_controller->createEvent(
        {{"title", "A"}, {"start", "2027-03-23T09:00"}, {"end", "2027-03-23T10:00"}});
    m_controller->createEvent(
        {{"title", "B"}, {"start", "2027-03-23T09:30"}, {"end", "2027-03-23T11:00"}});
    m_controller->createEvent(
        {{"title", "C"}, {"allDay", true}, {"start", "2027-03-22"}, {"end", "2027-03-24"}});
    m_controller->createCalendar("Work", "#10B981");
    QTRY_COMPARE(model.rowCount(), 3);
    // A and B overlap: side by side.
    int columns = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        if (index.data(OccurrenceModel::KindRole).toString() == "timed") {
            QCOMPARE(index.data(OccurrenceModel::ColumnCountRole).toInt(), 2);
            columns += index.data(OccurrenceModel::ColumnRole).toInt();
        } else {
            QCOMPARE(index.data(OccurrenceModel::LastDayIndexRole).toInt(), 2);
        }
    }
    QCOMPARE(columns, 1);
    QCOMPARE(m_controller->calendars()->rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestCalendarPage)
#include "tst_calendarpage.moc"
