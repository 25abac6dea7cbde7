// Todo's and Calendar's reminders in the real manacore (offscreen, no
// system tray, so the notification shows in the log): a reminder whose time
// passed while the app was closed fires once at the next start (Todo's is
// marked sent, Calendar's is below the profile's "delivered up to" mark),
// never again at the start after; one due while the app runs fires at its
// time, with no Todo or Calendar page open. Clock's timers and alarms reach
// the same notifications without its page: a timer that ran out while the
// app was closed is reported once, an alarm rings at its minute.
#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mana;

namespace {

QString runApp(const QString &dataDir, int lingerMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    // Zitare, so neither the Todo nor the Calendar page is loaded:
    // reminders do not need them.
    process.start(QStringLiteral(MANACORE_BINARY),
                  {"--data-dir", dataDir, "--no-welcome", "--app", "zitare",
                   "--quit-after-first-frame", "--linger-ms", QString::number(lingerMs)});
    // A minute to start and quit, on top of the linger: the alarm test
    // lingers up to 71 s (a fixed 60 s cut it off whenever its minute was
    // more than about 55 s away).
    if (!process.waitForFinished(lingerMs + 60000)) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("(timed out)");
    }
    return QString::fromUtf8(process.readAllStandardError());
}

QString utcIso(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

// Opens the profile the app made, with the Todo and Calendar collections.
std::unique_ptr<LocalStore> openProfile(const QString &dataDir)
{
    auto store = std::make_unique<LocalStore>();
    QString error;
    if (!store->open(QDir(dataDir).filePath("guest.sqlite"), &error))
        qFatal("%s", qPrintable(error));
    for (const ModuleSpec &module : ModuleCatalog::load().modules) {
        if ((module.id == u"todo" || module.id == u"calendar" || module.id == u"clock") &&
            !store->addModule(module, &error))
            qFatal("%s", qPrintable(error));
    }
    return store;
}

int reminderLines(const QString &log, const QString &title)
{
    return int(log.count(QStringLiteral("reminder: \"%1\"").arg(title)) +
               log.count(QStringLiteral("reminder: %1").arg(title)));
}

int notificationLines(const QString &log, const QString &text)
{
    int lines = 0;
    for (const QString &line : log.split(QLatin1Char('\n')))
        lines += line.contains(QLatin1String("notification:")) && line.contains(text) ? 1 : 0;
    return lines;
}

} // namespace

class TestAppReminders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missedReminderFiresOnceAtStartUp();
    void reminderFiresAtItsTimeWhileRunning();
    void calendarReminderMissedWhileClosedFiresOnce();
    void calendarReminderOfASeriesFiresWhileRunning();
    void timerThatRanOutWhileClosedIsReportedOnce();
    void alarmRingsAtItsMinute();
};

void TestAppReminders::missedReminderFiresOnceAtStartUp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    runApp(dir.path(), 0); // creates the guest profile

    QString reminderId;
    {
        auto store = openProfile(dir.path());
        Collection *tasks = store->collection("todo", "tasks");
        const WriteResult task =
            tasks->insert({{"title", "Renew passport"},
                           {"dueDate", utcIso(QDateTime::currentDateTimeUtc().addSecs(-120))}});
        QVERIFY2(task, qPrintable(task.error));
        const WriteResult reminder = store->collection("todo", "reminders")
                                         ->insert({{"taskId", task.id}, {"minutesBefore", 0}});
        QVERIFY2(reminder, qPrintable(reminder.error));
        reminderId = reminder.id;
    }

    const QString second = runApp(dir.path(), 300);
    QCOMPARE(reminderLines(second, "Renew passport"), 1);
    {
        auto store = openProfile(dir.path());
        QCOMPARE(
            store->collection("todo", "reminders")->get(reminderId)->value("status").toString(),
            QStringLiteral("sent"));
    }
    const QString third = runApp(dir.path(), 300);
    QCOMPARE(reminderLines(third, "Renew passport"), 0);
}

void TestAppReminders::reminderFiresAtItsTimeWhileRunning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    runApp(dir.path(), 0);
    {
        auto store = openProfile(dir.path());
        // Due in 4 s (plus the start-up), reminded at the due time.
        const WriteResult task =
            store->collection("todo", "tasks")
                ->insert({{"title", "Take the cake out"},
                          {"dueDate", utcIso(QDateTime::currentDateTimeUtc().addSecs(4))}});
        QVERIFY(task);
        QVERIFY(store->collection("todo", "reminders")
                    ->insert({{"taskId", task.id}, {"minutesBefore", 0}}));
    }
    const QString log = runApp(dir.path(), 9000);
    QCOMPARE(reminderLines(log, "Take the cake out"), 1);
}

