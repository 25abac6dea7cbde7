// A query over one collection: filters (AND-ed), sort keys, paging.
#pragma once

#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

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

    struct Sort
    {
        QString field;
        bool descending = false;
    };

    QList<Filter> filters;
    QList<Sort> sort; // rows with equal keys come in id order
    int limit = -1;   // -1: no limit
    int offset = 0;
    bool includeDeleted = false;

    Query &where(const QString &field, Op op, const QJsonValue &value = {})
    {
        filters.append({field, op, value});
        return *this;
    }
    Query &orderBy(const QString &field, bool descending = false)
    {
        sort.append({field, descending});
        return *this;
    }
};

} // namespace mana
