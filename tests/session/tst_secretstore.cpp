// Token storage without a keychain: the plain file (tests only) keeps its
// secrets owner-only, and the real keychain with no secret service answers
// with the "no secure storage" sentence instead of hanging or writing a
// plain file behind the user's back.
#include "secretstore.h"
#include "serverprocess.h"
#include "sessiontestsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace mana;

namespace {

SecretResult wait(const std::function<void(SecretStore::Callback)> &call)
{
    std::optional<SecretResult> answer;
    call([&answer](const SecretResult &result) { answer = result; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return {SecretResult::Status::Failed, {}, QStringLiteral("test: no answer in 15 s")};
    return *answer;
}

} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void plainFileRoundTrip();
    void damagedPlainFileIsAnErrorNotACrash();
    void keychainWithoutSecretServiceSaysSo();
    void sessionWithoutKeychainSignsInButWritesNoPlainFile();
};

void TestSecretStore::initTestCase()
{
    // No secret service reachable, whatever the machine running the test has.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/mana-test-bus");
    qunsetenv("DISPLAY");
    qunsetenv("MANA_ALLOW_PLAIN_TOKEN_FILE");
}

void TestSecretStore::plainFileRoundTrip()
{
    QTemporaryDir dir;
    PlainFileSecretStore store(dir.filePath("tokens.json"));
    QVERIFY(wait([&](auto done) { store.write("user-1", "secret-1", done); }).ok());
    QVERIFY(wait([&](auto done) { store.write("user-2", "secret-2", done); }).ok());
    QCOMPARE(QFile::permissions(store.filePath()) & 0x0077, QFileDevice::Permissions());

    const SecretResult read = wait([&](auto done) { store.read("user-1", done); });
    QVERIFY(read.ok());
    QCOMPARE(read.secret, QStringLiteral("secret-1"));
    QVERIFY(wait([&](auto done) { store.remove("user-1", done); }).ok());
    QCOMPARE(wait([&](auto done) { store.read("user-1", done); }).status,
             SecretResult::Status::NotFound);
    QCOMPARE(wait([&](auto done) { store.read("user-2", done); }).secret,
             QStringLiteral("secret-2"));
    // Removing what is not there is fine.
    QVERIFY(wait([&](auto done) { store.remove("user-1", done); }).ok());
}

void TestSecretStore::damagedPlainFileIsAnErrorNotACrash()
{
    QTemporaryDir dir;
    QFile damaged(dir.filePath("tokens.json"));
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write("\x00\xff{not json", 11);
    damaged.close();
    PlainFileSecretStore store(damaged.fileName());
    const SecretResult read = wait([&](auto done) { store.read("user-1", done); });
    QCOMPARE(read.status, SecretResult::Status::Failed);
    QVERIFY(read.message.contains("damaged"));
    // A new sign-in replaces it.
    QVERIFY(wait([&](auto done) { store.write("user-1", "fresh", done); }).ok());
    QCOMPARE(wait([&](auto done) { store.read("user-1", done); }).secret, QStringLiteral("fresh"));
}

void TestSecretStore::keychainWithoutSecretServiceSaysSo()
{
    KeychainSecretStore store;
    const SecretResult written = wait([&](auto done) { store.write("user-1", "secret", done); });
    QCOMPARE(written.status, SecretResult::Status::Failed);
    // QtKeychain's English is for the log; the window says
    // noSecureStorageSentence() (Session::secureStorageProblem).
    QVERIFY(written.message.contains(QStringLiteral("keychain error")));
    const SecretResult read = wait([&](auto done) { store.read("user-1", done); });
    QVERIFY(!read.ok());
}

void TestSecretStore::sessionWithoutKeychainSignsInButWritesNoPlainFile()
{
    servertest::ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir dir;
    auto session = sessiontest::makeSession(dir.path(), server.baseUrl(), false);
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    session->signUp(sessiontest::uniqueEmail("nokeychain"), sessiontest::kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
    QVERIFY2(!session->isGuest(), qPrintable(session->errorMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(session->secureStorageProblem(),
                              SecretStore::noSecureStorageSentence(), 15000);
    const QStringList files = QDir(dir.path()).entryList(QDir::Files);
    for (const QString &file : files)
        QVERIFY2(!file.contains("token"), qPrintable(file));
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
