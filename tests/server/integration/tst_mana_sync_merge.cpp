// The merge rule of PROTOCOL.md on the server: field-level last-write-wins,
// ties broken by client id, deletes as a field, and the clock-skew clamp.
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace mana::servertest;

namespace {
// Fixed ids so the tie-break order is known: "…a" < "…b" in byte order.
const QString lowerClient = QStringLiteral("00000000-0000-4000-8000-00000000000a");
const QString greaterClient = QStringLiteral("00000000-0000-4000-8000-00000000000b");

QString timestampAt(qint64 baseMs, qint64 offsetMs)
{
    return isoTimestamp(QDateTime::fromMSecsSinceEpoch(baseMs + offsetMs, Qt::UTC));
}
} // namespace

class TestManaSyncMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void concurrentEditsOfDifferentFieldsBothSurvive();
    void laterTimestampWins_data();
    void laterTimestampWins();
    void sameClientSameTimestampTakesTheGreaterValue_data();
    void sameClientSameTimestampTakesTheGreaterValue();
    void deleteWinsOverOlderEdit();
    void newerEditDoesNotResurrect();
    void clearingDeletedAtWithNewerTimestampRestores();
    void clockSkewIsClamped_data();
    void clockSkewIsClamped();

private:
    ServerRecord currentState(const QString &id);
    void insertRecord(const QString &id, const QJsonObject &values, const QString &at);

    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
};

void TestManaSyncMerge::initTestCase()
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

void TestManaSyncMerge::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

ServerRecord TestManaSyncMerge::currentState(const QString &id)
{
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    if (!pulled.ok)
        qWarning("pull failed: %s", qPrintable(pulled.error));
    return recordsById(pulled.changes).value(id);
}

void TestManaSyncMerge::insertRecord(const QString &id, const QJsonObject &values,
                                     const QString &at)
{
    const HttpResponse answer =
        m_api.push(m_user, lowerClient, "todo", {insertWithFields("tasks", id, values, at)});
    QVERIFY2(answer.status == 200, qPrintable(answer.describe()));
}

void TestManaSyncMerge::concurrentEditsOfDifferentFieldsBothSurvive()
{
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}, {"priority", "low"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;

    // Both devices edited offline from the same state, each a different field.
    const HttpResponse fromA =
        m_api.push(m_user, lowerClient, "todo",
                   {updateFields("tasks", id, {{"title", "A's title"}}, timestampAt(base, 2000))});
    MANA_COMPARE_STATUS(fromA, 200);
    const HttpResponse fromB =
        m_api.push(m_user, greaterClient, "todo",
                   {updateFields("tasks", id, {{"priority", "high"}}, timestampAt(base, 1000))});
    MANA_COMPARE_STATUS(fromB, 200);

    // B's answer carries the merged state: A's title and B's own priority.
    const auto seenByB = recordsById(objectsOf(fromB.json().value("serverChanges").toArray()));
    QVERIFY2(seenByB.contains(id), qPrintable(fromB.describe()));
    QCOMPARE(seenByB.value(id).values.value("title").toString(), QStringLiteral("A's title"));
    QCOMPARE(seenByB.value(id).values.value("priority").toString(), QStringLiteral("high"));

    const ServerRecord merged = currentState(id);
    QCOMPARE(merged.values.value("title").toString(), QStringLiteral("A's title"));
    QCOMPARE(merged.values.value("priority").toString(), QStringLiteral("high"));
}

