// ManaCore Desktop: opens the profile's local store, prepares every built-in
// module (collections, seeds on the first start) and shows the shell.
#include "desktopnotifier.h"
#include "eventloopwatchdog.h"
#include "listscroller.h"
#include "localstore.h"
#include "modulecatalog.h"
#include "moduleiconprovider.h"
#include "profilepreparer.h"
#include "scriptedrun.h"
#include "session.h"
#include "shellcontext.h"
#include "shellsettings.h"
#include "singleinstance.h"
#include "startupoptions.h"
#include "uilanguage.h"
#include "windowscreenshot.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <utility>

Q_IMPORT_QML_PLUGIN(ManaShellPlugin)
Q_IMPORT_QML_PLUGIN(ManaShellCorePlugin)
Q_IMPORT_QML_PLUGIN(ManaCore_SessionPlugin)
Q_IMPORT_QML_PLUGIN(ManaControlsPlugin)
#include "appuiplugins.h" // the apps' own QML modules

Q_LOGGING_CATEGORY(lcApp, "mana.app")

namespace {

constexpr int kScriptStartAtLatestMs = 2000;
// A run of its own (--screenshot, a script) while ManaCore runs on the profile.
constexpr int kExitProfileInUse = 3;

// Prints how long the first frame took and quits, for start-up benchmarks.
void quitAfterFirstFrame(QQuickWindow *window, const QElapsedTimer &sinceStart, int lingerMs)
{
    auto *connection = new QMetaObject::Connection;
    *connection = QObject::connect(
        window, &QQuickWindow::frameSwapped, window, [connection, sinceStart, lingerMs] {
            QObject::disconnect(*connection);
            delete connection;
            std::printf("first_frame_ms=%lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QTimer::singleShot(lingerMs, qApp, [] { QCoreApplication::exit(0); });
        });
}

// A later start on this profile handed over its arguments: the window
// comes to the front and opens what they ask for (--app, --show). The
// options of one run (--theme, --language, --server, …) are not applied to
// the running one; see docs/single-instance.md.
void handOver(QQuickWindow *window, const QStringList &arguments, const QString &activationToken)
{
    QString message;
    int exitCode = 0;
    const auto options = mana::StartupOptions::parse(arguments, &message, &exitCode);
    if (!options) { // the later start checked them already; another program?
        qCWarning(lcApp).noquote() << "ignored a hand-over:" << message.trimmed();
        return;
    }
    qCInfo(lcApp).noquote() << "a later start handed over:" << arguments.mid(1).join(u' ');
    // Wayland lets a window take the focus only with the token of the
    // start the user made (xdg-activation), which the later start passed.
    if (!activationToken.isEmpty())
        qputenv("XDG_ACTIVATION_TOKEN", activationToken.toUtf8());
    window->setWindowStates(window->windowStates() & ~Qt::WindowMinimized);
    window->show();
    window->raise();
    window->requestActivate();
    QMetaObject::invokeMethod(window, "handOver", Q_ARG(QVariant, options->moduleId),
                              Q_ARG(QVariant, options->show),
                              Q_ARG(QVariant, options->switcherText));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    QCoreApplication::setOrganizationName(QStringLiteral("ManaCore"));
    QCoreApplication::setApplicationName(QStringLiteral("ManaCore Desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MANA_VERSION));
    QString message;
    int exitCode = 0;
    {
        // --help, --version and a mistyped option need no display, and the
        // GUI application aborts without one: they are answered by a core
        // application that lives only for this.
        const QCoreApplication commandLine(argc, argv);
        if (mana::StartupOptions::answersWithoutGui(QCoreApplication::arguments(), &message,
                                                    &exitCode)) {
            std::fputs(qPrintable(message), exitCode == 0 ? stdout : stderr);
            return exitCode;
        }
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("org.manacore.Desktop"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.manacore.Desktop.svg")));

    const auto options =
        mana::StartupOptions::parse(QApplication::arguments(), &message, &exitCode);
    if (!options) {
        std::fputs(qPrintable(message), exitCode == 0 ? stdout : stderr);
        return exitCode;
    }

    const QString dataDirectory =
        QDir::cleanPath(options->dataDirectory.isEmpty() ? mana::LocalStore::defaultDirectory()
                                                         : options->dataDirectory);
    QDir().mkpath(dataDirectory);

    // One process per profile: a later start hands its arguments to the
    // running one and ends here, before it reads or writes anything.
    mana::SingleInstance instance(dataDirectory);
    const bool mayHandOver = !options->controlsTheRun();
    switch (instance.claim(QApplication::arguments(), mayHandOver, &message)) {
    case mana::SingleInstance::Claim::Owner:
        break;
    case mana::SingleInstance::Claim::HandedOver:
        return 0;
    case mana::SingleInstance::Claim::OwnedElsewhere:
        std::fprintf(stderr,
                     "manacore: ManaCore is already running on the profile in %s (process %lld). "
                     "Scripted runs, screenshots and benchmarks need the profile to themselves: "
                     "quit ManaCore first, or use another --data-dir.\n",
                     qPrintable(dataDirectory), static_cast<long long>(instance.ownerProcessId()));
        return kExitProfileInUse;
    case mana::SingleInstance::Claim::Unanswered:
        std::fprintf(stderr, "manacore: %s\n", qPrintable(message));
        return 1;
    }

    mana::ShellSettings settings(QDir(dataDirectory).filePath(QStringLiteral("shell.ini")));
    mana::UiLanguage uiLanguage;
    uiLanguage.apply(options->language.isEmpty() ? settings.language() : options->language);

    mana::ShellContext shell;
    shell.setDataDirectory(dataDirectory);
    const mana::ModuleCatalog catalog = mana::ModuleCatalog::load();
    shell.modules()->setEntries(mana::ModuleListModel::entriesFromCatalog(catalog));
    shell.setCatalog(&catalog);
    shell.modules()->setLanguage(uiLanguage.effective());
    QObject::connect(&uiLanguage, &mana::UiLanguage::effectiveChanged, &shell, [&] {
        shell.modules()->setLanguage(uiLanguage.effective());
        shell.retranslate();
    });
    QObject::connect(&settings, &mana::ShellSettings::languageChanged, &uiLanguage,
                     [&] { uiLanguage.apply(settings.language()); });

    // The session opens the last profile (a new guest profile on the first
    // start, with seeds) and, for an account, restores its tokens and syncs.
    // A store file that is not ours is refused and never written.
    mana::Session::Options sessionOptions;
    sessionOptions.dataDirectory = dataDirectory;
    sessionOptions.serverUrl = QUrl(options->serverUrl);
    mana::Session session(sessionOptions);
    // Errors are codes below the window; their words follow its language.
    QObject::connect(&uiLanguage, &mana::UiLanguage::effectiveChanged, &session,
                     [&] { session.retranslate(); });
    // It also runs on a thread of its own (a new account's profile while
    // signing in): only a new guest profile, always on the GUI thread,
    // reads the UI language for its seeds.
    session.setProfilePreparer([&](mana::LocalStore &store, bool isNewGuestProfile,
                                   QString *error) {
        mana::ProfilePreparation preparation;
        const bool prepared = mana::prepareProfile(
            store, catalog, isNewGuestProfile,
            isNewGuestProfile ? uiLanguage.effective() : QString(), &preparation);
        qCInfo(lcApp) << "prepared" << store.filePath() << "modules:" << preparation.modulesAdded
                      << "seed records:" << preparation.seedRecordsWritten;
        // A module that failed is reported; the others still work.
        if (!prepared)
            qCCritical(lcApp).noquote()
                << "local store:" << preparation.problems.join(QLatin1Char('\n'));
        Q_UNUSED(error);
        return true;
    });
    // Reminders follow the open profile (guest or account), page open or not.
    mana::DesktopNotifier notifier;
    QObject::connect(&session, &mana::Session::storeChanged, &shell, [&] {
        shell.setStore(session.store());
        notifier.setStore(session.store());
    });
    // A damaged profile: the window's damaged-database screen; after a
    // rebuild, where the damaged file was kept (docs/damaged-database.md).
    QObject::connect(&session, &mana::Session::damagedProfileChanged, &shell, [&] {
        shell.setDamagedProfile(session.damagedProfile(), session.damagedProfileIsAccount());
        shell.setRebuiltProfile(session.keptDamagedFile());
        if (session.store())
            shell.setOpenError({});
    });
    QString storeError;
    if (!session.start(&storeError)) {
        qCCritical(lcApp).noquote() << "local store:" << storeError;
        shell.setOpenError(session.openError());
    } else {
        qCInfo(lcApp) << "opened" << session.profilePath();
        shell.setStore(session.store());
        notifier.setStore(session.store());
    }

    // Declared after everything QML binds to, so it is destroyed first and
    // no binding runs against a deleted object on exit.
    QQmlApplicationEngine engine;
    uiLanguage.setEngine(&engine);
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    engine.addImportPath(QStringLiteral("qrc:/")); // Qt 6.4 static QML modules
    engine.addImageProvider(QStringLiteral("moduleicon"), new mana::ModuleIconProvider);
    engine.setInitialProperties({
        {QStringLiteral("shell"), QVariant::fromValue(&shell)},
        {QStringLiteral("settings"), QVariant::fromValue(&settings)},
        {QStringLiteral("uiLanguage"), QVariant::fromValue(&uiLanguage)},
        {QStringLiteral("session"), QVariant::fromValue<QObject *>(&session)},
        {QStringLiteral("firstStart"), session.isFirstStart() && !options->noWelcome &&
                                           !options->isScripted() && session.store() != nullptr},
        {QStringLiteral("initialModule"), options->moduleId},
        {QStringLiteral("themeOverride"), options->theme},
        {QStringLiteral("showOnStart"), options->show},
        {QStringLiteral("switcherText"), options->switcherText},
        {QStringLiteral("serverUrl"), session.serverUrl()},
    });
    engine.load(QUrl(QStringLiteral("qrc:/ManaShell/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcApp) << "the main window failed to load";
        return 1;
    }

    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window)
        QObject::connect(&instance, &mana::SingleInstance::argumentsReceived, window,
                         [window](const QStringList &arguments, const QString &activationToken) {
                             handOver(window, arguments, activationToken);
                         });
    if (window && options->quitAfterFirstFrame)
        quitAfterFirstFrame(window, sinceStart, options->lingerMs);
    if (!options->scrollListToEnd.isEmpty() && window)
        new mana::ListScroller(window, options->scrollListToEnd, options->screenshotPath, &app);
    else if (!options->screenshotPath.isEmpty() && window && !options->isScripted())
        new mana::WindowScreenshot(window, options->screenshotPath, options->screenshotDelayMs,
                                   &app); // a scripted run's is taken at its end (below)

    // MANA_EVENT_LOOP_WATCHDOG=1 (benchmarks): null otherwise. Made before
    // the scripted run, which measures its steps with it.
    const std::unique_ptr<mana::EventLoopWatchdog> watchdog =
        mana::EventLoopWatchdog::createFromEnvironment();
    // A scripted run (sign-in, import, …) begins once the window has shown
    // its first frame, as a person's would: the steps' measurements then
    // leave out the start-up, which has a benchmark of its own. A window
    // that never draws (hidden) does not hold it back for more than 2 s.
    mana::ScriptedRun script(&session, *options);
    // With --screenshot the picture waits for the script's end, so it shows
    // what the steps left in the window; the exit code is the script's.
    if (options->isScripted() && !options->screenshotPath.isEmpty() &&
        options->scrollListToEnd.isEmpty() && window) {
        script.setQuitWhenFinished(false);
        QObject::connect(&script, &mana::ScriptedRun::finished, &app, [&](int scriptExitCode) {
            new mana::WindowScreenshot(window, options->screenshotPath, options->screenshotDelayMs,
                                       &app, scriptExitCode);
        });
    }
    if (options->isScripted()) {
        if (window) {
            auto started = std::make_shared<bool>(false);
            auto startOnce = [&script, started] {
                if (!std::exchange(*started, true))
                    script.start();
            };
            QObject::connect(window, &QQuickWindow::frameSwapped, &script, startOnce,
                             Qt::SingleShotConnection);
            QTimer::singleShot(kScriptStartAtLatestMs, &script, startOnce);
        } else {
            script.start();
        }
    }

    const int result = QApplication::exec();
    if (watchdog)
        watchdog->printSummary();
    settings.sync();
    return result;
}
