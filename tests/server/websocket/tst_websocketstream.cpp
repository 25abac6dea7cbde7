// A WebSocket connection over a bare socket descriptor
// (server/sync/websocketstream.*), with the test as the client at the other
// end of a real socket pair: messages both ways, pings, both closing
// handshakes, framing errors, bytes read before the take-over, and a
// client that stops reading.
#include "sync/websocketframes.h"
#include "sync/websocketstream.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>
#include <QtEndian>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace mana::server;
using namespace mana::server::wsframe;

namespace {

constexpr quint32 kMask = 0x0badf00d;

struct ServerFrame
{
    quint8 opcode = 0;
    QByteArray payload;
};

// The client's end: writes masked frames, reads the server's frames.
class ClientEnd
{
public:
    explicit ClientEnd(int descriptor)
        : m_descriptor(descriptor)
    {}
    ~ClientEnd() { closeEnd(); }

    void send(const QByteArray &bytes)
    {
        QCOMPARE(::write(m_descriptor, bytes.constData(), size_t(bytes.size())),
                 ssize_t(bytes.size()));
    }
    // Runs the event loop until a whole frame from the server is here.
    std::optional<ServerFrame> nextFrame(int timeoutMs = 3000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            if (auto frame = takeFrame())
                return frame;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            readSome();
        }
        return takeFrame();
    }
    // True once the server closed its end (EOF), running the event loop.
    bool waitForEnd(int timeoutMs = 3000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            if (readSome() == 0)
                return true;
        }
        return false;
    }
    void closeEnd()
    {
        if (m_descriptor >= 0)
            ::close(m_descriptor);
        m_descriptor = -1;
    }
    int descriptor() const { return m_descriptor; }

private:
    // Bytes read now: -1 when none are waiting, 0 at the end.
    qsizetype readSome()
    {
        pollfd waiting{m_descriptor, POLLIN, 0};
        if (::poll(&waiting, 1, 0) <= 0)
            return -1;
        char buffer[65536];
        const qsizetype got = ::read(m_descriptor, buffer, sizeof buffer);
        if (got > 0)
            m_input.append(buffer, got);
        return got;
    }
    std::optional<ServerFrame> takeFrame()
    {
        if (m_input.size() < 2)
            return std::nullopt;
        const auto *data = reinterpret_cast<const uchar *>(m_input.constData());
        if (data[1] & 0x80) {
            qWarning("the server masked a frame");
            return std::nullopt;
        }
        qsizetype header = 2;
        quint64 length = data[1] & 0x7f;
        if (length == 126) {
            if (m_input.size() < 4)
                return std::nullopt;
            length = qFromBigEndian<quint16>(data + 2);
            header = 4;
        } else if (length == 127) {
            if (m_input.size() < 10)
                return std::nullopt;
            length = qFromBigEndian<quint64>(data + 2);
            header = 10;
        }
        if (quint64(m_input.size() - header) < length)
            return std::nullopt;
        ServerFrame frame{quint8(data[0] & 0x0f), m_input.mid(header, qsizetype(length))};
        m_input.remove(0, header + qsizetype(length));
        return frame;
    }

    int m_descriptor;
    QByteArray m_input;
};

struct Pair
{
    WebSocketStream *stream = nullptr;
    std::unique_ptr<ClientEnd> client;
};

Pair makePair(QObject *owner, const QByteArray &received = {})
{
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends) != 0)
        qFatal("socketpair failed");
    Pair pair;
    pair.stream = new WebSocketStream(ends[0], received, owner);
    pair.client = std::make_unique<ClientEnd>(ends[1]);
    pair.stream->start();
    return pair;
}

} // namespace

class TestWebSocketStream : public QObject
{
    Q_OBJECT
private slots:
    void init() { m_owner = std::make_unique<QObject>(); }
    void cleanup() { m_owner.reset(); }

