// Tags as written and as read from sync: trimmed, inner spaces collapsed,
// empty ones dropped, duplicates that differ only in case dropped (the
// first spelling stays), and anything that is not a list of strings read
// as no tags.
#include "questiontags.h"

#include <QJsonDocument>
#include <QTest>

using namespace mana::questions;

class TestQuestionTags : public QObject
{
    Q_OBJECT

private slots:
    void normalise_data();
    void normalise();
    void fromJson_data();
    void fromJson();
    void hasTag_data();
    void hasTag();
};

void TestQuestionTags::normalise_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << QStringList() << QStringList();
    QTest::newRow("trimmed") << QStringList{"  science ", "health"}
                             << QStringList{"science", "health"};
    QTest::newRow("inner spaces") << QStringList{"deep   sea"} << QStringList{"deep sea"};
    QTest::newRow("empty dropped") << QStringList{"", "  ", "a"} << QStringList{"a"};
    QTest::newRow("case duplicates, first wins")
        << QStringList{"Science", "science", "SCIENCE ", "health"}
        << QStringList{"Science", "health"};
    QTest::newRow("umlauts") << QStringList{"Übung", "übung", "ÜBUNG"} << QStringList{"Übung"};
    // Simple case folding, as the store's search: "ß" is not spelt "ss".
    QTest::newRow("sharp s stays its own")
        << QStringList{"Straße", "STRASSE"} << QStringList{"Straße", "STRASSE"};
    QTest::newRow("order kept") << QStringList{"c", "a", "b"} << QStringList{"c", "a", "b"};
}

void TestQuestionTags::normalise()
{
    QFETCH(QStringList, tags);
    QFETCH(QStringList, expected);
    QCOMPARE(normaliseTags(tags), expected);
    // Normalising twice changes nothing.
    QCOMPARE(normaliseTags(normaliseTags(tags)), expected);
}

void TestQuestionTags::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("list") << QByteArray(R"J(["science", "Science", " sky "])J")
                          << QStringList{"science", "sky"};
    QTest::newRow("mixed entries")
        << QByteArray(R"J(["a", 1, null, {"b":1}, ["c"], "d"])J") << QStringList{"a", "d"};
    QTest::newRow("null") << QByteArray("null") << QStringList();
    QTest::newRow("a string") << QByteArray(R"J("science")J") << QStringList();
    QTest::newRow("list as JSON text") << QByteArray(R"J("[\"x\",\"X\"]")J") << QStringList{"x"};
    QTest::newRow("an object") << QByteArray(R"J({"0":"a"})J") << QStringList();
}

void TestQuestionTags::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const QJsonValue value = QJsonDocument::fromJson("[" + json + "]").array().at(0);
    QCOMPARE(tagsFromJson(value), expected);
}

void TestQuestionTags::hasTag_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<bool>("expected");

    QTest::newRow("same") << QStringList{"science"} << "science" << true;
    QTest::newRow("case") << QStringList{"Science"} << "SCIENCE" << true;
    QTest::newRow("spaces") << QStringList{"deep sea"} << "  deep  sea " << true;
    QTest::newRow("prefix is not the tag") << QStringList{"science"} << "sci" << false;
    QTest::newRow("none") << QStringList() << "a" << false;
}

void TestQuestionTags::hasTag()
{
    QFETCH(QStringList, tags);
    QFETCH(QString, tag);
    QFETCH(bool, expected);
    QCOMPARE(mana::questions::hasTag(tags, tag), expected);
}

QTEST_GUILESS_MAIN(TestQuestionTags)
#include "tst_questiontags.moc"
