// One upgraded WebSocket connection, read and written on its bare socket
// descriptor (POSIX) with the framing of websocketframes.h. It replaces the
// QWebSocket (and the QTcpSocket under it) once the upgrade is done: an idle
// connection then holds this object, one socket notifier and its shard's
// bookkeeping, instead of two QIODevices with their buffers and a frame
// reader with its timer (docs/server.md, "Lean WebSocket connections").
//
// Lives on one thread (its shard's) and is used only there. Protocol rules
// that are not framing (auth, ping, notices) stay in WebSocketShard.
#pragma once

#include "sync/websocketframes.h"

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace mana::server {

class WebSocketStream final : public QObject
{
    Q_OBJECT
public:
    // Takes over `descriptor`: connected, non-blocking, the 101 answer
    // already sent. `received` holds bytes the client sent after its
    // handshake that were already read from it.
    WebSocketStream(int descriptor, QByteArray received, QObject *parent = nullptr);
    ~WebSocketStream() override;

    // Starts reading, on the thread the stream lives on.
    void start();
    // Sends one text message. Notices are hints: when a client does not
    // read and more than kMaxUnsentBytes wait, the connection is dropped.
    void sendText(QByteArrayView utf8);
    // Starts the closing handshake: sends a close frame; from then on only
    // the client's close frame is read. disconnected() follows when the
    // client answers or goes, or at abort().
    void close(quint16 code, const QString &reason);
    // Sends a close frame if none went yet and closes the descriptor now
    // (shutdown).
    void closeNow(quint16 code, const QString &reason);
    // Closes the descriptor at once.
    void abort();

    bool isOpen() const { return m_descriptor >= 0; }
    bool closeSent() const { return m_closeSent; }
    qsizetype unsentBytes() const { return m_unsent.size(); }

    static constexpr qsizetype kMaxUnsentBytes = 1024 * 1024;
    // Control messages are tiny; anything bigger is not a client of ours.
    static constexpr qsizetype kMaxMessageBytes = 64 * 1024;

signals:
    // A text or binary message, as the bytes that came (text is valid UTF-8).
    void messageReceived(const QByteArray &message);
    // The descriptor is closed; emitted once.
    void disconnected();

private:
    void readAvailable();
    void handleEvents();
    void sendFrame(const QByteArray &frame);
    void writeUnsent();
    void closeDescriptor();

    int m_descriptor;
    QByteArray m_received; // given at construction, read at start()
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr; // made when the kernel first refuses bytes
    QByteArray m_unsent;
    wsframe::FrameReader m_reader{kMaxMessageBytes};
    bool m_closeSent = false;
};

} // namespace mana::server
