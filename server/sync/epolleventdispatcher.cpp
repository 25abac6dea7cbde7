#include "epolleventdispatcher.h"

#include "serverlog.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>
#include <QTimerEvent>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace mana::server {

namespace {

qint64 steadyNowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

quint32 interestOf(const QSocketNotifier *read, const QSocketNotifier *write,
                   const QSocketNotifier *exception)
{
    quint32 events = 0;
    if (read)
        events |= EPOLLIN;
    if (write)
        events |= EPOLLOUT;
    if (exception)
        events |= EPOLLPRI;
    return events;
}

} // namespace

bool EpollEventDispatcher::isAvailable()
{
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    if (epoll < 0)
        return false;
    const int event = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    ::close(epoll);
    if (event < 0)
        return false;
    ::close(event);
    return true;
}

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeUp(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeUp < 0) {
        qCCritical(lcWs) << "epoll dispatcher without descriptors:" << std::strerror(errno);
        return;
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = m_wakeUp;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeUp, &event) != 0)
        qCCritical(lcWs) << "epoll dispatcher cannot watch its wake-up:" << std::strerror(errno);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeUp >= 0)
        ::close(m_wakeUp);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Notifiers &notifiers = m_notifiers[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        notifiers.read = notifier;
        break;
    case QSocketNotifier::Write:
        notifiers.write = notifier;
        break;
    case QSocketNotifier::Exception:
        notifiers.exception = notifier;
        break;
    }
    m_changedSockets.append(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto existing = m_notifiers.find(fd);
    if (existing == m_notifiers.end())
        return;
    Notifiers &notifiers = *existing;
    if (notifiers.read == notifier)
        notifiers.read = nullptr;
    if (notifiers.write == notifier)
        notifiers.write = nullptr;
    if (notifiers.exception == notifier)
        notifiers.exception = nullptr;
    if (notifiers.read || notifiers.write || notifiers.exception) {
        m_changedSockets.append(fd);
        return;
    }
    // The last notifier of a socket goes when the socket closes: leave the
    // set now, since its number may be a new socket's before the next wait
    // and the deferred change would then look like no change at all.
    m_notifiers.erase(existing);
    if (m_kernelInterest.remove(fd) > 0) {
        epoll_event event{};
        if (epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event) != 0 && errno != EBADF && errno != ENOENT)
            qCWarning(lcWs) << "epoll_ctl for socket" << fd << "failed:" << std::strerror(errno);
    }
}

void EpollEventDispatcher::applyInterestChanges()
{
    for (const int fd : std::as_const(m_changedSockets)) {
        const auto notifiers = m_notifiers.constFind(fd);
        const quint32 wanted =
            notifiers == m_notifiers.cend()
                ? 0
                : interestOf(notifiers->read, notifiers->write, notifiers->exception);
        const auto watched = m_kernelInterest.constFind(fd);
        const bool isWatched = watched != m_kernelInterest.cend();
        if (isWatched ? *watched == wanted : wanted == 0)
            continue; // switched and switched back (or a duplicate entry)
        epoll_event event{};
        event.events = wanted;
        event.data.fd = fd;
        int result = 0;
        if (wanted == 0) {
            // Not MOD with no events: epoll still reports hang-ups and
            // errors of a watched descriptor, which nobody would read.
            result = epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &event);
            // A descriptor closed before its notifier went has left the set.
            if (result != 0 && (errno == EBADF || errno == ENOENT))
                result = 0;
            m_kernelInterest.remove(fd);
        } else {
            // The kernel dropped a closed descriptor on its own, and its
            // number may be a new socket's by now: MOD and ADD each fall
            // back to the other.
            result = epoll_ctl(m_epoll, isWatched ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
            if (result != 0 && errno == ENOENT)
                result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
            else if (result != 0 && errno == EEXIST)
                result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
            if (result == 0)
                m_kernelInterest.insert(fd, wanted);
            else
                m_kernelInterest.remove(fd);
        }
        if (result != 0)
            qCWarning(lcWs) << "epoll_ctl for socket" << fd << "failed:" << std::strerror(errno);
    }
    m_changedSockets.clear();
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    Timer timer;
    timer.intervalMs = qMax<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    timer.deadlineMs = steadyNowMs() + timer.intervalMs;
    m_timers.insert(timerId, timer);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.remove(timerId) > 0;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool removed = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            it = m_timers.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    return removed;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            timers.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return int(qMax<qint64>(0, it->deadlineMs - steadyNowMs()));
}

