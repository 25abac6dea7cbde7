#include "fuzzsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cstdio>
#include <cstdlib>

namespace mana::fuzz {

namespace {

void dropMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

} // namespace

void initQt()
{
    if (QCoreApplication::instance())
        return;
    if (qEnvironmentVariableIntValue("MANA_FUZZ_VERBOSE") == 0)
        qInstallMessageHandler(dropMessages);
    // libFuzzer's own flags are not Qt's business: Qt sees a bare argv.
    static int argc = 1;
    static char name[] = "mana-fuzz";
    static char *argv[] = {name, nullptr};
    new QCoreApplication(argc, argv); // lives as long as the process
}

QString scratchDirectory()
{
    static const QString path = [] {
        const QString base = QFileInfo(QStringLiteral("/dev/shm")).isWritable()
                                 ? QStringLiteral("/dev/shm")
                                 : QDir::tempPath();
        const QString dir =
            QStringLiteral("%1/mana-fuzz-%2").arg(base).arg(QCoreApplication::applicationPid());
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        return dir;
    }();
    return path;
}

void fail(const char *property, const QString &details)
{
    std::fprintf(stderr, "\n=== fuzz property broken: %s\n%s\n", property,
                 qPrintable(details.left(4000)));
    std::fflush(stderr);
    std::abort();
}

} // namespace mana::fuzz
