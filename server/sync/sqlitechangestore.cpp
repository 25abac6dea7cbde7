#include "sqlitechangestore.h"

#include "serverlog.h"
#include "sqlitestatement.h"
#include "sqlitesupport.h"
#include "wire/timestamp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <algorithm>

namespace mana::server {

using sqlite::describe;
using sqlite::exec;
using sqlite::Transaction;

namespace {

bool readCandidates(sqlite::Statement &query, QList<PageCandidate> *candidates, QString *error)
{
    sqlite::ResetGuard reset(query);
    sqlite::Statement::Step step;
    while ((step = query.step()) == sqlite::Statement::Step::Row) {
        candidates->append(PageCandidate{query.columnText(0), query.columnText(1),
                                         query.columnInt64(2), query.columnUtf8(3)});
    }
    if (step == sqlite::Statement::Step::Error) {
        *error = query.error();
        return false;
    }
    return true;
}

} // namespace

bool SqliteChangeStore::openDatabase(const QString &path, const QString &connectionName,
                                     QString *error, Durability durability)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error =
            QStringLiteral("Cannot open the database \"%1\": %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery query(db);
    // journal_mode answers with the mode it got; a file that is not a
    // database fails here, which is the earliest clear error.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()) {
        *error = QStringLiteral("Cannot use \"%1\" as a database: %2").arg(path, describe(query));
        return false;
    }
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcStore) << "SQLite refused WAL mode; running with" << query.value(0).toString();
    if (!query.exec(durability == Durability::PowerLoss
                        ? QStringLiteral("PRAGMA synchronous=FULL")
                        : QStringLiteral("PRAGMA synchronous=NORMAL")) ||
        !query.exec(QStringLiteral("PRAGMA foreign_keys=ON")) ||
        // SQLite's default page cache (2 MiB) no longer held the indexes a
        // push touches once a user had some 50,000 records; each miss is a
        // read from the OS. The cache grows only as far as it is used.
        !query.exec(QStringLiteral("PRAGMA cache_size=-16384"))) {
        *error =
            QStringLiteral("Cannot configure the database \"%1\": %2").arg(path, describe(query));
        return false;
    }
    return true;
}

SqliteChangeStore::SqliteChangeStore(QString connectionName)
    : m_connectionName(std::move(connectionName))
{}

SqliteChangeStore::~SqliteChangeStore() = default;

