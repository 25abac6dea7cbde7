// Collection is what every view writes through: CRUD, soft deletes, type
// validation, change signals, and that all of it survives a reopen and a
// migration of the spec. The query language is in tst_collectionquery.
#include "storetestsupport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

using Op = Query::Op;

} // namespace

class TestCollection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertAndGetEveryType();
    void insertAppliesDefaultsAndNulls();
    void insertRefusals_data();
    void insertRefusals();
    void insertWithFixedIdAndDuplicate();
    void typeValidation_data();
    void typeValidation();
    void updateChangesOnlyGivenFields();
    void updateRefusals_data();
    void updateRefusals();
    void insertManyIsAllOrNothing();
    void softDeleteAndRestore();
    void changeSignalsCarryIdsAfterCommit();
    void failedWriteLeavesNothing();
    void reopenKeepsEverything();
    void migrationAddsFieldAndIndex();
    void insertStampCoversEveryFieldUntilEdited();
    void hotPathsCallSqliteDirectlyOnLinux();
    void todoModuleCreatesTablesAndIndexes();
    void tablesOfDifferentAppsNeverCollide();

private:
    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_notes = nullptr;
};

void TestCollection::init()
{
    // A malformed message is a bug even when the test's substring matches.
    QTest::failOnWarning(QRegularExpression("QString::arg"));
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_notes = m_fixture->add(kNotesSpec);
    QVERIFY(m_notes);
}

void TestCollection::cleanup()
{
    m_notes = nullptr;
    m_fixture.reset();
}

void TestCollection::insertAndGetEveryType()
{
    const QJsonObject values{{"title", "Buy milk"},
                             {"body", "two litres"},
                             {"rating", 4.5},
                             {"count", 7},
                             {"done", true},
                             {"day", "2026-03-26"},
                             {"at", "2026-03-26T15:00:00.5+01:00"},
                             {"extra", QJsonObject{{"tags", QJsonArray{"a", "b"}}, {"n", 1}}},
                             {"kind", "high"},
                             {"parentId", "some-other-note"},
                             {"size", 12}};
    const WriteResult result = m_notes->insert(values);
    QVERIFY2(result, qPrintable(result.error));
    QVERIFY(!QUuid::fromString(result.id).isNull()); // a UUID was made

    const auto record = m_notes->get(result.id);
    QVERIFY(record);
    QJsonObject expected = values;
    expected.insert("at", "2026-03-26T14:00:00.500Z"); // canonical UTC
    expected.insert("id", result.id);
    const QString now = formatTimestamp(kStartMillis);
    expected.insert("createdAt", now);
    expected.insert("updatedAt", now);
    expected.insert("deletedAt", QJsonValue::Null);
    QCOMPARE(*record, expected);
    QVERIFY(record->value("count").isDouble());
    QVERIFY(record->value("done").isBool());
    QCOMPARE(m_notes->count(), 1);
    QVERIFY(!m_notes->get("unknown-id"));
}

void TestCollection::insertAppliesDefaultsAndNulls()
{
    const WriteResult result = m_notes->insert({{"title", "only a title"}});
    QVERIFY2(result, qPrintable(result.error));
    const auto record = m_notes->get(result.id);
    QVERIFY(record);
    QCOMPARE(record->value("size"), QJsonValue(0)); // the spec's default
    for (const char *optional :
         {"body", "rating", "count", "done", "day", "at", "extra", "kind", "parentId"})
        QVERIFY2(record->value(optional).isNull(), optional);
}

void TestCollection::insertRefusals_data()
{
    QTest::addColumn<QJsonObject>("values");
    QTest::addColumn<QString>("mention");
    QTest::newRow("required field missing") << QJsonObject{{"body", "x"}} << "title";
    QTest::newRow("required field null") << QJsonObject{{"title", QJsonValue::Null}} << "title";
    QTest::newRow("unknown field") << QJsonObject{{"title", "x"}, {"colour", "red"}} << "colour";
    QTest::newRow("SQL as a field name")
        << QJsonObject{{"title", "x"}, {"title\" TEXT); DROP TABLE x; --", 1}} << "DROP TABLE";
    QTest::newRow("createdAt is the store's")
        << QJsonObject{{"title", "x"}, {"createdAt", "2020"}} << "createdAt";
    QTest::newRow("deletedAt is the store's")
        << QJsonObject{{"title", "x"}, {"deletedAt", "2026-03-26T14:00:00.000Z"}} << "deletedAt";
    QTest::newRow("empty id") << QJsonObject{{"title", "x"}, {"id", ""}} << "id";
    QTest::newRow("id over 128 bytes")
        << QJsonObject{{"title", "x"}, {"id", QString(129, u'a')}} << "id";
    QTest::newRow("id not text") << QJsonObject{{"title", "x"}, {"id", 42}} << "id";
}

