// The write path of SqliteChangeStore: one push in one transaction.
//
// A push of 1,000 changes used to run 3,000 one-row statements through
// QtSql (read the state, write it, append the log entry); the per-statement
// cost of QtSql and SQLite was most of the push. Now the current states of
// all records of the push are read with a few `record_id IN (…)` selects,
// merged in memory in the order of the changes, and written with
// multi-row INSERTs (one UPDATE per record that already existed). The
// statements are prepared once per store and reused.
#include "pushplan.h"
#include "serverlog.h"
#include "sqlitechangestore.h"
#include "sqlitestatement.h"
#include "sqlitesupport.h"
#include "wire/timestamp.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QSqlError>

#include <algorithm>

namespace mana::server {

using sqlite::ResetGuard;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

// Ids per select. A shorter last chunk is padded with its last id (`IN`
// ignores repeats), so one prepared statement serves every chunk.
constexpr int kSelectChunk = 100;
// Rows per multi-row INSERT, 8 values each: far below SQLite's limit of
// 32,766 bound values (and PostgreSQL's 65,535).
constexpr int kInsertChunk = 64;

QString placeholders(int count, const QString &group)
{
    QStringList groups;
    groups.reserve(count);
    for (int index = 0; index < count; ++index)
        groups.append(group);
    return groups.join(QLatin1Char(','));
}

QString selectRecordsSql()
{
    return QStringLiteral("SELECT record_id, state, last_seq, last_client_id, other_seq "
                          "FROM sync_records WHERE user_id = ? AND app_id = ? "
                          "AND table_name = ? AND record_id IN (%1)")
        .arg(placeholders(kSelectChunk, QStringLiteral("?")));
}

QString insertRecordsSql(int rows)
{
    return QStringLiteral("INSERT INTO sync_records (state, last_seq, last_client_id, "
                          "other_seq, user_id, app_id, table_name, record_id) VALUES %1")
        .arg(placeholders(rows, QStringLiteral("(?,?,?,?,?,?,?,?)")));
}

QString appendLogSql(int rows)
{
    return QStringLiteral("INSERT INTO sync_log (user_id, seq, app_id, table_name, record_id, "
                          "client_id, changed_fields, received_at) VALUES %1")
        .arg(placeholders(rows, QStringLiteral("(?,?,?,?,?,?,?,?)")));
}

// Runs a statement that returns no rows.
bool run(Statement &statement, QString *error)
{
    ResetGuard reset(statement);
    if (statement.step() == Statement::Step::Done)
        return true;
    *error = statement.error();
    return false;
}

// Runs `write(first, count)` over [0, total) in chunks of kInsertChunk.
template<typename Write> bool inChunks(qsizetype total, const Write &write)
{
    for (qsizetype first = 0; first < total; first += kInsertChunk) {
        if (!write(first, int(std::min<qsizetype>(kInsertChunk, total - first))))
            return false;
    }
    return true;
}

} // namespace

Statement *SqliteChangeStore::statement(const QString &sql, QString *error)
{
    sqlite3 *handle = sqlite::nativeHandle(database());
    if (handle != m_statementsHandle) {
        m_statements.clear();
        m_statementsHandle = handle;
    }
    auto found = m_statements.find(sql);
    if (found != m_statements.end())
        return found->get();
    auto prepared = std::make_shared<Statement>(handle, sql);
    if (!prepared->isValid()) {
        *error = prepared->error();
        return nullptr;
    }
    m_statements.insert(sql, prepared);
    return prepared.get();
}

std::optional<qint64> SqliteChangeStore::readHead(const QString &userId, QString *error)
{
    Statement *query =
        statement(QStringLiteral("SELECT last_seq FROM sync_user_heads WHERE user_id = ?"), error);
    if (!query)
        return std::nullopt;
    ResetGuard reset(*query);
    query->bind(1, userId);
    switch (query->step()) {
    case Statement::Step::Row:
        return query->columnInt64(0);
    case Statement::Step::Done:
        return 0;
    case Statement::Step::Error:
        break;
    }
    *error = query->error();
    return std::nullopt;
}

bool SqliteChangeStore::loadRecords(const QString &userId, const QString &appId,
                                    const QString &table, const QStringList &ids,
                                    QHash<RecordKey, PushRecord> *records, QString *error)
{
    Statement *select = statement(selectRecordsSql(), error);
    if (!select)
        return false;
    for (qsizetype first = 0; first < ids.size(); first += kSelectChunk) {
        ResetGuard reset(*select);
        select->bind(1, userId);
        select->bind(2, appId);
        select->bind(3, table);
        const qsizetype end = std::min<qsizetype>(ids.size(), first + kSelectChunk);
        for (qsizetype index = first; index < first + kSelectChunk; ++index)
            select->bind(int(4 + index - first), ids.at(std::min(index, end - 1)));
        Statement::Step step;
        while ((step = select->step()) == Statement::Step::Row) {
            const QString id = select->columnText(0);
            const auto state = recordStateFromJson(select->columnUtf8(1));
            if (!state) {
                *error = QStringLiteral("unreadable stored state of %1/%2").arg(table, id);
                return false;
            }
            PushRecord &record = (*records)[RecordKey(table, id)];
            record.state = *state;
            record.lastSeq = select->columnInt64(2);
            record.lastClientId = select->columnText(3);
            record.otherSeq = select->columnInt64(4);
            record.stored = true;
        }
        if (step == Statement::Step::Error) {
            *error = select->error();
            return false;
        }
    }
    return true;
}

