// LocalStore's write groups: several writes as one transaction, told to
// listeners once it committed (localstore.h, writeGroup). A delete of a
// project with its 200 tasks is all or nothing, one commit (one fsync)
// instead of 201, and the lists refresh once.
#include "collection.h"
#include "localstore.h"
#include "nativesqlite.h"
#include "pendingchangequeue.h"

#include <QSqlError>
#include <QSqlQuery>

namespace mana {

bool LocalStore::writeGroup(const std::function<bool(QString *error)> &body, QString *error)
{
    if (m_groupDepth > 0) {
        // Part of the running group; undone alone when its body fails.
        ++m_groupDepth;
        const bool ok = inSavepoint(body, error);
        --m_groupDepth;
        return ok;
    }
    m_groupWrites.clear();
    const bool ok = inTransaction(
        [&](QString *stepError) {
            ++m_groupDepth;
            const bool bodyOk = body(stepError);
            --m_groupDepth;
            if (!bodyOk && stepError->isEmpty())
                *stepError = QStringLiteral("The changes were not saved.");
            return bodyOk;
        },
        error);
    QList<QPair<Collection *, QStringList>> writes;
    writes.swap(m_groupWrites);
    if (!ok)
        return false; // rolled back: nobody hears of writes that are gone
    // Once per collection (in the order first written), then once per app.
    QList<QPair<Collection *, QStringList>> byCollection;
    for (const auto &[collection, ids] : std::as_const(writes)) {
        auto found = std::find_if(
            byCollection.begin(), byCollection.end(),
            [collection = collection](const auto &entry) { return entry.first == collection; });
        if (found == byCollection.end())
            byCollection.append({collection, ids});
        else
            found->second.append(ids);
    }
    QStringList apps;
    for (auto &[collection, ids] : byCollection) {
        ids.removeDuplicates();
        emit collection->changed(ids);
        if (!apps.contains(collection->spec().appId))
            apps.append(collection->spec().appId);
    }
    for (const QString &appId : std::as_const(apps))
        emit pendingChangesAdded(appId);
    return true;
}

bool LocalStore::inSavepoint(const std::function<bool(QString *)> &body, QString *error)
{
    const QString name = QStringLiteral("mana_write_%1").arg(++m_savepointDepth);
    QSqlQuery savepoint(database());
    if (!savepoint.exec(QStringLiteral("SAVEPOINT ") + name)) {
        --m_savepointDepth;
        if (error)
            *error = savepoint.lastError().text();
        return false;
    }
    // Writes noted before this savepoint stay; those inside go with it.
    const qsizetype writesBefore = m_groupWrites.size();
    QString bodyError;
    bool ok = body(&bodyError);
    QSqlQuery end(database());
    if (ok && !end.exec(QStringLiteral("RELEASE ") + name)) {
        bodyError = end.lastError().text();
        ok = false;
    }
    if (!ok) {
        reportWriteFailure(bodyError, m_native ? m_native->systemErrno() : 0);
        end.exec(QStringLiteral("ROLLBACK TO ") + name);
        end.exec(QStringLiteral("RELEASE ") + name);
        m_groupWrites.resize(writesBefore);
        if (m_pending)
            m_pending->invalidateCounts();
        if (error)
            *error = bodyError;
    }
    --m_savepointDepth;
    return ok;
}

void LocalStore::noteLocalWrite(Collection *collection, const QStringList &ids)
{
    if (m_groupDepth > 0) {
        m_groupWrites.append({collection, ids});
        return;
    }
    emit collection->changed(ids);
    emit pendingChangesAdded(collection->spec().appId);
}

} // namespace mana
