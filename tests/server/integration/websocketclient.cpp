#include "websocketclient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTimer>

namespace mana::servertest {

WebSocketClient::WebSocketClient()
{
    m_socket.setProxy(QNetworkProxy::NoProxy);
    QObject::connect(
        &m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
            if (error.error == QJsonParseError::NoError && document.isObject())
                m_queue.append(document.object());
            else
                m_queue.append({{"type", "<not json>"}, {"raw", text}});
        });
}

WebSocketClient::~WebSocketClient()
{
    m_socket.abort();
}

template<typename Predicate> bool WebSocketClient::waitUntil(Predicate done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer tick; // re-checks the predicate; signals alone may race the loop start
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QObject::connect(
        &m_socket, &QWebSocket::textMessageReceived, &loop,
        [&] {
            if (done())
                loop.quit();
        },
        Qt::QueuedConnection);
    QObject::connect(
        &m_socket, &QWebSocket::stateChanged, &loop,
        [&] {
            if (done())
                loop.quit();
        },
        Qt::QueuedConnection);
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start(20);
    deadline.start(timeoutMs);
    loop.exec();
    return done();
}

bool WebSocketClient::open(const QUrl &url, int timeoutMs, const QString &clientIdHeader)
{
    m_queue.clear();
    QNetworkRequest request(url);
    if (!clientIdHeader.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-Client-Id"), clientIdHeader.toUtf8());
    m_socket.open(request);
    const bool opened = waitUntil(
        [this] {
            return m_socket.state() == QAbstractSocket::ConnectedState ||
                   m_socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    return opened && m_socket.state() == QAbstractSocket::ConnectedState;
}

void WebSocketClient::close()
{
    m_socket.close();
    waitForDisconnected(2000);
}

bool WebSocketClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool WebSocketClient::waitForDisconnected(int timeoutMs)
{
    return waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                     timeoutMs);
}

void WebSocketClient::sendJson(const QJsonObject &message)
{
    m_socket.sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void WebSocketClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

std::optional<QJsonObject> WebSocketClient::authenticate(const QString &accessToken,
                                                         const QString &clientId, int timeoutMs)
{
    QJsonObject message{{"type", "auth"}, {"token", accessToken}};
    if (!clientId.isEmpty())
        message.insert("clientId", clientId);
    sendJson(message);
    return nextMessage(timeoutMs);
}

bool WebSocketClient::connectAndAuthenticate(const QUrl &url, const QString &accessToken,
                                             const QString &clientId)
{
    if (!open(url)) {
        qWarning("cannot open %s: %s", qPrintable(url.toString()), qPrintable(errorString()));
        return false;
    }
    const auto answer = authenticate(accessToken, clientId);
    if (!answer || answer->value("type").toString() != QLatin1String("auth-ok")) {
        qWarning("auth answer: %s",
                 answer ? QJsonDocument(*answer).toJson(QJsonDocument::Compact).constData()
                        : "none");
        return false;
    }
    return true;
}

std::optional<QJsonObject> WebSocketClient::nextMessage(int timeoutMs)
{
    if (!waitUntil([this] { return !m_queue.isEmpty(); }, timeoutMs))
        return std::nullopt;
    return m_queue.takeFirst();
}

std::optional<QJsonObject> WebSocketClient::nextMessageOfType(const QString &type, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const auto message = nextMessage(int(qMax<qint64>(0, deadline.remainingTime())));
        if (!message)
            return std::nullopt;
        if (message->value("type").toString() == type)
            return message;
    }
}

QList<QJsonObject> WebSocketClient::collectFor(int durationMs)
{
    waitUntil([] { return false; }, durationMs);
    QList<QJsonObject> messages;
    messages.swap(m_queue);
    return messages;
}

QString describeMessages(const QList<QJsonObject> &messages)
{
    QStringList lines;
    for (const QJsonObject &message : messages)
        lines += QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
    return lines.join(QLatin1Char('\n'));
}

} // namespace mana::servertest
