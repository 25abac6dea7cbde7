// TodoController: a task's repetition (the picker <-> RRULE, a readable
// sentence) and its reminder.
#include "todocontroller.h"

#include "collection.h"
#include "localstore.h"
#include "recurrence.h"
#include "taskviews.h"
#include "todoclock.h"

namespace mana::todo {

RecurrencePicker TodoController::ruleToPicker(const QString &rrule) const
{
    RecurrencePicker picker;
    const std::optional<RecurrenceRule> rule =
        rrule.isEmpty() ? std::nullopt : RecurrenceRule::fromRRule(rrule);
    if (!rule)
        return picker;
    switch (rule->frequency) {
    case RecurrenceRule::Frequency::Daily:
        picker.frequency = Recurrence::Daily;
        break;
    case RecurrenceRule::Frequency::Weekly:
        picker.frequency = Recurrence::Weekly;
        break;
    case RecurrenceRule::Frequency::Monthly:
        picker.frequency = Recurrence::Monthly;
        break;
    case RecurrenceRule::Frequency::Yearly:
        picker.frequency = Recurrence::Yearly;
        break;
    }
    picker.interval = rule->interval;
    for (Qt::DayOfWeek day : rule->weekdays)
        picker.weekdays.append(int(day));
    picker.monthDay = rule->monthDay;
    if (rule->monthlyMode == RecurrenceRule::MonthlyMode::ByWeekdayPosition) {
        picker.monthlyMode = Recurrence::OnWeekday;
        picker.weekdayPosition = rule->weekdayPosition;
        picker.weekday = int(rule->weekday);
    }
    if (rule->count > 0) {
        picker.end = Recurrence::EndsAfterCount;
        picker.count = rule->count;
    } else if (rule->until.isValid()) {
        picker.end = Recurrence::EndsOnDate;
        picker.until = rule->until.toString(Qt::ISODate);
    }
    return picker;
}

QString TodoController::pickerToRule(const RecurrencePicker &picker) const
{
    RecurrenceRule rule;
    switch (picker.frequency) {
    case Recurrence::DoesNotRepeat:
        return {};
    case Recurrence::Daily:
        rule.frequency = RecurrenceRule::Frequency::Daily;
        break;
    case Recurrence::Weekly:
        rule.frequency = RecurrenceRule::Frequency::Weekly;
        break;
    case Recurrence::Monthly:
        rule.frequency = RecurrenceRule::Frequency::Monthly;
        break;
    case Recurrence::Yearly:
        rule.frequency = RecurrenceRule::Frequency::Yearly;
        break;
    }
    rule.interval = std::max(1, picker.interval);
    for (const int day : picker.weekdays)
        rule.weekdays.append(Qt::DayOfWeek(day));
    if (picker.monthlyMode == Recurrence::OnWeekday) {
        rule.monthlyMode = RecurrenceRule::MonthlyMode::ByWeekdayPosition;
        rule.weekdayPosition = picker.weekdayPosition;
        rule.weekday = Qt::DayOfWeek(picker.weekday);
    } else {
        rule.monthDay = picker.monthDay;
    }
    if (picker.end == Recurrence::EndsAfterCount)
        rule.count = picker.count;
    else if (picker.end == Recurrence::EndsOnDate)
        rule.until = QDate::fromString(picker.until, Qt::ISODate);
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

bool TodoController::setRecurrence(const QString &taskId, const RecurrencePicker &picker)
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
