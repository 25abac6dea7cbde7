#include "reminderscheduler.h"

#include <QHash>
#include <algorithm>
#include <utility>

namespace mana {

ReminderScheduler::ReminderScheduler(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
{
    // A one-hour wait on a coarse timer could be three minutes late.
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReminderScheduler::replan);

    m_wallClockTimer.setInterval(kWallClockCheckMs);
    m_wallClockTimer.setTimerType(Qt::CoarseTimer);
    connect(&m_wallClockTimer, &QTimer::timeout, this, &ReminderScheduler::onWallClockCheck);
}

ReminderScheduler::~ReminderScheduler() = default;

QDateTime ReminderScheduler::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

int ReminderScheduler::timerInterval(const QDateTime &now, const QDateTime &fireAt)
{
    // Store timestamps have millisecond precision, so msecsTo is exact.
    return int(std::clamp<qint64>(now.msecsTo(fireAt), 1, kMaxWaitMs));
}

ReminderScheduler::Registered *ReminderScheduler::registered(const ReminderSource *source)
{
    for (Registered &entry : m_sources) {
        if (entry.source == source)
            return &entry;
    }
    return nullptr;
}

void ReminderScheduler::addSource(ReminderSource *source)
{
    if (!source || registered(source))
        return;
    m_sources.append({source, {}, true});
    connect(source, &ReminderSource::changed, this, &ReminderScheduler::onSourceChanged);
    // A source destroyed while registered is a null QPointer; planning drops
    // it, which takes its reminders off the timer.
    connect(source, &QObject::destroyed, this, &ReminderScheduler::scheduleReplan);
    qCDebug(lcReminders) << "source" << source->name() << "added";
    if (m_started)
        plan();
}

void ReminderScheduler::removeSource(ReminderSource *source)
{
    const qsizetype removed = m_sources.removeIf(
        [source](const Registered &entry) { return source && entry.source == source; });
    if (!removed)
        return;
    disconnect(source, nullptr, this, nullptr);
    if (m_started)
        plan();
}

QList<ReminderSource *> ReminderScheduler::sources() const
{
    QList<ReminderSource *> result;
    for (const Registered &entry : m_sources) {
        if (entry.source)
            result.append(entry.source);
    }
    return result;
}

void ReminderScheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    m_wallClockTimer.start();
    replan();
}

void ReminderScheduler::recheck()
{
    replan();
}

void ReminderScheduler::onSourceChanged()
{
    if (Registered *entry = registered(qobject_cast<ReminderSource *>(sender())))
        entry->stale = true;
    scheduleReplan();
}

void ReminderScheduler::scheduleReplan()
{
    // Changes arrive synchronously from inside the sources' writes,
    // including their own delivery marks; planning later keeps this out of
    // their call stack and plans once for a burst of changes.
    if (m_replanQueued)
        return;
    m_replanQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { plan(); }, Qt::QueuedConnection);
}

void ReminderScheduler::onWallClockCheck()
{
    // QTimer waits on the monotonic clock, which stops while the machine
    // sleeps; the wall clock does not. Besides a due fire time, a plan older
    // than a timer wait (asleep for hours: the sources' look-ahead window is
    // stale) or a clock set back is planned again.
    const QDateTime current = now();
    if ((m_nextFire.isValid() && current >= m_nextFire) || current < m_askedAllAt ||
        m_askedAllAt.msecsTo(current) > kMaxWaitMs + kWallClockCheckMs)
        replan();
}

void ReminderScheduler::replan()
{
    for (Registered &entry : m_sources)
        entry.stale = true;
    plan();
}

