// PROTOCOL.md "Operations": /health, /metrics (Prometheus text), and error
// bodies for unknown routes and methods.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "websocketclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <memory>

using namespace mana::servertest;

namespace {

// The value of an unlabelled sample, or -1.
double sampleValue(const QByteArray &metrics, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1 ([0-9.eE+-]+)$").arg(name),
                                  QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromUtf8(metrics));
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

} // namespace

class TestManaSyncOps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void healthReportsOk();
    void healthCountsConnections();
    void metricsListTheProtocolNames_data();
    void metricsListTheProtocolNames();
    void metricsCountAcceptedChangesAndConnections();
    void unknownRoutesAndMethodsGetErrorBodies_data();
    void unknownRoutesAndMethodsGetErrorBodies();

private:
    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    TimestampSource m_clock;
};

void TestManaSyncOps::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QString error;
    const auto user = startServerWithUser(*m_server, m_api, &error);
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
}

void TestManaSyncOps::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestManaSyncOps::healthReportsOk()
{
    const HttpResponse health = m_api.http().get(QStringLiteral("/health"));
    MANA_COMPARE_STATUS(health, 200);
    const QJsonObject body = health.json();
    QCOMPARE(body.value("status").toString(), QStringLiteral("ok"));
    QCOMPARE(body.value("service").toString(), QStringLiteral("mana-sync"));
    const QDateTime timestamp =
        QDateTime::fromString(body.value("timestamp").toString(), Qt::ISODateWithMs);
    QVERIFY2(timestamp.isValid(), qPrintable(health.describe()));
    QVERIFY(qAbs(timestamp.msecsTo(QDateTime::currentDateTimeUtc())) < 60000);
    QVERIFY2(body.value("connections").isDouble(), qPrintable(health.describe()));
    QVERIFY2(body.value("users").isDouble(), qPrintable(health.describe()));
}

void TestManaSyncOps::healthCountsConnections()
{
    const int before =
        m_api.http().get(QStringLiteral("/health")).json().value("connections").toInt();
    WebSocketClient first;
    WebSocketClient second;
    for (WebSocketClient *socket : {&first, &second}) {
        QVERIFY(socket->open(m_server->webSocketUrl()));
        const auto answer = socket->authenticate(m_user.accessToken, newClientId());
        QVERIFY(answer && answer->value("type") == "auth-ok");
    }
    const QJsonObject during = m_api.http().get(QStringLiteral("/health")).json();
    QCOMPARE(during.value("connections").toInt(), before + 2);
    QVERIFY(during.value("users").toInt() >= 1);

    first.close();
    second.close();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_api.http().get(QStringLiteral("/health")).json().value("connections").toInt(), before,
        3000);
}

void TestManaSyncOps::metricsListTheProtocolNames_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("connections") << "^mana_sync_connections_total \\d+";
    QTest::newRow("users connected") << "^mana_sync_users_connected \\d+";
    QTest::newRow("requests by route and status")
        << "^mana_sync_http_requests_total\\{[^}]*route=\"[^\"]+\"[^}]*status=\"200\"[^}]*\\} \\d+";
    QTest::newRow("duration histogram")
        << "^mana_sync_http_request_duration_seconds_bucket\\{[^}]*le=\"\\+Inf\"[^}]*\\} \\d+";
    QTest::newRow("duration count") << "^mana_sync_http_request_duration_seconds_count\\{";
    QTest::newRow("changes accepted") << "^mana_sync_changes_accepted_total \\d+";
    QTest::newRow("database errors") << "^mana_sync_database_errors_total \\d+";
    QTest::newRow("type lines") << "^# TYPE mana_sync_connections_total gauge$";
}

void TestManaSyncOps::metricsListTheProtocolNames()
{
    QFETCH(QString, pattern);
    m_api.http().get(QStringLiteral("/health")); // at least one request of each kind
    const HttpResponse metrics = m_api.http().get(QStringLiteral("/metrics"));
    MANA_COMPARE_STATUS(metrics, 200);
    QVERIFY2(metrics.header("Content-Type").startsWith("text/plain"),
             metrics.header("Content-Type").constData());
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    QVERIFY2(expression.match(QString::fromUtf8(metrics.body)).hasMatch(),
             qPrintable(QString::fromUtf8(metrics.body.left(3000))));
}

void TestManaSyncOps::metricsCountAcceptedChangesAndConnections()
{
    const QByteArray before = m_api.http().get(QStringLiteral("/metrics")).body;
    const double acceptedBefore = sampleValue(before, "mana_sync_changes_accepted_total");
    QVERIFY(acceptedBefore >= 0);
    QJsonArray changes;
    for (int index = 0; index < 7; ++index)
        changes.append(insertWithFields("tasks", newRecordId(), {{"title", "m"}}, m_clock.next()));
    MANA_COMPARE_STATUS(m_api.push(m_user, newClientId(), "todo", changes), 200);

    WebSocketClient socket;
    QVERIFY(socket.open(m_server->webSocketUrl()));
    const auto answer = socket.authenticate(m_user.accessToken, newClientId());
    QVERIFY(answer && answer->value("type") == "auth-ok");

    const QByteArray after = m_api.http().get(QStringLiteral("/metrics")).body;
    QCOMPARE(sampleValue(after, "mana_sync_changes_accepted_total"), acceptedBefore + 7);
    QVERIFY(sampleValue(after, "mana_sync_connections_total") >= 1);
    QVERIFY(sampleValue(after, "mana_sync_users_connected") >= 1);
}

void TestManaSyncOps::unknownRoutesAndMethodsGetErrorBodies_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QString>("expectedCode");
    QTest::newRow("unknown path") << QByteArray("GET") << "/no/such/route" << 404 << "not_found";
    QTest::newRow("unknown api path")
        << QByteArray("POST") << "/api/v1/auth/unknown" << 404 << "not_found";
    QTest::newRow("GET on login") << QByteArray("GET") << "/api/v1/auth/login" << 405
                                  << "method_not_allowed";
    QTest::newRow("DELETE on push")
        << QByteArray("DELETE") << "/sync/todo" << 405 << "method_not_allowed";
}

void TestManaSyncOps::unknownRoutesAndMethodsGetErrorBodies()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expectedCode);
    const HttpResponse answer = m_api.http().send(method, path, {}, bearer(m_user.accessToken));
    MANA_COMPARE_ERROR(answer, expectedStatus, expectedCode);
}

QTEST_GUILESS_MAIN(TestManaSyncOps)
#include "tst_mana_sync_ops.moc"
