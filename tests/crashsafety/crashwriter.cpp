// The writer child of tst_crashsafety: opens a store, then makes the planned
// writes one call at a time and reports each one on stdout only after the
// call returned, so every reported line is a promise the store made.
//
// usage: crash_writer <database file> [number of writes]
// stdout: "ready", then "<ordinal> <record id>" per returned write, "done".
#include "localstore.h"
#include "writeplan.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdio>

Q_LOGGING_CATEGORY(lcCrashWriter, "mana.test.crashwriter")

using namespace crashtest;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: crash_writer <database file> [number of writes]\n");
        return 2;
    }
    bool countOk = true;
    const int count = args.size() > 2 ? args.at(2).toInt(&countOk) : kPlanSize;
    if (!countOk || count < 0) {
        std::fprintf(stderr, "crash_writer: the number of writes must be a whole number >= 0\n");
        return 2;
    }
    // One write(2) per line: the parent must see a line as soon as the call
    // behind it returned, not when a buffer happens to fill.
    std::setvbuf(stdout, nullptr, _IOLBF, 0);

    const QList<PlannedWrite> plan = buildWritePlan(count);
    mana::LocalStore store;
    store.setWallClock([] { return kFrozenWallClock; });
    QString error;
    if (!store.open(args.at(1), &error)) {
        qCCritical(lcCrashWriter).noquote() << "open failed:" << error;
        return 3;
    }
    mana::Collection *notes = store.addCollection(notesSpec(), &error);
    if (!notes) {
        qCCritical(lcCrashWriter).noquote() << "addCollection failed:" << error;
        return 3;
    }
    std::printf("ready\n");
    std::fflush(stdout);

    for (const PlannedWrite &write : plan) {
        mana::WriteResult result;
        switch (write.op) {
        case WriteOp::Insert:
            result = notes->insert(write.values);
            break;
        case WriteOp::Update:
            result = notes->update(write.recordId, write.values);
            break;
        case WriteOp::Delete:
            result = notes->remove(write.recordId);
            break;
        }
        if (!result.ok || result.id != write.recordId) {
            qCCritical(lcCrashWriter).noquote()
                << describe(write) << "failed:" << result.error << "id" << result.id;
            return 4;
        }
        std::printf("%d %s\n", write.ordinal, qPrintable(write.recordId));
        std::fflush(stdout);
    }
    std::printf("done\n");
    std::fflush(stdout);
    return 0;
}
