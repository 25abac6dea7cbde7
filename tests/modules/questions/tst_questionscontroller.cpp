// The page's C++ over a real store: answers whose citations came from sync
// malformed are shown with none (never a crash), the answers' order, the
// collections' counts, refusals as sentences with the editor's row, and
// the list model's rows and answer counts following the store.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "questionlistmodel.h"
#include "questionscontroller.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::questions;

class TestQuestionsController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void malformedCitationsShowAsNone_data();
    void malformedCitationsShowAsNone();
    void acceptedAnswerComesFirst();
    void countsPerCollection();
    void refusedSourceNamesItsRow();
    void acceptOffersOneUndo();
    void listModelFollowsTheStore();

private:
    Collection *collection(const QString &name) const
    {
        return m_store->collection(u"questions"_qs, name);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<QuestionsController> m_controller;
};

void TestQuestionsController::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"questions")->spec, &error), qPrintable(error));
    QVERIFY(collection(u"collections"_qs)->insert({{u"id"_qs, u"c"_qs}, {u"name"_qs, u"C"_qs}}));
    QVERIFY(
        collection(u"questions"_qs)
            ->insert({{u"id"_qs, u"q"_qs}, {u"title"_qs, u"Q"_qs}, {u"collectionId"_qs, u"c"_qs}}));
    m_controller = std::make_unique<QuestionsController>();
    m_controller->setStore(m_store.get());
}

void TestQuestionsController::cleanup()
{
    m_controller.reset();
    m_store.reset();
    m_dir.reset();
}

void TestQuestionsController::malformedCitationsShowAsNone_data()
{
    QTest::addColumn<QJsonValue>("citations");
    QTest::addColumn<int>("shown");
    QTest::addColumn<bool>("damaged");

    QTest::newRow("text that is not JSON") << QJsonValue(u"[{\"url\":"_qs) << 0 << true;
    QTest::newRow("an object") << QJsonValue(QJsonObject{{u"url"_qs, u"https://a.org"_qs}}) << 0
                               << true;
    QTest::newRow("a javascript link")
        << QJsonValue(QJsonArray{QJsonObject{{u"url"_qs, u"javascript:alert(1)"_qs}}}) << 0 << true;
    QTest::newRow("one good, one number")
        << QJsonValue(QJsonArray{QJsonObject{{u"url"_qs, u"https://a.org"_qs}}, 5}) << 1 << true;
    QTest::newRow("fine") << QJsonValue(QJsonArray{QJsonObject{{u"url"_qs, u"https://a.org"_qs}}})
                          << 1 << false;
}

void TestQuestionsController::malformedCitationsShowAsNone()
{
    QFETCH(QJsonValue, citations);
    QFETCH(int, shown);
    QFETCH(bool, damaged);
    QVERIFY(collection(u"answers"_qs)
                ->insert({{u"questionId"_qs, u"q"_qs},
                          {u"content"_qs, u"A"_qs},
                          {u"citations"_qs, citations},
                          {u"rating"_qs, 9}}));
    const QList<AnswerItem> answers = m_controller->answers(u"q"_qs);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers[0].citations.size(), shown);
    QCOMPARE(answers[0].citationsDamaged, damaged);
    QCOMPARE(answers[0].rating, 0); // a synced 9 is no rating
}

void TestQuestionsController::acceptedAnswerComesFirst()
{
    Collection *answers = collection(u"answers"_qs);
    QVERIFY(answers->insert(
        {{u"id"_qs, u"a1"_qs}, {u"questionId"_qs, u"q"_qs}, {u"content"_qs, u"1"_qs}}));
    QVERIFY(answers->insert({{u"id"_qs, u"a2"_qs},
                             {u"questionId"_qs, u"q"_qs},
                             {u"content"_qs, u"2"_qs},
                             {u"rating"_qs, 4}}));
    QVERIFY(answers->insert({{u"id"_qs, u"a3"_qs},
                             {u"questionId"_qs, u"q"_qs},
                             {u"content"_qs, u"3"_qs},
                             {u"isAccepted"_qs, true}}));
    QStringList order;
    for (const AnswerItem &answer : m_controller->answers(u"q"_qs))
        order.append(answer.id);
    QCOMPARE(order, (QStringList{u"a3"_qs, u"a2"_qs, u"a1"_qs}));
}

