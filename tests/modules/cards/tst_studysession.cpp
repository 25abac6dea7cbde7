// The study session over a real store with the cards module: the order of
// the next card (learning due, review due today, new in the deck's order,
// learning ahead), the day's limits, due counts per deck, what an answer
// writes, the summary, and days that turn over on the injected clock.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "query.h"
#include "reviewlog.h"
#include "studysession.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::cards;

using LocalAnswers = QList<QPair<int, int>>; // (days after 2026-03-10, hour)

class TestStudySession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newCardsInTheDecksOrder();
    void againComesBackInThisSession();
    void dueReviewsBeforeNewCards();
    void reviewDueTomorrowWaitsForTomorrow();
    void newLimitPerDay();
    void reviewLimitPerDay();
    void dueCountsPerDeck();
    void answerWritesCardReviewAndDeck();
    void answerOfAnotherDecksCardIsRefused();
    void summaryCountsAnswersAgainAndTime();
    void reviewsPerDayCountLocalDays_data();
    void reviewsPerDayCountLocalDays();

private:
    Collection *cards() const { return m_store->collection(u"cards"_qs, u"cards"_qs); }
    Collection *decks() const { return m_store->collection(u"cards"_qs, u"decks"_qs); }
    Collection *reviews() const { return m_store->collection(u"cards"_qs, u"reviews"_qs); }
    QString addDeck(const QString &id);
    QString addCard(const QString &deck, const QString &id, double order, QJsonObject extra = {});
    StudySession session(const QString &deck, DailyLimits limits = {})
    {
        return StudySession(m_store.get(), deck, limits, [this] { return m_now; });
    }
    QString nextId(const StudySession &session) const
    {
        const auto card = session.nextCard();
        return card ? card->value(u"id"_qs).toString() : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    QDateTime m_now;
};

void TestStudySession::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY(catalog.info(u"cards"));
    QVERIFY2(m_store->addModule(catalog.info(u"cards")->spec, &error), qPrintable(error));
    m_now = QDateTime(QDate(2026, 3, 10), QTime(9, 0));
    addDeck(u"d1"_qs);
    addDeck(u"d2"_qs);
}

void TestStudySession::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString TestStudySession::addDeck(const QString &id)
{
    QJsonObject values{{u"id"_qs, id}, {u"name"_qs, id}};
    const WriteResult result = decks()->insert(values);
    return result.id;
}