void ReminderScheduler::plan()
{
    m_replanQueued = false;
    m_sources.removeIf([](const Registered &entry) { return !entry.source; });
    if (!m_started) {
        m_timer.stop();
        m_nextFire = {};
        m_nextCheck = {};
        return;
    }
    const QDateTime current = now();
    const QDateTime from = current.addMSecs(-kMissedWindowMs);
    const QDateTime until = current.addMSecs(kLookAheadMs);

    // A cached answer holding a reminder that has come due is asked again:
    // what is shown comes from a fresh answer (the source's current data,
    // its text in the language of the moment).
    for (Registered &entry : m_sources) {
        if (std::any_of(entry.answer.cbegin(), entry.answer.cend(),
                        [&current](const Reminder &r) { return r.fireAt <= current; }))
            entry.stale = true;
    }
    // Ask the stale sources. The list is looked up again after each call:
    // a source may add or remove sources, or be destroyed, while it answers.
    bool askedAll = true;
    const QList<ReminderSource *> registeredSources = sources();
    for (ReminderSource *source : registeredSources) {
        const Registered *entry = registered(source);
        if (!entry || !entry->stale) {
            askedAll = false;
            continue;
        }
        QList<Reminder> answer = source->undelivered(current, from, until);
        if (Registered *after = registered(source)) {
            after->answer = std::move(answer);
            after->stale = false;
        }
    }
    if (askedAll)
        m_askedAllAt = current;

    QList<Due> due;
    QDateTime next;
    for (const Registered &entry : std::as_const(m_sources)) {
        if (!entry.source)
            continue;
        for (const Reminder &reminder : entry.answer) {
            if (!reminder.fireAt.isValid())
                continue;
            if (reminder.fireAt <= current)
                due.append({entry.source, reminder});
            else if (!next.isValid() || reminder.fireAt < next)
                next = reminder.fireAt;
        }
    }
    m_nextFire = next;
    // Also without a reminder ahead: a source that looks only kLookAheadMs
    // ahead has to be asked again before its window runs out. The timer
    // asks every source; the wait is counted from the last such plan.
    const qint64 untilAskingAll = std::max<qint64>(1, kMaxWaitMs - m_askedAllAt.msecsTo(current));
    m_timer.start(int(next.isValid()
                          ? std::min<qint64>(timerInterval(current, next), untilAskingAll)
                          : untilAskingAll));
    m_nextCheck = current.addMSecs(m_timer.interval());
    if (next.isValid())
        qCDebug(lcReminders) << "next reminder at" << next << "timer" << m_timer.interval() << "ms";
    // Last: a slot connected to reminderDue may write to a store, add a
    // source or even delete this scheduler.
    if (!due.isEmpty())
        fireDue(due, current);
}

void ReminderScheduler::fireDue(const QList<Due> &due, const QDateTime &now)
{
    // Record everything first, show afterwards: whatever happens after the
    // records (a crash, a slot that quits), no reminder is ever shown twice.
    QList<Due> recorded;
    QHash<ReminderSource *, QList<Reminder>> bySource;
    for (const Due &entry : due) {
        if (entry.source)
            bySource[entry.source.data()].append(entry.reminder);
    }
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it) {
        ReminderSource *source = it.key();
        const QSet<QString> ids = source->markDelivered(it.value());
        // Off the cached answer, recorded or not: the next plan must not
        // hand them over again (a source that failed to record one answers
        // it again only when asked again).
        if (Registered *entry = registered(source)) {
            QSet<QString> handled;
            for (const Reminder &reminder : it.value())
                handled.insert(reminder.id);
            entry->answer.removeIf(
                [&handled](const Reminder &reminder) { return handled.contains(reminder.id); });
        }
        for (const Reminder &reminder : it.value()) {
            if (ids.contains(reminder.id))
                recorded.append({source, reminder});
            else
                qCWarning(lcReminders) << source->name() << "could not record reminder"
                                       << reminder.id << "as delivered; not showing it";
        }
    }

    // A user back after a week does not want a popup per missed reminder:
    // reminders missed by more than kMissedWindowMs are only recorded (the
    // apps show overdue things themselves), and of the recent ones each item
    // gets one popup, for its latest reminder.
    QHash<QPair<ReminderSource *, QString>, Due> shown;
    for (const Due &entry : std::as_const(recorded)) {
        const Reminder &reminder = entry.reminder;
        if (reminder.fireAt.msecsTo(now) > kMissedWindowMs) {
            qCInfo(lcReminders) << entry.source->name() << "reminder" << reminder.id << "of"
                                << reminder.fireAt
                                << "missed too long ago; recorded without a popup";
            continue;
        }
        const QPair<ReminderSource *, QString> item(entry.source.data(), reminder.itemId);
        const auto it = shown.constFind(item);
        if (it == shown.constEnd() || it->reminder.fireAt < reminder.fireAt ||
            (it->reminder.fireAt == reminder.fireAt && it->reminder.id < reminder.id))
            shown.insert(item, entry);
    }
    QList<Due> toEmit = shown.values();
    std::sort(toEmit.begin(), toEmit.end(), [](const Due &a, const Due &b) {
        return a.reminder.fireAt != b.reminder.fireAt ? a.reminder.fireAt < b.reminder.fireAt
                                                      : a.reminder.id < b.reminder.id;
    });

    const QPointer<ReminderScheduler> self(this);
    for (const Due &entry : std::as_const(toEmit)) {
        if (!entry.source)
            continue; // destroyed by an earlier slot
        qCInfo(lcReminders) << entry.source->name() << "reminder" << entry.reminder.id << "due for"
                            << entry.reminder.itemId;
        emit reminderDue(entry.source.data(), entry.reminder);
        if (!self)
            return;
    }
}

} // namespace mana
