// Small helpers shared by the files of SqliteChangeStore.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace mana::server::sqlite {

inline QString describe(const QSqlQuery &query)
{
    return query.lastError().text();
}

inline bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = describe(query);
    return false;
}

// Rolls back unless committed, so every early return leaves no half push.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase database)
        : m_database(std::move(database))
        , m_open(m_database.transaction())
    {}
    ~Transaction()
    {
        if (m_open)
            m_database.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_database.commit();
    }

private:
    QSqlDatabase m_database;
    bool m_open;
};

} // namespace mana::server::sqlite
