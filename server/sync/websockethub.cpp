#include "websockethub.h"

#include "serverlog.h"
#include "wire/change.h"

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
    if (found == m_connections.end())
        return;
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping")) {
        send(socket, QJsonObject{{QStringLiteral("type"), QStringLiteral("pong")}});
        return;
    }
    if (type == QLatin1String("auth")) {
        const auto userId = m_verifier(object.value(QStringLiteral("token")).toString());
        if (!userId) {
            refuse(socket, QStringLiteral("invalid token"));
            return;
        }
        Connection &connection = found.value();
        connection.userId = *userId;
        const QString clientId = object.value(QStringLiteral("clientId")).toString().trimmed();
        if (!clientId.isEmpty())
            connection.clientId = clientId;
        if (connection.authTimer) {
            connection.authTimer->stop();
            connection.authTimer->deleteLater();
            connection.authTimer = nullptr;
        }
        qCInfo(lcWs).noquote() << "authenticated user" << connection.userId << "client"
                               << (connection.clientId.isEmpty() ? QStringLiteral("-")
                                                                 : connection.clientId);
        send(socket, QJsonObject{{QStringLiteral("type"), QStringLiteral("auth-ok")}});
        return;
    }
    // Anything else (unknown types, garbage) is ignored: a newer client may
    // send messages this server does not know yet.
    qCDebug(lcWs) << "ignored a message of type" << type;
}

void WebSocketHub::refuse(QWebSocket *socket, const QString &reason)
{
    qCInfo(lcWs).noquote() << "refused a connection:" << reason;
    send(socket,
         QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                     {QStringLiteral("tables"), QJsonArray{QStringLiteral("invalid token")}}});
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
