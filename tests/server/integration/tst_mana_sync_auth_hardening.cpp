// Issue 13 ("Hardening") for mana-sync's auth and WebSocket hub, against the
// real binary: the registration rate limit, access tokens of ended sessions
// (also after a restart), forged claims (iss, iat, nbf, sub), WebSockets that
// outlive their token or session or talk before auth, password hashing off
// the event loop, /health on a broken database, and the purge of auth rows.
#include "serverdatabase.h"
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "tokenforge.h"
#include "websocketclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <memory>

using namespace mana::servertest;

namespace {

// Waits until the wall clock has passed `epochSeconds` by `extraMs`.
void sleepUntilPast(qint64 epochSeconds, qint64 extraMs)
{
    const qint64 waitMs = epochSeconds * 1000 + extraMs - QDateTime::currentMSecsSinceEpoch();
    if (waitMs > 0)
        QTest::qWait(int(waitMs));
}

qint64 expiryOf(const QString &accessToken)
{
    const auto jwt = decodeJwt(accessToken);
    return jwt ? jwt->payload.value("exp").toInteger() : 0;
}

} // namespace

class TestManaSyncAuthHardening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    // Row 1
    void registrationsAreRateLimitedPerAddress();
    // Row 2
    void loggedOutSessionIsRefusedAlsoAfterRestart();
    void reusedRefreshTokenEndsTheAccessTokens();
    // Row 3
    void forgedClaimsAreRefused_data();
    void forgedClaimsAreRefused();
    // Row 4
    void socketClosesWhenItsTokenExpires();
    void freshAuthExtendsTheSocket();
    void logoutClosesTheSocketsOfThatSession();
    void refreshTokenReuseClosesTheSockets();
    void onlyAuthIsReadBeforeAuthentication_data();
    void onlyAuthIsReadBeforeAuthentication();
    // Row 5
    void passwordHashingLeavesTheEventLoopFree();
    // Row 6
    void healthIs503WhenTheDatabaseIsBroken_data();
    void healthIs503WhenTheDatabaseIsBroken();
    void expiredAuthRowsArePurged();
    void expiredAuthRowsArePurgedAtStart();

private:
    bool connectDevice(WebSocketClient &socket, const ServerProcess &server,
                       const QString &accessToken, const QString &clientId = newClientId());

    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TimestampSource m_clock;
};

void TestManaSyncAuthHardening::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
}

void TestManaSyncAuthHardening::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

bool TestManaSyncAuthHardening::connectDevice(WebSocketClient &socket, const ServerProcess &server,
                                              const QString &accessToken, const QString &clientId)
{
    return socket.connectAndAuthenticate(server.webSocketUrl(), accessToken, clientId);
}

void TestManaSyncAuthHardening::registrationsAreRateLimitedPerAddress()
{
    // Its own server: the address starts with no registrations.
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    for (int attempt = 1; attempt <= 60; ++attempt) {
        const HttpResponse answer = api.registerUser(
            QStringLiteral("flood-%1@example.com").arg(attempt), "long enough password");
        if (attempt <= 30) {
            QVERIFY2(
                answer.status == 201,
                qPrintable(
                    QStringLiteral("registration %1: %2").arg(attempt).arg(answer.describe())));
            continue;
        }
        MANA_COMPARE_ERROR(answer, 429, "rate_limited");
        bool isNumber = false;
        const int retryAfter = answer.header("Retry-After").toInt(&isNumber);
        QVERIFY2(isNumber && retryAfter > 0 && retryAfter <= 15 * 60,
                 qPrintable(answer.describe()));
    }
    // Nothing was stored for the refused ones; the accepted ones log in (the
    // registration limit leaves the login limit alone).
    MANA_COMPARE_ERROR(api.login("flood-31@example.com", "long enough password"), 401,
                       "invalid_credentials");
    MANA_COMPARE_STATUS(api.login("flood-30@example.com", "long enough password"), 200);
    QCOMPARE(countServerRows(server.databaseUrl(), "auth_users"), 30);
    QCOMPARE(server.stop(), 0);
}

