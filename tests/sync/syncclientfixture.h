// A sync client for end-to-end tests: its own database file, a todo-like
// collection, and a SyncEngine pointed at the real mana-sync on loopback,
// with short backoffs so reconnects take a second, not a minute.
#pragma once

#include "localstore.h"
#include "syncapi.h"
#include "syncengine.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <memory>
#include <optional>

namespace mana::synctest {

inline const QString kAppId = QStringLiteral("todo");

// tasks: title string, priority low|medium|high|urgent, notes text?, n integer?
CollectionSpec taskSpec(const QString &appId = kAppId);

class SyncClient
{
public:
    // `config`: fastConfig(serverUrl) when not given.
    SyncClient(const QString &name, const QUrl &serverUrl, const servertest::TestUser &user,
               HybridLogicalClock::WallClock wallClock = {},
               const std::optional<SyncEngineConfig> &config = std::nullopt);
    ~SyncClient();

    LocalStore &store() { return m_store; }
    Collection *tasks() { return m_tasks; }
    // A tasks collection of another app id (before the engine starts).
    Collection *addApp(const QString &appId);
    SyncEngine *engine() { return m_engine.get(); }
    SyncStatus *status() { return m_engine->status(); }
    QString name() const { return m_name; }
    int refreshCount() const { return m_refreshCount; }
    // Gives the engine the token's lifetime (this one's and every refreshed
    // one's), so that it refreshes before expiry as the app does.
    void refreshBeforeExpiry(int accessTokenLifetimeSeconds)
    {
        m_refreshBeforeExpiry = true;
        m_engine->setAccessToken(m_user.accessToken, accessTokenLifetimeSeconds);
    }

    // Every row of tasks (deleted included) as JSON, sorted by id.
    QList<QJsonObject> rows();
    bool isSynced()
    {
        return status()->state() == SyncStatus::State::Synced && status()->pendingCount() == 0;
    }

private:
    QString m_name;
    QTemporaryDir m_dir;
    LocalStore m_store;
    Collection *m_tasks = nullptr;
    std::unique_ptr<SyncEngine> m_engine;
    servertest::TestUser m_user;
    QUrl m_serverUrl;
    QNetworkAccessManager m_network;
    int m_refreshCount = 0;
    bool m_refreshBeforeExpiry = false;
};

SyncEngineConfig fastConfig(const QUrl &serverUrl);

} // namespace mana::synctest
