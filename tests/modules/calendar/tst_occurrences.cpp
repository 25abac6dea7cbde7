// Occurrences in a window (occurrences.h) over a real store with the
// calendar module: overrides replace their occurrence wherever they moved,
// exception dates hide it, all-day events are the same date for viewers in
// UTC+13 and UTC-10, each event repeats in its own zone, its calendar's or
// the system's, hidden calendars are left out, the order, the store
// query reading only the plain events of the window, and the series kept
// parsed between reads following every change.
#include "calendartestutil.h"
#include "occurrences.h"

#include <QJsonArray>
#include <QTest>

using namespace mana;
using namespace mana::calendar;
using namespace mana::calendar::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone berlin("Europe/Berlin");

QStringList describe(const QList<Occurrence> &occurrences, const QTimeZone &zone)
{
    QStringList lines;
    for (const Occurrence &occurrence : occurrences)
        lines << u"%1 %2"_s.arg(
            occurrence.allDay ? occurrence.start.toString(u"yyyy-MM-dd"_s)
                              : occurrence.start.toTimeZone(zone).toString(u"yyyy-MM-dd HH:mm"_s),
            occurrence.title());
    return lines;
}

} // namespace

class TestOccurrences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void overrideReplacesItsOccurrence_data();
    void overrideReplacesItsOccurrence();
    void exceptionDateHidesOccurrenceAndOverride();
    void allDayIsTheSameDateEverywhere_data();
    void allDayIsTheSameDateEverywhere();
    void seriesRepeatsInItsZone_data();
    void seriesRepeatsInItsZone();
    void hiddenCalendarsAreLeftOut();
    void sortedByStartAllDayFirstThenTitle();
    void storeQueryReadsOnlyTheWindow();
    void multiDayEventsIntersect();
    void cachedSeriesFollowEveryChange();
    void localDatesMatchQt();

private:
    QList<Occurrence> query(const Window &window)
    {
        OccurrenceQuery occurrences(m_db.store.get());
        occurrences.setSystemZone(berlin);
        QString error;
        const QList<Occurrence> found = occurrences.occurrences(window, &error);
        if (!error.isEmpty())
            qWarning() << error;
        return found;
    }

    CalendarStore m_db;
    QString m_calendar;
};

void TestOccurrences::init()
{
    m_db.dir = std::make_unique<QTemporaryDir>();
    m_db.store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY2(m_db.open(&error), qPrintable(error));
    m_calendar = m_db.addCalendar(u"Personal"_s, u"Europe/Berlin"_s);
}

void TestOccurrences::cleanup()
{
    m_db.store.reset();
    m_db.dir.reset();
}

void TestOccurrences::overrideReplacesItsOccurrence_data()
{
    QTest::addColumn<QDate>("overrideDay"); // where the Wednesday's occurrence moved to
    QTest::addColumn<QDate>("windowFirst");
    QTest::addColumn<QDate>("windowLast");
    QTest::addColumn<QStringList>("expected");
    // Weekly on Wednesdays at 10:00 from 2027-03-03; the 2027-03-17 one is
    // moved (and renamed "moved").
    QTest::newRow("moved within the window")
        << QDate(2027, 3, 18) << QDate(2027, 3, 15) << QDate(2027, 3, 21)
        << QStringList{"2027-03-18 10:00 moved"};
    QTest::newRow("moved out of the window: the original stays away")
        << QDate(2027, 3, 25) << QDate(2027, 3, 15) << QDate(2027, 3, 21) << QStringList();
    QTest::newRow("moved into the window")
        << QDate(2027, 3, 9) << QDate(2027, 3, 8) << QDate(2027, 3, 14)
        << QStringList{"2027-03-09 10:00 moved", "2027-03-10 10:00 Team"};
}

