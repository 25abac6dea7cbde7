// The actions over a real store with the questions module: accepting an
// answer (one accepted per question, the question answered, one undo step
// that restores all of it), un-accepting and deleting an accepted answer
// (the status goes back), answers with citations refused before anything
// is written, ratings, tags and statuses.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "questionactions.h"
#include "questiontags.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::questions;

class TestQuestionActions : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void acceptMakesTheOnlyAcceptedAnswer_data();
    void acceptMakesTheOnlyAcceptedAnswer();
    void oneUndoRestoresTheWholeAccept();
    void unacceptSetsTheStatusBack_data();
    void unacceptSetsTheStatusBack();
    void deletingTheAcceptedAnswer();
    void addAnswerChecksEveryCitationFirst_data();
    void addAnswerChecksEveryCitationFirst();
    void editAnswerChecksItsSources();
    void rating_data();
    void rating();
    void tagsAreNormalisedOnWrite();
    void statusAndPriorityRefuseUnknownValues();
    void goneRecordsAreReported();
    void collectionsGoAfterTheOthers();
    void removingAQuestionTakesItsAnswers();
    void removingACollectionKeepsItsQuestions();

private:
    Collection *questions() const { return m_store->collection(u"questions"_qs, u"questions"_qs); }
    Collection *answers() const { return m_store->collection(u"questions"_qs, u"answers"_qs); }
    QString addQuestion(const QString &id, const QString &status);
    QString addAnswer(const QString &id, const QString &questionId, bool accepted);
    QString statusOf(const QString &questionId) const
    {
        return questions()->get(questionId)->value(u"status").toString();
    }
    bool isAccepted(const QString &answerId) const
    {
        return answers()->get(answerId)->value(u"isAccepted").toBool();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestQuestionActions::init()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir->filePath(u"profile.sqlite"_qs), &error));
    QVERIFY(catalog.info(u"questions"));
    QVERIFY2(m_store->addModule(catalog.info(u"questions")->spec, &error), qPrintable(error));
}

void TestQuestionActions::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString TestQuestionActions::addQuestion(const QString &id, const QString &status)
{
    return questions()
        ->insert({{u"id"_qs, id}, {u"title"_qs, u"Q "_qs + id}, {u"status"_qs, status}})
        .id;
}

QString TestQuestionActions::addAnswer(const QString &id, const QString &questionId, bool accepted)
{
    return answers()
        ->insert({{u"id"_qs, id},
                  {u"questionId"_qs, questionId},
                  {u"content"_qs, u"A "_qs + id},
                  {u"isAccepted"_qs, accepted}})
        .id;
}

void TestQuestionActions::acceptMakesTheOnlyAcceptedAnswer_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("acceptedBefore"); // of a1, a2, a3
    QTest::addColumn<QString>("accept");

    QTest::newRow("open, none accepted") << "open" << QStringList() << "a2";
    QTest::newRow("researching") << "researching" << QStringList() << "a1";
    QTest::newRow("another accepted") << "answered" << QStringList{"a1"} << "a3";
    // Two devices accepted different answers offline; the merge kept both.
    QTest::newRow("two accepted after a merge") << "answered" << QStringList{"a1", "a3"} << "a2";
    QTest::newRow("already accepted") << "answered" << QStringList{"a2"} << "a2";
    QTest::newRow("archived comes back") << "archived" << QStringList() << "a1";
}

void TestQuestionActions::acceptMakesTheOnlyAcceptedAnswer()
{
    QFETCH(QString, status);
    QFETCH(QStringList, acceptedBefore);
    QFETCH(QString, accept);

    addQuestion(u"q"_qs, status);
    addQuestion(u"other"_qs, u"answered"_qs);
    for (const QString &id : {u"a1"_qs, u"a2"_qs, u"a3"_qs})
        QVERIFY(!addAnswer(id, u"q"_qs, acceptedBefore.contains(id)).isEmpty());
    // Another question's accepted answer is not touched.
    addAnswer(u"elsewhere"_qs, u"other"_qs, true);

    const ActionResult result = QuestionActions(m_store.get()).acceptAnswer(accept);
    QVERIFY(result.ok());
    for (const QString &id : {u"a1"_qs, u"a2"_qs, u"a3"_qs})
        QCOMPARE(isAccepted(id), id == accept);
    QCOMPARE(statusOf(u"q"_qs), u"answered"_qs);
    QVERIFY(isAccepted(u"elsewhere"_qs));
}

