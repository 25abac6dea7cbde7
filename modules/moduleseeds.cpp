#include "moduleseeds.h"

#include "wire/change.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

Q_LOGGING_CATEGORY(lcModules, "mana.modules")

namespace mana {

namespace {

const QString kIdPrefix = QStringLiteral("seed-");

bool isGerman(const QString &language)
{
    return language == QLatin1String("de");
}

// "$blob" paths stay inside the module's folder.
std::optional<QString> bundledFilePath(const QJsonValue &value, const QString &moduleDirectory,
                                       QString *problem)
{
    const QString relative = value.toString();
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) ||
        relative.split(u'/').contains(QStringLiteral(".."))) {
        *problem = QStringLiteral("names the bundled file \"%1\", which is not a relative path "
                                  "inside the module")
                       .arg(relative);
        return std::nullopt;
    }
    const QString path = moduleDirectory + u'/' + relative;
    if (!QFileInfo(path).isFile()) {
        *problem = QStringLiteral("names the bundled file \"%1\", which does not exist").arg(path);
        return std::nullopt;
    }
    return path;
}

std::optional<QByteArray> fileSha256(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// A date-time directive lands on a calendar day of `now`'s time zone: "9:00
// tomorrow" means 9:00 on the user's clock, whatever the offset to UTC.
std::optional<QDateTime> dayAt(const QDateTime &now, int dayOffset, const QJsonValue &time,
                               QString *problem)
{
    if (time.isUndefined())
        return now.addDays(dayOffset);
    const QTime clockTime = QTime::fromString(time.toString(), QStringLiteral("HH:mm"));
    if (!clockTime.isValid()) {
        *problem = QStringLiteral("has the time \"%1\"; write HH:mm").arg(time.toString());
        return std::nullopt;
    }
    QDateTime result = now;
    result.setDate(now.date().addDays(dayOffset));
    result.setTime(clockTime);
    // A wall-clock time skipped by a DST change: the hour after it exists.
    if (!result.isValid()) {
        result = now;
        result.setDate(now.date().addDays(dayOffset));
        result.setTime(clockTime.addSecs(3600));
    }
    return result;
}

bool isWholeNumber(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
}

// Resolves {"$relativeDay"|"$weekday"|"$relativeMinutes"|"$blob"|"$blobSize": …}.
std::optional<QJsonValue> resolveDirective(const QJsonObject &directive, const FieldSpec &field,
                                           const QDateTime &now, const QString &moduleDirectory,
                                           QString *problem)
{
    const QStringList keys = directive.keys();
    QStringList directives;
    for (const QString &key : keys) {
        if (key.startsWith(u'$'))
            directives.append(key);
    }
    if (directives.size() != 1) {
        *problem = QStringLiteral("must be a value of its type or one directive such as "
                                  "{\"$relativeDay\": 1}");
        return std::nullopt;
    }
    const QString name = directives.first();
    const QJsonValue argument = directive.value(name);
    const bool timeAllowed =
        name == QLatin1String("$relativeDay") || name == QLatin1String("$weekday");
    for (const QString &key : keys) {
        if (key != name && !(timeAllowed && key == QLatin1String("time"))) {
            *problem =
                QStringLiteral("has the unknown key \"%1\" in its %2 directive").arg(key, name);
            return std::nullopt;
        }
    }
    auto asDayValue = [&](const std::optional<QDateTime> &moment) -> std::optional<QJsonValue> {
        if (!moment)
            return std::nullopt;
        if (field.type == FieldType::Date)
            return QJsonValue(moment->date().toString(Qt::ISODate));
        if (field.type == FieldType::DateTime)
            return QJsonValue(moment->toUTC().toString(Qt::ISODateWithMs));
        *problem = QStringLiteral("uses %1, which fits only date and datetime fields").arg(name);
        return std::nullopt;
    };

    if (name == QLatin1String("$relativeDay")) {
        if (!isWholeNumber(argument)) {
            *problem = QStringLiteral("needs a whole number of days in $relativeDay");
            return std::nullopt;
        }
        return asDayValue(
            dayAt(now, argument.toInt(), directive.value(QLatin1String("time")), problem));
    }
    if (name == QLatin1String("$weekday")) {
        const int weekday = argument.toInt();
        if (!isWholeNumber(argument) || weekday < 1 || weekday > 7) {
            *problem = QStringLiteral("needs $weekday from 1 (Monday) to 7 (Sunday)");
            return std::nullopt;
        }
        const int daysAhead = (weekday - now.date().dayOfWeek() + 7) % 7;
        return asDayValue(dayAt(now, daysAhead, directive.value(QLatin1String("time")), problem));
    }
    if (name == QLatin1String("$relativeMinutes")) {
        if (!isWholeNumber(argument) || field.type != FieldType::DateTime) {
            *problem = QStringLiteral("needs a whole number in $relativeMinutes on a datetime "
                                      "field");
            return std::nullopt;
        }
        return asDayValue(now.addSecs(qint64(argument.toDouble()) * 60));
    }
    if (name == QLatin1String("$blob") || name == QLatin1String("$blobSize")) {
        const auto path = bundledFilePath(argument, moduleDirectory, problem);
        if (!path)
            return std::nullopt;
        if (name == QLatin1String("$blobSize"))
            return QJsonValue(double(QFileInfo(*path).size()));
        const auto hash = fileSha256(*path, problem);
        if (!hash)
            return std::nullopt;
        return QJsonValue(QString::fromLatin1(*hash));
    }
    *problem = QStringLiteral("uses the unknown directive %1").arg(name);
    return std::nullopt;
}

std::optional<SeedRecord> parseRecord(const QJsonValue &entry, const CollectionSpec &collection,
                                      QString *problem)
{
    if (!entry.isObject()) {
        *problem = QStringLiteral("has a record that is not a JSON object");
        return std::nullopt;
    }
    const QJsonObject object = entry.toObject();
    SeedRecord record;
    record.id = object.value(QLatin1String("id")).toString();
    // The store's rule for ids (wire::isValidRecordId), not a copy of it: an
    // id the reader let through but the store refuses (found by fuzz_seed:
    // a raw control character) left a guest without that app's onboarding.
    if (!record.id.startsWith(kIdPrefix) || !wire::isValidRecordId(record.id)) {
        *problem = QStringLiteral("has a record whose id \"%1\" does not start with \"%2\", is "
                                  "longer than %3 bytes or holds a control character")
                       .arg(record.id, kIdPrefix)
                       .arg(wire::kMaxRecordIdBytes);
        return std::nullopt;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        static const QStringList known = {QStringLiteral("id"), QStringLiteral("fields"),
                                          QStringLiteral("en"), QStringLiteral("de")};
        if (!known.contains(it.key())) {
            *problem =
                QStringLiteral("record \"%1\" has the unknown key \"%2\"").arg(record.id, it.key());
            return std::nullopt;
        }
        if (it.key() != QLatin1String("id") && !it.value().isObject()) {
            *problem =
                QStringLiteral("record \"%1\": \"%2\" must be an object").arg(record.id, it.key());
            return std::nullopt;
        }
    }
    record.fields = object.value(QLatin1String("fields")).toObject();
    record.en = object.value(QLatin1String("en")).toObject();
    record.de = object.value(QLatin1String("de")).toObject();

    const QStringList enKeys = record.en.keys();
    if (enKeys != record.de.keys()) {
        *problem = QStringLiteral("record \"%1\" must translate the same fields in \"en\" and "
                                  "\"de\" (en: %2; de: %3)")
                       .arg(record.id, enKeys.join(QStringLiteral(", ")),
                            record.de.keys().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    for (const QString &key : enKeys) {
        if (record.fields.contains(key)) {
            *problem = QStringLiteral("record \"%1\" gives \"%2\" both in \"fields\" and per "
                                      "language")
                           .arg(record.id, key);
            return std::nullopt;
        }
    }
    const QStringList allKeys = record.fields.keys() + enKeys;
    for (const QString &key : allKeys) {
        if (!collection.field(key)) {
            *problem = QStringLiteral("record \"%1\" sets \"%2\", which the collection does not "
                                      "declare")
                           .arg(record.id, key);
            return std::nullopt;
        }
    }
    return record;
}

} // namespace

QJsonObject SeedRecord::rawValues(const QString &language) const
{
    QJsonObject values = fields;
    const QJsonObject &texts = isGerman(language) ? de : en;
    for (auto it = texts.begin(); it != texts.end(); ++it)
        values.insert(it.key(), it.value());
    return values;
}

int ModuleSeeds::recordCount() const
{
    int count = 0;
    for (const SeedCollection &collection : collections)
        count += int(collection.records.size());
    return count;
}

const SeedCollection *ModuleSeeds::collection(QStringView wireName) const
{
    for (const SeedCollection &candidate : collections) {
        if (candidate.wireName == wireName)
            return &candidate;
    }
    return nullptr;
}

std::optional<QJsonObject> resolveSeedRecord(const SeedRecord &record,
                                             const CollectionSpec &collection,
                                             const QString &language, const QDateTime &now,
                                             const QString &moduleDirectory, QString *error)
{
    const QJsonObject raw = record.rawValues(language);
    QJsonObject values;
    for (auto it = raw.begin(); it != raw.end(); ++it) {
        const FieldSpec *field = collection.field(it.key());
        QString problem;
        QJsonValue value = it.value();
        if (!field) {
            problem = QStringLiteral("is not declared");
        } else if (value.isObject() && field->type != FieldType::Json) {
            if (auto resolved =
                    resolveDirective(value.toObject(), *field, now, moduleDirectory, &problem))
                value = *resolved;
        }
        if (problem.isEmpty() && field) {
            QJsonValue normalized;
            problem = field->validate(value, &normalized);
        }
        if (!problem.isEmpty()) {
            if (error)
                *error = QStringLiteral("Seed \"%1\" (%2), field \"%3\": %4")
                             .arg(record.id, collection.wireName, it.key(), problem);
            return std::nullopt;
        }
        values.insert(it.key(), value);
    }
    for (const FieldSpec &field : collection.fields) {
        if (!field.optional && field.defaultValue.isUndefined() && !values.contains(field.name)) {
            if (error)
                *error = QStringLiteral("Seed \"%1\" (%2) lacks the required field \"%3\".")
                             .arg(record.id, collection.wireName, field.name);
            return std::nullopt;
        }
    }
    values.insert(QStringLiteral("id"), record.id);
    return values;
}

std::optional<ModuleSeeds> ModuleSeeds::fromJson(const QJsonObject &json, const ModuleSpec &module,
                                                 const QString &moduleDirectory, QString *error)
{
    auto refuse = [&](const QString &message) {
        if (error)
            *error = QStringLiteral("Seeds of \"%1\": %2").arg(module.id, message);
        return std::nullopt;
    };
    for (const QString &key : json.keys()) {
        if (key != QLatin1String("collections"))
            return refuse(QStringLiteral("the unknown key \"%1\".").arg(key));
    }
    const QJsonValue collectionsValue = json.value(QLatin1String("collections"));
    if (!collectionsValue.isObject())
        return refuse(QStringLiteral("\"collections\" must be an object of arrays."));
    const QJsonObject collectionsJson = collectionsValue.toObject();
    for (const QString &name : collectionsJson.keys()) {
        if (!module.collection(name))
            return refuse(QStringLiteral("the module has no collection \"%1\".").arg(name));
    }

    ModuleSeeds seeds;
    QHash<QString, QSet<QString>> idsByCollection;
    QSet<QString> allIds;
    for (const CollectionSpec &spec : module.collections) {
        const QJsonValue recordsJson = collectionsJson.value(spec.wireName);
        if (recordsJson.isUndefined())
            continue;
        if (!recordsJson.isArray())
            return refuse(QStringLiteral("\"%1\" must be an array.").arg(spec.wireName));
        SeedCollection collection{spec.wireName, {}};
        for (const QJsonValue &entry : recordsJson.toArray()) {
            QString problem;
            auto record = parseRecord(entry, spec, &problem);
            if (!record)
                return refuse(QStringLiteral("%1 %2.").arg(spec.wireName, problem));
            if (allIds.contains(record->id))
                return refuse(QStringLiteral("the id \"%1\" is used twice.").arg(record->id));
            allIds.insert(record->id);
            idsByCollection[spec.wireName].insert(record->id);
            collection.records.append(*record);
        }
        seeds.collections.append(collection);
    }

    // Values and references are checked in both languages at a fixed moment:
    // directives resolve the same way whatever day the app starts.
    const QDateTime checkMoment = QDateTime::currentDateTime();
    for (const SeedCollection &collection : std::as_const(seeds.collections)) {
        const CollectionSpec *spec = module.collection(collection.wireName);
        for (const SeedRecord &record : collection.records) {
            for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
                QString problem;
                const auto values = resolveSeedRecord(record, *spec, language, checkMoment,
                                                      moduleDirectory, &problem);
                if (!values)
                    return refuse(problem);
                for (const FieldSpec &field : spec->fields) {
                    const QJsonValue target = values->value(field.name);
                    if (field.type != FieldType::Reference || !target.isString())
                        continue;
                    if (!idsByCollection.value(field.referencedCollection)
                             .contains(target.toString()))
                        return refuse(
                            QStringLiteral("seed \"%1\" refers to \"%2\", which is not a "
                                           "seed of \"%3\".")
                                .arg(record.id, target.toString(), field.referencedCollection));
                }
            }
        }
    }
    return seeds;
}

std::optional<ModuleSeeds> ModuleSeeds::fromFile(const QString &path, const ModuleSpec &module,
                                                 const QString &moduleDirectory, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("Cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = QStringLiteral("%1 is not a JSON object: %2 at offset %3")
                         .arg(path, parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    return fromJson(document.object(), module, moduleDirectory, error);
}

QList<SeedBlob> seedBlobs(const ModuleSeeds &seeds, const QString &moduleDirectory)
{
    QList<SeedBlob> blobs;
    QSet<QString> seen;
    auto collect = [&](const QJsonObject &values) {
        for (const QJsonValue &value : values) {
            const QJsonValue path = value.toObject().value(QLatin1String("$blob"));
            if (!path.isString())
                continue;
            QString problem;
            const auto file = bundledFilePath(path, moduleDirectory, &problem);
            const auto hash = file ? fileSha256(*file, &problem) : std::nullopt;
            if (!hash) {
                qCWarning(lcModules).noquote() << "seed blob:" << problem;
                continue;
            }
            if (!seen.contains(*file)) {
                seen.insert(*file);
                blobs.append({QString::fromLatin1(*hash), *file});
            }
        }
    };
    for (const SeedCollection &collection : seeds.collections) {
        for (const SeedRecord &record : collection.records) {
            collect(record.fields);
            collect(record.en);
            collect(record.de);
        }
    }
    return blobs;
}

} // namespace mana
