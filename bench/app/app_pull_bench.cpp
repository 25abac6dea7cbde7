// app_pull_bench: what a person feels when the real app meets a large
// account (issue 12). The sync engine's own benchmark pulls 100,000 records
// in seconds; this one drives the real binaries, so the list models, counts
// and views above the engine are measured too.
//
//   app_pull_bench [--sizes 10000,100000] [--scenarios pull,fiveapps,import]
//                  [--keep DIR]
//
// For each size N (scenario "pull"): a real mana-sync on loopback, an
// account that another device filled with N Todo tasks (and 20 projects)
// through the HTTP API, then `manacore --sign-in … --quit-when-synced --app
// todo` on a fresh data folder: wall time to exit, peak RSS (VmHWM) and the
// longest event-loop block of the run (MANA_EVENT_LOOP_WATCHDOG). Then three
// starts of that profile with --quit-after-first-frame: the median first
// frame and the RSS after it. Then Todo's Inbox of that profile scrolled to
// its last row (`--scroll-to-end taskList`): time, longest block, peak RSS.
// "fiveapps": the same with the records spread over five apps' main
// collections (Todo tasks, contacts, calendar events, inventory items,
// flash cards), Todo open.
// "import": 10,000 new tasks written by `--import-records` into the profile
// of the largest size (issue 12: the window must stay responsive).
//
// Output: name=… value=… unit=… lines on stdout, progress on stderr. A run
// that times out or fails reports -1 and a sentence, and the program exits
// with 1 at the end. Linux only (/proc for memory).
#include "benchaccount.h"
#include "serverprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

