// Starts the real manacore offscreen with a temporary data folder, twice:
// the first start writes the onboarding seeds, the second writes nothing.
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct RunResult
{
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

RunResult runApp(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MANACORE_BINARY), arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Row counts of every table in the profile (collections, pending changes),
// read straight from the SQLite file.
QMap<QString, int> tableCounts(const QString &path)
{
    QMap<QString, int> counts;
    const QString connection = QStringLiteral("e2e-%1").arg(quintptr(&counts));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery tables(db);
            tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%'"));
            QStringList names;
            while (tables.next())
                names.append(tables.value(0).toString());
            for (const QString &name : names) {
                QSqlQuery count(db);
                if (count.exec(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(name)) &&
                    count.next())
                    counts.insert(name, count.value(0).toInt());
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return counts;
}

} // namespace

class TestAppEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedsOnFirstStartOnly();
    void germanFirstStartWritesGermanSeeds();
    void reportsFirstFrameTime();
};

void TestAppEndToEnd::seedsOnFirstStartOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("guest.sqlite"));
    const QStringList args{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--language"),
                           QStringLiteral("en"), QStringLiteral("--quit-after-first-frame")};

    const RunResult first = runApp(args);
    QVERIFY2(first.exitCode == 0, qPrintable(first.standardError));
    const QMap<QString, int> afterFirst = tableCounts(db);
    QVERIFY2(afterFirst.value(QStringLiteral("todo_tasks")) > 0,
             "no todo seeds after the first start");
    QVERIFY(afterFirst.value(QStringLiteral("_pending_changes")) > 0);
    int seededTables = 0;
    for (auto it = afterFirst.cbegin(); it != afterFirst.cend(); ++it) {
        if (!it.key().startsWith('_') && it.value() > 0)
            ++seededTables;
    }
    QVERIFY2(seededTables >= 10,
             qPrintable(QStringLiteral("only %1 tables have seeds").arg(seededTables)));

    const RunResult second = runApp(args);
    QVERIFY2(second.exitCode == 0, qPrintable(second.standardError));
    const QMap<QString, int> afterSecond = tableCounts(db);
    QCOMPARE(afterSecond, afterFirst);

    // The welcome is for the first start only: the second start says the
    // profile existed (checked through the log line of the profile step).
    QVERIFY2(first.standardError.contains(QStringLiteral("seeded a new guest profile")),
             qPrintable(first.standardError));
    QVERIFY2(!second.standardError.contains(QStringLiteral("seeded a new guest profile")),
             qPrintable(second.standardError));
}

void TestAppEndToEnd::germanFirstStartWritesGermanSeeds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RunResult run =
        runApp({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--language"),
                QStringLiteral("de"), QStringLiteral("--quit-after-first-frame")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
    const QString connection = QStringLiteral("e2e-de");
    QStringList titles;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dir.filePath(QStringLiteral("guest.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT title FROM todo_tasks")));
        while (query.next())
            titles.append(query.value(0).toString());
    }
    QSqlDatabase::removeDatabase(connection);
    QVERIFY(!titles.isEmpty());
    // The todo seed's welcome task, in the UI language of the first start.
    QVERIFY2(titles.join(' ').contains(QStringLiteral("Willkommen")),
             qPrintable(titles.join(" | ")));
    QVERIFY2(!titles.join(' ').contains(QStringLiteral("Welcome to Todo")),
             qPrintable(titles.join(" | ")));
}

void TestAppEndToEnd::reportsFirstFrameTime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RunResult run =
        runApp({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--app"),
                QStringLiteral("calendar"), QStringLiteral("--quit-after-first-frame")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
    static const QRegularExpression line(QStringLiteral("^first_frame_ms=(\\d+)$"),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(run.standardOutput);
    QVERIFY2(match.hasMatch(), qPrintable(run.standardOutput));
    QVERIFY(match.captured(1).toInt() > 0);
    QVERIFY(match.captured(1).toInt() < 30000);
    // --app remembers the module as the last one opened.
    QSettings settings(dir.filePath(QStringLiteral("shell.ini")), QSettings::IniFormat);
    QCOMPARE(settings.value(QStringLiteral("navigation/lastModule")).toString(),
             QStringLiteral("calendar"));
}

QTEST_GUILESS_MAIN(TestAppEndToEnd)
#include "tst_app_e2e.moc"
