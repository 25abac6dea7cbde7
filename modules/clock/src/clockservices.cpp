#include "clockservices.h"

#include "localstore.h"

#include <QDir>
#include <QFileInfo>

namespace mana::clock {

namespace {

ClockServices::StartHook &startHook()
{
    static ClockServices::StartHook hook;
    return hook;
}

} // namespace

QString ClockServices::statePathFor(const QString &databasePath)
{
    if (databasePath.isEmpty())
        return {};
    const QFileInfo database(databasePath);
    return database.dir().filePath(database.completeBaseName() +
                                   QStringLiteral(".clock-state.ini"));
}

void ClockServices::setStartHook(StartHook hook)
{
    startHook() = std::move(hook);
}

ClockServices::ClockServices(LocalStore *store)
    : QObject(store)
    , m_alarms(store, statePathFor(store->filePath()))
    , m_timers(store)
{
    setObjectName(QStringLiteral("mana.clock.services"));
}

ClockServices *ClockServices::existingFor(const LocalStore *store)
{
    return store ? store->findChild<ClockServices *>(QStringLiteral("mana.clock.services"),
                                                     Qt::FindDirectChildrenOnly)
                 : nullptr;
}

ClockServices *ClockServices::forStore(LocalStore *store)
{
    if (!store)
        return nullptr;
    if (ClockServices *existing = existingFor(store))
        return existing;
    auto *services = new ClockServices(store);
    if (startHook())
        startHook()(services);
    services->m_alarms.start();
    services->m_timers.start();
    return services;
}

} // namespace mana::clock
