#include "serverconfig.h"

#include "pg/pgconnection.h"

#include <QCommandLineParser>
#include <QThread>

#include <type_traits>

namespace mana::server {

namespace {

std::optional<qint64> parseInteger(const QString &text, qint64 minimum, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < minimum || value > maximum)
        return std::nullopt;
    return value;
}

// "sqlite:PATH" (also "sqlite://PATH"); returns the path, or an error.
std::optional<QString> sqlitePathFromUrl(const QString &url, QString *error)
{
    static const QString scheme = QStringLiteral("sqlite:");
    if (url.startsWith(scheme)) {
        QString path = url.mid(scheme.size());
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty()) {
            *error = QStringLiteral("The database URL \"%1\" names no file.").arg(url);
            return std::nullopt;
        }
        return path;
    }
    *error = QStringLiteral("Unsupported database URL \"%1\"; use --db sqlite:PATH or "
                            "--db postgres://USER@HOST:PORT/DATABASE.")
                 .arg(pg::describeTarget(url));
    return std::nullopt;
}

} // namespace

int ServerConfig::defaultWebSocketThreads()
{
    // More threads than cores only add switches; beyond 4, the main thread
    // (the database) is the limit, not the sockets.
    return qBound(1, QThread::idealThreadCount(), 4);
}

QString serverUsageText()
{
    return QStringLiteral(
        "Usage: mana-sync [--port N] [--listen ADDR] [--db sqlite:PATH|postgres://…]\n"
        "                 [--access-token-ttl SECONDS] [--max-clock-skew-ms N]\n"
        "                 [--sync-every-commit] [--header-timeout-ms N]\n"
        "                 [--body-timeout-ms N] [--idle-timeout-ms N]\n"
        "                 [--refresh-token-ttl SECONDS] [--max-registrations-per-address N]\n"
        "                 [--password-hash-passes N] [--auth-purge-interval SECONDS]\n"
        "                 [--min-free-disk-mib N] [--trusted-proxy ADDR]...\n"
        "                 [--ws-threads N]\n"
        "\n"
        "The ManaCore sync and auth server (HTTP and WebSocket on one port).\n"
        "\n"
        "  --port N                   port to listen on (default 3010; 0 lets the OS choose)\n"
        "  --listen ADDR              address to listen on (default 127.0.0.1)\n"
        "  --db sqlite:PATH           database (default sqlite:mana-sync.sqlite)\n"
        "  --db postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE\n"
        "                             a PostgreSQL database instead (libpq's URL; e.g.\n"
        "                             postgres://mana@/sync?host=/run/postgresql)\n"
        "  --access-token-ttl SECONDS lifetime of access tokens (default 900)\n"
        "  --max-clock-skew-ms N      timestamps further ahead of the server clock are\n"
        "                             clamped to it (default 300000)\n"
        "  --sync-every-commit        fsync every push, so an answered push survives a\n"
        "                             power cut (default: it survives a crash of the\n"
        "                             server, not of the machine)\n"
        "  --refresh-token-ttl SECONDS lifetime of refresh tokens (default 2592000, 30 days)\n"
        "  --max-registrations-per-address N\n"
        "                             registrations per client address in 15 minutes\n"
        "                             (default 30; 0: no limit)\n"
        "  --password-hash-passes N   Argon2id passes of new password hashes (default 2,\n"
        "                             at least 2)\n"
        "  --auth-purge-interval SECONDS\n"
        "                             how often expired refresh tokens and finished\n"
        "                             sessions are deleted (default 3600; also at start)\n"
        "  --min-free-disk-mib N      /health answers 503 when the database's disk has\n"
        "                             less free space (default 16)\n"
        "  --header-timeout-ms N      a request head must arrive within N ms of the\n"
        "                             connection or of its first byte (default 10000)\n"
        "  --body-timeout-ms N        its body within N ms after the head (default 60000)\n"
        "  --idle-timeout-ms N        close a kept-alive connection idle for N ms\n"
        "                             (default 120000)\n"
        "  --trusted-proxy ADDR       a reverse proxy in front of the server (repeatable):\n"
        "                             its requests' client, for the rate limits, is the\n"
        "                             last address of X-Forwarded-For\n"
        "  --ws-threads N             threads holding the WebSocket connections (default\n"
        "                             the number of cores, at most 4; 0: the main thread)\n"
        "  --help                     show this text\n"
        "\n"
        "Environment (the options win): PORT, LISTEN_ADDRESS, DATABASE_URL, ACCESS_TOKEN_TTL,\n"
        "TRUSTED_PROXIES (addresses separated by commas).\n"
        "When ready, prints \"mana-sync listening on http://ADDR:PORT\" on stdout.\n");
}

