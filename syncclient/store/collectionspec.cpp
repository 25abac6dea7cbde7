#include "collectionspec.h"

#include "wire/change.h"
#include "wire/timestamp.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <cmath>

namespace mana {

namespace {

// Integers travel as JSON numbers (doubles): beyond 2^53 they lose digits.
constexpr double kMaxSafeInteger = 9007199254740991.0;

struct TypeName
{
    const char *name;
    FieldType type;
};

constexpr TypeName kTypeNames[] = {
    {"string", FieldType::String},     {"text", FieldType::Text},
    {"number", FieldType::Number},     {"integer", FieldType::Integer},
    {"boolean", FieldType::Boolean},   {"date", FieldType::Date},
    {"datetime", FieldType::DateTime}, {"json", FieldType::Json},
};

QString typeName(const FieldSpec &field)
{
    switch (field.type) {
    case FieldType::Enum:
        // One value alone would read back as an unknown type.
        return field.enumValues.size() == 1 ? QStringLiteral("enum:") + field.enumValues.first()
                                            : field.enumValues.join(u'|');
    case FieldType::Reference:
        return QStringLiteral("->") + field.referencedCollection;
    default:
        for (const TypeName &entry : kTypeNames) {
            if (entry.type == field.type)
                return QString::fromLatin1(entry.name);
        }
    }
    return {};
}

bool isValidEnumValue(QStringView value)
{
    if (value.isEmpty() || value.size() > 64)
        return false;
    for (const QChar c : value) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.'))
            return false;
    }
    return true;
}

// Parses the "type" text of a field: a base type, "a|b|c", "enum:a|b",
// "->coll" or "→coll", each optionally followed by "?".
bool parseType(QString text, FieldSpec *field, QString *problem)
{
    text = text.trimmed();
    if (text.endsWith(u'?')) {
        field->optional = true;
        text.chop(1);
        text = text.trimmed();
    }
    if (text.startsWith(QStringLiteral("->")) || text.startsWith(QStringLiteral("→"))) {
        const QString target = text.mid(text.startsWith(u'-') ? 2 : 1).trimmed();
        if (!wire::isValidName(target)) {
            *problem = QStringLiteral("references \"%1\", which is not a valid collection name")
                           .arg(target);
            return false;
        }
        field->type = FieldType::Reference;
        field->referencedCollection = target;
        return true;
    }
    const bool enumPrefix = text.startsWith(QStringLiteral("enum:"));
    if (enumPrefix)
        text = text.mid(5).trimmed();
    if (!enumPrefix) {
        for (const TypeName &entry : kTypeNames) {
            if (text == QLatin1String(entry.name)) {
                field->type = entry.type;
                return true;
            }
        }
    }
    if (enumPrefix || text.contains(u'|')) {
        const QStringList values = text.split(u'|');
        QSet<QString> seen;
        for (const QString &value : values) {
            if (!isValidEnumValue(value)) {
                *problem =
                    QStringLiteral("has the enum value \"%1\"; values are letters, digits, _ - .")
                        .arg(value);
                return false;
            }
            if (seen.contains(value)) {
                *problem = QStringLiteral("lists the enum value \"%1\" twice").arg(value);
                return false;
            }
            seen.insert(value);
        }
        field->type = FieldType::Enum;
        field->enumValues = values;
        return true;
    }
    if (text.isEmpty()) {
        *problem = QStringLiteral("has no type");
        return false;
    }
    *problem = QStringLiteral("has the unknown type \"%1\"").arg(text);
    return false;
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the text \"%1\"").arg(value.toString().left(40));
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace

QString FieldSpec::validate(const QJsonValue &value, QJsonValue *normalized) const
{
    return check(value, normalized).detail;
}

StoreErrorInfo FieldSpec::check(const QJsonValue &value, QJsonValue *normalized) const
{
    auto refuse = [&](const QString &expected, StoreError code = StoreError::WrongType,
                      const QString &limit = {}) {
        return StoreErrorInfo{code, name, type, limit,
                              QStringLiteral("Field \"%1\" must be %2, not %3.")
                                  .arg(name, expected, describe(value))};
    };
    if (value.isNull() || value.isUndefined()) {
        if (!optional)
            return {StoreError::RequiredMissing,
                    name,
                    type,
                    {},
                    QStringLiteral("Field \"%1\" is required and cannot be empty.").arg(name)};
        *normalized = QJsonValue::Null;
        return {};
    }
    switch (type) {
    case FieldType::String:
    case FieldType::Text:
        if (!value.isString())
            return refuse(QStringLiteral("text"));
        break;
    case FieldType::Number:
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return refuse(QStringLiteral("a number"));
        break;
    case FieldType::Integer: {
        const double number = value.toDouble();
        if (!value.isDouble() || std::trunc(number) != number)
            return refuse(QStringLiteral("a whole number"));
        // A whole number JSON cannot carry exactly (beyond 2^53) is out of
        // range, not of the wrong kind: the edge says the limit.
        if (std::fabs(number) > kMaxSafeInteger)
            return refuse(QStringLiteral("a whole number"), StoreError::OutOfRange,
                          QString::number(qint64(kMaxSafeInteger)));
        *normalized = QJsonValue(qint64(number));
        return {};
    }
    case FieldType::Boolean:
        if (!value.isBool())
            return refuse(QStringLiteral("true or false"));
        break;
    case FieldType::Date: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        if (!value.isString() || value.toString().size() != 10 || !date.isValid())
            return refuse(QStringLiteral("a date like 2026-03-26"));
        break;
    }
    case FieldType::DateTime: {
        const auto canonical =
            value.isString() ? canonicalTimestamp(value.toString()) : std::nullopt;
        if (!canonical)
            return refuse(QStringLiteral("a date and time like 2026-03-26T14:01:05.123Z"));
        *normalized = *canonical;
        return {};
    }
    case FieldType::Json:
        break;
    case FieldType::Enum:
        if (!value.isString() || !enumValues.contains(value.toString()))
            return refuse(QStringLiteral("one of %1").arg(enumValues.join(QStringLiteral(", "))),
                          StoreError::WrongType, enumValues.join(QStringLiteral(", ")));
        break;
    case FieldType::Reference:
        if (!value.isString() || !wire::isValidRecordId(value.toString()))
            return refuse(QStringLiteral("the id of a record in \"%1\"").arg(referencedCollection),
                          StoreError::WrongType, referencedCollection);
        break;
    }
    *normalized = value;
    return {};
}

