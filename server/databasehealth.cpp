#include "databasehealth.h"

#include <QFileInfo>
#include <QStorageInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace mana::server {

DatabaseFileHealth::DatabaseFileHealth(QString databasePath, qint64 minFreeBytes)
    : m_path(std::move(databasePath))
    , m_minFreeBytes(minFreeBytes)
{}

bool DatabaseFileHealth::recordOpenedFile(QString *error)
{
#ifdef Q_OS_UNIX
    struct stat status;
    if (::stat(QFile::encodeName(m_path).constData(), &status) != 0) {
        if (error)
            *error = QStringLiteral("cannot stat \"%1\"").arg(m_path);
        return false;
    }
    m_device = quint64(status.st_dev);
    m_inode = quint64(status.st_ino);
    m_identityKnown = true;
#else
    Q_UNUSED(error);
#endif
    return true;
}

std::optional<QString> DatabaseFileHealth::problem() const
{
    const QByteArray path = QFile::encodeName(m_path);
#ifdef Q_OS_UNIX
    struct stat status;
    if (::stat(path.constData(), &status) != 0)
        return QStringLiteral("the database file \"%1\" is gone").arg(m_path);
    if (m_identityKnown &&
        (quint64(status.st_dev) != m_device || quint64(status.st_ino) != m_inode))
        return QStringLiteral("the database file \"%1\" was replaced by another file").arg(m_path);
    // access() also says EROFS for a file system mounted (or fallen back to)
    // read-only, even for root.
    if (::access(path.constData(), W_OK) != 0)
        return QStringLiteral("the database file \"%1\" is not writable").arg(m_path);
#else
    if (!QFileInfo::exists(m_path))
        return QStringLiteral("the database file \"%1\" is gone").arg(m_path);
    if (!QFileInfo(m_path).isWritable())
        return QStringLiteral("the database file \"%1\" is not writable").arg(m_path);
#endif
    const QStorageInfo storage(QFileInfo(m_path).absolutePath());
    if (storage.isValid() && storage.isReady() && storage.bytesAvailable() >= 0 &&
        storage.bytesAvailable() < m_minFreeBytes)
        return QStringLiteral("the disk of the database is full (%1 bytes free, %2 needed)")
            .arg(storage.bytesAvailable())
            .arg(m_minFreeBytes);
    return std::nullopt;
}

} // namespace mana::server
