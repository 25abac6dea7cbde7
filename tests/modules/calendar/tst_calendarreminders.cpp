// Calendar's reminders (CalendarReminderSource) through the shared
// scheduler on a real store with an injected clock, in Europe/Berlin: a
// single event, a weekly series (next week's occurrence after this week's),
// an exception date skipped, an override moved, all-day events before local
// midnight, DST, edits, hidden calendars, reminders missed while the app
// was closed, and never twice across a restart (the "delivered up to" mark
// file).
//
// The fake clock runs on with real time from the moment it is set, so the
// scheduler's real timer can be exercised with fire times ~50 ms ahead.
#include "calendarreminders.h"
#include "collection.h"
#include "eventrecord.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "reminderscheduler.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace mana;
using namespace mana::calendar;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 10000;

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

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QJsonArray minutes(std::initializer_list<int> values)
{
    QJsonArray array;
    for (const int value : values)
        array.append(value);
    return array;
}

} // namespace

class TestCalendarReminders : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void singleEvent();
    void editReplans();
    void weeklySeriesFiresForNextWeek();
    void exceptionDateIsSkipped();
    void overrideMovesTheReminder();
    void allDayEventBeforeLocalMidnight();
    void seriesKeepsLocalTimeAcrossDst();
    void hiddenCalendarGivesNoReminders();
    void missedWhileClosedFiresOncePerOccurrence();
    void longMissedAreDroppedWithoutPopup();
    void neverTwiceAcrossARestart();
    void firstStartDoesNotFireOlderReminders();

private:
    bool openStore();
    bool start();
    bool restart();
    QString markFile() const { return m_directory->filePath(u"guest.calendar-reminders.json"_s); }
    QString addEvent(const QString &title, const QDateTime &start, const QJsonArray &reminders,
                     QJsonObject fields = {});
    Collection *events() const { return m_store->collection(u"calendar"_s, u"events"_s); }
    Reminder shown(int index) const { return m_spy->at(index).at(1).value<Reminder>(); }
    // Sets the clock 50 ms before `fireAt` and waits for the popup.
    bool firesAt(const QDateTime &fireAt);

    const QTimeZone m_berlin{"Europe/Berlin"};
    // Tuesday, 10:00 in Berlin.
    const QDateTime m_t0 = utc(u"2026-12-01T09:00:00.000Z"_s);
    FakeClock m_clock;
    QString m_calendarId;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<CalendarReminderSource> m_source;
    std::unique_ptr<ReminderScheduler> m_scheduler;
    std::unique_ptr<QSignalSpy> m_spy;
};

bool TestCalendarReminders::openStore()
{
    m_store = std::make_unique<LocalStore>();
    QString error;
    if (!m_store->open(m_directory->filePath(u"guest.sqlite"_s), &error)) {
        qWarning("store: %s", qPrintable(error));
        return false;
    }
    static const ModuleCatalog catalog = ModuleCatalog::load();
    const ModuleInfo *calendar = catalog.info(u"calendar");
    if (!calendar || !m_store->addModule(calendar->spec, &error)) {
        qWarning("calendar module: %s", qPrintable(error));
        return false;
    }
    return true;
}

bool TestCalendarReminders::start()
{
    m_source = std::make_unique<CalendarReminderSource>(m_store.get(), markFile(), m_berlin);
    if (!m_source->start(m_clock.now()))
        return false;
    m_scheduler = std::make_unique<ReminderScheduler>([this] { return m_clock.now(); });
    m_spy = std::make_unique<QSignalSpy>(m_scheduler.get(), &ReminderScheduler::reminderDue);
    m_scheduler->addSource(m_source.get());
    m_scheduler->start();
    return true;
}

// The app quits and starts again on the same profile.
bool TestCalendarReminders::restart()
{
    m_spy.reset();
    m_scheduler.reset();
    m_source.reset();
    m_store.reset();
    return openStore() && start();
}

QString TestCalendarReminders::addEvent(const QString &title, const QDateTime &start,
                                        const QJsonArray &reminders, QJsonObject fields)
{
    fields.insert(u"calendarId"_s, m_calendarId);
    fields.insert(u"title"_s, title);
    if (!fields.contains(u"startDate"_s))
        fields.insert(u"startDate"_s, instantToJson(start));
    if (!fields.contains(u"endDate"_s))
        fields.insert(u"endDate"_s, instantToJson(start.addSecs(3600)));
    fields.insert(u"reminders"_s, reminders);
    const WriteResult result = events()->insert(fields);
    if (!result)
        qWarning("insert event: %s", qPrintable(result.error));
    return result.id;
}

