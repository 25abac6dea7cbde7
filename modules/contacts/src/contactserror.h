// Why a vCard or CSV file was refused, as a code and a line, so the UI
// words it in its language (describe() gives the English and German
// sentences). A refused file imports nothing.
#pragma once

#include "contact.h"

#include <QString>

namespace mana::contacts {

enum class ContactsFileError {
    None,
    TooLarge,           // over kMaxContactsFileBytes
    NotText,            // a NUL byte: not a text file
    NoVCard,            // the first content line is not BEGIN:VCARD
    TextOutsideCard,    // a content line between END:VCARD and the next BEGIN:VCARD
    UnterminatedCard,   // BEGIN:VCARD without its END:VCARD (line: the BEGIN)
    MalformedLine,      // a line in a card without "name:value"
    BadQuotedPrintable, // "=" not followed by two hex digits in a QUOTED-PRINTABLE value
    BadBase64,          // an inline PHOTO that is not base64
    UnclosedQuote,      // CSV: a quoted field that never ends (line: where it starts)
    TextAfterQuote,     // CSV: a closing quote followed by text before the separator
    NoContacts,         // nothing to import (no card, or a CSV with a header only)
};

struct ContactsFileFailure
{
    ContactsFileError code = ContactsFileError::None;
    int line = 0; // 1-based line of the file (0: the whole file)
    bool operator==(const ContactsFileFailure &) const = default;
};

inline constexpr qsizetype kMaxContactsFileBytes = 64 * 1024 * 1024;

// What a reader gives back: the contacts in the file's order, or an error
// and none.
struct ParsedContacts
{
    QList<Contact> contacts;
    QList<int> lines; // the line each contact starts in (a CSV row's first line)
    ContactsFileFailure error;
    int skippedXProperties = 0;     // vCard X-… properties (X-ABLabel is read as a label)
    int skippedOtherProperties = 0; // vCard properties without a field (URL, NICKNAME, …)
    bool ok() const { return error.code == ContactsFileError::None; }
};

// "Line 7: the card that starts here has no END:VCARD. Nothing was
// imported." in "de" or English.
QString describe(const ContactsFileFailure &failure, const QString &language);

} // namespace mana::contacts
