// Session's state and the steps its public calls are made of: opening
// profiles, the engine's life, token storage and refresh. Only session.cpp
// and sessiondamaged.cpp include it.
#pragma once

#include "authclient.h"
#include "localstore.h"
#include "profiledirectory.h"
#include "secretstore.h"
#include "session.h"
#include "sessionerror.h"
#include "sessionerrortext.h"
#include "syncengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcSession)

namespace mana {
namespace sessiondetail {

inline const QUrl kDefaultServerUrl(QStringLiteral("http://127.0.0.1:3010"));
inline constexpr int kRestoreRetryMs = 30000;
inline constexpr int kRefreshBackoffStartMs = 1000;
inline constexpr int kRefreshBackoffMaxMs = 60000;
// Between the sign-in's turns: a timer, not a queued call (which Qt runs
// right after the turn before, with no input or painting in between).
inline constexpr int kSwitchTurnGapMs = 1;

inline SessionErrorInfo sessionEnded()
{
    SessionErrorInfo error;
    error.code = SessionError::Auth;
    error.auth.error = AuthError::SessionEnded;
    return error;
}

inline SessionErrorInfo sessionError(SessionError code, const QString &detail = {})
{
    SessionErrorInfo error;
    error.code = code;
    error.detail = detail;
    return error;
}

// A refresh that failed, said by the account's sync status while the engine
// cannot run.
inline SyncErrorInfo syncErrorOf(const AuthResult &result)
{
    SyncErrorInfo error;
    error.detail = result.detail;
    error.subject = result.serverUrl.toDisplayString(QUrl::RemoveUserInfo);
    error.httpStatus = result.httpStatus;
    switch (result.error) {
    case AuthError::None:
        return {};
    case AuthError::SessionEnded:
        error.code = SyncError::SessionEnded;
        break;
    case AuthError::Unreachable:
    case AuthError::NotAServerAddress:
        error.code = SyncError::Unreachable;
        break;
    case AuthError::SecureConnection:
        error.code = SyncError::SecureConnection;
        break;
    case AuthError::NotAManaServer:
        error.code = SyncError::NotASyncServer;
        break;
    case AuthError::RateLimited:
        error.code = SyncError::ServerBusy;
        error.httpStatus = 429;
        break;
    case AuthError::ServerProblem:
    case AuthError::InvalidInput:
    case AuthError::InvalidCredentials:
    case AuthError::EmailTaken:
        error.code = result.httpStatus >= 500 ? SyncError::ServerBusy : SyncError::Refused;
        error.serverText = result.serverText;
        break;
    }
    return error;
}

} // namespace sessiondetail

using namespace sessiondetail;

struct Session::Private
{
    Session *q;
    Options options;
    ProfileDirectory directory;
    ProfilePreparer preparer;
    SyncEngineConfig engineConfig;
    AuthClient *auth = nullptr;
    SecretStore *secrets = nullptr;

    std::unique_ptr<LocalStore> store;
    // Making a new account's profile file while signing in (see
    // prepareInBackground); waited for on destruction.
    std::unique_ptr<QThread> preparation;
    // The account's profile, opened and not yet shown (between the turns
    // of switchToAccount).
    std::unique_ptr<LocalStore> pendingStore;
    std::unique_ptr<SyncEngine> engine;
    QUrl serverUrl;
    bool guest = true;
    QString userId;
    QString email;
    QString refreshToken; // the latest of the rotation; kept in the keychain too
    bool refreshInFlight = false;
    // The keychain is being asked for the refresh token (restoreAccount):
    // the engine starts when it answers, so syncNow() must not call the
    // session ended meanwhile (a scripted sync right after a rebuild).
    bool readingSignIn = false;
    bool busy = false;
    bool firstStart = false;
    SessionErrorInfo error;           // errorMessage is made of it when read
    OpenErrorInfo startError;         // why start() opened no profile
    bool secureStorageFailed = false; // the keychain could not be used
    QString damagedProfile;           // see Session::damagedProfile
    bool damagedIsAccount = false;
    std::optional<AuthResult> damagedSignIn; // see Session::damagedAtSignIn
    QString keptDamagedFile;                 // see Session::keptDamagedFile
    QString keptForNextStore;                // a rebuild's kept file, said once its store is shown
    // Bumped whenever the account or its engine goes away: answers that
    // arrive for an older generation are dropped.
    quint64 generation = 0;
    QTimer restoreRetry;

    Private(Session *session, const Options &opts)
        : q(session)
        , options(opts)
        , directory(opts.dataDirectory.isEmpty() ? LocalStore::defaultDirectory()
                                                 : opts.dataDirectory)
    {}

