// Todo's .ics import and export (modules/todo/src/todoics.h, docs/todo.md
// "Import and export"): the VTODOs of Thunderbird, Apple Reminders,
// Nextcloud Tasks and Tasks.org as tasks, their round trip through two
// stores, re-import by UID, and broken files naming their line and
// importing nothing.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "todoics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace mana;
using namespace mana::todo;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone berlin("Europe/Berlin");
const QDateTime kNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(MANA_TODO_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

TodoIcsOptions berlinOptions()
{
    TodoIcsOptions options;
    options.zone = berlin;
    return options;
}

TodoExportOptions berlinExport()
{
    TodoExportOptions options;
    options.zone = berlin;
    options.now = kNow;
    return options;
}

// A profile with Todo's collections (no seeds).
struct TodoStore
{
    QTemporaryDir directory;
    LocalStore store;
    bool open()
    {
        QString error;
        const ModuleCatalog catalog = ModuleCatalog::load();
        if (!store.open(directory.filePath(u"guest.sqlite"_s), &error))
            return false;
        for (const ModuleSpec &module : catalog.modules) {
            if (module.id == u"todo" && !store.addModule(module, &error))
                return false;
        }
        return true;
    }
    Collection *collection(const char *name) const
    {
        return store.collection(u"todo"_s, QString::fromLatin1(name));
    }
    int count(const char *name) const { return collection(name)->count(); }
};

// One task of a parsed file as one object: its fields, metadata, labels,
// reminders and project, to look values up by name.
QJsonObject flat(const ParsedTask &task, const QString &listName)
{
    QJsonObject all = task.fields;
    for (auto it = task.metadata.begin(); it != task.metadata.end(); ++it)
        all.insert(it.key(), it.value());
    all.insert(u"labels"_s, QJsonArray::fromStringList(task.labels));
    QJsonArray reminders;
    for (int minutes : task.reminders)
        reminders.append(minutes);
    all.insert(u"reminders"_s, reminders);
    all.insert(u"project"_s, task.project.isEmpty() ? listName : task.project);
    all.remove(u"order"_s);
    // Subtasks by what a person sees (ids are the file's UIDs).
    QJsonArray subtasks;
    for (const QJsonValue &value : task.fields.value("subtasks"_L1).toArray()) {
        QJsonObject subtask = value.toObject();
        subtask.remove(u"id"_s);
        subtasks.append(subtask);
    }
    all.insert(u"subtasks"_s, subtasks);
    return all;
}

const ParsedTask *byUid(const ParsedTodoIcs &parsed, const QString &uid)
{
    for (const ParsedTask &task : parsed.tasks) {
        if (task.uid == uid)
            return &task;
    }
    return nullptr;
}

QString json(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

} // namespace

class TestTodoIcs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureShapes_data();
    void fixtureShapes();
    void fieldMapping_data();
    void fieldMapping();
    void priorityMapping_data();
    void priorityMapping();
    void roundTripThroughTwoStores_data();
    void roundTripThroughTwoStores();
    void reimportUpdatesInsteadOfDoubling();
    void ownExportReimportsUnchanged();
    void importIntoAProjectOrTheInbox();
    void brokenFileNamesTheLineAndImportsNothing_data();
    void brokenFileNamesTheLineAndImportsNothing();
    void importIsOneUndoStep();
};

void TestTodoIcs::fixtureShapes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("tasks");
    QTest::addColumn<int>("subtasks");
    QTest::addColumn<QString>("skipped");
    QTest::addColumn<QString>("listName");
    QTest::newRow("Thunderbird") << u"thunderbird.ics"_s << 3 << 2 << u""_s << u""_s;
    QTest::newRow("Apple Reminders")
        << u"apple-reminders.ics"_s << 2 << 2 << u""_s << u"Groceries"_s;
    QTest::newRow("Nextcloud Tasks") << u"nextcloud-tasks.ics"_s << 1 << 0 << u""_s << u"Errands"_s;
    QTest::newRow("Tasks.org") << u"tasks-org.ics"_s << 1 << 1 << u"CANCELLED=1 VEVENT=1"_s
                               << u""_s;
}

