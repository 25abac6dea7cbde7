#include "scriptedrun.h"

#include "collection.h"
#include "localstore.h"
#include "session.h"
#include "syncstatus.h"

#include <QCoreApplication>
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
        fail(QStringLiteral("Not synced after %1 ms.").arg(m_options.syncTimeoutMs));
    });
}

void ScriptedRun::start()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_timeout.start(m_options.syncTimeoutMs);
    QMetaObject::invokeMethod(this, &ScriptedRun::signOutStep, Qt::QueuedConnection);
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
    waitForSyncStep();
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
    QCoreApplication::exit(1);
}

void ScriptedRun::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    std::printf(m_options.quitWhenSynced ? "synced\n" : "done\n");
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace mana
