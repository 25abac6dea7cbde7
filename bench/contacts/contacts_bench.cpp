// Contacts benchmarks, printed as `name=… value=… unit=…` (medians of 3
// runs, each into a fresh profile file):
// - contacts_import_vcard_10000: parse 10,000 vCards (3.0, two emails, two
//   phones, an address, a birthday, tags, a note each; every 50th a copy of
//   an earlier one), check duplicates and import them in one write group.
//   Target ≤ 2 s (issue 16).
// - contacts_import_csv_10000: then 10,000 rows of a Google CSV into the
//   same profile (every 10th sharing an email with a stored contact: merged),
//   mapping detection and duplicate check against the 10,000 stored ones
//   included. Target ≤ 1 s.
// - contacts_parse_…, contacts_export_…: the parts alone.
// - contacts_preview_csv_10000_ui_max_block: the import dialog's preview of
//   the CSV (ContactsImporter: stored contacts read in pages on this
//   thread, parse and duplicates on its worker) against the 10,000 stored
//   contacts: the longest the event loop of this thread did not turn
//   (a 0 ms timer's largest gap); contacts_preview_csv_10000 until ready.
#include "contactsimport.h"
#include "contactsimporter.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace mana;
using namespace mana::contacts;
using namespace Qt::StringLiterals;

