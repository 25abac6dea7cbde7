// TodoController: a task's repetition (the picker <-> RRULE, a readable
// sentence) and its reminder.
#include "todocontroller.h"

#include "collection.h"
#include "localstore.h"
#include "recurrence.h"
#include "taskviews.h"
#include "todoclock.h"

namespace mana::todo {

QVariantMap TodoController::ruleToPicker(const QString &rrule) const
{
    if (rrule.isEmpty())
        return {};
    const std::optional<RecurrenceRule> rule = RecurrenceRule::fromRRule(rrule);
    if (!rule)
        return {};
    static const char *frequencies[] = {"daily", "weekly", "monthly", "yearly"};
    QVariantList weekdays;
    for (Qt::DayOfWeek day : rule->weekdays)
        weekdays.append(int(day));
    return {
        {QStringLiteral("frequency"), QString::fromLatin1(frequencies[int(rule->frequency)])},
        {QStringLiteral("interval"), rule->interval},
        {QStringLiteral("weekdays"), weekdays},
        {QStringLiteral("monthlyMode"), rule->monthlyMode == RecurrenceRule::MonthlyMode::ByMonthDay
                                            ? QStringLiteral("day")
                                            : QStringLiteral("weekday")},
        {QStringLiteral("monthDay"), rule->monthDay},
        {QStringLiteral("weekdayPosition"), rule->weekdayPosition},
        {QStringLiteral("weekday"), int(rule->weekday)},
        {QStringLiteral("end"), rule->count > 0         ? QStringLiteral("count")
                                : rule->until.isValid() ? QStringLiteral("until")
                                                        : QStringLiteral("never")},
        {QStringLiteral("count"), rule->count},
        {QStringLiteral("until"), rule->until.toString(Qt::ISODate)}};
}

QString TodoController::pickerToRule(const QVariantMap &picker) const
{
    const QString frequency = picker.value(QStringLiteral("frequency")).toString();
    if (frequency.isEmpty() || frequency == u"none")
        return {};
    RecurrenceRule rule;
    if (frequency == u"weekly")
        rule.frequency = RecurrenceRule::Frequency::Weekly;
    else if (frequency == u"monthly")
        rule.frequency = RecurrenceRule::Frequency::Monthly;
    else if (frequency == u"yearly")
        rule.frequency = RecurrenceRule::Frequency::Yearly;
    rule.interval = std::max(1, picker.value(QStringLiteral("interval"), 1).toInt());
    for (const QVariant &day : picker.value(QStringLiteral("weekdays")).toList())
        rule.weekdays.append(Qt::DayOfWeek(day.toInt()));
    if (picker.value(QStringLiteral("monthlyMode")).toString() == u"weekday") {
        rule.monthlyMode = RecurrenceRule::MonthlyMode::ByWeekdayPosition;
        rule.weekdayPosition = picker.value(QStringLiteral("weekdayPosition")).toInt();
        rule.weekday = Qt::DayOfWeek(picker.value(QStringLiteral("weekday"), 1).toInt());
    } else {
        rule.monthDay = picker.value(QStringLiteral("monthDay")).toInt();
    }
    const QString end = picker.value(QStringLiteral("end")).toString();
    if (end == u"count")
        rule.count = picker.value(QStringLiteral("count")).toInt();
    else if (end == u"until")
        rule.until =
            QDate::fromString(picker.value(QStringLiteral("until")).toString(), Qt::ISODate);
    QString error;
    if (!rule.isValid(&error)) {
        const_cast<TodoController *>(this)->m_error = error;
        return {};
    }
    return rule.toRRule();
}

QString TodoController::describeRule(const QString &rrule) const
{
    if (rrule.isEmpty())
        return tr("Does not repeat");
    const std::optional<RecurrenceRule> rule = RecurrenceRule::fromRRule(rrule);
    return rule ? rule->describe(m_language) : tr("Repeats (a rule this app cannot show)");
}

bool TodoController::setRecurrence(const QString &taskId, const QVariantMap &picker)
{
    m_error.clear();
    const QString rrule = pickerToRule(picker);
    if (rrule.isEmpty() && !m_error.isEmpty())
        return fail(m_error);
    Collection *tasks = collection("tasks");
    const std::optional<QJsonObject> task = tasks ? tasks->get(taskId) : std::nullopt;
    if (!task)
        return fail(tr("This task is gone."));
    QJsonObject fields{
        {QStringLiteral("recurrenceRule"), rrule.isEmpty() ? QJsonValue::Null : QJsonValue(rrule)}};
    // A series needs a start: today, all day, when the task has no due date.
    if (!rrule.isEmpty() && !dueDateOf(*task).isValid()) {
        const QTimeZone zone = TodoClock::instance()->zone();
        fields.insert(
            QStringLiteral("dueDate"),
            timestampToJson(QDateTime(TodoClock::instance()->now().toTimeZone(zone).date(),
                                      QTime(0, 0), zone)));
    }
    return updateTask(taskId, fields);
}

int TodoController::reminderMinutes(const QString &taskId) const
{
    Collection *reminders = collection("reminders");
    if (!reminders)
        return -1;
    const QList<QJsonObject> found =
        reminders->query(Query().where(QStringLiteral("taskId"), Query::Op::Equal, taskId));
    return found.isEmpty() ? -1 : found.first().value(QStringLiteral("minutesBefore")).toInt();
}

bool TodoController::setReminder(const QString &taskId, int minutesBefore)
{
    Collection *reminders = collection("reminders");
    if (!reminders)
        return fail(tr("No profile is open, so nothing can be saved."));
    const QList<QJsonObject> found =
        reminders->query(Query().where(QStringLiteral("taskId"), Query::Op::Equal, taskId));
    if (minutesBefore < 0) {
        return writeTogether(tr("Reminder removed"), [&]() -> QString {
            for (const QJsonObject &reminder : found) {
                const WriteResult removed =
                    reminders->remove(reminder.value(QStringLiteral("id")).toString());
                if (!removed)
                    return refusal(removed);
            }
            return {};
        });
    }
    if (!found.isEmpty()) {
        const WriteResult result =
            reminders->update(found.first().value(QStringLiteral("id")).toString(),
                              {{QStringLiteral("minutesBefore"), minutesBefore},
                               {QStringLiteral("status"), QStringLiteral("pending")}});
        return result ? true : fail(refusal(result));
    }
    const WriteResult made =
        reminders->insert({{QStringLiteral("taskId"), taskId},
                           {QStringLiteral("minutesBefore"), minutesBefore},
                           {QStringLiteral("type"), QStringLiteral("push")},
                           {QStringLiteral("status"), QStringLiteral("pending")}});
    return made ? true : fail(refusal(made));
}

} // namespace mana::todo