void TestManaSyncAuthHardening::loggedOutSessionIsRefusedAlsoAfterRestart()
{
    QString error;
    auto loggedOut = m_api.createUser(&error, QStringLiteral("logout"));
    QVERIFY2(loggedOut, qPrintable(error));
    TestUser otherDevice = *loggedOut;
    QVERIFY2(m_api.relogin(otherDevice, &error), qPrintable(error)); // a second session
    MANA_COMPARE_STATUS(m_api.pull(*loggedOut, newClientId(), "todo", "tasks"), 200);

    MANA_COMPARE_STATUS(m_api.logout(loggedOut->refreshToken), 204);
    // The access token has most of its 15 minutes left, and is refused.
    MANA_COMPARE_ERROR(m_api.pull(*loggedOut, newClientId(), "todo", "tasks"), 401, "unauthorized");
    MANA_COMPARE_STATUS(m_api.pull(otherDevice, newClientId(), "todo", "tasks"), 200);

    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
    m_api.http().resetConnections();
    MANA_COMPARE_ERROR(m_api.pull(*loggedOut, newClientId(), "todo", "tasks"), 401, "unauthorized");
    MANA_COMPARE_STATUS(m_api.pull(otherDevice, newClientId(), "todo", "tasks"), 200);
    WebSocketClient socket;
    QVERIFY(socket.open(m_server->webSocketUrl()));
    const auto answer = socket.authenticate(loggedOut->accessToken, newClientId());
    QVERIFY2(answer && answer->value("type").toString() == "error",
             answer ? qPrintable(describeMessages({*answer})) : "no answer");
}

void TestManaSyncAuthHardening::reusedRefreshTokenEndsTheAccessTokens()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("reuse"));
    QVERIFY2(user, qPrintable(error));
    const HttpResponse rotated = m_api.refresh(user->refreshToken);
    MANA_COMPARE_STATUS(rotated, 200);
    TestUser rotatedUser = *user;
    rotatedUser.accessToken = rotated.json().value("accessToken").toString();
    MANA_COMPARE_STATUS(m_api.pull(rotatedUser, newClientId(), "todo", "tasks"), 200);

    MANA_COMPARE_STATUS(m_api.refresh(user->refreshToken), 401); // reuse: family revoked
    MANA_COMPARE_ERROR(m_api.pull(*user, newClientId(), "todo", "tasks"), 401, "unauthorized");
    MANA_COMPARE_ERROR(m_api.pull(rotatedUser, newClientId(), "todo", "tasks"), 401,
                       "unauthorized");
}

void TestManaSyncAuthHardening::forgedClaimsAreRefused_data()
{
    QTest::addColumn<QString>("claim");
    QTest::addColumn<QJsonValue>("value"); // Undefined: the claim is removed
    QTest::addColumn<int>("status");

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QTest::newRow("re-signed as issued (control)") << QString() << QJsonValue() << 200;
    QTest::newRow("wrong iss") << "iss" << QJsonValue("https://evil.example") << 401;
    QTest::newRow("iss missing") << "iss" << QJsonValue(QJsonValue::Undefined) << 401;
    QTest::newRow("iat 30 s ahead (clock skew, control)")
        << "iat" << QJsonValue(double(now + 30)) << 200;
    QTest::newRow("iat 10 minutes ahead") << "iat" << QJsonValue(double(now + 600)) << 401;
    QTest::newRow("iat missing") << "iat" << QJsonValue(QJsonValue::Undefined) << 401;
    QTest::newRow("nbf now (control)") << "nbf" << QJsonValue(double(now - 1)) << 200;
    QTest::newRow("nbf 10 minutes ahead") << "nbf" << QJsonValue(double(now + 600)) << 401;
    QTest::newRow("sub that does not exist")
        << "sub" << QJsonValue(QUuid::createUuid().toString(QUuid::WithoutBraces)) << 401;
    QTest::newRow("sid that does not exist")
        << "sid" << QJsonValue(QUuid::createUuid().toString(QUuid::WithoutBraces)) << 401;
    QTest::newRow("sid missing") << "sid" << QJsonValue(QJsonValue::Undefined) << 401;
}

