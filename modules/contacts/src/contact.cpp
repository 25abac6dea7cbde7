#include "contact.h"

#include <QJsonArray>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcContacts, "mana.contacts")

namespace mana::contacts {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray labeledArray(const QList<LabeledValue> &values, qsizetype from)
{
    QJsonArray array;
    for (qsizetype i = from; i < values.size(); ++i) {
        QJsonObject entry{{QStringLiteral("value"), values.at(i).value}};
        if (!values.at(i).type.isEmpty())
            entry.insert(QStringLiteral("type"), values.at(i).type);
        array.append(entry);
    }
    return array;
}

// The primary from its record field and type, then the further ones.
QList<LabeledValue> labeledFrom(const QJsonObject &record, const QJsonObject &extra,
                                const QString &field, const QString &typeKey,
                                const QString &listKey)
{
    QList<LabeledValue> values;
    const QString primary = record.value(field).toString();
    if (!primary.isEmpty())
        values.append({extra.value(typeKey).toString(), primary});
    for (const QJsonValue &entry : extra.value(listKey).toArray()) {
        const QJsonObject object = entry.toObject();
        const QString value = object.value(QStringLiteral("value")).toString();
        if (!value.isEmpty())
            values.append({object.value(QStringLiteral("type")).toString(), value});
    }
    return values;
}

const QStringList &ownedExtraKeys()
{
    static const QStringList keys{
        QStringLiteral("emails"),    QStringLiteral("phones"),    QStringLiteral("addresses"),
        QStringLiteral("emailType"), QStringLiteral("phoneType"), QStringLiteral("addressType"),
        QStringLiteral("uid"),       QStringLiteral("prefix"),    QStringLiteral("suffix")};
    return keys;
}

void appendMissing(QList<LabeledValue> *into, const QList<LabeledValue> &from,
                   QString (*key)(const QString &))
{
    QStringList known;
    for (const LabeledValue &value : *into)
        known.append(key(value.value));
    for (const LabeledValue &value : from) {
        const QString k = key(value.value);
        if (k.isEmpty() ? !into->contains(value) : !known.contains(k)) {
            into->append(value);
            known.append(k);
        }
    }
}

QString addressKey(const QString &address)
{
    return address.simplified().toLower();
}

} // namespace

QString Contact::displayName() const
{
    const QString name = joinNonEmpty({prefix, firstName, lastName, suffix}, QStringLiteral(" "));
    if (!name.isEmpty())
        return name;
    if (!company.isEmpty())
        return company;
    if (!emails.isEmpty())
        return emails.first().value;
    return phones.isEmpty() ? QString() : phones.first().value;
}

QJsonObject toRecord(const Contact &contact)
{
    QJsonObject extra = contact.otherExtra;
    auto keep = [&](const QString &key, const QString &text) {
        if (!text.isEmpty())
            extra.insert(key, text);
    };
    auto keepList = [&](const QString &key, const QList<LabeledValue> &values) {
        if (values.size() > 1)
            extra.insert(key, labeledArray(values, 1));
    };
    keep(QStringLiteral("emailType"), contact.emails.value(0).type);
    keep(QStringLiteral("phoneType"), contact.phones.value(0).type);
    keep(QStringLiteral("addressType"), contact.addresses.value(0).type);
    keepList(QStringLiteral("emails"), contact.emails);
    keepList(QStringLiteral("phones"), contact.phones);
    keepList(QStringLiteral("addresses"), contact.addresses);
    keep(QStringLiteral("uid"), contact.uid);
    keep(QStringLiteral("prefix"), contact.prefix);
    keep(QStringLiteral("suffix"), contact.suffix);
    return {
        {QStringLiteral("firstName"), textOrNull(contact.firstName)},
        {QStringLiteral("lastName"), textOrNull(contact.lastName)},
        {QStringLiteral("email"), textOrNull(contact.emails.value(0).value)},
        {QStringLiteral("phone"), textOrNull(contact.phones.value(0).value)},
        {QStringLiteral("company"), textOrNull(contact.company)},
        {QStringLiteral("jobTitle"), textOrNull(contact.jobTitle)},
        {QStringLiteral("address"), textOrNull(contact.addresses.value(0).value)},
        {QStringLiteral("notes"), textOrNull(contact.notes)},
        {QStringLiteral("photoBlob"), textOrNull(contact.photo)},
        {QStringLiteral("birthday"), contact.birthday.isValid()
                                         ? QJsonValue(contact.birthday.toString(Qt::ISODate))
                                         : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("tags"), contact.tags.isEmpty()
                                     ? QJsonValue(QJsonValue::Null)
                                     : QJsonValue(QJsonArray::fromStringList(contact.tags))},
        {QStringLiteral("isFavorite"), contact.isFavorite},
        {QStringLiteral("isArchived"), contact.isArchived},
        {QStringLiteral("extra"), extra.isEmpty() ? QJsonValue(QJsonValue::Null) : extra},
    };
}

