// The listening socket of mana-sync. Qt's HTTP client (QNetworkAccessManager)
// leaves Nagle's algorithm on, so the last piece of a large request body
// waits until the server acknowledges what came before, and Linux delays
// that acknowledgement by 40 ms: every push of 1,000 changes took 40 ms
// longer than the server worked on it. This server acknowledges at once.
#pragma once

#include <QTcpServer>

namespace mana::server {

class QuickAckTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override;
};

} // namespace mana::server
