#include "syncservice.h"

#include "authservice.h"
#include "http/metrics.h"
#include "serverlog.h"
#include "wire/change.h"
#include "wire/timestamp.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>

namespace mana::server {

namespace {

const QString kEpoch = QStringLiteral("1970-01-01T00:00:00.000Z");
const QString kDeletedAt = QStringLiteral("deletedAt");

HttpReply unauthorized()
{
    return HttpReply::error(401, QStringLiteral("unauthorized"),
                            QStringLiteral("A valid access token is required "
                                           "(Authorization: Bearer …)."));
}

HttpReply badRequest(const QString &message)
{
    return HttpReply::error(400, QStringLiteral("bad_request"), message);
}

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
    return badRequest(reason);
}

// The merged current state as a change: a delete when deletedAt is set,
// else an update with every field (writer client ids included, our ext).
wire::Change toWireChange(const StoredRecord &record)
{
    wire::Change change;
    change.table = record.table;
    change.id = record.id;
    change.fields = record.state;
    const auto deleted = record.state.constFind(kDeletedAt);
    const auto deletedAt = deleted != record.state.constEnd() && deleted->value.isString()
                               ? canonicalTimestamp(deleted->value.toString())
                               : std::nullopt;
    if (deletedAt) {
        change.op = wire::ChangeOp::Delete;
        change.deletedAt = *deletedAt;
    } else {
        change.op = wire::ChangeOp::Update;
    }
    return change;
}

// Checks what the wire parser may have let through: names of PROTOCOL.md
// and a timestamp on every field (the merge cannot order a field without).
std::optional<QString> validateRecord(const QString &table, const QString &id,
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
        if (it.key() == kDeletedAt && !it->value.isNull() &&
            !(it->value.isString() && parseTimestamp(it->value.toString())))
            return QStringLiteral("deletedAt of %1/%2 must be null or a timestamp.").arg(table, id);
    }
    return std::nullopt;
}

} // namespace

SyncService::SyncService(ChangeStore &store, const AuthService &auth, Metrics &metrics,
                         SyncServiceConfig config)
    : m_store(store)
    , m_auth(auth)
    , m_metrics(metrics)
    , m_config(std::move(config))
{}

QByteArray SyncService::headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second.trimmed();
    }
    return {};
}

qint64 SyncService::nowMs() const
{
    return m_config.now ? m_config.now() : QDateTime::currentMSecsSinceEpoch();
}

HttpReply SyncService::handlePush(const QHttpServerRequest &request, const QString &appId)
{
    QString reason;
    const auto claims = m_auth.authenticate(request, &reason);
    if (!claims) {
        qCInfo(lcHttp).noquote() << "push refused:" << reason;
        return unauthorized();
    }
    const QString userId = claims->userId;
    const auto withUser = [&userId](HttpReply reply) {
        reply.userId = userId;
        return reply;
    };
    if (!wire::isValidAppId(appId))
        return withUser(
            badRequest(QStringLiteral("The app id \"%1\" is not allowed.").arg(appId.left(40))));

    QString parseError;
    const auto document = wire::parseBody(request.body(), &parseError);
    if (!document)
        return withUser(wireError(parseError));
    if (!document->isObject())
        return withUser(badRequest(QStringLiteral("The body must be a JSON object.")));

    QJsonObject body = document->object();
    QString clientId = QString::fromUtf8(headerValue(request, "X-Client-Id"));
    if (clientId.isEmpty())
        clientId = body.value(QStringLiteral("clientId")).toString().trimmed();
    if (clientId.isEmpty())
        return withUser(badRequest(QStringLiteral("The client id is missing (X-Client-Id header "
                                                  "or clientId in the body).")));
    if (!clientId.isValidUtf16())
        return withUser(badRequest(QStringLiteral("The client id is not valid Unicode.")));
    // The path and the header are authoritative; fill what the body may leave out.
    if (!body.value(QStringLiteral("clientId")).isString())
        body.insert(QStringLiteral("clientId"), clientId);
    if (!body.value(QStringLiteral("appId")).isString())
        body.insert(QStringLiteral("appId"), appId);
    if (!body.value(QStringLiteral("since")).isString())
        body.insert(QStringLiteral("since"), kEpoch);

    QString changesetError;
    const auto changeset = wire::Changeset::fromJson(body, &changesetError);
    if (!changeset)
        return withUser(wireError(changesetError));

    QList<IncomingRecordChange> incoming;
    incoming.reserve(changeset->changes.size());
    for (const wire::Change &change : changeset->changes) {
        IncomingRecordChange record{change.table, change.id, change.toRecordState(clientId)};
        if (const auto problem = validateRecord(record.table, record.id, record.state))
            return withUser(badRequest(*problem));
        incoming.append(std::move(record));
    }

    const auto headBefore = m_store.head(userId);
    if (!headBefore) {
        m_metrics.addDatabaseError();
        return withUser(HttpReply::error(500, QStringLiteral("internal"),
                                         QStringLiteral("The database did not answer.")));
    }
    const qint64 since = m_store.parseCursor(changeset->since, *headBefore);

    // Clock skew: a timestamp far ahead of ours is replaced by ours, so a
    // device with a wrong clock cannot win every future merge. A retry of a
    // clamped write finds its value already stored by the same writer and
    // keeps that stored timestamp, so the retry changes nothing.
    QList<wire::AdjustedTimestamp> adjusted;
    const qint64 now = nowMs();
    const qint64 latestAllowed = now + m_config.maxClockSkewMs;
    const auto clamp = [&](const IncomingRecordChange &change, const RecordState &current,
                           RecordState &state) {
        for (auto it = state.begin(); it != state.end(); ++it) {
            const auto millis = parseTimestamp(it->updatedAt);
            if (!millis || *millis <= latestAllowed)
                continue;
            const auto stored = current.constFind(it.key());
            const bool bothDeletions = it.key() == kDeletedAt && it->value.isString() &&
                                       stored != current.constEnd() && stored->value.isString();
            const bool sameWrite = stored != current.constEnd() &&
                                   stored->clientId == it->clientId &&
                                   (stored->value == it->value || bothDeletions);
            if (sameWrite) {
                *it = *stored;
            } else {
                it->updatedAt = formatTimestamp(now);
                // A deletion's value is its own time; keep the two in step.
                if (it.key() == kDeletedAt && it->value.isString())
                    it->value = it->updatedAt;
            }
            adjusted.append({change.table, change.id, it.key(), it->updatedAt});
        }
    };

    const ApplyResult applied = m_store.applyChanges(userId, appId, clientId, incoming, clamp);
    if (!applied.ok) {
        m_metrics.addDatabaseError();
        qCWarning(lcStore).noquote() << "push of user" << userId << "failed:" << applied.error;
        return withUser(HttpReply::error(500, QStringLiteral("internal"),
                                         QStringLiteral("The changes could not be stored; "
                                                        "nothing was applied. Retry later.")));
    }
    m_metrics.addChangesAccepted(applied.changedRecords);
    if (applied.changedRecords > 0 && onChangesCommitted)
        onChangesCommitted(userId, appId, applied.changedTables, clientId);

    const ChangePage page = m_store.changesSince(
        ChangeQuery{userId, appId, QString(), since, clientId, m_config.pushPageSize});
    if (!page.ok) {
        // The push itself is committed; the client retries and gets the
        // same effect once, plus the changes it missed.
        m_metrics.addDatabaseError();
        qCWarning(lcStore).noquote()
            << "reading changes for user" << userId << "failed:" << page.error;
        return withUser(HttpReply::error(500, QStringLiteral("internal"),
                                         QStringLiteral("The server changes could not be read.")));
    }

    wire::SyncResponse response;
    for (const StoredRecord &record : page.records)
        response.serverChanges.append(toWireChange(record));
    response.syncedUntil = m_store.formatCursor(page.syncedUntil);
    response.accepted = int(changeset->changes.size());
    response.adjusted = adjusted;
    response.hasMore = page.hasMore;
    return withUser(HttpReply::jsonText(200, response.toJsonText()));
}