Contact fromRecord(const QJsonObject &record)
{
    const QJsonObject extra = record.value(QStringLiteral("extra")).toObject();
    auto text = [&](const char *field) { return record.value(QLatin1String(field)).toString(); };
    Contact contact;
    contact.firstName = text("firstName");
    contact.lastName = text("lastName");
    contact.company = text("company");
    contact.jobTitle = text("jobTitle");
    contact.notes = text("notes");
    contact.photo = text("photoBlob");
    contact.birthday = QDate::fromString(text("birthday"), Qt::ISODate);
    contact.emails = labeledFrom(record, extra, QStringLiteral("email"),
                                 QStringLiteral("emailType"), QStringLiteral("emails"));
    contact.phones = labeledFrom(record, extra, QStringLiteral("phone"),
                                 QStringLiteral("phoneType"), QStringLiteral("phones"));
    contact.addresses = labeledFrom(record, extra, QStringLiteral("address"),
                                    QStringLiteral("addressType"), QStringLiteral("addresses"));
    for (const QJsonValue &tag : record.value(QStringLiteral("tags")).toArray())
        contact.tags.append(tag.toString());
    contact.isFavorite = record.value(QStringLiteral("isFavorite")).toBool();
    contact.isArchived = record.value(QStringLiteral("isArchived")).toBool();
    contact.uid = extra.value(QStringLiteral("uid")).toString();
    contact.prefix = extra.value(QStringLiteral("prefix")).toString();
    contact.suffix = extra.value(QStringLiteral("suffix")).toString();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!ownedExtraKeys().contains(it.key()))
            contact.otherExtra.insert(it.key(), it.value());
    }
    return contact;
}

QString normalizedEmail(const QString &email)
{
    return email.trimmed().toLower();
}

QString normalizedPhone(const QString &phone)
{
    QString key;
    const QString trimmed = phone.trimmed();
    if (trimmed.startsWith(u'+'))
        key.append(u'+');
    int digits = 0;
    for (const QChar c : trimmed) {
        if (c >= u'0' && c <= u'9') {
            key.append(c);
            ++digits;
        }
    }
    return digits < 3 ? QString() : key;
}

Contact mergeContacts(const Contact &existing, const Contact &incoming)
{
    Contact merged = existing;
    auto fill = [](QString *into, const QString &from) {
        if (into->isEmpty())
            *into = from;
    };
    fill(&merged.firstName, incoming.firstName);
    fill(&merged.lastName, incoming.lastName);
    fill(&merged.prefix, incoming.prefix);
    fill(&merged.suffix, incoming.suffix);
    fill(&merged.company, incoming.company);
    fill(&merged.jobTitle, incoming.jobTitle);
    fill(&merged.notes, incoming.notes);
    fill(&merged.photo, incoming.photo);
    fill(&merged.uid, incoming.uid);
    if (!merged.birthday.isValid())
        merged.birthday = incoming.birthday;
    appendMissing(&merged.emails, incoming.emails, normalizedEmail);
    appendMissing(&merged.phones, incoming.phones, normalizedPhone);
    appendMissing(&merged.addresses, incoming.addresses, addressKey);
    merged.tags = cleanTags(merged.tags + incoming.tags);
    merged.isFavorite = existing.isFavorite || incoming.isFavorite;
    return merged;
}

QString formatAddress(const QString &poBox, const QString &extended, const QString &street,
                      const QString &city, const QString &region, const QString &postalCode,
                      const QString &country)
{
    QStringList lines;
    for (const QString &part : {poBox, extended, street}) {
        if (!part.trimmed().isEmpty())
            lines.append(part.trimmed());
    }
    const QString place = joinNonEmpty({postalCode.trimmed(), city.trimmed()}, QStringLiteral(" "));
    for (const QString &part : {place, region.trimmed(), country.trimmed()}) {
        if (!part.isEmpty())
            lines.append(part);
    }
    return lines.join(u'\n');
}

QDate parseBirthday(const QString &input)
{
    const QString text = input.trimmed();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-?(\\d{2})-?(\\d{2})(T.*)?$"));
    static const QRegularExpression noYear(QStringLiteral("^--(\\d{2})-?(\\d{2})$"));
    static const QRegularExpression german(QStringLiteral("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})$"));
    static const QRegularExpression us(QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{4})$"));
    QRegularExpressionMatch match = iso.match(text);
    if (match.hasMatch())
        return QDate(match.captured(1).toInt(), match.captured(2).toInt(),
                     match.captured(3).toInt());
    match = noYear.match(text);
    if (match.hasMatch())
        return QDate(kBirthdayWithoutYear, match.captured(1).toInt(), match.captured(2).toInt());
    match = german.match(text);
    if (match.hasMatch())
        return QDate(match.captured(3).toInt(), match.captured(2).toInt(),
                     match.captured(1).toInt());
    match = us.match(text);
    if (match.hasMatch())
        return QDate(match.captured(3).toInt(), match.captured(1).toInt(),
                     match.captured(2).toInt());
    return {};
}

QString fromWindows1252(const QByteArray &bytes)
{
    // 0x80–0x9F: Windows-1252's printable characters where ISO-8859-1 has
    // C1 controls (0 = unassigned there, kept as Latin-1).
    static const char16_t high[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    QString text;
    text.reserve(bytes.size());
    for (const char byte : bytes) {
        const auto code = uchar(byte);
        if (code >= 0x80 && code <= 0x9F && high[code - 0x80] != 0)
            text.append(QChar(high[code - 0x80]));
        else
            text.append(QChar(code));
    }
    return text;
}

QString joinNonEmpty(const QStringList &parts, const QString &separator)
{
    QString joined;
    for (const QString &part : parts) {
        if (part.isEmpty())
            continue;
        if (!joined.isEmpty())
            joined += separator;
        joined += part;
    }
    return joined;
}

QStringList cleanTags(const QStringList &tags)
{
    QStringList clean;
    QStringList keys;
    for (const QString &tag : tags) {
        const QString trimmed = tag.trimmed();
        if (trimmed.isEmpty() || keys.contains(trimmed.toLower()))
            continue;
        clean.append(trimmed);
        keys.append(trimmed.toLower());
    }
    return clean;
}

} // namespace mana::contacts
