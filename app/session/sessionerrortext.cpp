#include "sessionerrortext.h"

#include "storeerrortext.h"

#include <QDir>

namespace mana {

QString SessionErrorText::sentence(const SessionErrorInfo &error)
{
    const QString path = QDir::toNativeSeparators(error.path);
    switch (error.code) {
    case SessionError::None:
        return {};
    case SessionError::Auth:
        return AuthClient::errorText(error.auth);
    case SessionError::SignInNotFound:
        return tr("ManaCore could not find your sign-in for %1. Sign in again to sync.")
            .arg(error.email);
    case SessionError::AccountNotOpened:
        return tr("Signing in was stopped: %1").arg(storeOpenErrorText(error.open));
    case SessionError::GuestNotOpened:
        return tr("Signing out was stopped: %1").arg(storeOpenErrorText(error.open));
    case SessionError::OnlyGuestReset:
        return tr("Only guest data can be reset.");
    case SessionError::GuestNotRemoved:
        return tr("The guest data could not be deleted: %1 cannot be removed. Check its "
                  "permissions.")
            .arg(path);
    case SessionError::GuestNotCreated:
        return tr("A new guest profile could not be created: %1")
            .arg(storeOpenErrorText(error.open));
    case SessionError::OnlyDamagedRebuilt:
        return tr("Only a damaged account profile can be rebuilt.");
    case SessionError::NotMovedAside:
        return tr("The damaged file %1 could not be moved aside, so nothing was rebuilt. Check "
                  "the permissions of its folder.")
            .arg(path);
    case SessionError::RebuiltNotCreated:
        return tr("A new profile could not be created (the damaged file is kept as %1): %2")
            .arg(path, storeOpenErrorText(error.open));
    }
    return {};
}

QString SessionErrorText::syncSentence(const SyncErrorInfo &error)
{
    switch (error.code) {
    case SyncError::None:
        return {};
    case SyncError::SigningIn:
        return tr("Signing in…");
    case SyncError::SignInNotFound:
        return tr("ManaCore could not find your sign-in for %1. Sign in again to sync.")
            .arg(error.subject);
    case SyncError::SessionEnded:
        return tr("Your session has ended. Sign in again to sync.");
    case SyncError::ReadOnlyProfile:
        return tr("This profile is read-only, so it cannot sync.");
    case SyncError::SignOutFailed:
        return tr("Signing out did not finish, so this account does not sync. Sign out again, or "
                  "restart ManaCore.");
    case SyncError::Unreachable:
        return tr("The server at %1 could not be reached.").arg(error.subject);
    case SyncError::SecureConnection:
        return tr("A secure connection to the server at %1 could not be made.").arg(error.subject);
    case SyncError::NotASyncServer:
        return tr("The server at %1 is not a ManaCore sync server.").arg(error.subject);
    case SyncError::NotAnswering:
        return tr("The server at %1 is not answering.").arg(error.subject);
    case SyncError::ServerBusy:
        return error.httpStatus == 429
                   ? tr("The sync server is busy. ManaCore tries again later.")
                   : tr("The sync server has a problem (HTTP %1). ManaCore tries again later.")
                         .arg(error.httpStatus);
    case SyncError::Refused:
        // The server's own words, as it said them.
        return error.serverText.isEmpty()
                   ? tr("The sync server refused the request (HTTP %1).").arg(error.httpStatus)
                   : tr("The sync server refused the request (HTTP %1): %2")
                         .arg(error.httpStatus)
                         .arg(error.serverText);
    case SyncError::NotSyncData:
        return tr("The sync server sent an answer that is not sync data.");
    case SyncError::AnswerTooLarge:
        return tr("The sync server sent an answer larger than %1; it was not read.")
            .arg(error.subject);
    case SyncError::CursorStuck:
        return tr("The sync server sent the same data for %1 again. ManaCore tries again later.")
            .arg(error.subject);
    case SyncError::CannotStore:
        switch (error.storeError) {
        case StoreError::DiskFull:
            return tr("The disk is full, so what the server sent could not be saved. Syncing goes "
                      "on once there is space.");
        case StoreError::ReadOnly:
            return tr("This profile is read-only, so what the server sent could not be saved.");
        default:
            break;
        }
        return tr("What the server sent could not be saved on this computer.");
    }
    return {};
}

} // namespace mana
