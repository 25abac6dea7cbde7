// PROTOCOL.md "Auth" against the real mana-sync: accounts, login, refresh
// rotation, logout, JWKS and the failed-login rate limit.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "tokenforge.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace mana::servertest;

class TestManaSyncAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void registerAnswersWithTheUserOnly();
    void loginAnswersWithSignedTokens();
    void wrongPasswordAndUnknownEmailAnswerAlike();
    void duplicateEmailIsRefused();
    void invalidRegistrationIsRefused_data();
    void invalidRegistrationIsRefused();
    void passwordOfEightCharactersIsAccepted();
    void refreshRotatesTheToken();
    void unknownRefreshTokenIsRefused();
    void logoutEndsTheRefreshToken();
    void jwksListsThePublicKey_data();
    void jwksListsThePublicKey();
    // Last: it uses up failed attempts of the loopback address.
    void failedLoginsAreRateLimited();
    void failedLoginsAreRateLimitedPerAddress();
    void registrationLimitCountsTheClientBehindATrustedProxy_data();
    void registrationLimitCountsTheClientBehindATrustedProxy();

private:
    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
};

void TestManaSyncAuth::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
}

void TestManaSyncAuth::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestManaSyncAuth::registerAnswersWithTheUserOnly()
{
    const HttpResponse answer =
        m_api.registerUser(QStringLiteral("ada@example.com"), QStringLiteral("analytical engine"),
                           QStringLiteral("Ada"));
    MANA_COMPARE_STATUS(answer, 201);
    const QJsonObject body = answer.json();
    const QJsonObject user = body.value("user").toObject();
    QVERIFY2(!user.value("id").toString().isEmpty(), qPrintable(answer.describe()));
    QCOMPARE(user.value("email").toString(), QStringLiteral("ada@example.com"));
    QCOMPARE(user.value("name").toString(), QStringLiteral("Ada"));
    QVERIFY2(user.value("emailVerified").isBool(), qPrintable(answer.describe()));
    // Register gives no tokens: the client logs in next.
    QVERIFY(!body.contains("accessToken"));
    QVERIFY(!body.contains("refreshToken"));
}

void TestManaSyncAuth::loginAnswersWithSignedTokens()
{
    const QString email = QStringLiteral("grace@example.com");
    const HttpResponse registered = m_api.registerUser(email, QStringLiteral("compiler-1952"));
    MANA_COMPARE_STATUS(registered, 201);
    const QString userId = registered.json().value("user").toObject().value("id").toString();

    const HttpResponse answer = m_api.login(email, QStringLiteral("compiler-1952"));
    MANA_COMPARE_STATUS(answer, 200);
    const QJsonObject body = answer.json();
    const QString accessToken = body.value("accessToken").toString();
    QVERIFY(!accessToken.isEmpty());
    QVERIFY(!body.value("refreshToken").toString().isEmpty());
    QCOMPARE(body.value("expiresIn").toInt(), 15 * 60);
    QCOMPARE(body.value("user").toObject().value("id").toString(), userId);
    QCOMPARE(body.value("user").toObject().value("email").toString(), email);

    const auto jwt = decodeJwt(accessToken);
    QVERIFY2(jwt, qPrintable(accessToken));
    QCOMPARE(jwt->header.value("alg").toString(), QStringLiteral("EdDSA"));
    const QString kid = jwt->header.value("kid").toString();
    QVERIFY(!kid.isEmpty());
    QCOMPARE(jwt->payload.value("sub").toString(), userId);
    QCOMPARE(jwt->payload.value("email").toString(), email);
    QVERIFY(!jwt->payload.value("role").toString().isEmpty());
    QVERIFY(!jwt->payload.value("sid").toString().isEmpty());
    const qint64 issuedAt = jwt->payload.value("iat").toInteger();
    QCOMPARE(jwt->payload.value("exp").toInteger() - issuedAt, 15 * 60);
    QVERIFY(qAbs(issuedAt - QDateTime::currentSecsSinceEpoch()) < 60);
    QCOMPARE(jwt->payload.value("aud").toString(), QStringLiteral("mana-sync"));
    QVERIFY(!jwt->payload.value("iss").toString().isEmpty());

    // The signature verifies with the JWKS key of that kid.
    const QJsonArray keys = m_api.jwks().json().value("keys").toArray();
    bool verified = false;
    for (const QJsonValue &entry : keys) {
        if (entry.toObject().value("kid").toString() != kid)
            continue;
        const auto raw = base64UrlDecode(entry.toObject().value("x").toString().toLatin1());
        QVERIFY(raw);
        const auto publicKey = Ed25519TestKey::fromPublicRaw(*raw);
        QVERIFY(publicKey);
        verified = publicKey->verify(jwt->signingInput, jwt->signature);
    }
    QVERIFY2(verified, "the access token does not verify with the JWKS key of its kid");

    // And the token opens the sync routes.
    TestUser user{email, {}, userId, accessToken, {}};
    MANA_COMPARE_STATUS(m_api.pull(user, newClientId(), "todo", "tasks"), 200);
}

