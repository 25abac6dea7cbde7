// Copies the SQLite write-ahead log back into the database file on a thread
// of its own. SQLite otherwise does it inside the commit that crosses
// wal_autocheckpoint pages, with an fsync of the log and of the file: a
// push then took up to 40 ms longer, every few pushes. A PASSIVE checkpoint
// on another connection runs beside the writer without blocking it.
#pragma once

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>

class QThread;
struct sqlite3;

namespace mana::server {

class WalCheckpointer
{
public:
    // The main connection's automatic checkpoints only start past this many
    // WAL pages (64 MiB), as a bound should this thread fall behind.
    static constexpr int kFallbackAutoCheckpointPages = 16384;

    WalCheckpointer(QString databasePath, int intervalMs);
    ~WalCheckpointer(); // stops the thread after its current checkpoint
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Opens its own connection and starts the thread.
    bool start(QString *error);

private:
    void run();

    QString m_databasePath;
    int m_intervalMs;
    sqlite3 *m_database = nullptr;
    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;
};

} // namespace mana::server
