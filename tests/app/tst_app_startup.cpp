// Starts the real manacore binary offscreen and looks at what it shows.
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

// True when some pixel is within a small distance of `color` (antialiasing
// and the software renderer blend edges, so exact matches are rare).
bool containsColor(const QImage &image, const QColor &color)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (qAbs(qRed(line[x]) - color.red()) < 6 &&
                qAbs(qGreen(line[x]) - color.green()) < 6 &&
                qAbs(qBlue(line[x]) - color.blue()) < 6)
                return true;
        }
    }
    return false;
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

const QColor kTodoPurple(0x8b, 0x5c, 0xf6); // modules/todo/module.json
const QColor kErrorRed(0xd6, 0x45, 0x45);   // Theme.error: the store error banner

} // namespace

class TestAppStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesOptions_data();
    void parsesOptions();
    void opensStoreAndShowsIt();
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