void TestTodoIcs::fixtureShapes()
{
    QFETCH(QString, file);
    QFETCH(int, tasks);
    QFETCH(int, subtasks);
    QFETCH(QString, skipped);
    QFETCH(QString, listName);
    const ParsedTodoIcs parsed = parseTodoIcs(fixture(file), berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describeIcsError(parsed.error, u"en"_s)));
    QCOMPARE(parsed.tasks.size(), tasks);
    QCOMPARE(parsed.subtasks, subtasks);
    QStringList kinds;
    for (auto it = parsed.skipped.begin(); it != parsed.skipped.end(); ++it)
        kinds.append(u"%1=%2"_s.arg(it.key()).arg(it.value()));
    QCOMPARE(kinds.join(u' '), skipped);
    QCOMPARE(parsed.listName, listName);
}

void TestTodoIcs::fieldMapping_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("expected");
    const QString report = u"5b3d2c1e-8f7a-4b6e-9c2d-1a2b3c4d5e6f"_s;
    auto row = [](const char *name, const QString &file, const QString &uid, const char *field,
                  const QJsonValue &expected) {
        QTest::newRow(name) << file << uid << QString::fromLatin1(field) << expected;
    };
    const QString tb = u"thunderbird.ics"_s;
    row("TB title", tb, report, "title", u"Prepare the quarterly report"_s);
    row("TB description unescaped", tb, report, "description",
        u"Numbers from finance, charts from Anna.\nThen send it round."_s);
    row("TB PRIORITY:1 is urgent", tb, report, "priority", u"urgent"_s);
    row("TB DUE with TZID", tb, report, "dueDate", u"2026-12-10T16:00:00.000Z"_s);
    row("TB DTSTART in metadata", tb, report, "startDate", u"2026-12-07T08:00:00.000Z"_s);
    row("TB IN-PROCESS is open", tb, report, "isCompleted", false);
    row("TB PERCENT-COMPLETE kept", tb, report, "percentComplete", 40);
    row("TB CATEGORIES are labels", tb, report, "labels", QJsonArray{u"Work"_s, u"Reports"_s});
    row("TB RELATED=END alarm", tb, report, "reminders", QJsonArray{60});
    row("TB children are subtasks", tb, report, "subtasks",
        QJsonArray{QJsonObject{{u"title"_s, u"Collect the numbers"_s},
                               {u"isCompleted"_s, true},
                               {u"completedAt"_s, u"2026-12-03T10:10:10.000Z"_s},
                               {u"order"_s, 0}},
                   QJsonObject{{u"title"_s, u"Draw the charts"_s},
                               {u"isCompleted"_s, false},
                               {u"order"_s, 1}}});
    const QString plants = u"9e6a5f4b-1c0d-4e9f-8a3b-4d5e6f708192"_s;
    row("TB DUE date is local midnight", tb, plants, "dueDate", u"2026-12-04T23:00:00.000Z"_s);
    row("TB DTSTART date", tb, plants, "startIsDate", true);
    row("TB PRIORITY:9 is low", tb, plants, "priority", u"low"_s);
    row("TB RRULE", tb, plants, "recurrenceRule", u"FREQ=WEEKLY;BYDAY=SA"_s);
    const QString train = u"0f7b6a5c-2d1e-4f0a-9b4c-5e6f708192a3"_s;
    row("TB COMPLETED", tb, train, "completedAt", u"2026-11-28T19:45:00.000Z"_s);
    row("TB completed", tb, train, "isCompleted", true);
    row("TB PRIORITY:5 is medium", tb, train, "priority", u"medium"_s);
    row("TB no due", tb, train, "dueDate", QJsonValue());

    const QString apple = u"apple-reminders.ics"_s;
    const QString coffee = u"9E1B6D7C-2F4A-4B8E-A1C3-5D6E7F8A9B0C"_s;
    row("Apple PRIORITY:0 is medium", apple, coffee, "priority", u"medium"_s);
    row("Apple timed due", apple, coffee, "dueDate", u"2026-12-08T08:00:00.000Z"_s);
    row("Apple absolute alarm, ACTION:NONE left out", apple, coffee, "reminders", QJsonArray{0});
    row("Apple list is the project", apple, coffee, "project", u"Groceries"_s);
    row("Apple subtasks by sort order", apple, coffee, "subtasks",
        QJsonArray{
            QJsonObject{{u"title"_s, u"Bread"_s},
                        {u"isCompleted"_s, true},
                        {u"completedAt"_s, u"2026-11-30T18:15:00.000Z"_s},
                        {u"order"_s, 0}},
            QJsonObject{{u"title"_s, u"Oat milk"_s}, {u"isCompleted"_s, false}, {u"order"_s, 1}}});
    const QString bottles = u"D4E5F6A7-B8C9-4D0E-1F2A-3B4C5D6E7F80"_s;
    row("Apple PRIORITY:1", apple, bottles, "priority", u"urgent"_s);
    row("Apple completed", apple, bottles, "isCompleted", true);

    const QString nextcloud = u"nextcloud-tasks.ics"_s;
    const QString passport = u"f1e2d3c4b5a6"_s;
    row("Nextcloud date due", nextcloud, passport, "dueDate", u"2026-12-14T23:00:00.000Z"_s);
    row("Nextcloud labels", nextcloud, passport, "labels",
        QJsonArray{u"Errands"_s, u"Paperwork"_s});
    row("Nextcloud open", nextcloud, passport, "isCompleted", false);

    const QString tasksOrg = u"tasks-org.ics"_s;
    const QString rent = u"4567890123456789012"_s;
    row("Tasks.org PRIORITY:2 is high", tasksOrg, rent, "priority", u"high"_s);
    row("Tasks.org monthly rule", tasksOrg, rent, "recurrenceRule", u"FREQ=MONTHLY;BYMONTHDAY=1"_s);
    row("Tasks.org two alarms", tasksOrg, rent, "reminders", QJsonArray{0, 1440});
    row("Tasks.org no list: Inbox", tasksOrg, rent, "project", u""_s);
}

