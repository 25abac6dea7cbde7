#include "websocketshard.h"

#include "serverlog.h"
#include "sync/websockethub.h"
#include "sync/websocketstream.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

namespace mana::server {

namespace {

// QTimer takes an int of milliseconds: a later deadline is looked at again
// after a day.
constexpr qint64 kMaxTimerStepMs = 24LL * 3600 * 1000;
// A deadline that passes while the main thread verifies an `auth` waits
// this much longer for the verdict.
constexpr qint64 kVerdictGraceMs = 1000;
// Messages kept while an `auth` is verified; a client of ours sends none.
constexpr int kMaxWaitingMessages = 16;
// How long a refused client has to answer our close frame before the
// connection is cut.
constexpr qint64 kCloseHandshakeMs = 2000;

} // namespace

WebSocketShard::WebSocketShard(int index, WebSocketHub *hub)
    : m_index(index)
    , m_hub(hub)
    , m_deadlineTimer(new QTimer(this))
{
    m_clock.start();
    m_deadlineTimer->setSingleShot(true);
    m_deadlineTimer->setTimerType(Qt::PreciseTimer);
    connect(m_deadlineTimer, &QTimer::timeout, this, &WebSocketShard::deadlinesPassed);
}

WebSocketShard::~WebSocketShard() = default;

void WebSocketShard::addConnection(quint64 id, int descriptor, const QByteArray &received,
                                   const QString &clientId, const QString &appId, int authTimeoutMs)
{
    auto *stream = new WebSocketStream(descriptor, received, this);
    connect(stream, &WebSocketStream::messageReceived, this,
            [this, id](const QByteArray &message) { handleMessage(id, message); });
    // Queued: a stream closes inside calls below that keep using the
    // connection afterwards.
    connect(
        stream, &WebSocketStream::disconnected, this, [this, id] { forget(id); },
        Qt::QueuedConnection);
    Connection connection;
    connection.stream = stream;
    connection.clientId = clientId;
    connection.appId = appId;
    connection.deadline = m_deadlines.end();
    const auto added = m_connections.insert(id, connection);
    setDeadline(id, added.value(), nowMs() + authTimeoutMs);
    // Last: bytes that already came are read now, into the entry above.
    stream->start();
}

void WebSocketShard::handleMessage(quint64 id, const QByteArray &message)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end() || found->closing)
        return;
    Connection &connection = found.value();
    if (connection.verifying) {
        if (connection.waiting.size() >= kMaxWaitingMessages) {
            refuse(id, connection, QStringLiteral("too many messages before the auth answer"),
                   QStringLiteral("too many messages"));
            return;
        }
        connection.waiting.append(message);
        return;
    }
    readMessage(id, connection, message);
}

void WebSocketShard::readMessage(quint64 id, Connection &connection, const QByteArray &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message).object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("auth")) {
        askForVerdict(id, connection, object);
        return;
    }
    if (connection.userId.isEmpty()) {
        // Only `auth` is read from a socket that has not authenticated: a
        // stranger gets no answer (not even a pong) and no more of our time.
        refuse(id, connection, QStringLiteral("a message other than auth before authentication"),
               QStringLiteral("authentication required"));
        return;
    }
    if (type == QLatin1String("ping")) {
        send(connection.stream, QJsonObject{{QStringLiteral("type"), QStringLiteral("pong")}});
        return;
    }
    // Anything else (unknown types, garbage) is ignored: a newer client may
    // send messages this server does not know yet.
    qCDebug(lcWs) << "ignored a message of type" << type;
}

void WebSocketShard::askForVerdict(quint64 id, Connection &connection, const QJsonObject &message)
{
    connection.verifying = true;
    const QString token = message.value(QStringLiteral("token")).toString();
    const QString clientId = message.value(QStringLiteral("clientId")).toString().trimmed();
    WebSocketHub *hub = m_hub;
    const auto ask = [hub, shard = this, id, token, clientId] {
        hub->verifyForShard(shard, id, token, clientId);
    };
    // The token check reads what the main thread writes (the session
    // table), so it runs there; the verdict comes back to applyVerdict.
    if (hub->thread() == QThread::currentThread())
        ask();
    else
        QMetaObject::invokeMethod(hub, ask, Qt::QueuedConnection);
}

