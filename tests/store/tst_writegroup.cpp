// LocalStore::writeGroup: several writes as one transaction. What a group
// keeps (all or nothing), what its listeners hear (once, after the commit),
// a failing write inside it, groups inside groups, reads inside a group, a
// group that survives a restart and one on a read-only profile.
#include "collection.h"
#include "localstore.h"
#include "pendingchangequeue.h"
#include "storetestsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace mana;
using namespace mana::test;

namespace {

const QByteArray kTagsSpec = R"({"name": "tags", "fields": [{"name": "name", "type": "string"}]})";

QStringList idsOf(const QSignalSpy &spy, int at)
{
    return spy.at(at).at(0).toStringList();
}

} // namespace

class TestWriteGroup : public QObject
{
    Q_OBJECT

private:
    StoreFixture *m_fixture = nullptr;
    Collection *m_notes = nullptr;
    Collection *m_tags = nullptr;

    LocalStore &store() { return *m_fixture->store; }
    void openCollections()
    {
        QString error;
        m_notes = store().addCollection(specFromJson(kNotesSpec), &error);
        QVERIFY2(m_notes, qPrintable(error));
        m_tags = store().addCollection(specFromJson(kTagsSpec), &error);
        QVERIFY2(m_tags, qPrintable(error));
    }
    int pendingCount() { return store().pendingChanges().count(QStringLiteral("test")); }

private slots:
    void init()
    {
        m_fixture = new StoreFixture;
        QVERIFY(m_fixture->open());
        openCollections();
    }
    void cleanup()
    {
        delete m_fixture;
        m_fixture = nullptr;
    }

    // The group's writes are kept together and told once per collection,
    // after the commit, with every id; the sync engine hears once per app.
    void committedGroupIsToldOnce()
    {
        const QString kept = m_notes->insert({{"title", "kept"}}).id;
        QSignalSpy notesChanged(m_notes, &Collection::changed);
        QSignalSpy tagsChanged(m_tags, &Collection::changed);
        QSignalSpy pendingAdded(&store(), &LocalStore::pendingChangesAdded);
        QString a, b, tag;
        QString error;
        const bool ok = store().writeGroup(
            [&](QString *) {
                a = m_notes->insert({{"title", "a"}}).id;
                tag = m_tags->insert({{"name", "t"}}).id;
                b = m_notes->insert({{"title", "b"}}).id;
                // Nobody has heard of anything yet.
                if (notesChanged.count() || tagsChanged.count() || pendingAdded.count())
                    return false;
                return bool(m_notes->update(kept, {{"title", "edited"}})) &&
                       bool(m_notes->update(a, {{"title", "a2"}}));
            },
            &error);
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(notesChanged.count(), 1);
        QCOMPARE(idsOf(notesChanged, 0), (QStringList{a, b, kept}));
        QCOMPARE(tagsChanged.count(), 1);
        QCOMPARE(idsOf(tagsChanged, 0), QStringList{tag});
        QCOMPARE(pendingAdded.count(), 1);
        QCOMPARE(m_notes->get(a)->value("title").toString(), QStringLiteral("a2"));
        QCOMPARE(m_notes->get(kept)->value("title").toString(), QStringLiteral("edited"));
        QVERIFY(m_tags->get(tag));
    }

    // A body that gives up: nothing of it is kept, in the table or the
    // sync queue, and nobody hears of it.
    void failedGroupKeepsNothing_data()
    {
        QTest::addColumn<bool>("failByWrite"); // a refused write, or the body's own no
        QTest::newRow("the body says no") << false;
        QTest::newRow("a write is refused") << true;
    }
    void failedGroupKeepsNothing()
    {
        QFETCH(bool, failByWrite);
        const QString kept = m_notes->insert({{"title", "kept"}}).id;
        const int pendingBefore = pendingCount();
        QSignalSpy notesChanged(m_notes, &Collection::changed);
        QSignalSpy pendingAdded(&store(), &LocalStore::pendingChangesAdded);
        QString made;
        QString error;
        const bool ok = store().writeGroup(
            [&](QString *stepError) {
                made = m_notes->insert({{"title", "gone"}}).id;
                if (!m_notes->remove(kept))
                    return false;
                if (!failByWrite)
                    return false;
                const WriteResult refused = m_notes->update(kept, {{"title", "x"}}); // deleted
                *stepError = refused.error;
                return refused.ok;
            },
            &error);
        QVERIFY(!ok);
        QVERIFY2(!error.isEmpty(), "a failed group says why");
        if (failByWrite)
            QVERIFY2(error.contains(u"deleted"), qPrintable(error));
        QVERIFY(!m_notes->get(made));
        QVERIFY(m_notes->get(kept)); // the delete is undone too
        QCOMPARE(pendingCount(), pendingBefore);
        QCOMPARE(notesChanged.count(), 0);
        QCOMPARE(pendingAdded.count(), 0);
        // The store goes on as usual afterwards.
        QVERIFY(m_notes->insert({{"title", "after"}}));
        QCOMPARE(notesChanged.count(), 1);
    }