void TestTodoIcs::fieldMapping()
{
    QFETCH(QString, file);
    QFETCH(QString, uid);
    QFETCH(QString, field);
    QFETCH(QJsonValue, expected);
    const ParsedTodoIcs parsed = parseTodoIcs(fixture(file), berlinOptions());
    QVERIFY2(parsed.ok(), qPrintable(describeIcsError(parsed.error, u"en"_s)));
    const ParsedTask *task = byUid(parsed, uid);
    QVERIFY(task);
    QCOMPARE(json(flat(*task, parsed.listName).value(field)), json(expected));
}

void TestTodoIcs::priorityMapping_data()
{
    QTest::addColumn<int>("ics");
    QTest::addColumn<QString>("priority");
    QTest::addColumn<int>("written");
    QTest::newRow("0 undefined") << 0 << u"medium"_s << 0;
    QTest::newRow("1") << 1 << u"urgent"_s << 1;
    QTest::newRow("2") << 2 << u"high"_s << 3;
    QTest::newRow("4") << 4 << u"high"_s << 3;
    QTest::newRow("5") << 5 << u"medium"_s << 0;
    QTest::newRow("6") << 6 << u"low"_s << 9;
    QTest::newRow("9") << 9 << u"low"_s << 9;
}

void TestTodoIcs::priorityMapping()
{
    QFETCH(int, ics);
    QFETCH(QString, priority);
    QFETCH(int, written);
    QCOMPARE(priorityFromIcs(ics), priority);
    QCOMPARE(priorityToIcs(priority), written);
}

void TestTodoIcs::roundTripThroughTwoStores_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("Thunderbird") << u"thunderbird.ics"_s;
    QTest::newRow("Apple Reminders") << u"apple-reminders.ics"_s;
    QTest::newRow("Nextcloud Tasks") << u"nextcloud-tasks.ics"_s;
    QTest::newRow("Tasks.org") << u"tasks-org.ics"_s;
}

