// The WebSocket framing of mana-sync against RFC 6455: what a client may
// send, what it may not (and the close code for each), fragmentation, the
// size limit, and UTF-8 (RFC 3629).
#include "sync/websocketframes.h"

#include <QTest>

using namespace mana::server::wsframe;

namespace {

constexpr quint32 kMask = 0x37fa213d;
using Kind = Event::Kind;

QList<Event> readEvents(const QByteArray &bytes, qsizetype limit = 1024)
{
    FrameReader reader(limit);
    reader.feed(bytes);
    QList<Event> events;
    while (auto event = reader.next())
        events.append(*event);
    return events;
}

} // namespace

class TestWebSocketFrames : public QObject
{
    Q_OBJECT
private slots:
    void clientFramesAreRead_data();
    void clientFramesAreRead();
    void violationsCloseWithTheirCode_data();
    void violationsCloseWithTheirCode();
    void bytesMayComeInAnyPieces();
    void nothingIsReadAfterClose();
    void idleReaderHoldsNoMemory();
    void serverFramesAreUnmaskedWithMinimalLength_data();
    void serverFramesAreUnmaskedWithMinimalLength();
    void closeReasonIsCutOnACharacter();
    void utf8_data();
    void utf8();
};

void TestWebSocketFrames::clientFramesAreRead_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("closeCode");
    const QByteArray json = R"({"type":"ping"})";
    QTest::newRow("text") << encodeClientFrame(Opcode::Text, json, kMask) << int(Kind::Text) << json
                          << 0;
    QTest::newRow("empty text") << encodeClientFrame(Opcode::Text, {}, kMask) << int(Kind::Text)
                                << QByteArray() << 0;
    QTest::newRow("binary, 16-bit length")
        << encodeClientFrame(Opcode::Binary, QByteArray(300, 'b'), kMask) << int(Kind::Binary)
        << QByteArray(300, 'b') << 0;
    QTest::newRow("text in three fragments")
        << encodeClientFrame(Opcode::Text, "{\"type\"", kMask, false) +
               encodeClientFrame(Opcode::Continuation, ":\"pi", kMask, false) +
               encodeClientFrame(Opcode::Continuation, "ng\"}", kMask)
        << int(Kind::Text) << json << 0;
    QTest::newRow("a character split between fragments")
        << encodeClientFrame(Opcode::Text, "gr\xc3", kMask, false) +
               encodeClientFrame(Opcode::Continuation, "\xbc\xc3\xbc", kMask)
        << int(Kind::Text) << QByteArray("gr\xc3\xbc\xc3\xbc") << 0;
    QTest::newRow("ping") << encodeClientFrame(Opcode::Ping, "hello", kMask) << int(Kind::Ping)
                          << QByteArray("hello") << 0;
    QTest::newRow("pong") << encodeClientFrame(Opcode::Pong, {}, kMask) << int(Kind::Pong)
                          << QByteArray() << 0;
    QTest::newRow("close with code and reason")
        << encodeClientFrame(Opcode::Close, closePayload(1000, "tschüß"), kMask) << int(Kind::Close)
        << QByteArray("tschüß") << 1000;
    QTest::newRow("close without a code")
        << encodeClientFrame(Opcode::Close, {}, kMask) << int(Kind::Close) << QByteArray()
        << int(kCloseNoStatus);
    QTest::newRow("close with an application code")
        << encodeClientFrame(Opcode::Close, closePayload(4001), kMask) << int(Kind::Close)
        << QByteArray() << 4001;
}

void TestWebSocketFrames::clientFramesAreRead()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);
    QFETCH(QByteArray, payload);
    QFETCH(int, closeCode);
    const QList<Event> events = readEvents(bytes);
    QCOMPARE(events.size(), 1);
    QCOMPARE(int(events.first().kind), kind);
    QCOMPARE(events.first().payload, payload);
    QCOMPARE(int(events.first().closeCode), closeCode);
}

