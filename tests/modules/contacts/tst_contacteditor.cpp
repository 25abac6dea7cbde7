// The contact form's C++ (modules/contacts/ui/contacteditor.h) over a real
// profile: a stored contact saved unchanged writes nothing; emails, phones
// and addresses edited as rows with their kinds and tags as chips come out
// of a vCard export exactly as edited (3.0 and 4.0); what the form does not
// show is kept; bad input writes nothing and says why.
#include "collection.h"
#include "contacteditor.h"
#include "contactsimport.h"
#include "contactstestsupport.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::contacts;
using namespace mana::contacts::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(mana::contacts::VCardVersion)

class TestContactEditor : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void unchangedSaveWritesNothing_data();
    void unchangedSaveWritesNothing();
    void editedRowsRoundTripThroughVCard_data();
    void editedRowsRoundTripThroughVCard();
    void newContact();
    void kinds_data();
    void kinds();
    void badInputWritesNothing_data();
    void badInputWritesNothing();

private:
    Collection *contacts() const { return m_store->collection(u"contacts"_s, u"contacts"_s); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestContactEditor::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_s), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"contacts"_s)->spec, &error), qPrintable(error));
}

void TestContactEditor::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestContactEditor::unchangedSaveWritesNothing_data()
{
    QTest::addColumn<QString>("file");
    for (const char *file : {"apple-3.0.vcf", "outlook-2.1.vcf", "thunderbird-4.0.vcf"})
        QTest::addRow("%s", file) << QString::fromLatin1(file);
}

void TestContactEditor::unchangedSaveWritesNothing()
{
    QFETCH(QString, file);
    QVERIFY(importVCards(m_store.get(), fixture(file), DuplicateChoice::ImportAsNew).ok());
    const QList<QJsonObject> before = contacts()->query();
    QVERIFY(!before.isEmpty());
    ContactEditor editor;
    editor.setStore(m_store.get());
    for (const QJsonObject &record : before) {
        const QString id = record.value(u"id"_s).toString();
        QVERIFY(editor.load(id));
        // The form holds the whole contact (photo, uid, kinds of its own).
        QCOMPARE(dump(editor.contact()), dump(fromRecord(record)));
        QVERIFY2(editor.save(), qPrintable(editor.error()));
        QCOMPARE(*contacts()->get(id), record);
    }
}

void TestContactEditor::editedRowsRoundTripThroughVCard_data()
{
    QTest::addColumn<VCardVersion>("version");
    QTest::addRow("3.0") << VCardVersion::V3;
    QTest::addRow("4.0") << VCardVersion::V4;
}

void TestContactEditor::editedRowsRoundTripThroughVCard()
{
    QFETCH(VCardVersion, version);
    QVERIFY(importVCards(m_store.get(), fixture(u"apple-3.0.vcf"_s), DuplicateChoice::ImportAsNew)
                .ok());
    const QString id = contacts()->query().first().value(u"id"_s).toString();
    ContactEditor editor;
    editor.setStore(m_store.get());
    QVERIFY(editor.load(id));
    const Contact loaded = editor.contact();
    // Rows: a work email added, the first phone removed, a phone of the
    // user's own kind, an address over three lines, a tag added and one
    // removed, a birthday without a year.
    editor.addRow(ContactEditor::Emails, u"work"_s);
    const int email = int(editor.emails().size()) - 1;
    editor.setRowValue(ContactEditor::Emails, email, u"  neu@example.com "_s);
    editor.addRow(ContactEditor::Phones);
    const int phone = int(editor.phones().size()) - 1;
    editor.setRowValue(ContactEditor::Phones, phone, u"+49 30 5550199"_s);
    editor.setRowKind(ContactEditor::Phones, phone, u"Büro Nord"_s);
    if (!loaded.phones.isEmpty())
        editor.removeRow(ContactEditor::Phones, 0);
    editor.addRow(ContactEditor::Addresses, u"work"_s);
    editor.setRowValue(ContactEditor::Addresses, int(editor.addresses().size()) - 1,
                       u"Hauptstraße 5\n\n10115 Berlin\nDeutschland"_s);
    QVERIFY(editor.addTag(u"Verein"_s));
    QVERIFY(!editor.addTag(u"verein"_s)); // already there, case ignored
    if (!loaded.tags.isEmpty())
        editor.removeTag(0);
    editor.setProperty("birthday", u"--07-14"_s);
    editor.setProperty("company", u"Neue Firma"_s);
    QVERIFY2(editor.save(), qPrintable(editor.error()));

    const Contact saved = fromRecord(*contacts()->get(id));
    QCOMPARE(dump(saved), dump(editor.contact()));
    QCOMPARE(saved.emails.last(), (LabeledValue{u"work"_s, u"neu@example.com"_s}));
    QCOMPARE(saved.phones.last(), (LabeledValue{u"Büro Nord"_s, u"+49 30 5550199"_s}));
    QCOMPARE(saved.addresses.last().value, u"Hauptstraße 5\n10115 Berlin\nDeutschland"_s);
    QCOMPARE(saved.birthday, QDate(kBirthdayWithoutYear, 7, 14));
    QVERIFY(saved.tags.contains(u"Verein"_s));
    QCOMPARE(saved.photo, loaded.photo); // not on the form, kept
    QCOMPARE(saved.uid, loaded.uid);

    // Exported and read back: the same contact.
    const ParsedContacts back = parseVCards(exportVCards(m_store.get(), version));
    QVERIFY(back.ok());
    QStringList dumps = dumpAll(back.contacts);
    QVERIFY2(dumps.contains(dump(saved)),
             qPrintable(dumps.join(u"\n----\n"_s) + u"\n====\n"_s + dump(saved)));
}

