// AuthEngine's token side: JWKS, access-token verification against the
// live sessions, the end of sessions and the purge of expired auth rows.
// (Accounts, login, refresh and logout are in authengine.cpp.)
#include "authengine.h"

#include "authlog.h"
#include "base64url.h"

#include <QJsonArray>

namespace mana::server {

HttpReply AuthEngine::jwks() const
{
    QJsonArray keys;
    for (const Ed25519Key &key : m_tokens.verificationKeys()) {
        keys.append(QJsonObject{{"kty", "OKP"},
                                {"crv", "Ed25519"},
                                {"alg", "EdDSA"},
                                {"use", "sig"},
                                {"kid", key.kid()},
                                {"x", QString::fromLatin1(base64url::encode(key.rawPublicKey()))}});
    }
    HttpReply reply = HttpReply::json(200, QJsonObject{{"keys", keys}});
    // Verifiers may cache the key set briefly; a new key shows up within this.
    reply.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("public, max-age=300")));
    return reply;
}

std::optional<AccessClaims> AuthEngine::verifyAccessToken(const QString &token,
                                                          QString *reason) const
{
    if (!m_initialized) {
        if (reason)
            *reason = QStringLiteral("auth not initialized");
        return std::nullopt;
    }
    auto claims = m_tokens.verify(token, now(), reason);
    if (!claims && reloadKeysForUnknownKid(token))
        claims = m_tokens.verify(token, now(), reason);
    if (!claims)
        return claims;
    // A session row only exists for an existing user, so this also refuses
    // a sub that names no account.
    auto owner = m_liveSessions.constFind(claims->sessionId);
    if (owner == m_liveSessions.constEnd() && m_config.sessionsSharedWithOtherInstances) {
        // Created by another process, or forgotten after a gap in their
        // messages. A database failure refuses the token (the client
        // retries) rather than trusting a session that may have ended.
        const auto stored = m_store->liveSessionOwner(claims->sessionId, now());
        if (!stored) {
            qCWarning(lcAuth) << "cannot read a session:" << m_store->lastError();
        } else if (*stored) {
            owner = m_liveSessions.insert(claims->sessionId, **stored);
        }
    }
    if (owner == m_liveSessions.constEnd()) {
        if (reason)
            *reason = QStringLiteral("session ended");
        return std::nullopt;
    }
    if (owner.value() != claims->userId) {
        if (reason)
            *reason = QStringLiteral("sub does not own the session");
        return std::nullopt;
    }
    return claims;
}

void AuthEngine::forgetSession(const QString &sessionId)
{
    m_liveSessions.remove(sessionId);
}

void AuthEngine::forgetCachedSessions()
{
    m_liveSessions.clear();
}

void AuthEngine::endSession(const QString &sessionId)
{
    if (m_liveSessions.remove(sessionId) && onSessionEnded)
        onSessionEnded(sessionId);
}

bool AuthEngine::purgeExpired()
{
    if (!m_initialized)
        return false;
    const qint64 currentTime = now();
    m_rateLimiter.sweep(currentTime);
    m_registrationLimiter.sweep(currentTime);
    // A revoked session's row is kept one access-token lifetime, so the
    // table still shows recent revocations; its tokens are refused by the
    // live-session check from the moment of revocation anyway.
    const auto purged =
        m_store->purgeExpired(currentTime, currentTime - m_config.accessTokenTtlSeconds);
    if (!purged) {
        qCWarning(lcAuth) << "purging expired sessions failed:" << m_store->lastError();
        return false;
    }
    for (const QString &sessionId : purged->sessionIds)
        endSession(sessionId);
    if (purged->refreshTokens > 0 || !purged->sessionIds.isEmpty())
        qCInfo(lcAuth) << "purged" << purged->refreshTokens << "refresh tokens and"
                       << purged->sessionIds.size() << "sessions";
    return true;
}

} // namespace mana::server
