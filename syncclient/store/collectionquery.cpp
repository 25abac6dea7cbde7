// Collection's query language (query.h) as SQL: filters, sorts, pages and
// counts, read through SQLite directly where the store can.
#include "collection.h"

#include "collection_p.h"
#include "localstore.h"
#include "recordrow.h"
#include "wire/jsontext.h"

namespace mana {

using namespace collectiondetail;

// The rows as one JSON text, parsed once: Qt's parser writes each value
// straight into the objects' storage, where setting them one by one copies
// every string three times (QString, QJsonValue, the object). A query of 50
// rows spent more than half its time there. False, with *records untouched,
// when a value has no JSON form (a non-finite number) or the text does not
// parse (text that is not UTF-8, a json column that is not JSON): the
// caller then reads the rows one value at a time.
bool Collection::readRowsAsJsonText(NativeStatement *select, QList<QJsonObject> *records,
                                    QString *error) const
{
    QByteArray text;
    text.reserve(4096);
    text.append('[');
    qsizetype rows = 0;
    NativeStatement::Step step;
    while ((step = select->step()) == NativeStatement::Step::Row) {
        text.append(rows++ == 0 ? "{" : ",{");
        for (qsizetype column = 0; column < m_jsonKeys.size(); ++column) {
            if (column > 0)
                text.append(',');
            text.append(m_jsonKeys.at(column));
            if (select->isNull(int(column))) {
                text.append("null");
                continue;
            }
            if (column < kQueryFirstField) {
                wire::appendJsonUtf8String(&text, select->utf8View(int(column)));
                continue;
            }
            switch (m_spec.fields.at(column - kQueryFirstField).type) {
            case FieldType::Boolean:
                text.append(select->int64(int(column)) != 0 ? "true" : "false");
                break;
            case FieldType::Integer:
                text.append(QByteArray::number(select->int64(int(column))));
                break;
            case FieldType::Number: {
                const double number = select->real(int(column));
                if (!qIsFinite(number))
                    return false;
                text.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
                break;
            }
            case FieldType::Json:
                text.append(select->utf8View(int(column))); // stored as JSON text
                break;
            default:
                wire::appendJsonUtf8String(&text, select->utf8View(int(column)));
            }
        }
        text.append('}');
    }
    if (step == NativeStatement::Step::Error) {
        if (error)
            *error = select->errorMessage();
        return true; // an error of SQLite's, not of the text: no fallback
    }
    text.append(']');
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return false;
    // Stored JSON text that is not one value could parse into another shape.
    const QJsonArray array = document.array();
    if (array.size() != rows)
        return false;
    records->reserve(array.size());
    for (const QJsonValue &row : array) {
        QJsonObject record = row.toObject();
        if (record.size() != m_jsonKeys.size()) {
            records->clear();
            return false;
        }
        records->append(std::move(record));
    }
    return true;
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
        if (readRowsAsJsonText(select, &records, error)) {
            select->reset();
            return records;
        }
        // Something the JSON text could not carry: read the rows again, one
        // value at a time (reset() dropped the bindings too).
        select->reset();
        records.clear();
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

} // namespace mana