namespace {

using namespace mana::appbench;

constexpr int kImportCount = 10000;
constexpr int kFirstFrameRuns = 3;
constexpr int kLingerMs = 1500;
// RSS is read this long after the first frame, before the linger ends.
constexpr int kRssAfterFirstFrameMs = 1000;

bool g_failed = false;

void report(const QString &name, double value, const char *unit)
{
    if (qstrcmp(unit, "MB") == 0)
        std::printf("name=%s value=%.1f unit=%s\n", qPrintable(name), value, unit);
    else
        std::printf("name=%s value=%.0f unit=%s\n", qPrintable(name), value, unit);
    std::fflush(stdout);
}

void progress(const QString &sentence)
{
    std::fprintf(stderr, "app_pull_bench: %s\n", qPrintable(sentence));
    std::fflush(stderr);
}

void failure(const QString &sentence)
{
    g_failed = true;
    progress(sentence);
}

// A /proc/<pid>/status value in MB ("VmRSS", "VmHWM"), or -1.
double statusMegabytes(qint64 pid, const char *key)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression line(QStringLiteral("^%1:\\s+(\\d+)\\s+kB").arg(QLatin1String(key)),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

qint64 lineValue(const QByteArray &output, const char *key)
{
    const QRegularExpression line(QStringLiteral("^%1=(\\d+)$").arg(QLatin1String(key)),
                                  QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(output));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

QString fileTail(const QString &path, int bytes = 1500)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    file.seek(qMax<qint64>(0, file.size() - bytes));
    return QString::fromUtf8(file.readAll()).trimmed();
}

template<typename T> T median(QList<T> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// ---------------------------------------------------------------------------
// manacore runs
struct AppRun
{
    bool finished = false; // exited by itself before the deadline
    bool killed = false;   // still running at the deadline
    int exitCode = -1;
    qint64 wallMs = -1;           // start to exit
    qint64 firstFrameWallMs = -1; // start to the first_frame_ms line
    double peakRssMb = -1;        // VmHWM, last read before the exit
    double rssAfterFirstFrameMb = -1;
    QByteArray output; // stdout
    QString logPath;   // stderr
};

class AppRunner
{
public:
    AppRunner(const QString &runtimeDir, const QString &logDir)
        : m_runtimeDir(runtimeDir)
        , m_logDir(logDir)
    {}

    AppRun run(const QString &label, const QStringList &arguments, qint64 deadlineMs)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"),
                   QStringLiteral("*.info=false;*.debug=false"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtimeDir);
        env.insert(QStringLiteral("MANA_EVENT_LOOP_WATCHDOG"), QStringLiteral("1"));
        env.insert(QStringLiteral("MANA_PASSWORD"), kPassword);
        // Tokens in a file of the profile (the test-only store) rather than
        // whatever keychain the machine has: the bench never writes into a
        // person's keychain, and later starts of the profile are signed in
        // (they sync, as a person's would) on any machine.
        env.insert(QStringLiteral("MANA_ALLOW_PLAIN_TOKEN_FILE"), QStringLiteral("1"));

        AppRun run;
        run.logPath = QDir(m_logDir).filePath(QStringLiteral("manacore-%1.log").arg(label));
        QProcess process;
        process.setProcessEnvironment(env);
        process.setStandardErrorFile(run.logPath);
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(MANACORE_BINARY), arguments);
        if (!process.waitForStarted(10000)) {
            run.output = process.errorString().toUtf8();
            return run;
        }
        const qint64 pid = process.processId();
        static const QRegularExpression firstFrame(QStringLiteral("first_frame_ms=\\d+"));
        while (process.state() != QProcess::NotRunning && timer.elapsed() < deadlineMs) {
            process.waitForReadyRead(50);
            run.output += process.readAllStandardOutput();
            // VmHWM only grows: the last value read is the peak, short of
            // at most the last 50 ms.
            const double highWater = statusMegabytes(pid, "VmHWM");
            if (highWater > 0)
                run.peakRssMb = highWater;
            if (run.firstFrameWallMs < 0 &&
                firstFrame.match(QString::fromLatin1(run.output)).hasMatch())
                run.firstFrameWallMs = timer.elapsed();
            if (run.firstFrameWallMs >= 0 && run.rssAfterFirstFrameMb < 0 &&
                timer.elapsed() >= run.firstFrameWallMs + kRssAfterFirstFrameMs)
                run.rssAfterFirstFrameMb = statusMegabytes(pid, "VmRSS");
        }
        if (process.state() != QProcess::NotRunning) {
            run.killed = true;
            process.kill();
            process.waitForFinished();
            run.output += process.readAllStandardOutput();
            return run;
        }
        run.wallMs = timer.elapsed();
        run.output += process.readAllStandardOutput();
        run.finished = process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        return run;
    }

private:
    QString m_runtimeDir;
    QString m_logDir;
};

// Says why a run did not give its figure; false when it did not.
bool checkRun(const AppRun &run, const QString &what, qint64 deadlineMs, const char *expectedLine)
{
    if (run.killed) {
        failure(QStringLiteral("%1: manacore did not finish within %2 s and was killed; "
                               "its log: %3\n%4")
                    .arg(what)
                    .arg(deadlineMs / 1000)
                    .arg(run.logPath, fileTail(run.logPath)));
        return false;
    }
    if (!run.finished) {
        failure(QStringLiteral("%1: manacore did not start or crashed (%2); its log: %3\n%4")
                    .arg(what, QString::fromUtf8(run.output.right(300)), run.logPath,
                         fileTail(run.logPath)));
        return false;
    }
    if (run.exitCode != 0 || !run.output.contains(expectedLine)) {
        failure(QStringLiteral("%1: manacore exited with %2 without \"%3\"; its log: %4\n%5")
                    .arg(what)
                    .arg(run.exitCode)
                    .arg(QLatin1String(expectedLine), run.logPath, fileTail(run.logPath)));
        return false;
    }
    return true;
}

struct FirstFrames
{
    double firstFrameMs = -1;
    double rssMb = -1;
};

// Three starts of an existing profile: the median first frame (as the app
// measured it from main()) and the median RSS a second after it.
FirstFrames measureFirstFrames(AppRunner &runner, const QString &label, const QString &dataDir,
                               qint64 deadlineMs)
{
    QList<qint64> frames;
    QList<double> rss;
    for (int i = 0; i < kFirstFrameRuns; ++i) {
        const AppRun run = runner.run(
            QStringLiteral("%1-first-frame-%2").arg(label).arg(i + 1),
            {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--no-welcome"),
             QStringLiteral("--quit-after-first-frame"), QStringLiteral("--linger-ms"),
             QString::number(kLingerMs), QStringLiteral("--app"), QStringLiteral("todo")},
            deadlineMs);
        if (!checkRun(run, label + QStringLiteral(" first frame"), deadlineMs, "first_frame_ms="))
            return {};
        frames.append(lineValue(run.output, "first_frame_ms"));
        if (run.rssAfterFirstFrameMb > 0)
            rss.append(run.rssAfterFirstFrameMb);
        progress(QStringLiteral("%1: first frame %2 ms, RSS %3 MB, longest block %4 ms")
                     .arg(label)
                     .arg(frames.last())
                     .arg(run.rssAfterFirstFrameMb, 0, 'f', 1)
                     .arg(lineValue(run.output, "event_loop_longest_block_ms")));
    }
    return {double(median(frames)), rss.isEmpty() ? -1.0 : median(rss)};
}

struct PullResult
{
    bool ok = false;
    qint64 wallMs = -1;
    qint64 longestBlockMs = -1;            // since the scripted run began
    qint64 longestBlockAfterSignInMs = -1; // without the switch to the account profile
    double peakRssMb = -1;
};

// The first sign-in on a fresh data folder, until everything is pulled.
PullResult measurePull(AppRunner &runner, const QString &label, const QString &dataDir,
                       const QString &serverUrl, const QString &email, qint64 timeoutMs)
{
    // The app gives up after timeoutMs; the bench kills it a minute later,
    // for a GUI thread too blocked to notice its own timeout.
    const qint64 deadlineMs = timeoutMs + 60000;
    const AppRun run =
        runner.run(label + QStringLiteral("-pull"),
                   {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--server"), serverUrl,
                    QStringLiteral("--sign-in"), email, QStringLiteral("--quit-when-synced"),
                    QStringLiteral("--sync-timeout-ms"), QString::number(timeoutMs),
                    QStringLiteral("--app"), QStringLiteral("todo")},
                   deadlineMs);
    if (run.finished && run.exitCode != 0 &&
        fileTail(run.logPath).contains(QLatin1String("Not synced after"))) {
        failure(QStringLiteral("%1: the pull timed out: manacore was not synced after %2 s; "
                               "the end of its log (%3):\n%4")
                    .arg(label)
                    .arg(timeoutMs / 1000)
                    .arg(run.logPath, fileTail(run.logPath, 600)));
        return {};
    }
    if (!checkRun(run, label + QStringLiteral(" pull"), deadlineMs, "synced"))
        return {};
    PullResult result;
    result.ok = true;
    result.wallMs = run.wallMs;
    result.longestBlockMs = lineValue(run.output, "pull_longest_block_ms");
    result.longestBlockAfterSignInMs = lineValue(run.output, "pull_after_sign_in_longest_block_ms");
    result.peakRssMb = run.peakRssMb;
    progress(QStringLiteral("%1: pulled in %2 s, longest block %3 ms (%4 ms after the sign-in), "
                            "%5 blocks over 50 ms, peak RSS %6 MB")
                 .arg(label)
                 .arg(double(run.wallMs) / 1000, 0, 'f', 1)
                 .arg(result.longestBlockMs)
                 .arg(result.longestBlockAfterSignInMs)
                 .arg(lineValue(run.output, "event_loop_blocks_over_50ms"))
                 .arg(run.peakRssMb, 0, 'f', 1));
    return result;
}

struct Options
{
    QList<int> sizes{10000, 100000};
    QStringList scenarios{QStringLiteral("pull"), QStringLiteral("fiveapps"),
                          QStringLiteral("import")};
    QString keepDir;
    int fiveAppTotal = 0; // 0: the largest size
    qint64 timeoutMs = 0; // 0: from the size
};

qint64 timeoutFor(const Options &options, int records)
{
    // Generous: 6 ms per record, at least two minutes (600 s for 100,000).
    return options.timeoutMs > 0 ? options.timeoutMs : qMax<qint64>(120000, qint64(records) * 6);
}

class Scenario
{
public:
    Scenario(const QString &baseDir, const QString &name, const QString &runtimeDir)
        : m_dir(QDir(baseDir).filePath(name))
        , m_runner(runtimeDir, m_dir)
    {
        QDir().mkpath(m_dir);
    }

