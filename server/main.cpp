// mana-sync: the ManaCore sync and auth server. See docs/server.md.
#include "serverconfig.h"
#include "serverlog.h"
#include "syncserver.h"
#include "unixsignalwatcher.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

// Exit code for configuration errors (CLI contract).
constexpr int kBadConfiguration = 2;

void printError(const QString &sentence)
{
    std::fprintf(stderr, "mana-sync: %s\n", qPrintable(sentence));
    std::fflush(stderr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mana-sync"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} "
                                          "%{if-warning}warning %{endif}"
                                          "%{if-critical}critical %{endif}"
                                          "%{category}: %{message}"));

    using namespace mana::server;
    const ConfigParseResult parsed =
        parseServerConfig(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (parsed.helpRequested) {
        std::fputs(qPrintable(serverUsageText()), stdout);
        return 0;
    }
    if (!parsed.config) {
        printError(parsed.error);
        return kBadConfiguration;
    }

    SyncServer server(*parsed.config);
    UnixSignalWatcher signalWatcher;
    if (!signalWatcher.watchTerminationSignals())
        qCWarning(lcMain) << "cannot watch SIGTERM/SIGINT; they will end the process abruptly";
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &server,
                     [&server](int signalNumber) {
                         qCInfo(lcMain) << "received signal" << signalNumber;
                         server.shutdown();
                     });
    QObject::connect(&server, &SyncServer::stopped, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);

    QString error;
    if (!server.start(&error)) {
        printError(error);
        return kBadConfiguration;
    }
    std::printf("mana-sync listening on %s\n", qPrintable(server.baseUrl()));
    std::fflush(stdout);
    return app.exec();
}
