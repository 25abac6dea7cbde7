// The import dialog's C++ (modules/contacts/ui/contactsimporter.h) over a
// real profile: the file is read and checked on a worker thread while the
// UI thread's event loop keeps turning (a timer on it keeps firing), the
// stored contacts read in pages give the same duplicates as the direct
// check, Cancel drops what the worker finds, a changed CSV mapping is
// built again off the UI thread, and the write is still one undo step.
#include "collection.h"
#include "contactsimporter.h"
#include "contactstestsupport.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace mana;
using namespace mana::contacts;
using namespace mana::contacts::test;
using namespace Qt::StringLiterals;

namespace {

Contact numbered(int i)
{
    Contact contact;
    contact.firstName = u"Vorname%1"_s.arg(i);
    contact.lastName = u"Nachname%1"_s.arg(i % 97);
    contact.emails = {{u"work"_s, u"person%1@example.org"_s.arg(i)}};
    contact.phones = {{u"cell"_s, u"+49 170 %1"_s.arg(1000000 + i)}};
    contact.notes = u"Notiz %1"_s.arg(i);
    return contact;
}

QByteArray manyVCards(int count)
{
    QList<Contact> contacts;
    for (int i = 0; i < count; ++i)
        contacts.append(numbered(i));
    return writeVCards(contacts, VCardVersion::V3);
}

} // namespace

class TestContactsImporter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void previewRunsOffTheUiThread();
    void sameDuplicatesAsTheDirectCheck_data();
    void sameDuplicatesAsTheDirectCheck();
    void cancelDropsTheResult_data();
    void cancelDropsTheResult();
    void changedMappingIsBuiltAgain();
    void malformedFileSaysWhere();
    void importIsOneUndoStep();

private:
    Collection *contacts() const { return m_store->collection(u"contacts"_qs, u"contacts"_qs); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestContactsImporter::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"contacts"_qs)->spec, &error), qPrintable(error));
}

void TestContactsImporter::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestContactsImporter::previewRunsOffTheUiThread()
{
    ContactsImporter importer;
    importer.setStore(m_store.get());
    // A timer on the UI thread: it fires only while the event loop turns,
    // which it cannot while a parse holds the thread.
    int ticks = 0;
    QTimer timer;
    timer.setInterval(0);
    connect(&timer, &QTimer::timeout, &timer, [&ticks] { ++ticks; });
    timer.start();
    QVERIFY(importer.openBytes(manyVCards(10000), u"many.vcf"_s));
    // Back at once, before anything was read.
    QVERIFY(importer.busy());
    QVERIFY(!importer.ready());
    QCOMPARE(importer.contactCount(), 0);
    QCOMPARE(ticks, 0);
    int ticksWhenPrepared = -1;
    connect(&importer, &ContactsImporter::previewChanged, &importer, [&] {
        if (!importer.busy() && ticksWhenPrepared < 0)
            ticksWhenPrepared = ticks;
    });
    QTRY_VERIFY_WITH_TIMEOUT(!importer.busy(), 60000);
    QVERIFY(importer.ready());
    QCOMPARE(importer.format(), u"vcard"_s);
    QCOMPARE(importer.contactCount(), 10000);
    // The loop turned while the 10,000 cards were parsed.
    QVERIFY2(ticksWhenPrepared > 1, qPrintable(QString::number(ticksWhenPrepared)));
}

void TestContactsImporter::sameDuplicatesAsTheDirectCheck_data()
{
    QTest::addColumn<int>("stored");
    // Around the page size (400): every page boundary in the order
    // by last name, first name, id.
    for (const int stored : {0, 1, 399, 400, 401, 950})
        QTest::addRow("%d stored", stored) << stored;
}

