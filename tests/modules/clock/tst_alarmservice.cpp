// The alarm service on a real LocalStore file with an injected clock and
// zone: rings on time, reports alarms missed while the app was closed
// without ringing them (one due exactly now rings), snooze and dismiss,
// one-time alarms switched off after ringing, edits re-plan.
#include "alarmservice.h"
#include "clockservices.h"
#include "clocktestsupport.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace mana;
using namespace mana::clock;
using namespace clocktest;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 10000;
}

class TestAlarmService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void ringsAtTheRightTime();
    void oneTimeAlarmIsSwitchedOffAfterRinging();
    void missedWhileClosedIsReportedNotRung();
    void alarmDueExactlyNowRingsAtStart();
    void missedByMinutesWhileClosedIsStillMissed();
    void sleptThroughIsMissedWhileRunning_data();
    void sleptThroughIsMissedWhileRunning();
    void firstStartReportsNothing();
    void disabledAlarmsAreNotMissed();
    void snoozeRingsAgainAfterSnoozeMinutes();
    void snoozeDefaultsToTenMinutes();
    void snoozeOutlivesARestart();
    void snoozeDueWhileClosedIsMissed();
    void snoozeSleptThroughIsMissed();
    void dismissStopsRingingAndSnooze();
    void editReplans();
    void editToAPassedTimeWaitsForTomorrow();
    void servicesAreSharedPerStore();

private:
    bool startService();
    bool startServiceAt(const QDateTime &time);
    bool restartAt(const QDateTime &time);
    QString addAlarm(const QString &time, const QJsonArray &days = {}, QJsonObject fields = {});
    Collection *alarms() const { return m_store->collection(u"clock"_s, u"alarms"_s); }
    QString statePath() const { return m_dir->filePath(u"guest.clock-state.ini"_s); }

    // Monday 4 January 2027, 06:59:59.500 in Berlin: the injected clock runs
    // on in real time, so half a second before 07:00 leaves the service room
    // to start on a loaded machine before its first alarm is due.
    const QTimeZone m_zone = QTimeZone("Europe/Berlin");
    const QDateTime m_t0 = QDateTime(QDate(2027, 1, 4), QTime(6, 59, 59, 500), m_zone);
    FakeClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<AlarmService> m_service;
    std::unique_ptr<QSignalSpy> m_ringing;
    std::unique_ptr<QSignalSpy> m_missed;
};

void TestAlarmService::init()
{
    m_clock.set(m_t0);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openClockStore(m_dir->filePath(u"guest.sqlite"_s));
    QVERIFY(m_store);
}

void TestAlarmService::cleanup()
{
    m_ringing.reset();
    m_missed.reset();
    m_service.reset();
    m_store.reset();
    m_dir.reset();
}

bool TestAlarmService::startService()
{
    m_service = std::make_unique<AlarmService>(
        m_store.get(), statePath(), [this] { return m_clock.now(); }, m_zone);
    m_ringing = std::make_unique<QSignalSpy>(m_service.get(), &AlarmService::ringing);
    m_missed = std::make_unique<QSignalSpy>(m_service.get(), &AlarmService::missed);
    return m_service->start();
}

// The service starts at `time`: the clock is set just before, so that
// opening the store and adding alarms (slow under load) take none of the
// time before the first alarm.
bool TestAlarmService::startServiceAt(const QDateTime &time)
{
    m_clock.set(time);
    return startService();
}

// The app quits and starts again at `time` on the same profile.
bool TestAlarmService::restartAt(const QDateTime &time)
{
    m_ringing.reset();
    m_missed.reset();
    m_service.reset();
    m_store.reset();
    m_clock.set(time);
    m_store = openClockStore(m_dir->filePath(u"guest.sqlite"_s));
    return m_store && startService();
}

QString TestAlarmService::addAlarm(const QString &time, const QJsonArray &days, QJsonObject fields)
{
    fields.insert(u"time"_s, time);
    if (!days.isEmpty())
        fields.insert(u"repeatDays"_s, days);
    if (!fields.contains(u"label"_s))
        fields.insert(u"label"_s, u"Wake up"_s);
    const WriteResult result = alarms()->insert(fields);
    if (!result)
        qWarning("insert alarm: %s", qPrintable(result.error));
    return result.id;
}

