// AuthService's handlers behind a real QHttpServer on loopback, called with
// QNetworkAccessManager: the request plumbing (body, peer address,
// Authorization header) that the engine tests cannot reach.
#include "authservice.h"
#include "authtestsupport.h"

#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QtTest>

using namespace mana::server;
using namespace mana::server::testing;

namespace {

const QString password = QStringLiteral("correct horse battery");

// What the router does, reduced to the reply conversion.
QHttpServerResponse toResponse(const HttpReply &reply)
{
    QHttpServerResponse response(reply.contentType, reply.body,
                                 QHttpServerResponse::StatusCode(reply.status));
    for (const auto &header : reply.headers)
        response.addHeader(header.first, header.second);
    return response;
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

} // namespace

class TestAuthServiceHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void registerLoginAndAuthenticate();
    void authenticateRefusesMissingOrBrokenHeader_data();
    void authenticateRefusesMissingOrBrokenHeader();
    void loginIsRateLimitedByPeerAddress();
    void jwksIsServed();

private:
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                const QByteArray &authorization = {});
    QString loginForAccessToken();

    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<AuthService> m_auth;
    QHttpServer m_server;
    QNetworkAccessManager m_network;
    quint16 m_port = 0;
};

void TestAuthServiceHttp::initTestCase()
{
    const QString unavailable = postgresUnavailable();
    if (!unavailable.isEmpty())
        QSKIP(qPrintable(unavailable));
    m_database = std::make_unique<TestDatabase>();
    AuthConfig config;
    config.maxFailuresPerAddress = 3;
    m_auth = std::make_unique<AuthService>(m_database->store(), config);
    QString error;
    QVERIFY2(m_auth->initialize(&error), qPrintable(error));

    using Method = QHttpServerRequest::Method;
    AuthService *auth = m_auth.get();
    m_server.route("/api/v1/auth/register", Method::Post, [auth](const QHttpServerRequest &r) {
        return toResponse(auth->handleRegister(r));
    });
    m_server.route("/api/v1/auth/login", Method::Post, [auth](const QHttpServerRequest &r) {
        return toResponse(auth->handleLogin(r));
    });
    m_server.route("/api/v1/auth/jwks", Method::Get,
                   [auth](const QHttpServerRequest &r) { return toResponse(auth->handleJwks(r)); });
    m_server.route("/whoami", Method::Get, [auth](const QHttpServerRequest &r) {
        const auto claims = auth->authenticate(r);
        if (!claims)
            return toResponse(HttpReply::error(401, "unauthorized", "no"));
        return toResponse(HttpReply::json(200, QJsonObject{{"sub", claims->userId}}));
    });
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestAuthServiceHttp::cleanupTestCase()
{
    m_auth.reset();
    m_database.reset();
}

Answer TestAuthServiceHttp::send(const QByteArray &method, const QString &path,
                                 const QByteArray &body, const QByteArray &authorization)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!authorization.isNull())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    if (reply->isFinished()) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.retryAfter = reply->rawHeader("Retry-After");
    }
    reply->deleteLater();
    return answer;
}

QString TestAuthServiceHttp::loginForAccessToken()
{
    const Answer login = send("POST", "/api/v1/auth/login",
                              jsonBody({{"email", "ada@example.org"}, {"password", password}}));
    return replyObject(login.body).value("accessToken").toString();
}

void TestAuthServiceHttp::registerLoginAndAuthenticate()
{
    const Answer registered =
        send("POST", "/api/v1/auth/register",
             jsonBody({{"email", "Ada@Example.org"}, {"password", password}}));
    QCOMPARE(registered.status, 201);
    const QString userId =
        replyObject(registered.body).value("user").toObject().value("id").toString();

    const QString accessToken = loginForAccessToken();
    QVERIFY(!accessToken.isEmpty());
    for (const QByteArray &scheme : {QByteArray("Bearer "), QByteArray("bearer  ")}) {
        const Answer whoami = send("GET", "/whoami", {}, scheme + accessToken.toLatin1());
        QCOMPARE(whoami.status, 200);
        QCOMPARE(replyObject(whoami.body).value("sub").toString(), userId);
    }
}

void TestAuthServiceHttp::authenticateRefusesMissingOrBrokenHeader_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("missing") << QByteArray();
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("scheme only") << QByteArray("Bearer");
    QTest::newRow("basic") << QByteArray("Basic YWRhOnB3");
    QTest::newRow("token without scheme") << QByteArray("TOKEN");
    QTest::newRow("garbage token") << QByteArray("Bearer a.b.c");
}

void TestAuthServiceHttp::authenticateRefusesMissingOrBrokenHeader()
{
    QFETCH(QByteArray, authorization);
    if (authorization == "TOKEN")
        authorization = loginForAccessToken().toLatin1();
    const Answer whoami = send("GET", "/whoami", {}, authorization);
    QCOMPARE(whoami.status, 401);
}

void TestAuthServiceHttp::loginIsRateLimitedByPeerAddress()
{
    // Every request comes from 127.0.0.1; the limit is 3 failures per address.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const Answer failed =
            send("POST", "/api/v1/auth/login",
                 jsonBody({{"email", QStringLiteral("guess%1@example.org").arg(attempt)},
                           {"password", password}}));
        QCOMPARE(failed.status, 401);
    }
    const Answer limited = send("POST", "/api/v1/auth/login",
                                jsonBody({{"email", "ada@example.org"}, {"password", password}}));
    QCOMPARE(limited.status, 429);
    QCOMPARE(errorCode(limited.body), QStringLiteral("rate_limited"));
    bool isNumber = false;
    QVERIFY(limited.retryAfter.toInt(&isNumber) > 0 && isNumber);
}

void TestAuthServiceHttp::jwksIsServed()
{
    const Answer jwks = send("GET", "/api/v1/auth/jwks");
    QCOMPARE(jwks.status, 200);
    QCOMPARE(replyObject(jwks.body).value("keys").toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestAuthServiceHttp)
#include "tst_authservice_http.moc"
