// One collection of one app over its SQLite table. Every write is local,
// synchronous and ONE transaction: the row, a timestamp per changed field,
// and the pending change for the sync engine.
#pragma once

#include "collectionspec.h"
#include "query.h"
#include "recordrow.h"
#include "wire/change.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <optional>

namespace mana {

class LocalStore;
class NativeStatement;

namespace collectiondetail {
// The statements that bring a full-text index up to date
// (Collection::catchUpSearchIndex, made in collectionsearch.cpp).
struct FullTextCatchUp
{
    QString last;     // the last noted row (null: none)
    QString chunkEnd; // the row of the note ? places after the first
    QString forget;   // the index forgets the words it holds for the rows noted up to ?
    QString add;      // and takes the words of those rows as stored now
    QString done;     // the notes up to ? go
};
} // namespace collectiondetail

// A write's outcome. When !ok, `failure` says why as a code with details
// (storeerror.h); the words a person reads are made from it at the edge, in
// the window's language (app/shell's storeErrorText, the apps' controllers).
struct WriteResult
{
    bool ok = false;
    QString id;    // the record written
    QString error; // when !ok: the technical English text, for the log only (failure.detail)
    StoreErrorInfo failure;
    explicit operator bool() const { return ok; }
    StoreError code() const { return failure.code; }

    static WriteResult refused(const QString &id, StoreErrorInfo failure)
    {
        WriteResult result{false, id, failure.detail, {}};
        result.failure = std::move(failure);
        return result;
    }
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
    // *failure (optional): the code of the refusal.
    QStringList insertMany(const QList<QJsonObject> &values, QString *error = nullptr,
                           StoreErrorInfo *failure = nullptr);
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
    // The live records matching `query` per value of `field` (its text
    // form; null as an empty string), e.g. open tasks per project. Values
    // without records are missing.
    QHash<QString, int> countBy(const QString &field, const Query &query = {},
                                QString *error = nullptr) const;
    // At most `limit` live records whose text field `field` holds every
    // word of `text` (as Query::search: word starts, case and accents
    // ignored), newest first. It reads the full-text index only until it
    // has `limit` records, so a one-letter prefix matching 100,000 titles
    // costs what a rare word does: for the quick switcher, which ranks the
    // few it gets. Text without a word finds nothing.
    QList<QJsonObject> searchField(const QString &field, const QString &text, int limit,
                                   QString *error = nullptr) const;
    // As searchField over several text fields: a record matches when each
    // word of `text` begins a word of any of `fields` (one in the title,
    // another in the body), still one read of the index that stops after
    // `limit` live records, newest first.
    QList<QJsonObject> searchFields(const QStringList &fields, const QString &text, int limit,
                                    QString *error = nullptr) const;

    // Orders two records exactly as query() orders rows by `sort`:
    // negative when `a` comes first, 0 when no key tells them apart. Models
    // use it to place a changed record among the rows they loaded.
    int compare(const QList<Query::Sort> &sort, const QJsonObject &a, const QJsonObject &b) const;

    // What this collection read, for tests and diagnostics: a list over
    // 100,000 records must read what it shows, not the collection.
    struct ReadStats
    {
        qint64 queries = 0;          // query() and get() calls
        qint64 rowsRead = 0;         // records they returned
        qint64 unboundedQueries = 0; // query() without a limit
        qint64 counts = 0;           // count() and countBy() calls
    };
    ReadStats readStats() const { return m_readStats; }
    void resetReadStats() { m_readStats = {}; }

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
    // *failure (optional): NoSuchRecord, or SQLite's error sorted.
    std::optional<StoredRow> readRow(const QString &id, QString *error,
                                     StoreErrorInfo *failure = nullptr) const;
    bool readRowsAsJsonText(NativeStatement *select, QList<QJsonObject> *records,
                            QString *error) const;
    // Replaces the insert's "*" entry (every field at the insert's stamp,
    // see kInsertStampKey) with one entry per field.
    void expandInsertStamp(FieldMetaMap *meta) const;
    RecordState stateOf(const StoredRow &row) const;
    // Validates `values` for an insert (every declared field, defaults,
    // required ones present) into column values; the refusal's code and
    // sentence (detail) when refused.
    StoreErrorInfo prepareInsert(const QJsonObject &values, QVariantList *columns,
                                 QString *id) const;
    // *failure: DuplicateId or Refused (a constraint or trigger) when the
    // statement said so; other errors are sorted by the caller.
    bool insertPrepared(const QString &id, const QVariantList &columns, QString *error,
                        StoreErrorInfo *failure);
    // The failure of a write whose transaction failed with `error`: the
    // body's own refusal when it named one, else SQLite's error sorted.
    StoreErrorInfo writeFailure(const StoreErrorInfo &bodyFailure, const QString &error) const;
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
    // The query's conditions without the one on deletedAt (count() asks
    // for live rows its own way).
    QStringList conditions(const Query &query, QVariantList *bindings, QString *error) const;
    // `exact`: Equal also tells null from a value (inside NOT (…)).
    // `unindexed`: SQLite may not search an index of the field for it.
    QString filterCondition(const Query::Filter &filter, bool exact, bool unindexed,
                            QVariantList *bindings, QString *error) const;
    QString afterCondition(const QList<Query::Sort> &sort, const QJsonObject &after,
                           QVariantList *bindings, QString *error) const;
    // Query::search as SQL (collectionsearch.cpp); the index catches up
    // first.
    QString searchCondition(const QString &text, QVariantList *bindings, QString *error) const;
    // Brings the full-text index up to date with the table: it takes the
    // rows the triggers noted, the oldest notes first, at most `maxRows` of
    // them (all when 0 or less), in one transaction (a savepoint when one is
    // open). *rows: how many it took; *more: notes are left. Writes even
    // when called to read (a search): only when rows are noted.
    bool catchUpSearchIndex(qint64 maxRows, qint64 *rows, bool *more, QString *error) const;
    QString sortExpression(const Query::Sort &sort) const;
    bool neverNull(const Query::Sort &key) const;
    // A record's value of a sort key as bound next to sortExpression().
    QVariant sortValue(const Query::Sort &sort, const QJsonValue &value) const;
    void countRead(const Query &query, qsizetype rows) const;

    LocalStore *m_store;
    CollectionSpec m_spec;
    QString m_selectColumns;
    QString m_queryColumns;
    QJsonObject m_rowTemplate;    // every key of a record, values null
    QList<int> m_templateColumns; // per template key: its column in m_queryColumns
    QList<QByteArray> m_jsonKeys; // per column of m_queryColumns: `"name":`
    QString m_insertSql;
    QString m_mergeSql; // mergeRemote's write: the whole row by id (an upsert)
    QString m_selectByIdSql;
    collectiondetail::FullTextCatchUp m_catchUp; // empty: no full-text index
    mutable ReadStats m_readStats;
};

} // namespace mana
