// A damaged profile file in the real manacore (issue 13): an account's is
// offered to be moved aside and rebuilt from the real mana-sync, a guest's
// is left untouched and reported, and files that are sound but cannot be
// opened (a newer schema, a lock, read-only) are never offered the rebuild.
// Real files damaged as a disk or a bad copy would damage them; the app is
// driven by its scripted options and its log ("shown in the window: …").
#include "apprun.h"
#include "screenshotcheck.h"
#include "serverprocess.h"
#include "syncapi.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <unistd.h>

using namespace mana::servertest;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
constexpr int kRunTimeoutMs = 120000;
const QColor kAccentButton(0x3d, 0x5b, 0xd9); // Theme.accentButton: the rebuild button

const QString kAccountNotice = QStringLiteral(
    "shown in the window: The file %1, where this computer keeps your account's data, is "
    "damaged, so ManaCore cannot open it. What was synced is safe on the server");
const QString kGuestNotice = QStringLiteral(
    "shown in the window: The guest data file %1 is damaged, so ManaCore cannot open it. It was "
    "left untouched");
const QString kOffered = QStringLiteral("offering to rebuild it from the server");

using Run = mana::test::AppRun;
using mana::test::sha256Of;

// How a disk or a bad copy damages a file.
bool damageFile(const QString &path, const QString &how)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const qint64 size = file.size();
    if (how == QLatin1String("pages")) { // 40 KB of garbage in the middle
        file.seek(size / 2);
        return file.write(QByteArray(40000, 'Z')) == 40000;
    }
    if (how == QLatin1String("header")) // not even SQLite any more
        return file.write("GARBAGE GARBAGE GARBAGE") > 0;
    if (how == QLatin1String("truncated")) // a copy cut off halfway
        return file.resize(size / 2);
    return false;
}

// One value of a profile, read the way a backup tool would.
QStringList query(const QString &databasePath, const QString &sql)
{
    QStringList values;
    const QString connection = QStringLiteral("tst_damaged_%1").arg(quintptr(&values));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(sql);
            while (q.next())
                values.append(q.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return values;
}

QStringList taskTitles(const QString &databasePath)
{
    QStringList titles =
        query(databasePath, QStringLiteral("SELECT title FROM todo_tasks WHERE deletedAt IS NULL"));
    titles.sort();
    return titles;
}

// Copies the log into the file and removes it (the last connection's close).
bool checkpoint(const QString &databasePath)
{
    bool ok = false;
    const QString connection = QStringLiteral("tst_damaged_checkpoint");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        ok = db.open() && QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QString clientIdOf(const QString &databasePath)
{
    return query(databasePath, QStringLiteral("SELECT value FROM _meta WHERE key = 'clientId'"))
        .value(0);
}

QString onlyFile(const QString &folder, const QString &pattern)
{
    const QStringList files = QDir(folder).entryList({pattern}, QDir::Files);
    return files.size() == 1 ? QDir(folder).filePath(files.first()) : QString();
}

// The file a rebuild kept, from its "kept <path>" line; empty when none.
QString keptFileOf(const QString &output)
{
    return QRegularExpression(QStringLiteral("^kept (.*\\.sqlite\\.damaged-\\d{8}-\\d{6})$"),
                              QRegularExpression::MultilineOption)
        .match(output)
        .captured(1);
}

} // namespace

using mana::test::containsColor;

class TestAppDamagedProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void accountIsRebuiltFromTheServer_data();
    void accountIsRebuiltFromTheServer();
    void accountFoundDamagedWhileSigningIn();
    void guestFileIsLeftUntouchedAndSaid();
    void soundFilesAreNotOfferedTheRebuild_data();
    void soundFilesAreNotOfferedTheRebuild();

private:
    Run run(const QStringList &arguments, const QString &password = kPassword,
            bool unprivileged = false);
    // A signed-up account whose task "On the server" is synced; its profile.
    QString signUp(const QString &email);

    ServerProcess m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
};

void TestAppDamagedProfile::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TestAppDamagedProfile::cleanupTestCase()
{
    m_server.stop();
}

void TestAppDamagedProfile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_data = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(mana::test::makeAppFolders(m_dir->path()));
}

