#include "sqlitestatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace mana::server::sqlite {

sqlite3 *nativeHandle(const QSqlDatabase &database)
{
    if (!database.isOpen() || !database.driver())
        return nullptr;
    // QSqlDriver::handle() of QSQLITE is a QVariant holding a sqlite3*
    // (documented with that very check on its type name).
    const QVariant handle = database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

Statement::Statement(sqlite3 *database, const QString &sql)
    : m_database(database)
{
    if (!database) {
        m_prepareError = QStringLiteral("the database is not open");
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(database, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_statement, nullptr) != SQLITE_OK) {
        m_prepareError = QString::fromUtf8(sqlite3_errmsg(database));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return;
    }
    m_boundText.resize(size_t(sqlite3_bind_parameter_count(m_statement)) + 1);
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

QString Statement::error() const
{
    if (!m_statement)
        return m_prepareError;
    return QString::fromUtf8(sqlite3_errmsg(m_database));
}

void Statement::bind(int index, const QString &text)
{
    if (index < 1 || size_t(index) >= m_boundText.size())
        return; // SQLite would answer SQLITE_RANGE; the step then fails on the missing value
    QByteArray &kept = m_boundText[size_t(index)];
    kept = text.toUtf8();
    // An empty QByteArray may have no data pointer, and a null pointer binds NULL.
    sqlite3_bind_text(m_statement, index, kept.isNull() ? "" : kept.constData(), int(kept.size()),
                      SQLITE_STATIC);
}

void Statement::bindUtf8(int index, QByteArray utf8)
{
    if (index < 1 || size_t(index) >= m_boundText.size())
        return; // as bind(): the step then fails on the missing value
    QByteArray &kept = m_boundText[size_t(index)];
    kept = std::move(utf8);
    sqlite3_bind_text(m_statement, index, kept.isNull() ? "" : kept.constData(), int(kept.size()),
                      SQLITE_STATIC);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

Statement::Step Statement::step()
{
    switch (sqlite3_step(m_statement)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    for (QByteArray &text : m_boundText)
        text.clear();
}

qint64 Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString Statement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QByteArray Statement::columnUtf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArray(text ? text : "", sqlite3_column_bytes(m_statement, column));
}

} // namespace mana::server::sqlite
