// Context's documents over a real store (documentstore.h): short ids
// unique per space and stable, the metadata a save keeps up to date, saves
// that write only what changed, and the search with its snippets.
#include "collection.h"
#include "documentstore.h"
#include "localstore.h"
#include "markdowntext.h"
#include "modulecatalog.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::context;

class TestDocumentStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void prefixes_data();
    void prefixes();
    void shortIdsUniquePerSpace();
    void shortIdSkipsTakenAndDeleted();
    void metadataKeepsTagsAndCounts_data();
    void metadataKeepsTagsAndCounts();
    void saveUpdatesMetadata();
    void saveOfNothingChangedWritesNothing();
    void matches_data();
    void matches();
    void snippets_data();
    void snippets();
    void searchFindsWithSnippets();
    void tags_data();
    void tags();
    void searchAcrossFields_data();
    void searchAcrossFields();
    void seedsCarryTheirCounts_data();
    void seedsCarryTheirCounts();

private:
    Collection *docs() const { return m_store->collection(u"context"_qs, u"documents"_qs); }
    Collection *spaces() const { return m_store->collection(u"context"_qs, u"spaces"_qs); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestDocumentStore::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"context"_qs)->spec, &error), qPrintable(error));
    QVERIFY(spaces()->insert(
        {{u"id"_qs, u"s1"_qs}, {u"name"_qs, u"Work"_qs}, {u"prefix"_qs, u"ctx"_qs}}));
    QVERIFY(spaces()->insert(
        {{u"id"_qs, u"s2"_qs}, {u"name"_qs, u"Home notes"_qs}, {u"prefix"_qs, u""_qs}}));
}

void TestDocumentStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestDocumentStore::prefixes_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("upper case") << u"ctx"_qs << u"Any"_qs << u"CTX"_qs;
    QTest::newRow("punctuation dropped") << u"c-t x!"_qs << QString() << u"CTX"_qs;
    QTest::newRow("cut at eight") << u"abcdefghij"_qs << QString() << u"ABCDEFGH"_qs;
    QTest::newRow("umlaut kept") << u"süd"_qs << QString() << u"SÜD"_qs;
    QTest::newRow("initials of the name") << QString() << u"Getting started here"_qs << u"GSH"_qs;
    QTest::newRow("nothing") << QString() << QString() << u"DOC"_qs;
}

void TestDocumentStore::prefixes()
{
    QFETCH(QString, prefix);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(normalizedPrefix(prefix, name), expected);
}

void TestDocumentStore::shortIdsUniquePerSpace()
{
    QSet<QString> seen;
    for (int i = 0; i < 20; ++i) {
        const WriteResult result = createDocument(m_store.get(), u"s1"_qs, u"Doc"_qs, u"text"_qs);
        QVERIFY(result);
        const QString shortId = docs()->get(result.id)->value(u"shortId"_qs).toString();
        QCOMPARE(shortId, u"CTX-%1"_qs.arg(i + 1));
        QVERIFY(!seen.contains(shortId));
        seen.insert(shortId);
    }
    // Another space counts on its own, with its name's initials.
    const WriteResult home = createDocument(m_store.get(), u"s2"_qs, u"Doc"_qs, {});
    QCOMPARE(docs()->get(home.id)->value(u"shortId"_qs).toString(), u"HN-1"_qs);
    const WriteResult loose = createDocument(m_store.get(), {}, u"Doc"_qs, {});
    QCOMPARE(docs()->get(loose.id)->value(u"shortId"_qs).toString(), u"DOC-1"_qs);
    // Stable: a save does not touch it.
    QVERIFY(saveDocument(m_store.get(), home.id, {{u"content"_qs, u"new"_qs}}));
    QCOMPARE(docs()->get(home.id)->value(u"shortId"_qs).toString(), u"HN-1"_qs);
}

