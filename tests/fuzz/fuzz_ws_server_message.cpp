// The WebSocket messages mana-sync reads (server/sync/websocketshard.cpp):
// the parsing sits inline in WebSocketShard::handleMessage, so the target
// drives the real hub through its public face. The hub has no threads here
// (its one shard lives on this thread, as with --ws-threads 0). Each input
// is one connection: one end of a socket pair the hub takes over, into whose
// other end every line of the input goes as a masked client frame (text, or
// binary when the line starts with 0x01), then that end closes. Tokens are
// checked by the real AccessTokenCodec with the fuzzing key, so the corpus's
// valid token reaches the authenticated paths. The framing itself has its
// own target, fuzz_ws_frames.
//
// Properties: a connection counts as a user's only after a token verified;
// when the client is gone, no connection is left.
#include "fuzzsupport.h"
#include "fuzztokens.h"

#include "sync/websocketframes.h"
#include "sync/websockethub.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>

#include <sys/socket.h>
#include <unistd.h>

using namespace mana;

namespace {

int g_acceptedTokens = 0;

server::WebSocketHub *hub()
{
    using Verified = server::WebSocketHub::VerifiedToken;
    static auto *made = new server::WebSocketHub([](const QString &token) {
        const auto claims = fuzz::tokenCodec().verify(token, fuzz::kTokenNow, nullptr);
        if (!claims)
            return std::optional<Verified>();
        ++g_acceptedTokens;
        // Valid for an hour of the real clock, which the hub's expiry
        // timer runs on (the codec's "now" is fixed for the corpus).
        return std::optional<Verified>(Verified{claims->userId, claims->sessionId,
                                                QDateTime::currentMSecsSinceEpoch() + 3'600'000});
    });
    return made;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    hub();
    return 0;
}

namespace {

void runEventLoopBriefly()
{
    // Socket-pair bytes are readable at once; a few passes read them, run
    // the queued forget and the deferred deletes.
    for (int pass = 0; pass < 4; ++pass) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace server::wsframe;
    server::WebSocketHub *webSockets = hub();
    g_acceptedTokens = 0;
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, ends) != 0)
        return 0;
    webSockets->adoptDescriptor(ends[0], QByteArray(), QStringLiteral("fuzz-client"), QString());
    const QList<QByteArray> lines = fuzz::bytes(data, size).split('\n');
    QByteArray frames;
    for (qsizetype i = 0; i < lines.size() && i < 16; ++i) {
        const QByteArray &line = lines.at(i);
        frames += line.startsWith('\x01')
                      ? encodeClientFrame(Opcode::Binary, line.mid(1), 0x5a17c3e1)
                      : encodeClientFrame(Opcode::Text, line, 0x5a17c3e1);
    }
    [[maybe_unused]] const auto written =
        ::write(ends[1], frames.constData(), size_t(frames.size()));
    runEventLoopBriefly();
    MANA_FUZZ_CHECK(webSockets->connectedUserCount() == 0 || g_acceptedTokens > 0,
                    QStringLiteral("a connection counts as a user without a verified token"));
    ::close(ends[1]);
    runEventLoopBriefly();
    MANA_FUZZ_CHECK(webSockets->connectionCount() == 0,
                    QStringLiteral("%1 connections left after the client went")
                        .arg(webSockets->connectionCount()));
    return 0;
}
