// A minimal HTTP endpoint that answers every request with a canned reply,
// for the one test that needs answers the real server never gives (an HTML
// error page, truncated JSON, wrong types) and the answers of a server that
// sends none of PROTOCOL.md's extension fields.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QTcpServer>
#include <QUrl>

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
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
    };

    FakeSyncServer();
    QUrl url() const;
    void setReply(const Reply &reply) { m_reply = reply; }
    // Request lines and bodies of sync requests received ("POST /sync/todo").
    QList<QByteArray> requestLines() const { return m_requestLines; }
    QList<QByteArray> requestBodies() const { return m_requestBodies; }
    // When each sync request arrived (ms on a monotonic clock).
    QList<qint64> requestTimes() const { return m_requestTimes; }
    void setExtraHeaders(const QByteArray &headers) { m_extraHeaders = headers; }

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Reply m_reply;
    QList<QByteArray> m_requestLines;
    QList<QByteArray> m_requestBodies;
    QList<qint64> m_requestTimes;
    QByteArray m_extraHeaders; // "Name: value\r\n" lines
    QElapsedTimer m_clock;
};

} // namespace mana::synctest
