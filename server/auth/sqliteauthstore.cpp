#include "authstore.h"

#include "authlog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace mana::server {

namespace {

const char *const schema[] = {
    "CREATE TABLE IF NOT EXISTS auth_users ("
    " id TEXT PRIMARY KEY,"
    " email TEXT NOT NULL UNIQUE,"
    " name TEXT,"
    " password_hash TEXT NOT NULL,"
    " email_verified INTEGER NOT NULL,"
    " created_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS auth_sessions ("
    " id TEXT PRIMARY KEY,"
    " user_id TEXT NOT NULL,"
    " device_id TEXT,"
    " device_name TEXT,"
    " created_at BIGINT NOT NULL,"
    " last_refreshed_at BIGINT NOT NULL,"
    " revoked_at BIGINT,"
    " revoke_reason TEXT)",
    "CREATE INDEX IF NOT EXISTS auth_sessions_user ON auth_sessions (user_id)",
    // Only the SHA-256 of a refresh token is kept: a leaked table gives no
    // usable token.
    "CREATE TABLE IF NOT EXISTS auth_refresh_tokens ("
    " token_hash TEXT PRIMARY KEY,"
    " session_id TEXT NOT NULL,"
    " created_at BIGINT NOT NULL,"
    " expires_at BIGINT NOT NULL,"
    " used_at BIGINT)",
    "CREATE INDEX IF NOT EXISTS auth_refresh_tokens_session ON auth_refresh_tokens (session_id)",
    // The private key is stored as PKCS#8 PEM; whoever can read the database
    // can mint tokens, so the database file must be as private as the key.
    "CREATE TABLE IF NOT EXISTS auth_signing_keys ("
    " kid TEXT PRIMARY KEY,"
    " private_key_pem TEXT NOT NULL,"
    " created_at BIGINT NOT NULL)",
};

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// Commits on commit(), rolls back otherwise, so every early return is safe.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase database)
        : m_database(std::move(database))
        , m_open(m_database.transaction())
    {}
    ~Transaction()
    {
        if (m_open)
            m_database.rollback();
    }
    bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        return m_database.commit();
    }

private:
    QSqlDatabase m_database;
    bool m_open;
};

} // namespace

AuthStore::~AuthStore() = default;

SqliteAuthStore::SqliteAuthStore(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

QSqlDatabase SqliteAuthStore::database() const
{
    return QSqlDatabase::database(m_connectionName);
}

bool SqliteAuthStore::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    m_lastError = query.lastError().text();
    qCWarning(lcAuth) << "auth query failed:" << m_lastError;
    return false;
}

bool SqliteAuthStore::createTables()
{
    m_lastError.clear();
    QSqlDatabase db = database();
    if (!db.isOpen()) {
        m_lastError =
            QStringLiteral("database connection \"%1\" is not open").arg(m_connectionName);
        return false;
    }
    for (const char *statement : schema) {
        // Executed directly, not prepared: PostgreSQL cannot PREPARE DDL,
        // and the QPSQL driver prepares server-side.
        QSqlQuery query(db);
        if (!query.exec(QString::fromLatin1(statement))) {
            m_lastError = query.lastError().text();
            qCWarning(lcAuth) << "creating the auth tables failed:" << m_lastError;
            return false;
        }
    }
    return true;
}

std::optional<QList<StoredSigningKey>> SqliteAuthStore::signingKeys()
{
    m_lastError.clear();
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT kid, private_key_pem, created_at FROM auth_signing_keys ORDER BY created_at, kid"));
    if (!exec(query))
        return std::nullopt;
    QList<StoredSigningKey> keys;
    while (query.next()) {
        keys.append({query.value(0).toString(), query.value(1).toString().toLatin1(),
                     query.value(2).toLongLong()});
    }
    return keys;
}

bool SqliteAuthStore::insertFirstSigningKey(const StoredSigningKey &key)
{
    m_lastError.clear();
    QSqlQuery query(database());
    // One statement, so SQLite's write lock covers the check.
    query.prepare(QStringLiteral(
        "INSERT INTO auth_signing_keys (kid, private_key_pem, created_at) SELECT ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM auth_signing_keys)"));
    query.addBindValue(key.kid);
    query.addBindValue(QString::fromLatin1(key.privateKeyPem));
    query.addBindValue(key.createdAt);
    return exec(query);
}

