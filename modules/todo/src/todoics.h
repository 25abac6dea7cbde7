// iCalendar (.ics, RFC 5545) import and export of tasks as VTODO
// (docs/todo.md, "Import and export"), over the shared iCalendar library
// (modules/shared/ical, `manaical`), as Thunderbird, Apple Reminders,
// Nextcloud Tasks and Tasks.org write and read them.
//
// As Calendar's: parseTodoIcs() touches no QObject and no store, so it runs
// on a worker thread; writeParsedTodoIcs() runs on the store's thread and
// writes in ONE write group, all or nothing.
#pragma once

#include "icserror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace mana {
class LocalStore;
}

namespace mana::todo {

using ical::IcsError;
using ical::IcsErrorCode;

// The error as one sentence ending in "Nothing was imported.", naming
// tasks, in "en" or "de".
QString describeIcsError(const IcsError &error, const QString &language);

struct TodoIcsOptions
{
    // The zone of floating times and of all-day dates (a task due on a day
    // is due at local midnight, docs/todo.md): the user's.
    QTimeZone zone = QTimeZone::systemTimeZone();
};

// RFC 5545 PRIORITY (0 undefined, 1 highest … 9 lowest) and the app's:
// 1 ↔ urgent, 2–4 → high (written 3), 0, 5 and absent → medium (not
// written), 6–9 → low (written 9).
QString priorityFromIcs(int priority);
int priorityToIcs(const QString &priority);

// One VTODO that is a task (not a subtask) of the file.
struct ParsedTask
{
    QString uid;
    // `tasks` fields: title, description, priority, isCompleted,
    // completedAt, dueDate, recurrenceRule, subtasks, and only when the file
    // says: estimatedDuration (X-MANA-ESTIMATE), order (X-APPLE-SORT-ORDER).
    QJsonObject fields;
    // What goes into `metadata`: startDate/startIsDate (DTSTART),
    // percentComplete (1–99), recurrenceExceptions (EXDATE).
    QJsonObject metadata;
    QString project;      // X-MANA-PROJECT
    QStringList labels;   // CATEGORIES
    QList<int> reminders; // minutes before the due time (VALARM)
    QString parentUid;    // RELATED-TO (PARENT), before subtasks are folded in
};

struct ParsedTodoIcs
{
    IcsError error;    // set: nothing else is meaningful
    QString listName;  // X-WR-CALNAME, else NAME
    QString listColor; // X-APPLE-CALENDAR-COLOR, else COLOR: "#RRGGBB"
    QList<ParsedTask> tasks;
    int subtasks = 0; // VTODOs that became subtasks of a task in the file
    // Components that are not tasks (VEVENT, VJOURNAL, …), cancelled tasks
    // and repeated UIDs, by kind ("VEVENT": 2, "CANCELLED": 1).
    QMap<QString, int> skipped;
    int skippedCount() const;
    bool ok() const { return !error; }
};

// Reads a whole .ics file. Thread-safe and free of QObjects. On any error
// the result holds the first one (by line) and no tasks.
ParsedTodoIcs parseTodoIcs(const QByteArray &data, const TodoIcsOptions &options = {});

// Where imported tasks go.
struct TodoImportTarget
{
    enum class Mode {
        FromFile, // each task's X-MANA-PROJECT, else a project named like the
                  // file's list (X-WR-CALNAME), else the Inbox; made when missing
        Inbox,    // every task without a project
        Project,  // every task into `projectId`
    } mode = Mode::FromFile;
    QString projectId;
};

struct TodoImportResult
{
    IcsError error;    // set: nothing was written
    int added = 0;     // new tasks
    int updated = 0;   // tasks with the same UID whose fields, labels or reminders changed
    int unchanged = 0; // tasks with the same UID that were already equal
    int skipped = 0;
    int projectsAdded = 0;
    int labelsAdded = 0;
    bool ok() const { return !error; }
};

// Writes a parsed file into the store's `todo` app in ONE
// LocalStore::writeGroup: a task whose UID is already there (a task of this
// profile exported as "<id>@manacore", or one imported before, whose UID is
// in metadata.uid) is updated, not doubled; labels (CATEGORIES) and
// projects are found by name or made. Must run on the store's thread.
TodoImportResult writeParsedTodoIcs(LocalStore *store, const ParsedTodoIcs &parsed,
                                    const TodoImportTarget &target = {});

// parseTodoIcs() then writeParsedTodoIcs(), on the calling thread.
TodoImportResult importTodoIcs(LocalStore *store, const QByteArray &data,
                               const TodoImportTarget &target = {},
                               const TodoIcsOptions &options = {});

struct TodoExportOptions
{
    QTimeZone zone = QTimeZone::systemTimeZone();    // local times and all-day dates
    QDateTime now = QDateTime::currentDateTimeUtc(); // DTSTAMP
    QString listName; // X-WR-CALNAME when no project is exported; none when empty
};

// The live tasks of `projectId` (every task for "") with their subtasks,
// labels and reminders as one VCALENDAR of VTODOs: CRLF, folded at 75
// octets, a VTIMEZONE for the local zone when a time uses it. Empty with a
// sentence in *error when the project does not exist or the store fails.
// Must run on the store's thread.
QByteArray exportTodoIcs(LocalStore *store, const QString &projectId, QString *error = nullptr,
                         const TodoExportOptions &options = {});

} // namespace mana::todo