void TestManaSyncAuth::wrongPasswordAndUnknownEmailAnswerAlike()
{
    MANA_COMPARE_STATUS(
        m_api.registerUser(QStringLiteral("alan@example.com"), QStringLiteral("enigma-1941")), 201);
    const HttpResponse wrongPassword =
        m_api.login(QStringLiteral("alan@example.com"), QStringLiteral("bombe-1940"));
    const HttpResponse unknownEmail =
        m_api.login(QStringLiteral("nobody@example.com"), QStringLiteral("bombe-1940"));
    MANA_COMPARE_ERROR(wrongPassword, 401, "invalid_credentials");
    MANA_COMPARE_ERROR(unknownEmail, 401, "invalid_credentials");
    // Nothing tells an attacker which emails have accounts.
    QCOMPARE(unknownEmail.body, wrongPassword.body);
}

void TestManaSyncAuth::duplicateEmailIsRefused()
{
    MANA_COMPARE_STATUS(
        m_api.registerUser(QStringLiteral("twice@example.com"), QStringLiteral("first password")),
        201);
    MANA_COMPARE_ERROR(
        m_api.registerUser(QStringLiteral("twice@example.com"), QStringLiteral("second password")),
        409, "email_taken");
    // The first account keeps its password.
    MANA_COMPARE_STATUS(
        m_api.login(QStringLiteral("twice@example.com"), QStringLiteral("first password")), 200);
}

void TestManaSyncAuth::invalidRegistrationIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedCode"); // empty: any code

    const auto body = [](const QJsonObject &object) {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    const QString goodPassword = QStringLiteral("long enough password");
    QTest::newRow("empty email") << body({{"email", ""}, {"password", goodPassword}}) << QString();
    QTest::newRow("email without @")
        << body({{"email", "invalid.example.com"}, {"password", goodPassword}}) << QString();
    QTest::newRow("email without local part")
        << body({{"email", "@example.com"}, {"password", goodPassword}}) << QString();
    QTest::newRow("email without domain")
        << body({{"email", "someone@"}, {"password", goodPassword}}) << QString();
    QTest::newRow("email with a space")
        << body({{"email", "some one@example.com"}, {"password", goodPassword}}) << QString();
    QTest::newRow("email missing") << body({{"password", goodPassword}}) << QString();
    QTest::newRow("email not a string")
        << body({{"email", 42}, {"password", goodPassword}}) << QString();
    QTest::newRow("password of 7 characters")
        << body({{"email", "short@example.com"}, {"password", "1234567"}}) << QString();
    QTest::newRow("password empty")
        << body({{"email", "empty@example.com"}, {"password", ""}}) << QString();
    QTest::newRow("password missing") << body({{"email", "missing@example.com"}}) << QString();
    QTest::newRow("password not a string")
        << body({{"email", "number@example.com"}, {"password", 12345678}}) << QString();
    QTest::newRow("body is an array") << QByteArray("[]") << QString();
    QTest::newRow("body is not JSON") << QByteArray("email=a@b.c&password=x") << "invalid_json";
    QTest::newRow("body is truncated JSON")
        << QByteArray(R"({"email":"cut@example.com","password":"long enou)") << "invalid_json";
    // Which of two emails would be meant is up to the reader: refused (the
    // check below then registers the second one, so neither was stored).
    QTest::newRow("email given twice")
        << QByteArray(R"({"email":"dup-first@example.com","email":"dup-second@example.com",)"
                      R"("password":"long enough"})")
        << "invalid_json";
    QTest::newRow("raw tab inside the password")
        << QByteArray("{\"email\":\"tab@example.com\",\"password\":\"long\tenough\"}")
        << "invalid_json";
}

