// A push body (POST /api/v1/sync/{appId}) as mana-sync reads it:
// server::readPushBody, the very function the push route calls (the wire
// checks, what the path and header fill in, Changeset::fromJson and
// validatePushedRecord on each record).
//
// Beyond "no crash, no sanitizer report": a refusal is a 400 or 413 with a
// sentence; every accepted record passes validatePushedRecord again and has
// valid names and timestamps; and every accepted body survives the
// client's way back out: a change written with the fast writer
// Change::appendJson is the same bytes QJsonDocument writes for
// Change::toJson, and reads back to the same record state. A timestamp the
// reader made canonical stays so.
#include "fuzzsupport.h"

#include "sync/pushbody.h"
#include "wire/change.h"
#include "wire/timestamp.h"

#include <QJsonDocument>

using namespace mana;

namespace {

QString describe(const RecordState &state)
{
    QString text;
    for (auto it = state.begin(); it != state.end(); ++it) {
        text += QStringLiteral("%1=%2@%3/%4; ")
                    .arg(it.key(),
                         QString::fromUtf8(
                             QJsonDocument(QJsonArray{it->value}).toJson(QJsonDocument::Compact)),
                         it->updatedAt, it->clientId);
    }
    return text;
}

// An insert by the pusher travels as `data` alone, which carries the
// record's metadata: toJson() derives createdAt when the fields have none,
// and `data`'s id and updatedAt are never fields. The store's collections
// cannot have fields of these names (isReservedFieldName), so only their
// absence or presence differs; every other field must come back the same.
RecordState withoutRecordMetadata(RecordState state)
{
    for (const char *name : {"id", "createdAt", "updatedAt"})
        state.remove(QString::fromLatin1(name));
    return state;
}

void checkCanonical(const QString &timestamp)
{
    if (timestamp.isEmpty())
        return;
    const auto again = canonicalTimestamp(timestamp);
    MANA_FUZZ_CHECK(again && *again == timestamp,
                    QStringLiteral("canonical timestamp %1 reads as %2")
                        .arg(timestamp, again.value_or(QStringLiteral("(refused)"))));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    // Half the inputs come with the X-Client-Id header, half rely on the body.
    const QString headerClientId = size % 2 ? QStringLiteral("fuzz-client") : QString();
    auto read = server::readPushBody(body, headerClientId, QStringLiteral("todo"));
    if (const auto *refusal = std::get_if<server::HttpReply>(&read)) {
        MANA_FUZZ_CHECK(refusal->status == 400 || refusal->status == 413,
                        QStringLiteral("refused with status %1").arg(refusal->status));
        MANA_FUZZ_CHECK(!refusal->body.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }
    const server::PushBody &push = std::get<server::PushBody>(read);
    const QString &clientId = push.clientId;
    const auto *changeset = &push.changeset;
    MANA_FUZZ_CHECK(!clientId.isEmpty(), QStringLiteral("accepted without a client id"));
    MANA_FUZZ_CHECK(push.records.size() == changeset->changes.size(),
                    QStringLiteral("records and changes differ in number"));
    for (const server::IncomingRecordChange &record : push.records) {
        MANA_FUZZ_CHECK(
            !server::validatePushedRecord(record.table, record.id, record.state),
            QStringLiteral("accepted record %1/%2 fails its checks").arg(record.table, record.id));
        MANA_FUZZ_CHECK(record.id.isValidUtf16() && wire::isValidRecordId(record.id), record.id);
    }
    QString error;

    // The client's writer: the same changes as a push body, each change in
    // the fast form, then read again as the server would.
    QByteArray rewritten = "{\"changes\":[";
    for (qsizetype i = 0; i < changeset->changes.size(); ++i) {
        const wire::Change &change = changeset->changes.at(i);
        for (auto it = change.fields.begin(); it != change.fields.end(); ++it) {
            MANA_FUZZ_CHECK(wire::isValidName(it.key()), it.key());
            checkCanonical(it->updatedAt);
        }
        checkCanonical(change.deletedAt);
        const RecordState state = change.toRecordState(clientId);

        QByteArray fast;
        change.appendJson(&fast, clientId);
        const QByteArray viaQt =
            QJsonDocument(change.toJson(clientId)).toJson(QJsonDocument::Compact);
        MANA_FUZZ_CHECK(fast == viaQt, QStringLiteral("appendJson:\n%1\nQJsonDocument:\n%2")
                                           .arg(QString::fromUtf8(fast), QString::fromUtf8(viaQt)));
        if (i > 0)
            rewritten += ',';
        rewritten += fast;
    }
    rewritten += "]}";

    const auto reread = wire::parseBody(rewritten, &error, 64 * 1024 * 1024);
    MANA_FUZZ_CHECK(
        reread.has_value(),
        QStringLiteral("rewritten body refused: %1\n%2").arg(error, QString::fromUtf8(rewritten)));
    const auto again = wire::Changeset::fromJson(reread->object(), &error);
    MANA_FUZZ_CHECK(again.has_value(), QStringLiteral("rewritten changeset refused: %1\n%2")
                                           .arg(error, QString::fromUtf8(rewritten)));
    MANA_FUZZ_CHECK(again->changes.size() == changeset->changes.size(),
                    QStringLiteral("change count differs"));
    for (qsizetype i = 0; i < changeset->changes.size(); ++i) {
        const RecordState before =
            withoutRecordMetadata(changeset->changes.at(i).toRecordState(clientId));
        const RecordState after =
            withoutRecordMetadata(again->changes.at(i).toRecordState(clientId));
        MANA_FUZZ_CHECK(before == after, QStringLiteral("change %1 state before:\n%2\nafter:\n%3")
                                             .arg(i)
                                             .arg(describe(before), describe(after)));
    }
    return 0;
}
