// The WebSockets of one worker thread: opened a few at a time, each
// authenticated as its user's device, kept alive with pings, and reading
// `sync-available` notices for the NoticeTracker.
#pragma once

#include "mana_load_accounts.h"
#include "mana_load_notices.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>
#include <vector>

class QWebSocket;

namespace mana::load {

struct ConnectionSpec
{
    int user = 0;
    int device = 0; // device 0 of each user is the one that pushes
    int server = 0;
    QString clientId;
};

// Progress of every worker, read by the main thread while it waits.
struct ConnectionCounters
{
    std::atomic<int> authenticated{0};
    std::atomic<int> refused{0};      // closed or answered an error before auth-ok
    std::atomic<int> disconnected{0}; // closed by the server after auth-ok
    std::atomic<qint64> notices{0};   // every sync-available read
};

class ConnectionSet : public QObject
{
    Q_OBJECT
public:
    ConnectionSet(QList<ConnectionSpec> specs, const QList<LoadAccount> &accounts,
                  QList<QUrl> webSocketUrls, NoticeTracker &notices, ConnectionCounters &counters);
    ~ConnectionSet() override;

    // Slots for the main thread (queued calls into this object's thread).
    // At most `maxOpening` handshakes (TCP, upgrade, auth) at once.
    void openAll(int maxOpening, int pingIntervalMs);
    void closeAll();
    // Specs of the connections that got auth-ok and are still open.
    QList<ConnectionSpec> openConnections() const;

private:
    struct Connection
    {
        ConnectionSpec spec;
        QWebSocket *socket = nullptr;
        bool authenticated = false;
        bool finished = false; // refused or disconnected, counted once
    };

    void openMore();
    void onText(Connection &connection, const QString &text);
    void onDisconnected(Connection &connection);
    void handshakeDone();
    void pingSlice();

    std::vector<Connection> m_connections;
    const QList<LoadAccount> &m_accounts;
    QList<QUrl> m_webSocketUrls;
    NoticeTracker &m_notices;
    ConnectionCounters &m_counters;
    int m_maxOpening = 0;
    int m_opening = 0;
    qsizetype m_nextToOpen = 0;
    bool m_closing = false;
    QTimer m_pingTimer;
    int m_pingSlices = 1;
    int m_pingTick = 0;
};

} // namespace mana::load