void TestTodoIcs::roundTripThroughTwoStores()
{
    QFETCH(QString, file);
    const ParsedTodoIcs original = parseTodoIcs(fixture(file), berlinOptions());
    QVERIFY(original.ok());

    TodoStore first;
    QVERIFY(first.open());
    const TodoImportResult imported =
        importTodoIcs(&first.store, fixture(file), {}, berlinOptions());
    QVERIFY2(imported.ok(), qPrintable(describeIcsError(imported.error, u"en"_s)));
    QCOMPARE(imported.added, original.tasks.size());
    QString error;
    const QByteArray exported = exportTodoIcs(&first.store, {}, &error, berlinExport());
    QVERIFY2(!exported.isEmpty(), qPrintable(error));

    // What the export says is what the file said.
    const ParsedTodoIcs back = parseTodoIcs(exported, berlinOptions());
    QVERIFY2(back.ok(), qPrintable(describeIcsError(back.error, u"en"_s) + u'\n' +
                                   QString::fromUtf8(exported)));
    QCOMPARE(back.tasks.size(), original.tasks.size());
    for (const ParsedTask &task : original.tasks) {
        const ParsedTask *again = byUid(back, task.uid);
        QVERIFY2(again, qPrintable(task.uid));
        QJsonObject expected = flat(task, original.listName);
        QJsonObject actual = flat(*again, back.listName);
        // Labels come back sorted by name.
        QStringList labels = task.labels;
        labels.sort(Qt::CaseInsensitive);
        expected.insert(u"labels"_s, QJsonArray::fromStringList(labels));
        QCOMPARE(QJsonDocument(actual).toJson(), QJsonDocument(expected).toJson());
    }

    // A second store reads it to the same tasks: its export is the same file.
    TodoStore second;
    QVERIFY(second.open());
    const TodoImportResult again = importTodoIcs(&second.store, exported, {}, berlinOptions());
    QVERIFY(again.ok());
    QCOMPARE(again.added, original.tasks.size());
    QCOMPARE(second.count("labels"), first.count("labels"));
    QCOMPARE(second.count("projects"), first.count("projects"));
    QCOMPARE(second.count("reminders"), first.count("reminders"));
    const QByteArray exportedAgain = exportTodoIcs(&second.store, {}, &error, berlinExport());
    QCOMPARE(QString::fromUtf8(exportedAgain), QString::fromUtf8(exported));
}

void TestTodoIcs::reimportUpdatesInsteadOfDoubling()
{
    TodoStore store;
    QVERIFY(store.open());
    QByteArray data = fixture(u"thunderbird.ics"_s);
    QCOMPARE(importTodoIcs(&store.store, data, {}, berlinOptions()).added, 3);
    const int links = store.count("taskLabels");
    const TodoImportResult same = importTodoIcs(&store.store, data, {}, berlinOptions());
    QVERIFY(same.ok());
    QCOMPARE(same.added, 0);
    QCOMPARE(same.updated, 0);
    QCOMPARE(same.unchanged, 3);
    QCOMPARE(store.count("tasks"), 3);
    QCOMPARE(store.count("taskLabels"), links);
    QCOMPARE(store.count("reminders"), 1);

    // Changed in the other app: a new title, a label less, another alarm.
    data.replace("SUMMARY:Water the plants", "SUMMARY:Water the balcony plants");
    data.replace("CATEGORIES:Work,Reports", "CATEGORIES:Work");
    data.replace("TRIGGER;VALUE=DURATION;RELATED=END:-PT1H", "TRIGGER;RELATED=END:-PT30M");
    const TodoImportResult changed = importTodoIcs(&store.store, data, {}, berlinOptions());
    QVERIFY(changed.ok());
    QCOMPARE(changed.added, 0);
    QCOMPARE(changed.updated, 2);
    QCOMPARE(changed.unchanged, 1);
    QCOMPARE(store.count("tasks"), 3);
    QCOMPARE(store.count("taskLabels"), links - 1);
    const QList<QJsonObject> reminders = store.collection("reminders")->query();
    QCOMPARE(reminders.size(), 1);
    QCOMPARE(reminders.first().value("minutesBefore"_L1).toInt(), 30);
}

