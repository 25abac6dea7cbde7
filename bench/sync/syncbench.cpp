// sync_bench: how fast the sync engine carries changes between two clients
// of one user through the real mana-sync binary on loopback (the harness of
// tests/server/integration and the client fixture of tests/sync). Prints
// one `name=<n> value=<v> unit=<u>` line per measurement; diagnostics go to
// stderr.
//
//   sync_bench [--changes N] [--writes N] [--pause-ms N] [--initial N]
//
// 1. burst: N inserts on client A in one loop; time from the first write
//    until client B holds all N (target: at most 1 s). Also the same with one
//    insertMany(), and the loop's cost on a store without a sync engine.
// 2. live latency: one write at a time on A, time until B's
//    Collection::changed names it; p50 and p99 (targets 15 ms and 40 ms).
// 3. initial pull: a fresh client C of a user with N records on the server;
//    time until C holds them all, and the longest event-loop block meanwhile
//    (target under 50 ms), measured by a 1 ms timer's largest tick gap.
//
// A and B are two devices: B lives on a thread of its own (its store, engine
// and sockets), so B's pulls do not queue behind A's pushes in one event
// loop, as they would not on two machines. The initial pull's client C is on
// the main thread, where the event-loop blocks are measured.
#include "serverprocess.h"
#include "syncapi.h"
#include "syncclientfixture.h"
#include "wire/change.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <QScopeGuard>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>

Q_LOGGING_CATEGORY(lcSyncBench, "mana.bench.sync")

using namespace mana;
using namespace mana::servertest;
using namespace mana::synctest;

namespace {

constexpr int kReadyTimeoutMs = 30000;

void report(const QByteArray &name, double value, const char *unit)
{
    std::printf("name=%s value=%.1f unit=%s\n", name.constData(), value, unit);
    std::fflush(stdout);
}

double millis(qint64 nanoseconds)
{
    return double(nanoseconds) / 1e6;
}

// Runs the event loop until `done` holds or the time is up. The measured
// moments are taken in signal handlers, so the polling here only decides
// when the benchmark moves on, never what it reports.
bool runUntil(const std::function<bool()> &done, int timeoutMs, int pollMs = 2)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(pollMs);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

bool isReady(SyncClient &client)
{
    return client.engine()->isNotificationSocketConnected() && client.isSynced();
}

// A second device: a SyncClient created, used and destroyed on its own
// thread. The benchmark talks to it only through onDevice() (a blocking
// call on that thread) and through handlers that run there.
class DeviceThread
{
public:
    DeviceThread(const QString &name, const QUrl &serverUrl, const TestUser &user)
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        onDevice([&](SyncClient *) {
            m_client = new SyncClient(name, serverUrl, user);
            m_client->engine()->start();
            return true;
        });
    }
    ~DeviceThread()
    {
        onDevice([&](SyncClient *client) {
            delete client;
            return true;
        });
        m_thread.quit();
        m_thread.wait();
    }
    bool onDevice(const std::function<bool(SyncClient *)> &work)
    {
        bool result = false;
        QMetaObject::invokeMethod(
            &m_anchor, [&] { result = work(m_client); }, Qt::BlockingQueuedConnection);
        return result;
    }
    // A handler for B's change signal, run on B's thread. The context is
    // moved from the thread it was made on (moveToThread works only there).
    void onChanged(QObject *context, std::function<void(const QStringList &)> handler)
    {
        context->moveToThread(&m_thread);
        onDevice([&](SyncClient *client) {
            QObject::connect(client->tasks(), &Collection::changed, context, std::move(handler));
            return true;
        });
    }
    bool isReady()
    {
        return onDevice([](SyncClient *client) {
            return client->engine()->isNotificationSocketConnected() && client->isSynced();
        });
    }
    int count()
    {
        int rows = 0;
        onDevice([&](SyncClient *client) {
            rows = client->tasks()->count();
            return true;
        });
        return rows;
    }

private:
    QThread m_thread;
    QObject m_anchor;
    SyncClient *m_client = nullptr;
};

