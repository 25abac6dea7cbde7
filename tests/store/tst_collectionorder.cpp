// The order and paging part of the query language: Collection::compare must
// put records exactly where SQLite's ORDER BY does (list models place changed
// records with it, without asking the store), keyset paging (Query::after)
// must read every row once, exclusions, counts by tombstones, the read
// statistics, id lists with other filters, and the refusals of `after`.
//
// Most cases run over one collection of ~400 seeded random records chosen to
// hit the corners where C++ and SQL orders can drift apart: nulls, many ties,
// ASCII case, accents, code points above U+FFFF against U+E000-U+FFFF (UTF-16
// and UTF-8 order differ there), empty strings, negative and fractional
// numbers, an integer stored once as 1 and once as 1.0.
#include "storetestsupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace mana;
using namespace mana::test;

namespace {

using Op = Query::Op;
using Sort = Query::Sort;

// One optional field of every sortable type, one required string, and
// indexes so some sorts and pages run through an index and others do not.
QByteArray itemsSpec(const char *name)
{
    return QByteArray(R"({"name": ")") + name + R"(",
    "fields": [
        {"name": "title", "type": "string?"},
        {"name": "body", "type": "text?"},
        {"name": "name", "type": "string"},
        {"name": "level", "type": "low|medium|high|urgent?"},
        {"name": "flag", "type": "boolean?"},
        {"name": "count", "type": "integer?"},
        {"name": "score", "type": "number?"},
        {"name": "at", "type": "datetime?"},
        {"name": "day", "type": "date?"},
        {"name": "parentId", "type": "->items?"}
    ],
    "indexes": [["title"], ["count"], ["level", "at"], ["flag", "score"]]
})";
}

QString text(const char16_t *utf16)
{
    return QString::fromUtf16(utf16);
}

// Texts whose C++ and SQL orders could disagree: ASCII case and the
// characters between 'Z' and 'a' (NOCASE moves them), accents (NOCASE keeps
// them), emoji (surrogates in UTF-16) next to U+E000-U+FFFF, empty strings,
// quotes and %N (inlined as SQL literals by ranked sorts).
const QStringList kTexts{"",
                         "a",
                         "A",
                         "ab",
                         "aB",
                         "Ab",
                         "apple",
                         "Apple",
                         "APPLE",
                         "b",
                         "B",
                         "Z",
                         "z",
                         "_",
                         "[",
                         "`",
                         "~",
                         "a b",
                         "10",
                         "9",
                         "it's",
                         "%1",
                         "%2x",
                         "x%1y",
                         "'); DROP TABLE test_items; --",
                         text(u"äpfel"),
                         text(u"Äpfel"),
                         text(u"émile"),
                         text(u"Émile"),
                         text(u"e\u0301mile"),
                         text(u"ß"),
                         "SS",
                         "ss",
                         text(u"\u00FF"),
                         text(u"\u0100"),
                         text(u"\U0001F34E"),
                         text(u"\U0001F34Ea"),
                         text(u"a\U0001F34E"),
                         text(u"\U0001F600"),
                         text(u"\uFFFD"),
                         text(u"\uE000"),
                         text(u"\uE000a"),
                         text(u"\uF8FF"),
                         text(u"\uFF21"),
                         text(u"\uFFFDz")};

// Prefixes of generated ids: ids sort by code point too.
const QStringList kIdPrefixes{
    "r", "R", "a", "Z", "_", text(u"ä"), text(u"\U0001F34E"), text(u"\uFFFD"), text(u"\uE000")};

const QList<QJsonValue> kNumbers{-1e10, -2.5,      -1, -0.5, 0, 0.1,  0.5, 1,
                                 1.0,   qint64(1), 2,  2.5,  3, 1e10, 1e-7};
const QList<qint64> kIntegers{-9007199254740991, -5, -1, 0, 1, 2, 3, 42, 9007199254740991};
// Two of these are the same instant in other offsets: they tie once stored.
const QStringList kDateTimes{"2026-03-26T10:00:00.000Z", "2026-03-26T12:00:00+02:00",
                             "2026-03-26T10:00:00.001Z", "2025-12-31T23:59:59.999Z",
                             "2026-03-27T00:00:00Z"};
const QStringList kDays{"2026-01-01", "2026-12-31", "2025-06-15"};
const QStringList kLevels{"low", "medium", "high", "urgent"};

constexpr int kRecordCount = 400;

QStringList idsOf(const QList<QJsonObject> &records)
{
    QStringList ids;
    for (const QJsonObject &record : records)
        ids.append(record.value("id").toString());
    return ids;
}

