#include "quickacktcpserver.h"

#include "http/connectionguard.h"
#include "serverlog.h"

#include <QTcpSocket>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace mana::server {

namespace {

// Linux leaves quick-ACK mode on its own after a while, so it is set again
// whenever data arrived.
void acknowledgeAtOnce(qintptr descriptor)
{
#ifdef TCP_QUICKACK
    const int on = 1;
    ::setsockopt(int(descriptor), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#else
    Q_UNUSED(descriptor);
#endif
}

} // namespace

QuickAckTcpServer::QuickAckTcpServer(const HttpLimits &limits, Metrics *metrics, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_metrics(metrics)
{}

void QuickAckTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Answers and WebSocket notices leave without waiting either.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    acknowledgeAtOnce(descriptor);
    connect(socket, &QTcpSocket::readyRead, socket,
            [descriptor] { acknowledgeAtOnce(descriptor); });
    auto *guard = new ConnectionGuard(socket, m_limits, m_metrics);
    addPendingConnection(socket);
    // Qt 6.4's QAbstractHttpServer takes the socket, and connects its
    // readyRead slot, within addPendingConnection (pendingConnectionAvailable).
    // Should a Qt take it on newConnection instead, the guard's second look
    // is connected on that signal, after QAbstractHttpServer's slot.
    if (!hasPendingConnections()) {
        guard->watchAfterHttpServer();
    } else {
        qCDebug(lcHttp) << "connection not taken at once; guard waits for newConnection";
        connect(this, &QTcpServer::newConnection, guard, &ConnectionGuard::watchAfterHttpServer,
                Qt::SingleShotConnection);
    }
}

} // namespace mana::server
