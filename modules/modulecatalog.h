// The modules built into the binary: reads every :/modules/<id>/module.json.
#pragma once

#include "collectionspec.h"

#include <QList>
#include <QString>

namespace mana {

struct ModuleCatalog
{
    QList<ModuleSpec> modules;
    // One sentence per manifest that failed to load; a broken manifest is a
    // build-time bug, but the app still starts with the others.
    QStringList errors;

    // Loads the manifests under `resourceRoot` (":/modules" in the app), in
    // the order of the module ids.
    static ModuleCatalog load(const QString &resourceRoot = QStringLiteral(":/modules"));
};

} // namespace mana
