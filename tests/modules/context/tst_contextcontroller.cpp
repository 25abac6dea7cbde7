// Context's page controller and lists over a real store: typed text saved
// after the pause, on a switch, on destruction and at quit, never lost;
// counts following the text; pins reordering the lists; the search's
// results; import refusing what is not UTF-8 text or too large.
#include "collection.h"
#include "contextcontroller.h"
#include "contextmodels.h"
#include "documentstore.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::context;

class TestContextController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typedTextSavedAfterThePause();
    void switchingSavesAtOnce();
    void destroyingSaves();
    void quittingSaves();
    void countsFollowTheText();
    void previewFollowsTheText();
    void remoteChangeShownWhenNothingIsTyped();
    void pinsOrderTheLists();
    void searchResults();
    void tagsSaveTheTypedTextFirst();
    void importAndExport_data();
    void importAndExport();

private:
    Collection *docs() const { return m_store->collection(u"context"_qs, u"documents"_qs); }
    QString content(const QString &id) const
    {
        return docs()->get(id)->value(u"content"_qs).toString();
    }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestContextController::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"context"_qs)->spec, &error), qPrintable(error));
}

void TestContextController::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestContextController::typedTextSavedAfterThePause()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setSaveDelay(50);
    const QString space = controller.saveSpace({}, u"Work"_qs, u"w"_qs);
    QVERIFY(!space.isEmpty());
    const QString id = controller.createDocument(space, u"Draft"_qs);
    QCOMPARE(controller.documentId(), id);
    QCOMPARE(controller.shortId(), u"W-1"_qs);
    QSignalSpy saved(&controller, &ContextController::saved);
    controller.edit(u"H"_qs);
    controller.edit(u"He"_qs);
    controller.edit(u"Hello"_qs);
    controller.editTitle(u"Greeting"_qs);
    QVERIFY(controller.dirty());
    QCOMPARE(content(id), QString()); // not at every key
    QVERIFY(saved.wait(1000));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!controller.dirty());
    QCOMPARE(content(id), u"Hello"_qs);
    QCOMPARE(docs()->get(id)->value(u"title"_qs).toString(), u"Greeting"_qs);
    QCOMPARE(docs()->get(id)->value(u"metadata"_qs).toObject().value(u"wordCount"_qs), 1);
}

void TestContextController::switchingSavesAtOnce()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setSaveDelay(60000);
    const QString first = controller.createDocument({}, u"First"_qs);
    const QString second = controller.createDocument({}, u"Second"_qs);
    QVERIFY(controller.openDocument(first));
    controller.edit(u"typed into the first"_qs);
    QVERIFY(controller.openDocument(second));
    QCOMPARE(content(first), u"typed into the first"_qs);
    QCOMPARE(controller.text(), QString());
    controller.openDocument(first);
    QCOMPARE(controller.text(), u"typed into the first"_qs);
    // A new document saves the typed one too.
    controller.edit(u"more"_qs);
    controller.createDocument({}, u"Third"_qs);
    QCOMPARE(content(first), u"more"_qs);
}

// A tag added while typed text waits: the text is saved first, so the
// metadata holds the tag and the count of the text as shown; a synced
// change of the tags shows.
void TestContextController::tagsSaveTheTypedTextFirst()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setSaveDelay(60000);
    const QString id = controller.createDocument({}, u"Doc"_qs);
    QSignalSpy changed(&controller, &ContextController::documentChanged);
    controller.edit(u"three typed words"_qs);
    QCOMPARE(controller.addTag(u"#Ideas"_qs), int(TagProblem::None));
    QVERIFY(!controller.dirty());
    QCOMPARE(controller.tags(), QStringList{u"Ideas"_qs});
    QVERIFY(changed.count() > 0);
    const QJsonObject metadata = docs()->get(id)->value(u"metadata"_qs).toObject();
    QCOMPARE(metadata.value(u"tags"_qs).toArray(), QJsonArray{u"Ideas"_qs});
    QCOMPARE(metadata.value(u"wordCount"_qs).toInt(), 3);
    QCOMPARE(content(id), u"three typed words"_qs);
    QCOMPARE(controller.addTag(u"ideas"_qs), int(TagProblem::Duplicate));
    QCOMPARE(controller.addTag(u" "_qs), int(TagProblem::Empty));
    // The text saved with the tag stays: a later save keeps the tags.
    controller.edit(u"now four typed words"_qs);
    QVERIFY(controller.save());
    QCOMPARE(tagsOf(*docs()->get(id)), QStringList{u"Ideas"_qs});
    // Removed, and one from elsewhere (sync) shows.
    QCOMPARE(controller.removeTag(u"IDEAS"_qs), int(TagProblem::None));
    QCOMPARE(controller.tags(), QStringList());
    QJsonObject synced = docs()->get(id)->value(u"metadata"_qs).toObject();
    synced.insert(u"tags"_qs, QJsonArray{u"from-web"_qs});
    QVERIFY(docs()->update(id, {{u"metadata"_qs, synced}}));
    QCOMPARE(controller.tags(), QStringList{u"from-web"_qs});
    controller.openDocument({});
    QCOMPARE(controller.addTag(u"x"_qs), int(TagProblem::NoDocument));
}

