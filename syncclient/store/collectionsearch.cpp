// Full-text search: the collection's FTS5 index (its schema, created by
// LocalStore::addCollection), how it catches up with the rows writes noted,
// and Query::search / Collection::searchField as queries of it. Why FTS5
// and these choices: docs/decisions.md.
#include "collection.h"

#include "collection_p.h"
#include "localstore.h"

namespace mana {

using namespace collectiondetail;

namespace collectiondetail {

namespace {

// Letters and digits make words, for SQLite's unicode61 tokenizer as for
// us (it also counts private-use characters; marks only join a letter).
bool hasWordCharacter(QStringView word)
{
    for (const char32_t c : word.toUcs4()) {
        if (QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Other_PrivateUse)
            return true;
    }
    return false;
}

QString sqlTextLiteral(QString text)
{
    return u'\'' + text.replace(u'\'', QStringLiteral("''")) + u'\'';
}

} // namespace

QString fullTextTable(const QString &tableName)
{
    return QStringLiteral("_fts_") + tableName;
}

QString fullTextPendingTable(const QString &tableName)
{
    return QStringLiteral("_fts_pending_") + tableName;
}

QStringList fullTextFields(const CollectionSpec &spec)
{
    QStringList names;
    for (const FieldSpec &field : spec.fields) {
        // FTS5 refuses columns with these names; a field so named is left
        // out of the index rather than the collection refused.
        if (field.name.compare(QLatin1String("rank"), Qt::CaseInsensitive) == 0 ||
            field.name.compare(QLatin1String("rowid"), Qt::CaseInsensitive) == 0)
            continue;
        if (field.type == FieldType::String || field.type == FieldType::Text)
            names.append(field.name);
    }
    return names;
}

QStringList fullTextObjectNames(const QString &tableName)
{
    // The triggers keep the names of schema 3's first triggers: a build of
    // then that opens this file drops them by these names (its statements
    // differ from these), remakes the index from the table and writes on
    // with its own triggers (see ensureFullTextIndex).
    const QString fts = fullTextTable(tableName);
    return {fts, fullTextPendingTable(tableName), fts + QStringLiteral("_insert"),
            fts + QStringLiteral("_delete"), fts + QStringLiteral("_update")};
}

namespace {

// The pieces both generations of triggers are made of.
struct TriggerParts
{
    QString table;      // the collection's table, quoted
    QString columnList; // the indexed columns, quoted
    QStringList columns;
    QString changed; // a text column of the row really changed (an UPDATE's WHEN)
    QStringList names;
};

TriggerParts triggerParts(const CollectionSpec &spec, const QStringList &fields)
{
    TriggerParts parts;
    parts.table = quoteIdentifier(spec.tableName);
    QStringList changed;
    for (const QString &field : fields) {
        const QString column = quoteIdentifier(field);
        parts.columns.append(column);
        changed.append(QStringLiteral("old.%1 IS NOT new.%1").arg(column));
    }
    parts.columnList = parts.columns.join(QStringLiteral(", "));
    parts.changed = changed.join(QStringLiteral(" OR "));
    parts.names = fullTextObjectNames(spec.tableName);
    return parts;
}

QStringList prefixed(const QStringList &columns, const QString &prefix)
{
    QStringList result;
    for (const QString &column : columns)
        result.append(prefix + column);
    return result;
}

} // namespace

QList<SchemaObject> fullTextSchema(const CollectionSpec &spec)
{
    const QStringList fields = fullTextFields(spec);
    if (fields.isEmpty())
        return {};
    const TriggerParts parts = triggerParts(spec, fields);
    const QString fts = quoteIdentifier(parts.names.at(0));
    const QString pending = quoteIdentifier(parts.names.at(1));
    // A note per row whose words the index may hold wrongly. An
    // external-content index forgets a row only when told the words it
    // holds for it, so the first note of a row since the last catch-up
    // keeps the row's text as it was then (_indexed 1): that is exactly
    // what the index holds. A row that was not in the index (inserted since)
    // is noted with _indexed 0 and no text. Later writes of a noted row
    // leave its note alone. Column names cannot clash: fields never start
    // with "_".
    QStringList pendingColumns{QStringLiteral("_row INTEGER PRIMARY KEY"),
                               QStringLiteral("_indexed INTEGER NOT NULL")};
    for (const QString &column : parts.columns)
        pendingColumns.append(column);
    // ON CONFLICT DO NOTHING keeps a row's first note. Unlike INSERT OR
    // IGNORE it holds also when the outer statement says OR REPLACE (that
    // would override the trigger's OR clause); unlike a NOT EXISTS test it
    // costs no second lookup (store_bulk_insert_rate 70,000 with one,
    // 88,000 without).
    const QString noteOld =
        QStringLiteral("INSERT INTO %1 (_row, _indexed, %2) VALUES (old.rowid, 1, %3) ON CONFLICT "
                       "DO NOTHING;")
            .arg(pending, parts.columnList,
                 prefixed(parts.columns, QStringLiteral("old.")).join(QStringLiteral(", ")));
    const QString noteNew = QStringLiteral("INSERT INTO %1 (_row, _indexed) VALUES (new.rowid, 0) "
                                           "ON CONFLICT DO NOTHING;")
                                .arg(pending);
    return {
        // remove_diacritics 2: "e" finds "é", also in letters that carry
        // several marks. columnsize=0: no row of sizes per record, which
        // only ranking (bm25) reads. No prefix index (prefix='2'): it would
        // make only two-letter prefixes stream, for 20% of the bulk insert
        // rate and twice the write p99. Any change here changes the
        // statement, and addCollection then remakes the index of every
        // profile it opens.
        {parts.names.at(0),
         QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(%2, content=%3, content_rowid='rowid', "
                        "columnsize=0, tokenize='unicode61 remove_diacritics 2')")
             .arg(fts, parts.columnList, sqlTextLiteral(spec.tableName))},
        {parts.names.at(1), QStringLiteral("CREATE TABLE %1 (%2)")
                                .arg(pending, pendingColumns.join(QStringLiteral(", ")))},
        {parts.names.at(2), QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 BEGIN %3 END")
                                .arg(quoteIdentifier(parts.names.at(2)), parts.table, noteNew)},
        // Soft deletes are updates of deletedAt, which no trigger sees: a
        // deleted record keeps its words (queries ask for live rows), and a
        // restore costs nothing.
        {parts.names.at(3), QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2 BEGIN %3 END")
                                .arg(quoteIdentifier(parts.names.at(3)), parts.table, noteOld)},
        // Only when a text column really changed: a remote merge writes the
        // whole row (every column in its SET), most often for other fields.
        {parts.names.at(4),
         QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %2 ON %3 WHEN %4 BEGIN %5 END")
             .arg(quoteIdentifier(parts.names.at(4)), parts.columnList, parts.table, parts.changed,
                  noteOld)},
    };
}

QList<SchemaObject> inStepFullTextTriggers(const CollectionSpec &spec)
{
    const QStringList fields = fullTextFields(spec);
    if (fields.isEmpty())
        return {};
    // Exactly the statements those builds made (SQLite keeps them as given).
    const TriggerParts parts = triggerParts(spec, fields);
    const QString fts = quoteIdentifier(parts.names.at(0));
    const QString insertNew =
        QStringLiteral("INSERT INTO %1 (rowid, %2) VALUES (new.rowid, %3);")
            .arg(fts, parts.columnList,
                 prefixed(parts.columns, QStringLiteral("new.")).join(QStringLiteral(", ")));
    const QString deleteOld =
        QStringLiteral("INSERT INTO %1 (%1, rowid, %2) VALUES ('delete', old.rowid, %3);")
            .arg(fts, parts.columnList,
                 prefixed(parts.columns, QStringLiteral("old.")).join(QStringLiteral(", ")));
    return {
        {parts.names.at(2), QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 BEGIN %3 END")
                                .arg(quoteIdentifier(parts.names.at(2)), parts.table, insertNew)},
        {parts.names.at(3), QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2 BEGIN %3 END")
                                .arg(quoteIdentifier(parts.names.at(3)), parts.table, deleteOld)},
        {parts.names.at(4),
         QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %2 ON %3 WHEN %4 BEGIN %5 %6 END")
             .arg(quoteIdentifier(parts.names.at(4)), parts.columnList, parts.table, parts.changed,
                  deleteOld, insertNew)},
    };
}

FullTextCatchUp fullTextCatchUp(const CollectionSpec &spec)
{
    const QStringList fields = fullTextFields(spec);
    if (fields.isEmpty())
        return {};
    const TriggerParts parts = triggerParts(spec, fields);
    const QString fts = quoteIdentifier(parts.names.at(0));
    const QString pending = quoteIdentifier(parts.names.at(1));
    FullTextCatchUp sql;
    sql.last = QStringLiteral("SELECT max(_row) FROM %1").arg(pending);
    sql.chunkEnd =
        QStringLiteral("SELECT _row FROM %1 ORDER BY _row LIMIT 1 OFFSET ?").arg(pending);
    // Old words out before new words in, row for row: two statements (FTS5
    // writes a segment per statement, not per row).
    sql.forget = QStringLiteral("INSERT INTO %1 (%1, rowid, %2) SELECT 'delete', _row, %2 FROM %3 "
                                "WHERE _row <= ? AND _indexed")
                     .arg(fts, parts.columnList, pending);
    // The noted rows in their order (the index appends rising rowids
    // cheaply); a row deleted since has nothing to add.
    sql.add =
        QStringLiteral("INSERT INTO %1 (rowid, %2) SELECT stored.rowid, %3 FROM %4 AS note "
                       "CROSS JOIN %5 AS stored ON stored.rowid = note._row "
                       "WHERE note._row <= ?")
            .arg(fts, parts.columnList,
                 prefixed(parts.columns, QStringLiteral("stored.")).join(QStringLiteral(", ")),
                 pending, parts.table);
    sql.done = QStringLiteral("DELETE FROM %1 WHERE _row <= ?").arg(pending);
    return sql;
}

QString fullTextQuery(const QString &text, const QStringList &columns)
{
    // Every word the user typed becomes an FTS5 string ("…", inner quotes
    // doubled), so nothing typed is an operator (AND, OR, NOT, NEAR, ^, :,
    // -, *, parentheses) or a syntax error; a trailing * makes its last
    // word a prefix. A word with inner punctuation ("café-order", "3.5")
    // stays one string, which FTS5 matches as adjacent words. A word
    // without letters or digits is left out: as a string it would hold no
    // word at all, and FTS5 matches nothing for that.
    QStringList phrases;
    for (QString &word : text.simplified().split(u' ', Qt::SkipEmptyParts)) {
        if (!hasWordCharacter(word))
            continue;
        phrases.append(u'"' + word.replace(u'"', QStringLiteral("\"\"")) + QStringLiteral("\"*"));
    }
    if (phrases.isEmpty())
        return {};
    const QString all = phrases.join(QStringLiteral(" AND "));
    if (columns.isEmpty())
        return all;
    // FTS5 hands a column filter down to every phrase under it, so
    // "{a b} : (x AND y)" finds x in a or b and y in a or b: a row whose
    // words are spread over the listed columns matches.
    QStringList quoted;
    for (const QString &column : columns)
        quoted.append(quoteIdentifier(column));
    return u'{' + quoted.join(u' ') + QStringLiteral("} : (") + all + u')';
}

} // namespace collectiondetail

namespace {

// The first column of the statement's first row as a row number; nullopt
// for no row or null.
bool readRowNumber(NativeSqlite *native, StatementCache &statements, const QString &sql,
                   const QVariantList &bindings, std::optional<qint64> *value, QString *error)
{
    value->reset();
    if (native) {
        NativeStatement *select = native->prepare(sql, error);
        if (!select)
            return false;
        for (int i = 0; i < bindings.size(); ++i)
            select->bind(i + 1, bindings[i]);
        const NativeStatement::Step step = select->step();
        if (step == NativeStatement::Step::Row && !select->isNull(0))
            *value = select->int64(0);
        if (step == NativeStatement::Step::Error)
            *error = select->errorMessage();
        select->reset();
        return step != NativeStatement::Step::Error;
    }
    QSqlQuery *select = statements.prepare(sql, error);
    if (!select || !execWith(select, bindings, error))
        return false;
    if (select->next() && !select->value(0).isNull())
        *value = select->value(0).toLongLong();
    select->finish();
    return true;
}

} // namespace

bool Collection::catchUpSearchIndex(qint64 maxRows, qint64 *rows, bool *more, QString *error) const
{
    *rows = 0;
    *more = false;
    if (m_catchUp.last.isEmpty())
        return true;
    NativeSqlite *native = m_store->native();
    StatementCache &statements = m_store->statements();
    // Nothing noted is the common case (no write since the last catch-up):
    // one read of the notes' last row, and no transaction.
    std::optional<qint64> last;
    if (!readRowNumber(native, statements, m_catchUp.last, {}, &last, error))
        return false;
    if (!last)
        return true;
    return m_store->writeSearchIndex(
        [&](QString *stepError) {
            // Read again inside: the transaction decides what is noted.
            if (!readRowNumber(native, statements, m_catchUp.last, {}, &last, stepError))
                return false;
            if (!last)
                return true;
            std::optional<qint64> end = last;
            if (maxRows > 0) {
                if (!readRowNumber(native, statements, m_catchUp.chunkEnd, {maxRows - 1}, &end,
                                   stepError))
                    return false;
                if (!end)
                    end = last; // fewer notes than maxRows
            }
            // Through QtSql: three statements per catch-up, not per row,
            // and it counts what the last one removed.
            for (const QString &sql : {m_catchUp.forget, m_catchUp.add, m_catchUp.done}) {
                QSqlQuery *step = statements.prepare(sql, stepError);
                if (!step || !execWith(step, {*end}, stepError))
                    return false;
                if (sql == m_catchUp.done)
                    *rows = step->numRowsAffected();
            }
            *more = *end < *last;
            return true;
        },
        error);
}

QString Collection::searchCondition(const QString &text, QVariantList *bindings,
                                    QString *error) const
{
    if (fullTextFields(m_spec).isEmpty()) {
        *error = QStringLiteral("%1 has no text to search in.").arg(m_spec.wireName);
        return {};
    }
    const QString match = fullTextQuery(text);
    // Only punctuation asks for no word, so every record has all of them:
    // the list stays as it was before the search, instead of emptying at
    // the first character of "#tag" or "-x".
    if (match.isEmpty())
        return QStringLiteral("1");
    // A search finds every committed write: the index takes what it has not
    // taken yet before the query reads it.
    qint64 caughtUp = 0;
    bool more = false;
    if (!catchUpSearchIndex(0, &caughtUp, &more, error))
        return {};
    bindings->append(match);
    return QStringLiteral("rowid IN (SELECT rowid FROM %1 WHERE %1 MATCH ?)")
        .arg(quoteIdentifier(fullTextTable(m_spec.tableName)));
}

QList<QJsonObject> Collection::searchField(const QString &field, const QString &text, int limit,
                                           QString *error) const
{
    return searchFields(QStringList{field}, text, limit, error);
}

QList<QJsonObject> Collection::searchFields(const QStringList &fields, const QString &text,
                                            int limit, QString *error) const
{
    const QStringList indexed = fullTextFields(m_spec);
    for (const QString &field : fields) {
        if (!indexed.contains(field)) {
            if (error)
                *error = QStringLiteral("%1 has no text field \"%2\" to search in.")
                             .arg(m_spec.wireName, field);
            return {};
        }
    }
    // No fields would be every indexed column, which a caller naming its
    // fields never means.
    if (fields.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1: no field to search in.").arg(m_spec.wireName);
        return {};
    }
    const QString match = fullTextQuery(text, fields);
    if (match.isEmpty() || limit <= 0)
        return {};
    qint64 caughtUp = 0;
    bool more = false;
    QString problem;
    if (!catchUpSearchIndex(0, &caughtUp, &more, &problem)) {
        if (error)
            *error = problem;
        return {};
    }
    // The index drives (CROSS JOIN keeps it the outer loop) and gives its
    // rows newest first without sorting, so reading stops after `limit`
    // live records however many match. Tombstones stay in the index, and
    // are skipped here rather than counted against the limit.
    const QString fts = quoteIdentifier(fullTextTable(m_spec.tableName));
    const QString sql =
        QStringLiteral("SELECT live.id FROM %1 CROSS JOIN %2 AS live ON live.rowid = %1.rowid "
                       "WHERE %1 MATCH ? AND live.deletedAt IS NULL ORDER BY %1.rowid DESC "
                       "LIMIT ?")
            .arg(fts, quoteIdentifier(m_spec.tableName));
    QStringList ids;
    if (NativeSqlite *native = m_store->native()) {
        if (NativeStatement *select = native->prepare(sql, &problem)) {
            select->bindText(1, match);
            select->bindInt64(2, limit);
            NativeStatement::Step step;
            while ((step = select->step()) == NativeStatement::Step::Row)
                ids.append(select->text(0));
            if (step == NativeStatement::Step::Error)
                problem = select->errorMessage();
            select->reset();
        }
    } else if (QSqlQuery *select = m_store->statements().prepare(sql, &problem)) {
        if (execWith(select, {match, limit}, &problem)) {
            while (select->next())
                ids.append(select->value(0).toString());
        }
        select->finish();
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    if (ids.isEmpty())
        return {};
    Query byId;
    byId.where(kId, Query::Op::In, QJsonArray::fromStringList(ids));
    byId.limit = int(ids.size());
    QList<QJsonObject> records = query(byId, error);
    std::sort(records.begin(), records.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        return ids.indexOf(a.value(kId).toString()) < ids.indexOf(b.value(kId).toString());
    });
    return records;
}

} // namespace mana
