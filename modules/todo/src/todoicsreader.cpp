// parseTodoIcs: a .ics file's VTODOs as tasks (docs/todo.md, "Import and
// export"). libical parses; the shared reader (modules/shared/ical)
// supplies line numbers, zones and instants. Nothing here touches a QObject
// or the store, so it runs on a worker thread.
#include "icsreaderbase.h"
#include "todoics.h"

#include <QHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTodoIcs, "mana.todo.ics")

namespace mana::todo {

int ParsedTodoIcs::skippedCount() const
{
    int total = 0;
    for (int count : skipped)
        total += count;
    return total;
}

QString describeIcsError(const IcsError &error, const QString &language)
{
    return ical::errorSentence(error, language, ical::IcsItems::Tasks);
}

QString priorityFromIcs(int priority)
{
    if (priority == 1)
        return u"urgent"_s;
    if (priority >= 2 && priority <= 4)
        return u"high"_s;
    if (priority >= 6 && priority <= 9)
        return u"low"_s;
    return u"medium"_s;
}

int priorityToIcs(const QString &priority)
{
    if (priority == u"urgent")
        return 1;
    if (priority == u"high")
        return 3;
    if (priority == u"low")
        return 9;
    return 0;
}

namespace {

using namespace ical;

const char *const kSubtaskSuffix = "@manacore";

// Text as the writer can write it back (ical::escapeText drops control
// characters other than tab and line feed): a UID with one would come back
// from this app's own export changed, and its re-import would double the
// task (found by fuzz_todo_ics_import).
QString clean(QString value)
{
    value.removeIf([](QChar c) { return c.unicode() < 0x20 && c != u'\t' && c != u'\n'; });
    return value;
}

QString cleanText(const char *utf8)
{
    return clean(text(utf8));
}

QJsonValue cleanOptionalText(const char *utf8)
{
    const QString value = cleanText(utf8);
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QString xValue(icalcomponent *component, const char *name)
{
    for (icalproperty *property = icalcomponent_get_first_property(component, ICAL_X_PROPERTY);
         property; property = icalcomponent_get_next_property(component, ICAL_X_PROPERTY)) {
        if (qstricmp(icalproperty_get_x_name(property), name) == 0)
            return cleanText(icalproperty_get_x(property)).trimmed();
    }
    return {};
}

struct ReadTask
{
    ParsedTask task;
    bool cancelled = false;
    QStringList childUids; // RELATED-TO;RELTYPE=CHILD (older clients)
    bool hasSortOrder = false;
    double sortOrder = 0;
};

class TodoReader : public ReaderBase
{
public:
    TodoReader(const LineIndex &index, const TodoIcsOptions &options)
        : ReaderBase(index, options.zone)
    {}
    ParsedTodoIcs read(icalcomponent *root);

private:
    std::optional<ReadTask> readTodo(icalcomponent *todo, int ic);
    // A DUE/DTSTART/EXDATE value: a DATE is local midnight of that day.
    QDateTime timeOf(icalproperty *property, const icaltimetype &time, int ic, const char *name,
                     const QByteArray &value = {});
    ParsedTodoIcs m_result;
};

QDateTime TodoReader::timeOf(icalproperty *property, const icaltimetype &time, int ic,
                             const char *name, const QByteArray &value)
{
    const auto zone = zoneOf(property, time, ic, name);
    if (!zone)
        return {};
    const QDateTime instant = instantOf(time, *zone, ic, name, value);
    if (!instant.isValid() || !time.is_date)
        return instant;
    const QDateTime local =
        QDateTime(QDate(time.year, time.month, time.day), QTime(0, 0), m_floatingZone).toUTC();
    if (!storable(local)) {
        consider(IcsErrorCode::OutOfRange, m_index.lineOf(ic, name, value), name,
                 QString::fromUtf8(value.isEmpty() ? valueOf(ic, name) : value));
        return {};
    }
    return local;
}

std::optional<ReadTask> TodoReader::readTodo(icalcomponent *todo, int ic)
{
    ReadTask read;
    ParsedTask &task = read.task;
    QJsonObject &fields = task.fields;
    fields.insert("title"_L1, cleanText(icalcomponent_get_summary(todo)).trimmed());
    fields.insert("description"_L1, cleanOptionalText(icalcomponent_get_description(todo)));

    // DTSTART, kept in metadata (tasks have no start of their own).
    QDateTime start;
    if (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_DTSTART_PROPERTY)) {
        const icaltimetype time = icalproperty_get_dtstart(property);
        start = timeOf(property, time, ic, "DTSTART");
        if (!start.isValid())
            return std::nullopt;
        task.metadata.insert("startDate"_L1, storeForm(start));
        if (time.is_date)
            task.metadata.insert("startIsDate"_L1, true);
    } else if (!valueOf(ic, "DTSTART").isEmpty()) {
        // libical dropped a DTSTART it could not read.
        consider(IcsErrorCode::BadDateTime, m_index.lineOf(ic, "DTSTART"), "DTSTART",
                 QString::fromUtf8(valueOf(ic, "DTSTART")));
        return std::nullopt;
    }

    // DUE: a date is local midnight (docs/todo.md: all-day tasks).
    QDateTime due;
    icaltimetype dueTime = icaltime_null_time();
    if (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_DUE_PROPERTY)) {
        dueTime = icalproperty_get_due(property);
        due = timeOf(property, dueTime, ic, "DUE");
        if (!due.isValid())
            return std::nullopt;
    } else if (!valueOf(ic, "DUE").isEmpty()) {
        consider(IcsErrorCode::BadDateTime, m_index.lineOf(ic, "DUE"), "DUE",
                 QString::fromUtf8(valueOf(ic, "DUE")));
        return std::nullopt;
    }
    fields.insert("dueDate"_L1, due.isValid() ? QJsonValue(storeForm(due)) : QJsonValue());

