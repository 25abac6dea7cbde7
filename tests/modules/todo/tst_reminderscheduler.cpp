// Todo's reminders through the shared scheduler (TodoReminderSource in
// mana::ReminderScheduler) on a real LocalStore file with an injected clock:
// fires at dueDate − minutesBefore, marks the reminder sent before telling
// anyone, never fires twice (not even across restarts), re-plans on edits,
// ignores completed/deleted/undated tasks and email reminders, and handles
// reminders missed while the app was closed.
//
// The fake clock runs on with real time from the moment it is set, so the
// scheduler's real timer can be exercised with fire times ~50 ms ahead.
// All waits are generous; nothing asserts an upper bound on time.
#include "localstore.h"
#include "modulecatalog.h"
#include "reminderscheduler.h"
#include "todoreminders.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace mana;
using namespace mana::todo;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 10000;

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

class FakeClock
{
public:
    void set(const QDateTime &time)
    {
        m_base = time.toUTC();
        m_elapsed.restart();
    }
    QDateTime now() const { return m_base.addMSecs(m_elapsed.elapsed()); }

private:
    QDateTime m_base;
    QElapsedTimer m_elapsed;
};

const ModuleInfo *todoModule()
{
    static const ModuleCatalog catalog = ModuleCatalog::load();
    return catalog.info(u"todo");
}

} // namespace

class TestReminderScheduler : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void timerInterval_data();
    void timerInterval();
    void firesAtTheRightTime();
    void neverFiresTwice();
    void reschedulesWhenTheDueDateChanges();
    void sentReminderIsPendingAgainWhenItMovesAhead();
    void reschedulesWhenMinutesBeforeChanges();
    void newReminderIsPlanned();
    void ignored_data();
    void ignored();
    void completingOrDeletingTheTaskCancels();
    void missedWhileClosedFiresOnceAtStart();
    void longMissedRemindersAreMarkedWithoutPopup();
    void onePopupPerTaskForMissedReminders();
    void clockJumpIsCaughtByRecheck();

private:
    bool openStore();
    bool startScheduler();
    bool restart();
    QString addTask(const QDateTime &due, QJsonObject fields = {});
    QString addReminder(const QString &taskId, int minutesBefore, const QString &type = u"push"_s);
    QString status(const QString &reminderId) const;
    // The reminder of the spy's `index`th reminderDue.
    Reminder shown(int index) const { return m_spy->at(index).at(1).value<Reminder>(); }
    Collection *tasks() const { return m_store->collection(u"todo"_s, u"tasks"_s); }
    Collection *reminders() const { return m_store->collection(u"todo"_s, u"reminders"_s); }

    const QDateTime m_t0 = QDateTime::fromString(u"2026-12-01T09:00:00.000Z"_s, Qt::ISODateWithMs);
    FakeClock m_clock;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<TodoReminderSource> m_source;
    std::unique_ptr<ReminderScheduler> m_scheduler;
    std::unique_ptr<QSignalSpy> m_spy;
};

