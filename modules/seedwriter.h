// Writes the onboarding records of every module into a profile's store, once
// per collection and never again (docs/modules.md, "Seeding rules").
#pragma once

#include "modulecatalog.h"

#include <QDateTime>
#include <QString>

namespace mana {

class LocalStore;

class SeedWriter
{
public:
    // The meta key that remembers a collection was considered for seeding.
    static QString markerKey(const QString &appId, const QString &wireName);

    // For each seeded collection of each module of `catalog` whose marker is
    // not set yet: inserts the seeds (one Collection::insertMany, so they
    // become pending changes) when the collection holds no record at all,
    // then sets the marker. `language` "de" writes German texts, anything
    // else English; relative dates resolve against `now`. Returns false and
    // one sentence per problem in *error when any collection failed; the
    // others are still written. `written`, when given, counts the records.
    static bool writeSeeds(LocalStore &store, const ModuleCatalog &catalog, const QString &language,
                           const QDateTime &now, QString *error, int *written = nullptr);
};

// The same as SeedWriter::writeSeeds.
inline bool writeSeeds(LocalStore &store, const ModuleCatalog &catalog, const QString &language,
                       const QDateTime &now, QString *error)
{
    return SeedWriter::writeSeeds(store, catalog, language, now, error);
}

} // namespace mana
