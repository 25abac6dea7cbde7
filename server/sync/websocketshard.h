// One part of the WebSocket connections of mana-sync, with its own event
// loop (docs/server.md, "WebSocket threads"). The WebSocketHub owns the
// shards; everything in here runs on the shard's thread, and the hub talks
// to a shard only by posting calls to it (notices, session ends, shutdown),
// never by touching its connections.
//
// The protocol rules are those of websockethub.h. What differs from doing
// it on one thread: an `auth` is verified on the main thread (the token
// check reads the session table the main thread writes), so the shard asks
// the hub and applies the verdict when it comes back, if the connection is
// still there. Messages that arrive meanwhile wait and are read after it.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <map>
#include <optional>

class QJsonObject;
class QTimer;

namespace mana::server {

class WebSocketHub;
class WebSocketStream;

// A verified access token: who, which session, valid until when.
struct VerifiedWebSocketToken
{
    QString userId;
    QString sessionId;
    qint64 expiresAtMs = 0; // ms since the epoch
};

class WebSocketShard final : public QObject
{
    Q_OBJECT
public:
    // `hub` lives on the main thread and outlives the shard.
    WebSocketShard(int index, WebSocketHub *hub);
    ~WebSocketShard() override;

    int index() const { return m_index; }
    // Open connections, read by the hub on the main thread; the hub adds
    // one when it hands a socket over, the shard removes it when it is gone.
    std::atomic<int> connectionCount{0};

    // The rest runs on the shard's thread.

    // Takes over an upgraded connection's socket descriptor (`received`:
    // bytes the client sent after the handshake that were already read).
    void addConnection(quint64 id, int descriptor, const QByteArray &received,
                       const QString &clientId, const QString &appId, int authTimeoutMs);
    void handleMessage(quint64 id, const QByteArray &message);
    // The main thread's answer to an `auth` (nullopt: refused).
    void applyVerdict(quint64 id, const std::optional<VerifiedWebSocketToken> &token,
                      const QString &clientId);
    void notify(const QString &userId, const QString &appId, const QStringList &tables,
                const QString &originClientId);
    void closeSession(const QString &sessionId);
    // Shutdown: closes every connection with "going away".
    void closeAll();

private:
    struct Connection
    {
        WebSocketStream *stream = nullptr;
        QString userId; // empty until authenticated, and once refused
        QString sessionId;
        QString clientId;
        QString appId; // empty: every app
        qint64 tokenExpiresAtMs = 0;
        bool closing = false;   // refused: nothing more is read or sent, the close handshake runs
        bool verifying = false; // an `auth` is with the main thread
        // Its entry in m_deadlines (auth timeout, then token expiry, then the
        // end of the close handshake), or end().
        std::multimap<qint64, quint64>::iterator deadline;
        QList<QByteArray> waiting; // messages that came while `verifying`
    };
    using ConnectionMap = QHash<quint64, Connection>;

    void readMessage(quint64 id, Connection &connection, const QByteArray &message);
    void askForVerdict(quint64 id, Connection &connection, const QJsonObject &message);
    void refuse(quint64 id, Connection &connection, const QString &reason,
                const QString &errorText = QStringLiteral("invalid token"));
    void send(WebSocketStream *stream, const QJsonObject &message);
    void forget(quint64 id);
    // The connection no longer counts as its user's (m_byUser, the hub's
    // count).
    void clearUser(quint64 id, Connection &connection);
    // Tells the hub that this shard has `delta` more connections of a user.
    void reportUser(const QString &userId, int delta);

    // One timer for every connection's next deadline, instead of two
    // QTimers per connection (memory: docs/server.md).
    qint64 nowMs() const { return m_clock.elapsed(); }
    void setDeadline(quint64 id, Connection &connection, qint64 atMs);
    void clearDeadline(Connection &connection);
    void armDeadlineTimer();
    void deadlinesPassed();
    void armTokenExpiry(quint64 id, Connection &connection);

    const int m_index;
    WebSocketHub *const m_hub;
    ConnectionMap m_connections;
    QMultiHash<QString, quint64> m_byUser;      // authenticated connections of each user
    std::multimap<qint64, quint64> m_deadlines; // ms on m_clock -> connection id
    QElapsedTimer m_clock;
    QTimer *m_deadlineTimer = nullptr;
};

} // namespace mana::server
