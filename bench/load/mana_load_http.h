// A minimal HTTP/1.1 client for the pushes: keep-alive connections to one
// server, one request at a time each, the head and body in one write with
// Nagle off, as many connections as requests in flight (up to a cap).
//
// Why not QNetworkAccessManager: it opens at most 6 connections per host
// and manager and queues the rest inside the client, so an open-loop
// generator measured its own queue (500 pushes/s over 24 connections:
// p50 4.4 s, the server 55 % busy); each real device has a connection of
// its own.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QQueue>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QTcpSocket;

namespace mana::load {

// status 0: no HTTP answer (connection refused or closed); body then holds why.
using HttpAnswerHandler = std::function<void(int status, const QByteArray &body)>;

class HttpConnectionPool : public QObject
{
public:
    HttpConnectionPool(const QUrl &server, int maxConnections, QObject *parent = nullptr);
    ~HttpConnectionPool() override;

    // `headers`: complete header lines, each ending in \r\n (Host and
    // Content-Length are added).
    void post(const QByteArray &path, const QByteArray &headers, const QByteArray &body,
              HttpAnswerHandler onAnswer);
    int openConnections() const { return int(m_connections.size()); }

private:
    struct Request
    {
        QByteArray bytes;
        HttpAnswerHandler onAnswer;
    };
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        bool busy = false;
        HttpAnswerHandler onAnswer;
        QByteArray received;
        qsizetype headEnd = -1; // offset of the body, once the head is in
        qsizetype contentLength = 0;
        int status = 0;
        bool closeAfter = false;
    };

    Connection *idleConnection();
    Connection *openConnection();
    void start(Connection &connection, Request request);
    void onReadyRead(Connection &connection);
    void finish(Connection &connection, int status, const QByteArray &body);
    void drop(Connection &connection);

    QString m_host;
    quint16 m_port;
    QByteArray m_hostHeader;
    int m_maxConnections;
    std::vector<std::unique_ptr<Connection>> m_connections;
    QQueue<Request> m_waiting;
};

} // namespace mana::load
