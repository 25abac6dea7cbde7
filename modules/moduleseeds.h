// The onboarding records of one module (modules/<id>/seed.json), parsed and
// checked against the module's manifest. The format is documented in
// docs/modules.md.
#pragma once

#include "collectionspec.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcModules)

namespace mana {

struct SeedRecord
{
    QString id;         // fixed, e.g. "seed-todo-welcome"
    QJsonObject fields; // language-neutral values (may hold directives)
    QJsonObject en;     // user-visible values in English
    QJsonObject de;     // the same keys in German

    // The values before directives are resolved: `fields` plus the
    // language's object ("de" for German, anything else English).
    QJsonObject rawValues(const QString &language) const;
};

struct SeedCollection
{
    QString wireName;
    QList<SeedRecord> records;
};

// A bundled file a seed refers to through {"$blob": …}: the blob store copies
// it in so the record's blob field points at content that exists.
struct SeedBlob
{
    QString sha256; // lowercase hex, the value written into the record
    QString resourcePath;
};

struct ModuleSeeds
{
    // In the order of the manifest's collections, so a writer that goes
    // through them in order meets parents before children.
    QList<SeedCollection> collections;

    int recordCount() const;
    const SeedCollection *collection(QStringView wireName) const;

    // Parses seed.json and checks every record against `module`: known
    // collections and fields, unique ids, English and German with the same
    // keys, values of the right type in both languages, required fields
    // present, references to seed records of this module, bundled blob files
    // present. `moduleDirectory` is where "$blob" paths are looked up
    // (":/modules/<id>" in the app).
    static std::optional<ModuleSeeds> fromJson(const QJsonObject &json, const ModuleSpec &module,
                                               const QString &moduleDirectory, QString *error);
    static std::optional<ModuleSeeds> fromFile(const QString &path, const ModuleSpec &module,
                                               const QString &moduleDirectory, QString *error);
};

// Turns a seed record into the values for Collection::insert: the language's
// texts, directives resolved against `now` (in its own time zone) and the
// record's id. nullopt and a sentence when a value does not fit the field.
std::optional<QJsonObject> resolveSeedRecord(const SeedRecord &record,
                                             const CollectionSpec &collection,
                                             const QString &language, const QDateTime &now,
                                             const QString &moduleDirectory, QString *error);

// Every bundled file the module's seeds refer to, once each.
QList<SeedBlob> seedBlobs(const ModuleSeeds &seeds, const QString &moduleDirectory);

} // namespace mana
