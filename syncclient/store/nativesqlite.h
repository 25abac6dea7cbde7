// The sqlite3 C API on the connection QtSql opened, for the store's hot
// paths (inserts, the pending queue, queries). QSqlQuery binds every value
// through a QVariant and hands SQLite UTF-16 that it converts back; for a
// bulk import of 100,000 rows or a query that feeds a list view, that is
// most of the time spent. Everything else keeps using QtSql.
//
// Calling SQLite directly is only safe when this process's libsqlite3 is the
// very library QtSql's driver uses (Qt builds that bundle their own SQLite
// copy would hand us a handle of another library). attach() checks that and
// returns nullptr otherwise; the store then runs everything through QtSql.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <map>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace mana {

class NativeStatement
{
public:
    NativeStatement(sqlite3 *db, sqlite3_stmt *statement);
    ~NativeStatement();
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;

    // Parameters are numbered from 1, as in SQLite.
    void bindNull(int index);
    void bindInt64(int index, qint64 value);
    void bindDouble(int index, double value);
    void bindText(int index, const QString &value);
    // Null, integers and booleans, doubles, text: the types columnValue() makes.
    void bind(int index, const QVariant &value);

    enum class Step { Row, Done, Error };
    Step step();
    // Releases the result and the bindings so the statement holds no lock.
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray utf8(int column) const;
    // The column's UTF-8 text without a copy; valid until the next step or
    // reset.
    QByteArrayView utf8View(int column) const;

    // SQLite's message and extended result code for the last failed step.
    QString errorMessage() const;
    int extendedErrorCode() const;
    // The rowid the connection's last successful INSERT gave.
    qint64 lastInsertRowId() const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
};

class NativeSqlite
{
public:
    // The connection under `database`, or nullptr with `*reason` when this
    // build or this process cannot call SQLite directly on it. Setting
    // MANA_STORE_NATIVE_SQLITE=0 forces nullptr (the tests run the QtSql
    // path that way too).
    static std::unique_ptr<NativeSqlite> attach(const QSqlDatabase &database, QString *reason);
    ~NativeSqlite();

    // The prepared statement for `sql` (prepared on first use), reset.
    NativeStatement *prepare(const QString &sql, QString *error);
    // Finalises every statement; must run before QtSql closes the connection.
    void clear();

    // Counts the write-ahead log's frames after each commit of this
    // connection (sqlite3_wal_hook). The hook replaces the one that
    // wal_autocheckpoint installs, so it also checkpoints, as that one did,
    // once the log reaches `autoCheckpointFrames` (0: never).
    void trackWalFrames(int autoCheckpointFrames);
    // Frames in the log after this connection's last commit; -1 untracked.
    int walFrames() const { return m_walFrames; }

    // Whether a transaction is open on the connection (a write's, or a
    // ReadTransaction's).
    bool inTransaction() const;
    // The errno of the system call behind the connection's last I/O error
    // (sqlite3_system_errno): SQLite says "disk I/O error" also when a
    // write failed for want of room (EFBIG past the file size limit,
    // EDQUOT past a quota); only ENOSPC becomes SQLITE_FULL.
    int systemErrno() const;

    // Holds one read transaction for its lifetime, when none is open: many
    // small reads then share one snapshot and one set of locks, instead of
    // taking and releasing SQLite's locks (system calls) for each.
    class ReadTransaction
    {
    public:
        explicit ReadTransaction(NativeSqlite *native);
        ~ReadTransaction();
        ReadTransaction(const ReadTransaction &) = delete;
        ReadTransaction &operator=(const ReadTransaction &) = delete;

    private:
        NativeSqlite *m_native = nullptr; // null: nothing begun here
    };

private:
    explicit NativeSqlite(sqlite3 *db);
    static int onWalCommit(void *self, sqlite3 *db, const char *databaseName, int frames);

    sqlite3 *m_db;
    int m_walFrames = -1;
    int m_autoCheckpointFrames = 0;
    std::map<QString, std::unique_ptr<NativeStatement>> m_statements;
};

} // namespace mana