void TestCollection::insertRefusals()
{
    QFETCH(QJsonObject, values);
    QFETCH(QString, mention);
    QSignalSpy changed(m_notes, &Collection::changed);
    const WriteResult result = m_notes->insert(values);
    QVERIFY(!result);
    QVERIFY2(result.error.contains(mention), qPrintable(result.error));
    QCOMPARE(m_notes->count(withDeletedRecords()), 0);
    QCOMPARE(m_fixture->store->pendingChanges().count(), 0);
    QCOMPARE(changed.count(), 0);
}

void TestCollection::insertWithFixedIdAndDuplicate()
{
    // Seeds use fixed ids; a quote in an id must not reach the SQL text.
    const QString id = QStringLiteral("seed-1'); DROP TABLE \"test_notes\"; --");
    QVERIFY(m_notes->insert({{"id", id}, {"title", "first"}}));
    const WriteResult again = m_notes->insert({{"id", id}, {"title", "second"}});
    QVERIFY(!again);
    QVERIFY2(again.error.contains("already exists"), qPrintable(again.error));
    QCOMPARE(m_notes->get(id)->value("title"), QJsonValue("first"));
    QCOMPARE(m_notes->count(), 1);
    QCOMPARE(m_fixture->store->pendingChanges().count(), 1);
}

void TestCollection::typeValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QJsonValue>("stored"); // when accepted

    auto accept = [](const char *name, const char *field, const QJsonValue &value,
                     const QJsonValue &stored) {
        QTest::newRow(name) << QString::fromLatin1(field) << value << true << stored;
    };
    auto refuse = [](const char *name, const char *field, const QJsonValue &value) {
        QTest::newRow(name) << QString::fromLatin1(field) << value << false << QJsonValue();
    };
    accept("string", "title", "hello", "hello");
    accept("empty string", "title", "", "");
    accept("unicode text", "body", QStringLiteral("Grüße 🌍"), QStringLiteral("Grüße 🌍"));
    refuse("string given a number", "title", 5);
    refuse("string given a boolean", "title", true);
    refuse("text given an array", "body", QJsonArray{"a"});
    accept("number", "rating", 2.25, 2.25);
    accept("negative number", "rating", -1e10, -1e10);
    refuse("number given text", "rating", "1.5");
    refuse("number given a boolean", "rating", false);
    accept("integer", "count", 42, 42);
    accept("integer written as 3.0", "count", 3.0, 3);
    accept("largest safe integer", "count", 9007199254740991.0, 9007199254740991.0);
    refuse("integer given a fraction", "count", 1.5);
    refuse("integer given text", "count", "3");
    refuse("integer beyond 2^53", "count", 18014398509481984.0);
    accept("boolean", "done", false, false);
    refuse("boolean given 0", "done", 0);
    refuse("boolean given text", "done", "true");
    accept("date", "day", "2026-02-28", "2026-02-28");
    refuse("date that does not exist", "day", "2026-02-30");
    refuse("date without zero padding", "day", "2026-3-5");
    refuse("date with a time", "day", "2026-03-26T10:00:00Z");
    refuse("date given a number", "day", 20260326);
    accept("datetime in UTC", "at", "2026-03-26T14:01:05.123Z", "2026-03-26T14:01:05.123Z");
    accept("datetime with an offset", "at", "2026-03-26T16:01:05+02:00",
           "2026-03-26T14:01:05.000Z");
    refuse("datetime as words", "at", "yesterday");
    refuse("datetime without a time", "at", "2026-03-26");
    refuse("datetime given a number", "at", 1774533600000.0);
    accept("json object", "extra", QJsonObject{{"a", 1}}, QJsonObject{{"a", 1}});
    accept("json array", "extra", QJsonArray{1, "two", false}, QJsonArray{1, "two", false});
    accept("json string", "extra", "plain", "plain");
    accept("json number", "extra", 7, 7);
    accept("json boolean", "extra", true, true);
    accept("enum value", "kind", "medium", "medium");
    refuse("enum value not listed", "kind", "urgent");
    refuse("enum value in other case", "kind", "High");
    refuse("enum given a number", "kind", 1);
    accept("reference", "parentId", "3f1c2d", "3f1c2d");
    refuse("reference empty", "parentId", "");
    refuse("reference given a number", "parentId", 12);
    refuse("reference over 128 bytes", "parentId", QString(129, u'x'));
    accept("null on an optional field", "count", QJsonValue::Null, QJsonValue::Null);
    refuse("null on a required field", "title", QJsonValue::Null);
    refuse("null on a required field with a default", "size", QJsonValue::Null);
}

