// Answers the real server never gives (issue 4, case 9), from a canned
// endpoint: an HTML page, truncated JSON, wrong types, an unknown op, a
// plain-text error. Each gives status error with a message and leaves the
// local data and the queue as they were; the next good answer, in the
// original protocol's form (no extension fields, a clock-time cursor),
// recovers.
#include "fakesyncserver.h"
#include "syncclientfixture.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace mana;
using namespace mana::servertest;
using namespace mana::synctest;

class SyncMalformedAnswerTest : public QObject
{
    Q_OBJECT

private slots:
    void badAnswersLeaveDataAlone_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<int>("code"); // SyncError: what the status says, as a code
        QTest::newRow("html page with 200")
            << 200 << QByteArray("text/html")
            << QByteArray("<html><body>Gateway says hi</body></html>")
            << QStringLiteral("not sync data") << int(SyncError::NotSyncData);
        QTest::newRow("truncated json")
            << 200 << QByteArray("application/json")
            << QByteArray(R"({"serverChanges":[{"table":"tasks",)")
            << QStringLiteral("not sync data") << int(SyncError::NotSyncData);
        // Answers this long are read off the event loop (SyncTransport):
        // the same refusal has to come back from there.
        QByteArray longTruncated = R"({"serverChanges":[)";
        while (longTruncated.size() < SyncTransport::kParseOnThreadBytes * 2)
            longTruncated += R"({"table":"tasks","id":"t1","op":"update","fields":{"title":)"
                             R"({"value":"a long page","updatedAt":"2026-01-01T00:00:00.000Z"}}},)";
        QTest::newRow("truncated json, long")
            << 200 << QByteArray("application/json") << longTruncated
            << QStringLiteral("not sync data") << int(SyncError::NotSyncData);
        QByteArray longWrongType = longTruncated;
        longWrongType.chop(1);
        longWrongType += R"(],"conflicts":[],"syncedUntil":5})";
        QTest::newRow("syncedUntil a number, long")
            << 200 << QByteArray("application/json") << longWrongType
            << QStringLiteral("syncedUntil") << int(SyncError::NotSyncData);
        QTest::newRow("serverChanges not an array")
            << 200 << QByteArray("application/json")
            << QByteArray(R"({"serverChanges":"x","conflicts":[],"syncedUntil":"c1"})")
            << QStringLiteral("serverChanges") << int(SyncError::NotSyncData);
        QTest::newRow("syncedUntil a number")
            << 200 << QByteArray("application/json")
            << QByteArray(R"({"serverChanges":[],"conflicts":[],"syncedUntil":5})")
            << QStringLiteral("syncedUntil") << int(SyncError::NotSyncData);
        QTest::newRow("unknown op")
            << 200 << QByteArray("application/json")
            << QByteArray(R"({"serverChanges":[{"table":"tasks","id":"x","op":"upsert"}],)"
                          R"("conflicts":[],"syncedUntil":"c1"})")
            << QStringLiteral("unknown op") << int(SyncError::NotSyncData);
        QTest::newRow("plain text 400")
            << 400 << QByteArray("text/plain") << QByteArray("changes must be an array")
            << QStringLiteral("changes must be an array") << int(SyncError::Refused);
        QTest::newRow("html 502") << 502 << QByteArray("text/html")
                                  << QByteArray("<html>Bad gateway</html>")
                                  << QStringLiteral("HTTP 502") << int(SyncError::ServerBusy);
    }

    void badAnswersLeaveDataAlone()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, messagePart);
        QFETCH(int, code);

        FakeSyncServer fake;
        fake.setReply({status, contentType, body});
        TestUser user;
        user.accessToken = QStringLiteral("token");
        SyncClient client(QStringLiteral("a"), fake.url(), user);
        const QString id = client.tasks()->insert({{"title", "kept"}, {"priority", "high"}}).id;
        const QList<QJsonObject> before = client.rows();
        const QString cursorKey = QStringLiteral("sync.cursor/todo");
        QCOMPARE(client.store().metaValue(cursorKey), QString());

        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.status()->state() == SyncStatus::State::Error, 5000);
        // Without the app's words (SyncStatus::setErrorText) errorMessage is
        // the English detail for the log; the window says the code.
        QVERIFY2(client.status()->errorMessage().contains(messagePart),
                 qPrintable(client.status()->errorMessage()));
        const SyncErrorInfo &error = client.status()->error();
        QVERIFY2(int(error.code) == code, syncErrorName(error.code));
        if (error.code != SyncError::NotSyncData)
            QCOMPARE(error.httpStatus, status);
        // The server's own words only when they are words (not an HTML page).
        QCOMPARE(error.serverText, status == 400 ? QString::fromUtf8(body) : QString());
        QVERIFY(!fake.requestLines().isEmpty());
        QCOMPARE(client.rows(), before);
        QCOMPARE(client.store().pendingChanges().count(), 1);
        QCOMPARE(client.store().metaValue(cursorKey), QString());

        // A good answer in the original protocol's form: no accepted, no
        // adjusted, no hasMore, a clock time as cursor.
        fake.setReply(
            {200, "application/json",
             R"({"serverChanges":[{"table":"tasks","id":"from-server","op":"insert","data":{"title":)"
             R"("sent by the server","priority":"low","createdAt":"2026-01-01T00:00:00.000Z",)"
             R"("updatedAt":"2026-01-01T00:00:00.000Z"}}],"conflicts":[],)"
             R"("syncedUntil":"2026-11-25T10:00:00.000Z"})"});
        if (status == 400 || status == 200) {
            // Refused and malformed answers are not retried by themselves;
            // the next trigger (here "Sync now") asks again.
            const qsizetype asked = fake.requestLines().size();
            QTest::qWait(1500);
            QCOMPARE(fake.requestLines().size(), asked);
            client.engine()->syncNow();
        }
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced(), 5000);
        QVERIFY(client.status()->errorMessage().isEmpty());
        QCOMPARE(client.tasks()->get(id)->value("title").toString(), QStringLiteral("kept"));
        QCOMPARE(client.tasks()->get("from-server")->value("title").toString(),
                 QStringLiteral("sent by the server"));
        QCOMPARE(client.store().metaValue(cursorKey), QStringLiteral("2026-11-25T10:00:00.000Z"));
        QCOMPARE(client.store().metaValue(QStringLiteral("sync.cursor/todo/tasks")),
                 QStringLiteral("2026-11-25T10:00:00.000Z"));
        // What went out was PROTOCOL.md's push.
        const QJsonObject lastPush =
            QJsonDocument::fromJson(fake.requestBodies().constLast()).object();
        QCOMPARE(fake.requestLines().constLast(), QByteArray("POST /sync/todo"));
        QCOMPARE(lastPush.value("appId").toString(), QStringLiteral("todo"));
        QCOMPARE(lastPush.value("clientId").toString(), client.store().clientId());
    }

    // What the server sent cannot be stored (the connection may no longer
    // write): the status says so as a code with the store's reason.
    void aPageThatCannotBeStoredSaysWhy()
    {
        FakeSyncServer fake;
        fake.setReply(
            {200, "application/json",
             R"({"serverChanges":[{"table":"tasks","id":"from-server","op":"insert","data":{"title":)"
             R"("sent by the server","priority":"low","createdAt":"2026-01-01T00:00:00.000Z",)"
             R"("updatedAt":"2026-01-01T00:00:00.000Z"}}],"conflicts":[],)"
             R"("syncedUntil":"2026-11-25T10:00:00.000Z"})"});
        TestUser user;
        user.accessToken = QStringLiteral("token");
        SyncClient client(QStringLiteral("a"), fake.url(), user);
        QVERIFY(QSqlQuery(client.store().database()).exec(QStringLiteral("PRAGMA query_only = 1")));
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.status()->state() == SyncStatus::State::Error, 5000);
        const SyncErrorInfo &error = client.status()->error();
        QVERIFY2(error.code == SyncError::CannotStore, syncErrorName(error.code));
        QVERIFY2(error.storeError == StoreError::ReadOnly, storeErrorName(error.storeError));
        QVERIFY(!client.tasks()->get("from-server").has_value());
        QVERIFY(QSqlQuery(client.store().database()).exec(QStringLiteral("PRAGMA query_only = 0")));
        client.engine()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced(), 5000);
        QVERIFY(!client.status()->error().isError());
        QVERIFY(client.tasks()->get("from-server").has_value());
    }

    // A long answer is read on a pool thread; a client that goes away
    // meanwhile (sign-out, quit) must not get its result delivered.
    void clientGoneWhileALongAnswerIsRead()
    {
        const QByteArray page = cannedInsertPage(2000, "t", false);
        QVERIFY(page.size() > SyncTransport::kParseOnThreadBytes * 2);
        FakeSyncServer fake;
        fake.setReply({200, "application/json", page});
        TestUser user;
        user.accessToken = QStringLiteral("token");
        for (int round = 0; round < 5; ++round) {
            auto client =
                std::make_unique<SyncClient>(QStringLiteral("a%1").arg(round), fake.url(), user);
            const qsizetype asked = fake.requestLines().size();
            client->engine()->start();
            QTRY_VERIFY_WITH_TIMEOUT(fake.requestLines().size() > asked, 5000);
            QTest::qWait(round * 3); // the answer on its way, or being read
            client.reset();
        }
        QTest::qWait(200); // a result that still came back would be used here
        // And one that stays: the long answer is applied.
        SyncClient client(QStringLiteral("b"), fake.url(), user);
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.tasks()->count() > 100, 10000);
    }
};

QTEST_GUILESS_MAIN(SyncMalformedAnswerTest)
#include "tst_sync_malformed.moc"
