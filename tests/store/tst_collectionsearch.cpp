// Full-text search through the store (Query::search, Collection::searchField):
// what typed words find (case, accents, word starts, several words), that
// nothing a user types is an FTS5 operator or a syntax error, and that the
// index follows every write - local edits, soft deletes and restores,
// remote merges that rewrite a record - and the migrations that make or
// remake it. The index catches up with the rows writes noted: before a
// search (inside a transaction or not), in chunks when the app is idle, and
// after a reopen with rows still noted; a rollback takes its notes along.
// Every test ends by checking the index, caught up, against the table:
// FTS5's own integrity-check does not compare an external-content index
// with its table (SQLite 3.40), so the check rebuilds the index from the
// table and compares every word it held before with what it holds after.
#include "storetestsupport.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlRecord>
#include <QTest>

Q_DECLARE_METATYPE(mana::wire::Change)

using namespace mana;
using namespace mana::test;

namespace {

using Op = Query::Op;

const QByteArray kSearchSpec = R"({"name":"notes","fields":[
    {"name":"title","type":"string"},
    {"name":"body","type":"text?"},
    {"name":"kind","type":"low|medium|high?"},
    {"name":"n","type":"integer?"}],
    "indexes":[["n"]]})";
const QString kTable = QStringLiteral("test_notes");
const QString kIndex = QStringLiteral("_fts_test_notes");
const QString kNotes = QStringLiteral("_fts_pending_test_notes");

// The triggers of schema 3 before the index caught up, which wrote the index
// in every write (as SQLite keeps them).
const QStringList kInStepTriggers{
    QStringLiteral("CREATE TRIGGER \"_fts_test_notes_insert\" AFTER INSERT ON \"test_notes\" "
                   "BEGIN INSERT INTO \"_fts_test_notes\" (rowid, \"title\", \"body\") VALUES "
                   "(new.rowid, new.\"title\", new.\"body\"); END"),
    QStringLiteral("CREATE TRIGGER \"_fts_test_notes_delete\" AFTER DELETE ON \"test_notes\" "
                   "BEGIN INSERT INTO \"_fts_test_notes\" (\"_fts_test_notes\", rowid, \"title\", "
                   "\"body\") VALUES ('delete', old.rowid, old.\"title\", old.\"body\"); END"),
    QStringLiteral("CREATE TRIGGER \"_fts_test_notes_update\" AFTER UPDATE OF \"title\", \"body\" "
                   "ON \"test_notes\" WHEN old.\"title\" IS NOT new.\"title\" OR old.\"body\" IS "
                   "NOT new.\"body\" BEGIN INSERT INTO \"_fts_test_notes\" (\"_fts_test_notes\", "
                   "rowid, \"title\", \"body\") VALUES ('delete', old.rowid, old.\"title\", "
                   "old.\"body\"); INSERT INTO \"_fts_test_notes\" (rowid, \"title\", \"body\") "
                   "VALUES (new.rowid, new.\"title\", new.\"body\"); END"),
};

// r7 is deleted in init(); r6 is stored decomposed (NFD), as text pasted
// from some platforms comes.
QList<QJsonObject> records()
{
    return {
        {{"id", "r1"},
         {"title", "Café order"},
         {"body", "Two espressos and a croissant"},
         {"kind", "high"},
         {"n", 1}},
        {{"id", "r2"}, {"title", "Cafeteria menu"}, {"kind", "low"}, {"n", 2}},
        {{"id", "r3"},
         {"title", "Go shopping"},
         {"body", "Milk & bread; don't forget the Straße-Fest"},
         {"kind", "high"},
         {"n", 3}},
        {{"id", "r4"},
         {"title", "Übungskarten für Französisch"},
         {"body", "NEAR the AND OR operators"},
         {"kind", "low"},
         {"n", 4}},
        {{"id", "r5"},
         {"title", "Report 3.5 draft"},
         {"body", "x*y = \"quoted\" text: done^2"},
         {"kind", "high"},
         {"n", 5}},
        {{"id", "r6"}, {"title", QStringLiteral("nai\u0308ve re\u0301sume\u0301")}, {"n", 6}},
        {{"id", "r7"}, {"title", "Café deleted"}, {"kind", "high"}, {"n", 7}},
    };
}

const QStringList kLive{"r1", "r2", "r3", "r4", "r5", "r6"};

QStringList idsOf(const QList<QJsonObject> &rows)
{
    QStringList ids;
    for (const QJsonObject &row : rows)
        ids.append(row.value("id").toString());
    return ids;
}

QString at(Millis offset)
{
    return formatTimestamp(kStartMillis + offset);
}

wire::Change change(wire::ChangeOp op, const QString &id, const QMap<QString, FieldState> &fields)
{
    wire::Change change;
    change.table = QStringLiteral("notes");
    change.id = id;
    change.op = op;
    change.fields = fields;
    return change;
}

FieldState remote(const QJsonValue &value, Millis offset = 60000)
{
    return {value, at(offset), QStringLiteral("zzzz-remote")};
}

// Every word the index holds, with its row, column and position.
QStringList indexedWords(const LocalStore &store, const QString &table, QString *error)
{
    QSqlQuery query(store.database());
    const QString vocab = QStringLiteral("temp.\"vocab_%1\"").arg(table);
    QStringList words;
    if (!query.exec(QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5vocab(main, '_fts_%2', "
                                   "'instance')")
                        .arg(vocab, table)) ||
        !query.exec(QStringLiteral("SELECT term, doc, col, offset FROM %1").arg(vocab))) {
        *error = query.lastError().text();
        return {};
    }
    while (query.next())
        words.append(QStringLiteral("%1 @%2 %3 %4")
                         .arg(query.value(0).toString(), query.value(1).toString(),
                              query.value(2).toString(), query.value(3).toString()));
    query.finish();
    query.exec(QStringLiteral("DROP TABLE %1").arg(vocab));
    words.sort();
    return words;
}

// Every collection's index takes all its noted rows (defined below the
// test class, the store's friend).
bool catchUpAll(LocalStore &store, QString *error);

