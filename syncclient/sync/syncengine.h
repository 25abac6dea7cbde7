// The sync engine of one signed-in profile: a channel per app id over the
// profile's LocalStore, one WebSocket for notices, a 30 s fallback poll, the
// token refresh, and the overall status the shell shows. Guests have none.
#pragma once

#include "appchannel.h"
#include "notificationsocket.h"
#include "slicescheduler.h"
#include "syncstatus.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>

namespace mana {

class LocalStore;

struct SyncEngineConfig
{
    QUrl serverUrl;
    int pollIntervalMs = 30000;
    SyncTuning tuning;
    NotificationSocket::Timing socketTiming;
};

class SyncEngine : public QObject
{
    Q_OBJECT
    Q_PROPERTY(mana::SyncStatus *status READ status CONSTANT)
    Q_PROPERTY(qint64 receivedCount READ receivedCount NOTIFY progress)
public:
    // Called when the server refused the access token, or shortly before it
    // expires: get a new one (with the refresh token) and call `done` with it
    // and its lifetime (`expiresIn`, 0 when unknown), or with an empty string
    // when the session is over.
    using TokenReady = std::function<void(const QString &token, int expiresInSeconds)>;
    using TokenRefresher = std::function<void(TokenReady done)>;

    SyncEngine(LocalStore *store, const SyncEngineConfig &config, QObject *parent = nullptr);
    ~SyncEngine() override;

    // With a lifetime, the token is refreshed before it expires, and the
    // open WebSocket re-authenticates with the new one instead of being
    // closed by the server at expiry (a reconnect and a catch-up of all
    // apps every 15 minutes).
    void setAccessToken(const QString &token, int expiresInSeconds = 0);
    void setTokenRefresher(TokenRefresher refresher) { m_refresher = std::move(refresher); }

    // Creates a channel for every app id with collections in the store,
    // pulls what is new, pushes what is pending, opens the WebSocket.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // Push and pull every app now (a "Sync now" button).
    void syncNow();

    SyncStatus *status() { return &m_status; }
    SyncStatus *appStatus(const QString &appId) const;
    QStringList appIds() const { return m_channels.keys(); }
    qint64 receivedCount() const;
    bool isNotificationSocketConnected() const { return m_socket->isAuthenticated(); }

signals:
    // Records received by pulls so far; `total` is -1 because the protocol
    // does not announce totals.
    void progress(qint64 received, qint64 total);

private:
    void onUnauthorized(const QString &rejectedToken);
    void refreshBeforeExpiry();
    void endSession();
    void scheduleRefreshBeforeExpiry(int expiresInSeconds);
    void updateOverallStatus();

    LocalStore *m_store;
    SyncEngineConfig m_config;
    SyncTransport *m_transport;
    NotificationSocket *m_socket;
    // The channels' slices of pulled pages take turns here.
    SliceScheduler m_sliceScheduler;
    QHash<QString, AppChannel *> m_channels;
    SyncStatus m_status;
    QTimer m_pollTimer;
    QTimer m_expiryRefreshTimer;
    TokenRefresher m_refresher;
    bool m_running = false;
    bool m_refreshing = false;
    // A channel was refused while a refresh was under way: resume them all
    // when it lands.
    bool m_resumeAfterRefresh = false;
    // Refreshes since the last request that succeeded. A fresh token can
    // expire before it is used (a laptop suspended right after a refresh, a
    // machine too loaded to send within a short lifetime), so one refused
    // fresh token does not end the session; kMaxRefreshesWithoutSuccess do.
    int m_refreshesSinceSuccess = 0;
};

} // namespace mana
