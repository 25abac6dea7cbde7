// The quote of the day: a pure function of the date and the corpus, the
// same on every device; no quote twice in a run of as many days as quotes.
#include "quotecorpus.h"
#include "quoteoftheday.h"

#include <QSet>
#include <QTest>
#include <algorithm>
#include <random>

using namespace mana::zitare;

namespace {

QByteArray corpusOf(QStringList ids)
{
    QByteArray json = "{\"format\": 1, \"quotes\": [";
    for (int i = 0; i < ids.size(); ++i) {
        json +=
            (i ? "," : "") +
            QStringLiteral(R"({"id": "%1", "language": "en", "text": "Text %1", "author": "A"})")
                .arg(ids.at(i))
                .toUtf8();
    }
    return json + "]}";
}

} // namespace

class TestQuoteOfTheDay : public QObject
{
    Q_OBJECT

private slots:
    void fixedDates_data();
    void fixedDates();
    void sameForTheSameDate();
    void noRepeatWithinARun_data();
    void noRepeatWithinARun();
    void fileOrderDoesNotMatter();
    void emptyAndInvalid();
};

// Pinned: a change here changes the quote people see on a date, and two
// versions of the app would disagree (docs/zitare.md).
void TestQuoteOfTheDay::fixedDates_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("position");
    QTest::newRow("2026-12-06 of 7") << QDate(2026, 12, 6) << 7 << 3;
    QTest::newRow("2026-12-06 of 350") << QDate(2026, 12, 6) << 350 << 143;
    QTest::newRow("2027-01-01 of 7") << QDate(2027, 1, 1) << 7 << 2;
    QTest::newRow("2027-01-01 of 350") << QDate(2027, 1, 1) << 350 << 103;
    QTest::newRow("2000-02-29 of 350") << QDate(2000, 2, 29) << 350 << 28;
    QTest::newRow("1970-01-01 of 350") << QDate(1970, 1, 1) << 350 << 170;
}

void TestQuoteOfTheDay::fixedDates()
{
    QFETCH(QDate, date);
    QFETCH(int, count);
    QFETCH(int, position);
    QCOMPARE(quoteOfTheDayPosition(date, count), position);
}

void TestQuoteOfTheDay::sameForTheSameDate()
{
    const QuoteCorpus &corpus = QuoteCorpus::bundled();
    const QDate date(2027, 3, 1);
    const QString id = quoteOfTheDay(date, corpus);
    QVERIFY(corpus.find(id));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(quoteOfTheDay(date, corpus), id);
    QVERIFY(quoteOfTheDay(date.addDays(1), corpus) != id);
}

void TestQuoteOfTheDay::noRepeatWithinARun_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("1") << 1;
    QTest::newRow("7") << 7;
    QTest::newRow("350") << 350;
    QTest::newRow("1000") << 1000;
}

void TestQuoteOfTheDay::noRepeatWithinARun()
{
    QFETCH(int, count);
    // The run that holds Julian day 0 starts there; take the third run.
    const QDate start = QDate::fromJulianDay(qint64(count) * (2461000 / count));
    QSet<int> seen;
    for (int day = 0; day < count; ++day) {
        const int position = quoteOfTheDayPosition(start.addDays(day), count);
        QVERIFY(position >= 0 && position < count);
        QVERIFY2(!seen.contains(position), qPrintable(start.addDays(day).toString(Qt::ISODate)));
        seen.insert(position);
    }
    QCOMPARE(seen.size(), count);
}

void TestQuoteOfTheDay::fileOrderDoesNotMatter()
{
    QStringList ids;
    for (int i = 0; i < 60; ++i)
        ids.append(QStringLiteral("q-%1").arg(i));
    const QuoteCorpus inOrder = QuoteCorpus::fromJson(corpusOf(ids));
    std::mt19937 shuffle(7);
    std::shuffle(ids.begin(), ids.end(), shuffle);
    const QuoteCorpus shuffled = QuoteCorpus::fromJson(corpusOf(ids));
    QCOMPARE(shuffled.size(), 60);
    for (QDate date(2026, 1, 1); date < QDate(2026, 4, 1); date = date.addDays(1))
        QCOMPARE(quoteOfTheDay(date, shuffled), quoteOfTheDay(date, inOrder));
}

void TestQuoteOfTheDay::emptyAndInvalid()
{
    QCOMPARE(quoteOfTheDayPosition(QDate(2026, 1, 1), 0), -1);
    QCOMPARE(quoteOfTheDayPosition(QDate(), 10), -1);
    QCOMPARE(quoteOfTheDay(QDate(2026, 1, 1), QuoteCorpus()), QString());
    QVERIFY(quoteOfTheDayPosition(QDate(-4800, 1, 1), 10) >= 0); // before Julian day 0
}

QTEST_GUILESS_MAIN(TestQuoteOfTheDay)
#include "tst_quoteoftheday.moc"
