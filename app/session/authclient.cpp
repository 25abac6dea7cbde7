#include "authclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

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

QString AuthResult::message() const
{
    return AuthClient::errorText(*this);
}

QString AuthClient::errorText(const AuthResult &result)
{
    const QString where = result.serverUrl.toDisplayString(QUrl::RemoveUserInfo);
    switch (result.error) {
    case AuthError::None:
        return {};
    case AuthError::InvalidCredentials:
        return tr("Wrong email or password.");
    case AuthError::EmailTaken:
        return tr("That email is already registered.");
    case AuthError::InvalidInput:
        // The server's own words say what it wants (a longer password, …).
        return result.serverText.isEmpty() ? tr("The server refused the email or password.")
                                           : result.serverText;
    case AuthError::NotAServerAddress:
        return tr("\"%1\" is not a server address (http://host:port).")
            .arg(result.serverUrl.toDisplayString());
    case AuthError::RateLimited:
        return result.retryAfterSeconds > 0
                   ? tr("Too many failed attempts. Try again in %1 seconds.")
                         .arg(result.retryAfterSeconds)
                   : tr("Too many failed attempts. Try again later.");
    case AuthError::SessionEnded:
        return tr("Your session has ended. Sign in again to sync.");
    case AuthError::Unreachable:
        return tr("The server at %1 could not be reached.").arg(where);
    case AuthError::SecureConnection:
        return tr("A secure connection to the server at %1 could not be made.").arg(where);
    case AuthError::NotAManaServer:
        return tr("The server at %1 is not a ManaCore sync server.").arg(where);
    case AuthError::ServerProblem:
        break;
    }
    return result.httpStatus >= 500
               ? tr("The server at %1 had a problem (HTTP %2). Try again later.")
                     .arg(where)
                     .arg(result.httpStatus)
               : tr("The server at %1 refused the request (HTTP %2): %3")
                     .arg(where)
                     .arg(result.httpStatus)
                     .arg(result.serverText.isEmpty() ? tr("no reason given.") : result.serverText);
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
        result.error = AuthError::NotAServerAddress;
        result.serverUrl = m_serverUrl;
        result.detail = QStringLiteral("not a server address: %1").arg(m_serverUrl.toString());
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
                << endpointPath(int(endpoint)) << "failed:" << int(result.error)
                << result.httpStatus << result.detail;
        done(result);
    });
}

AuthResult AuthClient::interpret(Endpoint endpoint, QNetworkReply *reply) const
{
    AuthResult result;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.httpStatus = status;
    result.serverUrl = m_serverUrl;
    if (status == 0) {
        result.error = reply->error() == QNetworkReply::SslHandshakeFailedError
                           ? AuthError::SecureConnection
                           : AuthError::Unreachable;
        result.detail = reply->errorString();
        qCDebug(lcAuthClient) << "no answer:" << reply->errorString();
        return result;
    }

    const QByteArray body = reply->readAll();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const bool isJson = parseError.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject json = document.object();
    auto notMana = [&result](const char *why) {
        result.error = AuthError::NotAManaServer;
        result.detail = QString::fromLatin1(why);
        return result;
    };

    if (looksLikeHtml(body, contentType))
        return notMana("an HTML page");

    if (status >= 200 && status < 300) {
        if (endpoint == Endpoint::Logout)
            return result;
        if (!isJson)
            return notMana("not JSON");
        const QJsonObject user = json.value("user").toObject();
        result.userId = user.value("id").toString();
        result.email = user.value("email").toString();
        if (endpoint == Endpoint::Register) {
            if (result.userId.isEmpty())
                return notMana("no user id");
            return result;
        }
        result.accessToken = json.value("accessToken").toString();
        result.refreshToken = json.value("refreshToken").toString();
        result.expiresInSeconds = json.value("expiresIn").toInteger();
        // A refresh answer may omit the user; a login answer may not.
        if (result.accessToken.isEmpty() || result.refreshToken.isEmpty() ||
            (endpoint == Endpoint::Login && result.userId.isEmpty()))
            return notMana("no tokens");
        return result;
    }

    const QString told = serverSentence(json, body, isJson);
    result.detail = QStringLiteral("HTTP %1: %2").arg(status).arg(told);
    switch (status) {
    case 401:
        result.error = endpoint == Endpoint::Refresh || endpoint == Endpoint::Logout
                           ? AuthError::SessionEnded
                           : AuthError::InvalidCredentials;
        return result;
    case 409:
        result.error = AuthError::EmailTaken;
        return result;
    case 429:
        result.error = AuthError::RateLimited;
        result.retryAfterSeconds = std::max(0, reply->rawHeader("Retry-After").trimmed().toInt());
        return result;
    case 400:
    case 422:
        result.error = AuthError::InvalidInput;
        result.serverText = told;
        return result;
    case 404:
    case 405:
        return notMana("no auth route");
    default:
        break;
    }
    result.error = AuthError::ServerProblem;
    result.serverText = told;
    return result;
}

} // namespace mana
