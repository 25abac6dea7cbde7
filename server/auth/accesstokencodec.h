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

    AccessTokenCodec(QString issuer, QString audience);

    // The signing key is trusted for verification too.
    void setSigningKey(const Ed25519Key &key);
    void addVerificationKey(const Ed25519Key &key);
    bool canSign() const { return m_signingKey.has_value(); }
    QList<Ed25519Key> verificationKeys() const;

    // Signs claims as given (sub, email, role, sid, iat, exp) plus iss and
    // aud; empty when there is no signing key.
    QString issue(const AccessClaims &claims) const;
    std::optional<AccessClaims> verify(const QString &token, qint64 now, QString *reason) const;

private:
    QString m_issuer;
    QString m_audience;
    std::optional<Ed25519Key> m_signingKey;
    QHash<QString, Ed25519Key> m_keysByKid;
    QList<QString> m_kidOrder; // for a stable JWKS
};

} // namespace mana::server
