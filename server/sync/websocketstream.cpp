#include "websocketstream.h"

#include "serverlog.h"

#include <QSocketNotifier>

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

namespace mana::server {

namespace {

// One read takes at most this much: a client of ours sends a few hundred
// bytes at a time, and the descriptor stays readable for the rest.
constexpr qsizetype kReadChunkBytes = 16 * 1024;

#ifdef MSG_NOSIGNAL
constexpr int kSendFlags = MSG_NOSIGNAL;
#else
constexpr int kSendFlags = 0; // SO_NOSIGPIPE is set on the descriptor instead
#endif

} // namespace

WebSocketStream::WebSocketStream(int descriptor, QByteArray received, QObject *parent)
    : QObject(parent)
    , m_descriptor(descriptor)
    , m_received(std::move(received))
{
#if !defined(MSG_NOSIGNAL) && defined(SO_NOSIGPIPE)
    const int on = 1;
    ::setsockopt(m_descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
}

WebSocketStream::~WebSocketStream()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

void WebSocketStream::start()
{
    if (m_descriptor < 0 || m_readNotifier)
        return;
    m_readNotifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &WebSocketStream::readAvailable);
    if (!m_received.isEmpty()) {
        m_reader.feed(std::exchange(m_received, QByteArray()));
        handleEvents();
    }
}

void WebSocketStream::readAvailable()
{
    if (m_descriptor < 0)
        return;
    char buffer[kReadChunkBytes];
    qsizetype got = -1;
    do {
        got = ::read(m_descriptor, buffer, sizeof buffer);
    } while (got < 0 && errno == EINTR);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return;
    if (got <= 0) {
        // The client went (0), or the connection broke.
        if (got < 0)
            qCDebug(lcWs) << "read failed:" << qt_error_string(errno);
        closeDescriptor();
        return;
    }
    m_reader.feed(QByteArrayView(buffer, got));
    handleEvents();
}

void WebSocketStream::handleEvents()
{
    while (m_descriptor >= 0) {
        std::optional<wsframe::Event> event = m_reader.next();
        if (!event)
            return;
        switch (event->kind) {
        case wsframe::Event::Kind::Text:
        case wsframe::Event::Kind::Binary:
            // After our close frame only the client's close frame counts.
            if (!m_closeSent)
                emit messageReceived(event->payload);
            break;
        case wsframe::Event::Kind::Ping:
            if (!m_closeSent)
                sendFrame(wsframe::encodeFrame(wsframe::Opcode::Pong, event->payload));
            break;
        case wsframe::Event::Kind::Pong:
            break;
        case wsframe::Event::Kind::Close:
            // The closing handshake: answered with the client's own code
            // (an empty close frame to one without a code), then the
            // server closes the TCP connection first (RFC 6455 7.1.1).
            if (!m_closeSent) {
                m_closeSent = true;
                sendFrame(event->closeCode == wsframe::kCloseNoStatus
                              ? wsframe::encodeFrame(wsframe::Opcode::Close, {})
                              : wsframe::encodeClose(event->closeCode, QString()));
            }
            closeDescriptor();
            return;
        case wsframe::Event::Kind::Error:
            qCInfo(lcWs).noquote() << "closing a connection for a framing error:" << event->error;
            if (!m_closeSent) {
                m_closeSent = true;
                sendFrame(wsframe::encodeClose(event->closeCode, event->error));
            }
            closeDescriptor();
            return;
        }
    }
}

void WebSocketStream::sendText(QByteArrayView utf8)
{
    if (m_closeSent)
        return;
    sendFrame(wsframe::encodeFrame(wsframe::Opcode::Text, utf8));
}

void WebSocketStream::close(quint16 code, const QString &reason)
{
    if (m_descriptor < 0 || m_closeSent)
        return;
    m_closeSent = true;
    sendFrame(wsframe::encodeClose(code, reason));
}

void WebSocketStream::closeNow(quint16 code, const QString &reason)
{
    close(code, reason);
    closeDescriptor();
}

void WebSocketStream::abort()
{
    closeDescriptor();
}

void WebSocketStream::sendFrame(const QByteArray &frame)
{
    if (m_descriptor < 0)
        return;
    qsizetype sent = 0;
    if (m_unsent.isEmpty()) {
        // Straight to the kernel: the usual case, and no buffer is kept.
        do {
            sent = ::send(m_descriptor, frame.constData(), size_t(frame.size()), kSendFlags);
        } while (sent < 0 && errno == EINTR);
        if (sent == frame.size())
            return;
        if (sent < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                qCDebug(lcWs) << "write failed:" << qt_error_string(errno);
                closeDescriptor();
                return;
            }
            sent = 0;
        }
    }
    m_unsent.append(frame.constData() + sent, frame.size() - sent);
    if (m_unsent.size() > kMaxUnsentBytes) {
        qCInfo(lcWs) << "closing a connection that does not read:" << m_unsent.size()
                     << "bytes unsent";
        closeDescriptor();
        return;
    }
    if (!m_writeNotifier) {
        m_writeNotifier = new QSocketNotifier(m_descriptor, QSocketNotifier::Write, this);
        connect(m_writeNotifier, &QSocketNotifier::activated, this, &WebSocketStream::writeUnsent);
    }
    m_writeNotifier->setEnabled(true);
}

void WebSocketStream::writeUnsent()
{
    if (m_descriptor < 0)
        return;
    qsizetype sent = -1;
    do {
        sent = ::send(m_descriptor, m_unsent.constData(), size_t(m_unsent.size()), kSendFlags);
    } while (sent < 0 && errno == EINTR);
    if (sent < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        qCDebug(lcWs) << "write failed:" << qt_error_string(errno);
        closeDescriptor();
        return;
    }
    m_unsent.remove(0, sent);
    if (m_unsent.isEmpty()) {
        m_unsent = QByteArray(); // its memory too
        m_writeNotifier->setEnabled(false);
    }
}

void WebSocketStream::closeDescriptor()
{
    if (m_descriptor < 0)
        return;
    // The notifiers leave the event loop before the descriptor closes,
    // whose number the kernel may hand to the next connection at once. They
    // are deleted later: this may run inside one of their signals.
    for (QSocketNotifier *notifier : {m_readNotifier, m_writeNotifier}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    // Whatever the client still sent is read first: closing a socket with
    // unread data makes the kernel reset the connection, and the client
    // might then lose our close frame.
    char buffer[4096];
    for (int i = 0; i < 16 && ::read(m_descriptor, buffer, sizeof buffer) > 0; ++i) {
    }
    ::close(m_descriptor);
    m_descriptor = -1;
    m_unsent = QByteArray();
    emit disconnected();
}

} // namespace mana::server
