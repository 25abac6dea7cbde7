#include "startupoptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

namespace mana {

QStringList StartupOptions::showTargets()
{
    return {QStringLiteral("welcome"),      QStringLiteral("settings"), QStringLiteral("signin"),
            QStringLiteral("signin-error"), QStringLiteral("switcher"), QStringLiteral("create")};
}

bool StartupOptions::answersWithoutGui(const QStringList &arguments, QString *message,
                                       int *exitCode)
{
    // QGuiApplication's and QApplication's options (Qt 6.4), with one dash
    // or two, and `-name=value` forms.
    static const QStringList qtOptions =
        QStringLiteral("platform platformpluginpath platformtheme plugin qmljsdebugger "
                       "qwindowgeometry qwindowicon qwindowtitle reverse session display "
                       "geometry title name visual ncols cmap nograb dograb sync style "
                       "stylesheet widgetcount testability fontengine dialogs darkmode "
                       "nomenubar qdevicepixelratio")
            .split(u' ');
    for (const QString &argument : arguments.mid(1)) {
        if (!argument.startsWith(u'-'))
            continue;
        QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        name = name.section(u'=', 0, 0);
        if (qtOptions.contains(name))
            return false;
    }
    return !parse(arguments, message, exitCode).has_value();
}

std::optional<StartupOptions> StartupOptions::parse(const QStringList &arguments, QString *message,
                                                    int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("ManaCore Desktop: 19 local-first productivity apps."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QStringLiteral("Keep profiles and settings in <dir> instead of the default."),
        QStringLiteral("dir"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Use the sync server at <url> (http or https)."),
                                    QStringLiteral("url"));
    const QCommandLineOption module(QStringLiteral("app"),
                                    QStringLiteral("Open the app <id> (for example todo)."),
                                    QStringLiteral("id"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window to <file> once it is shown, then quit."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshot-delay"),
        QStringLiteral("Milliseconds to wait before the screenshot (default 1500)."),
        QStringLiteral("ms"), QStringLiteral("1500"));
    const QCommandLineOption firstFrame(
        QStringLiteral("quit-after-first-frame"),
        QStringLiteral("Print first_frame_ms=<n> once the window has rendered, then quit."));
    const QCommandLineOption linger(
        QStringLiteral("linger-ms"),
        QStringLiteral("With --quit-after-first-frame: wait <ms> before quitting."),
        QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption scrollToEnd(
        QStringLiteral("scroll-to-end"),
        QStringLiteral("Once the window shows, scroll the list <name> (taskList, recordList) "
                       "to its end frame by frame, print scroll_rows= and scroll_ms=, then "
                       "quit (with --screenshot: save the window at the end)."),
        QStringLiteral("name"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QStringLiteral("Use the theme <name> for this run: light, dark or system."),
        QStringLiteral("name"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Same as --theme dark."));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QStringLiteral("Use the UI language <code> for this run: en, de or system."),
        QStringLiteral("code"));
    const QCommandLineOption show(QStringLiteral("show"),
                                  QStringLiteral("Open <what> after start: %1.")
                                      .arg(showTargets().join(QStringLiteral(", "))),
                                  QStringLiteral("what"));
    const QCommandLineOption switcherText(
        QStringLiteral("switcher-text"),
        QStringLiteral("With --show switcher: type <text> into the quick switcher."),
        QStringLiteral("text"));
    const QCommandLineOption noWelcome(QStringLiteral("no-welcome"),
                                       QStringLiteral("Do not show the guest welcome."));
    const QCommandLineOption signUp(
        QStringLiteral("sign-up"),
        QStringLiteral("Create the account <email> (password from $MANA_PASSWORD) and sign in."),
        QStringLiteral("email"));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in"),
        QStringLiteral("Sign in as <email> (password from $MANA_PASSWORD)."),
        QStringLiteral("email"));
    const QCommandLineOption signOut(
        QStringLiteral("sign-out"),
        QStringLiteral("Sign out first (the account's data stays for its next sign-in)."));
    const QCommandLineOption rebuildDamaged(
        QStringLiteral("rebuild-damaged-profile"),
        QStringLiteral("If the account's profile file is damaged, move it aside (it is kept as "
                       "<file>.damaged-<time>) and download the account's data again, as the "
                       "window's button does."));
    const QCommandLineOption addRecord(
        QStringLiteral("add-record"),
        QStringLiteral("Write a record: \"<app>/<collection> <json object>\" (repeatable)."),
        QStringLiteral("record"));
    const QCommandLineOption importRecords(
        QStringLiteral("import-records"),
        QStringLiteral("Import the records of the JSON file <file>, "
                       "{\"<app>/<collection>\": [{record}, …], …}, after sign-in and "
                       "--add-record; without --quit-when-synced, quit once they are written."),
        QStringLiteral("file"));
    const QCommandLineOption quitWhenSynced(
        QStringLiteral("quit-when-synced"),
        QStringLiteral("Quit once everything is synced (exit 1 on a sync error or timeout)."));
    const QCommandLineOption syncTimeout(
        QStringLiteral("sync-timeout-ms"),
        QStringLiteral("With --quit-when-synced: give up after <ms> (default 60000; the "
                       "time --import-records takes does not count)."),
        QStringLiteral("ms"), QStringLiteral("60000"));
    parser.addOptions({rebuildDamaged, signOut, signUp, signIn, addRecord, importRecords,
                       quitWhenSynced, syncTimeout});
    parser.addOptions({dataDir, server, module, screenshot, screenshotDelay, firstFrame, linger,
                       scrollToEnd, theme, dark, language, show, switcherText, noWelcome});

    *exitCode = 2;
    if (!parser.parse(arguments)) {
        *message = parser.errorText() + QStringLiteral("\nTry --help for the options.\n");
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
        *message = QStringLiteral("unexpected argument: %1\nTry --help for the options.\n")
                       .arg(parser.positionalArguments().first());
        return std::nullopt;
    }

    StartupOptions options;
    options.dataDirectory = parser.value(dataDir);
    options.rebuildDamagedProfile = parser.isSet(rebuildDamaged);
    options.signOut = parser.isSet(signOut);
    options.signUpEmail = parser.value(signUp);
    options.signInEmail = parser.value(signIn);
    options.addRecords = parser.values(addRecord);
    options.importRecordsPath = parser.value(importRecords);
    options.quitWhenSynced = parser.isSet(quitWhenSynced);
    options.screenshotPath = parser.value(screenshot);
    options.moduleId = parser.value(module);
    options.quitAfterFirstFrame = parser.isSet(firstFrame);
    options.scrollListToEnd = parser.value(scrollToEnd);
    options.show = parser.value(show);
    options.switcherText = parser.value(switcherText);
    options.noWelcome = parser.isSet(noWelcome);

    bool numberOk = false;
    options.screenshotDelayMs = parser.value(screenshotDelay).toInt(&numberOk);
    if (!numberOk || options.screenshotDelayMs < 0) {
        *message = QStringLiteral("--screenshot-delay needs a number of milliseconds\n");
        return std::nullopt;
    }
    options.lingerMs = parser.value(linger).toInt(&numberOk);
    if (!numberOk || options.lingerMs < 0) {
        *message = QStringLiteral("--linger-ms needs a number of milliseconds\n");
        return std::nullopt;
    }
    options.syncTimeoutMs = parser.value(syncTimeout).toInt(&numberOk);
    if (!numberOk || options.syncTimeoutMs <= 0) {
        *message = QStringLiteral("--sync-timeout-ms needs a number of milliseconds\n");
        return std::nullopt;
    }
    if (!options.signUpEmail.isEmpty() && !options.signInEmail.isEmpty()) {
        *message = QStringLiteral("--sign-up and --sign-in cannot be used together\n");
        return std::nullopt;
    }
    if ((parser.isSet(signUp) && options.signUpEmail.isEmpty()) ||
        (parser.isSet(signIn) && options.signInEmail.isEmpty())) {
        *message = QStringLiteral("--sign-up and --sign-in need an email address\n");
        return std::nullopt;
    }
    for (const QString &record : std::as_const(options.addRecords)) {
        const qsizetype space = record.indexOf(u' ');
        if (space < 0 || !record.left(space).contains(u'/')) {
            *message = QStringLiteral("--add-record needs \"<app>/<collection> <json object>\", "
                                      "not “%1”\n")
                           .arg(record);
            return std::nullopt;
        }
    }
    if (parser.isSet(importRecords) && options.importRecordsPath.isEmpty()) {
        *message = QStringLiteral("--import-records needs a JSON file\n");
        return std::nullopt;
    }
    if (parser.isSet(dataDir) && options.dataDirectory.isEmpty()) {
        *message = QStringLiteral("--data-dir needs a folder\n");
        return std::nullopt;
    }
    if (parser.isSet(server)) {
        const QUrl url(parser.value(server), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *message = QStringLiteral("--server needs an http:// or https:// address, not “%1”\n")
                           .arg(parser.value(server));
            return std::nullopt;
        }
        options.serverUrl = url.toString();
    }
    static const QStringList themes{QStringLiteral("light"), QStringLiteral("dark"),
                                    QStringLiteral("system")};
    options.theme = parser.isSet(dark) ? QStringLiteral("dark") : parser.value(theme);
    if (parser.isSet(theme) && !themes.contains(options.theme)) {
        *message =
            QStringLiteral("--theme must be light, dark or system, not “%1”\n").arg(options.theme);
        return std::nullopt;
    }
    static const QStringList languages{QStringLiteral("en"), QStringLiteral("de"),
                                       QStringLiteral("system")};
    options.language = parser.value(language);
    if (parser.isSet(language) && !languages.contains(options.language)) {
        *message =
            QStringLiteral("--language must be en, de or system, not “%1”\n").arg(options.language);
        return std::nullopt;
    }
    if (!options.show.isEmpty() && !showTargets().contains(options.show)) {
        *message = QStringLiteral("--show must be one of %1, not “%2”\n")
                       .arg(showTargets().join(QStringLiteral(", ")), options.show);
        return std::nullopt;
    }
    return options;
}

} // namespace mana
