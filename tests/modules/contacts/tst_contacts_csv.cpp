// CSV reading and writing: Google's older and newer exports and Outlook's
// (English, and German with `;` in Windows-1252) as fixtures; the column
// mapping as data and an edited mapping; RFC 4180 quoting; malformed files
// with their line numbers; the round trip through the writer.
#include "contactscsv.h"
#include "contactstestsupport.h"

#include <QTest>

using namespace mana::contacts;
using namespace mana::contacts::test;

Q_DECLARE_METATYPE(mana::contacts::ContactsFileError)
Q_DECLARE_METATYPE(mana::contacts::Contact)

namespace {

Contact person(const QString &first, const QString &last)
{
    Contact contact;
    contact.firstName = first;
    contact.lastName = last;
    return contact;
}

Contact marta()
{
    Contact marta = person(u"Marta"_qs, u"Kowalski"_qs);
    marta.company = u"Nordlicht GmbH"_qs;
    marta.jobTitle = u"Projektleiterin"_qs;
    marta.notes = u"Met at \"Tech Day\", 2019\nLikes green tea."_qs;
    marta.birthday = QDate(1985, 4, 12);
    marta.tags = {u"Freunde"_qs};
    marta.isFavorite = true;
    marta.emails = {{u"work"_qs, u"marta.kowalski@example.com"_qs},
                    {u"home"_qs, u"marta.k@example.net"_qs}};
    marta.phones = {{u"cell"_qs, u"+49 170 5550101"_qs},
                    {u"cell"_qs, u"+49 170 5550102"_qs},
                    {u"work"_qs, u"+49 30 5550100"_qs}};
    marta.addresses = {{u"home"_qs, u"Lindenallee 12\n10115 Berlin\nDeutschland"_qs}};
    return marta;
}

Contact jonas()
{
    Contact jonas = person(u"Jonas Maria"_qs, u"Berger"_qs);
    jonas.prefix = u"Dr."_qs;
    jonas.birthday = QDate(kBirthdayWithoutYear, 7, 23);
    jonas.emails = {{u"other"_qs, u"jonas.berger@example.org"_qs}};
    return jonas;
}

Contact stadtwerke()
{
    Contact works;
    works.company = u"Stadtwerke Example"_qs;
    works.phones = {{u"work"_qs, u"0800 5550199"_qs}};
    return works;
}

QList<Contact> googleOld()
{
    Contact pavel = person(u"Pavel"_qs, u"Novák"_qs);
    pavel.emails = {{{}, u"pavel@example.cz"_qs}};
    return {marta(), jonas(), stadtwerke(), pavel};
}

QList<Contact> googleNew()
{
    Contact newMarta = marta();
    newMarta.photo = u"https://lh3.googleusercontent.example/a/marta"_qs;
    Contact newJonas = jonas();
    newJonas.phones = {{u"Zweitwohnung"_qs, u"+43 660 5550177"_qs}};
    return {newMarta, newJonas, stadtwerke()};
}

QList<Contact> outlook()
{
    Contact juergen = person(u"Jürgen"_qs, u"Müller"_qs);
    juergen.prefix = u"Mr."_qs;
    juergen.company = u"Müller & Söhne KG"_qs;
    juergen.jobTitle = u"Geschäftsführer"_qs;
    juergen.addresses = {{u"work"_qs, u"Hauptstraße 5\n3. Stock\n80331 München\nGermany"_qs}};
    juergen.phones = {{u"cell"_qs, u"+49 171 5550124"_qs},
                      {u"work"_qs, u"+49 89 5550123"_qs},
                      {u"work,fax"_qs, u"+49 89 5550125"_qs}};
    juergen.birthday = QDate(1962, 3, 5);
    juergen.tags = {u"Kunden"_qs, u"VIP"_qs};
    juergen.emails = {{{}, u"juergen.mueller@example.de"_qs}, {{}, u"jm@example.com"_qs}};
    juergen.notes = u"Prefers calls\nbefore 10 am."_qs;
    Contact anna = person(u"Anna"_qs, u"Schmidt"_qs);
    anna.addresses = {{u"home"_qs, u"Gartenweg 7\n50667 Köln"_qs}};
    anna.phones = {{u"home"_qs, u"0221 5550188"_qs}};
    anna.emails = {{{}, u"anna.schmidt@example.net"_qs}};
    return {juergen, anna};
}

QList<Contact> outlookGerman()
{
    Contact sabine = person(u"Sabine"_qs, u"Großmann"_qs);
    sabine.prefix = u"Frau"_qs;
    sabine.company = u"Bäckerei Sonnenschein"_qs;
    sabine.jobTitle = u"Inhaberin"_qs;
    sabine.addresses = {{u"work"_qs, u"Marktplatz 1\n97070 Würzburg\nDeutschland"_qs}};
    sabine.phones = {{u"cell"_qs, u"0170 5550111"_qs}, {u"work"_qs, u"0931 5550110"_qs}};
    sabine.birthday = QDate(1985, 4, 12);
    sabine.tags = {u"Lieferanten"_qs};
    sabine.emails = {{{}, u"sabine@baeckerei-sonnenschein.example"_qs}};
    sabine.notes = u"Brötchen; dienstags frisch"_qs;
    Contact joerg = person(u"Jörg"_qs, u"Weiß"_qs);
    joerg.phones = {{u"home"_qs, u"089 5550112"_qs}};
    return {sabine, joerg};
}

const ColumnMapping *column(const QList<ColumnMapping> &mapping, const QString &header)
{
    for (const ColumnMapping &entry : mapping) {
        if (entry.header == header)
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestContactsCsv : public QObject
{
    Q_OBJECT

private slots:
    void readsFixtures_data();
    void readsFixtures();
    void mappingIsData();
    void editedMappingIsUsed();
    void quoting_data();
    void quoting();
    void refuses_data();
    void refuses();
    void roundTrip_data();
    void roundTrip();
    void outlookExport_data();
    void outlookExport();
};

void TestContactsCsv::readsFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QChar>("separator");
    QTest::addColumn<QList<Contact>>("expected");
    QTest::addColumn<QList<int>>("lines");
    QTest::newRow("google old") << u"google-old.csv"_qs << QChar(u',') << googleOld()
                                << QList<int>{2, 6, 7, 8};
    QTest::newRow("google new") << u"google-new.csv"_qs << QChar(u',') << googleNew()
                                << QList<int>{2, 4, 5};
    QTest::newRow("outlook") << u"outlook.csv"_qs << QChar(u',') << outlook() << QList<int>{2, 4};
    QTest::newRow("outlook german")
        << u"outlook-de.csv"_qs << QChar(u';') << outlookGerman() << QList<int>{2, 3};
}

void TestContactsCsv::readsFixtures()
{
    QFETCH(QString, file);
    QFETCH(QList<Contact>, expected);
    const CsvTable table = parseCsv(fixture(file));
    QVERIFY2(table.ok(), qPrintable(describe(table.error, u"en"_qs)));
    QTEST(table.separator, "separator");
    const ParsedContacts parsed = contactsFromCsv(table, detectColumns(table));
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, u"en"_qs)));
    QCOMPARE(dumpAll(parsed.contacts), dumpAll(expected));
    QCOMPARE(parsed.contacts, expected);
    QTEST(parsed.lines, "lines");
}

