// Conversions between a record as JSON / per-field states and its SQLite
// row: column values by field type, and the `_fieldMeta` column that keeps
// each field's timestamp and writer.
#pragma once

#include "collectionspec.h"
#include "wire/merge.h"

#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace mana {

// "name" with embedded quotes doubled; every identifier in generated SQL
// goes through this even though specs only allow safe names.
QString quoteIdentifier(const QString &name);

// A validated JSON value as the value bound to the field's column.
QVariant columnValue(const FieldSpec &field, const QJsonValue &value);
// A column value read back as JSON for the field's type.
QJsonValue jsonValue(const FieldSpec &field, const QVariant &value);

// `_fieldMeta`: {"field": ["<updatedAt>", "<clientId>"]}, with a third
// element holding the value for fields that have no column here (declared
// by a newer version of the module, or a value the column's type refuses):
// they are kept, so nothing a peer wrote is lost.
struct FieldMeta
{
    QString updatedAt;
    QString clientId;
    QJsonValue extraValue; // Undefined unless kept in the meta
};
using FieldMetaMap = QMap<QString, FieldMeta>;

// The entry a new record's meta holds instead of one per field: every field
// (and createdAt) written at that timestamp by that client. Readers expand
// it with the collection's fields; a migration that adds a column spells it
// out first (the new column was not part of the insert).
inline const QString kInsertStampKey = QStringLiteral("*");

FieldMetaMap parseFieldMeta(const QString &json);
QString serializeFieldMeta(const FieldMetaMap &meta);

} // namespace mana
