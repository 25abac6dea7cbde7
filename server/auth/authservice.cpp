#include "authservice.h"

#include "authengine.h"
#include "authlog.h"
#include "loginratelimiter.h"

#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <atomic>

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

namespace {

// More queued hashes than this answer 503 at once: a flood from many
// addresses (each under its rate limit) must not queue unbounded work.
constexpr int kMaxQueuedPasswordJobsPerThread = 64;

HttpReply busy()
{
    HttpReply reply = HttpReply::error(503, QStringLiteral("unavailable"),
                                       QStringLiteral("The server is busy. Try again shortly."));
    reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    return reply;
}

} // namespace

struct AuthService::Private
{
    Private(std::unique_ptr<AuthStore> store, AuthConfig config)
        : trustedProxies(config.trustedProxies)
        , engine(std::move(store), std::move(config))
    {
        // Hashing leaves one core to the event loop (which serves every
        // other request) on machines with more than one.
        hashPool.setMaxThreadCount(qMax(1, QThread::idealThreadCount() - 1));
    }
    ~Private()
    {
        // Jobs still queued are dropped; running ones finish before the
        // context they report to goes away.
        hashPool.clear();
        hashPool.waitForDone();
    }

    // Runs `work` on a hash thread, then `done(result)` on the service's
    // thread; done is dropped if the service is gone by then.
    template<typename Result>
    void runOffThread(std::function<Result()> work, std::function<void(Result)> done)
    {
        ++jobsInProgress;
        std::atomic<int> *counter = &jobsInProgress;
        hashPool.start(
            [work = std::move(work), done = std::move(done), counter, target = &context]() mutable {
                Result result = work();
                // The pool is drained before the context is destroyed, so the
                // target is alive here; a queued call dies with it.
                QMetaObject::invokeMethod(
                    target,
                    [done = std::move(done), result = std::move(result), counter]() mutable {
                        --*counter;
                        done(std::move(result));
                    },
                    Qt::QueuedConnection);
            });
    }
    bool isOverloaded() const
    {
        return jobsInProgress.load() >= kMaxQueuedPasswordJobsPerThread * hashPool.maxThreadCount();
    }

    QList<QHostAddress> trustedProxies; // from the config, for clientAddressKey
    AuthEngine engine;
    QObject context; // lives on the service's thread; receives the results
    std::atomic<int> jobsInProgress{0};
    QThreadPool hashPool; // declared last: drained first on destruction
};

QString AuthService::clientAddressKey(const QHttpServerRequest &request) const
{
    QHostAddress client = request.remoteAddress();
    const bool fromTrustedProxy = std::any_of(
        d->trustedProxies.cbegin(), d->trustedProxies.cend(), [&client](const QHostAddress &proxy) {
            return proxy.isEqual(client, QHostAddress::ConvertV4MappedToIPv4);
        });
    if (fromTrustedProxy) {
        // Earlier entries are whatever the client claimed; only the last
        // was written by the proxy. A malformed one keeps the proxy's address.
        const QByteArray forwarded = headerValue(request, "X-Forwarded-For");
        const QByteArray last = forwarded.mid(forwarded.lastIndexOf(',') + 1).trimmed();
        QHostAddress forwardedFor;
        if (!last.isEmpty() && forwardedFor.setAddress(QString::fromLatin1(last)))
            client = forwardedFor;
    }
    return LoginRateLimiter::addressKey(client);
}

AuthService::AuthService(QString connectionName, AuthConfig config)
    : AuthService(std::make_unique<SqliteAuthStore>(std::move(connectionName)), std::move(config))
{}

AuthService::AuthService(std::unique_ptr<AuthStore> store, AuthConfig config)
    : d(std::make_unique<Private>(std::move(store), std::move(config)))
{}

AuthService::~AuthService() = default;

bool AuthService::initialize(QString *error)
{
    return d->engine.initialize(error);
}

HttpReply AuthService::handleRegister(const QHttpServerRequest &request)
{
    return d->engine.registerAccount(request.body(), clientAddressKey(request));
}

HttpReply AuthService::handleLogin(const QHttpServerRequest &request)
{
    return d->engine.login(request.body(), clientAddressKey(request));
}

void AuthService::handleRegister(const QHttpServerRequest &request, ReplyCallback answer)
{
    auto begun = d->engine.beginRegistration(request.body(), clientAddressKey(request));
    if (auto *reply = std::get_if<HttpReply>(&begun)) {
        answer(*reply);
        return;
    }
    if (d->isOverloaded()) {
        qCWarning(lcAuth) << "password hash queue full; registration refused";
        answer(busy());
        return;
    }
    using Pending = AuthEngine::PendingRegistration;
    struct Hashed
    {
        std::optional<QString> hash;
        QString error;
    };
    auto pending = std::make_shared<Pending>(std::move(std::get<Pending>(begun)));
    Private *state = d.get();
    state->runOffThread<Hashed>(
        [pending] {
            Hashed hashed;
            hashed.hash = AuthEngine::hashPassword(*pending, &hashed.error);
            return hashed;
        },
        [state, pending, answer = std::move(answer)](Hashed hashed) {
            answer(
                state->engine.finishRegistration(std::move(*pending), hashed.hash, hashed.error));
        });
}

void AuthService::handleLogin(const QHttpServerRequest &request, ReplyCallback answer)
{
    auto begun = d->engine.beginLogin(request.body(), clientAddressKey(request));
    if (auto *reply = std::get_if<HttpReply>(&begun)) {
        answer(*reply);
        return;
    }
    using Pending = AuthEngine::PendingLogin;
    auto pending = std::make_shared<Pending>(std::move(std::get<Pending>(begun)));
    Private *state = d.get();
    if (state->isOverloaded()) {
        // The attempt stays counted against its address: floods fill the queue.
        qCWarning(lcAuth) << "password hash queue full; login refused";
        answer(busy());
        return;
    }
    state->runOffThread<bool>([pending] { return AuthEngine::checkPassword(*pending); },
                              [state, pending, answer = std::move(answer)](bool matches) {
                                  answer(state->engine.finishLogin(*pending, matches));
                              });
}

int AuthService::passwordJobsInProgress() const
{
    return d->jobsInProgress.load();
}

bool AuthService::purgeExpired()
{
    return d->engine.purgeExpired();
}

void AuthService::forgetSession(const QString &sessionId)
{
    d->engine.forgetSession(sessionId);
}

void AuthService::forgetCachedSessions()
{
    d->engine.forgetCachedSessions();
}

void AuthService::setSessionEndedHandler(std::function<void(const QString &sessionId)> handler)
{
    d->engine.onSessionEnded = std::move(handler);
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
