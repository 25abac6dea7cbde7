#include "cardscontroller.h"

#include "cardsimport.h"
#include "collection.h"
#include "icsfiles.h"
#include "localstore.h"
#include "query.h"
#include "reviewlog.h"

#include <QFile>
#include <QLocale>
#include <QLoggingCategory>

namespace mana::cards {

Q_LOGGING_CATEGORY(lcCards, "mana.cards")

CardsController::CardsController(QObject *parent)
    : QObject(parent)
{
    connect(&m_day, &LocalDay::dateChanged, this, [this] {
        if (!m_now.isValid())
            readReviewDays();
    });
}

CardsController::~CardsController() = default;

QObject *CardsController::store() const
{
    return m_store;
}

void CardsController::setStore(QObject *store)
{
    auto *local = qobject_cast<LocalStore *>(store);
    if (local == m_store)
        return;
    m_store = local;
    endStudy();
    disconnect(m_reviewsChanged);
    if (Collection *reviews =
            m_store ? m_store->collection(QStringLiteral("cards"), QStringLiteral("reviews"))
                    : nullptr)
        m_reviewsChanged =
            connect(reviews, &Collection::changed, this, &CardsController::readReviewDays);
    readReviewDays();
    emit storeChanged();
}

void CardsController::readReviewDays()
{
    QString error;
    const QList<ReviewDay> days =
        m_store ? reviewsPerDay(m_store, {}, now().date(), reviewChartDays, &error)
                : QList<ReviewDay>{};
    if (!error.isEmpty())
        qCWarning(lcCards) << "cannot read the review log:" << error;
    QVariantList list;
    int total = 0;
    for (const ReviewDay &day : days) {
        // The date as the UI shows it (QLocale's default follows the
        // app's language), not a JS Date that a time zone could shift.
        list.append(QVariantMap{
            {QStringLiteral("label"), QLocale().toString(day.day, QLocale::ShortFormat)},
            {QStringLiteral("reviews"), day.reviews},
            {QStringLiteral("again"), day.again}});
        total += day.reviews;
    }
    if (list == m_reviewDays)
        return;
    m_reviewDays = list;
    m_reviewsInPeriod = total;
    emit reviewDaysChanged();
}

QDateTime CardsController::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTime();
}

void CardsController::setNow(const QDateTime &now)
{
    if (now == m_now)
        return;
    m_now = now;
    emit nowChanged();
    readReviewDays();
}

QString CardsController::deckId() const
{
    return m_session ? m_session->deckId() : QString();
}

StudySummary CardsController::summary() const
{
    if (!m_session)
        return {};
    const SessionSummary summary = m_session->summary();
    return {summary.studied, summary.again, int(summary.timeMs / 1000)};
}

void CardsController::startStudy(const QString &deckId)
{
    if (!m_store)
        return;
    m_session =
        std::make_unique<StudySession>(m_store, deckId, DailyLimits{}, [this] { return now(); });
    emit sessionChanged();
    emit summaryChanged();
    showNext();
}

void CardsController::endStudy()
{
    const bool had = m_session != nullptr;
    m_session.reset();
    m_card = {};
    m_flipped = false;
    if (had) {
        emit sessionChanged();
        emit summaryChanged();
    }
    emit cardChanged();
}

void CardsController::showNext()
{
    m_card = {};
    m_flipped = false;
    QString error;
    const std::optional<QJsonObject> next = m_session ? m_session->nextCard(&error) : std::nullopt;
    if (!error.isEmpty())
        setError(error);
    if (next) {
        m_card.id = next->value(QStringLiteral("id")).toString();
        m_card.front = next->value(QStringLiteral("front")).toString();
        m_card.back = next->value(QStringLiteral("back")).toString();
        m_card.kind = int(kindOf(*next));
        const CardSchedule schedule = scheduleOf(*next);
        for (Answer button : {Answer::Again, Answer::Hard, Answer::Good, Answer::Easy})
            m_card.intervals.append(intervalFor(schedule, button));
        m_shown.start();
    }
    emit cardChanged();
}

void CardsController::flip()
{
    if (!hasCard() || m_flipped)
        return;
    m_flipped = true;
    emit cardChanged();
}

