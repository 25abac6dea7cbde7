#include "hybridlogicalclock.h"

#include <QDateTime>

namespace mana {

Millis HybridLogicalClock::systemWallClock()
{
    return QDateTime::currentMSecsSinceEpoch();
}

HybridLogicalClock::HybridLogicalClock(WallClock wallClock)
    : m_wallClock(std::move(wallClock))
{}

Millis HybridLogicalClock::issue()
{
    m_last = std::max(m_wallClock(), m_last + 1);
    return m_last;
}

void HybridLogicalClock::observe(Millis millis)
{
    m_last = std::max(m_last, millis);
}

} // namespace mana
