#include "httpfrontend.h"

#include "http/connectionguard.h"
#include "serverlog.h"
#include "wire/change.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <algorithm>
#include <memory>

namespace mana::server {

namespace {

bool isWebSocketUpgrade(const QHttpServerRequest &request)
{
    return request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0;
}

// `Connection: close` (a list of options, any case): answer, then close.
bool asksToClose(const QHttpServerRequest &request)
{
    const auto headers = request.headers();
    for (const auto &[name, value] : headers) {
        if (name.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &option : value.split(',')) {
            if (option.trimmed().compare("close", Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

HttpFrontend::HttpFrontend(const Router &router, Metrics &metrics, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_metrics(metrics)
{}

void HttpFrontend::stopListening()
{
    const auto tcpServers = servers();
    for (QTcpServer *server : tcpServers)
        server->close();
}

bool HttpFrontend::hasUnsentAnswers() const
{
    const auto sockets = findChildren<QTcpSocket *>();
    for (const QTcpSocket *socket : sockets) {
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0)
            return true;
    }
    return m_deferredAnswersPending > 0;
}

QTcpSocket *HttpFrontend::releaseWebSocketTransport(const QWebSocket &webSocket)
{
    m_upgrades.removeIf([](const QPointer<QTcpSocket> &socket) { return socket.isNull(); });
    if (webSocket.state() != QAbstractSocket::ConnectedState)
        return nullptr;
    // Qt does not say which connection a QWebSocket wraps, but the
    // QWebSocket reports its connection's addresses, and those of two open
    // connections differ.
    const auto matches = [&webSocket](const QPointer<QTcpSocket> &socket) {
        return socket->state() == QAbstractSocket::ConnectedState &&
               socket->peerPort() == webSocket.peerPort() &&
               socket->localPort() == webSocket.localPort() &&
               socket->peerAddress() == webSocket.peerAddress() &&
               socket->localAddress() == webSocket.localAddress();
    };
    const auto found = std::find_if(m_upgrades.begin(), m_upgrades.end(), matches);
    if (found == m_upgrades.end()) {
        qCWarning(lcHttp) << "no TCP connection found under an upgraded WebSocket";
        return nullptr;
    }
    QTcpSocket *socket = found->data();
    m_upgrades.erase(found);
    // The guard has nothing left to watch (it stepped aside at the upgrade)
    // and must not stay behind on this thread.
    delete socket->findChild<ConnectionGuard *>(QString(), Qt::FindDirectChildrenOnly);
    // Qt's handler deletes the socket on disconnect from this thread (its
    // QWebSocketServer lives here); the QWebSocket owns it from now on.
    QObject::disconnect(socket, &QAbstractSocket::disconnected, nullptr, nullptr);
    socket->setParent(nullptr);
    return socket;
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const QString path = request.url().path();

    if (isWebSocketUpgrade(request)) {
        const bool accepted = acceptsWebSocketPath && acceptsWebSocketPath(path);
        if (accepted) {
            m_upgrades.append(QPointer<QTcpSocket>(socket));
            logRequest(request,
                       path == QLatin1String("/ws") ? QStringLiteral("/ws")
                                                    : QStringLiteral("/ws/{appId}"),
                       101, timer.nsecsElapsed(), QString());
        }
        // Not accepted: Qt calls missingHandler, which answers 404.
        return accepted;
    }

    HttpReply reply;
    QString route = QStringLiteral("unmatched");
    const Router::Match match = m_router.match(request.method(), path);
    if (match.status != 404)
        route = match.pattern;
    if (request.body().size() > wire::kMaxBodyBytes) {
        reply = HttpReply::error(
            413, QStringLiteral("payload_too_large"),
            QStringLiteral("The request body is larger than %1 bytes.").arg(wire::kMaxBodyBytes));
    } else if (match.status == 404) {
        reply = HttpReply::error(404, QStringLiteral("not_found"),
                                 QStringLiteral("No route for %1.").arg(path));
    } else if (match.status == 405) {
        reply = HttpReply::error(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 does not accept %2.")
                .arg(match.pattern, QString::fromLatin1(Router::methodName(request.method()))));
        reply.headers.append({QByteArrayLiteral("Allow"), match.allow});
    } else if (match.deferredHandler) {
        answerLater(request, socket, *match.deferredHandler, match.parameters, route);
        return true;
    } else {
        reply = (*match.handler)(request, match.parameters);
    }
    writeReply(request, socket, reply);
    logRequest(request, route, reply.status, timer.nsecsElapsed(), reply.userId);
    return true;
}

void HttpFrontend::answerLater(const QHttpServerRequest &request, QTcpSocket *socket,
                               const DeferredRouteHandler &handler, const QStringList &parameters,
                               const QString &route)
{
    // Qt 6.4 keeps one QHttpServerRequest per connection and deletes it with
    // the socket, so while the socket lives the reference stays valid.
    QElapsedTimer timer;
    timer.start();
    ++m_deferredAnswersPending;
    const QPointer<HttpFrontend> frontend(this);
    const QPointer<QTcpSocket> connection(socket);
    const QHttpServerRequest *requestOfConnection = &request;
    auto answered = std::make_shared<bool>(false);
    handler(request, parameters,
            [frontend, connection, requestOfConnection, route, timer,
             answered](const HttpReply &reply) {
                if (!frontend || *answered)
                    return;
                *answered = true;
                --frontend->m_deferredAnswersPending;
                if (!connection || connection->state() != QAbstractSocket::ConnectedState) {
                    qCInfo(lcHttp).noquote() << route << "client left before the answer";
                    return;
                }
                frontend->writeReply(*requestOfConnection, connection, reply);
                frontend->logRequest(*requestOfConnection, route, reply.status,
                                     timer.nsecsElapsed(), reply.userId);
            });
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpReply reply =
        HttpReply::error(404, QStringLiteral("not_found"),
                         QStringLiteral("No WebSocket endpoint at %1.").arg(request.url().path()));
    writeReply(request, socket, reply);
    logRequest(request, QStringLiteral("unmatched"), 404, 0, QString());
}

void HttpFrontend::writeReply(const QHttpServerRequest &request, QTcpSocket *socket,
                              const HttpReply &reply)
{
    const auto status = QHttpServerResponder::StatusCode(reply.status);
    QHttpServerResponse response = reply.contentType.isEmpty()
                                       ? QHttpServerResponse(status)
                                       : QHttpServerResponse(reply.contentType, reply.body, status);
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    const bool close = asksToClose(request);
    if (close)
        response.addHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
    response.write(makeResponder(request, socket));
    // Qt 6.4 keeps the connection open whatever the client asked; the
    // answer is in the socket's buffer and leaves before the close.
    if (close)
        socket->disconnectFromHost();
}

void HttpFrontend::logRequest(const QHttpServerRequest &request, const QString &route, int status,
                              qint64 elapsedNanoseconds, const QString &userId)
{
    const double seconds = double(elapsedNanoseconds) / 1e9;
    const QString method = QString::fromLatin1(Router::methodName(request.method()));
    m_metrics.recordRequest(method, route, status, seconds);
    qCInfo(lcHttp).noquote() << method << route << status
                             << QString::number(seconds * 1000.0, 'f', 1) + QStringLiteral("ms")
                             << (userId.isEmpty() ? QStringLiteral("-") : userId);
}

} // namespace mana::server
