// Hostile and broken bodies for tst_wirehostile, kept apart from the test logic so
// the table reads as a list of what the server must refuse.
#pragma once

#include "wiretestsupport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace wiretest {

struct MalformedBody
{
    QByteArray name;
    QByteArray body;
    // PROTOCOL error code the error must start with ("bad_request"); empty
    // when any of the codes is acceptable.
    QString code;
    // Text the error must contain, usually the JSON path of the problem.
    QString mention;
};

// Bodies of POST /sync/{appId} that parseBody + Changeset::fromJson refuse.
QList<MalformedBody> malformedChangesetBodies();

// Answers that SyncResponse::fromJson refuses (code is left empty: a client
// does not map these to protocol codes).
QList<MalformedBody> malformedResponseBodies();

} // namespace wiretest
