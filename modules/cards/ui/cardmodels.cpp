#include "cardmodels.h"

#include "cardstypes.h"
#include "collection.h"
#include "localstore.h"
#include "query.h"

namespace mana::cards {

DeckListModel::DeckListModel(QObject *parent)
    : StoreQueryModel(parent)
    , m_clock([] { return QDateTime::currentDateTime(); })
{
    connect(&m_day, &LocalDay::dateChanged, this, [this] {
        if (!m_now.isValid())
            refreshCounts();
    });
}

void DeckListModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = clock;
    m_day.setClock(std::move(clock));
    refreshCounts();
}

void DeckListModel::storeReplaced(LocalStore *previous)
{
    if (previous) {
        if (Collection *cards =
                previous->collection(QStringLiteral("cards"), QStringLiteral("cards")))
            cards->disconnect(this);
    }
    LocalStore *store = localStore();
    Collection *decks =
        store ? store->collection(QStringLiteral("cards"), QStringLiteral("decks")) : nullptr;
    if (Collection *cards =
            store ? store->collection(QStringLiteral("cards"), QStringLiteral("cards")) : nullptr)
        connect(cards, &Collection::changed, this, &DeckListModel::refreshCounts);
    refreshCounts();
    Query query;
    query.sort = {{QStringLiteral("name"), false, true, false, {}, 0},
                  {QStringLiteral("id"), false, false, false, {}, 0}};
    setQuery(decks, query);
}

QDateTime DeckListModel::now() const
{
    return m_now.isValid() ? m_now : m_clock();
}

void DeckListModel::setNow(const QDateTime &now)
{
    if (now == m_now)
        return;
    m_now = now;
    refreshCounts();
    emit nowChanged();
}

void DeckListModel::refreshCounts()
{
    QHash<QString, DueCounts> counts;
    QHash<QString, int> cardCounts;
    if (LocalStore *store = localStore()) {
        counts = StudySession::dueCountsByDeck(store, now());
        if (Collection *cards = store->collection(QStringLiteral("cards"), QStringLiteral("cards")))
            cardCounts = cards->countBy(QStringLiteral("deckId"));
    }
    if (counts == m_counts && cardCounts == m_cardCounts)
        return;
    m_counts = std::move(counts);
    m_cardCounts = std::move(cardCounts);
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1),
                         {NewRole, LearningRole, ReviewRole, CardCountRole});
}

QVariant DeckListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = recordAt(index.row());
    const QString id = record.value(QStringLiteral("id")).toString();
    switch (role) {
    case IdRole:
        return id;
    case NameRole:
    case Qt::DisplayRole:
        return record.value(QStringLiteral("name")).toString();
    case ColorRole:
        return record.value(QStringLiteral("color")).toString();
    case NewRole:
        return m_counts.value(id).newCards;
    case LearningRole:
        return m_counts.value(id).learning;
    case ReviewRole:
        return m_counts.value(id).reviews;
    case CardCountRole:
        return m_cardCounts.value(id);
    }
    return {};
}

QHash<int, QByteArray> DeckListModel::roleNames() const
{
    return {{IdRole, "deckId"},
            {NameRole, "name"},
            {ColorRole, "deckColor"},
            {NewRole, "newCount"},
            {LearningRole, "learningCount"},
            {ReviewRole, "reviewCount"},
            {CardCountRole, "cardCount"}};
}

CardListModel::CardListModel(QObject *parent)
    : StoreQueryModel(parent)
{}

void CardListModel::storeReplaced(LocalStore *)
{
    requery();
}

void CardListModel::setDeckId(const QString &deckId)
{
    if (deckId == m_deckId)
        return;
    m_deckId = deckId;
    requery();
    emit deckIdChanged();
}

void CardListModel::requery()
{
    LocalStore *store = localStore();
    Collection *cards =
        store ? store->collection(QStringLiteral("cards"), QStringLiteral("cards")) : nullptr;
    Query query;
    query.where(QStringLiteral("deckId"), Query::Op::Equal, m_deckId);
    query.orderBy(QStringLiteral("order")).orderBy(QStringLiteral("id"));
    setQuery(m_deckId.isEmpty() ? nullptr : cards, query);
}

QVariant CardListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &record = recordAt(index.row());
    switch (role) {
    case IdRole:
        return record.value(QStringLiteral("id")).toString();
    case FrontRole:
    case Qt::DisplayRole:
        return record.value(QStringLiteral("front")).toString();
    case BackRole:
        return record.value(QStringLiteral("back")).toString();
    case KindRole:
        return int(kindOf(record));
    case IntervalRole:
        return record.value(QStringLiteral("intervalDays")).toInt();
    }
    return {};
}

QHash<int, QByteArray> CardListModel::roleNames() const
{
    return {{IdRole, "cardId"},
            {FrontRole, "front"},
            {BackRole, "back"},
            {KindRole, "kind"},
            {IntervalRole, "intervalDays"}};
}

} // namespace mana::cards
