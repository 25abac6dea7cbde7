// What the Clock page reads and does: the world clocks, alarms and timers of
// the store as small lists (a person has a handful of each), the stopwatch,
// and the alarms ringing now. Time texts come from invokables that take
// `now` as an argument, so a binding re-evaluates on every tick without the
// lists (and their delegates) being rebuilt.
//
// The services (AlarmService, TimerService, Stopwatch) are the profile's
// shared ones (ClockServices::forStore): an alarm that rang while the page
// was closed still shows its banner when the page opens, and nothing rings
// twice when the app listens too.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::clock {

class ClockServices;
class TimeZoneSearch;

class ClockController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // Ticks every second (a few times a second while a timer or the
    // stopwatch runs); bind time texts to it.
    Q_PROPERTY(QDateTime now READ now NOTIFY nowChanged)
    // The user's local time and zone, for the World tab's header.
    Q_PROPERTY(QString localTimeText READ localTimeText NOTIFY nowChanged)
    Q_PROPERTY(QString localZoneText READ localZoneText NOTIFY languageChanged)
    // [{id, timezone, cityName}] by sortOrder
    Q_PROPERTY(QVariantList worldClocks READ worldClocks NOTIFY worldClocksChanged)
    // [{id, label, time, enabled, repeatDays, snoozeMinutes, daysText}] by time
    Q_PROPERTY(QVariantList alarms READ alarms NOTIFY alarmsChanged)
    // [{id, label, durationSeconds, status}] by creation
    Q_PROPERTY(QVariantList timers READ timers NOTIFY timersChanged)
    Q_PROPERTY(QString stopwatchText READ stopwatchText NOTIFY stopwatchChanged)
    Q_PROPERTY(bool stopwatchRunning READ stopwatchRunning NOTIFY stopwatchChanged)
    Q_PROPERTY(bool stopwatchStarted READ stopwatchStarted NOTIFY stopwatchChanged)
    // [{number, lapText, totalText}] newest first
    Q_PROPERTY(QVariantList laps READ laps NOTIFY stopwatchChanged)
    // [{alarmId, label, timeText}]: alarms ringing now (banner: Snooze, Dismiss)
    Q_PROPERTY(QVariantList ringingAlarms READ ringingAlarms NOTIFY ringingChanged)
    // [{timerId, label}]: timers that finished since the page looked
    Q_PROPERTY(QVariantList finishedTimers READ finishedTimers NOTIFY finishedTimersChanged)

public:
    explicit ClockController(QObject *parent = nullptr);
    ~ClockController() override;

    QObject *store() const;
    void setStore(QObject *store);
    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    QDateTime now() const;
    QString localTimeText() const;
    QString localZoneText() const;
    QVariantList worldClocks() const { return m_worldClocks; }
    QVariantList alarms() const { return m_alarms; }
    QVariantList timers() const { return m_timers; }
    QString stopwatchText() const;
    bool stopwatchRunning() const;
    bool stopwatchStarted() const;
    QVariantList laps() const;
    QVariantList ringingAlarms() const;
    QVariantList finishedTimers() const { return m_finishedTimers; }

    // World clocks. {valid, time "HH:mm", dayText, offsetText, isDay, isDst}
    Q_INVOKABLE QVariantMap worldClockInfo(const QString &timezone, const QDateTime &now) const;
    // [{zoneId, city, country}] best first (TimeZoneSearch).
    Q_INVOKABLE QVariantList searchZones(const QString &text) const;
    Q_INVOKABLE QString addWorldClock(const QString &zoneId, const QString &cityName);
    Q_INVOKABLE bool moveWorldClock(const QString &id, int step); // -1 up, +1 down

    // Alarms. `values`: {time "HH:mm", label, repeatDays [0–6], snoozeMinutes}.
    Q_INVOKABLE QString addAlarm(const QVariantMap &values);
    Q_INVOKABLE bool updateAlarm(const QString &id, const QVariantMap &values);
    Q_INVOKABLE bool setAlarmEnabled(const QString &id, bool enabled);
    // "Weekdays", "Mon, Wed", "Once", … in the page's language.
    Q_INVOKABLE QString daysText(const QVariantList &repeatDays) const;
    // "In 7 h 12 min" for an enabled alarm; "" when off.
    Q_INVOKABLE QString nextRingText(const QString &alarmId, const QDateTime &now) const;
    // Short weekday names in display order, Monday first: [{day 0–6, name}].
    Q_INVOKABLE QVariantList weekdayChoices() const;
    Q_INVOKABLE void snoozeAlarm(const QString &alarmId);
    Q_INVOKABLE void dismissAlarm(const QString &alarmId);

    // Timers.
    Q_INVOKABLE QString addTimer(int durationSeconds, const QString &label);
    Q_INVOKABLE bool startTimer(const QString &id);
    Q_INVOKABLE bool pauseTimer(const QString &id);
    Q_INVOKABLE bool resetTimer(const QString &id);
    Q_INVOKABLE QString timerRemainingText(const QString &id, const QDateTime &now) const;
    // 0–1 of the duration left, for the ring around the time.
    Q_INVOKABLE double timerProgress(const QString &id, const QDateTime &now) const;
    Q_INVOKABLE QString durationText(int seconds) const;
    Q_INVOKABLE void dismissFinishedTimer(const QString &timerId);

    // Stopwatch (local only, docs/clock.md).
    Q_INVOKABLE void startOrPauseStopwatch();
    Q_INVOKABLE void resetStopwatch();
    Q_INVOKABLE void lapStopwatch();

    Q_INVOKABLE QString lastError() const { return m_error; }

signals:
    void storeChanged();
    void languageChanged();
    void nowChanged();
    void worldClocksChanged();
    void alarmsChanged();
    void timersChanged();
    void stopwatchChanged();
    void ringingChanged();
    void finishedTimersChanged();
    // An alarm rang while the page is open (it may show it).
    void alarmRang(const QString &alarmId, const QString &label);
    void errorOccurred(const QString &message);

private:
    Collection *collection(const char *name) const;
    bool fail(const QString &message);
    QJsonObject alarmFields(const QVariantMap &values);
    void connectServices();
    void refreshWorldClocks();
    void refreshAlarms();
    void refreshTimers();
    void planTick();
    QString hoursMinutesText(qint64 seconds) const;

    QPointer<LocalStore> m_store;
    QPointer<ClockServices> m_services;
    QString m_language = QStringLiteral("en");
    QString m_error;
    QTimer m_tick;
    QVariantList m_worldClocks;
    QVariantList m_alarms;
    QVariantList m_timers;
    QVariantList m_finishedTimers;
    mutable TimeZoneSearch *m_search = nullptr; // built on the first search
};

} // namespace mana::clock
