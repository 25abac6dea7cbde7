// Issue 14's view figure, measured where a person feels it: the real
// Calendar page (ManaCalendar's QML over the real store) in a window
// rendered offscreen, with 5,000 events of which 500 repeat. It times the
// switch from the week view to the month view until the month's frame has
// been rendered: the first one of the process (the month view made), the
// first one of later new pages (median), and later switches (median of 15);
// the page's first frame and its memory; the occurrence model's refresh for
// the month alone. Output: name=… value=… unit=… lines. MANA_BENCH_DETAIL=1
// prints each switch's phases, MANA_BENCH_SHOT=file.png saves the month as
// the first switch showed it.
#include "calendarcontroller.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "occurrencemodel.h"
#include "profilepreparer.h"
#include "shellcontext.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(ManaShellCorePlugin)
Q_IMPORT_QML_PLUGIN(ManaControlsPlugin)
#include "appuiplugins.h"

namespace {

constexpr int kEvents = 5000;
constexpr int kRecurring = 500;
constexpr int kSwitches = 15;
constexpr int kFirstSwitches = 6;
constexpr int kSettleMs = 300;

QString utc(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

// 4,500 single events over two years around today (a tenth all-day) and
// 500 series of the kinds people keep: weekly, every two weeks, monthly,
// yearly (birthdays), every weekday, daily for ten days.
bool fillCalendar(mana::LocalStore &store, QString *error)
{
    mana::Collection *calendars =
        store.collection(QStringLiteral("calendar"), QStringLiteral("calendars"));
    mana::Collection *events =
        store.collection(QStringLiteral("calendar"), QStringLiteral("events"));
    if (!calendars || !events) {
        *error = QStringLiteral("no calendar collections");
        return false;
    }
    QStringList calendarIds;
    for (const QJsonObject &calendar : calendars->query())
        calendarIds.append(calendar.value(QLatin1String("id")).toString());
    for (const char *name : {"Work", "Family", "Sports"}) {
        const mana::WriteResult made = calendars->insert({{"name", QString::fromLatin1(name)},
                                                          {"color", "#10B981"},
                                                          {"isVisible", true},
                                                          {"isDefault", false},
                                                          {"timezone", "Europe/Berlin"}});
        if (!made) {
            *error = made.error;
            return false;
        }
        calendarIds.append(made.id);
    }
    QRandomGenerator random(14);
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDate today = QDate::currentDate();
    static const char *const rules[] = {"FREQ=WEEKLY",
                                        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
                                        "FREQ=MONTHLY",
                                        "FREQ=YEARLY",
                                        "FREQ=MONTHLY;BYDAY=1MO",
                                        "FREQ=YEARLY;BYMONTH=3,9",
                                        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
                                        "FREQ=DAILY;COUNT=10",
                                        "FREQ=WEEKLY;UNTIL=20300101T000000Z",
                                        "FREQ=YEARLY"};
    QList<QJsonObject> records;
    for (int i = 0; i < kEvents; ++i) {
        const bool recurring = i < kRecurring;
        const QDate day =
            today.addDays(int(random.bounded(recurring ? 365 : 730)) - (recurring ? 300 : 365));
        const bool allDay = !recurring && i % 10 == 0;
        QJsonObject event{{"calendarId", calendarIds.at(i % calendarIds.size())},
                          {"title", QStringLiteral("Event %1").arg(i)},
                          {"allDay", allDay}};
        if (allDay) {
            event.insert("startDate", utc(QDateTime(day, QTime(0, 0), Qt::UTC)));
            event.insert("endDate", utc(QDateTime(day.addDays(1 + i % 3), QTime(0, 0), Qt::UTC)));
        } else {
            const QDateTime start(
                day, QTime(7 + int(random.bounded(12)), 15 * int(random.bounded(4))), zone);
            event.insert("startDate", utc(start));
            event.insert("endDate", utc(start.addSecs(60 * (30 + 15 * int(random.bounded(6))))));
            event.insert("timezone", QString::fromUtf8(zone.id()));
        }
        if (recurring)
            event.insert("recurrenceRule", QString::fromLatin1(rules[i % 10]));
        records.append(event);
    }
    const QStringList ids = events->insertMany(records, error);
    return ids.size() == records.size();
}

// Waits for the next rendered frame of `view`.
void waitForFrame(QQuickView &view)
{
    bool swapped = false;
    const QMetaObject::Connection connection =
        QObject::connect(&view, &QQuickWindow::frameSwapped, [&] { swapped = true; });
    view.update();
    QElapsedTimer timeout;
    timeout.start();
    while (!swapped && timeout.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QObject::disconnect(connection);
}

// The process's resident memory (Linux; 0 elsewhere).
double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * 4096 / (1024 * 1024) : 0;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "*.info=false;*.debug=false;qt.*=false");
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QTemporaryDir dir;
    mana::LocalStore store;
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("guest.sqlite")), &error)) {
        std::fprintf(stderr, "calendar_view_bench: %s\n", qPrintable(error));
        return 1;
    }
    const mana::ModuleCatalog catalog = mana::ModuleCatalog::load();
    mana::prepareProfile(store, catalog, true, QStringLiteral("en"), nullptr);
    if (!fillCalendar(store, &error)) {
        std::fprintf(stderr, "calendar_view_bench: %s\n", qPrintable(error));
        return 1;
    }

    // The occurrence model alone, for the month grid around today.
    QList<double> refreshes;
    {
        mana::calendar::OccurrenceModel model;
        model.setStore(&store);
        model.setFirstDay(QDate::currentDate().addDays(-35).toString(Qt::ISODate));
        model.setDays(42);
        for (int i = 0; i < kSwitches; ++i) {
            QElapsedTimer timer;
            timer.start();
            model.refresh();
            refreshes.append(timer.nsecsElapsed() / 1e6);
        }
        std::printf("name=calendar_month_occurrences_in_view value=%d unit=count\n",
                    model.occurrenceCount());
    }

    mana::ShellContext shell;
    shell.setStore(&store);
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.engine()->rootContext()->setContextProperty(QStringLiteral("benchShell"), &shell);
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1280, 860);
    view.setSource(QUrl(QStringLiteral("data:text/plain,")));
    QQmlComponent component(view.engine());
    component.setData("import QtQuick\nimport ManaCalendar\nCalendarPage { shell: benchShell; "
                      "view: CalendarController.Week }\n",
                      QUrl());
    // A new page in the week view, until its first frame is rendered.
    QQuickItem *page = nullptr;
    const auto makePage = [&]() -> double {
        QElapsedTimer timer;
        timer.start();
        page = qobject_cast<QQuickItem *>(component.create(view.rootContext()));
        if (!page)
            return -1;
        page->setParentItem(view.contentItem());
        page->setSize(QSizeF(1280, 860));
        view.show();
        waitForFrame(view);
        return timer.nsecsElapsed() / 1e6;
    };
    // A person clicks Month no sooner than this after the page appeared;
    // whatever the page does meanwhile happens here. Gives the longest time
    // the event loop was busy meanwhile (what a click would wait for).
    const auto settle = [] {
        QElapsedTimer timer;
        timer.start();
        qint64 longest = 0;
        while (timer.elapsed() < kSettleMs) {
            const qint64 before = timer.nsecsElapsed();
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            longest = qMax(longest, timer.nsecsElapsed() - before);
        }
        return longest / 1e6;
    };
    QList<double> switches;
    QList<double> weeks;
    // Each view has its occurrence model: shown once the new view's model
    // has been filled and a frame with it rendered.
    // The page's view is a CalendarController.View.
    const auto switchTo = [&](const QString &name) {
        using mana::calendar::CalendarController;
        const int viewValue =
            name == QLatin1String("month") ? CalendarController::Month : CalendarController::Week;
        QElapsedTimer timer;
        timer.start();
        page->setProperty("view", viewValue);
        const double created = timer.nsecsElapsed() / 1e6;
        const auto filled = [&] {
            auto *model = page->property("occurrences").value<QObject *>();
            bool upToDate = false;
            if (model)
                QMetaObject::invokeMethod(model, "isUpToDate", Q_RETURN_ARG(bool, upToDate));
            return upToDate;
        };
        while (!filled() && timer.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        const double refreshed = timer.nsecsElapsed() / 1e6;
        waitForFrame(view);
        if (qEnvironmentVariableIsSet("MANA_BENCH_DETAIL"))
            std::fprintf(stderr, "%s: view made %.1f, filled %.1f, frame %.1f ms\n",
                         qPrintable(name), created, refreshed, timer.nsecsElapsed() / 1e6);
        return timer.nsecsElapsed() / 1e6;
    };
    // The first switch makes the month view (median over fresh pages, the
    // first of which is kept); later ones find it kept, and its model
    // catches up because the chosen day moved on meanwhile (the week view
    // stepped to the next month's weeks).
    QList<double> pageFrames;
    QList<double> pageMemory;
    QList<double> pageStalls;
    QList<double> firstMonths;
    QList<double> firstWeeks;
    for (int i = 0; i < kFirstSwitches; ++i) {
        const double before = residentMegabytes();
        pageFrames.append(makePage());
        if (!page) {
            std::fprintf(stderr, "calendar_view_bench: %s\n", qPrintable(component.errorString()));
            return 1;
        }
        pageStalls.append(settle());
        pageMemory.append(residentMegabytes() - before);
        firstMonths.append(switchTo(QStringLiteral("month")));
        // MANA_BENCH_SHOT=file.png: the month as the first switch showed it.
        if (i == 0 && qEnvironmentVariableIsSet("MANA_BENCH_SHOT"))
            view.grabWindow().save(qEnvironmentVariable("MANA_BENCH_SHOT"));
        firstWeeks.append(switchTo(QStringLiteral("week")));
        if (i + 1 < kFirstSwitches) {
            delete page;
            page = nullptr;
        }
    }
    // What one frame of the unchanged window costs on this machine (the
    // offscreen platform renders in software): the floor under the switch.
    QList<double> idleFrames;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        page->setProperty("selectedDay", page->property("selectedDay"));
        if (QQuickItem *content = view.contentItem())
            content->update();
        waitForFrame(view);
        idleFrames.append(timer.nsecsElapsed() / 1e6);
    }
    QString day = page->property("selectedDay").toString();
    for (int i = 0; i < kSwitches; ++i) {
        day = QDate::fromString(day, Qt::ISODate)
                  .addMonths(i % 2 == 0 ? 1 : -1)
                  .toString(Qt::ISODate);
        page->setProperty("selectedDay", day);
        // The week view shows the new day before the switch is timed.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 10000) {
            auto *model = page->property("occurrences").value<QObject *>();
            bool upToDate = false;
            if (model)
                QMetaObject::invokeMethod(model, "isUpToDate", Q_RETURN_ARG(bool, upToDate));
            if (upToDate)
                break;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        }
        waitForFrame(view);
        switches.append(switchTo(QStringLiteral("month")));
        weeks.append(switchTo(QStringLiteral("week")));
    }
    // The process's first page and month view are what a person sees when
    // opening Calendar (its QML types are made then); later pages reuse them.
    const auto later = [](const QList<double> &values) { return median(values.mid(1)); };
    std::printf("name=calendar_page_first_frame_5000_events value=%.1f unit=ms\n",
                pageFrames.first());
    std::printf("name=calendar_page_first_frame_again_5000_events value=%.1f unit=ms\n",
                later(pageFrames));
    std::printf("name=calendar_page_longest_busy_after_first_frame_5000_events value=%.1f "
                "unit=ms\n",
                later(pageStalls));
    // The first page's growth of the process (later ones reuse freed memory).
    std::printf("name=calendar_page_memory_5000_events value=%.1f unit=MB\n", pageMemory.first());
    std::printf("name=calendar_first_switch_to_month_5000_events value=%.1f unit=ms\n",
                firstMonths.first());
    std::printf("name=calendar_first_switch_to_month_again_5000_events value=%.1f unit=ms\n",
                later(firstMonths));
    std::printf("name=calendar_first_switch_to_week_5000_events value=%.1f unit=ms\n",
                firstWeeks.first());
    std::printf("name=calendar_window_frame value=%.1f unit=ms\n", median(idleFrames));
    std::printf("name=calendar_month_model_refresh_5000_events value=%.1f unit=ms\n",
                median(refreshes));
    std::printf("name=calendar_switch_to_month_5000_events value=%.1f unit=ms\n", median(switches));
    std::printf("name=calendar_switch_to_week_5000_events value=%.1f unit=ms\n", median(weeks));
    delete page;
    return 0;
}
