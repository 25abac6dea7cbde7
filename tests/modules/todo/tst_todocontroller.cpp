// Todo's actions and its list model over a real store with the shipped
// manifest and seeds, at a fixed moment in Europe/Berlin: quick add takes
// the open view's day/project/label, completing a recurring task moves it to
// its next occurrence (and ends the series when COUNT is used up), board
// drops change exactly the column's field, projects are deleted with or
// without their tasks, manual order, the repetition picker (typed: picker →
// rule → picker), the counts following writes, and the model of every view
// under QAbstractItemModelTester moving single rows between views.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "pendingchangequeue.h"
#include "seedwriter.h"
#include "taskviews.h"
#include "todoclock.h"
#include "todocontroller.h"
#include "todotaskmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>

using namespace mana;
using namespace mana::todo;

namespace {

const QTimeZone berlin("Europe/Berlin");
// Tuesday 2026-12-01, 10:00 in Berlin.
const QDateTime kNow(QDate(2026, 12, 1), QTime(10, 0), berlin);

QString utc(int y, int m, int d, int h, int min)
{
    return timestampToJson(QDateTime(QDate(y, m, d), QTime(h, min), berlin));
}

} // namespace

class TestTodoController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void quickAddTakesTheView_data();
    void quickAddTakesTheView();
    void quickAddRefusesEmptyTitle();
    void completingAndReopening();
    void completingRecurringTaskMovesItOn();
    void countedSeriesEndsCompleted();
    void boardDropChangesTheColumnsField_data();
    void boardDropChangesTheColumnsField();
    void deletingProjectMovesOrDeletesTasks_data();
    void deletingProjectMovesOrDeletesTasks();
    void deletingProjectIsAllOrNothing_data();
    void deletingProjectIsAllOrNothing();
    void undoOfMultiRecordActions_data();
    void undoOfMultiRecordActions();
    void renamingProjectsAndLabels_data();
    void renamingProjectsAndLabels();
    void projectsLabelsAndBoardsAreTyped();
    void moveBetweenSetsOrder();
    void pickerRoundTrip_data();
    void pickerRoundTrip();
    void pickerRefusesWhatNoRuleSays();
    void ruleThePickerCannotShowDoesNotRepeat();
    void setRecurrenceWritesAndClearsTheRule();
    void countsFollowWrites();
    void everyViewUnderModelTester_data();
    void everyViewUnderModelTester();
    void reminderIsOnePerTask();
    void modelMovesSingleRowsBetweenViews();
    void upcomingGroupsByLocalDay();

private:
    Collection *tasks() const { return m_store->collection("todo", "tasks"); }
    QString addTask(const QJsonObject &values);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<TodoController> m_controller;
};

void TestTodoController::init()
{
    TodoClock::instance()->setFixed(kNow, berlin);
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath("guest.sqlite"), &error), qPrintable(error));
    const ModuleCatalog catalog = ModuleCatalog::load();
    for (const ModuleSpec &module : catalog.modules) {
        if (module.id == u"todo")
            QVERIFY2(m_store->addModule(module, &error), qPrintable(error));
    }
    ModuleCatalog todoOnly;
    todoOnly.modules = {catalog.info(u"todo")->spec};
    todoOnly.infos = {*catalog.info(u"todo")};
    QVERIFY2(SeedWriter::writeSeeds(*m_store, todoOnly, "en", kNow, &error), qPrintable(error));
    m_controller = std::make_unique<TodoController>();
    m_controller->setStore(m_store.get());
}

void TestTodoController::cleanup()
{
    m_controller.reset();
    m_store.reset();
    m_dir.reset();
}

QString TestTodoController::addTask(const QJsonObject &values)
{
    const WriteResult made = tasks()->insert(values);
    if (!made)
        qWarning() << made.error;
    return made.id;
}

void TestTodoController::quickAddTakesTheView_data()
{
    QTest::addColumn<TaskView::Value>("view");
    QTest::addColumn<QString>("expectedDue");
    QTest::addColumn<bool>("withProject");
    QTest::addColumn<bool>("withLabel");
    QTest::newRow("inbox") << TaskView::Inbox << QString() << false << false;
    QTest::newRow("today: all day today")
        << TaskView::Today << utc(2026, 12, 1, 0, 0) << false << false;
    QTest::newRow("upcoming: tomorrow")
        << TaskView::Upcoming << utc(2026, 12, 2, 0, 0) << false << false;
    QTest::newRow("project") << TaskView::Project << QString() << true << false;
    QTest::newRow("label") << TaskView::Label << QString() << false << true;
}

