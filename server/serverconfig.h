// Configuration of mana-sync from the command line and the environment
// (command line wins). The CLI is a contract with the integration tests:
// see docs/server.md.
#pragma once

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace mana::server {

struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 3010;
    // Only SQLite for now; the path of the database file.
    QString sqlitePath = QStringLiteral("mana-sync.sqlite");
    int accessTokenTtlSeconds = 15 * 60;
    qint64 maxClockSkewMs = 5 * 60 * 1000;
    // SQLite `synchronous=FULL`: an answered push also survives a power
    // cut. The default (NORMAL, with WAL) survives a crash or SIGKILL of the
    // server and skips one fsync per push, which cost up to half a push.
    bool syncEveryCommit = false;
};

struct ConfigParseResult
{
    std::optional<ServerConfig> config; // unset on error or --help
    bool helpRequested = false;
    QString error; // a sentence for stderr
};

// `arguments` includes the program name, like QCoreApplication::arguments().
ConfigParseResult parseServerConfig(const QStringList &arguments,
                                    const QProcessEnvironment &environment);

QString serverUsageText();

} // namespace mana::server
