// ManaDeck benchmarks, printed as `name=… value=… unit=…` (medians):
// - cards_next_card_50000: choosing the next card of one deck of 50,000
//   cards in a real store (20,000 new, 5,000 learning, 25,000 reviews due
//   from 200 days ago to 200 days ahead; a second deck of 10,000 beside
//   it), StudySession::nextCard, with reviews due (the index on
//   deckId + nextReview) and with only new cards left (deckId +
//   reviewCount + order). Target ≤ 1 ms (issue 16).
// - cards_due_counts_all_decks: the due counts of every deck at once
//   (the deck list).
// - cards_answer_50000: one answer (the card, the deck, the day's tally).
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "studysession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mana;
using namespace mana::cards;
using namespace Qt::StringLiterals;

namespace {

void print(const char *name, double value, const char *unit = "ms")
{
    std::printf("name=%s value=%.3f unit=%s\n", name, value, unit);
    std::fflush(stdout);
}

template<typename F> double medianMs(int runs, F &&run)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        run(i);
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

bool fill(Collection *cards, const QString &deck, int count, const QDateTime &now)
{
    QRandomGenerator random(42);
    QList<QJsonObject> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        QJsonObject row{{u"deckId"_s, deck},
                        {u"front"_s, u"Front %1"_s.arg(i)},
                        {u"back"_s, u"Back %1"_s.arg(i)},
                        {u"order"_s, i}};
        const int kind = i % 10; // 4 new, 1 learning, 5 review
        if (kind >= 4) {
            const bool learning = kind == 4;
            const int days = int(random.bounded(400)) - 200;
            row.insert(u"reviewCount"_s, 1 + int(random.bounded(10)));
            row.insert(u"ease"_s, 1.3 + random.bounded(1.5));
            row.insert(u"intervalDays"_s, learning ? 0 : 1 + int(random.bounded(300)));
            row.insert(u"nextReview"_s,
                       StudySession::storedTime(learning ? now.addSecs(random.bounded(7200))
                                                         : now.addDays(days)));
        }
        rows.append(row);
    }
    QString error;
    const QStringList ids = cards->insertMany(rows, &error);
    if (ids.size() != count) {
        std::fprintf(stderr, "insert failed: %s\n", qPrintable(error));
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    LocalStore store;
    QString error;
    const ModuleCatalog catalog = ModuleCatalog::load();
    // An argument: the profile's path (kept afterwards, for EXPLAIN).
    const QString path =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : dir.filePath(u"bench.sqlite"_s);
    if (!store.open(path, &error) || !store.addModule(catalog.info(u"cards"_s)->spec, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    Collection *decks = store.collection(u"cards"_s, u"decks"_s);
    Collection *cards = store.collection(u"cards"_s, u"cards"_s);
    decks->insert({{u"id"_s, u"big"_s}, {u"name"_s, u"Big"_s}});
    decks->insert({{u"id"_s, u"other"_s}, {u"name"_s, u"Other"_s}});
    QDateTime now(QDate(2026, 6, 1), QTime(10, 0));
    if (!fill(cards, u"big"_s, 50000, now) || !fill(cards, u"other"_s, 10000, now))
        return 1;

    // Limits high enough that every kind stays open.
    const DailyLimits limits{1000000, 1000000, -1};
    StudySession session(&store, u"big"_s, limits, [&now] { return now; });
    QString chosen;
    const double withReviews =
        medianMs(201, [&](int) { chosen = session.nextCard()->value(u"id"_s).toString(); });
    print("cards_next_card_50000", withReviews);

    // Only new cards left: a session whose learning and review limits are
    // used up goes straight to the new cards.
    StudySession newOnly(&store, u"big"_s, {1000000, 0, 0}, [&now] { return now; });
    const double newCards = medianMs(201, [&](int) { newOnly.nextCard(); });
    print("cards_next_card_50000_new_only", newCards);

    const double counts =
        medianMs(21, [&](int) { StudySession::dueCountsByDeck(&store, now, limits); });
    print("cards_due_counts_all_decks_60000", counts);

    const double answer = medianMs(101, [&](int i) {
        const QString id = session.nextCard()->value(u"id"_s).toString();
        session.answer(id, i % 4 == 0 ? Answer::Again : Answer::Good, 1000);
    });
    print("cards_answer_50000", answer);
    return 0;
}
