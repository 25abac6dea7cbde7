#include "syncserver.h"

#include "authservice.h"
#include "databasehealth.h"
#include "http/httpfrontend.h"
#include "http/metrics.h"
#include "http/quickacktcpserver.h"
#include "http/router.h"
#include "pg/pgconnection.h"
#include "postgresauthstore.h"
#include "serverlog.h"
#include "sync/instancebus.h"
#include "sync/postgreschangestore.h"
#include "sync/sqlitechangestore.h"
#include "sync/syncservice.h"
#include "sync/websockethub.h"
#include "walcheckpointer.h"
#include "wire/timestamp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

namespace mana::server {

namespace {

constexpr int kShutdownFlushLimitMs = 5000;
constexpr int kCheckpointIntervalMs = 100;
using Method = QHttpServerRequest::Method;

// Between closing the database and the end of the process.
HttpReply unavailable()
{
    HttpReply reply = HttpReply::error(503, QStringLiteral("unavailable"),
                                       QStringLiteral("The server is shutting down."));
    reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    return reply;
}

} // namespace

SyncServer::SyncServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connectionName(QStringLiteral("mana-sync-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_metrics(std::make_unique<Metrics>())
    , m_router(std::make_unique<Router>())
{}

SyncServer::~SyncServer()
{
    delete m_frontend;
    m_frontend = nullptr;
    delete m_hub;
    m_hub = nullptr;
    closeDatabase();
}

QString SyncServer::baseUrl() const
{
    const QString host = m_config.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(m_config.listenAddress.toString())
                             : m_config.listenAddress.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_port);
}

bool SyncServer::start(QString *error)
{
    const bool postgres = !m_config.postgresUrl.isEmpty();
    const QString where = postgres ? pg::describeTarget(m_config.postgresUrl)
                                   : QStringLiteral("\"%1\"").arg(m_config.sqlitePath);
    std::unique_ptr<AuthStore> authStore;
    if (postgres) {
        // One connection for the auth and the sync tables: the server runs
        // their statements on one thread, one at a time.
        m_postgres = pg::Connection::open(m_config.postgresUrl, error);
        if (!m_postgres)
            return false;
        authStore = std::make_unique<PostgresAuthStore>(m_postgres);
    } else {
        if (!openSqlite(error))
            return false;
        authStore = std::make_unique<SqliteAuthStore>(m_connectionName);
    }
    QString reason;

    AuthConfig authConfig;
    authConfig.accessTokenTtlSeconds = m_config.accessTokenTtlSeconds;
    authConfig.refreshTokenTtlSeconds = m_config.refreshTokenTtlSeconds;
    authConfig.maxRegistrationsPerAddress = m_config.maxRegistrationsPerAddress;
    authConfig.passwordHashPasses = quint32(m_config.passwordHashPasses);
    authConfig.sessionsSharedWithOtherInstances = postgres;
    authConfig.trustedProxies = m_config.trustedProxies;
    m_auth = std::make_unique<AuthService>(std::move(authStore), authConfig);
    if (!m_auth->initialize(&reason)) {
        *error = QStringLiteral("Cannot prepare the auth tables in %1: %2").arg(where, reason);
        return false;
    }
    // Sessions end on logout, on refresh-token reuse and when the purge
    // finds them expired; their WebSockets close with them.
    m_auth->setSessionEndedHandler([this](const QString &sessionId) {
        if (m_hub)
            m_hub->closeSession(sessionId);
        if (m_instances) {
            InstanceMessage ended;
            ended.kind = InstanceMessage::Kind::SessionEnded;
            ended.sessionId = sessionId;
            m_instances->publish(ended);
        }
    });
    // initialize() purged once; from now on the timer does.
    m_authPurgeTimer = new QTimer(this);
    connect(m_authPurgeTimer, &QTimer::timeout, this, [this] {
        if (m_auth)
            m_auth->purgeExpired();
    });
    m_authPurgeTimer->start(qint64(m_config.authPurgeIntervalSeconds) * 1000);
    if (postgres)
        m_store = std::make_unique<PostgresChangeStore>(m_postgres);
    else
        m_store = std::make_unique<SqliteChangeStore>(m_connectionName);
    if (!m_store->initialize(&reason)) {
        *error = QStringLiteral("Cannot prepare the sync tables in %1: %2").arg(where, reason);
        return false;
    }

    if (postgres && !startInstanceBus(error))
        return false;

    m_hub = new WebSocketHub(
        [this](const QString &token) -> std::optional<WebSocketHub::VerifiedToken> {
            QString why;
            const auto claims = m_auth ? m_auth->verifyAccessToken(token, &why) : std::nullopt;
            if (!claims) {
                qCInfo(lcWs).noquote() << "token refused:" << why;
                return std::nullopt;
            }
            return WebSocketHub::VerifiedToken{claims->userId, claims->sessionId,
                                               claims->expiresAt * 1000};
        },
        m_config.webSocketThreads);
    m_metrics->connectionCount = [this] { return m_hub ? m_hub->connectionCount() : 0; };
    m_metrics->connectedUserCount = [this] { return m_hub ? m_hub->connectedUserCount() : 0; };

    SyncServiceConfig syncConfig;
    syncConfig.maxClockSkewMs = m_config.maxClockSkewMs;
    m_sync = std::make_unique<SyncService>(*m_store, *m_auth, *m_metrics, syncConfig);
    m_sync->onChangesCommitted = [this](const QString &userId, const QString &appId,
                                        const QStringList &tables, const QString &clientId) {
        if (m_hub)
            m_hub->notify(userId, appId, tables, clientId);
        if (m_instances)
            m_instances->publish(
                {InstanceMessage::Kind::Changes, userId, appId, tables, clientId, QString()});
    };
    addRoutes();

    m_frontend = new HttpFrontend(*m_router, *m_metrics);
    m_frontend->acceptsWebSocketPath = [this](const QString &path) {
        return !m_stopping && WebSocketHub::isWebSocketPath(path);
    };
    connect(m_frontend, &HttpFrontend::newWebSocketConnection, this, [this] {
        while (m_frontend->hasPendingWebSocketConnections()) {
            QWebSocket *socket = m_frontend->nextPendingWebSocketConnection().release();
            if (m_stopping) {
                socket->close(QWebSocketProtocol::CloseCodeGoingAway);
                socket->deleteLater();
            } else {
                m_hub->adopt(socket, m_frontend->releaseWebSocketTransport(*socket));
            }
        }
    });

    HttpLimits limits;
    limits.headerTimeoutMs = m_config.headerTimeoutMs;
    limits.bodyTimeoutMs = m_config.bodyTimeoutMs;
    limits.idleTimeoutMs = m_config.idleTimeoutMs;
    auto *tcpServer = new QuickAckTcpServer(limits, m_metrics.get(), m_frontend);
    if (!tcpServer->listen(m_config.listenAddress, m_config.port)) {
        *error = QStringLiteral("Cannot listen on %1 port %2: %3")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.port)
                     .arg(tcpServer->errorString());
        return false;
    }
    m_frontend->bind(tcpServer);
    m_port = tcpServer->serverPort();
    qCInfo(lcMain).noquote() << "serving" << baseUrl() << "with database" << where;
    return true;
}

bool SyncServer::startInstanceBus(QString *error)
{
    // Other mana-sync processes may serve the same database: what one of
    // them commits or ends reaches the WebSockets and sessions held here.
    m_instances = new InstanceBus(m_config.postgresUrl, this);
    QString reason;
    if (!m_instances->start(&reason)) {
        *error = QStringLiteral("Cannot listen for other instances on %1: %2")
                     .arg(pg::describeTarget(m_config.postgresUrl), reason);
        return false;
    }
    connect(m_instances, &InstanceBus::received, this, [this](const InstanceMessage &message) {
        if (message.kind == InstanceMessage::Kind::SessionEnded) {
            if (m_auth)
                m_auth->forgetSession(message.sessionId);
            if (m_hub)
                m_hub->closeSession(message.sessionId);
            return;
        }
        if (m_hub)
            m_hub->notify(message.userId, message.appId, message.tables, message.originClientId);
    });
    // Ends of sessions may have been missed while the bus was down.
    connect(m_instances, &InstanceBus::reconnected, this, [this] {
        if (m_auth)
            m_auth->forgetCachedSessions();
    });
    return true;
}

bool SyncServer::openSqlite(QString *error)
{
    const auto durability = m_config.syncEveryCommit ? SqliteChangeStore::Durability::PowerLoss
                                                     : SqliteChangeStore::Durability::ServerCrash;
    if (!SqliteChangeStore::openDatabase(m_config.sqlitePath, m_connectionName, error, durability))
        return false;
    // Checkpoints run beside the pushes, not inside them; the main
    // connection only checkpoints itself should that thread fall behind.
    m_checkpointer = std::make_unique<WalCheckpointer>(m_config.sqlitePath, kCheckpointIntervalMs);
    if (!m_checkpointer->start(error))
        return false;
    QSqlQuery(QSqlDatabase::database(m_connectionName, false))
        .exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1")
                  .arg(WalCheckpointer::kFallbackAutoCheckpointPages));

