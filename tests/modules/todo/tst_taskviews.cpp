// Todo's views as pure functions: Today/Upcoming around midnight and across
// DST changes (whole local days), overdue, completed tasks in no open view,
// Inbox vs project, labels through taskLabels, sort orders, and the board
// columns of the shipped seeds (columnOf / moveToColumn).
#include "localstore.h"
#include "modulecatalog.h"
#include "taskviews.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <algorithm>

using namespace mana;
using namespace mana::todo;
using namespace Qt::StringLiterals;

namespace {

QTimeZone zone(const QByteArray &id)
{
    return QTimeZone(id);
}

QDateTime local(const QByteArray &zoneId, int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), zone(zoneId));
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject task(const QString &id, QJsonObject fields = {})
{
    fields.insert(u"id"_s, id);
    if (!fields.contains(u"title"_s))
        fields.insert(u"title"_s, id);
    if (!fields.contains(u"isCompleted"_s))
        fields.insert(u"isCompleted"_s, false);
    if (!fields.contains(u"priority"_s))
        fields.insert(u"priority"_s, u"medium"_s);
    if (!fields.contains(u"order"_s))
        fields.insert(u"order"_s, 0);
    for (const char *optional : {"projectId", "dueDate", "completedAt", "deletedAt"}) {
        if (!fields.contains(QLatin1String(optional)))
            fields.insert(QLatin1String(optional), QJsonValue::Null);
    }
    return fields;
}

QJsonObject dueTask(const QString &id, const QDateTime &due, QJsonObject fields = {})
{
    fields.insert(u"dueDate"_s, iso(due));
    return task(id, fields);
}

QStringList idsOf(const QList<QJsonObject> &tasks)
{
    QStringList ids;
    for (const QJsonObject &t : tasks)
        ids.append(t.value(u"id"_s).toString());
    return ids;
}

// The English columns of a shipped board view, straight from the seed file.
QJsonArray seedColumns(const QString &boardName)
{
    QFile file(u":/modules/todo/seed.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject seed = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray boards =
        seed.value(u"collections"_s).toObject().value(u"boardViews"_s).toArray();
    for (const QJsonValue &board : boards) {
        const QJsonObject en = board.toObject().value(u"en"_s).toObject();
        if (en.value(u"name"_s).toString() == boardName)
            return en.value(u"columns"_s).toArray();
    }
    return {};
}

QJsonArray columnsNamed(const QString &name)
{
    if (name == QLatin1String("custom")) {
        // Two keys per match and a number, to test "every key equals".
        return QJsonDocument::fromJson(R"([
            {"id":"hot","title":"Hot","match":{"isCompleted":false,"priority":"urgent"}},
            {"id":"first","title":"First","match":{"isCompleted":false,"order":1}},
            {"id":"open","title":"Open","match":{"isCompleted":false}}
        ])")
            .array();
    }
    return seedColumns(name);
}

} // namespace

class TestTaskViews : public QObject
{
    Q_OBJECT

private slots:
    void todayAndUpcoming_data();
    void todayAndUpcoming();
    void upcomingGroupsAreWholeLocalDays_data();
    void upcomingGroupsAreWholeLocalDays();
    void completedTasksAreInNoOpenView_data();
    void completedTasksAreInNoOpenView();
    void deletedTasksAreInNoView();
    void inboxVersusProject();
    void labelThroughTaskLabels();
    void sortOrder_data();
    void sortOrder();
    void seedBoardsAreShipped();
    void columnOf_data();
    void columnOf();
    void moveToColumn_data();
    void moveToColumn();
    void moveToColumnIsAcceptedByTheStore();
};

