// Collection's query language (query.h) as SQL: filters, sorts, pages and
// counts, read through SQLite directly where the store can.
#include "collection.h"

#include "collection_p.h"
#include "localstore.h"
#include "recordrow.h"
#include "textorder.h"
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

namespace {

// SQLite's BINARY order of UTF-8 text is code point order; UTF-16 code units
// order the same except that surrogates (code points above U+FFFF) must come
// after U+E000-U+FFFF. NOCASE folds ASCII letters only.
int compareCodePoints(QStringView a, QStringView b, bool ignoreAsciiCase)
{
    const qsizetype length = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < length; ++i) {
        char16_t left = a[i].unicode();
        char16_t right = b[i].unicode();
        if (ignoreAsciiCase) {
            if (left >= u'A' && left <= u'Z')
                left += 32;
            if (right >= u'A' && right <= u'Z')
                right += 32;
        }
        if (left == right)
            continue;
        auto fix = [](char16_t unit) -> int {
            if (unit < 0xD800)
                return unit;
            return unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
        };
        return fix(left) < fix(right) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int rankOf(const Query::Sort &sort, const QJsonValue &value)
{
    const qsizetype rank = value.isString() ? sort.rankedValues.indexOf(value.toString()) : -1;
    return rank < 0 ? sort.rankOfOthers : int(rank);
}

// The condition no row meets.
const QString kNothing = QStringLiteral("0");

QString sqlTextLiteral(QString text)
{
    return u'\'' + text.replace(u'\'', QStringLiteral("''")) + u'\'';
}

} // namespace

QString Collection::sortExpression(const Query::Sort &sort) const
{
    const QString column = quoteIdentifier(sort.field);
    if (!sort.rankedValues.isEmpty()) {
        QString expression = QStringLiteral("(CASE ") + column;
        // One arg() for both: a second arg() would replace a "%1" or "%2"
        // inside the value's literal.
        for (qsizetype rank = 0; rank < sort.rankedValues.size(); ++rank)
            expression +=
                QStringLiteral(" WHEN %1 THEN %2")
                    .arg(sqlTextLiteral(sort.rankedValues.at(rank)), QString::number(rank));
        return expression + QStringLiteral(" ELSE %1 END)").arg(sort.rankOfOthers);
    }
    if (!sort.ignoreCase)
        return column;
    return column + (m_store->native()
                         ? QStringLiteral(" COLLATE ") + QLatin1String(kFoldedCollation)
                         : QStringLiteral(" COLLATE NOCASE"));
}

QVariant Collection::sortValue(const Query::Sort &sort, const QJsonValue &value) const
{
    if (!sort.rankedValues.isEmpty())
        return rankOf(sort, value);
    if (value.isNull() || value.isUndefined())
        return {};
    const FieldSpec *field = m_spec.field(sort.field);
    if (field)
        return columnValue(*field, value);
    const auto canonical =
        sort.field != kId && value.isString() ? canonicalTimestamp(value.toString()) : std::nullopt;
    return canonical ? *canonical : value.toString();
}

int Collection::compare(const QList<Query::Sort> &sort, const QJsonObject &a,
                        const QJsonObject &b) const
{
    for (const Query::Sort &key : sort) {
        int order = 0;
        if (!key.rankedValues.isEmpty()) {
            const int left = rankOf(key, a.value(key.field));
            const int right = rankOf(key, b.value(key.field));
            order = left == right ? 0 : (left < right ? -1 : 1);
        } else {
            const QJsonValue left = a.value(key.field);
            const QJsonValue right = b.value(key.field);
            const bool leftNull = left.isNull() || left.isUndefined();
            const bool rightNull = right.isNull() || right.isUndefined();
            if (leftNull || rightNull) {
                // Null is the smallest value, or (ascending, nulls last) the
                // greatest.
                const bool nullIsGreatest = key.nullsLast && !key.descending;
                order = leftNull == rightNull ? 0 : (leftNull != nullIsGreatest ? -1 : 1);
            } else {
                const FieldSpec *field = m_spec.field(key.field);
                const FieldType type = field ? field->type : FieldType::String;
                if (type == FieldType::Boolean || type == FieldType::Integer ||
                    type == FieldType::Number) {
                    const double l = left.isBool() ? double(left.toBool()) : left.toDouble();
                    const double r = right.isBool() ? double(right.toBool()) : right.toDouble();
                    order = l == r ? 0 : (l < r ? -1 : 1);
                } else {
                    order =
                        key.ignoreCase && m_store->native()
                            ? compareFolded(left.toString(), right.toString())
                            : compareCodePoints(left.toString(), right.toString(), key.ignoreCase);
                }
            }
        }
        if (order != 0)
            return key.descending ? -order : order;
    }
    return 0;
}

QString Collection::filterCondition(const Query::Filter &filter, bool exact, bool unindexed,
                                    QVariantList *bindings, QString *error) const
{
    const FieldSpec *field = m_spec.field(filter.field);
    if (!field && !isBuiltInField(filter.field)) {
        *error = QStringLiteral("%1 has no field \"%2\" to filter on.")
                     .arg(m_spec.wireName, filter.field);
        return {};
    }
    const bool nullTest = filter.op == Query::Op::IsNull || filter.op == Query::Op::IsNotNull ||
                          ((filter.op == Query::Op::Equal || filter.op == Query::Op::NotEqual) &&
                           (filter.value.isNull() || filter.value.isUndefined()));
    if (field && field->type == FieldType::Json && !nullTest) {
        *error =
            QStringLiteral("The json field \"%1\" can only be tested for null.").arg(filter.field);
        return {};
    }
    // Timestamps compare as text only in their canonical form.
    const bool timestamp = field ? field->type == FieldType::DateTime : filter.field != kId;
    auto boundValue = [&](const QJsonValue &value) {
        const auto canonical =
            timestamp && value.isString() ? canonicalTimestamp(value.toString()) : std::nullopt;
        const QJsonValue bound = canonical ? QJsonValue(*canonical) : value;
        return field ? columnValue(*field, bound) : QVariant(bound.toString());
    };
    auto bind = [&](const QJsonValue &value) { bindings->append(boundValue(value)); };
    // A unary + keeps SQLite from searching an index of that column.
    const QString column =
        (unindexed ? QStringLiteral("+") : QString()) + quoteIdentifier(filter.field);
    if (nullTest) {
        const bool isNull = filter.op == Query::Op::IsNull || filter.op == Query::Op::Equal;
        return column + (isNull ? QStringLiteral(" IS NULL") : QStringLiteral(" IS NOT NULL"));
    }
    switch (filter.op) {
    case Query::Op::In: {
        if (!filter.value.isArray()) {
            *error =
                QStringLiteral("The IN filter on \"%1\" needs a list of values.").arg(filter.field);
            return {};
        }
        const QJsonArray values = filter.value.toArray();
        if (values.isEmpty())
            return kNothing;
        // Long lists (a page of changed ids, a label's tasks) go in as one
        // JSON text: SQLite limits the number of bound parameters.
        if (values.size() > 64 &&
            (!field || field->type == FieldType::String || field->type == FieldType::Reference ||
             field->type == FieldType::Enum)) {
            QJsonArray texts;
            // As bound one by one: createdAt and the like in canonical form.
            for (const QJsonValue &value : values)
                texts.append(boundValue(value).toString());
            bindings->append(
                QString::fromUtf8(QJsonDocument(texts).toJson(QJsonDocument::Compact)));
            return column + QStringLiteral(" IN (SELECT value FROM json_each(?))");
        }
        QStringList placeholders;
        for (const QJsonValue &value : values) {
            placeholders.append(QStringLiteral("?"));
            bind(value);
        }
        return column + QStringLiteral(" IN (") + placeholders.join(u',') + u')';
    }
    case Query::Op::Contains: {
        if (!field || (field->type != FieldType::String && field->type != FieldType::Text &&
                       field->type != FieldType::Enum)) {
            *error = QStringLiteral("\"%1\" is not a text field to search in.").arg(filter.field);
            return {};
        }
        QString pattern = filter.value.toString();
        pattern.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'%', QStringLiteral("\\%"))
            .replace(u'_', QStringLiteral("\\_"));
        bindings->append(QVariant(u'%' + pattern + u'%'));
        return column + QStringLiteral(" LIKE ? ESCAPE '\\'");
    }
    default:
        break;
    }
    // In an exclusion, NOT (a = 1) must hold for a null a too: IS compares
    // null as a value.
    static const QHash<Query::Op, QString> kOperators{
        {Query::Op::Equal, QStringLiteral(" = ?")},
        {Query::Op::NotEqual, QStringLiteral(" IS NOT ?")},
        {Query::Op::Less, QStringLiteral(" < ?")},
        {Query::Op::LessOrEqual, QStringLiteral(" <= ?")},
        {Query::Op::Greater, QStringLiteral(" > ?")},
        {Query::Op::GreaterOrEqual, QStringLiteral(" >= ?")}};
    bind(filter.value);
    if (exact && filter.op == Query::Op::Equal)
        return column + QStringLiteral(" IS ?");
    return column + kOperators.value(filter.op);
}

