#include "profiledirectory.h"

#include "localstore.h"
#include "query.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

Q_LOGGING_CATEGORY(lcProfiles, "mana.session.profiles")

namespace mana {

ProfileDirectory::ProfileDirectory(const QString &directory)
    : m_directory(directory)
{}

QString ProfileDirectory::guestDatabasePath() const
{
    return LocalStore::profilePath(m_directory, QStringLiteral("guest"));
}

QString ProfileDirectory::accountDatabasePath(const QString &userId) const
{
    return LocalStore::profilePath(m_directory, QStringLiteral("account-") + userId);
}

QString ProfileDirectory::stateFilePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("session.json"));
}

QString ProfileDirectory::plainTokenFilePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("tokens-NOT-SECURE.json"));
}

bool ProfileDirectory::ensureExists(QString *error) const
{
    if (m_directory.isEmpty() || !QDir().mkpath(m_directory)) {
        if (error)
            *error = QStringLiteral("Cannot create the data folder %1.")
                         .arg(QDir::toNativeSeparators(m_directory));
        return false;
    }
    return true;
}

LastProfile ProfileDirectory::readLastProfile(bool *exists) const
{
    LastProfile profile;
    QFile file(stateFilePath());
    if (exists)
        *exists = file.exists();
    if (!file.exists())
        return profile;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcProfiles).noquote()
            << "cannot read" << file.fileName() << ":" << file.errorString();
        return profile;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        qCWarning(lcProfiles).noquote()
            << file.fileName() << "is damaged; opening the guest profile";
        return profile;
    }
    const QJsonObject json = document.object();
    profile.serverUrl = QUrl(json.value("serverUrl").toString());
    profile.userId = json.value("userId").toString();
    profile.email = json.value("email").toString();
    profile.isAccount =
        json.value("profile").toString() == QLatin1String("account") && !profile.userId.isEmpty();
    return profile;
}

bool ProfileDirectory::writeLastProfile(const LastProfile &profile, QString *error) const
{
    QJsonObject json{{"profile", profile.isAccount ? "account" : "guest"},
                     {"serverUrl", profile.serverUrl.toString()}};
    if (profile.isAccount) {
        json.insert("userId", profile.userId);
        json.insert("email", profile.email);
    }
    QSaveFile file(stateFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    file.write(QJsonDocument(json).toJson());
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool ProfileDirectory::removeDatabase(const QString &path, QString *error)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.exists() && !file.remove()) {
            if (error)
                *error = QStringLiteral("Cannot delete %1: %2")
                             .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return false;
        }
    }
    return true;
}

