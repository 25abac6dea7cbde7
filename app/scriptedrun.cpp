#include "scriptedrun.h"

#include "collection.h"
#include "eventloopwatchdog.h"
#include "localstore.h"
#include "recordimport.h"
#include "session.h"
#include "syncstatus.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <cstdio>

Q_LOGGING_CATEGORY(lcScript, "mana.app.script")

namespace mana {

ScriptedRun::ScriptedRun(Session *session, const StartupOptions &options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_options(options)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail((m_options.quitWhenSynced ? QStringLiteral("Not synced after %1 ms.")
                                       : QStringLiteral("Not done after %1 ms."))
                 .arg(m_options.syncTimeoutMs));
    });
}

ScriptedRun::~ScriptedRun() = default;

void ScriptedRun::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    // pull_longest_block_ms covers the run from here (see succeed()).
    if (EventLoopWatchdog *watchdog = EventLoopWatchdog::instance())
        watchdog->reset();
    m_timeout.start(m_options.syncTimeoutMs);
    // Where a rebuild kept the damaged file, for scripts (at start or at
    // the sign-in, whichever found it).
    connect(m_session, &Session::damagedProfileChanged, this, [this] {
        if (m_session->keptDamagedFile().isEmpty())
            return;
        std::printf("kept %s\n", qPrintable(m_session->keptDamagedFile()));
        std::fflush(stdout);
    });
    // Queued: fail() quits the event loop, which must be running by then.
    QMetaObject::invokeMethod(this, &ScriptedRun::readImportFileStep, Qt::QueuedConnection);
}

void ScriptedRun::readImportFileStep()
{
    // Before anything else, so a malformed file stops the run before a
    // sign-in or a record was written.
    if (!m_options.importRecordsPath.isEmpty()) {
        m_import = std::make_unique<RecordImport>();
        QString error;
        if (!m_import->load(m_options.importRecordsPath, &error)) {
            fail(error);
            return;
        }
    }
    rebuildStep();
}

void ScriptedRun::rebuildStep()
{
    const QString damaged = m_session->damagedProfile();
    if (!m_options.rebuildDamagedProfile || damaged.isEmpty()) {
        if (m_options.rebuildDamagedProfile)
            qCInfo(lcScript) << "the profile is not damaged: nothing to rebuild";
        signOutStep();
        return;
    }
    if (m_session->isGuest()) {
        fail(QStringLiteral("The guest profile %1 is damaged and was left untouched; guest data "
                            "has no copy on a server to rebuild it from.")
                 .arg(damaged));
        return;
    }
    qCInfo(lcScript).noquote() << "rebuilding the damaged profile" << damaged;
    if (!m_session->rebuildDamagedProfile()) {
        fail(m_session->errorMessage());
        return;
    }
    signOutStep();
}

void ScriptedRun::signOutStep()
{
    if (!m_options.signOut || m_session->isGuest()) {
        signInStep();
        return;
    }
    qCInfo(lcScript) << "signing out" << m_session->email();
    // Sign-out ends (busy off) once the tokens are removed.
    auto *connection = new QMetaObject::Connection;
    *connection = connect(m_session, &Session::busyChanged, this, [this, connection] {
        if (m_session->isBusy())
            return;
        disconnect(*connection);
        delete connection;
        if (!m_session->isGuest()) {
            fail(QStringLiteral("Signing out failed: %1").arg(m_session->errorMessage()));
            return;
        }
        signInStep();
    });
    m_session->signOut();
}

void ScriptedRun::signInStep()
{
    // Every later step needs an open profile.
    if (const QString damaged = m_session->damagedProfile(); !damaged.isEmpty()) {
        fail(m_session->isGuest()
                 ? QStringLiteral("The guest profile %1 is damaged and was left untouched.")
                       .arg(damaged)
                 : QStringLiteral("The profile %1 is damaged; --rebuild-damaged-profile moves it "
                                  "aside and downloads the account's data again.")
                       .arg(damaged));
        return;
    }
    const bool signUp = !m_options.signUpEmail.isEmpty();
    const QString email = signUp ? m_options.signUpEmail : m_options.signInEmail;
    if (email.isEmpty()) {
        addRecordsStep();
        return;
    }
    const QString password = qEnvironmentVariable("MANA_PASSWORD");
    if (password.isEmpty()) {
        fail(QStringLiteral("Set MANA_PASSWORD to the password for %1.").arg(email));
        return;
    }
    connect(m_session, &Session::signedIn, this, &ScriptedRun::addRecordsStep,
            Qt::SingleShotConnection);
    // A failed attempt ends with busy off and a sentence in errorMessage.
    auto failedAttempt = [this] {
        if (!m_session->isBusy() && m_session->isGuest() && !m_session->errorMessage().isEmpty())
            fail(m_session->errorMessage());
    };
    connect(m_session, &Session::busyChanged, this, failedAttempt);
    connect(m_session, &Session::errorMessageChanged, this, failedAttempt);
    // The account's file on this computer is damaged: the sign-in waits
    // for the window's choice, which --rebuild-damaged-profile makes.
    connect(m_session, &Session::damagedProfileChanged, this, [this] {
        if (!m_session->damagedAtSignIn())
            return;
        if (!m_options.rebuildDamagedProfile) {
            fail(QStringLiteral("The profile %1 of this account is damaged; "
                                "--rebuild-damaged-profile moves it aside and downloads the "
                                "account's data again.")
                     .arg(m_session->damagedProfile()));
            return;
        }
        if (!m_session->rebuildDamagedProfile())
            fail(m_session->errorMessage());
    });
    qCInfo(lcScript).noquote() << (signUp ? "signing up" : "signing in") << email;
    if (signUp)
        m_session->signUp(email, password);
    else
        m_session->signIn(email, password);
}

