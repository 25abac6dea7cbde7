// The WebSocket of PROTOCOL.md (`/ws`): authenticates with the access
// token, turns "sync-available" notices into signals, keeps the connection
// alive with pings, and reconnects with exponential backoff and jitter.
#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace mana {

class NotificationSocket : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        int pingIntervalMs = 25000;
        int silenceLimitMs = 60000; // nothing heard for this long: reconnect
        int backoffStartMs = 1000;
        int backoffMaxMs = 60000;
        int authTimeoutMs = 10000;
    };

    NotificationSocket(const QUrl &serverUrl, const QString &clientId, Timing timing,
                       QObject *parent = nullptr);

    // A new token on an open socket is sent at once (a repeated `auth`), so
    // the server keeps the socket past the old token's expiry.
    void setAccessToken(const QString &token);
    void start();
    void stop();
    bool isAuthenticated() const { return m_authenticated; }

signals:
    // Authenticated (first time or after a reconnect): time to catch up.
    void connected();
    void disconnected();
    void syncAvailable(const QString &appId, const QStringList &tables);
    // The server refused `token`: the oldest `auth` it had not answered yet
    // (a re-auth with a refreshed token may be on its way behind it, and
    // the engine may hold a newer one by now).
    void authenticationFailed(const QString &token);

private:
    void open();
    void scheduleReconnect();
    void onTextMessage(const QString &message);
    void sendAuth();

    QUrl m_url;
    QString m_clientId;
    QString m_accessToken;
    // The tokens of the `auth` messages sent and not answered yet, oldest
    // first: the server answers them in order and closes the socket at the
    // first it refuses.
    QStringList m_unansweredAuthTokens;
    Timing m_timing;
    QWebSocket m_socket;
    QTimer m_pingTimer;
    QTimer m_silenceTimer;
    QTimer m_reconnectTimer;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_authenticated = false;
};

} // namespace mana