// Empty when the index holds exactly the words of the table's rows: what
// it holds now against what a rebuild from the table makes. Rows still
// noted are taken first, as a search would.
QString indexMismatch(LocalStore &store, const QString &table)
{
    QString error;
    if (!catchUpAll(store, &error))
        return error;
    const QStringList before = indexedWords(store, table, &error);
    QSqlQuery rebuild(store.database());
    if (error.isEmpty() && !rebuild.exec(QStringLiteral("INSERT INTO \"_fts_%1\" (\"_fts_%1\") "
                                                        "VALUES ('rebuild')")
                                             .arg(table)))
        error = rebuild.lastError().text();
    const QStringList after = error.isEmpty() ? indexedWords(store, table, &error) : QStringList();
    if (!error.isEmpty())
        return error;
    if (before == after)
        return {};
    QStringList stale;
    QStringList missing;
    for (const QString &word : before) {
        if (!after.contains(word))
            stale.append(word);
    }
    for (const QString &word : after) {
        if (!before.contains(word))
            missing.append(word);
    }
    return QStringLiteral("stale: %1; missing: %2")
        .arg(stale.join(QStringLiteral(", ")), missing.join(QStringLiteral(", ")));
}

QStringList indexColumns(const LocalStore &store)
{
    QSqlQuery query(store.database());
    QStringList columns;
    if (query.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(kIndex))) {
        while (query.next())
            columns.append(query.value(1).toString());
    }
    return columns;
}

QMap<QString, qint64> rowids(const LocalStore &store)
{
    QSqlQuery query(store.database());
    QMap<QString, qint64> ids;
    query.exec(QStringLiteral("SELECT id, rowid FROM \"%1\"").arg(kTable));
    while (query.next())
        ids.insert(query.value(0).toString(), query.value(1).toLongLong());
    return ids;
}

} // namespace

class TestCollectionSearch : public QObject
{
    Q_OBJECT

public:
    // The store's own catch-up (private; this test is its friend).
    static bool catchUpAll(LocalStore &store, QString *error)
    {
        qint64 rows = 0;
        bool more = false;
        return store.catchUpSearchIndexes(0, &rows, &more, error);
    }

private slots:
    void init();
    void cleanup();

    void search_data();
    void search();
    void searchWithFiltersSortAndPaging();
    void collectionWithoutText();
    void manyWords();

    void editsMoveTheWords_data();
    void editsMoveTheWords();
    void deleteAndRestore();
    void remoteMerges_data();
    void remoteMerges();

    void searchField_data();
    void searchField();
    void searchFieldRefusals();
    void searchFields_data();
    void searchFields();
    void searchFieldsRefusals();
    void searchFieldReadsOnlyTheLimit();

    void searchesCatchUpFirst_data();
    void searchesCatchUpFirst();
    void searchInsideATransaction_data();
    void searchInsideATransaction();
    void catchUpInChunks();
    void idleCatchUpLeavesNoNotes();
    void reopenWithNotedRows_data();
    void reopenWithNotedRows();
    void rollbackTakesItsNotes_data();
    void rollbackTakesItsNotes();

    void storeWithoutIndexIsMigrated();
    void inStepIndexIsKept();
    void olderBuildInBetween();
    void specChangesRemakeTheIndex();
    void unchangedSpecKeepsTheIndex();
    void fieldNamedLikeAnFtsColumnIsLeftOut();

private:
    // Rows noted and not yet taken by the index.
    int noted() const
    {
        return storeScalar(*m_fixture->store,
                           QStringLiteral("SELECT count(*) FROM \"%1\"").arg(kNotes))
            .toInt();
    }
    // Rows of the index that hold `word`, read from the index itself (a
    // search would catch up first).
    int indexed(const QString &word) const
    {
        return storeScalar(*m_fixture->store,
                           QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%1\" MATCH '%2'")
                               .arg(kIndex, word))
            .toInt();
    }
    QStringList storedTriggers() const
    {
        QSqlQuery query(m_fixture->store->database());
        query.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                                  "tbl_name = '%1' ORDER BY name")
                       .arg(kTable));
        QStringList triggers;
        while (query.next())
            triggers.append(query.value(0).toString());
        return triggers;
    }
    // The ids (in id order) of the records `query` finds with `text`;
    // count() must agree.
    QStringList find(const QString &text, Query query = {})
    {
        query.search = text;
        QString error;
        const QStringList ids = idsOf(m_notes->query(query, &error));
        if (!error.isEmpty())
            qWarning("query: %s", qPrintable(error));
        const int count = m_notes->count(query, &error);
        if (query.limit < 0 && query.offset == 0 && !query.after && count != ids.size())
            qWarning("count() says %d, query() found %lld", count, qlonglong(ids.size()));
        return ids;
    }
    bool apply(const QList<wire::Change> &changes)
    {
        QString error;
        const bool ok = m_fixture->store->applyRemoteChanges("test", changes,
                                                             QStringLiteral("zzzz-remote"), &error);
        if (!ok)
            qWarning("applyRemoteChanges: %s", qPrintable(error));
        return ok;
    }

    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_notes = nullptr;
};

void TestCollectionSearch::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    QString error;
    QCOMPARE(m_notes->insertMany(records(), &error).size(), records().size());
    QVERIFY(m_notes->remove("r7"));
}

void TestCollectionSearch::cleanup()
{
    if (m_fixture && m_fixture->store->isOpen() &&
        storeScalar(*m_fixture->store,
                    "SELECT count(*) FROM sqlite_master WHERE name = '" + kIndex + "'")
                .toInt() == 1) {
        const QString mismatch = indexMismatch(*m_fixture->store, kTable);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    }
    m_notes = nullptr;
    m_fixture.reset();
}

