// Watches one HTTP connection of mana-sync in front of QtHttpServer 6.4,
// which buffers a whole request (however large its Content-Length) before
// anyone can look at it, waits forever for a slow client, ignores
// `Connection: close` and drops a request it cannot parse without a word.
//
// The guard reads every request head itself (requesthead.h) and counts the
// body bytes, on the same socket and in the same readyRead as Qt: its slot is
// connected before Qt's, peeks at the bytes Qt has not read yet, and a second
// slot connected after Qt's notes what Qt left unread. A head it refuses is
// answered here (PROTOCOL.md error body, `Connection: close`); Qt then never
// sees another byte of that connection: what still arrives is read and
// dropped until the client has the answer, then the connection is closed.
// It also enforces the header, body and idle timeouts of HttpLimits.
#pragma once

#include "http/httplimits.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace mana::server {

class Metrics;

class ConnectionGuard final : public QObject
{
    Q_OBJECT
public:
    // Becomes a child of `socket` and connects its first look at readyRead;
    // create it before the socket is handed to QAbstractHttpServer.
    ConnectionGuard(QTcpSocket *socket, const HttpLimits &limits, Metrics *metrics);

    // Connects the second look; call it once QAbstractHttpServer has
    // connected its own readyRead slot.
    void watchAfterHttpServer();

private:
    enum class State {
        Head,     // reading a request head (header timeout)
        Body,     // counting body bytes (body timeout)
        Idle,     // between requests (idle timeout)
        Upgraded, // a WebSocket now: no longer HTTP, nothing to watch
        Closing,  // the last request was read; HttpFrontend closes after its answer
        Refused,  // answered here; dropping input until closed
    };

    void beforeHttpServerReads();
    void afterHttpServerRead();
    // Reads the head bytes in `bytes`; returns how many belonged to it.
    qsizetype readHead(const QByteArray &bytes);
    void startHead();
    void finishRequest();
    void refuse(int status, const QString &code, const QString &message);
    void dropInput();
    void shutDownSendingWhenWritten();
    void timedOut();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    Metrics *m_metrics;
    QTimer m_timer;
    State m_state = State::Head;
    QByteArray m_head;          // the head read so far
    QByteArray m_method;        // of the current request, for the log line
    qint64 m_bodyRemaining = 0; // body bytes still to come
    // Bytes the guard has read already that Qt left in the socket's buffer
    // (the start of a next request that came with the end of this one).
    qint64 m_seenButUnread = 0;
    bool m_closeAfterAnswer = false;
    bool m_sendingShutDown = false;
};

} // namespace mana::server
