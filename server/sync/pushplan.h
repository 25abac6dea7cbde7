// The database-independent middle of a push, shared by the SQLite and the
// PostgreSQL change store so both merge exactly alike: which records a push
// touches, then (once the store has loaded their current rows) the changes
// in order, each against the state the earlier ones left, giving the log
// entries and the rows to write.
#pragma once

#include "changestore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <utility>

namespace mana::server {

using RecordKey = std::pair<QString, QString>; // table, record id

// A record of the push as it stands after the changes merged so far.
struct PushRecord
{
    RecordState state;
    qint64 lastSeq = 0;
    QString lastClientId;
    qint64 otherSeq = 0;
    bool stored = false;  // a row exists in sync_records: UPDATE, not INSERT
    bool changed = false; // a change of this push changed it
    // The state's JSON (UTF-8). After mergePush() it is set for every
    // changed record; when the latest change rewrote every field it is that
    // change's log entry (computed once, written twice).
    QByteArray stateJson;
};

struct PushLogEntry
{
    qint64 seq = 0;
    QString table;
    QString id;
    QByteArray changedFields; // JSON text (UTF-8)
};

struct PushPlan
{
    QHash<RecordKey, PushRecord> records;
    QMap<QString, QStringList> idsByTable; // every record once, in a stable order
    QList<PushLogEntry> log;
    QList<RecordKey> changedRecords; // in first-change order
};

// Every record of the push once (not loaded yet).
PushPlan planPush(const QList<IncomingRecordChange> &changes);

// The changes in order, as if pushed one by one; `head` is the user's head
// before, and after it the last sequence handed out. Fills changedRecords
// and changedTables (unsorted) of `result`.
void mergePush(PushPlan &plan, const QList<IncomingRecordChange> &changes, const QString &clientId,
               const PrepareIncoming &prepare, qint64 *head, ApplyResult *result);

} // namespace mana::server
