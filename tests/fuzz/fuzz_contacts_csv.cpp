// Contacts' CSV reader (modules/contacts/src/contactscsv*.cpp): a .csv
// file through parseCsv, detectColumns and contactsFromCsv as the import
// does with the detected mapping, then through the writer (Google's
// columns) and back.
//
// Properties: a refused file has an error code and no contacts, and its
// sentences are not empty; the mapping has one entry per header column;
// an accepted file's contacts, written and read again, are the same
// contacts.
#include "fuzzsupport.h"

#include "contactscsv.h"

using namespace mana;
using namespace mana::contacts;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const CsvTable table = parseCsv(fuzz::bytes(data, size));
    ParsedContacts parsed;
    if (table.ok()) {
        const QList<ColumnMapping> mapping = detectColumns(table);
        MANA_FUZZ_CHECK(mapping.size() == table.header.size(),
                        QStringLiteral("a mapping of %1 for %2 columns")
                            .arg(mapping.size())
                            .arg(table.header.size()));
        parsed = contactsFromCsv(table, mapping);
    } else {
        parsed.error = table.error;
    }
    if (!parsed.ok()) {
        MANA_FUZZ_CHECK(parsed.contacts.isEmpty(), QStringLiteral("contacts next to an error"));
        MANA_FUZZ_CHECK(!describe(parsed.error, QStringLiteral("de")).isEmpty() &&
                            !describe(parsed.error, QStringLiteral("en")).isEmpty(),
                        QStringLiteral("no sentence for code %1").arg(int(parsed.error.code)));
        return 0;
    }
    const QByteArray written = writeContactsCsv(parsed.contacts);
    const ParsedContacts again = parseContactsCsv(written);
    MANA_FUZZ_CHECK(again.ok(), QStringLiteral("the writer's file refused: %1")
                                    .arg(describe(again.error, QStringLiteral("en"))));
    MANA_FUZZ_CHECK(again.contacts.size() == parsed.contacts.size(),
                    QStringLiteral("the round trip changed the number of contacts"));
    for (qsizetype i = 0; i < parsed.contacts.size(); ++i)
        MANA_FUZZ_CHECK(again.contacts.at(i) == parsed.contacts.at(i),
                        QStringLiteral("the round trip changed contact %1:\n%2\nread back:\n%3")
                            .arg(i)
                            .arg(QString::fromUtf8(writeContactsCsv({parsed.contacts.at(i)})),
                                 QString::fromUtf8(writeContactsCsv({again.contacts.value(i)}))));
    return 0;
}
