// Starts the real manacore binary offscreen and looks at what it shows.
#include "apprun.h"
#include "screenshotcheck.h"
#include "startupoptions.h"

#include <QColor>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct RunResult
{
    int exitCode = -1;
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
            QString::fromUtf8(process.readAllStandardError())};
}

using mana::test::sha256Of;

const QColor kTodoPurple(0x8b, 0x5c, 0xf6); // modules/todo/module.json
const QColor kErrorRed(0xd6, 0x45, 0x45);   // Theme.error: the store error banner

} // namespace

using mana::test::containsColor;

class TestAppStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesOptions_data();
    void parsesOptions();
    void decidesBeforeTheGui_data();
    void decidesBeforeTheGui();
    void answersWithoutDisplay_data();
    void answersWithoutDisplay();
    void opensStoreAndShowsIt();
    void signInErrorIsInTheWindowsLanguage_data();
    void signInErrorIsInTheWindowsLanguage();
    void refusesForeignFileWithoutTouchingIt();
};

void TestAppStartup::parsesOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("starts");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("scripted");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("defaults") << QStringList{} << true << 0 << false << "";
    QTest::newRow("scripted") << QStringList{"--sign-out",
                                             "--sign-up",
                                             "a@example.org",
                                             "--add-record",
                                             "todo/tasks {\"title\":\"x\"}",
                                             "--quit-when-synced",
                                             "--sync-timeout-ms",
                                             "5000"}
                              << true << 0 << true << "";
    QTest::newRow("all run options") << QStringList{"--data-dir",
                                                    "/tmp/x",
                                                    "--server",
                                                    "https://sync.example.org:8443",
                                                    "--app",
                                                    "todo",
                                                    "--theme",
                                                    "dark",
                                                    "--language",
                                                    "de",
                                                    "--show",
                                                    "switcher",
                                                    "--switcher-text",
                                                    "cal",
                                                    "--quit-after-first-frame",
                                                    "--linger-ms",
                                                    "200"}
                                     << true << 0 << false << "";
    QTest::newRow("help") << QStringList{"--help"} << false << 0 << false << "--data-dir";
    QTest::newRow("version") << QStringList{"--version"} << false << 0 << false << "";
    QTest::newRow("unknown option")
        << QStringList{"--frobnicate"} << false << 2 << false << "frobnicate";
    QTest::newRow("stray argument") << QStringList{"file.txt"} << false << 2 << false << "file.txt";
    QTest::newRow("bad delay") << QStringList{"--screenshot-delay", "soon"} << false << 2 << false
                               << "milliseconds";
    QTest::newRow("sign-up and sign-in")
        << QStringList{"--sign-up", "a@example.org", "--sign-in", "a@example.org"} << false << 2
        << false << "together";
    QTest::newRow("empty sign-in")
        << QStringList{"--sign-in", ""} << false << 2 << false << "email";
    QTest::newRow("record without json")
        << QStringList{"--add-record", "todo/tasks"} << false << 2 << false << "--add-record";
    QTest::newRow("record without collection")
        << QStringList{"--add-record", "tasks {}"} << false << 2 << false << "--add-record";
    QTest::newRow("bad sync timeout")
        << QStringList{"--sync-timeout-ms", "0"} << false << 2 << false << "--sync-timeout-ms";
    QTest::newRow("server not http")
        << QStringList{"--server", "ftp://x"} << false << 2 << false << "--server";
    QTest::newRow("server no host")
        << QStringList{"--server", "http://"} << false << 2 << false << "--server";
    QTest::newRow("bad theme") << QStringList{"--theme", "neon"} << false << 2 << false << "neon";
    QTest::newRow("bad language") << QStringList{"--language", "fr"} << false << 2 << false << "fr";
    QTest::newRow("bad show") << QStringList{"--show", "everything"} << false << 2 << false
                              << "everything";
    QTest::newRow("bad linger") << QStringList{"--linger-ms", "-5"} << false << 2 << false
                                << "--linger-ms";
    QTest::newRow("missing value")
        << QStringList{"--data-dir"} << false << 2 << false << "data-dir";
}

void TestAppStartup::parsesOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, starts);
    QFETCH(int, exitCode);
    QFETCH(bool, scripted);
    QFETCH(QString, messagePart);

    QString message;
    int code = -1;
    const auto options = mana::StartupOptions::parse(
        QStringList{QStringLiteral("manacore")} + arguments, &message, &code);
    QCOMPARE(options.has_value(), starts);
    if (starts) {
        QCOMPARE(options->isScripted(), scripted);
    } else {
        QCOMPARE(code, exitCode);
        QVERIFY2(message.contains(messagePart), qPrintable(message));
    }
}

