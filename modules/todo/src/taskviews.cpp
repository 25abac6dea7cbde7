#include "taskviews.h"

#include <algorithm>

Q_LOGGING_CATEGORY(lcTodoViews, "mana.todo.views")

namespace mana::todo {

QString idOf(const QJsonObject &record)
{
    return record.value(QLatin1String("id")).toString();
}

namespace {

bool isDeleted(const QJsonObject &record)
{
    const QJsonValue deletedAt = record.value(QLatin1String("deletedAt"));
    return !deletedAt.isNull() && !deletedAt.isUndefined();
}

bool hasProject(const QJsonObject &task)
{
    const QJsonValue projectId = task.value(QLatin1String("projectId"));
    return projectId.isString() && !projectId.toString().isEmpty();
}

double orderOf(const QJsonObject &task)
{
    return task.value(QLatin1String("order")).toDouble(0);
}

// Three-way comparisons that end each ordering; 0 when equal.
int compareOrder(const QJsonObject &a, const QJsonObject &b)
{
    const double left = orderOf(a);
    const double right = orderOf(b);
    if (left != right)
        return left < right ? -1 : 1;
    return 0;
}

int compareIds(const QJsonObject &a, const QJsonObject &b)
{
    return idOf(a).compare(idOf(b));
}

// Invalid times (no due date, no completedAt) sort after valid ones.
int compareTimes(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid())
        return a.isValid() ? -1 : 1;
    if (!a.isValid() || a == b)
        return 0;
    return a < b ? -1 : 1;
}

QJsonValue fieldValue(const QJsonObject &task, const QString &field)
{
    const QJsonValue value = task.value(field);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    // Numbers from JSON and from the store are both doubles; comparing
    // through QJsonValue keeps 1 == 1.0 and true != 1.
    return a == b;
}

} // namespace

QDate ViewContext::today() const
{
    return now.toTimeZone(zone).date();
}

QDateTime timestampFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid()) {
        qCDebug(lcTodoViews) << "unparsable timestamp" << value.toString();
        return {};
    }
    return time.toUTC();
}

