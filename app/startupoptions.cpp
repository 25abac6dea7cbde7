#include "startupoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace mana {

std::optional<StartupOptions> StartupOptions::parse(const QStringList &arguments, QString *message,
                                                    int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("ManaCore Desktop: 19 local-first productivity apps."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Keep profiles in <dir> instead of the default."),
                                     QStringLiteral("dir"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Open profile <name> (default: guest)."),
                                     QStringLiteral("name"), QStringLiteral("guest"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window to <file> once it is shown, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before the screenshot (default 1500)."),
        QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Use the dark theme."));
    parser.addOptions({dataDir, profile, screenshot, screenshotDelay, dark});

    *exitCode = 2;
    if (!parser.parse(arguments)) {
        *message = parser.errorText() + QLatin1Char('\n') + parser.helpText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        *message = parser.helpText();
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        *message = QCoreApplication::applicationName() + QLatin1Char(' ') +
                   QCoreApplication::applicationVersion() + QLatin1Char('\n');
        *exitCode = 0;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = QStringLiteral("unexpected argument: %1\n").arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    StartupOptions options;
    options.dataDirectory = parser.value(dataDir);
    options.profile = parser.value(profile);
    options.screenshotPath = parser.value(screenshot);
    bool delayOk = false;
    options.screenshotDelayMs = parser.value(screenshotDelay).toInt(&delayOk);
    if (!delayOk || options.screenshotDelayMs < 0) {
        *message = QStringLiteral("--screenshot-delay needs a number of milliseconds\n");
        return std::nullopt;
    }
    options.darkMode = parser.isSet(dark);
    if (options.profile.isEmpty()) {
        *message = QStringLiteral("--profile needs a name\n");
        return std::nullopt;
    }
    return options;
}

} // namespace mana