// The same rule for insert and update: refused values are never stored.
void TestCollection::typeValidation()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(bool, accepted);
    QFETCH(QJsonValue, stored);

    QJsonObject values{{"title", "t"}};
    values.insert(field, value);
    const WriteResult inserted = m_notes->insert(values);
    QCOMPARE(bool(inserted), accepted);
    if (accepted)
        QCOMPARE(m_notes->get(inserted.id)->value(field), stored);
    else
        QVERIFY2(inserted.error.contains(u'"' + field + u'"'), qPrintable(inserted.error));

    const WriteResult base = m_notes->insert({{"title", "base"}, {"size", 5}});
    QVERIFY(base);
    const QJsonObject before = *m_notes->get(base.id);
    const int pendingBefore = m_fixture->store->pendingChanges().count();
    m_fixture->clock.advance(1000);
    const WriteResult updated = m_notes->update(base.id, {{field, value}});
    QCOMPARE(bool(updated), accepted);
    if (accepted) {
        QCOMPARE(m_notes->get(base.id)->value(field), stored);
    } else {
        QVERIFY2(updated.error.contains(u'"' + field + u'"'), qPrintable(updated.error));
        QCOMPARE(*m_notes->get(base.id), before);
        QCOMPARE(m_fixture->store->pendingChanges().count(), pendingBefore);
    }
}

void TestCollection::updateChangesOnlyGivenFields()
{
    const WriteResult inserted =
        m_notes->insert({{"title", "old"}, {"count", 1}, {"kind", "low"}, {"body", "keep"}});
    QVERIFY(inserted);
    m_fixture->clock.advance(5000);
    const WriteResult updated = m_notes->update(inserted.id, {{"title", "new"}, {"count", 2}});
    QVERIFY2(updated, qPrintable(updated.error));
    QCOMPARE(updated.id, inserted.id);
    const QJsonObject record = *m_notes->get(inserted.id);
    QCOMPARE(record.value("title"), QJsonValue("new"));
    QCOMPARE(record.value("count"), QJsonValue(2));
    QCOMPARE(record.value("kind"), QJsonValue("low"));
    QCOMPARE(record.value("body"), QJsonValue("keep"));
    QCOMPARE(record.value("createdAt"), QJsonValue(formatTimestamp(kStartMillis)));
    QCOMPARE(record.value("updatedAt"), QJsonValue(formatTimestamp(kStartMillis + 5000)));

    // Per-field timestamps: only the written fields moved.
    const RecordState state = m_notes->recordState(inserted.id);
    QCOMPARE(state.value("title").updatedAt, formatTimestamp(kStartMillis + 5000));
    QCOMPARE(state.value("title").clientId, m_fixture->store->clientId());
    QCOMPARE(state.value("kind").updatedAt, formatTimestamp(kStartMillis));
    QCOMPARE(state.value("title").value, QJsonValue("new"));

    // Setting an optional field back to null is an edit like any other.
    QVERIFY(m_notes->update(inserted.id, {{"body", QJsonValue::Null}}));
    QVERIFY(m_notes->get(inserted.id)->value("body").isNull());
    QCOMPARE(storeScalar(*m_fixture->store,
                         "SELECT _version FROM test_notes WHERE id = '" + inserted.id + "'")
                 .toInt(),
             3);
}

