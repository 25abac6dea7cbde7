// ClockController's typed API on a real LocalStore file (issue 14: values
// that cross into QML are value types and enums, not maps and strings): an
// alarm draft written and read back is the same draft, an invalid time is
// refused with nothing written, the alarm list's entries carry what was
// saved, a world clock's display, the time-zone search, and a timer's
// status as TimerState through start, pause and reset, and a refused timer
// worded by the page (TimerService says why as a code).
#include "clockcontroller.h"
#include "clocktestsupport.h"
#include "collection.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mana;
using namespace mana::clock;
using namespace clocktest;
using namespace Qt::StringLiterals;

namespace {

AlarmDraft draftOf(int hour, int minute, const QList<int> &days, const QString &label,
                   int snoozeMinutes)
{
    AlarmDraft draft;
    draft.hour = hour;
    draft.minute = minute;
    draft.repeatDays = days;
    draft.label = label;
    draft.snoozeMinutes = snoozeMinutes;
    return draft;
}

const AlarmEntry *entryOf(const QList<AlarmEntry> &alarms, const QString &id)
{
    for (const AlarmEntry &alarm : alarms) {
        if (alarm.id == id)
            return &alarm;
    }
    return nullptr;
}

} // namespace

class TestClockController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void alarmDraftReadsBackAsWritten_data();
    void alarmDraftReadsBackAsWritten();
    void alarmDraftIsNormalized();
    void invalidTimeIsRefused_data();
    void invalidTimeIsRefused();
    void alarmEntryCarriesTheRecord();
    void unknownAlarmHasNoDraft();
    void newAlarmDraftIsTheNextFullHour();
    void worldClockDisplay();
    void searchZonesIsTyped();
    void timerStatusIsAnEnum();
    void refusedTimerIsWordedByThePage_data();
    void refusedTimerIsWordedByThePage();
    void weekdayChoicesAndDaysText();
    void weekdayChoicesFollowTheLanguage();
    void nextRingTextSaysHoursThenDays_data();
    void nextRingTextSaysHoursThenDays();

private:
    Collection *alarms() const { return m_store->collection(u"clock"_s, u"alarms"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<ClockController> m_controller;
};

void TestClockController::initTestCase()
{
    qputenv("MANA_CLOCK_SILENT", "1");
}

void TestClockController::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openClockStore(m_dir->filePath(u"guest.sqlite"_s));
    QVERIFY(m_store);
    m_controller = std::make_unique<ClockController>();
    m_controller->setStore(m_store.get());
}

void TestClockController::cleanup()
{
    m_controller.reset();
    m_store.reset();
    m_dir.reset();
}

void TestClockController::alarmDraftReadsBackAsWritten_data()
{
    QTest::addColumn<AlarmDraft>("first");
    QTest::addColumn<AlarmDraft>("edited");
    QTest::newRow("weekdays, then once")
        << draftOf(7, 0, {1, 2, 3, 4, 5}, u"Work"_s, 10) << draftOf(6, 45, {}, u"Train"_s, 5);
    QTest::newRow("once, then weekends")
        << draftOf(0, 0, {}, QString(), 1) << draftOf(23, 59, {0, 6}, u"Late"_s, 60);
    QTest::newRow("every day, label cleared")
        << draftOf(12, 30, {0, 1, 2, 3, 4, 5, 6}, u"Lunch"_s, 15)
        << draftOf(12, 31, {3}, QString(), 15);
}

// What the dialog writes is what it reads back: add, read, edit, read.
void TestClockController::alarmDraftReadsBackAsWritten()
{
    QFETCH(AlarmDraft, first);
    QFETCH(AlarmDraft, edited);
    QSignalSpy changed(m_controller.get(), &ClockController::alarmsChanged);

    const QString id = m_controller->addAlarm(first);
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->lastError()));
    QVERIFY(changed.count() >= 1);
    AlarmDraft expected = first;
    expected.id = id;
    QCOMPARE(m_controller->alarmDraftOf(id), expected);

    QVERIFY2(m_controller->setAlarmEnabled(id, false), qPrintable(m_controller->lastError()));
    QVERIFY(m_controller->updateAlarm(id, edited));
    expected = edited;
    expected.id = id;
    QCOMPARE(m_controller->alarmDraftOf(id), expected);
    // Saving switches it on again.
    QCOMPARE(alarms()->get(id)->value(u"enabled"_s).toBool(), true);
    QCOMPARE(m_controller->alarms().size(), 1);
}

