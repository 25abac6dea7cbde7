// Refresh-token rotation, reuse detection, logout, JWKS and garbage input,
// driven through AuthEngine on a real SQLite database.
#include "authengine.h"
#include "authtestsupport.h"
#include "ed25519key.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace mana::server;
using namespace mana::server::testing;

namespace {

const QString password = QStringLiteral("correct horse battery");

struct Session
{
    QString accessToken;
    QString refreshToken;
};

QByteArray refreshBody(const QString &refreshToken)
{
    return jsonBody({{"refreshToken", refreshToken}});
}

Session sessionFrom(const HttpReply &reply)
{
    const QJsonObject body = replyObject(reply.body);
    return {body.value("accessToken").toString(), body.value("refreshToken").toString()};
}

} // namespace

class TestAuthSessions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString unavailable = postgresUnavailable();
        if (!unavailable.isEmpty())
            QSKIP(qPrintable(unavailable));
    }
    void init();
    void cleanup();

    void refreshRotatesThePair();
    void refreshReuseRevokesTheWholeSession();
    void refreshRefusesExpiredToken();
    void refreshRefusesBadInput_data();
    void refreshRefusesBadInput();
    void logoutEndsOnlyThatSession();
    void logoutIsIdempotent();
    void endedSessionsStayRefusedAfterRestart();
    void sessionOfAnotherInstanceIsReadFromTheTable_data();
    void sessionOfAnotherInstanceIsReadFromTheTable();
    void purgeDeletesExpiredTokensAndSessions();
    void jwksPublishesTheSigningKey();
    void serversStartingAtOnceStoreOneSigningKey();
    void keyAddedByAnotherInstanceIsReadOnFirstUse();
    void garbageBodiesNeverFailTheServer();

private:
    Session login();

    std::unique_ptr<TestDatabase> m_database;
    TestClock m_clock;
    std::unique_ptr<AuthEngine> m_engine;
};

void TestAuthSessions::init()
{
    m_database = std::make_unique<TestDatabase>();
    m_clock = {};
    AuthConfig config;
    config.now = m_clock.function();
    m_engine = std::make_unique<AuthEngine>(m_database->store(), config);
    QString error;
    QVERIFY2(m_engine->initialize(&error), qPrintable(error));
    QCOMPARE(m_engine
                 ->registerAccount(jsonBody(
                     {{"email", "ada@example.org"}, {"password", password}, {"name", "Ada"}}))
                 .status,
             201);
}

void TestAuthSessions::cleanup()
{
    m_engine.reset();
    m_database.reset();
}

Session TestAuthSessions::login()
{
    const HttpReply reply =
        m_engine->login(jsonBody({{"email", "ada@example.org"}, {"password", password}}),
                        QStringLiteral("10.0.0.1"));
    if (reply.status != 200)
        qWarning("login failed: %s", reply.body.constData());
    return sessionFrom(reply);
}

void TestAuthSessions::refreshRotatesThePair()
{
    const Session first = login();
    QVERIFY(!first.refreshToken.isEmpty());
    m_clock.seconds += 600;

    const HttpReply refreshed = m_engine->refresh(refreshBody(first.refreshToken));
    QCOMPARE(refreshed.status, 200);
    const QJsonObject body = replyObject(refreshed.body);
    QCOMPARE(body.value("expiresIn").toInt(), 15 * 60);
    QCOMPARE(body.value("user").toObject().value("email").toString(),
             QStringLiteral("ada@example.org"));
    QCOMPARE(body.value("user").toObject().value("name").toString(), QStringLiteral("Ada"));
    const Session second = sessionFrom(refreshed);
    QVERIFY(second.refreshToken != first.refreshToken);
    QVERIFY(second.accessToken != first.accessToken);

    const auto firstClaims = m_engine->verifyAccessToken(first.accessToken, nullptr);
    const auto secondClaims = m_engine->verifyAccessToken(second.accessToken, nullptr);
    QVERIFY(firstClaims && secondClaims);
    QCOMPARE(secondClaims->sessionId, firstClaims->sessionId);
    QCOMPARE(secondClaims->userId, firstClaims->userId);
    QCOMPARE(secondClaims->expiresAt, m_clock.seconds + 15 * 60);

    // The new refresh token works; this also proves the second use below
    // is refused for being used, not for being malformed.
    const HttpReply third = m_engine->refresh(refreshBody(second.refreshToken));
    QCOMPARE(third.status, 200);
}