void TestCollection::updateRefusals_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("mention");
    QTest::newRow("unknown field") << QJsonObject{{"colour", "red"}} << "colour";
    QTest::newRow("id") << QJsonObject{{"id", "other"}} << "id";
    QTest::newRow("createdAt") << QJsonObject{{"createdAt", "2026-03-26T14:00:00.000Z"}}
                               << "createdAt";
    QTest::newRow("updatedAt") << QJsonObject{{"updatedAt", "2026-03-26T14:00:00.000Z"}}
                               << "updatedAt";
    QTest::newRow("deletedAt") << QJsonObject{{"deletedAt", "2026-03-26T14:00:00.000Z"}}
                               << "deletedAt";
    QTest::newRow("no fields") << QJsonObject{} << "field";
    QTest::newRow("one good, one bad") << QJsonObject{{"title", "new"}, {"count", "x"}} << "count";
}

void TestCollection::updateRefusals()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QString, mention);
    const WriteResult inserted = m_notes->insert({{"title", "old"}});
    const QJsonObject before = *m_notes->get(inserted.id);
    QSignalSpy changed(m_notes, &Collection::changed);
    const WriteResult result = m_notes->update(inserted.id, fields);
    QVERIFY(!result);
    QVERIFY2(result.error.contains(mention), qPrintable(result.error));
    QCOMPARE(*m_notes->get(inserted.id), before);
    QCOMPARE(changed.count(), 0);

    const WriteResult missing = m_notes->update("no-such-id", {{"title", "x"}});
    QVERIFY(!missing);
    QVERIFY2(missing.error.contains("no-such-id"), qPrintable(missing.error));
}

void TestCollection::insertManyIsAllOrNothing()
{
    QList<QJsonObject> rows;
    for (int i = 0; i < 50; ++i)
        rows.append({{"title", QStringLiteral("row %1").arg(i)}, {"count", i}});
    QString error;
    QSignalSpy changed(m_notes, &Collection::changed);
    const QStringList ids = m_notes->insertMany(rows, &error);
    QVERIFY2(ids.size() == 50, qPrintable(error));
    QCOMPARE(m_notes->count(), 50);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toStringList(), ids);
    QCOMPARE(m_fixture->store->pendingChanges().count(), 50);

    QList<QJsonObject> withBadRow{{{"title", "ok"}}, {{"title", "ok"}}, {{"count", "bad"}}};
    QVERIFY(m_notes->insertMany(withBadRow, &error).isEmpty());
    QVERIFY2(error.contains("3"), qPrintable(error)); // names the record
    QList<QJsonObject> withDuplicate{{{"id", "dup"}, {"title", "a"}},
                                     {{"id", "dup"}, {"title", "b"}}};
    QVERIFY(m_notes->insertMany(withDuplicate, &error).isEmpty());
    QVERIFY2(error.contains("dup"), qPrintable(error));
    QCOMPARE(m_notes->count(), 50);
    QVERIFY(!m_notes->get("dup", true));
    QCOMPARE(m_fixture->store->pendingChanges().count(), 50);
    QCOMPARE(changed.count(), 1);
}

void TestCollection::softDeleteAndRestore()
{
    const WriteResult inserted = m_notes->insert({{"title", "to delete"}});
    m_fixture->clock.advance(1000);
    const WriteResult removed = m_notes->remove(inserted.id);
    QVERIFY2(removed, qPrintable(removed.error));
    QVERIFY(!m_notes->get(inserted.id));
    const auto tombstone = m_notes->get(inserted.id, true);
    QVERIFY(tombstone);
    QCOMPARE(tombstone->value("deletedAt"), QJsonValue(formatTimestamp(kStartMillis + 1000)));
    QCOMPARE(tombstone->value("title"), QJsonValue("to delete")); // soft: the data stays
    QCOMPARE(m_notes->count(), 0);
    Query withDeleted;
    withDeleted.includeDeleted = true;
    QCOMPARE(m_notes->count(withDeleted), 1);
    QCOMPARE(m_notes->query(withDeleted).first().value("id").toString(), inserted.id);
    QCOMPARE(storeScalar(*m_fixture->store, "SELECT count(*) FROM test_notes").toInt(), 1);

    QVERIFY(m_notes->remove(inserted.id)); // twice is fine
    QCOMPARE(m_notes->get(inserted.id, true)->value("deletedAt"),
             QJsonValue(formatTimestamp(kStartMillis + 1000)));
    const WriteResult edit = m_notes->update(inserted.id, {{"title", "edited"}});
    QVERIFY(!edit);
    QVERIFY2(edit.error.contains("deleted"), qPrintable(edit.error));
    QVERIFY(!m_notes->remove("no-such-id"));

    m_fixture->clock.advance(1000);
    const WriteResult restored = m_notes->restore(inserted.id);
    QVERIFY2(restored, qPrintable(restored.error));
    const auto back = m_notes->get(inserted.id);
    QVERIFY(back);
    QVERIFY(back->value("deletedAt").isNull());
    QCOMPARE(back->value("title"), QJsonValue("to delete"));
    QCOMPARE(m_notes->recordState(inserted.id).value("deletedAt").updatedAt,
             formatTimestamp(kStartMillis + 2000)); // newer than the delete
    QVERIFY(m_notes->restore(inserted.id));         // restoring a live record is a no-op
    QVERIFY(!m_notes->restore("no-such-id"));
    QCOMPARE(m_notes->count(), 1);
}

