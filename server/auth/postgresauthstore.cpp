#include "postgresauthstore.h"

#include "authlog.h"
#include "pg/pgconnection.h"

namespace mana::server {

using pg::Params;
using pg::Result;

namespace {

const QList<pg::Migration> &migrations()
{
    static const QList<pg::Migration> steps{
        {1,
         QStringLiteral("the auth tables"),
         {
             QStringLiteral("CREATE TABLE auth_users (id TEXT PRIMARY KEY, "
                            "email TEXT NOT NULL UNIQUE, name TEXT, password_hash TEXT NOT NULL, "
                            "email_verified INTEGER NOT NULL, created_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE auth_sessions (id TEXT PRIMARY KEY, "
                            "user_id TEXT NOT NULL, device_id TEXT, device_name TEXT, "
                            "created_at BIGINT NOT NULL, last_refreshed_at BIGINT NOT NULL, "
                            "revoked_at BIGINT, revoke_reason TEXT)"),
             QStringLiteral("CREATE INDEX auth_sessions_user ON auth_sessions (user_id)"),
             // Only the SHA-256 of a refresh token is kept.
             QStringLiteral("CREATE TABLE auth_refresh_tokens (token_hash TEXT PRIMARY KEY, "
                            "session_id TEXT NOT NULL, created_at BIGINT NOT NULL, "
                            "expires_at BIGINT NOT NULL, used_at BIGINT)"),
             QStringLiteral("CREATE INDEX auth_refresh_tokens_session ON auth_refresh_tokens "
                            "(session_id)"),
             // Whoever can read this table can mint tokens.
             QStringLiteral("CREATE TABLE auth_signing_keys (kid TEXT PRIMARY KEY, "
                            "private_key_pem TEXT NOT NULL, created_at BIGINT NOT NULL)"),
         }},
    };
    return steps;
}

Params &addNullableText(Params &params, const QString &text)
{
    return text.isEmpty() ? params.addNull() : params.add(text);
}

} // namespace

PostgresAuthStore::PostgresAuthStore(std::shared_ptr<pg::Connection> connection)
    : m_connection(std::move(connection))
{}

PostgresAuthStore::~PostgresAuthStore() = default;

int PostgresAuthStore::schemaVersion()
{
    return migrations().constLast().version;
}

bool PostgresAuthStore::createTables()
{
    m_lastError.clear();
    if (!pg::migrate(*m_connection, QStringLiteral("auth"), migrations(), &m_lastError)) {
        qCWarning(lcAuth) << "creating the auth tables failed:" << m_lastError;
        return false;
    }
    return true;
}

// Every method: runs its statements, keeps the first error.
#define MANA_PG_RUN(result, call)                                                                  \
    Result result = (call);                                                                        \
    if (!result.ok()) {                                                                            \
        m_lastError = result.error();                                                              \
        qCWarning(lcAuth) << "auth query failed:" << m_lastError;                                  \
        return {};                                                                                 \
    }

std::optional<QList<StoredSigningKey>> PostgresAuthStore::signingKeys()
{
    m_lastError.clear();
    m_connection->ensureConnected();
    MANA_PG_RUN(rows, m_connection->exec(QStringLiteral("SELECT kid, private_key_pem, created_at "
                                                        "FROM auth_signing_keys "
                                                        "ORDER BY created_at, kid")));
    QList<StoredSigningKey> keys;
    for (int row = 0; row < rows.rows(); ++row)
        keys.append({rows.text(row, 0), rows.utf8(row, 1), rows.int64(row, 2)});
    return keys;
}

bool PostgresAuthStore::insertFirstSigningKey(const StoredSigningKey &key)
{
    m_lastError.clear();
    pg::Transaction transaction(*m_connection);
    if (!transaction.isOpen()) {
        m_lastError = transaction.error();
        return false;
    }
    // Two servers starting at once on an empty table: the lock makes the
    // second wait for the first's commit, and its NOT EXISTS then sees that
    // key, so both sign with the same one (each would otherwise refuse the
    // other's tokens: unknown kid).
    MANA_PG_RUN(locked, m_connection->exec(QStringLiteral(
                            "LOCK TABLE auth_signing_keys IN SHARE ROW EXCLUSIVE MODE")));
    MANA_PG_RUN(done, m_connection->exec(
                          QStringLiteral("INSERT INTO auth_signing_keys (kid, private_key_pem, "
                                         "created_at) SELECT $1, $2, $3 WHERE NOT EXISTS "
                                         "(SELECT 1 FROM auth_signing_keys)"),
                          Params().add(key.kid).addUtf8(key.privateKeyPem).add(key.createdAt)));
    if (!transaction.commit()) {
        m_lastError = transaction.error();
        return false;
    }
    return true;
}

AuthStore::InsertUserResult PostgresAuthStore::insertUser(const StoredUser &user, qint64 now)
{
    m_lastError.clear();
    m_connection->ensureConnected();
    Params params;
    params.add(user.id).add(user.email);
    if (user.name)
        params.add(*user.name);
    else
        params.addNull();
    params.add(user.passwordHash).add(qint64(user.emailVerified ? 1 : 0)).add(now);
    // The UNIQUE constraint decides, also between two servers registering
    // the same email at once.
    const Result done = m_connection->execPrepared(
        QStringLiteral("INSERT INTO auth_users (id, email, name, password_hash, email_verified, "
                       "created_at) VALUES ($1, $2, $3, $4, $5, $6) "
                       "ON CONFLICT (email) DO NOTHING"),
        params);
    if (!done.ok()) {
        m_lastError = done.error();
        qCWarning(lcAuth) << "auth query failed:" << m_lastError;
        return InsertUserResult::Failed;
    }
    return done.affectedRows() == 1 ? InsertUserResult::Inserted : InsertUserResult::EmailTaken;
}

std::optional<std::optional<StoredUser>> PostgresAuthStore::userByEmail(const QString &email)
{
    m_lastError.clear();
    m_connection->ensureConnected();
    MANA_PG_RUN(rows, m_connection->execPrepared(
                          QStringLiteral("SELECT id, email, name, password_hash, email_verified "
                                         "FROM auth_users WHERE email = $1"),
                          Params().add(email)));
    if (rows.rows() == 0)
        return std::optional<StoredUser>();
    StoredUser user;
    user.id = rows.text(0, 0);
    user.email = rows.text(0, 1);
    if (!rows.isNull(0, 2))
        user.name = rows.text(0, 2);
    user.passwordHash = rows.text(0, 3);
    user.emailVerified = rows.int64(0, 4) != 0;
    return std::optional<StoredUser>(user);
}

bool PostgresAuthStore::createSession(const NewSession &session, const QByteArray &refreshTokenHash,
                                      qint64 now, qint64 refreshExpiresAt)
{
    m_lastError.clear();
    pg::Transaction transaction(*m_connection);
    if (!transaction.isOpen()) {
        m_lastError = transaction.error();
        return false;
    }
    Params sessionParams;
    sessionParams.add(session.sessionId).add(session.userId);
    addNullableText(sessionParams, session.deviceId);
    addNullableText(sessionParams, session.deviceName);
    sessionParams.add(now);
    MANA_PG_RUN(inserted, m_connection->execPrepared(
                              QStringLiteral("INSERT INTO auth_sessions (id, user_id, device_id, "
                                             "device_name, created_at, last_refreshed_at) "
                                             "VALUES ($1, $2, $3, $4, $5, $5)"),
                              sessionParams));
    MANA_PG_RUN(token, m_connection->execPrepared(
                           QStringLiteral("INSERT INTO auth_refresh_tokens (token_hash, "
                                          "session_id, created_at, expires_at) "
                                          "VALUES ($1, $2, $3, $4)"),
                           Params()
                               .addUtf8(refreshTokenHash)
                               .add(session.sessionId)
                               .add(now)
                               .add(refreshExpiresAt)));
    if (!transaction.commit()) {
        m_lastError = transaction.error();
        return false;
    }
    return true;
}

std::optional<std::optional<StoredRefreshToken>>
PostgresAuthStore::refreshToken(const QByteArray &tokenHash)
{
    m_lastError.clear();
    m_connection->ensureConnected();
    MANA_PG_RUN(rows, m_connection->execPrepared(
                          QStringLiteral("SELECT t.session_id, s.user_id, u.email, u.name, "
                                         "t.expires_at, t.used_at, s.revoked_at "
                                         "FROM auth_refresh_tokens t "
                                         "JOIN auth_sessions s ON s.id = t.session_id "
                                         "JOIN auth_users u ON u.id = s.user_id "
                                         "WHERE t.token_hash = $1"),
                          Params().addUtf8(tokenHash)));
    if (rows.rows() == 0)
        return std::optional<StoredRefreshToken>();
    StoredRefreshToken token;
    token.sessionId = rows.text(0, 0);
    token.userId = rows.text(0, 1);
    token.email = rows.text(0, 2);
    if (!rows.isNull(0, 3))
        token.name = rows.text(0, 3);
    token.expiresAt = rows.int64(0, 4);
    token.used = !rows.isNull(0, 5);
    token.sessionRevoked = !rows.isNull(0, 6);
    return std::optional<StoredRefreshToken>(token);
}

bool PostgresAuthStore::rotateRefreshToken(const QByteArray &usedTokenHash,
                                           const QString &sessionId, const QByteArray &newTokenHash,
                                           qint64 now, qint64 newExpiresAt)
{
    m_lastError.clear();
    pg::Transaction transaction(*m_connection);
    if (!transaction.isOpen()) {
        m_lastError = transaction.error();
        return false;
    }
    // The used_at IS NULL condition makes the use atomic: of two requests
    // racing with one token (also on two servers), one updates the row;
    // the other waits for its commit and then finds used_at set.
    MANA_PG_RUN(marked, m_connection->execPrepared(
                            QStringLiteral("UPDATE auth_refresh_tokens SET used_at = $1 "
                                           "WHERE token_hash = $2 AND used_at IS NULL"),
                            Params().add(now).addUtf8(usedTokenHash)));
    if (marked.affectedRows() != 1)
        return false;
    MANA_PG_RUN(inserted,
                m_connection->execPrepared(
                    QStringLiteral("INSERT INTO auth_refresh_tokens (token_hash, "
                                   "session_id, created_at, expires_at) "
                                   "VALUES ($1, $2, $3, $4)"),
                    Params().addUtf8(newTokenHash).add(sessionId).add(now).add(newExpiresAt)));
    MANA_PG_RUN(touched, m_connection->execPrepared(
                             QStringLiteral("UPDATE auth_sessions SET last_refreshed_at = $1 "
                                            "WHERE id = $2"),
                             Params().add(now).add(sessionId)));
    if (!transaction.commit()) {
        m_lastError = transaction.error();
        return false;
    }
    return true;
}

bool PostgresAuthStore::revokeSession(const QString &sessionId, qint64 now, const QString &reason)
{
    m_lastError.clear();
    m_connection->ensureConnected();
    MANA_PG_RUN(
        done, m_connection->execPrepared(QStringLiteral("UPDATE auth_sessions SET revoked_at = $1, "
                                                        "revoke_reason = $2 WHERE id = $3 "
                                                        "AND revoked_at IS NULL"),
                                         Params().add(now).add(reason).add(sessionId)));
    return true;
}

std::optional<QHash<QString, QString>> PostgresAuthStore::liveSessions(qint64 now)
{
    m_lastError.clear();
    m_connection->ensureConnected();
    MANA_PG_RUN(rows, m_connection->exec(
                          QStringLiteral("SELECT s.id, s.user_id FROM auth_sessions s "
                                         "JOIN auth_users u ON u.id = s.user_id "
                                         "WHERE s.revoked_at IS NULL AND EXISTS (SELECT 1 FROM "
                                         "auth_refresh_tokens t WHERE t.session_id = s.id "
                                         "AND t.expires_at > $1)"),
                          Params().add(now)));
    QHash<QString, QString> sessions;
    sessions.reserve(rows.rows());
    for (int row = 0; row < rows.rows(); ++row)
        sessions.insert(rows.text(row, 0), rows.text(row, 1));
    return sessions;
}

std::optional<std::optional<QString>> PostgresAuthStore::liveSessionOwner(const QString &sessionId,
                                                                          qint64 now)
{
    m_lastError.clear();
    m_connection->ensureConnected();
    // Every token check of a session this process has not seen runs this.
    MANA_PG_RUN(rows, m_connection->execPrepared(
                          QStringLiteral("SELECT s.user_id FROM auth_sessions s "
                                         "JOIN auth_users u ON u.id = s.user_id "
                                         "WHERE s.id = $1 AND s.revoked_at IS NULL AND EXISTS "
                                         "(SELECT 1 FROM auth_refresh_tokens t WHERE "
                                         "t.session_id = s.id AND t.expires_at > $2)"),
                          Params().add(sessionId).add(now)));
    if (rows.rows() == 0)
        return std::optional<QString>();
    return std::optional<QString>(rows.text(0, 0));
}

std::optional<AuthStore::PurgeResult> PostgresAuthStore::purgeExpired(qint64 now,
                                                                      qint64 revokedUpTo)
{
    m_lastError.clear();
    pg::Transaction transaction(*m_connection);
    if (!transaction.isOpen()) {
        m_lastError = transaction.error();
        return std::nullopt;
    }
    PurgeResult result;
    MANA_PG_RUN(
        expired,
        m_connection->exec(QStringLiteral("DELETE FROM auth_refresh_tokens WHERE expires_at <= $1"),
                           Params().add(now)));
    result.refreshTokens = int(expired.affectedRows());
    MANA_PG_RUN(revoked,
                m_connection->exec(
                    QStringLiteral("DELETE FROM auth_refresh_tokens WHERE session_id IN "
                                   "(SELECT id FROM auth_sessions WHERE revoked_at IS NOT NULL "
                                   "AND revoked_at <= $1)"),
                    Params().add(revokedUpTo)));
    result.refreshTokens += int(revoked.affectedRows());
    // Every live session holds at least its newest refresh token, so a
    // session without any is over (expired, or revoked and purged above).
    MANA_PG_RUN(finished,
                m_connection->exec(
                    QStringLiteral("DELETE FROM auth_sessions WHERE (revoked_at IS NOT NULL AND "
                                   "revoked_at <= $1) OR NOT EXISTS (SELECT 1 FROM "
                                   "auth_refresh_tokens t WHERE t.session_id = auth_sessions.id) "
                                   "RETURNING id"),
                    Params().add(revokedUpTo)));
    for (int row = 0; row < finished.rows(); ++row)
        result.sessionIds.append(finished.text(row, 0));
    if (!transaction.commit()) {
        m_lastError = transaction.error();
        return std::nullopt;
    }
    return result;
}

#undef MANA_PG_RUN

} // namespace mana::server
