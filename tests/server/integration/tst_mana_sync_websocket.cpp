// The WebSocket channel of PROTOCOL.md: auth, sync-available notices to the
// user's other devices only, ping/pong, and reconnecting after a restart.
// The last cases run servers of their own with the connections on several
// threads (--ws-threads; docs/server.md, "WebSocket threads").
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "websocketclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QTest>
#include <QWebSocket>
#include <memory>
#include <vector>

using namespace mana::servertest;

namespace {

// A server of its own with the WebSocket connections on `threads` threads.
std::unique_ptr<ServerProcess> startServerWithThreads(int threads)
{
    ServerOptions options;
    options.extraArguments = {QStringLiteral("--ws-threads"), QString::number(threads)};
    auto server = std::make_unique<ServerProcess>(options);
    if (!server->start())
        qWarning("cannot start mana-sync: %s", qPrintable(server->errorString()));
    return server;
}

// The value of an unlabelled sample in /metrics, or -1.
double metricsSample(SyncApi &api, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1 ([0-9.eE+-]+)$").arg(name),
                                  QRegularExpression::MultilineOption);
    const auto match =
        line.match(QString::fromUtf8(api.http().get(QStringLiteral("/metrics")).body));
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

int healthCount(SyncApi &api, const char *key)
{
    return api.http().get(QStringLiteral("/health")).json().value(QLatin1String(key)).toInt(-1);
}

} // namespace

class TestManaSyncWebSocket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void authAnswersAuthOk();
    void clientIdMayComeWithTheUpgrade();
    void badTokenGetsErrorAndClose_data();
    void badTokenGetsErrorAndClose();
    void otherDeviceIsNotifiedWithinOneSecond();
    void ownPushesAreNotAnnounced();
    void appSocketHearsOnlyItsApp();
    void pingIsAnsweredWithPong();
    void garbageMessagesDoNotHurtTheServer_data();
    void garbageMessagesDoNotHurtTheServer();
    void silentSocketIsClosedAfterTenSeconds();
    // Servers of their own, with the connections on several threads.
    void everyThreadServesTheUsersConnections_data();
    void everyThreadServesTheUsersConnections();
    void churnWhilePushingLeavesNothingBehind_data();
    void churnWhilePushingLeavesNothingBehind();
    // Last: restarts the server.
    void reconnectAfterServerRestartWorks();

private:
    // Opens a socket and authenticates it; fails the test otherwise.
    bool connectDevice(WebSocketClient &socket, const QString &clientId,
                       const QString &path = QStringLiteral("/ws"));

    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    TimestampSource m_clock;
};

void TestManaSyncWebSocket::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
    QString error;
    auto user = m_api.createUser(&error);
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
}

void TestManaSyncWebSocket::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

bool TestManaSyncWebSocket::connectDevice(WebSocketClient &socket, const QString &clientId,
                                          const QString &path)
{
    return socket.connectAndAuthenticate(m_server->webSocketUrl(path), m_user.accessToken,
                                         clientId);
}

void TestManaSyncWebSocket::authAnswersAuthOk()
{
    WebSocketClient socket;
    QVERIFY2(socket.open(m_server->webSocketUrl()), qPrintable(socket.errorString()));
    const auto answer = socket.authenticate(m_user.accessToken, newClientId());
    QVERIFY2(answer, "no answer to auth within 5 s");
    QCOMPARE(answer->value("type").toString(), QStringLiteral("auth-ok"));
    QVERIFY(socket.isConnected());
}

