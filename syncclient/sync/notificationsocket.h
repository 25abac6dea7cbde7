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

    void setAccessToken(const QString &token) { m_accessToken = token; }
    void start();
    void stop();
    bool isAuthenticated() const { return m_authenticated; }

signals:
    // Authenticated (first time or after a reconnect): time to catch up.
    void connected();
    void disconnected();
    void syncAvailable(const QString &appId, const QStringList &tables);
    // The server refused the token.
    void authenticationFailed();

private:
    void open();
    void scheduleReconnect();
    void onTextMessage(const QString &message);

    QUrl m_url;
    QString m_clientId;
    QString m_accessToken;
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
