// The logging category of the auth subsystem. Messages never carry
// passwords or tokens (neither access nor refresh, not even hashed).
#pragma once

#include <QLoggingCategory>

namespace mana::server {
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
} // namespace mana::server
