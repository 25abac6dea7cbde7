// Synchronous HTTP for tests: every call runs a local event loop until the
// answer or a timeout, and returns the whole answer. A status of 0 means no
// HTTP answer came (connection refused, reset, timeout); networkError says why.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace mana::servertest {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpResponse
{
    int status = 0;
    QString networkError;
    HttpHeaders headers;
    QByteArray body;

    // Case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool isJsonObject() const;
    QJsonObject json() const;  // empty unless the body is a JSON object
    QString errorCode() const; // error.code of PROTOCOL.md's error body
    QString describe() const;  // "HTTP 400 {…}" for failure messages
};

class HttpClient
{
public:
    explicit HttpClient(const QUrl &baseUrl = {}, int timeoutMs = 15000);

    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setTimeout(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // pathAndQuery is appended to the base URL as written ("/sync/todo/pull?since=…").
    HttpResponse send(const QByteArray &method, const QString &pathAndQuery,
                      const QByteArray &body = {}, const HttpHeaders &headers = {});
    HttpResponse get(const QString &pathAndQuery, const HttpHeaders &headers = {});
    HttpResponse post(const QString &pathAndQuery, const QByteArray &body,
                      const HttpHeaders &headers = {});
    HttpResponse postJson(const QString &pathAndQuery, const QJsonObject &body,
                          const HttpHeaders &headers = {});

    // Drops kept-alive connections, e.g. after the server restarted.
    void resetConnections();

private:
    QUrl m_baseUrl;
    int m_timeoutMs;
    QNetworkAccessManager m_manager;
};

HttpHeaders bearer(const QString &accessToken);

} // namespace mana::servertest
