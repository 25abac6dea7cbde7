#include "quickacktcpserver.h"

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
    addPendingConnection(socket);
}

} // namespace mana::server
