// Hostile and broken bodies must be refused with a reason that starts with
// the PROTOCOL error code and names the problem, never crash, and the limits
// (body size, nesting depth, changes per push) hold exactly at their edges.
// Reproduce a fuzz failure with MANA_TEST_SEED=<seed printed in its message>.
#include "malformedbodies.h"
#include "wire/change.h"
#include "wiretestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace mana::wire;
using namespace wiretest;

class TestWireHostile : public QObject
{
    Q_OBJECT

private slots:
    void parseBodyDepthLimit();
    void parseBodySizeLimit();
    void parseBodyRefusesWhatQJsonDocumentLetsThrough_data();
    void parseBodyRefusesWhatQJsonDocumentLetsThrough();
    void fieldsPerChangeLimit_data();
    void fieldsPerChangeLimit();
    void thousandChangesAreAccepted();
    void valueNested32DeepIsAccepted();
    void malformedChangeset_data();
    void malformedChangeset();
    void malformedResponse_data();
    void malformedResponse();
    void nullErrorPointerIsSafe();
    void everyTruncationAndByteFlipIsHandled();
};

void TestWireHostile::parseBodyDepthLimit()
{
    QString error;
    const std::optional<QJsonDocument> deepest = parseBody(nestedArrays(32), &error);
    QVERIFY2(deepest.has_value(), qPrintable(error));
    QCOMPARE(jsonDepth(deepest->array()), 32);

    QVERIFY(!parseBody(nestedArrays(33), &error));
    QCOMPARE(error, QStringLiteral("bad_request: nesting deeper than 32"));

    // Brackets inside strings are text, not nesting.
    const QByteArray bracketsInString = R"({"a":")" + QByteArray(100, '[') + R"("})";
    QVERIFY2(parseBody(bracketsInString, &error).has_value(), qPrintable(error));

    // Escapes inside strings: an escaped quote does not end the string, an
    // escaped backslash before a quote does not hide the quote.
    const QByteArray escapedQuote = R"({"a":"\")" + QByteArray(40, '[') + R"("})";
    QVERIFY2(parseBody(escapedQuote, &error).has_value(), qPrintable(error));
    const QByteArray escapedBackslash = R"({"a":"x\\","b":")" + QByteArray(40, '[') + R"("})";
    QVERIFY2(parseBody(escapedBackslash, &error).has_value(), qPrintable(error));

    // Deeper than QJsonDocument's own limit: still the depth error, no crash.
    QVERIFY(!parseBody(nestedArrays(5000), &error));
    QCOMPARE(error, QStringLiteral("bad_request: nesting deeper than 32"));

    // The limit is a parameter.
    QVERIFY(parseBody(nestedArrays(3), &error, kMaxBodyBytes, 3).has_value());
    QVERIFY(!parseBody(nestedArrays(4), &error, kMaxBodyBytes, 3));
    QVERIFY2(error.startsWith(QStringLiteral("bad_request:")), qPrintable(error));
}

void TestWireHostile::parseBodyRefusesWhatQJsonDocumentLetsThrough_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expectedError"); // empty: accepted; else the error starts so

    QTest::newRow("duplicate key at the top")
        << QByteArray(R"({"changes":[],"changes":[1]})")
        << R"(invalid_json: an object has the key "changes" twice)";
    QTest::newRow("duplicate key deep inside")
        << QByteArray(R"({"a":[{"b":{"id":"x","id":"y"}}]})")
        << R"(invalid_json: an object has the key "id" twice)";
    QTest::newRow("duplicate key with whitespace before the colon")
        << QByteArray("{\"id\" :1,\n \"id\"\t: 2}")
        << R"(invalid_json: an object has the key "id" twice)";
    QTest::newRow("same key in sibling objects")
        << QByteArray(R"([{"id":1},{"id":2},{"a":{"id":3}}])") << QString();
    QTest::newRow("key-like text inside strings")
        << QByteArray(R"({"a":"\"a\":1","b":["a",":"]})") << QString();
    QTest::newRow("raw tab in a string")
        << QByteArray("{\"a\":\"x\ty\"}") << "invalid_json: a control character inside a string";
    QTest::newRow("raw newline in a key")
        << QByteArray("{\"a\nb\":1}") << "invalid_json: a control character inside a string";
    QTest::newRow("raw 0x01 in a string")
        << QByteArray("[\"x\x01\"]") << "invalid_json: a control character inside a string";
    QTest::newRow("escaped control characters")
        << QByteArray(R"({"a":"x\ty\n\u0001"})") << QString();
    QTest::newRow("whitespace between tokens")
        << QByteArray("{\n\t\"a\" : [ 1 ,\r\n 2 ] }") << QString();
}

