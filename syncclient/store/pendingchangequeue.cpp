#include "pendingchangequeue.h"

#include "localstore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace mana {

namespace {

QByteArray fieldsToJson(const QMap<QString, FieldState> &fields)
{
    QJsonObject json;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        json.insert(it.key(), QJsonObject{{QStringLiteral("value"),
                                           it->value.isUndefined() ? QJsonValue() : it->value},
                                          {QStringLiteral("updatedAt"), it->updatedAt},
                                          {QStringLiteral("clientId"), it->clientId}});
    }
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QMap<QString, FieldState> fieldsFromJson(const QByteArray &text)
{
    QMap<QString, FieldState> fields;
    const QJsonObject json = QJsonDocument::fromJson(text).object();
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        fields.insert(it.key(), FieldState{entry.value(QLatin1String("value")),
                                           entry.value(QLatin1String("updatedAt")).toString(),
                                           entry.value(QLatin1String("clientId")).toString()});
    }
    return fields;
}

bool isDeleted(const QMap<QString, FieldState> &fields)
{
    const auto deletedAt = fields.constFind(QStringLiteral("deletedAt"));
    return deletedAt != fields.constEnd() && deletedAt->value.isString();
}

} // namespace

QList<wire::Change> PendingChange::toWireChanges() const
{
    QList<wire::Change> changes;
    QMap<QString, FieldState> edits = fields;
    const bool deleted = isDeleted(fields);
    const FieldState deletion = fields.value(QStringLiteral("deletedAt"));
    if (deleted)
        edits.remove(QStringLiteral("deletedAt"));

    if (op == wire::ChangeOp::Insert) {
        // `data` for servers that only know the original protocol, `fields`
        // so ours keeps every field's own timestamp.
        wire::Change insert{wireName, recordId, wire::ChangeOp::Insert, {}, edits, {}};
        QString updatedAt;
        for (auto it = edits.begin(); it != edits.end(); ++it) {
            insert.data.insert(it.key(), it->value.isUndefined() ? QJsonValue() : it->value);
            updatedAt = std::max(updatedAt, it->updatedAt);
        }
        insert.data.insert(QStringLiteral("id"), recordId);
        insert.data.insert(QStringLiteral("updatedAt"), updatedAt);
        if (!insert.data.contains(QStringLiteral("createdAt")))
            insert.data.insert(QStringLiteral("createdAt"), updatedAt);
        changes.append(insert);
    } else if (!edits.isEmpty()) {
        changes.append(wire::Change{wireName, recordId, wire::ChangeOp::Update, {}, edits, {}});
    }
    if (deleted) {
        wire::Change deletionChange{wireName, recordId, wire::ChangeOp::Delete,
                                    {},       {},       deletion.value.toString()};
        // The timestamp the deletion was made at, with its writer, as a field
        // (ext), so a receiver does not need to trust the value alone.
        deletionChange.fields.insert(QStringLiteral("deletedAt"), deletion);
        changes.append(deletionChange);
    }
    return changes;
}

PendingChangeQueue::PendingChangeQueue(const QString &connectionName)
    : m_connectionName(connectionName)
{}

QSqlDatabase PendingChangeQueue::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QList<PendingChange> PendingChangeQueue::list(const QString &appId, int limit) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT sequence, app_id, table_name, wire_name, record_id, op, fields_json "
                       "FROM _pending_changes WHERE (:app = '' OR app_id = :app) "
                       "ORDER BY sequence LIMIT :limit"));
    query.bindValue(QStringLiteral(":app"), appId.isNull() ? QStringLiteral("") : appId);
    query.bindValue(QStringLiteral(":limit"), limit);
    QList<PendingChange> changes;
    if (!query.exec()) {
        qCWarning(lcStore) << "reading the pending changes failed:" << query.lastError().text();
        return changes;
    }
    while (query.next()) {
        PendingChange change;
        change.sequence = query.value(0).toLongLong();
        change.appId = query.value(1).toString();
        change.tableName = query.value(2).toString();
        change.wireName = query.value(3).toString();
        change.recordId = query.value(4).toString();
        change.op =
            wire::changeOpFromString(query.value(5).toString()).value_or(wire::ChangeOp::Update);
        change.fields = fieldsFromJson(query.value(6).toByteArray());
        changes.append(change);
    }
    return changes;
}

int PendingChangeQueue::count(const QString &appId) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT count(*) FROM _pending_changes WHERE (:app = '' OR app_id = :app)"));
    query.bindValue(QStringLiteral(":app"), appId.isNull() ? QStringLiteral("") : appId);
    if (!query.exec() || !query.next()) {
        qCWarning(lcStore) << "counting the pending changes failed:" << query.lastError().text();
        return 0;
    }
    return query.value(0).toInt();
}

bool PendingChangeQueue::acknowledge(const QList<qint64> &sequences, QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM _pending_changes WHERE sequence = ?"));
    for (const qint64 sequence : sequences) {
        query.addBindValue(sequence);
        if (!query.exec()) {
            if (error)
                *error = query.lastError().text();
            db.rollback();
            return false;
        }
    }
    return db.commit();
}

bool PendingChangeQueue::record(const QString &appId, const QString &tableName,
                                const QString &wireName, const QString &recordId, wire::ChangeOp op,
                                const QMap<QString, FieldState> &fields, QString *error)
{
    QSqlDatabase db = database();
    auto fail = [error](const QSqlQuery &query) {
        if (error)
            *error = query.lastError().text();
        return false;
    };

    // Coalesce with the record's queued row, if any: every field keeps its
    // latest value and timestamp. The row is re-inserted so it gets a new
    // sequence number (see the header for why).
    QMap<QString, FieldState> merged = fields;
    wire::ChangeOp mergedOp = op;
    if (op != wire::ChangeOp::Insert) {
        QSqlQuery existing(db);
        existing.prepare(QStringLiteral("SELECT sequence, op, fields_json FROM _pending_changes "
                                        "WHERE table_name = ? AND record_id = ?"));
        existing.addBindValue(tableName);
        existing.addBindValue(recordId);
        if (!existing.exec())
            return fail(existing);
        if (existing.next()) {
            const qint64 sequence = existing.value(0).toLongLong();
            const auto previousOp = wire::changeOpFromString(existing.value(1).toString());
            merged = fieldsFromJson(existing.value(2).toByteArray());
            for (auto it = fields.begin(); it != fields.end(); ++it)
                merged.insert(it.key(), it.value());
            if (previousOp == wire::ChangeOp::Insert)
                mergedOp = wire::ChangeOp::Insert; // never pushed yet
            existing.finish();
            QSqlQuery remove(db);
            remove.prepare(QStringLiteral("DELETE FROM _pending_changes WHERE sequence = ?"));
            remove.addBindValue(sequence);
            if (!remove.exec())
                return fail(remove);
        }
        if (mergedOp != wire::ChangeOp::Insert)
            mergedOp = isDeleted(merged) ? wire::ChangeOp::Delete : wire::ChangeOp::Update;
    }

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO _pending_changes (app_id, table_name, wire_name, record_id, op, "
        "fields_json) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(appId);
    insert.addBindValue(tableName);
    insert.addBindValue(wireName);
    insert.addBindValue(recordId);
    insert.addBindValue(wire::toString(mergedOp));
    insert.addBindValue(QString::fromUtf8(fieldsToJson(merged)));
    if (!insert.exec())
        return fail(insert);
    return true;
}

} // namespace mana
