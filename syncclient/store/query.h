// A query over one collection: filters (AND-ed), sort keys, paging.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mana {

struct Query
{
    enum class Op {
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        In,
        IsNull,
        IsNotNull,
        // Text fields: the value occurs in the field, ignoring ASCII case
        // (SQLite's LIKE; other letters compare exactly).
        Contains
    };

    struct Filter
    {
        QString field; // a declared field, or id / createdAt / updatedAt / deletedAt
        Op op = Op::Equal;
        QJsonValue value; // a JSON array for Op::In; unused for the null tests
    };

    // A sort key. Nulls come first in ascending order and last in
    // descending order, as in SQLite. Collection::compare orders two
    // records exactly as the SQL does, so a model can place a changed
    // record among rows it loaded without asking the store again.
    struct Sort
    {
        QString field;
        bool descending = false;
        // Text compared ignoring case and accents (textorder.h; a store
        // without its own SQLite connection falls back to ASCII NOCASE).
        bool ignoreCase = false;
        // Ascending with nulls after every value (NULLS LAST); descending
        // puts them last anyway.
        bool nullsLast = false;
        // Non-empty: the field's values in this order ("urgent", "high",
        // …); any other value, and null, ranks as `rankOfOthers`.
        QStringList rankedValues;
        int rankOfOthers = 0;
    };

    QList<Filter> filters;
    // Rows matching all of one of these lists are left out (NOT (a AND b));
    // Equal there also tells null from a value. An empty list leaves out
    // nothing.
    QList<QList<Filter>> exclusions;
    QList<Sort> sort; // rows with equal keys come in local insertion order
    int limit = -1;   // -1: no limit
    int offset = 0;
    bool includeDeleted = false;
    // Paging by key: only rows that come after this record in `sort`, which
    // must then end with "id" (a total order). The record needs the sort
    // fields and the id; Collection::query pages this way without OFFSET,
    // so the 400th page costs what the first does.
    std::optional<QJsonObject> after;
    // Words the record's text must contain (case and accents ignored,
    // each word matching the start of a word), through the collection's
    // full-text index. Nothing typed is search syntax; text without a
    // letter or digit puts no condition (docs/collection-spec.md, Search).
    QString search;

    Query &where(const QString &field, Op op, const QJsonValue &value = {})
    {
        filters.append({field, op, value});
        return *this;
    }
    Query &orderBy(const QString &field, bool descending = false)
    {
        sort.append({field, descending, false, false, {}, 0});
        return *this;
    }
    Query &exclude(const QList<Filter> &allOf)
    {
        exclusions.append(allOf);
        return *this;
    }
};

} // namespace mana
