// The words for a store error (issue 14): the store reports a code with
// details (syncclient/store/storeerror.h: a refused write, a list that
// cannot be read, a profile that cannot be opened); this makes the sentence a person
// reads, in the UI language of the installed translator (German from
// tools/fill-translations.py). Used by the shell (ShellContext, RecordForm)
// and the apps' controllers, so every window says the same thing the same
// way; the store's English detail goes to the log only.
#pragma once

#include "storeerror.h"

#include <QCoreApplication>
#include <QString>

namespace mana {

class StoreErrorText
{
    Q_DECLARE_TR_FUNCTIONS(mana::StoreErrorText)

public:
    // For a failed write (None too: "could not be saved"). `fieldLabel`:
    // the field as the window names it (a form's label); empty: the
    // field's name as the store knows it.
    static QString sentence(const StoreErrorInfo &error, const QString &fieldLabel = {});
    // For a list that could not be read (LiveQueryModel::failure): the
    // storage's codes (Corrupt, Busy, DiskError, …); anything else is said
    // as "cannot be shown".
    static QString readSentence(const StoreErrorInfo &error);
    // For a profile that could not be opened (LocalStore::openError), one
    // whole sentence (or two) naming the file.
    static QString openSentence(const OpenErrorInfo &error);
};

inline QString storeErrorText(const StoreErrorInfo &error, const QString &fieldLabel = {})
{
    return StoreErrorText::sentence(error, fieldLabel);
}

inline QString storeReadErrorText(const StoreErrorInfo &error)
{
    return StoreErrorText::readSentence(error);
}

inline QString storeOpenErrorText(const OpenErrorInfo &error)
{
    return StoreErrorText::openSentence(error);
}

} // namespace mana
