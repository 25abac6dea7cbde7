// Why the session's last action failed, as a code with details (issue 14):
// Session keeps it, and errorMessage is made of it when read
// (SessionErrorText, in the window's language). `detail` is the technical
// English text, for the log only.
#pragma once

#include "authclient.h"
#include "storeerror.h"

#include <QString>

namespace mana {

enum class SessionError {
    None,
    Auth,               // a sign-in, sign-up or refresh was refused: `auth`
    SignInNotFound,     // no sign-in is kept for `email`: sign in again
    AccountNotOpened,   // signing in, the account's profile could not be opened: `open`
    GuestNotOpened,     // signing out, the guest profile could not be opened: `open`
    OnlyGuestReset,     // resetGuestData() for an account, or while busy
    GuestNotRemoved,    // the guest profile could not be deleted: `path`
    GuestNotCreated,    // the new guest profile could not be opened: `open`
    OnlyDamagedRebuilt, // rebuildDamagedProfile() without a damaged account profile
    NotMovedAside,      // the damaged file could not be moved aside: `path`
    RebuiltNotCreated,  // the fresh profile could not be opened (`open`; `path`: the kept file)
};

struct SessionErrorInfo
{
    SessionError code = SessionError::None;
    AuthResult auth;    // Auth: the refused call's answer (no tokens)
    OpenErrorInfo open; // *NotOpened, *NotCreated: why the profile did not open
    QString path;       // GuestNotRemoved, NotMovedAside, RebuiltNotCreated
    QString email;      // SignInNotFound
    QString detail;     // the technical English text, for the log; never shown

    bool isError() const { return code != SessionError::None; }
};

} // namespace mana
