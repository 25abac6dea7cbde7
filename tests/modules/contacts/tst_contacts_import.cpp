// Duplicates and the import into a real store: the keys (email, phone),
// the candidates against stored contacts and earlier ones of the same
// file, the merge, and the import with a choice per candidate in one write
// group that one Undo takes back; a malformed file writes nothing; the
// export reads back to what is stored.
#include "collection.h"
#include "contactsimport.h"
#include "contactstestsupport.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::contacts;
using namespace mana::contacts::test;

Q_DECLARE_METATYPE(mana::contacts::DuplicateChoice)

namespace {

Contact with(const QString &first, const QStringList &emails, const QStringList &phones = {})
{
    Contact contact;
    contact.firstName = first;
    for (const QString &email : emails)
        contact.emails.append({{}, email});
    for (const QString &phone : phones)
        contact.phones.append({{}, phone});
    return contact;
}

using Match = DuplicateCandidate::Match;

} // namespace

class TestContactsImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keys_data();
    void keys();
    void findsDuplicates_data();
    void findsDuplicates();
    void merges_data();
    void merges();
    void recordRoundTrip();
    void importWithChoicesIsOneUndoStep_data();
    void importWithChoicesIsOneUndoStep();
    void malformedFileWritesNothing();
    void exportReadsBackToTheStore();

private:
    Collection *contacts() const { return m_store->collection(u"contacts"_qs, u"contacts"_qs); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestContactsImport::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"contacts"_qs)->spec, &error), qPrintable(error));
}

void TestContactsImport::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestContactsImport::keys_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("emailKey");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("phoneKey");
    QTest::newRow("case and blanks") << u" Ada@Example.ORG "_qs << u"ada@example.org"_qs
                                     << u"+49 (30) 555-0100"_qs << u"+49305550100"_qs;
    QTest::newRow("national 0 is not a country code")
        << u"a@b"_qs << u"a@b"_qs << u"030 5550100"_qs << u"0305550100"_qs;
    QTest::newRow("00 is not turned into +")
        << u""_qs << u""_qs << u"0049 30 5550100"_qs << u"0049305550100"_qs;
    QTest::newRow("too short to compare") << u"  "_qs << u""_qs << u"+1 2"_qs << u""_qs;
}

void TestContactsImport::keys()
{
    QFETCH(QString, email);
    QFETCH(QString, phone);
    QTEST(normalizedEmail(email), "emailKey");
    QTEST(normalizedPhone(phone), "phoneKey");
}

void TestContactsImport::findsDuplicates_data()
{
    QTest::addColumn<QList<Contact>>("incoming");
    QTest::addColumn<QList<StoredContact>>("stored");
    QTest::addColumn<QList<DuplicateCandidate>>("expected");
    const QList<StoredContact> stored{
        {u"r1"_qs, with(u"Ada"_qs, {u"ada@example.org"_qs}, {u"+49 30 5550100"_qs})},
        {u"r2"_qs, with(u"Bob"_qs, {u"bob@example.org"_qs, u"robert@example.org"_qs})}};
    QTest::newRow("email, other case")
        << QList<Contact>{with(u"A"_qs, {u"ADA@example.org "_qs})} << stored
        << QList<DuplicateCandidate>{{0, u"r1"_qs, -1, Match::Email, u"ada@example.org"_qs}};
    QTest::newRow("a further email of the stored one")
        << QList<Contact>{with(u"R"_qs, {u"new@example.org"_qs, u"Robert@example.org"_qs})}
        << stored
        << QList<DuplicateCandidate>{{0, u"r2"_qs, -1, Match::Email, u"robert@example.org"_qs}};
    QTest::newRow("phone written differently")
        << QList<Contact>{with(u"A"_qs, {}, {u"+49 (30) 555 01 00"_qs})} << stored
        << QList<DuplicateCandidate>{{0, u"r1"_qs, -1, Match::Phone, u"+49305550100"_qs}};
    QTest::newRow("national phone is not guessed")
        << QList<Contact>{with(u"A"_qs, {}, {u"030 5550100"_qs})} << stored
        << QList<DuplicateCandidate>{};
    QTest::newRow("earlier in the same file")
        << QList<Contact>{with(u"C"_qs, {u"c@example.org"_qs}), with(u"D"_qs, {}),
                          with(u"C2"_qs, {u"x@example.org"_qs, u"C@example.org"_qs})}
        << stored << QList<DuplicateCandidate>{{2, {}, 0, Match::Email, u"c@example.org"_qs}};
    QTest::newRow("a stored match wins over an earlier one")
        << QList<Contact>{with(u"P"_qs, {}, {u"+1 555 0100 99"_qs}),
                          with(u"Q"_qs, {u"ada@example.org"_qs}, {u"+1 555 0100 99"_qs})}
        << stored
        << QList<DuplicateCandidate>{{1, u"r1"_qs, -1, Match::Email, u"ada@example.org"_qs}};
    QTest::newRow("a third copy names the stored record")
        << QList<Contact>{with(u"A1"_qs, {u"ada@example.org"_qs, u"ada2@example.org"_qs}),
                          with(u"A2"_qs, {u"ada2@example.org"_qs})}
        << stored
        << QList<DuplicateCandidate>{{0, u"r1"_qs, -1, Match::Email, u"ada@example.org"_qs},
                                     {1, u"r1"_qs, -1, Match::Email, u"ada2@example.org"_qs}};
    QTest::newRow("nothing stored, nothing shared")
        << QList<Contact>{with(u"A"_qs, {u"a@x"_qs}), with(u"B"_qs, {u"b@x"_qs})}
        << QList<StoredContact>{} << QList<DuplicateCandidate>{};
}

