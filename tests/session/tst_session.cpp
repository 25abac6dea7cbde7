// Session against the real mana-sync: a guest's records reach the account on
// sign-up and are not pushed again on the next sign-in; sign-out gives a
// fresh guest; accounts on one machine never see each other's data; two
// machines of one account converge; a restart restores the account.
#include "serverprocess.h"
#include "sessionerror.h"
#include "sessiontestsupport.h"
#include "syncapi.h"
#include "syncengine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mana;
using namespace mana::sessiontest;

namespace {

constexpr int kSyncTimeoutMs = 20000;

bool isSynced(Session &session)
{
    return session.syncStatus() && session.syncEngine()->isRunning() &&
           session.syncStatus()->state() == SyncStatus::State::Synced &&
           session.store()->pendingChanges().count() == 0;
}

// What isSynced() saw, for a failure's message.
QString syncStateOf(Session &session)
{
    if (!session.syncStatus())
        return QStringLiteral("no sync status");
    return QStringLiteral("engine %1, state %2, %3 pending, error \"%4\"")
        .arg(session.syncEngine()->isRunning() ? "running" : "stopped")
        .arg(int(session.syncStatus()->state()))
        .arg(session.store()->pendingChanges().count())
        .arg(session.syncStatus()->errorMessage());
}

servertest::TestUser loginAs(servertest::SyncApi &api, const QString &email)
{
    servertest::TestUser user;
    user.email = email;
    user.password = kPassword;
    const auto answer = api.login(email, kPassword);
    user.accessToken = answer.json().value("accessToken").toString();
    user.refreshToken = answer.json().value("refreshToken").toString();
    user.userId = answer.json().value("user").toObject().value("id").toString();
    return user;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void firstStartIsAGuestWithSeeds();
    void wrongPasswordKeepsTheGuest();
    void guestRecordsAreAdoptedOnceAndSignOutGivesAFreshGuest();
    void secondAccountSeesNoneOfTheFirst();
    void twoMachinesOfOneAccountConverge();
    void restartRestoresTheAccount();
    void restartWithoutServerStaysOnTheAccountOffline();
    void expiredAccessTokenIsRefreshedWithTheStoredToken();
    void resetGuestDataGivesFreshSeeds();
    void damagedStateFileOpensTheGuest();
    void accountWithoutStoredTokenAsksToSignInAgain();
    void signInToAnotherServerPath();
    void profileThatCannotBeOpenedIsACode();

private:
    std::unique_ptr<servertest::ServerProcess> m_server;
};

void TestSession::initTestCase()
{
    m_server = std::make_unique<servertest::ServerProcess>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestSession::firstStartIsAGuestWithSeeds()
{
    QTemporaryDir dir;
    {
        auto session = makeSession(dir.path(), m_server->baseUrl());
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        QVERIFY(session->isFirstStart());
        QVERIFY(session->isGuest());
        QVERIFY(session->syncStatus() == nullptr);
        QCOMPARE(session->profilePath(), dir.filePath("guest.sqlite"));
        QCOMPARE(titlesOf(*session), seedIds());
        QCOMPARE(session->serverUrl(), m_server->baseUrl().toString());
    }
    auto again = makeSession(dir.path(), {});
    QString error;
    QVERIFY2(again->start(&error), qPrintable(error));
    QVERIFY(!again->isFirstStart());
    QCOMPARE(titlesOf(*again), seedIds());
    // The server setting is remembered when none is given.
    QCOMPARE(again->serverUrl(), m_server->baseUrl().toString());
}

void TestSession::wrongPasswordKeepsTheGuest()
{
    QTemporaryDir dir;
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    QSignalSpy busy(session.get(), &Session::busyChanged);
    session->signIn(uniqueEmail("ghost"), QStringLiteral("whatever123"));
    QVERIFY(session->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QCOMPARE(session->errorMessage(), QStringLiteral("Wrong email or password."));
    QVERIFY(session->errorCode() == SessionError::Auth);
    QVERIFY(session->isGuest());
    QCOMPARE(busy.count(), 2);
    session->clearError();
    QVERIFY(session->errorMessage().isEmpty());
}

void TestSession::guestRecordsAreAdoptedOnceAndSignOutGivesAFreshGuest()
{
    QTemporaryDir dir;
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    QVERIFY(tasksOf(*session)->insert({{"id", "guest-milk"}, {"title", "Buy milk"}}));
    QVERIFY(tasksOf(*session)->insert({{"id", "guest-gone"}, {"title", "Deleted as guest"}}));
    QVERIFY(tasksOf(*session)->remove("guest-gone"));

    const QString email = uniqueEmail("adopt");
    QSignalSpy signedIn(session.get(), &Session::signedIn);
    session->signUp(email, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QVERIFY2(session->errorMessage().isEmpty(), qPrintable(session->errorMessage()));
    QCOMPARE(signedIn.count(), 1);
    QVERIFY(!session->isGuest());
    QCOMPARE(session->email(), email);
    QVERIFY(session->profilePath().contains("account-"));
    QVERIFY(!QFile::exists(dir.filePath("guest.sqlite")));
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session), kSyncTimeoutMs);
    QStringList expectedTitles = seedIds();
    expectedTitles << "Buy milk";
    expectedTitles.sort();
    QCOMPARE(titlesOf(*session), expectedTitles);

    // Another client of the account finds every guest record, once.
    servertest::SyncApi api(m_server->baseUrl());
    const servertest::TestUser user = loginAs(api, email);
    QVERIFY(!user.accessToken.isEmpty());
    QStringList expectedIds = seedIds();
    expectedIds << "guest-gone"
                << "guest-milk";
    expectedIds.sort();
    QCOMPARE(serverTaskIds(api, user, &error), expectedIds);
    const servertest::PullResult before = api.pullAll(user, "observer", "todo", "tasks");
    QVERIFY2(before.ok, qPrintable(before.error));
    const QString accountPath = session->profilePath();

    // Sign-out: a fresh guest; the account's data stays on disk, unseen.
    QSignalSpy signedOut(session.get(), &Session::signedOut);
    session->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QCOMPARE(signedOut.count(), 1);
    QVERIFY(session->isGuest());
    QVERIFY(session->email().isEmpty());
    QVERIFY(session->syncStatus() == nullptr);
    QCOMPARE(session->profilePath(), dir.filePath("guest.sqlite"));
    QCOMPARE(titlesOf(*session), seedIds());
    QVERIFY(!tasksOf(*session)->get("guest-milk", true));
    QVERIFY(QFile::exists(accountPath));

    // Signing in again finds the account's data and pushes nothing new:
    // the fresh guest's seeds are already in the account.
    session->signIn(email, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QVERIFY2(session->errorMessage().isEmpty(), qPrintable(session->errorMessage()));
    QCOMPARE(session->profilePath(), accountPath);
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session), kSyncTimeoutMs);
    QCOMPARE(titlesOf(*session), expectedTitles);
    const servertest::PullResult after =
        api.pullAll(user, "observer", "todo", "tasks", before.syncedUntil);
    QVERIFY2(after.ok, qPrintable(after.error));
    QVERIFY2(after.changes.isEmpty(),
             qPrintable(QStringLiteral("%1 changes were pushed again").arg(after.changes.size())));
    QCOMPARE(serverTaskIds(api, user, &error), expectedIds);
}

void TestSession::secondAccountSeesNoneOfTheFirst()
{
    QTemporaryDir dir;
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    session->signUp(uniqueEmail("alice"), kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QVERIFY(!session->isGuest());
    QVERIFY(tasksOf(*session)->insert({{"id", "alice-secret"}, {"title", "Alice's secret"}}));
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session), kSyncTimeoutMs);
    const QString alicePath = session->profilePath();

