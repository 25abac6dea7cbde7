// The head of an HTTP/1.x request (request line and header fields) read
// strictly, before QtHttpServer's lenient parser sees it: only what a proxy
// and this server would read the same way passes (RFC 9112), so a request
// cannot be smuggled past a proxy, and the body's size is known before a
// byte of it is buffered.
#pragma once

#include "http/httplimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mana::server {

struct RequestHead
{
    QByteArray method;
    QByteArray target;
    int minorVersion = 1; // HTTP/1.<minorVersion>
    qint64 contentLength = 0;
    bool closeAfterAnswer = false; // Connection: close
    bool upgrade = false;          // Upgrade with Connection: upgrade (WebSocket)
};

struct HeadRefusal
{
    int status = 400;
    QString code;    // PROTOCOL.md error code
    QString message; // one sentence for the client
};

// Where the head ends in `bytes` (just past the empty line), or -1 when it
// has not all arrived. `from` is where the search may start (bytes before it
// were searched already). Lines end with CRLF, or LF alone.
qsizetype findHeadEnd(QByteArrayView bytes, qsizetype from = 0);

// Reads a complete head (as findHeadEnd delimited it). Returns false with
// *refusal set when the request must be refused; the connection is then
// closed after the answer, since where the next request starts is unknown.
bool parseRequestHead(QByteArrayView head, const HttpLimits &limits, RequestHead *out,
                      HeadRefusal *refusal);

} // namespace mana::server