void TestOccurrences::overrideReplacesItsOccurrence()
{
    QFETCH(QDate, overrideDay);
    QFETCH(QDate, windowFirst);
    QFETCH(QDate, windowLast);
    QFETCH(QStringList, expected);
    const QString series = m_db.addEvent({{"calendarId", m_calendar},
                                          {"title", "Team"},
                                          {"startDate", at({2027, 3, 3}, {10, 0}, berlin)},
                                          {"endDate", at({2027, 3, 3}, {11, 0}, berlin)},
                                          {"recurrenceRule", "FREQ=WEEKLY;BYDAY=WE"}});
    m_db.addEvent({{"calendarId", m_calendar},
                   {"title", "moved"},
                   {"seriesId", series},
                   {"recurrenceId", at({2027, 3, 17}, {10, 0}, berlin)},
                   {"startDate", at(overrideDay, {10, 0}, berlin)},
                   {"endDate", at(overrideDay, {11, 0}, berlin)}});
    const QList<Occurrence> found = query(Window::forDates(windowFirst, windowLast, berlin));
    QCOMPARE(describe(found, berlin), expected);
    for (const Occurrence &occurrence : found) {
        QCOMPARE(occurrence.seriesId, series);
        QVERIFY(occurrence.recurrenceId.isValid());
        QCOMPARE(occurrence.eventId == series, occurrence.title() == u"Team");
    }
}

void TestOccurrences::exceptionDateHidesOccurrenceAndOverride()
{
    const QString series =
        m_db.addEvent({{"calendarId", m_calendar},
                       {"title", "Run"},
                       {"startDate", at({2027, 3, 1}, {7, 0}, berlin)},
                       {"endDate", at({2027, 3, 1}, {8, 0}, berlin)},
                       {"recurrenceRule", "FREQ=DAILY;COUNT=5"},
                       {"exceptionDates", QJsonArray{at({2027, 3, 2}, {7, 0}, berlin),
                                                     at({2027, 3, 4}, {7, 0}, berlin)}}});
    m_db.addEvent({{"calendarId", m_calendar},
                   {"title", "late run"},
                   {"seriesId", series},
                   {"recurrenceId", at({2027, 3, 4}, {7, 0}, berlin)},
                   {"startDate", at({2027, 3, 4}, {19, 0}, berlin)},
                   {"endDate", at({2027, 3, 4}, {20, 0}, berlin)}});
    QCOMPARE(describe(query(Window::forDates({2027, 3, 1}, {2027, 3, 31}, berlin)), berlin),
             QStringList({"2027-03-01 07:00 Run", "2027-03-03 07:00 Run", "2027-03-05 07:00 Run"}));
}

void TestOccurrences::allDayIsTheSameDateEverywhere_data()
{
    QTest::addColumn<QString>("viewer");
    QTest::newRow("UTC+13 (Apia)") << "Pacific/Apia";
    QTest::newRow("UTC-10 (Honolulu)") << "Pacific/Honolulu";
    QTest::newRow("Berlin") << "Europe/Berlin";
}

void TestOccurrences::allDayIsTheSameDateEverywhere()
{
    QFETCH(QString, viewer);
    const QTimeZone zone(viewer.toUtf8());
    for (int day : {23, 24, 25})
        m_db.addEvent({{"calendarId", m_calendar},
                       {"title", u"day %1"_s.arg(day)},
                       {"allDay", true},
                       {"startDate", dateToJson({2026, 12, day})},
                       {"endDate", dateToJson({2026, 12, day + 1})}});
    m_db.addEvent({{"calendarId", m_calendar},
                   {"title", "yearly"},
                   {"allDay", true},
                   {"startDate", dateToJson({2020, 12, 24})},
                   {"endDate", dateToJson({2020, 12, 25})},
                   {"recurrenceRule", "FREQ=YEARLY;UNTIL=20401231"}});
    const QList<Occurrence> found = query(Window::forDates({2026, 12, 24}, {2026, 12, 24}, zone));
    QCOMPARE(describe(found, zone), QStringList({"2026-12-24 day 24", "2026-12-24 yearly"}));
    for (const Occurrence &occurrence : found) {
        QCOMPARE(occurrence.start, QDateTime(QDate(2026, 12, 24), QTime(0, 0), Qt::UTC));
        QCOMPARE(occurrence.end, QDateTime(QDate(2026, 12, 25), QTime(0, 0), Qt::UTC));
        QCOMPARE(occurrence.firstDate(zone), QDate(2026, 12, 24));
        QCOMPARE(occurrence.lastDate(zone), QDate(2026, 12, 24));
    }
}

