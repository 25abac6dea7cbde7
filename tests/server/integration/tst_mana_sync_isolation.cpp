// Data is scoped to the token's user: another user can never read, change
// or hear about it, whatever record ids, apps or cursors they send.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "websocketclient.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace mana::servertest;

class TestManaSyncIsolation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void otherUserCannotPull_data();
    void otherUserCannotPull();
    void otherUserCannotOverwrite();
    void otherUserIsNotNotified();

private:
    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_alice;
    TestUser m_mallory;
    QString m_aliceRecord;
    TimestampSource m_clock;
};

void TestManaSyncIsolation::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
    QString error;
    auto alice = m_api.createUser(&error, QStringLiteral("alice"));
    QVERIFY2(alice, qPrintable(error));
    m_alice = *alice;
    auto mallory = m_api.createUser(&error, QStringLiteral("mallory"));
    QVERIFY2(mallory, qPrintable(error));
    m_mallory = *mallory;

    m_aliceRecord = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(m_alice, newClientId(), "todo",
                   {insertWithFields("tasks", m_aliceRecord, {{"title", "Alice's secret"}},
                                     m_clock.next())}),
        200);
}

void TestManaSyncIsolation::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestManaSyncIsolation::otherUserCannotPull_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("since");
    QTest::newRow("the collection from the beginning") << "tasks" << epochCursor;
    QTest::newRow("the whole app") << QString() << epochCursor;
    QTest::newRow("with a large limit") << "tasks" << QString();
}

void TestManaSyncIsolation::otherUserCannotPull()
{
    QFETCH(QString, collection);
    QFETCH(QString, since);
    // Control: Alice's other device sees the record.
    const PullResult alicePull =
        m_api.pullAll(m_alice, newClientId(), "todo", collection, since, 5000);
    QVERIFY2(alicePull.ok, qPrintable(alicePull.error));
    QVERIFY(recordsById(alicePull.changes).contains(m_aliceRecord));

    const PullResult malloryPull =
        m_api.pullAll(m_mallory, newClientId(), "todo", collection, since, 5000);
    QVERIFY2(malloryPull.ok, qPrintable(malloryPull.error));
    QVERIFY2(malloryPull.changes.isEmpty(),
             qPrintable(QStringLiteral("Mallory got %1 changes").arg(malloryPull.changes.size())));

    // Nor through a push answer.
    const HttpResponse pushed = m_api.push(m_mallory, newClientId(), "todo", {}, since);
    MANA_COMPARE_STATUS(pushed, 200);
    QCOMPARE(pushed.json().value("serverChanges").toArray().size(), 0);
}

void TestManaSyncIsolation::otherUserCannotOverwrite()
{
    // Same table and id as Alice's record, with newer timestamps.
    const HttpResponse overwrite =
        m_api.push(m_mallory, newClientId(), "todo",
                   {updateFields("tasks", m_aliceRecord, {{"title", "pwned"}}, m_clock.next()),
                    deleteRecord("tasks", m_aliceRecord, m_clock.next())});
    QVERIFY2(overwrite.status == 200 || (overwrite.status >= 400 && overwrite.status < 500),
             qPrintable(overwrite.describe()));

    const PullResult alicePull = m_api.pullAll(m_alice, newClientId(), "todo", "tasks");
    QVERIFY2(alicePull.ok, qPrintable(alicePull.error));
    const ServerRecord record = recordsById(alicePull.changes).value(m_aliceRecord);
    QCOMPARE(record.op, QStringLiteral("update"));
    QCOMPARE(record.values.value("title").toString(), QStringLiteral("Alice's secret"));
    QCOMPARE(alicePull.changes.size(), 1);
}

void TestManaSyncIsolation::otherUserIsNotNotified()
{
    WebSocketClient aliceTablet;
    WebSocketClient mallorySocket;
    QVERIFY2(aliceTablet.open(m_server->webSocketUrl()), qPrintable(aliceTablet.errorString()));
    QVERIFY2(mallorySocket.open(m_server->webSocketUrl()), qPrintable(mallorySocket.errorString()));
    const auto aliceAuth = aliceTablet.authenticate(m_alice.accessToken, newClientId());
    const auto malloryAuth = mallorySocket.authenticate(m_mallory.accessToken, newClientId());
    QVERIFY(aliceAuth && aliceAuth->value("type") == "auth-ok");
    QVERIFY(malloryAuth && malloryAuth->value("type") == "auth-ok");

    MANA_COMPARE_STATUS(
        m_api.push(m_alice, newClientId(), "todo",
                   {updateFields("tasks", m_aliceRecord, {{"title", "edited"}}, m_clock.next())}),
        200);
    // Control: Alice's tablet hears about it.
    const auto notice = aliceTablet.nextMessageOfType("sync-available", 2000);
    QVERIFY2(notice, "Alice's own second device got no sync-available");
    const QList<QJsonObject> malloryHeard = mallorySocket.collectFor(500);
    QVERIFY2(malloryHeard.isEmpty(), qPrintable(describeMessages(malloryHeard)));
}

QTEST_GUILESS_MAIN(TestManaSyncIsolation)
#include "tst_mana_sync_isolation.moc"