void TestCollectionSearch::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("word start") << "caf" << QStringList{"r1", "r2"};
    QTest::newRow("accent ignored") << "cafe" << QStringList{"r1", "r2"};
    QTest::newRow("case and accent typed") << "CAFÉ" << QStringList{"r1", "r2"};
    QTest::newRow("two words") << "café ord" << QStringList{"r1"};
    QTest::newRow("two words, capitals") << "CAFÉ ord" << QStringList{"r1"};
    QTest::newRow("words in any order") << "menu caf" << QStringList{"r2"};
    QTest::newRow("umlaut as plain letter") << "ubung" << QStringList{"r4"};
    QTest::newRow("umlaut typed, capitals") << "ÜBUNG" << QStringList{"r4"};
    QTest::newRow("umlaut inside a word") << "franzos" << QStringList{"r4"};
    QTest::newRow("short word") << "fur" << QStringList{"r4"};
    QTest::newRow("sharp s") << "straße" << QStringList{"r3"};
    QTest::newRow("sharp s in capitals") << "STRAẞE" << QStringList{"r3"};
    // unicode61 folds case and marks, it does not spell ß as ss.
    QTest::newRow("sharp s spelt ss") << "strasse" << QStringList{};
    QTest::newRow("stored decomposed, typed plain") << "naive resume" << QStringList{"r6"};
    QTest::newRow("stored decomposed, typed composed") << "NAÏVE résumé" << QStringList{"r6"};
    QTest::newRow("word inside a word is not a start") << "hopping" << QStringList{};
    QTest::newRow("words of the body") << "espresso croissant" << QStringList{"r1"};
    QTest::newRow("words of title and body") << "cafe croissant" << QStringList{"r1"};
    QTest::newRow("every word must be there") << "cafe milk" << QStringList{};
    QTest::newRow("hyphenated word") << "fest" << QStringList{"r3"};
    QTest::newRow("number with a point") << "3.5" << QStringList{"r5"};
    QTest::newRow("points join words in order") << "5.3" << QStringList{};
    QTest::newRow("apostrophe") << "don't" << QStringList{"r3"};
    QTest::newRow("apostrophe left out") << "dont" << QStringList{};
    QTest::newRow("extra spaces and a tab") << "  cafe \t  order " << QStringList{"r1"};
    QTest::newRow("parentheses") << "milk (bread)" << QStringList{"r3"};
    QTest::newRow("deleted record") << "deleted" << QStringList{};
    // What FTS5 would read as its own syntax is only text.
    QTest::newRow("quotes") << "\"quoted\"" << QStringList{"r5"};
    QTest::newRow("unbalanced quote") << "\"quo" << QStringList{"r5"};
    QTest::newRow("quotes around two words") << "\"cafe order\"" << QStringList{"r1"};
    QTest::newRow("star after") << "caf*" << QStringList{"r1", "r2"};
    QTest::newRow("star before") << "*caf" << QStringList{"r1", "r2"};
    QTest::newRow("star inside") << "x*y" << QStringList{"r5"};
    QTest::newRow("AND is a word") << "AND" << QStringList{"r1", "r4"};
    QTest::newRow("OR is a word start") << "OR" << QStringList{"r1", "r4"};
    QTest::newRow("OR between words") << "cafe OR menu" << QStringList{};
    QTest::newRow("NOT is a word") << "NOT" << QStringList{};
    QTest::newRow("NEAR(") << "NEAR(" << QStringList{"r4"};
    QTest::newRow("NEAR group") << "NEAR(cafe order)" << QStringList{};
    QTest::newRow("minus is no exclusion") << "cafe -order" << QStringList{"r1"};
    QTest::newRow("minus before a word") << "-cafe" << QStringList{"r1", "r2"};
    QTest::newRow("column filter is text") << "title:cafe" << QStringList{};
    QTest::newRow("colon after a word") << "text:" << QStringList{"r5"};
    QTest::newRow("braces") << "{title} cafe" << QStringList{};
    QTest::newRow("caret before") << "^cafe" << QStringList{"r1", "r2"};
    QTest::newRow("caret inside") << "done^2" << QStringList{"r5"};
    QTest::newRow("plus") << "+cafe" << QStringList{"r1", "r2"};
    // No word at all: nothing is asked for, as with an empty search.
    QTest::newRow("empty") << "" << kLive;
    QTest::newRow("a quote alone") << "\"" << kLive;
    QTest::newRow("a star alone") << "*" << kLive;
    QTest::newRow("a colon alone") << ":" << kLive;
    QTest::newRow("a minus alone") << "-" << kLive;
    QTest::newRow("punctuation only") << "()^ -- !! ' ," << kLive;
    QTest::newRow("punctuation beside a word") << "cafe --" << QStringList{"r1", "r2"};
}

void TestCollectionSearch::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Query query;
    query.search = text;
    QString error;
    QCOMPARE(idsOf(m_notes->query(query, &error)), expected);
    QCOMPARE(error, QString());
    QCOMPARE(m_notes->count(query, &error), expected.size());
    QCOMPARE(error, QString());
}

void TestCollectionSearch::searchWithFiltersSortAndPaging()
{
    Query kind;
    kind.where("kind", Op::Equal, "high");
    QCOMPARE(find("cafe", kind), (QStringList{"r1"}));
    Query excluded;
    excluded.exclude({{"kind", Op::Equal, "low"}});
    QCOMPARE(find("cafe", excluded), (QStringList{"r1"}));
    QCOMPARE(find("cafe", withDeletedRecords()), (QStringList{"r1", "r2", "r7"}));

    Query newestFirst;
    newestFirst.orderBy("n", true);
    QCOMPARE(find("cafe", newestFirst), (QStringList{"r2", "r1"}));
    newestFirst.limit = 1;
    QCOMPARE(find("cafe", newestFirst), (QStringList{"r2"}));
    newestFirst.offset = 1;
    QCOMPARE(find("cafe", newestFirst), (QStringList{"r1"}));

    // Paging by key through the matches of "the" (r3 "Go shopping", r4
    // "Übungskarten…") in title order.
    Query page;
    page.orderBy("title").orderBy("id");
    page.limit = 1;
    QStringList paged;
    for (int i = 0; i < 4; ++i) {
        const QList<QJsonObject> rows = [&] {
            Query next = page;
            next.search = "the";
            return m_notes->query(next);
        }();
        if (rows.isEmpty())
            break;
        paged.append(rows.first().value("id").toString());
        page.after = rows.first();
    }
    QCOMPARE(paged, (QStringList{"r3", "r4"}));

    Query counted;
    counted.search = "cafe";
    QCOMPARE(m_notes->count(counted), 2);
    const QHash<QString, int> perKind = m_notes->countBy("kind", counted);
    QCOMPARE(perKind, (QHash<QString, int>{{"high", 1}, {"low", 1}}));
    counted.includeDeleted = true;
    QCOMPARE(m_notes->count(counted), 3);
}

