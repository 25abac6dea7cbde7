// The modules built into the binary: reads every :/modules/<id>/module.json,
// its icon and its seeds, and hands them out in navigation order.
#pragma once

#include "collectionspec.h"
#include "moduleseeds.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace mana {

// What the shell shows of an app besides its data: the manifest plus its
// place in the navigation, its icon file and its onboarding records.
struct ModuleInfo
{
    ModuleSpec spec;   // id, appId, names, icon name, colour, collections
    int order = 0;     // navigation position, 1-based; 0 when the manifest has none
    QUrl iconUrl;      // qrc:/modules/<id>/icon.svg; empty when the module has no icon
    QString directory; // ":/modules/<id>": where seed "$blob" files are found
    ModuleSeeds seeds; // empty when the module has none (or they failed to load)

    QString id() const { return spec.id; }
    QString appId() const { return spec.appId; }
    QString color() const { return spec.color; }
    // "de" gives the German name, anything else English.
    QString name(const QString &language) const;
};

struct ModuleCatalog
{
    // In navigation order ("order" in module.json, then id); `modules[i]` is
    // `infos[i].spec`.
    QList<ModuleSpec> modules;
    QList<ModuleInfo> infos;
    // One sentence per manifest, icon or seed file that failed to load; a
    // broken manifest is a build-time bug, but the app still starts with the
    // others (and a module whose seeds are broken starts without seeds).
    QStringList errors;

    const ModuleInfo *info(QStringView id) const;

    // Loads the modules under `resourceRoot` (":/modules" in the app).
    static ModuleCatalog load(const QString &resourceRoot = QStringLiteral(":/modules"));
};

} // namespace mana
