// The WebSocket framing of RFC 6455, server side, without any I/O: what
// mana-sync reads from a client's bytes and what it writes back. The
// connections write and read their descriptors themselves
// (websocketstream.h), so that an idle connection holds a few hundred bytes
// rather than a QWebSocket with its QTcpSocket and their buffers
// (docs/server.md, "Lean WebSocket connections").
//
// Everything a client sends is untrusted: the reader checks what RFC 6455
// requires of a client (masked frames, no reserved bits, known opcodes,
// control frames short and whole, continuation frames in order, text in
// valid UTF-8) and a size limit per message, and reports the first
// violation with the close code that belongs to it. Nothing is buffered
// beyond one message and one frame header.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace mana::server::wsframe {

enum class Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Close codes of RFC 6455, section 7.4.1, that mana-sync sends.
enum CloseCode : quint16 {
    kCloseNormal = 1000,
    kCloseGoingAway = 1001,
    kCloseProtocolError = 1002,
    kCloseUnsupportedData = 1003,
    kCloseNoStatus = 1005, // never on the wire: a close frame without a code
    kCloseInvalidPayload = 1007,
    kClosePolicyViolated = 1008,
    kCloseTooBig = 1009,
};

// What one or more frames amounted to.
struct Event
{
    enum class Kind { Text, Binary, Ping, Pong, Close, Error };
    Kind kind = Kind::Error;
    QByteArray payload;    // the message, ping/pong data, or the close reason (UTF-8)
    quint16 closeCode = 0; // Close: the peer's code (kCloseNoStatus without one);
                           // Error: the code to close with
    QString error;         // Error: what was wrong, for the log
};

class FrameReader
{
public:
    explicit FrameReader(qsizetype maxMessageBytes)
        : m_maxMessageBytes(maxMessageBytes)
    {}

    // Adds bytes read from the client.
    void feed(QByteArrayView bytes);
    // The next complete event, or nullopt until more bytes come. After an
    // Error or a Close nothing more is read: the connection is over.
    std::optional<Event> next();

    bool finished() const { return m_finished; }
    // Bytes held: an unfinished frame plus an unfinished fragmented message.
    qsizetype bufferedBytes() const { return m_input.size() - m_offset + m_message.size(); }

private:
    std::optional<Event> fail(quint16 code, const QString &why);
    void compact();

    const qsizetype m_maxMessageBytes;
    QByteArray m_input; // unread bytes start at m_offset
    qsizetype m_offset = 0;
    QByteArray m_message;                          // the fragments of a message so far
    Opcode m_messageOpcode = Opcode::Continuation; // Continuation: none under way
    bool m_finished = false;
};

// A frame from the server: FIN set, not masked.
QByteArray encodeFrame(Opcode opcode, QByteArrayView payload);
// A close frame with a code and a reason, the reason cut to fit in 123
// bytes on a UTF-8 character boundary.
QByteArray encodeClose(quint16 code, const QString &reason);
// The payload of a close frame: the code (big-endian) and the reason as it
// is (encodeClose cuts it; tests send invalid ones).
QByteArray closePayload(quint16 code, QByteArrayView reason = {});
// A frame as a client sends it (masked with `mask`), for tests and the fuzz
// target. `fin` false starts or continues a fragmented message.
QByteArray encodeClientFrame(Opcode opcode, QByteArrayView payload, quint32 mask, bool fin = true);

// RFC 3629 UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool isValidUtf8(QByteArrayView bytes);

} // namespace mana::server::wsframe
