#include "pushbody.h"

#include "wire/timestamp.h"

namespace mana::server {

namespace {

// wire::parseBody and the wire parsers start their reasons with the
// PROTOCOL.md code ("invalid_json: …"); the code picks the status.
HttpReply wireError(const QString &reason)
{
    static const QList<std::pair<QString, int>> knownCodes{
        {QStringLiteral("invalid_json"), 400},
        {QStringLiteral("bad_request"), 400},
        {QStringLiteral("payload_too_large"), 413},
        {QStringLiteral("too_many_changes"), 413},
    };
    for (const auto &[code, status] : knownCodes) {
        if (reason.startsWith(code + QLatin1Char(':')))
            return HttpReply::error(status, code, reason.mid(code.size() + 1).trimmed());
    }
    return HttpReply::badRequest(reason);
}

} // namespace

std::optional<QString> validatePushedRecord(const QString &table, const QString &id,
                                            const RecordState &state)
{
    if (!wire::isValidName(table))
        return QStringLiteral("The table name \"%1\" is not allowed.").arg(table.left(80));
    if (!wire::isValidRecordId(id))
        return QStringLiteral("A record id in table %1 is empty, longer than %2 bytes or "
                              "contains a control character.")
            .arg(table)
            .arg(wire::kMaxRecordIdBytes);
    // JSON lets "\ud800" through; the database keeps UTF-8, where such an id
    // would become another id.
    if (!id.isValidUtf16())
        return QStringLiteral("A record id in table %1 is not valid Unicode.").arg(table);
    if (state.isEmpty())
        return QStringLiteral("The change of %1/%2 carries no fields.").arg(table, id);
    for (auto it = state.begin(); it != state.end(); ++it) {
        if (!wire::isValidName(it.key()))
            return QStringLiteral("The field name \"%1\" in %2/%3 is not allowed.")
                .arg(it.key().left(80), table, id);
        if (!parseTimestamp(it->updatedAt))
            return QStringLiteral("The field %1 of %2/%3 has no valid timestamp.")
                .arg(it.key(), table, id);
        // deletedAt decides whether a record is deleted everywhere, so it is
        // null or a time, never something a replica could read differently.
        if (it.key() == QLatin1String("deletedAt") && !it->value.isNull() &&
            !(it->value.isString() && parseTimestamp(it->value.toString())))
            return QStringLiteral("deletedAt of %1/%2 must be null or a timestamp.").arg(table, id);
    }
    return std::nullopt;
}

std::variant<PushBody, HttpReply> readPushBody(const QByteArray &bytes,
                                               const QString &headerClientId, const QString &appId)
{
    QString parseError;
    const auto document = wire::parseBody(bytes, &parseError);
    if (!document)
        return wireError(parseError);
    if (!document->isObject())
        return HttpReply::badRequest(QStringLiteral("The body must be a JSON object."));

    QJsonObject body = document->object();
    PushBody push;
    push.clientId = headerClientId;
    if (push.clientId.isEmpty())
        push.clientId = body.value(QStringLiteral("clientId")).toString().trimmed();
    if (push.clientId.isEmpty())
        return HttpReply::badRequest(QStringLiteral("The client id is missing (X-Client-Id header "
                                                    "or clientId in the body)."));
    if (!push.clientId.isValidUtf16())
        return HttpReply::badRequest(QStringLiteral("The client id is not valid Unicode."));
    // The path and the header are authoritative; fill what the body may leave out.
    if (!body.value(QStringLiteral("clientId")).isString())
        body.insert(QStringLiteral("clientId"), push.clientId);
    if (!body.value(QStringLiteral("appId")).isString())
        body.insert(QStringLiteral("appId"), appId);
    if (!body.value(QStringLiteral("since")).isString())
        body.insert(QStringLiteral("since"), QStringLiteral("1970-01-01T00:00:00.000Z"));

    QString changesetError;
    auto changeset = wire::Changeset::fromJson(body, &changesetError);
    if (!changeset)
        return wireError(changesetError);

    push.records.reserve(changeset->changes.size());
    for (const wire::Change &change : changeset->changes) {
        IncomingRecordChange record{change.table, change.id, change.toRecordState(push.clientId)};
        if (const auto problem = validatePushedRecord(record.table, record.id, record.state))
            return HttpReply::badRequest(*problem);
        push.records.append(std::move(record));
    }
    push.changeset = std::move(*changeset);
    return push;
}

} // namespace mana::server
