// ZitareController and QuoteModel over a real store with the zitare
// module: favourites and lists over corpus ids (an unknown id is a missing
// row, not dropped), search in C++, copy and export, the quote of the day;
// the model under QAbstractItemModelTester.
#include "localstore.h"
#include "modulecatalog.h"
#include "quotecorpus.h"
#include "quotemodel.h"
#include "quoteoftheday.h"
#include "zitarecontroller.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::zitare;

class TestZitareController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void quoteOfTheDayFollowsTheDate();
    void favoriteToggles();
    void duplicateFavouritesAreOneAndAllGo();
    void listsAddRemoveAndRename();
    void unknownIdsAreMissingRows();
    void modelViews_data();
    void modelViews();
    void searchNarrowsEveryView();
    void heartKeepsTheRows();
    void copyPutsTheTextOnTheClipboard();
    void exportWritesTheFile();
    void exportRefusalIsASentence();

private:
    Collection *favorites() const { return m_store->collection(u"zitare"_qs, u"favorites"_qs); }
    Collection *lists() const { return m_store->collection(u"zitare"_qs, u"lists"_qs); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ZitareController> m_controller;
};

void TestZitareController::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY(catalog.info(u"zitare"));
    QVERIFY2(m_store->addModule(catalog.info(u"zitare")->spec, &error), qPrintable(error));
    m_controller = std::make_unique<ZitareController>();
    m_controller->setStore(m_store.get());
}

void TestZitareController::cleanup()
{
    m_controller.reset();
    m_store.reset();
    m_dir.reset();
}

void TestZitareController::quoteOfTheDayFollowsTheDate()
{
    QSignalSpy changed(m_controller.get(), &ZitareController::quoteOfTheDayChanged);
    m_controller->setToday(QDate(2027, 5, 1));
    QCOMPARE(changed.count(), 1);
    const QuoteEntry day = m_controller->quoteOfTheDay();
    QCOMPARE(day.id, quoteOfTheDay(QDate(2027, 5, 1), QuoteCorpus::bundled()));
    QVERIFY(!day.missing);
    QVERIFY(!day.text.isEmpty());
    QVERIFY(day.attribution.startsWith(day.author));
    m_controller->setLanguage(u"de"_qs);
    QCOMPARE(m_controller->todayText(), u"Samstag, 1. Mai"_qs);
    m_controller->setLanguage(u"en"_qs);
    QCOMPARE(m_controller->todayText(), u"Saturday, 1 May"_qs);
    QVERIFY(m_controller->setFavorite(day.id, true));
    QVERIFY(m_controller->quoteOfTheDay().favorite);
}

void TestZitareController::favoriteToggles()
{
    const QString id = u"kant-aufklaerung-sapere-aude"_qs;
    QSignalSpy changed(m_controller.get(), &ZitareController::favoritesChanged);
    QVERIFY(!m_controller->isFavorite(id));
    QVERIFY(m_controller->toggleFavorite(id));
    QVERIFY(m_controller->isFavorite(id));
    QCOMPARE(m_controller->favoriteIds(), QStringList{id});
    QCOMPARE(favorites()->count(), 1);
    QCOMPARE(favorites()->query().first().value(u"quoteId"_qs).toString(), id);
    QVERIFY(m_controller->setFavorite(id, true)); // already: no second record
    QCOMPARE(favorites()->count(), 1);
    QVERIFY(m_controller->toggleFavorite(id));
    QVERIFY(!m_controller->isFavorite(id));
    QCOMPARE(favorites()->count(), 0);
    QCOMPARE(changed.count(), 2);
}

void TestZitareController::duplicateFavouritesAreOneAndAllGo()
{
    // Two devices favourited the same quote: one row, and un-favouriting
    // removes both records.
    const QString id = u"heine-buch-der-lieder-loreley"_qs;
    QVERIFY(favorites()->insert({{u"quoteId"_qs, id}}));
    QVERIFY(favorites()->insert({{u"quoteId"_qs, id}}));
    QCOMPARE(m_controller->favoriteIds(), QStringList{id});
    QVERIFY(m_controller->setFavorite(id, false));
    QCOMPARE(favorites()->count(), 0);
    QVERIFY(m_controller->favoriteIds().isEmpty());
}

