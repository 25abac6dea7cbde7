// The query language of Collection: every filter operator (with the
// value types each field type stores), sorting in both directions and by
// several keys, paging, and refusals of what is not in the spec.
#include "storetestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

using Op = Query::Op;

QStringList idsOf(const QList<QJsonObject> &records)
{
    QStringList ids;
    for (const QJsonObject &record : records)
        ids.append(record.value("id").toString());
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(mana::Query)

class TestCollectionQuery : public QObject
{
    Q_OBJECT

private slots:
    // Six notes n1..n6 (n6 deleted) with one value of every type each.
    void init();
    void cleanup();

    void filters_data();
    void filters();
    void queryErrors_data();
    void queryErrors();
    void sorting_data();
    void sorting();
    void limitAndOffset();
    void valuesReadBackAsWritten_data();
    void valuesReadBackAsWritten();
    void unreadableJsonColumnReadsAsNull();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_notes = nullptr;
};

void TestCollectionQuery::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_notes = m_fixture->add(kNotesSpec);
    QVERIFY(m_notes);
    const QList<QJsonObject> rows{
        {{"id", "n1"},
         {"title", "apple"},
         {"count", 3},
         {"rating", 1.5},
         {"done", true},
         {"day", "2026-03-01"},
         {"at", "2026-03-26T10:00:00.000Z"},
         {"kind", "low"},
         {"size", 1},
         {"extra", QJsonObject{{"x", 1}}}},
        {{"id", "n2"},
         {"title", "banana"},
         {"count", 1},
         {"rating", 2.5},
         {"done", false},
         {"day", "2026-03-02"},
         {"at", "2026-03-26T12:00:00.000Z"},
         {"kind", "high"},
         {"size", 2}},
        {{"id", "n3"},
         {"title", "cherry"},
         {"count", 2},
         {"at", "2026-03-26T14:30:00.000Z"},
         {"kind", "low"},
         {"size", 2}},
        {{"id", "n4"},
         {"title", "date"},
         {"rating", 0.5},
         {"done", true},
         {"day", "2026-03-04"},
         {"size", 3}},
        {{"id", "n5"},
         {"title", "elder"},
         {"count", 5},
         {"rating", 10},
         {"done", false},
         {"day", "2026-02-28"},
         {"at", "2026-03-27T00:00:00.000Z"},
         {"kind", "medium"},
         {"size", 1}},
        {{"id", "n6"}, {"title", "fig"}, {"count", 4}, {"kind", "low"}, {"size", 9}},
    };
    for (const QJsonObject &row : rows) {
        m_fixture->clock.advance(1000);
        const WriteResult result = m_notes->insert(row);
        QVERIFY2(result, qPrintable(result.error));
    }
    QVERIFY(m_notes->remove("n6"));
}

void TestCollectionQuery::filters_data()
{
    QTest::addColumn<Query>("query");
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const QString &field, Op op, const QJsonValue &value,
                  const QStringList &expected) {
        QTest::newRow(name) << Query().where(field, op, value) << expected;
    };
    row("integer equal", "count", Op::Equal, 2, {"n3"});
    row("integer not equal (null counts as different)", "count", Op::NotEqual, 2,
        {"n1", "n2", "n4", "n5"});
    row("integer less", "count", Op::Less, 3, {"n2", "n3"});
    row("integer less or equal", "count", Op::LessOrEqual, 3, {"n1", "n2", "n3"});
    row("integer greater (deleted hidden)", "count", Op::Greater, 3, {"n5"});
    row("integer greater or equal", "count", Op::GreaterOrEqual, 3, {"n1", "n5"});
    row("number compares as a number", "rating", Op::Greater, 2, {"n2", "n5"});
    row("string range", "title", Op::Less, "c", {"n1", "n2"});
    row("string in", "title", Op::In, QJsonArray{"apple", "date", "zzz"}, {"n1", "n4"});
    row("integer in", "count", Op::In, QJsonArray{1, 5}, {"n2", "n5"});
    row("empty in", "count", Op::In, QJsonArray{}, {});
    row("is null", "count", Op::IsNull, {}, {"n4"});
    row("is not null", "count", Op::IsNotNull, {}, {"n1", "n2", "n3", "n5"});
    row("equal null is a null test", "count", Op::Equal, QJsonValue::Null, {"n4"});
    row("json is null", "extra", Op::IsNull, {}, {"n2", "n3", "n4", "n5"});
    row("boolean true", "done", Op::Equal, true, {"n1", "n4"});
    row("boolean false", "done", Op::Equal, false, {"n2", "n5"});
    row("enum equal", "kind", Op::Equal, "low", {"n1", "n3"});
    row("enum in", "kind", Op::In, QJsonArray{"low", "medium"}, {"n1", "n3", "n5"});
    row("date range", "day", Op::GreaterOrEqual, "2026-03-02", {"n2", "n4"});
    row("datetime range", "at", Op::Greater, "2026-03-26T12:00:00.000Z", {"n3", "n5"});
    row("datetime range with an offset", "at", Op::Less, "2026-03-26T13:00:00+01:00", {"n1"});
    row("default-filled integer", "size", Op::Equal, 2, {"n2", "n3"});
    row("by id", "id", Op::Equal, "n2", {"n2"});
    row("by createdAt", "createdAt", Op::Greater, formatTimestamp(kStartMillis + 3000),
        {"n4", "n5"});
    row("a value with SQL is just a value", "title", Op::Equal, "' OR '1'='1", {});
    row("contains", "title", Op::Contains, "an", {"n2"});
    row("contains ignores ASCII case", "title", Op::Contains, "ERR", {"n3"});
    row("contains an enum", "kind", Op::Contains, "ow", {"n1", "n3"});
    row("contains: % is a letter, not a wildcard", "title", Op::Contains, "%", {});
    row("contains: _ is a letter, not a wildcard", "title", Op::Contains, "a_e", {});
    QTest::newRow("two filters are AND-ed")
        << Query().where("kind", Op::Equal, "low").where("count", Op::Greater, 2)
        << QStringList{"n1"};
    Query withDeleted;
    withDeleted.includeDeleted = true;
    QTest::newRow("include deleted")
        << Query(withDeleted).where("kind", Op::Equal, "low") << QStringList{"n1", "n3", "n6"};
    QTest::newRow("only deleted") << Query(withDeleted).where("deletedAt", Op::IsNotNull)
                                  << QStringList{"n6"};
}

