// The direct JSON writers (wire/jsontext.h, Change::appendJson,
// SyncResponse::toJsonText) replace QJsonDocument on the sync hot paths, so
// they must write what it writes: the same document after parsing, and in
// fact the same bytes (both follow QJsonObject's sorted key order).
#include "wire/change.h"
#include "wire/jsontext.h"
#include "wiretestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>
#include <bit>
#include <cmath>
#include <iterator>
#include <limits>

using namespace mana::wire;
using namespace wiretest;
using mana::FieldState;

Q_DECLARE_METATYPE(mana::wire::Change)
Q_DECLARE_METATYPE(mana::wire::SyncResponse)

namespace {

// What Qt writes for one value: a document cannot be a scalar, so the value
// goes into an array and the brackets come off again.
QByteArray qtText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray directText(const QJsonValue &value)
{
    QByteArray out;
    appendJsonValue(&out, value);
    return out;
}

bool isValidUtf8(const QByteArray &text)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(text);
    return !decoder.hasError();
}

QString fromUnits(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar *>(units.begin()), qsizetype(units.size()));
}

// Every control character, then the characters JSON escapes by name.
QString controlCharacters()
{
    QString text;
    for (char16_t c = 0; c < 0x20; ++c)
        text.append(QChar(c));
    return text + QStringLiteral("\x7f \" \\ / \b\f\n\r\t");
}

const QString kAwkward = QString::fromUtf8("\"quoted\" back\\slash\ttab\nline \u00e4 \u20ac "
                                           "\U0001F95B \u0001 end");

// Values of every JSON type and the numbers and strings that are easy to
// get wrong.
QList<QPair<QString, QJsonValue>> awkwardValues()
{
    return {
        {"nullValue", QJsonValue::Null},
        {"yes", true},
        {"no", false},
        {"zero", 0},
        {"negative", -17},
        {"two53Double", 9007199254740992.0},
        {"two53Integer", qint64(1) << 53},
        {"aboveTwo53Integer", (qint64(1) << 53) + 1},
        {"negativeLargeInteger", -(qint64(1) << 62)},
        {"fraction", 0.1},
        {"small", 1e-7},
        {"huge", 1e+300},
        {"negativeFraction", -2.5},
        {"integralDouble", 3.0},
        {"millionDouble", 1e6},
        {"emptyString", ""},
        {"awkwardString", kAwkward},
        {"controls", controlCharacters()},
        {"emptyArray", QJsonArray{}},
        {"emptyObject", QJsonObject{}},
        {"nested",
         QJsonObject{{"list", QJsonArray{1, "two", QJsonObject{{"three", 3}}, QJsonArray{}}},
                     {"key \"with\" quotes\n", kAwkward},
                     {QString::fromUtf8("\u00e4\U0001F95B"), 0.1}}},
    };
}

Change insertFromFields(const QList<QPair<QString, FieldState>> &fields)
{
    Change change;
    change.table = QStringLiteral("tasks");
    change.id = QStringLiteral("t9");
    change.op = ChangeOp::Insert;
    for (const auto &[name, state] : fields)
        change.fields.insert(name, state);
    return change;
}

// As the pending queue builds an insert: `data` from the fields.
Change withDataFromFields(Change change)
{
    QString updatedAt;
    for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
        change.data.insert(it.key(), it->value.isUndefined() ? QJsonValue() : it->value);
        updatedAt = std::max(updatedAt, it->updatedAt);
    }
    change.data.insert(QStringLiteral("id"), change.id);
    change.data.insert(QStringLiteral("updatedAt"), updatedAt);
    if (!change.data.contains(QStringLiteral("createdAt")))
        change.data.insert(QStringLiteral("createdAt"), updatedAt);
    return change;
}