void TestTaskViews::todayAndUpcoming_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("due"); // as stored: ISO UTC
    QTest::addColumn<bool>("today");
    QTest::addColumn<bool>("upcoming");
    QTest::addColumn<bool>("overdue");
    QTest::addColumn<QDate>("group");

    const QByteArray berlin = "Europe/Berlin";
    const QByteArray newYork = "America/New_York";
    const QDate d(2026, 11, 25);

    // Around midnight.
    QTest::newRow("23:59 task, now 23:59:59")
        << berlin << local(berlin, 2026, 11, 25, 23, 59, 59)
        << iso(local(berlin, 2026, 11, 25, 23, 59)) << true << false << false << d;
    QTest::newRow("00:00 next day, now 23:59:59")
        << berlin << local(berlin, 2026, 11, 25, 23, 59, 59)
        << iso(local(berlin, 2026, 11, 26, 0, 0)) << false << true << false << d.addDays(1);
    QTest::newRow("23:59 task, now 00:00:00 next day: overdue")
        << berlin << local(berlin, 2026, 11, 26, 0, 0, 0)
        << iso(local(berlin, 2026, 11, 25, 23, 59)) << true << false << true << d;
    QTest::newRow("00:00 task, now 00:00:00")
        << berlin << local(berlin, 2026, 11, 26, 0, 0, 0) << iso(local(berlin, 2026, 11, 26, 0, 0))
        << true << false << false << d.addDays(1);
    QTest::newRow("due earlier today is not overdue")
        << berlin << local(berlin, 2026, 11, 25, 17, 0) << iso(local(berlin, 2026, 11, 25, 9, 0))
        << true << false << false << d;
    QTest::newRow("a week overdue")
        << berlin << local(berlin, 2026, 11, 25, 12, 0) << iso(local(berlin, 2026, 11, 18, 12, 0))
        << true << false << true << d.addDays(-7);
    QTest::newRow("today+7 23:59 is upcoming")
        << berlin << local(berlin, 2026, 11, 25, 12, 0) << iso(local(berlin, 2026, 12, 2, 23, 59))
        << false << true << false << d.addDays(7);
    QTest::newRow("today+8 00:00 is neither")
        << berlin << local(berlin, 2026, 11, 25, 12, 0) << iso(local(berlin, 2026, 12, 3, 0, 0))
        << false << false << false << d.addDays(8);
    QTest::newRow("same UTC day, next local day (UTC+1)")
        << berlin << local(berlin, 2026, 11, 25, 12, 0) << u"2026-11-25T23:30:00.000Z"_s << false
        << true << false << d.addDays(1);

    // Berlin, spring forward 2026-03-29 02:00 CET -> 03:00 CEST (a 23 h day).
    QTest::newRow("Berlin spring: 00:00 CET of DST day")
        << berlin << local(berlin, 2026, 3, 28, 12, 0) << u"2026-03-28T23:00:00.000Z"_s << false
        << true << false << QDate(2026, 3, 29);
    QTest::newRow("Berlin spring: 23:59 CEST of DST day")
        << berlin << local(berlin, 2026, 3, 28, 12, 0) << u"2026-03-29T21:59:00.000Z"_s << false
        << true << false << QDate(2026, 3, 29);
    QTest::newRow("Berlin spring: 00:00 CEST of the day after")
        << berlin << local(berlin, 2026, 3, 29, 23, 30) << u"2026-03-29T22:00:00.000Z"_s << false
        << true << false << QDate(2026, 3, 30);
    QTest::newRow("Berlin spring: now 00:30 CET, due 23:59 CEST")
        << berlin << QDateTime::fromString(u"2026-03-28T23:30:00Z"_s, Qt::ISODate)
        << u"2026-03-29T21:59:00.000Z"_s << true << false << false << QDate(2026, 3, 29);
    QTest::newRow("Berlin spring: 01:59 CET before the gap")
        << berlin << local(berlin, 2026, 3, 29, 0, 30) << u"2026-03-29T00:59:00.000Z"_s << true
        << false << false << QDate(2026, 3, 29);

    // Berlin, fall back 2026-10-25 03:00 CEST -> 02:00 CET (a 25 h day).
    QTest::newRow("Berlin fall: 00:00 CEST of DST day")
        << berlin << local(berlin, 2026, 10, 24, 12, 0) << u"2026-10-24T22:00:00.000Z"_s << false
        << true << false << QDate(2026, 10, 25);
    QTest::newRow("Berlin fall: 23:59 CET of DST day")
        << berlin << local(berlin, 2026, 10, 24, 12, 0) << u"2026-10-25T22:59:00.000Z"_s << false
        << true << false << QDate(2026, 10, 25);
    QTest::newRow("Berlin fall: second 02:30 (CET) is still the DST day")
        << berlin << local(berlin, 2026, 10, 25, 0, 30) << u"2026-10-25T01:30:00.000Z"_s << true
        << false << false << QDate(2026, 10, 25);
    QTest::newRow("Berlin fall: now 23:59:59 CET, due 00:00 next day")
        << berlin << QDateTime::fromString(u"2026-10-25T22:59:59Z"_s, Qt::ISODate)
        << u"2026-10-25T23:00:00.000Z"_s << false << true << false << QDate(2026, 10, 26);
    QTest::newRow("Berlin fall: now 00:00 next day, due 23:59 CET: overdue")
        << berlin << QDateTime::fromString(u"2026-10-25T23:00:00Z"_s, Qt::ISODate)
        << u"2026-10-25T22:59:00.000Z"_s << true << false << true << QDate(2026, 10, 25);

    // New York, spring forward 2026-03-08 02:00 EST -> 03:00 EDT.
    QTest::newRow("New York spring: 00:00 EST of DST day")
        << newYork << local(newYork, 2026, 3, 7, 23, 59, 59) << u"2026-03-08T05:00:00.000Z"_s
        << false << true << false << QDate(2026, 3, 8);
    QTest::newRow("New York spring: 23:59 EDT of DST day")
        << newYork << local(newYork, 2026, 3, 8, 0, 0, 0) << u"2026-03-09T03:59:00.000Z"_s << true
        << false << false << QDate(2026, 3, 8);
    QTest::newRow("New York spring: 00:00 EDT the day after")
        << newYork << local(newYork, 2026, 3, 8, 23, 59, 59) << u"2026-03-09T04:00:00.000Z"_s
        << false << true << false << QDate(2026, 3, 9);

    // New York, fall back 2026-11-01 02:00 EDT -> 01:00 EST.
    QTest::newRow("New York fall: 00:00 EDT of DST day")
        << newYork << local(newYork, 2026, 10, 31, 12, 0) << u"2026-11-01T04:00:00.000Z"_s << false
        << true << false << QDate(2026, 11, 1);
    QTest::newRow("New York fall: 23:59 EST of DST day")
        << newYork << local(newYork, 2026, 11, 1, 0, 30) << u"2026-11-02T04:59:00.000Z"_s << true
        << false << false << QDate(2026, 11, 1);
    QTest::newRow("New York fall: now 00:00 EST next day, due 23:59: overdue")
        << newYork << QDateTime::fromString(u"2026-11-02T05:00:00Z"_s, Qt::ISODate)
        << u"2026-11-02T04:59:00.000Z"_s << true << false << true << QDate(2026, 11, 1);
}

