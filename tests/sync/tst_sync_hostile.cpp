// A hostile or broken server, from a canned endpoint (issue 13): an answer
// too large to hold, a server that accepts and never answers, a flood of
// notices, a pull that never moves on. Each ends in a sentence in the
// status, keeps the local data and the queue, and is retried with backoff
// instead of hammering; once the server behaves, sync recovers.
#include "fakesyncserver.h"
#include "syncclientfixture.h"

#include <QLocale>
#include <QTest>
#include <QTimer>

using namespace mana;
using namespace mana::servertest;
using namespace mana::synctest;

namespace {

using Form = FakeSyncServer::Reply::Form;

const QByteArray kEmptyAnswer = R"({"serverChanges":[],"conflicts":[],"syncedUntil":"c1"})";
const QByteArray kSamePageAgain =
    R"({"serverChanges":[],"conflicts":[],"syncedUntil":"c1","hasMore":true})";
constexpr qint64 kMiB = 1024 * 1024;

TestUser someUser()
{
    TestUser user;
    user.accessToken = QStringLiteral("token");
    return user;
}

// Requests of the window [fromMs, toMs) on the fake's clock.
int requestsBetween(const FakeSyncServer &fake, qint64 fromMs, qint64 toMs,
                    const QByteArray &lineStart = {})
{
    int count = 0;
    const QList<qint64> times = fake.requestTimes();
    const QList<QByteArray> lines = fake.requestLines();
    for (qsizetype i = 0; i < times.size(); ++i)
        count += times[i] >= fromMs && times[i] < toMs && lines[i].startsWith(lineStart) ? 1 : 0;
    return count;
}

} // namespace