QString TestStudySession::addCard(const QString &deck, const QString &id, double order,
                                  QJsonObject extra)
{
    QJsonObject values{{u"id"_qs, id},
                       {u"deckId"_qs, deck},
                       {u"front"_qs, u"F "_qs + id},
                       {u"back"_qs, u"B"_qs},
                       {u"order"_qs, order}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        values.insert(it.key(), it.value());
    const WriteResult result = cards()->insert(values);
    if (!result)
        qWarning() << result.error;
    return result.id;
}

void TestStudySession::newCardsInTheDecksOrder()
{
    addCard(u"d1"_qs, u"c"_qs, 3);
    addCard(u"d1"_qs, u"a"_qs, 1);
    addCard(u"d1"_qs, u"b"_qs, 2);
    addCard(u"d2"_qs, u"other"_qs, 0);
    StudySession study = session(u"d1"_qs);
    QCOMPARE(nextId(study), u"a"_qs);
    QVERIFY(study.answer(u"a"_qs, Answer::Good, 1000));
    QCOMPARE(nextId(study), u"b"_qs);
    QVERIFY(study.answer(u"b"_qs, Answer::Easy, 1000));
    QCOMPARE(nextId(study), u"c"_qs);
    QVERIFY(study.answer(u"c"_qs, Answer::Hard, 1000));
    QCOMPARE(nextId(study), QString()); // done for today; d2's card is not ours
}

void TestStudySession::againComesBackInThisSession()
{
    addCard(u"d1"_qs, u"a"_qs, 1);
    addCard(u"d1"_qs, u"b"_qs, 2);
    StudySession study = session(u"d1"_qs);
    QVERIFY(study.answer(u"a"_qs, Answer::Again, 500));
    QCOMPARE(cards()->get(u"a"_qs)->value(u"intervalDays"_qs).toInt(), 0);
    QCOMPARE(nextId(study), u"b"_qs); // a is due in 10 minutes; b is new
    QCOMPARE(study.dueCounts(), (DueCounts{1, 1, 0}));
    QVERIFY(study.answer(u"b"_qs, Answer::Good, 500));
    QCOMPARE(nextId(study), u"a"_qs); // nothing else: learning ahead (within 20 min)
    m_now = m_now.addSecs(11 * 60);
    QCOMPARE(nextId(study), u"a"_qs); // due now
    QVERIFY(study.answer(u"a"_qs, Answer::Good, 500));
    QCOMPARE(cards()->get(u"a"_qs)->value(u"intervalDays"_qs).toInt(), 1); // I(1) again
    QCOMPARE(nextId(study), QString());
}

void TestStudySession::dueReviewsBeforeNewCards()
{
    addCard(u"d1"_qs, u"new"_qs, 0);
    const QJsonObject review{{u"reviewCount"_qs, 3},
                             {u"intervalDays"_qs, 6},
                             {u"ease"_qs, 2.5},
                             {u"nextReview"_qs, u"2026-03-09T23:00:00.000Z"_qs}};
    addCard(u"d1"_qs, u"later"_qs, 5, review);
    QJsonObject earlier = review;
    earlier[u"nextReview"_qs] = u"2026-03-01T23:00:00.000Z"_qs;
    addCard(u"d1"_qs, u"earlier"_qs, 6, earlier);
    StudySession study = session(u"d1"_qs);
    QCOMPARE(study.dueCounts(), (DueCounts{1, 0, 2}));
    QCOMPARE(nextId(study), u"earlier"_qs);
    QVERIFY(study.answer(u"earlier"_qs, Answer::Good, 0));
    QCOMPARE(cards()->get(u"earlier"_qs)->value(u"intervalDays"_qs).toInt(), 15);
    QCOMPARE(nextId(study), u"later"_qs);
    QVERIFY(study.answer(u"later"_qs, Answer::Good, 0));
    QCOMPARE(nextId(study), u"new"_qs);
}

void TestStudySession::reviewDueTomorrowWaitsForTomorrow()
{
    addCard(u"d1"_qs, u"a"_qs, 0);
    StudySession study = session(u"d1"_qs);
    QVERIFY(study.answer(u"a"_qs, Answer::Good, 0));
    const QString stored = cards()->get(u"a"_qs)->value(u"nextReview"_qs).toString();
    QCOMPARE(stored, StudySession::storedTime(QDateTime(QDate(2026, 3, 11), QTime(0, 0))));
    QCOMPARE(nextId(study), QString());
    m_now = QDateTime(QDate(2026, 3, 10), QTime(23, 59, 59));
    QCOMPARE(nextId(study), QString());
    m_now = QDateTime(QDate(2026, 3, 11), QTime(0, 0));
    QCOMPARE(nextId(study), u"a"_qs);
    QCOMPARE(study.dueCounts(), (DueCounts{0, 0, 1}));
}

void TestStudySession::newLimitPerDay()
{
    for (int i = 0; i < 5; ++i)
        addCard(u"d1"_qs, u"n%1"_qs.arg(i), i);
    StudySession study = session(u"d1"_qs, {2, 200, -1});
    QCOMPARE(study.dueCounts().newCards, 2);
    QVERIFY(study.answer(nextId(study), Answer::Good, 0));
    QCOMPARE(study.dueCounts().newCards, 1);
    QVERIFY(study.answer(nextId(study), Answer::Good, 0));
    QCOMPARE(study.dueCounts().newCards, 0);
    QCOMPARE(nextId(study), QString());
    // Another session the same day: the limit is the day's, not the session's.
    StudySession again = session(u"d1"_qs, {2, 200, -1});
    QCOMPARE(nextId(again), QString());
    // The next day brings two more.
    m_now = m_now.addDays(1).addSecs(-8 * 3600);
    QCOMPARE(again.dueCounts(), (DueCounts{2, 0, 2}));
    QCOMPARE(nextId(again), u"n0"_qs); // reviews first
}

void TestStudySession::reviewLimitPerDay()
{
    const QJsonObject review{{u"reviewCount"_qs, 2},
                             {u"intervalDays"_qs, 6},
                             {u"nextReview"_qs, u"2026-03-01T23:00:00.000Z"_qs}};
    for (int i = 0; i < 4; ++i)
        addCard(u"d1"_qs, u"r%1"_qs.arg(i), i, review);
    StudySession study = session(u"d1"_qs, {20, 3, -1});
    QCOMPARE(study.dueCounts(), (DueCounts{0, 0, 3}));
    for (int i = 0; i < 3; ++i)
        QVERIFY(study.answer(nextId(study), Answer::Good, 0));
    QCOMPARE(study.dueCounts(), (DueCounts{0, 0, 0}));
    QCOMPARE(nextId(study), QString());
}

void TestStudySession::dueCountsPerDeck()
{
    addCard(u"d1"_qs, u"a"_qs, 0);
    addCard(u"d1"_qs, u"b"_qs, 1);
    addCard(u"d2"_qs, u"c"_qs, 0,
            {{u"reviewCount"_qs, 1},
             {u"intervalDays"_qs, 1},
             {u"nextReview"_qs, u"2026-03-10T00:00:00.000+01:00"_qs}});
    addCard(u"d2"_qs, u"d"_qs, 1,
            {{u"reviewCount"_qs, 1},
             {u"intervalDays"_qs, 0},
             {u"nextReview"_qs, u"2026-03-10T08:50:00.000+01:00"_qs}});
    addCard(u"d2"_qs, u"later"_qs, 2,
            {{u"reviewCount"_qs, 1},
             {u"intervalDays"_qs, 6},
             {u"nextReview"_qs, u"2026-03-15T00:00:00.000+01:00"_qs}});
    cards()->remove(u"b"_qs);
    const auto counts = StudySession::dueCountsByDeck(m_store.get(), m_now);
    QCOMPARE(counts.value(u"d1"_qs), (DueCounts{1, 0, 0}));
    QCOMPARE(counts.value(u"d2"_qs), (DueCounts{0, 1, 1}));
    QCOMPARE(counts.value(u"none"_qs), DueCounts{});
}

void TestStudySession::answerWritesCardReviewAndDeck()
{
    addCard(u"d1"_qs, u"a"_qs, 0);
    StudySession study = session(u"d1"_qs);
    QVERIFY(study.answer(u"a"_qs, Answer::Easy, 4200));
    const QJsonObject card = *cards()->get(u"a"_qs);
    QCOMPARE(card.value(u"ease"_qs).toDouble(), 2.6);
    QCOMPARE(card.value(u"intervalDays"_qs).toInt(), 4);
    QCOMPARE(card.value(u"reviewCount"_qs).toInt(), 1);
    QCOMPARE(card.value(u"nextReview"_qs).toString(),
             StudySession::storedTime(QDateTime(QDate(2026, 3, 14), QTime(0, 0))));
    QCOMPARE(m_store->metaValue(u"cards.studiedToday.d1"_qs),
             uR"({"date":"2026-03-10","learning":0,"new":1,"review":0})"_qs);
    QCOMPARE(decks()->get(u"d1"_qs)->value(u"lastStudied"_qs).toString(),
             StudySession::storedTime(m_now));
    // The review log: one record per answer, in the same write group.
    const QList<QJsonObject> logged = reviews()->query(Query{});
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.first().value(u"cardId"_qs).toString(), u"a"_qs);
    QCOMPARE(logged.first().value(u"deckId"_qs).toString(), u"d1"_qs);
    QCOMPARE(logged.first().value(u"rating"_qs).toInt(), 4);
    QCOMPARE(logged.first().value(u"intervalDays"_qs).toInt(), 4);
    QCOMPARE(logged.first().value(u"durationMs"_qs).toInt(), 4200);
    QCOMPARE(logged.first().value(u"reviewedAt"_qs).toString(), StudySession::storedTime(m_now));
}

