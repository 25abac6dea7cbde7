// The seed writer on a real store with all 19 modules: first start writes
// every seed once as pending changes, a second start writes nothing, deleted
// seeds never come back, a collection with data of its own is left alone, and
// the language picks the texts.
#include "localstore.h"
#include "modulecatalog.h"
#include "seedwriter.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mana;

namespace {

const ModuleCatalog &shippedCatalog()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    return catalog;
}

int shippedSeedCount()
{
    int count = 0;
    for (const ModuleInfo &info : shippedCatalog().infos)
        count += info.seeds.recordCount();
    return count;
}

// Every record of every collection, deleted ones too.
int storedRecordCount(const LocalStore &store)
{
    Query everything;
    everything.includeDeleted = true;
    int count = 0;
    for (Collection *collection : store.collections())
        count += collection->count(everything);
    return count;
}

} // namespace

class TestSeedWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstStartWritesEverySeedAsPendingChanges();
    void secondStartWritesNothing();
    void deletedSeedsNeverComeBack();
    void purgedSeedsNeverComeBack();
    void collectionWithOwnDataIsNotSeeded();
    void languagePicksTheTexts_data();
    void languagePicksTheTexts();
    void relativeDatesResolveAtSeedTime();
    void missingCollectionIsReportedAndOthersAreWritten();
    void reopenedStoreRemembersMarkers();

private:
    bool openStore();
    QDateTime m_now;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<LocalStore> m_store;
};

bool TestSeedWriter::openStore()
{
    m_store = std::make_unique<LocalStore>();
    QString error;
    if (!m_store->open(m_directory->filePath(QStringLiteral("guest.sqlite")), &error)) {
        qWarning("open: %s", qPrintable(error));
        return false;
    }
    for (const ModuleSpec &module : shippedCatalog().modules) {
        if (!m_store->addModule(module, &error)) {
            qWarning("%s: %s", qPrintable(module.id), qPrintable(error));
            return false;
        }
    }
    return true;
}

void TestSeedWriter::init()
{
    QVERIFY2(shippedCatalog().errors.isEmpty(), qPrintable(shippedCatalog().errors.join(u'\n')));
    m_now = QDateTime(QDate(2026, 11, 25), QTime(10, 0), QTimeZone("Europe/Berlin"));
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    QVERIFY(openStore());
}

void TestSeedWriter::cleanup()
{
    m_store.reset();
    m_directory.reset();
}

void TestSeedWriter::firstStartWritesEverySeedAsPendingChanges()
{
    QString error;
    int written = -1;
    QVERIFY2(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                    &written),
             qPrintable(error));
    QVERIFY(shippedSeedCount() >= 19 * 3);
    QCOMPARE(written, shippedSeedCount());
    QCOMPARE(storedRecordCount(*m_store), shippedSeedCount());
    // A guest's seeds are pushed like any other record when they sign in.
    QCOMPARE(m_store->pendingChanges().count(), shippedSeedCount());
    QCOMPARE(m_store->pendingChanges().count(QStringLiteral("todo")),
             shippedCatalog().info(u"todo")->seeds.recordCount());
    QCOMPARE(
        m_store->metaValue(SeedWriter::markerKey(QStringLiteral("todo"), QStringLiteral("tasks"))),
        QStringLiteral("2026-11-25T09:00:00Z"));

    const auto welcome = m_store->collection(QStringLiteral("todo"), QStringLiteral("tasks"))
                             ->get(QStringLiteral("seed-todo-welcome"));
    QVERIFY(welcome);
    QCOMPARE(welcome->value(QLatin1String("title")).toString(), QStringLiteral("Welcome to Todo!"));
    QCOMPARE(welcome->value(QLatin1String("subtasks")).toArray().size(), 3);
}

void TestSeedWriter::secondStartWritesNothing()
{
    QString error;
    QVERIFY(writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error));
    const int pending = m_store->pendingChanges().count();
    int written = -1;
    QVERIFY2(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("de"),
                                    m_now.addDays(1), &error, &written),
             qPrintable(error));
    QCOMPARE(written, 0);
    QCOMPARE(storedRecordCount(*m_store), shippedSeedCount());
    QCOMPARE(m_store->pendingChanges().count(), pending);
}

