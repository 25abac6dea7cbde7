// Undo of Calendar's actions that write several records (CalendarController
// over a real store with the shipped manifest, in Europe/Berlin): an edit of
// an occurrence of a series in each scope, an .ics import (into a new
// calendar, and a re-import that adds and updates), a new default
// calendar. Each is ONE undo step, offered in the page's language, and its
// undo (LocalStore::undo) leaves every record as before.
#include "calendarcontroller.h"
#include "calendarlistmodel.h"
#include "calendartestutil.h"
#include "occurrencemodel.h"

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

class TestCalendarUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void undoOfASeriesEdit_data();
    void undoOfASeriesEdit();
    void undoOfImportsAndTheDefault();

private:
    QStringList titlesOfDay(OccurrenceModel &model, int day) const;
    // Every live event and calendar, without updatedAt (an undo is a new
    // write): what an undo must bring back exactly.
    QList<QJsonObject> calendarRecords() const;
    // Imports `ics` (a temporary file) into `calendarId`; false on failure.
    bool importText(const QByteArray &ics, const QString &calendarId);

    std::unique_ptr<CalendarStore> m_calendar;
    std::unique_ptr<CalendarController> m_controller;
    QString m_personal;
};

void TestCalendarUndo::init()
{
    m_calendar = std::make_unique<CalendarStore>();
    QString error;
    QVERIFY2(m_calendar->open(&error), qPrintable(error));
    m_personal = m_calendar->addCalendar("Personal", "Europe/Berlin");
    m_calendar->calendars()->update(m_personal, {{"isDefault", true}});
    m_controller = std::make_unique<CalendarController>();
    m_controller->setStore(m_calendar->store.get());
}

void TestCalendarUndo::cleanup()
{
    m_controller.reset();
    m_calendar.reset();
}

QStringList TestCalendarUndo::titlesOfDay(OccurrenceModel &model, int day) const
{
    QStringList titles;
    for (const OccurrencePiece &piece : model.piecesOfDay(day))
        titles.append(piece.title + "@" + piece.start.mid(11));
    return titles;
}

QList<QJsonObject> TestCalendarUndo::calendarRecords() const
{
    QList<QJsonObject> records;
    for (Collection *collection : {m_calendar->calendars(), m_calendar->events()}) {
        for (QJsonObject record : collection->query()) {
            record.remove("updatedAt");
            records.append(record);
        }
    }
    return records;
}

bool TestCalendarUndo::importText(const QByteArray &ics, const QString &calendarId)
{
    QTemporaryDir files;
    QFile file(files.filePath("trip.ics"));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(ics);
    file.close();
    QSignalSpy finished(m_controller.get(), &CalendarController::importFinished);
    m_controller->importFile(QUrl::fromLocalFile(file.fileName()), calendarId);
    return finished.wait(5000) && finished.first().first().toBool();
}

void TestCalendarUndo::undoOfASeriesEdit_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<CalendarController::EditScope>("scope");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("text");
    QTest::newRow("move this") << "move" << CalendarController::ThisEvent << "en"
                               << "Event moved";
    QTest::newRow("move this and following")
        << "move" << CalendarController::ThisAndFollowing << "en"
        << "“Weekly review” and the following moved";
    QTest::newRow("move all") << "move" << CalendarController::AllEvents << "en"
                              << "All “Weekly review” events moved";
    QTest::newRow("change this and following, German")
        << "change" << CalendarController::ThisAndFollowing << "de"
        << "„Weekly review“ und die folgenden geändert";
    QTest::newRow("delete this") << "delete" << CalendarController::ThisEvent << "en"
                                 << "“Weekly review” deleted";
    QTest::newRow("delete this and following")
        << "delete" << CalendarController::ThisAndFollowing << "en"
        << "“Weekly review” and the following deleted";
    QTest::newRow("delete all, German") << "delete" << CalendarController::AllEvents << "de"
                                        << "Alle Termine „Weekly review“ gelöscht";
}

