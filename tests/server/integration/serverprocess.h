// Runs the real mana-sync binary for black-box tests and benchmarks: starts
// it on a free loopback port with a database in a temporary folder (or, on
// PostgreSQL, a fresh database of its own; see testBackend()), waits
// for its "listening" line, and stops it the way an operator would (SIGTERM)
// or the way a crash does (SIGKILL). A restart reuses the database and, when
// the OS allows, the port, so clients can reconnect to the same URL.
#pragma once

#include <QLoggingCategory>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcServerTest)

namespace mana::server::testing {
class PostgresTestDatabase;
}

namespace mana::servertest {

// The database the tests' servers run on: SQLite unless
// MANA_TEST_BACKEND=postgres (the `_postgres` ctest variants, see
// docs/server.md "Tests on both databases"); then every ServerProcess gets
// a fresh database on the PostgreSQL server MANA_TEST_POSTGRES names,
// dropped when it goes.
bool postgresTestBackend();
// For initTestCase: why this run cannot have its backend (PostgreSQL wanted
// but MANA_TEST_POSTGRES unset), or empty. MANA_SKIP_WITHOUT_TEST_BACKEND()
// in servertestmacros.h skips with it.
QString testBackendUnavailable();

struct ServerOptions
{
    // Appended after --port/--listen/--db, e.g. {"--access-token-ttl", "1"}.
    QStringList extraArguments;
    // Empty: "mana-sync.sqlite" in the process' own temporary folder. Not
    // used on PostgreSQL.
    QString databasePath;
    // Non-empty: given to --db as it is (a benchmark on a database of its
    // choosing); databasePath and the test backend are then not used.
    QString databaseUrl;
    int startTimeoutMs = 20000;
};

class ServerProcess
{
public:
    // The binary path comes from the MANA_SYNC_BINARY environment variable,
    // else from the build (compile definition MANA_SYNC_BINARY_DEFAULT).
    static QString binaryPath();

    explicit ServerProcess(ServerOptions options = {});
    ~ServerProcess(); // kills a server still running
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts on port 0 (the first time) or on the port of the previous run
    // (after a stop), and waits for the listening line. False with
    // errorString() set when the process did not come up in time.
    bool start();
    // SIGTERM, then waits; returns the exit code, or -1 when the process
    // crashed or had to be killed after timeoutMs.
    int stop(int timeoutMs = 10000);
    // SIGKILL, then waits: the crash case.
    void kill();
    // stop() (or kill() when hard) then start() on the same database and port.
    bool restart(bool hard = false);

    bool isRunning() const;
    qint64 pid() const;
    QUrl baseUrl() const { return m_baseUrl; } // http://127.0.0.1:<port>
    QUrl webSocketUrl(const QString &path = QStringLiteral("/ws")) const;
    quint16 port() const { return m_port; }
    // The SQLite file; empty on PostgreSQL.
    QString databasePath() const { return m_databasePath; }
    // What --db gets: "sqlite:PATH" or a PostgreSQL URL. serverdatabase.h
    // reads it directly.
    QString databaseUrl() const { return m_databaseUrl; }
    bool usesPostgres() const;
    QString workDirectory() const;
    QString errorString() const { return m_error; }
    // The end of the server's stderr (every run appends to one log file),
    // for failure messages.
    QString logTail(int maxBytes = 4000) const;
    // RSS from /proc/<pid>/status in KiB, -1 when unavailable.
    qint64 residentSetKiB() const;
    // The peak RSS (VmHWM) in KiB since the start or the last reset, -1
    // when unavailable.
    qint64 peakResidentSetKiB() const;
    // Lets the peak start again from the current RSS (Linux clear_refs);
    // false when the OS refuses.
    bool resetPeakResidentSet() const;

private:
    bool startOnPort(quint16 port);
    qint64 statusKiB(const QString &field) const; // a "kB" line of /proc/<pid>/status
    bool waitForListeningLine();

    ServerOptions m_options;
    std::unique_ptr<QTemporaryDir> m_workDir;
    // Declared before m_process: dropped after the server is gone.
    std::unique_ptr<mana::server::testing::PostgresTestDatabase> m_postgres;
    QString m_databaseUrl;
    QString m_setupError; // the PostgreSQL database could not be made
    std::unique_ptr<QProcess> m_process;
    QString m_databasePath;
    QString m_logPath;
    QByteArray m_stdout;
    QUrl m_baseUrl;
    quint16 m_port = 0;
    QString m_error;
};

// Runs the binary with arguments and waits for it to exit (for the bad-
// configuration cases). exitCode is -1 when it did not exit in time.
struct FinishedRun
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;
};
FinishedRun runServerToCompletion(const QStringList &arguments, int timeoutMs = 10000);

} // namespace mana::servertest