Run TestAppDamagedProfile::run(const QStringList &arguments, const QString &password,
                               bool unprivileged)
{
    QProcess process;
    QProcessEnvironment env = mana::test::appEnvironment(m_dir->path());
    // No secret service on a test machine: the explicit test-only fallback.
    env.insert(QStringLiteral("MANA_ALLOW_PLAIN_TOKEN_FILE"), QStringLiteral("1"));
    env.insert(QStringLiteral("MANA_PASSWORD"), password);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mana.sync.*=false"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList common{QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
                             QStringLiteral("--sync-timeout-ms"), QStringLiteral("60000")};
    QString error;
    if (!mana::test::startApp(process, QStringLiteral(MANACORE_BINARY), common + arguments,
                              unprivileged ? m_dir->path() : QString(), &error))
        return {-1, error};
    return mana::test::finishApp(process, kRunTimeoutMs);
}

QString TestAppDamagedProfile::signUp(const QString &email)
{
    const Run made = run({QStringLiteral("--server"), m_server.baseUrl().toString(),
                          QStringLiteral("--sign-up"), email, QStringLiteral("--add-record"),
                          QStringLiteral("todo/tasks {\"title\":\"On the server\"}"),
                          QStringLiteral("--quit-when-synced")});
    if (made.exitCode != 0) {
        qWarning().noquote() << made.output;
        return {};
    }
    return onlyFile(m_data, QStringLiteral("account-*.sqlite"));
}

void TestAppDamagedProfile::accountIsRebuiltFromTheServer_data()
{
    QTest::addColumn<QString>("damage");
    // Before the feature each of these left the account stuck: every app
    // empty, the red "could not be opened" banner, nothing to press.
    QTest::newRow("pages overwritten") << "pages";
    QTest::newRow("header overwritten") << "header";
    QTest::newRow("truncated copy") << "truncated";
}

void TestAppDamagedProfile::accountIsRebuiltFromTheServer()
{
    QFETCH(QString, damage);
    const QString email = QStringLiteral("rebuild-%1@example.org").arg(damage);
    const QString profile = signUp(email);
    QVERIFY(!profile.isEmpty());
    const QString oldClientId = clientIdOf(profile);
    QVERIFY(!oldClientId.isEmpty());
    // A change that never reached the server (nobody listens on port 9):
    // queued in the file that is about to be damaged.
    Run offline = run({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
                       QStringLiteral("--add-record"),
                       QStringLiteral("todo/tasks {\"title\":\"Never pushed\"}")});
    QVERIFY2(offline.exitCode == 0, qPrintable(offline.output));
    QVERIFY(taskTitles(profile).contains(QStringLiteral("Never pushed")));
    // Everything in the file itself, so the damage below is what SQLite reads.
    QVERIFY(checkpoint(profile));
    QVERIFY2(!QFile::exists(profile + QStringLiteral("-wal")), "the log is still there");

    QVERIFY(damageFile(profile, damage));
    const QByteArray damaged = sha256Of(profile);

    // The window offers the rebuild and touches nothing.
    const QString shot = m_dir->filePath(QStringLiteral("offer.png"));
    Run shown = run({QStringLiteral("--screenshot"), shot, QStringLiteral("--screenshot-delay"),
                     QStringLiteral("300")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.output));
    QVERIFY2(shown.output.contains(kAccountNotice.arg(profile)), qPrintable(shown.output));
    QVERIFY2(shown.output.contains(kOffered), qPrintable(shown.output));
    QCOMPARE(sha256Of(profile), damaged);
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(containsColor(image, kAccentButton), "the rebuild button is not in the window");

    // Rebuild (the button's scripted twin) and wait for the full pull.
    Run rebuilt =
        run({QStringLiteral("--server"), m_server.baseUrl().toString(),
             QStringLiteral("--rebuild-damaged-profile"), QStringLiteral("--quit-when-synced")});
    QVERIFY2(rebuilt.exitCode == 0, qPrintable(rebuilt.output));
    const QString keptPath = keptFileOf(rebuilt.output);
    QVERIFY2(!keptPath.isEmpty(), qPrintable(rebuilt.output));
    QCOMPARE(QFileInfo(keptPath).absolutePath(), QFileInfo(profile).absolutePath());
    QCOMPARE(sha256Of(keptPath), damaged); // kept byte for byte, next to the new one
    QVERIFY2(rebuilt.output.contains(
                 QStringLiteral("shown in the window: This account's data was rebuilt from the "
                                "server. The damaged file was kept as %1.")
                     .arg(keptPath)),
             qPrintable(rebuilt.output));

    // The records are back; the unsent one is lost, and was not sent by
    // the new profile either (it has a new client id and an empty queue).
    QCOMPARE(taskTitles(profile).filter(QStringLiteral("On the server")).size(), 1);
    QVERIFY(!taskTitles(profile).contains(QStringLiteral("Never pushed")));
    QVERIFY(!clientIdOf(profile).isEmpty());
    QVERIFY(clientIdOf(profile) != oldClientId);
    SyncApi api(m_server.baseUrl());
    TestUser user{email, kPassword, {}, {}, {}};
    QString error;
    QVERIFY2(api.relogin(user, &error), qPrintable(error));
    const PullResult onServer = api.pullAll(user, QStringLiteral("tst-reader"),
                                            QStringLiteral("todo"), QStringLiteral("tasks"));
    QVERIFY2(onServer.ok, qPrintable(onServer.error));
    QStringList serverTitles;
    for (const QJsonObject &change : onServer.changes)
        serverTitles.append(
            change.value("fields").toObject().value("title").toObject().value("value").toString());
    QVERIFY2(serverTitles.contains(QStringLiteral("On the server")),
             qPrintable(serverTitles.join(", ")));
    QVERIFY(!serverTitles.contains(QStringLiteral("Never pushed")));

    // The next start is an ordinary one.
    Run again = run({QStringLiteral("--quit-when-synced")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.output));
    QVERIFY2(!again.output.contains(kOffered) &&
                 !again.output.contains(QStringLiteral("is damaged")),
             qPrintable(again.output));
}

