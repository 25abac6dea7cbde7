// The bundled corpus (modules/zitare/quotes.json), quote by quote, and the
// corpus's search, authors and parser.
#include "quotecorpus.h"

#include <QDate>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace mana::zitare;

class TestQuoteCorpus : public QObject
{
    Q_OBJECT

private slots:
    void bundledCorpusLoads();
    void everyQuoteIsComplete();
    void everyAuthorIsListedAndLongDead();
    void germanAndEnglishBothThere();
    void seedsReferToCorpusIds();
    void fold_data();
    void fold();
    void search_data();
    void search();
    void authorsAreCountedAndSortedBySurname();
    void refusals_data();
    void refusals();
};

void TestQuoteCorpus::bundledCorpusLoads()
{
    QFile file(QStringLiteral(":/zitare/quotes.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const QuoteCorpus corpus = QuoteCorpus::fromJson(file.readAll(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(corpus.size() >= 300, qPrintable(QString::number(corpus.size())));
    QCOMPARE(QuoteCorpus::bundled().size(), corpus.size());
}

void TestQuoteCorpus::everyQuoteIsComplete()
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    // 70 years after the death of the youngest author: public domain.
    const int latestYear = QDate::currentDate().year() - 70;
    QSet<QString> ids;
    QSet<QString> texts;
    for (const Quote &quote : QuoteCorpus::bundled().quotes()) {
        const QByteArray what = quote.id.toUtf8();
        QVERIFY2(idPattern.match(quote.id).hasMatch(), what);
        QVERIFY2(!ids.contains(quote.id), what);
        ids.insert(quote.id);
        QVERIFY2(!quote.text.trimmed().isEmpty(), what);
        QCOMPARE(quote.text, quote.text.trimmed());
        QVERIFY2(!texts.contains(quote.text), what); // no quote twice under two ids
        texts.insert(quote.text);
        QVERIFY2(!quote.author.trimmed().isEmpty(), what);
        QVERIFY2(!quote.source.trimmed().isEmpty(), what); // the work is always named
        QVERIFY2(quote.language == QLatin1String("en") || quote.language == QLatin1String("de"),
                 what);
        if (quote.year != 0)
            QVERIFY2(quote.year >= 1500 && quote.year <= latestYear, what);
        // German texts carry German letters or words, English texts none of
        // the German letters: a cheap check that the language is the text's.
        if (quote.language == QLatin1String("en"))
            QVERIFY2(!quote.text.contains(QRegularExpression(QStringLiteral("[äöüÄÖÜß]"))), what);
        QVERIFY2(!quote.text.contains(QLatin1String("  ")), what);
    }
}

void TestQuoteCorpus::everyAuthorIsListedAndLongDead()
{
    const QuoteCorpus &corpus = QuoteCorpus::bundled();
    const int latestDeath = QDate::currentDate().year() - 71;
    for (const AuthorCount &author : corpus.authors()) {
        const int died = corpus.authorDied(author.name);
        QVERIFY2(died > 0, qPrintable(author.name));
        QVERIFY2(died <= latestDeath, qPrintable(author.name));
    }
}

void TestQuoteCorpus::germanAndEnglishBothThere()
{
    int german = 0;
    int english = 0;
    for (const Quote &quote : QuoteCorpus::bundled().quotes())
        (quote.language == QLatin1String("de") ? german : english) += 1;
    QVERIFY(german >= 100);
    QVERIFY(english >= 100);
}

void TestQuoteCorpus::seedsReferToCorpusIds()
{
    QFile file(QStringLiteral(":/modules/zitare/seed.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray seed = file.readAll();
    static const QRegularExpression quoteId(QStringLiteral("\"([a-z0-9]+(?:-[a-z0-9]+){2,})\""));
    int referenced = 0;
    for (auto it = quoteId.globalMatch(QString::fromUtf8(seed)); it.hasNext();) {
        const QString id = it.next().captured(1);
        if (id.startsWith(QLatin1String("seed-")))
            continue;
        QVERIFY2(QuoteCorpus::bundled().find(id), qPrintable(id));
        ++referenced;
    }
    QCOMPARE(referenced, 5); // three in "Inspiration", two favourites
}

void TestQuoteCorpus::fold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("case") << "Hamlet"
                          << "hamlet";
    QTest::newRow("umlaut") << "Schönheit"
                            << "schonheit";
    QTest::newRow("sharp s") << "daß"
                             << "dass";
    QTest::newRow("capital sharp s") << "GROẞ"
                                     << "gross";
    QTest::newRow("accent") << "Brontë"
                            << "bronte";
    QTest::newRow("lines") << "Über allen Gipfeln\nIst Ruh"
                           << "uber allen gipfeln ist ruh";
    QTest::newRow("spaces") << "  a   b "
                            << "a b";
}

void TestQuoteCorpus::fold()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(foldForSearch(text), folded);
}

void TestQuoteCorpus::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mustFind"); // an id among the results; "" none at all
    QTest::addColumn<int>("atMost");
    QTest::newRow("a word of the text") << "question"
                                        << "shakespeare-hamlet-to-be" << 5;
    QTest::newRow("author") << "lichtenberg"
                            << "lichtenberg-sudelbuecher-fliege" << 20;
    QTest::newRow("work") << "walden"
                          << "thoreau-walden-stream" << 10;
    QTest::newRow("two words, any field") << "goethe seelen"
                                          << "goethe-faust-1-zwei-seelen" << 2;
    QTest::newRow("without umlauts") << "vaeter"
                                     << "" << 0;
    QTest::newRow("umlaut folded") << "vater erwirb"
                                   << "goethe-faust-1-ererbt" << 1;
    QTest::newRow("ss for ß") << "dass ich erkenne"
                              << "goethe-faust-1-innersten" << 1;
    QTest::newRow("upper case") << "HAMLET"
                                << "shakespeare-hamlet-silence" << 30;
    QTest::newRow("nothing") << "xylophonquartett"
                             << "" << 0;
}

