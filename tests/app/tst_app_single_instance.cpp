// One manacore per profile (issue 13): the real binary, started twice on one
// data folder. A later start hands its arguments to the running one and
// exits 0 without opening the profile; a run of its own (a script, a
// screenshot) is refused while another owns the profile; a lock left by
// kill -9 does not keep the next start out.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace {

constexpr int kStartTimeoutMs = 60000; // a loaded 2-core machine, software rendering

const QString kOwnsProfile = QStringLiteral("this process owns the profile");
const QString kHandedOver = QStringLiteral("handed the arguments over");

// A manacore process whose output is collected as it arrives.
class App
{
public:
    App(const QString &runtimeDirectory, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDirectory);
        // The checks read the instance's info lines.
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=false"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(MANACORE_BINARY), arguments);
    }
    ~App()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QString output()
    {
        m_output += QString::fromUtf8(m_process.readAll());
        return m_output;
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool finish(int timeoutMs = kStartTimeoutMs)
    {
        // waitForFinished() is false for a process that has already ended.
        const bool finished =
            m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
        output();
        return finished;
    }
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    void killHard() // SIGKILL: no destructor runs, the lock file stays
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_output;
};

} // namespace

class TestAppSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void laterStartHandsOverAndExits();
    void runOfItsOwnIsRefusedWhileOwned_data();
    void runOfItsOwnIsRefusedWhileOwned();
    void lockOfKilledOwnerIsTakenOver();
    void simultaneousStartsLeaveOneOwner();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    QString m_runtime;
};

void TestAppSingleInstance::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_data = m_dir->filePath(QStringLiteral("data"));
    m_runtime = m_dir->filePath(QStringLiteral("runtime"));
    QVERIFY(QDir().mkpath(m_runtime));
    QVERIFY(
        QFile::setPermissions(m_runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestAppSingleInstance::laterStartHandsOverAndExits()
{
    App owner(m_runtime, {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
                          QStringLiteral("--app"), QStringLiteral("todo")});
    QTRY_VERIFY2_WITH_TIMEOUT(owner.output().contains(kOwnsProfile), qPrintable(owner.output()),
                              kStartTimeoutMs);

    // Before the fix the later start opened the profile too and ran on.
    App later(m_runtime,
              {QStringLiteral("--data-dir"), m_data, QStringLiteral("--app"),
               QStringLiteral("calendar"), QStringLiteral("--show"), QStringLiteral("settings")});
    QVERIFY2(later.finish(), "the later start is still running: two processes on one profile");
    QVERIFY2(later.exitCode() == 0, qPrintable(later.output()));
    QVERIFY2(later.output().contains(kHandedOver), qPrintable(later.output()));
    QVERIFY2(!later.output().contains(QStringLiteral("mana.store: opened")),
             qPrintable(later.output()));

    // The owner got them, and still runs.
    QTRY_VERIFY2_WITH_TIMEOUT(
        owner.output().contains(
            QStringLiteral("a later start handed over: --data-dir %1 --app calendar "
                           "--show settings")
                .arg(m_data)),
        qPrintable(owner.output()), kStartTimeoutMs);
    QVERIFY(owner.isRunning());
}

void TestAppSingleInstance::runOfItsOwnIsRefusedWhileOwned_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("screenshot") << QStringList{"--screenshot", "shot.png"};
    QTest::newRow("add-record") << QStringList{"--add-record", "todo/tasks {\"title\":\"Second\"}"};
    QTest::newRow("quit-after-first-frame") << QStringList{"--quit-after-first-frame"};
}

// A script or a picture expects the profile to itself and ends the run it
// makes; handed over, it would quit or write into the user's window.
void TestAppSingleInstance::runOfItsOwnIsRefusedWhileOwned()
{
    QFETCH(QStringList, arguments);
    App owner(m_runtime, {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome")});
    QTRY_VERIFY2_WITH_TIMEOUT(owner.output().contains(kOwnsProfile), qPrintable(owner.output()),
                              kStartTimeoutMs);

    for (QString &argument : arguments) {
        if (argument == QLatin1String("shot.png"))
            argument = m_dir->filePath(argument);
    }
    App later(m_runtime, QStringList{QStringLiteral("--data-dir"), m_data} + arguments);
    QVERIFY(later.finish());
    QVERIFY2(later.exitCode() == 3, qPrintable(later.output()));
    QVERIFY2(later.output().contains(QStringLiteral("already running on the profile")),
             qPrintable(later.output()));
    QVERIFY2(!later.output().contains(QStringLiteral("added todo/tasks")),
             qPrintable(later.output()));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("shot.png"))));
    QVERIFY(owner.isRunning());
}

void TestAppSingleInstance::lockOfKilledOwnerIsTakenOver()
{
    {
        App owner(m_runtime,
                  {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome")});
        QTRY_VERIFY2_WITH_TIMEOUT(owner.output().contains(kOwnsProfile), qPrintable(owner.output()),
                                  kStartTimeoutMs);
        owner.killHard();
    }
    QVERIFY2(QFile::exists(QDir(m_data).filePath(QStringLiteral("instance.lock"))),
             "kill -9 should leave the lock file behind, or this test proves nothing");

    const QString shot = m_dir->filePath(QStringLiteral("shot.png"));
    App next(m_runtime, {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
                         QStringLiteral("--screenshot"), shot, QStringLiteral("--screenshot-delay"),
                         QStringLiteral("300")});
    QVERIFY(next.finish());
    QVERIFY2(next.exitCode() == 0, qPrintable(next.output()));
    QVERIFY2(next.output().contains(kOwnsProfile), qPrintable(next.output()));
    QVERIFY(!QImage(shot).isNull());
    // A clean exit removes the lock.
    QVERIFY(!QFile::exists(QDir(m_data).filePath(QStringLiteral("instance.lock"))));
}

void TestAppSingleInstance::simultaneousStartsLeaveOneOwner()
{
    const QStringList arguments{QStringLiteral("--data-dir"), m_data,
                                QStringLiteral("--no-welcome")};
    App first(m_runtime, arguments);
    App second(m_runtime, arguments);
    // One hands over to the other and exits 0; the other keeps running.
    QTRY_VERIFY_WITH_TIMEOUT(!first.isRunning() || !second.isRunning(), kStartTimeoutMs);
    App &handedOver = first.isRunning() ? second : first;
    App &owner = first.isRunning() ? first : second;
    QVERIFY(handedOver.finish());
    QVERIFY2(handedOver.exitCode() == 0, qPrintable(handedOver.output()));
    QVERIFY2(handedOver.output().contains(kHandedOver), qPrintable(handedOver.output()));
    QTRY_VERIFY2_WITH_TIMEOUT(owner.output().contains(kOwnsProfile), qPrintable(owner.output()),
                              kStartTimeoutMs);
    QVERIFY(owner.isRunning());
}

QTEST_GUILESS_MAIN(TestAppSingleInstance)
#include "tst_app_single_instance.moc"
