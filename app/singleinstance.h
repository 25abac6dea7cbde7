// One manacore per profile (data directory). Two processes on one profile
// would sync one pending queue under one client id, and neither window
// would show the other's writes. The first start owns the profile: it holds
// a QLockFile in the data directory (a crashed owner's lock is stale and
// taken over: QLockFile checks the process id) and listens on a local
// socket named after the directory's path. A later start hands its
// arguments over that socket and exits; the owner raises its window and
// opens what they ask for. See docs/single-instance.md.
#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QStringList>
#include <memory>

namespace mana {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    // How long a later start waits for the owner to answer: the owner
    // reads the socket once its event loop runs, after it opened the
    // profile and loaded the window (seconds on a loaded machine).
    static constexpr int kHandOverTimeoutMs = 30000;

    explicit SingleInstance(const QString &dataDirectory, QObject *parent = nullptr);
    ~SingleInstance() override;

    enum class Claim {
        Owner,          // this process owns the profile now
        HandedOver,     // the owner took the arguments
        OwnedElsewhere, // another process owns it; nothing was sent (handOver false)
        Unanswered,     // another process holds the lock but did not answer
    };
    // Becomes the owner, or (handOver) gives `arguments` (program name
    // first) to the running owner. *message explains Unanswered.
    Claim claim(const QStringList &arguments, bool handOver, QString *message);

    // The process id in the owner's lock file (0 when unknown).
    qint64 ownerProcessId() const;

    static QString lockFilePath(const QString &dataDirectory);
    // In the user's runtime directory (private to the user), named after a
    // hash of the data directory's canonical path.
    static QString socketPath(const QString &dataDirectory);

signals:
    // A later start's arguments, program name first; the owner has already
    // answered it. `activationToken` is the later start's
    // XDG_ACTIVATION_TOKEN (Wayland: permission to raise a window), if any.
    void argumentsReceived(const QStringList &arguments, const QString &activationToken);

private:
    void listen();
    void readHandOver(class QLocalSocket *socket);
    // Sends the arguments to a listening owner; false when none answered.
    bool sendHandOver(const QStringList &arguments, int timeoutMs, QString *message);

    QString m_dataDirectory;
    QString m_socketPath;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer m_server;
};

} // namespace mana
