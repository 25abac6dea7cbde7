// The pending queue is the only copy of offline work until a push lands:
// what it holds after each kind of write, how repeated writes coalesce, that
// an acknowledgement never drops a row rewritten during the push, that it
// survives a restart, and the wire changes it turns into.
#include "storetestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

const QByteArray kTasksSpec = R"({"name":"tasks","fields":[
    {"name":"title","type":"string"},
    {"name":"priority","type":"low|medium|high","default":"low"},
    {"name":"order","type":"number?"}]})";

QString at(Millis offset)
{
    return formatTimestamp(kStartMillis + offset);
}

} // namespace

class TestPendingQueue : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void insertQueuesEveryField();
    void updateQueuesOnlyChangedFields();
    void deleteQueuesDeletedAt();
    void coalescingKeepsEveryFieldsLatestValue();
    void insertThenEditsStayAnInsert();
    void deleteThenRestoreIsAnUpdate();
    void acknowledgeKeepsRowsRewrittenInFlight_data();
    void acknowledgeKeepsRowsRewrittenInFlight();
    void numbersAreNotGivenTwice();
    void queueOfSchemaOneIsMigrated();
    void listAndCountByApp();
    void survivesReopen();
    void toWireChangesForInsert();
    void toWireChangesForUpdate();
    void toWireChangesForDelete();
    void remoteChangesAreNotQueued();

private:
    void acknowledgeAll();
    PendingChangeQueue &queue() { return m_fixture->store->pendingChanges(); }
    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_tasks = nullptr;
};

void TestPendingQueue::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_tasks = m_fixture->add(kTasksSpec, "todo");
    QVERIFY(m_tasks);
}

void TestPendingQueue::cleanup()
{
    m_tasks = nullptr;
    m_fixture.reset();
}

void TestPendingQueue::acknowledgeAll()
{
    QList<qint64> sequences;
    for (const PendingChange &change : queue().list())
        sequences.append(change.sequence);
    QString error;
    QVERIFY2(queue().acknowledge(sequences, &error), qPrintable(error));
    QCOMPARE(queue().count(), 0);
}

void TestPendingQueue::insertQueuesEveryField()
{
    const WriteResult inserted = m_tasks->insert({{"id", "t1"}, {"title", "Buy milk"}});
    QVERIFY(inserted);
    const QList<PendingChange> pending = queue().list();
    QCOMPARE(pending.size(), 1);
    const PendingChange &change = pending.first();
    QVERIFY(change.sequence > 0);
    QCOMPARE(change.appId, QStringLiteral("todo"));
    QCOMPARE(change.wireName, QStringLiteral("tasks"));
    QCOMPARE(change.tableName, QStringLiteral("todo_tasks"));
    QCOMPARE(change.recordId, QStringLiteral("t1"));
    QCOMPARE(wire::toString(change.op), wire::toString(wire::ChangeOp::Insert));
    const QString clientId = m_fixture->store->clientId();
    QCOMPARE(change.fields.value("title"), (FieldState{"Buy milk", at(0), clientId}));
    QCOMPARE(change.fields.value("priority"), (FieldState{"low", at(0), clientId}));
    QCOMPARE(change.fields.value("order"), (FieldState{QJsonValue::Null, at(0), clientId}));
    QCOMPARE(change.fields.value("createdAt"), (FieldState{at(0), at(0), clientId}));
    QVERIFY(!change.fields.contains("id"));
    QVERIFY(!change.fields.contains("deletedAt"));
}

void TestPendingQueue::updateQueuesOnlyChangedFields()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "Buy milk"}}));
    acknowledgeAll();
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->update("t1", {{"priority", "high"}}));
    const QList<PendingChange> pending = queue().list();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(wire::toString(pending.first().op), wire::toString(wire::ChangeOp::Update));
    QCOMPARE(pending.first().fields.keys(), QStringList{"priority"});
    QCOMPARE(pending.first().fields.value("priority"),
             (FieldState{"high", at(10), m_fixture->store->clientId()}));
}

void TestPendingQueue::deleteQueuesDeletedAt()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "Buy milk"}}));
    acknowledgeAll();
    m_fixture->clock.advance(20);
    QVERIFY(m_tasks->remove("t1"));
    const QList<PendingChange> pending = queue().list();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(wire::toString(pending.first().op), wire::toString(wire::ChangeOp::Delete));
    QCOMPARE(pending.first().fields.keys(), QStringList{"deletedAt"});
    QCOMPARE(pending.first().fields.value("deletedAt"),
             (FieldState{at(20), at(20), m_fixture->store->clientId()}));
    QVERIFY(m_tasks->remove("t1")); // removing again queues nothing new
    QCOMPARE(queue().count(), 1);
}

