// A prepared SQLite statement on the handle under a QtSql QSQLITE
// connection, for the statements a push runs a thousand times: QtSql's
// binding (a QVariant and a placeholder name per value) and its UTF-16 text
// cost about as much as SQLite's own work there. The statement runs inside
// the connection's QtSql transaction like any other.
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace mana::server::sqlite {

// The sqlite3 handle of an open QSQLITE connection, or null.
sqlite3 *nativeHandle(const QSqlDatabase &database);

class Statement
{
public:
    enum class Step { Row, Done, Error };

    // Check isValid(); error() says why not.
    Statement(sqlite3 *database, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_statement != nullptr; }
    QString error() const;

    // 1-based, like SQLite. Text is kept until reset().
    void bind(int index, const QString &text);
    // Text that is UTF-8 already (JSON written as bytes): no conversion.
    void bindUtf8(int index, QByteArray utf8);
    void bind(int index, qint64 value);

    Step step();
    // Ready for the next binds; also ends a read, so the transaction can
    // commit.
    void reset();

    qint64 columnInt64(int column) const;
    QString columnText(int column) const;
    // A copy of the column's UTF-8.
    QByteArray columnUtf8(int column) const;

private:
    sqlite3 *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QString m_prepareError;
    std::vector<QByteArray> m_boundText;
};

// Resets the statement when it goes out of scope, whatever path leaves.
class ResetGuard
{
public:
    explicit ResetGuard(Statement &statement)
        : m_statement(statement)
    {}
    ~ResetGuard() { m_statement.reset(); }
    ResetGuard(const ResetGuard &) = delete;
    ResetGuard &operator=(const ResetGuard &) = delete;

private:
    Statement &m_statement;
};

} // namespace mana::server::sqlite
