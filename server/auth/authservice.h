// Built-in auth of mana-sync (PROTOCOL.md "Auth"): accounts with Argon2id
// password hashes, Ed25519-signed access tokens (JWT, EdDSA), rotating
// opaque refresh tokens stored as hashes, and rate limiting of failed logins.
// Its tables (prefix auth_) live in the server's database, on the QtSql
// connection whose name it is given.
#pragma once

#include "http/httpreply.h"

#include <QHttpServerRequest>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace mana::server {

struct AuthConfig
{
    QString issuer = QStringLiteral("mana-sync");
    QString audience = QStringLiteral("mana-sync"); // empty: aud not checked
    int accessTokenTtlSeconds = 15 * 60;
    int refreshTokenTtlDays = 30;
    // Failed logins allowed per window before 429.
    int maxFailuresPerEmail = 10;
    int maxFailuresPerAddress = 30;
    int failureWindowSeconds = 15 * 60;
    // Injectable for tests; seconds since the epoch.
    std::function<qint64()> now;
};

struct AccessClaims
{
    QString userId; // sub
    QString email;
    QString role;
    QString sessionId; // sid
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

class AuthService
{
public:
    AuthService(QString connectionName, AuthConfig config);
    ~AuthService();

    // Creates the auth tables and loads the signing key, creating and storing
    // an Ed25519 key pair on the first start so tokens survive restarts.
    bool initialize(QString *error);

    // Route handlers; the router calls them for the paths of PROTOCOL.md.
    HttpReply handleRegister(const QHttpServerRequest &request);
    HttpReply handleLogin(const QHttpServerRequest &request);
    HttpReply handleRefresh(const QHttpServerRequest &request);
    HttpReply handleLogout(const QHttpServerRequest &request);
    HttpReply handleJwks(const QHttpServerRequest &request) const;

    // Checks an access token: EdDSA only, known kid, valid signature, not
    // expired, non-empty sub, aud when configured. On failure *reason says
    // why (for the log, never for the client).
    std::optional<AccessClaims> verifyAccessToken(const QString &token, QString *reason = nullptr) const;
    // Reads "Authorization: Bearer …" and verifies it.
    std::optional<AccessClaims> authenticate(const QHttpServerRequest &request,
                                             QString *reason = nullptr) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mana::server
