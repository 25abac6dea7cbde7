// Remote changes into a collection: the shared merge (wire/merge.h) over the
// stored row, and the server's clamp of a local field's timestamp.
#include "collection.h"

#include "collection_p.h"
#include "localstore.h"
#include "recordrow.h"

namespace mana {

using namespace collectiondetail;

bool Collection::mergeRemote(const QString &id, const RecordState &incoming, bool *changed,
                             QString *error)
{
    *changed = false;
    const auto row = readRow(id, nullptr);
    const RecordState current = row ? stateOf(*row) : RecordState();
    const MergeOutcome outcome = mergeRecord(current, incoming);
    if (outcome.changedFields.isEmpty())
        return true;

    // The new row: the stored one with the fields the merge changed, as
    // column values by the spec's field order (a pull of 1,000 new records
    // spent a quarter of its merge time inserting into a QJsonObject that
    // was only read back for these bindings).
    const auto storedValue = [&](const QString &name) {
        return row ? row->record.value(name) : QJsonValue(QJsonValue::Null);
    };
    QJsonValue createdAt = storedValue(kCreatedAt);
    QJsonValue deletedAt = storedValue(kDeletedAt);
    QList<QJsonValue> values;
    values.reserve(m_spec.fields.size());
    for (const FieldSpec &field : m_spec.fields)
        values.append(storedValue(field.name));
    FieldMetaMap meta = row ? row->meta : FieldMetaMap();
    for (const QString &name : outcome.changedFields) {
        const FieldState &state = outcome.merged[name];
        FieldMeta entry{state.updatedAt, state.clientId, QJsonValue::Undefined};
        if (name == kId || name == kUpdatedAt)
            continue;
        if (name == kDeletedAt || name == kCreatedAt) {
            const auto canonical = canonicalTimestamp(state.value.toString());
            (name == kDeletedAt ? deletedAt : createdAt) =
                canonical ? QJsonValue(*canonical) : QJsonValue(QJsonValue::Null);
        } else if (const FieldSpec *field = m_spec.field(name)) {
            QJsonValue &column = values[field - m_spec.fields.constData()];
            const QString problem = field->validate(state.value, &column);
            if (!problem.isEmpty()) {
                // Kept in the meta, not in the typed column: nothing is lost.
                qCWarning(lcStore).noquote() << "remote value not stored in its column:" << problem;
                column = QJsonValue::Null;
                entry.extraValue = state.value;
            }
        } else {
            entry.extraValue = state.value; // a field this version does not declare
        }
        meta.insert(name, entry);
    }
    QString updatedAt;
    QString earliest;
    for (const FieldMeta &entry : std::as_const(meta)) {
        updatedAt = std::max(updatedAt, entry.updatedAt);
        earliest = earliest.isEmpty() ? entry.updatedAt : std::min(earliest, entry.updatedAt);
    }
    if (!createdAt.isString())
        createdAt = earliest;

    QVariantList bindings{id,
                          createdAt.toString(),
                          updatedAt,
                          deletedAt.isString() ? QVariant(deletedAt.toString()) : QVariant(),
                          row ? row->version + 1 : 1,
                          serializeFieldMeta(meta)};
    for (qsizetype i = 0; i < m_spec.fields.size(); ++i)
        bindings.append(columnValue(m_spec.fields.at(i), values.at(i)));
    // The hot path of a large pull: SQLite directly where it can be.
    if (NativeSqlite *native = m_store->native()) {
        NativeStatement *write = native->prepare(m_mergeSql, error);
        if (!write)
            return false;
        for (int i = 0; i < bindings.size(); ++i)
            write->bind(i + 1, bindings.at(i));
        const bool written = write->step() == NativeStatement::Step::Done;
        if (!written && error)
            *error = write->errorMessage();
        write->reset();
        if (!written)
            return false;
    } else {
        QSqlQuery *query = m_store->statements().prepare(m_mergeSql, error);
        if (!query || !execWith(query, bindings, error))
            return false;
    }
    *changed = true;
    return true;
}

bool Collection::adjustFieldTimestamp(const QString &id, const QString &field,
                                      const QString &updatedAt, QString *error)
{
    auto row = readRow(id, nullptr);
    if (!row)
        return true;
    auto meta = row->meta.find(field);
    if (meta == row->meta.end() || meta->clientId != m_store->clientId() ||
        meta->updatedAt <= updatedAt)
        return true;
    meta->updatedAt = updatedAt;
    QString latest;
    for (const FieldMeta &entry : std::as_const(row->meta))
        latest = std::max(latest, entry.updatedAt);
    QSqlQuery query(m_store->database());
    query.prepare(QStringLiteral("UPDATE %1 SET _fieldMeta = ?, updatedAt = ? WHERE id = ?")
                      .arg(quoteIdentifier(m_spec.tableName)));
    query.addBindValue(serializeFieldMeta(row->meta));
    query.addBindValue(latest);
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace mana