void TestCollectionQuery::filters()
{
    QFETCH(Query, query);
    QFETCH(QStringList, expected);
    QString error;
    QCOMPARE(idsOf(m_notes->query(query, &error)), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_notes->count(query, &error), expected.size());
}

void TestCollectionQuery::queryErrors_data()
{
    QTest::addColumn<Query>("query");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown field") << Query().where("colour", Op::Equal, "red") << "colour";
    QTest::newRow("SQL as a field name")
        << Query().where("title\" = title OR 1=1 --", Op::Equal, "x") << "OR 1=1";
    QTest::newRow("in without a list") << Query().where("count", Op::In, 3) << "count";
    QTest::newRow("json compared by value") << Query().where("extra", Op::Equal, "x") << "extra";
    QTest::newRow("unknown sort field") << Query().orderBy("colour") << "colour";
    QTest::newRow("SQL as a sort field")
        << Query().orderBy("title; DROP TABLE test_notes") << "DROP TABLE";
}

void TestCollectionQuery::queryErrors()
{
    QFETCH(Query, query);
    QFETCH(QString, mention);
    QString error;
    QVERIFY(m_notes->query(query, &error).isEmpty());
    QVERIFY2(error.contains(mention), qPrintable(error));
    if (query.sort.isEmpty()) {
        error.clear();
        QCOMPARE(m_notes->count(query, &error), -1);
        QVERIFY2(error.contains(mention), qPrintable(error));
    }
    QCOMPARE(m_notes->count(), 5); // nothing was dropped
}

void TestCollectionQuery::sorting_data()
{
    QTest::addColumn<QStringList>("keys"); // "-field" sorts descending
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("integer ascending, nulls first")
        << QStringList{"count"} << QStringList{"n4", "n2", "n3", "n1", "n5"};
    QTest::newRow("integer descending")
        << QStringList{"-count"} << QStringList{"n5", "n1", "n3", "n2", "n4"};
    QTest::newRow("number is numeric, not text")
        << QStringList{"rating"} << QStringList{"n3", "n4", "n1", "n2", "n5"};
    QTest::newRow("text descending")
        << QStringList{"-title"} << QStringList{"n5", "n4", "n3", "n2", "n1"};
    QTest::newRow("two keys") << QStringList{"kind", "-count"}
                              << QStringList{"n4", "n2", "n1", "n3", "n5"};
    QTest::newRow("ties in id order")
        << QStringList{"size"} << QStringList{"n1", "n5", "n2", "n3", "n4"};
    QTest::newRow("descending ties in id order")
        << QStringList{"-size"} << QStringList{"n4", "n2", "n3", "n1", "n5"};
    QTest::newRow("createdAt") << QStringList{"createdAt"}
                               << QStringList{"n1", "n2", "n3", "n4", "n5"};
    QTest::newRow("createdAt descending")
        << QStringList{"-createdAt"} << QStringList{"n5", "n4", "n3", "n2", "n1"};
    QTest::newRow("no keys: id order")
        << QStringList{} << QStringList{"n1", "n2", "n3", "n4", "n5"};
}

