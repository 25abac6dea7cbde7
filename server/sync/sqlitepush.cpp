// The write path of SqliteChangeStore: one push in one transaction.
//
// A push of 1,000 changes used to run 3,000 one-row statements through
// QtSql (read the state, write it, append the log entry); the per-statement
// cost of QtSql and SQLite was most of the push. Now the current states of
// all records of the push are read with a few `record_id IN (…)` selects,
// merged in memory in the order of the changes, and written with
// multi-row INSERTs (one UPDATE per record that already existed). The
// statements are prepared once per store and reused.
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

struct LogEntry
{
    qint64 seq = 0;
    QString table;
    QString id;
    QByteArray changedFields; // JSON text (UTF-8)
};

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

// A record of the push as it stands after the changes merged so far.
struct SqliteChangeStore::WorkingRecord
{
    RecordState state;
    qint64 lastSeq = 0;
    QString lastClientId;
    qint64 otherSeq = 0;
    bool stored = false;  // a row exists in sync_records: UPDATE, not INSERT
    bool changed = false; // a change of this push changed it
    // The state's JSON when the latest change rewrote every field (then it
    // equals that change's log entry, so it is written once, not twice).
    QByteArray stateJson; // UTF-8, bound as it is
};

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
                                    QHash<RecordKey, WorkingRecord> *records, QString *error)
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
            WorkingRecord &record = (*records)[RecordKey(table, id)];
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
    QMap<QString, QStringList> idsByTable;
    QHash<RecordKey, WorkingRecord> records;
    records.reserve(changes.size());
    for (const IncomingRecordChange &change : changes) {
        const RecordKey key(change.table, change.id);
        if (records.contains(key))
            continue;
        records.insert(key, WorkingRecord{});
        idsByTable[change.table].append(change.id);
    }
    for (auto it = idsByTable.cbegin(); it != idsByTable.cend(); ++it) {
        if (!loadRecords(userId, appId, it.key(), it.value(), &records, &result.error))
            return result;
    }
    const qint64 readNs = phase.nsecsElapsed();

    // The changes in order, each against the state the earlier ones left,
    // exactly as if they had been pushed one by one.
    QList<LogEntry> log;
    log.reserve(changes.size());
    QList<RecordKey> changedRecords; // in first-change order
    for (const IncomingRecordChange &change : changes) {
        const RecordKey key(change.table, change.id);
        WorkingRecord &record = records[key];
        RecordState incoming = change.state;
        if (prepare)
            prepare(change, record.state, incoming);
        MergeOutcome outcome = mergeRecord(record.state, incoming);
        if (outcome.changedFields.isEmpty())
            continue; // a retry, or older than what we have: nothing to log

        ++head;
        // A new writer turns the previous latest entry into the latest one
        // by another writer; the same writer again leaves that one alone.
        const bool exists = record.stored || record.changed;
        if (exists && record.lastClientId != clientId)
            record.otherSeq = record.lastSeq;
        record.lastSeq = head;
        record.lastClientId = clientId;
        record.state = std::move(outcome.merged);

        QByteArray changedJson;
        if (outcome.changedFields.size() == record.state.size()) {
            changedJson = recordStateToJson(record.state);
            record.stateJson = changedJson;
        } else {
            RecordState changedStates;
            for (const QString &field : std::as_const(outcome.changedFields))
                changedStates.insert(field, record.state.value(field));
            changedJson = recordStateToJson(changedStates);
            record.stateJson.clear();
        }
        log.append(LogEntry{head, change.table, change.id, std::move(changedJson)});
        if (!record.changed) {
            record.changed = true;
            changedRecords.append(key);
        }
        ++result.changedRecords;
        if (!result.changedTables.contains(change.table))
            result.changedTables.append(change.table);
    }
    const qint64 mergeNs = phase.nsecsElapsed();

    QList<RecordKey> inserts;
    Statement *update = nullptr;
    for (const RecordKey &key : std::as_const(changedRecords)) {
        WorkingRecord &record = records[key];
        if (record.stateJson.isEmpty())
            record.stateJson = recordStateToJson(record.state);
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
            const WorkingRecord &record = records[key];
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
            const LogEntry &entry = log.at(index);
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