    QString dir() const { return m_dir; }
    QString profileDir() const { return QDir(m_dir).filePath(QStringLiteral("profile")); }
    AppRunner &runner() { return m_runner; }
    QString serverUrl() const { return m_server ? m_server->baseUrl().toString() : QString(); }

    // The real mana-sync (the tests' ServerProcess), its database in this
    // scenario's folder so --keep keeps it.
    bool startServer()
    {
        const QString directory = QDir(m_dir).filePath(QStringLiteral("server"));
        QDir().mkpath(directory);
        mana::servertest::ServerOptions options;
        options.databasePath = QDir(directory).filePath(QStringLiteral("server.sqlite"));
        m_server = std::make_unique<mana::servertest::ServerProcess>(options);
        if (!m_server->start()) {
            failure(QStringLiteral("mana-sync did not start: %1\n%2")
                        .arg(m_server->errorString(), m_server->logTail()));
            return false;
        }
        return true;
    }

private:
    QString m_dir;
    AppRunner m_runner;
    std::unique_ptr<mana::servertest::ServerProcess> m_server;
};

void reportPull(const QString &prefix, const PullResult &pull)
{
    report(prefix + QStringLiteral("_ms"), double(pull.wallMs), "ms");
    report(prefix + QStringLiteral("_longest_block_ms"), double(pull.longestBlockMs), "ms");
    report(prefix + QStringLiteral("_longest_block_after_sign_in_ms"),
           double(pull.longestBlockAfterSignInMs), "ms");
    report(prefix + QStringLiteral("_peak_rss_mb"), pull.peakRssMb, "MB");
}

struct ScrollResult
{
    qint64 wallMs = -1; // the scroll in the app, from the first row to the last
    qint64 longestBlockMs = -1;
    qint64 rows = -1;
    double peakRssMb = -1; // the whole run: every row loaded at its end
};

// Opens Todo's Inbox with the pulled profile and scrolls it to its last row
// as a person dragging the scroll bar down would (--scroll-to-end: a page
// of the view at a time, every row on the way loaded and drawn).
ScrollResult measureInboxScroll(AppRunner &runner, const QString &label, const QString &dataDir,
                                qint64 deadlineMs)
{
    const AppRun run =
        runner.run(label + QStringLiteral("-scroll"),
                   {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--no-welcome"),
                    QStringLiteral("--app"), QStringLiteral("todo"),
                    QStringLiteral("--scroll-to-end"), QStringLiteral("taskList")},
                   deadlineMs);
    if (!checkRun(run, label + QStringLiteral(" scroll"), deadlineMs, "scroll_ms="))
        return {};
    ScrollResult result{lineValue(run.output, "scroll_ms"),
                        lineValue(run.output, "scroll_longest_block_ms"),
                        lineValue(run.output, "scroll_rows"), run.peakRssMb};
    progress(QStringLiteral("%1: scrolled the Inbox to row %2 in %3 s, longest block %4 ms, "
                            "peak RSS %5 MB")
                 .arg(label)
                 .arg(result.rows)
                 .arg(double(result.wallMs) / 1000, 0, 'f', 1)
                 .arg(result.longestBlockMs)
                 .arg(result.peakRssMb, 0, 'f', 1));
    return result;
}

void reportScroll(const QString &prefix, const ScrollResult &scroll)
{
    report(prefix + QStringLiteral("_ms"), double(scroll.wallMs), "ms");
    report(prefix + QStringLiteral("_longest_block_ms"), double(scroll.longestBlockMs), "ms");
    report(prefix + QStringLiteral("_rows"), double(scroll.rows), "rows");
    report(prefix + QStringLiteral("_peak_rss_mb"), scroll.peakRssMb, "MB");
}

// Pull of `size` Todo tasks, first frames, the Inbox scrolled to its end; then, when asked, the
// import into that profile (the server still running: the profile is signed in and pushes what it
// imports, as a person's would).
void runTodoScenario(const Options &options, const QString &baseDir, const QString &runtimeDir,
                     int size, bool withImport)
{
    const QString label = QStringLiteral("pull-%1").arg(size);
    Scenario scenario(baseDir, label, runtimeDir);
    const qint64 timeoutMs = timeoutFor(options, size);
    PullResult pull;
    FirstFrames frames;
    if (scenario.startServer()) {
        const QString email = QStringLiteral("%1@bench.example.org").arg(label);
        OtherDevice device(scenario.serverUrl());
        RecordMaker maker;
        QString error;
        QElapsedTimer pushTime;
        pushTime.start();
        progress(QStringLiteral("%1: pushing %2 tasks to %3")
                     .arg(label)
                     .arg(size)
                     .arg(scenario.serverUrl()));
        if (!device.createAccount(email, &error) || !pushTodo(device, size, maker, &error)) {
            failure(QStringLiteral("%1: %2").arg(label, error));
        } else {
            progress(QStringLiteral("%1: pushed in %2 s; signing in with manacore (timeout %3 s)")
                         .arg(label)
                         .arg(double(pushTime.elapsed()) / 1000, 0, 'f', 1)
                         .arg(timeoutMs / 1000));
            pull = measurePull(scenario.runner(), label, scenario.profileDir(),
                               scenario.serverUrl(), email, timeoutMs);
        }
        if (pull.ok)
            frames = measureFirstFrames(scenario.runner(), label, scenario.profileDir(), timeoutMs);
    }
    reportPull(QStringLiteral("app_pull_%1").arg(size), pull);
    reportScroll(
        QStringLiteral("app_scroll_inbox_%1").arg(size),
        pull.ok ? measureInboxScroll(scenario.runner(), label, scenario.profileDir(), timeoutMs)
                : ScrollResult{});
    if (size == 100000)
        report(QStringLiteral("app_pull_longest_block_ms"), double(pull.longestBlockMs), "ms");
    report(QStringLiteral("app_first_frame_%1_ms").arg(size), frames.firstFrameMs, "ms");
    report(QStringLiteral("app_rss_first_frame_%1_mb").arg(size), frames.rssMb, "MB");

    if (!withImport)
        return;
    const QString prefix = QStringLiteral("app_import_%1_into_%2").arg(kImportCount).arg(size);
    qint64 wallMs = -1;
    qint64 longestBlockMs = -1;
    qint64 inAppMs = -1;
    if (pull.ok) {
        // New tasks as a person's import file would hold them: the app
        // gives them ids and timestamps.
        QJsonArray tasks;
        RecordMaker maker;
        static const QStringList priorities{QStringLiteral("low"), QStringLiteral("medium"),
                                            QStringLiteral("high"), QStringLiteral("urgent")};
        for (int i = 0; i < kImportCount; ++i) {
            QJsonObject task{{QStringLiteral("title"),
                              QStringLiteral("Imported %1").arg(taskTitle(size + i, maker))},
                             {QStringLiteral("priority"), priorities.at(i % 4)},
                             {QStringLiteral("order"), double(size + i)}};
            if (i % 5 == 1)
                task.insert(QStringLiteral("dueDate"), timestamp(maker.around(30, 30)));
            tasks.append(task);
        }
        const QString file = QDir(scenario.dir()).filePath(QStringLiteral("import.json"));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(QJsonDocument(QJsonObject{{QStringLiteral("todo/tasks"), tasks}}).toJson()) <
                0) {
            failure(QStringLiteral("cannot write %1: %2").arg(file, out.errorString()));
        } else {
            out.close();
            progress(QStringLiteral("%1: importing %2 tasks").arg(label).arg(kImportCount));
            const AppRun run = scenario.runner().run(
                label + QStringLiteral("-import"),
                {QStringLiteral("--data-dir"), scenario.profileDir(),
                 QStringLiteral("--import-records"), file, QStringLiteral("--sync-timeout-ms"),
                 QString::number(timeoutMs), QStringLiteral("--app"), QStringLiteral("todo")},
                timeoutMs + 60000);
            if (checkRun(run, label + QStringLiteral(" import"), timeoutMs + 60000,
                         "import_longest_block_ms=")) {
                wallMs = run.wallMs;
                longestBlockMs = lineValue(run.output, "import_longest_block_ms");
                inAppMs = lineValue(run.output, "import_ms");
                progress(QStringLiteral("%1: import run %2 s (the import itself %3 s), longest "
                                        "block during the import %4 ms, whole run %5 ms")
                             .arg(label)
                             .arg(double(wallMs) / 1000, 0, 'f', 1)
                             .arg(double(inAppMs) / 1000, 0, 'f', 1)
                             .arg(longestBlockMs)
                             .arg(lineValue(run.output, "event_loop_longest_block_ms")));
            }
        }
    } else {
        failure(QStringLiteral("%1: no import measured: the pull before it failed").arg(label));
    }
    report(prefix + QStringLiteral("_ms"), double(wallMs), "ms");
    report(prefix + QStringLiteral("_longest_block_ms"), double(longestBlockMs), "ms");
    report(prefix + QStringLiteral("_in_app_ms"), double(inAppMs), "ms");
}

