#include "authengine.h"

#include "authlog.h"
#include "base64url.h"
#include "passwordhasher.h"
#include "wire/jsontextcheck.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>
#include <algorithm>
#include <openssl/rand.h>

namespace mana::server {

namespace {

constexpr int refreshTokenBytes = 32;
// A presented refresh token longer than this cannot be one of ours.
constexpr int maxRefreshTokenLength = 256;
const QString userRole = QStringLiteral("user");

HttpReply internalError()
{
    return HttpReply::error(500, QStringLiteral("internal"),
                            QStringLiteral("The server could not complete the request."));
}

HttpReply invalidCredentials()
{
    return HttpReply::error(401, QStringLiteral("invalid_credentials"),
                            QStringLiteral("Wrong email or password."));
}

HttpReply rateLimited(const QString &message, qint64 retryAfterSeconds)
{
    HttpReply reply = HttpReply::error(429, QStringLiteral("rate_limited"), message);
    reply.headers.append(
        qMakePair(QByteArray("Retry-After"), QByteArray::number(retryAfterSeconds)));
    return reply;
}

HttpReply unauthorized()
{
    return HttpReply::error(401, QStringLiteral("unauthorized"),
                            QStringLiteral("The refresh token is not valid."));
}

// The body as a JSON object, or the reply that refuses it.
std::optional<QJsonObject> parseBody(const QByteArray &body, HttpReply *refusal)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *refusal = HttpReply::error(400, QStringLiteral("invalid_json"),
                                    QStringLiteral("The request body is not valid JSON."));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *refusal = HttpReply::badRequest(QStringLiteral("The request body must be a JSON object."));
        return std::nullopt;
    }
    // As the sync routes (wire::parseBody): QJsonDocument keeps the last of
    // two equal keys and takes raw control characters, so
    // {"email":"a@x.org","email":"b@x.org"} would mean what a proxy or a log
    // in front of us may read differently.
    const wire::TextFacts facts = wire::scanText(body);
    if (facts.controlCharacterAt >= 0 || wire::countKeys(document.object()) != facts.keys) {
        *refusal = HttpReply::error(
            400, QStringLiteral("invalid_json"),
            facts.controlCharacterAt >= 0
                ? QStringLiteral("The request body has a raw control character inside a string.")
                : QStringLiteral("The request body has a key twice."));
        return std::nullopt;
    }
    return document.object();
}

// Reads a string member. Absent and null give an empty string; any other
// type is refused, so {"password": 12345678} is an error, not "".
bool readString(const QJsonObject &object, const QString &key, QString *value, HttpReply *refusal)
{
    const QJsonValue member = object.value(key);
    if (member.isUndefined() || member.isNull()) {
        value->clear();
        return true;
    }
    if (!member.isString()) {
        *refusal = HttpReply::badRequest(QStringLiteral("\"%1\" must be a string.").arg(key));
        return false;
    }
    *value = member.toString();
    return true;
}