Sort key(const QString &field, bool descending = false)
{
    Sort sort;
    sort.field = field;
    sort.descending = descending;
    return sort;
}

Sort noCase(Sort sort)
{
    sort.ignoreCase = true;
    return sort;
}

Sort nullsLast(Sort sort)
{
    sort.nullsLast = true;
    return sort;
}

Sort ranked(Sort sort, const QStringList &values, int rankOfOthers)
{
    sort.rankedValues = values;
    sort.rankOfOthers = rankOfOthers;
    return sort;
}

QString describe(const QList<Sort> &sort)
{
    QStringList parts;
    for (const Sort &one : sort) {
        QString part = one.field;
        if (!one.rankedValues.isEmpty())
            part += QStringLiteral("[%1 others %2]")
                        .arg(one.rankedValues.join(u','), QString::number(one.rankOfOthers));
        if (one.descending)
            part += " desc";
        if (one.ignoreCase)
            part += " nocase";
        if (one.nullsLast)
            part += " nullslast";
        parts.append(part);
    }
    return parts.join(", ");
}

// The sort as the list models use it: ending with the id, so it is total.
QList<Sort> withId(QList<Sort> sort)
{
    if (sort.isEmpty() || sort.constLast().field != "id" ||
        !sort.constLast().rankedValues.isEmpty())
        sort.append(key("id"));
    return sort;
}

// Every sort the order tests run: each field both ways, NOCASE, NULLS LAST,
// ranked enums with the others at the start, middle and end, mixes.
QList<QList<Sort>> sortSpecs()
{
    QList<QList<Sort>> specs;
    const QStringList fields{"title", "body", "name",     "level", "flag",      "count",    "score",
                             "at",    "day",  "parentId", "id",    "createdAt", "updatedAt"};
    for (const QString &field : fields) {
        specs.append({key(field)});
        specs.append({key(field, true)});
    }
    for (const QString &field :
         QStringList{"title", "body", "level", "flag", "count", "score", "at", "day", "parentId"}) {
        specs.append({nullsLast(key(field))});
        specs.append({nullsLast(key(field, true))});
    }
    for (const QString &field : QStringList{"title", "body", "name", "level", "parentId"}) {
        specs.append({noCase(key(field))});
        specs.append({noCase(key(field, true))});
    }
    specs.append({nullsLast(noCase(key("title")))});
    specs.append({nullsLast(noCase(key("body", true)))});
    const QStringList allLevels{"urgent", "high", "medium", "low"};
    const QStringList topLevels{"urgent", "high"};
    for (const int others : {0, 2, 4})
        specs.append({ranked(key("level"), allLevels, others)});
    for (const int others : {-1, 0, 1, 2, 7})
        specs.append({ranked(key("level"), topLevels, others)});
    specs.append({ranked(key("level", true), topLevels, 1)});
    specs.append({ranked(key("level", true), {"medium"}, 0), key("title")});
    // Ranked text: quotes and %N are inlined as SQL literals.
    specs.append({ranked(key("title"),
                         {"Apple", "apple", "", "it's", "%1", "%2x", "x%1y",
                          "'); DROP TABLE test_items; --", text(u"\U0001F34E")},
                         3)});
    specs.append({ranked(key("name", true), {"%1", "%2x", "it's"}, 1), key("id", true)});
    specs.append({key("flag"), key("level", true), noCase(key("title"))});
    specs.append({key("count", true), nullsLast(key("score")), key("at")});
    specs.append({ranked(key("level"), topLevels, 1), key("at", true), key("title")});
    specs.append({nullsLast(key("day")), key("createdAt", true)});
    specs.append({key("parentId"), key("flag", true)});
    specs.append({key("score"), key("count")});
    specs.append({noCase(key("title", true)), key("name")});
    specs.append({nullsLast(key("at", true)), nullsLast(key("title"))});
    specs.append({noCase(key("name")), nullsLast(noCase(key("body", true)))});
    specs.append({key("updatedAt", true)});
    specs.append({key("title"), key("id", true)});
    specs.append({nullsLast(key("flag")), nullsLast(key("count", true)), key("day", true)});
    specs.append({key("level"), nullsLast(key("score", true)), noCase(key("name", true))});
    return specs;
}

// Filter sets the paging and counting tests combine with sorts.
struct FilterSet
{
    const char *name;
    Query query;
};

