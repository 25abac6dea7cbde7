#include "collection.h"

#include "localstore.h"
#include "nativesqlite.h"
#include "recordrow.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace mana {

namespace {

const QString kId = QStringLiteral("id");
const QString kCreatedAt = QStringLiteral("createdAt");
const QString kUpdatedAt = QStringLiteral("updatedAt");
const QString kDeletedAt = QStringLiteral("deletedAt");

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

bool isBuiltInField(const QString &name)
{
    return name == kId || name == kCreatedAt || name == kUpdatedAt || name == kDeletedAt;
}

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

// Binds the values to the statement's placeholders, in order, and runs it.
bool execWith(QSqlQuery *query, const QVariantList &values, QString *error)
{
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values[i]);
    if (query->exec())
        return true;
    if (error)
        *error = query->lastError().text();
    return false;
}

QJsonValue textOrNull(const QVariant &value)
{
    return value.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(value.toString());
}

// A column read through the native statement as JSON for the field's
// type; the same conversion as jsonValue() without the QVariant.
QJsonValue nativeJsonValue(const FieldSpec &field, const NativeStatement &row, int column)
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

} // namespace

struct Collection::StoredRow
{
    QJsonObject record; // as get() returns it
    FieldMetaMap meta;
    qint64 version = 0;
    bool deleted = false;
};

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
    const QStringList placeholders(columns.size(), QStringLiteral("?"));
    m_insertSql =
        QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
            .arg(quoteIdentifier(m_spec.tableName), m_selectColumns, placeholders.join(u','));
    m_selectByIdSql = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                          .arg(m_selectColumns, quoteIdentifier(m_spec.tableName));
}

std::optional<Collection::StoredRow> Collection::readRow(const QString &id, QString *error) const
{
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *select = native->prepare(m_selectByIdSql, error);
        if (!select)
            return std::nullopt;
        select->bindText(1, id);
        const NativeStatement::Step step = select->step();
        if (step != NativeStatement::Step::Row) {
            if (error)
                *error = step == NativeStatement::Step::Error
                             ? select->errorMessage()
                             : QStringLiteral("There is no record \"%1\" in %2.")
                                   .arg(id, m_spec.wireName);
            select->reset();
            return std::nullopt;
        }
        auto textOrNullAt = [select](int column) {
            return select->isNull(column) ? QJsonValue(QJsonValue::Null)
                                          : QJsonValue(select->text(column));
        };
        StoredRow row;
        row.record.insert(kId, select->text(IdColumn));
        row.record.insert(kCreatedAt, textOrNullAt(CreatedAtColumn));
        row.record.insert(kUpdatedAt, textOrNullAt(UpdatedAtColumn));
        row.record.insert(kDeletedAt, textOrNullAt(DeletedAtColumn));
        row.deleted = !select->isNull(DeletedAtColumn);
        row.version = select->int64(VersionColumn);
        for (int i = 0; i < m_spec.fields.size(); ++i)
            row.record.insert(m_spec.fields[i].name,
                              select->isNull(FirstField + i)
                                  ? QJsonValue(QJsonValue::Null)
                                  : nativeJsonValue(m_spec.fields[i], *select, FirstField + i));
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
        if (error)
            *error = statement->lastError().text();
        return std::nullopt;
    }
    if (!statement->next()) {
        statement->finish();
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
    if (!row || (row->deleted && !includeDeleted))
        return std::nullopt;
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

QString Collection::prepareInsert(const QJsonObject &values, QVariantList *columns,
                                  QString *id) const
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.key() != kId && !m_spec.field(it.key()))
            return QStringLiteral("%1 has no field \"%2\".").arg(m_spec.wireName, it.key());
    }
    *id = values.value(kId).toString();
    if (values.contains(kId) && !wire::isValidRecordId(*id))
        return QStringLiteral("The id must be text of 1 to %1 bytes.").arg(wire::kMaxRecordIdBytes);
    if (id->isEmpty())
        *id = newRecordId();
    for (const FieldSpec &field : m_spec.fields) {
        QJsonValue value = values.value(field.name);
        if (value.isUndefined() && !field.defaultValue.isUndefined())
            value = field.defaultValue;
        QJsonValue accepted;
        const QString problem = field.validate(value, &accepted);
        if (!problem.isEmpty())
            return problem;
        columns->append(columnValue(field, accepted));
    }
    return {};
}

