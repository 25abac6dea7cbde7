// ManaDeck's lists: the decks with their due counts, and one deck's cards.
// Both are LiveQueryModels (pages of rows, updated row by row).
#pragma once

#include "localday.h"
#include "storequerymodel.h"
#include "studysession.h"

#include <QDateTime>
#include <QHash>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace mana {
class LocalStore;
}

namespace mana::cards {

// The decks by name, each with its due counts (new / learning / review,
// cut by the day's limits) and its number of cards.
class DeckListModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    // The moment the counts are for; the clock's when not set, and then the
    // counts are taken again at midnight (they are per day: reviews and
    // learning cards due by the day's end, the day's limits). Within a day
    // they change only with the cards, which recount on their own.
    Q_PROPERTY(QDateTime now READ now WRITE setNow NOTIFY nowChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        ColorRole,
        NewRole,
        LearningRole,
        ReviewRole,
        CardCountRole
    };

    explicit DeckListModel(QObject *parent = nullptr);
    QDateTime now() const;
    void setNow(const QDateTime &now);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString deckIdAt(int row) const { return idAt(row); }
    // Counts again (after answers, on a new day); rows change only when
    // their counts did.
    Q_INVOKABLE void refreshCounts();
    // The clock it follows when `now` is not set (tests).
    void setClock(std::function<QDateTime()> clock);

signals:
    void nowChanged();

protected:
    QList<int> changedRoles() const override { return {}; }

private:
    void storeReplaced(LocalStore *previous) override;
    QDateTime m_now;
    QHash<QString, DueCounts> m_counts;
    QHash<QString, int> m_cardCounts;
    std::function<QDateTime()> m_clock;
    LocalDay m_day;
};

// One deck's cards in the deck's order.
class CardListModel : public StoreQueryModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString deckId READ deckId WRITE setDeckId NOTIFY deckIdChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, FrontRole, BackRole, KindRole, IntervalRole };

    explicit CardListModel(QObject *parent = nullptr);
    QString deckId() const { return m_deckId; }
    void setDeckId(const QString &deckId);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QString cardIdAt(int row) const { return idAt(row); }

signals:
    void deckIdChanged();

private:
    void requery();
    void storeReplaced(LocalStore *previous) override;
    QString m_deckId;
};

} // namespace mana::cards
