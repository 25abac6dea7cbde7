// What Collection's source files share and nobody else needs: the built-in
// column names, the column positions of its SELECTs, the stored row, and
// small helpers. Collection is split by what it does: collection.cpp
// (construction, reads, local writes), collectionquery.cpp (the query
// language as SQL), collectionremote.cpp (merging remote changes).
#pragma once

#include "collection.h"
#include "nativesqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace mana::collectiondetail {

inline const QString kId = QStringLiteral("id");
inline const QString kCreatedAt = QStringLiteral("createdAt");
inline const QString kUpdatedAt = QStringLiteral("updatedAt");
inline const QString kDeletedAt = QStringLiteral("deletedAt");

// Where the declared fields start in Collection::m_queryColumns.
constexpr int kQueryFirstField = 4;

// Column positions in Collection::m_selectColumns.
enum Column {
    IdColumn,
    CreatedAtColumn,
    UpdatedAtColumn,
    DeletedAtColumn,
    VersionColumn,
    MetaColumn,
    FirstField
};

inline bool isBuiltInField(const QString &name)
{
    return name == kId || name == kCreatedAt || name == kUpdatedAt || name == kDeletedAt;
}

// Binds the values to the statement's placeholders, in order, and runs it.
inline bool execWith(QSqlQuery *query, const QVariantList &values, QString *error)
{
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values[i]);
    if (query->exec())
        return true;
    if (error)
        *error = query->lastError().text();
    return false;
}

inline QJsonValue textOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
}

// A column read through the native statement as JSON for the field's
// type; the same conversion as jsonValue() without the QVariant.
inline QJsonValue nativeJsonValue(const FieldSpec &field, const NativeStatement &row, int column)
{
    switch (field.type) {
    case FieldType::Boolean:
        return row.int64(column) != 0;
    case FieldType::Integer:
        return row.int64(column);
    case FieldType::Number:
        return row.real(column);
    case FieldType::Json: {
        const QJsonDocument document = QJsonDocument::fromJson("[" + row.utf8(column) + "]");
        return document.array().isEmpty() ? QJsonValue::Null : document.array().first();
    }
    default:
        return row.text(column);
    }
}

} // namespace mana::collectiondetail

namespace mana {

struct Collection::StoredRow
{
    QJsonObject record; // as get() returns it
    FieldMetaMap meta;
    qint64 version = 0;
    bool deleted = false;
};

} // namespace mana