double percentile(QList<double> values, double fraction)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype index =
        std::min(values.size() - 1, qsizetype(std::ceil(fraction * values.size())) - 1);
    return values.at(std::max<qsizetype>(0, index));
}

QJsonObject taskValues(int index)
{
    static const char *const priorities[] = {"low", "medium", "high", "urgent"};
    return {{"title", QStringLiteral("Task number %1").arg(index)},
            {"priority", priorities[index % 4]},
            {"n", index}};
}

// Largest gap between ticks of a 1 ms timer: the longest time the event loop
// could not react (to input, a repaint) while sync work ran.
class EventLoopBlockMeter
{
public:
    EventLoopBlockMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    void start()
    {
        m_clock.start();
        m_lastTickNs = 0;
        m_gaps.clear();
        m_gapsOver16Ms = 0;
        m_gapsOver50Ms = 0;
        m_timer.start(1);
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    double longestMs() const { return m_gaps.isEmpty() ? 0 : m_gaps.first().first; }
    int gapsOver16Ms() const { return m_gapsOver16Ms; }
    int gapsOver50Ms() const { return m_gapsOver50Ms; }
    // The longest gaps (ms) and when they ended (ms since start()).
    QList<QPair<double, double>> longestGaps() const { return m_gaps; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const double gap = millis(now - m_lastTickNs);
        m_lastTickNs = now;
        m_gapsOver16Ms += gap > 16 ? 1 : 0;
        m_gapsOver50Ms += gap > 50 ? 1 : 0;
        if (m_gaps.size() < kKept || gap > m_gaps.last().first) {
            m_gaps.append({gap, millis(now)});
            std::sort(m_gaps.begin(), m_gaps.end(), std::greater<>());
            if (m_gaps.size() > kKept)
                m_gaps.removeLast();
        }
    }

    static constexpr qsizetype kKept = 8;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    QList<QPair<double, double>> m_gaps; // longest first
    int m_gapsOver16Ms = 0;
    int m_gapsOver50Ms = 0;
};

// Times every top-level event delivery, to name what blocked the loop:
// the receiver's class and the event type of the longest ones.
class TracingApplication : public QCoreApplication
{
public:
    using QCoreApplication::QCoreApplication;

    void setTracing(bool tracing)
    {
        m_tracing = tracing;
        if (tracing)
            m_longest.clear();
    }
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_tracing || m_depth > 0)
            return QCoreApplication::notify(receiver, event);
        ++m_depth;
        // Read before delivery: the event, or the receiver, may be gone after.
        const int type = int(event->type());
        const char *className = receiver->metaObject()->className();
        QElapsedTimer timer;
        timer.start();
        const bool handled = QCoreApplication::notify(receiver, event);
        const double ms = millis(timer.nsecsElapsed());
        --m_depth;
        if (m_longest.size() < kKept || ms > m_longest.last().first) {
            const QByteArray what = QByteArray(className) + " event " + QByteArray::number(type);
            m_longest.append({ms, what});
            std::sort(m_longest.begin(), m_longest.end(),
                      [](const auto &x, const auto &y) { return x.first > y.first; });
            if (m_longest.size() > kKept)
                m_longest.removeLast();
        }
        return handled;
    }
    QList<QPair<double, QByteArray>> longestDeliveries() const { return m_longest; }

private:
    static constexpr qsizetype kKept = 10;
    bool m_tracing = false;
    int m_depth = 0;
    QList<QPair<double, QByteArray>> m_longest;
};

TracingApplication *tracingApp()
{
    return static_cast<TracingApplication *>(QCoreApplication::instance());
}

struct Session
{
    ServerProcess *server;
    SyncApi *api;
};

std::optional<TestUser> newUser(SyncApi &api, const QString &prefix)
{
    QString error;
    auto user = api.createUser(&error, prefix);
    if (!user)
        std::fprintf(stderr, "sync_bench: cannot create a user: %s\n", qPrintable(error));
    return user;
}

