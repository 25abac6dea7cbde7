#include "profilepreparer.h"

#include "localstore.h"
#include "seedwriter.h"

#include <QDateTime>

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcProfile, "mana.shell.profile")

namespace mana {

bool prepareProfile(LocalStore &store, const ModuleCatalog &catalog, bool isNewGuestProfile,
                    const QString &language, ProfilePreparation *result)
{
    ProfilePreparation local;
    ProfilePreparation &out = result ? *result : local;
    out.problems.append(catalog.errors);
    for (const ModuleSpec &module : catalog.modules) {
        QString error;
        if (!store.addModule(module, &error)) {
            out.problems.append(QStringLiteral("%1: %2").arg(module.id, error));
            continue;
        }
        ++out.modulesAdded;
    }

    // SeedWriter marks every collection it considered, so even a profile
    // re-prepared as "new" never gets deleted seeds back.
    if (isNewGuestProfile) {
        QString error;
        if (!SeedWriter::writeSeeds(store, catalog, language, QDateTime::currentDateTime(), &error,
                                    &out.seedRecordsWritten))
            out.problems.append(error);
        qCInfo(lcProfile) << "seeded a new guest profile with" << out.seedRecordsWritten
                          << "records in" << language;
    }
    for (const QString &problem : std::as_const(out.problems))
        qCWarning(lcProfile).noquote() << problem;
    return out.problems.isEmpty();
}

} // namespace mana