void TestTodoController::quickAddTakesTheView()
{
    QFETCH(TaskView::Value, view);
    QFETCH(QString, expectedDue);
    QFETCH(bool, withProject);
    QFETCH(bool, withLabel);
    const QString projectId = m_controller->createProject("Garden", "#10B981");
    const QString labelId = m_controller->createLabel("errand", "");
    QVERIFY(!projectId.isEmpty() && !labelId.isEmpty());

    const QString id = m_controller->quickAdd("  Buy   seeds ", view, projectId, labelId);
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->lastError()));
    const QJsonObject task = *tasks()->get(id);
    QCOMPARE(task.value("title").toString(), QStringLiteral("Buy seeds"));
    QCOMPARE(task.value("dueDate").toString(), expectedDue);
    QCOMPARE(task.value("projectId").toString(), withProject ? projectId : QString());
    QCOMPARE(m_controller->labelsOfTask(id).contains(labelId), withLabel);
    // New tasks go on top of the manual order.
    for (const QJsonObject &other : tasks()->query()) {
        if (other.value("id") != id)
            QVERIFY(task.value("order").toDouble() < other.value("order").toDouble());
    }
}

void TestTodoController::quickAddRefusesEmptyTitle()
{
    const int before = tasks()->count();
    QVERIFY(m_controller->quickAdd("   ", TaskView::Inbox).isEmpty());
    QVERIFY(!m_controller->lastError().isEmpty());
    QCOMPARE(tasks()->count(), before);
}

void TestTodoController::completingAndReopening()
{
    QVERIFY(m_controller->toggleCompleted("seed-todo-complete-me"));
    QJsonObject task = *tasks()->get("seed-todo-complete-me");
    QCOMPARE(task.value("isCompleted").toBool(), true);
    QCOMPARE(task.value("completedAt").toString(), timestampToJson(kNow));
    QVERIFY(m_controller->toggleCompleted("seed-todo-complete-me"));
    task = *tasks()->get("seed-todo-complete-me");
    QCOMPARE(task.value("isCompleted").toBool(), false);
    QVERIFY(task.value("completedAt").isNull());
}

void TestTodoController::completingRecurringTaskMovesItOn()
{
    const QString id = addTask(
        {{"title", "Water the plants"},
         {"dueDate", utc(2026, 12, 1, 9, 0)},
         {"recurrenceRule", "FREQ=WEEKLY;BYDAY=TU,FR"},
         {"subtasks",
          QJsonArray{QJsonObject{{"id", "s1"}, {"title", "Fern"}, {"isCompleted", true}}}}});
    QVERIFY(m_controller->setReminder(id, 15));
    Collection *reminders = m_store->collection("todo", "reminders");
    const QString reminderId = reminders->query().constFirst().value("id").toString();
    QVERIFY(reminders->update(reminderId, {{"status", "sent"}}));

    QVERIFY(m_controller->toggleCompleted(id));
    const QJsonObject task = *tasks()->get(id);
    QCOMPARE(task.value("isCompleted").toBool(), false);
    QCOMPARE(task.value("dueDate").toString(), utc(2026, 12, 4, 9, 0)); // Friday, 09:00 local
    QCOMPARE(task.value("recurrenceRule").toString(), QStringLiteral("FREQ=WEEKLY;BYDAY=TU,FR"));
    QCOMPARE(task.value("subtasks").toArray().first().toObject().value("isCompleted").toBool(),
             false);
    QCOMPARE(reminders->get(reminderId)->value("status").toString(), QStringLiteral("pending"));
}

void TestTodoController::countedSeriesEndsCompleted()
{
    const QString id = addTask({{"title", "Three lessons"},
                                {"dueDate", utc(2026, 12, 1, 18, 0)},
                                {"recurrenceRule", "FREQ=DAILY;COUNT=2"}});
    QVERIFY(m_controller->toggleCompleted(id));
    QJsonObject task = *tasks()->get(id);
    QCOMPARE(task.value("dueDate").toString(), utc(2026, 12, 2, 18, 0));
    QCOMPARE(task.value("recurrenceRule").toString(), QStringLiteral("FREQ=DAILY;COUNT=1"));
    QCOMPARE(task.value("isCompleted").toBool(), false);
    // The last occurrence: the task is simply completed.
    QVERIFY(m_controller->toggleCompleted(id));
    task = *tasks()->get(id);
    QCOMPARE(task.value("isCompleted").toBool(), true);
    QCOMPARE(task.value("dueDate").toString(), utc(2026, 12, 2, 18, 0));
}

