// SM-2 with Anki's four buttons (docs/cards.md, "Scheduling"): the
// published intervals (I(1) = 1, I(2) = 6, I(n) = I(n−1) × EF rounded up),
// the E-Factor formula, the four buttons, and due dates in local days.
#include "sm2.h"

#include <QTest>

using namespace mana::cards;

Q_DECLARE_METATYPE(mana::cards::Answer)

class TestSm2 : public QObject
{
    Q_OBJECT

private slots:
    void easeFormula_data();
    void easeFormula();
    void publishedIntervals_data();
    void publishedIntervals();
    void buttons_data();
    void buttons();
    void againStartsOver();
    void dueAtTheStartOfALocalDay();
    void nonsenseIsSafe();
};

// EF' = EF + (0.1 − (5 − q)(0.08 + (5 − q)·0.02)), at least 1.3.
void TestSm2::easeFormula_data()
{
    QTest::addColumn<double>("ease");
    QTest::addColumn<int>("quality");
    QTest::addColumn<double>("expected");
    QTest::newRow("q5 +0.10") << 2.5 << 5 << 2.6;
    QTest::newRow("q4 ±0") << 2.5 << 4 << 2.5;
    QTest::newRow("q3 −0.14") << 2.5 << 3 << 2.36;
    QTest::newRow("q2 −0.32") << 2.5 << 2 << 2.18;
    QTest::newRow("q1 −0.54") << 2.5 << 1 << 1.96;
    QTest::newRow("q0 −0.80") << 2.5 << 0 << 1.7;
    QTest::newRow("floor 1.3") << 1.4 << 3 << 1.3;
    QTest::newRow("floor from q0") << 1.5 << 0 << 1.3;
    QTest::newRow("no upper bound") << 3.0 << 5 << 3.1;
}

void TestSm2::easeFormula()
{
    QFETCH(double, ease);
    QFETCH(int, quality);
    QFETCH(double, expected);
    QCOMPARE(sm2::nextEase(ease, quality), expected);
}

// Good every time (q = 4, EF stays): 1, 6, then × EF rounded up. The
// ease column starts the card with another EF (Good does not change it).
void TestSm2::publishedIntervals_data()
{
    QTest::addColumn<double>("ease");
    QTest::addColumn<QList<int>>("intervals");
    QTest::newRow("EF 2.5") << 2.5 << QList<int>{1, 6, 15, 38, 95, 238, 595};
    QTest::newRow("EF 1.3") << 1.3 << QList<int>{1, 6, 8, 11, 15, 20, 26};
    QTest::newRow("EF 2.0") << 2.0 << QList<int>{1, 6, 12, 24, 48, 96};
    QTest::newRow("EF 2.36") << 2.36 << QList<int>{1, 6, 15, 36, 85, 201};
}

void TestSm2::publishedIntervals()
{
    QFETCH(double, ease);
    QFETCH(QList<int>, intervals);
    CardSchedule card;
    card.ease = ease;
    QDateTime now(QDate(2026, 3, 1), QTime(9, 30));
    for (int expected : intervals) {
        const ScheduleResult result = answer(card, Answer::Good, now);
        QCOMPARE(result.card.intervalDays, expected);
        QCOMPARE(result.card.ease, ease);
        QVERIFY(!result.learning);
        card = result.card;
        now = result.nextReview.addSecs(3600);
    }
    QCOMPARE(card.reviewCount, intervals.size());
}

// Each button from a few states: interval and ease after it.
void TestSm2::buttons_data()
{
    QTest::addColumn<double>("ease");
    QTest::addColumn<int>("interval");
    QTest::addColumn<Answer>("button");
    QTest::addColumn<int>("expectedInterval");
    QTest::addColumn<double>("expectedEase");
    // A new card: Hard and Good I(1), Easy Anki's 4 days.
    QTest::newRow("new again") << 2.5 << 0 << Answer::Again << 0 << 2.18;
    QTest::newRow("new hard") << 2.5 << 0 << Answer::Hard << 1 << 2.36;
    QTest::newRow("new good") << 2.5 << 0 << Answer::Good << 1 << 2.5;
    QTest::newRow("new easy") << 2.5 << 0 << Answer::Easy << 4 << 2.6;
    // After I(1): Hard 1 × 1.2 → at least +1 = 2, Good I(2) = 6, Easy 6 × 1.3 → 8.
    QTest::newRow("1d hard") << 2.5 << 1 << Answer::Hard << 2 << 2.36;
    QTest::newRow("1d good") << 2.5 << 1 << Answer::Good << 6 << 2.5;
    QTest::newRow("1d easy") << 2.5 << 1 << Answer::Easy << 8 << 2.6;
    // From I(2) on: Hard × 1.2, Good × EF (the EF before the answer), Easy Good × 1.3.
    QTest::newRow("6d again") << 2.5 << 6 << Answer::Again << 0 << 2.18;
    QTest::newRow("6d hard") << 2.5 << 6 << Answer::Hard << 8 << 2.36;
    QTest::newRow("6d good") << 2.5 << 6 << Answer::Good << 15 << 2.5;
    QTest::newRow("6d easy") << 2.5 << 6 << Answer::Easy << 20 << 2.6;
    QTest::newRow("10d hard") << 2.0 << 10 << Answer::Hard << 12 << 1.86;
    QTest::newRow("10d good") << 2.0 << 10 << Answer::Good << 20 << 2.0;
    QTest::newRow("10d easy") << 2.0 << 10 << Answer::Easy << 26 << 2.1;
    // EF at its floor: Good keeps SM-2's 6 × 1.3 → 8, Hard stays under it.
    QTest::newRow("floor 6d hard") << 1.3 << 6 << Answer::Hard << 7 << 1.3;
    QTest::newRow("floor 6d good") << 1.3 << 6 << Answer::Good << 8 << 1.3;
    QTest::newRow("floor 6d easy") << 1.3 << 6 << Answer::Easy << 11 << 1.4;
    // Between I(1) and I(2) (after a Hard): Good is I(2), Hard one day more.
    QTest::newRow("2d hard") << 2.5 << 2 << Answer::Hard << 3 << 2.36;
    QTest::newRow("2d good") << 2.5 << 2 << Answer::Good << 6 << 2.5;
    QTest::newRow("5d hard") << 2.5 << 5 << Answer::Hard << 6 << 2.36;
    // The cap: 100 years.
    QTest::newRow("cap") << 2.5 << 30000 << Answer::Easy << 36500 << 2.6;
}

