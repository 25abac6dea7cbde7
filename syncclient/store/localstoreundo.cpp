// Undo of a write group as ONE step (localstore.h, writeGroupWithUndo and
// undo; undostep.h). Recording hooks into the write paths a group already
// goes through: Collection calls noteBeforeWrite() before it writes a
// record, which reads the record once (its first write in the group); the
// group's end reads each such record again, inside the transaction. What
// the group did is the difference of the two, so a write undone alone
// inside the group (a savepoint) leaves nothing to undo, and nothing else
// in the write paths changes.
#include "collection.h"
#include "localstore.h"

namespace mana {

namespace {

const QString kIdKey = QStringLiteral("id");
const QString kCreatedAtKey = QStringLiteral("createdAt");
const QString kUpdatedAtKey = QStringLiteral("updatedAt");
const QString kDeletedAtKey = QStringLiteral("deletedAt");

bool isStoreField(const QString &key)
{
    return key == kIdKey || key == kCreatedAtKey || key == kUpdatedAtKey || key == kDeletedAtKey;
}

bool isLive(const std::optional<QJsonObject> &record)
{
    return record && record->value(kDeletedAtKey).isNull();
}

QString recordKey(const QString &appId, const QString &collection, const QString &id)
{
    return appId + QLatin1Char('/') + collection + QLatin1Char('/') + id;
}

} // namespace

QStringList UndoStep::Record::writtenFields() const
{
    QStringList fields;
    if (!after)
        return fields;
    for (auto it = after->begin(); it != after->end(); ++it) {
        if (isStoreField(it.key()))
            continue;
        if (!before || before->value(it.key()) != it.value())
            fields.append(it.key());
    }
    return fields;
}

bool UndoStep::Record::liveBefore() const
{
    return isLive(before);
}

bool UndoStep::Record::liveAfter() const
{
    return isLive(after);
}

bool UndoStep::Record::unchanged() const
{
    if (before.has_value() != after.has_value())
        return false;
    return !before || (liveBefore() == liveAfter() && writtenFields().isEmpty());
}

QStringList UndoStep::appIds() const
{
    QStringList apps;
    for (const Record &record : records) {
        if (!apps.contains(record.appId))
            apps.append(record.appId);
    }
    return apps;
}

QStringList UndoStep::collections() const
{
    QStringList names;
    for (const Record &record : records) {
        const QString name = record.appId + QLatin1Char('/') + record.collection;
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

void LocalStore::recordBeforeWrite(Collection *collection, const QString &id)
{
    const QString key = recordKey(collection->spec().appId, collection->spec().wireName, id);
    if (m_undoRecorded.contains(key))
        return; // the state before the group is the one read at its first write
    m_undoRecorded.insert(key);
    m_undoRecording->records.append(UndoStep::Record{collection->spec().appId,
                                                     collection->spec().wireName, id,
                                                     collection->get(id, true), std::nullopt});
}

bool LocalStore::writeGroupWithUndo(const std::function<bool(QString *error)> &body, UndoStep *step,
                                    QString *error)
{
    if (step)
        *step = {};
    if (m_undoRecording)
        return writeGroup(body, error); // part of the step being recorded
    UndoStep recording;
    m_undoRecording = &recording;
    const bool ok = writeGroup(
        [&](QString *stepError) {
            if (!body(stepError))
                return false;
            // As the group leaves them: read before the commit, so nothing
            // that listens to the commit can come in between.
            for (UndoStep::Record &record : recording.records) {
                const Collection *written = collection(record.appId, record.collection);
                record.after = written ? written->get(record.id, true) : std::nullopt;
            }
            return true;
        },
        error);
    m_undoRecording = nullptr;
    m_undoRecorded.clear();
    if (!ok)
        return false;
    recording.records.removeIf([](const UndoStep::Record &record) { return record.unchanged(); });
    if (recording.records.isEmpty())
        return true;
    recording.id = ++m_lastUndoStepId;
    m_undoSteps.append(recording);
    while (m_undoSteps.size() > kMaxUndoSteps)
        m_undoSteps.removeFirst();
    if (step)
        *step = recording;
    return true;
}

const UndoStep *LocalStore::undoStep(int stepId) const
{
    for (const UndoStep &step : m_undoSteps) {
        if (step.id == stepId)
            return &step;
    }
    return nullptr;
}

void LocalStore::setUndoDescription(int stepId, const QString &description)
{
    for (UndoStep &step : m_undoSteps) {
        if (step.id == stepId)
            step.description = description;
    }
}

bool LocalStore::undo(int stepId, QString *error)
{
    const UndoStep *found = undoStep(stepId);
    if (!found) {
        if (error)
            *error = QStringLiteral("This can no longer be undone.");
        return false;
    }
    const UndoStep step = *found; // undoRecord's writes may not touch the list, but be safe
    // Last written first: a task comes back after the project it points to.
    const bool ok = writeGroup(
        [&](QString *stepError) {
            for (auto record = step.records.crbegin(); record != step.records.crend(); ++record) {
                if (!undoRecord(*record, stepError))
                    return false;
            }
            return true;
        },
        error);
    if (ok)
        m_undoSteps.removeIf([stepId](const UndoStep &kept) { return kept.id == stepId; });
    return ok;
}

bool LocalStore::undoRecord(const UndoStep::Record &record, QString *error)
{
    Collection *written = collection(record.appId, record.collection);
    if (!written) {
        *error =
            QStringLiteral("%1 is not open: the change cannot be undone.").arg(record.collection);
        return false;
    }
    const std::optional<QJsonObject> current = written->get(record.id, true);
    if (!current)
        return true; // purged since: nothing left to set back
    const bool liveNow = isLive(current);
    if (record.insertedByGroup()) {
        // The group made it: undo takes it away, whatever was edited since.
        if (!liveNow)
            return true;
        const WriteResult removed = written->remove(record.id);
        *error = removed.error;
        return removed.ok;
    }
    // Field by field, like the merge: a field someone wrote since the group
    // (here or on another device) keeps that newer value.
    QJsonObject revert;
    for (const QString &field : record.writtenFields()) {
        if (current->value(field) == record.after->value(field))
            revert.insert(field, record.before->value(field));
    }
    // The same for the record's being there: a record deleted or restored
    // since is left as it is now.
    const bool setLiveness =
        record.liveBefore() != record.liveAfter() && liveNow == record.liveAfter();
    const bool liveInTheEnd = setLiveness ? record.liveBefore() : liveNow;
    if (setLiveness && liveInTheEnd) {
        const WriteResult restored = written->restore(record.id);
        if (!restored) {
            *error = restored.error;
            return false;
        }
    }
    // A deleted record takes no edits; one deleted since keeps its fields.
    if (!revert.isEmpty() && (liveNow || liveInTheEnd)) {
        const WriteResult updated = written->update(record.id, revert);
        if (!updated) {
            *error = updated.error;
            return false;
        }
    }
    if (setLiveness && !liveInTheEnd) {
        const WriteResult removed = written->remove(record.id);
        if (!removed) {
            *error = removed.error;
            return false;
        }
    }
    return true;
}

} // namespace mana