void TestManaSyncWebSocket::clientIdMayComeWithTheUpgrade()
{
    const QString deviceB = newClientId();
    WebSocketClient socket;
    QVERIFY2(socket.open(m_server->webSocketUrl(), 5000, deviceB),
             qPrintable(socket.errorString()));
    const auto answer = socket.authenticate(m_user.accessToken, QString());
    QVERIFY2(answer, "no answer to auth within 5 s");
    QCOMPARE(answer->value("type").toString(), QStringLiteral("auth-ok"));

    // The header's client id counts: B's own push is not announced to it,
    // another device's push is.
    MANA_COMPARE_STATUS(
        m_api.push(m_user, deviceB, "todo",
                   {insertWithFields("tasks", newRecordId(), {{"title", "own"}}, m_clock.next())}),
        200);
    MANA_COMPARE_STATUS(
        m_api.push(m_user, newClientId(), "todo",
                   {insertWithFields("lists", newRecordId(), {{"name", "other"}}, m_clock.next())}),
        200);
    const auto notice = socket.nextMessage(2000);
    QVERIFY2(notice, "no sync-available for another device's push");
    QCOMPARE(notice->value("type").toString(), QStringLiteral("sync-available"));
    QCOMPARE(notice->value("tables").toArray(), QJsonArray{"lists"});
}

void TestManaSyncWebSocket::badTokenGetsErrorAndClose_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("empty") << QString();
    QTest::newRow("truncated") << QString();
}

void TestManaSyncWebSocket::badTokenGetsErrorAndClose()
{
    QFETCH(QString, token);
    if (QByteArray(QTest::currentDataTag()) == "truncated")
        token = m_user.accessToken.left(m_user.accessToken.size() - 8);

    WebSocketClient socket;
    QVERIFY2(socket.open(m_server->webSocketUrl()), qPrintable(socket.errorString()));
    const auto answer = socket.authenticate(token, newClientId());
    QVERIFY2(answer, "no answer to a bad token");
    QCOMPARE(answer->value("type").toString(), QStringLiteral("error"));
    QCOMPARE(answer->value("tables").toArray(), QJsonArray{"invalid token"});
    QVERIFY2(socket.waitForDisconnected(3000), "the server kept the socket open");
    // A proper closing handshake: Qt's client saw the server's close frame
    // with its code, not just the TCP connection ending.
    QCOMPARE(socket.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
    QCOMPARE(socket.closeReason(), QStringLiteral("invalid token"));
}

void TestManaSyncWebSocket::otherDeviceIsNotifiedWithinOneSecond()
{
    const QString deviceA = newClientId();
    WebSocketClient deviceBSocket;
    QVERIFY(connectDevice(deviceBSocket, newClientId()));

    QElapsedTimer sincePush;
    const HttpResponse pushed = m_api.push(
        m_user, deviceA, "todo",
        {insertWithFields("tasks", newRecordId(), {{"title", "ping B"}}, m_clock.next())});
    sincePush.start();
    MANA_COMPARE_STATUS(pushed, 200);
    const auto notice = deviceBSocket.nextMessage(1000);
    QVERIFY2(notice, "no sync-available within 1 s of the push");
    QVERIFY2(sincePush.elapsed() <= 1000, qPrintable(QString::number(sincePush.elapsed())));
    QCOMPARE(notice->value("type").toString(), QStringLiteral("sync-available"));
    QCOMPARE(notice->value("appId").toString(), QStringLiteral("todo"));
    QCOMPARE(notice->value("tables").toArray(), QJsonArray{"tasks"});
}

void TestManaSyncWebSocket::ownPushesAreNotAnnounced()
{
    const QString device = newClientId();
    WebSocketClient socket;
    QVERIFY(connectDevice(socket, device));
    MANA_COMPARE_STATUS(
        m_api.push(m_user, device, "todo",
                   {insertWithFields("tasks", newRecordId(), {{"title", "mine"}}, m_clock.next())}),
        200);
    const QList<QJsonObject> heard = socket.collectFor(1000);
    QVERIFY2(heard.isEmpty(), qPrintable(describeMessages(heard)));
    QVERIFY(socket.isConnected());
}

void TestManaSyncWebSocket::appSocketHearsOnlyItsApp()
{
    WebSocketClient todoSocket;
    WebSocketClient calendarSocket;
    QVERIFY(connectDevice(todoSocket, newClientId(), QStringLiteral("/ws/todo")));
    QVERIFY(connectDevice(calendarSocket, newClientId(), QStringLiteral("/ws/calendar")));
    MANA_COMPARE_STATUS(
        m_api.push(m_user, newClientId(), "todo",
                   {insertWithFields("tasks", newRecordId(), {{"title", "todo"}}, m_clock.next())}),
        200);
    const auto notice = todoSocket.nextMessage(2000);
    QVERIFY2(notice, "/ws/todo got no notice for a todo push");
    QCOMPARE(notice->value("appId").toString(), QStringLiteral("todo"));
    const QList<QJsonObject> heard = calendarSocket.collectFor(300);
    QVERIFY2(heard.isEmpty(), qPrintable(describeMessages(heard)));
}

void TestManaSyncWebSocket::pingIsAnsweredWithPong()
{
    WebSocketClient socket;
    QVERIFY(connectDevice(socket, newClientId()));
    for (int round = 0; round < 3; ++round) {
        socket.sendJson({{"type", "ping"}});
        const auto answer = socket.nextMessage(2000);
        QVERIFY2(answer, "no pong");
        QCOMPARE(answer->value("type").toString(), QStringLiteral("pong"));
    }
}

void TestManaSyncWebSocket::garbageMessagesDoNotHurtTheServer_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("authenticated");
    QTest::newRow("not JSON before auth") << QStringLiteral("{{{") << false;
    QTest::newRow("not JSON after auth") << QStringLiteral("hello?") << true;
    QTest::newRow("unknown type") << QStringLiteral(R"({"type":"subscribe-all-users"})") << true;
    QTest::newRow("type not a string") << QStringLiteral(R"({"type":42})") << true;
    QTest::newRow("auth with token not a string")
        << QStringLiteral(R"({"type":"auth","token":{"sub":"x"}})") << false;
    QTest::newRow("1 MiB text") << QString(1024 * 1024, QLatin1Char('x')) << true;
    QTest::newRow("deep nesting") << QString(100000, QLatin1Char('[')) << true;
}