bool TestCalendarReminders::firesAt(const QDateTime &fireAt)
{
    const qsizetype before = m_spy->count();
    m_clock.set(fireAt.addMSecs(-50));
    m_scheduler->recheck();
    if (m_spy->count() != before) {
        qWarning("fired before its time");
        return false;
    }
    return m_spy->wait(kWaitMs) && m_spy->count() == before + 1 &&
           shown(int(before)).fireAt == fireAt && m_clock.now() >= fireAt;
}

void TestCalendarReminders::init()
{
    QVERIFY(m_berlin.isValid());
    m_clock.set(m_t0);
    m_directory = std::make_unique<QTemporaryDir>();
    QVERIFY(m_directory->isValid());
    QVERIFY(openStore());
    const WriteResult calendar = m_store->collection(u"calendar"_s, u"calendars"_s)
                                     ->insert({{u"name"_s, u"Personal"_s},
                                               {u"color"_s, u"#3B82F6"_s},
                                               {u"timezone"_s, u"Europe/Berlin"_s}});
    QVERIFY2(calendar, qPrintable(calendar.error));
    m_calendarId = calendar.id;
}

void TestCalendarReminders::cleanup()
{
    m_spy.reset();
    m_scheduler.reset();
    m_source.reset();
    m_store.reset();
    m_directory.reset();
}

void TestCalendarReminders::singleEvent()
{
    const QDateTime begins = m_t0.addSecs(2 * 3600);
    const QString id =
        addEvent(u"Dentist"_s, begins, minutes({10, 60}), {{u"location"_s, u"Hauptstraße 1"_s}});
    QVERIFY(start());
    QCOMPARE(m_scheduler->nextFireTime(), begins.addSecs(-60 * 60));

    QVERIFY(firesAt(begins.addSecs(-60 * 60)));
    const Reminder first = shown(0);
    QCOMPARE(first.title, u"Dentist"_s);
    QCOMPARE(first.at, begins);
    QCOMPARE(first.itemId, id + u'/' + instantToJson(begins));
    QVERIFY2(first.text.startsWith(u"Starts "_s), qPrintable(first.text));
    QVERIFY2(first.text.endsWith(u" · Hauptstraße 1"_s), qPrintable(first.text));
    QCOMPARE(m_source->deliveredUpTo(), begins.addSecs(-60 * 60)); // recorded

    QTRY_COMPARE(m_scheduler->nextFireTime(), begins.addSecs(-10 * 60));
    QVERIFY(firesAt(begins.addSecs(-10 * 60)));
    QCOMPARE(shown(1).itemId, first.itemId);
    QVERIFY(shown(1).id != first.id);
    QTRY_VERIFY(!m_scheduler->nextFireTime().isValid());
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 2);
}

void TestCalendarReminders::editReplans()
{
    const QDateTime begins = m_t0.addSecs(5 * 3600);
    const QString id = addEvent(u"Call"_s, begins, minutes({15}));
    QVERIFY(start());
    QCOMPARE(m_scheduler->nextFireTime(), begins.addSecs(-15 * 60));
    QVERIFY(events()->update(id, {{u"reminders"_s, minutes({120})}}));
    QTRY_COMPARE(m_scheduler->nextFireTime(), begins.addSecs(-120 * 60));
    const QDateTime later = begins.addSecs(3600);
    QVERIFY(events()->update(id, {{u"startDate"_s, instantToJson(later)},
                                  {u"endDate"_s, instantToJson(later.addSecs(1800))}}));
    QTRY_COMPARE(m_scheduler->nextFireTime(), later.addSecs(-120 * 60));
    QVERIFY(events()->update(id, {{u"reminders"_s, QJsonArray()}}));
    QTRY_VERIFY(!m_scheduler->nextFireTime().isValid());
    QVERIFY(events()->update(id, {{u"reminders"_s, minutes({5})}}));
    QTRY_COMPARE(m_scheduler->nextFireTime(), later.addSecs(-5 * 60));
    QVERIFY(events()->remove(id));
    QTRY_VERIFY(!m_scheduler->nextFireTime().isValid());
    QCOMPARE(m_spy->count(), 0);
}

