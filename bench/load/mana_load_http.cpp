#include "mana_load_http.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace mana::load {

HttpConnectionPool::HttpConnectionPool(const QUrl &server, int maxConnections, QObject *parent)
    : QObject(parent)
    , m_host(server.host())
    , m_port(quint16(server.port(80)))
    , m_hostHeader(QStringLiteral("%1:%2").arg(server.host()).arg(server.port(80)).toLatin1())
    , m_maxConnections(qMax(1, maxConnections))
{}

HttpConnectionPool::~HttpConnectionPool()
{
    for (auto &connection : m_connections) {
        connection->socket->disconnect(this);
        delete connection->socket;
    }
}

void HttpConnectionPool::post(const QByteArray &path, const QByteArray &headers,
                              const QByteArray &body, HttpAnswerHandler onAnswer)
{
    QByteArray bytes;
    bytes.reserve(path.size() + headers.size() + body.size() + 128);
    bytes += "POST " + path + " HTTP/1.1\r\nHost: " + m_hostHeader + "\r\n" + headers +
             "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    Request request{std::move(bytes), std::move(onAnswer)};
    Connection *connection = idleConnection();
    if (!connection)
        connection = openConnection();
    if (connection)
        start(*connection, std::move(request));
    else
        m_waiting.enqueue(std::move(request));
}

HttpConnectionPool::Connection *HttpConnectionPool::idleConnection()
{
    for (auto &connection : m_connections) {
        if (!connection->busy)
            return connection.get();
    }
    return nullptr;
}

HttpConnectionPool::Connection *HttpConnectionPool::openConnection()
{
    if (int(m_connections.size()) >= m_maxConnections)
        return nullptr;
    auto connection = std::make_unique<Connection>();
    Connection *raw = connection.get();
    raw->socket = new QTcpSocket(this);
    raw->socket->setProxy(QNetworkProxy::NoProxy);
    connect(raw->socket, &QTcpSocket::connected, this,
            [raw] { raw->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); });
    connect(raw->socket, &QTcpSocket::readyRead, this, [this, raw] { onReadyRead(*raw); });
    connect(raw->socket, &QTcpSocket::disconnected, this, [this, raw] {
        if (raw->busy)
            finish(*raw, 0, "connection closed before the answer");
        drop(*raw);
    });
    connect(raw->socket, &QTcpSocket::errorOccurred, this, [this, raw] {
        if (raw->socket->state() != QAbstractSocket::UnconnectedState)
            return; // `disconnected` follows
        if (raw->busy)
            finish(*raw, 0, raw->socket->errorString().toUtf8());
        drop(*raw);
    });
    raw->socket->connectToHost(m_host, m_port);
    m_connections.push_back(std::move(connection));
    return raw;
}

void HttpConnectionPool::start(Connection &connection, Request request)
{
    connection.busy = true;
    connection.onAnswer = std::move(request.onAnswer);
    connection.received.clear();
    connection.headEnd = -1;
    connection.contentLength = 0;
    connection.status = 0;
    connection.closeAfter = false;
    // Buffered until the connection is up.
    connection.socket->write(request.bytes);
}

void HttpConnectionPool::onReadyRead(Connection &connection)
{
    connection.received += connection.socket->readAll();
    if (!connection.busy)
        return;
    if (connection.headEnd < 0) {
        const qsizetype end = connection.received.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        connection.headEnd = end + 4;
        const QList<QByteArray> lines = connection.received.left(end).split('\n');
        connection.status = lines.value(0).split(' ').value(1).toInt();
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                connection.contentLength = value.toLongLong();
            else if (name == "connection" && value.toLower() == "close")
                connection.closeAfter = true;
        }
    }
    if (connection.received.size() < connection.headEnd + connection.contentLength)
        return;
    const QByteArray body = connection.received.mid(connection.headEnd, connection.contentLength);
    const bool closeAfter = connection.closeAfter;
    finish(connection, connection.status, body);
    if (connection.busy)
        return; // the answer's handler sent the next request on it
    if (closeAfter) {
        connection.socket->disconnectFromHost();
        return;
    }
    if (!m_waiting.isEmpty())
        start(connection, m_waiting.dequeue());
}

void HttpConnectionPool::finish(Connection &connection, int status, const QByteArray &body)
{
    connection.busy = false;
    HttpAnswerHandler onAnswer = std::move(connection.onAnswer);
    connection.onAnswer = nullptr;
    if (onAnswer)
        onAnswer(status, body);
}

void HttpConnectionPool::drop(Connection &connection)
{
    for (auto it = m_connections.begin(); it != m_connections.end(); ++it) {
        if (it->get() != &connection)
            continue;
        connection.socket->disconnect(this);
        connection.socket->deleteLater();
        m_connections.erase(it);
        break;
    }
    // A request that waited for a free connection gets a new one.
    if (!m_waiting.isEmpty()) {
        if (Connection *fresh = openConnection())
            start(*fresh, m_waiting.dequeue());
    }
}

} // namespace mana::load