void WebSocketShard::applyVerdict(quint64 id, const std::optional<VerifiedWebSocketToken> &token,
                                  const QString &clientId)
{
    // The hub counted an accepted token's user on this shard when it
    // verified it (so that notices find this shard from then on); where the
    // connection does not become that user's, the count is given back.
    const auto giveBackCount = [&] {
        if (token)
            reportUser(token->userId, -1);
    };
    const auto found = m_connections.find(id);
    if (found == m_connections.end()) {
        giveBackCount(); // the socket went away while the main thread looked
        return;
    }
    Connection &connection = found.value();
    connection.verifying = false;
    if (connection.closing) {
        giveBackCount();
        return;
    }
    // A failed `auth` closes the socket even after an earlier success: the
    // client tried to replace its token with one that is not valid.
    if (!token) {
        refuse(id, connection, QStringLiteral("invalid token"));
        return;
    }
    if (!connection.userId.isEmpty() && connection.userId != token->userId) {
        giveBackCount();
        refuse(id, connection, QStringLiteral("auth with another user's token"));
        return;
    }
    // A repeated `auth` (after the client refreshed its token) extends the
    // connection to the new token's expiry and moves it to its session.
    if (connection.userId.isEmpty()) {
        connection.userId = token->userId;
        m_byUser.insert(connection.userId, id);
    } else {
        giveBackCount(); // counted since its first `auth`
    }
    connection.sessionId = token->sessionId;
    connection.tokenExpiresAtMs = token->expiresAtMs;
    if (!clientId.isEmpty())
        connection.clientId = clientId;
    armTokenExpiry(id, connection);
    qCInfo(lcWs).noquote() << "authenticated user" << connection.userId << "client"
                           << (connection.clientId.isEmpty() ? QStringLiteral("-")
                                                             : connection.clientId);
    send(connection.stream, QJsonObject{{QStringLiteral("type"), QStringLiteral("auth-ok")}});
    // What the client sent meanwhile, in order (another `auth` waits again).
    while (!connection.waiting.isEmpty() && !connection.verifying && !connection.closing)
        readMessage(id, connection, connection.waiting.takeFirst());
}

void WebSocketShard::notify(const QString &userId, const QString &appId, const QStringList &tables,
                            const QString &originClientId)
{
    if (userId.isEmpty() || tables.isEmpty())
        return;
    const QJsonObject notice{{QStringLiteral("type"), QStringLiteral("sync-available")},
                             {QStringLiteral("appId"), appId},
                             {QStringLiteral("tables"), QJsonArray::fromStringList(tables)}};
    int sent = 0;
    for (auto it = m_byUser.constFind(userId); it != m_byUser.cend() && it.key() == userId; ++it) {
        const auto found = m_connections.constFind(it.value());
        if (found == m_connections.cend() || found->closing)
            continue;
        if (!found->appId.isEmpty() && found->appId != appId)
            continue;
        if (!originClientId.isEmpty() && found->clientId == originClientId)
            continue;
        send(found->stream, notice);
        ++sent;
    }
    if (sent > 0)
        qCDebug(lcWs) << "sync-available to" << sent << "connections on shard" << m_index;
}

void WebSocketShard::closeSession(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    QList<quint64> ended;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (!it->userId.isEmpty() && it->sessionId == sessionId)
            ended.append(it.key());
    }
    for (const quint64 id : std::as_const(ended)) {
        const auto found = m_connections.find(id);
        refuse(id, found.value(), QStringLiteral("session ended"), QStringLiteral("session ended"));
    }
}

void WebSocketShard::closeAll()
{
    m_deadlineTimer->stop();
    for (const Connection &connection : std::as_const(m_connections)) {
        connection.stream->disconnect(this);
        // The close frame goes to the kernel at once; the descriptor closes.
        connection.stream->closeNow(wsframe::kCloseGoingAway, QStringLiteral("server shutdown"));
        delete connection.stream;
    }
    m_connections.clear();
    m_byUser.clear();
    m_deadlines.clear();
    connectionCount = 0;
}

