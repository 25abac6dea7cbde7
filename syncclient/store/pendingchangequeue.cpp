#include "pendingchangequeue.h"

#include "nativesqlite.h"

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

PendingChangeQueue::PendingChangeQueue(const QString &connectionName, StatementCache *statements,
                                       NativeSqlite *native, RecordResolver resolver)
    : m_connectionName(connectionName)
    , m_statements(statements)
    , m_native(native)
    , m_resolver(std::move(resolver))
{}

QSqlDatabase PendingChangeQueue::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QList<PendingChange> PendingChangeQueue::list(const QString &appId, int limit) const
{
    QList<PendingChange> changes;
    QString error;
    QSqlQuery *query = m_statements->prepare(
        QStringLiteral(
            "SELECT sequence, app_id, table_name, wire_name, record_id, op, fields_json "
            "FROM _pending_changes WHERE (? = '' OR app_id = ?) ORDER BY sequence LIMIT ?"),
        &error);
    if (!query) {
        qCWarning(lcStore) << "reading the pending changes failed:" << error;
        return changes;
    }
    const QString app = appId.isNull() ? QStringLiteral("") : appId;
    bindPositional(query, {app, app, limit});
    if (!query->exec()) {
        qCWarning(lcStore) << "reading the pending changes failed:" << query->lastError().text();
        return changes;
    }
    while (query->next()) {
        PendingChange change;
        change.sequence = query->value(0).toLongLong();
        change.appId = query->value(1).toString();
        change.tableName = query->value(2).toString();
        change.wireName = query->value(3).toString();
        change.recordId = query->value(4).toString();
        change.op =
            wire::changeOpFromString(query->value(5).toString()).value_or(wire::ChangeOp::Update);
        const QString fieldsJson = query->value(6).toString();
        if (!fieldsJson.isEmpty())
            change.fields = fieldsFromJson(fieldsJson.toUtf8());
        changes.append(change);
    }
    query->finish();
    for (PendingChange &change : changes) {
        if (change.op == wire::ChangeOp::Insert && change.fields.isEmpty() && m_resolver)
            change.fields = m_resolver(change.tableName, change.recordId);
    }
    return changes;
}

int PendingChangeQueue::count(const QString &appId) const
{
    // Counted once, then kept up to date by record(); the status line asks
    // after every local write, and a count(*) per write would make a bulk
    // loop quadratic.
    if (!m_countsValid) {
        m_countByApp.clear();
        QString error;
        QSqlQuery *query = m_statements->prepare(
            QStringLiteral("SELECT app_id, count(*) FROM _pending_changes GROUP BY app_id"),
            &error);
        if (!query || !query->exec()) {
            qCWarning(lcStore) << "counting the pending changes failed:"
                               << (query ? query->lastError().text() : error);
            return 0;
        }
        while (query->next())
            m_countByApp.insert(query->value(0).toString(), query->value(1).toInt());
        query->finish();
        m_countsValid = true;
    }
    if (!appId.isEmpty())
        return m_countByApp.value(appId);
    int total = 0;
    for (const int count : std::as_const(m_countByApp))
        total += count;
    return total;
}

bool PendingChangeQueue::acknowledge(const QList<qint64> &sequences, QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    if (!remove(sequences, error)) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool PendingChangeQueue::remove(const QList<qint64> &sequences, QString *error)
{
    m_countsValid = false; // which apps lost rows is not known here
    QSqlQuery *query = m_statements->prepare(
        QStringLiteral("DELETE FROM _pending_changes WHERE sequence = ?"), error);
    if (!query)
        return false;
    for (const qint64 sequence : sequences) {
        bindPositional(query, {sequence});
        if (!query->exec()) {
            if (error)
                *error = query->lastError().text();
            return false;
        }
    }
    return true;
}

bool PendingChangeQueue::record(const QString &appId, const QString &tableName,
                                const QString &wireName, const QString &recordId, wire::ChangeOp op,
                                const QMap<QString, FieldState> &fields, QString *error)
{
    auto fail = [error](const QSqlQuery *query) {
        if (error && query)
            *error = query->lastError().text();
        return false;
    };

    // Coalesce with the record's queued row, if any: every field keeps its
    // latest value and timestamp. The row is re-inserted so it gets a new
    // sequence number (see the header for why).
    QMap<QString, FieldState> merged = fields;
    wire::ChangeOp mergedOp = op;
    bool wholeRecord = op == wire::ChangeOp::Insert;
    bool replacing = false;
    if (op != wire::ChangeOp::Insert) {
        QSqlQuery *existing = m_statements->prepare(
            QStringLiteral("SELECT sequence, op, fields_json FROM _pending_changes "
                           "WHERE table_name = ? AND record_id = ?"),
            error);
        if (!existing)
            return false;
        bindPositional(existing, {tableName, recordId});
        if (!existing->exec())
            return fail(existing);
        if (existing->next()) {
            const qint64 sequence = existing->value(0).toLongLong();
            const auto previousOp = wire::changeOpFromString(existing->value(1).toString());
            merged = fieldsFromJson(existing->value(2).toString().toUtf8());
            existing->finish();
            for (auto it = fields.begin(); it != fields.end(); ++it)
                merged.insert(it.key(), it.value());
            if (previousOp == wire::ChangeOp::Insert) {
                mergedOp = wire::ChangeOp::Insert; // never pushed yet: still the whole record
                wholeRecord = true;
            }
            const bool countsWereValid = m_countsValid;
            if (!remove({sequence}, error))
                return false;
            // The row is replaced below: the count stays.
            m_countsValid = countsWereValid;
            replacing = true;
        }
        existing->finish();
        if (mergedOp != wire::ChangeOp::Insert)
            mergedOp = isDeleted(merged) ? wire::ChangeOp::Delete : wire::ChangeOp::Update;
    }

    static const QString insertSql = QStringLiteral(
        "INSERT INTO _pending_changes (app_id, table_name, wire_name, record_id, op, "
        "fields_json) VALUES (?, ?, ?, ?, ?, ?)");
    const QString fieldsJson =
        wholeRecord ? QStringLiteral("") : QString::fromUtf8(fieldsToJson(merged));
    if (m_native) {
        NativeStatement *insert = m_native->prepare(insertSql, error);
        if (!insert)
            return false;
        insert->bindText(1, appId);
        insert->bindText(2, tableName);
        insert->bindText(3, wireName);
        insert->bindText(4, recordId);
        insert->bindText(5, wire::toString(mergedOp));
        insert->bindText(6, fieldsJson);
        const bool inserted = insert->step() == NativeStatement::Step::Done;
        if (!inserted && error)
            *error = insert->errorMessage();
        insert->reset();
        if (!inserted)
            return false;
    } else {
        QSqlQuery *insert = m_statements->prepare(insertSql, error);
        if (!insert)
            return false;
        bindPositional(
            insert, {appId, tableName, wireName, recordId, wire::toString(mergedOp), fieldsJson});
        if (!insert->exec())
            return fail(insert);
    }
    if (!replacing && m_countsValid)
        ++m_countByApp[appId];
    return true;
}

} // namespace mana
