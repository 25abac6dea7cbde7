// A TCP proxy on loopback that breaks the network on command, for the chaos
// test (issue 13): every connection a client makes to it is forwarded to the
// server's port byte for byte, both ways (plain HTTP and the WebSocket
// upgrade alike), until the test says otherwise. What it can do:
// - cut every open connection now (both sides reset, as a dropped route);
// - go offline: either refuse (open connections are cut and the port is
//   closed, so connecting fails with "connection refused") or black-hole
//   (nothing moves on any connection, new ones are accepted and held; when
//   the network comes back the held bytes flow on, as TCP's retransmissions
//   would deliver them);
// - cut the connection that carries the Nth byte from now, after exactly
//   N bytes, so that a request or an answer ends half sent.
// The server may move to another port after a restart: setTargetPort().
#pragma once

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QTcpServer>
#include <QTimer>
#include <QUrl>
#include <optional>

class QTcpSocket;

Q_DECLARE_LOGGING_CATEGORY(lcChaos)

namespace mana::synctest {

class TcpChaosProxy : public QObject
{
    Q_OBJECT
public:
    enum class Outage {
        Refuse,    // cut all, close the port
        BlackHole, // freeze all, hold every new connection unanswered
    };

    struct Stats
    {
        int accepted = 0;     // connections from clients
        int cut = 0;          // connections cut by cutAll() or an outage
        int refusals = 0;     // outages that closed the port
        int held = 0;         // connections accepted while black-holed
        int cutMidStream = 0; // connections cut after N bytes
        qint64 forwarded = 0; // bytes, both ways
    };

    explicit TcpChaosProxy(quint16 targetPort, const QString &name, QObject *parent = nullptr);
    ~TcpChaosProxy() override;

    // Listens on 127.0.0.1 on a free port; false when it cannot.
    bool listen();
    QUrl url() const; // http://127.0.0.1:<port>
    quint16 port() const { return m_port; }
    // The port could not be taken again after a refusing outage.
    bool listenFailed() const { return m_listenFailed; }
    void setTargetPort(quint16 port) { m_targetPort = port; }

    // Resets both sides of every open connection.
    void cutAll();
    // An outage of `durationMs` (0: until heal()); a second outage replaces
    // the first.
    void startOutage(Outage kind, int durationMs = 0);
    // Ends the outage; black-holed connections flow on.
    void heal();
    bool isOffline() const { return m_outage.has_value(); }
    // The connection carrying the byte `bytes` from now (either way) is cut
    // right after it. A second call replaces the first; 0 disarms.
    void cutAfterBytes(qint64 bytes) { m_cutAfter = bytes; }

    int openConnections() const { return int(m_links.size()); }
    Stats stats() const { return m_stats; }
    QString describe() const; // the stats as a line, for logs and messages

private:
    struct Link;
    void onNewConnection();
    void connectUpstream(Link *link);
    // Moves what is readable from one side to the other, unless frozen.
    void pump(Link *link);
    // Forwards `data` from one side to the other; false when the armed cut
    // fell inside it (the link is gone then).
    bool forward(Link *link, QTcpSocket *to, QByteArray data);
    // The side `from` closed: the other side gets what is left, then closes.
    void onClosed(Link *link, QTcpSocket *from);
    void listenAgain();
    void reset(Link *link); // RST both sides, forget the link
    void forget(Link *link);

    QString m_name;
    QTcpServer m_server;
    quint16 m_port = 0; // kept while the port is closed
    bool m_listenFailed = false;
    quint16 m_targetPort;
    QList<Link *> m_links;
    std::optional<Outage> m_outage;
    QTimer m_outageEnd;
    qint64 m_cutAfter = 0;
    Stats m_stats;
};

} // namespace mana::synctest