void TestDocumentStore::shortIdSkipsTakenAndDeleted()
{
    const WriteResult first = createDocument(m_store.get(), u"s1"_qs, u"A"_qs, {});
    const WriteResult second = createDocument(m_store.get(), u"s1"_qs, u"B"_qs, {});
    // A deleted document keeps its number.
    QVERIFY(docs()->remove(second.id));
    QCOMPARE(nextShortId(m_store.get(), u"s1"_qs, u"CTX"_qs), u"CTX-3"_qs);
    // A document moved out leaves the count lower: the probe skips ids
    // still taken.
    QVERIFY(docs()->update(first.id, {{u"spaceId"_qs, u"s2"_qs}}));
    QVERIFY(docs()->insert(
        {{u"spaceId"_qs, u"s1"_qs}, {u"title"_qs, u"Synced"_qs}, {u"shortId"_qs, u"CTX-2"_qs}}));
    QVERIFY(docs()->insert(
        {{u"spaceId"_qs, u"s1"_qs}, {u"title"_qs, u"Synced"_qs}, {u"shortId"_qs, u"CTX-3"_qs}}));
    QCOMPARE(nextShortId(m_store.get(), u"s1"_qs, u"CTX"_qs), u"CTX-4"_qs);
}

void TestDocumentStore::metadataKeepsTagsAndCounts_data()
{
    QTest::addColumn<QJsonValue>("stored");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QJsonObject>("expected");
    QTest::newRow("none yet") << QJsonValue() << u"# Two words"_qs
                              << QJsonObject{{u"tags"_qs, QJsonArray()}, {u"wordCount"_qs, 2}};
    QTest::newRow("tags kept")
        << QJsonValue(QJsonObject{{u"tags"_qs, QJsonArray{u"a"_qs}}, {u"wordCount"_qs, 9}})
        << u"one"_qs << QJsonObject{{u"tags"_qs, QJsonArray{u"a"_qs}}, {u"wordCount"_qs, 1}};
    QTest::newRow("other keys kept")
        << QJsonValue(QJsonObject{{u"source"_qs, u"web"_qs}}) << QString()
        << QJsonObject{{u"source"_qs, u"web"_qs}, {u"tags"_qs, QJsonArray()}, {u"wordCount"_qs, 0}};
    QTest::newRow("broken tags replaced")
        << QJsonValue(QJsonObject{{u"tags"_qs, u"x"_qs}}) << u"a b"_qs
        << QJsonObject{{u"tags"_qs, QJsonArray()}, {u"wordCount"_qs, 2}};
}

void TestDocumentStore::metadataKeepsTagsAndCounts()
{
    QFETCH(QJsonValue, stored);
    QFETCH(QString, content);
    QFETCH(QJsonObject, expected);
    QCOMPARE(metadataFor(stored, content), expected);
}

void TestDocumentStore::saveUpdatesMetadata()
{
    const WriteResult doc = createDocument(m_store.get(), u"s1"_qs, u"T"_qs, u"one two"_qs);
    QCOMPARE(docs()->get(doc.id)->value(u"metadata"_qs).toObject().value(u"wordCount"_qs), 2);
    QVERIFY(docs()->update(doc.id, {{u"metadata"_qs, QJsonObject{{u"tags"_qs, QJsonArray{u"x"_qs}},
                                                                 {u"wordCount"_qs, 2}}}}));
    QVERIFY(saveDocument(
        m_store.get(), doc.id,
        {{u"content"_qs, u"# Heading\n\nthree more **words** [link](http://a.b)"_qs}}));
    const QJsonObject metadata = docs()->get(doc.id)->value(u"metadata"_qs).toObject();
    QCOMPARE(metadata.value(u"wordCount"_qs), 5);
    QCOMPARE(metadata.value(u"tags"_qs).toArray(), QJsonArray{u"x"_qs});
}

void TestDocumentStore::saveOfNothingChangedWritesNothing()
{
    const WriteResult doc = createDocument(m_store.get(), u"s1"_qs, u"T"_qs, u"same"_qs);
    const QString updatedAt = docs()->get(doc.id)->value(u"updatedAt"_qs).toString();
    QSignalSpy changed(docs(), &Collection::changed);
    QVERIFY(
        saveDocument(m_store.get(), doc.id, {{u"content"_qs, u"same"_qs}, {u"title"_qs, u"T"_qs}}));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(docs()->get(doc.id)->value(u"updatedAt"_qs).toString(), updatedAt);
    QVERIFY(!saveDocument(m_store.get(), u"missing"_qs, {{u"content"_qs, u"x"_qs}}));
}

