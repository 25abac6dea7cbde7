#include "notificationsocket.h"

#include "servernotice.h"
#include "synctransport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace mana {

namespace {
constexpr quint64 kMaxMessageBytes = 1024 * 1024;
} // namespace

NotificationSocket::NotificationSocket(const QUrl &serverUrl, const QString &clientId,
                                       Timing timing, QObject *parent)
    : QObject(parent)
    , m_clientId(clientId)
    , m_timing(timing)
{
    m_url = serverUrl;
    m_url.setScheme(serverUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                                 : QStringLiteral("ws"));
    m_url.setPath(serverUrl.path() + QStringLiteral("/ws"));

    // The server's messages are a few hundred bytes; a server (or something
    // posing as one) sending more is closed (1009) instead of filling memory.
    m_socket.setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_socket.setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    m_pingTimer.setInterval(m_timing.pingIntervalMs);
    m_silenceTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_pingTimer, &QTimer::timeout, this,
            [this] { m_socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}")); });
    connect(&m_silenceTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSync) << "no word from the server for" << m_timing.silenceLimitMs
                       << "ms; reconnecting";
        m_socket.abort();
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, &NotificationSocket::open);

    connect(&m_socket, &QWebSocket::connected, this, [this] {
        sendAuth();
        m_silenceTimer.start(m_timing.authTimeoutMs);
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &NotificationSocket::onTextMessage);
    // stateChanged rather than disconnected: a failed connection attempt
    // never was connected, and Qt 6.4 has no errorOccurred on QWebSocket.
    connect(&m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state != QAbstractSocket::UnconnectedState)
            return;
        const bool wasAuthenticated = m_authenticated;
        m_authenticated = false;
        m_unansweredAuthTokens.clear();
        m_pingTimer.stop();
        m_silenceTimer.stop();
        if (wasAuthenticated)
            emit disconnected();
        if (m_running && !m_reconnectTimer.isActive())
            scheduleReconnect();
    });
}

void NotificationSocket::setAccessToken(const QString &token)
{
    if (token == m_accessToken)
        return;
    m_accessToken = token;
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        qCInfo(lcSync) << "re-authenticating the WebSocket with a refreshed token";
        sendAuth();
    }
}

void NotificationSocket::sendAuth()
{
    m_unansweredAuthTokens.append(m_accessToken);
    const QJsonObject auth{{QStringLiteral("type"), QStringLiteral("auth")},
                           {QStringLiteral("token"), m_accessToken},
                           {QStringLiteral("clientId"), m_clientId}};
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
}

void NotificationSocket::start()
{
    m_running = true;
    m_backoffMs = 0;
    open();
}

void NotificationSocket::stop()
{
    m_running = false;
    m_reconnectTimer.stop();
    m_pingTimer.stop();
    m_silenceTimer.stop();
    m_socket.abort();
}

void NotificationSocket::open()
{
    if (!m_running)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("X-Client-Id", m_clientId.toUtf8());
    m_socket.open(request);
    // A connection attempt that hangs counts as silence too.
    m_silenceTimer.start(m_timing.authTimeoutMs);
}

void NotificationSocket::scheduleReconnect()
{
    m_backoffMs = m_backoffMs == 0 ? m_timing.backoffStartMs
                                   : std::min(m_backoffMs * 2, m_timing.backoffMaxMs);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_reconnectTimer.start(std::min(int(m_backoffMs * jitter), m_timing.backoffMaxMs));
}

void NotificationSocket::onTextMessage(const QString &message)
{
    m_silenceTimer.start(m_timing.silenceLimitMs);
    const ServerNotice notice = readServerNotice(message);
    switch (notice.kind) {
    case ServerNotice::Kind::AuthOk:
        if (!m_unansweredAuthTokens.isEmpty())
            m_unansweredAuthTokens.removeFirst();
        if (m_authenticated)
            return; // a repeated auth (refreshed token) took: nothing missed
        m_authenticated = true;
        m_backoffMs = 0;
        m_pingTimer.start();
        emit connected();
        break;
    case ServerNotice::Kind::SyncAvailable:
        emit syncAvailable(notice.appId, notice.tables);
        break;
    case ServerNotice::Kind::Error:
        qCWarning(lcSync).noquote() << "the server refused the WebSocket:" << notice.text;
        // A refusal after an accepted auth (a re-auth failed) closes the
        // socket; the reconnect sends the engine's current token.
        if (!m_authenticated && !m_unansweredAuthTokens.isEmpty())
            emit authenticationFailed(m_unansweredAuthTokens.takeFirst());
        break;
    case ServerNotice::Kind::Pong: // only feeds the silence timer above
    case ServerNotice::Kind::Ignored:
        break;
    }
}

} // namespace mana
