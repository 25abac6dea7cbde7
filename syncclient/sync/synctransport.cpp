#include "synctransport.h"

#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <limits>

Q_LOGGING_CATEGORY(lcSync, "mana.sync.client")

namespace mana {

namespace {

// What Qt's network thread may hold of an answer that we have not read yet.
// We read every chunk as it arrives, so this is only reached while the event
// loop is busy; without it a fast server filled memory meanwhile.
constexpr qint64 kReadBufferBytes = 2 * 1024 * 1024;

// The server's own words about a refusal (PROTOCOL.md's error body, or the
// original server's plain text); empty for an HTML page from a proxy,
// which is no sentence to show.
QString serverWords(const QByteArray &body)
{
    if (const auto error = wire::ErrorBody::fromBody(body))
        return error->message.isEmpty() ? error->code : error->message;
    const QString text = QString::fromUtf8(body.left(300)).simplified();
    if (text.startsWith(u'<'))
        return {};
    return text.left(160);
}

QString describeBody(const QByteArray &body)
{
    const QString words = serverWords(body);
    return words.isEmpty() && !body.trimmed().isEmpty() ? QStringLiteral("an HTML page") : words;
}

} // namespace

SyncTransport::SyncTransport(const QUrl &serverUrl, const QString &clientId, const Limits &limits,
                             QObject *parent)
    : QObject(parent)
    , m_serverUrl(serverUrl)
    , m_clientId(clientId)
    , m_limits(limits)
    , m_network(new QNetworkAccessManager(this))
    , m_receiver(std::make_shared<Receiver>())
    , m_parsePool(std::make_unique<QThreadPool>())
{
    m_limits.maxRequestsInFlight = std::max(1, m_limits.maxRequestsInFlight);
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
    // Replies still on the wire finish with the manager; nobody is told.
    for (const std::shared_ptr<Call> &call : std::as_const(m_inFlight))
        disconnect(call->reply, nullptr, this, nullptr);
}

QNetworkRequest SyncTransport::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    request.setRawHeader("X-Client-Id", m_clientId.toUtf8());
    return request;
}

SyncTransport::RequestId SyncTransport::push(const wire::Changeset &changeset, Callback done)
{
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + QStringLiteral("/sync/") + changeset.appId);
    QByteArray body = QJsonDocument(changeset.toJson()).toJson(QJsonDocument::Compact);
    return enqueue(true, url, std::move(body), std::move(done));
}

SyncTransport::RequestId SyncTransport::push(const wire::Changeset &envelope,
                                             const QByteArray &serializedChanges, Callback done)
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
    return enqueue(true, url, std::move(body), std::move(done));
}

SyncTransport::RequestId SyncTransport::pull(const QString &appId, const QString &collection,
                                             const QString &since, Callback done)
{
    QUrl url = m_serverUrl;
    url.setPath(m_serverUrl.path() + QStringLiteral("/sync/%1/pull").arg(appId));
    // Cursors are opaque: encode every reserved character ('+' included).
    url.setQuery(QStringLiteral("collection=%1&since=%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(collection)),
                          QString::fromLatin1(QUrl::toPercentEncoding(since))));
    return enqueue(false, url, {}, std::move(done));
}

SyncTransport::RequestId SyncTransport::enqueue(bool isPost, const QUrl &url, QByteArray body,
                                                Callback done)
{
    const RequestId id = ++m_lastId;
    m_waiting.push_back({id, isPost, url, std::move(body), std::move(done)});
    dispatch();
    return id;
}

void SyncTransport::cancel(RequestId id)
{
    if (id == 0)
        return;
    const auto waiting = std::find_if(m_waiting.begin(), m_waiting.end(),
                                      [id](const Waiting &w) { return w.id == id; });
    if (waiting != m_waiting.end()) {
        m_waiting.erase(waiting);
        return;
    }
    const std::shared_ptr<Call> call = m_inFlight.take(id);
    if (!call)
        return; // answered already
    call->silence->stop();
    disconnect(call->reply, nullptr, this, nullptr);
    call->reply->abort();
    call->reply->deleteLater();
    dispatch();
}

void SyncTransport::dispatch()
{
    while (!m_waiting.empty() && m_inFlight.size() < m_limits.maxRequestsInFlight) {
        Waiting next = std::move(m_waiting.front());
        m_waiting.pop_front();
        start(std::move(next));
    }
}