HttpReply SyncService::handlePull(const QHttpServerRequest &request, const QString &appId)
{
    QString reason;
    const auto claims = m_auth.authenticate(request, &reason);
    if (!claims) {
        qCInfo(lcHttp).noquote() << "pull refused:" << reason;
        return unauthorized();
    }
    const QString userId = claims->userId;
    const auto withUser = [&userId](HttpReply reply) {
        reply.userId = userId;
        return reply;
    };
    if (!wire::isValidAppId(appId))
        return withUser(
            badRequest(QStringLiteral("The app id \"%1\" is not allowed.").arg(appId.left(40))));
    const QString clientId = QString::fromUtf8(headerValue(request, "X-Client-Id"));
    if (clientId.isEmpty())
        return withUser(badRequest(QStringLiteral("The X-Client-Id header is missing.")));

    const QUrlQuery query = request.query();
    const QString collection =
        query.queryItemValue(QStringLiteral("collection"), QUrl::FullyDecoded);
    if (!collection.isEmpty() && !wire::isValidName(collection))
        return withUser(badRequest(
            QStringLiteral("The collection name \"%1\" is not allowed.").arg(collection.left(80))));
    int limit = m_config.pullDefaultLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return withUser(badRequest(QStringLiteral("limit must be a positive number.")));
        limit = std::min(limit, m_config.pullMaxLimit);
    }

    const auto head = m_store.head(userId);
    if (!head) {
        m_metrics.addDatabaseError();
        return withUser(HttpReply::error(500, QStringLiteral("internal"),
                                         QStringLiteral("The database did not answer.")));
    }
    const qint64 since = m_store.parseCursor(
        query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded), *head);
    // A full resync (no usable cursor) includes the client's own writes: a
    // profile that lost its database but kept its client id gets them back.
    const QString excluded = since > 0 ? clientId : QString();
    const ChangePage page =
        m_store.changesSince(ChangeQuery{userId, appId, collection, since, excluded, limit});
    if (!page.ok) {
        m_metrics.addDatabaseError();
        qCWarning(lcStore).noquote() << "pull of user" << userId << "failed:" << page.error;
        return withUser(HttpReply::error(500, QStringLiteral("internal"),
                                         QStringLiteral("The changes could not be read.")));
    }
    wire::SyncResponse response;
    for (const StoredRecord &record : page.records)
        response.serverChanges.append(toWireChange(record));
    response.syncedUntil = m_store.formatCursor(page.syncedUntil);
    response.hasMore = page.hasMore;
    return withUser(HttpReply::jsonText(200, response.toJsonText()));
}

} // namespace mana::server
