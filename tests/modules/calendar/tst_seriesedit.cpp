// Editing series (seriesedit.h) over a real store: the three scopes for a
// move, a new title and a delete, with COUNT and open rules, an override and
// an exception date after the split, the first occurrence, all-day series,
// plain events, refused changes, and all-or-nothing when a write fails.
#include "calendartestutil.h"
#include "pendingchangequeue.h"
#include "seriesedit.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mana;
using namespace mana::calendar;
using namespace mana::calendar::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(mana::calendar::EditScope)

namespace {

const QTimeZone berlin("Europe/Berlin");

QString local(const QDateTime &instant)
{
    return instant.toTimeZone(berlin).toString(u"MM-dd HH:mm"_s);
}

} // namespace

class TestSeriesEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void thisEvent_data();
    void thisEvent();
    void editingAnOverrideAgain();
    void thisAndFollowing_data();
    void thisAndFollowing();
    void followingFromTheFirstIsAll();
    void allEvents_data();
    void allEvents();
    void allDaySeriesSplitsOnTheDayBefore();
    void plainEvents();
    void refusedChangesChangeNothing_data();
    void refusedChangesChangeNothing();
    void allOrNothing_data();
    void allOrNothing();

private:
    // Weekly on Mondays 10:00-11:00 Berlin from 2027-03-01 with `rule`, an
    // override moving the 03-29 occurrence to 03-30 ("special") and the
    // 04-05 occurrence skipped.
    void addSeries(const QString &rule);
    QList<Occurrence> march() const; // 03-01 .. 04-11
    Occurrence occurrenceOn(int month, int day) const;
    QStringList shown() const;
    QList<QJsonObject> everything() const
    {
        Query all;
        all.includeDeleted = true;
        all.orderBy(u"id"_s);
        return m_db.events()->query(all);
    }

    CalendarStore m_db;
    QString m_calendar;
    QString m_series;
    QString m_override;
};

void TestSeriesEdit::init()
{
    m_db.dir = std::make_unique<QTemporaryDir>();
    m_db.store = std::make_unique<LocalStore>();
    QString error;
    QVERIFY2(m_db.open(&error), qPrintable(error));
    m_calendar = m_db.addCalendar(u"Work"_s, u"Europe/Berlin"_s);
}

void TestSeriesEdit::cleanup()
{
    m_db.store.reset();
    m_db.dir.reset();
}

void TestSeriesEdit::addSeries(const QString &rule)
{
    m_series = m_db.addEvent({{"calendarId", m_calendar},
                              {"title", "Team"},
                              {"uid", "team@example.com"},
                              {"startDate", at({2027, 3, 1}, {10, 0}, berlin)},
                              {"endDate", at({2027, 3, 1}, {11, 0}, berlin)},
                              {"recurrenceRule", rule},
                              {"exceptionDates", QJsonArray{at({2027, 4, 5}, {10, 0}, berlin)}}});
    m_override = m_db.addEvent({{"calendarId", m_calendar},
                                {"title", "special"},
                                {"seriesId", m_series},
                                {"recurrenceId", at({2027, 3, 29}, {10, 0}, berlin)},
                                {"startDate", at({2027, 3, 30}, {10, 0}, berlin)},
                                {"endDate", at({2027, 3, 30}, {11, 0}, berlin)}});
    QVERIFY(!m_series.isEmpty() && !m_override.isEmpty());
}

QList<Occurrence> TestSeriesEdit::march() const
{
    OccurrenceQuery query(m_db.store.get());
    query.setSystemZone(berlin);
    return query.occurrences(Window::forDates({2027, 3, 1}, {2027, 4, 11}, berlin));
}

Occurrence TestSeriesEdit::occurrenceOn(int month, int day) const
{
    for (const Occurrence &occurrence : march())
        if (occurrence.start.toTimeZone(berlin).date() == QDate(2027, month, day))
            return occurrence;
    qWarning() << "no occurrence on" << month << day;
    return {};
}

