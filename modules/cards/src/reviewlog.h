// The review log: every answer of a study session is a `reviews` record
// (card, deck, the button 1-4, when, the new interval, the time taken),
// written with the card's new schedule, so it syncs like the cards and
// the statistics count the answers of every device. The chart reads it
// per local day through the `reviewedAt` indexes.
#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace mana {
class LocalStore;
}

namespace mana::cards {

struct ReviewDay
{
    QDate day;
    int reviews = 0;
    int again = 0; // answered Again: the day's lapses and relearning
    bool operator==(const ReviewDay &) const = default;
};

// The answers of the `days` local days up to and including `lastDay`, oldest
// first, one entry per day (zero on days without any); `deckId` empty counts
// every deck. Reads only the reviews of those days (an index range).
QList<ReviewDay> reviewsPerDay(LocalStore *store, const QString &deckId, const QDate &lastDay,
                               int days, QString *error = nullptr);

} // namespace mana::cards