void TestAppReminders::calendarReminderMissedWhileClosedFiresOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    runApp(dir.path(), 0); // creates the guest profile and its reminder mark
    const QString mark = QDir(dir.path()).filePath("guest.calendar-reminders.json");
    QVERIFY(QFile::exists(mark));
    // Due after the mark, while the app is closed.
    const QDateTime begins = QDateTime::currentDateTimeUtc().addSecs(1);
    {
        auto store = openProfile(dir.path());
        const WriteResult event = store->collection("calendar", "events")
                                      ->insert({{"calendarId", "seed-calendar-personal"},
                                                {"title", "Dentist appointment"},
                                                {"startDate", utcIso(begins)},
                                                {"endDate", utcIso(begins.addSecs(1800))},
                                                {"reminders", QJsonArray{0}}});
        QVERIFY2(event, qPrintable(event.error));
    }
    QTest::qWait(1500);

    const QString second = runApp(dir.path(), 300);
    QCOMPARE(reminderLines(second, "Dentist appointment"), 1);
    const QString third = runApp(dir.path(), 300);
    QCOMPARE(reminderLines(third, "Dentist appointment"), 0);
}

void TestAppReminders::calendarReminderOfASeriesFiresWhileRunning()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    runApp(dir.path(), 0);
    {
        auto store = openProfile(dir.path());
        // Started yesterday, daily: today's occurrence in 4 s (plus the start-up).
        const QDateTime begins = QDateTime::currentDateTimeUtc().addSecs(4).addDays(-1);
        const WriteResult event = store->collection("calendar", "events")
                                      ->insert({{"calendarId", "seed-calendar-personal"},
                                                {"title", "Daily stand-up"},
                                                {"startDate", utcIso(begins)},
                                                {"endDate", utcIso(begins.addSecs(900))},
                                                {"recurrenceRule", "FREQ=DAILY"},
                                                {"reminders", QJsonArray{0}}});
        QVERIFY2(event, qPrintable(event.error));
    }
    const QString log = runApp(dir.path(), 9000);
    QCOMPARE(reminderLines(log, "Daily stand-up"), 1);
}

void TestAppReminders::timerThatRanOutWhileClosedIsReportedOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    runApp(dir.path(), 0);
    {
        auto store = openProfile(dir.path());
        // Started two minutes ago for one minute: it ran out while closed.
        const WriteResult timer =
            store->collection("clock", "timers")
                ->insert({{"label", "Pasta"},
                          {"durationSeconds", 60},
                          {"remainingSeconds", 60},
                          {"status", "running"},
                          {"startedAt", utcIso(QDateTime::currentDateTimeUtc().addSecs(-120))}});
        QVERIFY2(timer, qPrintable(timer.error));
    }
    const QString second = runApp(dir.path(), 300);
    QVERIFY2(notificationLines(second, "Pasta") == 1, qPrintable(second.right(3000)));
    const QString third = runApp(dir.path(), 300);
    QCOMPARE(notificationLines(third, "Pasta"), 0);
}

void TestAppReminders::alarmRingsAtItsMinute()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    runApp(dir.path(), 0);
    // The next full minute, at least 8 s away: the app needs about one
    // second to start, several on a loaded machine, and an alarm whose minute
    // passed before the app ran does not ring (3 s was too little at load 8).
    QDateTime ring = QDateTime::currentDateTime().addSecs(60);
    ring.setTime(QTime(ring.time().hour(), ring.time().minute()));
    if (QDateTime::currentDateTime().secsTo(ring) < 8)
        ring = ring.addSecs(60);
    {
        auto store = openProfile(dir.path());
        const WriteResult alarm = store->collection("clock", "alarms")
                                      ->insert({{"label", "Stretch"},
                                                {"time", ring.toString("HH:mm")},
                                                {"enabled", true},
                                                {"snoozeMinutes", 5}});
        QVERIFY2(alarm, qPrintable(alarm.error));
    }
    const int wait = int(QDateTime::currentDateTime().msecsTo(ring)) + 3000;
    const QString log = runApp(dir.path(), wait);
    QVERIFY2(notificationLines(log, "Stretch") == 1, qPrintable(log.right(3000)));
}

QTEST_GUILESS_MAIN(TestAppReminders)
#include "tst_app_reminders.moc"
