#include "quoteoftheday.h"

#include "quotecorpus.h"

#include <QList>
#include <algorithm>
#include <numeric>

namespace mana::zitare {

namespace {

// SplitMix64: a tiny, fully specified generator, so every build on every
// platform draws the same numbers (std:: distributions do not promise that).
quint64 nextRandom(quint64 &state)
{
    quint64 z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

int quoteOfTheDayPosition(const QDate &date, int count)
{
    if (count <= 0 || !date.isValid())
        return -1;
    const qint64 day = date.toJulianDay();
    // Floor division: a run and a place in it for every day, before 4713 BC too.
    qint64 run = day / count;
    qint64 place = day % count;
    if (place < 0) {
        place += count;
        --run;
    }
    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    quint64 state = quint64(run) ^ 0x5A17A2E0C0FFEEull;
    for (int i = count - 1; i > 0; --i)
        std::swap(order[i], order[int(nextRandom(state) % quint64(i + 1))]);
    return order.at(int(place));
}

QString quoteOfTheDay(const QDate &date, const QuoteCorpus &corpus)
{
    QStringList ids;
    ids.reserve(corpus.size());
    for (const Quote &quote : corpus.quotes())
        ids.append(quote.id);
    std::sort(ids.begin(), ids.end(),
              [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    const int position = quoteOfTheDayPosition(date, int(ids.size()));
    return position < 0 ? QString() : ids.at(position);
}

} // namespace mana::zitare
