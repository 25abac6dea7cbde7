// ManaDeck's list models and controller over a real store: the deck list's
// due counts following answers, a deck's cards in order, both under
// QAbstractItemModelTester; the controller's session (flip before answer,
// intervals per button, summary) with a set clock.
#include "cardmodels.h"
#include "cardscontroller.h"
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"

#include "query.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::cards;

class TestCardModels : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void deckListCounts();
    void deckListTurnsAtMidnight();
    void cardListInOrder();
    void controllerSession();
    void controllerImportAndExport();

private:
    Collection *cards() const { return m_store->collection(u"cards"_qs, u"cards"_qs); }
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    const QDateTime m_now{QDate(2026, 3, 10), QTime(9, 0)};
};

void TestCardModels::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"cards"_qs)->spec, &error), qPrintable(error));
    auto *decks = m_store->collection(u"cards"_qs, u"decks"_qs);
    QVERIFY(decks->insert({{u"id"_qs, u"b"_qs}, {u"name"_qs, u"Beta"_qs}}));
    QVERIFY(decks->insert({{u"id"_qs, u"a"_qs}, {u"name"_qs, u"alpha"_qs}}));
    for (int i = 0; i < 3; ++i)
        QVERIFY(cards()->insert({{u"id"_qs, u"c%1"_qs.arg(i)},
                                 {u"deckId"_qs, u"a"_qs},
                                 {u"front"_qs, u"F%1"_qs.arg(i)},
                                 {u"back"_qs, u"B"_qs},
                                 {u"order"_qs, 2 - i}}));
}

void TestCardModels::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestCardModels::deckListCounts()
{
    DeckListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(m_now);
    model.setStore(m_store.get());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.deckIdAt(0), u"a"_qs); // "alpha" before "Beta", case ignored
    QCOMPARE(model.data(model.index(0), DeckListModel::NewRole).toInt(), 3);
    QCOMPARE(model.data(model.index(0), DeckListModel::CardCountRole).toInt(), 3);
    QCOMPARE(model.data(model.index(1), DeckListModel::NewRole).toInt(), 0);
    StudySession session(m_store.get(), u"a"_qs, {}, [this] { return m_now; });
    QVERIFY(session.answer(u"c2"_qs, Answer::Again, 0));
    // The cards' change recounts.
    QCOMPARE(model.data(model.index(0), DeckListModel::NewRole).toInt(), 2);
    QCOMPARE(model.data(model.index(0), DeckListModel::LearningRole).toInt(), 1);
    QCOMPARE(model.roleNames().value(DeckListModel::ReviewRole), QByteArray("reviewCount"));
}

void TestCardModels::deckListTurnsAtMidnight()
{
    // A review due tomorrow morning: not counted today, counted once the
    // clock passes midnight while the list is open (no write, no reload).
    const QDateTime tomorrowMorning(QDate(2026, 3, 11), QTime(8, 0));
    QVERIFY(cards()->update(
        u"c0"_qs, {{u"intervalDays"_qs, 3},
                   {u"reviewCount"_qs, 2},
                   {u"nextReview"_qs, tomorrowMorning.toUTC().toString(Qt::ISODateWithMs)}}));
    QDateTime clock(QDate(2026, 3, 10), QTime(23, 59, 59, 200));
    DeckListModel model;
    model.setClock([&clock] { return clock; });
    model.setStore(m_store.get());
    QCOMPARE(model.data(model.index(0), DeckListModel::ReviewRole).toInt(), 0);
    // The model's day timer aims just past midnight; it reads this clock.
    clock = QDateTime(QDate(2026, 3, 11), QTime(9, 0));
    QTRY_COMPARE_WITH_TIMEOUT(model.data(model.index(0), DeckListModel::ReviewRole).toInt(), 1,
                              5000);
}

void TestCardModels::cardListInOrder()
{
    CardListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStore(m_store.get());
    QCOMPARE(model.rowCount(), 0);
    model.setDeckId(u"a"_qs);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.cardIdAt(0), u"c2"_qs);
    QCOMPARE(model.data(model.index(0), CardListModel::FrontRole).toString(), u"F2"_qs);
    QVERIFY(cards()->update(u"c1"_qs, {{u"front"_qs, u"changed"_qs}}));
    QCOMPARE(model.data(model.index(1), CardListModel::FrontRole).toString(), u"changed"_qs);
    QVERIFY(cards()->remove(u"c0"_qs));
    QCOMPARE(model.rowCount(), 2);
    model.setDeckId(u"b"_qs);
    QCOMPARE(model.rowCount(), 0);
}

