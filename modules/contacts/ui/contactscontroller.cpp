#include "contactscontroller.h"

#include "birthdays.h"
#include "collection.h"
#include "contactlist.h"
#include "contactsimport.h"
#include "localstore.h"
#include "query.h"
#include "undostep.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QSaveFile>

namespace mana::contacts {

namespace {

QVariantList labeledList(const QList<LabeledValue> &values)
{
    QVariantList list;
    for (const LabeledValue &value : values)
        list.append(QVariantMap{{QStringLiteral("value"), value.value},
                                {QStringLiteral("kind"), value.type}});
    return list;
}

} // namespace

ContactsController::ContactsController(QObject *parent)
    : QObject(parent)
{}

QObject *ContactsController::store() const
{
    return m_store;
}

void ContactsController::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    if (m_collection)
        m_collection->disconnect(this);
    m_store = local;
    m_collection = m_store
                       ? m_store->collection(QStringLiteral("contacts"), QStringLiteral("contacts"))
                       : nullptr;
    if (m_collection) {
        connect(m_collection, &Collection::changed, this, [this] {
            ++m_revision;
            emit contactsChanged();
        });
    }
    ++m_revision;
    emit storeChanged();
    emit contactsChanged();
}

QDate ContactsController::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

void ContactsController::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    emit todayChanged();
}

void ContactsController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit lastErrorChanged();
}

QVariantMap ContactsController::contact(const QString &id) const
{
    if (!m_collection || id.isEmpty())
        return {};
    const std::optional<QJsonObject> record = m_collection->get(id);
    if (!record)
        return {};
    const Contact contact = fromRecord(*record);
    const ContactListEntry entry = listEntryFor(id, contact, NameOrder::FirstName);
    QVariantMap card{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), entry.name},
                     {QStringLiteral("hasName"), entry.hasName},
                     {QStringLiteral("initials"), entry.initials},
                     {QStringLiteral("avatarColor"), avatarColor(id)},
                     {QStringLiteral("photo"), contact.photo},
                     {QStringLiteral("prefix"), contact.prefix},
                     {QStringLiteral("suffix"), contact.suffix},
                     {QStringLiteral("company"), contact.company},
                     {QStringLiteral("jobTitle"), contact.jobTitle},
                     {QStringLiteral("notes"), contact.notes},
                     {QStringLiteral("emails"), labeledList(contact.emails)},
                     {QStringLiteral("phones"), labeledList(contact.phones)},
                     {QStringLiteral("addresses"), labeledList(contact.addresses)},
                     {QStringLiteral("tags"), contact.tags},
                     {QStringLiteral("favorite"), contact.isFavorite},
                     {QStringLiteral("archived"), contact.isArchived},
                     {QStringLiteral("birthday"), QString()}};
    if (contact.birthday.isValid()) {
        const BirthdayEntry next = upcomingBirthday(id, contact.birthday, today());
        card.insert(QStringLiteral("birthday"), contact.birthday.toString(Qt::ISODate));
        card.insert(QStringLiteral("birthdayHasYear"),
                    contact.birthday.year() != kBirthdayWithoutYear);
        card.insert(QStringLiteral("nextBirthday"), next.nextOccasion.toString(Qt::ISODate));
        card.insert(QStringLiteral("daysUntil"), next.nextOccasion.isValid() ? next.daysUntil : -1);
        card.insert(QStringLiteral("turningAge"), next.turningAge);
    }
    return card;
}

bool ContactsController::setFavorite(const QString &id, bool favorite)
{
    if (!m_collection)
        return false;
    const WriteResult result = m_collection->update(id, {{QStringLiteral("isFavorite"), favorite}});
    setError(result ? QString() : result.error);
    return bool(result);
}

bool ContactsController::setArchived(const QString &id, bool archived)
{
    if (!m_collection)
        return false;
    const WriteResult result = m_collection->update(id, {{QStringLiteral("isArchived"), archived}});
    setError(result ? QString() : result.error);
    return bool(result);
}

int ContactsController::writeEach(
    const QStringList &ids, const std::function<WriteResult(Collection *, const QString &)> &write)
{
    if (!m_store || !m_collection || ids.isEmpty())
        return 0;
    UndoStep step;
    QString error;
    const bool ok = m_store->writeGroupWithUndo(
        [&](QString *failure) {
            for (const QString &id : ids) {
                const WriteResult result = write(m_collection, id);
                if (!result) {
                    *failure = result.error;
                    return false;
                }
            }
            return true;
        },
        &step, &error);
    if (!ok) {
        qCWarning(lcContacts) << "a write of" << ids.size() << "contacts was refused:" << error;
        setError(error.isEmpty() ? tr("The contacts could not be changed.") : error);
        return 0;
    }
    setError({});
    return step.id;
}

