// ChangeStore on PostgreSQL through libpq (server/pg). The same tables and
// the same page semantics as SqliteChangeStore; what differs is how a push
// keeps the per-user sequence exact when several connections (later:
// several mana-sync processes) push for one user at once: the user's head
// row is locked first (docs/server.md "PostgreSQL").
#pragma once

#include "changestore.h"

#include <memory>

namespace mana::server {

namespace pg {
class Connection;
}

class PostgresChangeStore final : public ChangeStore
{
public:
    // The connection may be shared with the auth store (one thread).
    explicit PostgresChangeStore(std::shared_ptr<pg::Connection> connection);
    ~PostgresChangeStore() override;

    bool initialize(QString *error) override;
    bool isHealthy() override;
    QString databaseId() const override { return m_databaseId; }

    ApplyResult applyChanges(const QString &userId, const QString &appId, const QString &clientId,
                             const QList<IncomingRecordChange> &changes,
                             const PrepareIncoming &prepare) override;
    ChangePage changesSince(const ChangeQuery &query) override;
    std::optional<qint64> head(const QString &userId) override;

    // The last migration of the "sync" component in schema_version.
    static int schemaVersion();

private:
    std::optional<qint64> readHead(const QString &userId, QString *error);

    std::shared_ptr<pg::Connection> m_connection;
    QString m_databaseId;
};

} // namespace mana::server
