// What the chaos test compares at the end: the state of a replica (a
// device's store, the server, the reference merge) as every record's
// per-field states, and the first difference between two of them in words.
#pragma once

#include "wire/merge.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace mana {
class Collection;
}

namespace mana::synctest {

// Record id -> field -> {value, updatedAt, writer}. Deleted records too.
using Replica = QMap<QString, RecordState>;

// The reference: every write any device made, merged by PROTOCOL.md's rule
// (the latest stamp per field wins). Whatever order the writes reached the
// server in, the result is this.
class ReferenceMerge
{
public:
    // `written`: the states of the fields one write set, as the writing
    // device stamped them.
    void add(const QString &id, const RecordState &written);
    const Replica &replica() const { return m_replica; }
    int writes() const { return m_writes; }

private:
    Replica m_replica;
    int m_writes = 0;
};

// Every record of `tasks`, deleted ones included.
Replica replicaOf(Collection *tasks);
// The server's records from a pull of everything (changes in wire form).
// A record listed twice, or a change that does not parse, is an error.
Replica replicaOfPull(const QList<QJsonObject> &changes, QString *error);

// Empty when equal; else the first difference: a record one side lacks,
// or the first field whose value, timestamp or writer differs, with both
// states. Values compare as canonical JSON (5 and 5.0 are one number).
QString firstDifference(const Replica &expected, const Replica &actual, const QString &expectedName,
                        const QString &actualName);

} // namespace mana::synctest