void TestContextController::destroyingSaves()
{
    QString id;
    {
        ContextController controller;
        controller.setStore(m_store.get());
        controller.setSaveDelay(60000);
        id = controller.createDocument({}, u"Doc"_qs);
        controller.edit(u"last words"_qs);
    }
    QCOMPARE(content(id), u"last words"_qs);
}

void TestContextController::quittingSaves()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setSaveDelay(60000);
    const QString id = controller.createDocument({}, u"Doc"_qs);
    controller.edit(u"before quit"_qs);
    QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit");
    QCOMPARE(content(id), u"before quit"_qs);
    QVERIFY(!controller.dirty());
}

void TestContextController::countsFollowTheText()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.createDocument({}, u"Doc"_qs);
    QCOMPARE(controller.wordCount(), 0);
    QSignalSpy counts(&controller, &ContextController::countsChanged);
    controller.edit(u"# Hello **world**"_qs);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(controller.wordCount(), 2);
    QCOMPARE(controller.characterCount(), 17);
    QCOMPARE(controller.tokenEstimate(), 5);
    // A long text is counted after a pause in typing.
    const QString longText = u"word "_qs.repeated(20000);
    controller.edit(longText);
    QCOMPARE(controller.wordCount(), 2);
    QTRY_COMPARE(controller.wordCount(), 20000);
}

void TestContextController::previewFollowsTheText()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setLinkColor(QColor(u"#123456"_qs));
    const QString id = controller.createDocument({}, u"Doc"_qs);
    QVERIFY(controller.previewHtml().isEmpty());
    QSignalSpy preview(&controller, &ContextController::previewChanged);
    controller.edit(u"# Head\n\nSee [docs](https://x.org) and `code`."_qs);
    QVERIFY(preview.wait(1000));
    const QString html = controller.previewHtml();
    QVERIFY(html.contains(u"Head"_qs));
    QVERIFY(!html.contains(u"# Head"_qs));
    QVERIFY(html.contains(u"href=\"https://x.org\""_qs));
    QVERIFY2(html.contains(u"#123456"_qs), qPrintable(html)); // the theme's link colour
    QVERIFY(html.contains(u"margin-bottom:10px"_qs));         // paragraphs spaced
    // The save of this text, coming back as a change, renders nothing.
    preview.clear();
    QVERIFY(controller.save());
    QCOMPARE(preview.count(), 0);
    // A document opens with its preview at once.
    controller.openDocument({});
    QVERIFY(controller.previewHtml().isEmpty());
    controller.openDocument(id);
    QVERIFY(controller.previewHtml().contains(u"docs"_qs));
}

void TestContextController::remoteChangeShownWhenNothingIsTyped()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setSaveDelay(60000);
    const QString id = controller.createDocument({}, u"Doc"_qs);
    QVERIFY(docs()->update(id, {{u"content"_qs, u"from another device"_qs}}));
    QCOMPARE(controller.text(), u"from another device"_qs);
    controller.edit(u"mine"_qs);
    QVERIFY(docs()->update(id, {{u"title"_qs, u"Renamed"_qs}}));
    QCOMPARE(controller.text(), u"mine"_qs); // typed text is not replaced
    QVERIFY(controller.save());
    QCOMPARE(content(id), u"mine"_qs);
    // Deleted elsewhere: the editor closes it.
    QVERIFY(docs()->remove(id));
    QCOMPARE(controller.documentId(), QString());
}