void TestQuoteCorpus::search()
{
    QFETCH(QString, text);
    QFETCH(QString, mustFind);
    QFETCH(int, atMost);
    const QuoteCorpus &corpus = QuoteCorpus::bundled();
    const QList<int> found = corpus.search(text);
    QVERIFY2(found.size() <= atMost, qPrintable(QString::number(found.size())));
    if (mustFind.isEmpty()) {
        QVERIFY(found.isEmpty());
        return;
    }
    QVERIFY(found.contains(corpus.indexOf(mustFind)));
    QCOMPARE(corpus.search(QString()).size(), corpus.size());
}

void TestQuoteCorpus::authorsAreCountedAndSortedBySurname()
{
    const QuoteCorpus &corpus = QuoteCorpus::bundled();
    const QList<AuthorCount> authors = corpus.authors();
    int total = 0;
    for (const AuthorCount &author : authors) {
        QCOMPARE(corpus.byAuthor(author.name).size(), author.count);
        total += author.count;
    }
    QCOMPARE(total, corpus.size());
    QCOMPARE(authors.first().name, QStringLiteral("Jane Austen"));
    const auto position = [&authors](const QString &name) {
        return std::find_if(authors.begin(), authors.end(),
                            [&name](const AuthorCount &a) { return a.name == name; }) -
               authors.begin();
    };
    // By surname: von Goethe under G, before Heine; Büchner as Buchner.
    QVERIFY(position(QStringLiteral("Johann Wolfgang von Goethe")) <
            position(QStringLiteral("Heinrich Heine")));
    QVERIFY(position(QStringLiteral("Georg Büchner")) < position(QStringLiteral("Robert Burns")));
}

void TestQuoteCorpus::refusals_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    const QByteArray ok =
        R"({"id": "a-b", "language": "en", "text": "T", "author": "A", "source": "S"})";
    QTest::newRow("not json") << QByteArray("{") << "not a JSON object";
    QTest::newRow("format") << QByteArray(R"({"format": 2, "quotes": []})") << "unknown format";
    QTest::newRow("bad id")
        << QByteArray(
               R"({"format": 1, "quotes": [{"id": "A b", "language": "en", "text": "T", "author": "A"}]})")
        << "no valid id";
    QTest::newRow("language")
        << QByteArray(
               R"({"format": 1, "quotes": [{"id": "a", "language": "fr", "text": "T", "author": "A"}]})")
        << "language other than en or de";
    QTest::newRow("no text")
        << QByteArray(
               R"({"format": 1, "quotes": [{"id": "a", "language": "de", "text": " ", "author": "A"}]})")
        << "no text or no author";
    QTest::newRow("year")
        << QByteArray(
               R"({"format": 1, "quotes": [{"id": "a", "language": "de", "text": "T", "author": "A", "year": "1800"}]})")
        << "not a whole number";
    QTest::newRow("unknown key")
        << QByteArray(
               R"({"format": 1, "quotes": [{"id": "a", "language": "de", "text": "T", "author": "A", "lang": "x"}]})")
        << "unknown key";
    QTest::newRow("twice") << QByteArray("{\"format\": 1, \"quotes\": [" + ok + "," + ok + "]}")
                           << "used twice";
}

void TestQuoteCorpus::refusals()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString message;
    const QuoteCorpus corpus = QuoteCorpus::fromJson(json, &message);
    QVERIFY(corpus.isEmpty());
    QVERIFY2(message.contains(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestQuoteCorpus)
#include "tst_quotecorpus.moc"
