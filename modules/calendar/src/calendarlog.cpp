#include "calendarlog.h"

Q_LOGGING_CATEGORY(lcCalendar, "mana.calendar")
