// The WebSocket side of PROTOCOL.md: authenticates each connection with its
// first message, answers pings, and tells the other clients of a user that
// new changes exist ("sync-available"). A notice is a hint, never data, and
// never reaches another user.
//
// A connection lives as long as its access token: it is closed (1008) when
// the token expires unless a fresh `auth` came first, and at once when the
// token's session ends (logout, refresh-token reuse). Before `auth`, any
// other message closes it (1008): only `auth` is read from a stranger.
//
// The connections live on K shards (websocketshard.h), each with its own
// thread and event loop, so the main thread's poll() covers only the
// listening socket and HTTP connections (docs/server.md, "WebSocket
// threads"). Every public function here is called on the main thread, and
// the token verifier runs there too. With K = 0 the one shard lives on the
// hub's own thread (no extra thread).
#pragma once

#include "sync/websocketshard.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTcpSocket;
class QThread;
class QWebSocket;

namespace mana::server {

class WebSocketHub final : public QObject
{
    Q_OBJECT
public:
    using VerifiedToken = VerifiedWebSocketToken;
    // Checks an access token; nullopt refuses it. Runs on the hub's thread.
    using TokenVerifier = std::function<std::optional<VerifiedToken>(const QString &token)>;

    // threadCount 0: the connections stay on the hub's thread.
    explicit WebSocketHub(TokenVerifier verifier, QObject *parent = nullptr);
    WebSocketHub(TokenVerifier verifier, int threadCount, QObject *parent = nullptr);
    ~WebSocketHub() override;

    // "/ws", or "/ws/{appId}" with a valid app id.
    static bool isWebSocketPath(const QString &path);

    // Takes ownership of an upgraded socket: keeps its request's client id
    // and app, takes its socket descriptor from `transport`, the TCP
    // connection under it (HttpFrontend::releaseWebSocketTransport), and
    // deletes both Qt objects (docs/server.md, "Lean WebSocket
    // connections"). Without a transport the socket is closed.
    void adopt(QWebSocket *socket, QTcpSocket *transport);
    // Takes over an upgraded connection's socket descriptor (connected,
    // non-blocking, the 101 answer sent) and hands it to the shard with the
    // fewest connections. `received`: bytes the client sent after its
    // handshake that were already read. `appId` empty: every app.
    void adoptDescriptor(int descriptor, const QByteArray &received, const QString &clientId,
                         const QString &appId);
    // After a push by `originClientId` changed something: tells every other
    // authenticated connection of the user that watches all apps or this one.
    void notify(const QString &userId, const QString &appId, const QStringList &tables,
                const QString &originClientId);
    // The session ended (logout, revocation, expiry): closes its connections.
    void closeSession(const QString &sessionId);
    // Shutdown: closes every connection with "going away" and ends the
    // shards' threads. Later sockets are closed at once.
    void closeAll();

    // Open connections (exact: counted when adopted, uncounted when gone).
    int connectionCount() const;
    // Users with an authenticated connection: counted when the hub accepts
    // a token, uncounted when a shard reports the connection gone (a queued
    // call, so that may lag by a moment).
    int connectedUserCount() const { return int(m_userConnections.size()); }
    int threadCount() const { return int(m_threads.size()); }

    int authTimeoutMs = 10'000;

private:
    friend class WebSocketShard;
    // Called from a shard (posted to this thread): verifies an `auth`
    // token and posts the verdict back.
    void verifyForShard(WebSocketShard *shard, quint64 id, const QString &token,
                        const QString &clientId);
    // A shard's authenticated connections of `userId` changed by `delta`.
    void countUser(int shardIndex, const QString &userId, int delta);
    // Runs `call` on the shard's thread: at once when that is this thread,
    // else posted.
    template<typename Call> void runOnShard(WebSocketShard *shard, Call &&call);

    TokenVerifier m_verifier;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::vector<std::unique_ptr<WebSocketShard>> m_shards;
    // Authenticated connections of each user, per shard: a notice goes only
    // to the shards that hold some of that user's connections.
    QHash<QString, std::vector<int>> m_userConnections;
    quint64 m_nextConnectionId = 0;
    bool m_closed = false;
};

} // namespace mana::server
