// server_bench: push and pull throughput and memory of mana-sync, started
// as a real process on loopback (see tests/server/integration for the
// harness). Prints one `name=<n> value=<v> unit=<u>` line per measurement.
//
//   server_bench [--changes N] [--clients N] [--sockets N] [--batch N] [--db URL]
//                [--hold-sockets]
//
// The server's database: a fresh SQLite file by default; `--db URL` gives
// mana-sync that database as it is (e.g. postgres://…; use an empty one);
// MANA_TEST_BACKEND=postgres with MANA_TEST_POSTGRES=<admin URL> makes a
// fresh PostgreSQL database for the run and drops it after, as the tests'
// `_postgres` variants do (tests/server/integration/serverprocess.h).
//
// Defaults: 100,000 changes (1 client, then spread over 50 clients) in
// pushes of 1,000 (the protocol's maximum), pull of those 100,000, 1,000
// idle authenticated WebSocket connections, and the end-to-end target of
// issue 4: 10,000 changes pushed by one device and pulled by another.
// Each pushing device sends the cursor its previous answer gave, as the
// sync engine does (with the epoch every time, every answer would step over
// all of that device's own records). Push lines come in pairs: wall-clock changes/s, and changes
// per second of the server's own CPU time (`…_server_cpu`), which a busy machine disturbs less.
// Latencies (`…_p50`, `…_p99`, ms, request sent to answer read, on this
// client): each push of 1,000 of the one device, each push of 10 of a
// device pushing one small push after another (a typical edit), each page
// of 1,000 of the full pull.
//
// The idle WebSockets are closed once their memory is measured, unless
// --hold-sockets keeps them open through every later phase (issue 15: what
// idle connections of other users cost a push). They live on a thread of
// their own here, so that this process's poll() over them does not slow
// the pushing clients.
#include "../benchlatency.h"
#include "changebuilders.h"
#include "serverprocess.h"
#include "syncapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcServerBench, "mana.bench.server")

using namespace mana::servertest;
using mana::bench::percentile;
using mana::bench::reportLatency;

namespace {

int batchSize = 1000;

void report(const QByteArray &name, double value, const char *unit)
{
    std::printf("name=%s value=%.1f unit=%s\n", name.constData(), value, unit);
    std::fflush(stdout);
}

// 1,000 sockets in here and in the server need more than the usual 1,024
// descriptors; the server inherits the raised limit. 20,000 need more than
// a typical hard limit too, which root may raise.
void raiseFileLimit(int sockets)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = rlim_t(sockets) + 1024;
    if (limit.rlim_max < wanted) {
        const rlimit raised{wanted, wanted};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// User plus system CPU time of a process from /proc/<pid>/stat, or -1.
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name in parentheses may hold spaces; fields count from
    // after it: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
}

struct PushRate
{
    double wall = -1;          // changes per second
    double serverCpu = -1;     // changes per second of server CPU time
    QList<double> latenciesMs; // of every push of every client
};

// Stands for the cursor in prepared bodies; each push sends the cursor the
// previous answer gave, as a device does.
const QByteArray kSincePlaceholder = QByteArrayLiteral("@since@");

// The value of "syncedUntil" in an answer of our server (compact JSON, no
// escapes in a cursor), without parsing a body that may hold 1,000 records.
QByteArray syncedUntilOf(const QByteArray &answer)
{
    static const QByteArray key = QByteArrayLiteral("\"syncedUntil\":\"");
    const qsizetype start = answer.indexOf(key);
    if (start < 0)
        return {};
    const qsizetype valueStart = start + key.size();
    const qsizetype end = answer.indexOf('"', valueStart);
    return end < 0 ? QByteArray() : answer.mid(valueStart, end - valueStart);
}

// Push bodies prepared ahead, so only the server's work is timed.
QList<QByteArray> makePushBodies(const QString &clientId, int changes, TimestampSource &clock)
{
    QList<QByteArray> bodies;
    for (int start = 0; start < changes; start += batchSize) {
        QJsonArray batch;
        for (int index = start; index < qMin(changes, start + batchSize); ++index) {
            batch.append(insertWithFields("tasks", newRecordId(),
                                          {{"title", QStringLiteral("Task number %1").arg(index)},
                                           {"priority", index % 3},
                                           {"done", index % 2 == 0}},
                                          clock.next()));
        }
        bodies.append(QJsonDocument(SyncApi::pushBody(clientId, "todo", batch,
                                                      QString::fromLatin1(kSincePlaceholder)))
                          .toJson(QJsonDocument::Compact));
    }
    return bodies;
}

// One device pushing its batches one after another, asynchronously, so
// many of them can run at once in this thread.
class PushingClient
{
public:
    PushingClient(const QUrl &baseUrl, const TestUser &user, const QString &clientId,
                  QList<QByteArray> bodies)
        : m_bodies(std::move(bodies))
    {
        m_manager.setProxy(QNetworkProxy::NoProxy);
        m_request.setUrl(QUrl(baseUrl.toString() + QStringLiteral("/sync/todo")));
        m_request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        m_request.setRawHeader("Authorization", "Bearer " + user.accessToken.toUtf8());
        m_request.setRawHeader("X-Client-Id", clientId.toUtf8());
        m_request.setTransferTimeout(120000);
    }

