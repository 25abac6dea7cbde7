// The logging category of the Clock app (core and page): "mana.clock".
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClock)
