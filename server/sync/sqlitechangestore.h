// ChangeStore on SQLite through QtSql. The SQL is kept portable where it is
// cheap (no upserts, no SQLite-only functions) so the PostgreSQL store can
// reuse most of it.
#pragma once

#include "changestore.h"

#include <QSqlDatabase>

namespace mana::server {

class SqliteChangeStore final : public ChangeStore
{
public:
    // Opens the file as the QtSql connection `connectionName` in WAL mode
    // with synchronous=FULL: an answered push survives a power cut or a
    // SIGKILL right after the answer.
    static bool openDatabase(const QString &path, const QString &connectionName, QString *error);

    explicit SqliteChangeStore(QString connectionName);

    bool initialize(QString *error) override;
    bool isHealthy() override;
    QString databaseId() const override { return m_databaseId; }

    ApplyResult applyChanges(const QString &userId, const QString &appId, const QString &clientId,
                             const QList<IncomingRecordChange> &changes,
                             const PrepareIncoming &prepare) override;
    ChangePage changesSince(const ChangeQuery &query) override;
    std::optional<qint64> head(const QString &userId) override;

    // The layout of the sync tables this code writes; initialize() migrates
    // older databases to it and refuses newer ones.
    static constexpr int schemaVersion = 2;

private:
    QSqlDatabase database() const;
    bool migrate(int fromVersion, QString *error);

    QString m_connectionName;
    QString m_databaseId;
};

} // namespace mana::server