    void start(std::function<void()> onDone)
    {
        m_onDone = std::move(onDone);
        sendNext();
    }
    int failures() const { return m_failures; }
    // Milliseconds from sending each push to having its answer.
    const QList<double> &latenciesMs() const { return m_latenciesMs; }

private:
    void sendNext()
    {
        if (m_next == m_bodies.size()) {
            m_onDone();
            return;
        }
        QByteArray body = m_bodies.at(m_next++);
        body.replace(kSincePlaceholder, m_cursor);
        m_sent.start();
        QNetworkReply *reply = m_manager.post(m_request, body);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            const QByteArray answer = reply->readAll();
            m_latenciesMs.append(m_sent.nsecsElapsed() / 1e6);
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                ++m_failures;
                qCWarning(lcServerBench)
                    << "push failed:" << reply->errorString() << answer.left(200);
            } else {
                m_cursor = syncedUntilOf(answer);
            }
            reply->deleteLater();
            sendNext();
        });
    }

    QNetworkAccessManager m_manager;
    QNetworkRequest m_request;
    QList<QByteArray> m_bodies;
    QByteArray m_cursor; // empty: from the beginning
    qsizetype m_next = 0;
    int m_failures = 0;
    QElapsedTimer m_sent;
    QList<double> m_latenciesMs;
    std::function<void()> m_onDone;
};

// Pushes with every client at once; the rates are -1 when a push failed.
PushRate measureConcurrentPush(const ServerProcess &server, const QList<TestUser> &users,
                               int changesPerClient, TimestampSource &clock)
{
    std::vector<std::unique_ptr<PushingClient>> clients;
    int totalChanges = 0;
    for (const TestUser &user : users) {
        const QString clientId = newClientId();
        clients.push_back(std::make_unique<PushingClient>(
            server.baseUrl(), user, clientId, makePushBodies(clientId, changesPerClient, clock)));
        totalChanges += changesPerClient;
    }
    QEventLoop loop;
    int running = int(clients.size());
    const double cpuBefore = processCpuSeconds(server.pid());
    QElapsedTimer timer;
    timer.start();
    for (auto &client : clients) {
        client->start([&] {
            if (--running == 0)
                loop.quit();
        });
    }
    if (running > 0)
        loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpuSeconds = processCpuSeconds(server.pid()) - cpuBefore;
    int failures = 0;
    QList<double> latencies;
    for (const auto &client : clients) {
        failures += client->failures();
        latencies += client->latenciesMs();
    }
    if (failures > 0) {
        qCWarning(lcServerBench) << failures << "pushes failed";
        return {};
    }
    return {totalChanges / seconds, cpuSeconds > 0 ? totalChanges / cpuSeconds : -1, latencies};
}

void reportPush(const QByteArray &name, const PushRate &rate)
{
    report(name, rate.wall, "changes/s");
    report(name + "_server_cpu", rate.serverCpu, "changes/s");
}