void TestManaSyncAuthHardening::forgedClaimsAreRefused()
{
    QFETCH(QString, claim);
    QFETCH(QJsonValue, value);
    QFETCH(int, status);
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("forged"));
    QVERIFY2(user, qPrintable(error));
    const auto key = readServerSigningKey(m_server->databaseUrl(), &error);
    QVERIFY2(key, qPrintable(error));
    const auto jwt = decodeJwt(user->accessToken);
    QVERIFY(jwt);
    QJsonObject payload = jwt->payload;
    if (!claim.isEmpty()) {
        if (value.isUndefined())
            payload.remove(claim);
        else
            payload.insert(claim, value);
    }
    TestUser forged = *user;
    forged.accessToken = signJwtEd25519(jwt->header, payload, key->key);

    const HttpResponse pulled = m_api.pull(forged, newClientId(), "todo", "tasks");
    if (status == 401)
        MANA_COMPARE_ERROR(pulled, 401, "unauthorized");
    else
        MANA_COMPARE_STATUS(pulled, status);
    // The WebSocket uses the same verification.
    WebSocketClient socket;
    QVERIFY(socket.open(m_server->webSocketUrl()));
    const auto answer = socket.authenticate(forged.accessToken, newClientId());
    QVERIFY2(answer, "no answer to auth");
    QCOMPARE(answer->value("type").toString(),
             status == 200 ? QStringLiteral("auth-ok") : QStringLiteral("error"));
}

void TestManaSyncAuthHardening::socketClosesWhenItsTokenExpires()
{
    ServerOptions options;
    options.extraArguments = {"--access-token-ttl", "3"};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    QString error;
    auto user = api.createUser(&error);
    QVERIFY2(user, qPrintable(error));

    WebSocketClient socket;
    QVERIFY(connectDevice(socket, server, user->accessToken));
    const auto closing = socket.nextMessageOfType("error", 15000);
    QVERIFY2(closing, "no error message when the token expired");
    QCOMPARE(closing->value("tables").toArray(), QJsonArray{"token expired"});
    QVERIFY2(socket.waitForDisconnected(5000), "the socket outlived its token");
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    // Not before the token's expiry (whole seconds).
    QVERIFY(QDateTime::currentSecsSinceEpoch() >= expiryOf(user->accessToken));
    QCOMPARE(server.stop(), 0);
}

void TestManaSyncAuthHardening::freshAuthExtendsTheSocket()
{
    ServerOptions options;
    options.extraArguments = {"--access-token-ttl", "6"};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    QString error;
    auto user = api.createUser(&error);
    QVERIFY2(user, qPrintable(error));
    const qint64 firstExpiry = expiryOf(user->accessToken);

    WebSocketClient socket;
    QVERIFY(connectDevice(socket, server, user->accessToken));
    // Half-way through, the client refreshes and sends the new token.
    sleepUntilPast(firstExpiry - 3, 0);
    const HttpResponse refreshed = api.refresh(user->refreshToken);
    MANA_COMPARE_STATUS(refreshed, 200);
    const QString freshToken = refreshed.json().value("accessToken").toString();
    QVERIFY2(expiryOf(freshToken) >= firstExpiry + 2, "the fresh token does not live longer");
    socket.sendJson({{"type", "auth"}, {"token", freshToken}});
    const auto reauth = socket.nextMessage(5000);
    QVERIFY2(reauth, "no answer to the second auth");
    QCOMPARE(reauth->value("type").toString(), QStringLiteral("auth-ok"));

    // Past the first token's expiry the socket is open and gets notices.
    sleepUntilPast(firstExpiry, 500);
    QVERIFY2(socket.isConnected(), "closed at the first token's expiry despite a fresh auth");
    MANA_COMPARE_STATUS(
        api.push(TestUser{user->email, {}, user->userId, freshToken, {}}, newClientId(), "todo",
                 {insertWithFields("tasks", newRecordId(), {{"title", "x"}}, m_clock.next())}),
        200);
    const auto notice = socket.nextMessageOfType("sync-available", 3000);
    QVERIFY2(notice, "no notice after the re-authentication");
    // And it closes when the fresh token expires.
    QVERIFY2(socket.waitForDisconnected(15000), "the socket outlived its fresh token");
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(server.stop(), 0);
}

void TestManaSyncAuthHardening::logoutClosesTheSocketsOfThatSession()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("ws-logout"));
    QVERIFY2(user, qPrintable(error));
    TestUser otherDevice = *user;
    QVERIFY2(m_api.relogin(otherDevice, &error), qPrintable(error));

    WebSocketClient endedSocket;
    WebSocketClient keptSocket;
    QVERIFY(connectDevice(endedSocket, *m_server, user->accessToken));
    QVERIFY(connectDevice(keptSocket, *m_server, otherDevice.accessToken));
    MANA_COMPARE_STATUS(m_api.logout(user->refreshToken), 204);

    const auto closing = endedSocket.nextMessageOfType("error", 5000);
    QVERIFY2(closing, "no error message on the logged-out session's socket");
    QCOMPARE(closing->value("tables").toArray(), QJsonArray{"session ended"});
    QVERIFY2(endedSocket.waitForDisconnected(5000), "the logged-out session's socket stayed open");
    QCOMPARE(endedSocket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);

    // The other session's socket stays and hears the next push.
    MANA_COMPARE_STATUS(
        m_api.push(otherDevice, newClientId(), "todo",
                   {insertWithFields("tasks", newRecordId(), {{"title", "y"}}, m_clock.next())}),
        200);
    const auto notice = keptSocket.nextMessage(3000);
    QVERIFY2(notice, "the other session's socket heard nothing");
    QCOMPARE(notice->value("type").toString(), QStringLiteral("sync-available"));
}

