// A message between mana-sync instances as a process reads it from
// PostgreSQL's NOTIFY payload: InstanceMessage::decode. Anyone who may
// connect to the database may NOTIFY on the channel, so the reader must
// survive anything.
//
// Beyond "no crash": an accepted message has what its kind needs, and it
// survives the way back out: encode() gives a payload within PostgreSQL's
// limit that decodes to the same message, its tables a non-empty prefix of
// the original's (encode leaves out tables that do not fit).
#include "fuzzsupport.h"

#include "sync/instancebus.h"

using namespace mana;
using server::InstanceMessage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::initQt();
    const auto message = InstanceMessage::decode(fuzz::bytes(data, size));
    if (!message)
        return 0;
    if (message->kind == InstanceMessage::Kind::SessionEnded) {
        MANA_FUZZ_CHECK(!message->sessionId.isEmpty(), QString());
    } else {
        MANA_FUZZ_CHECK(!message->userId.isEmpty() && !message->appId.isEmpty() &&
                            !message->tables.isEmpty(),
                        message->userId);
    }
    const QByteArray encoded = message->encode();
    const auto again = InstanceMessage::decode(encoded);
    MANA_FUZZ_CHECK(again.has_value(), QString::fromUtf8(encoded));
    MANA_FUZZ_CHECK(again->kind == message->kind && again->userId == message->userId &&
                        again->appId == message->appId &&
                        again->originClientId == message->originClientId &&
                        again->sessionId == message->sessionId,
                    QString::fromUtf8(encoded));
    if (message->kind == InstanceMessage::Kind::Changes) {
        MANA_FUZZ_CHECK(!again->tables.isEmpty() &&
                            again->tables == message->tables.mid(0, again->tables.size()),
                        QString::fromUtf8(encoded));
        // Over the limit only when the first table alone is too long.
        MANA_FUZZ_CHECK(encoded.size() <= InstanceMessage::kMaxPayloadBytes ||
                            again->tables.size() == 1,
                        QString::number(encoded.size()));
    }
    return 0;
}
