#include "session.h"

#include "session_p.h"

#include <QElapsedTimer>
#include <QQmlEngine>
#include <QSysInfo>
#include <QThread>

Q_LOGGING_CATEGORY(lcSession, "mana.session")

namespace mana {

namespace {

SessionErrorInfo refused(const AuthResult &result)
{
    SessionErrorInfo error = sessionError(SessionError::Auth, result.detail);
    error.auth = result;
    return error;
}

} // namespace

Session::Session(const Options &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, options))
{
    // Every sync status says its error in the window's language.
    SyncStatus::setErrorText(&SessionErrorText::syncSentence);
    d->auth = new AuthClient(this);
    d->auth->setTimeoutMs(options.networkTimeoutMs);
    const bool plainFileAllowed =
        options.allowPlainTokenFile || qEnvironmentVariable("MANA_ALLOW_PLAIN_TOKEN_FILE") == "1";
    if (plainFileAllowed)
        d->secrets = new PlainFileSecretStore(d->directory.plainTokenFilePath(), this);
    else
        d->secrets = new KeychainSecretStore(this);
    d->restoreRetry.setSingleShot(true);
    connect(&d->restoreRetry, &QTimer::timeout, this, [this] { d->refreshAndStart(); });
}

Session::~Session()
{
    if (d->preparation)
        d->preparation->wait();
    ++d->generation;
    if (d->engine)
        d->engine->stop();
    d->engine.reset();
    // Their pending callbacks point into d: they must go first.
    delete d->auth;
    delete d->secrets;
    if (d->pendingStore)
        d->pendingStore->close();
    if (d->store)
        d->store->close();
}

void Session::setProfilePreparer(ProfilePreparer preparer)
{
    d->preparer = std::move(preparer);
}

void Session::setSyncEngineConfig(const SyncEngineConfig &config)
{
    d->engineConfig = config;
}

bool Session::start(QString *error)
{
    if (d->store)
        return true;
    d->startError = {};
    QString folderError;
    if (!d->directory.ensureExists(&folderError)) {
        d->startError.code = OpenError::FolderNotCreated;
        d->startError.path = d->directory.directory();
        d->startError.detail = folderError;
        if (error)
            *error = folderError;
        return false;
    }
    bool stateExists = false;
    const LastProfile last = d->directory.readLastProfile(&stateExists);
    d->serverUrl = !d->options.serverUrl.isEmpty()                         ? d->options.serverUrl
                   : last.serverUrl.isValid() && !last.serverUrl.isEmpty() ? last.serverUrl
                                                                           : kDefaultServerUrl;
    auto failed = [&] {
        if (error)
            *error = d->startError.detail;
        return false;
    };
    if (last.isAccount) {
        const QString accountPath = d->directory.accountDatabasePath(last.userId);
        d->store = d->openProfile(accountPath, true, &d->startError);
        if (!d->store) {
            d->noteDamagedProfile(accountPath, LocalStore::openFailureOf(d->startError.code),
                                  &last);
            return failed();
        }
        d->guest = false;
        d->userId = last.userId;
        d->email = last.email;
        d->createEngine();
        emit accountChanged();
        emit storeChanged();
        // Every pull would fail to store its changes: the engine stays off
        // and the indicator says why (the window says it too).
        if (d->store->isReadOnly()) {
            d->showOffline(syncError(SyncError::ReadOnlyProfile), SyncStatus::State::Error);
            return true;
        }
        d->restoreAccount();
        return true;
    }
    const QString guestPath = d->directory.guestDatabasePath();
    d->firstStart = !QFile::exists(guestPath);
    d->store = d->openProfile(guestPath, false, &d->startError);
    if (!d->store) {
        d->noteDamagedProfile(guestPath, LocalStore::openFailureOf(d->startError.code), nullptr);
        return failed();
    }
    if (!stateExists || d->options.serverUrl != last.serverUrl)
        d->saveLastProfile();
    emit storeChanged();
    return true;
}

bool Session::isFirstStart() const
{
    return d->firstStart;
}

LocalStore *Session::store() const
{
    return d->store.get();
}

SyncEngine *Session::syncEngine() const
{
    return d->engine.get();
}

