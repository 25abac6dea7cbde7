// Countdown timers: the arithmetic of remaining time from the record
// (start, pause, resume, reset), several at once, and the TimerService
// finishing them on time and across a restart (a new service with a later
// clock), telling each finish once; why addTimer refused is a code.
#include "clocktestsupport.h"
#include "timerservice.h"
#include "timerstate.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mana;
using namespace mana::clock;
using namespace mana::clock::timerstate;
using namespace clocktest;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 10000;
}

class TestTimers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void remaining_data();
    void remaining();
    void pauseResumeArithmetic();
    void actionsOnlyWhereTheyApply();
    void formatRemaining_data();
    void formatRemaining();
    void finishesOnTime();
    void severalTimersAtOnce();
    void survivesARestart();
    void finishedWhileClosedIsToldOnceAtStart();
    void resetStopsIt();
    void addTimerRefusalsAreCodes();

private:
    bool startService();
    bool restartAt(const QDateTime &time);
    QJsonObject timer(const QString &id) const { return *timers()->get(id); }
    Collection *timers() const { return m_store->collection(u"clock"_s, u"timers"_s); }

    const QDateTime m_t0 = QDateTime::fromString(u"2027-01-04T09:00:00.000Z"_s, Qt::ISODateWithMs);
    FakeClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<TimerService> m_service;
    std::unique_ptr<QSignalSpy> m_finished;
};

void TestTimers::init()
{
    m_clock.set(m_t0);
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = openClockStore(m_dir->filePath(u"guest.sqlite"_s));
    QVERIFY(m_store);
}

void TestTimers::cleanup()
{
    m_finished.reset();
    m_service.reset();
    m_store.reset();
    m_dir.reset();
}

bool TestTimers::startService()
{
    m_service = std::make_unique<TimerService>(m_store.get(), [this] { return m_clock.now(); });
    m_finished = std::make_unique<QSignalSpy>(m_service.get(), &TimerService::timerFinished);
    return m_service->start();
}

bool TestTimers::restartAt(const QDateTime &time)
{
    m_finished.reset();
    m_service.reset();
    m_store.reset();
    m_clock.set(time);
    m_store = openClockStore(m_dir->filePath(u"guest.sqlite"_s));
    return m_store && startService();
}

void TestTimers::remaining_data()
{
    QTest::addColumn<QJsonObject>("timer");
    QTest::addColumn<qint64>("remaining");
    const QString t0 = u"2027-01-04T09:00:00.000Z"_s;
    QTest::newRow("idle: the duration")
        << QJsonObject{{u"durationSeconds"_s, 180}, {u"status"_s, u"idle"_s}} << qint64(180000);
    QTest::newRow("no status: idle") << QJsonObject{{u"durationSeconds"_s, 60}} << qint64(60000);
    QTest::newRow("running 25 s of 180")
        << QJsonObject{{u"durationSeconds"_s, 180},
                       {u"remainingSeconds"_s, 180},
                       {u"status"_s, u"running"_s},
                       {u"startedAt"_s, u"2027-01-04T08:59:35.000Z"_s}}
        << qint64(155000);
    QTest::newRow("resumed with 100 s left, 40 s ago")
        << QJsonObject{{u"durationSeconds"_s, 180},
                       {u"remainingSeconds"_s, 100},
                       {u"status"_s, u"running"_s},
                       {u"startedAt"_s, u"2027-01-04T08:59:20.000Z"_s}}
        << qint64(60000);
    QTest::newRow("running past its end: 0")
        << QJsonObject{{u"durationSeconds"_s, 60},
                       {u"remainingSeconds"_s, 60},
                       {u"status"_s, u"running"_s},
                       {u"startedAt"_s, u"2027-01-04T07:00:00.000Z"_s}}
        << qint64(0);
    QTest::newRow("paused: the stored remainder") << QJsonObject{{u"durationSeconds"_s, 180},
                                                                 {u"remainingSeconds"_s, 42},
                                                                 {u"status"_s, u"paused"_s},
                                                                 {u"pausedAt"_s, t0}}
                                                  << qint64(42000);
    QTest::newRow("paused remainder above the duration is capped")
        << QJsonObject{{u"durationSeconds"_s, 30},
                       {u"remainingSeconds"_s, 99},
                       {u"status"_s, u"paused"_s}}
        << qint64(30000);
    QTest::newRow("finished: 0") << QJsonObject{{u"durationSeconds"_s, 30},
                                                {u"remainingSeconds"_s, 0},
                                                {u"status"_s, u"finished"_s}}
                                 << qint64(0);
}

void TestTimers::remaining()
{
    QFETCH(QJsonObject, timer);
    QFETCH(qint64, remaining);
    QCOMPARE(remainingMs(timer, m_t0), remaining);
}

