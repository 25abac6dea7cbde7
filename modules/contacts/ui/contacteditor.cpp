#include "contacteditor.h"

#include "collection.h"
#include "localstore.h"

namespace mana::contacts {

namespace {

Collection *contactsOf(LocalStore *store)
{
    return store ? store->collection(QStringLiteral("contacts"), QStringLiteral("contacts"))
                 : nullptr;
}

// The rows without a value are left out; values trimmed (an address's
// lines each, and blank lines dropped, as the readers format them).
QList<LabeledValue> cleaned(const QList<LabeledValue> &rows, bool multiLine)
{
    QList<LabeledValue> kept;
    for (LabeledValue row : rows) {
        if (multiLine) {
            QStringList lines;
            for (const QString &line : row.value.split(u'\n')) {
                if (!line.trimmed().isEmpty())
                    lines.append(line.trimmed());
            }
            row.value = lines.join(u'\n');
        } else {
            row.value = row.value.trimmed();
        }
        row.type = row.type.trimmed();
        if (!row.value.isEmpty())
            kept.append(row);
    }
    return kept;
}

QString birthdayText(const QDate &date)
{
    if (!date.isValid())
        return {};
    if (date.year() == kBirthdayWithoutYear)
        return date.toString(QStringLiteral("--MM-dd"));
    return date.toString(Qt::ISODate);
}

} // namespace

ContactEditor::ContactEditor(QObject *parent)
    : QObject(parent)
{}

QObject *ContactEditor::store() const
{
    return m_store;
}

void ContactEditor::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    m_store = local;
    emit storeChanged();
}

void ContactEditor::fillFrom(const Contact &contact)
{
    m_contact = contact;
    m_firstName = contact.firstName;
    m_lastName = contact.lastName;
    m_prefix = contact.prefix;
    m_suffix = contact.suffix;
    m_company = contact.company;
    m_jobTitle = contact.jobTitle;
    m_notes = contact.notes;
    m_birthday = birthdayText(contact.birthday);
    setError({});
    emit loaded();
    emit emailsChanged();
    emit phonesChanged();
    emit addressesChanged();
    emit tagsChanged();
}

bool ContactEditor::load(const QString &id)
{
    Collection *collection = contactsOf(m_store);
    const std::optional<QJsonObject> record = collection ? collection->get(id) : std::nullopt;
    if (!record)
        return false;
    m_id = id;
    m_storedRecord = *record;
    fillFrom(fromRecord(*record));
    return true;
}

void ContactEditor::startNew()
{
    m_id.clear();
    m_storedRecord = {};
    Contact empty;
    empty.emails = {{QStringLiteral("home"), {}}};
    empty.phones = {{QStringLiteral("cell"), {}}};
    fillFrom(empty);
}

QList<LabeledValue> *ContactEditor::listOf(int field)
{
    switch (field) {
    case Emails:
        return &m_contact.emails;
    case Phones:
        return &m_contact.phones;
    case Addresses:
        return &m_contact.addresses;
    }
    return nullptr;
}

const QList<LabeledValue> *ContactEditor::listOf(int field) const
{
    return const_cast<ContactEditor *>(this)->listOf(field);
}

QVariantList ContactEditor::rowsOf(int field) const
{
    QVariantList rows;
    if (const QList<LabeledValue> *list = listOf(field)) {
        for (const LabeledValue &value : *list)
            rows.append(QVariantMap{{QStringLiteral("kind"), value.type},
                                    {QStringLiteral("value"), value.value}});
    }
    return rows;
}

void ContactEditor::emitRows(int field)
{
    if (field == Emails)
        emit emailsChanged();
    else if (field == Phones)
        emit phonesChanged();
    else if (field == Addresses)
        emit addressesChanged();
}

void ContactEditor::addRow(int field, const QString &kind)
{
    QList<LabeledValue> *list = listOf(field);
    if (!list)
        return;
    list->append({kind.isEmpty() ? kindsFor(field, {}).value(0) : kind, {}});
    emitRows(field);
}