void TestContactsImport::findsDuplicates()
{
    QFETCH(QList<Contact>, incoming);
    QFETCH(QList<StoredContact>, stored);
    QTEST(findDuplicates(incoming, stored), "expected");
}

void TestContactsImport::merges_data()
{
    QTest::addColumn<Contact>("existing");
    QTest::addColumn<Contact>("incoming");
    QTest::addColumn<QString>("expected");
    Contact ada = with(u"Ada"_qs, {u"ada@example.org"_qs}, {u"+49 30 5550100"_qs});
    ada.tags = {u"Friends"_qs};
    Contact richer = with(u"Augusta"_qs, {u"ADA@example.org"_qs, u"ada@work.example"_qs},
                          {u"+49 (30) 5550100"_qs, u"+44 20 5550199"_qs});
    richer.lastName = u"Lovelace"_qs;
    richer.company = u"Analytical Engines"_qs;
    richer.birthday = QDate(1815, 12, 10);
    richer.tags = {u"friends"_qs, u"Math"_qs};
    richer.isFavorite = true;
    richer.addresses = {{u"home"_qs, u"1 St James's Square\nLondon"_qs}};
    QTest::newRow("fills, appends, unites")
        << ada << richer
        << u"first: Ada\nlast: Lovelace\ncompany: Analytical Engines\nbirthday: 1815-12-10\n"
           "email: [] ada@example.org\nemail: [] ada@work.example\nphone: [] +49 30 5550100\n"
           "phone: [] +44 20 5550199\naddress: [home] 1 St James's Square\nLondon\n"
           "tags: Friends | Math\nfavorite: yes"_qs;
    QTest::newRow("into an empty one") << Contact() << ada << dump(ada);
    QTest::newRow("nothing new") << ada << with(u"Other"_qs, {u"ada@example.org"_qs}) << dump(ada);
}

void TestContactsImport::merges()
{
    QFETCH(Contact, existing);
    QFETCH(Contact, incoming);
    QTEST(dump(mergeContacts(existing, incoming)), "expected");
}

void TestContactsImport::recordRoundTrip()
{
    const ParsedContacts parsed = parseVCards(fixture(u"apple-3.0.vcf"_qs));
    QVERIFY(parsed.ok());
    for (Contact contact : parsed.contacts) {
        contact.otherExtra.insert(u"laterUi"_qs, 42);
        QCOMPARE(fromRecord(toRecord(contact)), contact);
    }
    const QJsonObject record = toRecord(parsed.contacts.first());
    QCOMPARE(record.value(u"email"_qs).toString(), u"marta.kowalski@example.com"_qs);
    QCOMPARE(record.value(u"birthday"_qs).toString(), u"1985-04-12"_qs);
    const QJsonObject extra = record.value(u"extra"_qs).toObject();
    QCOMPARE(extra.value(u"emailType"_qs).toString(), u"other"_qs);
    QCOMPARE(extra.value(u"phones"_qs).toArray().first().toObject().value(u"type"_qs).toString(),
             u"Büro Nord"_qs);
}

void TestContactsImport::importWithChoicesIsOneUndoStep_data()
{
    QTest::addColumn<DuplicateChoice>("choice");
    QTest::addColumn<int>("imported");
    QTest::addColumn<int>("merged");
    QTest::addColumn<int>("skipped");
    QTest::addColumn<int>("records");
    // The file: Marta (stored already, by her email), Jonas (new), Marta's
    // second copy later in the file (by her phone), the company (new).
    QTest::newRow("skip") << DuplicateChoice::Skip << 2 << 0 << 2 << 3;
    QTest::newRow("import as new") << DuplicateChoice::ImportAsNew << 4 << 0 << 0 << 5;
    QTest::newRow("merge") << DuplicateChoice::Merge << 2 << 2 << 0 << 3;
}