    void messagesArriveAndTextGoesOut();
    void bytesReadBeforeTheTakeOverComeFirst();
    void pingIsAnsweredWithPong();
    void clientsCloseIsAnsweredThenTheConnectionEnds_data();
    void clientsCloseIsAnsweredThenTheConnectionEnds();
    void ourCloseWaitsForTheClientsAnswer();
    void framingErrorClosesWithItsCode_data();
    void framingErrorClosesWithItsCode();
    void clientGoingAwayDisconnects();
    void slowReaderGetsEverythingInOrder();
    void clientThatNeverReadsIsDropped();
    void closeNowSendsGoingAway();

private:
    std::unique_ptr<QObject> m_owner;
};

void TestWebSocketStream::messagesArriveAndTextGoesOut()
{
    Pair pair = makePair(m_owner.get());
    QSignalSpy messages(pair.stream, &WebSocketStream::messageReceived);
    pair.client->send(encodeClientFrame(Opcode::Text, R"({"type":"auth"})", kMask) +
                      encodeClientFrame(Opcode::Binary, "bin", kMask));
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).at(0).toByteArray(), QByteArray(R"({"type":"auth"})"));
    QCOMPARE(messages.at(1).at(0).toByteArray(), QByteArray("bin"));

    pair.stream->sendText(R"({"type":"auth-ok"})");
    const auto frame = pair.client->nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, quint8(Opcode::Text));
    QCOMPARE(frame->payload, QByteArray(R"({"type":"auth-ok"})"));
    QCOMPARE(pair.stream->unsentBytes(), 0);
}

void TestWebSocketStream::bytesReadBeforeTheTakeOverComeFirst()
{
    int ends[2];
    QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends), 0);
    ClientEnd client(ends[1]);
    // The QTcpSocket had read "first" and half of "second" before the
    // take-over; the rest of "second" comes on the descriptor.
    const QByteArray second = encodeClientFrame(Opcode::Text, "second", kMask);
    auto *stream = new WebSocketStream(
        ends[0], encodeClientFrame(Opcode::Text, "first", kMask) + second.left(4), m_owner.get());
    QSignalSpy messages(stream, &WebSocketStream::messageReceived);
    stream->start();
    QCOMPARE(messages.size(), 1);
    client.send(second.mid(4));
    QTRY_COMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).at(0).toByteArray(), QByteArray("first"));
    QCOMPARE(messages.at(1).at(0).toByteArray(), QByteArray("second"));
}

void TestWebSocketStream::pingIsAnsweredWithPong()
{
    Pair pair = makePair(m_owner.get());
    pair.client->send(encodeClientFrame(Opcode::Ping, "are you there", kMask));
    const auto frame = pair.client->nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, quint8(Opcode::Pong));
    QCOMPARE(frame->payload, QByteArray("are you there"));
}

void TestWebSocketStream::clientsCloseIsAnsweredThenTheConnectionEnds_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("with a code") << closePayload(1000, "bye") << closePayload(1000);
    QTest::newRow("without a code") << QByteArray() << QByteArray();
}

void TestWebSocketStream::clientsCloseIsAnsweredThenTheConnectionEnds()
{
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, answer);
    Pair pair = makePair(m_owner.get());
    QSignalSpy disconnected(pair.stream, &WebSocketStream::disconnected);
    pair.client->send(encodeClientFrame(Opcode::Close, payload, kMask));
    const auto frame = pair.client->nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, quint8(Opcode::Close));
    QCOMPARE(frame->payload, answer);
    QVERIFY(pair.client->waitForEnd());
    QCOMPARE(disconnected.size(), 1);
    QVERIFY(!pair.stream->isOpen());
}