void TestWebSocketFrames::violationsCloseWithTheirCode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("closeCode");
    QByteArray unmasked = encodeFrame(Opcode::Text, "hi");
    QTest::newRow("unmasked") << unmasked << int(kCloseProtocolError);
    QByteArray reserved = encodeClientFrame(Opcode::Text, "hi", kMask);
    reserved[0] = char(reserved.at(0) | 0x40);
    QTest::newRow("reserved bit (no extension was agreed)") << reserved << int(kCloseProtocolError);
    QByteArray unknown = encodeClientFrame(Opcode::Text, "hi", kMask);
    unknown[0] = char(0x80 | 0x3);
    QTest::newRow("unknown opcode") << unknown << int(kCloseProtocolError);
    QTest::newRow("fragmented ping")
        << encodeClientFrame(Opcode::Ping, "x", kMask, false) << int(kCloseProtocolError);
    QTest::newRow("ping over 125 bytes")
        << encodeClientFrame(Opcode::Ping, QByteArray(126, 'p'), kMask) << int(kCloseProtocolError);
    QTest::newRow("continuation without a message")
        << encodeClientFrame(Opcode::Continuation, "x", kMask) << int(kCloseProtocolError);
    QTest::newRow("new message inside a fragmented one")
        << encodeClientFrame(Opcode::Text, "a", kMask, false) +
               encodeClientFrame(Opcode::Text, "b", kMask)
        << int(kCloseProtocolError);
    QTest::newRow("close with one byte")
        << encodeClientFrame(Opcode::Close, "x", kMask) << int(kCloseProtocolError);
    QTest::newRow("close with a reserved code")
        << encodeClientFrame(Opcode::Close, closePayload(1005), kMask) << int(kCloseProtocolError);
    QTest::newRow("close code below 1000")
        << encodeClientFrame(Opcode::Close, closePayload(999), kMask) << int(kCloseProtocolError);
    QTest::newRow("close reason not UTF-8")
        << encodeClientFrame(Opcode::Close, closePayload(1000, "\xff"), kMask)
        << int(kCloseInvalidPayload);
    QTest::newRow("text not UTF-8")
        << encodeClientFrame(Opcode::Text, "\xc0\xaf", kMask) << int(kCloseInvalidPayload);
    QTest::newRow("message over the limit")
        << encodeClientFrame(Opcode::Binary, QByteArray(1025, 'x'), kMask) << int(kCloseTooBig);
    QTest::newRow("fragments over the limit together")
        << encodeClientFrame(Opcode::Binary, QByteArray(600, 'x'), kMask, false) +
               encodeClientFrame(Opcode::Continuation, QByteArray(600, 'x'), kMask)
        << int(kCloseTooBig);
    // Refused on the header: the 8 EiB payload is never waited for.
    QByteArray huge("\x82\xff\x7f\xff\xff\xff\xff\xff\xff\xff", 10);
    QTest::newRow("64-bit length, announced only")
        << huge + QByteArray(4, '\0') << int(kCloseTooBig);
    QByteArray topBit("\x82\xff\x80\x00\x00\x00\x00\x00\x00\x01", 10);
    QTest::newRow("64-bit length with the top bit")
        << topBit + QByteArray(4, '\0') << int(kCloseProtocolError);
}

void TestWebSocketFrames::violationsCloseWithTheirCode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, closeCode);
    FrameReader reader(1024);
    reader.feed(bytes);
    std::optional<Event> event = reader.next();
    QVERIFY(event);
    QCOMPARE(int(event->kind), int(Kind::Error));
    QCOMPARE(int(event->closeCode), closeCode);
    QVERIFY(!event->error.isEmpty());
    QVERIFY(reader.finished());
    QCOMPARE(reader.bufferedBytes(), 0);
    reader.feed(encodeClientFrame(Opcode::Text, "more", kMask));
    QVERIFY(!reader.next());
}