// Opens `count` sockets and authenticates them all; returns how many got auth-ok.
// At most kOpening are being opened at once: with all 10,000 at once, a
// busy machine took longer than the server's 10 s for `auth` on some.
int openIdleSockets(const ServerProcess &server, const QList<TestUser> &users, int count,
                    std::vector<std::unique_ptr<QWebSocket>> &sockets)
{
    constexpr int kOpening = 200;
    QEventLoop loop;
    int authenticated = 0;
    int finished = 0;
    int started = 0;
    std::function<void()> openNext;
    const auto settle = [&] {
        if (++finished == count)
            loop.quit();
        else if (started < count)
            openNext();
    };
    openNext = [&] {
        auto socket = std::make_unique<QWebSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        QWebSocket *raw = socket.get();
        const TestUser &user = users.at(started % users.size());
        ++started;
        QObject::connect(raw, &QWebSocket::connected, raw, [raw, user] {
            raw->sendTextMessage(
                QString::fromUtf8(QJsonDocument(QJsonObject{{"type", "auth"},
                                                            {"token", user.accessToken},
                                                            {"clientId", newClientId()}})
                                      .toJson(QJsonDocument::Compact)));
        });
        auto answered = std::make_shared<bool>(false);
        QObject::connect(raw, &QWebSocket::textMessageReceived, raw,
                         [&, answered](const QString &text) {
                             if (*answered)
                                 return;
                             *answered = true;
                             if (QJsonDocument::fromJson(text.toUtf8()).object().value("type") ==
                                 QStringLiteral("auth-ok"))
                                 ++authenticated;
                             settle();
                         });
        QObject::connect(raw, &QWebSocket::disconnected, raw, [&, answered] {
            if (*answered)
                return;
            *answered = true;
            settle();
        });
        raw->open(server.webSocketUrl());
        sockets.push_back(std::move(socket));
    };
    while (started < qMin(count, kOpening))
        openNext();
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(300000);
    if (finished < count)
        loop.exec();
    return authenticated;
}

struct PullTiming
{
    int changes = 0;
    double seconds = 0;
    double firstPageMs = 0;
    double lastPageMs = 0;
    QList<double> pageMs;
    QString error;
};

// A new device's full pull, page by page while hasMore.
PullTiming timePullAll(SyncApi &api, const TestUser &user, int limit)
{
    PullTiming timing;
    const QString clientId = newClientId();
    QString cursor = epochCursor;
    QElapsedTimer total;
    total.start();
    for (int page = 0; page < 10000; ++page) {
        QElapsedTimer pageTimer;
        pageTimer.start();
        const HttpResponse answer = api.pull(user, clientId, "todo", "tasks", cursor, limit);
        const QJsonObject body = answer.json();
        const double pageMs = pageTimer.nsecsElapsed() / 1e6;
        if (answer.status != 200) {
            timing.error = answer.describe();
            break;
        }
        if (page == 0)
            timing.firstPageMs = pageMs;
        timing.lastPageMs = pageMs;
        timing.pageMs.append(pageMs);
        timing.changes += int(body.value("serverChanges").toArray().size());
        cursor = body.value("syncedUntil").toString();
        if (!body.value("hasMore").toBool())
            break;
    }
    timing.seconds = total.nsecsElapsed() / 1e9;
    return timing;
}