void TestCalendarReminders::weeklySeriesFiresForNextWeek()
{
    const QDateTime first = m_t0.addSecs(3600);
    const QString id = addEvent(u"Team meeting"_s, first, minutes({15}),
                                {{u"recurrenceRule"_s, u"FREQ=WEEKLY"_s}});
    QVERIFY(start());
    QVERIFY(firesAt(first.addSecs(-15 * 60)));
    QCOMPARE(shown(0).at, first);
    const QDateTime second = first.addDays(7);
    QTRY_COMPARE(m_scheduler->nextFireTime(), second.addSecs(-15 * 60));
    QVERIFY(firesAt(second.addSecs(-15 * 60)));
    QCOMPARE(shown(1).title, u"Team meeting"_s);
    QCOMPARE(shown(1).at, second);
    QCOMPARE(shown(1).itemId, id + u'/' + instantToJson(second));
    QTRY_COMPARE(m_scheduler->nextFireTime(), first.addDays(14).addSecs(-15 * 60));
}

void TestCalendarReminders::exceptionDateIsSkipped()
{
    const QDateTime first = m_t0.addSecs(3600);
    QJsonArray skipped{instantToJson(first.addDays(7))};
    addEvent(u"Yoga"_s, first, minutes({30}),
             {{u"recurrenceRule"_s, u"FREQ=WEEKLY"_s}, {u"exceptionDates"_s, skipped}});
    QVERIFY(start());
    QVERIFY(firesAt(first.addSecs(-30 * 60)));
    QTRY_COMPARE(m_scheduler->nextFireTime(), first.addDays(14).addSecs(-30 * 60));
    // The skipped week passes in silence.
    m_clock.set(first.addDays(7));
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 1);
}

void TestCalendarReminders::overrideMovesTheReminder()
{
    const QDateTime first = m_t0.addSecs(3600);
    const QString series =
        addEvent(u"Jour fixe"_s, first, minutes({15}), {{u"recurrenceRule"_s, u"FREQ=WEEKLY"_s}});
    // Next week's occurrence moved three hours later, with its own reminder.
    const QDateTime original = first.addDays(7);
    const QDateTime moved = original.addSecs(3 * 3600);
    const QString override =
        addEvent(u"Jour fixe (moved)"_s, moved, minutes({5}),
                 {{u"seriesId"_s, series}, {u"recurrenceId"_s, instantToJson(original)}});
    QVERIFY(start());
    QVERIFY(firesAt(first.addSecs(-15 * 60)));
    QTRY_COMPARE(m_scheduler->nextFireTime(), moved.addSecs(-5 * 60));

    m_clock.set(original.addSecs(-15 * 60 + 60)); // the original time: nothing
    m_scheduler->recheck();
    QCOMPARE(m_spy->count(), 1);
    QVERIFY(firesAt(moved.addSecs(-5 * 60)));
    QCOMPARE(shown(1).title, u"Jour fixe (moved)"_s);
    QCOMPARE(shown(1).at, moved);
    QCOMPARE(shown(1).itemId, override + u'/' + instantToJson(moved));
    QTRY_COMPARE(m_scheduler->nextFireTime(), first.addDays(14).addSecs(-15 * 60));
}

void TestCalendarReminders::allDayEventBeforeLocalMidnight()
{
    // The 3rd of December; a day's date is its midnight UTC in the record.
    addEvent(u"Birthday"_s, {}, minutes({0, 60}),
             {{u"allDay"_s, true},
              {u"startDate"_s, u"2026-12-03T00:00:00.000Z"_s},
              {u"endDate"_s, u"2026-12-04T00:00:00.000Z"_s}});
    QVERIFY(start());
    // 00:00 in Berlin is 23:00 UTC the day before; an hour before that.
    const QDateTime midnight = utc(u"2026-12-02T23:00:00.000Z"_s);
    QCOMPARE(m_scheduler->nextFireTime(), midnight.addSecs(-3600));
    QVERIFY(firesAt(midnight.addSecs(-3600)));
    QCOMPARE(shown(0).at, midnight);
    QVERIFY2(shown(0).text.startsWith(u"All day, "_s), qPrintable(shown(0).text));
    QTRY_COMPARE(m_scheduler->nextFireTime(), midnight);
}

