// Running the real manacore from a test: its exit code and output, a run as
// an ordinary user when the test runs as root (so that file permissions
// bind), and a file's fingerprint to prove it was not touched.
#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
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

// The folders an app run under test lives in, inside `root`: data, home,
// and a runtime dir only its owner may enter (XDG requires 0700).
inline bool makeAppFolders(const QString &root)
{
    const QDir dir(root);
    for (const char *sub : {"data", "home", "runtime"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return false;
    }
    return QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// The environment of such a run: offscreen, HOME and XDG_RUNTIME_DIR in
// `root` (makeAppFolders), the rest inherited.
inline QProcessEnvironment appEnvironment(const QString &root)
{
    const QDir dir(root);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("HOME"), dir.filePath(QStringLiteral("home")));
    return env;
}

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