void TestSm2::buttons()
{
    QFETCH(double, ease);
    QFETCH(int, interval);
    QFETCH(Answer, button);
    QFETCH(int, expectedInterval);
    QFETCH(double, expectedEase);
    CardSchedule card{ease, interval, interval ? 3 : 0};
    QCOMPARE(intervalFor(card, button), expectedInterval);
    const ScheduleResult result = answer(card, button, QDateTime(QDate(2026, 3, 1), QTime(12, 0)));
    QCOMPARE(result.card.intervalDays, expectedInterval);
    QCOMPARE(result.card.ease, expectedEase);
    QCOMPARE(result.card.reviewCount, card.reviewCount + 1);
}

// Again: due in 10 minutes (back in this session), and the next success
// starts over at I(1), then I(2), with the lowered EF.
void TestSm2::againStartsOver()
{
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0));
    CardSchedule card{2.5, 15, 3};
    ScheduleResult result = answer(card, Answer::Again, now);
    QVERIFY(result.learning);
    QCOMPARE(result.nextReview, now.addSecs(600));
    QCOMPARE(result.card.intervalDays, 0);
    result = answer(result.card, Answer::Good, now.addSecs(600));
    QCOMPARE(result.card.intervalDays, 1);
    result = answer(result.card, Answer::Good, result.nextReview);
    QCOMPARE(result.card.intervalDays, 6);
    result = answer(result.card, Answer::Good, result.nextReview);
    QCOMPARE(result.card.intervalDays, 14); // 6 × 2.18 = 13.08 → 14
}

// "Tomorrow" is the start of the next local day, whatever the time of the
// answer; across a DST change too (Europe/Berlin, 29 March 2026).
void TestSm2::dueAtTheStartOfALocalDay()
{
    qputenv("TZ", "Europe/Berlin");
    tzset();
    CardSchedule card;
    ScheduleResult result =
        answer(card, Answer::Good, QDateTime(QDate(2026, 3, 28), QTime(23, 59)));
    QCOMPARE(result.nextReview, QDateTime(QDate(2026, 3, 29), QTime(0, 0)));
    QCOMPARE(result.nextReview.time(), QTime(0, 0));
    result = answer(card, Answer::Good, QDateTime(QDate(2026, 3, 28), QTime(0, 1)));
    QCOMPARE(result.nextReview, QDateTime(QDate(2026, 3, 29), QTime(0, 0)));
    result = answer(result.card, Answer::Good, QDateTime(QDate(2026, 3, 29), QTime(8, 0)));
    QCOMPARE(result.nextReview, QDateTime(QDate(2026, 4, 4), QTime(0, 0)));
    // 23 hours after the answer's midnight-to-midnight: still one local day.
    QCOMPARE(QDateTime(QDate(2026, 3, 29), QTime(0, 0))
                 .secsTo(QDateTime(QDate(2026, 3, 30), QTime(0, 0))),
             23 * 3600);
    // A moment given in UTC counts in local days as well.
    result = answer(card, Answer::Easy, QDateTime(QDate(2026, 6, 1), QTime(22, 30), Qt::UTC));
    QCOMPARE(result.nextReview, QDateTime(QDate(2026, 6, 6), QTime(0, 0))); // 00:30 on 2 June local
}

void TestSm2::nonsenseIsSafe()
{
    const QDateTime now(QDate(2026, 3, 1), QTime(12, 0));
    CardSchedule card{std::numeric_limits<double>::quiet_NaN(), -5, -1};
    ScheduleResult result = answer(card, Answer::Good, now);
    QCOMPARE(result.card.intervalDays, 1);
    QCOMPARE(result.card.ease, sm2::StartingEase);
    QCOMPARE(result.card.reviewCount, 1);
    card = CardSchedule{0.5, 10, 2};
    QCOMPARE(answer(card, Answer::Good, now).card.intervalDays, 13); // EF taken as 1.3
}

QTEST_GUILESS_MAIN(TestSm2)
#include "tst_sm2.moc"