void TestOccurrences::seriesRepeatsInItsZone_data()
{
    QTest::addColumn<QString>("eventZone");
    QTest::addColumn<QString>("calendarZone");
    QTest::addColumn<QString>("expectedZone");
    QTest::newRow("the event's own") << "America/New_York"
                                     << "Asia/Tokyo"
                                     << "America/New_York";
    QTest::newRow("else the calendar's") << ""
                                         << "America/New_York"
                                         << "America/New_York";
    QTest::newRow("unknown: the calendar's") << "Mars/Olympus"
                                             << "America/New_York"
                                             << "America/New_York";
    QTest::newRow("else the system's") << ""
                                       << ""
                                       << "Europe/Berlin";
}

// A daily 09:00 series across New York's spring change (2027-03-14) stays at
// 09:00 in the zone it repeats in.
void TestOccurrences::seriesRepeatsInItsZone()
{
    QFETCH(QString, eventZone);
    QFETCH(QString, calendarZone);
    QFETCH(QString, expectedZone);
    const QTimeZone expected(expectedZone.toUtf8());
    const QString calendar = m_db.addCalendar(u"Other"_s, calendarZone);
    QJsonObject values{{"calendarId", calendar},
                       {"title", "Standup"},
                       {"startDate", at({2027, 3, 1}, {9, 0}, expected)},
                       {"endDate", at({2027, 3, 1}, {9, 15}, expected)},
                       {"recurrenceRule", "FREQ=DAILY"}};
    if (!eventZone.isEmpty())
        values.insert("timezone", eventZone);
    m_db.addEvent(values);
    const QList<Occurrence> found = query(Window::forDates({2027, 3, 10}, {2027, 3, 19}, expected));
    QCOMPARE(found.size(), 10);
    for (const Occurrence &occurrence : found)
        QCOMPARE(occurrence.start.toTimeZone(expected).time(), QTime(9, 0));
}

void TestOccurrences::hiddenCalendarsAreLeftOut()
{
    const QString hidden = m_db.addCalendar(u"Hidden"_s, u"Europe/Berlin"_s, false);
    for (const QString &calendar : {m_calendar, hidden})
        m_db.addEvent({{"calendarId", calendar},
                       {"title", calendar == hidden ? "hidden" : "shown"},
                       {"startDate", at({2027, 3, 1}, {9, 0}, berlin)},
                       {"endDate", at({2027, 3, 1}, {10, 0}, berlin)},
                       {"recurrenceRule", "FREQ=DAILY;COUNT=2"}});
    QCOMPARE(describe(query(Window::forDates({2027, 3, 1}, {2027, 3, 1}, berlin)), berlin),
             QStringList({"2027-03-01 09:00 shown"}));
}

void TestOccurrences::sortedByStartAllDayFirstThenTitle()
{
    const auto add = [&](const QString &title, QTime time, bool allDay) {
        m_db.addEvent(
            {{"calendarId", m_calendar},
             {"title", title},
             {"allDay", allDay},
             {"startDate",
              allDay ? dateToJson({2027, 3, 1}) : at({2027, 3, 1}, time, QTimeZone::utc())},
             {"endDate", allDay ? dateToJson({2027, 3, 2})
                                : at({2027, 3, 1}, time.addSecs(3600), QTimeZone::utc())}});
    };
    add(u"b timed"_s, QTime(0, 0), false);
    add(u"Z all day"_s, {}, true);
    add(u"a all day"_s, {}, true);
    add(u"A timed"_s, QTime(0, 0), false);
    add(u"later"_s, QTime(8, 0), false);
    QCOMPARE(
        describe(query(Window::forDates({2027, 3, 1}, {2027, 3, 1}, QTimeZone::utc())),
                 QTimeZone::utc()),
        QStringList({"2027-03-01 a all day", "2027-03-01 Z all day", "2027-03-01 00:00 A timed",
                     "2027-03-01 00:00 b timed", "2027-03-01 08:00 later"}));
}

