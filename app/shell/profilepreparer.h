// What the shell does to every profile it opens (the Session's
// ProfilePreparer): create every module's collections and, in a new guest
// profile only, write the onboarding seeds once in the UI language.
#pragma once

#include "modulecatalog.h"

#include <QString>

namespace mana {

class LocalStore;

struct ProfilePreparation
{
    int modulesAdded = 0;
    int seedRecordsWritten = 0;
    QStringList problems; // one sentence per module that failed
};

// The seeds (modules' SeedWriter) are written only when `isNewGuestProfile`;
// the writer marks each collection, so deleted seeds never come back.
// false when any module failed.
bool prepareProfile(LocalStore &store, const ModuleCatalog &catalog, bool isNewGuestProfile,
                    const QString &language, ProfilePreparation *result);

} // namespace mana
