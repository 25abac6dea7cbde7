// End-to-end tests of the sync engine against the real mana-sync binary on
// loopback; every client has its own database file (issue 4, cases 1-6, 8, 10).
#include "serverprocess.h"
#include "syncapi.h"
#include "syncclientfixture.h"

#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace mana;
using namespace mana::servertest;
using namespace mana::synctest;

namespace {

constexpr int kConvergeMs = 20000;

} // namespace

class SyncEndToEndTest : public QObject
{
    Q_OBJECT

private:
    // A running server and one user; clients are made per test.
    bool startServer(const QStringList &extraArguments = {})
    {
        ServerOptions options;
        options.extraArguments = extraArguments;
        m_server = std::make_unique<ServerProcess>(options);
        if (!m_server->start()) {
            qWarning() << m_server->errorString() << m_server->logTail();
            return false;
        }
        m_api = std::make_unique<SyncApi>(m_server->baseUrl());
        QString error;
        const auto user = m_api->createUser(&error);
        if (!user) {
            qWarning() << error;
            return false;
        }
        m_user = *user;
        return true;
    }

    static bool bothConnected(SyncClient &a, SyncClient &b)
    {
        return a.engine()->isNotificationSocketConnected() &&
               b.engine()->isNotificationSocketConnected() && a.isSynced() && b.isSynced();
    }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<SyncApi> m_api;
    TestUser m_user;

private slots:
    // The `_postgres` variant runs the server on PostgreSQL
    // (serverprocess.h); without MANA_TEST_POSTGRES it skips.
    void initTestCase()
    {
        const QString unavailable = testBackendUnavailable();
        if (!unavailable.isEmpty())
            QSKIP(qPrintable(unavailable));
    }

    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    // 1. A inserts; B sees it through its change signal within 1 s, by the
    // WebSocket notice (the fallback poll is set to 10 minutes here).
    void liveNoticeReachesOtherClient()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        SyncClient b(QStringLiteral("b"), m_server->baseUrl(), m_user);
        a.engine()->start();
        b.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(bothConnected(a, b), 10000);

