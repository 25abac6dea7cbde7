// Access tokens on the sync routes: every kind of bad token gets 401, and
// the control rows prove that the forging itself is sound (a token re-signed
// with the server's own key is accepted, so a refusal means the server
// caught the one thing changed).
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "tokenforge.h"

#include <QJsonArray>
#include <QTest>
#include <QThread>
#include <memory>

using namespace mana::servertest;

class TestManaSyncTokens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tokensOnSyncRoutes_data();
    void tokensOnSyncRoutes();
    void tokenExpiresAfterItsLifetime();

private:
    QString tokenOfKind(const QString &kind);
    HttpResponse callRoute(const QString &route, const std::optional<QByteArray> &authorization);

    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    TestUser m_otherUser;
    DecodedJwt m_realToken;
    std::optional<ServerSigningKey> m_serverKey;
    QByteArray m_jwksPublicKey;
};

void TestManaSyncTokens::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("owner"));
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
    auto other = m_api.createUser(&error, QStringLiteral("other"));
    QVERIFY2(other, qPrintable(error));
    m_otherUser = *other;

    auto decoded = decodeJwt(m_user.accessToken);
    QVERIFY2(decoded, qPrintable(m_user.accessToken));
    m_realToken = *decoded;

    const QJsonObject jwksKey = m_api.jwks().json().value("keys").toArray().first().toObject();
    const auto x = base64UrlDecode(jwksKey.value("x").toString().toLatin1());
    QVERIFY(x);
    m_jwksPublicKey = *x;

    // PROTOCOL.md does not say where the key lives; server/auth/README.md does.
    m_serverKey = readServerSigningKey(m_server->databaseUrl(), &error);
    QVERIFY2(m_serverKey,
             qPrintable(QStringLiteral("cannot read the server's signing key: ") + error));
    QCOMPARE(m_serverKey->kid, m_realToken.header.value("kid").toString());
}

void TestManaSyncTokens::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestManaSyncTokens::tokensOnSyncRoutes_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expectedStatus");

    const QList<QPair<const char *, int>> kinds{
        {"issued by the server (control)", 200},
        {"re-signed with the server key (control)", 200},
        {"signed by a foreign Ed25519 key with the server's kid", 401},
        {"expired one minute ago", 401},
        {"alg none without signature", 401},
        {"alg none with the original signature", 401},
        {"HS256 keyed with the server's public key", 401},
        {"wrong aud", 401},
        {"unknown kid", 401},
        {"empty sub", 401},
        {"payload changed, signature kept", 401},
        {"truncated signature", 401},
        {"truncated to two parts", 401},
        {"garbage", 401},
        {"missing Authorization header", 401},
        {"Bearer without a token", 401},
        {"Basic scheme", 401},
        {"token without scheme", 401},
    };
    for (const char *route : {"pull", "push"}) {
        for (const auto &[kind, status] : kinds)
            QTest::addRow("%s: %s", route, kind)
                << QString::fromLatin1(route) << QString::fromLatin1(kind) << status;
    }
}

QString TestManaSyncTokens::tokenOfKind(const QString &kind)
{
    const QJsonObject header = m_realToken.header;
    const QJsonObject payload = m_realToken.payload;
    const auto withClaim = [&](const QString &name, const QJsonValue &value) {
        QJsonObject changed = payload;
        changed.insert(name, value);
        return changed;
    };
    const auto withHeader = [&](const QString &name, const QJsonValue &value) {
        QJsonObject changed = header;
        changed.insert(name, value);
        return changed;
    };
    const QString real = m_user.accessToken;

    if (kind.startsWith("issued by the server"))
        return real;
    if (kind.startsWith("re-signed with the server key"))
        return signJwtEd25519(header, payload, m_serverKey->key);
    if (kind.startsWith("signed by a foreign"))
        return signJwtEd25519(header, payload, *Ed25519TestKey::generate());
    if (kind.startsWith("expired")) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject expired = withClaim("exp", now - 60);
        expired.insert("iat", now - 960);
        return signJwtEd25519(header, expired, m_serverKey->key);
    }
    if (kind == "alg none without signature")
        return unsignedJwt(withHeader("alg", "none"), payload);
    if (kind == "alg none with the original signature")
        return unsignedJwt(withHeader("alg", "none"), payload) +
               QString::fromLatin1(base64UrlEncode(m_realToken.signature));
    if (kind.startsWith("HS256"))
        return signJwtHs256(withHeader("alg", "HS256"), payload, m_jwksPublicKey);
    if (kind == "wrong aud")
        return signJwtEd25519(header, withClaim("aud", "another-service"), m_serverKey->key);
    if (kind == "unknown kid")
        return signJwtEd25519(withHeader("kid", "not-a-known-kid"), payload, m_serverKey->key);
    if (kind == "empty sub")
        return signJwtEd25519(header, withClaim("sub", ""), m_serverKey->key);
    if (kind.startsWith("payload changed")) {
        const QString forged = unsignedJwt(header, withClaim("sub", m_otherUser.userId));
        return forged + QString::fromLatin1(base64UrlEncode(m_realToken.signature));
    }
    if (kind == "truncated signature")
        return real.left(real.size() - 10);
    if (kind == "truncated to two parts")
        return real.left(real.lastIndexOf('.'));
    if (kind == "garbage")
        return QStringLiteral("this-is-not-a-token");
    return {};
}

