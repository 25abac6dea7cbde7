// The HTTP side of PROTOCOL.md for the sync engine: push and pull requests
// with the bearer token and X-Client-Id, and every answer sorted into what
// the engine must do with it (apply, retry later, refresh the token, stop).
#pragma once

#include "wire/change.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QThreadPool;
class QNetworkReply;
class QNetworkRequest;

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace mana {

struct SyncReply
{
    enum class Kind {
        Ok,           // `response` holds the parsed answer
        Offline,      // no answer at all (refused, unreachable, timed out)
        Retryable,    // 5xx or 429: try again later (retryAfterMs when given)
        Unauthorized, // 401: the access token needs a refresh
        Refused,      // another 4xx: the server will not take this request
        Malformed,    // a 2xx whose body is not valid sync data
    };
    Kind kind = Kind::Offline;
    int httpStatus = 0;
    QString message;       // user-readable, for the status line
    int retryAfterMs = -1; // from Retry-After
    QString accessToken;   // the token the request was sent with
    wire::SyncResponse response;
};

class SyncTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SyncReply &)>;

    // Answers at least this long are parsed off the event loop (a pulled
    // page of 1,000 changes takes 10-30 ms to read here).
    static constexpr qsizetype kParseOnThreadBytes = 64 * 1024;

    SyncTransport(const QUrl &serverUrl, const QString &clientId, QObject *parent = nullptr);
    ~SyncTransport() override;

    void setAccessToken(const QString &token) { m_accessToken = token; }
    QString accessToken() const { return m_accessToken; }
    QUrl serverUrl() const { return m_serverUrl; }

    void push(const wire::Changeset &changeset, Callback done);
    // The same with the changes already serialised (comma-separated JSON
    // objects); `envelope.changes` is ignored.
    void push(const wire::Changeset &envelope, const QByteArray &serializedChanges, Callback done);
    void pull(const QString &appId, const QString &collection, const QString &since, Callback done);

    // Sorts a finished reply (exposed for tests of the classification).
    static SyncReply classify(QNetworkReply *reply);

private:
    void send(QNetworkReply *reply, Callback done);
    QNetworkRequest request(const QUrl &url) const;
    // A 2xx answer's body as sync data (Ok), or Malformed with the reason.
    static SyncReply parseAnswer(int httpStatus, const QByteArray &body);

    QUrl m_serverUrl;
    QString m_clientId;
    QString m_accessToken;
    QNetworkAccessManager *m_network;
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
