#include "websocketframes.h"

#include <QtEndian>

namespace mana::server::wsframe {

namespace {

constexpr quint8 kFinBit = 0x80;
constexpr quint8 kReservedBits = 0x70;
constexpr quint8 kOpcodeBits = 0x0F;
constexpr quint8 kMaskBit = 0x80;
constexpr quint8 kLengthBits = 0x7F;
constexpr quint8 kLength16 = 126;
constexpr quint8 kLength64 = 127;
constexpr qsizetype kMaxControlPayload = 125;
constexpr qsizetype kMaxCloseReasonBytes = kMaxControlPayload - 2;
// Consumed input is moved out of the buffer once this much has gathered
// (and always when all of it was read, which is the usual case).
constexpr qsizetype kCompactAfterBytes = 4096;

bool isKnownOpcode(quint8 opcode)
{
    switch (Opcode(opcode)) {
    case Opcode::Continuation:
    case Opcode::Text:
    case Opcode::Binary:
    case Opcode::Close:
    case Opcode::Ping:
    case Opcode::Pong:
        return true;
    }
    return false;
}

bool isControl(Opcode opcode)
{
    return (quint8(opcode) & 0x08) != 0;
}

// Codes a peer may send (RFC 6455 7.4.1 and 7.4.2, and the IANA registry's
// 1012-1014); 1004-1006 and 1015 are reserved and never sent.
bool isValidReceivedCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
           (code >= 3000 && code <= 4999);
}

void appendHeader(QByteArray &frame, quint8 first, quint8 maskBit, quint64 length)
{
    frame.append(char(first));
    if (length <= kMaxControlPayload) {
        frame.append(char(maskBit | quint8(length)));
    } else if (length <= 0xFFFF) {
        frame.append(char(maskBit | kLength16));
        uchar bytes[2];
        qToBigEndian(quint16(length), bytes);
        frame.append(reinterpret_cast<const char *>(bytes), 2);
    } else {
        frame.append(char(maskBit | kLength64));
        uchar bytes[8];
        qToBigEndian(length, bytes);
        frame.append(reinterpret_cast<const char *>(bytes), 8);
    }
}

} // namespace

void FrameReader::feed(QByteArrayView bytes)
{
    if (m_finished || bytes.isEmpty())
        return;
    m_input.append(bytes.data(), bytes.size());
}

std::optional<Event> FrameReader::fail(quint16 code, const QString &why)
{
    m_finished = true;
    m_input = QByteArray();
    m_message = QByteArray();
    m_offset = 0;
    Event event;
    event.kind = Event::Kind::Error;
    event.closeCode = code;
    event.error = why;
    return event;
}

void FrameReader::compact()
{
    if (m_offset == m_input.size()) {
        // All read: give the memory back, an idle connection holds none.
        m_input = QByteArray();
        m_offset = 0;
    } else if (m_offset >= kCompactAfterBytes) {
        m_input.remove(0, m_offset);
        m_offset = 0;
    }
}