void TestManaSyncMerge::laterTimestampWins_data()
{
    QTest::addColumn<QString>("firstClient");
    QTest::addColumn<qint64>("firstOffsetMs");
    QTest::addColumn<QString>("secondClient");
    QTest::addColumn<qint64>("secondOffsetMs");
    QTest::addColumn<QString>("winner"); // "first" or "second"

    QTest::newRow("newer edit arrives last")
        << lowerClient << 1000ll << greaterClient << 2000ll << "second";
    QTest::newRow("older edit arrives last")
        << lowerClient << 2000ll << greaterClient << 1000ll << "first";
    QTest::newRow("older edit of the greater client arrives last")
        << greaterClient << 2000ll << lowerClient << 1000ll << "first";
    QTest::newRow("1 ms apart") << greaterClient << 1001ll << lowerClient << 1000ll << "first";
    QTest::newRow("tie: greater client id last wins")
        << lowerClient << 1000ll << greaterClient << 1000ll << "second";
    QTest::newRow("tie: greater client id first still wins")
        << greaterClient << 1000ll << lowerClient << 1000ll << "first";
}

void TestManaSyncMerge::laterTimestampWins()
{
    QFETCH(QString, firstClient);
    QFETCH(qint64, firstOffsetMs);
    QFETCH(QString, secondClient);
    QFETCH(qint64, secondOffsetMs);
    QFETCH(QString, winner);

    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;
    MANA_COMPARE_STATUS(m_api.push(m_user, firstClient, "todo",
                                   {updateFields("tasks", id, {{"title", "first"}},
                                                 timestampAt(base, firstOffsetMs))}),
                        200);
    MANA_COMPARE_STATUS(m_api.push(m_user, secondClient, "todo",
                                   {updateFields("tasks", id, {{"title", "second"}},
                                                 timestampAt(base, secondOffsetMs))}),
                        200);
    const ServerRecord record = currentState(id);
    QCOMPARE(record.values.value("title").toString(), winner);
    const qint64 winningOffset = winner == "first" ? firstOffsetMs : secondOffsetMs;
    QCOMPARE(record.timestamps.value("title"), timestampAt(base, winningOffset));
}

void TestManaSyncMerge::sameClientSameTimestampTakesTheGreaterValue_data()
{
    QTest::addColumn<QString>("firstValue");
    QTest::addColumn<QString>("secondValue");
    // The canonical JSON of "zebra" is greater than that of "apple".
    QTest::newRow("greater value first") << "zebra"
                                         << "apple";
    QTest::newRow("greater value last") << "apple"
                                        << "zebra";
}

void TestManaSyncMerge::sameClientSameTimestampTakesTheGreaterValue()
{
    QFETCH(QString, firstValue);
    QFETCH(QString, secondValue);
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;
    for (const QString &value : {firstValue, secondValue}) {
        MANA_COMPARE_STATUS(
            m_api.push(m_user, lowerClient, "todo",
                       {updateFields("tasks", id, {{"title", value}}, timestampAt(base, 1000))}),
            200);
    }
    QCOMPARE(currentState(id).values.value("title").toString(), QStringLiteral("zebra"));
}

void TestManaSyncMerge::deleteWinsOverOlderEdit()
{
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;
    MANA_COMPARE_STATUS(m_api.push(m_user, greaterClient, "todo",
                                   {deleteRecord("tasks", id, timestampAt(base, 3000))}),
                        200);
    // An edit made before the delete, arriving after it.
    MANA_COMPARE_STATUS(
        m_api.push(m_user, lowerClient, "todo",
                   {updateFields("tasks", id, {{"title", "older edit"}}, timestampAt(base, 2000))}),
        200);
    const ServerRecord record = currentState(id);
    QCOMPARE(record.id, id);
    QCOMPARE(record.op, QStringLiteral("delete"));
}

void TestManaSyncMerge::newerEditDoesNotResurrect()
{
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;
    MANA_COMPARE_STATUS(m_api.push(m_user, greaterClient, "todo",
                                   {deleteRecord("tasks", id, timestampAt(base, 1000))}),
                        200);
    MANA_COMPARE_STATUS(
        m_api.push(m_user, lowerClient, "todo",
                   {updateFields("tasks", id, {{"title", "newer edit"}}, timestampAt(base, 2000))}),
        200);
    const ServerRecord record = currentState(id);
    QCOMPARE(record.op, QStringLiteral("delete"));
}

