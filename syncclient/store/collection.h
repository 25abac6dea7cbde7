// One collection of one app over its SQLite table. Every write is local,
// synchronous and ONE transaction: the row, a timestamp per changed field,
// and the pending change for the sync engine.
#pragma once

#include "collectionspec.h"
#include "query.h"
#include "recordrow.h"
#include "wire/change.h"

#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <optional>

namespace mana {

class LocalStore;
class NativeStatement;

struct WriteResult
{
    bool ok = false;
    QString id;    // the record written
    QString error; // a sentence when !ok
    explicit operator bool() const { return ok; }
};

class Collection : public QObject
{
    Q_OBJECT
public:
    const CollectionSpec &spec() const { return m_spec; }
    // The store this collection lives in (references point to its siblings).
    LocalStore *store() const { return m_store; }

    // `values` holds declared fields; an "id" is used when given (seeds use
    // fixed ids), otherwise a UUID is made. Missing optional fields are null;
    // a missing required field without default is refused. createdAt and
    // updatedAt are set from the clock.
    WriteResult insert(const QJsonObject &values);
    // All rows in one transaction (all or nothing). Returns the ids.
    QStringList insertMany(const QList<QJsonObject> &values, QString *error = nullptr);
    // Changes only the given fields; unknown fields and wrong types are
    // refused. Updating a deleted record is refused.
    WriteResult update(const QString &id, const QJsonObject &changedFields);
    // Soft delete: sets deletedAt.
    WriteResult remove(const QString &id);
    // Undoes a soft delete (deletedAt back to null, with a newer timestamp).
    WriteResult restore(const QString &id);

    // The record as JSON: id, createdAt, updatedAt, deletedAt and every field
    // (null when unset). nullopt when missing, or deleted and !includeDeleted.
    std::optional<QJsonObject> get(const QString &id, bool includeDeleted = false) const;
    QList<QJsonObject> query(const Query &query = {}, QString *error = nullptr) const;
    int count(const Query &query = {}, QString *error = nullptr) const;

    // The per-field states of a stored record (for the merge), or an empty
    // state when the record does not exist.
    RecordState recordState(const QString &id) const;

signals:
    // Emitted after the transaction committed, for local writes and applied
    // remote changes alike.
    void changed(const QStringList &ids);

private:
    friend class LocalStore;
    Collection(LocalStore *store, CollectionSpec spec);

    struct StoredRow;
    std::optional<StoredRow> readRow(const QString &id, QString *error) const;
    bool readRowsAsJsonText(NativeStatement *select, QList<QJsonObject> *records,
                            QString *error) const;
    // Replaces the insert's "*" entry (every field at the insert's stamp,
    // see kInsertStampKey) with one entry per field.
    void expandInsertStamp(FieldMetaMap *meta) const;
    RecordState stateOf(const StoredRow &row) const;
    // Validates `values` for an insert (every declared field, defaults,
    // required ones present) into column values; a sentence when refused.
    QString prepareInsert(const QJsonObject &values, QVariantList *columns, QString *id) const;
    bool insertPrepared(const QString &id, const QVariantList &columns, QString *error);
    enum class WriteKind { Edit, Delete, Restore };
    // One write of validated fields to an existing record; a Delete also
    // sets deletedAt to the write's own timestamp.
    WriteResult writeFields(const QString &id, const QJsonObject &edits, WriteKind kind);
    // Merges a remote change into the stored record, inside the caller's
    // transaction (LocalStore::applyRemoteChanges).
    bool mergeRemote(const QString &id, const RecordState &incoming, bool *changed, QString *error);
    // The server clamped our far-future timestamp of a field: take its
    // timestamp, as long as the stored value is still the one we wrote.
    bool adjustFieldTimestamp(const QString &id, const QString &field, const QString &updatedAt,
                              QString *error);
    QString whereClause(const Query &query, QVariantList *bindings, QString *error) const;

    LocalStore *m_store;
    CollectionSpec m_spec;
    QString m_selectColumns;
    QString m_queryColumns;
    QJsonObject m_rowTemplate;    // every key of a record, values null
    QList<int> m_templateColumns; // per template key: its column in m_queryColumns
    QList<QByteArray> m_jsonKeys; // per column of m_queryColumns: `"name":`
    QString m_insertSql;
    QString m_replaceSql; // mergeRemote's write: the whole row by id
    QString m_selectByIdSql;
};

} // namespace mana
