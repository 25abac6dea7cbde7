// What Copy puts on the clipboard and what an export writes.
#include "quotetext.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mana::zitare;

namespace {

Quote hamlet()
{
    return {QStringLiteral("shakespeare-hamlet-to-be"),
            QStringLiteral("en"),
            QStringLiteral("To be, or not to be: that is the question."),
            QStringLiteral("William Shakespeare"),
            QStringLiteral("Hamlet"),
            1603};
}

Quote goethe()
{
    return {QStringLiteral("goethe-erinnerung-so-nah"),
            QStringLiteral("de"),
            QStringLiteral("Willst du immer weiter schweifen?\nSieh, das Gute liegt so nah."),
            QStringLiteral("Johann Wolfgang von Goethe"),
            QStringLiteral("Erinnerung"),
            0};
}

} // namespace

class TestQuoteText : public QObject
{
    Q_OBJECT

private slots:
    void clipboard_data();
    void clipboard();
    void markdown();
    void plainText();
    void formatByFileName_data();
    void formatByFileName();
    void writesAndRefuses();
};

void TestQuoteText::clipboard_data()
{
    QTest::addColumn<Quote>("quote");
    QTest::addColumn<QString>("text");
    QTest::newRow("with year") << hamlet()
                               << QStringLiteral("«To be, or not to be: that is the question.» — "
                                                 "William Shakespeare, Hamlet (1603)");
    QTest::newRow("verse, no year")
        << goethe()
        << QStringLiteral("«Willst du immer weiter schweifen?\nSieh, das Gute liegt so nah.» — "
                          "Johann Wolfgang von Goethe, Erinnerung");
    Quote noSource = hamlet();
    noSource.source.clear();
    noSource.year = 0;
    QTest::newRow("no source") << noSource
                               << QStringLiteral("«To be, or not to be: that is the question.» — "
                                                 "William Shakespeare");
}

void TestQuoteText::clipboard()
{
    QFETCH(Quote, quote);
    QFETCH(QString, text);
    QCOMPARE(clipboardText(quote), text);
}

void TestQuoteText::markdown()
{
    const Quote first = hamlet();
    const Quote second = goethe();
    Quote starred = hamlet();
    starred.text = QStringLiteral("# not a heading *and* no emphasis");
    const QString text = exportText(QStringLiteral("Inspiration"),
                                    {{first.id, &first},
                                     {QStringLiteral("gone-quote"), nullptr},
                                     {second.id, &second},
                                     {starred.id, &starred}},
                                    ExportFormat::Markdown, QStringLiteral("(missing: %1)"));
    QCOMPARE(text, QStringLiteral("# Inspiration\n"
                                  "\n"
                                  "> To be, or not to be: that is the question.\n"
                                  ">\n"
                                  "> — William Shakespeare, *Hamlet* (1603)\n"
                                  "\n"
                                  "> (missing: gone-quote)\n"
                                  "\n"
                                  "> Willst du immer weiter schweifen?  \n"
                                  "> Sieh, das Gute liegt so nah.\n"
                                  ">\n"
                                  "> — Johann Wolfgang von Goethe, *Erinnerung*\n"
                                  "\n"
                                  "> \\# not a heading \\*and\\* no emphasis\n"
                                  ">\n"
                                  "> — William Shakespeare, *Hamlet* (1603)\n"));
}

void TestQuoteText::plainText()
{
    const Quote first = hamlet();
    const QString text = exportText(QStringLiteral("Favourites"),
                                    {{first.id, &first}, {QStringLiteral("gone"), nullptr}},
                                    ExportFormat::PlainText, QStringLiteral("(missing: %1)"));
    QCOMPARE(text, QStringLiteral("Favourites\n"
                                  "\n"
                                  "«To be, or not to be: that is the question.»\n"
                                  "— William Shakespeare, Hamlet (1603)\n"
                                  "\n"
                                  "(missing: gone)\n"));
    QCOMPARE(exportText(QStringLiteral("Empty"), {}, ExportFormat::Markdown, {}),
             QStringLiteral("# Empty\n"));
}

void TestQuoteText::formatByFileName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("markdown");
    QTest::newRow("md") << "/tmp/a.md" << true;
    QTest::newRow("MD") << "/tmp/A.MD" << true;
    QTest::newRow("markdown") << "/tmp/a.markdown" << true;
    QTest::newRow("txt") << "/tmp/a.txt" << false;
    QTest::newRow("none") << "/tmp/a" << false;
    QTest::newRow("md in the folder") << "/tmp/x.md/a.txt" << false;
}

void TestQuoteText::formatByFileName()
{
    QFETCH(QString, path);
    QFETCH(bool, markdown);
    QCOMPARE(exportFormatForPath(path) == ExportFormat::Markdown, markdown);
}

void TestQuoteText::writesAndRefuses()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ü.md"));
    QString detail;
    QVERIFY(writeTextFile(path, QStringLiteral("«Zitat» — ß\n"), &detail));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("«Zitat» — ß\n"));
    QVERIFY(!writeTextFile(dir.filePath(QStringLiteral("no/such/folder/a.md")), QStringLiteral("x"),
                           &detail));
    QVERIFY(!detail.isEmpty());
}

QTEST_GUILESS_MAIN(TestQuoteText)
#include "tst_quotetext.moc"