void TestTodoController::boardDropChangesTheColumnsField_data()
{
    QTest::addColumn<QString>("boardId");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("kanban: done") << "seed-todo-board-kanban" << 1 << "isCompleted"
                                  << QJsonValue(true);
    QTest::newRow("priority: urgent")
        << "seed-todo-board-priority" << 0 << "priority" << QJsonValue("urgent");
    QTest::newRow("priority: low")
        << "seed-todo-board-priority" << 3 << "priority" << QJsonValue("low");
}

void TestTodoController::boardDropChangesTheColumnsField()
{
    QFETCH(QString, boardId);
    QFETCH(int, column);
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    const QString id = "seed-todo-complete-me";
    const QJsonObject before = *tasks()->get(id);

    TodoTaskModel target;

    QAbstractItemModelTester targetTester(&target,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    target.setStore(m_store.get());
    target.setView(TaskView::Board);
    target.setBoardId(boardId);
    target.setColumn(column);
    QCOMPARE(target.indexOfId(id), -1);
    QSignalSpy inserted(&target, &QAbstractItemModel::rowsInserted);

    QVERIFY2(m_controller->moveToBoardColumn(boardId, column, id),
             qPrintable(m_controller->lastError()));
    const QJsonObject after = *tasks()->get(id);
    QCOMPARE(after.value(field), value);
    for (const QString &key : before.keys()) {
        if (key == field || key == u"updatedAt" ||
            (field == u"isCompleted" && key == u"completedAt"))
            continue;
        QCOMPARE(after.value(key), before.value(key));
    }
    QCOMPARE(inserted.count(), 1);
    QVERIFY(target.indexOfId(id) >= 0);
}

void TestTodoController::deletingProjectMovesOrDeletesTasks_data()
{
    QTest::addColumn<bool>("deleteTasks");
    QTest::newRow("tasks to the inbox") << false;
    QTest::newRow("tasks deleted too") << true;
}

void TestTodoController::renamingProjectsAndLabels_data()
{
    QTest::addColumn<QString>("collection");
    QTest::newRow("project") << "projects";
    QTest::newRow("label") << "labels";
}

// Name and colour together; the name trimmed, no colour stored as null, an
// empty name refused with a sentence and nothing changed.
void TestTodoController::renamingProjectsAndLabels()
{
    QFETCH(QString, collection);
    const bool project = collection == u"projects";
    const QString id = project ? m_controller->createProject("Garden", "#10B981")
                               : m_controller->createLabel("errand", "#10B981");
    QVERIFY(!id.isEmpty());
    auto rename = [&](const QString &name, const QString &color) {
        return project ? m_controller->renameProject(id, name, color)
                       : m_controller->renameLabel(id, name, color);
    };
    Collection *records = m_store->collection("todo", collection);

    QVERIFY(rename("  Backyard  ", "#F59E0B"));
    QCOMPARE(records->get(id)->value("name").toString(), QStringLiteral("Backyard"));
    QCOMPARE(records->get(id)->value("color").toString(), QStringLiteral("#F59E0B"));

    QVERIFY(rename("Backyard", ""));
    QVERIFY(records->get(id)->value("color").isNull());

    QVERIFY(!rename("   ", "#F59E0B"));
    QVERIFY2(m_controller->lastError().contains(u"name"), qPrintable(m_controller->lastError()));
    QCOMPARE(records->get(id)->value("name").toString(), QStringLiteral("Backyard"));
    QVERIFY(records->get(id)->value("color").isNull());
}

// The navigation's lists are value types, read back field by field as
// written: projects in their order with their open tasks counted, labels by
// name, boards in their order, a board's columns; through the properties
// QML reads, too.
void TestTodoController::projectsLabelsAndBoardsAreTyped()
{
    QSignalSpy projectsChanged(m_controller.get(), &TodoController::projectsChanged);
    const QString garden = m_controller->createProject("Garden", "#10B981");
    const QString move = m_controller->createProject("  Move  ", "");
    QVERIFY(!garden.isEmpty() && !move.isEmpty());
    addTask({{"title", "Dig"}, {"projectId", garden}});
    addTask({{"title", "Sow"}, {"projectId", garden}});
    addTask({{"title", "Harvest"}, {"projectId", garden}, {"isCompleted", true}});
    QVERIFY(m_controller->setProjectArchived(move, true));
    QTRY_VERIFY(m_controller->projects().size() == 2 && m_controller->projects().at(1).isArchived);

    const QList<TodoProject> projects{{garden, "Garden", "#10B981", false, 2},
                                      {move, "Move", "", true, 0}};
    QTRY_COMPARE(m_controller->projects(), projects);
    QCOMPARE(m_controller->property("projects").value<QList<TodoProject>>(), projects);
    QVERIFY(projectsChanged.size() > 0);

    const QString errand = m_controller->createLabel("errand", "#F59E0B");
    const QString calls = m_controller->createLabel("calls", "");
    const QList<TodoLabel> labels{{calls, "calls", ""}, {errand, "errand", "#F59E0B"}};
    QCOMPARE(m_controller->labels(), labels);
    QCOMPARE(m_controller->property("labels").value<QList<TodoLabel>>(), labels);

    const QList<TodoBoard> boards{{"seed-todo-board-kanban", "Kanban", "columns"},
                                  {"seed-todo-board-priority", "Priority", "flag"}};
    QCOMPARE(m_controller->boards(), boards);
    QCOMPARE(m_controller->property("boards").value<QList<TodoBoard>>(), boards);

    const QList<BoardColumn> kanban{{"todo", "To do"}, {"done", "Done"}};
    QCOMPARE(m_controller->boardColumns("seed-todo-board-kanban"), kanban);
    QCOMPARE(m_controller->boardColumns("seed-todo-board-priority").size(), 4);
    QCOMPARE(m_controller->boardColumns("seed-todo-board-priority").at(3),
             (BoardColumn{"low", "Low"}));
    QVERIFY(m_controller->boardColumns("no-such-board").isEmpty());
}

void TestTodoController::deletingProjectMovesOrDeletesTasks()
{
    QFETCH(bool, deleteTasks);
    const QString projectId = m_controller->createProject("Move", "");
    const QString a = addTask({{"title", "Boxes"}, {"projectId", projectId}});
    const QString b = addTask({{"title", "Van"}, {"projectId", projectId}});
    QCOMPARE(m_controller->projectTaskCount(projectId), 2);
    QVERIFY(m_controller->deleteProject(projectId, deleteTasks));
    QVERIFY(!m_store->collection("todo", "projects")->get(projectId));
    for (const QString &id : {a, b}) {
        const std::optional<QJsonObject> task = tasks()->get(id);
        if (deleteTasks) {
            QVERIFY(!task);
        } else {
            QVERIFY(task);
            QVERIFY(task->value("projectId").isNull());
        }
    }
}

void TestTodoController::deletingProjectIsAllOrNothing_data()
{
    deletingProjectMovesOrDeletesTasks_data();
}

// The write to the project's second task fails (a trigger stands in for a
// full disk): the project and every task stay as they were, the queue holds
// nothing of it, and the error is told. Each task was its own transaction
// before, so the first task was already moved or deleted.
void TestTodoController::deletingProjectIsAllOrNothing()
{
    QFETCH(bool, deleteTasks);
    const QString projectId = m_controller->createProject("Half", "");
    const QString a = addTask({{"title", "first"}, {"projectId", projectId}, {"order", 1}});
    const QString b = addTask({{"title", "second"}, {"projectId", projectId}, {"order", 2}});
    const int pendingBefore = m_store->pendingChanges().count();
    QSqlQuery trigger(m_store->database());
    QVERIFY2(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_second BEFORE UPDATE ON "
                                         "todo_tasks WHEN NEW.id = '%1' BEGIN SELECT "
                                         "RAISE(ABORT, 'refused by the test'); END")
                              .arg(b)),
             qPrintable(trigger.lastError().text()));
    QSignalSpy errors(m_controller.get(), &TodoController::errorOccurred);

    QVERIFY(!m_controller->deleteProject(projectId, deleteTasks));
    QCOMPARE(errors.count(), 1);
    // The trigger's own words stay in the log; the window says what happened (issue 14).
    QCOMPARE(m_controller->lastError(),
             QStringLiteral("The database refused this change, so nothing was saved."));
    QVERIFY(m_store->collection("todo", "projects")->get(projectId));
    for (const QString &id : {a, b}) {
        const std::optional<QJsonObject> task = tasks()->get(id);
        QVERIFY(task);
        QCOMPARE(task->value("projectId").toString(), projectId);
    }
    QCOMPARE(m_store->pendingChanges().count(), pendingBefore);
    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER refuse_second")));
    QVERIFY(m_controller->deleteProject(projectId, deleteTasks));
}

