// The HTTP side of mana-sync: a QAbstractHttpServer that dispatches through
// our Router, enforces the body limit, writes every HttpReply, and writes
// the one log line and the metrics of each request. WebSocket upgrades to an
// accepted path are left to QAbstractHttpServer::newWebSocketConnection
// (answering nothing is what makes Qt 6.4 hand the socket over).
#pragma once

#include "http/metrics.h"
#include "http/router.h"

#include <QAbstractHttpServer>
#include <QList>
#include <QPointer>
#include <functional>

class QWebSocket;

namespace mana::server {

class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    HttpFrontend(const Router &router, Metrics &metrics, QObject *parent = nullptr);

    std::function<bool(const QString &path)> acceptsWebSocketPath;

    // Shutdown: no new connections; answers already written keep flowing.
    void stopListening();
    // True while some connection still has answer bytes to send.
    bool hasUnsentAnswers() const;

    // The TCP connection under a QWebSocket that nextPendingWebSocketConnection
    // gave, or null when that socket is no longer connected. Qt 6.4 leaves it
    // a child of the listening socket, connected to handlers on this thread
    // (Qt's QWebSocketServer deletes it on disconnect; the ConnectionGuard
    // watches it): this detaches it from all that (no parent, no guard, no
    // disconnect handlers), so that it can move to another thread with its
    // QWebSocket (WebSocketHub::adopt), which then owns it.
    QTcpSocket *releaseWebSocketTransport(const QWebSocket &webSocket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // Deferred replies (Router::addDeferred), e.g. auth routes whose password
    // hash runs on a worker thread.
    void answerLater(const QHttpServerRequest &request, QTcpSocket *socket,
                     const DeferredRouteHandler &handler, const QStringList &parameters,
                     const QString &route);
    int m_deferredAnswersPending = 0;

    void writeReply(const QHttpServerRequest &request, QTcpSocket *socket, const HttpReply &reply);
    void logRequest(const QHttpServerRequest &request, const QString &route, int status,
                    qint64 elapsedNanoseconds, const QString &userId);

    const Router &m_router;
    Metrics &m_metrics;
    // Connections whose upgrade handleRequest accepted, until their
    // QWebSocket is released (a null entry: it closed before that).
    QList<QPointer<QTcpSocket>> m_upgrades;
};

} // namespace mana::server