void TestStudySession::answerOfAnotherDecksCardIsRefused()
{
    addCard(u"d2"_qs, u"x"_qs, 0);
    StudySession study = session(u"d1"_qs);
    QString error;
    QVERIFY(!study.answer(u"x"_qs, Answer::Good, 0, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!study.answer(u"missing"_qs, Answer::Good, 0));
    QCOMPARE(m_store->metaValue(u"cards.studiedToday.d1"_qs), QString());
    QCOMPARE(cards()->get(u"x"_qs)->value(u"reviewCount"_qs).toInt(), 0);
    QCOMPARE(study.summary(), SessionSummary{});
}

void TestStudySession::summaryCountsAnswersAgainAndTime()
{
    addCard(u"d1"_qs, u"a"_qs, 0);
    addCard(u"d1"_qs, u"b"_qs, 1);
    StudySession study = session(u"d1"_qs);
    QVERIFY(study.answer(u"a"_qs, Answer::Again, 3000));
    QVERIFY(study.answer(u"b"_qs, Answer::Good, 2000));
    QVERIFY(study.answer(u"a"_qs, Answer::Good, 1500));
    QCOMPARE(study.summary(), (SessionSummary{3, 1, 6500}));
}

void TestStudySession::reviewsPerDayCountLocalDays_data()
{
    // Answers at these local times (days after 2026-03-10, hour), counted
    // for the seven days up to 2026-03-16; the last answer of a row is Again.
    QTest::addColumn<LocalAnswers>("answers");
    QTest::addColumn<QString>("deck");
    QTest::addColumn<QList<int>>("perDay");
    QTest::addColumn<int>("againInWindow");
    QTest::newRow("none") << LocalAnswers{} << QString() << QList<int>{0, 0, 0, 0, 0, 0, 0} << 0;
    QTest::newRow("midnight belongs to the new day")
        << LocalAnswers{{0, 0}, {0, 23}, {1, 0}} << QString() << QList<int>{2, 1, 0, 0, 0, 0, 0}
        << 1;
    QTest::newRow("before the window and after it are left out")
        << LocalAnswers{{-1, 12}, {6, 23}, {7, 0}} << QString() << QList<int>{0, 0, 0, 0, 0, 0, 1}
        << 0;
    QTest::newRow("one deck") << LocalAnswers{{2, 9}, {2, 10}} << u"d2"_qs
                              << QList<int>{0, 0, 0, 0, 0, 0, 0} << 0;
}

void TestStudySession::reviewsPerDayCountLocalDays()
{
    QFETCH(LocalAnswers, answers);
    QFETCH(QString, deck);
    QFETCH(QList<int>, perDay);
    QFETCH(int, againInWindow);
    for (int index = 0; index < answers.size(); ++index) {
        const QString id = u"c%1"_qs.arg(index);
        addCard(u"d1"_qs, id, index);
        m_now = QDateTime(QDate(2026, 3, 10).addDays(answers.at(index).first),
                          QTime(answers.at(index).second, 0));
        StudySession study = session(u"d1"_qs);
        // The last answer of each row is Again, the others Good.
        QVERIFY(study.answer(id, index == answers.size() - 1 ? Answer::Again : Answer::Good, 0));
    }
    QString error;
    const QList<ReviewDay> days = reviewsPerDay(m_store.get(), deck, QDate(2026, 3, 16), 7, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(days.size(), 7);
    QCOMPARE(days.first().day, QDate(2026, 3, 10));
    QList<int> counted;
    int again = 0;
    for (const ReviewDay &day : days) {
        counted.append(day.reviews);
        again += day.again;
    }
    QCOMPARE(counted, perDay);
    QCOMPARE(again, againInWindow);
}

QTEST_GUILESS_MAIN(TestStudySession)
#include "tst_studysession.moc"
