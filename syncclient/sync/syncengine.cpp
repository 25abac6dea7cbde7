#include "syncengine.h"

#include "localstore.h"

#include <QSet>

namespace mana {

namespace {

const QString kSignInAgain = QStringLiteral("Your session has ended. Sign in again to sync.");
// Fresh tokens refused in a row before the session counts as ended: enough
// for a token that expired on its way, few enough that a server refusing
// every token is not asked again and again.
constexpr int kMaxRefreshesWithoutSuccess = 3;

} // namespace

SyncEngine::SyncEngine(LocalStore *store, const SyncEngineConfig &config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(config)
    , m_transport(new SyncTransport(config.serverUrl, store->clientId(),
                                    config.tuning.transportLimits(), this))
    , m_socket(
          new NotificationSocket(config.serverUrl, store->clientId(), config.socketTiming, this))
{
    m_pollTimer.setInterval(m_config.pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &SyncEngine::syncNow);

    connect(m_store, &LocalStore::pendingChangesAdded, this, [this](const QString &appId) {
        if (AppChannel *channel = m_channels.value(appId))
            channel->schedulePush();
    });
    connect(m_store, &LocalStore::pendingChangesAcknowledged, this, [this](const QString &appId) {
        if (AppChannel *channel = m_channels.value(appId))
            channel->refreshStatus();
    });
    connect(m_socket, &NotificationSocket::syncAvailable, this,
            [this](const QString &appId, const QStringList &tables) {
                if (AppChannel *channel = m_channels.value(appId))
                    channel->pullNoticed(tables);
            });
    // (Re)connected: catch up on whatever was missed while the socket was down.
    connect(m_socket, &NotificationSocket::connected, this, &SyncEngine::syncNow);
    connect(m_socket, &NotificationSocket::authenticationFailed, this,
            [this] { onUnauthorized(m_transport->accessToken()); });
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::setAccessToken(const QString &token)
{
    m_transport->setAccessToken(token);
    m_socket->setAccessToken(token);
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    QSet<QString> apps;
    for (const Collection *collection : m_store->collections())
        apps.insert(collection->spec().appId);
    for (const QString &appId : std::as_const(apps)) {
        if (m_channels.contains(appId))
            continue;
        auto *channel =
            new AppChannel(m_store, m_transport, &m_sliceScheduler, appId, m_config.tuning, this);
        connect(channel->status(), &SyncStatus::changed, this, &SyncEngine::updateOverallStatus);
        connect(channel, &AppChannel::unauthorized, this, &SyncEngine::onUnauthorized);
        connect(channel, &AppChannel::progress, this, [this] {
            // Only a first sync shows progress; later pulls are small.
            const bool initial =
                std::any_of(m_channels.cbegin(), m_channels.cend(),
                            [](const AppChannel *c) { return c->isInInitialSync(); });
            m_status.setInitialSyncReceived(initial ? receivedCount() : 0);
            emit progress(receivedCount(), -1);
        });
        connect(channel, &AppChannel::reachable, this, [this](bool ok) {
            if (!ok)
                return;
            m_refreshesSinceSuccess = 0;
            // One answer means the server is back: the others need not wait
            // for their backoff to run out.
            for (AppChannel *other : std::as_const(m_channels)) {
                if (other->status()->state() == SyncStatus::State::Offline)
                    other->resume();
            }
        });
        m_channels.insert(appId, channel);
    }
    for (AppChannel *channel : std::as_const(m_channels)) {
        channel->setStopped(false);
        channel->requestFullSync();
    }
    m_socket->start();
    m_pollTimer.start();
    updateOverallStatus();
}

void SyncEngine::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_pollTimer.stop();
    m_socket->stop();
    for (AppChannel *channel : std::as_const(m_channels))
        channel->setStopped(true);
}

void SyncEngine::syncNow()
{
    if (!m_running)
        return;
    for (AppChannel *channel : std::as_const(m_channels))
        channel->requestFullSync();
}

SyncStatus *SyncEngine::appStatus(const QString &appId) const
{
    AppChannel *channel = m_channels.value(appId);
    return channel ? channel->status() : nullptr;
}

qint64 SyncEngine::receivedCount() const
{
    qint64 received = 0;
    for (const AppChannel *channel : m_channels)
        received += channel->receivedCount();
    return received;
}

void SyncEngine::onUnauthorized(const QString &rejectedToken)
{
    if (m_refreshing)
        return; // the refresh under way resumes every channel
    if (rejectedToken != m_transport->accessToken()) {
        // Sent before the last refresh: simply try again with the new token.
        for (AppChannel *channel : std::as_const(m_channels))
            channel->resume();
        return;
    }
    if (!m_refresher || m_refreshesSinceSuccess >= kMaxRefreshesWithoutSuccess) {
        // No way to refresh, or the fresh tokens were refused too.
        if (m_refresher)
            qCWarning(lcSync) << "access token refused after" << m_refreshesSinceSuccess
                              << "refreshes; the session has ended";
        for (AppChannel *channel : std::as_const(m_channels))
            channel->stopWithError(kSignInAgain);
        stop();
        return;
    }
    m_refreshing = true;
    qCInfo(lcSync) << "access token refused; refreshing it";
    m_refresher([this](const QString &token) {
        m_refreshing = false;
        if (token.isEmpty() || token == m_transport->accessToken()) {
            for (AppChannel *channel : std::as_const(m_channels))
                channel->stopWithError(kSignInAgain);
            stop();
            return;
        }
        setAccessToken(token);
        ++m_refreshesSinceSuccess;
        if (!m_socket->isAuthenticated() && m_running) {
            m_socket->stop();
            m_socket->start();
        }
        for (AppChannel *channel : std::as_const(m_channels))
            channel->resume();
    });
}

void SyncEngine::updateOverallStatus()
{
    SyncStatus::State state = SyncStatus::State::Synced;
    int pending = 0;
    QString error;
    QDateTime lastSynced;
    for (const AppChannel *channel : std::as_const(m_channels)) {
        SyncStatus *status = const_cast<AppChannel *>(channel)->status();
        state = std::max(state, status->state());
        pending += status->pendingCount();
        if (error.isEmpty())
            error = status->errorMessage();
        if (!lastSynced.isValid() || status->lastSyncedAt() > lastSynced)
            lastSynced = status->lastSyncedAt();
    }
    m_status.set(state, pending, error, lastSynced);
}

} // namespace mana