void TestTaskViews::todayAndUpcoming()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QDateTime, now);
    QFETCH(QString, due);
    QFETCH(bool, today);
    QFETCH(bool, upcoming);
    QFETCH(bool, overdue);
    QFETCH(QDate, group);

    QVERIFY2(zone(zoneId).isValid(), zoneId.constData());
    QVERIFY(now.isValid());
    ViewContext ctx;
    ctx.now = now;
    ctx.zone = zone(zoneId);
    const QJsonObject t = task(u"t"_s, {{u"dueDate"_s, due}});

    QCOMPARE(dayGroup(t, ctx.zone), group);
    QCOMPARE(matches(View::Today, t, ctx), today);
    QCOMPARE(matches(View::Upcoming, t, ctx), upcoming);
    QCOMPARE(isOverdue(t, ctx), overdue);
    if (upcoming)
        QVERIFY(upcomingDays(ctx.now, ctx.zone).contains(group));
    // The result does not depend on the spec `now` comes in.
    ctx.now = now.toUTC();
    QCOMPARE(matches(View::Today, t, ctx), today);
    QCOMPARE(matches(View::Upcoming, t, ctx), upcoming);
}

void TestTaskViews::upcomingGroupsAreWholeLocalDays_data()
{
    QTest::addColumn<QByteArray>("zoneId");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDate>("shortOrLongDay"); // inside the 7 groups
    QTest::addColumn<int>("hours");

    QTest::newRow("Berlin spring")
        << QByteArray("Europe/Berlin") << local("Europe/Berlin", 2026, 3, 25, 8, 0)
        << QDate(2026, 3, 29) << 23;
    QTest::newRow("Berlin fall") << QByteArray("Europe/Berlin")
                                 << local("Europe/Berlin", 2026, 10, 20, 23, 59, 59)
                                 << QDate(2026, 10, 25) << 25;
    QTest::newRow("New York spring")
        << QByteArray("America/New_York") << local("America/New_York", 2026, 3, 7, 0, 0)
        << QDate(2026, 3, 8) << 23;
    QTest::newRow("New York fall")
        << QByteArray("America/New_York") << local("America/New_York", 2026, 10, 31, 12, 0)
        << QDate(2026, 11, 1) << 25;
}

