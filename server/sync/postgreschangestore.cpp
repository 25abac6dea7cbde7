#include "postgreschangestore.h"

#include "pg/pgconnection.h"
#include "pushplan.h"
#include "serverlog.h"
#include "wire/timestamp.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <algorithm>

namespace mana::server {

using pg::Params;
using pg::Result;

namespace {

// The sync tables, step by step. Version 1 is the layout of SQLite's sync
// schema version 2 (positions in sync_records); the numbering is
// PostgreSQL's own, recorded in schema_version under "sync".
const QList<pg::Migration> &migrations()
{
    static const QList<pg::Migration> steps{
        {1,
         QStringLiteral("the sync tables"),
         {
             QStringLiteral("CREATE TABLE sync_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             // Made once, part of every cursor.
             QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('database_id', "
                            "substr(md5(random()::text || clock_timestamp()::text), 1, 12))"),
             // The per-user sequence: one row per user, locked by every push
             // of that user, so log order is commit order for the user.
             QStringLiteral("CREATE TABLE sync_user_heads (user_id TEXT PRIMARY KEY, "
                            "last_seq BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE sync_log (user_id TEXT NOT NULL, seq BIGINT NOT NULL, "
                            "app_id TEXT NOT NULL, table_name TEXT NOT NULL, "
                            "record_id TEXT NOT NULL, client_id TEXT NOT NULL, "
                            "changed_fields TEXT NOT NULL, received_at TEXT NOT NULL, "
                            "PRIMARY KEY (user_id, seq))"),
             // state is TEXT, not jsonb: it is written and read as the exact
             // bytes of the wire's writer, never queried inside.
             QStringLiteral("CREATE TABLE sync_records (user_id TEXT NOT NULL, "
                            "app_id TEXT NOT NULL, table_name TEXT NOT NULL, "
                            "record_id TEXT NOT NULL, state TEXT NOT NULL, "
                            "last_seq BIGINT NOT NULL, last_client_id TEXT NOT NULL DEFAULT '', "
                            "other_seq BIGINT NOT NULL DEFAULT 0, "
                            "PRIMARY KEY (user_id, app_id, table_name, record_id))"),
             QStringLiteral("CREATE INDEX sync_records_by_seq ON sync_records "
                            "(user_id, app_id, last_seq, last_client_id)"),
             QStringLiteral("CREATE INDEX sync_records_by_table_seq ON sync_records "
                            "(user_id, app_id, table_name, last_seq, last_client_id)"),
             QStringLiteral("CREATE INDEX sync_records_by_other_seq ON sync_records "
                            "(user_id, app_id, last_client_id, other_seq) WHERE other_seq > 0"),
             QStringLiteral("CREATE INDEX sync_records_by_table_other_seq ON sync_records "
                            "(user_id, app_id, table_name, last_client_id, other_seq) "
                            "WHERE other_seq > 0"),
         }},
    };
    return steps;
}

void readCandidates(const Result &rows, QList<PageCandidate> *out)
{
    out->reserve(rows.rows());
    for (int row = 0; row < rows.rows(); ++row)
        out->append(PageCandidate{rows.text(row, 0), rows.text(row, 1), rows.int64(row, 2),
                                  rows.utf8(row, 3)});
}

} // namespace

PostgresChangeStore::PostgresChangeStore(std::shared_ptr<pg::Connection> connection)
    : m_connection(std::move(connection))
{}

PostgresChangeStore::~PostgresChangeStore() = default;

int PostgresChangeStore::schemaVersion()
{
    return migrations().constLast().version;
}

bool PostgresChangeStore::initialize(QString *error)
{
    if (!pg::migrate(*m_connection, QStringLiteral("sync"), migrations(), error))
        return false;
    const Result id =
        m_connection->exec(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'database_id'"));
    if (!id.ok() || id.rows() != 1) {
        *error = QStringLiteral("Cannot read the database id: %1")
                     .arg(id.ok() ? QStringLiteral("it is missing") : id.error());
        return false;
    }
    m_databaseId = id.text(0, 0);
    return true;
}

bool PostgresChangeStore::isHealthy()
{
    if (!m_connection->inTransaction() && !m_connection->ensureConnected())
        return false;
    const Result one = m_connection->execPrepared(QStringLiteral("SELECT 1"), Params());
    return one.ok() && one.rows() == 1 && one.int64(0, 0) == 1;
}

std::optional<qint64> PostgresChangeStore::readHead(const QString &userId, QString *error)
{
    const Result row = m_connection->execPrepared(
        QStringLiteral("SELECT last_seq FROM sync_user_heads WHERE user_id = $1"),
        Params().add(userId));
    if (!row.ok()) {
        *error = row.error();
        return std::nullopt;
    }
    return row.rows() > 0 ? row.int64(0, 0) : 0;
}

std::optional<qint64> PostgresChangeStore::head(const QString &userId)
{
    if (!m_connection->inTransaction())
        m_connection->ensureConnected();
    QString error;
    const auto head = readHead(userId, &error);
    if (!head)
        qCWarning(lcStore) << "reading the head failed:" << error;
    return head;
}

ApplyResult PostgresChangeStore::applyChanges(const QString &userId, const QString &appId,
                                              const QString &clientId,
                                              const QList<IncomingRecordChange> &changes,
                                              const PrepareIncoming &prepare)
{
    QElapsedTimer phase;
    phase.start();
    ApplyResult result;
    pg::Transaction transaction(*m_connection);
    if (!transaction.isOpen()) {
        result.error = transaction.error();
        return result;
    }
    // The user's head row, created on the first push and locked until the
    // commit: a second push of the same user (another connection, another
    // process) waits here, then reads the head and the records this one
    // committed (READ COMMITTED takes a new snapshot per statement). So
    // the sequence stays gap-free and in commit order, and each push
    // merges against the states the previous one left. Other users' pushes
    // do not wait.
    const Result locked = m_connection->execPrepared(
        QStringLiteral("INSERT INTO sync_user_heads (user_id, last_seq) VALUES ($1, 0) "
                       "ON CONFLICT (user_id) DO UPDATE SET last_seq = sync_user_heads.last_seq "
                       "RETURNING last_seq"),
        Params().add(userId));
    if (!locked.ok() || locked.rows() != 1) {
        result.error = locked.ok() ? QStringLiteral("no head row") : locked.error();
        return result;
    }
    const qint64 firstHead = locked.int64(0, 0);
    qint64 head = firstHead;
    const QString receivedAt = formatTimestamp(QDateTime::currentMSecsSinceEpoch());

    PushPlan plan = planPush(changes);
    for (auto it = plan.idsByTable.cbegin(); it != plan.idsByTable.cend(); ++it) {
        // Planned for its array each time (exec, not execPrepared): after five
        // runs of a prepared statement PostgreSQL may keep a generic plan, and
        // with it a push of 1,000 new records by one device, its user already
        // holding up to 100,000, took 770 ms instead of about 135 ms (p50,
        // bench/server, docs/server.md "Performance"). Custom plans for every
        // statement (plan_cache_mode) made the small page reads slower instead.
        const Result rows = m_connection->exec(
            QStringLiteral("SELECT record_id, state, last_seq, last_client_id, other_seq "
                           "FROM sync_records WHERE user_id = $1 AND app_id = $2 "
                           "AND table_name = $3 AND record_id = ANY($4::text[])"),
            Params().add(userId).add(appId).add(it.key()).addTextArray(it.value()));
        if (!rows.ok()) {
            result.error = rows.error();
            return result;
        }
        for (int row = 0; row < rows.rows(); ++row) {
            const QString id = rows.text(row, 0);
            const auto state = recordStateFromJson(rows.utf8(row, 1));
            if (!state) {
                result.error = QStringLiteral("unreadable stored state of %1/%2").arg(it.key(), id);
                return result;
            }
            PushRecord &record = plan.records[RecordKey(it.key(), id)];
            record.state = *state;
            record.lastSeq = rows.int64(row, 2);
            record.lastClientId = rows.text(row, 3);
            record.otherSeq = rows.int64(row, 4);
            record.stored = true;
        }
    }
    const qint64 readNs = phase.nsecsElapsed();
    mergePush(plan, changes, clientId, prepare, &head, &result);
    const qint64 mergeNs = phase.nsecsElapsed();

    // Each statement writes all its rows from arrays (unnest), so a push
    // costs the same few round trips whatever its size.
    struct Rows
    {
        QStringList tables, ids, clients;
        QList<QByteArray> states;
        QList<qint64> lastSeqs, otherSeqs;
        bool isEmpty() const { return ids.isEmpty(); }
    } inserts, updates;
    for (const RecordKey &key : std::as_const(plan.changedRecords)) {
        const PushRecord &record = plan.records[key];
        Rows &rows = record.stored ? updates : inserts;
        rows.tables.append(key.first);
        rows.ids.append(key.second);
        rows.states.append(record.stateJson);
        rows.lastSeqs.append(record.lastSeq);
        rows.clients.append(record.lastClientId);
        rows.otherSeqs.append(record.otherSeq);
    }
    const auto params = [&](const Rows &rows) {
        Params values;
        values.add(userId)
            .add(appId)
            .addTextArray(rows.tables)
            .addTextArray(rows.ids)
            .addUtf8Array(rows.states)
            .addInt64Array(rows.lastSeqs)
            .addTextArray(rows.clients)
            .addInt64Array(rows.otherSeqs);
        return values;
    };
    if (!updates.isEmpty()) {
        const Result updated = m_connection->execPrepared(
            QStringLiteral("UPDATE sync_records r SET state = u.state, last_seq = u.last_seq, "
                           "last_client_id = u.last_client_id, other_seq = u.other_seq "
                           "FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], "
                           "$7::text[], $8::bigint[]) AS u(table_name, record_id, state, "
                           "last_seq, last_client_id, other_seq) "
                           "WHERE r.user_id = $1 AND r.app_id = $2 "
                           "AND r.table_name = u.table_name AND r.record_id = u.record_id"),
            params(updates));
        if (!updated.ok()) {
            result.error = updated.error();
            return result;
        }
    }
    if (!inserts.isEmpty()) {
        const Result inserted = m_connection->execPrepared(
            QStringLiteral("INSERT INTO sync_records (user_id, app_id, table_name, record_id, "
                           "state, last_seq, last_client_id, other_seq) "
                           "SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], "
                           "$6::bigint[], $7::text[], $8::bigint[])"),
            params(inserts));
        if (!inserted.ok()) {
            result.error = inserted.error();
            return result;
        }
    }
    if (!plan.log.isEmpty()) {
        QList<qint64> seqs;
        QStringList tables, ids;
        QList<QByteArray> changed;
        for (const PushLogEntry &entry : std::as_const(plan.log)) {
            seqs.append(entry.seq);
            tables.append(entry.table);
            ids.append(entry.id);
            changed.append(entry.changedFields);
        }
        const Result logged = m_connection->execPrepared(
            QStringLiteral("INSERT INTO sync_log (user_id, seq, app_id, table_name, record_id, "
                           "client_id, changed_fields, received_at) "
                           "SELECT $1, u.seq, $2, u.table_name, u.record_id, $3, "
                           "u.changed_fields, $4 FROM unnest($5::bigint[], $6::text[], "
                           "$7::text[], $8::text[]) AS u(seq, table_name, record_id, "
                           "changed_fields)"),
            Params()
                .add(userId)
                .add(appId)
                .add(clientId)
                .add(receivedAt)
                .addInt64Array(seqs)
                .addTextArray(tables)
                .addTextArray(ids)
                .addUtf8Array(changed));
        if (!logged.ok()) {
            result.error = logged.error();
            return result;
        }
        const Result moved = m_connection->execPrepared(
            QStringLiteral("UPDATE sync_user_heads SET last_seq = $2 WHERE user_id = $1"),
            Params().add(userId).add(head));
        if (!moved.ok()) {
            result.error = moved.error();
            return result;
        }
    }
    const qint64 writeNs = phase.nsecsElapsed();
    if (!transaction.commit()) {
        result.error = transaction.error();
        return result;
    }
    qCDebug(lcStore).nospace() << "push of " << changes.size() << " changes (" << plan.log.size()
                               << " logged): read " << readNs / 1e6 << " ms, merge "
                               << (mergeNs - readNs) / 1e6 << " ms, write "
                               << (writeNs - mergeNs) / 1e6 << " ms, commit "
                               << (phase.nsecsElapsed() - writeNs) / 1e6 << " ms";
    result.changedTables.sort();
    result.head = head;
    result.ok = true;
    return result;
}

ChangePage PostgresChangeStore::changesSince(const ChangeQuery &request)
{
    ChangePage page;
    // One snapshot for the head and both page queries.
    pg::Transaction transaction(*m_connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (!transaction.isOpen()) {
        page.error = transaction.error();
        return page;
    }
    const auto currentHead = readHead(request.userId, &page.error);
    if (!currentHead)
        return page;

    // The page semantics of SqliteChangeStore::changesSince: records by
    // their latest entry unless the reader wrote it, else by the latest
    // entry of another writer (other_seq), merged in position order.
    const int limit = std::max(1, request.limit);
    const qint64 fetch = limit + 1;
    const bool byTable = !request.table.isEmpty();
    const bool excluding = !request.excludeClientId.isEmpty();
    QList<PageCandidate> latest;
    {
        Params params;
        params.add(request.userId).add(request.appId).add(request.since).add(fetch);
        QString sql = QStringLiteral("SELECT table_name, record_id, last_seq, state "
                                     "FROM sync_records WHERE user_id = $1 AND app_id = $2 "
                                     "AND last_seq > $3");
        int next = 5;
        if (byTable) {
            sql += QStringLiteral(" AND table_name = $%1").arg(next++);
            params.add(request.table);
        }
        if (excluding) {
            sql += QStringLiteral(" AND last_client_id <> $%1").arg(next++);
            params.add(request.excludeClientId);
        }
        sql += QStringLiteral(" ORDER BY last_seq LIMIT $4");
        const Result rows = m_connection->execPrepared(sql, params);
        if (!rows.ok()) {
            page.error = rows.error();
            return page;
        }
        readCandidates(rows, &latest);
    }
    QList<PageCandidate> byOthers;
    if (excluding) {
        Params params;
        params.add(request.userId)
            .add(request.appId)
            .add(request.excludeClientId)
            .add(request.since)
            .add(fetch);
        QString sql = QStringLiteral("SELECT table_name, record_id, other_seq, state "
                                     "FROM sync_records WHERE user_id = $1 AND app_id = $2 "
                                     "AND last_client_id = $3 AND other_seq > 0 "
                                     "AND other_seq > $4");
        if (byTable) {
            sql += QStringLiteral(" AND table_name = $6");
            params.add(request.table);
        }
        sql += QStringLiteral(" ORDER BY other_seq LIMIT $5");
        const Result rows = m_connection->execPrepared(sql, params);
        if (!rows.ok()) {
            page.error = rows.error();
            return page;
        }
        readCandidates(rows, &byOthers);
    }
    transaction.commit();
    fillPageFromCandidates(latest, byOthers, limit, *currentHead, &page);
    return page;
}

} // namespace mana::server
