// Crash safety of the local store: a writer child makes the planned writes
// and is killed with SIGKILL at a random moment; the reopened database must
// hold every write whose call returned, pass SQLite's integrity check, have a
// pending change for every record, and keep its clock monotonic.
//
// The kill moments come from a seeded generator; the seed is printed and can
// be replayed with CRASHSAFETY_SEED=<seed> (the timing of the child still
// varies, so a replay hits the same neighbourhood, not the same instruction).
#include "localstore.h"
#include "writeplan.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <optional>

Q_LOGGING_CATEGORY(lcCrashTest, "mana.test.crashsafety")

using namespace crashtest;

namespace {

// The most mismatches listed in one failure message.
constexpr int kMaxReportedProblems = 12;
// How long the test waits for the writer to reach a kill point before it
// kills it anyway (a loaded machine may write slowly).
constexpr int kMaxWaitMs = 20000;

struct WriterRun
{
    int acknowledged = 0; // writes whose call returned, by the writer's report
    bool ready = false;   // the store was open and the collection added
    bool finished = false;
    QString problem; // the writer misbehaved (not a store finding)
};

// Complete lines only: a line cut by the kill was not fully reported.
WriterRun parseWriterOutput(const QByteArray &output, const QList<PlannedWrite> &plan)
{
    WriterRun run;
    const QList<QByteArray> lines = output.left(output.lastIndexOf('\n') + 1).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        if (line == "ready") {
            run.ready = true;
        } else if (line == "done") {
            run.finished = true;
        } else {
            const QList<QByteArray> parts = line.split(' ');
            const int expectedOrdinal = run.acknowledged + 1;
            if (parts.size() != 2 || parts[0].toInt() != expectedOrdinal ||
                expectedOrdinal > plan.size() ||
                QString::fromUtf8(parts[1]) != plan[expectedOrdinal - 1].recordId) {
                run.problem = QStringLiteral("unexpected writer line \"%1\" after %2 writes")
                                  .arg(QString::fromUtf8(line))
                                  .arg(run.acknowledged);
                return run;
            }
            run.acknowledged = expectedOrdinal;
        }
    }
    return run;
}

} // namespace

class CrashSafetyTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWriterLosesNothing_data();
    void killedWriterLosesNothing();

private:
    // Checks the reopened database; returns the problems found.
    QStringList verifyDatabase(const QString &databasePath, int acknowledged);

    QList<PlannedWrite> m_plan;
    quint32 m_seed = 0;
    QRandomGenerator m_random;
};

void CrashSafetyTest::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(CRASH_WRITER_PATH)),
             "the crash_writer helper was not built next to the test");
    bool fromEnvironment = false;
    m_seed = qEnvironmentVariable("CRASHSAFETY_SEED").toUInt(&fromEnvironment);
    if (!fromEnvironment)
        m_seed = QRandomGenerator::global()->generate();
    m_random.seed(m_seed);
    qInfo().noquote()
        << QStringLiteral("crash safety seed: %1 (replay with CRASHSAFETY_SEED=%1)").arg(m_seed);
    m_plan = buildWritePlan(kPlanSize);
    QCOMPARE(m_plan.size(), kPlanSize);
}

void CrashSafetyTest::killedWriterLosesNothing_data()
{
    // A kill after a number of acknowledged writes drawn from [min, max];
    // min = -1 kills after a delay of up to max ms from the start instead,
    // which may land before, during or after the schema is created.
    QTest::addColumn<int>("minAcknowledged");
    QTest::addColumn<int>("maxAcknowledged");
    QTest::newRow("during open") << -1 << 80;
    QTest::newRow("first writes") << 0 << 5;
    QTest::newRow("hundreds") << 20 << 500;
    QTest::newRow("thousands") << 500 << 4000;
    QTest::newRow("late") << 4000 << 9500;
}

