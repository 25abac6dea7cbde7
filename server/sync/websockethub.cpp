#include "websockethub.h"

#include "serverlog.h"
#include "wire/change.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <QWebSocket>

namespace mana::server {

namespace {

// Control messages are tiny; anything bigger is not a client of ours.
constexpr qint64 kMaxIncomingMessageBytes = 64 * 1024;

} // namespace

WebSocketHub::WebSocketHub(TokenVerifier verifier, QObject *parent)
    : QObject(parent)
    , m_verifier(std::move(verifier))
{}

WebSocketHub::~WebSocketHub()
{
    closeAll();
}

bool WebSocketHub::isWebSocketPath(const QString &path)
{
    if (path == QLatin1String("/ws"))
        return true;
    static const QString prefix = QStringLiteral("/ws/");
    return path.startsWith(prefix) && wire::isValidAppId(QStringView(path).mid(prefix.size()));
}

void WebSocketHub::adopt(QWebSocket *socket)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxIncomingMessageBytes);
    socket->setMaxAllowedIncomingFrameSize(kMaxIncomingMessageBytes);

    Connection connection;
    connection.clientId = QString::fromUtf8(socket->request().rawHeader("X-Client-Id")).trimmed();
    const QString path = socket->requestUrl().path();
    if (path.startsWith(QLatin1String("/ws/")))
        connection.appId = path.mid(4);
    connection.authTimer = new QTimer(socket);
    connection.authTimer->setSingleShot(true);
    connect(connection.authTimer, &QTimer::timeout, socket,
            [this, socket] { refuse(socket, QStringLiteral("authentication timeout")); });
    connection.authTimer->start(authTimeoutMs);
    m_connections.insert(socket, connection);

    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { handleMessage(socket, message); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, socket](const QByteArray &message) {
                handleMessage(socket, QString::fromUtf8(message));
            });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { forget(socket); });
    qCDebug(lcWs) << "connection from" << socket->peerAddress().toString() << "app"
                  << (connection.appId.isEmpty() ? QStringLiteral("*") : connection.appId);
}

void WebSocketHub::handleMessage(QWebSocket *socket, const QString &message)
{
    const auto found = m_connections.find(socket);
    if (found == m_connections.end() || found->closing)
        return;
    Connection &connection = found.value();
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("auth")) {
        authenticate(socket, connection, object);
        return;
    }
    if (connection.userId.isEmpty()) {
        // Only `auth` is read from a socket that has not authenticated: a
        // stranger gets no answer (not even a pong) and no more of our time.
        refuse(socket, QStringLiteral("a message other than auth before authentication"),
               QStringLiteral("authentication required"));
        return;
    }
    if (type == QLatin1String("ping")) {
        send(socket, QJsonObject{{QStringLiteral("type"), QStringLiteral("pong")}});
        return;
    }
    // Anything else (unknown types, garbage) is ignored: a newer client may
    // send messages this server does not know yet.
    qCDebug(lcWs) << "ignored a message of type" << type;
}

void WebSocketHub::authenticate(QWebSocket *socket, Connection &connection,
                                const QJsonObject &message)
{
    // A failed `auth` closes the socket even after an earlier success: the
    // client tried to replace its token with one that is not valid.
    const auto token = m_verifier(message.value(QStringLiteral("token")).toString());
    if (!token) {
        refuse(socket, QStringLiteral("invalid token"));
        return;
    }
    if (!connection.userId.isEmpty() && connection.userId != token->userId) {
        refuse(socket, QStringLiteral("auth with another user's token"));
        return;
    }
    // A repeated `auth` (after the client refreshed its token) extends the
    // connection to the new token's expiry and moves it to its session.
    connection.userId = token->userId;
    connection.sessionId = token->sessionId;
    connection.tokenExpiresAtMs = token->expiresAtMs;
    const QString clientId = message.value(QStringLiteral("clientId")).toString().trimmed();
    if (!clientId.isEmpty())
        connection.clientId = clientId;
    if (connection.authTimer) {
        connection.authTimer->stop();
        connection.authTimer->deleteLater();
        connection.authTimer = nullptr;
    }
    armExpiryTimer(socket, connection);
    qCInfo(lcWs).noquote() << "authenticated user" << connection.userId << "client"
                           << (connection.clientId.isEmpty() ? QStringLiteral("-")
                                                             : connection.clientId);
    send(socket, QJsonObject{{QStringLiteral("type"), QStringLiteral("auth-ok")}});
}

