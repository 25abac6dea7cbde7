// ChangeStore on SQLite through QtSql. The SQL is kept portable where it is
// cheap (no upserts, no SQLite-only functions) so the PostgreSQL store can
// reuse most of it.
#pragma once

#include "changestore.h"
#include "pushplan.h"

#include <QHash>
#include <QSqlDatabase>

#include <memory>

struct sqlite3;

namespace mana::server {

namespace sqlite {
class Statement;
}

class SqliteChangeStore final : public ChangeStore
{
public:
    enum class Durability {
        // WAL with synchronous=NORMAL: a committed push is in the WAL file
        // (the OS has it) before the answer, so it survives a crash or a
        // SIGKILL of the server; a power cut may lose the last pushes, never
        // the database. No fsync per commit.
        ServerCrash,
        // WAL with synchronous=FULL: an fsync per commit, so an answered push
        // also survives a power cut.
        PowerLoss,
    };

    // Opens the file as the QtSql connection `connectionName` in WAL mode.
    static bool openDatabase(const QString &path, const QString &connectionName, QString *error,
                             Durability durability = Durability::ServerCrash);

    explicit SqliteChangeStore(QString connectionName);
    ~SqliteChangeStore() override;

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
    // The statement for `sql` on the connection's SQLite handle, prepared
    // on its first use and reused after (preparing cost as much as running
    // a one-row statement). Null, with `error` set, when it does not prepare.
    sqlite::Statement *statement(const QString &sql, QString *error);
    std::optional<qint64> readHead(const QString &userId, QString *error);
    bool loadRecords(const QString &userId, const QString &appId, const QString &table,
                     const QStringList &ids, QHash<RecordKey, PushRecord> *records, QString *error);

    QString m_connectionName;
    QString m_databaseId;
    // Prepared on m_statementsHandle; dropped when the connection has
    // another handle (it was closed and opened again).
    QHash<QString, std::shared_ptr<sqlite::Statement>> m_statements;
    sqlite3 *m_statementsHandle = nullptr;
};

} // namespace mana::server
