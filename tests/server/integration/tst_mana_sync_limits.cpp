// Limits and malformed input (PROTOCOL.md "Common rules"): each request is
// refused with a clear error, nothing of it is stored, and the server keeps
// serving (/health answers 200 after every one).
#include "serverprocess.h"
#include "servertestmacros.h"
#include "syncapi.h"

#include <QJsonArray>
#include <QTest>
#include <memory>

using namespace mana::servertest;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A title value nested `levels` arrays deep: ["x"] is one level.
QByteArray nestedArrays(int levels)
{
    return QByteArray(levels, '[') + "\"x\"" + QByteArray(levels, ']');
}

// A push body whose total nesting depth is `depth`: body (1), changes (2),
// the change (3), data (4), then arrays.
QByteArray pushWithDepth(const QString &clientId, int depth, const QString &recordId)
{
    const QByteArray title = nestedArrays(depth - 4);
    return "{\"clientId\":\"" + clientId.toUtf8() +
           "\",\"appId\":\"todo\",\"since\":\"\",\"changes\":[{\"table\":\"tasks\",\"id\":\"" +
           recordId.toUtf8() + "\",\"op\":\"insert\",\"data\":{\"title\":" + title +
           ",\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}}]}";
}

} // namespace

class TestManaSyncLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void oversizedBodyIsRefused();
    void tooManyChangesAreRefused();
    void thousandChangesAreAccepted();
    void badPushIsRefused_data();
    void badPushIsRefused();
    void boundaryValuesAreAccepted_data();
    void boundaryValuesAreAccepted();
    void badAppIdIsRefused_data();
    void badAppIdIsRefused();
    void malformedJsonIsRefused_data();
    void malformedJsonIsRefused();

private:
    QJsonObject validChange(const QString &id);

    std::unique_ptr<ServerProcess> m_server;
    SyncApi m_api;
    TestUser m_user;
    const QString m_device = newClientId();
    TimestampSource m_clock;
};

void TestManaSyncLimits::initTestCase()
{
    MANA_SKIP_WITHOUT_TEST_BACKEND();
    m_server = std::make_unique<ServerProcess>();
    QString error;
    const auto user = startServerWithUser(*m_server, m_api, &error);
    QVERIFY2(user, qPrintable(error));
    m_user = *user;
}

void TestManaSyncLimits::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

QJsonObject TestManaSyncLimits::validChange(const QString &id)
{
    return insertWithFields("tasks", id, {{"title", "valid"}}, m_clock.next());
}

void TestManaSyncLimits::oversizedBodyIsRefused()
{
    const QString id = newRecordId();
    const QString bigTitle(4 * 1024 * 1024 + 1024, QLatin1Char('x'));
    const HttpResponse answer =
        m_api.push(m_user, m_device, "todo",
                   {insertWithFields("tasks", id, {{"title", bigTitle}}, m_clock.next())});
    MANA_COMPARE_ERROR(answer, 413, "payload_too_large");
    MANA_VERIFY_HEALTHY(m_api, *m_server);
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    QVERIFY(!recordsById(pulled.changes).contains(id));
}

void TestManaSyncLimits::tooManyChangesAreRefused()
{
    QJsonArray changes;
    QStringList ids;
    for (int index = 0; index < 1001; ++index) {
        ids += newRecordId();
        changes.append(validChange(ids.last()));
    }
    const HttpResponse answer = m_api.push(m_user, m_device, "todo", changes);
    MANA_COMPARE_ERROR(answer, 413, "too_many_changes");
    MANA_VERIFY_HEALTHY(m_api, *m_server);
    // All or nothing: not even the first thousand were stored.
    const PullResult pulled = m_api.pullAll(m_user, newClientId(), "todo", "tasks");
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    const auto records = recordsById(pulled.changes);
    QVERIFY(!records.contains(ids.first()));
    QVERIFY(!records.contains(ids.last()));
}

void TestManaSyncLimits::thousandChangesAreAccepted()
{
    QJsonArray changes;
    for (int index = 0; index < 1000; ++index)
        changes.append(validChange(newRecordId()));
    const HttpResponse answer = m_api.push(m_user, m_device, "todo", changes);
    MANA_COMPARE_STATUS(answer, 200);
    QCOMPARE(answer.json().value("accepted").toInt(), 1000);
}

