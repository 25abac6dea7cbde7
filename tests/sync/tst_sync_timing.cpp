// When the engine talks to the server, observed at a canned endpoint that
// counts requests: a burst of writes travels in a handful of pushes, a
// steady trickle is held back at most a second, 429 waits for Retry-After,
// and a 401 that a token refresh cannot cure stops the engine with "sign in
// again" (issue 4: push timing, retries, tokens).
#include "fakesyncserver.h"
#include "syncclientfixture.h"

#include <QElapsedTimer>
#include <QTest>

using namespace mana;
using namespace mana::servertest;
using namespace mana::synctest;

namespace {

const QByteArray kEmptyAnswer = R"({"serverChanges":[],"conflicts":[],"syncedUntil":"c1"})";

int pushCount(const FakeSyncServer &fake)
{
    int pushes = 0;
    for (const QByteArray &line : fake.requestLines())
        pushes += line.startsWith("POST /sync/") ? 1 : 0;
    return pushes;
}

int changesPushed(const FakeSyncServer &fake)
{
    int changes = 0;
    for (const QByteArray &body : fake.requestBodies())
        changes += int(QJsonDocument::fromJson(body).object().value("changes").toArray().size());
    return changes;
}

TestUser someUser()
{
    TestUser user;
    user.accessToken = QStringLiteral("token");
    return user;
}

} // namespace

class SyncTimingTest : public QObject
{
    Q_OBJECT

private slots:
    void burstTravelsTogether()
    {
        FakeSyncServer fake;
        fake.setReply({200, "application/json", kEmptyAnswer});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced() && pushCount(fake) == 1,
                                 5000); // the start's full sync

        for (int i = 0; i < 1000; ++i)
            QVERIFY(client.tasks()->insert({{"title", QStringLiteral("burst %1").arg(i)}}));
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced(), 10000);
        QCOMPARE(changesPushed(fake), 1000);
        QVERIFY2(pushCount(fake) - 1 <= 3, qPrintable(QString::number(pushCount(fake) - 1)));
    }

    void trickleIsCoalescedButNotHeldBack()
    {
        FakeSyncServer fake;
        fake.setReply({200, "application/json", kEmptyAnswer});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced() && pushCount(fake) == 1, 5000);

        // One write every 5 ms for 2 s: 400 writes.
        QElapsedTimer clock;
        clock.start();
        int written = 0;
        while (clock.elapsed() < 2000) {
            QVERIFY(
                client.tasks()->insert({{"title", QStringLiteral("trickle %1").arg(written++)}}));
            QTest::qWait(5);
        }
        const qint64 lastWrite = clock.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced(), 5000);
        // The last change went out within the 1 s bound.
        QVERIFY2(clock.elapsed() - lastWrite <= 1500,
                 qPrintable(QString::number(clock.elapsed() - lastWrite)));
        QCOMPARE(changesPushed(fake), written);
        const int pushes = pushCount(fake) - 1;
        qInfo() << written << "writes in" << pushes << "pushes";
        QVERIFY2(pushes <= 20, qPrintable(QString::number(pushes)));
    }

    void firstWriteAfterIdleGoesAtOnce()
    {
        FakeSyncServer fake;
        fake.setReply({200, "application/json", kEmptyAnswer});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced() && pushCount(fake) == 1, 5000);
        QTest::qWait(1200);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(client.tasks()->insert({{"title", "alone"}}));
        QTRY_VERIFY_WITH_TIMEOUT(pushCount(fake) == 2, 2000);
        QVERIFY2(clock.elapsed() < 200, qPrintable(QString::number(clock.elapsed())));
    }

    void tooManyRequestsHonoursRetryAfter()
    {
        FakeSyncServer fake;
        fake.setReply({429, "application/json",
                       R"({"error":{"code":"rate_limited","message":"slow down"}})"});
        fake.setExtraHeaders("Retry-After: 2\r\n");
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        QVERIFY(client.tasks()->insert({{"title", "waits"}}));
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(fake.requestTimes().size() >= 2, 8000);
        const qint64 gap = fake.requestTimes().at(1) - fake.requestTimes().at(0);
        // The tuning caps backoff at 500 ms here; Retry-After wins over it.
        QVERIFY2(gap >= 1900, qPrintable(QString::number(gap)));
        QCOMPARE(client.status()->state(), SyncStatus::State::Error);
        QCOMPARE(client.store().pendingChanges().count(), 1);
    }

    // A fresh token may expire on its way (a suspended laptop): it is
    // refreshed again, but a server refusing every token ends the session
    // after three.
    void unauthorizedAfterRefreshesStopsWithSignInAgain()
    {
        FakeSyncServer fake;
        fake.setReply(
            {401, "application/json", R"({"error":{"code":"unauthorized","message":"expired"}})"});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        int refreshes = 0;
        client.engine()->setTokenRefresher([&refreshes](SyncEngine::TokenReady done) {
            ++refreshes;
            done(QStringLiteral("new-token-%1").arg(refreshes), 0);
        });
        QVERIFY(client.tasks()->insert({{"title", "kept"}}));
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(!client.engine()->isRunning(), 5000);
        QCOMPARE(refreshes, 3);
        QCOMPARE(client.status()->state(), SyncStatus::State::Error);
        // A code; the words ("Sign in again") are the app's (SessionErrorText).
        QVERIFY2(client.status()->error().code == SyncError::SessionEnded,
                 syncErrorName(client.status()->error().code));
        const qsizetype asked = fake.requestLines().size();
        QTest::qWait(1000);
        QCOMPARE(fake.requestLines().size(), asked); // stopped means stopped
        QCOMPARE(client.store().pendingChanges().count(), 1);
    }

    // While a pulled page that has more is applied, the next one is already
    // asked for: the endpoint has seen the second pull before the engine
    // reports the first page applied (without the prefetch it is asked for
    // only after that report).
    void nextPageIsAskedForWhileOneIsApplied()
    {
        const QByteArray page = cannedInsertPage(3000, "p", true, "c1");
        FakeSyncServer fake;
        fake.setReply({200, "application/json", page});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        auto pullsAsked = [&fake] {
            int pulls = 0;
            for (const QByteArray &line : fake.requestLines())
                pulls += line.startsWith("GET /sync/todo/pull") ? 1 : 0;
            return pulls;
        };
        int pullsAtFirstPage = -1;
        QObject context;
        connect(client.engine(), &SyncEngine::progress, &context, [&](qint64 received, qint64) {
            if (pullsAtFirstPage < 0 && received > 0)
                pullsAtFirstPage = pullsAsked();
        });
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(pullsAtFirstPage >= 0, 10000);
        QVERIFY2(pullsAtFirstPage >= 2, qPrintable(QString::number(pullsAtFirstPage)));
        QCOMPARE(client.tasks()->count(), 3000);
    }
};

QTEST_GUILESS_MAIN(SyncTimingTest)
#include "tst_sync_timing.moc"
