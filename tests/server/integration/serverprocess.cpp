#include "serverprocess.h"

#include "pg/pgconnection.h"
#include "pgtestdatabase.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

Q_LOGGING_CATEGORY(lcServerTest, "mana.servertest")

namespace mana::servertest {

namespace {

// Variables the server reads as configuration; a developer's shell must not
// change what a test starts.
QProcessEnvironment cleanServerEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"PORT", "DATABASE_URL", "JWKS_URL", "CORS_ORIGINS"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

} // namespace

bool postgresTestBackend()
{
    return mana::server::testing::postgresBackend();
}

QString testBackendUnavailable()
{
    return mana::server::testing::postgresUnavailable();
}

QString ServerProcess::binaryPath()
{
    const QString fromEnvironment = qEnvironmentVariable("MANA_SYNC_BINARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
#ifdef MANA_SYNC_BINARY_DEFAULT
    return QStringLiteral(MANA_SYNC_BINARY_DEFAULT);
#else
    return QStringLiteral("mana-sync");
#endif
}

ServerProcess::ServerProcess(ServerOptions options)
    : m_options(std::move(options))
    , m_workDir(std::make_unique<QTemporaryDir>())
{
    if (!m_options.databaseUrl.isEmpty()) {
        m_databaseUrl = m_options.databaseUrl;
    } else if (postgresTestBackend()) {
        m_setupError = testBackendUnavailable();
        if (m_setupError.isEmpty()) {
            m_postgres = std::make_unique<mana::server::testing::PostgresTestDatabase>();
            if (m_postgres->isValid()) {
                m_databaseUrl = m_postgres->url();
            } else {
                m_setupError = QStringLiteral("cannot create a PostgreSQL test database: ") +
                               m_postgres->error();
                m_postgres.reset();
            }
        }
    } else {
        m_databasePath = m_options.databasePath.isEmpty()
                             ? m_workDir->filePath(QStringLiteral("mana-sync.sqlite"))
                             : m_options.databasePath;
        m_databaseUrl = QStringLiteral("sqlite:") + m_databasePath;
    }
    m_logPath = m_workDir->filePath(QStringLiteral("mana-sync.stderr.log"));
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        kill();
}

bool ServerProcess::usesPostgres() const
{
    return mana::server::pg::isPostgresUrl(m_databaseUrl);
}

QString ServerProcess::workDirectory() const
{
    return m_workDir->path();
}

bool ServerProcess::start()
{
    if (isRunning()) {
        m_error = QStringLiteral("already running");
        return false;
    }
    if (!m_setupError.isEmpty()) {
        m_error = m_setupError;
        return false;
    }
    if (m_port == 0)
        return startOnPort(0);
    // The previous run's socket may linger for a moment after a kill.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (startOnPort(m_port))
            return true;
        QThread::msleep(200);
    }
    qCWarning(lcServerTest) << "could not reuse port" << m_port << "(" << m_error
                            << "), starting on a new port";
    return startOnPort(0);
}

bool ServerProcess::startOnPort(quint16 port)
{
    m_stdout.clear();
    m_error.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(cleanServerEnvironment());
    m_process->setWorkingDirectory(m_workDir->path());
    m_process->setStandardErrorFile(m_logPath, QIODevice::Append);
    // A test that crashes or is killed by ctest's timeout must not leave a
    // server behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    QStringList arguments{QStringLiteral("--port"),   QString::number(port),
                          QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("--db"),     m_databaseUrl};
    arguments += m_options.extraArguments;
    m_process->start(binaryPath(), arguments);
    if (!m_process->waitForStarted(m_options.startTimeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binaryPath(), m_process->errorString());
        m_process.reset();
        return false;
    }
    if (!waitForListeningLine()) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
        return false;
    }
    // Whatever the server prints later must not fill the pipe and block it.
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(), [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > 64 * 1024)
            m_stdout = m_stdout.right(16 * 1024);
    });
    return true;
}

bool ServerProcess::waitForListeningLine()
{
    static const QRegularExpression listeningLine(
        QStringLiteral("^mana-sync listening on (http://\\S+)\\s*$"),
        QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (true) {
        m_stdout += m_process->readAllStandardOutput();
        const auto match = listeningLine.match(QString::fromUtf8(m_stdout));
        if (match.hasMatch()) {
            const QUrl printed(match.captured(1));
            if (!printed.isValid() || printed.port() <= 0) {
                m_error = QStringLiteral("unreadable listening line: ") + match.captured(0);
                return false;
            }
            m_port = quint16(printed.port());
            m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("mana-sync exited with code %1 before listening; stderr: %2")
                          .arg(m_process->exitCode())
                          .arg(logTail(1500));
            return false;
        }
        if (deadline.hasExpired()) {
            m_error = QStringLiteral("no listening line within %1 ms; stdout: %2; stderr: %3")
                          .arg(m_options.startTimeoutMs)
                          .arg(QString::fromUtf8(m_stdout.left(500)), logTail(1500));
            return false;
        }
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 100)));
    }
}

int ServerProcess::stop(int timeoutMs)
{
    if (!m_process)
        return -1;
    int exitCode = -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(timeoutMs)) {
            qCWarning(lcServerTest)
                << "mana-sync ignored SIGTERM for" << timeoutMs << "ms; killing it";
            m_process->kill();
            m_process->waitForFinished(5000);
            m_process.reset();
            return -1;
        }
    }
    if (m_process->exitStatus() == QProcess::NormalExit)
        exitCode = m_process->exitCode();
    m_process.reset();
    return exitCode;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill(); // SIGKILL
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

bool ServerProcess::restart(bool hard)
{
    if (hard)
        kill();
    else
        stop();
    return start();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QUrl ServerProcess::webSocketUrl(const QString &path) const
{
    QUrl url = m_baseUrl;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(path);
    return url;
}

QString ServerProcess::logTail(int maxBytes) const
{
    QFile log(m_logPath);
    if (!log.open(QIODevice::ReadOnly))
        return {};
    if (log.size() > maxBytes)
        log.seek(log.size() - maxBytes);
    return QString::fromUtf8(log.readAll());
}

qint64 ServerProcess::residentSetKiB() const
{
    return statusKiB(QStringLiteral("VmRSS"));
}

qint64 ServerProcess::peakResidentSetKiB() const
{
    return statusKiB(QStringLiteral("VmHWM"));
}

bool ServerProcess::resetPeakResidentSet() const
{
    if (!isRunning())
        return false;
    QFile clearRefs(QStringLiteral("/proc/%1/clear_refs").arg(pid()));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

qint64 ServerProcess::statusKiB(const QString &field) const
{
    if (!isRunning())
        return -1;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QRegularExpression line(QStringLiteral("^%1:\\s+(\\d+)\\s+kB").arg(field),
                                  QRegularExpression::MultilineOption);
    const auto match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

FinishedRun runServerToCompletion(const QStringList &arguments, int timeoutMs)
{
    FinishedRun run;
    QTemporaryDir workDir;
    QProcess process;
    process.setProcessEnvironment(cleanServerEnvironment());
    process.setWorkingDirectory(workDir.path());
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    process.start(ServerProcess::binaryPath(), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    } else if (process.exitStatus() == QProcess::NormalExit) {
        run.exitCode = process.exitCode();
    }
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
    return run;
}

} // namespace mana::servertest
