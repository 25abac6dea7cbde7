// Issues the timestamps of local writes. A device never issues a timestamp
// lower than or equal to one it issued before, even when the wall clock
// jumps back (NTP correction, a user changing the date): if the wall clock
// has not moved past the last issued time, the clock issues last + 1 ms.
#pragma once

#include "wire/timestamp.h"

#include <functional>

namespace mana {

class HybridLogicalClock
{
public:
    // Returns the wall-clock time in ms since the epoch. Injectable so tests
    // can make time jump (the nextcloud DateTimeProvider idea).
    using WallClock = std::function<Millis()>;

    static Millis systemWallClock();

    explicit HybridLogicalClock(WallClock wallClock = &HybridLogicalClock::systemWallClock);

    // The next timestamp: max(wall clock, last issued + 1).
    Millis issue();
    // Never issue at or below `millis` from now on (used when restoring the
    // last issued value from the database, and when seeing remote writes).
    void observe(Millis millis);
    Millis lastIssued() const { return m_last; }

private:
    WallClock m_wallClock;
    Millis m_last = 0;
};

} // namespace mana