void TestTimers::pauseResumeArithmetic()
{
    QJsonObject timer{{u"durationSeconds"_s, 180}, {u"status"_s, u"idle"_s}};
    auto apply = [&timer](const QJsonObject &fields) {
        QVERIFY(!fields.isEmpty());
        for (auto it = fields.begin(); it != fields.end(); ++it)
            timer.insert(it.key(), it.value());
    };
    apply(startFields(timer, m_t0));
    QCOMPARE(statusOf(timer), Status::Running);
    QCOMPARE(finishTime(timer), m_t0.addSecs(180));

    // Paused after 60.4 s: 119.6 s left, stored as 120 (rounded up).
    apply(pauseFields(timer, m_t0.addMSecs(60400)));
    QCOMPARE(statusOf(timer), Status::Paused);
    QCOMPARE(timer.value(u"remainingSeconds"_s).toInt(), 120);
    QCOMPARE(timer.value(u"pausedAt"_s).toString(), timestampToJson(m_t0.addMSecs(60400)));
    // Time passing while paused changes nothing.
    QCOMPARE(remainingMs(timer, m_t0.addSecs(3600)), qint64(120000));

    // Resumed an hour later: 120 s from then.
    const QDateTime resumedAt = m_t0.addSecs(3600);
    apply(resumeFields(timer, resumedAt));
    QCOMPARE(statusOf(timer), Status::Running);
    QVERIFY(timer.value(u"pausedAt"_s).isNull());
    QCOMPARE(remainingMs(timer, resumedAt.addSecs(20)), qint64(100000));
    QCOMPARE(finishTime(timer), resumedAt.addSecs(120));

    apply(resetFields(timer));
    QCOMPARE(statusOf(timer), Status::Idle);
    QCOMPARE(remainingMs(timer, resumedAt.addSecs(20)), qint64(180000));
    QVERIFY(timer.value(u"startedAt"_s).isNull());
}

void TestTimers::actionsOnlyWhereTheyApply()
{
    const QJsonObject idle{{u"durationSeconds"_s, 10}, {u"status"_s, u"idle"_s}};
    QVERIFY(pauseFields(idle, m_t0).isEmpty());
    QVERIFY(resumeFields(idle, m_t0).isEmpty());
    QVERIFY(resetFields(idle).isEmpty());
    const QJsonObject running{{u"durationSeconds"_s, 10},
                              {u"status"_s, u"running"_s},
                              {u"startedAt"_s, timestampToJson(m_t0)}};
    QVERIFY(startFields(running, m_t0).isEmpty());
    QVERIFY(resumeFields(running, m_t0).isEmpty());
    const QJsonObject paused{
        {u"durationSeconds"_s, 10}, {u"remainingSeconds"_s, 4}, {u"status"_s, u"paused"_s}};
    // Start on a paused timer resumes it with what was left.
    QCOMPARE(startFields(paused, m_t0).value(u"remainingSeconds"_s).toInt(), 4);
    const QJsonObject finished{{u"durationSeconds"_s, 10}, {u"status"_s, u"finished"_s}};
    QCOMPARE(startFields(finished, m_t0).value(u"remainingSeconds"_s).toInt(), 10);
}

void TestTimers::formatRemaining_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("3 minutes") << qint64(180000) << u"3:00"_s;
    QTest::newRow("a fraction rounds up") << qint64(179001) << u"3:00"_s;
    QTest::newRow("last second") << qint64(1) << u"0:01"_s;
    QTest::newRow("zero") << qint64(0) << u"0:00"_s;
    QTest::newRow("hours") << qint64(3723000) << u"1:02:03"_s;
}

void TestTimers::formatRemaining()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(timerstate::formatRemaining(ms), text);
}

void TestTimers::finishesOnTime()
{
    QVERIFY(startService());
    const QString id = m_service->addTimer(1, u"Egg"_s);
    QVERIFY(!id.isEmpty());
    QVERIFY(m_service->startTimer(id));
    QCOMPARE(m_service->nextFinishTime(),
             timer(id).value(u"startedAt"_s).toString().isEmpty()
                 ? QDateTime()
                 : timestampFromJson(timer(id).value(u"startedAt"_s)).addSecs(1));
    QCOMPARE(m_finished->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_finished->count(), 1, kWaitMs);
    QCOMPARE(m_finished->at(0).at(0).toString(), id);
    QCOMPARE(m_finished->at(0).at(1).toString(), u"Egg"_s);
    QCOMPARE(statusOf(timer(id)), Status::Finished);
    QCOMPARE(timer(id).value(u"remainingSeconds"_s).toInt(), 0);
    QVERIFY(!m_service->nextFinishTime().isValid());
}