void TestCollection::changeSignalsCarryIdsAfterCommit()
{
    QSignalSpy changed(m_notes, &Collection::changed);
    QSignalSpy pendingAdded(m_fixture->store.get(), &LocalStore::pendingChangesAdded);
    // Another connection sees the write when the signal arrives: it came
    // after COMMIT.
    RawConnection other(m_fixture->path());
    QStringList visibleAtSignal;
    connect(m_notes, &Collection::changed, this, [&](const QStringList &ids) {
        for (const QString &id : ids) {
            QSqlQuery query(other.database());
            query.prepare("SELECT title, deletedAt IS NOT NULL FROM test_notes WHERE id = ?");
            query.addBindValue(id);
            if (query.exec() && query.next())
                visibleAtSignal.append(query.value(0).toString() + u'/' +
                                       query.value(1).toString());
        }
    });

    const WriteResult inserted = m_notes->insert({{"title", "a"}});
    QVERIFY(m_notes->update(inserted.id, {{"title", "b"}}));
    QVERIFY(m_notes->remove(inserted.id));
    QVERIFY(m_notes->restore(inserted.id));
    QVERIFY(!m_notes->update(inserted.id, {{"count", "bad"}}));
    QCOMPARE(changed.count(), 4);
    for (const QList<QVariant> &arguments : std::as_const(changed))
        QCOMPARE(arguments.first().toStringList(), QStringList{inserted.id});
    QCOMPARE(visibleAtSignal, (QStringList{"a/0", "b/0", "b/1", "b/0"}));
    QCOMPARE(pendingAdded.count(), 4);
    QCOMPARE(pendingAdded.first().first().toString(), QStringLiteral("test"));
}

// A write whose pending change cannot be stored must not store the row
// either: record and queue entry are one transaction. A trigger makes the
// real queue insert fail.
void TestCollection::failedWriteLeavesNothing()
{
    const WriteResult existing = m_notes->insert({{"title", "before"}});
    QVERIFY(existing);
    QVERIFY(m_fixture->store->pendingChanges().acknowledge(
        {m_fixture->store->pendingChanges().list().first().sequence}));
    QSqlQuery trigger(m_fixture->store->database());
    QVERIFY2(trigger.exec("CREATE TEMP TRIGGER refuse_pending BEFORE INSERT ON _pending_changes "
                          "BEGIN SELECT RAISE(ABORT, 'queue is full'); END"),
             qPrintable(trigger.lastError().text()));
    QSignalSpy changed(m_notes, &Collection::changed);

    const WriteResult inserted = m_notes->insert({{"id", "new"}, {"title", "x"}});
    QVERIFY(!inserted);
    QVERIFY2(inserted.error.contains("queue is full"), qPrintable(inserted.error));
    QVERIFY(!m_notes->get("new", true));
    QVERIFY(!m_notes->update(existing.id, {{"title", "after"}}));
    QCOMPARE(m_notes->get(existing.id)->value("title"), QJsonValue("before"));
    QCOMPARE(m_notes->recordState(existing.id).value("title").updatedAt,
             formatTimestamp(kStartMillis));
    QVERIFY(!m_notes->remove(existing.id));
    QVERIFY(m_notes->get(existing.id));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_fixture->store->pendingChanges().count(), 0);

    QVERIFY(trigger.exec("DROP TRIGGER temp.refuse_pending"));
    QVERIFY(m_notes->update(existing.id, {{"title", "after"}})); // the store still works
}