// The rows after `after` in `sort` (which ends with the id): for keys
// k1..kn, k1 after v1, or k1 = v1 and the rest after. Nulls are the smallest
// values, as in ORDER BY.
// The store sets createdAt and updatedAt on every write, and a ranked key
// is a number for every row; declared fields may be null even when required
// (another client's record without them).
bool Collection::neverNull(const Query::Sort &key) const
{
    return !key.rankedValues.isEmpty() || key.field == kCreatedAt || key.field == kUpdatedAt;
}

QString Collection::afterCondition(const QList<Query::Sort> &sort, const QJsonObject &after,
                                   QVariantList *bindings, QString *error) const
{
    if (sort.isEmpty() || sort.constLast().field != kId ||
        !sort.constLast().rankedValues.isEmpty()) {
        *error = QStringLiteral("Paging by key needs a sort that ends with the id.");
        return {};
    }
    for (const Query::Sort &key : sort) {
        if (!after.contains(key.field)) {
            *error = QStringLiteral("The record to page after has no \"%1\".").arg(key.field);
            return {};
        }
    }
    // Built from the last key outwards: rest = "after on keys i+1..n".
    QString rest;
    QVariantList restBindings;
    for (qsizetype i = sort.size() - 1; i >= 0; --i) {
        const Query::Sort &key = sort.at(i);
        const QString expression = sortExpression(key);
        const QVariant value = sortValue(key, after.value(key.field));
        QString condition;
        QVariantList conditionBindings;
        if (i == sort.size() - 1) { // the id: strictly after
            condition =
                expression + (key.descending ? QStringLiteral(" < ?") : QStringLiteral(" > ?"));
            conditionBindings.append(value);
        } else if (neverNull(key)) {
            // A key that is never null pages by range alone, in either
            // direction, so SQLite starts in its index at the cursor.
            condition = key.descending ? QStringLiteral("(%1 <= ? AND (%1 < ? OR (%1 = ? AND %2)))")
                                             .arg(expression, rest)
                                       : QStringLiteral("(%1 >= ? AND (%1 > ? OR (%1 = ? AND %2)))")
                                             .arg(expression, rest);
            conditionBindings << value << value << value << restBindings;
        } else if (value.isNull()) {
            // After a null: ascending, every non-null; descending (or nulls
            // last), nothing but nulls further on.
            condition = key.descending || key.nullsLast
                            ? QStringLiteral("(%1 IS NULL AND %2)").arg(expression, rest)
                            : QStringLiteral("(%1 IS NOT NULL OR (%1 IS NULL AND %2))")
                                  .arg(expression, rest);
            conditionBindings = restBindings;
        } else if (key.nullsLast && !key.descending) {
            condition =
                QStringLiteral("(%1 > ? OR %1 IS NULL OR (%1 = ? AND %2))").arg(expression, rest);
            conditionBindings << value << value << restBindings;
        } else if (key.descending) {
            condition =
                QStringLiteral("(%1 < ? OR %1 IS NULL OR (%1 = ? AND %2))").arg(expression, rest);
            conditionBindings << value << value << restBindings;
        } else {
            // The leading ">=" lets SQLite start in an index on the key.
            condition =
                QStringLiteral("(%1 >= ? AND (%1 > ? OR (%1 = ? AND %2)))").arg(expression, rest);
            conditionBindings << value << value << value << restBindings;
        }
        rest = condition;
        restBindings = conditionBindings;
    }
    *bindings += restBindings;
    return rest;
}

