// Access tokens: compact JWS (JWT) signed with Ed25519, "alg":"EdDSA".
// Verification trusts only the algorithm it signs with, so a token cannot
// choose a weaker one ("none", HS256 keyed with the public key, …).
#pragma once

#include "authservice.h"
#include "ed25519key.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace mana::server {

class AccessTokenCodec
{
public:
    // A token longer than this is refused unread: ours are ~500 bytes.
    static constexpr int maxTokenLength = 8 * 1024;

    // A token issued (iat) or valid from (nbf) this far in the future is
    // still accepted: clocks of several server processes differ a little.
    static constexpr qint64 defaultClockSkewSeconds = 60;

    AccessTokenCodec(QString issuer, QString audience,
                     qint64 clockSkewSeconds = defaultClockSkewSeconds);

    // The signing key is trusted for verification too.
    void setSigningKey(const Ed25519Key &key);
    void addVerificationKey(const Ed25519Key &key);
    bool canSign() const { return m_signingKey.has_value(); }
    QList<Ed25519Key> verificationKeys() const;

    // Signs claims as given (sub, email, role, sid, iat, exp) plus iss and
    // aud; empty when there is no signing key.
    QString issue(const AccessClaims &claims) const;
    // Checks the signature and the claims that need no database: exp, iat
    // and nbf against `now` (with the clock skew), sub, iss and aud when
    // configured. Whether the session (sid) still lives is AuthEngine's check.
    std::optional<AccessClaims> verify(const QString &token, qint64 now, QString *reason) const;
    // The key id a token's header names when it is none of ours (a key
    // another server process added since we read the keys); empty for a
    // known key or a token too malformed to name one.
    QString unknownKeyId(const QString &token) const;

private:
    QString m_issuer;
    QString m_audience;
    qint64 m_clockSkewSeconds;
    std::optional<Ed25519Key> m_signingKey;
    QHash<QString, Ed25519Key> m_keysByKid;
    QList<QString> m_kidOrder; // for a stable JWKS
};

} // namespace mana::server