void TestTaskViews::upcomingGroupsAreWholeLocalDays()
{
    QFETCH(QByteArray, zoneId);
    QFETCH(QDateTime, now);
    QFETCH(QDate, shortOrLongDay);
    QFETCH(int, hours);

    const QTimeZone tz = zone(zoneId);
    const QDate today = now.toTimeZone(tz).date();
    const QList<QDate> days = upcomingDays(now, tz);
    QCOMPARE(days.size(), 7);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(days.at(i), today.addDays(i + 1));
    QVERIFY(days.contains(shortOrLongDay));
    // The zone data really has the change on that day.
    const QDateTime start(shortOrLongDay, QTime(0, 0), tz);
    const QDateTime end(shortOrLongDay.addDays(1), QTime(0, 0), tz);
    QCOMPARE(start.secsTo(end), qint64(hours) * 3600);

    // Every moment of every group day, in 30-minute steps, lands in that group.
    ViewContext ctx;
    ctx.now = now;
    ctx.zone = tz;
    for (const QDate &day : days) {
        const QDateTime from(day, QTime(0, 0), tz);
        const QDateTime to(day.addDays(1), QTime(0, 0), tz);
        for (QDateTime at = from; at < to; at = at.addSecs(30 * 60)) {
            const QJsonObject t = dueTask(u"t"_s, at);
            QCOMPARE(dayGroup(t, tz), day);
            QVERIFY(matches(View::Upcoming, t, ctx));
        }
        const QJsonObject lastMinute = dueTask(u"t"_s, to.addSecs(-60));
        QCOMPARE(dayGroup(lastMinute, tz), day);
    }
}

void TestTaskViews::completedTasksAreInNoOpenView_data()
{
    QTest::addColumn<int>("view");
    QTest::addColumn<bool>("completedMatches");
    QTest::newRow("Inbox") << int(View::Inbox) << false;
    QTest::newRow("Today") << int(View::Today) << false;
    QTest::newRow("Upcoming") << int(View::Upcoming) << false;
    QTest::newRow("Project") << int(View::Project) << false;
    QTest::newRow("Label") << int(View::Label) << false;
    QTest::newRow("Completed") << int(View::Completed) << true;
}

