#include "pushplan.h"

namespace mana::server {

PushPlan planPush(const QList<IncomingRecordChange> &changes)
{
    PushPlan plan;
    plan.records.reserve(changes.size());
    for (const IncomingRecordChange &change : changes) {
        const RecordKey key(change.table, change.id);
        if (plan.records.contains(key))
            continue;
        plan.records.insert(key, PushRecord{});
        plan.idsByTable[change.table].append(change.id);
    }
    return plan;
}

void mergePush(PushPlan &plan, const QList<IncomingRecordChange> &changes, const QString &clientId,
               const PrepareIncoming &prepare, qint64 *head, ApplyResult *result)
{
    plan.log.reserve(changes.size());
    for (const IncomingRecordChange &change : changes) {
        const RecordKey key(change.table, change.id);
        PushRecord &record = plan.records[key];
        RecordState incoming = change.state;
        if (prepare)
            prepare(change, record.state, incoming);
        MergeOutcome outcome = mergeRecord(record.state, incoming);
        if (outcome.changedFields.isEmpty())
            continue; // a retry, or older than what we have: nothing to log

        ++*head;
        // A new writer turns the previous latest entry into the latest one
        // by another writer; the same writer again leaves that one alone.
        const bool exists = record.stored || record.changed;
        if (exists && record.lastClientId != clientId)
            record.otherSeq = record.lastSeq;
        record.lastSeq = *head;
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
        plan.log.append(PushLogEntry{*head, change.table, change.id, std::move(changedJson)});
        if (!record.changed) {
            record.changed = true;
            plan.changedRecords.append(key);
        }
        ++result->changedRecords;
        if (!result->changedTables.contains(change.table))
            result->changedTables.append(change.table);
    }
    for (const RecordKey &key : std::as_const(plan.changedRecords)) {
        PushRecord &record = plan.records[key];
        if (record.stateJson.isEmpty())
            record.stateJson = recordStateToJson(record.state);
    }
}

} // namespace mana::server
