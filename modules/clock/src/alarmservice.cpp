#include "alarmservice.h"

#include "alarmschedule.h"
#include "clocklog.h"
#include "localstore.h"

#include <QSettings>
#include <algorithm>
#include <utility>

namespace mana::clock {

namespace {

const QString kCheckedKey = QStringLiteral("alarms/checkedUpTo");
const QString kSnoozesKey = QStringLiteral("alarms/snoozes"); // alarm id → ISO time

QString idOf(const QJsonObject &record)
{
    return record.value(QLatin1String("id")).toString();
}

QString labelOf(const QJsonObject &alarm)
{
    return alarm.value(QLatin1String("label")).toString();
}

int snoozeMinutesOf(const QJsonObject &alarm)
{
    const int minutes = int(alarm.value(QLatin1String("snoozeMinutes")).toDouble(0));
    return minutes >= 1 && minutes <= 60 ? minutes : AlarmService::kDefaultSnoozeMinutes;
}

} // namespace

AlarmService::AlarmService(LocalStore *store, const QString &statePath, Clock clock,
                           const QTimeZone &zone, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_statePath(statePath)
    , m_clock(std::move(clock))
    , m_zone(zone.isValid() ? zone : QTimeZone::systemTimeZone())
{
    // An alarm one minute late is a late alarm: no coarse timer.
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &AlarmService::replan);
    m_wallClockTimer.setInterval(kWallClockCheckMs);
    m_wallClockTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_wallClockTimer, &QTimer::timeout, this, &AlarmService::replan);
}

AlarmService::~AlarmService() = default;

QDateTime AlarmService::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QDateTime AlarmService::readCheckedUpTo() const
{
    if (m_statePath.isEmpty())
        return {};
    const QSettings state(m_statePath, QSettings::IniFormat);
    return QDateTime::fromString(state.value(kCheckedKey).toString(), Qt::ISODateWithMs).toUTC();
}

void AlarmService::writeCheckedUpTo(const QDateTime &time)
{
    m_checkedUpTo = time;
    if (m_statePath.isEmpty())
        return;
    QSettings state(m_statePath, QSettings::IniFormat);
    state.setValue(kCheckedKey, time.toUTC().toString(Qt::ISODateWithMs));
    state.sync();
    if (state.status() != QSettings::NoError)
        qCWarning(lcClock) << "cannot write the alarm state" << m_statePath
                           << "- alarms missed while closed may not be reported";
}

void AlarmService::readSnoozes()
{
    m_snoozes.clear();
    if (m_statePath.isEmpty())
        return;
    const QSettings state(m_statePath, QSettings::IniFormat);
    const QVariantMap stored = state.value(kSnoozesKey).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QDateTime until =
            QDateTime::fromString(it.value().toString(), Qt::ISODateWithMs).toUTC();
        if (until.isValid())
            m_snoozes.insert(it.key(), until);
        else
            qCWarning(lcClock) << "ignoring an unreadable snooze of alarm" << it.key();
    }
}

void AlarmService::writeSnoozes() const
{
    if (m_statePath.isEmpty())
        return;
    QVariantMap stored;
    for (auto it = m_snoozes.cbegin(); it != m_snoozes.cend(); ++it)
        stored.insert(it.key(), it.value().toString(Qt::ISODateWithMs));
    QSettings state(m_statePath, QSettings::IniFormat);
    if (stored.isEmpty())
        state.remove(kSnoozesKey);
    else
        state.setValue(kSnoozesKey, stored);
    state.sync();
    if (state.status() != QSettings::NoError)
        qCWarning(lcClock) << "cannot write the alarm state" << m_statePath
                           << "- a snooze may not outlive a restart";
}

bool AlarmService::start()
{
    if (m_started)
        return true;
    m_alarms =
        m_store ? m_store->collection(QStringLiteral("clock"), QStringLiteral("alarms")) : nullptr;
    if (!m_alarms) {
        qCWarning(lcClock) << "the store has no clock alarms; alarms are off";
        return false;
    }
    connect(m_alarms, &Collection::changed, this, [this](const QStringList &ids) {
        const QDateTime at = now();
        for (const QString &id : ids)
            m_editedAt.insert(id, at);
        scheduleReplan();
    });
    m_started = true;

    // Everything between the last check of an earlier run and now was missed
    // (the app was closed); "now" itself is left to replan, so an alarm due
    // this very moment rings.
    const QDateTime current = now();
    const QDateTime lastChecked = readCheckedUpTo();
    QList<Ring> due;
    if (lastChecked.isValid() && lastChecked < current)
        collectDue(lastChecked, current.addMSecs(-1), true, due);
    // A snooze that came due while the app was closed is missed like an
    // alarm; one due now or later rings in replan.
    readSnoozes();
    bool snoozesChanged = false;
    for (auto it = m_snoozes.begin(); it != m_snoozes.end();) {
        if (it.value() >= current) {
            ++it;
            continue;
        }
        if (const auto alarm = m_alarms->get(it.key()))
            due.append({it.key(), labelOf(*alarm), it.value(), true});
        it = m_snoozes.erase(it);
        snoozesChanged = true;
    }
    if (snoozesChanged)
        writeSnoozes();
    m_checkedUpTo = current.addMSecs(-1);
    m_wallClockTimer.start();
    emitDue(due);
    replan();
    return true;
}

void AlarmService::recheck()
{
    replan();
}

void AlarmService::scheduleReplan()
{
    // Changes arrive from inside Collection writes, our own included.
    if (m_replanQueued)
        return;
    m_replanQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { replan(); }, Qt::QueuedConnection);
}