void TestCollection::reopenKeepsEverything()
{
    const WriteResult a = m_notes->insert({{"title", "a"}, {"extra", QJsonArray{1, 2}}});
    const WriteResult b = m_notes->insert({{"title", "b"}, {"count", 2}});
    QVERIFY(m_notes->update(a.id, {{"kind", "high"}}));
    QVERIFY(m_notes->remove(b.id));
    const QList<QJsonObject> before = m_notes->query(withDeletedRecords());
    const RecordState stateBefore = m_notes->recordState(a.id);
    const QString clientId = m_fixture->store->clientId();
    const int pending = m_fixture->store->pendingChanges().count();
    QVERIFY(!clientId.isEmpty());

    m_fixture->reopen();
    QVERIFY(m_fixture->store->isOpen());
    QCOMPARE(m_fixture->store->clientId(), clientId);
    Collection *notes = m_fixture->add(kNotesSpec);
    QVERIFY(notes);
    QCOMPARE(notes->query(withDeletedRecords()), before);
    QCOMPARE(notes->recordState(a.id), stateBefore);
    QVERIFY(!notes->get(b.id));
    QCOMPARE(m_fixture->store->pendingChanges().count(), pending);
}

void TestCollection::migrationAddsFieldAndIndex()
{
    const QByteArray v1 = R"({"name":"items","fields":[{"name":"title","type":"string"}]})";
    const QByteArray v2 = R"({"name":"items","fields":[{"name":"title","type":"string"},
        {"name":"note","type":"text?"},{"name":"rank","type":"integer","default":1}],
        "indexes":[["rank"],["title","note"]]})";
    Collection *items = m_fixture->add(v1);
    QVERIFY(items);
    const WriteResult old = items->insert({{"title", "from v1"}});
    QVERIFY(old);

    const QString insertedAt = items->recordState(old.id).value("title").updatedAt;
    QVERIFY(!insertedAt.isEmpty());

    m_fixture->reopen();
    items = m_fixture->add(v2);
    QVERIFY(items);
    // The fields the insert wrote keep its stamp; the new ones were never
    // written (a peer's value for them wins whatever its time).
    const RecordState migratedState = items->recordState(old.id);
    QCOMPARE(migratedState.value("title").updatedAt, insertedAt);
    QCOMPARE(migratedState.value("createdAt").updatedAt, insertedAt);
    QVERIFY(!migratedState.contains("note"));
    QVERIFY(!migratedState.contains("rank"));
    const auto migrated = items->get(old.id);
    QVERIFY(migrated);
    QCOMPARE(migrated->value("title"), QJsonValue("from v1"));
    QVERIFY(migrated->value("note").isNull());
    QVERIFY(items->update(old.id, {{"note", "added later"}}));
    QCOMPARE(items->get(old.id)->value("note"), QJsonValue("added later"));
    const WriteResult fresh = items->insert({{"title", "from v2"}});
    QCOMPARE(items->get(fresh.id)->value("rank"), QJsonValue(1));
    QCOMPARE(items->count(Query().where("rank", Op::Equal, 1)), 1);

    for (const char *index : {"idx_test_items__rank", "idx_test_items__title__note"})
        QVERIFY2(storeScalar(*m_fixture->store,
                             QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                            "type = 'index' AND name = '%1'")
                                 .arg(index))
                         .toInt() == 1,
                 index);
    const QString applied =
        storeScalar(*m_fixture->store,
                    "SELECT spec_json FROM _collections WHERE table_name = 'test_items'")
            .toString();
    QCOMPARE(QJsonDocument::fromJson(applied.toUtf8()).object(), specFromJson(v2).toJson());

    // Going back to the older spec keeps the column and its data.
    m_fixture->reopen();
    items = m_fixture->add(v1);
    QVERIFY(items);
    QCOMPARE(storeScalar(*m_fixture->store, "SELECT note FROM test_items WHERE title = 'from v1'")
                 .toString(),
             QStringLiteral("added later"));
}