        QSignalSpy changed(b.tasks(), &Collection::changed);
        QElapsedTimer timer;
        timer.start();
        const WriteResult written = a.tasks()->insert({{"title", "from A"}});
        QVERIFY2(written, qPrintable(written.error));
        QTRY_VERIFY_WITH_TIMEOUT(b.tasks()->get(written.id).has_value(), 1000);
        qInfo() << "A's insert visible on B after" << timer.elapsed() << "ms";
        QVERIFY(!changed.isEmpty());
        bool signalled = false;
        for (const QList<QVariant> &arguments : std::as_const(changed))
            signalled = signalled || arguments.at(0).toStringList().contains(written.id);
        QVERIFY(signalled);
        QCOMPARE(b.tasks()->get(written.id)->value("title").toString(), QStringLiteral("from A"));
    }

    // 2. Offline edits of different fields of one record: both survive.
    void offlineEditsOfDifferentFieldsMerge()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        SyncClient b(QStringLiteral("b"), m_server->baseUrl(), m_user);
        a.engine()->start();
        b.engine()->start();
        const QString id = a.tasks()->insert({{"title", "shared"}}).id;
        QTRY_VERIFY_WITH_TIMEOUT(b.tasks()->get(id).has_value() && bothConnected(a, b),
                                 kConvergeMs);

        QCOMPARE(m_server->stop(), 0);
        QVERIFY(a.tasks()->update(id, {{"title", "title by A"}}));
        QVERIFY(b.tasks()->update(id, {{"priority", "urgent"}}));
        QTRY_VERIFY_WITH_TIMEOUT(a.status()->state() == SyncStatus::State::Offline, 5000);
        QVERIFY(m_server->start());

        auto merged = [&](SyncClient &client) {
            const auto record = client.tasks()->get(id);
            return record && record->value("title") == QLatin1String("title by A") &&
                   record->value("priority") == QLatin1String("urgent") && client.isSynced();
        };
        QTRY_VERIFY_WITH_TIMEOUT(merged(a) && merged(b), kConvergeMs);
        QCOMPARE(a.rows(), b.rows());
    }

    // 3. The same field edited on both while offline: the later edit wins on
    // both; with equal timestamps the greater client id wins on both.
    void sameFieldLaterEditWinsAndTiesAgree()
    {
        QVERIFY(startServer());
        std::atomic<qint64> frozen{0};
        auto wallClock = [&frozen] {
            return frozen ? frozen.load() : HybridLogicalClock::systemWallClock();
        };
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user, wallClock);
        SyncClient b(QStringLiteral("b"), m_server->baseUrl(), m_user, wallClock);
        a.engine()->start();
        b.engine()->start();
        const QString id = a.tasks()->insert({{"title", "original"}}).id;
        QTRY_VERIFY_WITH_TIMEOUT(b.tasks()->get(id).has_value() && bothConnected(a, b),
                                 kConvergeMs);

        QCOMPARE(m_server->stop(), 0);
        QVERIFY(a.tasks()->update(id, {{"title", "earlier by A"}}));
        QTest::qWait(5);
        QVERIFY(b.tasks()->update(id, {{"title", "later by B"}}));
        QVERIFY(m_server->start());
        auto titleIs = [&](SyncClient &client, const QString &title) {
            return client.tasks()->get(id)->value("title").toString() == title && client.isSynced();
        };
        QTRY_VERIFY_WITH_TIMEOUT(titleIs(a, "later by B") && titleIs(b, "later by B"), kConvergeMs);

        // Equal timestamps: both clocks stopped at the same millisecond,
        // ahead of anything either issued (and within the server's skew).
        QCOMPARE(m_server->stop(), 0);
        frozen = HybridLogicalClock::systemWallClock() + 30000;
        QVERIFY(a.tasks()->update(id, {{"title", "tie by A"}}));
        QVERIFY(b.tasks()->update(id, {{"title", "tie by B"}}));
        QCOMPARE(a.tasks()->recordState(id).value("title").updatedAt,
                 b.tasks()->recordState(id).value("title").updatedAt);
        const QString winner =
            a.store().clientId().toUtf8() > b.store().clientId().toUtf8() ? "tie by A" : "tie by B";
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(titleIs(a, winner) && titleIs(b, winner), kConvergeMs);
        QCOMPARE(a.rows(), b.rows());
    }

    // 4. A deletes while B edits an older version offline: deleted on both.
    void deleteWinsOverOlderEdit()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        SyncClient b(QStringLiteral("b"), m_server->baseUrl(), m_user);
        a.engine()->start();
        b.engine()->start();
        const QString id = a.tasks()->insert({{"title", "doomed"}}).id;
        QTRY_VERIFY_WITH_TIMEOUT(b.tasks()->get(id).has_value() && bothConnected(a, b),
                                 kConvergeMs);

        QCOMPARE(m_server->stop(), 0);
        QVERIFY(b.tasks()->update(id, {{"title", "edited by B"}}));
        QTest::qWait(5);
        QVERIFY(a.tasks()->remove(id));
        QVERIFY(m_server->start());
        // Deleted on both, and the tombstone keeps B's later title (field by
        // field): waiting for that too means A has pulled B's edit, so the
        // rows compared below are final.
        auto deleted = [&](SyncClient &client) {
            const auto tombstone = client.tasks()->get(id, true);
            return !client.tasks()->get(id).has_value() && tombstone.has_value() &&
                   tombstone->value("title") == QJsonValue("edited by B") && client.isSynced();
        };
        QTRY_VERIFY_WITH_TIMEOUT(deleted(a) && deleted(b), kConvergeMs);
        QCOMPARE(a.rows(), b.rows());
    }

    // 5. 5,000 changes made offline drain after reconnect: all on the
    // server, none twice, status back to synced.
    void offlineQueueDrains()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        a.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), kConvergeMs);
        QCOMPARE(m_server->stop(), 0);
        QSet<QString> ids;
        for (int i = 0; i < 5000; ++i) {
            const WriteResult written =
                a.tasks()->insert({{"title", QStringLiteral("offline %1").arg(i)}, {"n", i}});
            QVERIFY2(written, qPrintable(written.error));
            ids.insert(written.id);
        }
        QCOMPARE(a.store().pendingChanges().count(), 5000);
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), 60000);

        const PullResult pulled =
            m_api->pullAll(m_user, QStringLiteral("checker"), kAppId, QStringLiteral("tasks"));
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QSet<QString> onServer;
        for (const QJsonObject &change : pulled.changes) {
            QVERIFY2(!onServer.contains(change.value("id").toString()), "a record came twice");
            onServer.insert(change.value("id").toString());
        }
        QCOMPARE(onServer, ids);
    }

    // A device's first sync shows how many records arrived so far (the
    // protocol has no totals); later syncs do not count.
    void initialSyncReportsProgress()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        QList<QJsonObject> rows;
        for (int i = 0; i < 2500; ++i)
            rows.append({{"title", QStringLiteral("existing %1").arg(i)}});
        QString error;
        QCOMPARE(a.tasks()->insertMany(rows, &error).size(), 2500);
        a.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), kConvergeMs);

        SyncClient b(QStringLiteral("b"), m_server->baseUrl(), m_user);
        QList<qint64> seen;
        QObject::connect(b.status(), &SyncStatus::changed, b.status(), [&] {
            if (seen.isEmpty() || seen.constLast() != b.status()->initialSyncReceived())
                seen.append(b.status()->initialSyncReceived());
        });
        b.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(b.isSynced() && b.tasks()->count() == 2500, kConvergeMs);
        qInfo() << "initial sync progress:" << seen;
        // Counted up page by page while it ran, back to 0 when done.
        QCOMPARE(seen.constLast(), 0);
        seen.removeLast();
        QVERIFY2(seen.size() >= 2, "progress was reported in steps");
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QVERIFY(seen.constLast() >= 2000);
        QCOMPARE(b.engine()->appStatus(kAppId)->initialSyncReceived(), 0);

        // A later change arriving is not "initial sync" progress.
        QVERIFY(a.tasks()->insert({{"title", "one more"}}));
        QTRY_VERIFY_WITH_TIMEOUT(b.tasks()->count() == 2501, kConvergeMs);
        QCOMPARE(b.status()->initialSyncReceived(), 0);
    }

    // 6. The server is killed (SIGKILL) while a push is under way; after a
    // restart the queue drains and every record is there exactly once.
    void serverKilledDuringPush()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        QHash<QString, QString> titles;
        for (int i = 0; i < 3000; ++i) {
            const QString title = QStringLiteral("queued %1").arg(i);
            titles.insert(a.tasks()->insert({{"title", title}}).id, title);
        }
        a.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.status()->state() == SyncStatus::State::Syncing, 5000);
        m_server->kill();
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), 60000);

        const PullResult pulled =
            m_api->pullAll(m_user, QStringLiteral("checker"), kAppId, QStringLiteral("tasks"));
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QCOMPARE(pulled.changes.size(), titles.size());
        for (const QJsonObject &change : pulled.changes) {
            const QString id = change.value("id").toString();
            QVERIFY(titles.contains(id));
            QCOMPARE(change.value("fields")
                         .toObject()
                         .value("title")
                         .toObject()
                         .value("value")
                         .toString(),
                     titles.value(id));
        }
    }

    // 8. The access token expires mid-session: refreshed, sync goes on. The
    // engine is not told the lifetime here, so it refreshes only when a
    // request or the WebSocket is refused: about once per lifetime (the
    // server closes the WebSocket at expiry), never in a storm.
    void expiredTokenIsRefreshedOnce()
    {
        constexpr int kLifetimeMs = 2000;
        QVERIFY(startServer(
            {QStringLiteral("--access-token-ttl"), QString::number(kLifetimeMs / 1000)}));
        QString error;
        QVERIFY2(m_api->relogin(m_user, &error), qPrintable(error));
        QElapsedTimer running;
        running.start();
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        a.engine()->start();
        QVERIFY(a.tasks()->insert({{"title", "before expiry"}}));
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), kConvergeMs);
        QTest::qWait(3000);
        const QString id = a.tasks()->insert({{"title", "after expiry"}}).id;
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced() && a.refreshCount() >= 1, kConvergeMs);
        // `exp` is in whole seconds: a token lives between 1 and 2 s here.
        const qint64 lifetimes = running.elapsed() / (kLifetimeMs - 1000);
        QVERIFY2(a.refreshCount() <= lifetimes + 1,
                 qPrintable(QStringLiteral("%1 refreshes in %2 lifetimes")
                                .arg(a.refreshCount())
                                .arg(lifetimes)));
        const PullResult pulled =
            m_api->pullAll(m_user, QStringLiteral("checker"), kAppId, QStringLiteral("tasks"));
        // The checker's own token may have expired too: log in again.
        if (!pulled.ok) {
            QVERIFY2(m_api->relogin(m_user, &error), qPrintable(error));
        }
        const PullResult again =
            m_api->pullAll(m_user, QStringLiteral("checker"), kAppId, QStringLiteral("tasks"));
        QVERIFY2(again.ok, qPrintable(again.error));
        bool found = false;
        for (const QJsonObject &change : again.changes)
            found = found || change.value("id").toString() == id;
        QVERIFY(found);
    }

    // 8a. Two refreshes within one second hand back the same access token
    // (whole-second claims, deterministic signatures). A refresh that
    // returns the token just refused is retried, not taken for an ended
    // session; the engine syncs once a good token arrives.
    void refreshReturningTheRefusedTokenIsRetried()
    {
        QVERIFY(startServer());
        const QString goodToken = m_user.accessToken;
        servertest::TestUser refusedUser = m_user;
        refusedUser.accessToken = QStringLiteral("refused-token");
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), refusedUser);
        int refreshes = 0;
        a.engine()->setTokenRefresher([&](SyncEngine::TokenReady done) {
            ++refreshes;
            done(refreshes == 1 ? refusedUser.accessToken : goodToken, 0);
        });
        QVERIFY(a.tasks()->insert({{"title", "after two refreshes"}}));
        a.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced() || !a.engine()->isRunning(), kConvergeMs);
        QVERIFY2(a.engine()->isRunning(), qPrintable(a.status()->errorMessage()));
        QVERIFY(a.isSynced());
        QCOMPARE(refreshes, 2);
    }

    // 8b. Refreshed before it expires: the WebSocket re-authenticates with
    // the new token and stays open across two token lifetimes, and live
    // notices keep coming (without the refresh the server closes it at each
    // expiry and the engine reconnects and catches up every app).
    void socketOutlivesItsTokenWhenRefreshedBeforeExpiry()
    {
        constexpr int kLifetimeSeconds = 3;
        QVERIFY(
            startServer({QStringLiteral("--access-token-ttl"), QString::number(kLifetimeSeconds)}));
        // A token issued just now, whose lifetime is understated by a second:
        // the time the client takes to open counts against it.
        QString error;
        QVERIFY2(m_api->relogin(m_user, &error), qPrintable(error));
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        a.refreshBeforeExpiry(kLifetimeSeconds - 1);
        auto *socket = a.engine()->findChild<NotificationSocket *>();
        QVERIFY(socket);
        QSignalSpy disconnects(socket, &NotificationSocket::disconnected);
        a.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced() && a.engine()->isNotificationSocketConnected(),
                                 kConvergeMs);

        QTest::qWait(kLifetimeSeconds * 2 * 1000 + 1000);
        QCOMPARE(disconnects.count(), 0);
        QVERIFY2(a.refreshCount() >= 2, qPrintable(QString::number(a.refreshCount())));
        QVERIFY(a.engine()->isNotificationSocketConnected());

        // A change from another device still arrives live (the fallback
        // poll is 10 minutes here), on the socket opened at the start.
        QVERIFY2(m_api->relogin(m_user, &error), qPrintable(error));
        SyncClient b(QStringLiteral("b"), m_server->baseUrl(), m_user);
        b.engine()->start();
        const QString id = b.tasks()->insert({{"title", "live after two expiries"}}).id;
        QTRY_VERIFY_WITH_TIMEOUT(a.tasks()->get(id).has_value(), kConvergeMs);
        QCOMPARE(disconnects.count(), 0);
    }

    // 10. Status transitions of a normal push, then offline.
    void statusTransitions()
    {
        QVERIFY(startServer());
        SyncClient a(QStringLiteral("a"), m_server->baseUrl(), m_user);
        a.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced() && a.engine()->isNotificationSocketConnected(),
                                 kConvergeMs);

        QList<SyncStatus::State> seen;
        QObject::connect(a.status(), &SyncStatus::stateTransition, a.status(),
                         [&seen](SyncStatus::State state) { seen.append(state); });
        QVERIFY(a.tasks()->insert({{"title", "watched"}}));
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), kConvergeMs);
        const QList<SyncStatus::State> expected{
            SyncStatus::State::Pending, SyncStatus::State::Syncing, SyncStatus::State::Synced};
        QCOMPARE(seen, expected);
        QVERIFY(a.status()->lastSyncedAt().isValid());

        seen.clear();
        QCOMPARE(m_server->stop(), 0);
        QVERIFY(a.tasks()->insert({{"title", "while down"}}));
        QTRY_VERIFY_WITH_TIMEOUT(a.status()->state() == SyncStatus::State::Offline, 5000);
        QCOMPARE(a.status()->pendingCount(), 1);
        QVERIFY(m_server->start());
        QTRY_VERIFY_WITH_TIMEOUT(a.isSynced(), kConvergeMs);
    }
};

QTEST_GUILESS_MAIN(SyncEndToEndTest)
#include "tst_sync_e2e.moc"
