// The store's collections: their tables created from a spec or migrated to
// a newer one (new columns, new indexes), and the registry (_collections)
// that remembers every table, also those of modules not loaded now.
#include "localstore.h"

#include "recordrow.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace mana {

QString LocalStore::tableSpecJson(const QString &tableName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT spec_json FROM _collections WHERE table_name = ?"));
    query.addBindValue(tableName);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

QString LocalStore::specAppId(const QString &tableName) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT app_id FROM _collections WHERE table_name = ?"));
    query.addBindValue(tableName);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

Collection *LocalStore::addCollection(const CollectionSpec &spec, QString *error)
{
    auto fail = [&](const QString &message) -> Collection * {
        qCWarning(lcStore).noquote() << message;
        if (error)
            *error = message;
        return nullptr;
    };
    if (!isOpen())
        return fail(QStringLiteral("The store is not open."));
    const QString key = spec.appId + u'/' + spec.wireName;
    if (Collection *existing = m_collections.value(key)) {
        if (existing->spec().toJson() == spec.toJson())
            return existing;
        return fail(
            QStringLiteral("The collection %1 is already open with another spec.").arg(key));
    }
    for (const Collection *other : std::as_const(m_collections)) {
        if (other->spec().tableName == spec.tableName)
            return fail(QStringLiteral("The collections %1/%2 and %3 would share the table %4.")
                            .arg(other->spec().appId, other->spec().wireName, key, spec.tableName));
    }

    QString sqlError;
    const bool ok = inTransaction(
        [&](QString *stepError) {
            QSqlQuery query(database());
            auto run = [&](const QString &statement) {
                if (query.exec(statement))
                    return true;
                *stepError = query.lastError().text();
                return false;
            };
            // The registry knows tables of collections not opened this session.
            query.prepare(
                QStringLiteral("SELECT app_id, wire_name FROM _collections WHERE table_name = ?"));
            query.addBindValue(spec.tableName);
            if (!query.exec()) {
                *stepError = query.lastError().text();
                return false;
            }
            if (query.next() && (query.value(0).toString() != spec.appId ||
                                 query.value(1).toString() != spec.wireName)) {
                *stepError =
                    QStringLiteral("the table %1 belongs to %2/%3")
                        .arg(spec.tableName, query.value(0).toString(), query.value(1).toString());
                return false;
            }
            query.finish();
            const QString table = quoteIdentifier(spec.tableName);
            QStringList columns{QStringLiteral("id TEXT PRIMARY KEY NOT NULL"),
                                QStringLiteral("createdAt TEXT"),
                                QStringLiteral("updatedAt TEXT"),
                                QStringLiteral("deletedAt TEXT"),
                                QStringLiteral("_version INTEGER NOT NULL DEFAULT 0"),
                                QStringLiteral("_fieldMeta TEXT NOT NULL DEFAULT '{}'")};
            for (const FieldSpec &field : spec.fields)
                columns.append(quoteIdentifier(field.name) + u' ' + field.sqlType());
            if (!run(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2)")
                         .arg(table, columns.join(QStringLiteral(", ")))))
                return false;

            // Migration of an existing table: add the columns a newer spec
            // declares. Columns a spec dropped stay (data is never deleted).
            QStringList existingColumns;
            if (!run(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
                return false;
            while (query.next())
                existingColumns.append(query.value(1).toString());
            QStringList addedFields;
            for (const FieldSpec &field : spec.fields) {
                if (!existingColumns.contains(field.name))
                    addedFields.append(field.name);
            }
            // Rows still holding an insert's "*" stamp get one entry per
            // existing column first: the new column was not written then.
            if (!addedFields.isEmpty()) {
                const QString star = QStringLiteral("'$.\"%1\"'").arg(kInsertStampKey);
                QStringList paths;
                for (const QString &column : std::as_const(existingColumns)) {
                    if (column == QLatin1String("id") || column == QLatin1String("updatedAt") ||
                        column == QLatin1String("deletedAt") || column.startsWith(u'_'))
                        continue;
                    paths.append(QStringLiteral("'$.\"%1\"', json(json_extract(_fieldMeta, %2))")
                                     .arg(column, star));
                }
                if (!run(QStringLiteral("UPDATE %1 SET _fieldMeta = json_remove(json_insert("
                                        "_fieldMeta, %2), %3) WHERE json_extract(_fieldMeta, %3) "
                                        "IS NOT NULL")
                             .arg(table, paths.join(QStringLiteral(", ")), star)))
                    return false;
            }
            for (const FieldSpec &field : spec.fields) {
                if (!existingColumns.contains(field.name) &&
                    !run(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3")
                             .arg(table, quoteIdentifier(field.name), field.sqlType())))
                    return false;
            }
            for (const IndexSpec &index : spec.indexes) {
                QStringList quoted;
                for (const QString &field : index.fields)
                    quoted.append(quoteIdentifier(field));
                if (!run(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)")
                             .arg(quoteIdentifier(index.sqlName(spec.tableName)), table,
                                  quoted.join(QStringLiteral(", ")))))
                    return false;
            }
            // Deleted rows only: live inserts never touch it, and it makes
            // counting the live rows (all rows minus these) and finding
            // tombstones to purge cheap.
            if (!run(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (deletedAt) "
                                    "WHERE deletedAt IS NOT NULL")
                         .arg(quoteIdentifier(QStringLiteral("_tombstones_") + spec.tableName),
                              table)))
                return false;
            query.prepare(QStringLiteral(
                "INSERT INTO _collections (table_name, app_id, wire_name, spec_json) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (table_name) DO UPDATE SET "
                "spec_json = excluded.spec_json"));
            query.addBindValue(spec.tableName);
            query.addBindValue(spec.appId);
            query.addBindValue(spec.wireName);
            query.addBindValue(
                QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact)));
            if (!query.exec()) {
                *stepError = query.lastError().text();
                return false;
            }
            return true;
        },
        &sqlError);
    if (!ok)
        return fail(QStringLiteral("Cannot create the collection %1: %2").arg(key, sqlError));

    auto *collection = new Collection(this, spec);
    m_collections.insert(key, collection);
    return collection;
}

bool LocalStore::addModule(const ModuleSpec &module, QString *error)
{
    for (const CollectionSpec &spec : module.collections) {
        if (!addCollection(spec, error))
            return false;
    }
    return true;
}

Collection *LocalStore::collection(const QString &appId, const QString &wireName) const
{
    return m_collections.value(appId + u'/' + wireName);
}

QList<Collection *> LocalStore::collections() const
{
    QList<Collection *> list = m_collections.values();
    std::sort(list.begin(), list.end(), [](const Collection *a, const Collection *b) {
        return a->spec().tableName < b->spec().tableName;
    });
    return list;
}

} // namespace mana