void ContactEditor::removeRow(int field, int row)
{
    QList<LabeledValue> *list = listOf(field);
    if (!list || row < 0 || row >= list->size())
        return;
    list->removeAt(row);
    emitRows(field);
}

void ContactEditor::setRowValue(int field, int row, const QString &value)
{
    QList<LabeledValue> *list = listOf(field);
    if (list && row >= 0 && row < list->size())
        (*list)[row].value = value;
}

void ContactEditor::setRowKind(int field, int row, const QString &kind)
{
    QList<LabeledValue> *list = listOf(field);
    if (list && row >= 0 && row < list->size())
        (*list)[row].type = kind;
}

QStringList ContactEditor::kindsFor(int field, const QString &current) const
{
    // vCard's own kinds (TYPE=), so an export writes them as TYPE and
    // other address books read them; "cell" is shown as Mobile.
    QStringList kinds =
        field == Phones
            ? QStringList{QStringLiteral("cell"), QStringLiteral("home"), QStringLiteral("work"),
                          QStringLiteral("other")}
            : QStringList{QStringLiteral("home"), QStringLiteral("work"), QStringLiteral("other")};
    if (!kinds.contains(current))
        kinds.append(current);
    return kinds;
}

bool ContactEditor::addTag(const QString &tag)
{
    const QString trimmed = tag.trimmed();
    if (trimmed.isEmpty())
        return false;
    for (const QString &existing : std::as_const(m_contact.tags)) {
        if (existing.compare(trimmed, Qt::CaseInsensitive) == 0)
            return false;
    }
    m_contact.tags.append(trimmed);
    emit tagsChanged();
    return true;
}

void ContactEditor::removeTag(int index)
{
    if (index < 0 || index >= m_contact.tags.size())
        return;
    m_contact.tags.removeAt(index);
    emit tagsChanged();
}

Contact ContactEditor::contact() const
{
    Contact contact = m_contact;
    contact.firstName = m_firstName.trimmed();
    contact.lastName = m_lastName.trimmed();
    contact.prefix = m_prefix.trimmed();
    contact.suffix = m_suffix.trimmed();
    contact.company = m_company.trimmed();
    contact.jobTitle = m_jobTitle.trimmed();
    contact.notes = m_notes.trimmed();
    contact.birthday = parseBirthday(m_birthday.trimmed());
    contact.emails = cleaned(m_contact.emails, false);
    contact.phones = cleaned(m_contact.phones, false);
    contact.addresses = cleaned(m_contact.addresses, true);
    contact.tags = cleanTags(m_contact.tags);
    return contact;
}

void ContactEditor::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

bool ContactEditor::save()
{
    Collection *collection = contactsOf(m_store);
    if (!collection) {
        setError(tr("No profile is open."));
        return false;
    }
    const Contact edited = contact();
    if (!m_birthday.trimmed().isEmpty() && !edited.birthday.isValid()) {
        setError(tr("“%1” is not a date. Write the birthday as 1985-04-12, or --04-12 without "
                    "a year.")
                     .arg(m_birthday.trimmed()));
        return false;
    }
    if (!edited.hasName() && edited.company.isEmpty() && edited.emails.isEmpty() &&
        edited.phones.isEmpty()) {
        setError(tr("Give the contact a name, a company, an email or a phone number."));
        return false;
    }
    const QJsonObject record = toRecord(edited);
    if (m_id.isEmpty()) {
        const WriteResult written = collection->insert(record);
        if (!written) {
            setError(written.error);
            return false;
        }
        m_id = written.id;
    } else {
        // Only what changed: a field another device changed meanwhile and
        // the form did not touch keeps the other device's value.
        QJsonObject changed;
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (m_storedRecord.value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        }
        if (!changed.isEmpty()) {
            const WriteResult written = collection->update(m_id, changed);
            if (!written) {
                setError(written.error);
                return false;
            }
        }
    }
    qCInfo(lcContacts) << "contact saved" << m_id;
    setError({});
    if (const std::optional<QJsonObject> stored = collection->get(m_id))
        m_storedRecord = *stored;
    emit saved(m_id);
    return true;
}

} // namespace mana::contacts