    void setBusy(bool value)
    {
        if (busy == value)
            return;
        busy = value;
        emit q->busyChanged();
    }
    void setError(const SessionErrorInfo &next)
    {
        if (next.isError())
            qCInfo(lcSession).noquote()
                << "error shown:" << SessionErrorText::sentence(next)
                << (next.detail.isEmpty() ? QString() : QStringLiteral("(%1)").arg(next.detail));
        const bool changed = next.isError() || error.isError();
        error = next;
        if (changed)
            emit q->errorMessageChanged();
    }
    void clearError() { setError({}); }
    void setSecureStorageProblem(const SecretResult &result)
    {
        const bool failed = result.status == SecretResult::Status::Failed;
        if (failed)
            qCWarning(lcSession).noquote() << "secure storage:" << result.message;
        if (secureStorageFailed == failed)
            return;
        secureStorageFailed = failed;
        emit q->secureStorageProblemChanged();
    }

    LastProfile lastProfile() const
    {
        LastProfile profile;
        profile.isAccount = !guest;
        profile.userId = userId;
        profile.email = email;
        profile.serverUrl = serverUrl;
        return profile;
    }
    void saveLastProfile()
    {
        QString error;
        if (!directory.writeLastProfile(lastProfile(), &error))
            qCWarning(lcSession).noquote() << error;
    }

    // Opens (or creates) a profile database and lets the shell add its
    // modules; null and why (the code, its English text in detail) when
    // either fails.
    std::unique_ptr<LocalStore>
    openProfile(const QString &path, bool isAccount, OpenErrorInfo *why,
                LocalStore::PageCheck pageCheck = LocalStore::PageCheck::IfSmall)
    {
        const bool isNew = !QFile::exists(path);
        QElapsedTimer took;
        took.start();
        auto opened = std::make_unique<LocalStore>();
        if (!opened->open(path, nullptr, pageCheck)) {
            if (why)
                *why = opened->openError();
            return nullptr;
        }
        const qint64 openMs = took.restart();
        QString prepareError;
        if (preparer && !preparer(*opened, !isAccount && isNew, &prepareError)) {
            opened->close();
            if (why) {
                *why = {};
                why->code = OpenError::Other;
                why->path = path;
                why->detail = prepareError;
            }
            return nullptr;
        }
        qCInfo(lcSession) << "opened" << (isAccount ? "account" : "guest") << "profile" << path
                          << (isNew ? "(new)" : "");
        qCDebug(lcSession) << "opening took" << openMs << "ms, preparing" << took.elapsed() << "ms";
        return opened;
    }

    // Replaces the open store; the old one is closed after everyone heard
    // of the new one, so models never read a closed database.
    std::unique_ptr<LocalStore> swapStore(std::unique_ptr<LocalStore> next)
    {
        std::unique_ptr<LocalStore> previous = std::move(store);
        store = std::move(next);
        // A profile is open now: nothing damaged is shown any more, only
        // where a rebuild that made this store kept the damaged file.
        const QString kept = std::exchange(keptForNextStore, QString());
        if (!damagedProfile.isEmpty() || keptDamagedFile != kept) {
            damagedProfile.clear();
            damagedIsAccount = false;
            damagedSignIn.reset();
            keptDamagedFile = kept;
            emit q->damagedProfileChanged();
        }
        emit q->storeChanged();
        if (previous)
            previous->close();
        return previous;
    }

    void dropEngine()
    {
        ++generation;
        restoreRetry.stop();
        refreshInFlight = false;
        readingSignIn = false;
        if (!engine)
            return;
        engine->stop();
        engine.reset();
        emit q->syncEngineChanged();
    }

    // The engine of the account profile; not started until a token exists.
    void createEngine()
    {
        SyncEngineConfig config = engineConfig;
        config.serverUrl = serverUrl;
        engine = std::make_unique<SyncEngine>(store.get(), config);
        const quint64 owner = generation;
        engine->setTokenRefresher([this, owner](SyncEngine::TokenReady done) {
            refreshForEngine(owner, std::move(done), kRefreshBackoffStartMs);
        });
        emit q->syncEngineChanged();
    }

    // The status of an account whose engine cannot run yet: Offline while
    // it may still come back, Error when only a new sign-in helps.
    void showOffline(const SyncErrorInfo &why, SyncStatus::State state = SyncStatus::State::Offline)
    {
        if (!engine || engine->isRunning())
            return;
        engine->status()->set(state, store->pendingChanges().count(), why, {});
    }

    void storeRefreshToken(const QString &token)
    {
        refreshToken = token;
        const quint64 owner = generation;
        secrets->write(userId, token, [this, owner](const SecretResult &result) {
            if (owner != generation)
                return;
            setSecureStorageProblem(result);
        });
    }

    void forgetTokens(const QString &accountId)
    {
        refreshToken.clear();
        secrets->remove(accountId, [](const SecretResult &result) {
            if (!result.ok())
                qCWarning(lcSession).noquote() << "could not delete tokens:" << result.message;
        });
    }

