// Push and pull (PROTOCOL.md "Sync endpoints"): round trips of every op,
// two devices of one user, pagination, client ids, idempotent retries and
// cursors the server did not issue.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <memory>

using namespace mana::servertest;

class TestManaSyncPushPull : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void pushAnswerHasTheProtocolShape();
    void insertWithDataRoundTrip();
    void insertWithFieldsRoundTrip();
    void insertWithoutUpdatedAtTakesCreatedAt();
    void updateRoundTrip();
    void deleteRoundTrip();
    void insertWithoutDataOrFieldsIsRefused();
    void pushAnswerHoldsOtherDevicesChanges();
    void pullOfOneCollectionOrTheWholeApp();
    void appsAreSeparate();
    void paginationDeliversEveryChangeOnce();
    void paginationSurvivesWritesBetweenPages();
    void headerClientIdWinsOverTheBody();
    void clientIdIsRequired_data();
    void clientIdIsRequired();
    void retriedPushHasTheEffectOfOne();
    void foreignCursorMeansFullResync_data();
    void foreignCursorMeansFullResync();

private:
    ServerRecord pullRecord(const QString &table, const QString &id);

    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    TimestampSource m_clock;
    const QString m_deviceA = newClientId();
    const QString m_deviceB = newClientId();
};

void TestManaSyncPushPull::initTestCase()
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

void TestManaSyncPushPull::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

// The record as a third device sees it after a full pull.
ServerRecord TestManaSyncPushPull::pullRecord(const QString &table, const QString &id)
{
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", table);
    if (!pulled.ok)
        qWarning("pull failed: %s", qPrintable(pulled.error));
    return recordsById(pulled.changes).value(id);
}

void TestManaSyncPushPull::pushAnswerHasTheProtocolShape()
{
    const QJsonArray changes{
        insertWithFields("tasks", newRecordId(), {{"title", "shape"}}, m_clock.next()),
        insertWithFields("tasks", newRecordId(), {{"title", "shape 2"}}, m_clock.next())};
    const HttpResponse answer = m_api.push(m_user, m_deviceA, "todo", changes);
    MANA_COMPARE_STATUS(answer, 200);
    const QJsonObject body = answer.json();
    QVERIFY2(body.value("serverChanges").isArray(), qPrintable(answer.describe()));
    QVERIFY2(body.value("conflicts").isArray(), qPrintable(answer.describe()));
    QVERIFY2(!body.value("syncedUntil").toString().isEmpty(), qPrintable(answer.describe()));
    QCOMPARE(body.value("accepted").toInt(-1), 2);
    QVERIFY2(body.value("hasMore").isBool(), qPrintable(answer.describe()));
    // ext: the answer of PROTOCOL.md lists `adjusted` always, empty here.
    QVERIFY2(body.value("adjusted").isArray(), qPrintable(answer.describe()));
    QCOMPARE(body.value("adjusted").toArray().size(), 0);
}

void TestManaSyncPushPull::insertWithDataRoundTrip()
{
    const QString id = newRecordId();
    const QString at = m_clock.next();
    const QJsonObject data{{"title", "Buy milk"}, {"priority", "low"},
                           {"done", false},       {"tags", QJsonArray{"shop", "home"}},
                           {"estimate", 1.5},     {"note", QJsonValue::Null},
                           {"createdAt", at},     {"updatedAt", at}};
    MANA_COMPARE_STATUS(m_api.push(m_user, m_deviceA, "todo", {insertWithData("tasks", id, data)}),
                        200);
    const ServerRecord record = pullRecord("tasks", id);
    QCOMPARE(record.id, id);
    QCOMPARE(record.table, QStringLiteral("tasks"));
    QVERIFY2(record.op == "update" || record.op == "insert", qPrintable(record.op));
    for (const QString field : {"title", "priority", "done", "tags", "estimate", "note"})
        QVERIFY2(record.values.value(field) == data.value(field), qPrintable(field));
    // Without `fields`, every field takes the record's updatedAt.
    QCOMPARE(record.timestamps.value("title"), at);
}