std::optional<Event> FrameReader::next()
{
    while (!m_finished) {
        const qsizetype available = m_input.size() - m_offset;
        const auto *data = reinterpret_cast<const uchar *>(m_input.constData()) + m_offset;
        if (available < 2) {
            compact();
            return std::nullopt;
        }
        const bool fin = (data[0] & kFinBit) != 0;
        const quint8 opcodeBits = data[0] & kOpcodeBits;
        if ((data[0] & kReservedBits) != 0)
            return fail(kCloseProtocolError, QStringLiteral("reserved bits set"));
        if (!isKnownOpcode(opcodeBits))
            return fail(kCloseProtocolError, QStringLiteral("unknown opcode %1").arg(opcodeBits));
        const auto opcode = Opcode(opcodeBits);
        if ((data[1] & kMaskBit) == 0)
            return fail(kCloseProtocolError, QStringLiteral("unmasked frame from a client"));
        const quint8 shortLength = data[1] & kLengthBits;
        if (isControl(opcode)) {
            if (!fin)
                return fail(kCloseProtocolError, QStringLiteral("fragmented control frame"));
            if (shortLength > kMaxControlPayload)
                return fail(kCloseProtocolError, QStringLiteral("control frame over 125 bytes"));
        }
        qsizetype headerBytes = 2 + 4;
        if (shortLength == kLength16)
            headerBytes += 2;
        else if (shortLength == kLength64)
            headerBytes += 8;
        if (available < headerBytes) {
            compact();
            return std::nullopt;
        }
        quint64 length = shortLength;
        if (shortLength == kLength16) {
            length = qFromBigEndian<quint16>(data + 2);
        } else if (shortLength == kLength64) {
            length = qFromBigEndian<quint64>(data + 2);
            if (length >> 63)
                return fail(kCloseProtocolError, QStringLiteral("frame length over 2^63"));
        }
        // Refused on the header, before any of the payload is kept.
        if (length > quint64(m_maxMessageBytes) ||
            quint64(m_message.size()) + length > quint64(m_maxMessageBytes))
            return fail(kCloseTooBig,
                        QStringLiteral("message over %1 bytes").arg(m_maxMessageBytes));
        if (quint64(available - headerBytes) < length) {
            compact();
            return std::nullopt;
        }
        const uchar *mask = data + headerBytes - 4;
        QByteArray payload(reinterpret_cast<const char *>(data + headerBytes), qsizetype(length));
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload.at(i) ^ mask[i % 4]);
        m_offset += headerBytes + qsizetype(length);

        Event event;
        switch (opcode) {
        case Opcode::Ping:
            event.kind = Event::Kind::Ping;
            event.payload = payload;
            compact();
            return event;
        case Opcode::Pong:
            event.kind = Event::Kind::Pong;
            event.payload = payload;
            compact();
            return event;
        case Opcode::Close: {
            if (payload.size() == 1)
                return fail(kCloseProtocolError, QStringLiteral("close frame with one byte"));
            event.kind = Event::Kind::Close;
            event.closeCode = kCloseNoStatus;
            if (payload.size() >= 2) {
                event.closeCode =
                    qFromBigEndian<quint16>(reinterpret_cast<const uchar *>(payload.constData()));
                if (!isValidReceivedCloseCode(event.closeCode))
                    return fail(kCloseProtocolError,
                                QStringLiteral("close code %1").arg(event.closeCode));
                event.payload = payload.mid(2);
                if (!isValidUtf8(event.payload))
                    return fail(kCloseInvalidPayload, QStringLiteral("close reason not in UTF-8"));
            }
            m_finished = true;
            m_input = QByteArray();
            m_message = QByteArray();
            m_offset = 0;
            return event;
        }
        case Opcode::Continuation:
            if (m_messageOpcode == Opcode::Continuation)
                return fail(kCloseProtocolError,
                            QStringLiteral("continuation frame without a message"));
            m_message.append(payload);
            if (!fin)
                continue;
            payload = std::exchange(m_message, QByteArray());
            event.kind = m_messageOpcode == Opcode::Text ? Event::Kind::Text : Event::Kind::Binary;
            m_messageOpcode = Opcode::Continuation;
            break;
        case Opcode::Text:
        case Opcode::Binary:
            if (m_messageOpcode != Opcode::Continuation)
                return fail(kCloseProtocolError,
                            QStringLiteral("a new message inside a fragmented one"));
            if (!fin) {
                m_messageOpcode = opcode;
                m_message = payload;
                continue;
            }
            event.kind = opcode == Opcode::Text ? Event::Kind::Text : Event::Kind::Binary;
            break;
        }
        if (event.kind == Event::Kind::Text && !isValidUtf8(payload))
            return fail(kCloseInvalidPayload, QStringLiteral("text message not in UTF-8"));
        event.payload = payload;
        compact();
        return event;
    }
    return std::nullopt;
}

QByteArray encodeFrame(Opcode opcode, QByteArrayView payload)
{
    QByteArray frame;
    frame.reserve(payload.size() + 10);
    appendHeader(frame, kFinBit | quint8(opcode), 0, quint64(payload.size()));
    frame.append(payload.data(), payload.size());
    return frame;
}

QByteArray closePayload(quint16 code, QByteArrayView reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(code, payload.data());
    payload.append(reason.data(), reason.size());
    return payload;
}

QByteArray encodeClose(quint16 code, const QString &reason)
{
    QByteArray text = reason.toUtf8();
    if (text.size() > kMaxCloseReasonBytes) {
        qsizetype cut = kMaxCloseReasonBytes;
        // Not inside a character: back over its continuation bytes.
        while (cut > 0 && (quint8(text.at(cut)) & 0xC0) == 0x80)
            --cut;
        text.truncate(cut);
    }
    return encodeFrame(Opcode::Close, closePayload(code, text));
}

QByteArray encodeClientFrame(Opcode opcode, QByteArrayView payload, quint32 mask, bool fin)
{
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    appendHeader(frame, (fin ? kFinBit : 0) | quint8(opcode), kMaskBit, quint64(payload.size()));
    uchar maskBytes[4];
    qToBigEndian(mask, maskBytes);
    frame.append(reinterpret_cast<const char *>(maskBytes), 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(quint8(payload.at(i)) ^ maskBytes[i % 4]));
    return frame;
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int continuation = 0;
        char32_t codePoint = 0;
        char32_t smallest = 0;
        if ((lead & 0xE0) == 0xC0) {
            continuation = 1;
            codePoint = lead & 0x1F;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            continuation = 2;
            codePoint = lead & 0x0F;
            smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            continuation = 3;
            codePoint = lead & 0x07;
            smallest = 0x10000;
        } else {
            return false; // a continuation byte first, or 0xF8..0xFF
        }
        if (size - i <= continuation)
            return false;
        for (int k = 1; k <= continuation; ++k) {
            const uchar next = data[i + k];
            if ((next & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < smallest || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return false;
        i += continuation + 1;
    }
    return true;
}

} // namespace mana::server::wsframe
