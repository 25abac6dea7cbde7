// The auth endpoints of PROTOCOL.md (register, login, refresh, logout) as
// asynchronous calls, with every failure sorted into a code with details
// (AuthError); AuthClient::errorText() makes the sentence a person can act
// on from it, in the UI language of the moment it is read. Nothing here
// blocks: answers arrive through callbacks on the event loop.
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
    InvalidInput,      // 400: short password, bad email, … (`serverText`)
    NotAServerAddress, // the server setting is no http(s) address
    RateLimited,       // 429 (`retryAfterSeconds` when the server said)
    SessionEnded,      // refresh: the refresh token is unknown, used or expired
    Unreachable,       // no HTTP answer: refused, unknown host, timeout
    SecureConnection,  // TLS failed
    NotAManaServer,    // HTML, bad JSON, answers without the protocol's fields
    ServerProblem      // 5xx and other refusals (`httpStatus`, `serverText`)
};

struct AuthResult
{
    AuthError error = AuthError::None;
    int httpStatus = 0;
    QUrl serverUrl;            // the server asked
    QString serverText;        // the server's own sentence (InvalidInput, ServerProblem)
    int retryAfterSeconds = 0; // RateLimited: 0 when the server did not say
    QString detail;            // the technical English text, for the log; never shown
    // login and refresh: the token pair; register: only the user fields.
    QString accessToken;
    QString refreshToken;
    qint64 expiresInSeconds = 0;
    QString userId;
    QString email;

    bool ok() const { return error == AuthError::None; }
    // The sentence for the UI (AuthClient::errorText); empty on success.
    QString message() const;
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

    // The words for a failed call, in the UI language of the installed
    // translator: the one place AuthError becomes a sentence.
    static QString errorText(const AuthResult &result);

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