namespace {

void print(const char *name, double value, const char *unit = "ms")
{
    std::printf("name=%s value=%.3f unit=%s\n", name, value, unit);
    std::fflush(stdout);
}

double median(QList<double> times)
{
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

Contact generated(int i)
{
    const int n = i % 50 == 49 ? i - 17 : i; // every 50th a copy of an earlier one
    Contact contact;
    contact.firstName = u"Vorname%1"_s.arg(n);
    contact.lastName = u"Nachname%1"_s.arg(n % 997);
    contact.company = u"Firma %1 GmbH"_s.arg(n % 311);
    contact.jobTitle = u"Position %1"_s.arg(n % 17);
    contact.emails = {{u"work"_s, u"person%1@example.org"_s.arg(n)},
                      {u"home"_s, u"p%1@mail.example"_s.arg(n)}};
    contact.phones = {{u"cell"_s, u"+49 170 %1"_s.arg(1000000 + n)},
                      {u"work"_s, u"+49 30 %1"_s.arg(2000000 + n)}};
    contact.addresses = {{u"home"_s, u"Straße %1\n10115 Berlin\nDeutschland"_s.arg(n % 200)}};
    contact.birthday = QDate(1950 + n % 50, 1 + n % 12, 1 + n % 28);
    contact.tags = {u"Gruppe %1"_s.arg(n % 7)};
    contact.notes = u"Notiz für Kontakt %1, mit Komma; und Semikolon."_s.arg(n);
    return contact;
}

QByteArray csvFile()
{
    QList<Contact> contacts;
    for (int i = 0; i < 10000; ++i) {
        Contact contact;
        contact.firstName = u"Csv%1"_s.arg(i);
        contact.lastName = u"Zeile"_s;
        // Every 10th row is someone stored already (by the vCard import).
        contact.emails = {{u"work"_s, i % 10 == 0 ? u"person%1@example.org"_s.arg(i)
                                                  : u"csv%1@example.net"_s.arg(i)}};
        contact.phones = {{u"cell"_s, u"+43 660 %1"_s.arg(3000000 + i)}};
        contact.company = u"Firma %1"_s.arg(i % 97);
        contact.birthday = QDate(1980, 1 + i % 12, 1 + i % 28);
        contact.tags = {u"Import"_s};
        contacts.append(contact);
    }
    return writeContactsCsv(contacts);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const ModuleCatalog catalog = ModuleCatalog::load();
    QList<Contact> cards;
    for (int i = 0; i < 10000; ++i)
        cards.append(generated(i));
    const QByteArray vcf = writeVCards(cards, VCardVersion::V3);
    const QByteArray csv = csvFile();

    QList<double> parseVcf, parseCsv, importVcf, importCsv, exportVcf, exportCsv;
    QList<double> previewCsv, previewBlock;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const ParsedContacts parsedCards = parseVCards(vcf);
        parseVcf.append(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const ParsedContacts parsedRows = parseContactsCsv(csv);
        parseCsv.append(timer.nsecsElapsed() / 1e6);
        if (parsedCards.contacts.size() != 10000 || parsedRows.contacts.size() != 10000) {
            std::fprintf(stderr, "parsed %lld cards, %lld rows\n",
                         qlonglong(parsedCards.contacts.size()),
                         qlonglong(parsedRows.contacts.size()));
            return 1;
        }

        QTemporaryDir dir;
        LocalStore store;
        QString error;
        if (!store.open(dir.filePath(u"bench.sqlite"_s), &error) ||
            !store.addModule(catalog.info(u"contacts"_s)->spec, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        // Each import as the UI runs it: read, preview the duplicates, write.
        auto import = [&](const QByteArray &bytes, bool csvFormat, QList<double> *times) {
            QElapsedTimer total;
            total.start();
            const ParsedContacts parsed = csvFormat ? parseContactsCsv(bytes) : parseVCards(bytes);
            const double read = total.nsecsElapsed() / 1e6;
            ContactsImport importer(&store);
            importer.prepare(parsed.contacts);
            const double checked = total.nsecsElapsed() / 1e6;
            const ContactsImportResult result = importer.run({}, DuplicateChoice::Merge);
            times->append(total.nsecsElapsed() / 1e6);
            if (run == 0)
                std::fprintf(stderr, "%s: read %.0f ms, duplicates %.0f ms, write %.0f ms\n",
                             csvFormat ? "csv" : "vcard", read, checked - read,
                             times->last() - checked);
            return result;
        };
        const ContactsImportResult cardsImported = import(vcf, false, &importVcf);
        {
            // The dialog's way, before the CSV is imported for real.
            ContactsImporter preview;
            preview.setStore(&store);
            QElapsedTimer total, sinceTick;
            double maxBlock = 0;
            QTimer ticker;
            ticker.setInterval(0);
            QObject::connect(&ticker, &QTimer::timeout, [&] {
                maxBlock = std::max(maxBlock, sinceTick.nsecsElapsed() / 1e6);
                sinceTick.restart();
            });
            total.start();
            sinceTick.start();
            ticker.start();
            preview.openBytes(csv, u"bench.csv"_s);
            while (preview.busy())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            maxBlock = std::max(maxBlock, sinceTick.nsecsElapsed() / 1e6);
            previewCsv.append(total.nsecsElapsed() / 1e6);
            previewBlock.append(maxBlock);
            if (!preview.ready() || preview.contactCount() != 10000) {
                std::fprintf(stderr, "preview failed: %s\n", qPrintable(preview.error()));
                return 1;
            }
        }
        const ContactsImportResult rowsImported = import(csv, true, &importCsv);
        if (!cardsImported.ok() || !rowsImported.ok()) {
            std::fprintf(stderr, "import failed: %s %s\n", qPrintable(cardsImported.storeError),
                         qPrintable(rowsImported.storeError));
            return 1;
        }
        if (run == 0)
            std::fprintf(stderr, "vCards: %d new, %d merged; CSV rows: %d new, %d merged\n",
                         cardsImported.imported, cardsImported.merged, rowsImported.imported,
                         rowsImported.merged);
        timer.restart();
        const QByteArray exportedCards = exportVCards(&store, VCardVersion::V4);
        exportVcf.append(timer.nsecsElapsed() / 1e6);
        timer.restart();
        const QByteArray exportedRows = exportContactsCsv(&store);
        exportCsv.append(timer.nsecsElapsed() / 1e6);
        if (exportedCards.isEmpty() || exportedRows.isEmpty())
            return 1;
    }
    print("contacts_parse_vcard_10000", median(parseVcf));
    print("contacts_parse_csv_10000", median(parseCsv));
    print("contacts_import_vcard_10000", median(importVcf));
    print("contacts_import_csv_10000", median(importCsv));
    print("contacts_export_vcard_19000", median(exportVcf));
    print("contacts_export_csv_19000", median(exportCsv));
    print("contacts_preview_csv_10000", median(previewCsv));
    print("contacts_preview_csv_10000_ui_max_block", median(previewBlock));
    return 0;
}
