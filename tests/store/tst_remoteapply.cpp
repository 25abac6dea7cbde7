// Applying what the server sends is where replicas converge or drift: the
// merge is field by field, nothing is queued back, the batch is one
// transaction, and a local edit that is newer than the remote one survives.
#include "recordrow.h"
#include "storetestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlError>
#include <QTest>

Q_DECLARE_METATYPE(mana::wire::Change)

using namespace mana;
using namespace mana::test;

namespace {

const QByteArray kTasksSpec = R"({"name":"tasks","fields":[
    {"name":"title","type":"string"},
    {"name":"priority","type":"low|medium|high","default":"low"},
    {"name":"count","type":"integer?"}]})";

// Greater and smaller than any UUID in byte order, for the tie-break.
const QString kHighClient = QStringLiteral("zzzz-remote");
const QString kLowClient = QStringLiteral("0000-remote");

QString at(Millis offset)
{
    return formatTimestamp(kStartMillis + offset);
}

wire::Change update(const QString &id, const QMap<QString, FieldState> &fields)
{
    wire::Change change;
    change.table = QStringLiteral("tasks");
    change.id = id;
    change.op = wire::ChangeOp::Update;
    change.fields = fields;
    return change;
}

} // namespace

class TestRemoteApply : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void fieldMetaTextIsWhatQtWrites();

    void mergesFieldByField();
    void tieBreakByClientId_data();
    void tieBreakByClientId();
    void insertFromTheOriginalProtocol();
    void deleteAndResurrection();
    void applyingTwiceChangesNothing();
    void localPendingNewerFieldWins();
    void unknownFieldsAndTablesAreSkipped();
    void wrongTypedValueIsNotStoredInItsColumn();
    void batchIsOneTransaction();
    void invalidChangeRefusesTheBatch_data();
    void invalidChangeRefusesTheBatch();
    void signalsAfterCommit();

private:
    bool apply(const QList<wire::Change> &changes, const QString &sender = kHighClient)
    {
        QString error;
        const bool ok = m_fixture->store->applyRemoteChanges("todo", changes, sender, &error);
        if (!ok)
            qWarning("applyRemoteChanges: %s", qPrintable(error));
        return ok;
    }
    int version(const QString &id) const
    {
        return storeScalar(*m_fixture->store,
                           "SELECT _version FROM todo_tasks WHERE id = '" + id + "'")
            .toInt();
    }
    std::unique_ptr<StoreFixture> m_fixture;
    Collection *m_tasks = nullptr;
};

void TestRemoteApply::init()
{
    m_fixture = std::make_unique<StoreFixture>();
    QVERIFY(m_fixture->open());
    m_tasks = m_fixture->add(kTasksSpec, "todo");
    QVERIFY(m_tasks);
    QVERIFY(m_tasks->insert({{"id", "t1"}, {"title", "local"}, {"priority", "medium"}}));
    QVERIFY(m_fixture->store->pendingChanges().acknowledge(
        {m_fixture->store->pendingChanges().list().first().sequence}));
}

void TestRemoteApply::cleanup()
{
    m_tasks = nullptr;
    m_fixture.reset();
}

void TestRemoteApply::mergesFieldByField()
{
    const int versionBefore = version("t1");
    QVERIFY(apply({update("t1", {{"title", {"remote newer", at(10), kLowClient}},
                                 {"priority", {"high", at(-10), kHighClient}}})}));
    const QJsonObject record = *m_tasks->get("t1");
    QCOMPARE(record.value("title"), QJsonValue("remote newer"));
    QCOMPARE(record.value("priority"), QJsonValue("medium")); // the local one is newer
    QCOMPARE(record.value("updatedAt"), QJsonValue(at(10)));  // the latest field timestamp
    QCOMPARE(record.value("createdAt"), QJsonValue(at(0)));
    QCOMPARE(m_tasks->recordState("t1").value("title"),
             (FieldState{"remote newer", at(10), kLowClient}));
    QCOMPARE(m_tasks->recordState("t1").value("priority").clientId, m_fixture->store->clientId());
    QCOMPARE(version("t1"), versionBefore + 1);
    QCOMPARE(m_fixture->store->pendingChanges().count(), 0);
}