void ScriptedRun::addRecordsStep()
{
    if (m_finished)
        return;
    // The sign-in's switch to the account profile is one block of its own
    // (opening, preparing, the views re-reading): this window leaves it out
    // and measures what the pull does after it.
    if (EventLoopWatchdog *watchdog = EventLoopWatchdog::instance())
        m_afterSignInBlocks = watchdog->openWindow();
    for (const QString &record : std::as_const(m_options.addRecords)) {
        const qsizetype space = record.indexOf(u' ');
        const QString target = record.left(space);
        const QString appId = target.section(u'/', 0, 0);
        const QString wireName = target.section(u'/', 1);
        Collection *collection =
            m_session->store() ? m_session->store()->collection(appId, wireName) : nullptr;
        if (!collection) {
            fail(QStringLiteral("There is no collection %1.").arg(target));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument json =
            QJsonDocument::fromJson(record.mid(space + 1).toUtf8(), &parseError);
        if (!json.isObject()) {
            fail(QStringLiteral("The record for %1 is not a JSON object: %2")
                     .arg(target, parseError.errorString()));
            return;
        }
        const WriteResult written = collection->insert(json.object());
        if (!written) {
            fail(QStringLiteral("Cannot write to %1: %2").arg(target, written.error));
            return;
        }
        std::printf("added %s %s\n", qPrintable(target), qPrintable(written.id));
        std::fflush(stdout);
    }
    importStep();
}

void ScriptedRun::importStep()
{
    if (m_finished)
        return;
    if (!m_import) {
        waitForSyncStep();
        return;
    }
    LocalStore *store = m_session->store();
    if (!store) {
        fail(QStringLiteral("No profile is open to import %1 into.")
                 .arg(m_options.importRecordsPath));
        return;
    }
    // The timeout waits for the server; a local import takes as long as its
    // size does, so its time is not counted.
    const int timeoutLeftMs = qMax(1, m_timeout.remainingTime());
    m_timeout.stop();
    EventLoopWatchdog *watchdog = EventLoopWatchdog::instance();
    std::shared_ptr<const BlockWindow> blocks = watchdog ? watchdog->openWindow() : nullptr;
    QElapsedTimer importTime;
    importTime.start();
    connect(m_import.get(), &RecordImport::collectionImported, this,
            [](const QString &target, int count) {
                std::printf("imported %d %s\n", count, qPrintable(target));
                std::fflush(stdout);
            });
    connect(m_import.get(), &RecordImport::failed, this, &ScriptedRun::fail);
    connect(m_import.get(), &RecordImport::finished, this,
            [this, blocks, importTime, timeoutLeftMs] {
                if (blocks) {
                    std::printf("import_ms=%lld\nimport_longest_block_ms=%lld\n",
                                static_cast<long long>(importTime.elapsed()),
                                static_cast<long long>(blocks->longestBlockMs()));
                    std::fflush(stdout);
                }
                m_timeout.start(timeoutLeftMs);
                waitForSyncStep();
            });
    qCInfo(lcScript).noquote() << "importing" << m_options.importRecordsPath;
    QString error;
    if (!m_import->start(store, &error))
        fail(error);
}

void ScriptedRun::waitForSyncStep()
{
    if (!m_options.quitWhenSynced) {
        succeed();
        return;
    }
    SyncStatus *status = m_session->syncStatus();
    if (m_session->isGuest() || !status) {
        fail(QStringLiteral("Not signed in: a guest profile has nothing to sync."));
        return;
    }
    connect(status, &SyncStatus::changed, this, &ScriptedRun::checkSynced);
    m_session->syncNow();
    checkSynced();
}

void ScriptedRun::checkSynced()
{
    const SyncStatus *status = m_session->syncStatus();
    if (!status || m_finished)
        return;
    if (status->state() == SyncStatus::State::Error) {
        fail(status->errorMessage());
        return;
    }
    // Synced, and a sync finished after this run began (not a stale state).
    if (status->state() == SyncStatus::State::Synced && status->pendingCount() == 0 &&
        status->lastSyncedAt().isValid() && status->lastSyncedAt() >= m_startedAt)
        succeed();
}

void ScriptedRun::fail(const QString &sentence)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    std::fprintf(stderr, "manacore: %s\n", qPrintable(sentence));
    finish(1);
}

void ScriptedRun::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    if (m_options.quitWhenSynced) {
        if (const EventLoopWatchdog *watchdog = EventLoopWatchdog::instance()) {
            std::printf("pull_after_sign_in_longest_block_ms=%lld\npull_longest_block_ms=%lld\n",
                        static_cast<long long>(m_afterSignInBlocks
                                                   ? m_afterSignInBlocks->longestBlockMs()
                                                   : watchdog->longestBlockMs()),
                        static_cast<long long>(watchdog->longestBlockMs()));
        }
    }
    std::printf(m_options.quitWhenSynced ? "synced\n" : "done\n");
    std::fflush(stdout);
    finish(0);
}

void ScriptedRun::finish(int exitCode)
{
    if (m_quitWhenFinished)
        QCoreApplication::exit(exitCode);
    emit finished(exitCode);
}

} // namespace mana
