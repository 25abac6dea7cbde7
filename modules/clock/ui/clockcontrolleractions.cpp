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

QJsonObject ClockController::alarmFields(const QVariantMap &values)
{
    QJsonObject fields;
    if (values.contains(QStringLiteral("time"))) {
        const QTime time = parseAlarmTime(values.value(QStringLiteral("time")).toString());
        if (!time.isValid()) {
            fail(tr("Choose a time between 00:00 and 23:59."));
            return {};
        }
        fields.insert(QStringLiteral("time"), time.toString(QStringLiteral("HH:mm")));
    }
    if (values.contains(QStringLiteral("label"))) {
        const QString label = values.value(QStringLiteral("label")).toString().trimmed();
        fields.insert(QStringLiteral("label"), label.isEmpty() ? QJsonValue() : QJsonValue(label));
    }
    if (values.contains(QStringLiteral("repeatDays"))) {
        QList<int> days;
        for (const QVariant &day : values.value(QStringLiteral("repeatDays")).toList()) {
            const int number = day.toInt();
            if (number >= 0 && number <= 6 && !days.contains(number))
                days.append(number);
        }
        std::sort(days.begin(), days.end());
        QJsonArray array;
        for (const int day : days)
            array.append(day);
        fields.insert(QStringLiteral("repeatDays"), array);
    }
    if (values.contains(QStringLiteral("snoozeMinutes")))
        fields.insert(QStringLiteral("snoozeMinutes"),
                      std::clamp(values.value(QStringLiteral("snoozeMinutes")).toInt(), 1, 60));
    return fields;
}

QString ClockController::addAlarm(const QVariantMap &values)
{
    Collection *alarms = collection("alarms");
    if (!alarms)
        return fail(tr("The clock data is not available.")), QString();
    QJsonObject fields = alarmFields(values);
    if (!fields.contains(QStringLiteral("time")))
        return fail(tr("Choose a time between 00:00 and 23:59.")), QString();
    fields.insert(QStringLiteral("enabled"), true);
    const WriteResult result = alarms->insert(fields);
    if (!result)
        return fail(storeErrorText(result.failure)), QString();
    return result.id;
}

bool ClockController::updateAlarm(const QString &id, const QVariantMap &values)
{
    Collection *alarms = collection("alarms");
    if (!alarms)
        return fail(tr("The clock data is not available."));
    const QJsonObject fields = alarmFields(values);
    if (fields.isEmpty())
        return false;
    // Saving an alarm means "I want it": switch it on, as phones do.
    QJsonObject withEnabled = fields;
    withEnabled.insert(QStringLiteral("enabled"), true);
    const WriteResult result = alarms->update(id, withEnabled);
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

QVariantList ClockController::weekdayChoices() const
{
    const bool german = m_language == QLatin1String("de");
    static const char *const english[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const germanNames[] = {"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"};
    QVariantList choices;
    for (const int day : {1, 2, 3, 4, 5, 6, 0})
        choices.append(
            QVariantMap{{QStringLiteral("day"), day},
                        {QStringLiteral("name"),
                         QString::fromLatin1(german ? germanNames[day] : english[day])}});
    return choices;
}

QString ClockController::daysText(const QVariantList &repeatDays) const
{
    QList<int> days;
    for (const QVariant &day : repeatDays)
        days.append(day.toInt());
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
    for (const QVariant &choice : weekdayChoices()) {
        const QVariantMap map = choice.toMap();
        if (days.contains(map.value(QStringLiteral("day")).toInt()))
            names.append(map.value(QStringLiteral("name")).toString());
    }
    return names.join(QStringLiteral(", "));
}

QString ClockController::nextRingText(const QString &alarmId, const QDateTime &now) const
{
    for (const QVariant &item : m_alarms) {
        const QVariantMap alarm = item.toMap();
        if (alarm.value(QStringLiteral("id")).toString() != alarmId)
            continue;
        if (!alarm.value(QStringLiteral("enabled")).toBool())
            return {};
        const QDateTime snoozed =
            m_services ? m_services->alarms()->snoozedUntil(alarmId) : QDateTime();
        if (snoozed.isValid())
            return tr("snoozed until %1")
                .arg(snoozed.toLocalTime().toString(QStringLiteral("HH:mm")));
        const QDateTime next =
            nextRingTime(AlarmRule::fromRecord(QJsonObject::fromVariantMap(alarm)), now,
                         QTimeZone::systemTimeZone());
        return next.isValid() ? hoursMinutesText(now.secsTo(next)) : QString();
    }
    return {};
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

QVariantList ClockController::ringingAlarms() const
{
    QVariantList list;
    if (!m_services)
        return list;
    const AlarmService *alarms = m_services->alarms();
    for (const QString &id : alarms->ringingAlarms())
        list.append(QVariantMap{
            {QStringLiteral("alarmId"), id},
            {QStringLiteral("label"), alarms->ringingLabel(id)},
            {QStringLiteral("timeText"),
             alarms->ringingSince(id).toLocalTime().toString(QStringLiteral("HH:mm"))}});
    return list;
}

QString ClockController::addTimer(int durationSeconds, const QString &label)
{
    if (!m_services)
        return fail(tr("The clock data is not available.")), QString();
    if (durationSeconds < 1 || durationSeconds > 86400)
        return fail(tr("A timer runs from one second to 24 hours.")), QString();
    QString error;
    const QString id = m_services->timers()->addTimer(durationSeconds, label, &error);
    if (id.isEmpty())
        fail(error);
    return id;
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
    for (const QVariant &timer : m_timers) {
        const QVariantMap map = timer.toMap();
        if (map.value(QStringLiteral("id")).toString() == id)
            return timerstate::formatRemaining(
                timerstate::remainingMs(QJsonObject::fromVariantMap(map), now));
    }
    return {};
}

double ClockController::timerProgress(const QString &id, const QDateTime &now) const
{
    for (const QVariant &timer : m_timers) {
        const QVariantMap map = timer.toMap();
        if (map.value(QStringLiteral("id")).toString() != id)
            continue;
        const QJsonObject record = QJsonObject::fromVariantMap(map);
        const qint64 duration = timerstate::durationMs(record);
        return duration > 0 ? double(timerstate::remainingMs(record, now)) / double(duration) : 0;
    }
    return 0;
}

void ClockController::dismissFinishedTimer(const QString &timerId)
{
    const qsizetype before = m_finishedTimers.size();
    m_finishedTimers.removeIf([&timerId](const QVariant &item) {
        return item.toMap().value(QStringLiteral("timerId")).toString() == timerId;
    });
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

QVariantList ClockController::laps() const
{
    QVariantList list;
    if (!m_services)
        return list;
    const QList<Stopwatch::Lap> &laps = m_services->stopwatch().laps();
    for (auto it = laps.crbegin(); it != laps.crend(); ++it)
        list.append(QVariantMap{{QStringLiteral("number"), it->number},
                                {QStringLiteral("lapText"), Stopwatch::format(it->lapMs)},
                                {QStringLiteral("totalText"), Stopwatch::format(it->totalMs)}});
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
