#include "todocontroller.h"

#include "collection.h"
#include "localstore.h"
#include "recurrence.h"
#include "storeerrortext.h"
#include "taskviews.h"
#include "todoclock.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QUuid>

Q_LOGGING_CATEGORY(lcTodoActions, "mana.todo.actions")

namespace mana::todo {

namespace {

QString newSubtaskId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Occurrences the user skipped: metadata.recurrenceExceptions (ISO UTC).
QList<QDateTime> exceptionsOf(const QJsonObject &task)
{
    QList<QDateTime> exceptions;
    const QJsonArray stored = task.value(QStringLiteral("metadata"))
                                  .toObject()
                                  .value(QStringLiteral("recurrenceExceptions"))
                                  .toArray();
    for (const QJsonValue &value : stored) {
        const QDateTime when = timestampFromJson(value);
        if (when.isValid())
            exceptions.append(when);
    }
    return exceptions;
}

double orderOf(const QJsonObject &record)
{
    return record.value(QStringLiteral("order")).toDouble();
}

} // namespace

namespace {

// While sync writes, counts are read a few times a second at most.
constexpr int kCountsRefreshMs = 250;

} // namespace

TodoController::TodoController(QObject *parent)
    : QObject(parent)
    , m_countsRefresh(kCountsRefreshMs, [this] { refreshCounts(); })
{
    connect(TodoClock::instance(), &TodoClock::dayChanged, &m_countsRefresh,
            &RefreshThrottle::request);
}

QObject *TodoController::store() const
{
    return m_store;
}

void TodoController::setStore(QObject *store)
{
    auto *localStore = qobject_cast<LocalStore *>(store);
    if (localStore == m_store)
        return;
    if (m_store)
        for (Collection *c : m_store->collections()) {
            disconnect(c, nullptr, this, nullptr);
            disconnect(c, nullptr, &m_countsRefresh, nullptr);
        }
    m_store = localStore;
    if (Collection *tasks = collection("tasks"))
        connect(tasks, &Collection::changed, &m_countsRefresh, &RefreshThrottle::request);
    // A new or renamed project is in the list right away (the view selects it).
    if (Collection *projects = collection("projects"))
        connect(projects, &Collection::changed, this, [this] {
            m_countsRefresh.request();
            m_countsRefresh.flush();
        });
    if (Collection *labels = collection("labels"))
        connect(labels, &Collection::changed, this, &TodoController::labelsChanged);
    if (Collection *boards = collection("boardViews"))
        connect(boards, &Collection::changed, this, &TodoController::boardsChanged);
    m_projects = readProjects();
    m_counts = readCounts();
    emit storeChanged();
    emit projectsChanged();
    emit labelsChanged();
    emit boardsChanged();
    emit countsChanged();
}

void TodoController::refreshCounts()
{
    QList<TodoProject> projects = readProjects();
    if (projects != m_projects) {
        m_projects = std::move(projects);
        emit projectsChanged();
    }
    const TodoCounts counts = readCounts();
    if (counts != m_counts) {
        m_counts = counts;
        emit countsChanged();
    }
}

void TodoController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
}

Collection *TodoController::collection(const char *name) const
{
    return m_store ? m_store->collection(kApp, QString::fromLatin1(name)) : nullptr;
}

bool TodoController::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcTodoActions) << message;
    emit errorOccurred(message);
    return false;
}

QString TodoController::refusal(const WriteResult &result) const
{
    qCWarning(lcTodoActions) << "write of" << result.id
                             << "refused:" << storeErrorName(result.code()) << result.error;
    return storeErrorText(result.failure);
}

bool TodoController::writeTogether(const QString &undoText, const std::function<QString()> &writes)
{
    if (!m_store)
        return fail(tr("No profile is open, so nothing can be saved."));
    QString error;
    QString refusedWrite; // the sentence of the write that failed, if one did
    UndoStep step;
    const bool done = m_store->writeGroupWithUndo(
        [&](QString *stepError) {
            refusedWrite = writes();
            *stepError = refusedWrite;
            return refusedWrite.isEmpty();
        },
        &step, &error);
    if (!done && !refusedWrite.isEmpty())
        return fail(refusedWrite);
    if (!done) {
        // The group itself failed (its BEGIN or COMMIT): SQLite's text,
        // sorted into a code for the window.
        qCWarning(lcTodoActions) << "write group failed:" << error;
        return fail(storeErrorText({m_store->writeErrorOf(error), {}, {}, {}, error}));
    }
    if (step.isValid() && !undoText.isEmpty()) {
        m_store->setUndoDescription(step.id, undoText);
        emit undoOffered(step.id, undoText);
    }
    return true;
}

