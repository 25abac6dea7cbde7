// Runs a refresh (counts, sums) soon after something changed, but not for
// every change: at once on the next event-loop turn when it last ran long
// enough ago, otherwise once the interval has passed. A pull that applies a
// page every few milliseconds then costs a few refreshes a second instead of
// one per page, and a single local edit still shows at once.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

namespace mana {

class RefreshThrottle : public QObject
{
    Q_OBJECT
public:
    RefreshThrottle(int intervalMs, std::function<void()> refresh, QObject *parent = nullptr);

    void request();
    // Runs a requested refresh now (before reading what it computes).
    void flush();
    bool isPending() const { return m_timer.isActive(); }

private:
    void run();

    int m_intervalMs;
    std::function<void()> m_refresh;
    QTimer m_timer;
    QElapsedTimer m_sinceRun;
};

} // namespace mana
