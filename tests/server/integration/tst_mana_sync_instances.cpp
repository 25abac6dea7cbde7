// Two mana-sync processes over one PostgreSQL database (issue 15): a token
// of one works on the other, a push on one reaches the WebSockets held by
// the other (LISTEN/NOTIFY), a logout on one ends the session on both, the
// notices resume after the listening connection drops, and concurrent
// pushers on both keep the cursor and the merge exact: the result equals a
// single instance that took the same pushes one after another. Last, the
// backup of docs/deploy.md: pg_dump, pg_restore into a new database, and a
// server on it that knows the users and the data and takes new pushes.
// PostgreSQL only: SQLite is one process's file.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"
#include "websocketclient.h"

#include "pg/pgconnection.h"
#include "pgtestdatabase.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace mana::servertest;

namespace {

constexpr int kNoticeTimeoutMs = 2000;

// Device `device`'s push number `push`: five overlapping records with a
// field every device writes and one of its own, at times that interleave
// with the other devices' and never tie.
QJsonArray devicePush(int device, int push, qint64 baseMs)
{
    QJsonArray changes;
    for (int index = 0; index < 5; ++index) {
        const QString at = isoTimestamp(
            QDateTime::fromMSecsSinceEpoch(baseMs + push * 100 + index * 7 + device, Qt::UTC));
        const QString recordId = QStringLiteral("rec-%1").arg((push + index * 3 + device) % 13);
        changes.append(updateFields(
            QStringLiteral("tasks"), recordId,
            {{QStringLiteral("title"), QStringLiteral("d%1 p%2").arg(device).arg(push)},
             {QStringLiteral("field%1").arg(device), push}},
            at));
    }
    return changes;
}

QString describe(const ServerRecord &record)
{
    QJsonObject timestamps;
    for (auto it = record.timestamps.cbegin(); it != record.timestamps.cend(); ++it)
        timestamps.insert(it.key(), it.value());
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{"values", record.values}, {"at", timestamps}})
            .toJson(QJsonDocument::Compact));
}

// Records by id, each as its values and field timestamps.
QMap<QString, QString> stateOf(const QList<QJsonObject> &changes)
{
    QMap<QString, QString> state;
    const auto records = recordsById(changes);
    for (auto it = records.cbegin(); it != records.cend(); ++it)
        state.insert(it.key(), describe(it.value()));
    return state;
}

} // namespace

class TestManaSyncInstances : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tokenOfOneInstanceWorksOnTheOther();
    void pushOnOneInstanceNotifiesSocketsOnTheOther_data();
    void pushOnOneInstanceNotifiesSocketsOnTheOther();
    void logoutOnOneInstanceEndsTheSessionOnTheOther();
    void noticesResumeAfterTheListeningConnectionDrops();
    void concurrentPushersOnTwoInstancesMatchOneInstance();
    void backupWithPgDumpRestoresIntoAWorkingServer();

private:
    ServerProcess &instance(int index) { return index == 0 ? *m_first : *m_second; }
    bool connectDevice(WebSocketClient &socket, int instanceIndex, const TestUser &user,
                       const QString &clientId);

    // m_second uses m_first's database, which goes with m_first: it is
    // declared after, so it stops first.
    std::unique_ptr<ServerProcess> m_first;
    std::unique_ptr<ServerProcess> m_second;
    SyncApi m_api;
    TestUser m_user;
    TimestampSource m_clock;
};

void TestManaSyncInstances::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    if (!postgresTestBackend())
        QSKIP("several instances share a PostgreSQL database; this run is on SQLite");
    m_first = std::make_unique<ServerProcess>();
    QVERIFY2(m_first->start(), qPrintable(m_first->errorString()));
    ServerOptions sameDatabase;
    sameDatabase.databaseUrl = m_first->databaseUrl();
    m_second = std::make_unique<ServerProcess>(sameDatabase);
    QVERIFY2(m_second->start(), qPrintable(m_second->errorString()));
    m_api.setBaseUrl(m_first->baseUrl());
    QString error;
    auto user = m_api.createUser(&error);
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
}

void TestManaSyncInstances::cleanupTestCase()
{
    if (m_second)
        QCOMPARE(m_second->stop(), 0);
    if (m_first)
        QCOMPARE(m_first->stop(), 0);
}

bool TestManaSyncInstances::connectDevice(WebSocketClient &socket, int instanceIndex,
                                          const TestUser &user, const QString &clientId)
{
    return socket.connectAndAuthenticate(instance(instanceIndex).webSocketUrl(), user.accessToken,
                                         clientId);
}

