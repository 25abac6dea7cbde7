// The WebSocket side of PROTOCOL.md: authenticates each connection with its
// first message, answers pings, and tells the other clients of a user that
// new changes exist ("sync-available"). A notice is a hint, never data, and
// never reaches another user.
//
// A connection lives as long as its access token: it is closed (1008) when
// the token expires unless a fresh `auth` came first, and at once when the
// token's session ends (logout, refresh-token reuse). Before `auth`, any
// other message closes it (1008): only `auth` is read from a stranger.
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
    struct VerifiedToken
    {
        QString userId;
        QString sessionId;
        qint64 expiresAtMs = 0; // ms since the epoch
    };
    // Checks an access token; nullopt refuses it.
    using TokenVerifier = std::function<std::optional<VerifiedToken>(const QString &token)>;

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
    // The session ended (logout, revocation, expiry): closes its connections.
    void closeSession(const QString &sessionId);
    // Shutdown: closes every connection with "going away".
    void closeAll();

    int connectionCount() const { return int(m_connections.size()); }
    int connectedUserCount() const;

    int authTimeoutMs = 10'000;

private:
    struct Connection
    {
        QString userId; // empty until authenticated, and once refused
        QString sessionId;
        QString clientId;
        QString appId; // empty: every app
        qint64 tokenExpiresAtMs = 0;
        bool closing = false; // refused: nothing more is read or sent
        QTimer *authTimer = nullptr;
        QTimer *expiryTimer = nullptr;
    };

    void handleMessage(QWebSocket *socket, const QString &message);
    void authenticate(QWebSocket *socket, Connection &connection, const QJsonObject &message);
    void armExpiryTimer(QWebSocket *socket, Connection &connection);
    // Sends {"type":"error","tables":[errorText]} and closes with 1008.
    void refuse(QWebSocket *socket, const QString &reason,
                const QString &errorText = QStringLiteral("invalid token"));
    void send(QWebSocket *socket, const QJsonObject &message);
    void forget(QWebSocket *socket);

    TokenVerifier m_verifier;
    QHash<QWebSocket *, Connection> m_connections;
};

} // namespace mana::server