void CrashSafetyTest::killedWriterLosesNothing()
{
    QFETCH(int, minAcknowledged);
    QFETCH(int, maxAcknowledged);
    const int target = int(m_random.bounded(std::max(minAcknowledged, 0), maxAcknowledged + 1));

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString databasePath = directory.filePath(QStringLiteral("crash.sqlite"));

    QProcess writer;
    writer.setProgram(QStringLiteral(CRASH_WRITER_PATH));
    writer.setArguments({databasePath, QString::number(kPlanSize)});
    writer.start();
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));

    QByteArray output;
    WriterRun run;
    QElapsedTimer waited;
    waited.start();
    if (minAcknowledged < 0) {
        QThread::msleep(target);
    } else {
        while (waited.elapsed() < kMaxWaitMs && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(50);
            output += writer.readAllStandardOutput();
            run = parseWriterOutput(output, m_plan);
            if (!run.problem.isEmpty() || (run.ready && run.acknowledged >= target))
                break;
        }
        if (waited.elapsed() >= kMaxWaitMs)
            qCWarning(lcCrashTest) << "the writer reached only" << run.acknowledged << "of"
                                   << target << "writes in" << kMaxWaitMs << "ms; killing it there";
    }
    writer.kill(); // SIGKILL: no destructor, no SQLite close, no flush
    QVERIFY(writer.waitForFinished(10000));
    output += writer.readAllStandardOutput();
    run = parseWriterOutput(output, m_plan);
    const QString writerErrors = QString::fromUtf8(writer.readAllStandardError()).trimmed();
    QVERIFY2(run.problem.isEmpty(), qPrintable(run.problem));
    // A writer that exited by itself before the kill failed a write.
    if (writer.exitStatus() == QProcess::NormalExit)
        QVERIFY2(writer.exitCode() == 0,
                 qPrintable(QStringLiteral("the writer failed (exit %1): %2")
                                .arg(writer.exitCode())
                                .arg(writerErrors)));
    const QString aim = minAcknowledged < 0 ? QStringLiteral("%1 ms after the start").arg(target)
                                            : QStringLiteral("after %1 writes").arg(target);
    qInfo().noquote() << QStringLiteral("killed after %1 acknowledged writes (aimed %2, ready: %3)")
                             .arg(run.acknowledged)
                             .arg(aim, run.ready ? QStringLiteral("yes") : QStringLiteral("no"));

    const QStringList problems = verifyDatabase(databasePath, run.acknowledged);
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("seed %1, %2 acknowledged writes:\n  ")
                                                .arg(m_seed)
                                                .arg(run.acknowledged) +
                                            problems.join(QStringLiteral("\n  "))));
}