void TestTimers::severalTimersAtOnce()
{
    QVERIFY(startService());
    const QString tea = m_service->addTimer(180, u"Tea"_s);
    const QString egg = m_service->addTimer(420, u"Egg"_s);
    const QString pasta = m_service->addTimer(600, u"Pasta"_s);
    QVERIFY(m_service->startTimer(tea));
    QVERIFY(m_service->startTimer(egg));
    QVERIFY(m_service->startTimer(pasta));
    QVERIFY(m_service->pauseTimer(pasta));
    QVERIFY(qAbs(m_clock.now().msecsTo(m_service->nextFinishTime()) - 180000) < 1000);

    // Four minutes on: tea is done, the egg has 3 minutes, pasta waits.
    m_clock.set(m_clock.now().addSecs(240));
    m_service->recheck();
    QCOMPARE(m_finished->count(), 1);
    QCOMPARE(m_finished->at(0).at(0).toString(), tea);
    QVERIFY(qAbs(m_service->remainingMs(egg) - 180000) < 1000);
    QCOMPARE(statusOf(timer(pasta)), Status::Paused);
    QCOMPARE(m_service->remainingMs(pasta), qint64(600000));
    QVERIFY(qAbs(m_clock.now().msecsTo(m_service->nextFinishTime()) - 180000) < 1000);
}

void TestTimers::survivesARestart()
{
    QVERIFY(startService());
    const QString id = m_service->addTimer(600, u"Pizza"_s);
    QVERIFY(m_service->startTimer(id));
    const QDateTime finishAt = finishTime(timer(id));
    // Closed, started again 4 minutes later: 6 minutes left, same end.
    QVERIFY(restartAt(m_clock.now().addSecs(240)));
    QCOMPARE(m_finished->count(), 0);
    QCOMPARE(statusOf(timer(id)), Status::Running);
    QCOMPARE(m_service->nextFinishTime(), finishAt);
    QVERIFY(qAbs(m_service->remainingMs(id) - 360000) < 1000);
    QVERIFY(m_service->pauseTimer(id));
    QVERIFY(restartAt(m_clock.now().addSecs(3600)));
    QCOMPARE(statusOf(timer(id)), Status::Paused);
    QCOMPARE(m_service->remainingMs(id), qint64(360000));
}

void TestTimers::finishedWhileClosedIsToldOnceAtStart()
{
    QVERIFY(startService());
    const QString id = m_service->addTimer(60, u"Laundry"_s);
    QVERIFY(m_service->startTimer(id));
    QVERIFY(restartAt(m_clock.now().addSecs(3600)));
    QCOMPARE(m_finished->count(), 1); // during start()
    QCOMPARE(m_finished->at(0).at(0).toString(), id);
    QCOMPARE(statusOf(timer(id)), Status::Finished);
    QVERIFY(restartAt(m_clock.now().addSecs(60)));
    QCOMPARE(m_finished->count(), 0);
}

void TestTimers::resetStopsIt()
{
    QVERIFY(startService());
    const QString id = m_service->addTimer(1, {});
    QVERIFY(m_service->startTimer(id));
    QVERIFY(m_service->resetTimer(id));
    QVERIFY(!m_service->nextFinishTime().isValid());
    QTest::qWait(1300);
    QCOMPARE(m_finished->count(), 0);
    QCOMPARE(m_service->remainingMs(id), qint64(1000));
}

// A refusal says why as a code (the words are the page's); nothing is
// written. The store's own code comes along when it refused.
void TestTimers::addTimerRefusalsAreCodes()
{
    TimerErrorInfo error;
    TimerService notStarted(m_store.get(), [this] { return m_clock.now(); });
    QCOMPARE(notStarted.addTimer(60, u"Tea"_s, &error), QString());
    QCOMPARE(timerErrorName(error.code), "NotAvailable");

    QVERIFY(startService());
    for (int seconds : {0, -1, TimerService::kMaxDurationSeconds + 1}) {
        QCOMPARE(m_service->addTimer(seconds, u"Tea"_s, &error), QString());
        QCOMPARE(timerErrorName(error.code), "DurationOutOfRange");
    }
    QCOMPARE(timers()->count(Query()), 0);

    QSqlQuery trigger(m_store->database());
    QVERIFY2(trigger.exec(u"CREATE TEMP TRIGGER refuse_timers BEFORE INSERT ON clock_timers "
                          "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s),
             qPrintable(trigger.lastError().text()));
    QCOMPARE(m_service->addTimer(60, u"Tea"_s, &error), QString());
    QCOMPARE(timerErrorName(error.code), "StoreRefused");
    QCOMPARE(storeErrorName(error.store.code), "Refused");
    QVERIFY2(error.store.detail.contains(u"refused by the test"), qPrintable(error.store.detail));
    QCOMPARE(timers()->count(Query()), 0);
    QVERIFY(trigger.exec(u"DROP TRIGGER refuse_timers"_s));

    for (int seconds : {TimerService::kMinDurationSeconds, TimerService::kMaxDurationSeconds}) {
        QVERIFY(!m_service->addTimer(seconds, {}, &error).isEmpty());
        QVERIFY(!error.isError());
    }
    QCOMPARE(timers()->count(Query()), 2);
}

QTEST_GUILESS_MAIN(TestTimers)
#include "tst_timers.moc"