void EpollEventDispatcher::wakeUp()
{
    // Any thread may call this; an eventfd write is one atomic add.
    const quint64 one = 1;
    if (::write(m_wakeUp, &one, sizeof one) < 0 && errno != EAGAIN)
        qCWarning(lcWs) << "cannot wake the epoll dispatcher:" << std::strerror(errno);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted = true;
    wakeUp();
}

int EpollEventDispatcher::msUntilNextTimer(qint64 nowMs) const
{
    qint64 soonest = std::numeric_limits<qint64>::max();
    for (const Timer &timer : m_timers) {
        if (!timer.delivering)
            soonest = qMin(soonest, timer.deadlineMs);
    }
    if (soonest == std::numeric_limits<qint64>::max())
        return -1;
    return int(qBound(qint64(0), soonest - nowMs, qint64(std::numeric_limits<int>::max())));
}

bool EpollEventDispatcher::deliverDueTimers()
{
    const qint64 now = steadyNowMs();
    QList<int> due;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (!it->delivering && it->deadlineMs <= now)
            due.append(it.key());
    }
    for (const int timerId : std::as_const(due)) {
        // An earlier handler may have killed or restarted this one.
        auto it = m_timers.find(timerId);
        if (it == m_timers.end() || it->delivering || it->deadlineMs > now)
            continue;
        // The next deadline counts from the due one, not from now, so a
        // repeating timer keeps its rhythm; one that fell far behind starts
        // over from now instead of firing many times in a row.
        it->deadlineMs += it->intervalMs;
        if (it->deadlineMs < now || (it->intervalMs > 0 && it->deadlineMs == now))
            it->deadlineMs = now + it->intervalMs;
        it->delivering = true;
        QObject *object = it->object;
        QTimerEvent event(timerId);
        QCoreApplication::sendEvent(object, &event);
        it = m_timers.find(timerId);
        if (it != m_timers.end())
            it->delivering = false;
    }
    return !due.isEmpty();
}

bool EpollEventDispatcher::deliverSocketEvent(int fd, quint32 events)
{
    bool delivered = false;
    // Look the notifiers up before each delivery: a handler may remove or
    // replace the others of the same descriptor.
    const auto deliver = [&](QSocketNotifier *Notifiers::*which, quint32 wanted) {
        const auto it = m_notifiers.constFind(fd);
        if (it == m_notifiers.cend() || !((*it).*which) || !(events & wanted))
            return;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent((*it).*which, &event);
        delivered = true;
    };
    // As with poll(): a hang-up or an error wakes the reader and the writer,
    // who find out by reading or writing.
    deliver(&Notifiers::exception, EPOLLPRI);
    deliver(&Notifiers::read, EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP);
    deliver(&Notifiers::write, EPOLLOUT | EPOLLHUP | EPOLLERR);
    return delivered;
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted = false;
    emit awake();
    QCoreApplication::sendPostedEvents();

    bool processed = false;
    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupted;
    int timeoutMs = 0;
    if (mayWait) {
        timeoutMs =
            flags.testFlag(QEventLoop::X11ExcludeTimers) ? -1 : msUntilNextTimer(steadyNowMs());
        if (timeoutMs != 0)
            emit aboutToBlock();
    }

    applyInterestChanges();
    std::array<epoll_event, 256> ready{};
    int count = epoll_wait(m_epoll, ready.data(), int(ready.size()), timeoutMs);
    if (count < 0) {
        if (errno != EINTR)
            qCWarning(lcWs) << "epoll_wait failed:" << std::strerror(errno);
        count = 0;
    }
    if (timeoutMs != 0)
        emit awake();

    for (int index = 0; index < count; ++index) {
        const int fd = ready[index].data.fd;
        if (fd == m_wakeUp) {
            quint64 pending = 0;
            if (::read(m_wakeUp, &pending, sizeof pending) < 0 && errno != EAGAIN)
                qCWarning(lcWs) << "cannot reset the epoll wake-up:" << std::strerror(errno);
            processed = true;
            continue;
        }
        if (flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
            continue; // level-triggered: they are reported again next time
        processed = deliverSocketEvent(fd, ready[index].events) || processed;
    }
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        processed = deliverDueTimers() || processed;
    return processed;
}

} // namespace mana::server
