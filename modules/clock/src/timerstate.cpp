#include "timerstate.h"

#include <algorithm>

namespace mana::clock::timerstate {

namespace {

const QString kStatus = QStringLiteral("status");
const QString kRemaining = QStringLiteral("remainingSeconds");
const QString kStartedAt = QStringLiteral("startedAt");
const QString kPausedAt = QStringLiteral("pausedAt");

qint64 storedRemainingMs(const QJsonObject &timer)
{
    const QJsonValue value = timer.value(kRemaining);
    const qint64 duration = durationMs(timer);
    if (!value.isDouble())
        return duration;
    return std::clamp<qint64>(qint64(value.toDouble()) * 1000, 0, duration);
}

} // namespace

QDateTime timestampFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString timestampToJson(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Status statusOf(const QJsonObject &timer)
{
    const QString status = timer.value(kStatus).toString();
    if (status == QLatin1String("running"))
        return Status::Running;
    if (status == QLatin1String("paused"))
        return Status::Paused;
    if (status == QLatin1String("finished"))
        return Status::Finished;
    return Status::Idle; // the manifest's default
}

QString statusName(Status status)
{
    switch (status) {
    case Status::Running:
        return QStringLiteral("running");
    case Status::Paused:
        return QStringLiteral("paused");
    case Status::Finished:
        return QStringLiteral("finished");
    case Status::Idle:
        break;
    }
    return QStringLiteral("idle");
}

qint64 durationMs(const QJsonObject &timer)
{
    return std::max<qint64>(0, qint64(timer.value(QLatin1String("durationSeconds")).toDouble(0))) *
           1000;
}

QDateTime finishTime(const QJsonObject &timer)
{
    if (statusOf(timer) != Status::Running)
        return {};
    const QDateTime startedAt = timestampFromJson(timer.value(kStartedAt));
    // A running timer without a start (a broken sync) is treated as just
    // started rather than as finished long ago.
    return startedAt.isValid() ? startedAt.addMSecs(storedRemainingMs(timer)) : QDateTime();
}

qint64 remainingMs(const QJsonObject &timer, const QDateTime &now)
{
    switch (statusOf(timer)) {
    case Status::Idle:
        return durationMs(timer);
    case Status::Paused:
        return storedRemainingMs(timer);
    case Status::Finished:
        return 0;
    case Status::Running:
        break;
    }
    const QDateTime finish = finishTime(timer);
    if (!finish.isValid())
        return storedRemainingMs(timer);
    return std::clamp<qint64>(now.msecsTo(finish), 0, durationMs(timer));
}

QJsonObject startFields(const QJsonObject &timer, const QDateTime &now)
{
    const Status status = statusOf(timer);
    if (status == Status::Paused)
        return resumeFields(timer, now);
    if (status == Status::Running || durationMs(timer) <= 0)
        return {};
    return {{kStatus, statusName(Status::Running)},
            {kStartedAt, timestampToJson(now)},
            {kPausedAt, QJsonValue::Null},
            {kRemaining, int(durationMs(timer) / 1000)}};
}

QJsonObject pauseFields(const QJsonObject &timer, const QDateTime &now)
{
    if (statusOf(timer) != Status::Running)
        return {};
    // Whole seconds, rounded up: the paused timer shows what the running one
    // showed, and a resumed one never ends earlier than the user saw.
    const qint64 remaining = remainingMs(timer, now);
    return {{kStatus, statusName(Status::Paused)},
            {kPausedAt, timestampToJson(now)},
            {kRemaining, int((remaining + 999) / 1000)}};
}

QJsonObject resumeFields(const QJsonObject &timer, const QDateTime &now)
{
    if (statusOf(timer) != Status::Paused)
        return {};
    return {{kStatus, statusName(Status::Running)},
            {kStartedAt, timestampToJson(now)},
            {kPausedAt, QJsonValue::Null},
            {kRemaining, int(storedRemainingMs(timer) / 1000)}};
}

QJsonObject resetFields(const QJsonObject &timer)
{
    if (statusOf(timer) == Status::Idle && !timer.value(kStartedAt).isString() &&
        storedRemainingMs(timer) == durationMs(timer))
        return {};
    return {{kStatus, statusName(Status::Idle)},
            {kStartedAt, QJsonValue::Null},
            {kPausedAt, QJsonValue::Null},
            {kRemaining, int(durationMs(timer) / 1000)}};
}

QJsonObject finishFields()
{
    return {
        {kStatus, statusName(Status::Finished)}, {kPausedAt, QJsonValue::Null}, {kRemaining, 0}};
}

QString formatRemaining(qint64 ms)
{
    const qint64 seconds = (std::max<qint64>(0, ms) + 999) / 1000;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const qint64 rest = seconds % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(rest, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
}

} // namespace mana::clock::timerstate
