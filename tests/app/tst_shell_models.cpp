// The shell's C++: module list, record list (row-precise updates), settings,
// language resolution, generic record creation and profile preparation,
// all over a real LocalStore with the real module manifests.
#include "localstore.h"
#include "modulecatalog.h"
#include "modulelistmodel.h"
#include "profilepreparer.h"
#include "recordlistmodel.h"
#include "shellcontext.h"
#include "shellsettings.h"
#include "uilanguage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mana;
using namespace Qt::StringLiterals;

namespace {

ModuleListModel::Entry entry(const QString &id, const QString &en, const QString &de, int order)
{
    ModuleListModel::Entry e;
    e.moduleId = id;
    e.appId = id;
    e.nameEn = en;
    e.nameDe = de;
    e.color = QStringLiteral("#112233");
    e.order = order;
    return e;
}

QStringList idsOf(const QList<ModuleEntry> &results)
{
    QStringList ids;
    for (const ModuleEntry &result : results)
        ids.append(result.moduleId);
    return ids;
}

} // namespace

class TestShellModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void moduleListIsInNavigationOrder();
    void moduleListFollowsLanguage();
    void moduleSearch_data();
    void moduleSearch();
    void catalogGivesEveryModuleWithIcon();

    void recordListShowsTitlesAndSubtitles();
    void recordListUpdatesOnlyChangedRows();
    void recordListInsertsAndRemovesSingleRows();
    void recordListMovesReorderedRecord();
    void recordListReReadsOnStoreChange();

    void searchRecords_data();
    void searchRecords();
    void searchRecordsReadsFewRowsOfALargeCollection();

    void settingsRoundTrip();
    void settingsRejectUnknownValues();
    void languageResolution_data();
    void languageResolution();

    void createRecordWritesTitle();
    void createRecordRefusals_data();
    void createRecordRefusals();

    void preparingTwiceWritesSeedsOnce();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    ModuleCatalog m_catalog;
    std::unique_ptr<ShellContext> m_context;
    Collection *m_tasks = nullptr;
};

void TestShellModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("guest.sqlite")), &error),
             qPrintable(error));
    m_catalog = ModuleCatalog::load();
    QVERIFY(m_catalog.info(u"todo"));
    ProfilePreparation preparation;
    QVERIFY2(prepareProfile(*m_store, m_catalog, false, QStringLiteral("en"), &preparation),
             qPrintable(preparation.problems.join('\n')));
    m_tasks = m_store->collection(QStringLiteral("todo"), QStringLiteral("tasks"));
    QVERIFY(m_tasks);
    m_context = std::make_unique<ShellContext>();
    m_context->setStore(m_store.get());
}

void TestShellModels::cleanup()
{
    m_context.reset();
    m_store.reset();
    m_dir.reset();
}

void TestShellModels::moduleListIsInNavigationOrder()
{
    ModuleListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy countSpy(&model, &ModuleListModel::countChanged);
    model.setEntries({entry("zeta", "Zeta", "Zeta", 2), entry("alpha", "Alpha", "Alpha", 3),
                      entry("todo", "Todo", "Aufgaben", 1)});
    QCOMPARE(countSpy.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.get(0).moduleId, QStringLiteral("todo"));
    QCOMPARE(model.get(1).moduleId, QStringLiteral("zeta"));
    // Every field of an entry, typed: what the sidebar and ModulePage read.
    ModuleEntry zeta;
    zeta.moduleId = zeta.appId = QStringLiteral("zeta");
    zeta.name = QStringLiteral("Zeta");
    zeta.color = QStringLiteral("#112233");
    zeta.row = 1;
    QCOMPARE(model.get(1), zeta);
    QCOMPARE(model.indexOf(QStringLiteral("alpha")), 2);
    QCOMPARE(model.indexOf(QStringLiteral("missing")), -1);
    QCOMPARE(model.get(7), ModuleEntry());
    QCOMPARE(model.get(7).row, -1);
}