void TestAuthSessions::refreshReuseRevokesTheWholeSession()
{
    const Session other = login(); // a second device: must survive
    const Session first = login();
    const Session second = sessionFrom(m_engine->refresh(refreshBody(first.refreshToken)));
    QVERIFY(!second.refreshToken.isEmpty());
    const auto claims = m_engine->verifyAccessToken(first.accessToken, nullptr);
    QVERIFY(claims);
    const QString sessionId = claims->sessionId;

    // The old token comes back (a thief replaying it, or the client).
    const HttpReply replay = m_engine->refresh(refreshBody(first.refreshToken));
    QCOMPARE(replay.status, 401);
    QCOMPARE(errorCode(replay.body), QStringLiteral("unauthorized"));
    // The family is revoked: the token issued in rotation is dead too.
    QCOMPARE(m_engine->refresh(refreshBody(second.refreshToken)).status, 401);

    // And so are its access tokens, before they expire.
    QString reason;
    QVERIFY(!m_engine->verifyAccessToken(first.accessToken, &reason));
    QCOMPARE(reason, QStringLiteral("session ended"));
    QVERIFY(!m_engine->verifyAccessToken(second.accessToken, nullptr));
    QVERIFY(m_engine->verifyAccessToken(other.accessToken, nullptr));

    QSqlQuery query(m_database->database());
    query.prepare(
        QStringLiteral("SELECT revoked_at, revoke_reason FROM auth_sessions WHERE id = ?"));
    query.addBindValue(sessionId);
    QVERIFY(query.exec() && query.next());
    QCOMPARE(query.value(0).toLongLong(), m_clock.seconds);
    QCOMPARE(query.value(1).toString(), QStringLiteral("refresh token reuse"));

    QCOMPARE(m_engine->refresh(refreshBody(other.refreshToken)).status, 200);
}

void TestAuthSessions::refreshRefusesExpiredToken()
{
    const Session session = login();
    m_clock.seconds += 30 * 86400;
    QCOMPARE(m_engine->refresh(refreshBody(session.refreshToken)).status, 401);

    const Session fresh = login();
    m_clock.seconds += 30 * 86400 - 1;
    QCOMPARE(m_engine->refresh(refreshBody(fresh.refreshToken)).status, 200);
}

void TestAuthSessions::refreshRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    QTest::newRow("not json") << QByteArray("refreshToken=x") << 400 << "invalid_json";
    QTest::newRow("missing") << QByteArray("{}") << 400 << "bad_request";
    QTest::newRow("number") << jsonBody({{"refreshToken", 42}}) << 400 << "bad_request";
    QTest::newRow("unknown") << refreshBody(QString(43, 'A')) << 401 << "unauthorized";
    QTest::newRow("huge") << refreshBody(QString(100000, 'A')) << 401 << "unauthorized";
    QTest::newRow("access token instead") << QByteArray() << 401 << "unauthorized";
}

void TestAuthSessions::refreshRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    if (body.isEmpty())
        body = refreshBody(login().accessToken);
    const HttpReply reply = m_engine->refresh(body);
    QCOMPARE(reply.status, status);
    QCOMPARE(errorCode(reply.body), code);
}

void TestAuthSessions::logoutEndsOnlyThatSession()
{
    const Session kept = login();
    const Session ended = login();

    const HttpReply reply = m_engine->logout(refreshBody(ended.refreshToken));
    QCOMPARE(reply.status, 204);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(m_engine->refresh(refreshBody(ended.refreshToken)).status, 401);
    QCOMPARE(m_engine->refresh(refreshBody(kept.refreshToken)).status, 200);
}

void TestAuthSessions::endedSessionsStayRefusedAfterRestart()
{
    QStringList ended;
    m_engine->onSessionEnded = [&ended](const QString &sessionId) { ended.append(sessionId); };
    const Session kept = login();
    const Session loggedOut = login();
    const auto loggedOutClaims = m_engine->verifyAccessToken(loggedOut.accessToken, nullptr);
    QVERIFY(loggedOutClaims);

    QCOMPARE(m_engine->logout(refreshBody(loggedOut.refreshToken)).status, 204);
    QCOMPARE(ended, QStringList{loggedOutClaims->sessionId});
    QString reason;
    QVERIFY(!m_engine->verifyAccessToken(loggedOut.accessToken, &reason));
    QCOMPARE(reason, QStringLiteral("session ended"));
    QVERIFY(m_engine->verifyAccessToken(kept.accessToken, nullptr));

    // A restarted server reads the live sessions back from the table.
    const QString otherConnection = QStringLiteral("sessions-restart");
    QVERIFY(m_database->openConnection(otherConnection));
    {
        AuthConfig config;
        config.now = m_clock.function();
        AuthEngine restarted(m_database->store(otherConnection), config);
        QVERIFY(restarted.initialize(nullptr));
        QVERIFY(!restarted.verifyAccessToken(loggedOut.accessToken, &reason));
        QCOMPARE(reason, QStringLiteral("session ended"));
        QVERIFY(restarted.verifyAccessToken(kept.accessToken, nullptr));
    }
    TestDatabase::closeConnection(otherConnection);
}