    m_fileHealth =
        std::make_unique<DatabaseFileHealth>(m_config.sqlitePath, m_config.minFreeDiskBytes);
    QString reason;
    if (!m_fileHealth->recordOpenedFile(&reason))
        qCWarning(lcMain).noquote() << "health checks of the database file are limited:" << reason;
    return true;
}

void SyncServer::addRoutes()
{
    Router &router = *m_router;
    const auto auth = [this](HttpReply (AuthService::*handler)(const QHttpServerRequest &)) {
        return [this, handler](const QHttpServerRequest &request, const QStringList &) {
            if (!m_auth)
                return unavailable();
            return (m_auth.get()->*handler)(request);
        };
    };
    // Register and login hash a password on a worker thread and answer
    // when it is done; the event loop serves everyone else meanwhile.
    using DeferredAuthHandler =
        void (AuthService::*)(const QHttpServerRequest &, AuthService::ReplyCallback);
    const auto hashing = [this](DeferredAuthHandler handler) {
        return [this, handler](const QHttpServerRequest &request, const QStringList &,
                               ReplyCallback answer) {
            if (!m_auth) {
                answer(unavailable());
                return;
            }
            (m_auth.get()->*handler)(request, std::move(answer));
        };
    };
    router.addDeferred(Method::Post, QStringLiteral("/api/v1/auth/register"),
                       hashing(&AuthService::handleRegister));
    router.addDeferred(Method::Post, QStringLiteral("/api/v1/auth/login"),
                       hashing(&AuthService::handleLogin));
    router.add(Method::Post, QStringLiteral("/api/v1/auth/refresh"),
               auth(&AuthService::handleRefresh));
    router.add(Method::Post, QStringLiteral("/api/v1/auth/logout"),
               auth(&AuthService::handleLogout));
    const auto jwks = [this](const QHttpServerRequest &request, const QStringList &) {
        if (!m_auth)
            return unavailable();
        return m_auth->handleJwks(request);
    };
    router.add(Method::Get, QStringLiteral("/api/auth/jwks"), jwks);
    router.add(Method::Get, QStringLiteral("/api/v1/auth/jwks"), jwks);

    router.add(Method::Post, QStringLiteral("/sync/{appId}"),
               [this](const QHttpServerRequest &request, const QStringList &parameters) {
                   if (!m_sync)
                       return unavailable();
                   return m_sync->handlePush(request, parameters.at(0));
               });
    router.add(Method::Get, QStringLiteral("/sync/{appId}/pull"),
               [this](const QHttpServerRequest &request, const QStringList &parameters) {
                   if (!m_sync)
                       return unavailable();
                   return m_sync->handlePull(request, parameters.at(0));
               });

    // Reached only without an Upgrade header (upgrades never get here).
    const auto upgradeRequired = [](const QHttpServerRequest &, const QStringList &) {
        HttpReply reply = HttpReply::error(426, QStringLiteral("upgrade_required"),
                                           QStringLiteral("This endpoint speaks WebSocket only."));
        reply.headers.append({QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")});
        return reply;
    };
    router.add(Method::Get, QStringLiteral("/ws"), upgradeRequired);
    router.add(Method::Get, QStringLiteral("/ws/{appId}"), upgradeRequired);

    router.add(Method::Get, QStringLiteral("/health"),
               [this](const QHttpServerRequest &, const QStringList &) { return healthReply(); });
    router.add(Method::Get, QStringLiteral("/metrics"),
               [this](const QHttpServerRequest &, const QStringList &) {
                   HttpReply reply;
                   reply.contentType = "text/plain; version=0.0.4; charset=utf-8";
                   reply.body = m_metrics->render();
                   return reply;
               });
}

HttpReply SyncServer::healthReply()
{
    std::optional<QString> problem;
    if (!m_store || !m_store->isHealthy())
        problem = QStringLiteral("the database does not answer");
    else if (m_fileHealth)
        problem = m_fileHealth->problem();
    if (problem.value_or(QString()) != m_lastHealthProblem) {
        if (problem)
            qCWarning(lcMain).noquote() << "unhealthy:" << *problem;
        else
            qCInfo(lcMain) << "healthy again";
        m_lastHealthProblem = problem.value_or(QString());
    }
    if (problem)
        m_metrics->addDatabaseError();
    QJsonObject body{
        {QStringLiteral("status"), problem ? QStringLiteral("unavailable") : QStringLiteral("ok")},
        {QStringLiteral("service"), QStringLiteral("mana-sync")},
        {QStringLiteral("timestamp"), formatTimestamp(QDateTime::currentMSecsSinceEpoch())},
        {QStringLiteral("connections"), m_hub ? m_hub->connectionCount() : 0},
        {QStringLiteral("users"), m_hub ? m_hub->connectedUserCount() : 0}};
    if (problem)
        body.insert(QStringLiteral("reason"), *problem); // ext: for the operator
    // ext, PostgreSQL only: whether notices of other instances arrive. Their
    // loss delays other devices' pulls but loses no data, so it is no 503.
    if (m_instances)
        body.insert(QStringLiteral("instances"), m_instances->isListening()
                                                     ? QStringLiteral("listening")
                                                     : QStringLiteral("reconnecting"));
    return HttpReply::json(problem ? 503 : 200, body);
}

void SyncServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcMain) << "shutting down";
    if (m_authPurgeTimer)
        m_authPurgeTimer->stop();
    if (m_frontend)
        m_frontend->stopListening();
    if (m_hub)
        m_hub->closeAll();

    // Answers already written may still sit in socket buffers; give them a
    // moment to leave before the process ends.
    auto *timer = new QTimer(this);
    auto *elapsed = new QElapsedTimer;
    elapsed->start();
    connect(timer, &QTimer::timeout, this, [this, timer, elapsed] {
        if (m_frontend && m_frontend->hasUnsentAnswers() &&
            elapsed->elapsed() < kShutdownFlushLimitMs)
            return;
        timer->stop();
        timer->deleteLater();
        delete elapsed;
        closeDatabase();
        qCInfo(lcMain) << "stopped";
        emit stopped();
    });
    timer->start(20);
}

void SyncServer::closeDatabase()
{
    delete m_instances;
    m_instances = nullptr;
    m_sync.reset();
    m_store.reset();
    m_auth.reset();
    m_checkpointer.reset();
    m_postgres.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

} // namespace mana::server
