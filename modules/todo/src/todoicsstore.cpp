// The store side of Todo's .ics files (todoics.h): an import in ONE write
// group that matches tasks by UID, finds or makes projects and labels and
// sets reminders; an export of every task (or a project's) with subtasks,
// labels and reminders as VTODOs.
#include "icswriterbase.h"
#include "icszones.h"
#include "localstore.h"
#include "taskviews.h"
#include "todoics.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcTodoIcs)

namespace mana::todo {

namespace {

const QLatin1String kOwnSuffix("@manacore");

// What a task's record keeps of the file beside its fields.
const char *const kMetadataKeys[] = {"startDate", "startIsDate", "percentComplete",
                                     "recurrenceExceptions"};

// The live records of a collection (deleted ones left out).
QList<QJsonObject> allOf(Collection *collection, QString *error, const Query &query = {})
{
    return collection ? collection->query(query, error) : QList<QJsonObject>();
}

QString uidOfTask(const QJsonObject &task)
{
    const QString uid = task.value("metadata"_L1).toObject().value("uid"_L1).toString();
    return uid.isEmpty() ? task.value("id"_L1).toString() + kOwnSuffix : uid;
}

} // namespace

TodoImportResult writeParsedTodoIcs(LocalStore *store, const ParsedTodoIcs &parsed,
                                    const TodoImportTarget &target)
{
    TodoImportResult result;
    result.skipped = parsed.skippedCount();
    if (parsed.error) {
        result.error = parsed.error;
        return result;
    }
    Collection *tasks = store ? store->collection(kApp, u"tasks"_s) : nullptr;
    Collection *projects = store ? store->collection(kApp, u"projects"_s) : nullptr;
    Collection *labels = store ? store->collection(kApp, u"labels"_s) : nullptr;
    Collection *taskLabels = store ? store->collection(kApp, u"taskLabels"_s) : nullptr;
    Collection *reminders = store ? store->collection(kApp, u"reminders"_s) : nullptr;
    if (!tasks || !projects || !labels || !taskLabels || !reminders) {
        result.error = {IcsErrorCode::StoreFailed, 0, {}, u"the todo app is not open"_s};
        return result;
    }
    if (target.mode == TodoImportTarget::Mode::Project && !projects->get(target.projectId)) {
        result.error = {IcsErrorCode::ProjectNotFound, 0, {}, target.projectId};
        return result;
    }

    // What is there: tasks by id and by the UID they were imported with,
    // projects and labels by name, each task's label links and reminders.
    QString error;
    QHash<QString, QJsonObject> taskById;
    QHash<QString, QString> taskIdByUid;
    double maxOrder = 0;
    for (QJsonObject &task : allOf(tasks, &error)) {
        const QString id = task.value("id"_L1).toString();
        const QString uid = task.value("metadata"_L1).toObject().value("uid"_L1).toString();
        if (!uid.isEmpty())
            taskIdByUid.insert(uid, id);
        maxOrder = std::max(maxOrder, task.value("order"_L1).toDouble());
        taskById.insert(id, std::move(task));
    }
    QHash<QString, QString> projectIdByName;
    double maxProjectOrder = 0;
    for (const QJsonObject &project : allOf(projects, &error)) {
        projectIdByName.insert(project.value("name"_L1).toString().toLower(),
                               project.value("id"_L1).toString());
        maxProjectOrder = std::max(maxProjectOrder, project.value("order"_L1).toDouble());
    }
    QHash<QString, QString> labelIdByName;
    for (const QJsonObject &label : allOf(labels, &error))
        labelIdByName.insert(label.value("name"_L1).toString().toLower(),
                             label.value("id"_L1).toString());
    QHash<QString, QHash<QString, QString>> linksOfTask; // task → label → link id
    for (const QJsonObject &link : allOf(taskLabels, &error))
        linksOfTask[link.value("taskId"_L1).toString()].insert(link.value("labelId"_L1).toString(),
                                                               link.value("id"_L1).toString());
    QHash<QString, QList<QJsonObject>> remindersOfTask;
    for (QJsonObject &reminder : allOf(reminders, &error))
        remindersOfTask[reminder.value("taskId"_L1).toString()].append(std::move(reminder));
    if (!error.isEmpty()) {
        result.error = {IcsErrorCode::StoreFailed, 0, {}, error};
        return result;
    }

    int added = 0, updated = 0, unchanged = 0, projectsAdded = 0, labelsAdded = 0;
    const bool written = store->writeGroup(
        [&](QString *groupError) {
            auto refused = [&](const WriteResult &write) {
                *groupError = write.error;
                return false;
            };
            auto projectNamed = [&](const QString &name, const QString &color,
                                    QString *id) -> bool {
                const QString key = name.toLower();
                if (const auto found = projectIdByName.constFind(key);
                    found != projectIdByName.cend()) {
                    *id = *found;
                    return true;
                }
                maxProjectOrder += 1;
                const WriteResult made = projects->insert(
                    {{u"name"_s, name},
                     {u"color"_s, color.isEmpty() ? QJsonValue() : QJsonValue(color)},
                     {u"order"_s, maxProjectOrder},
                     {u"isArchived"_s, false}});
                if (!made)
                    return refused(made);
                projectIdByName.insert(key, made.id);
                ++projectsAdded;
                *id = made.id;
                return true;
            };
            auto labelNamed = [&](const QString &name, QString *id) -> bool {
                const QString key = name.toLower();
                if (const auto found = labelIdByName.constFind(key);
                    found != labelIdByName.cend()) {
                    *id = *found;
                    return true;
                }
                const WriteResult made = labels->insert({{u"name"_s, name}});
                if (!made)
                    return refused(made);
                labelIdByName.insert(key, made.id);
                ++labelsAdded;
                *id = made.id;
                return true;
            };

            struct Pending
            {
                qsizetype parsedIndex;
                QJsonObject fields;
            };
            QList<Pending> inserts;
            QList<QPair<qsizetype, QString>> existingTasks; // parsed index, task id
            QSet<QString> changedTasks; // existing tasks whose fields, labels or reminders change
            for (qsizetype i = 0; i < parsed.tasks.size(); ++i) {
                const ParsedTask &task = parsed.tasks[i];
                QJsonObject fields = task.fields;
                // The project.
                QJsonValue projectId;
                if (target.mode == TodoImportTarget::Mode::Project) {
                    projectId = target.projectId;
                } else if (target.mode == TodoImportTarget::Mode::FromFile) {
                    const QString name = task.project.isEmpty() ? parsed.listName : task.project;
                    if (!name.isEmpty()) {
                        QString id;
                        if (!projectNamed(
                                name, task.project.isEmpty() ? parsed.listColor : QString(), &id))
                            return false;
                        projectId = id;
                    }
                }
                fields.insert(u"projectId"_s, projectId);

                // The task it updates: this profile's own export names the
                // id, an earlier import the UID in metadata.
                QString existingId;
                if (task.uid.endsWith(kOwnSuffix) &&
                    taskById.contains(task.uid.chopped(kOwnSuffix.size())))
                    existingId = task.uid.chopped(kOwnSuffix.size());
                else if (!task.uid.isEmpty())
                    existingId = taskIdByUid.value(task.uid);
                QJsonObject metadata =
                    existingId.isEmpty()
                        ? QJsonObject()
                        : taskById.value(existingId).value("metadata"_L1).toObject();
                for (const char *key : kMetadataKeys)
                    metadata.remove(QLatin1String(key));
                for (auto it = task.metadata.begin(); it != task.metadata.end(); ++it)
                    metadata.insert(it.key(), it.value());
                if (existingId.isEmpty() && !task.uid.isEmpty())
                    metadata.insert(u"uid"_s, task.uid);
                fields.insert(u"metadata"_s,
                              metadata.isEmpty() ? QJsonValue() : QJsonValue(metadata));

                if (existingId.isEmpty()) {
                    if (!fields.contains("order"_L1)) {
                        maxOrder += 1;
                        fields.insert(u"order"_s, maxOrder);
                    }
                    inserts.append({i, fields});
                    continue;
                }
                const QJsonObject &stored = taskById.value(existingId);
                QJsonObject changes;
                for (auto it = fields.begin(); it != fields.end(); ++it) {
                    if (stored.value(it.key()) != it.value() &&
                        !(it.value().isNull() && stored.value(it.key()).isUndefined()))
                        changes.insert(it.key(), it.value());
                }
                if (!changes.isEmpty()) {
                    const WriteResult update = tasks->update(existingId, changes);
                    if (!update)
                        return refused(update);
                }
                existingTasks.append({i, existingId});
                if (!changes.isEmpty())
                    changedTasks.insert(existingId);
            }
            QList<QJsonObject> newRecords;
            for (const Pending &pending : std::as_const(inserts))
                newRecords.append(pending.fields);
            const QStringList newIds =
                newRecords.isEmpty() ? QStringList() : tasks->insertMany(newRecords, groupError);
            if (newIds.size() != newRecords.size())
                return false;
            added = int(newIds.size());

            // Labels and reminders of every imported task.
            QList<QJsonObject> newLinks, newReminders;
            QList<QPair<qsizetype, QString>> all = existingTasks;
            for (qsizetype n = 0; n < inserts.size(); ++n)
                all.append({inserts[n].parsedIndex, newIds[n]});
            for (const auto &[index, taskId] : std::as_const(all)) {
                const ParsedTask &task = parsed.tasks[index];
                const bool isNew = !taskById.contains(taskId);
                bool changed = false;
                QSet<QString> wanted;
                for (const QString &name : task.labels) {
                    QString labelId;
                    if (!labelNamed(name, &labelId))
                        return false;
                    wanted.insert(labelId);
                }
                const QHash<QString, QString> links = linksOfTask.value(taskId);
                for (const QString &labelId : std::as_const(wanted)) {
                    if (!links.contains(labelId)) {
                        newLinks.append({{u"taskId"_s, taskId}, {u"labelId"_s, labelId}});
                        changed = true;
                    }
                }
                for (auto it = links.begin(); it != links.end(); ++it) {
                    if (wanted.contains(it.key()))
                        continue;
                    const WriteResult removed = taskLabels->remove(it.value());
                    if (!removed)
                        return refused(removed);
                    changed = true;
                }
                QList<int> have;
                const QList<QJsonObject> stored = remindersOfTask.value(taskId);
                for (const QJsonObject &reminder : stored)
                    have.append(reminder.value("minutesBefore"_L1).toInt());
                std::sort(have.begin(), have.end());
                if (have != task.reminders) {
                    for (const QJsonObject &reminder : stored) {
                        if (task.reminders.contains(reminder.value("minutesBefore"_L1).toInt()))
                            continue;
                        const WriteResult removed =
                            reminders->remove(reminder.value("id"_L1).toString());
                        if (!removed)
                            return refused(removed);
                    }
                    for (int minutes : task.reminders) {
                        if (!have.contains(minutes))
                            newReminders.append({{u"taskId"_s, taskId},
                                                 {u"minutesBefore"_s, minutes},
                                                 {u"type"_s, u"push"_s},
                                                 {u"status"_s, u"pending"_s}});
                    }
                    changed = true;
                }
                if (changed && !isNew)
                    changedTasks.insert(taskId);
            }
            if (!newLinks.isEmpty() &&
                taskLabels->insertMany(newLinks, groupError).size() != newLinks.size())
                return false;
            if (!newReminders.isEmpty() &&
                reminders->insertMany(newReminders, groupError).size() != newReminders.size())
                return false;
            updated = int(changedTasks.size());
            unchanged = int(existingTasks.size()) - updated;
            return true;
        },
        &error);
    if (!written) {
        result.error = {IcsErrorCode::StoreFailed, 0, {}, error};
        return result;
    }
    result.added = added;
    result.updated = updated;
    result.unchanged = unchanged;
    result.projectsAdded = projectsAdded;
    result.labelsAdded = labelsAdded;
    qCInfo(lcTodoIcs) << "iCalendar import:" << added << "added," << updated << "updated,"
                      << unchanged << "unchanged," << result.skipped << "skipped";
    return result;
}

TodoImportResult importTodoIcs(LocalStore *store, const QByteArray &data,
                               const TodoImportTarget &target, const TodoIcsOptions &options)
{
    return writeParsedTodoIcs(store, parseTodoIcs(data, options), target);
}

namespace {

QDateTime instantOf(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString numberText(double value)
{
    return value == std::floor(value) && std::abs(value) < 1e15 ? QString::number(qint64(value))
                                                                : QString::number(value, 'g', 17);
}

} // namespace

QByteArray exportTodoIcs(LocalStore *store, const QString &projectId, QString *error,
                         const TodoExportOptions &options)
{
    using namespace ical;
    Collection *tasks = store ? store->collection(kApp, u"tasks"_s) : nullptr;
    Collection *projects = store ? store->collection(kApp, u"projects"_s) : nullptr;
    Collection *labels = store ? store->collection(kApp, u"labels"_s) : nullptr;
    Collection *taskLabels = store ? store->collection(kApp, u"taskLabels"_s) : nullptr;
    Collection *reminders = store ? store->collection(kApp, u"reminders"_s) : nullptr;
    if (!tasks || !projects || !labels || !taskLabels || !reminders) {
        if (error)
            *error = u"The todo app is not open."_s;
        return {};
    }
    QString listName = options.listName;
    if (!projectId.isEmpty()) {
        const auto project = projects->get(projectId);
        if (!project) {
            if (error)
                *error = u"The project \"%1\" does not exist."_s.arg(projectId);
            return {};
        }
        listName = project->value("name"_L1).toString();
    }
    QString queryError;
    Query query;
    if (!projectId.isEmpty())
        query.where(u"projectId"_s, Query::Op::Equal, projectId);
    query.orderBy(u"order"_s);
    const QList<QJsonObject> records = tasks->query(query, &queryError);
    QHash<QString, QString> projectNames;
    for (const QJsonObject &project : allOf(projects, &queryError))
        projectNames.insert(project.value("id"_L1).toString(), project.value("name"_L1).toString());
    QHash<QString, QString> labelNames;
    for (const QJsonObject &label : allOf(labels, &queryError))
        labelNames.insert(label.value("id"_L1).toString(), label.value("name"_L1).toString());
    QHash<QString, QStringList> labelsOfTask;
    for (const QJsonObject &link : allOf(taskLabels, &queryError)) {
        const QString name = labelNames.value(link.value("labelId"_L1).toString());
        if (!name.isEmpty())
            labelsOfTask[link.value("taskId"_L1).toString()].append(name);
    }
    QHash<QString, QList<int>> remindersOfTask;
    for (const QJsonObject &reminder : allOf(reminders, &queryError))
        remindersOfTask[reminder.value("taskId"_L1).toString()].append(
            reminder.value("minutesBefore"_L1).toInt());
    if (!queryError.isEmpty()) {
        if (error)
            *error = queryError;
        return {};
    }

    const QTimeZone zone = options.zone;
    const bool localIsUtc = !zone.isValid() || zone.id() == "UTC";
    // Local midnight is an all-day task's due time (docs/todo.md).
    auto isLocalMidnight = [&](const QDateTime &utc) {
        return utc.toTimeZone(zone).time() == QTime(0, 0);
    };
    auto timeProperty = [&](const char *name, const QDateTime &utc, bool asDate) {
        const QDateTime local = utc.toTimeZone(zone);
        if (asDate)
            return QByteArray(name) + ";VALUE=DATE:" + local.toString(u"yyyyMMdd"_s).toLatin1();
        // UTC also where the local time names another instant (the hour
        // the clocks go back repeats: a reader takes its first pass).
        if (localIsUtc || QDateTime(local.date(), local.time(), zone).toUTC() != utc)
            return QByteArray(name) + ':' + utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
        return QByteArray(name) + ";TZID=" + zone.id() + ':' +
               local.toString(u"yyyyMMdd'T'HHmmss"_s).toLatin1();
    };
    auto utcProperty = [](const char *name, const QDateTime &utc) {
        return QByteArray(name) + ':' + utc.toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
    };

    // The years the local zone is needed for.
    int firstYear = 0, lastYear = 0;
    auto needYear = [&](const QDateTime &utc, bool repeats) {
        const int year = utc.date().year();
        const int last = repeats ? std::max(year, options.now.date().year()) + 1 : year;
        firstYear = firstYear == 0 ? year : std::min(firstYear, year);
        lastYear = std::max(lastYear, last);
    };
    for (const QJsonObject &task : records) {
        const QDateTime due = instantOf(task.value("dueDate"_L1));
        const bool repeats = !task.value("recurrenceRule"_L1).toString().isEmpty();
        if (due.isValid() && !isLocalMidnight(due))
            needYear(due, repeats);
        const QJsonObject metadata = task.value("metadata"_L1).toObject();
        const QDateTime start = instantOf(metadata.value("startDate"_L1));
        if (start.isValid() && !metadata.value("startIsDate"_L1).toBool())
            needYear(start, false);
    }

    QByteArray out;
    out.reserve(records.size() * 300 + 1024);
    auto line = [&](const QByteArray &text) { appendFolded(&out, text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//ManaCore//Todo//EN");
    line("CALSCALE:GREGORIAN");
    if (!listName.isEmpty())
        line("X-WR-CALNAME:" + escapeText(listName));
    if (firstYear != 0 && !localIsUtc)
        out += vtimezoneFor(zone, firstYear, lastYear);

    const QByteArray stamp = options.now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
    for (const QJsonObject &task : records) {
        const QString id = task.value("id"_L1).toString();
        const QString uid = uidOfTask(task);
        const QString title = task.value("title"_L1).toString();
        const QJsonObject metadata = task.value("metadata"_L1).toObject();
        line("BEGIN:VTODO");
        line("UID:" + escapeText(uid));
        line("DTSTAMP:" + stamp);
        line("SUMMARY:" + escapeText(title));
        if (const QString description = task.value("description"_L1).toString();
            !description.isEmpty())
            line("DESCRIPTION:" + escapeText(description));
        const QDateTime start = instantOf(metadata.value("startDate"_L1));
        if (start.isValid())
            line(timeProperty("DTSTART", start, metadata.value("startIsDate"_L1).toBool()));
        const QDateTime due = instantOf(task.value("dueDate"_L1));
        const bool dueIsDate = due.isValid() && isLocalMidnight(due);
        if (due.isValid())
            line(timeProperty("DUE", due, dueIsDate));
        if (const int priority = priorityToIcs(task.value("priority"_L1).toString()); priority > 0)
            line("PRIORITY:" + QByteArray::number(priority));
        const bool completed = task.value("isCompleted"_L1).toBool();
        line(completed ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION");
        const QDateTime completedAt = instantOf(task.value("completedAt"_L1));
        if (completed && completedAt.isValid())
            line(utcProperty("COMPLETED", completedAt));
        if (completed)
            line("PERCENT-COMPLETE:100");
        else if (const int percent = metadata.value("percentComplete"_L1).toInt();
                 percent > 0 && percent < 100)
            line("PERCENT-COMPLETE:" + QByteArray::number(percent));
        QString rule = task.value("recurrenceRule"_L1).toString().trimmed();
        if (rule.startsWith(u"RRULE:", Qt::CaseInsensitive))
            rule = rule.mid(6);
        if (!rule.isEmpty()) {
            line("RRULE:" + rule.toUtf8());
            for (const QJsonValue &skipped : metadata.value("recurrenceExceptions"_L1).toArray()) {
                const QDateTime date = instantOf(skipped);
                if (date.isValid())
                    line(timeProperty("EXDATE", date, dueIsDate));
            }
        }
        QStringList categories = labelsOfTask.value(id);
        categories.sort(Qt::CaseInsensitive);
        if (!categories.isEmpty()) {
            QByteArray value;
            for (const QString &category : std::as_const(categories))
                value += (value.isEmpty() ? "" : ",") + escapeText(category);
            line("CATEGORIES:" + value);
        }
        const QString project = projectNames.value(task.value("projectId"_L1).toString());
        if (!project.isEmpty() && projectId.isEmpty())
            line("X-MANA-PROJECT:" + escapeText(project));
        if (const QJsonValue estimate = task.value("estimatedDuration"_L1); estimate.isDouble())
            line("X-MANA-ESTIMATE:" + QByteArray::number(estimate.toInt()));
        line("X-APPLE-SORT-ORDER:" + numberText(task.value("order"_L1).toDouble()).toLatin1());
        QList<int> minutes = remindersOfTask.value(id);
        std::sort(minutes.begin(), minutes.end());
        minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
        for (int before : std::as_const(minutes)) {
            if (!due.isValid() || before < 0)
                continue;
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line("DESCRIPTION:" + escapeText(title));
            line(before == 0 ? QByteArray("TRIGGER;RELATED=END:PT0S")
                             : "TRIGGER;RELATED=END:-PT" + QByteArray::number(before) + 'M');
            line("END:VALARM");
        }
        line("END:VTODO");

        // Subtasks: VTODOs with their parent's UID, as Thunderbird, Apple
        // Reminders and Nextcloud Tasks write them.
        const QJsonArray subtasks = task.value("subtasks"_L1).toArray();
        for (qsizetype i = 0; i < subtasks.size(); ++i) {
            const QJsonObject subtask = subtasks.at(i).toObject();
            QString subtaskUid = subtask.value("id"_L1).toString();
            if (subtaskUid.isEmpty())
                subtaskUid = id + u'-' + QString::number(i);
            if (!subtaskUid.contains(u'@'))
                subtaskUid += kOwnSuffix;
            const bool done = subtask.value("isCompleted"_L1).toBool();
            line("BEGIN:VTODO");
            line("UID:" + escapeText(subtaskUid));
            line("DTSTAMP:" + stamp);
            line("SUMMARY:" + escapeText(subtask.value("title"_L1).toString()));
            line(done ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION");
            const QDateTime doneAt = instantOf(subtask.value("completedAt"_L1));
            if (done && doneAt.isValid())
                line(utcProperty("COMPLETED", doneAt));
            if (done)
                line("PERCENT-COMPLETE:100");
            line("RELATED-TO;RELTYPE=PARENT:" + escapeText(uid));
            line("X-APPLE-SORT-ORDER:" + QByteArray::number(i));
            line("END:VTODO");
        }
    }
    line("END:VCALENDAR");
    return out;
}

} // namespace mana::todo