HttpResponse TestManaSyncTokens::callRoute(const QString &route,
                                           const std::optional<QByteArray> &authorization)
{
    const QString clientId = newClientId();
    HttpHeaders headers{{"X-Client-Id", clientId.toUtf8()}};
    if (authorization)
        headers.append({"Authorization", *authorization});
    if (route == "pull")
        return m_api.http().get(QStringLiteral("/sync/todo/pull?collection=tasks"), headers);
    const QJsonArray changes{
        insertWithFields("tasks", newRecordId(), {{"title", "forged?"}}, isoTimestampFromNow(0))};
    return m_api.http().postJson(QStringLiteral("/sync/todo"),
                                 SyncApi::pushBody(clientId, "todo", changes), headers);
}

void TestManaSyncTokens::tokensOnSyncRoutes()
{
    QFETCH(QString, route);
    QFETCH(QString, kind);
    QFETCH(int, expectedStatus);

    std::optional<QByteArray> authorization;
    if (kind == "missing Authorization header")
        authorization = std::nullopt;
    else if (kind == "Bearer without a token")
        authorization = QByteArray("Bearer ");
    else if (kind == "Basic scheme")
        authorization = "Basic " + QByteArray("user:password").toBase64();
    else if (kind == "token without scheme")
        authorization = m_user.accessToken.toLatin1();
    else
        authorization = "Bearer " + tokenOfKind(kind).toLatin1();

    const HttpResponse answer = callRoute(route, authorization);
    if (expectedStatus == 401)
        MANA_COMPARE_ERROR(answer, 401, "unauthorized");
    else
        MANA_COMPARE_STATUS(answer, expectedStatus);
}

void TestManaSyncTokens::tokenExpiresAfterItsLifetime()
{
    // 2 s: iat and exp are whole seconds, so 1 s could expire before the
    // first request.
    ServerOptions options;
    options.extraArguments = {"--access-token-ttl", "2"};
    ServerProcess shortLived(options);
    QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
    SyncApi api(shortLived.baseUrl());
    QString error;
    auto user = api.createUser(&error);
    QVERIFY2(user, qPrintable(error));

    const HttpResponse login = api.login(user->email, user->password);
    QCOMPARE(login.json().value("expiresIn").toInt(), 2);
    user->accessToken = login.json().value("accessToken").toString();
    user->refreshToken = login.json().value("refreshToken").toString();
    MANA_COMPARE_STATUS(api.pull(*user, newClientId(), "todo", "tasks"), 200);

    const auto jwt = decodeJwt(user->accessToken);
    QVERIFY(jwt);
    const qint64 expiresAtMs = jwt->payload.value("exp").toInteger() * 1000;
    const qint64 waitMs = expiresAtMs - QDateTime::currentMSecsSinceEpoch() + 150;
    QVERIFY2(waitMs < 3000, "exp is further away than the configured lifetime");
    if (waitMs > 0)
        QThread::msleep(waitMs);
    MANA_COMPARE_ERROR(api.pull(*user, newClientId(), "todo", "tasks"), 401, "unauthorized");

    // The client's way back: refresh, then the new token works.
    const HttpResponse refreshed = api.refresh(user->refreshToken);
    MANA_COMPARE_STATUS(refreshed, 200);
    user->accessToken = refreshed.json().value("accessToken").toString();
    MANA_COMPARE_STATUS(api.pull(*user, newClientId(), "todo", "tasks"), 200);
    QCOMPARE(shortLived.stop(), 0);
}

QTEST_GUILESS_MAIN(TestManaSyncTokens)
#include "tst_mana_sync_tokens.moc"