bool TestReminderScheduler::openStore()
{
    m_store = std::make_unique<LocalStore>();
    QString error;
    if (!m_store->open(m_directory->filePath(u"guest.sqlite"_s), &error) || !todoModule() ||
        !m_store->addModule(todoModule()->spec, &error)) {
        qWarning("store: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool TestReminderScheduler::startScheduler()
{
    m_source = std::make_unique<TodoReminderSource>(m_store.get());
    if (!m_source->start())
        return false;
    m_scheduler = std::make_unique<ReminderScheduler>([this] { return m_clock.now(); });
    m_spy = std::make_unique<QSignalSpy>(m_scheduler.get(), &ReminderScheduler::reminderDue);
    m_scheduler->addSource(m_source.get());
    m_scheduler->start();
    return true;
}

// The app quits and starts again on the same profile file.
bool TestReminderScheduler::restart()
{
    m_spy.reset();
    m_scheduler.reset();
    m_source.reset();
    m_store.reset();
    return openStore() && startScheduler();
}

QString TestReminderScheduler::addTask(const QDateTime &due, QJsonObject fields)
{
    if (!fields.contains(u"title"_s))
        fields.insert(u"title"_s, u"Call the dentist"_s);
    if (due.isValid())
        fields.insert(u"dueDate"_s, iso(due));
    const WriteResult result = tasks()->insert(fields);
    if (!result)
        qWarning("insert task: %s", qPrintable(result.error));
    return result.id;
}

QString TestReminderScheduler::addReminder(const QString &taskId, int minutesBefore,
                                           const QString &type)
{
    const WriteResult result = reminders()->insert(
        {{u"taskId"_s, taskId}, {u"minutesBefore"_s, minutesBefore}, {u"type"_s, type}});
    if (!result)
        qWarning("insert reminder: %s", qPrintable(result.error));
    return result.id;
}

QString TestReminderScheduler::status(const QString &reminderId) const
{
    const auto reminder = reminders()->get(reminderId, true);
    return reminder ? reminder->value(u"status"_s).toString() : QString();
}

void TestReminderScheduler::init()
{
    m_clock.set(m_t0);
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    QVERIFY(openStore());
}

void TestReminderScheduler::cleanup()
{
    m_spy.reset();
    m_scheduler.reset();
    m_source.reset();
    m_store.reset();
    m_directory.reset();
}

void TestReminderScheduler::timerInterval_data()
{
    QTest::addColumn<qint64>("aheadMs");
    QTest::addColumn<int>("interval");
    QTest::newRow("50 ms") << qint64(50) << 50;
    QTest::newRow("now") << qint64(0) << 1;
    QTest::newRow("past") << qint64(-86400000) << 1;
    QTest::newRow("59 minutes") << qint64(59 * 60 * 1000) << 59 * 60 * 1000;
    QTest::newRow("3 hours: capped")
        << qint64(3 * 3600 * 1000) << int(ReminderScheduler::kMaxWaitMs);
    QTest::newRow("60 days: capped, no int overflow")
        << qint64(60) * 86400 * 1000 << int(ReminderScheduler::kMaxWaitMs);
}

void TestReminderScheduler::timerInterval()
{
    QFETCH(qint64, aheadMs);
    QFETCH(int, interval);
    QCOMPARE(ReminderScheduler::timerInterval(m_t0, m_t0.addMSecs(aheadMs)), interval);
}

void TestReminderScheduler::firesAtTheRightTime()
{
    const QDateTime due = m_t0.addSecs(3600);
    const QString taskId = addTask(due);
    const QString reminderId = addReminder(taskId, 15);
    const QDateTime fireAt = due.addSecs(-15 * 60);

    QVERIFY(startScheduler());
    QCOMPARE(m_scheduler->nextFireTime(), fireAt);
    QCOMPARE(m_spy->count(), 0);

    // What a listener sees at the moment of the signal: the time and the mark.
    QDateTime seenAt;
    QString seenStatus;
    connect(m_scheduler.get(), &ReminderScheduler::reminderDue, this, [&] {
        seenAt = m_clock.now();
        seenStatus = status(reminderId);
    });

    m_clock.set(fireAt.addMSecs(-50));
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 0);
    QVERIFY(m_spy->wait(kWaitMs));
    QCOMPARE(m_spy->count(), 1);
    const QList<QVariant> args = m_spy->takeFirst();
    QCOMPARE(args.at(0).value<ReminderSource *>(), m_source.get());
    const Reminder reminder = args.at(1).value<Reminder>();
    QCOMPARE(reminder.id, reminderId);
    QCOMPARE(reminder.itemId, taskId);
    QCOMPARE(reminder.title, u"Call the dentist"_s);
    QCOMPARE(reminder.at, due);
    QCOMPARE(reminder.fireAt, fireAt);
    QVERIFY2(reminder.text.startsWith(u"Due "_s), qPrintable(reminder.text));
    QVERIFY2(seenAt >= fireAt, qPrintable(iso(seenAt)));
    QCOMPARE(seenStatus, u"sent"_s); // marked before the emit
    QCOMPARE(status(reminderId), u"sent"_s);
    QTRY_VERIFY(!m_scheduler->nextFireTime().isValid());
}

void TestReminderScheduler::neverFiresTwice()
{
    const QDateTime due = m_t0.addSecs(600);
    const QString reminderId = addReminder(addTask(due), 0);
    m_clock.set(due.addMSecs(-50));
    QVERIFY(startScheduler());
    QVERIFY(m_spy->wait(kWaitMs));
    QCOMPARE(m_spy->count(), 1);

    for (int i = 0; i < 3; ++i)
        m_scheduler->recheck();
    QTest::qWait(200);
    m_clock.set(due.addSecs(3600));
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 1);

    QVERIFY(restart());
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
    QCOMPARE(status(reminderId), u"sent"_s);
}

void TestReminderScheduler::reschedulesWhenTheDueDateChanges()
{
    const QDateTime due = m_t0.addSecs(3600);
    const QString taskId = addTask(due);
    const QString reminderId = addReminder(taskId, 30);
    QVERIFY(startScheduler());
    QCOMPARE(m_scheduler->nextFireTime(), due.addSecs(-30 * 60));

    const QDateTime later = due.addSecs(2 * 3600);
    QVERIFY(tasks()->update(taskId, {{u"dueDate"_s, iso(later)}}));
    QTRY_COMPARE(m_scheduler->nextFireTime(), later.addSecs(-30 * 60));

    // The old moment passes without a popup …
    m_clock.set(due.addSecs(-30 * 60 + 60));
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 0);
    QCOMPARE(status(reminderId), u"pending"_s);
    // … the new one brings it.
    m_clock.set(later.addSecs(-30 * 60).addMSecs(-50));
    m_scheduler->recheck();
    QVERIFY(m_spy->wait(kWaitMs));
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(shown(0).at, later);
}