void TestAlarmService::ringsAtTheRightTime()
{
    const QString id = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    const QDateTime ringAt(QDate(2027, 1, 4), QTime(7, 0), m_zone);
    QCOMPARE(m_service->nextRingTime(), ringAt.toUTC());
    QCOMPARE(m_ringing->count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QCOMPARE(m_ringing->at(0).at(0).toString(), id);
    QCOMPARE(m_ringing->at(0).at(1).toString(), u"Wake up"_s);
    QCOMPARE(m_ringing->at(0).at(2).toDateTime(), ringAt.toUTC());
    QCOMPARE(m_missed->count(), 0);
    QCOMPARE(m_service->ringingAlarms(), QStringList{id});
    // A repeating alarm stays on and is planned for Tuesday.
    QVERIFY(alarms()->get(id)->value(u"enabled"_s).toBool());
    QCOMPARE(m_service->nextRingTime(), ringAt.addDays(1).toUTC());
}

void TestAlarmService::oneTimeAlarmIsSwitchedOffAfterRinging()
{
    const QString id = addAlarm(u"07:00"_s);
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QCOMPARE(alarms()->get(id)->value(u"enabled"_s).toBool(), false);
    QVERIFY(!m_service->nextRingTime().isValid());
    // Not again the next day, not after a restart.
    QVERIFY(restartAt(m_t0.addDays(1).addSecs(3600)));
    QCOMPARE(m_ringing->count(), 0);
    QCOMPARE(m_missed->count(), 0);
}

void TestAlarmService::missedWhileClosedIsReportedNotRung()
{
    const QString weekdays = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    const QString once = addAlarm(u"06:30"_s, {}, {{u"label"_s, u"Early train"_s}});
    const QString later = addAlarm(u"10:00"_s, {1});
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(6, 0), m_zone));
    QVERIFY(startService());
    QCOMPARE(m_missed->count(), 0);
    // Closed at 06:00; started again at 08:15 the same Monday.
    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(8, 15), m_zone)));
    QCOMPARE(m_ringing->count(), 0);
    QCOMPARE(m_missed->count(), 2);
    QCOMPARE(m_missed->at(0).at(0).toString(), once);
    QCOMPARE(m_missed->at(0).at(1).toString(), u"Early train"_s);
    QCOMPARE(m_missed->at(0).at(2).toDateTime(),
             QDateTime(QDate(2027, 1, 4), QTime(6, 30), m_zone).toUTC());
    QCOMPARE(m_missed->at(1).at(0).toString(), weekdays);
    QVERIFY(m_service->ringingAlarms().isEmpty());
    // The missed one-time alarm is off; the 10:00 one still rings today.
    QCOMPARE(alarms()->get(once)->value(u"enabled"_s).toBool(), false);
    QCOMPARE(m_service->nextRingTime(), QDateTime(QDate(2027, 1, 4), QTime(10, 0), m_zone).toUTC());
    Q_UNUSED(later);
    // Reported once: another restart a minute later reports nothing.
    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(8, 16), m_zone)));
    QCOMPARE(m_missed->count(), 0);
}

void TestAlarmService::alarmDueExactlyNowRingsAtStart()
{
    addAlarm(u"06:30"_s, {1, 2, 3, 4, 5});
    const QString now = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(6, 0), m_zone));
    QVERIFY(startService());
    // The app starts at 07:00:00.000 sharp (the clock is frozen there).
    m_ringing.reset();
    m_missed.reset();
    m_service.reset();
    const QDateTime sharp(QDate(2027, 1, 4), QTime(7, 0), m_zone);
    m_service = std::make_unique<AlarmService>(
        m_store.get(), statePath(), [sharp] { return sharp; }, m_zone);
    QSignalSpy ringing(m_service.get(), &AlarmService::ringing);
    QSignalSpy missed(m_service.get(), &AlarmService::missed);
    QVERIFY(m_service->start());
    QCOMPARE(missed.count(), 1); // 06:30
    QCOMPARE(ringing.count(), 1);
    QCOMPARE(ringing.at(0).at(0).toString(), now);
    QCOMPARE(ringing.at(0).at(2).toDateTime(), sharp.toUTC());
}

