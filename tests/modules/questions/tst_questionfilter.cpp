// The filters over a real store: collection, status, priority and tag, a
// text found in a question's title or description or in one of its
// answers, their combinations, the sort orders, and the cap on matches.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "questionfilter.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::questions;

class TestQuestionFilter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filters_data();
    void filters();
    void sortOrders_data();
    void sortOrders();
    void tagMatchesAreCapped();

private:
    Collection *questions() const { return m_store->collection(u"questions"_qs, u"questions"_qs); }
    Collection *answers() const { return m_store->collection(u"questions"_qs, u"answers"_qs); }
    QStringList run(const QuestionFilter &filter, QuestionSort sort, bool *capped = nullptr) const;

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
};

void TestQuestionFilter::initTestCase()
{
    const ModuleCatalog catalog = ModuleCatalog::load();
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY(m_store->open(m_dir.filePath(u"profile.sqlite"_qs), &error));
    QVERIFY2(m_store->addModule(catalog.info(u"questions")->spec, &error), qPrintable(error));
    Collection *collections = m_store->collection(u"questions"_qs, u"collections"_qs);
    QVERIFY(collections->insert({{u"id"_qs, u"work"_qs}, {u"name"_qs, u"Work"_qs}}));
    QVERIFY(collections->insert({{u"id"_qs, u"home"_qs}, {u"name"_qs, u"Home"_qs}}));
    // id, collection, status, priority, tags, title, description
    const QList<QStringList> rows{
        {"sky", "home", "answered", "normal", "science,Physics", "Why is the sky blue?", ""},
        {"sleep", "home", "open", "high", "health", "How much sleep do I need?", "Adults"},
        {"deploy", "work", "researching", "urgent", "ops", "How do we deploy on Fridays?", ""},
        {"budget", "work", "open", "low", "", "What is the budget?", "Ask finance"},
        {"tea", "", "archived", "normal", "Health", "Is green tea healthy?", ""},
    };
    for (const QStringList &row : rows) {
        QJsonObject values{{u"id"_qs, row[0]},
                           {u"status"_qs, row[2]},
                           {u"priority"_qs, row[3]},
                           {u"title"_qs, row[5]},
                           {u"description"_qs, row[6]}};
        if (!row[1].isEmpty())
            values.insert(u"collectionId"_qs, row[1]);
        values.insert(u"tags"_qs, row[4].isEmpty()
                                      ? QJsonArray()
                                      : QJsonArray::fromStringList(row[4].split(u',')));
        QVERIFY(questions()->insert(values));
        QTest::qWait(2); // distinct createdAt/updatedAt
    }
    QVERIFY(answers()->insert(
        {{u"questionId"_qs, u"sky"_qs}, {u"content"_qs, u"Rayleigh scattering of sunlight"_qs}}));
    QVERIFY(answers()->insert({{u"questionId"_qs, u"budget"_qs},
                               {u"content"_qs, u"The spreadsheet in the shared folder"_qs}}));
    // Tags from a peer that are not a list: the question has no tags.
    QVERIFY(questions()->insert({{u"id"_qs, u"odd"_qs},
                                 {u"title"_qs, u"Odd tags"_qs},
                                 {u"status"_qs, u"open"_qs},
                                 {u"tags"_qs, QJsonObject{{u"health"_qs, true}}}}));
}

QStringList TestQuestionFilter::run(const QuestionFilter &filter, QuestionSort sort,
                                    bool *capped) const
{
    const BuiltQuestionQuery built = buildQuestionQuery(m_store.get(), filter, sort);
    if (capped)
        *capped = built.capped;
    QString error;
    QStringList ids;
    for (const QJsonObject &record : questions()->query(built.query, &error))
        ids.append(record.value(u"id").toString());
    if (!error.isEmpty())
        qWarning() << error;
    return ids;
}

