#pragma once

#include <QLoggingCategory>

// Context's saves, imports and searches ("mana.context").
Q_DECLARE_LOGGING_CATEGORY(lcContext)