SyncStatus *Session::appSyncStatus(const QString &appId) const
{
    if (!d->engine)
        return nullptr;
    // Before the engine runs (signing in, server unreachable at start) there
    // are no per-app statuses: every app shows the account's overall one.
    SyncStatus *status = d->engine->appStatus(appId);
    if (!status)
        status = d->engine->status();
    // The engine owns it. Without this, QML takes ownership of an object a
    // Q_INVOKABLE returns without a parent and deletes it on collection.
    if (status)
        QQmlEngine::setObjectOwnership(status, QQmlEngine::CppOwnership);
    return status;
}

bool Session::isGuest() const
{
    return d->guest;
}

QString Session::email() const
{
    return d->email;
}

QString Session::serverUrl() const
{
    return (d->serverUrl.isEmpty() ? kDefaultServerUrl : d->serverUrl).toString();
}

void Session::setServerUrl(const QString &url)
{
    const QUrl next = QUrl::fromUserInput(url.trimmed());
    if (next == d->serverUrl || url.trimmed().isEmpty())
        return;
    // It applies to the next sign-in; a running engine keeps its server.
    d->serverUrl = next;
    d->saveLastProfile();
    emit serverUrlChanged();
}

bool Session::isBusy() const
{
    return d->busy;
}

QString Session::errorMessage() const
{
    return SessionErrorText::sentence(d->error);
}

SessionError Session::errorCode() const
{
    return d->error.code;
}

const OpenErrorInfo &Session::openError() const
{
    return d->startError;
}

void Session::retranslate()
{
    if (d->error.isError())
        emit errorMessageChanged();
    if (d->secureStorageFailed)
        emit secureStorageProblemChanged();
    if (!d->engine)
        return;
    d->engine->status()->retranslate();
    for (const QString &appId : d->engine->appIds()) {
        if (SyncStatus *status = d->engine->appStatus(appId))
            status->retranslate();
    }
}

SyncStatus *Session::syncStatus() const
{
    return d->engine ? d->engine->status() : nullptr;
}

QString Session::profilePath() const
{
    return d->store ? d->store->filePath() : QString();
}

QString Session::dataDirectory() const
{
    return d->directory.directory();
}

QString Session::secureStorageProblem() const
{
    return d->secureStorageFailed ? SecretStore::noSecureStorageSentence() : QString();
}

void Session::signIn(const QString &email, const QString &password)
{
    if (d->busy || !d->store)
        return;
    d->clearError();
    d->setBusy(true);
    d->auth->setServerUrl(d->serverUrl);
    d->auth->login(email, password, d->store->clientId(), QSysInfo::machineHostName(),
                   [this](const AuthResult &result) {
                       if (!result.ok()) {
                           d->setError(refused(result));
                           d->setBusy(false);
                           return;
                       }
                       d->completeSignIn(result);
                   });
}

void Session::signUp(const QString &email, const QString &password)
{
    if (d->busy || !d->store)
        return;
    d->clearError();
    d->setBusy(true);
    d->auth->setServerUrl(d->serverUrl);
    d->auth->registerAccount(email, password, [this, email, password](const AuthResult &result) {
        if (!result.ok()) {
            d->setError(refused(result));
            d->setBusy(false);
            return;
        }
        // Register gives no tokens: the client logs in next (PROTOCOL.md).
        d->auth->login(email, password, d->store->clientId(), QSysInfo::machineHostName(),
                       [this](const AuthResult &login) {
                           if (!login.ok()) {
                               d->setError(refused(login));
                               d->setBusy(false);
                               return;
                           }
                           d->completeSignIn(login);
                       });
    });
}

void Session::Private::completeSignIn(const AuthResult &login)
{
    if (!guest && login.userId == userId) {
        // The same account again (its session had ended): new tokens only.
        dropEngine();
        email = login.email.isEmpty() ? email : login.email;
        createEngine();
        storeRefreshToken(login.refreshToken);
        engine->setAccessToken(login.accessToken, int(login.expiresInSeconds));
        engine->start();
        saveLastProfile();
        emit q->accountChanged();
        setBusy(false);
        emit q->signedIn();
        return;
    }

    // What grows with the data runs on a thread of its own first: a new
    // profile's tables (every module's collections with their indexes and
    // full-text indexes: 85 ms) and the copy of the guest's records into
    // the account (about 0.2 ms a record). The GUI thread then only opens
    // the profile and copies what the guest wrote meanwhile.
    const QString accountPath = directory.accountDatabasePath(login.userId);
    if (preparer && (guest || !QFile::exists(accountPath))) {
        prepareInBackground(accountPath, guest ? directory.guestDatabasePath() : QString(),
                            [this, login](const BackgroundPreparation &prepared) {
                                switchToAccount(login, prepared);
                            });
        return;
    }
    switchToAccount(login, {});
}