void TestManaSyncAuth::invalidRegistrationIsRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedCode);
    const HttpResponse answer = m_api.http().post(QStringLiteral("/api/v1/auth/register"), body);
    MANA_COMPARE_STATUS(answer, 400);
    MANA_VERIFY_ERROR_BODY(answer);
    if (!expectedCode.isEmpty())
        QCOMPARE(answer.errorCode(), expectedCode);

    // Nothing was stored: the same email registers fine with a valid password.
    const QString email = QJsonDocument::fromJson(body).object().value("email").toString();
    if (email.contains('@') && !email.contains(' ') && !email.startsWith('@') &&
        !email.endsWith('@'))
        MANA_COMPARE_STATUS(m_api.registerUser(email, QStringLiteral("a valid password")), 201);
    MANA_COMPARE_STATUS(m_api.http().get(QStringLiteral("/health")), 200);
}

void TestManaSyncAuth::passwordOfEightCharactersIsAccepted()
{
    MANA_COMPARE_STATUS(
        m_api.registerUser(QStringLiteral("eight@example.com"), QStringLiteral("12345678")), 201);
    MANA_COMPARE_STATUS(
        m_api.login(QStringLiteral("eight@example.com"), QStringLiteral("12345678")), 200);
}

void TestManaSyncAuth::refreshRotatesTheToken()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("rotation"));
    QVERIFY2(user, qPrintable(error));

    const HttpResponse refreshed = m_api.refresh(user->refreshToken);
    MANA_COMPARE_STATUS(refreshed, 200);
    const QJsonObject pair = refreshed.json();
    const QString newAccess = pair.value("accessToken").toString();
    const QString newRefresh = pair.value("refreshToken").toString();
    QVERIFY(!newAccess.isEmpty());
    QVERIFY(!newRefresh.isEmpty());
    QVERIFY(newRefresh != user->refreshToken);
    QVERIFY(pair.value("expiresIn").toInt() > 0);

    TestUser refreshedUser = *user;
    refreshedUser.accessToken = newAccess;
    MANA_COMPARE_STATUS(m_api.pull(refreshedUser, newClientId(), "todo", "tasks"), 200);

    // The old refresh token works once only.
    const HttpResponse reused = m_api.refresh(user->refreshToken);
    MANA_COMPARE_STATUS(reused, 401);
    MANA_VERIFY_ERROR_BODY(reused);
}

void TestManaSyncAuth::unknownRefreshTokenIsRefused()
{
    MANA_COMPARE_STATUS(m_api.refresh(QStringLiteral("not-a-refresh-token")), 401);
    MANA_COMPARE_STATUS(m_api.refresh(QString(64, QLatin1Char('a'))), 401);
}

void TestManaSyncAuth::logoutEndsTheRefreshToken()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("logout"));
    QVERIFY2(user, qPrintable(error));
    MANA_COMPARE_STATUS(m_api.logout(user->refreshToken), 204);
    const HttpResponse refreshed = m_api.refresh(user->refreshToken);
    MANA_COMPARE_STATUS(refreshed, 401);
    MANA_VERIFY_ERROR_BODY(refreshed);
}

void TestManaSyncAuth::jwksListsThePublicKey_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("/api/auth/jwks") << QStringLiteral("/api/auth/jwks");
    QTest::newRow("/api/v1/auth/jwks") << QStringLiteral("/api/v1/auth/jwks");
}

void TestManaSyncAuth::jwksListsThePublicKey()
{
    QFETCH(QString, path);
    const HttpResponse answer = m_api.jwks(path);
    MANA_COMPARE_STATUS(answer, 200);
    const QJsonArray keys = answer.json().value("keys").toArray();
    QVERIFY2(!keys.isEmpty(), qPrintable(answer.describe()));
    for (const QJsonValue &entry : keys) {
        const QJsonObject key = entry.toObject();
        QCOMPARE(key.value("kty").toString(), QStringLiteral("OKP"));
        QCOMPARE(key.value("crv").toString(), QStringLiteral("Ed25519"));
        QCOMPARE(key.value("alg").toString(), QStringLiteral("EdDSA"));
        QCOMPARE(key.value("use").toString(), QStringLiteral("sig"));
        QVERIFY(!key.value("kid").toString().isEmpty());
        const auto x = base64UrlDecode(key.value("x").toString().toLatin1());
        QVERIFY2(x && x->size() == 32, qPrintable(answer.describe()));
        // The private half never leaves the server.
        QVERIFY2(!key.contains("d"), qPrintable(answer.describe()));
    }
    // Both paths serve the same keys.
    QCOMPARE(answer.json(), m_api.jwks(QStringLiteral("/api/v1/auth/jwks")).json());
}