void TestQuestionActions::oneUndoRestoresTheWholeAccept()
{
    addQuestion(u"q"_qs, u"researching"_qs);
    addAnswer(u"a1"_qs, u"q"_qs, true);
    addAnswer(u"a2"_qs, u"q"_qs, false);
    // Two accepted (a merge) and a status not answered: all three records change.
    addAnswer(u"a3"_qs, u"q"_qs, true);

    const ActionResult result = QuestionActions(m_store.get()).acceptAnswer(u"a2"_qs);
    QVERIFY(result.ok());
    QVERIFY(result.undoStep > 0);
    const UndoStep *step = m_store->undoStep(result.undoStep);
    QVERIFY(step);
    QCOMPARE(step->records.size(), 4);

    QString error;
    QVERIFY2(m_store->undo(result.undoStep, &error), qPrintable(error));
    QVERIFY(isAccepted(u"a1"_qs));
    QVERIFY(!isAccepted(u"a2"_qs));
    QVERIFY(isAccepted(u"a3"_qs));
    QCOMPARE(statusOf(u"q"_qs), u"researching"_qs);
}

void TestQuestionActions::unacceptSetsTheStatusBack_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("secondAccepted");
    QTest::addColumn<QString>("expected");

    QTest::newRow("answered goes to researching") << "answered" << false << "researching";
    QTest::newRow("another still accepted") << "answered" << true << "answered";
    QTest::newRow("archived stays") << "archived" << false << "archived";
    QTest::newRow("open stays") << "open" << false << "open";
}

void TestQuestionActions::unacceptSetsTheStatusBack()
{
    QFETCH(QString, status);
    QFETCH(bool, secondAccepted);
    QFETCH(QString, expected);

    addQuestion(u"q"_qs, status);
    addAnswer(u"a1"_qs, u"q"_qs, true);
    addAnswer(u"a2"_qs, u"q"_qs, secondAccepted);
    const ActionResult result = QuestionActions(m_store.get()).unacceptAnswer(u"a1"_qs);
    QVERIFY(result.ok());
    QVERIFY(!isAccepted(u"a1"_qs));
    QCOMPARE(statusOf(u"q"_qs), expected);
    if (status != expected) {
        QVERIFY(m_store->undo(result.undoStep));
        QVERIFY(isAccepted(u"a1"_qs));
        QCOMPARE(statusOf(u"q"_qs), status);
    }
}

void TestQuestionActions::deletingTheAcceptedAnswer()
{
    addQuestion(u"q"_qs, u"answered"_qs);
    addAnswer(u"a1"_qs, u"q"_qs, true);
    QuestionActions actions(m_store.get());
    const ActionResult result = actions.removeAnswer(u"a1"_qs);
    QVERIFY(result.ok());
    QVERIFY(!answers()->get(u"a1"_qs));
    // No answer left: back to open.
    QCOMPARE(statusOf(u"q"_qs), u"open"_qs);
    QVERIFY(m_store->undo(result.undoStep));
    QVERIFY(answers()->get(u"a1"_qs));
    QCOMPARE(statusOf(u"q"_qs), u"answered"_qs);
}

void TestQuestionActions::addAnswerChecksEveryCitationFirst_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QStringList>("rows"); // url, title, url, title, …
    QTest::addColumn<int>("error");        // ActionError
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("stored"); // citations kept

    QTest::newRow("two sources") << "Because of Rayleigh scattering."
                                 << QStringList{"https://en.wikipedia.org/wiki/Rayleigh_scattering",
                                                "Rayleigh scattering", "https://www.nasa.gov/", ""}
                                 << int(ActionError::None) << -1 << 2;
    QTest::newRow("blank rows are ignored")
        << "Text" << QStringList{"", "", "https://a.org", "A", " ", " "} << int(ActionError::None)
        << -1 << 1;
    QTest::newRow("no sources") << "Text" << QStringList() << int(ActionError::None) << -1 << 0;
    QTest::newRow("second row not a web address")
        << "Text" << QStringList{"https://a.org", "A", "javascript:alert(1)", "x"}
        << int(ActionError::BadCitation) << 1 << 0;
    QTest::newRow("title without address")
        << "Text" << QStringList{"", "A book"} << int(ActionError::BadCitation) << 0 << 0;
    QTest::newRow("no content") << "   " << QStringList{"https://a.org", "A"}
                                << int(ActionError::EmptyAnswer) << -1 << 0;
}

