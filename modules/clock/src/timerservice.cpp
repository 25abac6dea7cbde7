#include "timerservice.h"

#include "clocklog.h"
#include "localstore.h"
#include "timerstate.h"

#include <algorithm>
#include <utility>

namespace mana::clock {

using namespace timerstate;

TimerService::TimerService(LocalStore *store, Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TimerService::replan);
    m_wallClockTimer.setInterval(kWallClockCheckMs);
    m_wallClockTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_wallClockTimer, &QTimer::timeout, this, &TimerService::replan);
}

TimerService::~TimerService() = default;

QDateTime TimerService::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

bool TimerService::start()
{
    if (m_started)
        return true;
    m_timers =
        m_store ? m_store->collection(QStringLiteral("clock"), QStringLiteral("timers")) : nullptr;
    if (!m_timers) {
        qCWarning(lcClock) << "the store has no clock timers; timers are off";
        return false;
    }
    connect(m_timers, &Collection::changed, this, &TimerService::scheduleReplan);
    m_started = true;
    m_wallClockTimer.start();
    replan();
    return true;
}

void TimerService::recheck()
{
    replan();
}

void TimerService::scheduleReplan()
{
    if (m_replanQueued)
        return;
    m_replanQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { replan(); }, Qt::QueuedConnection);
}

void TimerService::replan()
{
    m_replanQueued = false;
    if (!m_started || !m_timers) {
        m_timer.stop();
        m_nextFinish = {};
        return;
    }
    const QDateTime current = now();
    QString error;
    const QList<QJsonObject> running = m_timers->query(
        Query().where(QStringLiteral("status"), Query::Op::Equal, QStringLiteral("running")),
        &error);
    if (!error.isEmpty())
        qCWarning(lcClock) << "reading timers failed:" << error;

    QList<std::pair<QString, QString>> finished; // id, label
    QDateTime next;
    for (const QJsonObject &timer : running) {
        const QString id = timer.value(QLatin1String("id")).toString();
        const QDateTime finishAt = finishTime(timer);
        if (!finishAt.isValid())
            continue;
        if (finishAt > current) {
            if (!next.isValid() || finishAt < next)
                next = finishAt;
            continue;
        }
        // Marked before told: a second device or a restart finds it finished.
        const WriteResult result = m_timers->update(id, finishFields());
        if (!result) {
            qCWarning(lcClock) << "cannot mark timer" << id << "finished:" << result.error;
            continue;
        }
        finished.append({id, timer.value(QLatin1String("label")).toString()});
    }
    m_nextFinish = next;
    if (next.isValid())
        m_timer.start(int(std::clamp<qint64>(current.msecsTo(next), 1, kMaxWaitMs)));
    else
        m_timer.stop();

    const QPointer<TimerService> self(this);
    for (const auto &[id, label] : std::as_const(finished)) {
        qCInfo(lcClock) << "timer" << id << "finished";
        emit timerFinished(id, label);
        if (!self)
            return;
    }
}

const char *timerErrorName(TimerError code)
{
    switch (code) {
    case TimerError::None:
        return "None";
    case TimerError::NotAvailable:
        return "NotAvailable";
    case TimerError::DurationOutOfRange:
        return "DurationOutOfRange";
    case TimerError::StoreRefused:
        return "StoreRefused";
    }
    return "?";
}

QString TimerService::addTimer(int durationSeconds, const QString &label, TimerErrorInfo *error)
{
    const auto refuse = [&](TimerError code, const StoreErrorInfo &store = {}) {
        qCWarning(lcClock) << "timer not added:" << timerErrorName(code) << store.detail;
        if (error)
            *error = {code, store};
        return QString();
    };
    if (error)
        *error = {};
    if (!m_timers)
        return refuse(TimerError::NotAvailable);
    if (durationSeconds < kMinDurationSeconds || durationSeconds > kMaxDurationSeconds)
        return refuse(TimerError::DurationOutOfRange);
    QJsonObject fields{{QStringLiteral("durationSeconds"), durationSeconds},
                       {QStringLiteral("remainingSeconds"), durationSeconds},
                       {QStringLiteral("status"), QStringLiteral("idle")}};
    if (!label.trimmed().isEmpty())
        fields.insert(QStringLiteral("label"), label.trimmed());
    const WriteResult result = m_timers->insert(fields);
    if (!result)
        return refuse(TimerError::StoreRefused, result.failure);
    return result.id;
}

bool TimerService::apply(
    const QString &timerId,
    const std::function<QJsonObject(const QJsonObject &, const QDateTime &)> &action)
{
    if (!m_timers)
        return false;
    const auto timer = m_timers->get(timerId);
    if (!timer)
        return false;
    const QJsonObject fields = action(*timer, now());
    if (fields.isEmpty())
        return false;
    const WriteResult result = m_timers->update(timerId, fields);
    if (!result) {
        qCWarning(lcClock) << "timer" << timerId << "not changed:" << result.error;
        return false;
    }
    replan(); // at once: the page reads nextFinishTime right after
    return true;
}

bool TimerService::startTimer(const QString &timerId)
{
    return apply(timerId, startFields);
}

bool TimerService::pauseTimer(const QString &timerId)
{
    return apply(timerId, pauseFields);
}

bool TimerService::resumeTimer(const QString &timerId)
{
    return apply(timerId, resumeFields);
}

bool TimerService::resetTimer(const QString &timerId)
{
    return apply(timerId,
                 [](const QJsonObject &timer, const QDateTime &) { return resetFields(timer); });
}

qint64 TimerService::remainingMs(const QString &timerId) const
{
    const auto timer = m_timers ? m_timers->get(timerId) : std::nullopt;
    return timer ? timerstate::remainingMs(*timer, now()) : 0;
}

} // namespace mana::clock
