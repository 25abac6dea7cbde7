// The wire types are the boundary to another process (our server, or the
// original mana-sync): round trips must be lossless and an answer of a server
// without our extensions must read correctly. Hostile input: tst_wirehostile.
#include "wire/change.h"
#include "wire/timestamp.h"
#include "wiretestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mana::wire;
using namespace wiretest;
using mana::FieldState;
using mana::RecordState;

Q_DECLARE_METATYPE(mana::wire::Change)
Q_DECLARE_METATYPE(mana::RecordState)

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void names_data();
    void names();
    void appIds_data();
    void appIds();
    void recordIds_data();
    void recordIds();
    void changeOps();
    void jsonDepthCounts_data();
    void jsonDepthCounts();
    void changeRoundTrip_data();
    void changeRoundTrip();
    void insertJsonServesBothServers();
    void uniformInsertByPusherSendsDataAlone_data();
    void uniformInsertByPusherSendsDataAlone();
    void updateAndDeleteJsonShape();
    void timestampsAreCanonicalAfterParsing();
    void toRecordState_data();
    void toRecordState();
    void changesetRoundTrip();
    void responseRoundTripWithExtensions();
    void responseFromAnOriginalServer();
    void pullAnswer();
    void errorBodyRoundTrip();
    void errorBodyFromPlainText_data();
    void errorBodyFromPlainText();
};

void TestWire::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << "tasks" << true;
    QTest::newRow("one letter") << "a" << true;
    QTest::newRow("underscore") << "_" << true;
    QTest::newRow("camel with digits") << "dueAt2" << true;
    QTest::newRow("64 chars") << QString(64, u'a') << true;
    QTest::newRow("65 chars") << QString(65, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading digit") << "1tasks" << false;
    QTest::newRow("dash") << "due-at" << false;
    QTest::newRow("space") << "due at" << false;
    QTest::newRow("dot") << "a.b" << false;
    QTest::newRow("non-ASCII letter") << QString::fromUtf8("t\u00e2ches") << false;
}

void TestWire::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidName(name), valid);
}

void TestWire::appIds_data()
{
    QTest::addColumn<QString>("appId");
    QTest::addColumn<bool>("valid");
    QTest::newRow("todo") << "todo" << true;
    QTest::newRow("one letter") << "a" << true;
    QTest::newRow("dash and digit") << "my-app2" << true;
    QTest::newRow("32 chars") << QString(32, u'a') << true;
    QTest::newRow("33 chars") << QString(33, u'a') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("uppercase") << "Todo" << false;
    QTest::newRow("leading digit") << "1app" << false;
    QTest::newRow("leading dash") << "-app" << false;
    QTest::newRow("underscore") << "my_app" << false;
    QTest::newRow("slash") << "to/do" << false;
}

void TestWire::appIds()
{
    QFETCH(QString, appId);
    QFETCH(bool, valid);
    QCOMPARE(isValidAppId(appId), valid);
}

void TestWire::recordIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");
    QTest::newRow("uuid") << "5f0c6a1e-2b7d-4c1e-9a43-1d2e3f4a5b6c" << true;
    QTest::newRow("one char") << "x" << true;
    QTest::newRow("128 bytes") << QString(128, u'x') << true;
    QTest::newRow("129 bytes") << QString(129, u'x') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("42 euro signs, 126 bytes") << QString(42, QChar(0x20AC)) << true;
    QTest::newRow("43 euro signs, 129 bytes") << QString(43, QChar(0x20AC)) << false;
    QTest::newRow("NUL inside") << QStringLiteral("ab") + QChar(0) + QStringLiteral("cd") << false;
    QTest::newRow("newline") << QStringLiteral("ab\ncd") << false;
    QTest::newRow("DEL") << QStringLiteral("ab") + QChar(0x7f) << false;
    QTest::newRow("space and punctuation") << QStringLiteral("a b:c/d") << true;
}

void TestWire::recordIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);
    QCOMPARE(isValidRecordId(id), valid);
}

