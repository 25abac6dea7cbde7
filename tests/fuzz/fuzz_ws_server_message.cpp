// The WebSocket messages mana-sync reads (server/sync/websocketshard.cpp):
// the parsing sits inline in WebSocketShard::handleMessage, so the target
// drives the real hub through its public face. The hub has no threads here
// (its one shard lives on this thread, as with --ws-threads 0), so a message
// is read, and its token verified, before emit returns. Each input is one
// connection: an unconnected QWebSocket the hub adopts, then every line of
// the input as a text message (the signal the socket emits for a frame),
// then the disconnect. Tokens are checked by the real AccessTokenCodec with
// the fuzzing key, so the corpus's valid token reaches the authenticated
// paths.
//
// Property: a connection counts as a user's only after a token verified.
#include "fuzzsupport.h"
#include "fuzztokens.h"

#include "sync/websockethub.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QWebSocket>

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

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    server::WebSocketHub *webSockets = hub();
    g_acceptedTokens = 0;
    auto *socket = new QWebSocket; // the hub takes it over
    webSockets->adopt(socket);
    const QList<QByteArray> lines = fuzz::bytes(data, size).split('\n');
    for (qsizetype i = 0; i < lines.size() && i < 16; ++i) {
        if (lines.at(i).startsWith('\x01'))
            emit socket->binaryMessageReceived(lines.at(i).mid(1));
        else
            emit socket->textMessageReceived(QString::fromUtf8(lines.at(i)));
    }
    MANA_FUZZ_CHECK(webSockets->connectedUserCount() == 0 || g_acceptedTokens > 0,
                    QStringLiteral("a connection counts as a user without a verified token"));
    emit socket->disconnected();
    // The hub forgets a connection in a queued call, then deletes its socket.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    MANA_FUZZ_CHECK(webSockets->connectionCount() == 0,
                    QStringLiteral("%1 connections left after the disconnect")
                        .arg(webSockets->connectionCount()));
    return 0;
}