void TestCardModels::controllerSession()
{
    CardsController controller;
    controller.setNow(m_now);
    controller.setStore(m_store.get());
    controller.startStudy(u"a"_qs);
    QVERIFY(controller.hasCard());
    QCOMPARE(controller.card().id, u"c2"_qs);
    QCOMPARE(controller.card().intervals, (QList<int>{0, 1, 1, 4}));
    QVERIFY(!controller.answer(3)); // not flipped yet
    controller.flip();
    QVERIFY(controller.flipped());
    QVERIFY(!controller.answer(5));
    QVERIFY(controller.answer(3));
    QCOMPARE(controller.card().id, u"c1"_qs);
    QVERIFY(!controller.flipped());
    QCOMPARE(controller.summary().studied, 1);
    QCOMPARE(controller.summary().again, 0);
    const QString added = controller.saveCard({}, u"a"_qs, u"New"_qs, u"Back"_qs);
    QVERIFY(!added.isEmpty());
    QCOMPARE(cards()->get(added)->value(u"order"_qs).toDouble(), 3.0);
    QCOMPARE(controller.saveCard(added, u"a"_qs, u"Edited"_qs, u"Back"_qs), added);
    QCOMPARE(cards()->get(added)->value(u"front"_qs).toString(), u"Edited"_qs);
    QCOMPARE(controller.saveCard({}, u"a"_qs, u"  "_qs, u"x"_qs), QString());
    QVERIFY(!controller.createDeck(u"Gamma"_qs).isEmpty());
    QCOMPARE(controller.createDeck(u" "_qs), QString());
    controller.endStudy();
    QVERIFY(!controller.hasCard());
}

void TestCardModels::controllerImportAndExport()
{
    CardsController controller;
    controller.setStore(m_store.get());
    QTemporaryDir dir;
    QFile bad(dir.filePath(u"bad.txt"_qs));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("q\ta\nno back\n");
    bad.close();
    QCOMPARE(controller.importFile(QUrl::fromLocalFile(bad.fileName()), u"b"_qs, u"de"_qs), -1);
    QCOMPARE(controller.importError(),
             u"Zeile 2 hat eine Vorderseite, aber keine Rückseite: Es wurde nichts importiert."_qs);
    QFile good(dir.filePath(u"good.txt"_qs));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write("#separator:tab\n#html:false\n#tags column:3\nq1\ta1\tx\nq2\ta2\t\n");
    good.close();
    QCOMPARE(controller.importFile(QUrl::fromLocalFile(good.fileName()), u"b"_qs, u"en"_qs), 2);
    QVERIFY(controller.undoStep() > 0);
    QVERIFY(controller.importError().isEmpty());
    const QString out = dir.filePath(u"out.txt"_qs);
    QVERIFY(controller.exportFile(QUrl::fromLocalFile(out), u"b"_qs, u"en"_qs));
    QFile written(out);
    QVERIFY(written.open(QIODevice::ReadOnly));
    // The tag read in comes back out.
    QCOMPARE(written.readAll(),
             QByteArray("#separator:tab\n#html:false\n#tags column:3\nq1\ta1\tx\nq2\ta2\t\n"));
    // A folder that does not exist: refused with a sentence, nothing written.
    const QString nowhere = dir.filePath(u"no/such/folder/out.txt"_qs);
    QVERIFY(!controller.exportFile(QUrl::fromLocalFile(nowhere), u"b"_qs, u"en"_qs));
    QCOMPARE(controller.importError(), u"The file could not be written."_qs);
    QVERIFY(!QFile::exists(nowhere));
    QVERIFY(m_store->undo(controller.undoStep()));
    Query deckB;
    deckB.where(u"deckId"_qs, Query::Op::Equal, u"b"_qs);
    QCOMPARE(cards()->count(deckB), 0);
}

QTEST_MAIN(TestCardModels)
#include "tst_cardmodels.moc"