void TestWebSocketStream::ourCloseWaitsForTheClientsAnswer()
{
    Pair pair = makePair(m_owner.get());
    QSignalSpy messages(pair.stream, &WebSocketStream::messageReceived);
    QSignalSpy disconnected(pair.stream, &WebSocketStream::disconnected);
    pair.stream->close(kClosePolicyViolated, QStringLiteral("invalid token"));
    const auto frame = pair.client->nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, quint8(Opcode::Close));
    QCOMPARE(frame->payload, closePayload(1008, "invalid token"));
    // Still open for the answer; messages meanwhile are not passed on, and
    // nothing more is sent.
    pair.client->send(encodeClientFrame(Opcode::Text, "late", kMask));
    pair.stream->sendText("not sent");
    QTest::qWait(50);
    QVERIFY(pair.stream->isOpen());
    QCOMPARE(messages.size(), 0);
    pair.client->send(encodeClientFrame(Opcode::Close, closePayload(1008), kMask));
    QTRY_COMPARE(disconnected.size(), 1);
    QVERIFY(pair.client->waitForEnd());
    QVERIFY(!pair.client->nextFrame(100)); // no second close frame, no "not sent"
}

void TestWebSocketStream::framingErrorClosesWithItsCode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::newRow("unmasked") << encodeFrame(Opcode::Text, "hi") << 1002;
    QTest::newRow("text not UTF-8") << encodeClientFrame(Opcode::Text, "\xff", kMask) << 1007;
    QTest::newRow("message over 64 KiB")
        << encodeClientFrame(Opcode::Binary, QByteArray(64 * 1024 + 1, 'x'), kMask) << 1009;
}

void TestWebSocketStream::framingErrorClosesWithItsCode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    Pair pair = makePair(m_owner.get());
    QSignalSpy disconnected(pair.stream, &WebSocketStream::disconnected);
    pair.client->send(bytes);
    const auto frame = pair.client->nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->opcode, quint8(Opcode::Close));
    QCOMPARE(int(qFromBigEndian<quint16>(frame->payload.constData())), code);
    QVERIFY(pair.client->waitForEnd());
    QCOMPARE(disconnected.size(), 1);
}

void TestWebSocketStream::clientGoingAwayDisconnects()
{
    Pair pair = makePair(m_owner.get());
    QSignalSpy disconnected(pair.stream, &WebSocketStream::disconnected);
    pair.client->closeEnd();
    QTRY_COMPARE(disconnected.size(), 1);
    QVERIFY(!pair.stream->isOpen());
}

void TestWebSocketStream::slowReaderGetsEverythingInOrder()
{
    Pair pair = makePair(m_owner.get());
    const int small = 4096;
    ::setsockopt(pair.client->descriptor(), SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    // 300 messages of 1 KiB: more than the socket holds, so part waits in
    // the stream until the client reads.
    for (int i = 0; i < 300; ++i)
        pair.stream->sendText(QByteArray::number(i).rightJustified(1024, '.'));
    QVERIFY(pair.stream->unsentBytes() > 0);
    for (int i = 0; i < 300; ++i) {
        const auto frame = pair.client->nextFrame();
        QVERIFY2(frame, qPrintable(QStringLiteral("message %1 missing").arg(i)));
        QCOMPARE(frame->payload, QByteArray::number(i).rightJustified(1024, '.'));
    }
    QTRY_COMPARE(pair.stream->unsentBytes(), 0);
    QVERIFY(pair.stream->isOpen());
}

void TestWebSocketStream::clientThatNeverReadsIsDropped()
{
    Pair pair = makePair(m_owner.get());
    QSignalSpy disconnected(pair.stream, &WebSocketStream::disconnected);
    const QByteArray notice(8 * 1024, 'n');
    for (int i = 0; i < 1000 && pair.stream->isOpen(); ++i)
        pair.stream->sendText(notice);
    QVERIFY(!pair.stream->isOpen());
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(pair.stream->unsentBytes(), 0); // the memory went with it
}

void TestWebSocketStream::closeNowSendsGoingAway()
{
    Pair pair = makePair(m_owner.get());
    pair.stream->closeNow(kCloseGoingAway, QStringLiteral("server shutdown"));
    QVERIFY(!pair.stream->isOpen());
    const auto frame = pair.client->nextFrame();
    QVERIFY(frame);
    QCOMPARE(frame->payload, closePayload(1001, "server shutdown"));
    QVERIFY(pair.client->waitForEnd());
}

QTEST_GUILESS_MAIN(TestWebSocketStream)
#include "tst_websocketstream.moc"