bool Collection::insertPrepared(const QString &id, const QVariantList &columns, QString *error)
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
            duplicate = (insert->extendedErrorCode() & 0xff) == 19; // SQLITE_CONSTRAINT
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
            duplicate = query->lastError().nativeErrorCode() == QLatin1String("1555") ||
                        query->lastError().nativeErrorCode() == QLatin1String("19");
            *error = query->lastError().text();
            if (!duplicate)
                return false;
        }
    }
    if (duplicate) {
        *error = QStringLiteral("A record with the id \"%1\" already exists in %2.")
                     .arg(id, m_spec.wireName);
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
    result.error = prepareInsert(values, &normalized, &result.id);
    if (!result.error.isEmpty())
        return result;
    result.ok = m_store->inTransaction(
        [&](QString *error) { return insertPrepared(result.id, normalized, error); },
        &result.error);
    if (result.ok) {
        emit changed({result.id});
        emit m_store->pendingChangesAdded(m_spec.appId);
    }
    return result;
}

QStringList Collection::insertMany(const QList<QJsonObject> &values, QString *error)
{
    // Validated and written row by row inside the one transaction: a bad
    // record rolls back everything, and no copy of the whole import is kept.
    QStringList ids;
    ids.reserve(values.size());
    QVariantList normalized;
    const bool ok = m_store->inTransaction(
        [&](QString *stepError) {
            for (qsizetype i = 0; i < values.size(); ++i) {
                QString id;
                normalized.clear();
                const QString problem = prepareInsert(values[i], &normalized, &id);
                if (!problem.isEmpty()) {
                    *stepError = QStringLiteral("Record %1: %2").arg(i + 1).arg(problem);
                    return false;
                }
                if (!insertPrepared(id, normalized, stepError))
                    return false;
                ids.append(id);
            }
            return true;
        },
        error);
    if (!ok)
        return {};
    if (!ids.isEmpty()) {
        emit changed(ids);
        emit m_store->pendingChangesAdded(m_spec.appId);
    }
    return ids;
}

