// What the Clock tests share: a real LocalStore file with the clock module,
// and a fake wall clock that runs on with real time from the moment it is
// set (so the services' real timers can be exercised a few ms ahead).
#pragma once

#include "localstore.h"
#include "modulecatalog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <memory>

namespace clocktest {

class FakeClock
{
public:
    void set(const QDateTime &time)
    {
        m_base = time.toUTC();
        m_elapsed.restart();
    }
    QDateTime now() const { return m_base.addMSecs(m_elapsed.elapsed()); }

private:
    QDateTime m_base;
    QElapsedTimer m_elapsed;
};

inline const mana::ModuleInfo *clockModule()
{
    static const mana::ModuleCatalog catalog = mana::ModuleCatalog::load();
    return catalog.info(u"clock");
}

inline std::unique_ptr<mana::LocalStore> openClockStore(const QString &path)
{
    auto store = std::make_unique<mana::LocalStore>();
    QString error;
    if (!store->open(path, &error) || !clockModule() ||
        !store->addModule(clockModule()->spec, &error)) {
        qWarning("store: %s", qPrintable(error));
        return nullptr;
    }
    return store;
}

} // namespace clocktest