QStringList Collection::conditions(const Query &query, QVariantList *bindings, QString *error) const
{
    QStringList conditions;
    // Records named by id (a page of changed records, a label's tasks) are
    // found through the id index. Without statistics SQLite would rather
    // walk the index of another filter (isCompleted: half the table), so
    // the other filters are kept from driving the search.
    const bool byIds =
        std::any_of(query.filters.cbegin(), query.filters.cend(), [](const Query::Filter &filter) {
            return filter.field == kId && filter.op == Query::Op::In;
        });
    for (const Query::Filter &filter : query.filters) {
        const QString condition =
            filterCondition(filter, false, byIds && filter.field != kId, bindings, error);
        if (!error->isEmpty())
            return {};
        conditions.append(condition);
    }
    for (const QList<Query::Filter> &allOf : query.exclusions) {
        QStringList parts;
        for (const Query::Filter &filter : allOf) {
            parts.append(filterCondition(filter, true, false, bindings, error));
            if (!error->isEmpty())
                return {};
        }
        // A part that is null (count < 3 for a null count) does not match,
        // so the row stays: NOT (null) would leave it out.
        if (!parts.isEmpty())
            conditions.append(QStringLiteral("NOT coalesce(") +
                              parts.join(QStringLiteral(" AND ")) + QStringLiteral(", 0)"));
    }
    if (!query.search.trimmed().isEmpty()) {
        const QString condition = searchCondition(query.search, bindings, error);
        if (!error->isEmpty())
            return {};
        conditions.append(condition);
    }
    if (query.after) {
        const QString condition = afterCondition(query.sort, *query.after, bindings, error);
        if (!error->isEmpty())
            return {};
        conditions.append(condition);
    }
    return conditions;
}