// The same inserts on a store with no sync engine attached: what the local
// writes alone cost, to tell them apart from the engine's share.
bool benchLocalWritesAlone(const QUrl &serverUrl, const TestUser &user, int changes)
{
    SyncClient alone(QStringLiteral("alone"), serverUrl, user); // its engine never starts
    QElapsedTimer clock;
    clock.start();
    for (int index = 0; index < changes; ++index) {
        if (!alone.tasks()->insert(taskValues(index)))
            return false;
    }
    report("burst_local_writes_without_engine_ms", millis(clock.nsecsElapsed()), "ms");
    return true;
}

// 1. A burst of inserts on A until B holds every one of them: one insert()
// per record (the benchmark's figure), or one insertMany() (which shows the
// share of the per-record transactions).
enum class BurstWrites { OneByOne, OneTransaction };

bool benchBurst(SyncClient &a, DeviceThread &b, int changes, BurstWrites writes)
{
    const QByteArray prefix = writes == BurstWrites::OneByOne ? "burst_" : "burst_insertmany_";
    QElapsedTimer clock;
    // B's handler runs on B's thread: what it shares is behind the mutex.
    QMutex mutex;
    QSet<QString> missingOnB;
    std::atomic<qint64> completedNs = -1;
    qint64 firstOnBNs = -1; // where the time goes: A's push, B's pull
    qint64 pushedNs = -1;
    QObject context;
    QObject::connect(&a.store(), &LocalStore::pendingChangesAcknowledged, &context, [&] {
        QMutexLocker lock(&mutex);
        if (pushedNs < 0 && !missingOnB.isEmpty() && a.store().pendingChanges().count() == 0)
            pushedNs = clock.nsecsElapsed();
    });
    auto *onB = new QObject; // moved to B's thread, deleted below
    b.onChanged(onB, [&](const QStringList &ids) {
        QMutexLocker lock(&mutex);
        if (completedNs >= 0 || missingOnB.isEmpty())
            return;
        if (firstOnBNs < 0)
            firstOnBNs = clock.nsecsElapsed();
        for (const QString &id : ids)
            missingOnB.remove(id);
        if (missingOnB.isEmpty())
            completedNs = clock.nsecsElapsed();
    });
    const auto cleanup = qScopeGuard([&] {
        b.onDevice([&](SyncClient *) {
            delete onB;
            return true;
        });
    });

    const int before = b.count();
    clock.start();
    QStringList written;
    written.reserve(changes);
    if (writes == BurstWrites::OneByOne) {
        for (int index = 0; index < changes; ++index) {
            const WriteResult result = a.tasks()->insert(taskValues(index));
            if (!result) {
                std::fprintf(stderr, "sync_bench: insert failed: %s\n", qPrintable(result.error));
                return false;
            }
            written.append(result.id);
        }
    } else {
        QList<QJsonObject> values;
        values.reserve(changes);
        for (int index = 0; index < changes; ++index)
            values.append(taskValues(index));
        QString error;
        written = a.tasks()->insertMany(values, &error);
        if (written.size() != changes) {
            std::fprintf(stderr, "sync_bench: insertMany failed: %s\n", qPrintable(error));
            return false;
        }
    }
    const qint64 writtenNs = clock.nsecsElapsed();
    // No event was processed during the loop, so A has pushed nothing and B
    // cannot have seen any yet.
    {
        QMutexLocker lock(&mutex);
        missingOnB = QSet<QString>(written.cbegin(), written.cend());
    }

    if (!runUntil([&] { return completedNs >= 0; }, 120000)) {
        QMutexLocker lock(&mutex);
        std::fprintf(stderr, "sync_bench: B got %lld of %d changes in 120 s\n",
                     qlonglong(changes - missingOnB.size()), changes);
        return false;
    }
    const int newOnB = b.count() - before;
    if (newOnB != changes) {
        std::fprintf(stderr, "sync_bench: B's collection has %d new rows, not %d\n", newOnB,
                     changes);
        return false;
    }
    const double totalMs = millis(completedNs);
    report(prefix + "local_writes_ms", millis(writtenNs), "ms");
    report(prefix + "a_pushed_all_ms", millis(pushedNs), "ms");
    report(prefix + "b_first_change_ms", millis(firstOnBNs), "ms");
    report(prefix + "end_to_end_ms", totalMs, "ms");
    report(prefix + "end_to_end_rate", changes / (totalMs / 1000.0), "changes/s");
    return runUntil([&] { return isReady(a) && b.isReady(); }, kReadyTimeoutMs);
}