// A collection without string or text fields has no index; a search there
// is refused with a sentence, even one of punctuation only.
void TestCollectionSearch::collectionWithoutText()
{
    Collection *numbers =
        m_fixture->add(R"({"name":"numbers","fields":[{"name":"n","type":"integer"}]})");
    QVERIFY(numbers);
    QVERIFY(numbers->insert({{"n", 1}}));
    QCOMPARE(storeScalar(*m_fixture->store,
                         "SELECT count(*) FROM sqlite_master WHERE name LIKE '_fts_test_numbers%'")
                 .toInt(),
             0);
    for (const QString &text : {QStringLiteral("1"), QStringLiteral("--")}) {
        Query query;
        query.search = text;
        QString error;
        QVERIFY(numbers->query(query, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("numbers has no text to search in."));
        error.clear();
        QCOMPARE(numbers->count(query, &error), -1);
        QCOMPARE(error, QStringLiteral("numbers has no text to search in."));
    }
}

// A pasted paragraph is many words; FTS5 limits how deep a query may nest.
void TestCollectionSearch::manyWords()
{
    QStringList same(300, QStringLiteral("cafe"));
    QCOMPARE(find(same.join(u' ')), (QStringList{"r1", "r2"}));
    QStringList different;
    for (int i = 0; i < 300; ++i)
        different.append(QStringLiteral("word%1").arg(i));
    Query query;
    query.search = different.join(u' ');
    QString error;
    QVERIFY(m_notes->query(query, &error).isEmpty());
    QCOMPARE(error, QString());
}

void TestCollectionSearch::editsMoveTheWords_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QJsonObject>("edit");
    QTest::addColumn<QString>("gone");  // finds the record no more (empty: nothing gone)
    QTest::addColumn<QString>("found"); // finds it now

    QTest::newRow("title replaced") << "r2" << QJsonObject{{"title", "Tea room"}} << "cafeteria"
                                    << "tea room";
    QTest::newRow("title and body replaced")
        << "r1" << QJsonObject{{"title", "Tea"}, {"body", "Green leaves"}} << "croissant"
        << "tea green";
    QTest::newRow("body cleared") << "r1" << QJsonObject{{"body", QJsonValue::Null}} << "espresso"
                                  << "cafe order";
    QTest::newRow("body written where there was none")
        << "r2" << QJsonObject{{"body", "with pastries"}} << ""
        << "menu pastries";
    QTest::newRow("a field that is not text")
        << "r1" << QJsonObject{{"kind", "low"}, {"n", 10}} << ""
        << "espresso";
    QTest::newRow("same title again") << "r1" << QJsonObject{{"title", "Café order"}} << ""
                                      << "cafe order";
}

void TestCollectionSearch::editsMoveTheWords()
{
    QFETCH(QString, id);
    QFETCH(QJsonObject, edit);
    QFETCH(QString, gone);
    QFETCH(QString, found);
    QVERIFY(m_notes->update(id, edit));
    if (!gone.isEmpty())
        QVERIFY2(!find(gone).contains(id), qPrintable(gone));
    QVERIFY2(find(found).contains(id), qPrintable(found));
}

// Deletes are soft: the record keeps its words in the index (a query with
// deleted records finds it) and a restore finds it again.
void TestCollectionSearch::deleteAndRestore()
{
    QVERIFY(m_notes->remove("r1"));
    QCOMPARE(find("cafe"), (QStringList{"r2"}));
    QCOMPARE(find("cafe", withDeletedRecords()), (QStringList{"r1", "r2", "r7"}));
    QVERIFY(m_notes->restore("r1"));
    QCOMPARE(find("cafe"), (QStringList{"r1", "r2"}));
    // Edited while deleted (a remote edit can do that): the new words count.
    QVERIFY(m_notes->remove("r1"));
    QVERIFY(apply({change(wire::ChangeOp::Update, "r1", {{"title", remote("Tea order")}})}));
    QVERIFY(m_notes->restore("r1"));
    QCOMPARE(find("cafe"), (QStringList{"r2"}));
    QCOMPARE(find("tea"), (QStringList{"r1"}));
}

void TestCollectionSearch::remoteMerges_data()
{
    QTest::addColumn<QList<wire::Change>>("changes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("oldText"); // words the change took away
    using wire::ChangeOp;

    QTest::newRow("insert of a new record")
        << QList<wire::Change>{change(
               ChangeOp::Insert, "r8",
               {{"title", remote("Remote café")}, {"body", remote("from the server")}})}
        << "cafe" << QStringList{"r1", "r2", "r8"} << "";
    QTest::newRow("update that replaces a title")
        << QList<wire::Change>{change(ChangeOp::Update, "r2", {{"title", remote("Tea room")}})}
        << "tea" << QStringList{"r2"} << "cafeteria";
    QTest::newRow("insert over an existing record")
        << QList<wire::Change>{change(ChangeOp::Insert, "r3",
                                      {{"title", remote("Shopping list")},
                                       {"body", remote("eggs")},
                                       {"kind", remote("low")}})}
        << "shopping eggs" << QStringList{"r3"} << "milk";
    QTest::newRow("update of a field that is not text")
        << QList<wire::Change>{change(ChangeOp::Update, "r1", {{"kind", remote("low")}})}
        << "croissant" << QStringList{"r1"} << "";
    QTest::newRow("older title loses")
        << QList<wire::Change>{change(ChangeOp::Update, "r2",
                                      {{"title", remote("Old name", -60000)}})}
        << "cafeteria" << QStringList{"r2"} << "old name";
    QTest::newRow("delete") << QList<wire::Change>{change(ChangeOp::Update, "r1",
                                                          {{"deletedAt", remote(at(60000))}})}
                            << "cafe" << QStringList{"r2"} << "";
    QTest::newRow("restore") << QList<wire::Change>{change(
                                    ChangeOp::Update, "r7",
                                    {{"deletedAt", remote(QJsonValue::Null)}})}
                             << "cafe" << QStringList{"r1", "r2", "r7"} << "";
    QTest::newRow("two titles in one batch")
        << QList<wire::Change>{change(ChangeOp::Update, "r2", {{"title", remote("First")}}),
                               change(ChangeOp::Update, "r2", {{"title", remote("Second", 70000)}})}
        << "second" << QStringList{"r2"} << "first";
}

void TestCollectionSearch::remoteMerges()
{
    QFETCH(QList<wire::Change>, changes);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QString, oldText);
    const QMap<QString, qint64> rowidsBefore = rowids(*m_fixture->store);
    QVERIFY(apply(changes));
    QCOMPARE(find(text), expected);
    if (!oldText.isEmpty())
        QCOMPARE(find(oldText, withDeletedRecords()), QStringList());
    // The merge updates the row where it is: its rowid (the index's key and
    // the local insertion order) stays.
    const QMap<QString, qint64> rowidsAfter = rowids(*m_fixture->store);
    for (auto it = rowidsBefore.begin(); it != rowidsBefore.end(); ++it)
        QCOMPARE(rowidsAfter.value(it.key()), it.value());
}

