// A study session over one deck (docs/cards.md, "Studying"): which card
// comes next, what an answer writes, the day's limits, the due counts of
// every deck, and the summary. Reads go through the store's indexes (no
// scan of a deck): the next card is one indexed lookup per kind.
#pragma once

#include "sm2.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

namespace mana {
class Collection;
class LocalStore;
} // namespace mana

namespace mana::cards {

// What a card is, read from its fields: new (reviewCount 0, never
// answered), learning (answered Again: intervalDays 0, due in minutes),
// review (intervalDays ≥ 1). A card with a negative interval (not written
// here) counts as learning but is never chosen.
enum class CardKind { New, Learning, Review };

CardKind kindOf(const QJsonObject &card);
CardSchedule scheduleOf(const QJsonObject &card);

// Per deck and day, like Anki's defaults. A negative limit: none.
struct DailyLimits
{
    int newCards = 20;
    int reviews = 200;
    int learning = -1; // Anki does not limit learning cards
};

// What a deck has to study now: the cards due today, each count already
// cut by what is left of the day's limit.
struct DueCounts
{
    int newCards = 0;
    int learning = 0;
    int reviews = 0;
    int total() const { return newCards + learning + reviews; }
    bool operator==(const DueCounts &) const = default;
};

struct SessionSummary
{
    int studied = 0;   // answers
    int again = 0;     // of them Again
    qint64 timeMs = 0; // time spent on the answered cards (sum of their durations)
    bool operator==(const SessionSummary &) const = default;
};

// Anki's "learn ahead" limit: with nothing else to study, a learning card
// due within this many minutes comes now rather than ending the session.
inline constexpr int LearnAheadMinutes = 20;

class StudySession
{
public:
    using Clock = std::function<QDateTime()>;

    // `store` has the cards module added. `clock` gives now (default: the
    // system's).
    StudySession(LocalStore *store, QString deckId, DailyLimits limits = {}, Clock clock = {});

    const QString &deckId() const { return m_deckId; }

    // The card to show next (its record), or nothing when the deck is done
    // for today: a learning card that is due, then a review card due today
    // (while the review limit lasts), then a new card in the deck's order
    // (while the new limit lasts), then a learning card due within the
    // learn-ahead limit.
    std::optional<QJsonObject> nextCard(QString *error = nullptr) const;

    // What the deck has due now (counted as nextCard chooses).
    DueCounts dueCounts(QString *error = nullptr) const;

    // Writes the answer in one write group: the card's ease, interval, next
    // review and review count, the deck's lastStudied, and the deck's tally
    // of the day (how many new, learning and review cards it answered
    // today, what the limits count; a value of this profile, not synced).
    // durationMs: how long the card was shown. False (and nothing written)
    // when the card is not in this deck or a write fails.
    bool answer(const QString &cardId, Answer answer, qint64 durationMs, QString *error = nullptr);

    SessionSummary summary() const { return m_summary; }

    // Every deck's due counts at `now` under `limits`, with a few grouped
    // counts for all decks together (not one query per deck).
    static QHash<QString, DueCounts> dueCountsByDeck(LocalStore *store, const QDateTime &now,
                                                     DailyLimits limits = {},
                                                     QString *error = nullptr);

    // The text form the store keeps a datetime in (UTC with milliseconds),
    // for filters.
    static QString storedTime(const QDateTime &time);

private:
    QDateTime now() const;
    Collection *cards() const;

    LocalStore *m_store;
    QString m_deckId;
    DailyLimits m_limits;
    Clock m_clock;
    SessionSummary m_summary;
};

} // namespace mana::cards
