// What open() finds out about a profile file before SQLite touches it, and
// what a failed write says about the storage (split from localstore.cpp).
#include "storefilecheck.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <cerrno>

namespace mana::storefile {

// Reads what a file says about itself before SQLite gets to write to it:
// the magic header, and whether the file is shorter than the page count its
// header claims (a truncated copy).
OpenErrorInfo inspectExistingFile(const QString &path)
{
    OpenErrorInfo result;
    result.path = path;
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.code = OpenError::NoAccess;
        result.detail =
            QStringLiteral("The file %1 cannot be read: %2").arg(path, file.errorString());
        return result;
    }
    // Everything below is about the file's own bytes.
    const QByteArray header = file.read(100);
    static const QByteArray kMagic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(kMagic)) {
        result.code = OpenError::NotADatabase;
        result.detail =
            QStringLiteral(
                "The file %1 is not a ManaCore database (not SQLite). It was left untouched; "
                "move it away or choose another profile.")
                .arg(path);
        return result;
    }
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    const quint32 changeCounter = qFromBigEndian<quint32>(header.constData() + 24);
    const quint32 pageCount = qFromBigEndian<quint32>(header.constData() + 28);
    const quint32 validFor = qFromBigEndian<quint32>(header.constData() + 92);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0) {
        result.code = OpenError::Corrupt;
        result.detail =
            QStringLiteral("The database %1 is corrupt (bad page size). It was left untouched.")
                .arg(path);
        return result;
    }
    // With a write-ahead log beside it, a short file is no copy's fault: a
    // checkpoint cut off by a crash (the background checkpointer's, or the
    // one in a commit) extended the header before the file, and SQLite
    // replays the log on open. The page check after opening still runs.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool logHoldsPages = wal.exists() && wal.size() > 0;
    if (!logHoldsPages && validFor == changeCounter && pageCount > 0 &&
        quint64(file.size()) < quint64(pageSize) * pageCount) {
        result.code = OpenError::Truncated;
        result.size = file.size();
        result.expectedSize = qint64(quint64(pageSize) * pageCount);
        result.detail = QStringLiteral("The database %1 is truncated (%2 of %3 bytes). It was left "
                                       "untouched; restore it from a backup or choose another "
                                       "profile.")
                            .arg(path)
                            .arg(result.size)
                            .arg(result.expectedSize);
    }
    return result;
}

// SQLite's own messages (sqlite3_errstr), which QtSql and NativeStatement
// pass on untranslated.
const QLatin1String kSqliteFull("database or disk is full");
const QLatin1String kSqliteReadOnly("attempt to write a readonly database");
const QLatin1String kSqliteIoError("disk I/O error");
const QLatin1String kSqliteCantOpen("unable to open database file");

// SQLITE_CORRUPT and SQLITE_NOTADB; SQLITE_BUSY and SQLITE_LOCKED.
const QLatin1String kSqliteCorrupt("database disk image is malformed");
const QLatin1String kSqliteNotADatabase("file is not a database");
const QLatin1String kSqliteBusy("database is locked");
const QLatin1String kSqliteTableLocked("database table is locked");

OpenError openErrorOf(const QString &sqliteMessage)
{
    if (sqliteMessage.contains(kSqliteCorrupt) || sqliteMessage.contains(kSqliteNotADatabase))
        return OpenError::Corrupt;
    // A lock held by another program (a backup tool, the sqlite3 shell) is
    // no damage: SQLite waited the busy timeout and gave up.
    if (sqliteMessage.contains(kSqliteBusy) || sqliteMessage.contains(kSqliteTableLocked))
        return OpenError::Locked;
    if (sqliteMessage.contains(kSqliteFull))
        return OpenError::DiskFull;
    if (sqliteMessage.contains(kSqliteIoError))
        return OpenError::DiskError;
    // Not damage: the files beside it (-wal, -shm) or its folder keep
    // SQLite from reading or writing (another user's, or read-only).
    if (sqliteMessage.contains(kSqliteReadOnly) || sqliteMessage.contains(kSqliteCantOpen))
        return OpenError::NoAccess;
    return OpenError::Other;
}

OpenErrorInfo unreadable(const QString &path, const QString &sqliteMessage)
{
    OpenErrorInfo result;
    result.path = path;
    result.code = openErrorOf(sqliteMessage);
    switch (result.code) {
    case OpenError::Corrupt:
    case OpenError::Other:
        // Said as before for anything else; only SQLite's own word for
        // damage makes it Corrupt (a damaged account offers a rebuild).
        result.detail = QStringLiteral("The database %1 is corrupt: %2. It was left untouched.")
                            .arg(path, sqliteMessage);
        break;
    case OpenError::Locked:
        result.detail = QStringLiteral("The database %1 cannot be opened: %2. Another program may "
                                       "be using it. It was left untouched.")
                            .arg(path, sqliteMessage);
        break;
    default:
        result.detail = QStringLiteral("The database %1 cannot be opened: %2. Check that you may "
                                       "read and write it, its folder and the files beside it "
                                       "(-wal, -shm). It was left untouched.")
                            .arg(path, sqliteMessage);
        break;
    }
    return result;
}

std::optional<LocalStore::WriteFailure> storageFailureOf(const QString &error, int systemErrno)
{
    if (error.contains(kSqliteFull))
        return LocalStore::WriteFailure::NoSpace;
    if (error.contains(kSqliteReadOnly))
        return LocalStore::WriteFailure::ReadOnly;
    // The errno is only read for an I/O error: SQLite keeps the last one
    // until the next I/O error, so another failure would see a stale value.
    if (error.contains(kSqliteIoError))
        return systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG
                   ? LocalStore::WriteFailure::NoSpace
                   : LocalStore::WriteFailure::DiskError;
    if (error.contains(kSqliteCantOpen))
        return LocalStore::WriteFailure::DiskError;
    return std::nullopt;
}

StoreError writeErrorOf(const QString &sqliteMessage, int systemErrno)
{
    if (const auto failure = storageFailureOf(sqliteMessage, systemErrno)) {
        switch (*failure) {
        case LocalStore::WriteFailure::NoSpace:
            return StoreError::DiskFull;
        case LocalStore::WriteFailure::ReadOnly:
            return StoreError::ReadOnly;
        case LocalStore::WriteFailure::DiskError:
            return StoreError::DiskError;
        }
    }
    if (sqliteMessage.contains(kSqliteBusy) || sqliteMessage.contains(kSqliteTableLocked))
        return StoreError::Busy;
    if (sqliteMessage.contains(kSqliteCorrupt) || sqliteMessage.contains(kSqliteNotADatabase))
        return StoreError::Corrupt;
    // "UNIQUE/CHECK/NOT NULL/FOREIGN KEY constraint failed"; a trigger's
    // RAISE says its own words, so Collection tells those by their code.
    if (sqliteMessage.contains(QLatin1String("constraint failed")))
        return StoreError::Refused;
    return StoreError::Other;
}

// What open() may do with an existing file, judged by access(2) as the
// kernel will judge SQLite's writes (root may write a 0444 file; nobody
// writes to a read-only mount or an immutable file).
LocalStore::Access accessOf(const QString &filePath)
{
    const QFileInfo file(filePath);
    if (!file.exists())
        return LocalStore::Access::ReadWrite;
    if (!file.isWritable())
        return LocalStore::Access::FileReadOnly;
    // SQLite creates the log (-wal, -shm) or a journal beside the file.
    if (!QFileInfo(file.absolutePath()).isWritable())
        return LocalStore::Access::FolderReadOnly;
    return LocalStore::Access::ReadWrite;
}

} // namespace mana::storefile
