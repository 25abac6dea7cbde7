// Cards as Anki's plain text: the reader (headers, separators, quotes,
// HTML, tags, the errors with their line numbers), the writer and the
// round trip, and the import into a real store: all or nothing, one Undo
// step.
#include "cardsimport.h"
#include "cardstext.h"
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::cards;

Q_DECLARE_METATYPE(mana::cards::CardsTextError)

class TestCardsText : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void refuses_data();
    void refuses();
    void roundTrip();
    void importIsAllOrNothingWithOneUndo();
};

void TestCardsText::reads_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QList<TextCard>>("cards");
    // What Anki 2.1.50+ writes for "Notes in Plain Text" with tags.
    QTest::newRow("anki export") << QByteArray("#separator:tab\n#html:false\n#tags column:3\n"
                                               "Hund\tdog\tgerman animals\nKatze\tcat\t\n")
                                 << QList<TextCard>{{"Hund", "dog", {"german", "animals"}},
                                                    {"Katze", "cat", {}}};
    QTest::newRow("html true") << QByteArray("#separator:tab\n#html:true\n"
                                             "a &amp; b<br>c\t<b>bold</b> &lt;x&gt;\n")
                               << QList<TextCard>{{"a & b\nc", "bold <x>", {}}};
    QTest::newRow("quoted tab newline quote")
        << QByteArray("#separator:tab\n\"multi\nline\"\t\"has \"\"quote\"\" and\ttab\"\n")
        << QList<TextCard>{{"multi\nline", "has \"quote\" and\ttab", {}}};
    QTest::newRow("guid notetype deck columns")
        << QByteArray("#separator:tab\n#html:false\n#guid column:1\n#notetype column:2\n"
                      "#deck column:3\n#tags column:6\nabc\tBasic\tDefault\tQ\tA\tt1\n")
        << QList<TextCard>{{"Q", "A", {"t1"}}};
    QTest::newRow("csv detected") << QByteArray("front,back\n\"a, b\",c\n")
                                  << QList<TextCard>{{"front", "back", {}}, {"a, b", "c", {}}};
    QTest::newRow("semicolon named") << QByteArray("#separator:Semicolon\nx;y\r\nz;w\r\n")
                                     << QList<TextCard>{{"x", "y", {}}, {"z", "w", {}}};
    QTest::newRow("bom blank lines extra columns")
        << QByteArray("\xEF\xBB\xBFq\ta\textra\tmore\n\n\nq2\ta2\n")
        << QList<TextCard>{{"q", "a", {}}, {"q2", "a2", {}}};
    QTest::newRow("empty back") << QByteArray("q\t\n") << QList<TextCard>{{"q", "", {}}};
    QTest::newRow("umlauts") << QByteArray("Grüße\tgreetings ✓\n")
                             << QList<TextCard>{{"Grüße", "greetings ✓", {}}};
}

void TestCardsText::reads()
{
    QFETCH(QByteArray, file);
    QFETCH(QList<TextCard>, cards);
    const ParsedCardsText parsed = parseCardsText(file);
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, "en")));
    QCOMPARE(parsed.cards, cards);
}

void TestCardsText::refuses_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<CardsTextError>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("english");
    QTest::newRow("missing back") << QByteArray("#separator:tab\na\tb\nonly front\nc\td\n")
                                  << CardsTextError::MissingBack << 3
                                  << "Line 3 has a front but no back: nothing was imported.";
    QTest::newRow("empty front") << QByteArray("a\tb\n\tback\n") << CardsTextError::EmptyFront << 2
                                 << "Line 2 has an empty front: nothing was imported.";
    QTest::newRow("unclosed quote")
        << QByteArray("a\tb\n\"open\tb\nc\td\n") << CardsTextError::UnclosedQuote << 2
        << "A field in line 2 starts with \" and never ends: nothing was imported.";
    QTest::newRow("text after quote")
        << QByteArray("a\tb\n\"x\"y\tb\n") << CardsTextError::TextAfterQuote << 2
        << "In line 2 text follows a closing \": nothing was imported.";
    QTest::newRow("unknown separator")
        << QByteArray("#separator:star\na*b\n") << CardsTextError::UnknownSeparator << 1
        << "Line 1 names an unknown separator “star”: nothing was imported.";
    QTest::newRow("bad column")
        << QByteArray("#tags column:x\na\tb\n") << CardsTextError::BadHeader << 1
        << "Line 1 does not name a valid column number: nothing was imported.";
    QTest::newRow("not utf8") << QByteArray("a\tb\xff\n") << CardsTextError::NotUtf8 << 0
                              << "The file is not UTF-8 text: nothing was imported.";
    QTest::newRow("nul") << QByteArray("a\tb\0\n", 5) << CardsTextError::NotUtf8 << 0
                         << "The file is not UTF-8 text: nothing was imported.";
    QTest::newRow("only headers") << QByteArray("#separator:tab\n\n") << CardsTextError::NoCards
                                  << 0 << "The file holds no cards.";
    QTest::newRow("empty") << QByteArray() << CardsTextError::NoCards << 0
                           << "The file holds no cards.";
}