void TestQuestionActions::addAnswerChecksEveryCitationFirst()
{
    QFETCH(QString, content);
    QFETCH(QStringList, rows);
    QFETCH(int, error);
    QFETCH(int, row);
    QFETCH(int, stored);

    addQuestion(u"q"_qs, u"open"_qs);
    QList<CitationInput> inputs;
    for (int i = 0; i + 1 < rows.size(); i += 2)
        inputs.append({rows[i], rows[i + 1]});
    const ActionResult result = QuestionActions(m_store.get()).addAnswer(u"q"_qs, content, inputs);
    QCOMPARE(int(result.error), error);
    QCOMPARE(result.citationRow, row);
    if (error != int(ActionError::None)) {
        // Nothing half-written.
        QCOMPARE(answers()->count(), 0);
        return;
    }
    const QJsonObject answer = *answers()->get(result.id);
    QCOMPARE(answer.value(u"content").toString(), content.trimmed());
    QCOMPARE(answer.value(u"citations").toArray().size(), stored);
    QVERIFY(!answer.value(u"isAccepted").toBool());
    QCOMPARE(statusOf(u"q"_qs), u"open"_qs);
}

void TestQuestionActions::editAnswerChecksItsSources()
{
    addQuestion(u"q"_qs, u"answered"_qs);
    addAnswer(u"a"_qs, u"q"_qs, true);
    QuestionActions actions(m_store.get());
    const ActionResult refused = actions.editAnswer(u"a"_qs, u"New"_qs, {{u"mailto:x@y.z"_qs, {}}});
    QCOMPARE(int(refused.error), int(ActionError::BadCitation));
    QCOMPARE(answers()->get(u"a"_qs)->value(u"content").toString(), u"A a"_qs);
    QVERIFY(actions.editAnswer(u"a"_qs, u" New "_qs, {{u"https://b.org/x"_qs, u"B"_qs}}).ok());
    const QJsonObject answer = *answers()->get(u"a"_qs);
    QCOMPARE(answer.value(u"content").toString(), u"New"_qs);
    QCOMPARE(answer.value(u"citations").toArray().size(), 1);
    // Editing leaves the acceptance and the status alone.
    QVERIFY(answer.value(u"isAccepted").toBool());
    QCOMPARE(statusOf(u"q"_qs), u"answered"_qs);
    QCOMPARE(int(actions.editAnswer(u"a"_qs, u" "_qs, {}).error), int(ActionError::EmptyAnswer));
    QCOMPARE(int(actions.editAnswer(u"gone"_qs, u"x"_qs, {}).error), int(ActionError::NotFound));
}

void TestQuestionActions::rating_data()
{
    QTest::addColumn<int>("stars");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QJsonValue>("stored");

    QTest::newRow("1") << 1 << true << QJsonValue(1);
    QTest::newRow("5") << 5 << true << QJsonValue(5);
    QTest::newRow("cleared") << 0 << true << QJsonValue();
    QTest::newRow("6") << 6 << false << QJsonValue(3);
    QTest::newRow("-1") << -1 << false << QJsonValue(3);
}

void TestQuestionActions::rating()
{
    QFETCH(int, stars);
    QFETCH(bool, ok);
    QFETCH(QJsonValue, stored);

    addQuestion(u"q"_qs, u"open"_qs);
    addAnswer(u"a"_qs, u"q"_qs, false);
    QVERIFY(answers()->update(u"a"_qs, {{u"rating"_qs, 3}}));
    const ActionResult result = QuestionActions(m_store.get()).setRating(u"a"_qs, stars);
    QCOMPARE(result.ok(), ok);
    QCOMPARE(answers()->get(u"a"_qs)->value(u"rating"), stored);
}

void TestQuestionActions::tagsAreNormalisedOnWrite()
{
    QuestionActions actions(m_store.get());
    const ActionResult made = actions.createQuestion(
        {{u"title"_qs, u"  Why?  "_qs}, {u"tags"_qs, QJsonArray{u" sky"_qs, u"Sky"_qs, u""_qs}}});
    QVERIFY(made.ok());
    const QString id = made.id;
    QCOMPARE(questions()->get(id)->value(u"title").toString(), u"Why?"_qs);
    QCOMPARE(tagsFromJson(questions()->get(id)->value(u"tags")), QStringList{u"sky"_qs});
    QVERIFY(actions.addTag(id, u" physics "_qs).ok());
    QVERIFY(actions.addTag(id, u"PHYSICS"_qs).ok());
    QCOMPARE(questions()->get(id)->value(u"tags").toArray(),
             (QJsonArray{u"sky"_qs, u"physics"_qs}));
    QVERIFY(actions.removeTag(id, u"SKY"_qs).ok());
    QCOMPARE(questions()->get(id)->value(u"tags").toArray(), QJsonArray{u"physics"_qs});
    QCOMPARE(int(actions.addTag(id, u"  "_qs).error), int(ActionError::BadValue));
    QCOMPARE(int(actions.createQuestion({{u"title"_qs, u" "_qs}}).error),
             int(ActionError::EmptyTitle));
}