void TestPendingQueue::coalescingKeepsEveryFieldsLatestValue()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "v0"}}));
    acknowledgeAll();
    const QString clientId = m_fixture->store->clientId();
    qint64 lastSequence = 0;
    const struct
    {
        Millis offset;
        QJsonObject fields;
    } edits[] = {{10, {{"title", "v1"}}},
                 {20, {{"priority", "medium"}}},
                 {30, {{"title", "v3"}, {"order", 2}}},
                 {40, {{"priority", "high"}}}};
    for (const auto &edit : edits) {
        m_fixture->clock.set(kStartMillis + edit.offset);
        QVERIFY(m_tasks->update("t1", edit.fields));
        const QList<PendingChange> pending = queue().list();
        QCOMPARE(pending.size(), 1);
        QVERIFY2(pending.first().sequence > lastSequence, "a rewritten row gets a new sequence");
        lastSequence = pending.first().sequence;
    }
    const PendingChange change = queue().list().first();
    QCOMPARE(wire::toString(change.op), wire::toString(wire::ChangeOp::Update));
    QCOMPARE(change.fields.size(), 3);
    QCOMPARE(change.fields.value("title"), (FieldState{"v3", at(30), clientId}));
    QCOMPARE(change.fields.value("order"), (FieldState{2, at(30), clientId}));
    QCOMPARE(change.fields.value("priority"), (FieldState{"high", at(40), clientId}));

    // Then a delete: the edits stay, the op says delete.
    m_fixture->clock.set(kStartMillis + 50);
    QVERIFY(m_tasks->remove("t1"));
    const PendingChange deleted = queue().list().first();
    QCOMPARE(wire::toString(deleted.op), wire::toString(wire::ChangeOp::Delete));
    QCOMPARE(deleted.fields.size(), 4);
    QCOMPARE(deleted.fields.value("title").value, QJsonValue("v3"));
    QCOMPARE(deleted.fields.value("deletedAt"), (FieldState{at(50), at(50), clientId}));
}

void TestPendingQueue::insertThenEditsStayAnInsert()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "draft"}}));
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->update("t1", {{"title", "final"}}));
    const QList<PendingChange> pending = queue().list();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(wire::toString(pending.first().op),
             wire::toString(wire::ChangeOp::Insert)); // never pushed yet
    QCOMPARE(pending.first().fields.value("title").value, QJsonValue("final"));
    QCOMPARE(pending.first().fields.value("title").updatedAt, at(10));
    QCOMPARE(pending.first().fields.value("priority").updatedAt, at(0));
    QVERIFY(pending.first().fields.contains("createdAt"));
}

void TestPendingQueue::deleteThenRestoreIsAnUpdate()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    acknowledgeAll();
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->remove("t1"));
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->restore("t1"));
    const QList<PendingChange> pending = queue().list();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(wire::toString(pending.first().op), wire::toString(wire::ChangeOp::Update));
    QCOMPARE(pending.first().fields.value("deletedAt"),
             (FieldState{QJsonValue::Null, at(20), m_fixture->store->clientId()}));
}

void TestPendingQueue::acknowledgeKeepsRowsRewrittenInFlight_data()
{
    QTest::addColumn<QString>("rewritten");
    QTest::newRow("an older row") << "t1";
    // The row with the highest number is removed and added again: it must
    // not get its old number back, or the acknowledgement of the push
    // would remove the rewrite.
    QTest::newRow("the newest row") << "t2";
}

void TestPendingQueue::acknowledgeKeepsRowsRewrittenInFlight()
{
    QFETCH(QString, rewritten);
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    QVERIFY(m_tasks->insert({{"id", "t2"}, {"title", "b"}}));
    const QList<PendingChange> pushed = queue().list(); // the push starts
    QCOMPARE(pushed.size(), 2);
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->update(rewritten, {{"title", "rewritten"}})); // while it is in flight

    QString error;
    QVERIFY2(queue().acknowledge({pushed[0].sequence, pushed[1].sequence}, &error),
             qPrintable(error));
    const QList<PendingChange> left = queue().list();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().recordId, rewritten);
    QCOMPARE(left.first().fields.value("title").value, QJsonValue("rewritten"));
    QVERIFY(left.first().sequence > pushed[1].sequence);
    // The server may not have seen the insert's other fields: still queued.
    QVERIFY(left.first().fields.contains("priority"));

    QVERIFY(queue().acknowledge({123456}, &error)); // an unknown sequence is harmless
    QVERIFY(queue().acknowledge({}, &error));
    QCOMPARE(queue().count(), 1);
}