void TestManaSyncInstances::tokenOfOneInstanceWorksOnTheOther()
{
    // The session was created by the first instance; the second has never
    // seen it and finds it in the table.
    SyncApi onSecond(m_second->baseUrl());
    const QString recordId = newRecordId();
    MANA_COMPARE_STATUS(
        onSecond.push(m_user, newClientId(), "todo",
                      {insertWithFields("tasks", recordId, {{"title", "on B"}}, m_clock.next())}),
        200);
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QVERIFY(recordsById(pulled.changes).contains(recordId));
}

void TestManaSyncInstances::pushOnOneInstanceNotifiesSocketsOnTheOther_data()
{
    QTest::addColumn<int>("socketInstance");
    QTest::addColumn<int>("pushInstance");
    QTest::newRow("socket on B, push on A") << 1 << 0;
    QTest::newRow("socket on A, push on B") << 0 << 1;
    QTest::newRow("socket on B, push on B") << 1 << 1;
}

void TestManaSyncInstances::pushOnOneInstanceNotifiesSocketsOnTheOther()
{
    QFETCH(int, socketInstance);
    QFETCH(int, pushInstance);
    const QString listener = newClientId();
    WebSocketClient socket;
    QVERIFY(connectDevice(socket, socketInstance, m_user, listener));

    SyncApi pusher(instance(pushInstance).baseUrl());
    MANA_COMPARE_STATUS(
        pusher.push(m_user, newClientId(), "todo",
                    {insertWithFields("lists", newRecordId(), {{"name", "n"}}, m_clock.next())}),
        200);
    const auto notice = socket.nextMessageOfType("sync-available", kNoticeTimeoutMs);
    QVERIFY2(notice, "no sync-available from the other instance's push");
    QCOMPARE(notice->value("appId").toString(), QStringLiteral("todo"));
    QCOMPARE(notice->value("tables").toArray(), QJsonArray{"lists"});

    // The listening device's own push, on the other instance, is not
    // announced back to it.
    MANA_COMPARE_STATUS(
        pusher.push(m_user, listener, "todo",
                    {insertWithFields("lists", newRecordId(), {{"name", "own"}}, m_clock.next())}),
        200);
    const QList<QJsonObject> after = socket.collectFor(500);
    QVERIFY2(after.isEmpty(), qPrintable(describeMessages(after)));
}

void TestManaSyncInstances::logoutOnOneInstanceEndsTheSessionOnTheOther()
{
    TestUser device = m_user;
    QString error;
    QVERIFY2(m_api.relogin(device, &error), qPrintable(error)); // a session of its own
    WebSocketClient socket;
    QVERIFY(connectDevice(socket, 1, device, newClientId()));
    SyncApi onSecond(m_second->baseUrl());
    MANA_COMPARE_STATUS(onSecond.pull(device, newClientId(), "todo", "tasks"), 200);

    MANA_COMPARE_STATUS(m_api.logout(device.refreshToken), 204);

    QVERIFY2(socket.waitForDisconnected(kNoticeTimeoutMs),
             "the other instance kept the ended session's WebSocket open");
    MANA_COMPARE_STATUS(onSecond.pull(device, newClientId(), "todo", "tasks"), 401);
    // The other sessions of the user live on.
    MANA_COMPARE_STATUS(onSecond.pull(m_user, newClientId(), "todo", "tasks"), 200);
}

void TestManaSyncInstances::noticesResumeAfterTheListeningConnectionDrops()
{
    // An operator's pg_terminate_backend, a failover, a restarted pooler:
    // the listening connections of both instances go away.
    QString error;
    auto admin = mana::server::pg::Connection::open(m_first->databaseUrl(), &error);
    QVERIFY2(admin, qPrintable(error));
    const auto terminated =
        admin->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                   "WHERE application_name = 'mana-sync instances' "
                                   "AND datname = current_database()"));
    QVERIFY2(terminated.ok(), qPrintable(terminated.error()));
    QCOMPARE(terminated.rows(), 2);

    WebSocketClient socket;
    QVERIFY(connectDevice(socket, 1, m_user, newClientId()));
    // Each instance notices the drop at its next read or send and connects
    // again within its back-off; meanwhile a notice may be lost.
    bool noticed = false;
    for (int attempt = 0; attempt < 20 && !noticed; ++attempt) {
        MANA_COMPARE_STATUS(m_api.push(m_user, newClientId(), "todo",
                                       {insertWithFields("lists", newRecordId(),
                                                         {{"name", "after"}}, m_clock.next())}),
                            200);
        noticed = socket.nextMessageOfType("sync-available", 500).has_value();
    }
    QVERIFY2(noticed, "no notice crossed the instances within 10 s of the drop");
    for (int index = 0; index < 2; ++index) {
        const HttpResponse health = SyncApi(instance(index).baseUrl()).http().get("/health");
        MANA_COMPARE_STATUS(health, 200);
        QCOMPARE(health.json().value("instances").toString(), QStringLiteral("listening"));
    }
    QVERIFY2(m_first->logTail().contains("listening for the other instances again"),
             qPrintable(m_first->logTail()));
}

