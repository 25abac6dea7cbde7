// The real QtKeychain, run under tools/with-keyring.sh (a throwaway GNOME
// keyring in its own D-Bus session): a secret round trip, and a session
// that signs up, restarts and syncs with the token it kept in the keychain.
#include "secretstore.h"
#include "serverprocess.h"
#include "sessiontestsupport.h"
#include "syncengine.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
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

class TestSessionKeychain : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keychainRoundTrip();
    void sessionKeepsItsTokenInTheKeychain();
};

void TestSessionKeychain::initTestCase()
{
    qunsetenv("MANA_ALLOW_PLAIN_TOKEN_FILE");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs a D-Bus session: run under dbus-run-session -- tools/with-keyring.sh");
}

void TestSessionKeychain::keychainRoundTrip()
{
    KeychainSecretStore store;
    const QString key =
        QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const SecretResult written =
        wait([&](auto done) { store.write(key, "refresh-token-1", done); });
    QVERIFY2(written.ok(), qPrintable(written.message));
    const SecretResult read = wait([&](auto done) { store.read(key, done); });
    QVERIFY2(read.ok(), qPrintable(read.message));
    QCOMPARE(read.secret, QStringLiteral("refresh-token-1"));
    QVERIFY(wait([&](auto done) { store.write(key, "refresh-token-2", done); }).ok());
    QCOMPARE(wait([&](auto done) { store.read(key, done); }).secret,
             QStringLiteral("refresh-token-2"));
    QVERIFY(wait([&](auto done) { store.remove(key, done); }).ok());
    QCOMPARE(wait([&](auto done) { store.read(key, done); }).status,
             SecretResult::Status::NotFound);
}

void TestSessionKeychain::sessionKeepsItsTokenInTheKeychain()
{
    servertest::ServerProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QTemporaryDir dir;
    const QString email = sessiontest::uniqueEmail("keychain");
    {
        auto session = sessiontest::makeSession(dir.path(), server.baseUrl(), false);
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        session->signUp(email, sessiontest::kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 20000);
        QVERIFY2(!session->isGuest(), qPrintable(session->errorMessage()));
        // The keychain write is asynchronous; give it its turn.
        QTest::qWait(500);
        QVERIFY2(session->secureStorageProblem().isEmpty(),
                 qPrintable(session->secureStorageProblem()));
    }
    for (const QString &file : QDir(dir.path()).entryList(QDir::Files))
        QVERIFY2(!file.contains("token"), qPrintable(file));

    auto restarted = sessiontest::makeSession(dir.path(), {}, false);
    QString error;
    QVERIFY2(restarted->start(&error), qPrintable(error));
    QVERIFY(!restarted->isGuest());
    QTRY_VERIFY_WITH_TIMEOUT(restarted->syncEngine()->isRunning(), 20000);
    QVERIFY(restarted->errorMessage().isEmpty());

    // The entry is the account's, under its user id; sign-out deletes it.
    QFile state(dir.filePath("session.json"));
    QVERIFY(state.open(QIODevice::ReadOnly));
    const QString userId =
        QJsonDocument::fromJson(state.readAll()).object().value("userId").toString();
    QVERIFY(!userId.isEmpty());
    KeychainSecretStore store;
    const SecretResult kept = wait([&](auto done) { store.read(userId, done); });
    QVERIFY2(kept.ok() && !kept.secret.isEmpty(), qPrintable(kept.message));
    restarted->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!restarted->isBusy(), 20000);
    QCOMPARE(wait([&](auto done) { store.read(userId, done); }).status,
             SecretResult::Status::NotFound);
}

QTEST_GUILESS_MAIN(TestSessionKeychain)
#include "tst_session_keychain.moc"
