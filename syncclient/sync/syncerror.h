// Why an account does not sync, as a code with details (issue 14). The sync
// engine, and the session while no engine runs, say it this way in
// SyncStatus; the words a person reads are chosen at the edge (app/session:
// SessionErrorText::syncSentence, installed with SyncStatus::setErrorText),
// in the window's language. `detail` is the technical English text, for the
// log only.
#pragma once

#include "storeerror.h"

#include <QString>

namespace mana {

enum class SyncError {
    None,
    // The account (said by its session while the engine cannot run).
    SigningIn,       // not an error: the stored sign-in is being read
    SignInNotFound,  // no sign-in is kept for `subject` (the email): sign in again
    SessionEnded,    // the server ended the session: sign in again
    ReadOnlyProfile, // the profile cannot be written, so nothing pulled could be kept
    SignOutFailed,   // signing out could not open the guest profile; the account stays, stopped
    // The server.
    Unreachable,      // no answer from `subject` (the server) at all
    SecureConnection, // no secure connection to `subject`
    NotASyncServer,   // `subject` answers, but not as a ManaCore sync server
    NotAnswering,     // no answer from `subject` (host[:port]) within the timeout
    ServerBusy,       // 5xx or 429 (`httpStatus`): tried again later
    Refused,          // another 4xx (`httpStatus`, `serverText`: the server's own words)
    NotSyncData,      // a 2xx answer that is not sync data
    AnswerTooLarge,   // an answer over `subject` (the limit, "64 MiB"), not read
    CursorStuck,      // the same page of `subject` ("app/collection") came again
    // This computer.
    CannotStore, // what the server sent could not be stored (`storeError`)
};

struct SyncErrorInfo
{
    SyncError code = SyncError::None;
    int httpStatus = 0;
    QString subject;                          // see the codes
    QString serverText;                       // Refused: the server's own sentence, shown as it is
    StoreError storeError = StoreError::None; // CannotStore
    QString detail; // the technical English text, for the log; never shown

    bool isError() const { return code != SyncError::None && code != SyncError::SigningIn; }
    // Same code and details (SyncStatus tells a change by it).
    bool operator==(const SyncErrorInfo &other) const
    {
        return code == other.code && httpStatus == other.httpStatus && subject == other.subject &&
               serverText == other.serverText && storeError == other.storeError &&
               detail == other.detail;
    }
    bool operator!=(const SyncErrorInfo &other) const { return !(*this == other); }
};

// The code's name ("NotAnswering"), for logs and test output.
const char *syncErrorName(SyncError code);

inline SyncErrorInfo syncError(SyncError code, const QString &detail = {})
{
    SyncErrorInfo info;
    info.code = code;
    info.detail = detail;
    return info;
}

} // namespace mana