void TestTodoIcs::ownExportReimportsUnchanged()
{
    TodoStore store;
    QVERIFY(store.open());
    const WriteResult made = store.collection("tasks")->insert(
        {{u"title"_s, u"Made here"_s},
         {u"priority"_s, u"high"_s},
         {u"isCompleted"_s, false},
         {u"order"_s, 1.5},
         {u"estimatedDuration"_s, 45},
         {u"dueDate"_s, u"2026-12-09T14:30:00.000Z"_s},
         {u"subtasks"_s, QJsonArray{QJsonObject{{u"id"_s, u"s1"_s},
                                                {u"title"_s, u"First, then; more"_s},
                                                {u"isCompleted"_s, false},
                                                {u"order"_s, 0}}}}});
    QVERIFY(made);
    QString error;
    const QByteArray exported = exportTodoIcs(&store.store, {}, &error, berlinExport());
    QVERIFY(exported.contains("UID:" + made.id.toUtf8() + "@manacore\r\n"));
    QVERIFY(exported.contains("DUE;TZID=Europe/Berlin:20261209T153000\r\n"));
    QVERIFY(exported.contains("PRIORITY:3\r\n"));
    QVERIFY(exported.contains("X-MANA-ESTIMATE:45\r\n"));
    QVERIFY(exported.contains("RELATED-TO;RELTYPE=PARENT:" + made.id.toUtf8() + "@manacore\r\n"));
    QVERIFY(exported.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    const TodoImportResult again = importTodoIcs(&store.store, exported, {}, berlinOptions());
    QVERIFY2(again.ok(), qPrintable(describeIcsError(again.error, u"en"_s)));
    QCOMPARE(again.added, 0);
    QCOMPARE(again.unchanged, 1);
    QCOMPARE(store.count("tasks"), 1);
    const auto task = store.collection("tasks")->get(made.id);
    QCOMPARE(task->value("subtasks"_L1).toArray().first().toObject().value("id"_L1).toString(),
             u"s1"_s);

    // A control character the writer cannot write is not part of the UID
    // (fuzz_todo_ics_import: the export changed the UID, a re-import doubled).
    const QByteArray odd = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:odd\x12uid\r\n"
                           "SUMMARY:Odd\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    QCOMPARE(importTodoIcs(&store.store, odd, {}, berlinOptions()).added, 1);
    const QByteArray withOdd = exportTodoIcs(&store.store, {}, &error, berlinExport());
    const TodoImportResult oddAgain = importTodoIcs(&store.store, withOdd, {}, berlinOptions());
    QCOMPARE(oddAgain.added, 0);
    QCOMPARE(store.count("tasks"), 2);
}

void TestTodoIcs::importIntoAProjectOrTheInbox()
{
    TodoStore store;
    QVERIFY(store.open());
    const WriteResult project =
        store.collection("projects")->insert({{u"name"_s, u"Home"_s}, {u"order"_s, 1}});
    QVERIFY(project);
    TodoImportTarget into;
    into.mode = TodoImportTarget::Mode::Project;
    into.projectId = project.id;
    QVERIFY(
        importTodoIcs(&store.store, fixture(u"apple-reminders.ics"_s), into, berlinOptions()).ok());
    Query inHome;
    inHome.where(u"projectId"_s, Query::Op::Equal, project.id);
    QCOMPARE(store.collection("tasks")->count(inHome), 2);
    QCOMPARE(store.count("projects"), 1); // no "Groceries" made

    TodoImportTarget inbox;
    inbox.mode = TodoImportTarget::Mode::Inbox;
    QVERIFY(importTodoIcs(&store.store, fixture(u"nextcloud-tasks.ics"_s), inbox, berlinOptions())
                .ok());
    Query inInbox;
    inInbox.where(u"projectId"_s, Query::Op::IsNull, {});
    QCOMPARE(store.collection("tasks")->count(inInbox), 1);

    // The file's list name makes a project when none is chosen.
    QVERIFY(
        importTodoIcs(&store.store, fixture(u"nextcloud-tasks.ics"_s), {}, berlinOptions()).ok());
    QCOMPARE(store.count("projects"), 2);
    QCOMPARE(store.count("tasks"), 3); // the passport task moved, not doubled

    into.projectId = u"gone"_s;
    const TodoImportResult missing =
        importTodoIcs(&store.store, fixture(u"apple-reminders.ics"_s), into, berlinOptions());
    QCOMPARE(missing.error.code, IcsErrorCode::ProjectNotFound);
    QCOMPARE(describeIcsError(missing.error, u"en"_s),
             u"The project to import into does not exist. Nothing was imported."_s);
}

void TestTodoIcs::brokenFileNamesTheLineAndImportsNothing_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<IcsErrorCode>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    // Lines 1-2 are the calendar's, 3-6 a good task, the broken one begins on 7.
    QTest::newRow("month 13 in DUE")
        << QByteArray("BEGIN:VTODO\r\nUID:b\r\nDUE:20261301T100000Z\r\nEND:VTODO\r\n")
        << IcsErrorCode::BadDateTime << 9
        << u"Line 9: the due date \"20261301T100000Z\" is not a date. Nothing was imported."_s
        << u"Zeile 9: Das Fälligkeitsdatum „20261301T100000Z“ ist kein Datum. Es wurde nichts "
           u"importiert."_s;
    QTest::newRow("bad RRULE")
        << QByteArray("BEGIN:VTODO\r\nUID:b\r\nRRULE:FREQ=SOMETIMES\r\nEND:VTODO\r\n")
        << IcsErrorCode::BadRecurrenceRule << 9
        << u"Line 9: the repeat rule \"FREQ=SOMETIMES\" cannot be read. Nothing was imported."_s
        << u"Zeile 9: Die Wiederholungsregel „FREQ=SOMETIMES“ kann nicht gelesen werden. Es "
           u"wurde nichts importiert."_s;
    QTest::newRow("unknown zone")
        << QByteArray("BEGIN:VTODO\r\nUID:b\r\nDUE;TZID=Mars/Olympus:20261201T100000\r\n"
                      "END:VTODO\r\n")
        << IcsErrorCode::UnknownTimeZone << 9
        << u"Line 9: the time zone \"Mars/Olympus\" is unknown and the file does not describe "
           u"it. Nothing was imported."_s
        << u"Zeile 9: Die Zeitzone „Mars/Olympus“ ist unbekannt und in der Datei nicht "
           u"beschrieben. Es wurde nichts importiert."_s;
    QTest::newRow("unclosed VTODO")
        << QByteArray("BEGIN:VTODO\r\nUID:b\r\nSUMMARY:No end\r\n")
        << IcsErrorCode::UnclosedComponent << 7
        << u"Line 7: \"BEGIN:VTODO\" has no matching END. Nothing was imported."_s
        << u"Zeile 7: Zu „BEGIN:VTODO“ fehlt das passende END. Es wurde nichts importiert."_s;
    QTest::newRow("line without colon")
        << QByteArray("BEGIN:VTODO\r\nUID:b\r\nSUMMARY just text\r\nEND:VTODO\r\n")
        << IcsErrorCode::BrokenLine << 9
        << u"Line 9: the line \"SUMMARY just text\" is not a valid iCalendar line. Nothing was "
           u"imported."_s
        << u"Zeile 9: Die Zeile „SUMMARY just text“ ist keine gültige iCalendar-Zeile. Es wurde "
           u"nichts importiert."_s;
    QTest::newRow("completed before 1970")
        << QByteArray("BEGIN:VTODO\r\nUID:b\r\nCOMPLETED:19600101T000000Z\r\nEND:VTODO\r\n")
        << IcsErrorCode::OutOfRange << 9
        << u"Line 9: the completion time \"19600101T000000Z\" is before 1970 or after 9999. "
           u"Nothing was imported."_s
        << u"Zeile 9: Der Zeitpunkt der Erledigung „19600101T000000Z“ liegt vor 1970 oder nach "
           u"9999. Es wurde nichts importiert."_s;
}

