// iCalendar import and export of a large calendar (docs/calendar.md,
// "iCalendar import and export"): 10,000 events in mixed zones, 10 %
// repeating, some all-day, parsed and written into a real store in a
// temporary folder. Target: import (parse + write) within 2000 ms.
// Prints `name=… value=… unit=ms` lines. The manifest is read from the
// source tree (this file's folder), as the bench runs from the build folder.
#include "collectionspec.h"
#include "icsexport.h"
#include "icsimport.h"
#include "localstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

using namespace mana;
using namespace mana::calendar;

namespace {

constexpr int kEvents = 10000;

QByteArray generatedFile()
{
    const char *const zones[] = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", nullptr};
    QByteArray file = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ManaCore//Bench//EN\r\n"
                      "X-WR-CALNAME:Bench\r\n";
    const QDate first(2026, 1, 1);
    for (int i = 0; i < kEvents; ++i) {
        const QDate day = first.addDays(i % 700);
        const QByteArray date = day.toString(QStringLiteral("yyyyMMdd")).toLatin1();
        const QByteArray hour = QByteArray::number(8 + i % 10).rightJustified(2, '0');
        file += "BEGIN:VEVENT\r\nUID:bench-" + QByteArray::number(i) +
                "@example.com\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Event number " +
                QByteArray::number(i) +
                "\r\nDESCRIPTION:Generated\\, with an escape\\nand a line\r\n";
        if (i % 20 == 7) {
            file += "DTSTART;VALUE=DATE:" + date + "\r\nDTEND;VALUE=DATE:" +
                    day.addDays(1).toString(QStringLiteral("yyyyMMdd")).toLatin1() + "\r\n";
        } else if (const char *zone = zones[i % 4]) {
            file += QByteArray("DTSTART;TZID=") + zone + ':' + date + 'T' + hour + "0000\r\n" +
                    "DTEND;TZID=" + zone + ':' + date + 'T' + hour + "4500\r\n";
        } else {
            file += "DTSTART:" + date + 'T' + hour + "0000Z\r\nDURATION:PT1H\r\n";
        }
        if (i % 10 == 3) {
            file += "RRULE:FREQ=WEEKLY;COUNT=20\r\n";
            if (i % 20 != 7)
                file += "EXDATE;TZID=Europe/Berlin:" +
                        day.addDays(7).toString(QStringLiteral("yyyyMMdd")).toLatin1() + 'T' +
                        hour + "0000\r\n";
        }
        if (i % 3 == 0)
            file += "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\r\nTRIGGER:-PT15M\r\n"
                    "END:VALARM\r\n";
        file += "END:VEVENT\r\n";
    }
    return file + "END:VCALENDAR\r\n";
}

void report(const char *name, qint64 ms)
{
    QTextStream(stdout) << "name=" << name << " value=" << ms << " unit=ms\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString error;
    const auto module =
        ModuleSpec::fromFile(QFileInfo(QStringLiteral(__FILE__)).absolutePath() +
                                 QStringLiteral("/../../modules/calendar/module.json"),
                             &error);
    QTemporaryDir directory;
    LocalStore store;
    if (!module || !store.open(directory.filePath(QStringLiteral("bench.sqlite")), &error) ||
        !store.addModule(*module, &error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    Collection *calendars =
        store.collection(QStringLiteral("calendar"), QStringLiteral("calendars"));
    const QString calendarId = calendars
                                   ->insert({{QStringLiteral("name"), QStringLiteral("Bench")},
                                             {QStringLiteral("color"), QStringLiteral("#3B82F6")}})
                                   .id;
    const QByteArray file = generatedFile();
    QTextStream(stdout) << "# file: " << file.size() / 1024 << " KiB, " << kEvents << " events\n";

    QElapsedTimer timer;
    timer.start();
    const ParsedIcs parsed = parseIcs(file);
    report("ics_parse_10000_events", timer.elapsed());
    if (!parsed.ok() || parsed.events.size() != kEvents) {
        QTextStream(stderr) << describe(parsed.error, QStringLiteral("en")) << '\n';
        return 1;
    }

    timer.restart();
    const IcsImportResult imported = importIcs(&store, calendarId, file);
    const qint64 importMs = timer.elapsed();
    if (!imported.ok() || imported.added != kEvents) {
        QTextStream(stderr) << describe(imported.error, QStringLiteral("en")) << '\n';
        return 1;
    }
    report("ics_import_10000_events", importMs);

    timer.restart();
    const IcsImportResult again = importIcs(&store, calendarId, file);
    report("ics_reimport_10000_unchanged_events", timer.elapsed());
    if (again.unchanged != kEvents)
        return 1;

    timer.restart();
    const QByteArray exported = exportIcs(&store, calendarId, &error);
    report("ics_export_10000_events", timer.elapsed());
    if (exported.isEmpty() || parseIcs(exported).events.size() != kEvents)
        return 1;
    return importMs <= 2000 ? 0 : 2;
}