void TestManaSyncPushPull::insertWithFieldsRoundTrip()
{
    const QString id = newRecordId();
    const QString at = m_clock.next();
    MANA_COMPARE_STATUS(
        m_api.push(
            m_user, m_deviceA, "todo",
            {insertWithFields("tasks", id, {{"title", "Fields only"}, {"priority", 3}}, at)}),
        200);
    const ServerRecord record = pullRecord("tasks", id);
    QCOMPARE(record.values.value("title").toString(), QStringLiteral("Fields only"));
    QCOMPARE(record.values.value("priority").toInt(), 3);
    QCOMPARE(record.timestamps.value("priority"), at);
}

void TestManaSyncPushPull::insertWithoutUpdatedAtTakesCreatedAt()
{
    const QString id = newRecordId();
    const QString createdAt = m_clock.next();
    MANA_COMPARE_STATUS(
        m_api.push(
            m_user, m_deviceA, "todo",
            {insertWithData("tasks", id, {{"title", "old record"}, {"createdAt", createdAt}})}),
        200);
    const ServerRecord record = pullRecord("tasks", id);
    QCOMPARE(record.values.value("title").toString(), QStringLiteral("old record"));
    QCOMPARE(record.timestamps.value("title"), createdAt);
}

void TestManaSyncPushPull::updateRoundTrip()
{
    const QString id = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, m_deviceA, "todo",
                   {insertWithFields("tasks", id, {{"title", "Draft"}, {"priority", "low"}},
                                     m_clock.next())}),
        200);
    const QString editedAt = m_clock.next();
    MANA_COMPARE_STATUS(m_api.push(m_user, m_deviceA, "todo",
                                   {updateFields("tasks", id, {{"title", "Final"}}, editedAt)}),
                        200);
    const ServerRecord record = pullRecord("tasks", id);
    QCOMPARE(record.op, QStringLiteral("update"));
    QCOMPARE(record.values.value("title").toString(), QStringLiteral("Final"));
    QCOMPARE(record.timestamps.value("title"), editedAt);
    QCOMPARE(record.values.value("priority").toString(), QStringLiteral("low"));
}

void TestManaSyncPushPull::deleteRoundTrip()
{
    const QString id = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, m_deviceA, "todo",
                   {insertWithFields("tasks", id, {{"title", "Doomed"}}, m_clock.next())}),
        200);
    const QString deletedAt = m_clock.next();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, m_deviceA, "todo", {deleteRecord("tasks", id, deletedAt)}), 200);
    const ServerRecord record = pullRecord("tasks", id);
    QCOMPARE(record.id, id);
    QCOMPARE(record.op, QStringLiteral("delete"));
    const QString reportedDeletedAt =
        record.deletedAt.isEmpty() ? record.values.value("deletedAt").toString() : record.deletedAt;
    QCOMPARE(reportedDeletedAt, deletedAt);
}

void TestManaSyncPushPull::insertWithoutDataOrFieldsIsRefused()
{
    const QString id = newRecordId();
    const QJsonObject bare{{"table", "tasks"}, {"id", id}, {"op", "insert"}};
    const HttpResponse answer = m_api.push(m_user, m_deviceA, "todo", {bare});
    MANA_COMPARE_STATUS(answer, 400);
    MANA_VERIFY_ERROR_BODY(answer);
    QVERIFY(pullRecord("tasks", id).id.isEmpty());
}

void TestManaSyncPushPull::pushAnswerHoldsOtherDevicesChanges()
{
    const TestUser &user = m_user;
    const QString appId = QStringLiteral("notes");
    const QString fromA = newRecordId();
    const QString fromB = newRecordId();

    const HttpResponse pushA =
        m_api.push(user, m_deviceA, appId,
                   {insertWithFields("notes", fromA, {{"text", "from A"}}, m_clock.next())});
    MANA_COMPARE_STATUS(pushA, 200);
    const QString cursorA = pushA.json().value("syncedUntil").toString();

    const HttpResponse pushB =
        m_api.push(user, m_deviceB, appId,
                   {insertWithFields("notes", fromB, {{"text", "from B"}}, m_clock.next())});
    MANA_COMPARE_STATUS(pushB, 200);
    const auto seenByB = recordsById(objectsOf(pushB.json().value("serverChanges").toArray()));
    QVERIFY2(seenByB.contains(fromA), qPrintable(pushB.describe()));
    QCOMPARE(seenByB.value(fromA).values.value("text").toString(), QStringLiteral("from A"));
    // A device never gets its own changes back.
    QVERIFY2(!seenByB.contains(fromB), qPrintable(pushB.describe()));

    // A, pushing nothing from its cursor, gets exactly B's record.
    const HttpResponse catchUp = m_api.push(user, m_deviceA, appId, {}, cursorA);
    MANA_COMPARE_STATUS(catchUp, 200);
    const auto seenByA = recordsById(objectsOf(catchUp.json().value("serverChanges").toArray()));
    QCOMPARE(seenByA.keys(), QList<QString>{fromB});
    QCOMPARE(seenByA.value(fromB).values.value("text").toString(), QStringLiteral("from B"));
}