bool ProfileDirectory::moveDatabaseAside(const QString &path, const QDateTime &at,
                                         QString *keptPath, QString *error)
{
    const QString stamp = at.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    // Two rebuilds within a second must not overwrite the first's copy.
    QString kept = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFile::exists(kept) || QFile::exists(kept + QStringLiteral("-wal")); ++n)
        kept = path + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
    // The log goes with its database: left behind, SQLite would replay a
    // damaged database's log into the fresh one.
    QStringList moved;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (!file.exists())
            continue;
        if (file.rename(kept + suffix)) {
            moved.append(suffix);
            continue;
        }
        if (error)
            *error = QStringLiteral("Cannot move %1 aside: %2")
                         .arg(QDir::toNativeSeparators(path + suffix), file.errorString());
        for (const QString &back : std::as_const(moved)) {
            if (!QFile::rename(kept + back, path + back))
                qCCritical(lcProfiles).noquote()
                    << "could not move" << kept + back << "back to" << path + back;
        }
        return false;
    }
    if (moved.isEmpty()) {
        if (error)
            *error = QStringLiteral("There is no database %1 to move aside.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    qCInfo(lcProfiles).noquote() << "moved" << path << "aside to" << kept;
    if (keptPath)
        *keptPath = kept;
    return true;
}

namespace {

// A guest record's values as the account's collection knows its fields.
QJsonObject fieldValues(const Collection &into, const QJsonObject &record)
{
    QJsonObject values;
    for (const FieldSpec &field : into.spec().fields) {
        const QJsonValue value = record.value(field.name);
        if (!value.isUndefined() && !(value.isNull() && field.optional == false))
            values.insert(field.name, value);
    }
    return values;
}

bool isDeleted(const QJsonObject &record)
{
    const QJsonValue deletedAt = record.value(QLatin1String("deletedAt"));
    return !deletedAt.isNull() && !deletedAt.isUndefined();
}

// The account's copy made to match the guest's record again (a write to the
// guest after an earlier adoption had copied it).
void overwrite(Collection &into, const QString &id, const QJsonObject &guestRecord,
               const QJsonObject &accountRecord, AdoptionReport *report)
{
    WriteResult result;
    if (!isDeleted(guestRecord) && isDeleted(accountRecord))
        result = into.restore(id);
    if (!result.error.isEmpty()) {
        report->problems.append(result.error);
        return;
    }
    QJsonObject changed;
    const QJsonObject values = fieldValues(into, guestRecord);
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (accountRecord.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    if (!changed.isEmpty())
        result = into.update(id, changed);
    if (result.error.isEmpty() && isDeleted(guestRecord) && !isDeleted(accountRecord))
        result = into.remove(id);
    if (!result.error.isEmpty())
        report->problems.append(result.error);
    else
        ++report->adopted;
}

} // namespace

AdoptionReport adoptGuestRecords(LocalStore &guest, LocalStore &account, qint64 afterSequence)
{
    AdoptionReport report;
    report.lastSequence = afterSequence;
    const bool catchingUp = afterSequence >= 0;
    // Record ids per collection, in queue order (oldest first).
    QList<QPair<QString, QString>> collectionOrder;
    QHash<QPair<QString, QString>, QStringList> idsByCollection;
    QSet<QString> seen;
    for (const PendingChange &change : guest.pendingChanges().list({}, -1, afterSequence)) {
        report.lastSequence = std::max(report.lastSequence, change.sequence);
        const QPair<QString, QString> key{change.appId, change.wireName};
        const QString seenKey = change.appId + u'/' + change.wireName + u'/' + change.recordId;
        if (seen.contains(seenKey))
            continue;
        seen.insert(seenKey);
        if (!idsByCollection.contains(key))
            collectionOrder.append(key);
        idsByCollection[key].append(change.recordId);
    }

    for (const auto &key : std::as_const(collectionOrder)) {
        const QStringList &ids = idsByCollection[key];
        Collection *from = guest.collection(key.first, key.second);
        Collection *into = account.collection(key.first, key.second);
        if (!from || !into) {
            report.problems.append(
                QStringLiteral("%1 records of %2/%3 have no collection to go to.")
                    .arg(ids.size())
                    .arg(key.first, key.second));
            continue;
        }
        // One read of the collection's queued records on each side (not two
        // per record: the switch runs on the GUI thread).
        auto recordsById = [&ids](Collection *collection, QString *error) {
            Query query;
            query.where(QStringLiteral("id"), Query::Op::In, QJsonArray::fromStringList(ids));
            query.includeDeleted = true;
            QHash<QString, QJsonObject> records;
            for (const QJsonObject &record : collection->query(query, error))
                records.insert(record.value(QLatin1String("id")).toString(), record);
            return records;
        };
        QString readError;
        const QHash<QString, QJsonObject> guestRecords = recordsById(from, &readError);
        const QHash<QString, QJsonObject> accountRecords =
            readError.isEmpty() ? recordsById(into, &readError) : QHash<QString, QJsonObject>();
        if (!readError.isEmpty()) {
            report.problems.append(
                QStringLiteral("%1/%2: %3").arg(key.first, key.second, readError));
            continue;
        }
        QList<QJsonObject> inserts;
        QStringList deletedIds;
        for (const QString &id : ids) {
            const auto found = guestRecords.constFind(id);
            if (found == guestRecords.cend())
                continue; // queued but gone: nothing to keep
            const QJsonObject *record = &found.value();
            if (const auto copied = accountRecords.constFind(id); copied != accountRecords.cend()) {
                if (catchingUp)
                    overwrite(*into, id, *record, copied.value(), &report);
                else
                    ++report.skipped;
                continue;
            }
            QJsonObject values = fieldValues(*into, *record);
            values.insert(QStringLiteral("id"), id);
            inserts.append(values);
            if (isDeleted(*record))
                deletedIds.append(id);
        }
        if (inserts.isEmpty())
            continue;
        QString error;
        into->insertMany(inserts, &error);
        if (!error.isEmpty()) {
            report.problems.append(QStringLiteral("%1/%2: %3").arg(key.first, key.second, error));
            continue;
        }
        report.adopted += int(inserts.size());
        // A record the guest deleted stays deleted, so a seed the guest
        // removed does not come back through the account.
        for (const QString &id : std::as_const(deletedIds)) {
            const WriteResult removed = into->remove(id);
            if (!removed)
                report.problems.append(removed.error);
        }
    }
    qCInfo(lcProfiles) << "adopted" << report.adopted << "guest records, skipped" << report.skipped
                       << "already in the account," << report.problems.size() << "problems";
    return report;
}

} // namespace mana
