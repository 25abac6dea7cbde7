// Register, login and the failed-login rate limit, driven through AuthEngine
// (the code behind AuthService's handlers) on a real SQLite database.
#include "authengine.h"
#include "authtestsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlQuery>
#include <QtTest>

using namespace mana::server;
using namespace mana::server::testing;

namespace {

const QString password = QStringLiteral("correct horse battery");

QByteArray credentials(const QString &email, const QString &secret)
{
    return jsonBody({{"email", email}, {"password", secret}});
}

QByteArray headerValue(const HttpReply &reply, const QByteArray &name)
{
    for (const auto &header : reply.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

} // namespace

class TestAuthAccounts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString unavailable = postgresUnavailable();
        if (!unavailable.isEmpty())
            QSKIP(qPrintable(unavailable));
    }
    void registerCreatesAccountWithoutTokens();
    void registerStoresArgon2idHashNotPassword();
    void registerRefusesBadInput_data();
    void registerRefusesBadInput();
    void registerRefusesTakenEmailInAnyCase();

    void loginIssuesTokensForTheAccount();
    void loginIgnoresEmailCase();
    void loginAnswersUnknownEmailLikeWrongPassword();
    void loginHashesEvenForUnknownEmail();
    void loginRefusesBadInput_data();
    void loginRefusesBadInput();

    void rateLimitPerEmailAnswers429WithRetryAfter();
    void rateLimitPerAddressCountsAcrossEmails();
    void rateLimitCountsOnlyFailures();
    void registrationsAreRateLimitedPerAddress();
    void loginsWaitingForTheirHashCountAgainstTheLimit();
    void addressKeyGroupsClients_data();
    void addressKeyGroupsClients();

    void uninitializedEngineAnswersInternalError();
};

void TestAuthAccounts::registerCreatesAccountWithoutTokens()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));

    const HttpReply reply = engine.registerAccount(
        jsonBody({{"email", "  Ada@Example.ORG "}, {"password", password}, {"name", "Ada"}}));
    QCOMPARE(reply.status, 201);
    const QJsonObject body = replyObject(reply.body);
    QCOMPARE(body.keys(), QStringList{"user"});
    const QJsonObject user = body.value("user").toObject();
    QVERIFY(!QUuid::fromString(user.value("id").toString()).isNull());
    QCOMPARE(user.value("email").toString(), QStringLiteral("ada@example.org"));
    QCOMPARE(user.value("name").toString(), QStringLiteral("Ada"));
    QCOMPARE(user.value("emailVerified"), QJsonValue(false));
    QCOMPARE(reply.userId, user.value("id").toString());

    const HttpReply withoutName =
        engine.registerAccount(credentials(QStringLiteral("bob@example.org"), password));
    QCOMPARE(withoutName.status, 201);
    QVERIFY(replyObject(withoutName.body).value("user").toObject().value("name").isNull());
}

void TestAuthAccounts::registerStoresArgon2idHashNotPassword()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(
        engine.registerAccount(credentials(QStringLiteral("ada@example.org"), password)).status,
        201);

    QSqlQuery query(database.database());
    QVERIFY(query.exec(QStringLiteral("SELECT password_hash FROM auth_users")));
    QVERIFY(query.next());
    const QString stored = query.value(0).toString();
    QVERIFY2(stored.startsWith(QLatin1String("$argon2id$v=19$m=19456,t=2,p=1$")),
             qPrintable(stored));
    QVERIFY(!stored.contains(password));
}