// Signed out earlier (the account's file stays on this computer), damaged
// meanwhile, signed in again as a guest with records of its own.
void TestAppDamagedProfile::accountFoundDamagedWhileSigningIn()
{
    const QString email = QStringLiteral("sign-in-again@example.org");
    const QString profile = signUp(email);
    QVERIFY(!profile.isEmpty());
    Run out = run({QStringLiteral("--sign-out"), QStringLiteral("--add-record"),
                   QStringLiteral("todo/tasks {\"title\":\"Written as a guest\"}")});
    QVERIFY2(out.exitCode == 0, qPrintable(out.output));
    QVERIFY(checkpoint(profile));
    QVERIFY(damageFile(profile, QStringLiteral("pages")));
    const QByteArray damaged = sha256Of(profile);
    const QStringList signIn{QStringLiteral("--server"), m_server.baseUrl().toString(),
                             QStringLiteral("--sign-in"), email};

    // Before the feature: "The data of this account could not be opened",
    // every time. Now the window offers the rebuild; a script without
    // --rebuild-damaged-profile stops there, touching nothing.
    Run held = run(signIn);
    QCOMPARE(held.exitCode, 1);
    QVERIFY2(held.output.contains(kAccountNotice.arg(profile)), qPrintable(held.output));
    QVERIFY2(held.output.contains(QStringLiteral("--rebuild-damaged-profile moves it aside")),
             qPrintable(held.output));
    QCOMPARE(sha256Of(profile), damaged);
    const QString guestProfile = QDir(m_data).filePath(QStringLiteral("guest.sqlite"));
    QVERIFY(taskTitles(guestProfile).contains(QStringLiteral("Written as a guest")));

    Run rebuilt = run(signIn + QStringList{QStringLiteral("--rebuild-damaged-profile"),
                                           QStringLiteral("--quit-when-synced")});
    QVERIFY2(rebuilt.exitCode == 0, qPrintable(rebuilt.output));
    const QString keptPath = keptFileOf(rebuilt.output);
    QVERIFY2(!keptPath.isEmpty(), qPrintable(rebuilt.output));
    QCOMPARE(sha256Of(keptPath), damaged);
    // The server's records and the guest's, adopted as at any first sign-in.
    const QStringList titles = taskTitles(profile);
    QVERIFY2(titles.contains(QStringLiteral("On the server")), qPrintable(titles.join(", ")));
    QVERIFY2(titles.contains(QStringLiteral("Written as a guest")), qPrintable(titles.join(", ")));
    QVERIFY(!QFile::exists(guestProfile)); // adopted whole, as usual
}

