// mana_load: the load generator of issue 15. Drives real protocol traffic
// (PROTOCOL.md) against running mana-sync processes and prints one
// `name=<n> value=<v> unit=<u>` line per measurement, as bench/server does.
//
//   mana_load --server URL [--server URL …] [--server-pid PID …]
//             [--connections N] [--users M] [--push-rate R]
//             [--changes-per-push K] [--duration S] [--threads T]
//
// 1. M users register and log in (a few at a time: every request costs the
//    server an Argon2id hash).
// 2. N WebSockets authenticate, spread round-robin over the users: each user
//    gets N / M devices (at least 2), device 0 pushes, the others read
//    notices. A user's device d sits on server (user + d) % servers, so with
//    two instances the pushing device and the next one are on different
//    instances and notices across instances are measured.
// 3. For S seconds, R pushes per second of K new records each, open-loop,
//    round-robin over the users' pushing devices.
// The sockets are spread over T threads, each with its own event loop (each
// wake-up of a loop polls all of its descriptors), the pushes run on a
// thread of their own, so the generator is not what limits 20,000 sockets.
// It reports its own CPU and how late pushes left against their schedule
// (push_send_delay) to show when it is.
#include "mana_load_accounts.h"
#include "mana_load_connections.h"
#include "mana_load_notices.h"
#include "mana_load_pusher.h"
#include "mana_load_report.h"

#include "changebuilders.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using namespace mana::load;

namespace {

// Beyond about 28,000 connections from one address to one server the
// loopback's ephemeral ports run out (32768-60999).
constexpr int kMaxConnections = 25000;

// Sockets and pushes run on threads of their own: every wake-up of an
// event loop polls all of its descriptors, so the pushers' fine-grained
// timer must not share a loop with thousands of sockets.
struct SocketWorker
{
    std::unique_ptr<QThread> thread;
    ConnectionSet *connections = nullptr; // lives in `thread`
};

struct PushWorker
{
    std::unique_ptr<QThread> thread;
    Pusher *pusher = nullptr; // lives in `thread`
};

// Runs this thread's event loop until `done` or the timeout; returns done().
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start(50);
    if (!done())
        loop.exec();
    return done();
}

void pause(int ms)
{
    waitUntil([] { return false; }, ms);
}

qint64 totalResidentSetKiB(const QList<qint64> &pids)
{
    qint64 total = 0;
    for (qint64 pid : pids)
        total += qMax<qint64>(0, residentSetKiB(pid));
    return total;
}

double totalCpuSeconds(const QList<qint64> &pids)
{
    double total = 0;
    for (qint64 pid : pids)
        total += qMax(0.0, processCpuSeconds(pid));
    return total;
}

double totalRunQueueWaitSeconds(const QList<qint64> &pids)
{
    double total = 0;
    for (qint64 pid : pids)
        total += qMax(0.0, runQueueWaitSeconds(pid));
    return total;
}

template<typename Call> void callIn(QObject *object, Call call)
{
    QMetaObject::invokeMethod(object, std::move(call), Qt::BlockingQueuedConnection);
}

