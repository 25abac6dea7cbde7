#include "seedwriter.h"

#include "localstore.h"

namespace mana {

QString SeedWriter::markerKey(const QString &appId, const QString &wireName)
{
    return QStringLiteral("seeded/%1/%2").arg(appId, wireName);
}

bool SeedWriter::writeSeeds(LocalStore &store, const ModuleCatalog &catalog,
                            const QString &language, const QDateTime &now, QString *error,
                            int *written)
{
    QStringList problems;
    int recordsWritten = 0;
    for (const ModuleInfo &module : catalog.infos) {
        for (const SeedCollection &seeds : module.seeds.collections) {
            const QString marker = markerKey(module.spec.appId, seeds.wireName);
            if (!store.metaValue(marker).isEmpty())
                continue;
            Collection *collection = store.collection(module.spec.appId, seeds.wireName);
            const CollectionSpec *spec = module.spec.collection(seeds.wireName);
            if (!collection || !spec) {
                problems.append(QStringLiteral("%1/%2: the collection is not open in the store.")
                                    .arg(module.spec.appId, seeds.wireName));
                continue;
            }
            // Deleted records count: a collection the user emptied is not new.
            Query everything;
            everything.includeDeleted = true;
            QString problem;
            const int existing = collection->count(everything, &problem);
            if (existing < 0 || !problem.isEmpty()) {
                problems.append(
                    QStringLiteral("%1/%2: %3").arg(module.spec.appId, seeds.wireName, problem));
                continue;
            }
            if (existing == 0) {
                QList<QJsonObject> records;
                for (const SeedRecord &record : seeds.records) {
                    const auto values =
                        resolveSeedRecord(record, *spec, language, now, module.directory, &problem);
                    if (!values)
                        break;
                    records.append(*values);
                }
                if (records.size() != seeds.records.size()) {
                    problems.append(problem);
                    continue;
                }
                const QStringList ids = collection->insertMany(records, &problem);
                if (ids.size() != records.size()) {
                    problems.append(QStringLiteral("%1/%2: %3")
                                        .arg(module.spec.appId, seeds.wireName, problem));
                    continue;
                }
                recordsWritten += int(ids.size());
            }
            // Set after the insert committed: a crash in between leaves a
            // non-empty collection, which the next start marks without
            // writing the seeds twice.
            if (!store.setMetaValue(marker, now.toUTC().toString(Qt::ISODate), &problem))
                problems.append(QStringLiteral("%1: %2").arg(marker, problem));
        }
    }
    if (written)
        *written = recordsWritten;
    if (!problems.isEmpty()) {
        qCWarning(lcModules).noquote() << "seeding:" << problems.join(QLatin1Char(' '));
        if (error)
            *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    qCInfo(lcModules) << "seeded" << recordsWritten << "records in" << language;
    return true;
}

} // namespace mana