void TestWebSocketFrames::bytesMayComeInAnyPieces()
{
    const QByteArray stream = encodeClientFrame(Opcode::Text, R"({"type":"auth"})", kMask) +
                              encodeClientFrame(Opcode::Ping, "p", kMask) +
                              encodeClientFrame(Opcode::Binary, QByteArray(70'000, 'z'), kMask) +
                              encodeClientFrame(Opcode::Text, "fr", kMask, false) +
                              encodeClientFrame(Opcode::Continuation, "ag", kMask) +
                              encodeClientFrame(Opcode::Close, closePayload(1001), kMask);
    for (const qsizetype piece : {qsizetype(1), qsizetype(3), qsizetype(7), qsizetype(4096)}) {
        FrameReader reader(100'000);
        QList<Event> events;
        for (qsizetype at = 0; at < stream.size(); at += piece) {
            reader.feed(stream.mid(at, piece));
            while (auto event = reader.next())
                events.append(*event);
        }
        QCOMPARE(events.size(), 5);
        QCOMPARE(events.at(0).payload, QByteArray(R"({"type":"auth"})"));
        QCOMPARE(int(events.at(1).kind), int(Kind::Ping));
        QCOMPARE(events.at(2).payload.size(), 70'000);
        QCOMPARE(events.at(3).payload, QByteArray("frag"));
        QCOMPARE(int(events.at(4).kind), int(Kind::Close));
        QCOMPARE(int(events.at(4).closeCode), 1001);
    }
}

void TestWebSocketFrames::nothingIsReadAfterClose()
{
    const QList<Event> events =
        readEvents(encodeClientFrame(Opcode::Close, {}, kMask) +
                   encodeClientFrame(Opcode::Text, "after the close", kMask));
    QCOMPARE(events.size(), 1);
    QCOMPARE(int(events.first().kind), int(Kind::Close));
}

void TestWebSocketFrames::idleReaderHoldsNoMemory()
{
    FrameReader reader(1024);
    reader.feed(encodeClientFrame(Opcode::Text, QByteArray(800, 'a'), kMask));
    QVERIFY(reader.next());
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), 0);
    // Half a frame is kept until the rest comes.
    const QByteArray frame = encodeClientFrame(Opcode::Text, "hello", kMask);
    reader.feed(frame.left(5));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), 5);
    reader.feed(frame.mid(5));
    QCOMPARE(reader.next()->payload, QByteArray("hello"));
    QVERIFY(!reader.next());
    QCOMPARE(reader.bufferedBytes(), 0);
}

void TestWebSocketFrames::serverFramesAreUnmaskedWithMinimalLength_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("0") << 0 << QByteArray("\x81\x00", 2);
    QTest::newRow("125") << 125 << QByteArray("\x81\x7d", 2);
    QTest::newRow("126") << 126 << QByteArray("\x81\x7e\x00\x7e", 4);
    QTest::newRow("65535") << 65535 << QByteArray("\x81\x7e\xff\xff", 4);
    QTest::newRow("65536") << 65536 << QByteArray("\x81\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10);
}

void TestWebSocketFrames::serverFramesAreUnmaskedWithMinimalLength()
{
    QFETCH(int, size);
    QFETCH(QByteArray, header);
    const QByteArray payload(size, 'n');
    const QByteArray frame = encodeFrame(Opcode::Text, payload);
    QCOMPARE(frame.left(header.size()), header);
    QCOMPARE(frame.mid(header.size()), payload);
}

void TestWebSocketFrames::closeReasonIsCutOnACharacter()
{
    // 122 ASCII bytes and a two-byte character would be 124 bytes: the
    // character goes whole, so the reason is 122 bytes, still UTF-8.
    const QString reason = QString(122, u'a') + QStringLiteral("ü");
    const QByteArray frame = encodeClose(1008, reason);
    QCOMPARE(quint8(frame.at(1)), quint8(2 + 122));
    QCOMPARE(frame.mid(2, 2), QByteArray("\x03\xf0", 2));
    QVERIFY(isValidUtf8(frame.mid(4)));
}

void TestWebSocketFrames::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << QByteArray("plain") << true;
    QTest::newRow("two bytes") << QByteArray("\xc3\xa4") << true;
    QTest::newRow("three bytes") << QByteArray("\xe2\x82\xac") << true;
    QTest::newRow("four bytes") << QByteArray("\xf0\x9f\x98\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
    QTest::newRow("overlong three bytes") << QByteArray("\xe0\x80\xaf") << false;
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
    QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    QTest::newRow("cut short") << QByteArray("\xe2\x82") << false;
    QTest::newRow("0xff") << QByteArray("\xff") << false;
}

void TestWebSocketFrames::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(bytes), valid);
}

QTEST_APPLESS_MAIN(TestWebSocketFrames)
#include "tst_websocketframes.moc"