QUrl webSocketUrlOf(QUrl base)
{
    base.setScheme(base.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                           : QStringLiteral("ws"));
    base.setPath(QStringLiteral("/ws"));
    return base;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load generator for mana-sync (issue 15): N authenticated WebSockets over M users, "
        "open-loop pushes, notice latency. At most 25,000 connections (the loopback's "
        "ephemeral ports run out near 28,000 per server). bench/load/run-load.sh starts "
        "the servers and runs this."));
    parser.addHelpOption();
    const auto option = [&](const char *name, const char *description, const char *value,
                            const char *fallback = nullptr) {
        QCommandLineOption made(QString::fromLatin1(name), QString::fromLatin1(description),
                                QString::fromLatin1(value));
        if (fallback)
            made.setDefaultValue(QString::fromLatin1(fallback));
        parser.addOption(made);
        return made;
    };
    const auto serverOption = option("server", "mana-sync base URL (repeatable).", "url");
    const auto pidOption =
        option("server-pid", "Server process to measure (RSS, CPU; repeatable).", "pid");
    const auto connectionsOption =
        option("connections", "Authenticated WebSockets (at most 25,000).", "n", "200");
    const auto usersOption = option("users", "Users (connections >= 2 x users).", "n", "50");
    const auto rateOption = option("push-rate", "Pushes per second, in total.", "r", "50");
    const auto changesOption = option("changes-per-push", "Records per push.", "k", "10");
    const auto durationOption = option("duration", "Seconds of pushing.", "s", "10");
    const auto threadsOption =
        option("threads", "Threads holding the WebSockets (default: cores).", "t",
               QByteArray::number(qMax(1, QThread::idealThreadCount())).constData());
    const auto pushThreadsOption = option("push-threads", "Threads sending the pushes.", "n", "1");
    const auto registerOption =
        option("register-concurrency", "Registrations/logins in flight.", "n", "8");
    const auto openingOption =
        option("connect-concurrency", "WebSocket handshakes in flight, in total.", "n", "256");
    const auto noticeTimeoutOption =
        option("notice-timeout-ms", "A notice later than this counts as missing.", "ms", "5000");
    const auto pingOption =
        option("ping-interval-ms", "Each socket's ping interval (0: none).", "ms", "25000");
    const auto httpOption =
        option("http-connections", "Most HTTP connections per server and push thread.", "n", "256");
    const auto connectTimeoutOption =
        option("connect-timeout", "Seconds to wait for all sockets.", "s", "600");
    parser.process(app);

    QList<QUrl> servers;
    for (const QString &url : parser.values(serverOption))
        servers.append(QUrl(url));
    QList<qint64> pids;
    for (const QString &pid : parser.values(pidOption))
        pids.append(pid.toLongLong());
    const int connectionCount = parser.value(connectionsOption).toInt();
    const int userCount = parser.value(usersOption).toInt();
    const double pushRate = parser.value(rateOption).toDouble();
    const int changesPerPush = qBound(1, parser.value(changesOption).toInt(), 1000);
    const double durationSeconds = parser.value(durationOption).toDouble();
    const int threadCount = qMax(1, parser.value(threadsOption).toInt());
    const int pushThreadCount = qMax(1, parser.value(pushThreadsOption).toInt());
    const std::int64_t noticeTimeoutNs = parser.value(noticeTimeoutOption).toLongLong() * 1000000;
    if (servers.isEmpty() || userCount < 1 || connectionCount < 2 * userCount ||
        connectionCount > kMaxConnections) {
        std::fprintf(stderr, "mana_load: need --server, --users >= 1 and 2 x users <= "
                             "--connections <= 25000 (see --help)\n");
        return 2;
    }
    const long fileLimit = raiseFileLimit();
    const int httpConnections = qMax(1, parser.value(httpOption).toInt());
    if (fileLimit > 0 &&
        fileLimit < connectionCount + 100 + pushThreadCount * httpConnections * servers.size())
        qCWarning(lcLoad) << "open file limit" << fileLimit << "may be too low for"
                          << connectionCount << "connections";

    // 1. Accounts.
    const std::int64_t accountsStartNs = nowNs();
    AccountOptions accountOptions;
    accountOptions.servers = servers;
    accountOptions.userCount = userCount;
    accountOptions.concurrency = parser.value(registerOption).toInt();
    accountOptions.emailPrefix =
        QStringLiteral("load-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QString error;
    const QList<LoadAccount> accounts = makeAccounts(accountOptions, &error);
    if (accounts.isEmpty()) {
        std::fprintf(stderr, "mana_load: %s\n", qPrintable(error));
        return 1;
    }
    report("accounts_rate", userCount / (double(nowNs() - accountsStartNs) / 1e9), "users/s");

    // 2. Sockets, spread over the threads by index.
    NoticeTracker notices(userCount, noticeTimeoutNs);
    ConnectionCounters counters;
    std::vector<QList<ConnectionSpec>> specsByThread(static_cast<std::size_t>(threadCount));
    QList<QString> pushingClientIds(userCount);
    for (int index = 0; index < connectionCount; ++index) {
        ConnectionSpec spec;
        spec.user = index % userCount;
        spec.device = index / userCount;
        spec.server = (spec.user + spec.device) % int(servers.size());
        spec.clientId = mana::servertest::newClientId();
        if (spec.device == 0)
            pushingClientIds[spec.user] = spec.clientId;
        specsByThread[std::size_t(index % threadCount)].append(spec);
    }
    QList<QUrl> webSocketUrls;
    for (const QUrl &server : servers)
        webSocketUrls.append(webSocketUrlOf(server));

    pause(500); // the baseline after registration's hashing has settled
    const qint64 rssBeforeKiB = totalResidentSetKiB(pids);
    std::vector<SocketWorker> workers(static_cast<std::size_t>(threadCount));
    const int openingPerThread = qMax(1, parser.value(openingOption).toInt() / threadCount);
    const int pingIntervalMs = parser.value(pingOption).toInt();
    const std::int64_t connectStartNs = nowNs();
    for (std::size_t index = 0; index < workers.size(); ++index) {
        SocketWorker &worker = workers[index];
        worker.thread = std::make_unique<QThread>();
        worker.connections =
            new ConnectionSet(specsByThread[index], accounts, webSocketUrls, notices, counters);
        worker.connections->moveToThread(worker.thread.get());
        worker.thread->start();
        QMetaObject::invokeMethod(
            worker.connections,
            [set = worker.connections, openingPerThread, pingIntervalMs] {
                set->openAll(openingPerThread, pingIntervalMs);
            },
            Qt::QueuedConnection);
    }
    const auto settled = [&] {
        return counters.authenticated + counters.refused >= connectionCount;
    };
    waitUntil(settled, parser.value(connectTimeoutOption).toInt() * 1000);
    const int authenticated = counters.authenticated;
    report("connect_auth_rate", authenticated / (double(nowNs() - connectStartNs) / 1e9),
           "connections/s");
    report("connections_authenticated", authenticated, "count");
    report("connections_refused", counters.refused, "count");
    pause(1000); // let the server finish what the handshakes left behind
    const qint64 rssAfterKiB = totalResidentSetKiB(pids);
    if (!pids.isEmpty()) {
        report("server_rss_before_sockets", double(rssBeforeKiB), "KiB");
        report("server_rss_with_sockets", double(rssAfterKiB), "KiB");
        report("server_rss_per_connection",
               authenticated > 0 ? double(rssAfterKiB - rssBeforeKiB) / authenticated : -1, "KiB");
    }

    // 3. Pushes. Each user's notices are expected on its other open devices.
    QList<int> otherDevicesOpen(userCount, 0);
    for (const SocketWorker &worker : workers) {
        QList<ConnectionSpec> open;
        callIn(worker.connections, [&] { open = worker.connections->openConnections(); });
        for (const ConnectionSpec &spec : open) {
            if (spec.device != 0)
                ++otherDevicesOpen[spec.user];
        }
    }
    std::vector<QList<PushingDevice>> devicesByThread(static_cast<std::size_t>(pushThreadCount));
    for (int user = 0; user < userCount; ++user) {
        devicesByThread[std::size_t(user % pushThreadCount)].append(
            {user, user % int(servers.size()), pushingClientIds[user], otherDevicesOpen[user]});
    }
    std::atomic<int> finishedPushers{0};
    PushPlan plan;
    plan.changesPerPush = changesPerPush;
    plan.durationNs = std::int64_t(durationSeconds * 1e9);
    plan.httpConnectionsPerServer = httpConnections;
    plan.startNs = nowNs() + 200000000; // every thread starts from the same instant
    std::vector<PushWorker> pushWorkers(static_cast<std::size_t>(pushThreadCount));
    for (std::size_t index = 0; index < pushWorkers.size(); ++index) {
        PushWorker &worker = pushWorkers[index];
        PushPlan share = plan;
        share.pushesPerSecond = pushRate * devicesByThread[index].size() / userCount;
        worker.thread = std::make_unique<QThread>();
        worker.pusher =
            new Pusher(devicesByThread[index], accounts, servers, notices, finishedPushers);
        worker.pusher->moveToThread(worker.thread.get());
        worker.thread->start();
        QMetaObject::invokeMethod(
            worker.pusher, [pusher = worker.pusher, share] { pusher->start(share); },
            Qt::QueuedConnection);
    }
    QTimer expiry;
    QObject::connect(&expiry, &QTimer::timeout, [&] { notices.expire(nowNs()); });
    expiry.start(500);
    waitUntil([&] { return nowNs() >= plan.startNs; }, 1000);
    const double serverCpuBefore = totalCpuSeconds(pids);
    const double serverWaitBefore = totalRunQueueWaitSeconds(pids);
    const double ownCpuBefore = processCpuSeconds(QCoreApplication::applicationPid());
    waitUntil([&] { return finishedPushers == pushThreadCount; },
              int(durationSeconds * 1000) + 60000);
    const double phaseSeconds = double(nowNs() - plan.startNs) / 1e9;
    const double serverCpu = totalCpuSeconds(pids) - serverCpuBefore;
    const double serverWait = totalRunQueueWaitSeconds(pids) - serverWaitBefore;
    const double ownCpu = processCpuSeconds(QCoreApplication::applicationPid()) - ownCpuBefore;
    waitUntil([&] { return notices.waitingNotices() == 0; }, int(noticeTimeoutNs / 1000000));
    expiry.stop();
    notices.expireAll();

    PushResults pushes;
    for (PushWorker &worker : pushWorkers) {
        PushResults part;
        callIn(worker.pusher, [&] { part = worker.pusher->results(); });
        pushes.latencyMs += part.latencyMs;
        pushes.lateSendMs += part.lateSendMs;
        pushes.sent += part.sent;
        pushes.answered += part.answered;
        pushes.failed += part.failed;
        pushes.changesAccepted += part.changesAccepted;
        pushes.lastAnswerNs = qMax(pushes.lastAnswerNs, part.lastAnswerNs);
    }
    const NoticeTracker::Totals noticeTotals = notices.totals();
    QList<double> allNoticesMs = noticeTotals.sameInstanceMs + noticeTotals.crossInstanceMs;
    const double answeringSeconds =
        pushes.lastAnswerNs > plan.startNs ? double(pushes.lastAnswerNs - plan.startNs) / 1e9 : -1;

    report("pushes_sent", double(pushes.sent), "count");
    report("push_rate_offered", pushes.sent / durationSeconds, "pushes/s");
    report("push_rate_answered", answeringSeconds > 0 ? pushes.answered / answeringSeconds : 0,
           "pushes/s");
    report("changes_accepted_rate",
           answeringSeconds > 0 ? pushes.changesAccepted / answeringSeconds : 0, "changes/s");
    reportLatency("push_latency", pushes.latencyMs);
    reportLatency("notice_latency", allNoticesMs);
    if (servers.size() > 1) {
        reportLatency("notice_same_instance_latency", noticeTotals.sameInstanceMs);
        reportLatency("notice_cross_instance_latency", noticeTotals.crossInstanceMs);
        report("notices_same_instance", double(noticeTotals.sameInstanceMs.size()), "count");
        report("notices_cross_instance", double(noticeTotals.crossInstanceMs.size()), "count");
    }
    report("notices_received", double(allNoticesMs.size()), "count");
    report("notices_missing", double(noticeTotals.missing + noticeTotals.overwritten), "count");
    report("notices_unmatched", double(noticeTotals.unmatched), "count");
    // Failed: an answer other than 200, or the connection closed; unanswered:
    // still waiting when the generator gave up (a minute after the phase).
    report("push_failed", double(pushes.failed), "count");
    report("push_unanswered", double(pushes.sent - pushes.answered - pushes.failed), "count");
    report("sockets_closed_by_server", counters.disconnected, "count");
    report("errors",
           double(pushes.sent - pushes.answered + counters.refused + counters.disconnected),
           "count");
    if (!pids.isEmpty()) {
        report("server_cpu", serverCpu / phaseSeconds * 100, "%core");
        // Of the push phase, how long the servers' event loop threads were
        // ready to run but had no core (summed over the servers).
        report("server_main_thread_runqueue_wait", serverWait / phaseSeconds * 100, "%time");
    }
    report("generator_cpu", ownCpu / phaseSeconds * 100, "%core");
    reportLatency("push_send_delay", pushes.lateSendMs);

    for (PushWorker &worker : pushWorkers) {
        callIn(worker.pusher, [&] { delete worker.pusher; });
        worker.thread->quit();
        worker.thread->wait();
    }
    for (SocketWorker &worker : workers) {
        callIn(worker.connections, [&] { delete worker.connections; });
        worker.thread->quit();
        worker.thread->wait();
    }
    return 0;
}