void TestContactsCsv::mappingIsData()
{
    const CsvTable table = parseCsv(fixture(u"google-new.csv"_qs));
    const QList<ColumnMapping> mapping = detectColumns(table);
    QCOMPARE(mapping.size(), table.header.size());
    QCOMPARE(mapping.first().header, u"First Name"_qs); // the BOM is gone
    QCOMPARE(mapping.first().target, ContactField::FirstName);
    QCOMPARE(mapping.first().samples, (QStringList{u"Marta"_qs, u"Jonas"_qs}));
    const ColumnMapping *phoneLabel = column(mapping, u"Phone 2 - Label"_qs);
    QVERIFY(phoneLabel);
    QCOMPARE(phoneLabel->target, ContactField::PhoneType);
    QCOMPARE(phoneLabel->slot, 2);
    QCOMPARE(phoneLabel->samples, QStringList{u"Work"_qs});
    QCOMPARE(column(mapping, u"Website 1 - Value"_qs)->target, ContactField::None);
    QCOMPARE(column(mapping, u"Phonetic First Name"_qs)->target, ContactField::None);
    QCOMPARE(targetName(column(mapping, u"Address 1 - Postal Code"_qs)->target), u"postalCode"_qs);

    const QList<ColumnMapping> outlookMapping = detectColumns(parseCsv(fixture(u"outlook.csv"_qs)));
    const ColumnMapping *mobile = column(outlookMapping, u"Mobile Phone"_qs);
    QCOMPARE(mobile->target, ContactField::Phone);
    QCOMPARE(mobile->type, u"cell"_qs);
    QCOMPARE(column(outlookMapping, u"Title"_qs)->target, ContactField::Prefix);
    QCOMPARE(column(outlookMapping, u"Business Street 2"_qs)->target, ContactField::Street);
    QCOMPARE(column(outlookMapping, u"E-mail Type"_qs)->target, ContactField::None);
    const QList<ColumnMapping> germanMapping =
        detectColumns(parseCsv(fixture(u"outlook-de.csv"_qs)));
    QCOMPARE(column(germanMapping, u"Straße geschäftlich"_qs)->target, ContactField::Street);
    QCOMPARE(column(germanMapping, u"Postleitzahl geschäftlich"_qs)->slot, 2);
    QCOMPARE(column(germanMapping, u"E-Mail 2: Adresse"_qs)->target, ContactField::Email);
}

