// The sync routes of PROTOCOL.md: push (POST /sync/{appId}) and pull
// (GET /sync/{appId}/pull). Every query is scoped to the user of the access
// token; the merge itself is mana::mergeRecord (syncclient/wire), applied by
// the ChangeStore inside one transaction.
#pragma once

#include "changestore.h"
#include "http/httpreply.h"

#include <QHttpServerRequest>
#include <QString>
#include <functional>

namespace mana::server {

class AuthService;
class Metrics;

struct SyncServiceConfig
{
    // Field timestamps further ahead of the server clock are clamped to it.
    qint64 maxClockSkewMs = 5 * 60 * 1000;
    int pushPageSize = 1000;
    int pullDefaultLimit = 1000;
    int pullMaxLimit = 5000;
    // Milliseconds since the epoch; injectable for tests.
    std::function<qint64()> now;
};

class SyncService
{
public:
    SyncService(ChangeStore &store, const AuthService &auth, Metrics &metrics,
                SyncServiceConfig config);

    // Called after a push changed stored state (for the WebSocket notices).
    std::function<void(const QString &userId, const QString &appId, const QStringList &tables,
                       const QString &clientId)>
        onChangesCommitted;

    HttpReply handlePush(const QHttpServerRequest &request, const QString &appId);
    HttpReply handlePull(const QHttpServerRequest &request, const QString &appId);

    // Case-insensitive header lookup (RFC 9110), whatever the client sent.
    static QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);

private:
    qint64 nowMs() const;

    ChangeStore &m_store;
    const AuthService &m_auth;
    Metrics &m_metrics;
    SyncServiceConfig m_config;
};

} // namespace mana::server
