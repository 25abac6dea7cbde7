#include "syncservice.h"

#include "pushbody.h"

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

const QString kDeletedAt = QStringLiteral("deletedAt");

HttpReply unauthorized()
{
    return HttpReply::error(401, QStringLiteral("unauthorized"),
                            QStringLiteral("A valid access token is required "
                                           "(Authorization: Bearer …)."));
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
        return withUser(HttpReply::badRequest(
            QStringLiteral("The app id \"%1\" is not allowed.").arg(appId.left(40))));

    auto read =
        readPushBody(request.body(), QString::fromUtf8(headerValue(request, "X-Client-Id")), appId);
    if (auto *refusal = std::get_if<HttpReply>(&read))
        return withUser(std::move(*refusal));
    PushBody &push = std::get<PushBody>(read);
    const QString &clientId = push.clientId;
    QList<IncomingRecordChange> &incoming = push.records;

    const auto headBefore = m_store.head(userId);
    if (!headBefore) {
        m_metrics.addDatabaseError();
        return withUser(HttpReply::error(500, QStringLiteral("internal"),
                                         QStringLiteral("The database did not answer.")));
    }
    const qint64 since = m_store.parseCursor(push.changeset.since, *headBefore);

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
    response.accepted = int(push.changeset.changes.size());
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
        return withUser(HttpReply::badRequest(
            QStringLiteral("The app id \"%1\" is not allowed.").arg(appId.left(40))));
    const QString clientId = QString::fromUtf8(headerValue(request, "X-Client-Id"));
    if (clientId.isEmpty())
        return withUser(
            HttpReply::badRequest(QStringLiteral("The X-Client-Id header is missing.")));

    const QUrlQuery query = request.query();
    const QString collection =
        query.queryItemValue(QStringLiteral("collection"), QUrl::FullyDecoded);
    if (!collection.isEmpty() && !wire::isValidName(collection))
        return withUser(HttpReply::badRequest(
            QStringLiteral("The collection name \"%1\" is not allowed.").arg(collection.left(80))));
    int limit = m_config.pullDefaultLimit;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return withUser(
                HttpReply::badRequest(QStringLiteral("limit must be a positive number.")));
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
