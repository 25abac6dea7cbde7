// The routes of PROTOCOL.md as one call each, on top of HttpClient, plus
// the chores most tests start with (a fresh user with tokens) and the pull
// loop a client runs while hasMore.
#pragma once

#include "changebuilders.h"
#include "httpclient.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QString>
#include <optional>

namespace mana::servertest {

struct TestUser
{
    QString email;
    QString password;
    QString userId;
    QString accessToken;
    QString refreshToken;
};

struct PullResult
{
    bool ok = false;
    QString error;              // the failing answer, for messages
    QList<QJsonObject> changes; // every page, in order
    QString syncedUntil;        // the cursor after the last page
    int pages = 0;
    int largestPage = 0;
};

class SyncApi
{
public:
    explicit SyncApi(const QUrl &baseUrl = {});

    HttpClient &http() { return m_http; }
    void setBaseUrl(const QUrl &baseUrl) { m_http.setBaseUrl(baseUrl); }

    HttpResponse registerUser(const QString &email, const QString &password,
                              const QString &name = {});
    HttpResponse login(const QString &email, const QString &password);
    HttpResponse refresh(const QString &refreshToken);
    HttpResponse logout(const QString &refreshToken);
    HttpResponse jwks(const QString &path = QStringLiteral("/api/v1/auth/jwks"));

    // Registers a user with a unique email and logs in. Empty, with *error
    // set, when either step fails.
    std::optional<TestUser> createUser(QString *error,
                                       const QString &emailPrefix = QStringLiteral("user"));
    // Logs in again (new session, new tokens).
    bool relogin(TestUser &user, QString *error);

    // POST /sync/{appId}; clientId goes in X-Client-Id and the body.
    HttpResponse push(const TestUser &user, const QString &clientId, const QString &appId,
                      const QJsonArray &changes, const QString &since = epochCursor);
    // The same with the body as given and only the headers given (plus
    // Content-Type): for malformed requests.
    HttpResponse pushRaw(const QString &appIdPath, const QByteArray &body,
                         const HttpHeaders &headers);
    static QJsonObject pushBody(const QString &clientId, const QString &appId,
                                const QJsonArray &changes, const QString &since = epochCursor);

    // GET /sync/{appId}/pull; an empty collection means every collection
    // of the app, limit 0 the server's default.
    HttpResponse pull(const TestUser &user, const QString &clientId, const QString &appId,
                      const QString &collection, const QString &since = epochCursor, int limit = 0);
    // Pulls page after page while hasMore (at most maxPages).
    PullResult pullAll(const TestUser &user, const QString &clientId, const QString &appId,
                       const QString &collection, const QString &since = epochCursor, int limit = 0,
                       int maxPages = 1000);

    static HttpHeaders syncHeaders(const TestUser &user, const QString &clientId);

private:
    HttpClient m_http;
    int m_userCounter = 0;
};

// What most server tests do first: start `server`, point `api` at it and
// register a fresh user. std::nullopt and the reason (with the server's
// log when it did not start) when a step fails.
std::optional<TestUser> startServerWithUser(ServerProcess &server, SyncApi &api, QString *error);

} // namespace mana::servertest