void TestContactEditor::newContact()
{
    ContactEditor editor;
    editor.setStore(m_store.get());
    editor.startNew();
    QCOMPARE(editor.contactId(), QString());
    QCOMPARE(editor.emails().size(), 1);
    QCOMPARE(editor.phones().size(), 1);
    editor.setProperty("firstName", u"Jana"_s);
    editor.setRowValue(ContactEditor::Emails, 0, u"jana@example.org"_s);
    // The empty phone row is left out.
    QVERIFY(editor.addTag(u"Familie"_s));
    QVERIFY2(editor.save(), qPrintable(editor.error()));
    QVERIFY(!editor.contactId().isEmpty());
    const Contact saved = fromRecord(*contacts()->get(editor.contactId()));
    QCOMPARE(saved.firstName, u"Jana"_s);
    QCOMPARE(saved.emails, (QList<LabeledValue>{{u"home"_s, u"jana@example.org"_s}}));
    QVERIFY(saved.phones.isEmpty());
    QCOMPARE(saved.tags, QStringList{u"Familie"_s});
    QCOMPARE(contacts()->count(), 1);
}

void TestContactEditor::kinds_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("kinds");
    const QStringList usual{u"home"_s, u"work"_s, u"other"_s};
    const QStringList phones{u"cell"_s, u"home"_s, u"work"_s, u"other"_s};
    QTest::addRow("email") << int(ContactEditor::Emails) << u"work"_s << usual;
    QTest::addRow("phone") << int(ContactEditor::Phones) << u"cell"_s << phones;
    QTest::addRow("phone fax") << int(ContactEditor::Phones) << u"home,fax"_s
                               << phones + QStringList{u"home,fax"_s};
    QTest::addRow("own label") << int(ContactEditor::Addresses) << u"Büro Nord"_s
                               << usual + QStringList{u"Büro Nord"_s};
    QTest::addRow("none") << int(ContactEditor::Emails) << QString() << usual + QStringList{{}};
}

void TestContactEditor::kinds()
{
    QFETCH(int, field);
    QFETCH(QString, current);
    QFETCH(QStringList, kinds);
    ContactEditor editor;
    QCOMPARE(editor.kindsFor(field, current), kinds);
}

void TestContactEditor::badInputWritesNothing_data()
{
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("birthday");
    QTest::addColumn<QString>("error");
    QTest::addRow("not a date") << u"Jana"_s << u"14 July"_s
                                << u"“14 July” is not a date. Write the birthday as 1985-04-12, "
                                   u"or --04-12 without a year."_s;
    QTest::addRow("no such day") << u"Jana"_s << u"1985-02-30"_s
                                 << u"“1985-02-30” is not a date. Write the birthday as "
                                    u"1985-04-12, or --04-12 without a year."_s;
    QTest::addRow("nothing to show")
        << u"  "_s << QString()
        << u"Give the contact a name, a company, an email or a phone number."_s;
}

void TestContactEditor::badInputWritesNothing()
{
    QFETCH(QString, firstName);
    QFETCH(QString, birthday);
    QFETCH(QString, error);
    ContactEditor editor;
    editor.setStore(m_store.get());
    editor.startNew();
    editor.setProperty("firstName", firstName);
    editor.setProperty("birthday", birthday);
    QVERIFY(!editor.save());
    QCOMPARE(editor.error(), error);
    QCOMPARE(contacts()->count(), 0);
}

QTEST_GUILESS_MAIN(TestContactEditor)
#include "tst_contacteditor.moc"