void TestManaSyncAuthHardening::refreshTokenReuseClosesTheSockets()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("ws-reuse"));
    QVERIFY2(user, qPrintable(error));
    WebSocketClient socket;
    QVERIFY(connectDevice(socket, *m_server, user->accessToken));
    MANA_COMPARE_STATUS(m_api.refresh(user->refreshToken), 200);
    MANA_COMPARE_STATUS(m_api.refresh(user->refreshToken), 401); // the family is revoked
    QVERIFY2(socket.waitForDisconnected(5000), "the revoked family's socket stayed open");
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
}

void TestManaSyncAuthHardening::onlyAuthIsReadBeforeAuthentication_data()
{
    QTest::addColumn<QString>("message");
    QTest::newRow("ping") << QStringLiteral(R"({"type":"ping"})");
    QTest::newRow("unknown type") << QStringLiteral(R"({"type":"subscribe"})");
    QTest::newRow("not JSON") << QStringLiteral("hello?");
}

void TestManaSyncAuthHardening::onlyAuthIsReadBeforeAuthentication()
{
    QFETCH(QString, message);
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("ws-early"));
    QVERIFY2(user, qPrintable(error));
    WebSocketClient socket;
    QVERIFY(socket.open(m_server->webSocketUrl()));
    socket.sendText(message);
    // A valid auth right behind it must not open the door any more.
    socket.sendJson({{"type", "auth"}, {"token", user->accessToken}});
    QVERIFY2(socket.waitForDisconnected(5000),
             "the socket stayed open after a message before auth");
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    const QList<QJsonObject> heard = socket.collectFor(0);
    for (const QJsonObject &answer : heard)
        QVERIFY2(answer.value("type").toString() == "error", qPrintable(describeMessages(heard)));
}