void TestShellModels::moduleListFollowsLanguage()
{
    ModuleListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({entry("todo", "Todo", "Aufgaben", 1)});
    QCOMPARE(model.data(model.index(0), ModuleListModel::NameRole).toString(),
             QStringLiteral("Todo"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLanguage(QStringLiteral("de"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(model.index(0), ModuleListModel::NameRole).toString(),
             QStringLiteral("Aufgaben"));
}

void TestShellModels::moduleSearch_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty lists all") << "en"
                                     << "" << QStringList{"todo", "calendar", "notes", "cards"};
    QTest::newRow("prefix") << "en"
                            << "cal" << QStringList{"calendar"};
    QTest::newRow("case and spaces") << "en"
                                     << "  TODO " << QStringList{"todo"};
    QTest::newRow("prefix before substring") << "en"
                                             << "ca" << QStringList{"calendar", "cards"};
    QTest::newRow("substring") << "en"
                               << "end" << QStringList{"calendar"};
    QTest::newRow("German name in English UI") << "en"
                                               << "aufg" << QStringList{"todo"};
    QTest::newRow("accents ignored") << "de"
                                     << "ubung" << QStringList{"cards"};
    QTest::newRow("umlaut typed") << "de"
                                  << "Üb" << QStringList{"cards"};
    QTest::newRow("no match") << "en"
                              << "xyz" << QStringList{};
}

void TestShellModels::moduleSearch()
{
    QFETCH(QString, language);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    ModuleListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(
        {entry("todo", "Todo", "Aufgaben", 1), entry("calendar", "Calendar", "Kalender", 2),
         entry("notes", "Notes", "Notizen", 3), entry("cards", "Flashcards", "Übungskarten", 4)});
    model.setLanguage(language);
    QCOMPARE(idsOf(model.search(text)), expected);
}

void TestShellModels::catalogGivesEveryModuleWithIcon()
{
    const QList<ModuleListModel::Entry> entries = ModuleListModel::entriesFromCatalog(m_catalog);
    QCOMPARE(entries.size(), m_catalog.modules.size());
    for (const ModuleListModel::Entry &e : entries) {
        QVERIFY2(!e.nameEn.isEmpty() && !e.nameDe.isEmpty(), qPrintable(e.moduleId));
        QVERIFY2(e.color.startsWith('#'), qPrintable(e.moduleId));
        QVERIFY2(e.collections.size() > 0, qPrintable(e.moduleId));
    }
}

void TestShellModels::recordListShowsTitlesAndSubtitles()
{
    QVERIFY(m_tasks->insert({{"title", "Buy milk"}, {"description", "two litres\nfull fat"}}));
    RecordListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContext(m_context.get());
    model.setAppId(QStringLiteral("todo"));
    model.setCollectionName(QStringLiteral("tasks"));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex first = model.index(0);
    QCOMPARE(model.data(first, RecordListModel::TitleRole).toString(), QStringLiteral("Buy milk"));
    QCOMPARE(model.data(first, RecordListModel::SubtitleRole).toString(),
             QStringLiteral("two litres"));
    QCOMPARE(model.data(first, RecordListModel::RecordRole).toMap().value("title").toString(),
             QStringLiteral("Buy milk"));
    QVERIFY(model.error().isEmpty());
}

void TestShellModels::recordListUpdatesOnlyChangedRows()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(m_tasks->insert({{"title", QStringLiteral("Task %1").arg(i)}}).id);
    RecordListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCollection(m_tasks);
    QCOMPARE(model.rowCount(), 5);

    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    const int row = model.indexOfId(ids.at(2));
    QVERIFY(m_tasks->update(ids.at(2), {{"title", "Renamed"}}));
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(dataChanged.first().at(0).toModelIndex().row(), row);
    QCOMPARE(dataChanged.first().at(1).toModelIndex().row(), row);
    QCOMPARE(model.data(model.index(row), RecordListModel::TitleRole).toString(),
             QStringLiteral("Renamed"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
}

void TestShellModels::recordListInsertsAndRemovesSingleRows()
{
    const QString first = m_tasks->insert({{"title", "First"}}).id;
    RecordListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCollection(m_tasks);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy countChanged(&model, &RecordListModel::countChanged);

    const QString second = m_tasks->insert({{"title", "Second"}}).id;
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    // Tasks have an "order" field (default 0); equal orders come in id order,
    // and ids are time-ordered, so the new task is last.
    QCOMPARE(model.indexOfId(second), 1);

    QVERIFY(m_tasks->remove(first));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.indexOfId(first), -1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(countChanged.count(), 2);
}

void TestShellModels::recordListMovesReorderedRecord()
{
    Collection *projects = m_store->collection(QStringLiteral("todo"), QStringLiteral("projects"));
    QVERIFY(projects);
    const QString a = projects->insert({{"name", "A"}, {"order", 1}}).id;
    const QString b = projects->insert({{"name", "B"}, {"order", 2}}).id;
    const QString c = projects->insert({{"name", "C"}, {"order", 3}}).id;
    RecordListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCollection(projects);
    QCOMPARE(model.indexOfId(a), 0);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(projects->update(a, {{"order", 10}}));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.indexOfId(b), 0);
    QCOMPARE(model.indexOfId(c), 1);
    QCOMPARE(model.indexOfId(a), 2);
    QCOMPARE(model.data(model.index(2), RecordListModel::TitleRole).toString(),
             QStringLiteral("A"));
}

void TestShellModels::recordListReReadsOnStoreChange()
{
    QVERIFY(m_tasks->insert({{"title", "In the first profile"}}));
    RecordListModel model;
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContext(m_context.get());
    model.setAppId(QStringLiteral("todo"));
    model.setCollectionName(QStringLiteral("tasks"));
    QCOMPARE(model.rowCount(), 1);

    LocalStore other;
    QVERIFY(other.open(m_dir->filePath(QStringLiteral("account.sqlite"))));
    QVERIFY(prepareProfile(other, m_catalog, false, QStringLiteral("en"), nullptr));
    Collection *otherTasks = other.collection(QStringLiteral("todo"), QStringLiteral("tasks"));
    QVERIFY(otherTasks->insert({{"title", "Second profile 1"}}));
    QVERIFY(otherTasks->insert({{"title", "Second profile 2"}}));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    m_context->setStore(&other);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    // Writes to the old store no longer reach the model.
    QVERIFY(m_tasks->insert({{"title", "Old profile"}}));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(otherTasks->insert({{"title", "Second profile 3"}}));
    QCOMPARE(model.rowCount(), 3);
    m_context->setStore(m_store.get());
}

void TestShellModels::searchRecords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected"); // "<module>: <title>", in order

    // Apps in navigation order (Todo before Zitare); in one collection the
    // titles that start with the text come first, then alphabetically.
    QTest::newRow("word start") << "shop" << 12
                                << QStringList{"todo: Shopping list", "todo: Go shopping",
                                               "zitare: Shopping quotes"};
    QTest::newRow("accents ignored")
        << "cafe" << 12
        << QStringList{"todo: Café order", "todo: Cafeteria menu", "todo: Buy café beans"};
    QTest::newRow("several words, capitals") << "CAFÉ ord" << 12 << QStringList{"todo: Café order"};
    QTest::newRow("spaces") << "  cafe   ORDER " << 12 << QStringList{"todo: Café order"};
    // Words are found by their start: "hopping" no longer finds "Go
    // shopping", as the substring search before the full-text index did.
    QTest::newRow("inside a word") << "hopping" << 12 << QStringList{};
    QTest::newRow("five per collection")
        << "plan" << 12
        << QStringList{"todo: Plan A", "todo: Plan B", "todo: Plan C", "todo: Plan D",
                       "todo: Plan E"};
    QTest::newRow("limit") << "plan" << 3
                           << QStringList{"todo: Plan A", "todo: Plan B", "todo: Plan C"};
    QTest::newRow("search syntax typed")
        << "\"shop*" << 12
        << QStringList{"todo: Shopping list", "todo: Go shopping", "zitare: Shopping quotes"};
    QTest::newRow("deleted record") << "gone" << 12 << QStringList{};
    QTest::newRow("one letter") << "s" << 12 << QStringList{};
    QTest::newRow("punctuation only") << "--" << 12 << QStringList{};
    QTest::newRow("no room") << "shop" << 0 << QStringList{};
}

void TestShellModels::searchRecords()
{
    QFETCH(QString, text);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    m_context->setCatalog(&m_catalog);
    // Inserted out of alphabetical order, so the order is the switcher's.
    QList<QJsonObject> tasks;
    for (const char *title :
         {"Go shopping", "Shopping list", "Buy café beans", "Cafeteria menu", "Café order",
          "Plan G", "Plan F", "Plan E", "Plan D", "Plan C", "Plan B", "Plan A", "Gone task"})
        tasks.append({{"title", QString::fromUtf8(title)}});
    QString error;
    const QStringList ids = m_tasks->insertMany(tasks, &error);
    QCOMPARE(ids.size(), tasks.size());
    QVERIFY(m_tasks->remove(ids.last()));
    Collection *lists = m_store->collection(QStringLiteral("zitare"), QStringLiteral("lists"));
    QVERIFY(lists);
    QVERIFY(lists->insert({{"name", "Shopping quotes"}}));

    QStringList found;
    const QList<RecordSearchResult> results = m_context->searchRecords(text, limit);
    for (const RecordSearchResult &result : results) {
        found.append(result.moduleId + ": " + result.title);
        // The rest of a result: where it lives and how the switcher shows it.
        QVERIFY(!result.appId.isEmpty());
        QVERIFY(!result.collection.isEmpty());
        QVERIFY(!result.id.isEmpty());
        QVERIFY(!result.moduleName.isEmpty());
        QVERIFY(result.color.startsWith(u'#'));
    }
    QCOMPARE(found, expected);
    if (!results.isEmpty() && results.constFirst().moduleId == u"todo") {
        QCOMPARE(results.constFirst().collection, u"tasks"_s);
        QCOMPARE(results.constFirst().moduleName, u"Todo"_s);
        QVERIFY(m_tasks->get(results.constFirst().id));
    }
}

// Every keystroke asks every collection: a two-letter prefix that 3,000
// titles share reads a few of them, not all.
void TestShellModels::searchRecordsReadsFewRowsOfALargeCollection()
{
    m_context->setCatalog(&m_catalog);
    QList<QJsonObject> tasks;
    for (int i = 0; i < 3000; ++i)
        tasks.append({{"title", QStringLiteral("Item %1").arg(i)}});
    QString error;
    QCOMPARE(m_tasks->insertMany(tasks, &error).size(), tasks.size());
    m_tasks->resetReadStats();
    const QList<RecordSearchResult> results = m_context->searchRecords(QStringLiteral("it"));
    QCOMPARE(results.size(), 5);
    for (const RecordSearchResult &result : results)
        QVERIFY(result.title.startsWith(QLatin1String("Item ")));
    QVERIFY(m_tasks->readStats().rowsRead <= 20);
    QCOMPARE(m_tasks->readStats().unboundedQueries, 0);
}

void TestShellModels::settingsRoundTrip()
{
    const QString path = m_dir->filePath(QStringLiteral("shell.ini"));
    {
        ShellSettings settings(path);
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        QCOMPARE(settings.language(), QStringLiteral("system"));
        QSignalSpy themeSpy(&settings, &ShellSettings::themeChanged);
        settings.setTheme(QStringLiteral("dark"));
        settings.setTheme(QStringLiteral("dark"));
        QCOMPARE(themeSpy.count(), 1);
        settings.setLanguage(QStringLiteral("de"));
        settings.setLastModule(QStringLiteral("calendar"));
        settings.setWindowGeometry(QRect(10, 20, 1000, 700));
        settings.setWindowMaximized(true);
    }
    ShellSettings reread(path);
    QCOMPARE(reread.theme(), QStringLiteral("dark"));
    QCOMPARE(reread.language(), QStringLiteral("de"));
    QCOMPARE(reread.lastModule(), QStringLiteral("calendar"));
    QCOMPARE(reread.windowGeometry(), QRect(10, 20, 1000, 700));
    QVERIFY(reread.windowMaximized());
}

void TestShellModels::settingsRejectUnknownValues()
{
    const QString path = m_dir->filePath(QStringLiteral("odd.ini"));
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("appearance/theme"), QStringLiteral("neon"));
        raw.setValue(QStringLiteral("appearance/language"), QStringLiteral("tlh"));
        raw.setValue(QStringLiteral("window/geometry"), QStringLiteral("garbage"));
    }
    ShellSettings settings(path);
    QCOMPARE(settings.theme(), QStringLiteral("system"));
    QCOMPARE(settings.language(), QStringLiteral("system"));
    QVERIFY(!settings.windowGeometry().isValid());
    settings.setTheme(QStringLiteral("purple"));
    QCOMPARE(settings.theme(), QStringLiteral("system"));
}