void TestRemoteApply::tieBreakByClientId_data()
{
    QTest::addColumn<QString>("remoteClient");
    QTest::addColumn<QString>("expected");
    QTest::newRow("greater client id wins") << kHighClient << "remote";
    QTest::newRow("smaller client id loses") << kLowClient << "local";
}

void TestRemoteApply::tieBreakByClientId()
{
    QFETCH(QString, remoteClient);
    QFETCH(QString, expected);
    QVERIFY(apply({update("t1", {{"title", {"remote", at(0), remoteClient}}})}, remoteClient));
    QCOMPARE(m_tasks->get("t1")->value("title").toString(), expected);
}

// The original server sends inserts as `data` only, stamped by updatedAt.
void TestRemoteApply::insertFromTheOriginalProtocol()
{
    wire::Change insert;
    insert.table = "tasks";
    insert.id = "t2";
    insert.op = wire::ChangeOp::Insert;
    insert.data = {{"id", "t2"}, {"title", "from the web"}, {"priority", "high"},
                   {"count", 4}, {"createdAt", at(-500)},   {"updatedAt", at(-100)}};
    QVERIFY(apply({insert}, ""));
    const auto record = m_tasks->get("t2");
    QVERIFY(record);
    QCOMPARE(record->value("title"), QJsonValue("from the web"));
    QCOMPARE(record->value("count"), QJsonValue(4));
    QCOMPARE(record->value("createdAt"), QJsonValue(at(-500)));
    QCOMPARE(record->value("updatedAt"), QJsonValue(at(-100)));
    QVERIFY(record->value("deletedAt").isNull());
    QCOMPARE(m_tasks->recordState("t2").value("title").updatedAt, at(-100));
    QCOMPARE(m_fixture->store->pendingChanges().count(), 0);
}

void TestRemoteApply::deleteAndResurrection()
{
    wire::Change deletion;
    deletion.table = "tasks";
    deletion.id = "t1";
    deletion.op = wire::ChangeOp::Delete;
    deletion.deletedAt = at(10);
    QVERIFY(apply({deletion}));
    QVERIFY(!m_tasks->get("t1"));
    QCOMPARE(m_tasks->get("t1", true)->value("deletedAt"), QJsonValue(at(10)));

    // A newer edit does not resurrect it...
    QVERIFY(apply({update("t1", {{"title", {"edited", at(20), kHighClient}}})}));
    QVERIFY(!m_tasks->get("t1"));
    QCOMPARE(m_tasks->get("t1", true)->value("title"), QJsonValue("edited"));
    // ...an older restore neither...
    QVERIFY(apply({update("t1", {{"deletedAt", {QJsonValue::Null, at(5), kHighClient}}})}));
    QVERIFY(!m_tasks->get("t1"));
    // ...a newer restore does.
    QVERIFY(apply({update("t1", {{"deletedAt", {QJsonValue::Null, at(30), kHighClient}}})}));
    QVERIFY(m_tasks->get("t1"));
    QCOMPARE(m_tasks->count(), 1);
}

void TestRemoteApply::applyingTwiceChangesNothing()
{
    const wire::Change change = update("t1", {{"title", {"once", at(10), kHighClient}}});
    QVERIFY(apply({change}));
    const QJsonObject afterFirst = *m_tasks->get("t1");
    const int versionAfterFirst = version("t1");
    QSignalSpy changed(m_tasks, &Collection::changed);
    QVERIFY(apply({change}));
    QCOMPARE(*m_tasks->get("t1"), afterFirst);
    QCOMPARE(version("t1"), versionAfterFirst);
    QCOMPARE(changed.count(), 0);
}