    // One refused write inside a group is undone alone; the body may go on
    // and the rest is kept.
    void refusedWriteInsideIsUndoneAlone()
    {
        QString first, last;
        const bool ok = store().writeGroup([&](QString *) {
            first = m_notes->insert({{"title", "first"}}).id;
            const WriteResult refused = m_notes->insert({{"id", first}, {"title", "again"}});
            if (refused.ok || !refused.error.contains(u"already exists"))
                return false;
            last = m_notes->insert({{"title", "last"}}).id;
            return true;
        });
        QVERIFY(ok);
        QCOMPARE(m_notes->get(first)->value("title").toString(), QStringLiteral("first"));
        QVERIFY(m_notes->get(last));
        QCOMPARE(pendingCount(), 2);
    }

    // A group inside a group is part of it; when its body fails only its
    // own writes go.
    void innerGroupFailsAlone()
    {
        QSignalSpy notesChanged(m_notes, &Collection::changed);
        QString outer, inner, after;
        const bool ok = store().writeGroup([&](QString *) {
            outer = m_notes->insert({{"title", "outer"}}).id;
            const bool innerOk = store().writeGroup([&](QString *) {
                inner = m_notes->insert({{"title", "inner"}}).id;
                return false;
            });
            if (innerOk || notesChanged.count())
                return false;
            after = m_notes->insert({{"title", "after"}}).id;
            return true;
        });
        QVERIFY(ok);
        QVERIFY(m_notes->get(outer));
        QVERIFY(!m_notes->get(inner));
        QVERIFY(m_notes->get(after));
        QCOMPARE(notesChanged.count(), 1);
        QCOMPARE(idsOf(notesChanged, 0), (QStringList{outer, after}));
    }

    // Reads inside a group see its writes (queries and counts).
    void readsInsideSeeTheGroup()
    {
        const bool ok = store().writeGroup([&](QString *) {
            m_notes->insert({{"title", "one"}, {"count", 1}});
            m_notes->insert({{"title", "two"}, {"count", 2}});
            return m_notes->count() == 2 &&
                   m_notes->query(Query().where("count", Query::Op::Equal, 2)).size() == 1;
        });
        QVERIFY(ok);
    }

    // A committed group is on disk: a restart finds every write and its
    // pending change; an abandoned one leaves nothing behind.
    void committedGroupSurvivesARestart()
    {
        QString a, b;
        QVERIFY(store().writeGroup([&](QString *) {
            a = m_notes->insert({{"title", "a"}}).id;
            b = m_tags->insert({{"name", "b"}}).id;
            return true;
        }));
        QVERIFY(!store().writeGroup([&](QString *) {
            m_notes->insert({{"title", "abandoned"}});
            return false;
        }));
        m_fixture->reopen();
        openCollections();
        QVERIFY(m_notes->get(a));
        QVERIFY(m_tags->get(b));
        QCOMPARE(m_notes->count(), 1);
        QCOMPARE(pendingCount(), 2);
    }

    // On a read-only profile a group fails with the store's sentence and
    // its body never runs.
    void readOnlyProfileRefusesTheGroup()
    {
        m_fixture->store->close();
        QFile::setPermissions(m_fixture->path(), QFile::ReadOwner);
        if (QFileInfo(m_fixture->path()).isWritable())
            QSKIP("running as root: a file cannot be made read-only");
        m_fixture->reopen();
        openCollections();
        bool ran = false;
        QString error;
        QVERIFY(!store().writeGroup(
            [&](QString *) {
                ran = true;
                return true;
            },
            &error));
        QVERIFY(!ran);
        QVERIFY2(error.contains(u"read-only"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestWriteGroup)
#include "tst_writegroup.moc"