void TestContextController::pinsOrderTheLists()
{
    ContextController controller;
    controller.setStore(m_store.get());
    const QString beta = controller.saveSpace({}, u"beta"_qs, {});
    const QString alpha = controller.saveSpace({}, u"Alpha"_qs, {});
    SpaceListModel spaces;
    QAbstractItemModelTester spaceTester(&spaces);
    spaces.setStore(m_store.get());
    QCOMPARE(spaces.spaceIdAt(0), alpha);
    QVERIFY(controller.setSpacePinned(beta, true));
    QCOMPARE(spaces.spaceIdAt(0), beta);

    DocumentListModel documents;
    QAbstractItemModelTester docTester(&documents);
    documents.setStore(m_store.get());
    documents.setSpaceId(alpha);
    const QString a = controller.createDocument(alpha, u"A"_qs);
    QTest::qWait(5);
    const QString b = controller.createDocument(alpha, u"B"_qs);
    controller.createDocument(beta, u"Elsewhere"_qs);
    QCOMPARE(documents.rowCount(), 2);
    QCOMPARE(documents.documentIdAt(0), b); // newest first
    QVERIFY(controller.setDocumentPinned(a, true));
    QCOMPARE(documents.documentIdAt(0), a);
    QCOMPARE(documents.data(documents.index(0), DocumentListModel::PinnedRole).toBool(), true);
    // An edit of the unpinned one moves it up among the unpinned only.
    controller.openDocument(b);
    controller.edit(u"# B\n\nFirst line of **B**"_qs);
    QVERIFY(controller.save());
    QCOMPARE(documents.documentIdAt(0), a);
    QCOMPARE(documents.data(documents.index(1), DocumentListModel::FirstLineRole).toString(),
             u"First line of B"_qs);
    documents.setSpaceId({});
    QCOMPARE(documents.rowCount(), 3);
}

void TestContextController::searchResults()
{
    ContextController controller;
    controller.setStore(m_store.get());
    controller.setSaveDelay(60000);
    const QString space = controller.saveSpace({}, u"Research"_qs, u"R"_qs);
    const QString id = controller.createDocument(space, u"Paper"_qs);
    controller.edit(u"## Some **<text>** about tokenizers & `models`"_qs);
    // The typed text is searched without waiting for the save.
    controller.search(u"tokenizer"_qs);
    QCOMPARE(controller.searchResults().size(), 1);
    const QVariantMap hit = controller.searchResults().first().toMap();
    QCOMPARE(hit.value(u"documentId"_qs).toString(), id);
    QCOMPARE(hit.value(u"spaceName"_qs).toString(), u"Research"_qs);
    QCOMPARE(hit.value(u"position"_qs).toInt(), 25);
    QCOMPARE(hit.value(u"length"_qs).toInt(), 9);
    // Escaped, the match in bold, without the Markdown marks.
    QCOMPARE(hit.value(u"snippet"_qs).toString(),
             u"Some &lt;text&gt; about <b>tokenizer</b>s &amp; models"_qs);
    controller.search(QString());
    QVERIFY(controller.searchResults().isEmpty());
}

void TestContextController::importAndExport_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("content");
    QTest::newRow("markdown") << QByteArray("# Title\r\n\r\nText with \xc3\xbc")
                              << int(FileError::None) << u"# Title\n\nText with ü"_qs;
    QTest::newRow("bom dropped") << QByteArray("\xef\xbb\xbfHi") << int(FileError::None)
                                 << u"Hi"_qs;
    QTest::newRow("empty file") << QByteArray() << int(FileError::None) << QString();
    QTest::newRow("latin-1 is not UTF-8")
        << QByteArray("Gr\xfc\xdf") << int(FileError::NotText) << QString();
    QTest::newRow("binary") << QByteArray("PNG\0\0\x01", 6) << int(FileError::NotText) << QString();
    QTest::newRow("too large") << QByteArray(ContextController::kMaxImportBytes + 1, 'a')
                               << int(FileError::TooLarge) << QString();
}

void TestContextController::importAndExport()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, error);
    QFETCH(QString, content);
    ContextController controller;
    controller.setStore(m_store.get());
    const QString path = m_dir->filePath(u"My notes.md"_qs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    const int before = docs()->count();
    const QString id = controller.importFile(QUrl::fromLocalFile(path), {});
    QCOMPARE(controller.fileError(), error);
    if (error != FileError::None) {
        QVERIFY(id.isEmpty());
        QCOMPARE(docs()->count(), before); // nothing half written
        return;
    }
    QCOMPARE(controller.documentId(), id);
    QCOMPARE(controller.title(), u"My notes"_qs);
    QCOMPARE(this->content(id), content);
    QCOMPARE(controller.exportFileName(), u"My notes.md"_qs);
    const QString out = m_dir->filePath(u"out.md"_qs);
    QVERIFY(controller.exportFile(QUrl::fromLocalFile(out)));
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(written.readAll()), content);
    QVERIFY(!controller.exportFile(QUrl::fromLocalFile(m_dir->filePath(u"no/such/dir/x.md"_qs))));
    QCOMPARE(controller.fileError(), int(FileError::Unwritable));
}

QTEST_MAIN(TestContextController)
#include "tst_contextcontroller.moc"