QList<QPair<QString, Change>> changeCases()
{
    QList<QPair<QString, Change>> cases;
    cases.append({"insert with data", insertWithData()});

    const Change uniform = insertFromFields({{"title", {"Buy milk", kT1, "c1"}},
                                             {"done", {false, kT1, "c1"}},
                                             {"notes", {QJsonValue::Null, kT1, "c1"}}});
    cases.append({"insert, fields only, one stamp", uniform});
    cases.append({"insert, data and fields, one stamp", withDataFromFields(uniform)});

    Change laterField = uniform;
    laterField.fields[QStringLiteral("done")].updatedAt = kT2;
    cases.append({"insert, fields only, two stamps", laterField});
    cases.append({"insert, data and fields, two stamps", withDataFromFields(laterField)});

    Change otherWriter = uniform;
    otherWriter.fields[QStringLiteral("done")].clientId = QStringLiteral("c2");
    cases.append({"insert, fields only, two writers", otherWriter});
    cases.append({"insert, data and fields, two writers", withDataFromFields(otherWriter)});

    Change noWriter = uniform;
    for (FieldState &field : noWriter.fields)
        field.clientId.clear();
    cases.append({"insert, fields only, no writer", noWriter});

    // The derived data's own keys sort between and around the fields; `id`
    // and `updatedAt` of the record win over fields of that name, a
    // `createdAt` field over the derived one.
    const Change metadataFields = insertFromFields({{"aaa", {1, kT1, "c1"}},
                                                    {"createdAt", {kT1, kT1, "c1"}},
                                                    {"id", {"field id", kT1, "c1"}},
                                                    {"middle", {2, kT1, "c1"}},
                                                    {"updatedAt", {"field stamp", kT1, "c1"}},
                                                    {"zzz", {3, kT1, "c1"}},
                                                    {"Upper", {4, kT1, "c1"}}});
    cases.append({"insert, fields named like record metadata", metadataFields});
    cases.append({"insert, one field sorting after every metadata key",
                  insertFromFields({{"zzz", {true, kT2, "c1"}}})});
    cases.append({"insert, one field sorting before every metadata key",
                  insertFromFields({{"Zebra", {true, kT2, "c1"}}})});

    Change undefinedValue = uniform;
    undefinedValue.fields[QStringLiteral("notes")].value = QJsonValue(QJsonValue::Undefined);
    cases.append({"insert, fields only, undefined value", undefinedValue});
    cases.append({"insert, data and fields, undefined value", withDataFromFields(undefinedValue)});

    Change differingData = withDataFromFields(uniform);
    differingData.data.insert(QStringLiteral("title"), QStringLiteral("Buy bread"));
    cases.append({"insert, data differs from a field", differingData});

    Change otherDataStamp = withDataFromFields(uniform);
    otherDataStamp.data.insert(QStringLiteral("updatedAt"), kT3);
    cases.append({"insert, data updatedAt differs from the stamp", otherDataStamp});

    Change dataWithoutStamp = withDataFromFields(uniform);
    dataWithoutStamp.data.remove(QStringLiteral("updatedAt"));
    cases.append({"insert, data without updatedAt", dataWithoutStamp});

    Change emptyStamps = uniform;
    for (FieldState &field : emptyStamps.fields)
        field.updatedAt.clear();
    cases.append({"insert, fields only, empty stamps", emptyStamps});

    Change everyTypeInsert = insertFromFields({});
    for (const auto &[name, value] : awkwardValues())
        everyTypeInsert.fields.insert(name, FieldState{value, kT1, "c1"});
    cases.append({"insert, every JSON type, fields only", everyTypeInsert});
    cases.append({"insert, every JSON type, data and fields", withDataFromFields(everyTypeInsert)});
    Change everyTypeData = withDataFromFields(everyTypeInsert);
    everyTypeData.fields.clear();
    cases.append({"insert, every JSON type, data only", everyTypeData});

    cases.append({"update", updateWithFields()});
    Change everyTypeUpdate = updateWithFields();
    for (const auto &[name, value] : awkwardValues())
        everyTypeUpdate.fields.insert(name, FieldState{value, kT1, "c1"});
    everyTypeUpdate.fields.insert(QStringLiteral("undefinedValue"),
                                  FieldState{QJsonValue::Undefined, kT2, QString()});
    cases.append({"update with every JSON type", everyTypeUpdate});

    Change awkwardNames = updateWithFields();
    awkwardNames.table = kAwkward;
    awkwardNames.id = kAwkward;
    awkwardNames.fields.insert(kAwkward, FieldState{kAwkward, kAwkward, kAwkward});
    awkwardNames.fields.insert(controlCharacters(), FieldState{1, kT1, controlCharacters()});
    cases.append({"update, awkward table, id, field name, stamp and writer", awkwardNames});

    Change empty;
    cases.append({"default-constructed", empty});

    cases.append({"delete", deleteAt(kT3)});
    Change deleteWithField = deleteAt(kT3);
    deleteWithField.fields.insert(QStringLiteral("deletedAt"), FieldState{kT3, kT3, "c1"});
    cases.append({"delete with its deletedAt field", deleteWithField});
    Change maximal = deleteAt(kT1);
    maximal.table = QString(64, u'T');
    maximal.id = QString(42, QChar(0x20AC)) + QStringLiteral("xy");
    cases.append({"delete with longest table and id", maximal});
    Change updateWithDeletedAt = updateWithFields();
    updateWithDeletedAt.deletedAt = kT2;
    cases.append({"update with deletedAt", updateWithDeletedAt});
    return cases;
}