void TestSeedWriter::deletedSeedsNeverComeBack()
{
    QString error;
    QVERIFY(writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error));
    Collection *tasks = m_store->collection(QStringLiteral("todo"), QStringLiteral("tasks"));
    const QList<QJsonObject> seeded = tasks->query();
    QVERIFY(!seeded.isEmpty());
    for (const QJsonObject &task : seeded)
        QVERIFY(tasks->remove(task.value(QLatin1String("id")).toString()));
    QCOMPARE(tasks->count(), 0);

    int written = -1;
    QVERIFY(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                   &written));
    QCOMPARE(written, 0);
    QCOMPARE(tasks->count(), 0);

    // Even with the marker lost, the tombstones say the user had records.
    QVERIFY(m_store->setMetaValue(
        SeedWriter::markerKey(QStringLiteral("todo"), QStringLiteral("tasks")),
        QStringLiteral("")));
    QVERIFY(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                   &written));
    QCOMPARE(written, 0);
    QCOMPARE(tasks->count(), 0);
}

// Tombstones are purged once the server has them; the marker is what still
// remembers the collection was seeded.
void TestSeedWriter::purgedSeedsNeverComeBack()
{
    QString error;
    QVERIFY(writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error));
    Collection *cards = m_store->collection(QStringLiteral("cards"), QStringLiteral("cards"));
    QVERIFY(cards->count() > 0);
    QSqlQuery purge(m_store->database());
    QVERIFY2(purge.exec(QStringLiteral("DELETE FROM %1").arg(cards->spec().tableName)),
             qPrintable(purge.lastError().text()));
    Query everything;
    everything.includeDeleted = true;
    QCOMPARE(cards->count(everything), 0);

    int written = -1;
    QVERIFY(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                   &written));
    QCOMPARE(written, 0);
    QCOMPARE(cards->count(everything), 0);
}

void TestSeedWriter::collectionWithOwnDataIsNotSeeded()
{
    Collection *tasks = m_store->collection(QStringLiteral("todo"), QStringLiteral("tasks"));
    QVERIFY(tasks->insert({{QStringLiteral("title"), QStringLiteral("Synced from my account")}}));

    QString error;
    QVERIFY(writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error));
    QCOMPARE(tasks->count(), 1);
    QVERIFY(!tasks->get(QStringLiteral("seed-todo-welcome")));
    // The other collections of the app are still seeded, …
    QCOMPARE(m_store->collection(QStringLiteral("todo"), QStringLiteral("boardViews"))->count(), 2);
    // … and the task collection stays unseeded after the user empties it.
    const QString ownId = tasks->query().first().value(QLatin1String("id")).toString();
    QVERIFY(tasks->remove(ownId));
    int written = -1;
    QVERIFY(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                   &written));
    QCOMPARE(written, 0);
    QCOMPARE(tasks->count(), 0);
}

void TestSeedWriter::languagePicksTheTexts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("taskTitle");
    QTest::addColumn<QString>("calendarName");
    QTest::addColumn<QString>("fileName");
    QTest::newRow("English") << "en"
                             << "Go shopping"
                             << "Personal"
                             << "Welcome.txt";
    QTest::newRow("German") << "de"
                            << "Einkaufen gehen"
                            << "Privat"
                            << "Willkommen.txt";
    QTest::newRow("other falls back to English") << "fr"
                                                 << "Go shopping"
                                                 << "Personal"
                                                 << "Welcome.txt";
}

