// The Contacts list model (modules/contacts/ui/contactlistmodel.h) over a
// real profile: sections and order (by last or first name, a contact
// without a name filed under its company or email, "#" after Z,
// favourites first), the search over every field including the further
// emails and phones in `extra`, the archive, and rows following the
// store's changes.
#include "collection.h"
#include "contactlist.h"
#include "contactlistmodel.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::contacts;

namespace {

Contact person(const QString &first, const QString &last)
{
    Contact contact;
    contact.firstName = first;
    contact.lastName = last;
    return contact;
}

} // namespace

class TestContactListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void order_data();
    void order();
    void search_data();
    void search();
    void archivedOnlyInTheArchive();
    void rowsFollowTheStore();
    void largeProfileIsReadInPages();
    void folding_data();
    void folding();
    void avatarColourIsStable();

private:
    Collection *contacts() const { return m_store->collection(u"contacts"_qs, u"contacts"_qs); }
    QString add(const Contact &contact);
    // "section:name" per row.
    static QStringList rows(const ContactListModel &model);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestContactListModel::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"contacts"_qs)->spec, &error), qPrintable(error));
}

void TestContactListModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString TestContactListModel::add(const Contact &contact)
{
    const WriteResult result = contacts()->insert(toRecord(contact));
    return result ? result.id : QString();
}

QStringList TestContactListModel::rows(const ContactListModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        list.append(index.data(ContactListModel::SectionRole).toString() + u':' +
                    index.data(ContactListModel::NameRole).toString());
    }
    return list;
}

void TestContactListModel::order_data()
{
    QTest::addColumn<bool>("byLastName");
    QTest::addColumn<QStringList>("expected");
    // The contacts (order()): Ada Lovelace, Grace Hopper (favourite),
    // Émile Zola, Łukasz Nowak, Alan Turing, "Acme" (a company only),
    // zoe@example.com (an email only), 42 Club (a company starting with a
    // digit), 李 小龙 (non-Latin), Ringo (a first name only).
    QTest::newRow("by last name") << true
                                  << QStringList{u"★:Grace Hopper"_qs,    u"A:Acme"_qs,
                                                 u"L:Ada Lovelace"_qs,    u"N:Łukasz Nowak"_qs,
                                                 u"R:Ringo"_qs,           u"T:Alan Turing"_qs,
                                                 u"Z:zoe@example.com"_qs, u"Z:Émile Zola"_qs,
                                                 u"#:42 Club"_qs,         u"#:小龙 李"_qs};
    QTest::newRow("by first name")
        << false << QStringList{u"★:Grace Hopper"_qs, u"A:Acme"_qs,
                                u"A:Ada Lovelace"_qs, u"A:Alan Turing"_qs,
                                u"E:Émile Zola"_qs,   u"L:Łukasz Nowak"_qs,
                                u"R:Ringo"_qs,        u"Z:zoe@example.com"_qs,
                                u"#:42 Club"_qs,      u"#:小龙 李"_qs};
}

void TestContactListModel::order()
{
    QFETCH(bool, byLastName);
    QFETCH(QStringList, expected);
    add(person(u"Ada"_qs, u"Lovelace"_qs));
    Contact grace = person(u"Grace"_qs, u"Hopper"_qs);
    grace.isFavorite = true;
    add(grace);
    add(person(u"Émile"_qs, u"Zola"_qs));
    add(person(u"Łukasz"_qs, u"Nowak"_qs));
    add(person(u"Alan"_qs, u"Turing"_qs));
    Contact acme;
    acme.company = u"Acme"_qs;
    acme.emails = {{{}, u"info@acme.test"_qs}};
    add(acme);
    Contact zoe;
    zoe.emails = {{{}, u"zoe@example.com"_qs}};
    add(zoe);
    Contact club;
    club.company = u"42 Club"_qs;
    add(club);
    add(person(u"小龙"_qs, u"李"_qs));
    add(person(u"Ringo"_qs, {}));

    ContactListModel model;
    QAbstractItemModelTester tester(&model);
    model.setByLastName(byLastName);
    model.setStore(m_store.get());
    QCOMPARE(rows(model), expected);
    QCOMPARE(model.count(), expected.size());
    QCOMPARE(model.unfilteredCount(), expected.size());
    // Initials and the line under the name.
    const int acmeRow = model.rowOf(model.idAt(1));
    QCOMPARE(model.index(acmeRow).data(ContactListModel::InitialsRole).toString(), u"A"_qs);
    QCOMPARE(model.index(acmeRow).data(ContactListModel::SecondaryRole).toString(),
             u"info@acme.test"_qs);
    QCOMPARE(model.index(0).data(ContactListModel::InitialsRole).toString(), u"GH"_qs);
}

void TestContactListModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty: all") << QString() << QStringList{u"Ada Lovelace"_qs, u"Alan Turing"_qs};
    QTest::newRow("first name") << u"ada"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("accents ignored") << u"lövelace"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("two words, two fields")
        << u"ada analytical"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("primary email") << u"ada@engine"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("further email in extra") << u"countess@"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("further phone in extra") << u"555 0199"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("phone digits only") << u"5550199"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("company") << u"bletchley"_qs << QStringList{u"Alan Turing"_qs};
    QTest::newRow("job title") << u"cryptanalyst"_qs << QStringList{u"Alan Turing"_qs};
    QTest::newRow("further address") << u"wilmslow"_qs << QStringList{u"Alan Turing"_qs};
    QTest::newRow("notes") << u"analytical engine"_qs << QStringList{u"Ada Lovelace"_qs};
    QTest::newRow("tag") << u"pioneer"_qs << QStringList{u"Ada Lovelace"_qs, u"Alan Turing"_qs};
    QTest::newRow("no match") << u"nobody"_qs << QStringList{};
}

void TestContactListModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Contact ada = person(u"Ada"_qs, u"Lovelace"_qs);
    ada.emails = {{{}, u"ada@engine.test"_qs}, {u"home"_qs, u"countess@lovelace.test"_qs}};
    ada.phones = {{u"cell"_qs, u"+44 20 555 0100"_qs}, {u"home"_qs, u"+44 20 555 0199"_qs}};
    ada.notes = u"Wrote about the Analytical Engine."_qs;
    ada.tags = {u"Pioneer"_qs};
    add(ada);
    Contact alan = person(u"Alan"_qs, u"Turing"_qs);
    alan.company = u"Bletchley Park"_qs;
    alan.jobTitle = u"Cryptanalyst"_qs;
    alan.addresses = {{u"work"_qs, u"Bletchley"_qs},
                      {u"home"_qs, u"43 Adlington Road\nWilmslow"_qs}};
    alan.tags = {u"Pioneers"_qs};
    add(alan);

    ContactListModel model;
    QAbstractItemModelTester tester(&model);
    model.setStore(m_store.get());
    model.setSearchText(text);
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names.append(model.index(row).data(ContactListModel::NameRole).toString());
    QCOMPARE(names, expected);
    QCOMPARE(model.unfilteredCount(), 2);
}

void TestContactListModel::archivedOnlyInTheArchive()
{
    add(person(u"Ada"_qs, u"Lovelace"_qs));
    Contact old = person(u"Old"_qs, u"Friend"_qs);
    old.isArchived = true;
    const QString oldId = add(old);
    ContactListModel model;
    QAbstractItemModelTester tester(&model);
    model.setStore(m_store.get());
    QCOMPARE(rows(model), QStringList{u"L:Ada Lovelace"_qs});
    model.setArchived(true);
    QCOMPARE(rows(model), QStringList{u"F:Old Friend"_qs});
    QCOMPARE(model.unfilteredCount(), 1);
    // Unarchived: it leaves the archive and joins the list.
    QVERIFY(contacts()->update(oldId, {{u"isArchived"_qs, false}}));
    QCOMPARE(model.count(), 0);
    model.setArchived(false);
    QCOMPARE(rows(model), (QStringList{u"F:Old Friend"_qs, u"L:Ada Lovelace"_qs}));
}