void TestShellModels::languageResolution_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QStringList>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("explicit de") << "de" << QStringList{"en-US"} << "de";
    QTest::newRow("explicit en") << "en" << QStringList{"de-DE"} << "en";
    QTest::newRow("system German") << "system" << QStringList{"de-AT", "en-US"} << "de";
    QTest::newRow("system underscore") << "system" << QStringList{"de_CH"} << "de";
    QTest::newRow("first shipped wins") << "system" << QStringList{"fr-FR", "de-DE", "en"} << "de";
    QTest::newRow("nothing shipped") << "system" << QStringList{"fr-FR", "ja"} << "en";
    QTest::newRow("unknown setting") << "klingon" << QStringList{"de"} << "de";
    QTest::newRow("empty system") << "system" << QStringList{} << "en";
}

void TestShellModels::languageResolution()
{
    QFETCH(QString, setting);
    QFETCH(QStringList, system);
    QFETCH(QString, expected);
    QCOMPARE(UiLanguage::resolve(setting, system), expected);
}

void TestShellModels::createRecordWritesTitle()
{
    const int before = m_tasks->count();
    const int pendingBefore = m_store->pendingChanges().count();
    QCOMPARE(m_context->createRecord(QStringLiteral("todo"), QStringLiteral("tasks"),
                                     QStringLiteral("  Call Anna ")),
             QString());
    QCOMPARE(m_tasks->count(), before + 1);
    QCOMPARE(m_store->pendingChanges().count(), pendingBefore + 1);
    const QList<QJsonObject> rows =
        m_tasks->query(Query().where("title", Query::Op::Equal, "Call Anna"));
    QCOMPARE(rows.size(), 1);
    // boardViews has required fields without defaults (groupBy, columns):
    // they get neutral values instead of failing.
    QCOMPARE(m_context->createRecord(QStringLiteral("todo"), QStringLiteral("boardViews"),
                                     QStringLiteral("Board")),
             QString());
}