AuthStore::InsertUserResult SqliteAuthStore::insertUser(const StoredUser &user, qint64 now)
{
    const auto existing = userByEmail(user.email);
    if (!existing)
        return InsertUserResult::Failed;
    if (existing->has_value())
        return InsertUserResult::EmailTaken;

    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO auth_users (id, email, name, password_hash, "
                                 "email_verified, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(user.id);
    query.addBindValue(user.email);
    query.addBindValue(user.name ? QVariant(*user.name) : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(user.passwordHash);
    query.addBindValue(user.emailVerified ? 1 : 0);
    query.addBindValue(now);
    if (exec(query))
        return InsertUserResult::Inserted;
    // Another connection may have registered the email between our check
    // and the insert; the UNIQUE constraint then refused ours.
    const QString insertError = m_lastError;
    const auto afterFailure = userByEmail(user.email);
    if (afterFailure && afterFailure->has_value())
        return InsertUserResult::EmailTaken;
    m_lastError = insertError;
    return InsertUserResult::Failed;
}

std::optional<std::optional<StoredUser>> SqliteAuthStore::userByEmail(const QString &email)
{
    m_lastError.clear();
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, email, name, password_hash, email_verified "
                                 "FROM auth_users WHERE email = ?"));
    query.addBindValue(email);
    if (!exec(query))
        return std::nullopt;
    if (!query.next())
        return std::optional<StoredUser>();
    StoredUser user;
    user.id = query.value(0).toString();
    user.email = query.value(1).toString();
    if (!query.value(2).isNull())
        user.name = query.value(2).toString();
    user.passwordHash = query.value(3).toString();
    user.emailVerified = query.value(4).toLongLong() != 0;
    return std::optional<StoredUser>(user);
}

bool SqliteAuthStore::createSession(const NewSession &session, const QByteArray &refreshTokenHash,
                                    qint64 now, qint64 refreshExpiresAt)
{
    m_lastError.clear();
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (!transaction.isOpen()) {
        m_lastError = db.lastError().text();
        return false;
    }
    QSqlQuery insertSession(db);
    insertSession.prepare(QStringLiteral(
        "INSERT INTO auth_sessions (id, user_id, device_id, device_name, created_at, "
        "last_refreshed_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insertSession.addBindValue(session.sessionId);
    insertSession.addBindValue(session.userId);
    insertSession.addBindValue(nullableText(session.deviceId));
    insertSession.addBindValue(nullableText(session.deviceName));
    insertSession.addBindValue(now);
    insertSession.addBindValue(now);
    if (!exec(insertSession))
        return false;

    QSqlQuery insertToken(db);
    insertToken.prepare(QStringLiteral("INSERT INTO auth_refresh_tokens (token_hash, session_id, "
                                       "created_at, expires_at) VALUES (?, ?, ?, ?)"));
    insertToken.addBindValue(QString::fromLatin1(refreshTokenHash));
    insertToken.addBindValue(session.sessionId);
    insertToken.addBindValue(now);
    insertToken.addBindValue(refreshExpiresAt);
    if (!exec(insertToken))
        return false;
    if (!transaction.commit()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

std::optional<std::optional<StoredRefreshToken>>
SqliteAuthStore::refreshToken(const QByteArray &tokenHash)
{
    m_lastError.clear();
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT t.session_id, s.user_id, u.email, u.name, t.expires_at, t.used_at, s.revoked_at "
        "FROM auth_refresh_tokens t "
        "JOIN auth_sessions s ON s.id = t.session_id "
        "JOIN auth_users u ON u.id = s.user_id "
        "WHERE t.token_hash = ?"));
    query.addBindValue(QString::fromLatin1(tokenHash));
    if (!exec(query))
        return std::nullopt;
    if (!query.next())
        return std::optional<StoredRefreshToken>();
    StoredRefreshToken token;
    token.sessionId = query.value(0).toString();
    token.userId = query.value(1).toString();
    token.email = query.value(2).toString();
    if (!query.value(3).isNull())
        token.name = query.value(3).toString();
    token.expiresAt = query.value(4).toLongLong();
    token.used = !query.value(5).isNull();
    token.sessionRevoked = !query.value(6).isNull();
    return std::optional<StoredRefreshToken>(token);
}

bool SqliteAuthStore::rotateRefreshToken(const QByteArray &usedTokenHash, const QString &sessionId,
                                         const QByteArray &newTokenHash, qint64 now,
                                         qint64 newExpiresAt)
{
    m_lastError.clear();
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (!transaction.isOpen()) {
        m_lastError = db.lastError().text();
        return false;
    }
    // The used_at IS NULL condition makes the use atomic: of two requests
    // racing with one token, only one updates the row.
    QSqlQuery markUsed(db);
    markUsed.prepare(QStringLiteral(
        "UPDATE auth_refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"));
    markUsed.addBindValue(now);
    markUsed.addBindValue(QString::fromLatin1(usedTokenHash));
    if (!exec(markUsed))
        return false;
    if (markUsed.numRowsAffected() != 1)
        return false;

    QSqlQuery insertToken(db);
    insertToken.prepare(QStringLiteral("INSERT INTO auth_refresh_tokens (token_hash, session_id, "
                                       "created_at, expires_at) VALUES (?, ?, ?, ?)"));
    insertToken.addBindValue(QString::fromLatin1(newTokenHash));
    insertToken.addBindValue(sessionId);
    insertToken.addBindValue(now);
    insertToken.addBindValue(newExpiresAt);
    if (!exec(insertToken))
        return false;

    QSqlQuery touchSession(db);
    touchSession.prepare(
        QStringLiteral("UPDATE auth_sessions SET last_refreshed_at = ? WHERE id = ?"));
    touchSession.addBindValue(now);
    touchSession.addBindValue(sessionId);
    if (!exec(touchSession))
        return false;
    if (!transaction.commit()) {
        m_lastError = db.lastError().text();
        return false;
    }
    return true;
}

bool SqliteAuthStore::revokeSession(const QString &sessionId, qint64 now, const QString &reason)
{
    m_lastError.clear();
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE auth_sessions SET revoked_at = ?, revoke_reason = ? "
                                 "WHERE id = ? AND revoked_at IS NULL"));
    query.addBindValue(now);
    query.addBindValue(reason);
    query.addBindValue(sessionId);
    return exec(query);
}

} // namespace mana::server

