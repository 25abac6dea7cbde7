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

#include "clocktypes.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::clock {

class ClockServices;
class TimeZoneSearch;
struct TimerErrorInfo;

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
    // Mon … Sun in the page's language (a property: the dialog follows a
    // language switch).
    Q_PROPERTY(
        QList<mana::clock::WeekdayChoice> weekdayChoices READ weekdayChoices NOTIFY languageChanged)
    // By sortOrder.
    Q_PROPERTY(
        QList<mana::clock::WorldClockEntry> worldClocks READ worldClocks NOTIFY worldClocksChanged)
    // By time.
    Q_PROPERTY(QList<mana::clock::AlarmEntry> alarms READ alarms NOTIFY alarmsChanged)
    // By creation.
    Q_PROPERTY(QList<mana::clock::TimerEntry> timers READ timers NOTIFY timersChanged)
    Q_PROPERTY(QString stopwatchText READ stopwatchText NOTIFY stopwatchChanged)
    Q_PROPERTY(bool stopwatchRunning READ stopwatchRunning NOTIFY stopwatchChanged)
    Q_PROPERTY(bool stopwatchStarted READ stopwatchStarted NOTIFY stopwatchChanged)
    // Newest first.
    Q_PROPERTY(QList<mana::clock::LapEntry> laps READ laps NOTIFY stopwatchChanged)
    // Alarms ringing now (banner: Snooze, Dismiss).
    Q_PROPERTY(
        QList<mana::clock::RingingAlarm> ringingAlarms READ ringingAlarms NOTIFY ringingChanged)
    // Timers that finished since the page looked.
    Q_PROPERTY(QList<mana::clock::FinishedTimer> finishedTimers READ finishedTimers NOTIFY
                   finishedTimersChanged)

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
    QList<WorldClockEntry> worldClocks() const { return m_worldClocks; }
    QList<AlarmEntry> alarms() const { return m_alarms; }
    QList<TimerEntry> timers() const { return m_timers; }
    QString stopwatchText() const;
    bool stopwatchRunning() const;
    bool stopwatchStarted() const;
    QList<LapEntry> laps() const;
    QList<RingingAlarm> ringingAlarms() const;
    QList<FinishedTimer> finishedTimers() const { return m_finishedTimers; }

    // World clocks.
    Q_INVOKABLE mana::clock::WorldClockDisplay worldClockInfo(const QString &timezone,
                                                              const QDateTime &now) const;
    // Best first (TimeZoneSearch).
    Q_INVOKABLE QList<mana::clock::ZoneMatch> searchZones(const QString &text) const;
    Q_INVOKABLE QString addWorldClock(const QString &zoneId, const QString &cityName);
    Q_INVOKABLE bool moveWorldClock(const QString &id, int step); // -1 up, +1 down

    // Alarms. A new alarm's draft: the next full hour, once, snooze 10 min.
    Q_INVOKABLE mana::clock::AlarmDraft newAlarmDraft() const;
    // The alarm `id` as the dialog edits it; a draft with an empty id when
    // there is no such alarm.
    Q_INVOKABLE mana::clock::AlarmDraft alarmDraftOf(const QString &id) const;
    // Writes every field of the draft (and switches the alarm on); refuses
    // a time outside 00:00–23:59 (lastError). The draft's id is ignored.
    Q_INVOKABLE QString addAlarm(const mana::clock::AlarmDraft &draft);
    Q_INVOKABLE bool updateAlarm(const QString &id, const mana::clock::AlarmDraft &draft);
    Q_INVOKABLE bool setAlarmEnabled(const QString &id, bool enabled);
    // "Weekdays", "Mon, Wed", "Once", … in the page's language.
    Q_INVOKABLE QString daysText(const QList<int> &repeatDays) const;
    // When an enabled alarm rings next, from `now` ("in 7 h 12 min",
    // "tomorrow", "on Saturday"); "" when off.
    Q_INVOKABLE QString nextRingText(const QString &alarmId, const QDateTime &now) const;
    // Short weekday names in display order, Monday first.
    QList<mana::clock::WeekdayChoice> weekdayChoices() const;
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
    // The sentence for TimerService's code, in the page's language.
    QString timerErrorText(const TimerErrorInfo &error) const;
    // The record fields of a draft; empty (and fail) for an invalid time.
    QJsonObject alarmFields(const AlarmDraft &draft);
    void connectServices();
    void refreshWorldClocks();
    void refreshAlarms();
    void refreshTimers();
    void planTick();
    // "in 7 h 12 min", "tomorrow", "on Saturday", "next Monday".
    QString ringDistanceText(const QDateTime &now, const QDateTime &next) const;

    QPointer<LocalStore> m_store;
    QPointer<ClockServices> m_services;
    QString m_language = QStringLiteral("en");
    QString m_error;
    QTimer m_tick;
    QList<WorldClockEntry> m_worldClocks;
    QList<AlarmEntry> m_alarms;
    QList<TimerEntry> m_timers;
    QList<FinishedTimer> m_finishedTimers;
    // The records behind the lists, by id: ring and remaining times.
    QHash<QString, QJsonObject> m_alarmRecords;
    QHash<QString, QJsonObject> m_timerRecords;
    mutable TimeZoneSearch *m_search = nullptr; // built on the first search
};

} // namespace mana::clock