WriteResult Collection::writeFields(const QString &id, const QJsonObject &edits, WriteKind kind)
{
    const bool requireLive = kind == WriteKind::Edit;
    WriteResult result;
    result.id = id;
    result.ok = m_store->inTransaction(
        [&](QString *error) {
            auto row = readRow(id, error);
            if (!row)
                return false;
            if (requireLive && row->deleted) {
                *error =
                    QStringLiteral("The record \"%1\" in %2 is deleted.").arg(id, m_spec.wireName);
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
            if (!execWith(query, bindings, error))
                return false;
            return m_store->pendingChanges().record(
                m_spec.appId, m_spec.tableName, m_spec.wireName, id,
                kind == WriteKind::Delete ? wire::ChangeOp::Delete : wire::ChangeOp::Update,
                pendingFields, error);
        },
        &result.error);
    if (result.ok) {
        emit changed({id});
        emit m_store->pendingChangesAdded(m_spec.appId);
    }
    return result;
}

WriteResult Collection::update(const QString &id, const QJsonObject &changedFields)
{
    QJsonObject normalized;
    for (auto it = changedFields.begin(); it != changedFields.end(); ++it) {
        const FieldSpec *field = m_spec.field(it.key());
        if (!field) {
            const QString reason =
                isBuiltInField(it.key())
                    ? QStringLiteral("\"%1\" is maintained by the store and cannot be set.")
                          .arg(it.key())
                    : QStringLiteral("%1 has no field \"%2\".").arg(m_spec.wireName, it.key());
            return {false, id, reason};
        }
        QJsonValue accepted;
        const QString problem = field->validate(it.value(), &accepted);
        if (!problem.isEmpty())
            return {false, id, problem};
        normalized.insert(it.key(), accepted);
    }
    if (normalized.isEmpty())
        return {false, id, QStringLiteral("An update needs at least one field.")};
    return writeFields(id, normalized, WriteKind::Edit);
}

WriteResult Collection::remove(const QString &id)
{
    QString error;
    const auto row = readRow(id, &error);
    if (!row)
        return {false, id, error};
    if (row->deleted)
        return {true, id, {}}; // already gone: removing twice is not an error
    return writeFields(id, {}, WriteKind::Delete);
}

WriteResult Collection::restore(const QString &id)
{
    QString error;
    const auto row = readRow(id, &error);
    if (!row)
        return {false, id, error};
    if (!row->deleted)
        return {true, id, {}};
    return writeFields(id, QJsonObject{{kDeletedAt, QJsonValue::Null}}, WriteKind::Restore);
}

QString Collection::whereClause(const Query &query, QVariantList *bindings, QString *error) const
{
    QStringList conditions;
    if (!query.includeDeleted)
        conditions.append(QStringLiteral("deletedAt IS NULL"));
    for (const Query::Filter &filter : query.filters) {
        const FieldSpec *field = m_spec.field(filter.field);
        if (!field && !isBuiltInField(filter.field)) {
            *error = QStringLiteral("%1 has no field \"%2\" to filter on.")
                         .arg(m_spec.wireName, filter.field);
            return {};
        }
        const bool nullTest =
            filter.op == Query::Op::IsNull || filter.op == Query::Op::IsNotNull ||
            ((filter.op == Query::Op::Equal || filter.op == Query::Op::NotEqual) &&
             (filter.value.isNull() || filter.value.isUndefined()));
        if (field && field->type == FieldType::Json && !nullTest) {
            *error = QStringLiteral("The json field \"%1\" can only be tested for null.")
                         .arg(filter.field);
            return {};
        }
        // Timestamps compare as text only in their canonical form.
        const bool timestamp = field ? field->type == FieldType::DateTime : filter.field != kId;
        auto bind = [&](const QJsonValue &value) {
            const auto canonical =
                timestamp && value.isString() ? canonicalTimestamp(value.toString()) : std::nullopt;
            const QJsonValue bound = canonical ? QJsonValue(*canonical) : value;
            bindings->append(field ? columnValue(*field, bound) : QVariant(bound.toString()));
        };
        const QString column = quoteIdentifier(filter.field);
        if (nullTest) {
            const bool isNull = filter.op == Query::Op::IsNull || filter.op == Query::Op::Equal;
            conditions.append(
                column + (isNull ? QStringLiteral(" IS NULL") : QStringLiteral(" IS NOT NULL")));
            continue;
        }
        if (filter.op == Query::Op::In) {
            if (!filter.value.isArray()) {
                *error = QStringLiteral("The IN filter on \"%1\" needs a list of values.")
                             .arg(filter.field);
                return {};
            }
            const QJsonArray values = filter.value.toArray();
            if (values.isEmpty()) {
                conditions.append(QStringLiteral("0"));
                continue;
            }
            QStringList placeholders;
            for (const QJsonValue &value : values) {
                placeholders.append(QStringLiteral("?"));
                bind(value);
            }
            conditions.append(column + QStringLiteral(" IN (") + placeholders.join(u',') + u')');
            continue;
        }
        if (filter.op == Query::Op::Contains) {
            if (!field || (field->type != FieldType::String && field->type != FieldType::Text &&
                           field->type != FieldType::Enum)) {
                *error =
                    QStringLiteral("\"%1\" is not a text field to search in.").arg(filter.field);
                return {};
            }
            QString pattern = filter.value.toString();
            pattern.replace(u'\\', QStringLiteral("\\\\"))
                .replace(u'%', QStringLiteral("\\%"))
                .replace(u'_', QStringLiteral("\\_"));
            conditions.append(column + QStringLiteral(" LIKE ? ESCAPE '\\'"));
            bindings->append(QVariant(u'%' + pattern + u'%'));
            continue;
        }
        static const QHash<Query::Op, QString> kOperators{
            {Query::Op::Equal, QStringLiteral(" = ?")},
            {Query::Op::NotEqual, QStringLiteral(" IS NOT ?")},
            {Query::Op::Less, QStringLiteral(" < ?")},
            {Query::Op::LessOrEqual, QStringLiteral(" <= ?")},
            {Query::Op::Greater, QStringLiteral(" > ?")},
            {Query::Op::GreaterOrEqual, QStringLiteral(" >= ?")}};
        conditions.append(column + kOperators.value(filter.op));
        bind(filter.value);
    }
    return conditions.isEmpty()
               ? QString()
               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QList<QJsonObject> Collection::query(const Query &query, QString *error) const
{
    QList<QJsonObject> records;
    QString problem;
    QVariantList bindings;
    QString sql =
        QStringLiteral("SELECT %1 FROM %2").arg(m_queryColumns, quoteIdentifier(m_spec.tableName)) +
        whereClause(query, &bindings, &problem);
    QStringList order;
    for (const Query::Sort &sort : query.sort) {
        if (!m_spec.field(sort.field) && !isBuiltInField(sort.field))
            problem = QStringLiteral("%1 has no field \"%2\" to sort by.")
                          .arg(m_spec.wireName, sort.field);
        order.append(quoteIdentifier(sort.field) +
                     (sort.descending ? QStringLiteral(" DESC") : QString()));
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return records;
    }
    // Without a sort: id order, the same on every device (ids are
    // time-ordered, so roughly creation order). Ties of a sort end in local
    // insertion order (rowid): every index already ends with the rowid, so a
    // sort on an indexed field needs no extra sorting step (the id would).
    order.append(order.isEmpty() ? kId : QStringLiteral("rowid"));
    sql += QStringLiteral(" ORDER BY ") + order.join(QStringLiteral(", "));
    sql += QStringLiteral(" LIMIT ? OFFSET ?");

    bindings << query.limit << std::max(0, query.offset);
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *select = native->prepare(sql, error);
        if (!select)
            return records;
        for (int i = 0; i < bindings.size(); ++i)
            select->bind(i + 1, bindings[i]);
        NativeStatement::Step step;
        while ((step = select->step()) == NativeStatement::Step::Row) {
            QJsonObject record = m_rowTemplate;
            auto slot = record.begin();
            for (const int column : m_templateColumns) {
                if (select->isNull(column))
                    *slot = QJsonValue::Null;
                else if (column < kQueryFirstField)
                    *slot = select->text(column);
                else
                    *slot =
                        nativeJsonValue(m_spec.fields[column - kQueryFirstField], *select, column);
                ++slot;
            }
            records.append(record);
        }
        if (step == NativeStatement::Step::Error) {
            if (error)
                *error = select->errorMessage();
            records.clear();
        }
        select->reset();
        return records;
    }
    QSqlQuery *statement = m_store->statements().prepare(sql, error);
    if (!statement)
        return records;
    if (!execWith(statement, bindings, error))
        return records;
    QSqlQuery &select = *statement;
    // Each record starts as a copy of the template (every key, in the
    // object's own order) and gets its values by position: no key lookups.
    while (select.next()) {
        QJsonObject record = m_rowTemplate;
        auto slot = record.begin();
        for (const int column : m_templateColumns) {
            const QVariant value = select.value(column);
            *slot = column < kQueryFirstField
                        ? textOrNull(value)
                        : jsonValue(m_spec.fields[column - kQueryFirstField], value);
            ++slot;
        }
        records.append(record);
    }
    select.finish();
    return records;
}

int Collection::count(const Query &query, QString *error) const
{
    QString problem;
    QVariantList bindings;
    const QString table = quoteIdentifier(m_spec.tableName);
    // All live rows: every row minus the tombstones. SQLite counts all rows
    // from its smallest index and the tombstones from their partial index,
    // where "deletedAt IS NULL" would read every row of the table.
    const QString sql =
        query.filters.isEmpty() && !query.includeDeleted
            ? QStringLiteral("SELECT (SELECT count(*) FROM %1) - (SELECT count(*) FROM %1 "
                             "WHERE deletedAt IS NOT NULL)")
                  .arg(table)
            : QStringLiteral("SELECT count(*) FROM %1").arg(table) +
                  whereClause(query, &bindings, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return -1;
    }
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *select = native->prepare(sql, error);
        if (!select)
            return -1;
        for (int i = 0; i < bindings.size(); ++i)
            select->bind(i + 1, bindings[i]);
        const bool row = select->step() == NativeStatement::Step::Row;
        if (!row && error)
            *error = select->errorMessage();
        const int count = row ? int(select->int64(0)) : -1;
        select->reset();
        return count;
    }
    QSqlQuery *select = m_store->statements().prepare(sql, error);
    if (!select || !execWith(select, bindings, error))
        return -1;
    const int count = select->next() ? select->value(0).toInt() : -1;
    select->finish();
    return count;
}