void TestManaSyncMerge::clearingDeletedAtWithNewerTimestampRestores()
{
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;
    MANA_COMPARE_STATUS(m_api.push(m_user, greaterClient, "todo",
                                   {deleteRecord("tasks", id, timestampAt(base, 1000))}),
                        200);
    MANA_COMPARE_STATUS(m_api.push(m_user, lowerClient, "todo",
                                   {updateFields("tasks", id, {{"deletedAt", QJsonValue::Null}},
                                                 timestampAt(base, 2000))}),
                        200);
    const ServerRecord record = currentState(id);
    QCOMPARE(record.op, QStringLiteral("update"));
    QVERIFY(record.values.value("deletedAt").isNull());
    QCOMPARE(record.values.value("title").toString(), QStringLiteral("original"));
}

void TestManaSyncMerge::clockSkewIsClamped_data()
{
    QTest::addColumn<qint64>("aheadMs");
    QTest::addColumn<bool>("clamped");
    QTest::newRow("1 year ahead") << 365ll * 24 * 3600 * 1000 << true;
    QTest::newRow("6 minutes ahead") << 6ll * 60 * 1000 << true;
    QTest::newRow("4 minutes ahead (allowed)") << 4ll * 60 * 1000 << false;
}

void TestManaSyncMerge::clockSkewIsClamped()
{
    QFETCH(qint64, aheadMs);
    QFETCH(bool, clamped);

    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 60000;
    const QString id = newRecordId();
    insertRecord(id, {{"title", "original"}}, timestampAt(base, 0));
    if (QTest::currentTestFailed())
        return;

    const QString future = isoTimestampFromNow(aheadMs);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const HttpResponse answer =
        m_api.push(m_user, lowerClient, "todo",
                   {updateFields("tasks", id, {{"title", "from the future"}}, future)});
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    MANA_COMPARE_STATUS(answer, 200);
    const QJsonArray adjusted = answer.json().value("adjusted").toArray();

    const ServerRecord record = currentState(id);
    QCOMPARE(record.values.value("title").toString(), QStringLiteral("from the future"));
    if (!clamped) {
        QVERIFY2(adjusted.isEmpty(), qPrintable(answer.describe()));
        QCOMPARE(record.timestamps.value("title"), future);
        return;
    }

    QVERIFY2(adjusted.size() == 1, qPrintable(answer.describe()));
    const QJsonObject entry = adjusted.first().toObject();
    QCOMPARE(entry.value("table").toString(), QStringLiteral("tasks"));
    QCOMPARE(entry.value("id").toString(), id);
    QCOMPARE(entry.value("field").toString(), QStringLiteral("title"));
    const QString clampedAt = entry.value("updatedAt").toString();
    const QDateTime clampedTime = QDateTime::fromString(clampedAt, Qt::ISODateWithMs);
    QVERIFY2(clampedTime.isValid(), qPrintable(clampedAt));
    // The server's clock at the push (same machine, so ours give bounds).
    QVERIFY2(clampedTime.toMSecsSinceEpoch() >= before - 1000 &&
                 clampedTime.toMSecsSinceEpoch() <= after + 1000,
             qPrintable(clampedAt));
    // Stored clamped, so a normal edit a moment later wins.
    QCOMPARE(record.timestamps.value("title"), clampedAt);
    QTest::qWait(20);
    MANA_COMPARE_STATUS(m_api.push(m_user, greaterClient, "todo",
                                   {updateFields("tasks", id, {{"title", "an honest edit"}},
                                                 isoTimestampFromNow(1000))}),
                        200);
    QCOMPARE(currentState(id).values.value("title").toString(), QStringLiteral("an honest edit"));
}

QTEST_GUILESS_MAIN(TestManaSyncMerge)
#include "tst_mana_sync_merge.moc"
