#include "contactsimport.h"

#include "collection.h"
#include "localstore.h"
#include "query.h"
#include "undostep.h"

namespace mana::contacts {

namespace {

Collection *contactsOf(LocalStore *store)
{
    return store ? store->collection(QStringLiteral("contacts"), QStringLiteral("contacts"))
                 : nullptr;
}

struct KeyOwner
{
    QString existingId;
    int incoming = -1;
};

template<typename F> QStringList keysOf(const QList<LabeledValue> &values, F &&normalize)
{
    QStringList keys;
    for (const LabeledValue &value : values) {
        const QString key = normalize(value.value);
        if (!key.isEmpty())
            keys.append(key);
    }
    return keys;
}

} // namespace

QList<DuplicateCandidate> findDuplicates(const QList<Contact> &incoming,
                                         const QList<StoredContact> &stored)
{
    QHash<QString, KeyOwner> emailOwners, phoneOwners;
    auto own = [](QHash<QString, KeyOwner> *owners, const QStringList &keys,
                  const KeyOwner &owner) {
        for (const QString &key : keys) {
            if (!owners->contains(key))
                owners->insert(key, owner);
        }
    };
    for (const StoredContact &record : stored) {
        own(&emailOwners, keysOf(record.contact.emails, normalizedEmail), {record.id, -1});
        own(&phoneOwners, keysOf(record.contact.phones, normalizedPhone), {record.id, -1});
    }
    QList<DuplicateCandidate> candidates;
    for (int i = 0; i < incoming.size(); ++i) {
        const QStringList emails = keysOf(incoming.at(i).emails, normalizedEmail);
        const QStringList phones = keysOf(incoming.at(i).phones, normalizedPhone);
        std::optional<DuplicateCandidate> found;
        // A stored record first, then an earlier contact of the file.
        for (const bool storedOnly : {true, false}) {
            auto look = [&](const QHash<QString, KeyOwner> &owners, const QStringList &keys,
                            DuplicateCandidate::Match match) {
                for (const QString &key : keys) {
                    const auto owner = owners.constFind(key);
                    if (found || owner == owners.cend() ||
                        storedOnly != !owner->existingId.isEmpty())
                        continue;
                    found = DuplicateCandidate{i, owner->existingId, owner->incoming, match, key};
                }
            };
            look(emailOwners, emails, DuplicateCandidate::Match::Email);
            look(phoneOwners, phones, DuplicateCandidate::Match::Phone);
        }
        const KeyOwner owner =
            !found ? KeyOwner{{}, i} : KeyOwner{found->existingId, found->earlierIncoming};
        own(&emailOwners, emails, owner);
        own(&phoneOwners, phones, owner);
        if (found)
            candidates.append(*found);
    }
    return candidates;
}

QList<StoredContact> storedContacts(LocalStore *store)
{
    QList<StoredContact> contacts;
    Collection *collection = contactsOf(store);
    if (!collection)
        return contacts;
    Query query;
    for (const QString &field : kStoredOrder)
        query.orderBy(field);
    const QList<QJsonObject> records = collection->query(query);
    contacts.reserve(records.size());
    for (const QJsonObject &record : records)
        contacts.append({record.value(QStringLiteral("id")).toString(), fromRecord(record)});
    return contacts;
}

ContactsImport::ContactsImport(LocalStore *store)
    : m_store(store)
{}

QList<DuplicateCandidate> ContactsImport::prepare(const QList<Contact> &incoming)
{
    m_incoming = incoming;
    m_stored = storedContacts(m_store);
    m_duplicates = findDuplicates(m_incoming, m_stored);
    return m_duplicates;
}

void ContactsImport::adopt(QList<Contact> incoming, QList<StoredContact> stored,
                           QList<DuplicateCandidate> duplicates)
{
    m_incoming = std::move(incoming);
    m_stored = std::move(stored);
    m_duplicates = std::move(duplicates);
}

ContactsImportResult ContactsImport::run(const QHash<int, DuplicateChoice> &choices,
                                         DuplicateChoice otherwise)
{
    ContactsImportResult result;
    Collection *collection = contactsOf(m_store);
    if (!collection) {
        result.storeError = QStringLiteral("no contacts collection");
        return result;
    }
    QHash<int, const DuplicateCandidate *> candidateOf;
    for (const DuplicateCandidate &candidate : std::as_const(m_duplicates))
        candidateOf.insert(candidate.incoming, &candidate);
    QHash<QString, const Contact *> storedById;
    for (const StoredContact &record : std::as_const(m_stored))
        storedById.insert(record.id, &record.contact);

    QList<Contact> added;
    QHash<int, qsizetype> addedAt; // incoming index → position in `added`
    QHash<QString, Contact> mergedInto;
    QStringList mergeOrder;
    for (int i = 0; i < m_incoming.size(); ++i) {
        const DuplicateCandidate *candidate = candidateOf.value(i);
        const DuplicateChoice choice =
            candidate ? choices.value(i, otherwise) : DuplicateChoice::ImportAsNew;
        if (choice == DuplicateChoice::Skip) {
            ++result.skipped;
        } else if (choice == DuplicateChoice::ImportAsNew) {
            addedAt.insert(i, added.size());
            added.append(m_incoming.at(i));
        } else if (!candidate->existingId.isEmpty() && storedById.contains(candidate->existingId)) {
            const QString &id = candidate->existingId;
            if (!mergedInto.contains(id)) {
                mergedInto.insert(id, *storedById.value(id));
                mergeOrder.append(id);
            }
            mergedInto[id] = mergeContacts(mergedInto.value(id), m_incoming.at(i));
            ++result.merged;
        } else if (addedAt.contains(candidate->earlierIncoming)) {
            Contact &earlier = added[addedAt.value(candidate->earlierIncoming)];
            earlier = mergeContacts(earlier, m_incoming.at(i));
            ++result.merged;
        } else {
            ++result.skipped; // its partner was skipped: nothing to merge into
        }
    }
    QList<QJsonObject> records;
    records.reserve(added.size());
    for (const Contact &contact : std::as_const(added))
        records.append(toRecord(contact));
    UndoStep step;
    QString error;
    const bool ok = m_store->writeGroupWithUndo(
        [&](QString *failure) {
            if (!records.isEmpty() &&
                collection->insertMany(records, failure).size() != records.size())
                return false;
            for (const QString &id : std::as_const(mergeOrder)) {
                const QJsonObject before = toRecord(*storedById.value(id));
                const QJsonObject after = toRecord(mergedInto.value(id));
                QJsonObject changed;
                for (auto it = after.begin(); it != after.end(); ++it) {
                    if (before.value(it.key()) != it.value())
                        changed.insert(it.key(), it.value());
                }
                if (changed.isEmpty())
                    continue;
                const WriteResult written = collection->update(id, changed);
                if (!written) {
                    *failure = written.error;
                    return false;
                }
            }
            return true;
        },
        &step, &error);
    if (!ok) {
        qCWarning(lcContacts) << "import refused:" << error;
        result.storeError = error.isEmpty() ? QStringLiteral("the import was refused") : error;
        result.merged = result.skipped = 0;
        return result;
    }
    result.imported = int(added.size());
    result.undoStepId = step.id;
    qCInfo(lcContacts) << "imported" << result.imported << "new," << result.merged << "merged,"
                       << result.skipped << "skipped";
    return result;
}

namespace {

ContactsImportResult importParsed(LocalStore *store, const ParsedContacts &parsed,
                                  DuplicateChoice forDuplicates)
{
    if (!parsed.ok()) {
        ContactsImportResult result;
        result.error = parsed.error;
        return result;
    }
    ContactsImport import(store);
    import.prepare(parsed.contacts);
    return import.run({}, forDuplicates);
}

QList<Contact> contactsIn(LocalStore *store)
{
    QList<Contact> contacts;
    for (const StoredContact &record : storedContacts(store))
        contacts.append(record.contact);
    return contacts;
}

} // namespace

ContactsImportResult importVCards(LocalStore *store, const QByteArray &bytes,
                                  DuplicateChoice forDuplicates)
{
    return importParsed(store, parseVCards(bytes), forDuplicates);
}

ContactsImportResult importContactsCsv(LocalStore *store, const QByteArray &bytes,
                                       DuplicateChoice forDuplicates)
{
    return importParsed(store, parseContactsCsv(bytes), forDuplicates);
}

QByteArray exportVCards(LocalStore *store, VCardVersion version)
{
    return writeVCards(contactsIn(store), version);
}

QByteArray exportContactsCsv(LocalStore *store)
{
    return writeContactsCsv(contactsIn(store));
}

} // namespace mana::contacts
