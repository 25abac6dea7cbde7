#include "contactlist.h"

#include <array>

namespace mana::contacts {

namespace {

// Letters NFD does not take apart but a person reads as a Latin letter
// ("Łukasz" under L, "Øyvind" under O, as KAddressBook and GNOME file them).
QString foldSpecial(QChar c)
{
    switch (c.unicode()) {
    case u'ł':
        return QStringLiteral("l");
    case u'ø':
        return QStringLiteral("o");
    case u'đ':
        return QStringLiteral("d");
    case u'ħ':
        return QStringLiteral("h");
    case u'ı':
        return QStringLiteral("i");
    case u'æ':
        return QStringLiteral("ae");
    case u'œ':
        return QStringLiteral("oe");
    case u'þ':
        return QStringLiteral("th");
    }
    return QString(c);
}

QString firstLetter(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return QString(c).toUpper();
    }
    return {};
}

} // namespace

QString foldText(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D).toLower();
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.unicode() < 0x80)
            folded.append(c);
        else
            folded.append(foldSpecial(c));
    }
    return folded;
}

QString sectionOf(const QString &sortKey)
{
    for (const QChar c : sortKey) {
        if (c.isSpace())
            continue;
        if (c >= u'a' && c <= u'z')
            return QString(c.toUpper());
        break;
    }
    return QString::fromUtf16(kOtherSection);
}

ContactListEntry listEntryFor(const QString &id, const Contact &contact, NameOrder order)
{
    ContactListEntry entry;
    entry.id = id;
    entry.hasName = contact.hasName();
    entry.favorite = contact.isFavorite;
    entry.archived = contact.isArchived;
    entry.photo = contact.photo;
    const QString primaryEmail =
        contact.emails.isEmpty() ? QString() : contact.emails.first().value;
    const QString primaryPhone =
        contact.phones.isEmpty() ? QString() : contact.phones.first().value;
    QString sortName;
    if (entry.hasName) {
        entry.name = joinNonEmpty({contact.firstName, contact.lastName}, QStringLiteral(" "));
        // The other name follows after a separator below any letter, so
        // "Lovelace" sorts before "Lovelace-Byron" and "Ada Lovelace"
        // before "Ada Lovelaces".
        sortName = order == NameOrder::LastName && !contact.lastName.isEmpty()
                       ? contact.lastName + u'\x01' + contact.firstName
                       : contact.firstName + u'\x01' + contact.lastName;
        if (sortName.startsWith(u'\x01'))
            sortName.remove(0, 1);
        entry.initials = firstLetter(contact.firstName) + firstLetter(contact.lastName);
    } else {
        // A contact without a name is filed under its company, email or
        // phone (Contact::displayName without the prefix and suffix).
        entry.name = !contact.company.isEmpty() ? contact.company
                     : !primaryEmail.isEmpty()  ? primaryEmail
                                                : primaryPhone;
        sortName = entry.name;
        entry.initials = firstLetter(entry.name);
    }
    entry.sortKey = foldText(sortName);
    entry.section =
        entry.favorite ? QString::fromUtf16(kFavoritesSection) : sectionOf(entry.sortKey);
    if (entry.hasName) {
        entry.secondary = joinNonEmpty({contact.jobTitle, contact.company}, QStringLiteral(", "));
        if (entry.secondary.isEmpty())
            entry.secondary = !primaryEmail.isEmpty() ? primaryEmail : primaryPhone;
    } else if (!contact.company.isEmpty()) {
        entry.secondary = !contact.jobTitle.isEmpty() ? contact.jobTitle : primaryEmail;
    }

    QStringList text{contact.prefix,  contact.firstName, contact.lastName, contact.suffix,
                     contact.company, contact.jobTitle,  contact.notes};
    for (const LabeledValue &email : contact.emails)
        text.append(email.value);
    for (const LabeledValue &phone : contact.phones) {
        text.append(phone.value);
        // The digits alone too, so "301234" finds "+49 30 1234567".
        QString digits;
        for (const QChar c : phone.value) {
            if (c.isDigit())
                digits.append(c);
        }
        text.append(digits);
    }
    for (const LabeledValue &address : contact.addresses)
        text.append(address.value);
    text.append(contact.tags);
    text.removeAll(QString());
    entry.searchText = foldText(text.join(u'\n'));
    return entry;
}

ContactListEntry listEntryFor(const QJsonObject &record, NameOrder order)
{
    return listEntryFor(record.value(QStringLiteral("id")).toString(), fromRecord(record), order);
}

QStringList searchWords(const QString &text)
{
    return foldText(text).split(u' ', Qt::SkipEmptyParts);
}

bool matchesSearch(const ContactListEntry &entry, const QStringList &words)
{
    for (const QString &word : words) {
        if (!entry.searchText.contains(word))
            return false;
    }
    return true;
}

bool comesBefore(const ContactListEntry &a, const ContactListEntry &b)
{
    if (a.favorite != b.favorite)
        return a.favorite;
    const bool aOther = a.section == kOtherSection;
    const bool bOther = b.section == kOtherSection;
    if (!a.favorite && aOther != bOther)
        return bOther;
    if (const int byKey = a.sortKey.compare(b.sortKey); byKey != 0)
        return byKey < 0;
    return a.id < b.id;
}

QString avatarColor(const QString &id)
{
    // Tailwind's 600 shades: white initials read on each of them.
    static constexpr std::array<const char *, 12> palette{
        "#DC2626", "#EA580C", "#D97706", "#65A30D", "#16A34A", "#0D9488",
        "#0891B2", "#2563EB", "#4F46E5", "#7C3AED", "#C026D3", "#DB2777"};
    // FNV-1a over the UTF-16 code units: stable across runs and platforms.
    quint32 hash = 2166136261u;
    for (const QChar c : id) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QString::fromLatin1(palette.at(hash % palette.size()));
}

} // namespace mana::contacts