QStringList TestSeriesEdit::shown() const
{
    QStringList lines;
    for (const Occurrence &occurrence : march())
        lines << local(occurrence.start) + u' ' + occurrence.title();
    return lines;
}

void TestSeriesEdit::thisEvent_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("expected");
    const QStringList before{"03-01 10:00 Team", "03-08 10:00 Team"};
    const QStringList after{"03-22 10:00 Team", "03-30 10:00 special"};
    QTest::newRow("move") << "move" << before + QStringList{"03-15 12:30 Team"} + after;
    QTest::newRow("retitle") << "retitle" << before + QStringList{"03-15 10:00 Changed"} + after;
    QTest::newRow("delete") << "delete" << before + after;
}

void TestSeriesEdit::thisEvent()
{
    QFETCH(QString, action);
    QFETCH(QStringList, expected);
    addSeries(u"FREQ=WEEKLY;COUNT=6"_s);
    const Occurrence clicked = occurrenceOn(3, 15);
    EditResult result;
    if (action == u"delete")
        result = deleteOccurrence(m_db.store.get(), clicked, EditScope::ThisEvent, berlin);
    else
        result = editOccurrence(
            m_db.store.get(), clicked, EditScope::ThisEvent,
            action == u"move" ? QJsonObject{{"startDate", at({2027, 3, 15}, {12, 30}, berlin)},
                                            {"endDate", at({2027, 3, 15}, {13, 30}, berlin)}}
                              : QJsonObject{{"title", "Changed"}},
            berlin);
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(shown(), expected);
    const QJsonObject series = m_db.event(m_series);
    QCOMPARE(series.value("title").toString(), u"Team"_s);
    if (action == u"delete") {
        QVERIFY(result.eventId.isEmpty());
        QVERIFY(exceptionDatesOf(series).contains(clicked.recurrenceId));
        return;
    }
    const QJsonObject override = m_db.event(result.eventId);
    QCOMPARE(override.value("seriesId").toString(), m_series);
    QCOMPARE(instantFromJson(override.value("recurrenceId")), clicked.recurrenceId);
    QCOMPARE(override.value("uid").toString(), u"team@example.com"_s);
    QVERIFY(override.value("recurrenceRule").isNull());
}

// Editing an override edits it; deleting it skips the occurrence and
// removes the override.
void TestSeriesEdit::editingAnOverrideAgain()
{
    addSeries(u"FREQ=WEEKLY"_s);
    const Occurrence special = occurrenceOn(3, 30);
    QCOMPARE(special.eventId, m_override);
    const EditResult edited = editOccurrence(m_db.store.get(), special, EditScope::ThisEvent,
                                             {{"title", "more special"}}, berlin);
    QCOMPARE(edited.eventId, m_override);
    QCOMPARE(m_db.event(m_override).value("title").toString(), u"more special"_s);
    QVERIFY(deleteOccurrence(m_db.store.get(), occurrenceOn(3, 30), EditScope::ThisEvent, berlin));
    QVERIFY(!m_db.events()->get(m_override));
    QVERIFY(exceptionDatesOf(m_db.event(m_series)).contains(special.recurrenceId));
    QVERIFY(!shown().join(u',').contains(u"special"));
}

void TestSeriesEdit::thisAndFollowing_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("oldRule");
    QTest::addColumn<QString>("newRule");
    const QStringList before{"03-01 10:00 Team", "03-08 10:00 Team"};
    // Split at 03-15 10:00 CET = 09:00 UTC: two occurrences before it.
    for (const QString &rule : {u"FREQ=WEEKLY;COUNT=6"_s, u"FREQ=WEEKLY"_s}) {
        const bool counted = rule.contains(u"COUNT");
        const QString oldRule =
            counted ? u"FREQ=WEEKLY;COUNT=2"_s : u"FREQ=WEEKLY;UNTIL=20270315T085959Z"_s;
        const QString newRule = counted ? u"FREQ=WEEKLY;COUNT=4"_s : rule;
        QTest::addRow("%s move", qPrintable(rule))
            << rule << "move"
            << before + QStringList{"03-15 11:00 Team", "03-22 11:00 Team", "03-30 10:00 special"}
            << oldRule << newRule;
        QTest::addRow("%s retitle", qPrintable(rule))
            << rule << "retitle"
            << before + QStringList{"03-15 10:00 New", "03-22 10:00 New", "03-30 10:00 special"}
            << oldRule << newRule;
        QTest::addRow("%s delete", qPrintable(rule))
            << rule << "delete" << before << oldRule << QString();
    }
}