void TestWire::changeOps()
{
    for (ChangeOp op : {ChangeOp::Insert, ChangeOp::Update, ChangeOp::Delete})
        QVERIFY(changeOpFromString(toString(op)) == op);
    QCOMPARE(toString(ChangeOp::Insert), QStringLiteral("insert"));
    QCOMPARE(toString(ChangeOp::Update), QStringLiteral("update"));
    QCOMPARE(toString(ChangeOp::Delete), QStringLiteral("delete"));
    QVERIFY(!changeOpFromString(u"upsert"));
    QVERIFY(!changeOpFromString(u""));
}

void TestWire::jsonDepthCounts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("depth");
    QTest::newRow("{}") << QByteArray("{}") << 1;
    QTest::newRow("[]") << QByteArray("[]") << 1;
    QTest::newRow(R"({"a":[]})") << QByteArray(R"({"a":[]})") << 2;
    QTest::newRow("deepest branch counts") << QByteArray(R"([1,[2,[3]],{"a":{}}])") << 3;
    QTest::newRow("brackets in strings do not count") << QByteArray(R"({"a":"[[[{{{"})") << 1;
    QTest::newRow("32 arrays") << nestedArrays(32) << 32;
}

void TestWire::jsonDepthCounts()
{
    QFETCH(QByteArray, json);
    QFETCH(int, depth);
    const QJsonDocument document = QJsonDocument::fromJson(json);
    QCOMPARE(jsonDepth(rootValue(document)), depth);
    QCOMPARE(jsonDepth(QJsonValue(3)), 0);
    QCOMPARE(jsonDepth(QJsonValue(QStringLiteral("[[["))), 0);

    QString error;
    QVERIFY2(parseBody(json, &error).has_value(), qPrintable(error));
}

void TestWire::changeRoundTrip_data()
{
    QTest::addColumn<Change>("change");

    QTest::newRow("insert with data") << insertWithData();

    Change insertWithBoth = insertWithData();
    for (const QString &key : {QStringLiteral("title"), QStringLiteral("priority"),
                               QStringLiteral("done"), QStringLiteral("tags")})
        insertWithBoth.fields.insert(key, FieldState{insertWithBoth.data.value(key), kT2, "c1"});
    QTest::newRow("insert with data and fields") << insertWithBoth;

    QTest::newRow("update") << updateWithFields();

    Change everyType = updateWithFields();
    const QList<QPair<QString, QJsonValue>> values{
        {"nullValue", QJsonValue::Null},
        {"yes", true},
        {"no", false},
        {"zero", 0},
        {"negative", -17},
        {"largestExactInteger", 9007199254740991.0},
        {"fraction", 0.1},
        {"emptyString", ""},
        {"unicode", QString::fromUtf8("Milch \u00fc \u20ac \U0001F95B \"quoted\" \\ \n")},
        {"emptyArray", QJsonArray{}},
        {"emptyObject", QJsonObject{}},
        {"nested", QJsonObject{{"list", QJsonArray{1, "two", QJsonObject{{"three", 3}}}}}}};
    for (const auto &[name, value] : values)
        everyType.fields.insert(name, FieldState{value, kT1, "c1"});
    QTest::newRow("update with every JSON type") << everyType;

    QTest::newRow("delete") << deleteAt(kT3);

    Change maximal = deleteAt(kT1);
    maximal.table = QString(64, u'T');
    maximal.id = QString(42, QChar(0x20AC)) + QStringLiteral("xy");
    QTest::newRow("delete with longest table and id") << maximal;
}

void TestWire::changeRoundTrip()
{
    QFETCH(Change, change);

    const QByteArray body = serialise(change.toJson());
    QString error;
    const std::optional<QJsonDocument> document = parseBody(body, &error);
    QVERIFY2(document.has_value(), qPrintable(error));
    const std::optional<Change> parsed = Change::fromJson(document->object(), &error);
    QVERIFY2(parsed.has_value(),
             qPrintable(error + QStringLiteral(" in ") + QString::fromUtf8(body)));
    QVERIFY2(
        *parsed == change,
        qPrintable(QStringLiteral("%1\n  became %2").arg(describe(change), describe(*parsed))));
    QCOMPARE(parsed->toRecordState(QStringLiteral("w")), change.toRecordState(QStringLiteral("w")));
}

namespace {

// tasks/t9, an insert whose title was written at kT1 by c1.
Change buyMilkInsert()
{
    Change insert;
    insert.table = QStringLiteral("tasks");
    insert.id = QStringLiteral("t9");
    insert.op = ChangeOp::Insert;
    insert.fields.insert(QStringLiteral("title"),
                         FieldState{QStringLiteral("Buy milk"), kT1, "c1"});
    return insert;
}

} // namespace

// The original server reads only `data`; ours prefers `fields`. An insert
// built from per-field states must therefore carry both (PROTOCOL "Changes").
void TestWire::insertJsonServesBothServers()
{
    Change insert = buyMilkInsert();
    insert.fields.insert(QStringLiteral("done"), FieldState{false, kT2, "c1"});

    const QJsonObject json = insert.toJson();
    QCOMPARE(json.value(QLatin1String("op")).toString(), QStringLiteral("insert"));
    QCOMPARE(json.value(QLatin1String("table")).toString(), QStringLiteral("tasks"));
    QCOMPARE(json.value(QLatin1String("id")).toString(), QStringLiteral("t9"));

    const QJsonObject fields = json.value(QLatin1String("fields")).toObject();
    QCOMPARE(fields.value(QLatin1String("title")).toObject(),
             (QJsonObject{{"value", "Buy milk"}, {"updatedAt", kT1}, {"clientId", "c1"}}));

    QVERIFY2(json.value(QLatin1String("data")).isObject(),
             qPrintable(QStringLiteral("no data for the original server: ") +
                        QString::fromUtf8(serialise(json))));
    const QJsonObject data = json.value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("title")), QJsonValue(QStringLiteral("Buy milk")));
    QCOMPARE(data.value(QLatin1String("done")), QJsonValue(false));
    QCOMPARE(data.value(QLatin1String("id")), QJsonValue(QStringLiteral("t9")));

    // Whatever toJson adds, reading it back gives the same merge input.
    QString error;
    const std::optional<Change> parsed = Change::fromJson(json, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->fields, insert.fields);
    QCOMPARE(parsed->toRecordState(QStringLiteral("w")), insert.toRecordState(QStringLiteral("w")));
}

// An insert whose fields all carry one stamp by the pushing client says the
// same in `data` alone (the original protocol's reading): `fields` is left
// out, and the receiver gets the same states back. Any difference keeps both.
void TestWire::uniformInsertByPusherSendsDataAlone_data()
{
    QTest::addColumn<QString>("doneStamp");
    QTest::addColumn<QString>("doneWriter");
    QTest::addColumn<QString>("pusher");
    QTest::addColumn<bool>("dataAlone");
    QTest::newRow("one stamp, the pusher's") << kT1 << "c1"
                                             << "c1" << true;
    QTest::newRow("a field edited later") << kT2 << "c1"
                                          << "c1" << false;
    QTest::newRow("a field by another writer") << kT1 << "c2"
                                               << "c1" << false;
    QTest::newRow("another pusher") << kT1 << "c1"
                                    << "c9" << false;
    QTest::newRow("no pusher named") << kT1 << "c1"
                                     << "" << false;
}

void TestWire::uniformInsertByPusherSendsDataAlone()
{
    QFETCH(QString, doneStamp);
    QFETCH(QString, doneWriter);
    QFETCH(QString, pusher);
    QFETCH(bool, dataAlone);
    Change insert = buyMilkInsert();
    insert.fields.insert(QStringLiteral("createdAt"), FieldState{kT1, kT1, "c1"});
    insert.fields.insert(QStringLiteral("notes"), FieldState{QJsonValue::Null, kT1, "c1"});
    insert.fields.insert(QStringLiteral("done"), FieldState{false, doneStamp, doneWriter});
    // As the pending queue builds it: `data` derived from the fields.
    for (auto it = insert.fields.begin(); it != insert.fields.end(); ++it)
        insert.data.insert(it.key(), it->value);
    insert.data.insert(QStringLiteral("id"), insert.id);
    insert.data.insert(QStringLiteral("updatedAt"), std::max(kT1, doneStamp));

    const QJsonObject json = insert.toJson(pusher);
    QCOMPARE(!json.contains(QLatin1String("fields")), dataAlone);
    QVERIFY(json.value(QLatin1String("data")).isObject());
    QString error;
    const std::optional<Change> parsed = Change::fromJson(json, &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    // The receiver's merge input is the same either way (the writer of a
    // data-only change is the pusher).
    const QString writer = pusher.isEmpty() ? QStringLiteral("c1") : pusher;
    if (dataAlone)
        QCOMPARE(parsed->toRecordState(writer), insert.toRecordState(writer));
    else
        QCOMPARE(parsed->fields, insert.fields);
}

void TestWire::updateAndDeleteJsonShape()
{
    const QJsonObject update = updateWithFields().toJson();
    QCOMPARE(update.value(QLatin1String("op")).toString(), QStringLiteral("update"));
    const QJsonObject title =
        update.value(QLatin1String("fields")).toObject().value(QLatin1String("title")).toObject();
    QCOMPARE(title, (QJsonObject{{"value", "Bread"}, {"updatedAt", kT2}, {"clientId", "c2"}}));
    const QJsonObject notes =
        update.value(QLatin1String("fields")).toObject().value(QLatin1String("notes")).toObject();
    QVERIFY2(notes.contains(QLatin1String("value")) && notes.value(QLatin1String("value")).isNull(),
             "a cleared field must be sent as value null, not left out");
    QVERIFY(!update.contains(QLatin1String("deletedAt")));

    const QJsonObject deletion = deleteAt(kT3).toJson();
    QCOMPARE(deletion.value(QLatin1String("op")).toString(), QStringLiteral("delete"));
    QCOMPARE(deletion.value(QLatin1String("deletedAt")).toString(), kT3);
    QCOMPARE(deletion.value(QLatin1String("id")).toString(), QStringLiteral("t1"));
}

void TestWire::timestampsAreCanonicalAfterParsing()
{
    const QByteArray body = changesetBody(
        R"({"table":"tasks","id":"t1","op":"update","fields":{"title":{"value":"x",)"
        R"("updatedAt":"2026-03-26T16:01:05.123456+02:00"}}},)"
        R"({"table":"tasks","id":"t2","op":"delete","deletedAt":"2026-03-26T14:01:05Z"},)"
        R"({"table":"tasks","id":"t3","op":"insert","data":{"title":"y",)"
        R"("createdAt":"2026-03-26T10:01:05.1-04:00","updatedAt":"2026-03-26T14:01:05.123+00:00"}})");
    QString error;
    const std::optional<Changeset> changeset = parseChangeset(body, &error);
    QVERIFY2(changeset.has_value(), qPrintable(error));
    QCOMPARE(changeset->changes.size(), 3);
    QCOMPARE(changeset->changes[0].fields.value(QStringLiteral("title")).updatedAt, kT1);
    QCOMPARE(changeset->changes[1].deletedAt, QStringLiteral("2026-03-26T14:01:05.000Z"));
    const QJsonObject data = changeset->changes[2].data;
    QCOMPARE(data.value(QLatin1String("createdAt")).toString(),
             QStringLiteral("2026-03-26T14:01:05.100Z"));
    QCOMPARE(data.value(QLatin1String("updatedAt")).toString(), kT1);
}

void TestWire::toRecordState_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<RecordState>("expected");
    const QString writer = QStringLiteral("writer");

    const Change insert = insertWithData();
    RecordState fromData;
    for (const char *key : {"title", "priority", "done", "tags", "createdAt"})
        fromData.insert(key, FieldState{insert.data.value(key), kT2, writer});
    QTest::newRow("insert: data stamped with updatedAt") << insert << fromData;

    Change createdOnly = insertWithData();
    createdOnly.data.remove(QStringLiteral("updatedAt"));
    RecordState fromCreated;
    for (const char *key : {"title", "priority", "done", "tags", "createdAt"})
        fromCreated.insert(key, FieldState{createdOnly.data.value(key), kT1, writer});
    QTest::newRow("insert: data stamped with createdAt") << createdOnly << fromCreated;

    Change withFields = insertWithData();
    withFields.fields.insert(QStringLiteral("title"),
                             FieldState{QStringLiteral("Bread"), kT3, "c1"});
    withFields.fields.insert(QStringLiteral("done"), FieldState{true, kT1, QString()});
    QTest::newRow("insert: fields win over data")
        << withFields
        << RecordState{{"title", FieldState{QStringLiteral("Bread"), kT3, "c1"}},
                       {"done", FieldState{true, kT1, writer}}};

    const Change update = updateWithFields();
    QTest::newRow("update: own writer kept, missing writer filled")
        << update
        << RecordState{{"title", FieldState{QStringLiteral("Bread"), kT2, "c2"}},
                       {"notes", FieldState{QJsonValue::Null, kT2, writer}},
                       {"deletedAt", FieldState{QJsonValue::Null, kT3, "c2"}}};

    QTest::newRow("delete: a deletedAt field")
        << deleteAt(kT3) << RecordState{{"deletedAt", FieldState{kT3, kT3, writer}}};
}

void TestWire::toRecordState()
{
    QFETCH(Change, change);
    QFETCH(RecordState, expected);
    const RecordState state = change.toRecordState(QStringLiteral("writer"));
    QCOMPARE(state.keys(), expected.keys());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const FieldState got = state.value(it.key());
        QVERIFY2(got == it.value(),
                 qPrintable(QStringLiteral("%1: got {%2, %3, %4}")
                                .arg(it.key(), QString::fromUtf8(mana::canonicalJson(got.value)),
                                     got.updatedAt, got.clientId)));
    }
}

void TestWire::changesetRoundTrip()
{
    Changeset changeset;
    changeset.clientId = QStringLiteral("3b241101-e2bb-4255-8caf-4136c566a962");
    changeset.appId = QStringLiteral("todo");
    changeset.since = QStringLiteral("1970-01-01T00:00:00.000Z");
    changeset.changes = {insertWithData(), updateWithFields(), deleteAt(kT3)};

    QString error;
    const std::optional<Changeset> parsed = parseChangeset(serialise(changeset.toJson()), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->clientId, changeset.clientId);
    QCOMPARE(parsed->appId, changeset.appId);
    QCOMPARE(parsed->since, changeset.since);
    QCOMPARE(parsed->changes.size(), 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(parsed->changes[i] == changeset.changes[i],
                 qPrintable(describe(parsed->changes[i])));

    // An opaque cursor of our server survives as it is.
    changeset.since = QStringLiteral("42:17");
    changeset.changes.clear();
    const std::optional<Changeset> empty = parseChangeset(serialise(changeset.toJson()), &error);
    QVERIFY2(empty.has_value(), qPrintable(error));
    QCOMPARE(empty->since, QStringLiteral("42:17"));
    QVERIFY(empty->changes.isEmpty());
}

void TestWire::responseRoundTripWithExtensions()
{
    SyncResponse response;
    response.serverChanges = {updateWithFields(), deleteAt(kT2)};
    response.conflicts = QJsonArray{QJsonObject{{"id", "t1"}}};
    response.syncedUntil = QStringLiteral("1287");
    response.accepted = 12;
    response.adjusted = {AdjustedTimestamp{"tasks", "t1", "title", kT1}};
    response.hasMore = false;

    QString error;
    const std::optional<SyncResponse> parsed = parseResponse(serialise(response.toJson()), &error);
    QVERIFY2(parsed.has_value(), qPrintable(error));
    QCOMPARE(parsed->serverChanges.size(), 2);
    QVERIFY(parsed->serverChanges[0] == response.serverChanges[0]);
    QVERIFY(parsed->serverChanges[1] == response.serverChanges[1]);
    QCOMPARE(parsed->conflicts, response.conflicts);
    QCOMPARE(parsed->syncedUntil, response.syncedUntil);
    QCOMPARE(parsed->accepted, std::optional<int>(12));
    QCOMPARE(parsed->adjusted, response.adjusted);
    QCOMPARE(parsed->hasMore, std::optional<bool>(false));
}

// The original server sends none of the ext fields and a clock time as cursor.
void TestWire::responseFromAnOriginalServer()
{
    const QString clockCursor = QStringLiteral("2026-03-26T14:03:00.123456789Z");
    const QByteArray body =
        R"({"serverChanges":[)"
        R"({"table":"tasks","id":"t1","op":"insert","data":{"id":"t1","title":"Buy milk",)"
        R"("createdAt":"2026-03-26T14:01:05.123Z","updatedAt":"2026-03-26T14:01:05.123Z"}},)"
        R"({"table":"tasks","id":"t2","op":"update","fields":{"done":{"value":true,)"
        R"("updatedAt":"2026-03-26T14:02:00.000Z"}}},)"
        R"({"table":"tasks","id":"t3","op":"delete","deletedAt":"2026-03-26T14:03:00.000Z"})"
        R"(],"conflicts":[],"syncedUntil":")" +
        clockCursor.toUtf8() + "\"}";
    QString error;
    const std::optional<SyncResponse> response = parseResponse(body, &error);
    QVERIFY2(response.has_value(), qPrintable(error));
    QCOMPARE(response->serverChanges.size(), 3);
    QVERIFY(response->serverChanges[0].op == ChangeOp::Insert);
    QVERIFY(response->serverChanges[2].op == ChangeOp::Delete);
    // A cursor is opaque: kept byte for byte, never normalised like a timestamp.
    QCOMPARE(response->syncedUntil, clockCursor);
    QVERIFY(!response->accepted.has_value());
    QVERIFY(!response->hasMore.has_value());
    QVERIFY(response->adjusted.isEmpty());

    // Unset stays unset through our own serialisation.
    const QJsonObject json = response->toJson();
    QVERIFY(!json.contains(QLatin1String("accepted")));
    QVERIFY(!json.contains(QLatin1String("hasMore")));
    const std::optional<SyncResponse> again = SyncResponse::fromJson(json, &error);
    QVERIFY2(again.has_value(), qPrintable(error));
    QVERIFY(!again->accepted.has_value());
    QVERIFY(!again->hasMore.has_value());
    QCOMPARE(again->syncedUntil, clockCursor);
}

void TestWire::pullAnswer()
{
    QString error;
    const std::optional<SyncResponse> response = parseResponse(
        R"({"serverChanges":[],"conflicts":[],"syncedUntil":"77","hasMore":true})", &error);
    QVERIFY2(response.has_value(), qPrintable(error));
    QCOMPARE(response->hasMore, std::optional<bool>(true));
    QVERIFY(!response->accepted.has_value());
    QVERIFY(response->serverChanges.isEmpty());
}

void TestWire::errorBodyRoundTrip()
{
    const ErrorBody error{QStringLiteral("too_many_changes"),
                          QString::fromUtf8("1001 changes in one push \u2014 at most 1000")};
    const QJsonObject json = error.toJson();
    QCOMPARE(json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             error.code);
    const std::optional<ErrorBody> parsed = ErrorBody::fromBody(serialise(json));
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->code, error.code);
    QCOMPARE(parsed->message, error.message);
}

void TestWire::errorBodyFromPlainText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("plain text") << QByteArray("Unauthorized\n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("other JSON") << QByteArray(R"({"status":"ok"})");
    QTest::newRow("error is a string") << QByteArray(R"({"error":"bad"})");
    QTest::newRow("code is a number") << QByteArray(R"({"error":{"code":400}})");
    QTest::newRow("array") << QByteArray(R"([{"error":{"code":"x"}}])");
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4);
}

void TestWire::errorBodyFromPlainText()
{
    QFETCH(QByteArray, body);
    QVERIFY(!ErrorBody::fromBody(body).has_value());
}

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