void TestManaSyncInstances::concurrentPushersOnTwoInstancesMatchOneInstance()
{
    constexpr int devices = 4;
    constexpr int pushesPerDevice = 40;
    const qint64 baseMs = QDateTime::currentMSecsSinceEpoch() - 60'000;
    QString error;
    auto fresh = m_api.createUser(&error, QStringLiteral("concurrent"));
    QVERIFY2(fresh, qPrintable(error));
    const TestUser user = *fresh;

    // Devices 0 and 1 push to the first instance, 2 and 3 to the second,
    // all at once; a reader pulls small pages from both in turn meanwhile,
    // carrying its cursor from one instance to the other.
    const QUrl urls[] = {m_first->baseUrl(), m_second->baseUrl()};
    std::atomic<int> failures = 0;
    std::atomic<int> pushersDone = 0;
    QStringList failureMessages;
    QMutex failureLock;
    auto fail = [&](const QString &message) {
        ++failures;
        QMutexLocker locker(&failureLock);
        failureMessages.append(message);
    };
    QList<QThread *> threads;
    for (int device = 0; device < devices; ++device) {
        threads.append(QThread::create([&, device] {
            SyncApi api(urls[device / 2]);
            const QString clientId = QStringLiteral("device-%1").arg(device);
            for (int push = 0; push < pushesPerDevice; ++push) {
                const HttpResponse answer =
                    api.push(user, clientId, "todo", devicePush(device, push, baseMs));
                if (answer.status != 200)
                    fail(answer.describe());
            }
            ++pushersDone;
        }));
    }
    QList<QJsonObject> readerChanges;
    int readerPulls = 0;
    threads.append(QThread::create([&] {
        SyncApi api;
        QString cursor = epochCursor;
        bool finalRound = false;
        for (;;) {
            finalRound = pushersDone.load() == devices;
            api.setBaseUrl(urls[readerPulls % 2]);
            const PullResult page =
                api.pullAll(user, QStringLiteral("reader"), "todo", "tasks", cursor, 3);
            ++readerPulls;
            if (!page.ok) {
                fail(page.error);
                return;
            }
            readerChanges.append(page.changes);
            cursor = page.syncedUntil;
            if (finalRound)
                return; // one whole pull after every push was answered
        }
    }));
    for (QThread *thread : std::as_const(threads))
        thread->start();
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(120'000));
        delete thread;
    }
    QVERIFY2(failures.load() == 0, qPrintable(failureMessages.join('\n')));
    QVERIFY(readerPulls > 1);

    // The reference: one instance, the same pushes one after another.
    ServerProcess single;
    QVERIFY2(single.start(), qPrintable(single.errorString()));
    SyncApi onSingle(single.baseUrl());
    auto singleUser = onSingle.createUser(&error, QStringLiteral("reference"));
    QVERIFY2(singleUser, qPrintable(error));
    for (int device = 0; device < devices; ++device) {
        for (int push = 0; push < pushesPerDevice; ++push) {
            MANA_COMPARE_STATUS(onSingle.push(*singleUser, QStringLiteral("device-%1").arg(device),
                                              "todo", devicePush(device, push, baseMs)),
                                200);
        }
    }
    const PullResult reference = onSingle.pullAll(*singleUser, "reference", "todo", "tasks");
    QVERIFY2(reference.ok, qPrintable(reference.error));
    const auto expected = stateOf(reference.changes);
    QCOMPARE(expected.size(), 13);

    for (int index = 0; index < 2; ++index) {
        SyncApi api(urls[index]);
        const PullResult whole = api.pullAll(user, "checker", "todo", "tasks");
        QVERIFY2(whole.ok, qPrintable(whole.error));
        QCOMPARE(stateOf(whole.changes), expected);
        // Paging on either instance gives the same.
        const PullResult paged = api.pullAll(user, "checker", "todo", "tasks", epochCursor, 2);
        QVERIFY2(paged.ok, qPrintable(paged.error));
        QCOMPARE(stateOf(paged.changes), expected);
    }
    // The reader, which followed the pushes with its cursor across both
    // instances, missed nothing.
    QCOMPARE(stateOf(readerChanges), expected);
    QCOMPARE(single.stop(), 0);
}