void TestContactsCsv::editedMappingIsUsed()
{
    const CsvTable table = parseCsv(fixture(u"outlook-de.csv"_qs));
    QList<ColumnMapping> mapping = detectColumns(table);
    for (ColumnMapping &entry : mapping) {
        if (entry.header == u"Position")
            entry.target = ContactField::None; // the user drops a column …
        else if (entry.header == u"Vertraulichkeit")
            entry.target = ContactField::Notes; // … and sends another one into an empty field
        else if (entry.header == u"Mobiltelefon")
            entry.type = u"Diensthandy"_qs;
    }
    const ParsedContacts parsed = contactsFromCsv(table, mapping);
    QVERIFY(parsed.ok());
    QVERIFY(parsed.contacts.at(0).jobTitle.isEmpty());
    QCOMPARE(parsed.contacts.at(0).notes, u"Brötchen; dienstags frisch"_qs); // the first wins
    QCOMPARE(parsed.contacts.at(1).notes, u"Normal"_qs);
    QCOMPARE(parsed.contacts.at(0).phones.first(),
             (LabeledValue{u"Diensthandy"_qs, u"0170 5550111"_qs}));
}

void TestContactsCsv::quoting_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::newRow("quotes, separator and CRLF inside")
        << QByteArray("First Name,Notes\r\n\"Ada\",\"say \"\"hi\"\", then\r\nleave\"\r\n")
        << QList<QStringList>{{u"Ada"_qs, u"say \"hi\", then\nleave"_qs}};
    QTest::newRow("semicolons detected") << QByteArray("Vorname;Nachname;Notizen\nA;B;\"x;y\"\n")
                                         << QList<QStringList>{{u"A"_qs, u"B"_qs, u"x;y"_qs}};
    QTest::newRow("tabs detected")
        << QByteArray("First Name\tLast Name\nA\tB\n") << QList<QStringList>{{u"A"_qs, u"B"_qs}};
    QTest::newRow("blank lines and a missing last line end")
        << QByteArray("First Name,Last Name\n\nA,B\n\n\nC,D")
        << QList<QStringList>{{u"A"_qs, u"B"_qs}, {u"C"_qs, u"D"_qs}};
    QTest::newRow("blanks around quotes")
        << QByteArray("a,b\n \"x\" ,y\n") << QList<QStringList>{{u"x"_qs, u"y"_qs}};
    QTest::newRow("quote inside an unquoted field is text")
        << QByteArray("a,b\n5'11\",y\n") << QList<QStringList>{{u"5'11\""_qs, u"y"_qs}};
}