void TestManaSyncAuthHardening::passwordHashingLeavesTheEventLoopFree()
{
    // A deliberately slow hash (150 Argon2id passes, about 2 s here)
    // makes "the event loop answers while hashes run" visible without
    // measuring time: blocking hashes would let at most one /health through
    // before the first registration is done.
    ServerOptions options;
    options.extraArguments = {"--password-hash-passes", "150"};
    options.startTimeoutMs = 60000;
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    api.http().setTimeout(60000);
    QString error;
    auto bystander = api.createUser(&error, QStringLiteral("bystander"));
    QVERIFY2(bystander, qPrintable(error));
    const QString bystanderDevice = newClientId();
    WebSocketClient bystanderSocket;
    QVERIFY(connectDevice(bystanderSocket, server, bystander->accessToken));

    // Four clients register or log in at once.
    QNetworkAccessManager flood;
    QList<QNetworkReply *> pending;
    for (int client = 0; client < 4; ++client) {
        QNetworkRequest request(server.baseUrl().resolved(
            QUrl(client % 2 ? "/api/v1/auth/login" : "/api/v1/auth/register")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        const QJsonObject body{{"email", QStringLiteral("flood-%1@example.com").arg(client)},
                               {"password", "long enough password"}};
        pending.append(flood.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }
    const auto noneFinished = [&pending] {
        for (const QNetworkReply *reply : std::as_const(pending)) {
            if (reply->isFinished())
                return false;
        }
        return true;
    };

    int healthAnswers = 0;
    while (healthAnswers < 5 && noneFinished()) {
        MANA_COMPARE_STATUS(api.http().get(QStringLiteral("/health")), 200);
        ++healthAnswers;
    }
    // Another user's push and its notice get through too.
    MANA_COMPARE_STATUS(
        api.push(*bystander, bystanderDevice, "todo",
                 {insertWithFields("tasks", newRecordId(), {{"title", "z"}}, m_clock.next())}),
        200);
    QVERIFY2(healthAnswers == 5 && noneFinished(),
             qPrintable(QStringLiteral("a hashed request was answered after only %1 /health "
                                       "answers: the event loop waited for a hash")
                            .arg(healthAnswers)));

    // The hashed requests all get their answers in the end.
    const auto allFinished = [&pending] {
        return std::all_of(pending.cbegin(), pending.cend(),
                           [](const QNetworkReply *reply) { return reply->isFinished(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 60000);
    for (int client = 0; client < pending.size(); ++client) {
        const int status =
            pending[client]->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QCOMPARE(status, client % 2 ? 401 : 201); // the login emails have no account
        pending[client]->deleteLater();
    }
    QCOMPARE(server.stop(), 0);
}

void TestManaSyncAuthHardening::healthIs503WhenTheDatabaseIsBroken_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::newRow("database file deleted") << QStringLiteral("delete");
    QTest::newRow("database folder renamed") << QStringLiteral("rename");
    QTest::newRow("disk below the free-space minimum") << QStringLiteral("full");
}

void TestManaSyncAuthHardening::healthIs503WhenTheDatabaseIsBroken()
{
    MANA_SKIP_ON_POSTGRES("the SQLite file, its folder and the disk under it; PostgreSQL "
                          "keeps its own files");
    QFETCH(QString, breakage);
    QTemporaryDir folder;
    const QString databaseFolder = folder.filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(databaseFolder));
    ServerOptions options;
    options.databasePath = databaseFolder + QStringLiteral("/mana-sync.sqlite");
    if (breakage == "full") // no test can fill the disk; the minimum can outgrow it
        options.extraArguments = {"--min-free-disk-mib", QString::number(1LL << 40)};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    HttpClient http(server.baseUrl());
    if (breakage != "full")
        MANA_COMPARE_STATUS(http.get(QStringLiteral("/health")), 200);

    if (breakage == "delete") {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(options.databasePath + QLatin1String(suffix));
    } else if (breakage == "rename") {
        QVERIFY(QDir().rename(databaseFolder, databaseFolder + QStringLiteral("-moved")));
    }
    const HttpResponse health = http.get(QStringLiteral("/health"));
    MANA_COMPARE_STATUS(health, 503);
    QCOMPARE(health.json().value("status").toString(), QStringLiteral("unavailable"));
    QVERIFY2(!health.json().value("reason").toString().isEmpty(), qPrintable(health.describe()));
    server.kill(); // its database is gone; a clean stop has nothing to keep
}

void TestManaSyncAuthHardening::expiredAuthRowsArePurged()
{
    ServerOptions options;
    options.extraArguments = {"--refresh-token-ttl",   "2", "--access-token-ttl", "1",
                              "--auth-purge-interval", "1"};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    QString error;
    for (int user = 0; user < 3; ++user) {
        auto created = api.createUser(&error, QStringLiteral("purged"));
        QVERIFY2(created, qPrintable(error));
        if (user == 0)
            MANA_COMPARE_STATUS(api.logout(created->refreshToken), 204);
        if (user == 1)
            MANA_COMPARE_STATUS(api.refresh(created->refreshToken), 200); // a used token row
    }
    // The timer deletes every row once the refresh tokens have expired.
    QTRY_COMPARE_WITH_TIMEOUT(countServerRows(server.databaseUrl(), "auth_refresh_tokens"), 0,
                              20000);
    QTRY_COMPARE_WITH_TIMEOUT(countServerRows(server.databaseUrl(), "auth_sessions"), 0, 20000);
    QCOMPARE(countServerRows(server.databaseUrl(), "auth_users"), 3);
    QCOMPARE(server.stop(), 0);
}

void TestManaSyncAuthHardening::expiredAuthRowsArePurgedAtStart()
{
    ServerOptions options;
    options.extraArguments = {"--refresh-token-ttl", "1", "--auth-purge-interval", "3600"};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    QString error;
    QVERIFY2(api.createUser(&error, QStringLiteral("start")), qPrintable(error));
    QCOMPARE(server.stop(), 0);
    QCOMPARE(countServerRows(server.databaseUrl(), "auth_refresh_tokens"), 1);
    QTest::qWait(2100); // the refresh token expires while the server is down
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(countServerRows(server.databaseUrl(), "auth_refresh_tokens"), 0);
    QCOMPARE(countServerRows(server.databaseUrl(), "auth_sessions"), 0);
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestManaSyncAuthHardening)
#include "tst_mana_sync_auth_hardening.moc"