QJsonValue randomValue(QRandomGenerator &random, int depth);

QString randomString(QRandomGenerator &random)
{
    // Mostly ASCII, with control characters, Latin-1, the BMP and surrogate
    // halves (paired or not) mixed in.
    static const char16_t kPool[] = {u'a',   u'Z',   u'0',   u' ',   u'"',   u'\\',  u'/',   0x00,
                                     0x01,   0x08,   0x09,   0x0a,   0x0c,   0x0d,   0x1f,   0x7f,
                                     0x80,   0xe4,   0xff,   0x7ff,  0x800,  0x20ac, 0xfeff, 0xfffe,
                                     0xffff, 0xd83e, 0xdd5b, 0xd800, 0xdbff, 0xdc00, 0xdfff};
    QString text;
    const int length = random.bounded(12);
    for (int i = 0; i < length; ++i)
        text.append(QChar(kPool[random.bounded(int(std::size(kPool)))]));
    return text;
}

QJsonValue randomNumber(QRandomGenerator &random)
{
    switch (random.bounded(6)) {
    case 0:
        return qint64(random.generate64());
    case 1:
        return random.bounded(-1000, 1000);
    case 2:
        return double(random.bounded(-1000000, 1000000));
    case 3:
        return (random.generateDouble() - 0.5) * std::pow(10.0, random.bounded(-300, 300));
    case 4: {
        const double bits = std::bit_cast<double>(random.generate64());
        return bits;
    }
    default:
        return std::ldexp(1.0, random.bounded(-1074, 1023));
    }
}

QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    switch (random.bounded(depth > 3 ? 5 : 7)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return random.bounded(2) == 1;
    case 2:
        return randomNumber(random);
    case 3:
    case 4:
        return randomString(random);
    case 5: {
        QJsonArray array;
        for (int i = random.bounded(4); i > 0; --i)
            array.append(randomValue(random, depth + 1));
        return array;
    }
    default: {
        QJsonObject object;
        for (int i = random.bounded(4); i > 0; --i)
            object.insert(randomString(random), randomValue(random, depth + 1));
        return object;
    }
    }
}

} // namespace

class TestJsonText : public QObject
{
    Q_OBJECT

private slots:
    void valueMatchesQt_data();
    void valueMatchesQt();
    void randomValuesMatchQt();
    void utf8StringReadsBack_data();
    void utf8StringReadsBack();
    void invalidUtf8IsRefused();
    void changeMatchesToJson_data();
    void changeMatchesToJson();
    void appendJsonKeepsWhatIsThere();
    void responseMatchesToJson_data();
    void responseMatchesToJson();
};

