// The queue of local changes the sync engine has not pushed yet. It lives in
// the profile's database (table _pending_changes), so it survives restarts
// and crashes; rows are written in the same transaction as the record.
//
// One row per record: a further write to a record that is still pending
// coalesces into its row (every field keeps its latest value and timestamp)
// and the row gets a new sequence number. That is why a push acknowledges by
// sequence number: a row that was rewritten while its push was in flight has
// a new number and stays queued.
#pragma once

#include "statementcache.h"
#include "wire/change.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace mana {

struct PendingChange
{
    qint64 sequence = 0;
    QString appId;
    QString tableName; // local table
    QString wireName;
    QString recordId;
    // Insert while the record was never pushed; Delete when the latest write
    // deleted it; Update otherwise.
    wire::ChangeOp op = wire::ChangeOp::Update;
    // Every field written since the last push, with value and timestamp.
    // `deletedAt` appears here like any field.
    QMap<QString, FieldState> fields;

    // The change(s) to push: an insert or update carries `fields` (an insert
    // also `data`); a delete is a delete change, preceded by an update when
    // other fields were edited too.
    QList<wire::Change> toWireChanges() const;
};

class NativeSqlite;

class PendingChangeQueue
{
public:
    // An insert's row in the queue stores no fields: until it is pushed, the
    // record as stored IS the change (every field with its latest value and
    // timestamp), which the resolver reads. That keeps bulk imports fast.
    using RecordResolver =
        std::function<QMap<QString, FieldState>(const QString &tableName, const QString &recordId)>;

    // `native` may be null (QtSql only); see nativesqlite.h.
    PendingChangeQueue(const QString &connectionName, StatementCache *statements,
                       NativeSqlite *native, RecordResolver resolver);

    // Oldest first. An empty appId means every app.
    // In sequence order; only those after `afterSequence` when it is given
    // (the engine prepares the next push while one is in flight).
    QList<PendingChange> list(const QString &appId = {}, int limit = -1,
                              qint64 afterSequence = -1) const;
    // Forgets the kept counts (after a rolled-back transaction).
    void invalidateCounts() { m_countsValid = false; }
    int count(const QString &appId = {}) const;
    // Removes the rows with these sequence numbers (a push was accepted).
    bool acknowledge(const QList<qint64> &sequences, QString *error = nullptr);

    // The same, inside a transaction the caller holds.
    bool remove(const QList<qint64> &sequences, QString *error);

    // Called by Collection inside its write transaction.
    bool record(const QString &appId, const QString &tableName, const QString &wireName,
                const QString &recordId, wire::ChangeOp op, const QMap<QString, FieldState> &fields,
                QString *error);

private:
    QSqlDatabase database() const;
    QString m_connectionName;
    StatementCache *m_statements;
    NativeSqlite *m_native;
    RecordResolver m_resolver;
    mutable QHash<QString, int> m_countByApp;
    mutable bool m_countsValid = false;
    qint64 m_lastSequence = 0; // the highest sequence number given so far
};

} // namespace mana