void TestAlarmService::missedByMinutesWhileClosedIsStillMissed()
{
    // Closed at 06:55, open again at 07:03: three minutes are not "late",
    // the app was closed at 07:00, so the alarm is reported, not rung.
    addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(6, 55), m_zone));
    QVERIFY(startService());
    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(7, 3), m_zone)));
    QCOMPARE(m_missed->count(), 1);
    QCOMPARE(m_ringing->count(), 0);
}

void TestAlarmService::sleptThroughIsMissedWhileRunning_data()
{
    QTest::addColumn<int>("minutesLate");
    QTest::addColumn<bool>("rings");
    QTest::newRow("woke 2 minutes late: rings") << 2 << true;
    QTest::newRow("woke 30 minutes late: missed") << 30 << false;
}

void TestAlarmService::sleptThroughIsMissedWhileRunning()
{
    QFETCH(int, minutesLate);
    QFETCH(bool, rings);
    addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(6, 50), m_zone));
    QVERIFY(startService());
    // The machine sleeps through 07:00; the wall-clock check notices later.
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(7, minutesLate), m_zone));
    m_service->recheck();
    QCOMPARE(m_ringing->count(), rings ? 1 : 0);
    QCOMPARE(m_missed->count(), rings ? 0 : 1);
}

void TestAlarmService::firstStartReportsNothing()
{
    addAlarm(u"06:30"_s, {1, 2, 3, 4, 5});
    QVERIFY(!QFile::exists(statePath()));
    QVERIFY(startServiceAt(m_t0));
    QCOMPARE(m_missed->count(), 0);
    QCOMPARE(m_ringing->count(), 0);
    QVERIFY(QFile::exists(statePath()));
}

void TestAlarmService::disabledAlarmsAreNotMissed()
{
    addAlarm(u"06:30"_s, {1, 2, 3, 4, 5}, {{u"enabled"_s, false}});
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(6, 0), m_zone));
    QVERIFY(startService());
    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(8, 0), m_zone)));
    QCOMPARE(m_missed->count(), 0);
}

void TestAlarmService::snoozeRingsAgainAfterSnoozeMinutes()
{
    const QString id = addAlarm(u"07:00"_s, {}, {{u"snoozeMinutes"_s, 5}});
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QSignalSpy stopped(m_service.get(), &AlarmService::stoppedRinging);
    QVERIFY(m_service->snooze(id));
    QCOMPARE(stopped.count(), 1);
    QVERIFY(m_service->ringingAlarms().isEmpty());
    const QDateTime until = m_service->snoozedUntil(id);
    QVERIFY(qAbs(m_clock.now().secsTo(until) - 5 * 60) <= 1);
    QCOMPARE(m_service->nextRingTime(), until); // the one-time alarm is off; the snooze counts

    // Five minutes later (the clock jumps, as after a suspend).
    m_clock.set(until.addMSecs(10));
    m_service->recheck();
    QCOMPARE(m_ringing->count(), 2);
    QCOMPARE(m_ringing->at(1).at(0).toString(), id);
    QCOMPARE(m_ringing->at(1).at(2).toDateTime(), until);
    QVERIFY(!m_service->snoozedUntil(id).isValid());
}

void TestAlarmService::snoozeDefaultsToTenMinutes()
{
    const QString id = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QVERIFY(m_service->snooze(id));
    QVERIFY(qAbs(m_clock.now().secsTo(m_service->snoozedUntil(id)) - 10 * 60) <= 1);
}

void TestAlarmService::snoozeOutlivesARestart()
{
    const QString id = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QVERIFY(m_service->snooze(id));
    const QDateTime until = m_service->snoozedUntil(id);

    // The app quits during the snooze and is back before it ends.
    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(7, 5), m_zone)));
    QCOMPARE(m_service->snoozedUntil(id), until);
    QCOMPARE(m_service->nextRingTime(), until);
    QCOMPARE(m_missed->count(), 0);
    m_clock.set(until.addMSecs(10));
    m_service->recheck();
    QCOMPARE(m_ringing->count(), 1);
    QCOMPARE(m_ringing->at(0).at(0).toString(), id);
    QCOMPARE(m_ringing->at(0).at(2).toDateTime(), until);

    // Rung: the next start has no snooze left to ring.
    QVERIFY(restartAt(until.addSecs(60)));
    QVERIFY(!m_service->snoozedUntil(id).isValid());
    QCOMPARE(m_ringing->count(), 0);
    QCOMPARE(m_missed->count(), 0);
}

