#include "connectionguard.h"

#include "http/httpreply.h"
#include "http/metrics.h"
#include "http/requesthead.h"
#include "serverlog.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace mana::server {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Error";
    }
}

// The whole answer to a refused request; the connection closes after it.
QByteArray refusalAnswer(int status, const QString &code, const QString &message)
{
    const HttpReply reply = HttpReply::error(status, code, message);
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                        "\r\nContent-Type: " + reply.contentType +
                        "\r\nContent-Length: " + QByteArray::number(reply.body.size()) +
                        "\r\nConnection: close\r\n\r\n";
    answer += reply.body;
    return answer;
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, Metrics *metrics)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_metrics(metrics)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::timedOut);
    connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::beforeHttpServerReads);
    connect(socket, &QAbstractSocket::disconnected, &m_timer, &QTimer::stop);
    // The first request's head is due from the moment of connecting.
    m_timer.start(m_limits.headerTimeoutMs);
}

void ConnectionGuard::watchAfterHttpServer()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::afterHttpServerRead);
}

void ConnectionGuard::beforeHttpServerReads()
{
    if (m_state == State::Refused) {
        dropInput();
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    qint64 offset = m_seenButUnread; // where the bytes not seen yet start
    while (offset < available &&
           (m_state == State::Head || m_state == State::Body || m_state == State::Idle)) {
        if (m_state == State::Body) {
            const qint64 bodyBytes = std::min(m_bodyRemaining, available - offset);
            m_bodyRemaining -= bodyBytes;
            offset += bodyBytes;
            if (m_bodyRemaining == 0)
                finishRequest();
            continue;
        }
        if (m_state == State::Idle)
            startHead();
        // Never more than the head may still grow by (and the few bytes
        // that tell where a head at the limit ends).
        const qint64 room = m_limits.maxHeadBytes + 4 - m_head.size();
        const qint64 wanted = std::min(available - offset, room);
        const QByteArray bytes = m_socket->peek(offset + wanted).sliced(offset);
        offset += readHead(bytes);
    }
}

qsizetype ConnectionGuard::readHead(const QByteArray &bytes)
{
    qsizetype used = 0;
    // Empty lines before a request line are allowed (RFC 9112 2.2).
    if (m_head.isEmpty()) {
        while (used < bytes.size() && (bytes[used] == '\r' || bytes[used] == '\n'))
            ++used;
    }
    const qsizetype searchFrom = std::max<qsizetype>(0, m_head.size() - 2);
    const qsizetype headBefore = m_head.size();
    m_head.append(bytes.constData() + used, bytes.size() - used);
    const qsizetype end = findHeadEnd(m_head, searchFrom);
    if (end < 0 || end > m_limits.maxHeadBytes) {
        if (m_head.size() > m_limits.maxHeadBytes)
            refuse(431, QStringLiteral("header_too_large"),
                   QStringLiteral("The request head is larger than %1 bytes.")
                       .arg(m_limits.maxHeadBytes));
        return bytes.size();
    }
    used += end - headBefore;
    m_head.truncate(end);

    RequestHead head;
    HeadRefusal refusal;
    const bool accepted = parseRequestHead(m_head, m_limits, &head, &refusal);
    m_head.clear();
    m_method = head.method;
    if (!accepted) {
        refuse(refusal.status, refusal.code, refusal.message);
        return used;
    }
    m_closeAfterAnswer = head.closeAfterAnswer;
    if (head.upgrade) {
        // QtHttpServer hands the socket to QWebSocketServer, or answers 404
        // and closes; WebSocket frames are not HTTP.
        m_state = State::Upgraded;
        m_timer.stop();
    } else if (head.contentLength > 0) {
        m_state = State::Body;
        m_bodyRemaining = head.contentLength;
        m_timer.start(m_limits.bodyTimeoutMs);
    } else {
        finishRequest();
    }
    return used;
}

void ConnectionGuard::startHead()
{
    m_state = State::Head;
    m_timer.start(m_limits.headerTimeoutMs);
}

void ConnectionGuard::finishRequest()
{
    // HttpFrontend closes the connection after an answer to `Connection:
    // close` (which may come later: Router::addDeferred); what the client
    // sends after such a request is not read as a request.
    m_state = m_closeAfterAnswer ? State::Closing : State::Idle;
    m_timer.start(m_limits.idleTimeoutMs);
}

void ConnectionGuard::afterHttpServerRead()
{
    m_seenButUnread = m_socket->bytesAvailable();
}

void ConnectionGuard::refuse(int status, const QString &code, const QString &message)
{
    static const QList<QByteArray> knownMethods{"GET",    "HEAD",  "POST",   "PUT",
                                                "DELETE", "PATCH", "OPTIONS"};
    const QString method =
        QString::fromLatin1(knownMethods.contains(m_method) ? m_method : QByteArray("UNKNOWN"));
    qCInfo(lcHttp).noquote() << method << "refused" << status << code << "-" << message;
    if (m_metrics)
        m_metrics->recordRequest(method, QStringLiteral("refused"), status, 0);

    m_state = State::Refused;
    // QtHttpServer must not read (and buffer) another byte of this
    // connection; the guard reads and drops what still comes.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGuard::dropInput);
    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGuard::shutDownSendingWhenWritten);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    dropInput();
    m_socket->write(refusalAnswer(status, code, message));
    m_timer.start(m_limits.lingerMs);
}

void ConnectionGuard::dropInput()
{
    m_socket->skip(m_socket->bytesAvailable());
}

void ConnectionGuard::shutDownSendingWhenWritten()
{
    if (m_sendingShutDown || m_socket->bytesToWrite() > 0)
        return;
    // The client sees the end of the answer, finishes reading it and closes;
    // closing the socket now instead would reset the connection if its
    // data was still arriving, and a reset can destroy the unread answer.
    m_sendingShutDown = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void ConnectionGuard::timedOut()
{
    switch (m_state) {
    case State::Head:
        if (m_head.isEmpty()) {
            // Not a byte of a request: nothing to answer.
            m_socket->disconnectFromHost();
            return;
        }
        refuse(408, QStringLiteral("request_timeout"),
               QStringLiteral("The request head did not arrive within %1 ms.")
                   .arg(m_limits.headerTimeoutMs));
        return;
    case State::Body:
        refuse(408, QStringLiteral("request_timeout"),
               QStringLiteral("The request body did not arrive within %1 ms.")
                   .arg(m_limits.bodyTimeoutMs));
        return;
    case State::Idle:
    case State::Closing:
        // A large answer may still be on its way to a slow reader.
        if (m_socket->bytesToWrite() > 0) {
            m_timer.start(m_limits.idleTimeoutMs);
            return;
        }
        m_socket->disconnectFromHost();
        return;
    case State::Refused:
        m_socket->abort();
        return;
    case State::Upgraded:
        return;
    }
}

} // namespace mana::server