void TestManaSyncPushPull::pullOfOneCollectionOrTheWholeApp()
{
    const QString appId = QStringLiteral("planner");
    const QString task = newRecordId();
    const QString project = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, m_deviceA, appId,
                   {insertWithFields("tasks", task, {{"title", "t"}}, m_clock.next()),
                    insertWithFields("projects", project, {{"name", "p"}}, m_clock.next())}),
        200);
    const PullResult tasksOnly = m_api.pullAll(m_user, m_deviceB, appId, "tasks");
    QVERIFY2(tasksOnly.ok, qPrintable(tasksOnly.error));
    QCOMPARE(recordsById(tasksOnly.changes).keys(), QList<QString>{task});

    const PullResult everything = m_api.pullAll(m_user, m_deviceB, appId, QString());
    QVERIFY2(everything.ok, qPrintable(everything.error));
    const auto records = recordsById(everything.changes);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.value(project).table, QStringLiteral("projects"));
    QCOMPARE(records.value(task).table, QStringLiteral("tasks"));
}

void TestManaSyncPushPull::appsAreSeparate()
{
    const QString id = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(m_user, m_deviceA, "contacts",
                   {insertWithFields("people", id, {{"name", "Ann"}}, m_clock.next())}),
        200);
    const PullResult otherApp = m_api.pullAll(m_user, m_deviceB, "calendar", QString());
    QVERIFY2(otherApp.ok, qPrintable(otherApp.error));
    QVERIFY(!recordsById(otherApp.changes).contains(id));
    const PullResult sameApp = m_api.pullAll(m_user, m_deviceB, "contacts", "people");
    QVERIFY2(sameApp.ok, qPrintable(sameApp.error));
    QVERIFY(recordsById(sameApp.changes).contains(id));
}

void TestManaSyncPushPull::paginationDeliversEveryChangeOnce()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("pages"));
    QVERIFY2(user, qPrintable(error));
    constexpr int total = 2500;
    QSet<QString> pushed;
    for (int start = 0; start < total; start += 1000) {
        QJsonArray batch;
        for (int index = start; index < qMin(total, start + 1000); ++index) {
            const QString id = newRecordId();
            pushed.insert(id);
            batch.append(
                insertWithFields("tasks", id, {{"title", QString::number(index)}}, m_clock.next()));
        }
        const HttpResponse answer = m_api.push(*user, m_deviceA, "todo", batch);
        MANA_COMPARE_STATUS(answer, 200);
        QCOMPARE(answer.json().value("accepted").toInt(), int(batch.size()));
    }

    const PullResult pulled = m_api.pullAll(*user, m_deviceB, "todo", "tasks");
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QVERIFY2(pulled.pages >= 3, qPrintable(QString::number(pulled.pages)));
    QVERIFY2(pulled.largestPage <= 1000, qPrintable(QString::number(pulled.largestPage)));
    QSet<QString> seen;
    for (const QJsonObject &change : pulled.changes) {
        const QString id = change.value("id").toString();
        QVERIFY2(!seen.contains(id), qPrintable("delivered twice: " + id));
        seen.insert(id);
    }
    QCOMPARE(seen, pushed);

    // A push answer is paged the same way, with hasMore.
    const HttpResponse pushAnswer = m_api.push(*user, m_deviceB, "todo", {});
    MANA_COMPARE_STATUS(pushAnswer, 200);
    QCOMPARE(pushAnswer.json().value("serverChanges").toArray().size(), 1000);
    QVERIFY(pushAnswer.json().value("hasMore").toBool());

    // ext: &limit= up to 5000.
    const PullResult bigPages = m_api.pullAll(*user, m_deviceB, "todo", "tasks", epochCursor, 5000);
    QVERIFY2(bigPages.ok, qPrintable(bigPages.error));
    QCOMPARE(bigPages.pages, 1);
    QCOMPARE(bigPages.changes.size(), total);
}

