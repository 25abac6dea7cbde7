// The WebSocket side of PROTOCOL.md: authenticates each connection with its
// first message, answers pings, and tells the other clients of a user that
// new changes exist ("sync-available"). A notice is a hint, never data, and
// never reaches another user.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QWebSocket;
class QTimer;

namespace mana::server {

class WebSocketHub final : public QObject
{
    Q_OBJECT
public:
    // Returns the user id of a valid access token; nullopt refuses it.
    using TokenVerifier = std::function<std::optional<QString>(const QString &token)>;

    explicit WebSocketHub(TokenVerifier verifier, QObject *parent = nullptr);
    ~WebSocketHub() override;

    // "/ws", or "/ws/{appId}" with a valid app id.
    static bool isWebSocketPath(const QString &path);

    // Takes ownership of an upgraded socket.
    void adopt(QWebSocket *socket);
    // After a push by `originClientId` changed something: tells every other
    // authenticated connection of the user that watches all apps or this one.
    void notify(const QString &userId, const QString &appId, const QStringList &tables,
                const QString &originClientId);
    // Shutdown: closes every connection with "going away".
    void closeAll();

    int connectionCount() const { return int(m_connections.size()); }
    int connectedUserCount() const;

    int authTimeoutMs = 10'000;

private:
    struct Connection
    {
        QString userId; // empty until authenticated
        QString clientId;
        QString appId; // empty: every app
        QTimer *authTimer = nullptr;
    };

    void handleMessage(QWebSocket *socket, const QString &message);
    void refuse(QWebSocket *socket, const QString &reason);
    void send(QWebSocket *socket, const QJsonObject &message);
    void forget(QWebSocket *socket);

    TokenVerifier m_verifier;
    QHash<QWebSocket *, Connection> m_connections;
};

} // namespace mana::server
