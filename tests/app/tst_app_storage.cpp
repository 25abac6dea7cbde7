// The real manacore on storage it cannot write (issue 13): a read-only
// profile file or folder, and a full disk. Real conditions, no switches in
// the app (docs/single-instance.md, "Storage the app cannot write"):
// - read-only: chmod, with the app run as an unprivileged user (root
//   writes through chmod, and CI runs as root: `setpriv` to nobody then);
// - full: RLIMIT_FSIZE (no privileges needed; writes past it fail with
//   EFBIG) and a small tmpfs in a private mount namespace (ENOSPC; needs
//   CAP_SYS_ADMIN, skipped without it).
#include "apprun.h"
#include "screenshotcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

namespace {

constexpr int kRunTimeoutMs = 120000;

const QColor kNoticeBackground(0xfd, 0xf1, 0xcf); // Theme.noticeBackground, light
const QColor kErrorRed(0xd6, 0x45, 0x45);         // Theme.error

using Run = mana::test::AppRun;

Run finish(QProcess &process)
{
    return mana::test::finishApp(process, kRunTimeoutMs);
}

// The task titles in the profile, read the way a backup tool would.
QStringList taskTitles(const QString &databasePath, QString *integrity)
{
    QStringList titles;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_app_storage"));
        db.setDatabaseName(databasePath);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA quick_check")) && query.next())
                *integrity = query.value(0).toString();
            query.exec(QStringLiteral("SELECT title FROM todo_tasks WHERE deletedAt IS NULL"));
            while (query.next())
                titles.append(query.value(0).toString());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tst_app_storage"));
    return titles;
}

// {"todo/tasks": [...]} of `count` tasks of 2 KiB each.
bool writeLargeImport(const QString &path, int count)
{
    QJsonArray tasks;
    const QString description = QString(2048, u'x');
    for (int i = 0; i < count; ++i)
        tasks.append(QJsonObject{{QStringLiteral("title"), QStringLiteral("Large %1").arg(i)},
                                 {QStringLiteral("description"), description}});
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(QJsonDocument(QJsonObject{{QStringLiteral("todo/tasks"), tasks}})
                          .toJson(QJsonDocument::Compact)) > 0;
}

} // namespace

using mana::test::containsColor;
using mana::test::sha256Of;

class TestAppStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void readOnlyProfileIsShownAndSaysSo_data();
    void readOnlyProfileIsShownAndSaysSo();
    void fullDiskIsShownAndLosesNothing_data();
    void fullDiskIsShownAndLosesNothing();

private:
    // Starts manacore (as nobody when this runs as root, so chmod binds).
    void start(QProcess &process, const QStringList &arguments, bool unprivileged);
    QString m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppStorage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_data = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(mana::test::makeAppFolders(m_dir->path()));
}

void TestAppStorage::start(QProcess &process, const QStringList &arguments, bool unprivileged)
{
    QProcessEnvironment env = mana::test::appEnvironment(m_dir->path());
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QString error;
    QVERIFY2(mana::test::startApp(process, QStringLiteral(MANACORE_BINARY), arguments,
                                  unprivileged ? m_dir->path() : QString(), &error),
             qPrintable(error));
}

void TestAppStorage::readOnlyProfileIsShownAndSaysSo_data()
{
    QTest::addColumn<bool>("folderReadOnly"); // else the file is
    QTest::addColumn<QString>("notice");
    // Before the fix: every app empty, no word of it.
    QTest::newRow("file") << false << "The file %1 cannot be written.";
    // Before the fix: "The database … is corrupt".
    QTest::newRow("folder") << true << "Its folder %1 cannot be written.";
}

