#include "studysession.h"

#include "collection.h"
#include "localstore.h"
#include "query.h"

#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace mana::cards {

namespace {

const QString kApp = QStringLiteral("cards");

int remaining(int limit, int done)
{
    return limit < 0 ? std::numeric_limits<int>::max() : std::max(0, limit - done);
}

// The moments a day's counts are cut at: the local day's start (for the
// day's answers) and the next day's start (for "due today").
struct Day
{
    QDate date;
    QString start;
    QString end;
};

Day dayOf(const QDateTime &now)
{
    const QDate today = now.toLocalTime().date();
    return {today, StudySession::storedTime(startOfLocalDay(today)),
            StudySession::storedTime(startOfLocalDay(today.addDays(1)))};
}

// The day's tally of a deck: how many new, learning and review cards it
// answered on `date` (older days count as nothing).
struct Tally
{
    int newCards = 0;
    int learning = 0;
    int reviews = 0;
};

QString tallyKey(const QString &deckId)
{
    return QStringLiteral("cards.studiedToday.") + deckId;
}

Tally tallyOf(LocalStore *store, const QString &deckId, const QDate &date)
{
    const QJsonObject json =
        QJsonDocument::fromJson(store->metaValue(tallyKey(deckId)).toUtf8()).object();
    if (json.value(QStringLiteral("date")).toString() != date.toString(Qt::ISODate))
        return {};
    return {json.value(QStringLiteral("new")).toInt(),
            json.value(QStringLiteral("learning")).toInt(),
            json.value(QStringLiteral("review")).toInt()};
}

bool writeTally(LocalStore *store, const QString &deckId, const QDate &date, const Tally &tally,
                QString *error)
{
    const QJsonObject json{{QStringLiteral("date"), date.toString(Qt::ISODate)},
                           {QStringLiteral("new"), tally.newCards},
                           {QStringLiteral("learning"), tally.learning},
                           {QStringLiteral("review"), tally.reviews}};
    return store->setMetaValue(
        tallyKey(deckId), QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)),
        error);
}

// Cards per deck of one kind due before `before` (null: new cards).
QHash<QString, int> dueByDeck(Collection *cards, CardKind kind, const QString &before,
                              const QString &deckId, QString *error)
{
    Query query;
    if (!deckId.isEmpty())
        query.where(QStringLiteral("deckId"), Query::Op::Equal, deckId);
    if (kind == CardKind::New) {
        query.where(QStringLiteral("reviewCount"), Query::Op::Equal, 0);
    } else {
        query.where(QStringLiteral("reviewCount"), Query::Op::Greater, 0)
            .where(QStringLiteral("nextReview"), Query::Op::Less, before);
        if (kind == CardKind::Learning)
            query.where(QStringLiteral("intervalDays"), Query::Op::Equal, 0);
        else
            query.where(QStringLiteral("intervalDays"), Query::Op::Greater, 0);
    }
    return cards->countBy(QStringLiteral("deckId"), query, error);
}

QHash<QString, DueCounts> countDue(LocalStore *store, const QDateTime &now, DailyLimits limits,
                                   const QString &deckId, QString *error)
{
    QHash<QString, DueCounts> result;
    Collection *cards = store->collection(kApp, QStringLiteral("cards"));
    if (!cards) {
        if (error)
            *error = QStringLiteral("the cards module is not in the store");
        return result;
    }
    const Day day = dayOf(now);
    QString failure;
    const auto newCards = dueByDeck(cards, CardKind::New, {}, deckId, &failure);
    const auto learning = dueByDeck(cards, CardKind::Learning, day.end, deckId, &failure);
    const auto reviews = dueByDeck(cards, CardKind::Review, day.end, deckId, &failure);
    if (!failure.isEmpty()) {
        if (error)
            *error = failure;
        return {};
    }
    QHash<QString, Tally> tallies;
    auto tally = [&](const QString &deck) -> const Tally & {
        auto it = tallies.find(deck);
        if (it == tallies.end())
            it = tallies.insert(deck, tallyOf(store, deck, day.date));
        return *it;
    };
    for (auto it = newCards.begin(); it != newCards.end(); ++it)
        result[it.key()].newCards =
            std::min(it.value(), remaining(limits.newCards, tally(it.key()).newCards));
    for (auto it = learning.begin(); it != learning.end(); ++it)
        result[it.key()].learning =
            std::min(it.value(), remaining(limits.learning, tally(it.key()).learning));
    for (auto it = reviews.begin(); it != reviews.end(); ++it)
        result[it.key()].reviews =
            std::min(it.value(), remaining(limits.reviews, tally(it.key()).reviews));
    return result;
}

} // namespace