void TestJsonText::valueMatchesQt_data()
{
    QTest::addColumn<QJsonValue>("value");
    for (const auto &[name, value] : awkwardValues())
        QTest::newRow(qPrintable(name)) << value;
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("largest qint64") << QJsonValue(std::numeric_limits<qint64>::max());
    QTest::newRow("smallest qint64") << QJsonValue(std::numeric_limits<qint64>::min());
    QTest::newRow("2^63 as double") << QJsonValue(9223372036854775808.0);
    QTest::newRow("-2^63 as double") << QJsonValue(-9223372036854775808.0);
    QTest::newRow("1e20") << QJsonValue(1e20);
    QTest::newRow("negative zero") << QJsonValue(-0.0);
    QTest::newRow("smallest subnormal") << QJsonValue(std::numeric_limits<double>::denorm_min());
    QTest::newRow("largest double") << QJsonValue(std::numeric_limits<double>::max());
    QTest::newRow("infinity") << QJsonValue(std::numeric_limits<double>::infinity());
    QTest::newRow("-infinity") << QJsonValue(-std::numeric_limits<double>::infinity());
    QTest::newRow("NaN") << QJsonValue(std::numeric_limits<double>::quiet_NaN());
    QTest::newRow("U+FFFF") << QJsonValue(fromUnits({u'a', 0xffff}));
    QTest::newRow("U+10FFFF") << QJsonValue(fromUnits({0xdbff, 0xdfff}));
    QTest::newRow("lone high surrogate at the end") << QJsonValue(fromUnits({u'a', 0xd83e}));
    QTest::newRow("lone high surrogate before a letter") << QJsonValue(fromUnits({0xd83e, u'a'}));
    QTest::newRow("lone low surrogate") << QJsonValue(fromUnits({u'a', 0xdd5b, u'b'}));
    QTest::newRow("surrogates swapped") << QJsonValue(fromUnits({0xdd5b, 0xd83e}));
    QTest::newRow("lone surrogate as a key") << QJsonValue(QJsonObject{{fromUnits({0xd800}), 1}});
}

void TestJsonText::valueMatchesQt()
{
    QFETCH(QJsonValue, value);
    const QByteArray text = directText(value);
    QCOMPARE(text, qtText(value));
    QVERIFY2(isValidUtf8(text), text.toHex(' ').constData());

    const QByteArray document = '[' + text + ']';
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(document, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const bool finite = !value.isDouble() || std::isfinite(value.toDouble());
    QCOMPARE(parsed.array().at(0), finite && !value.isUndefined() ? value : QJsonValue());
}

// UTF-8 that is already UTF-8 (a SQLite column) is escaped without a trip
// through QString; Qt's parser must read back the very same string.
void TestJsonText::utf8StringReadsBack_data()
{
    QTest::addColumn<QString>("text");
    for (const auto &[name, value] : awkwardValues()) {
        // Lone surrogates have no UTF-8 form: not something a column holds.
        if (value.isString() && value.toString().isValidUtf16())
            QTest::newRow(qPrintable(name)) << value.toString();
    }
    QString controls;
    for (char16_t unit = 0; unit < 0x20; ++unit)
        controls.append(QChar(unit));
    QTest::newRow("every control character, NUL first") << controls;
    QTest::newRow("quote and backslash") << QStringLiteral(R"(a "b" \ c)");
    QTest::newRow("emoji") << QString::fromUtf8("🍎 Grüße");
    QTest::newRow("empty") << QString();
}

void TestJsonText::utf8StringReadsBack()
{
    QFETCH(QString, text);
    QByteArray json = "[";
    appendJsonUtf8String(&json, text.toUtf8());
    json += ']';
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(json, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + u' ' + QString::fromUtf8(json.toHex(' '))));
    QCOMPARE(parsed.array().at(0).toString(), text);
}

