// Rings the alarms of the `alarms` collection. Like Todo's ReminderScheduler
// it follows the store: one timer for the nearest ring time, a re-plan on
// every change, and a wall-clock check every minute that notices a suspend
// or a clock jump (QTimer waits on the monotonic clock).
//
// Rules (docs/clock.md):
// - An enabled alarm rings at its ring times (alarmschedule.h: days, DST).
// - A one-time alarm is switched off (enabled = false) when it rang, before
//   `ringing` is emitted, so it never rings twice, not even on another device.
// - Missed, not rung late: the service remembers in a small local file
//   (statePath; not a synced field: "when did this device last look" is
//   about this device) the moment up to which it has checked. At start,
//   alarms whose ring time fell between then and now are emitted as
//   `missed`, never as `ringing`; an alarm due exactly now rings. The same
//   holds for a ring time more than kLateToleranceMs behind while running
//   (the machine slept through it). A missed one-time alarm is switched off
//   too. The first start of a profile (no file) reports nothing.
// - Snooze rings the alarm again snoozeMinutes (default 10) after the
//   snooze, dismiss ends the ringing. Snoozes are kept in the same state
//   file, so a snooze outlives a restart: it rings at its time if the app
//   runs then, and is reported as missed if the app was closed (or the
//   machine asleep for more than kLateToleranceMs) when it came due.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <functional>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::clock {

class AlarmService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    static constexpr int kDefaultSnoozeMinutes = 10;
    static constexpr qint64 kMaxWaitMs = 60 * 60 * 1000;
    static constexpr int kWallClockCheckMs = 60 * 1000;
    // A ring time further behind than this when noticed (suspend) is missed.
    static constexpr qint64 kLateToleranceMs = 10 * 60 * 1000;

    // `statePath`: the per-profile file holding the last check (QSettings INI).
    // `clock`: the current time; the system clock when null. `zone`: the
    // user's time zone, in which alarm times are read.
    AlarmService(LocalStore *store, const QString &statePath, Clock clock = nullptr,
                 const QTimeZone &zone = QTimeZone::systemTimeZone(), QObject *parent = nullptr);
    ~AlarmService() override;

    // Connects to `alarms`, reports the alarms missed while the app was
    // closed and rings those due now (synchronously: connect first), arms
    // the timer. False when the store has no clock collections.
    bool start();
    bool isStarted() const { return m_started; }

    // The nearest ring (or snooze) time; invalid when none is planned.
    QDateTime nextRingTime() const { return m_nextRing; }
    QTimeZone timeZone() const { return m_zone; }
    // Alarms ringing now (rung, not yet snoozed or dismissed), by id.
    QStringList ringingAlarms() const { return m_ringing.keys(); }
    QString ringingLabel(const QString &alarmId) const { return m_ringing.value(alarmId).label; }
    QDateTime ringingSince(const QString &alarmId) const
    {
        return m_ringing.value(alarmId).scheduledAt;
    }
    QDateTime snoozedUntil(const QString &alarmId) const { return m_snoozes.value(alarmId); }

    // Stops the ringing and rings again after the alarm's snoozeMinutes.
    bool snooze(const QString &alarmId);
    // Stops the ringing (and a pending snooze).
    bool dismiss(const QString &alarmId);

    // The moment up to which ring times are handled, as kept in statePath.
    QDateTime checkedUpTo() const { return m_checkedUpTo; }

public slots:
    // Rings what is due and re-plans (system resume, time zone change).
    void recheck();

signals:
    void ringing(const QString &alarmId, const QString &label, const QDateTime &scheduledAt);
    void missed(const QString &alarmId, const QString &label, const QDateTime &scheduledAt);
    // Snoozed or dismissed: sounds stop, banners close.
    void stoppedRinging(const QString &alarmId);
    void ringingChanged();

private:
    struct Ring
    {
        QString alarmId;
        QString label;
        QDateTime scheduledAt;
        bool missed = false;
    };

    QDateTime now() const;
    void scheduleReplan();
    void replan();
    // The alarms due in (from, upTo], recorded in `due`; one-time ones
    // switched off. `allMissed`: the window the app was closed for.
    void collectDue(const QDateTime &from, const QDateTime &upTo, bool allMissed, QList<Ring> &due);
    void emitDue(const QList<Ring> &due);
    QDateTime readCheckedUpTo() const;
    void writeCheckedUpTo(const QDateTime &time);
    void readSnoozes();
    void writeSnoozes() const;

    QPointer<LocalStore> m_store;
    QPointer<Collection> m_alarms;
    QString m_statePath;
    Clock m_clock;
    QTimeZone m_zone;
    bool m_started = false;
    bool m_replanQueued = false;
    QTimer m_timer;
    QTimer m_wallClockTimer;
    QDateTime m_nextRing;
    QDateTime m_checkedUpTo;
    // When an alarm was last edited: its earlier ring times in the window
    // do not ring (setting 07:00 at 07:00:30 means tomorrow).
    QHash<QString, QDateTime> m_editedAt;
    QHash<QString, QDateTime> m_snoozes; // alarm id → when it rings again
    QHash<QString, Ring> m_ringing;
};

} // namespace mana::clock
