#include "nativesqlite.h"

#include "statementcache.h"
#include "textorder.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>

#include <cstring>
#include <sqlite3.h>

#if defined(__linux__)
#include <dlfcn.h>
#include <link.h>
#endif

namespace mana {

namespace {

#if defined(__linux__)
// The file name of the loaded shared object whose name contains `part`.
QByteArray loadedObjectNamed(const char *part)
{
    struct Search
    {
        const char *part;
        QByteArray found;
    } search{part, {}};
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            auto *search = static_cast<Search *>(data);
            if (info->dlpi_name && std::strstr(info->dlpi_name, search->part)) {
                search->found = info->dlpi_name;
                return 1;
            }
            return 0;
        },
        &search);
    return search.found;
}

// True when QtSql's SQLite driver resolves sqlite3_step to the same function
// this process calls: one library, so one handle means the same thing to
// both. A driver with a private SQLite copy resolves it elsewhere or not at
// all (hidden symbols).
bool driverSharesOurSqlite(QString *reason)
{
    const QByteArray plugin = loadedObjectNamed("qsqlite");
    if (plugin.isEmpty()) {
        *reason = QStringLiteral("QtSql's SQLite driver is not a loaded shared object");
        return false;
    }
    void *handle = dlopen(plugin.constData(), RTLD_LAZY | RTLD_NOLOAD);
    if (!handle) {
        *reason = QStringLiteral("cannot inspect %1").arg(QString::fromLocal8Bit(plugin));
        return false;
    }
    void *driverStep = dlsym(handle, "sqlite3_step");
    dlclose(handle);
    void *ourStep = dlsym(RTLD_DEFAULT, "sqlite3_step");
    if (!driverStep || driverStep != ourStep) {
        *reason = QStringLiteral("QtSql's SQLite driver uses its own copy of SQLite");
        return false;
    }
    return true;
}
#else
// Elsewhere Qt's own builds bundle SQLite into the driver: never share.
bool driverSharesOurSqlite(QString *reason)
{
    *reason = QStringLiteral("only checked on Linux");
    return false;
}
#endif

} // namespace

NativeStatement::NativeStatement(sqlite3 *db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{}

NativeStatement::~NativeStatement()
{
    sqlite3_finalize(m_statement);
}

void NativeStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

void NativeStatement::bindInt64(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void NativeStatement::bindDouble(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
}

void NativeStatement::bindText(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void NativeStatement::bind(int index, const QVariant &value)
{
    if (value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        bindInt64(index, value.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        bindDouble(index, value.toDouble());
        return;
    default:
        bindText(index, value.toString());
    }
}

NativeStatement::Step NativeStatement::step()
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

void NativeStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool NativeStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 NativeStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double NativeStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

QString NativeStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray NativeStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView NativeStatement::utf8View(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
}

QString NativeStatement::errorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int NativeStatement::extendedErrorCode() const
{
    return sqlite3_extended_errcode(m_db);
}

qint64 NativeStatement::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int NativeSqlite::systemErrno() const
{
    return sqlite3_system_errno(m_db);
}

bool NativeSqlite::inTransaction() const
{
    return !sqlite3_get_autocommit(m_db);
}

NativeSqlite::ReadTransaction::ReadTransaction(NativeSqlite *native)
{
    // Inside a transaction already (a write, or an outer read): nothing to do.
    if (!native || !sqlite3_get_autocommit(native->m_db))
        return;
    if (sqlite3_exec(native->m_db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK)
        m_native = native;
}

NativeSqlite::ReadTransaction::~ReadTransaction()
{
    // Only reads happened: COMMIT just releases the snapshot.
    if (m_native && sqlite3_exec(m_native->m_db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(m_native->m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

std::unique_ptr<NativeSqlite> NativeSqlite::attach(const QSqlDatabase &database, QString *reason)
{
    if (qEnvironmentVariable("MANA_STORE_NATIVE_SQLITE") == QLatin1String("0")) {
        *reason = QStringLiteral("MANA_STORE_NATIVE_SQLITE=0");
        return nullptr;
    }
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *reason = QStringLiteral("the driver gives no sqlite3 handle");
        return nullptr;
    }
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
    if (!db) {
        *reason = QStringLiteral("the connection is not open");
        return nullptr;
    }
    if (!driverSharesOurSqlite(reason))
        return nullptr;
    // The lists' order of text (textorder.h); only reachable through our
    // own SQLite, so a QtSql-only store sorts with NOCASE instead.
    if (!registerFoldedCollation(db)) {
        *reason = QStringLiteral("SQLite refused the collation %1").arg(kFoldedCollation);
        return nullptr;
    }
    return std::unique_ptr<NativeSqlite>(new NativeSqlite(db));
}

NativeSqlite::NativeSqlite(sqlite3 *db)
    : m_db(db)
{}

NativeSqlite::~NativeSqlite()
{
    if (m_walFrames >= 0)
        sqlite3_wal_hook(m_db, nullptr, nullptr); // the connection outlives us
    clear();
}

void NativeSqlite::trackWalFrames(int autoCheckpointFrames)
{
    m_autoCheckpointFrames = autoCheckpointFrames;
    m_walFrames = 0;
    sqlite3_wal_hook(m_db, &NativeSqlite::onWalCommit, this);
}

int NativeSqlite::onWalCommit(void *self, sqlite3 *db, const char *databaseName, int frames)
{
    auto *native = static_cast<NativeSqlite *>(self);
    native->m_walFrames = frames;
    // What SQLite's own automatic checkpoint does (a PASSIVE one, its
    // failure not the commit's).
    if (native->m_autoCheckpointFrames > 0 && frames >= native->m_autoCheckpointFrames)
        sqlite3_wal_checkpoint(db, databaseName);
    return SQLITE_OK;
}

NativeStatement *NativeSqlite::prepare(const QString &sql, QString *error)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end()) {
        found->second->reset();
        return found->second.get();
    }
    if (m_statements.size() >= kMaxCachedStatements)
        m_statements.clear();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(statement);
        return nullptr;
    }
    return m_statements.emplace(sql, std::make_unique<NativeStatement>(m_db, statement))
        .first->second.get();
}

void NativeSqlite::clear()
{
    m_statements.clear();
}

} // namespace mana
