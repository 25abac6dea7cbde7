// The collection spec: what a module declares about one collection (fields,
// types, indexes), loaded from the same JSON as modules/<id>/module.json.
// The format is documented in docs/collection-spec.md.
#pragma once

#include "storeerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mana {

enum class FieldType {
    String,
    Text,
    Number,
    Integer,
    Boolean,
    Date,
    DateTime,
    Json,
    Enum,
    Reference
};

struct FieldSpec
{
    QString name;
    FieldType type = FieldType::String;
    bool optional = false;
    QStringList enumValues;       // FieldType::Enum
    QString referencedCollection; // FieldType::Reference: wire name in the same app
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // Undefined when none

    // Checks `value` against the type. Returns an empty string when it is
    // acceptable and stores the normalised value (datetimes canonical UTC,
    // integers as whole numbers) in *normalized; otherwise a sentence naming
    // the field and the problem. Null is acceptable only for optional fields.
    QString validate(const QJsonValue &value, QJsonValue *normalized) const;
    // The same check as a code (RequiredMissing, WrongType, OutOfRange) with
    // the field and what it takes; `detail` is validate()'s sentence.
    StoreErrorInfo check(const QJsonValue &value, QJsonValue *normalized) const;

    // The SQLite column type: TEXT, REAL or INTEGER.
    QString sqlType() const;
};

// Indexes speed up queries; they are never unique, because a uniqueness
// rule cannot hold across replicas that write offline (two devices could
// each insert the "same" row, and the sync would then fail to apply).
struct IndexSpec
{
    QStringList fields;
    QString sqlName(const QString &tableName) const;
};

struct CollectionSpec
{
    QString appId;
    QString wireName;  // unique within the app (PROTOCOL.md `table`)
    QString tableName; // unique across apps: "<appId>_<wireName>", '-' -> '_'
    QList<FieldSpec> fields;
    QList<IndexSpec> indexes;

    const FieldSpec *field(QStringView name) const;

    // Parses one entry of module.json's "collections" array. Refuses bad
    // names, unknown types, duplicate or reserved field names, empty enums and
    // indexes on missing fields, with a message naming the problem.
    // References are checked by ModuleSpec (they need the sibling collections).
    static std::optional<CollectionSpec> fromJson(const QJsonObject &json, const QString &appId,
                                                  QString *error);
    QJsonObject toJson() const;
};

// Field names every collection has and a spec may not declare.
bool isReservedFieldName(QStringView name);

// module.json: id, names, icon, colour, sync app id, collections.
struct ModuleSpec
{
    QString id;
    QString appId;
    QString nameEn;
    QString nameDe;
    QString icon;
    QString color;
    QList<CollectionSpec> collections;

    const CollectionSpec *collection(QStringView wireName) const;

    // Also checks that every reference points at a collection of this module
    // and that wire names are unique.
    static std::optional<ModuleSpec> fromJson(const QJsonObject &json, QString *error);
    static std::optional<ModuleSpec> fromFile(const QString &path, QString *error);
};

} // namespace mana
