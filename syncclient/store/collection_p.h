// What Collection's source files share and nobody else needs: the built-in
// column names, the column positions of its SELECTs, the stored row, and
// small helpers. Collection is split by what it does: collection.cpp
// (construction, reads, local writes), collectionquery.cpp (the query
// language as SQL), collectionsearch.cpp (the full-text index and its
// queries), collectionremote.cpp (merging remote changes). The store's
// schema code (localstorecollections.cpp) takes the full-text index's
// schema from here too.
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

// The full-text index (collectionsearch.cpp): an external-content FTS5
// table over the collection's text fields that catches up with its table.
// Triggers only note the rows a write changed, in a plain table; the index
// takes the noted rows in one go before a search and when the app is idle
// (Collection::catchUpSearchIndex).
struct SchemaObject
{
    QString name; // as in sqlite_master
    QString sql;  // the CREATE statement, as SQLite keeps it in sqlite_master
};
// "_fts_<table>": the index of the collection's table.
QString fullTextTable(const QString &tableName);
// "_fts_pending_<table>": the rows the index has not taken yet.
QString fullTextPendingTable(const QString &tableName);
// The fields the index covers: every string and text field, in spec order.
QStringList fullTextFields(const CollectionSpec &spec);
// The index, its table of noted rows and the three triggers that note
// them, in fullTextObjectNames() order; empty for a spec without text
// fields.
QList<SchemaObject> fullTextSchema(const CollectionSpec &spec);
// The three triggers of schema 3 before the index caught up, which wrote
// the index in every write: a profile that has them has an index in step
// with its table.
QList<SchemaObject> inStepFullTextTriggers(const CollectionSpec &spec);
// The names of everything fullTextSchema() can create for the table (the
// index, the noted rows, the triggers), also for a spec that no longer has
// text fields (to drop an old index).
QStringList fullTextObjectNames(const QString &tableName);
// The statements of Collection::catchUpSearchIndex; empty without an index.
FullTextCatchUp fullTextCatchUp(const CollectionSpec &spec);
// The FTS5 query that finds the words of `text` (see Query::search) in
// `columns` (each word in any of them, not all in one), or in every
// indexed column when it is empty. Empty when `text` has no word (only
// spaces and punctuation).
QString fullTextQuery(const QString &text, const QStringList &columns = {});

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
