// Contacts from a file into the profile: the duplicate check (pure), then
// the import the caller decides per duplicate (skip, import as new, or
// merge), all in ONE write group with one Undo step; and the export.
#pragma once

#include "contactscsv.h"
#include "vcard.h"

#include <QHash>

namespace mana {
class LocalStore;
}

namespace mana::contacts {

// A stored contact as the duplicate check needs it.
struct StoredContact
{
    QString id;
    Contact contact;
};

struct DuplicateCandidate
{
    enum class Match { Email, Phone };
    int incoming = 0;         // index into the incoming contacts
    QString existingId;       // the stored record it matches, or
    int earlierIncoming = -1; // an earlier contact of the same file (existingId empty)
    Match matchedBy = Match::Email;
    QString matchedKey; // the normalized email or phone both have
    bool operator==(const DuplicateCandidate &) const = default;
};

// At most one candidate per incoming contact, in the file's order: the
// first of its emails, then phones, whose key (normalizedEmail,
// normalizedPhone) a stored contact has, else an earlier incoming one that
// is not itself a duplicate. An incoming contact that duplicates a stored
// one passes its keys on to that record, so a third copy in the file
// names the stored record too.
QList<DuplicateCandidate> findDuplicates(const QList<Contact> &incoming,
                                         const QList<StoredContact> &stored);

enum class DuplicateChoice { Skip, ImportAsNew, Merge };

struct ContactsImportResult
{
    int imported = 0; // new records
    int merged = 0;   // incoming contacts merged into a stored or an earlier one
    int skipped = 0;
    int undoStepId = 0;        // LocalStore::undo takes it back (0: nothing written)
    ContactsFileFailure error; // the file's
    QString storeError;        // a refused write (for the log); nothing was kept
    bool ok() const { return error.code == ContactsFileError::None && storeError.isEmpty(); }
};

// Imports what a reader gave, against the profile's contacts, in one
// writeGroupWithUndo. The file's order is kept.
class ContactsImport
{
public:
    explicit ContactsImport(LocalStore *store);

    // Reads the stored contacts and returns the duplicates of `incoming`
    // (a preview: nothing is written).
    QList<DuplicateCandidate> prepare(const QList<Contact> &incoming);
    // The same from a preview computed elsewhere (importpreview.h, on a
    // worker thread): the stored contacts it read and what it found.
    void adopt(QList<Contact> incoming, QList<StoredContact> stored,
               QList<DuplicateCandidate> duplicates);
    const QList<Contact> &incoming() const { return m_incoming; }
    const QList<DuplicateCandidate> &duplicates() const { return m_duplicates; }

    // Writes the prepared contacts. `choices` by incoming index; a
    // candidate without a choice gets `otherwise`. Merge into an earlier
    // contact of the file merges before anything is written.
    ContactsImportResult run(const QHash<int, DuplicateChoice> &choices,
                             DuplicateChoice otherwise = DuplicateChoice::Skip);

private:
    LocalStore *m_store;
    QList<Contact> m_incoming;
    QList<StoredContact> m_stored;
    QList<DuplicateCandidate> m_duplicates;
};

// The stored contacts (not deleted), ordered by last and first name (the
// import dialog reads them in pages in the same order, kStoredOrder).
QList<StoredContact> storedContacts(LocalStore *store);
inline const QStringList kStoredOrder{QStringLiteral("lastName"), QStringLiteral("firstName"),
                                      QStringLiteral("id")};

// Parse, check and import in one go, one choice for every duplicate: for
// a caller with no preview (tests, a command line).
ContactsImportResult importVCards(LocalStore *store, const QByteArray &bytes,
                                  DuplicateChoice forDuplicates);
ContactsImportResult importContactsCsv(LocalStore *store, const QByteArray &bytes,
                                       DuplicateChoice forDuplicates);

QByteArray exportVCards(LocalStore *store, VCardVersion version);
QByteArray exportContactsCsv(LocalStore *store);

} // namespace mana::contacts