void TestReminderScheduler::sentReminderIsPendingAgainWhenItMovesAhead()
{
    const QDateTime due = m_t0.addSecs(-600);
    const QString taskId = addTask(due);
    const QString reminderId = addReminder(taskId, 5);
    QVERIFY(startScheduler()); // missed 15 minutes ago: fires now
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(status(reminderId), u"sent"_s);

    // Moved further into the past: stays sent, no second popup.
    QVERIFY(tasks()->update(taskId, {{u"dueDate"_s, iso(due.addSecs(-3600))}}));
    QTest::qWait(100);
    m_scheduler->recheck();
    QCOMPARE(status(reminderId), u"sent"_s);
    QCOMPARE(m_spy->count(), 1);

    // Postponed to tomorrow (or a recurring task moved on): pending again.
    const QDateTime tomorrow = m_t0.addDays(1);
    QVERIFY(tasks()->update(taskId, {{u"dueDate"_s, iso(tomorrow)}}));
    QTRY_COMPARE(status(reminderId), u"pending"_s);
    QTRY_COMPARE(m_scheduler->nextFireTime(), tomorrow.addSecs(-5 * 60));
    QCOMPARE(m_spy->count(), 1);

    m_clock.set(tomorrow.addSecs(-5 * 60).addMSecs(-50));
    m_scheduler->recheck();
    QVERIFY(m_spy->wait(kWaitMs));
    QCOMPARE(m_spy->count(), 2);
    QCOMPARE(status(reminderId), u"sent"_s);
}

