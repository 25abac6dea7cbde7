#include "accesstokencodec.h"

#include "base64url.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace mana::server {

namespace {

std::optional<AccessClaims> refuse(QString *reason, const QString &why)
{
    if (reason)
        *reason = why;
    return std::nullopt;
}

std::optional<QJsonObject> decodeJsonObject(const QByteArray &segment)
{
    const auto bytes = base64url::decode(segment);
    if (!bytes)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// NumericDate (RFC 7519): a JSON number of seconds; nullopt when absent or
// not a finite number in a sane range.
std::optional<qint64> numericDate(const QJsonObject &claims, const QString &name)
{
    const QJsonValue value = claims.value(name);
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e15)
        return std::nullopt;
    return qint64(std::floor(seconds));
}

bool audienceMatches(const QJsonValue &aud, const QString &expected)
{
    if (aud.isString())
        return aud.toString() == expected;
    if (aud.isArray()) {
        const QJsonArray audiences = aud.toArray();
        for (const QJsonValue &entry : audiences) {
            if (entry.isString() && entry.toString() == expected)
                return true;
        }
    }
    return false;
}

} // namespace

AccessTokenCodec::AccessTokenCodec(QString issuer, QString audience, qint64 clockSkewSeconds)
    : m_issuer(std::move(issuer))
    , m_audience(std::move(audience))
    , m_clockSkewSeconds(clockSkewSeconds)
{}

void AccessTokenCodec::setSigningKey(const Ed25519Key &key)
{
    m_signingKey = key;
    addVerificationKey(key);
}

void AccessTokenCodec::addVerificationKey(const Ed25519Key &key)
{
    if (!m_keysByKid.contains(key.kid()))
        m_kidOrder.append(key.kid());
    m_keysByKid.insert(key.kid(), key);
}

QList<Ed25519Key> AccessTokenCodec::verificationKeys() const
{
    QList<Ed25519Key> keys;
    for (const QString &kid : m_kidOrder)
        keys.append(m_keysByKid.value(kid));
    return keys;
}

QString AccessTokenCodec::issue(const AccessClaims &claims) const
{
    if (!m_signingKey)
        return {};
    const QJsonObject header{{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", m_signingKey->kid()}};
    QJsonObject payload{{"sub", claims.userId},   {"email", claims.email},
                        {"role", claims.role},    {"sid", claims.sessionId},
                        {"iat", claims.issuedAt}, {"exp", claims.expiresAt}};
    if (!m_issuer.isEmpty())
        payload.insert("iss", m_issuer);
    if (!m_audience.isEmpty())
        payload.insert("aud", m_audience);
    const QByteArray signingInput =
        base64url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
        base64url::encode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    const QByteArray signature = m_signingKey->sign(signingInput);
    if (signature.isEmpty())
        return {};
    return QString::fromLatin1(signingInput + '.' + base64url::encode(signature));
}

QString AccessTokenCodec::unknownKeyId(const QString &token) const
{
    if (token.size() > maxTokenLength)
        return {};
    const QByteArray compact = token.toUtf8();
    const auto header = decodeJsonObject(compact.left(compact.indexOf('.')));
    if (!header)
        return {};
    const QString kid = header->value("kid").toString();
    return m_keysByKid.contains(kid) ? QString() : kid;
}

std::optional<AccessClaims> AccessTokenCodec::verify(const QString &token, qint64 now,
                                                     QString *reason) const
{
    if (token.isEmpty())
        return refuse(reason, QStringLiteral("no token"));
    if (token.size() > maxTokenLength)
        return refuse(reason, QStringLiteral("token too long"));
    const QByteArray compact = token.toUtf8();
    const QList<QByteArray> segments = compact.split('.');
    if (segments.size() != 3 || segments[0].isEmpty() || segments[1].isEmpty() ||
        segments[2].isEmpty())
        return refuse(reason, QStringLiteral("not a compact JWS"));

    const auto header = decodeJsonObject(segments[0]);
    if (!header)
        return refuse(reason, QStringLiteral("malformed header"));
    // The one algorithm we accept is fixed here, never taken from the token.
    if (header->value("alg").toString() != QLatin1String("EdDSA"))
        return refuse(reason, QStringLiteral("algorithm not allowed"));
    // RFC 7515 4.1.11: extensions we do not understand make the token invalid.
    if (header->contains("crit"))
        return refuse(reason, QStringLiteral("critical header extension"));
    const QJsonValue kid = header->value("kid");
    if (!kid.isString() || !m_keysByKid.contains(kid.toString()))
        return refuse(reason, QStringLiteral("unknown kid"));

    const auto signature = base64url::decode(segments[2]);
    const QByteArray signingInput = segments[0] + '.' + segments[1];
    if (!signature || !m_keysByKid.value(kid.toString()).verify(signingInput, *signature))
        return refuse(reason, QStringLiteral("bad signature"));

    const auto payload = decodeJsonObject(segments[1]);
    if (!payload)
        return refuse(reason, QStringLiteral("malformed claims"));
    const auto expiresAt = numericDate(*payload, QStringLiteral("exp"));
    if (!expiresAt)
        return refuse(reason, QStringLiteral("no valid exp"));
    if (*expiresAt <= now)
        return refuse(reason, QStringLiteral("expired"));
    const QJsonValue subject = payload->value("sub");
    if (!subject.isString() || subject.toString().isEmpty())
        return refuse(reason, QStringLiteral("empty sub"));
    if (!m_audience.isEmpty() && !audienceMatches(payload->value("aud"), m_audience))
        return refuse(reason, QStringLiteral("wrong aud"));
    // Our issuer always sets iss; a token of another issuer signed with a
    // key we trust (a shared key, a JWKS mix-up) is still not ours.
    if (!m_issuer.isEmpty() && payload->value("iss") != QJsonValue(m_issuer))
        return refuse(reason, QStringLiteral("wrong iss"));
    // iat is required (PROTOCOL.md lists it): a token "issued" in the future
    // would outlive the lifetime its exp claims to have.
    const auto issuedAt = numericDate(*payload, QStringLiteral("iat"));
    if (!issuedAt)
        return refuse(reason, QStringLiteral("no valid iat"));
    if (*issuedAt > now + m_clockSkewSeconds)
        return refuse(reason, QStringLiteral("iat in the future"));
    if (payload->contains(QStringLiteral("nbf"))) {
        const auto notBefore = numericDate(*payload, QStringLiteral("nbf"));
        if (!notBefore)
            return refuse(reason, QStringLiteral("no valid nbf"));
        if (*notBefore > now + m_clockSkewSeconds)
            return refuse(reason, QStringLiteral("not yet valid"));
    }

    AccessClaims claims;
    claims.userId = subject.toString();
    claims.email = payload->value("email").toString();
    claims.role = payload->value("role").toString();
    claims.sessionId = payload->value("sid").toString();
    claims.issuedAt = *issuedAt;
    claims.expiresAt = *expiresAt;
    return claims;
}

} // namespace mana::server