QString FieldSpec::sqlType() const
{
    switch (type) {
    case FieldType::Number:
        return QStringLiteral("REAL");
    case FieldType::Integer:
    case FieldType::Boolean:
        return QStringLiteral("INTEGER");
    default:
        return QStringLiteral("TEXT");
    }
}

QString IndexSpec::sqlName(const QString &tableName) const
{
    return QStringLiteral("idx_%1__%2").arg(tableName, fields.join(QStringLiteral("__")));
}

bool isReservedFieldName(QStringView name)
{
    // SQLite's column names ignore case: "ID" would be the id column again.
    for (const QStringView reserved : {u"id", u"createdAt", u"updatedAt", u"deletedAt"}) {
        if (name.compare(reserved, Qt::CaseInsensitive) == 0)
            return true;
    }
    return name.startsWith(u'_');
}

const FieldSpec *CollectionSpec::field(QStringView name) const
{
    for (const FieldSpec &candidate : fields) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

std::optional<CollectionSpec> CollectionSpec::fromJson(const QJsonObject &json,
                                                       const QString &appId, QString *error)
{
    CollectionSpec spec;
    spec.appId = appId;
    spec.wireName = json.value(QLatin1String("name")).toString();
    auto refuse = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!wire::isValidAppId(appId))
        return refuse(
            QStringLiteral("The app id \"%1\" is not valid (lowercase letters, digits and -, "
                           "starting with a letter).")
                .arg(appId));
    if (!wire::isValidName(spec.wireName))
        return refuse(
            QStringLiteral("The collection name \"%1\" is not valid (letters, digits and _, "
                           "starting with a letter or _, at most 64).")
                .arg(spec.wireName));
    spec.tableName = QString(appId).replace(u'-', u'_') + u'_' + spec.wireName;
    const QString where = QStringLiteral("Collection \"%1\": ").arg(spec.wireName);

    const QJsonValue fieldsJson = json.value(QLatin1String("fields"));
    if (!fieldsJson.isArray() || fieldsJson.toArray().isEmpty())
        return refuse(where + QStringLiteral("\"fields\" must be a non-empty array."));
    // By the lowercase name: SQLite's column names ignore case, so "title"
    // and "Title" would be one column (found by fuzz_collection_spec).
    QHash<QString, QString> seen;
    for (const QJsonValue &entry : fieldsJson.toArray()) {
        const QJsonObject object = entry.toObject();
        FieldSpec field;
        field.name = object.value(QLatin1String("name")).toString();
        if (!entry.isObject() || !wire::isValidName(field.name))
            return refuse(where +
                          QStringLiteral("the field name \"%1\" is not valid.").arg(field.name));
        if (isReservedFieldName(field.name))
            return refuse(where +
                          QStringLiteral("the field name \"%1\" is reserved.").arg(field.name));
        const QString key = field.name.toLower();
        if (seen.contains(key) && seen.value(key) == field.name)
            return refuse(where +
                          QStringLiteral("the field \"%1\" is declared twice.").arg(field.name));
        if (seen.contains(key))
            return refuse(where + QStringLiteral("the field \"%1\" is declared twice (as \"%2\"): "
                                                 "names that differ only in case are one column.")
                                      .arg(field.name, seen.value(key)));
        seen.insert(key, field.name);
        QString problem;
        if (!object.value(QLatin1String("type")).isString() ||
            !parseType(object.value(QLatin1String("type")).toString(), &field, &problem)) {
            if (problem.isEmpty())
                problem = QStringLiteral("has no type");
            return refuse(where + QStringLiteral("the field \"%1\" %2.").arg(field.name, problem));
        }
        if (object.contains(QLatin1String("default"))) {
            QJsonValue normalized;
            const QString invalid =
                field.validate(object.value(QLatin1String("default")), &normalized);
            if (!invalid.isEmpty())
                return refuse(where + QStringLiteral("the default is invalid: ") + invalid);
            field.defaultValue = normalized;
        }
        spec.fields.append(field);
    }

    const QJsonValue indexesJson = json.value(QLatin1String("indexes"));
    if (!indexesJson.isUndefined() && !indexesJson.isArray())
        return refuse(where + QStringLiteral("\"indexes\" must be an array."));
    for (const QJsonValue &entry : indexesJson.toArray()) {
        IndexSpec index;
        const QJsonValue fieldList =
            entry.isObject() ? entry.toObject().value(QLatin1String("fields")) : entry;
        if (!fieldList.isArray() || fieldList.toArray().isEmpty())
            return refuse(where +
                          QStringLiteral("an index must be a non-empty array of field names."));
        for (const QJsonValue &name : fieldList.toArray()) {
            const QString fieldName = name.toString();
            const bool builtIn = fieldName == QLatin1String("createdAt") ||
                                 fieldName == QLatin1String("updatedAt") ||
                                 fieldName == QLatin1String("deletedAt");
            if (!spec.field(fieldName) && !builtIn)
                return refuse(
                    where +
                    QStringLiteral("an index names the missing field \"%1\".").arg(fieldName));
            if (index.fields.contains(fieldName))
                return refuse(where +
                              QStringLiteral("an index names \"%1\" twice.").arg(fieldName));
            index.fields.append(fieldName);
        }
        if (entry.isObject() && entry.toObject().value(QLatin1String("unique")).toBool())
            return refuse(where +
                          QStringLiteral("unique indexes are not supported: uniqueness cannot hold "
                                         "across devices that write offline."));
        spec.indexes.append(index);
    }
    return spec;
}

