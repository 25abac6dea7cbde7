#include "fakesyncserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QWebSocket>

#include <memory>

namespace mana::synctest {

QByteArray cannedInsertPage(int count, const QByteArray &idPrefix, bool hasMore,
                            const QByteArray &syncedUntil)
{
    QByteArray page = R"({"serverChanges":[)";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            page += ',';
        const QByteArray n = QByteArray::number(i);
        page += R"({"table":"tasks","id":")" + idPrefix + n +
                R"(","op":"insert","data":{"title":"Task )" + n +
                R"(","priority":"low","createdAt":"2026-01-01T00:00:00.000Z",)"
                R"("updatedAt":"2026-01-01T00:00:00.000Z"}})";
    }
    page += R"(],"conflicts":[],"syncedUntil":")" + syncedUntil + '"';
    if (hasMore)
        page += R"(,"hasMore":true)";
    return page + '}';
}

FakeSyncServer::FakeSyncServer()
    : m_webSockets(QStringLiteral("fake mana-sync"), QWebSocketServer::NonSecureMode)
{
    m_clock.start();
    connect(&m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_webSockets.nextPendingConnection())
            onWebSocket(socket);
    });
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

FakeSyncServer::~FakeSyncServer()
{
    // The WebSockets are children, deleted after the members; their
    // disconnected() handlers use m_sockets, so they go first.
    const auto sockets = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        delete socket;
    }
}

QUrl FakeSyncServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FakeSyncServer::setReplyFor(const QByteArray &pathPrefix, const Reply &reply)
{
    for (auto &[prefix, existing] : m_pathReplies) {
        if (prefix == pathPrefix) {
            existing = reply;
            return;
        }
    }
    m_pathReplies.append({pathPrefix, reply});
}

int FakeSyncServer::countRequests(const QByteArray &lineStart) const
{
    return int(std::count_if(m_requestLines.cbegin(), m_requestLines.cend(),
                             [&](const QByteArray &line) { return line.startsWith(lineStart); }));
}

void FakeSyncServer::serve(QTcpSocket *socket)
{
    if (m_webSocketEnabled && !socket->property("buffer").isValid()) {
        // An upgrade goes to the WebSocket server unread (peek, not read):
        // it takes the socket, handshake included.
        const QByteArray start = socket->peek(7);
        if (start.size() < 7)
            return;
        if (start == "GET /ws") {
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            m_webSockets.handleConnection(socket);
            return;
        }
    }
    // Reads one whole request (headers and Content-Length body) per call.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        socket->setProperty("buffer", buffer);
        return;
    }
    const QByteArray head = buffer.left(headerEnd);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    socket->setProperty("buffer", buffer.mid(headerEnd + 4 + length));
    const QByteArray requestLine = head.left(head.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    const QByteArray path = parts.value(1);
    if (path.startsWith("/ws")) {
        // No WebSocket here: the engine must live with that.
        socket->write(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found");
        socket->disconnectFromHost();
        return;
    }
    m_requestLines.append(parts.value(0) + ' ' +
                          path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?')));
    m_requestBodies.append(buffer.mid(headerEnd + 4, length));
    m_requestTimes.append(m_clock.elapsed());
    Reply reply = m_reply;
    for (const auto &[prefix, pathReply] : std::as_const(m_pathReplies)) {
        if (path.startsWith(prefix)) {
            reply = pathReply;
            break;
        }
    }
    answer(socket, reply);
}

void FakeSyncServer::answer(QTcpSocket *socket, const Reply &reply)
{
    using Form = Reply::Form;
    const QByteArray statusLine = "HTTP/1.1 " + QByteArray::number(reply.status) +
                                  " Canned\r\nContent-Type: " + reply.contentType + "\r\n" +
                                  m_extraHeaders;
    switch (reply.form) {
    case Form::Whole:
        socket->write(statusLine + "Content-Length: " + QByteArray::number(reply.body.size()) +
                      "\r\n\r\n" + reply.body);
        return;
    case Form::Stall:
        return; // the client waits; the connection stays open
    case Form::DeclaredOnly:
        socket->write(statusLine + "Content-Length: " + QByteArray::number(reply.length) +
                      "\r\n\r\n" + reply.body);
        return;
    case Form::Chunked:
        socket->write(statusLine + "Transfer-Encoding: chunked\r\n\r\n");
        stream(socket, reply);
        return;
    case Form::UntilClose:
        socket->write(statusLine + "Connection: close\r\n\r\n");
        stream(socket, reply);
        return;
    }
}

void FakeSyncServer::stream(QTcpSocket *socket, const Reply &reply)
{
    // Written as the client takes it (never more than 256 KiB waiting in
    // this process), until `length` bytes or the client hangs up.
    constexpr qint64 kWaitingAtMost = 256 * 1024;
    QByteArray piece = reply.body.isEmpty() ? QByteArray(" ") : reply.body;
    while (piece.size() < 64 * 1024)
        piece += piece;
    const bool chunked = reply.form == Reply::Form::Chunked;
    auto sent = std::make_shared<qint64>(0);
    auto more = [this, socket, piece, chunked, sent, length = reply.length] {
        if (*sent >= length || socket->state() != QAbstractSocket::ConnectedState)
            return;
        while (socket->bytesToWrite() < kWaitingAtMost && *sent < length) {
            const QByteArray data =
                piece.left(qsizetype(std::min<qint64>(piece.size(), length - *sent)));
            socket->write(chunked ? QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n"
                                  : data);
            *sent += data.size();
            m_bytesStreamed += data.size();
        }
        if (*sent < length)
            return;
        ++m_streamsEnded;
        if (chunked)
            socket->write("0\r\n\r\n");
        else
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, more);
    more();
}

void FakeSyncServer::onWebSocket(QWebSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) {
        const QString type =
            QJsonDocument::fromJson(text.toUtf8()).object().value(QLatin1String("type")).toString();
        if (type == QLatin1String("auth")) {
            if (!m_sockets.contains(socket))
                m_sockets.append(socket);
            socket->sendTextMessage(QStringLiteral(R"({"type":"auth-ok"})"));
        } else if (type == QLatin1String("ping")) {
            socket->sendTextMessage(QStringLiteral(R"({"type":"pong"})"));
        }
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_sockets.removeAll(socket);
        socket->deleteLater();
    });
}

void FakeSyncServer::sendNotice(const QString &appId, const QStringList &tables)
{
    const QJsonObject notice{{QStringLiteral("type"), QStringLiteral("sync-available")},
                             {QStringLiteral("appId"), appId},
                             {QStringLiteral("tables"), QJsonArray::fromStringList(tables)}};
    const QString text = QString::fromUtf8(QJsonDocument(notice).toJson(QJsonDocument::Compact));
    for (QWebSocket *socket : std::as_const(m_sockets))
        socket->sendTextMessage(text);
}

} // namespace mana::synctest