void TestManaSyncPushPull::paginationSurvivesWritesBetweenPages()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("moving"));
    QVERIFY2(user, qPrintable(error));
    QStringList ids;
    for (int batchStart = 0; batchStart < 1500; batchStart += 750) {
        QJsonArray batch;
        for (int index = 0; index < 750; ++index) {
            ids += newRecordId();
            batch.append(insertWithFields("tasks", ids.last(), {{"title", "v1"}}, m_clock.next()));
        }
        MANA_COMPARE_STATUS(m_api.push(*user, m_deviceA, "todo", batch), 200);
    }

    const HttpResponse firstPage = m_api.pull(*user, m_deviceB, "todo", "tasks");
    MANA_COMPARE_STATUS(firstPage, 200);
    QVERIFY(firstPage.json().value("hasMore").toBool());
    QList<QJsonObject> received = objectsOf(firstPage.json().value("serverChanges").toArray());

    // Between B's pages, A edits a record B already has and adds a new one.
    const QString alreadyPulled = received.first().value("id").toString();
    const QString added = newRecordId();
    MANA_COMPARE_STATUS(
        m_api.push(*user, m_deviceA, "todo",
                   {updateFields("tasks", alreadyPulled, {{"title", "v2"}}, m_clock.next()),
                    insertWithFields("tasks", added, {{"title", "late"}}, m_clock.next())}),
        200);

    const PullResult rest = m_api.pullAll(*user, m_deviceB, "todo", "tasks",
                                          firstPage.json().value("syncedUntil").toString());
    QVERIFY2(rest.ok, qPrintable(rest.error));
    received += rest.changes;
    const auto records = recordsById(received); // later pages hold newer states
    QCOMPARE(records.size(), 1501);
    for (const QString &id : ids)
        QVERIFY2(records.contains(id), qPrintable("missing: " + id));
    QCOMPARE(records.value(alreadyPulled).values.value("title").toString(), QStringLiteral("v2"));
    QCOMPARE(records.value(added).values.value("title").toString(), QStringLiteral("late"));
}

void TestManaSyncPushPull::headerClientIdWinsOverTheBody()
{
    // Both devices up to date; a full resync would also return a device's
    // own records, so this compares incremental pulls.
    const PullResult cursorOfA = m_api.pullAll(m_user, m_deviceA, "todo", "tasks");
    const PullResult cursorOfB = m_api.pullAll(m_user, m_deviceB, "todo", "tasks");
    QVERIFY2(cursorOfA.ok && cursorOfB.ok, qPrintable(cursorOfA.error + cursorOfB.error));

    const QString id = newRecordId();
    QJsonObject body = SyncApi::pushBody(
        m_deviceB, "todo", {insertWithFields("tasks", id, {{"title", "whose?"}}, m_clock.next())});
    // X-Client-Id says device A, the body says device B.
    MANA_COMPARE_STATUS(m_api.http().postJson(QStringLiteral("/sync/todo"), body,
                                              SyncApi::syncHeaders(m_user, m_deviceA)),
                        200);
    const PullResult seenByA =
        m_api.pullAll(m_user, m_deviceA, "todo", "tasks", cursorOfA.syncedUntil);
    const PullResult seenByB =
        m_api.pullAll(m_user, m_deviceB, "todo", "tasks", cursorOfB.syncedUntil);
    QVERIFY2(seenByA.ok && seenByB.ok, qPrintable(seenByA.error + seenByB.error));
    QVERIFY2(!recordsById(seenByA.changes).contains(id), "A got its own change back");
    QVERIFY2(recordsById(seenByB.changes).contains(id), "B did not get A's change");
}

void TestManaSyncPushPull::clientIdIsRequired_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<int>("expectedStatus");
    QTest::newRow("pull without X-Client-Id") << "pull" << 400;
    QTest::newRow("push without X-Client-Id and clientId") << "push-none" << 400;
    QTest::newRow("push with empty clientId") << "push-empty" << 400;
    QTest::newRow("push with clientId in the body only") << "push-body" << 200;
    QTest::newRow("pull with X-Client-Id (control)") << "pull-header" << 200;
}

