// The one AlarmService, TimerService and Stopwatch of a profile, shared by
// whoever needs them: the app (notifications while the page is closed) and
// the Clock page (banners, buttons). The first forStore() call creates them
// as a child of the LocalStore, started, with the system clock; later calls
// return the same object, and it goes away with the store (a profile switch
// makes a new one). So no ring is handled twice and the stopwatch keeps
// running while the page is unloaded.
//
// The alarm state file sits next to the profile's database:
// "<dir>/guest.sqlite" → "<dir>/guest.clock-state.ini".
#pragma once

#include "alarmservice.h"
#include "stopwatch.h"
#include "timerservice.h"

#include <QObject>
#include <functional>

namespace mana::clock {

class ClockServices : public QObject
{
    Q_OBJECT
public:
    // Null without a store. start() of the services has run (missed alarms
    // and timers that ran out were emitted then: an app that wants to notify
    // them connects through connectOnStart, see docs/clock.md).
    static ClockServices *forStore(LocalStore *store);
    // Whether forStore has made the services of `store` already.
    static ClockServices *existingFor(const LocalStore *store);
    static QString statePathFor(const QString &databasePath);

    // Called with the new services before they start, so the first start's
    // `missed` and `timerFinished` signals reach the caller (the app's
    // notifier). Register before the first forStore().
    using StartHook = std::function<void(ClockServices *)>;
    static void setStartHook(StartHook hook);

    AlarmService *alarms() { return &m_alarms; }
    TimerService *timers() { return &m_timers; }
    Stopwatch &stopwatch() { return m_stopwatch; }

private:
    explicit ClockServices(LocalStore *store);

    AlarmService m_alarms;
    TimerService m_timers;
    Stopwatch m_stopwatch;
};

} // namespace mana::clock