CardKind kindOf(const QJsonObject &card)
{
    if (card.value(QStringLiteral("reviewCount")).toDouble() <= 0)
        return CardKind::New;
    return card.value(QStringLiteral("intervalDays")).toDouble() <= 0 ? CardKind::Learning
                                                                      : CardKind::Review;
}

CardSchedule scheduleOf(const QJsonObject &card)
{
    CardSchedule schedule;
    const QJsonValue ease = card.value(QStringLiteral("ease"));
    if (ease.isDouble())
        schedule.ease = ease.toDouble();
    const double interval = card.value(QStringLiteral("intervalDays")).toDouble();
    schedule.intervalDays =
        std::isfinite(interval) ? int(std::clamp(interval, 0.0, double(sm2::MaximumInterval))) : 0;
    schedule.reviewCount = std::max(0, card.value(QStringLiteral("reviewCount")).toInt());
    return schedule;
}

StudySession::StudySession(LocalStore *store, QString deckId, DailyLimits limits, Clock clock)
    : m_store(store)
    , m_deckId(std::move(deckId))
    , m_limits(limits)
    , m_clock(std::move(clock))
{}

QString StudySession::storedTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime StudySession::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTime();
}

Collection *StudySession::cards() const
{
    return m_store ? m_store->collection(kApp, QStringLiteral("cards")) : nullptr;
}

DueCounts StudySession::dueCounts(QString *error) const
{
    if (!m_store)
        return {};
    return countDue(m_store, now(), m_limits, m_deckId, error).value(m_deckId);
}

QHash<QString, DueCounts> StudySession::dueCountsByDeck(LocalStore *store, const QDateTime &now,
                                                        DailyLimits limits, QString *error)
{
    return countDue(store, now, limits, {}, error);
}

std::optional<QJsonObject> StudySession::nextCard(QString *error) const
{
    Collection *cards = this->cards();
    if (!cards)
        return std::nullopt;
    const QDateTime now = this->now();
    const Day day = dayOf(now);
    const QString deckId = m_deckId;

    // The earliest answered card of a kind due before `before`: learning
    // cards through the (deckId, intervalDays, nextReview, reviewCount)
    // index, reviews
    // through (deckId, nextReview), walked from the earliest due.
    auto firstDue = [&](CardKind kind, const QString &before) -> std::optional<QJsonObject> {
        Query query;
        query.where(QStringLiteral("deckId"), Query::Op::Equal, deckId)
            .where(QStringLiteral("nextReview"), Query::Op::Less, before)
            .where(QStringLiteral("reviewCount"), Query::Op::Greater, 0);
        if (kind == CardKind::Learning)
            query.where(QStringLiteral("intervalDays"), Query::Op::Equal, 0);
        else
            query.where(QStringLiteral("intervalDays"), Query::Op::Greater, 0);
        query.orderBy(QStringLiteral("nextReview")).orderBy(QStringLiteral("id"));
        query.limit = 1;
        const QList<QJsonObject> rows = cards->query(query, error);
        return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
    };

    const QString justNow = storedTime(now.addMSecs(1));
    const Tally tally = tallyOf(m_store, deckId, day.date);
    const bool learningLeft = remaining(m_limits.learning, tally.learning) > 0;
    if (learningLeft) {
        if (auto card = firstDue(CardKind::Learning, justNow))
            return card;
    }
    if (remaining(m_limits.reviews, tally.reviews) > 0) {
        if (auto card = firstDue(CardKind::Review, day.end))
            return card;
    }
    if (remaining(m_limits.newCards, tally.newCards) > 0) {
        // The first new card in the deck's order, through the
        // (deckId, reviewCount, order) index.
        Query query;
        query.where(QStringLiteral("deckId"), Query::Op::Equal, deckId)
            .where(QStringLiteral("reviewCount"), Query::Op::Equal, 0)
            .orderBy(QStringLiteral("order"))
            .orderBy(QStringLiteral("id"));
        query.limit = 1;
        const QList<QJsonObject> rows = cards->query(query, error);
        if (!rows.isEmpty())
            return rows.first();
    }
    if (learningLeft) {
        const QString ahead = storedTime(now.addSecs(qint64(LearnAheadMinutes) * 60));
        if (auto card = firstDue(CardKind::Learning, std::min(ahead, day.end)))
            return card;
    }
    return std::nullopt;
}

