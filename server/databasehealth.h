// What /health checks besides "the connection answers SELECT 1": SQLite
// keeps answering from a file that was deleted under it (the open file
// descriptor still works, and every write lands in a file nobody will ever
// open again), from a read-only file system until the first write, and on a
// full disk until the WAL has to grow. So the file at the configured path
// must still be the one the server opened, be writable, and have room.
#pragma once

#include <QString>
#include <optional>

namespace mana::server {

class DatabaseFileHealth
{
public:
    DatabaseFileHealth(QString databasePath, qint64 minFreeBytes);

    // Remembers which file the path names now (call right after opening).
    bool recordOpenedFile(QString *error);
    // A sentence for the operator when something is wrong; nullopt when the
    // file is fine.
    std::optional<QString> problem() const;

private:
    QString m_path;
    qint64 m_minFreeBytes;
    quint64 m_device = 0;
    quint64 m_inode = 0;
    bool m_identityKnown = false;
};

} // namespace mana::server
