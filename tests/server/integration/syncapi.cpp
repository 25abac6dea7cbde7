#include "syncapi.h"

#include <QStringList>
#include <QUuid>

namespace mana::servertest {

SyncApi::SyncApi(const QUrl &baseUrl)
    : m_http(baseUrl)
{}

HttpResponse SyncApi::registerUser(const QString &email, const QString &password,
                                   const QString &name)
{
    QJsonObject body{{"email", email}, {"password", password}};
    if (!name.isEmpty())
        body.insert("name", name);
    return m_http.postJson(QStringLiteral("/api/v1/auth/register"), body);
}

HttpResponse SyncApi::login(const QString &email, const QString &password)
{
    return m_http.postJson(QStringLiteral("/api/v1/auth/login"),
                           {{"email", email}, {"password", password}});
}

HttpResponse SyncApi::refresh(const QString &refreshToken)
{
    return m_http.postJson(QStringLiteral("/api/v1/auth/refresh"),
                           {{"refreshToken", refreshToken}});
}

HttpResponse SyncApi::logout(const QString &refreshToken)
{
    return m_http.postJson(QStringLiteral("/api/v1/auth/logout"), {{"refreshToken", refreshToken}});
}

HttpResponse SyncApi::jwks(const QString &path)
{
    return m_http.get(path);
}

std::optional<TestUser> SyncApi::createUser(QString *error, const QString &emailPrefix)
{
    TestUser user;
    // Unique across server restarts on one database too.
    user.email = QStringLiteral("%1-%2-%3@example.com")
                     .arg(emailPrefix)
                     .arg(++m_userCounter)
                     .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    user.password = QStringLiteral("correct horse battery");
    const HttpResponse registered = registerUser(user.email, user.password, emailPrefix);
    if (registered.status != 201) {
        *error = QStringLiteral("register %1: %2").arg(user.email, registered.describe());
        return std::nullopt;
    }
    if (!relogin(user, error))
        return std::nullopt;
    return user;
}

bool SyncApi::relogin(TestUser &user, QString *error)
{
    const HttpResponse answer = login(user.email, user.password);
    const QJsonObject body = answer.json();
    user.accessToken = body.value("accessToken").toString();
    user.refreshToken = body.value("refreshToken").toString();
    user.userId = body.value("user").toObject().value("id").toString();
    if (answer.status != 200 || user.accessToken.isEmpty() || user.refreshToken.isEmpty()) {
        *error = QStringLiteral("login %1: %2").arg(user.email, answer.describe());
        return false;
    }
    return true;
}

QJsonObject SyncApi::pushBody(const QString &clientId, const QString &appId,
                              const QJsonArray &changes, const QString &since)
{
    return {{"clientId", clientId}, {"appId", appId}, {"since", since}, {"changes", changes}};
}

HttpResponse SyncApi::push(const TestUser &user, const QString &clientId, const QString &appId,
                           const QJsonArray &changes, const QString &since)
{
    return m_http.postJson(QStringLiteral("/sync/") + appId,
                           pushBody(clientId, appId, changes, since), syncHeaders(user, clientId));
}

HttpResponse SyncApi::pushRaw(const QString &appIdPath, const QByteArray &body,
                              const HttpHeaders &headers)
{
    return m_http.post(QStringLiteral("/sync/") + appIdPath, body, headers);
}

HttpResponse SyncApi::pull(const TestUser &user, const QString &clientId, const QString &appId,
                           const QString &collection, const QString &since, int limit)
{
    QStringList query;
    if (!collection.isEmpty())
        query += QStringLiteral("collection=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(collection));
    query += QStringLiteral("since=") + QString::fromLatin1(QUrl::toPercentEncoding(since));
    if (limit > 0)
        query += QStringLiteral("limit=%1").arg(limit);
    return m_http.get(QStringLiteral("/sync/%1/pull?%2").arg(appId, query.join(QLatin1Char('&'))),
                      syncHeaders(user, clientId));
}

PullResult SyncApi::pullAll(const TestUser &user, const QString &clientId, const QString &appId,
                            const QString &collection, const QString &since, int limit,
                            int maxPages)
{
    PullResult result;
    QString cursor = since;
    while (result.pages < maxPages) {
        const HttpResponse page = pull(user, clientId, appId, collection, cursor, limit);
        const QJsonObject body = page.json();
        if (page.status != 200 || !body.value("serverChanges").isArray() ||
            !body.value("syncedUntil").isString()) {
            result.error = QStringLiteral("page %1: %2").arg(result.pages + 1).arg(page.describe());
            return result;
        }
        const QJsonArray changes = body.value("serverChanges").toArray();
        ++result.pages;
        result.largestPage = qMax(result.largestPage, int(changes.size()));
        result.changes += objectsOf(changes);
        cursor = body.value("syncedUntil").toString();
        result.syncedUntil = cursor;
        if (!body.value("hasMore").toBool()) {
            result.ok = true;
            return result;
        }
    }
    result.error = QStringLiteral("still hasMore after %1 pages").arg(maxPages);
    return result;
}

HttpHeaders SyncApi::syncHeaders(const TestUser &user, const QString &clientId)
{
    HttpHeaders headers = bearer(user.accessToken);
    if (!clientId.isEmpty())
        headers.append({QByteArrayLiteral("X-Client-Id"), clientId.toUtf8()});
    return headers;
}

std::optional<TestUser> startServerWithUser(ServerProcess &server, SyncApi &api, QString *error)
{
    if (!server.start()) {
        *error = server.errorString();
        return std::nullopt;
    }
    api.setBaseUrl(server.baseUrl());
    return api.createUser(error);
}

} // namespace mana::servertest
