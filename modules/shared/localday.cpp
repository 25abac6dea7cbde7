#include "localday.h"

namespace mana {

namespace {

// Past midnight rather than at it: a timer may fire a little early.
constexpr qint64 kAfterMidnightMs = 500;

} // namespace

LocalDay::LocalDay(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &LocalDay::check);
    const QDateTime now = m_clock();
    m_clockDate = now.date();
    aim(now);
}

void LocalDay::setFixedDate(const QDate &date)
{
    if (date == m_fixed)
        return;
    const QDate before = this->date();
    m_fixed = date;
    if (this->date() != before)
        emit dateChanged();
}

void LocalDay::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    check();
}

void LocalDay::check()
{
    const QDateTime now = m_clock();
    aim(now);
    if (now.date() == m_clockDate)
        return;
    m_clockDate = now.date();
    if (followsClock())
        emit dateChanged();
}

void LocalDay::aim(const QDateTime &now)
{
    // The next local midnight: startOfDay handles days that begin at 01:00
    // (a time-zone change at midnight).
    const QDateTime nextMidnight = now.date().addDays(1).startOfDay();
    const qint64 untilMidnight = now.msecsTo(nextMidnight) + kAfterMidnightMs;
    m_timer.start(int(qBound<qint64>(kAfterMidnightMs, untilMidnight, kLongestWaitMs)));
}

} // namespace mana
