// The merge rule is what makes replicas converge; a single wrong tie-break
// shows up only as two devices that silently disagree forever. Hence a table
// of the rule's cases plus a seeded property test over random arrival orders.
// Reproduce a property failure with MANA_TEST_SEED=<printed seed>.
#include "wire/merge.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>

using mana::canonicalJson;
using mana::FieldState;
using mana::incomingFieldWins;
using mana::MergeOutcome;
using mana::mergeRecord;
using mana::RecordState;

Q_DECLARE_METATYPE(mana::FieldState)
Q_DECLARE_METATYPE(mana::RecordState)

namespace {

const QString kT1 = QStringLiteral("2026-03-26T14:01:05.123Z");
const QString kT1PlusOneMs = QStringLiteral("2026-03-26T14:01:05.124Z");
const QString kT2 = QStringLiteral("2026-03-26T15:00:00.000Z");
const QString kT3 = QStringLiteral("2026-03-27T09:30:00.000Z");

FieldState state(const QJsonValue &value, const QString &updatedAt, const QString &clientId)
{
    return FieldState{value, updatedAt, clientId};
}

QString describe(const FieldState &field)
{
    return QStringLiteral("{%1 @%2 by '%3'}")
        .arg(QString::fromUtf8(canonicalJson(field.value)), field.updatedAt, field.clientId);
}

QString describe(const RecordState &record)
{
    QStringList parts;
    for (auto it = record.begin(); it != record.end(); ++it)
        parts << it.key() + u'=' + describe(it.value());
    return parts.join(QStringLiteral(", "));
}

bool isDeleted(const RecordState &record)
{
    const auto deletedAt = record.constFind(QStringLiteral("deletedAt"));
    return deletedAt != record.constEnd() && !deletedAt->value.isNull() &&
           !deletedAt->value.isUndefined();
}

quint32 testSeed()
{
    bool ok = false;
    const quint32 fromEnvironment = qEnvironmentVariable("MANA_TEST_SEED").toUInt(&ok);
    return ok ? fromEnvironment : QRandomGenerator::global()->generate();
}

} // namespace

class TestMerge : public QObject
{
    Q_OBJECT

private slots:
    void canonicalJsonIsSortedAndCompact_data();
    void canonicalJsonIsSortedAndCompact();

    void fieldRule_data();
    void fieldRule();

    void deletes_data();
    void deletes();

    void fieldUnknownLocallyIsTaken();
    void onlyWinningFieldsChange();
    void changedFieldsAreSorted();
    void emptyIncomingChangesNothing();
    void applyingTwiceEqualsOnce();

    void randomChangesConvergeInAnyOrder();
    void randomChangesMergeAssociatively();
    void ruleIsATotalOrderOnRandomStates();
};

void TestMerge::canonicalJsonIsSortedAndCompact_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << QByteArray("null");
    QTest::newRow("true") << QJsonValue(true) << QByteArray("true");
    QTest::newRow("integer") << QJsonValue(42) << QByteArray("42");
    QTest::newRow("string") << QJsonValue(QStringLiteral("a \"b\"")) << QByteArray(R"("a \"b\"")");
    QTest::newRow("array keeps order") << QJsonValue(QJsonArray{3, 1, 2}) << QByteArray("[3,1,2]");

    QJsonObject nested;
    nested.insert(QStringLiteral("d"), 2);
    nested.insert(QStringLiteral("c"), 3);
    QJsonObject outer;
    outer.insert(QStringLiteral("b"), 1);
    outer.insert(QStringLiteral("a"), QJsonArray{1, nested});
    QTest::newRow("nested objects sorted")
        << QJsonValue(outer) << QByteArray(R"({"a":[1,{"c":3,"d":2}],"b":1})");
}