void TestCollectionQuery::sorting()
{
    QFETCH(QStringList, keys);
    QFETCH(QStringList, expected);
    Query query;
    for (const QString &key : keys)
        query.orderBy(key.startsWith(u'-') ? key.mid(1) : key, key.startsWith(u'-'));
    QString error;
    QCOMPARE(idsOf(m_notes->query(query, &error)), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCollectionQuery::limitAndOffset()
{
    auto page = [this](int limit, int offset) {
        Query query;
        query.orderBy("title").limit = limit;
        query.offset = offset;
        return idsOf(m_notes->query(query));
    };
    QCOMPARE(page(2, 0), (QStringList{"n1", "n2"}));
    QCOMPARE(page(2, 2), (QStringList{"n3", "n4"}));
    QCOMPARE(page(2, 4), QStringList{"n5"});
    QCOMPARE(page(-1, 3), (QStringList{"n4", "n5"}));
    QCOMPARE(page(2, 10), QStringList{});
    QCOMPARE(page(0, 0), QStringList{});
    QCOMPARE(page(2, -5), (QStringList{"n1", "n2"}));
    Query limited;
    limited.limit = 1;
    QCOMPARE(m_notes->count(limited), 5); // a count is of every match
}

// A query reads its rows as one JSON text (collectionquery.cpp); get()
// reads one value at a time. Both must give the values that were written,
// whatever characters and numbers they hold.
void TestCollectionQuery::valuesReadBackAsWritten_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    const QString allControls = [] {
        QString text;
        for (char16_t unit = 1; unit < 0x20; ++unit)
            text.append(QChar(unit));
        return text;
    }();
    QTest::newRow("empty string") << "title" << QJsonValue("");
    QTest::newRow("quotes") << "title" << QJsonValue(R"(say "hi")");
    QTest::newRow("backslashes") << "title" << QJsonValue(R"(C:\path\n not a newline)");
    QTest::newRow("control characters") << "title" << QJsonValue(allControls);
    QTest::newRow("tab, newline, return") << "body" << QJsonValue("a\tb\nc\rd");
    QTest::newRow("NUL inside") << "body" << QJsonValue(QString(QChar(0)) + "after");
    QTest::newRow("umlauts, emoji, snowman")
        << "title" << QJsonValue(QString::fromUtf8("Grüße 🍎 — ☃"));
    QTest::newRow("line separator") << "title" << QJsonValue(QString(QChar(0x2028)));
    QTest::newRow("long text") << "body" << QJsonValue(QString(10000, u'x'));
    QTest::newRow("fraction") << "rating" << QJsonValue(0.1);
    QTest::newRow("tiny") << "rating" << QJsonValue(1e-7);
    QTest::newRow("huge") << "rating" << QJsonValue(1e300);
    QTest::newRow("negative") << "rating" << QJsonValue(-2.5);
    QTest::newRow("whole number as number") << "rating" << QJsonValue(3.0);
    QTest::newRow("largest exact integer") << "count" << QJsonValue(qint64(9007199254740991));
    QTest::newRow("negative integer") << "count" << QJsonValue(-42);
    QTest::newRow("true") << "done" << QJsonValue(true);
    QTest::newRow("false") << "done" << QJsonValue(false);
    QTest::newRow("json object")
        << "extra"
        << QJsonValue(QJsonObject{{"a", QJsonArray{1, R"(x"y)", QJsonObject{{"b", QJsonValue()}}}},
                                  {"c", true}});
    QTest::newRow("json array") << "extra" << QJsonValue(QJsonArray{1.5, "two", QJsonArray{}});
    QTest::newRow("json string") << "extra" << QJsonValue(R"(a "quoted" \ string)");
    QTest::newRow("json number") << "extra" << QJsonValue(2.5);
    QTest::newRow("enum") << "kind" << QJsonValue("medium");
    QTest::newRow("date") << "day" << QJsonValue("2026-12-01");
}

void TestCollectionQuery::valuesReadBackAsWritten()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject values{{"id", "v1"}, {"title", "t"}};
    values.insert(field, value);
    const WriteResult written = m_notes->insert(values);
    QVERIFY2(written, qPrintable(written.error));
    QString error;
    const QList<QJsonObject> rows = m_notes->query(Query().where("id", Op::Equal, "v1"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().value(field), value);
    QCOMPARE(rows.first(), *m_notes->get("v1"));
}

// A json column whose text is not JSON (written by something else) reads as
// null, through a query as through get(), and the other rows still come.
void TestCollectionQuery::unreadableJsonColumnReadsAsNull()
{
    const QString table = m_notes->spec().tableName;
    {
        RawConnection raw(m_fixture->path());
        QVERIFY(raw.exec(
            QStringLiteral("UPDATE %1 SET extra = '{\"broken\": [' WHERE id = 'n1'").arg(table)));
        QVERIFY(raw.exec(
            QStringLiteral("UPDATE %1 SET extra = '1}, {\"x\": 2' WHERE id = 'n2'").arg(table)));
    }
    const QList<QJsonObject> rows = m_notes->query(Query().orderBy("title"));
    QCOMPARE(idsOf(rows), (QStringList{"n1", "n2", "n3", "n4", "n5"}));
    QCOMPARE(rows.at(0).value("extra"), QJsonValue(QJsonValue::Null));
    QCOMPARE(rows.at(0).value("title"), QJsonValue("apple"));
    QCOMPARE(rows.at(0), *m_notes->get("n1"));
    QCOMPARE(rows.at(1), *m_notes->get("n2"));
}

void TestCollectionQuery::cleanup()
{
    m_notes = nullptr;
    m_fixture.reset();
}

QTEST_GUILESS_MAIN(TestCollectionQuery)
#include "tst_collectionquery.moc"