QString TodoController::nameOf(const char *collectionName, const QString &id) const
{
    Collection *records = collection(collectionName);
    const std::optional<QJsonObject> record = records ? records->get(id) : std::nullopt;
    return record ? record->value(QStringLiteral("name")).toString() : QString();
}

bool TodoController::updateTask(const QString &taskId, const QJsonObject &fields)
{
    Collection *tasks = collection("tasks");
    if (!tasks)
        return fail(tr("No profile is open, so nothing can be saved."));
    if (fields.isEmpty())
        return true;
    const WriteResult result = tasks->update(taskId, fields);
    return result ? true : fail(refusal(result));
}

QList<TodoProject> TodoController::readProjects() const
{
    QList<TodoProject> list;
    Collection *projects = collection("projects");
    Collection *tasks = collection("tasks");
    if (!projects)
        return list;
    // Open tasks per project from the (isCompleted, projectId) index.
    const QHash<QString, int> open =
        tasks
            ? tasks->countBy(QStringLiteral("projectId"),
                             Query().where(QStringLiteral("isCompleted"), Query::Op::Equal, false))
            : QHash<QString, int>();
    for (const QJsonObject &project : projects->query(
             Query().orderBy(QStringLiteral("order")).orderBy(QStringLiteral("name")))) {
        TodoProject entry;
        entry.id = project.value(QStringLiteral("id")).toString();
        entry.name = project.value(QStringLiteral("name")).toString();
        entry.color = project.value(QStringLiteral("color")).toString();
        entry.isArchived = project.value(QStringLiteral("isArchived")).toBool();
        entry.openCount = open.value(entry.id);
        list.append(entry);
    }
    return list;
}

QList<TodoLabel> TodoController::labels() const
{
    QList<TodoLabel> list;
    if (Collection *labels = collection("labels")) {
        for (const QJsonObject &label : labels->query(Query().orderBy(QStringLiteral("name"))))
            list.append({label.value(QStringLiteral("id")).toString(),
                         label.value(QStringLiteral("name")).toString(),
                         label.value(QStringLiteral("color")).toString()});
    }
    return list;
}

QList<TodoBoard> TodoController::boards() const
{
    QList<TodoBoard> list;
    if (Collection *boards = collection("boardViews")) {
        for (const QJsonObject &board : boards->query(Query().orderBy(QStringLiteral("order"))))
            list.append({board.value(QStringLiteral("id")).toString(),
                         board.value(QStringLiteral("name")).toString(),
                         board.value(QStringLiteral("icon")).toString()});
    }
    return list;
}

TodoCounts TodoController::readCounts() const
{
    Collection *tasks = collection("tasks");
    if (!tasks)
        return {};
    ViewContext ctx;
    ctx.now = TodoClock::instance()->now();
    ctx.zone = TodoClock::instance()->zone();
    // The views' own queries, counted: the numbers are what the lists show.
    Query overdue;
    overdue.where(QStringLiteral("isCompleted"), Query::Op::Equal, false)
        .where(QStringLiteral("dueDate"), Query::Op::IsNotNull)
        .where(QStringLiteral("dueDate"), Query::Op::Less,
               timestampToJson(QDateTime(ctx.today(), QTime(0, 0), ctx.zone)));
    TodoCounts counts;
    counts.inbox = tasks->count(queryFor(View::Inbox, ctx));
    counts.today = tasks->count(queryFor(View::Today, ctx));
    counts.upcoming = tasks->count(queryFor(View::Upcoming, ctx));
    counts.overdue = tasks->count(overdue);
    return counts;
}