void TestQuestionActions::statusAndPriorityRefuseUnknownValues()
{
    addQuestion(u"q"_qs, u"open"_qs);
    QuestionActions actions(m_store.get());
    QVERIFY(actions.setStatus(u"q"_qs, u"researching"_qs).ok());
    QCOMPARE(int(actions.setStatus(u"q"_qs, u"done"_qs).error), int(ActionError::BadValue));
    QCOMPARE(statusOf(u"q"_qs), u"researching"_qs);
    QVERIFY(actions.setPriority(u"q"_qs, u"urgent"_qs).ok());
    QCOMPARE(int(actions.setPriority(u"q"_qs, u"medium"_qs).error), int(ActionError::BadValue));
}

void TestQuestionActions::goneRecordsAreReported()
{
    QuestionActions actions(m_store.get());
    QCOMPARE(int(actions.acceptAnswer(u"nope"_qs).error), int(ActionError::NotFound));
    QCOMPARE(int(actions.setStatus(u"nope"_qs, u"open"_qs).error), int(ActionError::NotFound));
    QCOMPARE(int(actions.addAnswer(u"nope"_qs, u"x"_qs, {}).error), int(ActionError::NotFound));
    QCOMPARE(int(QuestionActions(nullptr).acceptAnswer(u"a"_qs).error), int(ActionError::NoStore));
}

void TestQuestionActions::collectionsGoAfterTheOthers()
{
    QuestionActions actions(m_store.get());
    const ActionResult first = actions.createCollection(u"  Work  "_qs, {});
    QVERIFY(first.ok());
    const ActionResult second = actions.createCollection(u"Travel"_qs, u"#10B981"_qs);
    QVERIFY(second.ok());
    Collection *collections = m_store->collection(u"questions"_qs, u"collections"_qs);
    QCOMPARE(collections->get(first.id)->value(u"name").toString(), u"Work"_qs);
    QCOMPARE(collections->get(first.id)->value(u"color").toString(), u"#D946EF"_qs);
    QCOMPARE(collections->get(second.id)->value(u"sortOrder").toDouble(), 1.0);
    QCOMPARE(int(actions.createCollection(u" "_qs, {}).error), int(ActionError::EmptyName));
}

void TestQuestionActions::removingAQuestionTakesItsAnswers()
{
    addQuestion(u"q"_qs, u"answered"_qs);
    addQuestion(u"other"_qs, u"open"_qs);
    addAnswer(u"a1"_qs, u"q"_qs, true);
    addAnswer(u"a2"_qs, u"q"_qs, false);
    addAnswer(u"kept"_qs, u"other"_qs, false);
    const ActionResult result = QuestionActions(m_store.get()).removeQuestion(u"q"_qs);
    QVERIFY(result.ok());
    QVERIFY(!questions()->get(u"q"_qs));
    QCOMPARE(answers()->count(), 1);
    QVERIFY(m_store->undo(result.undoStep));
    QCOMPARE(statusOf(u"q"_qs), u"answered"_qs);
    QCOMPARE(answers()->count(), 3);
    QVERIFY(isAccepted(u"a1"_qs));
}

void TestQuestionActions::removingACollectionKeepsItsQuestions()
{
    Collection *collections = m_store->collection(u"questions"_qs, u"collections"_qs);
    QVERIFY(collections->insert({{u"id"_qs, u"c"_qs}, {u"name"_qs, u"C"_qs}}));
    addQuestion(u"q1"_qs, u"open"_qs);
    addQuestion(u"q2"_qs, u"open"_qs);
    QVERIFY(questions()->update(u"q1"_qs, {{u"collectionId"_qs, u"c"_qs}}));
    QVERIFY(questions()->update(u"q2"_qs, {{u"collectionId"_qs, u"c"_qs}}));
    QuestionActions actions(m_store.get());
    QVERIFY(actions.editCollection(u"c"_qs, u" Work "_qs, {}).ok());
    QCOMPARE(collections->get(u"c"_qs)->value(u"name").toString(), u"Work"_qs);
    QCOMPARE(int(actions.editCollection(u"c"_qs, u""_qs, {}).error), int(ActionError::EmptyName));
    const ActionResult result = actions.removeCollection(u"c"_qs);
    QVERIFY(result.ok());
    QVERIFY(!collections->get(u"c"_qs));
    QCOMPARE(questions()->count(), 2);
    QVERIFY(questions()->get(u"q1"_qs)->value(u"collectionId").isNull());
    QVERIFY(m_store->undo(result.undoStep));
    QVERIFY(collections->get(u"c"_qs));
    QCOMPARE(questions()->get(u"q2"_qs)->value(u"collectionId").toString(), u"c"_qs);
}

QTEST_GUILESS_MAIN(TestQuestionActions)
#include "tst_questionactions.moc"
