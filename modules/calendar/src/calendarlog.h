// The logging category of Calendar's logic (mana.calendar).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCalendar)
