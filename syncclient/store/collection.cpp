#include "collection.h"

#include "collection_p.h"
#include "localstore.h"
#include "recordrow.h"
#include "storefilecheck.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

namespace mana {

using namespace collectiondetail;

namespace {

// A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a counter
// and random bits. Ids made one after another sort one after another, so new
// rows land at the end of the id index instead of at random pages, which
// keeps bulk inserts fast; they stay unique across devices like any UUID.
QString newRecordId()
{
    static qint64 lastMillis = 0;
    static quint16 sequence = 0;
    const qint64 millis = QDateTime::currentMSecsSinceEpoch();
    if (millis > lastMillis) {
        lastMillis = millis;
        sequence = quint16(QRandomGenerator::global()->bounded(0x400)); // leaves room to count up
    } else {
        sequence = quint16((sequence + 1) & 0x0fff);
    }
    uchar bytes[16];
    for (int i = 0; i < 6; ++i)
        bytes[i] = uchar(lastMillis >> (8 * (5 - i)));
    bytes[6] = uchar(0x70 | ((sequence >> 8) & 0x0f));
    bytes[7] = uchar(sequence & 0xff);
    const quint64 random = QRandomGenerator::global()->generate64();
    for (int i = 8; i < 16; ++i)
        bytes[i] = uchar(random >> (8 * (i - 8)));
    bytes[8] = uchar(0x80 | (bytes[8] & 0x3f)); // RFC variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16))
        .toString(QUuid::WithoutBraces);
}

// A refusal of the values or the record, before SQLite is asked.
StoreErrorInfo refusal(StoreError code, const QString &field, const QString &detail,
                       const QString &limit = {})
{
    return {code, field, std::nullopt, limit, detail};
}

} // namespace

Collection::Collection(LocalStore *store, CollectionSpec spec)
    : QObject(store)
    , m_store(store)
    , m_spec(std::move(spec))
{
    QStringList columns{kId,
                        kCreatedAt,
                        kUpdatedAt,
                        kDeletedAt,
                        QStringLiteral("_version"),
                        QStringLiteral("_fieldMeta")};
    for (const FieldSpec &field : m_spec.fields)
        columns.append(quoteIdentifier(field.name));
    m_selectColumns = columns.join(QStringLiteral(", "));
    // query() reads no sync bookkeeping (_version, _fieldMeta).
    QStringList queryColumns = columns;
    queryColumns.removeAt(MetaColumn);
    queryColumns.removeAt(VersionColumn);
    m_queryColumns = queryColumns.join(QStringLiteral(", "));
    QStringList keys{kId, kCreatedAt, kUpdatedAt, kDeletedAt};
    for (const FieldSpec &field : m_spec.fields)
        keys.append(field.name);
    for (const QString &key : std::as_const(keys))
        m_rowTemplate.insert(key, QJsonValue::Null);
    for (auto it = m_rowTemplate.begin(); it != m_rowTemplate.end(); ++it)
        m_templateColumns.append(int(keys.indexOf(it.key())));
    // Names are checked by the spec (letters, digits, underscores): no
    // escaping needed.
    for (const QString &key : std::as_const(keys))
        m_jsonKeys.append('"' + key.toUtf8() + "\":");
    const QStringList placeholders(columns.size(), QStringLiteral("?"));
    // OR FAIL: a table with text fields has triggers (they note rows for
    // the full-text index), and SQLite runs a statement that fires triggers
    // and may ABORT (the default, which undoes the statement's own changes)
    // with a statement journal of its own: a bulk import (row by row) ran at
    // 49,000 rows/s with it, 103,000 without. FAIL keeps what the statement
    // wrote before an error, and an insert of one row has written nothing
    // when a constraint fails; any error rolls back the whole transaction
    // anyway. (The triggers' ON CONFLICT DO NOTHING is an upsert, which an
    // outer OR clause does not override.) Updates and merges gained nothing
    // measurable from it (pull_apply_slice_100_ms 1.2 ms either way).
    m_insertSql =
        QStringLiteral("INSERT OR FAIL INTO %1 (%2) VALUES (%3)")
            .arg(quoteIdentifier(m_spec.tableName), m_selectColumns, placeholders.join(u','));
    // An upsert, not INSERT OR REPLACE: REPLACE deletes the old row without
    // firing its DELETE trigger (unless recursive_triggers is on) and gives
    // the new one another rowid, which would leave the old words in the
    // full-text index and move the record to the end of insertion order.
    // The update keeps the rowid and fires the UPDATE trigger, which notes
    // the row for the index only when a text column changed. The version
    // counts every stored change.
    QStringList assignments;
    for (qsizetype i = 1; i < columns.size(); ++i) // all but the id
        assignments.append(columns.at(i) + QStringLiteral(" = excluded.") + columns.at(i));
    m_mergeSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4")
                     .arg(quoteIdentifier(m_spec.tableName), m_selectColumns,
                          placeholders.join(u','), assignments.join(QStringLiteral(", ")));
    m_selectByIdSql = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                          .arg(m_selectColumns, quoteIdentifier(m_spec.tableName));
    m_catchUp = fullTextCatchUp(m_spec);
}

std::optional<Collection::StoredRow> Collection::readRow(const QString &id, QString *error,
                                                         StoreErrorInfo *failure) const
{
    // Missing, or SQLite's error: the code beside the sentence.
    auto noteFailure = [&](const QString &sqliteError) {
        if (!failure)
            return;
        failure->code =
            sqliteError.isEmpty() ? StoreError::NoSuchRecord : storefile::writeErrorOf(sqliteError);
    };
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *select = native->prepare(m_selectByIdSql, error);
        if (!select)
            return std::nullopt;
        select->bindText(1, id);
        const NativeStatement::Step step = select->step();
        if (step != NativeStatement::Step::Row) {
            const QString sqliteError =
                step == NativeStatement::Step::Error ? select->errorMessage() : QString();
            noteFailure(sqliteError);
            if (error)
                *error = !sqliteError.isEmpty() ? sqliteError
                                                : QStringLiteral("There is no record \"%1\" in %2.")
                                                      .arg(id, m_spec.wireName);
            select->reset();
            return std::nullopt;
        }
        StoredRow row;
        // The template has every key in the object's own order: values are
        // set by position, no key is looked up or inserted (a push reads a
        // row per queued insert this way).
        row.record = m_rowTemplate;
        auto slot = row.record.begin();
        for (const int queryColumn : m_templateColumns) {
            // Query columns lack _version and _fieldMeta before the fields.
            const int column = queryColumn < kQueryFirstField
                                   ? queryColumn
                                   : queryColumn - kQueryFirstField + FirstField;
            if (select->isNull(column))
                *slot = QJsonValue::Null;
            else if (queryColumn < kQueryFirstField)
                *slot = select->text(column);
            else
                *slot =
                    nativeJsonValue(m_spec.fields[queryColumn - kQueryFirstField], *select, column);
            ++slot;
        }
        row.deleted = !select->isNull(DeletedAtColumn);
        row.version = select->int64(VersionColumn);
        row.meta = parseFieldMeta(select->text(MetaColumn));
        expandInsertStamp(&row.meta);
        select->reset();
        return row;
    }
    QSqlQuery *statement = m_store->statements().prepare(m_selectByIdSql, error);
    if (!statement)
        return std::nullopt;
    bindPositional(statement, {id});
    if (!statement->exec()) {
        noteFailure(statement->lastError().text());
        if (error)
            *error = statement->lastError().text();
        return std::nullopt;
    }
    if (!statement->next()) {
        statement->finish();
        noteFailure({});
        if (error)
            *error = QStringLiteral("There is no record \"%1\" in %2.").arg(id, m_spec.wireName);
        return std::nullopt;
    }
    const QSqlQuery &query = *statement;
    StoredRow row;
    row.record.insert(kId, query.value(IdColumn).toString());
    row.record.insert(kCreatedAt, textOrNull(query.value(CreatedAtColumn)));
    row.record.insert(kUpdatedAt, textOrNull(query.value(UpdatedAtColumn)));
    row.record.insert(kDeletedAt, textOrNull(query.value(DeletedAtColumn)));
    row.deleted = !query.value(DeletedAtColumn).isNull();
    row.version = query.value(VersionColumn).toLongLong();
    for (int i = 0; i < m_spec.fields.size(); ++i)
        row.record.insert(m_spec.fields[i].name,
                          jsonValue(m_spec.fields[i], query.value(FirstField + i)));
    row.meta = parseFieldMeta(query.value(MetaColumn).toString());
    expandInsertStamp(&row.meta);
    statement->finish();
    return row;
}

