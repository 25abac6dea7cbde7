// Todo's iCalendar reader (modules/todo/src/todoicsreader.cpp): a .ics file
// as parseTodoIcs reads it before an import, then into a real profile
// (writeParsedTodoIcs, in one write group with undo), out through the
// writer (exportTodoIcs) and back through the reader; the step is undone so
// every input meets an empty Todo.
//
// Properties: a refused file has an error code and no tasks, and its
// sentence is not empty; an accepted file imports (the store takes
// whatever the reader accepts) with every task added, and its export is a
// file the reader accepts with the same tasks: the same UIDs, titles, due
// instants, completion and subtask count. The undo leaves no task.
#include "fuzzsupport.h"

#include "collection.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "todoics.h"

#include <QJsonArray>
#include <QStringList>

using namespace mana;
using namespace mana::todo;

namespace {

LocalStore *profile()
{
    static LocalStore *opened = [] {
        auto *store = new LocalStore; // lives as long as the process
        QString error;
        if (!store->open(fuzz::scratchDirectory() + QStringLiteral("/todo-ics.sqlite"), &error))
            fuzz::fail("the profile opens", error);
        for (const ModuleSpec &module : ModuleCatalog::load().modules) {
            if (module.id == QLatin1String("todo") && !store->addModule(module, &error))
                fuzz::fail("Todo's collections are created", error);
        }
        return store;
    }();
    return opened;
}

// What must survive the round trip, one line per task, sorted.
QStringList summary(const ParsedTodoIcs &parsed)
{
    QStringList lines;
    for (const ParsedTask &task : parsed.tasks)
        lines.append(QStringList{
            task.uid, task.fields.value(QStringLiteral("title")).toString(),
            task.fields.value(QStringLiteral("dueDate")).toString(),
            task.fields.value(QStringLiteral("isCompleted")).toBool() ? QStringLiteral("done")
                                                                      : QStringLiteral("open"),
            QString::number(task.fields.value(QStringLiteral("subtasks")).toArray().size())}
                         .join(QLatin1Char('|')));
    lines.sort();
    return lines;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    profile();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    TodoIcsOptions options;
    options.zone = QTimeZone("Europe/Berlin");
    const ParsedTodoIcs parsed = parseTodoIcs(fuzz::bytes(data, size), options);
    if (!parsed.ok()) {
        MANA_FUZZ_CHECK(parsed.tasks.isEmpty(), QStringLiteral("tasks next to an error"));
        MANA_FUZZ_CHECK(!describeIcsError(parsed.error, QStringLiteral("de")).isEmpty(),
                        QStringLiteral("no sentence for code %1").arg(int(parsed.error.code)));
        return 0;
    }

    LocalStore *store = profile();
    // A UID the file repeats in a subtask's place (or "<id>@manacore" of
    // a task here) is matched, not added: count the distinct ones.
    QStringList uids;
    for (const ParsedTask &task : parsed.tasks)
        uids.append(task.uid);
    TodoImportResult imported;
    QByteArray written;
    UndoStep step;
    QString groupError;
    const bool done = store->writeGroupWithUndo(
        [&](QString *error) {
            imported = writeParsedTodoIcs(store, parsed);
            *error = imported.error.text;
            if (!imported.ok())
                return false;
            TodoExportOptions exportOptions;
            exportOptions.zone = options.zone;
            exportOptions.now = QDateTime(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
            written = exportTodoIcs(store, {}, error, exportOptions);
            return !written.isEmpty();
        },
        &step, &groupError);
    MANA_FUZZ_CHECK(done, describeIcsError(imported.error, QStringLiteral("en")) +
                              QLatin1Char(' ') + imported.error.text + QLatin1Char(' ') +
                              groupError);
    MANA_FUZZ_CHECK(imported.added + imported.updated + imported.unchanged == parsed.tasks.size(),
                    QStringLiteral("%1 tasks read, %2 added, %3 updated, %4 unchanged")
                        .arg(parsed.tasks.size())
                        .arg(imported.added)
                        .arg(imported.updated)
                        .arg(imported.unchanged));
    const ParsedTodoIcs back = parseTodoIcs(written, options);
    MANA_FUZZ_CHECK(back.ok(), describeIcsError(back.error, QStringLiteral("en")) +
                                   QLatin1Char('\n') + QString::fromUtf8(written));
    if (imported.updated + imported.unchanged == 0) {
        // Every task is new: the export says what the file said (apart from
        // UIDs a file does not have, which the export makes).
        QStringList expected = summary(parsed), actual = summary(back);
        if (!uids.contains(QString())) {
            MANA_FUZZ_CHECK(actual == expected,
                            QStringLiteral("read:\n%1\nwritten and read back:\n%2\n%3")
                                .arg(expected.join(QLatin1Char('\n')),
                                     actual.join(QLatin1Char('\n')), QString::fromUtf8(written)));
        } else {
            MANA_FUZZ_CHECK(back.tasks.size() == parsed.tasks.size(),
                            QStringLiteral("%1 tasks written, %2 read back")
                                .arg(parsed.tasks.size())
                                .arg(back.tasks.size()));
        }
    }
    if (step.isValid()) {
        QString undoError;
        MANA_FUZZ_CHECK(store->undo(step.id, &undoError), undoError);
    }
    MANA_FUZZ_CHECK(store->collection(QStringLiteral("todo"), QStringLiteral("tasks"))->count() ==
                        0,
                    QStringLiteral("tasks left after the undo"));
    return 0;
}
