// The words for a store error (issue 14): the store reports a code with
// details (syncclient/store/storeerror.h); this makes the sentence a person
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
};

inline QString storeErrorText(const StoreErrorInfo &error, const QString &fieldLabel = {})
{
    return StoreErrorText::sentence(error, fieldLabel);
}

} // namespace mana
