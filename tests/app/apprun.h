// Running the real manacore from a test: its exit code and output, a run as
// an ordinary user when the test runs as root (so that file permissions
// bind), and a file's fingerprint to prove it was not touched.
#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <sys/types.h>
#include <unistd.h>

namespace mana::test {

constexpr uid_t kNobody = 65534;

struct AppRun
{
    int exitCode = -1; // -1: crashed, killed after the timeout, or not started
    QString output;    // stdout and stderr, when the process merged them
};

inline QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Starts `binary` with `arguments`. With `unprivilegedTree` set and the test
// running as root, everything under it becomes nobody's and the run is
// nobody's (setpriv), as a user's own profile is theirs: chmod does not
// bind root. False (and `error`) when the tree cannot be handed over.
inline bool startApp(QProcess &process, const QString &binary, const QStringList &arguments,
                     const QString &unprivilegedTree = {}, QString *error = nullptr)
{
    if (unprivilegedTree.isEmpty() || geteuid() != 0) {
        process.start(binary, arguments);
        return true;
    }
    QDirIterator it(unprivilegedTree, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    QStringList paths{unprivilegedTree};
    while (it.hasNext())
        paths.append(it.next());
    for (const QString &path : std::as_const(paths)) {
        if (::chown(QFile::encodeName(path).constData(), kNobody, kNobody) != 0) {
            if (error)
                *error = QStringLiteral("cannot chown %1").arg(path);
            return false;
        }
    }
    process.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=%1").arg(kNobody),
                                                         QStringLiteral("--regid=%1").arg(kNobody),
                                                         QStringLiteral("--clear-groups"), binary} +
                                                 arguments);
    return true;
}

// Waits for the run (killing it after `timeoutMs`) and reads all it wrote.
inline AppRun finishApp(QProcess &process, int timeoutMs)
{
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

} // namespace mana::test