void TestManaSyncLimits::badPushIsRefused_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("recordId"); // must not be stored

    const auto row = [](const char *name, const QString &table, const QString &id,
                        const QJsonObject &fields, const QString &op = QStringLiteral("update")) {
        QJsonObject change = updateFields(table, id, fields, isoTimestampFromNow(0));
        change.insert("op", op);
        QTest::newRow(name) << change << id;
    };
    const QJsonObject title{{"title", "x"}};
    row("table empty", "", newRecordId(), title);
    row("table starts with a digit", "1tasks", newRecordId(), title);
    row("table with a dash", "ta-sks", newRecordId(), title);
    row("table with a space", "ta sks", newRecordId(), title);
    row("table with SQL", "tasks;DROP TABLE x", newRecordId(), title);
    row("table with a dot", "tasks.x", newRecordId(), title);
    row("table of 65 characters", QString(65, 'a'), newRecordId(), title);
    row("field empty", "tasks", newRecordId(), {{"", "x"}});
    row("field with a dash", "tasks", newRecordId(), {{"bad-field", "x"}});
    row("field starts with a digit", "tasks", newRecordId(), {{"9lives", "x"}});
    row("field of 65 characters", "tasks", newRecordId(), {{QString(65, 'f'), "x"}});
    row("field with a quote", "tasks", newRecordId(), {{"ti\"tle", "x"}});
    row("record id empty", "tasks", "", title);
    row("record id of 129 bytes", "tasks", QString(129, 'r'), title);
    row("record id of 65 characters, 130 bytes", "tasks", QString(65, QChar(0x00e9)), title);
    // JSON can carry "\ud800"; stored as UTF-8 it would become another id.
    row("record id with a lone surrogate", "tasks", QStringLiteral("r") + QChar(0xd800), title);
    row("op unknown", "tasks", newRecordId(), title, "upsert");

    QJsonObject dataInsert = insertWithData(
        "tasks", newRecordId(), {{"bad-field", "x"}, {"updatedAt", isoTimestampFromNow(0)}});
    QTest::newRow("data field with a dash") << dataInsert << dataInsert.value("id").toString();
    QJsonObject noTable = validChange(newRecordId());
    noTable.remove("table");
    QTest::newRow("table missing") << noTable << noTable.value("id").toString();
    QJsonObject noId = validChange(newRecordId());
    noId.remove("id");
    QTest::newRow("id missing") << noId << QString();
    QJsonObject numericId = validChange(QString());
    numericId.insert("id", 42);
    QTest::newRow("id not a string") << numericId << QString();
    QJsonObject badTimestamp = updateFields("tasks", newRecordId(), title, "yesterday");
    QTest::newRow("timestamp not ISO 8601") << badTimestamp << badTimestamp.value("id").toString();
    QJsonObject fieldNotState = validChange(newRecordId());
    fieldNotState.insert("fields", QJsonObject{{"title", "bare value"}});
    QTest::newRow("field state not an object")
        << fieldNotState << fieldNotState.value("id").toString();
    QJsonObject deleteWithout{{"table", "tasks"}, {"id", newRecordId()}, {"op", "delete"}};
    QTest::newRow("delete without deletedAt")
        << deleteWithout << deleteWithout.value("id").toString();
}

void TestManaSyncLimits::badPushIsRefused()
{
    QFETCH(QJsonObject, change);
    QFETCH(QString, recordId);
    // A valid change in the same push must not be stored either.
    const QString validId = newRecordId();
    const HttpResponse answer =
        m_api.push(m_user, m_device, "todo", {validChange(validId), change});
    MANA_COMPARE_STATUS(answer, 400);
    MANA_VERIFY_ERROR_BODY(answer);
    MANA_VERIFY_HEALTHY(m_api, *m_server);
    const PullResult pulled =
        m_api.pullAll(m_user, newClientId(), "todo", QString(), epochCursor, 5000);
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    const auto records = recordsById(pulled.changes);
    QVERIFY2(!records.contains(validId), "part of a refused push was stored");
    if (!recordId.isEmpty())
        QVERIFY(!records.contains(recordId));
}

void TestManaSyncLimits::boundaryValuesAreAccepted_data()
{
    QTest::addColumn<QJsonObject>("change");
    const QString at = isoTimestampFromNow(0);
    QTest::newRow("table of 64 characters")
        << updateFields(QString("t") + QString(63, '9'), newRecordId(), {{"title", "x"}}, at);
    QTest::newRow("table with underscore first")
        << updateFields("_tasks_2", newRecordId(), {{"title", "x"}}, at);
    QTest::newRow("field of 64 characters")
        << updateFields("tasks", newRecordId(), {{QString(64, 'f'), "x"}}, at);
    QTest::newRow("record id of 128 bytes")
        << updateFields("tasks", QString(128, 'r'), {{"title", "x"}}, at);
    QTest::newRow("nested value") << updateFields(
        "tasks", newRecordId(), {{"checklist", QJsonArray{QJsonObject{{"done", true}}}}}, at);
    QTest::newRow("unicode value") << updateFields(
        "tasks", newRecordId(), {{"title", QString::fromUtf8("Grüße 🌍 \\ \"quoted\"")}}, at);
}

