#include "fakesyncserver.h"

#include <QTcpSocket>

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
{
    m_clock.start();
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QUrl FakeSyncServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void FakeSyncServer::serve(QTcpSocket *socket)
{
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
    QByteArray answer =
        "HTTP/1.1 " + QByteArray::number(m_reply.status) +
        " Canned\r\nContent-Type: " + m_reply.contentType + "\r\n" + m_extraHeaders +
        "Content-Length: " + QByteArray::number(m_reply.body.size()) + "\r\n\r\n" + m_reply.body;
    socket->write(answer);
}

} // namespace mana::synctest