QString Collection::whereClause(const Query &query, QVariantList *bindings, QString *error) const
{
    QStringList all;
    if (!query.includeDeleted)
        all.append(QStringLiteral("deletedAt IS NULL"));
    all += conditions(query, bindings, error);
    return all.isEmpty() ? QString()
                         : QStringLiteral(" WHERE ") + all.join(QStringLiteral(" AND "));
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
        const FieldSpec *field = m_spec.field(sort.field);
        // Ranks compare text: compare() could not tell 1 from "1".
        if (!sort.rankedValues.isEmpty() && field && field->type != FieldType::String &&
            field->type != FieldType::Enum && field->type != FieldType::Text)
            problem = QStringLiteral("\"%1\" is not a text field to rank by.").arg(sort.field);
        if ((!field && !isBuiltInField(sort.field)) || (field && field->type == FieldType::Json))
            problem = QStringLiteral("%1 has no field \"%2\" to sort by.")
                          .arg(m_spec.wireName, sort.field);
        order.append(sortExpression(sort) + (sort.descending  ? QStringLiteral(" DESC")
                                             : sort.nullsLast ? QStringLiteral(" NULLS LAST")
                                                              : QString()));
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
    // A sort that ends with the id is total already.
    if (order.isEmpty())
        order.append(kId);
    else if (query.sort.constLast().field != kId)
        order.append(QStringLiteral("rowid"));
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
            countRead(query, records.size());
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
        countRead(query, records.size());
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
    countRead(query, records.size());
    return records;
}