void TestReminderScheduler::reschedulesWhenMinutesBeforeChanges()
{
    const QDateTime due = m_t0.addSecs(3 * 3600);
    const QString taskId = addTask(due);
    const QString reminderId = addReminder(taskId, 15);
    QVERIFY(startScheduler());
    QCOMPARE(m_scheduler->nextFireTime(), due.addSecs(-15 * 60));

    QVERIFY(reminders()->update(reminderId, {{u"minutesBefore"_s, 120}}));
    QTRY_COMPARE(m_scheduler->nextFireTime(), due.addSecs(-120 * 60));

    m_clock.set(due.addSecs(-120 * 60).addMSecs(-50));
    m_scheduler->recheck();
    QVERIFY(m_spy->wait(kWaitMs));
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(status(reminderId), u"sent"_s);

    // Sent, then asked for again closer to the due date: pending again.
    QVERIFY(reminders()->update(reminderId, {{u"minutesBefore"_s, 10}}));
    QTRY_COMPARE(status(reminderId), u"pending"_s);
    QTRY_COMPARE(m_scheduler->nextFireTime(), due.addSecs(-10 * 60));
}

void TestReminderScheduler::newReminderIsPlanned()
{
    QVERIFY(startScheduler());
    QVERIFY(!m_scheduler->nextFireTime().isValid());
    const QDateTime due = m_t0.addDays(2);
    const QString taskId = addTask(due);
    QTest::qWait(50);
    QVERIFY(!m_scheduler->nextFireTime().isValid());
    addReminder(taskId, 60);
    QTRY_COMPARE(m_scheduler->nextFireTime(), due.addSecs(-3600));
    // A second, nearer one takes over the timer.
    addReminder(addTask(m_t0.addSecs(7200)), 0);
    QTRY_COMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(7200));
}

void TestReminderScheduler::ignored_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("fires");
    QTest::newRow("push fires") << u"push"_s << true;
    QTest::newRow("both fires") << u"both"_s << true;
    QTest::newRow("email is the server's") << u"email"_s << false;
    QTest::newRow("completed task") << u"completed"_s << false;
    QTest::newRow("deleted task") << u"deletedTask"_s << false;
    QTest::newRow("task without due date") << u"noDueDate"_s << false;
    QTest::newRow("deleted reminder") << u"deletedReminder"_s << false;
    QTest::newRow("missing task") << u"missingTask"_s << false;
}

void TestReminderScheduler::ignored()
{
    QFETCH(QString, kind);
    QFETCH(bool, fires);

    // Missed 5 minutes ago, so it would fire right at start().
    const QDateTime due = m_t0.addSecs(600);
    m_clock.set(due.addSecs(-15 * 60 + 5 * 60));
    QString taskId = addTask(kind == QLatin1String("noDueDate") ? QDateTime() : due);
    if (kind == QLatin1String("missingTask"))
        taskId = u"no-such-task"_s;
    const QString type =
        kind == QLatin1String("email") || kind == QLatin1String("both") ? kind : u"push"_s;
    const QString reminderId = addReminder(taskId, 15, type);
    QVERIFY(!reminderId.isEmpty());
    if (kind == QLatin1String("completed"))
        QVERIFY(tasks()->update(taskId, {{u"isCompleted"_s, true}, {u"completedAt"_s, iso(m_t0)}}));
    if (kind == QLatin1String("deletedTask"))
        QVERIFY(tasks()->remove(taskId));
    if (kind == QLatin1String("deletedReminder"))
        QVERIFY(reminders()->remove(reminderId));

    QVERIFY(startScheduler());
    QTest::qWait(100);
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), fires ? 1 : 0);
    QCOMPARE(status(reminderId), fires ? u"sent"_s : u"pending"_s);
    QVERIFY(!m_scheduler->nextFireTime().isValid());
}

void TestReminderScheduler::completingOrDeletingTheTaskCancels()
{
    const QDateTime due = m_t0.addSecs(3600);
    const QString completedTask = addTask(due);
    const QString deletedTask = addTask(due.addSecs(60));
    const QString completedReminder = addReminder(completedTask, 10);
    const QString deletedReminder = addReminder(deletedTask, 10);
    QVERIFY(startScheduler());
    QCOMPARE(m_scheduler->nextFireTime(), due.addSecs(-600));

    QVERIFY(
        tasks()->update(completedTask, {{u"isCompleted"_s, true}, {u"completedAt"_s, iso(m_t0)}}));
    QTRY_COMPARE(m_scheduler->nextFireTime(), due.addSecs(60 - 600));
    QVERIFY(tasks()->remove(deletedTask));
    QTRY_VERIFY(!m_scheduler->nextFireTime().isValid());

    m_clock.set(due.addSecs(120));
    m_scheduler->recheck();
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
    QCOMPARE(status(completedReminder), u"pending"_s);
    QCOMPARE(status(deletedReminder), u"pending"_s);
}