void TestTaskViews::completedTasksAreInNoOpenView()
{
    QFETCH(int, view);
    QFETCH(bool, completedMatches);

    ViewContext ctx;
    ctx.zone = zone("Europe/Berlin");
    ctx.now = local("Europe/Berlin", 2026, 11, 25, 12, 0);
    ctx.projectId = u"p1"_s;
    ctx.labelTaskIds = {u"today"_s, u"tomorrow"_s, u"inbox"_s};
    const QJsonObject done{{u"isCompleted"_s, true},
                           {u"completedAt"_s, u"2026-11-25T08:00:00.000Z"_s}};
    const QJsonObject inProject{{u"projectId"_s, u"p1"_s}};

    QJsonObject today = dueTask(u"today"_s, ctx.now, inProject);
    QJsonObject tomorrow = dueTask(u"tomorrow"_s, ctx.now.addDays(1), inProject);
    QJsonObject inbox = task(u"inbox"_s);
    // Open, the tasks are somewhere other than Completed …
    QVERIFY(!matches(View::Completed, today, ctx));
    QVERIFY(matches(View(view), today, ctx) || matches(View(view), tomorrow, ctx) ||
            matches(View(view), inbox, ctx) || View(view) == View::Completed);
    // … completed, only in Completed.
    for (QJsonObject *t : {&today, &tomorrow, &inbox}) {
        for (auto it = done.constBegin(); it != done.constEnd(); ++it)
            t->insert(it.key(), it.value());
        QCOMPARE(matches(View(view), *t, ctx), completedMatches);
    }
}

void TestTaskViews::deletedTasksAreInNoView()
{
    ViewContext ctx;
    ctx.now = QDateTime::fromString(u"2026-11-25T12:00:00Z"_s, Qt::ISODate);
    ctx.zone = QTimeZone::utc();
    QJsonObject t = dueTask(u"t"_s, ctx.now);
    QVERIFY(matches(View::Today, t, ctx));
    t.insert(u"deletedAt"_s, u"2026-11-25T11:00:00.000Z"_s);
    for (View view : {View::Inbox, View::Today, View::Upcoming, View::Completed})
        QVERIFY(!matches(view, t, ctx));
}

void TestTaskViews::inboxVersusProject()
{
    ViewContext ctx;
    ctx.now = QDateTime::currentDateTimeUtc();
    const QJsonObject noProject = task(u"a"_s);
    const QJsonObject emptyProject = task(u"b"_s, {{u"projectId"_s, QString()}});
    const QJsonObject missingKey{{u"id"_s, u"c"_s}};
    const QJsonObject inP1 = task(u"d"_s, {{u"projectId"_s, u"p1"_s}});

    QVERIFY(matches(View::Inbox, noProject, ctx));
    QVERIFY(matches(View::Inbox, emptyProject, ctx));
    QVERIFY(matches(View::Inbox, missingKey, ctx));
    QVERIFY(!matches(View::Inbox, inP1, ctx));

    ctx.projectId = u"p1"_s;
    QVERIFY(matches(View::Project, inP1, ctx));
    QVERIFY(!matches(View::Project, noProject, ctx));
    ctx.projectId = u"p2"_s;
    QVERIFY(!matches(View::Project, inP1, ctx));
    ctx.projectId.clear();
    QVERIFY(!matches(View::Project, noProject, ctx)); // no project selected: empty view
}

void TestTaskViews::labelThroughTaskLabels()
{
    auto link = [](const char *taskId, const char *labelId, const QJsonValue &deletedAt) {
        return QJsonObject{{u"taskId"_s, QLatin1String(taskId)},
                           {u"labelId"_s, QLatin1String(labelId)},
                           {u"deletedAt"_s, deletedAt}};
    };
    const QList<QJsonObject> taskLabels{
        link("a", "work", QJsonValue::Null), link("b", "home", QJsonValue::Null),
        link("c", "work", u"2026-01-01T00:00:00.000Z"_s), link("b", "work", QJsonValue::Null)};
    ViewContext ctx;
    ctx.now = QDateTime::currentDateTimeUtc();
    ctx.labelId = u"work"_s;
    ctx.labelTaskIds = taskIdsWithLabel(taskLabels, ctx.labelId);
    QCOMPARE(ctx.labelTaskIds, (QSet<QString>{u"a"_s, u"b"_s}));

    const QList<QJsonObject> tasks{task(u"c"_s, {{u"order"_s, 0}}), task(u"b"_s, {{u"order"_s, 1}}),
                                   task(u"a"_s, {{u"order"_s, 2}})};
    QCOMPARE(idsOf(tasksInView(View::Label, tasks, ctx)), (QStringList{u"b"_s, u"a"_s}));
    QCOMPARE(taskIdsWithLabel(taskLabels, u"home"_s), QSet<QString>{u"b"_s});
    QVERIFY(taskIdsWithLabel(taskLabels, u"none"_s).isEmpty());
}