// 2. One write at a time; the latency until B's change signal names it.
bool benchLatency(SyncClient &a, DeviceThread &b, int writes, int pauseMs)
{
    QElapsedTimer clock;
    clock.start();
    QMutex mutex;
    QString awaitedId;
    qint64 writtenNs = 0;
    QList<double> latencies;
    auto *onB = new QObject;
    b.onChanged(onB, [&](const QStringList &ids) {
        QMutexLocker lock(&mutex);
        if (!awaitedId.isEmpty() && ids.contains(awaitedId)) {
            latencies.append(millis(clock.nsecsElapsed() - writtenNs));
            awaitedId.clear();
        }
    });
    const auto cleanup = qScopeGuard([&] {
        b.onDevice([&](SyncClient *) {
            delete onB;
            return true;
        });
    });
    auto awaiting = [&] {
        QMutexLocker lock(&mutex);
        return !awaitedId.isEmpty();
    };

    int lost = 0;
    for (int index = 0; index < writes; ++index) {
        {
            // Held across the write: B cannot see it before awaitedId names it.
            QMutexLocker lock(&mutex);
            writtenNs = clock.nsecsElapsed();
            const WriteResult result = a.tasks()->insert(taskValues(index));
            if (!result) {
                std::fprintf(stderr, "sync_bench: insert failed: %s\n", qPrintable(result.error));
                return false;
            }
            awaitedId = result.id;
        }
        if (!runUntil([&] { return !awaiting(); }, 5000, 1)) {
            ++lost;
            QMutexLocker lock(&mutex);
            awaitedId.clear();
        }
        runFor(pauseMs);
    }
    if (lost > 0) {
        std::fprintf(stderr, "sync_bench: %d of %d writes did not reach B within 5 s\n", lost,
                     writes);
        return false;
    }
    report("live_latency_p50_ms", percentile(latencies, 0.50), "ms");
    report("live_latency_p99_ms", percentile(latencies, 0.99), "ms");
    report("live_latency_max_ms", percentile(latencies, 1.0), "ms");
    return true;
}

// The records of the initial pull reach the server the way a real device
// sends them: inserted on a seeding client, pushed by its engine.
bool seedServer(const Session &session, const TestUser &user, int records)
{
    SyncClient seeder(QStringLiteral("seeder"), session.server->baseUrl(), user);
    constexpr int chunk = 10000;
    for (int start = 0; start < records; start += chunk) {
        QList<QJsonObject> values;
        for (int index = start; index < std::min(records, start + chunk); ++index)
            values.append(taskValues(index));
        QString error;
        if (seeder.tasks()->insertMany(values, &error).size() != values.size()) {
            std::fprintf(stderr, "sync_bench: insertMany failed: %s\n", qPrintable(error));
            return false;
        }
    }
    QElapsedTimer clock;
    clock.start();
    seeder.engine()->start();
    if (!runUntil([&] { return seeder.isSynced(); }, 600000, 20)) {
        std::fprintf(stderr, "sync_bench: the seeder did not push %d records: %s\n", records,
                     qPrintable(seeder.status()->errorMessage()));
        return false;
    }
    qCInfo(lcSyncBench) << "seeded" << records << "records in" << clock.elapsed() << "ms";
    return true;
}

