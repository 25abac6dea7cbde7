// A countdown timer as a `timers` record, so it survives a restart and syncs:
//
// | status   | fields                                   | remaining                              |
// |----------|------------------------------------------|----------------------------------------|
// | idle     | durationSeconds                          | durationSeconds                        |
// | running  | startedAt, remainingSeconds (at startedAt)| remainingSeconds − (now − startedAt)  |
// | paused   | pausedAt, remainingSeconds (at pausedAt) | remainingSeconds                       |
// | finished | remainingSeconds 0                       | 0                                      |
//
// Nothing ticks in the store: a running timer is one startedAt and the
// remaining time it started with, so any device (or the app after a restart)
// computes the same moment it ends. Resume writes a new startedAt with the
// paused remainder. The actions return the fields to write (one update).
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mana::clock {

namespace timerstate {

enum class Status { Idle, Running, Paused, Finished };

Status statusOf(const QJsonObject &timer);
QString statusName(Status status);
qint64 durationMs(const QJsonObject &timer);
// Never negative; at most the duration.
qint64 remainingMs(const QJsonObject &timer, const QDateTime &now);
// When a running timer reaches zero; invalid for any other status.
QDateTime finishTime(const QJsonObject &timer);

// The fields each action writes; empty when the action does not apply to
// the timer's status (start of a running timer, pause of a paused one, …).
QJsonObject startFields(const QJsonObject &timer, const QDateTime &now);  // idle, finished
QJsonObject pauseFields(const QJsonObject &timer, const QDateTime &now);  // running
QJsonObject resumeFields(const QJsonObject &timer, const QDateTime &now); // paused
QJsonObject resetFields(const QJsonObject &timer);                        // any but idle
QJsonObject finishFields();

// "4:05", "1:02:03": whole seconds rounded up, so a timer shows 0:00 only
// when it has finished.
QString formatRemaining(qint64 ms);

QDateTime timestampFromJson(const QJsonValue &value);
QString timestampToJson(const QDateTime &time);

} // namespace timerstate

} // namespace mana::clock
