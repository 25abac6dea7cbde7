// The logic behind AuthService's routes, free of QHttpServerRequest (which
// has no public constructor in Qt 6.4): it takes the request body and the
// client's rate-limit key, so tests drive exactly the code the server runs.
#pragma once

#include "accesstokencodec.h"
#include "authservice.h"
#include "authstore.h"
#include "loginratelimiter.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace mana::server {

class AuthEngine
{
public:
    static constexpr int minPasswordLength = 8;
    // Argon2 would take any length; the cap keeps a request from making
    // the server hash megabytes.
    static constexpr int maxPasswordLength = 1024;
    static constexpr int maxEmailLength = 254; // RFC 5321 path limit
    static constexpr int maxNameLength = 200;
    static constexpr int maxDeviceFieldLength = 200;

    // On the QtSql (SQLite) connection of that name.
    AuthEngine(QString connectionName, AuthConfig config);
    AuthEngine(std::unique_ptr<AuthStore> store, AuthConfig config);

    // Also loads the live sessions and purges what has expired.
    bool initialize(QString *error);
    bool isInitialized() const { return m_initialized; }

    // Register and login in one call: the password hash runs on the calling
    // thread. The server splits them (begin, hash on a worker, finish) so
    // its event loop never waits for a hash; the answers are the same.
    // clientAddressKey: LoginRateLimiter::addressKey() of the peer.
    HttpReply registerAccount(const QByteArray &body, const QString &clientAddressKey = {});
    HttpReply login(const QByteArray &body, const QString &clientAddressKey);

    // A registration that passed validation and the rate limit, waiting
    // for its password hash.
    struct PendingRegistration
    {
        StoredUser user; // without passwordHash yet
        QString password;
        quint32 hashPasses = 0;
    };
    // A login waiting for its password check.
    struct PendingLogin
    {
        QString emailKey;
        QString clientAddressKey;
        qint64 attemptRecordedAt = 0;
        std::optional<StoredUser> user; // nullopt: unknown email
        QString password;
        QString hashToCheck; // the user's, or the dummy hash
        QString deviceId;
        QString deviceName;
    };
    std::variant<HttpReply, PendingRegistration> beginRegistration(const QByteArray &body,
                                                                   const QString &clientAddressKey);
    // Thread-safe: touches no engine state.
    static std::optional<QString> hashPassword(const PendingRegistration &pending, QString *error);
    HttpReply finishRegistration(PendingRegistration pending,
                                 const std::optional<QString> &passwordHash,
                                 const QString &hashError);
    std::variant<HttpReply, PendingLogin> beginLogin(const QByteArray &body,
                                                     const QString &clientAddressKey);
    // Thread-safe: touches no engine state.
    static bool checkPassword(const PendingLogin &pending);
    HttpReply finishLogin(const PendingLogin &pending, bool passwordMatches);

    HttpReply refresh(const QByteArray &body);
    HttpReply logout(const QByteArray &body);
    HttpReply jwks() const;

    // The token's signature and claims (AccessTokenCodec), then its session:
    // the sid must be live (not logged out, not revoked, not expired) and
    // belong to the token's sub. The session check is a hash lookup in
    // memory, kept in step with auth_sessions by this engine.
    std::optional<AccessClaims> verifyAccessToken(const QString &token, QString *reason) const;

    // Deletes expired refresh tokens and finished sessions, and sweeps the
    // in-memory rate-limit counters. False when the database failed.
    bool purgeExpired();
    // Called with the id of every session that ends (logout, refresh-token
    // reuse, purge), so open WebSockets of it can be closed.
    std::function<void(const QString &sessionId)> onSessionEnded;
    // AuthService::forgetSession / forgetCachedSessions.
    void forgetSession(const QString &sessionId);
    void forgetCachedSessions();

    qint64 now() const;
    // Lowercased and trimmed; nullopt when it is no plausible address.
    static std::optional<QString> normalizedEmail(const QString &email);

    static constexpr qint64 keyReloadIntervalSeconds = 5;

private:
    bool loadSigningKeys(QString *error);
    // Every readable stored key verifies, the newest signs.
    std::optional<AccessTokenCodec> codecFromKeys(const QList<StoredSigningKey> &stored,
                                                  QString *error) const;
    // A token naming a key we do not know may come from another process
    // that rotated the key: read the table again, at most once per
    // keyReloadIntervalSeconds so that made-up key ids cannot make every
    // request a database read. True when the keys were read again.
    bool reloadKeysForUnknownKid(const QString &token) const;
    void endSession(const QString &sessionId);
    HttpReply tokenPairReply(const QString &userId, const QString &email,
                             const std::optional<QString> &name, const QString &sessionId,
                             const QString &refreshToken);

    AuthConfig m_config;
    std::unique_ptr<AuthStore> m_store;
    // Mutable because a verification may learn a key another process
    // added (reloadKeysForUnknownKid).
    mutable AccessTokenCodec m_tokens;
    mutable std::optional<qint64> m_lastKeyReload;
    LoginRateLimiter m_rateLimiter;
    // Registrations per address (the email limit is off: each registration
    // names a new email).
    LoginRateLimiter m_registrationLimiter;
    // Session id -> user id of the sessions whose access tokens are valid;
    // loaded at initialize(), then changed with every login, revocation and
    // purge. One server process per database keeps it exact; with several
    // (AuthConfig::sessionsSharedWithOtherInstances) it is a cache: a miss
    // reads the table, and other processes' ends arrive via forgetSession.
    mutable QHash<QString, QString> m_liveSessions;
    // Unknown emails are checked against this so that they cost as much
    // time as a wrong password (no timing oracle for account existence).
    QString m_dummyPasswordHash;
    bool m_initialized = false;
};

} // namespace mana::server