void TestAuthSessions::sessionOfAnotherInstanceIsReadFromTheTable_data()
{
    QTest::addColumn<bool>("shared");
    QTest::newRow("one instance per database") << false;
    QTest::newRow("several instances") << true;
}

void TestAuthSessions::sessionOfAnotherInstanceIsReadFromTheTable()
{
    // A second engine on the same database, started before the login: the
    // session is not in its memory.
    QFETCH(bool, shared);
    const QString otherConnection = QStringLiteral("sessions-other-instance");
    QVERIFY(m_database->openConnection(otherConnection));
    {
        AuthConfig config;
        config.now = m_clock.function();
        config.sessionsSharedWithOtherInstances = shared;
        AuthEngine other(m_database->store(otherConnection), config);
        QVERIFY(other.initialize(nullptr));
        QStringList endedHere;
        other.onSessionEnded = [&endedHere](const QString &id) { endedHere.append(id); };

        const Session session = login();
        QString reason;
        const auto claims = other.verifyAccessToken(session.accessToken, &reason);
        if (!shared) {
            // One process per database: its memory is the truth.
            QVERIFY(!claims);
            QCOMPARE(reason, QStringLiteral("session ended"));
        } else {
            QVERIFY2(claims, qPrintable(reason));
            // The other instance ends it and says so; this one forgets it.
            QCOMPARE(m_engine->logout(refreshBody(session.refreshToken)).status, 204);
            QVERIFY(other.verifyAccessToken(session.accessToken, nullptr)); // still cached
            other.forgetSession(claims->sessionId);
            QVERIFY(!other.verifyAccessToken(session.accessToken, &reason));
            QCOMPARE(reason, QStringLiteral("session ended"));
            QVERIFY(endedHere.isEmpty()); // forgetting is not ending it again

            // After a gap in the messages every cached session is read again:
            // a live one comes back, an ended one does not.
            const Session live = login();
            QVERIFY(other.verifyAccessToken(live.accessToken, nullptr));
            const Session endedUnheard = login();
            QVERIFY(other.verifyAccessToken(endedUnheard.accessToken, nullptr));
            QCOMPARE(m_engine->logout(refreshBody(endedUnheard.refreshToken)).status, 204);
            other.forgetCachedSessions();
            QVERIFY(other.verifyAccessToken(live.accessToken, nullptr));
            QVERIFY(!other.verifyAccessToken(endedUnheard.accessToken, nullptr));
        }
    }
    TestDatabase::closeConnection(otherConnection);
}

void TestAuthSessions::purgeDeletesExpiredTokensAndSessions()
{
    const auto count = [this](const char *table) {
        QSqlQuery query(m_database->database());
        query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table));
        return query.next() ? query.value(0).toInt() : -1;
    };
    const Session loggedOut = login();
    login(); // a session that is never refreshed
    QCOMPARE(m_engine->logout(refreshBody(loggedOut.refreshToken)).status, 204);
    m_clock.seconds += 10 * 86400;
    const Session active = login();
    const Session rotated = sessionFrom(m_engine->refresh(refreshBody(active.refreshToken)));
    QCOMPARE(count("auth_refresh_tokens"), 4);

    // Ten days on, only the logged-out session is over.
    QVERIFY(m_engine->purgeExpired());
    QCOMPARE(count("auth_sessions"), 2);
    QCOMPARE(count("auth_refresh_tokens"), 3);

    QStringList ended;
    m_engine->onSessionEnded = [&ended](const QString &sessionId) { ended.append(sessionId); };
    m_clock.seconds += 20 * 86400; // the first refresh tokens expire (30 days)
    QVERIFY(m_engine->purgeExpired());
    QCOMPARE(ended.size(), 1); // `expiring`: its refresh token ran out
    QCOMPARE(count("auth_sessions"), 1);
    // The active session keeps both its tokens (the used one for reuse
    // detection) until they expire.
    QCOMPARE(count("auth_refresh_tokens"), 2);
    QCOMPARE(m_engine->refresh(refreshBody(rotated.refreshToken)).status, 200);

    m_clock.seconds += 31 * 86400;
    QVERIFY(m_engine->purgeExpired());
    QCOMPARE(count("auth_sessions"), 0);
    QCOMPARE(count("auth_refresh_tokens"), 0);
    QCOMPARE(count("auth_users"), 1);
}