QString TodoController::quickAdd(const QString &title, TaskView::Value view,
                                 const QString &projectId, const QString &labelId)
{
    Collection *tasks = collection("tasks");
    const QString trimmed = title.simplified();
    if (!tasks) {
        fail(tr("No profile is open, so nothing can be saved."));
        return {};
    }
    if (trimmed.isEmpty()) {
        fail(tr("Enter a title first."));
        return {};
    }
    const QTimeZone zone = TodoClock::instance()->zone();
    QJsonObject values{{QStringLiteral("title"), trimmed}};

    // New tasks go to the top of a manual order.
    Query first;
    first.where(QStringLiteral("isCompleted"), Query::Op::Equal, false)
        .orderBy(QStringLiteral("order"));
    first.limit = 1;
    double lowestOrder = 0;
    for (const QJsonObject &task : tasks->query(first))
        lowestOrder = orderOf(task);
    values.insert(QStringLiteral("order"), lowestOrder - 1);

    QDate day;
    if (view == TaskView::Today)
        day = TodoClock::instance()->now().toTimeZone(zone).date();
    if (view == TaskView::Upcoming)
        day = TodoClock::instance()->now().toTimeZone(zone).date().addDays(1);
    if (day.isValid())
        values.insert(QStringLiteral("dueDate"),
                      timestampToJson(QDateTime(day, QTime(0, 0), zone)));
    if (view == TaskView::Project && !projectId.isEmpty())
        values.insert(QStringLiteral("projectId"), projectId);

    // In a label's view the task and its link to the label come together.
    Collection *links = collection("taskLabels");
    QString madeId;
    const bool withLabel = view == TaskView::Label && !labelId.isEmpty() && links;
    // Only the task and its link are several records: an Undo for those.
    const QString undoText = withLabel ? tr("“%1” added").arg(trimmed) : QString();
    const bool done = writeTogether(undoText, [&]() -> QString {
        const WriteResult made = tasks->insert(values);
        if (!made)
            return refusal(made);
        madeId = made.id;
        if (!withLabel)
            return {};
        const WriteResult linked = links->insert(
            {{QStringLiteral("taskId"), made.id}, {QStringLiteral("labelId"), labelId}});
        return linked ? QString() : refusal(linked);
    });
    if (!done)
        return {};
    qCDebug(lcTodoActions) << "quick add" << madeId << "in" << view;
    return madeId;
}

bool TodoController::toggleCompleted(const QString &taskId)
{
    Collection *tasks = collection("tasks");
    const std::optional<QJsonObject> task = tasks ? tasks->get(taskId) : std::nullopt;
    if (!task)
        return fail(tr("This task is gone."));
    const QDateTime now = TodoClock::instance()->now();
    if (isCompleted(*task))
        return updateTask(taskId, {{QStringLiteral("isCompleted"), false},
                                   {QStringLiteral("completedAt"), QJsonValue::Null}});

    const QString rrule = task->value(QStringLiteral("recurrenceRule")).toString();
    const QDateTime due = dueDateOf(*task);
    if (!rrule.isEmpty() && due.isValid()) {
        QString error;
        const std::optional<RecurrenceRule> rule = RecurrenceRule::fromRRule(rrule, &error);
        if (!rule) {
            qCWarning(lcTodoActions) << "task" << taskId << "has an unreadable rule:" << error;
        } else if (const std::optional<Advance> next =
                       advance(*rule, due, TodoClock::instance()->zone(), exceptionsOf(*task))) {
            // The next occurrence: a fresh start with every subtask open again.
            QJsonArray subtasks = task->value(QStringLiteral("subtasks")).toArray();
            for (qsizetype i = 0; i < subtasks.size(); ++i) {
                QJsonObject subtask = subtasks.at(i).toObject();
                subtask.insert(QStringLiteral("isCompleted"), false);
                subtask.remove(QStringLiteral("completedAt"));
                subtasks[i] = subtask;
            }
            QJsonObject fields{{QStringLiteral("dueDate"), timestampToJson(next->nextDue)}};
            if (next->rule.toRRule() != rrule)
                fields.insert(QStringLiteral("recurrenceRule"), next->rule.toRRule());
            if (!subtasks.isEmpty())
                fields.insert(QStringLiteral("subtasks"), subtasks);
            // The next occurrence and its reminders, which fire again, together.
            const QString undoText =
                tr("“%1” completed").arg(task->value(QStringLiteral("title")).toString());
            return writeTogether(undoText, [&]() -> QString {
                if (Collection *reminders = collection("reminders")) {
                    for (const QJsonObject &reminder : reminders->query(
                             Query().where(QStringLiteral("taskId"), Query::Op::Equal, taskId))) {
                        const WriteResult rearmed = reminders->update(
                            reminder.value(QStringLiteral("id")).toString(),
                            {{QStringLiteral("status"), QStringLiteral("pending")}});
                        if (!rearmed)
                            return refusal(rearmed);
                    }
                }
                const WriteResult advanced = tasks->update(taskId, fields);
                return advanced ? QString() : refusal(advanced);
            });
        }
    }
    return updateTask(taskId, {{QStringLiteral("isCompleted"), true},
                               {QStringLiteral("completedAt"), timestampToJson(now)}});
}

