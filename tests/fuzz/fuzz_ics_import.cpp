// The iCalendar reader (modules/calendar/src/icsreader.cpp): a .ics file
// as parseIcs reads it before an import, then through the writer
// (exportIcs) and back through the reader.
//
// Properties: a refused file has an error code and no events, and its
// sentence is not empty; an accepted file exports to a file the reader
// accepts with the same number of events (overrides of a series the file
// does not hold are left out by the writer, so they are not counted) and
// the same start instants.
// Regression inputs: corpus/fuzz_ics_import/crash-* (docs/fuzzing.md).
#include "fuzzsupport.h"

#include "icsexport.h"
#include "icsimport.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

using namespace mana;
using namespace mana::calendar;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    IcsParseOptions options;
    options.floatingZone = QTimeZone("Europe/Berlin");
    const ParsedIcs parsed = parseIcs(fuzz::bytes(data, size), options);
    if (!parsed.ok()) {
        MANA_FUZZ_CHECK(parsed.events.isEmpty(), QStringLiteral("events next to an error"));
        MANA_FUZZ_CHECK(!describe(parsed.error, QStringLiteral("de")).isEmpty(),
                        QStringLiteral("no sentence for code %1").arg(int(parsed.error.code)));
        return 0;
    }

    // Ids as the store would give them; overrides name their series by uid.
    QList<QJsonObject> records;
    QHash<QString, QString> seriesIdByUid;
    for (qsizetype i = 0; i < parsed.events.size(); ++i) {
        QJsonObject record = parsed.events[i];
        record.insert(QStringLiteral("id"), QStringLiteral("e%1").arg(i));
        if (record.value(QStringLiteral("recurrenceId")).isNull()) {
            const QString uid = record.value(QStringLiteral("uid")).toString();
            if (!uid.isEmpty())
                seriesIdByUid.insert(uid, record.value(QStringLiteral("id")).toString());
        }
        records.append(record);
    }
    // Overrides of a series the file does not hold are left out here (the
    // store import turns them into events of their own, see icsimport.cpp).
    QStringList expectedStarts;
    for (qsizetype i = 0; i < records.size();) {
        QJsonObject &record = records[i];
        if (!record.value(QStringLiteral("recurrenceId")).isNull()) {
            const QString seriesId =
                seriesIdByUid.value(record.value(QStringLiteral("uid")).toString());
            if (seriesId.isEmpty()) {
                records.removeAt(i);
                continue;
            }
            record.insert(QStringLiteral("seriesId"), seriesId);
        }
        expectedStarts.append(record.value(QStringLiteral("startDate")).toString());
        ++i;
    }
    IcsExportOptions exportOptions;
    exportOptions.calendarName = parsed.calendar.name;
    exportOptions.fallbackZone = options.floatingZone;
    exportOptions.now = QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
    const QByteArray written = exportIcs(records, exportOptions);
    const ParsedIcs back = parseIcs(written, options);
    MANA_FUZZ_CHECK(back.ok(), describe(back.error, QStringLiteral("en")) + QLatin1Char('\n') +
                                   QString::fromUtf8(written));
    QStringList starts;
    for (const QJsonObject &record : back.events)
        starts.append(record.value(QStringLiteral("startDate")).toString());
    expectedStarts.sort();
    starts.sort();
    MANA_FUZZ_CHECK(starts == expectedStarts, QStringLiteral("%1 events written, %2 read back:\n%3")
                                                  .arg(expectedStarts.size())
                                                  .arg(starts.size())
                                                  .arg(QString::fromUtf8(written)));
    return 0;
}
