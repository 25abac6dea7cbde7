#include "mana_load_notices.h"

#include <QMutexLocker>

#include <limits>

namespace mana::load {

NoticeTracker::NoticeTracker(int userCount, std::int64_t timeoutNs)
    : m_timeoutNs(timeoutNs)
    , m_slots(std::size_t(userCount) * kTagCount)
    , m_nextTag(std::size_t(userCount), 0)
{}

QString NoticeTracker::tableOfTag(int tag)
{
    return QStringLiteral("tasks%1").arg(tag, 2, 10, QLatin1Char('0'));
}

int NoticeTracker::tagOfTable(const QString &table)
{
    if (table.size() != 7 || !table.startsWith(QLatin1String("tasks")))
        return -1;
    bool ok = false;
    const int tag = table.mid(5).toInt(&ok);
    return ok && tag >= 0 && tag < kTagCount ? tag : -1;
}

int NoticeTracker::pushSent(int user, int pusherServer, int expectedNotices, std::int64_t sentNs)
{
    QMutexLocker locker(&m_mutex);
    const int tag = m_nextTag[user];
    m_nextTag[user] = (tag + 1) % kTagCount;
    Slot &slot = m_slots[std::size_t(user) * kTagCount + tag];
    if (slot.waiting > 0) {
        m_totals.overwritten += slot.waiting;
        m_waiting -= slot.waiting;
    }
    slot = {sentNs, pusherServer, expectedNotices};
    m_waiting += expectedNotices;
    return tag;
}

void NoticeTracker::pushFailed(int user, int tag)
{
    QMutexLocker locker(&m_mutex);
    Slot &slot = m_slots[std::size_t(user) * kTagCount + tag];
    m_waiting -= slot.waiting;
    slot.waiting = 0;
}

void NoticeTracker::noticeReceived(int user, int tag, int receiverServer, std::int64_t receivedNs)
{
    QMutexLocker locker(&m_mutex);
    Slot &slot = m_slots[std::size_t(user) * kTagCount + tag];
    if (slot.waiting <= 0) {
        ++m_totals.unmatched;
        return;
    }
    --slot.waiting;
    --m_waiting;
    const double latencyMs = double(receivedNs - slot.sentNs) / 1e6;
    (receiverServer == slot.pusherServer ? m_totals.sameInstanceMs : m_totals.crossInstanceMs)
        .append(latencyMs);
}

void NoticeTracker::expire(std::int64_t nowNs)
{
    QMutexLocker locker(&m_mutex);
    for (Slot &slot : m_slots) {
        if (slot.waiting > 0 && nowNs - slot.sentNs > m_timeoutNs) {
            m_totals.missing += slot.waiting;
            m_waiting -= slot.waiting;
            slot.waiting = 0;
        }
    }
}

void NoticeTracker::expireAll()
{
    expire(std::numeric_limits<std::int64_t>::max() / 2);
}

int NoticeTracker::waitingNotices() const
{
    QMutexLocker locker(&m_mutex);
    return m_waiting;
}

NoticeTracker::Totals NoticeTracker::totals() const
{
    QMutexLocker locker(&m_mutex);
    return m_totals;
}

} // namespace mana::load