void Session::Private::prepareInBackground(const QString &path, const QString &guestPath,
                                           std::function<void(const BackgroundPreparation &)> then)
{
    const ProfilePreparer prepare = preparer;
    auto result = std::make_shared<BackgroundPreparation>();
    QElapsedTimer took;
    took.start();
    preparation.reset(QThread::create([path, guestPath, prepare, result] {
        // A failure here is only logged: the GUI thread opens the account's
        // file next and says so in the window, and adopts the guest's
        // records itself.
        LocalStore account;
        QString error;
        if (!account.open(path, &error) || !prepare(account, false, &error)) {
            qCWarning(lcSession).noquote() << "preparing" << path << "failed:" << error;
            return;
        }
        result->opened = true;
        if (guestPath.isEmpty())
            return;
        // A second connection to the guest's file, which stays open (and
        // writable) on the GUI thread meanwhile.
        LocalStore guest;
        if (!guest.open(guestPath, &error) || !prepare(guest, false, &error)) {
            qCWarning(lcSession).noquote() << "reading" << guestPath << "failed:" << error;
            return;
        }
        result->adoption = adoptGuestRecords(guest, account);
        result->adopted = true;
    }));
    preparation->setObjectName(QStringLiteral("profile-preparation"));
    QObject::connect(preparation.get(), &QThread::finished, q,
                     [this, took, result, then = std::move(then)] {
                         // finished() comes just before the thread's end.
                         preparation->wait();
                         preparation.release()->deleteLater();
                         qCDebug(lcSession) << "sign-in: profile prepared in the background in"
                                            << took.elapsed() << "ms";
                         then(*result);
                     });
    preparation->start();
}

void Session::Private::switchToAccount(const AuthResult &login,
                                       const BackgroundPreparation &prepared)
{
    // The switch takes three turns of the event loop, each well under the
    // 50 ms a person notices, so the window keeps drawing: open the
    // account's profile; move the guest's records into it and the views
    // onto it; start syncing. The middle one must be one turn: a write to
    // the guest profile between the move and the swap would be left behind.
    // The steps' times are in the debug log (mana.session).
    QElapsedTimer took;
    took.start();
    OpenErrorInfo why;
    const QString accountPath = directory.accountDatabasePath(login.userId);
    // The thread read every page of the file a moment ago.
    pendingStore =
        openProfile(accountPath, true, &why,
                    prepared.opened ? LocalStore::PageCheck::Skip : LocalStore::PageCheck::IfSmall);
    qCDebug(lcSession) << "sign-in: account profile opened in" << took.elapsed() << "ms";
    if (!pendingStore &&
        holdSignInForRebuild(login, accountPath, LocalStore::openFailureOf(why.code)))
        return;
    if (!pendingStore) {
        SessionErrorInfo notOpened = sessionError(SessionError::AccountNotOpened, why.detail);
        notOpened.open = why;
        setError(notOpened);
        auth->logout(login.refreshToken, [](const AuthResult &) {});
        setBusy(false);
        return;
    }
    QTimer::singleShot(kSwitchTurnGapMs, q,
                       [this, login, prepared] { moveToAccount(login, prepared); });
}

void Session::Private::moveToAccount(const AuthResult &login, const BackgroundPreparation &prepared)
{
    QElapsedTimer took;
    took.start();
    std::unique_ptr<LocalStore> account = std::move(pendingStore);
    const bool wasGuest = guest;
    AdoptionReport adoption;
    if (wasGuest && prepared.adopted) {
        // Only what the guest wrote since the thread's copy.
        const AdoptionReport since =
            adoptGuestRecords(*store, *account, prepared.adoption.lastSequence);
        adoption = prepared.adoption;
        adoption.adopted += since.adopted;
        adoption.skipped += since.skipped;
        adoption.problems += since.problems;
    } else if (wasGuest) {
        adoption = adoptGuestRecords(*store, *account);
    } else if (!refreshToken.isEmpty()) {
        // Switching accounts: the previous one signs out.
        auth->logout(refreshToken, [](const AuthResult &) {});
        forgetTokens(userId);
    }
    const qint64 adoptMs = took.restart();

    dropEngine();
    guest = false;
    userId = login.userId;
    email = login.email;
    swapStore(std::move(account));
    qCDebug(lcSession) << "sign-in: guest records adopted in" << adoptMs
                       << "ms, views moved to the account in" << took.elapsed() << "ms";
    QTimer::singleShot(kSwitchTurnGapMs, q, [this, login, wasGuest, adoption] {
        startAccount(login, wasGuest ? std::optional(adoption) : std::nullopt);
    });
}