QStringList CrashSafetyTest::verifyDatabase(const QString &databasePath, int acknowledged)
{
    QStringList problems;
    auto note = [&](const QString &problem) {
        if (problems.size() < kMaxReportedProblems)
            problems.append(problem);
    };

    mana::LocalStore store;
    store.setWallClock([] { return kFrozenWallClock; });
    QString error;
    if (!store.open(databasePath, &error))
        return {QStringLiteral("reopening failed: ") + error};

    QSqlQuery integrity(store.database());
    QStringList integrityRows;
    if (!integrity.exec(QStringLiteral("PRAGMA integrity_check")))
        note(QStringLiteral("PRAGMA integrity_check could not run"));
    while (integrity.next())
        integrityRows.append(integrity.value(0).toString());
    if (integrityRows != QStringList{QStringLiteral("ok")})
        note(QStringLiteral("PRAGMA integrity_check: ") + integrityRows.join(QStringLiteral("; ")));

    // Creates the collection when the kill came before the writer added it.
    mana::Collection *notes = store.addCollection(notesSpec(), &error);
    if (!notes)
        return problems << QStringLiteral("addCollection after the crash failed: ") + error;

    mana::Query everything;
    everything.includeDeleted = true;
    QHash<QString, QJsonObject> stored;
    for (const QJsonObject &record : notes->query(everything, &error))
        stored.insert(record.value(QStringLiteral("id")).toString(), record);
    if (!error.isEmpty())
        note(QStringLiteral("querying the records failed: ") + error);

    // The one write that may have committed without being reported: the
    // call after the last reported one.
    ExpectedState expected;
    for (int i = 0; i < acknowledged; ++i)
        applyWrite(&expected, m_plan[i]);
    const std::optional<PlannedWrite> inFlight =
        acknowledged < m_plan.size() ? std::optional(m_plan[acknowledged]) : std::nullopt;
    auto matchesInFlight = [&](const QString &id, const QJsonObject &record) {
        if (!inFlight || inFlight->recordId != id)
            return false;
        ExpectedState after = expected;
        applyWrite(&after, *inFlight);
        return compareRecord(record, after.value(id)).isEmpty();
    };

    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto record = stored.constFind(it.key());
        if (record == stored.cend()) {
            note(QStringLiteral("record %1 is missing although its insert returned").arg(it.key()));
            continue;
        }
        const QString mismatch = compareRecord(*record, it.value());
        if (!mismatch.isEmpty() && !matchesInFlight(it.key(), *record))
            note(QStringLiteral("record %1 %2").arg(it.key(), mismatch));
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!expected.contains(it.key()) && !matchesInFlight(it.key(), it.value()))
            note(QStringLiteral("record %1 is stored but no write that returned made it")
                     .arg(it.key()));
    }

    // Nothing was pushed, so every record, deleted or not, waits in the
    // queue exactly once, as a never-pushed insert with its latest values.
    const QList<mana::PendingChange> pending = store.pendingChanges().list();
    QHash<QString, mana::PendingChange> pendingById;
    for (const mana::PendingChange &change : pending) {
        if (pendingById.contains(change.recordId))
            note(QStringLiteral("record %1 has two pending changes").arg(change.recordId));
        pendingById.insert(change.recordId, change);
        if (!stored.contains(change.recordId))
            note(QStringLiteral("pending change %1 has no record").arg(change.recordId));
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const auto change = pendingById.constFind(it.key());
        if (change == pendingById.cend()) {
            note(QStringLiteral("record %1 has no pending change").arg(it.key()));
            continue;
        }
        if (change->op != mana::wire::ChangeOp::Insert)
            note(
                QStringLiteral("record %1 was never pushed but its pending change is not an insert")
                    .arg(it.key()));
        for (const QString &field : {QStringLiteral("title"), QStringLiteral("n"),
                                     QStringLiteral("body"), QStringLiteral("deletedAt")}) {
            const QJsonValue queued = change->fields.value(field).value;
            const QJsonValue inRow = it->value(field);
            const bool bothNull = (queued.isNull() || queued.isUndefined()) && inRow.isNull();
            if (!bothNull && !sameJsonValue(queued, inRow))
                note(QStringLiteral("record %1: the pending change has a different %2 than the row")
                         .arg(it.key(), field));
        }
    }

    // The clock position is written with the data it stamped: the first
    // write after the restart must be later than everything stored, even
    // with the wall clock frozen.
    QString latest;
    for (const QJsonObject &record : std::as_const(stored))
        latest = std::max(latest, record.value(QStringLiteral("updatedAt")).toString());
    const mana::WriteResult probe = notes->insert(
        {{QStringLiteral("title"), QStringLiteral("after the crash")}, {QStringLiteral("n"), -1}});
    if (!probe.ok) {
        note(QStringLiteral("writing after the crash failed: ") + probe.error);
    } else {
        const QString probeTime =
            notes->get(probe.id)->value(QStringLiteral("createdAt")).toString();
        if (probeTime <= latest)
            note(QStringLiteral(
                     "the clock went back after the crash: new write at %1, stored data up to %2")
                     .arg(probeTime, latest));
    }
    return problems;
}

QTEST_GUILESS_MAIN(CrashSafetyTest)
#include "tst_crashsafety.moc"