QSqlDatabase SqliteChangeStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool SqliteChangeStore::initialize(QString *error)
{
    QSqlDatabase db = database();
    const QStringList tables{
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, "
                       "value TEXT NOT NULL)"),
        // The per-user sequence: one row per user, bumped in the push
        // transaction, so log order is commit order for that user.
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_user_heads (user_id TEXT PRIMARY KEY, "
                       "last_seq BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_log (user_id TEXT NOT NULL, "
                       "seq BIGINT NOT NULL, app_id TEXT NOT NULL, table_name TEXT NOT NULL, "
                       "record_id TEXT NOT NULL, client_id TEXT NOT NULL, "
                       "changed_fields TEXT NOT NULL, received_at TEXT NOT NULL, "
                       "PRIMARY KEY (user_id, seq))"),
        // last_seq, last_client_id: the record's latest log entry and its
        // writer. other_seq: its latest entry by any other writer (0: none),
        // which is where the record stands for a reader that leaves out
        // last_client_id's writes. With these a page is an index range, not
        // a scan of the log (schema version 2).
        QStringLiteral("CREATE TABLE IF NOT EXISTS sync_records (user_id TEXT NOT NULL, "
                       "app_id TEXT NOT NULL, table_name TEXT NOT NULL, record_id TEXT NOT NULL, "
                       "state TEXT NOT NULL, last_seq BIGINT NOT NULL, "
                       "last_client_id TEXT NOT NULL DEFAULT '', "
                       "other_seq BIGINT NOT NULL DEFAULT 0, "
                       "PRIMARY KEY (user_id, app_id, table_name, record_id))"),
    };
    // One index per page query: records by latest entry (all tables, one
    // table), and records last written by the reader by the other writers'
    // latest entry; those two only hold records with more than one writer.
    // last_client_id ends the first two so that stepping over the reader's
    // own latest writes reads the index only.
    const QStringList indexes{
        QStringLiteral("CREATE INDEX IF NOT EXISTS sync_records_by_seq ON sync_records "
                       "(user_id, app_id, last_seq, last_client_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS sync_records_by_table_seq ON sync_records "
                       "(user_id, app_id, table_name, last_seq, last_client_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS sync_records_by_other_seq ON sync_records "
                       "(user_id, app_id, last_client_id, other_seq) WHERE other_seq > 0"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS sync_records_by_table_other_seq ON "
                       "sync_records (user_id, app_id, table_name, last_client_id, other_seq) "
                       "WHERE other_seq > 0"),
        // sync_log_by_app (user_id, app_id, seq) served pulls before schema
        // version 2. Nothing reads it now, and every log entry paid for
        // keeping it up to date. (An older server creates it again.)
        QStringLiteral("DROP INDEX IF EXISTS sync_log_by_app"),
    };
    Transaction transaction(db);
    if (!transaction.isOpen()) {
        *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    for (const QString &statement : tables) {
        if (!query.exec(statement)) {
            *error = QStringLiteral("Cannot create the sync tables: %1").arg(describe(query));
            return false;
        }
    }
    query.prepare(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"));
    if (!exec(query, error))
        return false;
    const bool existed = query.next();
    m_databaseId =
        existed ? query.value(0).toString() : QUuid::createUuid().toString(QUuid::Id128).left(12);

    query.prepare(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'schema_version'"));
    if (!exec(query, error))
        return false;
    const bool versionStored = query.next();
    // Databases from before the version key are version 1; a new one gets
    // the current tables from the statements above.
    int version = existed ? 1 : schemaVersion;
    if (versionStored) {
        bool ok = false;
        version = query.value(0).toInt(&ok);
        if (!ok || version < 1) {
            *error = QStringLiteral("The sync schema version \"%1\" in the database is unreadable.")
                         .arg(query.value(0).toString());
            return false;
        }
    }
    query.finish();
    if (version > schemaVersion) {
        *error = QStringLiteral("The database was written by a newer mana-sync (sync schema "
                                "version %1; this one knows up to %2).")
                     .arg(version)
                     .arg(schemaVersion);
        return false;
    }
    if (version < schemaVersion && !migrate(version, error))
        return false;
    for (const QString &statement : indexes) {
        if (!query.exec(statement)) {
            *error = QStringLiteral("Cannot create the sync indexes: %1").arg(describe(query));
            return false;
        }
    }
    if (!existed) {
        query.prepare(
            QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('database_id', ?)"));
        query.addBindValue(m_databaseId);
        if (!exec(query, error))
            return false;
    }
    if (!versionStored || version != schemaVersion) {
        query.prepare(versionStored ? QStringLiteral("UPDATE sync_meta SET value = ? "
                                                     "WHERE key = 'schema_version'")
                                    : QStringLiteral("INSERT INTO sync_meta (value, key) "
                                                     "VALUES (?, 'schema_version')"));
        query.addBindValue(QString::number(schemaVersion));
        if (!exec(query, error))
            return false;
    }
    if (!transaction.commit()) {
        *error = db.lastError().text();
        return false;
    }
    return true;
}

// Runs inside initialize()'s transaction: a failed step leaves the database
// as it was.
bool SqliteChangeStore::migrate(int fromVersion, QString *error)
{
    QSqlQuery query(database());
    if (fromVersion < 2) {
        qCInfo(lcStore) << "migrating the sync tables from schema version" << fromVersion
                        << "to 2 (page positions in sync_records)";
        // The log is the truth: a record's latest entry is at last_seq, and
        // other_seq is its latest entry by a writer other than that one's.
        // The temporary table keeps this one pass over the log with index
        // lookups; a correlated subquery per record would scan the log.
        const QStringList steps{
            QStringLiteral("ALTER TABLE sync_records ADD COLUMN last_client_id TEXT NOT NULL "
                           "DEFAULT ''"),
            QStringLiteral("ALTER TABLE sync_records ADD COLUMN other_seq BIGINT NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("UPDATE sync_records SET last_client_id = COALESCE(("
                           "SELECT l.client_id FROM sync_log l WHERE l.user_id = "
                           "sync_records.user_id AND l.seq = sync_records.last_seq), '')"),
            QStringLiteral("CREATE TEMP TABLE sync_migration_other_seq (user_id TEXT NOT NULL, "
                           "app_id TEXT NOT NULL, table_name TEXT NOT NULL, "
                           "record_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                           "PRIMARY KEY (user_id, app_id, table_name, record_id))"),
            QStringLiteral("INSERT INTO sync_migration_other_seq SELECT l.user_id, l.app_id, "
                           "l.table_name, l.record_id, MAX(l.seq) FROM sync_log l "
                           "JOIN sync_records r ON r.user_id = l.user_id AND r.app_id = l.app_id "
                           "AND r.table_name = l.table_name AND r.record_id = l.record_id "
                           "WHERE l.client_id <> r.last_client_id "
                           "GROUP BY l.user_id, l.app_id, l.table_name, l.record_id"),
            QStringLiteral("UPDATE sync_records SET other_seq = COALESCE(("
                           "SELECT o.seq FROM sync_migration_other_seq o "
                           "WHERE o.user_id = sync_records.user_id "
                           "AND o.app_id = sync_records.app_id "
                           "AND o.table_name = sync_records.table_name "
                           "AND o.record_id = sync_records.record_id), 0)"),
            QStringLiteral("DROP TABLE sync_migration_other_seq"),
        };
        for (const QString &statement : steps) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("Cannot migrate the sync tables to schema version 2: %1")
                             .arg(describe(query));
                return false;
            }
        }
    }
    return true;
}

bool SqliteChangeStore::isHealthy()
{
    QSqlDatabase db = database();
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    return query.exec(QStringLiteral("SELECT 1")) && query.next() && query.value(0).toInt() == 1;
}

std::optional<qint64> SqliteChangeStore::head(const QString &userId)
{
    QString error;
    const auto head = readHead(userId, &error);
    if (!head)
        qCWarning(lcStore) << "reading the head failed:" << error;
    return head;
}

ChangePage SqliteChangeStore::changesSince(const ChangeQuery &request)
{
    ChangePage page;
    QSqlDatabase db = database();
    // One read transaction, so the head and the page come from one snapshot.
    Transaction transaction(db);
    const auto currentHead = head(request.userId);
    if (!currentHead) {
        page.error = QStringLiteral("cannot read the head");
        return page;
    }

    // Each record once, at the position of its latest qualifying entry:
    // a record not on this page has that position beyond the page's end, so
    // the next page (since = end) finds it. A record's latest entry
    // qualifies unless the reader wrote it; then its latest entry by another
    // writer (other_seq) does. Both are index ranges in position order, so
    // a page reads about limit rows whatever the log holds after `since`;
    // only the reader's own latest writes inside the range are stepped over
    // (in the index, without reading the rows).
    const QString tableFilter =
        request.table.isEmpty() ? QString() : QStringLiteral(" AND table_name = ?");
    // A page of nothing could not name its end; the service never asks for one.
    const int limit = std::max(1, request.limit);
    const int fetch = limit + 1;
    QList<PageCandidate> latest;
    {
        sqlite::Statement *query =
            statement(QStringLiteral("SELECT table_name, record_id, last_seq, state "
                                     "FROM sync_records WHERE user_id = ? AND app_id = ?%1 "
                                     "AND last_seq > ?%2 ORDER BY last_seq LIMIT ?")
                          .arg(tableFilter, request.excludeClientId.isEmpty()
                                                ? QString()
                                                : QStringLiteral(" AND last_client_id <> ?")),
                      &page.error);
        if (!query)
            return page;
        int column = 0;
        query->bind(++column, request.userId);
        query->bind(++column, request.appId);
        if (!request.table.isEmpty())
            query->bind(++column, request.table);
        query->bind(++column, request.since);
        if (!request.excludeClientId.isEmpty())
            query->bind(++column, request.excludeClientId);
        query->bind(++column, qint64(fetch));
        if (!readCandidates(*query, &latest, &page.error))
            return page;
    }
    QList<PageCandidate> byOthers;
    if (!request.excludeClientId.isEmpty()) {
        // `other_seq > 0` is spelled out so the partial indexes apply. With
        // a table, SQLite's estimates (it keeps no statistics) rate both
        // partial indexes alike and may take the one without table_name,
        // which would step over every other table's rows: name it.
        sqlite::Statement *query =
            statement(QStringLiteral("SELECT table_name, record_id, other_seq, state "
                                     "FROM sync_records%1 WHERE user_id = ? AND app_id = ?%2 "
                                     "AND last_client_id = ? AND other_seq > 0 "
                                     "AND other_seq > ? ORDER BY other_seq LIMIT ?")
                          .arg(request.table.isEmpty()
                                   ? QString()
                                   : QStringLiteral(" INDEXED BY sync_records_by_table_other_seq"),
                               tableFilter),
                      &page.error);
        if (!query)
            return page;
        int column = 0;
        query->bind(++column, request.userId);
        query->bind(++column, request.appId);
        if (!request.table.isEmpty())
            query->bind(++column, request.table);
        query->bind(++column, request.excludeClientId);
        query->bind(++column, request.since);
        query->bind(++column, qint64(fetch));
        if (!readCandidates(*query, &byOthers, &page.error))
            return page;
    }
    fillPageFromCandidates(latest, byOthers, limit, *currentHead, &page);
    return page;
}

} // namespace mana::server