void TestAuthAccounts::registerRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");

    QTest::newRow("not json") << QByteArray("email=a@b.c") << "invalid_json";
    QTest::newRow("empty body") << QByteArray() << "invalid_json";
    QTest::newRow("truncated json") << QByteArray("{\"email\":\"a@b.co\"") << "invalid_json";
    QTest::newRow("array") << QByteArray("[]") << "bad_request";
    QTest::newRow("missing email") << jsonBody({{"password", password}}) << "bad_request";
    QTest::newRow("no at") << credentials("ada.example.org", password) << "bad_request";
    QTest::newRow("two ats") << credentials("a@b@example.org", password) << "bad_request";
    QTest::newRow("no domain dot") << credentials("ada@localhost", password) << "bad_request";
    QTest::newRow("space inside") << credentials("a da@example.org", password) << "bad_request";
    QTest::newRow("empty local") << credentials("@example.org", password) << "bad_request";
    QTest::newRow("too long") << credentials(QString(250, 'a') + "@example.org", password)
                              << "bad_request";
    QTest::newRow("7 chars") << credentials("ada@example.org", "1234567") << "bad_request";
    QTest::newRow("missing password") << jsonBody({{"email", "ada@example.org"}}) << "bad_request";
    QTest::newRow("password number")
        << jsonBody({{"email", "ada@example.org"}, {"password", 12345678}}) << "bad_request";
    QTest::newRow("email object") << jsonBody({{"email", QJsonObject{}}, {"password", password}})
                                  << "bad_request";
    QTest::newRow("name array") << jsonBody({{"email", "ada@example.org"},
                                             {"password", password},
                                             {"name", QJsonArray{}}})
                                << "bad_request";
    QTest::newRow("name with NUL") << jsonBody({{"email", "ada@example.org"},
                                                {"password", password},
                                                {"name", QString::fromUtf8("A\0da", 4)}})
                                   << "bad_request";
    QTest::newRow("email with NUL")
        << credentials(QString::fromUtf8("ada\0@example.org", 16), password) << "bad_request";
    QTest::newRow("password too long")
        << credentials("ada@example.org", QString(1025, 'x')) << "bad_request";
}

void TestAuthAccounts::registerRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));

    const HttpReply reply = engine.registerAccount(body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(errorCode(reply.body), code);
    QVERIFY(
        !replyObject(reply.body).value("error").toObject().value("message").toString().isEmpty());
    QSqlQuery count(database.database());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM auth_users")));
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 0);
}

void TestAuthAccounts::registerRefusesTakenEmailInAnyCase()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);

    const HttpReply again =
        engine.registerAccount(credentials("ADA@example.org", "other password"));
    QCOMPARE(again.status, 409);
    QCOMPARE(errorCode(again.body), QStringLiteral("email_taken"));
    // The first account's password still works: nothing was overwritten.
    QCOMPARE(engine.login(credentials("ada@example.org", password), "10.0.0.1").status, 200);
}

void TestAuthAccounts::loginIssuesTokensForTheAccount()
{
    TestDatabase database;
    TestClock clock;
    AuthConfig config;
    config.now = clock.function();
    AuthEngine engine(database.store(), config);
    QVERIFY(engine.initialize(nullptr));
    const QString userId = replyObject(engine
                                           .registerAccount(jsonBody({{"email", "ada@example.org"},
                                                                      {"password", password},
                                                                      {"name", "Ada"}}))
                                           .body)
                               .value("user")
                               .toObject()
                               .value("id")
                               .toString();

    const HttpReply reply = engine.login(jsonBody({{"email", "ada@example.org"},
                                                   {"password", password},
                                                   {"deviceId", "laptop-1"},
                                                   {"deviceName", "Ada's laptop"}}),
                                         "10.0.0.1");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.userId, userId);
    const QJsonObject body = replyObject(reply.body);
    QCOMPARE(body.value("expiresIn").toInt(), 15 * 60);
    QCOMPARE(body.value("user").toObject(),
             (QJsonObject{{"id", userId}, {"email", "ada@example.org"}, {"name", "Ada"}}));
    const QString refreshToken = body.value("refreshToken").toString();
    QCOMPARE(refreshToken.size(), 43); // 32 bytes, base64url without padding
    QVERIFY(!refreshToken.contains('='));

    QString reason;
    const auto claims = engine.verifyAccessToken(body.value("accessToken").toString(), &reason);
    QVERIFY2(claims, qPrintable(reason));
    QCOMPARE(claims->userId, userId);
    QCOMPARE(claims->email, QStringLiteral("ada@example.org"));
    QCOMPARE(claims->role, QStringLiteral("user"));
    QCOMPARE(claims->issuedAt, clock.seconds);
    QCOMPARE(claims->expiresAt, clock.seconds + 15 * 60);

    // The session remembers the device, and the refresh token is stored
    // only as its SHA-256.
    QSqlQuery session(database.database());
    QVERIFY(session.exec(
        QStringLiteral("SELECT id, user_id, device_id, device_name FROM auth_sessions")));
    QVERIFY(session.next());
    QCOMPARE(session.value(0).toString(), claims->sessionId);
    QCOMPARE(session.value(1).toString(), userId);
    QCOMPARE(session.value(2).toString(), QStringLiteral("laptop-1"));
    QCOMPARE(session.value(3).toString(), QStringLiteral("Ada's laptop"));
    QSqlQuery token(database.database());
    QVERIFY(token.exec(QStringLiteral("SELECT token_hash, expires_at FROM auth_refresh_tokens")));
    QVERIFY(token.next());
    QCOMPARE(token.value(0).toString().toLatin1(),
             QCryptographicHash::hash(refreshToken.toUtf8(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(token.value(1).toLongLong(), clock.seconds + 30 * 86400);
}

void TestAuthAccounts::loginIgnoresEmailCase()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("Ada@Example.org", password)).status, 201);
    QCOMPARE(engine.login(credentials(" ADA@EXAMPLE.ORG", password), "10.0.0.1").status, 200);
}