void Collection::expandInsertStamp(FieldMetaMap *meta) const
{
    const auto star = meta->constFind(kInsertStampKey);
    if (star == meta->cend())
        return;
    const FieldMeta stamp = *star;
    meta->erase(star);
    // Fields written since keep their own entries.
    if (!meta->contains(kCreatedAt))
        meta->insert(kCreatedAt, stamp);
    for (const FieldSpec &field : m_spec.fields) {
        if (!meta->contains(field.name))
            meta->insert(field.name, stamp);
    }
}

std::optional<QJsonObject> Collection::get(const QString &id, bool includeDeleted) const
{
    const auto row = readRow(id, nullptr);
    ++m_readStats.queries;
    if (!row || (row->deleted && !includeDeleted))
        return std::nullopt;
    ++m_readStats.rowsRead;
    return row->record;
}

RecordState Collection::recordState(const QString &id) const
{
    const auto row = readRow(id, nullptr);
    return row ? stateOf(*row) : RecordState();
}

RecordState Collection::stateOf(const StoredRow &stored) const
{
    RecordState state;
    const StoredRow *row = &stored;
    for (auto it = row->meta.begin(); it != row->meta.end(); ++it) {
        const QJsonValue value =
            it->extraValue.isUndefined() ? row->record.value(it.key()) : it->extraValue;
        state.insert(it.key(), FieldState{value.isUndefined() ? QJsonValue() : value, it->updatedAt,
                                          it->clientId});
    }
    return state;
}