void TestContactListModel::rowsFollowTheStore()
{
    const QString ada = add(person(u"Ada"_qs, u"Lovelace"_qs));
    add(person(u"Alan"_qs, u"Turing"_qs));
    ContactListModel model;
    QAbstractItemModelTester tester(&model);
    model.setStore(m_store.get());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moves(&model, &QAbstractItemModel::rowsInserted);
    // The star moves a row into Favourites, without a reset.
    QVERIFY(contacts()->update(ada, {{u"isFavorite"_qs, true}}));
    QCOMPARE(rows(model), (QStringList{u"★:Ada Lovelace"_qs, u"T:Alan Turing"_qs}));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(moves.count(), 1);
    // A new contact lands in its section; a search keeps out what does not match.
    model.setSearchText(u"a"_qs);
    add(person(u"Grace"_qs, u"Hopper"_qs));
    QCOMPARE(rows(model),
             (QStringList{u"★:Ada Lovelace"_qs, u"H:Grace Hopper"_qs, u"T:Alan Turing"_qs}));
    add(person(u"Bob"_qs, u"Smith"_qs));
    QCOMPARE(model.count(), 3);
    QCOMPARE(model.unfilteredCount(), 4);
    // A changed name moves the row; a deleted contact leaves.
    QVERIFY(contacts()->update(ada, {{u"isFavorite"_qs, false}, {u"lastName"_qs, u"Byron"_qs}}));
    QCOMPARE(rows(model),
             (QStringList{u"B:Ada Byron"_qs, u"H:Grace Hopper"_qs, u"T:Alan Turing"_qs}));
    QVERIFY(contacts()->remove(ada));
    QCOMPARE(rows(model), (QStringList{u"H:Grace Hopper"_qs, u"T:Alan Turing"_qs}));
    QCOMPARE(model.unfilteredCount(), 3);
}

void TestContactListModel::largeProfileIsReadInPages()
{
    for (const char *last : {"Adams", "Berger", "Chen", "Dubois", "Eriksen"})
        add(person(u"X"_qs, QString::fromLatin1(last)));
    ContactListModel model;
    QAbstractItemModelTester tester(&model);
    model.setLoadPageSize(2);
    model.setStore(m_store.get());
    // Nothing yet, and no "no contacts" either: loading.
    QVERIFY(model.loading());
    QCOMPARE(model.count(), 0);
    // A change while the pages are read is applied once they are.
    const QString late = add(person(u"Ada"_qs, u"Lovelace"_qs));
    QVERIFY(contacts()->remove(late));
    add(person(u"Grace"_qs, u"Hopper"_qs));
    QTRY_VERIFY(!model.loading());
    QCOMPARE(rows(model), (QStringList{u"A:X Adams"_qs, u"B:X Berger"_qs, u"C:X Chen"_qs,
                                       u"D:X Dubois"_qs, u"E:X Eriksen"_qs, u"H:Grace Hopper"_qs}));
    QCOMPARE(model.unfilteredCount(), 6);
    // The sort order reads again, in pages too.
    model.setByLastName(false);
    QVERIFY(model.loading());
    QTRY_VERIFY(!model.loading());
    QCOMPARE(rows(model).first(), u"G:Grace Hopper"_qs);
}

void TestContactListModel::folding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::addColumn<QString>("section");
    QTest::newRow("plain") << u"Ada"_qs << u"ada"_qs << u"A"_qs;
    QTest::newRow("umlaut") << u"Özil"_qs << u"ozil"_qs << u"O"_qs;
    QTest::newRow("acute") << u"Émile"_qs << u"emile"_qs << u"E"_qs;
    QTest::newRow("stroke") << u"Łukasz"_qs << u"lukasz"_qs << u"L"_qs;
    QTest::newRow("slashed o") << u"Øyvind"_qs << u"oyvind"_qs << u"O"_qs;
    QTest::newRow("digit") << u"3M"_qs << u"3m"_qs << u"#"_qs;
    QTest::newRow("greek") << u"Ωmega"_qs << u"ωmega"_qs << u"#"_qs;
    QTest::newRow("cjk") << u"李"_qs << u"李"_qs << u"#"_qs;
    QTest::newRow("empty") << QString() << QString() << u"#"_qs;
}

void TestContactListModel::folding()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QFETCH(QString, section);
    QCOMPARE(foldText(text), folded);
    QCOMPARE(sectionOf(foldText(text)), section);
}

void TestContactListModel::avatarColourIsStable()
{
    // Fixed values: the colour must not change between runs or versions
    // (qHash is seeded per process; this must not be).
    QCOMPARE(avatarColor(u"seed-contacts-ada-lovelace"_qs), u"#EA580C"_qs);
    QCOMPARE(avatarColor(u"a"_qs), u"#16A34A"_qs);
    QStringList seen;
    for (int i = 0; i < 200; ++i)
        seen.append(avatarColor(QString::number(i)));
    seen.removeDuplicates();
    QCOMPARE(seen.size(), 12);
}

QTEST_GUILESS_MAIN(TestContactListModel)

#include "tst_contactlistmodel.moc"