void AlarmService::collectDue(const QDateTime &from, const QDateTime &upTo, bool allMissed,
                              QList<Ring> &due)
{
    QString error;
    const QList<QJsonObject> alarms =
        m_alarms->query(Query().where(QStringLiteral("enabled"), Query::Op::Equal, true), &error);
    if (!error.isEmpty())
        qCWarning(lcClock) << "reading alarms failed:" << error;
    for (const QJsonObject &alarm : alarms) {
        const QString id = idOf(alarm);
        const QDateTime editedAt = m_editedAt.value(id);
        const QDateTime windowStart = editedAt.isValid() ? std::max(from, editedAt) : from;
        const AlarmRule rule = AlarmRule::fromRecord(alarm);
        const QDateTime ringAt = latestRingTimeIn(rule, windowStart, upTo, m_zone);
        if (!ringAt.isValid())
            continue;
        const bool missed = allMissed || ringAt.msecsTo(upTo) > kLateToleranceMs;
        if (!rule.repeats()) {
            // Before telling anyone: a crash afterwards loses one ring
            // rather than repeating it on every start.
            const WriteResult result = m_alarms->update(id, {{QStringLiteral("enabled"), false}});
            if (!result) {
                qCWarning(lcClock) << "cannot switch off one-time alarm" << id
                                   << ", not ringing it:" << result.error;
                continue;
            }
        }
        due.append({id, labelOf(alarm), ringAt, missed});
    }
}

void AlarmService::replan()
{
    m_replanQueued = false;
    if (!m_started || !m_alarms) {
        m_timer.stop();
        m_nextRing = {};
        return;
    }
    const QDateTime current = now();
    QList<Ring> due;
    if (current > m_checkedUpTo)
        collectDue(m_checkedUpTo, current, false, due);

    // Snoozes due now (missed when slept through); a snooze of a deleted
    // alarm is dropped.
    bool snoozesChanged = false;
    for (auto it = m_snoozes.begin(); it != m_snoozes.end();) {
        if (it.value() > current) {
            ++it;
            continue;
        }
        const auto alarm = m_alarms->get(it.key());
        if (alarm)
            due.append({it.key(), labelOf(*alarm), it.value(),
                        it.value().msecsTo(current) > kLateToleranceMs});
        it = m_snoozes.erase(it);
        snoozesChanged = true;
    }
    if (snoozesChanged)
        writeSnoozes();
    if (current > m_checkedUpTo)
        writeCheckedUpTo(current);
    m_editedAt.clear(); // their windows start after this check anyway

    QDateTime next;
    QString error;
    const QList<QJsonObject> alarms =
        m_alarms->query(Query().where(QStringLiteral("enabled"), Query::Op::Equal, true), &error);
    for (const QJsonObject &alarm : alarms) {
        const QDateTime ringAt =
            clock::nextRingTime(AlarmRule::fromRecord(alarm), current.addMSecs(1), m_zone);
        if (ringAt.isValid() && (!next.isValid() || ringAt < next))
            next = ringAt;
    }
    for (const QDateTime &until : std::as_const(m_snoozes)) {
        if (!next.isValid() || until < next)
            next = until;
    }
    m_nextRing = next;
    if (next.isValid()) {
        m_timer.start(int(std::clamp<qint64>(current.msecsTo(next), 1, kMaxWaitMs)));
        qCDebug(lcClock) << "next alarm at" << next;
    } else {
        m_timer.stop();
    }
    emitDue(due); // last: a slot may write to the store or delete us
}

void AlarmService::emitDue(const QList<Ring> &due)
{
    if (due.isEmpty())
        return;
    QList<Ring> sorted = due;
    std::sort(sorted.begin(), sorted.end(), [](const Ring &a, const Ring &b) {
        return a.scheduledAt != b.scheduledAt ? a.scheduledAt < b.scheduledAt
                                              : a.alarmId < b.alarmId;
    });
    for (const Ring &ring : std::as_const(sorted)) {
        if (!ring.missed)
            m_ringing.insert(ring.alarmId, ring);
    }
    const QPointer<AlarmService> self(this);
    for (const Ring &ring : std::as_const(sorted)) {
        if (ring.missed) {
            qCInfo(lcClock) << "alarm" << ring.alarmId << "of" << ring.scheduledAt << "was missed";
            emit missed(ring.alarmId, ring.label, ring.scheduledAt);
        } else {
            qCInfo(lcClock) << "alarm" << ring.alarmId << "rings for" << ring.scheduledAt;
            emit ringing(ring.alarmId, ring.label, ring.scheduledAt);
        }
        if (!self)
            return;
    }
    emit ringingChanged();
}

bool AlarmService::snooze(const QString &alarmId)
{
    if (!m_alarms)
        return false;
    const auto alarm = m_alarms->get(alarmId);
    if (!alarm)
        return false;
    m_ringing.remove(alarmId);
    m_snoozes.insert(alarmId, now().addSecs(qint64(snoozeMinutesOf(*alarm)) * 60));
    writeSnoozes();
    qCInfo(lcClock) << "alarm" << alarmId << "snoozed until" << m_snoozes.value(alarmId);
    replan();
    emit stoppedRinging(alarmId);
    emit ringingChanged();
    return true;
}

bool AlarmService::dismiss(const QString &alarmId)
{
    const bool wasRinging = m_ringing.remove(alarmId) > 0;
    const bool wasSnoozed = m_snoozes.remove(alarmId) > 0;
    if (!wasRinging && !wasSnoozed)
        return false;
    if (wasSnoozed)
        writeSnoozes();
    replan();
    emit stoppedRinging(alarmId);
    emit ringingChanged();
    return true;
}

} // namespace mana::clock
