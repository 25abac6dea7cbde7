// The listening socket of mana-sync. Qt's HTTP client (QNetworkAccessManager)
// leaves Nagle's algorithm on, so the last piece of a large request body
// waits until the server acknowledges what came before, and Linux delays
// that acknowledgement by 40 ms: every push of 1,000 changes took 40 ms
// longer than the server worked on it. This server acknowledges at once.
// It also puts a ConnectionGuard on every connection before QtHttpServer
// gets it (limits and timeouts of HttpLimits).
#pragma once

#include "http/httplimits.h"

#include <QTcpServer>

namespace mana::server {

class Metrics;

class QuickAckTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    explicit QuickAckTcpServer(const HttpLimits &limits, Metrics *metrics,
                               QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpLimits m_limits;
    Metrics *m_metrics;
};

} // namespace mana::server