void TestManaSyncWebSocket::garbageMessagesDoNotHurtTheServer()
{
    QFETCH(QString, message);
    QFETCH(bool, authenticated);
    WebSocketClient socket;
    if (authenticated)
        QVERIFY(connectDevice(socket, newClientId()));
    else
        QVERIFY(socket.open(m_server->webSocketUrl()));
    socket.sendText(message);
    // Whatever it answers (an error, a close, nothing), it must not hand out
    // data or an auth-ok, and it must keep serving everyone else.
    for (const QJsonObject &answer : socket.collectFor(300)) {
        const QString type = answer.value("type").toString();
        QVERIFY2(type == "error" || type == "pong", qPrintable(describeMessages({answer})));
    }
    MANA_COMPARE_STATUS(m_api.http().get(QStringLiteral("/health")), 200);
    WebSocketClient healthy;
    QVERIFY(connectDevice(healthy, newClientId()));
}

void TestManaSyncWebSocket::silentSocketIsClosedAfterTenSeconds()
{
    WebSocketClient socket;
    QVERIFY(socket.open(m_server->webSocketUrl()));
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(socket.waitForDisconnected(13000), "an unauthenticated socket stayed open 13 s");
    QVERIFY2(
        timer.elapsed() >= 9000,
        qPrintable(
            QStringLiteral("closed after %1 ms, before the 10 s allowed").arg(timer.elapsed())));
}

void TestManaSyncWebSocket::everyThreadServesTheUsersConnections_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("main thread") << 0;
    QTest::newRow("one thread") << 1;
    QTest::newRow("three threads") << 3;
}