void TestManaSyncInstances::backupWithPgDumpRestoresIntoAWorkingServer()
{
    const PullResult before = m_api.pullAll(m_user, newClientId(), "todo", QString());
    QVERIFY2(before.ok, qPrintable(before.error));
    QVERIFY(!before.changes.isEmpty());

    // The commands of docs/deploy.md, "Backups", while both servers run.
    QTemporaryDir scratch;
    const QString dumpFile = scratch.filePath(QStringLiteral("mana-sync.dump"));
    QProcess dump;
    dump.start(QStringLiteral("pg_dump"),
               {QStringLiteral("--format=custom"), QStringLiteral("--file=") + dumpFile,
                QStringLiteral("--dbname=") + m_first->databaseUrl()});
    QVERIFY2(dump.waitForFinished(60'000) && dump.exitCode() == 0,
             qPrintable(dump.errorString() + dump.readAllStandardError()));
    mana::server::testing::PostgresTestDatabase restoredDatabase;
    QVERIFY2(restoredDatabase.isValid(), qPrintable(restoredDatabase.error()));
    QProcess restore;
    restore.start(QStringLiteral("pg_restore"),
                  {QStringLiteral("--no-owner"), QStringLiteral("--exit-on-error"),
                   QStringLiteral("--dbname=") + restoredDatabase.url(), dumpFile});
    QVERIFY2(restore.waitForFinished(60'000) && restore.exitCode() == 0,
             qPrintable(restore.errorString() + restore.readAllStandardError()));
    // A new database id, so that cursors from before the restore start over.
    QString error;
    auto restoredConnection = mana::server::pg::Connection::open(restoredDatabase.url(), &error);
    QVERIFY2(restoredConnection, qPrintable(error));
    const auto newId = restoredConnection->exec(
        QStringLiteral("UPDATE sync_meta SET value = substr(md5(random()::text), 1, 12) "
                       "WHERE key = 'database_id'"));
    QVERIFY2(newId.ok() && newId.affectedRows() == 1, qPrintable(newId.error()));
    restoredConnection.reset();

    ServerOptions onRestored;
    onRestored.databaseUrl = restoredDatabase.url();
    ServerProcess restored(onRestored);
    QVERIFY2(restored.start(), qPrintable(restored.errorString()));
    SyncApi api(restored.baseUrl());
    // The accounts came along: the password works, old tokens too (the
    // signing key is in the dump).
    TestUser user = m_user;
    MANA_COMPARE_STATUS(api.pull(user, newClientId(), "todo", "tasks"), 200);
    QVERIFY2(api.relogin(user, &error), qPrintable(error));
    const PullResult after = api.pullAll(user, newClientId(), "todo", QString());
    QVERIFY2(after.ok, qPrintable(after.error));
    QCOMPARE(stateOf(after.changes), stateOf(before.changes));
    // A device's cursor from before the restore pulls everything again.
    const PullResult resumed =
        api.pullAll(user, newClientId(), "todo", QString(), before.syncedUntil);
    QVERIFY2(resumed.ok, qPrintable(resumed.error));
    QCOMPARE(stateOf(resumed.changes), stateOf(before.changes));
    // The sequence goes on from where the dump left it.
    const QString recordId = newRecordId();
    MANA_COMPARE_STATUS(
        api.push(user, newClientId(), "todo",
                 {insertWithFields("tasks", recordId, {{"title", "restored"}}, m_clock.next())}),
        200);
    const PullResult newer = api.pullAll(user, newClientId(), "todo", "tasks", after.syncedUntil);
    QVERIFY2(newer.ok, qPrintable(newer.error));
    QCOMPARE(newer.changes.size(), 1);
    QCOMPARE(readServerChange(newer.changes.first()).id, recordId);
    QCOMPARE(restored.stop(), 0);
}

QTEST_GUILESS_MAIN(TestManaSyncInstances)
#include "tst_mana_sync_instances.moc"
