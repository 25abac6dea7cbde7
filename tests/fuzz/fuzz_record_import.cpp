// The record import of the app (app/recordimport.cpp, the --import-records
// option): a JSON file {"<app>/<collection>": [records]} read by
// RecordImport::load, then written by RecordImport::start into a real
// profile that holds every bundled module's collections, chunk by chunk on
// the event loop, as the app does. Each record's values meet the
// collection's field checks there (Collection::insertMany).
//
// Properties: an import ends (finished or failed, never neither); a finished
// import wrote every record of the file.
//
// The profile is kept across inputs (opening one with 19 modules costs more
// than an import) and replaced every few hundred imports so it stays small.
#include "fuzzsupport.h"

#include "localstore.h"
#include "modulecatalog.h"
#include "recordimport.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace mana;

namespace {

constexpr int kImportsPerProfile = 500;

const ModuleCatalog &catalog()
{
    static const ModuleCatalog *loaded = new ModuleCatalog(ModuleCatalog::load());
    return *loaded;
}

LocalStore *profile()
{
    static LocalStore *store = nullptr;
    static int imports = 0;
    static int generation = 0;
    if (store && ++imports < kImportsPerProfile)
        return store;
    delete store;
    imports = 0;
    const QString path =
        fuzz::scratchDirectory() + QStringLiteral("/import-%1.sqlite").arg(generation++);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    store = new LocalStore;
    QString error;
    if (!store->open(path, &error, LocalStore::PageCheck::Skip))
        fuzz::fail("the profile opens", error);
    for (const ModuleSpec &module : catalog().modules) {
        if (!store->addModule(module, &error))
            fuzz::fail("a module's collections are created", error);
    }
    return store;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    profile();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = fuzz::scratchDirectory() + QStringLiteral("/import.json");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fuzz::fail("the import file is written", file.errorString());
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    RecordImport import;
    QString error;
    if (!import.load(path, &error)) {
        MANA_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }
    LocalStore *store = profile();
    if (!import.start(store, &error)) {
        MANA_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }
    enum class End { None, Finished, Failed } end = End::None;
    QEventLoop loop;
    QObject::connect(&import, &RecordImport::finished, &loop, [&] {
        end = End::Finished;
        loop.quit();
    });
    QObject::connect(&import, &RecordImport::failed, &loop, [&] {
        end = End::Failed;
        loop.quit();
    });
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    loop.exec();
    MANA_FUZZ_CHECK(end != End::None, QStringLiteral("the import neither finished nor failed"));
    if (end == End::Finished) {
        int records = 0;
        const QJsonObject file = QJsonDocument::fromJson(fuzz::bytes(data, size)).object();
        for (auto it = file.begin(); it != file.end(); ++it)
            records += int(it.value().toArray().size());
        MANA_FUZZ_CHECK(import.importedCount() == records,
                        QStringLiteral("finished after %1 of %2 records")
                            .arg(import.importedCount())
                            .arg(records));
    }
    return 0;
}
