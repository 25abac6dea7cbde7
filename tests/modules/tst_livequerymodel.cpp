// LiveQueryModel, the base of every list in the suite, over a real store:
// rows load in pages, a change reads only the changed records, and the rows
// a view holds are always the first rows of the query, in its order, after
// any mix of local writes, deletes, restores and batches. The row signals
// are checked by replaying them on a shadow list (and by Qt's
// QAbstractItemModelTester), so a wrong move or a missed insert fails even
// when the final rows happen to be right.
#include "collection.h"
#include "livequerymodel.h"
#include "localstore.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;

Q_DECLARE_METATYPE(mana::StoreError)

namespace {

CollectionSpec notesSpec()
{
    QString error;
    const auto spec = CollectionSpec::fromJson(
        QJsonObject{
            {"name", "notes"},
            {"fields",
             QJsonArray{QJsonObject{{"name", "title"}, {"type", "string"}},
                        QJsonObject{{"name", "group"}, {"type", "a|b|c?"}},
                        QJsonObject{{"name", "done"}, {"type", "boolean"}, {"default", false}},
                        QJsonObject{{"name", "rank"}, {"type", "number?"}}}},
            {"indexes", QJsonArray{QJsonArray{"done", "rank"}, QJsonArray{"rank"}}}},
        QStringLiteral("notes"), &error);
    if (!spec)
        qFatal("notes spec: %s", qPrintable(error));
    return *spec;
}

QJsonObject randomNote(QRandomGenerator &random, int n)
{
    static const QStringList groups{"a", "b", "c"};
    QJsonObject note{{"title", QStringLiteral("Note %1").arg(n)}, {"done", random.bounded(4) == 0}};
    if (random.bounded(5) > 0)
        note.insert("rank", double(random.bounded(50))); // many equal ranks: ties go to the id
    if (random.bounded(3) > 0)
        note.insert("group", groups.at(random.bounded(3)));
    return note;
}

// The model's rows as ids.
QStringList modelIds(const LiveQueryModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.idAt(row));
    return ids;
}

QStringList ids(const QList<QJsonObject> &records)
{
    QStringList list;
    for (const QJsonObject &record : records)
        list.append(record.value("id").toString());
    return list;
}

// A list kept only through the model's signals.
class ShadowList : public QObject
{
public:
    explicit ShadowList(LiveQueryModel *model)
        : m_model(model)
    {
        connect(model, &QAbstractItemModel::modelReset, this,
                [this] { m_ids = modelIds(*m_model); });
        connect(model, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        m_ids.insert(row, m_model->idAt(row));
                });
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) {
                    m_ids.remove(first, last - first + 1);
                });
        connect(model, &QAbstractItemModel::rowsMoved, this,
                [this](const QModelIndex &, int first, int last, const QModelIndex &, int to) {
                    QCOMPARE(first, last);
                    m_ids.move(first, to > first ? to - 1 : to);
                });
        m_ids = modelIds(*model);
    }
    QStringList ids() const { return m_ids; }

private:
    LiveQueryModel *m_model;
    QStringList m_ids;
};

} // namespace

class TestLiveQueryModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>();
        QString error;
        QVERIFY2(m_store->open(m_dir->filePath("store.sqlite"), &error), qPrintable(error));
        m_notes = m_store->addCollection(notesSpec(), &error);
        QVERIFY2(m_notes, qPrintable(error));
    }
    void cleanup()
    {
        m_notes = nullptr;
        m_store.reset();
        m_dir.reset();
    }

    void loadsInPagesByKey()
    {
        QRandomGenerator random(7);
        QList<QJsonObject> values;
        for (int n = 0; n < 1000; ++n)
            values.append(randomNote(random, n));
        QString error;
        QCOMPARE(m_notes->insertMany(values, &error).size(), 1000);

        LiveQueryModel model;
        model.setPageSize(64);
        model.setQuery(m_notes, Query().orderBy("rank").orderBy("title", true));
        QCOMPARE(model.rowCount(), 64);
        QVERIFY(model.canFetchMore());
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 1000);
        // Every page was one bounded query.
        QCOMPARE(m_notes->readStats().unboundedQueries, 0);
        const QStringList all =
            ids(m_notes->query(Query().orderBy("rank").orderBy("title", true).orderBy("id")));
        QCOMPARE(modelIds(model), all);
    }

    // The test: one changed record among 100,000 costs one record's
    // read, wherever it is (loaded, not loaded, new, deleted).
    void oneChangeAmong100000ReadsOneRecord_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("edit of a loaded row") << "edit-loaded";
        QTest::newRow("edit of a row not loaded") << "edit-unloaded";
        QTest::newRow("edit that moves a row out of the loaded part") << "move-out";
        QTest::newRow("insert at the top") << "insert-top";
        QTest::newRow("insert far down") << "insert-bottom";
        QTest::newRow("delete of a loaded row") << "delete";
    }
    void oneChangeAmong100000ReadsOneRecord()
    {
        QFETCH(QString, change);
        QList<QJsonObject> values;
        values.reserve(100000);
        for (int n = 0; n < 100000; ++n)
            values.append({{"title", QStringLiteral("Note %1").arg(n)}, {"rank", double(n)}});
        QString error;
        const QStringList made = m_notes->insertMany(values, &error);
        QCOMPARE(made.size(), 100000);

        LiveQueryModel model;
        model.setQuery(m_notes, Query().where("done", Query::Op::Equal, false).orderBy("rank"));
        QCOMPARE(model.rowCount(), LiveQueryModel::kDefaultPageSize);
        ShadowList shadow(&model);
        m_notes->resetReadStats();

        if (change == "edit-loaded")
            QVERIFY(m_notes->update(made.at(10), {{"title", "Edited"}}));
        else if (change == "edit-unloaded")
            QVERIFY(m_notes->update(made.at(50000), {{"title", "Edited"}}));
        else if (change == "move-out")
            QVERIFY(m_notes->update(made.at(3), {{"rank", 70000.5}}));
        else if (change == "insert-top")
            QVERIFY(m_notes->insert({{"title", "First"}, {"rank", -1.0}}));
        else if (change == "insert-bottom")
            QVERIFY(m_notes->insert({{"title", "Last"}, {"rank", 1e9}}));
        else if (change == "delete")
            QVERIFY(m_notes->remove(made.at(0)));

        const Collection::ReadStats stats = m_notes->readStats();
        QCOMPARE(stats.queries, 1);
        QVERIFY2(stats.rowsRead <= 1, qPrintable(QString::number(stats.rowsRead)));
        QCOMPARE(stats.unboundedQueries, 0);
        QCOMPARE(stats.counts, 0);
        // And the rows are still the first rows of the query.
        QCOMPARE(shadow.ids(), modelIds(model));
        Query first = Query().where("done", Query::Op::Equal, false).orderBy("rank").orderBy("id");
        first.limit = model.rowCount();
        QCOMPARE(modelIds(model), ids(m_notes->query(first)));
    }

    // Random local writes and batches against the query itself: after every
    // step the model holds a prefix of the query's rows, and its signals
    // replayed on a shadow list give the same rows.
    void randomWritesKeepAPrefixOfTheQuery_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<bool>("filtered");
        for (quint32 seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
            QTest::addRow("seed %u, all", seed) << seed << false;
            QTest::addRow("seed %u, open in group a|b", seed) << seed << true;
        }
    }
    void randomWritesKeepAPrefixOfTheQuery()
    {
        QFETCH(quint32, seed);
        QFETCH(bool, filtered);
        QRandomGenerator random(seed);
        QList<QJsonObject> values;
        for (int n = 0; n < 150; ++n)
            values.append(randomNote(random, n));
        QString error;
        QStringList known = m_notes->insertMany(values, &error);
        QCOMPARE(known.size(), 150);

        Query query;
        if (filtered) {
            query.where("done", Query::Op::Equal, false);
            query.exclude({{"group", Query::Op::Equal, "c"}});
        }
        Query::Sort rank;
        rank.field = "rank";
        rank.descending = seed % 2 == 0;
        query.sort.append(rank);
        Query::Sort group;
        group.field = "group";
        group.rankedValues = {"c", "a"};
        group.rankOfOthers = 1;
        query.sort.append(group);

        Query total = query;
        total.orderBy("id");

        LiveQueryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(10);
        model.setQuery(m_notes, query);
        ShadowList shadow(&model);
        int n = 1000;
        for (int step = 0; step < 300; ++step) {
            const QString id = known.at(random.bounded(int(known.size())));
            QString what;
            switch (random.bounded(7)) {
            case 0:
                what = "insert";
                if (const WriteResult made = m_notes->insert(randomNote(random, n++)))
                    known.append(made.id);
                break;
            case 1: {
                what = "batch";
                QList<QJsonObject> batch;
                for (int i = 0; i < 25; ++i)
                    batch.append(randomNote(random, n++));
                known += m_notes->insertMany(batch, &error);
                break;
            }
            case 2:
                what = "rank";
                m_notes->update(id, {{"rank", double(random.bounded(60)) - 5}});
                break;
            case 3:
                what = "group/done";
                m_notes->update(id, randomNote(random, n++));
                break;
            case 4:
                what = "delete";
                m_notes->remove(id);
                break;
            case 5:
                what = "restore";
                m_notes->restore(id);
                break;
            default:
                what = "fetch";
                model.fetchMore();
            }
            const QList<QJsonObject> all = m_notes->query(total);
            const QStringList expected = ids(all).mid(0, model.rowCount());
            if (modelIds(model) != expected) {
                for (int row = 0; row < std::max(expected.size(), modelIds(model).size()); ++row)
                    qWarning() << row << modelIds(model).value(row) << expected.value(row)
                               << (row < model.rowCount() ? model.recordAt(row) : QJsonObject());
            }
            QVERIFY2(modelIds(model) == expected,
                     qPrintable(QStringLiteral("step %1 (%2)").arg(step).arg(what)));
            QVERIFY2(shadow.ids() == expected,
                     qPrintable(QStringLiteral("signals, step %1 (%2)").arg(step).arg(what)));
            QCOMPARE(model.hasMore(), model.rowCount() < all.size());
        }
    }

    // A pull that applies a batch sorting before everything loaded: the
    // list does not grow with it, and the rows pushed out come back when
    // asked for.
    void batchesDoNotGrowTheLoadedRows()
    {
        QList<QJsonObject> values;
        for (int n = 0; n < 300; ++n)
            values.append({{"title", QStringLiteral("Old %1").arg(n)}, {"rank", double(n)}});
        QString error;
        QCOMPARE(m_notes->insertMany(values, &error).size(), 300);
        LiveQueryModel model;
        model.setPageSize(50);
        model.setQuery(m_notes, Query().orderBy("rank"));
        QCOMPARE(model.rowCount(), 50);

        QList<QJsonObject> early;
        for (int n = 0; n < 500; ++n)
            early.append({{"title", QStringLiteral("New %1").arg(n)}, {"rank", -1000.0 + n}});
        QCOMPARE(m_notes->insertMany(early, &error).size(), 500);
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.hasMore());
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole), QVariant()); // no roles in the base
        QCOMPARE(model.recordAt(0).value("title").toString(), QStringLiteral("New 0"));
        while (model.canFetchMore())
            model.fetchMore();
        QCOMPARE(model.rowCount(), 800);
        QCOMPARE(modelIds(model), ids(m_notes->query(Query().orderBy("rank").orderBy("id"))));
    }

    // Qt's own checks of a model's signals and indexes, through edits of
    // every kind, with every row loaded (the random test above runs it with
    // paging: it calls fetchMore from inside the model's own signals).
    void passesTheModelTester()
    {
        QRandomGenerator random(11);
        QList<QJsonObject> values;
        for (int n = 0; n < 40; ++n)
            values.append(randomNote(random, n));
        QString error;
        QStringList known = m_notes->insertMany(values, &error);
        LiveQueryModel model;
        model.setPageSize(1000);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(m_notes, Query().where("done", Query::Op::Equal, false).orderBy("rank"));
        for (int step = 0; step < 200; ++step) {
            const QString id = known.at(random.bounded(int(known.size())));
            switch (random.bounded(4)) {
            case 0:
                if (const WriteResult made = m_notes->insert(randomNote(random, 100 + step)))
                    known.append(made.id);
                break;
            case 1:
                m_notes->update(id, randomNote(random, 100 + step));
                break;
            case 2:
                m_notes->remove(id);
                break;
            default:
                m_notes->restore(id);
            }
        }
        QCOMPARE(
            modelIds(model),
            ids(m_notes->query(
                Query().where("done", Query::Op::Equal, false).orderBy("rank").orderBy("id"))));
    }

    // The count of every matching row, loaded or not: none before a view
    // asks for it, then one COUNT per refresh, however many changes came.
    void matchCountCountsUnloadedRowsAndIsThrottled()
    {
        QList<QJsonObject> values;
        for (int n = 0; n < 500; ++n)
            values.append({{"title", QStringLiteral("Note %1").arg(n)}, {"done", n % 5 == 0}});
        QString error;
        QCOMPARE(m_notes->insertMany(values, &error).size(), 500);
        LiveQueryModel model;
        model.setPageSize(50);
        m_notes->resetReadStats();
        model.setQuery(m_notes, Query().where("done", Query::Op::Equal, false));
        QCOMPARE(m_notes->readStats().counts, 0); // nobody asked
        {
            // The first read counts without a signal: QML reads it in a
            // binding, where a signal from the read is a binding loop.
            QSignalSpy fromRead(&model, &LiveQueryModel::matchCountChanged);
            QCOMPARE(model.matchCount(), 400);
            QCOMPARE(fromRead.size(), 0);
        }
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(m_notes->readStats().counts, 1);
        QSignalSpy changed(&model, &LiveQueryModel::matchCountChanged);

        // Twenty writes in a row: one count when the throttle runs.
        for (int n = 0; n < 20; ++n)
            QVERIFY(m_notes->insert({{"title", QStringLiteral("More %1").arg(n)}}));
        QCOMPARE(m_notes->readStats().counts, 1);
        QTRY_COMPARE(changed.size(), 1); // from the event loop, no read needed
        QCOMPARE(m_notes->readStats().counts, 2);
        QCOMPARE(model.matchCount(), 420);
        QCOMPARE(m_notes->readStats().counts, 2);

        // A new query is counted at once.
        model.setQuery(m_notes, Query().where("done", Query::Op::Equal, true));
        QCOMPARE(model.matchCount(), 100);
    }

    void unknownFieldIsAnErrorNotACrash()
    {
        LiveQueryModel model;
        model.setQuery(m_notes, Query().where("nope", Query::Op::Equal, 1));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore());
        // A code, the store's English for the log only (the words are the
        // edge's: RecordListModel::error).
        QCOMPARE(model.failure().code, StoreError::Other);
        QVERIFY(model.failure().detail.contains("nope"));
        QVERIFY(m_notes->insert({{"title", "x"}}));
        QCOMPARE(model.rowCount(), 0);
        // A query that works clears it.
        QSignalSpy failureChanged(&model, &LiveQueryModel::failureChanged);
        model.setQuery(m_notes, Query());
        QVERIFY(!model.failure().isError());
        QCOMPARE(failureChanged.size(), 1);
        model.setQuery(nullptr, Query());
        QVERIFY(!model.failure().isError());
    }

    // What a failed read's SQLite text is said as (LocalStore::readErrorOf).
    void readErrorsAreSortedIntoCodes_data()
    {
        QTest::addColumn<QString>("sqliteText");
        QTest::addColumn<StoreError>("code");
        QTest::newRow("corrupt") << "database disk image is malformed Unable to fetch row"
                                 << StoreError::Corrupt;
        QTest::newRow("not a database") << "file is not a database" << StoreError::Corrupt;
        QTest::newRow("locked") << "database is locked Unable to fetch row" << StoreError::Busy;
        QTest::newRow("table locked") << "database table is locked" << StoreError::Busy;
        QTest::newRow("I/O") << "disk I/O error" << StoreError::DiskError;
        QTest::newRow("cannot open") << "unable to open database file" << StoreError::DiskError;
        QTest::newRow("full") << "database or disk is full" << StoreError::DiskFull;
        // A read writes nothing: neither refused nor read-only.
        QTest::newRow("constraint") << "UNIQUE constraint failed: x.id" << StoreError::Other;
        QTest::newRow("read-only") << "attempt to write a readonly database" << StoreError::Other;
        QTest::newRow("the query's own")
            << "notes has no field \"nope\" to filter on." << StoreError::Other;
    }

    void readErrorsAreSortedIntoCodes()
    {
        QFETCH(QString, sqliteText);
        QFETCH(StoreError, code);
        QCOMPARE(LocalStore::readErrorOf(sqliteText), code);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    Collection *m_notes = nullptr;
};

QTEST_GUILESS_MAIN(TestLiveQueryModel)
#include "tst_livequerymodel.moc"
