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
    // The SQLite database file, unless postgresUrl is set.
    QString sqlitePath = QStringLiteral("mana-sync.sqlite");
    // "postgres://…" (libpq's URL syntax): PostgreSQL instead of SQLite.
    QString postgresUrl;
    int accessTokenTtlSeconds = 15 * 60;
    qint64 maxClockSkewMs = 5 * 60 * 1000;
    // SQLite `synchronous=FULL`: an answered push also survives a power
    // cut. The default (NORMAL, with WAL) survives a crash or SIGKILL of the
    // server and skips one fsync per push, which cost up to half a push.
    bool syncEveryCommit = false;
    // Auth (server/auth/README.md):
    qint64 refreshTokenTtlSeconds = 30LL * 24 * 3600;
    // Registrations per client address in 15 minutes; 0: no limit.
    int maxRegistrationsPerAddress = 30;
    // Argon2id passes of new password hashes (2 is OWASP's minimum for 19 MiB).
    int passwordHashPasses = 2;
    // Expired refresh tokens and finished sessions are deleted at start and
    // this often.
    int authPurgeIntervalSeconds = 3600;
    // /health answers 503 when the database's file system has less free.
    qint64 minFreeDiskBytes = 16LL * 1024 * 1024;
    // HTTP connections (docs/server.md, "Hardening"): a request head must
    // arrive within headerTimeoutMs, its body within bodyTimeoutMs after
    // that; a kept-alive connection idle for idleTimeoutMs is closed.
    int headerTimeoutMs = 10 * 1000;
    int bodyTimeoutMs = 60 * 1000;
    int idleTimeoutMs = 120 * 1000;
    // Threads that hold the WebSocket connections, each with its own event
    // loop, so that idle sockets do not slow the main thread's poll()
    // (docs/server.md, "WebSocket threads"); 0: on the main thread.
    int webSocketThreads = defaultWebSocketThreads();
    static int defaultWebSocketThreads();
    // Reverse proxies whose X-Forwarded-For names the client (AuthConfig).
    QList<QHostAddress> trustedProxies;
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
