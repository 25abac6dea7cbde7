// The WebSocket threads' epoll event dispatcher: everything a Qt event loop
// relies on (queued calls, deleteLater, timers, socket notifiers, quit),
// in a thread that runs on it, with real sockets.
#include "sync/epolleventdispatcher.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <functional>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

using mana::server::EpollEventDispatcher;

namespace {

// A socket pair whose ends are closed with it.
struct SocketPair
{
    int ends[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, ends); }
    ~SocketPair()
    {
        for (const int end : ends) {
            if (end >= 0)
                ::close(end);
        }
    }
    void closeEnd(int index)
    {
        ::close(ends[index]);
        ends[index] = -1;
    }
};

void drain(int fd)
{
    char buffer[256];
    while (::read(fd, buffer, sizeof buffer) > 0) {
    }
}

} // namespace

class TestEpollEventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void theThreadRunsOnIt();
    void queuedCallsAndDeleteLaterRun();
    void timersFire_data();
    void timersFire();
    void aTimerStoppedInItsHandlerFiresOnce();
    void aNestedLoopDoesNotDeliverTheSameTimerAgain();
    void readNotifierFiresOnDataAndHangUp();
    void disabledNotifierStaysQuiet();
    void onlyTheActiveSocketOfManyIsWoken();
    void aSocketNumberReusedWithinOnePassIsWatched();
    void tcpEchoOverLoopback();
    void quitEndsTheLoopAtOnce();

private:
    // Runs `work` on the dispatcher's thread and waits for it.
    void onThread(const std::function<void()> &work);

    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; // lives on m_thread
};

void TestEpollEventDispatcher::init()
{
    QVERIFY(EpollEventDispatcher::isAvailable());
    m_thread = std::make_unique<QThread>();
    m_thread->setEventDispatcher(new EpollEventDispatcher);
    m_thread->start();
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
}