    session->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    const QString bobEmail = uniqueEmail("bob");
    session->signUp(bobEmail, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QVERIFY2(session->errorMessage().isEmpty(), qPrintable(session->errorMessage()));
    QVERIFY(session->profilePath() != alicePath);
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session), kSyncTimeoutMs);
    QVERIFY(!tasksOf(*session)->get("alice-secret", true));
    QVERIFY(!titlesOf(*session).contains("Alice's secret"));
    servertest::SyncApi api(m_server->baseUrl());
    QCOMPARE(serverTaskIds(api, loginAs(api, bobEmail), &error), seedIds());
}

void TestSession::twoMachinesOfOneAccountConverge()
{
    QTemporaryDir first, second;
    auto laptop = makeSession(first.path(), m_server->baseUrl());
    auto desktop = makeSession(second.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(laptop->start(&error), qPrintable(error));
    QVERIFY2(desktop->start(&error), qPrintable(error));
    const QString email = uniqueEmail("shared");
    laptop->signUp(email, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!laptop->isBusy(), kSyncTimeoutMs);
    QVERIFY2(!laptop->isGuest(), qPrintable(laptop->errorMessage()));
    desktop->signIn(email, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!desktop->isBusy(), kSyncTimeoutMs);
    QVERIFY2(!desktop->isGuest(), qPrintable(desktop->errorMessage()));
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*laptop) && isSynced(*desktop), kSyncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(desktop->syncEngine()->isNotificationSocketConnected(),
                             kSyncTimeoutMs);

    QVERIFY(tasksOf(*laptop)->insert({{"id", "from-laptop"}, {"title", "Written on the laptop"}}));
    QTRY_VERIFY_WITH_TIMEOUT(tasksOf(*desktop)->get("from-laptop").has_value(), kSyncTimeoutMs);
    QVERIFY(tasksOf(*desktop)->update("from-laptop", {{"title", "Edited on the desktop"}}));
    QTRY_COMPARE_WITH_TIMEOUT(
        tasksOf(*laptop)->get("from-laptop").value_or(QJsonObject()).value("title").toString(),
        QStringLiteral("Edited on the desktop"), kSyncTimeoutMs);
}