// Six connections of one user land on every thread (each goes to the one
// with the fewest): each hears the push, /health and /metrics count them,
// the session's end closes them all, and so does the shutdown (1001).
void TestManaSyncWebSocket::everyThreadServesTheUsersConnections()
{
    QFETCH(int, threads);
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    const auto server = startServerWithThreads(threads);
    QVERIFY2(server->isRunning(), qPrintable(server->errorString()));
    SyncApi api(server->baseUrl());
    QString error;
    auto user = api.createUser(&error, QStringLiteral("ws-threads"));
    QVERIFY2(user, qPrintable(error));

    constexpr int kSockets = 6;
    std::vector<std::unique_ptr<WebSocketClient>> sockets;
    for (int index = 0; index < kSockets; ++index) {
        auto socket = std::make_unique<WebSocketClient>();
        QVERIFY2(socket->open(server->webSocketUrl()), qPrintable(socket->errorString()));
        const auto answer = socket->authenticate(user->accessToken, newClientId());
        QVERIFY2(answer && answer->value("type").toString() == "auth-ok",
                 answer ? qPrintable(describeMessages({*answer})) : "no answer to auth");
        sockets.push_back(std::move(socket));
    }
    QCOMPARE(healthCount(api, "connections"), kSockets);
    QTRY_COMPARE_WITH_TIMEOUT(healthCount(api, "users"), 1, 3000);
    QCOMPARE(metricsSample(api, QStringLiteral("mana_sync_connections_total")), double(kSockets));
    QCOMPARE(metricsSample(api, QStringLiteral("mana_sync_users_connected")), 1.0);

    MANA_COMPARE_STATUS(
        api.push(*user, newClientId(), "todo",
                 {insertWithFields("tasks", newRecordId(), {{"title", "all"}}, m_clock.next())}),
        200);
    for (const auto &socket : sockets) {
        const auto notice = socket->nextMessage(2000);
        QVERIFY2(notice, "a connection heard no sync-available");
        QCOMPARE(notice->value("type").toString(), QStringLiteral("sync-available"));
    }

    MANA_COMPARE_STATUS(api.logout(user->refreshToken), 204);
    for (const auto &socket : sockets) {
        const auto closing = socket->nextMessageOfType("error", 5000);
        QVERIFY2(closing, "a connection of the ended session got no error");
        QCOMPARE(closing->value("tables").toArray(), QJsonArray{"session ended"});
        QVERIFY2(socket->waitForDisconnected(5000), "a connection of the ended session stayed");
    }
    QTRY_COMPARE_WITH_TIMEOUT(healthCount(api, "connections"), 0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(healthCount(api, "users"), 0, 3000);

    QVERIFY2(api.relogin(*user, &error), qPrintable(error));
    sockets.clear();
    for (int index = 0; index < kSockets; ++index) {
        auto socket = std::make_unique<WebSocketClient>();
        QVERIFY(socket->open(server->webSocketUrl()));
        const auto answer = socket->authenticate(user->accessToken, newClientId());
        QVERIFY(answer && answer->value("type").toString() == "auth-ok");
        sockets.push_back(std::move(socket));
    }
    QCOMPARE(server->stop(), 0);
    for (const auto &socket : sockets) {
        QVERIFY2(socket->waitForDisconnected(3000), "a connection outlived the server");
        QCOMPARE(socket->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void TestManaSyncWebSocket::churnWhilePushingLeavesNothingBehind_data()
{
    QTest::addColumn<int>("threads");
    QTest::newRow("main thread") << 0;
    QTest::newRow("three threads") << 3;
}

// Connections come and go on every thread while pushes announce changes and
// sessions end: some close while their `auth` is still being verified on
// the main thread, some after auth-ok, some stay. The server keeps serving,
// counts nothing that is gone, and stops cleanly.
void TestManaSyncWebSocket::churnWhilePushingLeavesNothingBehind()
{
    QFETCH(int, threads);
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    const auto server = startServerWithThreads(threads);
    QVERIFY2(server->isRunning(), qPrintable(server->errorString()));
    SyncApi api(server->baseUrl());
    QString error;
    QList<TestUser> users;
    for (int index = 0; index < 2; ++index) {
        auto user = api.createUser(&error, QStringLiteral("ws-churn"));
        QVERIFY2(user, qPrintable(error));
        users.append(*user);
    }

    int authOks = 0;
    int notices = 0;
    std::vector<std::unique_ptr<QWebSocket>> sockets; // after what its handlers count
    const auto openSocket = [&](const TestUser &user, int behaviour) {
        auto socket = std::make_unique<QWebSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        QWebSocket *raw = socket.get();
        QObject::connect(raw, &QWebSocket::connected, raw, [raw, user, behaviour] {
            raw->sendTextMessage(
                QString::fromUtf8(QJsonDocument(QJsonObject{{"type", "auth"},
                                                            {"token", user.accessToken},
                                                            {"clientId", newClientId()}})
                                      .toJson(QJsonDocument::Compact)));
            if (behaviour == 0)
                raw->abort(); // gone while the main thread verifies the token
        });
        QObject::connect(
            raw, &QWebSocket::textMessageReceived, raw, [&, raw, behaviour](const QString &text) {
                const QString type =
                    QJsonDocument::fromJson(text.toUtf8()).object().value("type").toString();
                if (type == "auth-ok") {
                    ++authOks;
                    if (behaviour == 1)
                        raw->close();
                } else if (type == "sync-available") {
                    ++notices;
                }
            });
        raw->open(server->webSocketUrl());
        sockets.push_back(std::move(socket));
    };

    QElapsedTimer churn;
    churn.start();
    int round = 0;
    while (churn.elapsed() < 4000) {
        for (int index = 0; index < 12; ++index)
            openSocket(users.at(index % 2), index % 3);
        // The HTTP calls run this thread's event loop: the sockets move on.
        for (const TestUser &user : std::as_const(users)) {
            MANA_COMPARE_STATUS(api.push(user, newClientId(), "todo",
                                         {insertWithFields("tasks", newRecordId(),
                                                           {{"title", "churn"}}, m_clock.next())}),
                                200);
        }
        if (++round % 4 == 0) {
            // A session with connections on every thread ends.
            TestUser ending = users.at(round % 2);
            QVERIFY2(api.relogin(ending, &error), qPrintable(error));
            for (int index = 0; index < 4; ++index)
                openSocket(ending, 2);
            QTest::qWait(50);
            MANA_COMPARE_STATUS(api.logout(ending.refreshToken), 204);
        }
    }
    QVERIFY2(authOks > 0, "no connection was ever authenticated");
    QVERIFY2(notices > 0, "no connection heard a notice");

    for (const auto &socket : sockets)
        socket->abort();
    QTRY_COMPARE_WITH_TIMEOUT(healthCount(api, "connections"), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(healthCount(api, "users"), 0, 5000);

    // Still serving: a new device hears a push.
    WebSocketClient device;
    QVERIFY(device.open(server->webSocketUrl()));
    const auto answer = device.authenticate(users.first().accessToken, newClientId());
    QVERIFY(answer && answer->value("type").toString() == "auth-ok");
    MANA_COMPARE_STATUS(
        api.push(users.first(), newClientId(), "todo",
                 {insertWithFields("tasks", newRecordId(), {{"title", "after"}}, m_clock.next())}),
        200);
    const auto notice = device.nextMessageOfType("sync-available", 2000);
    QVERIFY2(notice, "no sync-available after the churn");
    QCOMPARE(server->stop(), 0);
}

void TestManaSyncWebSocket::reconnectAfterServerRestartWorks()
{
    WebSocketClient socket;
    const QString device = newClientId();
    QVERIFY(connectDevice(socket, device));

    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    QVERIFY2(socket.waitForDisconnected(5000), "the socket outlived the server");
    m_api.setBaseUrl(m_server->baseUrl());
    m_api.http().resetConnections();

    // The same token still works: the signing key survived the restart.
    QVERIFY(connectDevice(socket, device));
    MANA_COMPARE_STATUS(m_api.push(m_user, newClientId(), "todo",
                                   {insertWithFields("tasks", newRecordId(), {{"title", "after"}},
                                                     m_clock.next())}),
                        200);
    const auto notice = socket.nextMessage(1000);
    QVERIFY2(notice, "no sync-available after reconnecting");
    QCOMPARE(notice->value("type").toString(), QStringLiteral("sync-available"));
}

QTEST_GUILESS_MAIN(TestManaSyncWebSocket)
#include "tst_mana_sync_websocket.moc"
