#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <utility>

Q_LOGGING_CATEGORY(lcInstance, "mana.app.instance")

namespace mana {

namespace {

// A hand-over is one line of JSON: {"arguments": [...], "activationToken": ""}.
// Anything longer is not a later start of ours.
constexpr qint64 kMaxHandOverBytes = 256 * 1024;
// A connection that sends no complete line in this time is dropped.
constexpr int kHandOverReadTimeoutMs = 10000;
// Unix socket paths are limited to 107 bytes (sun_path).
constexpr int kMaxSocketPathLength = 100;
const QByteArray kAnswer("ok\n");

QString canonicalDirectory(const QString &dataDirectory)
{
    const QString canonical = QFileInfo(dataDirectory).canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(QFileInfo(dataDirectory).absoluteFilePath())
                               : canonical;
}

} // namespace

SingleInstance::SingleInstance(const QString &dataDirectory, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
    , m_socketPath(socketPath(dataDirectory))
{
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection())
            readHandOver(socket);
    });
}

SingleInstance::~SingleInstance()
{
    m_server.close(); // removes the socket file
}

QString SingleInstance::lockFilePath(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("instance.lock"));
}

QString SingleInstance::socketPath(const QString &dataDirectory)
{
    const QByteArray hash = QCryptographicHash::hash(canonicalDirectory(dataDirectory).toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(24);
    const QString name = QStringLiteral("manacore-%1.socket").arg(QString::fromLatin1(hash));
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QString path = QDir(runtime).filePath(name);
    // A bare name puts the socket in QDir::tempPath().
    return runtime.isEmpty() || path.toUtf8().size() > kMaxSocketPathLength ? name : path;
}

qint64 SingleInstance::ownerProcessId() const
{
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock && m_lock->getLockInfo(&pid, &host, &application))
        return pid;
    return 0;
}

SingleInstance::Claim SingleInstance::claim(const QStringList &arguments, bool handOver,
                                            QString *message)
{
    m_lock = std::make_unique<QLockFile>(lockFilePath(m_dataDirectory));
    // Never stale by age: the owner runs for days. A lock whose process is
    // gone (kill -9, a crash, a power cut) is stale and taken over.
    m_lock->setStaleLockTime(0);
    QElapsedTimer waited;
    waited.start();
    bool toldLockless = false;
    forever
    {
        if (m_lock->tryLock(0)) {
            listen();
            return Claim::Owner;
        }
        // A read-only data folder has no room for a lock file. Nothing
        // can be written there by anyone, so two processes cannot harm
        // the profile; the socket alone keeps it to one window.
        const bool lockless = m_lock->error() != QLockFile::LockFailedError;
        if (lockless && !std::exchange(toldLockless, true))
            qCWarning(lcInstance).noquote()
                << "no lock file in" << m_dataDirectory
                << QStringLiteral("(QLockFile error %1):").arg(int(m_lock->error()))
                << "the socket alone tells whether ManaCore runs on this profile";
        if (!handOver) {
            if (!lockless)
                return Claim::OwnedElsewhere;
            QLocalSocket probe;
            probe.connectToServer(m_socketPath);
            if (probe.waitForConnected(1000))
                return Claim::OwnedElsewhere;
            listen();
            return Claim::Owner;
        }
        QString sendProblem;
        if (sendHandOver(arguments, kHandOverTimeoutMs - int(waited.elapsed()), &sendProblem))
            return Claim::HandedOver;
        if (lockless) {
            listen();
            return Claim::Owner;
        }
        // The owner may hold the lock and not listen yet (it is starting),
        // or may have just quit (the lock is then free on the next turn).
        if (waited.elapsed() >= kHandOverTimeoutMs) {
            *message = QStringLiteral("ManaCore is already running on the profile in %1 "
                                      "(process %2) but did not answer: %3")
                           .arg(m_dataDirectory)
                           .arg(ownerProcessId())
                           .arg(sendProblem);
            return Claim::Unanswered;
        }
        QThread::msleep(100);
    }
}

void SingleInstance::listen()
{
    // A crashed owner leaves its socket file; only the owner removes it.
    QLocalServer::removeServer(m_socketPath);
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server.listen(m_socketPath)) {
        qCWarning(lcInstance).noquote()
            << "later starts cannot hand over to this one: cannot listen on" << m_socketPath << ":"
            << m_server.errorString();
        return;
    }
    qCInfo(lcInstance).noquote() << "this process owns the profile" << m_dataDirectory
                                 << "and listens on" << m_server.fullServerName();
}

void SingleInstance::readHandOver(QLocalSocket *socket)
{
    socket->setParent(this);
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, socket, [socket] {
        qCWarning(lcInstance) << "dropped a connection that sent no hand-over in time";
        socket->abort();
    });
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > kMaxHandOverBytes) {
                qCWarning(lcInstance) << "dropped a hand-over longer than" << kMaxHandOverBytes;
                socket->abort();
            }
            return;
        }
        const QByteArray line = socket->readLine(kMaxHandOverBytes);
        QJsonParseError parseError;
        const QJsonObject handOver = QJsonDocument::fromJson(line, &parseError).object();
        QStringList arguments;
        for (const QJsonValue &argument : handOver.value(QLatin1String("arguments")).toArray())
            arguments.append(argument.toString());
        if (arguments.isEmpty()) {
            qCWarning(lcInstance) << "dropped a malformed hand-over:" << parseError.errorString();
            socket->abort();
            return;
        }
        socket->write(kAnswer);
        socket->flush();
        socket->disconnectFromServer();
        emit argumentsReceived(arguments,
                               handOver.value(QLatin1String("activationToken")).toString());
    });
    timeout->start(kHandOverReadTimeoutMs);
}

bool SingleInstance::sendHandOver(const QStringList &arguments, int timeoutMs, QString *message)
{
    QElapsedTimer took;
    took.start();
    QLocalSocket socket;
    socket.connectToServer(m_socketPath);
    if (!socket.waitForConnected(qBound(1, timeoutMs, 1000))) {
        *message = socket.errorString();
        return false;
    }
    QJsonObject handOver{
        {QStringLiteral("arguments"), QJsonArray::fromStringList(arguments)},
        {QStringLiteral("activationToken"), qEnvironmentVariable("XDG_ACTIVATION_TOKEN")},
    };
    socket.write(QJsonDocument(handOver).toJson(QJsonDocument::Compact) + '\n');
    socket.waitForBytesWritten(qMax(1, timeoutMs - int(took.elapsed())));
    // The owner answers once its event loop runs (after it loaded its
    // window when it is starting too).
    while (!socket.canReadLine()) {
        const int left = timeoutMs - int(took.elapsed());
        if (left <= 0 || !socket.waitForReadyRead(left)) {
            *message = socket.errorString();
            return false;
        }
    }
    if (socket.readLine() != kAnswer) {
        *message = QStringLiteral("an unexpected answer");
        return false;
    }
    qCInfo(lcInstance).noquote() << "ManaCore already runs on the profile" << m_dataDirectory
                                 << "(process" << ownerProcessId()
                                 << "): handed the arguments over to it";
    return true;
}

} // namespace mana
