// LocalStore::writeGroupWithUndo and undo: a write group taken back as ONE
// step. Inserts, updates and deletes come back as they were; a nested group
// is part of the step (and one undone alone inside it is not); an edit made
// after the group is not clobbered; the undo is itself one group (all or
// nothing) and makes pending changes, so it syncs like any edit.
#include "collection.h"
#include "localstore.h"
#include "pendingchangequeue.h"
#include "storetestsupport.h"
#include "wire/timestamp.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

const QByteArray kTagsSpec = R"({"name": "tags", "fields": [{"name": "name", "type": "string"}]})";

QString titleOf(const std::optional<QJsonObject> &record)
{
    return record ? record->value("title").toString() : QStringLiteral("<missing>");
}

} // namespace

class TestUndoStep : public QObject
{
    Q_OBJECT

private:
    StoreFixture *m_fixture = nullptr;
    Collection *m_notes = nullptr;
    Collection *m_tags = nullptr;

    LocalStore &store() { return *m_fixture->store; }
    int pendingCount() { return store().pendingChanges().count(QStringLiteral("test")); }
    // The group as a step; fails the test when it is refused.
    UndoStep recorded(const std::function<bool(QString *)> &body)
    {
        UndoStep step;
        QString error;
        if (!store().writeGroupWithUndo(body, &step, &error))
            qWarning() << "group refused:" << error;
        return step;
    }

private slots:
    void init()
    {
        m_fixture = new StoreFixture;
        QVERIFY(m_fixture->open());
        QString error;
        m_notes = store().addCollection(specFromJson(kNotesSpec), &error);
        QVERIFY2(m_notes, qPrintable(error));
        m_tags = store().addCollection(specFromJson(kTagsSpec), &error);
        QVERIFY2(m_tags, qPrintable(error));
    }
    void cleanup()
    {
        delete m_fixture;
        m_fixture = nullptr;
    }

    // Each kind of write of a group, taken back: the record is as before
    // the group, every field, and whether it is there.
    void undoSetsRecordsBack_data()
    {
        QTest::addColumn<QString>("write");
        QTest::newRow("insert") << "insert";
        QTest::newRow("update") << "update";
        QTest::newRow("delete") << "delete";
        QTest::newRow("update, then delete") << "update+delete";
        QTest::newRow("restore") << "restore";
        QTest::newRow("insert, then delete") << "insert+delete";
    }
    void undoSetsRecordsBack()
    {
        QFETCH(QString, write);
        const QString kept =
            m_notes->insert({{"title", "kept"}, {"body", "text"}, {"count", 3}}).id;
        if (write == u"restore")
            QVERIFY(m_notes->remove(kept));
        const std::optional<QJsonObject> before = m_notes->get(kept, true);
        const QString tag = m_tags->insert({{"name", "work"}}).id;
        QString made;
        const UndoStep step = recorded([&](QString *) {
            // Every group here writes two collections.
            if (!m_tags->update(tag, {{"name", "home"}}))
                return false;
            if (write.startsWith(u"insert")) {
                made = m_notes->insert({{"title", "new"}}).id;
                if (write.endsWith(u"delete"))
                    return bool(m_notes->remove(made));
                return !made.isEmpty();
            }
            if (write.startsWith(u"update") &&
                !m_notes->update(kept, {{"title", "changed"}, {"count", QJsonValue::Null}}))
                return false;
            if (write.endsWith(u"delete"))
                return bool(m_notes->remove(kept));
            if (write == u"restore")
                return bool(m_notes->restore(kept));
            return true;
        });
        QVERIFY(step.isValid());
        QCOMPARE(step.appIds(), QStringList{"test"});
        QCOMPARE(step.collections(), (QStringList{"test/tags", "test/notes"}));
        QVERIFY(store().undoStep(step.id));

        QString error;
        QVERIFY2(store().undo(step.id, &error), qPrintable(error));
        QCOMPARE(m_tags->get(tag)->value("name").toString(), QStringLiteral("work"));
        if (!made.isEmpty()) {
            QVERIFY2(!m_notes->get(made), "what the group made is deleted");
            QVERIFY(m_notes->get(made, true)); // softly, as any delete
        }
        const std::optional<QJsonObject> after = m_notes->get(kept, true);
        QVERIFY(after);
        QCOMPARE(after->value("deletedAt").isNull(), before->value("deletedAt").isNull());
        for (const char *field : {"title", "body", "count"})
            QCOMPARE(after->value(QLatin1String(field)), before->value(QLatin1String(field)));
        // Once: the step is gone.
        QVERIFY(!store().undoStep(step.id));
        QVERIFY(!store().undo(step.id, &error));
        QVERIFY(!error.isEmpty());
    }