void TestSeedWriter::languagePicksTheTexts()
{
    QFETCH(QString, language);
    QFETCH(QString, taskTitle);
    QFETCH(QString, calendarName);
    QFETCH(QString, fileName);
    QString error;
    QVERIFY2(writeSeeds(*m_store, shippedCatalog(), language, m_now, &error), qPrintable(error));
    auto field = [&](const char *app, const char *collection, const char *id, const char *name) {
        const auto record =
            m_store->collection(QString::fromLatin1(app), QString::fromLatin1(collection))
                ->get(QString::fromLatin1(id));
        return record ? record->value(QLatin1String(name)).toString() : QString();
    };
    QCOMPARE(field("todo", "tasks", "seed-todo-shopping", "title"), taskTitle);
    QCOMPARE(field("calendar", "calendars", "seed-calendar-personal", "name"), calendarName);
    QCOMPARE(field("storage", "files", "seed-storage-welcome", "name"), fileName);
    // The subtasks are translated inside the JSON value.
    const auto shopping = m_store->collection(QStringLiteral("todo"), QStringLiteral("tasks"))
                              ->get(QStringLiteral("seed-todo-shopping"));
    const QString firstSubtask = shopping->value(QLatin1String("subtasks"))
                                     .toArray()
                                     .first()[QLatin1String("title")]
                                     .toString();
    QCOMPARE(firstSubtask,
             language == QLatin1String("de") ? QStringLiteral("Milch") : QStringLiteral("Milk"));
}

void TestSeedWriter::relativeDatesResolveAtSeedTime()
{
    QString error;
    QVERIFY(writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error));
    auto value = [&](const char *app, const char *collection, const char *id, const char *name) {
        return m_store->collection(QString::fromLatin1(app), QString::fromLatin1(collection))
            ->get(QString::fromLatin1(id))
            ->value(QLatin1String(name))
            .toString();
    };
    // m_now is Wednesday 25 November 2026, 10:00 in Berlin (UTC+1).
    QCOMPARE(value("todo", "tasks", "seed-todo-shopping", "dueDate"),
             QStringLiteral("2026-11-26T09:00:00.000Z"));
    QCOMPARE(value("calendar", "events", "seed-calendar-welcome", "startDate"),
             QStringLiteral("2026-11-25T11:00:00.000Z"));
    QCOMPARE(value("calendar", "events", "seed-calendar-weekly-review", "startDate"),
             QStringLiteral("2026-11-27T15:00:00.000Z"));
    QCOMPARE(value("calendar", "events", "seed-calendar-weekly-review", "recurrenceRule"),
             QStringLiteral("FREQ=WEEKLY;BYDAY=FR"));
    QCOMPARE(value("planta", "plants", "seed-planta-monstera", "acquiredAt"),
             QStringLiteral("2026-10-26"));
    QCOMPARE(value("nutriphi", "meals", "seed-nutriphi-meal-today", "date"),
             QStringLiteral("2026-11-25T07:00:00.000Z"));
}

void TestSeedWriter::missingCollectionIsReportedAndOthersAreWritten()
{
    // A store where one module was never added (its manifest failed at start).
    QTemporaryDir directory;
    LocalStore store;
    QString error;
    QVERIFY(store.open(directory.filePath(QStringLiteral("partial.sqlite")), &error));
    for (const ModuleSpec &module : shippedCatalog().modules) {
        if (module.id != QLatin1String("clock"))
            QVERIFY(store.addModule(module, &error));
    }
    int written = -1;
    QVERIFY(!SeedWriter::writeSeeds(store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                    &written));
    QVERIFY2(error.contains(QLatin1String("clock/alarms")), qPrintable(error));
    QCOMPARE(written, shippedSeedCount() - shippedCatalog().info(u"clock")->seeds.recordCount());
    QVERIFY(
        store.metaValue(SeedWriter::markerKey(QStringLiteral("clock"), QStringLiteral("alarms")))
            .isEmpty());
}

void TestSeedWriter::reopenedStoreRemembersMarkers()
{
    QString error;
    QVERIFY(writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error));
    m_store.reset();
    QVERIFY(openStore());
    int written = -1;
    QVERIFY(SeedWriter::writeSeeds(*m_store, shippedCatalog(), QStringLiteral("en"), m_now, &error,
                                   &written));
    QCOMPARE(written, 0);
    QCOMPARE(storedRecordCount(*m_store), shippedSeedCount());
}

QTEST_GUILESS_MAIN(TestSeedWriter)
#include "tst_seedwriter.moc"