void WebSocketHub::armExpiryTimer(QWebSocket *socket, Connection &connection)
{
    if (!connection.expiryTimer) {
        connection.expiryTimer = new QTimer(socket);
        connection.expiryTimer->setSingleShot(true);
        connect(connection.expiryTimer, &QTimer::timeout, socket, [this, socket] {
            const auto found = m_connections.find(socket);
            if (found == m_connections.end() || found->closing || found->userId.isEmpty())
                return;
            if (QDateTime::currentMSecsSinceEpoch() >= found->tokenExpiresAtMs)
                refuse(socket, QStringLiteral("access token expired"),
                       QStringLiteral("token expired"));
            else
                armExpiryTimer(socket, found.value()); // a long lifetime, in steps
        });
    }
    // QTimer takes an int of milliseconds: a token living longer than a day
    // is checked again after each day.
    constexpr qint64 maxStepMs = 24LL * 3600 * 1000;
    const qint64 remainingMs = connection.tokenExpiresAtMs - QDateTime::currentMSecsSinceEpoch();
    connection.expiryTimer->start(int(qBound<qint64>(0, remainingMs, maxStepMs)));
}

void WebSocketHub::closeSession(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    QList<QWebSocket *> ended;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (!it->userId.isEmpty() && it->sessionId == sessionId)
            ended.append(it.key());
    }
    for (QWebSocket *socket : std::as_const(ended))
        refuse(socket, QStringLiteral("session ended"), QStringLiteral("session ended"));
}

void WebSocketHub::refuse(QWebSocket *socket, const QString &reason, const QString &errorText)
{
    qCInfo(lcWs).noquote() << "closing a connection:" << reason;
    const auto found = m_connections.find(socket);
    if (found != m_connections.end()) {
        if (found->closing)
            return;
        // No notice reaches it while the close handshake runs.
        found->closing = true;
        found->userId.clear();
        found->sessionId.clear();
        if (found->expiryTimer)
            found->expiryTimer->stop();
        if (found->authTimer)
            found->authTimer->stop();
    }
    send(socket, QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                             {QStringLiteral("tables"), QJsonArray{errorText}}});
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

void WebSocketHub::send(QWebSocket *socket, const QJsonObject &message)
{
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WebSocketHub::forget(QWebSocket *socket)
{
    if (m_connections.remove(socket))
        socket->deleteLater();
}

void WebSocketHub::notify(const QString &userId, const QString &appId, const QStringList &tables,
                          const QString &originClientId)
{
    if (userId.isEmpty() || tables.isEmpty())
        return;
    const QJsonObject notice{{QStringLiteral("type"), QStringLiteral("sync-available")},
                             {QStringLiteral("appId"), appId},
                             {QStringLiteral("tables"), QJsonArray::fromStringList(tables)}};
    int sent = 0;
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        const Connection &connection = it.value();
        if (connection.userId != userId)
            continue;
        if (!connection.appId.isEmpty() && connection.appId != appId)
            continue;
        if (!originClientId.isEmpty() && connection.clientId == originClientId)
            continue;
        send(it.key(), notice);
        ++sent;
    }
    if (sent > 0)
        qCDebug(lcWs) << "sync-available to" << sent << "connections";
}

void WebSocketHub::closeAll()
{
    const auto sockets = m_connections.keys();
    m_connections.clear();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutdown"));
        socket->deleteLater();
    }
}

int WebSocketHub::connectedUserCount() const
{
    QSet<QString> users;
    for (const Connection &connection : m_connections) {
        if (!connection.userId.isEmpty())
            users.insert(connection.userId);
    }
    return int(users.size());
}

} // namespace mana::server