// Days sorted without repeats or strangers, the label trimmed, the snooze
// within 1–60 minutes.
void TestClockController::alarmDraftIsNormalized()
{
    const QString id =
        m_controller->addAlarm(draftOf(8, 5, {5, 1, 5, 9, -1, 3}, u"  Gym  "_s, 600));
    QVERIFY(!id.isEmpty());
    const QJsonObject record = *alarms()->get(id);
    QCOMPARE(record.value(u"time"_s).toString(), u"08:05"_s);
    QCOMPARE(record.value(u"repeatDays"_s).toArray(), (QJsonArray{1, 3, 5}));
    QCOMPARE(record.value(u"label"_s).toString(), u"Gym"_s);
    QCOMPARE(record.value(u"snoozeMinutes"_s).toInt(), 60);
    AlarmDraft expected = draftOf(8, 5, {1, 3, 5}, u"Gym"_s, 60);
    expected.id = id;
    QCOMPARE(m_controller->alarmDraftOf(id), expected);
}

void TestClockController::invalidTimeIsRefused_data()
{
    QTest::addColumn<int>("hour");
    QTest::addColumn<int>("minute");
    QTest::newRow("24:00") << 24 << 0;
    QTest::newRow("07:60") << 7 << 60;
    QTest::newRow("-1:00") << -1 << 0;
}

void TestClockController::invalidTimeIsRefused()
{
    QFETCH(int, hour);
    QFETCH(int, minute);
    const QString existing = m_controller->addAlarm(draftOf(7, 0, {}, u"Keep"_s, 10));
    QVERIFY(!existing.isEmpty());
    QSignalSpy errors(m_controller.get(), &ClockController::errorOccurred);

    QVERIFY(m_controller->addAlarm(draftOf(hour, minute, {}, u"x"_s, 10)).isEmpty());
    QVERIFY(!m_controller->updateAlarm(existing, draftOf(hour, minute, {}, u"x"_s, 10)));
    QCOMPARE(errors.count(), 2);
    QCOMPARE(m_controller->lastError(), u"Choose a time between 00:00 and 23:59."_s);
    QCOMPARE(alarms()->count(), 1);
    QCOMPARE(alarms()->get(existing)->value(u"label"_s).toString(), u"Keep"_s);
}

void TestClockController::alarmEntryCarriesTheRecord()
{
    const QString weekdays = m_controller->addAlarm(draftOf(7, 0, {1, 2, 3, 4, 5}, u"Work"_s, 5));
    const QString once = m_controller->addAlarm(draftOf(6, 30, {}, QString(), 10));
    QVERIFY(m_controller->setAlarmEnabled(once, false));

    const QList<AlarmEntry> list = m_controller->alarms();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).id, once); // by time
    const AlarmEntry *work = entryOf(list, weekdays);
    QVERIFY(work);
    QCOMPARE(work->time, u"07:00"_s);
    QCOMPARE(work->label, u"Work"_s);
    QCOMPARE(work->repeatDays, (QList<int>{1, 2, 3, 4, 5}));
    QCOMPARE(work->snoozeMinutes, 5);
    QCOMPARE(work->daysText, u"Weekdays"_s);
    QCOMPARE(work->enabled, true);
    const AlarmEntry *early = entryOf(list, once);
    QCOMPARE(early->enabled, false);
    QCOMPARE(early->daysText, u"Once"_s);
    QCOMPARE(m_controller->nextRingText(once, QDateTime::currentDateTimeUtc()), QString());
    QVERIFY(
        m_controller->nextRingText(weekdays, QDateTime::currentDateTimeUtc()).startsWith(u"in "_s));
}

void TestClockController::unknownAlarmHasNoDraft()
{
    QCOMPARE(m_controller->alarmDraftOf(u"no-such-alarm"_s), AlarmDraft());
    QVERIFY(m_controller->alarmDraftOf(u"no-such-alarm"_s).id.isEmpty());
}

void TestClockController::newAlarmDraftIsTheNextFullHour()
{
    const AlarmDraft draft = m_controller->newAlarmDraft();
    const int hour = m_controller->now().toLocalTime().addSecs(3600).time().hour();
    QVERIFY(draft.id.isEmpty());
    QCOMPARE(draft.minute, 0);
    QVERIFY(draft.hour == hour || draft.hour == (hour + 1) % 24); // an hour turning meanwhile
    QVERIFY(draft.repeatDays.isEmpty());
    QCOMPARE(draft.snoozeMinutes, 10);
}

