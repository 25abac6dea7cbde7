// The HTTP side of PROTOCOL.md for the sync engine: push and pull requests
// with the bearer token and X-Client-Id, and every answer sorted into what
// the engine must do with it (apply, retry later, refresh the token, stop).
#pragma once

#include "wire/change.h"

#include <QLoggingCategory>
#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
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

    SyncTransport(const QUrl &serverUrl, const QString &clientId, QObject *parent = nullptr);

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

    QUrl m_serverUrl;
    QString m_clientId;
    QString m_accessToken;
    QNetworkAccessManager *m_network;
};

} // namespace mana
