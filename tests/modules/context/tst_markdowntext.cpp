// Context's counting (markdowntext.h): words of the rendered text, not of
// its markup; Unicode letters, marks and CJK; characters as graphemes; the
// token estimate's rule; a list row's first line.
#include "markdowntext.h"

#include <QTest>

using namespace mana::context;

class TestMarkdownText : public QObject
{
    Q_OBJECT

private slots:
    void words_data();
    void words();
    void characters_data();
    void characters();
    void tokens_data();
    void tokens();
    void firstLines_data();
    void firstLines();
};

void TestMarkdownText::words_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("words");

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("only spaces and breaks") << u"  \n\n \t "_qs << 0;
    QTest::newRow("plain") << u"Three little words"_qs << 3;
    QTest::newRow("heading hashes") << u"# Welcome to Context ##"_qs << 3;
    QTest::newRow("emphasis") << u"**bold** and *italic* and __strong__ ~~gone~~"_qs << 6;
    QTest::newRow("bullets") << u"- one\n* two\n+ three"_qs << 3;
    QTest::newRow("ordered list numbers") << u"1. First\n2) Second\n10. Tenth"_qs << 3;
    QTest::newRow("task boxes") << u"- [ ] open task\n- [x] done task"_qs << 4;
    QTest::newRow("quote") << u"> quoted text\n>> nested"_qs << 3;
    QTest::newRow("link text, not its URL")
        << u"See [the docs](https://example.com/some/long-path \"Title\") now"_qs << 4;
    QTest::newRow("image alt text") << u"![a cat](cat.png)"_qs << 2;
    QTest::newRow("reference link")
        << u"Read [the guide][guide].\n\n[guide]: https://x.org/g"_qs << 3;
    QTest::newRow("bare URL is one word") << u"Go to https://example.com/a-b/c?d=e today"_qs << 4;
    QTest::newRow("autolink is one word") << u"Mail <name@example.com> or <https://x.org>"_qs << 4;
    QTest::newRow("html tags") << u"Line<br>break <span class=\"x\">here</span>"_qs << 3;
    QTest::newRow("html comment") << u"Visible <!-- hidden words here --> text"_qs << 2;
    QTest::newRow("rule and table pipes")
        << u"---\n| Name | Age |\n|---|---:|\n| Ann | 3 |"_qs << 4;
    QTest::newRow("fenced code counts its words, not the fence")
        << u"Before\n```cpp\nint x = 1;\n```\nAfter"_qs << 5;
    QTest::newRow("tilde fence") << u"~~~\nplain code\n~~~"_qs << 2;
    QTest::newRow("inline code") << u"Call `save()` now"_qs << 3;
    QTest::newRow("apostrophe and hyphen join") << u"Don't re-read the e-mail"_qs << 4;
    QTest::newRow("typographic apostrophe") << u"It’s fine"_qs << 2;
    QTest::newRow("decimal number") << u"Version 3.5 ships"_qs << 3;
    QTest::newRow("snake_case") << u"call snake_case here"_qs << 3;
    QTest::newRow("slash separates") << u"either/or"_qs << 2;
    QTest::newRow("dash separates") << u"word — word"_qs << 2;
    QTest::newRow("umlauts") << u"Übung macht den Meister, schöne Grüße"_qs << 6;
    QTest::newRow("combining accent") << u"Cafe\u0301 au lait"_qs << 3;
    QTest::newRow("Chinese, one word per character") << u"我爱你"_qs << 3;
    QTest::newRow("Japanese kana and kanji") << u"日本語のテキスト"_qs << 8;
    QTest::newRow("CJK between Latin") << u"Tokyo 東京 trip"_qs << 4;
    QTest::newRow("Korean words by spaces") << u"안녕 하세요"_qs << 2;
    QTest::newRow("emoji alone is no word") << u"Hi 👋 there"_qs << 2;
    QTest::newRow("footnote") << u"A claim[^1].\n\n[^1]: The source."_qs << 4;
    QTest::newRow("windows line ends") << u"# One\r\n\r\n- two\r\n"_qs << 2;
}

void TestMarkdownText::words()
{
    QFETCH(QString, markdown);
    QFETCH(int, words);
    QCOMPARE(countWords(markdown), words);
}

void TestMarkdownText::characters_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("characters");

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("ascii with spaces") << u"a b"_qs << 3;
    QTest::newRow("breaks not counted") << u"ab\ncd\r\n"_qs << 4;
    QTest::newRow("umlaut composed") << u"Grüße"_qs << 5;
    QTest::newRow("umlaut decomposed") << u"Gru\u0308ße"_qs << 5;
    QTest::newRow("emoji with skin tone") << u"👋🏽!"_qs << 2;
    QTest::newRow("CJK") << u"東京"_qs << 2;
}

void TestMarkdownText::characters()
{
    QFETCH(QString, markdown);
    QFETCH(int, characters);
    QCOMPARE(countCharacters(markdown), characters);
}

void TestMarkdownText::tokens_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<int>("tokens");

    QTest::newRow("empty") << QString() << 0;
    QTest::newRow("one character rounds up") << u"a"_qs << 1;
    QTest::newRow("four characters") << u"abcd"_qs << 1;
    QTest::newRow("five characters") << u"abcde"_qs << 2;
    QTest::newRow("markup and spaces count") << u"# Hi **you**"_qs << 3;
    QTest::newRow("one per CJK character") << u"日本語"_qs << 3;
    QTest::newRow("mixed") << u"Tokyo 東京"_qs << 4; // 6 others → 2, plus 2
    QTest::newRow("umlaut is one character") << u"Grüße"_qs << 2;
}

void TestMarkdownText::tokens()
{
    QFETCH(QString, markdown);
    QFETCH(int, tokens);
    QCOMPARE(estimateTokens(markdown), tokens);
    QCOMPARE(countText(markdown).tokens, tokens);
}

void TestMarkdownText::firstLines_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("line");

    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("heading equal to the title skipped")
        << u"# Welcome\n\nContext keeps **notes**."_qs << u"Welcome"_qs
        << u"Context keeps notes."_qs;
    QTest::newRow("other heading kept") << u"## Plans\ntext"_qs << u"Notes"_qs << u"Plans"_qs;
    QTest::newRow("link text") << u"- See [docs](https://x.org)"_qs << QString() << u"See docs"_qs;
    QTest::newRow("code block skipped") << u"```\ncode\n```\nProse"_qs << QString() << u"Prose"_qs;
    QTest::newRow("rule skipped") << u"---\n\n_Hello_ there"_qs << QString() << u"Hello there"_qs;
    QTest::newRow("long line cut")
        << QString(200, u'a') << QString() << QString(119, u'a') + QChar(0x2026);
}

void TestMarkdownText::firstLines()
{
    QFETCH(QString, markdown);
    QFETCH(QString, title);
    QFETCH(QString, line);
    QCOMPARE(firstLine(markdown, title), line);
}

QTEST_GUILESS_MAIN(TestMarkdownText)
#include "tst_markdowntext.moc"
