#include "profiledirectory.h"

#include "localstore.h"

#include <QDir>
#include <QFile>
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

AdoptionReport adoptGuestRecords(LocalStore &guest, LocalStore &account)
{
    AdoptionReport report;
    // Record ids per collection, in queue order (oldest first).
    QList<QPair<QString, QString>> collectionOrder;
    QHash<QPair<QString, QString>, QStringList> idsByCollection;
    QSet<QString> seen;
    for (const PendingChange &change : guest.pendingChanges().list()) {
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
        QList<QJsonObject> inserts;
        QStringList deletedIds;
        for (const QString &id : ids) {
            const std::optional<QJsonObject> record = from->get(id, true);
            if (!record)
                continue; // queued but gone: nothing to keep
            if (into->get(id, true)) {
                ++report.skipped;
                continue;
            }
            QJsonObject values{{"id", id}};
            for (const FieldSpec &field : into->spec().fields) {
                const QJsonValue value = record->value(field.name);
                if (!value.isUndefined() && !(value.isNull() && field.optional == false))
                    values.insert(field.name, value);
            }
            inserts.append(values);
            if (!record->value("deletedAt").isNull())
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
