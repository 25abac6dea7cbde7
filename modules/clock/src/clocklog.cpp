#include "clocklog.h"

Q_LOGGING_CATEGORY(lcClock, "mana.clock")