void TestRemoteApply::localPendingNewerFieldWins()
{
    m_fixture->clock.advance(100);
    QVERIFY(m_tasks->update("t1", {{"title", "edited offline"}}));
    // The server's copy was written earlier on another device.
    QVERIFY(apply({update("t1", {{"title", {"older remote", at(50), kHighClient}},
                                 {"count", {7, at(50), kHighClient}}})}));
    QCOMPARE(m_tasks->get("t1")->value("title"), QJsonValue("edited offline"));
    QCOMPARE(m_tasks->get("t1")->value("count"), QJsonValue(7));
    const QList<PendingChange> pending = m_fixture->store->pendingChanges().list();
    QCOMPARE(pending.size(), 1); // the local edit still goes out
    QCOMPARE(pending.first().fields.value("title").value, QJsonValue("edited offline"));
    QVERIFY(!pending.first().fields.contains("count"));
}

void TestRemoteApply::unknownFieldsAndTablesAreSkipped()
{
    wire::Change other = update("x1", {{"title", {"elsewhere", at(10), kHighClient}}});
    other.table = "notYetKnown";
    QVERIFY(apply({other, update("t1", {{"title", {"known", at(10), kHighClient}},
                                        {"futureField", {"kept", at(10), kHighClient}}})}));
    const QJsonObject record = *m_tasks->get("t1");
    QCOMPARE(record.value("title"), QJsonValue("known"));
    QVERIFY(!record.contains("futureField"));
    // Kept for a later version of the module, so nothing a peer wrote is lost.
    QCOMPARE(m_tasks->recordState("t1").value("futureField").value, QJsonValue("kept"));
    QCOMPARE(storeScalar(*m_fixture->store,
                         "SELECT count(*) FROM sqlite_master WHERE name LIKE '%notYetKnown%'")
                 .toInt(),
             0);
}

void TestRemoteApply::wrongTypedValueIsNotStoredInItsColumn()
{
    QVERIFY(apply({update("t1", {{"count", {"seven", at(10), kHighClient}},
                                 {"priority", {"extreme", at(10), kHighClient}}})}));
    const QJsonObject record = *m_tasks->get("t1");
    QVERIFY2(!record.value("count").isString(), "a string reached the integer column");
    QCOMPARE(storeScalar(*m_fixture->store, "SELECT typeof(count) FROM todo_tasks WHERE id = 't1'")
                 .toString(),
             QStringLiteral("null"));
    QVERIFY(record.value("priority").toString() != QStringLiteral("extreme"));
    QCOMPARE(m_tasks->recordState("t1").value("count").value, QJsonValue("seven"));
}

// A failure half-way through the batch leaves nothing of it behind. A
// trigger makes the real write of the second record fail.
void TestRemoteApply::batchIsOneTransaction()
{
    QSqlQuery trigger(m_fixture->store->database());
    QVERIFY2(trigger.exec("CREATE TEMP TRIGGER poison BEFORE INSERT ON todo_tasks "
                          "WHEN NEW.id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"),
             qPrintable(trigger.lastError().text()));
    const QString storedClock =
        QStringLiteral("SELECT value FROM _meta WHERE key = 'clock.lastIssued'");
    const Millis ceilingBefore = storeScalar(*m_fixture->store, storedClock).toLongLong();
    QSignalSpy changed(m_tasks, &Collection::changed);
    QString error;
    // An hour ahead: had the batch committed, it would have moved the clock.
    const QString later = at(3600000);
    QVERIFY(!m_fixture->store->applyRemoteChanges(
        "todo",
        {update("t1", {{"title", {"first of batch", later, kHighClient}}}),
         update("t3", {{"title", {"new record", later, kHighClient}}}),
         update("poison", {{"title", {"bad", later, kHighClient}}})},
        kHighClient, &error));
    QVERIFY2(error.contains("poisoned"), qPrintable(error));
    QCOMPARE(m_tasks->get("t1")->value("title"), QJsonValue("local"));
    QVERIFY(!m_tasks->get("t3", true));
    QCOMPARE(changed.count(), 0);
    m_fixture->reopen(); // the rolled-back batch did not move the stored clock either
    QCOMPARE(storeScalar(*m_fixture->store, storedClock).toLongLong(), ceilingBefore);
    QCOMPARE(m_fixture->store->clock().lastIssued(), ceilingBefore);
}