    // A group inside the recorded group belongs to the step; one undone
    // alone inside it (its body failed) left nothing to take back.
    void nestedGroupIsPartOfTheStep()
    {
        const QString a = m_notes->insert({{"title", "a"}}).id;
        const QString b = m_notes->insert({{"title", "b"}}).id;
        QString inner;
        const UndoStep step = recorded([&](QString *) {
            if (!m_notes->update(a, {{"title", "a2"}}))
                return false;
            UndoStep innerStep;
            const bool innerOk = store().writeGroupWithUndo(
                [&](QString *) {
                    inner = m_notes->insert({{"title", "inner"}}).id;
                    return bool(m_notes->remove(b));
                },
                &innerStep);
            if (!innerOk || innerStep.isValid()) // no step of its own
                return false;
            store().writeGroup([&](QString *) {
                m_notes->update(a, {{"body", "from a failed inner group"}});
                return false;
            });
            return true;
        });
        QVERIFY(step.isValid());
        QCOMPARE(step.records.size(), 3);
        QCOMPARE(step.records.at(0).writtenFields(), QStringList{"title"});
        QVERIFY(m_notes->get(inner));
        QVERIFY(!m_notes->get(b));

        QString error;
        QVERIFY2(store().undo(step.id, &error), qPrintable(error));
        QCOMPARE(titleOf(m_notes->get(a)), QStringLiteral("a"));
        QVERIFY(m_notes->get(a)->value("body").isNull());
        QVERIFY(m_notes->get(b));
        QVERIFY(!m_notes->get(inner));
    }

    // Edited again after the group (here, or by sync): a field the group did
    // not write is kept; a field it wrote and that changed since keeps the
    // newer value; the rest goes back.
    void laterEditsAreKept_data()
    {
        QTest::addColumn<QString>("laterField");
        QTest::addColumn<bool>("remote"); // the later edit came by sync
        QTest::newRow("another field") << "body" << false;
        QTest::newRow("the same field") << "title" << false;
        QTest::newRow("the same field, by sync") << "title" << true;
    }
    void laterEditsAreKept()
    {
        QFETCH(QString, laterField);
        QFETCH(bool, remote);
        const QString id =
            m_notes->insert({{"title", "old"}, {"body", "old body"}, {"count", 1}}).id;
        const UndoStep step = recorded([&](QString *) {
            return bool(m_notes->update(id, {{"title", "new"}, {"count", 2}}));
        });
        QVERIFY(step.isValid());
        m_fixture->clock.advance(1000);
        if (remote) {
            wire::Change change;
            change.table = m_notes->spec().wireName;
            change.id = id;
            change.op = wire::ChangeOp::Update;
            change.fields.insert(laterField,
                                 {QStringLiteral("later"),
                                  formatTimestamp(store().clock().issue() + 1000), "other"});
            QString error;
            QVERIFY2(store().applyRemoteChanges("test", {change}, "other", &error),
                     qPrintable(error));
        } else {
            QVERIFY(m_notes->update(id, {{laterField, "later"}}));
        }
        QCOMPARE(m_notes->get(id)->value(laterField).toString(), QStringLiteral("later"));

        QString error;
        QVERIFY2(store().undo(step.id, &error), qPrintable(error));
        const QJsonObject now = *m_notes->get(id);
        QCOMPARE(now.value(laterField).toString(), QStringLiteral("later"));
        QCOMPARE(now.value("count").toInt(), 1); // written by the group only: back
        if (laterField != u"title")
            QCOMPARE(now.value("title").toString(), QStringLiteral("old"));
    }

    // Deleted since the group, or restored since a group that deleted it:
    // undo leaves that as it is now.
    void laterDeleteOrRestoreIsKept()
    {
        const QString edited = m_notes->insert({{"title", "edited"}}).id;
        const QString deleted = m_notes->insert({{"title", "deleted"}}).id;
        const UndoStep step = recorded([&](QString *) {
            return m_notes->update(edited, {{"title", "edited2"}}) && m_notes->remove(deleted);
        });
        QVERIFY(m_notes->remove(edited));
        QVERIFY(m_notes->restore(deleted));
        QVERIFY(m_notes->update(deleted, {{"title", "deleted2"}}));
        QString error;
        QVERIFY2(store().undo(step.id, &error), qPrintable(error));
        QVERIFY(!m_notes->get(edited));
        QCOMPARE(titleOf(m_notes->get(deleted)), QStringLiteral("deleted2"));
    }