void TestAuthAccounts::loginAnswersUnknownEmailLikeWrongPassword()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);

    const HttpReply wrongPassword =
        engine.login(credentials("ada@example.org", "wrong password"), "10.0.0.1");
    const HttpReply unknownEmail =
        engine.login(credentials("nobody@example.org", "wrong password"), "10.0.0.1");
    const HttpReply malformedEmail =
        engine.login(credentials("not-an-email", password), "10.0.0.1");
    QCOMPARE(wrongPassword.status, 401);
    QCOMPARE(errorCode(wrongPassword.body), QStringLiteral("invalid_credentials"));
    for (const HttpReply &other : {unknownEmail, malformedEmail}) {
        QCOMPARE(other.status, wrongPassword.status);
        QCOMPARE(other.body, wrongPassword.body);
        QCOMPARE(other.headers, wrongPassword.headers);
        QCOMPARE(other.contentType, wrongPassword.contentType);
    }
}

void TestAuthAccounts::loginHashesEvenForUnknownEmail()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));
    // An Argon2id check with 19 MiB takes tens of milliseconds; answering an
    // unknown email without one would take well under one.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(engine.login(credentials("nobody@example.org", password), "10.0.0.1").status, 401);
    QVERIFY2(timer.elapsed() >= 5, qPrintable(QString::number(timer.elapsed())));
}

void TestAuthAccounts::loginRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("not json") << QByteArray("{email:") << 400 << "invalid_json";
    QTest::newRow("array body") << QByteArray("[1]") << 400 << "bad_request";
    QTest::newRow("no password") << jsonBody({{"email", "ada@example.org"}}) << 400
                                 << "bad_request";
    QTest::newRow("no email") << jsonBody({{"password", password}}) << 400 << "bad_request";
    QTest::newRow("password bool")
        << jsonBody({{"email", "ada@example.org"}, {"password", true}}) << 400 << "bad_request";
    QTest::newRow("deviceId number")
        << jsonBody({{"email", "ada@example.org"}, {"password", password}, {"deviceId", 7}}) << 400
        << "bad_request";
    QTest::newRow("deviceName with NUL")
        << jsonBody({{"email", "ada@example.org"},
                     {"password", password},
                     {"deviceName", QString::fromUtf8("lap\0top", 7)}})
        << 400 << "bad_request";
    QTest::newRow("email with NUL")
        << credentials(QString::fromUtf8("ada@example.org\0", 16), password) << 401
        << "invalid_credentials";
    QTest::newRow("huge email") << credentials(QString(5000, 'a') + "@example.org", password) << 401
                                << "invalid_credentials";
}

void TestAuthAccounts::loginRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);

    const HttpReply reply = engine.login(body, "10.0.0.1");
    QCOMPARE(reply.status, status);
    QCOMPARE(errorCode(reply.body), code);
}

