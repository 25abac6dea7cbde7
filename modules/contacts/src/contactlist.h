// What one row of the Contacts list needs, computed once per record
// (docs/contacts.md, "The list"): the name shown, the key it sorts by, its
// section letter, the initials and colour of its avatar, and the folded
// text a search looks in (every field, the further emails, phones and
// addresses of `extra` included). Pure, so the list model's order, sections
// and search are tested without a view.
#pragma once

#include "contact.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mana::contacts {

// Which name a contact sorts by (GNOME Contacts' "Sort by first/last name").
enum class NameOrder { FirstName, LastName };

// The section of favourites, shown before the letters (a sentinel the page
// words as "Favourites").
inline constexpr char16_t kFavoritesSection[] = u"\u2605";
// The section of names that start with a digit, a sign or a letter outside
// A–Z after folding (Ω, 李): after Z, as address books on phones do.
inline constexpr char16_t kOtherSection[] = u"#";

struct ContactListEntry
{
    QString id;
    QString name;       // "Ada Lovelace"; without a name the company, email or phone; else empty
    QString secondary;  // job and company, else the primary email or phone
    QString sortKey;    // folded; what the order compares
    QString section;    // "A"–"Z", "#", or kFavoritesSection
    QString initials;   // "AL"; one letter for a company or an email; empty: none
    QString photo;      // photoBlob: a data: URI or a URL
    QString searchText; // folded text of every field, one per line
    bool favorite = false;
    bool archived = false;
    bool hasName = false;
    bool operator==(const ContactListEntry &) const = default;
};

ContactListEntry listEntryFor(const QString &id, const Contact &contact, NameOrder order);
ContactListEntry listEntryFor(const QJsonObject &record, NameOrder order);

// Lowercase, accents dropped ("Ä" → "a", "Łukasz" → "lukasz"), for the sort
// key and the search.
QString foldText(const QString &text);
// The letter section of a folded sort key: "A"–"Z", else "#".
QString sectionOf(const QString &sortKey);
// The search as folded words: a contact matches when its searchText
// contains every word (anywhere, so "1234" finds "+49 30 1234567").
QStringList searchWords(const QString &text);
bool matchesSearch(const ContactListEntry &entry, const QStringList &words);
// The list's order: favourites first, then the letters A–Z, then "#", by
// the sort key within a section, the id last (a total order).
bool comesBefore(const ContactListEntry &a, const ContactListEntry &b);

// The avatar's colour for an id: the same on every run and device (a hash
// of the id's text, not Qt's seeded qHash), one of a palette that carries
// white initials in light and dark themes.
QString avatarColor(const QString &id);

} // namespace mana::contacts