void WebSocketShard::refuse(quint64 id, Connection &connection, const QString &reason,
                            const QString &errorText)
{
    qCInfo(lcWs).noquote() << "closing a connection:" << reason;
    if (connection.closing)
        return;
    // No notice reaches it while the close handshake runs.
    connection.closing = true;
    clearUser(id, connection);
    connection.sessionId.clear();
    connection.waiting.clear();
    send(connection.stream, QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                        {QStringLiteral("tables"), QJsonArray{errorText}}});
    connection.stream->close(wsframe::kClosePolicyViolated, reason);
    // A client that does not answer the close frame is cut off then.
    setDeadline(id, connection, nowMs() + kCloseHandshakeMs);
}

void WebSocketShard::send(WebSocketStream *stream, const QJsonObject &message)
{
    // Straight to the kernel (websocketstream.h): no write notifier goes on
    // unless the client stops reading.
    stream->sendText(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void WebSocketShard::forget(quint64 id)
{
    const auto found = m_connections.find(id);
    if (found == m_connections.end())
        return;
    clearUser(id, found.value());
    clearDeadline(found.value());
    WebSocketStream *stream = found->stream;
    m_connections.erase(found);
    --connectionCount;
    stream->deleteLater();
}

void WebSocketShard::clearUser(quint64 id, Connection &connection)
{
    if (connection.userId.isEmpty())
        return;
    m_byUser.remove(connection.userId, id);
    reportUser(connection.userId, -1);
    connection.userId.clear();
}

void WebSocketShard::reportUser(const QString &userId, int delta)
{
    WebSocketHub *hub = m_hub;
    const int shardIndex = m_index;
    if (hub->thread() == QThread::currentThread())
        hub->countUser(shardIndex, userId, delta);
    else
        QMetaObject::invokeMethod(
            hub, [hub, shardIndex, userId, delta] { hub->countUser(shardIndex, userId, delta); },
            Qt::QueuedConnection);
}

void WebSocketShard::setDeadline(quint64 id, Connection &connection, qint64 atMs)
{
    clearDeadline(connection);
    connection.deadline = m_deadlines.emplace(atMs, id);
    if (connection.deadline == m_deadlines.begin())
        armDeadlineTimer();
}

void WebSocketShard::clearDeadline(Connection &connection)
{
    // A removed first deadline leaves the timer as it is: it fires, finds
    // nothing due, and aims at the next one.
    if (connection.deadline != m_deadlines.end()) {
        m_deadlines.erase(connection.deadline);
        connection.deadline = m_deadlines.end();
    }
}

void WebSocketShard::armDeadlineTimer()
{
    if (m_deadlines.empty()) {
        m_deadlineTimer->stop();
        return;
    }
    const qint64 waitMs = qBound<qint64>(0, m_deadlines.begin()->first - nowMs(), kMaxTimerStepMs);
    m_deadlineTimer->start(int(waitMs));
}

void WebSocketShard::deadlinesPassed()
{
    const qint64 now = nowMs();
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const quint64 id = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        const auto found = m_connections.find(id);
        if (found == m_connections.end())
            continue;
        Connection &connection = found.value();
        connection.deadline = m_deadlines.end();
        if (connection.closing)
            connection.stream->abort(); // no answer to our close frame
        else if (connection.verifying)
            setDeadline(id, connection, now + kVerdictGraceMs); // its answer is on the way
        else if (connection.userId.isEmpty())
            refuse(id, connection, QStringLiteral("authentication timeout"));
        else if (QDateTime::currentMSecsSinceEpoch() >= connection.tokenExpiresAtMs)
            refuse(id, connection, QStringLiteral("access token expired"),
                   QStringLiteral("token expired"));
        else
            armTokenExpiry(id, connection); // a long lifetime, in steps
    }
    armDeadlineTimer();
}

void WebSocketShard::armTokenExpiry(quint64 id, Connection &connection)
{
    // The expiry is wall-clock time; the deadline runs on the monotonic
    // clock and is checked against the wall clock when it passes.
    const qint64 remainingMs = connection.tokenExpiresAtMs - QDateTime::currentMSecsSinceEpoch();
    setDeadline(id, connection, nowMs() + qBound<qint64>(0, remainingMs, kMaxTimerStepMs));
}

} // namespace mana::server
