// AuthClient against the real mana-sync (and, for answers it never gives, a
// canned endpoint): each failure has its own sentence, success gives tokens,
// refresh rotates, logout ends the refresh token.
#include "authclient.h"
#include "serverprocess.h"
#include "sessiontestsupport.h"
#include "syncapi.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <optional>

using namespace mana;

namespace {

// Answers every request with the same bytes, or never answers (silent).
class CannedHttpServer : public QTcpServer
{
public:
    explicit CannedHttpServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_received += socket->readAll();
                    // The whole request is small; answer once its head is in.
                    if (m_answer.isEmpty() || !m_received.contains("\r\n\r\n"))
                        return;
                    socket->write(m_answer);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

private:
    QByteArray m_answer;
    QByteArray m_received;
};

QByteArray httpAnswer(const QByteArray &status, const QByteArray &contentType,
                      const QByteArray &body)
{
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType +
           "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

AuthResult wait(AuthClient &client, const std::function<void(AuthClient::Callback)> &call)
{
    std::optional<AuthResult> answer;
    call([&answer](const AuthResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20000)) {
        AuthResult timedOut;
        timedOut.error = AuthError::ServerProblem;
        timedOut.detail = QStringLiteral("test: no answer in 20 s");
        return timedOut;
    }
    return *answer;
}

} // namespace

class TestAuthClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void loginFailures_data();
    void loginFailures();
    void registerFailures_data();
    void registerFailures();
    void rateLimitedAfterTooManyFailures();
    void signUpLoginRefreshLogout();
    void destroyedClientNeverCallsBack();

private:
    std::unique_ptr<servertest::ServerProcess> m_server;
    servertest::TestUser m_user;
};

void TestAuthClient::initTestCase()
{
    m_server = std::make_unique<servertest::ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    servertest::SyncApi api(m_server->baseUrl());
    QString error;
    const auto user = api.createUser(&error, QStringLiteral("auth"));
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
}

enum class Target { ManaSync, ClosedPort, HtmlPage, BrokenJson, NotFoundText, Silent, BadUrl };
Q_DECLARE_METATYPE(Target)

void TestAuthClient::loginFailures_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<bool>("rightEmail");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<QString>("expectedSentence"); // %1: the server URL

    const QString wrong = QStringLiteral("Wrong email or password.");
    const QString unreachable = QStringLiteral("The server at %1 could not be reached.");
    const QString notMana = QStringLiteral("The server at %1 is not a ManaCore sync server.");
    QTest::newRow("wrong password")
        << Target::ManaSync << true << int(AuthError::InvalidCredentials) << wrong;
    QTest::newRow("unknown email")
        << Target::ManaSync << false << int(AuthError::InvalidCredentials) << wrong;
    QTest::newRow("connection refused")
        << Target::ClosedPort << true << int(AuthError::Unreachable) << unreachable;
    QTest::newRow("no answer (timeout)")
        << Target::Silent << true << int(AuthError::Unreachable) << unreachable;
    QTest::newRow("html page") << Target::HtmlPage << true << int(AuthError::NotAManaServer)
                               << notMana;
    QTest::newRow("broken json") << Target::BrokenJson << true << int(AuthError::NotAManaServer)
                                 << notMana;
    QTest::newRow("404 text") << Target::NotFoundText << true << int(AuthError::NotAManaServer)
                              << notMana;
    QTest::newRow("not a server address")
        << Target::BadUrl << true << int(AuthError::NotAServerAddress)
        << QStringLiteral("\"%1\" is not a server address (http://host:port).");
}

void TestAuthClient::loginFailures()
{
    QFETCH(Target, target);
    QFETCH(bool, rightEmail);
    QFETCH(int, expectedError);
    QFETCH(QString, expectedSentence);

    std::unique_ptr<CannedHttpServer> canned;
    QUrl url = m_server->baseUrl();
    switch (target) {
    case Target::ManaSync:
        break;
    case Target::ClosedPort:
        url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
        break;
    case Target::HtmlPage:
        canned = std::make_unique<CannedHttpServer>(
            httpAnswer("200 OK", "text/html", "<!DOCTYPE html><html><body>Router</body></html>"));
        break;
    case Target::BrokenJson:
        canned = std::make_unique<CannedHttpServer>(
            httpAnswer("200 OK", "application/json", "{\"accessToken\": "));
        break;
    case Target::NotFoundText:
        canned = std::make_unique<CannedHttpServer>(
            httpAnswer("404 Not Found", "text/plain", "Cannot POST /api/v1/auth/login"));
        break;
    case Target::Silent:
        canned = std::make_unique<CannedHttpServer>(QByteArray());
        break;
    case Target::BadUrl:
        url = QUrl(QStringLiteral("ftp://example.org"));
        break;
    }
    if (canned) {
        QVERIFY(canned->isListening());
        url = canned->url();
    }

    AuthClient client;
    client.setServerUrl(url);
    client.setTimeoutMs(1000);
    const QString email = rightEmail ? m_user.email : sessiontest::uniqueEmail("nobody");
    const AuthResult result = wait(client, [&](AuthClient::Callback done) {
        client.login(email, QStringLiteral("not the password"), {}, {}, done);
    });
    QCOMPARE(int(result.error), expectedError);
    QCOMPARE(result.message(), expectedSentence.arg(url.toDisplayString()));
    QVERIFY(result.accessToken.isEmpty());
}