void TestRemoteApply::invalidChangeRefusesTheBatch_data()
{
    QTest::addColumn<wire::Change>("bad");
    wire::Change emptyId = update("", {{"title", {"x", at(10), kHighClient}}});
    QTest::newRow("empty record id") << emptyId;
    QTest::newRow("record id over 128 bytes")
        << update(QString(200, u'x'), {{"title", {"x", at(10), kHighClient}}});
    QTest::newRow("field timestamp that is not a timestamp")
        << update("t2", {{"title", {"x", "tomorrow", kHighClient}}});
}

// Change::fromJson checks these, but the store is the last line: a change
// built by other code must not store a record without an id or a timestamp
// that breaks the string ordering of every later merge.
void TestRemoteApply::invalidChangeRefusesTheBatch()
{
    QFETCH(wire::Change, bad);
    QString error;
    const bool applied = m_fixture->store->applyRemoteChanges(
        "todo", {update("t1", {{"title", {"good", at(10), kHighClient}}}), bad}, kHighClient,
        &error);
    QVERIFY2(!applied, "an invalid change was applied");
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_tasks->get("t1")->value("title"), QJsonValue("local"));
    QCOMPARE(m_tasks->count(withDeletedRecords()), 1);
}

void TestRemoteApply::signalsAfterCommit()
{
    QSignalSpy changed(m_tasks, &Collection::changed);
    QSignalSpy pendingAdded(m_fixture->store.get(), &LocalStore::pendingChangesAdded);
    RawConnection other(m_fixture->path());
    QStringList seen;
    connect(m_tasks, &Collection::changed, this, [&](const QStringList &ids) {
        for (const QString &id : ids)
            seen.append(
                other.scalar("SELECT title FROM todo_tasks WHERE id = '" + id + "'").toString());
    });
    QVERIFY(apply({update("t1", {{"title", {"a", at(10), kHighClient}}}),
                   update("t2", {{"title", {"b", at(10), kHighClient}}}),
                   update("t1", {{"title", {"stale", at(-10), kHighClient}}})}));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toStringList(), (QStringList{"t1", "t2"}));
    QCOMPARE(seen, (QStringList{"a", "b"}));
    QCOMPARE(pendingAdded.count(), 0);
}

QTEST_GUILESS_MAIN(TestRemoteApply)
// The stored per-field meta is written as text directly; it must be what a
// QJsonDocument of the same entries gives (and so read back the same).
void TestRemoteApply::fieldMetaTextIsWhatQtWrites()
{
    FieldMetaMap meta;
    meta.insert("title", FieldMeta{"2026-12-01T10:00:00.000Z", "client-a", {}});
    meta.insert(kInsertStampKey, FieldMeta{"2026-12-01T09:00:00.000Z", "client-b", {}});
    meta.insert("extra", FieldMeta{"2026-12-01T11:00:00.000Z", "c",
                                   QJsonObject{{"k", QJsonArray{1, 2.5, "x\"y"}}}});
    meta.insert("odd", FieldMeta{"t", QString::fromUtf8("Grüße \n\t🍎"), QJsonValue(1e300)});
    meta.insert("nulls", FieldMeta{"t", "c", QJsonValue(QJsonValue::Null)});
    QJsonObject expected;
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        QJsonArray entry{it->updatedAt, it->clientId};
        if (!it->extraValue.isUndefined())
            entry.append(it->extraValue);
        expected.insert(it.key(), entry);
    }
    const QString text = serializeFieldMeta(meta);
    QCOMPARE(text, QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact)));
    const FieldMetaMap readBack = parseFieldMeta(text);
    QCOMPARE(readBack.keys(), meta.keys());
    QCOMPARE(readBack.value("extra").extraValue, meta.value("extra").extraValue);
    QCOMPARE(readBack.value("odd").clientId, meta.value("odd").clientId);
    QCOMPARE(serializeFieldMeta({}), QStringLiteral("{}"));
}

#include "tst_remoteapply.moc"
