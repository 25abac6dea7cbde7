#include "modulecatalog.h"

#include <QDir>

namespace mana {

ModuleCatalog ModuleCatalog::load(const QString &resourceRoot)
{
    ModuleCatalog catalog;
    const QDir root(resourceRoot);
    const QStringList ids = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &id : ids) {
        const QString path = root.filePath(id + QStringLiteral("/module.json"));
        if (!QFile::exists(path))
            continue;
        QString error;
        if (auto module = ModuleSpec::fromFile(path, &error))
            catalog.modules.append(*module);
        else
            catalog.errors.append(QStringLiteral("%1: %2").arg(path, error));
    }
    return catalog;
}

} // namespace mana
