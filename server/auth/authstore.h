// The auth tables (prefix auth_) and every SQL statement of the auth code.
// The SQL is portable to PostgreSQL: TEXT/INTEGER/BIGINT columns, bound
// values, CREATE … IF NOT EXISTS, no SQLite-only syntax.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace mana::server {

struct StoredUser
{
    QString id;
    QString email; // lowercase
    std::optional<QString> name;
    QString passwordHash;
    bool emailVerified = false;
};

struct StoredSigningKey
{
    QString kid;
    QByteArray privateKeyPem;
    qint64 createdAt = 0;
};

// A refresh token row with what is needed to answer a refresh.
struct StoredRefreshToken
{
    QString sessionId;
    QString userId;
    QString email;
    std::optional<QString> name;
    qint64 expiresAt = 0;
    bool used = false;
    bool sessionRevoked = false;
};

struct NewSession
{
    QString sessionId;
    QString userId;
    QString deviceId;
    QString deviceName;
};

class AuthStore
{
public:
    explicit AuthStore(QString connectionName);

    // Every method returns false (or nullopt) when the database fails; the
    // reason is then in lastError().
    QString lastError() const { return m_lastError; }

    bool createTables();

    std::optional<QList<StoredSigningKey>> signingKeys(); // oldest first
    bool insertSigningKey(const StoredSigningKey &key);

    enum class InsertUserResult { Inserted, EmailTaken, Failed };
    InsertUserResult insertUser(const StoredUser &user, qint64 now);
    // Outer nullopt: the database failed; inner nullopt: no such user.
    std::optional<std::optional<StoredUser>> userByEmail(const QString &email);

    bool createSession(const NewSession &session, const QByteArray &refreshTokenHash, qint64 now,
                       qint64 refreshExpiresAt);
    std::optional<std::optional<StoredRefreshToken>> refreshToken(const QByteArray &tokenHash);
    // Marks the token used and stores its successor in one transaction.
    // Returns false without change when the token was used meanwhile (check
    // lastError() empty to tell that from a database failure).
    bool rotateRefreshToken(const QByteArray &usedTokenHash, const QString &sessionId,
                            const QByteArray &newTokenHash, qint64 now, qint64 newExpiresAt);
    bool revokeSession(const QString &sessionId, qint64 now, const QString &reason);

    // Session id -> user id of every session an access token may still use:
    // not revoked, of an existing user, with a refresh token valid at `now`.
    std::optional<QHash<QString, QString>> liveSessions(qint64 now);

    struct PurgeResult
    {
        int refreshTokens = 0;
        QStringList sessionIds; // the sessions deleted
    };
    // Deletes refresh tokens expired at `now`, sessions revoked at or before
    // `revokedUpTo` (with their tokens), and sessions left without a token.
    std::optional<PurgeResult> purgeExpired(qint64 now, qint64 revokedUpTo);

private:
    QSqlDatabase database() const;
    bool exec(QSqlQuery &query);

    QString m_connectionName;
    QString m_lastError;
};

} // namespace mana::server
