// The values ClockController hands to QML and takes back: small value types
// (Q_GADGET, QML_VALUE_TYPE in ManaClock) instead of maps, so a misspelt
// field is an error, not an undefined, and the types say what each holds.
// QML reads them like objects (`entry.label`); a list of them is a JS
// sequence (`length`, `[i]`, `find`, a Repeater's `modelData`).
//
// An enum-typed property of a value type is declared as int (the member
// keeps the enum): Qt 6.4's compiled bindings read such a property as 0 and
// throw "TypeError: Type error" (enum properties of QObjects and enum
// arguments of invokables are fine).
//
// Qt 6.4 cannot make a value type from a JS object literal (6.5 can), so a
// draft comes from the controller (`newAlarmDraft()`, `alarmDraftOf(id)`);
// QML sets its properties, in a `let` or a typed property (`property
// alarmDraft draft`: bindings on its fields follow), and passes it back.
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace mana::clock {

// A timer's status (the `status` of a `timers` record, timerstate.h) as
// QML compares it: `entry.status === TimerState.Running`.
namespace TimerState {
Q_NAMESPACE
QML_ELEMENT
enum Value { Idle, Running, Paused, Finished };
Q_ENUM_NS(Value)
} // namespace TimerState

// What a world clock's row shows for its zone at a moment
// (ClockController::worldClockInfo).
struct WorldClockDisplay
{
    Q_GADGET
    QML_VALUE_TYPE(worldClockDisplay)
    Q_PROPERTY(bool valid MEMBER valid)              // false: the zone is unknown here
    Q_PROPERTY(QString time MEMBER time)             // "HH:mm" there
    Q_PROPERTY(QString dayText MEMBER dayText)       // "Today", "Tomorrow", "Yesterday"
    Q_PROPERTY(QString offsetText MEMBER offsetText) // "+8 h", "same time"
    Q_PROPERTY(bool isDay MEMBER isDay)              // 06:00–18:00 there
    Q_PROPERTY(bool isDst MEMBER isDst)              // summer time there

public:
    bool valid = false;
    QString time;
    QString dayText;
    QString offsetText;
    bool isDay = false;
    bool isDst = false;

    bool operator==(const WorldClockDisplay &) const = default;
};

// One `worldClocks` record, in the list's order.
struct WorldClockEntry
{
    Q_GADGET
    QML_VALUE_TYPE(worldClockEntry)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString timezone MEMBER timezone) // IANA id
    Q_PROPERTY(QString cityName MEMBER cityName)
    Q_PROPERTY(double sortOrder MEMBER sortOrder)

public:
    QString id;
    QString timezone;
    QString cityName;
    double sortOrder = 0;

    bool operator==(const WorldClockEntry &) const = default;
};

// An alarm as the dialog edits it: what addAlarm and updateAlarm write.
// Saving switches the alarm on, so `enabled` is not part of it.
struct AlarmDraft
{
    Q_GADGET
    QML_VALUE_TYPE(alarmDraft)
    Q_PROPERTY(QString id MEMBER id)                    // "" for a new alarm
    Q_PROPERTY(int hour MEMBER hour)                    // 0–23, local wall-clock time
    Q_PROPERTY(int minute MEMBER minute)                // 0–59
    Q_PROPERTY(QList<int> repeatDays MEMBER repeatDays) // 0 = Sunday … 6; empty: once
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(int snoozeMinutes MEMBER snoozeMinutes) // 1–60

public:
    QString id;
    int hour = 0;
    int minute = 0;
    QList<int> repeatDays;
    QString label;
    int snoozeMinutes = 10;

    bool operator==(const AlarmDraft &) const = default;
};

// One alarm in the list (by time).
struct AlarmEntry
{
    Q_GADGET
    QML_VALUE_TYPE(alarmEntry)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString time MEMBER time) // "HH:mm"
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(bool enabled MEMBER enabled)
    Q_PROPERTY(QList<int> repeatDays MEMBER repeatDays)
    Q_PROPERTY(int snoozeMinutes MEMBER snoozeMinutes)
    Q_PROPERTY(QString daysText MEMBER daysText) // "Weekdays", "Mon, Wed", "Once"

public:
    QString id;
    QString time;
    QString label;
    bool enabled = true;
    QList<int> repeatDays;
    int snoozeMinutes = 10;
    QString daysText;

    bool operator==(const AlarmEntry &) const = default;
};

// One timer in the list (by creation). The time left comes from
// ClockController::timerRemainingText, which takes `now`.
struct TimerEntry
{
    Q_GADGET
    QML_VALUE_TYPE(timerEntry)
    Q_PROPERTY(QString id MEMBER id)
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(int durationSeconds MEMBER durationSeconds)
    Q_PROPERTY(int status READ statusValue WRITE setStatusValue) // TimerState

public:
    int statusValue() const { return status; }
    void setStatusValue(int value) { status = TimerState::Value(value); }

    QString id;
    QString label;
    int durationSeconds = 0;
    TimerState::Value status = TimerState::Idle;

    bool operator==(const TimerEntry &) const = default;
};

// One stopwatch lap (the list is newest first).
struct LapEntry
{
    Q_GADGET
    QML_VALUE_TYPE(lapEntry)
    Q_PROPERTY(int number MEMBER number)
    Q_PROPERTY(QString lapText MEMBER lapText)
    Q_PROPERTY(QString totalText MEMBER totalText)

public:
    int number = 0;
    QString lapText;
    QString totalText;

    bool operator==(const LapEntry &) const = default;
};

// An alarm ringing now (the banner: Snooze, Dismiss).
struct RingingAlarm
{
    Q_GADGET
    QML_VALUE_TYPE(ringingAlarm)
    Q_PROPERTY(QString alarmId MEMBER alarmId)
    Q_PROPERTY(QString label MEMBER label)
    Q_PROPERTY(QString timeText MEMBER timeText) // "HH:mm" it began ringing

public:
    QString alarmId;
    QString label;
    QString timeText;

    bool operator==(const RingingAlarm &) const = default;
};

// A timer that finished since the page looked (the banner: OK).
struct FinishedTimer
{
    Q_GADGET
    QML_VALUE_TYPE(finishedTimer)
    Q_PROPERTY(QString timerId MEMBER timerId)
    Q_PROPERTY(QString label MEMBER label)

public:
    QString timerId;
    QString label;

    bool operator==(const FinishedTimer &) const = default;
};

// A city of the time-zone search, best first.
struct ZoneMatch
{
    Q_GADGET
    QML_VALUE_TYPE(zoneMatch)
    Q_PROPERTY(QString zoneId MEMBER zoneId)
    Q_PROPERTY(QString city MEMBER city)
    Q_PROPERTY(QString country MEMBER country)

public:
    QString zoneId;
    QString city;
    QString country;

    bool operator==(const ZoneMatch &) const = default;
};

// A weekday button of the alarm dialog, Monday first.
struct WeekdayChoice
{
    Q_GADGET
    QML_VALUE_TYPE(weekdayChoice)
    Q_PROPERTY(int day MEMBER day) // 0 = Sunday … 6
    Q_PROPERTY(QString name MEMBER name)

public:
    int day = 0;
    QString name;

    bool operator==(const WeekdayChoice &) const = default;
};

} // namespace mana::clock
