// The C++ under Calendar's page over a real store with the shipped
// manifest, in Europe/Berlin: creating events (timed, all-day as dates),
// moving them across the March DST change, changing an occurrence of a
// series in each scope, one default calendar, Todo's tasks in the views,
// .ics import and export through files (a re-import updates; a broken file
// names its line in the page's language and imports nothing), the periods
// the views show, and every list model under QAbstractItemModelTester. The
// API QML uses is typed (calendartypes.h): drafts written and read back,
// the edit scopes and views as enums, the dialog's choices, the month
// view's pieces.
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

EventDraft timedDraft(const QString &title, const QString &start, const QString &end)
{
    EventDraft draft;
    draft.title = title;
    draft.start = start;
    draft.end = end;
    return draft;
}

EventDraft allDayDraft(const QString &title, const QString &first, const QString &last)
{
    EventDraft draft = timedDraft(title, first, last);
    draft.allDay = true;
    return draft;
}

} // namespace

class TestCalendarPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createsTimedEventsInTheDefaultCalendar();
    void allDayEventsAreDates();
    void newDraftsForTheDialog_data();
    void newDraftsForTheDialog();
    void aChangedDraftIsWrittenWhole();
    void refusedFieldIsNamedByItsLabel_data();
    void refusedFieldIsNamedByItsLabel();
    void dialogChoicesAreTyped();
    void refusesAnEndBeforeTheStartInTheWindowsLanguage_data();
    void refusesAnEndBeforeTheStartInTheWindowsLanguage();
    void moveKeepsTheWallClockAcrossDst();
    void scopesOfARepeatingEvent_data();
    void scopesOfARepeatingEvent();
    void editScopesOfARepeatingEvent_data();
    void editScopesOfARepeatingEvent();
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
    for (const OccurrencePiece &piece : model.piecesOfDay(day))
        titles.append(piece.title + "@" + piece.start.mid(11));
    return titles;
}

void TestCalendarPage::createsTimedEventsInTheDefaultCalendar()
{
    const QString other = m_controller->createCalendar("Work", "#10B981");
    QVERIFY(!other.isEmpty());
    EventDraft written = timedDraft("Dentist", "2027-03-26T09:00", "2027-03-26T10:30");
    written.location = "Main street 1";
    written.description = "Bring the card";
    written.reminders = {15, 60};
    const QString id = m_controller->createEvent(written);
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->error()));
    const QJsonObject event = m_calendar->event(id);
    QCOMPARE(event.value("startDate").toString(), "2027-03-26T08:00:00.000Z");
    QCOMPARE(event.value("endDate").toString(), "2027-03-26T09:30:00.000Z");
    QCOMPARE(event.value("calendarId").toString(), m_personal);
    QCOMPARE(event.value("timezone").toString(), "Europe/Berlin");
    QCOMPARE(event.value("location").toString(), "Main street 1");
    QCOMPARE(event.value("reminders").toArray(), (QJsonArray{15, 60}));
    // The dialog reads back what it wrote, with the event and its calendar.
    EventDraft expected = written;
    expected.eventId = id;
    expected.calendarId = m_personal;
    QCOMPARE(m_controller->draftOf(id, {}), expected);
    QVERIFY(!m_controller->draftOf(id, {}).recurring);
    // An event that is gone gives an empty draft.
    QCOMPARE(m_controller->draftOf("nope", {}), EventDraft());
}

