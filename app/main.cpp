// ManaCore Desktop: opens the profile's local store, registers every built-in
// module's collections, and shows the window. The shell proper (navigation,
// sessions, sync status) grows on top of this.
#include "localstore.h"
#include "modulecatalog.h"
#include "startupoptions.h"
#include "windowscreenshot.h"

#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QVariantMap>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(ManaShellPlugin)

Q_LOGGING_CATEGORY(lcApp, "mana.app")

namespace {

struct StoreSummary
{
    QString error;
    QVariantList modules; // {name, collections}
    int collectionCount = 0;
    int pendingCount = 0;
};

// Opens the store and adds every module. Problems become one sentence for
// the window; the store refuses to touch a file it cannot trust.
StoreSummary openStore(mana::LocalStore &store, const QString &path)
{
    StoreSummary summary;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        summary.error = QStringLiteral("Cannot create the data folder %1.")
                            .arg(QFileInfo(path).absolutePath());
        return summary;
    }
    if (!store.open(path, &summary.error))
        return summary;

    const mana::ModuleCatalog catalog = mana::ModuleCatalog::load();
    QStringList problems = catalog.errors;
    for (const mana::ModuleSpec &module : catalog.modules) {
        QString error;
        if (!store.addModule(module, &error)) {
            problems.append(QStringLiteral("%1: %2").arg(module.id, error));
            continue;
        }
        summary.modules.append(QVariantMap{{QStringLiteral("name"), module.nameEn},
                                           {QStringLiteral("collections"),
                                            int(module.collections.size())}});
        summary.collectionCount += int(module.collections.size());
    }
    summary.pendingCount = store.pendingChanges().count();
    if (!problems.isEmpty())
        summary.error = problems.join(QLatin1Char('\n'));
    return summary;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ManaCore"));
    QApplication::setApplicationName(QStringLiteral("ManaCore Desktop"));
    QApplication::setApplicationVersion(QStringLiteral(MANA_VERSION));

    QString message;
    int exitCode = 0;
    const auto options = mana::StartupOptions::parse(QApplication::arguments(), &message, &exitCode);
    if (!options) {
        std::fputs(qPrintable(message), exitCode == 0 ? stdout : stderr);
        return exitCode;
    }

    const QString dataDirectory = options->dataDirectory.isEmpty()
                                      ? mana::LocalStore::defaultDirectory()
                                      : options->dataDirectory;
    const QString storePath = mana::LocalStore::profilePath(dataDirectory, options->profile);

    mana::LocalStore store;
    const StoreSummary summary = openStore(store, storePath);
    if (!summary.error.isEmpty())
        qCCritical(lcApp).noquote() << "local store:" << summary.error;
    else
        qCInfo(lcApp) << "opened" << storePath;

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/")); // Qt 6.4 static QML modules
    engine.setInitialProperties({
        {QStringLiteral("profileName"), options->profile},
        {QStringLiteral("storePath"), QDir::toNativeSeparators(storePath)},
        {QStringLiteral("storeError"), summary.error},
        {QStringLiteral("modules"), summary.modules},
        {QStringLiteral("collectionCount"), summary.collectionCount},
        {QStringLiteral("pendingCount"), summary.pendingCount},
        {QStringLiteral("darkMode"), options->darkMode},
    });
    engine.load(QUrl(QStringLiteral("qrc:/ManaShell/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcApp) << "the main window failed to load";
        return 1;
    }

    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!options->screenshotPath.isEmpty() && window)
        new mana::WindowScreenshot(window, options->screenshotPath, options->screenshotDelayMs,
                                   &app);

    return QApplication::exec();
}