void TestContactsImporter::sameDuplicatesAsTheDirectCheck()
{
    QFETCH(int, stored);
    QList<QJsonObject> records;
    for (int i = 0; i < stored; ++i) {
        // Every email twice among the stored ones (i and i + 300): which
        // one a duplicate names depends on the order they were read in.
        Contact contact = numbered(i % 300);
        contact.firstName = u"Gespeichert%1"_s.arg(i);
        contact.lastName = u"Name%1"_s.arg((i * 7) % 13);
        records.append(toRecord(contact));
    }
    if (!records.isEmpty())
        QCOMPARE(contacts()->insertMany(records).size(), records.size());
    // The file: people 0..499 (some stored), then 0..49 again (earlier in
    // the file, or stored).
    QList<Contact> incoming;
    for (int i = 0; i < 500; ++i)
        incoming.append(numbered(i));
    for (int i = 0; i < 50; ++i)
        incoming.append(numbered(i));

    ContactsImport direct(m_store.get());
    const QList<DuplicateCandidate> expected = direct.prepare(incoming);

    ContactsImporter importer;
    importer.setStore(m_store.get());
    QVERIFY(importer.openBytes(writeVCards(incoming, VCardVersion::V4), u"file.vcf"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!importer.busy(), 60000);
    QVERIFY(importer.ready());
    QCOMPARE(importer.contactCount(), incoming.size());
    const QVariantList duplicates = importer.duplicates();
    QCOMPARE(importer.duplicateCount(), expected.size());
    QCOMPARE(duplicates.size(),
             qMin(expected.size(), qsizetype(ContactsImporter::kShownDuplicates)));
    for (qsizetype i = 0; i < duplicates.size(); ++i) {
        const QVariantMap shownOne = duplicates.at(i).toMap();
        QCOMPARE(shownOne.value(u"incoming"_s).toInt(), expected.at(i).incoming);
        QCOMPARE(shownOne.value(u"matchedKey"_s).toString(), expected.at(i).matchedKey);
        const QString existing =
            expected.at(i).existingId.isEmpty()
                ? incoming.at(expected.at(i).earlierIncoming).displayName()
                : fromRecord(*contacts()->get(expected.at(i).existingId)).displayName();
        QCOMPARE(shownOne.value(u"existingName"_s).toString(), existing);
    }
}

void TestContactsImporter::cancelDropsTheResult_data()
{
    QTest::addColumn<int>("turnsBeforeCancel");
    QTest::addRow("while the stored contacts are read") << 0;
    QTest::addRow("while the worker parses") << 3;
}

void TestContactsImporter::cancelDropsTheResult()
{
    QFETCH(int, turnsBeforeCancel);
    ContactsImporter importer;
    importer.setStore(m_store.get());
    QVERIFY(importer.openBytes(manyVCards(2000), u"many.vcf"_s));
    for (int turn = 0; turn < turnsBeforeCancel; ++turn)
        QCoreApplication::processEvents();
    importer.cancel();
    QVERIFY(!importer.busy());
    importer.waitForWorker();
    // The worker's result (queued to this thread) arrives and is dropped.
    for (int turn = 0; turn < 5; ++turn)
        QCoreApplication::processEvents();
    QVERIFY(!importer.ready());
    QVERIFY(!importer.busy());
    QCOMPARE(importer.contactCount(), 0);
    QCOMPARE(importer.fileName(), QString());
    QVERIFY(!importer.run());
    QCOMPARE(contacts()->count(), 0);
}

void TestContactsImporter::changedMappingIsBuiltAgain()
{
    ContactsImporter importer;
    importer.setStore(m_store.get());
    QVERIFY(importer.openBytes(fixture(u"google-new.csv"_s), u"google-new.csv"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!importer.busy(), 60000);
    QCOMPARE(importer.format(), u"google"_s);
    const int found = importer.contactCount();
    QVERIFY(found > 0);
    QCOMPARE(importer.columns().at(0).toMap().value(u"target"_s).toInt(),
             int(ContactField::FirstName));
    importer.setColumnTarget(0, int(ContactField::None));
    QVERIFY(importer.busy());
    QVERIFY(!importer.ready());
    QTRY_VERIFY_WITH_TIMEOUT(!importer.busy(), 60000);
    QVERIFY(importer.ready());
    QCOMPARE(importer.columns().at(0).toMap().value(u"target"_s).toInt(), int(ContactField::None));
    QCOMPARE(importer.contactCount(), found);
}

void TestContactsImporter::malformedFileSaysWhere()
{
    ContactsImporter importer;
    importer.setStore(m_store.get());
    QVERIFY(importer.openText(u"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Half\r\n"_s, u"broken.vcf"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!importer.busy(), 60000);
    QVERIFY(!importer.ready());
    QCOMPARE(importer.error(),
             u"The card that starts in line 1 has no END:VCARD. Nothing was imported."_s);
    QVERIFY(!importer.run());
    QCOMPARE(contacts()->count(), 0);
}

void TestContactsImporter::importIsOneUndoStep()
{
    ContactsImporter importer;
    importer.setStore(m_store.get());
    QVERIFY(importer.openBytes(manyVCards(600), u"many.vcf"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!importer.busy(), 60000);
    QVERIFY(importer.run());
    QCOMPARE(importer.imported(), 600);
    QCOMPARE(contacts()->count(), 600);
    QVERIFY(importer.undoStep() > 0);
    QVERIFY(m_store->undo(importer.undoStep()));
    QCOMPARE(contacts()->count(), 0);
}

QTEST_GUILESS_MAIN(TestContactsImporter)
#include "tst_contactsimporter.moc"
