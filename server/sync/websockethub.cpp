#include "websockethub.h"

#include "serverlog.h"
#include "wire/change.h"

#include <QAbstractEventDispatcher>
#include <QTcpSocket>
#include <QThread>
#include <QWebSocket>

#ifdef Q_OS_LINUX
#include "epolleventdispatcher.h"
#endif

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace mana::server {

namespace {

bool epollAvailable()
{
#ifdef Q_OS_LINUX
    // MANA_SYNC_NO_EPOLL=1 keeps Qt's dispatcher: for comparing, and a way
    // out should a platform's epoll misbehave.
    if (qEnvironmentVariableIntValue("MANA_SYNC_NO_EPOLL") == 1)
        return false;
    return EpollEventDispatcher::isAvailable();
#else
    return false;
#endif
}

QAbstractEventDispatcher *newEpollDispatcher()
{
#ifdef Q_OS_LINUX
    return new EpollEventDispatcher;
#else
    return nullptr;
#endif
}

} // namespace

WebSocketHub::WebSocketHub(TokenVerifier verifier, QObject *parent)
    : WebSocketHub(std::move(verifier), 0, parent)
{}

WebSocketHub::WebSocketHub(TokenVerifier verifier, int threadCount, QObject *parent)
    : QObject(parent)
    , m_verifier(std::move(verifier))
{
    if (threadCount <= 0) {
        m_shards.push_back(std::make_unique<WebSocketShard>(0, this));
        return;
    }
    // Each shard thread waits for its sockets with epoll (Linux): Qt's
    // dispatchers hand the kernel every socket on every wake-up, so idle
    // sockets taxed each notice (epolleventdispatcher.h). Elsewhere, Qt's
    // own poll() dispatcher rather than glib's, which walks every socket
    // notifier whenever one is added or removed (with 5,000 sockets on a
    // thread each connect and close walked thousands of nodes, and closing
    // them all at shutdown took over 10 s). Qt gives it to threads that
    // start while QT_NO_THREADED_GLIB is set (the main thread keeps glib);
    // the variable is set only until each shard's thread has made its
    // dispatcher (the blocking call below).
    const bool useEpoll = epollAvailable();
    const bool threadedGlibWasOff = qEnvironmentVariableIsSet("QT_NO_THREADED_GLIB");
    const QByteArray threadedGlibSetting = qgetenv("QT_NO_THREADED_GLIB");
    if (!useEpoll)
        qputenv("QT_NO_THREADED_GLIB", "1");
    for (int index = 0; index < threadCount; ++index) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("mana-ws-%1").arg(index));
        if (useEpoll)
            thread->setEventDispatcher(newEpollDispatcher());
        auto shard = std::make_unique<WebSocketShard>(index, this);
        shard->moveToThread(thread.get());
        thread->start();
        WebSocketShard *started = shard.get();
        QMetaObject::invokeMethod(
            started, [] {}, Qt::BlockingQueuedConnection);
        if (const auto *dispatcher = QAbstractEventDispatcher::instance(thread.get()))
            qCDebug(lcWs) << "shard" << index << "runs on" << dispatcher->metaObject()->className();
        m_threads.push_back(std::move(thread));
        m_shards.push_back(std::move(shard));
    }
    if (useEpoll)
        return;
    if (threadedGlibWasOff)
        qputenv("QT_NO_THREADED_GLIB", threadedGlibSetting);
    else
        qunsetenv("QT_NO_THREADED_GLIB");
}

WebSocketHub::~WebSocketHub()
{
    closeAll();
    m_shards.clear();
    m_threads.clear();
}

bool WebSocketHub::isWebSocketPath(const QString &path)
{
    if (path == QLatin1String("/ws"))
        return true;
    static const QString prefix = QStringLiteral("/ws/");
    return path.startsWith(prefix) && wire::isValidAppId(QStringView(path).mid(prefix.size()));
}

template<typename Call> void WebSocketHub::runOnShard(WebSocketShard *shard, Call &&call)
{
    if (shard->thread() == thread())
        call();
    else
        QMetaObject::invokeMethod(shard, std::forward<Call>(call), Qt::QueuedConnection);
}

