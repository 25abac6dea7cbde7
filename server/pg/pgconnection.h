// A thin layer over libpq for mana-sync's PostgreSQL stores: one connection,
// statements with text parameters (prepared once per connection for the
// hot ones), results, transactions, migrations. Used directly rather than
// through Qt's QPSQL driver: docs/server.md "PostgreSQL" says why.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace mana::server::pg {

// True for "postgres://…" and "postgresql://…".
bool isPostgresUrl(const QString &url);
// Checks the URL's syntax without connecting; false with a sentence in *error.
bool checkUrl(const QString &url, QString *error);
// "user@host:port/database" without the password, for messages and logs.
QString describeTarget(const QString &url);
// The URL's settings as libpq reads them (host, port, user, password,
// dbname, …); nullopt when it is malformed.
std::optional<QHash<QString, QString>> urlSettings(const QString &url);
// The same server and credentials, another database (tests, tools).
QString urlWithDatabase(const QString &url, const QString &database);

// Text-format parameters $1, $2, … of one statement.
class Params
{
public:
    Params &add(const QString &text);
    Params &addUtf8(const QByteArray &utf8);
    Params &add(qint64 number);
    // A PostgreSQL array literal ({"a","b"}) of texts, for unnest() and ANY().
    Params &addTextArray(const QStringList &texts);
    Params &addUtf8Array(const QList<QByteArray> &texts);
    Params &addInt64Array(const QList<qint64> &numbers);
    Params &addNull();

    int size() const { return int(m_values.size()); }
    const char *const *values() const;

private:
    std::vector<QByteArray> m_values;
    std::vector<bool> m_null;
    mutable std::vector<const char *> m_pointers;
};

class Result
{
public:
    Result() = default;
    explicit Result(pg_result *result, QString error);
    ~Result();
    Result(Result &&other) noexcept;
    Result &operator=(Result &&other) noexcept;
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // The SQLSTATE of a failed statement ("23505": unique violation).
    QByteArray sqlState() const;
    int rows() const;
    int columns() const;
    qint64 affectedRows() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray utf8(int row, int column) const;
    qint64 int64(int row, int column) const;

private:
    pg_result *m_result = nullptr;
    QString m_error;
};

class Connection
{
public:
    // Connects (at most `connectTimeoutSeconds` unless the URL says
    // otherwise). Null with a one-sentence *error when it cannot.
    static std::unique_ptr<Connection> open(const QString &url, QString *error,
                                            int connectTimeoutSeconds = 10);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Without parameters, through the simple protocol (several statements
    // in one text are allowed, DDL too).
    Result exec(const QString &sql);
    // Parsed each time: for statements that run rarely.
    Result exec(const QString &sql, const Params &params);
    // Prepared on first use on this connection and reused: for hot paths.
    Result execPrepared(const QString &sql, const Params &params);

    // The connection is up; after a broken connection (the server restarted)
    // it tries to connect once again, outside a transaction.
    bool ensureConnected();
    bool inTransaction() const;
    QString target() const { return m_target; }

    // LISTEN/NOTIFY. The socket to watch for readability; -1 when broken.
    int socketDescriptor() const;
    // The server process of this connection; a NOTIFY it sent itself comes
    // back with this pid.
    int backendPid() const;
    // Reads what the server sent without blocking. False (with *error)
    // when the connection broke.
    bool consumeInput(QString *error);
    struct Notification
    {
        QString channel;
        QByteArray payload;
        int senderPid = 0;
    };
    // The notifications received so far, oldest first.
    QList<Notification> takeNotifications();

private:
    Connection(pg_conn *connection, QString target);
    Result finish(pg_result *result);

    pg_conn *m_connection = nullptr;
    QString m_target;
    QHash<QString, QByteArray> m_prepared; // sql -> statement name
    int m_nextStatement = 0;
};

// BEGIN …; ROLLBACK unless committed, so every early return leaves nothing.
class Transaction
{
public:
    explicit Transaction(Connection &connection,
                         const char *begin = "BEGIN ISOLATION LEVEL READ COMMITTED");
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    bool commit();

private:
    Connection &m_connection;
    bool m_open = false;
    QString m_error;
};

// One numbered step of a schema: its statements run in one transaction
// with the version bump.
struct Migration
{
    int version;
    QString description;
    QStringList statements;
};

// Brings `component` ("sync", "auth") to the last migration's version,
// recorded in the table schema_version (component, version, applied_at).
// Serialised across processes by an advisory lock, so two servers starting
// at once on one database do not both migrate. A database of a newer
// server (a version beyond the last migration) is refused.
bool migrate(Connection &connection, const QString &component, const QList<Migration> &steps,
             QString *error);

} // namespace mana::server::pg