void TestTaskViews::sortOrder_data()
{
    QTest::addColumn<int>("view");
    QTest::addColumn<QJsonArray>("tasks");
    QTest::addColumn<QStringList>("expected");

    const QDateTime nine = local("Europe/Berlin", 2026, 11, 25, 9, 0);
    auto due = [](const QString &id, const QDateTime &at, const QString &priority, int order) {
        return dueTask(id, at, {{u"priority"_s, priority}, {u"order"_s, order}});
    };
    const QJsonArray dueTasks{
        due(u"a-low"_s, nine, u"low"_s, 0),
        due(u"b-urgent-1"_s, nine, u"urgent"_s, 1),
        due(u"c-eight"_s, nine.addSecs(-3600), u"low"_s, 9),
        due(u"d-urgent-0"_s, nine, u"urgent"_s, 0),
        due(u"e-yesterday"_s, nine.addDays(-1), u"low"_s, 5),
        due(u"f-high"_s, nine, u"high"_s, 0),
        due(u"g-medium"_s, nine, u"medium"_s, 0),
        due(u"h-urgent-0"_s, nine, u"urgent"_s, 0),
    };
    const QStringList byDueThenPriority{u"e-yesterday"_s, u"c-eight"_s,    u"d-urgent-0"_s,
                                        u"h-urgent-0"_s,  u"b-urgent-1"_s, u"f-high"_s,
                                        u"g-medium"_s,    u"a-low"_s};
    QTest::newRow("Today: due, priority, order, id")
        << int(View::Today) << dueTasks << byDueThenPriority;
    QTest::newRow("Upcoming: same rule") << int(View::Upcoming) << dueTasks << byDueThenPriority;

    const QJsonArray ordered{task(u"x"_s, {{u"order"_s, 2}}), task(u"y"_s, {{u"order"_s, 0.5}}),
                             dueTask(u"z"_s, nine, {{u"order"_s, 1}, {u"priority"_s, u"urgent"_s}}),
                             task(u"w"_s, {{u"order"_s, 1}})};
    const QStringList byOrder{u"y"_s, u"w"_s, u"z"_s, u"x"_s};
    QTest::newRow("Inbox: order, then id") << int(View::Inbox) << ordered << byOrder;
    QTest::newRow("Project: order, then id") << int(View::Project) << ordered << byOrder;

    auto done = [](const QString &id, const QJsonValue &completedAt) {
        return task(id, {{u"isCompleted"_s, true}, {u"completedAt"_s, completedAt}});
    };
    QTest::newRow("Completed: newest completedAt first")
        << int(View::Completed)
        << QJsonArray{done(u"old"_s, u"2026-11-01T10:00:00.000Z"_s),
                      done(u"undated"_s, QJsonValue::Null),
                      done(u"new"_s, u"2026-11-25T10:00:00.000Z"_s),
                      done(u"mid"_s, u"2026-11-10T10:00:00.000Z"_s)}
        << QStringList{u"new"_s, u"mid"_s, u"old"_s, u"undated"_s};
}

void TestTaskViews::sortOrder()
{
    QFETCH(int, view);
    QFETCH(QJsonArray, tasks);
    QFETCH(QStringList, expected);

    QList<QJsonObject> list;
    for (const QJsonValue &t : std::as_const(tasks))
        list.append(t.toObject());
    // Every starting order gives the same result (a strict weak order).
    for (int rotation = 0; rotation < list.size(); ++rotation) {
        QList<QJsonObject> sorted = list;
        std::rotate(sorted.begin(), sorted.begin() + rotation, sorted.end());
        std::sort(sorted.begin(), sorted.end(), [view](const QJsonObject &a, const QJsonObject &b) {
            return lessThan(View(view), a, b);
        });
        QCOMPARE(idsOf(sorted), expected);
    }
    for (const QJsonObject &t : std::as_const(list))
        QVERIFY(!lessThan(View(view), t, t));
}