void TestTodoController::undoOfMultiRecordActions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("text");
    QTest::newRow("delete a project, tasks to the inbox")
        << "deleteProject" << QStringLiteral("Project “Move” deleted");
    QTest::newRow("delete a project with its tasks")
        << "deleteProjectAndTasks" << QStringLiteral("Project “Move” deleted");
    QTest::newRow("delete a label") << "deleteLabel" << QStringLiteral("Label “Errand” deleted");
    QTest::newRow("a label off") << "labelOff" << QStringLiteral("Label “Errand” removed");
    QTest::newRow("a reminder off") << "reminderOff" << QStringLiteral("Reminder removed");
}

// Each action that writes several records is ONE undo step, offered with
// its words; the step's undo brings every record back as it was (deleting a
// project with its tasks: the project and every task, in the project).
void TestTodoController::undoOfMultiRecordActions()
{
    QFETCH(QString, action);
    QFETCH(QString, text);
    Collection *projects = m_store->collection("todo", "projects");
    Collection *labels = m_store->collection("todo", "labels");
    Collection *links = m_store->collection("todo", "taskLabels");
    Collection *reminders = m_store->collection("todo", "reminders");
    const QString projectId = m_controller->createProject("Move", "");
    const QString labelId = m_controller->createLabel("Errand", "");
    QStringList taskIds;
    for (int i = 0; i < 3; ++i) {
        taskIds.append(addTask({{"title", QStringLiteral("box %1").arg(i)},
                                {"projectId", projectId},
                                {"dueDate", utc(2026, 12, 3, 9, 0)},
                                {"order", i}}));
        QVERIFY(m_controller->setTaskLabel(taskIds.last(), labelId, true));
    }
    QVERIFY(m_controller->setReminder(taskIds.first(), 30));
    // Every record of the test as it is now.
    const auto snapshot = [&] {
        QList<QJsonObject> records;
        for (Collection *collection : {projects, labels, links, reminders, tasks()}) {
            for (QJsonObject record : collection->query()) {
                record.remove("updatedAt"); // the undo is a new write
                records.append(record);
            }
        }
        return records;
    };
    const QList<QJsonObject> before = snapshot();
    QSignalSpy offered(m_controller.get(), &TodoController::undoOffered);

    bool done = false;
    if (action == u"deleteProject" || action == u"deleteProjectAndTasks")
        done = m_controller->deleteProject(projectId, action == u"deleteProjectAndTasks");
    else if (action == u"deleteLabel")
        done = m_controller->deleteLabel(labelId);
    else if (action == u"labelOff")
        done = m_controller->setTaskLabel(taskIds.first(), labelId, false);
    else if (action == u"reminderOff")
        done = m_controller->setReminder(taskIds.first(), -1);
    QVERIFY2(done, qPrintable(m_controller->lastError()));
    QVERIFY(snapshot() != before);
    QCOMPARE(offered.count(), 1);
    const int stepId = offered.first().at(0).toInt();
    QCOMPARE(offered.first().at(1).toString(), text);
    QVERIFY(m_store->undoStep(stepId));
    QCOMPARE(m_store->undoStep(stepId)->description, text);

    QString error;
    QVERIFY2(m_store->undo(stepId, &error), qPrintable(error));
    QCOMPARE(snapshot(), before);
    for (const QString &id : std::as_const(taskIds))
        QCOMPARE(tasks()->get(id)->value("projectId").toString(), projectId);
}

