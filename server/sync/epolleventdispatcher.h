// An event dispatcher over Linux epoll for the WebSocket shard threads.
//
// Qt's dispatchers (glib's and Qt's own poll() one) hand the kernel every
// socket of the thread on every wake-up, so a thread holding 5,000 idle
// WebSockets paid for all 5,000 each time one of them had a notice to send:
// under load most of the server's CPU went to sock_poll over idle sockets
// (issue 15). epoll keeps the interest list in the kernel and returns only
// the sockets that are ready, so a wake-up costs what the active sockets
// cost. Sockets are level-triggered like poll(), which is what
// QSocketNotifier users expect. Set MANA_SYNC_NO_EPOLL=1 to compare with
// Qt's dispatcher.
//
// Timers are few on these threads (one deadline timer per shard, a frame
// timer while a WebSocket frame is half read), so they are kept in a hash
// and scanned; a thread with thousands of timers would want a heap.
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>

#include <atomic>

namespace mana::server {

class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    // False when the kernel refused an epoll or eventfd descriptor; the
    // caller then keeps Qt's dispatcher.
    static bool isAvailable();

    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Notifiers
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 deadlineMs = 0;
        // Set while its event is being delivered, so that a nested event
        // loop in the handler does not deliver it again.
        bool delivering = false;
    };

    // Notifier changes reach the kernel only before the next wait, as the
    // net change per socket: a socket's write notifier is switched on for an
    // answer and off again once it is flushed, often within one pass, and
    // that then costs no epoll_ctl at all.
    void applyInterestChanges();
    // Milliseconds until the next timer is due: 0 when one is due, -1 when
    // there is none.
    int msUntilNextTimer(qint64 nowMs) const;
    bool deliverDueTimers();
    bool deliverSocketEvent(int fd, quint32 events);

    int m_epoll = -1;
    int m_wakeUp = -1; // an eventfd, readable while a wake-up is pending
    std::atomic<bool> m_interrupted = false;
    QHash<int, Notifiers> m_notifiers;
    QHash<int, quint32> m_kernelInterest; // what epoll watches per socket
    QList<int> m_changedSockets;
    QHash<int, Timer> m_timers;
};

} // namespace mana::server
