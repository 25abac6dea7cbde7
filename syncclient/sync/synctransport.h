// The HTTP side of PROTOCOL.md for the sync engine: push and pull requests
// with the bearer token and X-Client-Id, and every answer sorted into what
// the engine must do with it (apply, retry later, refresh the token, stop).
//
// Requests take turns: at most Limits::maxRequestsInFlight are on the wire
// at once, the rest wait in order of asking. Qt keeps 6 connections per
// host and queues the rest inside QNetworkAccessManager, where a request
// has no timeout of its own: a server that accepts connections and never
// answers took all 6, and the sync of all 19 apps stalled behind them. With
// fewer requests on the wire than connections, every request gets one at
// once, so its timeout measures the server and not the queue, and a stalled
// request holds one turn, not everybody's.
#pragma once

#include "syncerror.h"
#include "wire/change.h"

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QUrl>
#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThreadPool;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace mana {

struct SyncReply
{
    enum class Kind {
        Ok,           // `response` holds the parsed answer
        Offline,      // no answer, or half of one (refused, unreachable, cut off)
        Retryable,    // try again later, with backoff: 5xx, 429 (retryAfterMs when
                      // given), no answer within the timeout, an answer over the
                      // size limit, a pull whose cursor does not advance
        Unauthorized, // 401: the access token needs a refresh
        Refused,      // another 4xx: the server will not take this request
        Malformed,    // a 2xx whose body is not valid sync data
    };
    Kind kind = Kind::Offline;
    int httpStatus = 0;
    SyncErrorInfo error;   // why it failed, for the status (its detail for the log)
    int retryAfterMs = -1; // from Retry-After
    QString accessToken;   // the token the request was sent with
    wire::SyncResponse response;
};

struct SyncTransportLimits
{
    // An answer longer than this is refused from its Content-Length, or
    // while it streams in once it passes the limit, and not read further.
    qint64 maxAnswerBytes = 64 * 1024 * 1024;
    // No byte sent or received for this long: the server is not
    // answering and the request is given up.
    int requestTimeoutMs = 30000;
    // Requests on the wire at once (under Qt's 6 connections per host).
    int maxRequestsInFlight = 4;
};

class SyncTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SyncReply &)>;
    // Names a request for cancel(); 0 is none.
    using RequestId = quint64;

    using Limits = SyncTransportLimits;

    // Answers at least this long are parsed off the event loop (a pulled
    // page of 1,000 changes takes 10-30 ms to read here).
    static constexpr qsizetype kParseOnThreadBytes = 64 * 1024;

    SyncTransport(const QUrl &serverUrl, const QString &clientId, const Limits &limits = {},
                  QObject *parent = nullptr);
    ~SyncTransport() override;

    void setAccessToken(const QString &token) { m_accessToken = token; }
    QString accessToken() const { return m_accessToken; }
    QUrl serverUrl() const { return m_serverUrl; }

    // Each calls `done` once with the answer, unless the request is
    // cancelled first.
    RequestId push(const wire::Changeset &changeset, Callback done);
    // The same with the changes already serialised (comma-separated JSON
    // objects); `envelope.changes` is ignored.
    RequestId push(const wire::Changeset &envelope, const QByteArray &serializedChanges,
                   Callback done);
    RequestId pull(const QString &appId, const QString &collection, const QString &since,
                   Callback done);
    // Drops a request that is waiting or on the wire; its `done` is not
    // called. An answer already being parsed is still delivered.
    void cancel(RequestId id);
    qsizetype requestsInFlight() const { return m_inFlight.size(); }
    qsizetype requestsWaiting() const { return qsizetype(m_waiting.size()); }

    // Sorts a finished reply whose body was read into `body` (exposed for
    // tests of the classification).
    static SyncReply classify(QNetworkReply *reply, const QByteArray &body);

private:
    struct Waiting
    {
        RequestId id = 0;
        bool isPost = false;
        QUrl url;
        QByteArray body;
        Callback done;
    };
    // A request on the wire: its answer so far, read as it streams in.
    struct Call
    {
        RequestId id = 0;
        QNetworkReply *reply = nullptr;
        QTimer *silence = nullptr; // the request timeout, restarted on every byte
        QByteArray body;
        QString token;
        Callback done;
        bool timedOut = false;
        bool tooLarge = false;
    };

    RequestId enqueue(bool isPost, const QUrl &url, QByteArray body, Callback done);
    // Puts waiting requests on the wire while there is room.
    void dispatch();
    void start(Waiting waiting);
    void readSoFar(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call);
    QNetworkRequest request(const QUrl &url) const;
    // A 2xx answer's body as sync data (Ok), or Malformed with the reason.
    static SyncReply parseAnswer(int httpStatus, const QByteArray &body, qint64 maxBytes);
    SyncReply tooLargeReply(int httpStatus) const;
    SyncReply notAnsweringReply() const;
    static SyncReply brokenOffReply(QNetworkReply *reply);

    QUrl m_serverUrl;
    QString m_clientId;
    QString m_accessToken;
    Limits m_limits;
    QNetworkAccessManager *m_network;
    RequestId m_lastId = 0;
    std::deque<Waiting> m_waiting;
    QHash<RequestId, std::shared_ptr<Call>> m_inFlight;
    // Where a parse on the pool hands its result back: the transport while
    // it lives, null after (the mutex keeps it from going in between).
    struct Receiver
    {
        QMutex mutex;
        SyncTransport *transport = nullptr;
    };
    std::shared_ptr<Receiver> m_receiver;
    // One thread, so answers come back in the order they arrived.
    std::unique_ptr<QThreadPool> m_parsePool;
};

} // namespace mana