bool Collection::mergeRemote(const QString &id, const RecordState &incoming, bool *changed,
                             QString *error)
{
    *changed = false;
    const auto row = readRow(id, nullptr);
    const RecordState current = row ? stateOf(*row) : RecordState();
    const MergeOutcome outcome = mergeRecord(current, incoming);
    if (outcome.changedFields.isEmpty())
        return true;

    // The new row: the stored one with the fields the merge changed.
    QJsonObject record = row ? row->record : QJsonObject();
    FieldMetaMap meta = row ? row->meta : FieldMetaMap();
    for (const QString &name : outcome.changedFields) {
        const FieldState &state = outcome.merged[name];
        FieldMeta entry{state.updatedAt, state.clientId, QJsonValue::Undefined};
        if (name == kId || name == kUpdatedAt)
            continue;
        if (name == kDeletedAt || name == kCreatedAt) {
            const auto canonical = canonicalTimestamp(state.value.toString());
            record.insert(name, canonical ? QJsonValue(*canonical) : QJsonValue(QJsonValue::Null));
        } else if (const FieldSpec *field = m_spec.field(name)) {
            QJsonValue accepted;
            const QString problem = field->validate(state.value, &accepted);
            if (problem.isEmpty()) {
                record.insert(name, accepted);
            } else {
                // Kept in the meta, not in the typed column: nothing is lost.
                qCWarning(lcStore).noquote() << "remote value not stored in its column:" << problem;
                record.insert(name, QJsonValue::Null);
                entry.extraValue = state.value;
            }
        } else {
            entry.extraValue = state.value; // a field this version does not declare
        }
        meta.insert(name, entry);
    }
    QString updatedAt;
    QString earliest;
    for (const FieldMeta &entry : std::as_const(meta)) {
        updatedAt = std::max(updatedAt, entry.updatedAt);
        earliest = earliest.isEmpty() ? entry.updatedAt : std::min(earliest, entry.updatedAt);
    }
    if (!record.value(kCreatedAt).isString())
        record.insert(kCreatedAt, earliest);

    QStringList placeholders(m_spec.fields.size() + 6, QStringLiteral("?"));
    // REPLACE keeps the row's id; the version counts every stored change.
    const QString sql =
        QStringLiteral("INSERT OR REPLACE INTO %1 (%2) VALUES (%3)")
            .arg(quoteIdentifier(m_spec.tableName), m_selectColumns, placeholders.join(u','));
    QVariantList bindings{id,
                          record.value(kCreatedAt).toString(),
                          updatedAt,
                          record.value(kDeletedAt).isString()
                              ? QVariant(record.value(kDeletedAt).toString())
                              : QVariant(),
                          row ? row->version + 1 : 1,
                          serializeFieldMeta(meta)};
    for (const FieldSpec &field : m_spec.fields)
        bindings.append(columnValue(field, record.value(field.name)));
    // The hot path of a large pull: SQLite directly where it can be.
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *write = native->prepare(sql, error);
        if (!write)
            return false;
        for (int i = 0; i < bindings.size(); ++i)
            write->bind(i + 1, bindings.at(i));
        const bool written = write->step() == NativeStatement::Step::Done;
        if (!written && error)
            *error = write->errorMessage();
        write->reset();
        if (!written)
            return false;
    } else {
        QSqlQuery *query = m_store->statements().prepare(sql, error);
        if (!query || !execWith(query, bindings, error))
            return false;
    }
    *changed = true;
    return true;
}

bool Collection::adjustFieldTimestamp(const QString &id, const QString &field,
                                      const QString &updatedAt, QString *error)
{
    auto row = readRow(id, nullptr);
    if (!row)
        return true;
    auto meta = row->meta.find(field);
    if (meta == row->meta.end() || meta->clientId != m_store->clientId() ||
        meta->updatedAt <= updatedAt)
        return true;
    meta->updatedAt = updatedAt;
    QString latest;
    for (const FieldMeta &entry : std::as_const(row->meta))
        latest = std::max(latest, entry.updatedAt);
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE %1 SET _fieldMeta = ?, updatedAt = ? WHERE id = ?")
                      .arg(quoteIdentifier(m_spec.tableName)));
    query.addBindValue(serializeFieldMeta(row->meta));
    query.addBindValue(latest);
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace mana
