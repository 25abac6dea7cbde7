// The store's collections: their tables created from a spec or migrated to
// a newer one (new columns, new indexes, the full-text index), and the
// registry (_collections) that remembers every table, also those of modules
// not loaded now.
#include "localstore.h"

#include "collection_p.h"
#include "recordrow.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace mana {

namespace {

// How often a catch-up waiting for the log's breather looks again (as a
// pull's slices do).
constexpr int kWalBreatherPollMs = 2;

// The full-text index as `spec` wants it (collectionsearch.cpp). SQLite
// keeps every CREATE statement as it was given, so comparing those with
// the ones this spec makes tells whether anything differs: the text fields
// (a spec that added or dropped one), their order, the tokenizer, the
// table of noted rows, the triggers. Opening costs one look at
// sqlite_master when nothing does. A profile whose triggers still write
// the index in every write (schema 3 before the index caught up, or a
// build of then that opened this file since and remade the index) has an
// index in step with its table: it gets the triggers that note rows, and
// notes an earlier session left are dropped (the index holds those rows
// as they are). Anything else, or no index at all (a profile from before
// full-text search), has the index made anew and filled from the table.
bool ensureFullTextIndex(QSqlQuery &query, const CollectionSpec &spec, QString *error)
{
    auto run = [&](const QString &statement) {
        if (query.exec(statement))
            return true;
        *error = query.lastError().text();
        return false;
    };
    const QList<collectiondetail::SchemaObject> wanted = collectiondetail::fullTextSchema(spec);
    const QStringList names = collectiondetail::fullTextObjectNames(spec.tableName);
    QHash<QString, QString> stored;
    query.prepare(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE name IN (%1)")
                      .arg(QStringList(names.size(), QStringLiteral("?")).join(u',')));
    for (const QString &name : names)
        query.addBindValue(name);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        stored.insert(query.value(0).toString(), query.value(1).toString());
    query.finish();
    QHash<QString, QString> expected;
    for (const collectiondetail::SchemaObject &object : wanted)
        expected.insert(object.name, object.sql);
    if (stored == expected)
        return true;

    QHash<QString, QString> inStep;
    if (!wanted.isEmpty()) {
        inStep.insert(names.at(0), expected.value(names.at(0)));
        for (const collectiondetail::SchemaObject &trigger :
             collectiondetail::inStepFullTextTriggers(spec))
            inStep.insert(trigger.name, trigger.sql);
    }
    QHash<QString, QString> storedButNotes = stored;
    storedButNotes.remove(names.at(1));
    const bool indexInStep = !inStep.isEmpty() && storedButNotes == inStep;

    QElapsedTimer timer;
    timer.start();
    // The triggers belong to the collection's table, not to the index:
    // they go by name.
    for (qsizetype i = names.size() - 1; i > 1; --i) {
        if (!run(QStringLiteral("DROP TRIGGER IF EXISTS %1").arg(quoteIdentifier(names.at(i)))))
            return false;
    }
    if (!run(QStringLiteral("DROP TABLE IF EXISTS %1").arg(quoteIdentifier(names.at(1)))))
        return false;
    if (!indexInStep &&
        !run(QStringLiteral("DROP TABLE IF EXISTS %1").arg(quoteIdentifier(names.at(0)))))
        return false;
    if (wanted.isEmpty())
        return true;
    for (const collectiondetail::SchemaObject &object : wanted) {
        if ((!indexInStep || object.name != names.at(0)) && !run(object.sql))
            return false;
    }
    if (indexInStep) {
        qCInfo(lcStore).noquote() << "full-text index of" << spec.tableName
                                  << "now catches up instead of being written in every write";
        return true;
    }
    const QString fts = quoteIdentifier(names.at(0));
    if (!run(QStringLiteral("INSERT INTO %1 (%1) VALUES ('rebuild')").arg(fts)))
        return false;
    qCInfo(lcStore).noquote() << "full-text index of" << spec.tableName << "built in"
                              << timer.elapsed() << "ms";
    return true;
}

} // namespace

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

    const QString specJson =
        QString::fromUtf8(QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact));
    if (isReadOnly()) {
        // Nothing can be created or migrated: the collection opens when the
        // file holds it exactly as this spec describes (the registry keeps
        // the spec it was last made or migrated with).
        QSqlQuery query(database());
        query.prepare(QStringLiteral(
            "SELECT app_id, wire_name, spec_json FROM _collections WHERE table_name = ?"));
        query.addBindValue(spec.tableName);
        if (!query.exec() || !query.next() || query.value(0).toString() != spec.appId ||
            query.value(1).toString() != spec.wireName || query.value(2).toString() != specJson)
            return fail(QStringLiteral("The collection %1 cannot be opened: the profile is "
                                       "read-only and does not hold it as this ManaCore needs.")
                            .arg(key));
        auto *collection = new Collection(this, spec);
        m_collections.insert(key, collection);
        return collection;
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
            // Newest first is the order of every list without a manual
            // order: its pages are read from here, not sorted from the
            // whole table each time.
            if (!run(
                    QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (createdAt)")
                        .arg(quoteIdentifier(QStringLiteral("_created_") + spec.tableName), table)))
                return false;
            if (!ensureFullTextIndex(query, spec, stepError))
                return false;
            query.prepare(QStringLiteral(
                "INSERT INTO _collections (table_name, app_id, wire_name, spec_json) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (table_name) DO UPDATE SET "
                "spec_json = excluded.spec_json"));
            query.addBindValue(spec.tableName);
            query.addBindValue(spec.appId);
            query.addBindValue(spec.wireName);
            query.addBindValue(specJson);
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

bool LocalStore::catchUpSearchIndexes(qint64 maxRows, qint64 *rows, bool *more, QString *error)
{
    *rows = 0;
    *more = false;
    for (const Collection *collection : collections()) {
        if (maxRows > 0 && *rows >= maxRows) {
            *more = true; // the next chunk looks
            break;
        }
        qint64 taken = 0;
        bool left = false;
        if (!collection->catchUpSearchIndex(maxRows > 0 ? maxRows - *rows : 0, &taken, &left,
                                            error))
            return false;
        *rows += taken;
        *more = *more || left;
    }
    return true;
}

void LocalStore::scheduleSearchCatchUp(int delayMs)
{
    // A pending catch-up is not put off by later writes: the index lags
    // its table by about kSearchCatchUpDelayMs also while writes go on (a
    // pull), and takes their rows in chunks between them.
    if (!m_searchCatchUp.isActive())
        m_searchCatchUp.start(delayMs);
}

void LocalStore::catchUpSearchIndexesWhileIdle()
{
    if (!isOpen())
        return;
    if (transactionOpen()) { // an event loop run from inside a transaction
        scheduleSearchCatchUp(kSearchCatchUpDelayMs);
        return;
    }
    // A long catch-up (after a bulk import) is a run of writes like a
    // pull's: it pauses while the log waits to be copied back, or the log
    // grows to the checkpoint inside a commit (a chunk of 140-240 ms).
    if (walWantsBreather()) {
        scheduleSearchCatchUp(kWalBreatherPollMs);
        return;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 rows = 0;
    bool more = false;
    QString error;
    if (!catchUpSearchIndexes(kSearchCatchUpChunkRows, &rows, &more, &error)) {
        // The next commit tries again; until then searches catch up first.
        qCWarning(lcStore).noquote() << "full-text indexes could not catch up:" << error;
        return;
    }
    if (rows > 0)
        qCDebug(lcStore).noquote() << "full-text indexes took" << rows << "noted rows in"
                                   << timer.elapsed() << "ms" << (more ? "(more to come)" : "");
    if (more)
        scheduleSearchCatchUp(0);
}

} // namespace mana