void TestCollectionSearch::searchField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected"); // in the order given: newest first

    QTest::newRow("newest first") << "title"
                                  << "caf" << 10 << QStringList{"r2", "r1"};
    // r7, the newest match, is deleted and not counted against the limit.
    QTest::newRow("limit") << "title"
                           << "caf" << 1 << QStringList{"r2"};
    QTest::newRow("limit 0") << "title"
                             << "caf" << 0 << QStringList{};
    QTest::newRow("only that field") << "title"
                                     << "espresso" << 10 << QStringList{};
    QTest::newRow("another field") << "body"
                                   << "espresso" << 10 << QStringList{"r1"};
    QTest::newRow("case and accents") << "title"
                                      << "ÜBUNG" << 10 << QStringList{"r4"};
    QTest::newRow("several words") << "title"
                                   << "go shop" << 10 << QStringList{"r3"};
    QTest::newRow("words split over fields") << "title"
                                             << "cafe croissant" << 10 << QStringList{};
    QTest::newRow("operators are text") << "title"
                                        << "cafe OR menu" << 10 << QStringList{};
    QTest::newRow("column filter is text") << "title"
                                           << "body:espresso" << 10 << QStringList{};
    QTest::newRow("no word") << "title"
                             << "--" << 10 << QStringList{};
}

void TestCollectionSearch::searchField()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QString error;
    QCOMPARE(idsOf(m_notes->searchField(field, text, limit, &error)), expected);
    QCOMPARE(error, QString());
}

void TestCollectionSearch::searchFieldRefusals()
{
    for (const char *field : {"n", "kind", "missing", "id"}) {
        QString error;
        QVERIFY(m_notes->searchField(QString::fromLatin1(field), "1", 5, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("notes has no text field \"%1\" to search in.")
                            .arg(QString::fromLatin1(field)));
    }
}

void TestCollectionSearch::searchFields_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected"); // in the order given: newest first

    const QStringList both{"title", "body"};
    QTest::newRow("words split over fields") << both << "cafe croissant" << 10 << QStringList{"r1"};
    QTest::newRow("split, the other way round")
        << both << "espresso order" << 10 << QStringList{"r1"};
    QTest::newRow("split, accents and case")
        << both << "UBUNG operators" << 10 << QStringList{"r4"};
    QTest::newRow("all in one field") << both << "go shop" << 10 << QStringList{"r3"};
    QTest::newRow("newest first") << both << "caf" << 10 << QStringList{"r2", "r1"};
    QTest::newRow("limit") << both << "caf" << 1 << QStringList{"r2"};
    QTest::newRow("words of two records") << both << "menu croissant" << 10 << QStringList{};
    QTest::newRow("a field not listed")
        << QStringList{"title"} << "cafe croissant" << 10 << QStringList{};
    QTest::newRow("one field as searchField")
        << QStringList{"body"} << "espresso" << 10 << QStringList{"r1"};
    QTest::newRow("operators are text") << both << "cafe OR menu" << 10 << QStringList{};
    QTest::newRow("column filter is text") << both << "title:cafe" << 10 << QStringList{};
    QTest::newRow("no word") << both << "--" << 10 << QStringList{};
}

void TestCollectionSearch::searchFields()
{
    QFETCH(QStringList, fields);
    QFETCH(QString, text);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QString error;
    QCOMPARE(idsOf(m_notes->searchFields(fields, text, limit, &error)), expected);
    QCOMPARE(error, QString());
}

void TestCollectionSearch::searchFieldsRefusals()
{
    QString error;
    QVERIFY(m_notes->searchFields({"title", "kind"}, "cafe", 5, &error).isEmpty());
    QCOMPARE(error, QStringLiteral("notes has no text field \"kind\" to search in."));
    error.clear();
    QVERIFY(m_notes->searchFields({}, "cafe", 5, &error).isEmpty());
    QCOMPARE(error, QStringLiteral("notes: no field to search in."));
}

// A one-letter prefix that every title matches: the records read are the
// limit, the newest ones.
void TestCollectionSearch::searchFieldReadsOnlyTheLimit()
{
    QList<QJsonObject> items;
    for (int i = 0; i < 5000; ++i)
        items.append({{"id", QStringLiteral("i%1").arg(i, 4, 10, QChar(u'0'))},
                      {"title", QStringLiteral("Item %1").arg(i)}});
    QString error;
    QCOMPARE(m_notes->insertMany(items, &error).size(), items.size());
    m_notes->resetReadStats();
    QCOMPARE(idsOf(m_notes->searchField("title", "i", 3, &error)),
             (QStringList{"i4999", "i4998", "i4997"}));
    QCOMPARE(error, QString());
    QCOMPARE(m_notes->readStats().rowsRead, 3);
    QCOMPARE(m_notes->readStats().unboundedQueries, 0);
}

// Every way to search takes the rows writes noted before it reads the
// index: an edit (the index must forget the old words) and an insert.
void TestCollectionSearch::searchesCatchUpFirst_data()
{
    QTest::addColumn<QString>("how");
    for (const char *how : {"query", "count", "countBy", "searchField"})
        QTest::newRow(how) << QString::fromLatin1(how);
}

void TestCollectionSearch::searchesCatchUpFirst()
{
    QFETCH(QString, how);
    QVERIFY(m_notes->update("r2", {{"title", "Tea room"}}));
    QVERIFY(m_notes->insert({{"id", "r8"}, {"title", "Tea garden"}, {"kind", "low"}}));
    QVERIFY(noted() > 0);
    QCOMPARE(indexed("tea"), 0);
    auto search = [&](const QString &text) -> QStringList {
        Query query;
        query.search = text;
        QString error;
        QStringList found;
        if (how == u"query") {
            found = idsOf(m_notes->query(query, &error));
        } else if (how == u"count") {
            found = QStringList(m_notes->count(query, &error), QStringLiteral("?"));
        } else if (how == u"countBy") {
            const QHash<QString, int> perKind = m_notes->countBy("kind", query, &error);
            for (auto it = perKind.begin(); it != perKind.end(); ++it)
                found += QStringList(it.value(), QStringLiteral("?"));
        } else {
            found = idsOf(m_notes->searchField("title", text, 10, &error));
            found.sort();
        }
        if (!error.isEmpty())
            qWarning("%s: %s", qPrintable(how), qPrintable(error));
        return found;
    };
    const QStringList tea = search("tea");
    QCOMPARE(tea.size(), 2);
    if (how == u"query" || how == u"searchField")
        QCOMPARE(tea, (QStringList{"r2", "r8"}));
    QCOMPARE(noted(), 0);
    QCOMPARE(search("cafeteria"), QStringList());
}