void TestWireHostile::parseBodyRefusesWhatQJsonDocumentLetsThrough()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expectedError);
    QString error;
    const auto document = parseBody(body, &error);
    if (expectedError.isEmpty()) {
        QVERIFY2(document.has_value(), qPrintable(error));
    } else {
        QVERIFY(!document);
        QVERIFY2(error.startsWith(expectedError), qPrintable(error));
    }
}

void TestWireHostile::fieldsPerChangeLimit_data()
{
    QTest::addColumn<QString>("member"); // "data" or "fields"
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("fields: 1000") << "fields" << kMaxFieldsPerChange << true;
    QTest::newRow("fields: 1001") << "fields" << kMaxFieldsPerChange + 1 << false;
    QTest::newRow("data: 1000") << "data" << kMaxFieldsPerChange << true;
    QTest::newRow("data: 1001") << "data" << kMaxFieldsPerChange + 1 << false;
}

void TestWireHostile::fieldsPerChangeLimit()
{
    QFETCH(QString, member);
    QFETCH(int, count);
    QFETCH(bool, accepted);
    const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
    QJsonObject values;
    // data counts updatedAt as one of its keys.
    const int named = member == QLatin1String("data") ? count - 1 : count;
    for (int index = 0; index < named; ++index) {
        const QString name = QStringLiteral("f%1").arg(index);
        if (member == QLatin1String("data"))
            values.insert(name, index);
        else
            values.insert(name, QJsonObject{{"value", index}, {"updatedAt", at}});
    }
    if (member == QLatin1String("data"))
        values.insert(QStringLiteral("updatedAt"), at);
    const QJsonObject change{{"table", "tasks"}, {"id", "r1"}, {"op", "insert"}, {member, values}};
    QString error;
    const auto parsed = Change::fromJson(change, &error);
    QCOMPARE(parsed.has_value(), accepted);
    if (!accepted)
        QVERIFY2(error.contains(QStringLiteral("more than 1000 fields")), qPrintable(error));
}

void TestWireHostile::parseBodySizeLimit()
{
    QString error;
    QByteArray exactly = R"({"a":")";
    exactly += QByteArray(kMaxBodyBytes - exactly.size() - 2, 'x') + "\"}";
    QCOMPARE(exactly.size(), kMaxBodyBytes);
    QVERIFY2(parseBody(exactly, &error).has_value(), qPrintable(error));

    QByteArray oneOver = exactly;
    oneOver.insert(6, 'x');
    QVERIFY(!parseBody(oneOver, &error));
    QVERIFY2(error.startsWith(QStringLiteral("payload_too_large:")), qPrintable(error));

    QVERIFY(!parseBody(R"({"a":"0123456789"})", &error, 10));
    QVERIFY2(error.startsWith(QStringLiteral("payload_too_large:")), qPrintable(error));
    QVERIFY(parseBody(R"({"a":1})", &error, 7).has_value());

    QVERIFY(!parseBody(R"({"a":)", &error));
    QVERIFY2(error.startsWith(QStringLiteral("invalid_json:")), qPrintable(error));
}

void TestWireHostile::thousandChangesAreAccepted()
{
    QByteArray changes;
    for (int i = 0; i < kMaxChangesPerPush; ++i) {
        changes += (i ? "," : "") + QByteArray(R"({"table":"tasks","id":"t)") +
                   QByteArray::number(i) + R"(","op":"delete","deletedAt":")" + kT1.toUtf8() +
                   "\"}";
    }
    QString error;
    const std::optional<Changeset> changeset = parseChangeset(changesetBody(changes), &error);
    QVERIFY2(changeset.has_value(), qPrintable(error));
    QCOMPARE(changeset->changes.size(), kMaxChangesPerPush);
    QCOMPARE(changeset->changes.last().id, QStringLiteral("t999"));
}

void TestWireHostile::valueNested32DeepIsAccepted()
{
    // Root, changes, change, fields, title entry (5) + 27 arrays = 32.
    const QByteArray body = changesetBody(
        R"({"table":"tasks","id":"t1","op":"update","fields":{"title":{"updatedAt":")" +
        kT1.toUtf8() + R"(","value":)" + nestedArrays(27) + "}}}");
    QString error;
    const std::optional<Changeset> changeset = parseChangeset(body, &error);
    QVERIFY2(changeset.has_value(), qPrintable(error));
    QCOMPARE(jsonDepth(changeset->changes[0].fields.value(QStringLiteral("title")).value), 27);
}

