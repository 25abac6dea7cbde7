#include "sessiontestsupport.h"

#include "syncclientfixture.h"
#include "syncengine.h"

#include <QDateTime>
#include <QUuid>

namespace mana::sessiontest {

QStringList seedIds()
{
    return {QStringLiteral("seed-tour"), QStringLiteral("seed-welcome")}; // sorted
}

bool prepareProfile(LocalStore &store, bool isNewGuestProfile, QString *error)
{
    Collection *tasks = store.addCollection(synctest::taskSpec(), error);
    if (!tasks)
        return false;
    if (!isNewGuestProfile)
        return true;
    const QStringList ids = seedIds();
    for (const QString &id : ids) {
        const WriteResult written = tasks->insert(QJsonObject{{"id", id}, {"title", id}});
        if (!written) {
            *error = written.error;
            return false;
        }
    }
    return true;
}

std::unique_ptr<Session> makeSession(const QString &dataDirectory, const QUrl &serverUrl,
                                     bool allowPlainTokenFile)
{
    Session::Options options;
    options.dataDirectory = dataDirectory;
    options.serverUrl = serverUrl;
    options.allowPlainTokenFile = allowPlainTokenFile;
    options.networkTimeoutMs = 5000;
    auto session = std::make_unique<Session>(options);
    session->setProfilePreparer(&prepareProfile);
    session->setSyncEngineConfig(synctest::fastConfig(serverUrl));
    return session;
}

Collection *tasksOf(Session &session)
{
    return session.store() ? session.store()->collection(synctest::kAppId, QStringLiteral("tasks"))
                           : nullptr;
}

QStringList titlesOf(Session &session)
{
    QStringList titles;
    Collection *tasks = tasksOf(session);
    if (!tasks)
        return titles;
    for (const QJsonObject &row : tasks->query())
        titles.append(row.value("title").toString());
    titles.sort();
    return titles;
}

QStringList serverTaskIds(servertest::SyncApi &api, const servertest::TestUser &user,
                          QString *error)
{
    const servertest::PullResult pulled =
        api.pullAll(user, QUuid::createUuid().toString(QUuid::WithoutBraces), synctest::kAppId,
                    QStringLiteral("tasks"));
    if (!pulled.ok) {
        *error = pulled.error;
        return {};
    }
    QStringList ids;
    for (const QJsonObject &change : pulled.changes)
        ids.append(change.value("id").toString());
    ids.sort();
    return ids;
}

QString uniqueEmail(const QString &prefix)
{
    static int counter = 0;
    return QStringLiteral("%1-%2-%3@example.org")
        .arg(prefix)
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(++counter);
}

} // namespace mana::sessiontest
