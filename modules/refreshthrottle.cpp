#include "refreshthrottle.h"

namespace mana {

RefreshThrottle::RefreshThrottle(int intervalMs, std::function<void()> refresh, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
    , m_refresh(std::move(refresh))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RefreshThrottle::run);
}

void RefreshThrottle::request()
{
    if (m_timer.isActive())
        return;
    const qint64 since = m_sinceRun.isValid() ? m_sinceRun.elapsed() : m_intervalMs;
    m_timer.start(int(std::max<qint64>(0, m_intervalMs - since)));
}

void RefreshThrottle::flush()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    run();
}

void RefreshThrottle::run()
{
    m_sinceRun.start();
    m_refresh();
}

} // namespace mana