void Session::Private::startAccount(const AuthResult &login,
                                    const std::optional<AdoptionReport> &adoption)
{
    QElapsedTimer took;
    took.start();
    createEngine();
    storeRefreshToken(login.refreshToken);
    engine->setAccessToken(login.accessToken, int(login.expiresInSeconds));
    engine->start();
    saveLastProfile();

    if (adoption) {
        const QString guestPath = directory.guestDatabasePath();
        QString removeError;
        if (!adoption->complete()) {
            // Keeping the guest file loses nothing: the next sign-in tries
            // again and skips what already moved.
            qCWarning(lcSession).noquote()
                << "guest data kept at" << guestPath
                << "because not every record moved:" << adoption->problems.join(u' ');
        } else if (!ProfileDirectory::removeDatabase(guestPath, &removeError)) {
            qCWarning(lcSession).noquote() << removeError;
        }
    }
    emit q->accountChanged();
    setBusy(false);
    emit q->signedIn();
    qCDebug(lcSession) << "sign-in: sync started and views told in" << took.elapsed() << "ms";
}

void Session::signOut()
{
    if (d->busy || d->guest)
        return;
    d->setBusy(true);
    d->clearError();
    const QString accountId = d->userId;
    const QString token = d->refreshToken;
    d->dropEngine();

    OpenErrorInfo why;
    // The guest file is normally gone (adopted at sign-in): a new one with
    // seeds. One that is still there kept records that did not move; it is
    // opened as it is.
    std::unique_ptr<LocalStore> guestStore =
        d->openProfile(d->directory.guestDatabasePath(), false, &why);
    if (!guestStore) {
        SessionErrorInfo notOpened = sessionError(SessionError::GuestNotOpened, why.detail);
        notOpened.open = why;
        d->setError(notOpened);
        d->createEngine();
        d->showOffline(syncError(SyncError::SignOutFailed, why.detail));
        d->setBusy(false);
        return;
    }
    if (!token.isEmpty()) {
        d->auth->setServerUrl(d->serverUrl);
        d->auth->logout(token, [](const AuthResult &result) {
            if (!result.ok())
                qCInfo(lcSession).noquote()
                    << "server logout:" << int(result.error) << result.detail;
        });
    }
    d->refreshToken.clear();
    d->guest = true;
    d->userId.clear();
    d->email.clear();
    d->swapStore(std::move(guestStore));
    d->saveLastProfile();
    emit accountChanged();
    d->secrets->remove(accountId, [this](const SecretResult &result) {
        d->setSecureStorageProblem(result);
        d->setBusy(false);
        emit signedOut();
    });
}

void Session::syncNow()
{
    if (d->guest || !d->engine)
        return;
    if (d->engine->isRunning()) {
        d->engine->syncNow();
        return;
    }
    if (d->readingSignIn)
        return; // the engine starts (and syncs) once the keychain answers
    if (d->refreshToken.isEmpty()) {
        d->setError(sessionEnded());
        return;
    }
    d->refreshAndStart();
}

void Session::clearError()
{
    d->clearError();
}

bool Session::resetGuestData()
{
    if (!d->guest || d->busy || !d->store) {
        d->setError(sessionError(SessionError::OnlyGuestReset));
        return false;
    }
    const QString path = d->directory.guestDatabasePath();
    d->store->close();
    QString error;
    if (!ProfileDirectory::removeDatabase(path, &error)) {
        SessionErrorInfo notRemoved = sessionError(SessionError::GuestNotRemoved, error);
        notRemoved.path = path;
        d->setError(notRemoved);
        // The file is still there: reopen it so the shell keeps working.
        auto reopened = d->openProfile(path, false, nullptr);
        if (reopened)
            d->swapStore(std::move(reopened));
        return false;
    }
    OpenErrorInfo why;
    auto fresh = d->openProfile(path, false, &why);
    if (!fresh) {
        SessionErrorInfo notCreated = sessionError(SessionError::GuestNotCreated, why.detail);
        notCreated.open = why;
        d->setError(notCreated);
        return false;
    }
    d->clearError();
    d->swapStore(std::move(fresh));
    return true;
}

} // namespace mana

// The moc output needs SyncStatus complete; session.h only declares it.
#include "moc_session.cpp"
