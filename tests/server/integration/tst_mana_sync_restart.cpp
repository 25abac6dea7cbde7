// Durability and process contract: every accepted change survives a clean
// stop (SIGTERM, exit 0) and a crash (SIGKILL); accounts and the signing key
// survive too; a bad configuration exits with 2 and says why.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <memory>

using namespace mana::servertest;

class TestManaSyncRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void acceptedChangesSurviveRestart_data();
    void acceptedChangesSurviveRestart();
    void badConfigurationExitsWithTwo_data();
    void badConfigurationExitsWithTwo();

private:
    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    TimestampSource m_clock;
    QHash<QString, QString> m_expectedTitles; // record id -> title
    QSet<QString> m_expectedDeleted;
};

void TestManaSyncRestart::initTestCase()
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

void TestManaSyncRestart::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestManaSyncRestart::acceptedChangesSurviveRestart_data()
{
    QTest::addColumn<bool>("crash");
    QTest::newRow("SIGTERM") << false;
    QTest::newRow("SIGKILL") << true;
}

void TestManaSyncRestart::acceptedChangesSurviveRestart()
{
    QFETCH(bool, crash);
    const QString device = newClientId();

    // Inserts, an update and a delete, the last one acknowledged right
    // before the signal.
    QStringList idsOfThisRound;
    for (int batch = 0; batch < 3; ++batch) {
        QJsonArray changes;
        for (int index = 0; index < 200; ++index) {
            const QString id = newRecordId();
            const QString title = QStringLiteral("batch %1 #%2").arg(batch).arg(index);
            changes.append(insertWithFields("tasks", id, {{"title", title}}, m_clock.next()));
            m_expectedTitles.insert(id, title);
            idsOfThisRound.append(id);
        }
        MANA_COMPARE_STATUS(m_api.push(m_user, device, "todo", changes), 200);
    }
    const QString edited = idsOfThisRound.first();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, device, "todo",
                   {updateFields("tasks", edited, {{"title", "edited"}}, m_clock.next())}),
        200);
    m_expectedTitles.insert(edited, QStringLiteral("edited"));
    const QString deleted = idsOfThisRound.last();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, device, "todo", {deleteRecord("tasks", deleted, m_clock.next())}), 200);
    m_expectedDeleted.insert(deleted);

    // A device that is up to date before the restart.
    const QString watcher = newClientId();
    const PullResult upToDate = m_api.pullAll(m_user, watcher, "todo", "tasks");
    QVERIFY2(upToDate.ok, qPrintable(upToDate.error));

    if (crash) {
        m_server->kill();
    } else {
        QCOMPARE(m_server->stop(), 0);
    }
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_api.setBaseUrl(m_server->baseUrl());
    m_api.http().resetConnections();

    // The old access token still verifies (the key is stored) and login
    // still works (the account is stored).
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    const auto records = recordsById(pulled.changes);
    QCOMPARE(records.size(), m_expectedTitles.size());
    for (auto it = m_expectedTitles.cbegin(); it != m_expectedTitles.cend(); ++it) {
        const ServerRecord record = records.value(it.key());
        QVERIFY2(record.id == it.key(), qPrintable("lost: " + it.key()));
        if (m_expectedDeleted.contains(it.key())) {
            QCOMPARE(record.op, QStringLiteral("delete"));
        } else {
            QCOMPARE(record.op, QStringLiteral("update"));
            QCOMPARE(record.values.value("title").toString(), it.value());
        }
    }
    MANA_COMPARE_STATUS(m_api.login(m_user.email, m_user.password), 200);

    // Its cursor still means the same position: it gets only what is new,
    // not a full resync.
    const QString afterRestart = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, device, "todo",
                   {insertWithFields("tasks", afterRestart, {{"title", "new"}}, m_clock.next())}),
        200);
    m_expectedTitles.insert(afterRestart, QStringLiteral("new"));
    const PullResult caughtUp =
        m_api.pullAll(m_user, watcher, "todo", "tasks", upToDate.syncedUntil);
    QVERIFY2(caughtUp.ok, qPrintable(caughtUp.error));
    QCOMPARE(recordsById(caughtUp.changes).keys(), QList<QString>{afterRestart});
}

void TestManaSyncRestart::badConfigurationExitsWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QStringList base{"--listen", "127.0.0.1"};
    QTest::newRow("port not a number") << QStringList{"--port", "abc", "--listen", "127.0.0.1"};
    QTest::newRow("port out of range") << QStringList{"--port", "70000", "--listen", "127.0.0.1"};
    QTest::newRow("unknown option") << base + QStringList{"--port", "0", "--frobnicate"};
    QTest::newRow("listen address invalid") << QStringList{"--port", "0", "--listen", "not-an-ip"};
    QTest::newRow("db scheme unknown")
        << base + QStringList{"--port", "0", "--db", "mysql://localhost/x"};
    QTest::newRow("ttl negative") << base + QStringList{"--port", "0", "--access-token-ttl", "-1"};
    QTest::newRow("ttl not a number")
        << base + QStringList{"--port", "0", "--access-token-ttl", "soon"};
    QTest::newRow("clock skew not a number")
        << base + QStringList{"--port", "0", "--max-clock-skew-ms", "lots"};
    QTest::newRow("option without its value") << base + QStringList{"--port"};
}

void TestManaSyncRestart::badConfigurationExitsWithTwo()
{
    QFETCH(QStringList, arguments);
    const FinishedRun run = runServerToCompletion(arguments, 5000);
    QVERIFY2(run.exitCode == 2, qPrintable(QStringLiteral("exit code %1, stdout: %2, stderr: %3")
                                               .arg(run.exitCode)
                                               .arg(QString::fromUtf8(run.standardOutput),
                                                    QString::fromUtf8(run.standardError))));
    QVERIFY2(!run.standardError.trimmed().isEmpty(), "no message on stderr");
    QVERIFY2(!run.standardOutput.contains("listening"), run.standardOutput.constData());
}

QTEST_GUILESS_MAIN(TestManaSyncRestart)
#include "tst_mana_sync_restart.moc"