int Collection::count(const Query &query, QString *error) const
{
    QString problem;
    QVariantList bindings;
    const QString table = quoteIdentifier(m_spec.tableName);
    const QString tombstones = quoteIdentifier(QStringLiteral("_tombstones_") + m_spec.tableName);
    QString sql;
    if (query.includeDeleted) {
        sql = QStringLiteral("SELECT count(*) FROM %1").arg(table) +
              whereClause(query, &bindings, &problem);
    } else {
        // The live rows: the rows that match minus the tombstones that
        // match. SQLite counts the first from an index on the filtered
        // fields alone (never reading the rows), and the second from the
        // tombstones' partial index, where "deletedAt IS NULL" would make it
        // read every matching row to check it.
        const QStringList matching = conditions(query, &bindings, &problem);
        // A condition that is false by itself ("IN ()") would leave SQLite no
        // way to use the forced index below; the answer is known anyway.
        if (problem.isEmpty() && matching.contains(kNothing)) {
            ++m_readStats.counts;
            return 0;
        }
        const QVariantList once = bindings;
        bindings += once;
        const QString where =
            matching.isEmpty() ? QString()
                               : QStringLiteral(" WHERE ") + matching.join(QStringLiteral(" AND "));
        const QString andWhere =
            matching.isEmpty() ? QString()
                               : QStringLiteral(" AND ") + matching.join(QStringLiteral(" AND "));
        sql = QStringLiteral("SELECT (SELECT count(*) FROM %1%2) - (SELECT count(*) FROM %1 "
                             "INDEXED BY %3 WHERE deletedAt IS NOT NULL%4)")
                  .arg(table, where, tombstones, andWhere);
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return -1;
    }
    ++m_readStats.counts;
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

QHash<QString, int> Collection::countBy(const QString &field, const Query &query,
                                        QString *error) const
{
    QHash<QString, int> counts;
    const FieldSpec *spec = m_spec.field(field);
    if (!spec || spec->type == FieldType::Json) {
        if (error)
            *error =
                QStringLiteral("%1 has no field \"%2\" to count by.").arg(m_spec.wireName, field);
        return counts;
    }
    QString problem;
    QVariantList bindings;
    const QStringList matching = conditions(query, &bindings, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return counts;
    }
    ++m_readStats.counts;
    if (matching.contains(kNothing))
        return counts;
    const QString table = quoteIdentifier(m_spec.tableName);
    const QString column = quoteIdentifier(field);
    const QString andWhere = matching.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" AND ") + matching.join(QStringLiteral(" AND "));
    // As in count(): every matching row, minus the matching tombstones.
    const QStringList sqls{
        QStringLiteral("SELECT %2, count(*) FROM %1 WHERE 1%3 GROUP BY %2")
            .arg(table, column, andWhere),
        QStringLiteral("SELECT %2, count(*) FROM %1 INDEXED BY %3 WHERE deletedAt IS NOT NULL%4 "
                       "GROUP BY %2")
            .arg(table, column, quoteIdentifier(QStringLiteral("_tombstones_") + m_spec.tableName),
                 andWhere)};
    for (qsizetype part = 0; part < sqls.size(); ++part) {
        const int sign = part == 0 ? 1 : -1;
        QSqlQuery *select = m_store->statements().prepare(sqls.at(part), error);
        if (!select || !execWith(select, bindings, error))
            return {};
        while (select->next()) {
            const QString key = select->value(0).toString();
            counts[key] += sign * select->value(1).toInt();
        }
        select->finish();
    }
    counts.removeIf([](const QHash<QString, int>::iterator it) { return it.value() == 0; });
    return counts;
}

void Collection::countRead(const Query &query, qsizetype rows) const
{
    ++m_readStats.queries;
    m_readStats.rowsRead += rows;
    if (query.limit < 0)
        ++m_readStats.unboundedQueries;
}

} // namespace mana