int ContactsController::deleteContacts(const QStringList &ids)
{
    return writeEach(
        ids, [](Collection *collection, const QString &id) { return collection->remove(id); });
}

int ContactsController::setFavorites(const QStringList &ids, bool favorite)
{
    return writeEach(ids, [favorite](Collection *collection, const QString &id) {
        return collection->update(id, {{QStringLiteral("isFavorite"), favorite}});
    });
}

void ContactsController::copyText(const QString &text)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(text);
    emit copied(text);
}

QVariantList ContactsController::upcomingBirthdays(int days) const
{
    QVariantList list;
    if (!m_collection)
        return list;
    // Only the contacts with a birthday, through the birthday index.
    Query query;
    query.where(QStringLiteral("birthday"), Query::Op::IsNotNull);
    QHash<QString, QJsonObject> records;
    QList<BirthdayInput> inputs;
    for (const QJsonObject &record : m_collection->query(query)) {
        if (record.value(QStringLiteral("isArchived")).toBool())
            continue;
        const QString id = record.value(QStringLiteral("id")).toString();
        inputs.append({id, QDate::fromString(record.value(QStringLiteral("birthday")).toString(),
                                             Qt::ISODate)});
        records.insert(id, record);
    }
    for (const BirthdayEntry &entry : contacts::upcomingBirthdays(inputs, today(), days)) {
        const ContactListEntry row = listEntryFor(
            entry.contactId, fromRecord(records.value(entry.contactId)), NameOrder::FirstName);
        list.append(
            QVariantMap{{QStringLiteral("contactId"), entry.contactId},
                        {QStringLiteral("name"), row.name},
                        {QStringLiteral("initials"), row.initials},
                        {QStringLiteral("avatarColor"), avatarColor(entry.contactId)},
                        {QStringLiteral("photo"), row.photo},
                        {QStringLiteral("birthday"), entry.birthday.toString(Qt::ISODate)},
                        {QStringLiteral("nextBirthday"), entry.nextOccasion.toString(Qt::ISODate)},
                        {QStringLiteral("daysUntil"), entry.daysUntil},
                        {QStringLiteral("turningAge"), entry.turningAge}});
    }
    return list;
}

namespace {

QList<Contact> contactsToExport(Collection *collection, const QStringList &ids)
{
    QList<Contact> contacts;
    if (!collection)
        return contacts;
    if (ids.isEmpty()) {
        Query query;
        query.orderBy(QStringLiteral("lastName")).orderBy(QStringLiteral("firstName"));
        query.orderBy(QStringLiteral("id"));
        for (const QJsonObject &record : collection->query(query)) {
            if (!record.value(QStringLiteral("isArchived")).toBool())
                contacts.append(fromRecord(record));
        }
        return contacts;
    }
    for (const QString &id : ids) {
        if (const std::optional<QJsonObject> record = collection->get(id))
            contacts.append(fromRecord(*record));
    }
    return contacts;
}

} // namespace

int ContactsController::exportCount(const QStringList &ids) const
{
    if (!m_collection)
        return 0;
    if (!ids.isEmpty())
        return int(ids.size());
    Query query;
    query.exclude({{QStringLiteral("isArchived"), Query::Op::Equal, true}});
    return m_collection->count(query);
}

bool ContactsController::exportTo(const QUrl &file, int format, const QStringList &ids)
{
    const QList<Contact> contacts = contactsToExport(m_collection, ids);
    QByteArray bytes;
    switch (format) {
    case ContactsExportFormat::VCard3:
        bytes = writeVCards(contacts, VCardVersion::V3);
        break;
    case ContactsExportFormat::VCard4:
        bytes = writeVCards(contacts, VCardVersion::V4);
        break;
    case ContactsExportFormat::GoogleCsv:
        bytes = writeContactsCsv(contacts);
        break;
    case ContactsExportFormat::OutlookCsv:
        bytes = writeOutlookCsv(contacts);
        break;
    default:
        setError(tr("Unknown export format."));
        return false;
    }
    QSaveFile out(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        qCWarning(lcContacts) << "export failed:" << out.errorString();
        setError(tr("The file could not be written: %1").arg(out.errorString()));
        return false;
    }
    setError({});
    qCInfo(lcContacts) << "exported" << contacts.size() << "contacts";
    return true;
}

} // namespace mana::contacts
