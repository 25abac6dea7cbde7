#include "authclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Q_LOGGING_CATEGORY(lcAuthClient, "mana.session.auth")

namespace mana {

namespace {

QString endpointPath(int endpoint)
{
    static const char *const paths[] = {"/api/v1/auth/register", "/api/v1/auth/login",
                                        "/api/v1/auth/refresh", "/api/v1/auth/logout"};
    return QString::fromLatin1(paths[endpoint]);
}

// A server may live under a path prefix (https://host/mana); the auth routes
// are relative to it.
QUrl endpointUrl(const QUrl &serverUrl, const QString &path)
{
    QUrl url = serverUrl;
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("html"))
        return true;
    const QByteArray start = body.trimmed().left(64).toLower();
    return start.startsWith("<!doctype") || start.startsWith("<html") ||
           start.startsWith("<?xml") || start.startsWith("<head") || start.startsWith("<body");
}

// The server's own sentence: PROTOCOL.md's error body, or (the original
// server) a short plain-text body.
QString serverSentence(const QJsonObject &json, const QByteArray &body, bool isJson)
{
    const QString message = json.value("error").toObject().value("message").toString();
    if (!message.isEmpty())
        return message;
    if (isJson)
        return json.value("message").toString();
    QString text = QString::fromUtf8(body).trimmed();
    text = text.section(u'\n', 0, 0).left(200);
    return text;
}

} // namespace

AuthClient::AuthClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

AuthClient::~AuthClient()
{
    // Callbacks capture their owners; none may run while they are going away.
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight)) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        delete reply.data();
    }
}

QString AuthClient::unreachableSentence(const QUrl &serverUrl)
{
    return tr("The server at %1 could not be reached.")
        .arg(serverUrl.toDisplayString(QUrl::RemoveUserInfo));
}

void AuthClient::registerAccount(const QString &email, const QString &password, Callback done)
{
    const QJsonObject body{{"email", email.trimmed()}, {"password", password}};
    post(Endpoint::Register, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(done));
}

void AuthClient::login(const QString &email, const QString &password, const QString &deviceId,
                       const QString &deviceName, Callback done)
{
    QJsonObject body{{"email", email.trimmed()}, {"password", password}};
    if (!deviceId.isEmpty())
        body.insert("deviceId", deviceId);
    if (!deviceName.isEmpty())
        body.insert("deviceName", deviceName.left(100));
    post(Endpoint::Login, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(done));
}

void AuthClient::refresh(const QString &refreshToken, Callback done)
{
    const QJsonObject body{{"refreshToken", refreshToken}};
    post(Endpoint::Refresh, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(done));
}

void AuthClient::logout(const QString &refreshToken, Callback done)
{
    const QJsonObject body{{"refreshToken", refreshToken}};
    post(Endpoint::Logout, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(done));
}

void AuthClient::post(Endpoint endpoint, const QByteArray &body, Callback done)
{
    const QUrl url = endpointUrl(m_serverUrl, endpointPath(int(endpoint)));
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
        url.host().isEmpty()) {
        AuthResult result;
        result.error = AuthError::InvalidInput;
        result.message = tr("\"%1\" is not a server address (http://host:port).")
                             .arg(m_serverUrl.toDisplayString());
        // Asynchronous like every other answer, so callers need no second path.
        QMetaObject::invokeMethod(
            this, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_network->post(request, body);
    m_inFlight.append(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply, endpoint, done = std::move(done)] {
        m_inFlight.removeAll(reply);
        reply->deleteLater();
        const AuthResult result = interpret(endpoint, reply);
        if (!result.ok())
            qCInfo(lcAuthClient).noquote()
                << endpointPath(int(endpoint)) << "failed:" << result.message;
        done(result);
    });
}

AuthResult AuthClient::interpret(Endpoint endpoint, QNetworkReply *reply) const
{
    AuthResult result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.httpStatus = status;
    const QString where = m_serverUrl.toDisplayString(QUrl::RemoveUserInfo);
    if (status == 0) {
        if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
            result.error = AuthError::SecureConnection;
            result.message =
                tr("A secure connection to the server at %1 could not be made.").arg(where);
        } else {
            result.error = AuthError::Unreachable;
            result.message = unreachableSentence(m_serverUrl);
        }
        qCDebug(lcAuthClient) << "no answer:" << reply->errorString();
        return result;
    }

    const QByteArray body = reply->readAll();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isJson = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject json = document.object();
    const QString notMana = tr("The server at %1 is not a ManaCore sync server.").arg(where);

    if (looksLikeHtml(body, contentType)) {
        result.error = AuthError::NotAManaServer;
        result.message = notMana;
        return result;
    }

    if (status >= 200 && status < 300) {
        if (endpoint == Endpoint::Logout)
            return result;
        if (!isJson) {
            result.error = AuthError::NotAManaServer;
            result.message = notMana;
            return result;
        }
        const QJsonObject user = json.value("user").toObject();
        result.userId = user.value("id").toString();
        result.email = user.value("email").toString();
        if (endpoint == Endpoint::Register) {
            if (result.userId.isEmpty()) {
                result.error = AuthError::NotAManaServer;
                result.message = notMana;
            }
            return result;
        }
        result.accessToken = json.value("accessToken").toString();
        result.refreshToken = json.value("refreshToken").toString();
        result.expiresInSeconds = json.value("expiresIn").toInteger();
        // A refresh answer may omit the user; a login answer may not.
        if (result.accessToken.isEmpty() || result.refreshToken.isEmpty() ||
            (endpoint == Endpoint::Login && result.userId.isEmpty())) {
            result.error = AuthError::NotAManaServer;
            result.message = notMana;
        }
        return result;
    }

    const QString told = serverSentence(json, body, isJson);
    switch (status) {
    case 401:
        if (endpoint == Endpoint::Refresh || endpoint == Endpoint::Logout) {
            result.error = AuthError::SessionEnded;
            result.message = tr("Your session has ended. Sign in again to sync.");
        } else {
            result.error = AuthError::InvalidCredentials;
            result.message = tr("Wrong email or password.");
        }
        return result;
    case 409:
        result.error = AuthError::EmailTaken;
        result.message = tr("That email is already registered.");
        return result;
    case 429: {
        result.error = AuthError::RateLimited;
        const int seconds = reply->rawHeader("Retry-After").trimmed().toInt();
        result.message = seconds > 0
                             ? tr("Too many failed attempts. Try again in %1 seconds.").arg(seconds)
                             : tr("Too many failed attempts. Try again later.");
        return result;
    }
    case 400:
    case 422:
        result.error = AuthError::InvalidInput;
        result.message = told.isEmpty() ? tr("The server refused the email or password.") : told;
        return result;
    case 404:
    case 405:
        result.error = AuthError::NotAManaServer;
        result.message = notMana;
        return result;
    default:
        break;
    }
    result.error = AuthError::ServerProblem;
    result.message = status >= 500
                         ? tr("The server at %1 had a problem (HTTP %2). Try again later.")
                               .arg(where)
                               .arg(status)
                         : tr("The server at %1 refused the request (HTTP %2): %3")
                               .arg(where)
                               .arg(status)
                               .arg(told.isEmpty() ? tr("no reason given.") : told);
    return result;
}

} // namespace mana