void TestTodoController::moveBetweenSetsOrder()
{
    const QString a = addTask({{"title", "a"}, {"order", 10}});
    const QString b = addTask({{"title", "b"}, {"order", 20}});
    const QString c = addTask({{"title", "c"}, {"order", 30}});
    QVERIFY(m_controller->moveBetween(c, a, b));
    QCOMPARE(tasks()->get(c)->value("order").toDouble(), 15.0);
    QVERIFY(m_controller->moveBetween(a, c, ""));
    QCOMPARE(tasks()->get(a)->value("order").toDouble(), 16.0);
    QVERIFY(m_controller->moveBetween(b, "", c));
    QCOMPARE(tasks()->get(b)->value("order").toDouble(), 14.0);
}

namespace {

// A picker with the fields its frequency does not use at their defaults.
RecurrencePicker picker(Recurrence::Frequency frequency,
                        const std::function<void(RecurrencePicker &)> &set = {})
{
    RecurrencePicker p;
    p.frequency = frequency;
    if (set)
        set(p);
    return p;
}

} // namespace

void TestTodoController::pickerRoundTrip_data()
{
    QTest::addColumn<RecurrencePicker>("picker");
    QTest::addColumn<QString>("rrule");
    QTest::addColumn<QString>("english");
    QTest::newRow("daily") << picker(Recurrence::Daily) << "FREQ=DAILY"
                           << "Every day";
    QTest::newRow("every 3 days until") << picker(Recurrence::Daily,
                                                  [](RecurrencePicker &p) {
                                                      p.interval = 3;
                                                      p.end = Recurrence::EndsOnDate;
                                                      p.until = "2027-03-01";
                                                  })
                                        << "FREQ=DAILY;INTERVAL=3;UNTIL=20270301"
                                        << "";
    QTest::newRow("weekly, two days, count") << picker(Recurrence::Weekly,
                                                       [](RecurrencePicker &p) {
                                                           p.interval = 2;
                                                           p.weekdays = {1, 4};
                                                           p.end = Recurrence::EndsAfterCount;
                                                           p.count = 10;
                                                       })
                                             << "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10"
                                             << "Every 2 weeks on Monday and Thursday, 10 times";
    QTest::newRow("weekly, the due date's day") << picker(Recurrence::Weekly) << "FREQ=WEEKLY"
                                                << "";
    QTest::newRow("weekly, the weekend") << picker(Recurrence::Weekly,
                                                   [](RecurrencePicker &p) {
                                                       p.weekdays = {6, 7};
                                                   })
                                         << "FREQ=WEEKLY;BYDAY=SA,SU"
                                         << "";
    QTest::newRow("monthly, the 15th, 5 times") << picker(Recurrence::Monthly,
                                                          [](RecurrencePicker &p) {
                                                              p.monthDay = 15;
                                                              p.end = Recurrence::EndsAfterCount;
                                                              p.count = 5;
                                                          })
                                                << "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=5"
                                                << "";
    QTest::newRow("monthly, the last day")
        << picker(Recurrence::Monthly, [](RecurrencePicker &p) { p.monthDay = -1; })
        << "FREQ=MONTHLY;BYMONTHDAY=-1"
        << "";
    QTest::newRow("monthly, the 2nd tuesday") << picker(Recurrence::Monthly,
                                                        [](RecurrencePicker &p) {
                                                            p.monthlyMode = Recurrence::OnWeekday;
                                                            p.weekdayPosition = 2;
                                                            p.weekday = 2;
                                                        })
                                              << "FREQ=MONTHLY;BYDAY=2TU"
                                              << "";
    QTest::newRow("monthly, last friday, until")
        << picker(Recurrence::Monthly,
                  [](RecurrencePicker &p) {
                      p.monthlyMode = Recurrence::OnWeekday;
                      p.weekdayPosition = -1;
                      p.weekday = 5;
                      p.end = Recurrence::EndsOnDate;
                      p.until = "2027-12-31";
                  })
        << "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231"
        << "";
    QTest::newRow("yearly, every 2 years")
        << picker(Recurrence::Yearly, [](RecurrencePicker &p) { p.interval = 2; })
        << "FREQ=YEARLY;INTERVAL=2"
        << "";
    QTest::newRow("does not repeat") << RecurrencePicker() << ""
                                     << "Does not repeat";
}