void TestSession::restartRestoresTheAccount()
{
    QTemporaryDir dir;
    const QString email = uniqueEmail("restart");
    QString accountPath;
    {
        auto session = makeSession(dir.path(), m_server->baseUrl());
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        session->signUp(email, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session), kSyncTimeoutMs);
        accountPath = session->profilePath();
    }
    // The token file holds the refresh token, owner-only; session.json none.
    const QString tokenFile = dir.filePath("tokens-NOT-SECURE.json");
    QVERIFY(QFile::exists(tokenFile));
    QCOMPARE(QFile::permissions(tokenFile) & 0x0077, QFileDevice::Permissions());
    QFile state(dir.filePath("session.json"));
    QVERIFY(state.open(QIODevice::ReadOnly));
    const QByteArray stateText = state.readAll();
    QVERIFY(stateText.contains(email.toUtf8()));
    QVERIFY(!stateText.contains("oken"));

    auto restarted = makeSession(dir.path(), {});
    QString error;
    QVERIFY2(restarted->start(&error), qPrintable(error));
    QVERIFY(!restarted->isGuest());
    QCOMPARE(restarted->email(), email);
    QCOMPARE(restarted->profilePath(), accountPath);
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*restarted), kSyncTimeoutMs);
    QVERIFY(tasksOf(*restarted)->insert({{"id", "after-restart"}, {"title", "After restart"}}));
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*restarted), kSyncTimeoutMs);
    servertest::SyncApi api(m_server->baseUrl());
    QVERIFY(serverTaskIds(api, loginAs(api, email), &error).contains("after-restart"));
}