StoreErrorInfo Collection::prepareInsert(const QJsonObject &values, QVariantList *columns,
                                         QString *id) const
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.key() == kId || m_spec.field(it.key()))
            continue;
        // createdAt and the like are the store's own, not an unknown name.
        if (isBuiltInField(it.key()))
            return refusal(StoreError::BuiltInField, it.key(),
                           QStringLiteral("\"%1\" is maintained by the store and cannot be set.")
                               .arg(it.key()));
        return refusal(StoreError::UnknownField, it.key(),
                       QStringLiteral("%1 has no field \"%2\".").arg(m_spec.wireName, it.key()));
    }
    *id = values.value(kId).toString();
    if (values.contains(kId) && !wire::isValidRecordId(*id))
        return refusal(
            StoreError::InvalidId, kId,
            QStringLiteral("The id must be text of 1 to %1 bytes.").arg(wire::kMaxRecordIdBytes),
            QString::number(wire::kMaxRecordIdBytes));
    if (id->isEmpty())
        *id = newRecordId();
    for (const FieldSpec &field : m_spec.fields) {
        QJsonValue value = values.value(field.name);
        if (value.isUndefined() && !field.defaultValue.isUndefined())
            value = field.defaultValue;
        QJsonValue accepted;
        StoreErrorInfo problem = field.check(value, &accepted);
        if (problem.isError())
            return problem;
        columns->append(columnValue(field, accepted));
    }
    return {};
}

bool Collection::insertPrepared(const QString &id, const QVariantList &columns, QString *error,
                                StoreErrorInfo *failure)
{
    const QString now = formatTimestamp(m_store->clock().issue());
    // Every field of a new record has the same timestamp and writer: one
    // "*" entry says so (readRow() spells it out per field), which keeps a
    // bulk import's rows small. Written as text directly: timestamps and the
    // own client id (a UUID) need no escaping.
    const QString meta = QStringLiteral("{\"") + kInsertStampKey + QStringLiteral("\":[\"") + now +
                         QStringLiteral("\",\"") + m_store->clientId() + QStringLiteral("\"]}");
    bool duplicate = false;
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *insert = native->prepare(m_insertSql, error);
        if (!insert)
            return false;
        insert->bindText(1, id);
        insert->bindText(2, now);
        insert->bindText(3, now);
        insert->bindNull(4);
        insert->bindInt64(5, 1);
        insert->bindText(6, meta);
        int position = 7;
        for (const QVariant &column : columns)
            insert->bind(position++, column);
        const bool inserted = insert->step() == NativeStatement::Step::Done;
        if (!inserted) {
            const int code = insert->extendedErrorCode();
            // SQLITE_CONSTRAINT_PRIMARYKEY or _UNIQUE: the id exists. Any
            // other constraint (a trigger's RAISE) refused the values.
            duplicate = code == 1555 || code == 2067;
            if (!duplicate && (code & 0xff) == 19)
                failure->code = StoreError::Refused;
            *error = insert->errorMessage();
        }
        insert->reset();
        if (!inserted && !duplicate)
            return false;
    } else {
        QSqlQuery *query = m_store->statements().prepare(m_insertSql, error);
        if (!query)
            return false;
        bindPositional(query, {id, now, now, QVariant(), 1, meta});
        int position = 6;
        for (const QVariant &column : columns)
            query->bindValue(position++, column);
        if (!query->exec()) {
            // The driver may give the primary code only (19): then the
            // message tells a taken id from a trigger's refusal.
            const int code = query->lastError().nativeErrorCode().toInt();
            const QString message = query->lastError().databaseText();
            duplicate = code == 1555 || code == 2067 ||
                        (code == 19 && message.contains(QLatin1String("UNIQUE constraint failed")));
            if (!duplicate && (code & 0xff) == 19)
                failure->code = StoreError::Refused;
            *error = query->lastError().text();
            if (!duplicate)
                return false;
        }
    }
    if (duplicate) {
        *error = QStringLiteral("A record with the id \"%1\" already exists in %2.")
                     .arg(id, m_spec.wireName);
        failure->code = StoreError::DuplicateId;
        return false;
    }
    // The queue row of an insert holds no fields: the stored record is the
    // change until it is pushed (see PendingChangeQueue).
    return m_store->pendingChanges().record(m_spec.appId, m_spec.tableName, m_spec.wireName, id,
                                            wire::ChangeOp::Insert, {}, error);
}

