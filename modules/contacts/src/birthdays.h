// Upcoming birthdays (the Contacts page's "Birthdays" list, GNOME Contacts'
// and Google Contacts' sense of it): for each contact with a birthday, the
// next day it is celebrated on or after `today`, and the age turned then.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace mana::contacts {

struct BirthdayEntry
{
    QString contactId;
    QDate birthday;      // as stored (year 1604: without a year)
    QDate nextOccasion;  // on or after today
    int daysUntil = 0;   // 0: today
    int turningAge = -1; // -1: the year is unknown
};

// The day a birthday is celebrated in `year`: itself, or for 29 February
// in a year without one, 28 February (as GNOME Contacts and most
// calendars do; a person born on the 29th celebrates before the month
// ends). Invalid for an invalid birthday.
QDate celebrationIn(const QDate &birthday, int year);

// The next celebration on or after `today`, with the age turned then.
BirthdayEntry upcomingBirthday(const QString &contactId, const QDate &birthday, const QDate &today);

// Every contact's next birthday within `days` days (0: today only), the
// soonest first, then by id (a stable order for equal days). Contacts
// without a valid birthday, or with one after today (a mistyped year), are
// left out.
struct BirthdayInput
{
    QString contactId;
    QDate birthday;
};
QList<BirthdayEntry> upcomingBirthdays(const QList<BirthdayInput> &contacts, const QDate &today,
                                       int days);

} // namespace mana::contacts