void TestSession::restartWithoutServerStaysOnTheAccountOffline()
{
    QTemporaryDir dir;
    servertest::ServerProcess ownServer;
    QVERIFY2(ownServer.start(), qPrintable(ownServer.errorString()));
    const QString email = uniqueEmail("offline");
    {
        auto session = makeSession(dir.path(), ownServer.baseUrl());
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        session->signUp(email, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
        QVERIFY(!session->isGuest());
    }
    ownServer.stop();

    auto restarted = makeSession(dir.path(), {});
    QString error;
    QVERIFY2(restarted->start(&error), qPrintable(error));
    QVERIFY(!restarted->isGuest());
    QCOMPARE(restarted->email(), email);
    QVERIFY(restarted->syncStatus());
    QTRY_COMPARE_WITH_TIMEOUT(restarted->syncStatus()->errorMessage(),
                              QStringLiteral("The server at %1 could not be reached.")
                                  .arg(ownServer.baseUrl().toString()),
                              kSyncTimeoutMs);
    QVERIFY2(restarted->syncStatus()->error().code == SyncError::Unreachable,
             syncErrorName(restarted->syncStatus()->error().code));
    QCOMPARE(restarted->syncStatus()->state(), SyncStatus::State::Offline);
    // Every app's page says so too (no per-app status before the engine runs).
    QVERIFY(restarted->appSyncStatus(QStringLiteral("todo")));
    QCOMPARE(restarted->appSyncStatus(QStringLiteral("todo"))->state(), SyncStatus::State::Offline);
    // Work goes on offline, in the account's database.
    QVERIFY(tasksOf(*restarted)->insert({{"title", "Written offline"}}));

    // The server is back: "Sync now" restores the session and pushes.
    QVERIFY2(ownServer.start(), qPrintable(ownServer.errorString()));
    restarted->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*restarted), kSyncTimeoutMs);
    // Now the app's own channel reports.
    QVERIFY(restarted->appSyncStatus(QStringLiteral("todo")) != restarted->syncStatus());
}

