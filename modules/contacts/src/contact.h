// A contact as the readers and writers of Contacts see it (docs/contacts.md),
// between the files (vCard, CSV) and the store's `contacts` record: the
// email, phone and address lists are whole here (the first one is the
// primary, stored in `email`/`phone`/`address`; the rest go to `extra`),
// names are split, the birthday is a date.
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

Q_DECLARE_LOGGING_CATEGORY(lcContacts)

namespace mana::contacts {

// One email, phone or address with its kind: lowercase vCard types joined
// by "," ("work", "home,fax", "cell") or a label of the user's own
// ("Zweitwohnung", from Apple's X-ABLabel or a CSV label). Empty: no kind.
struct LabeledValue
{
    QString type;
    QString value;
    bool operator==(const LabeledValue &) const = default;
};

// A birthday without a year (vCard `--0412`, Google's `--04-12`) is stored
// in year 1604, as Apple Contacts does (X-APPLE-OMIT-YEAR=1604): a leap
// year, so 29 February fits, and a year no living person was born in. The
// upcoming-birthdays view reads month and day; it shows no age for 1604.
inline constexpr int kBirthdayWithoutYear = 1604;

struct Contact
{
    QString firstName; // given and further given names ("Hans Peter")
    QString lastName;
    QString prefix; // "Dr.", kept in extra
    QString suffix; // "Jr.", kept in extra
    QString company;
    QString jobTitle;
    QString notes;
    QString photo; // a data: URI (inline picture) or a URL, until blobs exist
    QString uid;   // the vCard UID, kept in extra for a later re-import
    QDate birthday;
    QList<LabeledValue> emails; // the first is the primary
    QList<LabeledValue> phones;
    QList<LabeledValue> addresses; // formatted, one line per part
    QStringList tags;
    bool isFavorite = false;
    bool isArchived = false;
    // Keys of the record's `extra` this code does not own (written by a
    // later UI), carried through a merge untouched.
    QJsonObject otherExtra;

    bool operator==(const Contact &) const = default;
    bool hasName() const { return !firstName.isEmpty() || !lastName.isEmpty(); }
    // "Dr. Ada Lovelace", else the company, the primary email or phone.
    QString displayName() const;
};

// The `contacts` record's fields (firstName … extra) for a contact: empty
// texts are null, `extra` holds the further values, their kinds, uid,
// prefix and suffix, or null when there is nothing to keep.
QJsonObject toRecord(const Contact &contact);
// A stored record back as a contact (the id is the caller's).
Contact fromRecord(const QJsonObject &record);

// Keys for the duplicate check: an email lowercased and trimmed; a phone
// as its digits with a leading "+" kept. A national 0 is not turned into a
// country code (0301234 and +49301234 differ: which country is a guess).
// Fewer than 3 digits: no key ("" — nothing to compare).
QString normalizedEmail(const QString &email);
QString normalizedPhone(const QString &phone);

// `existing` with what `incoming` adds: its empty fields filled, emails
// and phones it lacks appended (compared by their keys), addresses it
// lacks appended, tags united, a favourite stays one.
Contact mergeContacts(const Contact &existing, const Contact &incoming);

// An address from its vCard ADR parts (PO box, extended, street, city,
// region, postal code, country): one line per non-empty part, postal code
// and city on one line ("10115 Berlin"). A street alone gives itself back.
QString formatAddress(const QString &poBox, const QString &extended, const QString &street,
                      const QString &city, const QString &region, const QString &postalCode,
                      const QString &country);

// Birthdays as files write them: 1985-04-12, 19850412, --0412, --04-12,
// 1985-04-12T…, 12.04.1985 (German), 4/12/1985 (Outlook US). Invalid: null.
QDate parseBirthday(const QString &text);

// Bytes of a legacy 8-bit file: Windows-1252 (a superset of ISO-8859-1's
// printable range, what Outlook writes as "ANSI").
QString fromWindows1252(const QByteArray &bytes);

// The non-empty parts joined ("Dr." + "" + "Ada" → "Dr. Ada").
QString joinNonEmpty(const QStringList &parts, const QString &separator);

// Tags cleaned: trimmed, empty ones dropped, duplicates (case ignored) dropped.
QStringList cleanTags(const QStringList &tags);

} // namespace mana::contacts
