#include "todotaskmodel.h"

#include "collection.h"
#include "localstore.h"
#include "todoclock.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTodoModel, "mana.todo.model")

namespace mana::todo {

namespace {

// The store query's view of a list view; nothing for a board (its columns).
std::optional<View> listViewOf(TaskView::Value view)
{
    switch (view) {
    case TaskView::Inbox:
        return View::Inbox;
    case TaskView::Today:
        return View::Today;
    case TaskView::Upcoming:
        return View::Upcoming;
    case TaskView::Project:
        return View::Project;
    case TaskView::Label:
        return View::Label;
    case TaskView::Completed:
        return View::Completed;
    case TaskView::Board:
        break;
    }
    return std::nullopt;
}

// All-day tasks are due at local midnight (docs/todo.md): their due text
// names the day only.
bool isAllDay(const QDateTime &localDue)
{
    return localDue.time() == QTime(0, 0);
}

} // namespace

TodoTaskModel::TodoTaskModel(QObject *parent)
    : StoreQueryModel(parent)
{
    // Today and Upcoming move on at midnight without a write.
    connect(TodoClock::instance(), &TodoClock::dayChanged, this, &TodoTaskModel::requery);
}

void TodoTaskModel::storeReplaced(LocalStore *)
{
    rebind();
}

void TodoTaskModel::setView(TaskView::Value view)
{
    if (view == m_view)
        return;
    m_view = view;
    emit viewChanged();
    requery();
}

void TodoTaskModel::setProjectId(const QString &id)
{
    if (id == m_projectId)
        return;
    m_projectId = id;
    emit viewChanged();
    requery();
}

void TodoTaskModel::setLabelId(const QString &id)
{
    if (id == m_labelId)
        return;
    m_labelId = id;
    emit viewChanged();
    refreshLabelTasks();
    requery();
}

void TodoTaskModel::setBoardId(const QString &id)
{
    if (id == m_boardId)
        return;
    m_boardId = id;
    emit viewChanged();
    refreshBoardColumns();
    requery();
}

void TodoTaskModel::setColumn(int column)
{
    if (column == m_column)
        return;
    m_column = column;
    emit viewChanged();
    requery();
}

void TodoTaskModel::rebind()
{
    for (Collection *collection : {m_projects.data(), m_taskLabels.data(), m_boards.data()}) {
        if (collection)
            disconnect(collection, nullptr, this, nullptr);
    }
    LocalStore *store = localStore();
    m_tasks = store ? store->collection(kApp, QStringLiteral("tasks")) : nullptr;
    m_projects = store ? store->collection(kApp, QStringLiteral("projects")) : nullptr;
    m_taskLabels = store ? store->collection(kApp, QStringLiteral("taskLabels")) : nullptr;
    m_boards = store ? store->collection(kApp, QStringLiteral("boardViews")) : nullptr;
    m_projectCache.clear();
    if (m_projects)
        connect(m_projects, &Collection::changed, this, [this] {
            m_projectCache.clear();
            if (rowCount() > 0)
                emit dataChanged(index(0), index(rowCount() - 1),
                                 {ProjectNameRole, ProjectColorRole});
        });
    if (m_taskLabels)
        connect(m_taskLabels, &Collection::changed, this, [this] {
            if (m_view == TaskView::Label) {
                refreshLabelTasks();
                requery();
            }
        });
    if (m_boards)
        connect(m_boards, &Collection::changed, this, [this](const QStringList &ids) {
            if (m_view == TaskView::Board && ids.contains(m_boardId)) {
                refreshBoardColumns();
                requery();
            }
        });
    refreshLabelTasks();
    refreshBoardColumns();
    requery();
}

void TodoTaskModel::refreshLabelTasks()
{
    m_labelTaskIds.clear();
    if (!m_taskLabels || m_labelId.isEmpty())
        return;
    // The label's links only (indexed by labelId), not every link.
    m_labelTaskIds = taskIdsWithLabel(
        m_taskLabels->query(Query().where(QStringLiteral("labelId"), Query::Op::Equal, m_labelId)),
        m_labelId);
}

void TodoTaskModel::refreshBoardColumns()
{
    m_boardColumns = {};
    if (!m_boards || m_boardId.isEmpty())
        return;
    if (const std::optional<QJsonObject> board = m_boards->get(m_boardId))
        m_boardColumns = board->value(QStringLiteral("columns")).toArray();
}

ViewContext TodoTaskModel::context() const
{
    ViewContext ctx;
    ctx.now = TodoClock::instance()->now();
    ctx.zone = TodoClock::instance()->zone();
    ctx.projectId = m_projectId;
    ctx.labelId = m_labelId;
    ctx.labelTaskIds = m_labelTaskIds;
    return ctx;
}

void TodoTaskModel::requery()
{
    if (!m_tasks) {
        setQuery(nullptr, {});
        return;
    }
    const std::optional<View> view = listViewOf(m_view);
    if (!view) {
        setQuery(m_tasks, boardColumnQuery(m_boardColumns, m_column));
        // A column shows how many tasks it holds (matchCount), so it counts
        // from its first query on. Otherwise the count would start when the
        // column's label first reads matchCount: LiveQueryModel counts then
        // and emits matchCountChanged inside that read, which QML reports as
        // a binding loop on the label (tst_todo.qml, failOnWarning).
        matchCount();
        return;
    }
    setQuery(m_tasks, queryFor(*view, context()));
}

QJsonObject TodoTaskModel::projectOf(const QJsonObject &task) const
{
    const QString projectId = task.value(QStringLiteral("projectId")).toString();
    if (projectId.isEmpty() || !m_projects)
        return {};
    auto *self = const_cast<TodoTaskModel *>(this);
    auto it = self->m_projectCache.find(projectId);
    if (it == self->m_projectCache.end())
        it = self->m_projectCache.insert(projectId,
                                         m_projects->get(projectId).value_or(QJsonObject{}));
    return *it;
}

QString TodoTaskModel::dueText(const QDateTime &due, const QDateTime &now, const QTimeZone &zone)
{
    if (!due.isValid())
        return {};
    const QDateTime local = due.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const qint64 days = today.daysTo(local.date());
    QString day;
    if (days == 0)
        day = QCoreApplication::translate("mana::todo::TodoTaskModel", "Today");
    else if (days == 1)
        day = QCoreApplication::translate("mana::todo::TodoTaskModel", "Tomorrow");
    else if (days == -1)
        day = QCoreApplication::translate("mana::todo::TodoTaskModel", "Yesterday");
    else if (days > 1 && days < 7)
        day = QLocale().dayName(local.date().dayOfWeek(), QLocale::LongFormat);
    else if (local.date().year() == today.year())
        day = QLocale().toString(local.date(), QStringLiteral("d MMM"));
    else
        day = QLocale().toString(local.date(), QLocale::ShortFormat);
    if (isAllDay(local))
        return day;
    return day + QLatin1Char(' ') + QLocale().toString(local.time(), QLocale::ShortFormat);
}

QString TodoTaskModel::dayTitle(const QString &dayGroup) const
{
    if (dayGroup == u"0000-00-00")
        return tr("Overdue");
    const QDate day = QDate::fromString(dayGroup, Qt::ISODate);
    if (!day.isValid())
        return tr("No date");
    const QDate today =
        TodoClock::instance()->now().toTimeZone(TodoClock::instance()->zone()).date();
    const QString date = QLocale().toString(day, QStringLiteral("dddd, d MMMM"));
    if (today.daysTo(day) == 1)
        return tr("Tomorrow") + QStringLiteral(" · ") + date;
    if (today.daysTo(day) == 0)
        return tr("Today") + QStringLiteral(" · ") + date;
    if (day < today)
        return tr("Overdue");
    return date;
}

QVariant TodoTaskModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &task = recordAt(index.row());
    switch (role) {
    case IdRole:
        return task.value(QStringLiteral("id")).toString();
    case Qt::DisplayRole:
    case TitleRole:
        return task.value(QStringLiteral("title")).toString();
    case DescriptionRole:
        return task.value(QStringLiteral("description")).toString();
    case PriorityRole:
        return task.value(QStringLiteral("priority")).toString(QStringLiteral("medium"));
    case CompletedRole:
        return isCompleted(task);
    case DueTextRole: {
        const TodoClock *clock = TodoClock::instance();
        return dueText(dueDateOf(task), clock->now(), clock->zone());
    }
    case OverdueRole:
        return !isCompleted(task) && isOverdue(task, context());
    case DayGroupRole: {
        const QDate day = dayGroup(task, TodoClock::instance()->zone());
        const QDate today = context().today();
        // Overdue tasks share one section in Today.
        if (day.isValid() && day < today)
            return QStringLiteral("0000-00-00");
        return day.isValid() ? day.toString(Qt::ISODate) : QString();
    }
    case ProjectNameRole:
        return projectOf(task).value(QStringLiteral("name")).toString();
    case ProjectColorRole:
        return projectOf(task).value(QStringLiteral("color")).toString();
    case SubtasksDoneRole:
    case SubtasksTotalRole: {
        const QJsonArray subtasks = task.value(QStringLiteral("subtasks")).toArray();
        if (role == SubtasksTotalRole)
            return int(subtasks.size());
        return int(std::count_if(subtasks.begin(), subtasks.end(), [](const QJsonValue &s) {
            return s.toObject().value(QStringLiteral("isCompleted")).toBool();
        }));
    }
    case RecurringRole:
        return !task.value(QStringLiteral("recurrenceRule")).toString().isEmpty();
    case OrderRole:
        return task.value(QStringLiteral("order")).toDouble();
    case RecordRole:
        return task.toVariantMap();
    default:
        return {};
    }
}

QHash<int, QByteArray> TodoTaskModel::roleNames() const
{
    return {{IdRole, "taskId"},
            {TitleRole, "title"},
            {DescriptionRole, "description"},
            {PriorityRole, "priority"},
            {CompletedRole, "completed"},
            {DueTextRole, "dueText"},
            {OverdueRole, "overdue"},
            {DayGroupRole, "dayGroup"},
            {ProjectNameRole, "projectName"},
            {ProjectColorRole, "projectColor"},
            {SubtasksDoneRole, "subtasksDone"},
            {SubtasksTotalRole, "subtasksTotal"},
            {RecurringRole, "recurring"},
            {OrderRole, "order"},
            {RecordRole, "record"}};
}

int TodoTaskModel::indexOfId(const QString &id) const
{
    return rowOfId(id);
}

QString TodoTaskModel::idAt(int row) const
{
    return LiveQueryModel::idAt(row);
}

} // namespace mana::todo
