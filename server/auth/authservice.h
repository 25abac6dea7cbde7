// Built-in auth of mana-sync (PROTOCOL.md "Auth"): accounts with Argon2id
// password hashes, Ed25519-signed access tokens (JWT, EdDSA), rotating
// opaque refresh tokens stored as hashes, and rate limiting of failed logins.
// Its tables (prefix auth_) live in the server's database, behind an
// AuthStore (SQLite on a QtSql connection, or PostgreSQL).
#pragma once

#include "http/httpreply.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace mana::server {

class AuthStore;

struct AuthConfig
{
    QString issuer = QStringLiteral("mana-sync");
    QString audience = QStringLiteral("mana-sync"); // empty: aud not checked
    int accessTokenTtlSeconds = 15 * 60;
    qint64 refreshTokenTtlSeconds = 30 * 86400;
    // iat and nbf may be this far ahead of the server's clock.
    qint64 clockSkewSeconds = 60;
    // Failed logins allowed per window before 429.
    int maxFailuresPerEmail = 10;
    int maxFailuresPerAddress = 30;
    int failureWindowSeconds = 15 * 60;
    // Registrations (valid requests, whatever their outcome) per address and
    // window before 429; 0 switches the limit off. The same figure as the
    // login limit per address (PROTOCOL.md): each one costs a hash and may
    // create an account.
    int maxRegistrationsPerAddress = 30;
    int registrationWindowSeconds = 15 * 60;
    // Argon2id passes of new password hashes (PasswordHasher::timeCost).
    quint32 passwordHashPasses = 2;
    // Other server processes share the database (PostgreSQL): a session this
    // process has not seen may have been created by another one, so a token
    // whose session is not in memory is checked against the table before it
    // is refused. Sessions ended elsewhere arrive through forgetSession().
    bool sessionsSharedWithOtherInstances = false;
    // Reverse proxies in front of the server: for a request from one of
    // them the client's address (for the rate limits) is the last entry of
    // X-Forwarded-For, the one the proxy itself appended. Without this every
    // client behind a proxy would share the proxy's limits.
    QList<QHostAddress> trustedProxies;
    // Injectable for tests; seconds since the epoch.
    std::function<qint64()> now;
};

struct AccessClaims
{
    QString userId; // sub
    QString email;
    QString role;
    QString sessionId; // sid; verified tokens always have a live one
    qint64 issuedAt = 0;
    qint64 expiresAt = 0;
};

class AuthService
{
public:
    // On the QtSql (SQLite) connection of that name.
    AuthService(QString connectionName, AuthConfig config);
    AuthService(std::unique_ptr<AuthStore> store, AuthConfig config);
    ~AuthService();

    // Creates the auth tables and loads the signing key, creating and storing
    // an Ed25519 key pair on the first start so tokens survive restarts.
    bool initialize(QString *error);

    // Route handlers; the router calls them for the paths of PROTOCOL.md.
    // Register and login hash a password (tens of milliseconds of CPU): the
    // blocking forms run it on the calling thread, the others on a worker
    // thread, calling `answer` on the service's thread when it is done.
    HttpReply handleRegister(const QHttpServerRequest &request);
    HttpReply handleLogin(const QHttpServerRequest &request);
    using ReplyCallback = std::function<void(const HttpReply &reply)>;
    void handleRegister(const QHttpServerRequest &request, ReplyCallback answer);
    void handleLogin(const QHttpServerRequest &request, ReplyCallback answer);
    // Password hashes running or queued on the worker threads.
    int passwordJobsInProgress() const;
    HttpReply handleRefresh(const QHttpServerRequest &request);
    HttpReply handleLogout(const QHttpServerRequest &request);
    HttpReply handleJwks(const QHttpServerRequest &request) const;

    // Checks an access token: EdDSA only, known kid, valid signature, not
    // expired, non-empty sub, aud when configured. On failure *reason says
    // why (for the log, never for the client).
    std::optional<AccessClaims> verifyAccessToken(const QString &token,
                                                  QString *reason = nullptr) const;
    // Reads "Authorization: Bearer …" and verifies it.
    std::optional<AccessClaims> authenticate(const QHttpServerRequest &request,
                                             QString *reason = nullptr) const;

    // Deletes expired refresh tokens and finished sessions and sweeps the
    // rate-limit counters; the server calls it at start and on a timer.
    bool purgeExpired();
    // Called on the service's thread with every session that ends (logout,
    // refresh-token reuse, expiry found by the purge).
    void setSessionEndedHandler(std::function<void(const QString &sessionId)> handler);
    // Another server process ended this session: it is refused from now on.
    // The session-ended handler is not called (the caller closes what it must).
    void forgetSession(const QString &sessionId);
    // Every session in memory is dropped and read from the table again when
    // next used: after this process may have missed other processes' ends.
    void forgetCachedSessions();

private:
    // The rate limits' key for the request's client (AuthConfig::trustedProxies).
    QString clientAddressKey(const QHttpServerRequest &request) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace mana::server