void TestManaSyncLimits::boundaryValuesAreAccepted()
{
    QFETCH(QJsonObject, change);
    const HttpResponse answer = m_api.push(m_user, m_device, "todo", {change});
    MANA_COMPARE_STATUS(answer, 200);
    const PullResult pulled =
        m_api.pullAll(m_user, newClientId(), "todo", change.value("table").toString());
    QVERIFY2(pulled.ok, qPrintable(pulled.error));
    const ServerRecord record = recordsById(pulled.changes).value(change.value("id").toString());
    const QJsonObject fields = change.value("fields").toObject();
    QCOMPARE(record.values.value(fields.begin().key()),
             fields.begin().value().toObject().value("value"));
}

void TestManaSyncLimits::badAppIdIsRefused_data()
{
    QTest::addColumn<QString>("appIdPath");
    QTest::newRow("uppercase") << "Todo";
    QTest::newRow("starts with a digit") << "1todo";
    QTest::newRow("starts with a dash") << "-todo";
    QTest::newRow("underscore") << "to_do";
    QTest::newRow("33 characters") << QString(33, 'a');
    QTest::newRow("encoded space") << "to%20do";
}

void TestManaSyncLimits::badAppIdIsRefused()
{
    QFETCH(QString, appIdPath);
    const QByteArray body =
        compact(SyncApi::pushBody(m_device, appIdPath, {validChange(newRecordId())}));
    const HttpResponse push =
        m_api.pushRaw(appIdPath, body, SyncApi::syncHeaders(m_user, m_device));
    MANA_COMPARE_STATUS(push, 400);
    MANA_VERIFY_ERROR_BODY(push);
    const HttpResponse pull =
        m_api.http().get(QStringLiteral("/sync/%1/pull?collection=tasks").arg(appIdPath),
                         SyncApi::syncHeaders(m_user, m_device));
    MANA_COMPARE_STATUS(pull, 400);
    MANA_VERIFY_HEALTHY(m_api, *m_server);

    // Control: 32 characters is a valid app id.
    MANA_COMPARE_STATUS(
        m_api.push(m_user, m_device, QString("a") + QString(31, '9'), {validChange(newRecordId())}),
        200);
}

void TestManaSyncLimits::malformedJsonIsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QString>("expectedCode"); // empty: any

    const QString push = QStringLiteral("/sync/todo");
    const QByteArray valid =
        compact(SyncApi::pushBody(m_device, "todo", {validChange(newRecordId())}));
    QTest::newRow("push: not JSON") << push << QByteArray("hello, server") << 400 << "invalid_json";
    QTest::newRow("push: truncated JSON")
        << push << valid.left(valid.size() / 2) << 400 << "invalid_json";
    QTest::newRow("push: empty body") << push << QByteArray() << 400 << QString();
    QTest::newRow("push: trailing garbage") << push << valid + "}}" << 400 << "invalid_json";
    QTest::newRow("push: invalid UTF-8")
        << push
        << QByteArray(R"({"clientId":"x","changes":[{"table":"tasks","id":")") + "\xff\xfe" +
               R"(","op":"update","fields":{}}]})"
        << 400 << QString();
    QTest::newRow("push: top-level array") << push << QByteArray("[]") << 400 << QString();
    QTest::newRow("push: changes not an array")
        << push << QByteArray(R"({"clientId":"c","changes":{"table":"tasks"}})") << 400
        << QString();
    QTest::newRow("push: change not an object")
        << push << QByteArray(R"({"clientId":"c","changes":[42]})") << 400 << QString();
    QTest::newRow("push: depth 33")
        << push << pushWithDepth(m_device, 33, newRecordId()) << 400 << QString();
    QTest::newRow("push: depth 100000")
        << push << QByteArray(100000, '[') + QByteArray(100000, ']') << 400 << QString();
    QTest::newRow("push: depth 100000 in a value")
        << push << pushWithDepth(m_device, 100000, newRecordId()) << 400 << QString();
    QTest::newRow("login: not JSON")
        << QStringLiteral("/api/v1/auth/login") << QByteArray("{{") << 400 << "invalid_json";
    QTest::newRow("refresh: truncated JSON")
        << QStringLiteral("/api/v1/auth/refresh") << QByteArray(R"({"refreshToken":"ab)") << 400
        << "invalid_json";
    QTest::newRow("push: depth 32 (control)")
        << push << pushWithDepth(m_device, 32, newRecordId()) << 200 << QString();
}

void TestManaSyncLimits::malformedJsonIsRefused()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, expectedStatus);
    QFETCH(QString, expectedCode);
    const HttpResponse answer =
        m_api.http().post(path, body, SyncApi::syncHeaders(m_user, m_device));
    if (expectedCode.isEmpty()) {
        MANA_COMPARE_STATUS(answer, expectedStatus);
        if (expectedStatus >= 400)
            MANA_VERIFY_ERROR_BODY(answer);
    } else {
        MANA_COMPARE_ERROR(answer, expectedStatus, expectedCode);
    }
    MANA_VERIFY_HEALTHY(m_api, *m_server);
}

QTEST_GUILESS_MAIN(TestManaSyncLimits)
#include "tst_mana_sync_limits.moc"
