// Several selected contacts (docs/contacts.md, "Several selected"): the
// list model's selection as a set of ids (toggle, Shift's range, Ctrl+A
// over what the search shows, rows that go or get hidden leave it), and
// the controller's actions on all of them as ONE undo step each (delete,
// favourite), all or nothing.
#include "collection.h"
#include "contactlistmodel.h"
#include "contactscontroller.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::contacts;
using namespace Qt::StringLiterals;

class TestContactSelection : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void selects_data();
    void selects();
    void hiddenAndRemovedRowsLeaveTheSelection();
    void selectAllIsQuickAt20000();
    void deleteIsOneUndoStep();
    void favoritesAreOneUndoStep();
    void refusedWriteChangesNothing();

private:
    Collection *contacts() const { return m_store->collection(u"contacts"_s, u"contacts"_s); }
    // Five contacts: Anna A, Bert B, Carla C, Dora D, Emil E (rows 0-4).
    QStringList addFive();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestContactSelection::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_s), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"contacts"_s)->spec, &error), qPrintable(error));
}

void TestContactSelection::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QStringList TestContactSelection::addFive()
{
    QStringList ids;
    const QStringList names{u"Anna"_s, u"Bert"_s, u"Carla"_s, u"Dora"_s, u"Emil"_s};
    for (const QString &name : names) {
        Contact contact;
        contact.firstName = name;
        contact.lastName = name.left(1);
        contact.emails = {{u"home"_s, name.toLower() + u"@example.org"_s}};
        ids.append(contacts()->insert(toRecord(contact)).id);
    }
    return ids;
}

void TestContactSelection::selects_data()
{
    QTest::addColumn<QString>("actions"); // t<row> toggle, r<from><to> range, a all, c clear
    QTest::addColumn<QList<int>>("rows");
    QTest::addRow("toggle one") << u"t1"_s << QList<int>{1};
    QTest::addRow("toggle twice") << u"t1 t1"_s << QList<int>{};
    QTest::addRow("toggle two") << u"t3 t0"_s << QList<int>{0, 3};
    QTest::addRow("range down") << u"r13"_s << QList<int>{1, 2, 3};
    QTest::addRow("range up") << u"r31"_s << QList<int>{1, 2, 3};
    QTest::addRow("range adds") << u"t0 r34"_s << QList<int>{0, 3, 4};
    QTest::addRow("range past the end") << u"r29"_s << QList<int>{2, 3, 4};
    QTest::addRow("all") << u"a"_s << QList<int>{0, 1, 2, 3, 4};
    QTest::addRow("all then toggle") << u"a t2"_s << QList<int>{0, 1, 3, 4};
    QTest::addRow("clear") << u"r04 c"_s << QList<int>{};
    QTest::addRow("a row that is not there") << u"t7"_s << QList<int>{};
}

void TestContactSelection::selects()
{
    QFETCH(QString, actions);
    QFETCH(QList<int>, rows);
    const QStringList ids = addFive();
    ContactListModel model;
    model.setStore(m_store.get());
    QCOMPARE(model.count(), 5);
    QSignalSpy changed(&model, &ContactListModel::selectionChanged);
    for (const QString &action : actions.split(u' ')) {
        const auto digit = [&](int at) { return action.at(at).digitValue(); };
        switch (action.at(0).toLatin1()) {
        case 't':
            model.toggleSelected(digit(1));
            break;
        case 'r':
            model.selectRange(digit(1), digit(2));
            break;
        case 'a':
            model.selectAll();
            break;
        case 'c':
            model.clearSelection();
            break;
        }
    }
    QStringList expected;
    for (const int row : rows)
        expected.append(model.idAt(row));
    QCOMPARE(model.selectedIds(), expected);
    QCOMPARE(model.selectedCount(), rows.size());
    for (int row = 0; row < model.count(); ++row)
        QCOMPARE(model.data(model.index(row), ContactListModel::SelectedRole).toBool(),
                 rows.contains(row));
    QVERIFY(!rows.isEmpty() ? changed.count() > 0 : true);
}

