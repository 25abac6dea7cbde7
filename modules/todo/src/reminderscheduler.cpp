#include "reminderscheduler.h"

#include "localstore.h"
#include "taskviews.h"

#include <QJsonArray>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcTodoReminders, "mana.todo.reminders")

namespace mana::todo {

namespace {

const QString kPending = QStringLiteral("pending");
const QString kSent = QStringLiteral("sent");

QString idOf(const QJsonObject &record)
{
    return record.value(QLatin1String("id")).toString();
}

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

ReminderScheduler::ReminderScheduler(LocalStore *store, Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock))
{
    // A one-hour wait on a coarse timer could be three minutes late.
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::replan);

    m_wallClockTimer.setInterval(kWallClockCheckMs);
    m_wallClockTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_wallClockTimer, &QTimer::timeout, this, &ReminderScheduler::onWallClockCheck);
}

ReminderScheduler::~ReminderScheduler() = default;

QDateTime ReminderScheduler::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

std::optional<QDateTime> ReminderScheduler::fireTime(const QJsonObject &reminder,
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

int ReminderScheduler::timerInterval(const QDateTime &now, const QDateTime &fireAt)
{
    // Store timestamps have millisecond precision, so msecsTo is exact.
    return int(std::clamp<qint64>(now.msecsTo(fireAt), 1, kMaxWaitMs));
}

bool ReminderScheduler::start()
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
        scheduleReplan();
    });
    connect(m_reminders, &Collection::changed, this, [this](const QStringList &ids) {
        m_changedReminders.unite(QSet<QString>(ids.cbegin(), ids.cend()));
        scheduleReplan();
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
    m_wallClockTimer.start();
    replan();
    return true;
}

void ReminderScheduler::recheck()
{
    replan();
}

void ReminderScheduler::scheduleReplan()
{
    // Changes arrive synchronously from inside Collection writes, including
    // our own "sent" marks; planning later keeps this out of their call stack.
    if (m_replanQueued)
        return;
    m_replanQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { replan(); }, Qt::QueuedConnection);
}

void ReminderScheduler::onWallClockCheck()
{
    // QTimer waits on the monotonic clock, which stops while the machine
    // sleeps; the wall clock does not.
    if (m_nextFire.isValid() && now() >= m_nextFire)
        replan();
}

void ReminderScheduler::replan()
{
    m_replanQueued = false;
    if (!m_started || !m_tasks || !m_reminders) {
        m_timer.stop();
        m_nextFire = {};
        return;
    }
    const QDateTime current = now();
    rearmMovedReminders(current);

    QList<Candidate> due;
    QDateTime next;
    for (const Candidate &candidate : pendingCandidates()) {
        if (candidate.fireAt <= current)
            due.append(candidate);
        else if (!next.isValid() || candidate.fireAt < next)
            next = candidate.fireAt;
    }
    m_nextFire = next;
    if (next.isValid()) {
        m_timer.start(timerInterval(current, next));
        qCDebug(lcTodoReminders) << "next reminder at" << next << "timer" << m_timer.interval()
                                 << "ms";
    } else {
        m_timer.stop();
    }
    // Last: a slot connected to reminderDue may write to the store or even
    // delete this scheduler.
    if (!due.isEmpty())
        fireDue(due, current);
}

void ReminderScheduler::rearmMovedReminders(const QDateTime &now)
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

QList<ReminderScheduler::Candidate> ReminderScheduler::pendingCandidates() const
{
    QString error;
    const QList<QJsonObject> pending = m_reminders->query(
        Query().where(QStringLiteral("status"), Query::Op::Equal, kPending), &error);
    if (!error.isEmpty())
        qCWarning(lcTodoReminders) << "reading reminders failed:" << error;

    QSet<QString> taskIds;
    for (const QJsonObject &reminder : pending)
        taskIds.insert(taskIdOf(reminder));
    const QHash<QString, QJsonObject> tasks = tasksById(*m_tasks, taskIds);

    QList<Candidate> candidates;
    for (const QJsonObject &reminder : pending) {
        if (m_unwritable.contains(idOf(reminder)))
            continue;
        const std::optional<QJsonObject> task = lookup(tasks, taskIdOf(reminder));
        const std::optional<QDateTime> fireAt = fireTime(reminder, task);
        if (fireAt)
            candidates.append({reminder, *task, *fireAt});
    }
    return candidates;
}

void ReminderScheduler::fireDue(const QList<Candidate> &due, const QDateTime &now)
{
    // Mark everything first, emit afterwards: whatever happens after the
    // marks (a crash, a slot that quits), no reminder is ever shown twice.
    QList<Candidate> marked;
    for (const Candidate &candidate : due) {
        const QString id = idOf(candidate.reminder);
        m_lastFireTime.insert(id, candidate.fireAt);
        const WriteResult result = m_reminders->update(id, {{QStringLiteral("status"), kSent}});
        if (!result) {
            qCWarning(lcTodoReminders)
                << "cannot mark reminder" << id << "as sent, not showing it:" << result.error;
            m_unwritable.insert(id);
            continue;
        }
        marked.append(candidate);
    }

    // A user back after a week does not want a popup per missed reminder:
    // reminders missed by more than kMissedWindowMs are only marked (Today
    // shows their tasks as overdue anyway), and of the recent ones each task
    // gets one popup, for its latest reminder.
    QHash<QString, Candidate> shown; // by task id
    for (const Candidate &candidate : std::as_const(marked)) {
        const QString reminderId = idOf(candidate.reminder);
        if (candidate.fireAt.msecsTo(now) > kMissedWindowMs) {
            qCInfo(lcTodoReminders) << "reminder" << reminderId << "of" << candidate.fireAt
                                    << "missed too long ago; marked sent without a popup";
            continue;
        }
        const QString taskId = idOf(candidate.task);
        const auto it = shown.constFind(taskId);
        if (it == shown.constEnd() || it->fireAt < candidate.fireAt ||
            (it->fireAt == candidate.fireAt && idOf(it->reminder) < reminderId))
            shown.insert(taskId, candidate);
    }
    QList<Candidate> toEmit = shown.values();
    std::sort(toEmit.begin(), toEmit.end(), [](const Candidate &a, const Candidate &b) {
        return a.fireAt != b.fireAt ? a.fireAt < b.fireAt : idOf(a.reminder) < idOf(b.reminder);
    });

    const QPointer<ReminderScheduler> self(this);
    for (const Candidate &candidate : std::as_const(toEmit)) {
        qCInfo(lcTodoReminders) << "reminder" << idOf(candidate.reminder) << "due for task"
                                << idOf(candidate.task);
        emit reminderDue(idOf(candidate.reminder), idOf(candidate.task),
                         candidate.task.value(QLatin1String("title")).toString(),
                         dueDateOf(candidate.task));
        if (!self)
            return;
    }
}

} // namespace mana::todo
