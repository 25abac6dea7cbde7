// AuthStore on PostgreSQL through libpq (server/pg), on the connection the
// change store uses too. The same tables as SqliteAuthStore, created by the
// "auth" migrations in schema_version.
#pragma once

#include "authstore.h"

#include <memory>

namespace mana::server {

namespace pg {
class Connection;
}

class PostgresAuthStore final : public AuthStore
{
public:
    explicit PostgresAuthStore(std::shared_ptr<pg::Connection> connection);
    ~PostgresAuthStore() override;

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

    static int schemaVersion();

private:
    std::shared_ptr<pg::Connection> m_connection;
};

} // namespace mana::server
