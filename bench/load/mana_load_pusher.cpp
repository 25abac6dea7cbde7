#include "mana_load_pusher.h"

#include "mana_load_report.h"
#include "syncapi.h"

#include <QJsonDocument>

#include <cmath>

namespace mana::load {
namespace {

// A value of our server's compact answer, without parsing the whole body.
QByteArray rawValueOf(const QByteArray &answer, const QByteArray &key)
{
    const QByteArray quotedKey = '"' + key + "\":";
    const qsizetype start = answer.indexOf(quotedKey);
    if (start < 0)
        return {};
    qsizetype valueStart = start + quotedKey.size();
    qsizetype end = valueStart;
    if (answer.at(valueStart) == '"') {
        ++valueStart;
        end = answer.indexOf('"', valueStart);
    } else {
        while (end < answer.size() && answer.at(end) != ',' && answer.at(end) != '}')
            ++end;
    }
    return end < 0 ? QByteArray() : answer.mid(valueStart, end - valueStart);
}

} // namespace

Pusher::Pusher(QList<PushingDevice> devices, const QList<LoadAccount> &accounts,
               QList<QUrl> baseUrls, NoticeTracker &notices, std::atomic<int> &finishedPushers)
    : m_accounts(accounts)
    , m_notices(notices)
    , m_finishedPushers(finishedPushers)
    , m_timer(this)
{
    for (PushingDevice &device : devices)
        m_devices.push_back({std::move(device), {}, {}});
    m_servers = std::move(baseUrls);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Pusher::sendDue);
}

Pusher::~Pusher() = default;

void Pusher::start(const PushPlan &plan)
{
    m_plan = plan;
    for (const QUrl &server : m_servers)
        m_pools.push_back(
            std::make_unique<HttpConnectionPool>(server, plan.httpConnectionsPerServer, this));
    m_sending = !m_devices.empty() && plan.pushesPerSecond > 0;
    if (!m_sending) {
        finishIfDone();
        return;
    }
    // A short interval keeps pushes near their scheduled time; several due
    // at one tick leave together.
    m_timer.start(1);
}

void Pusher::sendDue()
{
    const std::int64_t now = nowNs();
    const std::int64_t elapsedNs = now - m_plan.startNs;
    if (elapsedNs < 0)
        return;
    // Push n is due at start + n / rate: the first one at the start.
    const auto total = qint64(std::floor(double(m_plan.durationNs) / 1e9 * m_plan.pushesPerSecond));
    const auto due =
        qMin(total, qint64(std::floor(double(elapsedNs) / 1e9 * m_plan.pushesPerSecond)) + 1);
    while (m_results.sent < due) {
        const std::int64_t scheduledNs =
            m_plan.startNs + std::int64_t(double(m_results.sent) / m_plan.pushesPerSecond * 1e9);
        DeviceState &state = m_devices[std::size_t(m_results.sent) % m_devices.size()];
        send(state, scheduledNs);
    }
    if (elapsedNs >= m_plan.durationNs) {
        m_timer.stop();
        m_sending = false;
        finishIfDone();
    }
}

void Pusher::send(DeviceState &state, std::int64_t scheduledNs)
{
    const PushingDevice &device = state.device;
    const std::int64_t sentNs = nowNs();
    const int tag = m_notices.pushSent(device.user, device.server, device.expectedNotices, sentNs);
    const QString table = NoticeTracker::tableOfTag(tag);
    QJsonArray changes;
    for (int index = 0; index < m_plan.changesPerPush; ++index) {
        changes.append(
            servertest::insertWithFields(table, servertest::newRecordId(),
                                         {{"title", QStringLiteral("Load task %1").arg(index)},
                                          {"priority", index % 3},
                                          {"done", index % 2 == 0}},
                                         state.clock.next()));
    }
    const QString since =
        state.cursor.isEmpty() ? servertest::epochCursor : QString::fromLatin1(state.cursor);
    const QByteArray body =
        QJsonDocument(servertest::SyncApi::pushBody(device.clientId, "todo", changes, since))
            .toJson(QJsonDocument::Compact);

    const QByteArray headers = "Content-Type: application/json\r\nAuthorization: Bearer " +
                               m_accounts.at(device.user).accessToken.toUtf8() +
                               "\r\nX-Client-Id: " + device.clientId.toUtf8() + "\r\n";

    ++m_results.sent;
    ++m_outstanding;
    m_results.lateSendMs.append(double(sentNs - scheduledNs) / 1e6);
    m_pools[std::size_t(device.server)]->post(
        "/sync/todo", headers, body,
        [this, &state, sentNs, tag](int status, const QByteArray &answer) {
            const std::int64_t answeredNs = nowNs();
            --m_outstanding;
            m_results.lastAnswerNs = answeredNs;
            if (status == 200) {
                ++m_results.answered;
                m_results.latencyMs.append(double(answeredNs - sentNs) / 1e6);
                m_results.changesAccepted += rawValueOf(answer, "accepted").toLongLong();
                const QByteArray cursor = rawValueOf(answer, "syncedUntil");
                if (!cursor.isEmpty())
                    state.cursor = cursor;
            } else {
                ++m_results.failed;
                m_notices.pushFailed(state.device.user, tag);
                if (m_results.failed <= 5)
                    qCWarning(lcLoad) << "push failed:" << status << answer.left(200);
            }
            finishIfDone();
        });
}

void Pusher::finishIfDone()
{
    if (!m_sending && m_outstanding == 0) {
        m_outstanding = -1; // counted once
        ++m_finishedPushers;
    }
}

} // namespace mana::load