void TestTaskViews::seedBoardsAreShipped()
{
    QCOMPARE(columnsNamed(u"Kanban"_s).size(), 2);
    QCOMPARE(columnsNamed(u"Priority"_s).size(), 4);
}

void TestTaskViews::columnOf_data()
{
    QTest::addColumn<QString>("board");
    QTest::addColumn<QJsonObject>("task");
    QTest::addColumn<int>("column");

    const QString kanban = u"Kanban"_s;
    const QString priority = u"Priority"_s;
    const QString custom = u"custom"_s;
    auto with = [](QJsonObject fields) { return task(u"t"_s, fields); };
    QTest::newRow("Kanban open") << kanban << with({}) << 0;
    QTest::newRow("Kanban done") << kanban << with({{u"isCompleted"_s, true}}) << 1;
    QTest::newRow("Kanban field missing") << kanban << QJsonObject{{u"id"_s, u"t"_s}} << -1;
    int column = 0;
    for (const char *p : {"urgent", "high", "medium", "low"}) {
        QTest::addRow("Priority %s", p)
            << priority << with({{u"priority"_s, QLatin1String(p)}}) << column++;
    }
    QTest::newRow("Priority of a completed task still by priority")
        << priority << with({{u"priority"_s, u"high"_s}, {u"isCompleted"_s, true}}) << 1;
    QTest::newRow("custom: both keys") << custom << with({{u"priority"_s, u"urgent"_s}}) << 0;
    QTest::newRow("custom: first key only, falls through")
        << custom << with({{u"priority"_s, u"urgent"_s}, {u"isCompleted"_s, true}}) << -1;
    QTest::newRow("custom: number match 1 == 1.0") << custom << with({{u"order"_s, 1.0}}) << 1;
    QTest::newRow("custom: bool is not a number") << custom << with({{u"order"_s, true}}) << 2;
    QTest::newRow("custom: catch-all last") << custom << with({{u"order"_s, 7}}) << 2;
}

void TestTaskViews::columnOf()
{
    QFETCH(QString, board);
    QFETCH(QJsonObject, task);
    QFETCH(int, column);
    const QJsonArray columns = columnsNamed(board);
    QVERIFY(!columns.isEmpty());
    QCOMPARE(mana::todo::columnOf(columns, task), column);
}

void TestTaskViews::moveToColumn_data()
{
    QTest::addColumn<QString>("board");
    QTest::addColumn<QJsonObject>("task");
    QTest::addColumn<int>("column");
    QTest::addColumn<QJsonObject>("expected");

    const QString kanban = u"Kanban"_s;
    const QString priority = u"Priority"_s;
    const QString nowIso = u"2026-12-01T09:00:00.123Z"_s; // see moveToColumn()
    const QJsonObject open = task(u"t"_s, {{u"priority"_s, u"medium"_s}});
    const QJsonObject done =
        task(u"t"_s, {{u"isCompleted"_s, true}, {u"completedAt"_s, u"2026-11-30T08:00:00.000Z"_s}});

    QTest::newRow("Kanban: to Done sets completedAt")
        << kanban << open << 1 << QJsonObject{{u"isCompleted"_s, true}, {u"completedAt"_s, nowIso}};
    QTest::newRow("Kanban: back to To do clears completedAt")
        << kanban << done << 0
        << QJsonObject{{u"isCompleted"_s, false}, {u"completedAt"_s, QJsonValue::Null}};
    QTest::newRow("Kanban: same column, nothing") << kanban << open << 0 << QJsonObject{};
    QTest::newRow("Kanban: Done to Done keeps completedAt") << kanban << done << 1 << QJsonObject{};
    QTest::newRow("Priority: medium to urgent")
        << priority << open << 0 << QJsonObject{{u"priority"_s, u"urgent"_s}};
    QTest::newRow("Priority: medium to low")
        << priority << open << 3 << QJsonObject{{u"priority"_s, u"low"_s}};
    QTest::newRow("Priority: same column") << priority << open << 2 << QJsonObject{};
    QTest::newRow("Priority: a done task stays done")
        << priority << done << 0 << QJsonObject{{u"priority"_s, u"urgent"_s}};
    QTest::newRow("custom: only the differing key, plus completedAt")
        << u"custom"_s << task(u"t"_s, {{u"isCompleted"_s, true}, {u"priority"_s, u"urgent"_s}})
        << 0 << QJsonObject{{u"isCompleted"_s, false}, {u"completedAt"_s, QJsonValue::Null}};
    QTest::newRow("out of range") << kanban << open << 2 << QJsonObject{};
    QTest::newRow("negative") << kanban << open << -1 << QJsonObject{};
}

