// The pushes of one worker thread, open-loop: a timer sends each push at
// its scheduled time (start + n / rate) whether or not earlier answers
// came, so a slow server shows up as latency, not as a lower offered rate.
#pragma once

#include "changebuilders.h"
#include "mana_load_accounts.h"
#include "mana_load_http.h"
#include "mana_load_notices.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace mana::load {

struct PushingDevice
{
    int user = 0;
    int server = 0;
    QString clientId;
    int expectedNotices = 0; // the user's other open WebSockets
};

struct PushPlan
{
    double pushesPerSecond = 0;
    int changesPerPush = 10;
    std::int64_t startNs = 0;
    std::int64_t durationNs = 0;
    int httpConnectionsPerServer = 256;
};

struct PushResults
{
    QList<double> latencyMs;  // request sent -> answer read
    QList<double> lateSendMs; // how late each push left against its schedule
    qint64 sent = 0;
    qint64 answered = 0;
    qint64 failed = 0;
    qint64 changesAccepted = 0;
    std::int64_t lastAnswerNs = 0;
};

class Pusher : public QObject
{
    Q_OBJECT
public:
    Pusher(QList<PushingDevice> devices, const QList<LoadAccount> &accounts, QList<QUrl> baseUrls,
           NoticeTracker &notices, std::atomic<int> &finishedPushers);
    ~Pusher() override;

    // Queued from the main thread; finishedPushers goes up by one when the
    // phase is over and every push has its answer (or timed out).
    void start(const PushPlan &plan);
    PushResults results() const { return m_results; }

private:
    struct DeviceState
    {
        PushingDevice device;
        QByteArray cursor; // syncedUntil of the last answer; empty: from the start
        servertest::TimestampSource clock;
    };

    void sendDue();
    void send(DeviceState &state, std::int64_t scheduledNs);
    void finishIfDone();

    std::vector<DeviceState> m_devices;
    const QList<LoadAccount> &m_accounts;
    QList<QUrl> m_servers;
    NoticeTracker &m_notices;
    std::atomic<int> &m_finishedPushers;
    std::vector<std::unique_ptr<HttpConnectionPool>> m_pools; // one per server
    PushPlan m_plan;
    QTimer m_timer;
    qint64 m_outstanding = 0;
    bool m_sending = false;
    PushResults m_results;
};

} // namespace mana::load
