// The WebSocket channel of PROTOCOL.md: auth, sync-available notices to the
// user's other devices only, ping/pong, and reconnecting after a restart.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "websocketclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace mana::servertest;

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
    if (!socket.open(m_server->webSocketUrl(path))) {
        qWarning("cannot open %s: %s", qPrintable(path), qPrintable(socket.errorString()));
        return false;
    }
    const auto answer = socket.authenticate(m_user.accessToken, clientId);
    if (!answer || answer->value("type").toString() != "auth-ok") {
        qWarning("auth answer: %s",
                 answer ? QJsonDocument(*answer).toJson(QJsonDocument::Compact).constData()
                        : "none");
        return false;
    }
    return true;
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