    // The engine's callback on a refused access token. Network trouble is
    // retried with backoff (the token is still good); only the server saying
    // the refresh token is over ends the session.
    void refreshForEngine(quint64 owner, SyncEngine::TokenReady done, int backoffMs)
    {
        if (owner != generation || refreshToken.isEmpty()) {
            if (owner == generation)
                done(QString(), 0);
            return;
        }
        auth->setServerUrl(serverUrl);
        auth->refresh(refreshToken, [this, owner, done, backoffMs](const AuthResult &result) {
            if (owner != generation)
                return;
            if (result.ok()) {
                storeRefreshToken(result.refreshToken);
                done(result.accessToken, int(result.expiresInSeconds));
                return;
            }
            if (result.error == AuthError::SessionEnded) {
                forgetTokens(userId);
                setError(sessionEnded());
                done(QString(), 0);
                return;
            }
            qCInfo(lcSession).noquote()
                << "token refresh failed, retrying:" << int(result.error) << result.detail;
            QTimer::singleShot(backoffMs, q, [this, owner, done, backoffMs] {
                refreshForEngine(owner, done, std::min(backoffMs * 2, kRefreshBackoffMaxMs));
            });
        });
    }

    // After a restart: trade the stored refresh token for an access token
    // and start syncing; on failure the account stays open, offline.
    void refreshAndStart()
    {
        if (refreshInFlight || guest || refreshToken.isEmpty())
            return;
        refreshInFlight = true;
        restoreRetry.stop();
        const quint64 owner = generation;
        auth->setServerUrl(serverUrl);
        auth->refresh(refreshToken, [this, owner](const AuthResult &result) {
            if (owner != generation)
                return;
            refreshInFlight = false;
            if (result.ok()) {
                storeRefreshToken(result.refreshToken);
                engine->setAccessToken(result.accessToken, int(result.expiresInSeconds));
                engine->start();
                // The per-app statuses exist now: bindings to appSyncStatus() re-read.
                emit q->syncEngineChanged();
                clearError();
                return;
            }
            if (result.error == AuthError::SessionEnded) {
                forgetTokens(userId);
                setError(sessionEnded());
                showOffline(syncErrorOf(result), SyncStatus::State::Error);
                return;
            }
            showOffline(syncErrorOf(result));
            restoreRetry.start(kRestoreRetryMs);
        });
    }

    void restoreAccount()
    {
        showOffline(syncError(SyncError::SigningIn));
        const quint64 owner = generation;
        readingSignIn = true;
        secrets->read(userId, [this, owner](const SecretResult &result) {
            if (owner != generation)
                return;
            readingSignIn = false;
            if (result.ok() && !result.secret.isEmpty()) {
                setSecureStorageProblem(result);
                refreshToken = result.secret;
                refreshAndStart();
                return;
            }
            if (result.status == SecretResult::Status::Failed)
                setSecureStorageProblem(result);
            SessionErrorInfo notFound = sessionError(SessionError::SignInNotFound, result.message);
            notFound.email = email;
            setError(notFound);
            SyncErrorInfo status = syncError(SyncError::SignInNotFound, result.message);
            status.subject = email;
            showOffline(status, SyncStatus::State::Error);
        });
    }

    // start() could not open `path` (sessiondamaged.cpp): when the file is
    // damaged, remembers it for the window (and, for an account, opens the
    // account without a store, for rebuildDamagedProfile()).
    void noteDamagedProfile(const QString &path, LocalStore::OpenFailure failure,
                            const LastProfile *account);
    // switchToAccount could not open the account's `path`: when it is
    // damaged, holds the sign-in for rebuildDamagedProfile() and returns true.
    bool holdSignInForRebuild(const AuthResult &login, const QString &path,
                              LocalStore::OpenFailure failure);

    void completeSignIn(const AuthResult &login);
    // What the sign-in's thread did before the switch.
    struct BackgroundPreparation
    {
        bool opened = false;  // the profile opened (its pages checked) and was prepared
        bool adopted = false; // the guest's records were copied, as `adoption` says
        AdoptionReport adoption;
    };
    // On a thread: opens (or creates) the profile at `path` and prepares it
    // and, with a `guestPath`, copies the guest's records into it; then
    // runs `then` on the GUI thread.
    void prepareInBackground(const QString &path, const QString &guestPath,
                             std::function<void(const BackgroundPreparation &)> then);
    void switchToAccount(const AuthResult &login, const BackgroundPreparation &prepared);
    void moveToAccount(const AuthResult &login, const BackgroundPreparation &prepared);
    // `adoption`: what moved from the guest profile (none when an account
    // replaced another).
    void startAccount(const AuthResult &login, const std::optional<AdoptionReport> &adoption);
};

} // namespace mana
