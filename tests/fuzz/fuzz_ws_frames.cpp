// The WebSocket framing mana-sync reads from every client
// (server/sync/websocketframes.cpp), fed raw bytes.
//
// Properties:
// - how the bytes are cut into reads does not matter: the input fed whole,
//   byte by byte, and in pieces whose sizes come from the input itself give
//   the same events;
// - a text message or close reason that comes out is valid UTF-8, as Qt's
//   own strict decoder sees it;
// - nothing more is buffered than one message, one frame and one read;
// - after a close or an error, nothing more comes out.
#include "fuzzsupport.h"

#include "sync/websocketframes.h"

#include <QList>
#include <QStringDecoder>
#include <QStringList>

using namespace mana;
using namespace mana::server::wsframe;

namespace {

constexpr qsizetype kLimit = 1024; // small, so that the fuzzer reaches it

bool strictlyUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder(bytes);
    return !decoder.hasError();
}

QString describe(const Event &event)
{
    return QStringLiteral("%1/%2/%3")
        .arg(int(event.kind))
        .arg(event.closeCode)
        .arg(QString::fromLatin1(event.payload.toHex()));
}

QStringList readAll(const QByteArray &input, const QList<qsizetype> &cuts)
{
    FrameReader reader(kLimit);
    QStringList events;
    qsizetype at = 0;
    qsizetype cut = 0;
    bool over = false;
    while (at < input.size()) {
        const qsizetype piece = cuts.isEmpty() ? input.size() : cuts.at(cut++ % cuts.size());
        const QByteArray bytes = input.mid(at, piece);
        at += bytes.size();
        reader.feed(bytes);
        MANA_FUZZ_CHECK(reader.bufferedBytes() <= kLimit + 14 + bytes.size(),
                        QStringLiteral("%1 bytes buffered").arg(reader.bufferedBytes()));
        while (const std::optional<Event> event = reader.next()) {
            MANA_FUZZ_CHECK(!over, QStringLiteral("an event after a close or an error"));
            if (event->kind == Event::Kind::Text || event->kind == Event::Kind::Close)
                MANA_FUZZ_CHECK(strictlyUtf8(event->payload),
                                QStringLiteral("not UTF-8: %1").arg(describe(*event)));
            if (event->kind == Event::Kind::Text || event->kind == Event::Kind::Binary)
                MANA_FUZZ_CHECK(event->payload.size() <= kLimit,
                                QStringLiteral("a message over the limit"));
            if (event->kind == Event::Kind::Close || event->kind == Event::Kind::Error)
                over = true;
            events.append(describe(*event));
        }
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QStringList whole = readAll(input, {});
    const QStringList single = readAll(input, {1});
    MANA_FUZZ_CHECK(
        whole == single,
        QStringLiteral("byte by byte: %1 vs %2").arg(single.join(u' '), whole.join(u' ')));
    QList<qsizetype> cuts;
    for (qsizetype i = 0; i < qMin<qsizetype>(8, input.size()); ++i)
        cuts.append(1 + quint8(input.at(i)) % 23);
    const QStringList pieces = readAll(input, cuts);
    MANA_FUZZ_CHECK(whole == pieces,
                    QStringLiteral("in pieces: %1 vs %2").arg(pieces.join(u' '), whole.join(u' ')));
    return 0;
}
