#include "serverconfig.h"

#include <QCommandLineParser>

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
    if (url.startsWith(QLatin1String("postgres"))) {
        *error =
            QStringLiteral("PostgreSQL is not supported by this build yet; use --db sqlite:PATH.");
        return std::nullopt;
    }
    *error = QStringLiteral("Unsupported database URL \"%1\"; use --db sqlite:PATH.").arg(url);
    return std::nullopt;
}

} // namespace

QString serverUsageText()
{
    return QStringLiteral(
        "Usage: mana-sync [--port N] [--listen ADDR] [--db sqlite:PATH]\n"
        "                 [--access-token-ttl SECONDS] [--max-clock-skew-ms N]\n"
        "                 [--sync-every-commit]\n"
        "\n"
        "The ManaCore sync and auth server (HTTP and WebSocket on one port).\n"
        "\n"
        "  --port N                   port to listen on (default 3010; 0 lets the OS choose)\n"
        "  --listen ADDR              address to listen on (default 127.0.0.1)\n"
        "  --db sqlite:PATH           database (default sqlite:mana-sync.sqlite)\n"
        "  --access-token-ttl SECONDS lifetime of access tokens (default 900)\n"
        "  --max-clock-skew-ms N      timestamps further ahead of the server clock are\n"
        "                             clamped to it (default 300000)\n"
        "  --sync-every-commit        fsync every push, so an answered push survives a\n"
        "                             power cut (default: it survives a crash of the\n"
        "                             server, not of the machine)\n"
        "  --help                     show this text\n"
        "\n"
        "Environment (the options win): PORT, LISTEN_ADDRESS, DATABASE_URL, ACCESS_TOKEN_TTL.\n"
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
    parser.addOptions({help, port, listen, db, ttl, skew, syncEveryCommit});
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
        const auto path = sqlitePathFromUrl(*text, &result.error);
        if (!path)
            return result;
        config.sqlitePath = *path;
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
    result.config = config;
    return result;
}

} // namespace mana::server