void TestDocumentStore::matches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");
    QTest::newRow("word start") << u"Go shopping today"_qs << u"shop"_qs << 3 << 4;
    QTest::newRow("not inside a word") << u"Go shopping"_qs << u"hopping"_qs << -1 << 0;
    QTest::newRow("case ignored") << u"The MARKDOWN guide"_qs << u"markdown"_qs << 4 << 8;
    QTest::newRow("accent ignored") << u"Eine Übung"_qs << u"ubung"_qs << 5 << 5;
    QTest::newRow("decomposed accent") << u"x U\u0308bung"_qs << u"übung"_qs << 2 << 6;
    QTest::newRow("earliest of the words") << u"alpha beta gamma"_qs << u"gamma beta"_qs << 6 << 4;
    QTest::newRow("after markup") << u"**Pinned** notes"_qs << u"pinned"_qs << 2 << 6;
    QTest::newRow("no words") << u"text"_qs << u"#"_qs << -1 << 0;
}

void TestDocumentStore::matches()
{
    QFETCH(QString, text);
    QFETCH(QString, search);
    QFETCH(int, position);
    QFETCH(int, length);
    const TextMatch match = findWordStart(text, searchWords(search));
    QCOMPARE(match.position, position);
    QCOMPARE(match.length, length);
}

void TestDocumentStore::snippets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("snippet");
    QTest::addColumn<int>("snippetStart");
    const QString longText = u"word "_qs.repeated(40) + u"needle "_qs + u"tail "_qs.repeated(40);
    QTest::newRow("short text whole")
        << u"line one\nline two"_qs << 5 << 3 << u"line one line two"_qs << 5;
    QTest::newRow("no match: the start") << u"abc def"_qs << -1 << 0 << u"abc def"_qs << -1;
    QTest::newRow("cut on both sides") << longText << 200 << 6
                                       << (QChar(0x2026) + u"word "_qs.repeated(10) + u"needle"_qs +
                                           u" tail"_qs.repeated(20) + QChar(0x2026))
                                       << 51;
}

void TestDocumentStore::snippets()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(int, length);
    QFETCH(QString, snippet);
    QFETCH(int, snippetStart);
    const SearchHit hit = snippetFor(text, {position, length});
    QCOMPARE(hit.snippet, snippet);
    QCOMPARE(hit.snippetStart, snippetStart);
    if (snippetStart >= 0)
        QCOMPARE(hit.snippet.mid(hit.snippetStart, hit.snippetLength), text.mid(position, length));
    QVERIFY(hit.snippet.size() <= 162);
}

void TestDocumentStore::searchFindsWithSnippets()
{
    QVERIFY(createDocument(m_store.get(), u"s1"_qs, u"Groceries"_qs, u"Buy milk and bread"_qs));
    const WriteResult notes = createDocument(m_store.get(), u"s1"_qs, u"Meeting notes"_qs,
                                             u"# Notes\n\nWe talked about the Übergabe plan."_qs);
    QVERIFY(createDocument(m_store.get(), u"s2"_qs, u"Übergabe checklist"_qs, u"Keys, papers"_qs));
    const WriteResult gone =
        createDocument(m_store.get(), u"s2"_qs, u"Old"_qs, u"ubergabe draft"_qs);
    QVERIFY(docs()->remove(gone.id));

    QList<SearchHit> hits = searchDocuments(m_store.get(), u"ubergabe"_qs);
    QCOMPARE(hits.size(), 2); // not the deleted one
    // Newest first: the checklist, matched in its title.
    QCOMPARE(hits.at(0).title, u"Übergabe checklist"_qs);
    QCOMPARE(hits.at(0).snippetStart, -1);
    QCOMPARE(hits.at(0).snippet, u"Keys, papers"_qs);
    QCOMPARE(hits.at(1).documentId, notes.id);
    QCOMPARE(hits.at(1).contentPosition, 29);
    QCOMPARE(hits.at(1).snippet.mid(hits.at(1).snippetStart, hits.at(1).snippetLength),
             u"Übergabe"_qs);
    QCOMPARE(hits.at(1).snippet, u"# Notes  We talked about the Übergabe plan."_qs);

    // Every word, each a word start; short ids are found too.
    QCOMPARE(searchDocuments(m_store.get(), u"milk bread"_qs).size(), 1);
    QCOMPARE(searchDocuments(m_store.get(), u"milk cheese"_qs).size(), 0);
    QCOMPARE(searchDocuments(m_store.get(), u"ilk"_qs).size(), 0);
    QCOMPARE(searchDocuments(m_store.get(), u"CTX-2"_qs).size(), 1);
    QCOMPARE(searchDocuments(m_store.get(), u"  # "_qs).size(), 0);
    // The limit holds.
    for (int i = 0; i < 5; ++i)
        QVERIFY(createDocument(m_store.get(), u"s1"_qs, u"Many %1"_qs.arg(i), u"common"_qs));
    QCOMPARE(searchDocuments(m_store.get(), u"common"_qs, 3).size(), 3);
}