void TestQuestionFilter::filters_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("priority");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // sorted

    const QStringList all{"budget", "deploy", "odd", "sky", "sleep", "tea"};
    QTest::newRow("nothing") << ""
                             << ""
                             << ""
                             << ""
                             << "" << all;
    QTest::newRow("collection") << "home"
                                << ""
                                << ""
                                << ""
                                << "" << QStringList{"sky", "sleep"};
    QTest::newRow("status") << ""
                            << "open"
                            << ""
                            << ""
                            << "" << QStringList{"budget", "odd", "sleep"};
    QTest::newRow("collection and status") << "work"
                                           << "open"
                                           << ""
                                           << ""
                                           << "" << QStringList{"budget"};
    QTest::newRow("priority") << ""
                              << ""
                              << "urgent"
                              << ""
                              << "" << QStringList{"deploy"};
    QTest::newRow("tag, any case") << ""
                                   << ""
                                   << ""
                                   << "HEALTH"
                                   << "" << QStringList{"sleep", "tea"};
    QTest::newRow("tag and collection") << "home"
                                        << ""
                                        << ""
                                        << "health"
                                        << "" << QStringList{"sleep"};
    QTest::newRow("unknown tag") << ""
                                 << ""
                                 << ""
                                 << "cooking"
                                 << "" << QStringList();
    QTest::newRow("text in a title") << ""
                                     << ""
                                     << ""
                                     << ""
                                     << "sky" << QStringList{"sky"};
    QTest::newRow("text in a description") << ""
                                           << ""
                                           << ""
                                           << ""
                                           << "finance" << QStringList{"budget"};
    QTest::newRow("text in an answer") << ""
                                       << ""
                                       << ""
                                       << ""
                                       << "rayleigh" << QStringList{"sky"};
    QTest::newRow("text in answer and title") << ""
                                              << ""
                                              << ""
                                              << ""
                                              << "spreadsheet" << QStringList{"budget"};
    QTest::newRow("text word start") << ""
                                     << ""
                                     << ""
                                     << ""
                                     << "dep" << QStringList{"deploy"};
    QTest::newRow("text and status") << ""
                                     << "answered"
                                     << ""
                                     << ""
                                     << "rayleigh" << QStringList{"sky"};
    QTest::newRow("text outside the status") << ""
                                             << "open"
                                             << ""
                                             << ""
                                             << "rayleigh" << QStringList();
    QTest::newRow("text and tag") << ""
                                  << ""
                                  << ""
                                  << "physics"
                                  << "blue" << QStringList{"sky"};
    QTest::newRow("text found, tag not") << ""
                                         << ""
                                         << ""
                                         << "ops"
                                         << "blue" << QStringList();
    QTest::newRow("text not found") << ""
                                    << ""
                                    << ""
                                    << ""
                                    << "volcano" << QStringList();
    QTest::newRow("only spaces is no text") << ""
                                            << ""
                                            << ""
                                            << "  "
                                            << "   " << all;
}

void TestQuestionFilter::filters()
{
    QFETCH(QString, collection);
    QFETCH(QString, status);
    QFETCH(QString, priority);
    QFETCH(QString, tag);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);

    QStringList ids = run({collection, status, priority, tag, text}, QuestionSort::Updated);
    ids.sort();
    QCOMPARE(ids, expected);
}

void TestQuestionFilter::sortOrders_data()
{
    QTest::addColumn<int>("sort");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("priority") << int(QuestionSort::Priority)
                              << QStringList{"deploy", "sleep", "odd", "tea", "sky", "budget"};
    QTest::newRow("created") << int(QuestionSort::Created)
                             << QStringList{"odd", "tea", "budget", "deploy", "sleep", "sky"};
    QTest::newRow("status") << int(QuestionSort::Status)
                            << QStringList{"sleep", "odd", "budget", "deploy", "sky", "tea"};
}

void TestQuestionFilter::sortOrders()
{
    QFETCH(int, sort);
    QFETCH(QStringList, expected);
    QCOMPARE(run({}, QuestionSort(sort)), expected);
}

void TestQuestionFilter::tagMatchesAreCapped()
{
    // A separate collection keeps the other cases' rows as they are.
    Collection *collections = m_store->collection(u"questions"_qs, u"collections"_qs);
    QVERIFY(collections->insert({{u"id"_qs, u"many"_qs}, {u"name"_qs, u"Many"_qs}}));
    QList<QJsonObject> rows;
    for (int i = 0; i < kMaxMatches + 5; ++i)
        rows.append({{u"title"_qs, u"Many %1"_qs.arg(i)},
                     {u"collectionId"_qs, u"many"_qs},
                     {u"tags"_qs, QJsonArray{u"bulk"_qs}}});
    QCOMPARE(questions()->insertMany(rows).size(), rows.size());
    bool capped = false;
    QuestionFilter filter;
    filter.tag = u"bulk"_qs;
    QCOMPARE(run(filter, QuestionSort::Updated, &capped).size(), kMaxMatches);
    QVERIFY(capped);
    filter.collectionId = u"home"_qs;
    QCOMPARE(run(filter, QuestionSort::Updated, &capped).size(), 0);
    QVERIFY(!capped);
}

QTEST_GUILESS_MAIN(TestQuestionFilter)
#include "tst_questionfilter.moc"
