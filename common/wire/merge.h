// The field-level merge rule of PROTOCOL.md, as pure functions. The client's
// store and the mana-sync server both call these; there is no second copy of
// the rule anywhere.
#pragma once

#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace mana {

// One field of one record as a replica knows it: the value, when it was
// written (canonical timestamp, see timestamp.h) and by which client.
// `clientId` may be empty when the writer is unknown (a server that sends no
// per-field writer); an empty id loses every tie against a known one.
struct FieldState
{
    QJsonValue value;
    QString updatedAt;
    QString clientId;

    friend bool operator==(const FieldState &, const FieldState &) = default;
};

// A record as a map of field name to state. `deletedAt` is a field like any
// other: a non-null value means the record is soft-deleted.
using RecordState = QMap<QString, FieldState>;

// Canonical JSON of a value (objects with sorted keys, compact), used as the
// last tie-break so that one client's two writes at the same millisecond
// still resolve the same way everywhere.
QByteArray canonicalJson(const QJsonValue &value);

// True when `incoming` must replace `current` by the rule: the later
// timestamp wins; on equal timestamps the greater client id (byte order)
// wins; on equal ids the greater canonical JSON of the value wins. Equal
// states never win (so applying a change twice changes nothing).
bool incomingFieldWins(const FieldState &current, const FieldState &incoming);

struct MergeOutcome
{
    RecordState merged;
    // Fields whose state changed, sorted; empty when the incoming change had
    // no effect.
    QStringList changedFields;
};

// Applies `incoming` to `current` field by field. Fields unknown to
// `current` are taken as they are. Commutative and idempotent: any order of
// the same set of changes gives the same `merged`.
MergeOutcome mergeRecord(const RecordState &current, const RecordState &incoming);

} // namespace mana