// PostgreSQL's TEXT cannot hold NUL, and control characters have no place
// in names or device labels, so such text is refused before it reaches SQL.
bool containsControlCharacters(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

qsizetype codePointCount(const QString &text)
{
    return text.toUcs4().size();
}

QJsonValue nameValue(const std::optional<QString> &name)
{
    return name ? QJsonValue(*name) : QJsonValue(QJsonValue::Null);
}

// Refresh tokens are stored as SHA-256 only. A fast hash is right here
// (unlike for passwords): the token has 256 bits of entropy, so there is
// nothing to brute-force.
QByteArray refreshTokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

std::optional<QString> newRefreshToken()
{
    unsigned char bytes[refreshTokenBytes];
    if (RAND_bytes(bytes, refreshTokenBytes) != 1)
        return std::nullopt;
    return QString::fromLatin1(
        base64url::encode(QByteArray(reinterpret_cast<const char *>(bytes), refreshTokenBytes)));
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

AuthEngine::AuthEngine(QString connectionName, AuthConfig config)
    : AuthEngine(std::make_unique<SqliteAuthStore>(std::move(connectionName)), std::move(config))
{}

AuthEngine::AuthEngine(std::unique_ptr<AuthStore> store, AuthConfig config)
    : m_config(std::move(config))
    , m_store(std::move(store))
    , m_tokens(m_config.issuer, m_config.audience, m_config.clockSkewSeconds)
    , m_rateLimiter(m_config.maxFailuresPerEmail, m_config.maxFailuresPerAddress,
                    m_config.failureWindowSeconds)
    , m_registrationLimiter(0, m_config.maxRegistrationsPerAddress,
                            m_config.registrationWindowSeconds)
{}

qint64 AuthEngine::now() const
{
    return m_config.now ? m_config.now() : QDateTime::currentSecsSinceEpoch();
}

bool AuthEngine::initialize(QString *error)
{
    m_initialized = false;
    auto fail = [error](const QString &why) {
        qCCritical(lcAuth) << "auth initialization failed:" << why;
        if (error)
            *error = why;
        return false;
    };
    if (!m_store->createTables())
        return fail(QStringLiteral("cannot create the auth tables: %1").arg(m_store->lastError()));
    QString keyError;
    if (!loadSigningKeys(&keyError))
        return fail(keyError);
    // The dummy hash's password is random and thrown away: nothing verifies
    // against it, it only costs the same time as a real check.
    QString hashError;
    const auto dummy =
        PasswordHasher::hash(newId() + newId(), &hashError, m_config.passwordHashPasses);
    if (!dummy)
        return fail(QStringLiteral("cannot hash: %1").arg(hashError));
    m_dummyPasswordHash = *dummy;
    // Logged-out sessions stay refused across a restart: only the sessions
    // that are live in the table come back.
    const auto live = m_store->liveSessions(now());
    if (!live)
        return fail(QStringLiteral("cannot read the sessions: %1").arg(m_store->lastError()));
    m_liveSessions = *live;
    m_initialized = true;
    purgeExpired();
    return true;
}

bool AuthEngine::loadSigningKeys(QString *error)
{
    auto stored = m_store->signingKeys();
    if (!stored) {
        *error = QStringLiteral("cannot read the signing keys: %1").arg(m_store->lastError());
        return false;
    }
    if (stored->isEmpty()) {
        const auto key = Ed25519Key::generate();
        const QByteArray pem = key ? key->toPrivatePem() : QByteArray();
        if (pem.isEmpty()) {
            *error = QStringLiteral("cannot create an Ed25519 key");
            return false;
        }
        // A second server process starting at the same moment may try to
        // store its own key too; only the first is stored, and both read it
        // back below.
        if (!m_store->insertFirstSigningKey({key->kid(), pem, now()})) {
            *error = QStringLiteral("cannot store the signing key: %1").arg(m_store->lastError());
            return false;
        }
        stored = m_store->signingKeys();
        if (!stored) {
            *error = QStringLiteral("cannot read the signing keys: %1").arg(m_store->lastError());
            return false;
        }
        const bool ours =
            std::any_of(stored->cbegin(), stored->cend(),
                        [&key](const StoredSigningKey &row) { return row.kid == key->kid(); });
        if (ours)
            qCInfo(lcAuth) << "created signing key" << key->kid();
        else
            qCInfo(lcAuth) << "another server process created the signing key first";
    }

    auto codec = codecFromKeys(*stored, error);
    if (!codec)
        return false;
    m_tokens = *codec;
    return true;
}

std::optional<AccessTokenCodec> AuthEngine::codecFromKeys(const QList<StoredSigningKey> &stored,
                                                          QString *error) const
{
    AccessTokenCodec codec(m_config.issuer, m_config.audience, m_config.clockSkewSeconds);
    std::optional<Ed25519Key> newest;
    for (const StoredSigningKey &row : stored) {
        const auto key = Ed25519Key::fromPrivatePem(row.privateKeyPem);
        if (!key) {
            // Keep the row (it may be repairable) but never sign with it.
            qCWarning(lcAuth) << "signing key" << row.kid << "in auth_signing_keys is unreadable";
            continue;
        }
        if (key->kid() != row.kid)
            qCWarning(lcAuth) << "signing key row" << row.kid << "holds key" << key->kid();
        codec.addVerificationKey(*key);
        newest = key; // rows come oldest first; a rotation adds a newer one
    }
    if (!newest) {
        *error = QStringLiteral("no readable signing key in auth_signing_keys; refusing to "
                                "replace it silently (delete the rows to start with a new key)");
        return std::nullopt;
    }
    codec.setSigningKey(*newest);
    return codec;
}

bool AuthEngine::reloadKeysForUnknownKid(const QString &token) const
{
    const QString kid = m_tokens.unknownKeyId(token);
    if (kid.isEmpty())
        return false;
    const qint64 at = now();
    if (m_lastKeyReload && at - *m_lastKeyReload < keyReloadIntervalSeconds)
        return false;
    m_lastKeyReload = at;
    const auto stored = m_store->signingKeys();
    if (!stored) {
        qCWarning(lcAuth) << "cannot read the signing keys again:" << m_store->lastError();
        return false;
    }
    QString error;
    auto codec = codecFromKeys(*stored, &error);
    if (!codec) {
        // Keep the keys we have rather than lose every session.
        qCWarning(lcAuth) << "keeping the signing keys read before:" << error;
        return false;
    }
    const bool learned = codec->verificationKeys().size() != m_tokens.verificationKeys().size();
    m_tokens = std::move(*codec);
    if (learned)
        qCInfo(lcAuth) << "read the signing keys again for key id" << kid;
    return true;
}

std::optional<QString> AuthEngine::normalizedEmail(const QString &email)
{
    const QString normalized = email.trimmed().toLower();
    if (normalized.isEmpty() || normalized.size() > maxEmailLength)
        return std::nullopt;
    const qsizetype at = normalized.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != normalized.lastIndexOf(QLatin1Char('@')) || at > 64)
        return std::nullopt;
    for (const QChar c : normalized) {
        if (c.isSpace() || c.category() == QChar::Other_Control ||
            QStringLiteral("<>()[]\\,;:\"").contains(c))
            return std::nullopt;
    }
    const QString domain = normalized.mid(at + 1);
    if (!domain.contains(QLatin1Char('.')) || domain.startsWith(QLatin1Char('.')) ||
        domain.endsWith(QLatin1Char('.')) || domain.contains(QLatin1String("..")))
        return std::nullopt;
    return normalized;
}

HttpReply AuthEngine::registerAccount(const QByteArray &body, const QString &clientAddressKey)
{
    auto begun = beginRegistration(body, clientAddressKey);
    if (auto *reply = std::get_if<HttpReply>(&begun))
        return *reply;
    auto &pending = std::get<PendingRegistration>(begun);
    QString hashError;
    const auto passwordHash = hashPassword(pending, &hashError);
    return finishRegistration(std::move(pending), passwordHash, hashError);
}

std::variant<HttpReply, AuthEngine::PendingRegistration>
AuthEngine::beginRegistration(const QByteArray &body, const QString &clientAddressKey)
{
    if (!m_initialized)
        return internalError();
    HttpReply refusal;
    const auto object = parseBody(body, &refusal);
    if (!object)
        return refusal;
    QString email, password, name;
    if (!readString(*object, QStringLiteral("email"), &email, &refusal) ||
        !readString(*object, QStringLiteral("password"), &password, &refusal) ||
        !readString(*object, QStringLiteral("name"), &name, &refusal))
        return refusal;

    const auto normalized = normalizedEmail(email);
    if (!normalized)
        return HttpReply::badRequest(QStringLiteral("The email address is not valid."));
    const qsizetype passwordLength = codePointCount(password);
    if (passwordLength < minPasswordLength)
        return HttpReply::badRequest(
            QStringLiteral("The password must have at least %1 characters.")
                .arg(minPasswordLength));
    if (passwordLength > maxPasswordLength)
        return HttpReply::badRequest(
            QStringLiteral("The password must have at most %1 characters.").arg(maxPasswordLength));
    name = name.trimmed();
    if (containsControlCharacters(name))
        return HttpReply::badRequest(
            QStringLiteral("The name must not contain control characters."));
    if (codePointCount(name) > maxNameLength)
        return HttpReply::badRequest(
            QStringLiteral("The name must have at most %1 characters.").arg(maxNameLength));

    // Counted before the hash, success or not: a valid registration costs a
    // hash and may create an account, and parallel requests must not pass
    // the limit together while their hashes run.
    const qint64 currentTime = now();
    const qint64 retryAfter =
        m_registrationLimiter.secondsUntilAllowed(QString(), clientAddressKey, currentTime);
    if (retryAfter > 0) {
        qCWarning(lcAuth) << "registration rate limited for address" << clientAddressKey;
        return rateLimited(
            QStringLiteral("Too many registrations from this address. Try again in %1 seconds.")
                .arg(retryAfter),
            retryAfter);
    }
    m_registrationLimiter.recordFailure(QString(), clientAddressKey, currentTime);

    PendingRegistration pending;
    pending.user.id = newId();
    pending.user.email = *normalized;
    if (!name.isEmpty())
        pending.user.name = name;
    pending.password = password;
    pending.hashPasses = m_config.passwordHashPasses;
    return pending;
}

std::optional<QString> AuthEngine::hashPassword(const PendingRegistration &pending, QString *error)
{
    return PasswordHasher::hash(pending.password, error, pending.hashPasses);
}

HttpReply AuthEngine::finishRegistration(PendingRegistration pending,
                                         const std::optional<QString> &passwordHash,
                                         const QString &hashError)
{
    if (!m_initialized)
        return internalError();
    if (!passwordHash) {
        qCWarning(lcAuth) << "password hashing failed:" << hashError;
        return internalError();
    }
    StoredUser &user = pending.user;
    user.passwordHash = *passwordHash;

    switch (m_store->insertUser(user, now())) {
    case AuthStore::InsertUserResult::EmailTaken:
        return HttpReply::error(409, QStringLiteral("email_taken"),
                                QStringLiteral("An account with this email already exists."));
    case AuthStore::InsertUserResult::Failed:
        return internalError();
    case AuthStore::InsertUserResult::Inserted:
        break;
    }
    qCInfo(lcAuth) << "registered user" << user.id;
    HttpReply reply =
        HttpReply::json(201, QJsonObject{{"user", QJsonObject{{"id", user.id},
                                                              {"email", user.email},
                                                              {"name", nameValue(user.name)},
                                                              {"emailVerified", false}}}});
    reply.userId = user.id;
    return reply;
}

HttpReply AuthEngine::login(const QByteArray &body, const QString &clientAddressKey)
{
    const auto begun = beginLogin(body, clientAddressKey);
    if (const auto *reply = std::get_if<HttpReply>(&begun))
        return *reply;
    const auto &pending = std::get<PendingLogin>(begun);
    return finishLogin(pending, checkPassword(pending));
}

std::variant<HttpReply, AuthEngine::PendingLogin>
AuthEngine::beginLogin(const QByteArray &body, const QString &clientAddressKey)
{
    if (!m_initialized)
        return internalError();
    HttpReply refusal;
    const auto object = parseBody(body, &refusal);
    if (!object)
        return refusal;
    QString email, password, deviceId, deviceName;
    if (!readString(*object, QStringLiteral("email"), &email, &refusal) ||
        !readString(*object, QStringLiteral("password"), &password, &refusal) ||
        !readString(*object, QStringLiteral("deviceId"), &deviceId, &refusal) ||
        !readString(*object, QStringLiteral("deviceName"), &deviceName, &refusal))
        return refusal;
    // A malformed email cannot have an account; it is answered like an
    // unknown one below so the answer never depends on the email's shape.
    const QString emailKey = email.trimmed().toLower();
    if (emailKey.isEmpty() || password.isEmpty())
        return HttpReply::badRequest(QStringLiteral("Email and password are required."));
    if (emailKey.size() > maxEmailLength || codePointCount(password) > maxPasswordLength)
        return invalidCredentials();
    if (codePointCount(deviceId) > maxDeviceFieldLength ||
        codePointCount(deviceName) > maxDeviceFieldLength)
        return HttpReply::badRequest(
            QStringLiteral("deviceId and deviceName must have at most %1 characters.")
                .arg(maxDeviceFieldLength));
    if (containsControlCharacters(deviceId) || containsControlCharacters(deviceName))
        return HttpReply::badRequest(
            QStringLiteral("deviceId and deviceName must not contain control characters."));

    const qint64 currentTime = now();
    const qint64 retryAfter =
        m_rateLimiter.secondsUntilAllowed(emailKey, clientAddressKey, currentTime);
    if (retryAfter > 0) {
        qCWarning(lcAuth) << "login rate limited for address" << clientAddressKey;
        return rateLimited(
            QStringLiteral("Too many failed logins. Try again in %1 seconds.").arg(retryAfter),
            retryAfter);
    }

    // Register only stores normalized emails, so any other one has no
    // account; it skips the lookup (its text may not even fit a TEXT column).
    std::optional<std::optional<StoredUser>> lookup = std::optional<StoredUser>();
    if (normalizedEmail(emailKey))
        lookup = m_store->userByEmail(emailKey);
    if (!lookup)
        return internalError();
    PendingLogin pending;
    pending.emailKey = emailKey;
    pending.clientAddressKey = clientAddressKey;
    pending.user = *lookup;
    pending.password = password;
    pending.hashToCheck = pending.user ? pending.user->passwordHash : m_dummyPasswordHash;
    pending.deviceId = deviceId;
    pending.deviceName = deviceName;
    // The attempt counts as a failure until its password checks out, so
    // parallel attempts cannot all pass the limit while their hashes run.
    pending.attemptRecordedAt = currentTime;
    m_rateLimiter.recordFailure(emailKey, clientAddressKey, currentTime);
    return pending;
}

bool AuthEngine::checkPassword(const PendingLogin &pending)
{
    // An unknown email is checked against the dummy hash and fails anyway.
    return PasswordHasher::verify(pending.password, pending.hashToCheck) && pending.user;
}

HttpReply AuthEngine::finishLogin(const PendingLogin &pending, bool passwordMatches)
{
    if (!m_initialized)
        return internalError();
    const std::optional<StoredUser> &user = pending.user;
    if (!passwordMatches || !user) {
        qCInfo(lcAuth) << "failed login from address" << pending.clientAddressKey
                       << (user ? "for an existing account" : "for an unknown email");
        return invalidCredentials();
    }
    m_rateLimiter.forgetEmail(pending.emailKey);
    m_rateLimiter.withdrawAddressFailure(pending.clientAddressKey, pending.attemptRecordedAt);
    const qint64 currentTime = now();
    const QString &deviceId = pending.deviceId;
    const QString &deviceName = pending.deviceName;

    const auto refreshToken = newRefreshToken();
    if (!refreshToken)
        return internalError();
    const QString sessionId = newId();
    const qint64 refreshExpiresAt = currentTime + m_config.refreshTokenTtlSeconds;
    if (!m_store->createSession({sessionId, user->id, deviceId, deviceName},
                                refreshTokenHash(*refreshToken), currentTime, refreshExpiresAt))
        return internalError();
    m_liveSessions.insert(sessionId, user->id);
    qCInfo(lcAuth) << "user" << user->id << "logged in, session" << sessionId;
    return tokenPairReply(user->id, user->email, user->name, sessionId, *refreshToken);
}

HttpReply AuthEngine::refresh(const QByteArray &body)
{
    if (!m_initialized)
        return internalError();
    HttpReply refusal;
    const auto object = parseBody(body, &refusal);
    if (!object)
        return refusal;
    QString presented;
    if (!readString(*object, QStringLiteral("refreshToken"), &presented, &refusal))
        return refusal;
    if (presented.isEmpty())
        return HttpReply::badRequest(QStringLiteral("refreshToken is required."));
    if (presented.size() > maxRefreshTokenLength)
        return unauthorized();

    const QByteArray presentedHash = refreshTokenHash(presented);
    const auto lookup = m_store->refreshToken(presentedHash);
    if (!lookup)
        return internalError();
    if (!lookup->has_value())
        return unauthorized();
    const StoredRefreshToken &stored = **lookup;
    const qint64 currentTime = now();

    auto revokeForReuse = [&]() {
        // Token theft detection: a refresh token is good for one use. When a
        // used one comes back, either the client or a thief holds a copy
        // and we cannot tell which, so the whole session (every token of its
        // rotation family) ends and the owner has to log in again.
        qCWarning(lcAuth) << "refresh token reuse in session" << stored.sessionId << "of user"
                          << stored.userId << "- session revoked";
        if (!m_store->revokeSession(stored.sessionId, currentTime,
                                    QStringLiteral("refresh token reuse")))
            return internalError();
        endSession(stored.sessionId);
        return unauthorized();
    };

    if (stored.sessionRevoked)
        return unauthorized();
    if (stored.used)
        return revokeForReuse();
    if (stored.expiresAt <= currentTime)
        return unauthorized();

    const auto refreshToken = newRefreshToken();
    if (!refreshToken)
        return internalError();
    const qint64 refreshExpiresAt = currentTime + m_config.refreshTokenTtlSeconds;
    if (!m_store->rotateRefreshToken(presentedHash, stored.sessionId,
                                     refreshTokenHash(*refreshToken), currentTime,
                                     refreshExpiresAt)) {
        // No database error means another request used the token first.
        if (!m_store->lastError().isEmpty())
            return internalError();
        return revokeForReuse();
    }
    return tokenPairReply(stored.userId, stored.email, stored.name, stored.sessionId,
                          *refreshToken);
}

HttpReply AuthEngine::logout(const QByteArray &body)
{
    if (!m_initialized)
        return internalError();
    HttpReply refusal;
    const auto object = parseBody(body, &refusal);
    if (!object)
        return refusal;
    QString presented;
    if (!readString(*object, QStringLiteral("refreshToken"), &presented, &refusal))
        return refusal;
    if (presented.isEmpty())
        return HttpReply::badRequest(QStringLiteral("refreshToken is required."));
    // An unknown token also gets 204: logging out is idempotent and the
    // answer reveals nothing about which tokens exist.
    if (presented.size() > maxRefreshTokenLength)
        return HttpReply::empty(204);
    const auto lookup = m_store->refreshToken(refreshTokenHash(presented));
    if (!lookup)
        return internalError();
    HttpReply reply = HttpReply::empty(204);
    if (lookup->has_value()) {
        const StoredRefreshToken &stored = **lookup;
        if (!m_store->revokeSession(stored.sessionId, now(), QStringLiteral("logout")))
            return internalError();
        endSession(stored.sessionId);
        qCInfo(lcAuth) << "user" << stored.userId << "logged out of session" << stored.sessionId;
        reply.userId = stored.userId;
    }
    return reply;
}

HttpReply AuthEngine::tokenPairReply(const QString &userId, const QString &email,
                                     const std::optional<QString> &name, const QString &sessionId,
                                     const QString &refreshToken)
{
    AccessClaims claims;
    claims.userId = userId;
    claims.email = email;
    claims.role = userRole;
    claims.sessionId = sessionId;
    claims.issuedAt = now();
    claims.expiresAt = claims.issuedAt + m_config.accessTokenTtlSeconds;
    const QString accessToken = m_tokens.issue(claims);
    if (accessToken.isEmpty())
        return internalError();
    HttpReply reply = HttpReply::json(
        200,
        QJsonObject{
            {"accessToken", accessToken},
            {"refreshToken", refreshToken},
            {"expiresIn", m_config.accessTokenTtlSeconds},
            {"user", QJsonObject{{"id", userId}, {"email", email}, {"name", nameValue(name)}}}});
    reply.userId = userId;
    return reply;
}

} // namespace mana::server