QList<FilterSet> filterSets()
{
    QList<FilterSet> sets;
    sets.append({"no filter", Query()});
    sets.append({"flag true", Query().where("flag", Op::Equal, true)});
    sets.append({"flag false", Query().where("flag", Op::Equal, false)});
    sets.append({"flag null", Query().where("flag", Op::IsNull)});
    sets.append({"level in", Query().where("level", Op::In, QJsonArray{"low", "urgent"})});
    sets.append({"count > 0, title set",
                 Query().where("count", Op::Greater, 0).where("title", Op::IsNotNull)});
    sets.append({"score <= 0.5", Query().where("score", Op::LessOrEqual, 0.5)});
    sets.append({"title contains a", Query().where("title", Op::Contains, "a")});
    sets.append({"at from an offset time",
                 Query().where("at", Op::GreaterOrEqual, "2026-03-26T12:00:00+02:00")});
    sets.append({"exclusion of two fields",
                 Query().exclude({{"level", Op::Equal, "low"}, {"flag", Op::Equal, true}})});
    sets.append({"filter and two exclusions", Query()
                                                  .where("count", Op::IsNotNull)
                                                  .exclude({{"title", Op::IsNull, {}}})
                                                  .exclude({{"score", Op::Less, 0}})});
    sets.append({"parent null", Query().where("parentId", Op::IsNull)});
    return sets;
}

} // namespace

Q_DECLARE_METATYPE(mana::Query)
Q_DECLARE_METATYPE(mana::Query::Sort)

class TestCollectionOrder : public QObject
{
    Q_OBJECT

private slots:
    // ~400 random records (seeded), some updated, removed and restored.
    void initTestCase();
    void cleanupTestCase();

    void compareAgreesWithSql_data();
    void compareAgreesWithSql();
    void keysetPagingReadsEveryRowOnce_data();
    void keysetPagingReadsEveryRowOnce();
    void exclusions_data();
    void exclusions();
    void countAndCountBy_data();
    void countAndCountBy();
    void countFollowsRemoveAndRestore();
    void readStats();
    void idListWithOtherFilters_data();
    void idListWithOtherFilters();
    void inListOfTimestamps_data();
    void inListOfTimestamps();
    void afterErrors_data();
    void afterErrors();

private:
    // The live records in `sort` order (ties in insertion order).
    QList<QJsonObject> all(const QList<Sort> &sort) const;
    // Five hand-made records (and a removed sixth) in their own collection.
    Collection *small();

    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_items = nullptr;
    Collection *m_small = nullptr;
    int m_live = 0;
    int m_removed = 0;
};

void TestCollectionOrder::initTestCase()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_items = m_fixture->add(itemsSpec("items"));
    QVERIFY(m_items);

    QRandomGenerator random(20260326);
    auto pick = [&random](const auto &list) { return list.at(random.bounded(int(list.size()))); };
    auto maybe = [&random](const QJsonValue &value) {
        return random.bounded(5) == 0 ? QJsonValue(QJsonValue::Null) : value;
    };
    QStringList ids;
    for (int i = 0; i < kRecordCount; ++i)
        ids.append(pick(kIdPrefixes) + QString::number(i));
    QList<QJsonObject> records;
    for (int i = 0; i < kRecordCount; ++i) {
        records.append({{"id", ids.at(i)},
                        {"title", maybe(pick(kTexts))},
                        {"body", maybe(pick(kTexts))},
                        {"name", pick(kTexts)},
                        {"level", maybe(pick(kLevels))},
                        {"flag", maybe(random.bounded(2) == 0)},
                        {"count", maybe(pick(kIntegers))},
                        {"score", maybe(pick(kNumbers))},
                        {"at", maybe(pick(kDateTimes))},
                        {"day", maybe(pick(kDays))},
                        {"parentId", maybe(ids.at(random.bounded(20)))}});
    }
    // In batches, with the clock moving between them, so createdAt has
    // both ties and steps.
    for (qsizetype first = 0; first < records.size(); first += 50) {
        m_fixture->clock.advance(random.bounded(3) * 1000);
        QString error;
        QVERIFY2(!m_items->insertMany(records.mid(first, 50), &error).isEmpty(), qPrintable(error));
    }
    for (int i = 0; i < 60; ++i) {
        m_fixture->clock.advance(random.bounded(2) * 500);
        const WriteResult result =
            m_items->update(pick(ids), {{"title", maybe(pick(kTexts))}, {"flag", maybe(true)}});
        QVERIFY2(result, qPrintable(result.error));
    }
    QSet<QString> removed;
    for (int i = 0; i < 50; ++i) {
        const QString id = pick(ids);
        QVERIFY(m_items->remove(id));
        removed.insert(id);
    }
    for (int i = 0; i < 15; ++i) {
        const QString id = pick(ids);
        QVERIFY(m_items->restore(id));
        removed.remove(id);
    }
    m_removed = int(removed.size());
    m_live = kRecordCount - m_removed;
    QCOMPARE(m_items->count(), m_live);
}