// A search inside a transaction (a write's, or a read's where SQLite is
// called directly) catches up in a savepoint of it: it sees the
// transaction's own writes, and a rollback takes the catch-up back along
// with them, the notes included.
void TestCollectionSearch::searchInsideATransaction_data()
{
    QTest::addColumn<QString>("inside");
    QTest::addColumn<bool>("commit");
    QTest::newRow("no transaction") << "none" << true;
    QTest::newRow("write that commits") << "write" << true;
    QTest::newRow("write that rolls back") << "write" << false;
    QTest::newRow("read transaction") << "read" << true;
}

void TestCollectionSearch::searchInsideATransaction()
{
    QFETCH(QString, inside);
    QFETCH(bool, commit);
    LocalStore &store = *m_fixture->store;
    QString error;
    QVERIFY2(catchUpAll(store, &error), qPrintable(error));
    QVERIFY(m_notes->update("r2", {{"title", "Tea room"}}));
    QCOMPARE(noted(), 1);
    QStringList foundInside;
    if (inside == u"write") {
        const bool committed = store.inTransaction(
            [&](QString *stepError) {
                QSqlQuery write(store.database());
                if (!write.exec(QStringLiteral("UPDATE \"%1\" SET title = 'Green tea' WHERE id = "
                                               "'r1'")
                                    .arg(kTable))) {
                    *stepError = write.lastError().text();
                    return false;
                }
                foundInside = find("tea");
                if (!commit)
                    *stepError = QStringLiteral("rolled back on purpose");
                return commit;
            },
            &error);
        QCOMPARE(committed, commit);
        QCOMPARE(foundInside, (QStringList{"r1", "r2"}));
    } else if (inside == u"read") {
        const NativeSqlite::ReadTransaction snapshot(store.native());
        foundInside = find("tea");
        QCOMPARE(foundInside, QStringList{"r2"});
    } else {
        QCOMPARE(find("tea"), QStringList{"r2"});
    }
    // A rollback leaves the note of the edit before it, as it was.
    QCOMPARE(noted(), commit ? 0 : 1);
    QCOMPARE(find("tea"),
             commit && inside == u"write" ? (QStringList{"r1", "r2"}) : QStringList{"r2"});
    QCOMPARE(find("cafeteria"), QStringList());
    QCOMPARE(noted(), 0);
}

// The idle catch-up takes the oldest notes first, a chunk at a time, inserts
// (nothing to forget) and edits (old words to forget) alike.
void TestCollectionSearch::catchUpInChunks()
{
    QList<QJsonObject> items;
    for (int i = 0; i < 2500; ++i)
        items.append({{"id", QStringLiteral("c%1").arg(i, 4, 10, QChar(u'0'))},
                      {"title", QStringLiteral("Chunk %1").arg(i)}});
    QString error;
    QCOMPARE(m_notes->insertMany(items, &error).size(), items.size());
    const int first = noted(); // the records of init() too
    QCOMPARE(first, 2500 + int(records().size()));
    LocalStore &store = *m_fixture->store;
    qint64 rows = 0;
    bool more = false;
    QVERIFY2(store.catchUpSearchIndexes(1000, &rows, &more, &error), qPrintable(error));
    QCOMPARE(rows, 1000);
    QVERIFY(more);
    QCOMPARE(noted(), first - 1000);
    QCOMPARE(indexed("chunk"), 1000 - int(records().size()));
    QCOMPARE(indexed("cafe"), 2); // r1 and the deleted r7 (a word, not a prefix)

    // Edits of rows taken and of rows still noted.
    QList<wire::Change> renames;
    for (int i = 0; i < 2500; i += 2)
        renames.append(change(wire::ChangeOp::Update,
                              QStringLiteral("c%1").arg(i, 4, 10, QChar(u'0')),
                              {{"title", remote(QStringLiteral("Renamed %1").arg(i))}}));
    QVERIFY(apply(renames));
    QCOMPARE(noted(), first - 1000 + 497); // 497 of c0000-c0992 (taken) are even
    for (int round = 0; more; ++round) {
        QVERIFY2(store.catchUpSearchIndexes(1000, &rows, &more, &error), qPrintable(error));
        QVERIFY(rows <= 1000);
        QVERIFY(round < 3);
    }
    QCOMPARE(noted(), 0);
    QCOMPARE(indexed("chunk"), 1250);
    QCOMPARE(indexed("renamed"), 1250);
    QCOMPARE(m_notes->searchField("title", "chunk", 5000).size(), 1250);
}

// Left alone, the store catches up when the event loop runs, in chunks of
// kSearchCatchUpChunkRows, and leaves no note behind.
void TestCollectionSearch::idleCatchUpLeavesNoNotes()
{
    const int rows = LocalStore::kSearchCatchUpChunkRows * 2 + 500;
    QList<QJsonObject> items;
    for (int i = 0; i < rows; ++i)
        items.append({{"title", QStringLiteral("Idle %1").arg(i)}});
    QString error;
    QCOMPARE(m_notes->insertMany(items, &error).size(), items.size());
    QVERIFY(m_notes->update("r1", {{"title", "Tea"}}));
    QVERIFY(noted() > rows);
    QTRY_COMPARE_WITH_TIMEOUT(noted(), 0, 10000);
    QCOMPARE(indexed("idle"), rows);
    QCOMPARE(indexed("tea"), 1);
    QCOMPARE(indexed("cafe"), 1); // the deleted r7
}

// Closed (or crashed) with rows noted: they wait in the file, and the next
// session's first search, or its idle catch-up, takes them.
void TestCollectionSearch::reopenWithNotedRows_data()
{
    QTest::addColumn<bool>("idleFirst");
    QTest::newRow("search first") << false;
    QTest::newRow("idle first") << true;
}

void TestCollectionSearch::reopenWithNotedRows()
{
    QFETCH(bool, idleFirst);
    QVERIFY(m_notes->update("r2", {{"title", "Tea room"}}));
    QVERIFY(m_notes->insert({{"id", "r8"}, {"title", "Tea garden"}}));
    const int before = noted();
    QVERIFY(before > 0);
    m_fixture->reopen();
    QCOMPARE(noted(), before);
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    if (idleFirst) {
        QTRY_COMPARE(noted(), 0);
        QCOMPARE(indexed("tea"), 2);
    }
    QCOMPARE(find("tea"), (QStringList{"r2", "r8"}));
    QCOMPARE(find("cafeteria"), QStringList());
    QCOMPARE(noted(), 0);
}

// A write that fails rolls back its rows and their notes with it: nothing
// is left for the index to take.
void TestCollectionSearch::rollbackTakesItsNotes_data()
{
    QTest::addColumn<QString>("write");
    QTest::newRow("insertMany with a taken id") << "insertMany";
    QTest::newRow("remote batch with a bad timestamp") << "remote";
}