WriteResult Collection::insert(const QJsonObject &values)
{
    WriteResult result;
    QVariantList normalized;
    StoreErrorInfo refused = prepareInsert(values, &normalized, &result.id);
    if (refused.isError())
        return WriteResult::refused(result.id, std::move(refused));
    m_store->noteBeforeWrite(this, result.id); // an undo step records it (localstoreundo.cpp)
    result.ok = m_store->inTransaction(
        [&](QString *error) { return insertPrepared(result.id, normalized, error, &refused); },
        &result.error);
    if (!result.ok)
        return WriteResult::refused(result.id, writeFailure(refused, result.error));
    m_store->noteLocalWrite(this, {result.id});
    return result;
}

StoreErrorInfo Collection::writeFailure(const StoreErrorInfo &bodyFailure,
                                        const QString &error) const
{
    StoreErrorInfo failure = bodyFailure;
    // A read-only profile refuses before the body runs, whatever it noted.
    if (!failure.isError() || m_store->isReadOnly())
        failure.code = m_store->writeErrorOf(error);
    failure.detail = error;
    return failure;
}

QStringList Collection::insertMany(const QList<QJsonObject> &values, QString *error,
                                   StoreErrorInfo *failure)
{
    // Validated and written row by row inside the one transaction: a bad
    // record rolls back everything, and no copy of the whole import is kept.
    QStringList ids;
    ids.reserve(values.size());
    QVariantList normalized;
    StoreErrorInfo refused;
    QString problemText;
    const bool ok = m_store->inTransaction(
        [&](QString *stepError) {
            for (qsizetype i = 0; i < values.size(); ++i) {
                QString id;
                normalized.clear();
                refused = prepareInsert(values[i], &normalized, &id);
                if (refused.isError()) {
                    *stepError = QStringLiteral("Record %1: %2").arg(i + 1).arg(refused.detail);
                    return false;
                }
                m_store->noteBeforeWrite(this, id);
                if (!insertPrepared(id, normalized, stepError, &refused))
                    return false;
                ids.append(id);
            }
            return true;
        },
        &problemText);
    if (!ok) {
        if (error)
            *error = problemText;
        if (failure)
            *failure = writeFailure(refused, problemText);
        return {};
    }
    if (!ids.isEmpty())
        m_store->noteLocalWrite(this, ids);
    return ids;
}