// The two halves of the pull's longest event, timed alone on one real page
// of the server: reading the answer (what SyncTransport::classify does), and
// applying one slice of it (one AppChannel::applyInSlices step).
bool benchPullPieces(const Session &session, const TestUser &user)
{
    const HttpResponse page =
        session.api->pull(user, newClientId(), kAppId, QStringLiteral("tasks"));
    if (page.status != 200) {
        std::fprintf(stderr, "sync_bench: pull failed: %s\n", qPrintable(page.describe()));
        return false;
    }
    QList<double> parseMs;
    std::optional<wire::SyncResponse> response;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto document = wire::parseBody(page.body, &error, 64 * 1024 * 1024);
        response =
            document ? wire::SyncResponse::fromJson(document->object(), &error) : std::nullopt;
        parseMs.append(millis(timer.nsecsElapsed()));
        if (!response) {
            std::fprintf(stderr, "sync_bench: the page does not parse: %s\n", qPrintable(error));
            return false;
        }
    }
    report("pull_page_read_ms", percentile(parseMs, 0.5), "ms");
    qCInfo(lcSyncBench) << "page of" << response->serverChanges.size() << "changes,"
                        << page.body.size() << "bytes";
    qCDebug(lcSyncBench).noquote() << "the page starts with" << page.body.left(900);

    const int sliceSize = SyncTuning().changesPerTransaction;
    SyncClient target(QStringLiteral("slices"), session.server->baseUrl(), user);
    QList<double> applyMs;
    for (qsizetype start = 0; start + sliceSize <= response->serverChanges.size();
         start += sliceSize) {
        LocalStore::RemoteBatch slice;
        slice.appId = kAppId;
        slice.changes = response->serverChanges.mid(start, sliceSize);
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (!target.store().applyRemoteBatch(slice, &error)) {
            std::fprintf(stderr, "sync_bench: applying failed: %s\n", qPrintable(error));
            return false;
        }
        applyMs.append(millis(timer.nsecsElapsed()));
    }
    std::printf("name=pull_apply_slice_%d_ms value=%.1f unit=ms\n", sliceSize,
                percentile(applyMs, 0.5));
    std::fflush(stdout);
    return true;
}

// Rows of C's tasks that the full-text index has not taken yet.
int rowsNoted(SyncClient &client)
{
    QSqlQuery query(client.store().database());
    query.exec(QStringLiteral("SELECT count(*) FROM \"_fts_pending_%1\"")
                   .arg(client.tasks()->spec().tableName));
    return query.next() ? query.value(0).toInt() : -1;
}

