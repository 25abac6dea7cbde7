// What ManaDeck's page does besides its lists: a study session over one
// deck (the card shown, flipping, answering with what each button would
// give, the summary), new decks and cards, and saving a card's edit.
#pragma once

#include "cardstypes.h"
#include "localday.h"
#include "studysession.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace mana {
class LocalStore;
}

namespace mana::cards {

class CardsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QObject *store READ store WRITE setStore NOTIFY storeChanged)
    // The moment sessions run at; the clock's when not set (tests set it).
    Q_PROPERTY(QDateTime now READ now WRITE setNow NOTIFY nowChanged)
    Q_PROPERTY(QString deckId READ deckId NOTIFY sessionChanged)
    Q_PROPERTY(bool hasCard READ hasCard NOTIFY cardChanged)
    Q_PROPERTY(mana::cards::StudyCard card READ card NOTIFY cardChanged)
    Q_PROPERTY(bool flipped READ flipped NOTIFY cardChanged)
    Q_PROPERTY(mana::cards::StudySummary summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QString importError READ importError NOTIFY importFinished)
    Q_PROPERTY(int undoStep READ undoStep NOTIFY importFinished)
    // The statistics chart: answers of every deck in the last 30 local days,
    // oldest first, each {"label", "reviews", "again"}; and their sum. Read
    // again when reviews change (also by a sync) and when the day turns.
    Q_PROPERTY(QVariantList reviewDays READ reviewDays NOTIFY reviewDaysChanged)
    Q_PROPERTY(int reviewsInPeriod READ reviewsInPeriod NOTIFY reviewDaysChanged)

public:
    explicit CardsController(QObject *parent = nullptr);
    ~CardsController() override;

    QObject *store() const;
    void setStore(QObject *store);
    QDateTime now() const;
    void setNow(const QDateTime &now);
    QString deckId() const;
    bool hasCard() const { return !m_card.id.isEmpty(); }
    StudyCard card() const { return m_card; }
    bool flipped() const { return m_flipped; }
    StudySummary summary() const;
    QString lastError() const { return m_error; }

    // Starts a session over the deck and shows its first card (none: the
    // deck has nothing due).
    Q_INVOKABLE void startStudy(const QString &deckId);
    Q_INVOKABLE void flip();
    // 1 Again, 2 Hard, 3 Good, 4 Easy: only once flipped. Shows the next card.
    Q_INVOKABLE bool answer(int button);
    Q_INVOKABLE void endStudy();

    // A new deck's id ("" when the name is empty or the store refused).
    Q_INVOKABLE QString createDeck(const QString &name, const QString &color = {});
    // A new card at the end of the deck, or the card's new sides.
    Q_INVOKABLE QString saveCard(const QString &cardId, const QString &deckId, const QString &front,
                                 const QString &back);
    Q_INVOKABLE QString deckName(const QString &deckId) const;

    // Imports a plain-text file (Anki's export, CSV, TSV; docs/cards.md)
    // into the deck, all or nothing: the number of cards, or -1 with the
    // sentence in importError. undoStep: the import's Undo step.
    Q_INVOKABLE int importFile(const QUrl &file, const QString &deckId, const QString &language);
    // Writes the deck's cards as Anki's plain text; false with importError.
    Q_INVOKABLE bool exportFile(const QUrl &file, const QString &deckId, const QString &language);
    QString importError() const { return m_importError; }
    QVariantList reviewDays() const { return m_reviewDays; }
    int reviewsInPeriod() const { return m_reviewsInPeriod; }
    static constexpr int reviewChartDays = 30;
    int undoStep() const { return m_undoStep; }

signals:
    void reviewDaysChanged();
    void storeChanged();
    void nowChanged();
    void sessionChanged();
    void cardChanged();
    void summaryChanged();
    void lastErrorChanged();
    void importFinished();

private:
    void showNext();
    void setError(const QString &error);

    QPointer<LocalStore> m_store;
    QDateTime m_now;
    std::unique_ptr<StudySession> m_session;
    StudyCard m_card;
    bool m_flipped = false;
    QElapsedTimer m_shown;
    QString m_error;
    QString m_importError;
    int m_undoStep = 0;
    void readReviewDays();
    QVariantList m_reviewDays;
    int m_reviewsInPeriod = 0;
    QMetaObject::Connection m_reviewsChanged;
    LocalDay m_day; // the chart gets its new day at midnight
};

} // namespace mana::cards