WriteResult Collection::writeFields(const QString &id, const QJsonObject &edits, WriteKind kind)
{
    const bool requireLive = kind == WriteKind::Edit;
    WriteResult result;
    result.id = id;
    StoreErrorInfo refused;             // the body's own refusal (missing, deleted, a trigger)
    m_store->noteBeforeWrite(this, id); // an undo step records it (localstoreundo.cpp)
    result.ok = m_store->inTransaction(
        [&](QString *error) {
            auto row = readRow(id, error, &refused);
            if (!row)
                return false;
            if (requireLive && row->deleted) {
                *error =
                    QStringLiteral("The record \"%1\" in %2 is deleted.").arg(id, m_spec.wireName);
                refused.code = StoreError::RecordDeleted;
                return false;
            }
            const QString now = formatTimestamp(m_store->clock().issue());
            const QString clientId = m_store->clientId();
            QJsonObject normalized = edits;
            if (kind == WriteKind::Delete)
                normalized.insert(kDeletedAt, now); // the deletion's own timestamp
            QMap<QString, FieldState> pendingFields;
            QStringList assignments;
            QVariantList bindings;
            for (auto it = normalized.begin(); it != normalized.end(); ++it) {
                assignments.append(quoteIdentifier(it.key()) + QStringLiteral(" = ?"));
                const FieldSpec *field = m_spec.field(it.key());
                bindings.append(
                    field ? columnValue(*field, it.value())
                          : (it.value().isNull() ? QVariant() : QVariant(it.value().toString())));
                row->meta.insert(it.key(), FieldMeta{now, clientId, QJsonValue::Undefined});
                pendingFields.insert(it.key(), FieldState{it.value(), now, clientId});
            }
            QSqlQuery *query = m_store->statements().prepare(
                QStringLiteral(
                    "UPDATE %1 SET %2, updatedAt = ?, _version = _version + 1, _fieldMeta = ? "
                    "WHERE id = ?")
                    .arg(quoteIdentifier(m_spec.tableName), assignments.join(QStringLiteral(", "))),
                error);
            if (!query)
                return false;
            bindings << now << serializeFieldMeta(row->meta) << id;
            if (!execWith(query, bindings, error)) {
                // SQLITE_CONSTRAINT (any extended code): a trigger or check refused.
                if ((query->lastError().nativeErrorCode().toInt() & 0xff) == 19)
                    refused.code = StoreError::Refused;
                return false;
            }
            return m_store->pendingChanges().record(
                m_spec.appId, m_spec.tableName, m_spec.wireName, id,
                kind == WriteKind::Delete ? wire::ChangeOp::Delete : wire::ChangeOp::Update,
                pendingFields, error);
        },
        &result.error);
    if (!result.ok)
        return WriteResult::refused(id, writeFailure(refused, result.error));
    m_store->noteLocalWrite(this, {id});
    return result;
}

WriteResult Collection::update(const QString &id, const QJsonObject &changedFields)
{
    QJsonObject normalized;
    for (auto it = changedFields.begin(); it != changedFields.end(); ++it) {
        const FieldSpec *field = m_spec.field(it.key());
        if (!field) {
            if (isBuiltInField(it.key()))
                return WriteResult::refused(
                    id, refusal(StoreError::BuiltInField, it.key(),
                                QStringLiteral("\"%1\" is maintained by the store and cannot be "
                                               "set.")
                                    .arg(it.key())));
            return WriteResult::refused(
                id,
                refusal(StoreError::UnknownField, it.key(),
                        QStringLiteral("%1 has no field \"%2\".").arg(m_spec.wireName, it.key())));
        }
        QJsonValue accepted;
        StoreErrorInfo problem = field->check(it.value(), &accepted);
        if (problem.isError())
            return WriteResult::refused(id, std::move(problem));
        normalized.insert(it.key(), accepted);
    }
    if (normalized.isEmpty())
        return WriteResult::refused(id,
                                    refusal(StoreError::NothingToUpdate, {},
                                            QStringLiteral("An update needs at least one field.")));
    return writeFields(id, normalized, WriteKind::Edit);
}

WriteResult Collection::remove(const QString &id)
{
    QString error;
    StoreErrorInfo failure;
    const auto row = readRow(id, &error, &failure);
    if (!row) {
        failure.detail = error;
        return WriteResult::refused(id, std::move(failure));
    }
    if (row->deleted)
        return {true, id, {}, {}}; // already gone: removing twice is not an error
    return writeFields(id, {}, WriteKind::Delete);
}

WriteResult Collection::restore(const QString &id)
{
    QString error;
    StoreErrorInfo failure;
    const auto row = readRow(id, &error, &failure);
    if (!row) {
        failure.detail = error;
        return WriteResult::refused(id, std::move(failure));
    }
    if (!row->deleted)
        return {true, id, {}, {}};
    return writeFields(id, QJsonObject{{kDeletedAt, QJsonValue::Null}}, WriteKind::Restore);
}

} // namespace mana
