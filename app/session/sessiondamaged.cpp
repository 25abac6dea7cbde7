// A profile file found damaged: reported for a guest (whose data exists
// nowhere else), and for an account offered to be moved aside and rebuilt
// from the server, at start or while signing in. See
// docs/damaged-database.md.
#include "session.h"

#include "session_p.h"

#include <QDateTime>

namespace mana {

void Session::Private::noteDamagedProfile(const QString &path, LocalStore::OpenFailure failure,
                                          const LastProfile *account)
{
    // Locked, read-only, a newer schema: the file is sound, and a rebuild
    // would set a good file aside. Those keep the banner with their reason.
    if (failure != LocalStore::OpenFailure::Damaged)
        return;
    damagedProfile = path;
    damagedIsAccount = account != nullptr;
    if (account) {
        // The account is open without a store: its sign-in stays in the
        // keychain, the engine starts once a rebuilt profile exists.
        guest = false;
        userId = account->userId;
        email = account->email;
        qCWarning(lcSession).noquote()
            << "the profile of" << email
            << "is damaged; offering to rebuild it from the server:" << path;
        emit q->accountChanged();
    } else {
        qCWarning(lcSession).noquote()
            << "the guest profile is damaged and was left untouched:" << path;
    }
    emit q->damagedProfileChanged();
}

bool Session::Private::holdSignInForRebuild(const AuthResult &login, const QString &path,
                                            LocalStore::OpenFailure failure)
{
    if (failure != LocalStore::OpenFailure::Damaged)
        return false;
    // The previous profile (the guest's, or another account's) stays open
    // and nothing was adopted yet: the rebuild goes on with this sign-in.
    damagedProfile = path;
    damagedIsAccount = true;
    damagedSignIn = login;
    qCWarning(lcSession).noquote() << "signing in" << login.email
                                   << "found the account's profile damaged; offering to rebuild "
                                      "it from the server:"
                                   << path;
    setBusy(false);
    emit q->damagedProfileChanged();
    return true;
}

QString Session::damagedProfile() const
{
    return d->damagedProfile;
}

bool Session::damagedProfileIsAccount() const
{
    return d->damagedIsAccount;
}

bool Session::damagedAtSignIn() const
{
    return d->damagedSignIn.has_value();
}

QString Session::keptDamagedFile() const
{
    return d->keptDamagedFile;
}

bool Session::rebuildDamagedProfile()
{
    // At start the account has no store; at sign-in the previous one is
    // still open. Either way nothing holds the damaged file.
    const bool atSignIn = d->damagedSignIn.has_value();
    if (d->damagedProfile.isEmpty() || !d->damagedIsAccount || d->busy || (!atSignIn && d->store)) {
        d->setError(sessionError(SessionError::OnlyDamagedRebuilt));
        return false;
    }
    const QString path = d->damagedProfile;
    QString kept;
    QString error;
    if (!ProfileDirectory::moveDatabaseAside(path, QDateTime::currentDateTime(), &kept, &error)) {
        SessionErrorInfo notMoved = sessionError(SessionError::NotMovedAside, error);
        notMoved.path = path;
        d->setError(notMoved);
        return false;
    }
    qCInfo(lcSession).noquote() << "rebuilding the profile of"
                                << (atSignIn ? d->damagedSignIn->email : d->email)
                                << "from the server; the damaged file is kept as" << kept;
    d->clearError();
    // Said once the fresh store is shown (swapStore).
    d->keptForNextStore = kept;
    if (atSignIn) {
        // The sign-in goes on as for an account new to this computer: a
        // fresh file prepared on its thread, the guest's records adopted.
        const AuthResult login = *std::exchange(d->damagedSignIn, std::nullopt);
        d->damagedProfile.clear();
        d->damagedIsAccount = false;
        emit damagedProfileChanged();
        d->setBusy(true);
        d->completeSignIn(login);
        return true;
    }
    // A new file gets a new client id: the queue of the damaged file is
    // gone, and with a new id the server's full resync cannot leave out
    // what this device pushed before (PROTOCOL.md sends a client only
    // other clients' changes).
    OpenErrorInfo why;
    std::unique_ptr<LocalStore> fresh = d->openProfile(path, true, &why);
    if (!fresh) {
        d->keptForNextStore.clear();
        SessionErrorInfo notCreated = sessionError(SessionError::RebuiltNotCreated, why.detail);
        notCreated.open = why;
        notCreated.path = kept;
        d->setError(notCreated);
        return false;
    }
    d->swapStore(std::move(fresh));
    d->createEngine();
    // The stored sign-in, as at start: a fresh profile has no cursors, so
    // the first sync of every app is a full pull.
    if (d->store->isReadOnly()) {
        d->showOffline(syncError(SyncError::ReadOnlyProfile), SyncStatus::State::Error);
        return true;
    }
    d->restoreAccount();
    return true;
}

void Session::cancelDamagedSignIn()
{
    if (!d->damagedSignIn)
        return;
    const AuthResult login = *std::exchange(d->damagedSignIn, std::nullopt);
    d->auth->setServerUrl(d->serverUrl);
    d->auth->logout(login.refreshToken, [](const AuthResult &) {});
    qCInfo(lcSession).noquote() << "the sign-in of" << login.email
                                << "was cancelled; the damaged file stays:" << d->damagedProfile;
    d->damagedProfile.clear();
    d->damagedIsAccount = false;
    emit damagedProfileChanged();
}

} // namespace mana