void TestContactSelection::hiddenAndRemovedRowsLeaveTheSelection()
{
    const QStringList ids = addFive();
    ContactListModel model;
    model.setStore(m_store.get());
    model.selectAll();
    QCOMPARE(model.selectedCount(), 5);
    // A search hides all but Bert and Dora: the others leave the selection.
    model.setSearchText(u"example"_s);
    QCOMPARE(model.selectedCount(), 5);
    model.setSearchText(u"ert"_s);
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.selectedIds(), QStringList{ids.at(1)});
    model.setSearchText({});
    QCOMPARE(model.selectedCount(), 1);
    // Ctrl+A takes what is shown.
    model.selectAll();
    QCOMPARE(model.selectedCount(), 5);
    // Deleted elsewhere (sync, the card): gone from the selection too.
    QVERIFY(contacts()->remove(ids.at(2)));
    QCOMPARE(model.selectedCount(), 4);
    QVERIFY(!model.isSelected(ids.at(2)));
    // Archived: hidden from "All contacts", so no longer selected.
    QVERIFY(contacts()->update(ids.at(3), {{u"isArchived"_s, true}}));
    QCOMPARE(model.selectedCount(), 3);
    // Starred: moves to the top and stays selected.
    QVERIFY(contacts()->update(ids.at(4), {{u"isFavorite"_s, true}}));
    QCOMPARE(model.idAt(0), ids.at(4));
    QVERIFY(model.isSelected(ids.at(4)));
    QCOMPARE(model.selectedIds(), (QStringList{ids.at(4), ids.at(0), ids.at(1)}));
}

void TestContactSelection::selectAllIsQuickAt20000()
{
    QList<QJsonObject> records;
    for (int i = 0; i < 20000; ++i) {
        Contact contact;
        contact.firstName = u"Vorname%1"_s.arg(i);
        contact.lastName = u"Nachname%1"_s.arg(i % 997);
        records.append(toRecord(contact));
    }
    QCOMPARE(contacts()->insertMany(records).size(), records.size());
    ContactListModel model;
    model.setStore(m_store.get());
    QTRY_COMPARE_WITH_TIMEOUT(model.count(), 20000, 30000);
    // One dataChanged for all rows, not one per row.
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    model.selectAll();
    QCOMPARE(model.selectedCount(), 20000);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(model.selectedIds().size(), 20000);
    model.clearSelection();
    QCOMPARE(dataChanged.count(), 2);
    QCOMPARE(model.selectedCount(), 0);
}

void TestContactSelection::deleteIsOneUndoStep()
{
    const QStringList ids = addFive();
    ContactsController controller;
    controller.setStore(m_store.get());
    const int step = controller.deleteContacts({ids.at(0), ids.at(2), ids.at(4)});
    QVERIFY(step > 0);
    QCOMPARE(contacts()->count(), 2);
    QVERIFY(!contacts()->get(ids.at(2)));
    QVERIFY(m_store->undo(step));
    QCOMPARE(contacts()->count(), 5);
    QVERIFY(contacts()->get(ids.at(2)));
}

void TestContactSelection::favoritesAreOneUndoStep()
{
    const QStringList ids = addFive();
    ContactsController controller;
    controller.setStore(m_store.get());
    const int step = controller.setFavorites({ids.at(1), ids.at(3)}, true);
    QVERIFY(step > 0);
    QVERIFY(contacts()->get(ids.at(1))->value(u"isFavorite"_s).toBool());
    QVERIFY(contacts()->get(ids.at(3))->value(u"isFavorite"_s).toBool());
    QVERIFY(!contacts()->get(ids.at(0))->value(u"isFavorite"_s).toBool());
    const int back = controller.setFavorites({ids.at(1)}, false);
    QVERIFY(back > 0);
    QVERIFY(!contacts()->get(ids.at(1))->value(u"isFavorite"_s).toBool());
    QVERIFY(m_store->undo(back));
    QVERIFY(m_store->undo(step));
    QVERIFY(!contacts()->get(ids.at(1))->value(u"isFavorite"_s).toBool());
    QVERIFY(!contacts()->get(ids.at(3))->value(u"isFavorite"_s).toBool());
}

void TestContactSelection::refusedWriteChangesNothing()
{
    const QStringList ids = addFive();
    ContactsController controller;
    controller.setStore(m_store.get());
    // The last id does not exist: the whole group is refused.
    QCOMPARE(controller.deleteContacts({ids.at(0), ids.at(1), u"no-such-contact"_s}), 0);
    QVERIFY(!controller.lastError().isEmpty());
    QCOMPARE(contacts()->count(), 5);
    QCOMPARE(controller.setFavorites({ids.at(0), u"no-such-contact"_s}, true), 0);
    QVERIFY(!contacts()->get(ids.at(0))->value(u"isFavorite"_s).toBool());
    QCOMPARE(controller.deleteContacts({}), 0);
}

QTEST_MAIN(TestContactSelection)
#include "tst_contactselection.moc"