void TestSeriesEdit::thisAndFollowing()
{
    QFETCH(QString, rule);
    QFETCH(QString, action);
    QFETCH(QStringList, expected);
    QFETCH(QString, oldRule);
    QFETCH(QString, newRule);
    addSeries(rule);
    const Occurrence clicked = occurrenceOn(3, 15);
    const EditResult result =
        action == u"delete"
            ? deleteOccurrence(m_db.store.get(), clicked, EditScope::ThisAndFollowing, berlin)
            : editOccurrence(m_db.store.get(), clicked, EditScope::ThisAndFollowing,
                             action == u"move"
                                 ? QJsonObject{{"startDate", at({2027, 3, 15}, {11, 0}, berlin)}}
                                 : QJsonObject{{"title", "New"}},
                             berlin);
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(shown(), expected);
    const QJsonObject old = m_db.event(m_series);
    QCOMPARE(old.value("recurrenceRule").toString(), oldRule);
    QCOMPARE(exceptionDatesOf(old), QList<QDateTime>());
    QCOMPARE(old.value("title").toString(), u"Team"_s);
    if (action == u"delete") {
        QVERIFY(!m_db.events()->get(m_override));
        QCOMPARE(m_db.events()->count(), 1);
        return;
    }
    const QJsonObject split = m_db.event(result.eventId);
    QCOMPARE(split.value("recurrenceRule").toString(), newRule);
    QVERIFY(split.value("seriesId").isNull());
    const qint64 delta = action == u"move" ? 3600 : 0;
    QCOMPARE(startOf(split), clicked.recurrenceId.addSecs(delta));
    QCOMPARE(exceptionDatesOf(split),
             QList<QDateTime>{QDateTime(QDate(2027, 4, 5), QTime(10, 0), berlin).addSecs(delta)});
    const QJsonObject override = m_db.event(m_override);
    QCOMPARE(override.value("seriesId").toString(), result.eventId);
    QCOMPARE(instantFromJson(override.value("recurrenceId")),
             QDateTime(QDate(2027, 3, 29), QTime(10, 0), berlin).addSecs(delta));
}

void TestSeriesEdit::followingFromTheFirstIsAll()
{
    addSeries(u"FREQ=WEEKLY;COUNT=6"_s);
    const EditResult result =
        editOccurrence(m_db.store.get(), occurrenceOn(3, 1), EditScope::ThisAndFollowing,
                       {{"title", "All"}}, berlin);
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.eventId, m_series);
    QCOMPARE(m_db.events()->count(), 2); // the series and its override, nothing split off
    QCOMPARE(m_db.event(m_series).value("recurrenceRule").toString(), u"FREQ=WEEKLY;COUNT=6"_s);
    QCOMPARE(shown(), QStringList({"03-01 10:00 All", "03-08 10:00 All", "03-15 10:00 All",
                                   "03-22 10:00 All", "03-30 10:00 special"}));
}

void TestSeriesEdit::allEvents_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("expected");
    // Moving the 03-15 occurrence a day later moves the series' first start
    // (03-01 to 03-02), the exception (04-05 to 04-06) and the override's
    // recurrenceId (03-29 to 03-30).
    QTest::newRow("move") << "move"
                          << QStringList{"03-02 10:00 Team", "03-09 10:00 Team", "03-16 10:00 Team",
                                         "03-23 10:00 Team", "03-30 10:00 special"};
    QTest::newRow("retitle") << "retitle"
                             << QStringList{"03-01 10:00 Weekly", "03-08 10:00 Weekly",
                                            "03-15 10:00 Weekly", "03-22 10:00 Weekly",
                                            "03-30 10:00 special"};
    QTest::newRow("delete") << "delete" << QStringList();
}

