#include "syncengine.h"

#include "localstore.h"

#include <QSet>

#include <limits>
#include <utility>

namespace mana {

namespace {

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
    m_expiryRefreshTimer.setSingleShot(true);
    connect(&m_expiryRefreshTimer, &QTimer::timeout, this, &SyncEngine::refreshBeforeExpiry);

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
            [this](const QString &rejectedToken) {
                if (rejectedToken == m_transport->accessToken()) {
                    onUnauthorized(rejectedToken);
                    return;
                }
                // It sent a token refreshed since: try the new one (a refused
                // fresh token is then refreshed as usual).
                m_socket->stop();
                m_socket->start();
            });
}

SyncEngine::~SyncEngine()
{
    stop();
}

void SyncEngine::setAccessToken(const QString &token, int expiresInSeconds)
{
    m_transport->setAccessToken(token);
    m_socket->setAccessToken(token);
    scheduleRefreshBeforeExpiry(expiresInSeconds);
}

void SyncEngine::scheduleRefreshBeforeExpiry(int expiresInSeconds)
{
    m_expiryRefreshTimer.stop();
    if (expiresInSeconds <= 0)
        return;
    // A minute before expiry, or at three quarters of a short lifetime: late
    // enough to refresh rarely, early enough that a slow refresh still lands
    // before the server closes the WebSocket. One more second because `exp`
    // is in whole seconds (a token may live up to a second less than
    // `expiresIn`), but never before half the lifetime. A timer that fires
    // late (a suspended laptop) is covered by the refused-token path.
    const qint64 lifetimeMs = qint64(expiresInSeconds) * 1000;
    const qint64 marginMs = std::min<qint64>(60'000, lifetimeMs / 4) + 1000;
    const qint64 refreshInMs = std::max(lifetimeMs / 2, lifetimeMs - marginMs);
    m_expiryRefreshTimer.start(int(std::min<qint64>(refreshInMs, std::numeric_limits<int>::max())));
}

void SyncEngine::refreshBeforeExpiry()
{
    if (!m_running || !m_refresher || m_refreshing)
        return;
    m_refreshing = true;
    qCInfo(lcSync) << "access token about to expire; refreshing it";
    const QString expiring = m_transport->accessToken();
    m_refresher([this, expiring](const QString &token, int expiresInSeconds) {
        m_refreshing = false;
        if (token.isEmpty()) {
            endSession();
            return;
        }
        if (m_transport->accessToken() == expiring)
            setAccessToken(token, expiresInSeconds);
        // else a newer token arrived meanwhile (a new sign-in): keep it.
        if (std::exchange(m_resumeAfterRefresh, false)) {
            for (AppChannel *channel : std::as_const(m_channels))
                channel->resume();
        }
    });
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
    if (m_refreshing) {
        m_resumeAfterRefresh = true; // the refresh under way resumes every channel
        return;
    }
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
        endSession();
        return;
    }
    m_refreshing = true;
    qCInfo(lcSync) << "access token refused; refreshing it";
    m_refresher([this](const QString &token, int expiresInSeconds) {
        m_refreshing = false;
        m_resumeAfterRefresh = false; // every channel resumes below
        if (token.isEmpty()) {
            endSession();
            return;
        }
        // The same token again is no sign of an ended session: tokens of one
        // session issued within the same second are identical (whole-second
        // `iat`/`exp`, deterministic signatures), and the refusal may have
        // been of an older one. It counts as a refresh without success.
        setAccessToken(token, expiresInSeconds);
        ++m_refreshesSinceSuccess;
        if (!m_socket->isAuthenticated() && m_running) {
            m_socket->stop();
            m_socket->start();
        }
        for (AppChannel *channel : std::as_const(m_channels))
            channel->resume();
    });
}

void SyncEngine::endSession()
{
    m_expiryRefreshTimer.stop();
    for (AppChannel *channel : std::as_const(m_channels))
        channel->stopWithError(
            syncError(SyncError::SessionEnded, QStringLiteral("The server ended the session.")));
    stop();
}

void SyncEngine::updateOverallStatus()
{
    SyncStatus::State state = SyncStatus::State::Synced;
    int pending = 0;
    SyncErrorInfo error;
    QDateTime lastSynced;
    for (const AppChannel *channel : std::as_const(m_channels)) {
        SyncStatus *status = const_cast<AppChannel *>(channel)->status();
        state = std::max(state, status->state());
        pending += status->pendingCount();
        if (!error.isError())
            error = status->error();
        if (!lastSynced.isValid() || status->lastSyncedAt() > lastSynced)
            lastSynced = status->lastSyncedAt();
    }
    m_status.set(state, pending, error, lastSynced);
}

} // namespace mana