QJsonObject CollectionSpec::toJson() const
{
    QJsonArray fieldsJson;
    for (const FieldSpec &field : fields) {
        QJsonObject entry{{QStringLiteral("name"), field.name},
                          {QStringLiteral("type"),
                           typeName(field) + (field.optional ? QStringLiteral("?") : QString())}};
        if (!field.defaultValue.isUndefined())
            entry.insert(QStringLiteral("default"), field.defaultValue);
        fieldsJson.append(entry);
    }
    QJsonArray indexesJson;
    for (const IndexSpec &index : indexes)
        indexesJson.append(QJsonArray::fromStringList(index.fields));
    QJsonObject json{{QStringLiteral("name"), wireName}, {QStringLiteral("fields"), fieldsJson}};
    if (!indexesJson.isEmpty())
        json.insert(QStringLiteral("indexes"), indexesJson);
    return json;
}

const CollectionSpec *ModuleSpec::collection(QStringView wireName) const
{
    for (const CollectionSpec &candidate : collections) {
        if (candidate.wireName == wireName)
            return &candidate;
    }
    return nullptr;
}

std::optional<ModuleSpec> ModuleSpec::fromJson(const QJsonObject &json, QString *error)
{
    auto refuse = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    ModuleSpec module;
    module.id = json.value(QLatin1String("id")).toString();
    module.appId = json.value(QLatin1String("appId")).toString(module.id);
    const QJsonValue name = json.value(QLatin1String("name"));
    module.nameEn =
        name.isObject() ? name.toObject().value(QLatin1String("en")).toString() : name.toString();
    module.nameDe = name.isObject()
                        ? name.toObject().value(QLatin1String("de")).toString(module.nameEn)
                        : module.nameEn;
    module.icon = json.value(QLatin1String("icon")).toString();
    module.color = json.value(QLatin1String("color")).toString();
    if (!wire::isValidAppId(module.id))
        return refuse(QStringLiteral("The module id \"%1\" is not valid.").arg(module.id));
    if (!wire::isValidAppId(module.appId))
        return refuse(QStringLiteral("Module \"%1\": the app id \"%2\" is not valid.")
                          .arg(module.id, module.appId));
    if (module.nameEn.isEmpty())
        return refuse(QStringLiteral("Module \"%1\" has no English name.").arg(module.id));

    const QJsonValue collections = json.value(QLatin1String("collections"));
    if (!collections.isArray())
        return refuse(
            QStringLiteral("Module \"%1\": \"collections\" must be an array.").arg(module.id));
    for (const QJsonValue &entry : collections.toArray()) {
        QString problem;
        auto spec = CollectionSpec::fromJson(entry.toObject(), module.appId, &problem);
        if (!spec)
            return refuse(QStringLiteral("Module \"%1\": %2").arg(module.id, problem));
        if (module.collection(spec->wireName))
            return refuse(QStringLiteral("Module \"%1\": the collection \"%2\" is declared twice.")
                              .arg(module.id, spec->wireName));
        // SQLite's table names ignore case: "notes" and "Notes" would share
        // one table and mix their records (found by fuzz_collection_spec).
        for (const CollectionSpec &other : std::as_const(module.collections)) {
            if (other.wireName.compare(spec->wireName, Qt::CaseInsensitive) == 0)
                return refuse(
                    QStringLiteral("Module \"%1\": the collection \"%2\" is declared twice "
                                   "(as \"%3\"): names that differ only in case are one "
                                   "table.")
                        .arg(module.id, spec->wireName, other.wireName));
        }
        module.collections.append(*spec);
    }
    for (const CollectionSpec &spec : std::as_const(module.collections)) {
        for (const FieldSpec &field : spec.fields) {
            if (field.type == FieldType::Reference &&
                !module.collection(field.referencedCollection))
                return refuse(
                    QStringLiteral(
                        "Module \"%1\": field \"%2.%3\" references the unknown collection "
                        "\"%4\".")
                        .arg(module.id, spec.wireName, field.name, field.referencedCollection));
        }
    }
    return module;
}

std::optional<ModuleSpec> ModuleSpec::fromFile(const QString &path, QString *error)
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
    return fromJson(document.object(), error);
}

} // namespace mana