void TestTaskViews::moveToColumn()
{
    QFETCH(QString, board);
    QFETCH(QJsonObject, task);
    QFETCH(int, column);
    QFETCH(QJsonObject, expected);

    const QJsonArray columns = columnsNamed(board);
    QVERIFY(!columns.isEmpty());
    if (column < 0 || column >= columns.size())
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"moveToColumn: no column"_s));
    // Berlin is UTC+1 in December: the result is in UTC, with milliseconds.
    const QDateTime now(QDate(2026, 12, 1), QTime(10, 0, 0, 123), QTimeZone("Europe/Berlin"));
    const QJsonObject changes = mana::todo::moveToColumn(columns, column, task, now);
    QCOMPARE(changes, expected);

    if (column >= 0 && column < columns.size()) {
        QJsonObject moved = task;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            moved.insert(it.key(), it.value());
        QCOMPARE(mana::todo::columnOf(columns, moved), column);
    }
}

void TestTaskViews::moveToColumnIsAcceptedByTheStore()
{
    const ModuleCatalog catalog = ModuleCatalog::load();
    const ModuleInfo *todo = catalog.info(u"todo");
    QVERIFY(todo);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    LocalStore store;
    QString error;
    QVERIFY2(store.open(directory.filePath(u"guest.sqlite"_s), &error), qPrintable(error));
    QVERIFY2(store.addModule(todo->spec, &error), qPrintable(error));
    Collection *tasks = store.collection(u"todo"_s, u"tasks"_s);
    QVERIFY(tasks);
    const WriteResult inserted = tasks->insert({{u"title"_s, u"Drag me"_s}});
    QVERIFY2(inserted, qPrintable(inserted.error));

    const QJsonArray kanban = columnsNamed(u"Kanban"_s);
    const QDateTime now = QDateTime::fromString(u"2026-12-01T09:00:00.123Z"_s, Qt::ISODateWithMs);
    QJsonObject stored = *tasks->get(inserted.id);
    QCOMPARE(mana::todo::columnOf(kanban, stored), 0);

    const WriteResult done =
        tasks->update(inserted.id, mana::todo::moveToColumn(kanban, 1, stored, now));
    QVERIFY2(done, qPrintable(done.error));
    stored = *tasks->get(inserted.id);
    QCOMPARE(mana::todo::columnOf(kanban, stored), 1);
    QCOMPARE(stored.value(u"completedAt"_s).toString(), u"2026-12-01T09:00:00.123Z"_s);

    const WriteResult reopened =
        tasks->update(inserted.id, mana::todo::moveToColumn(kanban, 0, stored, now));
    QVERIFY2(reopened, qPrintable(reopened.error));
    stored = *tasks->get(inserted.id);
    QCOMPARE(mana::todo::columnOf(kanban, stored), 0);
    QVERIFY(stored.value(u"completedAt"_s).isNull());

    const QJsonArray priority = columnsNamed(u"Priority"_s);
    QCOMPARE(mana::todo::columnOf(priority, stored), 2); // the manifest's default: medium
    const WriteResult urgent =
        tasks->update(inserted.id, mana::todo::moveToColumn(priority, 0, stored, now));
    QVERIFY2(urgent, qPrintable(urgent.error));
    QCOMPARE(mana::todo::columnOf(priority, *tasks->get(inserted.id)), 0);
}

QTEST_GUILESS_MAIN(TestTaskViews)
#include "tst_taskviews.moc"
