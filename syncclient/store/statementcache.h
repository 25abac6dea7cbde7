// Prepared statements kept for reuse on one connection. Preparing costs
// more than running a small statement, and every local write runs several.
#pragma once

#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <map>
#include <memory>

namespace mana {

// Generated SQL (filters, update field sets) has many shapes; beyond this
// many a statement cache (this one, NativeSqlite's) starts over rather than
// grow without bound.
inline constexpr size_t kMaxCachedStatements = 256;

class StatementCache
{
public:
    explicit StatementCache(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {}

    // The prepared statement for `sql` (prepared on first use), with any
    // previous result released. nullptr with *error when SQLite refuses it.
    QSqlQuery *prepare(const QString &sql, QString *error);
    // Drops every statement; must run before the connection is closed.
    void clear() { m_statements.clear(); }

private:
    QString m_connectionName;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// Binds values to the positional placeholders, in order.
void bindPositional(QSqlQuery *query, std::initializer_list<QVariant> values);

} // namespace mana
