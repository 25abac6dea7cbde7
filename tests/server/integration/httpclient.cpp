#include "httpclient.h"

#include <QEventLoop>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace mana::servertest {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResponse::isJsonObject() const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError && document.isObject();
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResponse::errorCode() const
{
    return json()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QString HttpResponse::describe() const
{
    if (status == 0)
        return QStringLiteral("no HTTP answer (%1)").arg(networkError);
    QString text = QString::fromUtf8(body.left(400));
    if (body.size() > 400)
        text += QStringLiteral("… (%1 bytes)").arg(body.size());
    return QStringLiteral("HTTP %1 %2").arg(status).arg(text);
}

HttpClient::HttpClient(const QUrl &baseUrl, int timeoutMs)
    : m_baseUrl(baseUrl)
    , m_timeoutMs(timeoutMs)
{
    // A proxy from the environment must never see loopback test traffic.
    m_manager.setProxy(QNetworkProxy::NoProxy);
}

HttpResponse HttpClient::send(const QByteArray &method, const QString &pathAndQuery,
                              const QByteArray &body, const HttpHeaders &headers)
{
    QNetworkRequest request(
        QUrl(m_baseUrl.toString(QUrl::FullyEncoded) + pathAndQuery, QUrl::TolerantMode));
    request.setTransferTimeout(m_timeoutMs);
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(m_timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();

    HttpResponse response;
    if (!reply->isFinished()) {
        reply->abort();
        response.networkError = QStringLiteral("timeout after %1 ms").arg(m_timeoutMs);
    } else {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && response.status == 0)
            response.networkError = reply->errorString();
        response.headers = reply->rawHeaderPairs();
        response.body = reply->readAll();
    }
    delete reply; // finished was delivered; nothing refers to it any more
    return response;
}

HttpResponse HttpClient::get(const QString &pathAndQuery, const HttpHeaders &headers)
{
    return send("GET", pathAndQuery, {}, headers);
}

HttpResponse HttpClient::post(const QString &pathAndQuery, const QByteArray &body,
                              const HttpHeaders &headers)
{
    return send("POST", pathAndQuery, body, headers);
}

HttpResponse HttpClient::postJson(const QString &pathAndQuery, const QJsonObject &body,
                                  const HttpHeaders &headers)
{
    return send("POST", pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

void HttpClient::resetConnections()
{
    m_manager.clearConnectionCache();
}

HttpHeaders bearer(const QString &accessToken)
{
    return {{QByteArrayLiteral("Authorization"), "Bearer " + accessToken.toUtf8()}};
}

} // namespace mana::servertest
