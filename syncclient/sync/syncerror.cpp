#include "syncerror.h"

#include "syncstatus.h"

namespace mana {

const char *syncErrorName(SyncError code)
{
    switch (code) {
    case SyncError::None:
        return "None";
    case SyncError::SigningIn:
        return "SigningIn";
    case SyncError::SignInNotFound:
        return "SignInNotFound";
    case SyncError::SessionEnded:
        return "SessionEnded";
    case SyncError::ReadOnlyProfile:
        return "ReadOnlyProfile";
    case SyncError::SignOutFailed:
        return "SignOutFailed";
    case SyncError::Unreachable:
        return "Unreachable";
    case SyncError::SecureConnection:
        return "SecureConnection";
    case SyncError::NotASyncServer:
        return "NotASyncServer";
    case SyncError::NotAnswering:
        return "NotAnswering";
    case SyncError::ServerBusy:
        return "ServerBusy";
    case SyncError::Refused:
        return "Refused";
    case SyncError::NotSyncData:
        return "NotSyncData";
    case SyncError::AnswerTooLarge:
        return "AnswerTooLarge";
    case SyncError::CursorStuck:
        return "CursorStuck";
    case SyncError::CannotStore:
        return "CannotStore";
    }
    return "?";
}

SyncStatus::ErrorText SyncStatus::s_errorText = nullptr;

void SyncStatus::setErrorText(ErrorText errorText)
{
    s_errorText = errorText;
}

QString SyncStatus::errorMessage() const
{
    if (m_error.code == SyncError::None)
        return {};
    return s_errorText ? s_errorText(m_error) : m_error.detail;
}

} // namespace mana