// 365 plain events, one a day: a week's query reads about a week of them.
void TestOccurrences::storeQueryReadsOnlyTheWindow()
{
    QList<QJsonObject> values;
    for (int day = 0; day < 365; ++day) {
        const QDate date = QDate(2027, 1, 1).addDays(day);
        values.append({{"calendarId", m_calendar},
                       {"title", u"day %1"_s.arg(day)},
                       {"startDate", at(date, {12, 0}, berlin)},
                       {"endDate", at(date, {13, 0}, berlin)}});
    }
    QString error;
    QCOMPARE(m_db.events()->insertMany(values, &error).size(), 365);
    m_db.events()->resetReadStats();
    const QList<Occurrence> found = query(Window::forDates({2027, 6, 7}, {2027, 6, 13}, berlin));
    QCOMPARE(found.size(), 7);
    QVERIFY2(m_db.events()->readStats().rowsRead <= 9,
             qPrintable(QString::number(m_db.events()->readStats().rowsRead)));
}

void TestOccurrences::multiDayEventsIntersect()
{
    m_db.addEvent({{"calendarId", m_calendar},
                   {"title", "trip"},
                   {"startDate", at({2027, 2, 26}, {18, 0}, berlin)},
                   {"endDate", at({2027, 3, 2}, {9, 0}, berlin)}});
    m_db.addEvent({{"calendarId", m_calendar},
                   {"title", "weekly trip"},
                   {"startDate", at({2027, 2, 19}, {18, 0}, berlin)},
                   {"endDate", at({2027, 2, 22}, {9, 0}, berlin)},
                   {"recurrenceRule", "FREQ=WEEKLY"}});
    QCOMPARE(describe(query(Window::forDates({2027, 3, 1}, {2027, 3, 1}, berlin)), berlin),
             QStringList({"2027-02-26 18:00 trip", "2027-02-26 18:00 weekly trip"}));
}