// Adding and removing tags: what is stored, what is refused (nothing
// written then), and that the rest of the metadata stays.
void TestDocumentStore::tags_data()
{
    QTest::addColumn<QStringList>("stored");
    QTest::addColumn<QString>("add");    // empty: none
    QTest::addColumn<QString>("remove"); // empty: none
    QTest::addColumn<int>("problem");    // TagError of the add (else the remove)
    QTest::addColumn<QStringList>("expected");

    const auto none = int(TagError::None);
    QTest::newRow("first tag") << QStringList{} << u"research"_qs << QString() << none
                               << QStringList{u"research"_qs};
    QTest::newRow("at the end") << QStringList{u"a"_qs} << u"b"_qs << QString() << none
                                << QStringList{u"a"_qs, u"b"_qs};
    QTest::newRow("hash and spaces") << QStringList{} << u"  #machine   learning "_qs << QString()
                                     << none << QStringList{u"machine learning"_qs};
    QTest::newRow("umlauts kept") << QStringList{} << u"Übung"_qs << QString() << none
                                  << QStringList{u"Übung"_qs};
    QTest::newRow("empty") << QStringList{u"a"_qs} << u" # "_qs << QString() << int(TagError::Empty)
                           << QStringList{u"a"_qs};
    QTest::newRow("no letter") << QStringList{} << u"--"_qs << QString() << int(TagError::Empty)
                               << QStringList{};
    QTest::newRow("too long") << QStringList{} << QString(kMaxTagLength + 1, u'x') << QString()
                              << int(TagError::TooLong) << QStringList{};
    QTest::newRow("longest") << QStringList{} << QString(kMaxTagLength, u'x') << QString() << none
                             << QStringList{QString(kMaxTagLength, u'x')};
    QTest::newRow("duplicate, other case") << QStringList{u"Plan"_qs} << u"#plan"_qs << QString()
                                           << int(TagError::Duplicate) << QStringList{u"Plan"_qs};
    QStringList full;
    for (int i = 0; i < kMaxTags; ++i)
        full.append(u"t%1"_qs.arg(i));
    QTest::newRow("too many") << full << u"one more"_qs << QString() << int(TagError::TooMany)
                              << full;
    QTest::newRow("remove") << QStringList{u"a"_qs, u"b"_qs, u"c"_qs} << QString() << u"b"_qs
                            << none << QStringList{u"a"_qs, u"c"_qs};
    QTest::newRow("remove, other case")
        << QStringList{u"Plan"_qs} << QString() << u"plan"_qs << none << QStringList{};
    QTest::newRow("remove a missing tag")
        << QStringList{u"a"_qs} << QString() << u"zzz"_qs << none << QStringList{u"a"_qs};
}

void TestDocumentStore::tags()
{
    QFETCH(QStringList, stored);
    QFETCH(QString, add);
    QFETCH(QString, remove);
    QFETCH(int, problem);
    QFETCH(QStringList, expected);
    const WriteResult doc = createDocument(m_store.get(), u"s1"_qs, u"T"_qs, u"one two three"_qs);
    QVERIFY(doc);
    // Another client's key in the metadata, which must stay.
    QJsonObject metadata = docs()->get(doc.id)->value(u"metadata"_qs).toObject();
    metadata.insert(u"tags"_qs, QJsonArray::fromStringList(stored));
    metadata.insert(u"color"_qs, u"blue"_qs);
    QVERIFY(docs()->update(doc.id, {{u"metadata"_qs, metadata}}));
    const QJsonObject before = *docs()->get(doc.id);

    const TagError result = add.isEmpty() ? removeTag(m_store.get(), doc.id, remove)
                                          : addTag(m_store.get(), doc.id, add);
    QCOMPARE(int(result), problem);
    const QJsonObject after = *docs()->get(doc.id);
    QCOMPARE(tagsOf(after), expected);
    if (expected == stored) // refused or nothing to do: nothing written
        QCOMPARE(after.value(u"updatedAt"_qs), before.value(u"updatedAt"_qs));
    const QJsonObject kept = after.value(u"metadata"_qs).toObject();
    QCOMPARE(kept.value(u"color"_qs).toString(), u"blue"_qs);
    QCOMPARE(kept.value(u"wordCount"_qs).toInt(), 3);
    QCOMPARE(int(addTag(m_store.get(), u"missing"_qs, u"x"_qs)), int(TagError::NoDocument));
}

