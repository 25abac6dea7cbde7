// Contacts as CSV: Google Contacts' exports (the older "Given Name, Family
// Name, E-mail 1 - Type" and the newer "First Name, Last Name, E-mail 1 -
// Label" columns) and Outlook's (English and German headers, `;`-separated
// files detected). Reading is in two steps so that the UI can show what
// goes where before anything is written: parseCsv gives the table,
// detectColumns a mapping per column (which the user may change), and
// contactsFromCsv builds the contacts with that mapping. The column names
// each target knows are listed in docs/contacts.md.
#pragma once

#include "contactserror.h"

#include <QByteArray>

namespace mana::contacts {

// RFC 4180: quoted fields with doubled quotes and line breaks inside,
// CRLF or LF, a UTF-8 BOM dropped; text that is not UTF-8 is read as
// Windows-1252 (Outlook's "ANSI"). The separator (`,`, `;` or tab) is the
// one the header line has most of. Line breaks inside fields become "\n".
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> rowLines; // the line each row starts in
    QChar separator = u',';
    ContactsFileFailure error;
    bool ok() const { return error.code == ContactsFileError::None; }
};

CsvTable parseCsv(const QByteArray &bytes);

// Where a column's values go. Email, Phone and Address values with the
// same `slot` belong together with the …Type column of that slot; the
// address parts of one slot make one address.
enum class ContactField {
    None,
    FullName, // used only when no first or last name column has a value
    FirstName,
    MiddleName, // appended to the first name
    LastName,
    Prefix,
    Suffix,
    Company,
    JobTitle,
    Email,
    EmailType,
    Phone,
    PhoneType,
    Address, // formatted
    AddressType,
    Street, // several Street columns of one slot are lines of the street
    PoBox,
    ExtendedAddress,
    City,
    Region,
    PostalCode,
    Country,
    Birthday,
    Notes,
    Tags, // Google's " ::: " lists ("* starred" makes a favourite), else `;` lists
    Photo,
};

struct ColumnMapping
{
    int column = 0;
    QString header;
    QStringList samples; // the first three non-empty values
    ContactField target = ContactField::None;
    int slot = 1;
    QString
        type; // the kind of an Email/Phone/Address column that names one (Outlook's "Mobile Phone")
    bool operator==(const ColumnMapping &) const = default;
};

// Known headers (case ignored) to their targets; others to None.
QList<ColumnMapping> detectColumns(const CsvTable &table);

// One contact per row with a value in a mapped column (rows with nothing
// mapped are left out); NoContacts when no row gives one.
ParsedContacts contactsFromCsv(const CsvTable &table, const QList<ColumnMapping> &mapping);

// parseCsv, detectColumns and contactsFromCsv in one.
ParsedContacts parseContactsCsv(const QByteArray &bytes);

// Google's newer export columns, as many E-mail/Phone/Address slots as the
// contact with the most has, CRLF rows, UTF-8. contactsFromCsv with the
// detected mapping reads it back to the same contacts (uid and archived
// aside: Google has no column for them).
QByteArray writeContactsCsv(const QList<Contact> &contacts);

// Outlook's English export columns (names, company, three emails, its
// fixed phone columns by kind, home/business/other street, birthday as
// M/D/YYYY, notes, categories joined by ";"), comma-separated, CRLF, UTF-8
// with a BOM so that Excel reads the umlauts. contactsFromCsv with the
// detected mapping reads names, emails, phones with their kinds, addresses,
// birthday, notes and tags back; email kinds, a phone beyond Outlook's
// columns, uid, photo and favourite are not in Outlook's columns.
QByteArray writeOutlookCsv(const QList<Contact> &contacts);

// The target's name for logs and tests ("firstName", "emailType", "none").
QString targetName(ContactField target);

} // namespace mana::contacts