void runFiveAppScenario(const Options &options, const QString &baseDir, const QString &runtimeDir,
                        int total)
{
    const QString label = QStringLiteral("fiveapps-%1").arg(total);
    Scenario scenario(baseDir, label, runtimeDir);
    const int perApp = total / 5;
    const qint64 timeoutMs = timeoutFor(options, total);
    PullResult pull;
    FirstFrames frames;
    if (scenario.startServer()) {
        const QString email = QStringLiteral("%1@bench.example.org").arg(label);
        OtherDevice device(scenario.serverUrl());
        RecordMaker maker;
        QString error;
        progress(
            QStringLiteral("%1: pushing %2 records to each of five apps").arg(label).arg(perApp));
        if (!device.createAccount(email, &error) || !pushTodo(device, perApp, maker, &error) ||
            !pushOtherApps(device, perApp, maker, &error)) {
            failure(QStringLiteral("%1: %2").arg(label, error));
        } else {
            pull = measurePull(scenario.runner(), label, scenario.profileDir(),
                               scenario.serverUrl(), email, timeoutMs);
        }
        if (pull.ok)
            frames = measureFirstFrames(scenario.runner(), label, scenario.profileDir(), timeoutMs);
    }
    reportPull(QStringLiteral("app_pull_5apps_%1").arg(total), pull);
    report(QStringLiteral("app_first_frame_5apps_%1_ms").arg(total), frames.firstFrameMs, "ms");
    report(QStringLiteral("app_rss_first_frame_5apps_%1_mb").arg(total), frames.rssMb, "MB");
}

