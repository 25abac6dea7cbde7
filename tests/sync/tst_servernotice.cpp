// The reader of the sync server's WebSocket messages (servernotice.h) and
// the socket's size limit: what a hostile or broken server sends is read as
// a notice, ignored, or closes the socket; it never becomes a pull of a
// table with an empty or absurd name.
#include "notificationsocket.h"
#include "servernotice.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace mana;

Q_DECLARE_METATYPE(ServerNotice::Kind)

class ServerNoticeTest : public QObject
{
    Q_OBJECT

private slots:
    void readsMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<ServerNotice::Kind>("kind");
        QTest::addColumn<QString>("appId");
        QTest::addColumn<QStringList>("tables");
        using K = ServerNotice::Kind;
        const QString many = QStringLiteral("[%1\"t\"]").arg(QStringLiteral("\"t\",").repeated(64));

        QTest::newRow("auth-ok") << R"({"type":"auth-ok"})" << K::AuthOk << QString()
                                 << QStringList();
        QTest::newRow("pong") << R"({"type":"pong"})" << K::Pong << QString() << QStringList();
        QTest::newRow("notice") << R"({"type":"sync-available","appId":"todo","tables":["tasks"]})"
                                << K::SyncAvailable << "todo" << QStringList{"tasks"};
        QTest::newRow("notice without tables: the whole app")
            << R"({"type":"sync-available","appId":"todo"})" << K::SyncAvailable << "todo"
            << QStringList();
        QTest::newRow("a table that is not a string: the whole app")
            << R"({"type":"sync-available","appId":"todo","tables":["tasks",7]})"
            << K::SyncAvailable << "todo" << QStringList();
        QTest::newRow("an empty table name: the whole app")
            << R"({"type":"sync-available","appId":"todo","tables":[""]})" << K::SyncAvailable
            << "todo" << QStringList();
        QTest::newRow("65 tables: the whole app")
            << QStringLiteral(R"({"type":"sync-available","appId":"todo","tables":%1})").arg(many)
            << K::SyncAvailable << "todo" << QStringList();
        QTest::newRow("no app id") << R"({"type":"sync-available","tables":["tasks"]})"
                                   << K::Ignored << QString() << QStringList();
        QTest::newRow("app id a number")
            << R"({"type":"sync-available","appId":5})" << K::Ignored << QString() << QStringList();
        QTest::newRow("app id of 129 characters")
            << QStringLiteral(R"({"type":"sync-available","appId":"%1"})")
                   .arg(QString(129, QLatin1Char('a')))
            << K::Ignored << QString() << QStringList();
        QTest::newRow("not JSON") << "sync-available todo" << K::Ignored << QString()
                                  << QStringList();
        QTest::newRow("an array") << R"([{"type":"auth-ok"}])" << K::Ignored << QString()
                                  << QStringList();
        QTest::newRow("unknown type")
            << R"({"type":"shutdown"})" << K::Ignored << QString() << QStringList();
        QTest::newRow("type not a string")
            << R"({"type":["auth-ok"]})" << K::Ignored << QString() << QStringList();
        QTest::newRow("error") << R"({"type":"error","tables":["token expired"]})" << K::Error
                               << QString() << QStringList();
    }

    void readsMessages()
    {
        QFETCH(QString, message);
        QFETCH(ServerNotice::Kind, kind);
        QFETCH(QString, appId);
        QFETCH(QStringList, tables);
        const ServerNotice notice = readServerNotice(message);
        QCOMPARE(notice.kind, kind);
        QCOMPARE(notice.appId, appId);
        QCOMPARE(notice.tables, tables);
    }

    void errorSaysWhy()
    {
        QCOMPARE(readServerNotice(R"({"type":"error","tables":["token expired"]})").text,
                 QStringLiteral("token expired"));
        const QString long_ = QString(1000, QLatin1Char('x'));
        QCOMPARE(readServerNotice(QStringLiteral(R"({"type":"error","tables":["%1"]})").arg(long_))
                     .text.size(),
                 200);
    }

    // A server sending a 2 MiB message after auth-ok: the app closes the
    // socket (1009, too much data) instead of reading it into memory, and
    // emits no notice for it.
    void oversizedMessageClosesTheSocket()
    {
        QWebSocketServer server(QStringLiteral("hostile"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QWebSocket *peer = nullptr;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            peer = server.nextPendingConnection();
            peer->setParent(&server); // QWebSocketServer hands the socket over (LSan)
            connect(peer, &QWebSocket::textMessageReceived, peer, [&peer](const QString &) {
                peer->sendTextMessage(QStringLiteral(R"({"type":"auth-ok"})"));
            });
        });
        NotificationSocket::Timing timing;
        timing.backoffStartMs = 60000; // no reconnect within the test
        NotificationSocket socket(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())),
            QStringLiteral("client"), timing);
        QSignalSpy connected(&socket, &NotificationSocket::connected);
        QSignalSpy disconnected(&socket, &NotificationSocket::disconnected);
        QSignalSpy notices(&socket, &NotificationSocket::syncAvailable);
        socket.setAccessToken(QStringLiteral("token"));
        socket.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, 10000);

        QSignalSpy peerClosed(peer, &QWebSocket::disconnected);
        const QString padding(2 * 1024 * 1024, QLatin1Char(' '));
        peer->sendTextMessage(
            QStringLiteral(R"({"type":"sync-available","appId":"todo"%1})").arg(padding));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(peerClosed.count(), 1, 10000);
        QCOMPARE(peer->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QCOMPARE(notices.count(), 0);
        socket.stop();
    }

    // The engine refreshed the token while the first `auth` was still
    // unanswered, so the socket sent a second one. The server refuses the
    // first (it had expired) and closes: the socket names the refused
    // token, not the fresh one, so the engine does not take its fresh token
    // for refused (which once ended the session on a loaded machine).
    void refusalNamesTheTokenItRefused()
    {
        QWebSocketServer server(QStringLiteral("refusing"), QWebSocketServer::NonSecureMode);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QWebSocket *peer = nullptr;
        QStringList auths;
        connect(&server, &QWebSocketServer::newConnection, this, [&] {
            peer = server.nextPendingConnection();
            peer->setParent(&server);
            connect(peer, &QWebSocket::textMessageReceived, peer, [&](const QString &message) {
                auths.append(message);
                if (auths.size() == 2) {
                    peer->sendTextMessage(
                        QStringLiteral(R"({"type":"error","tables":["token expired"]})"));
                    peer->close(QWebSocketProtocol::CloseCodePolicyViolated);
                }
            });
        });
        NotificationSocket::Timing timing;
        timing.backoffStartMs = 60000; // no reconnect within the test
        NotificationSocket socket(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())),
            QStringLiteral("client"), timing);
        QSignalSpy refused(&socket, &NotificationSocket::authenticationFailed);
        socket.setAccessToken(QStringLiteral("expired-token"));
        socket.start();
        QTRY_COMPARE_WITH_TIMEOUT(auths.size(), 1, 10000);
        socket.setAccessToken(QStringLiteral("fresh-token")); // sends a second auth
        QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
        QVERIFY(auths.at(1).contains(QStringLiteral("fresh-token")));
        QCOMPARE(refused.at(0).at(0).toString(), QStringLiteral("expired-token"));
        socket.stop();
    }
};

QTEST_GUILESS_MAIN(ServerNoticeTest)
#include "tst_servernotice.moc"
