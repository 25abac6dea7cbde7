// ClockController's actions on alarms, timers and the stopwatch, and the
// texts that describe them.
#include "alarmschedule.h"
#include "clockcontroller.h"
#include "clockservices.h"
#include "clocksound.h"
#include "localstore.h"
#include "storeerrortext.h"
#include "timerstate.h"

#include <QJsonArray>
#include <algorithm>

namespace mana::clock {

QJsonObject ClockController::alarmFields(const AlarmDraft &draft)
{
    const QTime time(draft.hour, draft.minute);
    if (!time.isValid()) {
        fail(tr("Choose a time between 00:00 and 23:59."));
        return {};
    }
    QList<int> days;
    for (const int day : draft.repeatDays) {
        if (day >= 0 && day <= 6 && !days.contains(day))
            days.append(day);
    }
    std::sort(days.begin(), days.end());
    QJsonArray array;
    for (const int day : std::as_const(days))
        array.append(day);
    const QString label = draft.label.trimmed();
    return {{QStringLiteral("time"), time.toString(QStringLiteral("HH:mm"))},
            {QStringLiteral("label"), label.isEmpty() ? QJsonValue() : QJsonValue(label)},
            {QStringLiteral("repeatDays"), array},
            {QStringLiteral("snoozeMinutes"), std::clamp(draft.snoozeMinutes, 1, 60)}};
}

AlarmDraft ClockController::newAlarmDraft() const
{
    AlarmDraft draft;
    draft.hour = now().toLocalTime().addSecs(3600).time().hour();
    return draft;
}

AlarmDraft ClockController::alarmDraftOf(const QString &id) const
{
    const auto it = m_alarmRecords.constFind(id);
    if (it == m_alarmRecords.cend())
        return {};
    const AlarmRule rule = AlarmRule::fromRecord(*it);
    AlarmDraft draft;
    draft.id = id;
    draft.hour = rule.time.isValid() ? rule.time.hour() : 0;
    draft.minute = rule.time.isValid() ? rule.time.minute() : 0;
    draft.repeatDays = rule.repeatDays;
    draft.label = it->value(QLatin1String("label")).toString();
    draft.snoozeMinutes = std::clamp(it->value(QLatin1String("snoozeMinutes")).toInt(10), 1, 60);
    return draft;
}

QString ClockController::addAlarm(const AlarmDraft &draft)
{
    Collection *alarms = collection("alarms");
    if (!alarms)
        return fail(tr("The clock data is not available.")), QString();
    QJsonObject fields = alarmFields(draft);
    if (fields.isEmpty())
        return {};
    fields.insert(QStringLiteral("enabled"), true);
    const WriteResult result = alarms->insert(fields);
    if (!result)
        return fail(storeErrorText(result.failure)), QString();
    return result.id;
}

bool ClockController::updateAlarm(const QString &id, const AlarmDraft &draft)
{
    Collection *alarms = collection("alarms");
    if (!alarms)
        return fail(tr("The clock data is not available."));
    QJsonObject fields = alarmFields(draft);
    if (fields.isEmpty())
        return false;
    // Saving an alarm means "I want it": switch it on, as phones do.
    fields.insert(QStringLiteral("enabled"), true);
    const WriteResult result = alarms->update(id, fields);
    return result || fail(storeErrorText(result.failure));
}

bool ClockController::setAlarmEnabled(const QString &id, bool enabled)
{
    Collection *alarms = collection("alarms");
    if (!alarms)
        return fail(tr("The clock data is not available."));
    const WriteResult result = alarms->update(id, {{QStringLiteral("enabled"), enabled}});
    if (!enabled && m_services)
        m_services->alarms()->dismiss(id); // switching it off ends a snooze too
    return result || fail(storeErrorText(result.failure));
}

QList<WeekdayChoice> ClockController::weekdayChoices() const
{
    const bool german = m_language == QLatin1String("de");
    static const char *const english[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const germanNames[] = {"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"};
    QList<WeekdayChoice> choices;
    for (const int day : {1, 2, 3, 4, 5, 6, 0})
        choices.append({day, QString::fromLatin1(german ? germanNames[day] : english[day])});
    return choices;
}

QString ClockController::daysText(const QList<int> &repeatDays) const
{
    QList<int> days = repeatDays;
    std::sort(days.begin(), days.end());
    if (days.isEmpty())
        return tr("Once");
    if (days.size() == 7)
        return tr("Every day");
    if (days == QList<int>{1, 2, 3, 4, 5})
        return tr("Weekdays");
    if (days == QList<int>{0, 6})
        return tr("Weekends");
    QStringList names;
    for (const WeekdayChoice &choice : weekdayChoices()) {
        if (days.contains(choice.day))
            names.append(choice.name);
    }
    return names.join(QStringLiteral(", "));
}

QString ClockController::nextRingText(const QString &alarmId, const QDateTime &now) const
{
    const auto it = m_alarmRecords.constFind(alarmId);
    if (it == m_alarmRecords.cend() || !it->value(QLatin1String("enabled")).toBool(true))
        return {};
    const QDateTime snoozed =
        m_services ? m_services->alarms()->snoozedUntil(alarmId) : QDateTime();
    if (snoozed.isValid())
        return tr("snoozed until %1").arg(snoozed.toLocalTime().toString(QStringLiteral("HH:mm")));
    const QDateTime next =
        nextRingTime(AlarmRule::fromRecord(*it), now, QTimeZone::systemTimeZone());
    return next.isValid() ? ringDistanceText(now, next) : QString();
}

void ClockController::snoozeAlarm(const QString &alarmId)
{
    if (m_services)
        m_services->alarms()->snooze(alarmId);
    refreshAlarms(); // "snoozed until"
}

void ClockController::dismissAlarm(const QString &alarmId)
{
    if (m_services)
        m_services->alarms()->dismiss(alarmId);
    refreshAlarms();
}

QList<RingingAlarm> ClockController::ringingAlarms() const
{
    QList<RingingAlarm> list;
    if (!m_services)
        return list;
    const AlarmService *alarms = m_services->alarms();
    for (const QString &id : alarms->ringingAlarms())
        list.append({id, alarms->ringingLabel(id),
                     alarms->ringingSince(id).toLocalTime().toString(QStringLiteral("HH:mm"))});
    return list;
}

QString ClockController::addTimer(int durationSeconds, const QString &label)
{
    TimerErrorInfo error{TimerError::NotAvailable, {}};
    const QString id =
        m_services ? m_services->timers()->addTimer(durationSeconds, label, &error) : QString();
    if (id.isEmpty())
        fail(timerErrorText(error));
    return id;
}

QString ClockController::timerErrorText(const TimerErrorInfo &error) const
{
    switch (error.code) {
    case TimerError::None:
        return {};
    case TimerError::NotAvailable:
        return tr("The clock data is not available.");
    case TimerError::DurationOutOfRange:
        return tr("A timer runs from one second to 24 hours.");
    case TimerError::StoreRefused:
        return storeErrorText(error.store);
    }
    return {};
}

bool ClockController::startTimer(const QString &id)
{
    return m_services && m_services->timers()->startTimer(id);
}

bool ClockController::pauseTimer(const QString &id)
{
    return m_services && m_services->timers()->pauseTimer(id);
}

bool ClockController::resetTimer(const QString &id)
{
    dismissFinishedTimer(id);
    return m_services && m_services->timers()->resetTimer(id);
}

QString ClockController::timerRemainingText(const QString &id, const QDateTime &now) const
{
    const auto it = m_timerRecords.constFind(id);
    return it == m_timerRecords.cend()
               ? QString()
               : timerstate::formatRemaining(timerstate::remainingMs(*it, now));
}

double ClockController::timerProgress(const QString &id, const QDateTime &now) const
{
    const auto it = m_timerRecords.constFind(id);
    if (it == m_timerRecords.cend())
        return 0;
    const qint64 duration = timerstate::durationMs(*it);
    return duration > 0 ? double(timerstate::remainingMs(*it, now)) / double(duration) : 0;
}

void ClockController::dismissFinishedTimer(const QString &timerId)
{
    const qsizetype before = m_finishedTimers.size();
    m_finishedTimers.removeIf(
        [&timerId](const FinishedTimer &timer) { return timer.timerId == timerId; });
    if (m_finishedTimers.size() != before)
        emit finishedTimersChanged();
    // The timer's beeps end with its banner, unless an alarm rings.
    if (m_finishedTimers.isEmpty() && m_services && m_services->alarms()->ringingAlarms().isEmpty())
        ClockSound::attachTo(m_services)->stop();
}

QString ClockController::stopwatchText() const
{
    return Stopwatch::format(m_services ? m_services->stopwatch().elapsedMs() : 0);
}

bool ClockController::stopwatchRunning() const
{
    return m_services && m_services->stopwatch().isRunning();
}

bool ClockController::stopwatchStarted() const
{
    return m_services && m_services->stopwatch().hasStarted();
}

QList<LapEntry> ClockController::laps() const
{
    QList<LapEntry> list;
    if (!m_services)
        return list;
    const QList<Stopwatch::Lap> &laps = m_services->stopwatch().laps();
    for (auto it = laps.crbegin(); it != laps.crend(); ++it)
        list.append({it->number, Stopwatch::format(it->lapMs), Stopwatch::format(it->totalMs)});
    return list;
}

void ClockController::startOrPauseStopwatch()
{
    if (!m_services)
        return;
    Stopwatch &stopwatch = m_services->stopwatch();
    if (stopwatch.isRunning())
        stopwatch.pause();
    else
        stopwatch.start();
    emit stopwatchChanged();
    planTick();
}

void ClockController::resetStopwatch()
{
    if (!m_services)
        return;
    m_services->stopwatch().reset();
    emit stopwatchChanged();
    planTick();
}

void ClockController::lapStopwatch()
{
    if (m_services && m_services->stopwatch().lap())
        emit stopwatchChanged();
}

} // namespace mana::clock