void TestPendingQueue::numbersAreNotGivenTwice()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    const qint64 first = queue().list().first().sequence;
    acknowledgeAll(); // the table is empty now
    QVERIFY(m_tasks->insert({{"id", "t2"}, {"title", "b"}}));
    QVERIFY(queue().list().first().sequence > first);
}

// Schema 1 numbered the queue with AUTOINCREMENT; opening such a file keeps
// its rows and their numbers and continues above them.
void TestPendingQueue::queueOfSchemaOneIsMigrated()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    QVERIFY(m_tasks->insert({{"id", "t2"}, {"title", "b"}}));
    const QList<PendingChange> before = queue().list();
    m_fixture->store->close();
    {
        RawConnection raw(m_fixture->path());
        for (const char *statement :
             {"CREATE TABLE old_queue (sequence INTEGER PRIMARY KEY AUTOINCREMENT, app_id TEXT "
              "NOT NULL, table_name TEXT NOT NULL, wire_name TEXT NOT NULL, record_id TEXT NOT "
              "NULL, op TEXT NOT NULL, fields_json TEXT NOT NULL, UNIQUE (table_name, record_id))",
              "INSERT INTO old_queue SELECT * FROM _pending_changes", "DROP TABLE _pending_changes",
              "ALTER TABLE old_queue RENAME TO _pending_changes",
              "UPDATE _schema_version SET version = 1"})
            QVERIFY2(raw.exec(QString::fromLatin1(statement)), statement);
    }
    m_fixture->reopen();
    QCOMPARE(storeScalar(*m_fixture->store, "SELECT version FROM _schema_version").toInt(),
             LocalStore::kSchemaVersion);
    QVERIFY(!storeScalar(*m_fixture->store,
                         "SELECT sql FROM sqlite_master WHERE name = '_pending_changes'")
                 .toString()
                 .contains(QLatin1String("AUTOINCREMENT")));
    const QList<PendingChange> after = queue().list();
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i].sequence, before[i].sequence);
        QCOMPARE(after[i].recordId, before[i].recordId);
        QCOMPARE(after[i].fields, before[i].fields);
    }
    m_tasks = m_fixture->add(kTasksSpec, "todo");
    QVERIFY(m_tasks->insert({{"id", "t3"}, {"title", "c"}}));
    QVERIFY(queue().list().last().sequence > before.last().sequence);
}

void TestPendingQueue::listAndCountByApp()
{
    Collection *notes =
        m_fixture->add(R"({"name":"notes","fields":[{"name":"text","type":"text"}]})", "notes-app");
    QVERIFY(notes);
    QVERIFY(m_tasks->insert({{"title", "a"}}));
    QVERIFY(notes->insert({{"text", "n"}}));
    QVERIFY(m_tasks->insert({{"title", "b"}}));
    QCOMPARE(queue().count(), 3);
    QCOMPARE(queue().count("todo"), 2);
    QCOMPARE(queue().count("notes-app"), 1);
    QCOMPARE(queue().count("other"), 0);
    const QList<PendingChange> todo = queue().list("todo");
    QCOMPARE(todo.size(), 2);
    QVERIFY(todo[0].sequence < todo[1].sequence); // oldest first
    QCOMPARE(todo[0].fields.value("title").value, QJsonValue("a"));
    QCOMPARE(queue().list({}, 2).size(), 2);
    QCOMPARE(queue().list("notes-app").first().tableName, QStringLiteral("notes_app_notes"));
}

void TestPendingQueue::survivesReopen()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    QVERIFY(m_tasks->insert({{"id", "t2"}, {"title", "b"}}));
    QVERIFY(m_tasks->remove("t2"));
    const QList<PendingChange> before = queue().list();
    m_fixture->reopen();
    const QList<PendingChange> after = queue().list();
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i].sequence, before[i].sequence);
        QCOMPARE(after[i].recordId, before[i].recordId);
        QCOMPARE(wire::toString(after[i].op), wire::toString(before[i].op));
        QCOMPARE(after[i].fields, before[i].fields);
    }
    // Sequences keep growing after a restart (acknowledgements rely on it).
    m_tasks = m_fixture->add(kTasksSpec, "todo");
    QVERIFY(m_tasks->update("t1", {{"title", "c"}}));
    QVERIFY(queue().list().last().sequence > before.last().sequence);
}