// Bytes that are not UTF-8 stay as they are, so the parser refuses the text
// (the store's query then reads the row value by value).
void TestJsonText::invalidUtf8IsRefused()
{
    QByteArray json = "[";
    appendJsonUtf8String(&json, QByteArrayView("ab\xff\xfe", 4));
    json += ']';
    QJsonParseError error;
    QJsonDocument::fromJson(json, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestJsonText::randomValuesMatchQt()
{
    QRandomGenerator random(20260326);
    for (int i = 0; i < 5000; ++i) {
        const QJsonValue value = randomValue(random, 0);
        const QByteArray text = directText(value);
        QVERIFY2(text == qtText(value),
                 qPrintable(QStringLiteral("value %1: %2\n   Qt: %3")
                                .arg(i)
                                .arg(QString::fromUtf8(text.toHex(' ')),
                                     QString::fromUtf8(qtText(value).toHex(' ')))));
        QVERIFY(isValidUtf8(text));
        QJsonParseError error;
        QJsonDocument::fromJson('[' + text + ']', &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }
}

void TestJsonText::changeMatchesToJson_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("pusher");
    for (const auto &[name, change] : changeCases()) {
        for (const QString &pusher : {QString(), QStringLiteral("c1"), QStringLiteral("c2")}) {
            const QString row = QStringLiteral("%1, pusher \"%2\"").arg(name, pusher);
            QTest::newRow(qPrintable(row)) << change << pusher;
        }
    }
}

void TestJsonText::changeMatchesToJson()
{
    QFETCH(Change, change);
    QFETCH(QString, pusher);
    QByteArray text;
    change.appendJson(&text, pusher);

    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(error.errorString() + QStringLiteral(" in ") + QString::fromUtf8(text)));
    const QJsonObject expected = change.toJson(pusher);
    QVERIFY2(parsed == QJsonDocument(expected),
             qPrintable(QStringLiteral("%1\n  expected %2")
                            .arg(QString::fromUtf8(text), QString::fromUtf8(serialise(expected)))));
    QCOMPARE(text, serialise(expected));
}

// AppChannel collects a whole push body in one buffer.
void TestJsonText::appendJsonKeepsWhatIsThere()
{
    QByteArray text = "[";
    insertWithData().appendJson(&text);
    text += ',';
    updateWithFields().appendJson(&text, QStringLiteral("c1"));
    text += ']';
    QCOMPARE(text, "[" + serialise(insertWithData().toJson()) + ',' +
                       serialise(updateWithFields().toJson(QStringLiteral("c1"))) + ']');
}

void TestJsonText::responseMatchesToJson_data()
{
    QTest::addColumn<SyncResponse>("response");

    SyncResponse empty;
    QTest::newRow("empty") << empty;

    SyncResponse pull;
    for (const auto &[name, change] : changeCases())
        pull.serverChanges.append(change);
    pull.syncedUntil = QStringLiteral("42");
    QTest::newRow("pull, more to come") << [&] {
        SyncResponse response = pull;
        response.hasMore = true;
        return response;
    }();
    QTest::newRow("pull, the last page") << [&] {
        SyncResponse response = pull;
        response.hasMore = false;
        return response;
    }();
    QTest::newRow("pull without hasMore") << pull;

    SyncResponse push = pull;
    push.accepted = 3;
    push.hasMore = false;
    QTest::newRow("push, nothing adjusted") << push;
    push.adjusted = {{"tasks", "t1", "title", kT2}, {kAwkward, kAwkward, kAwkward, kT3}};
    QTest::newRow("push, two adjusted") << push;
    push.accepted = 0;
    QTest::newRow("push, none accepted") << push;

    SyncResponse adjustedOnly;
    adjustedOnly.adjusted = {{"tasks", "t1", "title", kT2}};
    adjustedOnly.syncedUntil = kAwkward;
    QTest::newRow("adjusted without accepted") << adjustedOnly;

    SyncResponse withConflicts = push;
    withConflicts.conflicts = QJsonArray{
        QJsonObject{{"table", "tasks"}, {"id", "t1"}, {"field", "title"}, {"lost", kAwkward}},
        QJsonArray{1, 0.1, QJsonValue::Null, QJsonObject{}}, "plain"};
    QTest::newRow("push with conflicts") << withConflicts;
}

void TestJsonText::responseMatchesToJson()
{
    QFETCH(SyncResponse, response);
    const QByteArray text = response.toJsonText();

    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject expected = response.toJson();
    QVERIFY(parsed == QJsonDocument(expected));
    QCOMPARE(text, serialise(expected));
}

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
