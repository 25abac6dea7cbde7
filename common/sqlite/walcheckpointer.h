// Copies the SQLite write-ahead log back into the database file on a thread
// of its own. SQLite otherwise does it inside the commit that crosses
// wal_autocheckpoint pages, with an fsync of the log and of the file: a
// server push then took up to 40 ms longer every few pushes, and a local
// write's p99 was the checkpoint. A PASSIVE checkpoint on another connection
// runs beside the writer without blocking it. Used by mana-sync and by the
// app's LocalStore (target `manasqlite`: Qt Core and libsqlite3 only).
#pragma once

#include <QLoggingCategory>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <memory>

class QThread;
struct sqlite3;

Q_DECLARE_LOGGING_CATEGORY(lcWalCheckpoint)

namespace mana {

class WalCheckpointer
{
public:
    // The main connection's automatic checkpoints only start past this many
    // WAL pages (64 MiB), as a bound should this thread fall behind.
    static constexpr int kFallbackAutoCheckpointPages = 16384;
    // While the log grows: the next look after a busy one, and after one
    // that found the log changed; after kQuietLooksToIdle looks at an
    // unchanged log, the constructor's interval again.
    static constexpr int kBusyRetryMs = 2;
    static constexpr int kActiveIntervalMs = 150;
    static constexpr int kQuietLooksToIdle = 20;

    WalCheckpointer(QString databasePath, int intervalMs);
    ~WalCheckpointer(); // stops the thread after its current checkpoint
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Opens its own connection and starts the thread.
    bool start(QString *error);

    // Wakes the thread for a checkpoint now (a writer pausing for it).
    void checkpointNow();
    // Whether the last checkpoint saw at least `logFrames` frames in the
    // log and copied every one it saw: the next write transaction then
    // starts the log over from its beginning.
    bool hasCopied(int logFrames) const;

private:
    void run();

    QString m_databasePath;
    int m_intervalMs;
    sqlite3 *m_database = nullptr;
    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;
    bool m_checkpointNow = false;
    // The last successful look: frames in the log (high 32 bits) and
    // frames copied (low 32 bits), one value so both come from one look.
    std::atomic<quint64> m_lastLook = 0;
};

} // namespace mana
