// What one HTTP connection of mana-sync may cost: sizes checked on the
// request head before QtHttpServer buffers anything, and the time a client
// may take. Defaults and options: docs/server.md, "Hardening".
#pragma once

#include "wire/change.h"

#include <QtGlobal>

namespace mana::server {

struct HttpLimits
{
    // A larger Content-Length is refused (413) from the head alone.
    qint64 maxBodyBytes = wire::kMaxBodyBytes;
    // Request line and header fields together (431 beyond).
    int maxHeadBytes = 32 * 1024;
    int maxHeaderFields = 100;
    // The request target alone (414 beyond).
    int maxTargetBytes = 8 * 1024;
    // From the connection's start (or a request's first byte) to the end of
    // its head; then from there to the end of its body. 408 and close.
    int headerTimeoutMs = 10 * 1000;
    int bodyTimeoutMs = 60 * 1000;
    // A kept-alive connection without a request for this long is closed.
    int idleTimeoutMs = 120 * 1000;
    // After a refusal the server stops sending and reads (and drops) what
    // the client still sends, so that the client reads the answer instead of
    // a reset; then it closes the connection anyway.
    int lingerMs = 2 * 1000;
};

} // namespace mana::server