void TestTodoIcs::brokenFileNamesTheLineAndImportsNothing()
{
    QFETCH(QByteArray, body);
    QFETCH(IcsErrorCode, code);
    QFETCH(int, line);
    QFETCH(QString, english);
    QFETCH(QString, german);
    const QByteArray data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                            "BEGIN:VTODO\r\nUID:a\r\nSUMMARY:Good\r\nEND:VTODO\r\n" +
                            body + "END:VCALENDAR\r\n";
    TodoStore store;
    QVERIFY(store.open());
    const TodoImportResult result = importTodoIcs(&store.store, data, {}, berlinOptions());
    QCOMPARE(result.error.code, code);
    QCOMPARE(result.error.line, line);
    QCOMPARE(describeIcsError(result.error, u"en"_s), english);
    QCOMPARE(describeIcsError(result.error, u"de"_s), german);
    QCOMPARE(store.count("tasks"), 0); // the good task before it is not there either
}

void TestTodoIcs::importIsOneUndoStep()
{
    TodoStore store;
    QVERIFY(store.open());
    const ParsedTodoIcs parsed = parseTodoIcs(fixture(u"thunderbird.ics"_s), berlinOptions());
    UndoStep step;
    TodoImportResult result;
    QVERIFY(store.store.writeGroupWithUndo(
        [&](QString *error) {
            result = writeParsedTodoIcs(&store.store, parsed);
            *error = result.error.text;
            return result.ok();
        },
        &step));
    QCOMPARE(result.added, 3);
    QVERIFY(store.count("labels") > 0);
    QVERIFY(store.store.undo(step.id));
    QCOMPARE(store.count("tasks"), 0);
    QCOMPARE(store.count("labels"), 0);
    QCOMPARE(store.count("taskLabels"), 0);
    QCOMPARE(store.count("reminders"), 0);
}

QTEST_GUILESS_MAIN(TestTodoIcs)
#include "tst_todoics.moc"
