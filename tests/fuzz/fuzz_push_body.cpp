// A push body (POST /api/v1/sync/{appId}) as mana-sync reads it: the body
// checks of wire::parseBody, the fields the server fills in when the body
// leaves them out (SyncService::handlePush), Changeset::fromJson and each
// change as the record state the merge sees.
//
// Beyond "no crash, no sanitizer report", every accepted body must survive
// the client's way back out: a change the reader accepted, written with the
// fast writer Change::appendJson, is the same bytes QJsonDocument writes for
// Change::toJson, and reads back to the same record state. A timestamp the
// reader made canonical stays so.
#include "fuzzsupport.h"

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
    QString error;
    const auto document = wire::parseBody(body, &error);
    if (!document || !document->isObject())
        return 0;

    // What SyncService::handlePush fills in before it reads the changeset.
    const QString headerClientId = QStringLiteral("fuzz-client");
    QJsonObject object = document->object();
    QString clientId = object.value(QStringLiteral("clientId")).toString().trimmed();
    if (clientId.isEmpty())
        clientId = headerClientId;
    if (!object.value(QStringLiteral("clientId")).isString())
        object.insert(QStringLiteral("clientId"), clientId);
    if (!object.value(QStringLiteral("appId")).isString())
        object.insert(QStringLiteral("appId"), QStringLiteral("todo"));
    if (!object.value(QStringLiteral("since")).isString())
        object.insert(QStringLiteral("since"), QStringLiteral("1970-01-01T00:00:00.000Z"));

    const auto changeset = wire::Changeset::fromJson(object, &error);
    if (!changeset) {
        MANA_FUZZ_CHECK(!error.isEmpty(), QStringLiteral("refused without a reason"));
        return 0;
    }

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
