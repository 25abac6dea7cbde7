#include "walcheckpointer.h"

#include <QThread>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcWalCheckpoint, "mana.sqlite.checkpoint")

namespace mana {

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs)
    : m_databasePath(std::move(databasePath))
    , m_intervalMs(intervalMs)
{}

WalCheckpointer::~WalCheckpointer()
{
    if (m_thread) {
        {
            QMutexLocker locker(&m_mutex);
            m_stop = true;
            m_wake.wakeAll();
        }
        m_thread->wait();
    }
    sqlite3_close(m_database);
}

bool WalCheckpointer::start(QString *error)
{
    const QByteArray path = m_databasePath.toUtf8();
    // NOMUTEX: only the checkpoint thread uses this connection.
    if (sqlite3_open_v2(path.constData(), &m_database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
        *error = QStringLiteral("Cannot open \"%1\" for checkpoints: %2")
                     .arg(m_databasePath, QString::fromUtf8(sqlite3_errmsg(m_database)));
        return false;
    }
    // This connection never checkpoints on its own, and waits for a
    // checkpoint another connection started rather than failing.
    sqlite3_wal_autocheckpoint(m_database, 0);
    sqlite3_busy_timeout(m_database, 5000);
    // A connection learns that the file is in WAL mode on its first read;
    // until then a checkpoint does nothing.
    if (sqlite3_exec(m_database, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
        *error = QStringLiteral("Cannot read \"%1\" for checkpoints: %2")
                     .arg(m_databasePath, QString::fromUtf8(sqlite3_errmsg(m_database)));
        return false;
    }
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("wal-checkpoint"));
    m_thread->start(QThread::LowPriority);
    return true;
}

void WalCheckpointer::checkpointNow()
{
    QMutexLocker locker(&m_mutex);
    m_checkpointNow = true;
    m_wake.wakeAll();
}

bool WalCheckpointer::hasCopied(int logFrames) const
{
    const quint64 look = m_lastLook;
    const quint32 seen = quint32(look >> 32);
    return logFrames >= 0 && seen >= quint32(logFrames) && quint32(look) == seen;
}

void WalCheckpointer::run()
{
    int lastLogFrames = -1;
    int waitMs = m_intervalMs;
    int quietLooks = kQuietLooksToIdle;
    QMutexLocker locker(&m_mutex);
    while (!m_stop) {
        if (!m_checkpointNow)
            m_wake.wait(&m_mutex, QDeadlineTimer(waitMs));
        if (m_stop)
            break;
        m_checkpointNow = false;
        locker.unlock();
        int logFrames = 0;
        int copiedFrames = 0;
        // PASSIVE copies what no reader still needs and never blocks the
        // writer; what it leaves is copied next time.
        const int status = sqlite3_wal_checkpoint_v2(m_database, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                     &logFrames, &copiedFrames);
        if (status == SQLITE_OK && logFrames >= 0 && copiedFrames >= 0)
            m_lastLook = quint64(quint32(logFrames)) << 32 | quint32(copiedFrames);
        if (status != SQLITE_OK && status != SQLITE_BUSY)
            qCWarning(lcWalCheckpoint) << "WAL checkpoint failed:" << sqlite3_errmsg(m_database);
        else if (logFrames != lastLogFrames)
            qCDebug(lcWalCheckpoint)
                << "WAL checkpoint:" << copiedFrames << "of" << logFrames << "frames copied";
        // While a writer commits back to back, a look every 250 ms mostly
        // found SQLITE_BUSY (the log's index changing under it) and the log
        // grew to the writer's fallback checkpoint, which then copied all of
        // it inside one commit (~100 ms for 16,384 pages). So a busy look is
        // retried at once, and a log that changed since the last look is
        // looked at again after kActiveIntervalMs, until it stays the same.
        // More often copies hot pages more often and costs the writer's p99.
        const bool busy = status == SQLITE_BUSY;
        quietLooks = busy || logFrames != lastLogFrames ? 0 : quietLooks + 1;
        waitMs = busy                             ? kBusyRetryMs
                 : quietLooks < kQuietLooksToIdle ? kActiveIntervalMs
                                                  : m_intervalMs;
        lastLogFrames = logFrames;
        locker.relock();
    }
}

} // namespace mana
