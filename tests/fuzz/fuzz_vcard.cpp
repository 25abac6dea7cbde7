// Contacts' vCard reader (modules/contacts/src/vcardreader.cpp): a .vcf
// file as parseVCards reads it before an import, then through the writer
// (3.0 and 4.0) and back through the reader.
//
// Properties: a refused file has an error code and no contacts, and its
// sentences (English, German) are not empty; an accepted file has a
// start line per contact, and writing its contacts as 3.0 and as 4.0
// gives files the reader accepts with the same contacts, whose lines are
// at most 75 octets.
#include "fuzzsupport.h"

#include "vcard.h"

using namespace mana;
using namespace mana::contacts;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const ParsedContacts parsed = parseVCards(fuzz::bytes(data, size));
    if (!parsed.ok()) {
        MANA_FUZZ_CHECK(parsed.contacts.isEmpty() && parsed.lines.isEmpty(),
                        QStringLiteral("contacts next to an error"));
        MANA_FUZZ_CHECK(!describe(parsed.error, QStringLiteral("de")).isEmpty() &&
                            !describe(parsed.error, QStringLiteral("en")).isEmpty(),
                        QStringLiteral("no sentence for code %1").arg(int(parsed.error.code)));
        return 0;
    }
    MANA_FUZZ_CHECK(!parsed.contacts.isEmpty(), QStringLiteral("accepted without contacts"));
    MANA_FUZZ_CHECK(parsed.lines.size() == parsed.contacts.size(),
                    QStringLiteral("a contact without its line"));
    for (const VCardVersion version : {VCardVersion::V3, VCardVersion::V4}) {
        const QByteArray written = writeVCards(parsed.contacts, version);
        for (const QByteArray &line : written.split('\n'))
            MANA_FUZZ_CHECK(line.size() <= 76,
                            QStringLiteral("a line of %1 octets").arg(line.size()));
        const ParsedContacts again = parseVCards(written);
        MANA_FUZZ_CHECK(again.ok(), QStringLiteral("the writer's file refused: %1")
                                        .arg(describe(again.error, QStringLiteral("en"))));
        for (qsizetype i = 0; i < parsed.contacts.size(); ++i) {
            MANA_FUZZ_CHECK(
                again.contacts.value(i) == parsed.contacts.at(i),
                QStringLiteral("the round trip (%1) changed contact %2:\n%3\nread back:\n%4")
                    .arg(version == VCardVersion::V3 ? "3.0" : "4.0")
                    .arg(i)
                    .arg(QString::fromUtf8(writeVCards({parsed.contacts.at(i)}, version)),
                         QString::fromUtf8(writeVCards({again.contacts.value(i)}, version))));
        }
        MANA_FUZZ_CHECK(again.contacts.size() == parsed.contacts.size(),
                        QStringLiteral("the round trip changed the number of contacts"));
    }
    return 0;
}
