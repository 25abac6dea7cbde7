#include "tcpchaosproxy.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QThread>

#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcChaos, "mana.synctest.chaos")

namespace mana::synctest {

namespace {

// Closes with a reset instead of a FIN (SO_LINGER 0), as a route that went
// away looks to both ends: the peer gets ECONNRESET, not an orderly end.
void resetSocket(QTcpSocket *socket)
{
    if (!socket)
        return;
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor != -1) {
        const linger hard{1, 0};
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    socket->abort();
    socket->deleteLater();
}

} // namespace

struct TcpChaosProxy::Link
{
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr; // null while held by a black hole
    bool upstreamConnected = false;
};

TcpChaosProxy::TcpChaosProxy(quint16 targetPort, const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_targetPort(targetPort)
{
    m_outageEnd.setSingleShot(true);
    connect(&m_outageEnd, &QTimer::timeout, this, &TcpChaosProxy::heal);
    connect(&m_server, &QTcpServer::newConnection, this, &TcpChaosProxy::onNewConnection);
}

TcpChaosProxy::~TcpChaosProxy()
{
    const QList<Link *> links = m_links;
    for (Link *link : links)
        reset(link);
}

bool TcpChaosProxy::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

QUrl TcpChaosProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString TcpChaosProxy::describe() const
{
    return QStringLiteral("proxy %1: %2 connections, %3 cut, %4 outages (refusing), %5 held, %6 "
                          "cut mid-stream, %7 bytes")
        .arg(m_name)
        .arg(m_stats.accepted)
        .arg(m_stats.cut)
        .arg(m_stats.refusals)
        .arg(m_stats.held)
        .arg(m_stats.cutMidStream)
        .arg(m_stats.forwarded);
}

void TcpChaosProxy::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        ++m_stats.accepted;
        auto *link = new Link{client};
        m_links.append(link);
        connect(client, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
        connect(client, &QTcpSocket::disconnected, this,
                [this, link] { onClosed(link, link->client); });
        if (m_outage == Outage::BlackHole) {
            ++m_stats.held; // connected upstream when the outage ends
            continue;
        }
        connectUpstream(link);
    }
}

void TcpChaosProxy::connectUpstream(Link *link)
{
    link->upstream = new QTcpSocket(this);
    QTcpSocket *upstream = link->upstream;
    connect(upstream, &QTcpSocket::connected, this, [this, link] {
        link->upstreamConnected = true;
        pump(link);
    });
    connect(upstream, &QTcpSocket::readyRead, this, [this, link] { pump(link); });
    connect(upstream, &QTcpSocket::disconnected, this,
            [this, link] { onClosed(link, link->upstream); });
    connect(upstream, &QTcpSocket::errorOccurred, this, [this, link] {
        // Refused or unreachable (the server is down): the client's
        // connection is closed, as a TCP load balancer does without a
        // backend. Closed, not reset: a reset that lands while Qt is still
        // making the connection sends Qt 6.4 into a busy reconnect loop
        // (docs/sync-engine.md, "Chaos test"). Errors of a connected socket
        // end in disconnected().
        if (link->upstreamConnected)
            return;
        QTcpSocket *client = link->client;
        forget(link);
        client->disconnectFromHost();
        delete link;
    });
    upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
}

void TcpChaosProxy::pump(Link *link)
{
    if (m_outage == Outage::BlackHole || !link->upstreamConnected)
        return; // the client's bytes wait in its socket
    if (!forward(link, link->upstream, link->client->readAll()))
        return;
    forward(link, link->client, link->upstream->readAll());
}

bool TcpChaosProxy::forward(Link *link, QTcpSocket *to, QByteArray data)
{
    if (data.isEmpty())
        return true;
    if (m_cutAfter > 0 && data.size() >= m_cutAfter) {
        // Exactly N bytes go through, then both sides end in an orderly way,
        // so the peer really sees half a request or half an answer (a reset
        // could discard what it has not read yet).
        to->write(data.left(m_cutAfter));
        m_stats.forwarded += m_cutAfter;
        m_cutAfter = 0;
        ++m_stats.cutMidStream;
        qCDebug(lcChaos).noquote() << m_name << "cut mid-stream";
        forget(link);
        link->client->disconnectFromHost();
        link->upstream->disconnectFromHost();
        delete link;
        return false;
    }
    if (m_cutAfter > 0)
        m_cutAfter -= data.size();
    to->write(data);
    m_stats.forwarded += data.size();
    return true;
}

void TcpChaosProxy::onClosed(Link *link, QTcpSocket *from)
{
    if (m_outage == Outage::BlackHole || !link->upstreamConnected) {
        // Nothing moves during a black hole: what was in flight is lost.
        reset(link);
        return;
    }
    // What the closing side sent last still goes through, then the other
    // side closes too (flushing what it was given).
    QTcpSocket *other = from == link->client ? link->upstream : link->client;
    if (!forward(link, other, from->readAll()))
        return;
    forget(link);
    other->disconnectFromHost();
    delete link;
}

void TcpChaosProxy::cutAll()
{
    const QList<Link *> links = m_links;
    m_stats.cut += int(links.size());
    for (Link *link : links)
        reset(link);
}

void TcpChaosProxy::startOutage(Outage kind, int durationMs)
{
    if (m_outage == Outage::Refuse && kind != Outage::Refuse)
        listenAgain();
    if (kind == Outage::Refuse) {
        ++m_stats.refusals;
        cutAll();
        // A closed port: connecting fails at once with "connection
        // refused", as with a server that is down on a reachable host.
        m_server.close();
    }
    m_outage = kind;
    qCDebug(lcChaos).noquote() << m_name << "offline"
                               << (kind == Outage::Refuse ? "(refusing)" : "(black hole)")
                               << durationMs << "ms";
    if (durationMs > 0)
        m_outageEnd.start(durationMs);
    else
        m_outageEnd.stop();
}

void TcpChaosProxy::heal()
{
    m_outageEnd.stop();
    if (!m_outage)
        return;
    if (m_outage == Outage::Refuse)
        listenAgain();
    m_outage.reset();
    qCDebug(lcChaos).noquote() << m_name << "online";
    const QList<Link *> links = m_links;
    for (Link *link : links) {
        if (!m_links.contains(link))
            continue; // cut by an earlier link's bytes
        if (!link->upstream)
            connectUpstream(link);
        else
            pump(link);
    }
}

void TcpChaosProxy::listenAgain()
{
    // The same port, so the clients' URL stays valid. It was ours a moment
    // ago; another process taking it in between is not expected on
    // loopback, but is reported rather than ignored.
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (m_server.listen(QHostAddress::LocalHost, m_port))
            return;
        QThread::msleep(20);
    }
    qCCritical(lcChaos).noquote() << m_name << "cannot listen on port" << m_port
                                  << "again:" << m_server.errorString();
    m_listenFailed = true;
}

void TcpChaosProxy::reset(Link *link)
{
    forget(link);
    resetSocket(link->client);
    resetSocket(link->upstream);
    delete link;
}

// Takes the link out of the list and its sockets off our slots; the sockets
// delete themselves once closed.
void TcpChaosProxy::forget(Link *link)
{
    m_links.removeOne(link);
    for (QTcpSocket *socket : {link->client, link->upstream}) {
        if (!socket)
            continue;
        disconnect(socket, nullptr, this, nullptr);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
    }
}

} // namespace mana::synctest
