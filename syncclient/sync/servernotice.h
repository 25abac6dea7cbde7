// What the app reads from the sync server's WebSocket (PROTOCOL.md, `/ws`):
// one text message in, one notice out. Kept apart from NotificationSocket so
// that the reader of this untrusted input can be tested and fuzzed without
// a socket (tests/fuzz/fuzz_ws_client_notice.cpp).
#pragma once

#include <QString>
#include <QStringList>

namespace mana {

struct ServerNotice
{
    enum class Kind {
        AuthOk,
        SyncAvailable, // appId and tables are set, none of them empty
        Error,         // text says why (the server closes the socket after it)
        Pong,
        Ignored, // not JSON, not an object, an unknown type, or a
                 // sync-available without an app id
    };
    Kind kind = Kind::Ignored;
    QString appId;
    QStringList tables; // empty: every collection of the app
    QString text;
};

// A notice names at most this many tables; the rest are dropped (the pull
// of the whole app is asked for then).
constexpr int kMaxNoticeTables = 64;

ServerNotice readServerNotice(const QString &message);

} // namespace mana