void TestSeriesEdit::allEvents()
{
    QFETCH(QString, action);
    QFETCH(QStringList, expected);
    addSeries(u"FREQ=WEEKLY"_s);
    const Occurrence clicked = occurrenceOn(3, 15);
    const EditResult result =
        action == u"delete"
            ? deleteOccurrence(m_db.store.get(), clicked, EditScope::AllEvents, berlin)
            : editOccurrence(m_db.store.get(), clicked, EditScope::AllEvents,
                             action == u"move"
                                 ? QJsonObject{{"startDate", at({2027, 3, 16}, {10, 0}, berlin)},
                                               {"endDate", at({2027, 3, 16}, {11, 0}, berlin)}}
                                 : QJsonObject{{"title", "Weekly"}},
                             berlin);
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(shown(), expected);
    if (action == u"delete") {
        QCOMPARE(m_db.events()->count(), 0);
        return;
    }
    QCOMPARE(result.eventId, m_series);
    const QJsonObject series = m_db.event(m_series);
    const int days = action == u"move" ? 1 : 0;
    QCOMPARE(startOf(series), QDateTime(QDate(2027, 3, 1 + days), QTime(10, 0), berlin));
    QCOMPARE(endOf(series), QDateTime(QDate(2027, 3, 1 + days), QTime(11, 0), berlin));
    QCOMPARE(exceptionDatesOf(series),
             QList<QDateTime>{QDateTime(QDate(2027, 4, 5 + days), QTime(10, 0), berlin)});
    QCOMPARE(instantFromJson(m_db.event(m_override).value("recurrenceId")),
             QDateTime(QDate(2027, 3, 29 + days), QTime(10, 0), berlin));
}

void TestSeriesEdit::allDaySeriesSplitsOnTheDayBefore()
{
    const QString series = m_db.addEvent({{"calendarId", m_calendar},
                                          {"title", "Holiday"},
                                          {"allDay", true},
                                          {"startDate", dateToJson({2027, 3, 1})},
                                          {"endDate", dateToJson({2027, 3, 2})},
                                          {"recurrenceRule", "FREQ=DAILY"}});
    const Occurrence clicked = occurrenceOn(3, 10);
    QCOMPARE(clicked.recurrenceId, QDateTime(QDate(2027, 3, 10), QTime(0, 0), Qt::UTC));
    const EditResult result = editOccurrence(m_db.store.get(), clicked, EditScope::ThisAndFollowing,
                                             {{"title", "Off"}}, berlin);
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(m_db.event(series).value("recurrenceRule").toString(), u"FREQ=DAILY;UNTIL=20270309"_s);
    QCOMPARE(m_db.event(result.eventId).value("startDate").toString(),
             u"2027-03-10T00:00:00.000Z"_s);
    const QStringList lines = shown();
    QCOMPARE(lines.size(), 42);
    QCOMPARE(lines.at(8), u"03-09 01:00 Holiday"_s);
    QCOMPARE(lines.at(9), u"03-10 01:00 Off"_s);
}

void TestSeriesEdit::plainEvents()
{
    const QString id = m_db.addEvent({{"calendarId", m_calendar},
                                      {"title", "Dentist"},
                                      {"startDate", at({2027, 3, 3}, {8, 0}, berlin)},
                                      {"endDate", at({2027, 3, 3}, {9, 0}, berlin)}});
    const Occurrence dentist = occurrenceOn(3, 3);
    QVERIFY(!dentist.isRecurring());
    const EditResult moved =
        editOccurrence(m_db.store.get(), dentist, EditScope::ThisAndFollowing,
                       {{"startDate", at({2027, 3, 4}, {8, 0}, berlin)}}, berlin);
    QCOMPARE(moved.eventId, id);
    QCOMPARE(shown(), QStringList{"03-04 08:00 Dentist"});
    QVERIFY(deleteOccurrence(m_db.store.get(), occurrenceOn(3, 4), EditScope::AllEvents, berlin));
    QCOMPARE(shown(), QStringList());
}

