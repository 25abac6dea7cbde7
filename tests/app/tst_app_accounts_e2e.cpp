// The real manacore against the real mana-sync, each in its own process, as
// two machines of one person would run them: a guest's records reach the
// server on sign-up; a second machine signs in and sees them; a change on
// one reaches the other; a second account on one machine sees nothing of
// the first. manacore is driven by its scripted options (--sign-up,
// --sign-in, --sign-out, --add-record, --quit-when-synced); what it stored
// is read from its SQLite files after it quit.
#include "serverprocess.h"
#include "syncapi.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace mana::servertest;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

struct RunResult
{
    int exitCode = -1;
    QString output; // stdout and stderr, for failure messages
};

RunResult runApp(const QString &dataDirectory, const QStringList &arguments,
                 const QString &password = kPassword)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // No secret service on a test machine: the explicit test-only fallback.
    env.insert(QStringLiteral("MANA_ALLOW_PLAIN_TOKEN_FILE"), QStringLiteral("1"));
    env.insert(QStringLiteral("MANA_PASSWORD"), password);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mana.sync.*=false"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(MANACORE_BINARY),
                  QStringList{QStringLiteral("--data-dir"), dataDirectory,
                              QStringLiteral("--sync-timeout-ms"), QStringLiteral("30000")} +
                      arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QString::fromUtf8(process.readAll())};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

// The titles of the live Todo tasks in the profile file that `pattern`
// matches in `dataDirectory` (exactly one must).
QStringList taskTitles(const QString &dataDirectory, const QString &pattern)
{
    const QStringList files = QDir(dataDirectory).entryList({pattern}, QDir::Files);
    if (files.size() != 1)
        return {QStringLiteral("<%1 profiles match %2>").arg(files.size()).arg(pattern)};
    QStringList titles;
    const QString connection = QStringLiteral("titles-%1").arg(quintptr(&titles));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QDir(dataDirectory).filePath(files.first()));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral(
                "SELECT title FROM todo_tasks WHERE deletedAt IS NULL ORDER BY title"));
            while (query.next())
                titles.append(query.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return titles;
}

} // namespace

class TestAppAccountsEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_serverUrl = m_server.baseUrl().toString();
    }

    void cleanupTestCase() { m_server.stop(); }

    void guestRecordsTravelToASecondMachineAndBack()
    {
        QTemporaryDir machineOne;
        QTemporaryDir machineTwo;
        const QString email = QStringLiteral("two-machines@example.org");

        // Machine one: the first start as a guest (seeds) writes a task...
        RunResult run = runApp(machineOne.path(),
                               {QStringLiteral("--add-record"),
                                QStringLiteral("todo/tasks {\"title\":\"Written as a guest\"}")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const QStringList guestTitles =
            taskTitles(machineOne.path(), QStringLiteral("guest.sqlite"));
        QVERIFY2(guestTitles.contains(QStringLiteral("Written as a guest")),
                 qPrintable(guestTitles.join(", ")));
        QVERIFY2(guestTitles.size() >= 3, "the Todo seeds are missing"); // seeds + the task

        // ...then signs up: the guest's records are adopted and pushed.
        run = runApp(machineOne.path(),
                     {QStringLiteral("--server"), m_serverUrl, QStringLiteral("--sign-up"), email,
                      QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(taskTitles(machineOne.path(), QStringLiteral("account-*.sqlite")), guestTitles);
        // On the server, checked by a client of our own.
        SyncApi api(m_server.baseUrl());
        TestUser user{email, kPassword, {}, {}, {}};
        QString error;
        QVERIFY2(api.relogin(user, &error), qPrintable(error));
        const PullResult onServer = api.pullAll(user, QStringLiteral("e2e-reader"),
                                                QStringLiteral("todo"), QStringLiteral("tasks"));
        QVERIFY2(onServer.ok, qPrintable(onServer.error));
        QStringList serverTitles;
        for (const QJsonObject &change : onServer.changes) {
            const QJsonObject data = change.value("data").toObject();
            const QString title = data.isEmpty() ? change.value("fields")
                                                       .toObject()
                                                       .value("title")
                                                       .toObject()
                                                       .value("value")
                                                       .toString()
                                                 : data.value("title").toString();
            serverTitles.append(title);
        }
        serverTitles.sort();
        QCOMPARE(serverTitles, guestTitles);

        // Machine two: its own first start, then sign-in: it sees machine
        // one's records, and the seeds both had (same fixed ids) only once.
        run = runApp(machineTwo.path(),
                     {QStringLiteral("--server"), m_serverUrl, QStringLiteral("--sign-in"), email,
                      QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QCOMPARE(taskTitles(machineTwo.path(), QStringLiteral("account-*.sqlite")), guestTitles);

        // A change on machine two reaches machine one.
        run = runApp(machineTwo.path(),
                     {QStringLiteral("--add-record"),
                      QStringLiteral("todo/tasks {\"title\":\"Written on machine two\"}"),
                      QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        run = runApp(machineOne.path(), {QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY(taskTitles(machineOne.path(), QStringLiteral("account-*.sqlite"))
                    .contains(QStringLiteral("Written on machine two")));

        // Signing in again on machine one pushes nothing new: the server log
        // of tasks holds no entry after the cursor we took.
        const PullResult before = api.pullAll(user, QStringLiteral("e2e-reader"),
                                              QStringLiteral("todo"), QStringLiteral("tasks"));
        run = runApp(machineOne.path(),
                     {QStringLiteral("--sign-in"), email, QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const PullResult after =
            api.pullAll(user, QStringLiteral("e2e-reader"), QStringLiteral("todo"),
                        QStringLiteral("tasks"), before.syncedUntil);
        QVERIFY2(after.ok, qPrintable(after.error));
        QCOMPARE(after.changes.size(), 0);
    }

    void aSecondAccountSeesNothingOfTheFirst()
    {
        QTemporaryDir machine;
        RunResult run = runApp(
            machine.path(), {QStringLiteral("--server"), m_serverUrl, QStringLiteral("--sign-up"),
                             QStringLiteral("first@example.org"), QStringLiteral("--add-record"),
                             QStringLiteral("todo/tasks {\"title\":\"Secret of the first\"}"),
                             QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));

        run = runApp(machine.path(),
                     {QStringLiteral("--sign-out"), QStringLiteral("--sign-up"),
                      QStringLiteral("second@example.org"), QStringLiteral("--quit-when-synced")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const QStringList accounts =
            QDir(machine.path()).entryList({QStringLiteral("account-*.sqlite")}, QDir::Files);
        QCOMPARE(accounts.size(), 2); // the first account's data stays on disk
        int withSecret = 0;
        for (const QString &file : accounts)
            withSecret +=
                taskTitles(machine.path(), file).contains(QStringLiteral("Secret of the first"));
        QCOMPARE(withSecret, 1); // only in the first account's file
    }

    void wrongPasswordFailsWithItsSentence()
    {
        QTemporaryDir machine;
        const RunResult run =
            runApp(machine.path(),
                   {QStringLiteral("--server"), m_serverUrl, QStringLiteral("--sign-in"),
                    QStringLiteral("first@example.org"), QStringLiteral("--quit-when-synced")},
                   QStringLiteral("not the password"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("Wrong email or password.")),
                 qPrintable(run.output));
        // Still a guest, with its seeds.
        QVERIFY(taskTitles(machine.path(), QStringLiteral("guest.sqlite")).size() >= 3);
    }

    void unreachableServerFailsWithItsSentence()
    {
        QTemporaryDir machine;
        const RunResult run = runApp(
            machine.path(), {QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                             QStringLiteral("--sign-in"), QStringLiteral("first@example.org"),
                             QStringLiteral("--quit-when-synced")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains(QStringLiteral("could not be reached")),
                 qPrintable(run.output));
    }

private:
    ServerProcess m_server;
    QString m_serverUrl;
};

QTEST_GUILESS_MAIN(TestAppAccountsEndToEnd)
#include "tst_app_accounts_e2e.moc"