bool StudySession::answer(const QString &cardId, Answer button, qint64 durationMs, QString *error)
{
    Collection *cards = this->cards();
    Collection *decks = m_store ? m_store->collection(kApp, QStringLiteral("decks")) : nullptr;
    if (!cards || !decks) {
        if (error)
            *error = QStringLiteral("the cards module is not in the store");
        return false;
    }
    const std::optional<QJsonObject> card = cards->get(cardId);
    if (!card || card->value(QStringLiteral("deckId")).toString() != m_deckId) {
        if (error)
            *error = QStringLiteral("card %1 is not in deck %2").arg(cardId, m_deckId);
        return false;
    }
    const QDateTime now = this->now();
    const CardKind kind = kindOf(*card);
    const QDate today = now.toLocalTime().date();
    const ScheduleResult result = cards::answer(scheduleOf(*card), button, now);
    durationMs = std::max<qint64>(0, durationMs);
    Collection *reviews = m_store->collection(kApp, QStringLiteral("reviews"));
    const bool ok = m_store->writeGroup(
        [&](QString *failure) {
            // The review log (reviewlog.h) first: a refused card update
            // rolls it back with the rest of the group.
            WriteResult written =
                reviews
                    ? reviews->insert({{QStringLiteral("cardId"), cardId},
                                       {QStringLiteral("deckId"), m_deckId},
                                       {QStringLiteral("rating"), int(button)},
                                       {QStringLiteral("reviewedAt"), storedTime(now)},
                                       {QStringLiteral("intervalDays"), result.card.intervalDays},
                                       {QStringLiteral("durationMs"), durationMs}})
                    : WriteResult{true, {}, {}, {}};
            if (written)
                written = cards->update(
                    cardId, {{QStringLiteral("ease"), result.card.ease},
                             {QStringLiteral("intervalDays"), result.card.intervalDays},
                             {QStringLiteral("reviewCount"), result.card.reviewCount},
                             {QStringLiteral("nextReview"), storedTime(result.nextReview)}});
            if (written)
                written =
                    decks->update(m_deckId, {{QStringLiteral("lastStudied"), storedTime(now)}});
            if (!written) {
                *failure = written.error;
                return false;
            }
            Tally tally = tallyOf(m_store, m_deckId, today);
            (kind == CardKind::New        ? tally.newCards
             : kind == CardKind::Learning ? tally.learning
                                          : tally.reviews)++;
            return writeTally(m_store, m_deckId, today, tally, failure);
        },
        error);
    if (!ok)
        return false;
    ++m_summary.studied;
    if (button == Answer::Again)
        ++m_summary.again;
    m_summary.timeMs += durationMs;
    return true;
}

} // namespace mana::cards