void TestEpollEventDispatcher::cleanup()
{
    QMetaObject::invokeMethod(m_context, &QObject::deleteLater);
    m_thread->quit();
    QVERIFY(m_thread->wait(10'000));
    m_thread.reset();
}

void TestEpollEventDispatcher::onThread(const std::function<void()> &work)
{
    QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
}

void TestEpollEventDispatcher::theThreadRunsOnIt()
{
    QVERIFY(
        qobject_cast<EpollEventDispatcher *>(QAbstractEventDispatcher::instance(m_thread.get())));
}

void TestEpollEventDispatcher::queuedCallsAndDeleteLaterRun()
{
    std::atomic<int> calls = 0;
    for (int call = 0; call < 100; ++call)
        QMetaObject::invokeMethod(m_context, [&calls] { ++calls; });
    QTRY_COMPARE(calls.load(), 100);

    QPointer<QObject> doomed;
    onThread([&doomed, this] {
        doomed = new QObject(m_context);
        doomed->deleteLater();
    });
    QTRY_VERIFY(doomed.isNull());
}

void TestEpollEventDispatcher::timersFire_data()
{
    QTest::addColumn<int>("intervalMs");
    QTest::addColumn<bool>("singleShot");
    QTest::addColumn<Qt::TimerType>("type");
    QTest::addColumn<int>("atLeast");
    QTest::addColumn<int>("atMost");
    QTest::newRow("single shot") << 30 << true << Qt::CoarseTimer << 1 << 1;
    QTest::newRow("repeating") << 10 << false << Qt::PreciseTimer << 5 << 1000;
    QTest::newRow("zero interval, repeating") << 0 << false << Qt::CoarseTimer << 50 << 1'000'000;
    QTest::newRow("zero interval, single shot") << 0 << true << Qt::CoarseTimer << 1 << 1;
}

void TestEpollEventDispatcher::timersFire()
{
    QFETCH(int, intervalMs);
    QFETCH(bool, singleShot);
    QFETCH(Qt::TimerType, type);
    QFETCH(int, atLeast);
    QFETCH(int, atMost);
    std::atomic<int> fired = 0;
    QTimer *timer = nullptr;
    QElapsedTimer clock;
    clock.start();
    std::atomic<qint64> firstAfterMs = -1;
    onThread([&, this] {
        timer = new QTimer(m_context);
        timer->setInterval(intervalMs);
        timer->setSingleShot(singleShot);
        timer->setTimerType(type);
        connect(timer, &QTimer::timeout, timer, [&] {
            if (fired++ == 0)
                firstAfterMs = clock.elapsed();
        });
        timer->start();
    });
    QTRY_VERIFY(fired.load() >= atLeast);
    QVERIFY2(firstAfterMs.load() >= intervalMs - 1, qPrintable(QString::number(firstAfterMs)));
    int remaining = -2;
    onThread([&] {
        remaining = timer->remainingTime();
        delete timer;
    });
    // A single shot is over once it fired (-1, as with Qt's own dispatchers).
    if (singleShot)
        QCOMPARE(remaining, -1);
    else
        QVERIFY2(remaining >= 0 && remaining <= intervalMs, qPrintable(QString::number(remaining)));
    QTest::qWait(50);
    const int stoppedAt = fired.load();
    QVERIFY(stoppedAt <= atMost);
    QTest::qWait(50);
    QCOMPARE(fired.load(), stoppedAt); // deleted: no more
}

void TestEpollEventDispatcher::aTimerStoppedInItsHandlerFiresOnce()
{
    std::atomic<int> fired = 0;
    onThread([&, this] {
        auto *timer = new QTimer(m_context);
        timer->setInterval(5);
        connect(timer, &QTimer::timeout, timer, [&fired, timer] {
            ++fired;
            timer->stop();
        });
        timer->start();
    });
    QTRY_COMPARE(fired.load(), 1);
    QTest::qWait(50);
    QCOMPARE(fired.load(), 1);
}

void TestEpollEventDispatcher::aNestedLoopDoesNotDeliverTheSameTimerAgain()
{
    // A handler that spins an event loop (as a blocking call on the thread
    // would) must not be entered again by its own timer meanwhile.
    std::atomic<int> depth = 0;
    std::atomic<int> deepest = 0;
    std::atomic<int> fired = 0;
    std::atomic<int> otherFired = 0;
    onThread([&, this] {
        auto *timer = new QTimer(m_context);
        timer->setInterval(2);
        connect(timer, &QTimer::timeout, timer, [&, timer] {
            ++fired;
            deepest = qMax(deepest.load(), ++depth);
            QEventLoop nested;
            QTimer::singleShot(30, &nested, &QEventLoop::quit);
            nested.exec();
            --depth;
            if (fired >= 3)
                timer->stop();
        });
        timer->start();
        // Another timer keeps running while the first one's handler waits.
        auto *other = new QTimer(m_context);
        other->setInterval(5);
        connect(other, &QTimer::timeout, other, [&otherFired] { ++otherFired; });
        other->start();
    });
    QTRY_COMPARE(fired.load(), 3);
    QCOMPARE(deepest.load(), 1);
    QVERIFY(otherFired.load() >= 5);
}

void TestEpollEventDispatcher::readNotifierFiresOnDataAndHangUp()
{
    SocketPair pair;
    QVERIFY(pair.ends[0] >= 0);
    std::atomic<int> activations = 0;
    std::atomic<int> bytes = 0;
    std::atomic<bool> sawEnd = false;
    onThread([&, this] {
        auto *notifier = new QSocketNotifier(pair.ends[0], QSocketNotifier::Read, m_context);
        connect(notifier, &QSocketNotifier::activated, notifier, [&, notifier] {
            ++activations;
            char buffer[64];
            const ssize_t got = ::read(pair.ends[0], buffer, sizeof buffer);
            if (got > 0) {
                bytes += int(got);
            } else if (got == 0) {
                sawEnd = true;
                delete notifier; // as a socket does when the peer left
            }
        });
    });
    QTest::qWait(30);
    QCOMPARE(activations.load(), 0); // nothing to read yet
    QCOMPARE(::write(pair.ends[1], "hello", 5), ssize_t(5));
    QTRY_COMPARE(bytes.load(), 5);
    pair.closeEnd(1);
    QTRY_VERIFY(sawEnd.load());
    const int afterEnd = activations.load();
    QTest::qWait(30);
    QCOMPARE(activations.load(), afterEnd); // removed: the hang-up is not reported again
}

void TestEpollEventDispatcher::disabledNotifierStaysQuiet()
{
    SocketPair pair;
    std::atomic<int> activations = 0;
    QSocketNotifier *notifier = nullptr;
    onThread([&, this] {
        notifier = new QSocketNotifier(pair.ends[0], QSocketNotifier::Read, m_context);
        connect(notifier, &QSocketNotifier::activated, notifier, [&] { ++activations; });
        notifier->setEnabled(false);
    });
    QCOMPARE(::write(pair.ends[1], "x", 1), ssize_t(1));
    QTest::qWait(50);
    QCOMPARE(activations.load(), 0);
    onThread([&] { notifier->setEnabled(true); });
    QTRY_VERIFY(activations.load() > 0); // level-triggered: the waiting byte is reported
    onThread([&] {
        drain(pair.ends[0]);
        delete notifier;
    });
}

void TestEpollEventDispatcher::onlyTheActiveSocketOfManyIsWoken()
{
    // 1,000 idle sockets and one that gets data: only its notifier runs.
    constexpr int idleCount = 1000;
    std::vector<std::unique_ptr<SocketPair>> pairs;
    for (int index = 0; index <= idleCount; ++index) {
        pairs.push_back(std::make_unique<SocketPair>());
        QVERIFY(pairs.back()->ends[0] >= 0);
    }
    std::vector<std::atomic<int>> activations(idleCount + 1);
    onThread([&, this] {
        for (int index = 0; index <= idleCount; ++index) {
            const int fd = pairs[index]->ends[0];
            auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, m_context);
            connect(notifier, &QSocketNotifier::activated, notifier, [&activations, index, fd] {
                // Drained first: the next byte is written once this is counted.
                drain(fd);
                ++activations[index];
            });
        }
    });
    for (int round = 0; round < 20; ++round) {
        QCOMPARE(::write(pairs[idleCount]->ends[1], "n", 1), ssize_t(1));
        QTRY_COMPARE(activations[idleCount].load(), round + 1);
    }
    for (int index = 0; index < idleCount; ++index)
        QCOMPARE(activations[index].load(), 0);
    onThread([this] { qDeleteAll(m_context->findChildren<QSocketNotifier *>()); });
}

void TestEpollEventDispatcher::aSocketNumberReusedWithinOnePassIsWatched()
{
    // Within one pass of the loop a socket is watched, closed, and its
    // number handed to a new socket that is watched too: the new one must
    // reach the kernel although "watched before, watched now" looks like no
    // change for that number.
    auto first = std::make_unique<SocketPair>();
    auto second = std::make_unique<SocketPair>();
    std::atomic<int> activations = 0;
    bool reused = false;
    const int number = first->ends[0];
    QSocketNotifier *old = nullptr;
    // Watched in one pass (the kernel learns of it before the loop waits)…
    onThread([&, this] { old = new QSocketNotifier(number, QSocketNotifier::Read, m_context); });
    // …and in the next closed and its number taken by a new socket.
    onThread([&, this] {
        delete old;
        first->closeEnd(0);
        // The lowest free number is the one just closed.
        second = std::make_unique<SocketPair>();
        reused = second->ends[0] == number;
        const int fd = second->ends[0];
        auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, m_context);
        connect(notifier, &QSocketNotifier::activated, notifier, [&activations, fd] {
            drain(fd);
            ++activations;
        });
    });
    QVERIFY(reused);
    QCOMPARE(::write(second->ends[1], "r", 1), ssize_t(1));
    QTRY_COMPARE(activations.load(), 1);
    onThread([this] { qDeleteAll(m_context->findChildren<QSocketNotifier *>()); });
}

