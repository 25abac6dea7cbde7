#include "synctransport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcSync, "mana.sync.client")

namespace mana {

namespace {

constexpr int kRequestTimeoutMs = 30000;

QString describeBody(const QByteArray &body)
{
    if (const auto error = wire::ErrorBody::fromBody(body))
        return error->message.isEmpty() ? error->code : error->message;
    // The original server answers errors in plain text; an HTML page from a
    // proxy is reduced to its first words rather than shown as markup.
    QString text = QString::fromUtf8(body.left(300)).simplified();
    if (text.startsWith(u'<'))
        text = QStringLiteral("an HTML page");
    return text.left(160);
}

} // namespace

SyncTransport::SyncTransport(const QUrl &serverUrl, const QString &clientId, QObject *parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
    , m_clientId(clientId)
    , m_network(new QNetworkAccessManager(this))
    , m_receiver(std::make_shared<Receiver>())
    , m_parsePool(std::make_unique<QThreadPool>())
{
    m_receiver->transport = this;
    m_parsePool->setMaxThreadCount(1);
    m_parsePool->setExpiryTimeout(5000); // idle between syncs: no thread kept
}

SyncTransport::~SyncTransport()
{
    {
        QMutexLocker locker(&m_receiver->mutex);
        m_receiver->transport = nullptr;
    }
    m_parsePool.reset(); // waits for a parse under way; its result is dropped
}

QNetworkRequest SyncTransport::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    request.setRawHeader("X-Client-Id", m_clientId.toUtf8());
    request.setTransferTimeout(kRequestTimeoutMs);
    return request;
}

void SyncTransport::push(const wire::Changeset &changeset, Callback done)
{
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + QStringLiteral("/sync/") + changeset.appId);
    const QByteArray body = QJsonDocument(changeset.toJson()).toJson(QJsonDocument::Compact);
    send(m_network->post(request(url), body), std::move(done));
}

void SyncTransport::push(const wire::Changeset &envelope, const QByteArray &serializedChanges,
                         Callback done)
{
    wire::Changeset empty = envelope;
    empty.changes.clear();
    QByteArray body = QJsonDocument(empty.toJson()).toJson(QJsonDocument::Compact);
    // Keys are sorted (appId, changes, clientId, since) and appId is
    // validated, so the first occurrence is the key itself.
    const QByteArray placeholder = QByteArrayLiteral("\"changes\":[]");
    const qsizetype at = body.indexOf(placeholder);
    Q_ASSERT(at >= 0);
    body.replace(at, placeholder.size(), "\"changes\":[" + serializedChanges + "]");
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + QStringLiteral("/sync/") + envelope.appId);
    send(m_network->post(request(url), body), std::move(done));
}

void SyncTransport::pull(const QString &appId, const QString &collection, const QString &since,
                         Callback done)
{
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + QStringLiteral("/sync/%1/pull").arg(appId));
    // Cursors are opaque: encode every reserved character ('+' included).
    url.setQuery(QStringLiteral("collection=%1&since=%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(collection)),
                          QString::fromLatin1(QUrl::toPercentEncoding(since))));
    send(m_network->get(request(url)), std::move(done));
}

void SyncTransport::send(QNetworkReply *reply, Callback done)
{
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, token = m_accessToken, done = std::move(done)] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status < 200 || status >= 300 || reply->bytesAvailable() < kParseOnThreadBytes) {
                SyncReply result = classify(reply);
                result.accessToken = token;
                done(result);
                return;
            }
            // A large answer (a pulled page): read on the pool thread, so
            // the event loop is not blocked for the parse; the result
            // comes back as an event of this object.
            m_parsePool->start([receiver = m_receiver, body = reply->readAll(), status, token,
                                done] {
                SyncReply result = parseAnswer(status, body);
                result.accessToken = token;
                QMutexLocker locker(&receiver->mutex);
                if (!receiver->transport)
                    return;
                QMetaObject::invokeMethod(
                    receiver->transport, [result, done] { done(result); }, Qt::QueuedConnection);
            });
        });
}

SyncReply SyncTransport::classify(QNetworkReply *reply)
{
    SyncReply result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (result.httpStatus == 0) {
        result.kind = SyncReply::Kind::Offline;
        result.message =
            QStringLiteral("The sync server cannot be reached (%1).").arg(reply->errorString());
        return result;
    }
    if (result.httpStatus == 401) {
        result.kind = SyncReply::Kind::Unauthorized;
        result.message = QStringLiteral("The server did not accept the sign-in.");
        return result;
    }
    if (result.httpStatus == 429 || result.httpStatus >= 500) {
        result.kind = SyncReply::Kind::Retryable;
        bool ok = false;
        const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            result.retryAfterMs = seconds * 1000;
        result.message = QStringLiteral("The sync server is busy or failing (HTTP %1): %2")
                             .arg(result.httpStatus)
                             .arg(describeBody(body));
        return result;
    }
    if (result.httpStatus < 200 || result.httpStatus >= 300) {
        result.kind = SyncReply::Kind::Refused;
        result.message = QStringLiteral("The sync server refused the request (HTTP %1): %2")
                             .arg(result.httpStatus)
                             .arg(describeBody(body));
        return result;
    }
    return parseAnswer(result.httpStatus, body);
}

SyncReply SyncTransport::parseAnswer(int httpStatus, const QByteArray &body)
{
    SyncReply result;
    result.httpStatus = httpStatus;
    QString error;
    const auto document = wire::parseBody(body, &error, 64 * 1024 * 1024);
    const auto response =
        document ? wire::SyncResponse::fromJson(document->object(), &error) : std::nullopt;
    if (!document || !document->isObject() || !response) {
        result.kind = SyncReply::Kind::Malformed;
        if (document && !document->isObject())
            error = QStringLiteral("not a JSON object");
        result.message =
            QStringLiteral("The sync server sent an answer that is not sync data (%1).")
                .arg(error.section(u':', 1).trimmed().left(200));
        return result;
    }
    result.kind = SyncReply::Kind::Ok;
    result.response = *response;
    return result;
}

} // namespace mana
