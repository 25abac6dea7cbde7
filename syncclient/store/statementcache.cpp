#include "statementcache.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace mana {

QSqlQuery *StatementCache::prepare(const QString &sql, QString *error)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end()) {
        found->second->finish();
        return found->second.get();
    }
    if (m_statements.size() >= kMaxCachedStatements)
        m_statements.clear();
    auto query = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName, false));
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        if (error)
            *error = query->lastError().text();
        return nullptr;
    }
    return m_statements.emplace(sql, std::move(query)).first->second.get();
}

void bindPositional(QSqlQuery *query, std::initializer_list<QVariant> values)
{
    int position = 0;
    for (const QVariant &value : values)
        query->bindValue(position++, value);
}

} // namespace mana