    int priority = 0;
    if (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_PRIORITY_PROPERTY))
        priority = icalproperty_get_priority(property);
    fields.insert("priority"_L1, priorityFromIcs(priority));

    // Done: STATUS:COMPLETED, a COMPLETED time or 100 percent.
    const icalproperty_status status = icalcomponent_get_status(todo);
    read.cancelled = status == ICAL_STATUS_CANCELLED;
    int percent = 0;
    if (icalproperty *property =
            icalcomponent_get_first_property(todo, ICAL_PERCENTCOMPLETE_PROPERTY))
        percent = std::clamp(icalproperty_get_percentcomplete(property), 0, 100);
    QDateTime completedAt;
    if (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_COMPLETED_PROPERTY)) {
        const icaltimetype time = icalproperty_get_completed(property);
        completedAt = timeOf(property, time, ic, "COMPLETED");
        if (!completedAt.isValid())
            return std::nullopt;
    }
    const bool completed =
        status == ICAL_STATUS_COMPLETED || completedAt.isValid() || percent == 100;
    fields.insert("isCompleted"_L1, completed);
    fields.insert("completedAt"_L1, completed && completedAt.isValid()
                                        ? QJsonValue(storeForm(completedAt))
                                        : QJsonValue());
    if (!completed && percent > 0 && percent < 100)
        task.metadata.insert("percentComplete"_L1, percent);

    // RRULE as libical writes it back (a rule the picker cannot show is
    // kept as it is, as Calendar does); EXDATE → metadata.recurrenceExceptions.
    QJsonValue rule;
    if (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_RRULE_PROPERTY)) {
        icalrecurrencetype recurrence = icalproperty_get_rrule(property);
        if (recurrence.freq == ICAL_NO_RECURRENCE) {
            consider(IcsErrorCode::BadRecurrenceRule, m_index.lineOf(ic, "RRULE"), "RRULE",
                     QString::fromUtf8(valueOf(ic, "RRULE")));
            return std::nullopt;
        }
        char *written = icalrecurrencetype_as_string_r(&recurrence);
        rule = text(written);
        icalmemory_free_buffer(written);
    }
    fields.insert("recurrenceRule"_L1, rule);
    QStringList exceptions;
    for (icalproperty *exdate = icalcomponent_get_first_property(todo, ICAL_EXDATE_PROPERTY);
         exdate; exdate = icalcomponent_get_next_property(todo, ICAL_EXDATE_PROPERTY)) {
        const icaltimetype time = icalproperty_get_exdate(exdate);
        QDateTime skipped =
            timeOf(exdate, time, ic, "EXDATE", QByteArray(icaltime_as_ical_string(time)));
        if (!skipped.isValid())
            return std::nullopt;
        if (time.is_date && due.isValid() && !dueTime.is_date) {
            // A day of a timed series: that day's occurrence.
            const QDateTime dueLocal = due.toTimeZone(m_floatingZone);
            skipped =
                QDateTime(QDate(time.year, time.month, time.day), dueLocal.time(), m_floatingZone)
                    .toUTC();
        }
        exceptions.append(storeForm(skipped));
    }
    if (!exceptions.isEmpty()) {
        exceptions.sort();
        exceptions.removeDuplicates();
        task.metadata.insert("recurrenceExceptions"_L1, QJsonArray::fromStringList(exceptions));
    }

    // CATEGORIES → labels (several properties, several values each).
    QSet<QString> seenLabels;
    for (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_CATEGORIES_PROPERTY);
         property; property = icalcomponent_get_next_property(todo, ICAL_CATEGORIES_PROPERTY)) {
        for (const QString &name : cleanText(icalproperty_get_categories(property)).split(u',')) {
            const QString trimmed = name.trimmed();
            if (!trimmed.isEmpty() && !seenLabels.contains(trimmed.toLower())) {
                seenLabels.insert(trimmed.toLower());
                task.labels.append(trimmed);
            }
        }
    }

    // RELATED-TO: the parent (RELTYPE=PARENT is the default) or children.
    for (icalproperty *property = icalcomponent_get_first_property(todo, ICAL_RELATEDTO_PROPERTY);
         property; property = icalcomponent_get_next_property(todo, ICAL_RELATEDTO_PROPERTY)) {
        const QString related = cleanText(icalproperty_get_relatedto(property)).trimmed();
        icalparameter *type = icalproperty_get_first_parameter(property, ICAL_RELTYPE_PARAMETER);
        const icalparameter_reltype kind =
            type ? icalparameter_get_reltype(type) : ICAL_RELTYPE_PARENT;
        if (related.isEmpty())
            continue;
        if (kind == ICAL_RELTYPE_PARENT && task.parentUid.isEmpty())
            task.parentUid = related;
        else if (kind == ICAL_RELTYPE_CHILD)
            read.childUids.append(related);
    }

    // VALARM → minutes before the due time: relative to DUE (RELATED=END),
    // to DTSTART (else DUE), or absolute; alarms after the due time and
    // Apple's ACTION:NONE placeholders have no place in the app.
    QList<int> reminders;
    for (icalcomponent *alarm = icalcomponent_get_first_component(todo, ICAL_VALARM_COMPONENT);
         alarm; alarm = icalcomponent_get_next_component(todo, ICAL_VALARM_COMPONENT)) {
        icalproperty *action = icalcomponent_get_first_property(alarm, ICAL_ACTION_PROPERTY);
        if (action && icalproperty_get_action(action) == ICAL_ACTION_NONE)
            continue;
        icalproperty *trigger = icalcomponent_get_first_property(alarm, ICAL_TRIGGER_PROPERTY);
        if (!trigger || !due.isValid())
            continue;
        const icaltriggertype value = icalproperty_get_trigger(trigger);
        QDateTime at;
        if (!icaltime_is_null_time(value.time)) {
            at = timeOf(trigger, value.time, ic, "TRIGGER",
                        QByteArray(icaltime_as_ical_string(value.time)));
            if (!at.isValid())
                return std::nullopt;
        } else {
            icalparameter *related =
                icalproperty_get_first_parameter(trigger, ICAL_RELATED_PARAMETER);
            const bool fromEnd = related && icalparameter_get_related(related) == ICAL_RELATED_END;
            const QDateTime base = fromEnd || !start.isValid() ? due : start;
            at = base.addSecs(icaldurationtype_as_int(value.duration));
        }
        const qint64 secondsBefore = at.secsTo(due);
        if (secondsBefore >= 0 && secondsBefore / 60 <= 10 * 366 * 1440)
            reminders.append(int(secondsBefore / 60));
    }
    std::sort(reminders.begin(), reminders.end());
    reminders.erase(std::unique(reminders.begin(), reminders.end()), reminders.end());
    task.reminders = reminders;

    // The app's own: the project, the estimate; the order Apple and
    // Nextcloud keep.
    task.project = xValue(todo, "X-MANA-PROJECT");
    bool ok = false;
    const int estimate = xValue(todo, "X-MANA-ESTIMATE").toInt(&ok);
    if (ok && estimate >= 0 && estimate <= 10080)
        fields.insert("estimatedDuration"_L1, estimate);
    const double order = xValue(todo, "X-APPLE-SORT-ORDER").toDouble(&ok);
    if (ok && std::isfinite(order) && std::abs(order) < 9e15) {
        read.hasSortOrder = true;
        read.sortOrder = order;
        fields.insert("order"_L1, order);
    }
    task.uid = cleanText(icalcomponent_get_uid(todo)).trimmed();
    return read;
}

