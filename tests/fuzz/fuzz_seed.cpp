// The seed reader (modules/moduleseeds.cpp): a seed.json as
// ModuleSeeds::fromJson checks it against a module's manifest, then what
// SeedWriter does with it on a guest's first start (directives resolved,
// records inserted into a fresh profile), in English and German.
//
// The module is the first bundled one that has the seed's first collection
// (todo when none has), so one corpus covers every app's seeds. `now` is the
// day before the switch to summer time in Berlin, where "9:00 tomorrow"
// style directives are easiest to get wrong.
//
// Property: seeds the reader accepts are written completely (a guest would
// otherwise start without onboarding records in that app).
#include "fuzzsupport.h"

#include "localstore.h"
#include "modulecatalog.h"
#include "moduleseeds.h"
#include "seedwriter.h"

#include <QFile>
#include <QJsonDocument>
#include <QTimeZone>

using namespace mana;

namespace {

const ModuleCatalog &catalog()
{
    static const ModuleCatalog *loaded = [] {
        auto *made = new ModuleCatalog(ModuleCatalog::load());
        if (made->infos.isEmpty())
            fuzz::fail("the bundled modules load", made->errors.join(u'\n'));
        return made;
    }();
    return *loaded;
}

const ModuleInfo &moduleFor(const QJsonObject &seed)
{
    const QJsonObject collections = seed.value(QLatin1String("collections")).toObject();
    const QString first = collections.isEmpty() ? QString() : collections.begin().key();
    for (const ModuleInfo &info : catalog().infos) {
        if (info.spec.collection(first))
            return info;
    }
    const ModuleInfo *todo = catalog().info(u"todo");
    return todo ? *todo : catalog().infos.first();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    catalog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(fuzz::bytes(data, size));
    if (!document.isObject())
        return 0;
    ModuleInfo module = moduleFor(document.object());
    QString error;
    const auto seeds =
        ModuleSeeds::fromJson(document.object(), module.spec, module.directory, &error);
    if (!seeds) {
        MANA_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }
    (void)seedBlobs(*seeds, module.directory);
    module.seeds = *seeds;
    ModuleCatalog one;
    one.modules = {module.spec};
    one.infos = {module};

    const QDateTime now(QDate(2026, 3, 28), QTime(12, 0), QTimeZone("Europe/Berlin"));
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
        const QString path = fuzz::scratchDirectory() + QStringLiteral("/seed.sqlite");
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        LocalStore store;
        MANA_FUZZ_CHECK(store.open(path, &error, LocalStore::PageCheck::Skip), error);
        MANA_FUZZ_CHECK(store.addModule(module.spec, &error), error);
        int written = 0;
        MANA_FUZZ_CHECK(SeedWriter::writeSeeds(store, one, language, now, &error, &written),
                        QStringLiteral("accepted seeds of %1 do not write in %2: %3")
                            .arg(module.spec.id, language, error));
        MANA_FUZZ_CHECK(
            written == seeds->recordCount(),
            QStringLiteral("%1 of %2 seeds written").arg(written).arg(seeds->recordCount()));
    }
    return 0;
}