void TestCollectionOrder::cleanupTestCase()
{
    m_items = nullptr;
    m_small = nullptr;
    m_fixture.reset();
}

QList<QJsonObject> TestCollectionOrder::all(const QList<Sort> &sort) const
{
    Query query;
    query.sort = sort;
    QString error;
    const QList<QJsonObject> records = m_items->query(query, &error);
    if (!error.isEmpty())
        qWarning("query failed: %s", qPrintable(error));
    return records;
}

void TestCollectionOrder::compareAgreesWithSql_data()
{
    QTest::addColumn<QList<Sort>>("sort");
    for (const QList<Sort> &sort : sortSpecs())
        QTest::newRow(qPrintable(describe(sort))) << sort;
}

// Sorting the query's records in C++ with compare() gives the query's order.
void TestCollectionOrder::compareAgreesWithSql()
{
    QFETCH(QList<Sort>, sort);
    const QList<Sort> total = withId(sort);
    Query query;
    query.sort = total;
    QString error;
    const QList<QJsonObject> fromSql = m_items->query(query, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(fromSql.size(), m_live);

    QList<QJsonObject> inCpp = fromSql;
    QRandomGenerator random(7);
    std::shuffle(inCpp.begin(), inCpp.end(), random);
    std::stable_sort(inCpp.begin(), inCpp.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        return m_items->compare(total, a, b) < 0;
    });
    // The id and the sort keys of a record, for a failure message.
    auto keys = [&total](const QJsonObject &record) {
        QJsonObject shown;
        for (const Sort &sortKey : total)
            shown.insert(sortKey.field, record.value(sortKey.field));
        return QString::fromUtf8(QJsonDocument(shown).toJson(QJsonDocument::Compact));
    };
    for (qsizetype i = 0; i < fromSql.size(); ++i) {
        if (fromSql.at(i).value("id") != inCpp.at(i).value("id"))
            QFAIL(qPrintable(QStringLiteral("row %1: SQL has %2, compare() puts %3 there")
                                 .arg(QString::number(i), keys(fromSql.at(i)), keys(inCpp.at(i)))));
    }
    // Neighbours: strictly ordered both ways round, each equal to itself.
    for (qsizetype i = 0; i + 1 < fromSql.size(); ++i) {
        const QJsonObject &a = fromSql.at(i);
        const QJsonObject &b = fromSql.at(i + 1);
        QVERIFY(m_items->compare(total, a, b) < 0);
        QVERIFY(m_items->compare(total, b, a) > 0);
        QCOMPARE(m_items->compare(total, a, a), 0);
    }
    // Without the id, SQL breaks ties by insertion order: compare() must
    // then see neighbours as ordered or equal, never reversed.
    if (total.size() > sort.size()) {
        const QList<QJsonObject> byKeys = all(sort);
        QCOMPARE(byKeys.size(), m_live);
        for (qsizetype i = 0; i + 1 < byKeys.size(); ++i)
            QVERIFY2(m_items->compare(sort, byKeys.at(i), byKeys.at(i + 1)) <= 0,
                     qPrintable(QString::number(i)));
    }
}

void TestCollectionOrder::keysetPagingReadsEveryRowOnce_data()
{
    QTest::addColumn<QList<Sort>>("sort");
    QTest::addColumn<Query>("filters");
    QTest::addColumn<int>("pageSize");
    const QList<QList<Sort>> specs = sortSpecs();
    const QList<FilterSet> sets = filterSets();
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const QString name = describe(specs.at(i));
        QTest::addRow("%s, pages of 7", qPrintable(name)) << specs.at(i) << Query() << 7;
        const FilterSet &set = sets.at(1 + i % (sets.size() - 1));
        QTest::addRow("%s, %s, pages of 7", qPrintable(name), set.name)
            << specs.at(i) << set.query << 7;
        if (i % 6 == 0) {
            QTest::addRow("%s, pages of 1", qPrintable(name)) << specs.at(i) << Query() << 1;
            QTest::addRow("%s, %s, pages of 1", qPrintable(name), set.name)
                << specs.at(i) << set.query << 1;
        }
    }
}