void TestZitareController::listsAddRemoveAndRename()
{
    QCOMPARE(m_controller->createList(u"  "_qs), QString());
    const QString listId = m_controller->createList(u"Mut"_qs, u"Für schwere Tage"_qs);
    QVERIFY(!listId.isEmpty());
    QCOMPARE(m_controller->lists().size(), 1);
    QCOMPARE(m_controller->list(listId).name, u"Mut"_qs);
    QCOMPARE(m_controller->list(listId).description, u"Für schwere Tage"_qs);
    QVERIFY(m_controller->addToList(listId, u"schiller-tell-meister"_qs));
    QVERIFY(m_controller->addToList(listId, u"goethe-faust-2-freiheit"_qs));
    QVERIFY(m_controller->addToList(listId, u"schiller-tell-meister"_qs)); // once only
    QCOMPARE(m_controller->list(listId).quoteIds,
             (QStringList{u"schiller-tell-meister"_qs, u"goethe-faust-2-freiheit"_qs}));
    QCOMPARE(m_controller->list(listId).count, 2);
    QVERIFY(m_controller->listContains(listId, u"goethe-faust-2-freiheit"_qs));
    QCOMPARE(lists()->get(listId)->value(u"quoteIds"_qs).toArray().size(), 2);
    QVERIFY(m_controller->removeFromList(listId, u"schiller-tell-meister"_qs));
    QCOMPARE(m_controller->list(listId).quoteIds, QStringList{u"goethe-faust-2-freiheit"_qs});
    QVERIFY(m_controller->renameList(listId, u"Courage"_qs, QString()));
    QCOMPARE(m_controller->list(listId).name, u"Courage"_qs);
    QCOMPARE(m_controller->list(listId).description, QString());
    QVERIFY(!m_controller->addToList(u"no-such-list"_qs, u"schiller-tell-meister"_qs));
    // Lists come by name, ignoring case.
    m_controller->createList(u"apfel"_qs);
    m_controller->createList(u"Zitrone"_qs);
    QStringList names;
    for (const QuoteListEntry &list : m_controller->lists())
        names.append(list.name);
    QCOMPARE(names, (QStringList{u"apfel"_qs, u"Courage"_qs, u"Zitrone"_qs}));
}

void TestZitareController::unknownIdsAreMissingRows()
{
    QVERIFY(favorites()->insert({{u"quoteId"_qs, u"quote-seneca-luck"_qs}}));
    const WriteResult list =
        lists()->insert({{u"name"_qs, u"Old"_qs},
                         {u"quoteIds"_qs, QJsonArray{u"quote-goethe-knowing"_qs,
                                                     u"kant-reine-vernunft-leer-blind"_qs}}});
    QVERIFY(list);
    QuoteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(m_controller.get());
    model.setView(ZitareView::Favorites);
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.get(0).id, u"quote-seneca-luck"_qs);
    QVERIFY(model.get(0).missing);
    QVERIFY(model.data(model.index(0), QuoteModel::MissingRole).toBool());
    model.setView(ZitareView::List);
    model.setListId(list.id);
    QCOMPARE(model.count(), 2);
    QVERIFY(model.get(0).missing);
    QVERIFY(!model.get(1).missing);
    // The missing row can be removed from where it is.
    QVERIFY(m_controller->removeFromList(list.id, u"quote-goethe-knowing"_qs));
    QCOMPARE(model.count(), 1);
    QVERIFY(m_controller->setFavorite(u"quote-seneca-luck"_qs, false));
    QVERIFY(m_controller->favoriteIds().isEmpty());
    QCOMPARE(m_controller->clipboardText(u"quote-seneca-luck"_qs), QString());
}

void TestZitareController::modelViews_data()
{
    QTest::addColumn<int>("view");
    QTest::addColumn<QString>("author");
    QTest::addColumn<int>("count");
    const QuoteCorpus &corpus = QuoteCorpus::bundled();
    QTest::newRow("all") << int(ZitareView::All) << QString() << int(corpus.size());
    QTest::newRow("author") << int(ZitareView::Author) << u"Georg Büchner"_qs << 3;
    QTest::newRow("unknown author") << int(ZitareView::Author) << u"Nobody"_qs << 0;
    QTest::newRow("favourites, none") << int(ZitareView::Favorites) << QString() << 0;
    QTest::newRow("list, none chosen") << int(ZitareView::List) << QString() << 0;
}

void TestZitareController::modelViews()
{
    QFETCH(int, view);
    QFETCH(QString, author);
    QFETCH(int, count);
    QuoteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(m_controller.get());
    model.setView(view);
    model.setAuthor(author);
    QCOMPARE(model.rowCount(), count);
    QCOMPARE(model.unfilteredCount(), count);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QuoteEntry entry = model.get(row);
        QVERIFY(!entry.missing);
        QCOMPARE(model.data(model.index(row), QuoteModel::IdRole).toString(), entry.id);
        QCOMPARE(model.data(model.index(row), QuoteModel::QuoteRole).value<QuoteEntry>(), entry);
        if (!author.isEmpty())
            QCOMPARE(entry.author, author);
    }
    QCOMPARE(model.get(-1).id, QString());
    QCOMPARE(model.get(model.rowCount()).id, QString());
}