ApplyResult SqliteChangeStore::applyChanges(const QString &userId, const QString &appId,
                                            const QString &clientId,
                                            const QList<IncomingRecordChange> &changes,
                                            const PrepareIncoming &prepare)
{
    QElapsedTimer phase;
    phase.start();
    ApplyResult result;
    QSqlDatabase db = database();
    Transaction transaction(db);
    if (!transaction.isOpen()) {
        result.error = db.lastError().text();
        return result;
    }
    const auto firstHead = readHead(userId, &result.error);
    if (!firstHead)
        return result;
    qint64 head = *firstHead;
    const QString receivedAt = formatTimestamp(QDateTime::currentMSecsSinceEpoch());

    // Every record of the push once, by table, in a stable order.
    PushPlan plan = planPush(changes);
    for (auto it = plan.idsByTable.cbegin(); it != plan.idsByTable.cend(); ++it) {
        if (!loadRecords(userId, appId, it.key(), it.value(), &plan.records, &result.error))
            return result;
    }
    const qint64 readNs = phase.nsecsElapsed();

    // The changes in order, each against the state the earlier ones left,
    // exactly as if they had been pushed one by one.
    mergePush(plan, changes, clientId, prepare, &head, &result);
    QHash<RecordKey, PushRecord> &records = plan.records;
    const QList<PushLogEntry> &log = plan.log;
    const qint64 mergeNs = phase.nsecsElapsed();

    QList<RecordKey> inserts;
    Statement *update = nullptr;
    for (const RecordKey &key : std::as_const(plan.changedRecords)) {
        const PushRecord &record = records[key];
        if (!record.stored) {
            inserts.append(key);
            continue;
        }
        if (!update) {
            update = statement(QStringLiteral("UPDATE sync_records SET state = ?, last_seq = ?, "
                                              "last_client_id = ?, other_seq = ? "
                                              "WHERE user_id = ? AND app_id = ? "
                                              "AND table_name = ? AND record_id = ?"),
                               &result.error);
            if (!update)
                return result;
        }
        update->bindUtf8(1, record.stateJson);
        update->bind(2, record.lastSeq);
        update->bind(3, record.lastClientId);
        update->bind(4, record.otherSeq);
        update->bind(5, userId);
        update->bind(6, appId);
        update->bind(7, key.first);
        update->bind(8, key.second);
        if (!run(*update, &result.error))
            return result;
    }
    const bool inserted = inChunks(inserts.size(), [&](qsizetype first, int count) {
        Statement *insert = statement(insertRecordsSql(count), &result.error);
        if (!insert)
            return false;
        int column = 0;
        for (qsizetype index = first; index < first + count; ++index) {
            const RecordKey &key = inserts.at(index);
            const PushRecord &record = records[key];
            insert->bindUtf8(++column, record.stateJson);
            insert->bind(++column, record.lastSeq);
            insert->bind(++column, record.lastClientId);
            insert->bind(++column, record.otherSeq);
            insert->bind(++column, userId);
            insert->bind(++column, appId);
            insert->bind(++column, key.first);
            insert->bind(++column, key.second);
        }
        return run(*insert, &result.error);
    });
    if (!inserted)
        return result;
    const bool logged = inChunks(log.size(), [&](qsizetype first, int count) {
        Statement *append = statement(appendLogSql(count), &result.error);
        if (!append)
            return false;
        int column = 0;
        for (qsizetype index = first; index < first + count; ++index) {
            const PushLogEntry &entry = log.at(index);
            append->bind(++column, userId);
            append->bind(++column, entry.seq);
            append->bind(++column, appId);
            append->bind(++column, entry.table);
            append->bind(++column, entry.id);
            append->bind(++column, clientId);
            append->bindUtf8(++column, entry.changedFields);
            append->bind(++column, receivedAt);
        }
        return run(*append, &result.error);
    });
    if (!logged)
        return result;

    if (head != *firstHead) {
        // A user's first push has no head row yet.
        Statement *writeHead =
            statement(*firstHead > 0 ? QStringLiteral("UPDATE sync_user_heads SET last_seq = ? "
                                                      "WHERE user_id = ?")
                                     : QStringLiteral("INSERT INTO sync_user_heads (last_seq, "
                                                      "user_id) VALUES (?, ?)"),
                      &result.error);
        if (!writeHead)
            return result;
        writeHead->bind(1, head);
        writeHead->bind(2, userId);
        if (!run(*writeHead, &result.error))
            return result;
    }
    const qint64 writeNs = phase.nsecsElapsed();
    if (!transaction.commit()) {
        result.error = db.lastError().text();
        return result;
    }
    qCDebug(lcStore).nospace() << "push of " << changes.size() << " changes (" << log.size()
                               << " logged): read " << readNs / 1e6 << " ms, merge "
                               << (mergeNs - readNs) / 1e6 << " ms, write "
                               << (writeNs - mergeNs) / 1e6 << " ms, commit "
                               << (phase.nsecsElapsed() - writeNs) / 1e6 << " ms";
    result.changedTables.sort();
    result.head = head;
    result.ok = true;
    return result;
}

} // namespace mana::server
