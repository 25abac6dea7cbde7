// Citations typed in the editor and read from sync: only http(s) web
// addresses with a host, the title defaulting to the host, and any value
// that is not a list of {url, title} read as no citations, never a crash.
#include "citations.h"

#include <QJsonDocument>
#include <QTest>

using namespace mana::questions;

Q_DECLARE_METATYPE(mana::questions::CitationError)

class TestCitations : public QObject
{
    Q_OBJECT

private slots:
    void makeCitation_data();
    void makeCitation();
    void parse_data();
    void parse();
    void roundTrip();
};

void TestCitations::makeCitation_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("title");
    QTest::addColumn<CitationError>("error");
    QTest::addColumn<QString>("storedUrl");
    QTest::addColumn<QString>("storedTitle");

    QTest::newRow("https with title") << "https://en.wikipedia.org/wiki/Rayleigh_scattering"
                                      << "Rayleigh scattering" << CitationError::None
                                      << "https://en.wikipedia.org/wiki/Rayleigh_scattering"
                                      << "Rayleigh scattering";
    QTest::newRow("title defaults to the host")
        << "https://www.nasa.gov/sky"
        << "" << CitationError::None << "https://www.nasa.gov/sky"
        << "www.nasa.gov";
    QTest::newRow("blank title defaults to the host")
        << "http://example.org"
        << "   " << CitationError::None << "http://example.org"
        << "example.org";
    QTest::newRow("spaces around are trimmed")
        << "  https://example.org/a  "
        << "  A   page " << CitationError::None << "https://example.org/a"
        << "A page";
    QTest::newRow("upper-case scheme") << "HTTPS://Example.org/x"
                                       << "x" << CitationError::None << "https://example.org/x"
                                       << "x";
    QTest::newRow("umlaut host") << "https://de.wikipedia.org/wiki/Rayleigh-Streuung"
                                 << "" << CitationError::None
                                 << "https://de.wikipedia.org/wiki/Rayleigh-Streuung"
                                 << "de.wikipedia.org";
    QTest::newRow("empty") << ""
                           << "A title" << CitationError::EmptyUrl << ""
                           << "";
    QTest::newRow("no scheme") << "example.org/page"
                               << "" << CitationError::NotAWebAddress << ""
                               << "";
    QTest::newRow("javascript") << "javascript:alert(1)J"
                                << "x" << CitationError::NotAWebAddress << ""
                                << "";
    QTest::newRow("file") << "file:///etc/passwd"
                          << "" << CitationError::NotAWebAddress << ""
                          << "";
    QTest::newRow("mailto") << "mailto:a@example.org"
                            << "" << CitationError::NotAWebAddress << ""
                            << "";
    QTest::newRow("ftp") << "ftp://example.org/f"
                         << "" << CitationError::NotAWebAddress << ""
                         << "";
    QTest::newRow("scheme only") << "https://"
                                 << "" << CitationError::NoHost << ""
                                 << "";
    QTest::newRow("space inside") << "https://exa mple.org"
                                  << "" << CitationError::NoHost << ""
                                  << "";
}

void TestCitations::makeCitation()
{
    QFETCH(QString, url);
    QFETCH(QString, title);
    QFETCH(CitationError, error);
    QFETCH(QString, storedUrl);
    QFETCH(QString, storedTitle);

    CitationError why = CitationError::EmptyUrl;
    const Citation citation = mana::questions::makeCitation(url, title, &why);
    QCOMPARE(why, error);
    QCOMPARE(citation.url, storedUrl);
    QCOMPARE(citation.title, storedTitle);
}

void TestCitations::parse_data()
{
    QTest::addColumn<QByteArray>("json"); // the field's value, as JSON text
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<QString>("firstTitle");

    QTest::newRow("seed")
        << QByteArray(
               R"J([{"title":"Rayleigh scattering","url":"https://en.wikipedia.org/wiki/Rayleigh_scattering"}])J")
        << 1 << false << "Rayleigh scattering";
    QTest::newRow("empty list") << QByteArray("[]") << 0 << false << "";
    QTest::newRow("null") << QByteArray("null") << 0 << false << "";
    QTest::newRow("missing title")
        << QByteArray(R"J([{"url":"https://example.org/x"}])J") << 1 << false << "example.org";
    QTest::newRow("two, one bad")
        << QByteArray(
               R"J([{"url":"javascript:alert(1)","title":"x"},{"url":"https://a.org","title":"A"}])J")
        << 1 << true << "A";
    QTest::newRow("not objects") << QByteArray(R"J(["https://a.org", 3, null])J") << 0 << true
                                 << "";
    QTest::newRow("an object") << QByteArray(R"J({"url":"https://a.org"})J") << 0 << true << "";
    QTest::newRow("a number") << QByteArray("42") << 0 << true << "";
    QTest::newRow("url not a string")
        << QByteArray(R"J([{"url":7,"title":"seven"}])J") << 0 << true << "";
    QTest::newRow("list as JSON text")
        << QByteArray(R"J("[{\"url\":\"https://a.org\",\"title\":\"A\"}]")J") << 1 << false << "A";
    QTest::newRow("broken JSON text") << QByteArray(R"J("[{\"url\":")J") << 0 << true << "";
    QTest::newRow("plain text") << QByteArray(R"J("see wikipedia")J") << 0 << true << "";
}

void TestCitations::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(int, count);
    QFETCH(bool, malformed);
    QFETCH(QString, firstTitle);

    // Wrapped so that scalars parse too.
    const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
    bool damaged = !malformed;
    const QList<Citation> citations = parseCitations(value, &damaged);
    QCOMPARE(citations.size(), count);
    QCOMPARE(damaged, malformed);
    if (count > 0)
        QCOMPARE(citations.first().title, firstTitle);
}

void TestCitations::roundTrip()
{
    const QList<Citation> citations{{"https://a.org/1", "One"}, {"http://b.org", "b.org"}};
    bool damaged = true;
    QCOMPARE(parseCitations(citationsToJson(citations), &damaged), citations);
    QVERIFY(!damaged);
}

QTEST_GUILESS_MAIN(TestCitations)
#include "tst_citations.moc"