    // The undo is one group: a write of it refused (a trigger stands in for
    // a full disk) keeps nothing of it, and the step can be tried again.
    void undoIsAllOrNothing()
    {
        const QString a = m_notes->insert({{"title", "a"}}).id;
        const QString b = m_notes->insert({{"title", "b"}}).id;
        const UndoStep step = recorded([&](QString *) {
            return m_notes->update(a, {{"title", "a2"}}) && m_notes->update(b, {{"title", "b2"}});
        });
        const int pendingBefore = pendingCount();
        QSqlQuery trigger(store().database());
        QVERIFY2(trigger.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_a BEFORE UPDATE ON %1 "
                                             "WHEN NEW.id = '%2' BEGIN SELECT "
                                             "RAISE(ABORT, 'refused by the test'); END")
                                  .arg(m_notes->spec().tableName, a)),
                 qPrintable(trigger.lastError().text()));
        QSignalSpy changed(m_notes, &Collection::changed);
        QString error;
        QVERIFY(!store().undo(step.id, &error)); // b is set back first, then a fails
        QVERIFY2(error.contains(u"refused"), qPrintable(error));
        QCOMPARE(titleOf(m_notes->get(a)), QStringLiteral("a2"));
        QCOMPARE(titleOf(m_notes->get(b)), QStringLiteral("b2"));
        QCOMPARE(pendingCount(), pendingBefore);
        QCOMPARE(changed.count(), 0);
        QVERIFY(store().undoStep(step.id));

        QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER refuse_a")));
        QVERIFY2(store().undo(step.id, &error), qPrintable(error));
        QCOMPARE(titleOf(m_notes->get(a)), QStringLiteral("a"));
        QCOMPARE(titleOf(m_notes->get(b)), QStringLiteral("b"));
        QCOMPARE(changed.count(), 1); // one group: listeners hear once
    }

    // The undo's writes are local edits: pending changes for sync, with
    // the old values, and the engine hears once.
    void undoMakesPendingChanges()
    {
        const QString id = m_notes->insert({{"title", "old"}}).id;
        const UndoStep step = recorded([&](QString *) {
            return bool(m_notes->update(id, {{"title", "new"}}));
        });
        // As after a push: the queue holds nothing.
        QList<qint64> pushed;
        for (const PendingChange &change : store().pendingChanges().list("test"))
            pushed.append(change.sequence);
        QVERIFY(store().pendingChanges().acknowledge(pushed));
        QSignalSpy pendingAdded(&store(), &LocalStore::pendingChangesAdded);
        QString error;
        QVERIFY2(store().undo(step.id, &error), qPrintable(error));
        QCOMPARE(pendingAdded.count(), 1);
        const QList<PendingChange> queued = store().pendingChanges().list("test");
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().recordId, id);
        QVERIFY(queued.first().op == wire::ChangeOp::Update);
        QCOMPARE(queued.first().fields.value("title").value.toString(), QStringLiteral("old"));
    }

    // No step for a group that failed or left everything as it was; at
    // most kMaxUndoSteps are kept; none after the store is closed.
    void stepsAreKeptWhileUseful()
    {
        const QString id = m_notes->insert({{"title", "t"}}).id;
        UndoStep step;
        QVERIFY(!store().writeGroupWithUndo(
            [&](QString *) {
                return m_notes->update(id, {{"title", "x"}}) && false;
            },
            &step));
        QVERIFY(!step.isValid());
        QVERIFY(store().writeGroupWithUndo(
            [&](QString *) {
                return bool(m_notes->update(id, {{"title", "t"}}));
            },
            &step));
        QVERIFY2(!step.isValid(), "nothing changed, nothing to undo");

        QList<int> ids;
        for (int i = 0; i <= LocalStore::kMaxUndoSteps; ++i) {
            ids.append(recorded([&](QString *) {
                           return bool(m_notes->update(id, {{"count", i}}));
                       }).id);
        }
        QVERIFY(!store().undoStep(ids.first()));
        QVERIFY(store().undoStep(ids.last()));
        store().setUndoDescription(ids.last(), "Counted");
        QCOMPARE(store().undoStep(ids.last())->description, QStringLiteral("Counted"));
        store().close();
        QVERIFY(!store().undoStep(ids.last()));
    }
};

QTEST_GUILESS_MAIN(TestUndoStep)
#include "tst_undostep.moc"
