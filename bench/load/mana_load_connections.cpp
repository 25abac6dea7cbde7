#include "mana_load_connections.h"

#include "mana_load_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QWebSocket>

namespace mana::load {

ConnectionSet::ConnectionSet(QList<ConnectionSpec> specs, const QList<LoadAccount> &accounts,
                             QList<QUrl> webSocketUrls, NoticeTracker &notices,
                             ConnectionCounters &counters)
    : m_accounts(accounts)
    , m_webSocketUrls(std::move(webSocketUrls))
    , m_notices(notices)
    , m_counters(counters)
    , m_pingTimer(this)
{
    m_connections.reserve(std::size_t(specs.size()));
    for (ConnectionSpec &spec : specs)
        m_connections.push_back({std::move(spec)});
    connect(&m_pingTimer, &QTimer::timeout, this, &ConnectionSet::pingSlice);
}

ConnectionSet::~ConnectionSet()
{
    closeAll();
}

void ConnectionSet::openAll(int maxOpening, int pingIntervalMs)
{
    m_maxOpening = qMax(1, maxOpening);
    // Pings are spread over the interval a slice per second, as real
    // clients' pings would be, instead of all sockets at once.
    if (pingIntervalMs > 0) {
        m_pingSlices = qMax(1, pingIntervalMs / 1000);
        m_pingTimer.start(1000);
    }
    openMore();
}

void ConnectionSet::openMore()
{
    while (!m_closing && m_opening < m_maxOpening &&
           m_nextToOpen < qsizetype(m_connections.size())) {
        Connection &connection = m_connections[std::size_t(m_nextToOpen++)];
        ++m_opening;
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        socket->setProxy(QNetworkProxy::NoProxy);
        connection.socket = socket;
        connect(socket, &QWebSocket::connected, this, [this, &connection] {
            const LoadAccount &account = m_accounts.at(connection.spec.user);
            const QJsonObject auth{{"type", "auth"},
                                   {"token", account.accessToken},
                                   {"clientId", connection.spec.clientId}};
            connection.socket->sendTextMessage(
                QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
        });
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, &connection](const QString &text) { onText(connection, text); });
        connect(socket, &QWebSocket::disconnected, this,
                [this, &connection] { onDisconnected(connection); });
        socket->open(m_webSocketUrls.at(connection.spec.server));
    }
}

void ConnectionSet::handshakeDone()
{
    --m_opening;
    openMore();
}

void ConnectionSet::onText(Connection &connection, const QString &text)
{
    if (connection.authenticated) {
        // Stamped before parsing: the parse is this side's cost, not the server's.
        const std::int64_t receivedNs = nowNs();
        if (!text.contains(QLatin1String("sync-available")))
            return; // pong
        ++m_counters.notices;
        const QJsonArray tables = QJsonDocument::fromJson(text.toUtf8())["tables"].toArray();
        for (const QJsonValue &table : tables) {
            const int tag = NoticeTracker::tagOfTable(table.toString());
            if (tag >= 0)
                m_notices.noticeReceived(connection.spec.user, tag, connection.spec.server,
                                         receivedNs);
        }
        return;
    }
    if (connection.finished)
        return;
    if (QJsonDocument::fromJson(text.toUtf8())["type"].toString() == QLatin1String("auth-ok")) {
        connection.authenticated = true;
        ++m_counters.authenticated;
    } else {
        qCWarning(lcLoad) << "auth refused:" << text.left(200);
        connection.finished = true;
        ++m_counters.refused;
        connection.socket->abort();
    }
    handshakeDone();
}

void ConnectionSet::onDisconnected(Connection &connection)
{
    if (m_closing || connection.finished)
        return;
    connection.finished = true;
    if (connection.authenticated) {
        ++m_counters.disconnected;
        qCWarning(lcLoad) << "server closed an authenticated WebSocket:"
                          << connection.socket->closeCode() << connection.socket->closeReason();
    } else {
        ++m_counters.refused;
        qCWarning(lcLoad) << "WebSocket not opened:" << connection.socket->errorString();
        handshakeDone();
    }
}

void ConnectionSet::pingSlice()
{
    static const QString ping = QStringLiteral("{\"type\":\"ping\"}");
    const int slice = m_pingTick++ % m_pingSlices;
    for (std::size_t index = std::size_t(slice); index < m_connections.size();
         index += std::size_t(m_pingSlices)) {
        const Connection &connection = m_connections[index];
        if (connection.authenticated && !connection.finished)
            connection.socket->sendTextMessage(ping);
    }
}

QList<ConnectionSpec> ConnectionSet::openConnections() const
{
    QList<ConnectionSpec> open;
    for (const Connection &connection : m_connections) {
        if (connection.authenticated && !connection.finished)
            open.append(connection.spec);
    }
    return open;
}

void ConnectionSet::closeAll()
{
    m_closing = true;
    m_pingTimer.stop();
    // abort(), not close(): tens of thousands of close handshakes would
    // only measure the end of the run.
    for (Connection &connection : m_connections) {
        if (connection.socket) {
            connection.socket->disconnect(this);
            connection.socket->abort();
            delete connection.socket;
            connection.socket = nullptr;
        }
    }
}

} // namespace mana::load