void TestSeriesEdit::refusedChangesChangeNothing_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<int>("error");
    QTest::newRow("end before start") << QJsonObject{{"endDate", at({2027, 3, 15}, {9, 0}, berlin)}}
                                      << int(EditError::InvalidChange);
    QTest::newRow("unreadable start")
        << QJsonObject{{"startDate", "next Tuesday"}} << int(EditError::InvalidChange);
    QTest::newRow("unknown field")
        << QJsonObject{{"mood", "happy"}} << int(EditError::InvalidChange);
    QTest::newRow("bad rule") << QJsonObject{{"recurrenceRule", "FREQ=SOMETIMES"}}
                              << int(EditError::InvalidRule);
}

void TestSeriesEdit::refusedChangesChangeNothing()
{
    QFETCH(QJsonObject, changes);
    QFETCH(int, error);
    addSeries(u"FREQ=WEEKLY"_s);
    const QList<QJsonObject> before = everything();
    for (EditScope scope :
         {EditScope::ThisEvent, EditScope::ThisAndFollowing, EditScope::AllEvents}) {
        const EditResult result =
            editOccurrence(m_db.store.get(), occurrenceOn(3, 15), scope, changes, berlin);
        QCOMPARE(int(result.error), error);
        QVERIFY(result.eventId.isEmpty());
    }
    QCOMPARE(everything(), before);
}

void TestSeriesEdit::allOrNothing_data()
{
    QTest::addColumn<EditScope>("scope");
    QTest::addColumn<bool>("remove");
    QTest::newRow("this and following, move") << EditScope::ThisAndFollowing << false;
    QTest::newRow("all events, move") << EditScope::AllEvents << false;
    QTest::newRow("this and following, delete") << EditScope::ThisAndFollowing << true;
    QTest::newRow("all events, delete") << EditScope::AllEvents << true;
}

// The write to the override (the last of the group) fails, as a full disk
// would: the series, the split-off series and every override stay as they
// were, and the sync queue holds nothing of it.
void TestSeriesEdit::allOrNothing()
{
    QFETCH(EditScope, scope);
    QFETCH(bool, remove);
    addSeries(u"FREQ=WEEKLY;COUNT=6"_s);
    const Occurrence clicked = occurrenceOn(3, 15);
    const QList<QJsonObject> before = everything();
    const int pendingBefore = m_db.store->pendingChanges().count();
    QSqlQuery trigger(m_db.store->database());
    QVERIFY2(trigger.exec(u"CREATE TEMP TRIGGER refuse_override BEFORE UPDATE ON calendar_events "
                          "WHEN OLD.id = '%1' BEGIN SELECT RAISE(ABORT, 'refused by the test'); "
                          "END"_s.arg(m_override)),
             qPrintable(trigger.lastError().text()));

    const EditResult result =
        remove ? deleteOccurrence(m_db.store.get(), clicked, scope, berlin)
               : editOccurrence(m_db.store.get(), clicked, scope,
                                {{"startDate", at({2027, 3, 16}, {10, 0}, berlin)}}, berlin);
    QCOMPARE(result.error, EditError::WriteFailed);
    QVERIFY2(result.detail.contains(u"refused by the test"), qPrintable(result.detail));
    QVERIFY(result.eventId.isEmpty());
    QCOMPARE(everything(), before);
    QCOMPARE(m_db.store->pendingChanges().count(), pendingBefore);
}

QTEST_GUILESS_MAIN(TestSeriesEdit)
#include "tst_seriesedit.moc"