void TestMerge::canonicalJsonIsSortedAndCompact()
{
    QFETCH(QJsonValue, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(canonicalJson(value), expected);
}

void TestMerge::fieldRule_data()
{
    QTest::addColumn<bool>("hasCurrent");
    QTest::addColumn<FieldState>("current");
    QTest::addColumn<FieldState>("incoming");
    QTest::addColumn<bool>("incomingWins");

    const QJsonValue a(QStringLiteral("a"));
    const QJsonValue b(QStringLiteral("b"));
    auto row = [](const char *name, const FieldState &current, const FieldState &incoming,
                  bool wins) { QTest::newRow(name) << true << current << incoming << wins; };

    row("newer wins", state(a, kT1, "c1"), state(b, kT2, "c1"), true);
    row("older loses", state(a, kT2, "c1"), state(b, kT1, "c1"), false);
    row("one millisecond newer wins", state(a, kT1, "c1"), state(b, kT1PlusOneMs, "c1"), true);
    row("one millisecond older loses", state(a, kT1PlusOneMs, "c1"), state(b, kT1, "c1"), false);
    row("time beats greater client", state(a, kT2, "aaa"), state(b, kT1, "zzz"), false);
    row("newer wins from smaller client", state(a, kT1, "zzz"), state(b, kT2, "aaa"), true);
    row("tie: greater incoming client wins", state(a, kT1, "client-a"), state(b, kT1, "client-b"),
        true);
    row("tie: smaller incoming client loses", state(a, kT1, "client-b"), state(b, kT1, "client-a"),
        false);
    // Byte order, not locale or case-insensitive order: 'B' (0x42) < 'a'.
    row("tie: byte order, uppercase is smaller", state(a, kT1, "a"), state(b, kT1, "B"), false);
    row("tie: byte order, lowercase is greater", state(a, kT1, "B"), state(b, kT1, "a"), true);
    row("tie: byte order, not numeric", state(a, kT1, "client10"), state(b, kT1, "client9"), true);
    // UTF-8 byte order and UTF-16 code unit order disagree here: U+1F600 is
    // F0.. in UTF-8 (greater) but a D83D surrogate in UTF-16 (smaller).
    row("tie: UTF-8 byte order, not UTF-16", state(a, kT1, QString::fromUtf8("\uFF5E")),
        state(b, kT1, QString::fromUtf8("\U0001F600")), true);
    row("tie: empty writer loses", state(a, kT1, "c1"), state(b, kT1, ""), false);
    row("tie: known writer beats empty", state(a, kT1, ""), state(b, kT1, "c1"), true);
    row("newer wins even without writer", state(a, kT1, "c1"), state(b, kT2, ""), true);
    row("same client, greater JSON wins", state(a, kT1, "c1"), state(b, kT1, "c1"), true);
    row("same client, smaller JSON loses", state(b, kT1, "c1"), state(a, kT1, "c1"), false);
    // '"' (0x22) sorts before '9' (0x39): the number's JSON is greater.
    row("same client, number beats string", state(QStringLiteral("10"), kT1, "c1"),
        state(9, kT1, "c1"), true);
    row("same client, string loses to number", state(9, kT1, "c1"),
        state(QStringLiteral("10"), kT1, "c1"), false);
    row("same client, null beats false", state(false, kT1, "c1"),
        state(QJsonValue::Null, kT1, "c1"), true);
    row("same client, objects by canonical JSON", state(QJsonObject{{"a", 1}}, kT1, "c1"),
        state(QJsonObject{{"b", 0}}, kT1, "c1"), true);
    row("identical state never wins", state(a, kT1, "c1"), state(a, kT1, "c1"), false);
    row("identical state without writer never wins", state(QJsonArray{1, 2}, kT1, ""),
        state(QJsonArray{1, 2}, kT1, ""), false);
    row("newer null clears a value", state(a, kT1, "c1"), state(QJsonValue::Null, kT2, "c1"), true);
    QTest::newRow("field unknown locally is taken")
        << false << FieldState{} << state(QJsonValue::Null, kT1, "") << true;
}

void TestMerge::fieldRule()
{
    QFETCH(bool, hasCurrent);
    QFETCH(FieldState, current);
    QFETCH(FieldState, incoming);
    QFETCH(bool, incomingWins);

    if (hasCurrent) {
        QCOMPARE(incomingFieldWins(current, incoming), incomingWins);
        // The rule is antisymmetric: of two different states exactly one wins.
        if (current != incoming)
            QCOMPARE(incomingFieldWins(incoming, current), !incomingWins);
    }

    const QString field = QStringLiteral("title");
    const FieldState untouched = state(QStringLiteral("keep"), kT1, "c1");
    RecordState record{{QStringLiteral("other"), untouched}};
    if (hasCurrent)
        record.insert(field, current);

    const MergeOutcome outcome = mergeRecord(record, RecordState{{field, incoming}});
    const FieldState expected = incomingWins ? incoming : current;
    QVERIFY2(outcome.merged.value(field) == expected,
             qPrintable(QStringLiteral("merged %1, expected %2")
                            .arg(describe(outcome.merged.value(field)), describe(expected))));
    QCOMPARE(outcome.merged.value(QStringLiteral("other")), untouched);
    QCOMPARE(outcome.merged.size(), 2);
    QCOMPARE(outcome.changedFields, incomingWins ? QStringList{field} : QStringList{});
}

void TestMerge::deletes_data()
{
    QTest::addColumn<RecordState>("current");
    QTest::addColumn<RecordState>("incoming");
    QTest::addColumn<bool>("deletedAfter");
    QTest::addColumn<QJsonValue>("titleAfter");

    const QString title = QStringLiteral("title");
    const QString deletedAt = QStringLiteral("deletedAt");
    const QJsonValue oldTitle(QStringLiteral("old"));
    const QJsonValue newTitle(QStringLiteral("new"));
    const RecordState live{{title, state(oldTitle, kT1, "c1")}};
    const RecordState deletedAtT2{{title, state(oldTitle, kT1, "c1")},
                                  {deletedAt, state(kT2, kT2, "c2")}};

    QTest::newRow("delete over older edit")
        << RecordState{{title, state(newTitle, kT1PlusOneMs, "c1")}}
        << RecordState{{deletedAt, state(kT2, kT2, "c2")}} << true << newTitle;
    QTest::newRow("older edit after delete keeps it deleted")
        << deletedAtT2 << RecordState{{title, state(newTitle, kT1PlusOneMs, "c1")}} << true
        << newTitle;
    QTest::newRow("newer edit does not resurrect")
        << deletedAtT2 << RecordState{{title, state(newTitle, kT3, "c1")}} << true << newTitle;
    QTest::newRow("undelete with newer null")
        << deletedAtT2 << RecordState{{deletedAt, state(QJsonValue::Null, kT3, "c1")}} << false
        << oldTitle;
    QTest::newRow("undelete older than delete loses")
        << deletedAtT2 << RecordState{{deletedAt, state(QJsonValue::Null, kT1, "c1")}} << true
        << oldTitle;
    QTest::newRow("undelete at same time by smaller client loses")
        << deletedAtT2 << RecordState{{deletedAt, state(QJsonValue::Null, kT2, "c1")}} << true
        << oldTitle;
    QTest::newRow("undelete with edit in one change")
        << deletedAtT2
        << RecordState{{deletedAt, state(QJsonValue::Null, kT3, "c1")},
                       {title, state(newTitle, kT3, "c1")}}
        << false << newTitle;
    QTest::newRow("delete of a record never seen")
        << RecordState{} << RecordState{{deletedAt, state(kT2, kT2, "")}} << true << QJsonValue();
    QTest::newRow("redelete after undelete")
        << RecordState{{title, state(oldTitle, kT1, "c1")},
                       {deletedAt, state(QJsonValue::Null, kT2, "c1")}}
        << RecordState{{deletedAt, state(kT3, kT3, "c2")}} << true << oldTitle;
    QTest::newRow("live record, unrelated edit")
        << live << RecordState{{title, state(newTitle, kT2, "c")}} << false << newTitle;
}

void TestMerge::deletes()
{
    QFETCH(RecordState, current);
    QFETCH(RecordState, incoming);
    QFETCH(bool, deletedAfter);
    QFETCH(QJsonValue, titleAfter);

    const RecordState merged = mergeRecord(current, incoming).merged;
    QVERIFY2(isDeleted(merged) == deletedAfter, qPrintable(describe(merged)));
    QCOMPARE(merged.value(QStringLiteral("title")).value, titleAfter);
    // Arrival order must not matter for deletes either.
    QVERIFY2(mergeRecord(incoming, current).merged == merged,
             qPrintable(describe(mergeRecord(incoming, current).merged) + QStringLiteral(" vs ") +
                        describe(merged)));
}

void TestMerge::fieldUnknownLocallyIsTaken()
{
    const RecordState current{{QStringLiteral("title"), state(QStringLiteral("a"), kT3, "c1")}};
    // Even an old field is taken when the replica has never seen it.
    const FieldState priority = state(QStringLiteral("low"), kT1, "");
    const MergeOutcome outcome = mergeRecord(current, {{QStringLiteral("priority"), priority}});
    QCOMPARE(outcome.merged.size(), 2);
    QCOMPARE(outcome.merged.value(QStringLiteral("priority")), priority);
    QCOMPARE(outcome.merged.value(QStringLiteral("title")), current.value(QStringLiteral("title")));
    QCOMPARE(outcome.changedFields, QStringList{QStringLiteral("priority")});
}

void TestMerge::onlyWinningFieldsChange()
{
    const RecordState current{
        {QStringLiteral("title"), state(QStringLiteral("a"), kT1, "c1")},
        {QStringLiteral("priority"), state(QStringLiteral("high"), kT3, "c1")}};
    const RecordState incoming{
        {QStringLiteral("title"), state(QStringLiteral("b"), kT2, "c2")},
        {QStringLiteral("priority"), state(QStringLiteral("low"), kT2, "c2")}};
    const MergeOutcome outcome = mergeRecord(current, incoming);
    QCOMPARE(outcome.merged.value(QStringLiteral("title")).value, QJsonValue(QStringLiteral("b")));
    QCOMPARE(outcome.merged.value(QStringLiteral("priority")).value,
             QJsonValue(QStringLiteral("high")));
    QCOMPARE(outcome.changedFields, QStringList{QStringLiteral("title")});
}

void TestMerge::changedFieldsAreSorted()
{
    RecordState incoming;
    for (const char *name : {"zeta", "alpha", "Mid", "mid", "_x"})
        incoming.insert(QString::fromLatin1(name), state(1, kT1, "c1"));
    const MergeOutcome outcome = mergeRecord({}, incoming);
    QStringList expected = incoming.keys();
    std::sort(expected.begin(), expected.end());
    QCOMPARE(outcome.changedFields, expected);
    QCOMPARE(outcome.merged, incoming);
}

void TestMerge::emptyIncomingChangesNothing()
{
    const RecordState current{{QStringLiteral("title"), state(QStringLiteral("a"), kT1, "c1")}};
    const MergeOutcome outcome = mergeRecord(current, {});
    QCOMPARE(outcome.merged, current);
    QVERIFY(outcome.changedFields.isEmpty());
}

void TestMerge::applyingTwiceEqualsOnce()
{
    const RecordState current{{QStringLiteral("title"), state(QStringLiteral("a"), kT1, "c1")},
                              {QStringLiteral("done"), state(false, kT3, "c1")}};
    const RecordState incoming{{QStringLiteral("title"), state(QStringLiteral("b"), kT2, "c2")},
                               {QStringLiteral("done"), state(true, kT2, "c2")},
                               {QStringLiteral("deletedAt"), state(kT2, kT2, "c2")}};
    const MergeOutcome once = mergeRecord(current, incoming);
    QCOMPARE(once.changedFields,
             (QStringList{QStringLiteral("deletedAt"), QStringLiteral("title")}));
    const MergeOutcome twice = mergeRecord(once.merged, incoming);
    QCOMPARE(twice.merged, once.merged);
    QVERIFY(twice.changedFields.isEmpty());
}

namespace {

// Few timestamps, writers and values so that ties are frequent.
class RandomChanges
{
public:
    explicit RandomChanges(quint32 seed)
        : m_random(seed)
    {}

    FieldState field(const QString &name)
    {
        static const QStringList times{kT1, kT1PlusOneMs, kT2, kT3};
        static const QStringList writers{QString(), QStringLiteral("a"), QStringLiteral("b"),
                                         QStringLiteral("B")};
        const QString at = times.at(m_random.bounded(int(times.size())));
        const QString writer = writers.at(m_random.bounded(int(writers.size())));
        if (name == QLatin1String("deletedAt"))
            return state(m_random.bounded(2) ? QJsonValue(at) : QJsonValue(QJsonValue::Null), at,
                         writer);
        const QList<QJsonValue> values{QJsonValue::Null,
                                       true,
                                       false,
                                       0,
                                       7,
                                       7.5,
                                       QStringLiteral("x"),
                                       QStringLiteral("y"),
                                       QJsonArray{1, QStringLiteral("x")},
                                       QJsonObject{{"k", 1}},
                                       QJsonObject{{"k", 2}, {"a", 0}}};
        return state(values.at(m_random.bounded(int(values.size()))), at, writer);
    }

    RecordState change()
    {
        static const QStringList names{QStringLiteral("title"), QStringLiteral("done"),
                                       QStringLiteral("priority"), QStringLiteral("deletedAt")};
        RecordState record;
        for (const QString &name : names) {
            if (m_random.bounded(2))
                record.insert(name, field(name));
        }
        return record;
    }

    QList<RecordState> changes(int count)
    {
        QList<RecordState> list;
        for (int i = 0; i < count; ++i)
            list.append(change());
        return list;
    }

    QRandomGenerator &generator() { return m_random; }

private:
    QRandomGenerator m_random;
};

RecordState mergeInOrder(const QList<RecordState> &changes, const QList<int> &order)
{
    RecordState merged;
    for (int index : order)
        merged = mergeRecord(merged, changes.at(index)).merged;
    return merged;
}

// What the rule says the result is, computed without mergeRecord: per field,
// the maximum by (timestamp, writer bytes, canonical JSON).
RecordState expectedByRule(const QList<RecordState> &changes)
{
    RecordState expected;
    for (const RecordState &change : changes) {
        for (auto it = change.begin(); it != change.end(); ++it) {
            const auto known = expected.constFind(it.key());
            if (known == expected.constEnd()) {
                expected.insert(it.key(), it.value());
                continue;
            }
            const auto key = [](const FieldState &f) {
                return std::make_tuple(f.updatedAt, f.clientId.toUtf8(), canonicalJson(f.value));
            };
            if (key(it.value()) > key(*known))
                expected.insert(it.key(), it.value());
        }
    }
    return expected;
}

} // namespace

void TestMerge::randomChangesConvergeInAnyOrder()
{
    const quint32 seed = testSeed();
    RandomChanges random(seed);
    for (int round = 0; round < 300; ++round) {
        const int count = 2 + random.generator().bounded(5); // up to 6: 720 orders, all tried
        const QList<RecordState> changes = random.changes(count);
        const RecordState expected = expectedByRule(changes);

        QList<int> order(count);
        std::iota(order.begin(), order.end(), 0);
        do {
            const RecordState merged = mergeInOrder(changes, order);
            QVERIFY2(merged == expected,
                     qPrintable(QStringLiteral("seed %1 round %2: got %3, expected %4")
                                    .arg(seed)
                                    .arg(round)
                                    .arg(describe(merged), describe(expected))));
        } while (std::next_permutation(order.begin(), order.end()));

        // Idempotence: replaying any change (a retried push) changes nothing.
        for (const RecordState &change : changes) {
            const MergeOutcome replay = mergeRecord(expected, change);
            QVERIFY2(replay.merged == expected && replay.changedFields.isEmpty(),
                     qPrintable(QStringLiteral("seed %1 round %2: replay changed %3")
                                    .arg(seed)
                                    .arg(round)
                                    .arg(replay.changedFields.join(u','))));
        }
    }
}

void TestMerge::randomChangesMergeAssociatively()
{
    const quint32 seed = testSeed();
    RandomChanges random(seed);
    for (int round = 0; round < 500; ++round) {
        const QList<RecordState> changes = random.changes(12);
        QList<int> order(changes.size());
        std::iota(order.begin(), order.end(), 0);
        const RecordState sequential = mergeInOrder(changes, order);

        // Two replicas each merge a shuffled half, then exchange states: the
        // way a server's merged state meets a client's local one.
        std::shuffle(order.begin(), order.end(), random.generator());
        const int split = random.generator().bounded(int(order.size()) + 1);
        const RecordState left = mergeInOrder(changes, order.mid(0, split));
        const RecordState right = mergeInOrder(changes, order.mid(split));
        const RecordState leftThenRight = mergeRecord(left, right).merged;
        const RecordState rightThenLeft = mergeRecord(right, left).merged;
        QVERIFY2(leftThenRight == sequential && rightThenLeft == sequential,
                 qPrintable(QStringLiteral("seed %1 round %2 split %3: %4 / %5 vs %6")
                                .arg(seed)
                                .arg(round)
                                .arg(split)
                                .arg(describe(leftThenRight), describe(rightThenLeft),
                                     describe(sequential))));
    }
}

void TestMerge::ruleIsATotalOrderOnRandomStates()
{
    const quint32 seed = testSeed();
    RandomChanges random(seed);
    const QString name = QStringLiteral("title");
    for (int i = 0; i < 20000; ++i) {
        const FieldState x = random.field(name);
        const FieldState y = random.field(name);
        const FieldState z = random.field(name);
        const bool xy = incomingFieldWins(x, y);
        const bool yx = incomingFieldWins(y, x);
        const QString context = QStringLiteral("seed %1: %2 %3 %4")
                                    .arg(seed)
                                    .arg(describe(x), describe(y), describe(z));
        QVERIFY2(!incomingFieldWins(x, x), qPrintable(context));
        QVERIFY2(x == y ? (!xy && !yx) : (xy != yx), qPrintable(context));
        // Transitivity: y beats x and z beats y means z beats x.
        if (xy && incomingFieldWins(y, z))
            QVERIFY2(incomingFieldWins(x, z), qPrintable(context));
    }
}

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