void TestCollectionSearch::rollbackTakesItsNotes()
{
    QFETCH(QString, write);
    QString error;
    QVERIFY2(catchUpAll(*m_fixture->store, &error), qPrintable(error));
    QCOMPARE(noted(), 0);
    if (write == u"insertMany") {
        QList<QJsonObject> items;
        for (int i = 0; i < 200; ++i)
            items.append({{"title", QStringLiteral("Tea %1").arg(i)}});
        items.append({{"id", "r1"}, {"title", "Tea again"}});
        QVERIFY(m_notes->insertMany(items, &error).isEmpty());
    } else {
        QVERIFY(!m_fixture->store->applyRemoteChanges(
            "test",
            {change(wire::ChangeOp::Update, "r2", {{"title", remote("Tea room")}}),
             change(wire::ChangeOp::Update, "r1",
                    {{"title", {QJsonValue("Tea"), "yesterday", "zzzz-remote"}}})},
            QStringLiteral("zzzz-remote"), &error));
    }
    QVERIFY(!error.isEmpty());
    QCOMPARE(noted(), 0);
    QCOMPARE(find("tea"), QStringList());
    QCOMPARE(find("cafe"), (QStringList{"r1", "r2"}));
}

// A profile of schema 2 has no full-text index: opening the collection
// makes it from the rows already there, deleted ones included.
void TestCollectionSearch::storeWithoutIndexIsMigrated()
{
    m_fixture->store->close();
    {
        RawConnection raw(m_fixture->path());
        for (const QString &statement : {QStringLiteral("DROP TRIGGER \"%1_insert\"").arg(kIndex),
                                         QStringLiteral("DROP TRIGGER \"%1_delete\"").arg(kIndex),
                                         QStringLiteral("DROP TRIGGER \"%1_update\"").arg(kIndex),
                                         QStringLiteral("DROP TABLE \"%1\"").arg(kNotes),
                                         QStringLiteral("DROP TABLE \"%1\"").arg(kIndex),
                                         QStringLiteral("UPDATE _schema_version SET version = 2")})
            QVERIFY2(raw.exec(statement), qPrintable(statement));
        QCOMPARE(raw.scalar("SELECT count(*) FROM sqlite_master WHERE name LIKE '_fts_%'").toInt(),
                 0);
    }
    m_fixture->reopen();
    QCOMPARE(storeScalar(*m_fixture->store, "SELECT version FROM _schema_version").toInt(),
             LocalStore::kSchemaVersion);
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    QCOMPARE(indexColumns(*m_fixture->store), (QStringList{"title", "body"}));
    QCOMPARE(find("cafe"), (QStringList{"r1", "r2"}));
    QCOMPARE(find("cafe", withDeletedRecords()), (QStringList{"r1", "r2", "r7"}));
    QCOMPARE(find("naive"), (QStringList{"r6"}));
    // The triggers are back: later writes reach the index.
    QVERIFY(m_notes->update("r2", {{"title", "Tea room"}}));
    QCOMPARE(find("cafe"), (QStringList{"r1"}));
    QCOMPARE(find("tea"), (QStringList{"r2"}));
}

// A profile of schema 3 before the index caught up: its triggers wrote the
// index in every write, so the index is in step with the table. Opening
// replaces the triggers and keeps the index as it is (a word put into it by
// hand is still there: no rebuild); later writes are noted.
void TestCollectionSearch::inStepIndexIsKept()
{
    QString error;
    QVERIFY2(catchUpAll(*m_fixture->store, &error), qPrintable(error));
    m_fixture->store->close();
    {
        RawConnection raw(m_fixture->path());
        QStringList statements{QStringLiteral("DROP TRIGGER \"%1_insert\"").arg(kIndex),
                               QStringLiteral("DROP TRIGGER \"%1_delete\"").arg(kIndex),
                               QStringLiteral("DROP TRIGGER \"%1_update\"").arg(kIndex),
                               QStringLiteral("DROP TABLE \"%1\"").arg(kNotes)};
        statements += kInStepTriggers;
        // Written by that build: its triggers keep the index in step.
        statements +=
            {QStringLiteral("UPDATE \"%1\" SET title = 'Tea room' WHERE id = 'r2'").arg(kTable),
             QStringLiteral("INSERT INTO \"%1\" (id, title, _fieldMeta) VALUES ('r8', "
                            "'Tea garden', '{}')")
                 .arg(kTable),
             QStringLiteral("INSERT INTO \"%1\" (rowid, title, body) VALUES (999999, "
                            "'zzmarker', NULL)")
                 .arg(kIndex)};
        for (const QString &statement : std::as_const(statements))
            QVERIFY2(raw.exec(statement), qPrintable(statement));
        QCOMPARE(raw.scalar("SELECT version FROM _schema_version").toInt(), 3);
    }
    m_fixture->reopen();
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    QCOMPARE(noted(), 0);
    QCOMPARE(indexed("zzmarker"), 1);
    const QStringList triggers = storedTriggers();
    QCOMPARE(triggers.size(), 3);
    for (const QString &trigger : triggers)
        QVERIFY2(trigger.contains(kNotes) &&
                     !trigger.contains(QStringLiteral("INSERT INTO \"%1\"").arg(kIndex)),
                 qPrintable(trigger));
    QCOMPARE(find("tea"), (QStringList{"r2", "r8"}));
    QCOMPARE(find("cafeteria"), QStringList());
    QVERIFY(m_notes->update("r1", {{"title", "Green tea"}}));
    QCOMPARE(noted(), 1);
    QCOMPARE(find("tea"), (QStringList{"r1", "r2", "r8"}));
    QSqlQuery remove(m_fixture->store->database());
    QVERIFY(remove.exec(QStringLiteral("INSERT INTO \"%1\" (\"%1\", rowid, title, body) VALUES "
                                       "('delete', 999999, 'zzmarker', NULL)")
                            .arg(kIndex)));
}