void TestAlarmService::snoozeDueWhileClosedIsMissed()
{
    const QString id = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QVERIFY(m_service->snooze(id));
    const QDateTime until = m_service->snoozedUntil(id);

    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(7, 30), m_zone)));
    QCOMPARE(m_ringing->count(), 0);
    QCOMPARE(m_missed->count(), 1);
    QCOMPARE(m_missed->at(0).at(0).toString(), id);
    QCOMPARE(m_missed->at(0).at(2).toDateTime(), until);
    QVERIFY(!m_service->snoozedUntil(id).isValid());
    QVERIFY(restartAt(QDateTime(QDate(2027, 1, 4), QTime(7, 31), m_zone)));
    QCOMPARE(m_missed->count(), 0); // reported once
}

void TestAlarmService::snoozeSleptThroughIsMissed()
{
    const QString id = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QVERIFY(m_service->snooze(id));
    const QDateTime until = m_service->snoozedUntil(id);
    // The machine sleeps from the snooze until an hour later.
    m_clock.set(until.addSecs(50 * 60));
    m_service->recheck();
    QCOMPARE(m_ringing->count(), 1);
    QCOMPARE(m_missed->count(), 1);
    QCOMPARE(m_missed->at(0).at(2).toDateTime(), until);
}

void TestAlarmService::dismissStopsRingingAndSnooze()
{
    const QString id = addAlarm(u"07:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    QTRY_COMPARE_WITH_TIMEOUT(m_ringing->count(), 1, kWaitMs);
    QVERIFY(m_service->snooze(id));
    QVERIFY(m_service->dismiss(id));
    QVERIFY(!m_service->snoozedUntil(id).isValid());
    QVERIFY(!m_service->dismiss(id)); // nothing left to dismiss
    m_clock.set(m_clock.now().addSecs(11 * 60));
    m_service->recheck();
    QCOMPARE(m_ringing->count(), 1);
    // The repeating alarm itself is still on for tomorrow.
    QCOMPARE(m_service->nextRingTime(), QDateTime(QDate(2027, 1, 5), QTime(7, 0), m_zone).toUTC());
}

void TestAlarmService::editReplans()
{
    const QString id = addAlarm(u"09:00"_s, {1, 2, 3, 4, 5});
    QVERIFY(startServiceAt(m_t0));
    QCOMPARE(m_service->nextRingTime(), QDateTime(QDate(2027, 1, 4), QTime(9, 0), m_zone).toUTC());
    QVERIFY(alarms()->update(id, {{u"time"_s, u"08:00"_s}}));
    QTRY_COMPARE(m_service->nextRingTime(),
                 QDateTime(QDate(2027, 1, 4), QTime(8, 0), m_zone).toUTC());
    QVERIFY(alarms()->update(id, {{u"enabled"_s, false}}));
    QTRY_VERIFY(!m_service->nextRingTime().isValid());
}

void TestAlarmService::editToAPassedTimeWaitsForTomorrow()
{
    m_clock.set(QDateTime(QDate(2027, 1, 4), QTime(7, 0, 30), m_zone));
    QVERIFY(startService());
    // Set at 07:00:30 for 07:00: that was half a minute ago; tomorrow.
    addAlarm(u"07:00"_s);
    QTRY_VERIFY(m_service->nextRingTime().isValid());
    QCOMPARE(m_service->nextRingTime(), QDateTime(QDate(2027, 1, 5), QTime(7, 0), m_zone).toUTC());
    QCOMPARE(m_ringing->count(), 0);
}

void TestAlarmService::servicesAreSharedPerStore()
{
    ClockServices *first = ClockServices::forStore(m_store.get());
    QVERIFY(first);
    QCOMPARE(ClockServices::forStore(m_store.get()), first);
    QVERIFY(first->alarms()->isStarted());
    QVERIFY(first->timers()->isStarted());
    QCOMPARE(ClockServices::statePathFor(u"/p/guest.sqlite"_s), u"/p/guest.clock-state.ini"_s);
}

QTEST_GUILESS_MAIN(TestAlarmService)
#include "tst_alarmservice.moc"