void TestShellModels::createRecordRefusals_data()
{
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("sentencePart");
    QTest::newRow("empty title") << "tasks"
                                 << "   "
                                 << "title";
    QTest::newRow("unknown collection") << "nope"
                                        << "x"
                                        << "nope";
    QTest::newRow("needs a reference") << "taskLabels"
                                       << "x"
                                       << "link";
}

void TestShellModels::createRecordRefusals()
{
    QFETCH(QString, collection);
    QFETCH(QString, title);
    QFETCH(QString, sentencePart);
    const int pendingBefore = m_store->pendingChanges().count();
    const QString error = m_context->createRecord(QStringLiteral("todo"), collection, title);
    QVERIFY2(error.contains(sentencePart), qPrintable(error));
    QCOMPARE(m_store->pendingChanges().count(), pendingBefore);
}

void TestShellModels::preparingTwiceWritesSeedsOnce()
{
    LocalStore fresh;
    QVERIFY(fresh.open(m_dir->filePath(QStringLiteral("fresh.sqlite"))));
    ProfilePreparation first;
    QVERIFY2(prepareProfile(fresh, m_catalog, true, QStringLiteral("de"), &first),
             qPrintable(first.problems.join('\n')));
    QVERIFY(first.seedRecordsWritten > 0);
    const int pending = fresh.pendingChanges().count();
    QCOMPARE(pending, first.seedRecordsWritten);

    // The user deletes every task; preparing again (even as "new") must not
    // bring the seeds back.
    Collection *tasks = fresh.collection(QStringLiteral("todo"), QStringLiteral("tasks"));
    for (const QJsonObject &task : tasks->query())
        QVERIFY(tasks->remove(task.value("id").toString()));
    const int pendingAfterDelete = fresh.pendingChanges().count();
    ProfilePreparation second;
    QVERIFY(prepareProfile(fresh, m_catalog, true, QStringLiteral("de"), &second));
    QCOMPARE(second.seedRecordsWritten, 0);
    QCOMPARE(tasks->count(), 0);
    QCOMPARE(fresh.pendingChanges().count(), pendingAfterDelete);
}

QTEST_GUILESS_MAIN(TestShellModels)
#include "tst_shell_models.moc"