void TestAppStartup::decidesBeforeTheGui_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("answered"); // without the GUI application
    QTest::addColumn<int>("exitCode");

    QTest::newRow("help") << QStringList{"--help"} << true << 0;
    QTest::newRow("version") << QStringList{"-v"} << true << 0;
    QTest::newRow("mistake") << QStringList{"--frobnicate"} << true << 2;
    QTest::newRow("a start") << QStringList{"--app", "todo"} << false << 0;
    // Qt's own options are taken out by the GUI application: only the
    // parse after it can judge the rest.
    QTest::newRow("-platform") << QStringList{"-platform", "offscreen", "--help"} << false << 0;
    QTest::newRow("--style=") << QStringList{"--style=Fusion", "--frobnicate"} << false << 0;
    QTest::newRow("-reverse") << QStringList{"-reverse"} << false << 0;
}

void TestAppStartup::decidesBeforeTheGui()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, answered);
    QFETCH(int, exitCode);
    QString message;
    int code = 0;
    QCOMPARE(mana::StartupOptions::answersWithoutGui(
                 QStringList{QStringLiteral("manacore")} + arguments, &message, &code),
             answered);
    if (answered)
        QCOMPARE(code, exitCode);
}

void TestAppStartup::answersWithoutDisplay_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expectedOutput"); // stdout for 0, stderr otherwise

    QTest::newRow("--help") << QStringList{"--help"} << 0 << "--data-dir <dir>";
    QTest::newRow("-h") << QStringList{"-h"} << 0 << "--quit-when-synced";
    QTest::newRow("--version") << QStringList{"--version"} << 0 << "ManaCore Desktop " MANA_VERSION;
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << 2 << "frobnicate";
    QTest::newRow("bad theme") << QStringList{"--theme", "neon"} << 2 << "neon";
}

// Issue 13: the GUI application aborted ("could not connect to display")
// before the options were read.
void TestAppStartup::answersWithoutDisplay()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expectedOutput);

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(MANACORE_BINARY), arguments);
    QVERIFY(process.waitForFinished(60000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit, qPrintable(err));
    QVERIFY2(process.exitCode() == exitCode, qPrintable(out + err));
    QVERIFY2((exitCode == 0 ? out : err).contains(expectedOutput), qPrintable(out + err));
    QVERIFY2(!err.contains(QStringLiteral("display")), qPrintable(err));
}

void TestAppStartup::opensStoreAndShowsIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shot = dir.filePath(QStringLiteral("shot.png"));

    const RunResult run = runApp({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--app"),
                                  QStringLiteral("todo"), QStringLiteral("--no-welcome"),
                                  QStringLiteral("--screenshot"), shot,
                                  QStringLiteral("--screenshot-delay"), QStringLiteral("300")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("guest.sqlite"))));

    const QImage image(shot);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1120, 720));
    QVERIFY2(containsColor(image, kTodoPurple), "the Todo page header in its colour is missing");
    QVERIFY2(!containsColor(image, kErrorRed), "an error is shown for a healthy store");
}

// The sign-in dialog's error is chosen in the window's language (the
// AuthClient's sentences are translated where they are made, in the app):
// a German window once said "The server … could not be reached.".
void TestAppStartup::signInErrorIsInTheWindowsLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("German") << "de"
                            << "Der Server http://127.0.0.1:9 ist nicht erreichbar.";
    QTest::newRow("English") << "en"
                             << "The server at http://127.0.0.1:9 could not be reached.";
}

void TestAppStartup::signInErrorIsInTheWindowsLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, sentence);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RunResult run = runApp(
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--language"), language,
         QStringLiteral("--no-welcome"), QStringLiteral("--show"), QStringLiteral("signin-error"),
         QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9"),
         QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("shot.png")),
         QStringLiteral("--screenshot-delay"), QStringLiteral("1500")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.standardError));
    QVERIFY2(run.standardError.contains(sentence), qPrintable(run.standardError));
}

void TestAppStartup::refusesForeignFileWithoutTouchingIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dbPath = dir.filePath(QStringLiteral("guest.sqlite"));
    {
        QFile file(dbPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are my holiday notes, not a database.\n");
    }
    const QByteArray before = sha256Of(dbPath);
    const QString shot = dir.filePath(QStringLiteral("shot.png"));

    const RunResult run =
        runApp({QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--screenshot"), shot,
                QStringLiteral("--screenshot-delay"), QStringLiteral("300")});
    QCOMPARE(run.exitCode, 0); // the window still opens and explains
    QVERIFY2(run.standardError.contains(QStringLiteral("local store:")),
             qPrintable(run.standardError));
    QCOMPARE(sha256Of(dbPath), before);
    QVERIFY(!QFile::exists(dbPath + QStringLiteral("-wal")));

    const QImage image(shot);
    QVERIFY(!image.isNull());
    QVERIFY2(containsColor(image, kErrorRed), "the error is not shown in the window");
}

QTEST_GUILESS_MAIN(TestAppStartup)
#include "tst_app_startup.moc"