void SyncTransport::start(Waiting waiting)
{
    auto call = std::make_shared<Call>();
    call->id = waiting.id;
    call->token = m_accessToken; // built now: a refresh while it waited counts
    call->done = std::move(waiting.done);
    QNetworkReply *reply = waiting.isPost ? m_network->post(request(waiting.url), waiting.body)
                                          : m_network->get(request(waiting.url));
    call->reply = reply;
    reply->setReadBufferSize(kReadBufferBytes);
    if (waiting.isPost) {
        // Qt starts a POST on a later turn and drops a read buffer size set
        // before that; without one, its network thread read on while it
        // held back readyRead (it signals only once no more data is queued):
        // 128 MiB streamed in before the size check ran. Set it again once
        // the request has started (this call is queued after that start).
        QMetaObject::invokeMethod(
            reply, [reply] { reply->setReadBufferSize(kReadBufferBytes); }, Qt::QueuedConnection);
    }
    call->silence = new QTimer(reply);
    call->silence->setSingleShot(true);
    call->silence->setInterval(m_limits.requestTimeoutMs);
    m_inFlight.insert(call->id, call);

    // Our own timer rather than QNetworkRequest::setTransferTimeout: that
    // one ends as a plain "Operation canceled", which we could not tell
    // from our own aborts.
    connect(call->silence, &QTimer::timeout, this, [call] {
        call->timedOut = true;
        call->reply->abort(); // finished() follows, inside abort()
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [call] { call->silence->start(); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, call] {
        call->silence->start();
        // Refused before the first byte of the body when the server says
        // how long it is.
        bool known = false;
        const qint64 declared =
            call->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && declared > m_limits.maxAnswerBytes) {
            call->tooLarge = true;
            call->reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, call] { readSoFar(call); });
    connect(reply, &QNetworkReply::finished, this, [this, call] { finish(call); });
    call->silence->start();
}

void SyncTransport::readSoFar(const std::shared_ptr<Call> &call)
{
    if (call->tooLarge)
        return;
    call->silence->start();
    const qint64 available = call->reply->bytesAvailable();
    if (call->body.size() + available > m_limits.maxAnswerBytes) {
        // Streamed past the limit (no length given, or a wrong one): stop
        // here, before the rest is downloaded.
        call->tooLarge = true;
        call->body.clear();
        call->body.squeeze();
        call->reply->abort();
        return;
    }
    if (call->body.isEmpty()) {
        // One allocation for the whole answer when its length is known.
        const qint64 declared =
            call->reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (declared > available)
            call->body.reserve(qsizetype(declared));
    }
    call->body += call->reply->read(available);
}

void SyncTransport::finish(const std::shared_ptr<Call> &call)
{
    if (!m_inFlight.remove(call->id))
        return; // cancelled
    QNetworkReply *reply = call->reply;
    reply->deleteLater();
    call->silence->stop();
    if (!call->tooLarge && !call->timedOut)
        readSoFar(call); // whatever came with the last signal
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // The slot is free: the next waiting request goes out before this
    // answer is handled, and the channel's next request queues behind it.
    dispatch();
    Callback done = std::move(call->done);
    const QString token = call->token;
    SyncReply result;
    if (call->tooLarge) {
        result = tooLargeReply(status);
    } else if (call->timedOut) {
        result = notAnsweringReply();
    } else if (status >= 200 && status < 300 && reply->error() != QNetworkReply::NoError) {
        // The connection broke after the headers: what came is half an
        // answer, not a malformed one (which would not be asked for again).
        result = brokenOffReply(reply);
    } else if (status < 200 || status >= 300 || call->body.size() < kParseOnThreadBytes) {
        result = classify(reply, call->body);
    } else {
        // A large answer (a pulled page): read on the pool thread, so the
        // event loop is not blocked for the parse; the result comes back as
        // an event of this object.
        m_parsePool->start([receiver = m_receiver, body = std::move(call->body), status, token,
                            maxBytes = m_limits.maxAnswerBytes, done = std::move(done)] {
            SyncReply result = parseAnswer(status, body, maxBytes);
            result.accessToken = token;
            QMutexLocker locker(&receiver->mutex);
            if (!receiver->transport)
                return;
            QMetaObject::invokeMethod(
                receiver->transport, [result, done] { done(result); }, Qt::QueuedConnection);
        });
        return;
    }
    result.accessToken = token;
    done(result);
}

SyncReply SyncTransport::tooLargeReply(int httpStatus) const
{
    qCWarning(lcSync) << "refused an answer over" << m_limits.maxAnswerBytes << "bytes";
    SyncReply result;
    result.kind = SyncReply::Kind::Retryable;
    result.httpStatus = httpStatus;
    const QString limit =
        QLocale::c().formattedDataSize(m_limits.maxAnswerBytes, 0, QLocale::DataSizeIecFormat);
    result.error =
        syncError(SyncError::AnswerTooLarge,
                  QStringLiteral("The sync server sent an answer larger than %1; it was not read.")
                      .arg(limit));
    result.error.subject = limit;
    result.error.httpStatus = httpStatus;
    return result;
}

SyncReply SyncTransport::notAnsweringReply() const
{
    QString server = m_serverUrl.host();
    if (m_serverUrl.port() > 0)
        server += u':' + QString::number(m_serverUrl.port());
    qCWarning(lcSync) << "no answer within" << m_limits.requestTimeoutMs << "ms from" << server;
    SyncReply result;
    result.kind = SyncReply::Kind::Retryable;
    result.error = syncError(SyncError::NotAnswering,
                             QStringLiteral("The server at %1 is not answering.").arg(server));
    result.error.subject = server;
    return result;
}

SyncReply SyncTransport::brokenOffReply(QNetworkReply *reply)
{
    qCInfo(lcSync) << "the answer broke off:" << reply->errorString();
    SyncReply result;
    result.kind = SyncReply::Kind::Offline; // as a connection lost before the headers
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // Offline: the status says "offline", this is for the log.
    result.error = syncError(SyncError::Unreachable,
                             QStringLiteral("The connection to the sync server broke off (%1).")
                                 .arg(reply->errorString()));
    return result;
}

SyncReply SyncTransport::classify(QNetworkReply *reply, const QByteArray &body)
{
    SyncReply result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.httpStatus == 0) {
        result.kind = SyncReply::Kind::Offline;
        result.error = syncError(
            SyncError::Unreachable,
            QStringLiteral("The sync server cannot be reached (%1).").arg(reply->errorString()));
        return result;
    }
    if (result.httpStatus == 401) {
        result.kind = SyncReply::Kind::Unauthorized;
        // Refreshed by the engine; said as SessionEnded if that never helps.
        result.error = syncError(SyncError::SessionEnded,
                                 QStringLiteral("The server did not accept the sign-in."));
        return result;
    }
    if (result.httpStatus == 429 || result.httpStatus >= 500) {
        result.kind = SyncReply::Kind::Retryable;
        bool ok = false;
        const int seconds = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            result.retryAfterMs = seconds * 1000;
        result.error = syncError(SyncError::ServerBusy,
                                 QStringLiteral("The sync server is busy or failing (HTTP %1): %2")
                                     .arg(result.httpStatus)
                                     .arg(describeBody(body)));
        result.error.httpStatus = result.httpStatus;
        return result;
    }
    if (result.httpStatus < 200 || result.httpStatus >= 300) {
        result.kind = SyncReply::Kind::Refused;
        result.error = syncError(SyncError::Refused,
                                 QStringLiteral("The sync server refused the request (HTTP %1): %2")
                                     .arg(result.httpStatus)
                                     .arg(describeBody(body)));
        result.error.httpStatus = result.httpStatus;
        result.error.serverText = serverWords(body);
        return result;
    }
    // The body was cut off at the size limit before it came here.
    return parseAnswer(result.httpStatus, body, std::numeric_limits<qsizetype>::max());
}

SyncReply SyncTransport::parseAnswer(int httpStatus, const QByteArray &body, qint64 maxBytes)
{
    SyncReply result;
    result.httpStatus = httpStatus;
    QString error;
    const auto document = wire::parseBody(body, &error, qsizetype(maxBytes));
    const auto response =
        document ? wire::SyncResponse::fromJson(document->object(), &error) : std::nullopt;
    if (!document || !document->isObject() || !response) {
        result.kind = SyncReply::Kind::Malformed;
        if (document && !document->isObject())
            error = QStringLiteral("not a JSON object");
        result.error =
            syncError(SyncError::NotSyncData,
                      QStringLiteral("The sync server sent an answer that is not sync data (%1).")
                          .arg(error.section(u':', 1).trimmed().left(200)));
        result.error.httpStatus = httpStatus;
        return result;
    }
    result.kind = SyncReply::Kind::Ok;
    result.response = *response;
    return result;
}

} // namespace mana