// This build left rows noted, a build of schema 3 before the index caught
// up opened the file (it remade the index from the table with its own
// triggers, and knows nothing of the notes) and wrote; this build again:
// the index is in step, and the old notes must not be taken a second time.
void TestCollectionSearch::olderBuildInBetween()
{
    QVERIFY(m_notes->update("r2", {{"title", "Tea room"}}));
    QVERIFY(noted() > 0);
    const QString indexSql =
        storeScalar(*m_fixture->store,
                    QStringLiteral("SELECT sql FROM sqlite_master WHERE name = '%1'").arg(kIndex))
            .toString();
    QVERIFY(!indexSql.isEmpty());
    m_fixture->store->close();
    {
        RawConnection raw(m_fixture->path());
        // What that build's addCollection does with this file.
        QStringList statements{QStringLiteral("DROP TRIGGER \"%1_update\"").arg(kIndex),
                               QStringLiteral("DROP TRIGGER \"%1_delete\"").arg(kIndex),
                               QStringLiteral("DROP TRIGGER \"%1_insert\"").arg(kIndex),
                               QStringLiteral("DROP TABLE \"%1\"").arg(kIndex), indexSql};
        statements += kInStepTriggers;
        statements +=
            {QStringLiteral("INSERT INTO \"%1\" (\"%1\") VALUES ('rebuild')").arg(kIndex),
             QStringLiteral("UPDATE \"%1\" SET title = 'Green tea' WHERE id = 'r1'").arg(kTable)};
        for (const QString &statement : std::as_const(statements))
            QVERIFY2(raw.exec(statement), qPrintable(statement));
        QVERIFY(raw.scalar(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(kNotes)).toInt() > 0);
    }
    m_fixture->reopen();
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    QCOMPARE(noted(), 0);
    QCOMPARE(find("tea"), (QStringList{"r1", "r2"}));
    QCOMPARE(find("cafe"), QStringList());
    QCOMPARE(indexMismatch(*m_fixture->store, kTable), QString());
}

// The index covers the text fields the spec declares now: one added, one
// dropped, none left, and back.
void TestCollectionSearch::specChangesRemakeTheIndex()
{
    const QByteArray withNote = R"({"name":"notes","fields":[
        {"name":"title","type":"string"},
        {"name":"body","type":"text?"},
        {"name":"kind","type":"low|medium|high?"},
        {"name":"n","type":"integer?"},
        {"name":"note","type":"text?"}]})";
    const QByteArray withoutBody = R"({"name":"notes","fields":[
        {"name":"title","type":"string"},
        {"name":"kind","type":"low|medium|high?"},
        {"name":"n","type":"integer?"},
        {"name":"note","type":"text?"}]})";
    const QByteArray withoutText = R"({"name":"notes","fields":[
        {"name":"kind","type":"low|medium|high?"},
        {"name":"n","type":"integer?"}]})";

    m_fixture->reopen();
    m_notes = m_fixture->add(withNote);
    QVERIFY(m_notes);
    QCOMPARE(indexColumns(*m_fixture->store), (QStringList{"title", "body", "note"}));
    QCOMPARE(find("cafe"), (QStringList{"r1", "r2"}));
    QVERIFY(m_notes->update("r1", {{"note", "Bring an umbrella"}}));
    QCOMPARE(find("umbrella"), (QStringList{"r1"}));
    QCOMPARE(find("umbrella espresso"), (QStringList{"r1"}));
    QCOMPARE(indexMismatch(*m_fixture->store, kTable), QString());

    m_fixture->reopen();
    m_notes = m_fixture->add(withoutBody);
    QVERIFY(m_notes);
    QCOMPARE(indexColumns(*m_fixture->store), (QStringList{"title", "note"}));
    QCOMPARE(find("espresso"), QStringList()); // the column stays, the index leaves it out
    QCOMPARE(find("umbrella"), (QStringList{"r1"}));
    QCOMPARE(indexMismatch(*m_fixture->store, kTable), QString());

    m_fixture->reopen();
    m_notes = m_fixture->add(withoutText);
    QVERIFY(m_notes);
    QCOMPARE(storeScalar(*m_fixture->store,
                         "SELECT count(*) FROM sqlite_master WHERE name LIKE '_fts_%'")
                 .toInt(),
             0);
    QVERIFY(m_notes->update("r1", {{"n", 11}})); // no trigger left to fail
    Query query;
    query.search = "cafe";
    QString error;
    QVERIFY(m_notes->query(query, &error).isEmpty());
    QCOMPARE(error, QStringLiteral("notes has no text to search in."));

    m_fixture->reopen();
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    QCOMPARE(indexColumns(*m_fixture->store), (QStringList{"title", "body"}));
    QCOMPARE(find("espresso"), (QStringList{"r1"}));
}

// Opening with the spec the index was made for leaves the index as it is:
// a word put into it by hand (no row has it) is still there after a reopen,
// where a rebuild would have dropped it.
void TestCollectionSearch::unchangedSpecKeepsTheIndex()
{
    QSqlQuery query(m_fixture->store->database());
    QVERIFY2(query.exec(QStringLiteral("INSERT INTO \"%1\" (rowid, title, body) VALUES (999999, "
                                       "'zzmarker', NULL)")
                            .arg(kIndex)),
             qPrintable(query.lastError().text()));
    const QString count =
        QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%1\" MATCH 'zzmarker'").arg(kIndex);
    m_fixture->reopen();
    m_notes = m_fixture->add(kSearchSpec);
    QVERIFY(m_notes);
    QCOMPARE(storeScalar(*m_fixture->store, count).toInt(), 1);
    QCOMPARE(find("zzmarker"), QStringList()); // no such row
    QSqlQuery remove(m_fixture->store->database());
    QVERIFY(remove.exec(QStringLiteral("INSERT INTO \"%1\" (\"%1\", rowid, title, body) VALUES "
                                       "('delete', 999999, 'zzmarker', NULL)")
                            .arg(kIndex)));
}

// FTS5 reserves "rank" and "rowid" as column names: such a text field is
// left out of the index, and the collection still opens.
void TestCollectionSearch::fieldNamedLikeAnFtsColumnIsLeftOut()
{
    Collection *medals = m_fixture->add(R"({"name":"medals","fields":[
        {"name":"name","type":"string"},{"name":"rank","type":"string"}]})");
    QVERIFY(medals);
    QVERIFY(medals->insert({{"id", "m1"}, {"name", "Marathon"}, {"rank", "gold"}}));
    Query query;
    query.search = "marathon";
    QCOMPARE(idsOf(medals->query(query)), (QStringList{"m1"}));
    query.search = "gold";
    QCOMPARE(idsOf(medals->query(query)), QStringList());
    QString error;
    QVERIFY(medals->searchField("rank", "gold", 5, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QCOMPARE(indexMismatch(*m_fixture->store, QStringLiteral("test_medals")), QString());
}

namespace {

bool catchUpAll(LocalStore &store, QString *error)
{
    return TestCollectionSearch::catchUpAll(store, error);
}

} // namespace

QTEST_GUILESS_MAIN(TestCollectionSearch)
#include "tst_collectionsearch.moc"