void WebSocketHub::adopt(QWebSocket *socket, QTcpSocket *transport)
{
    const QString clientId =
        QString::fromUtf8(socket->request().rawHeader("X-Client-Id")).trimmed();
    const QString path = socket->requestUrl().path();
    const QString appId = path.startsWith(QLatin1String("/ws/")) ? path.mid(4) : QString();
    socket->setParent(nullptr);
    if (transport)
        transport->setParent(socket); // deleted with it
    // Deleted once Qt's upgrade code, which called us, has returned.
    socket->deleteLater();
    if (!transport || transport->state() != QAbstractSocket::ConnectedState) {
        qCWarning(lcWs) << "a WebSocket came without its TCP connection; closing it";
        socket->abort();
        return;
    }
    // The 101 answer is still in the QTcpSocket's buffer: it goes to the
    // kernel now (a few hundred bytes into an empty send buffer).
    transport->flush();
    if (transport->bytesToWrite() > 0) {
        qCWarning(lcWs) << "the upgrade answer could not be sent at once; closing the connection";
        socket->abort();
        return;
    }
    const QByteArray received = transport->readAll();
    // A descriptor of our own for the same connection; the QTcpSocket then
    // closes its one, which leaves the connection open.
    const int descriptor = ::fcntl(int(transport->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (descriptor < 0) {
        qCWarning(lcWs) << "cannot take over a WebSocket connection:" << qt_error_string(errno);
        socket->abort();
        return;
    }
    QObject::disconnect(socket, nullptr, nullptr, nullptr);
    socket->abort();
    adoptDescriptor(descriptor, received, clientId, appId);
}

void WebSocketHub::adoptDescriptor(int descriptor, const QByteArray &received,
                                   const QString &clientId, const QString &appId)
{
    if (m_closed) {
        ::close(descriptor);
        return;
    }
    WebSocketShard *shard =
        std::min_element(m_shards.begin(), m_shards.end(), [](const auto &a, const auto &b) {
            return a->connectionCount.load() < b->connectionCount.load();
        })->get();
    qCDebug(lcWs) << "connection for app" << (appId.isEmpty() ? QStringLiteral("*") : appId)
                  << "on shard" << shard->index();
    const quint64 id = ++m_nextConnectionId;
    ++shard->connectionCount;
    runOnShard(shard,
               [shard, id, descriptor, received, clientId, appId, timeoutMs = authTimeoutMs] {
                   shard->addConnection(id, descriptor, received, clientId, appId, timeoutMs);
               });
}

void WebSocketHub::notify(const QString &userId, const QString &appId, const QStringList &tables,
                          const QString &originClientId)
{
    if (m_closed || userId.isEmpty() || tables.isEmpty())
        return;
    // One post per shard that holds some of the user's connections, whatever
    // their number; a push of a user without any wakes no shard (a wake-up
    // costs a shard a poll() over all of its sockets). A connection counts
    // from the moment its token was accepted here, so a push answered after
    // its auth-ok always finds it.
    const auto found = m_userConnections.constFind(userId);
    if (found == m_userConnections.cend())
        return;
    for (std::size_t index = 0; index < m_shards.size(); ++index) {
        if (found.value().at(index) <= 0)
            continue;
        WebSocketShard *target = m_shards[index].get();
        runOnShard(target, [target, userId, appId, tables, originClientId] {
            target->notify(userId, appId, tables, originClientId);
        });
    }
}

void WebSocketHub::closeSession(const QString &sessionId)
{
    if (m_closed || sessionId.isEmpty())
        return;
    for (const auto &shard : m_shards) {
        WebSocketShard *target = shard.get();
        runOnShard(target, [target, sessionId] { target->closeSession(sessionId); });
    }
}

void WebSocketHub::closeAll()
{
    if (m_closed)
        return;
    m_closed = true;
    for (const auto &shard : m_shards) {
        WebSocketShard *target = shard.get();
        if (target->thread() == thread())
            target->closeAll();
        else
            QMetaObject::invokeMethod(
                target, [target] { target->closeAll(); }, Qt::BlockingQueuedConnection);
    }
    // A finishing thread deletes what was left to deleteLater, so the
    // sockets go with it, their close frames written.
    for (const auto &shardThread : m_threads) {
        shardThread->quit();
        shardThread->wait();
    }
    m_userConnections.clear();
}

int WebSocketHub::connectionCount() const
{
    int count = 0;
    for (const auto &shard : m_shards)
        count += shard->connectionCount.load();
    return count;
}

void WebSocketHub::verifyForShard(WebSocketShard *shard, quint64 id, const QString &token,
                                  const QString &clientId)
{
    if (m_closed)
        return;
    const std::optional<VerifiedToken> verdict = m_verifier(token);
    // Counted now, not when the shard applies the verdict: a push answered
    // after the client's auth-ok must find this shard (the shard gives the
    // count back when the connection does not become the user's).
    if (verdict)
        countUser(shard->index(), verdict->userId, +1);
    runOnShard(shard,
               [shard, id, verdict, clientId] { shard->applyVerdict(id, verdict, clientId); });
}

void WebSocketHub::countUser(int shardIndex, const QString &userId, int delta)
{
    if (m_closed)
        return;
    auto found = m_userConnections.find(userId);
    if (found == m_userConnections.end()) {
        if (delta <= 0)
            return;
        found = m_userConnections.insert(userId, std::vector<int>(m_shards.size(), 0));
    }
    std::vector<int> &perShard = found.value();
    perShard.at(std::size_t(shardIndex)) += delta;
    if (std::all_of(perShard.begin(), perShard.end(), [](int count) { return count <= 0; }))
        m_userConnections.erase(found);
}

} // namespace mana::server
