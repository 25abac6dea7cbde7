// Runs tests/qml/tst_*.qml against the real shell components, with a real
// LocalStore (the module manifests and seeds) behind a ShellContext and a
// real mana::SyncStatus the tests drive through `statusDriver`.
#include "localstore.h"
#include "modulecatalog.h"
#include "moduleiconprovider.h"
#include "profilepreparer.h"
#include "shellcontext.h"
#include "shellsettings.h"
#include "syncstatus.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(ManaShellPlugin)
Q_IMPORT_QML_PLUGIN(ManaShellCorePlugin)
Q_IMPORT_QML_PLUGIN(ManaControlsPlugin)
#include "appuiplugins.h"

// An error with these words: no Session installs the words for the codes
// here (SyncStatus::setErrorText), so errorMessage is the detail as given.
mana::SyncErrorInfo errorSaying(const QString &errorMessage)
{
    return errorMessage.isEmpty() ? mana::SyncErrorInfo()
                                  : mana::syncError(mana::SyncError::Refused, errorMessage);
}

// Lets a test put a real SyncStatus in any state (set() is not invokable).
class SyncStatusDriver : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QObject *status READ status CONSTANT)
public:
    QObject *status() { return &m_status; }
    Q_INVOKABLE void set(int state, int pendingCount, const QString &errorMessage,
                         const QDateTime &lastSyncedAt)
    {
        m_status.set(mana::SyncStatus::State(state), pendingCount, errorSaying(errorMessage),
                     lastSyncedAt);
    }

    Q_INVOKABLE void setInitialSyncReceived(qint64 received)
    {
        m_status.setInitialSyncReceived(received);
    }

    // One more status in the given state, for showing several at once.
    Q_INVOKABLE QObject *createStatus(int state, int pendingCount, const QString &errorMessage,
                                      const QDateTime &lastSyncedAt)
    {
        auto *status = new mana::SyncStatus(this);
        status->set(mana::SyncStatus::State(state), pendingCount, errorSaying(errorMessage),
                    lastSyncedAt);
        return status;
    }

private:
    mana::SyncStatus m_status;
};

class Setup : public QObject
{
    Q_OBJECT
public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->addImageProvider(QStringLiteral("moduleicon"), new mana::ModuleIconProvider);

        // A fresh profile per test file, with the modules and their seeds.
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<mana::LocalStore>();
        QString error;
        if (!m_store->open(m_dir->filePath(QStringLiteral("guest.sqlite")), &error))
            qFatal("cannot open the test store: %s", qPrintable(error));
        m_catalog = mana::ModuleCatalog::load();
        const mana::ModuleCatalog &catalog = m_catalog;
        mana::prepareProfile(*m_store, catalog, true, QStringLiteral("en"), nullptr);
        m_shell = std::make_unique<mana::ShellContext>();
        m_shell->modules()->setEntries(mana::ModuleListModel::entriesFromCatalog(catalog));
        m_shell->setCatalog(&m_catalog);
        m_shell->setDataDirectory(m_dir->path());
        m_shell->setStore(m_store.get());
        m_settings =
            std::make_unique<mana::ShellSettings>(m_dir->filePath(QStringLiteral("shell.ini")));
        m_driver = std::make_unique<SyncStatusDriver>();

        engine->rootContext()->setContextProperty(QStringLiteral("testShell"), m_shell.get());
        engine->rootContext()->setContextProperty(QStringLiteral("testSettings"), m_settings.get());
        engine->rootContext()->setContextProperty(QStringLiteral("statusDriver"), m_driver.get());
        // tools/screenshots.sh sets this to collect the indicator gallery.
        engine->rootContext()->setContextProperty(QStringLiteral("screenshotDirectory"),
                                                  qEnvironmentVariable("MANA_SCREENSHOT_DIR"));
    }
    void cleanupTestCase()
    {
        m_shell.reset();
        m_store.reset();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<mana::LocalStore> m_store;
    mana::ModuleCatalog m_catalog;
    std::unique_ptr<mana::ShellContext> m_shell;
    std::unique_ptr<mana::ShellSettings> m_settings;
    std::unique_ptr<SyncStatusDriver> m_driver;
};

QUICK_TEST_MAIN_WITH_SETUP(shell_qml, Setup)
#include "tst_shell_qml.moc"
