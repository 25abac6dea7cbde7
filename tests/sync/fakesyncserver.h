// A minimal HTTP endpoint that answers every request with a canned reply,
// for the one test that needs answers the real server never gives (an HTML
// error page, truncated JSON, wrong types) and the answers of a server that
// sends none of PROTOCOL.md's extension fields.
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QUrl>

namespace mana::synctest {

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

private:
    void serve(QTcpSocket *socket);

    QTcpServer m_server;
    Reply m_reply;
    QList<QByteArray> m_requestLines;
    QList<QByteArray> m_requestBodies;
};

} // namespace mana::synctest