bool TodoController::setSubtaskCompleted(const QString &taskId, const QString &subtaskId, bool done)
{
    Collection *tasks = collection("tasks");
    const std::optional<QJsonObject> task = tasks ? tasks->get(taskId) : std::nullopt;
    if (!task)
        return fail(tr("This task is gone."));
    QJsonArray subtasks = task->value(QStringLiteral("subtasks")).toArray();
    for (qsizetype i = 0; i < subtasks.size(); ++i) {
        QJsonObject subtask = subtasks.at(i).toObject();
        if (subtask.value(QStringLiteral("id")).toString() != subtaskId)
            continue;
        subtask.insert(QStringLiteral("isCompleted"), done);
        if (done)
            subtask.insert(QStringLiteral("completedAt"),
                           timestampToJson(TodoClock::instance()->now()));
        else
            subtask.remove(QStringLiteral("completedAt"));
        subtasks[i] = subtask;
        return updateTask(taskId, {{QStringLiteral("subtasks"), subtasks}});
    }
    return fail(tr("This subtask is gone."));
}

bool TodoController::addSubtask(const QString &taskId, const QString &title)
{
    Collection *tasks = collection("tasks");
    const std::optional<QJsonObject> task = tasks ? tasks->get(taskId) : std::nullopt;
    if (!task)
        return fail(tr("This task is gone."));
    if (title.simplified().isEmpty())
        return fail(tr("Enter a title first."));
    QJsonArray subtasks = task->value(QStringLiteral("subtasks")).toArray();
    double order = 0;
    for (const QJsonValue &subtask : subtasks)
        order = std::max(order, orderOf(subtask.toObject()) + 1);
    subtasks.append(QJsonObject{{QStringLiteral("id"), newSubtaskId()},
                                {QStringLiteral("title"), title.simplified()},
                                {QStringLiteral("isCompleted"), false},
                                {QStringLiteral("order"), order}});
    return updateTask(taskId, {{QStringLiteral("subtasks"), subtasks}});
}

bool TodoController::removeSubtask(const QString &taskId, const QString &subtaskId)
{
    Collection *tasks = collection("tasks");
    const std::optional<QJsonObject> task = tasks ? tasks->get(taskId) : std::nullopt;
    if (!task)
        return fail(tr("This task is gone."));
    QJsonArray subtasks = task->value(QStringLiteral("subtasks")).toArray();
    for (qsizetype i = 0; i < subtasks.size(); ++i) {
        if (subtasks.at(i).toObject().value(QStringLiteral("id")).toString() == subtaskId) {
            subtasks.removeAt(i);
            return updateTask(taskId, {{QStringLiteral("subtasks"), subtasks}});
        }
    }
    return true;
}

bool TodoController::moveBetween(const QString &taskId, const QString &beforeId,
                                 const QString &afterId)
{
    Collection *tasks = collection("tasks");
    if (!tasks)
        return fail(tr("No profile is open, so nothing can be saved."));
    const std::optional<QJsonObject> before =
        beforeId.isEmpty() ? std::nullopt : tasks->get(beforeId);
    const std::optional<QJsonObject> after = afterId.isEmpty() ? std::nullopt : tasks->get(afterId);
    double order = 0;
    if (before && after)
        order = (orderOf(*before) + orderOf(*after)) / 2;
    else if (before)
        order = orderOf(*before) + 1;
    else if (after)
        order = orderOf(*after) - 1;
    else
        return true;
    // Two neighbours with the same order (seeds, old data): the midpoint is
    // that order too, and the ids decide; good enough, the next move spreads.
    return updateTask(taskId, {{QStringLiteral("order"), order}});
}

QList<BoardColumn> TodoController::boardColumns(const QString &boardId) const
{
    Collection *boards = collection("boardViews");
    const std::optional<QJsonObject> board = boards ? boards->get(boardId) : std::nullopt;
    QList<BoardColumn> columns;
    if (!board)
        return columns;
    for (const QJsonValue &column : board->value(QStringLiteral("columns")).toArray()) {
        const QJsonObject fields = column.toObject();
        columns.append({fields.value(QStringLiteral("id")).toString(),
                        fields.value(QStringLiteral("title")).toString()});
    }
    return columns;
}

bool TodoController::moveToBoardColumn(const QString &boardId, int column, const QString &taskId)
{
    Collection *boards = collection("boardViews");
    Collection *tasks = collection("tasks");
    const std::optional<QJsonObject> board = boards ? boards->get(boardId) : std::nullopt;
    const std::optional<QJsonObject> task = tasks ? tasks->get(taskId) : std::nullopt;
    if (!board)
        return fail(tr("This board is gone."));
    if (!task)
        return fail(tr("This task is gone."));
    const QJsonObject fields = moveToColumn(board->value(QStringLiteral("columns")).toArray(),
                                            column, *task, TodoClock::instance()->now());
    return updateTask(taskId, fields);
}

} // namespace mana::todo