// OccurrenceQuery keeps series and overrides parsed between reads
// (SeriesRecordCache): after each kind of change (rule, start, soft delete,
// restore, a new override, a deleted one, a write group, a plain event
// becoming a series and back) it gives what occurrencesIn gives over every
// live record read afresh, and an unchanged second read reads no series.
void TestOccurrences::cachedSeriesFollowEveryChange()
{
    const Window window = Window::forDates({2027, 3, 1}, {2027, 4, 11}, berlin);
    const auto expectFresh = [&](const char *step) {
        const QList<Occurrence> cached = query(window);
        QHash<QString, QJsonObject> calendars;
        for (const QJsonObject &calendar : m_db.calendars()->query())
            calendars.insert(calendar.value("id"_L1).toString(), calendar);
        QList<QJsonObject> visible;
        for (const QJsonObject &event : m_db.events()->query()) {
            if (calendars.value(event.value("calendarId"_L1).toString())
                    .value("isVisible"_L1)
                    .toBool(true))
                visible.append(event);
        }
        const QList<Occurrence> fresh = occurrencesIn(visible, calendars, window, berlin);
        if (describe(cached, berlin) != describe(fresh, berlin))
            qWarning() << step;
        QCOMPARE(describe(cached, berlin), describe(fresh, berlin));
    };
    const QString series = m_db.addEvent({{"calendarId", m_calendar},
                                          {"title", "Team"},
                                          {"startDate", at({2027, 1, 6}, {10, 0}, berlin)},
                                          {"endDate", at({2027, 1, 6}, {11, 0}, berlin)},
                                          {"recurrenceRule", "FREQ=WEEKLY"}});
    const QString plain = m_db.addEvent({{"calendarId", m_calendar},
                                         {"title", "Dentist"},
                                         {"startDate", at({2027, 3, 9}, {8, 0}, berlin)},
                                         {"endDate", at({2027, 3, 9}, {9, 0}, berlin)}});
    expectFresh("first read");
    m_db.events()->resetReadStats();
    query(window);
    QVERIFY2(m_db.events()->readStats().rowsRead <= 1,
             qPrintable(QString::number(m_db.events()->readStats().rowsRead)));

    Collection *events = m_db.events();
    QVERIFY(events->update(series, {{"recurrenceRule", "FREQ=MONTHLY;BYDAY=1WE"}}));
    expectFresh("rule changed");
    QVERIFY(events->update(series, {{"startDate", at({2027, 1, 5}, {9, 0}, berlin)},
                                    {"endDate", at({2027, 1, 5}, {10, 0}, berlin)},
                                    {"recurrenceRule", "FREQ=WEEKLY;BYDAY=TU,TH"}}));
    expectFresh("moved");
    const QString moved = m_db.addEvent({{"calendarId", m_calendar},
                                         {"title", "moved"},
                                         {"seriesId", series},
                                         {"recurrenceId", at({2027, 3, 11}, {9, 0}, berlin)},
                                         {"startDate", at({2027, 3, 12}, {9, 0}, berlin)},
                                         {"endDate", at({2027, 3, 12}, {10, 0}, berlin)}});
    expectFresh("override added");
    QVERIFY(events->update(series,
                           {{"exceptionDates", QJsonArray{at({2027, 3, 16}, {9, 0}, berlin)}}}));
    expectFresh("exception date");
    QVERIFY(events->remove(moved));
    expectFresh("override deleted");
    QVERIFY(events->remove(series));
    expectFresh("series deleted");
    QVERIFY(events->restore(series));
    expectFresh("series restored");
    QVERIFY(events->update(plain, {{"recurrenceRule", "FREQ=DAILY;COUNT=3"}}));
    expectFresh("plain event repeats");
    QVERIFY(events->update(plain, {{"recurrenceRule", QJsonValue::Null}}));
    expectFresh("repeats no more");
    QString error;
    QVERIFY2(m_db.store->writeGroup(
                 [&](QString *) {
                     return bool(events->update(series, {{"title", "Renamed"}})) &&
                            bool(events->insert({{"calendarId", m_calendar},
                                                 {"title", "Yearly"},
                                                 {"startDate", at({2026, 3, 20}, {7, 0}, berlin)},
                                                 {"endDate", at({2026, 3, 20}, {8, 0}, berlin)},
                                                 {"recurrenceRule", "FREQ=YEARLY"}}));
                 },
                 &error),
             qPrintable(error));
    expectFresh("write group");
    QVERIFY(m_db.calendars()->update(m_calendar, {{"isVisible", false}}));
    expectFresh("calendar hidden");
}

// firstDate/lastDate read the zone's offset table instead of
// QDateTime::toTimeZone: the same dates around midnight, across DST and in
// zones a day apart, for the start and the last moment before the end.
void TestOccurrences::localDatesMatchQt()
{
    for (const char *name : {"Europe/Berlin", "America/New_York", "Pacific/Apia",
                             "Pacific/Honolulu", "Asia/Kathmandu", "UTC"}) {
        const QTimeZone zone(name);
        QVERIFY(zone.isValid());
        QDateTime instant(QDate(2026, 12, 30), QTime(21, 17), Qt::UTC);
        for (int step = 0; step < 2000; ++step) {
            Occurrence occurrence;
            occurrence.start = instant;
            occurrence.end = instant.addSecs(3600 * (step % 30));
            QCOMPARE(occurrence.firstDate(zone), instant.toTimeZone(zone).date());
            const QDateTime last =
                occurrence.end > occurrence.start ? occurrence.end.addMSecs(-1) : occurrence.start;
            QCOMPARE(occurrence.lastDate(zone), last.toTimeZone(zone).date());
            instant = instant.addSecs(4 * 3600 + 13 * 60);
        }
    }
}

QTEST_GUILESS_MAIN(TestOccurrences)
#include "tst_occurrences.moc"
