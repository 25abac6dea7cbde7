#include "todoreminders.h"

#include "localstore.h"
#include "taskviews.h"

#include <QJsonArray>
#include <QLocale>
#include <utility>

Q_LOGGING_CATEGORY(lcTodoReminders, "mana.todo.reminders")

namespace mana::todo {

namespace {

const QString kPending = QStringLiteral("pending");
const QString kSent = QStringLiteral("sent");

QString taskIdOf(const QJsonObject &reminder)
{
    return reminder.value(QLatin1String("taskId")).toString();
}

// Email reminders are sent by the server (it knows the address and runs while
// the desktop is closed); the desktop neither shows nor marks them.
bool isShownOnDesktop(const QJsonObject &reminder)
{
    return reminder.value(QLatin1String("type")).toString() != QLatin1String("email");
}

// dueDate − minutesBefore, whatever the task's state; invalid without a due
// date or a task.
QDateTime rawFireTime(const QJsonObject &reminder, const std::optional<QJsonObject> &task)
{
    if (!task)
        return {};
    const QDateTime due = dueDateOf(*task);
    if (!due.isValid())
        return {};
    const qint64 minutes = qint64(reminder.value(QLatin1String("minutesBefore")).toDouble(0));
    return due.addSecs(-minutes * 60);
}

// The live tasks among `ids`, by id: one query instead of one get() each.
QHash<QString, QJsonObject> tasksById(const Collection &tasks, const QSet<QString> &ids)
{
    QHash<QString, QJsonObject> result;
    if (ids.isEmpty())
        return result;
    QJsonArray idList;
    for (const QString &id : ids)
        idList.append(id);
    QString error;
    const QList<QJsonObject> rows =
        tasks.query(Query().where(QStringLiteral("id"), Query::Op::In, idList), &error);
    if (!error.isEmpty())
        qCWarning(lcTodoReminders) << "reading tasks failed:" << error;
    for (const QJsonObject &row : rows)
        result.insert(idOf(row), row);
    return result;
}

std::optional<QJsonObject> lookup(const QHash<QString, QJsonObject> &tasks, const QString &id)
{
    const auto it = tasks.constFind(id);
    if (it == tasks.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace

TodoReminderSource::TodoReminderSource(LocalStore *store, const QTimeZone &zone, QObject *parent)
    : ReminderSource(parent)
    , m_store(store)
    , m_zone(zone)
{}

TodoReminderSource::~TodoReminderSource() = default;

QString TodoReminderSource::name() const
{
    return QStringLiteral("todo");
}

std::optional<QDateTime> TodoReminderSource::fireTime(const QJsonObject &reminder,
                                                      const std::optional<QJsonObject> &task)
{
    if (!isShownOnDesktop(reminder) || !task)
        return std::nullopt;
    const QJsonValue deletedAt = task->value(QLatin1String("deletedAt"));
    if ((!deletedAt.isNull() && !deletedAt.isUndefined()) || isCompleted(*task))
        return std::nullopt;
    const QDateTime fireAt = rawFireTime(reminder, task);
    if (!fireAt.isValid())
        return std::nullopt;
    return fireAt;
}

QString TodoReminderSource::dueText(const QDateTime &dueAt) const
{
    // A task due at local midnight was given a day, not a time.
    const QDateTime local = dueAt.toTimeZone(m_zone);
    const QString when = local.time() == QTime(0, 0)
                             ? QLocale().toString(local.date(), QLocale::ShortFormat)
                             : QLocale().toString(local, QLocale::ShortFormat);
    return tr("Due %1").arg(when);
}

bool TodoReminderSource::start()
{
    if (m_started)
        return true;
    if (!m_store) {
        qCWarning(lcTodoReminders) << "no store; reminders are off";
        return false;
    }
    m_tasks = m_store->collection(QStringLiteral("todo"), QStringLiteral("tasks"));
    m_reminders = m_store->collection(QStringLiteral("todo"), QStringLiteral("reminders"));
    if (!m_tasks || !m_reminders) {
        qCWarning(lcTodoReminders) << "the store has no todo tasks/reminders; reminders are off";
        return false;
    }

    connect(m_tasks, &Collection::changed, this, [this](const QStringList &ids) {
        m_changedTasks.unite(QSet<QString>(ids.cbegin(), ids.cend()));
        emit changed();
    });
    connect(m_reminders, &Collection::changed, this, [this](const QStringList &ids) {
        m_changedReminders.unite(QSet<QString>(ids.cbegin(), ids.cend()));
        emit changed();
    });

    // Remember every reminder's fire time, so an edit that moves it can be
    // told from one that does not.
    QString error;
    const QList<QJsonObject> all = m_reminders->query({}, &error);
    if (!error.isEmpty())
        qCWarning(lcTodoReminders) << "reading reminders failed:" << error;
    QSet<QString> taskIds;
    for (const QJsonObject &reminder : all)
        taskIds.insert(taskIdOf(reminder));
    const QHash<QString, QJsonObject> tasks = tasksById(*m_tasks, taskIds);
    for (const QJsonObject &reminder : all) {
        const QDateTime fireAt = rawFireTime(reminder, lookup(tasks, taskIdOf(reminder)));
        if (fireAt.isValid())
            m_lastFireTime.insert(idOf(reminder), fireAt);
    }

    m_started = true;
    return true;
}

void TodoReminderSource::rearmMovedReminders(const QDateTime &now)
{
    if (m_changedTasks.isEmpty() && m_changedReminders.isEmpty())
        return;
    const QSet<QString> changedTasks = std::exchange(m_changedTasks, {});
    const QSet<QString> changedReminders = std::exchange(m_changedReminders, {});
    for (const QString &id : changedReminders)
        m_unwritable.remove(id); // edited: worth another try

    QHash<QString, QJsonObject> reminders;
    if (!changedTasks.isEmpty()) {
        QJsonArray taskIds;
        for (const QString &id : changedTasks)
            taskIds.append(id);
        QString error;
        const QList<QJsonObject> rows = m_reminders->query(
            Query().where(QStringLiteral("taskId"), Query::Op::In, taskIds), &error);
        if (!error.isEmpty())
            qCWarning(lcTodoReminders) << "reading reminders failed:" << error;
        for (const QJsonObject &row : rows)
            reminders.insert(idOf(row), row);
    }
    for (const QString &id : changedReminders) {
        if (reminders.contains(id))
            continue;
        if (const auto reminder = m_reminders->get(id))
            reminders.insert(id, *reminder);
        else
            m_lastFireTime.remove(id); // deleted
    }

    QSet<QString> taskIds;
    for (const QJsonObject &reminder : std::as_const(reminders))
        taskIds.insert(taskIdOf(reminder));
    const QHash<QString, QJsonObject> tasks = tasksById(*m_tasks, taskIds);

    for (const QJsonObject &reminder : std::as_const(reminders)) {
        const QString id = idOf(reminder);
        const QDateTime fireAt = rawFireTime(reminder, lookup(tasks, taskIdOf(reminder)));
        if (!fireAt.isValid())
            continue; // keep the last known time: a due date cleared and set again still counts
        const QDateTime previous = m_lastFireTime.value(id);
        m_lastFireTime.insert(id, fireAt);
        // Re-arm only a reminder that moved into the future: moving it
        // further into the past must not bring the popup back.
        if (reminder.value(QLatin1String("status")).toString() != kSent ||
            !isShownOnDesktop(reminder) || !previous.isValid() || previous == fireAt ||
            fireAt <= now)
            continue;
        const WriteResult result = m_reminders->update(id, {{QStringLiteral("status"), kPending}});
        if (result)
            qCInfo(lcTodoReminders)
                << "reminder" << id << "moved to" << fireAt << "- pending again";
        else
            qCWarning(lcTodoReminders) << "re-arming reminder" << id << "failed:" << result.error;
    }
}

QList<Reminder> TodoReminderSource::undelivered(const QDateTime &now, const QDateTime &from,
                                                const QDateTime &until)
{
    // Every pending reminder, whatever the window: the long-missed ones have
    // to be marked sent, and a task has few reminders (no endless series).
    Q_UNUSED(from);
    Q_UNUSED(until);
    if (!m_started || !m_tasks || !m_reminders)
        return {};
    rearmMovedReminders(now);

    QString error;
    const QList<QJsonObject> pending = m_reminders->query(
        Query().where(QStringLiteral("status"), Query::Op::Equal, kPending), &error);
    if (!error.isEmpty())
        qCWarning(lcTodoReminders) << "reading reminders failed:" << error;

    QSet<QString> taskIds;
    for (const QJsonObject &reminder : pending)
        taskIds.insert(taskIdOf(reminder));
    const QHash<QString, QJsonObject> tasks = tasksById(*m_tasks, taskIds);

    QList<Reminder> result;
    for (const QJsonObject &reminder : pending) {
        const QString id = idOf(reminder);
        if (m_unwritable.contains(id))
            continue;
        const std::optional<QJsonObject> task = lookup(tasks, taskIdOf(reminder));
        const std::optional<QDateTime> fireAt = fireTime(reminder, task);
        if (!fireAt)
            continue;
        const QDateTime dueAt = dueDateOf(*task);
        // The text only for due ones: it is made in the language of the
        // moment it is shown.
        result.append({id, idOf(*task), *fireAt, dueAt,
                       task->value(QLatin1String("title")).toString(),
                       *fireAt <= now ? dueText(dueAt) : QString()});
    }
    return result;
}

QSet<QString> TodoReminderSource::markDelivered(const QList<Reminder> &due)
{
    QSet<QString> marked;
    if (!m_reminders)
        return marked;
    for (const Reminder &reminder : due) {
        m_lastFireTime.insert(reminder.id, reminder.fireAt);
        const WriteResult result =
            m_reminders->update(reminder.id, {{QStringLiteral("status"), kSent}});
        if (!result) {
            qCWarning(lcTodoReminders)
                << "cannot mark reminder" << reminder.id << "as sent:" << result.error;
            m_unwritable.insert(reminder.id);
            continue;
        }
        marked.insert(reminder.id);
    }
    return marked;
}

} // namespace mana::todo
