// The storage of the auth code (tables with prefix auth_), behind one
// interface like the sync's ChangeStore: SqliteAuthStore (QtSql) and
// PostgresAuthStore (libpq) hold every SQL statement.
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
    virtual ~AuthStore();

    // Every method returns false (or nullopt) when the database fails; the
    // reason is then in lastError().
    QString lastError() const { return m_lastError; }

    // Creates (or migrates) the tables; idempotent.
    virtual bool createTables() = 0;

    virtual std::optional<QList<StoredSigningKey>> signingKeys() = 0; // oldest first
    // Stores the key unless the table holds one already (another server
    // process starting at the same moment stored its own); the caller reads
    // the keys back either way, so every process signs with the same key.
    virtual bool insertFirstSigningKey(const StoredSigningKey &key) = 0;

    enum class InsertUserResult { Inserted, EmailTaken, Failed };
    virtual InsertUserResult insertUser(const StoredUser &user, qint64 now) = 0;
    // Outer nullopt: the database failed; inner nullopt: no such user.
    virtual std::optional<std::optional<StoredUser>> userByEmail(const QString &email) = 0;

    virtual bool createSession(const NewSession &session, const QByteArray &refreshTokenHash,
                               qint64 now, qint64 refreshExpiresAt) = 0;
    virtual std::optional<std::optional<StoredRefreshToken>>
    refreshToken(const QByteArray &tokenHash) = 0;
    // Marks the token used and stores its successor in one transaction.
    // Returns false without change when the token was used meanwhile (check
    // lastError() empty to tell that from a database failure).
    virtual bool rotateRefreshToken(const QByteArray &usedTokenHash, const QString &sessionId,
                                    const QByteArray &newTokenHash, qint64 now,
                                    qint64 newExpiresAt) = 0;
    virtual bool revokeSession(const QString &sessionId, qint64 now, const QString &reason) = 0;

    // Session id -> user id of every session an access token may still use:
    // not revoked, of an existing user, with a refresh token valid at `now`.
    virtual std::optional<QHash<QString, QString>> liveSessions(qint64 now) = 0;
    // The user of one such session. Outer nullopt: the database failed;
    // inner nullopt: the session is not live.
    virtual std::optional<std::optional<QString>> liveSessionOwner(const QString &sessionId,
                                                                   qint64 now) = 0;

    struct PurgeResult
    {
        int refreshTokens = 0;
        QStringList sessionIds; // the sessions deleted
    };
    // Deletes refresh tokens expired at `now`, sessions revoked at or before
    // `revokedUpTo` (with their tokens), and sessions left without a token.
    virtual std::optional<PurgeResult> purgeExpired(qint64 now, qint64 revokedUpTo) = 0;

protected:
    QString m_lastError;
};

// On a QtSql (QSQLITE) connection by name. Its SQL is portable (it also ran
// on QPSQL before PostgresAuthStore existed).
class SqliteAuthStore final : public AuthStore
{
public:
    explicit SqliteAuthStore(QString connectionName);

    bool createTables() override;
    std::optional<QList<StoredSigningKey>> signingKeys() override;
    bool insertFirstSigningKey(const StoredSigningKey &key) override;
    InsertUserResult insertUser(const StoredUser &user, qint64 now) override;
    std::optional<std::optional<StoredUser>> userByEmail(const QString &email) override;
    bool createSession(const NewSession &session, const QByteArray &refreshTokenHash, qint64 now,
                       qint64 refreshExpiresAt) override;
    std::optional<std::optional<StoredRefreshToken>>
    refreshToken(const QByteArray &tokenHash) override;
    bool rotateRefreshToken(const QByteArray &usedTokenHash, const QString &sessionId,
                            const QByteArray &newTokenHash, qint64 now,
                            qint64 newExpiresAt) override;
    bool revokeSession(const QString &sessionId, qint64 now, const QString &reason) override;
    std::optional<QHash<QString, QString>> liveSessions(qint64 now) override;
    std::optional<std::optional<QString>> liveSessionOwner(const QString &sessionId,
                                                           qint64 now) override;
    std::optional<PurgeResult> purgeExpired(qint64 now, qint64 revokedUpTo) override;

private:
    QSqlDatabase database() const;
    bool exec(QSqlQuery &query);

    QString m_connectionName;
};

} // namespace mana::server