void TestAppDamagedProfile::guestFileIsLeftUntouchedAndSaid()
{
    Run made = run(
        {QStringLiteral("--add-record"), QStringLiteral("todo/tasks {\"title\":\"Only here\"}")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.output));
    const QString profile = QDir(m_data).filePath(QStringLiteral("guest.sqlite"));
    QVERIFY(damageFile(profile, QStringLiteral("pages")));
    const QByteArray damaged = sha256Of(profile);
    const QStringList filesBefore = QDir(m_data).entryList(QDir::Files);

    const QString shot = m_dir->filePath(QStringLiteral("guest.png"));
    Run shown = run({QStringLiteral("--screenshot"), shot, QStringLiteral("--screenshot-delay"),
                     QStringLiteral("300")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.output));
    QVERIFY2(shown.output.contains(kGuestNotice.arg(profile)), qPrintable(shown.output));
    QVERIFY2(shown.output.contains(QStringLiteral("no copy on a server to rebuild it from")),
             qPrintable(shown.output));
    QVERIFY2(!shown.output.contains(kOffered), qPrintable(shown.output));
    QVERIFY(!QImage(shot).isNull());

    // Asked to rebuild anyway: refused with the reason, nothing moved.
    Run refused = run({QStringLiteral("--rebuild-damaged-profile")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.output.contains(QStringLiteral("guest data has no copy on a server")),
             qPrintable(refused.output));

    QCOMPARE(sha256Of(profile), damaged);
    QStringList filesAfter = QDir(m_data).entryList(QDir::Files);
    QCOMPARE(filesAfter, filesBefore); // no .damaged-*, no new guest file
}

void TestAppDamagedProfile::soundFilesAreNotOfferedTheRebuild_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("sentence"); // what the window says instead
    QTest::newRow("newer schema") << "newer"
                                  << "was written by a newer ManaCore";
    // Before: "The database … is corrupt: database is locked".
    QTest::newRow("locked by another program") << "locked"
                                               << "Another program may be using it";
    QTest::newRow("read-only file") << "read-only"
                                    << "This profile is read-only";
    // A refused sign-in opens nothing: no account file is judged at all.
    QTest::newRow("wrong password") << "wrong-password"
                                    << "Wrong email or password";
}

void TestAppDamagedProfile::soundFilesAreNotOfferedTheRebuild()
{
    QFETCH(QString, condition);
    QFETCH(QString, sentence);
    const bool unprivileged = condition == QLatin1String("read-only");
    if (unprivileged && geteuid() == 0 &&
        QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("running as root without setpriv: chmod cannot make anything read-only for root");
    const QString email = QStringLiteral("sound-%1@example.org").arg(condition);
    const QString profile = signUp(email);
    QVERIFY(!profile.isEmpty());

    QStringList arguments{QStringLiteral("--rebuild-damaged-profile")};
    QByteArray before;
    QString password = kPassword;
    QSqlDatabase holder;
    const QString holderName = QStringLiteral("tst_damaged_lock");
    if (condition == QLatin1String("newer")) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
        db.setDatabaseName(profile);
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE _schema_version SET version = 99")));
        db.close();
    } else if (condition == QLatin1String("locked")) {
        // Another program holds the file with an exclusive lock throughout
        // the run (as a backup tool or the sqlite3 shell can). Without a
        // log beside it: one left by a reader would be read past the lock.
        // Hashed first: closing any descriptor of the file in this process
        // would drop the lock (POSIX locks are per process).
        QVERIFY(checkpoint(profile));
        before = sha256Of(profile);
        holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
        holder.setDatabaseName(profile);
        QVERIFY(holder.open());
        QSqlQuery lock(holder);
        QVERIFY(lock.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")));
        QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        // The exclusive file lock comes with the first write (rolled back).
        QVERIFY(lock.exec(QStringLiteral("INSERT INTO _meta VALUES ('tst.lock', '1')")));
    } else if (condition == QLatin1String("read-only")) {
        QVERIFY(QFile::setPermissions(profile, QFile::ReadOwner | QFile::ReadOther));
    } else {
        // Signed out (the account's file stays) and a sign-in that fails.
        Run out = run({QStringLiteral("--sign-out")});
        QVERIFY2(out.exitCode == 0, qPrintable(out.output));
        arguments += {QStringLiteral("--server"), m_server.baseUrl().toString(),
                      QStringLiteral("--sign-in"), email};
        password = QStringLiteral("not the password");
    }
    if (before.isEmpty())
        before = sha256Of(profile);

    const Run result = run(arguments, password, unprivileged);
    if (holder.isOpen()) {
        QSqlQuery(holder).exec(QStringLiteral("ROLLBACK"));
        holder.close();
    }
    holder = QSqlDatabase();
    QSqlDatabase::removeDatabase(holderName);
    QVERIFY2(result.output.contains(sentence), qPrintable(result.output));
    QVERIFY2(!result.output.contains(kOffered), qPrintable(result.output));
    QVERIFY2(!result.output.contains(QStringLiteral("is damaged")), qPrintable(result.output));
    if (condition == QLatin1String("read-only"))
        QVERIFY(QFile::setPermissions(profile, QFile::ReadOwner | QFile::WriteOwner));
    QCOMPARE(sha256Of(profile), before);
    QCOMPARE(QDir(m_data).entryList({QStringLiteral("*.damaged-*")}, QDir::Files), QStringList());
}

QTEST_GUILESS_MAIN(TestAppDamagedProfile)
#include "tst_app_damaged_profile.moc"