void TestAuthAccounts::rateLimitPerEmailAnswers429WithRetryAfter()
{
    TestDatabase database;
    TestClock clock;
    AuthConfig config;
    config.now = clock.function();
    config.maxFailuresPerEmail = 3;
    config.failureWindowSeconds = 60;
    AuthEngine engine(database.store(), config);
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);

    const qint64 start = clock.seconds;
    for (int attempt = 0; attempt < 3; ++attempt) {
        // Different addresses: only the per-email count can block.
        const HttpReply reply = engine.login(credentials("ada@example.org", "wrong password"),
                                             QStringLiteral("10.0.0.%1").arg(attempt));
        QCOMPARE(reply.status, 401);
        QVERIFY(headerValue(reply, "Retry-After").isEmpty());
        clock.seconds += 10;
    }
    // Even the right password is refused now, from a fresh address.
    const HttpReply limited = engine.login(credentials("ADA@example.org", password), "10.9.9.9");
    QCOMPARE(limited.status, 429);
    QCOMPARE(errorCode(limited.body), QStringLiteral("rate_limited"));
    // The first failure (at start) leaves the window at start + 60.
    QCOMPARE(headerValue(limited, "Retry-After"), QByteArray::number(start + 60 - clock.seconds));

    // Another email is not affected.
    QCOMPARE(engine.login(credentials("bob@example.org", password), "10.9.9.9").status, 401);

    clock.seconds = start + 59;
    QCOMPARE(engine.login(credentials("ada@example.org", password), "10.9.9.9").status, 429);
    clock.seconds = start + 60; // the first failure has left the window
    QCOMPARE(engine.login(credentials("ada@example.org", password), "10.9.9.9").status, 200);
}

void TestAuthAccounts::rateLimitPerAddressCountsAcrossEmails()
{
    TestDatabase database;
    TestClock clock;
    AuthConfig config;
    config.now = clock.function();
    config.maxFailuresPerAddress = 4;
    config.failureWindowSeconds = 900;
    AuthEngine engine(database.store(), config);
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);

    for (int attempt = 0; attempt < 4; ++attempt) {
        QCOMPARE(
            engine
                .login(credentials(QStringLiteral("guess%1@example.org").arg(attempt), password),
                       "203.0.113.7")
                .status,
            401);
    }
    const HttpReply limited = engine.login(credentials("ada@example.org", password), "203.0.113.7");
    QCOMPARE(limited.status, 429);
    QCOMPARE(headerValue(limited, "Retry-After"), QByteArray("900"));
    // The account itself is fine from another address.
    QCOMPARE(engine.login(credentials("ada@example.org", password), "198.51.100.1").status, 200);

    clock.seconds += 900;
    QCOMPARE(engine.login(credentials("ada@example.org", password), "203.0.113.7").status, 200);
}

void TestAuthAccounts::registrationsAreRateLimitedPerAddress()
{
    TestDatabase database;
    TestClock clock;
    AuthConfig config;
    config.now = clock.function();
    config.maxRegistrationsPerAddress = 3;
    config.registrationWindowSeconds = 900;
    AuthEngine engine(database.store(), config);
    QVERIFY(engine.initialize(nullptr));
    const QString address = QStringLiteral("203.0.113.9");

    // Invalid requests cost no hash and do not count.
    QCOMPARE(engine.registerAccount(credentials("not an email", password), address).status, 400);
    QCOMPARE(engine.registerAccount(credentials("a@example.org", password), address).status, 201);
    // A taken email was hashed too: it counts.
    QCOMPARE(engine.registerAccount(credentials("a@example.org", password), address).status, 409);
    QCOMPARE(engine.registerAccount(credentials("b@example.org", password), address).status, 201);
    const HttpReply limited =
        engine.registerAccount(credentials("c@example.org", password), address);
    QCOMPARE(limited.status, 429);
    QCOMPARE(errorCode(limited.body), QStringLiteral("rate_limited"));
    QCOMPARE(headerValue(limited, "Retry-After"), QByteArray("900"));
    QCOMPARE(engine.registerAccount(credentials("c@example.org", password), "198.51.100.1").status,
             201);
    // Logins are limited apart from registrations.
    QCOMPARE(engine.login(credentials("a@example.org", password), address).status, 200);

    clock.seconds += 900;
    QCOMPARE(engine.registerAccount(credentials("d@example.org", password), address).status, 201);
}