void TestAuthClient::registerFailures_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("expectedError");
    QTest::addColumn<QString>("expectedSentence");

    QTest::newRow("email taken") << QString() << sessiontest::kPassword
                                 << int(AuthError::EmailTaken)
                                 << QStringLiteral("That email is already registered.");
    QTest::newRow("short password")
        << sessiontest::uniqueEmail("short") << QStringLiteral("abc")
        << int(AuthError::InvalidInput)
        << QStringLiteral("The password must have at least 8 characters.");
    QTest::newRow("invalid email")
        << QStringLiteral("not-an-email") << sessiontest::kPassword << int(AuthError::InvalidInput)
        << QStringLiteral("The email address is not valid.");
}

void TestAuthClient::registerFailures()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(int, expectedError);
    QFETCH(QString, expectedSentence);
    if (email.isEmpty())
        email = m_user.email;

    AuthClient client;
    client.setServerUrl(m_server->baseUrl());
    const AuthResult result = wait(
        client, [&](AuthClient::Callback done) { client.registerAccount(email, password, done); });
    QCOMPARE(int(result.error), expectedError);
    QCOMPARE(result.message(), expectedSentence);
}

void TestAuthClient::rateLimitedAfterTooManyFailures()
{
    servertest::SyncApi api(m_server->baseUrl());
    QString error;
    const auto victim = api.createUser(&error, QStringLiteral("limited"));
    QVERIFY2(victim, qPrintable(error));
    AuthClient client;
    client.setServerUrl(m_server->baseUrl());
    AuthResult result;
    for (int attempt = 0; attempt < 15 && result.error != AuthError::RateLimited; ++attempt) {
        result = wait(client, [&](AuthClient::Callback done) {
            client.login(victim->email, QStringLiteral("guessing wrong"), {}, {}, done);
        });
        QVERIFY2(result.error == AuthError::InvalidCredentials ||
                     result.error == AuthError::RateLimited,
                 qPrintable(result.message()));
    }
    QCOMPARE(result.error, AuthError::RateLimited);
    QVERIFY2(result.message().startsWith(QStringLiteral("Too many failed attempts. Try again in ")),
             qPrintable(result.message()));
}

void TestAuthClient::signUpLoginRefreshLogout()
{
    AuthClient client;
    client.setServerUrl(m_server->baseUrl());
    const QString email = sessiontest::uniqueEmail("flow");
    const AuthResult registered = wait(client, [&](AuthClient::Callback done) {
        client.registerAccount(email, sessiontest::kPassword, done);
    });
    QVERIFY2(registered.ok(), qPrintable(registered.message()));
    QVERIFY(!registered.userId.isEmpty());

    const AuthResult login = wait(client, [&](AuthClient::Callback done) {
        client.login(email, sessiontest::kPassword, QStringLiteral("device-1"),
                     QStringLiteral("test box"), done);
    });
    QVERIFY2(login.ok(), qPrintable(login.message()));
    QCOMPARE(login.userId, registered.userId);
    QCOMPARE(login.email, email);
    QVERIFY(!login.accessToken.isEmpty());
    QVERIFY(login.expiresInSeconds > 0);

    const AuthResult refreshed =
        wait(client, [&](AuthClient::Callback done) { client.refresh(login.refreshToken, done); });
    QVERIFY2(refreshed.ok(), qPrintable(refreshed.message()));
    QVERIFY(refreshed.refreshToken != login.refreshToken);

    const AuthResult loggedOut = wait(
        client, [&](AuthClient::Callback done) { client.logout(refreshed.refreshToken, done); });
    QVERIFY2(loggedOut.ok(), qPrintable(loggedOut.message()));
    const AuthResult afterLogout = wait(
        client, [&](AuthClient::Callback done) { client.refresh(refreshed.refreshToken, done); });
    QCOMPARE(afterLogout.error, AuthError::SessionEnded);
    QCOMPARE(afterLogout.message(),
             QStringLiteral("Your session has ended. Sign in again to sync."));
}

void TestAuthClient::destroyedClientNeverCallsBack()
{
    CannedHttpServer silent{QByteArray()};
    bool called = false;
    {
        AuthClient client;
        client.setServerUrl(silent.url());
        client.login(m_user.email, m_user.password, {}, {},
                     [&called](const AuthResult &) { called = true; });
        QTest::qWait(100);
    }
    QTest::qWait(200);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestAuthClient)
#include "tst_authclient.moc"
