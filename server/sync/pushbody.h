// The body of a push (POST /api/v1/sync/{appId}) as mana-sync reads it,
// before anything touches the database: the wire checks, the fields the
// path and header fill in, and the checks of every record the merge relies
// on. A pure function, so the fuzzer (tests/fuzz/fuzz_push_body.cpp) runs
// exactly what the server runs.
#pragma once

#include "changestore.h"
#include "http/httpreply.h"
#include "wire/change.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <variant>

namespace mana::server {

struct PushBody
{
    QString clientId; // from the X-Client-Id header, else the body
    wire::Changeset changeset;
    // The changes as record states of clientId, in the order sent; every
    // one passed validatePushedRecord().
    QList<IncomingRecordChange> records;
};

// The body read, or the 400/413 answer that says what is wrong with it.
// `appId` is the one of the path, already checked.
std::variant<PushBody, HttpReply> readPushBody(const QByteArray &body,
                                               const QString &headerClientId, const QString &appId);

// What the wire parser may have let through but the merge cannot take:
// names of PROTOCOL.md, ids the database keeps as they are, a timestamp on
// every field, deletedAt null or a time. The sentence says what is wrong.
std::optional<QString> validatePushedRecord(const QString &table, const QString &id,
                                            const RecordState &state);

} // namespace mana::server