void TestAppStorage::readOnlyProfileIsShownAndSaysSo()
{
    QFETCH(bool, folderReadOnly);
    QFETCH(QString, notice);
    if (geteuid() == 0 && QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("running as root without setpriv: chmod cannot make anything read-only for root");
    const QString database = QDir(m_data).filePath(QStringLiteral("guest.sqlite"));
    {
        QProcess process;
        start(process,
              {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
               QStringLiteral("--add-record"),
               QStringLiteral("todo/tasks {\"title\":\"Written before\"}")},
              true);
        const Run made = finish(process);
        QVERIFY2(made.exitCode == 0, qPrintable(made.output));
    }
    const QString readOnlyPath = folderReadOnly ? m_data : database;
    QVERIFY(QFile::setPermissions(readOnlyPath, folderReadOnly
                                                    ? QFile::ReadOwner | QFile::ExeOwner |
                                                          QFile::ReadOther | QFile::ExeOther
                                                    : QFile::ReadOwner | QFile::ReadOther));
    const QByteArray before = sha256Of(database);
    const QStringList filesBefore = QDir(m_data).entryList(QDir::Files);

    const QString shot = m_dir->filePath(QStringLiteral("shot.png"));
    QProcess shown;
    start(shown,
          {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
           QStringLiteral("--app"), QStringLiteral("todo"), QStringLiteral("--scroll-to-end"),
           QStringLiteral("taskList"), QStringLiteral("--screenshot"), shot},
          true);
    const Run run = finish(shown);
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    QVERIFY2(run.output.contains(
                 QStringLiteral("shown in the window: This profile is read-only: you can look at "
                                "everything, but nothing can be saved. ") +
                 notice.arg(folderReadOnly ? m_data : database)),
             qPrintable(run.output));
    QVERIFY2(!run.output.contains(QStringLiteral("corrupt")), qPrintable(run.output));
    // The Inbox lists the task written before, read-only.
    const QRegularExpressionMatch rows =
        QRegularExpression(QStringLiteral("scroll_rows=(\\d+)")).match(run.output);
    QVERIFY2(rows.hasMatch() && rows.captured(1).toInt() >= 1, qPrintable(run.output));
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(containsColor(image, kNoticeBackground), "the read-only notice is not in the window");

    // A write is refused with the reason, and nothing was written.
    QProcess write;
    start(write,
          {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
           QStringLiteral("--add-record"), QStringLiteral("todo/tasks {\"title\":\"Refused\"}")},
          true);
    const Run refused = finish(write);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(
        refused.output.contains(QStringLiteral("This profile is read-only: nothing can be saved")),
        qPrintable(refused.output));
    QCOMPARE(sha256Of(database), before);
    QStringList filesAfter = QDir(m_data).entryList(QDir::Files);
    filesAfter.removeAll(QStringLiteral("instance.lock"));
    QCOMPARE(filesAfter, filesBefore); // no -wal, no -shm left behind

    QVERIFY(QFile::setPermissions(readOnlyPath,
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QString integrity;
    QVERIFY(taskTitles(database, &integrity).contains(QStringLiteral("Written before")));
}

void TestAppStorage::fullDiskIsShownAndLosesNothing_data()
{
    QTest::addColumn<bool>("tmpfs"); // else RLIMIT_FSIZE
    QTest::newRow("file size limit (EFBIG)") << false;
    QTest::newRow("full tmpfs (ENOSPC)") << true;
}

void TestAppStorage::fullDiskIsShownAndLosesNothing()
{
    QFETCH(bool, tmpfs);
    const QString mountPoint = m_dir->filePath(QStringLiteral("mnt"));
    QVERIFY(QDir().mkpath(mountPoint));
    if (tmpfs) {
        QProcess probe;
        probe.start(QStringLiteral("unshare"),
                    {QStringLiteral("--mount"), QStringLiteral("--propagation"),
                     QStringLiteral("private"), QStringLiteral("mount"), QStringLiteral("-t"),
                     QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=1m"),
                     QStringLiteral("tmpfs"), mountPoint});
        if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit ||
            probe.exitCode() != 0)
            QSKIP("mounting a tmpfs in a private mount namespace needs CAP_SYS_ADMIN");
    }
    const QString database = QDir(m_data).filePath(QStringLiteral("guest.sqlite"));
    {
        QProcess process;
        start(process,
              {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
               QStringLiteral("--add-record"),
               QStringLiteral("todo/tasks {\"title\":\"Written before\"}")},
              false);
        const Run made = finish(process);
        QVERIFY2(made.exitCode == 0, qPrintable(made.output));
    }
    // 12 MiB of tasks into room for 2 MiB more.
    const QString import = m_dir->filePath(QStringLiteral("large.json"));
    QVERIFY(writeLargeImport(import, 6000));
    const qint64 room = QFileInfo(database).size() + 2 * 1024 * 1024;
    const QString shot = m_dir->filePath(QStringLiteral("shot.png"));
    const QStringList arguments{QStringLiteral("--no-welcome"),
                                QStringLiteral("--app"),
                                QStringLiteral("todo"),
                                QStringLiteral("--import-records"),
                                import,
                                QStringLiteral("--screenshot"),
                                shot,
                                QStringLiteral("--screenshot-delay"),
                                QStringLiteral("300")};
    QProcess full;
    if (tmpfs) {
        // The profile moves onto a tmpfs with that much room, the app runs
        // there, and what it left comes back for the checks below.
        full.setProcessChannelMode(QProcess::MergedChannels);
        full.setProcessEnvironment(mana::test::appEnvironment(m_dir->path()));
        const QString script = QStringLiteral(
            "mount -t tmpfs -o size=\"$1\" tmpfs \"$2\" && cp -a \"$3\"/. \"$2\"/ || exit 99\n"
            "app=$4; mnt=$2; data=$3; shift 4\n"
            "\"$app\" --data-dir \"$mnt\" \"$@\"; status=$?\n"
            "cp -a \"$mnt\"/. \"$data\"/ || exit 98\n"
            "exit $status\n");
        full.start(QStringLiteral("unshare"),
                   QStringList{QStringLiteral("--mount"), QStringLiteral("--propagation"),
                               QStringLiteral("private"), QStringLiteral("sh"),
                               QStringLiteral("-c"), script, QStringLiteral("sh"),
                               QString::number(room), mountPoint, m_data,
                               QStringLiteral(MANACORE_BINARY)} +
                       arguments);
    } else {
        full.setChildProcessModifier([room] {
            // Past the limit a write fails with EFBIG instead of killing
            // the process (SIGXFSZ); an ignored signal stays so over exec.
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{rlim_t(room), rlim_t(room)};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
        start(full, QStringList{QStringLiteral("--data-dir"), m_data} + arguments, false);
    }
    const Run run = finish(full);
    // The import fails (exit 1) after the picture of the window was taken.
    QVERIFY2(run.exitCode == 1, qPrintable(run.output));
    QVERIFY2(run.output.contains(QStringLiteral(
                 "shown in the window: The disk is full, so the last change was not saved.")),
             qPrintable(run.output));
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(containsColor(image, kErrorRed), "the sentence is not in the window");

    // Nothing lost: what was saved before is there, the file is sound, and
    // the import's chunks are there whole or not at all.
    QString integrity;
    const QStringList titles = taskTitles(database, &integrity);
    QCOMPARE(integrity, QStringLiteral("ok"));
    QVERIFY(titles.contains(QStringLiteral("Written before")));
    const qsizetype imported = titles.filter(QRegularExpression(QStringLiteral("^Large "))).size();
    QVERIFY2(imported % 250 == 0, qPrintable(QString::number(imported)));
    QVERIFY(imported < 6000);

    // With room again, writing works.
    QProcess after;
    start(after,
          {QStringLiteral("--data-dir"), m_data, QStringLiteral("--no-welcome"),
           QStringLiteral("--add-record"),
           QStringLiteral("todo/tasks {\"title\":\"Written after\"}")},
          false);
    const Run again = finish(after);
    QVERIFY2(again.exitCode == 0, qPrintable(again.output));
    QVERIFY(taskTitles(database, &integrity).contains(QStringLiteral("Written after")));
}

QTEST_GUILESS_MAIN(TestAppStorage)
#include "tst_app_storage.moc"
