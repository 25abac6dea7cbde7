// The auth endpoints of PROTOCOL.md (register, login, refresh, logout) as
// asynchronous calls, with every failure turned into one sentence a person
// can act on. Nothing here blocks: answers arrive through callbacks on the
// event loop.
#pragma once

#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

Q_DECLARE_LOGGING_CATEGORY(lcAuthClient)

namespace mana {

enum class AuthError {
    None,
    InvalidCredentials, // login: wrong password or unknown email (one answer)
    EmailTaken,
    InvalidInput,     // 400: short password, bad email, … (the server's sentence)
    RateLimited,      // 429
    SessionEnded,     // refresh: the refresh token is unknown, used or expired
    Unreachable,      // no HTTP answer: refused, unknown host, timeout
    SecureConnection, // TLS failed
    NotAManaServer,   // HTML, bad JSON, answers without the protocol's fields
    ServerProblem     // 5xx and other refusals
};

struct AuthResult
{
    AuthError error = AuthError::None;
    QString message; // the sentence for the UI; empty on success
    int httpStatus = 0;
    // login and refresh: the token pair; register: only the user fields.
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSeconds = 0;
    QString userId;
    QString email;

    bool ok() const { return error == AuthError::None; }
};

class AuthClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const AuthResult &result)>;

    explicit AuthClient(QObject *parent = nullptr);
    ~AuthClient() override;

    void setServerUrl(const QUrl &url) { m_serverUrl = url; }
    QUrl serverUrl() const { return m_serverUrl; }
    // Without an answer after this long the server counts as unreachable.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    // Every call answers exactly once, unless the client is destroyed first
    // (then never: callbacks may capture objects that die with it).
    void registerAccount(const QString &email, const QString &password, Callback done);
    void login(const QString &email, const QString &password, const QString &deviceId,
               const QString &deviceName, Callback done);
    void refresh(const QString &refreshToken, Callback done);
    void logout(const QString &refreshToken, Callback done);

    // The sentence for "no HTTP answer from url".
    static QString unreachableSentence(const QUrl &serverUrl);

private:
    enum class Endpoint { Register, Login, Refresh, Logout };
    void post(Endpoint endpoint, const QByteArray &body, Callback done);
    AuthResult interpret(Endpoint endpoint, QNetworkReply *reply) const;

    QNetworkAccessManager *m_network;
    QUrl m_serverUrl;
    int m_timeoutMs = 15000;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace mana
