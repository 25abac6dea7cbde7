// Starts manacore offscreen with a seeded profile and measures, from the
// outside, the time until it reports its first frame (median of 10 runs),
// and its resident memory once it is up (VmRSS from /proc).
// Output: name=… value=… unit=… lines, like the other benchmarks.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <optional>

namespace {

constexpr int kRuns = 10;

struct Run
{
    qint64 wallMs = -1;     // process start to the first_frame line
    qint64 reportedMs = -1; // what the app measured from main()
    double rssMb = -1;
};

QProcessEnvironment benchEnvironment(const QString &runtimeDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.info=false;*.debug=false"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    return env;
}

double residentMegabytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression vmRss(QStringLiteral("^VmRSS:\\s+(\\d+)\\s+kB"),
                                          QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = vmRss.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toDouble() / 1024.0 : -1;
}

std::optional<Run> startOnce(const QString &dataDir, const QString &runtimeDir, int lingerMs,
                             bool measureRss)
{
    static const QRegularExpression firstFrame(QStringLiteral("first_frame_ms=(\\d+)"));
    QProcess process;
    process.setProcessEnvironment(benchEnvironment(runtimeDir));
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(MANACORE_BINARY),
                  {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--no-welcome"),
                   QStringLiteral("--quit-after-first-frame"), QStringLiteral("--linger-ms"),
                   QString::number(lingerMs)});
    Run run;
    QByteArray output;
    while (run.wallMs < 0 && process.state() != QProcess::NotRunning && timer.elapsed() < 30000) {
        process.waitForReadyRead(50);
        output += process.readAllStandardOutput();
        const QRegularExpressionMatch match = firstFrame.match(QString::fromLatin1(output));
        if (match.hasMatch()) {
            run.wallMs = timer.elapsed();
            run.reportedMs = match.captured(1).toLongLong();
        }
    }
    if (run.wallMs >= 0 && measureRss) {
        // Let the first idle work (deferred dialogs, image loading) finish.
        QThread::msleep(std::max(0, lingerMs / 2));
        run.rssMb = residentMegabytes(process.processId());
    }
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    if (run.wallMs < 0 || process.exitCode() != 0) {
        std::fprintf(stderr, "manacore did not report a first frame: %s\n",
                     process.readAllStandardError().constData());
        return std::nullopt;
    }
    return run;
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QTemporaryDir runtime;
    if (!dir.isValid() || !runtime.isValid())
        return 1;
    QFile::setPermissions(runtime.path(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // The first start creates the profile and writes the seeds; it is not
    // counted (the target is start-up with seeds in place).
    if (!startOnce(dir.path(), runtime.path(), 0, false))
        return 1;

    QList<qint64> wall;
    QList<qint64> reported;
    for (int i = 0; i < kRuns; ++i) {
        const std::optional<Run> run = startOnce(dir.path(), runtime.path(), 0, false);
        if (!run)
            return 1;
        wall.append(run->wallMs);
        reported.append(run->reportedMs);
    }
    const std::optional<Run> rssRun = startOnce(dir.path(), runtime.path(), 1500, true);
    if (!rssRun)
        return 1;

    std::printf("name=startup_first_frame value=%lld unit=ms\n",
                static_cast<long long>(median(wall)));
    std::printf("name=startup_first_frame_in_process value=%lld unit=ms\n",
                static_cast<long long>(median(reported)));
    std::printf("name=startup_rss value=%.1f unit=MB\n", rssRun->rssMb);
    return 0;
}