void TestCardsText::refuses()
{
    QFETCH(QByteArray, file);
    QFETCH(CardsTextError, code);
    QFETCH(int, line);
    QFETCH(QString, english);
    const ParsedCardsText parsed = parseCardsText(file);
    QCOMPARE(parsed.error.code, code);
    QCOMPARE(parsed.error.line, line);
    QVERIFY(parsed.cards.isEmpty());
    QCOMPARE(describe(parsed.error, "en"), english);
    QVERIFY(!describe(parsed.error, "de").isEmpty());
    QVERIFY(describe(parsed.error, "de") != english);
}

void TestCardsText::roundTrip()
{
    const QList<TextCard> cards{{"plain", "text", {}},
                                {"tab\there", "line\nbreak", {}},
                                {"\"quoted\"", "# not a header", {}},
                                {"#hash first", "x", {}},
                                {"**Markdown** `code`", "- a\n- b", {}}};
    const QByteArray file = writeCardsText(cards);
    QVERIFY(file.startsWith("#separator:tab\n#html:false\n#tags column:3\n"));
    QVERIFY(file.contains("plain\ttext\t\n"));
    const ParsedCardsText parsed = parseCardsText(file);
    QVERIFY2(parsed.ok(), qPrintable(describe(parsed.error, "en")));
    QCOMPARE(parsed.cards, cards);
}

void TestCardsText::importIsAllOrNothingWithOneUndo()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    QTemporaryDir dir;
    LocalStore store;
    QString error;
    QVERIFY(store.open(dir.filePath(u"p.sqlite"_qs), &error));
    QVERIFY(store.addModule(catalog.info(u"cards"_qs)->spec, &error));
    Collection *decks = store.collection(u"cards"_qs, u"decks"_qs);
    Collection *cards = store.collection(u"cards"_qs, u"cards"_qs);
    QVERIFY(decks->insert({{u"id"_qs, u"d"_qs}, {u"name"_qs, u"D"_qs}}));
    QVERIFY(cards->insert({{u"deckId"_qs, u"d"_qs},
                           {u"front"_qs, u"old"_qs},
                           {u"back"_qs, u"x"_qs},
                           {u"order"_qs, 4}}));

    // A malformed file imports nothing.
    CardsImportResult result = importCardsText(&store, u"d"_qs, "a\tb\nc\n");
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, 2);
    QCOMPARE(cards->count(), 1);

    // Anki's tags are kept on the card and written back out.
    result = importCardsText(&store, u"d"_qs,
                             "#separator:tab\n#tags column:3\nq1\ta1\tgeo capitals\n"
                             "q2\ta2\t\nq3\ta3\tgeo\n");
    QVERIFY(result.ok());
    QCOMPARE(result.imported, 3);
    QVERIFY(result.undoStepId > 0);
    QCOMPARE(cards->count(), 4);
    const QByteArray out = exportCardsText(&store, u"d"_qs);
    QCOMPARE(out, QByteArray("#separator:tab\n#html:false\n#tags column:3\n"
                             "old\tx\t\nq1\ta1\tgeo capitals\nq2\ta2\t\nq3\ta3\tgeo\n"));
    // One Undo step takes the whole import back.
    QVERIFY(store.undo(result.undoStepId, &error));
    QCOMPARE(cards->count(), 1);

    // No such deck: nothing written.
    result = importCardsText(&store, u"nope"_qs, "q\ta\n");
    QVERIFY(!result.ok());
    QCOMPARE(cards->count(), 1);
}

QTEST_GUILESS_MAIN(TestCardsText)
#include "tst_cardstext.moc"