void TestContactsCsv::quoting()
{
    QFETCH(QByteArray, file);
    const CsvTable table = parseCsv(file);
    QVERIFY2(table.ok(), qPrintable(describe(table.error, u"en"_qs)));
    QTEST(table.rows, "rows");
}

void TestContactsCsv::refuses_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<ContactsFileError>("code");
    QTest::addColumn<int>("line");
    QTest::newRow("unbalanced quotes") << QByteArray("First Name,Notes\nA,\"open\nB,x\nC,y\n")
                                       << ContactsFileError::UnclosedQuote << 2;
    QTest::newRow("text after a quote, after a multi-line field")
        << QByteArray("First Name,Notes\nA,\"two\nlines\"\nB,\"x\"y\n")
        << ContactsFileError::TextAfterQuote << 4;
    QTest::newRow("header only") << QByteArray("First Name,Last Name\r\n")
                                 << ContactsFileError::NoContacts << 0;
    QTest::newRow("empty") << QByteArray() << ContactsFileError::NoContacts << 0;
    QTest::newRow("no known column")
        << QByteArray("Foo,Bar\n1,2\n") << ContactsFileError::NoContacts << 0;
    QTest::newRow("NUL byte") << QByteArray("a,b\n\0,1\n", 8) << ContactsFileError::NotText << 0;
}

void TestContactsCsv::refuses()
{
    QFETCH(QByteArray, file);
    QFETCH(ContactsFileError, code);
    QFETCH(int, line);
    const ParsedContacts parsed = parseContactsCsv(file);
    QCOMPARE(parsed.error.code, code);
    QCOMPARE(parsed.error.line, line);
    QVERIFY(parsed.contacts.isEmpty());
}

void TestContactsCsv::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file :
         {u"google-old.csv"_qs, u"google-new.csv"_qs, u"outlook.csv"_qs, u"outlook-de.csv"_qs})
        QTest::newRow(qPrintable(file)) << file;
}

void TestContactsCsv::roundTrip()
{
    QFETCH(QString, file);
    const ParsedContacts first = parseContactsCsv(fixture(file));
    QVERIFY(first.ok());
    const QByteArray written = writeContactsCsv(first.contacts);
    QVERIFY(written.startsWith("First Name,Middle Name,Last Name,"));
    const ParsedContacts again = parseContactsCsv(written);
    QVERIFY2(again.ok(), qPrintable(describe(again.error, u"en"_qs)));
    QCOMPARE(dumpAll(again.contacts), dumpAll(first.contacts));
    QCOMPARE(again.contacts, first.contacts);
    QCOMPARE(writeContactsCsv(again.contacts), written);
}

namespace {

// "kind|value" of each, sorted: Outlook's columns put values in its own order.
QStringList labeledSet(const QList<LabeledValue> &values)
{
    QStringList list;
    for (const LabeledValue &value : values)
        list.append(value.type + u'|' + value.value);
    list.sort();
    return list;
}

} // namespace