// Picker → rule → picker gives the same picker; the rule reads as a sentence.
void TestTodoController::pickerRoundTrip()
{
    QFETCH(RecurrencePicker, picker);
    QFETCH(QString, rrule);
    QFETCH(QString, english);
    QCOMPARE(m_controller->pickerToRule(picker), rrule);
    if (!english.isEmpty())
        QCOMPARE(m_controller->describeRule(rrule), english);
    QCOMPARE(m_controller->ruleToPicker(rrule), picker);
    QCOMPARE(m_controller->pickerToRule(m_controller->ruleToPicker(rrule)), rrule);
}

void TestTodoController::pickerRefusesWhatNoRuleSays()
{
    const RecurrencePicker badDay = picker(Recurrence::Weekly, [](RecurrencePicker &p) {
        p.weekdays = {1, 9};
    });
    QCOMPARE(m_controller->pickerToRule(badDay), QString());
    QVERIFY(m_controller->lastError().contains(u"weekday"));
    const RecurrencePicker badPosition = picker(Recurrence::Monthly, [](RecurrencePicker &p) {
        p.monthlyMode = Recurrence::OnWeekday;
        p.weekdayPosition = 7;
    });
    QCOMPARE(m_controller->pickerToRule(badPosition), QString());
    const QString id = addTask({{"title", "Plants"}});
    QVERIFY(!m_controller->setRecurrence(id, badDay));
    QVERIFY(tasks()->get(id)->value("recurrenceRule").isNull());
}

