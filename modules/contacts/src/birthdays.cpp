#include "birthdays.h"

#include "contact.h"

#include <algorithm>

namespace mana::contacts {

QDate celebrationIn(const QDate &birthday, int year)
{
    if (!birthday.isValid())
        return {};
    if (birthday.month() == 2 && birthday.day() == 29 && !QDate::isLeapYear(year))
        return QDate(year, 2, 28);
    return QDate(year, birthday.month(), birthday.day());
}

BirthdayEntry upcomingBirthday(const QString &contactId, const QDate &birthday, const QDate &today)
{
    BirthdayEntry entry;
    entry.contactId = contactId;
    entry.birthday = birthday;
    QDate next = celebrationIn(birthday, today.year());
    if (next < today)
        next = celebrationIn(birthday, today.year() + 1);
    entry.nextOccasion = next;
    entry.daysUntil = int(today.daysTo(next));
    if (birthday.year() != kBirthdayWithoutYear)
        entry.turningAge = next.year() - birthday.year();
    return entry;
}

QList<BirthdayEntry> upcomingBirthdays(const QList<BirthdayInput> &contacts, const QDate &today,
                                       int days)
{
    QList<BirthdayEntry> entries;
    for (const BirthdayInput &contact : contacts) {
        if (!contact.birthday.isValid() || !today.isValid())
            continue;
        // Born after today: a typo in the year, not a birthday to announce.
        if (contact.birthday.year() != kBirthdayWithoutYear && contact.birthday > today)
            continue;
        BirthdayEntry entry = upcomingBirthday(contact.contactId, contact.birthday, today);
        if (entry.daysUntil <= days)
            entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(), [](const BirthdayEntry &a, const BirthdayEntry &b) {
        if (a.daysUntil != b.daysUntil)
            return a.daysUntil < b.daysUntil;
        return a.contactId < b.contactId;
    });
    return entries;
}

} // namespace mana::contacts