// Lets the server settle (finish deferred work, return freed memory) before
// reading its RSS.
qint64 settledResidentSetKiB(const ServerProcess &server)
{
    QEventLoop loop;
    QTimer::singleShot(500, &loop, &QEventLoop::quit);
    loop.exec();
    return server.residentSetKiB();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("mana-sync throughput and memory"));
    parser.addHelpOption();
    const QCommandLineOption changesOption(QStringLiteral("changes"),
                                           QStringLiteral("Changes pushed per phase."),
                                           QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption clientsOption(QStringLiteral("clients"),
                                           QStringLiteral("Concurrent pushing clients."),
                                           QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Changes per push (at most 1000)."),
                                         QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption socketsOption(QStringLiteral("sockets"),
                                           QStringLiteral("Idle WebSocket connections."),
                                           QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption holdSocketsOption(
        QStringLiteral("hold-sockets"),
        QStringLiteral("Keep the idle WebSockets open through the push and pull phases."));
    const QCommandLineOption databaseOption(
        QStringLiteral("db"),
        QStringLiteral("mana-sync's --db as it is (sqlite:PATH, postgres://…); default: a fresh "
                       "SQLite file, or a fresh PostgreSQL database with "
                       "MANA_TEST_BACKEND=postgres and MANA_TEST_POSTGRES."),
        QStringLiteral("url"));
    parser.addOptions({changesOption, clientsOption, socketsOption, batchOption, databaseOption,
                       holdSocketsOption});
    parser.process(app);
    batchSize = qBound(1, parser.value(batchOption).toInt(), 1000);
    const int totalChanges = qMax(batchSize, parser.value(changesOption).toInt());
    const int clientCount = qMax(1, parser.value(clientsOption).toInt());
    const int socketCount = qMax(1, parser.value(socketsOption).toInt());
    const bool holdSockets = parser.isSet(holdSocketsOption);

    raiseFileLimit(socketCount);
    // Every bench client registers from 127.0.0.1: more than the 30
    // registrations per address the server allows by default.
    ServerOptions serverOptions;
    serverOptions.extraArguments = {QStringLiteral("--max-registrations-per-address"),
                                    QStringLiteral("0")};
    serverOptions.databaseUrl = parser.value(databaseOption);
    ServerProcess server(serverOptions);
    if (!server.start()) {
        std::fprintf(stderr, "server_bench: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::fprintf(stderr, "server_bench: database %s\n",
                 server.usesPostgres() ? "PostgreSQL" : qPrintable(server.databaseUrl()));
    report("server_rss_idle", settledResidentSetKiB(server), "KiB");

    SyncApi api(server.baseUrl());
    QString error;
    QList<TestUser> users;
    for (int index = 0; index < clientCount; ++index) {
        auto user = api.createUser(&error, QStringLiteral("bench"));
        if (!user) {
            std::fprintf(stderr, "server_bench: %s\n", qPrintable(error));
            return 1;
        }
        users.append(*user);
    }
    // Memory per connection on a server that has not handled load yet, so
    // freed heap from earlier phases does not hide the growth.
    const qint64 beforeSockets = settledResidentSetKiB(server);
    // The sockets are made, served and deleted on socketThread only.
    QThread socketThread;
    socketThread.setObjectName(QStringLiteral("idle-sockets"));
    // Qt's poll() dispatcher on that thread, as in the server's WebSocket
    // threads (server/sync/websockethub.cpp): glib's walks a list of all
    // the thread's sockets on each connect and close.
    qputenv("QT_NO_THREADED_GLIB", "1");
    socketThread.start();
    QObject socketContext;
    socketContext.moveToThread(&socketThread);
    QMetaObject::invokeMethod(
        &socketContext, [] {}, Qt::BlockingQueuedConnection); // its dispatcher exists
    qunsetenv("QT_NO_THREADED_GLIB");
    std::vector<std::unique_ptr<QWebSocket>> sockets;
    const auto closeSockets = [&] {
        if (!socketThread.isRunning())
            return;
        QMetaObject::invokeMethod(
            &socketContext, [&] { sockets.clear(); }, Qt::BlockingQueuedConnection);
        socketThread.quit();
        socketThread.wait();
    };
    const auto closeSocketsOnReturn = qScopeGuard(closeSockets);
    QElapsedTimer connectTimer;
    connectTimer.start();
    int authenticated = 0;
    QMetaObject::invokeMethod(
        &socketContext,
        [&] { authenticated = openIdleSockets(server, users, socketCount, sockets); },
        Qt::BlockingQueuedConnection);
    const double connectSeconds = connectTimer.nsecsElapsed() / 1e9;
    // A few may miss the server's 10 s for auth when the machine is busy.
    if (authenticated != socketCount)
        std::fprintf(stderr, "server_bench: only %d of %d sockets authenticated\n", authenticated,
                     socketCount);
    if (authenticated < socketCount - socketCount / 100)
        return 1;
    const qint64 withSockets = settledResidentSetKiB(server);
    std::printf("name=server_rss_%d_websockets value=%lld unit=KiB\n", socketCount,
                qlonglong(withSockets));
    report("server_rss_per_websocket", double(withSockets - beforeSockets) / authenticated, "KiB");
    report("websocket_connect_auth_rate", socketCount / connectSeconds, "connections/s");

    if (holdSockets)
        std::fprintf(stderr, "server_bench: %d idle WebSockets stay open\n", socketCount);
    else
        closeSockets();

    TimestampSource clock;

    // Issue 4's target: one device pushes 10,000 changes, another device
    // of the same user pulls them all, in at most a second.
    {
        const auto user = api.createUser(&error, QStringLiteral("bench-e2e"));
        if (!user) {
            std::fprintf(stderr, "server_bench: %s\n", qPrintable(error));
            return 1;
        }
        constexpr int endToEndChanges = 10000;
        QElapsedTimer endToEnd;
        endToEnd.start();
        const PushRate pushed = measureConcurrentPush(server, {*user}, endToEndChanges, clock);
        const double pushSeconds = endToEnd.nsecsElapsed() / 1e9;
        const PullTiming pulled = timePullAll(api, *user, 0);
        const double totalMs = endToEnd.nsecsElapsed() / 1e6;
        if (pushed.wall < 0 || pulled.changes != endToEndChanges) {
            std::fprintf(stderr, "server_bench: end to end pulled %d of %d changes: %s\n",
                         pulled.changes, endToEndChanges, qPrintable(pulled.error));
            return 1;
        }
        report("end_to_end_10000_push", pushSeconds * 1000, "ms");
        report("end_to_end_10000_pull", pulled.seconds * 1000, "ms");
        report("end_to_end_10000_total", totalMs, "ms");
    }

    // One device, its batches one after another.
    const PushRate oneClient = measureConcurrentPush(server, {users.first()}, totalChanges, clock);
    reportPush("push_throughput_1_client", oneClient);
    reportLatency(QByteArray("push_") + QByteArray::number(batchSize) + "_latency",
                  oneClient.latenciesMs);

    // Small pushes one after another (an edit or two at a time), 500 of
    // them, by a user of their own.
    {
        const auto user = api.createUser(&error, QStringLiteral("bench-small"));
        if (!user) {
            std::fprintf(stderr, "server_bench: %s\n", qPrintable(error));
            return 1;
        }
        const int savedBatch = batchSize;
        batchSize = 10;
        const PushRate small = measureConcurrentPush(server, {*user}, 5000, clock);
        batchSize = savedBatch;
        if (small.wall < 0) {
            std::fprintf(stderr, "server_bench: a push of 10 failed\n");
            return 1;
        }
        reportLatency("push_10_latency", small.latenciesMs);
        reportPush("push_10_throughput", small);
    }

    // Another device of that user pulls everything (default pages, then ext
    // large pages). First and last page times show whether a page costs
    // more the further into the log it starts.
    for (const int limit : {0, 5000}) {
        const PullTiming timing = timePullAll(api, users.first(), limit);
        if (timing.changes != totalChanges) {
            std::fprintf(stderr, "server_bench: pull got %d of %d changes: %s\n", timing.changes,
                         totalChanges, qPrintable(timing.error));
            return 1;
        }
        const QByteArray prefix = limit == 0 ? "pull_page_1000" : "pull_page_5000";
        report(prefix + "_throughput", totalChanges / timing.seconds, "changes/s");
        report(prefix + "_first_page", timing.firstPageMs, "ms");
        report(prefix + "_last_page", timing.lastPageMs, "ms");
        reportLatency(prefix + "_latency", timing.pageMs);
    }

    const int perClient = qMax(batchSize, totalChanges / clientCount / batchSize * batchSize);
    reportPush(QByteArray("push_throughput_") + QByteArray::number(clientCount) + "_clients",
               measureConcurrentPush(server, users, perClient, clock));
    report("server_rss_after_load", settledResidentSetKiB(server), "KiB");

    return server.stop() == 0 ? 0 : 1;
}