void TestCalendarReminders::seriesKeepsLocalTimeAcrossDst()
{
    // Daily at 09:00 Berlin from Saturday 27 March 2027; summer time starts
    // on Sunday the 28th.
    const QDateTime saturday(QDate(2027, 3, 27), QTime(9, 0), m_berlin);
    m_clock.set(saturday.addSecs(-3 * 3600));
    addEvent(u"Stand-up"_s, saturday, minutes({10}),
             {{u"recurrenceRule"_s, u"FREQ=DAILY"_s}, {u"timezone"_s, u"Europe/Berlin"_s}});
    QVERIFY(start());
    QCOMPARE(m_scheduler->nextFireTime(), utc(u"2027-03-27T07:50:00.000Z"_s)); // 08:50 CET
    QVERIFY(firesAt(utc(u"2027-03-27T07:50:00.000Z"_s)));
    // 08:50 CEST is an hour earlier in UTC.
    QTRY_COMPARE(m_scheduler->nextFireTime(), utc(u"2027-03-28T06:50:00.000Z"_s));
    QVERIFY(firesAt(utc(u"2027-03-28T06:50:00.000Z"_s)));
    QCOMPARE(shown(1).at, QDateTime(QDate(2027, 3, 28), QTime(9, 0), m_berlin).toUTC());
}

void TestCalendarReminders::hiddenCalendarGivesNoReminders()
{
    addEvent(u"Visible"_s, m_t0.addSecs(3 * 3600), minutes({0}));
    QVERIFY(start());
    QCOMPARE(m_scheduler->nextFireTime(), m_t0.addSecs(3 * 3600));
    QVERIFY(m_store->collection(u"calendar"_s, u"calendars"_s)
                ->update(m_calendarId, {{u"isVisible"_s, false}}));
    QTRY_VERIFY(!m_scheduler->nextFireTime().isValid());
}

void TestCalendarReminders::missedWhileClosedFiresOncePerOccurrence()
{
    QVERIFY(start()); // the profile's first start: the mark is now
    QVERIFY(QFile::exists(markFile()));
    const QDateTime begins = m_t0.addSecs(2 * 3600);
    addEvent(u"Lunch"_s, begins, minutes({60, 10, 30}));
    const QDateTime otherBegins = m_t0.addSecs(2 * 3600 + 600);
    addEvent(u"Review"_s, otherBegins, minutes({0}));

    // Closed before the first reminder, started again after all of them.
    m_clock.set(m_t0.addSecs(3 * 3600));
    QVERIFY(restart());
    QCOMPARE(m_spy->count(), 2); // during start: one per occurrence, the latest
    QCOMPARE(shown(0).title, u"Lunch"_s);
    QCOMPARE(shown(0).fireAt, begins.addSecs(-10 * 60));
    QCOMPARE(shown(1).title, u"Review"_s);
    QCOMPARE(m_source->deliveredUpTo(), otherBegins);

    QVERIFY(restart());
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
}

void TestCalendarReminders::longMissedAreDroppedWithoutPopup()
{
    QVERIFY(start());
    const QDateTime begins = m_t0.addSecs(2 * 3600);
    addEvent(u"Lunch"_s, begins, minutes({10}));
    // Back after three days: more than a day late, no popup.
    m_clock.set(m_t0.addDays(3));
    QVERIFY(restart());
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
    QVERIFY(!m_scheduler->nextFireTime().isValid());
}

void TestCalendarReminders::neverTwiceAcrossARestart()
{
    const QDateTime begins = m_t0.addSecs(600);
    addEvent(u"Train"_s, begins, minutes({0}), {{u"recurrenceRule"_s, u"FREQ=DAILY;COUNT=2"_s}});
    QVERIFY(start());
    QVERIFY(firesAt(begins));
    for (int i = 0; i < 3; ++i)
        m_scheduler->recheck();
    QVERIFY(restart());
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
    QCOMPARE(m_source->deliveredUpTo(), begins);
    m_clock.set(begins.addSecs(3600));
    QVERIFY(restart());
    QCOMPARE(m_spy->count(), 0);
    // Tomorrow's still comes.
    QCOMPARE(m_scheduler->nextFireTime(), begins.addDays(1));
    QVERIFY(firesAt(begins.addDays(1)));
    QVERIFY(restart());
    QCOMPARE(m_spy->count(), 0);
}

void TestCalendarReminders::firstStartDoesNotFireOlderReminders()
{
    // A profile that had events before it had a mark (an upgrade, a pulled
    // account): reminders from before the first start are not "missed".
    addEvent(u"Before"_s, m_t0.addSecs(600), minutes({30}));
    QVERIFY(!QFile::exists(markFile()));
    QVERIFY(start());
    QTest::qWait(100);
    QCOMPARE(m_spy->count(), 0);
    QVERIFY(qAbs(m_source->deliveredUpTo().msecsTo(m_t0)) < 1000);
    QVERIFY(!m_scheduler->nextFireTime().isValid());
}

QTEST_GUILESS_MAIN(TestCalendarReminders)
#include "tst_calendarreminders.moc"