void TestCalendarPage::allDayEventsAreDates()
{
    const EventDraft written = allDayDraft("Holiday", "2027-03-28", "2027-03-29");
    const QString id = m_controller->createEvent(written);
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->error()));
    const QJsonObject event = m_calendar->event(id);
    QCOMPARE(event.value("startDate").toString(), "2027-03-28T00:00:00.000Z");
    // Exclusive, as DTEND: the day after the last.
    QCOMPARE(event.value("endDate").toString(), "2027-03-30T00:00:00.000Z");
    QVERIFY(!event.contains("timezone") || event.value("timezone").isNull());
    EventDraft expected = written;
    expected.eventId = id;
    expected.calendarId = m_personal;
    QCOMPARE(m_controller->draftOf(id, {}), expected);

    // On both days of the month view, in the all-day row of the week.
    OccurrenceModel model;
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-03-22");
    model.setDays(7);
    model.refresh();
    QCOMPARE(model.piecesOfDay(6).size(), 1); // Sunday 28th
    QCOMPARE(model.laneCount(), 1);
    // The month view's piece of it.
    OccurrencePiece piece;
    piece.eventId = id;
    piece.title = "Holiday";
    piece.color = "#3B82F6";
    piece.timeText = "all day";
    piece.allDay = true;
    piece.start = "2027-03-28";
    piece.end = "2027-03-29";
    QCOMPARE(model.piecesOfDay(6).constFirst(), piece);
    QCOMPARE(model.piecesOfDay(6, 0).size(), 0);
}

void TestCalendarPage::newDraftsForTheDialog_data()
{
    QTest::addColumn<int>("startMinute");
    QTest::addColumn<int>("endMinute");
    QTest::addColumn<bool>("allDay");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QList<int>>("reminders");
    QTest::newRow("an hour") << 9 * 60 << 10 * 60 + 30 << false << "2027-03-26T09:00"
                             << "2027-03-26T10:30" << QList<int>{10};
    QTest::newRow("to midnight") << 23 * 60 << 1440 << false << "2027-03-26T23:00"
                                 << "2027-03-27T00:00" << QList<int>{10};
    QTest::newRow("all day") << 0 << 1440 << true << "2027-03-26"
                             << "2027-03-26" << QList<int>{};
}

// What Ctrl+N, a drag over free time and a double-click open the dialog with.
void TestCalendarPage::newDraftsForTheDialog()
{
    QFETCH(int, startMinute);
    QFETCH(int, endMinute);
    QFETCH(bool, allDay);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QList<int>, reminders);
    EventDraft expected;
    expected.calendarId = m_personal;
    expected.allDay = allDay;
    expected.start = start;
    expected.end = end;
    expected.reminders = reminders;
    const EventDraft draft = m_controller->newDraft("2027-03-26", startMinute, endMinute, allDay);
    QCOMPARE(draft, expected);
    // Saved as it is, it reads back the same (titled "New event").
    const QString id = m_controller->createEvent(draft);
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->error()));
    expected.eventId = id;
    expected.title = "New event";
    QCOMPARE(m_controller->draftOf(id, {}), expected);
}

// The dialog writes every field it shows: one emptied is cleared, the
// calendar moves the event, all-day turns the times into dates.
void TestCalendarPage::aChangedDraftIsWrittenWhole()
{
    const QString work = m_controller->createCalendar("Work", "#10B981");
    EventDraft draft = timedDraft("Dentist", "2027-03-26T09:00", "2027-03-26T10:30");
    draft.location = "Main street 1";
    draft.reminders = {15};
    const QString id = m_controller->createEvent(draft);
    QVERIFY(!id.isEmpty());
    EventDraft changed = m_controller->draftOf(id, {});
    changed.title = "Dentist (check-up)";
    changed.location.clear();
    changed.reminders.clear();
    changed.calendarId = work;
    changed.allDay = true;
    changed.start = "2027-03-27";
    changed.end = "2027-03-27";
    QVERIFY2(m_controller->updateOccurrence(id, {}, changed, CalendarController::AllEvents),
             qPrintable(m_controller->error()));
    QCOMPARE(m_controller->draftOf(id, {}), changed);
    const QJsonObject event = m_calendar->event(id);
    QVERIFY(event.value("location").isNull());
    QVERIFY(event.value("reminders").isNull());
    QCOMPARE(event.value("calendarId").toString(), work);
}