QString timestampToJson(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool isCompleted(const QJsonObject &task)
{
    return task.value(QLatin1String("isCompleted")).toBool(false);
}

QDateTime dueDateOf(const QJsonObject &task)
{
    return timestampFromJson(task.value(QLatin1String("dueDate")));
}

int priorityRank(const QJsonObject &task)
{
    const QString priority = task.value(QLatin1String("priority")).toString();
    if (priority == QLatin1String("urgent"))
        return 3;
    if (priority == QLatin1String("high"))
        return 2;
    if (priority == QLatin1String("low"))
        return 0;
    return 1;
}

QDate dayGroup(const QJsonObject &task, const QTimeZone &zone)
{
    const QDateTime due = dueDateOf(task);
    return due.isValid() ? due.toTimeZone(zone).date() : QDate();
}

QList<QDate> upcomingDays(const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    QList<QDate> days;
    days.reserve(7);
    for (int offset = 1; offset <= 7; ++offset)
        days.append(today.addDays(offset));
    return days;
}

bool isOverdue(const QJsonObject &task, const ViewContext &ctx)
{
    if (isCompleted(task))
        return false;
    const QDate day = dayGroup(task, ctx.zone);
    return day.isValid() && day < ctx.today();
}

bool matches(View view, const QJsonObject &task, const ViewContext &ctx)
{
    if (isDeleted(task))
        return false;
    if (view == View::Completed)
        return isCompleted(task);
    if (isCompleted(task))
        return false;

    switch (view) {
    case View::Inbox:
        return !hasProject(task);
    case View::Today: {
        const QDate day = dayGroup(task, ctx.zone);
        return day.isValid() && day <= ctx.today();
    }
    case View::Upcoming: {
        const QDate day = dayGroup(task, ctx.zone);
        const QDate today = ctx.today();
        return day.isValid() && day > today && day <= today.addDays(7);
    }
    case View::Project:
        return !ctx.projectId.isEmpty() &&
               task.value(QLatin1String("projectId")).toString() == ctx.projectId;
    case View::Label:
        return ctx.labelTaskIds.contains(idOf(task));
    case View::Completed:
        break; // handled above
    }
    return false;
}

bool lessThan(View view, const QJsonObject &a, const QJsonObject &b)
{
    int result = 0;
    switch (view) {
    case View::Today:
    case View::Upcoming:
        result = compareTimes(dueDateOf(a), dueDateOf(b));
        if (result == 0 && priorityRank(a) != priorityRank(b))
            result = priorityRank(a) > priorityRank(b) ? -1 : 1;
        if (result == 0)
            result = compareOrder(a, b);
        break;
    case View::Inbox:
    case View::Project:
    case View::Label:
        result = compareOrder(a, b);
        break;
    case View::Completed: {
        // Newest first; tasks completed without a completedAt (older data)
        // still sort after the dated ones.
        const QDateTime left = timestampFromJson(a.value(QLatin1String("completedAt")));
        const QDateTime right = timestampFromJson(b.value(QLatin1String("completedAt")));
        if (left.isValid() && right.isValid())
            result = compareTimes(right, left);
        else
            result = compareTimes(left, right);
        break;
    }
    }
    if (result == 0)
        result = compareIds(a, b);
    return result < 0;
}

namespace {

Query::Sort sortKey(const QString &field, bool descending = false)
{
    Query::Sort sort;
    sort.field = field;
    sort.descending = descending;
    return sort;
}

// The local midnight starting `day` in `zone`, as the store's text.
QJsonValue startOfDay(const QDate &day, const QTimeZone &zone)
{
    return timestampToJson(QDateTime(day, QTime(0, 0), zone));
}

Query nothing()
{
    Query query;
    query.where(QStringLiteral("id"), Query::Op::In, QJsonArray());
    return query;
}

} // namespace

Query queryFor(View view, const ViewContext &ctx)
{
    Query query;
    const QString id = QStringLiteral("id");
    const QString dueDate = QStringLiteral("dueDate");
    const QString order = QStringLiteral("order");
    query.where(QStringLiteral("isCompleted"), Query::Op::Equal, view == View::Completed);
    const QDate today = ctx.today();
    switch (view) {
    case View::Inbox:
        // The store refuses "" for a reference, so no project is null.
        query.where(QStringLiteral("projectId"), Query::Op::IsNull);
        break;
    case View::Today:
        query.where(dueDate, Query::Op::IsNotNull)
            .where(dueDate, Query::Op::Less, startOfDay(today.addDays(1), ctx.zone));
        break;
    case View::Upcoming:
        query.where(dueDate, Query::Op::GreaterOrEqual, startOfDay(today.addDays(1), ctx.zone))
            .where(dueDate, Query::Op::Less, startOfDay(today.addDays(8), ctx.zone));
        break;
    case View::Project:
        if (ctx.projectId.isEmpty())
            return nothing();
        query.where(QStringLiteral("projectId"), Query::Op::Equal, ctx.projectId);
        break;
    case View::Label: {
        QJsonArray ids;
        for (const QString &taskId : ctx.labelTaskIds)
            ids.append(taskId);
        query.where(id, Query::Op::In, ids);
        break;
    }
    case View::Completed:
        // Newest first; undated completions (older data) after the dated.
        query.sort.append(sortKey(QStringLiteral("completedAt"), true));
        query.sort.append(sortKey(id));
        return query;
    }
    if (view == View::Today || view == View::Upcoming) {
        query.sort.append(sortKey(dueDate));
        Query::Sort priority = sortKey(QStringLiteral("priority"));
        priority.rankedValues = {QStringLiteral("urgent"), QStringLiteral("high"),
                                 QStringLiteral("medium"), QStringLiteral("low")};
        priority.rankOfOthers = 2; // missing or unknown counts as medium
        query.sort.append(priority);
    }
    query.sort.append(sortKey(order));
    query.sort.append(sortKey(id));
    return query;
}

Query boardColumnQuery(const QJsonArray &columns, int column)
{
    if (column < 0 || column >= columns.size())
        return nothing();
    auto matchOf = [&columns](qsizetype i) {
        return columns.at(i).toObject().value(QLatin1String("match")).toObject();
    };
    Query query;
    const QJsonObject match = matchOf(column);
    for (auto it = match.constBegin(); it != match.constEnd(); ++it)
        query.where(it.key(), Query::Op::Equal, it.value());
    // A task goes to the first column it fits.
    for (qsizetype earlier = 0; earlier < column; ++earlier) {
        const QJsonObject before = matchOf(earlier);
        if (before.isEmpty())
            return nothing(); // an earlier column takes every task
        QList<Query::Filter> allOf;
        for (auto it = before.constBegin(); it != before.constEnd(); ++it)
            allOf.append({it.key(), Query::Op::Equal, it.value()});
        query.exclude(allOf);
    }
    query.sort.append(sortKey(QStringLiteral("order")));
    query.sort.append(sortKey(QStringLiteral("id")));
    return query;
}

QList<QJsonObject> tasksInView(View view, const QList<QJsonObject> &tasks, const ViewContext &ctx)
{
    QList<QJsonObject> result;
    for (const QJsonObject &task : tasks) {
        if (matches(view, task, ctx))
            result.append(task);
    }
    std::sort(result.begin(), result.end(),
              [view](const QJsonObject &a, const QJsonObject &b) { return lessThan(view, a, b); });
    return result;
}

QSet<QString> taskIdsWithLabel(const QList<QJsonObject> &taskLabels, const QString &labelId)
{
    QSet<QString> ids;
    for (const QJsonObject &row : taskLabels) {
        if (isDeleted(row) || row.value(QLatin1String("labelId")).toString() != labelId)
            continue;
        const QString taskId = row.value(QLatin1String("taskId")).toString();
        if (!taskId.isEmpty())
            ids.insert(taskId);
    }
    return ids;
}

int columnOf(const QJsonArray &columns, const QJsonObject &task)
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const QJsonObject match = columns.at(i).toObject().value(QLatin1String("match")).toObject();
        bool all = true;
        for (auto it = match.constBegin(); it != match.constEnd() && all; ++it)
            all = sameValue(fieldValue(task, it.key()), it.value());
        if (all)
            return int(i);
    }
    return -1;
}

QJsonObject moveToColumn(const QJsonArray &columns, int column, const QJsonObject &task,
                         const QDateTime &now)
{
    if (column < 0 || column >= columns.size()) {
        qCWarning(lcTodoViews) << "moveToColumn: no column" << column << "of" << columns.size();
        return {};
    }
    const QJsonObject match =
        columns.at(column).toObject().value(QLatin1String("match")).toObject();
    QJsonObject changes;
    for (auto it = match.constBegin(); it != match.constEnd(); ++it) {
        if (!sameValue(fieldValue(task, it.key()), it.value()))
            changes.insert(it.key(), it.value());
    }
    // Completing through a board is completing: the Completed view sorts by
    // completedAt, and reopening clears it like the check circle does.
    const auto completed = changes.constFind(QLatin1String("isCompleted"));
    if (completed != changes.constEnd() && completed->isBool()) {
        if (completed->toBool())
            changes.insert(QLatin1String("completedAt"), timestampToJson(now));
        else
            changes.insert(QLatin1String("completedAt"), QJsonValue::Null);
    }
    return changes;
}

} // namespace mana::todo