void TestClockController::worldClockDisplay()
{
    // 1 July 2027 10:00 UTC: summer time in Berlin, 19:00 in Tokyo.
    const QDateTime at(QDate(2027, 7, 1), QTime(10, 0), Qt::UTC);
    const WorldClockDisplay berlin = m_controller->worldClockInfo(u"Europe/Berlin"_s, at);
    QVERIFY(berlin.valid);
    QCOMPARE(berlin.time, u"12:00"_s);
    QVERIFY(berlin.isDst);
    QVERIFY(berlin.isDay);
    const WorldClockDisplay tokyo = m_controller->worldClockInfo(u"Asia/Tokyo"_s, at);
    QCOMPARE(tokyo.time, u"19:00"_s);
    QVERIFY(!tokyo.isDst);
    QVERIFY(!tokyo.isDay);
    QVERIFY(!tokyo.offsetText.isEmpty());
    QCOMPARE(m_controller->worldClockInfo(u"Nowhere/Atlantis"_s, at), WorldClockDisplay());

    QVERIFY(!m_controller->addWorldClock(u"Europe/Berlin"_s, u"Berlin"_s).isEmpty());
    QVERIFY(!m_controller->addWorldClock(u"Asia/Tokyo"_s, u"Tokyo"_s).isEmpty());
    QCOMPARE(m_controller->worldClocks().size(), 2);
    QCOMPARE(m_controller->worldClocks().at(0).cityName, u"Berlin"_s);
    QVERIFY(m_controller->moveWorldClock(m_controller->worldClocks().at(1).id, -1));
    QCOMPARE(m_controller->worldClocks().at(0).cityName, u"Tokyo"_s);
    QCOMPARE(m_controller->worldClocks().at(0).timezone, u"Asia/Tokyo"_s);
}

void TestClockController::searchZonesIsTyped()
{
    const QList<ZoneMatch> matches = m_controller->searchZones(u"berl"_s);
    QVERIFY(!matches.isEmpty());
    QCOMPARE(matches.first().zoneId, u"Europe/Berlin"_s);
    QCOMPARE(matches.first().city, u"Berlin"_s);
}

void TestClockController::refusedTimerIsWordedByThePage_data()
{
    QTest::addColumn<int>("durationSeconds");
    QTest::addColumn<bool>("storeRefuses");
    QTest::addColumn<QString>("sentence");
    const QString range = u"A timer runs from one second to 24 hours."_s;
    QTest::newRow("no time") << 0 << false << range;
    QTest::newRow("negative") << -5 << false << range;
    QTest::newRow("a day and a second") << 86401 << false << range;
    QTest::newRow("the store refuses")
        << 60 << true << u"The database refused this change, so nothing was saved."_s;
}