void TestZitareController::searchNarrowsEveryView()
{
    m_controller->setFavorite(u"goethe-faust-1-zwei-seelen"_qs, true);
    m_controller->setFavorite(u"shakespeare-hamlet-to-be"_qs, true);
    m_controller->setFavorite(u"no-longer-there"_qs, true);
    QuoteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(m_controller.get());
    model.setView(ZitareView::Favorites);
    QCOMPARE(model.count(), 3);
    QCOMPARE(model.get(0).id, u"no-longer-there"_qs); // newest first
    model.setSearchText(u"seelen"_qs);
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.unfilteredCount(), 3);
    QCOMPARE(model.get(0).id, u"goethe-faust-1-zwei-seelen"_qs);
    model.setView(ZitareView::All);
    QCOMPARE(model.count(), QuoteCorpus::bundled().search(u"seelen"_qs).size());
    model.setSearchText(u"shakespeare hamlet"_qs);
    QCOMPARE(model.count(), QuoteCorpus::bundled().byAuthor(u"William Shakespeare"_qs).size() > 0
                                ? QuoteCorpus::bundled().search(u"shakespeare hamlet"_qs).size()
                                : 0);
    QVERIFY(model.count() >= 10);
    QCOMPARE(model.rowOf(u"shakespeare-hamlet-to-be"_qs) >= 0, true);
    QCOMPARE(model.rowOf(u"goethe-faust-1-zwei-seelen"_qs), -1);
}

void TestZitareController::heartKeepsTheRows()
{
    QuoteModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setController(m_controller.get());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QString id = u"twain-puddnhead-basket"_qs;
    const int row = model.rowOf(id);
    QVERIFY(row >= 0);
    QVERIFY(m_controller->toggleFavorite(id));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), row);
    QVERIFY(model.data(model.index(row), QuoteModel::FavoriteRole).toBool());
}

void TestZitareController::copyPutsTheTextOnTheClipboard()
{
    QSignalSpy copied(m_controller.get(), &ZitareController::copied);
    QVERIFY(m_controller->copyQuote(u"lessing-nathan-muessen"_qs));
    QCOMPARE(copied.count(), 1);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             u"«Kein Mensch muß müssen.» — Gotthold Ephraim Lessing, Nathan der Weise (1779)"_qs);
    QVERIFY(!m_controller->copyQuote(u"not-in-the-corpus"_qs));
}

void TestZitareController::exportWritesTheFile()
{
    const QString listId = m_controller->createList(u"Inspiration"_qs);
    m_controller->addToList(listId, u"shakespeare-hamlet-to-be"_qs);
    m_controller->addToList(listId, u"gone-for-good"_qs);
    QCOMPARE(m_controller->suggestedFileName(listId), u"Inspiration.md"_qs);
    QCOMPARE(m_controller->suggestedFileName(QString()), u"Favourites.md"_qs);
    QSignalSpy exported(m_controller.get(), &ZitareController::exported);
    const QString path = m_dir->filePath(u"inspiration.md"_qs);
    QVERIFY(m_controller->exportList(listId, QUrl::fromLocalFile(path)));
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.first().first().toString(), u"inspiration.md"_qs);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.startsWith(u"# Inspiration\n"_qs));
    QVERIFY(text.contains(u"> — William Shakespeare, *Hamlet* (1603)"_qs));
    QVERIFY(text.contains(u"gone-for-good"_qs)); // the missing quote is named, not dropped

    m_controller->setFavorite(u"shakespeare-hamlet-to-be"_qs, true);
    const QString textPath = m_dir->filePath(u"favourites.txt"_qs);
    QVERIFY(m_controller->exportFavorites(QUrl::fromLocalFile(textPath)));
    QFile textFile(textPath);
    QVERIFY(textFile.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(textFile.readAll()),
             u"Favourites\n\n«To be, or not to be: that is the question.»\n"
             "— William Shakespeare, Hamlet (1603)\n"_qs);
}

void TestZitareController::exportRefusalIsASentence()
{
    m_controller->setFavorite(u"shakespeare-hamlet-to-be"_qs, true);
    QVERIFY(!m_controller->exportFavorites(
        QUrl::fromLocalFile(m_dir->filePath(u"no/such/folder/f.md"_qs))));
    QVERIFY(m_controller->lastError().startsWith(u"“f.md” could not be saved: "_qs));
}

QTEST_MAIN(TestZitareController)
#include "tst_zitarecontroller.moc"
