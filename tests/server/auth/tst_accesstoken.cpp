// Access-token verification against forged, damaged and expired tokens, and
// the signing key's persistence across restarts. Forged tokens that must
// fail only on a claim are signed with the server's real key, read from
// auth_signing_keys, so the signature check cannot be what refuses them.
#include "authengine.h"
#include "authtestsupport.h"
#include "ed25519key.h"

#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QtTest>

using namespace mana::server;
using namespace mana::server::testing;

namespace {

const QString password = QStringLiteral("correct horse battery");

QByteArray b64(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray b64Json(const QJsonObject &object)
{
    return b64(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString signedToken(const QJsonObject &header, const QJsonObject &claims, const Ed25519Key &key)
{
    const QByteArray input = b64Json(header) + '.' + b64Json(claims);
    return QString::fromLatin1(input + '.' + b64(key.sign(input)));
}

} // namespace

class TestAccessToken : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void verifyAccessToken_data();
    void verifyAccessToken();
    void audienceIsIgnoredWhenNotConfigured();
    void keySurvivesReinitialization();
    void authServiceVerifiesTokensOfTheSameDatabase();
    void unreadableStoredKeyFailsInitialization();
    void closedDatabaseFailsInitialization();

private:
    QJsonObject validClaims() const;
    QJsonObject validHeader() const { return {{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", m_kid}}; }

    std::unique_ptr<TestDatabase> m_database;
    TestClock m_clock;
    std::unique_ptr<AuthEngine> m_engine;
    std::optional<Ed25519Key> m_serverKey;
    QString m_kid;
    QString m_issuedToken;
    // sub and sid of m_issuedToken: forged tokens name a live session, so
    // only the claim a row changes can be what refuses them.
    QString m_userId;
    QString m_sessionId;
    QString m_otherUserId;
    QString m_otherSessionId;
};

void TestAccessToken::initTestCase()
{
    const QString unavailable = postgresUnavailable();
    if (!unavailable.isEmpty())
        QSKIP(qPrintable(unavailable));
    m_database = std::make_unique<TestDatabase>();
    QVERIFY(m_database->isOpen());
    AuthConfig config;
    config.now = m_clock.function();
    m_engine = std::make_unique<AuthEngine>(m_database->store(), config);
    QString error;
    QVERIFY2(m_engine->initialize(&error), qPrintable(error));
    QCOMPARE(
        m_engine->registerAccount(jsonBody({{"email", "ada@example.org"}, {"password", password}}))
            .status,
        201);
    const HttpReply login = m_engine->login(
        jsonBody({{"email", "ada@example.org"}, {"password", password}}), "10.0.0.1");
    QCOMPARE(login.status, 200);
    m_issuedToken = replyObject(login.body).value("accessToken").toString();
    const auto issued = m_engine->verifyAccessToken(m_issuedToken, nullptr);
    QVERIFY(issued);
    m_userId = issued->userId;
    m_sessionId = issued->sessionId;
    QCOMPARE(
        m_engine
            ->registerAccount(jsonBody({{"email", "grace@example.org"}, {"password", password}}))
            .status,
        201);
    const HttpReply otherLogin = m_engine->login(
        jsonBody({{"email", "grace@example.org"}, {"password", password}}), "10.0.0.2");
    QCOMPARE(otherLogin.status, 200);
    const auto other = m_engine->verifyAccessToken(
        replyObject(otherLogin.body).value("accessToken").toString(), nullptr);
    QVERIFY(other);
    m_otherUserId = other->userId;
    m_otherSessionId = other->sessionId;

    QSqlQuery query(m_database->database());
    QVERIFY(query.exec(QStringLiteral("SELECT kid, private_key_pem FROM auth_signing_keys")));
    QVERIFY(query.next());
    m_kid = query.value(0).toString();
    m_serverKey = Ed25519Key::fromPrivatePem(query.value(1).toString().toLatin1());
    QVERIFY(m_serverKey);
    QCOMPARE(m_serverKey->kid(), m_kid);
    QVERIFY(!query.next()); // exactly one key
}

void TestAccessToken::cleanupTestCase()
{
    m_engine.reset();
    m_database.reset();
}

QJsonObject TestAccessToken::validClaims() const
{
    return {{"sub", m_userId},
            {"email", "ada@example.org"},
            {"role", "user"},
            {"sid", m_sessionId},
            {"iat", double(m_clock.seconds)},
            {"exp", double(m_clock.seconds + 900)},
            {"iss", "mana-sync"},
            {"aud", "mana-sync"}};
}

void TestAccessToken::verifyAccessToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("refusal"); // empty: accepted

    const Ed25519Key otherKey = *Ed25519Key::generate();
    const QJsonObject header = validHeader();
    const QJsonObject claims = validClaims();
    auto withClaim = [&](const QString &name, const QJsonValue &value) {
        QJsonObject changed = claims;
        if (value.isUndefined())
            changed.remove(name);
        else
            changed.insert(name, value);
        return changed;
    };
    auto withHeader = [&](const QString &name, const QJsonValue &value) {
        QJsonObject changed = header;
        if (value.isUndefined())
            changed.remove(name);
        else
            changed.insert(name, value);
        return changed;
    };
    const QByteArray signingInput = b64Json(header) + '.' + b64Json(claims);

    QTest::newRow("issued by login") << m_issuedToken << QString();
    QTest::newRow("valid forged with server key")
        << signedToken(header, claims, *m_serverKey) << QString();
    QTest::newRow("aud list holding ours")
        << signedToken(header, withClaim("aud", QJsonArray{"other", "mana-sync"}), *m_serverKey)
        << QString();
    QTest::newRow("no typ") << signedToken(withHeader("typ", QJsonValue::Undefined), claims,
                                           *m_serverKey)
                            << QString();

    QTest::newRow("signed by another key, our kid")
        << signedToken(header, claims, otherKey) << QStringLiteral("bad signature");
    QTest::newRow("signed by another key, its kid")
        << signedToken(withHeader("kid", otherKey.kid()), claims, otherKey)
        << QStringLiteral("unknown kid");
    QTest::newRow("expired") << signedToken(header, withClaim("exp", double(m_clock.seconds - 1)),
                                            *m_serverKey)
                             << QStringLiteral("expired");
    QTest::newRow("expires now") << signedToken(header, withClaim("exp", double(m_clock.seconds)),
                                                *m_serverKey)
                                 << QStringLiteral("expired");
    QTest::newRow("exp missing") << signedToken(header, withClaim("exp", QJsonValue::Undefined),
                                                *m_serverKey)
                                 << QStringLiteral("no valid exp");
    QTest::newRow("exp string") << signedToken(
                                       header,
                                       withClaim("exp", QString::number(m_clock.seconds + 900)),
                                       *m_serverKey)
                                << QStringLiteral("no valid exp");
    QTest::newRow("alg none, no signature")
        << QString::fromLatin1(b64Json(withHeader("alg", "none")) + '.' + b64Json(claims) + '.')
        << QStringLiteral("not a compact JWS");
    {
        const QByteArray input = b64Json(withHeader("alg", "none")) + '.' + b64Json(claims);
        QTest::newRow("alg none, valid signature")
            << QString::fromLatin1(input + '.' + b64(m_serverKey->sign(input)))
            << QStringLiteral("algorithm not allowed");
    }
    {
        // The classic confusion attack: HMAC keyed with the public key.
        const QByteArray input = b64Json(withHeader("alg", "HS256")) + '.' + b64Json(claims);
        const QByteArray mac = QMessageAuthenticationCode::hash(input, m_serverKey->rawPublicKey(),
                                                                QCryptographicHash::Sha256);
        QTest::newRow("alg HS256") << QString::fromLatin1(input + '.' + b64(mac))
                                   << QStringLiteral("algorithm not allowed");
    }
    QTest::newRow("alg lowercase") << signedToken(withHeader("alg", "eddsa"), claims, *m_serverKey)
                                   << QStringLiteral("algorithm not allowed");
    QTest::newRow("alg missing") << signedToken(withHeader("alg", QJsonValue::Undefined), claims,
                                                *m_serverKey)
                                 << QStringLiteral("algorithm not allowed");
    QTest::newRow("unknown kid") << signedToken(withHeader("kid", "not-a-key"), claims,
                                                *m_serverKey)
                                 << QStringLiteral("unknown kid");
    QTest::newRow("kid missing") << signedToken(withHeader("kid", QJsonValue::Undefined), claims,
                                                *m_serverKey)
                                 << QStringLiteral("unknown kid");
    QTest::newRow("crit header") << signedToken(withHeader("crit", QJsonArray{"exp"}), claims,
                                                *m_serverKey)
                                 << QStringLiteral("critical header extension");
    QTest::newRow("wrong aud") << signedToken(header, withClaim("aud", "other-service"),
                                              *m_serverKey)
                               << QStringLiteral("wrong aud");
    QTest::newRow("aud missing") << signedToken(header, withClaim("aud", QJsonValue::Undefined),
                                                *m_serverKey)
                                 << QStringLiteral("wrong aud");
    // iss, iat and nbf (issue 13): within the 60 s clock skew, and beyond it.
    QTest::newRow("wrong iss") << signedToken(header, withClaim("iss", "another-issuer"),
                                              *m_serverKey)
                               << QStringLiteral("wrong iss");
    QTest::newRow("iss missing") << signedToken(header, withClaim("iss", QJsonValue::Undefined),
                                                *m_serverKey)
                                 << QStringLiteral("wrong iss");
    QTest::newRow("iss not a string")
        << signedToken(header, withClaim("iss", QJsonArray{"mana-sync"}), *m_serverKey)
        << QStringLiteral("wrong iss");
    QTest::newRow("iat missing") << signedToken(header, withClaim("iat", QJsonValue::Undefined),
                                                *m_serverKey)
                                 << QStringLiteral("no valid iat");
    QTest::newRow("iat 60 s ahead (skew)")
        << signedToken(header, withClaim("iat", double(m_clock.seconds + 60)), *m_serverKey)
        << QString();
    QTest::newRow("iat 61 s ahead")
        << signedToken(header, withClaim("iat", double(m_clock.seconds + 61)), *m_serverKey)
        << QStringLiteral("iat in the future");
    QTest::newRow("iat a day ahead")
        << signedToken(header, withClaim("iat", double(m_clock.seconds + 86400)), *m_serverKey)
        << QStringLiteral("iat in the future");
    QTest::newRow("nbf now") << signedToken(header, withClaim("nbf", double(m_clock.seconds)),
                                            *m_serverKey)
                             << QString();
    QTest::newRow("nbf 60 s ahead (skew)")
        << signedToken(header, withClaim("nbf", double(m_clock.seconds + 60)), *m_serverKey)
        << QString();
    QTest::newRow("nbf 61 s ahead")
        << signedToken(header, withClaim("nbf", double(m_clock.seconds + 61)), *m_serverKey)
        << QStringLiteral("not yet valid");
    QTest::newRow("nbf not a number") << signedToken(header, withClaim("nbf", "soon"), *m_serverKey)
                                      << QStringLiteral("no valid nbf");
    // sid and sub against the live sessions.
    QTest::newRow("sid missing") << signedToken(header, withClaim("sid", QJsonValue::Undefined),
                                                *m_serverKey)
                                 << QStringLiteral("session ended");
    QTest::newRow("unknown sid") << signedToken(header, withClaim("sid", "no-such-session"),
                                                *m_serverKey)
                                 << QStringLiteral("session ended");
    QTest::newRow("unknown sub") << signedToken(header, withClaim("sub", "no-such-user"),
                                                *m_serverKey)
                                 << QStringLiteral("sub does not own the session");
    QTest::newRow("another user's sub")
        << signedToken(header, withClaim("sub", m_otherUserId), *m_serverKey)
        << QStringLiteral("sub does not own the session");
    {
        QJsonObject swapped = claims;
        swapped.insert("sid", m_otherSessionId);
        QTest::newRow("another user's sid") << signedToken(header, swapped, *m_serverKey)
                                            << QStringLiteral("sub does not own the session");
    }
    QTest::newRow("empty sub") << signedToken(header, withClaim("sub", ""), *m_serverKey)
                               << QStringLiteral("empty sub");
    QTest::newRow("sub missing") << signedToken(header, withClaim("sub", QJsonValue::Undefined),
                                                *m_serverKey)
                                 << QStringLiteral("empty sub");
    QTest::newRow("sub number") << signedToken(header, withClaim("sub", 7), *m_serverKey)
                                << QStringLiteral("empty sub");
    {
        // Signed claims, then sub swapped for another user's.
        const QString valid = signedToken(header, claims, *m_serverKey);
        const QString forged = valid.section('.', 0, 0) + '.' +
                               QString::fromLatin1(b64Json(withClaim("sub", "user-2"))) + '.' +
                               valid.section('.', 2, 2);
        QTest::newRow("tampered claims") << forged << QStringLiteral("bad signature");
    }
    QTest::newRow("truncated signature")
        << m_issuedToken.left(m_issuedToken.size() - 10) << QStringLiteral("bad signature");
    QTest::newRow("truncated to two parts")
        << m_issuedToken.section('.', 0, 1) << QStringLiteral("not a compact JWS");
    QTest::newRow("truncated to header")
        << m_issuedToken.section('.', 0, 0) << QStringLiteral("not a compact JWS");
    QTest::newRow("extra part") << m_issuedToken + QStringLiteral(".AAAA")
                                << QStringLiteral("not a compact JWS");
    QTest::newRow("padded signature")
        << m_issuedToken + QStringLiteral("==") << QStringLiteral("bad signature");
    QTest::newRow("unsigned claims")
        << QString::fromLatin1(signingInput + '.' + b64(QByteArray(64, '\0')))
        << QStringLiteral("bad signature");
    QTest::newRow("header not json")
        << QString::fromLatin1(b64("not json") + '.' + b64Json(claims) + '.' +
                               b64(m_serverKey->sign(b64("not json") + '.' + b64Json(claims))))
        << QStringLiteral("malformed header");
    QTest::newRow("garbage") << QStringLiteral("definitely not a token")
                             << QStringLiteral("not a compact JWS");
    QTest::newRow("dots only") << QStringLiteral("..") << QStringLiteral("not a compact JWS");
    QTest::newRow("binary") << QString::fromUtf8("\xc3\xa9.\x01\x02.\xe2\x82\xac")
                            << QStringLiteral("malformed header");
    QTest::newRow("huge") << QString(100000, 'A') + "." + QString(10, 'A') + "." + "AAAA"
                          << QStringLiteral("token too long");
    QTest::newRow("missing") << QString() << QStringLiteral("no token");
}

void TestAccessToken::verifyAccessToken()
{
    QFETCH(QString, token);
    QFETCH(QString, refusal);
    QString reason;
    const auto claims = m_engine->verifyAccessToken(token, &reason);
    // The reason proves each forged token fails on the check it targets.
    QCOMPARE(reason, refusal);
    QCOMPARE(claims.has_value(), refusal.isEmpty());
    if (claims) {
        QVERIFY(!claims->userId.isEmpty());
        QCOMPARE(claims->email, QStringLiteral("ada@example.org"));
    }
}

void TestAccessToken::audienceIsIgnoredWhenNotConfigured()
{
    AuthConfig config;
    config.now = m_clock.function();
    config.audience.clear();
    AuthEngine anyAudience(m_database->store(), config);
    QVERIFY(anyAudience.initialize(nullptr));
    QJsonObject claims = validClaims();
    claims.insert("aud", "other-service");
    QVERIFY(
        anyAudience.verifyAccessToken(signedToken(validHeader(), claims, *m_serverKey), nullptr));
    // The configured engine refuses the same token.
    QVERIFY(
        !m_engine->verifyAccessToken(signedToken(validHeader(), claims, *m_serverKey), nullptr));
}

void TestAccessToken::keySurvivesReinitialization()
{
    const QString jwksBefore = QString::fromUtf8(m_engine->jwks().body);
    // A second start on the same database: a new engine, a new connection.
    const QString otherConnection = QStringLiteral("auth-restart");
    QVERIFY(m_database->openConnection(otherConnection));
    {
        AuthConfig config;
        config.now = m_clock.function();
        AuthEngine restarted(m_database->store(otherConnection), config);
        QString error;
        QVERIFY2(restarted.initialize(&error), qPrintable(error));
        QString reason;
        const auto claims = restarted.verifyAccessToken(m_issuedToken, &reason);
        QVERIFY2(claims, qPrintable(reason));
        QCOMPARE(claims->email, QStringLiteral("ada@example.org"));
        QCOMPARE(QString::fromUtf8(restarted.jwks().body), jwksBefore);

        QSqlQuery count(QSqlDatabase::database(otherConnection));
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM auth_signing_keys")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }
    TestDatabase::closeConnection(otherConnection);
}

void TestAccessToken::authServiceVerifiesTokensOfTheSameDatabase()
{
    AuthConfig config;
    config.now = m_clock.function();
    AuthService service(m_database->store(), config);
    QString error;
    QVERIFY2(service.initialize(&error), qPrintable(error));
    QVERIFY(service.verifyAccessToken(m_issuedToken));
    QString reason;
    QVERIFY(!service.verifyAccessToken(m_issuedToken + "x", &reason));
    QVERIFY(!reason.isEmpty());
}

void TestAccessToken::unreadableStoredKeyFailsInitialization()
{
    TestDatabase database;
    {
        AuthEngine first(database.store(), {});
        QVERIFY(first.initialize(nullptr));
    }
    QSqlQuery corrupt(database.database());
    QVERIFY(
        corrupt.exec(QStringLiteral("UPDATE auth_signing_keys SET private_key_pem = 'garbage'")));

    AuthEngine second(database.store(), {});
    QString error;
    QVERIFY(!second.initialize(&error));
    QVERIFY2(error.contains(QLatin1String("auth_signing_keys")), qPrintable(error));
    // The broken row is kept for repair, not silently replaced.
    QSqlQuery rows(database.database());
    QVERIFY(rows.exec(QStringLiteral("SELECT private_key_pem FROM auth_signing_keys")));
    QVERIFY(rows.next());
    QCOMPARE(rows.value(0).toString(), QStringLiteral("garbage"));
    QVERIFY(!rows.next());
}

void TestAccessToken::closedDatabaseFailsInitialization()
{
    AuthEngine engine(QStringLiteral("no-such-connection"), {});
    QString error;
    QVERIFY(!engine.initialize(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(engine.login(jsonBody({{"email", "a@b.co"}, {"password", password}}), "x").status,
             500);
}

QTEST_GUILESS_MAIN(TestAccessToken)
#include "tst_accesstoken.moc"