void TestAuthAccounts::loginsWaitingForTheirHashCountAgainstTheLimit()
{
    // The server checks passwords on a worker thread: attempts started
    // together must not all pass the limit before any of them failed.
    TestDatabase database;
    AuthConfig config;
    config.maxFailuresPerAddress = 3;
    AuthEngine engine(database.store(), config);
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);
    const QString address = QStringLiteral("203.0.113.7");

    QList<AuthEngine::PendingLogin> waiting;
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto begun = engine.beginLogin(credentials("ada@example.org", password), address);
        QVERIFY2(std::holds_alternative<AuthEngine::PendingLogin>(begun),
                 qPrintable(QStringLiteral("attempt %1 refused").arg(attempt)));
        waiting.append(std::get<AuthEngine::PendingLogin>(begun));
    }
    auto fourth = engine.beginLogin(credentials("ada@example.org", password), address);
    QVERIFY(std::holds_alternative<HttpReply>(fourth));
    QCOMPARE(std::get<HttpReply>(fourth).status, 429);

    // One succeeds: it is withdrawn from the count, and one more may start.
    QVERIFY(AuthEngine::checkPassword(waiting.first()));
    QCOMPARE(engine.finishLogin(waiting.first(), true).status, 200);
    QVERIFY(std::holds_alternative<AuthEngine::PendingLogin>(
        engine.beginLogin(credentials("ada@example.org", password), address)));
}

void TestAuthAccounts::rateLimitCountsOnlyFailures()
{
    TestDatabase database;
    AuthConfig config;
    config.maxFailuresPerEmail = 2;
    config.maxFailuresPerAddress = 2;
    AuthEngine engine(database.store(), config);
    QVERIFY(engine.initialize(nullptr));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 201);

    for (int attempt = 0; attempt < 4; ++attempt)
        QCOMPARE(engine.login(credentials("ada@example.org", password), "10.0.0.1").status, 200);
    // One failure, then a success: the email's count starts over.
    QCOMPARE(engine.login(credentials("ada@example.org", "wrong password"), "10.0.0.2").status,
             401);
    QCOMPARE(engine.login(credentials("ada@example.org", password), "10.0.0.3").status, 200);
    QCOMPARE(engine.login(credentials("ada@example.org", "wrong password"), "10.0.0.4").status,
             401);
    QCOMPARE(engine.login(credentials("ada@example.org", password), "10.0.0.5").status, 200);
}

void TestAuthAccounts::addressKeyGroupsClients_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("key");

    QTest::newRow("ipv4") << "203.0.113.7"
                          << "203.0.113.7";
    QTest::newRow("ipv4 mapped") << "::ffff:203.0.113.7"
                                 << "203.0.113.7";
    QTest::newRow("ipv6 host bits dropped") << "2001:db8:1:2:aaaa:bbbb:cccc:dddd"
                                            << "2001:db8:1:2::/64";
    QTest::newRow("ipv6 same /64") << "2001:db8:1:2::1"
                                   << "2001:db8:1:2::/64";
    QTest::newRow("ipv6 loopback") << "::1"
                                   << "::/64";
    QTest::newRow("null") << ""
                          << "unknown";
}

void TestAuthAccounts::addressKeyGroupsClients()
{
    QFETCH(QString, address);
    QFETCH(QString, key);
    QCOMPARE(LoginRateLimiter::addressKey(QHostAddress(address)), key);
}

void TestAuthAccounts::uninitializedEngineAnswersInternalError()
{
    TestDatabase database;
    AuthEngine engine(database.store(), {});
    const HttpReply reply = engine.login(credentials("ada@example.org", password), "10.0.0.1");
    QCOMPARE(reply.status, 500);
    QCOMPARE(errorCode(reply.body), QStringLiteral("internal"));
    QCOMPARE(engine.registerAccount(credentials("ada@example.org", password)).status, 500);
    QVERIFY(!engine.verifyAccessToken(QStringLiteral("a.b.c"), nullptr));
}

QTEST_GUILESS_MAIN(TestAuthAccounts)
#include "tst_authaccounts.moc"