ConfigParseResult parseServerConfig(const QStringList &arguments,
                                    const QProcessEnvironment &environment)
{
    ConfigParseResult result;
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")});
    const QCommandLineOption port(QStringLiteral("port"), QString(), QStringLiteral("N"));
    const QCommandLineOption listen(QStringLiteral("listen"), QString(), QStringLiteral("ADDR"));
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("URL"));
    const QCommandLineOption ttl(QStringLiteral("access-token-ttl"), QString(),
                                 QStringLiteral("SECONDS"));
    const QCommandLineOption skew(QStringLiteral("max-clock-skew-ms"), QString(),
                                  QStringLiteral("N"));
    const QCommandLineOption syncEveryCommit(QStringLiteral("sync-every-commit"));
    const QCommandLineOption headerTimeout(QStringLiteral("header-timeout-ms"), QString(),
                                           QStringLiteral("N"));
    const QCommandLineOption bodyTimeout(QStringLiteral("body-timeout-ms"), QString(),
                                         QStringLiteral("N"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout-ms"), QString(),
                                         QStringLiteral("N"));
    const QCommandLineOption webSocketThreads(QStringLiteral("ws-threads"), QString(),
                                              QStringLiteral("N"));
    parser.addOptions({help, port, listen, db, ttl, skew, syncEveryCommit, headerTimeout,
                       bodyTimeout, idleTimeout, webSocketThreads});
    // Auth options (server/auth/README.md).
    const QCommandLineOption refreshTtl(QStringLiteral("refresh-token-ttl"), QString(),
                                        QStringLiteral("SECONDS"));
    const QCommandLineOption registrations(QStringLiteral("max-registrations-per-address"),
                                           QString(), QStringLiteral("N"));
    const QCommandLineOption hashPasses(QStringLiteral("password-hash-passes"), QString(),
                                        QStringLiteral("N"));
    const QCommandLineOption purgeInterval(QStringLiteral("auth-purge-interval"), QString(),
                                           QStringLiteral("SECONDS"));
    const QCommandLineOption minFreeDisk(QStringLiteral("min-free-disk-mib"), QString(),
                                         QStringLiteral("N"));
    const QCommandLineOption trustedProxy(QStringLiteral("trusted-proxy"), QString(),
                                          QStringLiteral("ADDR"));
    parser.addOptions(
        {refreshTtl, registrations, hashPasses, purgeInterval, minFreeDisk, trustedProxy});
    if (!parser.parse(arguments)) {
        result.error = parser.errorText() + QStringLiteral(" (see mana-sync --help)");
        return result;
    }
    if (parser.isSet(help)) {
        result.helpRequested = true;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("Unexpected argument \"%1\" (see mana-sync --help).")
                           .arg(parser.positionalArguments().constFirst());
        return result;
    }

    // The option when given, else the environment variable, else nothing.
    const auto setting = [&](const QCommandLineOption &option,
                             const char *variable) -> std::optional<QString> {
        if (parser.isSet(option))
            return parser.value(option);
        const QString name = QString::fromLatin1(variable);
        if (environment.contains(name) && !environment.value(name).isEmpty())
            return environment.value(name);
        return std::nullopt;
    };

    ServerConfig config;
    if (const auto text = setting(port, "PORT")) {
        const auto value = parseInteger(*text, 0, 65535);
        if (!value) {
            result.error =
                QStringLiteral("The port \"%1\" is not a number from 0 to 65535.").arg(*text);
            return result;
        }
        config.port = quint16(*value);
    }
    if (const auto text = setting(listen, "LISTEN_ADDRESS")) {
        QHostAddress address;
        if (*text == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (!address.setAddress(*text)) {
            result.error =
                QStringLiteral("The listen address \"%1\" is not an IP address.").arg(*text);
            return result;
        }
        config.listenAddress = address;
    }
    if (const auto text = setting(db, "DATABASE_URL")) {
        if (pg::isPostgresUrl(*text)) {
            if (!pg::checkUrl(*text, &result.error))
                return result;
            config.postgresUrl = *text;
        } else {
            const auto path = sqlitePathFromUrl(*text, &result.error);
            if (!path)
                return result;
            config.sqlitePath = *path;
        }
    }
    if (const auto text = setting(ttl, "ACCESS_TOKEN_TTL")) {
        const auto value = parseInteger(*text, 1, 365LL * 24 * 3600);
        if (!value) {
            result.error =
                QStringLiteral("The access token lifetime \"%1\" is not a positive number "
                               "of seconds.")
                    .arg(*text);
            return result;
        }
        config.accessTokenTtlSeconds = int(*value);
    }
    if (parser.isSet(skew)) {
        const auto value = parseInteger(parser.value(skew), 0, 365LL * 24 * 3600 * 1000);
        if (!value) {
            result.error = QStringLiteral("The clock skew \"%1\" is not a number of milliseconds.")
                               .arg(parser.value(skew));
            return result;
        }
        config.maxClockSkewMs = *value;
    }
    config.syncEveryCommit = parser.isSet(syncEveryCommit);
    QStringList proxies = parser.values(trustedProxy);
    if (proxies.isEmpty())
        proxies =
            environment.value(QStringLiteral("TRUSTED_PROXIES")).split(u',', Qt::SkipEmptyParts);
    for (const QString &text : std::as_const(proxies)) {
        QHostAddress address;
        if (!address.setAddress(text.trimmed())) {
            result.error = QStringLiteral("The trusted proxy \"%1\" is not an IP address.")
                               .arg(text.trimmed());
            return result;
        }
        config.trustedProxies.append(address);
    }

    // Auth options: an integer in [minimum, maximum]; false with
    // result.error set.
    const auto integerOption = [&](const QCommandLineOption &option, qint64 minimum, qint64 maximum,
                                   const QString &what, auto *target) {
        if (!parser.isSet(option))
            return true;
        const auto value = parseInteger(parser.value(option), minimum, maximum);
        if (!value) {
            result.error = QStringLiteral("The %1 \"%2\" is not a number from %3 to %4.")
                               .arg(what, parser.value(option))
                               .arg(minimum)
                               .arg(maximum);
            return false;
        }
        *target = std::remove_pointer_t<decltype(target)>(*value);
        return true;
    };
    qint64 minFreeDiskMiB = config.minFreeDiskBytes / (1024 * 1024);
    if (!integerOption(refreshTtl, 1, 10LL * 365 * 24 * 3600,
                       QStringLiteral("refresh token lifetime"), &config.refreshTokenTtlSeconds) ||
        !integerOption(registrations, 0, 1'000'000, QStringLiteral("registration limit"),
                       &config.maxRegistrationsPerAddress) ||
        !integerOption(hashPasses, 2, 10'000, QStringLiteral("number of password hash passes"),
                       &config.passwordHashPasses) ||
        !integerOption(purgeInterval, 1, 7LL * 24 * 3600, QStringLiteral("purge interval"),
                       &config.authPurgeIntervalSeconds) ||
        !integerOption(minFreeDisk, 0, 1LL << 40, QStringLiteral("free disk minimum"),
                       &minFreeDiskMiB) ||
        !integerOption(webSocketThreads, 0, 64, QStringLiteral("number of WebSocket threads"),
                       &config.webSocketThreads))
        return result;
    config.minFreeDiskBytes = minFreeDiskMiB * 1024 * 1024;
    // From 100 ms (tests) to an hour.
    const std::pair<const QCommandLineOption *, int *> timeouts[] = {
        {&headerTimeout, &config.headerTimeoutMs},
        {&bodyTimeout, &config.bodyTimeoutMs},
        {&idleTimeout, &config.idleTimeoutMs}};
    for (const auto &[option, target] : timeouts) {
        if (!parser.isSet(*option))
            continue;
        const auto value = parseInteger(parser.value(*option), 100, 3600LL * 1000);
        if (!value) {
            result.error = QStringLiteral("--%1 \"%2\" is not a number of milliseconds "
                                          "from 100 to 3600000.")
                               .arg(option->names().constFirst(), parser.value(*option));
            return result;
        }
        *target = int(*value);
    }
    result.config = config;
    return result;
}

} // namespace mana::server