void TestCollection::insertStampCoversEveryFieldUntilEdited()
{
    const WriteResult inserted = m_notes->insert({{"title", "stamped"}});
    QVERIFY(inserted);
    const QString insertedAt = formatTimestamp(kStartMillis);
    // One entry for the whole insert keeps bulk imports small on disk.
    const QJsonObject rawMeta =
        QJsonDocument::fromJson(
            storeScalar(*m_fixture->store, QStringLiteral("SELECT _fieldMeta FROM test_notes "
                                                          "WHERE id = '%1'")
                                               .arg(inserted.id))
                .toString()
                .toUtf8())
            .object();
    QCOMPARE(rawMeta.keys(), QStringList{"*"});
    RecordState state = m_notes->recordState(inserted.id);
    QStringList expectedFields{"createdAt"};
    for (const FieldSpec &field : m_notes->spec().fields)
        expectedFields.append(field.name);
    expectedFields.sort();
    QCOMPARE(state.keys(), expectedFields);
    for (const FieldState &field : std::as_const(state)) {
        QCOMPARE(field.updatedAt, insertedAt);
        QCOMPARE(field.clientId, m_fixture->store->clientId());
    }

    m_fixture->clock.advance(1000);
    QVERIFY(m_notes->update(inserted.id, {{"title", "edited"}}));
    state = m_notes->recordState(inserted.id);
    QCOMPARE(state.value("title").updatedAt, formatTimestamp(kStartMillis + 1000));
    QCOMPARE(state.value("createdAt").updatedAt, insertedAt);
    for (const FieldSpec &field : m_notes->spec().fields) {
        if (field.name != QLatin1String("title"))
            QCOMPARE(state.value(field.name).updatedAt, insertedAt);
    }
}

void TestCollection::hotPathsCallSqliteDirectlyOnLinux()
{
#if defined(Q_OS_LINUX)
    // Debian's QtSql driver links the system libsqlite3: the fast path must
    // not silently fall back (the *_qtsql test runs cover the fallback).
    QCOMPARE(m_fixture->store->callsSqliteDirectly(),
             qEnvironmentVariable("MANA_STORE_NATIVE_SQLITE") != QLatin1String("0"));
#else
    QSKIP("the direct path is only enabled on Linux");
#endif
}

void TestCollection::todoModuleCreatesTablesAndIndexes()
{
    QString error;
    const auto module = ModuleSpec::fromFile(QStringLiteral(MANA_TODO_MODULE_JSON), &error);
    QVERIFY2(module, qPrintable(error));
    QVERIFY2(m_fixture->store->addModule(*module, &error), qPrintable(error));
    for (const CollectionSpec &spec : module->collections) {
        QVERIFY(m_fixture->store->collection("todo", spec.wireName));
        QVERIFY2(
            storeScalar(*m_fixture->store,
                        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" +
                            spec.tableName + "'")
                    .toInt() == 1,
            qPrintable(spec.tableName));
        for (const IndexSpec &index : spec.indexes)
            QVERIFY2(storeScalar(*m_fixture->store,
                                 "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                 "name = '" +
                                     index.sqlName(spec.tableName) + "'")
                             .toInt() == 1,
                     qPrintable(index.sqlName(spec.tableName)));
    }
    Collection *tasks = m_fixture->store->collection("todo", "tasks");
    const WriteResult task = tasks->insert({{"title", "Buy milk"}});
    QVERIFY2(task, qPrintable(task.error));
    QCOMPARE(tasks->get(task.id)->value("priority"), QJsonValue("medium"));
    QCOMPARE(tasks->get(task.id)->value("isCompleted"), QJsonValue(false));
    QVERIFY(m_fixture->store->addModule(*module, &error)); // adding twice is harmless
}

// "a-b"/"c" and "a"/"b_c" both map to the table "a_b_c": the store must
// refuse the second, whether in the same session or after a reopen.
void TestCollection::tablesOfDifferentAppsNeverCollide()
{
    const QByteArray c = R"({"name":"c","fields":[{"name":"title","type":"string"}]})";
    const QByteArray bc = R"({"name":"b_c","fields":[{"name":"title","type":"string"}]})";
    QVERIFY(m_fixture->add(c, "a-b"));
    QString error;
    QVERIFY(!m_fixture->store->addCollection(specFromJson(bc, "a"), &error));
    QVERIFY2(error.contains("a_b_c"), qPrintable(error));

    m_fixture->reopen();
    error.clear();
    QVERIFY2(!m_fixture->store->addCollection(specFromJson(bc, "a"), &error),
             "after a reopen, a/b_c was given the table of a-b/c");
    QVERIFY2(error.contains("a_b_c"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCollection)
#include "tst_collection.moc"
