// mana-sync assembled: the database, auth, the change store, the sync
// routes, the WebSocket hub, health and metrics, all on one port.
#pragma once

#include "serverconfig.h"

#include "http/httpreply.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QTimer;

namespace mana {
class WalCheckpointer;
}

namespace mana::server {

namespace pg {
class Connection;
}

class AuthService;
class DatabaseFileHealth;
class ChangeStore;
class HttpFrontend;
class InstanceBus;
class Metrics;
class Router;
class SyncService;
class WebSocketHub;

class SyncServer final : public QObject
{
    Q_OBJECT
public:
    explicit SyncServer(ServerConfig config, QObject *parent = nullptr);
    ~SyncServer() override;

    // Opens the database, prepares the tables and listens. On failure
    // *error is a sentence for the operator and nothing keeps running.
    bool start(QString *error);
    quint16 port() const { return m_port; }
    QHostAddress address() const { return m_config.listenAddress; }
    // "http://127.0.0.1:3010", IPv6 in brackets.
    QString baseUrl() const;

    // Stops accepting connections, closes the WebSockets, lets written
    // answers reach their clients (at most a few seconds), closes the
    // database, then emits stopped().
    void shutdown();

signals:
    void stopped();

private:
    void addRoutes();
    HttpReply healthReply();
    void closeDatabase();
    bool openSqlite(QString *error);
    bool startInstanceBus(QString *error);

    ServerConfig m_config;
    QString m_connectionName;
    quint16 m_port = 0;
    bool m_stopping = false;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<ChangeStore> m_store;
    std::shared_ptr<pg::Connection> m_postgres; // the stores' connection on PostgreSQL
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<DatabaseFileHealth> m_fileHealth;
    QString m_lastHealthProblem; // logged once per change
    QTimer *m_authPurgeTimer = nullptr;
    WebSocketHub *m_hub = nullptr;
    InstanceBus *m_instances = nullptr; // PostgreSQL only
    HttpFrontend *m_frontend = nullptr;
};

} // namespace mana::server
