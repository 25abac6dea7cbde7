// Issue 12's pull test: 20,000 Todo tasks that another device pushed to the
// real mana-sync are pulled into a profile while the lists and counters a
// person has open (Inbox, Today, Completed, the generic task list, Todo's
// counts and projects) stay bound to it. Nothing above the engine may read
// the whole collection while the pull applies its pages: every read is a
// page of a list or the changed records themselves, and counts come from
// COUNT queries. Before list models over store queries, every page made the
// models re-read and the counters re-count all tasks (the app took minutes).
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "profilepreparer.h"
#include "recordlistmodel.h"
#include "serverprocess.h"
#include "syncapi.h"
#include "syncengine.h"
#include "todocontroller.h"
#include "todotaskmodel.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace mana;
using namespace mana::servertest;

namespace {

constexpr int kTasks = 20000;
constexpr int kProjects = 10;
// COUNTs of tasks in one round of the throttled refreshes: TodoController's
// four view counts and its projects' (every 250 ms at most), the generic
// list's total (every 300 ms at most).
constexpr int kCountsPerRefreshRound = 6;
constexpr int kRefreshIntervalMs = 250;

QString stamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestAppPullModels : public QObject
{
    Q_OBJECT

private slots:
    void pullReadsNoWholeCollection()
    {
        ServerProcess server{ServerOptions{}};
        QVERIFY2(server.start(), qPrintable(server.errorString() + server.logTail()));
        SyncApi api(server.baseUrl());
        QString error;
        const std::optional<TestUser> user = api.createUser(&error, QStringLiteral("pull"));
        QVERIFY2(user, qPrintable(error));

        // Another device's tasks: a third done, a fifth due around today,
        // a quarter in one of ten projects.
        const QString otherDevice = uuid();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList projectIds;
        QJsonArray projects;
        for (int p = 0; p < kProjects; ++p) {
            projectIds.append(uuid());
            projects.append(
                QJsonObject{{"table", "projects"},
                            {"id", projectIds.last()},
                            {"op", "insert"},
                            {"data", QJsonObject{{"name", QStringLiteral("Project %1").arg(p)},
                                                 {"order", p},
                                                 {"createdAt", stamp(now)},
                                                 {"updatedAt", stamp(now)}}}});
        }
        QCOMPARE(api.push(*user, otherDevice, "todo", projects).status, 200);
        int expectedInbox = 0;
        int expectedCompleted = 0;
        for (int first = 0; first < kTasks; first += 1000) {
            QJsonArray changes;
            for (int n = first; n < first + 1000; ++n) {
                QJsonObject data{{"title", QStringLiteral("Task %1").arg(n)},
                                 {"order", n},
                                 {"isCompleted", n % 3 == 0},
                                 {"createdAt", stamp(now)},
                                 {"updatedAt", stamp(now)}};
                if (n % 3 == 0)
                    data.insert("completedAt", stamp(now.addSecs(-n)));
                if (n % 5 == 0)
                    data.insert("dueDate", stamp(now.addDays(n % 11 - 5)));
                if (n % 4 == 0)
                    data.insert("projectId", projectIds.at(n % kProjects));
                expectedInbox += n % 3 != 0 && n % 4 != 0;
                expectedCompleted += n % 3 == 0;
                changes.append(QJsonObject{
                    {"table", "tasks"}, {"id", uuid()}, {"op", "insert"}, {"data", data}});
            }
            const HttpResponse pushed = api.push(*user, otherDevice, "todo", changes);
            QVERIFY2(pushed.status == 200, pushed.body.constData());
        }

        // This device: a fresh account profile with every module.
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY2(store.open(dir.filePath("profile.sqlite"), &error), qPrintable(error));
        const ModuleCatalog catalog = ModuleCatalog::load();
        ProfilePreparation preparation;
        QVERIFY(prepareProfile(store, catalog, false, QStringLiteral("en"), &preparation));
        Collection *tasks = store.collection("todo", "tasks");
        QVERIFY(tasks);

        todo::TodoTaskModel inbox;
        inbox.setStore(&store);
        todo::TodoTaskModel today;
        today.setStore(&store);
        today.setView(todo::TaskView::Today);
        todo::TodoTaskModel completed;
        completed.setStore(&store);
        completed.setView(todo::TaskView::Completed);
        todo::TodoController controller;
        controller.setStore(&store);
        RecordListModel taskList;
        taskList.setCollection(tasks);
        tasks->resetReadStats();

        SyncEngineConfig config;
        config.serverUrl = server.baseUrl();
        SyncEngine engine(&store, config);
        engine.setAccessToken(user->accessToken);
        QElapsedTimer pullTimer;
        pullTimer.start();
        engine.start();
        // The state first: tasks->count() is a COUNT like the counters' and
        // lands in the same statistics, once per poll of this loop, so the
        // slower the pull, the more of them (a sanitizer build polled 700
        // times, docs/sanitizers.md). Counted only once the pull is done.
        QTRY_VERIFY_WITH_TIMEOUT(engine.status()->state() == SyncStatus::State::Synced &&
                                     tasks->count() == kTasks,
                                 180000);
        // The throttled counters catch up once the pages stop.
        QTRY_COMPARE_WITH_TIMEOUT(controller.counts().inbox, expectedInbox, 5000);
        const qint64 pullMs = pullTimer.elapsed();

        const Collection::ReadStats stats = tasks->readStats();
        qInfo() << "reads during the pull:" << stats.queries << "queries," << stats.rowsRead
                << "rows," << stats.counts << "counts in" << pullMs << "ms";
        QCOMPARE(stats.unboundedQueries, 0);
        // Each of the four lists reads at most the changed records once.
        QVERIFY2(stats.rowsRead <= 4 * kTasks, qPrintable(QString::number(stats.rowsRead)));
        // Counts are throttled by time, a round at most every 250 ms: far
        // fewer than one per page per counter while pages come faster than
        // that. A build many times slower (the sanitizers: 85 s for this pull
        // instead of 2, docs/sanitizers.md) applies a page in several turns
        // over seconds, so there the bound is the rounds its duration allows.
        const qint64 refreshRounds = pullMs / kRefreshIntervalMs + 2;
        QVERIFY2(stats.counts < 5 * (kTasks / 1000) * 4 ||
                     stats.counts <= kCountsPerRefreshRound * refreshRounds,
                 qPrintable(QStringLiteral("%1 counts in %2 ms").arg(stats.counts).arg(pullMs)));

        // The lists hold pages, not the collection, and show the right rows.
        QVERIFY(inbox.rowCount() <= 2 * LiveQueryModel::kDefaultPageSize);
        QVERIFY(inbox.canFetchMore());
        QVERIFY(completed.rowCount() <= 2 * LiveQueryModel::kDefaultPageSize);
        QVERIFY(taskList.rowCount() <= 2 * LiveQueryModel::kDefaultPageSize);
        QCOMPARE(taskList.totalCount(), kTasks);
        QCOMPARE(inbox.data(inbox.index(0), todo::TodoTaskModel::TitleRole).toString(),
                 QStringLiteral("Task 1"));
        QCOMPARE(completed.data(completed.index(0), todo::TodoTaskModel::TitleRole).toString(),
                 QStringLiteral("Task 0"));
        QCOMPARE(tasks->count(Query().where("isCompleted", Query::Op::Equal, true)),
                 expectedCompleted);
        int openInProjects = 0;
        for (const todo::TodoProject &project : controller.projects())
            openInProjects += project.openCount;
        QCOMPARE(openInProjects, tasks->count(Query()
                                                  .where("isCompleted", Query::Op::Equal, false)
                                                  .where("projectId", Query::Op::IsNotNull)));
        engine.stop();
    }
};

QTEST_MAIN(TestAppPullModels)
#include "tst_app_pull_models.moc"