void TestEpollEventDispatcher::tcpEchoOverLoopback()
{
    // QTcpServer and QTcpSocket on the thread: accept, read, write, close.
    quint16 port = 0;
    onThread([&, this] {
        auto *server = new QTcpServer(m_context);
        QVERIFY(server->listen(QHostAddress::LocalHost));
        port = server->serverPort();
        connect(server, &QTcpServer::newConnection, server, [server] {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket,
                        [socket] { socket->write(socket->readAll().toUpper()); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    });
    QVERIFY(port != 0);
    for (int client = 0; client < 3; ++client) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray message = QByteArray("echo ") + QByteArray::number(client);
        socket.write(message);
        QByteArray answer;
        while (answer.size() < message.size() && socket.waitForReadyRead(5000))
            answer += socket.readAll();
        QCOMPARE(answer, message.toUpper());
        socket.disconnectFromHost();
    }
}

void TestEpollEventDispatcher::quitEndsTheLoopAtOnce()
{
    // A long timer must not keep the loop waiting once quit() is called.
    onThread([this] {
        auto *timer = new QTimer(m_context);
        timer->start(60'000);
    });
    QElapsedTimer clock;
    clock.start();
    m_thread->quit();
    QVERIFY(m_thread->wait(5000));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    // cleanup() quits again and deletes the context on a stopped thread.
    m_thread->start();
}

QTEST_GUILESS_MAIN(TestEpollEventDispatcher)
#include "tst_epolleventdispatcher.moc"