void TestPendingQueue::toWireChangesForInsert()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "Buy milk"}, {"order", 1.5}}));
    const QList<wire::Change> changes = queue().list().first().toWireChanges();
    QCOMPARE(changes.size(), 1);
    const wire::Change &insert = changes.first();
    QCOMPARE(wire::toString(insert.op), wire::toString(wire::ChangeOp::Insert));
    QCOMPARE(insert.table, QStringLiteral("tasks"));
    QCOMPARE(insert.id, QStringLiteral("t1"));
    QCOMPARE(insert.data.value("id"), QJsonValue("t1"));
    QCOMPARE(insert.data.value("title"), QJsonValue("Buy milk"));
    QCOMPARE(insert.data.value("priority"), QJsonValue("low"));
    QCOMPARE(insert.data.value("order"), QJsonValue(1.5));
    QCOMPARE(insert.data.value("createdAt"), QJsonValue(at(0)));
    QCOMPARE(insert.data.value("updatedAt"), QJsonValue(at(0)));
    QCOMPARE(insert.fields.value("title").updatedAt, at(0));
    QCOMPARE(insert.fields.value("title").clientId, m_fixture->store->clientId());

    // What goes on the wire must read back as the same change.
    QString error;
    const auto parsed = wire::Change::fromJson(insert.toJson(), &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->toRecordState({}), insert.toRecordState({}));
}

void TestPendingQueue::toWireChangesForUpdate()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    acknowledgeAll();
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->update("t1", {{"title", "b"}, {"order", QJsonValue::Null}}));
    const QList<wire::Change> changes = queue().list().first().toWireChanges();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(wire::toString(changes.first().op), wire::toString(wire::ChangeOp::Update));
    QVERIFY(changes.first().data.isEmpty());
    QCOMPARE(changes.first().fields.keys(), (QStringList{"order", "title"}));
    QCOMPARE(changes.first().fields.value("order").value, QJsonValue(QJsonValue::Null));
    QString error;
    QVERIFY2(wire::Change::fromJson(changes.first().toJson(), &error), qPrintable(error));
}

void TestPendingQueue::toWireChangesForDelete()
{
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "a"}}));
    QVERIFY(m_tasks->insert({{"id", "t2"}, {"title", "b"}}));
    acknowledgeAll();
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->remove("t1"));
    QVERIFY(m_tasks->update("t2", {{"title", "edited"}}));
    m_fixture->clock.advance(10);
    QVERIFY(m_tasks->remove("t2"));

    const QList<PendingChange> pending = queue().list();
    QCOMPARE(pending.size(), 2);
    const QList<wire::Change> onlyDelete = pending[0].toWireChanges();
    QCOMPARE(onlyDelete.size(), 1);
    QCOMPARE(wire::toString(onlyDelete.first().op), wire::toString(wire::ChangeOp::Delete));
    QCOMPARE(onlyDelete.first().deletedAt, at(10));

    // An edit and then a delete: the edit travels too, before the delete.
    const QList<wire::Change> editThenDelete = pending[1].toWireChanges();
    QCOMPARE(editThenDelete.size(), 2);
    QCOMPARE(wire::toString(editThenDelete[0].op), wire::toString(wire::ChangeOp::Update));
    QCOMPARE(editThenDelete[0].fields.value("title").value, QJsonValue("edited"));
    QVERIFY(!editThenDelete[0].fields.contains("deletedAt"));
    QCOMPARE(wire::toString(editThenDelete[1].op), wire::toString(wire::ChangeOp::Delete));
    QCOMPARE(editThenDelete[1].deletedAt, at(20));
    for (const wire::Change &change : editThenDelete) {
        QString error;
        QVERIFY2(wire::Change::fromJson(change.toJson(), &error), qPrintable(error));
    }

    // Never pushed, then deleted: the insert and the delete both go.
    QVERIFY(m_tasks->insert({{"id", "t3"}, {"title", "short-lived"}}));
    QVERIFY(m_tasks->remove("t3"));
    const QList<wire::Change> insertThenDelete = queue().list().last().toWireChanges();
    QCOMPARE(insertThenDelete.size(), 2);
    QCOMPARE(wire::toString(insertThenDelete[0].op), wire::toString(wire::ChangeOp::Insert));
    QVERIFY(!insertThenDelete[0].data.contains("deletedAt"));
    QCOMPARE(wire::toString(insertThenDelete[1].op), wire::toString(wire::ChangeOp::Delete));
}

void TestPendingQueue::remoteChangesAreNotQueued()
{
    wire::Change change;
    change.table = "tasks";
    change.id = "remote";
    change.op = wire::ChangeOp::Update;
    change.fields.insert("title", FieldState{"from the server", at(5), "zz"});
    QString error;
    QVERIFY2(m_fixture->store->applyRemoteChanges("todo", {change}, "zz", &error),
             qPrintable(error));
    QVERIFY(m_tasks->get("remote"));
    QCOMPARE(queue().count(), 0);
}

QTEST_GUILESS_MAIN(TestPendingQueue)
#include "tst_pendingqueue.moc"
