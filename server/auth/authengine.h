// The logic behind AuthService's routes, free of QHttpServerRequest (which
// has no public constructor in Qt 6.4): it takes the request body and the
// client's rate-limit key, so tests drive exactly the code the server runs.
#pragma once

#include "accesstokencodec.h"
#include "authservice.h"
#include "authstore.h"
#include "loginratelimiter.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

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

    AuthEngine(QString connectionName, AuthConfig config);

    bool initialize(QString *error);
    bool isInitialized() const { return m_initialized; }

    HttpReply registerAccount(const QByteArray &body);
    // clientAddressKey: LoginRateLimiter::addressKey() of the peer.
    HttpReply login(const QByteArray &body, const QString &clientAddressKey);
    HttpReply refresh(const QByteArray &body);
    HttpReply logout(const QByteArray &body);
    HttpReply jwks() const;

    std::optional<AccessClaims> verifyAccessToken(const QString &token, QString *reason) const;

    qint64 now() const;
    // Lowercased and trimmed; nullopt when it is no plausible address.
    static std::optional<QString> normalizedEmail(const QString &email);

private:
    bool loadSigningKeys(QString *error);
    HttpReply tokenPairReply(const QString &userId, const QString &email,
                             const std::optional<QString> &name, const QString &sessionId,
                             const QString &refreshToken);

    AuthConfig m_config;
    AuthStore m_store;
    AccessTokenCodec m_tokens;
    LoginRateLimiter m_rateLimiter;
    // Unknown emails are checked against this so that they cost as much
    // time as a wrong password (no timing oracle for account existence).
    QString m_dummyPasswordHash;
    bool m_initialized = false;
};

} // namespace mana::server