class SyncHostileServerTest : public QObject
{
    Q_OBJECT

private slots:
    // A sync answer of 200 MiB was read whole before the 64 MiB check (app
    // RSS 2.7 GiB) and fetched again 38 times a minute.
    void answerOverTheLimitIsNotRead_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<qint64>("limit");
        // The default limit, refused from the header: the body never comes.
        QTest::newRow("Content-Length 200 MiB")
            << int(Form::DeclaredOnly) << 200 * kMiB << SyncTuning().maxAnswerBytes;
        // No length given: refused once the limit has streamed in.
        QTest::newRow("chunked 128 MiB") << int(Form::Chunked) << 128 * kMiB << 4 * kMiB;
        QTest::newRow("until close 128 MiB") << int(Form::UntilClose) << 128 * kMiB << 4 * kMiB;
    }

    void answerOverTheLimitIsNotRead()
    {
        QFETCH(int, form);
        QFETCH(qint64, length);
        QFETCH(qint64, limit);

        FakeSyncServer fake;
        fake.setReply({200, "application/json", R"({"serverChanges":[)", Form(form), length});
        SyncEngineConfig config = fastConfig(fake.url());
        config.tuning.maxAnswerBytes = limit;
        SyncClient client(QStringLiteral("a"), fake.url(), someUser(), {}, config);
        const QString id = client.tasks()->insert({{"title", "kept"}}).id;
        const QList<QJsonObject> before = client.rows();

        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(client.status()->state() == SyncStatus::State::Error, 10000);
        const QString limitText =
            QLocale::c().formattedDataSize(limit, 0, QLocale::DataSizeIecFormat);
        // A code with the limit; the English detail is what the log says.
        QCOMPARE(client.status()->error().code, SyncError::AnswerTooLarge);
        QCOMPARE(client.status()->error().subject, limitText);
        QVERIFY2(
            client.status()->errorMessage().contains(QStringLiteral("larger than ") + limitText),
            qPrintable(client.status()->errorMessage()));
        QCOMPARE(client.rows(), before);
        QCOMPARE(client.store().pendingChanges().count(), 1);

        // Retried by itself, with backoff: a few requests, not one per
        // event-loop turn; and none of the streams was read to its end.
        const qsizetype firstError = fake.requestLines().size();
        QTRY_VERIFY_WITH_TIMEOUT(fake.requestLines().size() > firstError, 5000);
        const qint64 from = fake.elapsedMs();
        QTest::qWait(2000);
        const int retries = requestsBetween(fake, from, fake.elapsedMs());
        QVERIFY2(retries <= 8, qPrintable(QString::number(retries)));
        QCOMPARE(fake.streamsEnded(), 0);
        if (Form(form) != Form::DeclaredOnly) {
            const qint64 perRequest = fake.bytesStreamed() / fake.requestLines().size();
            QVERIFY2(perRequest < length / 4, qPrintable(QString::number(perRequest)));
        }

        // The server behaves again: the next retry syncs.
        fake.setReply({200, "application/json", kEmptyAnswer});
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced(), 10000);
        QVERIFY(client.status()->errorMessage().isEmpty());
        QVERIFY(client.tasks()->get(id).has_value());
    }

    // A server that accepts connections and never answers took Qt's 6
    // connections per host: the other apps stalled behind them, and the
    // indicator said "Offline".
    void stalledRequestsTimeOutAndTheOthersGoOn_data()
    {
        QTest::addColumn<int>("stalledApps");
        QTest::newRow("8 of 19 apps stalled") << 8;
        QTest::newRow("every app stalled") << 19;
    }

    void stalledRequestsTimeOutAndTheOthersGoOn()
    {
        QFETCH(int, stalledApps);

        FakeSyncServer fake;
        fake.setReply({200, "application/json", kEmptyAnswer});
        SyncEngineConfig config = fastConfig(fake.url());
        config.tuning.requestTimeoutMs = 500;
        SyncClient client(QStringLiteral("a"), fake.url(), someUser(), {}, config);
        // todo and 18 more apps: the ones named "stalled…" get no answer.
        QStringList stalled;
        QStringList answered;
        for (int i = 1; i < 19; ++i) {
            const QString appId =
                (i <= stalledApps ? QStringLiteral("stalled%1") : QStringLiteral("app%1")).arg(i);
            client.addApp(appId);
            (i <= stalledApps ? stalled : answered).append(appId);
        }
        if (stalledApps >= 19) {
            fake.setReply({200, "application/json", {}, Form::Stall});
            stalled.append(kAppId);
        } else {
            fake.setReplyFor("/sync/stalled", {200, "application/json", {}, Form::Stall});
            answered.append(kAppId);
        }
        QVERIFY(client.tasks()->insert({{"title", "kept"}}));

        client.engine()->start();
        auto allSynced = [&] {
            for (const QString &appId : std::as_const(answered)) {
                const SyncStatus *status = client.engine()->appStatus(appId);
                if (status->state() != SyncStatus::State::Synced || status->pendingCount() > 0)
                    return false;
            }
            return true;
        };
        const QString server = QStringLiteral("127.0.0.1:%1").arg(fake.url().port());
        auto allNotAnswering = [&] {
            for (const QString &appId : std::as_const(stalled)) {
                const SyncStatus *status = client.engine()->appStatus(appId);
                if (status->state() != SyncStatus::State::Error ||
                    !status->errorMessage().contains(server + QStringLiteral(" is not answering")))
                    return false;
            }
            return true;
        };
        // Well within Qt's own 30 s that the stalled requests used to hold
        // every connection for.
        QTRY_VERIFY_WITH_TIMEOUT(allSynced() && allNotAnswering(), 15000);
        // The indicator names the server, as an error rather than "Offline".
        QCOMPARE(client.status()->state(), SyncStatus::State::Error);
        QCOMPARE(client.status()->error().code, SyncError::NotAnswering);
        QCOMPARE(client.status()->error().subject, server);
        QCOMPARE(client.status()->errorMessage(),
                 QStringLiteral("The server at %1 is not answering.").arg(server));
        if (stalledApps < 19)
            QCOMPARE(client.store().pendingChanges().count(), 0);
        else
            QCOMPARE(client.store().pendingChanges().count(), 1);
    }

    // 1,000 notices a second made 22.9 pulls a second, each a request the
    // server had to answer although nothing had changed.
    void noticeFloodIsCoalesced()
    {
        FakeSyncServer fake;
        fake.setWebSocketEnabled(true);
        fake.setReply({200, "application/json", kEmptyAnswer});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(fake.authenticatedSockets() == 1 && client.isSynced(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(client.engine()->isNotificationSocketConnected(), 5000);

        // 5 notices every 5 ms for 3 s: 1,000 a second.
        const qint64 floodStart = fake.elapsedMs();
        qint64 lastNotice = floodStart;
        QTimer flood;
        flood.setInterval(5);
        connect(&flood, &QTimer::timeout, &fake, [&] {
            for (int i = 0; i < 5; ++i)
                fake.sendNotice(kAppId, {QStringLiteral("tasks")});
            lastNotice = fake.elapsedMs();
            if (lastNotice - floodStart >= 3000)
                flood.stop();
        });
        flood.start();
        QTRY_VERIFY_WITH_TIMEOUT(!flood.isActive(), 10000);
        // No notice is lost: the last one is followed by a pull.
        QTRY_VERIFY_WITH_TIMEOUT(
            !fake.requestTimes().isEmpty() && fake.requestTimes().constLast() >= lastNotice, 5000);
        QTest::qWait(500);
        const int pulls =
            requestsBetween(fake, floodStart, fake.elapsedMs(), "GET /sync/todo/pull");
        qInfo() << pulls << "pulls for the notices of" << lastNotice - floodStart << "ms";
        // 13 or 14 by the 250 ms interval (3 s and the last notice's pull),
        // with slack for a timer that fires a little early; it was 220.
        QVERIFY2(pulls >= 2 && pulls <= 20, qPrintable(QString::number(pulls)));
    }

    // Notices whose pulls bring changes are pulled as they come, however
    // long the interval: live sync is not slowed down.
    void noticesThatBringChangesArePulledAtOnce()
    {
        FakeSyncServer fake;
        fake.setWebSocketEnabled(true);
        fake.setReply({200, "application/json", kEmptyAnswer});
        SyncEngineConfig config = fastConfig(fake.url());
        config.tuning.noticePullIntervalMs = 60 * 60 * 1000;
        SyncClient client(QStringLiteral("a"), fake.url(), someUser(), {}, config);
        client.engine()->start();
        QTRY_VERIFY_WITH_TIMEOUT(fake.authenticatedSockets() == 1 && client.isSynced() &&
                                     client.engine()->isNotificationSocketConnected(),
                                 10000);
        auto pulls = [&fake] { return fake.countRequests("GET /sync/todo/pull"); };

        for (int i = 0; i < 3; ++i) {
            const QByteArray id = "live" + QByteArray::number(i) + '-';
            fake.setReply({200, "application/json", cannedInsertPage(1, id, false)});
            const int before = pulls();
            fake.sendNotice(kAppId, {QStringLiteral("tasks")});
            QTRY_VERIFY_WITH_TIMEOUT(pulls() == before + 1 && client.isSynced(), 5000);
            QVERIFY(client.tasks()->get(QString::fromLatin1(id + '0')).has_value());
        }
        // A pull that brought nothing: the next notice waits for the interval
        // (an hour here), while one already waiting takes in the later ones.
        fake.setReply({200, "application/json", kEmptyAnswer});
        const int before = pulls();
        fake.sendNotice(kAppId, {QStringLiteral("tasks")});
        QTRY_VERIFY_WITH_TIMEOUT(pulls() == before + 1 && client.isSynced(), 5000);
        fake.sendNotice(kAppId, {QStringLiteral("tasks")});
        fake.sendNotice(kAppId, {QStringLiteral("tasks")});
        QTest::qWait(1000);
        QCOMPARE(pulls(), before + 1);
        // "Sync now" still goes at once.
        client.engine()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(fake.countRequests("POST /sync/todo") >= 2, 5000);
    }

    // A server answering every pull with hasMore and the same cursor was
    // asked 131 times a second, for as long as the app ran.
    void samePageAgainEndsThePull_data()
    {
        QTest::addColumn<bool>("viaNotice");
        QTest::newRow("pull after a push answer with more") << false;
        QTest::newRow("pull after a notice") << true;
    }

    void samePageAgainEndsThePull()
    {
        QFETCH(bool, viaNotice);

        FakeSyncServer fake;
        fake.setWebSocketEnabled(viaNotice);
        // Pushes are answered properly; the pulls get the same page again.
        fake.setReply({200, "application/json",
                       viaNotice ? kEmptyAnswer
                                 : R"({"serverChanges":[],"conflicts":[],"syncedUntil":"c0",)"
                                   R"("hasMore":true})"});
        fake.setReplyFor("/sync/todo/pull", {200, "application/json", kSamePageAgain});
        SyncClient client(QStringLiteral("a"), fake.url(), someUser());
        const QString id = client.tasks()->insert({{"title", "kept"}}).id;
        client.engine()->start();
        if (viaNotice) {
            QTRY_VERIFY_WITH_TIMEOUT(fake.authenticatedSockets() == 1 && client.isSynced(), 10000);
            fake.sendNotice(kAppId, {QStringLiteral("tasks")});
        }
        QTRY_VERIFY_WITH_TIMEOUT(client.status()->state() == SyncStatus::State::Error, 5000);
        QCOMPARE(client.status()->error().code, SyncError::CursorStuck);
        QCOMPARE(client.status()->error().subject, QStringLiteral("todo/tasks"));
        QVERIFY2(client.status()->errorMessage().contains(QStringLiteral("same page")),
                 qPrintable(client.status()->errorMessage()));
        QVERIFY(client.tasks()->get(id).has_value());
        QCOMPARE(client.store().metaValue(QStringLiteral("sync.cursor/todo/tasks")),
                 QStringLiteral("c1"));

        // Retried with backoff (100 ms doubling to 500 ms here), not at once.
        const qint64 from = fake.elapsedMs();
        QTest::qWait(3000);
        const int requests = requestsBetween(fake, from, fake.elapsedMs());
        QVERIFY2(requests >= 2 && requests <= 20, qPrintable(QString::number(requests)));
        QCOMPARE(client.status()->state(), SyncStatus::State::Error);

        // The server behaves again: the next retry syncs.
        fake.setReply({200, "application/json", kEmptyAnswer});
        fake.setReplyFor("/sync/todo/pull", {200, "application/json", kEmptyAnswer});
        QTRY_VERIFY_WITH_TIMEOUT(client.isSynced(), 5000);
        QVERIFY(client.status()->errorMessage().isEmpty());
    }
};

QTEST_GUILESS_MAIN(SyncHostileServerTest)
#include "tst_sync_hostile.moc"