void TestSession::expiredAccessTokenIsRefreshedWithTheStoredToken()
{
    servertest::ServerOptions oneSecondTokens;
    oneSecondTokens.extraArguments = {QStringLiteral("--access-token-ttl"), QStringLiteral("1")};
    servertest::ServerProcess shortLived(oneSecondTokens);
    QVERIFY2(shortLived.start(), qPrintable(shortLived.errorString()));
    QTemporaryDir dir;
    auto session = makeSession(dir.path(), shortLived.baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    const QString email = uniqueEmail("refresh");
    session->signUp(email, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session), kSyncTimeoutMs);
    auto storedToken = [&dir] {
        QFile file(dir.filePath("tokens-NOT-SECURE.json"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    const QByteArray tokenAtSignIn = storedToken();
    QVERIFY(!tokenAtSignIn.isEmpty());

    QTest::qWait(2200); // the access token is now expired
    QVERIFY(tasksOf(*session)->insert({{"id", "after-expiry"}, {"title", "After expiry"}}));
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*session) || !session->syncEngine()->isRunning(),
                             kSyncTimeoutMs);
    if (!isSynced(*session)) {
        for (const QString &line : shortLived.logTail(6000).split(u'\n'))
            qWarning().noquote() << "server:" << line;
        QFAIL(qPrintable(syncStateOf(*session)));
    }
    // The rotated refresh token replaced the used one.
    QTRY_VERIFY_WITH_TIMEOUT(storedToken() != tokenAtSignIn, 5000);
    QVERIFY(session->errorMessage().isEmpty());
    // The check's own token lives one second too, counted in whole seconds:
    // one issued late in a second may expire before the pull arrives (it
    // did under ctest -j2), so it logs in again until a pull gets through.
    servertest::SyncApi api(shortLived.baseUrl());
    QStringList serverIds;
    for (int attempt = 0; attempt < 5 && serverIds.isEmpty(); ++attempt)
        serverIds = serverTaskIds(api, loginAs(api, email), &error);
    QVERIFY2(serverIds.contains("after-expiry"), qPrintable(error));
}

void TestSession::resetGuestDataGivesFreshSeeds()
{
    QTemporaryDir dir;
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    QVERIFY(tasksOf(*session)->insert({{"title", "Scratch"}}));
    QVERIFY(tasksOf(*session)->remove(seedIds().first()));
    QSignalSpy storeChanged(session.get(), &Session::storeChanged);
    QVERIFY(session->resetGuestData());
    QCOMPARE(storeChanged.count(), 1);
    QCOMPARE(titlesOf(*session), seedIds());
}

void TestSession::damagedStateFileOpensTheGuest()
{
    QTemporaryDir dir;
    QFile state(dir.filePath("session.json"));
    QVERIFY(state.open(QIODevice::WriteOnly));
    state.write("{\"profile\": \"account\", \"userId\": ");
    state.close();
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    QVERIFY(session->isGuest());
    QCOMPARE(titlesOf(*session), seedIds());
}

void TestSession::accountWithoutStoredTokenAsksToSignInAgain()
{
    QTemporaryDir dir;
    const QString email = uniqueEmail("forgotten");
    {
        auto session = makeSession(dir.path(), m_server->baseUrl());
        QString error;
        QVERIFY2(session->start(&error), qPrintable(error));
        session->signUp(email, kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
        QVERIFY(!session->isGuest());
    }
    QVERIFY(QFile::remove(dir.filePath("tokens-NOT-SECURE.json")));

    auto restarted = makeSession(dir.path(), {});
    QString error;
    QVERIFY2(restarted->start(&error), qPrintable(error));
    QVERIFY(!restarted->isGuest());
    const QString sentence =
        QStringLiteral("ManaCore could not find your sign-in for %1. Sign in again to sync.")
            .arg(email);
    QTRY_COMPARE_WITH_TIMEOUT(restarted->errorMessage(), sentence, kSyncTimeoutMs);
    QVERIFY(restarted->errorCode() == SessionError::SignInNotFound);
    QCOMPARE(restarted->syncStatus()->state(), SyncStatus::State::Error);
    QVERIFY(restarted->syncStatus()->error().code == SyncError::SignInNotFound);
    QCOMPARE(restarted->syncStatus()->errorMessage(), sentence);
    QVERIFY(!restarted->syncEngine()->isRunning());

    // Signing in again keeps the same account database and syncs.
    const QString accountPath = restarted->profilePath();
    restarted->signIn(email, kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!restarted->isBusy(), kSyncTimeoutMs);
    QCOMPARE(restarted->profilePath(), accountPath);
    QTRY_VERIFY_WITH_TIMEOUT(isSynced(*restarted), kSyncTimeoutMs);
    QVERIFY(restarted->errorMessage().isEmpty());
}

void TestSession::signInToAnotherServerPath()
{
    QTemporaryDir dir;
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY2(session->start(&error), qPrintable(error));
    QSignalSpy serverChanged(session.get(), &Session::serverUrlChanged);
    // A path prefix where no ManaCore server lives.
    session->setServerUrl(m_server->baseUrl().toString() + "/elsewhere/");
    QCOMPARE(serverChanged.count(), 1);
    session->signIn(uniqueEmail("lost"), kPassword);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), kSyncTimeoutMs);
    QCOMPARE(session->errorMessage(),
             QStringLiteral("The server at %1/elsewhere/ is not a ManaCore sync server.")
                 .arg(m_server->baseUrl().toString()));
    QVERIFY(session->isGuest());
}

// start() on a file that is not a profile: the window's banner is made of
// the code (ShellContext::storeError), the English is for the log.
void TestSession::profileThatCannotBeOpenedIsACode()
{
    QTemporaryDir dir;
    {
        QFile file(dir.filePath("guest.sqlite"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("These are my holiday notes, not a database.\n");
    }
    auto session = makeSession(dir.path(), m_server->baseUrl());
    QString error;
    QVERIFY(!session->start(&error));
    QVERIFY2(session->openError().code == OpenError::NotADatabase,
             openErrorName(session->openError().code));
    QCOMPARE(session->openError().path, dir.filePath("guest.sqlite"));
    QCOMPARE(error, session->openError().detail);
    // A guest's file that is not SQLite counts as damaged (nothing to rebuild).
    QCOMPARE(session->damagedProfile(), dir.filePath("guest.sqlite"));
    QVERIFY(!session->store());
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