// Pages after the last row of the previous one, joined, are the full query;
// and the rows after any record (matching or not, with the whole record or
// only its sort fields) are exactly those compare() puts after it.
void TestCollectionOrder::keysetPagingReadsEveryRowOnce()
{
    QFETCH(QList<Sort>, sort);
    QFETCH(Query, filters);
    QFETCH(int, pageSize);
    const QList<Sort> total = withId(sort);
    Query query = filters;
    query.sort = total;
    QString error;
    const QList<QJsonObject> full = m_items->query(query, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!full.isEmpty());

    QList<QJsonObject> paged;
    std::optional<QJsonObject> last;
    for (int pages = 0; pages <= full.size() + 1; ++pages) {
        Query page = query;
        page.limit = pageSize;
        page.after = last;
        const QList<QJsonObject> rows = m_items->query(page, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(rows.size() <= pageSize);
        paged += rows;
        if (rows.size() < pageSize)
            break;
        last = rows.constLast();
    }
    QCOMPARE(idsOf(paged), idsOf(full));
    QCOMPARE(m_items->count(query), full.size());

    // Cursors anywhere: deleted and filtered-out records too.
    const QList<QJsonObject> everything = m_items->query(withDeletedRecords());
    QRandomGenerator random(pageSize * 1000 + int(full.size()));
    for (int i = 0; i < 12; ++i) {
        QJsonObject cursor = everything.at(random.bounded(int(everything.size())));
        if (i % 2 == 1) { // only what `after` needs
            QJsonObject keys;
            for (const Sort &sortKey : total)
                keys.insert(sortKey.field, cursor.value(sortKey.field));
            cursor = keys;
        }
        QList<QJsonObject> expected;
        for (const QJsonObject &record : full) {
            if (m_items->compare(total, cursor, record) < 0)
                expected.append(record);
        }
        Query after = query;
        after.after = cursor;
        QCOMPARE(idsOf(m_items->query(after, &error)), idsOf(expected));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(m_items->count(after, &error), expected.size());
    }
}

Collection *TestCollectionOrder::small()
{
    if (m_small)
        return m_small;
    m_small = m_fixture->add(itemsSpec("small"));
    if (!m_small)
        return nullptr;
    const QList<QJsonObject> rows{
        {{"id", "e1"},
         {"name", "n"},
         {"count", 1},
         {"level", "low"},
         {"flag", true},
         {"title", "a"}},
        {{"id", "e2"}, {"name", "n"}, {"level", "low"}, {"flag", true}},
        {{"id", "e3"}, {"name", "n"}, {"count", 2}, {"level", "high"}, {"title", "b"}},
        {{"id", "e4"}, {"name", "n"}, {"count", 3}, {"flag", false}, {"title", "A"}},
        {{"id", "e5"}, {"name", "n"}, {"count", 1}, {"level", "low"}, {"title", "c"}},
        {{"id", "e6"}, {"name", "n"}, {"count", 1}, {"level", "low"}, {"flag", true}},
    };
    for (const QJsonObject &row : rows) {
        if (!m_small->insert(row))
            return nullptr;
    }
    if (!m_small->remove("e6"))
        return nullptr;
    return m_small;
}

void TestCollectionOrder::exclusions_data()
{
    QTest::addColumn<Query>("query");
    QTest::addColumn<QStringList>("expected");
    // e1 count 1 low  true  "a"   e2 -    low  true  -     e3 count 2 high - "b"
    // e4 count 3 -    false "A"   e5 count 1 low - "c"     e6 (removed) count 1 low true
    auto row = [](const char *name, const QList<Query::Filter> &allOf,
                  const QStringList &expected) {
        QTest::newRow(name) << Query().exclude(allOf) << expected;
    };
    row("equal keeps a null", {{"count", Op::Equal, 1}}, {"e2", "e3", "e4"});
    row("equal null leaves out the nulls", {{"count", Op::Equal, QJsonValue()}},
        {"e1", "e3", "e4", "e5"});
    row("is null", {{"level", Op::IsNull, {}}}, {"e1", "e2", "e3", "e5"});
    row("boolean false keeps a null", {{"flag", Op::Equal, false}}, {"e1", "e2", "e3", "e5"});
    row("two fields: both must hold", {{"level", Op::Equal, "low"}, {"flag", Op::Equal, true}},
        {"e3", "e4", "e5"});
    row("two fields, one of them null",
        {{"level", Op::Equal, "low"}, {"flag", Op::Equal, QJsonValue()}}, {"e1", "e2", "e3", "e4"});
    row("not equal: null counts as different", {{"count", Op::NotEqual, 1}}, {"e1", "e5"});
    row("less keeps a null", {{"count", Op::Less, 3}}, {"e2", "e4"});
    row("greater keeps a null", {{"count", Op::Greater, 1}}, {"e1", "e2", "e5"});
    row("in keeps a null", {{"count", Op::In, QJsonArray{1, 2}}}, {"e2", "e4"});
    row("contains keeps a null", {{"title", Op::Contains, "a"}}, {"e2", "e3", "e5"});
    row("a null in one part, a miss in the other",
        {{"count", Op::Less, 3}, {"level", Op::Equal, "high"}}, {"e1", "e2", "e4", "e5"});
    row("by id", {{"id", Op::In, QJsonArray{"e1", "e2"}}}, {"e3", "e4", "e5"});
    row("empty in list leaves out nothing", {{"count", Op::In, QJsonArray{}}},
        {"e1", "e2", "e3", "e4", "e5"});
    // conditions() skips an empty list: it leaves out nothing (not every
    // row, as "matches all of none" would).
    row("empty exclusion leaves out nothing", {}, {"e1", "e2", "e3", "e4", "e5"});
    QTest::newRow("two exclusions")
        << Query().exclude({{"count", Op::Equal, 1}}).exclude({{"level", Op::Equal, "high"}})
        << QStringList{"e2", "e4"};
    QTest::newRow("with a filter")
        << Query().where("flag", Op::Equal, true).exclude({{"count", Op::Equal, 1}})
        << QStringList{"e2"};
    Query withDeleted = withDeletedRecords();
    QTest::newRow("deleted rows included")
        << Query(withDeleted).exclude({{"level", Op::Equal, "high"}})
        << QStringList{"e1", "e2", "e4", "e5", "e6"};
    QTest::newRow("sorted and paged") << [] {
        Query query;
        query.exclude({{"level", Op::Equal, "low"}, {"flag", Op::Equal, true}});
        query.sort = {key("count", true), key("id")};
        query.after = QJsonObject{{"id", "e4"}, {"count", 3}};
        return query;
    }() << QStringList{"e3", "e5"};
}

void TestCollectionOrder::exclusions()
{
    QFETCH(Query, query);
    QFETCH(QStringList, expected);
    Collection *collection = small();
    QVERIFY(collection);
    QString error;
    QCOMPARE(idsOf(collection->query(query, &error)), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(collection->count(query, &error), expected.size());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCollectionOrder::countAndCountBy_data()
{
    QTest::addColumn<Query>("query");
    for (const FilterSet &set : filterSets())
        QTest::newRow(set.name) << set.query;
    QJsonArray someIds;
    QJsonArray manyIds;
    const QList<QJsonObject> everything = m_items->query(withDeletedRecords());
    for (qsizetype i = 0; i < everything.size(); i += 3) {
        if (someIds.size() < 10)
            someIds.append(everything.at(i).value("id"));
        manyIds.append(everything.at(i).value("id"));
    }
    QTest::newRow("ten ids, flag true")
        << Query().where("id", Op::In, someIds).where("flag", Op::Equal, true);
    QTest::newRow("many ids (json_each), level in")
        << Query().where("id", Op::In, manyIds).where("level", Op::In, QJsonArray{"low", "high"});
    QTest::newRow("many ids, exclusion")
        << Query().where("id", Op::In, manyIds).exclude({{"flag", Op::Equal, true}});
    QTest::newRow("deleted included") << withDeletedRecords();
    QTest::newRow("deleted included, flag true")
        << Query(withDeletedRecords()).where("flag", Op::Equal, true);
    QTest::newRow("createdAt range")
        << Query().where("createdAt", Op::Greater, everything.at(200).value("createdAt"));
    QTest::newRow("deletedAt set, live only") << Query().where("deletedAt", Op::IsNotNull);
}

namespace {

// countBy's key of a value: SQLite's text of the column (booleans 0 and 1),
// null as an empty string.
QString textForm(const QJsonValue &value)
{
    if (value.isNull())
        return {};
    if (value.isBool())
        return value.toBool() ? "1" : "0";
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

} // namespace

// count() and countBy() agree with what query() returns.
void TestCollectionOrder::countAndCountBy()
{
    QFETCH(Query, query);
    QString error;
    const QList<QJsonObject> records = m_items->query(query, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_items->count(query, &error), records.size());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // countBy counts live records only.
    if (query.includeDeleted)
        return;
    for (const QString &field : QStringList{"level", "parentId", "title", "flag", "count"}) {
        QHash<QString, int> expected;
        for (const QJsonObject &record : records)
            ++expected[textForm(record.value(field))];
        QCOMPARE(m_items->countBy(field, query, &error), expected);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
}

// Tombstones leave the counts and come back with a restore; an empty id
// list counts nothing without an error.
void TestCollectionOrder::countFollowsRemoveAndRestore()
{
    QCOMPARE(m_items->count(), m_live);
    QCOMPARE(m_items->count(withDeletedRecords()), kRecordCount);
    QCOMPARE(m_items->count(Query(withDeletedRecords()).where("deletedAt", Op::IsNotNull)),
             m_removed);

    Collection *collection = small();
    QVERIFY(collection);
    const Query low = Query().where("level", Op::Equal, "low");
    QCOMPARE(collection->count(low), 3);
    QCOMPARE(collection->countBy("level", {}),
             (QHash<QString, int>{{"low", 3}, {"high", 1}, {"", 1}}));
    QVERIFY(collection->remove("e1"));
    QCOMPARE(collection->count(low), 2);
    QCOMPARE(collection->countBy("level", {}),
             (QHash<QString, int>{{"low", 2}, {"high", 1}, {"", 1}}));
    QVERIFY(collection->remove("e3"));
    QCOMPARE(collection->countBy("level", {}), (QHash<QString, int>{{"low", 2}, {"", 1}}));
    QVERIFY(collection->restore("e1"));
    QVERIFY(collection->restore("e3"));
    QVERIFY(collection->restore("e6"));
    QCOMPARE(collection->count(low), 4);
    QCOMPARE(collection->countBy("flag", low), (QHash<QString, int>{{"1", 3}, {"", 1}}));
    QVERIFY(collection->remove("e6"));
    QCOMPARE(collection->count(low), 3);

    QString error;
    const Query none = Query().where("id", Op::In, QJsonArray());
    QCOMPARE(collection->count(none, &error), 0);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(collection->countBy("level", none, &error), (QHash<QString, int>{}));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(collection->query(none, &error).isEmpty());
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCollectionOrder::readStats()
{
    Collection *collection = small();
    QVERIFY(collection);
    collection->resetReadStats();
    Query limited;
    limited.limit = 2;
    QCOMPARE(collection->query(limited).size(), 2);
    Collection::ReadStats stats = collection->readStats();
    QCOMPARE(stats.queries, qint64(1));
    QCOMPARE(stats.rowsRead, qint64(2));
    QCOMPARE(stats.unboundedQueries, qint64(0));
    QCOMPARE(stats.counts, qint64(0));

    QCOMPARE(collection->query().size(), 5);
    stats = collection->readStats();
    QCOMPARE(stats.queries, qint64(2));
    QCOMPARE(stats.rowsRead, qint64(7));
    QCOMPARE(stats.unboundedQueries, qint64(1));

    QVERIFY(collection->get("e2"));
    stats = collection->readStats();
    QCOMPARE(stats.queries, qint64(3));
    QCOMPARE(stats.rowsRead, qint64(8));
    QVERIFY(!collection->get("missing"));
    QVERIFY(!collection->get("e6")); // removed
    stats = collection->readStats();
    QCOMPARE(stats.queries, qint64(5));
    QCOMPARE(stats.rowsRead, qint64(8));

    QCOMPARE(collection->count(), 5);
    QCOMPARE(collection->readStats().counts, qint64(1));
    collection->countBy("level");
    stats = collection->readStats();
    QCOMPARE(stats.counts, qint64(2));
    QCOMPARE(stats.queries, qint64(5)); // counting reads no records
    QCOMPARE(stats.rowsRead, qint64(8));

    collection->resetReadStats();
    stats = collection->readStats();
    QCOMPARE(stats.queries + stats.rowsRead + stats.unboundedQueries + stats.counts, qint64(0));
}

void TestCollectionOrder::idListWithOtherFilters_data()
{
    QTest::addColumn<int>("idCount");
    QTest::addColumn<Query>("others");
    const QList<FilterSet> sets{
        {"flag true", Query().where("flag", Op::Equal, true)},
        {"level in, count > 0", Query()
                                    .where("level", Op::In, QJsonArray{"low", "urgent"})
                                    .where("count", Op::Greater, 0)},
        {"title null", Query().where("title", Op::IsNull)},
        {"title range", Query().where("title", Op::GreaterOrEqual, "a")},
        {"exclusion", Query().exclude({{"flag", Op::Equal, true}, {"level", Op::IsNull, {}}})},
        {"many levels (json_each too)",
         [] {
             QJsonArray levels;
             for (int i = 0; i < 70; ++i)
                 levels.append(i % 2 ? "low" : QString::number(i));
             return Query().where("level", Op::In, levels);
         }()},
    };
    for (const int idCount : {0, 1, 10, 64, 65, 200, kRecordCount}) {
        for (const FilterSet &set : sets)
            QTest::addRow("%d ids, %s", idCount, set.name) << idCount << set.query;
    }
}

// With an id list, the other filters are written as +column (so SQLite
// looks the ids up); the rows must still be exactly the matching ones.
void TestCollectionOrder::idListWithOtherFilters()
{
    QFETCH(int, idCount);
    QFETCH(Query, others);
    const QList<QJsonObject> everything = m_items->query(withDeletedRecords());
    QRandomGenerator random(idCount);
    QJsonArray ids;
    QSet<QString> wanted;
    for (int i = 0; i < idCount; ++i) {
        const QString id =
            everything.at(random.bounded(int(everything.size()))).value("id").toString();
        ids.append(id); // duplicates are fine
        wanted.insert(id);
    }
    if (idCount > 0)
        ids.append("not-an-item");

    QString error;
    QList<QJsonObject> expected;
    for (const QJsonObject &record : m_items->query(others, &error)) {
        if (wanted.contains(record.value("id").toString()))
            expected.append(record);
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));

    Query query = others;
    query.where("id", Op::In, ids);
    QCOMPARE(idsOf(m_items->query(query, &error)), idsOf(expected));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_items->count(query, &error), expected.size());
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // And sorted, with the id list first among the filters.
    Query sorted;
    sorted.where("id", Op::In, ids);
    sorted.filters += others.filters;
    sorted.exclusions = others.exclusions;
    sorted.sort = {noCase(key("title")), key("id")};
    std::stable_sort(expected.begin(), expected.end(),
                     [&](const QJsonObject &a, const QJsonObject &b) {
                         return m_items->compare(sorted.sort, a, b) < 0;
                     });
    QCOMPARE(idsOf(m_items->query(sorted, &error)), idsOf(expected));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCollectionOrder::inListOfTimestamps_data()
{
    QTest::addColumn<int>("length");
    QTest::newRow("bound value by value") << 20;
    QTest::newRow("bound as one JSON text") << 80;
}

// A list of timestamps written with an offset finds what the same instants
// in canonical form find, however long the list is.
void TestCollectionOrder::inListOfTimestamps()
{
    QFETCH(int, length);
    const QList<QJsonObject> everything = m_items->query(withDeletedRecords());
    QJsonArray canonical;
    QJsonArray shifted;
    for (qsizetype i = 0; i < length; ++i) {
        const QString createdAt = everything.at(i * 3).value("createdAt").toString();
        const auto millis = parseTimestamp(createdAt);
        QVERIFY(millis);
        canonical.append(createdAt);
        shifted.append(
            QDateTime::fromMSecsSinceEpoch(*millis, QTimeZone(3600)).toString(Qt::ISODateWithMs));
        QVERIFY(shifted.last().toString().endsWith("+01:00"));
    }
    QString error;
    const QStringList expected =
        idsOf(m_items->query(Query().where("createdAt", Op::In, canonical), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(expected.size() > length / 2); // most of them are live
    QCOMPARE(idsOf(m_items->query(Query().where("createdAt", Op::In, shifted), &error)), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCollectionOrder::afterErrors_data()
{
    QTest::addColumn<Query>("query");
    QTest::addColumn<QString>("mention");
    const QJsonObject record{{"id", "r1"}, {"title", "a"}, {"count", 1}};
    auto row = [&](const char *name, const QList<Sort> &sort, const QJsonObject &after,
                   const QString &mention) {
        Query query;
        query.sort = sort;
        query.after = after;
        QTest::newRow(name) << query << mention;
    };
    row("no sort", {}, record, "ends with the id");
    row("sort without the id", {key("title")}, record, "ends with the id");
    row("id not last", {key("id"), key("title")}, record, "ends with the id");
    row("ranked id last", {key("title"), ranked(key("id"), {"r1"}, 0)}, record, "ends with the id");
    row("record without a sort field", {key("title"), key("score"), key("id")}, record,
        "\"score\"");
    row("record without the id", {key("title"), key("id")}, {{"title", "a"}}, "\"id\"");
    row("empty record", {key("count", true), key("id")}, {}, "\"count\"");
}

// A cursor the store cannot page after is an error sentence and no rows.
void TestCollectionOrder::afterErrors()
{
    QFETCH(Query, query);
    QFETCH(QString, mention);
    QString error;
    QVERIFY(m_items->query(query, &error).isEmpty());
    QVERIFY2(error.contains(mention), qPrintable(error));
    error.clear();
    QCOMPARE(m_items->count(query, &error), -1);
    QVERIFY2(error.contains(mention), qPrintable(error));
    QCOMPARE(m_items->count(), m_live);
}

QTEST_GUILESS_MAIN(TestCollectionOrder)
#include "tst_collectionorder.moc"