void TestManaSyncPushPull::clientIdIsRequired()
{
    QFETCH(QString, request);
    QFETCH(int, expectedStatus);
    HttpResponse answer;
    const QJsonArray changes{
        insertWithFields("tasks", newRecordId(), {{"title", "who?"}}, m_clock.next())};
    if (request.startsWith("pull")) {
        const QString clientId = request == "pull-header" ? m_deviceA : QString();
        answer = m_api.http().get(QStringLiteral("/sync/todo/pull?collection=tasks"),
                                  SyncApi::syncHeaders(m_user, clientId));
    } else {
        QJsonObject body = SyncApi::pushBody(m_deviceA, "todo", changes);
        if (request == "push-none")
            body.remove("clientId");
        else if (request == "push-empty")
            body.insert("clientId", "");
        answer = m_api.http().postJson(QStringLiteral("/sync/todo"), body,
                                       SyncApi::syncHeaders(m_user, QString()));
    }
    MANA_COMPARE_STATUS(answer, expectedStatus);
    if (expectedStatus == 400)
        MANA_VERIFY_ERROR_BODY(answer);
}

void TestManaSyncPushPull::retriedPushHasTheEffectOfOne()
{
    QString error;
    auto user = m_api.createUser(&error, QStringLiteral("retry"));
    QVERIFY2(user, qPrintable(error));
    const QString id = newRecordId();
    const QJsonArray changes{
        insertWithFields("tasks", id, {{"title", "once"}, {"priority", "high"}}, m_clock.next()),
        updateFields("tasks", id, {{"title", "once, edited"}}, m_clock.next())};

    const HttpResponse first = m_api.push(*user, m_deviceA, "todo", changes);
    MANA_COMPARE_STATUS(first, 200);
    const PullResult before = m_api.pullAll(*user, m_deviceB, "todo", "tasks");
    QVERIFY2(before.ok, qPrintable(before.error));

    // The answer got lost; the device sends the very same request again.
    const HttpResponse retry = m_api.push(*user, m_deviceA, "todo", changes);
    MANA_COMPARE_STATUS(retry, 200);
    QCOMPARE(retry.json().value("serverChanges").toArray().size(), 0);

    // Nothing new after the first push's state, and the same state.
    const PullResult after = m_api.pullAll(*user, m_deviceB, "todo", "tasks", before.syncedUntil);
    QVERIFY2(after.ok, qPrintable(after.error));
    QVERIFY2(
        after.changes.isEmpty(),
        qPrintable(QStringLiteral("%1 changes after a retried push").arg(after.changes.size())));
    const PullResult full = m_api.pullAll(*user, m_deviceB, "todo", "tasks");
    QVERIFY2(full.ok, qPrintable(full.error));
    QCOMPARE(full.changes, before.changes);
    QCOMPARE(recordsById(full.changes).value(id).values.value("title").toString(),
             QStringLiteral("once, edited"));
}

void TestManaSyncPushPull::foreignCursorMeansFullResync_data()
{
    QTest::addColumn<QString>("since");
    QTest::newRow("empty") << QString();
    QTest::newRow("epoch") << epochCursor;
    QTest::newRow("clock time of the original server") << isoTimestampFromNow(0);
    QTest::newRow("cursor of another database") << QStringLiteral("mana1:another-db:5");
    QTest::newRow("garbage") << QStringLiteral("%%not a cursor%%");
    QTest::newRow("position beyond the head") << QStringLiteral("mana1:x:99999999");
}

void TestManaSyncPushPull::foreignCursorMeansFullResync()
{
    QFETCH(QString, since);
    QString error;
    static std::optional<TestUser> user;
    static QString recordId;
    if (!user) {
        user = m_api.createUser(&error, QStringLiteral("cursor"));
        QVERIFY2(user, qPrintable(error));
        recordId = newRecordId();
        MANA_COMPARE_STATUS(m_api.push(*user, m_deviceA, "todo",
                                       {insertWithFields("tasks", recordId, {{"title", "resync"}},
                                                         m_clock.next())}),
                            200);
    }
    const PullResult pulled = m_api.pullAll(*user, m_deviceB, "todo", "tasks", since);
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    QVERIFY(recordsById(pulled.changes).contains(recordId));

    const HttpResponse pushed = m_api.push(*user, m_deviceB, "todo", {}, since);
    MANA_COMPARE_STATUS(pushed, 200);
    QVERIFY(
        recordsById(objectsOf(pushed.json().value("serverChanges").toArray())).contains(recordId));
}

QTEST_GUILESS_MAIN(TestManaSyncPushPull)
#include "tst_mana_sync_sync.moc"