void TestWireHostile::malformedChangeset_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mention");
    for (const wiretest::MalformedBody &bad : wiretest::malformedChangesetBodies())
        QTest::newRow(bad.name.constData()) << bad.body << bad.code << bad.mention;
}

void TestWireHostile::malformedChangeset()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, mention);

    QString error;
    const std::optional<Changeset> changeset = parseChangeset(body, &error);
    QVERIFY2(!changeset.has_value(), "a malformed body was accepted");
    QVERIFY2(startsWithProtocolCode(error), qPrintable(QStringLiteral("no code prefix: ") + error));
    if (!code.isEmpty())
        QVERIFY2(error.startsWith(code + u':'), qPrintable(error));
    QVERIFY2(error.contains(mention), qPrintable(error));
    QVERIFY2(error.size() < 1000, "the reason must not echo a huge body");
}

void TestWireHostile::malformedResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mention");
    for (const wiretest::MalformedBody &bad : wiretest::malformedResponseBodies())
        QTest::newRow(bad.name.constData()) << bad.body << bad.mention;
}

void TestWireHostile::malformedResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mention);
    QString error;
    QVERIFY2(!parseResponse(body, &error).has_value(), "a malformed answer was accepted");
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(mention), qPrintable(error));
}

void TestWireHostile::nullErrorPointerIsSafe()
{
    QVERIFY(!parseBody("nope", nullptr));
    QVERIFY(!parseBody(nestedArrays(40), nullptr));
    QVERIFY(!Change::fromJson(QJsonObject{{"table", 1}}, nullptr));
    QVERIFY(!Change::fromJson(QJsonValue(), nullptr));
    QVERIFY(!Changeset::fromJson(QJsonArray{}, nullptr));
    QVERIFY(!SyncResponse::fromJson(QJsonValue(5), nullptr));
}

// No crash and no half-parsed garbage on any prefix or byte flip of a valid
// body; whatever is accepted is valid enough to round-trip.
void TestWireHostile::everyTruncationAndByteFlipIsHandled()
{
    Changeset changeset;
    changeset.clientId = QStringLiteral("c1");
    changeset.appId = QStringLiteral("todo");
    changeset.since = QStringLiteral("1970-01-01T00:00:00.000Z");
    changeset.changes = {insertWithData(), updateWithFields(), deleteAt(kT3)};
    const QByteArray body = serialise(changeset.toJson());

    auto check = [](const QByteArray &mutated, const QString &context) -> bool {
        QString error;
        const std::optional<Changeset> parsed = parseChangeset(mutated, &error);
        if (!parsed)
            return startsWithProtocolCode(error);
        QString againError;
        const std::optional<Changeset> again =
            parseChangeset(serialise(parsed->toJson()), &againError);
        if (!again || again->changes != parsed->changes) {
            qWarning("%s: accepted but does not round-trip: %s", qPrintable(context),
                     qPrintable(againError));
            return false;
        }
        return true;
    };

    for (qsizetype length = 0; length < body.size(); ++length)
        QVERIFY2(check(body.left(length), QStringLiteral("prefix %1").arg(length)),
                 qPrintable(QString::fromUtf8(body.left(length))));

    bool seedGiven = false;
    const quint32 givenSeed = qEnvironmentVariable("MANA_TEST_SEED").toUInt(&seedGiven);
    const quint32 seed = seedGiven ? givenSeed : QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    const QByteArray alphabet = R"({}[]":,\ 0123456789.-+eEtrufalsn)";
    for (int round = 0; round < 3000; ++round) {
        QByteArray mutated = body;
        const int flips = 1 + random.bounded(3);
        for (int i = 0; i < flips; ++i) {
            const int at = random.bounded(int(mutated.size()));
            mutated[at] = random.bounded(2) ? alphabet.at(random.bounded(int(alphabet.size())))
                                            : char(random.bounded(256));
        }
        QVERIFY2(check(mutated, QStringLiteral("seed %1 round %2").arg(seed).arg(round)),
                 qPrintable(QStringLiteral("seed %1 round %2: %3")
                                .arg(seed)
                                .arg(round)
                                .arg(QString::fromUtf8(mutated))));
    }
}

QTEST_GUILESS_MAIN(TestWireHostile)
#include "tst_wirehostile.moc"