void TestQuestionsController::countsPerCollection()
{
    QCOMPARE(m_controller->totalCount(), 1);
    QCOMPARE(m_controller->collections().size(), 1);
    QCOMPARE(m_controller->collections()[0].count, 1);
    QVERIFY(!m_controller->createQuestion(u"Another"_qs, u"c"_qs, u"open"_qs, {}).isEmpty());
    QVERIFY(!m_controller->createQuestion(u"Loose"_qs, {}, {}, {}).isEmpty());
    QCOMPARE(m_controller->totalCount(), 3);
    QCOMPARE(m_controller->collections()[0].count, 2);
    QVERIFY(m_controller->createQuestion(u"  "_qs, {}, {}, {}).isEmpty());
    QCOMPARE(m_controller->lastError(), u"Type the question first."_qs);
}

void TestQuestionsController::refusedSourceNamesItsRow()
{
    const QVariantList rows{QVariantMap{{u"url"_qs, u"https://a.org"_qs}},
                            QVariantMap{{u"url"_qs, u"file:///etc/passwd"_qs}}};
    QVERIFY(m_controller->addAnswer(u"q"_qs, u"Text"_qs, rows).isEmpty());
    QCOMPARE(m_controller->citationErrorRow(), 1);
    QVERIFY(m_controller->lastError().startsWith(u"Source 2 "_qs));
    QCOMPARE(collection(u"answers"_qs)->count(), 0);
    QVERIFY(!m_controller->addAnswer(u"q"_qs, u"Text"_qs, rows.mid(0, 1)).isEmpty());
    QCOMPARE(m_controller->citationErrorRow(), -1);
    QVERIFY(m_controller->lastError().isEmpty());
}

void TestQuestionsController::acceptOffersOneUndo()
{
    const QString answer = m_controller->addAnswer(u"q"_qs, u"Text"_qs, {});
    QSignalSpy offered(m_controller.get(), &QuestionsController::undoOffered);
    QVERIFY(m_controller->acceptAnswer(answer));
    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered[0][1].toString(), u"Answer accepted"_qs);
    QCOMPARE(m_controller->question(u"q"_qs).status, u"answered"_qs);
    QVERIFY(m_store->undo(offered[0][0].toInt()));
    QCOMPARE(m_controller->question(u"q"_qs).status, u"open"_qs);
    // A rating is one write: no undo step offered.
    QVERIFY(m_controller->setRating(answer, 3));
    QCOMPARE(offered.size(), 1);
}

void TestQuestionsController::listModelFollowsTheStore()
{
    QuestionListModel model;
    QAbstractItemModelTester tester(&model);
    model.setStore(m_store.get());
    model.setStatus(u"open"_qs);
    QTRY_COMPARE(model.rowCount(), 1);
    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, QuestionListModel::AnswerCountRole).toInt(), 0);
    QVERIFY(!m_controller->addAnswer(u"q"_qs, u"Text"_qs, {}).isEmpty());
    QCOMPARE(model.data(model.index(0), QuestionListModel::AnswerCountRole).toInt(), 1);
    QVERIFY(m_controller->moveStatus(u"q"_qs, 1));
    QTRY_COMPARE(model.rowCount(), 0);
    model.setStatus({});
    model.setText(u"text"_qs); // the answer's word
    QTRY_COMPARE(model.rowCount(), 1);
    model.setTag(u"nothing"_qs);
    QTRY_COMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestQuestionsController)
#include "tst_questionscontroller.moc"