void TestAuthSessions::logoutIsIdempotent()
{
    const Session session = login();
    QCOMPARE(m_engine->logout(refreshBody(session.refreshToken)).status, 204);
    QCOMPARE(m_engine->logout(refreshBody(session.refreshToken)).status, 204);
    QCOMPARE(m_engine->logout(refreshBody(QStringLiteral("never-issued"))).status, 204);
    QCOMPARE(m_engine->logout("{}").status, 400);
    QCOMPARE(errorCode(m_engine->logout("nonsense").body), QStringLiteral("invalid_json"));
}

void TestAuthSessions::jwksPublishesTheSigningKey()
{
    const HttpReply reply = m_engine->jwks();
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    const QJsonArray keys = replyObject(reply.body).value("keys").toArray();
    QCOMPARE(keys.size(), 1);
    const QJsonObject key = keys.first().toObject();
    QCOMPARE(key.keys(), (QStringList{"alg", "crv", "kid", "kty", "use", "x"}));
    QCOMPARE(key.value("kty").toString(), QStringLiteral("OKP"));
    QCOMPARE(key.value("crv").toString(), QStringLiteral("Ed25519"));
    QCOMPARE(key.value("alg").toString(), QStringLiteral("EdDSA"));
    QCOMPARE(key.value("use").toString(), QStringLiteral("sig"));
    const QByteArray x = key.value("x").toString().toLatin1();
    QVERIFY(!x.contains('='));
    const auto raw = QByteArray::fromBase64Encoding(x, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(raw);
    QCOMPARE(raw.decoded.size(), 32);

    // The kid in the JWKS is the one access tokens name.
    const QByteArray header = login().accessToken.section('.', 0, 0).toLatin1();
    const QJsonObject jose =
        replyObject(QByteArray::fromBase64(header, QByteArray::Base64UrlEncoding));
    QCOMPARE(jose.value("kid").toString(), key.value("kid").toString());
    QCOMPARE(jose.value("alg").toString(), QStringLiteral("EdDSA"));
    QCOMPARE(jose.value("typ").toString(), QStringLiteral("JWT"));
}

void TestAuthSessions::serversStartingAtOnceStoreOneSigningKey()
{
    // Two processes find the table empty at the same moment and each store
    // a key of their own: each would then refuse the other's tokens.
    if (!postgresBackend())
        QSKIP("one process per SQLite file; PostgreSQL serves several at once");
    for (int round = 0; round < 20; ++round) {
        QSqlQuery clear(m_database->database());
        QVERIFY(clear.exec(QStringLiteral("DELETE FROM auth_signing_keys")));
        std::atomic<int> ready = 0;
        std::atomic<int> failures = 0;
        QList<QThread *> starters;
        for (int process = 0; process < 2; ++process) {
            starters.append(QThread::create([&, process] {
                auto store = m_database->store();
                ++ready;
                while (ready.load() < 2)
                    QThread::yieldCurrentThread();
                const StoredSigningKey key{QStringLiteral("kid-%1-%2").arg(round).arg(process),
                                           QByteArray("pem"), 1};
                if (!store->insertFirstSigningKey(key))
                    ++failures;
            }));
        }
        for (QThread *starter : std::as_const(starters))
            starter->start();
        for (QThread *starter : std::as_const(starters)) {
            QVERIFY(starter->wait(30'000));
            delete starter;
        }
        QCOMPARE(failures.load(), 0);
        QSqlQuery count(m_database->database());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM auth_signing_keys")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }
}

void TestAuthSessions::keyAddedByAnotherInstanceIsReadOnFirstUse()
{
    // Three processes over one database. One rotates the key (adds a newer
    // row) and signs with it; the others learn the key from the first token
    // that names it, without a restart, and sign with the newest from then on.
    const auto addKey = [this](qint64 createdAt) -> QString {
        const auto key = Ed25519Key::generate();
        if (!key)
            return {};
        QSqlQuery insert(m_database->database());
        insert.prepare(QStringLiteral("INSERT INTO auth_signing_keys (kid, private_key_pem, "
                                      "created_at) VALUES (?, ?, ?)"));
        insert.addBindValue(key->kid());
        insert.addBindValue(QString::fromLatin1(key->toPrivatePem()));
        insert.addBindValue(createdAt);
        return insert.exec() ? key->kid() : QString();
    };
    const auto kidOf = [](const QString &token) {
        const QByteArray header = token.section('.', 0, 0).toLatin1();
        return replyObject(QByteArray::fromBase64(header, QByteArray::Base64UrlEncoding))
            .value("kid")
            .toString();
    };
    const QStringList connections{QStringLiteral("keys-here"), QStringLiteral("keys-rotating"),
                                  QStringLiteral("keys-rotating-again")};
    std::vector<std::unique_ptr<AuthEngine>> engines;
    const auto startEngine = [&](int index) {
        AuthConfig config;
        config.now = m_clock.function();
        config.sessionsSharedWithOtherInstances = true;
        engines.push_back(
            std::make_unique<AuthEngine>(m_database->store(connections.at(index)), config));
        return engines.back()->initialize(nullptr);
    };
    const auto loginAt = [&](AuthEngine &engine) {
        return sessionFrom(
                   engine.login(jsonBody({{"email", "ada@example.org"}, {"password", password}}),
                                QStringLiteral("10.0.0.2")))
            .accessToken;
    };
    for (const QString &connection : connections)
        QVERIFY(m_database->openConnection(connection));
    QVERIFY(startEngine(0));
    AuthEngine &here = *engines.at(0);
    const QString oldKid = kidOf(loginAt(here));

    const QString rotatedKid = addKey(m_clock.seconds + 1);
    QVERIFY(!rotatedKid.isEmpty());
    m_clock.seconds += 10;
    QVERIFY(startEngine(1));
    const QString signedByRotated = loginAt(*engines.at(1));
    QCOMPARE(kidOf(signedByRotated), rotatedKid);
    QString reason;
    QVERIFY2(here.verifyAccessToken(signedByRotated, &reason), qPrintable(reason));
    QCOMPARE(replyObject(here.jwks().body).value("keys").toArray().size(), 2);
    const QString signedHere = loginAt(here);
    QCOMPARE(kidOf(signedHere), rotatedKid);
    QVERIFY(rotatedKid != oldKid);

    // Made-up key ids must not make every request a database read: within
    // the interval after a read, an unknown key stays unknown.
    const QString thirdKid = addKey(m_clock.seconds + 1);
    QVERIFY(!thirdKid.isEmpty());
    QVERIFY(startEngine(2));
    const QString signedByThird = loginAt(*engines.at(2));
    QCOMPARE(kidOf(signedByThird), thirdKid);
    QVERIFY(!here.verifyAccessToken(signedByThird, &reason));
    QCOMPARE(reason, QStringLiteral("unknown kid"));
    m_clock.seconds += AuthEngine::keyReloadIntervalSeconds;
    QVERIFY2(here.verifyAccessToken(signedByThird, &reason), qPrintable(reason));
    QCOMPARE(kidOf(loginAt(here)), thirdKid);

    engines.clear();
    for (const QString &connection : connections)
        TestDatabase::closeConnection(connection);
}

void TestAuthSessions::garbageBodiesNeverFailTheServer()
{
    QRandomGenerator random(20240326);
    QList<QByteArray> bodies = {
        QByteArray(),
        QByteArray("null"),
        QByteArray("{\"email\":null,\"password\":null}"),
        QByteArray("{\"refreshToken\":{\"a\":[1,2,3]}}"),
        QByteArray(100000, '['),
        QByteArray("{\"email\":\"\\u0000@x.y\",\"password\":\"\\u0000\\u0000\\u0000\\u0000x\"}"),
        QByteArray("\xff\xfe{\"email\":1}"),
    };
    for (int i = 0; i < 50; ++i) {
        QByteArray bytes(int(random.bounded(1, 300)), '\0');
        for (char &c : bytes)
            c = char(random.bounded(256));
        bodies.append(bytes);
    }
    for (const QByteArray &body : std::as_const(bodies)) {
        for (const HttpReply &reply :
             {m_engine->registerAccount(body), m_engine->login(body, "10.0.0.9"),
              m_engine->refresh(body), m_engine->logout(body)}) {
            QVERIFY2(reply.status >= 400 && reply.status < 500,
                     qPrintable(QString::number(reply.status) + " for " + body.toHex().left(80)));
            QVERIFY(!errorCode(reply.body).isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestAuthSessions)
#include "tst_authsessions.moc"