std::optional<Options> parseOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Drives the real manacore and mana-sync: pull, first frame and import "
                       "with large accounts (issue 12)."));
    parser.addHelpOption();
    const QCommandLineOption sizes(QStringLiteral("sizes"),
                                   QStringLiteral("Todo tasks per pull scenario (default "
                                                  "10000,100000)."),
                                   QStringLiteral("n,n"));
    const QCommandLineOption scenarios(
        QStringLiteral("scenarios"),
        QStringLiteral("Which scenarios: pull, fiveapps, import (default all)."),
        QStringLiteral("list"));
    const QCommandLineOption keep(
        QStringLiteral("keep"),
        QStringLiteral("Keep the servers' and profiles' folders in <dir> (made if missing)."),
        QStringLiteral("dir"));
    QCommandLineOption fiveAppTotal(QStringLiteral("five-app-total"),
                                    QStringLiteral("Records over the five apps (default: the "
                                                   "largest size)."),
                                    QStringLiteral("n"));
    fiveAppTotal.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption timeout(
        QStringLiteral("timeout-s"),
        QStringLiteral("Give each manacore run this long (default 6 ms per record, >= 120 s)."),
        QStringLiteral("s"));
    timeout.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sizes, scenarios, keep, fiveAppTotal, timeout});
    parser.process(arguments);

    Options options;
    if (parser.isSet(sizes)) {
        options.sizes.clear();
        for (const QString &text : parser.value(sizes).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const int size = text.trimmed().toInt(&ok);
            if (!ok || size < 1) {
                progress(QStringLiteral("--sizes needs numbers such as 10000,100000, not “%1”")
                             .arg(text));
                return std::nullopt;
            }
            options.sizes.append(size);
        }
    }
    if (parser.isSet(scenarios)) {
        options.scenarios = parser.value(scenarios).split(u',', Qt::SkipEmptyParts);
        for (const QString &name : std::as_const(options.scenarios)) {
            if (name != QLatin1String("pull") && name != QLatin1String("fiveapps") &&
                name != QLatin1String("import")) {
                progress(QStringLiteral("--scenarios takes pull, fiveapps and import, not “%1”")
                             .arg(name));
                return std::nullopt;
            }
        }
    }
    options.keepDir = parser.value(keep);
    options.fiveAppTotal = parser.value(fiveAppTotal).toInt();
    options.timeoutMs = parser.value(timeout).toLongLong() * 1000;
    if (options.sizes.isEmpty()) {
        progress(QStringLiteral("--sizes is empty"));
        return std::nullopt;
    }
    return options;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const std::optional<Options> options = parseOptions(QCoreApplication::arguments());
    if (!options)
        return 2;

    std::unique_ptr<QTemporaryDir> temporary;
    QString baseDir = options->keepDir;
    if (baseDir.isEmpty()) {
        temporary = std::make_unique<QTemporaryDir>();
        if (!temporary->isValid()) {
            progress(QStringLiteral("cannot make a temporary folder"));
            return 1;
        }
        baseDir = temporary->path();
    } else if (!QDir().mkpath(baseDir)) {
        progress(QStringLiteral("cannot make %1").arg(baseDir));
        return 1;
    }
    // XDG_RUNTIME_DIR must be private to the user, or Qt complains.
    QTemporaryDir runtime;
    if (!runtime.isValid())
        return 1;
    QFile::setPermissions(runtime.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    const int largest = *std::max_element(options->sizes.begin(), options->sizes.end());
    const bool pull = options->scenarios.contains(QLatin1String("pull"));
    const bool import = options->scenarios.contains(QLatin1String("import"));
    for (const int size : options->sizes) {
        // The import needs the largest profile, so that pull runs for it too.
        const bool withImport = import && size == largest;
        if (pull || withImport)
            runTodoScenario(*options, baseDir, runtime.path(), size, withImport);
    }
    if (options->scenarios.contains(QLatin1String("fiveapps")))
        runFiveAppScenario(*options, baseDir, runtime.path(),
                           options->fiveAppTotal > 0 ? options->fiveAppTotal : largest);
    if (!options->keepDir.isEmpty())
        progress(QStringLiteral("kept the servers' and profiles' folders in %1").arg(baseDir));
    else if (g_failed)
        progress(QStringLiteral("the logs named above are gone with their temporary folder; "
                                "--keep DIR keeps them"));
    return g_failed ? 1 : 0;
}