void TestManaSyncAuth::failedLoginsAreRateLimited()
{
    QString error;
    auto target = m_api.createUser(&error, QStringLiteral("target"));
    QVERIFY2(target, qPrintable(error));
    for (int attempt = 1; attempt <= 10; ++attempt) {
        const HttpResponse answer =
            m_api.login(target->email, QStringLiteral("guess %1").arg(attempt));
        QVERIFY2(answer.status == 401,
                 qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(answer.describe())));
    }
    const HttpResponse limited = m_api.login(target->email, QStringLiteral("guess 11"));
    MANA_COMPARE_ERROR(limited, 429, "rate_limited");
    bool isNumber = false;
    const int retryAfter = limited.header("Retry-After").toInt(&isNumber);
    QVERIFY2(isNumber && retryAfter > 0 && retryAfter <= 15 * 60,
             qPrintable(QStringLiteral("Retry-After: '%1'")
                            .arg(QString::fromLatin1(limited.header("Retry-After")))));

    // The limit is per email: another account logs in as usual.
    auto bystander = m_api.createUser(&error, QStringLiteral("bystander"));
    QVERIFY2(bystander, qPrintable(error));
}

void TestManaSyncAuth::failedLoginsAreRateLimitedPerAddress()
{
    // A fresh server: the address has no failures yet.
    ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    QString error;
    auto user = api.createUser(&error, QStringLiteral("address"));
    QVERIFY2(user, qPrintable(error));
    // 30 failures spread over many emails, so no email reaches its own limit.
    for (int attempt = 1; attempt <= 30; ++attempt) {
        const HttpResponse answer =
            api.login(QStringLiteral("spray-%1@example.com").arg(attempt % 5), "wrong password");
        QVERIFY2(answer.status == 401,
                 qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(answer.describe())));
    }
    const HttpResponse limited = api.login(QStringLiteral("spray-new@example.com"), "wrong");
    MANA_COMPARE_ERROR(limited, 429, "rate_limited");
    QVERIFY(limited.header("Retry-After").toInt() > 0);
    QCOMPARE(server.stop(), 0);
}

void TestManaSyncAuth::registrationLimitCountsTheClientBehindATrustedProxy_data()
{
    // Three registrations through a proxy at 127.0.0.1 (the test), with the
    // limit at two per address; each request carries X-Forwarded-For.
    QTest::addColumn<QStringList>("serverArguments");
    QTest::addColumn<QStringList>("forwardedFor");
    QTest::addColumn<int>("thirdStatus");
    const QStringList trusting{"--trusted-proxy", "127.0.0.1"};
    QTest::newRow("trusted, three clients")
        << trusting << QStringList{"203.0.113.1", "203.0.113.2", "203.0.113.3"} << 201;
    QTest::newRow("trusted, one client")
        << trusting << QStringList{"203.0.113.9", "203.0.113.9", "203.0.113.9"} << 429;
    // Only the entry the proxy appended counts, not what the client claimed.
    QTest::newRow("trusted, spoofed first entries")
        << trusting
        << QStringList{"10.0.0.1, 203.0.113.7", "10.0.0.2, 203.0.113.7", "10.0.0.3, 203.0.113.7"}
        << 429;
    QTest::newRow("trusted, malformed entry keeps the proxy's address")
        << trusting << QStringList{"garbage", "more garbage", "still garbage"} << 429;
    QTest::newRow("not trusted: the header is ignored")
        << QStringList{} << QStringList{"203.0.113.1", "203.0.113.2", "203.0.113.3"} << 429;
}

void TestManaSyncAuth::registrationLimitCountsTheClientBehindATrustedProxy()
{
    QFETCH(QStringList, serverArguments);
    QFETCH(QStringList, forwardedFor);
    QFETCH(int, thirdStatus);
    ServerOptions options;
    options.extraArguments = serverArguments + QStringList{"--max-registrations-per-address", "2"};
    ServerProcess server(options);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    SyncApi api(server.baseUrl());
    QList<int> statuses;
    for (int index = 0; index < forwardedFor.size(); ++index) {
        const HttpResponse answer = api.http().postJson(
            "/api/v1/auth/register",
            QJsonObject{{"email", QStringLiteral("proxied-%1@example.com").arg(index)},
                        {"password", "correct horse battery"}},
            {{"X-Forwarded-For", forwardedFor.at(index).toLatin1()}});
        statuses.append(answer.status);
    }
    QCOMPARE(statuses, (QList<int>{201, 201, thirdStatus}));
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestManaSyncAuth)
#include "tst_mana_sync_auth.moc"
