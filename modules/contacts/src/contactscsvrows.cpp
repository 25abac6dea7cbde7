// CSV rows to contacts with a column mapping, and contacts to Google's
// newer CSV columns.
#include "contactscsv.h"

#include <QMap>
#include <QRegularExpression>

namespace mana::contacts {

namespace {

// Google's and Outlook's labels ("Mobile", "Work Fax") to vCard kinds;
// any other label is kept as the user wrote it.
const QList<std::pair<QString, QString>> &labelKinds()
{
    static const QList<std::pair<QString, QString>> kinds{
        {QStringLiteral("Home"), QStringLiteral("home")},
        {QStringLiteral("Work"), QStringLiteral("work")},
        {QStringLiteral("Mobile"), QStringLiteral("cell")},
        {QStringLiteral("Other"), QStringLiteral("other")},
        {QStringLiteral("Main"), QStringLiteral("main")},
        {QStringLiteral("Home Fax"), QStringLiteral("home,fax")},
        {QStringLiteral("Work Fax"), QStringLiteral("work,fax")},
        {QStringLiteral("Pager"), QStringLiteral("pager")},
    };
    return kinds;
}

// "* Home" (Google marks the preferred value with a star) → "home", *preferred.
QString kindFromCsvLabel(QString label, bool *preferred)
{
    label = label.trimmed();
    while (label.startsWith(u'*')) {
        *preferred = true;
        label = label.mid(1).trimmed();
    }
    for (const auto &[name, kind] : labelKinds()) {
        if (label.compare(name, Qt::CaseInsensitive) == 0)
            return kind;
    }
    return label;
}

QString csvLabelOf(const QString &kind)
{
    for (const auto &[name, known] : labelKinds()) {
        if (kind == known)
            return name;
    }
    return kind;
}

// Google's multi-value cells: "a ::: b".
QStringList splitMulti(const QString &value)
{
    QStringList values;
    for (const QString &piece : value.split(QStringLiteral(":::"))) {
        if (!piece.trimmed().isEmpty())
            values.append(piece.trimmed());
    }
    return values;
}

struct ValueSlot
{
    QStringList values;
    QString kind;
    bool typed = false; // a …Type column of the slot had a value
    bool preferred = false;
};

struct AddressSlot
{
    QString formatted, kind;
    QStringList street;
    QString poBox, extended, city, region, postalCode, country;
    bool typed = false;
    bool preferred = false;
};

// The slots in order, a preferred one first.
template<typename Slot, typename F>
QList<LabeledValue> collect(const QMap<int, Slot> &slotMap, F &&valuesOf)
{
    QList<LabeledValue> preferred, others;
    for (const Slot &slot : slotMap) {
        QList<LabeledValue> &into = slot.preferred && preferred.isEmpty() ? preferred : others;
        for (const QString &value : valuesOf(slot))
            into.append({slot.kind, value});
    }
    return preferred + others;
}

void applyTags(const QString &value, Contact *contact)
{
    const QStringList pieces = value.contains(QStringLiteral(":::"))
                                   ? value.split(QStringLiteral(":::"))
                                   : value.split(u';');
    for (QString piece : pieces) {
        piece = piece.trimmed();
        bool system = false;
        while (piece.startsWith(u'*')) {
            system = true;
            piece = piece.mid(1).trimmed();
        }
        // Google's own groups: "* starred" is the star, "* myContacts" everyone.
        if (system && piece.compare(u"starred", Qt::CaseInsensitive) == 0)
            contact->isFavorite = true;
        else if (system && piece.compare(u"myContacts", Qt::CaseInsensitive) == 0)
            continue;
        else
            contact->tags.append(piece);
    }
    contact->tags = cleanTags(contact->tags);
}

Contact contactFromRow(const QStringList &row, const QList<ColumnMapping> &mapping)
{
    using F = ContactField;
    Contact contact;
    QString first, middle, full;
    QMap<int, ValueSlot> emails, phones;
    QMap<int, AddressSlot> addresses;
    auto fill = [](QString *into, const QString &value) {
        if (into->isEmpty())
            *into = value;
    };
    // Fixed kinds first (Outlook's "Mobile Phone"), a Type column's value wins.
    for (const ColumnMapping &column : mapping) {
        if (!column.type.isEmpty() && (column.target == F::Email || column.target == F::Phone))
            (column.target == F::Email ? emails : phones)[column.slot].kind = column.type;
        else if (!column.type.isEmpty() && column.target != F::None &&
                 column.target >= F::Address && column.target <= F::Country)
            addresses[column.slot].kind = column.type;
    }
    for (const ColumnMapping &column : mapping) {
        QString value = row.value(column.column).trimmed();
        if (value.isEmpty() || column.target == F::None)
            continue;
        bool preferred = false;
        switch (column.target) {
        case F::None:
            break;
        case F::FullName:
            fill(&full, value.simplified());
            break;
        case F::FirstName:
            fill(&first, value);
            break;
        case F::MiddleName:
            fill(&middle, value);
            break;
        case F::LastName:
            fill(&contact.lastName, value);
            break;
        case F::Prefix:
            fill(&contact.prefix, value);
            break;
        case F::Suffix:
            fill(&contact.suffix, value);
            break;
        case F::Company:
            fill(&contact.company, value);
            break;
        case F::JobTitle:
            fill(&contact.jobTitle, value);
            break;
        case F::Email:
        case F::Phone:
            (column.target == F::Email ? emails : phones)[column.slot].values += splitMulti(value);
            break;
        case F::EmailType:
        case F::PhoneType: {
            ValueSlot &slot = (column.target == F::EmailType ? emails : phones)[column.slot];
            slot.kind = kindFromCsvLabel(value, &preferred);
            slot.preferred = slot.preferred || preferred;
            break;
        }
        case F::AddressType: {
            AddressSlot &slot = addresses[column.slot];
            slot.kind = kindFromCsvLabel(value, &preferred);
            slot.preferred = slot.preferred || preferred;
            break;
        }
        case F::Address:
            fill(&addresses[column.slot].formatted, value);
            break;
        case F::Street:
            addresses[column.slot].street.append(value);
            break;
        case F::PoBox:
            fill(&addresses[column.slot].poBox, value);
            break;
        case F::ExtendedAddress:
            fill(&addresses[column.slot].extended, value);
            break;
        case F::City:
            fill(&addresses[column.slot].city, value);
            break;
        case F::Region:
            fill(&addresses[column.slot].region, value);
            break;
        case F::PostalCode:
            fill(&addresses[column.slot].postalCode, value);
            break;
        case F::Country:
            fill(&addresses[column.slot].country, value);
            break;
        case F::Birthday:
            if (!contact.birthday.isValid())
                contact.birthday = parseBirthday(value);
            break;
        case F::Notes:
            fill(&contact.notes, value);
            break;
        case F::Tags:
            applyTags(value, &contact);
            break;
        case F::Photo:
            fill(&contact.photo, value);
            break;
        }
    }
    contact.firstName = joinNonEmpty({first, middle}, QStringLiteral(" "));
    if (!contact.hasName() && !full.isEmpty()) {
        const qsizetype space = full.lastIndexOf(u' ');
        contact.firstName = space < 0 ? full : full.left(space);
        contact.lastName = space < 0 ? QString() : full.mid(space + 1);
    }
    contact.emails = collect(emails, [](const ValueSlot &slot) { return slot.values; });
    contact.phones = collect(phones, [](const ValueSlot &slot) { return slot.values; });
    contact.addresses = collect(addresses, [](const AddressSlot &slot) {
        const QString address =
            !slot.formatted.isEmpty()
                ? slot.formatted
                : formatAddress(slot.poBox, slot.extended, slot.street.join(u'\n'), slot.city,
                                slot.region, slot.postalCode, slot.country);
        return address.isEmpty() ? QStringList() : QStringList{address};
    });
    return contact;
}

QString quoted(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') &&
        !value.contains(u'\r') && !value.contains(u';') && !value.contains(u'\t'))
        return value;
    QString escaped = value;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

ParsedContacts contactsFromCsv(const CsvTable &table, const QList<ColumnMapping> &mapping)
{
    ParsedContacts result;
    if (!table.ok()) {
        result.error = table.error;
        return result;
    }
    result.contacts.reserve(table.rows.size());
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const Contact contact = contactFromRow(table.rows.at(i), mapping);
        if (contact == Contact())
            continue;
        result.contacts.append(contact);
        result.lines.append(table.rowLines.value(i));
    }
    if (result.contacts.isEmpty())
        result.error = {ContactsFileError::NoContacts, 0};
    return result;
}

QByteArray writeContactsCsv(const QList<Contact> &contacts)
{
    qsizetype emailSlots = 1, phoneSlots = 1, addressSlots = 1;
    for (const Contact &contact : contacts) {
        emailSlots = std::max(emailSlots, contact.emails.size());
        phoneSlots = std::max(phoneSlots, contact.phones.size());
        addressSlots = std::max(addressSlots, contact.addresses.size());
    }
    QStringList header{QStringLiteral("First Name"),
                       QStringLiteral("Middle Name"),
                       QStringLiteral("Last Name"),
                       QStringLiteral("Name Prefix"),
                       QStringLiteral("Name Suffix"),
                       QStringLiteral("Organization Name"),
                       QStringLiteral("Organization Title"),
                       QStringLiteral("Birthday"),
                       QStringLiteral("Notes"),
                       QStringLiteral("Photo"),
                       QStringLiteral("Labels")};
    auto numbered = [&header](const char *kind, qsizetype slotCount, const char *value) {
        for (qsizetype i = 1; i <= slotCount; ++i) {
            header.append(QStringLiteral("%1 %2 - Label").arg(QLatin1String(kind)).arg(i));
            header.append(QStringLiteral("%1 %2 - %3")
                              .arg(QLatin1String(kind))
                              .arg(i)
                              .arg(QLatin1String(value)));
        }
    };
    numbered("E-mail", emailSlots, "Value");
    numbered("Phone", phoneSlots, "Value");
    numbered("Address", addressSlots, "Formatted");
    QString out = header.join(u',') + QStringLiteral("\r\n");
    for (const Contact &contact : contacts) {
        QStringList labels = contact.tags;
        if (contact.isFavorite)
            labels.append(QStringLiteral("* starred"));
        labels.append(QStringLiteral("* myContacts"));
        const QDate birthday = contact.birthday;
        QString birthdayText;
        if (birthday.isValid())
            birthdayText = birthday.year() == kBirthdayWithoutYear
                               ? birthday.toString(QStringLiteral("--MM-dd"))
                               : birthday.toString(QStringLiteral("yyyy-MM-dd"));
        QStringList row{contact.firstName,
                        QString(),
                        contact.lastName,
                        contact.prefix,
                        contact.suffix,
                        contact.company,
                        contact.jobTitle,
                        birthdayText,
                        contact.notes,
                        contact.photo,
                        labels.join(QStringLiteral(" ::: "))};
        auto values = [&row](const QList<LabeledValue> &list, qsizetype slotCount) {
            for (qsizetype i = 0; i < slotCount; ++i) {
                row.append(i < list.size() ? csvLabelOf(list.at(i).type) : QString());
                row.append(i < list.size() ? list.at(i).value : QString());
            }
        };
        values(contact.emails, emailSlots);
        values(contact.phones, phoneSlots);
        values(contact.addresses, addressSlots);
        for (QString &field : row)
            field = quoted(field);
        out += row.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

namespace {

// Outlook's fixed phone columns by the kind they hold, in the order a
// second value of that kind tries them.
struct OutlookPhoneColumn
{
    const char *header;
    const char *kind; // "" : the primary phone without a kind
};
constexpr OutlookPhoneColumn kOutlookPhones[] = {
    {"Primary Phone", ""},        {"Mobile Phone", "cell"}, {"Business Phone", "work"},
    {"Business Phone 2", "work"}, {"Home Phone", "home"},   {"Home Phone 2", "home"},
    {"Business Fax", "work,fax"}, {"Home Fax", "home,fax"}, {"Pager", "pager"},
    {"Other Phone", "other"},
};
constexpr const char *kOutlookAddresses[][2] = {
    {"Home Street", "home"}, {"Business Street", "work"}, {"Other Street", "other"}};

} // namespace

QByteArray writeOutlookCsv(const QList<Contact> &contacts)
{
    QStringList header{QStringLiteral("First Name"),       QStringLiteral("Middle Name"),
                       QStringLiteral("Last Name"),        QStringLiteral("Title"),
                       QStringLiteral("Suffix"),           QStringLiteral("Company"),
                       QStringLiteral("Job Title"),        QStringLiteral("E-mail Address"),
                       QStringLiteral("E-mail 2 Address"), QStringLiteral("E-mail 3 Address")};
    for (const OutlookPhoneColumn &column : kOutlookPhones)
        header.append(QLatin1String(column.header));
    for (const auto &column : kOutlookAddresses)
        header.append(QLatin1String(column[0]));
    header << QStringLiteral("Birthday") << QStringLiteral("Notes") << QStringLiteral("Categories");
    const qsizetype phoneStart = 10;
    const qsizetype addressStart = phoneStart + std::size(kOutlookPhones);

    // A UTF-8 BOM: without it Excel opens the file as the system's 8-bit
    // code page and turns "Müller" into "MÃ¼ller".
    QString out = QChar(0xFEFF) + header.join(u',') + QStringLiteral("\r\n");
    for (const Contact &contact : contacts) {
        QStringList row(header.size());
        row[0] = contact.firstName;
        row[2] = contact.lastName;
        row[3] = contact.prefix;
        row[4] = contact.suffix;
        row[5] = contact.company;
        row[6] = contact.jobTitle;
        for (qsizetype i = 0; i < std::min<qsizetype>(3, contact.emails.size()); ++i)
            row[7 + i] = contact.emails.at(i).value;
        // Each phone to the first free column of its kind; a kind Outlook
        // has no column for, or one whose columns are taken, goes to Other
        // Phone, then Primary Phone. What still finds no column is left out
        // (Outlook has no more).
        for (qsizetype i = 0; i < contact.phones.size(); ++i) {
            const LabeledValue &phone = contact.phones.at(i);
            const QString kind =
                phone.type == QLatin1String("fax") ? QStringLiteral("work,fax") : phone.type;
            auto place = [&](auto accepts) {
                for (qsizetype c = 0; c < qsizetype(std::size(kOutlookPhones)); ++c) {
                    if (accepts(kOutlookPhones[c]) && row[phoneStart + c].isEmpty()) {
                        row[phoneStart + c] = phone.value;
                        return true;
                    }
                }
                return false;
            };
            if (place([&](const OutlookPhoneColumn &c) {
                    return kind.isEmpty() ? *c.kind == 0 && i == 0 : kind == QLatin1String(c.kind);
                }))
                continue;
            if (!place([](const OutlookPhoneColumn &c) { return QByteArray(c.kind) == "other"; }))
                place([](const OutlookPhoneColumn &c) { return *c.kind == 0; });
        }
        // The stored address is already formatted, one line per part: it
        // goes whole into the street column (Outlook takes line breaks
        // there), so it reads back unchanged.
        for (const LabeledValue &address : contact.addresses) {
            qsizetype column = -1;
            for (qsizetype c = 0; c < 3; ++c) {
                if (address.type == QLatin1String(kOutlookAddresses[c][1]) &&
                    row[addressStart + c].isEmpty())
                    column = c;
            }
            for (qsizetype c = 0; column < 0 && c < 3; ++c) {
                if (row[addressStart + c].isEmpty())
                    column = c;
            }
            if (column >= 0)
                row[addressStart + column] = address.value;
        }
        // Outlook's own format (M/D/YYYY); it has no birthday without a
        // year, so those keep 1604, which parseBirthday reads back.
        if (contact.birthday.isValid())
            row[addressStart + 3] = contact.birthday.toString(QStringLiteral("M/d/yyyy"));
        row[addressStart + 4] = contact.notes;
        row[addressStart + 5] = contact.tags.join(QStringLiteral(";"));
        for (QString &field : row)
            field = quoted(field);
        out += row.join(u',') + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace mana::contacts
