// The quote of the day: the same quote for a given date on every device,
// a pure function of the date and the corpus (no clock, no state, no
// network). docs/zitare.md "Quote of the day".
#pragma once

#include <QDate>
#include <QString>

namespace mana::zitare {

class QuoteCorpus;

// The position (0 … count-1) for `date` in a list of `count` quotes: the
// days are taken in runs of `count`, each run a shuffle of all positions
// seeded by the run's number, so no quote comes twice within a run. -1 for
// an empty list or an invalid date.
int quoteOfTheDayPosition(const QDate &date, int count);

// The id of the day's quote: the position above in the corpus's ids sorted
// by their bytes (so the order of the file does not matter). Empty for an
// empty corpus.
QString quoteOfTheDay(const QDate &date, const QuoteCorpus &corpus);

} // namespace mana::zitare
