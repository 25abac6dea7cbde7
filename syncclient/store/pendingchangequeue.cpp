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

QList<PendingChange> PendingChangeQueue::list(const QString &appId, int limit,
                                              qint64 afterSequence) const
{
    QList<PendingChange> changes;
    QString error;
    const QString sql =
        QStringLiteral("SELECT sequence, app_id, table_name, wire_name, record_id, op, fields_json "
                       "FROM _pending_changes WHERE (? = '' OR app_id = ?) AND sequence > ? "
                       "ORDER BY sequence LIMIT ?");
    const QString app = appId.isNull() ? QStringLiteral("") : appId;
    // The rows and the records the inserts among them refer to (up to a
    // push's worth, each read on its own) come from one snapshot.
    const NativeSqlite::ReadTransaction snapshot(m_native);
    auto append = [&](qint64 sequence, QString rowApp, QString tableName, QString wireName,
                      QString recordId, const QString &op, const QString &fieldsJson) {
        PendingChange change;
        change.sequence = sequence;
        change.appId = std::move(rowApp);
        change.tableName = std::move(tableName);
        change.wireName = std::move(wireName);
        change.recordId = std::move(recordId);
        change.op = wire::changeOpFromString(op).value_or(wire::ChangeOp::Update);
        if (!fieldsJson.isEmpty())
            change.fields = fieldsFromJson(fieldsJson.toUtf8());
        changes.append(change);
    };
    // Read before every push: SQLite directly where it can be.
    if (m_native) {
        NativeStatement *select = m_native->prepare(sql, &error);
        if (!select) {
            qCWarning(lcStore) << "reading the pending changes failed:" << error;
            return changes;
        }
        select->bindText(1, app);
        select->bindText(2, app);
        select->bindInt64(3, afterSequence);
        select->bindInt64(4, limit);
        NativeStatement::Step step;
        while ((step = select->step()) == NativeStatement::Step::Row)
            append(select->int64(0), select->text(1), select->text(2), select->text(3),
                   select->text(4), select->text(5), select->text(6));
        if (step != NativeStatement::Step::Done)
            qCWarning(lcStore) << "reading the pending changes failed:" << select->errorMessage();
        select->reset();
    } else {
        QSqlQuery *query = m_statements->prepare(sql, &error);
        if (!query) {
            qCWarning(lcStore) << "reading the pending changes failed:" << error;
            return changes;
        }
        bindPositional(query, {app, app, afterSequence, limit});
        if (!query->exec()) {
            qCWarning(lcStore) << "reading the pending changes failed:"
                               << query->lastError().text();
            return changes;
        }
        while (query->next())
            append(query->value(0).toLongLong(), query->value(1).toString(),
                   query->value(2).toString(), query->value(3).toString(),
                   query->value(4).toString(), query->value(5).toString(),
                   query->value(6).toString());
        query->finish();
    }
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

    // SQLite numbers the row one above the table's highest. That number may
    // have been given before, when the row holding the highest one was just
    // removed (rewritten above, or acknowledged) - and a push in flight
    // acknowledges by number, so such a row is renumbered above every number
    // this queue gave. The table once used AUTOINCREMENT for this, which
    // costs every write another page (sqlite_sequence); docs/decisions.md.
    static const QString insertSql = QStringLiteral(
        "INSERT INTO _pending_changes (app_id, table_name, wire_name, record_id, op, "
        "fields_json) VALUES (?, ?, ?, ?, ?, ?)");
    const QString fieldsJson =
        wholeRecord ? QStringLiteral("") : QString::fromUtf8(fieldsToJson(merged));
    qint64 sequence = 0;
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
        if (inserted)
            sequence = insert->lastInsertRowId();
        else if (error)
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
        sequence = insert->lastInsertId().toLongLong();
    }
    if (sequence <= m_lastSequence) {
        QSqlQuery *renumber = m_statements->prepare(
            QStringLiteral("UPDATE _pending_changes SET sequence = ? WHERE sequence = ?"), error);
        if (!renumber)
            return false;
        bindPositional(renumber, {m_lastSequence + 1, sequence});
        if (!renumber->exec())
            return fail(renumber);
        sequence = m_lastSequence + 1;
    }
    m_lastSequence = sequence;
    if (!replacing && m_countsValid)
        ++m_countByApp[appId];
    return true;
}

} // namespace mana
