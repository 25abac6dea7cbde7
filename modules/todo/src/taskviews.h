// Todo's views as pure functions over task records (QJsonObject as the store
// returns them): which view a task belongs to, how a view is sorted, the day
// groups of Upcoming, and the columns of a board view. `now` and the time
// zone are always passed in, so the rules can be tested at any moment in any
// zone and a QML model can call them per row.
#pragma once

#include "query.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QSet>
#include <QString>
#include <QTimeZone>

Q_DECLARE_LOGGING_CATEGORY(lcTodoViews)

namespace mana::todo {

enum class View {
    Inbox,     // open, no project
    Today,     // open, due on or before today's local day (overdue included)
    Upcoming,  // open, due on one of the 7 local days after today
    Project,   // open, projectId == ViewContext::projectId
    Label,     // open, id in ViewContext::labelTaskIds
    Completed, // isCompleted, newest completedAt first
};

// Everything a view needs besides the task itself. Plain data: a model builds
// one when its view, the clock's day or the label assignments change.
struct ViewContext
{
    QDateTime now;                                // any time spec; converted to `zone`
    QTimeZone zone = QTimeZone::systemTimeZone(); // whose local days count
    QString projectId;                            // View::Project
    QString labelId;                              // View::Label (for the caller's bookkeeping)
    QSet<QString> labelTaskIds;                   // View::Label: ids of tasks carrying labelId

    // The local day of `now` in `zone`.
    QDate today() const;
};

// Store timestamps: ISO-8601 UTC with milliseconds and a Z
// ("2026-12-01T09:00:00.000Z"). Invalid QDateTime for null, missing or
// unparsable values.
QDateTime timestampFromJson(const QJsonValue &value);
QString timestampToJson(const QDateTime &time);

// The app id Todo's collections are stored under.
inline const QString kApp = QStringLiteral("todo");

// A record's id ("" when it has none).
QString idOf(const QJsonObject &record);

// Field accessors that treat missing/null like the manifest's defaults.
bool isCompleted(const QJsonObject &task);
QDateTime dueDateOf(const QJsonObject &task); // invalid when the task has none
// urgent 3, high 2, medium 1 (also unknown/missing: the manifest default), low 0.
int priorityRank(const QJsonObject &task);

// Whether `task` belongs to `view`. Completed tasks belong only to
// View::Completed; soft-deleted records (deletedAt set) to no view.
bool matches(View view, const QJsonObject &task, const ViewContext &ctx);

// Overdue means due on a local day before today: a task due at 09:00 today is
// still "today" at 17:00, as in the web app. Only meaningful for open tasks.
bool isOverdue(const QJsonObject &task, const ViewContext &ctx);

// The local day of the task's due date in `zone`: the group key in Upcoming
// (and Today, for the overdue headers). Invalid when the task has no due date.
QDate dayGroup(const QJsonObject &task, const QTimeZone &zone);

// Upcoming's 7 groups in order: today+1 … today+7 as local dates. Whole
// local days, so a DST change makes one group 23 or 25 hours long.
QList<QDate> upcomingDays(const QDateTime &now, const QTimeZone &zone);

// Strict weak order inside `view`:
// - Today, Upcoming: due time, then priority (urgent first), then order;
//   tasks without due date last.
// - Inbox, Project, Label: order.
// - Completed: completedAt, newest first.
// Ties always end in the id, so the order is stable across reloads.
bool lessThan(View view, const QJsonObject &a, const QJsonObject &b);

// The store query of `view`: the tasks matches() takes, in lessThan()'s
// order (ending with the id), so a list model can read a view page by page
// instead of filtering the whole collection. Today and Upcoming are ranges
// of dueDate between local midnights of `ctx.zone`, so they hold until the
// day changes.
Query queryFor(View view, const ViewContext &ctx);

// The store query of column `column` of a board: the tasks columnOf() puts
// there, in manual order. Nothing for a column out of range.
Query boardColumnQuery(const QJsonArray &columns, int column);

// The tasks of `view` out of `tasks`, sorted by lessThan.
QList<QJsonObject> tasksInView(View view, const QList<QJsonObject> &tasks, const ViewContext &ctx);

// The ids of the tasks carrying `labelId`, from `taskLabels` rows
// {taskId, labelId}; deleted rows are skipped.
QSet<QString> taskIdsWithLabel(const QList<QJsonObject> &taskLabels, const QString &labelId);

// Board views (`boardViews.columns`): [{"id", "title", "match": {field: value}}].
//
// The first column whose every match key equals the task's value (a missing
// field counts as null); -1 when none. A column with an empty match takes
// every task, so it only makes sense last.
int columnOf(const QJsonArray &columns, const QJsonObject &task);

// The fields to update (Collection::update) when the task is dropped into
// `column`: only the match fields whose value differs. When isCompleted turns
// true completedAt = now (ISO UTC, ms, Z) is added; when it turns false
// completedAt = null. Empty when nothing changes or `column` is out of range.
QJsonObject moveToColumn(const QJsonArray &columns, int column, const QJsonObject &task,
                         const QDateTime &now);

} // namespace mana::todo