void TestContactsImport::importWithChoicesIsOneUndoStep()
{
    QFETCH(DuplicateChoice, choice);
    Contact stored = with(u"Marta"_qs, {u"Marta.Kowalski@example.com"_qs});
    stored.lastName = u"K."_qs;
    const QString id = contacts()->insert(toRecord(stored)).id;
    QVERIFY(!id.isEmpty());

    QList<Contact> file = parseVCards(fixture(u"apple-3.0.vcf"_qs)).contacts;
    Contact copy = with(u"M"_qs, {}, {u"+49 170 555 0101"_qs});
    copy.tags = {u"Kunden"_qs};
    file.insert(2, copy);
    ContactsImport import(m_store.get());
    const QList<DuplicateCandidate> duplicates = import.prepare(file);
    QCOMPARE(duplicates.size(), 2);
    QCOMPARE(duplicates.at(0).existingId, id);
    // The copy was Marta's in the file; she is stored, so it names the record.
    QCOMPARE(duplicates.at(1).incoming, 2);
    QCOMPARE(duplicates.at(1).existingId, id);
    QCOMPARE(contacts()->count(), 1); // a preview writes nothing

    QHash<int, DuplicateChoice> choices{{0, choice}, {2, choice}};
    const ContactsImportResult result = import.run(choices);
    QVERIFY2(result.ok(), qPrintable(result.storeError));
    QTEST(result.imported, "imported");
    QTEST(result.merged, "merged");
    QTEST(result.skipped, "skipped");
    QTEST(contacts()->count(), "records");
    const Contact after = fromRecord(*contacts()->get(id));
    if (choice == DuplicateChoice::Merge) {
        QCOMPARE(after.lastName, u"K."_qs);            // kept
        QCOMPARE(after.company, u"Nordlicht GmbH"_qs); // filled
        QCOMPARE(after.emails.size(), 2);
        QCOMPARE(after.phones.size(), 2);
        QCOMPARE(after.tags, (QStringList{u"Freunde"_qs, u"Arbeit"_qs, u"Kunden"_qs}));
    } else {
        QCOMPARE(after, stored);
    }
    QVERIFY(result.undoStepId > 0);
    QVERIFY(m_store->undo(result.undoStepId));
    QCOMPARE(contacts()->count(), 1);
    QCOMPARE(fromRecord(*contacts()->get(id)), stored);
}

void TestContactsImport::malformedFileWritesNothing()
{
    QVERIFY(contacts()->insert(toRecord(with(u"A"_qs, {u"a@example.org"_qs}))));
    const QByteArray broken =
        fixture(u"thunderbird-4.0.vcf"_qs).replace("END:VCARD\r\nBEGIN:VCARD", "BEGIN:VCARD");
    const ContactsImportResult vcard = importVCards(m_store.get(), broken, DuplicateChoice::Merge);
    QCOMPARE(vcard.error, (ContactsFileFailure{ContactsFileError::UnterminatedCard, 1}));
    QCOMPARE(vcard.undoStepId, 0);
    const ContactsImportResult csv = importContactsCsv(
        m_store.get(), "First Name,E-mail 1 - Value\nB,b@x\nC,\"c@x\n", DuplicateChoice::Merge);
    QCOMPARE(csv.error, (ContactsFileFailure{ContactsFileError::UnclosedQuote, 3}));
    QCOMPARE(contacts()->count(), 1);
}

void TestContactsImport::exportReadsBackToTheStore()
{
    for (const QString &file : {u"apple-3.0.vcf"_qs, u"thunderbird-4.0.vcf"_qs})
        QVERIFY(importVCards(m_store.get(), fixture(file), DuplicateChoice::ImportAsNew).ok());
    QVERIFY(importContactsCsv(m_store.get(), fixture(u"outlook-de.csv"_qs),
                              DuplicateChoice::ImportAsNew)
                .ok());
    QList<Contact> stored;
    for (const StoredContact &record : storedContacts(m_store.get()))
        stored.append(record.contact);
    QCOMPARE(stored.size(), 7);
    for (const VCardVersion version : {VCardVersion::V3, VCardVersion::V4}) {
        const ParsedContacts back = parseVCards(exportVCards(m_store.get(), version));
        QVERIFY(back.ok());
        QCOMPARE(dumpAll(back.contacts), dumpAll(stored));
    }
    // CSV has no uid column: compare without it.
    QList<Contact> withoutUid = stored;
    for (Contact &contact : withoutUid)
        contact.uid.clear();
    const ParsedContacts csv = parseContactsCsv(exportContactsCsv(m_store.get()));
    QVERIFY(csv.ok());
    QCOMPARE(dumpAll(csv.contacts), dumpAll(withoutUid));
}

QTEST_GUILESS_MAIN(TestContactsImport)
#include "tst_contacts_import.moc"