// Each word may be in another field: title, content, short id.
void TestDocumentStore::searchAcrossFields_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("titles");   // the last changed first
    QTest::addColumn<QString>("snippetMatch"); // in the first hit's snippet

    QTest::newRow("title and content")
        << u"roadmap kickoff"_qs << QStringList{u"Roadmap"_qs} << u"kickoff"_qs;
    QTest::newRow("content and title")
        << u"kickoff ROADMAP"_qs << QStringList{u"Roadmap"_qs} << u"kickoff"_qs;
    QTest::newRow("short id and content")
        << u"CTX-1 monday"_qs << QStringList{u"Roadmap"_qs} << u"Monday"_qs;
    QTest::newRow("short id and title")
        << u"ctx-2 budget"_qs << QStringList{u"Budget review"_qs} << QString();
    QTest::newRow("accents over fields")
        << u"ubergabe budget"_qs << QStringList{u"Budget review"_qs} << u"Übergabe"_qs;
    QTest::newRow("one word in both documents")
        << u"monday"_qs << QStringList{u"Budget review"_qs, u"Roadmap"_qs} << u"Monday"_qs;
    QTest::newRow("words of two documents") << u"roadmap budget"_qs << QStringList{} << QString();
    QTest::newRow("a word nowhere") << u"roadmap cheese"_qs << QStringList{} << QString();
}

void TestDocumentStore::searchAcrossFields()
{
    QFETCH(QString, search);
    QFETCH(QStringList, titles);
    QFETCH(QString, snippetMatch);
    QVERIFY(
        createDocument(m_store.get(), u"s1"_qs, u"Roadmap"_qs, u"The kickoff is on Monday."_qs));
    QVERIFY(createDocument(m_store.get(), u"s1"_qs, u"Budget review"_qs,
                           u"Monday: the Übergabe of the numbers."_qs));
    const QList<SearchHit> hits = searchDocuments(m_store.get(), search);
    QStringList found;
    for (const SearchHit &hit : hits)
        found.append(hit.title);
    QCOMPARE(found, titles);
    if (!snippetMatch.isEmpty())
        QCOMPARE(hits.at(0).snippet.mid(hits.at(0).snippetStart, hits.at(0).snippetLength),
                 snippetMatch);
}

// The seeds' metadata is what a save would write: their wordCount is the
// count of their content, in both languages.
void TestDocumentStore::seedsCarryTheirCounts_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<int>("wordCount");
    static const ModuleCatalog catalog = ModuleCatalog::load();
    const ModuleInfo *info = catalog.info(u"context"_qs);
    QVERIFY(info);
    for (const SeedCollection &collection : info->seeds.collections) {
        if (collection.wireName != u"documents"_qs)
            continue;
        for (const SeedRecord &record : collection.records) {
            for (const QString &language : {u"en"_qs, u"de"_qs}) {
                const QJsonObject values = record.rawValues(language);
                QTest::newRow(qPrintable(record.id + u' ' + language))
                    << values.value(u"content"_qs).toString()
                    << values.value(u"metadata"_qs).toObject().value(u"wordCount"_qs).toInt();
            }
        }
    }
}

void TestDocumentStore::seedsCarryTheirCounts()
{
    QFETCH(QString, content);
    QFETCH(int, wordCount);
    QCOMPARE(countWords(content), wordCount);
}

QTEST_GUILESS_MAIN(TestDocumentStore)
#include "tst_documentstore.moc"
