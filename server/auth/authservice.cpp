#include "authservice.h"

#include "authengine.h"
#include "loginratelimiter.h"

namespace mana::server {

namespace {

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    // Header names are case-insensitive (RFC 9110), whatever the client sent.
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

} // namespace

struct AuthService::Private
{
    Private(QString connectionName, AuthConfig config)
        : engine(std::move(connectionName), std::move(config))
    {}
    AuthEngine engine;
};

AuthService::AuthService(QString connectionName, AuthConfig config)
    : d(std::make_unique<Private>(std::move(connectionName), std::move(config)))
{}

AuthService::~AuthService() = default;

bool AuthService::initialize(QString *error)
{
    return d->engine.initialize(error);
}

HttpReply AuthService::handleRegister(const QHttpServerRequest &request)
{
    return d->engine.registerAccount(request.body());
}

HttpReply AuthService::handleLogin(const QHttpServerRequest &request)
{
    return d->engine.login(request.body(), LoginRateLimiter::addressKey(request.remoteAddress()));
}

HttpReply AuthService::handleRefresh(const QHttpServerRequest &request)
{
    return d->engine.refresh(request.body());
}

HttpReply AuthService::handleLogout(const QHttpServerRequest &request)
{
    return d->engine.logout(request.body());
}

HttpReply AuthService::handleJwks(const QHttpServerRequest &) const
{
    return d->engine.jwks();
}

std::optional<AccessClaims> AuthService::verifyAccessToken(const QString &token,
                                                           QString *reason) const
{
    return d->engine.verifyAccessToken(token, reason);
}

std::optional<AccessClaims> AuthService::authenticate(const QHttpServerRequest &request,
                                                      QString *reason) const
{
    const QByteArray authorization = headerValue(request, "Authorization").trimmed();
    // The scheme name is case-insensitive too (RFC 9110 11.1).
    static const QByteArray scheme = "bearer ";
    if (authorization.size() <= scheme.size() ||
        authorization.left(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0) {
        if (reason)
            *reason = QStringLiteral("no bearer token");
        return std::nullopt;
    }
    const QByteArray token = authorization.mid(scheme.size()).trimmed();
    return d->engine.verifyAccessToken(QString::fromLatin1(token), reason);
}

} // namespace mana::server
