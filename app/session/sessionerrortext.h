// The words for the session's errors and the sync statuses (issue 14): the
// session and the sync engine keep codes (sessionerror.h, syncerror.h);
// this makes the sentences a person reads, in the UI language of the
// installed translator (German from tools/fill-translations.py). Session
// installs syncSentence for every SyncStatus (SyncStatus::setErrorText).
#pragma once

#include "sessionerror.h"
#include "syncerror.h"

#include <QCoreApplication>
#include <QString>

namespace mana {

class SessionErrorText
{
    Q_DECLARE_TR_FUNCTIONS(mana::SessionErrorText)

public:
    // Session::errorMessage: empty for None.
    static QString sentence(const SessionErrorInfo &error);
    // SyncStatus::errorMessage: empty for None.
    static QString syncSentence(const SyncErrorInfo &error);
};

} // namespace mana