void TestReminderScheduler::missedWhileClosedFiresOnceAtStart()
{
    // Written in an earlier session; the app was closed when it came due.
    const QDateTime due = m_t0.addSecs(-3600);
    const QString taskId = addTask(due, {{u"title"_s, u"Pay rent"_s}});
    const QString reminderId = addReminder(taskId, 30);
    QVERIFY(restart());
    QCOMPARE(m_spy->count(), 1); // during start()
    QCOMPARE(shown(0).id, reminderId);
    QCOMPARE(shown(0).title, u"Pay rent"_s);
    QCOMPARE(status(reminderId), u"sent"_s);
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 1);

    QVERIFY(restart());
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
    m_clock.set(m_t0.addSecs(3600));
    QVERIFY(restart());
    QCOMPARE(m_spy->count(), 0);
    QCOMPARE(status(reminderId), u"sent"_s);
}

void TestReminderScheduler::longMissedRemindersAreMarkedWithoutPopup()
{
    const QString weekOld = addReminder(addTask(m_t0.addDays(-7)), 0);
    const QString dayAndAMinute = addReminder(addTask(m_t0.addSecs(-86400 - 60)), 0);
    const QString recentTask = addTask(m_t0.addSecs(-23 * 3600));
    const QString recent = addReminder(recentTask, 0);
    QVERIFY(startScheduler());
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(shown(0).id, recent);
    for (const QString &id : {weekOld, dayAndAMinute, recent})
        QCOMPARE(status(id), u"sent"_s);
    QVERIFY(restart());
    QCOMPARE(m_spy->count(), 0);
}

void TestReminderScheduler::onePopupPerTaskForMissedReminders()
{
    const QDateTime due = m_t0.addSecs(-5 * 60);
    const QString busyTask = addTask(due);
    const QString early = addReminder(busyTask, 60);
    const QString middle = addReminder(busyTask, 30);
    const QString late = addReminder(busyTask, 10);
    const QString otherTask = addTask(m_t0.addSecs(-60), {{u"title"_s, u"Other"_s}});
    const QString other = addReminder(otherTask, 0);
    const QString future = addReminder(busyTask, -60, u"push"_s); // after the due date

    QVERIFY(startScheduler());
    QCOMPARE(m_spy->count(), 2);
    const QStringList shownIds{shown(0).id, shown(1).id};
    QCOMPARE(shownIds, (QStringList{late, other})); // in fire-time order
    for (const QString &id : {early, middle, late, other})
        QCOMPARE(status(id), u"sent"_s);
    QCOMPARE(status(future), u"pending"_s);
    QCOMPARE(m_scheduler->nextFireTime(), due.addSecs(3600));
}

void TestReminderScheduler::clockJumpIsCaughtByRecheck()
{
    // Three hours ahead: more than one timer wait (kMaxWaitMs).
    const QDateTime due = m_t0.addSecs(3 * 3600);
    const QString reminderId = addReminder(addTask(due), 0);
    QVERIFY(startScheduler());
    QCOMPARE(m_scheduler->nextFireTime(), due);

    // The laptop slept through it; on resume the wall clock is past the time.
    m_clock.set(due.addSecs(5 * 60));
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 1);
    QCOMPARE(status(reminderId), u"sent"_s);
    QVERIFY(!m_scheduler->nextFireTime().isValid());
}

QTEST_GUILESS_MAIN(TestReminderScheduler)
#include "tst_reminderscheduler.moc"