bool CardsController::answer(int button)
{
    if (!m_session || !hasCard() || !m_flipped || button < 1 || button > 4)
        return false;
    QString error;
    if (!m_session->answer(m_card.id, Answer(button), m_shown.isValid() ? m_shown.elapsed() : 0,
                           &error)) {
        setError(error);
        return false;
    }
    emit summaryChanged();
    showNext();
    return true;
}

QString CardsController::createDeck(const QString &name, const QString &color)
{
    Collection *decks =
        m_store ? m_store->collection(QStringLiteral("cards"), QStringLiteral("decks")) : nullptr;
    if (!decks || name.trimmed().isEmpty())
        return {};
    QJsonObject values{{QStringLiteral("name"), name.trimmed()}};
    if (!color.isEmpty())
        values.insert(QStringLiteral("color"), color);
    const WriteResult result = decks->insert(values);
    if (!result) {
        setError(result.error);
        return {};
    }
    return result.id;
}

QString CardsController::saveCard(const QString &cardId, const QString &deckId,
                                  const QString &front, const QString &back)
{
    Collection *cards =
        m_store ? m_store->collection(QStringLiteral("cards"), QStringLiteral("cards")) : nullptr;
    if (!cards || front.trimmed().isEmpty())
        return {};
    if (!cardId.isEmpty()) {
        const WriteResult result = cards->update(
            cardId, {{QStringLiteral("front"), front}, {QStringLiteral("back"), back}});
        if (!result)
            setError(result.error);
        return result ? cardId : QString();
    }
    // At the end of the deck: one more than the highest order.
    Query last;
    last.where(QStringLiteral("deckId"), Query::Op::Equal, deckId);
    last.orderBy(QStringLiteral("order"), true);
    last.limit = 1;
    const QList<QJsonObject> rows = cards->query(last);
    const double order =
        rows.isEmpty() ? 0 : rows.first().value(QStringLiteral("order")).toDouble() + 1;
    const WriteResult result = cards->insert({{QStringLiteral("deckId"), deckId},
                                              {QStringLiteral("front"), front},
                                              {QStringLiteral("back"), back},
                                              {QStringLiteral("order"), order}});
    if (!result) {
        setError(result.error);
        return {};
    }
    return result.id;
}

QString CardsController::deckName(const QString &deckId) const
{
    Collection *decks =
        m_store ? m_store->collection(QStringLiteral("cards"), QStringLiteral("decks")) : nullptr;
    const auto deck = decks ? decks->get(deckId) : std::nullopt;
    return deck ? deck->value(QStringLiteral("name")).toString() : QString();
}

void CardsController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit lastErrorChanged();
}

} // namespace mana::cards

namespace mana::cards {

int CardsController::importFile(const QUrl &file, const QString &deckId, const QString &language)
{
    const bool de = language == QStringLiteral("de");
    m_importError.clear();
    m_undoStep = 0;
    QFile input(file.toLocalFile());
    int imported = -1;
    if (input.size() > kMaxCardsTextBytes) {
        m_importError = describe({CardsTextError::TooLarge, 0, {}}, language);
    } else if (!input.open(QIODevice::ReadOnly)) {
        m_importError =
            de ? QStringLiteral("Die Datei lässt sich nicht lesen: Es wurde nichts importiert.")
               : QStringLiteral("The file cannot be read: nothing was imported.");
    } else {
        const CardsImportResult result =
            importCardsText(m_store, deckId, input.read(kMaxCardsTextBytes + 1));
        if (result.error.code != CardsTextError::None) {
            m_importError = describe(result.error, language);
        } else if (!result.storeError.isEmpty()) {
            setError(result.storeError);
            m_importError =
                de ? QStringLiteral(
                         "Die Karten ließen sich nicht speichern: Es wurde nichts importiert.")
                   : QStringLiteral("The cards could not be saved: nothing was imported.");
        } else {
            imported = result.imported;
            m_undoStep = result.undoStepId;
        }
    }
    emit importFinished();
    return imported;
}

bool CardsController::exportFile(const QUrl &file, const QString &deckId, const QString &language)
{
    m_importError.clear();
    // All of it or none: a short write must not be committed.
    const bool ok =
        !ical::writeFileAtomically(file.toLocalFile(), exportCardsText(m_store, deckId));
    if (!ok)
        m_importError = language == QStringLiteral("de")
                            ? QStringLiteral("Die Datei ließ sich nicht schreiben.")
                            : QStringLiteral("The file could not be written.");
    emit importFinished();
    return ok;
}

} // namespace mana::cards