void TestCalendarPage::refusedFieldIsNamedByItsLabel_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("en") << "en"
                        << "The event was not saved: The value of “Calendar” is not valid, so "
                           "nothing was saved.";
    QTest::newRow("de") << "de"
                        << "Der Termin wurde nicht gespeichert: Der Wert von „Kalender“ ist "
                           "ungültig, daher wurde nichts gespeichert.";
}

// A field the store refuses is named as the dialog names it, in the
// window's language, never by its wire name ("calendarId").
void TestCalendarPage::refusedFieldIsNamedByItsLabel()
{
    QFETCH(QString, language);
    QFETCH(QString, sentence);
    m_controller->setLanguage(language);
    EventDraft draft = timedDraft("Lost", "2027-03-26T09:00", "2027-03-26T10:00");
    // An id the store cannot take (a control character): refused as WrongType.
    draft.calendarId = "bad\nid";
    const int before = m_calendar->events()->count();
    QVERIFY(m_controller->createEvent(draft).isEmpty());
    QCOMPARE(m_controller->error(), sentence);
    QCOMPARE(m_calendar->events()->count(), before);
}

void TestCalendarPage::dialogChoicesAreTyped()
{
    // Thursday 25 March 2027.
    const QList<RepeatChoice> repeats = m_controller->repeatChoices("2027-03-25", {});
    QCOMPARE(repeats.size(), 6);
    QCOMPARE(repeats.first(), (RepeatChoice{"Does not repeat", {}}));
    QCOMPARE(repeats.at(3), (RepeatChoice{"Every week on Thursday", "FREQ=WEEKLY;BYDAY=TH"}));
    QCOMPARE(repeats.at(4), (RepeatChoice{"Every month on day 25", "FREQ=MONTHLY;BYMONTHDAY=25"}));
    // An imported rule the choices do not hold is offered as it is.
    const QList<RepeatChoice> imported =
        m_controller->repeatChoices("2027-03-25", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    QCOMPARE(imported.size(), 7);
    QCOMPARE(imported.last().rule, "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH");
    QVERIFY(!imported.last().text.isEmpty());

    m_controller->setLanguage("de");
    const QList<ReminderChoice> reminders = m_controller->reminderChoices();
    QCOMPARE(reminders.first(), (ReminderChoice{"Keine Erinnerung", -1}));
    QCOMPARE(reminders.at(1), (ReminderChoice{"Zu Beginn", 0}));
    QCOMPARE(reminders.last(), (ReminderChoice{"1 Tag vorher", 1440}));
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
    const QString id =
        m_controller->createEvent(timedDraft("Backwards", "2027-03-26T10:00", "2027-03-26T09:00"));
    QVERIFY(id.isEmpty());
    QCOMPARE(m_controller->error(), sentence);
    QCOMPARE(m_calendar->events()->count(), before);
}

void TestCalendarPage::moveKeepsTheWallClockAcrossDst()
{
    // Friday before the change (UTC+1) to Monday after it (UTC+2).
    const QString id =
        m_controller->createEvent(timedDraft("Standup", "2027-03-26T09:00", "2027-03-26T09:15"));
    QVERIFY(!id.isEmpty());
    const QString moved = m_controller->shiftLocal("2027-03-26T09:00", 3 * 1440);
    QCOMPARE(moved, "2027-03-29T09:00");
    QVERIFY2(m_controller->moveOccurrence(id, {}, moved, "2027-03-29T09:15",
                                          CalendarController::AllEvents),
             qPrintable(m_controller->error()));
    QCOMPARE(m_calendar->event(id).value("startDate").toString(), "2027-03-29T07:00:00.000Z");
    QCOMPARE(m_calendar->event(id).value("endDate").toString(), "2027-03-29T07:15:00.000Z");
}

void TestCalendarPage::scopesOfARepeatingEvent_data()
{
    QTest::addColumn<CalendarController::EditScope>("scope");
    // The four Mondays of March 2027 from the 8th after moving the 15th's
    // occurrence to 11:00.
    QTest::addColumn<QStringList>("mondays");
    QTest::newRow("this") << CalendarController::ThisEvent
                          << QStringList{"Review@10:00", "Review@11:00", "Review@10:00",
                                         "Review@10:00"};
    QTest::newRow("following") << CalendarController::ThisAndFollowing
                               << QStringList{"Review@10:00", "Review@11:00", "Review@11:00",
                                              "Review@11:00"};
    QTest::newRow("all") << CalendarController::AllEvents
                         << QStringList{"Review@11:00", "Review@11:00", "Review@11:00",
                                        "Review@11:00"};
}

void TestCalendarPage::scopesOfARepeatingEvent()
{
    QFETCH(CalendarController::EditScope, scope);
    QFETCH(QStringList, mondays);
    // Weekly on Mondays from 8 March 2027, 10:00 Berlin: across the DST
    // change of the 28th, still 10:00 local.
    EventDraft weekly = timedDraft("Review", "2027-03-08T10:00", "2027-03-08T10:30");
    weekly.recurrenceRule = "FREQ=WEEKLY;BYDAY=MO";
    const QString series = m_controller->createEvent(weekly);
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

void TestCalendarPage::editScopesOfARepeatingEvent_data()
{
    QTest::addColumn<CalendarController::EditScope>("scope");
    // The four Mondays from the 8th after the dialog renamed the 15th's
    // occurrence.
    QTest::addColumn<QStringList>("mondays");
    QTest::newRow("this") << CalendarController::ThisEvent
                          << QStringList{"Review@10:00", "Retro@10:00", "Review@10:00",
                                         "Review@10:00"};
    QTest::newRow("following") << CalendarController::ThisAndFollowing
                               << QStringList{"Review@10:00", "Retro@10:00", "Retro@10:00",
                                              "Retro@10:00"};
    QTest::newRow("all") << CalendarController::AllEvents
                         << QStringList{"Retro@10:00", "Retro@10:00", "Retro@10:00", "Retro@10:00"};
}

// The dialog's path: the occurrence's draft, a changed title, saved in the
// scope the person chose.
void TestCalendarPage::editScopesOfARepeatingEvent()
{
    QFETCH(CalendarController::EditScope, scope);
    QFETCH(QStringList, mondays);
    EventDraft weekly = timedDraft("Review", "2027-03-08T10:00", "2027-03-08T10:30");
    weekly.recurrenceRule = "FREQ=WEEKLY;BYDAY=MO";
    const QString series = m_controller->createEvent(weekly);
    QVERIFY(!series.isEmpty());
    const QString fifteenth = instantToJson(QDateTime(QDate(2027, 3, 15), QTime(10, 0), berlin));
    EventDraft draft = m_controller->draftOf(series, fifteenth);
    QCOMPARE(draft.eventId, series);
    QCOMPARE(draft.recurrenceId, fifteenth);
    QVERIFY(draft.recurring);
    QCOMPARE(draft.start, "2027-03-15T10:00");
    QCOMPARE(draft.recurrenceRule, "FREQ=WEEKLY;BYDAY=MO");
    draft.title = "Retro";
    QVERIFY2(m_controller->updateOccurrence(series, fifteenth, draft, scope),
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
    // The 22nd's occurrence still repeats, whichever record shows it now.
    const QList<OccurrencePiece> twentySecond = model.piecesOfDay(14);
    QCOMPARE(twentySecond.size(), 1);
    const EventDraft later =
        m_controller->draftOf(twentySecond.first().eventId, twentySecond.first().recurrenceId);
    QCOMPARE(later.recurrenceRule, "FREQ=WEEKLY;BYDAY=MO");
    QVERIFY(later.recurring);
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
    const QString id =
        m_controller->createEvent(timedDraft("Meeting", "2027-01-04T09:00", "2027-01-04T10:00"));
    QCOMPARE(m_calendar->event(id).value("calendarId").toString(), work);
}

void TestCalendarPage::hiddenCalendarsAreNotShown()
{
    m_controller->createEvent(timedDraft("Seen", "2027-01-04T09:00", "2027-01-04T10:00"));
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
    const QList<OccurrencePiece> pieces = model.piecesOfDay(1);
    QCOMPARE(pieces.size(), 1);
    QCOMPARE(pieces.first().title, "File taxes");
    QVERIFY(pieces.first().isTask);
    QVERIFY(!pieces.first().done);
    QCOMPARE(pieces.first().start, "2027-01-05");
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
    QCOMPARE(m_controller->notice(), "Imported 1 event, updated 0.");
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
    QTest::addColumn<CalendarController::View>("view");
    QTest::addColumn<QString>("firstDay");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("title");
    // Thursday 2027-03-25.
    QTest::newRow("en month") << "en" << CalendarController::Month << "2027-02-28" << 42
                              << "March 2027";
    QTest::newRow("de month") << "de" << CalendarController::Month << "2027-03-01" << 42
                              << "März 2027";
    QTest::newRow("en week") << "en" << CalendarController::Week << "2027-03-21" << 7
                             << "March 2027";
    QTest::newRow("de week") << "de" << CalendarController::Week << "2027-03-22" << 7
                             << "März 2027";
    QTest::newRow("en day") << "en" << CalendarController::Day << "2027-03-25" << 1
                            << "Thu, Mar 25, 2027";
    QTest::newRow("de day") << "de" << CalendarController::Day << "2027-03-25" << 1
                            << "Do., 25. März 2027";
    QTest::newRow("agenda") << "en" << CalendarController::Agenda << "2027-03-25" << 28
                            << "Mar – Apr 2027";
}

void TestCalendarPage::periods()
{
    QFETCH(QString, language);
    QFETCH(CalendarController::View, view);
    QFETCH(QString, firstDay);
    QFETCH(int, days);
    QFETCH(QString, title);
    m_controller->setLanguage(language);
    QCOMPARE(m_controller->periodStart("2027-03-25", view), firstDay);
    QCOMPARE(m_controller->periodDays(view), days);
    QCOMPARE(m_controller->periodTitle("2027-03-25", view), title);
    // Weeks across two months and across two years.
    const bool german = language == "de";
    if (view == CalendarController::Week) {
        QCOMPARE(m_controller->periodTitle("2027-03-31", view),
                 german ? "März – Apr. 2027" : "Mar – Apr 2027");
        QCOMPARE(m_controller->periodTitle("2027-12-29", view),
                 german ? "Dez. 2027 – Jan. 2028" : "Dec 2027 – Jan 2028");
    }
}

void TestCalendarPage::modelsPassTheTester()
{
    OccurrenceModel model;
    QAbstractItemModelTester occurrencesTester(
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The week grid's two sub-models, following the model's resets.
    QAbstractItemModelTester timedTester(model.timedBlocks(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester spanTester(model.spanBlocks(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester calendarsTester(
        m_controller->calendars(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-03-22");
    model.setDays(7);
    model.refresh();
    m_controller->createEvent(timedDraft("A", "2027-03-23T09:00", "2027-03-23T10:00"));
    m_controller->createEvent(timedDraft("B", "2027-03-23T09:30", "2027-03-23T11:00"));
    m_controller->createEvent(allDayDraft("C", "2027-03-22", "2027-03-24"));
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
    QCOMPARE(model.timedBlocks()->rowCount(), 2);
    QCOMPARE(model.spanBlocks()->rowCount(), 1);
    QCOMPARE(model.timedBlocks()->index(0, 0).data(OccurrenceModel::KindRole).toString(), "timed");
    // Moving the window and hiding a calendar reset all three.
    model.setFirstDay("2027-03-29");
    model.refresh();
    QCOMPARE(model.rowCount(), 0);
    model.setFirstDay("2027-03-22");
    model.refresh();
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(m_controller->setCalendarVisible(m_personal, false));
    model.refresh();
    QCOMPARE(model.spanBlocks()->rowCount(), 0);
    QCOMPARE(m_controller->calendars()->rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestCalendarPage)
#include "tst_calendarpage.moc"
