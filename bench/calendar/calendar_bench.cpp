// Calendar benchmarks, printed as `name=… value=… unit=…` (medians of
// several runs):
// - calendar_month_occurrences_5000_events: 5,000 events in a real store
//   (500 series with varied rules, a few overrides), spread over two years;
//   the occurrences of one month through OccurrenceQuery plus what the
//   month view needs from this layer (its grid and the lanes of its weeks).
// - calendar_expand_year_1000_series: one year of 1,000 series (varied
//   rules, a tenth all-day) expanded to their starts, no store;
//   calendar_occurrences_year_1000_series: the same as sorted Occurrences
//   through occurrencesIn.
#include "collection.h"
#include "daylayout.h"
#include "eventrecord.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "occurrences.h"
#include "seriesrule.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace mana;
using namespace mana::calendar;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone berlin("Europe/Berlin");
const QDate kFirstDay(2026, 1, 1);

const QStringList kRules{u"FREQ=DAILY"_s,
                         u"FREQ=DAILY;INTERVAL=2;COUNT=200"_s,
                         u"FREQ=WEEKLY;BYDAY=MO,WE,FR"_s,
                         u"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"_s,
                         u"FREQ=WEEKLY;UNTIL=20271231T225959Z"_s,
                         u"FREQ=MONTHLY;BYDAY=1FR"_s,
                         u"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"_s,
                         u"FREQ=MONTHLY;BYMONTHDAY=1,15"_s,
                         u"FREQ=YEARLY;BYMONTH=6,7"_s,
                         u"FREQ=WEEKLY;BYDAY=SA;COUNT=40"_s};

QJsonObject makeEvent(QRandomGenerator &random, const QString &calendarId, int i, bool recurring)
{
    const QDate day = kFirstDay.addDays(random.bounded(730));
    const bool allDay = random.bounded(10) == 0;
    QJsonObject event{
        {"calendarId", calendarId}, {"title", u"Event %1"_s.arg(i)}, {"allDay", allDay}};
    if (allDay) {
        event.insert("startDate", dateToJson(day));
        event.insert("endDate", dateToJson(day.addDays(1 + random.bounded(3))));
    } else {
        const QDateTime start(day, QTime(7 + random.bounded(12), 15 * random.bounded(4)), berlin);
        event.insert("startDate", instantToJson(start));
        event.insert("endDate", instantToJson(start.addSecs(1800 * (1 + random.bounded(4)))));
        event.insert("timezone", "Europe/Berlin");
    }
    if (recurring) {
        event.insert("recurrenceRule", kRules.at((i / 10 + i) % kRules.size()));
        // Series start in the first year so they reach into the measured month.
        const QDate seriesDay = kFirstDay.addDays(random.bounded(365));
        const qint64 shift = day.daysTo(seriesDay);
        event.insert("startDate", instantToJson(startOf(event).addDays(shift)));
        event.insert("endDate", instantToJson(endOf(event).addDays(shift)));
    }
    return event;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void print(const char *name, double value)
{
    std::printf("name=%s value=%.2f unit=ms\n", name, value);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QRandomGenerator random(20270301);
    QTemporaryDir dir;
    LocalStore store;
    QString error;
    if (!store.open(dir.filePath(u"bench.sqlite"_s), &error))
        qFatal("%s", qPrintable(error));
    const ModuleCatalog catalog = ModuleCatalog::load();
    for (const ModuleSpec &module : catalog.modules)
        if (module.id == u"calendar" && !store.addModule(module, &error))
            qFatal("%s", qPrintable(error));
    Collection *calendars = store.collection(u"calendar"_s, u"calendars"_s);
    Collection *events = store.collection(u"calendar"_s, u"events"_s);
    const QString calendarId =
        calendars->insert({{"name", "Work"}, {"color", "#3B82F6"}, {"timezone", "Europe/Berlin"}})
            .id;

    QList<QJsonObject> values;
    for (int i = 0; i < 5000; ++i)
        values.append(makeEvent(random, calendarId, i, i % 10 == 0));
    const QStringList ids = events->insertMany(values, &error);
    if (ids.size() != values.size())
        qFatal("%s", qPrintable(error));
    // An override for every tenth series.
    QList<QJsonObject> overrides;
    for (int i = 0; i < 5000; i += 100) {
        const QJsonObject series = *events->get(ids.at(i));
        QJsonObject override{{"calendarId", calendarId},
                             {"title", "moved"},
                             {"seriesId", ids.at(i)},
                             {"recurrenceId", series.value("startDate")},
                             {"startDate", instantToJson(startOf(series).addSecs(3600))},
                             {"endDate", instantToJson(endOf(series).addSecs(3600))}};
        overrides.append(override);
    }
    events->insertMany(overrides, &error);

    // The month view of March 2027: its 6-week grid, occurrences, lanes.
    QList<double> month;
    qsizetype found = 0;
    for (int run = 0; run < 9; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QList<QDate> grid = monthGrid(2027, 3, Qt::Monday);
        const Window window = Window::forDates(grid.first(), grid.last(), berlin);
        OccurrenceQuery query(&store);
        query.setSystemZone(berlin);
        const QList<Occurrence> occurrences = query.occurrences(window, &error);
        int lanes = 0;
        for (int week = 0; week < 6; ++week)
            lanes += layoutSpans(occurrences, grid.at(week * 7), 7, berlin, true).laneCount;
        month.append(timer.nsecsElapsed() / 1e6);
        found = occurrences.size() + (lanes < 0 ? 1 : 0);
    }
    std::fprintf(stderr, "month: %lld occurrences\n", qlonglong(found));
    print("calendar_month_occurrences_5000_events", median(month));

    // One year of 1,000 series, in memory.
    QList<QJsonObject> series;
    for (int i = 0; i < 1000; ++i) {
        QJsonObject event = makeEvent(random, calendarId, i, true);
        event.insert("id", u"series-%1"_s.arg(i));
        series.append(event);
    }
    const QHash<QString, QJsonObject> calendarsById{{calendarId, *calendars->get(calendarId)}};
    const Window window = Window::forDates({2027, 1, 1}, {2027, 12, 31}, berlin);
    // The expansion itself: each series' rule read and expanded over the
    // year (what libical or the fast path and the zone mapping cost).
    QList<double> expansion;
    for (int run = 0; run < 9; ++run) {
        QElapsedTimer timer;
        timer.start();
        qsizetype starts = 0;
        for (const QJsonObject &event : std::as_const(series)) {
            const std::optional<SeriesRule> rule = SeriesRule::parse(ruleOf(event));
            if (isAllDay(event))
                starts +=
                    expandDates(*rule, startOf(event).date(), window.firstDate(), window.endDate())
                        .dates.size();
            else
                starts += expandTimed(*rule, startOf(event), berlin, window.from, window.to)
                              .starts.size();
        }
        expansion.append(timer.nsecsElapsed() / 1e6);
        found = starts;
    }
    std::fprintf(stderr, "year: %lld starts\n", qlonglong(found));
    print("calendar_expand_year_1000_series", median(expansion));

    // The same year as Occurrence records (overrides, exception dates,
    // records, zones resolved, sorted): what a year view would get.
    QList<double> year;
    for (int run = 0; run < 9; ++run) {
        QElapsedTimer timer;
        timer.start();
        found = occurrencesIn(series, calendarsById, window, berlin).size();
        year.append(timer.nsecsElapsed() / 1e6);
    }
    print("calendar_occurrences_year_1000_series", median(year));
    return 0;
}