void TestContactsCsv::outlookExport_data()
{
    QTest::addColumn<Contact>("contact");
    QTest::addColumn<QStringList>("phones");    // as read back
    QTest::addColumn<QStringList>("addresses"); // as read back
    Contact full;
    full.firstName = u"Jürgen"_qs;
    full.lastName = u"Müller"_qs;
    full.prefix = u"Dr."_qs;
    full.company = u"Bäckerei Müller, Köln"_qs;
    full.jobTitle = u"Meister"_qs;
    full.emails = {{u"work"_qs, u"juergen@baeckerei.test"_qs}, {u"home"_qs, u"jm@privat.test"_qs}};
    full.phones = {{u"cell"_qs, u"+49 170 5550100"_qs},
                   {u"work"_qs, u"0221 5550100"_qs},
                   {u"work,fax"_qs, u"0221 5550101"_qs},
                   {u"home"_qs, u"0221 5550102"_qs}};
    full.addresses = {{u"home"_qs, u"Domstraße 1\n50667 Köln"_qs},
                      {u"work"_qs, u"Hohe Straße 2\n50667 Köln"_qs}};
    full.birthday = QDate(1975, 4, 12);
    full.tags = {u"Freunde"_qs, u"Arbeit"_qs};
    full.notes = u"Sagt \"Moin\",\nauch mittags."_qs;
    QTest::newRow("every column") << full
                                  << QStringList{u"cell|+49 170 5550100"_qs,
                                                 u"home|0221 5550102"_qs,
                                                 u"work,fax|0221 5550101"_qs,
                                                 u"work|0221 5550100"_qs}
                                  << QStringList{u"home|Domstraße 1\n50667 Köln"_qs,
                                                 u"work|Hohe Straße 2\n50667 Köln"_qs};
    Contact crowded = full;
    // Three mobiles: Outlook has one Mobile Phone column; the others go to
    // Other Phone and Primary Phone, a fourth has no column left.
    crowded.phones = {{u"cell"_qs, u"111"_qs},
                      {u"cell"_qs, u"222"_qs},
                      {u"cell"_qs, u"333"_qs},
                      {u"cell"_qs, u"444"_qs}};
    crowded.addresses = {};
    crowded.birthday = QDate(kBirthdayWithoutYear, 2, 29);
    QTest::newRow("more phones than columns")
        << crowded << QStringList{u"cell|111"_qs, u"other|222"_qs, u"|333"_qs} << QStringList{};
}

void TestContactsCsv::outlookExport()
{
    QFETCH(Contact, contact);
    QFETCH(QStringList, phones);
    QFETCH(QStringList, addresses);
    const QByteArray written = writeOutlookCsv({contact});
    // The BOM makes Excel read UTF-8.
    QVERIFY(written.startsWith("\xEF\xBB\xBF"
                               "First Name,Middle Name,Last Name,Title,"));
    QVERIFY(written.contains("\r\n"));
    const CsvTable table = parseCsv(written);
    QVERIFY(table.ok());
    QCOMPARE(table.rows.size(), 1);
    const ParsedContacts again = parseContactsCsv(written);
    QVERIFY2(again.ok(), qPrintable(describe(again.error, u"en"_qs)));
    QCOMPARE(again.contacts.size(), 1);
    const Contact &read = again.contacts.first();
    QCOMPARE(read.firstName, contact.firstName);
    QCOMPARE(read.lastName, contact.lastName);
    QCOMPARE(read.prefix, contact.prefix);
    QCOMPARE(read.company, contact.company);
    QCOMPARE(read.jobTitle, contact.jobTitle);
    QCOMPARE(read.notes, contact.notes);
    QCOMPARE(read.tags, contact.tags);
    QCOMPARE(read.birthday, contact.birthday);
    QStringList emails;
    for (const LabeledValue &email : read.emails)
        emails.append(email.value);
    QStringList expectedEmails;
    for (const LabeledValue &email : contact.emails)
        expectedEmails.append(email.value);
    QCOMPARE(emails, expectedEmails); // Outlook has no email kinds
    QCOMPARE(labeledSet(read.phones), phones);
    QCOMPARE(labeledSet(read.addresses), addresses);
}

QTEST_GUILESS_MAIN(TestContactsCsv)
#include "tst_contacts_csv.moc"
