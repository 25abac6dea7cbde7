// A minimal HTTP endpoint that answers every request with a canned reply,
// for the tests that need answers the real server never gives (an HTML
// error page, truncated JSON, wrong types, the answers of a server that
// sends none of PROTOCOL.md's extension fields) and the behaviour of a
// hostile or broken server (issue 13): no answer at all, an endless answer,
// the same page again and again, a flood of WebSocket notices.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QTcpServer>
#include <QUrl>
#include <QWebSocketServer>

class QWebSocket;

namespace mana::synctest {

// An answer of `count` task inserts (ids "<idPrefix>0"...), in the original
// protocol's form, with the clock-time cursor `syncedUntil`.
QByteArray cannedInsertPage(int count, const QByteArray &idPrefix, bool hasMore,
                            const QByteArray &syncedUntil = "2026-11-25T10:00:00.000Z");

class FakeSyncServer : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        // How the answer is sent.
        enum class Form {
            Whole,        // headers with Content-Length, then `body`
            Stall,        // nothing: the connection stays open, unanswered
            DeclaredOnly, // Content-Length: `length`, then `body` and nothing more
            Chunked,      // `body` again and again, chunked, until `length` bytes
            UntilClose,   // the same without a length, ended by closing
        };
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        Form form = Form::Whole;
        qint64 length = 0;
    };

    FakeSyncServer();
    ~FakeSyncServer() override;
    QUrl url() const;
    void setReply(const Reply &reply) { m_reply = reply; }
    // The reply for requests whose path starts with `pathPrefix` (e.g.
    // "/sync/notes"), instead of the one of setReply().
    // A later call for the same prefix replaces the earlier one.
    void setReplyFor(const QByteArray &pathPrefix, const Reply &reply);
    // Request lines and bodies of sync requests received ("POST /sync/todo").
    QList<QByteArray> requestLines() const { return m_requestLines; }
    QList<QByteArray> requestBodies() const { return m_requestBodies; }
    // When each sync request arrived (ms on a monotonic clock).
    QList<qint64> requestTimes() const { return m_requestTimes; }
    int countRequests(const QByteArray &lineStart) const;
    void setExtraHeaders(const QByteArray &headers) { m_extraHeaders = headers; }
    // Body bytes handed to the network by Chunked and UntilClose replies.
    qint64 bytesStreamed() const { return m_bytesStreamed; }
    int streamsEnded() const { return m_streamsEnded; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

    // `/ws` speaks PROTOCOL.md's WebSocket: every `auth` gets `auth-ok`,
    // every `ping` a `pong`. Off by default: `/ws` answers 404.
    void setWebSocketEnabled(bool enabled) { m_webSocketEnabled = enabled; }
    int authenticatedSockets() const { return int(m_sockets.size()); }
    // A `sync-available` notice to every authenticated socket.
    void sendNotice(const QString &appId, const QStringList &tables);

private:
    void serve(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Reply &reply);
    void stream(QTcpSocket *socket, const Reply &reply);
    void onWebSocket(QWebSocket *socket);

    QTcpServer m_server;
    Reply m_reply;
    QList<QPair<QByteArray, Reply>> m_pathReplies;
    QList<QByteArray> m_requestLines;
    QList<QByteArray> m_requestBodies;
    QList<qint64> m_requestTimes;
    QByteArray m_extraHeaders; // "Name: value\r\n" lines
    QElapsedTimer m_clock;
    qint64 m_bytesStreamed = 0;
    int m_streamsEnded = 0;
    bool m_webSocketEnabled = false;
    QWebSocketServer m_webSockets;
    QList<QWebSocket *> m_sockets;
};

} // namespace mana::synctest