// Hourly rules and the like: the picker shows "does not repeat" (and the
// task says "Repeats (a rule this app cannot show)").
void TestTodoController::ruleThePickerCannotShowDoesNotRepeat()
{
    QCOMPARE(m_controller->ruleToPicker("FREQ=HOURLY"), RecurrencePicker());
    QCOMPARE(m_controller->ruleToPicker("nonsense"), RecurrencePicker());
    QCOMPARE(m_controller->ruleToPicker(""), RecurrencePicker());
    QCOMPARE(m_controller->ruleToPicker("").frequency, Recurrence::DoesNotRepeat);
}

void TestTodoController::setRecurrenceWritesAndClearsTheRule()
{
    const QString id = addTask({{"title", "Plants"}});
    const RecurrencePicker weekly = picker(Recurrence::Weekly, [](RecurrencePicker &p) {
        p.weekdays = {2, 5};
    });
    QVERIFY2(m_controller->setRecurrence(id, weekly), qPrintable(m_controller->lastError()));
    QJsonObject task = *tasks()->get(id);
    QCOMPARE(task.value("recurrenceRule").toString(), QStringLiteral("FREQ=WEEKLY;BYDAY=TU,FR"));
    // A series needs a start: today, all day.
    QCOMPARE(task.value("dueDate").toString(), utc(2026, 12, 1, 0, 0));
    QCOMPARE(m_controller->ruleToPicker(task.value("recurrenceRule").toString()), weekly);

    QVERIFY(m_controller->setRecurrence(id, RecurrencePicker()));
    task = *tasks()->get(id);
    QVERIFY(task.value("recurrenceRule").isNull());
}

// The navigation's counts follow local writes: quick add per view,
// completing, an overdue task.
void TestTodoController::countsFollowWrites()
{
    const TodoCounts before = m_controller->counts();
    QSignalSpy changed(m_controller.get(), &TodoController::countsChanged);

    QVERIFY(!m_controller->quickAdd("In the inbox", TaskView::Inbox).isEmpty());
    TodoCounts expected = before;
    ++expected.inbox;
    QTRY_COMPARE(m_controller->counts(), expected);

    const QString today = m_controller->quickAdd("Due today", TaskView::Today);
    ++expected.inbox; // no project: the inbox holds it too
    ++expected.today;
    QTRY_COMPARE(m_controller->counts(), expected);

    QVERIFY(!m_controller->quickAdd("Due tomorrow", TaskView::Upcoming).isEmpty());
    ++expected.inbox;
    ++expected.upcoming;
    QTRY_COMPARE(m_controller->counts(), expected);

    addTask({{"title", "Late"}, {"dueDate", utc(2026, 11, 28, 9, 0)}});
    ++expected.inbox;
    ++expected.today;
    ++expected.overdue;
    QTRY_COMPARE(m_controller->counts(), expected);

    QVERIFY(m_controller->toggleCompleted(today));
    --expected.inbox;
    --expected.today;
    QTRY_COMPARE(m_controller->counts(), expected);
    QVERIFY(changed.count() >= 5);
}

void TestTodoController::everyViewUnderModelTester_data()
{
    QTest::addColumn<TaskView::Value>("view");
    QTest::newRow("inbox") << TaskView::Inbox;
    QTest::newRow("today") << TaskView::Today;
    QTest::newRow("upcoming") << TaskView::Upcoming;
    QTest::newRow("project") << TaskView::Project;
    QTest::newRow("label") << TaskView::Label;
    QTest::newRow("completed") << TaskView::Completed;
    QTest::newRow("board, first column") << TaskView::Board;
}