// 3. A fresh client's initial pull, and how long the event loop was blocked.
bool benchInitialPull(const Session &session, int records)
{
    const auto user = newUser(*session.api, QStringLiteral("initial"));
    if (!user || !seedServer(session, *user, records) || !benchPullPieces(session, *user))
        return false;

    SyncClient c(QStringLiteral("c"), session.server->baseUrl(), *user);
    QElapsedTimer clock;
    QSet<QString> received;
    received.reserve(records);
    qint64 completedNs = -1;
    int notedAtEnd = -1;
    EventLoopBlockMeter meter;
    QObject context;
    QObject::connect(c.tasks(), &Collection::changed, &context, [&](const QStringList &ids) {
        if (completedNs >= 0)
            return;
        for (const QString &id : ids)
            received.insert(id);
        if (received.size() >= records) {
            completedNs = clock.nsecsElapsed();
            meter.stop();
            notedAtEnd = rowsNoted(c);
        }
    });

    clock.start();
    tracingApp()->setTracing(true);
    meter.start();
    c.engine()->start();
    if (!runUntil([&] { return completedNs >= 0; }, 600000, 20)) {
        std::fprintf(stderr, "sync_bench: C got %lld of %d records in 600 s\n",
                     qlonglong(received.size()), records);
        return false;
    }
    tracingApp()->setTracing(false);
    const int held = c.tasks()->count();
    if (held != records) {
        std::fprintf(stderr, "sync_bench: C's collection has %d rows, not %d\n", held, records);
        return false;
    }
    const double totalMs = millis(completedNs);
    report("initial_pull_ms", totalMs, "ms");
    report("initial_pull_rate", records / (totalMs / 1000.0), "records/s");
    report("initial_pull_longest_block_ms", meter.longestMs(), "ms");
    report("initial_pull_blocks_over_16ms", meter.gapsOver16Ms(), "count");
    report("initial_pull_blocks_over_50ms", meter.gapsOver50Ms(), "count");
    for (const auto &[gapMs, atMs] : meter.longestGaps())
        qCInfo(lcSyncBench, "initial pull: %.1f ms block ending at %.0f ms", gapMs, atMs);
    for (const auto &[ms, what] : tracingApp()->longestDeliveries())
        qCInfo(lcSyncBench, "initial pull: %.1f ms delivering %s", ms, what.constData());
    qCInfo(lcSyncBench) << "records counted by C's pulls:" << c.engine()->receivedCount();
    // The full-text index catches up while the pull goes on (LocalStore's
    // idle catch-up): the rows it had not taken when the last record
    // arrived, and what the first search after the pull costs, which takes
    // whatever is still noted before it reads.
    report("initial_pull_rows_noted_at_end", notedAtEnd, "rows");
    Query search;
    search.search = QStringLiteral("task %1").arg(records / 2); // one record
    search.limit = 50;
    QElapsedTimer searchTimer;
    searchTimer.start();
    const qsizetype found = c.tasks()->query(search).size();
    report("initial_pull_first_search_ms", millis(searchTimer.nsecsElapsed()), "ms");
    qCInfo(lcSyncBench) << "the first search found" << found << "records";
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    TracingApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("sync engine end-to-end speed"));
    parser.addHelpOption();
    const QCommandLineOption changesOption(QStringLiteral("changes"),
                                           QStringLiteral("Inserts of the burst on A."),
                                           QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption writesOption(QStringLiteral("writes"),
                                          QStringLiteral("Single writes timed for latency."),
                                          QStringLiteral("n"), QStringLiteral("500"));
    const QCommandLineOption pauseOption(QStringLiteral("pause-ms"),
                                         QStringLiteral("Pause between single writes."),
                                         QStringLiteral("ms"), QStringLiteral("20"));
    const QCommandLineOption initialOption(QStringLiteral("initial"),
                                           QStringLiteral("Records of the initial pull."),
                                           QStringLiteral("n"), QStringLiteral("100000"));
    parser.addOptions({changesOption, writesOption, pauseOption, initialOption});
    parser.process(app);
    const int changes = std::max(1, parser.value(changesOption).toInt());
    const int writes = std::max(1, parser.value(writesOption).toInt());
    const int pauseMs = std::max(0, parser.value(pauseOption).toInt());
    const int initial = std::max(1, parser.value(initialOption).toInt());

    ServerProcess server;
    if (!server.start()) {
        std::fprintf(stderr, "sync_bench: %s\n%s\n", qPrintable(server.errorString()),
                     qPrintable(server.logTail()));
        return 1;
    }
    SyncApi api(server.baseUrl());
    const Session session{&server, &api};

    bool ok = true;
    {
        const auto user = newUser(api, QStringLiteral("live"));
        if (!user || !benchLocalWritesAlone(server.baseUrl(), *user, changes))
            return 1;
        SyncClient a(QStringLiteral("a"), server.baseUrl(), *user);
        DeviceThread b(QStringLiteral("b"), server.baseUrl(), *user);
        a.engine()->start();
        if (!runUntil([&] { return isReady(a) && b.isReady(); }, kReadyTimeoutMs)) {
            std::fprintf(stderr, "sync_bench: clients A and B did not connect\n%s\n",
                         qPrintable(server.logTail()));
            return 1;
        }
        ok = benchBurst(a, b, changes, BurstWrites::OneByOne) &&
             benchLatency(a, b, writes, pauseMs) &&
             benchBurst(a, b, changes, BurstWrites::OneTransaction);
    }
    ok = ok && benchInitialPull(session, initial);
    return server.stop() == 0 && ok ? 0 : 1;
}