ParsedTodoIcs TodoReader::read(icalcomponent *root)
{
    const QList<CalendarComponent> calendars = calendarsOf(root);
    if (calendars.isEmpty()) {
        m_result.error = m_error;
        return std::move(m_result);
    }
    for (const CalendarComponent &calendar : calendars) {
        checkLibicalErrors(calendar.component, calendar.index);
        if (m_result.listName.isEmpty())
            m_result.listName = xValue(calendar.component, "X-WR-CALNAME");
        if (m_result.listName.isEmpty()) {
            if (icalproperty *name =
                    icalcomponent_get_first_property(calendar.component, ICAL_NAME_PROPERTY))
                m_result.listName = text(icalproperty_get_name(name)).trimmed();
        }
        if (m_result.listColor.isEmpty())
            m_result.listColor =
                normalizedColor(xValue(calendar.component, "X-APPLE-CALENDAR-COLOR"));
        collectTimezones(calendar);
        for (icalcomponent *other =
                 icalcomponent_get_first_component(calendar.component, ICAL_ANY_COMPONENT);
             other;
             other = icalcomponent_get_next_component(calendar.component, ICAL_ANY_COMPONENT)) {
            const icalcomponent_kind kind = icalcomponent_isa(other);
            if (kind != ICAL_VTODO_COMPONENT && kind != ICAL_VTIMEZONE_COMPONENT) {
                const char *name = icalcomponent_kind_to_string(kind);
                ++m_result.skipped[name && *name ? QString::fromLatin1(name) : u"OTHER"_s];
            }
        }
    }

    // The VTODOs, by UID: a later one with the same UID replaces an earlier one.
    QList<ReadTask> all;
    QHash<QString, qsizetype> byUid;
    for (const CalendarComponent &calendar : calendars) {
        const QList<int> indexTodos = indexChildren(calendar.index, "VTODO");
        int todoNumber = 0;
        for (icalcomponent *todo =
                 icalcomponent_get_first_component(calendar.component, ICAL_VTODO_COMPONENT);
             todo;
             todo = icalcomponent_get_next_component(calendar.component, ICAL_VTODO_COMPONENT)) {
            const int ic = indexTodos.value(todoNumber++, -1);
            checkLibicalErrors(todo, ic);
            const QList<int> indexAlarms = indexChildren(ic, "VALARM");
            int alarmNumber = 0;
            for (icalcomponent *alarm = icalcomponent_get_first_component(todo, ICAL_ANY_COMPONENT);
                 alarm; alarm = icalcomponent_get_next_component(todo, ICAL_ANY_COMPONENT)) {
                if (icalcomponent_isa(alarm) == ICAL_VALARM_COMPONENT)
                    checkLibicalErrors(alarm, indexAlarms.value(alarmNumber++, -1));
            }
            std::optional<ReadTask> read = readTodo(todo, ic);
            if (!read)
                continue; // the error is noted; keep looking for an earlier one
            const QString uid = read->task.uid;
            if (const auto known = byUid.constFind(uid); !uid.isEmpty() && known != byUid.cend()) {
                all[*known] = std::move(*read);
                ++m_result.skipped[u"DUPLICATE"_s];
            } else {
                if (!uid.isEmpty())
                    byUid.insert(uid, all.size());
                all.append(std::move(*read));
            }
        }
    }
    if (m_error) {
        m_result.error = m_error;
        return std::move(m_result);
    }

    // Children named by their parent (RELTYPE=CHILD) get that parent.
    for (const ReadTask &read : std::as_const(all)) {
        for (const QString &child : read.childUids) {
            const auto found = byUid.constFind(child);
            if (found != byUid.cend() && all[*found].task.parentUid.isEmpty() &&
                child != read.task.uid)
                all[*found].task.parentUid = read.task.uid;
        }
    }
    // The top task of each VTODO: subtasks are one level in the app, so a
    // child of a child belongs to its top ancestor. A parent that is not in
    // the file (or a loop) leaves the VTODO a task of its own.
    auto topOf = [&](qsizetype index) -> qsizetype {
        qsizetype current = index;
        for (int steps = 0; steps < 64; ++steps) {
            const QString parent = all[current].task.parentUid;
            const auto found = parent.isEmpty() ? byUid.cend() : byUid.constFind(parent);
            if (found == byUid.cend())
                return current == index ? -1 : current;
            current = *found;
            if (current == index)
                return -1; // a loop
        }
        return -1;
    };
    QList<qsizetype> topIndex(all.size(), -1);
    for (qsizetype i = 0; i < all.size(); ++i)
        topIndex[i] = topOf(i);
    QHash<qsizetype, QList<qsizetype>> children;
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (topIndex[i] >= 0 && topIndex[topIndex[i]] < 0)
            children[topIndex[i]].append(i);
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (topIndex[i] >= 0 && topIndex[topIndex[i]] < 0)
            continue; // a subtask
        ReadTask &read = all[i];
        if (read.cancelled) {
            ++m_result.skipped[u"CANCELLED"_s];
            continue;
        }
        QJsonArray subtasks;
        QList<qsizetype> mine = children.value(i);
        // In their sort order where the file gives one, else the file's order.
        std::stable_sort(mine.begin(), mine.end(), [&](qsizetype a, qsizetype b) {
            if (all[a].hasSortOrder && all[b].hasSortOrder)
                return all[a].sortOrder < all[b].sortOrder;
            return false;
        });
        int position = 0;
        for (qsizetype child : std::as_const(mine)) {
            const ReadTask &sub = all[child];
            if (sub.cancelled) {
                ++m_result.skipped[u"CANCELLED"_s];
                continue;
            }
            QString id = sub.task.uid;
            if (id.endsWith(QLatin1String(kSubtaskSuffix)))
                id.chop(qsizetype(qstrlen(kSubtaskSuffix)));
            QJsonObject subtask{{u"id"_s, id},
                                {u"title"_s, sub.task.fields.value("title"_L1)},
                                {u"isCompleted"_s, sub.task.fields.value("isCompleted"_L1)},
                                {u"order"_s, position++}};
            if (sub.task.fields.value("completedAt"_L1).isString())
                subtask.insert(u"completedAt"_s, sub.task.fields.value("completedAt"_L1));
            subtasks.append(subtask);
            ++m_result.subtasks;
        }
        read.task.fields.insert("subtasks"_L1,
                                subtasks.isEmpty() ? QJsonValue() : QJsonValue(subtasks));
        m_result.tasks.append(std::move(read.task));
    }
    return std::move(m_result);
}

} // namespace

ParsedTodoIcs parseTodoIcs(const QByteArray &data, const TodoIcsOptions &options)
{
    ParsedTodoIcs result;
    LibicalErrorsNotFatal errorsNotFatal;
    ParsedRoot file = parseRoot(data);
    if (file.error) {
        result.error = file.error;
        return result;
    }
    TodoReader reader(file.index, options);
    result = reader.read(file.root.get());
    if (result.error) {
        result.tasks.clear();
        qCInfo(lcTodoIcs) << "iCalendar file refused:" << describeIcsError(result.error, u"en"_s);
    }
    return result;
}

} // namespace mana::todo