// The model of each view under QAbstractItemModelTester while tasks are
// added to it, changed in place, moved in its order, completed and
// reopened, and deleted: every insert, removal, move and change it signals
// is consistent, and the rows are the view's.
void TestTodoController::everyViewUnderModelTester()
{
    QFETCH(TaskView::Value, view);
    const QString projectId = m_controller->createProject("Garden", "");
    const QString labelId = m_controller->createLabel("errand", "");
    TodoTaskModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    model.setView(view);
    model.setProjectId(projectId);
    model.setLabelId(labelId);
    model.setBoardId("seed-todo-board-kanban");
    model.setColumn(0);

    // Into the view: quick add there (Completed and boards take Inbox tasks).
    const TaskView::Value addIn =
        view == TaskView::Completed || view == TaskView::Board ? TaskView::Inbox : view;
    QStringList ids;
    for (const char *title : {"one", "two", "three"}) {
        ids.append(m_controller->quickAdd(title, addIn, projectId, labelId));
        QVERIFY2(!ids.last().isEmpty(), qPrintable(m_controller->lastError()));
    }
    if (view == TaskView::Completed) {
        for (const QString &id : std::as_const(ids))
            QVERIFY(m_controller->toggleCompleted(id));
    }
    for (const QString &id : std::as_const(ids))
        QVERIFY2(model.indexOfId(id) >= 0, qPrintable(id));
    const int rows = model.rowCount();

    // Changed in place, and moved in the manual order.
    QVERIFY(tasks()->update(ids.at(1), {{"title", "two, renamed"}}));
    QCOMPARE(model.data(model.index(model.indexOfId(ids.at(1))), TodoTaskModel::TitleRole),
             QVariant("two, renamed"));
    QVERIFY(m_controller->moveBetween(ids.at(0), ids.at(2), ""));
    QVERIFY(tasks()->update(ids.at(2), {{"priority", "urgent"}}));
    QCOMPARE(model.rowCount(), rows);

    // Out of the view and back: complete (or reopen) one.
    QVERIFY(m_controller->toggleCompleted(ids.at(0)));
    QCOMPARE(model.indexOfId(ids.at(0)), -1);
    QVERIFY(m_controller->toggleCompleted(ids.at(0)));
    QVERIFY(model.indexOfId(ids.at(0)) >= 0);

    // Deleted.
    QVERIFY(tasks()->remove(ids.at(2)));
    QCOMPARE(model.indexOfId(ids.at(2)), -1);
    QCOMPARE(model.rowCount(), rows - 1);
}

void TestTodoController::reminderIsOnePerTask()
{
    const QString id = addTask({{"title", "Call"}, {"dueDate", utc(2026, 12, 3, 15, 0)}});
    QCOMPARE(m_controller->reminderMinutes(id), -1);
    QVERIFY(m_controller->setReminder(id, 30));
    QVERIFY(m_controller->setReminder(id, 60));
    QCOMPARE(m_controller->reminderMinutes(id), 60);
    QCOMPARE(m_store->collection("todo", "reminders")->count(), 1);
    QVERIFY(m_controller->setReminder(id, -1));
    QCOMPARE(m_controller->reminderMinutes(id), -1);
}

void TestTodoController::modelMovesSingleRowsBetweenViews()
{
    TodoTaskModel today;
    QAbstractItemModelTester todayTester(&today,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    today.setStore(m_store.get());
    today.setView(TaskView::Today);
    TodoTaskModel completed;
    QAbstractItemModelTester completedTester(
        &completed, QAbstractItemModelTester::FailureReportingMode::QtTest);
    completed.setStore(m_store.get());
    completed.setView(TaskView::Completed);
    QCOMPARE(today.rowCount(), 0);

    QSignalSpy todayInserted(&today, &QAbstractItemModel::rowsInserted);
    QSignalSpy todayRemoved(&today, &QAbstractItemModel::rowsRemoved);
    QSignalSpy todayReset(&today, &QAbstractItemModel::modelReset);
    QSignalSpy completedInserted(&completed, &QAbstractItemModel::rowsInserted);

    const QString id = m_controller->quickAdd("Pay rent", TaskView::Today);
    QCOMPARE(todayInserted.count(), 1);
    QCOMPARE(today.data(today.index(0), TodoTaskModel::DueTextRole).toString(),
             QStringLiteral("Today"));
    QVERIFY(m_controller->toggleCompleted(id));
    QCOMPARE(todayRemoved.count(), 1);
    QCOMPARE(completedInserted.count(), 1);
    QCOMPARE(completed.idAt(0), id);
    QCOMPARE(todayReset.count(), 0);
}

void TestTodoController::upcomingGroupsByLocalDay()
{
    TodoTaskModel upcoming;
    QAbstractItemModelTester upcomingTester(&upcoming,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    upcoming.setStore(m_store.get());
    upcoming.setView(TaskView::Upcoming);
    // The seed "Go shopping" is due tomorrow 10:00; add one at 00:30 the day after.
    addTask({{"title", "Early"}, {"dueDate", utc(2026, 12, 3, 0, 30)}});
    addTask({{"title", "Too far"}, {"dueDate", utc(2026, 12, 9, 0, 30)}});
    QCOMPARE(upcoming.rowCount(), 2);
    QCOMPARE(upcoming.data(upcoming.index(0), TodoTaskModel::DayGroupRole).toString(),
             QStringLiteral("2026-12-02"));
    QCOMPARE(upcoming.data(upcoming.index(1), TodoTaskModel::DayGroupRole).toString(),
             QStringLiteral("2026-12-03"));
    QVERIFY(upcoming.dayTitle("2026-12-02").startsWith(u"Tomorrow"));
}

QTEST_GUILESS_MAIN(TestTodoController)
#include "tst_todocontroller.moc"