// An edit of an occurrence of a series in a scope is ONE undo step, offered
// in the page's language; its undo leaves the series as before: "this and
// following" split it in two, and the split-off series is gone again.
void TestCalendarUndo::undoOfASeriesEdit()
{
    QFETCH(QString, action);
    QFETCH(CalendarController::EditScope, scope);
    QFETCH(QString, language);
    QFETCH(QString, text);
    m_controller->setLanguage(language);
    EventDraft weekly;
    weekly.title = "Weekly review";
    weekly.start = "2027-03-08T10:00";
    weekly.end = "2027-03-08T10:30";
    weekly.recurrenceRule = "FREQ=WEEKLY;BYDAY=MO";
    const QString series = m_controller->createEvent(weekly);
    QVERIFY(!series.isEmpty());
    // An override before the edit: "this and following" from the 15th
    // keeps it; "all" moves it.
    const QString eighth = instantToJson(QDateTime(QDate(2027, 3, 8), QTime(10, 0), berlin));
    EventDraft earlier = m_controller->draftOf(series, eighth);
    earlier.start = "2027-03-08T09:00";
    earlier.end = "2027-03-08T09:30";
    QVERIFY(m_controller->updateOccurrence(series, eighth, earlier, CalendarController::ThisEvent));
    const QList<QJsonObject> before = calendarRecords();
    OccurrenceModel model;
    model.setStore(m_calendar->store.get());
    model.setFirstDay("2027-03-08");
    model.setDays(28);
    model.refresh();
    QStringList mondaysBefore;
    for (int week = 0; week < 4; ++week)
        mondaysBefore += titlesOfDay(model, week * 7);

    QSignalSpy offered(m_controller.get(), &CalendarController::undoOffered);
    const QString fifteenth = instantToJson(QDateTime(QDate(2027, 3, 15), QTime(10, 0), berlin));
    bool done = false;
    if (action == u"move")
        done = m_controller->moveOccurrence(series, fifteenth, "2027-03-15T11:00",
                                            "2027-03-15T11:30", scope);
    else if (action == u"change") {
        EventDraft changed = m_controller->draftOf(series, fifteenth);
        changed.location = "Room 2";
        done = m_controller->updateOccurrence(series, fifteenth, changed, scope);
    } else
        done = m_controller->deleteOccurrence(series, fifteenth, scope);
    QVERIFY2(done, qPrintable(m_controller->error()));
    QVERIFY(calendarRecords() != before);
    QCOMPARE(offered.count(), 1);
    QCOMPARE(offered.first().at(1).toString(), text);

    QString error;
    QVERIFY2(m_calendar->store->undo(offered.first().at(0).toInt(), &error), qPrintable(error));
    QCOMPARE(calendarRecords(), before);
    model.refresh();
    QStringList mondays;
    for (int week = 0; week < 4; ++week)
        mondays += titlesOfDay(model, week * 7);
    QCOMPARE(mondays, mondaysBefore);
}

// An import into a new calendar, then a re-import that adds one event and
// updates another: each one undo step. Undoing the second sets the updated
// event back and removes the added one; undoing the first removes the
// calendar it made and its events. A new default calendar, likewise.
void TestCalendarUndo::undoOfImportsAndTheDefault()
{
    const QByteArray header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                              "X-WR-CALNAME:Trip\r\n";
    const QByteArray flight = "BEGIN:VEVENT\r\nUID:flight-1@test\r\nDTSTAMP:20270101T000000Z\r\n"
                              "DTSTART:20270402T051500Z\r\nDTEND:20270402T073000Z\r\n"
                              "SUMMARY:%1\r\nEND:VEVENT\r\n";
    const QByteArray hotel = "BEGIN:VEVENT\r\nUID:hotel-1@test\r\nDTSTAMP:20270101T000000Z\r\n"
                             "DTSTART;VALUE=DATE:20270402\r\nDTEND;VALUE=DATE:20270405\r\n"
                             "SUMMARY:Hotel\r\nEND:VEVENT\r\n";
    const QByteArray footer = "END:VCALENDAR\r\n";
    QSignalSpy offered(m_controller.get(), &CalendarController::undoOffered);
    const QList<QJsonObject> empty = calendarRecords();

    QVERIFY(importText(header + QByteArray(flight).replace("%1", "Flight") + footer, {}));
    QCOMPARE(offered.count(), 1);
    QCOMPARE(offered.last().at(1).toString(), QStringLiteral("Imported 1 event"));
    const int firstImport = offered.last().at(0).toInt();
    const QList<QJsonObject> afterFirst = calendarRecords();
    QString trip;
    for (const QJsonObject &calendar : m_calendar->calendars()->query())
        if (calendar.value("name").toString() == "Trip")
            trip = calendar.value("id").toString();
    QVERIFY(!trip.isEmpty());

    m_controller->setLanguage("de");
    QVERIFY(importText(header + QByteArray(flight).replace("%1", "Flight, later") + hotel + footer,
                       trip));
    QCOMPARE(offered.count(), 2);
    QCOMPARE(offered.last().at(1).toString(),
             QStringLiteral("1 Termin importiert, 1 aktualisiert"));
    QCOMPARE(m_calendar->events()->count(Query().where("calendarId", Query::Op::Equal, trip)), 2);

    QString error;
    QVERIFY2(m_calendar->store->undo(offered.last().at(0).toInt(), &error), qPrintable(error));
    QCOMPARE(calendarRecords(), afterFirst);
    QVERIFY2(m_calendar->store->undo(firstImport, &error), qPrintable(error));
    QCOMPARE(calendarRecords(), empty);

    const QString work = m_controller->createCalendar("Work", "#10B981");
    const QList<QJsonObject> personalDefault = calendarRecords();
    QVERIFY(m_controller->setDefaultCalendar(work));
    QCOMPARE(offered.last().at(1).toString(), QStringLiteral("„Work“ ist der Standardkalender"));
    QVERIFY2(m_calendar->store->undo(offered.last().at(0).toInt(), &error), qPrintable(error));
    QCOMPARE(calendarRecords(), personalDefault);
    QCOMPARE(m_controller->defaultCalendarId(), m_personal);
}

QTEST_GUILESS_MAIN(TestCalendarUndo)
#include "tst_calendarpage_undo.moc"