namespace mana::server {

std::optional<QHash<QString, QString>> SqliteAuthStore::liveSessions(qint64 now)
{
    m_lastError.clear();
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT s.id, s.user_id FROM auth_sessions s "
                       "JOIN auth_users u ON u.id = s.user_id "
                       "WHERE s.revoked_at IS NULL AND EXISTS (SELECT 1 FROM auth_refresh_tokens t "
                       "WHERE t.session_id = s.id AND t.expires_at > ?)"));
    query.addBindValue(now);
    if (!exec(query))
        return std::nullopt;
    QHash<QString, QString> sessions;
    while (query.next())
        sessions.insert(query.value(0).toString(), query.value(1).toString());
    return sessions;
}

std::optional<std::optional<QString>> SqliteAuthStore::liveSessionOwner(const QString &sessionId,
                                                                        qint64 now)
{
    m_lastError.clear();
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT s.user_id FROM auth_sessions s "
                       "JOIN auth_users u ON u.id = s.user_id "
                       "WHERE s.id = ? AND s.revoked_at IS NULL AND EXISTS (SELECT 1 FROM "
                       "auth_refresh_tokens t WHERE t.session_id = s.id AND t.expires_at > ?)"));
    query.addBindValue(sessionId);
    query.addBindValue(now);
    if (!exec(query))
        return std::nullopt;
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

std::optional<AuthStore::PurgeResult> SqliteAuthStore::purgeExpired(qint64 now, qint64 revokedUpTo)
{
    m_lastError.clear();
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (!transaction.isOpen()) {
        m_lastError = db.lastError().text();
        return std::nullopt;
    }
    PurgeResult result;
    QSqlQuery expiredTokens(db);
    expiredTokens.prepare(QStringLiteral("DELETE FROM auth_refresh_tokens WHERE expires_at <= ?"));
    expiredTokens.addBindValue(now);
    if (!exec(expiredTokens))
        return std::nullopt;
    result.refreshTokens = expiredTokens.numRowsAffected();

    // A revoked session's tokens can never be used again; they are kept for
    // a while (revokedUpTo) only so the log and the table agree on recent
    // revocations.
    QSqlQuery revokedTokens(db);
    revokedTokens.prepare(QStringLiteral(
        "DELETE FROM auth_refresh_tokens WHERE session_id IN "
        "(SELECT id FROM auth_sessions WHERE revoked_at IS NOT NULL AND revoked_at <= ?)"));
    revokedTokens.addBindValue(revokedUpTo);
    if (!exec(revokedTokens))
        return std::nullopt;
    result.refreshTokens += revokedTokens.numRowsAffected();

    // Every live session holds at least its newest refresh token, so a
    // session without any is over (expired, or revoked and purged above).
    const QString finished = QStringLiteral(
        "FROM auth_sessions WHERE (revoked_at IS NOT NULL AND revoked_at <= ?) OR NOT EXISTS "
        "(SELECT 1 FROM auth_refresh_tokens t WHERE t.session_id = auth_sessions.id)");
    QSqlQuery finishedSessions(db);
    finishedSessions.prepare(QStringLiteral("SELECT id ") + finished);
    finishedSessions.addBindValue(revokedUpTo);
    if (!exec(finishedSessions))
        return std::nullopt;
    while (finishedSessions.next())
        result.sessionIds.append(finishedSessions.value(0).toString());
    if (!result.sessionIds.isEmpty()) {
        QSqlQuery deleteSessions(db);
        deleteSessions.prepare(QStringLiteral("DELETE ") + finished);
        deleteSessions.addBindValue(revokedUpTo);
        if (!exec(deleteSessions))
            return std::nullopt;
    }
    if (!transaction.commit()) {
        m_lastError = db.lastError().text();
        return std::nullopt;
    }
    return result;
}

} // namespace mana::server