// The sentence is the page's, never the store's English detail; nothing is
// written.
void TestClockController::refusedTimerIsWordedByThePage()
{
    QFETCH(int, durationSeconds);
    QFETCH(bool, storeRefuses);
    QFETCH(QString, sentence);
    QSqlQuery trigger(m_store->database());
    if (storeRefuses)
        QVERIFY2(trigger.exec(u"CREATE TEMP TRIGGER refuse_timers BEFORE INSERT ON clock_timers "
                              "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s),
                 qPrintable(trigger.lastError().text()));
    QSignalSpy errors(m_controller.get(), &ClockController::errorOccurred);
    QCOMPARE(m_controller->addTimer(durationSeconds, u"Tea"_s), QString());
    QCOMPARE(m_controller->lastError(), sentence);
    QCOMPARE(errors.size(), 1);
    QVERIFY(m_controller->timers().isEmpty());
    QCOMPARE(m_store->collection(u"clock"_s, u"timers"_s)->count(Query()), 0);
}

void TestClockController::timerStatusIsAnEnum()
{
    const QString id = m_controller->addTimer(180, u"Tea"_s);
    QVERIFY2(!id.isEmpty(), qPrintable(m_controller->lastError()));
    const auto statusOf = [&] {
        for (const TimerEntry &timer : m_controller->timers()) {
            if (timer.id == id)
                return timer.status;
        }
        return TimerState::Value(-1);
    };
    QCOMPARE(statusOf(), TimerState::Idle);
    QCOMPARE(m_controller->timers().constFirst().durationSeconds, 180);
    QCOMPARE(m_controller->timers().constFirst().label, u"Tea"_s);
    QVERIFY(m_controller->startTimer(id));
    QCOMPARE(statusOf(), TimerState::Running);
    QVERIFY(m_controller->pauseTimer(id));
    QCOMPARE(statusOf(), TimerState::Paused);
    QVERIFY(m_controller->resetTimer(id));
    QCOMPARE(statusOf(), TimerState::Idle);
    QCOMPARE(m_controller->timerRemainingText(id, m_controller->now()), u"3:00"_s);
    // The names QML compares with.
    QCOMPARE(QMetaEnum::fromType<TimerState::Value>().valueToKey(TimerState::Running), "Running");
}

void TestClockController::weekdayChoicesAndDaysText()
{
    const QList<WeekdayChoice> choices = m_controller->weekdayChoices();
    QCOMPARE(choices.size(), 7);
    QCOMPARE(choices.first().day, 1);
    QCOMPARE(choices.first().name, u"Mon"_s);
    QCOMPARE(choices.last().day, 0);
    QCOMPARE(m_controller->daysText({3, 1}), u"Mon, Wed"_s);
    QCOMPARE(m_controller->daysText({6, 0}), u"Weekends"_s);
    m_controller->setLanguage(u"de"_s);
    QCOMPARE(m_controller->weekdayChoices().first().name, u"Mo"_s);
}

void TestClockController::weekdayChoicesFollowTheLanguage()
{
    // A property with a signal, so the alarm dialog's day buttons follow a
    // language switch (as a method call they kept the first language).
    const QMetaProperty property = ClockController::staticMetaObject.property(
        ClockController::staticMetaObject.indexOfProperty("weekdayChoices"));
    QVERIFY(property.isValid());
    QVERIFY(property.hasNotifySignal());
    QSignalSpy changed(m_controller.get(), &ClockController::languageChanged);
    m_controller->setLanguage(u"de"_s);
    QCOMPARE(changed.count(), 1);
    const auto choices = property.read(m_controller.get()).value<QList<WeekdayChoice>>();
    QCOMPARE(choices.first().name, u"Mo"_s);
    m_controller->setLanguage(u"en"_s);
}

// Monday 4 January 2027, 19:24 local time; the alarm's days and time.
void TestClockController::nextRingTextSaysHoursThenDays_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("hour");
    QTest::addColumn<int>("minute");
    QTest::addColumn<QList<int>>("days");
    QTest::addColumn<QString>("text");
    const QList<int> everyDay{0, 1, 2, 3, 4, 5, 6};
    QTest::newRow("minutes") << u"en"_s << 19 << 40 << everyDay << u"in 16 min"_s;
    QTest::newRow("hours and minutes") << u"en"_s << 21 << 0 << everyDay << u"in 1 h 36 min"_s;
    QTest::newRow("whole hours") << u"en"_s << 22 << 24 << everyDay << u"in 3 h"_s;
    QTest::newRow("under a day, tomorrow") << u"en"_s << 7 << 0 << everyDay << u"in 11 h 36 min"_s;
    QTest::newRow("a day and more") << u"en"_s << 20 << 0 << QList<int>{2} << u"tomorrow"_s;
    QTest::newRow("this week") << u"en"_s << 6 << 30 << QList<int>{3, 5} << u"on Wednesday"_s;
    QTest::newRow("weekend") << u"en"_s << 10 << 30 << QList<int>{0, 6} << u"on Saturday"_s;
    QTest::newRow("a week") << u"en"_s << 19 << 0 << QList<int>{1} << u"next Monday"_s;
    QTest::newRow("German weekend") << u"de"_s << 10 << 30 << QList<int>{0, 6} << u"Samstag"_s;
}

void TestClockController::nextRingTextSaysHoursThenDays()
{
    QFETCH(QString, language);
    QFETCH(int, hour);
    QFETCH(int, minute);
    QFETCH(QList<int>, days);
    QFETCH(QString, text);
    m_controller->setLanguage(language);
    const QString id = m_controller->addAlarm(draftOf(hour, minute, days, u"x"_s, 10));
    QVERIFY(!id.isEmpty());
    const QDateTime now(QDate(2027, 1, 4), QTime(19, 24));       // local time, a Monday
    QTRY_VERIFY(!m_controller->nextRingText(id, now).isEmpty()); // read back from the store
    const QString said = m_controller->nextRingText(id, now);
    m_controller->setLanguage(u"en"_s);
    // German words come from the .qm file this test does not load: the
    // day's name is the locale's own.
    if (language == u"de"_s)
        QVERIFY2(said.contains(text), qPrintable(said));
    else
        QCOMPARE(said, text);
}

QTEST_GUILESS_MAIN(TestClockController)
#include "tst_clockcontroller.moc"
